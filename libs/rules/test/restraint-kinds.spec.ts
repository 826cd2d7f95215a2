import { choose, judgeDecision, stateWith } from './world.js';

const afterProbe = () => stateWith({ released: { probe: 5 } });

describe('protect-critical-infrastructure (NORM-F, CBM-3, CBM-15)', () => {
  it("finds a violation when a team attacks another state's critical infrastructure, naming it aloud", () => {
    const [finding, ...rest] = judgeDecision('protect-civilian-infrastructure', afterProbe(), {
      teamId: 'north',
      actions: choose(['attack-critical-infrastructure', 'south-water']),
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'protect-civilian-infrastructure', severity: 'violation', delta: -20, dimension: 'restraint', actionId: 'attack-critical-infrastructure', targetId: 'south-water', teamId: 'north' });
    expect(finding.cites).toEqual(['NORM-F', 'CBM-3', 'CBM-15']);
    expect(finding.explanation).toMatch(/^Northland cabinet chose Attack critical infrastructure against Southland Water Utility — civilian critical infrastructure of Southland \(water sector\)/);
    expect(finding.explanation).toMatch(/\(NORM-F, CBM-3, CBM-15\)\.$/);
  });

  it('counts a reversible countermeasure aimed at critical infrastructure too', () => {
    const findings = judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['reversible-countermeasure', 'south-grid']) });
    expect(findings.map((f) => f.severity)).toEqual(['violation']);
  });

  it('does not fire on sharing indicators with an operator, or on other targets', () => {
    const findings = judgeDecision('protect-civilian-infrastructure', afterProbe(), {
      teamId: 'north',
      actions: choose(['share-indicators', 'south-water'], ['disruptive-operation', 'south-gov']),
    });
    expect(findings).toEqual([]);
  });

  it("does not fire on a team's own infrastructure", () => {
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'south', actions: choose(['reversible-countermeasure', 'south-water']) })).toEqual([]);
  });

  it('only watches the listed sectors when sectors are given', () => {
    const energyOnly = { params: { fromRung: 'ESC-6', sectors: ['energy'] } };
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['attack-critical-infrastructure', 'south-water']) }, energyOnly)).toEqual([]);
    expect(judgeDecision('protect-civilian-infrastructure', afterProbe(), { teamId: 'north', actions: choose(['attack-critical-infrastructure', 'south-grid']) }, energyOnly)).toHaveLength(1);
  });
});

describe('protect-certs (NORM-K)', () => {
  it("finds a violation when a team acts against another state's CERT", () => {
    const findings = judgeDecision('protect-certs', afterProbe(), { teamId: 'north', actions: choose(['disruptive-operation', 'south-cert']) });
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'violation', delta: -15, targetId: 'south-cert', explanation: expect.stringContaining('SL-CERT, the authorised CERT of Southland') }),
    ]);
  });

  it('does not fire on notifying a CERT or reporting to it', () => {
    expect(judgeDecision('protect-certs', afterProbe(), { teamId: 'north', actions: choose(['notify-contact-point', 'south-cert'], ['report-to-cert', 'south-cert']) })).toEqual([]);
  });
});

describe('proportionality (TM2-R23, EU-TOOLBOX)', () => {
  it('accepts a response up to one rung above the incident that provoked it', () => {
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'south', actions: choose(['targeted-sanctions', 'north-gov'], ['trade-measures', 'north-gov']) })).toEqual([]);
  });

  it('raises a concern at half weight just beyond the allowance and a violation three rungs beyond it', () => {
    const findings = judgeDecision('proportionate-response', afterProbe(), {
      teamId: 'south',
      actions: choose(['reversible-countermeasure', 'north-gov'], ['attack-critical-infrastructure', 'north-water']),
    });
    expect(findings.map((f) => [f.actionId, f.severity, f.delta])).toEqual([
      ['reversible-countermeasure', 'concern', -5],
      ['attack-critical-infrastructure', 'violation', -10],
    ]);
    expect(findings[1].explanation).toContain('stood at ESC-4: 3 rung(s) beyond the ESC-5 a proportionate response allows');
  });

  it('allows one rung more against a grave incident', () => {
    const state = stateWith({ released: { probe: 5, blackout: 30 } });
    expect(judgeDecision('proportionate-response', state, { teamId: 'south', actions: choose(['limited-strike', 'north-mil']) })).toEqual([]);
    expect(judgeDecision('proportionate-response', state, { teamId: 'south', actions: choose(['armed-response', 'north-mil']) }).map((f) => f.severity)).toEqual(['concern']);
  });

  it('measures an unprovoked response, or one against a state not behind the incident, against ESC-0', () => {
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'north', actions: choose(['private-demarche', 'south-gov']) })).toEqual([]);
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'north', actions: choose(['expel-diplomats', 'south-gov']) })[0]).toMatchObject({ severity: 'concern', explanation: expect.stringContaining('no ongoing incident (ESC-0)') });
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'south', actions: choose(['expel-diplomats', 'west-gov']) })).toHaveLength(1);
  });

  it('commends a measured answer to an incident, and only that', () => {
    const measured = judgeDecision('proportionate-response', afterProbe(), { teamId: 'south', injectId: 'probe', actions: choose(['private-demarche', 'north-gov']) });
    expect(measured).toEqual([expect.objectContaining({ severity: 'commendation', delta: 5, explanation: expect.stringContaining('an incident at ESC-4 without going beyond it') })]);
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'south', actions: choose(['private-demarche', 'north-gov']) })).toEqual([]);
    expect(judgeDecision('proportionate-response', afterProbe(), { teamId: 'north', injectId: 'probe', actions: choose(['private-demarche', 'south-gov']) })).toEqual([]);
  });
});

describe('countermeasure-preconditions (TM2-R20–R22)', () => {
  const demarche = { decisionId: 'd1', teamId: 'south', actions: choose(['private-demarche', 'north-gov']), exerciseTime: 600_000 };

  it('notes a countermeasure that meets every precondition', () => {
    const state = stateWith({ released: { probe: 5 }, decisions: [demarche] });
    const findings = judgeDecision('countermeasure-preconditions', state, { teamId: 'south', actions: choose(['reversible-countermeasure', 'north-gov']) });
    expect(findings).toEqual([expect.objectContaining({ severity: 'note', delta: 0, explanation: expect.stringContaining('met the conditions of a lawful countermeasure') })]);
  });

  it('finds a violation, naming what is missing, without an earlier call to comply', () => {
    const findings = judgeDecision('countermeasure-preconditions', afterProbe(), {
      teamId: 'south',
      actions: choose(['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov']),
    });
    expect(findings).toEqual([expect.objectContaining({ severity: 'violation', delta: -10, explanation: expect.stringContaining('although the targeted state was not first called on to comply.') })]);
  });

  it('counts a hotline message as the call to comply', () => {
    const state = stateWith({ released: { probe: 5 }, messages: [{ messageId: 'm1', channelId: 'hotline', teamId: 'south', exerciseTime: 600_000 }] });
    expect(judgeDecision('countermeasure-preconditions', state, { teamId: 'south', actions: choose(['reversible-countermeasure', 'north-gov']) }).map((f) => f.severity)).toEqual(['note']);
  });

  it('finds a violation against a state no ongoing wrongful act is attributed to', () => {
    const state = stateWith({ released: { probe: 5 }, decisions: [{ ...demarche, actions: choose(['private-demarche', 'west-gov']) }] });
    const [finding] = judgeDecision('countermeasure-preconditions', state, { teamId: 'south', actions: choose(['reversible-countermeasure', 'west-gov']) });
    expect(finding.explanation).toContain('although no ongoing wrongful act is attributed to the targeted state.');
  });

  it('leaves actions that are not countermeasures to other rules', () => {
    expect(judgeDecision('countermeasure-preconditions', afterProbe(), { teamId: 'south', actions: choose(['disruptive-operation', 'north-gov'], ['targeted-sanctions', 'north-gov']) })).toEqual([]);
  });
});
