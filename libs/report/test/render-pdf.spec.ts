import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildAarModel, renderAarPdf } from '@ttx/report';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { playSyntheticExercise } from '../bench/synthetic-exercise.js';
import { goldenModel } from './golden.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ttx-aar-'));

async function writePdf(): Promise<{ file: string; bytes: Uint8Array }> {
  const bytes = await renderAarPdf(goldenModel());
  const file = path.join(dir, 'aar.pdf');
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** Every content stream of the PDF, inflated. */
function pageStreams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const streams: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at, 'latin1');
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start, 'latin1');
    const dict = raw.subarray(Math.max(0, start - 200), start).toString('latin1');
    const body = raw.subarray(start + 7, end);
    streams.push(dict.includes('/FlateDecode') ? inflateSync(body).toString('latin1') : body.toString('latin1'));
    at = end + 10;
  }
  return streams;
}

describe('the PDF report', () => {
  it('opens in a real PDF reader and its text holds the sections, team names and findings', async () => {
    const { file } = await writePdf();
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+\d+/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const heading of ['Contents', 'Exercise overview', 'Scores by team and dimension', 'Escalation between states', 'Objectives and ratings', 'Strengths', 'Areas for improvement', 'Analysis by team', 'Timeline', 'Appendix A: Improvement plan', 'Appendix B: Participants and rules library']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Northland Government');
    expect(text).toContain('Southland Government');
    expect(text).toContain('attributed publicly before the evidence supported it');
    expect(text).toMatch(/Page 2 of \d+/);
  });

  it('keeps each chart legend entry whole on one line, long state names and all', async () => {
    // States with official names: two legend entries no longer fit side by side, so each takes a line of its own.
    const long = JSON.stringify(goldenModel())
      .replaceAll('"Northland"', '"Federal Republic of Northland"')
      .replaceAll('"Southland"', '"Republic of Southland"');
    const file = path.join(dir, 'long-names.pdf');
    writeFileSync(file, await renderAarPdf(JSON.parse(long) as ReturnType<typeof goldenModel>));
    const lines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines).toContain('Republic of Southland toward Federal Republic of Northland (peak ESC-8)');
    expect(lines).toContain('Federal Republic of Northland toward Republic of Southland (peak ESC-3)');
  });

  it('lists each section in its table of contents at the page where it starts', async () => {
    const { file } = await writePdf();
    const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
    const entry = /Timeline[ .]+(\d+)/.exec(contents);
    expect(entry).not.toBeNull();
    const page = execFileSync('pdftotext', ['-f', entry?.[1] ?? '0', '-l', entry?.[1] ?? '0', '-layout', file, '-'], { encoding: 'utf8' });
    expect(page).toMatch(/^\s*EXERCISE\s+Timeline/);
  });

  it('shows markup from players and scenarios as text', async () => {
    const { file } = await writePdf();
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('<script>alert("x")</script> They');
    expect(text).toContain('Name them <b>now</b> & "loudly"');
    expect(text).toContain('<i>Stand by</i>');
  });

  it('draws its charts as vector paths, not only tables', async () => {
    const { bytes } = await writePdf();
    const streams = pageStreams(bytes);
    const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');
    const lineTos = (s: string) => s.match(/^[\d.-]+ [\d.-]+ l$/gm)?.length ?? 0;
    // The escalation chart: its ESC-0 to ESC-10 axis and one stroked step curve per pair of states.
    const escalation = streams.find((s) => s.includes(`<${hex('ESC-10')}>`));
    expect(escalation).toBeDefined();
    const curves = escalation?.split('\n1.6 w\n') ?? [];
    expect(curves.length - 1).toBe(2);
    expect(lineTos(escalation ?? '')).toBeGreaterThan(20);
    // The score chart: one bar per dimension (six) in each team's colour, plus that colour's swatches in both legends.
    const bars = (rgb: string) => streams.reduce((n, s) => n + (s.match(new RegExp(`re\\n/DeviceRGB cs\\n${rgb} scn\\nf\\n`, 'g'))?.length ?? 0), 0);
    expect(bars('0.7529411764705882 0.2235294117647059 0.16862745098039217')).toBe(8);
    expect(bars('0.12156862745098039 0.37254901960784315 0.6588235294117647')).toBeGreaterThanOrEqual(8);
  });
});

describe('the PDF report of a long exercise', () => {
  const root = path.join(import.meta.dirname, '../../..');
  const load = (file: string): unknown => parse(readFileSync(path.join(root, file), 'utf8'));
  const scenario = scenarioSchema.parse(load('exercises/grid-dark-winter/scenario.yaml'));
  const catalogue = catalogueSchema.parse(load('exercises/roe/catalogue.yaml'));
  const ruleSet = ruleSetSchema.parse(load('exercises/roe/default.yaml'));
  const { events } = playSyntheticExercise({ scenario, catalogue, ruleSet, targetEvents: 1500, seed: 9 });
  const model = buildAarModel({ scenario, catalogue, ruleSet, events });

  it('summarises messages per channel and lists only the latest, leaving every message to the CSV and JSON', async () => {
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, await renderAarPdf(model));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Activity (${model.timeline.entries.length} events)`);
    const messages = model.timeline.channels.reduce((n, c) => n + c.messages.length, 0);
    expect(messages).toBeGreaterThan(200);
    const printed = text.match(/Update \d+ from/g)?.length ?? 0;
    expect(printed).toBeGreaterThan(0);
    expect(printed).toBeLessThanOrEqual(model.timeline.channels.length * 8);
    for (const channel of model.timeline.channels.filter((c) => c.messages.length > 0)) {
      expect(text).toMatch(new RegExp(`${channel.name.split(' ')[0]}[^\\n]*\\s${channel.messages.length}\\s`));
    }
  });

  it('gives the same bytes each time the same review is rendered (its dates come from the log)', async () => {
    expect(Buffer.from(await renderAarPdf(model)).equals(Buffer.from(await renderAarPdf(model)))).toBe(true);
  });
});
