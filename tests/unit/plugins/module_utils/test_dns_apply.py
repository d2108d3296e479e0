# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError
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


class FakeClient(object):
    """Records calls; fails the call number ``fail_at`` (1-based) with ``error``."""

    def __init__(self, records=None, fail_at=None, error=None, read_error=None):
        self.records = [dict(r) for r in records or []]
        self.calls = []
        self.fail_at = fail_at
        self.error = error
        self.read_error = read_error
        self.next_id = 1000

    def get_records(self, zone):
        self.calls.append(('get', zone))
        if self.read_error:
            raise self.read_error
        return [dict(r) for r in self.records]

    def _write(self, call):
        self.calls.append(call)
        writes = [c for c in self.calls if c[0] != 'get']
        if self.fail_at is not None and len(writes) == self.fail_at:
            raise self.error

    def add_record(self, zone, fields):
        self._write(('add', zone, fields))
        record = {'id': self.next_id, 'ttl': 3600, 'priority': None, 'weight': None, 'port': None}
        record.update(fields)
        # The API canonicalises: upper-case would come back lower-case, and so on.
        self.next_id += 1
        return record

    def update_record(self, zone, record_id, fields):
        self._write(('update', zone, record_id, fields))
        record = dict(next(r for r in self.records if r['id'] == record_id))
        record.update(fields)
        return record

    def delete_record(self, zone, record_id):
        self._write(('delete', zone, record_id))


def record(record_id, name, rtype, content, ttl=3600, priority=None):
    return {'id': record_id, 'name': name, 'type': rtype, 'content': content, 'ttl': ttl, 'priority': priority,
            'weight': None, 'port': None}


SEED = [record(1, '@', 'NS', 'ns1.example.net'), record(2, 'a', 'A', '192.0.2.1'), record(3, 'b', 'A', '192.0.2.2')]
DESIRED = [{'record': 'a', 'type': 'A', 'value': '192.0.2.9'},
           {'record': 'c', 'type': 'A', 'value': '192.0.2.3', 'ttl': 600}]


def plan_for(client):
    current = read_zone(client, ZONE)
    return plan_zone_changes(current, desired_rrsets_from_entries(DESIRED, ZONE), ZONE, prune=True)


def test_apply_plan_runs_in_order_and_returns_records():
    client = FakeClient(SEED)
    plan = plan_for(client)
    result = apply_plan(client, ZONE, plan)
    assert [c[0] for c in client.calls] == ['get', 'update', 'delete', 'add']
    assert client.calls[1] == ('update', ZONE, 2, {'content': '192.0.2.9'})
    assert client.calls[3] == ('add', ZONE, {'name': 'c', 'type': 'A', 'content': '192.0.2.3', 'ttl': 600})
    described = sorted((r.name, r.value.text, r.id, r.ttl) for r in result)
    assert described == [('@', 'ns1.example.net', 1, 3600), ('a', '192.0.2.9', 2, 3600), ('c', '192.0.2.3', 1000, 600)]


def test_apply_plan_failure_reports_applied():
    error = MPGApiError('AddRecord', 'AddRecord failed: HTTP 500', status=500, may_have_acted=True)
    client = FakeClient(SEED, fail_at=3, error=error)
    plan = plan_for(client)
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan)
    assert [op['action'] for op in exc.value.applied] == ['update', 'delete']
    assert exc.value.failed['action'] == 'add'
    assert exc.value.not_applied == []
    assert exc.value.cause is error
    message = str(exc.value)
    assert 'add c A 192.0.2.3 failed: AddRecord failed: HTTP 500' in message
    assert '2 of 3 operations were applied' in message
    assert 'may have been carried out' in message


def test_apply_plan_first_write_fails():
    error = MPGApiError('UpdateRecord', 'UpdateRecord failed: HTTP 422', status=422, field_errors={'content': ['x']})
    client = FakeClient(SEED, fail_at=1, error=error)
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan_for(client))
    assert exc.value.applied == []
    assert [op['action'] for op in exc.value.not_applied] == ['delete', 'add']
    assert 'nothing was changed before it' in str(exc.value)


class FakeModule(object):
    _client = None

    def fail_json(self, **kwargs):
        raise SystemExit(kwargs)


def test_fail_apply_result():
    error = MPGApiError('UpdateRecord', 'UpdateRecord failed: HTTP 422', status=422, field_errors={'content': ['x']})
    client = FakeClient(SEED, fail_at=2, error=error)
    with pytest.raises(DNSApplyError) as exc:
        apply_plan(client, ZONE, plan_for(client))
    with pytest.raises(SystemExit) as failed:
        fail_apply(FakeModule(), exc.value, {'zone': ZONE, 'operations': [], 'counts': {}})
    result = failed.value.args[0]
    assert result['changed'] is True
    assert 'operations' not in result
    assert result['status'] == 422
    assert result['api_errors'] == {'content': ['x']}
    assert len(result['applied']) == 1
    assert result['failed_operation']['action'] == 'delete'


def test_read_zone_404_is_unknown_zone():
    client = FakeClient(read_error=MPGApiError('GetRecords', 'GetRecords failed: HTTP 404', status=404))
    with pytest.raises(MPGApiError) as exc:
        read_zone(client, 'unknown.nl')
    assert 'zone unknown.nl is not a DNS zone of this account' in str(exc.value)
    assert exc.value.status == 404


def test_read_zone_other_errors_propagate():
    error = MPGApiError('GetRecords', 'GetRecords failed: HTTP 500', status=500)
    client = FakeClient(read_error=error)
    with pytest.raises(MPGApiError) as exc:
        read_zone(client, ZONE)
    assert exc.value is error
