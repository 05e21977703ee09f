import { DEFAULT_PORTS } from '../subgraphs/index.js';
import { startGateway } from './gateway.js';

/**
 * `npm run start:gateway`: the gateway alone, in front of subgraphs that run elsewhere (for example each
 * started with `npm run start:subgraph -- <name>`). PERSONNEL_URL, LEARNING_URL, BUDGETING_URL and
 * EVALUATION_URL name them (default http://127.0.0.1:4001/ to :4004/); PORT (default 4000) and HOST.
 */
const subgraphUrls = Object.fromEntries(
  Object.entries(DEFAULT_PORTS).map(([name, port]) => [name, process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}/`]),
);
const gateway = await startGateway({
  subgraphUrls,
  port: process.env.PORT ? Number(process.env.PORT) : 4000,
  host: process.env.HOST ?? '127.0.0.1',
});
console.log(`Gateway at ${gateway.url}, subgraphs: ${Object.entries(subgraphUrls).map(([n, u]) => `${n} ${u}`).join(', ')}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await gateway.stop();
    process.exit(0);
  });
}
