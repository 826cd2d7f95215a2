// Participants dropping and reconnecting at random while injects fall due every second, public and private: each
// ends with exactly the events its role and team may see, none twice, and none of another team's.
import type { EventMessage } from '@ttx/contracts';
import { faultSuite, Participant, seededRandom, sleep } from './support/fault-harness.js';

// fault-drill: inject n (1…16) goes to everyone when n % 3 = 0, to sl-gov when 1, to nl-gov when 2.
const privateTo = (team: string) =>
  Array.from({ length: 16 }, (_, i) => i + 1)
    .filter((n) => n % 3 === (team === 'sl-gov' ? 1 : 2))
    .map((n) => `f${String(n).padStart(2, '0')}-inject`);

describe('participants dropping and reconnecting at random during an exercise', () => {
  const suite = faultSuite('fault-drill');

  it('ends with exactly the events each may see', async () => {
    const { world } = suite;
    const { api } = world;
    const { admin, exercise, tokens } = await world.openExercise({
      started: false,
      seats: { 'sl-gov': 'sl', 'nl-gov': 'nl', observer: 'observer' },
    });
    const seats = (
      ['sl-gov', 'sl-gov', 'sl-gov', 'nl-gov', 'nl-gov', 'nl-gov', 'observer', 'observer'] as const
    ).map((seat) => ({
      seat,
      participant: new Participant(world.server.url, tokens[seat]),
    }));
    for (const { participant } of seats) await participant.join();
    await api.control(admin, exercise.id, 'start');

    const random = seededRandom(424_242);
    const until = Date.now() + 9000;
    let drops = 0;
    const chaos = seats.map(async ({ participant }) => {
      while (Date.now() < until) {
        await sleep(100 + random() * 900);
        participant.drop();
        drops += 1;
        await sleep(random() * 700);
        await participant.join();
      }
    });
    // Meanwhile the controller sends ad-hoc injects to one team at a time.
    for (let i = 0; i < 6; i += 1) {
      await api.adHoc(admin, exercise.id, `chaos-${i}`, [i % 2 === 0 ? 'sl-gov' : 'nl-gov']);
      await sleep(1200);
    }
    await Promise.all(chaos);
    expect(drops).toBeGreaterThanOrEqual(40);
    await api.control(admin, exercise.id, 'pause');
    for (const { participant } of seats) {
      participant.drop();
      await participant.join();
    }

    const visibleBy = new Map<string, EventMessage[]>();
    for (const [seat, token] of Object.entries(tokens))
      visibleBy.set(seat, await api.allEvents(token, exercise.id));
    for (const { seat, participant } of seats) {
      const held = participant.ordered();
      expect(held.map((e) => e.seq)).toEqual(visibleBy.get(seat)!.map((e) => e.seq));
      expect(participant.liveDuplicates).toBe(0);
      const injects = held
        .filter((e) => e.type === 'inject.released')
        .map((e) => (e.payload as { injectId: string }).injectId);
      expect(new Set(injects).size).toBe(injects.length);
      if (seat !== 'observer') {
        const other = seat === 'sl-gov' ? 'nl-gov' : 'sl-gov';
        expect(injects.filter((id) => privateTo(other).includes(id))).toEqual([]);
        expect(injects.filter((id) => /^chaos-/.test(id))).toEqual(
          [0, 1, 2, 3, 4, 5].filter((i) => (i % 2 === 0) === (seat === 'sl-gov')).map((i) => `chaos-${i}`),
        );
      }
      participant.drop();
    }
    // The observer sees every team's private injects released so far.
    const observed = visibleBy.get('observer')!.filter((e) => e.type === 'inject.released').length;
    expect(observed).toBeGreaterThanOrEqual(
      visibleBy.get('sl-gov')!.filter((e) => e.type === 'inject.released').length + 3,
    );
  }, 90_000);
});
