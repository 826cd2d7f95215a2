// A jest reporter that writes a project's counts, and the name and first message line of every failed test, to
// the file named by TTX_TEST_RESULTS_FILE. Jest's own --json output cannot be relied on for this: it throws on
// a failure whose error object refers to itself (as child_process errors do), and then writes nothing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');

export default class CountsReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.TTX_TEST_RESULTS_FILE;
    if (!file) return;
    const failures = [];
    for (const suite of results.testResults) {
      const where = path.relative(root, suite.testFilePath);
      if (suite.testExecError)
        failures.push({
          file: where,
          test: '(suite did not run)',
          message: firstLine(suite.testExecError.message),
        });
      for (const test of suite.testResults) {
        if (test.status === 'failed')
          failures.push({ file: where, test: test.fullName, message: firstLine(test.failureMessages[0]) });
      }
    }
    const counts = {
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests,
      numTodoTests: results.numTodoTests,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      failures,
    };
    writeFileSync(file, JSON.stringify(counts, null, 2) + '\n');
  }
}

/** The first non-empty line of a failure message, without terminal colours. */
function firstLine(message = '') {
  const line =
    stripVTControlCharacters(message)
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 300);
}
