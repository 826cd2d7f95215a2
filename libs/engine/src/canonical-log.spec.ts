import { canonicalJson } from './index.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out undefined values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"f":2}]},"b":1}');
  });

  it('writes the same text whatever the key order', () => {
    expect(canonicalJson({ seq: 1, payload: { z: [1, 2], a: null } })).toBe(canonicalJson({ payload: { a: null, z: [1, 2] }, seq: 1 }));
  });
});
