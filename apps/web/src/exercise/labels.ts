// Words and colours the screens use for the exercise vocabulary, in one place; events are worded by the engine's
// event registry (`eventWords`), with the names below.
import type { ExerciseDetail } from '@ttx/contracts';
import { eventNamesFrom, type EventNames } from '@ttx/engine';
import type { ActionCategory, ActionCharacter, ChannelKind, FindingSeverity, HseepRating, InjectChannel, Verdict } from '@ttx/scenario';

export const INJECT_CHANNEL_LABEL: Record<InjectChannel, string> = {
  intelligence: 'Intelligence report',
  news: 'News article',
  email: 'Email',
  'cert-advisory': 'CERT advisory',
  'hotline-call': 'Hotline call',
  'social-media': 'Social media post',
};

export const INJECT_CHANNEL_COLOR: Record<InjectChannel, string> = {
  intelligence: 'grape',
  news: 'blue',
  email: 'gray',
  'cert-advisory': 'orange',
  'hotline-call': 'red',
  'social-media': 'cyan',
};

export const CHANNEL_KIND_LABEL: Record<ChannelKind, string> = {
  'team-chat': 'Team chat',
  hotline: 'Inter-state hotline',
  'cert-network': 'CERT-to-CERT network',
};

export const CATEGORY_LABEL: Record<ActionCategory, string> = {
  cooperative: 'Cooperative',
  diplomatic: 'Diplomatic',
  economic: 'Economic',
  legal: 'Legal',
  cyber: 'Cyber',
  military: 'Military',
};

export const FINDING_COLOR: Record<FindingSeverity, string> = {
  commendation: 'teal',
  note: 'blue',
  concern: 'yellow',
  violation: 'red',
};

export const VERDICT_COLOR: Record<Verdict, string> = {
  commendation: 'teal',
  acceptable: 'gray',
  concern: 'yellow',
  violation: 'red',
};

export const CHARACTER_LABEL: Record<ActionCharacter, string> = {
  cooperative: 'Cooperation',
  defensive: 'Defence at home',
  retorsion: 'Retorsion',
  countermeasure: 'Countermeasure',
  'use-of-force': 'Use of force',
};

export const HSEEP_LABEL: Record<HseepRating, string> = {
  P: 'P — Performed without challenges',
  S: 'S — Performed with some challenges',
  M: 'M — Performed with major challenges',
  U: 'U — Unable to be performed',
};

/** SEV-0…5 to a colour from calm to alarming. */
export function severityColor(severity: string): string {
  const level = Number(severity.replace(/^SEV-/, ''));
  return ['gray', 'blue', 'yellow', 'orange', 'red', 'red'][level] ?? 'gray';
}

export function rungColor(level: number): string {
  if (level <= 0) return 'teal';
  if (level <= 3) return 'yellow';
  if (level <= 6) return 'orange';
  return 'red';
}

/** A signed score change, as the event wording writes it. */
export { signed as formatDelta } from '@ttx/engine';

/** Abbreviations kept in capitals when an id is turned into words. */
const ACRONYMS = /\b(cbm|cert|esc|ip|aar)\b/gi;

export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').replace(ACRONYMS, (word) => word.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const byId = <T extends { id: string }>(items: readonly T[] | undefined, name: (item: T) => string) =>
  new Map((items ?? []).map((item) => [item.id, name(item)]));

/** The names events are worded with, from what the screen knows of the exercise and the injects it has seen. */
export function eventNamesOf(
  detail: ExerciseDetail | undefined,
  injects: readonly { injectId: string; title: string }[] = [],
): EventNames {
  return eventNamesFrom({
    teams: byId(detail?.teams, (t) => t.name),
    states: byId(detail?.scenario.states, (s) => s.name),
    actions: byId(detail?.catalogue.actions, (a) => a.name),
    targets: byId(detail?.scenario.targets, (t) => t.name),
    channels: byId(detail?.scenario.channels, (c) => c.name),
    injects: new Map(injects.map((i) => [i.injectId, i.title])),
  });
}
