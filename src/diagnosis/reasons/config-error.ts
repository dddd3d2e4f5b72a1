import { configError as rule } from '../rules/configuration.js'
import { defineReason, type Words } from '../reason.js'
import { legacyRule } from '../legacy.js'
import { executableMissing, networkMissing, otherStartFailure, startWords, type StartFacts } from '../rules/start.js'

export default defineReason<'config-error', StartFacts | Words>({
  id: 'config-error',
  title: 'Gunicorn configuration error',
  headline: 'Gunicorn configuration error',
  readme:
    'Gunicorn rejected its configuration, e.g. `bind = "0.0.0.0:${PORT}"` in `gunicorn.conf.py` (a ' +
    'config file is Python: nothing expands `${PORT}`), a bind host that does not resolve, an option ' +
    "left without its value, a `control_socket` that is not a path (25.1+); or the app's own " +
    "configuration failed at import (Django's `ImproperlyConfigured`, a missing INI section)",
  fixtures: [{ path: '__fixtures__/apps/fail-config-error', test: '__tests__/diagnosis.itg.ts' }],
  rules: [executableMissing, networkMissing, otherStartFailure, legacyRule('boot', 'configError', rule)],
  words: (facts) => ('summary' in facts ? facts : startWords(facts))
})
