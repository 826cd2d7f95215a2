// Words for author-facing messages: "did you mean", lists of known ids, what a YAML value looks like.

/** Edit distance counting a swap of neighbouring letters as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** `SEV-9` and `SEV-0` differ only in their number: another rung of a ladder, not a typo of it. */
function differsOnlyInNumber(a: string, b: string): boolean {
  const skeleton = (w: string): string => w.replace(/[0-9]+/g, '#');
  return a !== b && /[0-9]/.test(a) && /[0-9]/.test(b) && skeleton(a) === skeleton(b);
}

/** The closest known word when it is close enough to be a typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (differsOnlyInNumber(lower, candidate.toLowerCase())) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const guess = closest(word, known);
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

/** `a, b, c` or `(none)`; long lists are cut after `max` with `…`. */
export function listIds(ids: readonly string[], max = 12): string {
  if (ids.length === 0) return '(none)';
  return ids.length > max ? `${ids.slice(0, max).join(', ')}, …` : ids.join(', ');
}

/** How a parsed YAML value reads to an author: `"text"`, `5`, `a list`, `a mapping`… */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
