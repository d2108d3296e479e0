# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Desired DNS records vs current records -> the minimal list of operations.

No I/O: the functions here take the records the API returned (all pages) and
what the user asked for, and return a :class:`Plan`: the operations (in the
order they must run), the records before and after, and ``changed``.
Everything is keyed by dicts and sets, so planning a zone of N records takes
time linear in N (plus sorting the before/after lists for the diff).

Rules:

* A value is changed in place (UpdateRecord) rather than deleted and added
  again, so a name never goes without records mid-run; a TTL-only change is
  an update too.
* Operations run updates first, then deletes, then adds: a type switch at one
  name (A -> CNAME) deletes before it adds, so the API never sees a CNAME
  beside other records. Only the deletes of redundant copies (below) run
  before the updates.
* Several records with the same name, type and value (only the TTL may
  differ; the API refuses to create them, but a zone can hold them) are one
  value: the planner keeps one copy (the one that already has the wanted TTL,
  else the lowest id) and deletes the others, first, so that a TTL update
  never meets its identical twin (the API refuses that with 422). This
  applies to every value a task owns, with ``exclusive: false`` too; values
  a task does not own are left alone.
* A CNAME beside any other record at the same name, more than one CNAME at a
  name, or a CNAME at the apex in the resulting state is an error that names
  the records, raised before any write.
* ``mpg_dns_zone`` with ``prune`` deletes every record not listed, except
  the apex NS records (unless NS at the apex is listed) and records of types
  the collection does not manage.
* Safety threshold (in the spirit of octoDNS): when a zone holds at least
  :data:`THRESHOLD_MIN_RECORDS` records, a plan that deletes more than
  ``max_delete_percent`` (default :data:`DEFAULT_MAX_DELETE_PERCENT`) of them
  fails before writing, saying how many would go.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools
import gc

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._endpoints import (
    APEX,
    RECORD_ID as FIELD_ID,
    RECORD_NAME as FIELD_NAME,
    RECORD_TTL as FIELD_TTL,
    RECORD_TYPE as FIELD_TYPE,
    RECORD_TYPES,
    TTL_DEFAULT,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    DNSValueError,
    api_record_name,
    fqdn,
    normalize_record_name,
    normalize_type,
    parse_value,
    validate_ttl,
    value_from_api,
    value_list,
    ROOT,
)

DEFAULT_MAX_DELETE_PERCENT = 30
THRESHOLD_MIN_RECORDS = 10
# How many records a threshold or conflict message lists before "and N more".
MESSAGE_LIST_LIMIT = 10

ADD = 'add'
UPDATE = 'update'
DELETE = 'delete'


def _without_gc(function):
    """Pause the cyclic garbage collector while ``function`` runs.

    Planning a large zone allocates hundreds of thousands of small objects and
    no reference cycles; the collector's repeated passes over them cost more
    than the planning itself (measured: 100,000 records, about 40% of the time).
    """
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()
    return wrapper


class DNSPlanError(ValueError):
    """The plan cannot be carried out (conflict, threshold); nothing was written."""


class ZoneRecord(object):
    """One record of a zone, canonicalised: before (from the API) or after (predicted)."""

    __slots__ = ('id', 'name', 'rtype', 'ttl', 'value')

    def __init__(self, record_id, name, rtype, ttl, value):
        self.id = record_id
        self.name = name
        self.rtype = rtype
        self.ttl = ttl
        self.value = value

    def describe(self, zone_ascii=None):
        """The record as modules return it (with its id)."""
        result = {'id': self.id, 'record': self.name, 'type': self.rtype, 'value': self.value.text, 'ttl': self.ttl}
        if zone_ascii is not None:
            result['fqdn'] = fqdn(self.name, zone_ascii)
        return result

    def __repr__(self):
        return 'ZoneRecord(%r, %s %s %r ttl=%r)' % (self.id, self.name, self.rtype, self.value.text, self.ttl)


@_without_gc
def zone_records_from_api(api_records, zone_ascii):
    """ZoneRecords of the Record dicts the API returned."""
    result = []
    for record in api_records:
        ttl = record.get(FIELD_TTL)
        result.append(ZoneRecord(record.get(FIELD_ID), api_record_name(record.get(FIELD_NAME), zone_ascii),
                                 (record.get(FIELD_TYPE) or '').upper(),
                                 ttl if ttl is not None else TTL_DEFAULT,
                                 value_from_api(record)))
    return result


class Operation(object):
    """One write: add, update (changed fields only) or delete."""

    __slots__ = ('action', 'name', 'rtype', 'record_id', 'value', 'ttl', 'old_value', 'old_ttl', 'fields',
                 'redundant')

    def __init__(self, action, name, rtype, value, ttl, record_id=None, old_value=None, old_ttl=None,
                 fields=None, redundant=False):
        # redundant: a delete of an extra copy of a value that stays (runs before the updates).
        self.redundant = redundant
        self.action = action
        self.name = name
        self.rtype = rtype
        self.value = value
        self.ttl = ttl
        self.record_id = record_id
        self.old_value = old_value
        self.old_ttl = old_ttl
        self.fields = fields

    def request_body(self):
        """The JSON body of the AddRecord / UpdateRecord request (None for delete)."""
        if self.action == ADD:
            body = {FIELD_NAME: self.name, FIELD_TYPE: self.rtype}
            body.update(self.value.api_fields())
            if self.ttl is not None:
                body[FIELD_TTL] = self.ttl
            return body
        if self.action == UPDATE:
            return dict(self.fields)
        return None

    def describe(self):
        """A plain dict for results (``operations``, ``applied``, ``failed_operation``)."""
        result = {'action': self.action, 'record': self.name, 'type': self.rtype}
        if self.record_id is not None:
            result['id'] = self.record_id
        if self.action == DELETE:
            result['value'] = self.value.text
            result['ttl'] = self.ttl
        elif self.action == ADD:
            result['value'] = self.value.text
            result['ttl'] = self.ttl if self.ttl is not None else TTL_DEFAULT
        else:
            result['value'] = self.value.text
            result['ttl'] = self.ttl
            result['old_value'] = self.old_value.text
            result['old_ttl'] = self.old_ttl
        return result

    def __repr__(self):
        return 'Operation(%s %s %s %r)' % (self.action, self.name, self.rtype, self.value.text)


class Plan(object):
    """Operations in execution order plus the records before and after."""

    __slots__ = ('operations', 'before', 'after')

    def __init__(self, operations, before, after):
        self.operations = operations
        self.before = before
        self.after = after

    @property
    def changed(self):
        return bool(self.operations)

    def counts(self):
        result = {ADD: 0, UPDATE: 0, DELETE: 0}
        for operation in self.operations:
            result[operation.action] += 1
        return result


def order_operations(operations):
    """Deletes of redundant copies, updates, then the other deletes, then adds (see the module docstring)."""
    rank = {UPDATE: 1, DELETE: 2, ADD: 3}
    return sorted(operations, key=lambda op: 0 if op.redundant else rank[op.action])


def _id_order(record):
    """Sort key of a record by id (API ids are numbers; anything else after them, None last)."""
    record_id = record.id
    if record_id is None:
        return (2, '')
    try:
        return (0, int(record_id))
    except (TypeError, ValueError):
        return (1, str(record_id))


def keep_copy(copies, ttl=None):
    """Of records with one name, type and value, the one to keep for TTL ``ttl`` (None: any TTL).

    The lowest id among the copies that already have ``ttl``, else the lowest id.
    """
    matching = [record for record in copies if ttl is None or record.ttl == ttl]
    return min(matching or copies, key=_id_order)


# --------------------------------------------------------------------------
# Output shape: what mpg_dns_zone_info returns and mpg_dns_zone takes

@_without_gc
def record_entries(records, one_per_value=True):
    """Group ZoneRecords into ``{record, type, value: [...], ttl}`` entries.

    One entry per name, type and TTL (an RRset normally has one TTL; mixed
    TTLs give one entry each, so feeding the list back changes nothing).
    Sorted by name, type, TTL; values sorted in their natural order (MX by
    priority, addresses numerically).

    With ``one_per_value`` (what mpg_dns_zone_info returns), several records
    with the same name, type and value (redundant copies that differ only in
    TTL) are listed once, with the TTL of the copy with the lowest id: the
    one mpg_dns_zone keeps when the list is fed back (it deletes the others).
    Without it (the diffs), every record is listed, so a copy that goes away
    shows.
    """
    if one_per_value:
        copies = {}
        for record in records:
            copies.setdefault((record.name, record.rtype, record.value.key), []).append(record)
        records = [keep_copy(group) for group in copies.values()]
    groups = {}
    for record in records:
        groups.setdefault((record.name, record.rtype, record.ttl), []).append(record.value)
    entries = []
    for (name, rtype, ttl) in sorted(groups, key=lambda k: (k[0], k[1], k[2] if k[2] is not None else -1)):
        values = sorted(groups[(name, rtype, ttl)], key=lambda v: v.sort_key)
        entries.append({'record': name, 'type': rtype, 'value': [v.text for v in values], 'ttl': ttl})
    return entries


# --------------------------------------------------------------------------
# Desired state from user input

def desired_values(rtype, values, what='value'):
    """Parse and de-duplicate the user's values for one type; keeps the user's order."""
    scalar = not isinstance(values, (list, tuple))
    values = value_list(values, what)
    result = []
    seen = set()
    for index, value in enumerate(values):
        parsed = parse_value(rtype, value, what if scalar else '%s[%d]' % (what, index))
        if parsed.key not in seen:
            seen.add(parsed.key)
            result.append(parsed)
    if rtype == 'CNAME' and len(result) > 1:
        raise DNSValueError('%s: a name can have only one CNAME, got %d values: %s'
                            % (what, len(result), ', '.join(v.text for v in result)))
    check_null_mx(rtype, result, what)
    return result


def check_null_mx(rtype, values, what):
    """A null MX (``0 .``, RFC 7505) must be the only MX of its name."""
    if rtype == 'MX' and len(values) > 1 and any(v.content == ROOT for v in values):
        raise DNSValueError('%s: a null MX ("0 .", RFC 7505: the name accepts no mail) must be the only MX value '
                            'of its name, got %s' % (what, ', '.join(v.text for v in values)))


# The keys of an entry of mpg_dns_zone's records (with the aliases of record).
ENTRY_KEYS = ('record', 'name', 'prefix', 'type', 'value', 'ttl')


@_without_gc
def desired_rrsets_from_entries(entries, zone_ascii, what='records'):
    """``records`` of mpg_dns_zone -> ``{(name, type): [(RecordValue, ttl), ...]}``.

    Entries with the same name and type are merged (so per-value TTLs round
    trip); the same value twice with different TTLs is an error (a value
    without TTL takes the TTL another entry gives it).
    """
    rrsets = {}
    origin = {}
    if entries is None:
        entries = []
    for index, entry in enumerate(entries):
        where = '%s[%d]' % (what, index)
        if not isinstance(entry, dict):
            raise DNSValueError('%s must be a dictionary with record, type, value and ttl, got %r' % (where, entry))
        unknown = sorted(str(key) for key in entry if key not in ENTRY_KEYS)
        if unknown:
            raise DNSValueError('%s: unknown key%s %s; an entry has record, type, value and ttl'
                                % (where, 's' if len(unknown) > 1 else '', ', '.join(repr(k) for k in unknown)))
        record = entry.get('record')
        for alias in ('name', 'prefix'):
            if record is None and entry.get(alias) is not None:
                record = entry.get(alias)
        if not any(key in entry for key in ('record', 'name', 'prefix')):
            raise DNSValueError('%s.record is missing (use "@" for the apex)' % where)
        if 'type' not in entry:
            raise DNSValueError('%s.type is missing' % where)
        name = normalize_record_name(record, zone_ascii, where + '.record')
        rtype = normalize_type(entry.get('type'), where + '.type')
        ttl = validate_ttl(entry.get('ttl'), where + '.ttl')
        scalar = not isinstance(entry.get('value'), (list, tuple))
        raw_values = value_list(entry.get('value'), where + '.value')
        if not raw_values:
            raise DNSValueError('%s.value must list at least one value (to remove the records at %s %s, '
                                'leave the entry out and use prune, or use mpg_dns_record with state=absent)'
                                % (where, name, rtype))
        rrset = rrsets.setdefault((name, rtype), {})
        for value_index, raw in enumerate(raw_values):
            value_where = '%s.value' % where if scalar else '%s.value[%d]' % (where, value_index)
            value = parse_value(rtype, raw, value_where)
            previous = rrset.get(value.key)
            if previous is not None:
                if ttl is None or previous[1] == ttl:
                    continue
                if previous[1] is None:
                    # A TTL given in one entry wins over "leave it alone" in another.
                    rrset[value.key] = (previous[0], ttl)
                    continue
                raise DNSValueError('%s: %s %s %s is listed twice with different TTLs (%s and %s, in %s)'
                                    % (value_where, name, rtype, value.text, previous[1], ttl,
                                       origin[(name, rtype, value.key)]))
            rrset[value.key] = (value, ttl)
            origin[(name, rtype, value.key)] = value_where
    result = {}
    for (name, rtype), rrset in rrsets.items():
        pairs = list(rrset.values())
        if rtype == 'CNAME' and len(pairs) > 1:
            raise DNSValueError('%s: a name can have only one CNAME, but %s has %d: %s'
                                % (what, name, len(pairs), ', '.join(p[0].text for p in pairs)))
        check_null_mx(rtype, [p[0] for p in pairs], '%s: %s MX' % (what, name))
        result[(name, rtype)] = pairs
    conflicts = find_cname_conflicts(
        ((name, rtype, value) for (name, rtype), pairs in result.items() for value, ttl in pairs),
        zone_ascii)
    if conflicts:
        raise DNSValueError('%s: %s' % (what, '; '.join(conflicts)))
    return result


# --------------------------------------------------------------------------
# CNAME rules

def find_cname_conflicts(records, zone_ascii, names=None):
    """Messages for every CNAME rule broken by ``records``.

    ``records`` yields ``(name, type, RecordValue)`` (or ZoneRecords);
    ``names`` restricts the check to those names (the ones a plan touches),
    so a conflict that already exists elsewhere in a zone does not block work.
    """
    by_name = {}
    for item in records:
        if isinstance(item, ZoneRecord):
            name, rtype, value = item.name, item.rtype, item.value
        else:
            name, rtype, value = item
        if names is not None and name not in names:
            continue
        by_name.setdefault(name, []).append((rtype, value))
    messages = []
    for name in sorted(by_name):
        items = by_name[name]
        cnames = [value for rtype, value in items if rtype == 'CNAME']
        if not cnames:
            continue
        shown = fqdn(name, zone_ascii)
        if name == APEX:
            messages.append('a CNAME at the apex (%s CNAME %s) is not allowed: the apex always has SOA and NS records'
                            % (shown, cnames[0].text))
        if len(cnames) > 1:
            messages.append('%s would have %d CNAME records (%s); a name can have only one'
                            % (shown, len(cnames), ', '.join(sorted(v.text for v in cnames))))
        others = sorted('%s %s' % (rtype, value.text) for rtype, value in items if rtype != 'CNAME')
        if others:
            listed = others[:MESSAGE_LIST_LIMIT]
            more = ' and %d more' % (len(others) - len(listed)) if len(others) > len(listed) else ''
            messages.append('%s CNAME %s conflicts with %s at the same name%s: a name with a CNAME cannot have '
                            'any other record' % (shown, cnames[0].text, ', '.join(listed), more))
    return messages


def find_content_collisions(records, zone_ascii, names=None):
    """Messages for values the API would refuse as duplicates of each other.

    The API compares records by name, type and content only, so two MX or SRV
    records that differ only in priority, weight or port (``0 5 5060 sip`` and
    ``0 5 5061 sip``) are "identical" to it. Found here, before any write,
    rather than as a 422 half-way through a run.
    """
    by_content = {}
    for record in records:
        if names is not None and record.name not in names:
            continue
        by_content.setdefault((record.name, record.rtype, record.value.content), set()).add(record.value.text)
    messages = []
    for (name, rtype, content), texts in sorted(by_content.items()):
        if len(texts) > 1:
            messages.append('%s %s: the API allows one record per target, but %s all point at %s; '
                            'use different targets or one of the values'
                            % (fqdn(name, zone_ascii), rtype, ', '.join(sorted(texts)), content))
    return messages


# --------------------------------------------------------------------------
# Planning

def _pair_for_update(missing, unmatched):
    """Pair missing desired values with unneeded current records, for in-place updates.

    First by equal API content (an MX or SRV whose priority/weight/port
    changes keeps its host), then the rest in sorted order. Returns
    ``(pairs, missing_left, unmatched_left)``.
    """
    pairs = []
    by_content = {}
    for record in unmatched:
        by_content.setdefault(record.value.content, []).append(record)
    used = set()
    missing_left = []
    for value, ttl in missing:
        candidates = by_content.get(value.content)
        if candidates:
            record = candidates.pop(0)
            used.add(id(record))
            pairs.append((record, value, ttl))
        else:
            missing_left.append((value, ttl))
    rest = sorted((r for r in unmatched if id(r) not in used), key=lambda r: r.value.sort_key)
    missing_left.sort(key=lambda pair: pair[0].sort_key)
    count = min(len(rest), len(missing_left))
    for index in range(count):
        pairs.append((rest[index], missing_left[index][0], missing_left[index][1]))
    return pairs, missing_left[count:], rest[count:]


def _plan_rrset(name, rtype, current, desired, state, exclusive):
    """Core planner for one name and type.

    ``current``: ZoneRecords at this name/type. ``desired``: list of
    ``(RecordValue, ttl or None)``. Returns ``(operations, after_records)``.
    """
    operations = []
    after = []
    if state == 'absent':
        if desired:
            keys = set(value.key for value, ttl in desired)
        else:
            keys = None
        for record in current:
            if keys is None or record.value.key in keys:
                operations.append(Operation(DELETE, name, rtype, record.value, record.ttl, record_id=record.id))
            else:
                after.append(record)
        return operations, after

    if state != 'present':
        raise ValueError('state must be present or absent, got %r' % (state,))
    if not desired:
        raise DNSValueError('value must list at least one value when state=present')

    copies = {}
    for record in current:
        copies.setdefault(record.value.key, []).append(record)
    wanted = {}
    for value, ttl in desired:
        wanted.setdefault(value.key, (value, ttl))

    missing = []
    for key, (value, ttl) in wanted.items():
        group = copies.get(key)
        if not group:
            missing.append((value, ttl))
            continue
        record = keep_copy(group, ttl)
        for extra in group:
            if extra is not record:
                operations.append(Operation(DELETE, name, rtype, extra.value, extra.ttl, record_id=extra.id,
                                            redundant=True))
        if ttl is not None and record.ttl != ttl:
            operations.append(Operation(UPDATE, name, rtype, record.value, ttl, record_id=record.id,
                                        old_value=record.value, old_ttl=record.ttl, fields={FIELD_TTL: ttl}))
            after.append(ZoneRecord(record.id, name, rtype, ttl, record.value))
        else:
            after.append(record)

    unmatched = [record for key, group in copies.items() if key not in wanted for record in group]
    if not exclusive:
        after.extend(unmatched)
        unmatched = []
    else:
        pairs, missing, unmatched = _pair_for_update(missing, unmatched)
        for record, value, ttl in pairs:
            fields = value.changed_api_fields(record.value)
            if not fields:
                fields = value.api_fields()
            if ttl is not None and ttl != record.ttl:
                fields[FIELD_TTL] = ttl
            new_ttl = ttl if ttl is not None else record.ttl
            operations.append(Operation(UPDATE, name, rtype, value, new_ttl, record_id=record.id,
                                        old_value=record.value, old_ttl=record.ttl, fields=fields))
            after.append(ZoneRecord(record.id, name, rtype, new_ttl, value))
        for record in unmatched:
            operations.append(Operation(DELETE, name, rtype, record.value, record.ttl, record_id=record.id))
    for value, ttl in missing:
        operations.append(Operation(ADD, name, rtype, value, ttl))
        after.append(ZoneRecord(None, name, rtype, ttl if ttl is not None else TTL_DEFAULT, value))
    return operations, after


def plan_rrset_changes(current_records, desired, ttl=None, state='present', exclusive=True, name=None, rtype=None):
    """Plan the records at one name and type.

    ``current_records``: ZoneRecords at that name and type (all of them).
    ``desired``: RecordValues (from :func:`desired_values`).
    ``ttl``: None leaves existing TTLs alone (new records get the API default).
    ``name``/``rtype`` default to those of the records given.
    Returns a :class:`Plan` whose before/after are the records at that name/type.
    """
    current_records = list(current_records)
    if name is None:
        name = current_records[0].name if current_records else APEX
    if rtype is None:
        if current_records:
            rtype = current_records[0].rtype
        elif desired:
            rtype = desired[0].rtype
    return _plan_single(name, rtype, current_records, desired, ttl, state, exclusive)


def _plan_single(name, rtype, current_records, desired, ttl, state, exclusive):
    operations, after = _plan_rrset(name, rtype, current_records, [(v, ttl) for v in desired or []],
                                    state, exclusive)
    return Plan(order_operations(operations), list(current_records), after)


@_without_gc
def plan_record_changes(zone_records, zone_ascii, name, rtype, desired, ttl=None, state='present',
                        exclusive=True):
    """mpg_dns_record: plan one name/type against the whole zone.

    The whole zone is needed for the CNAME rules (records of other types at
    the same name). Raises DNSPlanError on a CNAME conflict in the result.
    """
    rrset = []
    others = []
    for record in zone_records:
        if record.name == name:
            if record.rtype == rtype:
                rrset.append(record)
            else:
                others.append(record)
    plan = _plan_single(name, rtype, rrset, desired, ttl, state, exclusive)
    if plan.changed:
        collisions = find_content_collisions(plan.after, zone_ascii)
        if collisions:
            raise DNSPlanError('; '.join(collisions))
    if plan.changed and (rtype == 'CNAME' or any(r.rtype == 'CNAME' for r in others)):
        conflicts = find_cname_conflicts(list(plan.after) + others, zone_ascii, names=set([name]))
        if conflicts:
            raise DNSPlanError('; '.join(conflicts))
    return plan


def deletion_threshold_error(deletions, total, max_delete_percent, zone_ascii,
                             min_records=THRESHOLD_MIN_RECORDS):
    """The safety-threshold message, or None when the plan is within the limit.

    ``deletions``: the delete Operations. Applies only when the zone holds
    at least ``min_records`` records.
    """
    if max_delete_percent is None or total < min_records or not deletions:
        return None
    if len(deletions) * 100 <= max_delete_percent * total:
        return None
    listed = ['%s %s %s' % (op.name, op.rtype, op.value.text)
              for op in sorted(deletions, key=lambda o: (o.name, o.rtype, o.value.sort_key))[:MESSAGE_LIST_LIMIT]]
    more = ', and %d more' % (len(deletions) - len(listed)) if len(deletions) > len(listed) else ''
    return ('refusing to change zone %s: the plan would delete %d of its %d records (%.0f%%), more than '
            'max_delete_percent=%d%% allows. Nothing was changed. Check the records list (and prune), or raise '
            'max_delete_percent (100 turns the check off) if this is intended. Would delete: %s%s'
            % (zone_ascii, len(deletions), total, len(deletions) * 100.0 / total, max_delete_percent,
               ', '.join(listed), more))


@_without_gc
def plan_zone_changes(current_records, desired_rrsets, zone_ascii, prune=False,
                      max_delete_percent=DEFAULT_MAX_DELETE_PERCENT, min_records=THRESHOLD_MIN_RECORDS):
    """mpg_dns_zone: plan a whole zone.

    ``current_records``: every ZoneRecord of the zone. ``desired_rrsets``:
    from :func:`desired_rrsets_from_entries`. Each listed name/type becomes
    exactly the listed values; with ``prune`` every other record is deleted
    except apex NS (unless listed) and unmanaged types. Raises DNSPlanError
    for CNAME conflicts and when the safety threshold trips.
    Returns a Plan whose before/after are the whole zone.
    """
    current_by_rrset = {}
    for record in current_records:
        current_by_rrset.setdefault((record.name, record.rtype), []).append(record)

    operations = []
    after = []
    touched = set()
    for (name, rtype), desired in desired_rrsets.items():
        ops, rrset_after = _plan_rrset(name, rtype, current_by_rrset.get((name, rtype), []), desired,
                                       'present', True)
        operations.extend(ops)
        after.extend(rrset_after)
        touched.add(name)
    for (name, rtype), records in current_by_rrset.items():
        if (name, rtype) in desired_rrsets:
            continue
        protected = (name == APEX and rtype == 'NS') or rtype not in RECORD_TYPES
        if prune and not protected:
            for record in records:
                operations.append(Operation(DELETE, name, rtype, record.value, record.ttl, record_id=record.id))
            touched.add(name)
        else:
            after.extend(records)

    conflicts = find_cname_conflicts(after, zone_ascii, names=touched) + \
        find_content_collisions(after, zone_ascii, names=touched)
    if conflicts:
        raise DNSPlanError('; '.join(conflicts))
    deletions = [op for op in operations if op.action == DELETE]
    message = deletion_threshold_error(deletions, len(current_records), max_delete_percent, zone_ascii,
                                       min_records=min_records)
    if message:
        raise DNSPlanError(message)
    return Plan(order_operations(operations), list(current_records), after)
