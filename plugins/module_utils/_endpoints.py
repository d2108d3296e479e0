# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The one endpoint table of the MijnPartnerGroep Domain API.

Every path, method and field name of the API lives here and nowhere else in
the collection. ``docs/api/openapi.yaml`` mirrors this file. When the real API
turns out to differ from our reading of its documentation, fixing the
collection is a change to this file (plus the simulator).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


DEFAULT_API_URL = 'https://api.mijnpartnergroep.nl/v1'


class Endpoint(object):
    """One documented operation: name, HTTP method and a path template.

    ``path`` may contain ``{domain}`` and ``{id}`` placeholders; the client
    validates and percent-encodes the values before they go into the URL.
    ``safe_to_retry`` is true for operations that change nothing (reads), so
    a transient failure may be retried without asking the server what
    happened first.
    """

    __slots__ = ('name', 'method', 'path', 'safe_to_retry', 'costs_money')

    def __init__(self, name, method, path, safe_to_retry=False, costs_money=False):
        self.name = name
        self.method = method
        self.path = path
        self.safe_to_retry = safe_to_retry
        self.costs_money = costs_money

    def __repr__(self):
        return 'Endpoint(%s %s %s)' % (self.name, self.method, self.path)


AUTHENTICATE = Endpoint('Authenticate', 'POST', '/auth')

WHOIS_SINGLE = Endpoint('Check WHOIS for a single domain', 'GET', '/whois/{domain}', safe_to_retry=True)
# A POST, but it only reads: retrying it is harmless.
WHOIS_MULTIPLE = Endpoint('Check WHOIS for multiple domains', 'POST', '/whois', safe_to_retry=True)

REGISTER_SINGLE = Endpoint('Register a single domain', 'POST', '/domains', costs_money=True)
REGISTER_MULTIPLE = Endpoint('Register multiple domains', 'POST', '/domains/bulk', costs_money=True)

HOLDER_CREATE = Endpoint('Create a new DomainHolder', 'PUT', '/domainholders')
# A POST, but it only reads.
HOLDER_SEARCH = Endpoint('Get a DomainHolder by ID or email address', 'POST', '/domainholders/search',
                         safe_to_retry=True)
HOLDER_UPDATE = Endpoint('Update an existing DomainHolder', 'PATCH', '/domainholders/{id}')
HOLDER_DELETE = Endpoint('Delete a DomainHolder', 'DELETE', '/domainholders/{id}')

DNS_LIST_DOMAINS = Endpoint('ListDomain', 'GET', '/dns', safe_to_retry=True)
DNS_GET_RECORDS = Endpoint('GetRecords', 'GET', '/dns/{domain}/records', safe_to_retry=True)
DNS_ADD_RECORD = Endpoint('AddRecord', 'PUT', '/dns/{domain}/records')
DNS_UPDATE_RECORD = Endpoint('UpdateRecord', 'PATCH', '/dns/{domain}/records/{id}')
DNS_DELETE_RECORD = Endpoint('DeleteRecord', 'POST', '/dns/{domain}/records/delete')

ALL_ENDPOINTS = (
    AUTHENTICATE,
    WHOIS_SINGLE, WHOIS_MULTIPLE,
    REGISTER_SINGLE, REGISTER_MULTIPLE,
    HOLDER_CREATE, HOLDER_SEARCH, HOLDER_UPDATE, HOLDER_DELETE,
    DNS_LIST_DOMAINS, DNS_GET_RECORDS, DNS_ADD_RECORD, DNS_UPDATE_RECORD, DNS_DELETE_RECORD,
)

# Request bodies and response envelopes: field names.
AUTH_CLIENT_ID = 'client_id'
AUTH_CLIENT_SECRET = 'client_secret'
AUTH_TOKEN = 'token'
AUTH_EXPIRES_IN = 'expires_in'

ERROR_MESSAGE = 'message'
ERROR_FIELDS = 'errors'
RETRY_AFTER_HEADER = 'Retry-After'

WHOIS_DOMAINS = 'domains'            # request body of WHOIS_MULTIPLE
WHOIS_RESULTS = 'results'            # response of WHOIS_MULTIPLE
WHOIS_FIELDS = ('domain', 'available', 'status', 'registrar', 'created_at', 'expires_at', 'nameservers')
WHOIS_STATUSES = ('free', 'active', 'quarantine', 'reserved', 'invalid')
WHOIS_MAX_DOMAINS = 50

DOMAIN_ENVELOPE = 'domain'           # 201 of REGISTER_SINGLE: {"status", "domain": Domain}
DOMAIN_FIELDS = ('domain', 'domainholder_id', 'period', 'nameservers', 'status', 'expires_at')
DOMAIN_READ_ONLY_FIELDS = ('status', 'expires_at')
BULK_DOMAINS = 'domains'             # BulkRegisterRequest
BULK_RESULTS = 'results'
BULK_RESULT_DOMAIN = 'domain'
BULK_RESULT_STATUS = 'status'        # "success" or "error"
BULK_RESULT_DATA = 'data'
BULK_RESULT_MESSAGE = 'message'
REGISTER_MAX_DOMAINS = 50
PERIOD_MIN = 1
PERIOD_MAX = 10

HOLDER_ENVELOPE = 'domainholder'
HOLDER_SEARCH_RESULTS = 'domainholders'
HOLDER_FIELDS = ('id', 'company_name', 'first_name', 'last_name', 'email', 'phone', 'street',
                 'house_number', 'house_number_suffix', 'postal_code', 'city', 'country_code')
HOLDER_REQUIRED_FIELDS = ('first_name', 'last_name', 'email', 'phone', 'street', 'house_number',
                          'postal_code', 'city', 'country_code')
HOLDER_OPTIONAL_FIELDS = ('company_name', 'house_number_suffix')
# Single DomainHolder field names (also the DomainHolderSearch keys 'id' / 'email').
HOLDER_ID = 'id'
HOLDER_COMPANY_NAME = 'company_name'
HOLDER_FIRST_NAME = 'first_name'
HOLDER_LAST_NAME = 'last_name'
HOLDER_EMAIL = 'email'
HOLDER_PHONE = 'phone'
HOLDER_STREET = 'street'
HOLDER_HOUSE_NUMBER = 'house_number'
HOLDER_HOUSE_NUMBER_SUFFIX = 'house_number_suffix'
HOLDER_POSTAL_CODE = 'postal_code'
HOLDER_CITY = 'city'
HOLDER_COUNTRY_CODE = 'country_code'

ZONES = 'zones'                      # ListDomain: {"zones": [{"domain", "status", "record_count"}]}
ZONE_DOMAIN = 'domain'
ZONE_STATUS = 'status'
ZONE_RECORD_COUNT = 'record_count'

RECORDS = 'records'                  # GetRecords
PAGINATION = 'pagination'
PAGE = 'page'
PER_PAGE = 'per_page'
TOTAL = 'total'
PER_PAGE_MAX = 500
RECORD_ENVELOPE = 'record'
RECORD_ID = 'id'
RECORD_NAME = 'name'
RECORD_TYPE = 'type'
RECORD_CONTENT = 'content'
RECORD_TTL = 'ttl'
RECORD_PRIORITY = 'priority'
RECORD_WEIGHT = 'weight'
RECORD_PORT = 'port'
RECORD_FIELDS = (RECORD_ID, RECORD_NAME, RECORD_TYPE, RECORD_CONTENT, RECORD_TTL,
                 RECORD_PRIORITY, RECORD_WEIGHT, RECORD_PORT)
RECORD_TYPES = ('A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'SRV', 'TXT')
RECORD_DELETE_ID = 'id'
TTL_MIN = 60
TTL_MAX = 86400
TTL_DEFAULT = 3600
TXT_CHUNK_LENGTH = 255
APEX = '@'

# Single field names of Domain and WhoisResult (mpg_domain reads and writes them one by one).
DOMAIN_NAME = 'domain'
DOMAIN_HOLDER_ID = 'domainholder_id'
DOMAIN_PERIOD = 'period'
DOMAIN_NAMESERVERS = 'nameservers'
DOMAIN_STATUS = 'status'
DOMAIN_EXPIRES_AT = 'expires_at'
BULK_RESULT_SUCCESS = 'success'      # value of BULK_RESULT_STATUS for a registered domain
BULK_RESULT_ERROR = 'error'
WHOIS_DOMAIN = 'domain'
WHOIS_AVAILABLE = 'available'
WHOIS_STATUS = 'status'
WHOIS_REGISTRAR = 'registrar'
WHOIS_EXPIRES_AT = 'expires_at'
WHOIS_NAMESERVERS = 'nameservers'
WHOIS_STATUS_FREE = 'free'
WHOIS_STATUS_ACTIVE = 'active'
WHOIS_STATUS_QUARANTINE = 'quarantine'
WHOIS_STATUS_RESERVED = 'reserved'
WHOIS_STATUS_INVALID = 'invalid'
ZONE_STATUS_PENDING = 'pending'
