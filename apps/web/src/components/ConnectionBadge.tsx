// Whether the live link is up; read out to screen readers when it changes.
import { Badge } from '@mantine/core';
import type { ConnectionState } from '../socket/exercise-connection.js';

const LOOK: Record<ConnectionState, { color: string; label: string }> = {
  connecting: { color: 'gray', label: 'Connecting…' },
  'catching-up': { color: 'blue', label: 'Catching up…' },
  live: { color: 'teal', label: 'Live' },
  offline: { color: 'red', label: 'Offline — reconnecting' },
  refused: { color: 'red', label: 'Disconnected' },
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const look = LOOK[state];
  return (
    <Badge
      color={look.color}
      variant={state === 'live' ? 'dot' : 'filled'}
      role="status"
      aria-live="polite"
      data-testid="connection-state"
      data-state={state}
    >
      {look.label}
    </Badge>
  );
}
