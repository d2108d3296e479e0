#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_domain_holder
short_description: Create, update and delete domain holders (registrant contacts) at MijnPartnerGroep
version_added: 0.1.0
description:
  - Manages a domain holder, the legal owner of a domain, through the MijnPartnerGroep Domain API.
  - The holder is named by O(id), or by O(email). With O(email) alone the holder with that address is looked up
    and reused, so running the task again never creates a duplicate. When several holders share the address the
    task fails before changing anything and asks for O(id).
  - With O(state=present) a missing holder is created, an existing one is updated in only the fields that differ,
    and nothing is sent when everything is equal. Fields the task leaves out are left alone.
  - With O(state=absent) the holder is deleted; a holder that does not exist is V(changed=false). A holder that a
    domain still uses cannot be deleted, and the task fails saying so.
  - Every value is checked and normalised before any request is sent, so equivalent spellings compare equal and
    a second run reports no change. See the options for the rules.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  id:
    description:
      - The id of an existing holder.
      - With O(state=present) and an O(id) that does not exist the task fails; a holder cannot be created with a
        chosen id.
      - When O(id) and O(email) are both given, O(email) is a field to set on that holder (with O(state=absent) it
        must match the holder's address, as a safety check).
      - At least one of O(id) and O(email) is required.
    type: int
  state:
    description:
      - V(present) creates or updates the holder; V(absent) deletes it.
      - With V(absent) only O(id) and O(email) are used; the other fields are ignored.
    type: str
    choices: [present, absent]
    default: present
  email:
    description:
      - Email address of the holder. Without O(id) it also selects the holder.
      - Compared without regard to case, for the whole address (no mail system in use treats C(Jan@) and C(jan@)
        as different mailboxes). The domain part is sent in lower case and, for an internationalised domain, in
        its ASCII (punycode) form; the part before the C(@) must be ASCII and is sent as given.
      - Required to create a holder.
    type: str
  company_name:
    description:
      - Company name, when the holder is an organisation.
      - An empty string removes it.
    type: str
  first_name:
    description:
      - First name. Required to create a holder.
    type: str
  last_name:
    description:
      - Last name. Required to create a holder.
    type: str
  phone:
    description:
      - Phone number in international form, in any usual notation, for example V(+31 20 555 0100),
        V(+31 (0\)20 5550100), V(0031-20-5550100) or the registry form V(+31.205550100). It is sent in the registry
        form C(+CC.NUMBER).
      - It must start with V(+) or V(00) and an ITU-T country calling code. A national number such as
        V(020 555 0100) is refused instead of being completed from O(country_code), because the phone may be in
        another country. A V((0\)) right after the country code is dropped; other digits are kept as given.
        Extensions are not supported. At most 15 digits (E.164).
      - Quote the number in YAML, or a leading C(00) or C(0) may turn it into a different number.
      - Required to create a holder.
    type: str
  street:
    description:
      - Street name, without the house number. Required to create a holder.
    type: str
  house_number:
    description:
      - House number. Required to create a holder.
    type: str
  house_number_suffix:
    description:
      - Addition to the house number, such as V(a) or V(bis).
      - An empty string removes it.
    type: str
  postal_code:
    description:
      - Postal code, at most 16 characters, compared as given (V(1234 AB) and V(1234AB) differ).
      - Required to create a holder.
    type: str
  city:
    description:
      - City. Required to create a holder.
    type: str
  country_code:
    description:
      - Country of the address as an ISO 3166-1 alpha-2 code, in any case (V(nl) is V(NL)). Only officially
        assigned codes are accepted; use V(GB) for the United Kingdom.
      - Required to create a holder.
    type: str
notes:
  - Text fields are trimmed of surrounding white space and otherwise sent exactly as given; Unicode is never
    transliterated. They are compared after Unicode NFC normalisation, so the same text in composed or decomposed
    form is equal. Case matters. Line breaks and other control characters are refused; at most 255 characters.
  - When the create request times out or the API answers with a server error, the holder may have been created
    anyway. The module then looks the address up again and reports the holder it finds instead of failing, so a
    retry cannot create a duplicate.
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.STATE_MODULE
seealso:
  - module: mijnpartnergroep.domains.mpg_domain_holder_info
    description: Look holders up without changing them.
  - module: mijnpartnergroep.domains.mpg_domain
    description: Register a domain for a holder.
'''

EXAMPLES = r'''
- name: Make sure the holder exists (created once, found by email afterwards)
  mijnpartnergroep.domains.mpg_domain_holder:
    email: jan@example.nl
    first_name: Jan
    last_name: Jansen
    phone: "+31 (0)20 555 0100"
    street: Voorbeeldstraat
    house_number: "1"
    house_number_suffix: a
    postal_code: 1234 AB
    city: Amsterdam
    country_code: nl
  register: holder

- name: Show the id to use for domain registrations
  ansible.builtin.debug:
    msg: "Holder {{ holder.domainholder.id }} has phone {{ holder.domainholder.phone }}"

- name: Change only the phone number; the other fields are left alone
  mijnpartnergroep.domains.mpg_domain_holder:
    email: jan@example.nl
    phone: "0031-20-5550199"

- name: An organisation with an address in Unicode
  mijnpartnergroep.domains.mpg_domain_holder:
    email: info@bücher.example
    company_name: Bücher & Söhne GmbH
    first_name: Jürgen
    last_name: Groß
    phone: "+49 30 1234567"
    street: Friedrichstraße
    house_number: "12"
    postal_code: "10117"
    city: Berlin
    country_code: DE

- name: Change the email address of a holder known by id
  mijnpartnergroep.domains.mpg_domain_holder:
    id: "{{ holder.domainholder.id }}"
    email: jan.jansen@example.nl

- name: Delete a holder that no domain uses any more
  mijnpartnergroep.domains.mpg_domain_holder:
    email: info@bücher.example
    state: absent
'''

RETURN = r'''
domainholder:
  description:
    - The holder as the API returned it after the change (with O(state=present)).
    - In check mode, the holder as it would be; a holder that would be created has no RV(domainholder.id) yet.
    - An empty dictionary with O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the holder, to register domains with.
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
diff:
  description:
    - Only the fields that change. A new holder is shown from an empty V(before); a deleted one with an empty
      V(after).
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: The old values of the changed fields.
      type: dict
      sample: {phone: "+31.205550100"}
    after:
      description: The new values of the changed fields.
      type: dict
      sample: {phone: "+31.205550199"}
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    HolderError,
    apply_plan_locally,
    find_holder_by_email,
    find_holder_by_id,
    holder_view,
    normalize_email,
    normalize_holder_id,
    normalize_holder_input,
    plan_holder_changes,
    same_email,
    search_holders_by_email,
)


def describe(holder):
    return 'domain holder %s (%s)' % (holder.get(api.HOLDER_ID), holder.get(api.HOLDER_EMAIL))


def find_current(module, holder_id, email):
    """The existing holder named by the task, or None. Fails for an unknown id with state=present."""
    state = module.params['state']
    if holder_id is not None:
        current = find_holder_by_id(module.client, holder_id)
        if current is None and state == 'present':
            module.fail_json(msg='domain holder with id %s does not exist; leave out id to create a new holder '
                                 '(a holder cannot be created with a chosen id)' % holder_id)
        if current is not None and state == 'absent' and email is not None \
                and not same_email(current.get(api.HOLDER_EMAIL), email):
            module.fail_json(msg='domain holder %s has email %s, not %s; nothing was deleted'
                                 % (holder_id, current.get(api.HOLDER_EMAIL), email))
        return current
    return find_holder_by_email(module.client, email)


def create(module, body):
    """PUT the new holder; after a time-out or server error, look again before reporting a failure."""
    try:
        return module.client.create_holder(body)
    except MPGApiError as exc:
        if not getattr(exc, 'may_have_acted', False):
            module.fail_api(exc, what='creating the domain holder failed')
        try:
            found = search_holders_by_email(module.client, body[api.HOLDER_EMAIL])
        except MPGApiError as search_exc:
            module.fail_api(exc, what='creating the domain holder failed, and it may have been created anyway '
                                      '(looking it up failed too: %s); check with mpg_domain_holder_info before '
                                      'trying again' % module.client.redact(str(search_exc)))
        if len(found) == 1:
            module.warn('the API did not confirm the creation (%s), but the holder exists now: %s'
                        % (module.client.redact(str(exc)), describe(found[0])))
            return found[0]
        module.fail_api(exc, what='creating the domain holder failed, and it is not known whether it was created '
                                  '(%d holder(s) with this email now); check with mpg_domain_holder_info'
                                  % len(found))


def delete(module, current):
    try:
        module.client.delete_holder(current[api.HOLDER_ID])
    except MPGApiError as exc:
        if exc.status == 422:
            module.fail_json(msg='%s is still used by a domain and cannot be deleted; the API said: %s'
                                 % (describe(current), exc.api_message or exc),
                             status=exc.status, api_errors=exc.field_errors or {})
        if exc.status == 404:
            return False    # deleted by someone else meanwhile: absent is what was asked for
        module.fail_api(exc, what='deleting %s failed' % describe(current))
    return True


def run(module):
    params = module.params
    state = params['state']
    # 1. Input: validated and normalised before any request; every problem reported at once.
    holder_id = email = desired = None
    problems = []
    try:
        holder_id = normalize_holder_id(params['id']) if params['id'] is not None else None
    except HolderError as exc:
        problems.append(str(exc))
    try:
        if state == 'present':
            desired = normalize_holder_input(params)
            email = desired.get(api.HOLDER_EMAIL)
        elif params['email'] is not None:
            email = normalize_email(params['email'])
    except HolderError as exc:
        problems.append(str(exc))
    if problems:
        module.fail_json(msg='; '.join(problems))

    # 2. Current state: one search.
    try:
        current = find_current(module, holder_id, email)
        plan = plan_holder_changes(current, desired)
    except HolderError as exc:
        module.fail_json(msg=str(exc))

    # 3. Apply (or not, in check mode).
    changed = plan.changed
    if plan.action == 'none' or module.check_mode:
        result = apply_plan_locally(current, plan)
    elif plan.action == 'create':
        result = create(module, plan.body)
    elif plan.action == 'update':
        try:
            result = module.client.update_holder(current[api.HOLDER_ID], plan.body)
        except MPGApiError as exc:
            module.fail_api(exc, what='updating %s failed' % describe(current))
    else:
        changed = delete(module, current)
        result = None

    output = dict(changed=changed, domainholder=holder_view(result) if result else {})
    if module._diff:
        output['diff'] = plan.diff if changed else dict(before={}, after={})
    module.exit_json(**output)


def main():
    # The options are the DomainHolder fields (HOLDER_WRITABLE_FIELDS), spelled out: they are the user
    # interface and must not change when a wire name in _endpoints.py does.
    argument_spec = dict(
        id=dict(type='int'),
        state=dict(type='str', default='present', choices=['present', 'absent']),
        email=dict(type='str'),
        company_name=dict(type='str'),
        first_name=dict(type='str'),
        last_name=dict(type='str'),
        phone=dict(type='str'),
        street=dict(type='str'),
        house_number=dict(type='str'),
        house_number_suffix=dict(type='str'),
        postal_code=dict(type='str'),
        city=dict(type='str'),
        country_code=dict(type='str'),
    )
    module = MPGModule(
        argument_spec=argument_spec,
        required_one_of=[('id', 'email')],
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
