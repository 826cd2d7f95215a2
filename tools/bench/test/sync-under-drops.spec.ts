// 500 participants, each with its own join token, dropping at random moments (a good part of them while their sync
// is being answered, slowed by 150 ms on the server) while the controller releases injects as fast as it can: each
// ends with exactly the events its audience may see, in order, none twice, following docs/protocol.md to the letter.
import type { EventMessage } from '@ttx/contracts';
import { faultSuite, Participant, seededRandom, sleep } from './support/fault-harness.js';

const PARTICIPANTS = 500;
const SYNC_DELAY_MS = 150;
const CHAOS_MS = 10_000;
const SEATS = ['sl-gov', 'nl-gov', 'observer'] as const;
type Seat = (typeof SEATS)[number];

describe('500 participants dropping at random under sync latency while injects are released at speed', () => {
  const suite = faultSuite('fault-drill', {
    TTX_TEST_SYNC_DELAY_MS: String(SYNC_DELAY_MS),
    // Every participant joins from this one address within seconds.
    TTX_AUTH_RATE_LIMIT: '100000',
  });

  it('brings every participant exactly its audience’s events, in order, none twice', async () => {
    const { world } = suite;
    const { api } = world;
    const { admin, exercise } = await world.openExercise({ started: false });
    const codes: Record<Seat, string> = {
      'sl-gov': exercise.joinCodes['sl-gov']!,
      'nl-gov': exercise.joinCodes['nl-gov']!,
      observer: exercise.observerCode,
    };
    const seats: { seat: Seat; participant: Participant }[] = [];
    for (let i = 0; i < PARTICIPANTS; i += 20) {
      const wave = Array.from(
        { length: Math.min(20, PARTICIPANTS - i) },
        (_, k) => SEATS[(i + k) % SEATS.length]!,
      );
      const joined = await Promise.all(wave.map((seat, k) => api.join(codes[seat], `p${i + k}`)));
      joined.forEach(({ token }, k) =>
        seats.push({ seat: wave[k]!, participant: new Participant(world.server.url, token) }),
      );
    }
    for (let i = 0; i < seats.length; i += 50)
      await Promise.all(seats.slice(i, i + 50).map(({ participant }) => participant.join()));
    await api.control(admin, exercise.id, 'start');

    const random = seededRandom(12_122_026);
    const until = Date.now() + CHAOS_MS;
    let drops = 0;
    let dropsInSync = 0;
    const chaos = seats.map(async ({ participant }) => {
      await sleep(random() * 2000);
      while (Date.now() < until) {
        // Half the drops land inside the sync window (answer delayed by SYNC_DELAY_MS), half some time later.
        const stay = random() < 0.5 ? random() * SYNC_DELAY_MS * 1.5 : 500 + random() * 3000;
        const joined = participant.join().catch(() => undefined);
        await sleep(stay);
        if (!participant.live) dropsInSync += 1;
        participant.drop();
        drops += 1;
        await joined;
        await sleep(random() * 400);
      }
    });
    // Meanwhile the controller releases ad-hoc injects back to back, to one team or to both, beside the scenario's own.
    let released = 0;
    const storm = Array.from({ length: 3 }, async () => {
      while (Date.now() < until) {
        const n = released++;
        await api.adHoc(
          admin,
          exercise.id,
          `storm-${n}`,
          n % 3 === 2 ? ['sl-gov', 'nl-gov'] : [n % 3 === 0 ? 'sl-gov' : 'nl-gov'],
        );
      }
    });
    await Promise.all([...chaos, ...storm]);
    await api.control(admin, exercise.id, 'pause');
    for (let i = 0; i < seats.length; i += 50)
      await Promise.all(seats.slice(i, i + 50).map(({ participant }) => participant.join()));
    await sleep(500);

    const visibleBy = new Map<Seat, number[]>();
    for (const seat of SEATS) {
      const holder = seats.find((s) => s.seat === seat)!;
      visibleBy.set(
        seat,
        (await api.allEvents(holder.participant.token, exercise.id)).map((e: EventMessage) => e.seq),
      );
    }
    const wrong = seats.filter(({ seat, participant }) => {
      const held = participant.ordered().map((e) => e.seq);
      const expected = visibleBy.get(seat)!;
      return (
        held.length !== expected.length ||
        held.some((seq, i) => seq !== expected[i]) ||
        participant.outOfOrder > 0
      );
    });
    for (const { participant } of seats) participant.drop();
    console.log(
      `${PARTICIPANTS} participants, ${drops} drops (${dropsInSync} before the sync was applied), ${released} ad-hoc injects, log of ${visibleBy.get('observer')!.at(-1)} events`,
    );
    expect(
      wrong.map(({ seat, participant }) => ({
        seat,
        held: participant.events.size,
        outOfOrder: participant.outOfOrder,
      })),
    ).toEqual([]);
    // The storm really ran: on a loaded 2-core machine 40–400 ad-hoc injects and 1,000–3,000 drops were seen.
    expect(released).toBeGreaterThanOrEqual(20);
    expect(drops).toBeGreaterThanOrEqual(PARTICIPANTS);
    expect(dropsInSync).toBeGreaterThanOrEqual(PARTICIPANTS / 4);
  }, 120_000);
});
