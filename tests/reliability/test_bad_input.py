# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Malformed input: every module fails naming the option, before sending a single request.

The modules run in-process (their ``main()``, argument handling included), one per case,
against the simulator, whose request log must stay empty. In-process because the table is
large: a subprocess per case would cost a second each for the same code path.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import json

import pytest


from ansible_collections.mijnpartnergroep.domains.tests.unit.plugins.modules.module_args import module_args

LONG_LABEL = 'a' * 64
LONG_NAME = '.'.join(['a' * 60] * 4) + '.nl'          # 247 + 3 characters, over 253 with the dots
BAD_DOMAINS = [('a..b.nl', 'empty label'), (LONG_LABEL + '.nl', 'label over 63'), (LONG_NAME + 'x' * 10, 'over 253'),
               ('a/b.nl', 'slash'), ('a?b.nl', 'question mark'), ('a#b.nl', 'hash'), ('a b.nl', 'space')]
HOLDER = dict(email='jan@example.nl', first_name='Jan', last_name='Jansen', phone='+31.201234567',
              street='Voorbeeldstraat', house_number='1', postal_code='1234 AB', city='Amsterdam',
              country_code='NL')
RECORD = dict(zone='example.nl', record='www', type='A', value='192.0.2.1')
ENTRY = dict(record='www', type='A', value=['192.0.2.1'])


def with_(base, **changes):
    result = dict(base)
    result.update(changes)
    return result


def zone_entry(**changes):
    return dict(zone='example.nl', records=[with_(ENTRY, **changes)])


# (module, case id, args, words of which at least one must be in the message)
CASES = []
for _domain, _why in BAD_DOMAINS:
    CASES.append(('mpg_dns_record', 'zone ' + _why, with_(RECORD, zone=_domain), ['zone']))
    CASES.append(('mpg_dns_zone', 'zone ' + _why, dict(zone=_domain, records=[ENTRY]), ['zone']))
    CASES.append(('mpg_dns_zone_info', 'zone ' + _why, dict(zone=_domain), ['zone']))
    CASES.append(('mpg_whois_info', 'name ' + _why, dict(name=_domain), ['name']))
    CASES.append(('mpg_whois_info', 'names ' + _why, dict(names=['example.nl', _domain]), ['names']))
    CASES.append(('mpg_domain', 'name ' + _why, dict(name=_domain, domainholder_id=7), ['name']))
    CASES.append(('mpg_domain', 'names ' + _why, dict(names=['example.nl', _domain], domainholder_id=7), ['names']))
CASES += [
    ('mpg_dns_record', 'record with space', with_(RECORD, record='we b'), ['record']),
    ('mpg_dns_record', 'record with slash', with_(RECORD, record='a/b'), ['record']),
    ('mpg_dns_record', 'record label over 63', with_(RECORD, record=LONG_LABEL), ['record']),
    ('mpg_dns_record', 'A with IPv6', with_(RECORD, value='2001:db8::1'), ['value']),
    ('mpg_dns_record', 'A not an address', with_(RECORD, value='192.0.2.300'), ['value']),
    ('mpg_dns_record', 'AAAA with IPv4', with_(RECORD, type='AAAA', value='192.0.2.1'), ['value']),
    ('mpg_dns_record', 'TTL too low', with_(RECORD, ttl=59), ['ttl']),
    ('mpg_dns_record', 'TTL too high', with_(RECORD, ttl=86401), ['ttl']),
    ('mpg_dns_record', 'MX without priority', with_(RECORD, type='MX', value='mail.example.nl'), ['value']),
    ('mpg_dns_record', 'SRV with three fields', with_(RECORD, type='SRV', value='10 5 sip.example.nl'), ['value']),
    ('mpg_dns_record', 'CAA unknown tag', with_(RECORD, type='CAA', value='0 issuer "x.org"'), ['value']),
    # YAML itself refuses "\udcff" (a lone surrogate); the escapes it accepts can still give control characters.
    ('mpg_dns_record', 'TXT escapes giving a control character', with_(RECORD, type='TXT', value='v=spf1 \xff\x01'),
     ['value']),
    ('mpg_dns_record', 'TXT control character', with_(RECORD, type='TXT', value='line\n'), ['value']),
    ('mpg_dns_record', 'unknown type', with_(RECORD, type='SPF'), ['type']),
    ('mpg_dns_zone', 'record with space', zone_entry(record='we b'), ['records']),
    ('mpg_dns_zone', 'record with hash', zone_entry(record='a#b'), ['records']),
    ('mpg_dns_zone', 'A with IPv6', zone_entry(value=['2001:db8::1']), ['records']),
    ('mpg_dns_zone', 'AAAA with IPv4', zone_entry(type='AAAA'), ['records']),
    ('mpg_dns_zone', 'TTL out of range', zone_entry(ttl=30), ['records', 'ttl']),
    ('mpg_dns_zone', 'MX without priority', zone_entry(type='MX', value=['mail.example.nl']), ['records']),
    ('mpg_dns_zone', 'SRV with three fields', zone_entry(type='SRV', value=['10 5 sip.example.nl']), ['records']),
    ('mpg_dns_zone', 'CAA unknown tag', zone_entry(type='CAA', value=['0 foo "x.org"']), ['records']),
    ('mpg_dns_zone', 'TXT escapes giving a control character', zone_entry(type='TXT', value=['\xff\x1b[0m']),
     ['records']),
    ('mpg_dns_zone', 'entry without value', dict(zone='example.nl', records=[dict(record='www', type='A')]),
     ['value']),
    ('mpg_dns_zone', 'max_delete_percent over 100', dict(zone='example.nl', records=[], max_delete_percent=101),
     ['max_delete_percent']),
    # value is type raw: only strings, numbers and lists of them (no crash, no Python repr stored).
    ('mpg_dns_record', 'value boolean', with_(RECORD, type='TXT', value=True), ['value: must be a string']),
    ('mpg_dns_record', 'value null in list', with_(RECORD, type='TXT', value=['a', None]), ['value[1]: ']),
    ('mpg_dns_record', 'value int for A', with_(RECORD, value=12345), ['value: ']),
    ('mpg_dns_record', 'value dict', with_(RECORD, type='TXT', value={'a': 1}), ['value: ']),
    ('mpg_dns_record', 'value dict in list', with_(RECORD, type='TXT', value=[{'a': 1}]), ['value[0]: ']),
    ('mpg_dns_record', 'value nested list', with_(RECORD, type='TXT', value=[['x', 'y']]), ['value[0]: ']),
    # Host names that the API refuses (422 "must be a valid host name").
    ('mpg_dns_record', 'NS with IPv4', with_(RECORD, type='NS', value='192.0.2.1'), ['value: ']),
    ('mpg_dns_record', 'CNAME with IPv4', with_(RECORD, type='CNAME', value='192.0.2.1.'), ['value: ']),
    ('mpg_dns_record', 'MX with IPv4', with_(RECORD, type='MX', value='10 192.0.2.1'), ['value: ']),
    ('mpg_dns_record', 'SRV with IPv6', with_(RECORD, type='SRV', value='0 0 5060 2001:db8::1'), ['value: ']),
    ('mpg_dns_record', 'NS numeric TLD', with_(RECORD, type='NS', value='ns1.example.123'), ['value: ']),
    ('mpg_dns_record', 'null MX with priority', with_(RECORD, type='MX', value='10 .'), ['value: ']),
    ('mpg_dns_record', 'null MX with another MX', with_(RECORD, type='MX', value=['0 .', '10 mx.example.nl']),
     ['value: ']),
    ('mpg_dns_record', 'NS root', with_(RECORD, type='NS', value='.'), ['value: ']),
    ('mpg_dns_record', 'CAA tag issuevmc', with_(RECORD, type='CAA', value='0 issuevmc "x"'), ['value: ']),
    ('mpg_dns_record', 'type not a string', with_(RECORD, type=['A']), ['type']),
    ('mpg_dns_zone', 'value boolean', zone_entry(type='TXT', value=True), ['records[0].value: ']),
    ('mpg_dns_zone', 'value dict', zone_entry(type='TXT', value={'a': 1}), ['records[0].value: ']),
    ('mpg_dns_zone', 'value nested list in 4th entry',
     dict(zone='example.nl', records=[ENTRY, with_(ENTRY, record='a'), with_(ENTRY, record='b'),
                                      with_(ENTRY, type='TXT', value=['ok', ['x']])]), ['records[3].value[1]: ']),
    ('mpg_dns_zone', 'value dict in list', zone_entry(type='TXT', value=[{'a': 1}]), ['records[0].value[0]: ']),
    ('mpg_dns_zone', 'NS with IPv4', zone_entry(type='NS', value=['192.0.2.1']), ['records[0].value[0]: ']),
    ('mpg_dns_zone', 'unknown key in entry', zone_entry(tll=60), ['tll']),
    ('mpg_dns_zone', 'ttl not a number', zone_entry(ttl='soon'), ['ttl']),
    ('mpg_dns_zone', 'type unknown', zone_entry(type='SPF'), ['records[0].type']),
    ('mpg_dns_zone_info', 'record with space', dict(zone='example.nl', record='a b'), ['record']),
    ('mpg_dns_zone_info', 'record with question mark', dict(zone='example.nl', record='a?b'), ['record']),
    ('mpg_dns_zone_info', 'record without zone', dict(record='www'), ['zone']),
    ('mpg_dns_zone_info', 'unknown type', dict(zone='example.nl', type='SPF'), ['type']),
    ('mpg_whois_info', 'no name', dict(), ['name']),
    ('mpg_whois_info', 'empty name', dict(name=''), ['name']),
    ('mpg_whois_info', 'name and names', dict(name='a.nl', names=['b.nl']), ['name']),
    ('mpg_domain', 'period 0', dict(name='new-shop.nl', domainholder_id=7, period=0), ['period']),
    ('mpg_domain', 'period 11', dict(name='new-shop.nl', domainholder_id=7, period=11), ['period']),
    ('mpg_domain', 'one nameserver', dict(name='new-shop.nl', domainholder_id=7, nameservers=['ns1.example.net']),
     ['nameservers']),
    ('mpg_domain', '14 nameservers', dict(name='new-shop.nl', domainholder_id=7,
                                          nameservers=['ns%d.example.net' % i for i in range(14)]), ['nameservers']),
    ('mpg_domain', 'nameserver an address', dict(name='new-shop.nl', domainholder_id=7,
                                                 nameservers=['192.0.2.1', 'ns2.example.net']), ['nameservers']),
    ('mpg_domain', 'bad holder email', dict(name='new-shop.nl', domainholder_email='jan at example.nl'),
     ['domainholder_email']),
    ('mpg_domain', 'holder id 0', dict(name='new-shop.nl', domainholder_id=0), ['domainholder_id']),
    ('mpg_domain', 'no holder', dict(name='new-shop.nl'), ['domainholder_id']),
    ('mpg_domain_holder', 'bad email', with_(HOLDER, email='jan at example.nl'), ['email']),
    ('mpg_domain_holder', 'email without domain', with_(HOLDER, email='jan@'), ['email']),
    ('mpg_domain_holder', 'bad phone', with_(HOLDER, phone='call me'), ['phone']),
    ('mpg_domain_holder', 'phone without country code', with_(HOLDER, phone='020-1234567'), ['phone']),
    ('mpg_domain_holder', 'bad country', with_(HOLDER, country_code='NLD'), ['country_code']),
    ('mpg_domain_holder', 'country not a code', with_(HOLDER, country_code='1X'), ['country_code']),
    ('mpg_domain_holder', 'first name too long', with_(HOLDER, first_name='J' * 300), ['first_name']),
    ('mpg_domain_holder', 'empty city', with_(HOLDER, city=''), ['city']),
    ('mpg_domain_holder', 'id 0', with_(HOLDER, id=0), ['id']),
    ('mpg_domain_holder', 'id negative', dict(id=-3, state='absent'), ['id']),
    ('mpg_domain_holder', 'id not a number', dict(id='seven', state='absent'), ['id']),
    ('mpg_domain_holder', 'absent with bad email', dict(email='nobody', state='absent'), ['email']),
    ('mpg_domain_holder_info', 'bad email', dict(email='jan at example.nl'), ['email']),
    ('mpg_domain_holder_info', 'email without domain', dict(email='jan@'), ['email']),
    ('mpg_domain_holder_info', 'email without user', dict(email='@example.nl'), ['email']),
    ('mpg_domain_holder_info', 'email with two at signs', dict(email='a@b@example.nl'), ['email']),
    ('mpg_domain_holder_info', 'id 0', dict(id=0), ['id']),
    ('mpg_domain_holder_info', 'id negative', dict(id=-1), ['id']),
    ('mpg_domain_holder_info', 'id not a number', dict(id='seven'), ['id']),
    ('mpg_domain_holder_info', 'id and email', dict(id=7, email='jan@example.nl'), ['id']),
    ('mpg_domain_holder_info', 'neither id nor email', dict(), ['id']),
    ('mpg_domain_holder_info', 'empty email', dict(email=''), ['email']),
    # The connection options are input too.
    ('mpg_dns_zone_info', 'timeout 0', dict(zone='example.nl', timeout=0), ['timeout']),
    ('mpg_whois_info', 'timeout negative', dict(name='example.nl', timeout=-1), ['timeout']),
]


def test_every_module_has_ten_bad_input_cases():
    counts = {}
    for module, _case, _args, _words in CASES:
        counts[module] = counts.get(module, 0) + 1
    assert sorted(counts) == ['mpg_dns_record', 'mpg_dns_zone', 'mpg_dns_zone_info', 'mpg_domain',
                              'mpg_domain_holder', 'mpg_domain_holder_info', 'mpg_whois_info']
    assert min(counts.values()) >= 10, counts


@pytest.mark.parametrize('module_name, case, args, words', CASES, ids=['%s: %s' % (c[0], c[1]) for c in CASES])
def test_bad_input_fails_naming_the_option_before_any_request(sim, capsys, tmp_path, monkeypatch, module_name, case,
                                                              args, words):
    monkeypatch.setenv('MPG_TOKEN_CACHE_DIR', str(tmp_path / 'token-cache'))
    module = importlib.import_module('ansible_collections.mijnpartnergroep.domains.plugins.modules.' + module_name)
    full = dict(api_url=sim.url, client_id=sim.client_id, client_secret=sim.client_secret)
    full.update(args)
    capsys.readouterr()
    with module_args(full):
        with pytest.raises(SystemExit):
            module.main()
    result = json.loads(capsys.readouterr().out)
    assert result.get('failed') is True, (case, result)
    assert any(word in result['msg'] for word in words), (case, result['msg'])
    assert 'unexpected error' not in result['msg'] and 'Traceback' not in result['msg'], (case, result['msg'])
    assert sim.requests() == [], (case, result['msg'])
