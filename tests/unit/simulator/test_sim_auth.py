# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Simulator: authentication, tokens, routing errors."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json

import pytest

from mpg_simulator.tokens import TokenError, TokenIssuer


def _claims(token):
    part = token.split('.')[1]
    return json.loads(base64.urlsafe_b64decode(part + '=' * (-len(part) % 4)))


def test_authentication_returns_a_real_hs256_jwt(simulator):
    status, _headers, body = simulator.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'demo-secret'})
    assert status == 200
    assert body['status'] == 'success' and body['expires_in'] == 3600
    header = json.loads(base64.urlsafe_b64decode(body['token'].split('.')[0] + '=='))
    assert header == {'alg': 'HS256', 'typ': 'JWT'}
    claims = _claims(body['token'])
    assert claims['sub'] == 'demo'
    assert claims['exp'] - claims['iat'] in (3600, 3601)


def test_bad_client_credentials_give_authorization_failed(simulator):
    status, _headers, body = simulator.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'wrong'})
    assert status == 401
    assert body['status'] == 'error' and 'Authorization failed' in body['message']
    assert 'errors' not in body
    assert 'wrong' not in json.dumps(body)


@pytest.mark.parametrize('body', [{}, {'client_id': 'demo'}, {'client_secret': 'demo-secret'}, {'client_id': 1, 'client_secret': 'x'}])
def test_missing_credentials_are_a_bad_request(simulator, body):
    status, _headers, answer = simulator.request('POST', '/auth', body)
    assert status == 400
    assert answer['errors']


@pytest.mark.parametrize('raw', ['{not json', '[1, 2]', '', '"text"'])
def test_malformed_json_is_a_bad_request(simulator, raw):
    status, _headers, body = simulator.request('POST', '/auth', raw_body=raw, headers={'Content-Type': 'application/json'})
    assert status == 400
    assert body['status'] == 'error' and 'errors' in body


@pytest.mark.parametrize('token', [None, 'garbage', 'a.b.c'])
def test_missing_or_invalid_token_is_unauthorized(simulator, token):
    status, _headers, body = simulator.api('GET', '/dns', token=token)
    assert status == 401
    assert body['status'] == 'error' and 'Unauthorized' in body['message']


def test_tampered_token_is_unauthorized(simulator):
    token = simulator.token()
    header, payload, signature = token.split('.')
    claims = _claims(token)
    claims['exp'] += 100000
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b'=').decode()
    assert simulator.api('GET', '/dns', token='%s.%s.%s' % (header, forged, signature))[0] == 401
    assert simulator.api('GET', '/dns', token=token)[0] == 200


def test_non_bearer_scheme_is_unauthorized(simulator):
    status, _headers, _body = simulator.request('GET', '/dns', headers={'Authorization': 'Basic ZGVtbzpkZW1v'})
    assert status == 401


def test_expire_tokens_invalidates_every_issued_token(simulator):
    token = simulator.token()
    assert simulator.api('GET', '/dns', token=token)[0] == 200
    simulator.admin('POST', 'expire-tokens')
    assert simulator.api('GET', '/dns', token=token)[0] == 401
    assert simulator.api('GET', '/dns', token=simulator.token(fresh=True))[0] == 200


def test_reset_keeps_credentials_and_tokens(simulator):
    token = simulator.token()
    simulator.admin('POST', 'reset')
    assert simulator.api('GET', '/dns', token=token)[0] == 200


def test_token_of_another_simulator_is_unauthorized(simulator, start_simulator):
    other = start_simulator()
    assert simulator.api('GET', '/dns', token=other.token())[0] == 401


def test_token_expires_after_the_ttl_setting(simulator):
    simulator.settings(token_ttl=1)
    status, _headers, body = simulator.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'demo-secret'})
    assert body['expires_in'] == 1
    claims = _claims(body['token'])
    assert claims['exp'] - claims['iat'] in (1, 2)


def test_token_issuer_expiry_and_revocation_with_a_fake_clock():
    now = [1000.0]
    issuer = TokenIssuer(key=b'k' * 32, clock=lambda: now[0])
    token = issuer.issue('demo', 10)
    assert issuer.verify(token)['sub'] == 'demo'
    now[0] = 1009.9
    issuer.verify(token)
    now[0] = 1010.0
    with pytest.raises(TokenError, match='expired'):
        issuer.verify(token)
    now[0] = 1000.0
    issuer.revoke_all()
    with pytest.raises(TokenError, match='revoked'):
        issuer.verify(token)
    with pytest.raises(TokenError, match='signature'):
        TokenIssuer(key=b'x' * 32, clock=lambda: now[0]).verify(issuer.issue('demo', 10))


def test_unknown_path_is_not_found(simulator):
    status, _headers, body = simulator.api('GET', '/nope')
    assert status == 404 and body['status'] == 'error'


@pytest.mark.parametrize('method, path, allowed', [
    ('GET', '/auth', 'POST'),
    ('DELETE', '/dns', 'GET'),
    ('POST', '/dns/example.nl/records', 'GET, PUT'),
    ('GET', '/domainholders/search', 'POST'),
    ('PATCH', '/dns/example.nl/records/delete', 'POST'),
    ('GET', '/domainholders/1', 'DELETE, PATCH'),
])
def test_wrong_method_on_a_known_path_is_method_not_allowed(simulator, method, path, allowed):
    status, headers, body = simulator.api(method, path)
    assert status == 405
    assert headers['Allow'] == allowed
    assert body['status'] == 'error'
