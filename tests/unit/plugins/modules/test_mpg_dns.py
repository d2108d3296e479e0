# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mpg_dns_record, mpg_dns_zone and mpg_dns_zone_info run in-process against the simulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mijnpartnergroep.domains.plugins.modules import (
    mpg_dns_record,
    mpg_dns_zone,
    mpg_dns_zone_info,
)

APEX_NS = [{'name': '@', 'type': 'NS', 'content': 'ns1.example-dns.net'},
           {'name': '@', 'type': 'NS', 'content': 'ns2.example-dns.net'}]


def writes(simulator):
    return [r for r in simulator.requests() if r['method'] != 'GET' and r['path'] != '/auth']


def seed(simulator, records=()):
    simulator.set_state({'zones': {'example.nl': APEX_NS + list(records)}})
    simulator.clear_requests()


def test_record_check_mode_then_real_then_unchanged(run_module, simulator):
    seed(simulator)
    args = dict(zone='Example.NL.', record='WWW.example.nl', type='AAAA', value=['2001:DB8::1'], ttl=300)
    check = run_module(mpg_dns_record, args, check_mode=True, diff=True)
    assert check['changed'] and writes(simulator) == []
    assert check['diff'] == {'before': {'records': []},
                             'after': {'records': [{'record': 'www', 'type': 'AAAA', 'value': ['2001:db8::1'],
                                                    'ttl': 300}]}}
    real = run_module(mpg_dns_record, args, diff=True)
    assert real['changed'] and real['diff'] == check['diff']
    assert [w['method'] for w in writes(simulator)] == ['PUT']
    assert real['records'][0]['id'] is not None
    simulator.clear_requests()
    again = run_module(mpg_dns_record, dict(args, value='2001:db8:0:0::1', record='www'))
    assert not again['changed'] and writes(simulator) == []


def test_record_bad_input_fails_before_any_request(run_module, simulator):
    seed(simulator)
    result = run_module(mpg_dns_record, dict(zone='example.nl', record='x.other.nl.', type='A', value='192.0.2.1'))
    assert result.failed
    assert "record: 'x.other.nl.' is outside zone example.nl" in result['msg']
    assert simulator.requests() == []


def test_record_string_value_not_split_at_commas(run_module, simulator):
    seed(simulator)
    result = run_module(mpg_dns_record, dict(zone='example.nl', record='@', type='TXT', value='a, b, c'))
    assert [r['value'] for r in result['records']] == ['a, b, c']


def test_zone_threshold_and_prune(run_module, simulator):
    seed(simulator, [{'name': 'h%02d' % i, 'type': 'A', 'content': '192.0.2.%d' % i} for i in range(1, 11)])
    records = [{'record': 'h01', 'type': 'A', 'value': ['192.0.2.1']}]
    tripped = run_module(mpg_dns_zone, dict(zone='example.nl', records=records, prune=True))
    assert tripped.failed and 'would delete 9 of its 12 records (75%)' in tripped['msg']
    assert writes(simulator) == []
    done = run_module(mpg_dns_zone, dict(zone='example.nl', records=records, prune=True, max_delete_percent=100))
    assert done['counts'] == {'added': 0, 'updated': 0, 'deleted': 9}
    info = run_module(mpg_dns_zone_info, dict(zone='example.nl'))
    assert info['records'] == [
        {'record': '@', 'type': 'NS', 'value': ['ns1.example-dns.net', 'ns2.example-dns.net'], 'ttl': 3600},
        {'record': 'h01', 'type': 'A', 'value': ['192.0.2.1'], 'ttl': 3600},
    ]


def test_zone_info_round_trip_and_zone_list(run_module, simulator):
    seed(simulator, [{'name': 'www', 'type': 'A', 'content': '192.0.2.1'},
                     {'name': 'dkim._domainkey', 'type': 'TXT', 'content': 'k' * 300 + '"\\'}])
    info = run_module(mpg_dns_zone_info, dict(zone='example.nl'))
    simulator.clear_requests()
    back = run_module(mpg_dns_zone, dict(zone='example.nl', records=info['records'], prune=True))
    assert not back['changed'] and writes(simulator) == []
    zones = run_module(mpg_dns_zone_info, {})
    assert zones['zones'] == [{'domain': 'example.nl', 'domain_unicode': 'example.nl', 'status': 'active',
                               'record_count': 4}]


DUPES = [{'name': 'dupe', 'type': 'A', 'content': '192.0.2.5', 'ttl': 3600},
         {'name': 'dupe', 'type': 'A', 'content': '192.0.2.5', 'ttl': 600}]


def test_record_with_duplicates_in_the_zone_keeps_the_matching_copy(run_module, simulator):
    seed(simulator, DUPES)
    args = dict(zone='example.nl', record='dupe', type='A', value='192.0.2.5', ttl=600)
    result = run_module(mpg_dns_record, args)
    assert not result.failed, result['msg']
    assert [(op['action'], op['ttl']) for op in result['operations']] == [('delete', 3600)]
    assert [(r['value'], r['ttl']) for r in result['records']] == [('192.0.2.5', 600)]
    assert not run_module(mpg_dns_record, args)['changed']


def test_record_with_duplicates_and_a_new_ttl_deletes_first(run_module, simulator):
    seed(simulator, DUPES)
    args = dict(zone='example.nl', record='dupe', type='A', value='192.0.2.5', ttl=300, exclusive=False)
    result = run_module(mpg_dns_record, args)
    assert not result.failed, result['msg']
    assert [op['action'] for op in result['operations']] == ['delete', 'update']
    assert not run_module(mpg_dns_record, args)['changed']


def test_zone_info_round_trip_with_duplicates_converges_in_one_run(run_module, simulator):
    seed(simulator, DUPES)
    info = run_module(mpg_dns_zone_info, dict(zone='example.nl'))
    assert [e for e in info['records'] if e['record'] == 'dupe'] == [
        {'record': 'dupe', 'type': 'A', 'value': ['192.0.2.5'], 'ttl': 3600}]
    first = run_module(mpg_dns_zone, dict(zone='example.nl', records=info['records'], prune=True))
    assert not first.failed, first['msg']
    assert first['counts'] == {'added': 0, 'updated': 0, 'deleted': 1}
    second = run_module(mpg_dns_zone, dict(zone='example.nl', records=info['records'], prune=True))
    assert not second['changed']
    assert run_module(mpg_dns_zone_info, dict(zone='example.nl'))['records'] == info['records']


def test_lowercase_type_is_accepted(run_module, simulator):
    seed(simulator)
    result = run_module(mpg_dns_record, dict(zone='example.nl', record='www', type='a', value='192.0.2.1'))
    assert result['changed'] and result['records'][0]['type'] == 'A'
    info = run_module(mpg_dns_zone_info, dict(zone='example.nl', type='a'))
    assert [e['type'] for e in info['records']] == ['A']
    zone = run_module(mpg_dns_zone, dict(zone='example.nl', records=[dict(record='www', type='aaaa',
                                                                          value='::ffff:192.0.2.1')]))
    assert zone['changed'] and not zone.failed


def test_rfc_values_round_trip_through_the_simulator(run_module, simulator):
    seed(simulator)
    cases = [('nomail', 'MX', '0 .'), ('_sip._tcp', 'SRV', '0 0 0 .'), ('@', 'CAA', '0 issuemail "ca.example.net"'),
             ('@', 'CAA', '0 contactemail "dns@example.nl"'), ('mapped', 'AAAA', '::ffff:c000:201')]
    for name, rtype, value in cases:
        args = dict(zone='example.nl', record=name, type=rtype, value=value, exclusive=False)
        first = run_module(mpg_dns_record, args)
        assert first['changed'] and not first.failed, first.get('msg')
        assert not run_module(mpg_dns_record, args)['changed'], value
    info = run_module(mpg_dns_zone_info, dict(zone='example.nl', record='mapped'))
    assert info['records'][0]['value'] == ['::ffff:192.0.2.1']
