# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A local simulator of the MijnPartnerGroep Domain API, for tests, the demo and benchmarks.

Standard library only. Start it with ``mpg-simulator`` or ``python -m mpg_simulator``; control it
through the admin endpoints under ``/_sim/`` (see README.md beside this package).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

__version__ = '0.1.0'
