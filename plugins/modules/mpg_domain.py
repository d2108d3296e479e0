#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_domain
short_description: Register domains at MijnPartnerGroep, one or many, never twice
version_added: 0.1.0
description:
  - Registers one domain (O(name)) or many (O(names)) through the MijnPartnerGroep Domain API, for a domain
    holder given by id or by email address.
  - B(Registering a domain costs money, and the API has no operation to cancel, transfer or change a registered
    domain.) This module can only add registrations; there is no O(state=absent).
  - 'For every domain the module decides, in this order: a domain listed in the account (the DNS ListDomain
    operation, where a new registration is listed at once as V(pending)) is already present and left alone;
    any other domain is looked up in WHOIS and registered only when WHOIS says it is V(free) and available;
    a domain that is registered elsewhere, reserved, in quarantine or invalid fails with a message that says so.'
  - WHOIS may go on reporting a new registration as V(free) for a while; since the account's own list is read
    first, such a domain is never registered a second time.
  - A registration request is never sent twice. When it times out, or the API answers with a server error (5xx),
    the module does not resend it; it reads the account's domains again and counts a domain that is now listed
    as registered (with a warning), and a domain that is not listed as failed. A re-run then decides afresh.
  - With O(names), the domains are registered through the bulk operation in calls of at most 50. Every domain's
    outcome is reported in RV(results); the task fails when any domain failed, after the others were registered,
    and a re-run registers only what is still missing. After a registration call that failed as a whole
    (for example HTTP 402, or a time-out) no further calls are sent in that run.
  - Domain names may be given in Unicode (V(bücher.nl)) or punycode (V(xn--bcher-kva.nl)); both mean the same
    domain, and duplicates in O(names) are registered once.
  - All input is checked before the first request.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  name:
    description:
      - One domain to register.
      - Exactly one of O(name) and O(names) is required.
    type: str
    aliases: [domain]
  names:
    description:
      - Several domains to register, through the bulk operation in calls of at most 50 domains.
      - Duplicates (in any spelling) are registered once.
      - Exactly one of O(name) and O(names) is required.
    type: list
    elements: str
    aliases: [domains]
  domainholder_id:
    description:
      - The id of the domain holder (registrant) for new registrations, as returned by
        M(mijnpartnergroep.domains.mpg_domain_holder).
      - The holder is checked to exist before anything is registered. It is looked up only when at least one domain
        is to be registered, so a run in which every domain is already present sends no holder search.
      - Exactly one of O(domainholder_id) and O(domainholder_email) is required.
    type: int
  domainholder_email:
    description:
      - The email address of the domain holder for new registrations; the holder is found through the holder
        search (case-insensitive).
      - When several holders share the address the task fails before registering anything and asks for
        O(domainholder_id). As with O(domainholder_id), the holder is looked up only when a domain is to be
        registered.
      - Exactly one of O(domainholder_id) and O(domainholder_email) is required.
    type: str
  period:
    description:
      - The registration period in years, from V(1) to V(10). The registry of the top-level domain may allow
        fewer choices; the API then refuses the registration with its reason.
    type: int
    default: 1
  nameservers:
    description:
      - Name servers for new registrations, as host names; from 2 to 13 different ones.
      - When left out (or empty), the provider's name servers are used and the provider creates a DNS zone for the
        domain, which M(mijnpartnergroep.domains.mpg_dns_record) can then fill.
      - These apply to new registrations only. For a domain that is already in the account the API cannot change
        the name servers; the module compares them with those WHOIS reports and warns when they differ.
    type: list
    elements: str
  state:
    description:
      - V(present) registers the domains that are not yet in the account.
      - There is no V(absent), because the API has no operation to cancel a registration. Cancel a domain through
        your provider.
    type: str
    choices: [present]
    default: present
notes:
  - 'What is compared for a domain that is already in the account: the API has no operation that reads a
    registered domain. ListDomain gives only its name and status, and no operation returns its holder, so a
    different O(domainholder_id) or O(domainholder_email) is B(not) detected. The name servers are compared with
    what WHOIS reports (the registry''s view), only when O(nameservers) is given and only once the registration
    is no longer V(pending); a difference gives a warning and C(changed=false).'
  - The account's domains are those that ListDomain lists. A domain of the account that ListDomain does not
    list would be seen as registered elsewhere and fail; it is never registered again.
  - When a registration call got no clear answer and the domain is not yet listed when the account is re-read,
    the domain is reported as failed although the registration may still appear later. Check the account before
    re-running in that case.
  - Name servers inside the domain itself (such as V(ns1.example.nl) for V(example.nl)) need glue addresses,
    which the API cannot take; use name servers in another domain.
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.STATE_MODULE
attributes:
  check_mode:
    details:
      - Check mode sends only read requests (ListDomain, WHOIS, holder search), makes the same decision per domain,
        and reports C(changed) and the diff; it never sends a registration request.
      - A holder given by O(domainholder_email) or O(domainholder_id) that does not exist yet (because an earlier
        task that would create it also ran in check mode) gives a warning in check mode instead of a failure.
  diff_mode:
    details:
      - One entry per domain to be registered, keyed by its ASCII name, from V(absent) to the registration that is (or would be) made.
  idempotent:
    details:
      - A domain that is in the account, including a V(pending) registration, is never registered again.
seealso:
  - module: mijnpartnergroep.domains.mpg_whois_info
    description: Check which names are free before registering them.
  - module: mijnpartnergroep.domains.mpg_domain_holder
    description: Create the domain holder that a registration needs.
  - module: mijnpartnergroep.domains.mpg_dns_record
    description: Add DNS records to the zone of a registered domain.
'''

EXAMPLES = r'''
- name: Register a domain for the holder with this email address
  mijnpartnergroep.domains.mpg_domain:
    name: example-shop.nl
    domainholder_email: hostmaster@example.nl
  register: shop

- name: Show its status (pending until the registry has it, then active)
  ansible.builtin.debug:
    msg: "{{ shop.domain.domain }} is {{ shop.domain.status }}"

- name: Register an IDN for two years with our own name servers
  mijnpartnergroep.domains.mpg_domain:
    name: bücher-shop.nl
    domainholder_id: 42
    period: 2
    nameservers:
      - ns1.example.net
      - ns2.example.net

- name: Preview which domains would be registered, without registering anything
  mijnpartnergroep.domains.mpg_domain:
    names:
      - example-shop.com
      - example-shop.eu
      - example-shop.be
    domainholder_email: hostmaster@example.nl
  check_mode: true
  register: preview

- name: Show the preview
  ansible.builtin.debug:
    msg: "Would register: {{ preview.registered }}; already ours: {{ preview.already_present }}"

- name: Register a list of domains (bulk operation, at most 50 a call)
  mijnpartnergroep.domains.mpg_domain:
    names:
      - example-shop.com
      - example-shop.eu
      - example-shop.be
    domainholder_email: hostmaster@example.nl
  register: bulk

- name: Show what happened to each domain
  ansible.builtin.debug:
    msg: "{{ bulk.results | items2dict(key_name='domain', value_name='outcome') }}"
'''

RETURN = r'''
domain:
  description:
    - The domain of O(name). After a registration, the Domain object as the API returned it.
    - When the domain was already in the account, or when the registration's answer was lost and the domain was
      found by reading the account again, only RV(domain.domain) and RV(domain.status) (from ListDomain).
    - In check mode, for a domain to be registered, the registration that would be requested.
  returned: when O(name) is given and the domain did not fail
  type: dict
  contains:
    domain:
      description: The domain in ASCII (punycode) form.
      type: str
      sample: example-shop.nl
    domainholder_id:
      description: The holder of the new registration (not known for a domain that was already present).
      type: int
      sample: 42
    period:
      description: Registration period in years (not known for a domain that was already present).
      type: int
      sample: 1
    nameservers:
      description: Name servers of the new registration (not known for a domain that was already present).
      type: list
      elements: str
      sample: [ns1.mijnpartnergroep.nl, ns2.mijnpartnergroep.nl]
    status:
      description: V(pending) until the registry has the registration, then V(active).
      type: str
      sample: pending
    expires_at:
      description: Expiry date (YYYY-MM-DD) of a new registration.
      type: str
      sample: '2027-12-03'
results:
  description: One result per requested domain, in the order given (duplicates collapsed).
  returned: always, also when the task fails once the account's domains and WHOIS have been read
  type: list
  elements: dict
  contains:
    domain:
      description: The domain in ASCII (punycode) form.
      type: str
      sample: xn--bcher-shop-9db.nl
    domain_unicode:
      description: The domain in Unicode form.
      type: str
      sample: bücher-shop.nl
    outcome:
      description:
        - V(registered) when this task registered it (in check mode, when it would be registered);
          V(already_present) when it was already in the account; V(failed) when it could not be registered.
      type: str
      choices: [registered, already_present, failed]
      sample: registered
    status:
      description: The account's status of the domain (V(pending) or V(active)); V(null) when failed or in check mode.
      type: str
      sample: pending
    whois_status:
      description: The WHOIS status when WHOIS was consulted for the domain, else V(null).
      type: str
      choices: [free, active, quarantine, reserved, invalid]
      sample: free
    reason:
      description: Why the domain failed; V(null) otherwise.
      type: str
      sample: taken.nl is registered elsewhere (registrar Another Registrar B.V., expires 2027-01-31)
    warnings:
      description: Warnings about this domain (also shown as task warnings).
      type: list
      elements: str
      sample: []
    registration:
      description:
        - For a domain registered by this task, the Domain as the API returned it (or, after a lost answer, its name
          and status from ListDomain); in check mode, the registration that would be requested; else V(null).
      type: dict
      sample: {domain: example-shop.nl, domainholder_id: 42, period: 1, status: pending, expires_at: '2027-12-03',
               nameservers: [ns1.mijnpartnergroep.nl, ns2.mijnpartnergroep.nl]}
registered:
  description: The domains (ASCII form) this task registered (in check mode, would register).
  returned: always, also when the task fails once the account's domains and WHOIS have been read
  type: list
  elements: str
  sample: [example-shop.nl]
already_present:
  description: The domains (ASCII form) that were already in the account.
  returned: always, also when the task fails once the account's domains and WHOIS have been read
  type: list
  elements: str
  sample: []
failures:
  description:
    - The domains that could not be registered, each with the reason.
    - (Not called C(failed), which Ansible uses for the task's own status.)
  returned: always, also when the task fails once the account's domains and WHOIS have been read
  type: list
  elements: dict
  contains:
    domain:
      description: The domain in ASCII form.
      type: str
    reason:
      description: Why it failed.
      type: str
  sample: [{domain: taken.nl, reason: taken.nl is registered elsewhere ...}]
domainholder_id:
  description: The holder id that new registrations used (or would use); V(null) when nothing was to be registered.
  returned: always, also when the task fails once the account's domains and WHOIS have been read
  type: int
  sample: 42
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _domain_registration as reg
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    HolderError,
    HolderNotFoundError,
    resolve_holder_id,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule


def _read_whois(module, names):
    if not names:
        return {}
    try:
        if len(names) == 1:
            answers = [module.client.whois(names[0])]
        else:
            answers = module.client.whois_many(names)
    except MPGApiError as exc:
        module.fail_api(exc, what='WHOIS look-up (nothing was registered)')
    return reg.whois_in_request_order(names, answers)


def _resolve_holder(module, request, decisions):
    """The holder id for new registrations; in check mode a missing holder is a warning."""
    # What is known when the holder look-up fails: nothing was registered, the rest was decided.
    decided = [reg.result_from_decision(d) for d in decisions if d.action != reg.ACTION_REGISTER]
    summary = reg.summarize_results(decided)
    partial = dict(changed=False, results=decided, registered=[], already_present=summary['already_present'],
                   failures=summary['failed'], domainholder_id=None)
    try:
        return resolve_holder_id(module.client, holder_id=request.holder_id, email=request.holder_email,
                                 id_option='domainholder_id', email_option='domainholder_email')
    except HolderNotFoundError as exc:
        if module.check_mode:
            module.warn('%s. In check mode this is only a warning (an earlier task may create the holder); a real '
                        'run fails here.' % str(exc).rstrip('.'))
            return request.holder_id
        module.fail_json(msg='%s. Nothing was registered.' % str(exc).rstrip('.'), **partial)
    except HolderError as exc:
        module.fail_json(msg='%s. Nothing was registered.' % str(exc).rstrip('.'), **partial)
    except MPGApiError as exc:
        module.fail_api(exc, what='look up the domain holder (nothing was registered)', **partial)


def _register_single(client, name, fields, holder_id):
    try:
        answer = client.register_domain(fields)
    except MPGApiError as exc:
        return reg.outcomes_after_call_error([name], exc, holder_id)
    return {name: reg.outcome_from_single_response(name, answer)}


def _register_bulk(client, names, fields_by_name, holder_id):
    outcomes = {}
    stopped_by = None
    for chunk in reg.chunks(names):
        if stopped_by is not None:
            outcomes.update(reg.outcomes_not_attempted(chunk, stopped_by))
            continue
        try:
            answer = client.register_domains([fields_by_name[name] for name in chunk])
        except MPGApiError as exc:
            outcomes.update(reg.outcomes_after_call_error(chunk, exc, holder_id))
            stopped_by = str(exc)
            continue
        outcomes.update(reg.outcomes_from_bulk_response(chunk, answer))
    return outcomes


def _settle_unclear(client, outcomes):
    """Re-read the account for every domain whose registration call gave no clear answer; never resend."""
    unclear = dict((name, outcome.reason) for name, outcome in outcomes.items() if outcome.kind is None)
    if not unclear:
        return outcomes
    try:
        zones_after = client.list_zones()
    except MPGApiError as exc:
        outcomes.update(reg.outcomes_when_reread_fails(unclear, exc))
    else:
        outcomes.update(reg.outcomes_after_reread(unclear, zones_after))
    return outcomes


def run(module):
    params = module.params
    try:
        request = reg.validate_registration_input(
            name=params['name'], names=params['names'], domainholder_id=params['domainholder_id'],
            domainholder_email=params['domainholder_email'], period=params['period'],
            nameservers=params['nameservers'])
    except reg.RegistrationInputError as exc:
        module.fail_json(msg=str(exc))

    client = module.client
    try:
        zones = client.list_zones()
    except MPGApiError as exc:
        module.fail_api(exc, what="read the account's domains (ListDomain; nothing was registered)")
    owned = reg.account_domains(zones)
    whois = _read_whois(module, reg.domains_needing_whois(request.names, owned, request.nameservers))
    decisions = reg.decide_domains(request.names, zones, whois, request.nameservers)
    to_register = [d for d in decisions if d.action == reg.ACTION_REGISTER]

    holder_id = _resolve_holder(module, request, decisions) if to_register else None
    fields_by_name = dict((d.domain, reg.registration_fields(d.domain, holder_id, request.period, request.nameservers))
                          for d in to_register)
    diff = reg.registration_diff([(d.domain, fields_by_name[d.domain]) for d in to_register], request.holder_email)

    if module.check_mode:
        outcomes = dict((name, reg.CallOutcome(reg.REGISTERED, registration=fields))
                        for name, fields in fields_by_name.items())
    elif not to_register:
        outcomes = {}
    elif request.single:
        outcomes = _register_single(client, to_register[0].domain, fields_by_name[to_register[0].domain], holder_id)
    else:
        outcomes = _register_bulk(client, [d.domain for d in to_register], fields_by_name, holder_id)
    outcomes = _settle_unclear(client, outcomes)

    results = []
    for decision in decisions:
        if decision.action == reg.ACTION_REGISTER:
            results.append(reg.result_from_outcome(decision.domain, outcomes[decision.domain],
                                                   whois_status=decision.whois_status, warnings=decision.warnings))
        else:
            results.append(reg.result_from_decision(decision))
    for result in results:
        for warning in result['warnings']:
            module.warn(warning)

    summary = reg.summarize_results(results, check_mode=module.check_mode)
    output = dict(
        changed=summary['changed'],
        results=results,
        registered=summary['registered'],
        already_present=summary['already_present'],
        failures=summary['failed'],
        domainholder_id=holder_id,
        diff=diff,
    )
    if request.single:
        result = results[0]
        if result['outcome'] == reg.REGISTERED:
            output['domain'] = result['registration']
        elif result['outcome'] == reg.ALREADY_PRESENT:
            output['domain'] = {'domain': result['domain'], 'status': result['status']}
    if summary['failed']:
        module.fail_json(msg=summary['msg'], **output)
    module.exit_json(msg=summary['msg'], **output)


def main():
    module = MPGModule(
        argument_spec=dict(
            name=dict(type='str', aliases=['domain']),
            names=dict(type='list', elements='str', aliases=['domains']),
            domainholder_id=dict(type='int'),
            domainholder_email=dict(type='str'),
            period=dict(type='int', default=1),
            nameservers=dict(type='list', elements='str'),
            state=dict(type='str', default='present', choices=['present']),
        ),
        mutually_exclusive=[('name', 'names'), ('domainholder_id', 'domainholder_email')],
        required_one_of=[('name', 'names'), ('domainholder_id', 'domainholder_email')],
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
