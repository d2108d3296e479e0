# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module documents the attributes check_mode, diff_mode, idempotent and action_group,
is in the action group mpg, and has a one-line short_description that ansible-doc -l can show."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')
MODULES = sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and not name.startswith('_'))
FRAGMENTS = ('mijnpartnergroep.domains.attributes.STATE_MODULE', 'mijnpartnergroep.domains.attributes.INFO_MODULE')


def module_variable(path, name):
    with open(path, 'rb') as handle:
        tree = ast.parse(handle.read(), filename=path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def fragment_attributes(name):
    path = os.path.join(ROOT, 'plugins', 'doc_fragments', 'attributes.py')
    with open(path, 'rb') as handle:
        tree = ast.parse(handle.read(), filename=path)
    cls = [n for n in tree.body if isinstance(n, ast.ClassDef)][0]
    for node in cls.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == name for t in node.targets):
            return yaml.safe_load(ast.literal_eval(node.value)).get('attributes', {})
    raise AssertionError('no %s in the attributes doc fragment' % name)


def documentation(module):
    return yaml.safe_load(module_variable(os.path.join(MODULES_DIR, module + '.py'), 'DOCUMENTATION'))


@pytest.mark.parametrize('module', MODULES)
def test_attributes(module):
    doc = documentation(module)
    fragments = doc.get('extends_documentation_fragment') or []
    attributes = dict(doc.get('attributes') or {})
    if 'mijnpartnergroep.domains.attributes' in fragments:
        attributes.update(fragment_attributes('DOCUMENTATION'))
    kinds = [f for f in fragments if f in FRAGMENTS]
    assert len(kinds) == 1, '%s must extend exactly one of %s' % (module, ', '.join(FRAGMENTS))
    for key, value in fragment_attributes(kinds[0].rsplit('.', 1)[1]).items():
        attributes.setdefault(key, value)
    missing = [a for a in ('check_mode', 'diff_mode', 'idempotent', 'action_group') if a not in attributes]
    assert not missing, '%s does not document the attributes %s' % (module, ', '.join(missing))
    assert 'mijnpartnergroep.domains.mpg' in attributes['action_group'].get('membership', [])


@pytest.mark.parametrize('module', MODULES)
def test_in_action_group(module):
    with open(os.path.join(ROOT, 'meta', 'runtime.yml')) as handle:
        runtime = yaml.safe_load(handle)
    assert module in runtime['action_groups']['mpg']


@pytest.mark.parametrize('module', MODULES)
def test_short_description(module):
    short = documentation(module)['short_description']
    assert '\n' not in short.strip() and not short.rstrip().endswith('.'), short
    assert 20 <= len(short) <= 100, '%s: short_description should say in one line what the module does' % module
