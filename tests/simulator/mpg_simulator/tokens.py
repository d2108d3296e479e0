# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""HS256 JSON Web Tokens, hand-rolled with hmac so the simulator needs nothing but the standard library.

The simulator signs with a key made at start-up, so tokens of one simulator run are never valid in another.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import hashlib
import hmac
import json
import math
import os
import time


class TokenError(ValueError):
    """A token that is malformed, badly signed, expired or revoked; the message says which."""


def _b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def _b64url_decode(text):
    padded = text + '=' * (-len(text) % 4)
    return base64.urlsafe_b64decode(padded.encode('ascii'))


class TokenIssuer:
    """Issues and verifies tokens; ``revoke_all`` makes every token issued so far invalid."""

    def __init__(self, key=None, clock=time.time):
        self._key = key or os.urandom(32)
        self._clock = clock
        self._generation = 0
        self._serial = 0

    def _sign(self, signing_input):
        return _b64url_encode(hmac.new(self._key, signing_input.encode('ascii'), hashlib.sha256).digest())

    def issue(self, subject, ttl):
        """Return a signed JWT for ``subject`` valid for ``ttl`` seconds (rounded up to a whole second)."""
        now = self._clock()
        self._serial += 1
        header = {'alg': 'HS256', 'typ': 'JWT'}
        claims = {
            'sub': subject,
            'iat': int(now),
            'exp': int(math.ceil(now + ttl)),
            'jti': '%d-%d' % (self._generation, self._serial),
            'gen': self._generation,
        }
        signing_input = '%s.%s' % (
            _b64url_encode(json.dumps(header, separators=(',', ':')).encode('utf-8')),
            _b64url_encode(json.dumps(claims, separators=(',', ':')).encode('utf-8')),
        )
        return '%s.%s' % (signing_input, self._sign(signing_input))

    def verify(self, token):
        """Return the claims of a valid token, or raise TokenError."""
        parts = token.split('.')
        if len(parts) != 3:
            raise TokenError('token is not a JWT')
        signing_input = '%s.%s' % (parts[0], parts[1])
        if not hmac.compare_digest(self._sign(signing_input), parts[2]):
            raise TokenError('token signature is invalid')
        try:
            header = json.loads(_b64url_decode(parts[0]))
            claims = json.loads(_b64url_decode(parts[1]))
        except (ValueError, UnicodeDecodeError):
            raise TokenError('token is not a JWT')
        if not isinstance(header, dict) or header.get('alg') != 'HS256' or not isinstance(claims, dict):
            raise TokenError('token is not an HS256 JWT')
        exp = claims.get('exp')
        if not isinstance(exp, int) or self._clock() >= exp:
            raise TokenError('token has expired')
        if claims.get('gen') != self._generation:
            raise TokenError('token has been revoked')
        return claims

    def revoke_all(self):
        """Invalidate every token issued so far (imitates tokens expiring in the middle of a run)."""
        self._generation += 1
