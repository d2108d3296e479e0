#!/usr/bin/env bash
# The main job, twice: the first run provisions everything, the second must
# change nothing (changed=0 for every host in the recap). Run by `make demo`
# inside scripts/with-simulator.sh, so MPG_* point at a fresh simulator.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log=$(mktemp "${TMPDIR:-/tmp}/mpg-demo.XXXXXX")
trap 'rm -f "$log"' EXIT

run() {
    ansible-playbook -i playbooks/inventory/demo.ini playbooks/demo.yml "$@" | tee "$log"
}

echo "=== demo, first run: provision ==="
run "$@"
echo
echo "=== demo, second run: must change nothing ==="
run "$@"

recap=$(sed -n '/^PLAY RECAP/,$p' "$log")
if echo "$recap" | grep -Eq 'changed=[1-9]|failed=[1-9]|unreachable=[1-9]'; then
    echo "demo: the second run changed something or failed; see the recap above" >&2
    exit 1
fi
hosts=$(echo "$recap" | grep -c 'changed=0' || true)
echo "demo: second run unchanged: changed=0 for all ${hosts} hosts"
