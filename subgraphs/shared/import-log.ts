import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubgraphName } from '../names.js';
import { sqlScope } from './access.js';
import { byId, Connection, type ListSql, pageLoader, WHOLE_LIST } from './connection.js';
import { type EnumValue, graphqlEnum } from './enums.js';
import { PageArgs } from './pagination.js';
import type { RequestContext } from './subgraph.js';
import type { Viewer } from './viewer.js';

/**
 * The import log: every `npm run import` of a file is recorded in the schema of the subgraph that owns the
 * kind (when, who, file name and SHA-256, kind, counts, outcome), and listed by that subgraph's
 * `<subgraph>Imports` query. The table, the GraphQL type and the query are written once here.
 */

export const ImportOutcome = graphqlEnum('ImportOutcome', 'What became of an imported file.', {
  APPLIED: 'Every row was valid and the file was merged: inserted, updated and unchanged rows are counted.',
  REJECTED: 'Some rows were invalid: nothing changed; the first errors are kept with the run.',
  DRY_RUN: 'Validated and counted with --dry-run: nothing changed.',
  FAILED: 'The import stopped on an unexpected error (a dropped connection, a full disk): nothing changed.',
});
export type ImportOutcome = EnumValue<typeof ImportOutcome>;

export const ImportSource = graphqlEnum('ImportSource', 'Where the records of a run came from.', {
  FILE: 'A file imported with `npm run import`.',
  MUTATION: 'A single-record write from a form (upsertEmployee, recordEnrolment, ...): the file name is the mutation.',
});
export type ImportSource = EnumValue<typeof ImportSource>;

@ObjectType({ description: 'One imported file: who imported what, when, and what became of it.' })
@Directive('@shareable')
export class ImportRun {
  @Field(() => Int, { description: 'Import id (within the owning subgraph).' })
  id!: number;

  @Field({ description: 'Kind of data, e.g. "employees" or "ikm-responses" (`npm run import -- <kind>`).' })
  kind!: string;

  @Field(() => ImportSource, { description: 'A file, or a single-record write from a form.' })
  source!: ImportSource;

  @Field({ description: 'Name of the imported file (without its folder), or of the mutation.' })
  fileName!: string;

  @Field({
    description:
      "SHA-256 of the file (of a mutation: of its input's values), hex: tells whether two runs read the same input.",
  })
  fileSha256!: string;

  @Field(() => [String], {
    description:
      'Kemendagri codes of the regions whose data the run named (empty when none could be told, e.g. a wrong header).',
  })
  regionCodes!: string[];

  @Field({ description: 'Who ran the import (the operating-system user until sign-in exists).' })
  importedBy!: string;

  @Field({ description: 'When the import started (ISO 8601, UTC).' })
  startedAt!: string;

  @Field({ description: 'When the import ended (ISO 8601, UTC).' })
  finishedAt!: string;

  @Field(() => ImportOutcome, { description: 'Applied, rejected, dry run or failed.' })
  outcome!: ImportOutcome;

  @Field(() => Int, { description: 'Data rows read from the file (the header excluded).' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Records created (0 unless applied or dry run).' })
  inserted!: number;

  @Field(() => Int, { description: 'Records changed by the file (0 unless applied or dry run).' })
  updated!: number;

  @Field(() => Int, { description: 'Records the file named that were already as stated.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Invalid rows and values found; any makes the outcome REJECTED.' })
  errorCount!: number;

  @Field(() => [String], {
    description: 'The first errors, as "line 57, nip: <value>: <reason>" (at most 20; `errorCount` has them all).',
  })
  firstErrors!: string[];
}

@ObjectType({ description: 'One page of imported files, oldest first.' })
@Directive('@shareable')
export class ImportRunConnection extends Connection(ImportRun, 'imports') {}

/**
 * The import log of a schema as `viewer` may read it, optionally of one kind, paged by id: a national
 * administrator reads every run; a regional administrator the runs that named data of its regions, and the
 * first errors only of runs wholly within them (errors quote values of every region the file named).
 */
export function importRunsOf(schema: SubgraphName, viewer: Viewer): (kind: string | null) => ListSql<ImportRun> {
  const scope = sqlScope(viewer, 'AUDIT_READ', 'run_region.code');
  const national = scope.sql === 'true';
  const within = scope.sql; // no parameters: usable inside the select list
  const inScope = `exists (select from unnest(r.region_codes) as run_region(code) where ${within})`;
  const outOfScope = `exists (select from unnest(r.region_codes) as run_region(code) where not ${within})`;
  return (kind) => ({
    parentType: 'text',
    from: `${schema}.import_run r`,
    columns: `r.id, r.kind, r.file_name as "fileName", r.file_sha256 as "fileSha256", r.imported_by as "importedBy",
      to_char(r.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startedAt",
      to_char(r.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "finishedAt",
      r.outcome, r.rows_read as "rowsRead", r.inserted, r.updated, r.unchanged, r.error_count as "errorCount",
      r.source, r.region_codes as "regionCodes",
      ${national ? 'r.first_errors' : `case when ${outOfScope} then '{}'::text[] else r.first_errors end`} as "firstErrors"`,
    parent: 'true',
    where: { sql: `(?::text is null or r.kind = ?)${national ? '' : ` and ${inScope}`}`, params: [kind, kind] },
    key: 'r.id',
    keyType: 'int',
    keyOf: byId,
  });
}

/**
 * The `<subgraph>Imports` query of a subgraph that owns import kinds (a root field per subgraph: the same
 * name in two subgraphs would clash in the supergraph).
 */
export function importLogResolver(schema: SubgraphName, fieldName: string) {
  // Who imported what: administrators (the access model's audit capability), each within its regions.
  @Resolver()
  @Authorized('AUDIT_READ')
  class ImportLogResolver {
    @Query(() => ImportRunConnection, {
      name: fieldName,
      description: `Files imported into ${schema} data (\`npm run import\`), oldest first, cursor-paginated.`,
    })
    imports(
      @Ctx() ctx: RequestContext<unknown>,
      @Args() page: PageArgs,
      @Arg('kind', () => String, { nullable: true, description: 'Only imports of this kind, e.g. "employees".' })
      kind?: string | null,
    ): Promise<ImportRunConnection> {
      return pageLoader(ctx.em, importRunsOf(schema, ctx.viewer)).load(WHOLE_LIST, page, kind ?? null);
    }
  }
  return ImportLogResolver;
}

/**
 * The log table as a MikroORM entity, one per owning subgraph (each ORM gets its own schema object): it
 * keeps the entity checks honest (every column and the outcome CHECK are described), nothing reads it.
 */
export function importRunEntity() {
  return defineEntity({
    name: 'ImportRun',
    tableName: 'import_run',
    properties: {
      id: p.integer().primary(),
      kind: p.string(),
      fileName: p.string(),
      fileSha256: p.string(),
      importedBy: p.string(),
      startedAt: p.datetime(),
      finishedAt: p.datetime(),
      outcome: p.enum(() => ImportOutcome),
      rowsRead: p.integer(),
      inserted: p.integer(),
      updated: p.integer(),
      unchanged: p.integer(),
      errorCount: p.integer(),
      firstErrors: p.array(),
      source: p.enum(() => ImportSource),
      regionCodes: p.array(),
    },
  });
}
