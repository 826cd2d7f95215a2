import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildAarModel, renderAarJson, renderAarJsonChunks, type AarModel, type JsonChunkOptions } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';
import { goldenModel } from './golden.js';

const root = path.join(import.meta.dirname, '../../..');
const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));

function chunksOf(model: AarModel, options: JsonChunkOptions): string[] {
  return [...renderAarJsonChunks(model, options)];
}

describe('the streamed JSON report', () => {
  const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
  const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
  const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
  // Long enough that its timeline, channels, findings and evidence lists are written item by item.
  const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 1500, seed: 5 });
  const played = buildAarModel({ scenario, catalogue, ruleSet, events });

  // Small chunks write most array items one by one; larger ones write runs of items in one call.
  it.each([1000, 5000])('joins into exactly the one-shot JSON, compact and indented (chunks of %i)', (chunkChars) => {
    for (const model of [goldenModel(), played]) {
      for (const indent of [0, 2] as const) {
        const chunks = chunksOf(model, { indent, chunkChars });
        expect(chunks.length).toBeGreaterThan(3);
        expect(chunks.join('')).toBe(renderAarJson(model, { indent }));
      }
    }
  });

  it('cuts chunks just past the asked size, so a server can pipe them with bounded memory', () => {
    const chunks = chunksOf(played, { chunkChars: 4096 });
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(4096);
      expect(chunk.length).toBeLessThan(2 * 4096);
    }
  });

  it('writes a chunk only as it is asked for, so a reader that stops early leaves the rest unwritten', () => {
    const chunks = renderAarJsonChunks(played, { chunkChars: 2048 });
    const first = chunks.next();
    expect(first.done).toBe(false);
    expect(renderAarJson(played).startsWith(first.value as string)).toBe(true);
    expect(chunks.return(undefined).done).toBe(true);
  });
});
