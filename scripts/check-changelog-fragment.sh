#!/usr/bin/env bash
# Fail when plugins/ or roles/ changed without a changelog fragment.
#
#     scripts/check-changelog-fragment.sh            # changes since the last release
#     CHANGELOG_BASE=origin/main scripts/check-changelog-fragment.sh   # a branch / pull request
#
# What counts as "the change": everything between a base commit and the work
# tree (commits, uncommitted edits and new files that git does not ignore).
# - With CHANGELOG_BASE (a branch, tag or commit), the base is the merge base
#   of HEAD with it: what a pull request adds.
# - Without it, the base is the last release: the newest commit that changed
#   changelogs/changelog.yaml with a release in it (`antsibull-changelog
#   release` writes it, and a release commit consumes the fragments). This needs no branch or tag, so it
#   works on a fresh clone in CI (a full clone: a shallow one may not contain
#   the release commit, and then the check says so and fails).
# The check passes when that change touches no file under plugins/ or roles/,
# or when it also adds or changes a fragment in changelogs/fragments/ (a
# `trivial:` fragment is the way to say "not user-visible"), or changes
# changelogs/changelog.yaml itself (a release). Commits since the base that
# touch plugins/ or roles/ are listed either way, to help write the fragment.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"

if ! git rev-parse --verify --quiet HEAD >/dev/null; then
    echo "changelog fragment check: no commits yet, nothing to compare" >&2
    exit 0
fi
if [ "$(git rev-parse --is-shallow-repository)" = true ] && [ -z "${CHANGELOG_BASE:-}" ]; then
    echo "changelog fragment check: shallow clone; fetch the full history (git fetch --unshallow) or set CHANGELOG_BASE" >&2
    exit 1
fi

if [ -n "${CHANGELOG_BASE:-}" ]; then
    base=$(git merge-base HEAD "$CHANGELOG_BASE")
    what="the merge base with $CHANGELOG_BASE"
else
    base=$(git log -1 --format=%H -- changelogs/changelog.yaml)
    what="the last release (last change of changelogs/changelog.yaml)"
    # changelog.yaml before the first release has `releases: {}`.
    if [ -n "$base" ] && ! git show "$base:changelogs/changelog.yaml" | grep -Eq '^  [0-9]+\.[0-9]+\.[0-9]+[^:]*:$'; then
        base=''
    fi
    if [ -z "$base" ]; then
        # Never released: everything since the first commit is the change.
        base=$(git hash-object -t tree /dev/null)
        what="the empty tree (no release yet)"
    fi
fi

# Files changed between the base and the work tree, plus untracked files.
changed=$({
    git diff --name-only --diff-filter=ACDMRT "$base" --
    git ls-files --others --exclude-standard
} | sort -u)

code=$(grep -E '^(plugins|roles)/' <<<"$changed" || true)
if [ -z "$code" ]; then
    echo "changelog fragment check: no change to plugins/ or roles/ since ${what} (${base:0:12})"
    exit 0
fi
# Fragments added or changed (not deleted), or a release.
notes=$({
    git diff --name-only --diff-filter=ACMRT "$base" -- changelogs/fragments
    if [ "$base" != "$(git hash-object -t tree /dev/null)" ]; then
        git diff --name-only --diff-filter=ACMRT "$base" -- changelogs/changelog.yaml
    fi
    git ls-files --others --exclude-standard -- changelogs/fragments
} | grep -E '^changelogs/(fragments/[^/]+\.ya?ml|changelog\.yaml)$' | sort -u || true)

count=$(wc -l <<<"$code")
if [ -n "$notes" ]; then
    echo "changelog fragment check: ${count} changed file(s) in plugins/ or roles/ since ${what} (${base:0:12}); changelog:"
    head -n 20 <<<"$notes" | sed 's/^/  /'
    [ "$(wc -l <<<"$notes")" -le 20 ] || echo "  ..."
    exit 0
fi

echo "changelog fragment check FAILED: ${count} file(s) in plugins/ or roles/ changed since ${what} (${base:0:12})," >&2
echo "but no changelog fragment was added to changelogs/fragments/. Changed:" >&2
head -n 20 <<<"$code" | sed 's/^/  /' >&2
if [ "$base" != "$(git hash-object -t tree /dev/null)" ]; then
    echo "Commits:" >&2
    git log --format='  %h %s' "$base"..HEAD -- plugins roles >&2 || true
fi
echo "Add changelogs/fragments/<short-name>.yml (antsibull-changelog format, e.g. minor_changes: or bugfixes:;" >&2
echo "use trivial: for a change users cannot notice). See README, Development > Changelog." >&2
exit 1
