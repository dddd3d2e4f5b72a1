// Ends every jest run with one plain line, `jest: N passed, N failed, N skipped`, that any CI log reader can count.
// Jest always prints its own summary after every custom reporter, so the line is written when the process exits.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`
    process.once('exit', () => process.stderr.write(line))
  }
}
