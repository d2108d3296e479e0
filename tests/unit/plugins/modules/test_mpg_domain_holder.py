# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mpg_domain_holder, mpg_domain_holder_info and resolve_holder_id against the simulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGClient
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    HolderAmbiguousError,
    HolderInputError,
    HolderNotFoundError,
    resolve_holder_id,
)
from ansible_collections.mijnpartnergroep.domains.plugins.modules import mpg_domain_holder, mpg_domain_holder_info


JAN_ARGS = {
    'email': 'jan@example.nl', 'first_name': 'Jan', 'last_name': 'Jansen', 'phone': '+31 (0)20 555 0100',
    'street': 'Voorbeeldstraat', 'house_number': '1', 'postal_code': '1234 AB', 'city': 'Amsterdam',
    'country_code': 'nl',
}
JAN_STORED = {
    'company_name': None, 'first_name': 'Jan', 'last_name': 'Jansen', 'email': 'jan@example.nl',
    'phone': '+31.205550100', 'street': 'Voorbeeldstraat', 'house_number': '1', 'house_number_suffix': None,
    'postal_code': '1234 AB', 'city': 'Amsterdam', 'country_code': 'NL',
}

READS = ('/auth', '/domainholders/search')


def writes(simulator):
    return [r for r in simulator.requests() if r['method'] != 'GET' and r['path'] not in READS]


def test_create_then_unchanged(run_module, simulator):
    check = run_module(mpg_domain_holder, JAN_ARGS, check_mode=True, diff=True)
    assert check['changed'] and writes(simulator) == []
    created = run_module(mpg_domain_holder, JAN_ARGS, diff=True)
    assert created['changed']
    assert created['diff'] == check['diff']
    assert created['diff']['before'] == {}
    assert created['domainholder'] == dict(JAN_STORED, id=created['domainholder']['id'])
    simulator.clear_requests()
    again = run_module(mpg_domain_holder, dict(JAN_ARGS, email='JAN@EXAMPLE.NL', phone='0031-20-5550100',
                                               country_code='NL', city=' Amsterdam'))
    assert not again['changed']
    assert writes(simulator) == []


def test_update_only_changed_field(run_module, simulator):
    simulator.set_state({'holders': [dict(JAN_STORED, id=3)]})
    run = run_module(mpg_domain_holder, {'email': 'jan@example.nl', 'city': 'Delft'}, diff=True)
    assert run['changed']
    assert run['diff'] == {'before': {'city': 'Amsterdam'}, 'after': {'city': 'Delft'}}
    assert [(w['method'], w['path']) for w in writes(simulator)] == [('PATCH', '/domainholders/3')]
    assert simulator.get_state()['holders'] == [dict(JAN_STORED, id=3, city='Delft')]


def test_bad_input_sends_no_request(run_module, simulator):
    run = run_module(mpg_domain_holder, dict(JAN_ARGS, phone='020 555 0100', country_code='UK'))
    assert run.failed
    assert 'phone' in run['msg'] and 'did you mean GB' in run['msg']
    assert simulator.requests() == []


def test_missing_required_fields(run_module, simulator):
    run = run_module(mpg_domain_holder, {'email': 'new@example.nl', 'first_name': 'New'})
    assert run.failed
    assert 'missing: last_name, phone, street, house_number, postal_code, city, country_code' in run['msg']
    assert writes(simulator) == []


def test_unknown_id(run_module, simulator):
    run = run_module(mpg_domain_holder, {'id': 42, 'city': 'Delft'})
    assert run.failed and 'id 42 does not exist' in run['msg']


def test_shared_email_fails_before_writing(run_module, simulator):
    simulator.set_state({'holders': [dict(JAN_STORED, id=1), dict(JAN_STORED, id=2, email='Jan@Example.nl')]})
    run = run_module(mpg_domain_holder, dict(JAN_ARGS, city='Delft'))
    assert run.failed
    assert 'ids: 1, 2' in run['msg'] and 'with id' in run['msg']
    assert writes(simulator) == []


def test_delete_in_use_check_mode_and_twice(run_module, simulator):
    simulator.set_state({'holders': [dict(JAN_STORED, id=1), dict(JAN_STORED, id=2, email='piet@example.nl')],
                         'domains': [{'domain': 'jansen.nl', 'domainholder_id': 1, 'period': 1}]})
    in_use = run_module(mpg_domain_holder, {'id': 1, 'state': 'absent'})
    assert in_use.failed and 'still used by a domain' in in_use['msg'] and 'jansen.nl' in in_use['msg']

    simulator.clear_requests()
    check = run_module(mpg_domain_holder, {'email': 'piet@example.nl', 'state': 'absent'}, check_mode=True, diff=True)
    assert check['changed'] and check['diff']['after'] == {} and check['diff']['before']['id'] == 2
    assert writes(simulator) == []

    deleted = run_module(mpg_domain_holder, {'email': 'piet@example.nl', 'state': 'absent'}, diff=True)
    assert deleted['changed'] and deleted['diff'] == check['diff'] and deleted['domainholder'] == {}
    again = run_module(mpg_domain_holder, {'email': 'piet@example.nl', 'state': 'absent'})
    assert not again['changed']
    assert [h['id'] for h in simulator.get_state()['holders']] == [1]


def test_timed_out_create_is_found_not_duplicated(run_module, simulator):
    simulator.add_fault(method='PUT', path_regex='^/domainholders$', status=None, times=1, delay_after=3)
    run = run_module(mpg_domain_holder, dict(JAN_ARGS, timeout=1))
    assert not run.failed, run['msg']
    assert run['changed'] and run['domainholder']['id']
    assert any('did not confirm the creation' in warning for warning in run.warnings)
    assert len(simulator.get_state()['holders']) == 1


def test_info_by_email_and_id(run_module, simulator):
    simulator.set_state({'holders': [dict(JAN_STORED, id=1), dict(JAN_STORED, id=2, email='JAN@example.nl'),
                                     dict(JAN_STORED, id=3, email='piet@example.nl')]})
    by_email = run_module(mpg_domain_holder_info, {'email': 'jan@EXAMPLE.nl'})
    assert sorted(h['id'] for h in by_email['domainholders']) == [1, 2]
    assert not by_email['changed']
    assert run_module(mpg_domain_holder_info, {'id': 3})['domainholders'] == [dict(JAN_STORED, id=3,
                                                                                   email='piet@example.nl')]
    assert run_module(mpg_domain_holder_info, {'id': 9})['domainholders'] == []
    assert writes(simulator) == []


def test_resolve_holder_id_with_the_real_client(simulator, tmp_path):
    simulator.set_state({'holders': [dict(JAN_STORED, id=1), dict(JAN_STORED, id=2, email='JAN@example.nl'),
                                     dict(JAN_STORED, id=3, email='piet@example.nl')]})
    client = MPGClient(simulator.url, client_id=simulator.client_id, client_secret=simulator.client_secret,
                       token_cache=False)
    assert resolve_holder_id(client, email='Piet@Example.NL') == 3
    assert resolve_holder_id(client, holder_id=2) == 2
    with pytest.raises(HolderAmbiguousError, match='Give the one you mean with domainholder_id'):
        resolve_holder_id(client, email='jan@example.nl', id_option='domainholder_id')
    with pytest.raises(HolderNotFoundError):
        resolve_holder_id(client, holder_id=99)
    simulator.clear_requests()
    with pytest.raises(HolderInputError):
        resolve_holder_id(client, email='no-at-sign')
    assert simulator.requests() == []
