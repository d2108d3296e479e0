# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""WHOIS look-ups for modules: input checks and the shape of the results."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain,
    to_unicode_domain,
)


def ascii_domains_from_option(option, values):
    """Validate every name of an option; duplicates (in any spelling) collapse, order is kept.

    Raises ValueError naming the option and every invalid name, so a user
    fixes all of them in one go.
    """
    result = []
    seen = set()
    problems = []
    for value in values:
        try:
            name = to_ascii_domain(value)
        except DomainNameError as exc:
            problems.append(str(exc))
            continue
        if name not in seen:
            seen.add(name)
            result.append(name)
    if problems:
        raise ValueError('%s: %s' % (option, '; '.join(problems)))
    return result


def whois_result(raw, asked_domain):
    """One WHOIS result in the shape the modules return: only known fields, plus domain_unicode."""
    domain = raw.get(api.WHOIS_DOMAIN) if isinstance(raw.get(api.WHOIS_DOMAIN), str) else asked_domain
    try:
        domain = to_ascii_domain(domain)
    except DomainNameError:
        domain = asked_domain
    if domain != asked_domain:
        raise ValueError('the API answered for %s where %s was asked' % (domain, asked_domain))
    result = dict((field, raw.get(field)) for field in api.WHOIS_FIELDS)
    result[api.WHOIS_DOMAIN] = domain
    result['domain_unicode'] = to_unicode_domain(domain)
    result[api.WHOIS_AVAILABLE] = raw.get(api.WHOIS_AVAILABLE) is True
    return result
