// A module the repository's own package does not hold: a name to correct, never a package to install or an import
// path to fix. DJANGO_SETTINGS_MODULE naming a settings module the image lacks is captured on the three bases
// (scripts/capture-logs.sh: django-settings-missing, the gallery fixture with DJANGO_SETTINGS_MODULE=gallery.settings_prod).
import { SUITES } from '../gunicorn/captured-logs.js'
import { contextFor, diagnose, fromCapture } from './context-helper.js'

describe.each(SUITES)('DJANGO_SETTINGS_MODULE naming a module the image lacks, on %s', (suite) => {
  it('is config-error naming the variable, the package that lacks it and the settings module it has', () => {
    const diagnosis = diagnose(fromCapture(suite, 'django-settings-missing'))
    expect(diagnosis.reason).toBe('config-error')
    expect(diagnosis.summary).toBe(
      "`DJANGO_SETTINGS_MODULE` names `gallery.settings_prod`, but the repository's `__fixtures__/apps/fail-installed-app-typo/gallery/` " +
        'has no module `settings_prod` (it holds `settings`, `urls`, `wsgi`), so Django cannot load its settings.'
    )
    expect(diagnosis.remedy).toMatch(/^Set `DJANGO_SETTINGS_MODULE` to `gallery.settings` /)
  })
})

describe.each(SUITES)('an import of a module the repository package lacks, on %s', (suite) => {
  // The same traceback with the import made by the app's own code instead of Django's settings loader.
  const asAppImport = () => {
    const run = fromCapture(suite, 'django-settings-missing')
    // Drop Django's settings-loader frames (each `File` line and the indented code lines under it).
    let inLoader = false
    const lines = run.lines.filter((line) => {
      if (/^\s*File "/.test(line.text)) inLoader = /django\/conf\/__init__\.py/.test(line.text)
      else if (!/^\s/.test(line.text)) inLoader = false
      return !inLoader
    })
    expect(lines.length).toBeLessThan(run.lines.length)
    return contextFor(lines, { fixture: 'fail-installed-app-typo', outcome: run.outcome, container: run.container })
  }

  it('is import-error naming the package and what it holds, not a requirement to add', () => {
    const ctx = asAppImport()
    const diagnosis = diagnose(ctx)
    expect(diagnosis.reason).toBe('import-error')
    expect(diagnosis.summary).toContain("but the repository's `__fixtures__/apps/fail-installed-app-typo/gallery/` has no module `settings_prod`")
    expect(diagnosis.remedy).toContain('no requirement installs it')
  })
})
