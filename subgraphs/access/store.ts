import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseViewer, type Role, type Viewer } from '../shared/viewer.js';

/**
 * API keys, sensitive reads and audit events in the `access` schema, with plain SQL on any pg client or
 * pool. An API key is `<id>.<secret>`: the id (`ak_` + 16 hex) is public and names the row; the secret
 * (256 random bits, base64url) is shown once and stored only as its SHA-256 (a fast hash suffices for a
 * secret of that entropy: there is nothing to guess). Verification compares in constant time and gives
 * the same answer for unknown, wrong and revoked keys.
 */

/** The part of a pg Client or Pool these functions use. */
export interface Queryable {
  query<Row extends Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
}

export interface NewApiKey {
  role: Exclude<Role, 'anonymous'>;
  regionCodes?: string[];
  universityCode?: string | null;
  /** What the key is for ("SIAP dashboard BKPSDM Medan"); shown in listings and the audit trail. */
  label: string;
}

export interface CreatedApiKey {
  id: string;
  /** The whole credential, `<id>.<secret>`: give it to the client once; it cannot be shown again. */
  key: string;
  viewer: Viewer;
}

const API_KEY_ID = /^ak_[0-9a-f]{16}$/;

function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Creates a key bound to a role and scope (validated like any Viewer); records an audit event. */
export async function createApiKey(db: Queryable, key: NewApiKey, by: Viewer | null = null): Promise<CreatedApiKey> {
  const id = `ak_${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const viewer = parseViewer({
    role: key.role,
    regionCodes: key.regionCodes ?? [],
    universityCode: key.universityCode ?? null,
    subject: id,
    via: 'api-key',
  });
  const label = key.label.trim();
  if (label.length === 0 || label.length > 200) throw new Error('An API key needs a label of 1 to 200 characters');
  const stored = viewer.role === 'national-admin' ? [] : [...viewer.regionCodes];
  await db.query(
    `insert into access.api_key (id, secret_hash, role, region_codes, university_code, label, created_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, sha256(secret), viewer.role, stored, viewer.universityCode, label, by?.subject ?? null],
  );
  await recordAuditEvent(db, by, {
    entity: 'api_key',
    key: id,
    action: 'CREATE',
    after: { role: viewer.role, regionCodes: stored, universityCode: viewer.universityCode, label },
  });
  return { id, key: `${id}.${secret}`, viewer };
}

/** Revokes a key at once (the next request with it is refused); false when unknown or already revoked. */
export async function revokeApiKey(db: Queryable, id: string, by: Viewer | null = null): Promise<boolean> {
  const { rowCount } = await db.query(
    'update access.api_key set revoked_at = now(), revoked_by = $2 where id = $1 and revoked_at is null',
    [id, by?.subject ?? null],
  );
  if (!rowCount) return false;
  await recordAuditEvent(db, by, {
    entity: 'api_key',
    key: id,
    action: 'UPDATE',
    before: { revoked: false },
    after: { revoked: true },
  });
  return true;
}

interface ApiKeyRow extends Record<string, unknown> {
  secret_hash: Buffer;
  role: string;
  region_codes: string[];
  university_code: string | null;
  revoked_at: Date | null;
}

/** The Viewer of a valid, unrevoked key; undefined for an unknown id, a wrong secret or a revoked key. */
export async function verifyApiKey(db: Queryable, id: string, secret: string): Promise<Viewer | undefined> {
  const hash = sha256(secret);
  if (!API_KEY_ID.test(id)) return undefined;
  const { rows } = await db.query<ApiKeyRow>(
    'select secret_hash, role, region_codes, university_code, revoked_at from access.api_key where id = $1',
    [id],
  );
  const row = rows[0];
  if (
    !row ||
    row.revoked_at !== null ||
    row.secret_hash.length !== hash.length ||
    !timingSafeEqual(row.secret_hash, hash)
  )
    return undefined;
  return parseViewer({
    role: row.role,
    regionCodes: row.region_codes,
    universityCode: row.university_code,
    subject: id,
    via: 'api-key',
  });
}

/** The gateway's API key check (gateway/identity.ts `ApiKeyVerifier`) over a pool. */
export function apiKeyVerifier(db: Queryable): (id: string, secret: string) => Promise<Viewer | undefined> {
  return (id, secret) => verifyApiKey(db, id, secret);
}

export interface SensitiveRead {
  /** What was read: the operation name or field path, e.g. "Query.employees". */
  operation: string;
  /** The regions the read covered (the request's scope, not the viewer's whole scope). */
  regionCodes: readonly string[];
  /** Anything else worth keeping (ids, counts); never the personal data itself. */
  detail?: Record<string, unknown>;
}

/** Appends one person-level read to access.sensitive_read. */
export async function recordSensitiveRead(db: Queryable, viewer: Viewer, read: SensitiveRead): Promise<void> {
  await db.query(
    'insert into access.sensitive_read (subject, role, via, region_codes, operation, detail) values ($1, $2, $3, $4, $5, $6)',
    [
      viewer.subject,
      viewer.role,
      viewer.via,
      [...read.regionCodes],
      read.operation,
      read.detail === undefined ? null : JSON.stringify(read.detail),
    ],
  );
}

export interface AuditEvent {
  /** The changed thing's type ("course", "budget_line", "api_key") and key. */
  entity: string;
  key: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one change to access.audit_event (`by` null: the tooling, outside any request). */
export async function recordAuditEvent(db: Queryable, by: Viewer | null, event: AuditEvent): Promise<void> {
  await db.query(
    `insert into access.audit_event (subject, role, via, entity, entity_key, action, region_code, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      by?.subject ?? null,
      by?.role ?? 'tooling',
      by?.via ?? 'tooling',
      event.entity,
      event.key,
      event.action,
      event.regionCode ?? null,
      event.before === undefined ? null : JSON.stringify(event.before),
      event.after === undefined ? null : JSON.stringify(event.after),
    ],
  );
}
