#!/usr/bin/env node
// The re-scoring benchmark (not a timed test): plays a 100,000-event exercise through the real engine (or reads the
// log the AAR benchmark kept), then re-scores its bundle under the default rule set with one rule dropped and one
// weight doubled, and reports the time to read the bundle and to re-score it.
// Run: npx tsc -b libs/report && node libs/report/bench/rescore-bench.js [events]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { exerciseBundle, parseBundleText, rescore } from '@ttx/report';
import { playSyntheticExercise } from './synthetic-exercise.js';

const root = path.resolve(import.meta.dirname, '../../..');
const load = (file) => parse(readFileSync(path.join(root, file), 'utf8'));
const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
const target = Number(process.argv[2] ?? 100_000);
const ms = (n) => `${n.toFixed(0)} ms`;

// The same cache file as the AAR benchmark: playing 100,000 events takes minutes.
const cache = path.join(tmpdir(), `ttx-aar-bench-${scenario.id}-${target}.json`);
let events;
if (existsSync(cache)) {
  events = JSON.parse(readFileSync(cache, 'utf8'));
  console.log(`read ${events.length} events played earlier from ${cache}`);
} else {
  const t = performance.now();
  events = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: target, seed: 3 }).events;
  writeFileSync(cache, JSON.stringify(events));
  console.log(`played ${events.length} events through the engine in ${ms(performance.now() - t)}`);
}
const findingsEvents = events.filter((e) => e.type === 'findings.recorded').length;
console.log(`  ${findingsEvents} findings.recorded events; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);

const other = {
  ...ruleSet,
  id: 'bench-variant',
  title: 'Default without proportionate-response, timeliness doubled',
  rules: ruleSet.rules.filter((r) => r.id !== 'proportionate-response').map((r) => (r.id === 'timeliness' ? { ...r, weight: r.weight * 2 } : r)),
};

function timed(work) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const text = JSON.stringify(exerciseBundle({ scenario, catalogue, ruleSet }, events));
console.log(`bundle: ${(text.length / 1e6).toFixed(1)} MB of JSON`);
for (let run = 1; run <= 3; run += 1) {
  const read = timed(() => parseBundleText(text));
  if (!read.value.ok) throw new Error(JSON.stringify(read.value.problems.slice(0, 3)));
  const scored = timed(() => rescore(read.value.bundle, other));
  if (!scored.value.ok) throw new Error(JSON.stringify(scored.value.problems));
  console.log(
    `run ${run}: read and check the bundle ${ms(read.wall)} (cpu ${ms(read.cpu)}), re-score ${ms(scored.wall)} (cpu ${ms(scored.cpu)}); ` +
      `${scored.value.result.changes.length} findings differ`,
  );
}
