#!/usr/bin/env node
// The AAR benchmark (not a timed test): plays a 100,000-event exercise through the real engine, then builds its
// after-action review as JSON and PDF, synchronously (the CLI) and in chunks (the server), and reports build times
// and the longest event-loop block seen while the chunked build runs.
// Run: npx tsc -b libs/report && node libs/report/bench/aar-bench.js [events]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { buildAarModel, buildAarModelAsync, renderAarHtml, renderAarJson, renderAarJsonAsync, renderAarPdf, renderDecisionsCsv, renderTimelineCsv } from '@ttx/report';
import { playSyntheticExercise } from './synthetic-exercise.js';

const root = path.resolve(import.meta.dirname, '../../..');
const load = (file) => parse(readFileSync(path.join(root, file), 'utf8'));
const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
const target = Number(process.argv[2] ?? 100_000);
const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));
const ms = (n) => `${n.toFixed(0)} ms`;

// Playing 100,000 events through the engine takes minutes; the log is kept in the temp dir for later runs.
const cache = path.join(tmpdir(), `ttx-aar-bench-${scenario.id}-${target}.json`);
const t = performance.now();
let events;
if (existsSync(cache)) {
  events = JSON.parse(readFileSync(cache, 'utf8'));
  console.log(`read ${events.length} events played earlier from ${cache}`);
} else {
  const played = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: target, seed: 3 });
  events = played.events;
  writeFileSync(cache, JSON.stringify(events));
  console.log(`played ${events.length} events through the engine in ${ms(performance.now() - t)} (${played.refusals} refused commands)`);
}
const counts = {};
for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
console.log(`  ${Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const input = { scenario, catalogue, ruleSet, events, generatedAt: Date.UTC(2026, 2, 10, 12) };

async function syncRun() {
  const t0 = performance.now();
  const model = buildAarModel(input);
  const t1 = performance.now();
  const json = renderAarJson(model);
  const t2 = performance.now();
  const pdf = await renderAarPdf(model);
  const t3 = performance.now();
  const csv = renderDecisionsCsv(model).length + renderTimelineCsv(model).length;
  const t4 = performance.now();
  const html = renderAarHtml(model);
  const t5 = performance.now();
  return { model: t1 - t0, json: t2 - t1, pdf: t3 - t2, csv: t4 - t3, html: t5 - t4, jsonBytes: json.length, pdfBytes: pdf.length, csvBytes: csv, htmlBytes: html.length };
}

async function chunkedRun() {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const longest = { model: 0, json: 0, pdf: 0 };
  let stage = 'model';
  let last = performance.now();
  let probing = true;
  const probe = () => {
    const now = performance.now();
    longest[stage] = Math.max(longest[stage], now - last);
    last = now;
    if (probing) setImmediate(probe);
  };
  histogram.enable();
  setImmediate(probe);
  const t0 = performance.now();
  const model = await buildAarModelAsync(input, { yieldToEventLoop });
  const t1 = performance.now();
  stage = 'json';
  await renderAarJsonAsync(model, { yieldToEventLoop });
  const t2 = performance.now();
  stage = 'pdf';
  await renderAarPdf(model, { yieldToEventLoop });
  const t3 = performance.now();
  probing = false;
  histogram.disable();
  return { model: t1 - t0, json: t2 - t1, pdf: t3 - t2, longest, maxDelay: histogram.max / 1e6 };
}

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (times scale with load)`);
await syncRun();
const runs = [];
for (let i = 0; i < 3; i += 1) runs.push(await syncRun());
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
console.log(`synchronous (median of 3): model ${ms(median('model'))}, JSON ${ms(median('json'))}, PDF ${ms(median('pdf'))}; CSV ${ms(median('csv'))}, HTML ${ms(median('html'))}`);
console.log(`  model + JSON ${ms(median('model') + median('json'))}; model + PDF ${ms(median('model') + median('pdf'))}; sizes: JSON ${(runs[0].jsonBytes / 1e6).toFixed(1)} MB, PDF ${(runs[0].pdfBytes / 1e3).toFixed(0)} kB, CSV ${(runs[0].csvBytes / 1e6).toFixed(1)} MB, HTML ${(runs[0].htmlBytes / 1e6).toFixed(1)} MB`);
const chunked = [];
for (let i = 0; i < 3; i += 1) chunked.push(await chunkedRun());
const worst = (key) => Math.max(...chunked.map((r) => r[key]));

const mid = (key) => chunked.map((r) => r[key]).sort((a, b) => a - b)[1];
console.log(`chunked (median of 3): model ${ms(mid('model'))}, JSON ${ms(mid('json'))}, PDF ${ms(mid('pdf'))}`);
const longestOf = (key) => Math.max(...chunked.map((r) => r.longest[key]));
console.log(`  longest event-loop block over 3 runs (setImmediate gap probe): model ${longestOf('model').toFixed(1)} ms, JSON ${longestOf('json').toFixed(1)} ms, PDF ${longestOf('pdf').toFixed(1)} ms; monitorEventLoopDelay max ${worst('maxDelay').toFixed(1)} ms`);
