// Messages with a purpose on the hotline and the CERT network, read by the rules as the catalogue acts they name: a
// demand on the hotline is the call to comply a countermeasure needs, a request on the CERT network a request for
// assistance, and so on. A message without a purpose, or on a team chat, is none of these.
import { formatOffset, type ActionTrait, type ChannelDef, type ChannelKind, type MessagePurpose, type Scenario } from '@ttx/scenario';
import { foldPurposed, purposeKey, type ExerciseState, type MessageRecord, type PurposeSpan } from '@ttx/engine';
import type { RuleContext, WorldIndex } from './rule-context.js';

/** The catalogue trait each purpose stands for. */
export const PURPOSE_TRAITS: Readonly<Record<MessagePurpose, ActionTrait>> = {
  'share-indicators': 'information-sharing',
  'request-assistance': 'assistance-request',
  'offer-assistance': 'assistance-offer',
  notify: 'notification',
  demand: 'demand',
  consult: 'consultation',
};

/** What a message with each purpose does, as explanations say it. */
const PURPOSE_WORDS: Readonly<Record<MessagePurpose, string>> = {
  'share-indicators': 'share indicators',
  'request-assistance': 'request assistance',
  'offer-assistance': 'offer assistance',
  notify: 'notify',
  demand: 'demand compliance',
  consult: 'consult',
};

/** The channel kinds whose purposeful messages the rules score (CBM-8 and CBM-13 for the hotline; NORM-D, NORM-H for the CERT network). */
export const SCORED_CHANNEL_KINDS: readonly ChannelKind[] = ['hotline', 'cert-network'];

/**
 * The traits a message with `purpose` on a channel of `kind` carries: the purpose's own, and on the hotline the
 * hotline's too (a call on the protected line, as the catalogue's hotline action is); none on other channels.
 */
export function purposeTraits(kind: ChannelKind, purpose: MessagePurpose): readonly ActionTrait[] {
  if (!SCORED_CHANNEL_KINDS.includes(kind)) return [];
  return kind === 'hotline' ? [PURPOSE_TRAITS[purpose], 'hotline'] : [PURPOSE_TRAITS[purpose]];
}

/** A message as explanations name it: `a message to demand compliance (m-7 on North–South hotline at 00:12:00)`. */
export function messageLabel(message: Pick<MessageRecord, 'messageId' | 'exerciseTime'> & { purpose: MessagePurpose }, channel: ChannelDef): string {
  return `a message to ${PURPOSE_WORDS[message.purpose]} (${message.messageId} on ${channel.name} at ${formatOffset(message.exerciseTime)})`;
}

/** A purposeful message being judged, read as the act it names. */
export interface MessageAct {
  message: MessageRecord & { purpose: MessagePurpose };
  channel: ChannelDef;
  traits: readonly ActionTrait[];
  /** The states it reaches: those of the channel's other members, in member order, the sender's own included when a fellow team is on it. */
  states: readonly string[];
  label: string;
}

/** The message of a message trigger as the act it names; undefined for other triggers and for messages the rules do not score. */
export function messageAct(context: Pick<RuleContext, 'trigger' | 'scenario' | 'world'>): MessageAct | undefined {
  const trigger = context.trigger;
  if (trigger.kind !== 'message') return undefined;
  const { message } = trigger;
  const purpose = message.purpose;
  if (purpose === undefined || message.teamId === undefined) return undefined;
  const channel = context.scenario.channels.find((c) => c.id === message.channelId);
  if (!channel) return undefined;
  const traits = purposeTraits(channel.kind, purpose);
  if (traits.length === 0) return undefined;
  const purposeful = { ...message, purpose };
  return { message: purposeful, channel, traits, states: statesReached(context.world, channel, message.teamId), label: messageLabel(purposeful, channel) };
}

/** States the messages of `teamId` on `channel` reach: those of its other members, each once, in member order. */
export function statesReached(world: WorldIndex, channel: ChannelDef, teamId: string): string[] {
  const states: string[] = [];
  for (const member of channel.members) {
    const state = member === teamId ? undefined : world.teams.get(member)?.state;
    if (state !== undefined && !states.includes(state)) states.push(state);
  }
  return states;
}

// ---------------------------------------------------------------- earlier purposeful messages, indexed

/** One `purposed` key to read: team `teamId` (of `teamState`) messaging `purpose` on `channel`, reaching the asked-about state. */
export interface PurposeQuery {
  teamId: string;
  teamState: string | undefined;
  channel: ChannelDef;
  key: string;
}

const purposeQueries = new WeakMap<WorldIndex, Map<string, PurposeQuery[]>>();

/**
 * Every (team, scored channel, purpose) whose messages reach `stateId` and carry one of `traits`, keys built once
 * per world: the cost of the scenario, never of the log.
 */
export function purposeQueriesTo(scenario: Scenario, world: WorldIndex, stateId: string, traits: readonly ActionTrait[]): PurposeQuery[] {
  let byQuery = purposeQueries.get(world);
  if (!byQuery) purposeQueries.set(world, (byQuery = new Map()));
  const id = `${stateId}|${traits.join(',')}`;
  let queries = byQuery.get(id);
  if (queries) return queries;
  queries = [];
  for (const channel of scenario.channels) {
    if (!SCORED_CHANNEL_KINDS.includes(channel.kind)) continue;
    for (const teamId of channel.members) {
      const team = world.teams.get(teamId);
      if (!team || !statesReached(world, channel, teamId).includes(stateId)) continue;
      for (const purpose of Object.keys(PURPOSE_TRAITS) as MessagePurpose[]) {
        if (!purposeTraits(channel.kind, purpose).some((t) => traits.includes(t))) continue;
        queries.push({ teamId, teamState: team.state, channel, key: purposeKey(channel.id, teamId, purpose) });
      }
    }
  }
  byQuery.set(id, queries);
  return queries;
}

/** The index folded here for states that do not carry the engine's (`purposed`). */
const foldedPurposes = new WeakMap<MessageRecord[], { seen: number; index: Record<string, PurposeSpan> }>();

/** The state's purposeful messages by channel, team and purpose: the engine's index, or one folded from its messages. */
export function purposedIn(state: ExerciseState): Record<string, PurposeSpan> {
  if (state.purposed) return state.purposed;
  let folded = foldedPurposes.get(state.messages);
  if (!folded || folded.seen > state.messages.length) {
    folded = { seen: 0, index: {} };
    foldedPurposes.set(state.messages, folded);
  }
  for (; folded.seen < state.messages.length; folded.seen++) foldPurposed(folded.index, state.messages[folded.seen]!);
  return folded.index;
}

/** An earlier purposeful message found for a query, with its words. */
export interface EarlierMessage {
  message: MessageRecord;
  label: string;
}

export function earlierMessageOf(span: PurposeSpan['first'], channel: ChannelDef): EarlierMessage {
  return { message: span, label: span.purpose === undefined ? span.messageId : messageLabel({ ...span, purpose: span.purpose }, channel) };
}

/** The team's latest earlier message with one of `traits` reaching `otherState` on the hotline or the CERT network. */
export function lastMessagedTo(
  context: Pick<RuleContext, 'state' | 'world' | 'team' | 'scenario'>,
  otherState: string,
  traits: readonly ActionTrait[],
): EarlierMessage | undefined {
  const purposed = purposedIn(context.state);
  let best: { span: PurposeSpan; channel: ChannelDef } | undefined;
  for (const query of purposeQueriesTo(context.scenario, context.world, otherState, traits)) {
    if (query.teamId !== context.team.id) continue;
    const span = purposed[query.key];
    if (span && (!best || span.last.seq > best.span.last.seq)) best = { span, channel: query.channel };
  }
  return best && earlierMessageOf(best.span.last, best.channel);
}
