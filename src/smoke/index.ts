// The smoke run's public face: what the action's and the CLI's entry points use.
export { runSmoke } from './run-smoke.js'
export { CancelledError, type PipelineDeps, type Ui } from './types.js'
export { formatSeconds } from '../core/text.js'
