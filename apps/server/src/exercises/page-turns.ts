// Events pages are built in turns of the event loop, a few milliseconds of pages at a time, so that requests
// arriving while many readers page through a long log (/health, decisions, syncs) are answered between two turns
// rather than after every page asked for.

/** Milliseconds of page building in one turn; the first page of a turn is always built. */
export const PAGE_TURN_BUDGET_MS = 4;

export class PageTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly budgetMs: number = PAGE_TURN_BUDGET_MS) {}

  /** Builds one page at the next turn with room for it; a build that throws rejects its own promise only. */
  build<T>(page: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(page());
        } catch (error) {
          reject(error as Error);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn(): void {
    this.scheduled = false;
    const started = performance.now();
    do this.waiting.shift()!();
    while (this.waiting.length > 0 && performance.now() - started < this.budgetMs);
    if (this.waiting.length > 0) this.schedule();
  }
}
