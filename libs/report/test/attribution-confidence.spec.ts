// A decision's stated confidence in an attribution reaches every form of the review.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExerciseEvent } from '@ttx/engine';
import { DECISION_COLUMNS, buildAarModel, renderAarHtml, renderAarJson, renderAarPdf, renderDecisionsCsv } from '@ttx/report';
import { goldenEvents } from '../fixtures/golden-exercise.js';
import { goldenInput } from './golden.js';

/** The golden exercise with Southland's attribution (d1) stated at high confidence. */
function withConfidence(): ReturnType<typeof buildAarModel> {
  const events = goldenEvents().map((e): ExerciseEvent =>
    e.type === 'decision.submitted' && e.payload.decisionId === 'd1' ? { ...e, payload: { ...e.payload, confidence: 'high' } } : e,
  );
  return buildAarModel(goldenInput({ events }));
}

describe('stated confidence in the after-action review', () => {
  it('is a field of the decision in JSON, and absent where none was stated', () => {
    const decisions = (JSON.parse(renderAarJson(withConfidence())) as { timeline: { decisions: { decisionId: string; confidence?: string }[] } }).timeline.decisions;
    expect(decisions.find((d) => d.decisionId === 'd1')?.confidence).toBe('high');
    expect(decisions.filter((d) => d.decisionId !== 'd1').every((d) => !Object.hasOwn(d, 'confidence'))).toBe(true);
  });

  it('has its column in decisions.csv', () => {
    const [header, ...rows] = renderDecisionsCsv(withConfidence()).trim().split('\r\n');
    const column = DECISION_COLUMNS.indexOf('confidence');
    expect(header.split(',')[column]).toBe('confidence');
    const d1 = rows.find((r) => r.includes(',d1,'));
    expect(d1?.split(',')[column]).toBe('high');
  });

  it('shows in the HTML decisions table and the timeline sentence', () => {
    const html = renderAarHtml(withConfidence());
    expect(html).toContain('<th>Stated confidence</th>');
    expect(html).toContain('Stated confidence in the attribution: high.');
  });

  it('shows beside the actions of a key decision in the PDF', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ttx-conf-')), 'aar.pdf');
    writeFileSync(file, await renderAarPdf(withConfidence()));
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Stated confidence: high');
  });
});
