import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildAarModel, renderAarJson, renderAarJsonAsync, renderAarJsonChunks, type AarModel, type JsonChunkOptions } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';
import { goldenModel } from './golden.js';

const root = path.join(import.meta.dirname, '../../..');
const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));

async function chunksOf(model: AarModel, options: JsonChunkOptions): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of renderAarJsonChunks(model, options)) chunks.push(chunk);
  return chunks;
}

describe('the streamed JSON report', () => {
  const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
  const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
  const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
  // Long enough that its timeline, channels, findings and evidence lists are written item by item.
  const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 1500, seed: 5 });
  const played = buildAarModel({ scenario, catalogue, ruleSet, events });

  // Small chunks write most array items one by one; larger ones write runs of items in one call.
  it.each([1000, 5000])('joins into exactly the one-shot JSON, compact and indented (chunks of %i)', async (chunkChars) => {
    for (const model of [goldenModel(), played]) {
      for (const indent of [0, 2] as const) {
        const chunks = await chunksOf(model, { indent, chunkChars });
        expect(chunks.length).toBeGreaterThan(3);
        expect(chunks.join('')).toBe(renderAarJson(model, { indent }));
      }
    }
  });

  it('cuts chunks just past the asked size, so a server can pipe them with bounded memory', async () => {
    const chunks = await chunksOf(played, { chunkChars: 4096 });
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(4096);
      expect(chunk.length).toBeLessThan(2 * 4096);
    }
  });

  it('gives the event loop back between chunks', async () => {
    let pauses = 0;
    const yieldToEventLoop = () => {
      pauses += 1;
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
    const chunks = await chunksOf(played, { chunkChars: 2048, yieldToEventLoop });
    expect(pauses).toBe(chunks.length - 1);
    expect(await renderAarJsonAsync(played, { yieldToEventLoop })).toBe(renderAarJson(played));
  });
});
