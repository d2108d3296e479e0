# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A small on-disk cache of API tokens, shared by the tasks of a run.

Each task is a separate process, so without a cache every task would
authenticate again. The cache holds one file per (API URL, client id, client
secret) so a changed secret or another client never gets a stale token. Files
are created with mode 0600 in a directory with mode 0700; a file that is
readable by others, owned by someone else, corrupt or for another key is
ignored, never trusted.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import json
import os
import stat
import tempfile
import time

# Renew this many seconds before the server's expiry, so a token never
# expires between our check and the request.
EXPIRY_MARGIN_SECONDS = 30
CACHE_DIR_ENV = 'MPG_TOKEN_CACHE_DIR'


def default_cache_dir():
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return configured
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'mijnpartnergroep.domains')


def _fingerprint(*parts):
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or '').encode('utf-8'))
        digest.update(b'\0')
    return digest.hexdigest()


class TokenCache(object):
    """Read and write the cached token of one API URL + client."""

    def __init__(self, api_url, client_id, client_secret, cache_dir=None):
        self.cache_dir = cache_dir or default_cache_dir()
        # The secret is part of the key (hashed), so credentials changed
        # between runs never pick up the old client's token.
        self.key = _fingerprint(api_url.rstrip('/'), client_id, _fingerprint(client_secret))
        self.path = os.path.join(self.cache_dir, 'token-%s.json' % self.key[:40])

    def _directory_is_safe(self):
        try:
            info = os.lstat(self.cache_dir)
        except OSError:
            return False
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, 'getuid') and info.st_uid != os.getuid():
            return False
        return not (info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))

    def load(self, now=None):
        """The cached token if it is ours and valid for a while yet, else None."""
        now = time.time() if now is None else now
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, 'O_NOFOLLOW', 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if hasattr(os, 'getuid') and info.st_uid != os.getuid():
                return None
            if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                # Someone loosened the permissions: do not trust or keep it.
                self.discard()
                return None
            with os.fdopen(fd, 'rb') as handle:
                fd = None
                data = json.loads(handle.read().decode('utf-8'))
        except (OSError, ValueError, UnicodeDecodeError):
            return None
        finally:
            if fd is not None:
                os.close(fd)
        if not isinstance(data, dict) or data.get('key') != self.key:
            return None
        token = data.get('token')
        expires_at = data.get('expires_at')
        if not isinstance(token, str) or not token or not isinstance(expires_at, (int, float)):
            return None
        if expires_at - EXPIRY_MARGIN_SECONDS <= now:
            return None
        return token

    def store(self, token, expires_in, now=None):
        """Save a token; failures to write are ignored (the cache is an optimisation)."""
        now = time.time() if now is None else now
        try:
            expires_in = float(expires_in)
        except (TypeError, ValueError):
            return
        try:
            if not os.path.isdir(self.cache_dir):
                os.makedirs(self.cache_dir, mode=0o700)
            if not self._directory_is_safe():
                return
            fd, temp_path = tempfile.mkstemp(prefix='.token-', dir=self.cache_dir)
            try:
                os.fchmod(fd, 0o600)
                with os.fdopen(fd, 'wb') as handle:
                    handle.write(json.dumps({
                        'key': self.key,
                        'token': token,
                        'expires_at': now + expires_in,
                    }).encode('utf-8'))
                os.rename(temp_path, self.path)
            except Exception:
                try:
                    os.unlink(temp_path)
                except OSError:
                    pass
                raise
        except OSError:
            return

    def discard(self):
        try:
            os.unlink(self.path)
        except OSError:
            pass
