// The prompts bot teams will answer, each at the exercise time its seeded think time ends.
import type { ReleasedInject } from '@ttx/engine';
import type { SeededRandom } from '@ttx/engine';

export interface AgendaItem {
  exerciseTime: number;
  teamId: string;
  injectId: string;
}

/** Without a deadline a team takes up to this long (exercise ms) to answer. */
const UNHURRIED_WINDOW = 15 * 60_000;

/** Answers land between 15 % and 75 % of the time allowed, on a whole second, and before the exercise ends. */
export function thinkUntil(releasedAt: number, inject: ReleasedInject, duration: number, random: SeededRandom): number {
  const window = inject.decision?.deadline !== undefined ? inject.decision.deadline - releasedAt : UNHURRIED_WINDOW;
  const think = Math.max(1000, Math.floor((window * (0.15 + 0.6 * random.next())) / 1000) * 1000);
  return Math.min(releasedAt + think, duration - 1000);
}

export class BotAgenda {
  private readonly items: AgendaItem[] = [];

  add(item: AgendaItem): void {
    // Stable: items due at the same time keep the order they were added in.
    const at = this.items.findIndex((i) => i.exerciseTime > item.exerciseTime);
    this.items.splice(at < 0 ? this.items.length : at, 0, item);
  }

  peek(): AgendaItem | undefined {
    return this.items[0];
  }

  take(): AgendaItem | undefined {
    return this.items.shift();
  }
}
