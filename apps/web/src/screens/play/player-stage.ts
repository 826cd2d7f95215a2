// Which stage of the exercise a player's screen shows: a briefing while waiting, the live feed, a pause, the end.
import type { ExerciseStatus } from '@ttx/engine';
import type { ConnectionState } from '../../socket/exercise-connection.js';

export type PlayerStage = 'connecting' | 'waiting' | 'running' | 'paused' | 'ended';

export function playerStage(status: ExerciseStatus, connection: ConnectionState): PlayerStage {
  switch (status) {
    case 'running':
      return 'running';
    case 'paused':
      return 'paused';
    case 'ended':
      return 'ended';
    case 'created':
    case 'lobby':
      return 'waiting';
    case 'none':
      // Nothing folded yet: until the first sync it is too early to say the exercise has not started.
      return connection === 'live' ? 'waiting' : 'connecting';
  }
}
