// A healthy run whose boot profile grew beyond its `regression-limit` over the base commit.
import { defineReason, type Rule } from '../reason.js'
import { describeRegressions, profileLine } from '../../profile/render.js'

interface Facts {
  /** The base commit, short. */
  baseSha: string
  /** Each figure that grew beyond its limit, in words. */
  grown: string
}

const grewBeyondLimit: Rule<Facts> = {
  stage: 'profile',
  name: 'a figure grew beyond its limit',
  detect({ profile, comparison }) {
    if (comparison.regressions.length === 0 || !comparison.profile) return undefined
    return {
      facts: { baseSha: comparison.sha?.slice(0, 7) ?? '', grown: describeRegressions(comparison.regressions) },
      evidence: [`This commit: ${profileLine(profile)}`, `Base: ${profileLine(comparison.profile)}`]
    }
  }
}

export default defineReason({
  id: 'profile-regression',
  title: 'Boot profile regression',
  headline: 'the boot profile grew beyond its limit',
  readme:
    'with `compare: base` and a `regression-limit`, worker memory, container memory, image size or boot ' +
    'time grew beyond its limit over the base commit',
  fixtures: [{ path: '__fixtures__/profile/app-head', test: '__tests__/profile.itg.ts', via: 'scripts/make-profile-repo.sh' }],
  rules: [grewBeyondLimit],
  words: ({ baseSha, grown }) => ({
    summary: `The boot profile grew beyond the regression limit over the base commit${baseSha ? ` ${baseSha}` : ''}: ${grown}.`,
    remedy:
      'Find what the pull request added to the import path (a module-level cache, model or data load) and make it ' +
      'lazy or shared, or raise the `regression-limit` if the growth is intended.'
  })
})
