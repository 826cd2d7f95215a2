import { createSeededRandom, deriveSeed } from './seeded-random.js';

const draw = (seed: number, n = 20) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('seeded random source', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42)).toEqual(draw(42));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps every draw within its bounds', () => {
    const random = createSeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = random.between(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const f = random.next();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it('shuffles without losing or adding elements', () => {
    const shuffled = createSeededRandom(3).shuffle([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('derives distinct seeds per team from one run seed', () => {
    expect(deriveSeed(1, 'north-gov')).not.toBe(deriveSeed(1, 'south-gov'));
    expect(deriveSeed(1, 'north-gov')).toBe(deriveSeed(1, 'north-gov'));
    expect(deriveSeed(1, 'north-gov')).not.toBe(deriveSeed(2, 'north-gov'));
  });
});
