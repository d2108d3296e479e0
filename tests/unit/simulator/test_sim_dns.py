# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Simulator: DNS zones and records (validation, canonicalisation, constraints, paging, TXT chunks)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading

import pytest

ZONE = 'example.nl'
RECORDS = '/dns/%s/records' % ZONE


@pytest.fixture
def zone(simulator):
    simulator.set_state({'zones': {ZONE: []}})
    return simulator


def add(sim, **record):
    return sim.api('PUT', RECORDS, record)


def records(sim, query=''):
    status, _headers, body = sim.api('GET', RECORDS + query)
    assert status == 200, body
    return body


def test_list_domain_lists_zones_and_registered_domains(simulator):
    simulator.set_state({
        'holders': [{'id': 7, 'first_name': 'Jan'}],
        'domains': [{'domain': 'registered.nl', 'domainholder_id': 7}],
        'zones': {'example.nl': [{'name': 'www', 'type': 'A', 'content': '192.0.2.1'}], 'B.nl': []},
    })
    status, _headers, body = simulator.api('GET', '/dns')
    assert status == 200
    assert body == {'zones': [
        {'domain': 'b.nl', 'status': 'active', 'record_count': 0},
        {'domain': 'example.nl', 'status': 'active', 'record_count': 1},
        {'domain': 'registered.nl', 'status': 'active', 'record_count': 0},
    ]}


def test_unknown_zone_is_not_found(zone):
    for method, path, body in (('GET', '/dns/other.nl/records', None),
                               ('PUT', '/dns/other.nl/records', {'name': 'a', 'type': 'A', 'content': '192.0.2.1'}),
                               ('PATCH', '/dns/other.nl/records/1', {'ttl': 60}),
                               ('POST', '/dns/other.nl/records/delete', {'id': 1})):
        status, _headers, answer = zone.api(method, path, body)
        assert status == 404, (method, path)
        assert answer['status'] == 'error'


def test_zone_name_in_the_path_is_case_insensitive_and_percent_decoded(zone):
    assert zone.api('GET', '/dns/EXAMPLE.nl/records')[0] == 200
    assert zone.api('GET', '/dns/example%2Enl/records')[0] == 200


@pytest.mark.parametrize('given, stored', [
    ({'name': 'WWW', 'type': 'a', 'content': '192.0.2.10'},
     {'name': 'www', 'type': 'A', 'content': '192.0.2.10', 'ttl': 3600}),
    ({'name': '@', 'type': 'AAAA', 'content': '2001:DB8:0:0:0:0:0:1', 'ttl': 300},
     {'name': '@', 'type': 'AAAA', 'content': '2001:db8::1', 'ttl': 300}),
    ({'name': 'Alias', 'type': 'CNAME', 'content': 'Target.Example.NET.'},
     {'name': 'alias', 'type': 'CNAME', 'content': 'target.example.net'}),
    ({'name': '@', 'type': 'MX', 'content': 'MX1.example.nl.', 'priority': 10},
     {'name': '@', 'type': 'MX', 'content': 'mx1.example.nl', 'priority': 10, 'weight': None, 'port': None}),
    ({'name': '_sip._tcp', 'type': 'SRV', 'content': 'sip.example.nl.', 'priority': 10, 'weight': 5, 'port': 5060},
     {'name': '_sip._tcp', 'type': 'SRV', 'content': 'sip.example.nl', 'priority': 10, 'weight': 5, 'port': 5060}),
    ({'name': '@', 'type': 'CAA', 'content': '0  ISSUE  "letsencrypt.org"'},
     {'name': '@', 'type': 'CAA', 'content': '0 issue "letsencrypt.org"'}),
    ({'name': 'sub', 'type': 'NS', 'content': 'NS1.Example.net.'},
     {'name': 'sub', 'type': 'NS', 'content': 'ns1.example.net'}),
    ({'name': '*.Dev', 'type': 'TXT', 'content': 'Hello "World"'},
     {'name': '*.dev', 'type': 'TXT', 'content': 'Hello "World"'}),
    ({'name': '*', 'type': 'A', 'content': '192.0.2.11', 'ttl': None},
     {'name': '*', 'content': '192.0.2.11', 'ttl': 3600}),
])
def test_add_record_stores_the_canonical_form(zone, given, stored):
    status, _headers, body = add(zone, **given)
    assert status == 201, body
    assert body['status'] == 'success'
    record = body['record']
    assert set(record) == {'id', 'name', 'type', 'content', 'ttl', 'priority', 'weight', 'port'}
    for key, value in stored.items():
        assert record[key] == value, key
    assert records(zone)['records'] == [record]


@pytest.mark.parametrize('record, field', [
    ({'name': 'a', 'type': 'A', 'content': '2001:db8::1'}, 'content'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.256'}, 'content'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.01'}, 'content'),
    ({'name': 'a', 'type': 'AAAA', 'content': '192.0.2.1'}, 'content'),
    ({'name': 'a', 'type': 'AAAA', 'content': 'fe80::1%eth0'}, 'content'),
    ({'name': 'a', 'type': 'MX', 'content': 'mx.example.nl'}, 'priority'),
    ({'name': 'a', 'type': 'MX', 'content': 'mx.example.nl', 'priority': 70000}, 'priority'),
    ({'name': 'a', 'type': 'MX', 'content': 'mx.example.nl', 'priority': 1, 'port': 25}, 'port'),
    ({'name': 'a', 'type': 'SRV', 'content': 'x.example.nl', 'priority': 1, 'weight': 1}, 'port'),
    ({'name': 'a', 'type': 'SRV', 'content': 'x.example.nl', 'priority': 1, 'port': 1}, 'weight'),
    ({'name': 'a', 'type': 'SRV', 'content': 'x.example.nl', 'weight': 1, 'port': 1}, 'priority'),
    ({'name': 'a', 'type': 'SRV', 'content': '10 5 5060 x.example.nl', 'priority': 1, 'weight': 1, 'port': 1}, 'content'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'priority': 1}, 'priority'),
    ({'name': 'a', 'type': 'CAA', 'content': '0 issue letsencrypt.org'}, 'content'),
    ({'name': 'a', 'type': 'CAA', 'content': '0 foo "x"'}, 'content'),
    ({'name': 'a', 'type': 'CAA', 'content': '256 issue "x"'}, 'content'),
    ({'name': 'a', 'type': 'CNAME', 'content': 'not a host'}, 'content'),
    ({'name': 'a', 'type': 'NS', 'content': 'single'}, 'content'),
    ({'name': 'a', 'type': 'NS', 'content': '192.0.2.1'}, 'content'),
    ({'name': 'a', 'type': 'NS', 'content': '.'}, 'content'),
    ({'name': 'a', 'type': 'CNAME', 'content': '.'}, 'content'),
    ({'name': 'a', 'type': 'CAA', 'content': '0 issuevmc "x"'}, 'content'),
    ({'name': 'a', 'type': 'TXT', 'content': 'bell\x07'}, 'content'),
    ({'name': 'a', 'type': 'TXT', 'content': ''}, 'content'),
    ({'name': 'a', 'type': 'SPF', 'content': 'v=spf1'}, 'type'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'ttl': 59}, 'ttl'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'ttl': 86401}, 'ttl'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'ttl': '300'}, 'ttl'),
    ({'name': 'a..b', 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': 'www.', 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': 'a b', 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': 'a/b', 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': 'x' * 64, 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': 'a.*', 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': '.'.join(['a' * 60] * 4), 'type': 'A', 'content': '192.0.2.1'}, 'name'),
    ({'name': '@', 'type': 'CNAME', 'content': 'target.example.net'}, 'name'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'colour': 'red'}, 'colour'),
    ({'name': 'a', 'type': 'A', 'content': '192.0.2.1', 'id': 5}, 'id'),
])
def test_invalid_values_are_unprocessable_and_name_the_field(zone, record, field):
    status, _headers, body = add(zone, **record)
    assert status == 422, body
    assert body['status'] == 'error' and field in body['errors']
    assert records(zone)['records'] == []


@pytest.mark.parametrize('missing', ['name', 'type', 'content'])
def test_missing_required_record_fields_are_a_bad_request(zone, missing):
    record = {'name': 'a', 'type': 'A', 'content': '192.0.2.1'}
    del record[missing]
    status, _headers, body = add(zone, **record)
    assert status == 400
    assert missing in body['errors']


def test_cname_must_be_alone_at_its_name(zone):
    assert add(zone, name='www', type='A', content='192.0.2.1')[0] == 201
    status, _headers, body = add(zone, name='www', type='CNAME', content='other.example.net')
    assert status == 422 and 'CNAME' in body['message']
    assert add(zone, name='alias', type='CNAME', content='other.example.net')[0] == 201
    status, _headers, body = add(zone, name='ALIAS', type='TXT', content='x')
    assert status == 422 and 'CNAME' in body['message']
    assert add(zone, name='alias', type='CNAME', content='third.example.net')[0] == 422


def test_exact_duplicates_are_refused_after_canonicalisation(zone):
    assert add(zone, name='www', type='AAAA', content='2001:db8::1')[0] == 201
    status, _headers, body = add(zone, name='WWW', type='AAAA', content='2001:0db8:0::1', ttl=60)
    assert status == 422 and 'identical' in body['message']
    assert add(zone, name='www', type='AAAA', content='2001:db8::2')[0] == 201
    assert add(zone, name='www', type='TXT', content='2001:db8::1')[0] == 201
    assert records(zone)['pagination']['total'] == 3


def test_txt_over_255_characters_is_read_back_as_escaped_quoted_chunks(zone):
    exactly = 'a' * 255
    longer = 'b' * 250 + 'say "hi" \\ ok' + 'c' * 300
    _s, _h, short_body = add(zone, name='short', type='TXT', content=exactly)
    assert short_body['record']['content'] == exactly
    _s, _h, long_body = add(zone, name='long', type='TXT', content=longer)
    chunks = [longer[:255], longer[255:510], longer[510:]]
    expected = ' '.join('"%s"' % c.replace('\\', '\\\\').replace('"', '\\"') for c in chunks)
    assert long_body['record']['content'] == expected
    assert [r['content'] for r in records(zone)['records']] == [exactly, expected]
    # The stored text is the original; a duplicate of it is refused, and the state shows it raw.
    assert add(zone, name='long', type='TXT', content=longer)[0] == 422
    assert zone.get_state()['zones'][ZONE][1]['content'] == longer


def test_short_txt_comes_back_bare_even_with_quotes(zone):
    _s, _h, body = add(zone, name='q', type='TXT', content='v=DKIM1; p="x"')
    assert body['record']['content'] == 'v=DKIM1; p="x"'


def test_get_records_pages(zone):
    zone.set_state({'zones': {ZONE: [{'name': 'h%03d' % i, 'type': 'A', 'content': '192.0.2.%d' % (i % 250 + 1)}
                                     for i in range(250)]}})
    first = records(zone)
    assert len(first['records']) == 100
    assert first['pagination'] == {'page': 1, 'per_page': 100, 'total': 250}
    assert first['domain'] == ZONE
    third = records(zone, '?page=3')
    assert len(third['records']) == 50
    assert records(zone, '?page=4')['records'] == []
    seen = [r['id'] for page in (1, 2, 3) for r in records(zone, '?page=%d' % page)['records']]
    assert len(set(seen)) == 250 and seen == sorted(seen)
    big = records(zone, '?per_page=1000')
    assert big['pagination']['per_page'] == 500 and len(big['records']) == 250
    assert records(zone, '?per_page=7&page=2')['records'][0]['name'] == 'h007'


def test_per_page_max_setting_reduces_large_pages(zone):
    zone.set_state({'zones': {ZONE: [{'name': 'h%d' % i, 'type': 'A', 'content': '192.0.2.1'} for i in range(30)]}})
    zone.settings(per_page_max=10)
    body = records(zone, '?per_page=100')
    assert body['pagination'] == {'page': 1, 'per_page': 10, 'total': 30}
    assert len(body['records']) == 10


@pytest.mark.parametrize('query', ['?page=0', '?page=x', '?per_page=0', '?per_page=-5', '?page='])
def test_bad_paging_values_are_unprocessable(zone, query):
    status, _headers, body = zone.api('GET', RECORDS + query)
    assert status == 422 and body['errors']


def test_update_record_changes_given_fields_and_revalidates(zone):
    _s, _h, body = add(zone, name='www', type='A', content='192.0.2.1', ttl=300)
    record_id = body['record']['id']
    status, _headers, body = zone.api('PATCH', '%s/%d' % (RECORDS, record_id), {'content': '192.0.2.2'})
    assert status == 200 and body['status'] == 'success'
    assert body['record'] == {'id': record_id, 'name': 'www', 'type': 'A', 'content': '192.0.2.2', 'ttl': 300,
                              'priority': None, 'weight': None, 'port': None}
    status, _headers, body = zone.api('PATCH', '%s/%d' % (RECORDS, record_id), {'content': 'nope'})
    assert status == 422 and 'content' in body['errors']
    status, _headers, body = zone.api('PATCH', '%s/%d' % (RECORDS, record_id),
                                      {'type': 'MX', 'content': 'MX.example.nl.', 'priority': 5})
    assert status == 200 and body['record']['content'] == 'mx.example.nl' and body['record']['priority'] == 5
    status, _headers, body = zone.api('PATCH', '%s/%d' % (RECORDS, record_id), {'type': 'A', 'content': '192.0.2.9'})
    assert status == 200 and body['record']['priority'] is None
    assert zone.api('PATCH', '%s/%d' % (RECORDS, record_id), {'id': 999})[0] == 422
    assert zone.api('PATCH', '%s/%d' % (RECORDS, record_id), {'name': None})[0] == 400


def test_update_record_respects_duplicates_and_cname_rules(zone):
    first = add(zone, name='www', type='A', content='192.0.2.1')[2]['record']['id']
    second = add(zone, name='www', type='A', content='192.0.2.2')[2]['record']['id']
    assert zone.api('PATCH', '%s/%d' % (RECORDS, second), {'content': '192.0.2.1'})[0] == 422
    assert zone.api('PATCH', '%s/%d' % (RECORDS, first), {'ttl': 120})[0] == 200  # itself is no duplicate
    status, _headers, body = zone.api('PATCH', '%s/%d' % (RECORDS, first), {'type': 'CNAME', 'content': 'x.example.net'})
    assert status == 422
    alias = add(zone, name='alias', type='CNAME', content='x.example.net')[2]['record']['id']
    assert zone.api('PATCH', '%s/%d' % (RECORDS, alias), {'content': 'y.example.net'})[0] == 200
    assert zone.api('PATCH', '%s/%d' % (RECORDS, alias), {'name': '@'})[0] == 422


def test_update_unknown_record_is_not_found(zone):
    assert zone.api('PATCH', RECORDS + '/12345', {'ttl': 60})[0] == 404
    assert zone.api('PATCH', RECORDS + '/abc', {'ttl': 60})[0] == 404


def test_delete_record(zone):
    record_id = add(zone, name='www', type='A', content='192.0.2.1')[2]['record']['id']
    status, _headers, body = zone.api('POST', RECORDS + '/delete', {'id': record_id})
    assert (status, body) == (200, {'status': 'success'})
    assert records(zone)['records'] == []
    assert zone.api('POST', RECORDS + '/delete', {'id': record_id})[0] == 404
    assert zone.api('POST', RECORDS + '/delete', {})[0] == 400
    assert zone.api('POST', RECORDS + '/delete', {'id': 'one'})[0] == 422


def test_ids_are_unique_across_zones(simulator):
    simulator.set_state({'zones': {'a.nl': [{'id': 40, 'name': 'x', 'type': 'A', 'content': '192.0.2.1'}], 'b.nl': []}})
    status, _headers, body = simulator.api('PUT', '/dns/b.nl/records', {'name': 'y', 'type': 'A', 'content': '192.0.2.1'})
    assert status == 201 and body['record']['id'] == 41


def test_concurrent_writes_are_all_kept(zone):
    zone.token()
    results = []

    def worker(index):
        results.append(add(zone, name='host%d' % index, type='A', content='192.0.2.%d' % (index + 1))[0])

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [201] * 40
    body = records(zone)
    assert body['pagination']['total'] == 40
    assert len({r['id'] for r in body['records']}) == 40


@pytest.mark.parametrize('record, content', [
    ({'type': 'MX', 'content': '.', 'priority': 0}, '.'),                       # null MX, RFC 7505
    ({'type': 'SRV', 'content': '.', 'priority': 0, 'weight': 0, 'port': 0}, '.'),  # no service, RFC 2782
    ({'type': 'CAA', 'content': '0 issuemail "ca.example.net"'}, '0 issuemail "ca.example.net"'),  # RFC 9495
    ({'type': 'CAA', 'content': '0 ContactEmail "dns@example.nl"'}, '0 contactemail "dns@example.nl"'),
    ({'type': 'CAA', 'content': '0 contactphone "+31 20 1234567"'}, '0 contactphone "+31 20 1234567"'),
    ({'type': 'AAAA', 'content': '::ffff:c000:201'}, '::ffff:192.0.2.1'),       # RFC 5952 section 5
    ({'type': 'AAAA', 'content': '::FFFF:192.0.2.1'}, '::ffff:192.0.2.1'),
])
def test_rfc_values_are_stored_canonically(zone, record, content):
    status, _headers, body = add(zone, name='a', **record)
    assert status == 201, body
    assert body['record']['content'] == content
