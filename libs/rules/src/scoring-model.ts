// The engine's scoring seam, filled by the rule set: every rule judges each decision, missed deadline and
// message, and the escalation model moves the levels between states.
import type { Rule, Team } from '@ttx/scenario';
import type {
  Assessment,
  DecisionRecord,
  ExerciseContext,
  ExerciseEvent,
  ExerciseState,
  Finding,
  ScoringModel,
} from '@ttx/engine';
import {
  indexWorld,
  resolveChoices,
  type ChosenAction,
  type RuleContext,
  type RuleTrigger,
  type WorldIndex,
} from './rule-context.js';
import { ruleKinds } from './rule-kinds.js';
import { assembleVerdicts, type AssembledDecision } from './action-verdicts.js';
import { escalationEasing, escalationForDecision, escalationForMessage, escalationParams } from './escalation-model.js';

const NOTHING: Assessment = { findings: [], escalation: [] };

/** Params parsed once per rule; a rule whose params its kind rejects is skipped (checkRuleSet reports it). */
const parsedParams = new WeakMap<Rule, { ok: boolean; params: unknown }>();
function paramsOf(rule: Rule): { ok: boolean; params: unknown } {
  let parsed = parsedParams.get(rule);
  if (!parsed) {
    const result = ruleKinds[rule.kind]?.params.safeParse(rule.params ?? {});
    parsed = result?.success ? { ok: true, params: result.data } : { ok: false, params: undefined };
    parsedParams.set(rule, parsed);
  }
  return parsed;
}

/** Every rule of the rule set applied to one trigger, findings in rule order; on a decision, assembled with one
 * verdict per action chosen (`assembleVerdicts`). */
export function judgeWithVerdicts(
  ctx: ExerciseContext,
  state: ExerciseState,
  team: Team,
  trigger: RuleTrigger,
  world: WorldIndex = indexWorld(ctx.scenario, ctx.catalogue),
): AssembledDecision {
  const findings = judgeRules(ctx, state, team, trigger, world);
  if (trigger.kind !== 'decision') return { findings, verdicts: [] };
  return assembleVerdicts(ctx.ruleSet, world, team, trigger.chosen, findings);
}

/** The findings of `judgeWithVerdicts`. */
export function judge(
  ctx: ExerciseContext,
  state: ExerciseState,
  team: Team,
  trigger: RuleTrigger,
  world: WorldIndex = indexWorld(ctx.scenario, ctx.catalogue),
): Finding[] {
  return judgeWithVerdicts(ctx, state, team, trigger, world).findings;
}

function judgeRules(
  ctx: ExerciseContext,
  state: ExerciseState,
  team: Team,
  trigger: RuleTrigger,
  world: WorldIndex = indexWorld(ctx.scenario, ctx.catalogue),
): Finding[] {
  const rules = ctx.ruleSet.rules;
  // Each rule's findings, worked out once: in rule order, or earlier when a CBM rule asks whether a step it would
  // credit is itself a violation (only the rules outside the cbm-use dimension can say so).
  const byRule: (Finding[] | undefined)[] = new Array(rules.length);
  const findingsOf = (i: number, withVerdicts: boolean): Finding[] =>
    (byRule[i] ??= applyRule(ctx, state, team, trigger, world, rules[i]!, withVerdicts ? violated : undefined));
  let violations: Finding[] | undefined;
  function violated(chosen: ChosenAction): boolean {
    if (!violations) {
      violations = [];
      rules.forEach((rule, i) => {
        if (rule.dimension !== 'cbm-use') violations!.push(...findingsOf(i, false).filter((f) => f.severity === 'violation'));
      });
    }
    return violations.some((f) => f.actionId === chosen.action.id && f.targetId === chosen.choice.targetId);
  }
  return rules.flatMap((_, i) => findingsOf(i, true));
}

function applyRule(
  ctx: ExerciseContext,
  state: ExerciseState,
  team: Team,
  trigger: RuleTrigger,
  world: WorldIndex,
  rule: Rule,
  violated: RuleContext['violated'],
): Finding[] {
  const kind = ruleKinds[rule.kind];
  const { ok, params } = paramsOf(rule);
  if (!kind || !ok) return [];
  const context: RuleContext<unknown> = {
    scenario: ctx.scenario,
    catalogue: ctx.catalogue,
    ruleSet: ctx.ruleSet,
    rule,
    params,
    team,
    state,
    trigger,
    world,
    violated,
  };
  return kind.evaluate(context as never);
}

/** The scoring model the engine calls: findings from the rule set, escalation moves from its `escalation:` map. */
export function createScoringModel(): ScoringModel {
  return {
    assess(ctx: ExerciseContext, state: ExerciseState, event: ExerciseEvent): Assessment {
      const world = indexWorld(ctx.scenario, ctx.catalogue);
      const params = escalationParams(ctx.ruleSet);
      switch (event.type) {
        case 'decision.submitted': {
          const team = world.teams.get(event.payload.teamId);
          if (!team) return NOTHING;
          const decision: DecisionRecord = {
            seq: event.seq,
            decisionId: event.payload.decisionId,
            teamId: team.id,
            injectId: event.payload.injectId,
            actions: event.payload.actions,
            rationale: event.payload.rationale,
            ...(event.payload.confidence !== undefined ? { confidence: event.payload.confidence } : {}),
            exerciseTime: event.exerciseTime,
            latency: event.payload.latency,
          };
          const chosen = resolveChoices(world, decision.actions);
          const { findings, verdicts } = judgeWithVerdicts(ctx, state, team, { kind: 'decision', decision, chosen }, world);
          return {
            findings,
            verdicts: { teamId: team.id, verdicts },
            escalation: escalationForDecision(params, state, decision, team.state, chosen),
          };
        }
        case 'inject.deadline-missed': {
          const team = world.teams.get(event.payload.teamId);
          if (!team) return NOTHING;
          const trigger: RuleTrigger = { kind: 'deadline-missed', injectId: event.payload.injectId, exerciseTime: event.exerciseTime };
          return { findings: judge(ctx, state, team, trigger, world), escalation: [] };
        }
        case 'message.sent': {
          const message = { seq: event.seq, exerciseTime: event.exerciseTime, ...event.payload };
          const team = message.teamId === undefined ? undefined : world.teams.get(message.teamId);
          const channelKind = ctx.scenario.channels.find((c) => c.id === message.channelId)?.kind ?? 'team-chat';
          return {
            findings: team ? judge(ctx, state, team, { kind: 'message', message, channelKind }, world) : [],
            escalation: escalationForMessage(params, ctx.scenario, world, state, message),
          };
        }
        default:
          return NOTHING;
      }
    },
    ease(ctx: ExerciseContext, state: ExerciseState, exerciseTime: number) {
      return escalationEasing(escalationParams(ctx.ruleSet), indexWorld(ctx.scenario, ctx.catalogue), state, exerciseTime);
    },
  };
}
