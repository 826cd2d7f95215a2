// How many decisions and chat messages each team has added to each exercise's log, so that one team cannot grow the
// log without bound: counted once from the log, then from every committed batch, with the commands still in flight.
import type { ExerciseEvent } from '@ttx/engine';
import { TtxException } from '../common/ttx.exception.js';

export class TeamLogBudget {
  /** exerciseId → teamId → entries committed. */
  private readonly entries = new Map<string, Map<string, number>>();
  /** `exerciseId\nteamId` → entries submitted and not yet answered. */
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Counts a committed batch of an exercise already counted. */
  committed(exerciseId: string, events: readonly ExerciseEvent[]): void {
    const teams = this.entries.get(exerciseId);
    if (teams) countInto(teams, events);
  }

  /**
   * Reserves one entry for the team, or TEAM_LOG_FULL; `log` is the exercise's committed log, read on first use.
   * Call the returned release once the command is answered (its event, if any, is counted by `committed` by then).
   */
  reserve(exerciseId: string, teamId: string, log: readonly ExerciseEvent[]): () => void {
    let teams = this.entries.get(exerciseId);
    if (!teams) this.entries.set(exerciseId, (teams = countInto(new Map(), log)));
    const key = `${exerciseId}\n${teamId}`;
    const pending = this.inFlight.get(key) ?? 0;
    if ((teams.get(teamId) ?? 0) + pending >= this.limit)
      throw new TtxException(
        'TEAM_LOG_FULL',
        `Your team has recorded ${this.limit} decisions and messages in this exercise, the most one team may; ask your controller to raise TTX_TEAM_LOG_LIMIT.`,
      );
    this.inFlight.set(key, pending + 1);
    return () => {
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }
}

/** The team a log entry counts against: its deciding team, or the team whose member sent the message. */
function teamOf(event: ExerciseEvent): string | undefined {
  if (event.type === 'decision.submitted') return event.payload.teamId;
  if (event.type === 'message.sent') return event.payload.teamId;
  return undefined;
}

function countInto(teams: Map<string, number>, events: readonly ExerciseEvent[]): Map<string, number> {
  for (const event of events) {
    const team = teamOf(event);
    if (team) teams.set(team, (teams.get(team) ?? 0) + 1);
  }
  return teams;
}
