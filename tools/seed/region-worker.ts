import { parentPort, workerData } from 'node:worker_threads';
import { type GenerationInput, produceRows } from './produce.js';
import type { Batch } from './run.js';
import type { FromGenerator, ToGenerator } from './thread-messages.js';

/**
 * The generator thread of a seed run from the compiled tooling (generate.ts starts it): it generates the rows
 * and posts each batch of UTF-8 COPY text (moved, not copied), while the main thread's only work is to stream
 * them into PostgreSQL. In one thread the two took turns: COPY waited while the generator computed, and the
 * generator waited for each COPY's round trips (a national load used about one of the two cores).
 */
const port = parentPort;
if (!port) throw new Error('region-worker.ts runs as a worker thread of tools/seed/generate.ts');

/** Resolvers of the batches posted and not yet taken up by the main thread, oldest first. */
const unacknowledged: (() => void)[] = [];
port.on('message', (message: ToGenerator) => {
  if (message.type === 'taken') unacknowledged.shift()?.();
});

const post = (message: FromGenerator, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
/**
 * Posts a batch (each chunk's bytes moved, not copied: every chunk owns its buffer, writer.ts); resolves once
 * the main thread has taken it up (it then streams it while this thread goes on).
 */
function send(batch: Batch): Promise<void> {
  const taken = new Promise<void>((resolve) => unacknowledged.push(resolve));
  post(
    { type: 'batch', batch },
    batch.flatMap((entry) => entry.chunks.map((chunk) => chunk.buffer as ArrayBuffer)), // a Uint8Array's, not shared
  );
  return taken;
}

const produced = await produceRows(workerData as GenerationInput, send, (done) => post({ type: 'region', ...done }));
post({ type: 'done', ...produced });
port.close();
