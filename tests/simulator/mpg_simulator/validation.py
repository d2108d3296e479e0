# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What the simulated API accepts, and the canonical form in which it stores it.

Written from the contract (``shared/api-contract.md``), independently of the collection's own
validation in ``plugins/``: the simulator imitates the server, so it must not share the client's code.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

RECORD_TYPES = ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA', 'NS')
RECORD_FIELDS = ('id', 'name', 'type', 'content', 'ttl', 'priority', 'weight', 'port')
TTL_MIN = 60
TTL_MAX = 86400
TTL_DEFAULT = 3600
TXT_CHUNK = 255
TXT_MAX = 65535
# RFC 8659 section 4.2, RFC 9495 (issuemail), CA/Browser Forum Baseline Requirements (contactemail, contactphone).
CAA_TAGS = ('issue', 'issuewild', 'iodef', 'issuemail', 'contactemail', 'contactphone')
APEX = '@'

HOLDER_FIELDS = ('id', 'company_name', 'first_name', 'last_name', 'email', 'phone', 'street',
                 'house_number', 'house_number_suffix', 'postal_code', 'city', 'country_code')
HOLDER_REQUIRED = ('first_name', 'last_name', 'email', 'phone', 'street', 'house_number',
                   'postal_code', 'city', 'country_code')
HOLDER_OPTIONAL = ('company_name', 'house_number_suffix')

_DOMAIN_LABEL = re.compile(r'^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$')
_HOST_LABEL = re.compile(r'^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$')
_EMAIL = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
_PHONE = re.compile(r'^\+[0-9]{1,3}\.[0-9]{4,14}$')
_COUNTRY = re.compile(r'^[A-Z]{2}$')
_CAA = re.compile(r'^\s*([0-9]{1,3})\s+([A-Za-z0-9]+)\s+"((?:[^"\\]|\\.)*)"\s*$')
_CONTROL = re.compile(r'[\x00-\x1f\x7f]')


class Invalid(ValueError):
    """Invalid values: ``errors`` maps field names to lists of problems (a 422)."""

    def __init__(self, errors, message='The given data was invalid.'):
        super(Invalid, self).__init__(message)
        self.errors = errors
        self.message = message


class Missing(Invalid):
    """Required fields are missing: a 400 (BadRequest), not a 422."""

    def __init__(self, errors, message='Required fields are missing.'):
        super(Missing, self).__init__(errors, message)


def require(fields, keys):
    """Raise Missing for each key of ``keys`` that is absent or null in ``fields``."""
    errors = dict((key, ['The %s field is required.' % key]) for key in keys if fields.get(key) is None)
    if errors:
        raise Missing(errors)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def canonical_domain(name):
    """Return the canonical (lower-case, no trailing dot) form of a registrable domain name, or None if invalid.

    Only ASCII names are accepted: an IDN must travel in its punycode (``xn--``) form.
    """
    if not isinstance(name, str) or not name.isascii():
        return None
    name = name.lower()
    if name.endswith('.'):
        name = name[:-1]
    if not name or len(name) > 253:
        return None
    labels = name.split('.')
    if len(labels) < 2:
        return None
    if not all(_DOMAIN_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():
        return None
    return name


def canonical_hostname(value):
    """Return a fully-qualified host name lower-cased without its trailing dot, or None if invalid."""
    if not isinstance(value, str) or not value.isascii():
        return None
    value = value.lower()
    if value.endswith('.'):
        value = value[:-1]
    if not value or len(value) > 253:
        return None
    labels = value.split('.')
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():
        return None
    return value


def canonical_record_name(value, zone):
    """Return the canonical relative name (``@`` for the apex), or None if invalid."""
    if not isinstance(value, str) or not value.isascii():
        return None
    value = value.lower()
    if value == APEX:
        return value
    if not value or value.endswith('.'):
        return None
    labels = value.split('.')
    for index, label in enumerate(labels):
        if label == '*' and index == 0:
            continue
        if not _HOST_LABEL.match(label):
            return None
    if len(value) + 1 + len(zone) > 253:
        return None
    return value


def _check_u16(errors, fields, key, required):
    value = fields.get(key)
    if value is None:
        if required:
            errors.setdefault(key, []).append('The %s field is required for this record type.' % key)
        return None
    if not is_int(value) or not 0 <= value <= 65535:
        errors.setdefault(key, []).append('The %s must be an integer between 0 and 65535.' % key)
        return None
    return value


def canonical_content(rtype, content, errors):
    """Validate ``content`` for a record type; return its canonical form (errors are added to ``errors``)."""
    if not isinstance(content, str) or content == '':
        errors.setdefault('content', []).append('The content field must be a non-empty string.')
        return None
    if rtype == 'A':
        try:
            return str(ipaddress.IPv4Address(content))
        except ValueError:
            errors.setdefault('content', []).append('The content must be a valid IPv4 address.')
            return None
    if rtype == 'AAAA':
        try:
            if '%' in content:
                raise ValueError(content)
            address = ipaddress.IPv6Address(content)
        except ValueError:
            errors.setdefault('content', []).append('The content must be a valid IPv6 address.')
            return None
        if address.ipv4_mapped is not None:
            # RFC 5952 section 5: an IPv4-mapped address with the dotted quad, whatever the Python version.
            return '::ffff:%s' % address.ipv4_mapped
        return address.compressed
    if rtype in ('MX', 'SRV') and content == '.':
        # The root as target: null MX (RFC 7505), "service not available" (RFC 2782).
        return '.'
    if rtype in ('CNAME', 'MX', 'NS', 'SRV'):
        host = canonical_hostname(content)
        if host is None:
            errors.setdefault('content', []).append('The content must be a valid host name.')
        return host
    if rtype == 'TXT':
        if _CONTROL.search(content):
            errors.setdefault('content', []).append('The content must not contain control characters.')
            return None
        if len(content) > TXT_MAX:
            errors.setdefault('content', []).append('The content may not be longer than %d characters.' % TXT_MAX)
            return None
        return content
    if rtype == 'CAA':
        match = _CAA.match(content)
        if not match:
            errors.setdefault('content', []).append('The content must have the form: flags tag "value".')
            return None
        flags, tag, value = int(match.group(1)), match.group(2).lower(), match.group(3)
        if flags > 255:
            errors.setdefault('content', []).append('The CAA flags must be between 0 and 255.')
            return None
        if tag not in CAA_TAGS:
            errors.setdefault('content', []).append('The CAA tag must be one of: %s.' % ', '.join(CAA_TAGS))
            return None
        return '%d %s "%s"' % (flags, tag, value)
    return None  # pragma: no cover - type is checked first


def canonical_record(fields, zone):
    """Validate a complete record (without ``id``) and return its canonical stored form.

    Raises Invalid with per-field errors. Checks values only; the zone-wide constraints (CNAME
    exclusivity, duplicates) are the state's job.
    """
    require(fields, ('name', 'type', 'content'))
    errors = {}
    unknown = sorted(set(fields) - set(RECORD_FIELDS) - {'id'})
    for key in unknown:
        errors[key] = ['Unknown field.']
    rtype = fields.get('type')
    if isinstance(rtype, str):
        rtype = rtype.upper()
    if rtype is not None and rtype not in RECORD_TYPES:
        errors.setdefault('type', []).append('The type must be one of: %s.' % ', '.join(RECORD_TYPES))
        rtype = None
    name = None
    if fields.get('name') is not None:
        name = canonical_record_name(fields['name'], zone)
        if name is None:
            errors.setdefault('name', []).append('The name must be "@", a relative host name or a wildcard.')
        elif name == APEX and rtype == 'CNAME':
            errors.setdefault('name', []).append('A CNAME record is not allowed at the apex of the zone.')
    content = None
    if rtype is not None and fields.get('content') is not None:
        content = canonical_content(rtype, fields['content'], errors)
    ttl = fields.get('ttl')
    if ttl is None:
        ttl = TTL_DEFAULT
    elif not is_int(ttl) or not TTL_MIN <= ttl <= TTL_MAX:
        errors.setdefault('ttl', []).append('The ttl must be an integer between %d and %d.' % (TTL_MIN, TTL_MAX))
    priority = weight = port = None
    if rtype in ('MX', 'SRV'):
        priority = _check_u16(errors, fields, 'priority', True)
    if rtype == 'SRV':
        weight = _check_u16(errors, fields, 'weight', True)
        port = _check_u16(errors, fields, 'port', True)
    if rtype is not None:
        allowed = {'MX': ('priority',), 'SRV': ('priority', 'weight', 'port')}.get(rtype, ())
        for key in ('priority', 'weight', 'port'):
            if key not in allowed and fields.get(key) is not None:
                errors.setdefault(key, []).append('The %s field is not allowed for %s records.' % (key, rtype))
    if errors:
        raise Invalid(errors)
    return {'name': name, 'type': rtype, 'content': content, 'ttl': ttl,
            'priority': priority, 'weight': weight, 'port': port}


def _quote_chunk(chunk):
    return '"%s"' % chunk.replace('\\', '\\\\').replace('"', '\\"')


def txt_for_reading(text):
    """TXT text as reads return it: bare up to 255 characters, else zone-file style quoted chunks."""
    if len(text) <= TXT_CHUNK:
        return text
    return ' '.join(_quote_chunk(text[i:i + TXT_CHUNK]) for i in range(0, len(text), TXT_CHUNK))


def check_holder_values(fields, required):
    """Validate DomainHolder fields; ``required`` = every required field must be present (create).

    Raises Missing (400) for absent required fields, Invalid (422) for bad values.
    """
    if required:
        require(fields, HOLDER_REQUIRED)
    errors = {}
    for key in sorted(set(fields) - set(HOLDER_FIELDS)):
        errors[key] = ['Unknown field.']
    if 'id' in fields:
        errors['id'] = ['The id field is read-only.']
    for key in HOLDER_REQUIRED:
        if key not in fields:
            continue
        value = fields[key]
        if not isinstance(value, str) or not value.strip():
            errors.setdefault(key, []).append('The %s field must be a non-empty string.' % key)
    for key in HOLDER_OPTIONAL:
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            errors.setdefault(key, []).append('The %s field must be a string or null.' % key)
    if isinstance(fields.get('email'), str) and fields['email'] and not _EMAIL.match(fields['email']):
        errors.setdefault('email', []).append('The email must be a valid email address.')
    if isinstance(fields.get('phone'), str) and fields['phone'] and not _PHONE.match(fields['phone']):
        errors.setdefault('phone', []).append('The phone must have the form +CC.NUMBER.')
    country = fields.get('country_code')
    if isinstance(country, str) and country and not _COUNTRY.match(country):
        errors.setdefault('country_code', []).append('The country_code must be an ISO 3166-1 alpha-2 code.')
    if errors:
        raise Invalid(errors)
