#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: mpg_dns_zone_info
short_description: List the DNS zones of a MijnPartnerGroep account, or read the records of one zone
version_added: 0.1.0
description:
  - Without O(zone), lists the DNS zones of the account (the API's ListDomain).
  - With O(zone), returns every record of the zone (all pages), optionally only those at O(record) and/or of
    O(type), in exactly the shape M(mijnpartnergroep.domains.mpg_dns_zone) takes as
    O(mijnpartnergroep.domains.mpg_dns_zone#module:records), so the output of one can be given to the other.
  - Values are returned in canonical presentation form (host names lower-case without trailing dot, IPv6
    compressed, TXT as the whole text with the API's 255-character chunks joined, CAA with the value quoted).
  - Several records with the same name, type and value that differ only in TTL (redundant copies; the API
    refuses to create them, but a zone can hold them) are listed once, with the TTL of the copy with the lowest
    id. M(mijnpartnergroep.domains.mpg_dns_zone) keeps that copy and deletes the others when the list is fed
    back, so such a round trip converges in one run.
  - A failed read fails the task; an unknown zone fails with a clear message.
author:
  - MijnPartnerGroep collection developers (@mijnpartnergroep)
options:
  zone:
    description:
      - The zone to read, in Unicode or punycode. Without it, the module lists the account's zones.
    type: str
    aliases: [zone_name]
  record:
    description:
      - Only the records at this name, given as O(mijnpartnergroep.domains.mpg_dns_record#module:record) takes
        it (V(@) or empty for the apex, relative, or fully qualified inside the zone).
      - Requires O(zone).
    type: str
    aliases: [name, prefix]
  type:
    description:
      - "Only the records of this type: one of V(A), V(AAAA), V(CAA), V(CNAME), V(MX), V(NS), V(SRV) or V(TXT),
        in any case."
      - Requires O(zone).
    type: str
extends_documentation_fragment:
  - mijnpartnergroep.domains.connection
  - mijnpartnergroep.domains.attributes
  - mijnpartnergroep.domains.attributes.INFO_MODULE
seealso:
  - module: mijnpartnergroep.domains.mpg_dns_zone
    description: Takes RV(records) as its O(mijnpartnergroep.domains.mpg_dns_zone#module:records).
  - module: mijnpartnergroep.domains.mpg_dns_record
    description: Manage the records of one name and type.
'''

EXAMPLES = r'''
- name: The zones of the account
  mijnpartnergroep.domains.mpg_dns_zone_info:
  register: account

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ account.zones | map(attribute='domain') | list }}"

- name: Every record of a zone
  mijnpartnergroep.domains.mpg_dns_zone_info:
    zone: example.nl
  register: example

- name: The mail servers of the zone
  mijnpartnergroep.domains.mpg_dns_zone_info:
    zone: example.nl
    record: "@"
    type: MX
  register: mx

- name: Back up the zone and put it back unchanged (a round trip changes nothing)
  mijnpartnergroep.domains.mpg_dns_zone:
    zone: example.nl
    records: "{{ example.records }}"
    prune: true
'''

RETURN = r'''
zones:
  description: The zones of the account, without O(zone).
  returned: when O(zone) is not given
  type: list
  elements: dict
  contains:
    domain:
      description: The zone's name in ASCII (punycode) form.
      type: str
      sample: example.nl
    domain_unicode:
      description: The zone's name in Unicode, for display.
      type: str
      sample: bücher.nl
    status:
      description: The zone's status as the API reports it, such as V(active) or V(pending).
      type: str
      sample: active
    record_count:
      description: How many records the zone holds.
      type: int
      sample: 12
zone:
  description: The zone in ASCII (punycode) form.
  returned: when O(zone) is given
  type: str
  sample: example.nl
records:
  description:
    - The records of the zone (filtered by O(record) and O(type) when given), one entry per name, type and
      TTL, sorted by name, type and TTL; the values of an entry are sorted.
    - The shape O(mijnpartnergroep.domains.mpg_dns_zone#module:records) takes.
  returned: when O(zone) is given
  type: list
  elements: dict
  contains:
    record:
      description: The name relative to the zone; V(@) for the apex.
      type: str
      sample: www
    type:
      description: The record type.
      type: str
      sample: A
    value:
      description: The values in canonical presentation form.
      type: list
      elements: str
      sample: [192.0.2.10, 192.0.2.11]
    ttl:
      description: The TTL in seconds.
      type: int
      sample: 3600
  sample:
    - record: "@"
      type: MX
      value: [10 mail.example.nl]
      ttl: 3600
    - record: www
      type: A
      value: [192.0.2.10]
      ttl: 3600
'''

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._endpoints import (
    ZONE_DOMAIN,
    ZONE_RECORD_COUNT,
    ZONE_STATUS,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import to_unicode_domain
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._module import MPGModule
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_apply import read_zone
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import record_entries
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    DNSValueError,
    normalize_record_name,
    normalize_type,
    normalize_zone,
)


def zone_view(zone):
    domain = (zone.get(ZONE_DOMAIN) or '').lower().rstrip('.')
    return {
        'domain': domain,
        'domain_unicode': to_unicode_domain(domain),
        'status': zone.get(ZONE_STATUS),
        'record_count': zone.get(ZONE_RECORD_COUNT),
    }


def run(module):
    params = module.params
    if params['zone'] is None:
        if params['record'] is not None or params['type'] is not None:
            module.fail_json(msg='record and type filter the records of a zone: give zone too')
        zones = sorted((zone_view(z) for z in module.client.list_zones()), key=lambda z: z['domain'])
        module.exit_json(changed=False, zones=zones)
    try:
        zone = normalize_zone(params['zone'])
        name = normalize_record_name(params['record'], zone) if params['record'] is not None else None
        rtype = normalize_type(params['type']) if params['type'] is not None else None
    except DNSValueError as exc:
        module.fail_json(msg=str(exc))
    records = [r for r in read_zone(module.client, zone)
               if (name is None or r.name == name) and (rtype is None or r.rtype == rtype)]
    module.exit_json(changed=False, zone=zone, records=record_entries(records))


def main():
    module = MPGModule(
        argument_spec=dict(
            zone=dict(type='str', aliases=['zone_name']),
            record=dict(type='str', aliases=['name', 'prefix']),
            type=dict(type='str'),
        ),
        supports_check_mode=True,
    )
    module.run_safely(run)


if __name__ == '__main__':
    main()
