import fc from 'fast-check';
import { MIN, T0, contextWith, controller, facilitator, fakeScoring, observer, playerOf, scenario } from '../test/exercise-fixture.js';
import { MESSAGE_PURPOSES } from '@ttx/scenario';
import { createEngine, foldAims, foldMessagedAt, foldPurposed, type Actor, type AimSpan, type ExerciseEvent, type IssuedCommand, type PurposeSpan } from './index.js';

const teams = ['north-gov', 'south-gov', 'south-cert', 'grid-op', 'east-gov'];
const injects = ['briefing', 'outage', 'intel', 'hotline-call', 'cert-bulletin', 'silence', 'followup', 'press', 'attribution-news', 'escalation-warning', 'final', 'rumour', 'nope'];
const actions = ['activate-hotline', 'request-consultations', 'offer-assistance', 'isolate-and-restore', 'private-demarche', 'public-attribution', 'targeted-sanctions', 'reversible-countermeasure', 'nuke'];
const targets = ['north-ministry', 'north-military', 'north-cert', 'south-grid', 'moon'];

const actor: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(controller) },
  { weight: 4, arbitrary: fc.constantFrom(...teams).map(playerOf) },
  { weight: 1, arbitrary: fc.constantFrom(facilitator, observer, { role: 'player' as const }) },
);
/** A value one time in five, undefined otherwise. */
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, value);
/** Mostly the controller, sometimes someone who may not run the exercise. */
const control = fc.oneof({ weight: 8, arbitrary: fc.constant(controller) }, actor);
const id = fc.constantFrom('a', 'b', 'c', 'd');
const choice = fc.record({ actionId: fc.constantFrom(...actions), targetId: fc.option(fc.constantFrom(...targets), { nil: undefined }) }).map(({ actionId, targetId }) =>
  targetId === undefined ? { actionId } : { actionId, targetId },
);

const sensibleChoice = fc.constantFrom(
  { actionId: 'activate-hotline', targetId: 'north-ministry' },
  { actionId: 'isolate-and-restore' },
  { actionId: 'private-demarche', targetId: 'north-ministry' },
  { actionId: 'public-attribution', targetId: 'north-ministry' },
  { actionId: 'targeted-sanctions', targetId: 'north-military' },
  { actionId: 'reversible-countermeasure', targetId: 'north-military' },
  { actionId: 'request-consultations' },
  { actionId: 'offer-assistance' },
);

const command: fc.Arbitrary<IssuedCommand> = fc.oneof(
  fc.constantFrom<IssuedCommand>(
    { type: 'exercise.create', exerciseId: 'ex-1', name: 'Run', actor: controller },
    { type: 'exercise.open-lobby', actor: controller },
    { type: 'exercise.start', actor: controller },
    { type: 'exercise.pause', actor: controller },
    { type: 'exercise.resume', actor: controller },
    { type: 'exercise.end', actor: controller },
  ),
  { weight: 6, arbitrary: fc.constant<IssuedCommand>({ type: 'clock.tick', actor: controller }) },
  fc.record({ speed: fc.constantFrom(0, 0.5, 1, 2.5, 10, 61), actor: control }).map((c): IssuedCommand => ({ type: 'exercise.change-speed', ...c })),
  fc.record({ type: fc.constantFrom('inject.fire', 'inject.hold', 'inject.release-held', 'inject.skip'), injectId: fc.constantFrom(...injects), actor: control }).map((c) => c as IssuedCommand),
  fc.record({ injectId: fc.constantFrom(...injects), at: fc.integer({ min: -MIN, max: 100 * MIN }), title: fc.constantFrom('New title', ''), actor: control }).map(
    ({ injectId, at, title, actor }): IssuedCommand => ({ type: 'inject.edit', injectId, changes: { at, title }, actor }),
  ),
  fc.record({ injectId: fc.constantFrom('rumour', 'rumour2', 'final'), audience: fc.subarray(teams), actor: control }).map(
    ({ injectId, audience, actor }): IssuedCommand => ({
      type: 'inject.ad-hoc',
      inject: { injectId, title: 'Rumour', body: 'Unverified.', channel: 'social-media', severity: 'SEV-1', audience },
      actor,
    }),
  ),
  fc.record({ teamId: fc.constantFrom(...teams), participant: fc.constantFrom('Ana', 'Ben', ''), actor }).map((c): IssuedCommand => ({ type: 'team.join', ...c })),
  {
    weight: 12,
    arbitrary: fc
      .record({
        decisionId: id,
        teamId: fc.constantFrom(...teams.slice(0, 4)),
        injectId: fc.option(fc.constantFrom('outage', 'intel', 'hotline-call', 'outage', 'intel', ...injects), { nil: undefined, freq: 4 }),
        actions: fc.array(fc.oneof({ weight: 5, arbitrary: sensibleChoice }, choice), { maxLength: 3 }),
        impostor: sometimes(actor),
      })
      .map(({ injectId, impostor, ...c }): IssuedCommand => ({
        type: 'decision.submit',
        ...c,
        ...(injectId ? { injectId } : {}),
        rationale: 'Because.',
        actor: impostor ?? playerOf(c.teamId),
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        messageId: id,
        channelId: fc.constantFrom('hotline', 'south-chat', 'radio'),
        teamId: fc.constantFrom(...teams),
        impostor: sometimes(actor),
        purpose: sometimes(fc.constantFrom(...MESSAGE_PURPOSES)),
      })
      .map(({ teamId, impostor, purpose, ...c }): IssuedCommand => ({
        type: 'message.send',
        ...c,
        teamId,
        text: 'Hello',
        ...(purpose !== undefined ? { purpose } : {}),
        actor: impostor ?? playerOf(teamId),
      })),
  },
  fc.record({ observationId: id, objectiveId: fc.constantFrom('coordination', 'nope'), actor }).map((c): IssuedCommand => ({ type: 'observation.record', ...c, rating: 'S', note: '' })),
  fc.record({ adjustmentId: id, teamId: fc.constantFrom(...teams), delta: fc.constantFrom(-2, 0, 3), actor }).map((c): IssuedCommand => ({ type: 'score.adjust', ...c, dimension: 'restraint', reason: 'Because.' })),
);

const opening: IssuedCommand[] = [
  { type: 'exercise.create', exerciseId: 'ex-1', name: 'Run', actor: controller },
  { type: 'exercise.start', actor: controller },
];

const step = fc.record({ advance: fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 12 * MIN })), command });

describe('replaying the event log', () => {
  it('rebuilds the live state from random command sequences, with gap-free seqs and untouched inputs', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, fc.constant(false)), fc.array(step, { minLength: 10, maxLength: 60 }), (scored, opened, steps) => {
        const engine = createEngine(contextWith(scored ? { scoring: fakeScoring() } : {}));
        const live = engine.initialState();
        const log: ExerciseEvent[] = [];
        let now = T0;
        const all = [...(opened ? opening.map((command) => ({ advance: 0, command })) : []), ...steps];
        for (const { advance, command } of all) {
          now += advance;
          const before = structuredClone(live);
          const result = engine.decide(live, command, now);
          expect(live).toEqual(before);
          if (!result.ok) {
            expect(typeof result.error.code).toBe('string');
            continue;
          }
          result.events.forEach((event, i) => {
            expect(event.seq).toBe(before.seq + i + 1);
            expect(event.at).toBe(now);
            log.push(event);
            engine.apply(live, event);
          });
        }
        expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
        expect(engine.replay(log)).toEqual(live);
        expect(engine.replay(JSON.parse(JSON.stringify(log)) as ExerciseEvent[])).toEqual(live);
        // The activity indexes say what the decision and message lists say.
        const aims: Record<string, AimSpan> = {};
        const messagedAt: Record<string, number> = {};
        const purposed: Record<string, PurposeSpan> = {};
        live.decisions.forEach((d) => foldAims(aims, d, (id) => scenario.targets.find((t) => t.id === id)?.state));
        live.messages.forEach((m) => foldMessagedAt(messagedAt, m));
        live.messages.forEach((m) => foldPurposed(purposed, m));
        expect(live.aims).toEqual(aims);
        expect(live.messagedAt).toEqual(messagedAt);
        expect(live.purposed).toEqual(purposed);
        const edited = new Set(log.flatMap((e) => (e.type === 'inject.edited' ? [e.payload.injectId] : [])));
        for (const event of log) {
          if (event.type !== 'inject.released' || event.payload.trigger !== 'schedule' || edited.has(event.payload.injectId)) continue;
          const inject = scenario.injects.find((i) => i.id === event.payload.injectId);
          if (inject?.when === undefined) expect(event.exerciseTime).toBe(inject?.at);
        }
      }),
      { numRuns: 150 },
    );
  });
});
