// The checks table: its rows in order with their labels, in one place. Each phase produces the row of the check
// it ran through `row()`; the report lists them in this order, with any row not produced as not reached.
import type { Settings } from '../setup/inputs.js'
import type { CheckResult } from '../core/model.js'

type CheckId = CheckResult['id']

const TABLE: Array<{ id: CheckId; label: (settings: Settings) => string; shown: (settings: Settings) => boolean }> = [
  { id: 'build', label: () => 'Image build', shown: () => true },
  {
    id: 'services',
    label: () => 'Services',
    shown: (settings) => Boolean(settings.compose?.startDependencies && settings.compose.stack.dependencies.length)
  },
  { id: 'start', label: () => 'Gunicorn start', shown: () => true },
  { id: 'workers', label: () => 'Workers booted', shown: () => true },
  { id: 'health', label: (settings) => `Health \`${settings.healthPath}\``, shown: () => true },
  { id: 'websocket', label: (settings) => `WebSocket \`${settings.websocketPath ?? ''}\``, shown: (settings) => Boolean(settings.websocketPath) },
  { id: 'stability', label: () => 'Stability', shown: (settings) => settings.stabilityWindowSec > 0 },
  { id: 'load', label: () => 'Load', shown: (settings) => settings.loadRequests > 0 },
  { id: 'shutdown', label: () => 'Graceful shutdown', shown: (settings) => settings.shutdownCheck !== false }
]

export type CheckRow = Omit<CheckResult, 'label'>

export class Checks {
  private readonly rows = new Map<CheckId, CheckRow>()

  /** Records the row of a check that ran. */
  set(row: CheckRow): void {
    this.rows.set(row.id, row)
  }

  /** The rows the settings show, in the table's order, labelled from the table. */
  ordered(settings: Settings): CheckResult[] {
    return TABLE.filter((check) => check.shown(settings)).map(({ id, label }) => {
      const row: CheckRow = this.rows.get(id) ?? { id, status: 'not-reached', detail: '' }
      const { status, detail, durationMs } = row
      return durationMs === undefined ? { id, label: label(settings), status, detail } : { id, label: label(settings), status, detail, durationMs }
    })
  }
}
