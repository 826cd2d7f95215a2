// A digest of an event log that is the same for the same log on every machine: the SHA-256 of its canonical JSON
// (keys sorted at every depth, no whitespace), fed to node:crypto event by event.
import { createHash } from 'node:crypto';
import { canonicalJson, type ExerciseEvent } from '@ttx/engine';

/** sha256 hex of the canonical JSON of an event log. */
export function eventLogDigest(events: readonly ExerciseEvent[]): string {
  const hash = createHash('sha256').update('[');
  events.forEach((event, i) => hash.update(i === 0 ? canonicalJson(event) : `,${canonicalJson(event)}`));
  return hash.update(']').digest('hex');
}
