import { aimedEarlierAt, earlierAimsAt } from '../src/index.js';
import { choose, judgeDecision, judgeMissed, minutes, stateWith, world } from './world.js';

const afterProbe = () => stateWith({ released: { probe: 5 } });

describe('notify-before-escalating (CBM-8, CBM-13)', () => {
  it('raises a concern when a team escalates against a state it never reached through a CBM channel', () => {
    const findings = judgeDecision('notify-before-escalating', afterProbe(), { teamId: 'south', actions: choose(['expel-diplomats', 'north-gov'], ['public-attribution', 'north-gov']) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'concern', delta: -6, dimension: 'cbm-use', actionId: 'expel-diplomats' })]);
  });

  it('commends escalating after notifying — in the same decision, earlier, or over the hotline', () => {
    const sameDecision = judgeDecision('notify-before-escalating', afterProbe(), { teamId: 'south', actions: choose(['activate-hotline', 'north-gov'], ['expel-diplomats', 'north-gov']) });
    const earlier = judgeDecision('notify-before-escalating', stateWith({ released: { probe: 5 }, decisions: [{ decisionId: 'd1', teamId: 'south', actions: choose(['notify-contact-point', 'north-cert']), exerciseTime: minutes(6) }] }), { teamId: 'south', actions: choose(['expel-diplomats', 'north-gov']) });
    const hotline = judgeDecision('notify-before-escalating', stateWith({ released: { probe: 5 }, messages: [{ messageId: 'm1', channelId: 'hotline', teamId: 'south', exerciseTime: minutes(6) }] }), { teamId: 'south', actions: choose(['expel-diplomats', 'north-gov']) });
    for (const findings of [sameDecision, earlier, hotline]) {
      expect(findings).toEqual([expect.objectContaining({ severity: 'note', delta: 3, explanation: expect.stringContaining('Before choosing Expel diplomats, Southland cabinet told Northland') })]);
    }
  });

  it('does not fire below ESC-2, and judges each state on its own', () => {
    expect(judgeDecision('notify-before-escalating', afterProbe(), { teamId: 'south', actions: choose(['private-demarche', 'north-gov']) })).toEqual([]);
    const findings = judgeDecision('notify-before-escalating', afterProbe(), { teamId: 'south', actions: choose(['activate-hotline', 'north-gov'], ['expel-diplomats', 'west-gov']) });
    expect(findings.map((f) => [f.targetId, f.severity])).toEqual([['west-gov', 'concern']]);
  });
});

describe('consult-when-tension-rises (CBM-3)', () => {
  it('commends consultation while an incident keeps tension high', () => {
    const findings = judgeDecision('consult-when-tension-rises', afterProbe(), { teamId: 'south', actions: choose(['request-consultations', 'north-gov']) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'commendation', delta: 5, explanation: expect.stringContaining('With tension at ESC-4, Southland cabinet chose Request consultations with Northland') })]);
  });

  it('reads tension from the escalation levels in either direction', () => {
    const state = stateWith({ escalation: { 'southland>northland': 3 } });
    expect(judgeDecision('consult-when-tension-rises', state, { teamId: 'north', actions: choose(['request-consultations', 'south-gov']) })).toHaveLength(1);
  });

  it('does not commend consultation when nothing is at stake, nor other cooperative actions', () => {
    expect(judgeDecision('consult-when-tension-rises', stateWith({ escalation: { 'southland>northland': 1 } }), { teamId: 'north', actions: choose(['request-consultations', 'south-gov']) })).toEqual([]);
    expect(judgeDecision('consult-when-tension-rises', afterProbe(), { teamId: 'south', actions: choose(['report-to-cert', 'south-cert']) })).toEqual([]);
  });
});

describe('answer-assistance-requests (NORM-H)', () => {
  const asked = () => stateWith({ released: { probe: 5, 'help-asked': 20 } });

  it('commends an offer of assistance in answer to a request', () => {
    const findings = judgeDecision('answer-assistance-requests', asked(), { teamId: 'west', injectId: 'help-asked', actions: choose(['offer-assistance', 'south-cert']) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'commendation', delta: 6, dimension: 'cooperation', injectId: 'help-asked' })]);
  });

  it("commends an offer to a state whose team asked for help in an earlier decision", () => {
    const state = stateWith({ released: { probe: 5 }, decisions: [{ decisionId: 'd1', teamId: 'south', actions: choose(['request-assistance', 'west-gov']), exerciseTime: minutes(10) }] });
    const findings = judgeDecision('answer-assistance-requests', state, { teamId: 'west', actions: choose(['offer-assistance', 'south-gov']) });
    expect(findings[0].explanation).toContain('Westland cabinet answered Request assistance with Offer assistance');
  });

  it('lists the states that asked in the order they first asked, each with the request it made last', () => {
    const state = stateWith({
      released: { probe: 5 },
      decisions: [
        { decisionId: 'd1', teamId: 'north', actions: choose(['request-assistance', 'west-gov']), exerciseTime: minutes(8) },
        { decisionId: 'd2', teamId: 'south', actions: choose(['request-assistance', 'west-gov']), exerciseTime: minutes(9) },
        { decisionId: 'd3', teamId: 'north', actions: choose(['request-assistance', 'west-gov'], ['request-consultations', 'west-gov']), exerciseTime: minutes(10) },
      ],
    });
    expect(earlierAimsAt({ state, world }, 'westland', ['assistance-request'])).toEqual(
      new Map([
        ['northland', 'Request assistance'],
        ['southland', 'Request assistance'],
      ]),
    );
    const asking = earlierAimsAt({ state, world }, 'westland', ['assistance-request', 'consultation']);
    expect([...asking]).toEqual([
      ['northland', 'Request consultations'],
      ['southland', 'Request assistance'],
    ]);
    expect(earlierAimsAt({ state, world }, 'northland', ['assistance-request'])).toEqual(new Map());
    expect(aimedEarlierAt({ state, world, team: world.teams.get('north')! }, 'westland', ['consultation'])).toBe(true);
    expect(aimedEarlierAt({ state, world, team: world.teams.get('south')! }, 'westland', ['consultation'])).toBe(false);
  });

  it('does not commend an unasked offer, and only raises a concern for an ignored request when told how', () => {
    expect(judgeDecision('answer-assistance-requests', afterProbe(), { teamId: 'west', actions: choose(['offer-assistance', 'south-gov']) })).toEqual([]);
    expect(judgeDecision('answer-assistance-requests', asked(), { teamId: 'west', injectId: 'help-asked', actions: choose(['share-indicators', 'south-cert']) })).toEqual([]);
    const strict = { params: { ignored: '{team} ignored "{inject}" ({cites}).', ignoredShare: 0.5 } };
    expect(judgeDecision('answer-assistance-requests', asked(), { teamId: 'west', injectId: 'help-asked', actions: choose(['share-indicators', 'south-cert']) }, strict)).toEqual([
      expect.objectContaining({ severity: 'concern', delta: -3, explanation: 'Westland cabinet ignored "Southland asks for help" (NORM-H).' }),
    ]);
  });
});

describe('due-diligence-on-request (NORM-C, DUE-DILIGENCE)', () => {
  const asked = () => stateWith({ released: { probe: 5, 'stop-it': 25 } });

  it('commends acting against activity from the team’s territory when asked', () => {
    expect(judgeDecision('due-diligence-on-request', asked(), { teamId: 'north', injectId: 'stop-it', actions: choose(['mitigate-activity-from-territory', 'north-host']) })).toEqual([
      expect.objectContaining({ severity: 'commendation', delta: 6 }),
    ]);
  });

  it('commends it after another state’s request for mitigation', () => {
    const state = stateWith({ released: { probe: 5 }, decisions: [{ decisionId: 'd1', teamId: 'south', actions: choose(['request-mitigation', 'north-gov']), exerciseTime: minutes(10) }] });
    expect(judgeDecision('due-diligence-on-request', state, { teamId: 'north', actions: choose(['mitigate-activity-from-territory', 'north-host']) })).toHaveLength(1);
  });

  it('raises a concern when the request is answered without acting or left to pass', () => {
    expect(judgeDecision('due-diligence-on-request', asked(), { teamId: 'north', injectId: 'stop-it', actions: choose(['activate-hotline', 'south-gov']) })).toEqual([
      expect.objectContaining({ severity: 'concern', delta: -3, explanation: expect.stringContaining('was asked in "Southland asks Northland to act" to act against activity from its territory') }),
    ]);
    expect(judgeMissed('due-diligence-on-request', asked(), 'north', 'stop-it').map((f) => f.severity)).toEqual(['concern']);
  });

  it('does not take a prompt offering every action as a request to a team with nothing to take down at home', () => {
    expect(judgeDecision('due-diligence-on-request', afterProbe(), { teamId: 'south', injectId: 'probe', actions: choose(['activate-hotline', 'north-gov']) })).toEqual([]);
    expect(judgeDecision('due-diligence-on-request', afterProbe(), { teamId: 'north', injectId: 'probe', actions: choose(['activate-hotline', 'south-gov']) }).map((f) => f.severity)).toEqual(['concern']);
  });

  it('does not fire when nobody asked', () => {
    expect(judgeDecision('due-diligence-on-request', afterProbe(), { teamId: 'north', actions: choose(['mitigate-activity-from-territory', 'north-host']) })).toEqual([]);
    expect(judgeMissed('due-diligence-on-request', stateWith({ released: { 'help-asked': 20 } }), 'west', 'help-asked')).toEqual([]);
  });
});

describe('share-information (NORM-D, CBM-2, CBM-14)', () => {
  it('commends sharing once per decision', () => {
    const findings = judgeDecision('share-information', afterProbe(), { teamId: 'south', actions: choose(['share-indicators', 'south-grid'], ['report-to-cert', 'south-cert']) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'commendation', delta: 4, actionId: 'share-indicators' })]);
  });

  it('does not fire on decisions that share nothing', () => {
    expect(judgeDecision('share-information', afterProbe(), { teamId: 'south', actions: choose(['isolate-and-restore']) })).toEqual([]);
  });
});

describe('timeliness (HSEEP)', () => {
  it('raises a concern when a deadline passes unanswered', () => {
    expect(judgeMissed('timeliness', afterProbe(), 'south', 'probe')).toEqual([
      expect.objectContaining({ severity: 'concern', delta: -3, dimension: 'timeliness', injectId: 'probe', explanation: expect.stringContaining('let the deadline of "Incident probe" (00:20:00) pass') }),
    ]);
  });

  it('gives nothing for speed alone: an answer on time, or a decision without a deadline', () => {
    expect(judgeDecision('timeliness', afterProbe(), { teamId: 'south', injectId: 'probe', at: 12, actions: choose(['isolate-and-restore']) })).toEqual([]);
    const state = stateWith({ released: { probe: 5, 'stop-it': 25 } });
    expect(judgeDecision('timeliness', state, { teamId: 'north', injectId: 'stop-it', at: 30, actions: choose(['activate-hotline', 'south-gov']) })).toEqual([]);
  });
});
