// The answer seen in a Dark Winter run, judged again: a disruptive operation with attribution and expulsions.
import { createEngine, type ActionChoice, type Finding } from '@ttx/engine';
import { scenarioSchema } from '@ttx/scenario';
import { createScoringModel } from '../src/index.js';
import { catalogue, choose, defaultRules, minutes, readYaml } from './world.js';

const scenario = scenarioSchema.parse(readYaml('exercises/grid-dark-winter/scenario.yaml'));
const T0 = 1_700_000_000_000;
const controller = { role: 'controller' as const, id: 'white-cell' };

/** Northland's findings on its answer to Southland's operation against its state networks. */
function northlandAnswer(actions: ActionChoice[]): Finding[] {
  const engine = createEngine({ scenario, catalogue, ruleSet: defaultRules, scoring: createScoringModel() });
  const state = engine.initialState();
  const findings: Finding[] = [];
  const issue = (atMinute: number, command: Parameters<typeof engine.decide>[1]) => {
    const result = engine.decide(state, command, T0 + minutes(atMinute));
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code}`);
    for (const event of result.events) {
      if (event.type === 'findings.recorded') findings.push(...event.payload.findings);
      engine.apply(state, event);
    }
  };
  issue(-1, { type: 'exercise.create', exerciseId: 'dw', name: 'Dark Winter', actor: controller });
  issue(0, { type: 'exercise.start', actor: controller });
  issue(1, { type: 'inject.fire', injectId: 'gb1-northland-hit', actor: controller });
  issue(2, { type: 'decision.submit', decisionId: 'nl-answer', teamId: 'nl-gov', injectId: 'gb1-northland-hit', actions, rationale: 'Because.', actor: controller });
  return findings.filter((f) => f.decisionId === 'nl-answer');
}

describe("Northland's answer to Southland's operation in Dark Winter", () => {
  const strike = northlandAnswer(
    choose(['disruptive-operation', 'southland-armed-forces'], ['public-attribution', 'southland-government'], ['expel-diplomats', 'southland-government']),
  );

  it('finds the disruptive operation a violation of sovereignty and commends nothing about it', () => {
    const onStrike = strike.filter((f) => f.actionId === 'disruptive-operation');
    expect(onStrike.filter((f) => f.ruleId === 'countermeasure-preconditions').map((f) => f.severity)).toEqual(['violation']);
    expect(onStrike.find((f) => f.ruleId === 'countermeasure-preconditions')?.explanation).toContain("a violation of Republic of Southland's sovereignty (TM2-R4)");
    expect(strike.filter((f) => f.ruleId === 'proportionate-response' && f.severity === 'commendation')).toEqual([]);
  });

  it('scores a restrained answer above it', () => {
    const restrained = northlandAnswer(choose(['activate-hotline', 'southland-government'], ['request-consultations', 'southland-government']));
    const total = (findings: Finding[]) => findings.reduce((sum, f) => sum + f.delta, 0);
    expect(restrained.find((f) => f.ruleId === 'proportionate-response')?.severity).toBe('commendation');
    expect(total(restrained)).toBeGreaterThan(total(strike) + 10);
  });
});
