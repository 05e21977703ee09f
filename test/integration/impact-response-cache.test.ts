import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { impactResponsesServed } from '../../subgraphs/evaluation/impact-response-cache.js';
import { INTERNAL_TOKEN_HEADER, signViewerToken } from '../../subgraphs/shared/internal-token.js';
import type { Viewer } from '../../subgraphs/shared/viewer.js';
import { devAuthorization } from '../../tools/dev/dev-token.js';
import { TrainingImpactDocument, type TrainingImpactQuery } from '../generated/graphql.js';
import { as, NATIONAL_ADMIN } from '../support/platform.js';
import { raiseBudgetLine, useScratchPlatform } from '../support/scratch-platform.js';

/**
 * Evaluation keeps whole trainingImpact responses (impact-response-cache.ts) and serves them without
 * execution while nothing they are made of changed: the operation, its variables, the viewer's access and
 * the regions' versions (read by one statement). On a database of its own: the test writes.
 */

const YEAR = 2025;
const REGENCIES = ['12.71', '12.75'];

const scratch = useScratchPlatform('impact_response_cache', {
  seed: 12,
  regions: REGENCIES,
  employeesPerRegion: 300,
  years: { from: 2024, to: 2025 },
});

type Comparison = TrainingImpactQuery['trainingImpact'];

interface Answer {
  data: TrainingImpactQuery | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function ask(codes: string[], viewer: Viewer = NATIONAL_ADMIN): Promise<Answer> {
  const response = await fetch(scratch.platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await devAuthorization(viewer)) },
    body: JSON.stringify({ query: print(TrainingImpactDocument), variables: { regionCodes: codes, year: YEAR } }),
  });
  return (await response.json()) as Answer;
}

async function compare(codes: string[], viewer: Viewer = NATIONAL_ADMIN): Promise<Comparison> {
  const body = await ask(codes, viewer);
  expect(JSON.stringify(body.errors)).toBeUndefined();
  return body.data!.trainingImpact;
}

/** What `work` cost evaluation: its SQL statements, and the responses it served without execution. */
async function cost(work: () => Promise<unknown>): Promise<{ statements: number; served: number }> {
  scratch.platform.statements.evaluation?.reset();
  const served = impactResponsesServed();
  await work();
  return {
    statements: scratch.platform.statements.evaluation?.count ?? Number.NaN,
    served: impactResponsesServed() - served,
  };
}

describe('whole trainingImpact responses kept by evaluation', () => {
  it('answers a repeated request with the kept response after one statement (the versions)', async () => {
    // The first request builds and keeps the response (the comparison reuses the versions the plugin read).
    const first = await compare(REGENCIES);
    expect(first.regions.map((r) => r.regionCode)).toEqual(REGENCIES);
    expect(first.regions[0]!.effect.perTenJp?.estimate).toEqual(expect.any(Number));
    let again: Comparison | undefined;
    expect(await cost(async () => (again = await compare(REGENCIES)))).toEqual({ statements: 1, served: 1 });
    expect(again).toEqual(first);
    // Other variables (the regions in another order) are another response, built once, then kept.
    const reversed = [...REGENCIES].reverse();
    expect((await cost(() => compare(reversed))).served).toBe(0);
    const [medan, binjai] = [...(await compare(reversed)).regions].reverse();
    expect([medan, binjai]).toEqual(first.regions);
  });

  it('never gives a planner an administrator’s kept response, nor one of another scope', async () => {
    const admin = await compare(['12.71']);
    const planner = await compare(['12.71'], as('planner', ['12.71']));
    // The planner's small cells are withheld; the administrator's are not.
    expect(planner.regions[0]!.units.some((u) => u.jp === null)).toBe(true);
    expect(admin.regions[0]!.units.every((u) => u.jp !== null)).toBe(true);
    expect(await cost(() => compare(['12.71'], as('planner', ['12.71'])))).toMatchObject({ served: 1 });
    // A planner of another regency, whose protection of 12.71 would be the same, is refused as before.
    const outside = await ask(['12.71'], as('planner', ['12.75']));
    expect(outside.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(outside.data?.trainingImpact ?? null).toBeNull();
    // And the administrator asked again gets the administrator's response, kept.
    let adminAgain: Comparison | undefined;
    expect(await cost(async () => (adminAgain = await compare(['12.71'])))).toEqual({ statements: 1, served: 1 });
    expect(adminAgain).toEqual(admin);
  });

  it('answers with the new figures after a write (a budget change), then keeps those', async () => {
    const before = await compare(REGENCIES);
    expect(await raiseBudgetLine(scratch.pool, YEAR, '12.71', 1_000_000)).toBeDefined();
    let after: Comparison | undefined;
    // The versions, then Medan's facts: built again, not served.
    expect(await cost(async () => (after = await compare(REGENCIES)))).toEqual({ statements: 2, served: 0 });
    expect(BigInt(after!.regions[0]!.cost.realisedSpending!)).toBe(
      BigInt(before.regions[0]!.cost.realisedSpending!) + 1_000_000n,
    );
    expect(after!.regions[1]).toEqual(before.regions[1]);
    let kept: Comparison | undefined;
    expect(await cost(async () => (kept = await compare(REGENCIES)))).toEqual({ statements: 1, served: 1 });
    expect(kept).toEqual(after);
  });

  it('writes a kept response as Apollo Server would serialise it, byte for byte', async () => {
    // Straight to the subgraph (as the gateway asks it), to read its bytes.
    const headers = {
      'content-type': 'application/json',
      [INTERNAL_TOKEN_HEADER]: await signViewerToken(NATIONAL_ADMIN, scratch.platform.keys.internalSigningKey),
    };
    const body = JSON.stringify({
      query:
        'query ($codes: [String!]!) { trainingImpact(regionCodes: $codes, year: 2025) { regions { regionCode effect { perTenJp { estimate lower } } } } }',
      variables: { codes: REGENCIES },
    });
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(scratch.platform.subgraphs.evaluation.url, { method: 'POST', headers, body });
      texts.push(await response.text());
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[1]).toBe(`${JSON.stringify(JSON.parse(texts[1]!))}\n`);
    expect(JSON.parse(texts[1]!).data.trainingImpact.regions.map((r: { regionCode: string }) => r.regionCode)).toEqual(
      REGENCIES,
    );
  });

  it('does not keep a response with errors', async () => {
    // 12.99 is well formed but no region: its `region` field is an error.
    const unknown = ['12.71', '12.99'];
    expect((await ask(unknown)).errors?.map((e) => e.extensions?.code)).toContain('NOT_FOUND');
    expect((await cost(() => ask(unknown))).served).toBe(0);
  });
});
