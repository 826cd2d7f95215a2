// What a message on a channel may be for, as the composer offers it and the message list shows it: the purposes
// the channel allows (its own list, or its kind's), worded for players.
import { channelPurposes, type ChannelDef, type MessagePurpose } from '@ttx/scenario';

export const PURPOSE_LABEL: Record<MessagePurpose, string> = {
  'share-indicators': 'Share indicators',
  'request-assistance': 'Request assistance',
  'offer-assistance': 'Offer assistance',
  notify: 'Notify',
  demand: 'Demand compliance',
  consult: 'Consult',
};

/** The composer's purpose choices on `channel`, in the channel's order; empty where it allows none. */
export function composerPurposes(channel: Pick<ChannelDef, 'kind' | 'purposes'>): { value: MessagePurpose; label: string }[] {
  return channelPurposes(channel).map((value) => ({ value, label: PURPOSE_LABEL[value] }));
}

/** The purpose the composer keeps: the one chosen while the channel still allows it, else none. */
export function keptPurpose(channel: Pick<ChannelDef, 'kind' | 'purposes'>, chosen: string | null | undefined): MessagePurpose | undefined {
  return channelPurposes(channel).find((p) => p === chosen);
}
