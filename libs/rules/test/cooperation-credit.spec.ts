// Who gets credit for cooperation and CBM practice, table by table, each way: requests for assistance from home
// and from other states' CERTs, law-enforcement measures against activity from one's territory, notice before a
// step (only when it concerns that step, reached the affected state first and the step breaks no rule), and crisis
// communication credited apart from consultation.
import { scenarioSchema, type Scenario } from '@ttx/scenario';
import type { ActionChoice, DecisionRecord, ExerciseState, Finding } from '@ttx/engine';
import { indexWorld, judge, resolveChoices } from '../src/index.js';
import { catalogue, choose, defaultRules, minutes, scenarioInput, stateWith } from './world.js';

// The rules world with Southland's CERT and grid operator, Northland's CERT as teams, and a West–South hotline.
const wider: Scenario = scenarioSchema.parse({
  ...scenarioInput,
  teams: [
    ...scenarioInput.teams,
    { id: 'sl-cert', name: 'SL-CERT team', kind: 'national-cert', state: 'southland' },
    { id: 'sl-grid', name: 'Southland Grid control room', kind: 'infrastructure-operator', state: 'southland' },
    { id: 'nl-cert', name: 'NL-CERT team', kind: 'national-cert', state: 'northland' },
  ],
  channels: [
    ...(scenarioInput.channels ?? []),
    { id: 'west-south', kind: 'hotline', name: 'West–South hotline', members: ['west', 'south'] },
  ],
});
const widerWorld = indexWorld(wider, catalogue);

type Earlier = Omit<DecisionRecord, 'seq' | 'rationale'>;
const earlier = (teamId: string, minute: number, ...actions: [string, string?][]): Earlier => ({
  decisionId: `d-${teamId}-${minute}`,
  teamId,
  actions: choose(...actions),
  exerciseTime: minutes(minute),
});

/** The findings of one rule when the whole default rule set judges a decision in the wider world. */
function findingsOf(ruleId: string, state: ExerciseState, teamId: string, actions: ActionChoice[], injectId?: string): Finding[] {
  const team = widerWorld.teams.get(teamId);
  if (!team) throw new Error(`no team ${teamId}`);
  const decision: DecisionRecord = { seq: state.seq + 1, decisionId: 'd-now', teamId, injectId, actions, rationale: 'because', exerciseTime: minutes(50) };
  const ctx = { scenario: wider, catalogue, ruleSet: defaultRules };
  return judge(ctx, state, team, { kind: 'decision', decision, chosen: resolveChoices(widerWorld, actions) }, widerWorld).filter((f) => f.ruleId === ruleId);
}
const outcome = (findings: Finding[]) => findings.map((f) => [f.severity, f.delta, f.cites]);

interface Case {
  name: string;
  state: () => ExerciseState;
  team: string;
  actions: ActionChoice[];
  injectId?: string;
  expected: unknown[];
}
const run = (ruleId: string, cases: Case[]) =>
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(outcome(findingsOf(ruleId, c.state(), c.team, c.actions, c.injectId))).toEqual(c.expected);
  });

describe('answer-assistance-requests: requests from home and from other states’ CERTs (NORM-H, CBM-14)', () => {
  const operatorAsked = (target: string) => () => stateWith({ released: { probe: 5 }, decisions: [earlier('sl-grid', 10, ['request-assistance', target])] });
  const certAsked = () => stateWith({ released: { probe: 5 }, decisions: [earlier('nl-cert', 10, ['request-assistance', 'south-cert'])] });
  run('answer-assistance-requests', [
    { name: 'credited: the national CERT answers its own grid operator’s request with an offer to the grid', state: operatorAsked('south-cert'), team: 'sl-cert', actions: choose(['offer-assistance', 'south-grid']), expected: [['commendation', 6, ['NORM-H', 'CBM-14', 'CBM-15']]] },
    { name: 'credited: the government answers the operator that asked it', state: operatorAsked('south-gov'), team: 'south', actions: choose(['offer-assistance', 'south-grid']), expected: [['commendation', 6, ['NORM-H', 'CBM-14', 'CBM-15']]] },
    { name: 'credited: another state’s CERT asked, and the offer goes to that state’s CERT', state: certAsked, team: 'sl-cert', actions: choose(['offer-assistance', 'north-cert']), expected: [['commendation', 6, ['NORM-H', 'CBM-15']]] },
    { name: 'not credited: an offer at home that no operator asked for', state: () => stateWith({ released: { probe: 5 } }), team: 'sl-cert', actions: choose(['offer-assistance', 'south-grid']), expected: [] },
    { name: 'not credited: the operator offering help on its own request', state: operatorAsked('south-cert'), team: 'sl-grid', actions: choose(['offer-assistance', 'south-water']), expected: [] },
    { name: 'not credited: a foreign CERT asked, but the offer goes to a third state', state: certAsked, team: 'sl-cert', actions: choose(['offer-assistance', 'west-gov']), expected: [] },
    { name: 'not credited: a foreign CERT asked, but the offer stays at home', state: certAsked, team: 'sl-cert', actions: choose(['offer-assistance', 'south-grid']), expected: [] },
  ]);

  it('names the request it answers in the read-aloud explanation', () => {
    const [finding] = findingsOf('answer-assistance-requests', operatorAsked('south-cert')(), 'sl-cert', choose(['offer-assistance', 'south-grid']));
    expect(finding.explanation).toBe('SL-CERT team answered Request assistance with Offer assistance — responding to a request for assistance from those whose infrastructure is under attack (NORM-H, CBM-14, CBM-15).');
  });
});

describe('due-diligence-on-request: law-enforcement measures against activity from one’s territory (NORM-C)', () => {
  const toldBy = (...actions: [string, string?][]) => () => stateWith({ released: { probe: 5 }, decisions: [earlier('south', 10, ...actions)] });
  const asked = () => stateWith({ released: { probe: 5, 'stop-it': 25 } });
  run('due-diligence-on-request', [
    { name: 'credited: told through the contact point, Northland has the servers seized', state: toldBy(['notify-contact-point', 'north-gov']), team: 'north', actions: choose(['seize-infrastructure-on-territory', 'north-host']), expected: [['commendation', 6, ['NORM-C', 'DUE-DILIGENCE', 'CBM-6']]] },
    { name: 'credited: told over the hotline, Northland opens a criminal investigation', state: toldBy(['activate-hotline', 'north-gov']), team: 'north', actions: choose(['investigate-activity-from-territory', 'north-host']), expected: [['commendation', 6, ['NORM-C', 'DUE-DILIGENCE', 'CBM-6']]] },
    { name: 'credited: asked for mitigation, Northland opens a criminal investigation', state: toldBy(['request-mitigation', 'north-gov']), team: 'north', actions: choose(['investigate-activity-from-territory', 'north-host']), expected: [['commendation', 6, ['NORM-C', 'DUE-DILIGENCE', 'CBM-6']]] },
    { name: 'credited: a prompt offering a law-enforcement measure against a host at home is answered with it', state: () => stateWith({ released: { probe: 5 } }), team: 'north', injectId: 'probe', actions: choose(['investigate-activity-from-territory', 'north-host']), expected: [['commendation', 6, ['NORM-C', 'DUE-DILIGENCE', 'CBM-6']]] },
    { name: 'not credited: nobody asked or told Northland', state: () => stateWith({ released: { probe: 5 } }), team: 'north', actions: choose(['seize-infrastructure-on-territory', 'north-host']), expected: [] },
    { name: 'not credited: told, Northland only talks', state: toldBy(['notify-contact-point', 'north-gov']), team: 'north', actions: choose(['activate-hotline', 'south-gov']), expected: [] },
    { name: 'not credited: a notification to a third state does not tell Northland', state: toldBy(['notify-contact-point', 'west-gov']), team: 'north', actions: choose(['seize-infrastructure-on-territory', 'north-host']), expected: [] },
    { name: 'the existing finding: asked in a prompt, Northland does nothing against the activity', state: asked, team: 'north', injectId: 'stop-it', actions: choose(['activate-hotline', 'south-gov']), expected: [['concern', -3, ['NORM-C', 'DUE-DILIGENCE']]] },
  ]);
});

describe('notify-before-escalating: credit only for notice of this step, reaching the state first, before a lawful step (CBM-8, CBM-13)', () => {
  const afterProbe = (decisions: Earlier[] = [], messages: { channelId: string; teamId: string; minute: number }[] = []) => () =>
    stateWith({
      released: { probe: 5 },
      decisions,
      messages: messages.map((m, i) => ({ messageId: `m${i}`, channelId: m.channelId, teamId: m.teamId, exerciseTime: minutes(m.minute) })),
    });
  const expel = choose(['expel-diplomats', 'north-gov']);
  run('notify-before-escalating', [
    { name: 'credited: the hotline in the same decision, citing its CBMs', state: afterProbe(), team: 'south', actions: choose(['activate-hotline', 'north-gov'], ['expel-diplomats', 'north-gov']), expected: [['note', 3, ['CBM-8', 'CBM-13']]] },
    { name: 'credited: the contact point notified after the incident, citing the UN directory', state: afterProbe([earlier('south', 10, ['notify-contact-point', 'north-cert'])]), team: 'south', actions: expel, expected: [['note', 3, ['CBM-8', 'CBM-13', 'CBM-UN-POC']]] },
    { name: 'credited: a private démarche is a channel of notification', state: afterProbe([earlier('south', 10, ['private-demarche', 'north-gov'])]), team: 'south', actions: expel, expected: [['note', 3, ['CBM-8', 'CBM-13']]] },
    { name: 'credited: a hotline message Northland’s team receives, after the incident', state: afterProbe([], [{ channelId: 'hotline', teamId: 'south', minute: 12 }]), team: 'south', actions: expel, expected: [['note', 3, ['CBM-8', 'CBM-13']]] },
    { name: 'credited: a lawful countermeasure after an earlier démarche', state: () => stateWith({ released: { probe: 5, blackout: 30 }, decisions: [earlier('south', 35, ['private-demarche', 'north-gov'])] }), team: 'south', actions: choose(['reversible-countermeasure', 'north-gov']), expected: [['note', 3, ['CBM-8', 'CBM-13']]] },
    { name: 'not credited: the notification came before the incident it would answer', state: afterProbe([earlier('south', 2, ['notify-contact-point', 'north-cert'])]), team: 'south', actions: expel, expected: [['concern', -6, ['CBM-8', 'CBM-13']]] },
    { name: 'not credited: the hotline message came before the incident', state: afterProbe([], [{ channelId: 'hotline', teamId: 'south', minute: 3 }]), team: 'south', actions: expel, expected: [['concern', -6, ['CBM-8', 'CBM-13']]] },
    { name: 'not credited: the notice went to another state', state: afterProbe([earlier('south', 10, ['notify-contact-point', 'west-gov'])]), team: 'south', actions: expel, expected: [['concern', -6, ['CBM-8', 'CBM-13']]] },
    { name: 'not credited: a hotline no team of Northland is a member of', state: afterProbe([], [{ channelId: 'west-south', teamId: 'south', minute: 12 }]), team: 'south', actions: expel, expected: [['concern', -6, ['CBM-8', 'CBM-13']]] },
    { name: 'not credited: notice before an attack on civilian infrastructure (NORM-F)', state: afterProbe(), team: 'south', actions: choose(['activate-hotline', 'north-gov'], ['attack-critical-infrastructure', 'north-water']), expected: [] },
    { name: 'not credited: notice before an operation against a CERT (NORM-K)', state: afterProbe(), team: 'south', actions: choose(['activate-hotline', 'north-gov'], ['disruptive-operation', 'north-cert']), expected: [] },
    { name: 'not credited: a countermeasure whose only call to comply comes in the same decision is unlawful', state: () => stateWith({ released: { probe: 5, blackout: 30 } }), team: 'south', actions: choose(['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov']), expected: [] },
    { name: 'not credited: notice before an unlawful countermeasure (no wrongful act by Westland)', state: () => stateWith({ released: { probe: 5 }, decisions: [earlier('south', 10, ['private-demarche', 'west-gov'])] }), team: 'south', actions: choose(['reversible-countermeasure', 'west-gov']), expected: [] },
  ]);
});

describe('crisis communication (CBM-8, CBM-13) and consultation (CBM-3) are credited apart', () => {
  const tense = () => stateWith({ released: { probe: 5 } });
  const calm = () => stateWith({ escalation: { 'southland>northland': 1 } });
  const both = (state: () => ExerciseState, actions: ActionChoice[]) =>
    ['crisis-communication', 'consult-when-tension-rises'].flatMap((ruleId) => findingsOf(ruleId, state(), 'south', actions).map((f) => [f.ruleId, f.severity, f.delta, f.cites]));
  it.each([
    ['the hotline alone is crisis communication, not consultation', tense, choose(['activate-hotline', 'north-gov']), [['crisis-communication', 'commendation', 3, ['CBM-8', 'CBM-13']]]],
    ['a request for consultations is consultation, not crisis communication', tense, choose(['request-consultations', 'north-gov']), [['consult-when-tension-rises', 'commendation', 5, ['CBM-3']]]],
    ['both in one decision earn two findings, each with its own sources', tense, choose(['activate-hotline', 'north-gov'], ['request-consultations', 'north-gov']), [['crisis-communication', 'commendation', 3, ['CBM-8', 'CBM-13']], ['consult-when-tension-rises', 'commendation', 5, ['CBM-3']]]],
    ['neither is credited when the same decision attacks that state’s civilian infrastructure (NORM-F)', tense, choose(['activate-hotline', 'north-gov'], ['request-consultations', 'north-gov'], ['attack-critical-infrastructure', 'north-water']), []],
    ['neither is credited beside an unlawful operation against that state', tense, choose(['activate-hotline', 'north-gov'], ['request-consultations', 'north-gov'], ['disruptive-operation', 'north-gov']), []],
    ['the hotline is still credited beside a lawful step against that state', tense, choose(['activate-hotline', 'north-gov'], ['expel-diplomats', 'north-gov']), [['crisis-communication', 'commendation', 3, ['CBM-8', 'CBM-13']]]],
    ['the hotline is still credited when the violation is against another state', tense, choose(['activate-hotline', 'north-gov'], ['disruptive-operation', 'west-gov']), [['crisis-communication', 'commendation', 3, ['CBM-8', 'CBM-13']]]],
    ['neither is credited while tension is low', calm, choose(['activate-hotline', 'north-gov'], ['request-consultations', 'north-gov']), []],
    ['neither is credited for a call on one’s own government', tense, choose(['activate-hotline', 'south-gov']), []],
  ] as const)('%s', (_name, state, actions, expected) => {
    expect(both(state, [...actions])).toEqual(expected);
  });
});
