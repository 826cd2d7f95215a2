// Parses an exercise file with positions kept, and maps a path in its data back to a line and column.
import {
  Composer,
  type CST,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';
import {
  type FieldPath,
  type FieldProblem,
  formatFieldPath,
  type Problem,
  type SourceFile,
} from './problem.js';
import {
  bracketDepthExceeded,
  checkSourceShape,
  limitMessage,
  SOURCE_LIMITS,
  type SourceLimit,
  syntaxDepthExceeded,
  type SourceLimits,
} from './source-limits.js';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedSource {
  file: SourceFile;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML could not be read. */
  data: unknown;
  /** YAML syntax problems; when there are any, `data` is not checked further. */
  problems: Problem[];
}

export function parseSource(file: SourceFile, limits: SourceLimits = SOURCE_LIMITS): ParsedSource {
  const lineCounter = new LineCounter();
  const parsed: ParsedSource = {
    file,
    doc: new Document() as Document.Parsed,
    lineCounter,
    data: undefined,
    problems: [],
  };
  const refuse = (limit: SourceLimit, offset: number, message: string): ParsedSource => {
    const { line, col } = offset > 0 ? lineCounter.linePos(offset) : { line: 1, col: 1 };
    parsed.problems.push({ file: file.path, line, column: col, path: '(root)', message, limit });
    return parsed;
  };
  const bytes = Buffer.byteLength(file.text, 'utf8');
  if (bytes > limits.bytes) return refuse('bytes', 0, limitMessage('bytes', limits, bytes));
  const deepBracket = bracketDepthExceeded(file.text, limits);
  if (deepBracket !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = file.text.indexOf('\n'); i >= 0 && i < deepBracket; i = file.text.indexOf('\n', i + 1))
      lineCounter.addNewLine(i + 1);
    return refuse('depth', deepBracket, limitMessage('depth', limits));
  }
  // parseDocument's steps, with the syntax's depth checked before the (recursive) building of the document.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(file.text)];
  const deepSyntax = syntaxDepthExceeded(tokens, limits);
  if (deepSyntax !== undefined) return refuse('depth', deepSyntax, limitMessage('depth', limits));
  // Keys are checked for repeats by checkSourceShape: the library's own check is quadratic in a mapping's keys.
  parsed.doc = composeDocument(tokens, file.text.length);
  const { doc } = parsed;
  const shape = checkSourceShape(doc, limits);
  if (shape.exceeded) return refuse(shape.exceeded.limit, shape.exceeded.offset, shape.exceeded.message);
  const errors = [
    ...doc.errors.map((e) => ({ offset: e.pos[0], code: e.code as string, message: e.message, pos: e.pos })),
    ...shape.duplicateKeys.map((d) => ({
      offset: d.offset,
      code: 'DUPLICATE_KEY',
      message: '',
      pos: [d.offset, d.offset] as [number, number],
    })),
  ].sort((a, b) => a.offset - b.offset);
  const linesWithError = new Set<number>();
  for (const error of errors) {
    const offset = error.offset;
    const { line, col } = lineCounter.linePos(offset);
    // Later errors on a line already reported are the parser recovering, not new mistakes.
    if (linesWithError.has(line)) continue;
    linesWithError.add(line);
    const path = formatFieldPath(pathAtOffset(doc, offset));
    parsed.problems.push({
      file: file.path,
      line,
      column: col,
      path,
      message: yamlMessage(error.code, error.message, file.text, error.pos),
    });
  }
  if (parsed.problems.length > 0) return parsed;
  try {
    parsed.data = doc.toJS({ maxAliasCount: limits.aliasCopies });
  } catch (error) {
    if (error instanceof ReferenceError && /excessive alias count/i.test(error.message))
      return refuse('aliasCopies', 0, limitMessage('aliasCopies', limits));
    // An alias to an anchor that does not exist is only found when the document is read.
    const message = error instanceof Error ? error.message : String(error);
    parsed.problems.push({
      file: file.path,
      line: 1,
      column: 1,
      path: '(root)',
      message: `YAML could not be read: ${message}`,
    });
  }
  return parsed;
}

/** The first document of the tokens, a second one reported as MULTIPLE_DOCS (as parseDocument does). */
function composeDocument(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ uniqueKeys: false }).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents',
        ),
      );
      break;
    }
  }
  return doc!;
}

function yamlMessage(code: string, message: string, text: string, pos: [number, number]): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return `the field "${/^[^:\n]*/.exec(text.slice(pos[0]))?.[0].trim() ?? ''}" appears twice`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (remove the extra "---")';
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: indent with spaces, not tabs';
    default:
      return `YAML syntax error: ${message.split('\n')[0].replace(/; please use .*$/, '')}`;
  }
}

interface Found {
  /** The deepest node reached along the path. */
  node: Node | null;
  /** The key node of the last mapping entry reached, when the path ended on a mapping entry. */
  key: Node | null;
  /** How many path segments were found. */
  depth: number;
}

function resolve(doc: Document.Parsed, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

/** Each mapping's entries by key (the first of a repeated key), built once per mapping: a file with many problems
 * would otherwise scan a mapping's entries once per problem. */
const entriesByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function entryOf(map: YAMLMap, segment: string | number): Pair | undefined {
  let entries = entriesByKey.get(map);
  if (!entries) {
    entries = new Map();
    for (const item of map.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      if (!entries.has(name)) entries.set(name, item as Pair);
    }
    entriesByKey.set(map, entries);
  }
  return entries.get(String(segment));
}

function walk(doc: Document.Parsed, path: FieldPath): Found {
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = entryOf(node, segment);
      if (!pair) break;
      key = pair.key as Node;
      node = resolve(doc, pair.value);
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = null;
      node = resolve(doc, node.items[segment]);
    } else break;
    depth++;
  }
  return { node, key, depth };
}

function startOf(node: Node | null): number | undefined {
  return node?.range?.[0];
}

/**
 * Where an author should look for the field at `path`: the value, or the field name with `at: 'key'`; for a
 * missing field, the mapping that should hold it.
 */
export function locatePath(parsed: ParsedSource, path: FieldPath, at: 'key' | 'value' = 'value'): Position {
  const found = walk(parsed.doc, path);
  let offset: number | undefined;
  if (found.depth === path.length) {
    const emptyValue = found.node === null || (isScalar(found.node) && found.node.value === null);
    offset = at === 'key' || emptyValue ? (startOf(found.key) ?? startOf(found.node)) : startOf(found.node);
  } else {
    offset = startOf(found.node) ?? startOf(found.key);
  }
  const { line, col } = parsed.lineCounter.linePos(offset ?? 0);
  return { line, column: col };
}

export function positionProblem(parsed: ParsedSource, problem: FieldProblem): Problem {
  const { line, column } =
    problem.key === undefined
      ? locatePath(parsed, problem.path)
      : locatePath(parsed, [...problem.path, problem.key], 'key');
  return {
    file: parsed.file.path,
    line,
    column,
    path: formatFieldPath(problem.path),
    message: problem.message,
  };
}

/** The index of the last of `items` (in document order) that starts at or before `offset`, or -1: a binary search,
 * as a file may have many syntax errors in one long mapping or list. */
function lastStartingBefore<T>(
  items: readonly T[],
  startOf: (item: T) => number | undefined,
  offset: number,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = startOf(items[mid]);
    if (start !== undefined && start > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/** The path of the deepest field whose text covers `offset`, for syntax errors that have no field of their own. */
function pathAtOffset(doc: Document.Parsed, offset: number): FieldPath {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair =
        node.items[lastStartingBefore(node.items, (item) => (item.key as Node | null)?.range?.[0], offset)];
      const start = (pair?.key as Node | null)?.range?.[0];
      const end = (pair?.value as Node | null)?.range?.[2] ?? (pair?.key as Node | null)?.range?.[2];
      const covers = start !== undefined && end !== undefined && start <= offset && offset <= end;
      if (!covers || !isPair(pair) || !isScalar(pair.key) || !/^[\w-]+$/.test(String(pair.key.value)))
        return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const range = (item: unknown) => (item as Node | null)?.range;
      const index = lastStartingBefore(node.items, (item) => range(item)?.[0], offset);
      const found = index < 0 ? undefined : range(node.items[index]);
      if (found == null || found[2] < offset) return path;
      path.push(index);
      node = node.items[index];
    } else return path;
  }
}
