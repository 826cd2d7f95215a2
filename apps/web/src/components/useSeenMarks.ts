// What the reader has already seen (the feed, each channel), kept per tab so a reload keeps unread markers right.
import { useCallback, useState } from 'react';

export interface SeenMarks {
  feed: number;
  channels: Record<string, number>;
}

function load(key: string): SeenMarks {
  try {
    const raw = window.sessionStorage.getItem(key);
    if (raw) return JSON.parse(raw) as SeenMarks;
  } catch {
    // Storage refused or corrupt: start with nothing seen.
  }
  return { feed: 0, channels: {} };
}

export function useSeenMarks(exerciseId: string | undefined) {
  const key = `ttx.seen.${exerciseId ?? 'none'}`;
  const [marks, setMarks] = useState<SeenMarks>(() => load(key));
  const save = useCallback(
    (next: SeenMarks) => {
      setMarks(next);
      try {
        window.sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Marks are a convenience; losing them only shows items as unread again.
      }
    },
    [key],
  );
  const markFeedSeen = useCallback((seq: number) => save({ ...load(key), feed: seq }), [key, save]);
  const markChannelSeen = useCallback(
    (channelId: string, seq: number) => {
      const current = load(key);
      save({ ...current, channels: { ...current.channels, [channelId]: seq } });
    },
    [key, save],
  );
  return { marks, markFeedSeen, markChannelSeen };
}
