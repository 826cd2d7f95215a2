// A decision's stated confidence in an attribution over the wire: the socket takes it or refuses it with the field
// named, the event and the HTTP log carry it, the rules judge it against what the team received, the report shows it.
import { drillSuite } from './support/exercise-setup.js';
import { download, model } from './support/report-download.js';

interface LogPage {
  events: { type: string; payload: { decisionId?: string; confidence?: string } }[];
}

describe('stated confidence in an attribution (decision.submit confidence)', () => {
  const suite = drillSuite();
  const attribution = (decisionId: string, extra: Record<string, unknown>) => ({
    decisionId,
    injectId: 'd02-sl-intrusion',
    actions: [{ actionId: 'public-attribution', targetId: 'northland-government' }],
    rationale: 'The implant beacons to Northland.',
    ...extra,
  });

  it.each([['certain'], [''], [2], [null]])('refuses the value %p with VALIDATION_FAILED naming the field, recording nothing', async (value) => {
    const { slGov, staff } = suite.drill.sockets;
    await slGov.released('d02-sl-intrusion', 5000);
    const before = staff.events.length;
    const ack = await slGov.send('decision.submit', attribution(`sl-bad-${String(value)}`, { confidence: value }));
    expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('confidence') } });
    const log = await suite.client.http<LogPage>('GET', `/api/exercises/${suite.drill.id}/events?since=0`, undefined, suite.drill.controller);
    expect(log.body.events.filter((e) => e.type === 'decision.submitted')).toEqual([]);
    expect(staff.events.length).toBe(before);
  });

  it('carries the confidence to the sockets and the HTTP log, and judges it against the evidence the team received', async () => {
    const { slGov, staff } = suite.drill.sockets;
    const ack = await slGov.send('decision.submit', attribution('sl-named-high', { confidence: 'high' }));
    expect(ack).toMatchObject({ ok: true });
    const event = await staff.waitFor((e) => e.type === 'decision.submitted');
    expect(event.payload).toMatchObject({ decisionId: 'sl-named-high', confidence: 'high' });
    const own = await slGov.waitFor((e) => e.type === 'decision.submitted');
    expect(own.payload).toMatchObject({ confidence: 'high' });
    const log = await suite.client.http<LogPage>('GET', `/api/exercises/${suite.drill.id}/events?since=0`, undefined, suite.drill.controller);
    expect(log.body.events.find((e) => e.type === 'decision.submitted')?.payload).toMatchObject({ decisionId: 'sl-named-high', confidence: 'high' });
    const findings = await staff.waitFor((e) => e.type === 'findings.recorded' && e.payload.decisionId === 'sl-named-high');
    const attributionFinding = (findings.payload as { findings: { ruleId: string; severity: string; delta: number; explanation: string }[] }).findings.find((f) => f.ruleId === 'attribution-care');
    // Low evidence (the Southland-only intrusion report), moderate required, high claimed: 0.2 short + 0.4 overclaimed.
    expect(attributionFinding).toMatchObject({ severity: 'violation', delta: -4.8 });
    expect(attributionFinding?.explanation).toContain('Evidence Southland government had received: low (inject d02-sl-intrusion');
    expect(attributionFinding?.explanation).toContain('The stated confidence (high) claims more than the evidence (low) supports.');
  });

  it('counts only the evidence released to the acting team: Northland naming itself has none', async () => {
    const { nlGov, staff } = suite.drill.sockets;
    const ack = await nlGov.decide('nl-free-attribution', { action: 'public-attribution', target: 'southland-government' }, 'Blame them first.', { confidence: 'low' });
    expect(ack).toMatchObject({ ok: true });
    const findings = await staff.waitFor((e) => e.type === 'findings.recorded' && e.payload.decisionId === 'nl-free-attribution');
    const finding = (findings.payload as { findings: { ruleId: string; severity: string; delta: number; explanation: string }[] }).findings.find((f) => f.ruleId === 'attribution-care');
    expect(finding).toMatchObject({ severity: 'violation', delta: -4.8 });
    expect(finding?.explanation).toContain('none (no inject it received names them)');
  });

  it('shows the confidence in the review over HTTP: JSON and decisions.csv', async () => {
    const review = await model(suite.client, suite.drill.id, suite.drill.controller);
    expect(review.timeline.decisions.find((d) => d.decisionId === 'sl-named-high')?.confidence).toBe('high');
    const csv = await download(suite.client, suite.drill.id, '?format=csv&table=decisions', suite.drill.controller);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    const column = header.split(',').indexOf('confidence');
    expect(column).toBeGreaterThan(0);
    expect(rows.find((r) => r.includes('sl-named-high'))?.split(',')[column]).toBe('high');
  });
});
