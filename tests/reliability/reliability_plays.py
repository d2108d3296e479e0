# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Building blocks of the reliability suite's plays (tasks as dicts) and request-log filters."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json


def api_requests(requests, method=None, path=None):
    """The requests of a log slice, optionally only those of one method and/or path."""
    return [r for r in requests if (method is None or r['method'] == method) and (path is None or r['path'] == path)]


def mpg(name, module, args, ignore_errors=True, **task_keys):
    """A task of one of the collection's modules (ignore_errors, so the play goes on)."""
    task = {'name': name, 'mijnpartnergroep.domains.' + module: args}
    if ignore_errors:
        task['ignore_errors'] = True
    task.update(task_keys)
    return task


def admin(name, method, path, body=None):
    """A task that calls the simulator's admin API."""
    args = {'method': method, 'path': path}
    if body is not None:
        args['body'] = body
    return {'name': name, 'sim_admin': args}


def fault(name, **spec):
    """A task that adds a fault; a ``body`` that is not a string is sent as its JSON text."""
    if spec.get('body') is not None and not isinstance(spec['body'], str):
        spec['body'] = json.dumps(spec['body'])
    return admin(name, 'POST', 'faults', spec)


def clear_faults(name):
    return admin(name, 'DELETE', 'faults')
