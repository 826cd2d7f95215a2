// The fixed vocabulary of the exercise world: citations, ladders, actor and channel kinds (docs/scenario-format.md).

/** UN GGE 2015 norms (A/70/174 para 13 a–k). */
export const NORMS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((l) => `NORM-${l}`);
/** OSCE ICT confidence-building measures (PC.DEC/1106 and 1202). */
export const CBMS = Array.from({ length: 16 }, (_, i) => `CBM-${i + 1}`);
/** Tallinn Manual 2.0 rules cited by the rules library. */
export const TALLINN_RULES = [
  'TM2-R4',
  'TM2-R20',
  'TM2-R21',
  'TM2-R22',
  'TM2-R23',
  'TM2-R24',
  'TM2-R25',
  'TM2-R26',
  'TM2-R68',
  'TM2-R69',
  'TM2-R70',
  'TM2-R71',
  'TM2-R72',
  'TM2-R73',
  'TM2-R74',
  'TM2-R75',
  'TM2-R92',
  'TM2-R93',
];
/** ILC Articles on State Responsibility (ARSIWA 2001) on countermeasures. */
export const ILC_ARTICLES = ['ILC-22', 'ILC-49', 'ILC-50', 'ILC-51', 'ILC-52', 'ILC-53'];
/** Other instruments a rule may cite. */
export const OTHER_SOURCES = ['CBM-UN-POC', 'EU-TOOLBOX', 'UN-CHARTER-2-4', 'UN-CHARTER-51', 'DUE-DILIGENCE', 'HSEEP'];
export const CITATIONS: readonly string[] = [...NORMS, ...CBMS, ...TALLINN_RULES, ...ILC_ARTICLES, ...OTHER_SOURCES];

export const ESCALATION_RUNGS = Array.from({ length: 11 }, (_, i) => `ESC-${i}`) as readonly string[];
export const SEVERITIES = Array.from({ length: 6 }, (_, i) => `SEV-${i}`) as readonly string[];

/** Rung number of `ESC-n`. */
export function rungLevel(rung: string): number {
  return Number(rung.slice(4));
}
/** Level number of `SEV-n`. */
export function severityLevel(severity: string): number {
  return Number(severity.slice(4));
}

export const ACTOR_KINDS = [
  'state',
  'national-cert',
  'infrastructure-operator',
  'international-body',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Conversation channels a scenario opens between teams. */
export const CHANNEL_KINDS = ['team-chat', 'hotline', 'cert-network'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The medium an inject arrives through, which decides how players see it. */
export const INJECT_CHANNELS = [
  'intelligence',
  'news',
  'email',
  'cert-advisory',
  'hotline-call',
  'social-media',
] as const;
export type InjectChannel = (typeof INJECT_CHANNELS)[number];

/** CISA's 16 critical infrastructure sectors. */
export const SECTORS = [
  'chemical',
  'commercial-facilities',
  'communications',
  'critical-manufacturing',
  'dams',
  'defense-industrial-base',
  'emergency-services',
  'energy',
  'financial-services',
  'food-agriculture',
  'government-facilities',
  'healthcare',
  'information-technology',
  'nuclear',
  'transportation',
  'water',
] as const;
export type Sector = (typeof SECTORS)[number];

/** What a response may be aimed at. */
export const TARGET_KINDS = [
  'state-government',
  'military',
  'critical-infrastructure',
  'cert',
  'private-company',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const ACTION_CATEGORIES = [
  'cooperative',
  'diplomatic',
  'economic',
  'legal',
  'cyber',
  'military',
] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

/** Scoring dimensions, in the order reports show them. */
export const DIMENSIONS = [
  'restraint',
  'proportionality',
  'cbm-use',
  'cooperation',
  'attribution',
  'timeliness',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const FINDING_SEVERITIES = ['commendation', 'note', 'concern', 'violation'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** How an action is characterised in law before it is judged: cooperation, defence at home, retorsion (lawful by
 * nature), a countermeasure (lawful only under its conditions), or a use of force. */
export const ACTION_CHARACTERS = ['cooperative', 'defensive', 'retorsion', 'countermeasure', 'use-of-force'] as const;
export type ActionCharacter = (typeof ACTION_CHARACTERS)[number];

/** The one verdict on each action of a decision, from worst to best. */
export const VERDICTS = ['violation', 'concern', 'acceptable', 'commendation'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** HSEEP Exercise Evaluation Guide ratings. */
export const HSEEP_RATINGS = ['P', 'S', 'M', 'U'] as const;
export type HseepRating = (typeof HSEEP_RATINGS)[number];

/** How much of its own scoring a team sees during play. */
export const FEEDBACK_MODES = ['immediate', 'findings-only', 'debrief'] as const;
export type FeedbackMode = (typeof FEEDBACK_MODES)[number];

/** Confidence in attribution that the released evidence supports. */
export const EVIDENCE_LEVELS = ['none', 'low', 'moderate', 'high'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** What an action means, for the rules that look for it (a démarche before countermeasures, and so on). */
export const ACTION_TRAITS = [
  'hotline',
  'consultation',
  'notification',
  'demarche',
  /** Carries a demand that the other state stop and comply: the call to comply a countermeasure needs. */
  'demand',
  'information-sharing',
  'assistance-request',
  'assistance-offer',
  'mitigation-request',
  'mitigation',
  'law-enforcement',
  'public-attribution',
  'joint-attribution',
  'retorsion',
  'sanction',
  'countermeasure',
  /** Designed to end when the other state complies (ILC Art. 49(2), 53). */
  'temporary',
  'offensive-cyber',
  'use-of-force',
  /** Reports measures taken in self-defence to the UN Security Council (UN Charter Art. 51, TM2-R75). */
  'security-council-report',
] as const;
export type ActionTrait = (typeof ACTION_TRAITS)[number];
