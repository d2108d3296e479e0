# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reliability-suite callback: every task's per-host results and the API requests it caused.

Used only by tests/reliability (enabled through ANSIBLE_CALLBACKS_ENABLED, found through
ANSIBLE_CALLBACK_PLUGINS). At the end of the play it writes, to the file named by
RECORD_RESULTS_FILE, a JSON list with one entry per task:

    {"task": "<name>", "results": {"<host>": {"status": "ok|failed|skipped|unreachable",
                                              "result": {<the module's result>}}},
     "requests": [{"method", "path", "query", "status"}, ...]}

``requests`` is the slice of the simulator's request log (GET $MPG_SIM_URL/_sim/requests)
made while the task ran (tasks run one after another; hosts of one task share the slice).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import ssl

from urllib.request import urlopen

from ansible.plugins.callback import CallbackBase


def _request_log():
    url = os.environ.get('MPG_SIM_URL')
    if not url:
        return None
    # A test helper reading its own simulator: the admin log is not secret, TLS is not checked.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        response = urlopen(url.rstrip('/') + '/_sim/requests', timeout=30, context=context)
    except Exception:  # pylint: disable=broad-except
        return None
    try:
        return json.loads(response.read().decode('utf-8'))['requests']
    finally:
        response.close()


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'record_results'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._output = os.environ.get('RECORD_RESULTS_FILE')
        self._tasks = []
        self._current = None
        self._log_length = 0

    def _close_task(self):
        if self._current is None:
            return
        log = _request_log()
        if log is not None:
            self._current['requests'] = log[self._log_length:]
            self._log_length = len(log)
        self._current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._close_task()
        log = _request_log()
        self._log_length = len(log) if log is not None else 0
        self._current = {'task': task.get_name().strip(), 'results': {}, 'requests': []}
        self._tasks.append(self._current)

    def v2_playbook_on_handler_task_start(self, task):
        self.v2_playbook_on_task_start(task, False)

    def _record(self, result, status):
        if self._current is None:
            return
        host = result._host.get_name()
        self._current['results'][host] = {'status': status, 'result': result._result}

    def v2_runner_on_ok(self, result, **kwargs):
        self._record(result, 'ok')

    def v2_runner_on_failed(self, result, ignore_errors=False, **kwargs):
        self._record(result, 'failed')

    def v2_runner_on_skipped(self, result, **kwargs):
        self._record(result, 'skipped')

    def v2_runner_on_unreachable(self, result, **kwargs):
        self._record(result, 'unreachable')

    def v2_playbook_on_stats(self, stats):
        self._close_task()
        if self._output:
            with open(self._output, 'w') as handle:
                json.dump(self._tasks, handle, default=str)
