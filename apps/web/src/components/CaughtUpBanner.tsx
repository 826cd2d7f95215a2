// After a reconnection: what arrived while the page was offline, in the order it happened.
import { Alert, Button, List, Text } from '@mantine/core';
import type { EventMessage } from '@ttx/contracts';
import { formatClock } from '../exercise/exercise-clock.js';
import { humanize } from '../exercise/labels.js';

function describeEvent(event: EventMessage): string {
  switch (event.type) {
    case 'inject.released':
      return `Inject: ${event.payload.title}`;
    case 'message.sent':
      return `Message on ${event.payload.channelId}`;
    case 'decision.submitted':
      return `Decision by ${event.payload.teamId}`;
    case 'findings.recorded':
      return `${event.payload.findings.length} finding(s) for ${event.payload.teamId}`;
    case 'escalation.changed':
      return `Escalation ${event.payload.from} → ${event.payload.to}: ESC-${event.payload.level}`;
    default:
      return humanize(event.type.replace('.', ' '));
  }
}

export function CaughtUpBanner({ events, onDismiss }: { events: readonly EventMessage[]; onDismiss: () => void }) {
  return (
    <Alert color="blue" title={`Back online — ${events.length} update(s) arrived while you were offline`} mb="md" data-testid="caught-up">
      <List size="sm" spacing={2}>
        {events.slice(0, 12).map((event) => (
          <List.Item key={event.seq}>
            <Text span className="ttx-clock" size="sm" c="dimmed">
              T+{formatClock(event.exerciseTime)}
            </Text>{' '}
            {describeEvent(event)}
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
