#!/usr/bin/env node
// Writes docs/schema/*.schema.json from the built scenario library (run `tsc -b libs/scenario` first).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_FILES, renderJsonSchema } from '../dist/index.js';

const outDir = path.resolve(import.meta.dirname, '../../../docs/schema');
mkdirSync(outDir, { recursive: true });
for (const { fileName, generate } of JSON_SCHEMA_FILES) {
  writeFileSync(path.join(outDir, fileName), renderJsonSchema(generate()));
  console.log(`wrote docs/schema/${fileName}`);
}
