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
  const write = async (value: unknown, indent: string): Promise<void> => {
    if (Array.isArray(value) && value.length > SLICE) {
      const inner = `${indent}${pad}`;
      parts.push(`[${nl}`);
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        parts.push(inner, item === undefined ? 'null' : reindent(stringify(item), inner), i < value.length - 1 ? `,${nl}` : nl);
        sinceYield += 1;
        if (sinceYield >= SLICE) {
          sinceYield = 0;
          await options.yieldToEventLoop();
        }
      }
      parts.push(indent, ']');
      return;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
      if (keys.length === 0) return void parts.push('{}');
      const inner = `${indent}${pad}`;
      parts.push(`{${nl}`);
      for (let i = 0; i < keys.length; i += 1) {
        parts.push(inner, JSON.stringify(keys[i]), colon);
        await write((value as Record<string, unknown>)[keys[i]], inner);
        parts.push(i < keys.length - 1 ? `,${nl}` : nl);
      }
      parts.push(indent, '}');
      return;
    }
    parts.push(reindent(stringify(value), indent));
  };
  await write(model, '');
  parts.push('\n');
  return parts.join('');
}

function reindent(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
}
