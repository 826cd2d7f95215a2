import { formatProblem, loadLibrary } from '../src/index.js';
import { notOkCases, okFiles, okRuleFiles } from './fixture-files.js';

describe('format fixtures', () => {
  it('loads every ok fixture, scenarios and rule files together, with no problems', () => {
    const library = loadLibrary(okFiles());
    expect(library.problems.map(formatProblem)).toEqual([]);
    expect([...library.scenarios.keys()].sort()).toEqual(['full', 'minimal']);
    expect([...library.catalogues.keys()]).toEqual(['fixture-catalogue']);
    expect([...library.ruleSets.keys()]).toEqual(['fixture-rules']);
  });

  it('keeps at least 15 distinct kinds of error as not-ok fixtures', () => {
    expect(notOkCases().length).toBeGreaterThanOrEqual(15);
  });

  describe.each(notOkCases())('not-ok/$name', ({ file, expected }) => {
    it('reports exactly the expected problems, positioned', () => {
      const library = loadLibrary([file, ...okRuleFiles()]);
      expect(library.problems.map(formatProblem)).toEqual(expected);
    });
  });
});
