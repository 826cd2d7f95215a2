import {
  catalogue,
  contextWith,
  controller,
  ExerciseRun,
  MIN,
  playerOf,
  scenario,
  T0,
} from '../test/exercise-fixture.js';
import { TO_ALL, TO_STAFF, toTeams } from './event-audience.js';
import { EventBatch } from './event-batch.js';
import { EVENT_REGISTRY, EVENT_TYPES, eventWords } from './event-registry.js';
import { eventNamesFrom } from './event-wording.js';
import type { Audience, EventPayloads, EventType, ExerciseEvent } from './events.js';
import { indexOf } from './scenario-index.js';
import { seenBy } from './event-redaction.js';

const names = eventNamesFrom({
  teams: new Map(scenario.teams.map((t) => [t.id, t.name])),
  states: new Map(scenario.states.map((s) => [s.id, s.name])),
  actions: new Map(catalogue.actions.map((a) => [a.id, a.name])),
  targets: new Map(scenario.targets.map((t) => [t.id, t.name])),
  channels: new Map(scenario.channels.map((c) => [c.id, c.name])),
  injects: new Map(scenario.injects.map((i) => [i.id, i.title])),
});

const released: EventPayloads['inject.released'] = {
  injectId: 'outage',
  title: 'Substations offline',
  body: 'Three substations tripped.',
  channel: 'email',
  severity: 'SEV-3',
  attack: [],
  audience: ['south-gov', 'grid-op'],
  trigger: 'schedule',
};

/** One event of every type, the audience it is recorded for and its words: typed so that a type left out does not compile. */
const SAMPLES: { [T in EventType]: { payload: EventPayloads[T]; audience: Audience; words: string } } = {
  'exercise.created': {
    payload: {
      exerciseId: 'ex-1',
      name: 'Spring',
      scenarioId: 'grid-test',
      scenarioVersion: '1.0',
      ruleSetId: 'r',
      speed: 1,
    },
    audience: TO_ALL,
    words: 'Exercise "Spring" created from scenario grid-test 1.0',
  },
  'exercise.lobby-opened': { payload: {}, audience: TO_ALL, words: 'Lobby opened: teams may join' },
  'exercise.started': { payload: { speed: 2 }, audience: TO_ALL, words: 'Exercise started at speed 2x' },
  'exercise.paused': {
    payload: { reason: 'server-restart', downSince: T0 - 90_000 },
    audience: TO_ALL,
    words: 'Exercise paused: the server was down 90 s',
  },
  'exercise.resumed': { payload: {}, audience: TO_ALL, words: 'Exercise resumed' },
  'exercise.speed-changed': { payload: { speed: 4 }, audience: TO_ALL, words: 'Speed changed to 4x' },
  'exercise.ended': {
    payload: { reason: 'duration' },
    audience: TO_ALL,
    words: 'Exercise ended: planned duration reached',
  },
  'inject.released': {
    payload: released,
    audience: toTeams(released.audience),
    words:
      'Inject outage "Substations offline" (email, SEV-3) to Southland government, Southland grid operator',
  },
  'inject.held': {
    payload: { injectId: 'intel' },
    audience: TO_STAFF,
    words: 'Inject intel "Attribution report" held',
  },
  'inject.unheld': {
    payload: { injectId: 'intel' },
    audience: TO_STAFF,
    words: 'Inject intel "Attribution report" released from hold',
  },
  'inject.skipped': {
    payload: { injectId: 'intel' },
    audience: TO_STAFF,
    words: 'Inject intel "Attribution report" skipped',
  },
  'inject.edited': {
    payload: { injectId: 'intel', changes: { title: 'New', at: 0 } },
    audience: TO_STAFF,
    words: 'Inject intel "Attribution report" edited (at, title)',
  },
  'inject.deadline-missed': {
    payload: { injectId: 'outage', teamId: 'grid-op' },
    audience: toTeams(['grid-op']),
    words: 'Southland grid operator missed the deadline of outage "Substations offline"',
  },
  'team.joined': {
    payload: { teamId: 'south-cert', participant: 'Ana' },
    audience: toTeams(['south-cert']),
    words: 'Ana joined Southland CERT',
  },
  'team.play-marked': {
    payload: { teamId: 'south-cert', played: false, reason: 'Nobody came' },
    audience: TO_STAFF,
    words: 'Southland CERT marked not played: Nobody came',
  },
  'decision.submitted': {
    payload: {
      decisionId: 'd1',
      teamId: 'south-gov',
      injectId: 'outage',
      actions: [
        { actionId: 'activate-hotline' },
        { actionId: 'private-demarche', targetId: 'north-ministry' },
      ],
      rationale: 'Talk first.',
    },
    audience: toTeams(['south-gov']),
    words:
      'Southland government decided: Activate the hotline; Private démarche (Northland foreign ministry). Rationale: Talk first.',
  },
  'findings.recorded': {
    payload: {
      teamId: 'south-gov',
      findings: [
        {
          ruleId: 'R1',
          ruleKind: 'k',
          cites: ['CBM-3'],
          delta: 2,
          severity: 'commendation',
          dimension: 'cbm-use',
          explanation: 'e',
          teamId: 'south-gov',
        },
      ],
    },
    audience: TO_STAFF,
    words: 'Findings for Southland government: R1 commendation +2',
  },
  'escalation.changed': {
    payload: {
      from: 'southland',
      to: 'northland',
      previous: 2,
      level: 5,
      cause: 'action',
      actionId: 'private-demarche',
      teamId: 'south-gov',
    },
    audience: TO_ALL,
    words: 'Escalation Southland toward Northland: ESC-2 to ESC-5 (Private démarche)',
  },
  'message.sent': {
    payload: { messageId: 'm1', channelId: 'hotline', teamId: 'north-gov', text: 'Hello' },
    audience: toTeams(['north-gov', 'south-gov']),
    words: '[Inter-state hotline] Northland government: Hello',
  },
  'observation.recorded': {
    payload: { observationId: 'o1', objectiveId: 'restraint', rating: 'S', note: 'Slow start' },
    audience: TO_STAFF,
    words: 'Observation on objective restraint: rated S: Slow start',
  },
  'score.adjusted': {
    payload: { adjustmentId: 'a1', teamId: 'grid-op', dimension: 'timeliness', delta: -3, reason: 'Late' },
    audience: toTeams(['grid-op']),
    words: 'Score of Southland grid operator adjusted on timeliness by -3: Late',
  },
  'improvement.edited': {
    payload: { itemId: 'i1', changes: { issue: 'x', correctiveAction: 'y' } },
    audience: TO_STAFF,
    words: 'Improvement plan item i1 edited (correctiveAction, issue)',
  },
};

function sample<T extends EventType>(type: T, seq = 1): ExerciseEvent {
  const { payload, audience } = SAMPLES[type];
  return { seq, type, at: T0, exerciseTime: 0, audience, actor: controller, payload } as ExerciseEvent;
}

describe('the event registry', () => {
  it('has an entry with audiences, a fold and words for every event type, and nothing else', () => {
    expect(EVENT_TYPES).toEqual(Object.keys(SAMPLES));
    for (const type of EVENT_TYPES) {
      const entry = EVENT_REGISTRY[type];
      expect(entry.audiences.length).toBeGreaterThan(0);
      expect(typeof entry.fold).toBe('function');
      expect(typeof entry.words).toBe('function');
      expect(entry.audiences).toContain(SAMPLES[type].audience.kind);
    }
  });

  it.each(EVENT_TYPES)("words %s in the exercise's own names", (type) => {
    expect(eventWords(sample(type), names)).toBe(SAMPLES[type].words);
  });

  it('words an escalation change without its cause as a player of another team sees it', () => {
    const seen = seenBy(playerOf('north-gov'), sample('escalation.changed'));
    expect(eventWords(seen, names)).toBe('Escalation Southland toward Northland: ESC-2 to ESC-5');
  });

  it('words a message from staff by its sender, and shows ids it has no name for', () => {
    const event = {
      ...sample('message.sent'),
      payload: { messageId: 'm2', channelId: 'press-room', text: 'Noted' },
    } as ExerciseEvent;
    expect(eventWords(event, names)).toBe('[press-room] controller:white-cell: Noted');
  });

  it('refuses an event recorded for an audience its entry does not list', () => {
    const ctx = contextWith();
    const run = ExerciseRun.started(ctx);
    const batch = new EventBatch(ctx, indexOf(ctx), run.state, T0 + MIN);
    expect(() => batch.add('inject.held', { injectId: 'intel' }, TO_ALL, MIN)).toThrow(
      'inject.held is not recorded for the audience "all"',
    );
    expect(batch.events).toHaveLength(0);
  });

  it('records, in a whole run, only audiences the entries list', () => {
    const run = ExerciseRun.started();
    run.ok(
      {
        type: 'message.send',
        messageId: 'm1',
        channelId: 'hotline',
        text: 'Hi',
        actor: playerOf('north-gov'),
      },
      T0 + MIN,
    );
    run.tick(T0 + 30 * MIN);
    for (const event of run.events)
      expect(EVENT_REGISTRY[event.type].audiences).toContain(event.audience.kind);
    expect(new Set(run.events.map((e) => e.type)).size).toBeGreaterThan(3);
  });
});
