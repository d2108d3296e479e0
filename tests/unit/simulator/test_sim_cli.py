# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Simulator: the command line (flags, first output line, TLS, loopback guard, shutdown)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import re
import signal
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from mpg_simulator import tls
from mpg_simulator.server import Simulator, SimulatorHTTPServer
from mpg_simulator.testing import PACKAGE_PARENT

ENV = dict(os.environ, PYTHONPATH=PACKAGE_PARENT)


def run_cli(*args, timeout=20):
    return subprocess.run([sys.executable, '-m', 'mpg_simulator'] + list(args), env=ENV, timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)


def test_first_line_names_the_url_and_port_zero_picks_a_free_port(start_simulator):
    one, two = start_simulator(), start_simulator()
    for sim in (one, two):
        assert re.match(r'^http://127\.0\.0\.1:[1-9][0-9]*$', sim.url)
        assert sim.health() == {'status': 'ok'}
    assert one.url != two.url


def test_help_lists_the_fixed_interface():
    result = run_cli('--help')
    assert result.returncode == 0
    for flag in ('--host', '--port', '--client-id', '--client-secret', '--token-ttl', '--per-page-max',
                 '--pending-seconds', '--rate-limit', '--state', '--allow-remote', '--tls', '--tls-cert', '--tls-key'):
        assert flag in result.stdout.decode()


def test_console_script_is_declared():
    with open(os.path.join(PACKAGE_PARENT, 'pyproject.toml'), encoding='utf-8') as handle:
        assert 'mpg-simulator = "mpg_simulator.cli:main"' in handle.read()


@pytest.mark.parametrize('host', ['0.0.0.0', '192.0.2.1', 'example.nl'])
def test_non_loopback_host_is_refused_without_allow_remote(host):
    result = run_cli('--host', host, '--port', '0')
    assert result.returncode == 2
    assert b'--allow-remote' in result.stderr
    assert result.stdout == b''


def test_allow_remote_binds_any_address(start_simulator):
    sim = start_simulator('--host', '0.0.0.0', '--allow-remote')
    assert sim.url.startswith('http://0.0.0.0:')
    port = sim.url.rsplit(':', 1)[1]
    with urllib.request.urlopen('http://127.0.0.1:%s/_sim/health' % port, timeout=5) as response:
        assert json.load(response) == {'status': 'ok'}


def test_ipv6_loopback(start_simulator):
    if not socket_has_ipv6():
        pytest.skip('no IPv6 loopback here')
    sim = start_simulator('--host', '::1')
    assert sim.url.startswith('http://[::1]:')
    assert sim.health() == {'status': 'ok'}


def socket_has_ipv6():
    import socket  # pylint: disable=import-outside-toplevel
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(('::1', 0))
        return True
    except OSError:
        return False


def test_flags_credentials_ttl_page_size_pending_rate(start_simulator):
    sim = start_simulator('--token-ttl', '120', '--per-page-max', '2', '--pending-seconds', '60', '--rate-limit', '1000',
                          client_id='someone', client_secret='s3cret')
    assert sim.request('POST', '/auth', {'client_id': 'demo', 'client_secret': 'demo-secret'})[0] == 401
    status, _headers, body = sim.request('POST', '/auth', {'client_id': 'someone', 'client_secret': 's3cret'})
    assert status == 200 and body['expires_in'] == 120
    assert sim.settings() == {'token_ttl': 120, 'per_page_max': 2, 'pending_seconds': 60, 'rate_limit': 1000}
    sim.set_state({'zones': {'a.nl': [{'name': 'h%d' % i, 'type': 'A', 'content': '192.0.2.1'} for i in range(3)]}})
    assert sim.api('GET', '/dns/a.nl/records')[2]['pagination'] == {'page': 1, 'per_page': 2, 'total': 3}


def test_rate_limit_flag(start_simulator):
    sim = start_simulator('--rate-limit', '3')
    sim.token()
    statuses = [sim.api('GET', '/dns')[0] for _index in range(4)]
    assert statuses == [200, 200, 429, 429]


def test_token_ttl_flag_expires_tokens(start_simulator):
    sim = start_simulator('--token-ttl', '1')
    token = sim.token()
    assert sim.api('GET', '/dns', token=token)[0] == 200
    time.sleep(2.05)  # the token lives 1 s, rounded up to the next whole second
    status, _headers, body = sim.api('GET', '/dns', token=token)
    assert status == 401 and 'expired' in body['message']


def test_state_file_is_loaded_at_start(start_simulator, tmp_path):
    state = tmp_path / 'state.json'
    state.write_text(json.dumps({'zones': {'seeded.nl': [{'name': 'www', 'type': 'A', 'content': '192.0.2.1'}]},
                                 'taken': ['elsewhere.nl']}))
    sim = start_simulator('--state', str(state))
    assert sim.api('GET', '/dns')[2] == {'zones': [{'domain': 'seeded.nl', 'status': 'active', 'record_count': 1}]}
    assert sim.api('GET', '/whois/elsewhere.nl')[2]['status'] == 'active'


@pytest.mark.parametrize('content', ['{"zones": {"a..b": []}}', 'not json'])
def test_bad_state_file_fails_at_start(tmp_path, content):
    state = tmp_path / 'state.json'
    state.write_text(content)
    result = run_cli('--state', str(state))
    assert result.returncode == 2 and b'--state' in result.stderr


def test_sigterm_stops_the_server_cleanly(start_simulator):
    sim = start_simulator()
    sim.process.send_signal(signal.SIGTERM)
    assert sim.process.wait(10) == 0


def test_tls_with_a_generated_certificate(start_simulator):
    sim = start_simulator('--tls')
    assert sim.url.startswith('https://127.0.0.1:')
    assert sim.cert_path and os.path.exists(sim.cert_path)
    assert sim.health() == {'status': 'ok'}  # verified against the printed certificate as CA bundle
    assert sim.token()
    with pytest.raises(urllib.error.URLError) as info:
        urllib.request.urlopen(sim.url + '/_sim/health', timeout=5, context=ssl.create_default_context())
    assert 'CERTIFICATE_VERIFY_FAILED' in str(info.value)
    unverified = ssl._create_unverified_context()  # pylint: disable=protected-access
    with urllib.request.urlopen(sim.url + '/_sim/health', timeout=5, context=unverified) as response:
        assert response.status == 200
    cert_dir = os.path.dirname(sim.cert_path)
    sim.stop()
    assert not os.path.exists(cert_dir)  # generated files are removed at exit


def test_tls_with_given_certificate_files(start_simulator, tmp_path):
    cert, key, _tool = tls.generate_self_signed(str(tmp_path))
    assert oct(os.stat(key).st_mode & 0o777) == '0o600'
    sim = start_simulator('--tls', '--tls-cert', cert, '--tls-key', key)
    assert sim.cert_path == cert
    assert sim.health() == {'status': 'ok'}
    sim.stop()
    assert os.path.exists(cert)  # given files are left alone


def test_tls_cert_without_key_is_refused():
    result = run_cli('--tls', '--tls-cert', '/nonexistent.pem')
    assert result.returncode == 2


@pytest.mark.parametrize('tool', ['openssl', 'cryptography'])
def test_both_certificate_generators_give_a_usable_ca(tmp_path, tool):
    if tool == 'cryptography':
        pytest.importorskip('cryptography')
    elif not tls.shutil.which('openssl'):
        pytest.skip('no openssl command')
    cert, key, used = tls.generate_self_signed(str(tmp_path), '127.0.0.1', prefer=tool)
    assert used == tool
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server = SimulatorHTTPServer(('127.0.0.1', 0), Simulator(), ssl_context=server_context)
    thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True)
    thread.start()
    try:
        client_context = ssl.create_default_context(cafile=cert)
        for host in ('127.0.0.1', 'localhost'):
            url = 'https://%s:%d/_sim/health' % (host, server.server_address[1])
            with urllib.request.urlopen(url, timeout=5, context=client_context) as response:
                assert json.load(response) == {'status': 'ok'}
    finally:
        server.shutdown()
        server.server_close()
