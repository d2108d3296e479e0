# shellcheck shell=bash
# Start a Domain API simulator for one test run; meant to be SOURCED:
#
#     source ../setup_mpg_simulator/start.sh     # from an integration target's runme.sh
#     source tests/integration/targets/setup_mpg_simulator/start.sh   # scripts/with-simulator.sh
#
# It starts `python -m mpg_simulator` on a free loopback port, waits for its
# `listening on http://HOST:PORT` line and exports:
#   MPG_API_URL, MPG_SIM_URL     the simulator's base URL
#   MPG_CLIENT_ID                "demo"
#   MPG_CLIENT_SECRET            a random secret made for this run (so a grep of
#                                the output for it proves that nothing leaks)
#   MPG_TOKEN_CACHE_DIR          a fresh, private token cache directory
#   MPG_SIM_PID, MPG_SIM_LOG     the simulator's pid and its stderr log
# and unsets MPG_API_TOKEN (a real token must never go to the simulator).
# An EXIT trap stops the simulator and removes the temporary directory. If the
# caller sets its own EXIT trap, it must call mpg_simulator_stop itself.
#
# Optional input:
#   MPG_SIMULATOR_ARGS    extra options for the simulator (word-split), e.g.
#                         "--rate-limit 5 --token-ttl 30"
#   MPG_SIMULATOR_PYTHON  interpreter (default: $ANSIBLE_TEST_PYTHON_INTERPRETER or python3)
#   MPG_SIMULATOR_SRC     directory that holds the mpg_simulator package (found
#                         in tests/simulator or tests/simulator/src otherwise)

# No xtrace in here: runme.sh runs with `set -x`, and the secret must not be
# printed. Restored at the end.
case $- in *x*) _mpg_sim_xtrace=1 ;; *) _mpg_sim_xtrace= ;; esac
{ set +x; } 2>/dev/null

mpg_simulator_stop() {
    local rc=$? xtrace=''
    case $- in *x*) xtrace=1 ;; esac
    { set +x; } 2>/dev/null
    if [ -n "${MPG_SIM_PID:-}" ] && kill -0 "$MPG_SIM_PID" 2>/dev/null; then
        kill "$MPG_SIM_PID" 2>/dev/null || true
        wait "$MPG_SIM_PID" 2>/dev/null || true
    fi
    if [ "$rc" -ne 0 ] && [ -s "${MPG_SIM_LOG:-}" ]; then
        echo "--- last lines of the simulator log ($MPG_SIM_LOG) ---" >&2
        tail -n 30 "$MPG_SIM_LOG" >&2 || true
    fi
    if [ -n "${_mpg_sim_tmp:-}" ] && [ -d "$_mpg_sim_tmp" ]; then
        rm -rf "$_mpg_sim_tmp"
    fi
    MPG_SIM_PID=
    if [ -n "$xtrace" ]; then set -x; fi
    return "$rc"
}

_mpg_sim_start() {
    local here candidate src='' url='' i acp=${ANSIBLE_COLLECTIONS_PATH:-}
    local python=${MPG_SIMULATOR_PYTHON:-${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}}
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

    # Find the simulator's source: under ansible-test the targets are copied to a
    # temporary directory, but ANSIBLE_COLLECTIONS_PATH names the collection's root.
    for candidate in \
        ${MPG_SIMULATOR_SRC:+"$MPG_SIMULATOR_SRC"} \
        "${acp%%:*}/ansible_collections/mijnpartnergroep/domains/tests/simulator" \
        "$here/../../../simulator"; do
        if [ -f "$candidate/mpg_simulator/__main__.py" ]; then
            src=$candidate
            break
        elif [ -f "$candidate/src/mpg_simulator/__main__.py" ]; then
            src=$candidate/src
            break
        fi
    done
    if [ -n "$src" ]; then
        src=$(cd "$src" && pwd)
        export PYTHONPATH="$src${PYTHONPATH:+:$PYTHONPATH}"
    fi   # else: rely on an installed mpg_simulator (pip install -e tests/simulator)

    _mpg_sim_tmp=$(mktemp -d "${TMPDIR:-/tmp}/mpg-sim.XXXXXX")
    chmod 700 "$_mpg_sim_tmp"
    mkdir -m 700 "$_mpg_sim_tmp/token-cache"

    MPG_CLIENT_ID=demo
    MPG_CLIENT_SECRET="sim-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    MPG_SIM_LOG="$_mpg_sim_tmp/simulator.log"

    # shellcheck disable=SC2086  # MPG_SIMULATOR_ARGS is a list of options
    "$python" -u -m mpg_simulator --host 127.0.0.1 --port 0 \
        --client-id "$MPG_CLIENT_ID" --client-secret "$MPG_CLIENT_SECRET" \
        ${MPG_SIMULATOR_ARGS:-} \
        >"$_mpg_sim_tmp/stdout" 2>"$MPG_SIM_LOG" </dev/null &
    MPG_SIM_PID=$!
    trap mpg_simulator_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    # Wait (at most 30 s) for the first stdout line: "listening on http://HOST:PORT".
    for ((i = 0; i < 300; i++)); do
        url=$(sed -n '1s/^listening on \(http[^ ]*\).*$/\1/p' "$_mpg_sim_tmp/stdout" 2>/dev/null || true)
        [ -n "$url" ] && break
        if ! kill -0 "$MPG_SIM_PID" 2>/dev/null; then
            echo "mpg_simulator exited before it was listening; its output:" >&2
            cat "$_mpg_sim_tmp/stdout" >&2   # stderr: printed by mpg_simulator_stop
            return 1
        fi
        sleep 0.1
    done
    if [ -z "$url" ]; then
        echo "mpg_simulator did not print 'listening on ...' within 30 s" >&2
        return 1
    fi

    export MPG_CLIENT_ID MPG_CLIENT_SECRET MPG_SIM_PID MPG_SIM_LOG
    export MPG_API_URL="$url"
    export MPG_SIM_URL="$url"
    export MPG_TOKEN_CACHE_DIR="$_mpg_sim_tmp/token-cache"
    unset MPG_API_TOKEN
    echo "mpg_simulator (pid $MPG_SIM_PID) listening on $url" >&2
}

# On failure the EXIT trap (set once the simulator was launched) cleans up.
_mpg_sim_start || exit $?
if [ -n "$_mpg_sim_xtrace" ]; then set -x; fi
