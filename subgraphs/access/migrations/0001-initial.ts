import { Migration } from '@mikro-orm/migrations';

/**
 * The `access` schema: API keys (hashed, revocable, bound to a role and scope), the log of
 * sensitive (person-level) reads and the audit trail of changes. Not a subgraph's schema: the gateway
 * reads api_key, every service appends to the two logs. The logs are append-only: a trigger refuses
 * UPDATE and DELETE (whoever runs them), and the access role is granted INSERT only.
 * Released migrations are frozen (they may have run in deployments): the SQL stays byte for byte as it ran
 * (test/unit/migration-sql.test.ts pins it). Repeated logic is built by shared helpers (shared/rollup-sql.ts);
 * declarations alike in shape (the class header MikroORM needs, different tables of one pattern) stay
 * written out, and a duplicate finder lists them as look-alike.
 */
export class AccessInitial extends Migration {
  override name = '0001-initial';

  up(): void {
    this.addSql(`
create table access.api_key (
  id text primary key check (id ~ '^ak_[0-9a-f]{16}$'),
  secret_hash bytea not null check (octet_length(secret_hash) = 32),
  role text not null check (role in ('partner-university', 'planner', 'regional-admin', 'national-admin')),
  region_codes text[] not null default '{}',
  university_code text,
  label text not null check (length(label) between 1 and 200),
  created_at timestamptz not null default now(),
  created_by text,
  revoked_at timestamptz,
  revoked_by text,
  check ((role = 'partner-university') = (university_code is not null))
);
comment on column access.api_key.secret_hash is 'SHA-256 of the 256-bit random secret; the secret itself is shown once and never stored';

create table access.sensitive_read (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  subject text,
  role text not null,
  via text not null check (via in ('jwt', 'api-key', 'anonymous')),
  region_codes text[] not null,
  operation text not null,
  detail jsonb
);
create index sensitive_read_at_idx on access.sensitive_read (at);
create index sensitive_read_subject_idx on access.sensitive_read (subject, at);

create table access.audit_event (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  subject text,
  role text not null,
  via text not null check (via in ('jwt', 'api-key', 'anonymous', 'tooling')),
  entity text not null,
  entity_key text not null,
  action text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
  region_code text,
  before jsonb,
  after jsonb
);
create index audit_event_entity_idx on access.audit_event (entity, entity_key, at);
create index audit_event_at_idx on access.audit_event (at);

create function access.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'access.% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;
create trigger sensitive_read_append_only before update or delete or truncate on access.sensitive_read
  for each statement execute function access.refuse_change();
create trigger audit_event_append_only before update or delete or truncate on access.audit_event
  for each statement execute function access.refuse_change();
`);
  }
}
