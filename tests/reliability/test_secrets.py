# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Neither the client secret nor a token may appear in any output: stdout, stderr, results, diffs.

Every module fails at -vvvv with --diff, on API errors whose bodies echo the request (secret
and token included), on garbled answers that break the module (an unexpected exception), and
in-process on an exception whose message holds both. The token cache file holds the token,
as it must (mode 0600); nothing else may.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import json
import os

import pytest

from ansible.module_utils._internal import _traceback

from reliability_plays import admin, clear_faults, fault, mpg

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _client
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGClient

from ansible_collections.mijnpartnergroep.domains.tests.unit.plugins.modules.module_args import module_args

RECORDS = '/dns/example.nl/records'
HOLDER = dict(email='jan@example.nl', first_name='Jan', last_name='Jansen', phone='+31.201234567',
              street='Voorbeeldstraat', house_number='1', postal_code='1234 AB', city='Amsterdam',
              country_code='NL')

# (task, module, args, the request the echo fault answers: method, path regex)
MODULE_TASKS = [
    ('dns_record', 'mpg_dns_record', dict(zone='example.nl', record='api', type='A', value='192.0.2.50'),
     ('PUT', '^%s$' % RECORDS)),
    ('dns_zone', 'mpg_dns_zone', dict(zone='example.nl', records=[dict(record='www', type='A', value='192.0.2.9')]),
     ('PATCH', '^%s/' % RECORDS)),
    ('dns_zone_info', 'mpg_dns_zone_info', dict(zone='example.nl'), ('GET', '^%s$' % RECORDS)),
    ('whois_info', 'mpg_whois_info', dict(names=['example.nl', 'example.com']), ('POST', '^/whois$')),
    ('domain', 'mpg_domain', dict(name='new-shop.nl', domainholder_id=7), ('POST', '^/domains$')),
    ('domain_holder', 'mpg_domain_holder', dict(HOLDER, city='Utrecht'), ('PATCH', '^/domainholders/')),
    ('domain_holder_info', 'mpg_domain_holder_info', dict(email='jan@example.nl'),
     ('POST', '^/domainholders/search$')),
]


def garbled_answers(token):
    """A 200 answer per module that passes the envelope checks but breaks the module's code.

    The token is put in values, not in keys: Ansible's no_log masking replaces values only.
    """
    record = {'id': 1, 'name': {'n': token}, 'type': ['A', token], 'content': token}
    pages = json.dumps({'records': [record], 'pagination': {'page': 1, 'per_page': 500, 'total': 1}})
    return {
        'dns_record': ('GET', '^%s$' % RECORDS, pages),
        'dns_zone': ('GET', '^%s$' % RECORDS, pages),
        'dns_zone_info': ('GET', '^%s$' % RECORDS, pages),
        'whois_info': ('POST', '^/whois$', json.dumps({'results': [{'available': True, 'domain': [token]},
                                                                   {'available': False, 'domain': {'name': token}}]})),
        'domain': ('GET', '^/dns$', json.dumps({'zones': [{'domain': 'new-shop.nl', 'status': {'text': token}}]})),
        'domain_holder': ('POST', '^/domainholders/search$', json.dumps({'domainholders': [token, {'id': token}]})),
        'domain_holder_info': ('POST', '^/domainholders/search$', json.dumps({'domainholders': [token]})),
    }


def seed(sim):
    sim.set_state({
        'zones': {'example.nl': [{'id': 1, 'name': 'www', 'type': 'A', 'content': '192.0.2.1', 'ttl': 3600}]},
        'holders': [dict(HOLDER, id=7)],
    })


def cached_token(sim, cache_dir):
    """Authenticate once into the play's token cache, so the test knows the token the play will use."""
    os.environ['MPG_TOKEN_CACHE_DIR'] = str(cache_dir)
    try:
        client = MPGClient(api_url=sim.url, client_id=sim.client_id, client_secret=sim.client_secret)
        return client.authenticate()
    finally:
        del os.environ['MPG_TOKEN_CACHE_DIR']


def tokens_in_cache(cache_dir):
    tokens = set()
    for name in os.listdir(str(cache_dir)):
        with open(os.path.join(str(cache_dir), name)) as handle:
            try:
                tokens.add(json.load(handle)['token'])
            except (ValueError, KeyError):
                pass
    return tokens


def assert_no_secret(texts, secrets):
    for label, text in texts.items():
        for secret in secrets:
            assert secret not in text, 'a secret (%s...) appears in %s' % (secret[:12], label)


def test_no_secret_in_any_output_at_vvvv_with_diff(sim, playbook):
    seed(sim)
    token = cached_token(sim, playbook.token_cache)
    # An authentication answer can only echo what the request held: the client id and secret.
    auth_echo = json.dumps({'status': 'error', 'message': 'echo: {"client_id": "%s", "client_secret": "%s"}'
                                                          % (sim.client_id, sim.client_secret)})
    echo = json.dumps({
        'status': 'error',
        'message': 'echo of your request: Authorization: Bearer %s {"client_id": "%s", "client_secret": "%s"}'
                   % (token, sim.client_id, sim.client_secret),
        'errors': {'content': ['%s is not valid' % token], sim.client_secret: [sim.client_secret]},
    })
    tasks = []
    for name, module, args, (method, path) in MODULE_TASKS:
        tasks.append(dict(fault('echo fault for ' + name, method=method, path_regex=path, status=500, body=echo),
                          no_log=True))    # the test's own fault holds the secrets, not the module's output
        tasks.append(mpg('echo ' + name, module, args))
        tasks.append(clear_faults('clear after echo ' + name))
    for name, (method, path, body) in sorted(garbled_answers(token).items()):
        tasks.append(dict(fault('garbled answer for ' + name, method=method, path_regex=path, body=body), no_log=True))
        module, args = [(m, a) for n, m, a, _r in MODULE_TASKS if n == name][0]
        tasks.append(mpg('garbled ' + name, module, args))
        tasks.append(clear_faults('clear after garbled ' + name))
    # The authentication answer echoes the secret (no cached token for this task).
    tasks.append(dict(fault('echo fault for auth', method='POST', path_regex='^/auth$', status=500, body=auth_echo),
                      no_log=True))
    tasks.append(mpg('echo auth', 'mpg_dns_zone_info', {}, environment={'MPG_TOKEN_CACHE': 'false'}))
    tasks.append(clear_faults('clear after echo auth'))
    # Plain API refusals (no echo) with a diff: no direct debit, an unknown zone.
    tasks.append(admin('no direct debit', 'PUT', 'state', dict(sim.get_state(), account={'direct_debit': False})))
    for name, module, args, _request in MODULE_TASKS:
        if name in ('domain', 'dns_zone_info'):
            tasks.append(mpg('refused ' + name, module, dict(args, zone='unknown.nl') if 'zone' in args else args))
    run = playbook(tasks, sim=sim, args=('-vvvv', '--diff'), env={'ANSIBLE_DISPLAY_TRACEBACK': 'error,warning'})

    for name, _module, _args, _request in MODULE_TASKS:
        assert run.failed('echo ' + name), ('echo ' + name, run.result('echo ' + name))
        assert 'HTTP 500' in run.result('echo ' + name)['msg'], run.result('echo ' + name)
    assert run.failed('echo auth') and run.failed('refused domain') and run.failed('refused dns_zone_info')
    assert 'HTTP 402' in run.result('refused domain')['msg']
    unexpected = [n for n, _m, _a, _r in MODULE_TASKS if 'unexpected error' in run.result('garbled ' + n).get('msg', '')]
    assert 'Traceback (most recent call last)' in run.output     # tracebacks were displayed
    assert unexpected, 'no module hit an unexpected exception; the garbled answers no longer test tracebacks'

    secrets = set([sim.client_secret, token]) | tokens_in_cache(playbook.token_cache)
    with open(str(run.workdir / 'results.json')) as handle:
        results_text = handle.read()
    assert '-vvvv' not in run.stdout and 'ESTABLISH LOCAL CONNECTION' in run.stdout    # really verbose
    assert_no_secret({'stdout': run.stdout, 'stderr': run.stderr, 'the results': results_text}, secrets)
    # The echo reached the modules: the redaction, not the absence of the data, keeps the output clean.
    assert '********' in results_text


@pytest.mark.parametrize('name, module_name, args', [t[:3] for t in MODULE_TASKS], ids=[t[0] for t in MODULE_TASKS])
def test_traceback_of_an_unexpected_exception_is_redacted(sim, capsys, tmp_path, monkeypatch, name, module_name, args):
    seed(sim)
    monkeypatch.setenv('MPG_TOKEN_CACHE_DIR', str(tmp_path / 'token-cache'))
    monkeypatch.setattr(_traceback, '_module_tracebacks_enabled_events', frozenset([_traceback.TracebackEvent.ERROR]))
    seen = {}
    original = MPGClient._decode

    def broken_decode(self, endpoint, response, url):
        body = original(self, endpoint, response, url)
        if endpoint.name == _client.api.AUTHENTICATE.name:
            seen['token'] = body.get('token')
            return body
        raise RuntimeError('bug while reading %s: token %s, secret %s' % (url, self._token, self._client_secret))

    monkeypatch.setattr(MPGClient, '_decode', broken_decode)
    module = importlib.import_module('ansible_collections.mijnpartnergroep.domains.plugins.modules.' + module_name)
    full = dict(api_url=sim.url, client_id=sim.client_id, client_secret=sim.client_secret,
                _ansible_diff=True, _ansible_verbosity=4)
    full.update(args)
    capsys.readouterr()
    with module_args(full):
        with pytest.raises(SystemExit):
            module.main()
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert result['failed'] and 'unexpected error' in result['msg'] and 'RuntimeError' in result['msg'], result
    assert seen.get('token')
    assert 'RuntimeError' in json.dumps(result.get('exception'))    # the traceback is there, redacted
    assert_no_secret({'stdout': captured.out, 'stderr': captured.err}, [sim.client_secret, seen['token']])
