# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Run a module's main() in-process, the way Ansible would, and return its result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible.module_utils import basic

from ansible_collections.mijnpartnergroep.domains.tests.unit.plugins.modules.module_args import module_args


class ModuleRun(object):
    def __init__(self, result, failed, output, warnings):
        self.result = result
        self.failed = failed
        self.output = output
        # What the module passed to warn(). Read from the call, not from result['warnings']: once
        # controller code is imported in the test process (a filter plugin's test imports
        # ansible.errors), ansible-core 2.19 routes module warnings to the controller's display.
        self.warnings = warnings

    def __getitem__(self, key):
        return self.result[key]


@pytest.fixture
def run_module(simulator, capsys, tmp_path, monkeypatch):
    """run_module(module, args, check_mode=False, diff=False) -> ModuleRun against the simulator."""
    monkeypatch.setenv('MPG_TOKEN_CACHE_DIR', str(tmp_path / 'token-cache'))
    for variable in ('MPG_API_URL', 'MPG_CLIENT_ID', 'MPG_CLIENT_SECRET', 'MPG_API_TOKEN', 'MPG_VALIDATE_CERTS',
                     'MPG_CA_PATH', 'MPG_TIMEOUT', 'MPG_TOKEN_CACHE'):
        monkeypatch.delenv(variable, raising=False)

    def runner(module, args, check_mode=False, diff=False):
        full = dict(api_url=simulator.url, client_id=simulator.client_id, client_secret=simulator.client_secret)
        full.update(args)
        full['_ansible_check_mode'] = check_mode
        full['_ansible_diff'] = diff
        capsys.readouterr()
        warned = []
        original_warn = basic.AnsibleModule.warn

        def recording_warn(self, warning, *args, **kwargs):
            warned.append(warning)
            return original_warn(self, warning, *args, **kwargs)

        monkeypatch.setattr(basic.AnsibleModule, 'warn', recording_warn)
        try:
            with module_args(full):
                with pytest.raises(SystemExit):
                    module.main()
        finally:
            monkeypatch.setattr(basic.AnsibleModule, 'warn', original_warn)
        captured = capsys.readouterr()
        result = json.loads(captured.out)
        return ModuleRun(result, bool(result.get('failed')), captured.out + captured.err, warned)
    return runner
