// Generators of malformed and hostile payloads for the socket handlers and the HTTP bodies: each is wrong by
// construction (a missing or mistyped field, an unknown key, an oversized or ill-formed string, a foreign team, an
// action or target the exercise does not have), so every one must be refused.
import { CLIENT_MESSAGE_SCHEMAS, LIMITS, SERVER_MESSAGE_NAMES } from '@ttx/contracts';
import fc from 'fast-check';

const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, 1e308, true, '', 'x', [], {}, [1, 2], { $gt: '' }, '__proto__'];
const BAD_IDS = ['', ' ', 'a'.repeat(65), '-lead', 'has space', 'ünïcode', '../../etc/passwd', "x' OR 1=1 --", '<script>', '\u0000', '.lead'];
const HUGE = 'A'.repeat(17 * 1024);

/** A valid base object and one mutation that makes it invalid. */
type Mutation = { kind: 'drop'; key: number } | { kind: 'retype'; key: number; value: unknown } | { kind: 'extra'; name: string } | { kind: 'field'; index: number };

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), key: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), key: fc.nat(), value: fc.constantFrom(...WRONG_TYPES) }),
  fc.record({ kind: fc.constant('extra' as const), name: fc.constantFrom('__proto__', 'constructor', 'admin', 'role', 'seq', 'exerciseId', 'zz') }),
  fc.record({ kind: fc.constant('field' as const), index: fc.nat() }),
);

/** Builds an invalid payload from `base`: required keys are all of base's keys; `fieldBreakers` are specific wrongs. */
function broken(base: Record<string, unknown>, fieldBreakers: ((b: Record<string, unknown>) => Record<string, unknown>)[], m: Mutation): Record<string, unknown> {
  const keys = Object.keys(base);
  const copy: Record<string, unknown> = { ...base };
  switch (m.kind) {
    case 'drop':
      delete copy[keys[m.key % keys.length]!];
      return copy;
    case 'retype': {
      const key = keys[m.key % keys.length]!;
      // A value of the type the field already has is no mutation: make it a different one.
      copy[key] = typeof m.value === typeof base[key] && !Array.isArray(base[key]) ? [m.value] : m.value;
      return copy;
    }
    case 'extra':
      return JSON.parse(JSON.stringify(copy).replace(/^\{/, `{"${m.name}":{"polluted":true},`)) as Record<string, unknown>;
    case 'field':
      return fieldBreakers[m.index % fieldBreakers.length]!(copy);
  }
}

const decision = { decisionId: 'fuzz-decision', actions: [{ actionId: 'activate-hotline', targetId: 'northland-government' }], rationale: 'fuzz' };
const decisionBreakers = [
  ...BAD_IDS.map((id) => (b: Record<string, unknown>) => ({ ...b, decisionId: id })),
  (b: Record<string, unknown>) => ({ ...b, actions: [] }),
  (b: Record<string, unknown>) => ({ ...b, actions: Array.from({ length: 11 }, (_, i) => ({ actionId: `a${i}` })) }),
  (b: Record<string, unknown>) => ({ ...b, actions: [{ actionId: 'launch-everything' }] }),
  (b: Record<string, unknown>) => ({ ...b, actions: [{ actionId: 'activate-hotline', targetId: 'the-moon' }] }),
  (b: Record<string, unknown>) => ({ ...b, actions: [{ actionId: 'activate-hotline', targetId: 'northland-government', extra: 1 }] }),
  (b: Record<string, unknown>) => ({ ...b, teamId: 'nl-gov' }),
  (b: Record<string, unknown>) => ({ ...b, injectId: 'never-released' }),
  (b: Record<string, unknown>) => ({ ...b, injectId: 'b01-briefing' }),
  (b: Record<string, unknown>) => ({ ...b, rationale: 'r'.repeat(LIMITS.rationaleLength + 1) }),
  (b: Record<string, unknown>) => ({ ...b, rationale: HUGE }),
];
const message = { messageId: 'fuzz-message', channelId: 'hotline', text: 'hello' };
const messageBreakers = [
  ...BAD_IDS.map((id) => (b: Record<string, unknown>) => ({ ...b, messageId: id })),
  (b: Record<string, unknown>) => ({ ...b, channelId: 'no-such-channel' }),
  (b: Record<string, unknown>) => ({ ...b, text: '' }),
  (b: Record<string, unknown>) => ({ ...b, text: ' \n ' }),
  (b: Record<string, unknown>) => ({ ...b, text: 't'.repeat(LIMITS.messageLength + 1) }),
];
const sync = { sinceSeq: 0 };
const syncBreakers = [-1, 1.5, Number.MAX_VALUE * 2, '3', null].map((v) => (b: Record<string, unknown>) => ({ ...b, sinceSeq: v }));

export interface SocketCase {
  /** Which kind of socket sends it: a player of sl-cert (outside the hotline) or sl-gov, or an observer. */
  from: 'sl-gov' | 'sl-cert' | 'observer';
  name: string;
  args: unknown[];
}

const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

export const socketCase: fc.Arbitrary<SocketCase> = fc.oneof(
  fc.record({ from: fc.constantFrom('sl-gov' as const, 'sl-cert' as const), name: fc.constant('decision.submit'), args: mutation.map((m) => [broken(decision, decisionBreakers, m)]) }),
  fc.record({ from: fc.constant('sl-gov' as const), name: fc.constant('message.send'), args: mutation.map((m) => [broken(message, messageBreakers, m)]) }),
  fc.record({ from: fc.constant('sl-cert' as const), name: fc.constant('message.send'), args: fc.constant<unknown[]>([message]) }),
  fc.record({ from: fc.constantFrom('sl-gov' as const, 'observer' as const), name: fc.constant('sync'), args: mutation.map((m) => [broken(sync, syncBreakers, m)]) }),
  // Messages the role may not send, whatever their payload.
  fc.record({
    from: fc.constant('observer' as const),
    name: fc.constantFrom('decision.submit', 'message.send', 'observation.record', 'improvement.edit'),
    args: fc.anything({ maxDepth: 3 }).map((a) => [a]),
  }),
  fc.record({ from: fc.constant('sl-gov' as const), name: fc.constantFrom('observation.record', 'improvement.edit'), args: fc.anything({ maxDepth: 2 }).map((a) => [a]) }),
  // Messages that do not exist, and the wrong number of payloads.
  fc.record({
    from: fc.constantFrom('sl-gov' as const, 'observer' as const),
    // The server's own messages (and `event`, which it no longer sends) are not for clients to send.
    name: fc
      .oneof(fc.constantFrom(...SERVER_MESSAGE_NAMES, 'event', 'admin', '__proto__', 'constructor', 'exercise.start', 'decision.submit '), fc.string({ minLength: 1, maxLength: 40 }))
      .filter((n) => !RESERVED.has(n) && !Object.hasOwn(CLIENT_MESSAGE_SCHEMAS, n)),
    args: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 2 }),
  }),
  fc.record({ from: fc.constant('sl-gov' as const), name: fc.constantFrom('decision.submit', 'sync'), args: fc.constant<unknown[]>([decision, decision]) }),
  fc.record({ from: fc.constant('sl-gov' as const), name: fc.constant('sync'), args: fc.constant<unknown[]>([]) }),
  fc.record({ from: fc.constant('sl-gov' as const), name: fc.constant('message.send'), args: fc.constant<unknown[]>([{ ...message, text: HUGE }]) }),
);

export interface HttpCase {
  method: 'POST';
  route: string;
  /** An object is sent as JSON; a string as it is, with `contentType`. */
  body: unknown;
  contentType?: string;
  as: 'controller' | 'player' | 'nobody';
}

const adHoc = { title: 'Fuzz', body: 'Fuzz body', channel: 'news', severity: 'SEV-1', audience: ['sl-gov'] };
const adHocBreakers = [
  (b: Record<string, unknown>) => ({ ...b, channel: 'carrier-pigeon' }),
  (b: Record<string, unknown>) => ({ ...b, severity: 'SEV-9' }),
  (b: Record<string, unknown>) => ({ ...b, audience: [] }),
  (b: Record<string, unknown>) => ({ ...b, audience: ['no-such-team'] }),
  (b: Record<string, unknown>) => ({ ...b, injectId: 'b01-briefing' }),
  (b: Record<string, unknown>) => ({ ...b, title: 't'.repeat(LIMITS.titleLength + 1) }),
];
const adjustment = { teamId: 'sl-gov', dimension: 'restraint', delta: 5, reason: 'fuzz' };
const adjustmentBreakers = [
  (b: Record<string, unknown>) => ({ ...b, delta: 0 }),
  (b: Record<string, unknown>) => ({ ...b, delta: LIMITS.scoreDelta + 1 }),
  (b: Record<string, unknown>) => ({ ...b, reason: 'r'.repeat(LIMITS.reasonLength + 1) }),
  (b: Record<string, unknown>) => ({ ...b, delta: 1.5 }),
  (b: Record<string, unknown>) => ({ ...b, teamId: 'no-such-team' }),
  (b: Record<string, unknown>) => ({ ...b, dimension: 'charisma' }),
];
const MALFORMED_JSON = ['{', '{"a":', '[1,2', 'null', '"just a string"', '{"__proto__":{"admin":true}}', '\u0000', '{"a":1}}', 'NaN', '1'.repeat(70 * 1024)];

export function httpCase(exerciseId: string): fc.Arbitrary<HttpCase> {
  const ex = `/api/exercises/${exerciseId}`;
  return fc.oneof(
    fc.record({ method: fc.constant('POST' as const), route: fc.constant('/api/auth/login'), body: mutation.map((m) => broken({ username: 'admin', password: 'wrong-password' }, [(b) => ({ ...b, username: 'u'.repeat(65) })], m)), as: fc.constant('nobody' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant('/api/auth/login'), body: fc.constant({ username: 'admin', password: 'not-the-password' }), as: fc.constant('nobody' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant('/api/join'), body: fc.oneof(mutation.map((m) => broken({ code: 'x' }, [(b) => ({ ...b, code: 'c'.repeat(65) })], m)), fc.string({ maxLength: 64 }).map((code) => ({ code }))), as: fc.constant('nobody' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant('/api/exercises'), body: mutation.map((m) => broken({ scenarioId: 'no-such-scenario' }, [(b) => ({ ...b, scenarioId: '../etc' })], m)), as: fc.constant('controller' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant('/api/exercises'), body: fc.constant({ scenarioId: 'bench-drill' }), as: fc.constantFrom('player' as const, 'nobody' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant(`${ex}/speed`), body: fc.constantFrom<unknown>({ speed: 0 }, { speed: -1 }, { speed: 61 }, { speed: '2' }, { speed: null }, {}, { speed: 2, extra: 1 }), as: fc.constant('controller' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant(`${ex}/speed`), body: fc.constant({ speed: 2 }), as: fc.constantFrom('player' as const, 'nobody' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant(`${ex}/injects`), body: mutation.map((m) => broken(adHoc, adHocBreakers, m)), as: fc.constant('controller' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant(`${ex}/injects/b01-briefing/edit`), body: fc.constantFrom<unknown>({ changes: {} }, { changes: { title: '' } }, { changes: { at: -5 } }, { changes: { severity: 'SEV-9' } }, {}), as: fc.constant('controller' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constant(`${ex}/adjustments`), body: mutation.map((m) => broken(adjustment, adjustmentBreakers, m)), as: fc.constant('controller' as const) }),
    fc.record({ method: fc.constant('POST' as const), route: fc.constantFrom(`${ex}/adjustments`, `${ex}/injects`), body: fc.constant({ ...adHoc, ...adjustment }), as: fc.constantFrom('player' as const, 'nobody' as const) }),
    fc.record({
      method: fc.constant('POST' as const),
      route: fc.constantFrom('/api/auth/login', '/api/join', '/api/exercises', `${ex}/speed`, `${ex}/injects`, `${ex}/adjustments`),
      body: fc.constantFrom(...MALFORMED_JSON),
      contentType: fc.constant('application/json'),
      as: fc.constant('controller' as const),
    }),
  );
}
