// The law of countermeasures (TM2-R20–R25, ILC Art. 22, 49–53): each condition met and not met, with its evidence.
import type { DecisionRecord } from '@ttx/engine';
import { choose, defaultRules, judgeDecision, minutes, stateWith } from './world.js';

type Earlier = Omit<DecisionRecord, 'seq' | 'rationale'>;
const demand = (minute: number, targetId = 'north-gov'): Earlier => ({ decisionId: 'd1', teamId: 'south', actions: choose(['private-demarche', targetId]), exerciseTime: minutes(minute) });
const base = defaultRules.rules.find((r) => r.id === 'countermeasure-preconditions')!;
const withParams = (params: Record<string, unknown>) => ({ params: { ...base.params, ...params } });
const judge = (setup: Parameters<typeof stateWith>[0], actions: [string, string?][], params?: Record<string, unknown>) =>
  judgeDecision('countermeasure-preconditions', stateWith(setup), { teamId: 'south', actions: choose(...actions) }, params && withParams(params));

const LAWFUL = { released: { probe: 5, blackout: 30 }, decisions: [demand(31)] };

describe('countermeasure-preconditions: a countermeasure meeting every condition', () => {
  it('is noted as acceptable, never commended, with every condition shown met and the evidence that decides it', () => {
    const [finding, ...rest] = judge(LAWFUL, [['reversible-countermeasure', 'north-gov']]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'note', delta: 0, actionId: 'reversible-countermeasure' });
    expect(finding.explanation).toBe(
      'Characterised as a countermeasure against Northland. Prior wrongful act by Northland: met — inject blackout, evidence moderate, required moderate. ' +
        'Act ongoing: met — inject blackout has not ended. Call to comply: met — decision d1 (Private démarche) demanded that Northland comply. ' +
        'Proportionate to the injury: met — expected effects SEV-2 against an injury of SEV-4 (inject blackout). ' +
        'Temporary and reversible: met — Reversible cyber countermeasure ends when Northland complies and can be undone. ' +
        'Aimed only at Northland: met — Government of Northland belongs to Northland and no other state depends on it. ' +
        '⇒ A lawful countermeasure: acceptable, its wrongfulness precluded while Northland persists in the wrongful act (ILC-22; TM2-R4, TM2-R20, TM2-R21, TM2-R22, TM2-R23, TM2-R24, TM2-R25, ILC-49, ILC-51, ILC-52).',
    );
  });

  it('needs no call to comply when the scenario grants the urgency exception', () => {
    const [finding] = judge({ released: { wiper: 110 } }, [['reversible-countermeasure', 'north-mil']]);
    expect(finding.severity).toBe('note');
    expect(finding.explanation).toContain('Call to comply: not required — the act of inject wiper calls for urgent countermeasures (ILC Art. 52(2)).');
  });
});

describe('countermeasure-preconditions: each condition not met makes it a violation of sovereignty (TM2-R4)', () => {
  const cases: { condition: string; setup: Parameters<typeof stateWith>[0]; actions: [string, string?][]; params?: Record<string, unknown>; reads: string }[] = [
    { condition: 'evidence below the threshold', setup: { released: { probe: 5 }, decisions: [demand(6)] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Prior wrongful act by Northland: not met — inject probe, evidence low, required moderate.' },
    { condition: 'evidence only another team received', setup: { released: { probe: 5, 'west-intel': 6 }, decisions: [demand(7)] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Prior wrongful act by Northland: not met — inject probe, evidence low, required moderate.' },
    { condition: 'no act by the targeted state', setup: { released: { probe: 5, blackout: 30 }, decisions: [demand(31, 'west-gov')] }, actions: [['reversible-countermeasure', 'west-gov']], reads: 'Prior wrongful act by Westland: not met — no inject Southland cabinet received attributes an act against it to Westland.' },
    { condition: 'the act has ended', setup: { released: { probe: 5, calm: 40 }, decisions: [demand(6)] }, actions: [['reversible-countermeasure', 'north-gov']], params: { minimumEvidence: 'low' }, reads: 'Act ongoing: not met — inject calm ended the act of inject probe.' },
    { condition: 'no demand at all', setup: { released: { probe: 5, blackout: 30 } }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Call to comply: not met — no demand was sent to Northland.' },
    { condition: 'a notification that carries no demand', setup: { released: { probe: 5, blackout: 30 }, decisions: [{ ...demand(31), actions: choose(['notify-contact-point', 'north-gov'], ['activate-hotline', 'north-gov']) }] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Call to comply: not met — no demand was sent to Northland.' },
    { condition: 'a hotline message without a demand', setup: { released: { probe: 5, blackout: 30 }, messages: [{ messageId: 'm1', channelId: 'hotline', teamId: 'south', exerciseTime: minutes(31) }] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Call to comply: not met — no demand was sent to Northland.' },
    { condition: 'the demand in the same decision', setup: { released: { probe: 5, blackout: 30 } }, actions: [['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov']], reads: 'Call to comply: not met — the demand in this same decision left Northland no time to comply.' },
    { condition: 'a demand made before the act', setup: { released: { probe: 5, blackout: 30 }, decisions: [demand(2)] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Call to comply: not met — the last demand, decision d1, came before the act it would answer.' },
    { condition: 'effects graver than the injury', setup: { released: { scan: 100 }, decisions: [demand(101)] }, actions: [['reversible-countermeasure', 'north-gov']], reads: 'Proportionate to the injury: not met — expected effects SEV-2 against an injury of SEV-1 (inject scan).' },
    { condition: 'an irreversible operation', setup: LAWFUL, actions: [['disruptive-operation', 'north-gov']], reads: 'Temporary and reversible: not met — Disruptive cyber operation cannot be undone.' },
    { condition: 'a measure not designed to end', setup: LAWFUL, actions: [['reversible-countermeasure', 'north-gov']], params: { temporaryTraits: ['mitigation'] }, reads: 'Temporary and reversible: not met — Reversible cyber countermeasure is not designed to end when the other state complies.' },
    { condition: 'effects on a third state', setup: LAWFUL, actions: [['reversible-countermeasure', 'north-cloud']], reads: 'Aimed only at Northland: not met — Westland also depends on Northland Government Cloud.' },
  ];

  it.each(cases)('$condition', ({ setup, actions, params, reads }) => {
    const findings = judge(setup, actions, params);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'violation', delta: -10, cites: base.cites });
    expect(findings[0].explanation).toContain(reads);
    expect(findings[0].explanation).toMatch(/⇒ Not a lawful countermeasure: a violation of (Northland|Westland)'s sovereignty \(TM2-R4\)/);
  });
});

describe('countermeasure-preconditions: protected targets', () => {
  it.each([
    ['north-cert', 'NL-CERT is the authorised CERT of Northland'],
    ['north-water', 'Northland Water Utility is civilian critical infrastructure of Northland (water)'],
    ['north-hospital', 'Northland Military Hospital serves healthcare in Northland'],
  ])('an operation against %s is not a countermeasure at all, whatever else is met', (targetId, reads) => {
    const findings = judge(LAWFUL, [['reversible-countermeasure', targetId]]);
    expect(findings.map((f) => [f.severity, f.delta])).toEqual([['violation', -10]]);
    expect(findings[0].explanation).toContain(`Protected target: not met — ${reads}. ⇒ Not a countermeasure at all`);
    expect(findings[0].explanation).toContain("violates Northland's sovereignty (TM2-R4;");
  });
});

describe('countermeasure-preconditions: what it does not judge', () => {
  it('leaves retorsion, force and measures at home to other rules', () => {
    expect(judge(LAWFUL, [['targeted-sanctions', 'north-gov'], ['expel-diplomats', 'north-gov'], ['limited-strike', 'north-mil'], ['isolate-and-restore']])).toEqual([]);
    expect(judge(LAWFUL, [['reversible-countermeasure', 'south-gov']])).toEqual([]);
  });

  it('calls the Dark Winter answer — a disruptive operation with attribution and expulsions — a violation, never lawful', () => {
    const findings = judge({ released: { probe: 5, blackout: 30 }, messages: [{ messageId: 'm1', channelId: 'hotline', teamId: 'south', exerciseTime: minutes(37) }] }, [
      ['disruptive-operation', 'north-mil'],
      ['public-attribution', 'north-gov'],
      ['expel-diplomats', 'north-gov'],
    ]);
    expect(findings.map((f) => [f.actionId, f.severity])).toEqual([['disruptive-operation', 'violation']]);
    expect(findings[0].explanation).toContain('Call to comply: not met — no demand was sent to Northland. ');
    expect(findings[0].explanation).toContain('Temporary and reversible: not met');
  });
});
