// The law's view of an exercise for countermeasures and proportionality: the acts a team has been told of, whether
// they still go on, how grave they are, and how grave a response's expected effects would be.
import { EVIDENCE_LEVELS, severityLevel, type Action, type EvidenceLevel, type Sector, type Target, type TargetKind } from '@ttx/scenario';
import { releasedIncidents, type ChosenAction, type ReleasedIncident, type RuleContext } from './rule-context.js';

/** A released incident the team received, and whether a later inject (or its own flag) says it has ended. */
export interface KnownIncident extends ReleasedIncident {
  /** The inject that ended it, or the incident itself when it was reported as over. */
  endedBy?: string;
}

/** Sectors that serve the state itself rather than the public: an act on them has no civilian effects by nature. */
const STATE_SECTORS: readonly Sector[] = ['government-facilities', 'defense-industrial-base'];
/** Target kinds whose harm reaches civilians. */
const CIVILIAN_TARGETS: readonly TargetKind[] = ['critical-infrastructure', 'cert', 'private-company'];

/** Incidents of injects released to the team, oldest first, each marked ended when an inject released so far ends it. */
export function knownIncidents(context: Pick<RuleContext, 'state' | 'world' | 'team'>): KnownIncident[] {
  const all = releasedIncidents(context);
  const ended = new Map<string, string>();
  for (const record of Object.values(context.state.injects)) {
    if (record.status !== 'released') continue;
    for (const endedId of context.world.injects.get(record.injectId)?.endsIncidents ?? []) ended.set(endedId, record.injectId);
  }
  const known: KnownIncident[] = [];
  for (const released of all) {
    if (!receivedBy(context, released.inject.id)) continue;
    const endedBy = ended.get(released.inject.id) ?? (released.incident.ongoing ? undefined : released.inject.id);
    known.push(endedBy === undefined ? released : { ...released, endedBy });
  }
  return known;
}

/** Whether the released inject reached the team: its audience as released (an edit may have changed it). */
export function receivedBy(context: Pick<RuleContext, 'state' | 'team'>, injectId: string): boolean {
  const released = context.state.injects[injectId]?.released;
  return released !== undefined && released.audience.includes(context.team.id);
}

/** Whether the incident injured `state`: it was the victim or one of the other states hit. */
export function injured(incident: ReleasedIncident, state: string | undefined): boolean {
  return state !== undefined && (incident.incident.victim === state || (incident.incident.alsoHit ?? []).includes(state));
}

/** The gravity of an act on the SEV-0…5 scale: its severity, one more for civilian effects, one more when several states were hit. */
export interface Injury {
  level: number;
  severity: string;
  civilian: boolean;
  statesHit: number;
}

export function injuryOf(known: ReleasedIncident): Injury {
  const sector = known.inject.sector;
  const civilian = sector !== undefined && !STATE_SECTORS.includes(sector);
  const statesHit = 1 + (known.incident.alsoHit?.length ?? 0);
  const level = Math.min(5, severityLevel(known.inject.severity) + (civilian ? 1 : 0) + (statesHit > 1 ? 1 : 0));
  return { level, severity: known.inject.severity, civilian, statesHit };
}

/** The gravest of `acts` by injury (the first of equals), or undefined when there are none. */
export function gravestAct<T extends ReleasedIncident>(acts: readonly T[]): T | undefined {
  return acts.reduce<T | undefined>((w, k) => (!w || injuryOf(k).level > injuryOf(w).level ? k : w), undefined);
}

/** Expected severity of an action's effects when the catalogue gives none: by rung (ESC-0…10). */
const EFFECTS_BY_RUNG = [0, 0, 0, 1, 1, 1, 2, 3, 4, 4, 5];

/** Expected gravity of a response on the same scale: its effects, one more on a civilian target, one more when other states depend on it. */
export function responseGravity(chosen: Pick<ChosenAction, 'action' | 'rung' | 'target'>): number {
  const base = effectsOf(chosen.action, chosen.rung);
  return Math.min(5, base + (isCivilian(chosen.target) ? 1 : 0) + ((chosen.target?.affects?.length ?? 0) > 0 ? 1 : 0));
}

export function effectsOf(action: Action, rung: number): number {
  return action.effects === undefined ? EFFECTS_BY_RUNG[rung] : severityLevel(action.effects);
}

export function isCivilian(target: Target | undefined): boolean {
  if (target === undefined) return false;
  if (target.sector !== undefined) return !STATE_SECTORS.includes(target.sector);
  return CIVILIAN_TARGETS.includes(target.kind);
}

/** The highest evidence among `incidents`, with the inject that carries it (the latest of equals). */
export function strongestEvidence(incidents: readonly ReleasedIncident[]): { evidence: EvidenceLevel; injectId?: string } {
  let best: ReleasedIncident | undefined;
  for (const known of incidents) {
    if (!best || EVIDENCE_LEVELS.indexOf(known.incident.evidence) >= EVIDENCE_LEVELS.indexOf(best.incident.evidence)) best = known;
  }
  return best ? { evidence: best.incident.evidence, injectId: best.inject.id } : { evidence: 'none' };
}

/** `SEV-n` for a level. */
export const sev = (level: number): string => `SEV-${level}`;
