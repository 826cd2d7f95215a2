// A digest of an event log that is the same for the same log on every machine: keys sorted, no whitespace.
import type { ExerciseEvent } from './events.js';
import { Sha256 } from './sha256.js';

/** JSON with object keys in sorted order at every depth; undefined properties are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** sha256 hex of the canonical JSON of an event log. */
export function canonicalEventLog(events: readonly ExerciseEvent[]): string {
  const hash = new Sha256().update('[');
  events.forEach((event, i) => hash.update(i === 0 ? canonicalJson(event) : `,${canonicalJson(event)}`));
  return hash.update(']').digest();
}
