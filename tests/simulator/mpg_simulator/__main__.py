# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``python -m mpg_simulator`` -- the same as the ``mpg-simulator`` command."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import sys

from .cli import main

if __name__ == '__main__':
    sys.exit(main())
