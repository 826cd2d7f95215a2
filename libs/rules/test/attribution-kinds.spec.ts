// Attribution judged as calibrated forecasts are: on the evidence the team received and the confidence it stated.
import type { AttributionConfidence, Finding } from '@ttx/engine';
import type { Rule } from '@ttx/scenario';
import { checkRuleParams, judge, resolveChoices } from '../src/index.js';
import { choose, ctx, defaultRules, judgeDecision, minutes, stateWith, world } from './world.js';

type Grade = 'none' | 'low' | 'moderate' | 'high';
type Stated = AttributionConfidence | undefined;

/** A state in which Southland (or only Westland) received an assessment naming Northland at `grade`. */
const evidenceFor = (grade: Grade, receivedBy: string[] = ['south', 'north', 'west', 'forum']) =>
  stateWith({ released: { [`claim-${grade}`]: 45 }, audiences: { [`claim-${grade}`]: receivedBy } });

const attribute = (grade: Grade, confidence: Stated, receivedBy?: string[], action = 'public-attribution') =>
  judgeDecision('attribution-care', evidenceFor(grade, receivedBy), {
    teamId: 'south',
    actions: choose([action, 'north-gov']),
    ...(confidence !== undefined ? { confidence } : {}),
  });

const verdict = (findings: Finding[]) => findings.map((f) => [f.severity, f.delta]);

// Default rule (weight 8, minimum moderate, 0.2 per missing grade and per grade overclaimed, unstated judged moderate,
// 0.5 for a calibrated well-founded attribution).
const TABLE: [Grade, Stated, string, number][] = [
  ['none', undefined, 'violation', -6.4],
  ['none', 'low', 'violation', -4.8],
  ['none', 'moderate', 'violation', -6.4],
  ['none', 'high', 'violation', -8],
  ['low', undefined, 'violation', -3.2],
  ['low', 'low', 'violation', -1.6],
  ['low', 'moderate', 'violation', -3.2],
  ['low', 'high', 'violation', -4.8],
  ['moderate', undefined, 'note', 0],
  ['moderate', 'low', 'note', 0],
  ['moderate', 'moderate', 'commendation', 4],
  ['moderate', 'high', 'concern', -1.6],
  ['high', undefined, 'note', 0],
  ['high', 'low', 'note', 0],
  ['high', 'moderate', 'note', 0],
  ['high', 'high', 'commendation', 4],
];

describe('attribution-care (NORM-B): evidence received × stated confidence', () => {
  it.each(TABLE)('evidence %s, stated confidence %s: %s %d', (grade, confidence, severity, delta) => {
    expect(verdict(attribute(grade, confidence))).toEqual([[severity, delta]]);
  });

  it.each(TABLE.filter(([grade]) => grade !== 'none'))(
    'evidence %s released only to another team counts as none (stated %s)',
    (grade, confidence) => {
      const none = TABLE.find(([g, c]) => g === 'none' && c === confidence)!;
      expect(verdict(attribute(grade, confidence, ['west']))).toEqual([[none[2], none[3]]]);
    },
  );

  it('costs more for no evidence than for low, and more for confident than for cautious, at every confidence', () => {
    for (const confidence of [undefined, 'low', 'moderate', 'high'] as Stated[]) {
      expect(attribute('none', confidence)[0].delta).toBeLessThan(attribute('low', confidence)[0].delta);
    }
    for (const grade of ['none', 'low'] as Grade[]) {
      expect(attribute(grade, 'high')[0].delta).toBeLessThan(attribute(grade, 'low')[0].delta);
    }
  });

  it('reads as the chain: evidence received and from which inject, what was required, the stated confidence', () => {
    const [violation] = attribute('low', 'high');
    expect(violation.explanation).toBe(
      'Characterised as naming Northland publicly as responsible. Evidence Southland cabinet had received: low (inject claim-low "Assessment low"); required: moderate: not met. Stated confidence: high. The stated confidence (high) claims more than the evidence (low) supports. ⇒ Not well-founded: naming a state before the evidence supports it disregards the difficulty of attribution, and it cannot be taken back; consider all the information first (NORM-B).',
    );
    expect(attribute('moderate', 'low', ['west'])[0].explanation).toContain('Evidence Southland cabinet had received: none (no inject it received names them)');
    expect(attribute('moderate', undefined)[0].explanation).toContain('Stated confidence: not stated (judged as moderate). No confidence was stated; it is judged as moderate.');
    expect(attribute('moderate', 'high')[0].explanation).toContain('⇒ A concern: the attribution rests on enough evidence');
    expect(attribute('high', 'high')[0].explanation).toContain('The stated confidence (high) matches the evidence. ⇒ A well-founded attribution');
  });

  it('counts no evidence against a state no incident names', () => {
    const findings = judgeDecision('attribution-care', evidenceFor('high'), { teamId: 'south', actions: choose(['public-attribution', 'west-gov']), confidence: 'high' });
    expect(findings).toEqual([expect.objectContaining({ severity: 'violation', delta: -8, targetId: 'west-gov' })]);
  });

  it('does not fire on private diplomacy', () => {
    expect(judgeDecision('attribution-care', evidenceFor('low'), { teamId: 'south', actions: choose(['private-demarche', 'north-gov']) })).toEqual([]);
  });
});

describe('attribution-care (NORM-B): coordinated attribution', () => {
  it('commends a well-founded joint attribution more, and says it was made with partners', () => {
    const [joint] = attribute('moderate', 'moderate', undefined, 'joint-attribution');
    expect(joint).toMatchObject({ severity: 'commendation', delta: 6, actionId: 'joint-attribution' });
    expect(joint.explanation).toContain('It was made jointly with partners.');
    expect(verdict(attribute('high', undefined, undefined, 'joint-attribution'))).toEqual([['commendation', 2]]);
  });

  it('does not let coordination cure a want of evidence or an overclaim', () => {
    expect(verdict(attribute('low', 'low', undefined, 'joint-attribution'))).toEqual([['violation', -1.6]]);
    expect(verdict(attribute('moderate', 'high', undefined, 'joint-attribution'))).toEqual([['concern', -1.6]]);
  });

  it('commends an attribution that comes with, or after, sharing with CERTs', () => {
    const same = judgeDecision('attribution-care', evidenceFor('moderate'), { teamId: 'south', actions: choose(['share-indicators', 'south-cert'], ['public-attribution', 'north-gov']) });
    expect(same).toEqual([expect.objectContaining({ severity: 'commendation', delta: 2, explanation: expect.stringContaining('It came with Share') })]);
    const earlier = stateWith({
      released: { 'claim-moderate': 45 },
      decisions: [{ decisionId: 'd1', teamId: 'south', actions: choose(['share-indicators', 'south-cert']), exerciseTime: minutes(46) }],
    });
    const after = judgeDecision('attribution-care', earlier, { teamId: 'south', actions: choose(['public-attribution', 'north-gov']), confidence: 'moderate' });
    expect(after).toEqual([expect.objectContaining({ severity: 'commendation', delta: 6, explanation: expect.stringContaining('It followed sharing with partners or CERTs.') })]);
  });

  it('does not count sharing with the state named as coordination', () => {
    const shared = judgeDecision('attribution-care', evidenceFor('moderate'), { teamId: 'south', actions: choose(['share-indicators', 'north-cert'], ['public-attribution', 'north-gov']) });
    expect(verdict(shared)).toEqual([['note', 0]]);
  });
});

describe('attribution under the whole default rule set', () => {
  it('never commends and finds a violation against the same attribution action at once', () => {
    for (const [grade, confidence] of TABLE) {
      for (const action of ['public-attribution', 'joint-attribution']) {
        const decision = {
          seq: 99,
          decisionId: 'd-now',
          teamId: 'south',
          actions: choose([action, 'north-gov']),
          rationale: 'because',
          exerciseTime: minutes(50),
          ...(confidence !== undefined ? { confidence } : {}),
        };
        const findings = judge(ctx, evidenceFor(grade), world.teams.get('south')!, {
          kind: 'decision',
          decision,
          chosen: resolveChoices(world, decision.actions),
        }).filter((f) => f.actionId === action);
        const severities = new Set(findings.map((f) => f.severity));
        expect([grade, confidence, action, severities.has('commendation') && severities.has('violation')]).toEqual([grade, confidence, action, false]);
      }
    }
  });
});

describe('attribution-care params', () => {
  const base = defaultRulesAttribution();
  it.each([
    [{ overclaimShare: 2 }, ['params', 'overclaimShare']],
    [{ shortfallShare: -0.1 }, ['params', 'shortfallShare']],
    [{ unstatedConfidence: 'sure' }, ['params', 'unstatedConfidence']],
    [{ minimumEvidence: 'none' }, ['params', 'minimumEvidence']],
  ])('refuses %p at the param', (params, path) => {
    const issues = checkRuleParams({ ...base, params: { ...base.params, ...params } });
    expect(issues.map((i) => i.path)).toEqual([path]);
  });
});

function defaultRulesAttribution(): Rule {
  const rule = defaultRules.rules.find((r) => r.id === 'attribution-care');
  if (!rule) throw new Error('no attribution-care rule');
  return rule;
}
