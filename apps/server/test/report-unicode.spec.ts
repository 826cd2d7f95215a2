// The PDF report prints a player's words in their own script: the report worker embeds DejaVu Sans when the text
// goes beyond what the standard PDF fonts show.
import { drillSuite, fire } from './support/exercise-setup.js';
import { download, pdfText } from './support/report-download.js';

const RATIONALE = 'Публічно назвати винних: імплант веде до Північної країни.';

describe('the PDF report of a Ukrainian-speaking team', () => {
  const suite = drillSuite();

  beforeAll(async () => {
    const { client, drill } = suite;
    await fire(client, drill, 'd02-sl-intrusion');
    await drill.sockets.slGov.released('d02-sl-intrusion');
    const ack = await drill.sockets.slGov.decide('sl-attribution', { inject: 'd02-sl-intrusion', action: 'public-attribution', target: 'northland-government' }, RATIONALE);
    expect(ack.ok).toBe(true);
  });

  it("prints the player's Cyrillic rationale in the downloaded PDF, not question marks", async () => {
    const { client, drill } = suite;
    const pdf = await download(client, drill.id, '?format=pdf', drill.controller);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes, { layout: false }).replace(/\s+/g, ' ');
    expect(text).toContain(RATIONALE);
    expect(pdf.bytes.toString('latin1')).toContain('/FontFile2');
  });
});
