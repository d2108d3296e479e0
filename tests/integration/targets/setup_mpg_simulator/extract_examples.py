#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Write the EXAMPLES of a module as a task file and print its path.

Integration targets include the output, so every documented example runs
verbatim and a changed example is tested the next run. Usage in runme.sh:

    MPG_EXAMPLES_FILE=$(python3 ../setup_mpg_simulator/extract_examples.py mpg_whois_info)
    export MPG_EXAMPLES_FILE

and in the playbook: ansible.builtin.include_tasks: "{{ lookup('env', 'MPG_EXAMPLES_FILE') }}"
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os
import sys
import tempfile


def module_path(name):
    """Find plugins/modules/NAME.py: under ansible-test the targets are copies,
    but ANSIBLE_COLLECTIONS_PATH names the collection's root."""
    candidates = []
    for root in os.environ.get('ANSIBLE_COLLECTIONS_PATH', '').split(os.pathsep):
        if root:
            candidates.append(os.path.join(root, 'ansible_collections', 'mijnpartnergroep', 'domains'))
    here = os.path.dirname(os.path.abspath(__file__))
    candidates.append(os.path.join(here, '..', '..', '..', '..'))
    for root in candidates:
        path = os.path.join(root, 'plugins', 'modules', name + '.py')
        if os.path.isfile(path):
            return path
    raise SystemExit('cannot find module %s in %s' % (name, candidates))


def examples_of(module_path):
    with open(module_path, 'rb') as handle:
        tree = ast.parse(handle.read(), filename=module_path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'EXAMPLES' for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit('%s has no EXAMPLES' % module_path)


def main():
    if len(sys.argv) != 2:
        raise SystemExit('usage: extract_examples.py MODULE_NAME')
    name = sys.argv[1]
    text = examples_of(module_path(name))
    handle, path = tempfile.mkstemp(prefix='examples-%s-' % name, suffix='.yml')
    with os.fdopen(handle, 'w') as output:
        output.write('---\n# Generated from the EXAMPLES of %s; do not edit.\n' % name)
        output.write(text.lstrip('\n'))
    sys.stdout.write(path + '\n')


if __name__ == '__main__':
    main()
