# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""apply_plan after a write without a clear answer: read the zone again, never resend.

The simulator loses the answers: a fault with ``close`` drops the connection, after carrying the
write out when no status is given, without doing so when one is.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGClient
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_apply import (
    DNSApplyError,
    apply_plan,
    read_zone,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    desired_rrsets_from_entries,
    plan_zone_changes,
)

ZONE = 'example.nl'
SEED = [{'id': 1, 'name': 'www', 'type': 'A', 'content': '192.0.2.1', 'ttl': 3600}]
DESIRED = [{'record': 'www', 'type': 'A', 'value': ['192.0.2.9']},       # update of id 1
           {'record': 'api', 'type': 'A', 'value': ['192.0.2.50']},      # add
           {'record': 'cdn', 'type': 'A', 'value': ['192.0.2.51']}]      # add


@pytest.fixture
def client(simulator):
    simulator.set_state({'zones': {ZONE: SEED}})
    return MPGClient(simulator.url, client_id=simulator.client_id, client_secret=simulator.client_secret,
                     token_cache=False, sleep=lambda seconds: None)


def calls(simulator):
    """The zone's requests as 'get', 'update ID', 'add'."""
    result = []
    for request in simulator.requests():
        if request['method'] == 'GET' and request['path'].endswith('/records'):
            result.append('get')
        elif request['method'] == 'PATCH':
            result.append('update %s' % request['path'].rsplit('/', 1)[1])
        elif request['method'] == 'PUT':
            result.append('add')
    return result


def plan_for(client):
    return plan_zone_changes(read_zone(client, ZONE), desired_rrsets_from_entries(DESIRED, ZONE), ZONE)


def test_carried_out_writes_count_as_applied_and_the_plan_goes_on(client, simulator):
    plan = plan_for(client)
    simulator.add_fault(method='PATCH', path_regex='^/dns/example.nl/records/1$', status=None, times=1, close=True)
    simulator.add_fault(method='PUT', path_regex='^/dns/example.nl/records$', status=None, times=1, close=True)
    warnings = []
    records = apply_plan(client, ZONE, plan, warn=warnings.append)
    # Each write sent once; the zone read again after each lost answer.
    assert calls(simulator) == ['get', 'update 1', 'get', 'add', 'get', 'add']
    assert sorted((r.name, r.value.text) for r in records) == [
        ('api', '192.0.2.50'), ('cdn', '192.0.2.51'), ('www', '192.0.2.9')]
    assert sorted((r['name'], r['content']) for r in simulator.get_state()['zones'][ZONE]) == [
        ('api', '192.0.2.50'), ('cdn', '192.0.2.51'), ('www', '192.0.2.9')]
    assert len(warnings) == 2 and all('not sent again' in w for w in warnings)


def test_a_write_that_is_not_there_stops_the_plan_without_resending(client, simulator):
    plan = plan_for(client)
    simulator.add_fault(method='PUT', path_regex='^/dns/example.nl/records$', status=500, times=1, close=True)
    with pytest.raises(DNSApplyError) as failure:
        apply_plan(client, ZONE, plan)
    assert calls(simulator) == ['get', 'update 1', 'add', 'get']
    assert [op['record'] for op in failure.value.applied] == ['www']
    assert [op['record'] for op in failure.value.not_applied] == ['cdn']
    assert 'had not been' in str(failure.value)
    assert [r['name'] for r in simulator.get_state()['zones'][ZONE]] == ['www']
