// One pass over the event log, gathering what each report section needs; `aar-sections.ts` shapes it afterwards.
import {
  EscalationBook,
  eventWords,
  injectLabel,
  type EventNames,
  type ExerciseEvent,
  type Finding,
  type ImprovementItemEdit,
} from '@ttx/engine';
import type {
  ControlEntry,
  DecisionActionEntry,
  DecisionEntry,
  EscalationPoint,
  ExerciseStatusLabel,
  FindingEntry,
  InjectRecord,
  MessageEntry,
  TimelineCategory,
  TimelineEntry,
} from './aar-model.js';
import { AarTallies } from './aar-tallies.js';
import { ActorLabels, type AdjustmentRecord, type ObservationRecord } from './fold-records.js';
import type { ExerciseLookup } from './exercise-lookup.js';

const STAFF_ROLES = new Set(['controller', 'facilitator', 'observer']);
/** Decisions searched from the newest back before the map of all of them is consulted. */
const RECENT_DECISIONS = 8;

export class AarFold {
  exerciseId?: string;
  name?: string;
  status: ExerciseStatusLabel = 'not-created';
  createdAt?: number;
  startedAt?: number;
  endedAt?: number;
  lastSeq = 0;
  lastAt?: number;
  lastExerciseTime = 0;
  pausedMs = 0;
  private pausedSince?: number;

  readonly entries: TimelineEntry[] = [];
  readonly controllerActions: ControlEntry[] = [];
  readonly injects = new Map<string, InjectRecord>();
  readonly decisions: DecisionEntry[] = [];
  /** Decisions by id, filled only once a lookup misses the last few decisions (`decision`), then kept up to date. */
  private readonly decisionsById = new Map<string, DecisionEntry>();
  private decisionsMapped = 0;
  readonly missed = new Set<string>();
  /** Teams marked not played as the log stands, with the reason given ('' for none). */
  readonly unplayed = new Map<string, string>();
  /** Findings as recorded, and as the report shows them, grouped by team. */
  readonly rawFindings: Finding[] = [];
  readonly findings: { teamId: string; finding: FindingEntry }[] = [];
  readonly findingsByTeam = new Map<string, FindingEntry[]>();
  readonly adjustmentsByTeam = new Map<string, AdjustmentRecord[]>();
  /** Messages sent, keyed `${channelId}>${teamId}`. */
  readonly messageCounts = new Map<string, number>();
  /** Escalation changes by pair: the shared escalation view. */
  readonly escalationBook = new EscalationBook();
  readonly escalation: ReadonlyMap<string, EscalationPoint[]> = this.escalationBook.byPair;
  readonly messages = new Map<string, MessageEntry[]>();
  readonly observations = new Map<string, ObservationRecord[]>();
  readonly improvementEdits: { seq: number; itemId: string; changes: ImprovementItemEdit }[] = [];
  readonly participants: { teamId: string; participant: string; joinedSeq: number }[] = [];
  readonly staff = new Map<
    string,
    { role: 'controller' | 'facilitator' | 'observer'; id: string; events: number }
  >();

  /** Scores, channel use, rules fired and evidence, counted as events arrive so the sections cost little. */
  readonly tallies = new AarTallies();
  private readonly actors = new ActorLabels();
  private readonly actionEntries = new Map<string, Map<string | undefined, DecisionActionEntry>>();
  /** The event being absorbed and its actor's label. */
  private event!: ExerciseEvent;
  private actor: string | undefined;

  /** The lookup's names as the event wording asks for them; an inject by its title as edited so far. */
  private readonly eventNames: EventNames;

  constructor(readonly names: ExerciseLookup) {
    this.eventNames = {
      team: (id) => names.team(id),
      state: (id) => names.state(id),
      action: (id) => names.action(id),
      target: (id) => names.target(id) ?? id,
      channel: (id) => names.channel(id),
      inject: (id) => this.injectTitle(id),
      actor: (actor) => this.actors.of(actor),
    };
    for (const inject of names.input.scenario.injects) {
      this.injects.set(inject.id, {
        injectId: inject.id,
        title: inject.title,
        channel: inject.channel,
        ...(inject.from !== undefined && { from: inject.from }),
        severity: inject.severity,
        ...(inject.sector !== undefined && { sector: inject.sector }),
        audience:
          inject.audience === 'all' ? names.input.scenario.teams.map((t) => t.id) : [...inject.audience],
        status: 'pending',
        adHoc: false,
        edited: false,
        objectives: [...inject.objectives],
      });
    }
  }

  absorb(event: ExerciseEvent): void {
    this.lastSeq = event.seq;
    this.lastAt = event.at;
    this.lastExerciseTime = event.exerciseTime;
    const actor = this.actors.of(event.actor);
    this.event = event;
    this.actor = actor;
    if (event.actor?.id !== undefined && STAFF_ROLES.has(event.actor.role)) {
      const key = actor as string;
      const seen = this.staff.get(key);
      if (seen) seen.events += 1;
      else this.staff.set(key, { role: event.actor.role as 'controller', id: event.actor.id, events: 1 });
    }
    const line = this.line;
    const control = this.control;
    switch (event.type) {
      case 'exercise.created':
        this.exerciseId = event.payload.exerciseId;
        this.name = event.payload.name;
        this.createdAt = event.at;
        this.status = 'created';
        return line('exercise', this.said());
      case 'exercise.lobby-opened':
        this.status = 'lobby';
        return line('exercise', this.said());
      case 'exercise.started':
        this.startedAt = event.at;
        this.status = 'running';
        return line('exercise', this.said());
      case 'exercise.paused':
        this.pausedSince = event.at;
        this.status = 'paused';
        return control(this.said());
      case 'exercise.resumed':
        if (this.pausedSince !== undefined) this.pausedMs += event.at - this.pausedSince;
        this.pausedSince = undefined;
        this.status = 'running';
        return control(this.said());
      case 'exercise.speed-changed':
        return control(this.said());
      case 'exercise.ended':
        if (this.pausedSince !== undefined) this.pausedMs += event.at - this.pausedSince;
        this.pausedSince = undefined;
        this.endedAt = event.at;
        this.status = 'ended';
        return line('exercise', this.said());
      case 'inject.released':
        return this.absorbRelease(event, line);
      case 'inject.held':
        this.setInjectStatus(event.payload.injectId, 'held');
        return control(this.said());
      case 'inject.unheld':
        this.setInjectStatus(event.payload.injectId, 'pending');
        return control(this.said());
      case 'inject.skipped':
        this.setInjectStatus(event.payload.injectId, 'skipped');
        return control(this.said());
      case 'inject.edited': {
        const record = this.injects.get(event.payload.injectId);
        const changes = event.payload.changes;
        if (record) {
          record.edited = true;
          if (changes.title !== undefined) record.title = changes.title;
          if (changes.severity !== undefined) record.severity = changes.severity;
          if (changes.audience !== undefined) record.audience = [...changes.audience];
        }
        return control(this.said());
      }
      case 'inject.deadline-missed':
        this.missed.add(`${event.payload.injectId}:${event.payload.teamId}`);
        return line('decision', this.said(), event.payload.teamId);
      case 'team.joined':
        this.participants.push({
          teamId: event.payload.teamId,
          participant: event.payload.participant,
          joinedSeq: event.seq,
        });
        return line('participant', this.said(), event.payload.teamId);
      case 'team.play-marked': {
        const { teamId, played, reason } = event.payload;
        if (played) this.unplayed.delete(teamId);
        else this.unplayed.set(teamId, reason ?? '');
        return control(this.said(), teamId);
      }
      case 'decision.submitted':
        return this.absorbDecision(event);
      case 'findings.recorded':
        return this.absorbFindings(event);
      case 'escalation.changed': {
        const p = event.payload;
        this.escalationBook.absorb(event);
        const summary = this.said();
        if (p.cause === 'controller')
          this.controllerActions.push({
            seq: event.seq,
            exerciseTime: event.exerciseTime,
            type: event.type,
            actor,
            summary,
          });
        return line('escalation', summary, p.teamId);
      }
      case 'message.sent': {
        const p = event.payload;
        const teamId = p.teamId ?? event.actor?.teamId;
        let log = this.messages.get(p.channelId);
        if (!log) this.messages.set(p.channelId, (log = []));
        log.push({
          seq: event.seq,
          exerciseTime: event.exerciseTime,
          messageId: p.messageId,
          teamId,
          sender: event.actor?.id,
          text: p.text,
        });
        if (teamId !== undefined) {
          const key = `${p.channelId}>${teamId}`;
          this.messageCounts.set(key, (this.messageCounts.get(key) ?? 0) + 1);
        }
        return line('message', this.said(), teamId);
      }
      case 'observation.recorded': {
        const p = event.payload;
        let list = this.observations.get(p.objectiveId);
        if (!list) this.observations.set(p.objectiveId, (list = []));
        list.push({
          seq: event.seq,
          exerciseTime: event.exerciseTime,
          observationId: p.observationId,
          rating: p.rating,
          note: p.note,
          ...(event.actor?.id !== undefined && { by: event.actor.id }),
        });
        return line('evaluation', this.said());
      }
      case 'score.adjusted': {
        const p = event.payload;
        let list = this.adjustmentsByTeam.get(p.teamId);
        if (!list) this.adjustmentsByTeam.set(p.teamId, (list = []));
        list.push({
          seq: event.seq,
          exerciseTime: event.exerciseTime,
          adjustmentId: p.adjustmentId,
          dimension: p.dimension,
          delta: p.delta,
          reason: p.reason,
          by: event.actor?.id,
        });
        this.tallies.countAdjustment(p);
        return control(this.said(), p.teamId);
      }
      case 'improvement.edited': {
        this.improvementEdits.push({
          seq: event.seq,
          itemId: event.payload.itemId,
          changes: event.payload.changes,
        });
        return line('evaluation', this.said());
      }
      default:
        // A type without its case here does not compile: every event type has its place in the review.
        return event satisfies never;
    }
  }

  // Optional fields are set to undefined rather than spread in: JSON leaves them out, and it is much faster. A
  // decision's or findings' entry has no summary but the decision it is about (`timelineText` words it).
  private readonly line = (
    category: TimelineCategory,
    summary: string | undefined,
    teamId?: string,
    decisionId?: string,
  ): void => {
    const event = this.event;
    this.entries.push({
      seq: event.seq,
      exerciseTime: event.exerciseTime,
      at: event.at,
      type: event.type,
      category,
      audience: event.audience,
      actor: this.actor,
      teamId,
      summary,
      decisionId,
    });
  };

  private readonly control = (summary: string, teamId?: string): void => {
    const event = this.event;
    this.line('control', summary, teamId);
    this.controllerActions.push({
      seq: event.seq,
      exerciseTime: event.exerciseTime,
      type: event.type,
      actor: this.actor,
      summary,
    });
  };

  private absorbRelease(
    event: ExerciseEvent & { type: 'inject.released' },
    line: (c: TimelineCategory, s: string, t?: string) => void,
  ): void {
    const p = event.payload;
    const prior = this.injects.get(p.injectId);
    const record: InjectRecord = {
      injectId: p.injectId,
      title: p.title,
      channel: p.channel,
      ...(p.from !== undefined && { from: p.from }),
      severity: p.severity,
      ...(p.sector !== undefined && { sector: p.sector }),
      audience: [...p.audience],
      status: 'released',
      adHoc: prior === undefined || p.trigger === 'ad-hoc',
      edited: prior?.edited ?? false,
      objectives: prior?.objectives ?? [],
      releasedSeq: event.seq,
      releasedAt: event.exerciseTime,
      trigger: p.trigger,
      ...(p.decision && {
        prompt: {
          text: p.decision.prompt,
          actions: [...p.decision.actions],
          targets: [...p.decision.targets],
          ...(p.decision.deadline !== undefined && { deadline: p.decision.deadline }),
        },
      }),
    };
    this.injects.set(p.injectId, record);
    const summary = this.said();
    if (p.trigger === 'ad-hoc' || p.trigger === 'controller') {
      this.controllerActions.push({
        seq: event.seq,
        exerciseTime: event.exerciseTime,
        type: event.type,
        ...(this.actor !== undefined && { actor: this.actor }),
        summary: `${p.trigger === 'ad-hoc' ? 'Ad-hoc inject sent' : 'Inject fired'}: ${p.title}`,
      });
    }
    line('inject', summary);
  }

  private absorbDecision(event: ExerciseEvent & { type: 'decision.submitted' }): void {
    const p = event.payload;
    const n = this.names;
    const inject = p.injectId !== undefined ? this.injects.get(p.injectId) : undefined;
    const deadline = inject?.prompt?.deadline;
    const entry: DecisionEntry = {
      seq: event.seq,
      exerciseTime: event.exerciseTime,
      decisionId: p.decisionId,
      teamId: p.teamId,
      injectId: p.injectId,
      actions: p.actions.map((a) => this.actionEntry(a.actionId, a.targetId)),
      rationale: p.rationale,
      ...(p.confidence !== undefined ? { confidence: p.confidence } : {}),
      latency: p.latency,
      deadline,
      onTime: deadline === undefined ? undefined : event.exerciseTime <= deadline,
      findings: [],
      scoreDelta: 0,
      verdicts: [],
    };
    this.decisions.push(entry);
    this.tallies.countDecision(entry, n.actions);
    this.line('decision', undefined, p.teamId, p.decisionId);
  }

  private absorbFindings(event: ExerciseEvent & { type: 'findings.recorded' }): void {
    const { verdicts, decisionId } = event.payload;
    if (verdicts && decisionId !== undefined) {
      const decision = this.decision(decisionId, this.decisions.length);
      if (decision) decision.verdicts = verdicts;
    }
    for (const f of event.payload.findings) {
      const entry: FindingEntry = {
        seq: event.seq,
        exerciseTime: event.exerciseTime,
        ruleId: f.ruleId,
        ruleTitle: this.names.ruleTitle(f.ruleId),
        ruleKind: f.ruleKind,
        cites: f.cites,
        delta: f.delta,
        severity: f.severity,
        dimension: f.dimension,
        explanation: f.explanation,
        decisionId: f.decisionId,
        injectId: f.injectId,
        actionId: f.actionId,
        targetId: f.targetId,
      };
      this.rawFindings.push(f);
      this.tallies.countFinding(f, entry);
      this.findings.push({ teamId: f.teamId, finding: entry });
      let team = this.findingsByTeam.get(f.teamId);
      if (!team) this.findingsByTeam.set(f.teamId, (team = []));
      team.push(entry);
      const decision =
        f.decisionId !== undefined ? this.decision(f.decisionId, this.decisions.length) : undefined;
      if (decision) {
        decision.findings.push(f.ruleId);
        decision.scoreDelta += f.delta;
      }
    }
    this.line('finding', undefined, event.payload.teamId, event.payload.decisionId);
  }

  /** One entry per action and target however many decisions chose them: the report never changes one. */
  private actionEntry(actionId: string, targetId: string | undefined): DecisionActionEntry {
    let byTarget = this.actionEntries.get(actionId);
    if (!byTarget) this.actionEntries.set(actionId, (byTarget = new Map()));
    let entry = byTarget.get(targetId);
    if (!entry) {
      const n = this.names;
      entry = {
        actionId,
        actionName: n.action(actionId),
        rung: n.actions.get(actionId)?.rung ?? 'ESC-?',
        targetId,
        targetName: n.target(targetId),
      };
      byTarget.set(targetId, entry);
    }
    return entry;
  }

  /**
   * The decision with this id (ids are unique in a log), looked for first among the few recorded before the
   * `before`-th: findings and escalation follow the decision that caused them. A map of all decisions (a tenth of
   * the fold's time at 77,000 decisions) is built only when that misses, and then kept up to date.
   */
  decision(decisionId: string, before: number): DecisionEntry | undefined {
    const list = this.decisions;
    for (let i = before - 1; i >= Math.max(0, before - RECENT_DECISIONS); i -= 1)
      if (list[i].decisionId === decisionId) return list[i];
    for (; this.decisionsMapped < list.length; this.decisionsMapped += 1) {
      const entry = list[this.decisionsMapped];
      this.decisionsById.set(entry.decisionId, entry);
    }
    return this.decisionsById.get(decisionId);
  }

  /** Whether the team plays as the log stands: a team marked not played is left out of every judgement. */
  isPlayed(teamId: string): boolean {
    return !this.unplayed.has(teamId);
  }

  /** How many decisions were recorded before the event at `seq`. */
  decisionsBefore(seq: number): number {
    let low = 0;
    let high = this.decisions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.decisions[middle].seq < seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private setInjectStatus(injectId: string, status: InjectRecord['status']): void {
    const record = this.injects.get(injectId);
    if (record && record.status !== 'released') record.status = status;
  }

  private injectTitle(injectId: string): string {
    return injectLabel(injectId, this.injects.get(injectId)?.title);
  }

  /** The event being absorbed, in words. */
  private said(): string {
    return eventWords(this.event, this.eventNames);
  }
}
