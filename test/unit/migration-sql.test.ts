import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Migration } from '@mikro-orm/migrations';
import { describe, expect, it } from 'vitest';
import { migrations as access } from '../../subgraphs/access/migrations/index.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';

type MigrationClass = new (driver: never, config: never) => Migration;

/** A migration's name and the SQL its up() adds, as PostgreSQL receives it: up() only collects statements. */
function rendered(migration: MigrationClass): { name: string; sql: string } {
  const instance = new migration(undefined as never, undefined as never); // up() uses neither driver nor config
  void instance.up();
  return { name: instance.name ?? migration.name, sql: instance.getQueries().map(String).join('\n;\n') };
}

// Through the subgraph definitions, not each migrations/index.ts: some migrations import a subgraph's feed.ts,
// which registers type-graphql resolvers, and the unit project shares its modules and type-graphql's global
// metadata between files (test/unit/schema.test.ts composes the schema in the definitions' order).
const ALL: Record<string, readonly MigrationClass[]> = {
  access,
  ...Object.fromEntries(Object.entries(SUBGRAPHS).map(([name, definition]) => [name, definition.migrations])),
};

/**
 * SHA-256 of the SQL every existing migration runs. A deployed database already ran it: helpers that build
 * migration SQL (shared/rollup-sql.ts, shared/feed.ts, ...) may be refactored only if these stay the same.
 * A new migration adds its line here.
 */
const PINNED: Record<string, string> = {
  'access/0001-initial': '8962bbad1da8e773413aa05ebbca503f23eae55cf24ebb8ec2a304b8fad948fb',
  'budgeting/0001-initial': '06592c50246a6a37929049df190870463563dcb0eacda0df9703f55fc4a49db2',
  'budgeting/0002-import-log': 'f747360b0aeac366bec14b203d2657e262fd3d671e40f55c96b0e32587fcfaab',
  'budgeting/0003-rollups': '6c5d608ea0d4120b996bd70ea3d8d4127c357c8a6d0d90402a88b74fc8990094',
  'budgeting/0004-import-log-source': '6668033e41b44a4d4d0e88c09e85dcb4b53b97577c7d803fb97c475491628b03',
  'budgeting/0006-feed-retention': 'b205acd07c44aab370e9f48af22338b166720981431b650d1df2ea77ff91de78',
  'budgeting/0007-redundant-indexes': 'e270fa87d34b0fb673c2659fb379044c9c46402bd0ade2abc2de62b7599d23fb',
  'evaluation/0001-initial': '68a798264ee2d0e72b12f792d1b76636009634e87154acd14a3d36672160a315',
  'evaluation/0002-enum-checks': 'ed84dc39e968ff508e6537c070e418f344492015673213a8b04e290dbf26bdb1',
  'evaluation/0003-ikm-band-rounding': '2f2014bc57a1a0b9d5b853e30e895651cb8cc94c4a4e33f84cac779cc72069ce',
  'evaluation/0004-import-log': '36c463c2dc8e5783efc8ca5866747ded3e1b875ca5f0dc931440c3139c7a8be7',
  'evaluation/0005-read-model': 'ab3d1ff1fdad7ed484a114e72ce16f71dcd336f015cc54a38e29323f66a14479',
  'evaluation/0006-survey-scores': '45285d3c1114aba9f9fb46b42429420029c23f10a61a02fd4e52e3ece0541bda',
  'evaluation/0007-skp-change': '1acd57507127792ad0e930684464e4f939da68b88c57f3983520252799ea7883',
  'evaluation/0008-analytics-indexes': 'ad56711d8a99c29d55a7388788c0e4a8560b505a0b10f79b82a52953530e9299',
  'evaluation/0009-import-log-source': 'c0e16d3439cf5ea3ebb524526691ea3439f034a2fa893ccbad2c2eff2c18af9e',
  'evaluation/0010-read-model-courses': '8762ad84bed0b4dedcd326eef690ae69bf0d3e56efa201c2c42bcb63af6830f1',
  'evaluation/0011-impact-versions': 'f30d7381bab5c91a33d644a76e1ccc66e90650c5c689fdb75538d643761221d7',
  'evaluation/0012-impact-facts-versions': '7bfb4c50069af1150167fdabbfb751a23b8252dba2bb2d4000fdb95be1dd0e2d',
  'evaluation/0013-set-based-rebuild': 'cb11758149ed45464940bc7d4a2d86205d54de301c9ba8e426a9114e22a0f734',
  'evaluation/0014-redundant-indexes': '0b6675e38c9d48a9fa54a6bb3ea850ddc44e5ac002e4d106a8cc52e3ded351c3',
  'learning/0001-initial': '4e32780e596555b007066c3585cb0bc21fcdfc4a46132e2b1691f98304313934',
  'learning/0002-curriculum-versions': '7ea5c8404f1a576c23702ef6b1598582c6b5ba35e2cf6d988b301b028b1e4f7d',
  'learning/0003-natural-keys': 'bf33d5830b6667c8a43e2f392bdf7262c0d819d10666514feff5f5ee81b45e37',
  'learning/0004-import-log': '6b404d575eb09d7d49812173852da141d0677aad537553fbb32781955f80afd0',
  'learning/0005-rollups': '7de0995a42911050a41241acc2d59d86c13b1cea19c1a2a31c77f156fa9384db',
  'learning/0006-import-log-source': '1a1be46e8e2d33050f9fdfc97142b89f76ee0605f78d62eadfc56ad6ebb1b980',
  'learning/0007-course-rollups': 'b7ea9c6de916fe22fb60d462dda626ba56712200efb0aebf32298d2dc99f7476',
  'learning/0008-deferred-region-rollups': '3b77cec0ba9663e383a1fbf1b2b529766a2f589eff4322cbd1b1f349af323113',
  'learning/0009-set-based-rebuild': 'd6767f3f64fe18df014414750a3853e4376dbf24bcad2c8120e6525b124c5e48',
  'learning/0010-inline-feed-stamps': 'c7b5214707f8ed9fe6e9860f69ffe5220b5f9bfd8675ad7fc7fd6203a1b6d2b8',
  'learning/0011-feed-retention': '407561d17eebf39ac5e7979743c5bfa0e5df5fc805f50e95be703b40be2ad414',
  'learning/0012-course-rollup-cascade': '9a8305b54cf1523e550e6ff64c645fc51a2177dfae5d797f2e193b99ad0cbf5d',
  'learning/0013-unit-rollup-shared-pass': 'c8144378f12bc57404f35338676b7f6a4bfee3b65e2188b212cd5b7e108f8e77',
  'learning/0014-enrolment-year-follows-offering': '048c69198824dfa17a14ac8d42dbffde4a66d27acbc2b5d600cabc0e943b1a54',
  'learning/0015-course-rollup-tiers': '233ccc5d7f14e5cb44567bf501253e979d18a382b731e6ad093057d958e912bb',
  'learning/0016-keys-year-second': '357e308be334390e4243bbb39e763a9d6999d2e85b8616cef618211c3e52e14c',
  'personnel/0001-initial': '625626ec332ed2e83d9ff32875b16b07ad93f8527adef83c8a4daa573a04c6dc',
  'personnel/0002-enum-checks': '771fdd9667de92a803e515540edb9fa818c71b38d41a37e8c6127e93dfebc1de',
  'personnel/0003-natural-keys': 'ae8e1e2ae07b9a9461041217f3c07dbc5102eb0051902b5550127420967b10c2',
  'personnel/0004-import-log': '66a237ab70fd60e50cf9f76d64715ff450f49ec1da54dfad56ef443a98d98b09',
  'personnel/0005-mentoring-key': 'c5d443842d34a0b09c2b0d573c8ae4ff2ad94b6937c6a28585d8261f4a790c39',
  'personnel/0006-rollups': '395233ee5e95d3021665d06739be60cb0541aeba6c67b554fcde2eedf575d7bb',
  'personnel/0007-import-log-source': '4181eab84d0a8ddee4c160c3e1ad4107e53fc9543052b5728f7a214b6fa31c76',
  'personnel/0008-mentoring-rollups': '9ad6e931f08ad484cf66ee9f52e73640dce2bedef30a9ca14b03dc2f6afe9163',
  'personnel/0009-set-based-rebuild': 'f46fddf5710765176b0b7fa979ef32c1a8186ad711fbfbccc5faf04992de5a2d',
  'personnel/0010-inline-feed-stamps': 'f0a2bea5edc57ef46ddab77143b57f087fc77495f2c84d48ea7d52a816ccf9af',
  'personnel/0011-feed-retention': 'a1e7bf4b9727eee60a6768d4a6582e907f5de23175d022b687f1e97fe97d04c7',
  'personnel/0012-placed-once': 'f987c0889f5479388b36411b61d201b0c7407e1f9b13718a8007ddf2e494d257',
  'personnel/0014-redundant-indexes': 'a3021793b0838d5b486481b9d3902d9df4faa05033d0d7fe0eec8526cca68415',
  'personnel/0015-staff-deltas': '45e65a9902367f47ff19c84134ff1e3e7ecf830438d04b7158fa22527317e977',
  'personnel/0016-employee-figures-once': 'dfbd8c8435160e9b74f636dbcf5a23c12c4be67a34c7ffe5e74a2d835104bae6',
  'personnel/0017-keys-year-second': 'f90c2cea903ccb2cf7f8793ab0b79ac1cba3ad39d702130cdd0a2c7318eb692e',
};

describe('migration SQL', () => {
  it('every existing migration renders, byte for byte, the SQL it ran when it was deployed', () => {
    const actual: Record<string, string> = {};
    for (const [subgraph, list] of Object.entries(ALL)) {
      for (const migration of list) {
        const { name, sql } = rendered(migration);
        actual[`${subgraph}/${name}`] = createHash('sha256').update(sql).digest('hex');
        // DUMP_MIGRATION_SQL=<folder>: writes each migration's SQL there, to diff a refactoring statement by statement.
        const dump = process.env.DUMP_MIGRATION_SQL;
        if (dump) writeFileSync(join(dump, `${subgraph}__${name}.sql`), sql);
      }
    }
    // Every migration is pinned: a new one adds its line with the hash this test reports.
    expect(Object.keys(actual).sort()).toEqual(Object.keys(PINNED).sort());
    for (const [name, hash] of Object.entries(PINNED)) expect(actual[name], `${name} changed its SQL`).toBe(hash);
  });
});
