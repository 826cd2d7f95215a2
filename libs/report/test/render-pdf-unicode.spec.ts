import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventPayloads, ExerciseEvent } from '@ttx/engine';
import { buildAarModel, renderAarPdf, type AarModel } from '@ttx/report';
import { goldenEvents, goldenScenario } from '../fixtures/golden-exercise.js';
import { pdfText } from '../src/pdf-layout.js';
import { goldenInput, goldenModel } from './golden.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ttx-aar-unicode-'));
const require = createRequire(import.meta.url);
const fonts = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
};

const NORTH = 'Уряд Північної країни';
const SOUTH = 'Κυβέρνηση του Νότου';
const POLISH = 'Najpierw rozmowa: łączność przez gorącą linię, żadnych gróźb.';
const CYRILLIC = 'Удар у відповідь, але спершу гаряча лінія.';
/** DejaVu Sans has no emoji: they print as "?" even with the fonts. */
const WOLF = ' 🐺';

/** The golden exercise with Ukrainian and Greek team names and Polish and Ukrainian rationale. */
function unicodeModel(): AarModel {
  const scenario = { ...goldenScenario, teams: goldenScenario.teams.map((t) => ({ ...t, name: t.id === 'north' ? NORTH : SOUTH })) };
  const rationale: Record<string, string> = { d1: POLISH, d3: CYRILLIC + WOLF };
  const events = goldenEvents().map((e): ExerciseEvent => {
    if (e.type !== 'decision.submitted') return e;
    const payload = e.payload as EventPayloads['decision.submitted'];
    return { ...e, payload: { ...payload, rationale: rationale[payload.decisionId] ?? payload.rationale } } as ExerciseEvent;
  });
  return buildAarModel(goldenInput({ scenario, events }));
}

function textOf(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** Font files embedded in the PDF (TrueType programs); the standard fonts embed none. */
const embeddedFonts = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/FontFile2/g)?.length ?? 0;

describe('the PDF report in any participant\'s language', () => {
  it('prints Cyrillic, Greek and Polish team names and rationale with the fonts it is given', async () => {
    const bytes = await renderAarPdf(unicodeModel(), { fonts });
    const text = textOf(bytes, 'unicode.pdf');
    for (const expected of [NORTH, SOUTH, POLISH, `${CYRILLIC} ?`]) expect(text.replace(/\s+/g, ' ')).toContain(expected);
    expect(text).not.toMatch(/\?\?\?/);
    expect(embeddedFonts(bytes)).toBe(2);
  });

  it('prints those characters as "?" with the standard fonts when no fonts are given', async () => {
    const bytes = await renderAarPdf(unicodeModel());
    const text = textOf(bytes, 'no-fonts.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('???? ????????? ?????? state Northland Nora ????????? ??? ????? state Southland');
    expect(text).toContain('Najpierw rozmowa: ??czno?? przez gor?c? lini?, ?adnych gró?b.');
    expect(text).not.toContain(NORTH);
    expect(embeddedFonts(bytes)).toBe(0);
  });

  it('keeps a Latin-only report in the standard fonts, the same bytes as without fonts', async () => {
    const model = goldenModel();
    const withFonts = await renderAarPdf(model, { fonts });
    expect(embeddedFonts(withFonts)).toBe(0);
    expect(Buffer.from(withFonts).equals(Buffer.from(await renderAarPdf(model)))).toBe(true);
  });

  it('gives the same bytes with embedded fonts each time the same review is rendered', async () => {
    const model = unicodeModel();
    expect(Buffer.from(await renderAarPdf(model, { fonts })).equals(Buffer.from(await renderAarPdf(model, { fonts })))).toBe(true);
  });
});

describe('pdfText', () => {
  it('cuts a long text before a character outside the Basic Multilingual Plane, never between its two halves', () => {
    expect(pdfText('abcd🐺efgh', 8, () => true)).toBe('abcd...');
    expect(pdfText('abcdefgh🐺', 8, () => true)).toBe('abcde...');
    expect(pdfText('Łódź🐺', Infinity)).toBe('?ód??');
  });
});
