# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Shared pytest fixtures: a local Domain API simulator.

``simulator``: one ``python -m mpg_simulator --port 0`` per test session (per xdist worker),
reset before every test (empty state, request log, faults; default settings). It is a
``mpg_simulator.testing.SimulatorProcess``: ``.url``, ``.client_id``, ``.client_secret``,
``.reset()``, ``.set_state(dict)``, ``.get_state()``, ``.requests()``, ``.clear_requests()``,
``.add_fault(**kw)``, ``.clear_faults()``, ``.token()``, ``.expire_tokens()``, ``.settings(**kw)``,
``.api(method, path, body)`` and ``.admin(method, path, body)``.

``start_simulator(*args)``: a separate simulator with extra command-line flags (``--tls``,
``--state FILE``, ...), stopped at the end of the test.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import sys

import pytest

SIMULATOR_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'simulator')
if SIMULATOR_DIR not in sys.path:
    sys.path.insert(0, SIMULATOR_DIR)

from mpg_simulator.testing import SimulatorProcess  # noqa: E402 pylint: disable=wrong-import-position


@pytest.fixture(scope='session')
def simulator_session():
    """The session's simulator process (use ``simulator`` in tests: it resets it first)."""
    process = SimulatorProcess()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def simulator(simulator_session):  # pylint: disable=redefined-outer-name
    """A running simulator, reset: empty state, no requests logged, no faults, default settings."""
    simulator_session.reset()
    yield simulator_session


@pytest.fixture
def start_simulator():
    """Factory: ``start_simulator('--tls', '--token-ttl', '2')`` starts a separate simulator for this test."""
    started = []

    def start(*args, **kwargs):
        process = SimulatorProcess(args=args, **kwargs)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            process.stop()
