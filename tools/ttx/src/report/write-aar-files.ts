// Writes the after-action review of a headless run: the five files a facilitator takes into the hot wash.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';

export const AAR_FILES = ['aar.json', 'aar.html', 'aar.pdf', 'decisions.csv', 'timeline.csv'] as const;

export interface AarSource {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
  events: readonly ExerciseEvent[];
}

/** DejaVu Sans and its bold, embedded in the PDF when it prints scripts beyond WinAnsi (Cyrillic, Greek, ...). */
function pdfFonts(): { regular: Uint8Array; bold: Uint8Array } {
  const resolve = createRequire(import.meta.url).resolve;
  return { regular: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), bold: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')) };
}

/** Creates `dir` if needed and returns the paths written. */
export async function writeAarFiles(dir: string, source: AarSource): Promise<string[]> {
  // Loaded on demand: the PDF renderer is heavy and only --report needs it.
  const { buildAarModel, renderAarHtml, renderAarJson, renderAarPdf, renderDecisionsCsv, renderTimelineCsv } = await import('@ttx/report');
  const model = buildAarModel({ ...source, events: [...source.events] });
  mkdirSync(dir, { recursive: true });
  const contents: Record<(typeof AAR_FILES)[number], string | Uint8Array> = {
    'aar.json': renderAarJson(model),
    'aar.html': renderAarHtml(model),
    'aar.pdf': await renderAarPdf(model, { fonts: pdfFonts() }),
    'decisions.csv': renderDecisionsCsv(model),
    'timeline.csv': renderTimelineCsv(model),
  };
  return AAR_FILES.map((name) => {
    const file = path.join(dir, name);
    writeFileSync(file, contents[name]);
    return file;
  });
}
