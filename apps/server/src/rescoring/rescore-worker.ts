// The re-scoring worker (a piscina thread, run by rescore-pool.ts): parses the exercise's log from the JSON slices the
// database writes, reads the rule set asked for and judges the log again under it, or writes the exercise's bundle,
// so that neither the log's copy, the YAML, the replay nor the bundle's text holds the server's event loop.
import type { MessagePort } from 'node:worker_threads';
import type { ExerciseEvent } from '@ttx/engine';
import { exerciseBundle, loadRuleSetFor, rescore } from '@ttx/report';
import { formatProblem, type ActionCatalogue, type RuleSet, type Scenario } from '@ttx/scenario';
import { Piscina } from 'piscina';
import { type JsonSlice, sliceEvents } from '../database/event-log-sql.js';

export interface LogTask {
  exercise: { id: string; name: string };
  context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet };
  /** The log as the database writes it, `slices` JSON slices sent one a message on `port`; or (when a slice could not
   * be written exactly) its events as held. */
  log: { port: MessagePort; slices: number } | { events: ExerciseEvent[] };
}

export interface RescoreTask extends LogTask {
  /** A rule set the server loaded, or YAML text to load (named `file` in its problems). */
  rules: { kind: 'loaded'; ruleSet: RuleSet } | { kind: 'yaml'; file: string; text: string };
}

export type RescoreOutcome =
  /** The result (`RescoreResult`) as JSON bytes, moved to the server's thread rather than copied. */
  | { kind: 'rescored'; json: Uint8Array }
  /** The rule set does not load or does not fit the exercise: each problem as `file:line:col: path: message`. */
  | { kind: 'invalid'; problems: string[] }
  /** A slice holds an event the database cannot write as JSON exactly: ask again with the events. */
  | { kind: 'unreadable' };

export type BundleOutcome = { kind: 'written'; json: Uint8Array } | { kind: 'unreadable' };

/** The value as JSON bytes, handed to the server's thread without a copy: a 40 MB bundle cloned or serialised there
 * would hold its event loop for most of a second. */
function movedJson<K extends string>(kind: K, value: unknown): { kind: K; json: Uint8Array } {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const transferable = {
    get [Piscina.transferableSymbol]() {
      return [json.buffer];
    },
    get [Piscina.valueSymbol]() {
      return { kind, json };
    },
  };
  // piscina's types name its own symbols' unique types; at run time they are these.
  return Piscina.move(transferable as unknown as Parameters<typeof Piscina.move>[0]) as unknown as { kind: K; json: Uint8Array };
}

function slicesFrom(port: MessagePort, count: number): Promise<JsonSlice[]> {
  return new Promise((resolve) => {
    const slices: JsonSlice[] = [];
    if (count === 0) return resolve(slices);
    port.on('message', (slice: JsonSlice) => {
      slices.push(slice);
      if (slices.length === count) resolve(slices);
    });
  });
}

async function eventsOf(task: LogTask): Promise<ExerciseEvent[] | undefined> {
  if ('events' in task.log) return task.log.events;
  const slices = await slicesFrom(task.log.port, task.log.slices);
  task.log.port.close();
  const events: ExerciseEvent[] = [];
  for (const slice of slices) {
    const parsed = sliceEvents(slice);
    if (!parsed) return undefined;
    for (const event of parsed) events.push(event);
  }
  return events;
}

/** The rule set of the task, loaded and checked against the exercise's catalogue when it came as YAML. */
function ruleSetOf(task: RescoreTask): { ok: true; ruleSet: RuleSet } | { ok: false; problems: string[] } {
  const { rules } = task;
  if (rules.kind === 'loaded') return { ok: true, ruleSet: rules.ruleSet };
  const loaded = loadRuleSetFor({ path: rules.file, text: rules.text }, task.context.catalogue);
  return loaded.ok ? { ok: true, ruleSet: loaded.value } : { ok: false, problems: loaded.problems.map(formatProblem) };
}

export async function rescoreExercise(task: RescoreTask): Promise<RescoreOutcome> {
  const events = await eventsOf(task);
  const rules = ruleSetOf(task);
  if (!rules.ok) return { kind: 'invalid', problems: rules.problems };
  if (!events) return { kind: 'unreadable' };
  const outcome = rescore(exerciseBundle(task.context, events, task.exercise), rules.ruleSet);
  if (!outcome.ok) {
    const file = task.rules.kind === 'yaml' ? task.rules.file : `rule set ${rules.ruleSet.id}`;
    return { kind: 'invalid', problems: outcome.problems.map((p) => `${file}: ${p.path}: ${p.message}`) };
  }
  return movedJson('rescored', outcome.result);
}

export async function writeBundle(task: LogTask): Promise<BundleOutcome> {
  const events = await eventsOf(task);
  if (!events) return { kind: 'unreadable' };
  return movedJson('written', exerciseBundle(task.context, events, task.exercise));
}
