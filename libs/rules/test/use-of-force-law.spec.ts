// The use of force (UN Charter Art. 2(4), 51; TM2-R68–R75): each condition of self-defence met and not met, with its evidence.
import type { DecisionRecord } from '@ttx/engine';
import type { ActionCatalogue, RuleSet } from '@ttx/scenario';
import { checkRuleSet, judge, resolveChoices } from '../src/index.js';
import { catalogue, choose, ctx, defaultRules, judgeDecision, minutes, stateWith, world } from './world.js';

type Earlier = Omit<DecisionRecord, 'seq' | 'rationale'>;
type Setup = Parameters<typeof stateWith>[0];
type Actions = [string, string?][];
const earlier = (decisionId: string, minute: number, ...actions: Actions): Earlier => ({ decisionId, teamId: 'south', actions: choose(...actions), exerciseTime: minutes(minute) });
const demand = (minute: number) => earlier('d1', minute, ['private-demarche', 'north-gov']);
const base = defaultRules.rules.find((r) => r.id === 'use-of-force')!;
const judgeForce = (setup: Setup, actions: Actions, params?: Record<string, unknown>) =>
  judgeDecision('use-of-force', stateWith(setup), { teamId: 'south', actions: choose(...actions) }, params && { params: { ...base.params, ...params } });

const ATTACKED = { released: { invasion: 30 }, decisions: [demand(31)] };
const STRIKE: Actions = [['limited-strike', 'north-mil'], ['report-to-security-council']];
const CITES = ['UN-CHARTER-2-4', 'UN-CHARTER-51', 'TM2-R68', 'TM2-R69', 'TM2-R71', 'TM2-R72', 'TM2-R73', 'TM2-R75'];

describe('use-of-force: self-defence meeting every condition', () => {
  it('is noted as acceptable, never commended, with every condition shown met and the evidence that decides it', () => {
    const [finding, ...rest] = judgeForce(ATTACKED, STRIKE);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'note', delta: 0, actionId: 'limited-strike', cites: CITES });
    expect(finding.explanation).toBe(
      'Characterised as a use of force against Northland, claimed as self-defence. ' +
        'Armed attack by Northland: met — inject invasion is an armed attack (SEV-5, at or above SEV-5), evidence high, required high. ' +
        'Necessity: met — decision d1 (Private démarche) tried peaceful means with Northland first. ' +
        'Attack ongoing or imminent: met — inject invasion has not ended. ' +
        'Proportionate to the attack: met — expected effects SEV-4 against an attack of SEV-5 (inject invasion). ' +
        'Reported to the Security Council: met — Report to the UN Security Council in this same decision. ' +
        "⇒ Lawful self-defence: acceptable. Northland's armed attack gave Southland the inherent right of self-defence, and the force used was necessary, immediate and proportionate, and reported to the Security Council " +
        `(${CITES.join(', ')}).`,
    );
  });

  const met: { condition: string; setup: Setup; actions: Actions; reads: string }[] = [
    { condition: 'an act the scenario marks as an armed attack below the severity threshold', setup: { released: { declared: 30 }, decisions: [demand(31)] }, actions: STRIKE, reads: 'Armed attack by Northland: met — inject declared is an armed attack (marked as one by the scenario), evidence high, required high.' },
    { condition: 'peaceful means tried over the hotline', setup: { released: { invasion: 30 }, decisions: [earlier('d1', 31, ['activate-hotline', 'north-gov'])] }, actions: STRIKE, reads: 'Necessity: met — decision d1 (Activate the inter-state hotline) tried peaceful means with Northland first.' },
    { condition: 'peaceful means tried through consultations', setup: { released: { invasion: 30 }, decisions: [earlier('d1', 31, ['request-consultations', 'north-gov'])] }, actions: STRIKE, reads: 'Necessity: met — decision d1 (Request consultations) tried peaceful means with Northland first.' },
    { condition: 'peaceful means unavailable against an urgent attack', setup: { released: { salvo: 30 } }, actions: STRIKE, reads: 'Necessity: met — the attack of inject salvo is urgent, leaving no time for peaceful means.' },
    { condition: 'the most forceful answer to the gravest attack', setup: ATTACKED, actions: [['armed-response', 'north-mil'], ['report-to-security-council']], reads: 'Proportionate to the attack: met — expected effects SEV-5 against an attack of SEV-5 (inject invasion).' },
    { condition: 'a report made in an earlier decision since the attack', setup: { ...ATTACKED, decisions: [demand(31), earlier('d2', 32, ['report-to-security-council'])] }, actions: [['limited-strike', 'north-mil']], reads: 'Reported to the Security Council: met — decision d2 (Report to the UN Security Council).' },
  ];

  it.each(met)('is met: $condition', ({ setup, actions, reads }) => {
    const findings = judgeForce(setup, actions);
    expect(findings.map((f) => [f.severity, f.delta])).toEqual([['note', 0]]);
    expect(findings[0].explanation).toContain(reads);
  });
});

describe('use-of-force: each substantive condition not met makes it a violation of Article 2(4)', () => {
  const cases: { condition: string; setup: Setup; actions?: Actions; params?: Record<string, unknown>; reads: string }[] = [
    { condition: 'no armed attack at all: a grave act short of one', setup: { released: { probe: 5, blackout: 30 }, decisions: [demand(31)] }, reads: 'Armed attack by Northland: not met — the gravest act, inject blackout at SEV-4, falls short of the scale and effects of an armed attack (SEV-5).' },
    { condition: 'no act at all by the targeted state', setup: ATTACKED, actions: [['armed-response', 'west-gov'], ['report-to-security-council']], reads: 'Armed attack by Westland: not met — no inject Southland cabinet received attributes an attack on Southland to Westland.' },
    { condition: 'an attack only another team was told of', setup: { released: { invasion: 30 }, audiences: { invasion: ['west'] }, decisions: [demand(31)] }, reads: 'Armed attack by Northland: not met — no inject Southland cabinet received attributes an attack on Southland to Northland.' },
    { condition: 'an act the scenario marks as short of an armed attack', setup: { released: { disclaimed: 30 }, decisions: [demand(31)] }, reads: 'Armed attack by Northland: not met — the scenario marks the act of inject disclaimed as short of an armed attack.' },
    { condition: 'evidence below the threshold', setup: { released: { rumour: 30 }, decisions: [demand(31)] }, reads: 'Armed attack by Northland: not met — inject rumour is an armed attack (SEV-5, at or above SEV-5), evidence moderate, required high.' },
    { condition: 'a lower threshold of severity the act still misses', setup: { released: { probe: 5 }, decisions: [demand(6)] }, params: { armedAttackAt: 'SEV-4' }, reads: 'Armed attack by Northland: not met — the gravest act, inject probe at SEV-3, falls short of the scale and effects of an armed attack (SEV-4).' },
    { condition: 'no peaceful means tried', setup: { released: { invasion: 30 } }, reads: 'Necessity: not met — no peaceful means (demand, hotline, consultation) were tried with Northland.' },
    { condition: 'peaceful means only in the same decision', setup: { released: { invasion: 30 } }, actions: [['private-demarche', 'north-gov'], ...STRIKE], reads: 'Necessity: not met — the peaceful means in this same decision were given no time to work.' },
    { condition: 'peaceful means tried only before the attack', setup: { released: { invasion: 30 }, decisions: [demand(2)] }, reads: 'Necessity: not met — the last peaceful step, decision d1, came before the attack it would answer.' },
    { condition: 'an attack ended by a later inject', setup: { released: { invasion: 30, ceasefire: 40 }, decisions: [demand(31)] }, reads: 'Attack ongoing or imminent: not met — inject ceasefire ended the attack of inject invasion.' },
    { condition: 'an attack over when reported', setup: { released: { 'raid-over': 30 }, decisions: [demand(31)] }, reads: 'Attack ongoing or imminent: not met — the attack of inject raid-over was over when reported.' },
    { condition: 'effects graver than the attack', setup: { released: { declared: 30 }, decisions: [demand(31)] }, actions: [['armed-response', 'north-mil'], ['report-to-security-council']], reads: 'Proportionate to the attack: not met — expected effects SEV-5 against an attack of SEV-4 (inject declared).' },
  ];

  it.each(cases)('$condition', ({ setup, actions, params, reads }) => {
    const findings = judgeForce(setup, actions ?? STRIKE, params);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'violation', delta: -20, cites: CITES });
    expect(findings[0].explanation).toContain(reads);
    expect(findings[0].explanation).toMatch(/⇒ Not lawful self-defence: a use of force prohibited by Article 2\(4\) of the UN Charter\./);
  });

  it('shows every condition, the report among them, when force answers no armed attack at all', () => {
    const [finding] = judgeForce({ released: { probe: 5 } }, [['limited-strike', 'north-mil']]);
    expect(finding).toMatchObject({ severity: 'violation', delta: -20 });
    expect(finding.explanation).toContain('Proportionate to the attack: not met — expected effects SEV-4 against no armed attack suffered.');
    expect(finding.explanation).toContain('Reported to the Security Council: not met — the measure was not reported to the UN Security Council.');
  });
});

describe('use-of-force: the report to the Security Council is procedural', () => {
  it('makes self-defence that meets every substantive condition but is not reported a concern, not a violation', () => {
    const findings = judgeForce(ATTACKED, [['limited-strike', 'north-mil']]);
    expect(findings.map((f) => [f.severity, f.delta])).toEqual([['concern', -5]]);
    expect(findings[0].explanation).toContain('Reported to the Security Council: not met — the measure was not reported to the UN Security Council. ⇒ A concern');
    expect(findings[0].explanation).toContain('The duty is procedural');
  });

  it('does not count a report made before the attack it would concern', () => {
    const findings = judgeForce({ ...ATTACKED, decisions: [earlier('d0', 2, ['report-to-security-council']), demand(31)] }, [['limited-strike', 'north-mil']]);
    expect(findings.map((f) => f.severity)).toEqual(['concern']);
  });
});

describe('use-of-force: protected targets', () => {
  it.each([
    ['north-hospital', 'Northland Military Hospital serves healthcare in Northland'],
    ['north-water', 'Northland Water Utility is civilian critical infrastructure of Northland (water)'],
  ])('a strike on %s is never lawful self-defence, whatever else is met', (targetId, reads) => {
    const findings = judgeForce(ATTACKED, [['limited-strike', targetId], ['report-to-security-council']]);
    expect(findings.map((f) => [f.severity, f.delta])).toEqual([['violation', -20]]);
    expect(findings[0].cites).toEqual([...CITES, 'TM2-R93']);
    expect(findings[0].explanation).toContain(`Protected target: not met — ${reads}, a civilian object that may never be the object of attack. ⇒ Never lawful self-defence`);
    expect(findings[0].explanation).toContain('prohibited by Article 2(4) of the UN Charter');
  });
});

describe('use-of-force: one characterisation per action', () => {
  const judgeAll = (setup: Setup, actions: Actions) => {
    const team = world.teams.get('south')!;
    const decision: DecisionRecord = { seq: 99, decisionId: 'd-now', teamId: 'south', actions: choose(...actions), rationale: 'because', exerciseTime: minutes(50) };
    return judge(ctx, stateWith(setup), team, { kind: 'decision', decision, chosen: resolveChoices(world, decision.actions) });
  };

  it('leaves countermeasures, operations, retorsion and measures at home to other rules', () => {
    expect(judgeForce(ATTACKED, [['reversible-countermeasure', 'north-gov'], ['disruptive-operation', 'north-mil'], ['targeted-sanctions', 'north-gov'], ['isolate-and-restore']])).toEqual([]);
    expect(judgeForce(ATTACKED, [['limited-strike', 'south-gov']])).toEqual([]);
  });

  it('is the only law-of-responses rule of the default set to judge a strike, and leaves it out of countermeasure-preconditions', () => {
    const findings = judgeAll(ATTACKED, STRIKE).filter((f) => f.actionId === 'limited-strike');
    const kinds = findings.map((f) => f.ruleKind);
    expect(kinds).toContain('use-of-force');
    expect(kinds).not.toContain('countermeasure-preconditions');
    expect(kinds.filter((k) => k === 'use-of-force')).toHaveLength(1);
  });

  it('refuses a rule set whose use-of-force and countermeasure rules share a trait, at the traits', () => {
    const rules = defaultRules.rules.map((r) => (r.id === 'use-of-force' ? { ...r, params: { ...r.params, traits: ['use-of-force', 'countermeasure'] } } : r));
    const index = rules.findIndex((r) => r.id === 'use-of-force');
    expect(checkRuleSet({ ...defaultRules, rules } as RuleSet, catalogue)).toEqual([
      { path: ['rules', index, 'params', 'traits'], message: 'shares countermeasure with rule "countermeasure-preconditions" (countermeasure-preconditions); an action is judged as a use of force or as a countermeasure, never both' },
    ]);
  });

  it('refuses a catalogue action both rules would judge', () => {
    const both: ActionCatalogue = { ...catalogue, actions: catalogue.actions.map((a) => (a.id === 'limited-strike' ? { ...a, traits: ['use-of-force', 'offensive-cyber'] } : a)) };
    const index = defaultRules.rules.findIndex((r) => r.id === 'use-of-force');
    expect(checkRuleSet(defaultRules, both)).toEqual([
      { path: ['rules', index, 'params', 'traits'], message: 'action "limited-strike" of catalogue catalogue carries use-of-force and offensive-cyber, so both this rule and rule "countermeasure-preconditions" would judge it; give it one of the two' },
    ]);
  });
});
