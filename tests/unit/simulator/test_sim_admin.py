# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Simulator: the /_sim/ admin interface, the request log, faults, quota and rate limit."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import http.client
import json
import time
import urllib.error

import pytest

HOLDER = {'first_name': 'Jan', 'last_name': 'Jansen', 'email': 'jan@example.nl', 'phone': '+31.201234567',
          'street': 'Voorbeeldstraat', 'house_number': '1', 'postal_code': '1234 AB', 'city': 'Amsterdam',
          'country_code': 'NL'}


def test_health_needs_no_token(simulator):
    assert simulator.request('GET', '/_sim/health')[2] == {'status': 'ok'}


def test_state_round_trip_assigns_missing_ids(simulator):
    state = {
        'account': {'direct_debit': False, 'quota_remaining': 10},
        'holders': [dict(HOLDER, id=5), dict(HOLDER)],
        'domains': [{'domain': 'Mine.nl', 'domainholder_id': 5, 'period': 1, 'nameservers': ['ns1.example.net', 'ns2.example.net'],
                     'status': 'active', 'expires_at': '2030-01-01'}],
        'zones': {'Mine.nl': [{'name': 'WWW', 'type': 'A', 'content': '192.0.2.1'},
                              {'id': 9, 'name': '@', 'type': 'MX', 'content': 'mx.example.nl.', 'priority': 10}]},
        'taken': ['elsewhere.nl', {'domain': 'cool.nl', 'status': 'quarantine'}],
    }
    answer = simulator.set_state(state)
    assert answer == simulator.get_state()
    assert answer['account'] == {'direct_debit': False, 'quota_remaining': 10}
    assert [h['id'] for h in answer['holders']] == [5, 6]
    assert answer['holders'][1]['company_name'] is None
    assert answer['domains'] == [{'domain': 'mine.nl', 'domainholder_id': 5, 'period': 1,
                                  'nameservers': ['ns1.example.net', 'ns2.example.net'], 'status': 'active',
                                  'expires_at': '2030-01-01'}]
    assert answer['zones'] == {'mine.nl': [
        {'id': 9, 'name': '@', 'type': 'MX', 'content': 'mx.example.nl', 'ttl': 3600, 'priority': 10, 'weight': None, 'port': None},
        {'id': 10, 'name': 'www', 'type': 'A', 'content': '192.0.2.1', 'ttl': 3600, 'priority': None, 'weight': None, 'port': None},
    ]}
    assert answer['taken'] == state['taken']
    assert simulator.set_state(answer) == answer  # what GET gives, PUT takes


def test_seeded_zones_skip_zone_wide_constraints(simulator):
    state = simulator.set_state({'zones': {'odd.nl': [{'name': 'x', 'type': 'CNAME', 'content': 'a.example.net'},
                                                      {'name': 'x', 'type': 'A', 'content': '192.0.2.1'}]}})
    assert len(state['zones']['odd.nl']) == 2


@pytest.mark.parametrize('state', [
    [], {'colour': 1}, {'holders': [{'id': 1}, {'id': 1}]}, {'holders': {}}, {'zones': {'a..b': []}},
    {'zones': {'a.nl': [{'name': 'x', 'type': 'A', 'content': 'nope'}]}},
    {'zones': {'a.nl': [{'id': 1, 'name': 'x', 'type': 'A', 'content': '192.0.2.1'}],
               'b.nl': [{'id': 1, 'name': 'x', 'type': 'A', 'content': '192.0.2.1'}]}},
    {'taken': [5]}, {'taken': [{'domain': 'x.nl', 'status': 'free'}]}, {'account': {'quota_remaining': -1}},
    {'domains': [{'domain': 'x.nl', 'status': 'expired'}]},
])
def test_invalid_state_is_refused(simulator, state):
    status, _headers, body = simulator.request('PUT', '/_sim/state', state)
    assert status == 400 and body['status'] == 'error'
    assert simulator.get_state()['holders'] == []


def test_reset_empties_state_log_faults_and_settings(simulator):
    simulator.set_state({'zones': {'a.nl': []}, 'holders': [HOLDER]})
    simulator.add_fault(method='GET', path_regex='^/nothing$', status=500)
    simulator.settings(per_page_max=3)
    simulator.api('GET', '/dns')
    simulator.admin('POST', 'reset')
    assert simulator.get_state() == {'account': {'direct_debit': True, 'quota_remaining': None}, 'holders': [],
                                     'domains': [], 'zones': {}, 'taken': []}
    assert simulator.requests() == []
    assert simulator.faults() == []
    assert simulator.settings()['per_page_max'] == 500


def test_request_log_in_arrival_order_without_bodies_or_secrets(simulator):
    simulator.set_state({'zones': {'example.nl': []}})
    token = simulator.token()
    simulator.api('GET', '/dns/example.nl/records?page=2&per_page=5')
    simulator.api('PUT', '/dns/example.nl/records', {'name': 'www', 'type': 'A', 'content': '192.0.2.1'})
    simulator.api('GET', '/dns', token=None)
    simulator.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'not-the-secret'})
    log = simulator.requests()
    assert log == [
        {'method': 'POST', 'path': '/auth', 'query': '', 'status': 200},
        {'method': 'GET', 'path': '/dns/example.nl/records', 'query': 'page=2&per_page=5', 'status': 200},
        {'method': 'PUT', 'path': '/dns/example.nl/records', 'query': '', 'status': 201},
        {'method': 'GET', 'path': '/dns', 'query': '', 'status': 401},
        {'method': 'POST', 'path': '/auth', 'query': '', 'status': 401},
    ]
    text = json.dumps(simulator.admin('GET', 'requests'))
    for secret in ('demo-secret', 'not-the-secret', token, '192.0.2.1'):
        assert secret not in text
    simulator.clear_requests()
    assert simulator.requests() == []


def test_fault_status_times_and_retry_after(simulator):
    fault = simulator.add_fault(method='get', path_regex='^/dns$', status=503, times=2, retry_after=7)
    assert fault['times'] == 2 and fault['id']
    first = simulator.api('GET', '/dns')
    assert first[0] == 503 and first[1]['Retry-After'] == '7' and first[2]['status'] == 'error'
    assert simulator.faults()[0]['times'] == 1
    assert simulator.api('GET', '/dns')[0] == 503
    assert simulator.api('GET', '/dns')[0] == 200
    assert simulator.faults() == []
    assert [r['status'] for r in simulator.requests()] == [200, 503, 503, 200]


def test_fault_matches_method_and_path_regex_only(simulator):
    simulator.set_state({'zones': {'example.nl': []}})
    simulator.add_fault(method='PUT', path_regex='^/dns/.*/records$', status=500)
    assert simulator.api('GET', '/dns/example.nl/records')[0] == 200
    assert simulator.api('PUT', '/dns/example.nl/records', {'name': 'a', 'type': 'A', 'content': '192.0.2.1'})[0] == 500
    assert simulator.api('PUT', '/dns/example.nl/records', {'name': 'a', 'type': 'A', 'content': '192.0.2.1'})[0] == 500
    assert simulator.get_state()['zones']['example.nl'] == []  # a fault with a status does not act
    simulator.clear_faults()
    assert simulator.api('PUT', '/dns/example.nl/records', {'name': 'a', 'type': 'A', 'content': '192.0.2.1'})[0] == 201


def test_fault_can_hit_authentication_too(simulator):
    simulator.add_fault(method='POST', path_regex='^/auth$', status=500, times=1)
    assert simulator.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'demo-secret'})[0] == 500
    assert simulator.token()


def test_fault_body_is_sent_raw(simulator):
    simulator.add_fault(method='GET', path_regex='^/dns$', body='<html>oops</html>', times=1)
    status, headers, body = simulator.api('GET', '/dns')
    assert (status, body) == (200, '<html>oops</html>')
    assert headers['Content-Type'] == 'application/json'
    simulator.add_fault(method='GET', path_regex='^/dns$', body='{"zones": null}', status=502, times=1,
                        content_type='text/html')
    status, headers, body = simulator.api('GET', '/dns')
    assert (status, body, headers['Content-Type']) == (502, {'zones': None}, 'text/html')


def test_fault_delay_after_acts_then_answers_late(simulator):
    simulator.set_state({'zones': {'example.nl': []}})
    simulator.add_fault(method='PUT', path_regex='/records$', status=None, delay_after=0.3, times=1)
    token = simulator.token()
    started = time.monotonic()
    with pytest.raises((OSError, urllib.error.URLError)):
        simulator.request('PUT', '/dns/example.nl/records', {'name': 'a', 'type': 'A', 'content': '192.0.2.1'},
                          headers={'Authorization': 'Bearer ' + token}, timeout=0.1)
    # The server acted before the client gave up...
    assert len(simulator.get_state()['zones']['example.nl']) == 1
    time.sleep(max(0.0, 0.35 - (time.monotonic() - started)))
    assert simulator.requests()[-1]['status'] == 201


def test_fault_delay_before_slows_the_answer(simulator):
    simulator.add_fault(method='GET', path_regex='^/dns$', delay_before=0.2, times=1)
    started = time.monotonic()
    assert simulator.api('GET', '/dns')[0] == 200
    assert time.monotonic() - started >= 0.2


def test_fault_close_drops_the_connection_after_acting(simulator):
    simulator.set_state({'holders': []})
    simulator.add_fault(method='PUT', path_regex='^/domainholders$', close=True, times=1)
    with pytest.raises((http.client.HTTPException, OSError, urllib.error.URLError)):
        simulator.api('PUT', '/domainholders', HOLDER)
    assert len(simulator.get_state()['holders']) == 1
    assert simulator.requests()[-1]['status'] is None


@pytest.mark.parametrize('fault', [{'path_regex': '('}, {'status': 'x'}, {'times': 0}, {'delay_after': -1},
                                   {'body': {'a': 1}}, {'colour': 'red'}])
def test_bad_fault_is_refused(simulator, fault):
    assert simulator.request('POST', '/_sim/faults', fault)[0] == 400


def test_quota_is_charged_per_authenticated_request(simulator):
    simulator.set_state({'account': {'direct_debit': True, 'quota_remaining': 2}})
    simulator.token()  # authentication itself is free
    assert simulator.api('GET', '/dns')[0] == 200
    assert simulator.api('GET', '/whois/example.nl')[0] == 200
    status, _headers, body = simulator.api('GET', '/dns')
    assert status == 403 and 'quota' in body['message']
    assert simulator.get_state()['account']['quota_remaining'] == 0
    assert simulator.api('GET', '/dns', token=None)[0] == 401  # no token: not charged, not 403


def test_rate_limit_answers_429_with_retry_after(simulator):
    simulator.settings(rate_limit=5)
    simulator.token()
    statuses = [simulator.api('GET', '/dns') for _index in range(7)]
    assert [s[0] for s in statuses].count(200) == 4  # the token request used one of the five
    throttled = [s for s in statuses if s[0] == 429]
    assert throttled and throttled[0][1]['Retry-After'] == '1'
    assert throttled[0][2]['status'] == 'error'


def test_expire_tokens_and_settings_admin(simulator):
    assert simulator.settings() == {'token_ttl': 3600, 'per_page_max': 500, 'pending_seconds': 0, 'rate_limit': 0}
    assert simulator.request('PUT', '/_sim/settings', {'colour': 1})[0] == 400
    assert simulator.request('PUT', '/_sim/settings', {'per_page_max': 0})[0] == 400
    assert simulator.request('POST', '/_sim/expire-tokens')[2] == {'status': 'success'}


def test_unknown_admin_path_and_wrong_method(simulator):
    assert simulator.request('GET', '/_sim/nope')[0] == 404
    status, headers, _body = simulator.request('GET', '/_sim/reset')
    assert status == 405 and headers['Allow'] == 'POST'
    assert simulator.request('PUT', '/_sim/state', raw_body='{bad')[0] == 400
