// Runs a scenario headless to its end: a controller starts it, bot teams answer their prompts, and the virtual
// clock jumps from one due moment to the next. The same inputs and seed give the same event log.
import {
  createEngine,
  createSeededRandom,
  deriveSeed,
  nextWakeAt,
  wallTimeOf,
  type Actor,
  type ExerciseContext,
  type ExerciseEvent,
  type ExerciseState,
  type IssuedCommand,
} from '@ttx/engine';
import { eventLogDigest } from './log-digest.js';
import type { BotPolicy } from '../bots/bot-policy.js';
import { BotAgenda, thinkUntil, type AgendaItem } from './bot-agenda.js';
import { answerPrompt, type BotTeam } from './bot-turn.js';

export interface SimulationSetup {
  context: ExerciseContext;
  /** Bot policy by team id; every team of the scenario has one. */
  policies: ReadonlyMap<string, BotPolicy>;
  seed: number;
  /** Exercise speed; the scenario's default when omitted. */
  speed?: number;
}

export interface SimulationRun {
  events: ExerciseEvent[];
  state: ExerciseState;
  /** sha256 of the canonical event log. */
  digest: string;
  /** Bot commands the engine refused, kept so a bad policy is visible rather than silent. */
  refusals: string[];
}

export class SimulationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A fixed start on the virtual clock, so the same seed gives the same wall times and digest on every machine. */
export const SIMULATION_EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);
const CONTROLLER: Actor = { role: 'controller', id: 'ttx-simulate' };
/** A guard against a clock that never moves on: no scenario needs anywhere near this many steps. */
const MAX_STEPS = 100_000;

export function runSimulation(setup: SimulationSetup): SimulationRun {
  const { context, policies, seed } = setup;
  const { scenario } = context;
  const engine = createEngine(context);
  const events: ExerciseEvent[] = [];
  const refusals: string[] = [];
  const agenda = new BotAgenda();
  const teams = new Map<string, BotTeam>(
    scenario.teams.map((team) => [
      team.id,
      { team, policy: policies.get(team.id) as BotPolicy, random: createSeededRandom(deriveSeed(seed, team.id)), sent: 0 },
    ]),
  );
  const duration = scenario.duration;
  let state = engine.initialState();
  let now = SIMULATION_EPOCH;

  const issue = (command: IssuedCommand, refusable: boolean): void => {
    const result = engine.decide(state, command, now);
    if (!result.ok) {
      const line = `${command.type} by ${command.actor.teamId ?? command.actor.role}: ${result.error.code} ${result.error.message}`;
      if (!refusable) throw new SimulationError(result.error.code, line);
      refusals.push(line);
      return;
    }
    for (const event of result.events) {
      state = engine.apply(state, event);
      events.push(event);
      if (event.type === 'inject.released' && event.payload.decision) {
        for (const teamId of event.payload.audience) {
          const bot = teams.get(teamId);
          if (!bot) continue;
          const at = thinkUntil(event.exerciseTime, event.payload, duration, bot.random);
          agenda.add({ exerciseTime: at, teamId, injectId: event.payload.injectId });
        }
      }
    }
  };

  issue({ type: 'exercise.create', exerciseId: `sim-${scenario.id}-${seed}`, name: `${scenario.title} (simulation, seed ${seed})`, actor: CONTROLLER }, false);
  issue({ type: 'exercise.open-lobby', actor: CONTROLLER }, false);
  for (const team of scenario.teams)
    issue({ type: 'team.join', teamId: team.id, participant: `${(policies.get(team.id) as BotPolicy).name} bot`, actor: { role: 'player', id: `bot-${team.id}`, teamId: team.id } }, false);
  issue({ type: 'exercise.start', actor: CONTROLLER }, false);
  if (setup.speed !== undefined && setup.speed !== state.clock.speed)
    issue({ type: 'exercise.change-speed', speed: setup.speed, actor: CONTROLLER }, false);

  for (let step = 0; state.status !== 'ended'; step++) {
    if (step >= MAX_STEPS) throw new SimulationError('SIMULATION_STUCK', `the exercise did not end after ${MAX_STEPS} steps`);
    const wake = nextWakeAt(context, state, now);
    const next = agenda.peek();
    const answerAt = next ? wallTimeOf(state.clock, next.exerciseTime, now) : undefined;
    if (answerAt !== undefined && (wake === undefined || answerAt <= wake)) {
      now = answerAt;
      const item = agenda.take() as AgendaItem;
      const bot = teams.get(item.teamId) as BotTeam;
      for (const command of answerPrompt(context, state, bot, item.injectId)) issue(command, true);
    } else if (wake !== undefined) {
      now = Math.max(now, wake);
      issue({ type: 'clock.tick', actor: CONTROLLER }, false);
    } else {
      issue({ type: 'exercise.end', actor: CONTROLLER }, false);
    }
  }
  return { events, state, digest: eventLogDigest(events), refusals };
}
