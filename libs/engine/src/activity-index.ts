// Indexes of what teams have done, folded from decisions and messages as they are recorded, so that rules asking
// "has this team ever…" or "who last asked…" cost the size of the scenario, not the length of the log.
import type { MessagePurpose } from '@ttx/scenario';
import type { AimSpan, DecisionRecord, MessageRecord, PurposeSpan } from './state.js';

/** Key of `ExerciseState.aims`: team `teamId` chose action `actionId` aimed at a target of state `stateId`. */
export function aimKey(teamId: string, actionId: string, stateId: string): string {
  return `${teamId}>${actionId}>${stateId}`;
}

/** Key of `ExerciseState.messagedAt`: team `teamId` sent a message on channel `channelId`. */
export function messagedKey(channelId: string, teamId: string): string {
  return `${channelId}:${teamId}`;
}

/**
 * Folds a decision's choices into `aims`. Entries are replaced, never changed, so a fork that chains `aims` to its
 * base's (see state-fork.ts) leaves the base untouched. Choices without a known target are left out.
 */
export function foldAims(
  aims: Record<string, AimSpan>,
  decision: Pick<DecisionRecord, 'seq' | 'teamId' | 'actions'>,
  stateOfTarget: (targetId: string) => string | undefined,
): void {
  decision.actions.forEach(({ actionId, targetId }, index) => {
    const stateId = targetId === undefined ? undefined : stateOfTarget(targetId);
    if (stateId === undefined) return;
    const key = aimKey(decision.teamId, actionId, stateId);
    const known = aims[key];
    aims[key] = known
      ? { firstSeq: known.firstSeq, firstIndex: known.firstIndex, lastSeq: decision.seq, lastIndex: index }
      : { firstSeq: decision.seq, firstIndex: index, lastSeq: decision.seq, lastIndex: index };
  });
}

/** Folds a message into `messagedAt`: the latest exercise time of the team's messages on the channel. */
export function foldMessagedAt(messagedAt: Record<string, number>, message: Pick<MessageRecord, 'channelId' | 'teamId' | 'exerciseTime'>): void {
  if (message.teamId === undefined) return;
  const key = messagedKey(message.channelId, message.teamId);
  const known = messagedAt[key];
  if (known === undefined || message.exerciseTime > known) messagedAt[key] = message.exerciseTime;
}

/** Key of `ExerciseState.purposed`: team `teamId` sent a message with `purpose` on channel `channelId`. */
export function purposeKey(channelId: string, teamId: string, purpose: MessagePurpose): string {
  return `${channelId}:${teamId}:${purpose}`;
}

/** Folds a message with a purpose into `purposed`; entries are replaced, never changed, as for `aims`. */
export function foldPurposed(purposed: Record<string, PurposeSpan>, message: MessageRecord): void {
  if (message.teamId === undefined || message.purpose === undefined) return;
  const key = purposeKey(message.channelId, message.teamId, message.purpose);
  const known = purposed[key];
  purposed[key] = { first: known?.first ?? message, last: message };
}
