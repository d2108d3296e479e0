# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A flaky, throttled, exhausted, unreachable or garbled API: clear failures, no duplicates, no storms."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import socket

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _client
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError, MPGClient

from reliability_plays import api_requests, clear_faults, fault, mpg

RECORDS = '/dns/example.nl/records'
HOLDER = dict(email='jan@example.nl', first_name='Jan', last_name='Jansen', phone='+31.201234567',
              street='Voorbeeldstraat', house_number='1', postal_code='1234 AB', city='Amsterdam',
              country_code='NL')


def seed(sim, records=None, **extra):
    state = {'zones': {'example.nl': records if records is not None else [
        {'id': 1, 'name': 'www', 'type': 'A', 'content': '192.0.2.1', 'ttl': 3600},
        {'id': 2, 'name': 'mail', 'type': 'A', 'content': '192.0.2.2', 'ttl': 3600},
    ]}}
    state.update(extra)
    return sim.set_state(state)


def records_named(sim, name, zone='example.nl'):
    return [r for r in sim.get_state()['zones'][zone] if r['name'] == name]


def test_transient_503_on_reads_is_retried_without_duplicates(sim, playbook):
    seed(sim, holders=[dict(HOLDER, id=7)])
    run = playbook([
        fault('503 twice on GetRecords', method='GET', path_regex='^%s$' % RECORDS, status=503, times=2),
        mpg('record', 'mpg_dns_record', dict(zone='example.nl', record='api', type='A', value='192.0.2.50')),
        fault('503 twice on WHOIS', method='GET', path_regex='^/whois/', status=503, times=2, retry_after=0),
        mpg('whois', 'mpg_whois_info', dict(name='example.nl')),
        fault('503 twice on ListDomain', method='GET', path_regex='^/dns$', status=503, times=2, retry_after=0),
        mpg('zones', 'mpg_dns_zone_info', {}),
        fault('503 twice on holder search', method='POST', path_regex='^/domainholders/search$', status=503,
              times=2, retry_after=0),
        mpg('holder', 'mpg_domain_holder', HOLDER),
    ], sim=sim)
    for task in ('record', 'whois', 'zones', 'holder'):
        assert run.status(task) == 'ok', run.result(task)
    assert run.result('record')['changed'] is True
    assert run.result('holder')['changed'] is False     # found after the retries, not created again
    assert [r['status'] for r in api_requests(run.requests('record'), 'GET', RECORDS)] == [503, 503, 200]
    assert len(api_requests(run.requests('record'), 'PUT', RECORDS)) == 1
    assert len(api_requests(run.requests('whois'), 'GET')) == 3
    assert len(api_requests(run.requests('zones'), 'GET', '/dns')) == 3
    assert not api_requests(run.requests('holder'), 'PUT')
    assert [r['content'] for r in records_named(sim, 'api')] == ['192.0.2.50']
    assert len(sim.get_state()['holders']) == 1


def test_503_on_every_try_fails_clearly_and_writes_nothing(sim, playbook):
    seed(sim, holders=[dict(HOLDER, id=7)])
    run = playbook([
        fault('GetRecords always 503', method='GET', path_regex='^%s$' % RECORDS, status=503, retry_after=0),
        mpg('record', 'mpg_dns_record', dict(zone='example.nl', record='api', type='A', value='192.0.2.50')),
        mpg('zone', 'mpg_dns_zone', dict(zone='example.nl', records=[
            dict(record='api', type='A', value=['192.0.2.50'])])),
        clear_faults('clear'),
        fault('register always 503', method='POST', path_regex='^/domains$', status=503, retry_after=0),
        mpg('register', 'mpg_domain', dict(name='new-shop.nl', domainholder_id=7)),
        fault('holder create always 503', method='PUT', path_regex='^/domainholders$', status=503, retry_after=0),
        mpg('holder', 'mpg_domain_holder', dict(HOLDER, email='piet@example.nl')),
    ], sim=sim)
    for task in ('record', 'zone'):
        result = run.result(task)
        assert run.failed(task)
        assert 'GetRecords failed: HTTP 503' in result['msg']
        assert 'Traceback' not in result['msg']
        # Five tries of the read, never a write, never "no records".
        assert [r['method'] for r in run.requests(task) if r['path'] == RECORDS] == ['GET'] * 5
    # A registration is never resent: one POST, then the account is re-read.
    result = run.result('register')
    assert run.failed('register')
    assert len(api_requests(run.requests('register'), 'POST', '/domains')) == 1
    assert 'new-shop.nl' in result['msg'] and '503' in result['msg']
    assert result['failures'][0]['domain'] == 'new-shop.nl'
    # A holder create is never resent either; the holder is looked up again.
    result = run.result('holder')
    assert run.failed('holder')
    assert len(api_requests(run.requests('holder'), 'PUT', '/domainholders')) == 1
    assert 'creating the domain holder failed' in result['msg']
    state = sim.get_state()
    assert not records_named(sim, 'api')
    assert state['domains'] == []
    assert len(state['holders']) == 1


def test_dns_zone_failing_midway_reports_what_was_applied_and_a_rerun_converges(sim, playbook):
    seed(sim)
    desired = dict(zone='example.nl', records=[
        dict(record='www', type='A', value=['192.0.2.11']),      # update of id 1 (first)
        dict(record='mail', type='A', value=['192.0.2.12']),     # update of id 2 (fails)
        dict(record='shop', type='A', value=['192.0.2.13']),     # add (not attempted)
    ])
    run = playbook([
        fault('UpdateRecord of id 2 always 503', method='PATCH', path_regex='^%s/2$' % RECORDS, status=503),
        mpg('zone', 'mpg_dns_zone', desired),
        clear_faults('clear'),
        mpg('rerun', 'mpg_dns_zone', desired),
        mpg('third run', 'mpg_dns_zone', desired),
    ], sim=sim)
    result = run.result('zone')
    assert run.failed('zone')
    assert result['changed'] is True
    assert [(op['action'], op['record']) for op in result['applied']] == [('update', 'www')]
    assert (result['failed_operation']['action'], result['failed_operation']['record']) == ('update', 'mail')
    assert [(op['action'], op['record']) for op in result['not_applied']] == [('add', 'shop')]
    assert '1 of 3 operations were applied' in result['msg']
    assert 'HTTP 503' in result['msg']
    # The write was not resent.
    assert len(api_requests(run.requests('zone'), 'PATCH', RECORDS + '/2')) == 1
    assert run.status('rerun') == 'ok' and run.result('rerun')['changed'] is True
    assert [(op['action'], op['record']) for op in run.result('rerun')['operations']] == [
        ('update', 'mail'), ('add', 'shop')]
    assert run.status('third run') == 'ok' and run.result('third run')['changed'] is False
    contents = dict((r['name'], r['content']) for r in sim.get_state()['zones']['example.nl'])
    assert contents == {'www': '192.0.2.11', 'mail': '192.0.2.12', 'shop': '192.0.2.13'}


def test_429_retry_after_is_honoured_in_a_play(sim, playbook):
    seed(sim)
    run = playbook([
        fault('429 twice', method='GET', path_regex='^%s$' % RECORDS, status=429, times=2, retry_after=1),
        mpg('record', 'mpg_dns_record', dict(zone='example.nl', record='api', type='A', value='192.0.2.50')),
    ], sim=sim)
    assert run.status('record') == 'ok', run.result('record')
    assert [r['status'] for r in api_requests(run.requests('record'), 'GET', RECORDS)] == [429, 429, 200]
    assert len(api_requests(run.requests('record'), 'PUT', RECORDS)) == 1
    assert len(records_named(sim, 'api')) == 1


QUOTA_TASKS = [
    ('whois', 'mpg_whois_info', dict(name='example.nl')),
    ('zones', 'mpg_dns_zone_info', dict(zone='example.nl')),
    ('record', 'mpg_dns_record', dict(zone='example.nl', record='api', type='A', value='192.0.2.50')),
    ('zone', 'mpg_dns_zone', dict(zone='example.nl', records=[dict(record='api', type='A', value='192.0.2.5')])),
    ('holder info', 'mpg_domain_holder_info', dict(email='jan@example.nl')),
    ('holder', 'mpg_domain_holder', HOLDER),
    ('domain', 'mpg_domain', dict(name='new-shop.nl', domainholder_id=7)),
]


def test_403_quota_exhausted_fails_clearly_without_a_retry_storm(sim, playbook):
    seed(sim, account={'direct_debit': True, 'quota_remaining': 0})
    run = playbook([mpg(name, module, args) for name, module, args in QUOTA_TASKS], sim=sim)
    for name, module, _args in QUOTA_TASKS:
        result = run.result(name)
        assert run.failed(name), (module, result)
        assert 'HTTP 403' in result['msg'] and 'quota' in result['msg'], (module, result['msg'])
        api_calls = [r for r in run.requests(name) if r['path'] != '/auth']
        assert [r['status'] for r in api_calls] == [403], (module, api_calls)


def _closed_port():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(('127.0.0.1', 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_unreachable_api_host_gives_a_clear_message_naming_the_url(playbook):
    refused = 'http://127.0.0.1:%d/v1' % _closed_port()
    unknown = 'http://nonexistent.invalid/v1'
    inventory = ('[hosts]\nrefused api=%s\nunknown api=%s\n[hosts:vars]\nansible_connection=local\n'
                 'ansible_python_interpreter="{{ ansible_playbook_python }}"\n' % (refused, unknown))
    run = playbook([
        mpg('record', 'mpg_dns_record', {'api_url': '{{ api }}', 'zone': 'example.nl', 'record': 'www',
                                         'type': 'A', 'value': '192.0.2.1'}),
    ], hosts='hosts', inventory=inventory,
        env={'MPG_CLIENT_ID': 'someone', 'MPG_CLIENT_SECRET': 'some-secret'})
    for host, url, reason in (('refused', refused, 'Connection refused'),
                              ('unknown', unknown, 'nonexistent.invalid')):
        result = run.result('record', host)
        assert run.failed('record', host)
        assert 'failed: cannot connect to %s' % url in result['msg'], result['msg']
        assert reason in result['msg'], result['msg']
        assert 'Traceback' not in result.get('exception', '')
    assert 'Traceback' not in run.output


GARBLED = [
    # (task, module, args, fault, expected words in the message)
    ('records not JSON', 'mpg_dns_zone_info', dict(zone='example.nl'),
     dict(method='GET', path_regex='^%s$' % RECORDS, body='<html>Gateway</html>', content_type='text/html'),
     'not JSON'),
    ('records without pagination', 'mpg_dns_record',
     dict(zone='example.nl', record='www', type='A', value='192.0.2.1', state='absent'),
     dict(method='GET', path_regex='^%s$' % RECORDS, body={'records': []}), 'lacks the field "pagination"'),
    ('records without records', 'mpg_dns_zone', dict(zone='example.nl', records=[], prune=True,
                                                     max_delete_percent=100),
     dict(method='GET', path_regex='^%s$' % RECORDS, body={'pagination': {'total': 0}}), 'lacks the field "records"'),
    ('zones empty object', 'mpg_dns_zone_info', {},
     dict(method='GET', path_regex='^/dns$', body={}), 'lacks the field "zones"'),
    ('domain with garbled zones', 'mpg_domain', dict(name='new-shop.nl', domainholder_id=7),
     dict(method='GET', path_regex='^/dns$', body={'zones': 'none'}), 'lacks the field "zones"'),
    ('whois empty object', 'mpg_whois_info', dict(name='example.nl'),
     dict(method='GET', path_regex='^/whois/', body={}), '"available"'),
    ('holder search empty object', 'mpg_domain_holder', dict(HOLDER, email='piet@example.nl'),
     dict(method='POST', path_regex='^/domainholders/search$', body={}), 'lacks the field "domainholders"'),
    ('holder info search not JSON', 'mpg_domain_holder_info', dict(email='jan@example.nl'),
     dict(method='POST', path_regex='^/domainholders/search$', body='OK', content_type='text/plain'), 'not JSON'),
    ('auth without token', 'mpg_dns_zone_info', {},
     dict(method='POST', path_regex='^/auth$', body={'status': 'success'}), 'holds no token'),
]


def test_garbled_answers_are_errors_never_empty(sim, playbook):
    seed(sim, holders=[dict(HOLDER, id=7)])
    tasks = []
    for name, module, args, spec, _words in GARBLED:
        tasks.append(clear_faults('clear before ' + name))
        tasks.append(fault('fault for ' + name, **spec))
        tasks.append(mpg(name, module, args))
    run = playbook(tasks, sim=sim, env={'MPG_TOKEN_CACHE': 'false'})
    for name, module, _args, _spec, words in GARBLED:
        result = run.result(name)
        assert run.failed(name), (name, result)
        assert words in result['msg'], (name, result['msg'])
        assert 'unexpected error' not in result['msg'], (name, result['msg'])
        writes = [r for r in run.requests(name) if r['method'] in ('PUT', 'PATCH', 'DELETE') or
                  r['path'] in ('/domains', '/domains/bulk', RECORDS + '/delete')]
        assert not writes, (name, writes)
    state = sim.get_state()
    assert len(state['zones']['example.nl']) == 2 and len(state['holders']) == 1 and not state['domains']


def test_retry_after_is_honoured_and_capped(sim, tmp_path):
    """In-process, with the client's sleep recorded: the waits Retry-After asks for, capped."""
    seed(sim)
    slept = []
    client = MPGClient(api_url=sim.url, client_id=sim.client_id, client_secret=sim.client_secret, token_cache=False,
                       sleep=slept.append)
    sim.add_fault(method='GET', path_regex='^/dns$', status=429, times=2, retry_after=2)
    assert [z['domain'] for z in client.list_zones()] == ['example.nl']
    assert slept == [2.0, 2.0]
    del slept[:]
    sim.clear_requests()
    sim.add_fault(method='GET', path_regex='^/dns$', status=429, retry_after=3600)
    with pytest.raises(MPGApiError) as failure:
        client.list_zones()
    assert failure.value.status == 429 and 'throttled' in str(failure.value)
    assert slept and max(slept) <= _client.MAX_RETRY_WAIT_SECONDS and sum(slept) <= _client.MAX_TOTAL_RETRY_SECONDS
    assert len(api_requests(sim.requests(), 'GET', '/dns')) == _client.MAX_ATTEMPTS
