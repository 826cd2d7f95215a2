import { ExerciseRun, MIN, T0, decide } from '../test/exercise-fixture.js';
import { ATTRIBUTION_CONFIDENCES, COMMAND_TABLE, eventWords, eventNamesFrom, type IssuedCommand } from './index.js';

function running(): ExerciseRun {
  const run = ExerciseRun.started();
  run.tick(T0 + 10 * MIN);
  return run;
}

const withConfidence = (confidence: unknown): IssuedCommand =>
  ({ ...decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), confidence }) as IssuedCommand;

describe('stated confidence in an attribution', () => {
  it.each(ATTRIBUTION_CONFIDENCES)('carries %s from decision.submit into the event and the decision record', (confidence) => {
    const run = running();
    const [event] = run.ok(withConfidence(confidence), T0 + 11 * MIN);
    expect(event).toMatchObject({ type: 'decision.submitted', payload: { decisionId: 'd1', confidence } });
    expect(run.state.decisionsById['d1']).toMatchObject({ confidence });
    expect(eventWords(event, eventNamesFrom({}))).toContain(`Stated confidence in the attribution: ${confidence}.`);
  });

  it('leaves the field out when the team states none', () => {
    const run = running();
    const [event] = run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'isolate-and-restore' }]), T0 + 11 * MIN);
    expect(Object.hasOwn(event.payload, 'confidence')).toBe(false);
    expect(Object.hasOwn(run.state.decisionsById['d1'], 'confidence')).toBe(false);
  });

  it.each([['certain'], [''], [3], [null]])('refuses the value %p, naming the field and the values it takes', (value) => {
    const run = running();
    const before = structuredClone(run.state);
    const result = run.engine.decide(run.state, withConfidence(value), T0 + 11 * MIN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_COMMAND');
    expect(result.error.message).toMatch(/confidence.*low, moderate, high/);
    expect(run.state).toEqual(before);
  });

  it('offers the values from the command table', () => {
    const field = COMMAND_TABLE['decision.submit'].schema.shape.confidence;
    expect(field.unwrap().options).toEqual(['low', 'moderate', 'high']);
  });
});
