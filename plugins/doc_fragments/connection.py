# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    # The connection options of every module (plugins/module_utils/_module.py).
    DOCUMENTATION = r'''
options:
  api_url:
    description:
      - Base URL of the MijnPartnerGroep Domain API.
      - The default is our reading of the public API documentation; see C(docs/api/openapi.yaml).
      - If not set, the environment variable E(MPG_API_URL) is used.
    type: str
    default: https://api.mijnpartnergroep.nl/v1
  client_id:
    description:
      - Client ID of the API account, exchanged together with O(client_secret) for a token.
      - If not set, the environment variable E(MPG_CLIENT_ID) is used.
      - Either O(client_id) and O(client_secret), or O(api_token), must be given.
    type: str
  client_secret:
    description:
      - Client secret of the API account.
      - If not set, the environment variable E(MPG_CLIENT_SECRET) is used.
      - Never shown in output, diffs or error messages.
    type: str
  api_token:
    description:
      - A ready bearer token (JWT), used instead of O(client_id) and O(client_secret).
      - If not set, the environment variable E(MPG_API_TOKEN) is used.
      - A ready token cannot be renewed by the module; when it expires the task fails with HTTP 401.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of O(api_url).
      - Set to V(false) only for test servers; the module warns when it is V(false).
      - If not set, the environment variable E(MPG_VALIDATE_CERTS) is used.
    type: bool
    default: true
  ca_path:
    description:
      - Path of a PEM file with the CA certificate(s) to trust for O(api_url), for a private CA.
      - If not set, the environment variable E(MPG_CA_PATH) is used.
    type: path
  timeout:
    description:
      - Seconds to wait for each answer of the API.
      - If not set, the environment variable E(MPG_TIMEOUT) is used.
    type: int
    default: 30
  token_cache:
    description:
      - Whether tasks of a run share the token through a cache file, so that not every task authenticates again.
      - The file is created with mode 0600 in a directory with mode 0700, one file per API URL, client ID
        and client secret; by default in C(~/.cache/mijnpartnergroep.domains/), or in the directory
        named by the environment variable E(MPG_TOKEN_CACHE_DIR).
      - If not set, the environment variable E(MPG_TOKEN_CACHE) is used.
    type: bool
    default: true
requirements:
  - requests
notes:
  - Throttled requests (HTTP 429) are retried after the time the API asks for (at most 30 seconds each);
    reads are also retried on HTTP 502, 503 and 504 and on broken connections. Writes that may have been
    carried out are never resent blindly.
  - All options of this fragment can be set for every module of the collection at once with
    C(module_defaults) and the action group C(group/mijnpartnergroep.domains.mpg).
'''
