#!/usr/bin/env bash
# Sanity, unit and integration tests on every supported ansible-core version.
#
#     scripts/test-matrix.sh                  # every version of MATRIX below
#     scripts/test-matrix.sh 2.16 2.21        # only these
#     MATRIX_TARGETS="mpg_whois_info" scripts/test-matrix.sh 2.19
#     MATRIX_STEPS="sanity units" scripts/test-matrix.sh
#
# Each ansible-core version gets its own virtualenv, .build/matrix/core-X.Y/
# (ansible-core pinned below, plus pytest and requests for the unit tests),
# made on first use. ansible-test runs from that virtualenv in its own copy of
# the working tree (scripts/ansible-test.sh, ANSIBLE_TEST_COPY=matrix-X.Y);
# scripts/ansible-test.sh also puts the offline pip bootstrap for the pip
# version that this ansible-test pins in place (prepare-ansible-test-offline.sh
# with the virtualenv's python).
#
# - sanity: `ansible-test sanity --venv --python PY`, every test.
# - units: pytest tests/unit with the virtualenv's ansible-core (the same tests
#   as `make units`; ones that need packages only .venv has are skipped).
# - integration: `ansible-test integration --venv --python PY` for a subset of
#   targets (MATRIX_TARGETS; default: mpg_whois_info and mpg_dns_record, one
#   read-only and one writing module, so a run stays within minutes). `make
#   integration` runs every target on the project's own core (2.19).
#
# Every step of every version runs even when an earlier one failed; a table of
# results is printed at the end and written to .build/matrix/RESULTS.txt. The
# exit status is non-zero if any step failed. Logs: .build/matrix/logs/.
set -uo pipefail

# ansible-core version, pinned release, Python version. 2.16 is what
# Automation Platform execution environments ship (requires_ansible >=2.16.0);
# 2.20 and later need Python >= 3.12, so 2.21 runs on 3.13.
MATRIX=(
    "2.16 2.16.19 3.11"
    "2.17 2.17.14 3.11"
    "2.18 2.18.19 3.11"
    "2.19 2.19.14 3.11"
    "2.21 2.21.5 3.13"
)
PYTEST_PIN="pytest==9.2.0"
REQUESTS_PIN="requests==2.34.2"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root" || exit 1
matrix_dir="$root/.build/matrix"
log_dir="$matrix_dir/logs"
mkdir -p "$log_dir"
read -r -a steps <<<"${MATRIX_STEPS:-sanity units integration}"
read -r -a targets <<<"${MATRIX_TARGETS:-mpg_whois_info mpg_dns_record}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# The collection must be importable as ansible_collections.mijnpartnergroep.domains
# for the unit tests (the Makefile makes this link too).
link="$root/.build/collections/ansible_collections/mijnpartnergroep/domains"
if [ ! -e "$link" ]; then
    mkdir -p "$(dirname "$link")"
    ln -sfn ../../../.. "$link"
fi

find_python() {  # find_python 3.11 -> path of a working python3.11
    local version=$1 candidate
    local -a found=("python$version")
    shopt -s nullglob
    mapfile -t -O 1 found < <(printf '%s\n' "$HOME"/.pyenv/versions/"$version".*/bin/python"$version" | sort -V -r)
    shopt -u nullglob
    for candidate in "${found[@]}"; do
        if "$candidate" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$version'.split('.')))" 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

# make_venv DIR PYTHON CORE_PIN: a virtualenv with that ansible-core (re-made when the pin changes)
make_venv() {
    local dir=$1 python=$2 pin=$3 stamp="$1/.mpg-matrix"
    local -a want=("ansible-core==$pin" "$PYTEST_PIN" "$REQUESTS_PIN")
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${want[*]}" ]; then
        return 0
    fi
    rm -rf "$dir"
    "$python" -m venv "$dir" &&
        "$dir/bin/python" -m pip install --quiet "${want[@]}" &&
        echo "${want[*]}" >"$stamp"
}

declare -a results=()
failed=0
record() {  # record CORE STEP RC SECONDS
    local outcome=passed
    if [ "$3" -ne 0 ]; then outcome="FAILED (rc $3, log .build/matrix/logs/core-$1-$2.log)"; failed=1; fi
    results+=("$(printf '%-6s %-12s %-5s %s' "$1" "$2" "${4}s" "$outcome")")
    printf '=== ansible-core %s %s: %s (%ss)\n' "$1" "$2" "$outcome" "$4"
}

selected=("$@")
for entry in "${MATRIX[@]}"; do
    read -r core pin py <<<"$entry"
    if [ ${#selected[@]} -gt 0 ] && [[ " ${selected[*]} " != *" $core "* ]]; then
        continue
    fi
    venv="$matrix_dir/core-$core"
    start=$SECONDS
    python=$(find_python "$py") || { record "$core" venv 1 0; continue; }
    make_venv "$venv" "$python" "$pin" >"$log_dir/core-$core-venv.log" 2>&1
    rc=$?
    record "$core" venv "$rc" $((SECONDS - start))
    [ "$rc" -eq 0 ] || continue

    for step in "${steps[@]}"; do
        log="$log_dir/core-$core-$step.log"
        start=$SECONDS
        case $step in
        sanity)
            ANSIBLE_TEST="$venv/bin/ansible-test" ANSIBLE_TEST_COPY="matrix-$core" \
                "$root/scripts/ansible-test.sh" sanity --venv --python "$py" >"$log" 2>&1
            ;;
        units)
            PYTHONPATH="$root/.build/collections" ANSIBLE_COLLECTIONS_PATH="$root/.build/collections" \
                "$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/tests/unit" >"$log" 2>&1
            ;;
        integration)
            ANSIBLE_TEST="$venv/bin/ansible-test" ANSIBLE_TEST_COPY="matrix-$core" \
                "$root/scripts/ansible-test.sh" integration --venv --python "$py" "${targets[@]}" >"$log" 2>&1
            ;;
        *)
            echo "unknown step $step" >"$log"
            false
            ;;
        esac
        record "$core" "$step" $? $((SECONDS - start))
    done
done

{
    echo "ansible-core test matrix, $(date -u '+%Y-%m-%d %H:%M UTC'), integration targets: ${targets[*]}"
    printf '%-6s %-12s %-5s %s\n' core step time result
    printf '%s\n' "${results[@]}"
} | tee "$matrix_dir/RESULTS.txt"
exit "$failed"
