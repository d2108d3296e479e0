#!/usr/bin/env bash
# Tests of the role server_dns against a simulator of its own (setup_mpg_simulator/start.sh):
# 20 hosts with forks 10 in one zone, the unchanged re-run (recap and request log), check mode,
# state absent, addresses from facts, argument-spec failures, and hosts whose names clash.
set -eux
source ../setup_mpg_simulator/start.sh

out=${OUTPUT_DIR:-$(mktemp -d)}
inventory="$out/role_server_dns.ini"
{
    echo '[controller]'
    echo 'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"'
    echo '[servers]'
    for i in $(seq 1 20); do
        printf 'srv%02d server_dns_ipv4=198.51.100.%d server_dns_ipv6=2001:db8:100::%x\n' "$i" "$i" "$i"
    done
    echo '[servers:vars]'
    echo 'server_dns_zone=example.nl'
    echo 'ansible_connection=local'
    # Nothing may run on the servers themselves: every API call is delegated to the controller.
    echo 'ansible_python_interpreter=/nonexistent/python3'
} > "$inventory"

ansible-playbook -i "$inventory" setup.yml "$@"

# 20 hosts, 10 at a time, all in one zone.
ansible-playbook -i "$inventory" -f 10 servers.yml "$@"
ansible-playbook -i "$inventory" verify.yml -e phase=first "$@"

# The same again: nothing changes (recap of every host, and not one write in the request log).
ansible-playbook -i "$inventory" -f 10 servers.yml --diff "$@" | tee "$out/role_server_dns_rerun.log"
test "$(grep -cE '^srv[0-9]+ +: ok=[0-9]+ +changed=0 +unreachable=0 +failed=0 ' "$out/role_server_dns_rerun.log")" -eq 20
ansible-playbook -i "$inventory" verify.yml -e phase=rerun "$@"

ansible-playbook -i "$inventory" more.yml "$@"
ansible-playbook -i conflicts.ini conflicts.yml "$@"
