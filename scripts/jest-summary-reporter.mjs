// Ends every jest run (on stderr, after jest's own summary) with one plain line, `jest: N passed, N failed, N skipped`, that any CI log reader can count.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    process.stderr.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`)
  }
}
