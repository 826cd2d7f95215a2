// Copy-on-write forks: a fork shares the base's small records until its first write to each, and never changes them.
import { contextWith, T0 } from '../test/exercise-fixture.js';
import { applyEvent, initialStateOf } from './exercise-reducer.js';
import type { ExerciseEvent } from './events.js';
import { indexOf } from './scenario-index.js';
import { forkState, writable } from './state-fork.js';

const ctx = contextWith();
const index = indexOf(ctx);
const at = (seq: number, type: string, payload: object) => ({ seq, type, at: T0, exerciseTime: 0, audience: { kind: 'all' }, payload }) as unknown as ExerciseEvent;

describe('forkState', () => {
  it('shares the small records until a write, then writes only its own copy', () => {
    const base = initialStateOf(ctx);
    applyEvent(index, base, at(1, 'team.joined', { teamId: 'north-gov', participant: 'Ann' }));
    const frozen = structuredClone(base);
    const fork = forkState(base, false);
    expect(fork.participants).toBe(base.participants);
    expect(fork.escalation).toBe(base.escalation);

    applyEvent(index, fork, at(2, 'team.joined', { teamId: 'north-gov', participant: 'Bob' }), false);
    applyEvent(index, fork, at(3, 'escalation.changed', { from: 'north', to: 'south', previous: 0, level: 2, cause: 'action' }), false);
    applyEvent(index, fork, at(4, 'inject.held', { injectId: 'briefing' }), false);
    expect(base).toEqual(frozen);
    expect(fork.participants['north-gov']).toEqual(['Ann', 'Bob']);
    expect(fork.escalation).toEqual({ 'north>south': 2 });
    expect(fork.escalationPeak).toEqual({ 'north>south': 2 });
    expect(fork.injects.briefing?.status).toBe('held');
    expect(fork.answered).toBe(base.answered);
    expect(fork.missed).toBe(base.missed);

    const copied = fork.participants;
    applyEvent(index, fork, at(5, 'team.joined', { teamId: 'south-gov', participant: 'Cy' }), false);
    expect(fork.participants).toBe(copied);
    expect(base).toEqual(frozen);
  });

  it('lets a state that is not a fork write its own records in place', () => {
    const state = initialStateOf(ctx);
    const participants = state.participants;
    expect(writable(state, 'participants')).toBe(participants);
    applyEvent(index, state, at(1, 'team.joined', { teamId: 'north-gov', participant: 'Ann' }));
    expect(state.participants).toBe(participants);
  });
});
