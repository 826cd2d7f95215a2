#!/usr/bin/env node
// The re-scoring benchmark (not a timed test): plays a 100,000-event exercise through the real engine (or reads the
// log the AAR benchmark kept), then re-scores its bundle under the default rule set with one rule dropped and one
// weight doubled, and reports the time to read the bundle and to re-score it.
// Run: npx tsc -b libs/report && node libs/report/bench/rescore-bench.js [events]
import { cpus, loadavg } from 'node:os';
import { exerciseBundle, parseBundleText, rescore } from '@ttx/report';
import { catalogue, events, ms, ruleSet, scenario, timed } from './bench-log.js';

const findingsEvents = events.filter((e) => e.type === 'findings.recorded').length;
console.log(`  ${findingsEvents} findings.recorded events; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}`);

const other = {
  ...ruleSet,
  id: 'bench-variant',
  title: 'Default without proportionate-response, timeliness doubled',
  rules: ruleSet.rules.filter((r) => r.id !== 'proportionate-response').map((r) => (r.id === 'timeliness' ? { ...r, weight: r.weight * 2 } : r)),
};

const text = JSON.stringify(exerciseBundle({ scenario, catalogue, ruleSet }, events));
console.log(`bundle: ${(text.length / 1e6).toFixed(1)} MB of JSON`);
for (let run = 1; run <= 3; run += 1) {
  const read = await timed(() => parseBundleText(text));
  if (!read.value.ok) throw new Error(JSON.stringify(read.value.problems.slice(0, 3)));
  const scored = await timed(() => rescore(read.value.bundle, other));
  if (!scored.value.ok) throw new Error(JSON.stringify(scored.value.problems));
  console.log(
    `run ${run}: read and check the bundle ${ms(read.wall)} (cpu ${ms(read.cpu)}), re-score ${ms(scored.wall)} (cpu ${ms(scored.cpu)}); ` +
      `${scored.value.result.changes.length} findings differ`,
  );
}
