# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fixtures of the reliability suite: simulators and ansible-playbook runs.

``sim``: the session's simulator (a random client secret, so a grep of any output for
it proves nothing leaked), reset before each test. ``start_sim(*flags)``: a separate
simulator (``--tls``, ``--token-ttl 2``, ...) stopped after the test.

``playbook(tasks, sim=..., ...)``: writes a play (JSON is YAML) and runs ``ansible-playbook``
as a subprocess, with the MPG_* environment pointing at the simulator, a private token cache
and the ``record_results`` callback. Returns a ``PlaybookRun``: ``.rc``, ``.stdout``,
``.stderr``, ``.result(task, host)``, ``.status(task, host)``, ``.requests(task)``,
``.all_requests``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import binascii
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SIMULATOR_DIR = os.path.join(REPO, 'tests', 'simulator')
if SIMULATOR_DIR not in sys.path:
    sys.path.insert(0, SIMULATOR_DIR)

from mpg_simulator.testing import SimulatorProcess  # noqa: E402 pylint: disable=wrong-import-position

CONNECTION_VARIABLES = ('MPG_API_URL', 'MPG_CLIENT_ID', 'MPG_CLIENT_SECRET', 'MPG_API_TOKEN', 'MPG_VALIDATE_CERTS',
                        'MPG_CA_PATH', 'MPG_TIMEOUT', 'MPG_TOKEN_CACHE', 'MPG_TOKEN_CACHE_DIR', 'MPG_SIM_URL')


def random_secret(prefix):
    return prefix + binascii.hexlify(os.urandom(16)).decode('ascii')


def new_simulator(*args):
    return SimulatorProcess(args=args, client_id='reliability', client_secret=random_secret('rel-secret-'))


def collections_path():
    """A directory whose ansible_collections/mijnpartnergroep/domains is this tree."""
    if os.environ.get('ANSIBLE_COLLECTIONS_PATH'):
        return os.environ['ANSIBLE_COLLECTIONS_PATH']
    for candidate in (os.path.join(REPO, '.build', 'collections'), os.path.dirname(os.path.dirname(
            os.path.dirname(REPO)))):
        link = os.path.join(candidate, 'ansible_collections', 'mijnpartnergroep', 'domains')
        if os.path.isdir(link) and os.path.realpath(link) == os.path.realpath(REPO):
            return candidate
    raise RuntimeError('the collection is not importable: run through `make reliability` (it sets '
                       'ANSIBLE_COLLECTIONS_PATH), or make .build/collections with `make venv`')


if collections_path() not in sys.path:
    sys.path.insert(0, collections_path())


@pytest.fixture(scope='session')
def sim_session():
    process = new_simulator()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def sim(sim_session):  # pylint: disable=redefined-outer-name
    sim_session.reset()
    yield sim_session


@pytest.fixture
def start_sim():
    started = []

    def start(*args):
        process = new_simulator(*args)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            process.stop()


class PlaybookRun(object):
    def __init__(self, rc, stdout, stderr, tasks, workdir):
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.tasks = tasks
        self.workdir = workdir

    @property
    def output(self):
        return self.stdout + self.stderr

    def task(self, name):
        found = [t for t in self.tasks if t['task'] == name]
        assert found, 'no task %r in the run; tasks: %r\n%s' % (name, [t['task'] for t in self.tasks], self.output)
        return found[-1]

    def host_entry(self, name, host='localhost'):
        entry = self.task(name)['results'].get(host)
        assert entry is not None, 'task %r has no result for %s: %r' % (name, host, self.task(name))
        return entry

    def result(self, name, host='localhost'):
        return self.host_entry(name, host)['result']

    def status(self, name, host='localhost'):
        return self.host_entry(name, host)['status']

    def failed(self, name, host='localhost'):
        return self.status(name, host) == 'failed'

    def requests(self, name):
        return self.task(name).get('requests') or []

    @property
    def all_requests(self):
        return [r for t in self.tasks for r in (t.get('requests') or [])]


@pytest.fixture
def playbook(tmp_path):
    """playbook(tasks, sim=None, hosts='localhost', inventory=None, args=(), env=None, play=None) -> PlaybookRun."""
    counter = [0]
    token_cache = tmp_path / 'token-cache'

    def run(tasks, sim=None, hosts='localhost', inventory=None, args=(), env=None,  # pylint: disable=redefined-outer-name
            play=None, timeout=600):
        counter[0] += 1
        workdir = tmp_path / ('run%d' % counter[0])
        workdir.mkdir()
        play_dict = {'name': 'reliability', 'hosts': hosts, 'gather_facts': False, 'tasks': tasks}
        play_dict.update(play or {})
        (workdir / 'playbook.yml').write_text(json.dumps([play_dict], indent=1))
        if inventory is None:
            inventory = '[local]\nlocalhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"\n'
        (workdir / 'inventory.ini').write_text(inventory)
        results_file = workdir / 'results.json'

        environment = dict(os.environ)
        for variable in CONNECTION_VARIABLES:
            environment.pop(variable, None)
        environment.update({
            'PATH': os.path.dirname(sys.executable) + os.pathsep + environment.get('PATH', ''),
            'ANSIBLE_COLLECTIONS_PATH': collections_path(),
            'ANSIBLE_CALLBACK_PLUGINS': os.path.join(HERE, 'callback_plugins'),
            'ANSIBLE_CALLBACKS_ENABLED': 'record_results',
            'ANSIBLE_ACTION_PLUGINS': os.path.join(HERE, 'action_plugins'),
            'ANSIBLE_LOCALHOST_WARNING': 'False',
            'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'False',
            'ANSIBLE_RETRY_FILES_ENABLED': 'False',
            'ANSIBLE_NOCOLOR': '1',
            'ANSIBLE_FORCE_COLOR': '0',
            'ANSIBLE_PIPELINING': 'True',
            'RECORD_RESULTS_FILE': str(results_file),
            'MPG_TOKEN_CACHE_DIR': str(token_cache),
        })
        if sim is not None:
            environment.update({
                'MPG_SIM_URL': sim.url,
                'MPG_API_URL': sim.url,
                'MPG_CLIENT_ID': sim.client_id,
                'MPG_CLIENT_SECRET': sim.client_secret,
            })
        for key, value in (env or {}).items():
            if value is None:
                environment.pop(key, None)
            else:
                environment[key] = value
        command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i',
                   str(workdir / 'inventory.ini'), str(workdir / 'playbook.yml')] + list(args)
        process = subprocess.run(command, cwd=str(workdir), env=environment, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, timeout=timeout, check=False)
        stdout = process.stdout.decode('utf-8', 'replace')
        stderr = process.stderr.decode('utf-8', 'replace')
        (workdir / 'stdout.txt').write_text(stdout)
        (workdir / 'stderr.txt').write_text(stderr)
        tasks_recorded = json.loads(results_file.read_text()) if results_file.exists() else []
        return PlaybookRun(process.returncode, stdout, stderr, tasks_recorded, workdir)

    run.token_cache = token_cache
    return run
