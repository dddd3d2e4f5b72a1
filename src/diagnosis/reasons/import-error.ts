import { importError as rule } from '../rules/imports.js'
import { defineReason } from '../reason.js'
import { asIs, legacyRule } from '../legacy.js'

export default defineReason({
  id: 'import-error',
  title: 'Import error',
  headline: 'import error',
  namesCulprit: true,
  readme:
    '`ImportError: cannot import name …` (version mismatch, circular import), or a ' +
    '`NameError`/`AttributeError` raised by module-level code while Gunicorn imports the app',
  fixtures: [{ path: '__fixtures__/apps/fail-import-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [legacyRule('boot', 'importError', rule)],
  words: asIs
})
