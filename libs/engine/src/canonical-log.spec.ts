import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ExerciseRun, MIN, T0, decide } from '../test/exercise-fixture.js';
import { canonicalEventLog, canonicalJson, sha256Hex, type ExerciseEvent } from './index.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on any text, including non-ASCII and lengths around block edges', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => expect(sha256Hex(text)).toBe(nodeSha256(text))));
    for (const length of [55, 56, 63, 64, 65, 119, 120]) expect(sha256Hex('x'.repeat(length))).toBe(nodeSha256('x'.repeat(length)));
  });
});

describe('canonical event log', () => {
  function playedLog(): ExerciseEvent[] {
    const run = ExerciseRun.started();
    run.tick(T0 + 10 * MIN);
    run.ok(decide('south-gov', 'd1', 'outage', [{ actionId: 'activate-hotline', targetId: 'north-ministry' }]), T0 + 12 * MIN);
    run.tick(T0 + 95 * MIN);
    return run.events;
  }

  it('sorts keys at every depth and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"f":2}]},"b":1}');
  });

  it('digests the same log to the same value whatever the key order, and a different log to another', () => {
    const log = playedLog();
    const digest = canonicalEventLog(log);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).toBe(nodeSha256(canonicalJson(log)));
    const reordered = log.map((e) => Object.fromEntries(Object.entries(e).reverse()) as ExerciseEvent);
    expect(canonicalEventLog(reordered)).toBe(digest);
    expect(canonicalEventLog(playedLog())).toBe(digest);
    expect(canonicalEventLog(log.slice(0, -1))).not.toBe(digest);
  });
});
