// Building blocks of every message: ids, bounded strings, the vocabulary of the exercise world. The command fields are
// the engine's own (libs/engine/src/command-fields.ts), so a limit is stated once.
import { z } from 'zod';
import {
  capabilityElementField,
  channelField,
  clientIdField,
  dimensionField,
  hseepRatingField,
  isoDateField,
  scenarioIdField,
  severityField,
} from '@ttx/engine';

/** A scenario-defined id: team, inject, action, target, channel, objective. */
export const idSchema = scenarioIdField;

/** A client-generated id (a UUID or similar) that makes a retry idempotent. */
export const clientIdSchema = clientIdField;

/** A server-generated exercise id. */
export const exerciseIdSchema = clientIdField;

export { freeTextField, textField } from '@ttx/engine';

/** Text of `min`..`max` characters (credentials and codes, which are not trimmed). */
export const boundedText = (max: number, min = 1) =>
  z
    .string()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const channelSchema = channelField;
export const severitySchema = severityField;
export const dimensionSchema = dimensionField;
export const hseepRatingSchema = hseepRatingField;
export const capabilityElementSchema = capabilityElementField;
/** An ISO date (YYYY-MM-DD). */
export const isoDateSchema = isoDateField;
