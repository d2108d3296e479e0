# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Simulator: WHOIS, domain registration, domain holders."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

import pytest

HOLDER = {
    'company_name': None, 'first_name': 'Jan', 'last_name': 'Jansen', 'email': 'jan@example.nl',
    'phone': '+31.201234567', 'street': 'Voorbeeldstraat', 'house_number': '1', 'house_number_suffix': 'a',
    'postal_code': '1234 AB', 'city': 'Amsterdam', 'country_code': 'NL',
}
DEFAULT_NS = ['ns1.mijnpartnergroep.nl', 'ns2.mijnpartnergroep.nl', 'ns3.mijnpartnergroep.nl']


@pytest.fixture
def account(simulator):
    simulator.set_state({
        'holders': [dict(HOLDER, id=1), dict(HOLDER, id=2, email='Other@Example.nl')],
        'taken': ['registered-elsewhere.nl',
                  {'domain': 'cooling.nl', 'status': 'quarantine'},
                  {'domain': 'reserved.nl', 'status': 'reserved'}],
    })
    return simulator


# ------------------------------------------------------------------ WHOIS

def test_whois_free_and_taken(account):
    status, _headers, body = account.api('GET', '/whois/free-name.nl')
    assert (status, body) == (200, {'domain': 'free-name.nl', 'available': True, 'status': 'free'})
    _s, _h, body = account.api('GET', '/whois/Registered-Elsewhere.NL')
    assert body['domain'] == 'registered-elsewhere.nl'
    assert body['available'] is False and body['status'] == 'active'
    assert set(body) == {'domain', 'available', 'status', 'registrar', 'created_at', 'expires_at', 'nameservers'}


@pytest.mark.parametrize('name, status', [('cooling.nl', 'quarantine'), ('reserved.nl', 'reserved'),
                                          ('a..b.nl', 'invalid'), ('nodot', 'invalid'), ('-bad.nl', 'invalid'),
                                          ('b%C3%BCcher.nl', 'invalid'), ('x' * 64 + '.nl', 'invalid')])
def test_whois_other_statuses_have_no_registration_fields(account, name, status):
    _s, _h, body = account.api('GET', '/whois/' + name)
    assert body['status'] == status and body['available'] is False
    assert 'registrar' not in body and 'nameservers' not in body


def test_whois_punycode_is_accepted(account):
    _s, _h, body = account.api('GET', '/whois/xn--bcher-kva.nl')
    assert body == {'domain': 'xn--bcher-kva.nl', 'available': True, 'status': 'free'}


def test_whois_multiple_in_request_order(account):
    names = ['free-name.nl', 'registered-elsewhere.nl', 'a..b.nl', 'cooling.nl']
    status, _headers, body = account.api('POST', '/whois', {'domains': names})
    assert status == 200
    assert [r['status'] for r in body['results']] == ['free', 'active', 'invalid', 'quarantine']
    assert [r['domain'] for r in body['results']] == names


@pytest.mark.parametrize('body, status', [({}, 400), ({'domains': []}, 422), ({'domains': ['a.nl'] * 51}, 422),
                                          ({'domains': 'a.nl'}, 422), ({'domains': ['a.nl', 5]}, 422)])
def test_whois_multiple_limits(account, body, status):
    assert account.api('POST', '/whois', body)[0] == status
    assert account.api('POST', '/whois', {'domains': ['a.nl'] * 50})[0] == 200


# ---------------------------------------------------------- registration

def test_register_creates_an_active_domain_and_a_zone_with_default_ns(account):
    status, _headers, body = account.api('POST', '/domains', {'domain': 'New-Name.nl', 'domainholder_id': 1, 'period': 2})
    assert status == 201 and body['status'] == 'success'
    domain = body['domain']
    expected_expiry = datetime.date.today().replace(year=datetime.date.today().year + 2).isoformat()
    assert domain == {'domain': 'new-name.nl', 'domainholder_id': 1, 'period': 2, 'nameservers': DEFAULT_NS,
                      'status': 'active', 'expires_at': expected_expiry}
    _s, _h, zone = account.api('GET', '/dns/new-name.nl/records')
    assert [(r['name'], r['type'], r['content'], r['ttl']) for r in zone['records']] == [
        ('@', 'NS', ns, 86400) for ns in DEFAULT_NS]
    _s, _h, whois = account.api('GET', '/whois/new-name.nl')
    assert whois['status'] == 'active' and whois['registrar'] == 'MijnPartnerGroep'
    assert account.api('POST', '/domains', {'domain': 'new-name.nl', 'domainholder_id': 1, 'period': 1})[0] == 422


def test_register_with_own_nameservers_creates_no_zone(account):
    status, _headers, body = account.api('POST', '/domains', {
        'domain': 'own-ns.nl', 'domainholder_id': 1, 'period': 1, 'nameservers': ['NS1.Example.net.', 'ns2.example.net']})
    assert status == 201
    assert body['domain']['nameservers'] == ['ns1.example.net', 'ns2.example.net']
    assert account.api('GET', '/dns/own-ns.nl/records')[0] == 404
    _s, _h, zones = account.api('GET', '/dns')
    assert {'domain': 'own-ns.nl', 'status': 'active', 'record_count': 0} in zones['zones']


def test_pending_registration_is_free_in_whois_until_it_is_active(account):
    account.settings(pending_seconds=600)
    _s, _h, body = account.api('POST', '/domains', {'domain': 'slow.nl', 'domainholder_id': 1, 'period': 1})
    assert body['domain']['status'] == 'pending'
    _s, _h, zones = account.api('GET', '/dns')
    assert {'domain': 'slow.nl', 'status': 'pending', 'record_count': 3} in zones['zones']
    _s, _h, whois = account.api('GET', '/whois/slow.nl')
    assert whois == {'domain': 'slow.nl', 'available': True, 'status': 'free'}
    # ...but it cannot be registered twice.
    assert account.api('POST', '/domains', {'domain': 'slow.nl', 'domainholder_id': 1, 'period': 1})[0] == 422
    account.settings(pending_seconds=0)  # domains registered from now on are active at once
    assert account.get_state()['domains'][0]['status'] == 'pending'


def test_pending_ends_after_pending_seconds(start_simulator):
    import time  # pylint: disable=import-outside-toplevel
    sim = start_simulator('--pending-seconds', '0.3')
    sim.set_state({'holders': [dict(HOLDER, id=1)]})
    assert sim.api('POST', '/domains', {'domain': 'soon.nl', 'domainholder_id': 1, 'period': 1})[2]['domain']['status'] == 'pending'
    assert sim.api('GET', '/whois/soon.nl')[2]['status'] == 'free'
    time.sleep(0.35)
    assert sim.api('GET', '/whois/soon.nl')[2]['status'] == 'active'
    assert sim.api('GET', '/dns')[2]['zones'][0]['status'] == 'active'


@pytest.mark.parametrize('body, status, field', [
    ({'domain': 'x.nl', 'domainholder_id': 1}, 400, 'period'),
    ({'domainholder_id': 1, 'period': 1}, 400, 'domain'),
    ({'domain': 'x.nl', 'period': 1}, 400, 'domainholder_id'),
    ({'domain': 'a..b.nl', 'domainholder_id': 1, 'period': 1}, 422, 'domain'),
    ({'domain': 'x.nl', 'domainholder_id': 1, 'period': 0}, 422, 'period'),
    ({'domain': 'x.nl', 'domainholder_id': 1, 'period': 11}, 422, 'period'),
    ({'domain': 'x.nl', 'domainholder_id': '1', 'period': 1}, 422, 'domainholder_id'),
    ({'domain': 'x.nl', 'domainholder_id': 1, 'period': 1, 'nameservers': ['ns1.example.net']}, 422, 'nameservers'),
    ({'domain': 'x.nl', 'domainholder_id': 1, 'period': 1, 'nameservers': ['ns1.example.net', 'bad ns']}, 422, 'nameservers'),
    ({'domain': 'x.nl', 'domainholder_id': 1, 'period': 1, 'colour': 'red'}, 422, 'colour'),
    ({'domain': 'registered-elsewhere.nl', 'domainholder_id': 1, 'period': 1}, 422, 'domain'),
    ({'domain': 'cooling.nl', 'domainholder_id': 1, 'period': 1}, 422, 'domain'),
    ({'domain': 'x.nl', 'domainholder_id': 99, 'period': 1}, 404, None),
])
def test_register_refusals(account, body, status, field):
    got, _headers, answer = account.api('POST', '/domains', body)
    assert got == status, answer
    if field:
        assert field in answer['errors']
    assert account.get_state()['domains'] == []


def test_register_without_direct_debit_is_payment_required(account):
    state = account.get_state()
    state['account']['direct_debit'] = False
    account.set_state(state)
    status, _headers, body = account.api('POST', '/domains', {'domain': 'x.nl', 'domainholder_id': 1, 'period': 1})
    assert status == 402 and body['status'] == 'error'
    assert account.api('POST', '/domains/bulk', {'domains': [{'domain': 'x.nl', 'domainholder_id': 1, 'period': 1}]})[0] == 402
    assert account.get_state()['domains'] == []


def test_bulk_registration_reports_each_domain(account):
    request = {'domains': [
        {'domain': 'one.nl', 'domainholder_id': 1, 'period': 1},
        {'domain': 'registered-elsewhere.nl', 'domainholder_id': 1, 'period': 1},
        {'domain': 'two.nl', 'domainholder_id': 99, 'period': 1},
        {'domain': 'one.nl', 'domainholder_id': 1, 'period': 1},
        {'domain': 'three.nl', 'domainholder_id': 2, 'period': 1, 'nameservers': ['a.example.net', 'b.example.net']},
        'not an object',
    ]}
    status, _headers, body = account.api('POST', '/domains/bulk', request)
    assert status == 200
    results = body['results']
    assert [(r['domain'], r['status']) for r in results] == [
        ('one.nl', 'success'), ('registered-elsewhere.nl', 'error'), ('two.nl', 'error'), ('one.nl', 'error'),
        ('three.nl', 'success'), ('', 'error')]
    assert results[0]['data']['domainholder_id'] == 1
    assert 'not found' in results[2]['message']
    assert sorted(d['domain'] for d in account.get_state()['domains']) == ['one.nl', 'three.nl']


@pytest.mark.parametrize('body, status', [({}, 400), ({'domains': []}, 422), ({'domains': {}}, 422),
                                          ({'domains': [{'domain': 'x.nl', 'domainholder_id': 1, 'period': 1}] * 51}, 422)])
def test_bulk_limits(account, body, status):
    assert account.api('POST', '/domains/bulk', body)[0] == status


# --------------------------------------------------------------- holders

def test_create_holder(account):
    new = dict(HOLDER, email='new@example.nl')
    del new['company_name']
    status, _headers, body = account.api('PUT', '/domainholders', new)
    assert status == 201 and body['status'] == 'success'
    assert body['domainholder'] == dict(HOLDER, email='new@example.nl', id=3)


@pytest.mark.parametrize('missing', ['first_name', 'last_name', 'email', 'phone', 'street', 'house_number',
                                     'postal_code', 'city', 'country_code'])
def test_create_holder_needs_every_required_field(account, missing):
    body = dict(HOLDER)
    del body[missing]
    status, _headers, answer = account.api('PUT', '/domainholders', body)
    assert status == 400 and missing in answer['errors']


@pytest.mark.parametrize('change, field', [
    ({'email': 'not-an-email'}, 'email'), ({'phone': '0201234567'}, 'phone'), ({'phone': '+31 20 1234567'}, 'phone'),
    ({'country_code': 'NLD'}, 'country_code'), ({'country_code': 'nl'}, 'country_code'), ({'city': ''}, 'city'),
    ({'first_name': 5}, 'first_name'), ({'company_name': 5}, 'company_name'), ({'id': 5}, 'id'), ({'age': 5}, 'age'),
])
def test_create_holder_invalid_values(account, change, field):
    status, _headers, body = account.api('PUT', '/domainholders', dict(HOLDER, **change))
    assert status == 422 and field in body['errors']


def test_search_holders_by_id_and_case_insensitive_email(account):
    account.api('PUT', '/domainholders', dict(HOLDER, first_name='Piet'))
    _s, _h, body = account.api('POST', '/domainholders/search', {'id': 2})
    assert [h['id'] for h in body['domainholders']] == [2]
    _s, _h, body = account.api('POST', '/domainholders/search', {'email': 'JAN@example.NL'})
    assert [h['id'] for h in body['domainholders']] == [1, 3]
    _s, _h, body = account.api('POST', '/domainholders/search', {'email': 'other@example.nl'})
    assert [h['email'] for h in body['domainholders']] == ['Other@Example.nl']
    assert account.api('POST', '/domainholders/search', {'id': 404})[2] == {'domainholders': []}
    assert account.api('POST', '/domainholders/search', {'email': 'nobody@example.nl'})[2] == {'domainholders': []}


@pytest.mark.parametrize('body, status', [({}, 400), ({'id': 1, 'email': 'jan@example.nl'}, 400),
                                          ({'id': 'one'}, 422), ({'email': 5}, 422)])
def test_search_holders_bad_requests(account, body, status):
    assert account.api('POST', '/domainholders/search', body)[0] == status


def test_update_holder(account):
    status, _headers, body = account.api('PATCH', '/domainholders/1', {'city': 'Utrecht', 'company_name': 'Jansen BV'})
    assert status == 200 and body['status'] == 'success'
    assert body['domainholder'] == dict(HOLDER, id=1, city='Utrecht', company_name='Jansen BV')
    assert account.api('PATCH', '/domainholders/1', {'company_name': None})[2]['domainholder']['company_name'] is None
    assert account.api('PATCH', '/domainholders/1', {'phone': 'x'})[0] == 422
    assert account.api('PATCH', '/domainholders/1', {'email': None})[0] == 422
    assert account.api('PATCH', '/domainholders/1', {'id': 4})[0] == 422
    assert account.api('PATCH', '/domainholders/77', {'city': 'Utrecht'})[0] == 404
    assert account.api('PATCH', '/domainholders/abc', {'city': 'Utrecht'})[0] == 404
    assert account.api('PATCH', '/domainholders/1', raw_body='{')[0] == 400


def test_delete_holder_unless_in_use(account):
    account.api('POST', '/domains', {'domain': 'mine.nl', 'domainholder_id': 1, 'period': 1})
    status, _headers, body = account.api('DELETE', '/domainholders/1')
    assert status == 422 and 'mine.nl' in body['message']
    assert account.api('DELETE', '/domainholders/2')[2] == {'status': 'success'}
    assert account.api('DELETE', '/domainholders/2')[0] == 404
    assert [h['id'] for h in account.get_state()['holders']] == [1]
