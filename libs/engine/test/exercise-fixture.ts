// A small exercise for the engine's specifications: two states, their governments, a CERT and a grid operator,
// and an MSEL with timed, conditional and cascading injects. Parsed with the real file-format schemas.
import { catalogueSchema, ruleSetSchema, rungLevel, scenarioSchema, type ScenarioInput } from '@ttx/scenario';
import {
  createEngine,
  type Actor,
  type DecideResult,
  type Engine,
  type ExerciseContext,
  type ExerciseEvent,
  type ExerciseState,
  type Finding,
  type IssuedCommand,
  type ScoringModel,
} from '../src/index.js';

export const MIN = 60_000;
/** Wall time of the exercise start in the specs. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

export const catalogue = catalogueSchema.parse({
  schemaVersion: 1,
  kind: 'action-catalogue',
  id: 'catalogue',
  title: 'Test catalogue',
  actions: [
    { id: 'activate-hotline', name: 'Activate the hotline', description: 'Call the other state.', rung: 'ESC-0', category: 'cooperative', targets: ['state-government'], reversible: true, public: false, traits: ['hotline', 'notification'], cbm: ['CBM-8'] },
    { id: 'request-consultations', name: 'Request consultations', description: 'Ask to consult.', rung: 'ESC-0', category: 'cooperative', targets: ['state-government'], reversible: true, public: false, traits: ['consultation'] },
    { id: 'offer-assistance', name: 'Offer assistance', description: 'Offer help.', rung: 'ESC-0', category: 'cooperative', targets: ['state-government', 'cert', 'critical-infrastructure'], reversible: true, public: false, traits: ['assistance-offer'] },
    { id: 'isolate-and-restore', name: 'Isolate and restore', description: 'Contain and recover.', rung: 'ESC-0', category: 'cyber', targets: [], reversible: true, public: false, traits: ['mitigation'] },
    { id: 'private-demarche', name: 'Private démarche', description: 'Protest privately.', rung: 'ESC-1', category: 'diplomatic', targets: ['state-government'], reversible: true, public: false, traits: ['demarche'] },
    { id: 'public-attribution', name: 'Public attribution', description: 'Name the state.', rung: 'ESC-2', category: 'diplomatic', targets: ['state-government'], reversible: false, public: true, traits: ['public-attribution'] },
    { id: 'targeted-sanctions', name: 'Targeted sanctions', description: 'Sanction.', rung: 'ESC-5', category: 'economic', targets: ['state-government', 'military'], reversible: true, public: true, traits: ['sanction'] },
    { id: 'reversible-countermeasure', name: 'Reversible countermeasure', description: 'Counter.', rung: 'ESC-6', category: 'cyber', targets: ['state-government', 'military', 'cert'], reversible: true, public: false, traits: ['countermeasure'] },
  ],
});

export const ruleSet = ruleSetSchema.parse({
  schemaVersion: 1,
  kind: 'rule-set',
  id: 'test-rules',
  title: 'Test rules',
  catalogue: 'catalogue',
  rules: [{ id: 'answer-on-time', kind: 'timeliness', title: 'Answer on time', cites: ['HSEEP'], dimension: 'timeliness', weight: 10, explanation: '{team} answered late.' }],
});

const decision = (actions: string[], targets: string[], deadline?: string, maxActions = 2) => ({
  prompt: 'What do you do?',
  actions,
  targets,
  maxActions,
  ...(deadline ? { deadline } : {}),
});

export const scenarioInput: ScenarioInput = {
  schemaVersion: 1,
  id: 'grid-test',
  version: '1.0',
  title: 'Grid test',
  summary: 'A grid outage between Northland and Southland.',
  duration: '+01:30',
  rules: 'test-rules',
  states: [
    { id: 'northland', name: 'Northland' },
    { id: 'southland', name: 'Southland' },
  ],
  objectives: [
    { id: 'coordination', title: 'Coordinate across borders', capability: 'Operational coordination' },
    { id: 'restraint', title: 'Respond with restraint', capability: 'Planning' },
  ],
  teams: [
    { id: 'north-gov', name: 'Northland government', kind: 'state', state: 'northland' },
    { id: 'south-gov', name: 'Southland government', kind: 'state', state: 'southland' },
    { id: 'south-cert', name: 'Southland CERT', kind: 'national-cert', state: 'southland' },
    { id: 'grid-op', name: 'Southland grid operator', kind: 'infrastructure-operator', state: 'southland' },
  ],
  targets: [
    { id: 'north-ministry', name: 'Northland foreign ministry', kind: 'state-government', state: 'northland' },
    { id: 'north-military', name: 'Northland cyber command', kind: 'military', state: 'northland' },
    { id: 'north-cert', name: 'Northland CERT', kind: 'cert', state: 'northland' },
    { id: 'south-grid', name: 'Southland grid', kind: 'critical-infrastructure', state: 'southland', sector: 'energy' },
  ],
  channels: [
    { id: 'hotline', kind: 'hotline', name: 'Inter-state hotline', members: ['north-gov', 'south-gov'] },
    { id: 'south-chat', kind: 'team-chat', name: 'Southland chat', members: ['south-gov', 'south-cert', 'grid-op'] },
  ],
  injects: [
    { id: 'briefing', at: '+00:00', audience: 'all', channel: 'news', title: 'Morning briefing', body: 'Quiet night.', severity: 'SEV-0' },
    {
      id: 'outage', at: '+00:10', audience: ['south-gov', 'grid-op'], channel: 'email', title: 'Substations offline', body: 'Three substations tripped.', severity: 'SEV-3', sector: 'energy', attack: ['T0813'],
      incident: { victim: 'southland', rung: 'ESC-7', evidence: 'low' },
      decision: decision(['activate-hotline', 'private-demarche', 'public-attribution', 'reversible-countermeasure', 'isolate-and-restore'], ['north-ministry', 'north-military'], '+00:15'),
    },
    {
      id: 'intel', at: '+00:20', audience: ['south-gov'], channel: 'intelligence', title: 'Attribution report', body: 'Northland tooling.', severity: 'SEV-2',
      incident: { actor: 'northland', victim: 'southland', rung: 'ESC-7', evidence: 'moderate' },
      decision: decision(['public-attribution', 'private-demarche', 'request-consultations', 'targeted-sanctions'], ['north-ministry', 'north-military']),
    },
    {
      id: 'hotline-call', when: { chose: { action: 'activate-hotline', team: 'south-gov' } }, audience: ['north-gov'], channel: 'hotline-call', title: 'Southland calls', body: 'Southland asks for help.', severity: 'SEV-2',
      decision: decision(['request-consultations', 'offer-assistance'], [], '+00:10'),
    },
    { id: 'cert-bulletin', when: { released: 'hotline-call' }, audience: ['south-cert'], channel: 'cert-advisory', title: 'Hotline in use', body: 'Governments are talking.', severity: 'SEV-1' },
    { id: 'silence', when: { missed: { inject: 'outage', team: 'south-gov' } }, audience: ['south-gov'], channel: 'news', title: 'Press asks why', body: 'No statement yet.', severity: 'SEV-2' },
    { id: 'followup', at: '+00:40', when: { decided: { team: 'north-gov' } }, audience: ['north-gov'], channel: 'email', title: 'Follow-up', body: 'Thanks for answering.', severity: 'SEV-1' },
    { id: 'press', when: { any: [{ messaged: { channel: 'hotline' } }, { decided: { team: 'grid-op' } }] }, audience: 'all', channel: 'social-media', title: 'Rumours', body: 'Talk of a call.', severity: 'SEV-1' },
    { id: 'attribution-news', when: { all: [{ released: 'intel' }, { chose: { action: 'public-attribution' } }] }, audience: 'all', channel: 'news', title: 'Southland names Northland', body: 'Headline.', severity: 'SEV-3' },
    { id: 'escalation-warning', when: { escalation: { from: 'southland', to: 'northland', atLeast: 'ESC-5' } }, audience: 'all', channel: 'intelligence', title: 'Tension rising', body: 'Forces on alert.', severity: 'SEV-4' },
    { id: 'final', at: '+01:00', audience: 'all', channel: 'news', title: 'Lights back on', body: 'Power restored.', severity: 'SEV-1' },
  ],
};

export const scenario = scenarioSchema.parse(scenarioInput);

export function contextWith(options: { scoring?: ScoringModel; feedback?: 'immediate' | 'findings-only' | 'debrief' } = {}): ExerciseContext {
  const parsed = options.feedback ? scenarioSchema.parse({ ...scenarioInput, feedback: options.feedback }) : scenario;
  return { scenario: parsed, catalogue, ruleSet, ...(options.scoring ? { scoring: options.scoring } : {}) };
}

export const controller: Actor = { role: 'controller', id: 'white-cell' };
export const facilitator: Actor = { role: 'facilitator', id: 'evaluator' };
export const observer: Actor = { role: 'observer', id: 'guest' };
export const playerOf = (teamId: string): Actor => ({ role: 'player', id: `player-${teamId}`, teamId });

/** A scoring model that is easy to predict: escalatory actions move the ladder, a missed deadline costs a point. */
export function fakeScoring(): ScoringModel & { seenSeqs: number[] } {
  const seenSeqs: number[] = [];
  const teamState = (teamId: string) => scenario.teams.find((t) => t.id === teamId)?.state;
  return {
    seenSeqs,
    assess(ctx, state, event) {
      seenSeqs.push(state.seq);
      const findings: Finding[] = [];
      const escalation = [];
      if (event.type === 'decision.submitted') {
        const { teamId, decisionId, actions } = event.payload;
        for (const { actionId, targetId } of actions) {
          const action = ctx.catalogue.actions.find((a) => a.id === actionId);
          const target = ctx.scenario.targets.find((t) => t.id === targetId);
          if (!action) continue;
          const rung = rungLevel(action.rung);
          findings.push({
            ruleId: 'fake', ruleKind: 'fake', cites: ['HSEEP'], delta: rung === 0 ? 1 : -rung, severity: rung === 0 ? 'commendation' : 'concern',
            dimension: 'restraint', explanation: `seen at seq ${state.seq}`, teamId, decisionId, actionId,
          });
          const from = teamState(teamId);
          if (rung >= 2 && target && from && target.state !== from) {
            const current = state.escalation[`${from}>${target.state}`] ?? 0;
            escalation.push({ from, to: target.state, level: Math.max(current, rung), cause: 'action' as const, decisionId, actionId, teamId });
          }
        }
      }
      if (event.type === 'inject.deadline-missed') {
        findings.push({
          ruleId: 'answer-on-time', ruleKind: 'timeliness', cites: ['HSEEP'], delta: -1, severity: 'note', dimension: 'timeliness',
          explanation: 'No answer in time.', teamId: event.payload.teamId, injectId: event.payload.injectId,
        });
      }
      return { findings, escalation };
    },
    ease(_ctx, state, exerciseTime) {
      if (exerciseTime < 80 * MIN) return [];
      return Object.entries(state.escalation)
        .filter(([, level]) => level > 0)
        .map(([pair, level]) => {
          const [from, to] = pair.split('>');
          return { from, to, level: level - 1, cause: 'easing' as const };
        });
    },
  };
}

/** One exercise run: issues commands at given wall times and keeps the log and the state, as the server does. */
export class ExerciseRun {
  readonly engine: Engine;
  readonly events: ExerciseEvent[] = [];
  state: ExerciseState;

  constructor(readonly ctx: ExerciseContext = contextWith()) {
    this.engine = createEngine(ctx);
    this.state = this.engine.initialState();
  }

  issue(command: IssuedCommand, now: number): DecideResult<ExerciseEvent> {
    const result = this.engine.decide(this.state, command, now);
    if (result.ok) for (const event of result.events) {
      this.events.push(event);
      this.engine.apply(this.state, event);
    }
    return result;
  }

  /** Issues a command that must be accepted and returns its events. */
  ok(command: IssuedCommand, now: number): ExerciseEvent[] {
    const result = this.issue(command, now);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
    return result.events;
  }

  tick(now: number): ExerciseEvent[] {
    return this.ok({ type: 'clock.tick', actor: controller }, now);
  }

  /** Creates and starts the exercise at T0. */
  static started(ctx?: ExerciseContext): ExerciseRun {
    const run = new ExerciseRun(ctx);
    run.ok({ type: 'exercise.create', exerciseId: 'ex-1', name: 'Spring exercise', actor: controller }, T0 - 5 * MIN);
    run.ok({ type: 'exercise.start', actor: controller }, T0);
    return run;
  }

  released(injectId: string): ExerciseEvent | undefined {
    return this.events.find((e) => e.type === 'inject.released' && e.payload.injectId === injectId);
  }
}

export function decide(teamId: string, decisionId: string, injectId: string | undefined, actions: { actionId: string; targetId?: string }[], actor: Actor = playerOf(teamId)): IssuedCommand {
  return { type: 'decision.submit', decisionId, teamId, ...(injectId ? { injectId } : {}), actions, rationale: 'Because.', actor };
}
