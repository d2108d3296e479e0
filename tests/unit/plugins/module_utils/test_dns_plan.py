# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    ADD,
    DELETE,
    UPDATE,
    DNSPlanError,
    Operation,
    ZoneRecord,
    deletion_threshold_error,
    desired_rrsets_from_entries,
    desired_values,
    find_cname_conflicts,
    order_operations,
    plan_record_changes,
    plan_rrset_changes,
    plan_zone_changes,
    record_entries,
    zone_records_from_api,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    DNSValueError,
    parse_value,
    txt_presentation,
)

ZONE = 'example.nl'


class FakeZone(object):
    """Builds API Record dicts with increasing ids."""

    def __init__(self):
        self.records = []
        self.next_id = 100

    def add(self, name, rtype, content, ttl=3600, priority=None, weight=None, port=None):
        self.records.append({'id': self.next_id, 'name': name, 'type': rtype, 'content': content, 'ttl': ttl,
                             'priority': priority, 'weight': weight, 'port': port})
        self.next_id += 1
        return self

    def zone_records(self):
        return zone_records_from_api(self.records, ZONE)

    def apply(self, plan):
        """Apply a plan's operations the way the API would, to check idempotence."""
        by_id = dict((r['id'], r) for r in self.records)
        for op in plan.operations:
            if op.action == DELETE:
                self.records.remove(by_id.pop(op.record_id))
            elif op.action == UPDATE:
                by_id[op.record_id].update(op.request_body())
            else:
                body = op.request_body()
                record = {'id': self.next_id, 'ttl': 3600, 'priority': None, 'weight': None, 'port': None}
                record.update(body)
                self.records.append(record)
                by_id[self.next_id] = record
                self.next_id += 1


def values(rtype, *texts):
    return desired_values(rtype, list(texts))


def rrset(zone, name, rtype):
    return [r for r in zone.zone_records() if r.name == name and r.rtype == rtype]


def actions(plan):
    return [op.action for op in plan.operations]


# ---------------------------------------------------------------- desired values

def test_desired_values_dedupes_equivalent_spellings():
    result = desired_values('AAAA', ['2001:db8::1', '2001:DB8:0::1', '2001:db8::2'])
    assert [v.text for v in result] == ['2001:db8::1', '2001:db8::2']


def test_desired_values_string_and_none():
    assert [v.text for v in desired_values('A', '192.0.2.1')] == ['192.0.2.1']
    assert desired_values('A', None) == []


def test_desired_values_error_names_index():
    with pytest.raises(DNSValueError, match=r'^value\[1\]: '):
        desired_values('A', ['192.0.2.1', 'nope'])


def test_desired_values_single_cname():
    with pytest.raises(DNSValueError, match='only one CNAME'):
        desired_values('CNAME', ['a.example.com', 'b.example.com'])
    assert len(desired_values('CNAME', ['a.example.com', 'A.example.com.'])) == 1


# ---------------------------------------------------------------- one name and type

def test_create_into_empty():
    plan = plan_rrset_changes([], values('A', '192.0.2.1', '192.0.2.2'), name='www', rtype='A')
    assert actions(plan) == [ADD, ADD]
    assert plan.changed
    assert plan.before == []
    body = plan.operations[0].request_body()
    assert body == {'name': 'www', 'type': 'A', 'content': '192.0.2.1'}  # no ttl: API default
    assert [r.ttl for r in plan.after] == [3600, 3600]


def test_create_with_ttl_sends_ttl():
    plan = plan_rrset_changes([], values('MX', '10 mail.example.nl'), ttl=300, name='@', rtype='MX')
    assert plan.operations[0].request_body() == {'name': '@', 'type': 'MX', 'content': 'mail.example.nl',
                                                 'priority': 10, 'ttl': 300}


@pytest.mark.parametrize('rtype, stored, user', [
    ('A', {'content': '192.0.2.1'}, ['192.0.2.1']),
    ('AAAA', {'content': '2001:db8::1'}, ['2001:0DB8:0:0::1']),
    ('CNAME', {'content': 'target.example.com'}, ['Target.Example.com.']),
    ('NS', {'content': 'ns1.example.net'}, ['NS1.example.net.']),
    ('MX', {'content': 'mail.example.nl', 'priority': 0}, ['0 MAIL.example.nl.']),
    ('SRV', {'content': 'sip.example.nl', 'priority': 10, 'weight': 0, 'port': 5060}, ['10 0 5060 sip.example.nl.']),
    ('CAA', {'content': '0 issue "letsencrypt.org"'}, ['0 ISSUE letsencrypt.org']),
    ('TXT', {'content': 'v=spf1 -all'}, ['v=spf1 -all']),
    ('TXT', {'content': txt_presentation('k' * 400 + '"\\')}, ['k' * 400 + '"\\']),
])
def test_canonical_spellings_unchanged(rtype, stored, user):
    zone = FakeZone()
    zone.add('www', rtype, stored['content'], priority=stored.get('priority'), weight=stored.get('weight'),
             port=stored.get('port'))
    plan = plan_rrset_changes(rrset(zone, 'www', rtype), values(rtype, *user))
    assert not plan.changed
    assert record_entries(plan.before) == record_entries(plan.after)


def test_ttl_omitted_leaves_ttl_alone():
    zone = FakeZone().add('www', 'A', '192.0.2.1', ttl=300)
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1'), ttl=None)
    assert not plan.changed


def test_ttl_only_change_is_update():
    zone = FakeZone().add('www', 'A', '192.0.2.1', ttl=300)
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1'), ttl=600)
    assert actions(plan) == [UPDATE]
    assert plan.operations[0].request_body() == {'ttl': 600}
    assert plan.operations[0].record_id == 100
    assert plan.after[0].ttl == 600


def test_change_value_in_place():
    zone = FakeZone().add('www', 'A', '192.0.2.1')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.9'))
    assert actions(plan) == [UPDATE]
    op = plan.operations[0]
    assert op.record_id == 100
    assert op.request_body() == {'content': '192.0.2.9'}
    assert op.describe() == {'action': 'update', 'record': 'www', 'type': 'A', 'id': 100, 'value': '192.0.2.9',
                             'ttl': 3600, 'old_value': '192.0.2.1', 'old_ttl': 3600}


def test_change_value_and_ttl_in_one_update():
    zone = FakeZone().add('www', 'A', '192.0.2.1')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.9'), ttl=120)
    assert plan.operations[0].request_body() == {'content': '192.0.2.9', 'ttl': 120}


def test_mx_priority_change_keeps_host_pairing():
    zone = FakeZone().add('@', 'MX', 'mx1.example.nl', priority=10).add('@', 'MX', 'mx2.example.nl', priority=20)
    plan = plan_rrset_changes(rrset(zone, '@', 'MX'), values('MX', '10 mx1.example.nl', '5 mx2.example.nl'))
    assert actions(plan) == [UPDATE]
    assert plan.operations[0].record_id == 101
    assert plan.operations[0].request_body() == {'priority': 5}


def test_srv_port_change_only_sends_port():
    zone = FakeZone().add('_sip._tcp', 'SRV', 'sip.example.nl', priority=10, weight=5, port=5060)
    plan = plan_rrset_changes(rrset(zone, '_sip._tcp', 'SRV'), values('SRV', '10 5 5061 sip.example.nl'))
    assert [op.request_body() for op in plan.operations] == [{'port': 5061}]


def test_several_values_remove_exactly_one_absent():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'A', '192.0.2.2').add('www', 'A', '192.0.2.3')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.2'), state='absent')
    assert actions(plan) == [DELETE]
    assert plan.operations[0].record_id == 101
    assert sorted(r.value.text for r in plan.after) == ['192.0.2.1', '192.0.2.3']


def test_absent_without_values_removes_all():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'A', '192.0.2.2')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), [], state='absent')
    assert actions(plan) == [DELETE, DELETE]
    assert plan.after == []


def test_absent_nothing_there():
    plan = plan_rrset_changes([], [], state='absent', name='www', rtype='A')
    assert not plan.changed
    plan = plan_rrset_changes([], values('A', '192.0.2.1'), state='absent', name='www', rtype='A')
    assert not plan.changed


def test_absent_value_not_present_unchanged():
    zone = FakeZone().add('www', 'A', '192.0.2.1')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.7'), state='absent')
    assert not plan.changed


def test_replace_one_of_several():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'A', '192.0.2.2')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1', '192.0.2.3'))
    assert actions(plan) == [UPDATE]
    assert plan.operations[0].record_id == 101
    assert plan.operations[0].request_body() == {'content': '192.0.2.3'}


def test_exclusive_shrinks_with_update_and_delete_order():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'A', '192.0.2.2').add('www', 'A', '192.0.2.3')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.9'))
    assert actions(plan) == [UPDATE, DELETE, DELETE]


def test_exclusive_grows_update_then_add():
    zone = FakeZone().add('www', 'A', '192.0.2.1')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.8', '192.0.2.9'))
    assert actions(plan) == [UPDATE, ADD]


def test_non_exclusive_leaves_others():
    zone = FakeZone().add('@', 'TXT', 'v=spf1 -all')
    plan = plan_rrset_changes(rrset(zone, '@', 'TXT'), values('TXT', 'google-site-verification=abc'),
                              exclusive=False)
    assert actions(plan) == [ADD]
    assert sorted(r.value.text for r in plan.after) == ['google-site-verification=abc', 'v=spf1 -all']
    zone.apply(plan)
    # Both tasks, run again: nothing to do.
    for text in ('google-site-verification=abc', 'v=spf1 -all'):
        again = plan_rrset_changes(rrset(zone, '@', 'TXT'), values('TXT', text), exclusive=False)
        assert not again.changed


def test_non_exclusive_ttl_touches_only_listed():
    zone = FakeZone().add('@', 'TXT', 'a', ttl=300).add('@', 'TXT', 'b', ttl=300)
    plan = plan_rrset_changes(rrset(zone, '@', 'TXT'), values('TXT', 'a'), ttl=600, exclusive=False)
    assert [(op.action, op.record_id) for op in plan.operations] == [(UPDATE, 100)]


def test_duplicates_in_current_are_cleaned_exclusive_or_not():
    # A duplicate of a value the task owns is that value: removed with exclusive=false too.
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'A', '192.0.2.1')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1'))
    assert [(op.action, op.record_id) for op in plan.operations] == [(DELETE, 101)]
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1'), exclusive=False)
    assert [(op.action, op.record_id) for op in plan.operations] == [(DELETE, 101)]


def test_raw_current_value_is_replaced():
    zone = FakeZone().add('www', 'A', 'garbage')
    plan = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', '192.0.2.1'))
    assert [op.request_body() for op in plan.operations] == [{'content': '192.0.2.1'}]


def test_present_without_values_is_an_error():
    with pytest.raises(DNSValueError, match='at least one value'):
        plan_rrset_changes([], [], state='present', name='www', rtype='A')


def test_bad_state():
    with pytest.raises(ValueError):
        plan_rrset_changes([], values('A', '192.0.2.1'), state='maybe')


@pytest.mark.parametrize('before, desired, ttl, exclusive', [
    ([], ['192.0.2.1'], None, True),
    (['192.0.2.1'], ['192.0.2.2', '192.0.2.3'], 600, True),
    (['192.0.2.1', '192.0.2.2', '192.0.2.4'], ['192.0.2.2'], None, True),
    (['192.0.2.1'], ['192.0.2.2'], 600, False),
])
def test_second_run_unchanged(before, desired, ttl, exclusive):
    zone = FakeZone()
    for content in before:
        zone.add('www', 'A', content)
    first = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', *desired), ttl=ttl, exclusive=exclusive,
                               name='www', rtype='A')
    zone.apply(first)
    second = plan_rrset_changes(rrset(zone, 'www', 'A'), values('A', *desired), ttl=ttl, exclusive=exclusive,
                                name='www', rtype='A')
    assert not second.changed
    assert record_entries(second.after) == record_entries(first.after)


# ---------------------------------------------------------------- record module (CNAME rules)

def test_record_cname_beside_other_records():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'AAAA', '2001:db8::1')
    with pytest.raises(DNSPlanError) as exc:
        plan_record_changes(zone.zone_records(), ZONE, 'www', 'CNAME', values('CNAME', 'target.example.com'))
    message = str(exc.value)
    assert 'www.example.nl CNAME target.example.com conflicts with A 192.0.2.1, AAAA 2001:db8::1' in message


def test_record_a_beside_existing_cname():
    zone = FakeZone().add('www', 'CNAME', 'target.example.com')
    with pytest.raises(DNSPlanError, match='CNAME target.example.com conflicts with A 192.0.2.1'):
        plan_record_changes(zone.zone_records(), ZONE, 'www', 'A', values('A', '192.0.2.1'))


def test_record_second_cname_non_exclusive():
    zone = FakeZone().add('www', 'CNAME', 'a.example.com')
    with pytest.raises(DNSPlanError, match='2 CNAME records'):
        plan_record_changes(zone.zone_records(), ZONE, 'www', 'CNAME', values('CNAME', 'b.example.com'),
                            exclusive=False)


def test_record_cname_replace_value_in_place():
    zone = FakeZone().add('www', 'CNAME', 'a.example.com').add('other', 'A', '192.0.2.1')
    plan = plan_record_changes(zone.zone_records(), ZONE, 'www', 'CNAME', values('CNAME', 'b.example.com'))
    assert [op.request_body() for op in plan.operations] == [{'content': 'b.example.com'}]


def test_record_cname_at_apex():
    with pytest.raises(DNSPlanError, match='CNAME at the apex'):
        plan_record_changes([], ZONE, '@', 'CNAME', values('CNAME', 'target.example.com'))


def test_record_removing_cname_is_fine_despite_conflict():
    zone = FakeZone().add('www', 'CNAME', 'a.example.com')
    plan = plan_record_changes(zone.zone_records(), ZONE, 'www', 'CNAME', [], state='absent')
    assert actions(plan) == [DELETE]


def test_record_plan_before_after_only_rrset():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'AAAA', '2001:db8::1').add('mail', 'A', '192.0.2.5')
    plan = plan_record_changes(zone.zone_records(), ZONE, 'www', 'A', values('A', '192.0.2.2', '192.0.2.1'))
    assert record_entries(plan.before) == [{'record': 'www', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 3600}]
    assert record_entries(plan.after) == [{'record': 'www', 'type': 'A', 'value': ['192.0.2.1', '192.0.2.2'],
                                           'ttl': 3600}]


def test_record_unchanged_with_preexisting_conflict_elsewhere():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('www', 'CNAME', 'x.example.com')
    plan = plan_record_changes(zone.zone_records(), ZONE, 'www', 'A', values('A', '192.0.2.1'))
    assert not plan.changed


# ---------------------------------------------------------------- entries (info shape)

def test_record_entries_sorted_and_grouped():
    zone = (FakeZone()
            .add('www', 'A', '192.0.2.10').add('www', 'A', '192.0.2.9')
            .add('@', 'MX', 'mx2.example.nl', priority=20).add('@', 'MX', 'mx1.example.nl', priority=10)
            .add('@', 'TXT', 'b', ttl=300).add('@', 'TXT', 'a', ttl=300)
            .add('mixed', 'A', '192.0.2.1', ttl=60).add('mixed', 'A', '192.0.2.2', ttl=120))
    assert record_entries(zone.zone_records()) == [
        {'record': '@', 'type': 'MX', 'value': ['10 mx1.example.nl', '20 mx2.example.nl'], 'ttl': 3600},
        {'record': '@', 'type': 'TXT', 'value': ['a', 'b'], 'ttl': 300},
        {'record': 'mixed', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 60},
        {'record': 'mixed', 'type': 'A', 'value': ['192.0.2.2'], 'ttl': 120},
        {'record': 'www', 'type': 'A', 'value': ['192.0.2.9', '192.0.2.10'], 'ttl': 3600},
    ]


def test_zone_record_describe():
    record = FakeZone().add('www', 'A', '192.0.2.1').zone_records()[0]
    assert record.describe() == {'id': 100, 'record': 'www', 'type': 'A', 'value': '192.0.2.1', 'ttl': 3600}
    assert record.describe(ZONE)['fqdn'] == 'www.example.nl'
    assert 'www' in repr(record)


def test_zone_records_from_api_missing_ttl_defaults():
    records = zone_records_from_api([{'id': 1, 'name': 'WWW', 'type': 'a', 'content': '192.0.2.1'}], ZONE)
    assert (records[0].name, records[0].rtype, records[0].ttl) == ('www', 'A', 3600)


# ---------------------------------------------------------------- zone entries

def test_desired_rrsets_from_entries_merge_and_normalise():
    rrsets = desired_rrsets_from_entries([
        {'record': 'WWW.example.nl.', 'type': 'a', 'value': ['192.0.2.1'], 'ttl': 300},
        {'record': 'www', 'type': 'A', 'value': '192.0.2.2', 'ttl': 600},
        {'record': 'www', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 300},
        {'record': '', 'type': 'MX', 'value': ['10 mail.example.nl']},
    ], ZONE)
    assert sorted(rrsets) == [('@', 'MX'), ('www', 'A')]
    assert [(v.text, ttl) for v, ttl in rrsets[('www', 'A')]] == [('192.0.2.1', 300), ('192.0.2.2', 600)]
    assert [(v.text, ttl) for v, ttl in rrsets[('@', 'MX')]] == [('10 mail.example.nl', None)]


@pytest.mark.parametrize('entries, pattern', [
    (['www'], r'^records\[0\] must be a dictionary'),
    ([{'record': 'www', 'type': 'PTR', 'value': ['x']}], r'^records\[0\]\.type must be one of'),
    ([{'record': 'a.other.nl.', 'type': 'A', 'value': ['192.0.2.1']}], r'^records\[0\]\.record: .*outside zone'),
    ([{'record': 'www', 'type': 'A', 'value': []}], r'^records\[0\]\.value must list at least one value'),
    ([{'record': 'www', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 5}], r'^records\[0\]\.ttl must be between'),
    ([{'record': 'www', 'type': 'A'}, ], r'records\[0\]\.value must list'),
    ([{'record': 'ok', 'type': 'A', 'value': ['192.0.2.1']},
      {'record': 'www', 'type': 'MX', 'value': ['10 mail.example.nl', 'bad']}], r'^records\[1\]\.value\[1\]: '),
    ([{'record': 'www', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 60},
      {'record': 'www', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 120}],
     r'^records\[1\]\.value\[0\]: www A 192.0.2.1 is listed twice with different TTLs \(60 and 120, in records\[0\]'),
    ([{'record': 'www', 'type': 'CNAME', 'value': ['a.example.com']},
      {'record': 'www', 'type': 'CNAME', 'value': ['b.example.com']}], 'only one CNAME'),
    ([{'record': 'www', 'type': 'CNAME', 'value': ['a.example.com']},
      {'record': 'WWW', 'type': 'TXT', 'value': ['hello']}],
     'www.example.nl CNAME a.example.com conflicts with TXT hello'),
    ([{'record': '@', 'type': 'CNAME', 'value': ['a.example.com']}], 'CNAME at the apex'),
])
def test_desired_rrsets_from_entries_errors(entries, pattern):
    with pytest.raises(DNSValueError, match=pattern):
        desired_rrsets_from_entries(entries, ZONE)


def test_desired_rrsets_from_entries_ttl_none_merges_with_ttl():
    for entries in (
        [{'record': 'a', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 600},
         {'record': 'a', 'type': 'A', 'value': ['192.0.2.1', '192.0.2.2']}],
        [{'record': 'a', 'type': 'A', 'value': ['192.0.2.1']},
         {'record': 'a', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 600},
         {'record': 'a', 'type': 'A', 'value': ['192.0.2.2']}],
    ):
        rrsets = desired_rrsets_from_entries(entries, ZONE)
        assert [(v.text, ttl) for v, ttl in rrsets[('a', 'A')]] == [('192.0.2.1', 600), ('192.0.2.2', None)]


def test_desired_rrsets_from_entries_empty():
    assert desired_rrsets_from_entries(None, ZONE) == {}
    assert desired_rrsets_from_entries([], ZONE) == {}


# ---------------------------------------------------------------- zone planning

def demo_zone():
    return (FakeZone()
            .add('@', 'NS', 'ns1.example.net').add('@', 'NS', 'ns2.example.net')
            .add('@', 'A', '192.0.2.10').add('www', 'A', '192.0.2.10')
            .add('@', 'MX', 'mail.example.nl', priority=10).add('mail', 'A', '192.0.2.20')
            .add('@', 'TXT', 'v=spf1 mx -all')
            .add('old', 'A', '192.0.2.99'))


def entries_of(zone, skip=()):
    return [e for e in record_entries(zone.zone_records()) if (e['record'], e['type']) not in skip]


def test_zone_round_trip_unchanged():
    zone = demo_zone()
    entries = record_entries(zone.zone_records())
    plan = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=True)
    assert not plan.changed
    assert record_entries(plan.after) == entries


def test_zone_without_prune_leaves_unlisted():
    zone = demo_zone()
    desired = desired_rrsets_from_entries([{'record': 'www', 'type': 'A', 'value': ['192.0.2.11']}], ZONE)
    plan = plan_zone_changes(zone.zone_records(), desired, ZONE)
    assert [(op.action, op.record_id) for op in plan.operations] == [(UPDATE, 103)]
    assert len(plan.after) == len(plan.before)


def test_zone_prune_deletes_extra_but_keeps_apex_ns():
    zone = demo_zone()
    entries = entries_of(zone, skip=[('old', 'A'), ('@', 'NS')])
    plan = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=True)
    assert [(op.action, op.name) for op in plan.operations] == [(DELETE, 'old')]
    assert sorted(r.value.text for r in plan.after if r.rtype == 'NS') == ['ns1.example.net', 'ns2.example.net']


def test_zone_prune_manages_apex_ns_when_listed():
    zone = demo_zone()
    entries = entries_of(zone, skip=[('@', 'NS')]) + [{'record': '@', 'type': 'NS', 'value': ['ns1.example.net']}]
    plan = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=True)
    assert [(op.action, op.value.text) for op in plan.operations] == [(DELETE, 'ns2.example.net')]


def test_zone_prune_keeps_unmanaged_types_and_sub_ns_is_pruned():
    zone = demo_zone().add('@', 'SOA', 'ns1.example.net hostmaster.example.nl 1 2 3 4 5')
    zone.add('sub', 'NS', 'ns.other.example')
    entries = [e for e in entries_of(zone) if e['type'] != 'SOA' and e['record'] != 'sub']
    plan = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=True)
    assert [(op.action, op.name, op.rtype) for op in plan.operations] == [(DELETE, 'sub', 'NS')]


def test_zone_type_switch_deletes_before_adding():
    zone = FakeZone().add('www', 'A', '192.0.2.1').add('x', 'A', '192.0.2.2')
    entries = [{'record': 'www', 'type': 'CNAME', 'value': ['x.example.nl']},
               {'record': 'x', 'type': 'A', 'value': ['192.0.2.2']}]
    plan = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=True)
    assert [(op.action, op.rtype) for op in plan.operations] == [(DELETE, 'A'), (ADD, 'CNAME')]


def test_zone_cname_conflict_with_unlisted_existing_record():
    zone = FakeZone().add('www', 'A', '192.0.2.1')
    desired = desired_rrsets_from_entries([{'record': 'www', 'type': 'CNAME', 'value': ['x.example.com']}], ZONE)
    with pytest.raises(DNSPlanError, match='www.example.nl CNAME x.example.com conflicts with A 192.0.2.1'):
        plan_zone_changes(zone.zone_records(), desired, ZONE, prune=False)
    # With prune the A record goes, so there is no conflict.
    plan = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True)
    assert actions(plan) == [DELETE, ADD]


def test_zone_preexisting_conflict_elsewhere_does_not_block():
    zone = FakeZone().add('bad', 'A', '192.0.2.1').add('bad', 'CNAME', 'x.example.com').add('www', 'A', '192.0.2.2')
    desired = desired_rrsets_from_entries([{'record': 'www', 'type': 'A', 'value': ['192.0.2.3']}], ZONE)
    assert actions(plan_zone_changes(zone.zone_records(), desired, ZONE)) == [UPDATE]


def big_zone(count):
    zone = FakeZone()
    for index in range(count):
        zone.add('host%d' % index, 'A', '10.%d.%d.%d' % (index >> 16 & 255, index >> 8 & 255, index & 255))
    return zone


def test_threshold_trips_and_names_count():
    zone = big_zone(20)
    entries = record_entries(zone.zone_records())[:10]
    desired = desired_rrsets_from_entries(entries, ZONE)
    with pytest.raises(DNSPlanError) as exc:
        plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True)
    message = str(exc.value)
    assert 'would delete 10 of its 20 records (50%)' in message
    assert 'max_delete_percent=30%' in message
    assert 'Nothing was changed' in message
    # Raised: allowed.
    plan = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True, max_delete_percent=50)
    assert plan.counts() == {ADD: 0, UPDATE: 0, DELETE: 10}
    plan = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True, max_delete_percent=100)
    assert plan.counts()[DELETE] == 10


def test_threshold_exactly_at_limit_passes():
    zone = big_zone(10)
    desired = desired_rrsets_from_entries(record_entries(zone.zone_records())[:7], ZONE)
    assert plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True).counts()[DELETE] == 3


def test_threshold_not_applied_to_small_zones():
    zone = big_zone(9)
    desired = desired_rrsets_from_entries(record_entries(zone.zone_records())[:1], ZONE)
    assert plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True).counts()[DELETE] == 8


def test_threshold_message_lists_at_most_ten():
    deletions = [Operation(DELETE, 'h%02d' % i, 'A', parse_value('A', '192.0.2.%d' % i), 3600, record_id=i)
                 for i in range(25)]
    message = deletion_threshold_error(deletions, 30, 30, ZONE)
    assert 'and 15 more' in message
    assert deletion_threshold_error(deletions[:5], 30, 30, ZONE) is None
    assert deletion_threshold_error(deletions, 30, None, ZONE) is None
    assert deletion_threshold_error([], 30, 0, ZONE) is None


def test_zone_second_run_unchanged_after_apply():
    zone = demo_zone()
    entries = [
        {'record': '@', 'type': 'A', 'value': ['192.0.2.10']},
        {'record': 'www', 'type': 'AAAA', 'value': ['2001:DB8::10'], 'ttl': 600},
        {'record': 'www', 'type': 'A', 'value': ['192.0.2.10', '192.0.2.11']},
        {'record': '@', 'type': 'MX', 'value': ['10 MAIL.example.nl.', '20 backup.example.net']},
        {'record': 'mail', 'type': 'A', 'value': ['192.0.2.20']},
        {'record': '@', 'type': 'TXT', 'value': ['v=spf1 mx -all']},
        {'record': 'sel._domainkey', 'type': 'TXT', 'value': ['v=DKIM1; p=' + 'Q' * 400]},
        {'record': '@', 'type': 'CAA', 'value': ['0 issue "letsencrypt.org"', '0 iodef mailto:x@example.nl']},
        {'record': '_sip._tcp', 'type': 'SRV', 'value': ['0 0 5060 sip.example.nl']},
    ]
    desired = desired_rrsets_from_entries(entries, ZONE)
    first = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True)
    assert first.counts() == {ADD: 7, UPDATE: 0, DELETE: 1}
    zone.apply(first)
    # Simulate the API's chunked TXT on reading.
    for record in zone.records:
        if record['type'] == 'TXT' and len(record['content']) > 255:
            record['content'] = txt_presentation(record['content'])
    second = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=True)
    assert not second.changed
    assert record_entries(second.after) == record_entries(first.after)


def test_order_operations():
    value = parse_value('A', '192.0.2.1')
    ops = [Operation(ADD, 'a', 'A', value, None), Operation(DELETE, 'b', 'A', value, 60, record_id=1),
           Operation(UPDATE, 'c', 'A', value, 60, record_id=2, old_value=value, old_ttl=60, fields={'ttl': 60})]
    assert [op.action for op in order_operations(ops)] == [UPDATE, DELETE, ADD]
    assert ops[1].request_body() is None
    assert ops[0].describe() == {'action': 'add', 'record': 'a', 'type': 'A', 'value': '192.0.2.1', 'ttl': 3600}
    assert ops[1].describe() == {'action': 'delete', 'record': 'b', 'type': 'A', 'id': 1, 'value': '192.0.2.1',
                                 'ttl': 60}
    assert 'add' in repr(ops[0])


def test_find_cname_conflicts_messages():
    cname = parse_value('CNAME', 'x.example.com')
    a = parse_value('A', '192.0.2.1')
    assert find_cname_conflicts([('www', 'A', a)], ZONE) == []
    assert find_cname_conflicts([('www', 'CNAME', cname), ('www', 'A', a)], ZONE, names={'other'}) == []
    messages = find_cname_conflicts([('www', 'CNAME', cname), ('www', 'A', a)], ZONE)
    assert messages == ['www.example.nl CNAME x.example.com conflicts with A 192.0.2.1 at the same name: '
                        'a name with a CNAME cannot have any other record']
    zone_record = ZoneRecord(1, '@', 'CNAME', 60, cname)
    assert 'apex' in find_cname_conflicts([zone_record], ZONE)[0]


# ---------------------------------------------------------------- performance

def test_large_zone_plan_touches_only_what_differs():
    # Speed is measured by `make bench` (tests/benchmarks/), never asserted here.
    count = 10000
    zone = big_zone(count)
    api_records = zone.records
    entries = record_entries(zone_records_from_api(api_records, ZONE))
    # Change 1% of the values so the planner has work to do.
    for entry in entries[::100]:
        entry['value'] = ['192.0.2.1']
    desired = desired_rrsets_from_entries(entries, ZONE)
    current = zone_records_from_api(api_records, ZONE)
    plan = plan_zone_changes(current, desired, ZONE, prune=True)
    assert plan.counts()[UPDATE] == count // 100
    assert len(record_entries(plan.after)) == len(record_entries(plan.before))


# ---------------------------------------------------------------- redundant copies (same value, other TTL)

class StrictZone(FakeZone):
    """A FakeZone that refuses, like the API, a write that leaves two records with one name, type and content."""

    def apply(self, plan):
        by_id = dict((r['id'], r) for r in self.records)
        for op in plan.operations:
            if op.action == DELETE:
                self.records.remove(by_id.pop(op.record_id))
                continue
            if op.action == UPDATE:
                candidate = dict(by_id[op.record_id])
                candidate.update(op.request_body())
            else:
                candidate = dict(op.request_body(), id=None)
            for other in self.records:
                if other['id'] != candidate['id'] and (other['name'], other['type'], other['content']) == (
                        candidate['name'], candidate['type'], candidate['content']):
                    raise AssertionError('422 An identical record already exists (id %d): %r' % (other['id'], op))
            if op.action == UPDATE:
                by_id[op.record_id].update(op.request_body())
            else:
                record = {'id': self.next_id, 'ttl': 3600, 'priority': None, 'weight': None, 'port': None}
                record.update(op.request_body())
                self.records.append(record)
                by_id[self.next_id] = record
                self.next_id += 1


def dupe_zone():
    return StrictZone().add('dupe', 'A', '192.0.2.5', ttl=3600).add('dupe', 'A', '192.0.2.5', ttl=600)


@pytest.mark.parametrize('exclusive', [True, False])
@pytest.mark.parametrize('ttl, expected, kept', [
    (600, [(DELETE, 100)], (101, 600)),                  # the copy with the wanted TTL stays
    (3600, [(DELETE, 101)], (100, 3600)),
    (None, [(DELETE, 101)], (100, 3600)),                # any TTL: the lowest id stays
    (300, [(DELETE, 101), (UPDATE, 100)], (100, 300)),   # none matches: delete the twin first, then update
])
def test_redundant_copies_are_deleted_never_updated_into_a_twin(exclusive, ttl, expected, kept):
    zone = dupe_zone()
    plan = plan_record_changes(zone.zone_records(), ZONE, 'dupe', 'A', values('A', '192.0.2.5'), ttl=ttl,
                               exclusive=exclusive)
    assert [(op.action, op.record_id) for op in plan.operations] == expected
    assert [(r.id, r.ttl) for r in plan.after] == [kept]
    zone.apply(plan)  # the strict zone raises on an identical record
    again = plan_record_changes(zone.zone_records(), ZONE, 'dupe', 'A', values('A', '192.0.2.5'), ttl=ttl,
                                exclusive=exclusive)
    assert not again.changed


def test_redundant_copies_with_another_value_wanted_exclusive():
    zone = dupe_zone()
    plan = plan_record_changes(zone.zone_records(), ZONE, 'dupe', 'A', values('A', '192.0.2.6'), ttl=600)
    zone.apply(plan)
    assert [(r['content'], r['ttl']) for r in zone.records] == [('192.0.2.6', 600)]


def test_redundant_copies_of_values_not_owned_are_left_alone():
    zone = dupe_zone().add('dupe', 'A', '192.0.2.7')
    plan = plan_record_changes(zone.zone_records(), ZONE, 'dupe', 'A', values('A', '192.0.2.7'), ttl=600,
                               exclusive=False)
    assert [(op.action, op.record_id) for op in plan.operations] == [(UPDATE, 102)]


def test_absent_deletes_every_copy():
    zone = dupe_zone()
    plan = plan_record_changes(zone.zone_records(), ZONE, 'dupe', 'A', values('A', '192.0.2.5'), state='absent')
    assert sorted(op.record_id for op in plan.operations) == [100, 101]


def test_redundant_deletes_run_before_updates():
    ops = [Operation(UPDATE, 'a', 'A', parse_value('A', '192.0.2.1'), 60, record_id=1, fields={'ttl': 60}),
           Operation(ADD, 'a', 'A', parse_value('A', '192.0.2.2'), 60),
           Operation(DELETE, 'a', 'A', parse_value('A', '192.0.2.3'), 60, record_id=3),
           Operation(DELETE, 'a', 'A', parse_value('A', '192.0.2.1'), 60, record_id=2, redundant=True)]
    assert [op.record_id for op in order_operations(ops)] == [2, 1, 3, None]


def test_info_lists_a_value_once_with_the_ttl_of_the_lowest_id():
    zone = StrictZone().add('dupe', 'A', '192.0.2.5', ttl=600).add('dupe', 'A', '192.0.2.5', ttl=3600) \
        .add('dupe', 'A', '192.0.2.5', ttl=600).add('dupe', 'A', '192.0.2.9', ttl=3600)
    assert record_entries(zone.zone_records()) == [
        {'record': 'dupe', 'type': 'A', 'value': ['192.0.2.5'], 'ttl': 600},
        {'record': 'dupe', 'type': 'A', 'value': ['192.0.2.9'], 'ttl': 3600},
    ]
    # The diffs show every record.
    assert record_entries(zone.zone_records(), one_per_value=False)[0]['value'] == ['192.0.2.5', '192.0.2.5']


@pytest.mark.parametrize('prune', [True, False])
def test_round_trip_of_a_zone_with_duplicates_converges_in_one_run(prune):
    zone = dupe_zone().add('@', 'NS', 'ns1.example.net').add('www', 'TXT', 'x', ttl=60) \
        .add('www', 'TXT', 'x', ttl=120).add('www', 'TXT', 'x', ttl=60).add('www', 'TXT', 'y', ttl=120)
    entries = record_entries(zone.zone_records())
    desired = desired_rrsets_from_entries(entries, ZONE)
    plan = plan_zone_changes(zone.zone_records(), desired, ZONE, prune=prune, max_delete_percent=100)
    deleted = [(DELETE, 101), (DELETE, 104), (DELETE, 105)]
    assert sorted((op.action, op.record_id) for op in plan.operations) == deleted
    assert all(op.redundant for op in plan.operations)
    zone.apply(plan)
    assert record_entries(zone.zone_records()) == entries
    again = plan_zone_changes(zone.zone_records(), desired_rrsets_from_entries(entries, ZONE), ZONE, prune=prune)
    assert not again.changed


# ---------------------------------------------------------------- entries of mpg_dns_zone records: types and keys

@pytest.mark.parametrize('entries, pattern', [
    ([{'record': 'www', 'type': 'TXT', 'value': True}], r'^records\[0\]\.value: must be a string, got the boolean'),
    ([{'record': 'www', 'type': 'TXT', 'value': {'a': 1}}], r'^records\[0\]\.value: .*dictionary'),
    ([{'record': 'www', 'type': 'TXT', 'value': [{'a': 1}]}], r'^records\[0\]\.value\[0\]: .*dictionary'),
    ([{'record': 'a', 'type': 'A', 'value': '192.0.2.1'}] * 3
     + [{'record': 'www', 'type': 'TXT', 'value': ['x', ['y']]}], r'^records\[3\]\.value\[1\]: .*nested'),
    ([{'record': 'www', 'type': 'TXT', 'value': None}], r'^records\[0\]\.value must list at least one value'),
    ([{'record': 'www', 'type': 'A', 'value': '192.0.2.1', 'tll': 60}], r"^records\[0\]: unknown key 'tll'"),
    ([{'type': 'A', 'value': '192.0.2.1'}], r'^records\[0\]\.record is missing'),
    ([{'record': 'www', 'value': '192.0.2.1'}], r'^records\[0\]\.type is missing'),
    ([{'record': 5, 'type': 'A', 'value': '192.0.2.1'}], r'^records\[0\]\.record must be a string'),
    ([{'record': 'www', 'type': 1, 'value': '192.0.2.1'}], r'^records\[0\]\.type must be one of'),
    ([{'record': 'www', 'type': 'A', 'value': '192.0.2.1', 'ttl': 'soon'}], r'^records\[0\]\.ttl must be a number'),
    ([{'record': 'www', 'type': 'A', 'value': '192.0.2.1', 'ttl': True}], r'^records\[0\]\.ttl must be a number'),
    ([{'record': 'www', 'type': 'NS', 'value': '192.0.2.1'}], r'^records\[0\]\.value: .*not the IP address'),
    ([{'record': '@', 'type': 'MX', 'value': ['0 .', '10 mail.example.nl']}], r'null MX'),
    ([{'record': '@', 'type': 'MX', 'value': '0 .'}, {'record': '@', 'type': 'MX', 'value': '10 mx.example.nl'}],
     r'null MX'),
])
def test_entries_are_type_checked(entries, pattern):
    with pytest.raises(DNSValueError, match=pattern):
        desired_rrsets_from_entries(entries, ZONE)


def test_entries_accept_aliases_numbers_and_lowercase_types():
    result = desired_rrsets_from_entries([{'name': 'www', 'record': None, 'prefix': None, 'type': 'txt',
                                           'value': 12345, 'ttl': None}], ZONE)
    assert [(v.text, ttl) for v, ttl in result[('www', 'TXT')]] == [('12345', None)]


def test_desired_values_scalar_error_names_value():
    with pytest.raises(DNSValueError, match=r'^value: .*not the IP address'):
        desired_values('NS', '192.0.2.1')
    with pytest.raises(DNSValueError, match=r'^value: must be a string, got the boolean True'):
        desired_values('TXT', True)
    with pytest.raises(DNSValueError, match=r'^value: must be a string or a list of strings, got a dictionary'):
        desired_values('TXT', {'a': 1})
    assert [v.text for v in desired_values('TXT', 12345)] == ['12345']
    assert [v.text for v in desired_values('TXT', [1, 2.5])] == ['1', '2.5']


# ---------------------------------------------------------------- values the API sees as duplicates

def test_srv_values_differing_only_in_port_fail_before_writing():
    with pytest.raises(DNSPlanError) as exc:
        plan_record_changes([], ZONE, '_sip._tcp', 'SRV', values('SRV', '0 5 5060 sip.example.nl', '0 5 5061 sip.example.nl'))
    assert '0 5 5060 sip.example.nl, 0 5 5061 sip.example.nl all point at sip.example.nl' in str(exc.value)


def test_non_exclusive_mx_beside_an_existing_one_to_the_same_host_fails():
    zone = FakeZone().add('@', 'MX', '10 mail.example.nl')
    with pytest.raises(DNSPlanError, match='one record per target'):
        plan_record_changes(zone.zone_records(), ZONE, '@', 'MX', values('MX', '20 mail.example.nl'), exclusive=False)


def test_changing_the_priority_of_the_only_mx_is_fine():
    zone = FakeZone().add('@', 'MX', '10 mail.example.nl')
    plan = plan_record_changes(zone.zone_records(), ZONE, '@', 'MX', values('MX', '20 mail.example.nl'))
    assert plan.counts()[UPDATE] == 1


def test_zone_with_two_srv_records_to_one_target_fails():
    entries = [{'record': '_sip._tcp', 'type': 'SRV', 'value': ['0 5 5060 sip.example.nl', '0 5 5061 sip.example.nl']}]
    with pytest.raises(DNSPlanError, match='one record per target'):
        plan_zone_changes([], desired_rrsets_from_entries(entries, ZONE), ZONE)
