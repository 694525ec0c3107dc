/**
 * Counts results per pass (a jest project's displayName) for scripts/test.mjs, which runs every
 * pass in one jest run and prints one line per pass. Writes them as JSON to `options.outputFile`.
 */
const { writeFileSync } = require('node:fs');

class PassReporter {
  constructor(_globalConfig, options) {
    this.outputFile = options.outputFile;
    this.passes = {};
  }

  onTestResult(test, result) {
    const name = test.context.config.displayName?.name ?? 'default';
    const pass = (this.passes[name] ??= { passed: 0, failed: 0, skipped: 0 });
    pass.passed += result.numPassingTests;
    pass.failed += result.numFailingTests;
    pass.skipped += result.numPendingTests + result.numTodoTests;
    // A file that failed before any test ran (a syntax error, a failing beforeAll) counts as one failure.
    if (result.testResults.length === 0 && (result.testExecError || result.failureMessage)) pass.failed += 1;
  }

  onRunComplete() {
    writeFileSync(this.outputFile, JSON.stringify(this.passes));
  }
}

module.exports = PassReporter;
