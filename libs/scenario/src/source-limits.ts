// Bounds on one exercise file, checked before its data is built, so that no file can make loading slow or large.
import { type CST, type Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, type Node } from 'yaml';

/** What one exercise file may hold; the largest shipped scenario has 72 kB, ~2,500 nodes nested 7 deep, no aliases. */
export const SOURCE_LIMITS = {
  /** Bytes of text (UTF-8). */
  bytes: 1024 * 1024,
  /** YAML nodes: every key, value and list item. */
  nodes: 50_000,
  /** Lists and mappings nested in each other. */
  depth: 32,
  /** Aliases (`*name`): each copies its anchor's value when the file is read. */
  aliases: 100,
  /** Values copied by aliases when the file is read, as the YAML library counts them (its maxAliasCount): an alias
   * of a list of aliases copies them all, which is how a few lines can expand to gigabytes. */
  aliasCopies: 1000,
} as const;

export type SourceLimit = keyof typeof SOURCE_LIMITS;
export type SourceLimits = Record<SourceLimit, number>;

/** What the walk over a parsed document found: a limit exceeded (at an offset), and duplicate keys. */
export interface SourceShape {
  exceeded?: { limit: SourceLimit; offset: number; message: string };
  /** Offsets of keys already used earlier in the same mapping, in document order. */
  duplicateKeys: { offset: number; key: string }[];
}

export function limitsOf(overrides?: Partial<SourceLimits>): SourceLimits {
  return { ...SOURCE_LIMITS, ...overrides };
}

const LIMIT_NOUNS: Record<SourceLimit, string> = {
  bytes: 'bytes of text',
  nodes: 'YAML nodes (keys, values and list items)',
  depth: 'levels of lists and mappings nested in each other',
  aliases: 'YAML aliases (*name)',
  aliasCopies: 'values copied by aliases (an alias of a list of aliases copies them all)',
};

/** `the file exceeds limit "nodes": it has more than 50,000 YAML nodes (…), the most a file may have; …`. */
export function limitMessage(limit: SourceLimit, limits: SourceLimits, found?: number): string {
  const allowed = limits[limit].toLocaleString('en-US');
  const has = found === undefined ? `more than ${allowed}` : `${found.toLocaleString('en-US')}`;
  return `the file exceeds limit "${limit}": it has ${has} ${LIMIT_NOUNS[limit]}, where ${allowed} is the most a file may have; split the file or simplify it`;
}

/**
 * The offset where brackets (`[`, `{`) nest deeper than the depth limit, found by the YAML lexer (brackets inside
 * quotes or comments do not count) before the file is parsed: the parser holds every open bracket, and a megabyte of
 * them takes it seconds and a gigabyte of memory. Indentation nests no deeper than the parsed document shows.
 */
export function bracketDepthExceeded(text: string, limits: SourceLimits): number | undefined {
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= limits.depth; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets += 1;
  }
  // Fewer brackets than the limit cannot nest beyond it: most files are never lexed here.
  if (brackets <= limits.depth) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > limits.depth) return offset;
    } else if ((token === ']' || token === '}') && depth > 0) depth -= 1;
    // The lexer's markers of a document, a scalar and a flow end are not text of the file.
    if (token !== '\x02' && token !== '\x1f' && token !== '\x18') offset += token.length;
  }
  return undefined;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The offset of the first collection of the parsed text (its concrete syntax, before any document is built from it)
 * nested deeper than the depth limit: building the document recurses once per level, and near the end of the stack
 * the engine can fail outright. Walked with a stack of its own, as `- - - - x` on one line nests a level per dash.
 */
export function syntaxDepthExceeded(tokens: readonly CST.Token[], limits: SourceLimits): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({
    token,
    depth: 0,
  }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token === undefined) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (!COLLECTIONS.has(token.type)) continue;
    const inner = depth + 1;
    if (inner > limits.depth) return token.offset;
    for (const item of (token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection).items) {
      const entry = item as { key?: CST.Token | null; value?: CST.Token };
      if (entry.key) stack.push({ token: entry.key, depth: inner });
      if (entry.value) stack.push({ token: entry.value, depth: inner });
    }
  }
  return undefined;
}

/**
 * One pass over the document's nodes, without recursion (a deep file cannot overflow the stack): counts nodes,
 * nesting and aliases against `limits`, and finds keys repeated within a mapping by a set per mapping, where the
 * YAML library compares each key with every earlier one (quadratic in the keys of a mapping).
 */
export function checkSourceShape(doc: Document.Parsed, limits: SourceLimits): SourceShape {
  const shape: SourceShape = { duplicateKeys: [] };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  let nodes = 0;
  let aliases = 0;
  const exceed = (limit: SourceLimit, node: Node): SourceShape => {
    shape.exceeded = { limit, offset: node.range?.[0] ?? 0, message: limitMessage(limit, limits) };
    return shape;
  };
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined || isPair(node)) continue;
    const yamlNode = node as Node;
    nodes += 1;
    if (nodes > limits.nodes) return exceed('nodes', yamlNode);
    if (isAlias(node)) {
      aliases += 1;
      if (aliases > limits.aliases) return exceed('aliases', yamlNode);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    const inner = depth + 1;
    if (inner > limits.depth) return exceed('depth', yamlNode);
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: inner });
      continue;
    }
    const seen = new Set<unknown>();
    // Pushed last to first, so the walk (and the duplicate keys found) follows the document's order.
    const children: unknown[] = [];
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        if (seen.has(pair.key.value))
          shape.duplicateKeys.push({ offset: pair.key.range?.[0] ?? 0, key: String(pair.key.value) });
        else seen.add(pair.key.value);
      }
      children.push(pair.key, pair.value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: inner });
  }
  return shape;
}
