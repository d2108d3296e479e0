# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.mijnpartnergroep.domains.plugins.filter.to_ascii_domain import FilterModule


@pytest.fixture
def to_ascii_domain():
    return FilterModule().filters()['to_ascii_domain']


@pytest.mark.parametrize('spelling', ['rolle-ä.nl', 'ROLLE-Ä.NL.', 'xn--rolle--gua.nl', ' XN--ROLLE--GUA.NL. '])
def test_unicode_and_punycode_are_one_domain(to_ascii_domain, spelling):
    assert to_ascii_domain(spelling) == 'xn--rolle--gua.nl'


def test_idna_2008_not_2003(to_ascii_domain):
    # IDNA 2003 (the standard library codec) would map ß to ss: another domain.
    assert to_ascii_domain('straße.de') == 'xn--strae-oqa.de'


@pytest.mark.parametrize('name, expected', [
    ('www', 'www'),
    ('WWW.Example.NL.', 'www.example.nl'),
    ('*', '*'),
    ('*.Sub', '*.sub'),
    ('_DMARC', '_dmarc'),
    ('Bücher', 'xn--bcher-kva'),
])
def test_hostname_takes_record_names(to_ascii_domain, name, expected):
    assert to_ascii_domain(name, hostname=True) == expected


@pytest.mark.parametrize('bad, reason', [
    ('www', 'needs at least a name and a top-level domain'),
    ('a..nl', 'empty label'),
    ('exa mple.nl', "' '"),
    ('xn--zz.nl', 'not valid punycode'),
])
def test_an_invalid_domain_fails_with_the_reason(to_ascii_domain, bad, reason):
    with pytest.raises(AnsibleFilterError) as exc:
        to_ascii_domain(bad)
    assert 'to_ascii_domain' in str(exc.value)
    assert reason in str(exc.value)


@pytest.mark.parametrize('bad', [None, 42, ['a.nl']])
def test_a_non_string_fails(to_ascii_domain, bad):
    with pytest.raises(AnsibleFilterError, match='must be a string'):
        to_ascii_domain(bad)
