/**
 * How every long-running process of the platform stops: once, on SIGTERM or SIGINT, or when the
 * supervisor that started it disappears (its IPC channel closes), by draining (`stop`) within a grace
 * period, then exiting. Written once here for the gateway, the subgraphs and the dev supervisor.
 */
export interface ShutdownOptions {
  /** What to stop, in order; in-flight work finishes inside it. */
  stop: (reason: string) => Promise<void>;
  /** After this, the process exits even if `stop` has not finished. */
  graceMs: number;
  /** The exit code after a clean stop (default 0). */
  exitCode?: number;
  log?: (line: string) => void;
}

export function onShutdown(options: ShutdownOptions): (reason: string) => Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    if (stopping) return stopping;
    log(`${reason}: stopping (grace ${options.graceMs} ms)`);
    // A last resort: a stop that hangs must not keep the process (and its port) alive forever.
    const force = setTimeout(() => {
      log(`${reason}: still stopping after ${options.graceMs} ms, exiting now`);
      process.exit(1);
    }, options.graceMs + 2_000);
    force.unref();
    stopping = options.stop(reason).then(
      () => process.exit(options.exitCode ?? 0),
      (error: unknown) => {
        log(`${reason}: error while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
  // Started by the supervisor (fork: an IPC channel): if it dies, so do we. No orphan serving stale config.
  if (process.send) process.on('disconnect', () => void shutdown('supervisor gone'));
  return shutdown;
}

/** Tells the supervisor (when there is one) that this process serves, and where. */
export function reportReady(message: Record<string, unknown>): void {
  process.send?.({ type: 'ready', ...message });
}
