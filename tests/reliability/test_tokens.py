# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Tokens that expire mid-run, and the token cache file: private, distrustful, keyed by credentials."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import stat

from mpg_simulator.testing import SimulatorProcess
from reliability_plays import admin, api_requests, fault, mpg

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._token_cache import TokenCache

RECORDS = '/dns/example.nl/records'


def test_token_expiring_every_two_seconds_is_renewed_in_a_30_task_play(start_sim, playbook):
    sim = start_sim('--token-ttl', '2')
    sim.set_state({'zones': {'example.nl': []}, 'holders': []})
    tasks = []
    for index in range(27):
        if index % 3 == 0:
            tasks.append(mpg('task %d' % index, 'mpg_dns_record', dict(
                zone='example.nl', record='host%d' % index, type='A', value='192.0.2.%d' % (index + 1))))
        elif index % 3 == 1:
            tasks.append(mpg('task %d' % index, 'mpg_dns_zone_info', dict(zone='example.nl')))
        else:
            tasks.append(mpg('task %d' % index, 'mpg_whois_info', dict(name='example%d.nl' % index)))
    # The token of one task expires while it runs: every AddRecord answers after 1.2 s.
    tasks.append(fault('slow AddRecord', method='PUT', path_regex='^%s$' % RECORDS, delay_before=1.2, times=3))
    zone = dict(zone='example.nl', records=[dict(record='slow%d' % i, type='A', value='198.51.100.%d' % i)
                                            for i in range(1, 4)])
    tasks.append(mpg('task 27', 'mpg_dns_zone', zone))
    tasks.append(mpg('task 28', 'mpg_dns_zone', zone))
    tasks.append(mpg('task 29', 'mpg_dns_zone_info', dict(zone='example.nl')))
    run = playbook(tasks, sim=sim)
    module_tasks = ['task %d' % i for i in range(30)]
    assert [t for t in module_tasks if run.status(t) != 'ok'] == [], run.stdout
    assert run.result('task 27')['changed'] is True and run.result('task 28')['changed'] is False
    # Renewed inside the slow task: a 401 on an AddRecord, then /auth, then the same AddRecord again.
    slow = run.requests('task 27')
    assert [r['status'] for r in api_requests(slow, 'PUT', RECORDS)].count(401) >= 1, slow
    assert [r['status'] for r in api_requests(slow, 'PUT', RECORDS)].count(201) == 3, slow
    assert len(api_requests(slow, 'POST', '/auth')) >= 2
    names = sorted(r['name'] for r in sim.get_state()['zones']['example.nl'])
    assert names == sorted(['host%d' % i for i in range(0, 27, 3)] + ['slow1', 'slow2', 'slow3'])


def _mode(path):
    return stat.S_IMODE(os.stat(str(path)).st_mode)


def test_token_cache_is_private_distrustful_and_keyed_by_credentials(sim, playbook):
    sim.set_state({'zones': {'example.nl': []}})
    cache_dir = str(playbook.token_cache)
    cache_file = TokenCache(sim.url, sim.client_id, sim.client_secret, cache_dir=cache_dir).path
    other = SimulatorProcess(client_id=sim.client_id, client_secret=sim.client_secret)   # same credentials
    try:
        other.set_state({'zones': {'example.nl': []}})
        other_file = TokenCache(other.url, sim.client_id, sim.client_secret, cache_dir=cache_dir).path
        zones = dict(zone='example.nl')
        run = playbook([
            mpg('first', 'mpg_dns_zone_info', zones),
            mpg('second', 'mpg_dns_zone_info', zones),
            {'name': 'stat file', 'ansible.builtin.stat': {'path': cache_file}, 'register': 'file_stat'},
            {'name': 'stat dir', 'ansible.builtin.stat': {'path': cache_dir}},
            {'name': 'loosen', 'ansible.builtin.file': {'path': cache_file, 'mode': '0644'}},
            mpg('world readable', 'mpg_dns_zone_info', zones),
            {'name': 'stat again', 'ansible.builtin.stat': {'path': cache_file}},
            {'name': 'corrupt', 'ansible.builtin.copy': {'content': '{"key": "x", "tok', 'dest': cache_file,
                                                         'mode': '0600'}},
            mpg('corrupt file', 'mpg_dns_zone_info', zones),
            admin('revoke every token', 'POST', 'expire-tokens'),
            mpg('revoked', 'mpg_dns_zone_info', zones),
            mpg('cached again', 'mpg_dns_zone_info', zones),
            mpg('wrong secret', 'mpg_dns_zone_info', zones, environment={'MPG_CLIENT_SECRET': 'changed-secret'}),
            mpg('other client', 'mpg_dns_zone_info', zones, environment={'MPG_CLIENT_ID': 'someone-else'}),
            # The token of this simulator, planted where the other simulator's token would be.
            {'name': 'plant', 'ansible.builtin.copy': {'src': cache_file, 'dest': other_file, 'mode': '0600'}},
            mpg('other url', 'mpg_dns_zone_info', zones, environment={'MPG_API_URL': other.url}),
        ], sim=sim)
        statuses = dict((t['task'], run.status(t['task'])) for t in run.tasks)
        for task in ('first', 'second', 'world readable', 'corrupt file', 'revoked', 'cached again', 'other url'):
            assert statuses[task] == 'ok', (task, run.result(task))
        auth = dict((t['task'], len(api_requests(t['requests'], 'POST', '/auth'))) for t in run.tasks)
        assert (auth['first'], auth['second']) == (1, 0)            # the second task used the cached token
        assert run.result('stat file')['stat']['mode'] == '0600'
        assert run.result('stat dir')['stat']['mode'] == '0700'
        assert auth['world readable'] == 1                           # a loosened file is not trusted ...
        assert run.result('stat again')['stat']['mode'] == '0600'    # ... and replaced by a private one
        assert auth['corrupt file'] == 1
        assert [r['status'] for r in run.requests('revoked')] == [401, 200, 200]   # renewed once, then on
        assert auth['cached again'] == 0
        # Changed credentials: the new ones are sent and refused; the old client's token is never used.
        for task in ('wrong secret', 'other client'):
            result = run.result(task)
            assert statuses[task] == 'failed'
            assert 'Authenticate failed: HTTP 401' in result['msg'] and 'client_secret' in result['msg'], result
            assert [(r['path'], r['status']) for r in run.requests(task)] == [('/auth', 401)]
        # Another API URL: its own token, even where a token for the old URL was planted.
        assert [(r['path'], r['status']) for r in other.requests()] == [('/auth', 200), (RECORDS, 200)]
        assert _mode(cache_file) == 0o600 and _mode(cache_dir) == 0o700
        for name in os.listdir(cache_dir):
            assert not _mode(os.path.join(cache_dir, name)) & 0o077, name
    finally:
        other.stop()
