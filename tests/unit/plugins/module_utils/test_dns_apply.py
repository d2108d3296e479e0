# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Applying a DNS plan, with the real client against the simulator (its faults stand in for API errors)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError, MPGClient
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_apply import (
    DNSApplyError,
    apply_plan,
    fail_apply,
    read_zone,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    desired_rrsets_from_entries,
    plan_zone_changes,
)

ZONE = 'example.nl'
RECORDS_PATH = '^/dns/example.nl/records'


def record(record_id, name, rtype, content, ttl=3600):
    return {'id': record_id, 'name': name, 'type': rtype, 'content': content, 'ttl': ttl}


SEED = [record(1, '@', 'NS', 'ns1.example.net'), record(2, 'a', 'A', '192.0.2.1'), record(3, 'b', 'A', '192.0.2.2')]
DESIRED = [{'record': 'a', 'type': 'A', 'value': '192.0.2.9'},
           {'record': 'c', 'type': 'A', 'value': '192.0.2.3', 'ttl': 600}]


@pytest.fixture
def client(simulator):
    simulator.set_state({'zones': {ZONE: SEED}})
    return MPGClient(simulator.url, client_id=simulator.client_id, client_secret=simulator.client_secret,
                     token_cache=False, sleep=lambda seconds: None)


def writes(simulator):
    return [(r['method'], r['path'], r['status']) for r in simulator.requests() if r['method'] != 'GET'
            and r['path'] != '/auth']


def plan_for(client):
    current = read_zone(client, ZONE)
    return plan_zone_changes(current, desired_rrsets_from_entries(DESIRED, ZONE), ZONE, prune=True)


def test_apply_plan_runs_in_order_and_returns_records(client, simulator):
    result = apply_plan(client, ZONE, plan_for(client))
    assert writes(simulator) == [('PATCH', '/dns/example.nl/records/2', 200),
                                 ('POST', '/dns/example.nl/records/delete', 200),
                                 ('PUT', '/dns/example.nl/records', 201)]
    stored = sorted((r['name'], r['content'], r['ttl']) for r in simulator.get_state()['zones'][ZONE])
    assert stored == [('@', 'ns1.example.net', 3600), ('a', '192.0.2.9', 3600), ('c', '192.0.2.3', 600)]
    described = sorted((r.name, r.value.text, r.ttl) for r in result)
    assert described == stored
    assert sorted(r.id for r in result)[:2] == [1, 2]


def test_apply_plan_failure_reports_applied(client, simulator):
    plan = plan_for(client)
    simulator.add_fault(method='PUT', path_regex=RECORDS_PATH + '$', status=500, times=1)
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan)
    assert [op['action'] for op in exc.value.applied] == ['update', 'delete']
    assert exc.value.failed['action'] == 'add'
    assert exc.value.not_applied == []
    assert exc.value.cause.status == 500
    message = str(exc.value)
    assert 'add c A 192.0.2.3 failed: AddRecord failed: HTTP 500' in message
    assert '2 of 3 operations were applied' in message
    # The server did not act (the fault answered instead), and the re-read proved it: nothing is resent.
    assert [w[0] for w in writes(simulator)] == ['PATCH', 'POST', 'PUT']
    assert 'c' not in [r['name'] for r in simulator.get_state()['zones'][ZONE]]


def test_apply_plan_first_write_fails(client, simulator):
    plan = plan_for(client)
    simulator.add_fault(method='PATCH', path_regex=RECORDS_PATH + '/2$', status=422, times=1,
                        body=json.dumps({'status': 'error', 'message': 'Invalid content.', 'errors': {'content': ['x']}}))
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan)
    assert exc.value.applied == []
    assert [op['action'] for op in exc.value.not_applied] == ['delete', 'add']
    assert 'nothing was changed before it' in str(exc.value)
    assert writes(simulator) == [('PATCH', '/dns/example.nl/records/2', 422)]


class FailingModule(object):
    """Stands in for AnsibleModule.fail_json only; the API side is the simulator."""
    _client = None

    def fail_json(self, **kwargs):
        raise SystemExit(kwargs)


def test_fail_apply_result(client, simulator):
    plan = plan_for(client)
    simulator.add_fault(method='POST', path_regex=RECORDS_PATH + '/delete$', status=422, times=1,
                        body=json.dumps({'status': 'error', 'message': 'Invalid.', 'errors': {'id': ['x']}}))
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan)
    with pytest.raises(SystemExit) as failed:
        fail_apply(FailingModule(), exc.value, {'zone': ZONE, 'operations': [], 'counts': {}})
    result = failed.value.args[0]
    assert result['changed'] is True
    assert 'operations' not in result
    assert result['status'] == 422
    assert result['api_errors'] == {'id': ['x']}
    assert len(result['applied']) == 1
    assert result['failed_operation']['action'] == 'delete'


def test_read_zone_404_is_unknown_zone(client):
    with pytest.raises(MPGApiError) as exc:
        read_zone(client, 'unknown.nl')
    assert 'zone unknown.nl is not a DNS zone of this account' in str(exc.value)
    assert exc.value.status == 404


def test_read_zone_other_errors_propagate(client, simulator):
    simulator.add_fault(method='GET', path_regex=RECORDS_PATH + '$', status=500, times=10)
    with pytest.raises(MPGApiError) as exc:
        read_zone(client, ZONE)
    assert exc.value.status == 500
    assert 'not a DNS zone' not in str(exc.value)
