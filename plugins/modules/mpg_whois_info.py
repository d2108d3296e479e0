#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_whois_info
short_description: Check whether domains are free to register at MijnPartnerGroep (WHOIS)
version_added: 0.1.0
description:
  - Looks up one or many domains in WHOIS through the MijnPartnerGroep Domain API and tells whether each is
    available for registration.
  - Names may be given in Unicode (V(bücher.nl)) or punycode (V(xn--bcher-kva.nl)); both mean the same domain.
  - Many names are looked up in calls of at most 50 domains.
  - An error of the API (throttling, a server fault) fails the task; it is never reported as V(available=true).
  - A domain that was just registered may still be reported as free by WHOIS for a while; use
    M(mijnpartnergroep.domains.mpg_dns_zone_info) to list the domains of your own account.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  name:
    description:
      - One domain name to look up.
      - Exactly one of O(name) and O(names) is required.
    type: str
    aliases: [domain]
  names:
    description:
      - Several domain names to look up. Duplicates (in any spelling) are looked up once.
      - Exactly one of O(name) and O(names) is required.
    type: list
    elements: str
    aliases: [domains]
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.INFO_MODULE
seealso:
  - module: mijnpartnergroep.domains.mpg_domain
    description: Register the domains that are free.
'''

EXAMPLES = r'''
- name: Check whether one domain is free
  mijnpartnergroep.domains.mpg_whois_info:
    name: example-shop.nl
  register: whois

- name: Show the answer
  ansible.builtin.debug:
    msg: "example-shop.nl is {{ 'free' if whois.available else 'taken' }}"

- name: Check several names at once, an IDN among them
  mijnpartnergroep.domains.mpg_whois_info:
    names:
      - example-shop.nl
      - bücher.nl
      - example-shop.com
  register: candidates

- name: List the free ones
  ansible.builtin.debug:
    msg: "{{ candidates.results | selectattr('available') | map(attribute='domain_unicode') | list }}"

- name: Credentials given explicitly instead of through MPG_* environment variables
  mijnpartnergroep.domains.mpg_whois_info:
    name: example-shop.nl
    api_url: "{{ mpg_api_url }}"
    client_id: "{{ mpg_client_id }}"
    client_secret: "{{ mpg_client_secret }}"
'''

RETURN = r'''
available:
  description: Whether the domain is free to register. Only when O(name) is given.
  returned: when O(name) is given
  type: bool
  sample: true
whois:
  description: The WHOIS result of the domain. Only when O(name) is given. Same fields as an element of RV(results).
  returned: when O(name) is given
  type: dict
  sample:
    domain: example-shop.nl
    domain_unicode: example-shop.nl
    available: true
    status: free
    registrar: null
    created_at: null
    expires_at: null
    nameservers: null
results:
  description: One WHOIS result per domain, in the order asked.
  returned: always
  type: list
  elements: dict
  contains:
    domain:
      description: The domain in ASCII (punycode) form.
      type: str
      sample: xn--bcher-kva.nl
    domain_unicode:
      description: The domain in Unicode form.
      type: str
      sample: bücher.nl
    available:
      description: Whether the domain is free to register.
      type: bool
      sample: false
    status:
      description: WHOIS status.
      type: str
      choices: [free, active, quarantine, reserved, invalid]
      sample: active
    registrar:
      description: The registrar of a registered domain; V(null) when not registered.
      type: str
      sample: Example Registrar B.V.
    created_at:
      description: Registration date of a registered domain (YYYY-MM-DD); V(null) when not registered.
      type: str
      sample: '2020-01-31'
    expires_at:
      description: Expiry date of a registered domain (YYYY-MM-DD); V(null) when not registered.
      type: str
      sample: '2027-01-31'
    nameservers:
      description: Name servers of a registered domain; V(null) when not registered.
      type: list
      elements: str
      sample: [ns1.example.net, ns2.example.net]
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._whois import (
    ascii_domains_from_option,
    whois_result,
)


def run(module):
    params = module.params
    option = 'name' if params['name'] is not None else 'names'
    values = [params['name']] if option == 'name' else params['names']
    try:
        domains = ascii_domains_from_option(option, values)
    except ValueError as exc:
        module.fail_json(msg=str(exc))
    if option == 'name':
        raw_results = [module.client.whois(domains[0])]
    else:
        raw_results = module.client.whois_many(domains) if domains else []
    try:
        results = [whois_result(raw, domain) for raw, domain in zip(raw_results, domains)]
    except ValueError as exc:
        module.fail_json(msg='WHOIS answer does not match the question: %s' % exc)
    output = dict(changed=False, results=results)
    if option == 'name':
        output['whois'] = results[0]
        output['available'] = results[0]['available']
    module.exit_json(**output)


def main():
    module = MPGModule(
        argument_spec=dict(
            name=dict(type='str', aliases=['domain']),
            names=dict(type='list', elements='str', aliases=['domains']),
        ),
        mutually_exclusive=[('name', 'names')],
        required_one_of=[('name', 'names')],
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
