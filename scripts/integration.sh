#!/usr/bin/env bash
# Run the integration targets with `ansible-test integration --venv`, spread
# over parallel ansible-test runs (one per CPU by default), each in its own
# copy of the working tree (scripts/ansible-test.sh, ANSIBLE_TEST_COPY).
#
#     scripts/integration.sh                 # every target
#     scripts/integration.sh mpg_whois_info  # only these
#     INTEGRATION_JOBS=1 scripts/integration.sh
#
# Module calls in the targets are sequential and use about one core, so on a
# 2-core machine two runs side by side roughly halve the wall time. Targets
# are dealt out largest first (by size of the target directory, a rough proxy
# for its number of tasks) to the run with the least work so far. The output
# of each run is printed when it has finished; the exit status is non-zero if
# any run failed.
#
# Environment: ANSIBLE_TEST_PYTHON (3.11), INTEGRATION_OPTIONS (extra
# ansible-test options, e.g. "-v"), INTEGRATION_JOBS (default: nproc).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
python_version=${ANSIBLE_TEST_PYTHON:-3.11}
jobs=${INTEGRATION_JOBS:-$(nproc 2>/dev/null || echo 1)}
# shellcheck disable=SC2206  # a list of options
options=(--venv --python "$python_version" ${INTEGRATION_OPTIONS:-})

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in tests/integration/targets/*/; do
        name=$(basename "$dir")
        case $name in setup_* | prepare_*) continue ;; esac
        if [ -f "$dir/aliases" ] && grep -Eq '^(hidden)(/|$)' "$dir/aliases"; then
            continue
        fi
        targets+=("$name")
    done
fi
if [ ${#targets[@]} -eq 0 ]; then
    echo "no integration targets" >&2
    exec "$root/scripts/ansible-test.sh" integration "${options[@]}"
fi
if [ "$jobs" -gt ${#targets[@]} ]; then
    jobs=${#targets[@]}
fi
if [ "$jobs" -le 1 ]; then
    exec "$root/scripts/ansible-test.sh" integration "${options[@]}" "${targets[@]}"
fi

# Deal the targets out: largest first, each to the run with the least bytes.
declare -a group load
for ((i = 0; i < jobs; i++)); do group[i]=''; load[i]=0; done
while read -r size name; do
    best=0
    for ((i = 1; i < jobs; i++)); do
        if [ "${load[i]}" -lt "${load[best]}" ]; then best=$i; fi
    done
    group[best]="${group[best]} $name"
    load[best]=$((load[best] + size))
done < <(for t in "${targets[@]}"; do
    printf '%s %s\n' "$(du -sb "tests/integration/targets/$t" 2>/dev/null | cut -f1 || echo 0)" "$t"
done | sort -rn)

# Prepare ansible-test's pip bootstrap once, not in every run at the same time.
ansible_test=$(command -v "${ANSIBLE_TEST:-ansible-test}")
"$root/scripts/prepare-ansible-test-offline.sh" "$(head -n 1 "$ansible_test" | sed -n 's/^#! *//p')" >/dev/null
export MPG_ANSIBLE_TEST_PREPARED=1

logdir="$root/.build/integration-logs"
mkdir -p "$logdir"
declare -a pids
for ((i = 0; i < jobs; i++)); do
    copy=''   # run 0 uses the default copy (shares its virtualenv with sanity)
    if [ "$i" -gt 0 ]; then copy="integration-$i"; fi
    echo "integration run $i:${group[i]}"
    # shellcheck disable=SC2086  # group[i] is a list of target names
    ANSIBLE_TEST_COPY=$copy "$root/scripts/ansible-test.sh" integration "${options[@]}" ${group[i]} \
        >"$logdir/run-$i.log" 2>&1 </dev/null &
    pids[i]=$!
done
trap 'kill "${pids[@]}" 2>/dev/null || true' INT TERM

rc=0
declare -a statuses
for ((i = 0; i < jobs; i++)); do
    statuses[i]=0
    wait "${pids[i]}" || statuses[i]=$?
    echo "===== integration run $i:${group[i]} (exit status ${statuses[i]}) ====="
    cat "$logdir/run-$i.log"
    if [ "${statuses[i]}" -ne 0 ]; then rc=${statuses[i]}; fi
done
echo "===== integration summary ====="
for ((i = 0; i < jobs; i++)); do
    echo "run $i: exit status ${statuses[i]}:${group[i]}"
done
exit "$rc"
