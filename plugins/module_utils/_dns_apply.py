# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reading a zone and carrying out a DNS plan through the shared client.

The only DNS code that talks to the API; it gets the client passed in, so it
is tested with a fake one. Planning stays in ``_dns_plan`` (no I/O).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import MPGApiError
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_plan import (
    ADD,
    DELETE,
    UPDATE,
    ZoneRecord,
    zone_records_from_api,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._dns_values import (
    FIELD_CONTENT,
    FIELD_TYPE,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._endpoints import TTL_DEFAULT

NOT_FOUND = 404


class DNSApplyError(Exception):
    """A write failed part-way through a plan.

    ``applied``: the operations that succeeded (describe() dicts),
    ``failed``: the one that failed, ``not_applied``: the rest,
    ``cause``: the MPGApiError.
    """

    def __init__(self, message, applied, failed, not_applied, cause):
        super(DNSApplyError, self).__init__(message)
        self.applied = applied
        self.failed = failed
        self.not_applied = not_applied
        self.cause = cause


def zone_not_found_message(zone_ascii, exc):
    return ('zone %s is not a DNS zone of this account (%s). mpg_dns_zone_info without the zone option lists '
            'the zones the account has' % (zone_ascii, exc))


def read_zone(client, zone_ascii):
    """Every record of the zone (all pages) as ZoneRecords.

    Raises MPGApiError: a failed or incomplete read is never "no records".
    A 404 gets a message that says the zone is unknown.
    """
    try:
        api_records = client.get_records(zone_ascii)
    except MPGApiError as exc:
        if exc.status == NOT_FOUND:
            raise MPGApiError(exc.operation, zone_not_found_message(zone_ascii, exc), status=exc.status,
                              api_message=exc.api_message, field_errors=exc.field_errors, url=exc.url)
        raise
    return zone_records_from_api(api_records, zone_ascii)


def apply_plan(client, zone_ascii, plan, warn=None):
    """Run the plan's operations in order; return the resulting records.

    The result is ``plan.after`` with the records the API returned for adds
    and updates (ids, canonical form) in place of the predicted ones.
    Raises DNSApplyError (with what was applied) when a write fails.

    A write that got no clear answer (time-out, 5xx: ``may_have_acted``) is
    never resent: the zone is read again, and when the write is found to have
    been carried out it counts as applied (``warn`` is called with a note) and
    the plan goes on; otherwise the plan stops there.
    """
    before_ids = set(record.id for record in plan.before)
    by_id = {}
    added = []
    for record in plan.after:
        if record.id is not None:
            by_id[record.id] = record
    applied = []
    operations = plan.operations
    for index, operation in enumerate(operations):
        try:
            if operation.action == DELETE:
                client.delete_record(zone_ascii, operation.record_id)
                by_id.pop(operation.record_id, None)
            elif operation.action == UPDATE:
                answer = client.update_record(zone_ascii, operation.record_id, operation.request_body())
                by_id[operation.record_id] = _record_from_answer(answer, zone_ascii, operation)
            elif operation.action == ADD:
                answer = client.add_record(zone_ascii, operation.request_body())
                record = _record_from_answer(answer, zone_ascii, operation)
                if record.id is not None:
                    by_id[record.id] = record
                else:
                    added.append(record)
        except MPGApiError as exc:
            reread_note = None
            if exc.may_have_acted:
                record, reread_note = _find_effect(client, zone_ascii, operation, before_ids)
                if record is not None:
                    if operation.action == DELETE:
                        by_id.pop(operation.record_id, None)
                    else:
                        by_id[record.id] = record
                    applied.append(operation.describe())
                    if warn is not None:
                        warn('zone %s: %s %s %s %s: %s; the zone was read again and the change is there, so it '
                             'was not sent again' % (zone_ascii, operation.action, operation.name, operation.rtype,
                                                     operation.value.text, exc))
                    continue
            applied_text = ('%d of %d operations were applied before it (see "applied"); the zone is partly '
                            'changed. Run the task again to finish: it re-reads the zone and plans afresh'
                            % (len(applied), len(operations))) if applied else 'nothing was changed before it'
            if exc.may_have_acted:
                applied_text += '. The failed request may have been carried out by the API all the same (%s)' \
                    % reread_note
            message = 'zone %s: %s %s %s %s failed: %s; %s' % (
                zone_ascii, operation.action, operation.name, operation.rtype, operation.value.text, exc,
                applied_text)
            raise DNSApplyError(message, applied, operation.describe(),
                                [op.describe() for op in operations[index + 1:]], exc)
        applied.append(operation.describe())
    return list(by_id.values()) + added


def _find_effect(client, zone_ascii, operation, before_ids):
    """After a write without a clear answer: (the record showing it was carried out, or None; a note).

    For a delete the "record" is True when the record is gone. An add counts only as a record that was not
    in the zone before the plan, an update only as the same record id with the new value.
    """
    try:
        records = read_zone(client, zone_ascii)
    except MPGApiError as exc:
        return None, 'reading the zone again to check failed too: %s' % exc
    if operation.action == DELETE:
        if not any(record.id == operation.record_id for record in records):
            return True, None
    else:
        for record in records:
            if record.name != operation.name or record.rtype != operation.rtype or record.value != operation.value:
                continue
            if operation.ttl is not None and record.ttl != operation.ttl:
                continue
            if operation.action == ADD and record.id not in before_ids:
                return record, None
            if operation.action == UPDATE and record.id == operation.record_id:
                return record, None
    return None, 'reading the zone again right after showed that it had not been, at least not yet'


def fail_apply(module, exc, result):
    """fail_json for a DNSApplyError: what was applied, what failed, what was not tried."""
    result = dict(result)
    result.pop('operations', None)
    result['changed'] = bool(exc.applied)
    result['applied'] = exc.applied
    result['failed_operation'] = exc.failed
    result['not_applied'] = exc.not_applied
    if exc.cause.status is not None:
        result['status'] = exc.cause.status
    if exc.cause.field_errors:
        result['api_errors'] = exc.cause.field_errors
    message = str(exc)
    client = getattr(module, '_client', None)
    if client is not None:
        message = client.redact(message)
    module.fail_json(msg=message, **result)


def _record_from_answer(answer, zone_ascii, operation):
    """The Record the API answered with, as a ZoneRecord; the prediction if the answer is unusable."""
    if isinstance(answer, dict) and answer.get(FIELD_TYPE) and answer.get(FIELD_CONTENT) is not None:
        try:
            return zone_records_from_api([answer], zone_ascii)[0]
        except (TypeError, ValueError, AttributeError):
            pass
    ttl = operation.ttl if operation.ttl is not None else TTL_DEFAULT
    return ZoneRecord(operation.record_id, operation.name, operation.rtype, ttl, operation.value)
