#!/usr/bin/env bash
# Starts its own simulator (setup_mpg_simulator/start.sh), runs the tests, stops it.
set -eux
source ../setup_mpg_simulator/start.sh
MPG_EXAMPLES_FILE=$(python3 ../setup_mpg_simulator/extract_examples.py mpg_dns_zone_info)
export MPG_EXAMPLES_FILE
ansible-playbook -i ../setup_mpg_simulator/inventory.ini playbook.yml "$@"
