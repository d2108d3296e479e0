# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain and host names: validation and the Unicode <-> punycode round trip.

Everything that puts a name into a URL path or compares two names goes through
here, so ``Bücher.nl``, ``bücher.nl.`` and ``xn--bcher-kva.nl`` are one domain
everywhere in the collection.

IDNA 2008 with UTS #46 mapping (the ``idna`` package, which ``requests``
already depends on) is used rather than the standard library's IDNA 2003
codec, which maps ``ß`` to ``ss`` and so names a different domain.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import traceback

try:
    import idna
    HAS_IDNA = True
    IDNA_IMPORT_ERROR = None
except ImportError:  # pragma: no cover - guarded for the sanity import test
    HAS_IDNA = False
    IDNA_IMPORT_ERROR = traceback.format_exc()


MAX_NAME_LENGTH = 253
MAX_LABEL_LENGTH = 63

_LDH_LABEL = re.compile(r'^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$')
# Service labels such as _dmarc, _domainkey, _sip, _tcp in record names.
_SERVICE_LABEL = re.compile(r'^_[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$')
_FORBIDDEN_CHARACTERS = re.compile(r'[\s/?#@:\\%,;"\'<>()\[\]{}|^`~!$&+=]')


class DomainNameError(ValueError):
    """A name that cannot be a domain or host name; the message says why."""


def _require_idna():
    if not HAS_IDNA:
        raise DomainNameError('the Python package "idna" is required to handle domain names '
                              '(it comes with "requests")')


def _label_to_ascii(label, original):
    if label.isascii():
        return label.lower()
    _require_idna()
    try:
        return idna.encode(label, uts46=True).decode('ascii')
    except idna.IDNAError as exc:
        raise DomainNameError('%r is not a valid internationalised domain name: label %r: %s'
                              % (original, label, exc))


def _check_ascii_label(label, original, allow_service_label=False):
    if not label:
        raise DomainNameError('%r has an empty label (two dots in a row, or a leading dot)' % original)
    if len(label) > MAX_LABEL_LENGTH:
        raise DomainNameError('%r has a label of %d characters; at most %d are allowed'
                              % (original, len(label), MAX_LABEL_LENGTH))
    if _LDH_LABEL.match(label):
        if label[2:4] == '--' and not label.startswith('xn--'):
            raise DomainNameError('%r has label %r with "--" in positions 3 and 4, '
                                  'which is reserved for IDN (xn--) labels' % (original, label))
        if label.startswith('xn--'):
            _require_idna()
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError) as exc:
                raise DomainNameError('%r has label %r that is not valid punycode: %s' % (original, label, exc))
        return
    if allow_service_label and _SERVICE_LABEL.match(label):
        return
    if label.startswith('-') or label.endswith('-'):
        raise DomainNameError('%r has label %r that starts or ends with a hyphen' % (original, label))
    raise DomainNameError('%r has label %r with characters that are not allowed in a domain name '
                          '(letters, digits and hyphens only)' % (original, label))


def _split_labels(name, what):
    if not isinstance(name, str):
        raise DomainNameError('%s must be a string, got %r' % (what, name))
    stripped = name.strip()
    if not stripped:
        raise DomainNameError('%s is empty' % what)
    bad = _FORBIDDEN_CHARACTERS.search(stripped)
    if bad:
        raise DomainNameError('%r contains %r, which is not allowed in a %s'
                              % (name, bad.group(0), what))
    # A single trailing dot (fully qualified spelling) means the same name.
    if stripped.endswith('.') and not stripped.endswith('..'):
        stripped = stripped[:-1]
    # Unicode full stops used by some input methods are dots too (UTS #46).
    stripped = stripped.replace(u'\u3002', '.').replace(u'\uff0e', '.').replace(u'\uff61', '.')
    return stripped.split('.')


def to_ascii_domain(name, what='domain name'):
    """Validate a registrable domain name and return its lower-case ASCII form.

    ``Bücher.NL.`` -> ``xn--bcher-kva.nl``. Raises DomainNameError.
    """
    labels = _split_labels(name, what)
    if len(labels) < 2:
        raise DomainNameError('%r is not a domain name: it needs at least a name and a top-level domain, '
                              'such as example.nl' % name)
    ascii_labels = []
    for label in labels:
        if not label:
            raise DomainNameError('%r has an empty label (two dots in a row, or a leading dot)' % name)
        ascii_label = _label_to_ascii(label, name)
        _check_ascii_label(ascii_label, name)
        ascii_labels.append(ascii_label)
    if ascii_labels[-1].isdigit():
        raise DomainNameError('%r is not a domain name: the top-level domain cannot be numeric' % name)
    result = '.'.join(ascii_labels)
    if len(result) > MAX_NAME_LENGTH:
        raise DomainNameError('%r is %d characters long in ASCII form; at most %d are allowed'
                              % (name, len(result), MAX_NAME_LENGTH))
    return result


def to_ascii_hostname(name, allow_wildcard=False, allow_service_labels=False, what='host name'):
    """Validate a host name (possibly relative) and return its lower-case ASCII form.

    Used for record names and for the host names inside record values
    (CNAME/MX/NS/SRV targets). ``allow_wildcard`` permits a leading ``*``
    label; ``allow_service_labels`` permits labels such as ``_dmarc``.
    """
    labels = _split_labels(name, what)
    ascii_labels = []
    for index, label in enumerate(labels):
        if label == '*' and allow_wildcard and index == 0:
            ascii_labels.append('*')
            continue
        if not label:
            raise DomainNameError('%r has an empty label (two dots in a row, or a leading dot)' % name)
        ascii_label = _label_to_ascii(label, name)
        _check_ascii_label(ascii_label, name, allow_service_label=allow_service_labels)
        ascii_labels.append(ascii_label)
    result = '.'.join(ascii_labels)
    if len(result) > MAX_NAME_LENGTH:
        raise DomainNameError('%r is %d characters long in ASCII form; at most %d are allowed'
                              % (name, len(result), MAX_NAME_LENGTH))
    return result


def to_unicode_domain(ascii_name):
    """The Unicode spelling of an ASCII (punycode) name, for display.

    Returns the input unchanged when a label cannot be decoded.
    """
    if not ascii_name or 'xn--' not in ascii_name or not HAS_IDNA:
        return ascii_name
    labels = []
    for label in ascii_name.split('.'):
        if label.startswith('xn--'):
            try:
                label = idna.decode(label)
            except (idna.IDNAError, UnicodeError):
                return ascii_name
        labels.append(label)
    return '.'.join(labels)
