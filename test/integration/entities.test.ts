import { describe, expect, inject, it } from 'vitest';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { openOrm, query } from '../../subgraphs/shared/orm.js';

/**
 * The migrations are the schema; the MikroORM entities must describe it. This catches an entity property
 * whose column a migration never created (or dropped), or a property mapped to the wrong table.
 */
describe('MikroORM entities', () => {
  for (const [name, definition] of Object.entries(SUBGRAPHS)) {
    it(`of ${name} map to columns of its migrated schema`, async () => {
      const orm = await openOrm({ schema: name, entities: definition.entities, migrations: definition.migrations, url: inject('databaseUrl'), poolSize: 1 });
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
