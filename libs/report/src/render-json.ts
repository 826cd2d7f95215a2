// The AAR as JSON: keys in the order docs/aar-schema.md lists them (the model is built in that order), two-space
// indentation, a final newline. The async form gives the same text, yielding between slices of long arrays.
import type { AarModel } from './aar-model.js';

export function renderAarJson(model: AarModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

const SLICE = 2000;

/** The same text as `renderAarJson`, without blocking the event loop on a 100,000-event timeline. */
export async function renderAarJsonAsync(model: AarModel, options: { yieldToEventLoop: () => Promise<void> }): Promise<string> {
  const parts: string[] = [];
  let sinceYield = 0;
  const write = async (value: unknown, indent: string): Promise<void> => {
    if (Array.isArray(value) && value.length > SLICE) {
      const inner = `${indent}  `;
      parts.push('[\n');
      for (let i = 0; i < value.length; i += 1) {
        const item: unknown = value[i];
        parts.push(inner, item === undefined ? 'null' : reindent(JSON.stringify(item, null, 2), inner), i < value.length - 1 ? ',\n' : '\n');
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
      const inner = `${indent}  `;
      parts.push('{\n');
      for (let i = 0; i < keys.length; i += 1) {
        parts.push(inner, JSON.stringify(keys[i]), ': ');
        await write((value as Record<string, unknown>)[keys[i]], inner);
        parts.push(i < keys.length - 1 ? ',\n' : '\n');
      }
      parts.push(indent, '}');
      return;
    }
    parts.push(reindent(JSON.stringify(value, null, 2), indent));
  };
  await write(model, '');
  parts.push('\n');
  return parts.join('');
}

function reindent(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
}
