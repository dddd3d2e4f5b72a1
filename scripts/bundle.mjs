// Bundles the action (main + post share one file, like docker/build-push-action) and the CLI.
// Output is ESM that runs on Node 20 and 24; createRequire lets bundled CommonJS code call require().
import path from 'node:path'
import { build } from 'esbuild'

// An optional argument builds elsewhere (check-dist compares that with the committed dist/).
const outDir = process.argv[2] ?? 'dist'

const banner = {
  js: "import { createRequire as __gsCreateRequire } from 'module'; const require = __gsCreateRequire(import.meta.url);"
}

for (const [entry, outfile] of [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js']
]) {
  await build({
    entryPoints: [entry],
    outfile: path.join(outDir, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: outfile.endsWith('cli.js') ? { js: '#!/usr/bin/env node\n' + banner.js } : banner,
    legalComments: 'none',
    logLevel: 'warning'
  })
}
