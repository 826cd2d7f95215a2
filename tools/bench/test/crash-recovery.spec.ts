// SIGKILL in the middle of a burst of decisions: after a restart on the same database nothing acknowledged is lost
// or doubled, the clock resumes where it stood, and every participant that syncs holds exactly what it may see.
import type { EventMessage } from '@ttx/contracts';
import { type AckAnswer, faultSuite, Participant, sleep } from './support/fault-harness.js';

const DECISIONS = {
  'sl-gov': { actionId: 'activate-hotline', targetId: 'northland-government' },
  'nl-gov': { actionId: 'activate-hotline', targetId: 'southland-government' },
} as const;
type TeamId = keyof typeof DECISIONS;

interface Decider {
  participant: Participant;
  team: TeamId;
  sent: string[];
  acked: Set<string>;
}

/** Submits decisions one after another (about 12 a second) until `stop()` says so. */
async function decideUntil(decider: Decider, stop: () => boolean, prefix: string): Promise<void> {
  for (let n = 0; !stop() && n < 500; n += 1) {
    const decisionId = `${prefix}-${n}`;
    decider.sent.push(decisionId);
    let answer: AckAnswer | undefined;
    try {
      answer = await decider.participant.send(
        'decision.submit',
        { decisionId, actions: [DECISIONS[decider.team]], rationale: 'crash burst' },
        3000,
      );
    } catch {
      // the server died with the decision in flight: it may or may not be recorded
    }
    if (answer?.ok) decider.acked.add(decisionId);
    await sleep(80);
  }
}

describe('a server killed in the middle of a burst of decisions', () => {
  const suite = faultSuite('fault-drill');

  it('keeps every acknowledged decision exactly once, resumes its clock and resyncs every participant', async () => {
    const { world } = suite;
    const { api } = world;
    const { admin, exercise, tokens } = await world.openExercise({
      seats: { 'sl-gov': 'sl', 'nl-gov': 'nl' },
    });
    const deciders: Decider[] = (['sl-gov', 'nl-gov', 'sl-gov', 'nl-gov', 'sl-gov', 'nl-gov'] as const).map(
      (team) => ({
        participant: new Participant(world.server.url, tokens[team]),
        team,
        sent: [],
        acked: new Set(),
      }),
    );
    for (const d of deciders) await d.participant.join();

    let killed = false;
    const burst = Promise.all(deciders.map((d, i) => decideUntil(d, () => killed, `burst-${i}`)));
    await sleep(1500);
    const before = await api.detail(admin, exercise.id);
    killed = true;
    await world.server.kill();
    await burst;
    for (const d of deciders) d.participant.drop();
    const ackedBeforeKill = deciders.reduce((n, d) => n + d.acked.size, 0);
    expect(ackedBeforeKill).toBeGreaterThan(20);

    // Down for two exercise minutes at speed 60: injects fall due while nobody runs the clock.
    await sleep(2000);
    await world.restart();
    for (const d of deciders) await d.participant.join();
    // Clients retry what they never saw acknowledged, with the same ids.
    for (const d of deciders) {
      for (const decisionId of d.sent.filter((id) => !d.acked.has(id))) {
        const answer = await d.participant.send('decision.submit', {
          decisionId,
          actions: [DECISIONS[d.team]],
          rationale: 'crash burst',
        });
        expect(answer).toMatchObject({ ok: true });
        d.acked.add(decisionId);
      }
    }
    const after = await api.detail(admin, exercise.id);
    expect(after.clock.running).toBe(true);
    expect(after.clock.exerciseTime).toBeGreaterThan(before.clock.exerciseTime);
    // Four inject minutes are due before the pause, however quickly the server came back.
    for (
      let waits = 0;
      waits < 100 && (await api.detail(admin, exercise.id)).clock.exerciseTime < 4 * 60_000 + 10_000;
      waits += 1
    )
      await sleep(100);
    await api.control(admin, exercise.id, 'pause');
    await sleep(300);

    const log = await api.allEvents(admin, exercise.id);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));

    const recorded = new Map<string, number>();
    for (const e of log)
      if (e.type === 'decision.submitted')
        recorded.set(e.payload.decisionId, (recorded.get(e.payload.decisionId) ?? 0) + 1);
    for (const d of deciders) for (const id of d.acked) expect([id, recorded.get(id)]).toEqual([id, 1]);
    expect([...recorded.values()].every((n) => n === 1)).toBe(true);

    // Every inject due by the pause was released once, those due during the downtime included.
    const paused = (await api.detail(admin, exercise.id)).clock.exerciseTime;
    const released = new Map<string, number>();
    for (const e of log)
      if (e.type === 'inject.released')
        released.set(e.payload.injectId, (released.get(e.payload.injectId) ?? 0) + 1);
    const due = Array.from({ length: 16 }, (_, i) => i + 1).filter((minute) => minute * 60_000 <= paused);
    expect(due.length).toBeGreaterThan(3);
    for (const minute of due)
      expect([minute, released.get(`f${String(minute).padStart(2, '0')}-inject`)]).toEqual([minute, 1]);

    for (const d of deciders) {
      const visible: EventMessage[] = await api.allEvents(tokens[d.team], exercise.id);
      expect(d.participant.ordered().map((e) => e.seq)).toEqual(visible.map((e) => e.seq));
      expect(d.participant.liveDuplicates).toBe(0);
      d.participant.drop();
    }
  }, 90_000);
});
