import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSON_SCHEMA_FILES, renderJsonSchema, scenarioJsonSchema } from '../src/index.js';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../../docs/schema');

describe('JSON Schema for editors', () => {
  it.each(JSON_SCHEMA_FILES.map((f) => [f.fileName, f] as const))(
    'keeps docs/schema/%s in step with the zod formats (regenerate with `npx nx run scenario:schema`)',
    (fileName, { generate }) => {
      // Compared as data, so reformatting the checked-in file does not count as stale.
      const checkedIn: unknown = JSON.parse(readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8'));
      expect(checkedIn).toEqual(JSON.parse(renderJsonSchema(generate())));
    },
  );

  it('describes the recursive condition once, as a named definition', () => {
    const schema = scenarioJsonSchema() as { $defs: Record<string, { anyOf: unknown[] }> };
    expect(Object.keys(schema.$defs)).toEqual(['Condition']);
    expect(schema.$defs.Condition.anyOf).toHaveLength(8);
    expect(JSON.stringify(schema)).toContain('"when":{"$ref":"#/$defs/Condition"}');
  });

  it('describes what authors write: time offsets as text, defaults as optional', () => {
    const schema = scenarioJsonSchema() as {
      properties: Record<string, { type?: string; default?: unknown }>;
      required: string[];
    };
    expect(schema.properties.duration.type).toBe('string');
    expect(schema.properties.speed.default).toBe(1);
    expect(schema.required).not.toContain('speed');
    expect(schema.required).toContain('injects');
  });
});
