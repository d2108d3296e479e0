# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Benchmark callback: wall time and API requests of every task named ``Measure ...``.

Used only by tests/benchmarks/run.py (enabled through ANSIBLE_CALLBACKS_ENABLED,
found through ANSIBLE_CALLBACK_PLUGINS). For each task whose name starts with
``Measure`` it appends one JSON line to the file named by BENCH_TIMINGS_FILE:

    {"name": "...", "seconds": 1.23, "status": "ok", "requests": [{"method": ..., "path": ..., ...}]}

``seconds`` runs from the task's start to its result on the (single) host, loop
items included. ``requests`` is the slice of the simulator's request log
(GET $MPG_SIM_URL/_sim/requests; admin calls are not logged) made during the
task. The log is read before the clock starts and after it stops, so reading it
costs the measured task nothing.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import time

from urllib.request import urlopen

from ansible.plugins.callback import CallbackBase

PREFIX = 'Measure'


def _request_log():
    url = os.environ.get('MPG_SIM_URL')
    if not url:
        return []
    response = urlopen(url.rstrip('/') + '/_sim/requests', timeout=30)
    try:
        return json.loads(response.read().decode('utf-8'))['requests']
    finally:
        response.close()


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'bench_timer'
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._output = os.environ.get('BENCH_TIMINGS_FILE')
        self._current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        name = task.get_name().strip()
        if not self._output or not name.startswith(PREFIX):
            self._current = None
            return
        log_length = len(_request_log())
        self._current = {'name': name, 'log_length': log_length, 'start': time.perf_counter()}

    def _finish(self, status):
        current, self._current = self._current, None
        if current is None:
            return
        seconds = time.perf_counter() - current['start']
        requests = _request_log()[current['log_length']:]
        with open(self._output, 'a') as handle:
            handle.write(json.dumps({'name': current['name'], 'seconds': seconds, 'status': status,
                                     'requests': requests}) + '\n')

    def v2_runner_on_ok(self, result, **kwargs):
        self._finish('ok')

    def v2_runner_on_failed(self, result, ignore_errors=False, **kwargs):
        self._finish('failed')

    def v2_runner_on_skipped(self, result, **kwargs):
        self._finish('skipped')

    def v2_runner_on_unreachable(self, result, **kwargs):
        self._finish('unreachable')
