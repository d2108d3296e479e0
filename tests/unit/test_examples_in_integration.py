# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module's EXAMPLES run in an integration target.

A target runs a module's examples when its runme.sh extracts them
(``extract_examples.py <module>``, exported as MPG_EXAMPLES_FILE) and one of
its playbooks / task files includes that file (``include_tasks`` of
``lookup('ansible.builtin.env', 'MPG_EXAMPLES_FILE')``). This test fails for a
module whose examples no enabled target runs, and for EXAMPLES that are not
a list of tasks calling the module.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os
import re

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')
TARGETS_DIR = os.path.join(ROOT, 'tests', 'integration', 'targets')
FQCN_PREFIX = 'mijnpartnergroep.domains.'

MODULES = sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and not name.startswith('_'))

EXTRACT_RE = re.compile(r'extract_examples\.py\s+["\']?([A-Za-z0-9_]+)')
EXPORT_RE = re.compile(r'^\s*export\s+(?:[A-Z_]+=\S*\s+)*MPG_EXAMPLES_FILE\b|^\s*export\s+MPG_EXAMPLES_FILE=', re.M)
INCLUDE_RE = re.compile(
    r'^\s*(?:-\s+)?(?:ansible\.builtin\.)?(?:include_tasks|import_tasks)\s*:\s*'
    r'["\']?\{\{\s*lookup\(\s*["\'](?:ansible\.builtin\.)?env["\']\s*,\s*["\']MPG_EXAMPLES_FILE["\']\s*\)\s*\}\}',
    re.M)
DISABLED_ALIASES = ('disabled', 'unsupported', 'unstable', 'hidden')


def examples_of(module):
    path = os.path.join(MODULES_DIR, module + '.py')
    with open(path, 'rb') as handle:
        tree = ast.parse(handle.read(), filename=path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'EXAMPLES' for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def target_files(target_dir):
    for directory, dummy, files in os.walk(target_dir):
        for name in files:
            yield os.path.join(directory, name)


def targets_running_examples():
    """{module: [target, ...]} for every enabled target that extracts and includes a module's examples."""
    found = {}
    for target in sorted(os.listdir(TARGETS_DIR)):
        target_dir = os.path.join(TARGETS_DIR, target)
        runme = os.path.join(target_dir, 'runme.sh')
        if not os.path.isfile(runme):
            continue
        aliases_path = os.path.join(target_dir, 'aliases')
        aliases = []
        if os.path.isfile(aliases_path):
            with open(aliases_path) as handle:
                aliases = [line.split('#')[0].strip() for line in handle]
        if any(alias.split('/')[0] in DISABLED_ALIASES for alias in aliases):
            continue
        with open(runme) as handle:
            script = handle.read()
        modules = EXTRACT_RE.findall(script)
        if not modules or not EXPORT_RE.search(script):
            continue
        includes = False
        for path in target_files(target_dir):
            if path.endswith(('.yml', '.yaml')):
                with open(path) as handle:
                    if INCLUDE_RE.search(handle.read()):
                        includes = True
                        break
        if includes:
            for module in modules:
                found.setdefault(module, []).append(target)
    return found


RUNNING = targets_running_examples()


def test_found_modules():
    assert MODULES, 'no modules found in %s' % MODULES_DIR


@pytest.mark.parametrize('module', MODULES)
def test_examples_run_in_an_integration_target(module):
    assert module in RUNNING, (
        'the EXAMPLES of %s are not run by any integration target: in a target\'s runme.sh add\n'
        '    MPG_EXAMPLES_FILE=$(python3 ../setup_mpg_simulator/extract_examples.py %s)\n'
        '    export MPG_EXAMPLES_FILE\n'
        'and in its playbook: ansible.builtin.include_tasks: "{{ lookup(\'ansible.builtin.env\', \'MPG_EXAMPLES_FILE\') }}"'
        % (module, module))


@pytest.mark.parametrize('module', MODULES)
def test_examples_are_tasks_that_call_the_module(module):
    text = examples_of(module)
    assert text and text.strip(), '%s has no EXAMPLES' % module
    tasks = yaml.safe_load(text)
    assert isinstance(tasks, list) and tasks, 'EXAMPLES of %s is not a list of tasks' % module
    assert all(isinstance(task, dict) for task in tasks), 'EXAMPLES of %s: every entry must be a task' % module
    calls = [task for task in tasks if FQCN_PREFIX + module in task]
    assert calls, 'EXAMPLES of %s never calls %s%s' % (module, FQCN_PREFIX, module)


def test_detects_a_module_without_a_target():
    assert 'mpg_no_such_module' not in RUNNING
