# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reliability-suite action: call the simulator's admin API (``/_sim/...``) from the controller.

    - sim_admin: {method: POST, path: faults, body: {status: 503, times: 2}}

Faster than ansible.builtin.uri (no module process), so a play can change faults between
tasks cheaply. The simulator's URL comes from MPG_SIM_URL. Test helper only.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import ssl

from urllib.error import HTTPError
from urllib.request import Request, urlopen

from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        args = self._task.args
        method = args.get('method', 'GET')
        path = args.get('path', '').lstrip('/')
        body = args.get('body')
        url = os.environ['MPG_SIM_URL'].rstrip('/') + '/_sim/' + path
        data = json.dumps(body).encode('utf-8') if body is not None else None
        request = Request(url, data=data, method=method, headers={'Content-Type': 'application/json'})
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            response = urlopen(request, timeout=30, context=context)
            status = response.status
            text = response.read().decode('utf-8')
        except HTTPError as exc:
            status = exc.code
            text = exc.read().decode('utf-8')
        result['status'] = status
        result['json'] = json.loads(text) if text else None
        result['changed'] = False
        if status >= 400:
            result['failed'] = True
            result['msg'] = 'simulator admin %s %s failed: %s %s' % (method, path, status, text)
        return result
