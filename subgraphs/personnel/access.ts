import { inTransaction } from '../shared/transaction.js';
import 'reflect-metadata';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { createApiKey, revokeApiKey } from '../access/store.js';
import { grantOf, sqlScope } from '../shared/access.js';
import { Connection, type ListSql, pagedById, pageLoader, WHOLE_LIST } from '../shared/connection.js';
import { badUserInput } from '../shared/errors.js';
import { PageArgs } from '../shared/pagination.js';
import type { RequestContext } from '../shared/subgraph.js';
import { type Role, type Viewer, ViewerShapeError } from '../shared/viewer.js';

/**
 * The access schema for administrators: API keys for service clients (national administrators), and the
 * two logs: who read personal data (every request that
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
    ...pagedById('l'),
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
    ...pagedById('l'),
  };
}

function bounded(value: string | null | undefined, name: string): string | null {
  if (value == null) return null;
  if (value.length === 0 || value.length > 200) throw badUserInput(`\`${name}\` must be 1 to 200 characters`, name);
  return value;
}

/** The roles an API key can carry (anonymous needs no key). */
export enum ApiKeyRole {
  PARTNER_UNIVERSITY = 'partner-university',
  PLANNER = 'planner',
  REGIONAL_ADMIN = 'regional-admin',
  NATIONAL_ADMIN = 'national-admin',
}
registerEnumType(ApiKeyRole, { name: 'ApiKeyRole', description: 'The role a service client acts with.' });

@InputType({ description: 'A new API key for a service client (a dashboard), bound to a role and its scope.' })
export class NewApiKeyInput {
  @Field(() => ApiKeyRole, { description: 'The role the client acts with.' })
  role!: ApiKeyRole;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Kemendagri codes of a planner or regional administrator ("*" alone: a national planner).',
  })
  regionCodes!: string[];

  @Field(() => String, { nullable: true, description: "A partner university's code." })
  universityCode?: string | null;

  @Field({ description: 'What the key is for, e.g. "SIAP dashboard BKPSDM Medan" (1-200 characters).' })
  label!: string;
}

@ObjectType({ description: 'A created API key. `key` is shown this once: store it, it cannot be read again.' })
export class CreatedApiKey {
  @Field({ description: 'The key id (public; names the key in logs and for revocation).' })
  id!: string;

  @Field({ description: 'The whole credential, `<id>.<secret>`: send it as `Authorization: ApiKey <key>`.' })
  key!: string;

  @Field(() => ApiKeyRole, { description: 'The role it carries.' })
  role!: ApiKeyRole;

  @Field(() => [String], { description: 'Its region scope.' })
  regionCodes!: string[];

  @Field(() => String, { nullable: true, description: 'Its university.' })
  universityCode!: string | null;
}

/** The access logs (AUDIT_READ) and API keys (API_KEY_MANAGE), for administrators. */
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

  @Mutation(() => CreatedApiKey, {
    description:
      'Creates an API key for a service client, bound to a role and scope; stored as a hash, shown once, audited. National administrators only.',
  })
  @Authorized('API_KEY_MANAGE')
  async createApiKey(
    @Ctx() ctx: RequestContext<unknown>,
    @Arg('input', () => NewApiKeyInput, { description: 'The key to create.' }) input: NewApiKeyInput,
  ): Promise<CreatedApiKey> {
    const label = input.label.trim();
    if (label.length === 0 || label.length > 200) throw badUserInput('`label` must be 1 to 200 characters', 'label');
    const role: Exclude<Role, 'anonymous'> = input.role;
    try {
      // The key and its audit event in one transaction: both or neither.
      const created = await inTransaction(ctx.em, (db) =>
        createApiKey(
          db,
          { role, regionCodes: input.regionCodes, universityCode: input.universityCode ?? null, label },
          ctx.viewer,
        ),
      );
      return {
        id: created.id,
        key: created.key,
        role: input.role,
        regionCodes: [...created.viewer.regionCodes],
        universityCode: created.viewer.universityCode,
      };
    } catch (error) {
      if (error instanceof ViewerShapeError) throw badUserInput(`The key's scope: ${error.message}`, 'input');
      throw error;
    }
  }

  @Mutation(() => Boolean, {
    description:
      'Revokes an API key at once (its next request is refused); false when unknown or already revoked. National administrators only.',
  })
  @Authorized('API_KEY_MANAGE')
  revokeApiKey(
    @Ctx() ctx: RequestContext<unknown>,
    @Arg('id', { description: 'The key id, e.g. "ak_0123456789abcdef".' }) id: string,
  ): Promise<boolean> {
    if (!/^ak_[0-9a-f]{16}$/.test(id)) throw badUserInput('`id` is an API key id like "ak_0123456789abcdef"', 'id');
    return inTransaction(ctx.em, (db) => revokeApiKey(db, id, ctx.viewer));
  }
}
