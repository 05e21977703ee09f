import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTelemetry, type Telemetry } from '../../subgraphs/shared/telemetry.js';
import { devAuthorization } from '../../tools/dev/dev-token.js';
import { README_FIRST_QUERY } from '../support/abuse-catalogue.js';

// Like an entry point: tracing starts before the platform's modules (Apollo, pg) are loaded.
const received: Buffer[] = [];
let telemetry: Telemetry | undefined;
let platform: { gateway: { url: string }; stop(): Promise<void> } | undefined;

beforeAll(async () => {
  const collector = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url === '/v1/traces') received.push(Buffer.concat(chunks));
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collector.unref();
  telemetry = await startTelemetry({
    endpoint: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    serviceName: 'pembinaan-test',
  });
  const { startPlatform } = await import('../../tools/dev/platform.js');
  platform = await startPlatform({ databaseUrl: inject('databaseUrl') });
});
afterAll(async () => {
  await platform?.stop();
});

describe('traces', () => {
  it('starts nothing without an endpoint', async () => {
    expect(await startTelemetry({ serviceName: 'x' })).toBeUndefined();
  });

  it('exports the gateway request, its plan and fetches, the subgraph requests and their SQL over OTLP', async () => {
    const response = await fetch(new URL('/graphql', platform!.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await devAuthorization()) },
      body: JSON.stringify({ query: README_FIRST_QUERY }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    await telemetry?.shutdown();
    // Protobuf keeps strings as UTF-8: enough to find span names without decoding.
    const exported = Buffer.concat(received).toString('latin1');
    expect(exported).toContain('pembinaan-test');
    expect(exported).toContain('gateway POST /graphql');
    expect(exported).toContain('gateway.fetch');
    for (const subgraph of ['personnel', 'learning', 'budgeting', 'evaluation'])
      expect(exported).toContain(`${subgraph} POST /`);
    expect(exported).toContain('pg.query');
    expect(exported).toContain('db.query.text');
    // Statement shapes only: no literal reaches the collector.
    expect(exported).not.toContain("'93.01.11.2009'");
  });
});
