// The live feed of injects, newest first, with an unread marker on what arrived since the reader last looked.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { InjectCard } from '../../components/InjectCard.js';
import type { InjectView } from '../../exercise/exercise-view.js';
import { countUnread, newestFirst } from '../../exercise/player-feed.js';

export function InjectFeed(props: { injects: readonly InjectView[]; seenSeq: number; onSeen: (seq: number) => void; live: boolean }) {
  const unread = countUnread(props.injects, props.seenSeq);
  const loadedSeq = useRef<number | undefined>(undefined);
  // Injects present at first load are not "arriving"; those that come in afterwards get the visual cue.
  useEffect(() => {
    if (loadedSeq.current === undefined && props.live) loadedSeq.current = props.injects.at(-1)?.seq ?? 0;
  }, [props.live, props.injects]);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = unread > 0 ? `(${unread}) ${base}` : base;
  }, [unread]);
  const latest = props.injects.at(-1)?.seq ?? 0;
  return (
    <Stack gap="sm" component="section" aria-labelledby="feed-heading">
      <Group justify="space-between">
        <Title order={2} fz="lg" id="feed-heading">
          Inject feed {unread > 0 && <Text span c="blue.3" fz="md" data-testid="unread-count">· {unread} new</Text>}
        </Title>
        {unread > 0 && (
          <Button size="xs" variant="light" onClick={() => props.onSeen(latest)}>
            Mark all as read
          </Button>
        )}
      </Group>
      <div aria-live="polite" aria-relevant="additions">
        <Stack gap="sm">
          {props.injects.length === 0 && (
            <Text c="dimmed" size="sm">No injects yet. They appear here as exercise control releases them.</Text>
          )}
          {newestFirst(props.injects).map((inject) => (
            <InjectCard
              key={inject.seq}
              inject={inject}
              unread={inject.seq > props.seenSeq}
              arriving={loadedSeq.current !== undefined && inject.seq > loadedSeq.current}
            />
          ))}
        </Stack>
      </div>
    </Stack>
  );
}
