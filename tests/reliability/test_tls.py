# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An API with a self-signed certificate: refused by default, accepted with a warning or a CA bundle."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import certifi

from reliability_plays import mpg


def test_tls_certificate_checks(start_sim, playbook):
    sim = start_sim('--tls')
    assert sim.url.startswith('https://') and sim.cert_path
    sim.set_state({'zones': {'example.nl': []}})
    zones = dict(zone='example.nl')
    run = playbook([
        mpg('default', 'mpg_dns_zone_info', zones),
        mpg('not validated', 'mpg_dns_zone_info', dict(zones, validate_certs=False)),
        mpg('ca bundle', 'mpg_dns_zone_info', dict(zones, ca_path=sim.cert_path)),
        mpg('ca bundle from the environment', 'mpg_dns_zone_info', zones, environment={'MPG_CA_PATH': sim.cert_path}),
    ], sim=sim, env={'MPG_TOKEN_CACHE': 'false',
                     # Set on many systems and in execution environments; it must not override the options.
                     'REQUESTS_CA_BUNDLE': certifi.where(), 'CURL_CA_BUNDLE': certifi.where()})
    result = run.result('default')
    assert run.failed('default')
    assert 'TLS certificate verification of %s failed' % sim.url in result['msg'], result['msg']
    assert 'ca_path' in result['msg'] and 'validate_certs' in result['msg']
    assert 'Traceback' not in run.output
    result = run.result('not validated')
    assert run.status('not validated') == 'ok'
    assert any('validate_certs is false' in w for w in result['warnings']), result
    assert 'InsecureRequestWarning' not in run.output
    for task in ('ca bundle', 'ca bundle from the environment'):
        assert run.status(task) == 'ok', run.result(task)
        assert not run.result(task).get('warnings')
