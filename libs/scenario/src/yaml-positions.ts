// Parses an exercise file with positions kept, and maps a path in its data back to a line and column.
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import {
  type FieldPath,
  type FieldProblem,
  formatFieldPath,
  type Problem,
  type SourceFile,
} from './problem.js';

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

export function parseSource(file: SourceFile): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const parsed: ParsedSource = { file, doc, lineCounter, data: undefined, problems: [] };
  const linesWithError = new Set<number>();
  for (const error of doc.errors) {
    const offset = error.pos[0];
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
    parsed.data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
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

function walk(doc: Document.Parsed, path: FieldPath): Found {
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
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

/** The path of the deepest field whose text covers `offset`, for syntax errors that have no field of their own. */
function pathAtOffset(doc: Document.Parsed, offset: number): FieldPath {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const start = (item.key as Node | null)?.range?.[0];
        const end = (item.value as Node | null)?.range?.[2] ?? (item.key as Node | null)?.range?.[2];
        return start !== undefined && end !== undefined && start <= offset && offset <= end;
      });
      if (!pair || !isPair(pair) || !isScalar(pair.key) || !/^[\w-]+$/.test(String(pair.key.value)))
        return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as Node | null)?.range;
        return range != null && range[0] <= offset && offset <= range[2];
      });
      if (index < 0) return path;
      path.push(index);
      node = node.items[index];
    } else return path;
  }
}
