// Keeps a bounded window of the container log: the head (where Gunicorn's start-up and the first traceback
// usually are) and the tail (where the end is), so 40 MB of log never sits in memory.
import type { LogLine } from '../core/model.js'

export class LogBuffer {
  private readonly head: LogLine[] = []
  private readonly tail: LogLine[] = []
  private tailStart = 0
  private total = 0

  constructor(
    private readonly headSize = 300,
    private readonly tailSize = 4000
  ) {}

  push(line: LogLine): void {
    this.total++
    if (this.head.length < this.headSize) {
      this.head.push(line)
      return
    }
    this.tail.push(line)
    // Compact lazily: dropping from the front of an array one element at a time is quadratic.
    if (this.tail.length - this.tailStart > this.tailSize) this.tailStart++
    if (this.tailStart > this.tailSize) {
      this.tail.splice(0, this.tailStart)
      this.tailStart = 0
    }
  }

  /** The kept lines in order; a gap between head and tail means lines were dropped. */
  lines(): LogLine[] {
    return [...this.head, ...this.tail.slice(this.tailStart)]
  }

  get totalLines(): number {
    return this.total
  }

  get droppedLines(): number {
    return this.total - this.head.length - (this.tail.length - this.tailStart)
  }
}
