/** Writes a Playwright run's pass/fail counts where `npm test` collects them (TEST_RESULTS_DIR). */
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class PlaywrightSummaryReporter {
  constructor() {
    this.counts = { passed: 0, failed: 0, skipped: 0 };
  }

  onTestEnd(test, result) {
    if (result.retry < test.retries && result.status !== 'passed') return;
    if (result.status === 'passed') this.counts.passed++;
    else if (result.status === 'skipped') this.counts.skipped++;
    else this.counts.failed++;
  }

  onEnd(result) {
    const dir = process.env.TEST_RESULTS_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const failed = this.counts.failed + (result.status === 'failed' && this.counts.failed === 0 ? 1 : 0);
    writeFileSync(
      join(dir, `playwright-e2e-${process.pid}.json`),
      JSON.stringify({ runner: 'playwright', name: 'e2e', ...this.counts, failed }),
    );
  }
}

module.exports = PlaywrightSummaryReporter;
