# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import stat

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._token_cache import TokenCache


def cache(tmp_path, url='https://api.example/v1', client='demo', secret='s3cret'):
    return TokenCache(url, client, secret, cache_dir=str(tmp_path / 'cache'))


def test_stored_token_is_read_back_and_private(tmp_path):
    cache(tmp_path).store('tok-1', 3600, now=1000)
    assert cache(tmp_path).load(now=1001) == 'tok-1'
    path = cache(tmp_path).path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert 's3cret' not in open(path).read()


def test_token_near_expiry_is_not_used(tmp_path):
    cache(tmp_path).store('tok-1', 60, now=1000)
    assert cache(tmp_path).load(now=1000 + 60 - 10) is None


def test_other_url_client_or_secret_never_gets_the_token(tmp_path):
    cache(tmp_path).store('tok-1', 3600, now=1000)
    assert cache(tmp_path, url='https://other.example/v1').load(now=1001) is None
    assert cache(tmp_path, client='other').load(now=1001) is None
    assert cache(tmp_path, secret='changed').load(now=1001) is None


def test_corrupt_file_is_ignored(tmp_path):
    entry = cache(tmp_path)
    entry.store('tok-1', 3600, now=1000)
    with open(entry.path, 'w') as handle:
        handle.write('{not json')
    assert entry.load(now=1001) is None
    entry.store('tok-2', 3600, now=1000)
    assert entry.load(now=1001) == 'tok-2'


def test_world_readable_file_is_distrusted_and_removed(tmp_path):
    entry = cache(tmp_path)
    entry.store('tok-1', 3600, now=1000)
    os.chmod(entry.path, 0o644)
    assert entry.load(now=1001) is None
    assert not os.path.exists(entry.path)


def test_group_writable_directory_is_not_written(tmp_path):
    entry = cache(tmp_path)
    os.makedirs(entry.cache_dir)
    os.chmod(entry.cache_dir, 0o777)
    entry.store('tok-1', 3600, now=1000)
    assert not os.path.exists(entry.path)
