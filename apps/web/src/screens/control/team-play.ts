// Which teams are played, as the control screen lists them, and the request that changes a team's mark.
import { LIMITS, type TeamPlayedRequest } from '@ttx/contracts';
import type { ScoreBook } from '@ttx/engine';
import { saysNothing } from '../../components/blank-text.js';

export interface TeamPlayRow {
  teamId: string;
  name: string;
  played: boolean;
  /** The controller's reason for the mark not played, if one was given. */
  reason?: string;
}

/** One row per team, in the scenario's order, as the score book has folded the marks. */
export function teamPlayRows(teams: readonly { id: string; name: string }[], scores: ScoreBook): TeamPlayRow[] {
  return scores.scores(teams.map((t) => t.id)).flatMap((score) => {
    const team = teams.find((t) => t.id === score.teamId);
    if (!team) return [];
    return [{ teamId: team.id, name: team.name, played: score.played, ...(score.notPlayedReason !== undefined && { reason: score.notPlayedReason }) }];
  });
}

/** The body that flips a team's mark, or why it cannot be sent: a reason, when given, needs words. */
export function playMarkRequest(row: Pick<TeamPlayRow, 'played'>, reason: string): { ok: true; body: TeamPlayedRequest } | { ok: false; problem: string } {
  if (reason !== '' && saysNothing(reason)) return { ok: false, problem: 'A reason needs words: leave it empty or say why.' };
  if (reason.length > LIMITS.reasonLength) return { ok: false, problem: `A reason may be at most ${LIMITS.reasonLength.toLocaleString('en-GB')} characters.` };
  const trimmed = reason.trim();
  return { ok: true, body: { played: !row.played, ...(trimmed !== '' && { reason: trimmed }) } };
}
