# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Proof that the collection runs the way AWX / Automation Platform runs it.

* The credential type (awx/credential_type.yml) is rendered exactly as AWX renders injectors
  (``CredentialType.inject_credential``: only non-empty inputs enter the namespace, every env
  template is rendered in an ``ImmutableSandboxedEnvironment``, so an empty field becomes an
  empty variable).
* playbooks/provision_domain.yml is launched through ansible-runner, the engine AWX uses, with
  those environment variables and the extra variables of a job template, against a local
  simulator of the Domain API: once directly (check mode, real run, re-run) and once through the
  ``transmit | worker | process`` chain that AWX streams through receptor.
* The outcome is checked in the simulator's state and request log, and the client secret must
  appear nowhere in the output, the job events or the artifacts AWX would keep.
* The execution environment definition is accepted by ``ansible-builder create``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import secrets
import shutil
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AWX_DIR = os.path.join(ROOT, 'awx')
PLAYBOOK = os.path.join(ROOT, 'playbooks', 'provision_domain.yml')
WRITE_METHODS = ('PUT', 'PATCH', 'DELETE')
READ_POSTS = ('/auth', '/whois', '/domainholders/search')

EXTRAVARS = {
    'domain_holder': {
        'email': 'hostmaster@example-shop.nl',
        'first_name': 'Jan',
        'last_name': 'Jansen',
        'phone': '+31 20 555 0100',
        'street': 'Voorbeeldstraat',
        'house_number': '1',
        'postal_code': '1234 AB',
        'city': 'Amsterdam',
        'country_code': 'NL',
    },
    'domain_list': [
        {
            'name': 'example-shop.nl',
            'records': [
                {'record': 'www', 'type': 'A', 'value': ['192.0.2.10']},
                {'record': '@', 'type': 'MX', 'value': ['10 mail.example-shop.nl']},
                {'record': '@', 'type': 'TXT', 'value': ['v=spf1 mx -all']},
            ],
        },
        {
            'name': u'bücher.nl',
            'period': 2,
            'records': [{'record': 'www', 'type': 'CNAME', 'value': ['example-shop.nl']}],
        },
    ],
}


def load_yaml(*parts):
    with open(os.path.join(ROOT, *parts), encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def render_injected_env(credential_type, inputs):
    """The environment AWX gives a job for a credential of this type with these inputs."""
    sandbox = pytest.importorskip('jinja2.sandbox')
    env = sandbox.ImmutableSandboxedEnvironment()
    namespace = {}
    for field in credential_type['inputs']['fields']:
        value = inputs.get(field['id'])
        if field.get('type', 'string') == 'boolean':
            namespace[field['id']] = bool(value)
        elif value:  # AWX: `if len(value): namespace[field_name] = value`
            namespace[field['id']] = value
    injected = {}
    for variable, template in credential_type['injectors']['env'].items():
        injected[variable] = env.from_string(template).render(**namespace)
    return injected


def is_write(request):
    if request['method'] in WRITE_METHODS:
        return True
    return request['method'] == 'POST' and request['path'] not in READ_POSTS and not request['path'].startswith('/whois')


def writes(requests):
    return [r for r in requests if is_write(r)]


@pytest.fixture
def secret_simulator(start_simulator):
    """A simulator of its own with a random client secret, so any leak of it is found by a plain search."""
    pytest.importorskip('ansible_runner')
    return start_simulator(client_id='awx-job', client_secret='awx-secret-' + secrets.token_hex(16))


@pytest.fixture
def job_env(secret_simulator, tmp_path, monkeypatch):
    """Environment of an AWX job: the credential's injected variables plus what the EE provides."""
    for variable in list(os.environ):
        if variable.startswith('MPG_'):
            monkeypatch.delenv(variable)
    credential_type = load_yaml('awx', 'credential_type.yml')
    env = render_injected_env(credential_type, {
        'api_url': secret_simulator.url,
        'client_id': secret_simulator.client_id,
        'client_secret': secret_simulator.client_secret,
        # api_token left empty, as most users will: injected as an empty MPG_API_TOKEN
    })
    assert env == {
        'MPG_API_URL': secret_simulator.url,
        'MPG_CLIENT_ID': 'awx-job',
        'MPG_CLIENT_SECRET': secret_simulator.client_secret,
        'MPG_API_TOKEN': '',
    }
    # What an execution environment provides: the collection installed, ansible-playbook on PATH.
    collections = tmp_path / 'collections'
    (collections / 'ansible_collections' / 'mijnpartnergroep').mkdir(parents=True)
    os.symlink(ROOT, str(collections / 'ansible_collections' / 'mijnpartnergroep' / 'domains'))
    bin_dir = os.path.dirname(sys.executable)
    path = bin_dir + os.pathsep + os.environ.get('PATH', '')
    if not shutil.which('ansible-playbook', path=path):
        pytest.skip('ansible-playbook is not installed next to %s' % sys.executable)
    env.update({
        'PATH': path,
        'ANSIBLE_COLLECTIONS_PATH': str(collections),
        'MPG_TOKEN_CACHE_DIR': str(tmp_path / 'token-cache'),
        'ANSIBLE_LOCALHOST_WARNING': 'False',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'False',
        'ANSIBLE_NOCOLOR': '1',
    })
    return env


def make_private_data_dir(path):
    (path / 'project').mkdir(parents=True)
    shutil.copy(PLAYBOOK, str(path / 'project' / 'provision_domain.yml'))
    return str(path)


def assert_secret_not_in(secret, **texts):
    for where, text in texts.items():
        assert secret not in text, 'the client secret appears in %s' % where


def artifact_texts(private_data_dir):
    """Every artifact file AWX would keep: stdout, job events, status, rc, fact cache.

    ``command`` is left out: ansible-runner writes the job's environment there, as AWX writes the
    injected variables into the private data directory; AWX never shows or keeps that file.
    """
    texts = {}
    for directory, _dirs, files in os.walk(os.path.join(private_data_dir, 'artifacts')):
        for name in files:
            if name == 'command':
                continue
            path = os.path.join(directory, name)
            with open(path, 'rb') as handle:
                texts[path] = handle.read().decode('utf-8', 'replace')
    return texts


def stream_without_job_env(data):
    """The worker's stream with the job environment of its `starting` status line left out.

    That line repeats the environment the job was started with (ansible-runner's status data);
    AWX stores it redacted (its safe_env). Everything else (events, stdout, artifacts) is checked.
    """
    lines = []
    for line in data.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            lines.append(line.decode('utf-8', 'replace'))  # zipped artifacts follow their header line
            continue
        if isinstance(item, dict) and item.get('status') == 'starting':
            item.pop('env', None)
        lines.append(json.dumps(item))
    return '\n'.join(lines)


def test_credential_type_files_agree():
    """awx/credential_type.yml and the two documents for the UI / awx CLI say the same."""
    full = load_yaml('awx', 'credential_type.yml')
    assert set(full) == {'name', 'description', 'kind', 'inputs', 'injectors'}
    assert full['kind'] == 'cloud'
    assert load_yaml('awx', 'credential_type_inputs.yml') == full['inputs']
    assert load_yaml('awx', 'credential_type_injectors.yml') == full['injectors']
    fields = dict((field['id'], field) for field in full['inputs']['fields'])
    assert sorted(fields) == ['api_token', 'api_url', 'client_id', 'client_secret']
    assert [f for f in fields if fields[f].get('secret')] == ['client_secret', 'api_token']
    assert set(full['inputs']['required']) <= set(fields)
    assert set(full['injectors']) == {'env'}  # no extra_vars: secrets must not become extra variables
    assert full['injectors']['env'] == {
        'MPG_API_URL': '{{ api_url }}',
        'MPG_CLIENT_ID': '{{ client_id }}',
        'MPG_CLIENT_SECRET': '{{ client_secret }}',
        'MPG_API_TOKEN': '{{ api_token }}',
    }
    # Names AWX refuses to inject
    assert not [name for name in full['injectors']['env'] if name.startswith('ANSIBLE_')]


def test_injected_token_only():
    """A credential with only an API token injects it, and empty client variables."""
    full = load_yaml('awx', 'credential_type.yml')
    env = render_injected_env(full, {'api_url': 'https://api.example.test/v1', 'api_token': 'tok'})
    assert env == {'MPG_API_URL': 'https://api.example.test/v1', 'MPG_CLIENT_ID': '',
                   'MPG_CLIENT_SECRET': '', 'MPG_API_TOKEN': 'tok'}


def test_provision_domain_through_ansible_runner(secret_simulator, job_env, tmp_path):
    ansible_runner = pytest.importorskip('ansible_runner')
    simulator = secret_simulator
    secret = simulator.client_secret

    def run(name, cmdline=None):
        private_data_dir = make_private_data_dir(tmp_path / name)
        result = ansible_runner.run(
            private_data_dir=private_data_dir,
            playbook='provision_domain.yml',
            envvars=job_env,
            extravars=EXTRAVARS,
            cmdline=cmdline,
            verbosity=3,
            quiet=True,
        )
        stdout = result.stdout.read()
        events = list(result.events)
        assert result.status == 'successful', stdout[-3000:]
        assert result.rc == 0
        assert_secret_not_in(secret, stdout=stdout, events=json.dumps(events), **artifact_texts(private_data_dir))
        # ... although the job did get it: ansible-runner records the environment it started the job with.
        commands = [os.path.join(d, 'command') for d, _dirs, files in os.walk(os.path.join(private_data_dir, 'artifacts'))
                    if 'command' in files]
        assert commands
        with open(commands[0], encoding='utf-8') as handle:
            assert secret in handle.read()
        return result, stdout, events

    # Job type "Check": only reads.
    result, stdout, events = run('check', cmdline='--check')
    # The injected client ID and secret were used (the token is then cached for the later runs).
    assert any(r['path'] == '/auth' and r['status'] == 200 for r in simulator.requests())
    assert writes(simulator.requests()) == []
    assert result.stats['changed'] == {'localhost': 2}, stdout[-3000:]  # the holder and the registration task

    # Job type "Run".
    before = len(simulator.requests())
    result, stdout, events = run('run')
    assert writes(simulator.requests()[before:])
    state = simulator.get_state()
    holders = [h for h in state['holders'] if h['email'] == 'hostmaster@example-shop.nl']
    assert len(holders) == 1
    domains = dict((d['domain'], d) for d in state['domains'])
    assert set(domains) == {'example-shop.nl', 'xn--bcher-kva.nl'}
    assert domains['example-shop.nl']['domainholder_id'] == holders[0]['id']
    assert domains['xn--bcher-kva.nl']['period'] == 2
    records = set((r['name'], r['type'], r['content']) for r in state['zones']['example-shop.nl'])
    assert {('www', 'A', '192.0.2.10'), ('@', 'MX', 'mail.example-shop.nl'), ('@', 'TXT', 'v=spf1 mx -all')} <= records
    assert ('www', 'CNAME', 'example-shop.nl') in set((r['name'], r['type'], r['content'])
                                                      for r in state['zones']['xn--bcher-kva.nl'])
    # The job artifact of set_stats, as AWX shows it
    stats = [e for e in events if e.get('event') == 'playbook_on_stats'][-1]
    artifact = stats['event_data']['artifact_data']['provision_domain']
    assert [(d['name'], d['registration'], d['records']) for d in artifact] == [
        ('example-shop.nl', 'registered', 'changed'), (u'bücher.nl', 'registered', 'changed')]

    # The same job again: nothing to do, not a single write.
    before = len(simulator.requests())
    result, stdout, events = run('rerun')
    assert result.stats['changed'] == {}, stdout[-3000:]
    assert writes(simulator.requests()[before:]) == []


def test_provision_domain_through_transmit_worker_process(secret_simulator, job_env, tmp_path):
    """The streaming chain AWX uses (controller transmits, an execution node works, the controller processes)."""
    ansible_runner = pytest.importorskip('ansible_runner')
    simulator = secret_simulator
    secret = simulator.client_secret

    # Real files, as ansible-runner streams to and from file objects (AWX: receptor sockets).
    with open(str(tmp_path / 'transmitted'), 'wb+') as transmitted, open(str(tmp_path / 'worked'), 'wb+') as worked:
        transmitter = ansible_runner.run(
            streamer='transmit', _output=transmitted,
            private_data_dir=make_private_data_dir(tmp_path / 'controller'),
            playbook='provision_domain.yml', envvars=job_env, extravars=EXTRAVARS, quiet=True)
        assert transmitter.rc is None or transmitter.rc == 0
        transmitted.seek(0)

        worker_dir = tmp_path / 'execution-node'
        worker_dir.mkdir()
        worker = ansible_runner.run(streamer='worker', _input=transmitted, _output=worked,
                                    private_data_dir=str(worker_dir), quiet=True)
        assert worker.status == 'successful'
        assert worker.rc == 0
        worked.seek(0)

        processed_dir = tmp_path / 'processed'
        processed_dir.mkdir()
        events = []
        processor = ansible_runner.run(streamer='process', _input=worked, private_data_dir=str(processed_dir),
                                       event_handler=events.append, quiet=True)
        worked.seek(0)
        stream = stream_without_job_env(worked.read())
    stdout = '\n'.join(event.get('stdout', '') for event in events)
    assert processor.status == 'successful', stdout[-3000:]
    assert [e for e in events if e.get('event') == 'playbook_on_stats'], 'the events came back'
    # What the execution node sends back to the controller carries no secret either (apart from the
    # job environment itself, which AWX stores redacted).
    assert_secret_not_in(secret, stdout=stdout, events=json.dumps(events), stream=stream,
                         **artifact_texts(str(processed_dir)))

    state = simulator.get_state()
    assert set(d['domain'] for d in state['domains']) == {'example-shop.nl', 'xn--bcher-kva.nl'}
    assert ('www', 'A', '192.0.2.10') in set((r['name'], r['type'], r['content']) for r in state['zones']['example-shop.nl'])


def test_execution_environment_definition():
    """meta/execution-environment.yml: version 3, a supported base image, ansible-core, requests."""
    definition = load_yaml('meta', 'execution-environment.yml')
    assert definition['version'] == 3
    base = definition['images']['base_image']['name']
    assert base.startswith('registry.redhat.io/ansible-automation-platform-') and '/ee-minimal-' in base
    assert definition['dependencies']['ansible_core']['package_pip'].startswith('ansible-core')
    assert definition['dependencies']['python'] == 'requirements.txt'

    def requirements(*parts):
        with open(os.path.join(ROOT, *parts), encoding='utf-8') as handle:
            return [line.strip() for line in handle if line.strip() and not line.startswith('#')]
    # Relative to meta/ for `ansible-builder create -f meta/...`, relative to the collection root
    # when ansible-builder introspects the installed collection: both files must say the same.
    assert requirements('meta', 'requirements.txt') == requirements('requirements.txt')


def test_ansible_builder_create(tmp_path):
    builder = shutil.which('ansible-builder', path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get('PATH', ''))
    if not builder:
        pytest.skip('ansible-builder is not installed')
    context = tmp_path / 'context'
    subprocess.run([builder, 'create', '-f', os.path.join(ROOT, 'meta', 'execution-environment.yml'),
                    '-c', str(context)], check=True, cwd=str(tmp_path), capture_output=True)
    containerfile = [p for p in ('Containerfile', 'Dockerfile') if (context / p).exists()]
    assert containerfile
    text = (context / containerfile[0]).read_text(encoding='utf-8')
    assert 'ee-minimal-rhel9' in text
    assert 'ansible-core>=2.16.0' in text
    assert 'requests' in (context / '_build' / 'requirements.txt').read_text(encoding='utf-8')
    assert 'mijnpartnergroep.domains' in (context / '_build' / 'requirements.yml').read_text(encoding='utf-8')
