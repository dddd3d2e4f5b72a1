// Known problems of the Gunicorn version that ran, as one-line notes for the report footer.
// Sources: GitHub advisories GHSA-w3h3-4rj7-4ph4 (CVE-2024-1135, fixed in 22.0.0, see the 22.0.0 release notes:
// "fix numerous security vulnerabilities in HTTP parser (closing some request smuggling vectors)") and
// GHSA-hc5x-x2vx-497g (CVE-2024-6827, TE.CL smuggling; the advisory lists 23.0.0 as fixed, benoitc/gunicorn#3278);
// the 24.0.0 hang after a failed worker boot (`Unhandled signal: cld`, the dead worker never reaped) is fixed in 24.1.0.

import semver from 'semver'

interface Advisory {
  /** semver range of affected versions. */
  affected: string
  note: string
}

const ADVISORIES: Advisory[] = [
  {
    affected: '<22.0.0',
    note: 'affected by request smuggling through conflicting Transfer-Encoding headers (CVE-2024-1135), fixed in 22.0.0'
  },
  {
    affected: '<23.0.0',
    note: 'affected by TE.CL request smuggling (CVE-2024-6827), fixed in 23.0.0'
  },
  {
    affected: '>=24.0.0 <24.1.0',
    note: 'the master hangs instead of exiting when a worker fails to boot, fixed in 24.1.0'
  }
]

/** One sentence per advisory that applies to `version` (as printed by `Starting gunicorn`); none when unknown. */
export function advisoriesFor(version: string | undefined): string[] {
  if (!version) return []
  const parsed = semver.coerce(version)
  if (!parsed) return []
  return ADVISORIES.filter((advisory) => semver.satisfies(parsed, advisory.affected)).map((advisory) => `Gunicorn ${version}: ${advisory.note}.`)
}
