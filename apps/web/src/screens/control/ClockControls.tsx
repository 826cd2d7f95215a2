// Start, pause, resume, end and speed: the few buttons that run the exercise, with the state that enables each.
import { Alert, Button, Group, NativeSelect } from '@mantine/core';
import { LIMITS } from '@ttx/contracts';
import type { ExerciseStatus } from '@ttx/engine';
import { useState } from 'react';
import type { ClockCommand } from '../../api/exercise-api.js';

// The fastest choice is the fastest clock the engine accepts.
const SPEEDS = [...[1, 2, 5, 10, 20, 30].filter((s) => s < LIMITS.maxSpeed), LIMITS.maxSpeed];

export function ClockControls(props: {
  status: ExerciseStatus;
  speed: number;
  busy: boolean;
  onClock: (command: ClockCommand) => void;
  onSpeed: (speed: number) => void;
}) {
  const { status, busy } = props;
  const [confirming, setConfirming] = useState(false);
  const notStarted = status === 'created' || status === 'lobby';
  const speeds = SPEEDS.includes(props.speed) ? SPEEDS : [...SPEEDS, props.speed].sort((a, b) => a - b);
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Exercise clock controls">
      {notStarted && <Button color="teal" onClick={() => props.onClock('start')} disabled={busy}>Start</Button>}
      {status === 'running' && <Button color="yellow" c="dark.9" onClick={() => props.onClock('pause')} disabled={busy}>Pause</Button>}
      {status === 'paused' && <Button color="teal" onClick={() => props.onClock('resume')} disabled={busy}>Resume</Button>}
      <NativeSelect
        aria-label="Exercise speed"
        value={String(props.speed)}
        onChange={(e) => props.onSpeed(Number(e.currentTarget.value))}
        disabled={busy || status === 'ended'}
        data={speeds.map((s) => ({ value: String(s), label: `Speed ×${s}` }))}
        w={130}
      />
      {(status === 'running' || status === 'paused') &&
        (confirming ? (
          <Group gap={4}>
            <Button color="red" onClick={() => { setConfirming(false); props.onClock('end'); }} disabled={busy} autoFocus>
              Confirm: end for everyone
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)}>Cancel</Button>
          </Group>
        ) : (
          <Button color="red" variant="outline" onClick={() => setConfirming(true)} disabled={busy}>End exercise</Button>
        ))}
    </Group>
  );
}

/** Why the clock stands when the server, not a controller, paused it: no exercise time passed while it was down. */
export function RestartPauseNotice(props: { cause: { reason: 'server-restart'; downSince?: number }; pausedAt: number }) {
  const { downSince } = props.cause;
  const seconds = downSince !== undefined ? Math.max(0, Math.round((props.pausedAt - downSince) / 1000)) : undefined;
  return (
    <Alert color="yellow" mt="sm" role="status" title="Paused by a server restart">
      The server was down{seconds !== undefined ? ` for ${seconds} s` : ''}; the clock stands where it was when it stopped, so no inject or
      deadline fell due meanwhile. Resume when the teams are back.
    </Alert>
  );
}
