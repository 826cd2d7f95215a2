// After a reconnection: what arrived while the page was offline, in the order it happened.
import { Alert, Button, List, Text } from '@mantine/core';
import type { EventMessage } from '@ttx/contracts';
import { eventWords, type EventNames } from '@ttx/engine';
import { formatClock } from '../exercise/exercise-clock.js';

export function CaughtUpBanner({
  events,
  names,
  onDismiss,
}: {
  events: readonly EventMessage[];
  names: EventNames;
  onDismiss: () => void;
}) {
  return (
    <Alert
      color="blue"
      title={`Back online — ${events.length} update(s) arrived while you were offline`}
      mb="md"
      data-testid="caught-up"
    >
      <List size="sm" spacing={2}>
        {events.slice(0, 12).map((event) => (
          <List.Item key={event.seq}>
            <Text span className="ttx-clock" size="sm" c="dimmed">
              T+{formatClock(event.exerciseTime)}
            </Text>{' '}
            {eventWords(event, names)}
          </List.Item>
        ))}
      </List>
      {events.length > 12 && <Text size="sm">…and {events.length - 12} more, shown in the feed.</Text>}
      <Button size="xs" variant="light" mt="xs" onClick={onDismiss}>
        Dismiss
      </Button>
    </Alert>
  );
}
