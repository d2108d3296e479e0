#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_dns_record
short_description: Manage the DNS records at one name and type in a MijnPartnerGroep zone
version_added: 0.1.0
description:
  - Creates, changes and deletes the DNS records of one name and type (an RRset) in a zone hosted by
    MijnPartnerGroep, through the MijnPartnerGroep Domain API.
  - Reads the whole zone (every page) once, compares in canonical form, and sends only the writes that are
    needed. A value that changes is updated in place (UpdateRecord) rather than deleted and added again, so
    the name never goes without records while the task runs; a TTL-only change is an update too.
  - Values are compared in canonical form on both sides, so a second run reports no change whatever spelling the
    task or the API uses. Names and host names are compared without regard to case and without trailing
    dot, IDN labels as punycode, IPv6 addresses as addresses, TXT as the text (the API's quoted 255-character
    chunks joined), CAA tags without regard to case, and the values as a set (order does not matter).
  - A CNAME beside any other record at the same name, two CNAMEs at one name, or a CNAME at the apex fails
    before any write, with a message that names the conflicting records.
  - Invalid input (a name outside the zone, an IPv6 address for type V(A), a bad MX value, an IP address as NS
    target, a value that is a boolean or a dictionary, ...) fails before any request is sent, naming the option.
  - Several records with the same name, type and value that differ only in TTL (the API refuses to create them,
    but a zone can hold them) count as one value. The module keeps one copy (the one that already has the wanted
    O(ttl), else the one with the lowest id), updates its TTL if needed, and deletes the other copies first. This
    holds with O(exclusive=false) too, for the values the task lists.
  - A failed read (authentication, server errors after retries, an incomplete page) fails the task; it is
    never taken to mean "no records".
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  zone:
    description:
      - The DNS zone, such as V(example.nl), in Unicode or punycode (V(bücher.nl) and V(xn--bcher-kva.nl) are
        the same zone). A trailing dot is allowed.
      - The zone must belong to the account; an unknown zone fails with a clear message.
    type: str
    required: true
    aliases: [zone_name]
  record:
    description:
      - The name of the records, relative to the zone.
      - V(@) or an empty string is the apex (the zone itself).
      - V(*) and V(*.sub) are wildcards; service labels such as V(_dmarc) or V(_sip._tcp) are allowed;
        IDN labels may be given in Unicode.
      - A fully qualified name inside the zone (V(www.example.nl) or V(www.example.nl.)) means the same record
        as V(www).
      - A name with a trailing dot outside the zone fails before any request. So does a relative name whose
        last label is the zone's top-level domain (V(www.other.nl) in zone V(example.nl)), since it is nearly
        always a mistake; write V(www.other.nl.example.nl.) if that name is really meant.
    type: str
    required: true
    aliases: [name, prefix]
  type:
    description:
      - "The record type: one of V(A), V(AAAA), V(CAA), V(CNAME), V(MX), V(NS), V(SRV) or V(TXT), in any case
        (V(a) is V(A)). Any other type fails before any request, listing the allowed types."
    type: str
    required: true
  value:
    description:
      - The values, in zone-file presentation form, as a list (or one string).
      - V(A) an IPv4 address, V(AAAA) an IPv6 address (any notation).
      - V(CNAME), V(NS) a fully qualified host name (a trailing dot is optional; host names in values are
        always fully qualified). An IP address is not a host name and fails before any request (give the
        host's name, with an V(A) or V(AAAA) record for its address).
      - V(MX) C(priority host), such as V(10 mail.example.nl). Priority V(0) is a valid priority. V(0 .) is a
        null MX (RFC 7505, the name accepts no mail); it must be the only MX value.
      - V(SRV) C(priority weight port target), such as V(10 5 5060 sip.example.nl). The target V(.) means the
        service is not available at this name (RFC 2782), such as V(0 0 0 .).
      - V(CAA) C(flags tag "value"), such as V(0 issue "letsencrypt.org"). Flags 0 to 255; the tag is one of
        V(issue), V(issuewild), V(iodef) (RFC 8659), V(issuemail) (RFC 9495), V(contactemail) or
        V(contactphone) (CA/Browser Forum), in any case; the quotes may be left out when the value has no
        spaces.
      - V(TXT) the text itself, of any length, without quotes or escapes (a C(") or C(\) is part of the text).
        The module handles the API's quoting and 255-character chunking. Control characters (such as the
        newline a YAML C(>) or C(|) block adds at the end; use C(>-) or C(|-)) are refused.
      - Required with O(state=present). With O(state=absent), the values to remove; without it, every
        record at O(record) and O(type) is removed.
      - A single string is taken as one value (it is not split at commas), so a TXT text with commas is safe.
      - A number is taken as its text (V(12345) is the TXT text C(12345)). A boolean (unquoted YAML V(yes),
        V(no), V(true), V(false), V(on), V(off)), a null, a dictionary or a nested list fails before any request,
        naming the option (V(value) or V(value[1])); quote such a value.
    type: raw
  ttl:
    description:
      - Time to live in seconds, 60 to 86400.
      - When omitted, the TTL of existing records is left alone and new records get the API default (3600).
    type: int
  state:
    description:
      - V(present) makes the values exist; V(absent) removes them.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With V(true), the records at O(record) and O(type) become exactly O(value); other values are deleted
        (or updated in place to a new value).
      - With V(false), values not listed are left alone, so several tasks can each own one value at the same
        name and type (an SPF and a site-verification TXT at the apex, say).
      - Ignored with O(state=absent).
    type: bool
    default: true
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.STATE_MODULE
notes:
  - In check mode the module reads the zone, plans exactly as in a real run, and sends no write request.
  - With C(--diff), RV(diff.before) and RV(diff.after) list the records at O(record) and O(type) before and
    after, in the shape M(mijnpartnergroep.domains.mpg_dns_zone_info) returns (sorted; empty when there
    are none).
seealso:
  - module: mijnpartnergroep.domains.mpg_dns_zone
    description: Manage many names of a zone at once, optionally deleting what is not listed.
  - module: mijnpartnergroep.domains.mpg_dns_zone_info
    description: Read the zones of the account and their records.
'''

EXAMPLES = r'''
- name: Point www at a web server (IPv4 and IPv6)
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: www
    type: A
    value: 192.0.2.10
    ttl: 3600

- name: The same name, IPv6 (any notation; compared as an address)
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: www.example.nl.
    type: AAAA
    value: "2001:DB8:0:0::10"

- name: Mail servers for the apex
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: "@"
    type: MX
    value:
      - 10 mail.example.nl
      - 20 mail2.example.nl

- name: SPF at the apex, leaving other TXT records there alone
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: "@"
    type: TXT
    value: v=spf1 mx include:_spf.example.net -all
    exclusive: false

- name: A site-verification TXT beside it, owned by another task
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: "@"
    type: TXT
    value: google-site-verification=abc123
    exclusive: false

- name: A DKIM key longer than 255 characters (the module handles the chunking)
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: mail._domainkey
    type: TXT
    value: "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwrLzPBVrQGSJJbbs3nGN2Qp5yI6xjX\
      h0P1cfK9dh7kJq0Jdo8vHvV7m4b3zUQmYVNPRZ0cDWmO2LvwB9m1J5Jq5ATeW1JkAd3bOHqRdbN9nq7mCrqSBQm9Lq3Jp4B5G3r8\
      qjJm8i0kH4YcyZ0kY1RV6Cj8vD6dS3RrXlQ0YmVn9q6aB3c8jTfW2H6m7uHh4V1yYk2sWl7o3GdX5xFj0pE9nR2tU8zK4cL6bQ1w\
      A7iM3vO5pS9rD2IDAQAB"

- name: Only Let's Encrypt may issue certificates
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: "@"
    type: CAA
    value:
      - 0 issue "letsencrypt.org"
      - 0 iodef "mailto:security@example.nl"

- name: A SIP service
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: _sip._tcp
    type: SRV
    value: 10 5 5060 sip.example.nl

- name: An alias, checked first (nothing is written in check mode)
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: shop
    type: CNAME
    value: shops.example.net.
  check_mode: true
  register: planned

- name: Show what would change
  ansible.builtin.debug:
    var: planned.operations

- name: Remove one of several A records at a name
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: www
    type: A
    value: 192.0.2.10
    state: absent

- name: Remove every TXT record at a name
  mijnpartnergroep.domains.mpg_dns_record:
    zone: example.nl
    record: old
    type: TXT
    state: absent
'''

RETURN = r'''
zone:
  description: The zone in ASCII (punycode) form.
  returned: always
  type: str
  sample: example.nl
record:
  description: The record name in canonical form, relative to the zone (V(@) for the apex).
  returned: always
  type: str
  sample: www
records:
  description:
    - The records at O(record) and O(type) after the task (in check mode, as they would be), sorted.
    - Records that check mode would create have no id.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The API's id of the record; V(null) for a record check mode would create.
      type: int
      sample: 123
    record:
      description: The name relative to the zone; V(@) for the apex.
      type: str
      sample: www
    fqdn:
      description: The fully qualified name (ASCII), without trailing dot.
      type: str
      sample: www.example.nl
    type:
      description: The record type.
      type: str
      sample: A
    value:
      description: The value in canonical presentation form (the form O(value) takes).
      type: str
      sample: 192.0.2.10
    ttl:
      description: The TTL in seconds.
      type: int
      sample: 3600
operations:
  description:
    - The writes the task made (in check mode, would make), in order.
    - Empty when nothing changes.
  returned: always
  type: list
  elements: dict
  sample:
    - action: update
      record: www
      type: A
      id: 123
      value: 192.0.2.11
      ttl: 3600
      old_value: 192.0.2.10
      old_ttl: 3600
  contains:
    action:
      description: V(add), V(update) or V(delete).
      type: str
    record:
      description: The record name relative to the zone.
      type: str
    type:
      description: The record type.
      type: str
    id:
      description: The id of the updated or deleted record; absent for an add.
      type: int
    value:
      description: The value added, the new value of an update, or the value deleted.
      type: str
    ttl:
      description: The TTL added, the TTL after an update, or the TTL of the deleted record.
      type: int
    old_value:
      description: For an update, the value before.
      type: str
    old_ttl:
      description: For an update, the TTL before.
      type: int
applied:
  description:
    - When a write fails part-way, the operations that were carried out before it (same shape as
      RV(operations)); together with RV(failed_operation) and RV(not_applied).
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
    - With C(--diff), the records at O(record) and O(type) before and after, in the shape
      M(mijnpartnergroep.domains.mpg_dns_zone_info) returns them.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: A dictionary with the key C(records), a list as RV(mijnpartnergroep.domains.mpg_dns_zone_info#module:records), before the task.
      type: dict
    after:
      description: A dictionary with the key C(records), a list as RV(mijnpartnergroep.domains.mpg_dns_zone_info#module:records), after the task.
      type: dict
  sample:
    before:
      records: []
    after:
      records:
        - record: www
          type: A
          value: [192.0.2.10]
          ttl: 3600
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_apply import (
    DNSApplyError,
    apply_plan,
    fail_apply,
    read_zone,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    DNSPlanError,
    desired_values,
    plan_record_changes,
    record_entries,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    APEX,
    DNSValueError,
    normalize_record_name,
    normalize_type,
    normalize_zone,
    validate_ttl,
)


def _sorted_records(records, zone):
    ordered = sorted(records, key=lambda r: (r.value.sort_key, r.ttl))
    return [r.describe(zone) for r in ordered]


def run(module):
    params = module.params
    try:
        zone = normalize_zone(params['zone'])
        name = normalize_record_name(params['record'], zone)
        rtype = normalize_type(params['type'])
        ttl = validate_ttl(params['ttl'])
        values = desired_values(rtype, params['value'])
        if params['state'] == 'present' and not values:
            raise DNSValueError('value must list at least one value when state=present')
        if rtype == 'CNAME' and name == APEX and params['state'] == 'present':
            raise DNSValueError('record: a CNAME at the apex (%s) is not allowed: the apex always has SOA and NS '
                                'records' % zone)
    except DNSValueError as exc:
        module.fail_json(msg=str(exc))

    current = read_zone(module.client, zone)
    try:
        plan = plan_record_changes(current, zone, name, rtype, values, ttl=ttl, state=params['state'],
                                   exclusive=params['exclusive'])
    except (DNSPlanError, DNSValueError) as exc:
        module.fail_json(msg='zone %s: %s' % (zone, exc), zone=zone, record=name)

    result = dict(changed=plan.changed, zone=zone, record=name,
                  operations=[op.describe() for op in plan.operations])
    if module._diff:
        result['diff'] = dict(before=dict(records=record_entries(plan.before, one_per_value=False)),
                              after=dict(records=record_entries(plan.after, one_per_value=False)))
    if module.check_mode or not plan.changed:
        result['records'] = _sorted_records(plan.after, zone)
        module.exit_json(**result)
    try:
        records = apply_plan(module.client, zone, plan, warn=module.warn)
    except DNSApplyError as exc:
        fail_apply(module, exc, result)
    result['records'] = _sorted_records(records, zone)
    module.exit_json(**result)


def main():
    module = MPGModule(
        argument_spec=dict(
            zone=dict(type='str', required=True, aliases=['zone_name']),
            record=dict(type='str', required=True, aliases=['name', 'prefix']),
            type=dict(type='str', required=True),
            value=dict(type='raw'),
            ttl=dict(type='int'),
            state=dict(type='str', default='present', choices=['present', 'absent']),
            exclusive=dict(type='bool', default=True),
        ),
        required_if=[('state', 'present', ['value'])],
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
