#!/usr/bin/env bash
# Build the collection's HTML documentation site into docs/_build/html/.
#
#     scripts/build-docs.sh        (make docs; open docs/_build/html/index.html)
#
# 1. antsibull-docs writes RST for every module and role (from the collection
#    that ANSIBLE_COLLECTIONS_PATH finds, i.e. this working tree) into
#    docs/_build/rst/collections/.
# 2. docs/sphinx/index.rst becomes the start page; the guides docs/*.md are
#    copied to docs/_build/rst/guides/ (myst-parser reads Markdown).
# 3. sphinx-build makes the HTML with docs/sphinx/conf.py, offline (no
#    intersphinx), with -W: a warning (a broken reference, a page outside
#    every toctree) fails the build.
# 4. scripts/check-docs-links.py checks that every link between the built
#    pages (file and #anchor) resolves.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
build="$root/docs/_build"
rst="$build/rst"
html="$build/html"

rm -rf "$rst" "$html"
mkdir -p "$rst"
chmod og-w "$rst"  # antsibull-docs refuses a destination others can write to

antsibull-docs --config-file docs/sphinx/antsibull-docs.cfg \
    collection --use-current --cleanup everything --dest-dir "$rst" \
    mijnpartnergroep.domains

cp docs/sphinx/index.rst docs/sphinx/ansible_references.rst "$rst/"
mkdir -p "$rst/guides"
shopt -s nullglob
for guide in docs/*.md; do
    cp "$guide" "$rst/guides/"
done

sphinx-build -b html -q -W --keep-going -c docs/sphinx "$rst" "$html"

"${PYTHON:-python3}" scripts/check-docs-links.py "$html"
echo "Documentation: $html/index.html"
