// The timeline in words. Most entries carry their own one-line summary; a decision's entry and a findings entry point
// at the records that say it in full (`timeline.decisions`, the team's `findings` of the same seq), and their line
// is made from those here, for the CSV, the HTML and the review screen alike, in the engine's event wording.
// Browser-safe, so that the web client can use it.
import { decisionWords, findingsWords } from '@ttx/engine';
import type { AarModel, DecisionEntry, FindingEntry, TimelineEntry } from './aar-model.js';

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
      if (decision) return decisionWords(teamName(decision.teamId), decision.actions, decision.rationale, decision.confidence);
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
      decisions ??= new Map(model.timeline.decisions.map((d) => [d.decisionId, d]));
      const verdicts = entry.decisionId !== undefined ? decisions.get(entry.decisionId)?.verdicts : undefined;
      return findingsWords(teamName(entry.teamId), findings.get(`${entry.teamId}@${entry.seq}`) ?? [], verdicts);
    }
    return entry.type;
  };
}
