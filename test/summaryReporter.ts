/**
 * Ends a test run with one plain line, `tests: N passed, N failed[, N skipped]`, which CI and
 * people can read at a glance whatever the reporter above it printed.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  private line = '';

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const failedModules = modules.filter((m) => m.state() === 'failed' && m.children.size === 0).length;
    failed += failedModules;
    this.line = `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  }

  // The default reporter prints its summary in onFinished; printing here puts this line last.
  onFinished(): void {
    if (this.line) process.stdout.write(`${this.line}\n`);
  }
}
