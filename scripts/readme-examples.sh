#!/usr/bin/env bash
# Regenerates docs/comment-examples.md: the pull-request comments the action really produces on the bundled
# examples (a failing and a passing backend), through the CLI's `--format markdown`.
# Needs the Docker engine and the local base image: `bash scripts/test-env.sh` first.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bundle
base="BASE_IMAGE=gunicorn-smoke-base:${1:-bookworm}"
fail=$(node dist/cli.js examples/broken-port --build-args "$base" --format markdown 2>/dev/null || true)
pass=$(node dist/cli.js examples/flask-gevent --build-args "$base" --format markdown 2>/dev/null)
{
  echo '# What the comment looks like'
  echo
  echo 'Produced by `scripts/readme-examples.sh` on the bundled examples (the CLI renders the same Markdown as the'
  echo 'action; in a pull request the footer also links the run and the commit). Below, each comment as GitHub renders it.'
  echo
  echo '## A failure: `examples/broken-port` (`bind = "0.0.0.0:${PORT}"` in gunicorn.conf.py)'
  echo
  echo "$fail"
  echo
  echo '---'
  echo
  echo '## A pass: `examples/flask-gevent`'
  echo
  echo "$pass"
} > docs/comment-examples.md
echo "wrote docs/comment-examples.md"

# The failure comment also goes into the README, between its markers.
FAIL="$fail" node -e '
const fs = require("fs")
const readme = fs.readFileSync("README.md", "utf8")
const pattern = /(<!-- comment-example:start -->\n)[\s\S]*?(<!-- comment-example:end -->)/
if (!pattern.test(readme)) throw new Error("README.md has no comment-example markers")
fs.writeFileSync("README.md", readme.replace(pattern, (_m, a, b) => a + process.env.FAIL + "\n" + b))
'
echo "updated README.md"
