# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    CAA_TAGS,
    DNSValueError,
    api_record_name,
    fqdn,
    normalize_record_name,
    normalize_type,
    normalize_zone,
    parse_quoted_strings,
    parse_value,
    quote_string,
    txt_chunks,
    txt_from_api,
    txt_presentation,
    validate_ttl,
    value_from_api,
    value_list,
    ipv6_text,
)

ZONE = 'example.nl'


def api_record(rtype, content, priority=None, weight=None, port=None, name='www', ttl=3600, record_id=1):
    return {'id': record_id, 'name': name, 'type': rtype, 'content': content, 'ttl': ttl,
            'priority': priority, 'weight': weight, 'port': port}


# ---------------------------------------------------------------- zone and record names

@pytest.mark.parametrize('zone, expected', [
    ('example.nl', 'example.nl'),
    ('EXAMPLE.NL.', 'example.nl'),
    (u'bücher.nl', 'xn--bcher-kva.nl'),
    ('xn--bcher-kva.nl', 'xn--bcher-kva.nl'),
])
def test_normalize_zone(zone, expected):
    assert normalize_zone(zone) == expected


@pytest.mark.parametrize('zone', ['', 'nl', 'exa mple.nl', 'a..nl', None])
def test_normalize_zone_invalid_names_option(zone):
    with pytest.raises(DNSValueError, match='^zone: '):
        normalize_zone(zone)


@pytest.mark.parametrize('name, expected', [
    (None, '@'),
    ('', '@'),
    ('  ', '@'),
    ('@', '@'),
    ('@.', '@'),
    ('example.nl', '@'),
    ('example.nl.', '@'),
    ('EXAMPLE.NL', '@'),
    ('www', 'www'),
    ('WWW', 'www'),
    ('www.example.nl', 'www'),
    ('www.example.nl.', 'www'),
    ('WWW.Example.NL.', 'www'),
    ('a.b.c', 'a.b.c'),
    ('a.b.c.example.nl', 'a.b.c'),
    ('*', '*'),
    ('*.sub', '*.sub'),
    ('*.Sub.example.nl.', '*.sub'),
    ('_dmarc', '_dmarc'),
    ('_dmarc.example.nl', '_dmarc'),
    ('s1._domainkey', 's1._domainkey'),
    ('_sip._tcp', '_sip._tcp'),
    (u'bücher', 'xn--bcher-kva'),
    (u'Bücher.example.nl.', 'xn--bcher-kva'),
    ('xn--bcher-kva', 'xn--bcher-kva'),
    ('nl', 'nl'),  # a single label is always relative
    ('www.other.nl.example.nl.', 'www.other.nl'),  # explicitly fully qualified
])
def test_normalize_record_name(name, expected):
    assert normalize_record_name(name, ZONE) == expected


def test_normalize_record_name_idn_zone():
    zone = normalize_zone(u'bücher.nl')
    assert normalize_record_name(u'www.Bücher.nl', zone) == 'www'
    assert normalize_record_name('www.xn--bcher-kva.nl.', zone) == 'www'
    assert normalize_record_name(u'bücher.nl.', zone) == '@'


@pytest.mark.parametrize('name, pattern', [
    ('www.other.nl.', 'outside zone example.nl'),
    ('other.com.', 'outside zone example.nl'),
    ('www.other.nl', 'outside zone example.nl'),
    ('example.com.', 'outside zone example.nl'),
    ('notexample.nl', 'outside zone example.nl'),
    ('.', 'DNS root'),
    ('a..b', 'empty label'),
    ('a b', 'not allowed'),
    ('a.*.b', 'wildcard'),
    ('w*w', 'wildcard'),
    ('*.*', 'wildcard'),
    ('-www', 'hyphen'),
    ('x' * 64, 'at most 63'),
    ('.'.join(['x' * 60] * 4), 'too long'),
    (42, 'must be a string'),
])
def test_normalize_record_name_errors_name_option(name, pattern):
    with pytest.raises(DNSValueError) as exc:
        normalize_record_name(name, ZONE, what='record')
    assert str(exc.value).startswith('record')
    assert pattern in str(exc.value)


def test_normalize_record_name_custom_option_name():
    with pytest.raises(DNSValueError, match=r'^records\[3\]\.record: '):
        normalize_record_name('x.other.nl.', ZONE, what='records[3].record')


@pytest.mark.parametrize('name, expected', [
    ('@', '@'), ('', '@'), (None, '@'), ('WWW', 'www'), ('www.', 'www'), ('example.nl', '@'),
    ('www.example.nl', 'www'), ('*.Sub', '*.sub'), (u'bücher', 'xn--bcher-kva'),
])
def test_api_record_name(name, expected):
    assert api_record_name(name, ZONE) == expected


def test_fqdn():
    assert fqdn('@', ZONE) == ZONE
    assert fqdn('www', ZONE) == 'www.example.nl'


@pytest.mark.parametrize('rtype', api.RECORD_TYPES)
def test_normalize_type(rtype):
    assert normalize_type(rtype.lower()) == rtype
    assert normalize_type(' %s ' % rtype) == rtype


@pytest.mark.parametrize('rtype', ['SOA', 'PTR', '', None, 1])
def test_normalize_type_invalid(rtype):
    with pytest.raises(DNSValueError, match='type must be one of A, AAAA'):
        normalize_type(rtype)


# ---------------------------------------------------------------- TTL

@pytest.mark.parametrize('ttl, expected', [
    (None, None), (api.TTL_MIN, api.TTL_MIN), (api.TTL_MAX, api.TTL_MAX), (3600, 3600), ('300', 300),
])
def test_validate_ttl(ttl, expected):
    assert validate_ttl(ttl) == expected


@pytest.mark.parametrize('ttl, pattern', [
    (api.TTL_MIN - 1, 'between 60 and 86400'),
    (api.TTL_MAX + 1, 'between 60 and 86400'),
    (0, 'between'),
    (-5, 'between'),
    (True, 'number of seconds'),
    ('1h', 'number of seconds'),
    (1.5, 'number of seconds'),
])
def test_validate_ttl_errors(ttl, pattern):
    with pytest.raises(DNSValueError) as exc:
        validate_ttl(ttl, what='records[0].ttl')
    assert str(exc.value).startswith('records[0].ttl must')
    assert pattern in str(exc.value)


# ---------------------------------------------------------------- quoted strings and TXT

@pytest.mark.parametrize('text, expected', [
    ('"abc"', ['abc']),
    ('"a" "b"', ['a', 'b']),
    ('"a"  \t "b"', ['a', 'b']),
    ('  "a"  ', ['a']),
    ('""', ['']),
    (r'"a\"b"', ['a"b']),
    (r'"a\\b"', ['a\\b']),
    (r'"a\;b"', ['a;b']),
    (r'"\065\066C"', ['ABC']),
    (r'"\195\169"', [u'é']),
    (u'"é"', [u'é']),
    ('', []),
])
def test_parse_quoted_strings(text, expected):
    assert parse_quoted_strings(text) == expected


@pytest.mark.parametrize('text, pattern', [
    ('abc', 'expected a quoted string'),
    ('"abc', 'unterminated'),
    ('"a""b"', 'separated by spaces'),
    ('"a"b', 'separated by spaces'),
    ('"a\\', 'escapes nothing'),
    (r'"\12"', 'exactly three digits'),
    (r'"\1x2"', 'exactly three digits'),
    (r'"\256"', 'more than 255'),
    (r'"\255"', 'not UTF-8'),
])
def test_parse_quoted_strings_invalid_escapes(text, pattern):
    with pytest.raises(ValueError, match=pattern):
        parse_quoted_strings(text)


@pytest.mark.parametrize('text', ['', 'plain', 'a"b', 'a\\b', '\\"', '""', u'ünïcode', 'x' * 600 + '"\\'])
def test_quote_and_parse_round_trip(text):
    assert parse_quoted_strings(quote_string(text)) == [text]
    assert ''.join(parse_quoted_strings(txt_presentation(text))) == text


def test_txt_chunks():
    assert txt_chunks('') == ['']
    assert txt_chunks('a' * 255) == ['a' * 255]
    assert txt_chunks('a' * 256) == ['a' * 255, 'a']
    assert [len(c) for c in txt_chunks('a' * 600)] == [255, 255, 90]


def dkim_like(length=410):
    base = 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'
    return (base + 'x' * length)[:length]


@pytest.mark.parametrize('text', [
    'short',
    'a' * 255,
    'a' * 256,
    dkim_like(),
    'x' * 300 + '"quoted" and \\backslash\\',
    '"' * 400,
    '\\' * 511,
    'a' * 254 + '"' + 'b' * 10,  # an escape right at the chunk boundary
])
def test_txt_from_api_round_trip(text):
    """The API returns text <= 255 bare, longer text as quoted 255-character chunks."""
    served = text if len(text) <= 255 else txt_presentation(text)
    assert txt_from_api(served) == text


@pytest.mark.parametrize('content', [
    '"a" "b"',           # short bare text that happens to look quoted
    '"hello"',
    '"' + 'a' * 300 + '"',  # one quoted string: bare text with quotes
    '"' + 'a' * 300 + '" x',  # not a sequence of quoted strings
    '"' + 'a' * 200 + '" "\\12"' + ' ' * 60,  # invalid escape: not chunked form
])
def test_txt_from_api_bare_text_kept(content):
    assert txt_from_api(content) == content


def test_txt_from_api_none():
    assert txt_from_api(None) == ''


# ---------------------------------------------------------------- values per type

@pytest.mark.parametrize('rtype, value, text, fields', [
    ('A', '192.0.2.10', '192.0.2.10', {'content': '192.0.2.10'}),
    ('A', ' 192.0.2.10 ', '192.0.2.10', {'content': '192.0.2.10'}),
    ('AAAA', '2001:DB8:0:0::1', '2001:db8::1', {'content': '2001:db8::1'}),
    ('AAAA', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', {'content': '2001:db8::1'}),
    ('CNAME', 'Target.Example.COM.', 'target.example.com', {'content': 'target.example.com'}),
    ('CNAME', 's1.domainkey.u123.wl.sendgrid.net', 's1.domainkey.u123.wl.sendgrid.net',
     {'content': 's1.domainkey.u123.wl.sendgrid.net'}),
    ('CNAME', '_acme.other.example', '_acme.other.example', {'content': '_acme.other.example'}),
    ('CNAME', u'www.bücher.nl', 'www.xn--bcher-kva.nl', {'content': 'www.xn--bcher-kva.nl'}),
    ('NS', 'NS1.example.net.', 'ns1.example.net', {'content': 'ns1.example.net'}),
    ('MX', '10 MAIL.example.nl.', '10 mail.example.nl', {'content': 'mail.example.nl', 'priority': 10}),
    ('MX', '0 mail.example.nl', '0 mail.example.nl', {'content': 'mail.example.nl', 'priority': 0}),
    ('MX', '  20   mx.example.nl  ', '20 mx.example.nl', {'content': 'mx.example.nl', 'priority': 20}),
    ('SRV', '10 5 5060 SIP.example.nl.', '10 5 5060 sip.example.nl',
     {'content': 'sip.example.nl', 'priority': 10, 'weight': 5, 'port': 5060}),
    ('SRV', '0 0 0 sip.example.nl', '0 0 0 sip.example.nl',
     {'content': 'sip.example.nl', 'priority': 0, 'weight': 0, 'port': 0}),
    ('CAA', '0 issue "letsencrypt.org"', '0 issue "letsencrypt.org"', {'content': '0 issue "letsencrypt.org"'}),
    ('CAA', '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"', {'content': '0 issue "letsencrypt.org"'}),
    ('CAA', '128 issuewild letsencrypt.org', '128 issuewild "letsencrypt.org"',
     {'content': '128 issuewild "letsencrypt.org"'}),
    ('CAA', '0 issue ";"', '0 issue ";"', {'content': '0 issue ";"'}),
    ('CAA', '0 issue ""', '0 issue ""', {'content': '0 issue ""'}),
    ('CAA', '0 iodef "mailto:security@example.nl"', '0 iodef "mailto:security@example.nl"',
     {'content': '0 iodef "mailto:security@example.nl"'}),
    ('CAA', '0 issue "ca.example.net; account=123"', '0 issue "ca.example.net; account=123"',
     {'content': '0 issue "ca.example.net; account=123"'}),
    ('CAA', r'0 issue "a\"b"', r'0 issue "a\"b"', {'content': r'0 issue "a\"b"'}),
    ('TXT', 'v=spf1 include:_spf.example.net -all', 'v=spf1 include:_spf.example.net -all',
     {'content': 'v=spf1 include:_spf.example.net -all'}),
    ('TXT', ' leading and trailing ', ' leading and trailing ', {'content': ' leading and trailing '}),
    ('TXT', 'say "hi" \\o/', 'say "hi" \\o/', {'content': 'say "hi" \\o/'}),
    ('TXT', u'ünïcode', u'ünïcode', {'content': u'ünïcode'}),
])
def test_parse_value(rtype, value, text, fields):
    parsed = parse_value(rtype, value)
    assert parsed.rtype == rtype
    assert parsed.text == text
    assert parsed.api_fields() == fields
    # The canonical text is valid input again and means the same.
    assert parse_value(rtype, text) == parsed


def test_parse_value_txt_long():
    text = dkim_like(1000)
    parsed = parse_value('TXT', text)
    assert parsed.text == text
    assert parsed.api_fields() == {'content': text}


def test_ipv6_compared_as_addresses():
    assert parse_value('AAAA', '2001:db8::1') == parse_value('AAAA', '2001:DB8:0000::0001')
    assert parse_value('AAAA', '2001:db8::1').key == (ipaddress.IPv6Address('2001:db8::1'),)


def test_priority_zero_is_a_value():
    assert parse_value('MX', '0 mail.example.nl') != parse_value('MX', '10 mail.example.nl')
    assert parse_value('MX', '0 mail.example.nl').priority == 0


@pytest.mark.parametrize('rtype, value, pattern', [
    ('A', '192.0.2', 'not an IPv4 address'),
    ('A', '192.0.2.256', 'not an IPv4 address'),
    ('A', '192.000.2.1', 'not an IPv4 address'),
    ('A', '2001:db8::1', 'use type AAAA'),
    ('A', 'www.example.nl', 'not an IPv4 address'),
    ('A', '', 'cannot be empty'),
    ('A', 3232235777, 'must be a string'),
    ('AAAA', '192.0.2.1', 'use type A'),
    ('AAAA', '2001:db8::g', 'not an IPv6 address'),
    ('AAAA', 'fe80::1%eth0', 'zone index'),
    ('CNAME', 'mail', 'not a fully qualified host name'),
    ('CNAME', '.', 'must be a host name'),
    ('CNAME', 'a..example.nl', 'empty label'),
    ('CNAME', 'host name.example.nl', 'not allowed'),
    ('CNAME', '*.example.nl', 'not allowed'),
    ('NS', 'ns1', 'not a fully qualified host name'),
    ('MX', 'mail.example.nl', '"priority host"'),
    ('MX', '10', '"priority host"'),
    ('MX', '10 mail.example.nl extra', '"priority host"'),
    ('MX', 'x mail.example.nl', 'MX priority must be a number from 0 to 65535'),
    ('MX', '-1 mail.example.nl', 'MX priority must be a number'),
    ('MX', '65536 mail.example.nl', 'MX priority must be a number from 0 to 65535, got 65536'),
    ('MX', '10 mail', 'not a fully qualified host name'),
    ('SRV', '10 5 5060', '"priority weight port target"'),
    ('SRV', '10 5 sip.example.nl 5060', 'SRV port must be a number'),
    ('SRV', '10 70000 5060 sip.example.nl', 'SRV weight must be a number from 0 to 65535, got 70000'),
    ('SRV', '10 5 5060 ..', 'empty label'),
    ('MX', '10 .', 'a null MX ("." as host, RFC 7505) has priority 0'),
    ('NS', '.', 'must be a host name'),
    ('CNAME', '192.0.2.1', 'not the IP address'),
    ('NS', '192.0.2.1', 'not the IP address'),
    ('NS', '192.0.2.1.', 'not the IP address'),
    ('MX', '10 192.0.2.1', 'not the IP address'),
    ('SRV', '10 5 5060 192.0.2.1', 'not the IP address'),
    ('CNAME', '2001:db8::1', 'not the IP address'),
    ('NS', 'ns1.example.123', 'numeric label'),
    ('CAA', '0 issuevmc "ca.example.net"', 'CAA tag must be one of'),
    ('TXT', {'a': 1}, 'got a dictionary'),
    ('TXT', ['x', 'y'], 'got a list'),
    ('TXT', False, 'quote the value'),
    ('CAA', '0 issue', '"flags tag value"'),
    ('CAA', '256 issue "ca.example.net"', 'CAA flags must be a number from 0 to 255, got 256'),
    ('CAA', 'x issue "ca.example.net"', 'CAA flags must be a number'),
    ('CAA', '0 issuer "ca.example.net"', 'CAA tag must be one of issue, issuewild, iodef'),
    ('CAA', '0 is-sue "ca.example.net"', 'CAA tag must be one of'),
    ('CAA', '0 issue "ca.example.net', 'not a valid quoted string: unterminated'),
    ('CAA', '0 issue "a" "b"', 'one quoted string'),
    ('CAA', '0 issue ca example', 'must be in double quotes'),
    ('CAA', r'0 issue "a\12"', 'exactly three digits'),
    ('CAA', '0 issue "a\nb"', 'control character'),
    ('TXT', '', 'cannot be empty'),
    ('TXT', 'v=spf1 -all\n', 'control character U+000A'),
    ('TXT', 'tab\there', 'control character U+0009'),
    ('TXT', 'x' * 70000, 'more than one DNS record can hold'),
    ('TXT', None, 'must be a string'),
    ('MX', True, 'must be a string'),
])
def test_parse_value_errors_name_option(rtype, value, pattern):
    with pytest.raises(DNSValueError) as exc:
        parse_value(rtype, value, what='value[1]')
    assert str(exc.value).startswith('value[1]: ') or str(exc.value).startswith('value[1] ')
    assert pattern in str(exc.value)


def test_caa_tags_documented():
    assert CAA_TAGS == ('issue', 'issuewild', 'iodef', 'issuemail', 'contactemail', 'contactphone')


# ---------------------------------------------------------------- values from the API

@pytest.mark.parametrize('record, user_value', [
    (api_record('A', '192.0.2.10'), '192.0.2.10'),
    (api_record('AAAA', '2001:db8::1'), '2001:DB8:0::1'),
    (api_record('AAAA', '2001:DB8:0:0:0:0:0:1'), '2001:db8::1'),
    (api_record('CNAME', 'target.example.com'), 'TARGET.example.com.'),
    (api_record('CNAME', 'TARGET.example.com.'), 'target.example.com'),
    (api_record('NS', 'ns1.example.net'), 'NS1.EXAMPLE.NET.'),
    (api_record('MX', 'mail.example.nl', priority=10), '10 Mail.Example.NL.'),
    (api_record('MX', 'mail.example.nl', priority=0), '0 mail.example.nl'),
    (api_record('MX', '10 mail.example.nl'), '10 mail.example.nl'),
    (api_record('SRV', 'sip.example.nl', priority=10, weight=5, port=5060), '10 5 5060 sip.example.nl.'),
    (api_record('SRV', 'sip.example.nl', priority=0, weight=0, port=0), '0 0 0 sip.example.nl'),
    (api_record('SRV', '10 5 5060 sip.example.nl'), '10 5 5060 sip.example.nl'),
    (api_record('CAA', '0 issue "letsencrypt.org"'), '0 ISSUE letsencrypt.org'),
    (api_record('CAA', '0 ISSUE "letsencrypt.org"'), '0 issue "letsencrypt.org"'),
    (api_record('TXT', 'v=spf1 -all'), 'v=spf1 -all'),
    (api_record('TXT', txt_presentation(dkim_like())), dkim_like()),
    (api_record('TXT', txt_presentation('y' * 300 + 'say "hi" \\o/')), 'y' * 300 + 'say "hi" \\o/'),
    (api_record('TXT', 'say "hi" \\o/'), 'say "hi" \\o/'),
])
def test_value_from_api_matches_user_value(record, user_value):
    from_api = value_from_api(record)
    assert not from_api.raw
    assert from_api == parse_value(record['type'], user_value)
    assert hash(from_api) == hash(parse_value(record['type'], user_value))


def test_value_from_api_lower_case_type():
    assert value_from_api(api_record('a', '192.0.2.1')) == parse_value('A', '192.0.2.1')


def test_priority_zero_from_api_is_not_missing():
    value = value_from_api(api_record('MX', 'mail.example.nl', priority=0))
    assert value.priority == 0
    assert value.text == '0 mail.example.nl'


@pytest.mark.parametrize('record', [
    api_record('A', 'not-an-address'),
    api_record('MX', 'mail.example.nl'),  # no priority anywhere
    api_record('CNAME', 'single'),
    api_record('SOA', 'ns1.example.net hostmaster.example.nl 1 2 3 4 5'),
    api_record('CAA', 'garbage'),
    api_record('SRV', 'sip.example.nl', priority=1),
])
def test_value_from_api_unparseable_is_raw(record):
    value = value_from_api(record)
    assert value.raw
    assert value.text
    assert value.sort_key[0] == 1


def test_raw_value_never_equals_parsed():
    raw = value_from_api(api_record('A', ' 192.0.2.1'))
    # A server never returns this, but if it did, it would not be taken as the user's value.
    assert raw.raw or raw == parse_value('A', '192.0.2.1')


def test_changed_api_fields():
    old = parse_value('MX', '10 mail.example.nl')
    assert parse_value('MX', '20 mail.example.nl').changed_api_fields(old) == {'priority': 20}
    assert parse_value('MX', '10 mx.example.nl').changed_api_fields(old) == {'content': 'mx.example.nl'}
    old_srv = parse_value('SRV', '10 5 5060 sip.example.nl')
    assert parse_value('SRV', '10 5 5061 sip.example.nl').changed_api_fields(old_srv) == {'port': 5061}
    assert parse_value('A', '192.0.2.2').changed_api_fields(parse_value('A', '192.0.2.1')) == {'content': '192.0.2.2'}


def test_value_equality_and_repr():
    a = parse_value('A', '192.0.2.1')
    assert a != parse_value('A', '192.0.2.2')
    assert a != '192.0.2.1'
    assert (a != parse_value('A', '192.0.2.1')) is False
    assert 'A' in repr(a) and '192.0.2.1' in repr(a)


def test_ipv4_fast_path_matches_ipaddress():
    for number in list(range(0, 2 ** 32, 2 ** 32 // 997)) + [0, 2 ** 32 - 1, 0x7f000001]:
        address = ipaddress.IPv4Address(number)
        parsed = parse_value('A', str(address))
        assert parsed.key == (address,)
        assert parsed.text == str(address)


# ---------------------------------------------------------------- the type of value (option type raw)

@pytest.mark.parametrize('raw, expected', [
    ('v=spf1 -all', ['v=spf1 -all']),
    (12345, [12345]),
    (2.5, [2.5]),
    ([1, 2.5, 'x'], [1, 2.5, 'x']),
    ([], []),
    (None, []),
])
def test_value_list_scalars(raw, expected):
    assert value_list(raw) == expected


@pytest.mark.parametrize('raw, where, pattern', [
    (True, 'value', 'boolean True'),
    (False, 'value', 'boolean False'),
    ({'a': 1}, 'value', 'got a dictionary'),
    ([{'a': 1}], 'value[0]', 'got a dictionary'),
    ([['x', 'y']], 'value[0]', 'lists cannot be nested'),
    (['ok', None], 'value[1]', 'got null'),
    (['ok', True], 'value[1]', 'boolean True'),
    (set(['x']), 'value', 'got set'),
])
def test_value_list_refuses_non_scalars_naming_the_option(raw, where, pattern):
    with pytest.raises(DNSValueError) as exc:
        value_list(raw, 'value')
    assert str(exc.value).startswith(where + ': ')
    assert pattern in str(exc.value)


def test_value_list_names_nested_option():
    with pytest.raises(DNSValueError, match=r'^records\[3\]\.value\[1\]: '):
        value_list(['a', ['b']], 'records[3].value')


@pytest.mark.parametrize('rtype, value, text', [
    ('TXT', 12345, '12345'),
    ('TXT', 2.5, '2.5'),
    ('MX', '0 .', '0 .'),
    ('SRV', '0 0 0 .', '0 0 0 .'),
    ('SRV', '10 5 5060 .', '10 5 5060 .'),
    ('CAA', '0 issuemail "ca.example.net"', '0 issuemail "ca.example.net"'),
    ('CAA', '0 IssueMail "ca.example.net"', '0 issuemail "ca.example.net"'),
    ('CAA', '0 contactemail "dns@example.nl"', '0 contactemail "dns@example.nl"'),
    ('CAA', '0 contactphone "+31 20 123 4567"', '0 contactphone "+31 20 123 4567"'),
    ('AAAA', '::ffff:192.0.2.1', '::ffff:192.0.2.1'),
    ('AAAA', '::FFFF:C000:0201', '::ffff:192.0.2.1'),
    ('AAAA', '0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'),
    ('NS', 'ns1.example.nl.', 'ns1.example.nl'),
])
def test_rfc_values_accepted(rtype, value, text):
    assert parse_value(rtype, value).text == text


def test_root_targets_send_a_dot_and_read_back_equal():
    null_mx = parse_value('MX', '0 .')
    assert null_mx.api_fields() == {'content': '.', 'priority': 0}
    assert value_from_api(api_record('MX', '.', priority=0)) == null_mx
    assert not value_from_api(api_record('MX', '.', priority=0)).raw
    srv = parse_value('SRV', '0 0 0 .')
    assert srv.api_fields() == {'content': '.', 'priority': 0, 'weight': 0, 'port': 0}
    assert value_from_api(api_record('SRV', '.', priority=0, weight=0, port=0)) == srv


def test_ipv4_mapped_address_text_does_not_depend_on_python():
    # What the simulator stores (the same rule) and what the module sends agree, so a second run is unchanged.
    value = parse_value('AAAA', '::ffff:c000:201')
    assert value.content == '::ffff:192.0.2.1'
    assert value_from_api(api_record('AAAA', '::ffff:c000:201')) == value
    assert value_from_api(api_record('AAAA', '::ffff:192.0.2.1')).text == '::ffff:192.0.2.1'
    assert ipv6_text(ipaddress.IPv6Address('2001:db8::1')) == '2001:db8::1'


@pytest.mark.parametrize('rtype', ['a', 'Aaaa', ' mx ', 'txt', 'cname', 'ns', 'srv', 'caa'])
def test_type_any_case(rtype):
    assert normalize_type(rtype) == rtype.strip().upper()


@pytest.mark.parametrize('rtype', ['SPF', '', None, 1, True, ['A']])
def test_type_error_lists_allowed(rtype):
    with pytest.raises(DNSValueError, match=r'^type must be one of A, AAAA, CAA, CNAME, MX, NS, SRV, TXT'):
        normalize_type(rtype)
