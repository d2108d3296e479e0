# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The module plumbing every module of the collection shares.

``MPGModule`` is an AnsibleModule with the connection options of the
``mijnpartnergroep.domains.connection`` doc fragment, a lazily created
client (so bad input fails before any request), and one way to turn an API
error into ``fail_json``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

try:
    from urllib.parse import urlparse
except ImportError:  # pragma: no cover
    from urlparse import urlparse

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._client import (
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
    MPGApiError,
    MPGClient,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    HAS_IDNA,
    IDNA_IMPORT_ERROR,
)


def connection_argument_spec():
    """The connection options; documented in plugins/doc_fragments/connection.py."""
    return dict(
        api_url=dict(type='str', default=api.DEFAULT_API_URL, fallback=(env_fallback, ['MPG_API_URL'])),
        client_id=dict(type='str', fallback=(env_fallback, ['MPG_CLIENT_ID'])),
        client_secret=dict(type='str', no_log=True, fallback=(env_fallback, ['MPG_CLIENT_SECRET'])),
        api_token=dict(type='str', no_log=True, fallback=(env_fallback, ['MPG_API_TOKEN'])),
        validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['MPG_VALIDATE_CERTS'])),
        ca_path=dict(type='path', fallback=(env_fallback, ['MPG_CA_PATH'])),
        timeout=dict(type='int', default=30, fallback=(env_fallback, ['MPG_TIMEOUT'])),
        token_cache=dict(type='bool', default=True, fallback=(env_fallback, ['MPG_TOKEN_CACHE'])),
    )


class MPGModule(AnsibleModule):
    """AnsibleModule with the Domain API connection options and client."""

    def __init__(self, argument_spec, **kwargs):
        spec = connection_argument_spec()
        spec.update(argument_spec)
        super(MPGModule, self).__init__(argument_spec=spec, **kwargs)
        if not HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
        if not HAS_IDNA:
            self.fail_json(msg=missing_required_lib('idna'), exception=IDNA_IMPORT_ERROR)
        if self.params['timeout'] is not None and self.params['timeout'] <= 0:
            self.fail_json(msg='timeout must be a positive number of seconds, got %s' % self.params['timeout'])
        problem = api_url_problem(self.params['api_url'])
        if problem:
            self.fail_json(msg='api_url (or MPG_API_URL): %s' % problem)
        self._client = None

    @property
    def client(self):
        """The API client, created on first use (after all input checks)."""
        if self._client is None:
            params = self.params
            if not params['validate_certs']:
                self.warn('validate_certs is false: the TLS certificate of %s is not checked, so the connection '
                          'can be intercepted. Use ca_path for a private CA instead.' % params['api_url'])
                _silence_insecure_request_warning()
            try:
                self._client = MPGClient(
                    api_url=params['api_url'],
                    client_id=params['client_id'],
                    client_secret=params['client_secret'],
                    api_token=params['api_token'],
                    validate_certs=params['validate_certs'],
                    ca_path=params['ca_path'],
                    timeout=params['timeout'],
                    token_cache=params['token_cache'],
                    on_secret=self.no_log_values.add,
                )
            except ValueError as exc:
                self.fail_json(msg=str(exc))
        return self._client

    def fail_api(self, exc, what=None, **result):
        """fail_json for an MPGApiError: operation, status, the API's message; never a secret."""
        message = str(exc)
        if what:
            message = '%s: %s' % (what, message)
        if self._client is not None:
            message = self._client.redact(message)
        if getattr(exc, 'status', None) is not None:
            result.setdefault('status', exc.status)
        if getattr(exc, 'field_errors', None):
            result.setdefault('api_errors', exc.field_errors)
        self.fail_json(msg=message, **result)

    def run_safely(self, main_function):
        """Run the module body; API errors and unexpected exceptions end in a clean, redacted failure."""
        try:
            main_function(self)
        except MPGApiError as exc:
            self.fail_api(exc)
        except Exception as exc:  # pylint: disable=broad-except
            # A bug of ours: report it, but redacted, since tracebacks can hold API answers.
            redact = self._client.redact if self._client is not None else (lambda text: text)
            self.fail_json(msg=redact('unexpected error in %s: %s: %s' % (self._name, type(exc).__name__, exc)),
                           exception=redact(traceback.format_exc()))


def api_url_problem(api_url):
    """Why api_url cannot be an API base URL, or None when it can."""
    parsed = urlparse(api_url or '')
    if parsed.scheme not in ('https', 'http'):
        return '%r must start with https:// (or http:// for a local test server), e.g. %s' % (api_url, api.DEFAULT_API_URL)
    if not parsed.hostname:
        return '%r names no host' % api_url
    if parsed.query or parsed.fragment or parsed.username or parsed.password:
        return '%r must not contain a query, a fragment or credentials; give credentials with client_id/client_secret' \
            % parsed._replace(netloc=parsed.hostname, query='', fragment='').geturl()
    return None


def _silence_insecure_request_warning():
    try:
        import urllib3
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    except Exception:  # pylint: disable=broad-except
        pass
