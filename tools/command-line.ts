/**
 * A tool's command line parsed by `parse` (which returns null for --help and throws on a bad option):
 * a bad option prints its message and the usage (exit code 2), --help prints the usage (exit code 0).
 */
export function parseCommandLine<T>(
  parse: (argv: string[]) => T | null,
  usage: string,
  argv: string[] = process.argv.slice(2),
): { args: T } | { exitCode: number } {
  let args: T | null;
  try {
    args = parse(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return { exitCode: 2 };
  }
  if (args === null) {
    console.log(usage);
    return { exitCode: 0 };
  }
  return { args };
}
