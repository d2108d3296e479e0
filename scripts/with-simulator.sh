#!/usr/bin/env bash
# Run a command against a fresh Domain API simulator, then stop the simulator
# (also when the command fails or is interrupted). The command's exit status
# is passed on.
#
#     scripts/with-simulator.sh ansible-playbook playbooks/demo.yml
#     MPG_SIMULATOR_ARGS="--rate-limit 20" scripts/with-simulator.sh python bench.py
#
# The command sees MPG_API_URL, MPG_CLIENT_ID, MPG_CLIENT_SECRET (random per
# run), MPG_SIM_URL (for /_sim/ admin calls) and MPG_TOKEN_CACHE_DIR; see
# tests/integration/targets/setup_mpg_simulator/start.sh, which does the work.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=tests/integration/targets/setup_mpg_simulator/start.sh
source "$root/tests/integration/targets/setup_mpg_simulator/start.sh"

"$@"
