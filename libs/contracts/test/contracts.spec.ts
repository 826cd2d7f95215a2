import { ERROR_CODES as ENGINE_ERROR_CODES } from '@ttx/engine';
import {
  CLIENT_MESSAGE_SCHEMAS,
  ERROR_CODES,
  LIMITS,
  decisionSubmitSchema,
  httpStatusOf,
  improvementEditSchema,
  joinRequestSchema,
  messageSendSchema,
  parseMessage,
  SERVER_MESSAGE_NAMES,
} from '../src/index.js';

describe('socket message schemas', () => {
  it('name no server message among the messages a client may send', () => {
    expect(SERVER_MESSAGE_NAMES).toEqual(['welcome', 'events', 'session.ended']);
    for (const name of SERVER_MESSAGE_NAMES) expect(Object.hasOwn(CLIENT_MESSAGE_SCHEMAS, name)).toBe(false);
  });

  it('accept a well-formed decision and report every wrong field of a bad one by path', () => {
    const good = {
      decisionId: 'd-1',
      injectId: 'INJ-01',
      actions: [{ actionId: 'activate-hotline', targetId: 'gov' }],
      rationale: 'Talk first.',
    };
    expect(parseMessage(decisionSubmitSchema, good)).toEqual({ ok: true, value: good });

    const bad = parseMessage(decisionSubmitSchema, {
      decisionId: 'not an id!',
      actions: [{ actionId: 7 }],
      rationale: 3,
      extra: true,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    const paths = (bad.error.issues ?? []).map((issue) => issue.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['decisionId', 'actions.0.actionId', 'rationale']));
    expect(bad.error.message).toMatch(/unrecognized key|extra/i);
  });

  it('take a stated confidence in an attribution, and refuse any other value at the field', () => {
    const decision = { decisionId: 'd-2', actions: [{ actionId: 'public-attribution', targetId: 'gov' }], rationale: '' };
    for (const confidence of ['low', 'moderate', 'high']) {
      expect(parseMessage(decisionSubmitSchema, { ...decision, confidence })).toEqual({ ok: true, value: { ...decision, confidence } });
    }
    const bad = parseMessage(decisionSubmitSchema, { ...decision, confidence: 'certain' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.issues).toEqual([expect.stringMatching(/^confidence: .*low.*moderate.*high/)]);
  });

  it('word each refusal for a person: missing, wrong kind, empty, too long, unknown field, not an object', () => {
    const issuesOf = (schema: Parameters<typeof parseMessage>[0], input: unknown): string[] => {
      const parsed = parseMessage(schema, input);
      return parsed.ok ? [] : (parsed.error.issues ?? []);
    };
    expect(issuesOf(decisionSubmitSchema, {})).toEqual([
      'decisionId: is required',
      'actions: is required',
      'rationale: is required',
    ]);
    expect(
      issuesOf(decisionSubmitSchema, {
        decisionId: 'd',
        actions: [{ actionId: 7 }],
        rationale: 3,
        extra: true,
        more: 1,
      }),
    ).toEqual([
      'actions.0.actionId: must be text, not 7',
      'rationale: must be text, not 3',
      'extra: is not a field of this message',
      'more: is not a field of this message',
    ]);
    expect(issuesOf(joinRequestSchema, { code: '' })).toEqual(['code: must not be empty']);
    expect(
      issuesOf(messageSendSchema, {
        messageId: 'm1',
        channelId: 'hotline',
        text: 'x'.repeat(LIMITS.messageLength + 1),
      }),
    ).toEqual([`text: must be at most ${LIMITS.messageLength.toLocaleString('en-GB')} characters`]);
    expect(issuesOf(decisionSubmitSchema, 'hello')).toEqual(['must be an object, not "hello"']);
    // A schema's own wording stays.
    expect(issuesOf(decisionSubmitSchema, { decisionId: 'd', actions: [], rationale: '' })).toEqual([
      'actions: must choose at least one action',
    ]);
  });

  it('refuse strings and lists past their limits', () => {
    const longText = 'x'.repeat(LIMITS.messageLength + 1);
    expect(
      parseMessage(messageSendSchema, { messageId: 'm1', channelId: 'hotline', text: longText }).ok,
    ).toBe(false);
    const tooMany = Array.from({ length: LIMITS.actionsPerDecision + 1 }, () => ({
      actionId: 'activate-hotline',
    }));
    expect(parseMessage(decisionSubmitSchema, { decisionId: 'd', actions: tooMany, rationale: '' }).ok).toBe(
      false,
    );
    expect(parseMessage(joinRequestSchema, { code: 'c'.repeat(LIMITS.codeLength + 1) }).ok).toBe(false);
  });

  it('refuse an improvement edit that changes nothing', () => {
    expect(parseMessage(improvementEditSchema, { itemId: 'i1', changes: {} }).ok).toBe(false);
    expect(
      parseMessage(improvementEditSchema, { itemId: 'i1', changes: { pointOfContact: 'Duty officer' } }).ok,
    ).toBe(true);
  });

  it('have one schema for every client message name', () => {
    expect(Object.keys(CLIENT_MESSAGE_SCHEMAS).sort()).toEqual(
      ['decision.submit', 'improvement.edit', 'message.send', 'observation.record', 'sync'].sort(),
    );
  });
});

describe('error codes', () => {
  it('include every engine refusal and map each code to an HTTP status', () => {
    for (const code of ENGINE_ERROR_CODES) expect(ERROR_CODES).toContain(code);
    expect(httpStatusOf('VALIDATION_FAILED')).toBe(400);
    expect(httpStatusOf('UNAUTHENTICATED')).toBe(401);
    expect(httpStatusOf('NOT_YOUR_TEAM')).toBe(403);
    expect(httpStatusOf('NOT_FOUND')).toBe(404);
    expect(httpStatusOf('EXERCISE_ENDED')).toBe(409);
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
    for (const code of ERROR_CODES) expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
  });
});
