# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The shared client against the simulator (no mocks of HTTP)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import socket

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError, MPGClient


class SleepRecorder(object):
    """Stands in for time.sleep so retries are fast and their waits visible."""

    def __init__(self):
        self.waits = []

    def __call__(self, seconds):
        self.waits.append(seconds)


@pytest.fixture
def sleeps():
    return SleepRecorder()


@pytest.fixture
def make_client(simulator, tmp_path, sleeps):
    def factory(**overrides):
        options = dict(api_url=simulator.url, client_id=simulator.client_id, client_secret=simulator.client_secret,
                       token_cache=True, sleep=sleeps)
        options.update(overrides)
        if options.get('token_cache'):
            monkey_dir = str(tmp_path / 'token-cache')
            import os
            os.environ['MPG_TOKEN_CACHE_DIR'] = monkey_dir
        return MPGClient(**options)
    yield factory


def api_requests(simulator):
    return [(r['method'], r['path'], r['status']) for r in simulator.requests()]


def test_whois_free_and_taken(simulator, make_client):
    simulator.set_state({'taken': ['registered-elsewhere.nl']})
    client = make_client()
    assert client.whois('free-name.nl')['available'] is True
    taken = client.whois('registered-elsewhere.nl')
    assert taken['available'] is False
    assert taken['status'] == 'active'


def test_idn_in_unicode_and_punycode_is_one_domain(simulator, make_client):
    simulator.set_state({'taken': ['xn--bcher-kva.nl']})
    client = make_client()
    assert client.whois('bücher.nl')['available'] is False
    assert client.whois('XN--BCHER-KVA.NL.')['available'] is False
    paths = [path for _method, path, _status in api_requests(simulator) if path.startswith('/whois')]
    assert paths == ['/whois/xn--bcher-kva.nl', '/whois/xn--bcher-kva.nl']


def test_120_names_take_three_calls_in_order(simulator, make_client):
    names = ['name-%03d.nl' % i for i in range(120)]
    simulator.set_state({'taken': ['name-007.nl', 'name-119.nl']})
    results = make_client().whois_many(names)
    assert [r['domain'] for r in results] == names
    assert [r['domain'] for r in results if not r['available']] == ['name-007.nl', 'name-119.nl']
    whois_calls = [r for r in api_requests(simulator) if r[1] == '/whois']
    assert len(whois_calls) == 3


def test_token_is_cached_between_clients(simulator, make_client):
    make_client().list_zones()
    make_client().list_zones()
    auth_calls = [r for r in api_requests(simulator) if r[1] == api.AUTHENTICATE.path]
    assert len(auth_calls) == 1


def test_no_cache_means_each_client_authenticates(simulator, make_client):
    make_client(token_cache=False).list_zones()
    make_client(token_cache=False).list_zones()
    auth_calls = [r for r in api_requests(simulator) if r[1] == api.AUTHENTICATE.path]
    assert len(auth_calls) == 2


def test_expired_token_is_renewed_once(simulator, make_client):
    client = make_client()
    client.list_zones()
    simulator.expire_tokens()
    client.list_zones()
    assert api_requests(simulator) == [
        ('POST', '/auth', 200), ('GET', '/dns', 200), ('GET', '/dns', 401), ('POST', '/auth', 200), ('GET', '/dns', 200),
    ]


def test_rejected_credentials_fail_clearly_without_retry(simulator, make_client):
    client = make_client(client_secret='wrong-secret', token_cache=False)
    with pytest.raises(MPGApiError) as caught:
        client.list_zones()
    assert caught.value.status == 401
    assert 'Authenticate failed: HTTP 401' in str(caught.value)
    assert 'client_id/client_secret' in str(caught.value)
    assert len(simulator.requests()) == 1


def test_429_with_retry_after_is_honoured(simulator, make_client, sleeps):
    simulator.add_fault(method='GET', path_regex='^/whois/', status=429, times=1, retry_after=2)
    assert make_client().whois('free-name.nl')['available'] is True
    assert sleeps.waits == [2.0]


def test_retry_after_is_capped(simulator, make_client, sleeps):
    simulator.add_fault(method='GET', path_regex='^/whois/', status=429, times=1, retry_after=3600)
    make_client().whois('free-name.nl')
    assert sleeps.waits == [30.0]


def test_503_twice_on_a_read_then_success(simulator, make_client):
    simulator.add_fault(method='GET', path_regex='^/dns$', status=503, times=2)
    assert make_client().list_zones() == []
    assert [r[2] for r in api_requests(simulator) if r[1] == '/dns'] == [503, 503, 200]


def test_500_every_time_is_an_error_never_available(simulator, make_client):
    simulator.add_fault(method='GET', path_regex='^/whois/', status=500, times=100)
    with pytest.raises(MPGApiError) as caught:
        make_client().whois('free-name.nl')
    assert caught.value.status == 500
    assert 'Check WHOIS for a single domain failed: HTTP 500' in str(caught.value)


def test_503_on_a_write_is_not_resent(simulator, make_client):
    simulator.set_state({'zones': {'example.nl': []}})
    simulator.add_fault(method='PUT', path_regex='^/dns/example.nl/records$', status=503, times=5)
    with pytest.raises(MPGApiError) as caught:
        make_client().add_record('example.nl', {'name': 'www', 'type': 'A', 'content': '192.0.2.1'})
    assert caught.value.may_have_acted
    assert len([r for r in api_requests(simulator) if r[0] == 'PUT']) == 1


def test_quota_exhausted_is_not_retried(simulator, make_client):
    simulator.set_state({'account': {'direct_debit': True, 'quota_remaining': 1}})
    client = make_client()
    with pytest.raises(MPGApiError) as caught:
        client.list_zones()
        client.list_zones()
    assert caught.value.status == 403
    assert 'quota' in str(caught.value)
    assert [r[2] for r in api_requests(simulator)].count(403) == 1


def test_body_that_is_not_json_is_an_error_not_empty(simulator, make_client):
    simulator.add_fault(method='GET', path_regex='^/dns$', status=200, times=1, body='<html>maintenance</html>')
    with pytest.raises(MPGApiError) as caught:
        make_client().list_zones()
    assert 'not JSON' in str(caught.value)


def test_answer_lacking_fields_is_an_error_not_empty(simulator, make_client):
    simulator.add_fault(method='GET', path_regex='^/dns$', status=200, times=1, body='{"status": "success"}')
    with pytest.raises(MPGApiError) as caught:
        make_client().list_zones()
    assert 'lacks the field "zones"' in str(caught.value)


def test_every_page_is_read(simulator, make_client):
    records = [{'name': 'host%03d' % i, 'type': 'A', 'content': '192.0.2.%d' % (i % 250 + 1), 'ttl': 3600}
               for i in range(1200)]
    simulator.set_state({'zones': {'example.nl': records}})
    got = make_client().get_records('example.nl')
    assert len(got) == 1200
    assert len(set(r['id'] for r in got)) == 1200
    pages = [r for r in simulator.requests() if r['path'] == '/dns/example.nl/records']
    assert len(pages) == 3


def test_unknown_zone_is_404(simulator, make_client):
    with pytest.raises(MPGApiError) as caught:
        make_client().get_records('not-my-zone.nl')
    assert caught.value.status == 404


def test_secret_echoed_by_a_server_error_is_redacted(simulator, make_client):
    body = '{"status": "error", "message": "crash while handling client_secret=%s"}' % simulator.client_secret
    simulator.add_fault(method='POST', path_regex='^/auth$', status=500, times=1, body=body)
    with pytest.raises(MPGApiError) as caught:
        make_client(token_cache=False).list_zones()
    assert simulator.client_secret not in str(caught.value)
    assert simulator.client_secret not in str(caught.value.api_message)
    assert '********' in str(caught.value)


def test_token_echoed_by_a_server_error_is_redacted(simulator, make_client):
    client = make_client(token_cache=False)
    client.list_zones()
    token = client._token
    simulator.add_fault(method='GET', path_regex='^/dns$', status=400, times=1,
                        body='{"status": "error", "message": "bad header Bearer %s"}' % token)
    with pytest.raises(MPGApiError) as caught:
        client.list_zones()
    assert token not in str(caught.value)


def test_connection_refused_names_the_url(make_client, sleeps):
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        port = probe.getsockname()[1]
    url = 'http://127.0.0.1:%d/v1' % port
    with pytest.raises(MPGApiError) as caught:
        make_client(api_url=url, token_cache=False).list_zones()
    assert url in str(caught.value)
    assert caught.value.status is None


def test_ready_token_is_used_without_authentication(simulator, make_client):
    token = simulator.token()
    simulator.reset()
    make_client(client_id=None, client_secret=None, api_token=token).list_zones()
    assert api_requests(simulator) == [('GET', '/dns', 200)]


def test_missing_credentials_fail_before_any_request():
    with pytest.raises(ValueError) as caught:
        MPGClient(api_url='http://127.0.0.1:9/v1')
    assert 'client_id' in str(caught.value)


def test_unresolvable_host_fails_at_once_naming_the_url(make_client, sleeps):
    url = 'http://api.nonexistent.invalid/v1'
    with pytest.raises(MPGApiError) as caught:
        make_client(api_url=url, token_cache=False).list_zones()
    assert url in str(caught.value)
    assert sleeps.waits == []
