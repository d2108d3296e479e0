# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""docs/api/openapi.yaml is a valid OpenAPI document, and the simulator's answers conform to it.

Every documented response (success and error) of every operation is produced by a real simulator
request and validated with openapi-core against a strict copy of the document (no undocumented
fields). A table check proves that the cases below cover every documented response.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import os
import re
import urllib.parse

import pytest

yaml = pytest.importorskip('yaml')
openapi_core = pytest.importorskip('openapi_core')
openapi_spec_validator = pytest.importorskip('openapi_spec_validator')

from openapi_core.testing import MockRequest, MockResponse  # noqa: E402 pylint: disable=wrong-import-position
from openapi_schema_validator import OAS30Validator  # noqa: E402 pylint: disable=wrong-import-position

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SPEC_PATH = os.path.join(REPO, 'docs', 'api', 'openapi.yaml')
HOST = 'https://api.mijnpartnergroep.nl'
BASE_PATH = '/v1'
METHODS = ('get', 'put', 'post', 'patch', 'delete')

OPERATIONS = {
    ('post', '/auth'): 'Authenticate to the API',
    ('get', '/whois/{domain}'): 'Check WHOIS for a single domain',
    ('post', '/whois'): 'Check WHOIS for multiple domains',
    ('post', '/domains'): 'Register a single domain',
    ('post', '/domains/bulk'): 'Register multiple domains',
    ('put', '/domainholders'): 'Create a new DomainHolder',
    ('post', '/domainholders/search'): 'Get a DomainHolder by ID or email address',
    ('patch', '/domainholders/{id}'): 'Update an existing DomainHolder',
    ('delete', '/domainholders/{id}'): 'Delete a DomainHolder',
    ('get', '/dns'): 'ListDomain',
    ('get', '/dns/{domain}/records'): 'GetRecords',
    ('put', '/dns/{domain}/records'): 'AddRecord',
    ('patch', '/dns/{domain}/records/{id}'): 'UpdateRecord',
    ('post', '/dns/{domain}/records/delete'): 'DeleteRecord',
}
DOCUMENTED_SCHEMAS = ('DomainHolderSearch', 'Record', 'Domain', 'Zones', 'DomainHolder', 'BulkRegisterRequest',
                      'AuthenticationSuccess', 'WhoisResult')
DOCUMENTED_RESPONSES = ('AuthenticationSuccess', 'AuthorizationFailed', 'BadRequest', 'PaymentRequired', 'Unauthorized',
                        'NotFound', 'MethodNotAllowed', 'UnprocessableEntity', 'InternalServerError',
                        'QuotaExceeded', 'TooManyRequests')

HOLDER = {'company_name': None, 'first_name': 'Jan', 'last_name': 'Jansen', 'email': 'jan@example.nl',
          'phone': '+31.201234567', 'street': 'Voorbeeldstraat', 'house_number': '1', 'house_number_suffix': None,
          'postal_code': '1234 AB', 'city': 'Amsterdam', 'country_code': 'NL'}
STATE = {
    'holders': [dict(HOLDER, id=1), dict(HOLDER, id=2, company_name='Jansen BV', house_number_suffix='a')],
    'domains': [{'domain': 'mine.nl', 'domainholder_id': 1, 'period': 1}],
    'zones': {'example.nl': [
        {'id': 1, 'name': 'www', 'type': 'A', 'content': '192.0.2.10'},
        {'id': 2, 'name': '@', 'type': 'TXT', 'content': 'x' * 300},
        {'id': 3, 'name': '@', 'type': 'MX', 'content': 'mx.example.nl', 'priority': 10},
        {'id': 4, 'name': '_sip._tcp', 'type': 'SRV', 'content': 'sip.example.nl', 'priority': 1, 'weight': 2, 'port': 5060},
    ]},
    'taken': ['elsewhere.nl', {'domain': 'cool.nl', 'status': 'quarantine'}],
}
CREDENTIALS = {'client_id': 'demo', 'client_secret': 'demo-secret'}
RECORD = {'name': 'new', 'type': 'AAAA', 'content': '2001:db8::1'}
DOMAIN = {'domain': 'fresh.nl', 'domainholder_id': 1, 'period': 1}

# (template, actual path, body, expected status, special) -- special: None, 'raw' (body is raw text),
# 'no_debit' (account without direct debit). Generic 401/403/429/500 cases are added for every operation.
SPECIFIC_CASES = [
    (('post', '/auth'), '/auth', CREDENTIALS, 200, None),
    (('post', '/auth'), '/auth', {'client_id': 'demo'}, 400, None),
    (('post', '/auth'), '/auth', '{broken', 400, 'raw'),
    (('post', '/auth'), '/auth', dict(CREDENTIALS, client_secret='wrong'), 401, None),

    (('get', '/whois/{domain}'), '/whois/free.nl', None, 200, None),
    (('get', '/whois/{domain}'), '/whois/elsewhere.nl', None, 200, None),
    (('get', '/whois/{domain}'), '/whois/mine.nl', None, 200, None),
    (('get', '/whois/{domain}'), '/whois/cool.nl', None, 200, None),
    (('get', '/whois/{domain}'), '/whois/a..b.nl', None, 200, None),

    (('post', '/whois'), '/whois', {'domains': ['free.nl', 'elsewhere.nl', 'mine.nl', 'bad..nl']}, 200, None),
    (('post', '/whois'), '/whois', {}, 400, None),
    (('post', '/whois'), '/whois', {'domains': []}, 422, None),

    (('post', '/domains'), '/domains', DOMAIN, 201, None),
    (('post', '/domains'), '/domains', dict(DOMAIN, nameservers=['ns1.example.net', 'ns2.example.net']), 201, None),
    (('post', '/domains'), '/domains', {'domain': 'fresh.nl'}, 400, None),
    (('post', '/domains'), '/domains', DOMAIN, 402, 'no_debit'),
    (('post', '/domains'), '/domains', dict(DOMAIN, domainholder_id=99), 404, None),
    (('post', '/domains'), '/domains', dict(DOMAIN, domain='elsewhere.nl'), 422, None),
    (('post', '/domains'), '/domains', dict(DOMAIN, period=11), 422, None),

    (('post', '/domains/bulk'), '/domains/bulk', {'domains': [DOMAIN, dict(DOMAIN, domain='elsewhere.nl')]}, 200, None),
    (('post', '/domains/bulk'), '/domains/bulk', {}, 400, None),
    (('post', '/domains/bulk'), '/domains/bulk', {'domains': [DOMAIN]}, 402, 'no_debit'),
    (('post', '/domains/bulk'), '/domains/bulk', {'domains': []}, 422, None),

    (('put', '/domainholders'), '/domainholders', dict(HOLDER, email='new@example.nl'), 201, None),
    (('put', '/domainholders'), '/domainholders', {'first_name': 'Jan'}, 400, None),
    (('put', '/domainholders'), '/domainholders', dict(HOLDER, country_code='Netherlands'), 422, None),

    (('post', '/domainholders/search'), '/domainholders/search', {'email': 'JAN@example.nl'}, 200, None),
    (('post', '/domainholders/search'), '/domainholders/search', {'id': 99}, 200, None),
    (('post', '/domainholders/search'), '/domainholders/search', {}, 400, None),
    (('post', '/domainholders/search'), '/domainholders/search', {'id': 'one'}, 422, None),

    (('patch', '/domainholders/{id}'), '/domainholders/2', {'city': 'Utrecht'}, 200, None),
    (('patch', '/domainholders/{id}'), '/domainholders/2', '[', 400, 'raw'),
    (('patch', '/domainholders/{id}'), '/domainholders/99', {'city': 'Utrecht'}, 404, None),
    (('patch', '/domainholders/{id}'), '/domainholders/2', {'phone': '020'}, 422, None),

    (('delete', '/domainholders/{id}'), '/domainholders/2', None, 200, None),
    (('delete', '/domainholders/{id}'), '/domainholders/99', None, 404, None),
    (('delete', '/domainholders/{id}'), '/domainholders/1', None, 422, None),

    (('get', '/dns'), '/dns', None, 200, None),

    (('get', '/dns/{domain}/records'), '/dns/example.nl/records', None, 200, None),
    (('get', '/dns/{domain}/records'), '/dns/example.nl/records?page=2&per_page=2', None, 200, None),
    (('get', '/dns/{domain}/records'), '/dns/nowhere.nl/records', None, 404, None),
    (('get', '/dns/{domain}/records'), '/dns/example.nl/records?page=0', None, 422, None),

    (('put', '/dns/{domain}/records'), '/dns/example.nl/records', RECORD, 201, None),
    (('put', '/dns/{domain}/records'), '/dns/example.nl/records',
     {'name': 'S', 'type': 'SRV', 'content': 't.example.nl', 'priority': 1, 'weight': 1, 'port': 1, 'ttl': 60}, 201, None),
    (('put', '/dns/{domain}/records'), '/dns/example.nl/records', {'name': 'x'}, 400, None),
    (('put', '/dns/{domain}/records'), '/dns/nowhere.nl/records', RECORD, 404, None),
    (('put', '/dns/{domain}/records'), '/dns/example.nl/records', {'name': 'www', 'type': 'CNAME', 'content': 'a.example.nl'}, 422, None),

    (('patch', '/dns/{domain}/records/{id}'), '/dns/example.nl/records/1', {'ttl': 300}, 200, None),
    (('patch', '/dns/{domain}/records/{id}'), '/dns/example.nl/records/2', {'ttl': 300}, 200, None),
    (('patch', '/dns/{domain}/records/{id}'), '/dns/example.nl/records/1', '{', 400, 'raw'),
    (('patch', '/dns/{domain}/records/{id}'), '/dns/example.nl/records/99', {'ttl': 300}, 404, None),
    (('patch', '/dns/{domain}/records/{id}'), '/dns/example.nl/records/1', {'ttl': 5}, 422, None),

    (('post', '/dns/{domain}/records/delete'), '/dns/example.nl/records/delete', {'id': 1}, 200, None),
    (('post', '/dns/{domain}/records/delete'), '/dns/example.nl/records/delete', {}, 400, None),
    (('post', '/dns/{domain}/records/delete'), '/dns/example.nl/records/delete', {'id': 99}, 404, None),
    (('post', '/dns/{domain}/records/delete'), '/dns/example.nl/records/delete', {'id': 'x'}, 422, None),
]


def _example_call(operation):
    """A successful call of each operation, used for the generic error cases."""
    for case in SPECIFIC_CASES:
        if case[0] == operation and case[3] in (200, 201):
            return case
    raise AssertionError(operation)


def _generic_cases():
    cases = []
    for operation in OPERATIONS:
        _op, path, body, _status, special = _example_call(operation)
        if operation != ('post', '/auth'):
            cases.append((operation, path, body, 401, 'no_token'))
            cases.append((operation, path, body, 403, 'quota'))
        cases.append((operation, path, body, 429, 'throttle'))
        cases.append((operation, path, body, 500, 'fault'))
    return cases


CASES = SPECIFIC_CASES + _generic_cases()


def _load_spec():
    with open(SPEC_PATH, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def _strict(node):
    """Copy of the document where objects admit no undocumented properties."""
    if isinstance(node, dict):
        node = dict((key, _strict(value)) for key, value in node.items())
        if node.get('type') == 'object' and 'properties' in node and 'additionalProperties' not in node:
            node['additionalProperties'] = False
        return node
    if isinstance(node, list):
        return [_strict(item) for item in node]
    return node


@pytest.fixture(scope='module')
def spec():
    return _load_spec()


@pytest.fixture(scope='module')
def strict_openapi(spec):
    return openapi_core.OpenAPI.from_dict(_strict(copy.deepcopy(spec)))


def test_document_is_a_valid_openapi_document(spec):
    openapi_spec_validator.validate(spec)
    assert spec['openapi'].startswith('3.')
    assert spec['servers'][0]['url'] == HOST + BASE_PATH


def test_document_has_the_documented_operations_and_names(spec):
    found = dict(((method, path), operation['summary']) for path, item in spec['paths'].items()
                 for method, operation in item.items() if method in METHODS)
    assert found == OPERATIONS
    for name in DOCUMENTED_SCHEMAS:
        assert name in spec['components']['schemas'], name
    for name in DOCUMENTED_RESPONSES:
        assert name in spec['components']['responses'], name
    assert spec['components']['securitySchemes']['bearerAuth'] == dict(
        spec['components']['securitySchemes']['bearerAuth'], type='http', scheme='bearer', bearerFormat='JWT')
    assert spec['paths']['/auth']['post']['security'] == []
    operation_ids = [op['operationId'] for item in spec['paths'].values() for m, op in item.items() if m in METHODS]
    assert len(set(operation_ids)) == 14


def test_every_documented_response_is_exercised(spec):
    documented = set((method, path, int(status)) for path, item in spec['paths'].items()
                     for method, operation in item.items() if method in METHODS
                     for status in operation['responses'])
    exercised = set((case[0][0], case[0][1], case[3]) for case in CASES)
    assert documented - exercised == set()
    assert exercised - documented == set()


def _prepare(sim, special):
    state = copy.deepcopy(STATE)
    if special == 'no_debit':
        state['account'] = {'direct_debit': False, 'quota_remaining': None}
    if special == 'quota':
        state['account'] = {'direct_debit': True, 'quota_remaining': 0}
    sim.set_state(state)


def _validate(openapi, template, path, status, headers, payload):
    parts = urllib.parse.urlsplit(path)
    request = MockRequest(HOST, template[0], BASE_PATH + parts.path,
                          args=dict(urllib.parse.parse_qsl(parts.query)))
    response = MockResponse(payload, status_code=status, headers=dict(headers.items()),
                            content_type=headers.get('Content-Type'))
    openapi.validate_response(request, response)


@pytest.mark.parametrize('template, path, body, status, special', CASES,
                         ids=['%s %s %s %s' % (c[0][0].upper(), c[1], c[3], c[4] or '') for c in CASES])
def test_simulator_response_conforms_to_the_document(simulator, strict_openapi, template, path, body, status, special):
    _prepare(simulator, special)
    method = template[0].upper()
    if template != ('post', '/auth'):
        simulator.token()
    headers = {} if template == ('post', '/auth') or special == 'no_token' else simulator.auth_headers()
    raw = body if special == 'raw' else None
    json_body = None if special == 'raw' else body
    if special == 'fault':
        regex = '^%s$' % re.sub(r'\\\{[a-z]+\\\}', '[^/]+', re.escape(template[1]))
        simulator.add_fault(method=method, path_regex=regex, status=500, times=1)
    if special == 'throttle':
        simulator.settings(rate_limit=1)
        simulator.request_raw(method, path, json_body, headers=headers)
    got, response_headers, payload = simulator.request_raw(method, path, json_body, headers=headers, raw_body=raw)
    assert got == status, payload
    _validate(strict_openapi, template, path, got, response_headers, payload)
    if status == 429:
        assert int(response_headers['Retry-After']) >= 1


@pytest.mark.parametrize('method, path', [('DELETE', '/dns'), ('GET', '/auth'), ('PUT', '/whois'), ('GET', '/nothing')])
def test_method_not_allowed_and_not_found_bodies_conform(simulator, spec, method, path):
    strict = _strict(copy.deepcopy(spec))
    response_name = 'NotFound' if path == '/nothing' else 'MethodNotAllowed'
    schema_ref = strict['components']['responses'][response_name]['content']['application/json']['schema']['$ref']
    schema = strict['components']['schemas'][schema_ref.rsplit('/', 1)[1]]
    status, headers, body = simulator.api(method, path)
    assert status == (404 if path == '/nothing' else 405)
    OAS30Validator(schema).validate(body)
    if status == 405:
        assert headers['Allow']
