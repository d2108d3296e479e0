# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Filter mijnpartnergroep.domains.to_ascii_domain: the one comparable spelling of a name.

A thin wrapper around plugins/module_utils/_domain_names.py, so playbooks and the roles
compare names (Unicode or punycode, any case, trailing dot) exactly as the modules do.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: to_ascii_domain
short_description: The lower-case ASCII (punycode) form of a domain or host name
version_added: 0.1.0
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
description:
  - Converts a domain name in Unicode or punycode, in any case, with or without a trailing dot, to the
    lower-case ASCII form that the collection's modules use, with IDNA 2008 (UTS 46 mapping) as in the modules.
  - Two spellings of one domain give the same result, so V(Rolle-Ä.nl.) and V(xn--rolle--gua.nl) compare equal
    after this filter.
  - An invalid name fails the task with a message that says why.
  - Runs on the controller; needs the Python package C(idna) there (it comes with C(requests)).
positional: hostname
options:
  _input:
    description:
      - The name.
    type: str
    required: true
  hostname:
    description:
      - V(false) takes a registrable domain name (at least two labels, such as V(example.nl)).
      - V(true) takes a host or record name instead; it may be a single label, start with a wildcard label
        V(*), and contain service labels such as V(_dmarc).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Two spellings of one domain
  ansible.builtin.assert:
    that:
      - ('rolle-ä.nl' | mijnpartnergroep.domains.to_ascii_domain) == ('XN--ROLLE--GUA.NL.' | mijnpartnergroep.domains.to_ascii_domain)

- name: The punycode form of an IDN
  ansible.builtin.debug:
    msg: "{{ 'Bücher.nl' | mijnpartnergroep.domains.to_ascii_domain }}"   # xn--bcher-kva.nl

- name: A record name (wildcard and service labels allowed)
  ansible.builtin.debug:
    msg: "{{ '_DMARC.Bücher' | mijnpartnergroep.domains.to_ascii_domain(hostname=true) }}"   # _dmarc.xn--bcher-kva
"""

RETURN = r"""
_value:
  description:
    - The name in lower-case ASCII (punycode) without a trailing dot.
  type: str
"""

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_text

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain as _to_ascii_domain,
    to_ascii_hostname as _to_ascii_hostname,
)


def to_ascii_domain(name, hostname=False):
    """``Bücher.NL.`` -> ``xn--bcher-kva.nl``; ``hostname=True`` for record names."""
    if not isinstance(name, str):
        raise AnsibleFilterError('to_ascii_domain: the input must be a string, got %s %r'
                                 % (type(name).__name__, name))
    try:
        if hostname:
            return _to_ascii_hostname(to_text(name), allow_wildcard=True, allow_service_labels=True)
        return _to_ascii_domain(to_text(name))
    except DomainNameError as exc:
        raise AnsibleFilterError('to_ascii_domain: %s' % exc)


class FilterModule(object):
    """Filters of mijnpartnergroep.domains."""

    def filters(self):
        return {'to_ascii_domain': to_ascii_domain}
