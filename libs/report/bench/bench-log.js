// The inputs of the report library's benchmarks: the Dark Winter scenario, the default rule set and a synthetic log of
// the size asked for (argv[2], 100,000 events unless given), played through the real engine once and kept in the temp
// dir, since playing 100,000 events takes minutes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from './synthetic-exercise.js';

const root = path.resolve(import.meta.dirname, '../../..');
const load = (file) => parse(readFileSync(path.join(root, file), 'utf8'));
export const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
export const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
export const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
export const ms = (n) => `${n.toFixed(0)} ms`;

/** Wall time and this process's CPU time (ms) of `work`: on a shared machine the CPU time varies less with load. */
export async function timed(work) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const target = Number(process.argv[2] ?? 100_000);
const cache = path.join(tmpdir(), `ttx-aar-bench-${scenario.id}-${target}.json`);
let events;
if (existsSync(cache)) {
  events = JSON.parse(readFileSync(cache, 'utf8'));
  console.log(`read ${events.length} events played earlier from ${cache}`);
} else {
  const t = performance.now();
  const played = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: target, seed: 3 });
  events = played.events;
  writeFileSync(cache, JSON.stringify(events));
  console.log(`played ${events.length} events through the engine in ${ms(performance.now() - t)} (${played.refusals} refused commands)`);
}
export { events };
