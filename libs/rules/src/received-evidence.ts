// What a team knows: only injects released to it carry evidence it can act on.
import { EVIDENCE_LEVELS, type EvidenceLevel } from '@ttx/scenario';
import type { RuleContext } from './rule-context.js';

/** The strongest evidence naming `actor` among the injects released to `teamId`, and the injects that carry it. */
export interface ReceivedEvidence {
  level: EvidenceLevel;
  /** Ids of the released injects at that level, in release order. */
  injectIds: string[];
}

export function evidenceReceived(
  context: Pick<RuleContext, 'state' | 'world'>,
  teamId: string,
  actor: string,
): ReceivedEvidence {
  let best = 0;
  let found: { injectId: string; releasedAt: number }[] = [];
  for (const inject of Object.values(context.state.injects)) {
    if (inject.status !== 'released' || inject.releasedAt === undefined) continue;
    if (!inject.released?.audience.includes(teamId)) continue;
    const incident = context.world.injects.get(inject.injectId)?.incident;
    if (incident?.actor !== actor) continue;
    const level = EVIDENCE_LEVELS.indexOf(incident.evidence);
    if (level < best) continue;
    if (level > best) found = [];
    best = level;
    found.push({ injectId: inject.injectId, releasedAt: inject.releasedAt });
  }
  found.sort((a, b) => a.releasedAt - b.releasedAt);
  return { level: EVIDENCE_LEVELS[best], injectIds: best === 0 ? [] : found.map((f) => f.injectId) };
}
