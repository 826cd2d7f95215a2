import { AarBuilder, buildAarModel, buildTeamDebrief, renderAarHtml, renderAarJson, renderTimelineCsv, type AarModel } from '@ttx/report';
import { goldenInput, goldenModel } from './golden.js';

describe('the AAR model', () => {
  it('is the same for the same log, however often it is built', () => {
    expect(renderAarJson(goldenModel())).toBe(renderAarJson(goldenModel()));
  });

  it('is the same after the log is stored and read back, as after a server restart', () => {
    const stored = JSON.parse(JSON.stringify(goldenInput().events));
    expect(renderAarJson(buildAarModel(goldenInput({ events: stored })))).toBe(renderAarJson(goldenModel()));
  });

  it('is the same built event by event as the log grows as built in one go', () => {
    const { events, ...context } = goldenInput();
    const builder = new AarBuilder(context);
    for (let n = 1; n < events.length; n += 3) builder.build(events.slice(0, n));
    expect(renderAarJson(builder.build(events))).toBe(renderAarJson(goldenModel()));
  });

  it('reports on a running exercise as of a given event', () => {
    const model = buildAarModel(goldenInput({ asOf: { seq: 12 } }));
    expect(model.asOf).toEqual({ seq: 12, exerciseTime: 13 * 60_000, at: expect.any(Number), final: false });
    expect(model.overview.status).toBe('running');
    expect(model.timeline.entries.at(-1)?.seq).toBe(12);
    expect(model.timeline.decisions.map((d) => d.decisionId)).toEqual(['d1', 'd2']);
    expect(model.teams.find((t) => t.teamId === 'south')?.latency.prompts.map((p) => p.status)).toEqual(['on-time']);
    expect(model.escalation.maxLevel).toBe(2);
  });

  it('counts wall time with pauses and exercise time without them', () => {
    const { duration } = goldenModel().overview;
    expect(duration).toEqual({ exerciseMs: 120 * 60_000, wallMs: 130 * 60_000, plannedMs: 120 * 60_000, pausedMs: 10 * 60_000 });
  });

  it('traces each peak of escalation to the decision that caused it', () => {
    const pair = goldenModel().escalation.pairs.find((p) => p.key === 'southland>northland');
    expect(pair?.peaks).toHaveLength(1);
    expect(pair?.peaks[0]).toMatchObject({ level: 8, decisionId: 'd3', actionId: 'attack-critical-infrastructure' });
    expect(pair?.peaks[0].explanation).toContain('Southland Government chose Attack Critical Infrastructure against Northland Water Utility');
  });

  it('points every strength and area for improvement to its evidence', () => {
    const model = goldenModel();
    const seqs = new Set(model.timeline.entries.map((e) => e.seq));
    for (const j of [...model.strengths, ...model.areasForImprovement]) {
      expect(j.evidence.seqs.length).toBeGreaterThan(0);
      for (const seq of j.evidence.seqs) expect(seqs.has(seq)).toBe(true);
    }
    expect(model.areasForImprovement[0]).toMatchObject({ teamId: 'south', evidence: { ruleIds: ['protect-ci'], decisionIds: ['d3'] } });
  });

  it('drafts the improvement plan from the areas and applies facilitators\' edits', () => {
    const plan = goldenModel().improvementPlan;
    expect(plan.find((i) => i.itemId === 'ip-south-protect-ci')).toMatchObject({ source: 'drafted', pointOfContact: 'J. Doe, MFA legal', startDate: '2026-04-01', completionDate: '2026-06-30', edits: [33] });
    expect(plan.at(-1)).toMatchObject({ itemId: 'ip-extra-1', source: 'facilitator', capabilityElement: 'exercise' });
    const events = [...goldenInput().events];
    const last = events[events.length - 1];
    events.push({ ...last, seq: last.seq + 1, type: 'improvement.edited', payload: { itemId: 'ip-north-help', changes: { removed: true } } } as typeof last);
    const edited = buildAarModel(goldenInput({ events })).improvementPlan;
    expect(edited.map((i) => i.itemId)).not.toContain('ip-north-help');
    expect(edited).toHaveLength(plan.length - 1);
  });
});

describe('a team debrief', () => {
  const debrief = (teamId: string): AarModel => {
    const result = buildTeamDebrief(goldenModel(), teamId);
    if (!result.ok) throw new Error(result.error.message);
    return result.model;
  };

  it('holds only its own team, its own decisions and plan items', () => {
    const north = debrief('north');
    expect(north.audience).toEqual({ kind: 'team', teamId: 'north' });
    expect(north.teams.map((t) => t.teamId)).toEqual(['north']);
    expect(north.timeline.decisions.every((d) => d.teamId === 'north')).toBe(true);
    expect(north.improvementPlan.map((i) => i.itemId)).toEqual(['ip-north-help']);
    expect(north.areasForImprovement.every((a) => a.teamId === 'north')).toBe(true);
    expect(north.overview.teams.find((t) => t.id === 'south')?.participants).toEqual([]);
  });

  it('leaves out what the team was not shown: other teams\' injects and chats, staff-only events', () => {
    const north = debrief('north');
    expect(north.timeline.entries.every((e) => e.audience.kind === 'all' || (e.audience.kind === 'teams' && e.audience.teams.includes('north')))).toBe(true);
    expect(north.timeline.injects.map((i) => i.injectId)).toEqual(['i1', 'i3']);
    expect(north.timeline.channels.map((c) => c.channelId)).toEqual(['hotline']);
    expect(north.objectives.flatMap((o) => o.observations)).toEqual([]);
    expect(north.escalation.pairs.find((p) => p.key === 'northland>southland')?.points).toEqual([]);
    expect(JSON.stringify(north)).not.toContain('they did it');
  });

  it('shows the levels of escalation changes another team caused, not the team, action or decision behind them', () => {
    const north = debrief('north');
    const pair = north.escalation.pairs.find((p) => p.key === 'southland>northland')!;
    expect(pair.points).toEqual([
      { seq: 9, exerciseTime: 9 * 60_000, level: 2 },
      { seq: 19, exerciseTime: 55 * 60_000, level: 8 },
      { seq: 27, exerciseTime: 80 * 60_000, level: 7 },
    ]);
    expect(pair.peaks).toEqual([{ seq: 19, exerciseTime: 55 * 60_000, level: 8, explanation: 'Southland toward Northland reached ESC-8 at 00:55:00.' }]);
    const entries = north.timeline.entries.filter((e) => e.type === 'escalation.changed');
    expect(entries.map((e) => [e.summary, e.teamId])).toEqual([
      ['Escalation Southland toward Northland: ESC-0 to ESC-2', undefined],
      ['Escalation Southland toward Northland: ESC-2 to ESC-8', undefined],
      ['Escalation Southland toward Northland: ESC-8 to ESC-7', undefined],
    ]);
    for (const text of [renderAarJson(north), renderTimelineCsv(north), renderAarHtml(north)]) {
      expect(text).not.toMatch(/Attack Critical Infrastructure|attack-critical-infrastructure|\(decision d[13]\)|"decisionId":"d[13]"/);
    }
  });

  it("keeps the causes of its own team's escalation changes, and of no one else's", () => {
    const south = debrief('south');
    const staff = goldenModel().escalation.pairs.find((p) => p.key === 'southland>northland')!;
    const pair = south.escalation.pairs.find((p) => p.key === 'southland>northland')!;
    expect(pair.points).toEqual([staff.points[0], staff.points[1], { seq: 27, exerciseTime: 80 * 60_000, level: 7 }]);
    expect(pair.peaks).toEqual(staff.peaks);
    expect(south.timeline.entries.filter((e) => e.type === 'escalation.changed').map((e) => e.summary)).toEqual([
      'Escalation Southland toward Northland: ESC-0 to ESC-2 (Public Attribution)',
      'Escalation Southland toward Northland: ESC-2 to ESC-8 (Attack Critical Infrastructure)',
      'Escalation Southland toward Northland: ESC-8 to ESC-7',
    ]);
  });

  it('keeps the reasons for its score adjustments but not the names of the staff who made them', () => {
    const north = debrief('north');
    expect(north.teams[0].adjustments.map((a) => a.reason)).toEqual(['Offered help informally on the hotline']);
    expect(north.teams[0].adjustments.every((a) => a.by === undefined)).toBe(true);
    expect(goldenModel().teams.find((t) => t.teamId === 'north')?.adjustments[0].by).toBeDefined();
  });

  it('refuses a team that is not in the exercise, naming the teams that are', () => {
    expect(buildTeamDebrief(goldenModel(), 'west')).toEqual({ ok: false, error: { code: 'UNKNOWN_TEAM', message: 'Team "west" is not in this exercise; choose one of: north, south.' } });
  });
});
