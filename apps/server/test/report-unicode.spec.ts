// The PDF report prints a player's words in their own script: the report worker embeds DejaVu Sans when the text
// goes beyond what the standard PDF fonts show.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drillSuite, fire } from './support/exercise-setup.js';
import { download } from './support/report-download.js';

const RATIONALE = 'Публічно назвати винних: імплант веде до Північної країни.';

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ttx-report-unicode-'));
  try {
    const file = path.join(dir, 'aar.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the PDF report of a Ukrainian-speaking team', () => {
  const suite = drillSuite();

  beforeAll(async () => {
    const { client, drill } = suite;
    await fire(client, drill, 'd02-sl-intrusion');
    await drill.sockets.slGov.released('d02-sl-intrusion');
    const ack = await drill.sockets.slGov.send('decision.submit', {
      decisionId: 'sl-attribution',
      injectId: 'd02-sl-intrusion',
      actions: [{ actionId: 'public-attribution', targetId: 'northland-government' }],
      rationale: RATIONALE,
    });
    expect(ack.ok).toBe(true);
  });

  it("prints the player's Cyrillic rationale in the downloaded PDF, not question marks", async () => {
    const { client, drill } = suite;
    const pdf = await download(client, drill.id, '?format=pdf', drill.controller);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain(RATIONALE);
    expect(pdf.bytes.toString('latin1')).toContain('/FontFile2');
  });
});
