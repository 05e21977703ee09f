import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeFromCode, schemaFiles } from '../../tools/schema.js';

describe('schema/', () => {
  it('matches the SDL built from the code and its composition (run `npm run compose` after a change)', async () => {
    const files = schemaFiles(await composeFromCode());
    expect(Object.keys(files).sort()).toEqual([
      'api.graphql',
      'budgeting.graphql',
      'evaluation.graphql',
      'learning.graphql',
      'personnel.graphql',
      'supergraph.graphql',
    ]);
    for (const [file, content] of Object.entries(files)) {
      expect(await readFile(join('schema', file), 'utf8'), `schema/${file} drifted`).toBe(content);
    }
  });

  it('describes every public type, field and argument', async () => {
    const { api } = await composeFromCode();
    const { buildSchema, isObjectType, isInputObjectType, isEnumType } = await import('graphql');
    const schema = buildSchema(api);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types carry no description of their own; their fields do.
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType())
        missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type) && type.getValues().length === 0) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
