// Plays a scenario through the real engine and scoring model with seeded teams that answer prompts, take free
// decisions and talk on their channels, until the log holds `targetEvents` events: the input of the AAR benchmark
// and of the engine-driven AAR spec.
import { createEngine, seededRandom } from '@ttx/engine';
import { createScoringModel } from '@ttx/rules';

const CONTROLLER = { role: 'controller', id: 'ctl-bench' };
const FACILITATOR = { role: 'facilitator', id: 'fac-bench' };
const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);


/**
 * @param {{ scenario: import('@ttx/scenario').Scenario, catalogue: import('@ttx/scenario').ActionCatalogue,
 *   ruleSet: import('@ttx/scenario').RuleSet, targetEvents: number, seed?: number }} setup
 * @returns {{ events: import('@ttx/engine').ExerciseEvent[], engine: import('@ttx/engine').Engine, refusals: number }}
 */
export function playSyntheticExercise(setup) {
  const { scenario, catalogue, ruleSet, targetEvents } = setup;
  const random = seededRandom(setup.seed ?? 7);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const engine = createEngine({ scenario, catalogue, ruleSet, scoring: createScoringModel() });
  const state = engine.initialState();
  const events = [];
  let now = T0;
  let refusals = 0;
  let counter = 0;
  const issue = (command) => {
    const result = engine.decide(state, command, now);
    if (!result.ok) {
      refusals += 1;
      return false;
    }
    for (const event of result.events) {
      engine.apply(state, event);
      events.push(event);
    }
    return true;
  };
  const player = (teamId) => ({ role: 'player', id: `${teamId}-lead`, teamId });
  const targetsFor = (action, allowed) =>
    scenario.targets.filter((t) => action.targets.includes(t.kind) && (!allowed || allowed.includes(t.id)));

  issue({ type: 'exercise.create', exerciseId: 'ex-bench', name: `${scenario.title} (synthetic)`, actor: CONTROLLER });
  issue({ type: 'exercise.open-lobby', actor: CONTROLLER });
  for (const team of scenario.teams) issue({ type: 'team.join', teamId: team.id, participant: `${team.name} lead`, actor: player(team.id) });
  issue({ type: 'exercise.start', actor: CONTROLLER });

  // Spread the play over 80% of the scenario's duration: a step records a little over one event on average.
  const step = Math.max(1, Math.floor((scenario.duration * 0.8) / Math.max(1, targetEvents)));
  const answered = new Set();
  while (events.length < targetEvents && state.status !== 'ended') {
    now += step;
    issue({ type: 'clock.tick', actor: CONTROLLER });
    const team = pick(scenario.teams);
    const due = Object.values(state.injects).find(
      (i) => i.released?.decision && i.released.audience.includes(team.id) && !answered.has(`${i.injectId}:${team.id}`),
    );
    const roll = random();
    if (due && roll < 0.5) {
      answered.add(`${due.injectId}:${team.id}`);
      const prompt = due.released.decision;
      const action = catalogue.actions.find((a) => a.id === pick(prompt.actions));
      const targets = action ? targetsFor(action, prompt.targets) : [];
      const choice = { actionId: action?.id ?? prompt.actions[0], ...(targets.length > 0 && { targetId: pick(targets).id }) };
      issue({ type: 'decision.submit', decisionId: `d${++counter}`, teamId: team.id, injectId: due.injectId, actions: [choice], rationale: `Answering ${due.injectId}: <assessment> & "options" ${counter}`, actor: player(team.id) });
    } else if (roll < 0.75) {
      const channel = pick(scenario.channels.filter((c) => c.members.includes(team.id)).concat([undefined]));
      if (channel) issue({ type: 'message.send', messageId: `m${++counter}`, channelId: channel.id, teamId: team.id, text: `Update ${counter} from ${team.name}, see <ticket ${counter}>`, actor: player(team.id) });
    } else if (roll < 0.97) {
      const action = pick(catalogue.actions);
      const targets = targetsFor(action);
      const choice = { actionId: action.id, ...(targets.length > 0 && { targetId: pick(targets).id }) };
      issue({ type: 'decision.submit', decisionId: `d${++counter}`, teamId: team.id, actions: [choice], rationale: `Free move ${counter}`, actor: player(team.id) });
    } else if (roll < 0.98) {
      issue({ type: 'score.adjust', adjustmentId: `a${++counter}`, teamId: team.id, dimension: 'cooperation', delta: 1, reason: 'Constructive tone on the hotline', actor: CONTROLLER });
    } else if (roll < 0.99) {
      const objective = pick(scenario.objectives);
      issue({ type: 'observation.record', observationId: `o${++counter}`, objectiveId: objective.id, rating: pick(['P', 'S', 'M', 'U']), note: `Observed during move ${counter}`, actor: FACILITATOR });
    } else if (state.status === 'running') {
      issue({ type: 'exercise.pause', actor: CONTROLLER });
      now += 30_000;
      issue({ type: 'exercise.resume', actor: CONTROLLER });
    }
  }
  issue({ type: 'improvement.edit', itemId: 'ip-bench-extra', changes: { issue: 'Benchmark item', correctiveAction: 'None', capabilityElement: 'exercise' }, actor: FACILITATOR });
  issue({ type: 'exercise.end', actor: CONTROLLER });
  return { events, engine, refusals };
}
