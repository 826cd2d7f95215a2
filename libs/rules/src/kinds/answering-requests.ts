// Shared reading of requests a team must answer: another team's request aimed at the team's state, or a prompt
// that offers the answering actions (the scenario's way of delivering a request as an inject).
import type { z } from 'zod';
import type { Finding } from '@ttx/engine';
import type { ActionTrait } from '@ttx/scenario';
import { shareParam, templateParam } from './params.js';
import {
  chosenActions,
  defineRuleKind,
  domesticAimAt,
  earlierAimsAt,
  recordFinding,
  type ChosenAction,
  type RuleContext,
  type RuleKind,
} from '../rule-context.js';
import { messageAct } from '../message-purposes.js';

export interface RequestReading {
  requestTraits: readonly ActionTrait[];
  answers(chosen: ChosenAction): boolean;
  /** Where an answer is aimed: at another state (an offer of help) or at home (stopping activity on one's territory). */
  answerGoes: 'abroad' | 'home';
  /** Whether requests from other teams of the team's own state count (an operator asking its CERT for help). */
  domestic: boolean;
  /** Sources cited beside the rule's own when the request came from home (public-private cooperation, CBM-14). */
  domesticCites: readonly string[];
  ignored?: string;
  ignoredShare: number;
  /** Traits of a purposeful message that answer a request (an offer of assistance); none when no message can. */
  messageAnswers: readonly ActionTrait[];
}

/** The params every request-answering kind takes beside its own: the concern for a request left unanswered. */
export const ignoredRequestParams = {
  ignored: templateParam.optional(),
  ignoredShare: shareParam.default(0.5),
};

type RequestParams = Pick<RequestReading, 'requestTraits' | 'ignored' | 'ignoredShare'>;

/** A kind that judges how a team answers requests: its params name what a request is and hold the
 * `ignoredRequestParams`; `answers` tells from them which chosen actions answer one. */
export function defineRequestAnsweringKind<S extends z.ZodType<RequestParams>>(spec: {
  kind: string;
  sources: readonly string[];
  summary: string;
  params: S;
  answerGoes: RequestReading['answerGoes'];
  domestic?: boolean;
  domesticCites?: readonly string[];
  answers: (params: z.output<S>) => RequestReading['answers'];
  /** The traits of a purposeful message that answer a request, when a message can answer one. */
  messageAnswers?: (params: z.output<S>) => readonly ActionTrait[];
}): RuleKind<S> {
  const { answerGoes, answers, messageAnswers, domestic = false, domesticCites = [], ...kind } = spec;
  return defineRuleKind({
    ...kind,
    evaluate(context) {
      const params: RequestParams = context.params;
      return judgeRequestAnswering(context, {
        ...params,
        answerGoes,
        domestic,
        domesticCites,
        answers: answers(context.params),
        messageAnswers: messageAnswers?.(context.params) ?? [],
      });
    },
  });
}

/**
 * States whose teams asked the team's state earlier, by request action name (in the order they first asked); with
 * `domestic`, the team's own state last when another of its teams (an operator, its CERT) asked at home.
 */
function requesters(context: RuleContext, reading: RequestReading): Map<string, string> {
  const own = context.team.state;
  if (own === undefined) return new Map();
  const askers = earlierAimsAt(context, own, reading.requestTraits);
  const domestic = reading.domestic ? domesticAimAt(context, reading.requestTraits) : undefined;
  if (domestic !== undefined) askers.set(own, domestic);
  return askers;
}

/**
 * Whether the prompt of `injectId` asks the team for an answer: it offers an answering action together with a
 * target that action can take where answers go (another state's for an offer, the team's own for stopping
 * activity at home), or an answering action that takes no target.
 */
function promptAsks(context: RuleContext, injectId: string | undefined, reading: RequestReading): boolean {
  const prompt = injectId === undefined ? undefined : context.state.injects[injectId]?.released?.decision;
  if (!prompt) return false;
  const own = context.team.state;
  const targets = prompt.targets.map((id) => context.world.targets.get(id)).filter((t) => t !== undefined);
  return prompt.actions.some((id) => {
    const action = context.world.actions.get(id);
    if (!action || !reading.answers({ choice: { actionId: id }, action, rung: 0 })) return false;
    if (action.targets.length === 0) return true;
    return targets.some(
      (t) => action.targets.includes(t.kind) && (reading.answerGoes === 'home') === (t.state === own),
    );
  });
}

export function judgeRequestAnswering(context: RuleContext, reading: RequestReading): Finding[] {
  const trigger = context.trigger;
  if (trigger.kind === 'deadline-missed') {
    return promptAsks(context, trigger.injectId, reading) ? ignoredRequest(context, reading) : [];
  }
  if (trigger.kind === 'message') return judgeMessageAnswer(context, reading);
  const asked = promptAsks(context, trigger.decision.injectId, reading);
  // Who asked is looked up only when the decision holds an action that could answer: most decisions hold none.
  const answering = chosenActions(context).filter((c) => reading.answers(c));
  if (answering.length === 0) return asked ? ignoredRequest(context, reading) : [];
  const askers = requesters(context, reading);
  // An answer goes to the asking state — abroad, or at home when one's own operator asked — or, for activity
  // from one's own territory, acts at home.
  const answersAsker = (c: ChosenAction) =>
    askers.size > 0 &&
    (c.target === undefined ||
      (reading.answerGoes === 'home' ? c.target.state === context.team.state : askers.has(c.target.state)));
  const answer = answering.find((c) => asked || answersAsker(c));
  if (answer) {
    const requester = (answer.target && askers.get(answer.target.state)) ?? askers.values().next().value;
    const fromHome = !asked && answer.target !== undefined && answer.target.state === context.team.state && reading.domestic;
    return [
      recordFinding(context, {
        severity: 'commendation',
        share: 1,
        chosen: answer,
        fields: { request: requester ?? 'the request' },
        cites: [...(fromHome ? reading.domesticCites : []), ...answer.action.cbm],
      }),
    ];
  }
  return asked ? ignoredRequest(context, reading) : [];
}

/** The concern for a request the team was asked to answer and did not, when the rule words one. */
function ignoredRequest(context: RuleContext, reading: RequestReading): Finding[] {
  if (reading.ignored === undefined) return [];
  return [recordFinding(context, { severity: 'concern', share: -reading.ignoredShare, template: reading.ignored })];
}

/** A message with a purpose that answers (an offer of assistance) reaching a state that asked earlier: commended as the offer it makes. */
function judgeMessageAnswer(context: RuleContext, reading: RequestReading): Finding[] {
  const act = messageAct(context);
  if (!act || !act.traits.some((t) => reading.messageAnswers.includes(t))) return [];
  const askers = requesters(context, reading);
  const asker = act.states.find((s) => askers.has(s));
  if (asker === undefined) return [];
  return [
    recordFinding(context, {
      severity: 'commendation',
      share: 1,
      fields: {
        request: askers.get(asker)!,
        action: act.label,
        targetState: context.world.states.get(asker)?.name ?? asker,
      },
      cites: asker === context.team.state ? reading.domesticCites : [],
    }),
  ];
}
