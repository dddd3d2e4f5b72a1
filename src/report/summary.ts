// The job summary lives with the comment renderer (same sections, longer log); this is its entry point.
export { renderSummary, SUMMARY_LIMIT_BYTES } from './markdown.js'
