// The AAR as JSON: keys in the order docs/aar-schema.md lists them (the model is built in that order), compact
// unless an indent is asked for, a final newline. The async form gives the same text, yielding between slices.
import type { AarModel } from './aar-model.js';

export interface JsonRenderOptions {
  /** Spaces per level; 0 (compact, the default) keeps a 100,000-event report small and fast. */
  indent?: 0 | 2;
}

export function renderAarJson(model: AarModel, options: JsonRenderOptions = {}): string {
  return `${JSON.stringify(model, null, options.indent ?? 0)}\n`;
}

const SLICE = 2000;

/** The same text as `renderAarJson`, without blocking the event loop on a 100,000-event timeline. */
export async function renderAarJsonAsync(model: AarModel, options: JsonRenderOptions & { yieldToEventLoop: () => Promise<void> }): Promise<string> {
  const step = options.indent ?? 0;
  const pad = ' '.repeat(step);
  const nl = step > 0 ? '\n' : '';
  const colon = step > 0 ? ': ' : ':';
  const stringify = (value: unknown) => JSON.stringify(value, null, step);
  const parts: string[] = [];
  let sinceYield = 0;
  // Containers near the top are walked (long arrays at any depth); smaller subtrees are stringified whole.
  const write = async (value: unknown, indent: string, depth: number): Promise<void> => {
    const walk = value !== null && typeof value === 'object' && (depth < 3 || (Array.isArray(value) && value.length > SLICE));
    if (!walk) return void parts.push(reindent(stringify(value), indent));
    const inner = `${indent}${pad}`;
    if (Array.isArray(value)) {
      if (value.length === 0) return void parts.push('[]');
      parts.push(`[${nl}`);
      for (let i = 0; i < value.length; i += 1) {
        parts.push(inner);
        const item: unknown = value[i];
        if (item === undefined) parts.push('null');
        else await write(item, inner, depth + 1);
        parts.push(i < value.length - 1 ? `,${nl}` : nl);
        sinceYield += 1;
        if (sinceYield >= SLICE) {
          sinceYield = 0;
          await options.yieldToEventLoop();
        }
      }
      parts.push(indent, ']');
      return;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    if (keys.length === 0) return void parts.push('{}');
    parts.push(`{${nl}`);
    for (let i = 0; i < keys.length; i += 1) {
      parts.push(inner, JSON.stringify(keys[i]), colon);
      await write(record[keys[i]], inner, depth + 1);
      parts.push(i < keys.length - 1 ? `,${nl}` : nl);
    }
    parts.push(indent, '}');
  };
  await write(model, '', 0);
  parts.push('\n');
  return parts.join('');
}

function reindent(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
}
