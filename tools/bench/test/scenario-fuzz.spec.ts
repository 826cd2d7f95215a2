// Mutated scenario files through the scenario loader: whatever an author's editor leaves behind, the loader answers
// with positioned problems or with a loaded library, and never throws.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { loadLibrary, loadScenario, type SourceFile } from '@ttx/scenario';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../libs/scenario/fixtures');
const yamlIn = (dir: string): SourceFile[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: path.relative(fixtures, path.join(dir, f)), text: readFileSync(path.join(dir, f), 'utf8') }));

const rules = yamlIn(path.join(fixtures, 'ok/roe'));
const scenarios = [...yamlIn(path.join(fixtures, 'ok')), ...yamlIn(path.join(fixtures, 'not-ok'))];

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-value'; at: number; value: string };

const HOSTILE = ['~', 'null', '[]', '{}', '-1', '1e309', '"', "'", '&a', '*a', '!!binary AAAA', '<<: *x', '? ', '|', '>-', '\t', '\u0000', '💥', '00:99', '99:00:00', 'SEV-9', 'ESC-11'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('replace-value' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 })) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = lines.length === 0 ? 0 : m.at % lines.length;
  switch (m.kind) {
    case 'delete-line':
      lines.splice(i, 1);
      break;
    case 'duplicate-line':
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 'swap-lines': {
      const j = m.with % lines.length;
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'indent':
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + (lines[i] ?? '') : (lines[i] ?? '').replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'insert': {
      const line = lines[i] ?? '';
      const col = line.length === 0 ? 0 : m.at % line.length;
      lines[i] = line.slice(0, col) + m.text + line.slice(col);
      break;
    }
    case 'replace-value':
      lines[i] = (lines[i] ?? '').replace(/:\s.*$/, `: ${m.value}`);
      break;
  }
  return lines.join('\n');
}

function expectPositioned(problems: readonly { file: string; line: number; column: number; path: string; message: string }[], files: readonly SourceFile[]): void {
  const names = new Set(files.map((f) => f.path));
  for (const p of problems) {
    expect(names.has(p.file)).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
    expect(typeof p.path).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('scenario loader under mutated files', () => {
  it('has fixtures to mutate', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    expect(rules.length).toBe(2);
  });

  it('answers 1,000 mutated scenarios alone with positioned problems or a scenario, never throwing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, mutations) => {
        const mutated = { path: file.path, text: mutations.reduce(mutate, file.text) };
        const result = loadScenario(mutated);
        if (result.ok) expect(result.value.id).toEqual(expect.any(String));
        else {
          expect(result.problems.length).toBeGreaterThan(0);
          expectPositioned(result.problems, [mutated]);
        }
      }),
      { seed: 20_251_126, numRuns: 1000 },
    );
  });

  it('answers 300 mutated scenarios in a library with its rules the same way', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, mutations) => {
        const files = [...rules, { path: file.path, text: mutations.reduce(mutate, file.text) }];
        const library = loadLibrary(files);
        expectPositioned(library.problems, files);
        expect(library.problems.length > 0 || library.scenarios.size > 0).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('answers mutated rule files with positioned problems or loaded rules', () => {
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
        const files = [...rules.filter((r) => r.path !== file.path), { path: file.path, text: mutations.reduce(mutate, file.text) }];
        const library = loadLibrary(files);
        expectPositioned(library.problems, files);
        expect(library.problems.length > 0 || library.catalogues.size + library.ruleSets.size > 0).toBe(true);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
