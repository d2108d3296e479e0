# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""apply_plan after a write without a clear answer: read the zone again, never resend."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError
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


def lost(operation):
    return MPGApiError(operation, '%s failed: no answer within 1 seconds' % operation, may_have_acted=True)


class LossyClient(object):
    """Carries out every write; loses the answer of the writes named in ``lose`` (acting or not)."""

    def __init__(self, lose=(), act=True):
        self.records = [dict(r) for r in SEED]
        self.lose = set(lose)
        self.act = act
        self.calls = []
        self.next_id = 100

    def get_records(self, zone):
        self.calls.append('get')
        return [dict(r) for r in self.records]

    def add_record(self, zone, fields):
        self.calls.append('add %s' % fields['name'])
        record = dict(fields, id=self.next_id)
        record.setdefault('ttl', 3600)
        self.next_id += 1
        if fields['name'] in self.lose:
            if self.act:
                self.records.append(record)
            raise lost('AddRecord')
        self.records.append(record)
        return record

    def update_record(self, zone, record_id, fields):
        self.calls.append('update %s' % record_id)
        record = next(r for r in self.records if r['id'] == record_id)
        if record['name'] in self.lose:
            if self.act:
                record.update(fields)
            raise lost('UpdateRecord')
        record.update(fields)
        return dict(record)


def plan_for(client):
    return plan_zone_changes(read_zone(client, ZONE), desired_rrsets_from_entries(DESIRED, ZONE), ZONE)


def test_carried_out_writes_count_as_applied_and_the_plan_goes_on():
    client = LossyClient(lose=('www', 'api'))
    warnings = []
    records = apply_plan(client, ZONE, plan_for(client), warn=warnings.append)
    # Each write sent once; the zone read again after each lost answer.
    assert client.calls == ['get', 'update 1', 'get', 'add api', 'get', 'add cdn']
    assert sorted((r.name, r.value.text) for r in records) == [
        ('api', '192.0.2.50'), ('cdn', '192.0.2.51'), ('www', '192.0.2.9')]
    assert len(warnings) == 2 and all('not sent again' in w for w in warnings)


def test_a_write_that_is_not_there_stops_the_plan_without_resending():
    client = LossyClient(lose=('api',), act=False)
    with pytest.raises(DNSApplyError) as failure:
        apply_plan(client, ZONE, plan_for(client))
    assert client.calls == ['get', 'update 1', 'add api', 'get']
    assert [op['record'] for op in failure.value.applied] == ['www']
    assert [op['record'] for op in failure.value.not_applied] == ['cdn']
    assert 'had not been' in str(failure.value)
