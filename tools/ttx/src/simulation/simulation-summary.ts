// What a simulation run comes to: per-team scores and findings, escalation peaks, the log's size and digest.
import type { ExerciseEvent, Finding } from '@ttx/engine';
import { maxEscalation, scoreboardFromEvents } from '@ttx/rules';
import type { Scenario } from '@ttx/scenario';
import type { BotPolicy } from '../bots/bot-policy.js';
import type { SimulationRun } from './run-simulation.js';

export interface TeamSummary {
  id: string;
  name: string;
  state?: string;
  policy: string;
  score: number;
  /** Score by dimension (restraint, proportionality, cbm-use, …). */
  breakdown: Record<string, number>;
  decisions: number;
  missedDeadlines: number;
  findings: Pick<Finding, 'ruleId' | 'severity' | 'dimension' | 'delta' | 'cites' | 'injectId' | 'actionId' | 'targetId'>[];
}

export interface SimulationSummary {
  scenario: string;
  title: string;
  seed: number;
  speed: number;
  /** Events in the log. */
  events: number;
  digest: string;
  /** Exercise time (ms) at the end. */
  exerciseTime: number;
  teams: TeamSummary[];
  escalation: {
    /** Highest level reached between any two states. */
    max: number;
    /** Highest level reached per ordered pair `from>to`. */
    peaks: Record<string, number>;
    /** Level per pair at the end. */
    final: Record<string, number>;
  };
  /** Bot commands the engine refused (a policy error, not part of the log). */
  refusals: string[];
}

export function summariseSimulation(
  scenario: Scenario,
  seed: number,
  policies: ReadonlyMap<string, BotPolicy>,
  run: SimulationRun,
): SimulationSummary {
  const { state, events } = run;
  const scores = new Map(scoreboardFromEvents(events, { teams: scenario.teams.map((t) => t.id) }).map((s) => [s.teamId, s]));
  const last: ExerciseEvent | undefined = events[events.length - 1];
  const peaks = { ...state.escalationPeak };
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed,
    speed: state.clock.speed,
    events: events.length,
    digest: run.digest,
    exerciseTime: last?.exerciseTime ?? 0,
    teams: scenario.teams.map((team) => {
      const score = scores.get(team.id);
      return {
        id: team.id,
        name: team.name,
        ...(team.state !== undefined && { state: team.state }),
        policy: policies.get(team.id)?.name ?? 'none',
        score: score?.total ?? 0,
        breakdown: score?.byDimension ?? {},
        decisions: state.decisions.filter((d) => d.teamId === team.id).length,
        missedDeadlines: Object.keys(state.missed).filter((k) => k.endsWith(`:${team.id}`)).length,
        findings: state.findings
          .filter((f) => f.teamId === team.id)
          .map(({ ruleId, severity, dimension, delta, cites, injectId, actionId, targetId }) => ({
            ruleId,
            severity,
            dimension,
            delta,
            cites,
            ...(injectId !== undefined && { injectId }),
            ...(actionId !== undefined && { actionId }),
            ...(targetId !== undefined && { targetId }),
          })),
      };
    }),
    escalation: { max: maxEscalation(state), peaks, final: { ...state.escalation } },
    refusals: run.refusals,
  };
}
