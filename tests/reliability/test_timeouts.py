# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Writes the server carried out but answered after the client's time-out (``delay_after``).

The next state must be right, nothing may exist twice, and re-runs must be unchanged.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from reliability_plays import api_requests, clear_faults, fault, mpg

RECORDS = '/dns/example.nl/records'
TIMEOUT = 2
LATE = 4        # seconds the simulator waits after acting, before it answers
HOLDER = dict(email='jan@example.nl', first_name='Jan', last_name='Jansen', phone='+31.201234567',
              street='Voorbeeldstraat', house_number='1', postal_code='1234 AB', city='Amsterdam',
              country_code='NL')


def late(name, method, path_regex):
    return fault(name, method=method, path_regex=path_regex, delay_after=LATE, times=1)


def test_writes_answered_after_the_timeout_are_not_repeated(sim, playbook):
    sim.set_state({
        'zones': {'example.nl': [{'id': 1, 'name': 'www', 'type': 'A', 'content': '192.0.2.1', 'ttl': 3600}]},
        'holders': [dict(HOLDER, id=7)],
    })
    add = dict(zone='example.nl', record='api', type='A', value='192.0.2.50', timeout=TIMEOUT)
    update = dict(zone='example.nl', record='www', type='A', value='192.0.2.11', timeout=TIMEOUT)
    zone = dict(zone='example.nl', timeout=TIMEOUT, records=[
        dict(record='shop', type='A', value=['192.0.2.60']), dict(record='cdn', type='A', value=['192.0.2.61'])])
    holder = dict(HOLDER, email='piet@example.nl', timeout=TIMEOUT)
    domain = dict(name='new-shop.nl', domainholder_id=7, timeout=TIMEOUT)
    run = playbook([
        late('late AddRecord', 'PUT', '^%s$' % RECORDS),
        mpg('add', 'mpg_dns_record', add),
        mpg('add again', 'mpg_dns_record', add),
        late('late UpdateRecord', 'PATCH', '^%s/1$' % RECORDS),
        mpg('update', 'mpg_dns_record', update),
        mpg('update again', 'mpg_dns_record', update),
        late('late AddRecord in a zone', 'PUT', '^%s$' % RECORDS),
        mpg('zone', 'mpg_dns_zone', zone),
        mpg('zone again', 'mpg_dns_zone', zone),
        late('late holder create', 'PUT', '^/domainholders$'),
        mpg('holder', 'mpg_domain_holder', holder),
        mpg('holder again', 'mpg_domain_holder', holder),
        late('late register', 'POST', '^/domains$'),
        mpg('register', 'mpg_domain', domain),
        mpg('register again', 'mpg_domain', domain),
        clear_faults('clear'),
    ], sim=sim)
    state = sim.get_state()
    names = sorted((r['name'], r['content']) for r in state['zones']['example.nl'])
    # Every task succeeded, said that the answer was lost, and changed what it should.
    for task in ('add', 'update', 'zone', 'holder', 'register'):
        assert run.status(task) == 'ok', (task, run.result(task))
        assert run.result(task)['changed'] is True, (task, run.result(task))
        warnings = ' '.join(run.result(task).get('warnings', []))
        assert 'within %d seconds' % TIMEOUT in warnings, (task, warnings)
    # Each write was sent exactly once.
    assert len(api_requests(run.requests('add'), 'PUT', RECORDS)) == 1
    assert len(api_requests(run.requests('update'), 'PATCH', RECORDS + '/1')) == 1
    assert len(api_requests(run.requests('zone'), 'PUT', RECORDS)) == 2
    assert len(api_requests(run.requests('holder'), 'PUT', '/domainholders')) == 1
    assert len(api_requests(run.requests('register'), 'POST', '/domains')) == 1
    # Nothing exists twice, and the state is the desired one.
    assert names == [('api', '192.0.2.50'), ('cdn', '192.0.2.61'), ('shop', '192.0.2.60'), ('www', '192.0.2.11')]
    assert [h['email'] for h in state['holders']].count('piet@example.nl') == 1
    assert [d['domain'] for d in state['domains']] == ['new-shop.nl']
    assert run.result('holder')['domainholder']['email'] == 'piet@example.nl'
    # Re-runs change nothing and write nothing.
    for task in ('add', 'update', 'zone', 'holder', 'register'):
        assert run.status(task + ' again') == 'ok', run.result(task + ' again')
        assert run.result(task + ' again')['changed'] is False, (task, run.result(task + ' again'))
        assert not [r for r in run.requests(task + ' again') if r['method'] in ('PUT', 'PATCH') or
                    r['path'] in ('/domains', RECORDS + '/delete')]


def test_other_lost_answers_are_settled_by_reading_again(sim, playbook):
    """A dropped connection after the server acted, and a success answer without the expected fields."""
    sim.set_state({'zones': {'example.nl': []}, 'holders': [dict(HOLDER, id=7)]})
    dropped = dict(zone='example.nl', record='dropped', type='A', value='192.0.2.70')
    garbled = dict(zone='example.nl', record='garbled', type='A', value='192.0.2.71')
    domain = dict(name='new-shop.nl', domainholder_id=7)
    run = playbook([
        fault('AddRecord acts, then drops the connection', method='PUT', path_regex='^%s$' % RECORDS, close=True,
              times=1),
        mpg('dropped', 'mpg_dns_record', dropped),
        mpg('dropped again', 'mpg_dns_record', dropped),
        fault('AddRecord answered 201 without a record', method='PUT', path_regex='^%s$' % RECORDS, status=201,
              body={'status': 'success'}, times=1),
        mpg('garbled', 'mpg_dns_record', garbled),
        mpg('garbled again', 'mpg_dns_record', garbled),
        fault('register answered 201 without a domain', method='POST', path_regex='^/domains$', status=201,
              body={'status': 'success'}, times=1),
        mpg('register', 'mpg_domain', domain),
        mpg('register again', 'mpg_domain', domain),
    ], sim=sim)
    # Carried out, answer lost: found by reading again, counted as done, not resent.
    assert run.status('dropped') == 'ok' and run.result('dropped')['changed'] is True, run.result('dropped')
    assert 'not sent again' in ' '.join(run.result('dropped')['warnings'])
    assert len(api_requests(run.requests('dropped'), 'PUT', RECORDS)) == 1
    assert run.result('dropped again')['changed'] is False
    # The simulator's garbled answer replaced the operation, so reading again finds nothing: a clear failure
    # that says so, and the re-run does it.
    result = run.result('garbled')
    assert run.failed('garbled') and 'lacks the field "record"' in result['msg'], result
    assert 'had not been' in result['msg'], result['msg']
    assert run.status('garbled again') == 'ok' and run.result('garbled again')['changed'] is True
    result = run.result('register')
    assert run.failed('register') and 'lacks the field "domain"' in result['msg'], result
    assert len(api_requests(run.requests('register'), 'POST', '/domains')) == 1
    assert api_requests(run.requests('register'), 'GET', '/dns'), 'the account was not read again'
    assert run.status('register again') == 'ok' and run.result('register again')['changed'] is True
    names = sorted(r['name'] for r in sim.get_state()['zones']['example.nl'] if r['type'] == 'A')
    assert names == ['dropped', 'garbled']
    assert [d['domain'] for d in sim.get_state()['domains']] == ['new-shop.nl']
