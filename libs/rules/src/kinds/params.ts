// Param building blocks shared by the rule kinds.
import { z } from 'zod';
import { ACTION_TRAITS, ESCALATION_RUNGS, EVIDENCE_LEVELS, SECTORS, SEVERITIES, rungLevel, severityLevel } from '@ttx/scenario';

/** A rung `ESC-n`, read as its number. */
export const rungParam = z
  .enum(ESCALATION_RUNGS as [string, ...string[]], { message: 'must be a rung ESC-0 … ESC-10' })
  .transform(rungLevel);
/** A severity `SEV-n`, read as its number. */
export const severityParam = z
  .enum(SEVERITIES as [string, ...string[]], { message: 'must be a severity SEV-0 … SEV-5' })
  .transform(severityLevel);
export const traitsParam = z.array(z.enum(ACTION_TRAITS)).min(1, 'must name at least one action trait');
export const sectorsParam = z.array(z.enum(SECTORS));
export const evidenceParam = z.enum(EVIDENCE_LEVELS, { message: 'must be an evidence level: none, low, moderate or high' });
/** A whole number of levels or rungs between `min` and `max`. */
export const levelsParam = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
/** Share of the rule's weight a second outcome earns or costs. */
export const shareParam = z.number().min(0).max(1);
/** A second explanation template, for the outcome the rule's own explanation does not describe. */
export const templateParam = z.string().trim().min(1).max(1000);
