// An exercise bundle: everything its review is a pure function of (scenario, action catalogue, rule set, event log)
// in one JSON document, so that it can be re-scored anywhere under another rule set.
import { EVENT_TYPES, type ExerciseEvent } from '@ttx/engine';
import {
  catalogueSchema,
  DIMENSIONS,
  FINDING_SEVERITIES,
  formatFieldPath,
  formatOffset,
  ruleSetSchema,
  scenarioSchema,
  type ActionCatalogue,
  type RuleSet,
  type Scenario,
} from '@ttx/scenario';
import { z } from 'zod';

export const BUNDLE_FORMAT = 'ttx-exercise-bundle';
export const BUNDLE_VERSION = 1;

export interface ExerciseBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** The exercise the log is of, when it has one (a simulated run has none). */
  exercise?: { id: string; name?: string };
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
  /** The whole log, numbered 1, 2, 3… in order. */
  events: ExerciseEvent[];
}

/** One thing wrong with a bundle, at the JSON path of the field (`events[12].payload.teamId`, `(root)`). */
export interface BundleProblem {
  path: string;
  message: string;
}

export type BundleResult = { ok: true; bundle: ExerciseBundle } | { ok: false; code: 'BUNDLE_INVALID'; problems: BundleProblem[] };

/** At most this many problems are listed: a broken log of 100,000 events must not give 100,000 lines. */
const MAX_PROBLEMS = 50;

const id = z.string().min(1);
const finding = z.looseObject({
  ruleId: id,
  ruleKind: z.string(),
  cites: z.array(z.string()),
  delta: z.number().refine(Number.isFinite, 'must be a finite number'),
  severity: z.enum(FINDING_SEVERITIES),
  dimension: z.enum(DIMENSIONS),
  explanation: z.string(),
  teamId: id,
  decisionId: id.optional(),
  injectId: id.optional(),
  actionId: id.optional(),
  targetId: id.optional(),
});

// The payloads the re-scoring reads are checked field by field; the others are replayed as the log holds them.
const SCORED_PAYLOADS: Partial<Record<ExerciseEvent['type'], z.ZodType>> = {
  'decision.submitted': z.looseObject({
    decisionId: id,
    teamId: id,
    injectId: id.optional(),
    actions: z.array(z.looseObject({ actionId: id, targetId: id.optional() })),
    rationale: z.string(),
  }),
  'findings.recorded': z.looseObject({ teamId: id, findings: z.array(finding) }),
  'inject.deadline-missed': z.looseObject({ injectId: id, teamId: id }),
  'inject.released': z.looseObject({ injectId: id, audience: z.array(id) }),
  'message.sent': z.looseObject({ messageId: id, channelId: id, teamId: id.optional(), text: z.string() }),
  'score.adjusted': z.looseObject({ teamId: id, dimension: z.enum(DIMENSIONS), delta: z.number(), reason: z.string() }),
};

const envelopeSchema = z.looseObject({
  seq: z.int().positive(),
  type: z.enum(EVENT_TYPES as [ExerciseEvent['type'], ...ExerciseEvent['type'][]]),
  at: z.number(),
  exerciseTime: z.number(),
  audience: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('staff') }),
    z.strictObject({ kind: z.literal('teams'), teams: z.array(id) }),
  ]),
  payload: z.record(z.string(), z.unknown()),
});

const headSchema = z.looseObject({
  exercise: z.strictObject({ id, name: z.string().optional() }).optional(),
  scenario: z.unknown(),
  catalogue: z.unknown(),
  ruleSet: z.unknown(),
  events: z.array(z.unknown()),
});

/** The bundle of an exercise's log as it stands. */
export function exerciseBundle(
  context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet },
  events: readonly ExerciseEvent[],
  exercise?: { id: string; name?: string },
): ExerciseBundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...(exercise && { exercise }),
    scenario: context.scenario,
    catalogue: context.catalogue,
    ruleSet: context.ruleSet,
    events: [...events],
  };
}

class Problems {
  readonly list: BundleProblem[] = [];
  add(path: readonly (string | number)[], message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path: formatFieldPath(path), message });
  }
  addIssues(base: readonly (string | number)[], error: z.ZodError): void {
    for (const issue of error.issues) this.add([...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], issue.message);
  }
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asWritten = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? formatOffset(value) : value);

/** A loaded scenario holds its times in ms; the schema reads them as written ("01:30:00"), so they are written back. */
function scenarioAsWritten(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const injects = Array.isArray(value.injects)
    ? value.injects.map((inject: unknown) => {
        if (!isRecord(inject)) return inject;
        const { decision } = inject;
        return {
          ...inject,
          ...('at' in inject && { at: asWritten(inject.at) }),
          ...(isRecord(decision) && 'deadline' in decision && { decision: { ...decision, deadline: asWritten(decision.deadline) } }),
        };
      })
    : value.injects;
  return { ...value, ...('duration' in value && { duration: asWritten(value.duration) }), injects };
}

function checkPart<S extends z.ZodType>(problems: Problems, field: string, schema: S, value: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  problems.addIssues([field], parsed.error);
  return undefined;
}

function checkEvents(problems: Problems, events: readonly unknown[]): void {
  for (let i = 0; i < events.length && !problems.full; i += 1) {
    const envelope = envelopeSchema.safeParse(events[i]);
    if (!envelope.success) {
      problems.addIssues(['events', i], envelope.error);
      continue;
    }
    const { seq, type, payload } = envelope.data;
    if (seq !== i + 1) problems.add(['events', i, 'seq'], `is ${seq}, expected ${i + 1} (the log is numbered 1, 2, 3… in order)`);
    const schema = SCORED_PAYLOADS[type];
    const checked = schema?.safeParse(payload);
    if (checked && !checked.success) problems.addIssues(['events', i, 'payload'], checked.error);
  }
}

/** Checks a parsed JSON document as a bundle: every problem with the JSON path of its field. */
export function parseBundle(json: unknown): BundleResult {
  const problems = new Problems();
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (fields.format !== BUNDLE_FORMAT) problems.add(['format'], `must be "${BUNDLE_FORMAT}" (is this a TTX exercise bundle?)`);
  else if (fields.version !== BUNDLE_VERSION) problems.add(['version'], `must be ${BUNDLE_VERSION}, the only bundle version this TTX reads`);
  const head = headSchema.safeParse(json);
  if (!head.success) {
    problems.addIssues([], head.error);
    return { ok: false, code: 'BUNDLE_INVALID', problems: problems.list };
  }
  const scenario = checkPart(problems, 'scenario', scenarioSchema, scenarioAsWritten(head.data.scenario));
  const catalogue = checkPart(problems, 'catalogue', catalogueSchema, head.data.catalogue);
  const ruleSet = checkPart(problems, 'ruleSet', ruleSetSchema, head.data.ruleSet);
  if (catalogue && ruleSet && ruleSet.catalogue !== catalogue.id)
    problems.add(['ruleSet', 'catalogue'], `names catalogue "${ruleSet.catalogue}" but the bundle holds "${catalogue.id}"`);
  checkEvents(problems, head.data.events);
  if (problems.list.length > 0 || !scenario || !catalogue || !ruleSet)
    return { ok: false, code: 'BUNDLE_INVALID', problems: problems.list };
  const { exercise } = head.data;
  return {
    ok: true,
    bundle: {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      ...(exercise && { exercise }),
      scenario,
      catalogue,
      ruleSet,
      events: head.data.events as ExerciseEvent[],
    },
  };
}

/** Reads a bundle from its JSON text; a text that is not JSON is a problem at the root. */
export function parseBundleText(text: string): BundleResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'BUNDLE_INVALID', problems: [{ path: '(root)', message: `is not JSON: ${(error as Error).message}` }] };
  }
  return parseBundle(json);
}
