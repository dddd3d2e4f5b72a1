// Ends every jest run with one plain line, `jest: N passed, N failed, N skipped`, that any CI log reader can count.
// Jest always prints its own summary after every custom reporter, so the line is written when the process exits.
// Runs of more than one file also list the slowest files with their wall time, so the CI's time budget can be watched.
import path from 'node:path'

const SLOWEST = 12

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const timed = results.testResults
      .map((file) => ({ name: path.relative(process.cwd(), file.testFilePath), ms: file.perfStats.end - file.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
    const slowest = timed.length > 1 ? timed.slice(0, SLOWEST).map((file) => `  ${(file.ms / 1000).toFixed(1).padStart(7)} s  ${file.name}\n`) : []
    const header = slowest.length > 0 ? ['jest: slowest files\n'] : []
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`
    process.once('exit', () => process.stderr.write([...header, ...slowest, line].join('')))
  }
}
