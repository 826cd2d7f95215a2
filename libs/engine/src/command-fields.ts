// The limits and field shapes of every command, stated once: the engine checks commands with them, libs/contracts
// builds the HTTP and socket schemas from them, and the web client's forms take their limits from them.
import { z } from 'zod';
import { DIMENSIONS, HSEEP_RATINGS, INJECT_CHANNELS, MESSAGE_PURPOSES, SEVERITIES } from '@ttx/scenario';
import { ATTRIBUTION_CONFIDENCES, CAPABILITY_ELEMENTS } from './events.js';

export const COMMAND_LIMITS = {
  /** Scenario-defined ids: team, inject, action, target, channel, objective. */
  idLength: 64,
  /** Client-generated ids (decisions, messages, observations, adjustments, improvement items, exercises). */
  clientIdLength: 64,
  participantLength: 64,
  titleLength: 200,
  injectBodyLength: 20_000,
  rationaleLength: 4000,
  messageLength: 4000,
  noteLength: 4000,
  reasonLength: 2000,
  improvementFieldLength: 2000,
  /** Actions one decision may list at all; a prompt may allow fewer, and a decision outside any prompt at most 3. */
  actionsPerDecision: 10,
  freeDecisionActions: 3,
  audienceTeams: 64,
  /** Points one adjustment may add or take away, whole points only. */
  scoreDelta: 1000,
  /** Fastest clock: 60 exercise seconds a second. */
  maxSpeed: 60,
} as const;

const L = COMMAND_LIMITS;
const count = (n: number) => n.toLocaleString('en-GB');
const atMost = (max: number) => `must be at most ${count(max)} characters`;

/** A scenario-defined id; never `__proto__` (it must start with a letter). */
export const scenarioIdField = z
  .string()
  .max(L.idLength, atMost(L.idLength))
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use only letters, digits, "-" and "_"');

/** A client-generated id (a UUID or similar) that makes a retry idempotent. */
export const clientIdField = z
  .string()
  .max(L.clientIdLength, atMost(L.clientIdLength))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must start with a letter or digit and use only letters, digits, ".", "-" and "_"');

/** Text of at most `max` characters that says something: empty or blank text is refused. */
export const textField = (max: number) =>
  z
    .string()
    .max(max, atMost(max))
    .refine((text) => text.trim() !== '', 'must not be empty');

/** Text of at most `max` characters that may be left empty (a rationale, a note). */
export const freeTextField = (max: number) => z.string().max(max, atMost(max));

export const isoDateField = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-03-31');

export const severityField = z.enum(SEVERITIES as [string, ...string[]], { message: 'must be a severity SEV-0 … SEV-5' });
export const channelField = z.enum(INJECT_CHANNELS);
export const dimensionField = z.enum(DIMENSIONS);
export const hseepRatingField = z.enum(HSEEP_RATINGS, { message: 'must be an HSEEP rating P, S, M or U' });
export const capabilityElementField = z.enum(CAPABILITY_ELEMENTS);
export const purposeField = z.enum(MESSAGE_PURPOSES, { message: `must be a purpose ${MESSAGE_PURPOSES.join(', ')}` });
export const confidenceField = z.enum(ATTRIBUTION_CONFIDENCES, {
  message: `must be a confidence ${ATTRIBUTION_CONFIDENCES.join(', ')}`,
});

/** Teams an inject goes to: at least one, each once. */
export const audienceField = z
  .array(scenarioIdField)
  .min(1, 'must name at least one team')
  .max(L.audienceTeams, `must name at most ${L.audienceTeams} teams`);

export const actionChoiceField = z.strictObject({ actionId: scenarioIdField, targetId: scenarioIdField.optional() });
