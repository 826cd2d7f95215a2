// Building blocks of every message: ids, bounded strings, the vocabulary of the exercise world.
import { z } from 'zod';
import { CAPABILITY_ELEMENTS } from '@ttx/engine';
import { DIMENSIONS, HSEEP_RATINGS, INJECT_CHANNELS, SEVERITIES } from '@ttx/scenario';
import { LIMITS } from './limits.js';

/** A scenario-defined id: team, inject, action, target, channel, objective. */
export const idSchema = z
  .string()
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and use only letters, digits, "-" and "_"');

/** A client-generated id (a UUID or similar) that makes a retry idempotent. */
export const clientIdSchema = z
  .string()
  .max(LIMITS.clientIdLength, `must be at most ${LIMITS.clientIdLength} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must use only letters, digits, "-" and "_"');

/** A server-generated exercise id. */
export const exerciseIdSchema = clientIdSchema;

export const boundedText = (max: number, min = 1) =>
  z
    .string()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export const channelSchema = z.enum(INJECT_CHANNELS);
export const severitySchema = z.enum(SEVERITIES as [string, ...string[]], { message: 'must be a severity SEV-0 … SEV-5' });
export const dimensionSchema = z.enum(DIMENSIONS);
export const hseepRatingSchema = z.enum(HSEEP_RATINGS);
export const capabilityElementSchema = z.enum(CAPABILITY_ELEMENTS);
/** An ISO date (YYYY-MM-DD). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-31');
