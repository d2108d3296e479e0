# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``mpg-simulator`` / ``python -m mpg_simulator``: start the local Domain API simulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import argparse
import ipaddress
import json
import shutil
import signal
import socket
import ssl
import tempfile

from .server import Simulator, SimulatorHTTPServer
from .state import ApiError
from .tls import TLSSetupError, generate_self_signed


class _Stopped(BaseException):
    """Raised by the SIGTERM handler to leave serve_forever and clean up."""


def build_parser():
    parser = argparse.ArgumentParser(
        prog='mpg-simulator',
        description='Local simulator of the MijnPartnerGroep Domain API (see docs/api/openapi.yaml). '
                    'Prints "listening on URL" as its first line once it accepts connections.')
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port; 0 picks a free one (default 0)')
    parser.add_argument('--client-id', default='demo', help='accepted client_id (default demo)')
    parser.add_argument('--client-secret', default='demo-secret', help='accepted client_secret (default demo-secret)')
    parser.add_argument('--token-ttl', type=float, default=3600, help='token lifetime in seconds (default 3600)')
    parser.add_argument('--per-page-max', type=int, default=500, help='largest GetRecords page (default 500)')
    parser.add_argument('--pending-seconds', type=float, default=0,
                        help='seconds a new registration stays pending (default 0)')
    parser.add_argument('--rate-limit', type=int, default=0,
                        help='requests a second before 429 + Retry-After; 0 = no limit (default 0)')
    parser.add_argument('--state', metavar='FILE', help='JSON file with the initial state (shape of GET /_sim/state)')
    parser.add_argument('--allow-remote', action='store_true', help='allow a non-loopback --host')
    parser.add_argument('--tls', action='store_true',
                        help='serve HTTPS; without --tls-cert/--tls-key a self-signed certificate is made '
                             '(openssl command, else the cryptography package)')
    parser.add_argument('--tls-cert', metavar='FILE', help='PEM certificate (chain) for --tls')
    parser.add_argument('--tls-key', metavar='FILE', help='PEM private key for --tls')
    parser.add_argument('--verbose', action='store_true', help='log each request to stderr')
    return parser


def is_loopback(host):
    if host == 'localhost':
        return True
    try:
        return ipaddress.ip_address(host.strip('[]')).is_loopback
    except ValueError:
        return False


def _validate(parser, args):
    if not args.allow_remote and not is_loopback(args.host):
        parser.error('refusing to listen on non-loopback host %s without --allow-remote' % args.host)
    if not 0 <= args.port <= 65535:
        parser.error('--port must be between 0 and 65535')
    if args.token_ttl <= 0 or args.per_page_max < 1 or args.pending_seconds < 0 or args.rate_limit < 0:
        parser.error('--token-ttl and --per-page-max must be positive; --pending-seconds and --rate-limit >= 0')
    if (args.tls_cert or args.tls_key) and not (args.tls_cert and args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    if args.tls_cert and not args.tls:
        args.tls = True


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    _validate(parser, args)
    simulator = Simulator(client_id=args.client_id, client_secret=args.client_secret, token_ttl=args.token_ttl,
                          per_page_max=args.per_page_max, pending_seconds=args.pending_seconds,
                          rate_limit=args.rate_limit)
    if args.state:
        try:
            with open(args.state, encoding='utf-8') as handle:
                simulator.state.load(json.load(handle))
        except (OSError, ValueError) as exc:
            parser.error('cannot read --state %s: %s' % (args.state, exc))
        except ApiError as exc:
            parser.error('invalid --state %s: %s' % (args.state, exc.message))

    tls_dir = None
    context = None
    cert_path = None
    host = args.host.strip('[]')
    if args.tls:
        try:
            if args.tls_cert:
                cert_path, key_path = args.tls_cert, args.tls_key
            else:
                tls_dir = tempfile.mkdtemp(prefix='mpg-simulator-tls-')
                cert_path, key_path, _tool = generate_self_signed(tls_dir, host)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert_path, key_path)
        except (TLSSetupError, OSError, ssl.SSLError) as exc:
            if tls_dir:
                shutil.rmtree(tls_dir, ignore_errors=True)
            parser.error('TLS setup failed: %s' % exc)

    try:
        server = SimulatorHTTPServer((host, args.port), simulator, verbose=args.verbose, ssl_context=context)
    except (OSError, socket.gaierror) as exc:
        if tls_dir:
            shutil.rmtree(tls_dir, ignore_errors=True)
        parser.error('cannot listen on %s:%s: %s' % (host, args.port, exc))

    def _stop(_signum, _frame):
        raise _Stopped()

    signal.signal(signal.SIGTERM, _stop)
    try:
        port = server.server_address[1]
        shown_host = '[%s]' % host if ':' in host else host
        print('listening on %s://%s:%s' % ('https' if context else 'http', shown_host, port), flush=True)
        if cert_path:
            print('tls certificate %s' % cert_path, flush=True)
        server.serve_forever(poll_interval=0.2)
    except (_Stopped, KeyboardInterrupt):
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.server_close()
        if tls_dir:
            shutil.rmtree(tls_dir, ignore_errors=True)
    return 0
