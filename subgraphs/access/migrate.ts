import pg from 'pg';
import { migrateUnderLock } from '../shared/orm.js';
import { migrations } from './migrations/index.js';

/** The PostgreSQL schema of API keys, sensitive reads and the audit trail. */
export const ACCESS_SCHEMA = 'access';
/** The login role the gateway (key lookup) and the services (logging) use for the access schema. */
export const ACCESS_ROLE = 'pembinaan_access';

/**
 * What a role may do in the access schema (what a DBA would run by hand):
 * - `'service'` (the gateway and the subgraphs): read api_key, append to sensitive_read and audit_event;
 *   no update, no delete, no new keys.
 * - `'key-admin'` (the tooling or an admin service): create keys and revoke them (revoked_at/revoked_by
 *   only), append to audit_event.
 * - `'subgraph'` (each subgraph's own role): append to and read the two logs; never the keys.
 */
export function accessGrantStatements(role: string, kind: 'service' | 'key-admin' | 'subgraph' = 'service'): string[] {
  const r = pg.escapeIdentifier(role);
  const usage = `grant usage on schema access to ${r}`;
  if (kind === 'subgraph') {
    // A subgraph logs its sensitive reads and audits its writes, and shows national administrators both logs.
    return [
      usage,
      `grant insert, select on access.sensitive_read, access.audit_event to ${r}`,
      `grant usage on all sequences in schema access to ${r}`,
    ];
  }
  if (kind === 'key-admin') {
    return [
      usage,
      `grant select, insert on access.api_key to ${r}`,
      `grant update (revoked_at, revoked_by) on access.api_key to ${r}`,
      `grant insert on access.audit_event to ${r}`,
    ];
  }
  return [
    usage,
    `grant select on access.api_key to ${r}`,
    `grant insert on access.sensitive_read, access.audit_event to ${r}`,
  ];
}

/**
 * Brings the access schema up to date, as the owner, under its advisory lock (shared/orm.ts
 * `migrateUnderLock`, as every subgraph's schema), then grants `roles`. Idempotent. `prepareDatabase` and
 * each subgraph process with DATABASE_URL run it first.
 */
export async function prepareAccessSchema(
  url: string,
  roles: { service?: string; keyAdmin?: string; subgraphs?: readonly string[] } = {},
): Promise<void> {
  await migrateUnderLock(url, ACCESS_SCHEMA, migrations, async (lock) => {
    if (roles.service)
      for (const statement of accessGrantStatements(roles.service, 'service')) await lock.query(statement);
    if (roles.keyAdmin)
      for (const statement of accessGrantStatements(roles.keyAdmin, 'key-admin')) await lock.query(statement);
    for (const role of roles.subgraphs ?? [])
      for (const statement of accessGrantStatements(role, 'subgraph')) await lock.query(statement);
  });
}
