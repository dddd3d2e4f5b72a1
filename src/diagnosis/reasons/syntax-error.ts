import { syntaxError as rule } from '../rules/imports.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'syntax-error',
  title: 'Syntax error',
  headline: 'syntax error',
  readme: 'a `SyntaxError` in your code, on its file and line',
  fixtures: [{ path: '__fixtures__/apps/fail-syntax-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'syntaxError', rule)],
  words: asIs
})
