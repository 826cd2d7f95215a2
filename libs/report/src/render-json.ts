// The AAR as JSON: keys in the order docs/aar-schema.md lists them (the model is built in that order), compact
// unless an indent is asked for, a final newline. The chunked form gives the same text a piece at a time.
import type { AarModel } from './aar-model.js';
import type { ReviewPart, ReviewPartName } from './review-parts.js';

export interface JsonRenderOptions {
  /** Spaces per level; 0 (compact, the default) keeps a 100,000-event report small and fast. */
  indent?: 0 | 2;
}

export function renderAarJson(model: AarModel, options: JsonRenderOptions = {}): string {
  return `${JSON.stringify(model, null, options.indent ?? 0)}\n`;
}

/** Options of the streamed JSON: the same text as `renderAarJson`, cut into chunks of about `chunkChars`. */
export interface JsonChunkOptions extends JsonRenderOptions {
  /** Characters per chunk, about: a chunk ends at the first value boundary past it; 65,536 unless given. */
  chunkChars?: number;
}

/** Arrays longer than this are written item by item, however deep; shorter ones and leaves are stringified whole. */
const LONG_ARRAY = 8;
/** Items of a walked array stringified in one call at most (about 70 kB of timeline entries). */
const BATCH_ITEMS = 256;
const DEFAULT_CHUNK_CHARS = 65_536;

type Frame =
  | { kind: 'array'; items: readonly unknown[]; index: number; indent: string; charsPerItem?: number }
  | { kind: 'object'; record: Record<string, unknown>; keys: string[]; index: number; indent: string };

function holdsLongArray(value: object): boolean {
  for (const key in value) {
    const inner = (value as Record<string, unknown>)[key];
    if (Array.isArray(inner) && inner.length > LONG_ARRAY) return true;
  }
  return false;
}

/**
 * The report's JSON as a sequence of chunks a server can pipe to its response: joined, they are exactly
 * `renderAarJson(model, options)`; each is about `chunkChars` long (a single leaf value longer than that, such as
 * one very long message, is one chunk), so that an 80 MB review is never one string.
 */
export function* renderAarJsonChunks(model: AarModel | ReviewPart<ReviewPartName>, options: JsonChunkOptions = {}): Generator<string, void, undefined> {
  const step = options.indent ?? 0;
  const pad = ' '.repeat(step);
  const nl = step > 0 ? '\n' : '';
  const colon = step > 0 ? ': ' : ':';
  const target = Math.max(1, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  let parts: string[] = [];
  let size = 0;
  const emit = (text: string): void => {
    parts.push(text);
    size += text.length;
  };
  const stack: Frame[] = [];
  // Containers near the top, long arrays and the objects holding them are walked; other values are stringified whole.
  const walked = (value: unknown, depth: number): value is object =>
    value !== null && typeof value === 'object' && (depth < 3 || (Array.isArray(value) ? value.length > LONG_ARRAY : holdsLongArray(value)));
  const begin = (value: unknown, indent: string, depth: number): void => {
    if (value === undefined) return emit('null');
    if (!walked(value, depth)) return emit(reindent(JSON.stringify(value, null, step), indent));
    if (Array.isArray(value)) {
      if (value.length === 0) return emit('[]');
      emit(`[${nl}`);
      stack.push({ kind: 'array', items: value, index: 0, indent });
      return;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    if (keys.length === 0) return emit('{}');
    emit(`{${nl}`);
    stack.push({ kind: 'object', record, keys, index: 0, indent });
  };
  begin(model, '', 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const length = frame.kind === 'array' ? frame.items.length : frame.keys.length;
    if (frame.index === length) {
      stack.pop();
      emit(`${nl}${frame.indent}${frame.kind === 'array' ? ']' : '}'}`);
    } else {
      const inner = `${frame.indent}${pad}`;
      if (frame.index > 0) emit(`,${nl}`);
      if (frame.kind === 'array') {
        emit(inner);
        // A run of items stringified whole is stringified in one call (far fewer calls into JSON.stringify over a
        // 100,000-entry timeline), its brackets cut off: the same text as item by item. The run fills about half the
        // room left in the chunk, judged by this array's items so far (the first goes alone).
        const { items, index, charsPerItem } = frame;
        const most = charsPerItem === undefined ? 1 : Math.min(BATCH_ITEMS, Math.floor((target - size) / (2 * charsPerItem)));
        let end = index;
        while (end < items.length && end - index < most && !walked(items[end], stack.length)) end += 1;
        if (end - index > 1) {
          const text = JSON.stringify(items.slice(index, end), null, step);
          emit(reindent(text.slice(1 + nl.length + pad.length, text.length - 1 - nl.length), frame.indent));
          frame.charsPerItem = text.length / (end - index);
          frame.index = end;
        } else {
          const before = size;
          const depth = stack.length;
          begin(items[index], inner, depth);
          // An item that is walked (its container opened) says nothing of the size of the others.
          if (stack.length === depth) frame.charsPerItem ??= Math.max(1, size - before);
          frame.index += 1;
        }
      } else {
        const key = frame.keys[frame.index];
        emit(`${inner}${JSON.stringify(key)}${colon}`);
        begin(frame.record[key], inner, stack.length);
        frame.index += 1;
      }
    }
    if (size >= target) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  emit('\n');
  yield parts.join('');
}

function reindent(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
}
