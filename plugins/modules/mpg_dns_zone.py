#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_dns_zone
short_description: Manage many DNS records of a MijnPartnerGroep zone at once
version_added: 0.1.0
description:
  - Makes the listed names and types of a zone hosted by MijnPartnerGroep hold exactly the listed values,
    through the MijnPartnerGroep Domain API; with O(prune=true) it also deletes every record that is not listed.
  - Reads the zone once (every page), compares in canonical form exactly as
    M(mijnpartnergroep.domains.mpg_dns_record) does, and sends only the writes that differ. Values that change
    are updated in place; updates run first, then deletes, then adds (so a name that changes from A to CNAME
    has its A records removed before the CNAME is added).
  - Every CNAME rule (no CNAME beside other records, one CNAME a name, none at the apex) is checked on the
    resulting zone before the first write; the message names the conflicting records.
  - A safety threshold in the spirit of octoDNS protects against a wrong or truncated O(records) list. When the
    zone holds at least 10 records and the run would delete more than O(max_delete_percent) percent of them,
    the task fails before writing and says how many records would go.
  - The output of M(mijnpartnergroep.domains.mpg_dns_zone_info) (its RV(mijnpartnergroep.domains.mpg_dns_zone_info#module:records))
    can be given as O(records) unchanged; a round trip changes nothing.
  - If a write fails part-way, the task fails with the operations already carried out in RV(applied); running
    it again re-reads the zone and finishes the work.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  zone:
    description:
      - The DNS zone, such as V(example.nl), in Unicode or punycode. A trailing dot is allowed.
      - The zone must belong to the account; an unknown zone fails with a clear message.
    type: str
    required: true
    aliases: [zone_name]
  records:
    description:
      - The records, one entry per name and type (the shape M(mijnpartnergroep.domains.mpg_dns_zone_info)
        returns).
      - Each listed name and type gets exactly the listed values. Names and types not listed are left alone
        unless O(prune=true).
      - Entries with the same name and type are merged, so values of one name and type may have different TTLs;
        the same value listed twice with different TTLs is an error.
      - An entry with a key other than C(record) (or its aliases), C(type), C(value) and C(ttl) fails before any
        request, naming the key.
      - Several records in the zone with the same name, type and value that differ only in TTL (the API refuses
        to create them, but a zone can hold them) count as one value. For a listed name and type the module keeps one
        copy (the one that already has the listed TTL, else the one with the lowest id) and deletes the others.
        M(mijnpartnergroep.domains.mpg_dns_zone_info) lists such a value once, with the TTL of the copy with the
        lowest id, so feeding its output back removes only the redundant copies, in one run; the next run
        changes nothing.
    type: list
    elements: dict
    default: []
    suboptions:
      record:
        description:
          - The name, as O(mijnpartnergroep.domains.mpg_dns_record#module:record) takes it (relative to the zone,
            V(@) or empty for the apex, wildcards, service labels, IDN, or a fully qualified name inside the
            zone).
        type: str
        required: true
        aliases: [name, prefix]
      type:
        description:
          - "The record type: one of V(A), V(AAAA), V(CAA), V(CNAME), V(MX), V(NS), V(SRV) or V(TXT), in any
            case (V(a) is V(A)). Any other type fails before any request, listing the allowed types."
        type: str
        required: true
      value:
        description:
          - The values in zone-file presentation form, as
            O(mijnpartnergroep.domains.mpg_dns_record#module:value) takes them (a list, or one string).
          - A string or number is one value, a list of strings and numbers the values; a boolean, a null, a
            dictionary or a nested list fails before any request, naming it (such as V(records[3].value[1])).
          - At least one value. To remove every record at a name and type, leave the entry out and use
            O(prune=true), or use M(mijnpartnergroep.domains.mpg_dns_record) with O(mijnpartnergroep.domains.mpg_dns_record#module:state=absent).
        type: raw
        required: true
      ttl:
        description:
          - Time to live in seconds, 60 to 86400.
          - When omitted, the TTL of existing records is left alone and new records get the API default (3600).
        type: int
  prune:
    description:
      - With V(true), every record of the zone whose name and type is not listed in O(records) is deleted.
      - The NS records at the apex are never pruned unless NS at the apex is listed in O(records) (then they
        become exactly the listed values). NS records of sub-domains (delegations) are pruned like any other.
      - Records of types this module does not manage are never pruned.
    type: bool
    default: false
  max_delete_percent:
    description:
      - The safety threshold. When the zone holds at least 10 records and the run would delete more than this
        share of them (in percent), the task fails before any write, saying how many would be deleted.
      - Raise it for an intended large clean-up; V(100) turns the check off.
      - Deletions by O(prune) and by shrinking a listed name and type both count.
    type: int
    default: 30
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.STATE_MODULE
notes:
  - In check mode the module reads the zone, plans exactly as in a real run, and sends no write request.
  - With C(--diff), RV(diff.before) and RV(diff.after) list the whole zone before and after, sorted by name and
    type, in the shape M(mijnpartnergroep.domains.mpg_dns_zone_info) returns.
seealso:
  - module: mijnpartnergroep.domains.mpg_dns_record
    description: Manage the records of one name and type, possibly owning only some of its values.
  - module: mijnpartnergroep.domains.mpg_dns_zone_info
    description: Read a zone in the shape this module takes.
'''

EXAMPLES = r'''
- name: The records of example.nl, kept in one place
  ansible.builtin.set_fact:
    example_nl_records:
      - record: "@"
        type: A
        value: 192.0.2.10
      - record: www
        type: CNAME
        value: example.nl
      - record: "@"
        type: MX
        value: [10 mail.example.nl, 20 mail2.example.nl]
      - record: mail
        type: A
        value: 192.0.2.25
        ttl: 600
      - record: "@"
        type: TXT
        value: v=spf1 mx -all
      - record: _dmarc
        type: TXT
        value: v=DMARC1; p=reject; rua=mailto:dmarc@example.nl
      - record: "@"
        type: CAA
        value: 0 issue "letsencrypt.org"

- name: Make these names and types so, leaving every other record alone
  mijnpartnergroep.domains.mpg_dns_zone:
    zone: example.nl
    records: "{{ example_nl_records }}"

- name: See what pruning would delete (check mode writes nothing)
  mijnpartnergroep.domains.mpg_dns_zone:
    zone: example.nl
    records: "{{ example_nl_records }}"
    prune: true
  check_mode: true
  diff: true
  register: planned

- name: Show the deletions
  ansible.builtin.debug:
    msg: "{{ planned.operations | selectattr('action', 'equalto', 'delete') | list }}"

- name: Make the zone exactly this (the apex NS records stay, since NS at the apex is not listed)
  mijnpartnergroep.domains.mpg_dns_zone:
    zone: example.nl
    records: "{{ example_nl_records }}"
    prune: true

- name: Copy a zone's records to another zone, replacing its content
  block:
    - name: Read the source zone
      mijnpartnergroep.domains.mpg_dns_zone_info:
        zone: example.nl
      register: source

    - name: Write them into the target zone, apex NS records excepted; a large clean-up is intended here
      mijnpartnergroep.domains.mpg_dns_zone:
        zone: example.org
        records: "{{ source.records | rejectattr('type', 'equalto', 'NS') | list }}"
        prune: true
        max_delete_percent: 100
'''

RETURN = r'''
zone:
  description: The zone in ASCII (punycode) form.
  returned: always
  type: str
  sample: example.nl
operations:
  description:
    - The writes the task made (in check mode, would make), in the order they run.
    - Each entry has the shape of RV(mijnpartnergroep.domains.mpg_dns_record#module:operations).
  returned: always
  type: list
  elements: dict
  sample:
    - action: delete
      record: old
      type: A
      id: 41
      value: 192.0.2.99
      ttl: 3600
    - action: add
      record: www
      type: CNAME
      value: example.nl
      ttl: 3600
counts:
  description: How many records the task added, updated and deleted (in check mode, would).
  returned: always
  type: dict
  contains:
    added:
      description: Records added.
      type: int
    updated:
      description: Records changed in place.
      type: int
    deleted:
      description: Records deleted.
      type: int
  sample:
    added: 1
    updated: 0
    deleted: 1
applied:
  description:
    - When a write fails part-way, the operations that were carried out before it; together with
      RV(failed_operation) and RV(not_applied).
  returned: failure after at least one write was attempted
  type: list
  elements: dict
failed_operation:
  description: When a write fails, the operation that failed.
  returned: failure of a write
  type: dict
not_applied:
  description: When a write fails, the operations that were not attempted.
  returned: failure of a write
  type: list
  elements: dict
diff:
  description:
    - With C(--diff), the whole zone before and after, sorted by name and type, in the shape
      M(mijnpartnergroep.domains.mpg_dns_zone_info) returns.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: A dictionary with the key C(records), a list as RV(mijnpartnergroep.domains.mpg_dns_zone_info#module:records), before the task.
      type: dict
    after:
      description: A dictionary with the key C(records), a list as RV(mijnpartnergroep.domains.mpg_dns_zone_info#module:records), after the task.
      type: dict
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_apply import (
    DNSApplyError,
    apply_plan,
    fail_apply,
    read_zone,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    ADD,
    DELETE,
    UPDATE,
    DNSPlanError,
    desired_rrsets_from_entries,
    plan_zone_changes,
    record_entries,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    DNSValueError,
    normalize_zone,
)


def return_counts(counts):
    """The plan's counts per operation under the keys RETURN documents (not ``update``: in Jinja
    ``counts.update`` would be the dict method)."""
    return {'added': counts[ADD], 'updated': counts[UPDATE], 'deleted': counts[DELETE]}


def run(module):
    params = module.params
    try:
        zone = normalize_zone(params['zone'])
        desired = desired_rrsets_from_entries(params['records'], zone)
        if params['max_delete_percent'] < 0 or params['max_delete_percent'] > 100:
            raise DNSValueError('max_delete_percent must be between 0 and 100, got %d'
                                % params['max_delete_percent'])
    except DNSValueError as exc:
        module.fail_json(msg=str(exc))

    current = read_zone(module.client, zone)
    try:
        plan = plan_zone_changes(current, desired, zone, prune=params['prune'],
                                 max_delete_percent=params['max_delete_percent'])
    except DNSPlanError as exc:
        message = str(exc)
        if zone not in message.split(':', 1)[0]:
            message = 'zone %s: %s' % (zone, message)
        module.fail_json(msg=message, zone=zone)

    result = dict(changed=plan.changed, zone=zone, operations=[op.describe() for op in plan.operations],
                  counts=return_counts(plan.counts()))
    if module._diff:
        result['diff'] = dict(before=dict(records=record_entries(plan.before, one_per_value=False)),
                              after=dict(records=record_entries(plan.after, one_per_value=False)))
    if module.check_mode or not plan.changed:
        module.exit_json(**result)
    try:
        apply_plan(module.client, zone, plan, warn=module.warn)
    except DNSApplyError as exc:
        fail_apply(module, exc, result)
    module.exit_json(**result)


def main():
    module = MPGModule(
        argument_spec=dict(
            zone=dict(type='str', required=True, aliases=['zone_name']),
            records=dict(type='list', elements='dict', default=[], options=dict(
                record=dict(type='str', required=True, aliases=['name', 'prefix']),
                type=dict(type='str', required=True),
                value=dict(type='raw', required=True),
                ttl=dict(type='int'),
            )),
            prune=dict(type='bool', default=False),
            max_delete_percent=dict(type='int', default=30),
        ),
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
