// GET /api/exercises/:id/report: staff get the whole after-action review, a player only its own team's debrief
// and only when the scenario allows it; every format parses; the same log gives the same report after a restart.
// (A large log and the report worker: report-worker.spec.ts.)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPORT_PARTS } from '@ttx/contracts';
import type { AarModel } from '@ttx/report';
import { parse } from 'csv-parse/sync';
import {
  createExercise,
  drillExercise,
  drillSuite,
  fire,
  join,
  restartSuite,
  type DrillExercise,
} from './support/exercise-setup.js';
import { download, model, pdfText } from './support/report-download.js';
import { databaseKinds, type TestClient } from './support/test-server.js';

const MARKUP = '<script>alert("sl")</script><b>Call them</b> & wait';
const NORTHLAND_SECRET = 'NORTHLAND-PRIVATE-RATIONALE';

/** Text as a browser shows it: character references decoded (tags are left alone). */
function decodeEntities(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return html.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return named[ref] ?? whole;
  });
}

/** Both governments decide (Southland with markup in its rationale), so each team has findings of its own. */
async function playBothTeams(client: TestClient, drill: DrillExercise): Promise<void> {
  await fire(client, drill, 'd02-sl-intrusion', 'd03-nl-brief');
  await drill.sockets.slGov.released('d02-sl-intrusion');
  await drill.sockets.nlGov.released('d03-nl-brief');
  const acks = await Promise.all([
    drill.sockets.slGov.decide('sl-hotline', { inject: 'd02-sl-intrusion', action: 'activate-hotline', target: 'northland-government' }, MARKUP),
    drill.sockets.nlGov.decide('nl-consult', { inject: 'd03-nl-brief', action: 'request-consultations', target: 'southland-government' }, NORTHLAND_SECRET),
    // Sharing indicators is commended (share-information): a finding of Northland's that Southland's debrief must not show.
    drill.sockets.nlGov.decide('nl-share', { action: 'share-indicators', target: 'southland-cert' }, NORTHLAND_SECRET),
  ]);
  expect(acks.map((a) => a.ok)).toEqual([true, true, true]);
}

/** A copy of the wire drill under another id with some header fields changed. */
function variantScenario(dir: string, id: string, fields: Record<string, string>): void {
  let text = readFileSync(path.join(dir, 'exercises/wire-drill/scenario.yaml'), 'utf8').replace(
    /^id: wire-drill$/m,
    `id: ${id}`,
  );
  for (const [key, value] of Object.entries(fields))
    text = text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`);
  mkdirSync(path.join(dir, 'exercises', id), { recursive: true });
  writeFileSync(path.join(dir, 'exercises', id, 'scenario.yaml'), text);
}

describe('the report route', () => {
  const suite = drillSuite({
    folder: (dir) => {
      variantScenario(dir, 'wire-drill-closed', { debrief: 'false' });
      variantScenario(dir, 'wire-drill-held', { feedback: 'debrief' });
    },
  });
  let client: TestClient;
  let drill: DrillExercise;

  beforeAll(async () => {
    ({ client, drill } = suite);
    await playBothTeams(client, drill);
  });

  it('gives controllers, facilitators and observers the whole review, as of now while the exercise runs', async () => {
    for (const token of [drill.controller, drill.tokens.facilitator, drill.tokens.observer]) {
      const got = await download(client, drill.id, '?format=json', token);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(got.headers.get('content-disposition')).toBe(
        `attachment; filename="wire-drill-${drill.id}-aar.json"`,
      );
      const aar = JSON.parse(got.text) as AarModel;
      expect(aar.audience).toEqual({ kind: 'staff' });
      expect(aar.teams.map((t) => t.teamId)).toEqual(['sl-gov', 'sl-cert', 'nl-gov']);
      expect(aar.timeline.decisions.map((d) => d.decisionId).sort()).toEqual(['nl-consult', 'nl-share', 'sl-hotline']);
      expect(aar.asOf.final).toBe(false);
      expect(aar.overview.status).toBe('running');
    }
  });

  it("gives a player its own team's debrief and nothing of another team's decisions or findings", async () => {
    const aar = await model(client, drill.id, drill.tokens.slGov);
    expect(aar.audience).toEqual({ kind: 'team', teamId: 'sl-gov' });
    expect(aar.teams.map((t) => t.teamId)).toEqual(['sl-gov']);
    expect(aar.teams[0]!.findings.length).toBeGreaterThan(0);
    expect(aar.timeline.decisions.map((d) => d.decisionId)).toEqual(['sl-hotline']);
    expect(aar.improvementPlan.every((i) => i.teamId === 'sl-gov')).toBe(true);
    const staff = await model(client, drill.id, drill.controller);
    const northland = staff.teams.find((t) => t.teamId === 'nl-gov')!;
    expect(northland.findings.length).toBeGreaterThan(0);
    for (const query of ['?format=json', '?format=csv', '?format=csv&table=timeline', '?format=html']) {
      const got = await download(client, drill.id, query, drill.tokens.slGov);
      expect(got.status).toBe(200);
      expect(got.text).not.toContain(NORTHLAND_SECRET);
      expect(got.text).not.toContain('nl-consult');
      expect(got.text).not.toContain('Northland only');
    }
    const pdf = await download(client, drill.id, '?format=pdf', drill.tokens.slGov);
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="wire-drill-${drill.id}-sl-gov-debrief.pdf"`,
    );
    expect(pdfText(pdf.bytes)).not.toContain(NORTHLAND_SECRET);
    expect((await model(client, drill.id, drill.tokens.nlGov)).teams.map((t) => t.teamId)).toEqual([
      'nl-gov',
    ]);
  });

  it('serves one part of the review alone, the same as in the whole, for staff and for a team', async () => {
    const whole = await model(client, drill.id, drill.tokens.facilitator);
    for (const part of REPORT_PARTS) {
      const got = await download(client, drill.id, `?part=${part}`, drill.tokens.facilitator);
      expect(got.status).toBe(200);
      const served = JSON.parse(got.text) as Record<string, unknown>;
      expect(served).toMatchObject({ part, audience: { kind: 'staff' }, asOf: whole.asOf });
      const sections = Object.keys(served).filter((key) => !['schemaVersion', 'audience', 'asOf', 'part'].includes(key));
      expect(sections.length).toBeGreaterThan(0);
      for (const key of sections) expect(served[key]).toEqual(whole[key as keyof AarModel]);
    }
    const own = JSON.parse((await download(client, drill.id, '?part=teams', drill.tokens.slGov)).text) as AarModel;
    expect([own.audience, own.teams.map((t) => t.teamId)]).toEqual([{ kind: 'team', teamId: 'sl-gov' }, ['sl-gov']]);
    for (const query of ['?part=scores', '?format=pdf&part=teams', '?format=csv&part=timeline']) {
      const bad = await download(client, drill.id, query, drill.controller);
      expect([bad.status, JSON.parse(bad.text).error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.parse(bad.text).error.message).toMatch(/part/);
    }
  });

  it('refuses a request without a token, with a token for another exercise, or with an unknown format', async () => {
    const anonymous = await download(client, drill.id, '?format=json');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).error.code).toBe('UNAUTHENTICATED');
    const other = await createExercise(client, drill.controller);
    const foreign = await download(client, other.id, '?format=json', drill.tokens.facilitator);
    expect([foreign.status, JSON.parse(foreign.text).error.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    for (const query of [
      '?format=docx',
      '?format=csv&table=scores',
      '?format=html&inline=yes',
      '?format=json&extra=1',
    ]) {
      const bad = await download(client, drill.id, query, drill.controller);
      expect([bad.status, JSON.parse(bad.text).error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const missing = await download(client, 'ex-nosuchthing', '?format=json', drill.controller);
    expect([missing.status, JSON.parse(missing.text).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('serves both CSV tables, which parse and agree with the JSON', async () => {
    const aar = await model(client, drill.id, drill.controller);
    const decisions = await download(client, drill.id, '?format=csv', drill.controller);
    expect(decisions.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(decisions.headers.get('content-disposition')).toBe(
      `attachment; filename="wire-drill-${drill.id}-aar-decisions.csv"`,
    );
    const decisionRows = parse(decisions.text, { columns: true }) as Record<string, string>[];
    expect(decisionRows.map((r) => r.decisionId)).toEqual(aar.timeline.decisions.map((d) => d.decisionId));
    expect(decisionRows.find((r) => r.decisionId === 'sl-hotline')!.rationale).toBe(MARKUP);
    const timeline = await download(client, drill.id, '?format=csv&table=timeline', drill.controller);
    expect(timeline.headers.get('content-disposition')).toBe(
      `attachment; filename="wire-drill-${drill.id}-aar-timeline.csv"`,
    );
    const timelineRows = parse(timeline.text, { columns: true }) as Record<string, string>[];
    expect(timelineRows.map((r) => Number(r.seq))).toEqual(aar.timeline.entries.map((e) => e.seq));
  });

  it('serves HTML with every section and the players’ markup as text, inline when asked', async () => {
    const html = await download(client, drill.id, '?format=html', drill.controller);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toBe(
      `attachment; filename="wire-drill-${drill.id}-aar.html"`,
    );
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const section of [
      'Exercise overview',
      'Scores by team and dimension',
      'Escalation between states',
      'Strengths',
      'Areas for improvement',
      'Timeline',
      'Appendix A: Improvement plan',
    ])
      expect(html.text).toContain(section);
    expect(html.text).not.toContain('<script>');
    expect(html.text).not.toContain('<b>Call them</b>');
    expect(decodeEntities(html.text)).toContain(MARKUP);
    const inline = await download(client, drill.id, '?format=html&inline=1', drill.controller);
    expect(inline.headers.get('content-disposition')).toBe(
      `inline; filename="wire-drill-${drill.id}-aar.html"`,
    );
    expect(inline.text).toBe(html.text);
  });

  it('serves a PDF whose text holds the sections and every team', async () => {
    const pdf = await download(client, drill.id, '?format=pdf', drill.tokens.observer);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="wire-drill-${drill.id}-aar.pdf"`,
    );
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf.bytes);
    for (const expected of [
      'Southland government',
      'Southland CERT',
      'Northland government',
      'Areas for improvement',
      'Escalation between states',
    ])
      expect(text).toContain(expected);
  });

  it("shows a facilitator's improvement-plan edit in the next report", async () => {
    const ack = await drill.sockets.facilitator.send('improvement.edit', {
      itemId: 'ip-hotline-directory',
      changes: {
        issue: 'The hotline directory was out of date.',
        correctiveAction: 'Check the numbers every quarter.',
        capabilityElement: 'planning',
      },
    });
    expect(ack.ok).toBe(true);
    const aar = await model(client, drill.id, drill.controller);
    const item = aar.improvementPlan.find((i) => i.itemId === 'ip-hotline-directory');
    expect(item).toMatchObject({
      source: 'facilitator',
      issue: 'The hotline directory was out of date.',
      correctiveAction: 'Check the numbers every quarter.',
      edits: [ack.seq],
    });
  });

  it('refuses a player the debrief when the scenario keeps debriefs with the staff, and staff still get the review', async () => {
    const created = await createExercise(client, drill.controller, 'wire-drill-closed');
    const joined = await join(client, created.joinCodes['sl-gov']!, 'Vale');
    const refused = await download(client, created.id, '?format=pdf', joined.token);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error).toEqual({
      code: 'DEBRIEF_NOT_ALLOWED',
      message: expect.stringContaining('does not give teams their own debrief'),
    });
    expect((await download(client, created.id, '?format=json', drill.controller)).status).toBe(200);
  });

  it('opens the debrief of a scenario that withholds feedback during play only once the exercise has ended', async () => {
    const created = await createExercise(client, drill.controller, 'wire-drill-held');
    const id = created.id;
    const joined = await join(client, created.joinCodes['nl-gov']!, 'Roe');
    await client.http('POST', `/api/exercises/${id}/start`, undefined, drill.controller);
    const early = await download(client, id, '?format=json', joined.token);
    expect([early.status, JSON.parse(early.text).error.code]).toEqual([403, 'DEBRIEF_NOT_ALLOWED']);
    await client.http('POST', `/api/exercises/${id}/end`, undefined, drill.controller);
    const aar = await model(client, id, joined.token);
    expect(aar.asOf.final).toBe(true);
    expect(aar.audience).toEqual({ kind: 'team', teamId: 'nl-gov' });
  });
});

describe.each(databaseKinds())('report across a restart on $name', ({ create }) => {
  const suite = restartSuite({ database: create });

  it('gives the same report, byte for byte, before and after the server restarts', async () => {
    const first = await suite.start();
    const drill = await drillExercise(first);
    await playBothTeams(first, drill);
    await first.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller);
    const queries = [
      '?format=json',
      '?format=csv',
      '?format=csv&table=timeline',
      '?format=html',
      '?format=pdf',
    ];
    const before = [];
    for (const query of queries)
      before.push((await download(first, drill.id, query, drill.controller)).bytes);
    const debriefBefore = (await download(first, drill.id, '?format=json', drill.tokens.slGov)).text;
    await first.close();

    const second = await suite.start();
    for (const [i, query] of queries.entries()) {
      const after = await download(second, drill.id, query, drill.controller);
      expect(after.status).toBe(200);
      expect(after.bytes.equals(before[i]!)).toBe(true);
    }
    expect((await download(second, drill.id, '?format=json', drill.tokens.slGov)).text).toBe(debriefBefore);
    expect((JSON.parse(debriefBefore) as AarModel).asOf.final).toBe(true);
  }, 60_000);
});
