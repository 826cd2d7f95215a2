// Re-scoring an exercise under another rule set: the request body, the rule sets a server offers, and the limits.
import { z } from 'zod';

export const RESCORE_LIMITS = {
  /** Largest rule-set YAML a re-scoring request may carry, in characters (the JSON body limit is 64 KiB). */
  ruleSetYamlChars: 60_000,
  /** Milliseconds one re-scoring may take; then its worker is stopped and it fails with RESCORE_TIMED_OUT. */
  rescoreMs: 60_000,
} as const;

/** `POST /api/exercises/:id/rescore`: a rule set the server knows (`ruleSetId`) or one given as YAML text. */
export const rescoreRequestSchema = z.union([
  z.strictObject({ ruleSetId: z.string().min(1).max(64) }),
  z.strictObject({ ruleSetYaml: z.string().trim().min(1, 'must not be empty').max(RESCORE_LIMITS.ruleSetYamlChars) }),
]);
export type RescoreRequest = z.output<typeof rescoreRequestSchema>;

/** `GET /api/rescore/rule-sets`: one rule set of the server's exercises folder. */
export interface RuleSetSummary {
  id: string;
  title: string;
  catalogue: string;
  rules: number;
}
