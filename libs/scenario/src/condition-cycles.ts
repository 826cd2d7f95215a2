// Injects that wait, directly or through others, for themselves: such an inject could never be released.
import { conditionCanComeTrue, injectsWaitedFor } from './condition-kinds.js';
import { type FieldProblem } from './problem.js';
import { type Inject } from './schema.js';

/** Injects whose condition can come true: the least fixpoint from the injects that wait for nothing, so a cycle
 * through `any` with another way out is not a cycle that blocks. */
function releasableInjects(injects: readonly Inject[], indexOf: ReadonlyMap<string, number>): boolean[] {
  const releasable = injects.map((inject) => inject.when === undefined);
  const isReleasable = (id: string): boolean => {
    const index = indexOf.get(id);
    return index === undefined || releasable[index];
  };
  for (let changed = true; changed;) {
    changed = false;
    injects.forEach((inject, index) => {
      if (
        !releasable[index] &&
        inject.when !== undefined &&
        conditionCanComeTrue(inject.when, isReleasable)
      ) {
        releasable[index] = true;
        changed = true;
      }
    });
  }
  return releasable;
}

/** One problem per cycle of injects that can never be released, at the `when` of the cycle's first inject in file
 * order. */
export function checkConditionCycles(injects: readonly Inject[]): FieldProblem[] {
  const indexOf = new Map<string, number>();
  injects.forEach((inject, index) => {
    if (!indexOf.has(inject.id)) indexOf.set(inject.id, index);
  });
  const releasable = releasableInjects(injects, indexOf);
  const waitsFor = injects.map((inject, index) =>
    inject.when === undefined || releasable[index]
      ? []
      : [...new Set(injectsWaitedFor(inject.when))]
          .filter((id) => indexOf.has(id))
          .map((id) => indexOf.get(id) ?? 0)
          .filter((waited) => !releasable[waited]),
  );
  const problems: FieldProblem[] = [];
  const state = injects.map(() => 'new' as 'new' | 'open' | 'done');
  const stack: number[] = [];
  const reported = new Set<string>();

  const visit = (index: number): void => {
    state[index] = 'open';
    stack.push(index);
    for (const next of waitsFor[index]) {
      if (state[next] === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const first = Math.min(...cycle);
        const key = [...cycle].sort((a, b) => a - b).join(',');
        if (!reported.has(key)) {
          reported.add(key);
          const start = cycle.indexOf(first);
          const ordered = [...cycle.slice(start), ...cycle.slice(0, start), first].map((i) => injects[i].id);
          problems.push({
            path: ['injects', first, 'when'],
            message:
              ordered.length === 2
                ? `waits for itself, so it can never be released`
                : `waits for itself through ${ordered.join(' → ')}, so none of these can ever be released`,
          });
        }
      } else if (state[next] === 'new') visit(next);
    }
    stack.pop();
    state[index] = 'done';
  };
  injects.forEach((_, index) => {
    if (state[index] === 'new') visit(index);
  });
  return problems;
}
