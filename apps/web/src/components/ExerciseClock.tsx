// The exercise clock: large and unambiguous, with its status and speed beside it.
import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ClockState, ExerciseStatus } from '@ttx/engine';
import { exerciseTimeAt, formatClock } from '../exercise/exercise-clock.js';
import { useServerNow } from './useNow.js';

const STATUS_COLOR: Record<ExerciseStatus, string> = {
  none: 'gray',
  created: 'gray',
  lobby: 'blue',
  running: 'teal',
  paused: 'yellow',
  ended: 'red',
};

const STATUS_LABEL: Record<ExerciseStatus, string> = {
  none: 'Loading',
  created: 'Not started',
  lobby: 'Lobby open',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};

export function ExerciseClock(props: {
  clock: ClockState;
  status: ExerciseStatus;
  serverOffset: number;
  duration?: number;
  size?: 'md' | 'xl';
}) {
  const now = useServerNow(props.serverOffset, 250);
  const time = exerciseTimeAt(props.clock, now);
  const big = props.size === 'xl';
  return (
    <Group gap="sm" wrap="nowrap" aria-live="off">
      <Stack gap={0}>
        <Text
          className="ttx-clock"
          fz={big ? 'clamp(1.8rem, 4vw, 3.2rem)' : 'xl'}
          fw={700}
          lh={1.1}
          aria-label={`Exercise time ${formatClock(time)}`}
          data-testid="exercise-clock"
        >
          {formatClock(time)}
        </Text>
        {props.duration !== undefined && (
          <Text size="xs" c="dimmed">
            of {formatClock(props.duration)}
          </Text>
        )}
      </Stack>
      <Stack gap={4} align="flex-start">
        <Badge color={STATUS_COLOR[props.status]} variant="filled" data-testid="exercise-status">
          {STATUS_LABEL[props.status]}
        </Badge>
        <Badge color="gray" variant="outline">
          ×{props.clock.speed}
        </Badge>
      </Stack>
    </Group>
  );
}
