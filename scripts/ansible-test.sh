#!/usr/bin/env bash
# Run ansible-test on the working tree.
#
#     scripts/ansible-test.sh sanity --venv --python 3.11
#     scripts/ansible-test.sh integration --venv --python 3.11 mpg_whois_info
#
# ansible-test insists on running inside a real (not symlinked)
# .../ansible_collections/<namespace>/<name>/ directory. This copies the files
# git would see (tracked and untracked-but-not-ignored, with uncommitted
# changes) to .build/ansible-test/ansible_collections/mijnpartnergroep/domains/
# and runs ansible-test there. Test results stay in that copy's tests/output/
# (kept between runs). The pip bootstrap that ansible-test downloads from a
# host this machine cannot reach is provided first
# (scripts/prepare-ansible-test-offline.sh).
#
# ANSIBLE_TEST_COPY=NAME uses .build/ansible-test-NAME/ instead, so that
# several ansible-test runs can go on at once (scripts/integration.sh); two
# runs must never share a copy.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
dest="$root/.build/ansible-test${ANSIBLE_TEST_COPY:+-$ANSIBLE_TEST_COPY}/ansible_collections/mijnpartnergroep/domains"
ansible_test=${ANSIBLE_TEST:-ansible-test}

if [ -z "${MPG_ANSIBLE_TEST_PREPARED:-}" ]; then   # set by scripts/integration.sh
    python=$(head -n 1 "$(command -v "$ansible_test")" | sed -n 's/^#! *//p')
    "$root/scripts/prepare-ansible-test-offline.sh" "${python:-python3}" >/dev/null
fi

mkdir -p "$dest"
# Start from a clean copy, except the results and cached state in tests/output.
find "$dest" -mindepth 1 -maxdepth 1 ! -name tests ! -name .git -exec rm -rf {} +
if [ -d "$dest/tests" ]; then
    find "$dest/tests" -mindepth 1 -maxdepth 1 ! -name output -exec rm -rf {} +
fi

cd "$root"
list_files() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -z --cached --others --exclude-standard
    else
        find . -path ./.git -prune -o -path ./.venv -prune -o -path ./.build -prune \
            -o -path ./tests/output -prune -o \( -type f -o -type l \) -printf '%P\0'
    fi
}
# Files deleted in the work tree but still in git's index are left out.
list_files | while IFS= read -r -d '' f; do
    if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
done | tar --null --no-recursion --files-from=- -cf - | tar -xf - -C "$dest"

# The copy is its own (empty) git repository: ansible-test looks for .git
# upwards, and would otherwise find this repository, in which .build/ is ignored,
# and see no files at all. With no commits, git lists every file of the copy
# that its .gitignore does not exclude (so never tests/output/).
if [ ! -d "$dest/.git" ]; then
    git -C "$dest" init --quiet
fi

cd "$dest"
# ansible-test sets ANSIBLE_COLLECTIONS_PATH to the copy itself; ours points at
# the symlinked work tree and must not leak in.
unset ANSIBLE_COLLECTIONS_PATH
exec "$ansible_test" "$@"
