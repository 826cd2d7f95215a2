// Words and colours the screens use for the exercise vocabulary, in one place.
import type { ActionCategory, ChannelKind, FindingSeverity, HseepRating, InjectChannel } from '@ttx/scenario';

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

export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

/** Abbreviations kept in capitals when an id is turned into words. */
const ACRONYMS = /\b(cbm|cert|esc|ip|aar)\b/gi;

export function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').replace(ACRONYMS, (word) => word.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}
