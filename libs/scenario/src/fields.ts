// Field types shared by the scenario format and the conditions it contains.
import { z } from 'zod';
import { ESCALATION_RUNGS } from './vocabulary.js';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const id = z
  .string()
  .regex(ID_PATTERN, 'must start with a letter and use only letters, digits, "-" and "_" (at most 64)');

export const rung = z.enum(ESCALATION_RUNGS as [string, ...string[]], {
  message: 'must be a rung ESC-0 … ESC-10',
});
