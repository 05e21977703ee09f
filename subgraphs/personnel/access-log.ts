import 'reflect-metadata';
import { Arg, Args, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { grantOf, sqlScope } from '../shared/access.js';
import { Connection, type ListSql, pageLoader, WHOLE_LIST } from '../shared/connection.js';
import { badUserInput } from '../shared/errors.js';
import { PageArgs } from '../shared/pagination.js';
import type { RequestContext } from '../shared/subgraph.js';
import type { Viewer } from '../shared/viewer.js';

/**
 * The two logs of the access schema, for administrators: who read personal data (every request that
 * resolved a person-level field, logged by the subgraph that served it) and who changed what (the audit
 * trail of writes). Served by personnel, the subgraph that holds the people the reads are about. Both
 * are append-only in PostgreSQL. A national administrator sees every row; a regional administrator the
 * rows whose regions all lie in its own.
 */

const ISO_INSTANT = `to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

@ObjectType({ description: 'One request that read personal data: who, when, which fields, in which regions.' })
export class SensitiveRead {
  @Field(() => Int, { description: 'Log entry id (ascending in time).' })
  id!: number;

  @Field({ description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, { nullable: true, description: 'The token subject or API key id that read.' })
  subject!: string | null;

  @Field({ description: 'Its role.' })
  role!: string;

  @Field({ description: 'How it signed in: jwt or api-key.' })
  via!: string;

  @Field(() => [String], { description: 'Regions of the people read (Kemendagri codes).' })
  regionCodes!: string[];

  @Field({ description: 'The person-level fields read, as Type.field, comma-separated.' })
  operation!: string;
}

@ObjectType({ description: 'One change to the data: who, when, what, before and after.' })
export class AuditEvent {
  @Field(() => Int, { description: 'Log entry id (ascending in time).' })
  id!: number;

  @Field({ description: 'When (ISO 8601, UTC).' })
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The token subject or API key id that changed it; null for tooling.',
  })
  subject!: string | null;

  @Field({ description: 'Its role ("tooling" for command-line tools).' })
  role!: string;

  @Field({ description: 'What was changed: course, curriculum_version, api_key...' })
  entity!: string;

  @Field({ description: 'Its key (a code or id).' })
  entityKey!: string;

  @Field({ description: 'CREATE, UPDATE or DELETE.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'The region concerned, when there is one.' })
  regionCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The record before the change, as JSON.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The record after the change, as JSON.' })
  after!: string | null;
}

@ObjectType({ description: 'One page of sensitive reads, oldest first.' })
export class SensitiveReadConnection extends Connection(SensitiveRead, 'sensitive reads') {}

@ObjectType({ description: 'One page of audit events, oldest first.' })
export class AuditEventConnection extends Connection(AuditEvent, 'audit events') {}

/** The rows of a log `viewer` may read: all (national), or those whose regions all lie in its own. */
function logScope(viewer: Viewer, regionsOfRow: string): { sql: string; params: unknown[] } {
  if (grantOf(viewer, 'AUDIT_READ') === 'all') return { sql: 'true', params: [] };
  const scope = sqlScope(viewer, 'AUDIT_READ', 'rc.code');
  return {
    sql: `cardinality(${regionsOfRow}) > 0 and not exists (select 1 from unnest(${regionsOfRow}) as rc(code) where not ${scope.sql})`,
    params: scope.params,
  };
}

function sensitiveReads(viewer: Viewer, subject: string | null): ListSql<SensitiveRead> {
  const scope = logScope(viewer, 'l.region_codes');
  return {
    parentType: 'text',
    from: 'access.sensitive_read l',
    columns: `l.id::int as id, ${ISO_INSTANT} as at, l.subject, l.role, l.via, l.region_codes as "regionCodes", l.operation`,
    parent: 'true',
    where: { sql: `(?::text is null or l.subject = ?) and ${scope.sql}`, params: [subject, subject, ...scope.params] },
    key: 'l.id',
    keyType: 'int',
    keyOf: (row) => row.id,
  };
}

function auditEvents(viewer: Viewer, entity: string | null): ListSql<AuditEvent> {
  const scope = logScope(viewer, 'array_remove(array[l.region_code], null)');
  return {
    parentType: 'text',
    from: 'access.audit_event l',
    columns: `l.id::int as id, ${ISO_INSTANT} as at, l.subject, l.role, l.entity, l.entity_key as "entityKey",
      l.action, l.region_code as "regionCode", l.before::text as before, l.after::text as after`,
    parent: 'true',
    where: { sql: `(?::text is null or l.entity = ?) and ${scope.sql}`, params: [entity, entity, ...scope.params] },
    key: 'l.id',
    keyType: 'int',
    keyOf: (row) => row.id,
  };
}

function bounded(value: string | null | undefined, name: string): string | null {
  if (value == null) return null;
  if (value.length === 0 || value.length > 200) throw badUserInput(`\`${name}\` must be 1 to 200 characters`, name);
  return value;
}

/** The access logs, for administrators (AUDIT_READ). */
@Resolver()
@Authorized('AUDIT_READ')
export class AccessLogResolver {
  @Query(() => SensitiveReadConnection, {
    description:
      'Who read personal data, when, and in which regions (oldest first, cursor-paginated). National administrators see all; regional administrators the reads within their regions.',
  })
  sensitiveReads(
    @Ctx() ctx: RequestContext<unknown>,
    @Args() page: PageArgs,
    @Arg('subject', () => String, { nullable: true, description: 'Only reads by this subject.' })
    subject?: string | null,
  ): Promise<SensitiveReadConnection> {
    const list = sensitiveReads(ctx.viewer, bounded(subject, 'subject'));
    return pageLoader<string, SensitiveRead>(ctx.em, list).load(WHOLE_LIST, page, null);
  }

  @Query(() => AuditEventConnection, {
    description:
      'Who changed what, when, with the record before and after (oldest first, cursor-paginated). National administrators see all; regional administrators the changes within their regions.',
  })
  auditEvents(
    @Ctx() ctx: RequestContext<unknown>,
    @Args() page: PageArgs,
    @Arg('entity', () => String, { nullable: true, description: 'Only changes to this kind of record, e.g. "course".' })
    entity?: string | null,
  ): Promise<AuditEventConnection> {
    const list = auditEvents(ctx.viewer, bounded(entity, 'entity'));
    return pageLoader<string, AuditEvent>(ctx.em, list).load(WHOLE_LIST, page, null);
  }
}
