// JSON Schema for editors, generated from the zod formats (what an author writes, before defaults and transforms).
import { z } from 'zod';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from './schema.js';

export type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, title: string, description: string): JsonSchema {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, title, description, ...rest };
}

export function scenarioJsonSchema(): JsonSchema {
  return generate(
    scenarioSchema,
    'TTX scenario',
    'A TTX tabletop exercise scenario (exercises/<slug>/scenario.yaml).',
  );
}

export function catalogueJsonSchema(): JsonSchema {
  return generate(
    catalogueSchema,
    'TTX action catalogue',
    'The actions teams may choose in decision prompts.',
  );
}

export function ruleSetJsonSchema(): JsonSchema {
  return generate(ruleSetSchema, 'TTX rule set', 'Rules of engagement that score team decisions.');
}

/** The checked-in files under docs/schema/, by file name. */
export const JSON_SCHEMA_FILES: readonly { fileName: string; generate: () => JsonSchema }[] = [
  { fileName: 'scenario.schema.json', generate: scenarioJsonSchema },
  { fileName: 'catalogue.schema.json', generate: catalogueJsonSchema },
  { fileName: 'rule-set.schema.json', generate: ruleSetJsonSchema },
];

/** The exact text written to docs/schema/. */
export function renderJsonSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
