# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a simulator in a subprocess and drive it: the helper behind the pytest ``simulator`` fixture.

Standard library only (urllib), so any test, benchmark or script can use it::

    with SimulatorProcess() as sim:
        sim.set_state({'zones': {'example.nl': []}})
        status, headers, body = sim.api('GET', '/dns')
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class SimulatorStartError(RuntimeError):
    pass


class SimulatorProcess:
    """A running ``python -m mpg_simulator``; ``args`` are extra command-line flags."""

    def __init__(self, args=(), client_id='demo', client_secret='demo-secret', python=None, start_timeout=20):
        self.client_id = client_id
        self.client_secret = client_secret
        self.url = None
        self.cert_path = None
        self._token = None
        self._stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        env['PYTHONPATH'] = os.pathsep.join([PACKAGE_PARENT] + [p for p in [env.get('PYTHONPATH')] if p])
        command = [python or sys.executable, '-m', 'mpg_simulator', '--port', '0',
                   '--client-id', client_id, '--client-secret', client_secret] + list(args)
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self._stderr, env=env)
        lines = self._read_lines(2 if '--tls' in args or '--tls-cert' in args else 1, start_timeout)
        if not lines or not lines[0].startswith('listening on '):
            self.stop()
            raise SimulatorStartError('simulator did not start: stdout %r, stderr %r' % (lines, self.stderr()))
        self.url = lines[0][len('listening on '):]
        if len(lines) > 1 and lines[1].startswith('tls certificate '):
            self.cert_path = lines[1][len('tls certificate '):]
        self._context = None
        if self.cert_path:
            self._context = ssl.create_default_context(cafile=self.cert_path)

    def _read_lines(self, count, timeout):
        lines = []

        def reader():
            for _index in range(count):
                line = self.process.stdout.readline()
                if not line:
                    return
                lines.append(line.decode('utf-8').strip())

        thread = threading.Thread(target=reader, daemon=True)
        thread.start()
        thread.join(timeout)
        return lines

    def stderr(self):
        self._stderr.seek(0)
        return self._stderr.read().decode('utf-8', 'replace')

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if self.process.stdout:
            self.process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()

    # ------------------------------------------------------------- HTTP

    def request_raw(self, method, path, body=None, headers=None, raw_body=None, timeout=30):
        """Send one request; return (status, headers, body bytes)."""
        data = raw_body
        if data is None and body is not None:
            data = json.dumps(body).encode('utf-8')
        if isinstance(data, str):
            data = data.encode('utf-8')
        all_headers = {'Accept': 'application/json'}
        if data is not None:
            all_headers['Content-Type'] = 'application/json'
        all_headers.update(headers or {})
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout, context=self._context) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:
            try:
                return exc.code, exc.headers, exc.read()
            finally:
                exc.close()

    def request(self, method, path, body=None, headers=None, raw_body=None, timeout=30):
        """Send one request; return (status, headers, parsed JSON or the raw text when not JSON)."""
        status, response_headers, payload = self.request_raw(method, path, body, headers, raw_body, timeout)
        text = payload.decode('utf-8', 'replace')
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return status, response_headers, parsed

    def auth_headers(self, token=True, headers=None):
        """Headers with ``Authorization: Bearer`` (``token=True``: ``self.token()``; None: no header)."""
        all_headers = dict(headers or {})
        if token is True:
            token = self.token()
        if token:
            all_headers['Authorization'] = 'Bearer %s' % token
        return all_headers

    def admin(self, method, path, body=None):
        status, _headers, parsed = self.request(method, '/_sim/' + path.lstrip('/'), body)
        if status >= 400:
            raise AssertionError('simulator admin %s %s failed: %s %r' % (method, path, status, parsed))
        return parsed

    def token(self, fresh=False):
        """A valid token for the configured credentials (cached until ``fresh`` or an expire)."""
        if self._token is None or fresh:
            status, _headers, body = self.request(
                'POST', '/auth', {'client_id': self.client_id, 'client_secret': self.client_secret})
            if status != 200:
                raise AssertionError('authentication failed: %s %r' % (status, body))
            self._token = body['token']
        return self._token

    def api(self, method, path, body=None, token=True, raw_body=None, headers=None):
        """An API call; ``token=True`` uses ``self.token()``, a string uses that token, None sends none."""
        return self.request(method, path, body, headers=self.auth_headers(token, headers), raw_body=raw_body)

    # ------------------------------------------------------------ admin

    def health(self):
        return self.admin('GET', 'health')

    def reset(self):
        self._token = None
        return self.admin('POST', 'reset')

    def set_state(self, state):
        return self.admin('PUT', 'state', state)

    def get_state(self):
        return self.admin('GET', 'state')

    def requests(self):
        return self.admin('GET', 'requests')['requests']

    def clear_requests(self):
        return self.admin('DELETE', 'requests')

    def add_fault(self, **fault):
        return self.admin('POST', 'faults', fault)['fault']

    def faults(self):
        return self.admin('GET', 'faults')['faults']

    def clear_faults(self):
        return self.admin('DELETE', 'faults')

    def expire_tokens(self):
        self._token = None
        return self.admin('POST', 'expire-tokens')

    def settings(self, **changes):
        """Read the live settings, or change some (token_ttl, per_page_max, pending_seconds, rate_limit)."""
        if changes:
            return self.admin('PUT', 'settings', changes)
        return self.admin('GET', 'settings')
