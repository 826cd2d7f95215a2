// Runs ttx in-process with captured output, and builds temporary exercise trees from the real exercises/ files.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../src/program.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function ttx(args: string[], cwd = repoRoot): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    cwd,
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { status, stdout, stderr };
}

/** A temporary copy of exercises/ (roe and every scenario), which tests may then break. */
export function copyOfExercises(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ttx-cli-'));
  cpSync(path.join(repoRoot, 'exercises'), path.join(root, 'exercises'), { recursive: true });
  return root;
}

/** Rewrites one file of a tree by plain text replacement; fails loudly if the text is not there. */
export function edit(root: string, file: string, from: string | RegExp, to: string): string {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file} does not contain ${String(from)}`);
  writeFileSync(full, changed);
  return changed;
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** The scenario files under exercises/, relative to the repository. */
export function exerciseScenarios(): string[] {
  return readdirSync(path.join(repoRoot, 'exercises'))
    .filter((slug) => slug !== 'roe' && existsSync(path.join(repoRoot, 'exercises', slug, 'scenario.yaml')))
    .sort()
    .map((slug) => `exercises/${slug}/scenario.yaml`);
}
