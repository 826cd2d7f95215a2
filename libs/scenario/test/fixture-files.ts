// Reads the format fixtures from disk for the specs: ok/ files must load cleanly, not-ok/ files must fail exactly.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type SourceFile } from '../src/index.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** A fixture file, its path relative to the fixtures folder (as problems name it). */
export function fixture(relative: string): SourceFile {
  return { path: relative, text: readFileSync(path.join(FIXTURES, relative), 'utf8') };
}

export function okFiles(): SourceFile[] {
  const names = [
    ...readdirSync(path.join(FIXTURES, 'ok'))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => `ok/${n}`),
    ...readdirSync(path.join(FIXTURES, 'ok/roe'))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => `ok/roe/${n}`),
  ];
  return names.sort().map(fixture);
}

export function okRuleFiles(): SourceFile[] {
  return okFiles().filter((f) => f.path.startsWith('ok/roe/'));
}

/** Each not-ok fixture with the exact problem lines it must produce. */
export function notOkCases(): { name: string; file: SourceFile; expected: string[] }[] {
  return readdirSync(path.join(FIXTURES, 'not-ok'))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => ({
      name: n.replace(/\.yaml$/, ''),
      file: fixture(`not-ok/${n}`),
      expected: readFileSync(path.join(FIXTURES, 'not-ok', n.replace(/\.yaml$/, '.expected.txt')), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    }));
}
