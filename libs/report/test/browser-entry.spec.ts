// The web client loads `@ttx/report/browser`: what that entry reaches at run time (type-only imports erased, as the
// bundler erases them) holds no Node package, so the review screen's bundle carries no renderer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(import.meta.dirname, '../src');

/** The specifiers a module imports at run time, after TypeScript erases its type-only imports. */
function runtimeImports(file: string): string[] {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
  });
  return [...outputText.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The packages reached from `entry` through the library's own modules. */
function packagesReached(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.'))
        visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(path.join(SRC, entry));
  return packages;
}

describe('the browser entry of the report library', () => {
  it('reaches no Node package at run time: csv-stringify and pdfkit stay with the main entry', () => {
    const reached = [...packagesReached('browser.ts')];
    expect(reached.filter((name) => !name.startsWith('@ttx/'))).toEqual([]);
    // The check sees the renderers where they are.
    expect([...packagesReached('index.ts')]).toEqual(expect.arrayContaining(['csv-stringify/sync']));
  });

  it('gives the web client the timeline wording', async () => {
    const browser = await import('@ttx/report/browser');
    const main = await import('@ttx/report');
    expect(browser.timelineText).toBe(main.timelineText);
  });
});
