// A scripted exercise through the real engine and the default rules: commands at exercise minutes, issued in order of
// their minute (as listed within one minute), each event applied as it is recorded.
import { createEngine, type Actor, type ActionChoice, type ExerciseContext, type ExerciseEvent, type IssuedCommand } from '@ttx/engine';
import { createScoringModel } from '../src/index.js';
import { choose, ctx, minutes } from './world.js';

const T0 = 1_700_000_000_000;
export const whiteCell = { role: 'controller' as const, id: 'white-cell' };

export type ScriptStep = [atMinute: number, command: IssuedCommand];

export function playScript(steps: readonly ScriptStep[], exercise: Omit<ExerciseContext, 'scoring'> = ctx): ExerciseEvent[] {
  const engine = createEngine({ ...exercise, scoring: createScoringModel() });
  const state = engine.initialState();
  const events: ExerciseEvent[] = [];
  for (const [atMinute, command] of [...steps].sort((a, b) => a[0] - b[0])) {
    const result = engine.decide(state, command, T0 + minutes(atMinute));
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    for (const event of result.events) {
      events.push(event);
      engine.apply(state, event);
    }
  }
  return events;
}

/** The golden run: both states answer the probe, Westland offers help, Northland stops the activity from its territory
 * (unless left out) and Southland answers the blackout; `decidedBy` enters the decisions (the team's player unless
 * given). */
export function goldenScript(options: { decidedBy?: Actor; without?: string[] } = {}): ScriptStep[] {
  const decide = (atMinute: number, teamId: string, injectId: string, actions: ActionChoice[]): ScriptStep => [
    atMinute,
    { type: 'decision.submit', decisionId: `${teamId}-${injectId}`, teamId, injectId, actions, rationale: 'Because.', actor: options.decidedBy ?? { role: 'player', teamId } },
  ];
  const tick = (atMinute: number): ScriptStep => [atMinute, { type: 'clock.tick', actor: whiteCell }];
  const steps: ScriptStep[] = [
    [-5, { type: 'exercise.create', exerciseId: 'golden', name: 'Golden run', actor: whiteCell }],
    [0, { type: 'exercise.start', actor: whiteCell }],
    tick(5),
    decide(7, 'south', 'probe', choose(['activate-hotline', 'north-gov'], ['share-indicators', 'south-grid'])),
    decide(8, 'north', 'probe', choose(['disruptive-operation', 'south-cert'])),
    tick(20),
    decide(22, 'west', 'help-asked', choose(['offer-assistance', 'south-cert'])),
    tick(25),
    decide(26, 'north', 'stop-it', choose(['mitigate-activity-from-territory', 'north-host'], ['activate-hotline', 'south-gov'])),
    tick(30),
    decide(32, 'south', 'blackout', choose(['private-demarche', 'north-gov'], ['reversible-countermeasure', 'north-gov'])),
    tick(45),
    tick(60),
  ];
  const without = new Set(options.without ?? []);
  return steps.filter(([, command]) => command.type !== 'decision.submit' || !without.has(command.injectId ?? ''));
}
