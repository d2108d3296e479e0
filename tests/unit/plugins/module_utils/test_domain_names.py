# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain,
    to_ascii_hostname,
    to_unicode_domain,
)


@pytest.mark.parametrize('spelling', ['bücher.nl', 'BÜCHER.NL', 'bücher.nl.', ' xn--bcher-kva.nl ', 'XN--BCHER-KVA.NL.'])
def test_every_spelling_of_an_idn_is_one_domain(spelling):
    assert to_ascii_domain(spelling) == 'xn--bcher-kva.nl'


def test_eszett_is_kept_idna2008_not_mapped_to_ss():
    assert to_ascii_domain('straße.de') == 'xn--strae-oqa.de'
    assert to_ascii_domain('strasse.de') == 'strasse.de'


@pytest.mark.parametrize('bad, reason', [
    ('a..b.nl', 'empty label'),
    ('.example.nl', 'empty label'),
    ('a' * 64 + '.nl', '64 characters'),
    ('.'.join(['a' * 63] * 4) + '.nl', 'at most 253'),
    ('exa mple.nl', "' '"),
    ('exa/mple.nl', "'/'"),
    ('example.nl?x', "'?'"),
    ('example.nl#x', "'#'"),
    ('-example.nl', 'hyphen'),
    ('example-.nl', 'hyphen'),
    ('ab--cd.nl', 'reserved'),
    ('xn--zz.nl', 'punycode'),
    ('exa_mple.nl', 'not allowed'),
    ('nl', 'at least a name'),
    ('', 'empty'),
    ('1.2.3.4', 'numeric'),
    ('example.nl..', 'empty label'),
])
def test_bad_domain_names_say_why(bad, reason):
    with pytest.raises(DomainNameError) as caught:
        to_ascii_domain(bad)
    assert reason in str(caught.value)


def test_non_string_is_rejected():
    with pytest.raises(DomainNameError):
        to_ascii_domain(None)


def test_hostnames_allow_wildcards_and_service_labels_only_when_asked():
    assert to_ascii_hostname('*.Sub', allow_wildcard=True) == '*.sub'
    assert to_ascii_hostname('_dmarc', allow_service_labels=True) == '_dmarc'
    assert to_ascii_hostname('_sip._tcp', allow_service_labels=True) == '_sip._tcp'
    with pytest.raises(DomainNameError):
        to_ascii_hostname('*.sub')
    with pytest.raises(DomainNameError):
        to_ascii_hostname('_dmarc')
    with pytest.raises(DomainNameError):
        to_ascii_hostname('a.*', allow_wildcard=True)


def test_unicode_round_trip():
    assert to_unicode_domain('xn--bcher-kva.nl') == 'bücher.nl'
    assert to_unicode_domain('example.nl') == 'example.nl'
