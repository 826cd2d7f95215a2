// Words for author-facing messages: "did you mean", lists of known ids, what a YAML value looks like.

/** Edit distance counting a swap of neighbouring letters as one edit (optimal string alignment), kept in three rows
 * rather than a table, as it runs once per unknown field and known name. */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  // Rows i-2, i-1 and i of the table, side by side in one array.
  const rows = new Int32Array(3 * width);
  for (let j = 0; j < width; j++) rows[width + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const current = (i % 3) * width;
    const previous = ((i + 2) % 3) * width;
    const before = ((i + 1) % 3) * width;
    rows[current] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        best = Math.min(best, rows[before + j - 2] + 1);
      rows[current + j] = best;
    }
  }
  return rows[(a.length % 3) * width + b.length];
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
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  for (const candidate of known) {
    // Lengths further apart than the edits allowed cannot be a typo: skipping them keeps long lists cheap.
    const other = candidate.toLowerCase();
    if (Math.abs(other.length - lower.length) > allowed) continue;
    if (differsOnlyInNumber(lower, other)) continue;
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
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
