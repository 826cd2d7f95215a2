// Every kind of inject condition (`when`), registered once: its file format, the facts it reads, the injects it
// waits for, the ids it refers to and its words. `ConditionBodies` is the list of kinds; `CONDITION_KINDS` must have
// an entry for each, so a kind added to one and not the other does not compile, and every walk below dispatches
// through it.
import { z } from 'zod';
import { id, rung } from './fields.js';
import type { FieldPath } from './problem.js';
import { rungLevel } from './vocabulary.js';

/** The body each condition kind holds under its key (`released: <inject id>`, `decided: {team, inject}`, …). */
export interface ConditionBodies {
  released: string;
  decided: { team?: string; inject?: string };
  chose: { action: string; team?: string; target?: string };
  missed: { inject: string; team?: string };
  messaged: { channel: string; team?: string };
  escalation: { from: string; to: string; atLeast: string };
  all: Condition[];
  any: Condition[];
}

export type ConditionKind = keyof ConditionBodies;

/** A condition as written in a scenario: one key, its kind, holding that kind's body. */
export type Condition = { [K in ConditionKind]: { [P in K]: ConditionBodies[P] } }[ConditionKind];

/** Stands for "any id" in a fact key; ids cannot contain `:` or `*`, so keys never collide. */
export const ANY_ID = '*';

/** The keys of the facts events establish and conditions read (see the engine's event registry). */
export const factKey = {
  released: (inject: string) => `released:${inject}`,
  decided: (team = ANY_ID, inject = ANY_ID) => `decided:${team}:${inject}`,
  chose: (action: string, team = ANY_ID, target = ANY_ID) => `chose:${action}:${team}:${target}`,
  missed: (inject: string, team = ANY_ID) => `missed:${inject}:${team}`,
  messaged: (channel: string, team = ANY_ID) => `messaged:${channel}:${team}`,
  escalation: (from: string, to: string) => `escalation:${from}>${to}`,
};

/** What a condition is checked against while an exercise runs. */
export interface ConditionFacts {
  has(key: string): boolean;
  escalationLevel(from: string, to: string): number;
}

/** The scenario's ids a condition may name; each call records a problem at `path` when the id is not declared. */
export interface ConditionReferences {
  inject(id: string, path: FieldPath): void;
  /** An inject with a decision prompt (and a deadline, when `needDeadline`). */
  promptInject(id: string, path: FieldPath, needDeadline: boolean): void;
  team(id: string, path: FieldPath): void;
  action(id: string, path: FieldPath): void;
  target(id: string, path: FieldPath): void;
  channel(id: string, path: FieldPath): void;
  state(id: string, path: FieldPath): void;
  problem(path: FieldPath, message: string): void;
}

/** Display names for the ids a condition names (the id itself where none is known). */
export interface ConditionNames {
  inject(id: string): string;
  team(id: string): string;
  action(id: string): string;
  target(id: string): string;
  channel(id: string): string;
  state(id: string): string;
}

/** A condition on one kind of fact. */
interface FactKind<B> {
  /** For the JSON Schema (editors show it). */
  description: string;
  schema: z.ZodType<B>;
  /** The fact keys it reads: it can only turn true when one of them does. */
  atoms(body: B): string[];
  holds(body: B, facts: ConditionFacts): boolean;
  /** Injects whose release it needs. */
  waitsFor(body: B): string[];
  /** `path` ends at the kind's key. */
  references(body: B, path: FieldPath, refs: ConditionReferences): void;
  words(body: B, names: ConditionNames): string;
}

/** All or any of several conditions. */
interface GroupKind {
  description: string;
  schema: (condition: z.ZodType<Condition>) => z.ZodType<Condition[]>;
  quantifier: 'every' | 'some';
  conjunction: 'and' | 'or';
}

type KindEntry<K extends ConditionKind> = ConditionBodies[K] extends Condition[]
  ? GroupKind
  : FactKind<ConditionBodies[K]>;

const optionalTeam = (team: string | undefined, path: FieldPath, refs: ConditionReferences) => {
  if (team !== undefined) refs.team(team, [...path, 'team']);
};
const teamWords = (team: string | undefined, names: ConditionNames) =>
  team === undefined ? 'a team' : names.team(team);

export const CONDITION_KINDS: { [K in ConditionKind]: KindEntry<K> } = {
  released: {
    description: 'Holds once the inject with this id has been released.',
    schema: id,
    atoms: (inject) => [factKey.released(inject)],
    holds: (inject, facts) => facts.has(factKey.released(inject)),
    waitsFor: (inject) => [inject],
    references: (inject, path, refs) => refs.inject(inject, path),
    words: (inject, names) => `${names.inject(inject)} is released`,
  },
  decided: {
    description:
      "Holds once a team (this one, if given) has answered a decision prompt (this inject's, if given).",
    schema: z.strictObject({ team: id.optional(), inject: id.optional() }),
    atoms: ({ team, inject }) => [factKey.decided(team, inject)],
    holds: ({ team, inject }, facts) => facts.has(factKey.decided(team, inject)),
    waitsFor: ({ inject }) => (inject === undefined ? [] : [inject]),
    references: ({ team, inject }, path, refs) => {
      optionalTeam(team, path, refs);
      if (inject !== undefined) refs.promptInject(inject, [...path, 'inject'], false);
    },
    words: ({ team, inject }, names) =>
      `${teamWords(team, names)} decides${inject === undefined ? '' : ` on ${names.inject(inject)}`}`,
  },
  chose: {
    description:
      'Holds once a team (this one, if given) has chosen this action (against this target, if given).',
    schema: z.strictObject({ action: id, team: id.optional(), target: id.optional() }),
    atoms: ({ action, team, target }) => [factKey.chose(action, team, target)],
    holds: ({ action, team, target }, facts) => facts.has(factKey.chose(action, team, target)),
    waitsFor: () => [],
    references: ({ action, team, target }, path, refs) => {
      refs.action(action, [...path, 'action']);
      optionalTeam(team, path, refs);
      if (target !== undefined) refs.target(target, [...path, 'target']);
    },
    words: ({ action, team, target }, names) =>
      `${teamWords(team, names)} chooses ${names.action(action)}${target === undefined ? '' : ` against ${names.target(target)}`}`,
  },
  missed: {
    description: "Holds once a team (this one, if given) has let the deadline of this inject's prompt pass.",
    schema: z.strictObject({ inject: id, team: id.optional() }),
    atoms: ({ inject, team }) => [factKey.missed(inject, team)],
    holds: ({ inject, team }, facts) => facts.has(factKey.missed(inject, team)),
    waitsFor: ({ inject }) => [inject],
    references: ({ inject, team }, path, refs) => {
      refs.promptInject(inject, [...path, 'inject'], true);
      optionalTeam(team, path, refs);
    },
    words: ({ inject, team }, names) =>
      `${teamWords(team, names)} misses the deadline of ${names.inject(inject)}`,
  },
  messaged: {
    description: 'Holds once a team (this one, if given) has written on this channel.',
    schema: z.strictObject({ channel: id, team: id.optional() }),
    atoms: ({ channel, team }) => [factKey.messaged(channel, team)],
    holds: ({ channel, team }, facts) => facts.has(factKey.messaged(channel, team)),
    waitsFor: () => [],
    references: ({ channel, team }, path, refs) => {
      refs.channel(channel, [...path, 'channel']);
      optionalTeam(team, path, refs);
    },
    words: ({ channel, team }, names) => `${teamWords(team, names)} writes on ${names.channel(channel)}`,
  },
  escalation: {
    description: 'Holds while the escalation of one state toward another stands at this rung or higher.',
    schema: z.strictObject({ from: id, to: id, atLeast: rung }),
    atoms: ({ from, to }) => [factKey.escalation(from, to)],
    holds: ({ from, to, atLeast }, facts) => facts.escalationLevel(from, to) >= rungLevel(atLeast),
    waitsFor: () => [],
    references: ({ from, to }, path, refs) => {
      refs.state(from, [...path, 'from']);
      refs.state(to, [...path, 'to']);
      if (from === to)
        refs.problem(
          [...path, 'to'],
          `is the same state as "from" ("${from}"): escalation is between two states`,
        );
    },
    words: ({ from, to, atLeast }, names) =>
      `escalation of ${names.state(from)} toward ${names.state(to)} reaches ${atLeast}`,
  },
  all: {
    description: 'Holds once every one of these conditions holds.',
    schema: (condition) => z.array(condition).min(1),
    quantifier: 'every',
    conjunction: 'and',
  },
  any: {
    description: 'Holds once one of these conditions holds.',
    schema: (condition) => z.array(condition).min(1),
    quantifier: 'some',
    conjunction: 'or',
  },
};

/** The kinds in the order the format lists them. */
export const CONDITION_KIND_NAMES = Object.keys(CONDITION_KINDS) as ConditionKind[];

const groupKinds = CONDITION_KIND_NAMES.filter((kind) => 'quantifier' in CONDITION_KINDS[kind]);
const factKinds = CONDITION_KIND_NAMES.filter((kind) => !groupKinds.includes(kind));

export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union(
      CONDITION_KIND_NAMES.map((kind) => {
        const entry: FactKind<unknown> | GroupKind = CONDITION_KINDS[kind];
        const body = 'quantifier' in entry ? entry.schema(conditionSchema) : entry.schema;
        return z.strictObject({ [kind]: body }).describe(entry.description);
      }) as unknown as [z.ZodType<Condition>, ...z.ZodType<Condition>[]],
    ),
  )
  .meta({
    id: 'Condition',
    description: `A condition on earlier events: ${factKinds.join(', ')}, or ${groupKinds.join('/')} of several.`,
  });

/** The kind of a condition: its one key. */
export function conditionKindOf(condition: Condition): ConditionKind {
  for (const key in condition) return key as ConditionKind;
  throw new Error('a condition has no kind');
}

/** A condition in its tagged form: `{ kind, body }` with the body's type following the kind. */
export type TaggedCondition = { [K in ConditionKind]: { kind: K; body: ConditionBodies[K] } }[ConditionKind];

export function tagged(condition: Condition): TaggedCondition {
  const kind = conditionKindOf(condition);
  return { kind, body: (condition as Record<ConditionKind, unknown>)[kind] } as TaggedCondition;
}

type Visit<R> = {
  fact: <B>(entry: FactKind<B>, body: B) => R;
  group: (entry: GroupKind, conditions: Condition[]) => R;
};

/** Calls `visit.fact` or `visit.group` with the condition's registry entry and body. */
function visitCondition<R>(condition: Condition, visit: Visit<R>): R {
  const { kind, body } = tagged(condition);
  const entry: FactKind<unknown> | GroupKind = CONDITION_KINDS[kind];
  return 'quantifier' in entry ? visit.group(entry, body as Condition[]) : visit.fact(entry, body);
}

/** The fact keys a condition reads; since `all` and `any` are monotone, it can only turn true when one of them does. */
export function conditionAtoms(condition: Condition): string[] {
  return visitCondition(condition, {
    fact: (entry, body) => entry.atoms(body),
    group: (_, conditions) => conditions.flatMap(conditionAtoms),
  });
}

export function conditionHoldsOn(condition: Condition, facts: ConditionFacts): boolean {
  return visitCondition(condition, {
    fact: (entry, body) => entry.holds(body, facts),
    group: (entry, conditions) => conditions[entry.quantifier]((c) => conditionHoldsOn(c, facts)),
  });
}

/** Injects a condition waits for (released, decided on, missed), through nested all/any. */
export function injectsWaitedFor(condition: Condition): string[] {
  return visitCondition(condition, {
    fact: (entry, body) => entry.waitsFor(body),
    group: (_, conditions) => conditions.flatMap(injectsWaitedFor),
  });
}

/** Whether a condition can come true when only the injects `releasable` accepts are ever released. */
export function conditionCanComeTrue(condition: Condition, releasable: (id: string) => boolean): boolean {
  return visitCondition(condition, {
    fact: (entry, body) => entry.waitsFor(body).every(releasable),
    group: (entry, conditions) => conditions[entry.quantifier]((c) => conditionCanComeTrue(c, releasable)),
  });
}

/** Checks the ids a condition names; `path` points at the condition. */
export function checkConditionReferences(
  condition: Condition,
  path: FieldPath,
  refs: ConditionReferences,
): void {
  const kind = conditionKindOf(condition);
  visitCondition(condition, {
    fact: (entry, body) => entry.references(body, [...path, kind], refs),
    group: (_, conditions) =>
      conditions.forEach((c, j) => checkConditionReferences(c, [...path, kind, j], refs)),
  });
}

/** A condition in words: "North CERT decides on Ransomware at the port and escalation … reaches ESC-4". */
export function conditionWords(condition: Condition, names: ConditionNames): string {
  return visitCondition(condition, {
    fact: (entry, body) => entry.words(body, names),
    group: (entry, conditions) =>
      conditions
        .map((c) => {
          const words = conditionWords(c, names);
          return conditions.length > 1 && 'quantifier' in CONDITION_KINDS[conditionKindOf(c)]
            ? `(${words})`
            : words;
        })
        .join(` ${entry.conjunction} `),
  });
}
