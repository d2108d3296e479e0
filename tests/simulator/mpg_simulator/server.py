# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HTTP side of the simulator: routing, authentication, quota, rate limit, faults, request log.

Every API request goes through ``Simulator.handle_api`` under one lock, so concurrent requests
(Ansible forks) see a consistent state. Sleeps asked for by faults happen outside the lock.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import copy
import json
import math
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from .state import ApiError, State
from .tokens import TokenError, TokenIssuer
from .validation import Invalid, is_int

MAX_BODY = 10 * 1024 * 1024
SETTINGS = ('token_ttl', 'per_page_max', 'pending_seconds', 'rate_limit')
FAULT_KEYS = ('method', 'path_regex', 'status', 'times', 'retry_after', 'delay_before', 'delay_after',
              'body', 'content_type', 'close')

# (path regex, {method: operation}); the first matching path wins, so fixed segments come first.
ROUTES = (
    (re.compile(r'^/auth$'), {'POST': 'authenticate'}),
    (re.compile(r'^/whois$'), {'POST': 'whois_many'}),
    (re.compile(r'^/whois/(?P<domain>[^/]+)$'), {'GET': 'whois'}),
    (re.compile(r'^/domains$'), {'POST': 'register'}),
    (re.compile(r'^/domains/bulk$'), {'POST': 'register_many'}),
    (re.compile(r'^/domainholders$'), {'PUT': 'create_holder'}),
    (re.compile(r'^/domainholders/search$'), {'POST': 'search_holders'}),
    (re.compile(r'^/domainholders/(?P<id>[^/]+)$'), {'PATCH': 'update_holder', 'DELETE': 'delete_holder'}),
    (re.compile(r'^/dns$'), {'GET': 'list_zones'}),
    (re.compile(r'^/dns/(?P<domain>[^/]+)/records$'), {'GET': 'get_records', 'PUT': 'add_record'}),
    (re.compile(r'^/dns/(?P<domain>[^/]+)/records/delete$'), {'POST': 'delete_record'}),
    (re.compile(r'^/dns/(?P<domain>[^/]+)/records/(?P<id>[^/]+)$'), {'PATCH': 'update_record'}),
)
BODY_OPERATIONS = ('authenticate', 'whois_many', 'register', 'register_many', 'create_holder', 'search_holders',
                   'update_holder', 'add_record', 'update_record', 'delete_record')

ADMIN_ROUTES = {
    '/_sim/health': ('GET',),
    '/_sim/reset': ('POST',),
    '/_sim/state': ('GET', 'PUT'),
    '/_sim/requests': ('GET', 'DELETE'),
    '/_sim/faults': ('GET', 'POST', 'DELETE'),
    '/_sim/expire-tokens': ('POST',),
    '/_sim/settings': ('GET', 'PUT'),
}


def error_body(status, message, errors=None):
    body = {'status': 'error', 'message': message}
    if status in (400, 422):
        body['errors'] = errors or {}
    return body


STANDARD_MESSAGES = {
    400: 'Bad request.', 401: 'Unauthorized.', 402: 'Payment required.', 403: 'Forbidden: usage quota exceeded.',
    404: 'Not found.', 405: 'Method not allowed.', 422: 'The given data was invalid.', 429: 'Too many requests.',
    500: 'Internal server error.', 502: 'Bad gateway.', 503: 'Service unavailable.', 504: 'Gateway time-out.',
}


class Reply:
    """What to send back: status, body (dict = JSON, str/bytes = raw) and extra headers."""

    def __init__(self, status, body, headers=None, content_type='application/json', close=False):
        self.status = status
        self.body = body
        self.headers = dict(headers or {})
        self.content_type = content_type
        self.close = close

    @classmethod
    def error(cls, exc):
        return cls(exc.status, error_body(exc.status, exc.message, exc.errors), exc.headers)

    def payload(self):
        if isinstance(self.body, (dict, list)):
            return json.dumps(self.body).encode('utf-8')
        if isinstance(self.body, str):
            return self.body.encode('utf-8')
        return self.body or b''


class Fault:
    """One injected fault (see POST /_sim/faults)."""

    def __init__(self, spec, fault_id):
        unknown = sorted(set(spec) - set(FAULT_KEYS))
        if unknown:
            raise ApiError(400, 'Unknown fault keys: %s.' % ', '.join(unknown))
        self.id = fault_id
        self.spec = dict((key, spec.get(key)) for key in FAULT_KEYS)
        method = spec.get('method')
        self.method = method.upper() if isinstance(method, str) and method not in ('', '*') else None
        try:
            self.path_regex = re.compile(spec.get('path_regex') or '')
        except (re.error, TypeError) as exc:
            raise ApiError(400, 'Invalid path_regex: %s.' % exc)
        self.status = spec.get('status')
        if self.status is not None and (not is_int(self.status) or not 100 <= self.status <= 599):
            raise ApiError(400, 'status must be null or an HTTP status code.')
        self.times = spec.get('times')
        if self.times is not None and (not is_int(self.times) or self.times < 1):
            raise ApiError(400, 'times must be null (always) or a positive integer.')
        self.retry_after = spec.get('retry_after')
        for key in ('delay_before', 'delay_after'):
            value = spec.get(key) or 0
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ApiError(400, '%s must be a non-negative number of seconds.' % key)
            setattr(self, key, float(value))
        self.body = spec.get('body')
        if self.body is not None and not isinstance(self.body, str):
            raise ApiError(400, 'body must be null or a string (sent as it is).')
        self.content_type = spec.get('content_type') or 'application/json'
        self.close = bool(spec.get('close'))

    def matches(self, method, path):
        return (self.method is None or self.method == method) and self.path_regex.search(path) is not None

    def view(self):
        view = dict(self.spec)
        view['id'] = self.id
        view['times'] = self.times
        return view

    def reply(self):
        """The answer that replaces the real one, or None to carry the operation out normally."""
        if self.status is None and self.body is None:
            return None
        status = self.status if self.status is not None else 200
        headers = {}
        if self.retry_after is not None:
            headers['Retry-After'] = str(self.retry_after)
        if self.body is not None:
            return Reply(status, self.body, headers, content_type=self.content_type)
        if status < 400:
            return Reply(status, {'status': 'success'}, headers)
        return Reply(status, error_body(status, STANDARD_MESSAGES.get(status, 'Error.')), headers)


class Simulator:
    """All state of one running simulator; thread-safe."""

    def __init__(self, client_id='demo', client_secret='demo-secret', token_ttl=3600, per_page_max=500,
                 pending_seconds=0, rate_limit=0, clock=time.time, sleep=time.sleep):
        self.client_id = client_id
        self.client_secret = client_secret
        self.defaults = {'token_ttl': token_ttl, 'per_page_max': per_page_max,
                         'pending_seconds': pending_seconds, 'rate_limit': rate_limit}
        self.settings = dict(self.defaults)
        self.lock = threading.RLock()
        self._clock = clock
        self._sleep = sleep
        self.tokens = TokenIssuer(clock=clock)
        self.state = State(pending_seconds=lambda: self.settings['pending_seconds'], clock=clock)
        self.requests = []
        self.faults = []
        self._next_fault_id = 1
        self._window = collections.deque()

    # --------------------------------------------------------------- admin

    def reset(self):
        with self.lock:
            self.state.clear()
            self.requests = []
            self.faults = []
            self._window.clear()
            self.settings = dict(self.defaults)

    def handle_admin(self, method, path, body_bytes):
        allowed = ADMIN_ROUTES.get(path)
        if allowed is None:
            return Reply(404, error_body(404, 'Unknown simulator admin endpoint %s.' % path))
        if method not in allowed:
            return Reply(405, error_body(405, 'Method %s not allowed on %s.' % (method, path)),
                         {'Allow': ', '.join(allowed)})
        try:
            body = None
            if method in ('PUT', 'POST') and body_bytes.strip():
                body = parse_json(body_bytes)
            return self._admin(method, path, body)
        except ApiError as exc:
            return Reply.error(exc)

    def _admin(self, method, path, body):
        with self.lock:
            if path == '/_sim/health':
                return Reply(200, {'status': 'ok'})
            if path == '/_sim/reset':
                self.reset()
                return Reply(200, {'status': 'success'})
            if path == '/_sim/state':
                if method == 'PUT':
                    self.state.load(body if body is not None else {})
                return Reply(200, self.state.dump())
            if path == '/_sim/requests':
                if method == 'DELETE':
                    self.requests = []
                return Reply(200, {'requests': copy.deepcopy(self.requests)})
            if path == '/_sim/faults':
                if method == 'POST':
                    if not isinstance(body, dict):
                        raise ApiError(400, 'A fault must be a JSON object.')
                    fault = Fault(body, self._next_fault_id)
                    self._next_fault_id += 1
                    self.faults.append(fault)
                    return Reply(201, {'status': 'success', 'fault': fault.view()})
                if method == 'DELETE':
                    self.faults = []
                return Reply(200, {'faults': [f.view() for f in self.faults]})
            if path == '/_sim/expire-tokens':
                self.tokens.revoke_all()
                return Reply(200, {'status': 'success'})
            # /_sim/settings
            if method == 'PUT':
                self._update_settings(body if body is not None else {})
            return Reply(200, dict(self.settings))

    def _update_settings(self, body):
        if not isinstance(body, dict) or set(body) - set(SETTINGS):
            raise ApiError(400, 'settings takes an object with: %s.' % ', '.join(SETTINGS))
        for key, value in body.items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise ApiError(400, '%s must be a non-negative number.' % key)
            if key in ('per_page_max', 'token_ttl') and value < 1:
                raise ApiError(400, '%s must be at least 1.' % key)
        self.settings.update(body)

    # ----------------------------------------------------------------- API

    def log_request(self, method, path, query):
        entry = {'method': method, 'path': path, 'query': query, 'status': None}
        with self.lock:
            self.requests.append(entry)
        return entry

    def take_fault(self, method, path):
        with self.lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self.faults.remove(fault)
                    return fault
        return None

    def handle_api(self, method, path, query, headers, body_bytes):
        """Answer one API request (everything outside /_sim/), honouring any fault that matches."""
        entry = self.log_request(method, path, query)
        fault = self.take_fault(method, path)
        if fault is not None and fault.delay_before:
            self._sleep(fault.delay_before)
        reply = fault.reply() if fault is not None else None
        if reply is None:
            reply = self._answer(method, path, query, headers, body_bytes)
            if fault is not None and fault.retry_after is not None:
                reply.headers['Retry-After'] = str(fault.retry_after)
        if fault is not None and fault.delay_after:
            self._sleep(fault.delay_after)
        if fault is not None and fault.close:
            reply.close = True
        with self.lock:
            entry['status'] = None if reply.close else reply.status
        return reply

    def _answer(self, method, path, query, headers, body_bytes):
        with self.lock:
            try:
                return self._dispatch(method, path, query, headers, body_bytes)
            except ApiError as exc:
                return Reply.error(exc)
            except Invalid as exc:
                return Reply.error(ApiError.from_invalid(exc))

    def _route(self, method, path):
        for pattern, methods in ROUTES:
            match = pattern.match(path)
            if match:
                if method not in methods:
                    raise ApiError(405, 'Method %s is not allowed on %s.' % (method, path),
                                   headers={'Allow': ', '.join(sorted(methods))})
                params = dict((k, unquote(v)) for k, v in match.groupdict().items())
                return methods[method], params
        raise ApiError(404, 'Not found: %s.' % path)

    def _throttle(self):
        limit = self.settings['rate_limit']
        if not limit:
            return
        now = time.monotonic()
        while self._window and self._window[0] <= now - 1.0:
            self._window.popleft()
        if len(self._window) >= limit:
            wait = max(1, int(math.ceil(self._window[0] + 1.0 - now)))
            raise ApiError(429, 'Too many requests: at most %s a second.' % limit, headers={'Retry-After': str(wait)})
        self._window.append(now)

    def _authenticate(self, headers):
        value = headers.get('Authorization') or ''
        scheme, _sep, token = value.partition(' ')
        if scheme.lower() != 'bearer' or not token.strip():
            raise ApiError(401, 'Unauthorized: a bearer token is required.')
        try:
            claims = self.tokens.verify(token.strip())
        except TokenError as exc:
            raise ApiError(401, 'Unauthorized: %s.' % exc)
        if claims.get('sub') != self.client_id:
            raise ApiError(401, 'Unauthorized: token is not valid for this account.')

    def _charge_quota(self):
        account = self.state.account
        if account['quota_remaining'] is None:
            return
        if account['quota_remaining'] <= 0:
            raise ApiError(403, 'Forbidden: the usage quota of this account is exhausted.')
        account['quota_remaining'] -= 1

    def _dispatch(self, method, path, query, headers, body_bytes):
        self._throttle()
        operation, params = self._route(method, path)
        if operation != 'authenticate':
            self._authenticate(headers)
            self._charge_quota()
        body = parse_json(body_bytes) if operation in BODY_OPERATIONS else None
        if body is not None and not isinstance(body, dict):
            raise ApiError(400, 'The request body must be a JSON object.', {'body': ['Must be a JSON object.']})
        state = self.state
        if operation == 'authenticate':
            return self._issue_token(body)
        if operation == 'whois':
            return Reply(200, state.whois(params['domain']))
        if operation == 'whois_many':
            return Reply(200, state.whois_many(body))
        if operation == 'register':
            return Reply(201, state.register(body))
        if operation == 'register_many':
            return Reply(200, state.register_many(body))
        if operation == 'create_holder':
            return Reply(201, state.create_holder(body))
        if operation == 'search_holders':
            return Reply(200, state.search_holders(body))
        if operation == 'update_holder':
            return Reply(200, state.update_holder(params['id'], body))
        if operation == 'delete_holder':
            return Reply(200, state.delete_holder(params['id']))
        if operation == 'list_zones':
            return Reply(200, state.list_zones())
        if operation == 'get_records':
            return Reply(200, state.get_records(params['domain'], parse_qs(query, keep_blank_values=True),
                                                int(self.settings['per_page_max'])))
        if operation == 'add_record':
            return Reply(201, state.add_record(params['domain'], body))
        if operation == 'update_record':
            return Reply(200, state.update_record(params['domain'], params['id'], body))
        return Reply(200, state.delete_record(params['domain'], body))

    def _issue_token(self, body):
        client_id, secret = body.get('client_id'), body.get('client_secret')
        missing = dict((k, ['The %s field is required.' % k]) for k in ('client_id', 'client_secret')
                       if not isinstance(body.get(k), str) or not body.get(k))
        if missing:
            raise ApiError(400, 'Client credentials are required.', missing)
        if client_id != self.client_id or secret != self.client_secret:
            raise ApiError(401, 'Authorization failed: invalid client credentials.')
        ttl = self.settings['token_ttl']
        return Reply(200, {'status': 'success', 'token': self.tokens.issue(client_id, ttl),
                           'expires_in': int(math.ceil(ttl))})


def parse_json(body_bytes):
    if not body_bytes or not body_bytes.strip():
        raise ApiError(400, 'A JSON request body is required.', {'body': ['A JSON body is required.']})
    try:
        return json.loads(body_bytes.decode('utf-8'))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, 'The request body is not valid JSON: %s' % exc, {'body': ['Not valid JSON.']})


class RequestHandler(BaseHTTPRequestHandler):
    """Turns HTTP requests into Simulator calls. HTTP/1.1 with keep-alive, like a real API front end."""

    protocol_version = 'HTTP/1.1'

    def version_string(self):
        return 'mpg-simulator'

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        if getattr(self.server, 'verbose', False):
            BaseHTTPRequestHandler.log_message(self, format, *args)

    def _read_body(self):
        if 'chunked' in (self.headers.get('Transfer-Encoding') or '').lower():
            chunks = []
            total = 0
            while True:
                size = int(self.rfile.readline().split(b';', 1)[0].strip() or b'0', 16)
                if size == 0:
                    while self.rfile.readline() not in (b'\r\n', b'\n', b''):
                        pass
                    break
                total += size
                if total > MAX_BODY:
                    raise ValueError('body too large')
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b''.join(chunks)
        length = int(self.headers.get('Content-Length') or 0)
        if length > MAX_BODY:
            raise ValueError('body too large')
        return self.rfile.read(length) if length > 0 else b''

    def _handle(self):
        simulator = self.server.simulator
        parts = urlsplit(self.path)
        path = parts.path
        try:
            body = self._read_body()
        except ValueError:
            self.close_connection = True
            self._send(Reply(400, error_body(400, 'Unreadable or oversized request body.')))
            return
        if path == '/_sim' or path.startswith('/_sim/'):
            reply = simulator.handle_admin(self.command, path.rstrip('/'), body)
        else:
            reply = simulator.handle_api(self.command, path, parts.query, self.headers, body)
        if reply.close:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(reply)

    def _send(self, reply):
        payload = reply.payload()
        self.send_response(reply.status)
        self.send_header('Content-Type', reply.content_type)
        self.send_header('Content-Length', str(len(payload)))
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _handle


class SimulatorHTTPServer(ThreadingHTTPServer):
    """Threading server: one thread per connection, so forks and parallel clients are served at once."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, simulator, verbose=False, ssl_context=None):
        host = address[0]
        if ':' in host:
            self.address_family = socket.AF_INET6
        self.simulator = simulator
        self.verbose = verbose
        self.ssl_context = ssl_context
        ThreadingHTTPServer.__init__(self, address, RequestHandler)

    def get_request(self):
        sock, addr = self.socket.accept()
        if self.ssl_context is not None:
            # Handshake in the worker thread (see finish_request), not in the accept loop.
            sock = self.ssl_context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def finish_request(self, request, client_address):
        if self.ssl_context is not None:
            try:
                request.settimeout(30)
                request.do_handshake()
                request.settimeout(None)
            except (OSError, ValueError):
                return
        ThreadingHTTPServer.finish_request(self, request, client_address)

    def handle_error(self, request, client_address):
        if self.verbose:
            ThreadingHTTPServer.handle_error(self, request, client_address)
