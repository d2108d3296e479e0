# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A self-signed certificate for ``--tls``.

Made with the ``openssl`` command when it is on PATH (no Python dependency), else with the
``cryptography`` package when it can be imported; with neither, ``--tls`` needs ``--tls-cert`` and
``--tls-key``. The certificate is for ``localhost``, ``127.0.0.1`` and ``::1`` (plus the host the
simulator listens on) and is its own CA (basicConstraints CA:TRUE), so a client can use the
certificate file as its CA bundle.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import ipaddress
import os
import shutil
import subprocess


class TLSSetupError(RuntimeError):
    pass


def _alt_names(host):
    dns_names, ips = ['localhost'], ['127.0.0.1', '::1']
    if host:
        try:
            address = str(ipaddress.ip_address(host))
            if address not in ips:
                ips.append(address)
        except ValueError:
            if host not in dns_names:
                dns_names.append(host)
    return dns_names, ips


def _with_openssl(openssl, cert_path, key_path, host):
    dns_names, ips = _alt_names(host)
    san = ','.join(['DNS:%s' % n for n in dns_names] + ['IP:%s' % i for i in ips])
    command = [openssl, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
               '-keyout', key_path, '-out', cert_path, '-days', '30', '-subj', '/CN=localhost',
               '-addext', 'subjectAltName=%s' % san,
               '-addext', 'basicConstraints=critical,CA:TRUE',
               '-addext', 'keyUsage=critical,digitalSignature,keyCertSign']
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        raise TLSSetupError('openssl failed: %s' % result.stderr.decode('utf-8', 'replace').strip())


def _with_cryptography(cert_path, key_path, host):
    # pylint: disable=import-outside-toplevel
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    dns_names, ips = _alt_names(host)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'localhost')])
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(
            [x509.DNSName(n) for n in dns_names] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    cert = builder.sign(key, hashes.SHA256())
    with open(key_path, 'wb') as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    with open(cert_path, 'wb') as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))


def generate_self_signed(directory, host=None, prefer=None):
    """Write ``cert.pem`` and ``key.pem`` (mode 0600) into ``directory``; return (cert_path, key_path, tool).

    ``prefer`` may be ``'openssl'`` or ``'cryptography'`` to force one way (used by the tests).
    """
    cert_path = os.path.join(directory, 'cert.pem')
    key_path = os.path.join(directory, 'key.pem')
    openssl = shutil.which('openssl')
    old_umask = os.umask(0o077)
    try:
        if openssl and prefer in (None, 'openssl'):
            _with_openssl(openssl, cert_path, key_path, host)
            return cert_path, key_path, 'openssl'
        if prefer in (None, 'cryptography'):
            try:
                _with_cryptography(cert_path, key_path, host)
            except ImportError:
                pass
            else:
                return cert_path, key_path, 'cryptography'
    finally:
        os.umask(old_umask)
    raise TLSSetupError('--tls needs the openssl command or the Python package cryptography to make a certificate; '
                        'or give --tls-cert and --tls-key')
