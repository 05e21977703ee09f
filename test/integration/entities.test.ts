import { describe, expect, inject, it } from 'vitest';
import { IkmGrade, SkpPredicate, SkpRating } from '../../subgraphs/evaluation/enums.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { openOrm, query } from '../../subgraphs/shared/orm.js';

/**
 * The migrations are the schema; the MikroORM entities must describe it. This catches an entity property
 * whose column a migration never created (or dropped), or a property mapped to the wrong table.
 */
describe('MikroORM entities', () => {
  for (const [name, definition] of Object.entries(SUBGRAPHS)) {
    it(`of ${name} map to columns of its migrated schema`, async () => {
      const orm = await openOrm({
        schema: name,
        entities: definition.entities,
        migrations: definition.migrations,
        url: inject('databaseUrl'),
        poolSize: 1,
      });
      try {
        const columns = await query<{ table_name: string; column_name: string; is_nullable: string }>(
          orm.em.fork(),
          'select table_name, column_name, is_nullable from information_schema.columns where table_schema = ?',
          [name],
        );
        const nullable = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === 'YES']));
        const mapped: string[] = [];
        for (const meta of orm.getMetadata().getAll().values()) {
          expect(meta.schema ?? name, meta.className).toBe(name);
          for (const property of Object.values(meta.properties)) {
            for (const field of property.fieldNames ?? []) {
              const key = `${meta.tableName}.${field}`;
              mapped.push(key);
              expect(nullable.has(key), `${meta.className}.${property.name} -> ${key}`).toBe(true);
              // An entity that may hold null must map a nullable column, and the other way round.
              expect(Boolean(property.nullable), `nullability of ${key}`).toBe(nullable.get(key));
            }
          }
        }
        expect(mapped.length).toBeGreaterThan(0);
      } finally {
        await orm.close();
      }
    });
  }
});

/** Allowed values of every single-column `col in (...)` CHECK of a schema, keyed "table.column". */
async function checkedValues(schema: string): Promise<Map<string, string[]>> {
  const orm = await openOrm({ schema, entities: [], migrations: [], url: inject('databaseUrl'), poolSize: 1 });
  try {
    const rows = await query<{ key: string; definition: string }>(
      orm.em.fork(),
      `select cl.relname || '.' || a.attname as key, pg_get_constraintdef(c.oid) as definition
         from pg_constraint c
         join pg_class cl on cl.oid = c.conrelid
         join pg_namespace n on n.oid = cl.relnamespace
         join pg_attribute a on a.attrelid = cl.oid and a.attnum = c.conkey[1]
        where c.contype = 'c' and n.nspname = ? and cardinality(c.conkey) = 1`,
      [schema],
    );
    const values = new Map<string, string[]>();
    for (const row of rows) {
      // PostgreSQL prints `x in ('A', 'B')` as `CHECK ((x = ANY (ARRAY['A'::text, 'B'::text])))`.
      if (!row.definition.includes('ANY (ARRAY[')) continue;
      const listed = [...row.definition.matchAll(/'([^']*)'::(?:text|bpchar)/g)].map((m) => m[1] ?? '');
      values.set(row.key, listed.sort());
    }
    return values;
  } finally {
    await orm.close();
  }
}

/** Enums that no entity property uses, with the reference-table columns that hold them. */
const REFERENCE_ENUMS: Record<string, Record<string, readonly string[]>> = {
  evaluation: {
    'skp_predicate_matrix.hasil_kerja': Object.values(SkpRating),
    'skp_predicate_matrix.perilaku_kerja': Object.values(SkpRating),
    'skp_predicate_matrix.predicate': Object.values(SkpPredicate),
    'skp_predicate.predicate': Object.values(SkpPredicate),
    'ikm_band.grade': Object.values(IkmGrade),
  },
};

/**
 * Each enum is written once in TypeScript (subgraphs/<name>/enums.ts) and once as a CHECK in the migrations.
 * The two must list the same values: every enum property of an entity has its CHECK with exactly its values,
 * and every enumerated CHECK of the schema belongs to an enum.
 */
describe('enums', () => {
  for (const [name, definition] of Object.entries(SUBGRAPHS)) {
    it(`of ${name} list the values of the CHECK constraints of its migrated schema`, async () => {
      const checks = await checkedValues(name);
      const expected = new Map<string, string[]>(
        Object.entries(REFERENCE_ENUMS[name] ?? {}).map(([key, values]) => [key, [...values].sort()]),
      );
      const orm = await openOrm({
        schema: name,
        entities: definition.entities,
        migrations: [],
        url: inject('databaseUrl'),
        poolSize: 1,
      });
      try {
        for (const meta of orm.getMetadata().getAll().values()) {
          for (const property of Object.values(meta.properties)) {
            if (!property.enum) continue;
            const items = (property.items ?? []).map(String).sort();
            expect(items.length, `${meta.className}.${property.name} has values`).toBeGreaterThan(0);
            expected.set(`${meta.tableName}.${property.fieldNames[0]}`, items);
          }
        }
      } finally {
        await orm.close();
      }
      for (const [key, values] of expected) expect(checks.get(key), `CHECK of ${name}.${key}`).toEqual(values);
      // The other way round: no enumerated column is left as a plain string.
      expect([...checks.keys()].sort()).toEqual([...expected.keys()].sort());
    });
  }
});
