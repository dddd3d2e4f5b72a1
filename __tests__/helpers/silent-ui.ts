// A pipeline UI that prints nothing, for tests that look at the report only.
import type { Ui } from '../../src/smoke/index.js'

export const silentUi: Ui = {
  group: (_title, body) => body(),
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  buildOutput: () => undefined,
  progress: () => undefined
}
