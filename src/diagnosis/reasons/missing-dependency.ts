import { missingDependency as rule } from '../rules/imports.js'
import { defineReason, type Words } from '../reason.js'
import { legacyRule } from '../legacy.js'
import { gunicornNotInstalled, startWords, type StartFacts } from '../rules/start.js'

export default defineReason<'missing-dependency', StartFacts | Words>({
  id: 'missing-dependency',
  title: 'Missing dependency',
  headline: 'missing dependency',
  namesCulprit: true,
  readme: '`ModuleNotFoundError`, with the pip package name where it differs from the import name',
  fixtures: [{ path: '__fixtures__/apps/fail-missing-dependency', test: '__tests__/diagnosis.itg.ts' }],
  rules: [gunicornNotInstalled, legacyRule('boot', 'missingDependency', rule)],
  words: (facts) => ('summary' in facts ? facts : startWords(facts))
})
