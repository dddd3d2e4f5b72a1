// The CLI speaks of its options where the action speaks of its inputs. Summaries and remedies are data shared by
// both, worded for the action (`set the \`health-path\` input`); the CLI rewords its report once, in this one
// place, before any of its forms (terminal, JSON, Markdown) is rendered: `set \`--health-path\``.
import type { RunReport } from '../core/model.js'

const flag = (name: string) => `--${name}`

/** `the \`health-path\` input` → `\`--health-path\``; names that are not options of the CLI are left as they are. */
export function cliWording(text: string, options: ReadonlySet<string>): string {
  const known = (name: string) => options.has(name)
  return (
    text
      // `the \`memory\`, \`cpus\` and \`network\` inputs`
      .replace(/\bthe ((?:`[\w-]+`(?:, | and | or ))+`[\w-]+`) inputs\b/g, (all: string, list: string) => {
        const names = [...list.matchAll(/`([\w-]+)`/g)].map((m) => m[1])
        return names.every(known) ? list.replace(/`([\w-]+)`/g, (_m, name: string) => `\`${flag(name)}\``) : all
      })
      // `the \`health-path\` input`, `the action's \`env\` input`
      .replace(/\bthe (?:action's )?`([\w-]+)` input\b/g, (all: string, name: string) => (known(name) ? `\`${flag(name)}\`` : all))
      // `the \`websocket-*\` inputs`
      .replace(/`([\w-]+)-\*` inputs\b/g, (_all: string, prefix: string) => `\`${flag(prefix)}-*\` options`)
  )
}

/** The report with the CLI's words in every sentence written for the user (the log and evidence stay verbatim). */
export function cliReport(report: RunReport, options: ReadonlySet<string>): RunReport {
  const words = (text: string) => cliWording(text, options)
  return {
    ...report,
    summary: words(report.summary),
    diagnosis: report.diagnosis && { ...report.diagnosis, summary: words(report.diagnosis.summary), remedy: words(report.diagnosis.remedy) },
    checks: report.checks.map((check) => ({ ...check, detail: words(check.detail) })),
    advisories: report.advisories.map(words),
    warnings: report.warnings.map(words),
    annotations: report.annotations.map((annotation) => ({ ...annotation, message: words(annotation.message) }))
  }
}
