#!/usr/bin/env bash
# Makes the two-commit repository the profile's integration tests and benchmark use, like a pull request:
#   commit 1 (the base): a small Flask app (__fixtures__/profile/app-base)
#   commit 2 (the head): the same app plus ~150 MiB allocated at import and a 1.5 s slower import (app-head)
# DIR/origin.git is a bare clone acting as `origin`; DIR/work is a shallow clone of it at the head (like
# actions/checkout's default fetch-depth 1), so the base commit must be fetched by SHA.
#
#   scripts/make-profile-repo.sh DIR [--base-without-dockerfile]
# Prints `base=<sha>` and `head=<sha>` on stdout.
set -euo pipefail
dir=${1:?usage: make-profile-repo.sh DIR [--base-without-dockerfile]}
shift
without_dockerfile=false
[[ ${1:-} == --base-without-dockerfile ]] && without_dockerfile=true
here=$(cd "$(dirname "$0")/.." && pwd)
fixture=$here/__fixtures__/profile
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
git_quiet() { git -c init.defaultBranch=main -c user.name=fixture -c user.email=fixture@example.invalid "$@" >/dev/null; }

seed=$dir/seed
rm -rf "$seed" "$dir/origin.git" "$dir/work"
mkdir -p "$seed"
cp "$fixture"/app-base/* "$seed"/
$without_dockerfile && rm "$seed/Dockerfile"
git_quiet -C "$seed" init
git_quiet -C "$seed" add -A
git_quiet -C "$seed" commit -m "Base: a small Flask app"
base=$(git -C "$seed" rev-parse HEAD)
cp "$fixture"/app-base/* "$seed"/
cp "$fixture"/app-head/* "$seed"/
git_quiet -C "$seed" add -A
git_quiet -C "$seed" commit -m "Head: load the postcode shapes at import"
head=$(git -C "$seed" rev-parse HEAD)

git_quiet clone --quiet --bare "$seed" "$dir/origin.git"
git_quiet clone --quiet --depth=1 "file://$dir/origin.git" "$dir/work"
rm -rf "$seed"
echo "base=$base"
echo "head=$head"
