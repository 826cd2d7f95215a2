// What a team's screen derives from the view: open prompts, unread counts, the channels it may use.
import type { ChannelDef } from '@ttx/scenario';
import type { ExerciseView, InjectView, MessageView } from './exercise-view.js';

/** Released injects newest first. */
export function newestFirst(injects: readonly InjectView[]): InjectView[] {
  return [...injects].sort((a, b) => b.seq - a.seq);
}

/** Prompts addressed to the team that it has neither answered nor let lapse. */
export function openPrompts(view: ExerciseView, teamId: string): InjectView[] {
  return view.injects.filter((inject) => {
    if (!inject.decision) return false;
    if (!inject.audience.includes(teamId)) return false;
    const key = `${inject.injectId}:${teamId}`;
    return !view.answered[key] && !view.missed[key];
  });
}

/** Items with a seq above what the reader has marked seen. */
export function countUnread(items: readonly { seq: number }[], seenSeq: number): number {
  return items.reduce((n, item) => (item.seq > seenSeq ? n + 1 : n), 0);
}

export function channelsOfTeam(channels: readonly ChannelDef[], teamId: string): ChannelDef[] {
  return channels.filter((channel) => channel.members.includes(teamId));
}

export function messagesIn(view: ExerciseView, channelId: string): MessageView[] {
  return view.messages.filter((m) => m.channelId === channelId);
}

/** Exercise time by which a released prompt must be answered: the release time plus the prompt's allowance. */
export function promptDeadline(inject: InjectView): number | undefined {
  return inject.decision?.deadline;
}
