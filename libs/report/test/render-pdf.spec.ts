import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { renderAarPdf } from '@ttx/report';
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
    writeFileSync('/tmp/aar-golden.pdf', (await renderAarPdf(goldenModel())));
  });
});
