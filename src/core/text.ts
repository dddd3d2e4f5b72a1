// Short text helpers every part shares: quoting what a server or a builder said, and durations in seconds.

/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** A single-line quotation: whitespace runs become one space, then clipped to `max` characters. */
export function excerpt(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max)
}

/** "2.5 s"; with `wholeAsInteger`, a whole number of seconds reads "60 s". */
export function formatSeconds(ms: number, wholeAsInteger = false): string {
  return wholeAsInteger && Number.isInteger(ms / 1000) ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}
