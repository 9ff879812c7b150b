/** Writes a run's pass/fail counts where `npm test` collects them (TEST_RESULTS_DIR) for its summary line. */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class JestSummaryReporter {
  constructor(globalConfig) {
    this.fallbackName = globalConfig.rootDir.split('/').pop();
  }

  onRunComplete(contexts, results) {
    const [context] = [...contexts];
    const displayName = context?.config?.displayName;
    const name = (typeof displayName === 'string' ? displayName : displayName?.name) ?? this.fallbackName;
    const dir = process.env.TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `jest-${String(name).replace(/\W+/g, '-')}-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        runner: 'jest',
        name,
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = JestSummaryReporter;
