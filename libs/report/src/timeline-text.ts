// The timeline in words. Most entries carry their own one-line summary; a decision's entry and a findings entry point
// at the records that say it in full (`timeline.decisions`, the team's `findings` of the same seq), and their line
// is made from those here, for the CSV, the HTML and the review screen alike. Plain TypeScript with no imports beyond
// types, so that the web client can use it.
import type { AarModel, DecisionEntry, FindingEntry, TimelineEntry } from './aar-model.js';

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** An escalation change in words, without its cause. */
export function escalationMoveText(
  fromName: string,
  toName: string,
  previous: number,
  level: number,
): string {
  return `Escalation ${fromName} toward ${toName}: ESC-${previous} to ESC-${level}`;
}

/** A decision in words: the team, the actions it chose (with their targets) and its rationale. */
function decisionText(teamName: string, decision: Pick<DecisionEntry, 'actions' | 'rationale'>): string {
  const chosen = decision.actions
    .map((a) => (a.targetName !== undefined ? `${a.actionName} (${a.targetName})` : a.actionName))
    .join('; ');
  return `${teamName} decided: ${chosen}. Rationale: ${decision.rationale}`;
}

/** The findings recorded for a team at one position of the log, in words. */
function findingsText(
  teamName: string,
  findings: readonly Pick<FindingEntry, 'ruleId' | 'severity' | 'delta'>[],
): string {
  const parts = findings.map((f) => `${f.ruleId} ${f.severity} ${signed(f.delta)}`);
  return parts.length > 0 ? `Findings for ${teamName}: ${parts.join('; ')}` : `Findings for ${teamName}`;
}

/**
 * The line of each timeline entry of `model`: its own summary, or the words of the decision or findings it points
 * at. The lookups are built on the first entry that needs them, once per model.
 */
export function timelineText(model: AarModel): (entry: TimelineEntry) => string {
  let teamNames: Map<string, string> | undefined;
  let decisions: Map<string, DecisionEntry> | undefined;
  let findings: Map<string, FindingEntry[]> | undefined;
  const teamName = (teamId: string | undefined): string => {
    if (teamId === undefined) return 'staff';
    teamNames ??= new Map(model.overview.teams.map((t) => [t.id, t.name]));
    return teamNames.get(teamId) ?? teamId;
  };
  return (entry) => {
    if (entry.summary !== undefined) return entry.summary;
    if (entry.type === 'decision.submitted') {
      decisions ??= new Map(model.timeline.decisions.map((d) => [d.decisionId, d]));
      const decision = entry.decisionId !== undefined ? decisions.get(entry.decisionId) : undefined;
      if (decision) return decisionText(teamName(decision.teamId), decision);
      return `${teamName(entry.teamId)} decided${entry.decisionId !== undefined ? ` (${entry.decisionId})` : ''}`;
    }
    if (entry.type === 'findings.recorded') {
      if (!findings) {
        findings = new Map();
        for (const team of model.teams) {
          for (const f of team.findings) {
            const key = `${team.teamId}@${f.seq}`;
            const list = findings.get(key);
            if (list) list.push(f);
            else findings.set(key, [f]);
          }
        }
      }
      return findingsText(teamName(entry.teamId), findings.get(`${entry.teamId}@${entry.seq}`) ?? []);
    }
    return entry.type;
  };
}
