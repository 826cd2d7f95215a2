// The case book: each case a situation, the decision a team took, every finding the default rules must record for
// it and the sources that decide it. Played through the real engine by casebook.spec.ts, which also writes
// docs/casebook.md from this table.
import type { AttributionConfidence } from '@ttx/engine';
import type { FindingSeverity } from '@ttx/scenario';
import type {
  Case,
  Character,
  Choice,
  ExpectedFinding,
  ExpectedVerdict,
  Points,
  Step,
  Verdict,
} from './case-types.js';

const f = (rule: string, severity: FindingSeverity, points: Points, action?: string): ExpectedFinding => ({
  rule,
  severity,
  points,
  ...(action === undefined ? {} : { action }),
});

const v = (
  action: string,
  target: string | undefined,
  character: Character,
  verdict: Verdict,
): ExpectedVerdict => ({
  action,
  ...(target === undefined ? {} : { target }),
  character,
  verdict,
});

// What the white cell releases (see casebook-world.ts and ../world.ts for the injects).
const fire = (at: number, injectId: string): Step => ({ at, fire: injectId });
const probe: Step = fire(5, 'probe');
const blackout: Step = fire(30, 'blackout');
const decided = (at: number, team: string, ...actions: Choice[]): Step => ({ at, decide: { team, actions } });
const demarche = (at: number, target = 'north-gov'): Step =>
  decided(at, 'south', ['private-demarche', target]);
/** The blackout known, with Southland's call on Northland to stop it: every condition of a countermeasure can be met. */
const demandedAfterBlackout: Step[] = [probe, blackout, demarche(31)];

const CM = 'countermeasure-preconditions';
const NOTIFY = 'notify-before-escalating';
const PROP = 'proportionate-response';
const CRISIS = 'crisis-communication';
const CONSULT = 'consult-when-tension-rises';
const ASSIST = 'answer-assistance-requests';
const DD = 'due-diligence-on-request';
const SHARE = 'share-information';
const ATTR = 'attribution-care';
const CI = 'protect-civilian-infrastructure';
const CERT = 'protect-certs';
const LATE = 'timeliness';
const FORCE = 'use-of-force';

const COUNTERMEASURE_LAW = [
  'TM2-R20',
  'TM2-R21',
  'TM2-R22',
  'TM2-R23',
  'TM2-R24',
  'TM2-R25',
  'ILC-22',
  'ILC-49',
  'ILC-51',
  'ILC-52',
];

const countermeasures: Case[] = [
  {
    id: 'CB-01',
    topic: 'countermeasures',
    title: 'A countermeasure meeting every condition',
    situation:
      'Northland has been probing Southland (low evidence) and then blacks out Southland’s ministries; the blackout inject reaches Southland with moderate evidence that Northland is behind it, and the act goes on. Southland privately calls on Northland to stop (a démarche) and, when the blackout continues, answers the blackout prompt with a reversible operation against Northland’s government systems.',
    before: demandedAfterBlackout,
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [
      f(CM, 'note', '0', 'reversible-countermeasure'),
      f(NOTIFY, 'note', '+', 'reversible-countermeasure'),
    ],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'acceptable')],
    sources: [...COUNTERMEASURE_LAW, 'CBM-8', 'CBM-13'],
    note: 'Every condition of ILC Articles 49–52 and Tallinn Manual rules 20–25 holds, so the operation is a countermeasure whose wrongfulness is precluded (ILC-22): acceptable, never commended, since it still escalates. The démarche is both the call to comply the law requires and the notice the confidence-building measures ask for.',
    covers: ['notice-before-lawful-step'],
  },
  {
    id: 'CB-02',
    topic: 'countermeasures',
    title: 'Evidence below the threshold',
    situation:
      'Northland probes Southland; the only inject Southland has names Northland on low evidence. Southland calls on Northland to stop and then takes a reversible countermeasure.',
    before: [probe, demarche(6)],
    decision: {
      at: 10,
      team: 'south',
      inject: 'probe',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R20', 'ILC-49', 'TM2-R4', 'NORM-B'],
    note: 'A countermeasure answers an internationally wrongful act of the state it targets; on low evidence Southland cannot show that Northland committed one. The démarche was notice, but notice before a wrongful step earns no credit.',
    withholds: [NOTIFY],
  },
  {
    id: 'CB-03',
    topic: 'countermeasures',
    title: 'Evidence another team received does not count',
    situation:
      'Westland’s intelligence is sure Northland ran the probe (high evidence), but that inject went to Westland only; Southland itself holds low evidence. Southland demands that Northland stop and takes a reversible countermeasure.',
    before: [probe, fire(6, 'west-intel'), demarche(7)],
    decision: {
      at: 10,
      team: 'south',
      inject: 'probe',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R20', 'ILC-49', 'TM2-R4'],
    note: 'Each team is judged on what it was told. Westland’s certainty does not reach Southland until Westland shares it.',
  },
  {
    id: 'CB-04',
    topic: 'countermeasures',
    title: 'A countermeasure against a state that did nothing',
    situation:
      'Northland probes and blacks out Southland. Southland sends its démarche to Westland instead and takes a reversible countermeasure against Westland’s government, which no inject connects to any act.',
    before: [probe, blackout, demarche(31, 'west-gov')],
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'west-gov']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'west-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R20', 'TM2-R24', 'ILC-49', 'TM2-R4'],
    note: 'Only an injured state may take countermeasures, and only against the state responsible for the act (TM2-R24, ILC Art. 49(1)).',
    withholds: [NOTIFY],
  },
  {
    id: 'CB-05',
    topic: 'countermeasures',
    title: 'The wrongful act has ended',
    situation:
      'A Northland operation takes Southland’s ministries offline (moderate evidence). Southland calls on Northland to stop; a later inject reports the ministries back online and the operation stopped. Southland then takes a reversible countermeasure.',
    before: [fire(10, 'siege'), demarche(11), fire(15, 'siege-over')],
    decision: { at: 20, team: 'south', actions: [['reversible-countermeasure', 'north-gov']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R21', 'ILC-49', 'ILC-53', 'TM2-R4'],
    note: 'Countermeasures exist to induce compliance, not to punish: once the act has stopped there is nothing left to induce, and they must end (ILC Art. 49(1), 53).',
  },
  {
    id: 'CB-06',
    topic: 'countermeasures',
    title: 'No call to comply at all',
    situation:
      'Northland’s blackout of Southland goes on (moderate evidence). Without any démarche or message to Northland, Southland answers the blackout with a reversible countermeasure.',
    before: [probe, blackout],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [
      f(CM, 'violation', '-', 'reversible-countermeasure'),
      f(NOTIFY, 'concern', '-', 'reversible-countermeasure'),
    ],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['ILC-52', 'TM2-R4', 'CBM-8', 'CBM-13'],
  },
  {
    id: 'CB-07',
    topic: 'countermeasures',
    title: 'A notification is not a demand',
    situation:
      'During the blackout Southland notified Northland’s contact point and called it on the hotline, but never asked it to stop. It then takes a reversible countermeasure.',
    before: [
      probe,
      blackout,
      decided(31, 'south', ['notify-contact-point', 'north-gov'], ['activate-hotline', 'north-gov']),
    ],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['ILC-52', 'TM2-R4'],
    note: 'ILC Art. 52(1)(a) requires a call on the responsible state to comply. A notification or a hotline call tells Northland what Southland sees; it does not demand that Northland stop.',
    withholds: [NOTIFY],
  },
  {
    id: 'CB-08',
    topic: 'countermeasures',
    title: 'A hotline message without a demand',
    situation:
      'During the blackout Southland wrote to Northland on the hotline, without asking it to stop, then takes a reversible countermeasure.',
    before: [
      probe,
      blackout,
      {
        at: 31,
        message: { team: 'south', channel: 'hotline', text: 'We see the outage and are looking into it.' },
      },
    ],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['ILC-52', 'TM2-R4'],
    note: 'A message on the hotline is notice, not a demand: the call to comply is missing.',
  },
  {
    id: 'CB-09',
    topic: 'countermeasures',
    title: 'The demand in the same decision',
    situation:
      'During the blackout Southland decides, in one decision, to call on Northland to stop and to take a reversible countermeasure.',
    before: [probe, blackout],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [
        ['private-demarche', 'north-gov'],
        ['reversible-countermeasure', 'north-gov'],
      ],
    },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [
      v('private-demarche', 'north-gov', 'retorsion', 'acceptable'),
      v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation'),
    ],
    sources: ['ILC-52', 'TM2-R4'],
    note: 'The responsible state must be given the chance to comply before the countermeasure; a demand in the same decision gives it none.',
    covers: ['notice-before-violation'],
  },
  {
    id: 'CB-10',
    topic: 'countermeasures',
    title: 'A demand made before the act',
    situation:
      'Southland warned Northland in a démarche at minute 2, before any incident. Northland then probes and blacks out Southland; Southland takes a reversible countermeasure without a new demand.',
    before: [demarche(2), probe, blackout],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['reversible-countermeasure', 'north-gov']],
    },
    expected: [
      f(CM, 'violation', '-', 'reversible-countermeasure'),
      f(NOTIFY, 'concern', '-', 'reversible-countermeasure'),
    ],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['ILC-52', 'TM2-R4', 'CBM-8'],
    note: 'The call to comply must concern the act the countermeasure answers; a warning sent before any act cannot.',
  },
  {
    id: 'CB-11',
    topic: 'countermeasures',
    title: 'Effects graver than the injury',
    situation:
      'Northland scans Southland’s ministries (SEV-1, high evidence). Southland demands that it stop and then takes a reversible countermeasure whose expected effects are SEV-2.',
    before: [fire(5, 'scan'), demarche(6)],
    decision: { at: 10, team: 'south', actions: [['reversible-countermeasure', 'north-gov']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R23', 'ILC-51', 'TM2-R4'],
    note: 'A countermeasure must be commensurate with the injury suffered (ILC Art. 51, TM2-R23): SEV-2 effects against a SEV-1 scan are not.',
  },
  {
    id: 'CB-12',
    topic: 'countermeasures',
    title: 'An operation that cannot be undone',
    situation:
      'The blackout goes on and Southland has called on Northland to stop. Southland answers with a disruptive cyber operation against Northland’s government, which cannot be undone.',
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', inject: 'blackout', actions: [['disruptive-operation', 'north-gov']] },
    expected: [f(CM, 'violation', '-', 'disruptive-operation')],
    verdicts: [v('disruptive-operation', 'north-gov', 'countermeasure', 'violation')],
    sources: ['TM2-R22', 'ILC-49', 'TM2-R4'],
    note: 'Countermeasures must be temporary and, as far as possible, reversible (ILC Art. 49(2)–(3)); a disruptive operation is neither, and outside the limits of a countermeasure it violates Northland’s sovereignty.',
  },
  {
    id: 'CB-13',
    topic: 'countermeasures',
    title: 'Effects on a third state',
    situation:
      'Every other condition is met (blackout ongoing, moderate evidence, a démarche sent), but Southland aims its reversible countermeasure at Northland’s government cloud, on which Westland also depends.',
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'north-cloud']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-cloud', 'countermeasure', 'violation')],
    sources: ['TM2-R25', 'ILC-49', 'TM2-R4'],
    note: 'A countermeasure may be taken only against the responsible state; effects on a third state that depends on the target are not excused (TM2-R25).',
  },
  {
    id: 'CB-14',
    topic: 'countermeasures',
    title: 'Urgent countermeasures: no prior call to comply',
    situation:
      'A wiper hits the grids of Southland and Westland (high evidence against Northland); the scenario grants the urgency exception. Southland calls Northland on the hotline and, in the same decision, takes a reversible countermeasure against Northland Cyber Command without any earlier démarche.',
    before: [fire(10, 'wiper')],
    decision: {
      at: 12,
      team: 'south',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['reversible-countermeasure', 'north-mil'],
      ],
    },
    expected: [
      f(CM, 'note', '0', 'reversible-countermeasure'),
      f(NOTIFY, 'note', '+', 'reversible-countermeasure'),
      f(CRISIS, 'commendation', '+', 'activate-hotline'),
    ],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'commendation'),
      v('reversible-countermeasure', 'north-mil', 'countermeasure', 'acceptable'),
    ],
    sources: ['ILC-52', 'TM2-R20', 'TM2-R23', 'ILC-22', 'CBM-8', 'CBM-13'],
    note: 'ILC Art. 52(2) lets an injured state take urgent countermeasures to preserve its rights without the prior call to comply; the scenario grants that for the wiper. Telling Northland on the hotline at the same time still counts as notice and as crisis communication.',
    covers: ['urgency'],
  },
];

const lawfulSetting =
  'The blackout goes on (moderate evidence against Northland) and Southland has called on Northland to stop.';
const protectedTargets: Case[] = [
  {
    id: 'CB-15',
    topic: 'protected',
    title: 'A countermeasure against a CERT',
    situation: `${lawfulSetting} Southland aims its reversible countermeasure at NL-CERT, Northland’s national CERT.`,
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'north-cert']] },
    expected: [
      f(CERT, 'violation', '-', 'reversible-countermeasure'),
      f(CM, 'violation', '-', 'reversible-countermeasure'),
    ],
    verdicts: [v('reversible-countermeasure', 'north-cert', 'countermeasure', 'violation')],
    sources: ['NORM-K', 'TM2-R4', 'TM2-R22'],
    note: 'CERTs must never be harmed (NORM-K); an operation against one cannot be a countermeasure at all, whatever else is met.',
    covers: ['protected-cert'],
  },
  {
    id: 'CB-16',
    topic: 'protected',
    title: 'A countermeasure against critical infrastructure',
    situation: `${lawfulSetting} Southland aims its reversible countermeasure at Northland’s water utility.`,
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'north-water']] },
    expected: [
      f(CI, 'violation', '-', 'reversible-countermeasure'),
      f(CM, 'violation', '-', 'reversible-countermeasure'),
    ],
    verdicts: [v('reversible-countermeasure', 'north-water', 'countermeasure', 'violation')],
    sources: ['NORM-F', 'CBM-3', 'CBM-15', 'TM2-R4', 'TM2-R22', 'TM2-R93'],
    note: 'Damaging critical infrastructure that the public depends on breaches NORM-F, and an operation against it cannot be a lawful countermeasure.',
    covers: ['protected-critical-infrastructure'],
  },
  {
    id: 'CB-17',
    topic: 'protected',
    title: 'A countermeasure against a hospital',
    situation: `${lawfulSetting} Southland aims its reversible countermeasure at the Northland Military Hospital (healthcare).`,
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'north-hospital']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-hospital', 'countermeasure', 'violation')],
    sources: ['TM2-R22', 'ILC-50', 'TM2-R4'],
    note: 'Healthcare is protected: a countermeasure may not affect fundamental human rights (ILC Art. 50(1)(b)), and an act against a hospital can never be one. The hospital belongs to the military, not to critical infrastructure, so the countermeasure rule alone finds the violation.',
    covers: ['protected-healthcare'],
  },
  {
    id: 'CB-18',
    topic: 'protected',
    title: 'A countermeasure against emergency services',
    situation: `${lawfulSetting} Southland aims its reversible countermeasure at Northland’s ambulance dispatch (emergency services).`,
    before: demandedAfterBlackout,
    decision: { at: 35, team: 'south', actions: [['reversible-countermeasure', 'north-ems']] },
    expected: [f(CM, 'violation', '-', 'reversible-countermeasure')],
    verdicts: [v('reversible-countermeasure', 'north-ems', 'countermeasure', 'violation')],
    sources: ['TM2-R22', 'ILC-50', 'TM2-R4'],
    note: 'Emergency services are protected like healthcare. The dispatch belongs to Northland’s government, not to a critical-infrastructure operator, so the countermeasure rule alone finds the violation.',
    covers: ['protected-emergency-services'],
  },
  {
    id: 'CB-19',
    topic: 'protected',
    title: 'Answering a blackout by attacking the other side’s water',
    situation:
      'Northland’s blackout of Southland goes on. Without any word to Northland, Southland attacks Northland’s water utility.',
    before: [probe, blackout],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [['attack-critical-infrastructure', 'north-water']],
    },
    expected: [
      f(CI, 'violation', '-', 'attack-critical-infrastructure'),
      f(CM, 'violation', '-', 'attack-critical-infrastructure'),
      f(NOTIFY, 'concern', '-', 'attack-critical-infrastructure'),
    ],
    verdicts: [v('attack-critical-infrastructure', 'north-water', 'countermeasure', 'violation')],
    sources: ['NORM-F', 'TM2-R92', 'TM2-R93', 'TM2-R4', 'CBM-8'],
    note: 'Answering in kind is no defence: an attack on another state’s water breaches NORM-F and is no countermeasure, and Southland did not even warn Northland.',
  },
  {
    id: 'CB-20',
    topic: 'protected',
    title: 'An unprovoked operation against a CERT',
    situation:
      'Nothing has been done to Northland. Northland’s cabinet decides on its own initiative to run a disruptive operation against SL-CERT, Southland’s CERT.',
    before: [probe],
    decision: { at: 8, team: 'north', actions: [['disruptive-operation', 'south-cert']] },
    expected: [
      f(CERT, 'violation', '-', 'disruptive-operation'),
      f(CM, 'violation', '-', 'disruptive-operation'),
      f(NOTIFY, 'concern', '-', 'disruptive-operation'),
    ],
    verdicts: [v('disruptive-operation', 'south-cert', 'countermeasure', 'violation')],
    sources: ['NORM-K', 'TM2-R4', 'TM2-R20'],
    note: 'No act of Southland’s provoked it, and its target is a CERT: a violation of NORM-K and of Southland’s sovereignty.',
  },
  {
    id: 'CB-21',
    topic: 'protected',
    title: 'Working with the other side’s CERT',
    situation:
      'Northland probes Southland. Southland shares indicators of compromise with NL-CERT, Northland’s CERT, and reports the incident to its own SL-CERT.',
    before: [probe],
    decision: {
      at: 10,
      team: 'south',
      actions: [
        ['share-indicators', 'north-cert'],
        ['report-to-cert', 'south-cert'],
      ],
    },
    expected: [f(SHARE, 'commendation', '+', 'share-indicators')],
    verdicts: [
      v('share-indicators', 'north-cert', 'cooperative', 'commendation'),
      v('report-to-cert', 'south-cert', 'cooperative', 'acceptable'),
    ],
    sources: ['NORM-K', 'NORM-D', 'CBM-2'],
    note: 'Sharing with the other side’s CERT is exactly what NORM-K protects CERTs for; it is credited as information sharing.',
    clears: [CERT],
  },
  {
    id: 'CB-22',
    topic: 'protected',
    title: 'Helping another state’s infrastructure operator',
    situation:
      'A wiper hits the grids of Southland and Westland. Westland shares indicators with the Southland grid operator.',
    before: [fire(10, 'wiper')],
    decision: { at: 12, team: 'west', actions: [['share-indicators', 'south-grid']] },
    expected: [f(SHARE, 'commendation', '+', 'share-indicators')],
    verdicts: [v('share-indicators', 'south-grid', 'cooperative', 'commendation')],
    sources: ['NORM-F', 'NORM-D', 'CBM-14', 'CBM-15'],
    note: 'Acting on another state’s infrastructure to help defend it is cooperation, not an attack: no rule of restraint applies.',
    clears: [CI],
  },
];

const retorsion: Case[] = [
  {
    id: 'CB-23',
    topic: 'retorsion',
    title: 'Expelling diplomats over a scan',
    situation:
      'Northland scans Southland’s ministries (SEV-1, high evidence). Southland calls Northland on the hotline and expels Northland diplomats.',
    before: [fire(5, 'scan')],
    decision: {
      at: 10,
      team: 'south',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['expel-diplomats', 'north-gov'],
      ],
    },
    expected: [f(NOTIFY, 'note', '+', 'expel-diplomats')],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'acceptable'),
      v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable'),
    ],
    sources: ['EU-TOOLBOX', 'CBM-8', 'CBM-13'],
    note: 'Retorsion — an unfriendly but lawful act — needs none of the conditions of a countermeasure. It is weighed politically (EU Cyber Diplomacy Toolbox): an expulsion (ESC-3) stays within what a scan warrants.',
    clears: [PROP, CM],
    covers: ['retorsion'],
  },
  {
    id: 'CB-24',
    topic: 'retorsion',
    title: 'Trade measures over a scan',
    situation:
      'Northland scans Southland’s ministries (SEV-1). Southland calls Northland on the hotline and restricts trade with it.',
    before: [fire(5, 'scan')],
    decision: {
      at: 10,
      team: 'south',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['trade-measures', 'north-gov'],
      ],
    },
    expected: [f(PROP, 'concern', '-', 'trade-measures'), f(NOTIFY, 'note', '+', 'trade-measures')],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'acceptable'),
      v('trade-measures', 'north-gov', 'retorsion', 'concern'),
    ],
    sources: ['EU-TOOLBOX', 'CBM-8'],
    note: 'Still lawful, so a concern and never a violation: trade measures (ESC-4) weigh more than a SEV-1 scan warrants politically.',
    clears: [CM],
    covers: ['retorsion'],
  },
  {
    id: 'CB-25',
    topic: 'retorsion',
    title: 'Sanctions and expulsions over a wiper on two states’ grids',
    situation:
      'A wiper hits the grids of Southland and Westland (high evidence against Northland). Southland calls Northland on the hotline, imposes targeted sanctions and expels diplomats.',
    before: [fire(10, 'wiper')],
    decision: {
      at: 12,
      team: 'south',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['targeted-sanctions', 'north-gov'],
        ['expel-diplomats', 'north-gov'],
      ],
    },
    expected: [
      f(NOTIFY, 'note', '+', 'targeted-sanctions'),
      f(CRISIS, 'commendation', '+', 'activate-hotline'),
    ],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'commendation'),
      v('targeted-sanctions', 'north-gov', 'retorsion', 'acceptable'),
      v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable'),
    ],
    sources: ['EU-TOOLBOX', 'CBM-8', 'CBM-13'],
    note: 'The gravity of the act is its severity raised for civilian effects on the grid and for the second state hit: sanctions and expulsions stay within it.',
    clears: [PROP],
    covers: ['retorsion'],
  },
  {
    id: 'CB-26',
    topic: 'retorsion',
    title: 'Sanctions against a state nothing connects to the act',
    situation:
      'Northland probes Southland. Southland imposes targeted sanctions on Westland, which no inject connects to the probe, without a word to Westland.',
    before: [probe],
    decision: { at: 10, team: 'south', actions: [['targeted-sanctions', 'west-gov']] },
    expected: [
      f(PROP, 'concern', '-', 'targeted-sanctions'),
      f(NOTIFY, 'concern', '-', 'targeted-sanctions'),
    ],
    verdicts: [v('targeted-sanctions', 'west-gov', 'retorsion', 'concern')],
    sources: ['EU-TOOLBOX', 'CBM-8'],
    note: 'Lawful as retorsion, but nothing links Westland to the probe: politically unwarranted, and Westland was not told first.',
    covers: ['retorsion'],
  },
  {
    id: 'CB-27',
    topic: 'retorsion',
    title: 'A strike over a scan',
    situation:
      'Northland scans Southland’s ministries (SEV-1). Southland answers with a limited strike on Northland Cyber Command.',
    before: [fire(5, 'scan')],
    decision: { at: 10, team: 'south', actions: [['limited-strike', 'north-mil']] },
    expected: [
      f(FORCE, 'violation', '-', 'limited-strike'),
      f(PROP, 'violation', '-', 'limited-strike'),
      f(NOTIFY, 'concern', '-', 'limited-strike'),
    ],
    verdicts: [v('limited-strike', 'north-mil', 'use-of-force', 'violation')],
    sources: ['UN-CHARTER-2-4', 'UN-CHARTER-51', 'TM2-R23', 'ILC-51', 'ILC-50'],
    note: 'A limited strike is a use of force (UN Charter Art. 2(4)); a scan is no armed attack that Art. 51 would let Southland answer, and the strike’s expected effects exceed the injury by three levels.',
  },
  {
    id: 'CB-28',
    topic: 'retorsion',
    title: 'Restraint in answer to a probe',
    situation:
      'Northland probes Southland (ESC-4, SEV-3). Southland answers the probe prompt by calling Northland on the hotline and privately asking it to stop.',
    before: [probe],
    decision: {
      at: 10,
      team: 'south',
      inject: 'probe',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['private-demarche', 'north-gov'],
      ],
    },
    expected: [f(PROP, 'commendation', '+'), f(CRISIS, 'commendation', '+', 'activate-hotline')],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'commendation'),
      v('private-demarche', 'north-gov', 'retorsion', 'acceptable'),
    ],
    sources: ['TM2-R23', 'ILC-51', 'ILC-52', 'EU-TOOLBOX', 'CBM-8', 'CBM-13'],
    note: 'An answer by channels and diplomacy alone to an act against the team is commended as restraint; the démarche also keeps a later countermeasure open.',
  },
  {
    id: 'CB-29',
    topic: 'retorsion',
    title: 'An escalatory answer is at best acceptable',
    situation:
      'Northland’s blackout of Southland goes on. Southland answers the blackout prompt with a hotline call and the expulsion of Northland diplomats.',
    before: [probe, blackout],
    decision: {
      at: 35,
      team: 'south',
      inject: 'blackout',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['expel-diplomats', 'north-gov'],
      ],
    },
    expected: [f(NOTIFY, 'note', '+', 'expel-diplomats'), f(CRISIS, 'commendation', '+', 'activate-hotline')],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'commendation'),
      v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable'),
    ],
    sources: ['EU-TOOLBOX', 'CBM-8', 'CBM-13'],
    note: 'Restraint is commended only for an answer by channels and diplomacy alone. The expulsion is lawful and in proportion, so it is neither credited nor blamed by the proportionality rule.',
    withholds: [PROP],
    covers: ['retorsion'],
  },
];

const cbm: Case[] = [
  {
    id: 'CB-30',
    topic: 'cbm',
    title: 'Escalating without a word',
    situation:
      'Northland probes Southland. Southland expels Northland diplomats without reaching Northland through any channel first.',
    before: [probe],
    decision: { at: 10, team: 'south', actions: [['expel-diplomats', 'north-gov']] },
    expected: [f(NOTIFY, 'concern', '-', 'expel-diplomats')],
    verdicts: [v('expel-diplomats', 'north-gov', 'retorsion', 'concern')],
    sources: ['CBM-8', 'CBM-13'],
  },
  {
    id: 'CB-31',
    topic: 'cbm',
    title: 'Notice in the same decision',
    situation:
      'Northland probes Southland. In one decision Southland notifies Northland’s contact point and expels Northland diplomats.',
    before: [probe],
    decision: {
      at: 10,
      team: 'south',
      actions: [
        ['notify-contact-point', 'north-gov'],
        ['expel-diplomats', 'north-gov'],
      ],
    },
    expected: [f(NOTIFY, 'note', '+', 'expel-diplomats')],
    verdicts: [
      v('notify-contact-point', 'north-gov', 'cooperative', 'acceptable'),
      v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable'),
    ],
    sources: ['CBM-8', 'CBM-UN-POC'],
    covers: ['notice-before'],
  },
  {
    id: 'CB-32',
    topic: 'cbm',
    title: 'Notice before, through the CERT contact point',
    situation:
      'Northland probes Southland. Southland notifies NL-CERT at minute 10 and expels Northland diplomats at minute 15.',
    before: [probe, decided(10, 'south', ['notify-contact-point', 'north-cert'])],
    decision: { at: 15, team: 'south', actions: [['expel-diplomats', 'north-gov']] },
    expected: [f(NOTIFY, 'note', '+', 'expel-diplomats')],
    verdicts: [v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable')],
    sources: ['CBM-8', 'CBM-13', 'CBM-UN-POC'],
    covers: ['notice-before'],
  },
  {
    id: 'CB-33',
    topic: 'cbm',
    title: 'Notice that came before the incident',
    situation:
      'Southland notified Northland’s contact point at minute 2 about something else; the probe comes at minute 5, and Southland expels diplomats at minute 15 without a new notice.',
    before: [decided(2, 'south', ['notify-contact-point', 'north-gov']), probe],
    decision: { at: 15, team: 'south', actions: [['expel-diplomats', 'north-gov']] },
    expected: [f(NOTIFY, 'concern', '-', 'expel-diplomats')],
    verdicts: [v('expel-diplomats', 'north-gov', 'retorsion', 'concern')],
    sources: ['CBM-8', 'CBM-13'],
    note: 'Notice counts only when sent since the incident it concerns: one from before is about something else.',
    covers: ['notice-after'],
  },
  {
    id: 'CB-34',
    topic: 'cbm',
    title: 'Notice to the wrong state',
    situation:
      'Northland probes Southland. Southland notifies Westland’s government at minute 10 and expels Northland diplomats at minute 15.',
    before: [probe, decided(10, 'south', ['notify-contact-point', 'west-gov'])],
    decision: { at: 15, team: 'south', actions: [['expel-diplomats', 'north-gov']] },
    expected: [f(NOTIFY, 'concern', '-', 'expel-diplomats')],
    verdicts: [v('expel-diplomats', 'north-gov', 'retorsion', 'concern')],
    sources: ['CBM-8', 'CBM-13'],
    covers: ['notice-wrong-state'],
  },
  {
    id: 'CB-35',
    topic: 'cbm',
    title: 'Notice by a hotline message',
    situation:
      'Northland probes Southland. Southland writes to Northland on the North–South hotline at minute 10 and expels Northland diplomats at minute 15.',
    before: [
      probe,
      {
        at: 10,
        message: { team: 'south', channel: 'hotline', text: 'We hold you responsible and will act.' },
      },
    ],
    decision: { at: 15, team: 'south', actions: [['expel-diplomats', 'north-gov']] },
    expected: [f(NOTIFY, 'note', '+', 'expel-diplomats')],
    verdicts: [v('expel-diplomats', 'north-gov', 'retorsion', 'acceptable')],
    sources: ['CBM-8', 'CBM-13'],
    covers: ['notice-before'],
  },
  {
    id: 'CB-36',
    topic: 'cbm',
    title: 'Notice before a step that is itself a violation',
    situation:
      'Northland probes Southland. Southland calls Northland on the hotline and, in the same decision, attacks Northland’s water utility.',
    before: [probe],
    decision: {
      at: 10,
      team: 'south',
      actions: [
        ['activate-hotline', 'north-gov'],
        ['attack-critical-infrastructure', 'north-water'],
      ],
    },
    expected: [
      f(CI, 'violation', '-', 'attack-critical-infrastructure'),
      f(CM, 'violation', '-', 'attack-critical-infrastructure'),
    ],
    verdicts: [
      v('activate-hotline', 'north-gov', 'cooperative', 'acceptable'),
      v('attack-critical-infrastructure', 'north-water', 'countermeasure', 'violation'),
    ],
    sources: ['NORM-F', 'TM2-R4', 'CBM-8', 'CBM-13'],
    note: 'Notice before a wrongful act earns no credit, and neither does the call as crisis communication: a call that announces a wrongful act prevents no misperception, it delivers the act.',
    withholds: [NOTIFY, CRISIS],
    covers: ['notice-before-violation'],
  },
  {
    id: 'CB-37',
    topic: 'cbm',
    title: 'Consultations while tension is high',
    situation: 'Northland’s probe of Southland (ESC-4) goes on. Southland asks Northland for consultations.',
    before: [probe],
    decision: { at: 10, team: 'south', actions: [['request-consultations', 'north-gov']] },
    expected: [f(CONSULT, 'commendation', '+', 'request-consultations')],
    verdicts: [v('request-consultations', 'north-gov', 'cooperative', 'commendation')],
    sources: ['CBM-3'],
  },
  {
    id: 'CB-38',
    topic: 'cbm',
    title: 'Consultations when nothing is at stake',
    situation:
      'Nothing has happened between Northland and Southland. Southland asks Northland for consultations.',
    before: [],
    decision: { at: 10, team: 'south', actions: [['request-consultations', 'north-gov']] },
    expected: [],
    verdicts: [v('request-consultations', 'north-gov', 'cooperative', 'acceptable')],
    sources: ['CBM-3'],
    note: 'Consultation is credited when tension is at ESC-2 or above; with nothing at stake it is ordinary diplomacy.',
    withholds: [CONSULT],
  },
  {
    id: 'CB-39',
    topic: 'cbm',
    title: 'The hotline in a crisis',
    situation: 'Northland’s blackout of Southland (ESC-7) goes on. Southland calls Northland on the hotline.',
    before: [probe, blackout],
    decision: { at: 35, team: 'south', actions: [['activate-hotline', 'north-gov']] },
    expected: [f(CRISIS, 'commendation', '+', 'activate-hotline')],
    verdicts: [v('activate-hotline', 'north-gov', 'cooperative', 'commendation')],
    sources: ['CBM-8', 'CBM-13'],
  },
  {
    id: 'CB-40',
    topic: 'cbm',
    title: 'The hotline when all is calm',
    situation:
      'Nothing has happened between Northland and Southland. Southland calls Northland on the hotline.',
    before: [],
    decision: { at: 10, team: 'south', actions: [['activate-hotline', 'north-gov']] },
    expected: [],
    verdicts: [v('activate-hotline', 'north-gov', 'cooperative', 'acceptable')],
    sources: ['CBM-8', 'CBM-13'],
    note: 'Crisis communication is credited in a crisis (tension at ESC-2 or above).',
    withholds: [CRISIS],
  },
];

// Attribution: an assessment naming Northland at a grade of evidence reaches every team at minute 45; Southland
// notifies Northland's contact point at 46 and names Northland publicly at 50 with the confidence it states.
type Grade = 'none' | 'low' | 'moderate' | 'high';
const attributed = (grade: Grade): Step[] => [
  fire(45, `claim-${grade}`),
  decided(46, 'south', ['notify-contact-point', 'north-gov']),
];
const gradeWords: Record<Grade, string> = {
  none: 'that names Northland but carries no evidence',
  low: 'naming Northland on low evidence',
  moderate: 'naming Northland on moderate evidence',
  high: 'naming Northland on high evidence',
};
const GRID: [Grade, AttributionConfidence, FindingSeverity, Points][] = [
  ['none', 'low', 'violation', '-'],
  ['none', 'moderate', 'violation', '-'],
  ['none', 'high', 'violation', '-'],
  ['low', 'low', 'violation', '-'],
  ['low', 'moderate', 'violation', '-'],
  ['low', 'high', 'violation', '-'],
  ['moderate', 'low', 'note', '0'],
  ['moderate', 'moderate', 'commendation', '+'],
  ['moderate', 'high', 'concern', '-'],
  ['high', 'low', 'note', '0'],
  ['high', 'moderate', 'note', '0'],
  ['high', 'high', 'commendation', '+'],
];
const gridTitle = (grade: Grade, confidence: AttributionConfidence, severity: FindingSeverity): string => {
  if (severity === 'violation')
    return `Naming a state on ${grade === 'none' ? 'no' : grade} evidence, stated with ${confidence} confidence`;
  if (severity === 'concern') return `Enough evidence (${grade}), but ${confidence} confidence claimed`;
  if (severity === 'commendation')
    return `A calibrated attribution: ${grade} evidence, ${confidence} confidence`;
  return `A cautious attribution: ${grade} evidence, ${confidence} confidence`;
};
const GRID_NOTES: Record<FindingSeverity, string> = {
  violation:
    'Naming a state cannot be taken back, so NORM-B asks for all relevant information first: the rules require moderate evidence the team itself received. Short of it, the attribution costs more the less evidence there was and the more confidence was claimed beyond it. The notice to Northland earns nothing before a step that is itself a violation.',
  concern:
    'The evidence supports naming Northland, but a public statement should claim no more certainty than the evidence gives.',
  commendation:
    'Made on enough evidence and with the confidence the evidence supports: a calibrated attribution, and the notice before it counts.',
  note: 'Stating less confidence than the evidence gives costs nothing and earns nothing: acceptable. The notice before it counts.',
};
const attribution: Case[] = [
  ...GRID.map(([grade, confidence, severity, points], i): Case => ({
    id: `CB-${41 + i}`,
    topic: 'attribution',
    title: gridTitle(grade, confidence, severity),
    situation: `An operation against Southland’s networks (ESC-4) goes on. Southland receives an assessment ${gradeWords[grade]}, notifies Northland’s contact point, and then names Northland publicly, stating ${confidence} confidence.`,
    before: attributed(grade),
    decision: { at: 50, team: 'south', actions: [['public-attribution', 'north-gov']], confidence },
    expected: [
      f(ATTR, severity, points, 'public-attribution'),
      ...(severity === 'violation' ? [] : [f(NOTIFY, 'note', '+', 'public-attribution')]),
    ],
    sources: ['NORM-B', 'EU-TOOLBOX', 'CBM-8'],
    verdicts: [
      v('public-attribution', 'north-gov', 'retorsion', severity === 'note' ? 'acceptable' : severity),
    ],
    note: GRID_NOTES[severity],
    ...(severity === 'violation' ? { covers: ['notice-before-violation'] } : {}),
  })),
  {
    id: 'CB-53',
    topic: 'attribution',
    title: 'A joint attribution on moderate evidence',
    situation:
      'Southland receives an assessment naming Northland on moderate evidence and notifies Northland’s contact point; it then names Northland together with its partners, stating moderate confidence.',
    before: attributed('moderate'),
    decision: {
      at: 50,
      team: 'south',
      actions: [['joint-attribution', 'north-gov']],
      confidence: 'moderate',
    },
    expected: [
      f(ATTR, 'commendation', '+', 'joint-attribution'),
      f(NOTIFY, 'note', '+', 'joint-attribution'),
    ],
    verdicts: [v('joint-attribution', 'north-gov', 'retorsion', 'commendation')],
    sources: ['NORM-B', 'CBM-2', 'CBM-3', 'EU-TOOLBOX'],
    note: 'A well-founded attribution made with partners weighs more and is less likely to be wrong; it earns more than one made alone.',
    covers: ['joint-attribution'],
  },
  {
    id: 'CB-54',
    topic: 'attribution',
    title: 'Partners do not cure a want of evidence',
    situation:
      'Southland holds only low evidence against Northland; it names Northland jointly with partners, stating low confidence.',
    before: attributed('low'),
    decision: { at: 50, team: 'south', actions: [['joint-attribution', 'north-gov']], confidence: 'low' },
    expected: [f(ATTR, 'violation', '-', 'joint-attribution')],
    verdicts: [v('joint-attribution', 'north-gov', 'retorsion', 'violation')],
    sources: ['NORM-B'],
    note: 'Coordination cannot cure a want of evidence: partners naming a state together on low evidence are no better founded.',
    covers: ['joint-attribution'],
  },
  {
    id: 'CB-55',
    topic: 'attribution',
    title: 'Attribution after sharing with the CERT, confidence unstated',
    situation:
      'Southland receives an assessment naming Northland on moderate evidence; it shares the indicators with SL-CERT and notifies Northland’s contact point, then names Northland publicly without stating any confidence.',
    before: [
      fire(45, 'claim-moderate'),
      decided(46, 'south', ['share-indicators', 'south-cert'], ['notify-contact-point', 'north-gov']),
    ],
    decision: { at: 50, team: 'south', actions: [['public-attribution', 'north-gov']] },
    expected: [
      f(ATTR, 'commendation', '+', 'public-attribution'),
      f(NOTIFY, 'note', '+', 'public-attribution'),
    ],
    verdicts: [v('public-attribution', 'north-gov', 'retorsion', 'commendation')],
    sources: ['NORM-B', 'NORM-D', 'CBM-2'],
    note: 'With no confidence stated, the attribution is judged as stating moderate confidence and earns no credit for calibration; having shared with SL-CERT first, it is credited as coordinated.',
  },
  {
    id: 'CB-56',
    topic: 'attribution',
    title: 'Attribution on evidence only another team received',
    situation:
      'Westland’s intelligence is sure Northland ran the probe (high evidence), but that inject went to Westland only; Southland has received nothing naming Northland. Southland notifies Northland’s contact point and names Northland publicly with high confidence.',
    before: [fire(45, 'west-intel'), decided(46, 'south', ['notify-contact-point', 'north-gov'])],
    decision: { at: 50, team: 'south', actions: [['public-attribution', 'north-gov']], confidence: 'high' },
    expected: [
      f(ATTR, 'violation', '-', 'public-attribution'),
      f(PROP, 'concern', '-', 'public-attribution'),
    ],
    verdicts: [v('public-attribution', 'north-gov', 'retorsion', 'violation')],
    sources: ['NORM-B', 'EU-TOOLBOX'],
    note: 'Each team is judged on what it was told. Naming a state that nothing the team received connects to an act is also weighed, as retorsion, against no act at all.',
  },
];

const cooperation: Case[] = [
  {
    id: 'CB-57',
    topic: 'cooperation',
    title: 'A foreign request for assistance, answered',
    situation:
      'Southland asks Westland for incident responders (an inject to Westland with a prompt). Westland offers assistance to SL-CERT.',
    before: [fire(20, 'help-asked')],
    decision: { at: 22, team: 'west', inject: 'help-asked', actions: [['offer-assistance', 'south-cert']] },
    expected: [f(ASSIST, 'commendation', '+', 'offer-assistance')],
    verdicts: [v('offer-assistance', 'south-cert', 'cooperative', 'commendation')],
    sources: ['NORM-H', 'CBM-15'],
    covers: ['foreign-request'],
  },
  {
    id: 'CB-58',
    topic: 'cooperation',
    title: 'A request made in an earlier decision, answered',
    situation:
      'Northland probes Southland; Southland’s cabinet asks Westland’s government for assistance. Westland offers assistance to Southland’s government.',
    before: [probe, decided(10, 'south', ['request-assistance', 'west-gov'])],
    decision: { at: 15, team: 'west', actions: [['offer-assistance', 'south-gov']] },
    expected: [f(ASSIST, 'commendation', '+', 'offer-assistance')],
    verdicts: [v('offer-assistance', 'south-gov', 'cooperative', 'commendation')],
    sources: ['NORM-H', 'CBM-13', 'CBM-15'],
    covers: ['foreign-request'],
  },
  {
    id: 'CB-59',
    topic: 'cooperation',
    title: 'A domestic request: the grid operator asks its CERT',
    situation:
      'Northland probes Southland. The Southland grid control room asks SL-CERT for assistance; the SL-CERT team offers assistance to the grid.',
    before: [probe, decided(10, 'sl-grid', ['request-assistance', 'south-cert'])],
    decision: { at: 15, team: 'sl-cert', actions: [['offer-assistance', 'south-grid']] },
    expected: [f(ASSIST, 'commendation', '+', 'offer-assistance')],
    verdicts: [v('offer-assistance', 'south-grid', 'cooperative', 'commendation')],
    sources: ['NORM-H', 'CBM-14', 'CBM-15'],
    note: 'Norm H covers requests from one’s own operators too; public-private cooperation (CBM-14) is cited beside it.',
    covers: ['domestic-request'],
  },
  {
    id: 'CB-60',
    topic: 'cooperation',
    title: 'An offer nobody asked for',
    situation:
      'Northland probes Southland; nobody has asked Westland for anything. Westland offers assistance to Southland’s government.',
    before: [probe],
    decision: { at: 10, team: 'west', actions: [['offer-assistance', 'south-gov']] },
    expected: [],
    verdicts: [v('offer-assistance', 'south-gov', 'cooperative', 'acceptable')],
    sources: ['NORM-H'],
    note: 'Credit is for answering a request for assistance (NORM-H); an unasked offer is welcome but not what the norm asks.',
    withholds: [ASSIST],
  },
  {
    id: 'CB-61',
    topic: 'cooperation',
    title: 'Asked for responders, sending indicators instead',
    situation:
      'Southland asks Westland for incident responders. Westland answers by sharing indicators of compromise with SL-CERT, offering no assistance.',
    before: [fire(20, 'help-asked')],
    decision: { at: 22, team: 'west', inject: 'help-asked', actions: [['share-indicators', 'south-cert']] },
    expected: [f(SHARE, 'commendation', '+', 'share-indicators')],
    verdicts: [v('share-indicators', 'south-cert', 'cooperative', 'commendation')],
    sources: ['NORM-H', 'NORM-D', 'CBM-2'],
    note: 'The indicators are credited as information sharing, but Westland did not give the help it was asked for.',
    withholds: [ASSIST],
  },
  {
    id: 'CB-62',
    topic: 'cooperation',
    title: 'Sharing with operators and the public',
    situation:
      'Northland probes Southland. Southland shares indicators with its grid operator and issues a public advisory that names no state.',
    before: [probe],
    decision: {
      at: 10,
      team: 'south',
      actions: [['share-indicators', 'south-grid'], ['issue-public-advisory']],
    },
    expected: [f(SHARE, 'commendation', '+', 'share-indicators')],
    verdicts: [
      v('share-indicators', 'south-grid', 'cooperative', 'commendation'),
      v('issue-public-advisory', undefined, 'cooperative', 'acceptable'),
    ],
    sources: ['NORM-D', 'CBM-2', 'CBM-14', 'CBM-16'],
  },
  {
    id: 'CB-63',
    topic: 'cooperation',
    title: 'Containment at home shares nothing',
    situation:
      'Northland probes Southland. On its own initiative Southland isolates and restores its own systems, telling no one.',
    before: [probe],
    decision: { at: 10, team: 'south', actions: [['isolate-and-restore']] },
    expected: [],
    verdicts: [v('isolate-and-restore', undefined, 'defensive', 'acceptable')],
    sources: ['NORM-G', 'NORM-D'],
    note: 'Protecting one’s own systems is right (NORM-G), but it puts nothing in the hands of other defenders.',
    withholds: [SHARE],
  },
];

const diligence: Case[] = [
  {
    id: 'CB-64',
    topic: 'diligence',
    title: 'Asked to act, Northland takes the servers down',
    situation:
      'Southland tells Northland (an inject to Northland with a prompt) that the attack servers are at BorealHost, a Northland company. Northland acts against the activity at BorealHost.',
    before: [fire(25, 'stop-it')],
    decision: {
      at: 27,
      team: 'north',
      inject: 'stop-it',
      actions: [['mitigate-activity-from-territory', 'north-host']],
    },
    expected: [f(DD, 'commendation', '+', 'mitigate-activity-from-territory')],
    verdicts: [v('mitigate-activity-from-territory', 'north-host', 'cooperative', 'commendation')],
    sources: ['NORM-C', 'NORM-H', 'DUE-DILIGENCE', 'CBM-6'],
  },
  {
    id: 'CB-65',
    topic: 'diligence',
    title: 'Told through the contact point, Northland seizes the servers',
    situation:
      'Northland probes Southland. Southland notifies Northland’s contact point of the activity. Northland obtains a court order and has the servers at BorealHost seized.',
    before: [probe, decided(10, 'south', ['notify-contact-point', 'north-gov'])],
    decision: { at: 15, team: 'north', actions: [['seize-infrastructure-on-territory', 'north-host']] },
    expected: [f(DD, 'commendation', '+', 'seize-infrastructure-on-territory')],
    verdicts: [v('seize-infrastructure-on-territory', 'north-host', 'defensive', 'commendation')],
    sources: ['NORM-C', 'DUE-DILIGENCE', 'CBM-6'],
    covers: ['law-enforcement'],
  },
  {
    id: 'CB-66',
    topic: 'diligence',
    title: 'Asked for mitigation, Northland opens a criminal investigation',
    situation:
      'Northland probes Southland. Southland asks Northland to mitigate the activity from its territory. Northland opens a criminal investigation into BorealHost.',
    before: [probe, decided(10, 'south', ['request-mitigation', 'north-gov'])],
    decision: { at: 15, team: 'north', actions: [['investigate-activity-from-territory', 'north-host']] },
    expected: [f(DD, 'commendation', '+', 'investigate-activity-from-territory')],
    verdicts: [v('investigate-activity-from-territory', 'north-host', 'defensive', 'commendation')],
    sources: ['NORM-C', 'NORM-D', 'DUE-DILIGENCE', 'CBM-6'],
    covers: ['law-enforcement'],
  },
  {
    id: 'CB-67',
    topic: 'diligence',
    title: 'Asked to act, Northland only talks',
    situation:
      'Southland tells Northland that the attack servers are at BorealHost. Northland answers only by calling Southland on the hotline.',
    before: [fire(25, 'stop-it')],
    decision: { at: 27, team: 'north', inject: 'stop-it', actions: [['activate-hotline', 'south-gov']] },
    expected: [f(DD, 'concern', '-')],
    verdicts: [v('activate-hotline', 'south-gov', 'cooperative', 'acceptable')],
    sources: ['NORM-C', 'DUE-DILIGENCE'],
    note: 'A concern, not a violation: due diligence is an obligation of conduct when a state knows and can act, and some states hold it a voluntary norm.',
  },
  {
    id: 'CB-68',
    topic: 'diligence',
    title: 'Acting unasked',
    situation:
      'Northland probes Southland; nobody has told Northland anything. Northland has the servers at BorealHost seized on its own initiative.',
    before: [probe],
    decision: { at: 10, team: 'north', actions: [['seize-infrastructure-on-territory', 'north-host']] },
    expected: [],
    verdicts: [v('seize-infrastructure-on-territory', 'north-host', 'defensive', 'acceptable')],
    sources: ['NORM-C', 'DUE-DILIGENCE'],
    note: 'Due diligence is owed once a state knows of the activity; acting before being told is good practice the rules do not score.',
    withholds: [DD],
    covers: ['law-enforcement'],
  },
];

const timeliness: Case[] = [
  {
    id: 'CB-69',
    topic: 'timeliness',
    title: 'A deadline missed',
    situation:
      'Northland probes Southland; the probe’s prompt must be answered within 15 minutes (by 00:20). Southland decides nothing, and the clock passes the deadline.',
    before: [probe],
    tick: { at: 21, team: 'south' },
    expected: [f(LATE, 'concern', '-')],
    sources: ['HSEEP'],
    covers: ['missed'],
  },
  {
    id: 'CB-70',
    topic: 'timeliness',
    title: 'An answer that comes too late',
    situation:
      'Northland probes Southland (deadline 00:20). Southland tries to answer at minute 22; the engine refuses the late answer, and the clock records the deadline as missed.',
    before: [probe],
    decision: {
      at: 22,
      team: 'south',
      inject: 'probe',
      actions: [['activate-hotline', 'north-gov']],
      refused: 'DEADLINE_PASSED',
    },
    expected: [f(LATE, 'concern', '-')],
    verdicts: [],
    sources: ['HSEEP'],
    note: 'The engine accepts no answer once the deadline has passed; the missed deadline is what is judged.',
    covers: ['late'],
  },
  {
    id: 'CB-71',
    topic: 'timeliness',
    title: 'An answer on time',
    situation:
      'Northland probes Southland (deadline 00:20). Southland answers at minute 12 by reporting the incident to SL-CERT.',
    before: [probe],
    decision: { at: 12, team: 'south', inject: 'probe', actions: [['report-to-cert', 'south-cert']] },
    expected: [f(PROP, 'commendation', '+'), f(SHARE, 'commendation', '+', 'report-to-cert')],
    verdicts: [v('report-to-cert', 'south-cert', 'cooperative', 'commendation')],
    sources: ['HSEEP', 'NORM-D', 'CBM-2'],
    clears: [LATE],
  },
  {
    id: 'CB-72',
    topic: 'timeliness',
    title: 'A prompt without a deadline',
    situation:
      'Southland tells Northland that the attack servers are at BorealHost, with no deadline to answer. Northland acts against them half an hour later.',
    before: [fire(25, 'stop-it')],
    decision: {
      at: 55,
      team: 'north',
      inject: 'stop-it',
      actions: [['mitigate-activity-from-territory', 'north-host']],
    },
    expected: [f(DD, 'commendation', '+', 'mitigate-activity-from-territory')],
    verdicts: [v('mitigate-activity-from-territory', 'north-host', 'cooperative', 'commendation')],
    sources: ['HSEEP', 'NORM-C'],
    note: 'Speed alone earns nothing, and a prompt without a deadline cannot be late.',
    clears: [LATE],
  },
];

const unplayed: Case[] = [
  {
    id: 'CB-73',
    topic: 'unplayed',
    title: 'A team nobody plays lets a deadline pass',
    situation:
      'No delegate came for the regional forum; the white cell marks it not played. The probe’s deadline passes without its decision.',
    before: [{ at: 1, mark: { team: 'forum', played: false, reason: 'No delegate came' } }, probe],
    tick: { at: 21, team: 'forum' },
    expected: [],
    sources: ['HSEEP'],
    note: 'A team nobody plays is not judged: its missed deadline costs nothing, and its scoreboard line says “not played”.',
    clears: [LATE],
    covers: ['unplayed'],
  },
  {
    id: 'CB-74',
    topic: 'unplayed',
    title: 'A decision entered for a team nobody plays',
    situation:
      'Northland’s cabinet is marked not played. The white cell enters for it a disruptive operation against SL-CERT (the scenario’s scripted Northland move).',
    before: [{ at: 1, mark: { team: 'north', played: false } }, probe],
    decision: { at: 8, team: 'north', actions: [['disruptive-operation', 'south-cert']], byWhiteCell: true },
    expected: [],
    verdicts: [],
    sources: ['HSEEP'],
    note: 'A decision the white cell enters for a team nobody plays still moves the escalation levels between the states, but no rule judges it.',
    clears: [CERT, CM, NOTIFY],
    covers: ['unplayed'],
  },
  {
    id: 'CB-75',
    topic: 'unplayed',
    title: 'A team that turns up late is judged from then on',
    situation:
      'Westland’s cabinet is marked not played at the start. The deadlines of the probe and of Southland’s request for help pass while nobody plays it. At minute 43 its delegates arrive and it is marked played; the blackout, which reached it at minute 31 with a deadline of 00:46, is still open, and Westland lets that deadline pass.',
    before: [
      { at: 1, mark: { team: 'west', played: false } },
      probe,
      { at: 21, tick: true },
      { at: 31, tick: true },
      { at: 42, tick: true },
      { at: 43, mark: { team: 'west', played: true, reason: 'Arrived late' } },
    ],
    tick: { at: 47, team: 'west' },
    expected: [f(LATE, 'concern', '-')],
    sources: ['HSEEP'],
    note: 'What fell due while nobody played Westland stays unpenalised; once marked played, it is judged like any team.',
    covers: ['unplayed', 'missed'],
  },
];

const force: Case[] = [
  {
    id: 'CB-76',
    topic: 'retorsion',
    title: 'Self-defence against an armed attack, reported to the Security Council',
    situation:
      'Northland launches an armed attack on Southland (ESC-10, SEV-5, high evidence) that goes on. Southland calls on Northland to stop; the attack continues, and Southland answers with a limited strike on Northland Cyber Command, reporting it to the UN Security Council in the same decision.',
    before: [fire(30, 'invasion'), demarche(31)],
    decision: {
      at: 35,
      team: 'south',
      actions: [['limited-strike', 'north-mil'], ['report-to-security-council']],
    },
    expected: [f(FORCE, 'note', '0', 'limited-strike'), f(NOTIFY, 'note', '+', 'limited-strike')],
    verdicts: [
      v('limited-strike', 'north-mil', 'use-of-force', 'acceptable'),
      v('report-to-security-council', undefined, 'defensive', 'acceptable'),
    ],
    sources: ['UN-CHARTER-51', 'UN-CHARTER-2-4', 'TM2-R71', 'TM2-R72', 'TM2-R73', 'TM2-R75'],
    note: 'Force is lawful in self-defence against an armed attack when it is necessary (peaceful means tried), immediate and proportionate, and Article 51 asks that it be reported to the Security Council at once: every condition holds, so the strike is acceptable, never commended.',
  },
  {
    id: 'CB-77',
    topic: 'retorsion',
    title: 'Self-defence left unreported',
    situation:
      'The same armed attack and démarche; Southland strikes Northland Cyber Command but does not report it to the Security Council.',
    before: [fire(30, 'invasion'), demarche(31)],
    decision: { at: 35, team: 'south', actions: [['limited-strike', 'north-mil']] },
    expected: [f(FORCE, 'concern', '-', 'limited-strike'), f(NOTIFY, 'note', '+', 'limited-strike')],
    verdicts: [v('limited-strike', 'north-mil', 'use-of-force', 'concern')],
    sources: ['UN-CHARTER-51', 'TM2-R75'],
    note: 'The report is a procedural duty: failing it does not by itself make the force unlawful, but it is a concern.',
  },
];

export const CASES: readonly Case[] = [
  ...countermeasures,
  ...protectedTargets,
  ...retorsion,
  ...cbm,
  ...attribution,
  ...cooperation,
  ...diligence,
  ...timeliness,
  ...unplayed,
  ...force,
];
