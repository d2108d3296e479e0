#!/usr/bin/env bash
# Tests of the role domain against a simulator of its own (setup_mpg_simulator/start.sh).
set -eux
source ../setup_mpg_simulator/start.sh
ansible-playbook -i ../setup_mpg_simulator/inventory.ini playbook.yml "$@"
