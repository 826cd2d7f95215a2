import {
  checkConditionReferences,
  conditionCanComeTrue,
  type ConditionReferences,
} from '../src/condition-kinds.js';
import {
  CONDITION_KIND_NAMES,
  CONDITION_KINDS,
  conditionAtoms,
  conditionHoldsOn,
  conditionSchema,
  conditionWords,
  injectsWaitedFor,
  tagged,
  type Condition,
  type ConditionKind,
  type ConditionNames,
} from '../src/index.js';

const names: ConditionNames = {
  inject: (id) => `inject ${id}`,
  team: (id) => id.toUpperCase(),
  action: (id) => `action ${id}`,
  target: (id) => `target ${id}`,
  channel: (id) => `channel ${id}`,
  state: (id) => `state ${id}`,
};

interface Sample {
  condition: Condition;
  words: string;
  atoms: string[];
  waitsFor: string[];
  /** The references checked, as `what id @ path`. */
  references: string[];
}

/** One condition of every kind: typed so that a kind left out does not compile. */
const SAMPLES: { [K in ConditionKind]: Sample } = {
  released: {
    condition: { released: 'intel' },
    words: 'inject intel is released',
    atoms: ['released:intel'],
    waitsFor: ['intel'],
    references: ['inject intel @ when.released'],
  },
  decided: {
    condition: { decided: { team: 'gov', inject: 'outage' } },
    words: 'GOV decides on inject outage',
    atoms: ['decided:gov:outage'],
    waitsFor: ['outage'],
    references: ['team gov @ when.decided.team', 'prompt outage @ when.decided.inject'],
  },
  chose: {
    condition: { chose: { action: 'demarche', target: 'ministry' } },
    words: 'a team chooses action demarche against target ministry',
    atoms: ['chose:demarche:*:ministry'],
    waitsFor: [],
    references: ['action demarche @ when.chose.action', 'target ministry @ when.chose.target'],
  },
  missed: {
    condition: { missed: { inject: 'outage' } },
    words: 'a team misses the deadline of inject outage',
    atoms: ['missed:outage:*'],
    waitsFor: ['outage'],
    references: ['prompt with deadline outage @ when.missed.inject'],
  },
  messaged: {
    condition: { messaged: { channel: 'hotline', team: 'gov' } },
    words: 'GOV writes on channel hotline',
    atoms: ['messaged:hotline:gov'],
    waitsFor: [],
    references: ['channel hotline @ when.messaged.channel', 'team gov @ when.messaged.team'],
  },
  escalation: {
    condition: { escalation: { from: 'south', to: 'north', atLeast: 'ESC-5' } },
    words: 'escalation of state south toward state north reaches ESC-5',
    atoms: ['escalation:south>north'],
    waitsFor: [],
    references: ['state south @ when.escalation.from', 'state north @ when.escalation.to'],
  },
  all: {
    condition: {
      all: [
        { released: 'intel' },
        { any: [{ chose: { action: 'demarche' } }, { missed: { inject: 'outage' } }] },
      ],
    },
    words:
      'inject intel is released and (a team chooses action demarche or a team misses the deadline of inject outage)',
    atoms: ['released:intel', 'chose:demarche:*:*', 'missed:outage:*'],
    waitsFor: ['intel', 'outage'],
    references: [
      'inject intel @ when.all.0.released',
      'action demarche @ when.all.1.any.0.chose.action',
      'prompt with deadline outage @ when.all.1.any.1.missed.inject',
    ],
  },
  any: {
    condition: { any: [{ released: 'intel' }, { decided: {} }] },
    words: 'inject intel is released or a team decides',
    atoms: ['released:intel', 'decided:*:*'],
    waitsFor: ['intel'],
    references: ['inject intel @ when.any.0.released'],
  },
};

function recordingReferences(seen: string[]): ConditionReferences {
  const at = (what: string) => (id: string, path: readonly (string | number)[]) =>
    seen.push(`${what} ${id} @ ${path.join('.')}`);
  return {
    inject: at('inject'),
    promptInject: (id, path, needDeadline) => at(needDeadline ? 'prompt with deadline' : 'prompt')(id, path),
    team: at('team'),
    action: at('action'),
    target: at('target'),
    channel: at('channel'),
    state: at('state'),
    problem: (path, message) => seen.push(`problem @ ${path.join('.')}: ${message}`),
  };
}

describe('the condition registry', () => {
  it('lists every kind once, in the order of the format, each with a description', () => {
    expect(CONDITION_KIND_NAMES).toEqual(Object.keys(SAMPLES));
    for (const kind of CONDITION_KIND_NAMES) expect(CONDITION_KINDS[kind].description).toMatch(/^Holds /);
  });

  describe.each(CONDITION_KIND_NAMES)('%s', (kind) => {
    const sample = SAMPLES[kind];

    it('is read from a scenario file as written, and tagged with its kind', () => {
      expect(conditionSchema.parse(sample.condition)).toEqual(sample.condition);
      expect(tagged(sample.condition).kind).toBe(kind);
    });

    it('reads its facts, waits for its injects and says itself in words', () => {
      expect(conditionAtoms(sample.condition)).toEqual(sample.atoms);
      expect(injectsWaitedFor(sample.condition)).toEqual(sample.waitsFor);
      expect(conditionWords(sample.condition, names)).toBe(sample.words);
    });

    it('checks the ids it names at their paths', () => {
      const seen: string[] = [];
      checkConditionReferences(sample.condition, ['when'], recordingReferences(seen));
      expect(seen).toEqual(sample.references);
    });
  });

  it('holds on the facts it reads, and only then', () => {
    const holds = (condition: Condition, facts: string[], level = 0) =>
      conditionHoldsOn(condition, { has: (key) => facts.includes(key), escalationLevel: () => level });
    expect(holds(SAMPLES.all.condition, ['released:intel'])).toBe(false);
    expect(holds(SAMPLES.all.condition, ['released:intel', 'missed:outage:*'])).toBe(true);
    expect(holds(SAMPLES.escalation.condition, [], 4)).toBe(false);
    expect(holds(SAMPLES.escalation.condition, [], 5)).toBe(true);
  });

  it('can come true through `any` when one way out stays open', () => {
    const blocked = (id: string) => id !== 'intel';
    expect(conditionCanComeTrue(SAMPLES.any.condition, blocked)).toBe(true);
    expect(conditionCanComeTrue(SAMPLES.released.condition, blocked)).toBe(false);
  });

  it('reports an escalation between a state and itself', () => {
    const seen: string[] = [];
    checkConditionReferences(
      { escalation: { from: 'south', to: 'south', atLeast: 'ESC-1' } },
      ['when'],
      recordingReferences(seen),
    );
    expect(seen).toContain(
      'problem @ when.escalation.to: is the same state as "from" ("south"): escalation is between two states',
    );
  });

  it('refuses a condition of no known kind', () => {
    expect(conditionSchema.safeParse({ happened: 'intel' }).success).toBe(false);
    expect(conditionSchema.safeParse({ released: 'intel', decided: {} }).success).toBe(false);
  });
});
