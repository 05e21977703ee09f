import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { childEnvironment, projectRoot } from '../../subgraphs/shared/config.js';

/** A server the tooling started as a child process from dist/. */
export interface Service {
  name: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a compiled entry point as a child process and resolves once it reports ready (lifecycle.ts). */
export async function startService(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  execArgv: string[] = [],
  /** The compiled tree to run from: this checkout's dist/ by default (a benchmark may compare another build). */
  distDir: string = join(projectRoot(), 'dist'),
): Promise<Service> {
  const child = fork(join(distDir, script), args, {
    env: childEnvironment(env),
    execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
