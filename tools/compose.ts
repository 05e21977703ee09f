import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeFromCode, schemaFiles } from './schema.js';

/**
 * `npm run compose` writes schema/ from the code; `npm run schema:check` fails when schema/ differs.
 * Paths are relative to the repository root (npm runs scripts there).
 */
const check = process.argv.includes('--check');
const files = schemaFiles(await composeFromCode());
const drifted: string[] = [];
for (const [file, content] of Object.entries(files)) {
  const path = join('schema', file);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== content) drifted.push(path);
  } else {
    await writeFile(path, content);
    console.log(`wrote ${path}`);
  }
}
if (drifted.length) {
  console.error(`schema/ is out of date with the code: ${drifted.join(', ')}. Run \`npm run compose\`.`);
  process.exit(1);
}
