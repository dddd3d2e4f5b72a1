// DJANGO_SETTINGS_MODULE names a module the image does not have: Django's settings never load, and the traceback's
// `No module named 'shop.settings_prod'` is a setting to correct, not a package to install or a path to fix.
import type { Rule } from '../reason.js'
import type { RuleContext } from '../context.js'
import type { ConfigFacts } from './configuration.js'
import { moduleNotFound } from './imports.js'
import { missingLocalSubmodule, raisedImportingDjangoSettings } from './local-modules.js'
import { closestName } from '../closest.js'
import type { SourceLocation } from '../../core/model.js'

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']
const SETTING = /DJANGO_SETTINGS_MODULE/

/**
 * Where the variable is given that value: a line naming it in the Dockerfile, a compose or env file, or the app's own
 * files; else a line of the deployment files that sets it (never the app's `setdefault`, which the environment beats).
 */
function whereSet(rc: RuleContext, moduleName: string, userFiles: string[]): SourceLocation | undefined {
  const deployment = [rc.dockerfile(), ...COMPOSE_FILES.map((f) => rc.inContext(f)), ...COMPOSE_FILES, rc.inContext('.env'), '.env']
  const named = new RegExp(`DJANGO_SETTINGS_MODULE.*\\b${moduleName.replace(/\./g, '\\.')}\\b`)
  const passes: [RegExp, (string | undefined)[]][] = [
    [named, [...deployment, ...userFiles]],
    [SETTING, deployment]
  ]
  for (const [pattern, files] of passes) {
    for (const file of [...new Set(files)]) {
      const found = file ? rc.repo.findLine(file, pattern) : undefined
      if (file && found) return { file, line: found.line }
    }
  }
  return undefined
}

/**
 * The settings module was found and ran (a frame of its own after Django's import of it): the missing module is one
 * the settings import (`from dotenv import load_dotenv`), not the settings module itself.
 */
function settingsModuleRan(frames: readonly { file: string }[]): boolean {
  const importedAt = frames.findLastIndex((f) => /django\/conf\/__init__\.py$/.test(f.file))
  return frames.slice(importedAt + 1).some((f) => !/^<frozen |importlib\/__init__\.py$/.test(f.file))
}

export const settingsModuleMissing: Rule<ConfigFacts> = {
  stage: 'boot',
  name: 'DJANGO_SETTINGS_MODULE names a module the image does not have',
  detect(rc) {
    const found = moduleNotFound(rc)
    if (!found || !raisedImportingDjangoSettings(found.tb) || settingsModuleRan(found.tb.frames)) return undefined
    const submodule = missingLocalSubmodule(rc, found.moduleName)
    const settingsLike = submodule?.has.filter((name) => name.startsWith('settings')) ?? []
    const closest = submodule && (settingsLike.includes('settings') ? 'settings' : closestName(submodule.missing, settingsLike))
    const userFiles = found.tb.frames.map((f) => rc.mapContainerPath(f.file)).filter((f): f is string => f !== undefined)
    const location = whereSet(rc, found.moduleName, userFiles)
    return {
      facts: {
        kind: 'settings-module-missing',
        module: found.moduleName,
        package: submodule && { name: submodule.packageName, path: submodule.packagePath, has: submodule.has },
        suggestion: submodule && closest ? `${submodule.packageName}.${closest}` : undefined,
        location
      },
      evidence: rc.tracebackEvidence(found.tb, rc.userFrame(found.tb)),
      location
    }
  }
}
