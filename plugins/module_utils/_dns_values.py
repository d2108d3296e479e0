# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DNS record names and values: parsing, validation and canonical form.

No I/O. Two directions meet here:

* what a user writes (zone-file presentation form: ``10 mail.example.nl`` for
  MX, ``0 issue "ca.example.net"`` for CAA, the text itself for TXT), and
* what the API returns (``content`` plus ``priority``/``weight``/``port``,
  TXT longer than 255 characters as quoted chunks, and so on).

Both become a :class:`RecordValue` whose ``key`` is the canonical comparison
key, so ``MAIL.Example.NL.`` and ``mail.example.nl``, ``2001:DB8:0::1`` and
``2001:db8::1``, or ``"abc" "def"`` and ``abcdef`` compare equal.

Decisions (documented in the modules too):

* Host names inside values (CNAME, MX, NS targets, the SRV target) are always
  fully qualified; a trailing dot is optional. A single-label target such as
  ``mail`` is refused: it is nearly always a forgotten zone suffix. An IP
  address (or any name whose last label is numeric) is refused too: the API
  wants a host name there. The root ``.`` is accepted only where an RFC gives
  it a meaning: the null MX ``0 .`` (RFC 7505, priority 0, the only MX of its
  name) and the SRV target ``.`` ("service not available", RFC 2782).
* ``value`` is a scalar (string or number; a number is its string) or a list
  of scalars. Booleans, nulls, dictionaries and nested lists are refused,
  naming the option (``value``, ``value[0]``, ``records[3].value[1]``).
* IPv4-mapped IPv6 addresses are written as RFC 5952 section 5 recommends,
  with the dotted quad (``::ffff:192.0.2.1``), whatever the Python version.
* A record name without a trailing dot is relative to the zone, unless it ends
  with the zone (then it is the fully qualified spelling of the same name).
  A relative name whose last label is the zone's top-level domain
  (``www.other.nl`` in zone ``example.nl``) is refused as "outside the zone";
  write ``www.other.nl.example.nl.`` if that really is meant.
* CAA tags: the three RFC 8659 defines (``issue``, ``issuewild``, ``iodef``),
  ``issuemail`` (RFC 9495) and the CA/Browser Forum's ``contactemail`` and
  ``contactphone`` (:data:`CAA_TAGS`), compared case-insensitively, as the
  API accepts them (our reading, mirrored by the simulator). Other tags
  (``issuevmc``, ...) are refused before any request, with a message; adding
  one is a change to :data:`CAA_TAGS`. An unknown tag is never stored
  silently: a CA meeting an unknown tag with the critical flag refuses to issue.
* TXT: the value is the text itself (no quotes, no escapes). Control
  characters are refused (a YAML ``>`` block adds a newline; use ``>-``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain,
    to_ascii_hostname,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._endpoints import (
    APEX,
    RECORD_CONTENT as FIELD_CONTENT,
    RECORD_PORT as FIELD_PORT,
    RECORD_PRIORITY as FIELD_PRIORITY,
    RECORD_TYPE as FIELD_TYPE,
    RECORD_TYPES,
    RECORD_WEIGHT as FIELD_WEIGHT,
    TTL_MAX,
    TTL_MIN,
    TXT_CHUNK_LENGTH,
)

# The property tags the API accepts: RFC 8659 section 4.2, RFC 9495 (issuemail) and the
# CA/Browser Forum Baseline Requirements (contactemail, contactphone).
CAA_TAGS = ('issue', 'issuewild', 'iodef', 'issuemail', 'contactemail', 'contactphone')
CAA_FLAGS_MAX = 255
UINT16_MAX = 65535
# Wire limit of one record's data: each 255-octet chunk costs one length octet.
TXT_MAX_RDATA = 65535

HOST_TYPES = ('CNAME', 'MX', 'NS', 'SRV')
# The DNS root as a target: null MX (RFC 7505), "no service" SRV (RFC 2782).
ROOT = '.'

_CONTROL_CHARACTERS = re.compile(u'[\x00-\x1f\x7f]')
_WHITESPACE = re.compile(r'\s+')
_CAA_TAG = re.compile(r'^[A-Za-z0-9]{1,15}$')


class DNSValueError(ValueError):
    """Invalid user input; the message names the option and the problem."""


class RecordValue(object):
    """One value of one record type, canonicalised.

    ``key`` is the comparison key (hashable, order-free equality), ``text``
    the canonical presentation form (valid input again, so output can be fed
    back), ``content``/``priority``/``weight``/``port`` the API fields.
    ``raw`` is true for a value from the API that could not be parsed; it then
    matches nothing but itself and can still be updated or deleted.
    """

    __slots__ = ('rtype', 'key', 'text', 'content', 'priority', 'weight', 'port', 'raw')

    def __init__(self, rtype, key, text, content, priority=None, weight=None, port=None, raw=False):
        self.rtype = rtype
        self.key = key
        self.text = text
        self.content = content
        self.priority = priority
        self.weight = weight
        self.port = port
        self.raw = raw

    @property
    def sort_key(self):
        if self.raw:
            return (1, self.text)
        return (0, self.key)

    def api_fields(self):
        """The value's fields of an API Record (without name, type, ttl)."""
        fields = {FIELD_CONTENT: self.content}
        if self.rtype in ('MX', 'SRV'):
            fields[FIELD_PRIORITY] = self.priority
        if self.rtype == 'SRV':
            fields[FIELD_WEIGHT] = self.weight
            fields[FIELD_PORT] = self.port
        return fields

    def changed_api_fields(self, other):
        """The fields of ``self`` that differ from ``other`` (an update from ``other`` to ``self``)."""
        mine = self.api_fields()
        theirs = other.api_fields()
        return dict((k, v) for k, v in mine.items() if theirs.get(k) != v)

    def __eq__(self, other):
        return isinstance(other, RecordValue) and self.rtype == other.rtype and self.key == other.key

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.rtype, self.key))

    def __repr__(self):
        return 'RecordValue(%s %r)' % (self.rtype, self.text)


# --------------------------------------------------------------------------
# Names

def normalize_zone(zone, what='zone'):
    """The zone's ASCII (punycode) name, lower-case, without trailing dot."""
    try:
        return to_ascii_domain(zone, what=what)
    except DomainNameError as exc:
        raise DNSValueError('%s: %s' % (what, exc))


def normalize_record_name(name, zone_ascii, what='record'):
    """A record name relative to ``zone_ascii``; ``@`` for the apex.

    Accepts ``@``, an empty name, the zone itself, a fully qualified name
    inside the zone (with or without trailing dot), a relative name,
    wildcards (``*``, ``*.sub``), service labels (``_dmarc``) and IDN labels.
    """
    if name is None:
        return APEX
    if not isinstance(name, str):
        raise DNSValueError('%s must be a string, got %r' % (what, name))
    stripped = name.strip()
    if stripped in ('', APEX, APEX + '.'):
        return APEX
    if stripped == '.':
        raise DNSValueError('%s: "." is the DNS root, not a name in zone %s' % (what, zone_ascii))
    fully_qualified = stripped.endswith('.')
    if '*' in stripped.split('.')[1:] or ('*' in stripped and '*' not in stripped.split('.')):
        raise DNSValueError('%s: %r: a wildcard "*" can only be the whole first label (such as "*" or "*.sub")'
                            % (what, name))
    try:
        ascii_name = to_ascii_hostname(stripped, allow_wildcard=True, allow_service_labels=True, what=what)
    except DomainNameError as exc:
        raise DNSValueError('%s: %s' % (what, exc))
    if ascii_name == zone_ascii:
        return APEX
    suffix = '.' + zone_ascii
    if ascii_name.endswith(suffix):
        return ascii_name[:-len(suffix)]
    if fully_qualified:
        raise DNSValueError('%s: %r is outside zone %s (a name with a trailing dot is fully qualified)'
                            % (what, name, zone_ascii))
    tld = zone_ascii.rsplit('.', 1)[-1]
    if '.' in ascii_name and ascii_name.rsplit('.', 1)[-1] == tld:
        raise DNSValueError('%s: %r is outside zone %s; give a name relative to the zone (such as "www"), '
                            'or, if you really mean %s.%s, write that with a trailing dot'
                            % (what, name, zone_ascii, ascii_name, zone_ascii))
    if len(ascii_name) + len(suffix) > 253:
        raise DNSValueError('%s: %r is too long: %s.%s has more than 253 characters'
                            % (what, name, ascii_name, zone_ascii))
    return ascii_name


def api_record_name(name, zone_ascii):
    """Canonical relative name of a record as the API returned it (tolerant)."""
    if not name or name == APEX:
        return APEX
    lowered = name.lower()
    if lowered.endswith('.'):
        lowered = lowered[:-1]
    if not lowered.isascii():
        try:
            lowered = to_ascii_hostname(lowered, allow_wildcard=True, allow_service_labels=True)
        except DomainNameError:
            return lowered
    if lowered == zone_ascii or lowered == APEX:
        return APEX
    if lowered.endswith('.' + zone_ascii):
        return lowered[:-len(zone_ascii) - 1]
    return lowered


def fqdn(name, zone_ascii):
    """``www`` + ``example.nl`` -> ``www.example.nl``; ``@`` -> the zone."""
    if name == APEX:
        return zone_ascii
    return '%s.%s' % (name, zone_ascii)


def normalize_type(rtype, what='type'):
    """The record type upper-cased (``a`` -> ``A``); anything else than a known type is an error."""
    if not isinstance(rtype, str) or rtype.strip().upper() not in RECORD_TYPES:
        raise DNSValueError('%s must be one of %s (in any case), got %r' % (what, ', '.join(RECORD_TYPES), rtype))
    return rtype.strip().upper()


def validate_ttl(ttl, what='ttl'):
    """``None`` (leave alone / API default) or an int in TTL_MIN..TTL_MAX."""
    if ttl is None:
        return None
    if isinstance(ttl, bool):
        raise DNSValueError('%s must be a number of seconds, got %r' % (what, ttl))
    if isinstance(ttl, str) and ttl.strip().isdigit():
        ttl = int(ttl.strip())
    if not isinstance(ttl, int):
        raise DNSValueError('%s must be a number of seconds, got %r' % (what, ttl))
    if ttl < TTL_MIN or ttl > TTL_MAX:
        raise DNSValueError('%s must be between %d and %d seconds, got %d' % (what, TTL_MIN, TTL_MAX, ttl))
    return ttl


# --------------------------------------------------------------------------
# Quoted strings (TXT chunks, CAA values)

def parse_quoted_strings(text):
    """Parse a sequence of zone-file quoted strings: ``"a\\"b" "c"`` -> ``['a"b', 'c']``.

    Escapes: ``\\X`` is X for any non-digit X; ``\\DDD`` is the octet DDD
    (exactly three decimal digits, at most 255). Strings are separated by
    whitespace. Raises ValueError on anything else (unquoted text, an
    unterminated string, an invalid escape, octets that are not UTF-8).
    """
    result = []
    index = 0
    length = len(text)
    while True:
        while index < length and text[index] in ' \t':
            index += 1
        if index >= length:
            break
        if text[index] != '"':
            raise ValueError('expected a quoted string at position %d' % (index + 1))
        index += 1
        buf = bytearray()
        closed = False
        while index < length:
            char = text[index]
            if char == '"':
                closed = True
                index += 1
                break
            if char == '\\':
                if index + 1 >= length:
                    raise ValueError('a backslash at the end of the text escapes nothing')
                nxt = text[index + 1]
                if nxt.isdigit():
                    digits = text[index + 1:index + 4]
                    if len(digits) != 3 or not digits.isdigit() or not digits.isascii():
                        digits = digits[:2] if digits[:2].isdigit() else digits[:1]
                        raise ValueError('invalid escape "\\%s" at position %d: a numeric escape needs '
                                         'exactly three digits (\\DDD)' % (digits, index + 1))
                    octet = int(digits)
                    if octet > 255:
                        raise ValueError('invalid escape "\\%s" at position %d: more than 255'
                                         % (digits, index + 1))
                    buf.append(octet)
                    index += 4
                    continue
                buf.extend(nxt.encode('utf-8'))
                index += 2
                continue
            buf.extend(char.encode('utf-8'))
            index += 1
        if not closed:
            raise ValueError('unterminated quoted string')
        if index < length and text[index] not in ' \t':
            raise ValueError('quoted strings must be separated by spaces (position %d)' % (index + 1))
        try:
            result.append(buf.decode('utf-8'))
        except UnicodeDecodeError:
            raise ValueError('the escaped octets are not UTF-8 text')
    return result


def quote_string(text):
    """Zone-file quoted form of one string: ``a"b\\c`` -> ``"a\\"b\\\\c"``."""
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')


def txt_chunks(text, size=TXT_CHUNK_LENGTH):
    """Split TXT text into chunks of at most ``size`` characters (as the API shows it)."""
    if not text:
        return ['']
    return [text[i:i + size] for i in range(0, len(text), size)]


def txt_presentation(text, size=TXT_CHUNK_LENGTH):
    """TXT text as zone files write it: quoted chunks of at most ``size`` characters."""
    return ' '.join(quote_string(chunk) for chunk in txt_chunks(text, size))


def txt_from_api(content):
    """The logical text of TXT ``content`` as the API returns it.

    Text longer than 255 characters comes back as quoted chunks with ``\\"``
    and ``\\\\`` escapes; shorter text comes back bare. A bare text may itself
    start and end with a quote (``"a" "b"``), so the chunked reading is taken
    only when it yields more than one chunk and more than 255 octets: that
    can only be a split text.
    """
    if content is None:
        return ''
    if len(content) > TXT_CHUNK_LENGTH and content.startswith('"') and content.endswith('"'):
        try:
            chunks = parse_quoted_strings(content)
        except ValueError:
            return content
        if len(chunks) > 1:
            joined = ''.join(chunks)
            if len(joined.encode('utf-8')) > TXT_CHUNK_LENGTH:
                return joined
    return content


# --------------------------------------------------------------------------
# Values

def _fail(what, message):
    raise DNSValueError('%s: %s' % (what, message))


def _target(host, rtype, what, role='target', allow_root=False):
    if host == ROOT and allow_root:
        return ROOT
    if host in ('.', ''):
        _fail(what, 'the %s of a %s record must be a host name, not %r' % (role, rtype, host))
    address = host[:-1] if host.endswith('.') else host
    try:
        ipaddress.ip_address(address)
    except ValueError:
        pass
    else:
        _fail(what, 'the %s of a %s record must be a host name, not the IP address %r (give the name of the '
                    'host, and put its address in an A or AAAA record of that name)' % (role, rtype, host))
    try:
        ascii_host = to_ascii_hostname(host, allow_service_labels=True, what='%s %s' % (rtype, role))
    except DomainNameError as exc:
        _fail(what, str(exc))
    if ascii_host.rsplit('.', 1)[-1].isdigit():
        _fail(what, 'the %s of a %s record must be a host name, and %r ends in a numeric label, so it is not '
                    'one (a top-level domain is never numeric)' % (role, rtype, host))
    if '.' not in ascii_host:
        _fail(what, '%r is not a fully qualified host name; %s %ss are always fully qualified '
                    '(such as mail.example.nl), a trailing dot is optional' % (host, rtype, role))
    return ascii_host


def _uint(token, what, field, maximum):
    if not token.isdigit() or not token.isascii():
        _fail(what, '%s must be a number from 0 to %d, got %r' % (field, maximum, token))
    number = int(token)
    if number > maximum:
        _fail(what, '%s must be a number from 0 to %d, got %d' % (field, maximum, number))
    return number


_CANONICAL_IPV4 = re.compile(r'^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}'
                             r'(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$')


def _parse_a(value, what):
    stripped = value.strip()
    if _CANONICAL_IPV4.match(stripped):
        # Fast path for the common, already canonical spelling (large zones).
        octets = stripped.split('.')
        address = ipaddress.IPv4Address((int(octets[0]) << 24) | (int(octets[1]) << 16)
                                        | (int(octets[2]) << 8) | int(octets[3]))
        return RecordValue('A', (address,), stripped, stripped)
    try:
        address = ipaddress.IPv4Address(stripped)
    except ValueError:
        hint = '; that is an IPv6 address: use type AAAA' if ':' in value else ''
        _fail(what, '%r is not an IPv4 address (type A needs an address such as 192.0.2.10)%s' % (value, hint))
    text = str(address)
    return RecordValue('A', (address,), text, text)


def ipv6_text(address):
    """RFC 5952 text of an IPv6 address: compressed, and IPv4-mapped ones with the dotted quad.

    ``ipaddress`` writes ``::ffff:192.0.2.1`` as ``::ffff:c000:201`` before Python 3.13 and with
    the dotted quad from 3.13 on; RFC 5952 section 5 recommends the dotted quad, so it is built here.
    """
    if address.ipv4_mapped is not None:
        return '::ffff:%s' % address.ipv4_mapped
    return address.compressed


def _parse_aaaa(value, what):
    stripped = value.strip()
    if '%' in stripped:
        _fail(what, '%r has a zone index (%%...), which DNS cannot store' % value)
    try:
        address = ipaddress.IPv6Address(stripped)
    except ValueError:
        hint = '; that is an IPv4 address: use type A' if re.match(r'^\d+\.\d+\.\d+\.\d+$', stripped) else ''
        _fail(what, '%r is not an IPv6 address (type AAAA needs an address such as 2001:db8::10)%s'
              % (value, hint))
    text = ipv6_text(address)
    return RecordValue('AAAA', (address,), text, text)


def _parse_host_type(rtype):
    def parse(value, what):
        host = _target(value.strip(), rtype, what)
        return RecordValue(rtype, (host,), host, host)
    return parse


def _mx_value(priority, host):
    return RecordValue('MX', (priority, host), '%d %s' % (priority, host), host, priority=priority)


def _parse_mx(value, what):
    tokens = value.split()
    if len(tokens) != 2:
        _fail(what, 'an MX value is "priority host", such as "10 mail.example.nl"; got %r' % value)
    priority = _uint(tokens[0], what, 'the MX priority', UINT16_MAX)
    host = _target(tokens[1], 'MX', what, role='host', allow_root=True)
    if host == ROOT and priority != 0:
        _fail(what, 'a null MX ("." as host, RFC 7505) has priority 0, got %r' % value)
    return _mx_value(priority, host)


def _srv_value(priority, weight, port, target):
    return RecordValue('SRV', (priority, weight, port, target),
                       '%d %d %d %s' % (priority, weight, port, target),
                       target, priority=priority, weight=weight, port=port)


def _parse_srv(value, what):
    tokens = value.split()
    if len(tokens) != 4:
        _fail(what, 'an SRV value is "priority weight port target", such as "10 5 5060 sip.example.nl"; got %r'
              % value)
    priority = _uint(tokens[0], what, 'the SRV priority', UINT16_MAX)
    weight = _uint(tokens[1], what, 'the SRV weight', UINT16_MAX)
    port = _uint(tokens[2], what, 'the SRV port', UINT16_MAX)
    return _srv_value(priority, weight, port, _target(tokens[3], 'SRV', what, allow_root=True))


def _caa_value(flags, tag, text_value):
    text = '%d %s %s' % (flags, tag, quote_string(text_value))
    return RecordValue('CAA', (flags, tag, text_value), text, text)


def _parse_caa(value, what):
    match = re.match(r'^\s*(\S+)\s+(\S+)\s+(.*?)\s*$', value, re.S)
    if not match:
        _fail(what, 'a CAA value is "flags tag value", such as \'0 issue "letsencrypt.org"\'; got %r' % value)
    flags = _uint(match.group(1), what, 'the CAA flags', CAA_FLAGS_MAX)
    tag = match.group(2)
    if not _CAA_TAG.match(tag) or tag.lower() not in CAA_TAGS:
        _fail(what, 'the CAA tag must be one of %s, got %r' % (', '.join(CAA_TAGS), tag))
    raw = match.group(3)
    if raw.startswith('"'):
        try:
            parts = parse_quoted_strings(raw)
        except ValueError as exc:
            _fail(what, 'the CAA value %s is not a valid quoted string: %s' % (raw, exc))
        if len(parts) != 1:
            _fail(what, 'the CAA value must be one quoted string, got %s' % raw)
        text_value = parts[0]
    else:
        if '"' in raw or _WHITESPACE.search(raw) or '\\' in raw:
            _fail(what, 'the CAA value %s must be in double quotes' % raw)
        text_value = raw
    if _CONTROL_CHARACTERS.search(text_value):
        _fail(what, 'the CAA value contains a control character')
    return _caa_value(flags, tag.lower(), text_value)


def _parse_txt(value, what):
    if value == '':
        _fail(what, 'a TXT value cannot be empty')
    bad = _CONTROL_CHARACTERS.search(value)
    if bad:
        _fail(what, 'the TXT text contains the control character U+%04X (a YAML ">" or "|" block adds a '
                    'newline at the end: use ">-" or "|-")' % ord(bad.group(0)))
    octets = len(value.encode('utf-8'))
    if octets + (octets + TXT_CHUNK_LENGTH - 1) // TXT_CHUNK_LENGTH > TXT_MAX_RDATA:
        _fail(what, 'the TXT text is %d octets long, more than one DNS record can hold' % octets)
    return RecordValue('TXT', (value,), value, value)


_PARSERS = {
    'A': _parse_a,
    'AAAA': _parse_aaaa,
    'CAA': _parse_caa,
    'CNAME': _parse_host_type('CNAME'),
    'MX': _parse_mx,
    'NS': _parse_host_type('NS'),
    'SRV': _parse_srv,
    'TXT': _parse_txt,
}


def _scalar_problem(value):
    """Why ``value`` is not one scalar value (a string or a number), or None when it is."""
    if isinstance(value, bool):
        return ('must be a string, got the boolean %r (YAML reads yes/no/true/false/on/off unquoted as '
                'booleans: quote the value)' % (value,))
    if value is None:
        return 'must be a string, got null (an empty YAML value; quote it or give a value)'
    if isinstance(value, dict):
        return 'must be a string, got a dictionary %r (a YAML "key: value" inside the value? quote it)' % (value,)
    if isinstance(value, (list, tuple)):
        return 'must be a string, got a list %r (lists cannot be nested)' % (list(value),)
    if not isinstance(value, (str, int, float)):
        return 'must be a string, got %s %r' % (type(value).__name__, value)
    return None


def value_list(values, what='value'):
    """The user's ``value`` option (type raw) as a list of scalars.

    A string or a number is one value; a list of strings and numbers is the
    list. Anything else (a boolean, null, a dictionary, a nested list, or one
    of those inside the list) is a DNSValueError naming ``what`` or
    ``what[index]``. ``None`` for the whole option is the empty list (the
    callers decide whether a value is required).
    """
    if values is None:
        return []
    if isinstance(values, (list, tuple)):
        for index, value in enumerate(values):
            problem = _scalar_problem(value)
            if problem:
                _fail('%s[%d]' % (what, index), problem)
        return list(values)
    problem = _scalar_problem(values)
    if problem:
        if isinstance(values, dict):
            problem = ('must be a string or a list of strings, got a dictionary %r (a YAML "key: value" inside '
                       'the value? quote it)' % (values,))
        _fail(what, problem)
    return [values]


def parse_value(rtype, value, what='value'):
    """Parse one user value of type ``rtype`` (presentation form) into a RecordValue.

    ``what`` names the option in error messages (``value[2]``,
    ``records[3].value[0]``).
    """
    problem = _scalar_problem(value)
    if problem:
        _fail(what, problem)
    if isinstance(value, int) and rtype in ('A', 'AAAA'):
        _fail(what, 'must be a string, got %r' % (value,))
    if not isinstance(value, str):
        value = str(value)
    if rtype != 'TXT' and not value.strip():
        _fail(what, 'a %s value cannot be empty' % rtype)
    return _PARSERS[rtype](value, what)


def value_from_api(record):
    """The RecordValue of a Record dict as the API returns it.

    Tolerant: content the parser does not understand becomes a ``raw`` value,
    which never matches a user value (so it gets replaced or deleted, never
    silently kept as if it were what the user asked for).
    """
    rtype = (record.get(FIELD_TYPE) or '').upper()
    content = record.get(FIELD_CONTENT)
    if content is None:
        content = ''
    priority = record.get(FIELD_PRIORITY)
    try:
        if rtype == 'TXT':
            text = txt_from_api(content)
            return RecordValue('TXT', (text,), text, content)
        if rtype == 'MX':
            if priority is None:
                # Tolerate "10 mail.example.nl" in content.
                return _parse_mx(content, 'content')
            return _mx_value(int(priority), _target(content.strip(), 'MX', 'content', role='host',
                                                    allow_root=True))
        if rtype == 'SRV':
            weight = record.get(FIELD_WEIGHT)
            port = record.get(FIELD_PORT)
            if priority is None or weight is None or port is None:
                return _parse_srv(content, 'content')
            return _srv_value(int(priority), int(weight), int(port),
                              _target(content.strip(), 'SRV', 'content', allow_root=True))
        if rtype in _PARSERS:
            return _PARSERS[rtype](content, 'content')
    except (DNSValueError, ValueError, TypeError):
        pass
    text = content
    if priority is not None:
        text = '%s %s' % (priority, content)
    return RecordValue(rtype, ('\0raw', content, priority, record.get(FIELD_WEIGHT), record.get(FIELD_PORT)),
                       text, content, priority=priority, weight=record.get(FIELD_WEIGHT),
                       port=record.get(FIELD_PORT), raw=True)
