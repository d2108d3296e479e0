#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_domain_holder_info
short_description: Look up domain holders (registrant contacts) at MijnPartnerGroep
version_added: 0.1.0
description:
  - Finds domain holders by id or by email address through the MijnPartnerGroep Domain API, without changing
    anything.
  - Several holders may share one email address; all of them are returned.
  - A holder that does not exist is not an error; RV(domainholders) is then empty.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  id:
    description:
      - The id of the holder.
      - Exactly one of O(id) and O(email) is required.
    type: int
  email:
    description:
      - The email address of the holders, compared without regard to case.
      - An internationalised domain after the C(@) may be given in Unicode or in punycode.
      - An invalid address fails the task before any request is sent.
      - Exactly one of O(id) and O(email) is required.
    type: str
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.INFO_MODULE
seealso:
  - module: mijnpartnergroep.domains.mpg_domain_holder
    description: Create, update and delete holders.
'''

EXAMPLES = r'''
- name: Find the holders with an email address
  mijnpartnergroep.domains.mpg_domain_holder_info:
    email: jan@example.nl
  register: found

- name: Use the holder when there is exactly one
  ansible.builtin.debug:
    msg: "Holder id {{ found.domainholders[0].id }}"
  when: found.domainholders | length == 1

- name: Read one holder by id
  mijnpartnergroep.domains.mpg_domain_holder_info:
    id: "{{ found.domainholders[0].id }}"
  register: by_id

- name: Fail unless it exists
  ansible.builtin.assert:
    that: by_id.domainholders | length == 1
    fail_msg: The domain holder does not exist
'''

RETURN = r'''
domainholders:
  description:
    - The matching holders as the API returned them; empty when there is none.
    - With O(id), at most one.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the holder.
      type: int
      sample: 123
    company_name:
      description: Company name, or V(null).
      type: str
      sample: null
    first_name:
      description: First name.
      type: str
      sample: Jan
    last_name:
      description: Last name.
      type: str
      sample: Jansen
    email:
      description: Email address.
      type: str
      sample: jan@example.nl
    phone:
      description: Phone number in the registry form C(+CC.NUMBER).
      type: str
      sample: "+31.205550100"
    street:
      description: Street.
      type: str
      sample: Voorbeeldstraat
    house_number:
      description: House number.
      type: str
      sample: "1"
    house_number_suffix:
      description: Addition to the house number, or V(null).
      type: str
      sample: a
    postal_code:
      description: Postal code.
      type: str
      sample: 1234 AB
    city:
      description: City.
      type: str
      sample: Amsterdam
    country_code:
      description: ISO 3166-1 alpha-2 country code.
      type: str
      sample: NL
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    HolderError,
    find_holder_by_id,
    holder_view,
    normalize_email,
    normalize_holder_id,
    search_holders_by_email,
)


def run(module):
    params = module.params
    try:
        holder_id = normalize_holder_id(params['id']) if params['id'] is not None else None
        email = normalize_email(params['email']) if params['email'] is not None else None
    except HolderError as exc:
        module.fail_json(msg=str(exc))
    if holder_id is not None:
        holder = find_holder_by_id(module.client, holder_id)
        holders = [holder] if holder is not None else []
    else:
        holders = search_holders_by_email(module.client, email)
    module.exit_json(changed=False, domainholders=[holder_view(h) for h in holders])


def main():
    module = MPGModule(
        argument_spec=dict(
            id=dict(type='int'),
            email=dict(type='str'),
        ),
        mutually_exclusive=[('id', 'email')],
        required_one_of=[('id', 'email')],
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
