# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""50 hosts, 10 forks, one zone, an API that throttles to 20 requests a second."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from reliability_plays import api_requests

HOSTS = 50
FORKS = 10
RATE_LIMIT = 20
RECORDS = '/dns/example.nl/records'


def test_fifty_hosts_through_server_dns_under_throttling(sim, playbook, capsys):
    sim.set_state({'zones': {'example.nl': [
        {'name': '@', 'type': 'NS', 'content': 'ns1.mijnpartnergroep.nl', 'ttl': 86400},
        {'name': 'mail', 'type': 'A', 'content': '192.0.2.254', 'ttl': 3600},
    ]}})
    sim.settings(rate_limit=RATE_LIMIT)
    lines = ['[web]'] + ['web%02d server_dns_ipv4=198.51.100.%d' % (i, i) for i in range(1, HOSTS + 1)] + [
        '[web:vars]', 'ansible_connection=local', 'ansible_python_interpreter="{{ ansible_playbook_python }}"',
        'server_dns_zone=example.nl', 'server_dns_manage_ipv6=false']
    inventory = '\n'.join(lines) + '\n'
    tasks = [{'name': 'Server DNS', 'ansible.builtin.include_role': {'name': 'mijnpartnergroep.domains.server_dns'}}]
    runs = []
    for _attempt in ('first', 'again'):
        run = playbook(tasks, hosts='web', inventory=inventory, sim=sim, args=('--forks', str(FORKS)))
        assert run.rc == 0, run.output[-3000:]
        runs.append(run)
    first, again = runs
    a_task = [t for t in first.tasks if t['task'].endswith('A record of the host')][0]['task']
    assert sorted(first.task(a_task)['results']) == ['web%02d' % i for i in range(1, HOSTS + 1)]
    for host, entry in first.task(a_task)['results'].items():
        assert entry['status'] == 'ok' and entry['result']['changed'] is True, (host, entry)
    for host, entry in again.task(a_task)['results'].items():
        assert entry['status'] == 'ok' and entry['result']['changed'] is False, (host, entry)
    records = dict((r['name'], r['content']) for r in sim.get_state()['zones']['example.nl'] if r['type'] == 'A')
    expected = dict(('web%02d' % i, '198.51.100.%d' % i) for i in range(1, HOSTS + 1))
    expected['mail'] = '192.0.2.254'
    assert records == expected
    assert len(sim.get_state()['zones']['example.nl']) == HOSTS + 2            # nothing twice
    for label, run in (('first run', first), ('re-run', again)):
        log = run.all_requests
        throttled = len([r for r in log if r['status'] == 429])
        with capsys.disabled():     # shown in every run, not only with -s
            print('\n%s: %d API requests in total (%d answered 429, %d AddRecord, %d GetRecords, %d /auth)' % (
                label, len(log), throttled, len(api_requests(log, 'PUT', RECORDS)),
                len(api_requests(log, 'GET', RECORDS)), len(api_requests(log, 'POST', '/auth'))))
    # One accepted AddRecord per host (a throttled one, answered 429, was not carried out and is resent).
    assert [r['status'] for r in api_requests(first.all_requests, 'PUT', RECORDS) if r['status'] != 429] == \
        [201] * HOSTS
    assert not [r for r in again.all_requests if r['method'] in ('PUT', 'PATCH')]
