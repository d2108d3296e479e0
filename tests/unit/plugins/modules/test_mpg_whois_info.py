# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.modules import mpg_whois_info


def test_free_name(run_module, simulator):
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl'})
    assert not run.failed
    assert run['available'] is True
    assert run['changed'] is False
    assert run['whois']['status'] == 'free'
    assert run['results'][0]['domain'] == 'brand-new.nl'


def test_taken_name_has_registration_fields(run_module, simulator):
    simulator.set_state({'taken': ['registered-elsewhere.nl']})
    run = run_module(mpg_whois_info, {'name': 'registered-elsewhere.nl'})
    assert run['available'] is False
    assert run['whois']['status'] == 'active'
    assert run['whois']['expires_at']


def test_idn_unicode_and_punycode_give_the_same_answer(run_module, simulator):
    simulator.set_state({'taken': ['xn--bcher-kva.nl']})
    unicode_run = run_module(mpg_whois_info, {'name': 'Bücher.nl'})
    puny_run = run_module(mpg_whois_info, {'name': 'xn--bcher-kva.nl'})
    assert unicode_run['whois'] == puny_run['whois']
    assert unicode_run['whois']['domain'] == 'xn--bcher-kva.nl'
    assert unicode_run['whois']['domain_unicode'] == 'bücher.nl'


def test_many_names_in_chunks_of_fifty_duplicates_once(run_module, simulator):
    names = ['name-%03d.nl' % i for i in range(120)] + ['NAME-000.NL']
    run = run_module(mpg_whois_info, {'names': names})
    assert len(run['results']) == 120
    assert len([r for r in simulator.requests() if r['path'] == '/whois']) == 3


@pytest.mark.parametrize('bad', ['a..b.nl', 'a' * 64 + '.nl', 'exa mple.nl', 'exa/mple.nl', 'x?.nl', 'x#.nl', '-x.nl',
                                 'nl', '.'.join(['a' * 60] * 5)])
def test_invalid_names_fail_before_any_request(run_module, simulator, bad):
    run = run_module(mpg_whois_info, {'names': ['good.nl', bad]})
    assert run.failed
    assert run['msg'].startswith('names: ')
    assert simulator.requests() == []


def test_both_name_and_names_is_an_error(run_module, simulator):
    run = run_module(mpg_whois_info, {'name': 'a.nl', 'names': ['b.nl']})
    assert run.failed and 'mutually exclusive' in run['msg']
    assert simulator.requests() == []


def test_server_error_is_never_available(run_module, simulator):
    simulator.add_fault(method='GET', path_regex='^/whois/', status=500, times=100)
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl'})
    assert run.failed
    assert 'available' not in run.result
    assert 'HTTP 500' in run['msg']
    assert simulator.client_secret not in run.output


def test_throttled_first_try_is_retried(run_module, simulator):
    simulator.add_fault(method='GET', path_regex='^/whois/', status=429, times=1, retry_after=1)
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl'})
    assert run['available'] is True
    assert [r['status'] for r in simulator.requests() if r['path'].startswith('/whois')] == [429, 200]


def test_token_expired_mid_run_is_renewed(run_module, simulator):
    run_module(mpg_whois_info, {'name': 'brand-new.nl'})
    simulator.expire_tokens()
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl'})
    assert not run.failed
    assert [r['status'] for r in simulator.requests()] == [200, 200, 401, 200, 200]


def test_missing_credentials_fail_clearly(run_module, simulator):
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl', 'client_id': None, 'client_secret': None})
    assert run.failed
    assert 'no credentials' in run['msg']
    assert simulator.requests() == []


@pytest.mark.parametrize('api_url, problem', [
    ('127.0.0.1:1/v1', 'must start with https://'),
    ('ftp://api.example/v1', 'must start with https://'),
    ('https:///v1', 'names no host'),
    ('https://api.example/v1?x=1', 'must not contain a query'),
    ('https://user:pw@api.example/v1', 'must not contain'),
])
def test_bad_api_url_fails_before_any_request(run_module, simulator, api_url, problem):
    run = run_module(mpg_whois_info, {'name': 'brand-new.nl', 'api_url': api_url})
    assert run.failed
    assert run['msg'].startswith('api_url (or MPG_API_URL): ')
    assert problem in run['msg']
    assert 'pw@' not in run['msg']
    assert simulator.requests() == []
