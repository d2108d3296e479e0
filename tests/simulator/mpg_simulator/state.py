# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The simulated account: holders, registered domains, DNS zones and the outside world's WHOIS.

Plain data and the operations of the contract on it; no HTTP, no locking (the server holds one
lock around every call). Operations return the response body, or raise ApiError.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime
import time

from .validation import (
    APEX, HOLDER_FIELDS, Invalid, Missing, canonical_domain, canonical_hostname, canonical_record,
    check_holder_values, is_int, require, txt_for_reading,
)

DEFAULT_NAMESERVERS = ('ns1.mijnpartnergroep.nl', 'ns2.mijnpartnergroep.nl', 'ns3.mijnpartnergroep.nl')
DEFAULT_NS_TTL = 86400
OUR_REGISTRAR = 'MijnPartnerGroep'
OTHER_REGISTRAR = 'Another Registrar B.V.'
WHOIS_STATUSES = ('free', 'active', 'quarantine', 'reserved', 'invalid')
MAX_BATCH = 50
PERIOD_MIN, PERIOD_MAX = 1, 10
NAMESERVERS_MIN, NAMESERVERS_MAX = 2, 13
DOMAIN_REQUEST_FIELDS = ('domain', 'domainholder_id', 'period', 'nameservers')
DOMAIN_READ_ONLY_FIELDS = ('status', 'expires_at')


class ApiError(Exception):
    """An error answer: HTTP status, message and (for 400/422) per-field errors."""

    def __init__(self, status, message, errors=None, headers=None):
        super(ApiError, self).__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    @classmethod
    def from_invalid(cls, exc):
        return cls(400 if isinstance(exc, Missing) else 422, exc.message, exc.errors)


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _given(data, key, default):
    value = data.get(key)
    return default if value is None else value


def _today():
    return datetime.date.today()


class State:
    """One account's data. ``pending_seconds`` is read through a callable so settings can change live."""

    def __init__(self, pending_seconds=lambda: 0, clock=time.time):
        self._pending_seconds = pending_seconds
        self._clock = clock
        self.clear()

    # ---------------------------------------------------------------- admin

    def clear(self):
        self.account = {'direct_debit': True, 'quota_remaining': None}
        self.holders = {}          # id -> DomainHolder
        self.domains = {}          # name -> internal domain dict (with pending_until, created_at)
        self.zones = {}            # name -> [stored records]
        self.taken = {}            # name -> WHOIS details (status, registrar, ...)
        self._taken_as_given = {}  # name -> what PUT /_sim/state said (string or object)
        self.next_holder_id = 1
        self.next_record_id = 1

    def load(self, data):
        """Replace everything with ``data`` (the shape of GET /_sim/state). Raises ApiError(400)."""
        if not isinstance(data, dict):
            raise ApiError(400, 'The state must be a JSON object.')
        unknown = sorted(set(data) - {'account', 'holders', 'domains', 'zones', 'taken'})
        if unknown:
            raise ApiError(400, 'Unknown state keys: %s.' % ', '.join(unknown))
        self.clear()
        try:
            self._load_account(_given(data, 'account', {}))
            self._load_holders(_given(data, 'holders', []))
            self._load_zones(_given(data, 'zones', {}))
            self._load_domains(_given(data, 'domains', []))
            self._load_taken(_given(data, 'taken', []))
        except ApiError:
            self.clear()
            raise

    def _load_account(self, account):
        if not isinstance(account, dict) or set(account) - {'direct_debit', 'quota_remaining'}:
            raise ApiError(400, 'account must be an object with direct_debit and quota_remaining.')
        self.account['direct_debit'] = bool(account.get('direct_debit', True))
        quota = account.get('quota_remaining')
        if quota is not None and (not is_int(quota) or quota < 0):
            raise ApiError(400, 'account.quota_remaining must be null or a non-negative integer.')
        self.account['quota_remaining'] = quota

    def _load_holders(self, holders):
        if not isinstance(holders, list):
            raise ApiError(400, 'holders must be a list.')
        with_ids = [h.get('id') for h in holders if isinstance(h, dict) and h.get('id') is not None]
        if any(not is_int(i) or i < 1 for i in with_ids) or len(set(with_ids)) != len(with_ids):
            raise ApiError(400, 'holder ids must be unique positive integers.')
        self.next_holder_id = max(with_ids + [0]) + 1
        for holder in holders:
            if not isinstance(holder, dict) or set(holder) - set(HOLDER_FIELDS):
                raise ApiError(400, 'each holder must be a DomainHolder object: %r' % (holder,))
            stored = dict((key, holder.get(key)) for key in HOLDER_FIELDS)
            if stored['id'] is None:
                stored['id'] = self.next_holder_id
                self.next_holder_id += 1
            self.holders[stored['id']] = stored

    def _load_zones(self, zones):
        if not isinstance(zones, dict):
            raise ApiError(400, 'zones must be an object keyed by domain name.')
        all_ids = []
        for records in zones.values():
            if not isinstance(records, list):
                raise ApiError(400, 'each zone must be a list of records.')
            all_ids.extend(r.get('id') for r in records if isinstance(r, dict) and r.get('id') is not None)
        if any(not is_int(i) or i < 1 for i in all_ids) or len(set(all_ids)) != len(all_ids):
            raise ApiError(400, 'record ids must be unique positive integers across all zones.')
        self.next_record_id = max(all_ids + [0]) + 1
        for zone_name, records in zones.items():
            zone = canonical_domain(zone_name)
            if zone is None:
                raise ApiError(400, 'invalid zone name %r.' % (zone_name,))
            stored_records = self.zones.setdefault(zone, [])
            for record in records:
                if not isinstance(record, dict):
                    raise ApiError(400, 'each record must be an object.')
                fields = dict(record)
                record_id = fields.pop('id', None)
                try:
                    stored = canonical_record(fields, zone)
                except Invalid as exc:
                    raise ApiError(400, 'invalid record %r in zone %s: %s' % (record, zone, exc.errors), exc.errors)
                if record_id is None:
                    record_id = self.next_record_id
                    self.next_record_id += 1
                stored['id'] = record_id
                stored_records.append(stored)
            stored_records.sort(key=lambda r: r['id'])

    def _load_domains(self, domains):
        if not isinstance(domains, list):
            raise ApiError(400, 'domains must be a list.')
        for item in domains:
            if not isinstance(item, dict) or set(item) - set(DOMAIN_REQUEST_FIELDS + DOMAIN_READ_ONLY_FIELDS):
                raise ApiError(400, 'each domain must be a Domain object: %r' % (item,))
            name = canonical_domain(item.get('domain'))
            if name is None:
                raise ApiError(400, 'invalid domain name %r.' % (item.get('domain'),))
            period = item.get('period', 1)
            status = item.get('status', 'active')
            if status not in ('active', 'pending'):
                raise ApiError(400, 'a domain status must be active or pending.')
            nameservers = item.get('nameservers')
            if nameservers is None:
                nameservers = list(DEFAULT_NAMESERVERS)
            created = _today()
            self.domains[name] = {
                'domain': name,
                'domainholder_id': item.get('domainholder_id'),
                'period': period,
                'nameservers': [canonical_hostname(ns) or ns for ns in nameservers],
                'expires_at': item.get('expires_at') or add_years(created, period if is_int(period) else 1).isoformat(),
                'created_at': created.isoformat(),
                'pending_until': self._clock() + self._pending_seconds() if status == 'pending' else None,
            }

    def _load_taken(self, taken):
        if not isinstance(taken, list):
            raise ApiError(400, 'taken must be a list of domain names or WHOIS objects.')
        for item in taken:
            details = {'domain': item} if isinstance(item, str) else item
            if not isinstance(details, dict):
                raise ApiError(400, 'invalid taken entry %r.' % (item,))
            name = canonical_domain(details.get('domain'))
            if name is None:
                raise ApiError(400, 'invalid taken domain %r.' % (details.get('domain'),))
            status = details.get('status', 'active')
            if status not in ('active', 'quarantine', 'reserved'):
                raise ApiError(400, 'a taken domain status must be active, quarantine or reserved.')
            self.taken[name] = {
                'status': status,
                'registrar': details.get('registrar', OTHER_REGISTRAR),
                'created_at': details.get('created_at', '2015-06-01'),
                'expires_at': details.get('expires_at', add_years(_today(), 1).isoformat()),
                'nameservers': details.get('nameservers', ['ns1.example-dns.net', 'ns2.example-dns.net']),
            }
            self._taken_as_given[name] = copy.deepcopy(item)

    def dump(self):
        """The whole state in the shape PUT /_sim/state takes (records stored form, TXT unchunked)."""
        return {
            'account': dict(self.account),
            'holders': [dict(h) for h in self.holders.values()],
            'domains': [self.domain_view(d) for d in self.domains.values()],
            'zones': dict((zone, [self._record_stored_view(r) for r in records])
                          for zone, records in sorted(self.zones.items())),
            'taken': [copy.deepcopy(item) for item in self._taken_as_given.values()],
        }

    # ------------------------------------------------------------- helpers

    def _is_pending(self, domain):
        return domain['pending_until'] is not None and self._clock() < domain['pending_until']

    def domain_view(self, domain):
        return {
            'domain': domain['domain'],
            'domainholder_id': domain['domainholder_id'],
            'period': domain['period'],
            'nameservers': list(domain['nameservers']),
            'status': 'pending' if self._is_pending(domain) else 'active',
            'expires_at': domain['expires_at'],
        }

    @staticmethod
    def _record_stored_view(record):
        return dict((key, record[key]) for key in ('id', 'name', 'type', 'content', 'ttl', 'priority', 'weight', 'port'))

    @classmethod
    def record_view(cls, record):
        view = cls._record_stored_view(record)
        if view['type'] == 'TXT':
            view['content'] = txt_for_reading(view['content'])
        return view

    def _zone(self, name):
        zone = canonical_domain(name)
        if zone is None or zone not in self.zones:
            raise ApiError(404, 'DNS zone %s not found.' % name)
        return zone, self.zones[zone]

    def _holder(self, holder_id):
        try:
            holder_id = int(holder_id)
        except (TypeError, ValueError):
            holder_id = None
        if holder_id not in self.holders:
            raise ApiError(404, 'Domain holder %s not found.' % holder_id)
        return self.holders[holder_id]

    # --------------------------------------------------------------- WHOIS

    def whois(self, name):
        domain = canonical_domain(name)
        if domain is None:
            return {'domain': name.lower() if isinstance(name, str) else name, 'available': False, 'status': 'invalid'}
        ours = self.domains.get(domain)
        if ours is not None and not self._is_pending(ours):
            return {'domain': domain, 'available': False, 'status': 'active', 'registrar': OUR_REGISTRAR,
                    'created_at': ours['created_at'], 'expires_at': ours['expires_at'],
                    'nameservers': list(ours['nameservers'])}
        other = self.taken.get(domain)
        if other is not None:
            result = {'domain': domain, 'available': False, 'status': other['status']}
            if other['status'] == 'active':
                for key in ('registrar', 'created_at', 'expires_at', 'nameservers'):
                    result[key] = copy.deepcopy(other[key])
            return result
        # Free -- and also our own pending registrations: the registry does not know them yet.
        return {'domain': domain, 'available': True, 'status': 'free'}

    def whois_many(self, body):
        require(body, ('domains',))
        names = body['domains']
        if not isinstance(names, list) or not 1 <= len(names) <= MAX_BATCH:
            raise ApiError(422, 'The domains field must be a list of 1 to %d domain names.' % MAX_BATCH,
                           {'domains': ['Between 1 and %d domain names are required.' % MAX_BATCH]})
        bad = dict(('domains.%d' % i, ['Must be a string.']) for i, n in enumerate(names) if not isinstance(n, str))
        if bad:
            raise ApiError(422, 'Every domain must be a string.', bad)
        return {'results': [self.whois(name) for name in names]}

    # ------------------------------------------------------------- domains

    def _check_domain_request(self, body):
        """Validate a Domain registration request; return (name, fields). Raises ApiError."""
        try:
            require(body, ('domain', 'domainholder_id', 'period'))
        except Invalid as exc:
            raise ApiError.from_invalid(exc)
        errors = {}
        for key in sorted(set(body) - set(DOMAIN_REQUEST_FIELDS + DOMAIN_READ_ONLY_FIELDS)):
            errors[key] = ['Unknown field.']
        name = canonical_domain(body['domain'])
        if name is None:
            errors['domain'] = ['The domain must be a valid domain name (IDNs in punycode).']
        if not is_int(body['domainholder_id']):
            errors['domainholder_id'] = ['The domainholder_id must be an integer.']
        period = body['period']
        if not is_int(period) or not PERIOD_MIN <= period <= PERIOD_MAX:
            errors['period'] = ['The period must be an integer between %d and %d years.' % (PERIOD_MIN, PERIOD_MAX)]
        nameservers = body.get('nameservers')
        canonical_ns = None
        if nameservers is not None:
            if not isinstance(nameservers, list) or not NAMESERVERS_MIN <= len(nameservers) <= NAMESERVERS_MAX:
                errors['nameservers'] = ['Between %d and %d name servers are required.' % (NAMESERVERS_MIN, NAMESERVERS_MAX)]
            else:
                canonical_ns = [canonical_hostname(ns) for ns in nameservers]
                if None in canonical_ns:
                    errors['nameservers'] = ['Every name server must be a valid host name.']
                elif len(set(canonical_ns)) != len(canonical_ns):
                    errors['nameservers'] = ['The name servers must be different.']
        if errors:
            raise ApiError(422, 'The given data was invalid.', errors)
        return name, canonical_ns

    def _register_one(self, body):
        name, nameservers = self._check_domain_request(body)
        self._holder(body['domainholder_id'])
        if name in self.domains:
            raise ApiError(422, 'Domain %s is already registered to this account.' % name,
                           {'domain': ['The domain is already registered.']})
        if name in self.taken:
            raise ApiError(422, 'Domain %s is not available (%s).' % (name, self.taken[name]['status']),
                           {'domain': ['The domain is not available.']})
        created = _today()
        pending = self._pending_seconds()
        domain = {
            'domain': name,
            'domainholder_id': body['domainholder_id'],
            'period': body['period'],
            'nameservers': nameservers or list(DEFAULT_NAMESERVERS),
            'expires_at': add_years(created, body['period']).isoformat(),
            'created_at': created.isoformat(),
            'pending_until': self._clock() + pending if pending > 0 else None,
        }
        self.domains[name] = domain
        if nameservers is None and name not in self.zones:
            self.zones[name] = []
            for host in DEFAULT_NAMESERVERS:
                self._store_record(name, {'name': APEX, 'type': 'NS', 'content': host, 'ttl': DEFAULT_NS_TTL,
                                          'priority': None, 'weight': None, 'port': None})
        return self.domain_view(domain)

    def register(self, body):
        if not self.account['direct_debit']:
            raise ApiError(402, 'Payment required: direct debit is not enabled for this account.')
        return {'status': 'success', 'domain': self._register_one(body)}

    def register_many(self, body):
        require(body, ('domains',))
        if not self.account['direct_debit']:
            raise ApiError(402, 'Payment required: direct debit is not enabled for this account.')
        items = body['domains']
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_BATCH:
            raise ApiError(422, 'The domains field must be a list of 1 to %d domains.' % MAX_BATCH,
                           {'domains': ['Between 1 and %d domains are required.' % MAX_BATCH]})
        results = []
        for item in items:
            label = item.get('domain') if isinstance(item, dict) else None
            label = label if isinstance(label, str) else ''
            try:
                if not isinstance(item, dict):
                    raise ApiError(400, 'Each domain must be a Domain object.')
                data = self._register_one(item)
            except (ApiError, Invalid) as exc:
                message = exc.message
                if getattr(exc, 'errors', None):
                    message = '%s %s' % (message, '; '.join('%s: %s' % (k, ' '.join(v)) for k, v in sorted(exc.errors.items())))
                results.append({'domain': canonical_domain(label) or label, 'status': 'error', 'message': message})
            else:
                results.append({'domain': data['domain'], 'status': 'success', 'data': data})
        return {'results': results}

    # ------------------------------------------------------------- holders

    def create_holder(self, body):
        check_holder_values(body, required=True)
        holder = dict((key, body.get(key)) for key in HOLDER_FIELDS)
        holder['id'] = self.next_holder_id
        self.next_holder_id += 1
        self.holders[holder['id']] = holder
        return {'status': 'success', 'domainholder': dict(holder)}

    def search_holders(self, body):
        has_id, has_email = body.get('id') is not None, body.get('email') is not None
        if has_id == has_email:
            raise ApiError(400, 'Give exactly one of id or email.',
                           {'id': ['Give exactly one of id or email.'], 'email': ['Give exactly one of id or email.']})
        unknown = sorted(set(body) - {'id', 'email'})
        if unknown:
            raise ApiError(422, 'The given data was invalid.', dict((k, ['Unknown field.']) for k in unknown))
        if has_id:
            if not is_int(body['id']):
                raise ApiError(422, 'The given data was invalid.', {'id': ['The id must be an integer.']})
            found = [self.holders[body['id']]] if body['id'] in self.holders else []
        else:
            if not isinstance(body['email'], str):
                raise ApiError(422, 'The given data was invalid.', {'email': ['The email must be a string.']})
            wanted = body['email'].strip().lower()
            found = [h for h in self.holders.values() if isinstance(h.get('email'), str) and h['email'].lower() == wanted]
        return {'domainholders': [dict(h) for h in found]}

    def update_holder(self, holder_id, body):
        holder = self._holder(holder_id)
        check_holder_values(body, required=False)
        holder.update(body)
        return {'status': 'success', 'domainholder': dict(holder)}

    def delete_holder(self, holder_id):
        holder = self._holder(holder_id)
        users = sorted(d['domain'] for d in self.domains.values() if d['domainholder_id'] == holder['id'])
        if users:
            raise ApiError(422, 'Domain holder %s is still in use by: %s.' % (holder['id'], ', '.join(users)),
                           {'id': ['The domain holder is still in use.']})
        del self.holders[holder['id']]
        return {'status': 'success'}

    # ----------------------------------------------------------------- DNS

    def list_zones(self):
        names = sorted(set(self.zones) | set(self.domains))
        zones = []
        for name in names:
            domain = self.domains.get(name)
            status = 'pending' if domain is not None and self._is_pending(domain) else 'active'
            zones.append({'domain': name, 'status': status, 'record_count': len(self.zones.get(name, ()))})
        return {'zones': zones}

    def get_records(self, name, query, per_page_max):
        zone, records = self._zone(name)
        errors = {}
        values = {}
        for key, default in (('page', 1), ('per_page', 100)):
            raw = query.get(key)
            if raw is None:
                values[key] = default
                continue
            try:
                values[key] = int(raw[-1])
                if values[key] < 1:
                    raise ValueError(raw)
            except ValueError:
                errors[key] = ['The %s must be a positive integer.' % key]
        if errors:
            raise ApiError(422, 'The given data was invalid.', errors)
        page, per_page = values['page'], min(values['per_page'], per_page_max)
        start = (page - 1) * per_page
        return {
            'domain': zone,
            'records': [self.record_view(r) for r in records[start:start + per_page]],
            'pagination': {'page': page, 'per_page': per_page, 'total': len(records)},
        }

    def _check_constraints(self, zone, records, candidate, ignore_id=None):
        others = [r for r in records if r['id'] != ignore_id and r['name'] == candidate['name']]
        if candidate['type'] == 'CNAME' and others:
            raise ApiError(422, 'A CNAME record cannot exist beside other records of the same name.',
                           {'type': ['%s already has other records; a CNAME must be the only record of a name.'
                                     % candidate['name']]})
        if any(r['type'] == 'CNAME' for r in others):
            raise ApiError(422, 'A CNAME record exists for this name; no other records are allowed beside it.',
                           {'name': ['%s has a CNAME record.' % candidate['name']]})
        for other in others:
            if other['type'] == candidate['type'] and other['content'] == candidate['content']:
                raise ApiError(422, 'An identical record already exists (id %d).' % other['id'],
                               {'content': ['An identical %s record already exists for %s.'
                                            % (candidate['type'], candidate['name'])]})

    def _store_record(self, zone, stored):
        stored['id'] = self.next_record_id
        self.next_record_id += 1
        self.zones[zone].append(stored)
        return stored

    def add_record(self, name, body):
        zone, records = self._zone(name)
        if 'id' in body:
            raise ApiError(422, 'The given data was invalid.', {'id': ['The id field is read-only.']})
        try:
            candidate = canonical_record(body, zone)
        except Invalid as exc:
            raise ApiError.from_invalid(exc)
        self._check_constraints(zone, records, candidate)
        return {'status': 'success', 'record': self.record_view(self._store_record(zone, candidate))}

    def _record(self, records, record_id):
        for record in records:
            if str(record['id']) == str(record_id):
                return record
        raise ApiError(404, 'Record %s not found.' % record_id)

    def update_record(self, name, record_id, body):
        zone, records = self._zone(name)
        record = self._record(records, record_id)
        if 'id' in body and body['id'] != record['id']:
            raise ApiError(422, 'The given data was invalid.', {'id': ['The id field is read-only.']})
        merged = self._record_stored_view(record)
        del merged['id']
        if 'type' in body and isinstance(body['type'], str) and body['type'].upper() != record['type']:
            # A new type: fields that belonged only to the old type are not carried over.
            for key in ('priority', 'weight', 'port'):
                merged[key] = None
        merged.update(dict((k, v) for k, v in body.items() if k != 'id'))
        try:
            candidate = canonical_record(merged, zone)
        except Invalid as exc:
            raise ApiError.from_invalid(exc)
        self._check_constraints(zone, records, candidate, ignore_id=record['id'])
        record.update(candidate)
        return {'status': 'success', 'record': self.record_view(record)}

    def delete_record(self, name, body):
        zone, records = self._zone(name)
        try:
            require(body, ('id',))
        except Invalid as exc:
            raise ApiError.from_invalid(exc)
        if not is_int(body['id']):
            raise ApiError(422, 'The given data was invalid.', {'id': ['The id must be an integer.']})
        record = self._record(records, body['id'])
        records.remove(record)
        return {'status': 'success'}
