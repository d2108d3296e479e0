# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The shared client of the MijnPartnerGroep Domain API.

One class, ``MPGClient``, speaks HTTP for every module: authentication and
the token cache, retries, paging, error decoding. Paths and field names come
from ``_endpoints``; nothing here is specific to one module.

Retry policy, and why:

* 429 (throttled): the server did not act, so any request may be resent after
  ``Retry-After`` (capped).
* 401 on a cached or fresh token: renew the token once and resend; the server
  did not act.
* 502/503/504, connection resets and read time-outs: resent only for reads.
  A write may have been carried out before the failure; the caller decides
  what to do after re-reading the state (``MPGApiError.may_have_acted``).
* A connection that could not be opened at all (refused, DNS failure, connect
  time-out) never reached the server: resent for any request.
* 403 (quota exhausted) and every other status: never resent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import random
import time
import traceback

try:
    from urllib.parse import quote
except ImportError:  # pragma: no cover - Python 2 is not supported, kept for sanity's compile test
    from urllib import quote

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import to_ascii_domain
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._token_cache import TokenCache

USER_AGENT = 'mijnpartnergroep.domains-ansible-collection/0.1.0'
MAX_ATTEMPTS = 5
MAX_RETRY_WAIT_SECONDS = 30.0
MAX_TOTAL_RETRY_SECONDS = 120.0
BACKOFF_BASE_SECONDS = 0.5
MAX_MESSAGE_LENGTH = 500
REDACTED = '********'
RETRYABLE_SERVER_STATUSES = (502, 503, 504)


class MPGApiError(Exception):
    """A failed API operation.

    ``status`` is the HTTP status, or None when no response arrived.
    ``may_have_acted`` is true when the request may have been carried out by
    the server although no success answer arrived (read time-out, 5xx): a
    caller must re-read the state rather than resend such a write.
    """

    def __init__(self, operation, message, status=None, api_message=None, field_errors=None,
                 retry_after=None, may_have_acted=False, url=None):
        self.operation = operation
        self.status = status
        self.api_message = api_message
        self.field_errors = field_errors or {}
        self.retry_after = retry_after
        self.may_have_acted = may_have_acted
        self.timed_out = may_have_acted and status is None
        self.url = url
        super(MPGApiError, self).__init__(message)

    @property
    def message(self):
        return str(self)


def _retry_after_seconds(response):
    value = response.headers.get(api.RETRY_AFTER_HEADER)
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _backoff_seconds(attempt):
    # Exponential with jitter, so parallel forks do not retry in lockstep.
    return min(MAX_RETRY_WAIT_SECONDS, BACKOFF_BASE_SECONDS * (2 ** (attempt - 1))) * random.uniform(0.8, 1.2)


class MPGClient(object):
    """Client of the Domain API; one per module run."""

    def __init__(self, api_url=api.DEFAULT_API_URL, client_id=None, client_secret=None, api_token=None,
                 validate_certs=True, timeout=30, token_cache=True, ca_path=None, on_secret=None,
                 sleep=time.sleep):
        if not HAS_REQUESTS:
            raise RuntimeError('the Python library "requests" is required')
        self.api_url = (api_url or api.DEFAULT_API_URL).rstrip('/')
        self.client_id = client_id
        self._client_secret = client_secret
        self._fixed_token = api_token
        self._token = api_token
        self.timeout = timeout
        self._verify = (ca_path or True) if validate_certs else False
        self._cache = TokenCache(self.api_url, client_id, client_secret) if (token_cache and not api_token) else None
        # Called with every secret we learn (tokens), so the module can hide them from its output.
        self._on_secret = on_secret
        self._sleep = sleep
        self._session = None
        self._secrets = [s for s in (client_secret, api_token) if s]
        if not api_token and not (client_id and client_secret):
            raise ValueError('no credentials: give client_id and client_secret (or MPG_CLIENT_ID and '
                             'MPG_CLIENT_SECRET), or api_token (MPG_API_TOKEN)')

    # ----------------------------------------------------------------- plumbing

    @property
    def session(self):
        if self._session is None:
            session = requests.Session()
            session.headers['User-Agent'] = USER_AGENT
            session.headers['Accept'] = 'application/json'
            session.verify = self._verify
            self._session = session
        return self._session

    def _learn_secret(self, secret):
        if secret and secret not in self._secrets:
            self._secrets.append(secret)
            if self._on_secret:
                self._on_secret(secret)

    def redact(self, text):
        """``text`` with every secret this client knows replaced by stars."""
        if text is None:
            return text
        text = str(text)
        for secret in self._secrets:
            if secret:
                text = text.replace(secret, REDACTED)
        return text

    def url_for(self, endpoint, path_params=None):
        path = endpoint.path
        for key, value in (path_params or {}).items():
            path = path.replace('{%s}' % key, quote(str(value), safe=''))
        return self.api_url + path

    def _error_from_response(self, endpoint, response, url):
        retry_after = _retry_after_seconds(response)
        api_message = None
        field_errors = {}
        try:
            body = response.json()
        except ValueError:
            body = None
        if isinstance(body, dict):
            if isinstance(body.get(api.ERROR_MESSAGE), str):
                api_message = body.get(api.ERROR_MESSAGE)
            if isinstance(body.get(api.ERROR_FIELDS), dict):
                field_errors = body.get(api.ERROR_FIELDS)
        elif response.text:
            api_message = response.text.strip().splitlines()[0] if response.text.strip() else None
        api_message = self.redact(api_message)
        if api_message and len(api_message) > MAX_MESSAGE_LENGTH:
            api_message = api_message[:MAX_MESSAGE_LENGTH] + '...'
        field_errors = dict((self.redact(k), [self.redact(p) for p in (v if isinstance(v, list) else [v])])
                            for k, v in field_errors.items())
        message = '%s failed: HTTP %d' % (endpoint.name, response.status_code)
        if response.reason:
            message += ' %s' % response.reason
        if api_message:
            message += ': %s' % api_message.rstrip('.')
        if field_errors:
            message += ' (%s)' % '; '.join('%s: %s' % (k, ', '.join(str(p) for p in v))
                                           for k, v in sorted(field_errors.items()))
        hint = {
            401: 'check client_id/client_secret or api_token (MPG_CLIENT_ID, MPG_CLIENT_SECRET, MPG_API_TOKEN)',
            402: 'the account has no direct debit enabled; enable direct debit with your provider',
            403: 'the usage quota of the account is exhausted; wait for it to reset or contact your provider',
            429: 'the API throttled the requests; lower the number of forks or retry later',
        }.get(response.status_code)
        if hint:
            message += '. Hint: %s' % hint
        return MPGApiError(endpoint.name, self.redact(message), status=response.status_code,
                           api_message=api_message, field_errors=field_errors, retry_after=retry_after,
                           may_have_acted=response.status_code >= 500, url=url)

    def _send(self, method, url, json_body, query, with_auth):
        headers = {}
        if with_auth:
            headers['Authorization'] = 'Bearer %s' % self._current_token()
        if json_body is not None:
            headers['Content-Type'] = 'application/json'
        # verify is passed on each request: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override
        # session.verify, which would silently undo validate_certs=false and ca_path.
        return self.session.request(method, url, json=json_body, params=query, headers=headers,
                                    timeout=self.timeout, allow_redirects=False, verify=self._verify)

    def _request(self, endpoint, path_params=None, json_body=None, query=None, with_auth=True):
        """Send one operation with the retry policy above; return the decoded JSON object."""
        url = self.url_for(endpoint, path_params)
        attempt = 0
        renewed = False
        waited = 0.0
        while True:
            attempt += 1
            wait = None
            try:
                response = self._send(endpoint.method, url, json_body, query, with_auth)
            except requests.exceptions.SSLError as exc:
                raise MPGApiError(endpoint.name, self.redact(
                    '%s failed: TLS certificate verification of %s failed (%s). Give the CA bundle with '
                    'ca_path, or set validate_certs=false for a test server' % (endpoint.name, self.api_url, exc)),
                    url=url)
            except requests.exceptions.ConnectionError as exc:
                # ConnectTimeout is a ConnectionError too: the server was never reached.
                never_reached = isinstance(exc, requests.exceptions.ConnectTimeout) or \
                    'NewConnectionError' in repr(exc) or 'NameResolutionError' in repr(exc) or \
                    'Failed to resolve' in repr(exc) or 'Connection refused' in repr(exc)
                error = MPGApiError(endpoint.name, self.redact(
                    '%s failed: cannot connect to %s: %s' % (endpoint.name, self.api_url, _short_reason(exc))),
                    may_have_acted=not never_reached, url=url)
                # A name that does not resolve is a configuration error, not a hiccup: fail at once.
                unresolvable = 'NameResolutionError' in repr(exc) or 'Failed to resolve' in repr(exc) or \
                    'Name or service not known' in repr(exc)
                if unresolvable or not (never_reached or endpoint.safe_to_retry) or attempt >= MAX_ATTEMPTS:
                    raise error
                wait = _backoff_seconds(attempt)
            except requests.exceptions.Timeout:
                error = MPGApiError(endpoint.name, self.redact(
                    '%s failed: no answer from %s within %s seconds' % (endpoint.name, self.api_url, self.timeout)),
                    may_have_acted=True, url=url)
                if not endpoint.safe_to_retry or attempt >= MAX_ATTEMPTS:
                    raise error
                wait = _backoff_seconds(attempt)
            except requests.exceptions.RequestException as exc:
                raise MPGApiError(endpoint.name, self.redact('%s failed: %s' % (endpoint.name, _short_reason(exc))),
                                  url=url)
            else:
                status = response.status_code
                if 200 <= status < 300:
                    return self._decode(endpoint, response, url)
                error = self._error_from_response(endpoint, response, url)
                if status == 401 and with_auth and not renewed and not self._fixed_token:
                    # The token expired or was revoked: one renewal, then resend.
                    renewed = True
                    self._token = None
                    if self._cache:
                        self._cache.discard()
                    attempt -= 1
                    continue
                if status == 429 and attempt < MAX_ATTEMPTS:
                    wait = min(MAX_RETRY_WAIT_SECONDS,
                               error.retry_after if error.retry_after is not None else _backoff_seconds(attempt))
                elif status in RETRYABLE_SERVER_STATUSES and endpoint.safe_to_retry and attempt < MAX_ATTEMPTS:
                    wait = min(MAX_RETRY_WAIT_SECONDS,
                               error.retry_after if error.retry_after is not None else _backoff_seconds(attempt))
                else:
                    raise error
            if waited + wait > MAX_TOTAL_RETRY_SECONDS:
                raise error
            waited += wait
            self._sleep(wait)

    def _decode(self, endpoint, response, url):
        if response.status_code == 204 or not response.content:
            return {}
        try:
            body = response.json()
        except ValueError:
            raise MPGApiError(endpoint.name, '%s failed: the API answered HTTP %d with a body that is not JSON '
                              '(content type %s)' % (endpoint.name, response.status_code,
                                                     response.headers.get('Content-Type', 'unknown')),
                              status=response.status_code, may_have_acted=True, url=url)
        if not isinstance(body, dict):
            raise MPGApiError(endpoint.name, '%s failed: the API answered with JSON that is not an object'
                              % endpoint.name, status=response.status_code, may_have_acted=True, url=url)
        return body

    def _current_token(self):
        if self._token:
            return self._token
        if self._cache:
            cached = self._cache.load()
            if cached:
                self._token = cached
                self._learn_secret(cached)
                return cached
        self._token = self.authenticate()
        return self._token

    def authenticate(self):
        """Exchange the client credentials for a token (and cache it)."""
        body = self._request(api.AUTHENTICATE, json_body={api.AUTH_CLIENT_ID: self.client_id,
                                                          api.AUTH_CLIENT_SECRET: self._client_secret},
                             with_auth=False)
        token = body.get(api.AUTH_TOKEN)
        if not isinstance(token, str) or not token:
            raise MPGApiError(api.AUTHENTICATE.name, '%s failed: the answer holds no token' % api.AUTHENTICATE.name)
        self._learn_secret(token)
        if self._cache:
            self._cache.store(token, body.get(api.AUTH_EXPIRES_IN, 0))
        return token

    # ---------------------------------------------------------------- generic

    def call(self, endpoint, path_params=None, json=None, query=None):
        """Any operation of the endpoint table; returns the decoded JSON object."""
        return self._request(endpoint, path_params=path_params, json_body=json, query=query)

    @staticmethod
    def _field(endpoint, body, field, kind):
        value = body.get(field)
        if not isinstance(value, kind):
            # The answer was a success status: a write was probably carried out, so callers must re-read
            # the state rather than report "nothing happened" (may_have_acted).
            raise MPGApiError(endpoint.name, '%s failed: the answer lacks the field "%s" (or it has the wrong type); '
                              'refusing to guess' % (endpoint.name, field), may_have_acted=not endpoint.safe_to_retry)
        return value

    # ---------------------------------------------------------------- WHOIS

    def whois(self, domain):
        domain = to_ascii_domain(domain)
        body = self.call(api.WHOIS_SINGLE, {'domain': domain})
        self._field(api.WHOIS_SINGLE, body, api.WHOIS_AVAILABLE, bool)
        return body

    def whois_many(self, domains):
        """WHOIS of any number of domains, in calls of at most 50; results in input order."""
        domains = [to_ascii_domain(d) for d in domains]
        results = []
        for start in range(0, len(domains), api.WHOIS_MAX_DOMAINS):
            chunk = domains[start:start + api.WHOIS_MAX_DOMAINS]
            body = self.call(api.WHOIS_MULTIPLE, json={api.WHOIS_DOMAINS: chunk})
            chunk_results = self._field(api.WHOIS_MULTIPLE, body, api.WHOIS_RESULTS, list)
            if len(chunk_results) != len(chunk):
                raise MPGApiError(api.WHOIS_MULTIPLE.name, '%s failed: asked for %d domains, the answer has %d'
                                  % (api.WHOIS_MULTIPLE.name, len(chunk), len(chunk_results)))
            for result in chunk_results:
                if not isinstance(result, dict) or not isinstance(result.get(api.WHOIS_AVAILABLE), bool):
                    raise MPGApiError(api.WHOIS_MULTIPLE.name, '%s failed: a result lacks "%s"'
                                      % (api.WHOIS_MULTIPLE.name, api.WHOIS_AVAILABLE))
            results.extend(chunk_results)
        return results

    # ---------------------------------------------------------------- domains

    def register_domain(self, domain_fields):
        """Register one domain. Never resent: see MPGApiError.may_have_acted."""
        body = self.call(api.REGISTER_SINGLE, json=domain_fields)
        return self._field(api.REGISTER_SINGLE, body, api.DOMAIN_ENVELOPE, dict)

    def register_domains(self, domains_fields):
        """Register at most 50 domains in one bulk call; the per-domain results."""
        if len(domains_fields) > api.REGISTER_MAX_DOMAINS:
            raise ValueError('at most %d domains a bulk registration call' % api.REGISTER_MAX_DOMAINS)
        body = self.call(api.REGISTER_MULTIPLE, json={api.BULK_DOMAINS: domains_fields})
        return self._field(api.REGISTER_MULTIPLE, body, api.BULK_RESULTS, list)

    # ---------------------------------------------------------------- holders

    def search_holders(self, holder_id=None, email=None):
        if holder_id is not None:
            query = {api.HOLDER_ID: holder_id}
        elif email is not None:
            query = {api.HOLDER_EMAIL: email}
        else:
            raise ValueError('search_holders needs holder_id or email')
        body = self.call(api.HOLDER_SEARCH, json=query)
        return self._field(api.HOLDER_SEARCH, body, api.HOLDER_SEARCH_RESULTS, list)

    def create_holder(self, fields):
        body = self.call(api.HOLDER_CREATE, json=fields)
        return self._field(api.HOLDER_CREATE, body, api.HOLDER_ENVELOPE, dict)

    def update_holder(self, holder_id, changed_fields):
        body = self.call(api.HOLDER_UPDATE, {'id': holder_id}, json=changed_fields)
        return self._field(api.HOLDER_UPDATE, body, api.HOLDER_ENVELOPE, dict)

    def delete_holder(self, holder_id):
        self.call(api.HOLDER_DELETE, {'id': holder_id})

    # ---------------------------------------------------------------- DNS

    def list_zones(self):
        body = self.call(api.DNS_LIST_DOMAINS)
        zones = self._field(api.DNS_LIST_DOMAINS, body, api.ZONES, list)
        for zone in zones:
            if not isinstance(zone, dict) or not isinstance(zone.get(api.ZONE_DOMAIN), str):
                raise MPGApiError(api.DNS_LIST_DOMAINS.name, '%s failed: a zone lacks "%s"'
                                  % (api.DNS_LIST_DOMAINS.name, api.ZONE_DOMAIN))
        return zones

    def get_records(self, zone):
        """Every record of a zone, all pages; an incomplete read is an error, never 'fewer records'."""
        zone = to_ascii_domain(zone, what='zone')
        for _attempt in range(2):
            records, consistent = self._read_all_pages(zone)
            if consistent:
                return records
        raise MPGApiError(api.DNS_GET_RECORDS.name, '%s failed: the zone %s changed while it was being read page '
                          'by page; try again' % (api.DNS_GET_RECORDS.name, zone))

    def _read_all_pages(self, zone):
        endpoint = api.DNS_GET_RECORDS
        records = []
        seen_ids = set()
        page = 1
        total = None
        while True:
            body = self.call(endpoint, {'domain': zone}, query={api.PAGE: page, api.PER_PAGE: api.PER_PAGE_MAX})
            page_records = self._field(endpoint, body, api.RECORDS, list)
            pagination = self._field(endpoint, body, api.PAGINATION, dict)
            page_total = pagination.get(api.TOTAL)
            if not isinstance(page_total, int) or page_total < 0:
                raise MPGApiError(endpoint.name, '%s failed: the answer lacks a valid "%s.%s"'
                                  % (endpoint.name, api.PAGINATION, api.TOTAL))
            if total is None:
                total = page_total
            elif page_total != total:
                return records, False
            for record in page_records:
                if not isinstance(record, dict) or api.RECORD_ID not in record or api.RECORD_TYPE not in record:
                    raise MPGApiError(endpoint.name, '%s failed: a record lacks "id" or "type"' % endpoint.name)
                if record[api.RECORD_ID] in seen_ids:
                    return records, False
                seen_ids.add(record[api.RECORD_ID])
                records.append(record)
            if len(records) >= total:
                return records, len(records) == total
            if not page_records:
                raise MPGApiError(endpoint.name, '%s failed: page %d of zone %s is empty but only %d of %d records '
                                  'were read' % (endpoint.name, page, zone, len(records), total))
            page += 1

    def add_record(self, zone, record_fields):
        zone = to_ascii_domain(zone, what='zone')
        body = self.call(api.DNS_ADD_RECORD, {'domain': zone}, json=record_fields)
        return self._field(api.DNS_ADD_RECORD, body, api.RECORD_ENVELOPE, dict)

    def update_record(self, zone, record_id, changed_fields):
        zone = to_ascii_domain(zone, what='zone')
        body = self.call(api.DNS_UPDATE_RECORD, {'domain': zone, 'id': record_id}, json=changed_fields)
        return self._field(api.DNS_UPDATE_RECORD, body, api.RECORD_ENVELOPE, dict)

    def delete_record(self, zone, record_id):
        zone = to_ascii_domain(zone, what='zone')
        self.call(api.DNS_DELETE_RECORD, {'domain': zone}, json={api.RECORD_DELETE_ID: record_id})


def _short_reason(exc):
    """The innermost reason of a requests/urllib3 error, without the noise."""
    text = str(exc)
    for marker in ('Name or service not known', 'Temporary failure in name resolution', 'Connection refused',
                   'No route to host', 'Network is unreachable', 'timed out', 'Connection reset by peer',
                   'Remote end closed connection'):
        if marker in text:
            return marker
    return text if len(text) <= 300 else text[:300] + '...'
