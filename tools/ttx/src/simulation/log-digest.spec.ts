import { createHash } from 'node:crypto';
import { canonicalJson, type ExerciseEvent } from '@ttx/engine';
import { eventLogDigest } from './log-digest.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const log = [
  { seq: 1, type: 'exercise.started', at: 1000, exerciseTime: 0, audience: { kind: 'all' }, actor: { role: 'controller', id: 'admin' }, payload: { speed: 1 } },
  { seq: 2, type: 'message.sent', at: 2000, exerciseTime: 1000, audience: { kind: 'teams', teams: ['south'] }, actor: { role: 'player', id: 'Åsa', teamId: 'south' }, payload: { text: 'Привет, «north»' } },
] as unknown as ExerciseEvent[];

describe('the event log digest', () => {
  it('is the SHA-256 of the canonical JSON of the whole log', () => {
    expect(eventLogDigest(log)).toBe(sha256(canonicalJson(log)));
    expect(eventLogDigest([])).toBe(sha256('[]'));
  });

  it('is the same whatever the key order, and differs for a different log', () => {
    const reordered = log.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as ExerciseEvent);
    expect(eventLogDigest(reordered)).toBe(eventLogDigest(log));
    expect(eventLogDigest(log.slice(0, -1))).not.toBe(eventLogDigest(log));
  });
});
