#!/usr/bin/env node
// The AAR benchmark (not a timed test): plays a 100,000-event exercise through the real engine, then builds its
// after-action review and renders it as JSON (one string, and in the chunks the server streams), PDF, CSV and HTML,
// and reports build and rendering times (the server does all of this in its report worker thread).
// Run: npx tsc -b libs/report && node libs/report/bench/aar-bench.js [events]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { buildAarModel, renderAarHtml, renderAarJson, renderAarJsonChunks, renderAarPdf, renderDecisionsCsv, renderTimelineCsv } from '@ttx/report';
import { catalogue, events, ms, ruleSet, scenario, timed } from './bench-log.js';

const fontFile = (name) => readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`));
const fonts = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') };
// The same log with Cyrillic and Greek team names: its PDF is drawn again with DejaVu Sans embedded.
const scripts = ['Уряд Північної країни', 'Κυβέρνηση του Νότου', 'Кіберполіція', 'Εθνικό CERT'];
const unicodeScenario = { ...scenario, teams: scenario.teams.map((t, i) => ({ ...t, name: `${scripts[i % scripts.length]} ${i + 1}` })) };
// The scenario's few characters beyond WinAnsi (a minus sign, emoji) taken out: a report the standard fonts print whole.
const latinScenario = JSON.parse(JSON.stringify(scenario).replaceAll('\u2212', '-').replace(/[\u{1F000}-\u{1FFFF}]/gu, '').replaceAll('\uFE0F', ''));

const counts = {};
for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
console.log(`  ${Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const input = { scenario, catalogue, ruleSet, events, generatedAt: Date.UTC(2026, 2, 10, 12) };

function streamed(model) {
  let chars = 0;
  let biggest = 0;
  for (const chunk of renderAarJsonChunks(model, { chunkChars: 1 << 20 })) {
    chars += chunk.length;
    biggest = Math.max(biggest, chunk.length);
  }
  return { chars, biggest };
}

async function run() {
  const model = await timed(() => buildAarModel(input));
  const json = await timed(() => renderAarJson(model.value));
  const stream = await timed(() => streamed(model.value));
  const pdf = await timed(() => renderAarPdf(model.value));
  const csv = await timed(() => renderDecisionsCsv(model.value).length + renderTimelineCsv(model.value).length);
  const html = await timed(() => renderAarHtml(model.value));
  return { model, json, stream, pdf, csv, html };
}

const load0 = loadavg()[0];
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (times scale with load)`);
await run();
const runs = [];
for (let i = 0; i < 3; i += 1) runs.push(await run());
const median = (list, pick) => list.map(pick).sort((a, b) => a - b)[1];
const wall = (stage) => median(runs, (r) => r[stage].wall);
const cpu = (stage) => median(runs, (r) => r[stage].cpu);
const first = runs[0];
console.log(`  sizes: JSON ${(first.json.value.length / 1e6).toFixed(1)} MB (streamed in chunks of at most ${(first.stream.value.biggest / 1e3).toFixed(0)} kB), PDF ${(first.pdf.value.length / 1e3).toFixed(0)} kB, CSV ${(first.csv.value / 1e6).toFixed(1)} MB, HTML ${(first.html.value.length / 1e6).toFixed(1)} MB`);

const latinModel = buildAarModel({ ...input, scenario: latinScenario });
const unicodeModel = buildAarModel({ ...input, scenario: unicodeScenario });
await renderAarPdf(unicodeModel, { fonts });
const latin = [];
const unicode = [];
for (let i = 0; i < 3; i += 1) {
  latin.push(await timed(() => renderAarPdf(latinModel, { fonts })));
  unicode.push(await timed(() => renderAarPdf(unicodeModel, { fonts })));
}
console.log(`PDF with DejaVu Sans given (median of 3): WinAnsi-only ${ms(median(latin, (r) => r.wall))} (standard fonts, nothing embedded); Cyrillic and Greek team names ${ms(median(unicode, (r) => r.wall))}, ${(unicode[0].value.length / 1e3).toFixed(0)} kB`);

const rows = [
  ['model', wall('model'), cpu('model')],
  ['JSON (one string)', wall('json'), cpu('json')],
  ['JSON streamed', wall('stream'), cpu('stream')],
  ['PDF', wall('pdf'), cpu('pdf')],
  ['CSV (both tables)', wall('csv'), cpu('csv')],
  ['HTML', wall('html'), cpu('html')],
  ['model + JSON', wall('model') + wall('stream'), cpu('model') + cpu('stream')],
  ['model + PDF', wall('model') + wall('pdf'), cpu('model') + cpu('pdf')],
  ['PDF, Unicode', median(unicode, (r) => r.wall), median(unicode, (r) => r.cpu)],
];
console.log(`\n${events.length} events, load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end; budget 2,000 ms (aim 1,000 ms)`);
console.log(`${'stage'.padEnd(18)} ${'median'.padStart(10)} ${'CPU'.padStart(10)}`);
for (const [name, w, c] of rows) console.log(`${name.padEnd(18)} ${ms(w).padStart(10)} ${ms(c).padStart(10)}`);
