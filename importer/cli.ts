import { userInfo } from 'node:os';
import { config } from '../subgraphs/shared/config.js';
import { ImportSetupError, importSettings, importTargets } from './connection.js';
import { DEFAULT_MAX_ERRORS, formatError, type ImportProgress, type ImportReport, runImport } from './engine.js';
import type { ImportKind } from './kind.js';
import { IMPORT_KINDS } from './kinds/index.js';
import { personnelDirectory } from './personnel-directory.js';

/**
 * `npm run import -- <kind> <file.csv> [--dry-run] [--max-errors N]` and `npm run import -- --template <kind>`.
 * Exit codes: 0 imported (or checked, with --dry-run), 1 the file was rejected (nothing changed), 2 wrong
 * usage or setup, 3 the import failed on an unexpected error (nothing changed).
 */

const USAGE = `usage: npm run import -- <kind> <file.csv> [--dry-run] [--max-errors N]
       npm run import -- --template <kind>
kinds: ${Object.keys(IMPORT_KINDS).join(', ')}`;

class UsageError extends Error {}

interface Command {
  template: boolean;
  kind: ImportKind;
  file: string | undefined;
  dryRun: boolean;
  maxErrors: number;
}

export function parseArguments(args: readonly string[]): Command {
  const positional: string[] = [];
  let template = false;
  let dryRun = false;
  let maxErrors = DEFAULT_MAX_ERRORS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--template') template = true;
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--max-errors') {
      maxErrors = Number(args[++i]);
      if (!Number.isInteger(maxErrors) || maxErrors < 1)
        throw new UsageError('--max-errors needs a positive whole number');
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const [kindName, file, ...rest] = positional;
  const kind = kindName === undefined ? undefined : IMPORT_KINDS[kindName];
  if (!kind) throw new UsageError(kindName === undefined ? 'name a kind' : `unknown kind "${kindName}"`);
  if (rest.length > 0 || (template && file !== undefined)) throw new UsageError('too many arguments');
  if (!template && file === undefined) throw new UsageError('name the file to import');
  return { template, kind, file, dryRun, maxErrors };
}

/** The header and one valid row of a kind, as a file of that kind starts. */
export function templateOf(kind: ImportKind): string {
  return `${kind.columns.map((c) => c.name).join(',')}\n${kind.example.join(',')}\n`;
}

export function describeReport(report: ImportReport): string[] {
  const lines = [
    `${report.fileName} (${report.kind}, sha256 ${report.sha256}): ${report.outcome}, ${report.rowsRead} rows read`,
  ];
  if (report.outcome === 'REJECTED') {
    lines.push(`${report.errorCount} error${report.errorCount === 1 ? '' : 's'}; nothing was changed:`);
    lines.push(...report.errors.map((error) => `  ${formatError(error)}`));
    if (report.errorCount > report.errors.length)
      lines.push(`  ... and ${report.errorCount - report.errors.length} more`);
  } else {
    const verb = report.outcome === 'DRY_RUN' ? 'would be' : 'were';
    lines.push(
      `${report.unit}: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged (${verb} written)`,
      ...report.summary.map((line) => `  ${line}`),
    );
  }
  lines.push(`recorded as import ${report.importId} of ${report.kind} in ${IMPORT_KINDS[report.kind]?.owner ?? '?'}`);
  return lines;
}

function progressPrinter(): (progress: ImportProgress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (progress.phase === 'reading' && now - last < 250) return;
    last = now;
    const share = progress.totalBytes > 0 ? Math.floor((100 * progress.bytes) / progress.totalBytes) : 100;
    const bar = '#'.repeat(Math.floor(share / 5)).padEnd(20, '.');
    process.stderr.write(
      `\r${progress.phase.padEnd(8)} [${bar}] ${share}% ${progress.rows.toLocaleString('en')} rows `,
    );
    if (progress.phase === 'merging') process.stderr.write('\n');
  };
}

export async function main(args: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (command.template) {
    process.stdout.write(templateOf(command.kind));
    return 0;
  }
  try {
    const targets = await importTargets(importSettings(config()));
    const report = await runImport({
      kind: command.kind,
      file: command.file ?? '',
      dryRun: command.dryRun,
      databaseUrl: targets.databaseUrl,
      personnel: personnelDirectory(targets.personnelUrl),
      importedBy: userInfo().username,
      maxErrors: command.maxErrors,
      onProgress: process.stderr.isTTY ? progressPrinter() : undefined,
    });
    for (const line of describeReport(report)) console.log(line);
    return report.outcome === 'REJECTED' ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportSetupError) {
      console.error(error.message);
      return 2;
    }
    console.error(`import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    return 3;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
