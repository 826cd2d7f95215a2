import { formatProblem, loadLibrary, SOURCE_LIMITS, type SourceFile } from '../src/index.js';
import { fixture, okRuleFiles } from './fixture-files.js';

const UNBOUNDED = { bytes: Infinity, nodes: Infinity };

/** `k0: 0` … `k{n-1}: n-1`, the probe that froze the server: 60,000 keys are 799 kB. */
function manyKeys(n: number, path = 'many-keys.yaml'): SourceFile {
  let text = '';
  for (let i = 0; i < n; i++) text += `k${i}: ${i}\n`;
  return { path, text };
}

describe('source limits', () => {
  it('checks 60,000 top-level keys in one pass and positions every unknown field', () => {
    // Quadratic before (the YAML library's key check, then a scan of the mapping per problem): 281 s on the server.
    const library = loadLibrary([manyKeys(60_000)], { limits: UNBOUNDED });
    expect(library.problems).toHaveLength(60_011);
    const last = library.problems.find((p) => p.message.startsWith('unknown field "k59999"'));
    expect(last && formatProblem(last)).toMatch(/^many-keys\.yaml:60000:1: \(root\): unknown field "k59999"/);
  });

  it('reports every repeated key of a 30,000-key mapping at the repeat', () => {
    const once = manyKeys(15_000).text;
    const library = loadLibrary([{ path: 'twice.yaml', text: once + once }], { limits: UNBOUNDED });
    expect(library.problems).toHaveLength(15_000);
    expect(formatProblem(library.problems[0])).toBe('twice.yaml:15001:1: k0: the field "k0" appears twice');
    expect(formatProblem(library.problems[14_999])).toBe(
      'twice.yaml:30000:1: k14999: the field "k14999" appears twice',
    );
  });

  it('refuses a file with more nodes than the limit, at the node past it, without checking its fields', () => {
    const library = loadLibrary([manyKeys(60_000)]);
    expect(library.problems).toEqual([
      // The root, 24,999 keys with their values, then key k24999: its value is node 50,001.
      expect.objectContaining({ file: 'many-keys.yaml', line: 25_000, column: 9, limit: 'nodes' }),
    ]);
    expect(library.problems[0].message).toMatch(/exceeds limit "nodes": it has more than 50,000 YAML nodes/);
  });

  it('refuses a file larger than the byte limit before parsing it', () => {
    const text = `# ${'x'.repeat(SOURCE_LIMITS.bytes)}\n`;
    const library = loadLibrary([{ path: 'large.yaml', text }]);
    expect(library.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^large\.yaml:1:1: \(root\): the file exceeds limit "bytes": it has 1,048,579 bytes of text, where 1,048,576/,
      ),
    ]);
  });

  it('refuses a megabyte of nested brackets at the first level past the limit', () => {
    const text = `notes: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n`;
    const [problem] = loadLibrary([{ path: 'brackets.yaml', text }]).problems;
    expect(problem).toMatchObject({ line: 1, column: 8 + SOURCE_LIMITS.depth, limit: 'depth' });
  });

  it('refuses lists nested by dashes on one line before the document is built from them', () => {
    // Each "- " opens a list inside the last: building 400,000 levels overflowed the stack and could crash the process.
    const [problem] = loadLibrary([{ path: 'dashes.yaml', text: `${'- '.repeat(400_000)}x\n` }]).problems;
    expect(problem).toMatchObject({ line: 1, limit: 'depth' });
  });

  it('applies limits given by the caller', () => {
    const library = loadLibrary([fixture('ok/full.yaml'), ...okRuleFiles()], { limits: { nodes: 100 } });
    expect(library.problems.filter((p) => p.limit).map((p) => `${p.file} ${p.limit}`)).toEqual([
      'ok/full.yaml nodes',
      'ok/roe/catalogue.yaml nodes',
    ]);
    expect(library.scenarios.size).toBe(0);
  });
});
