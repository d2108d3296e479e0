# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Sphinx configuration of the collection's HTML documentation (``make docs``).

Started from ``antsibull-docs sphinx-init``; changed so that it builds offline:
no intersphinx (its inventories live on docs.ansible.com and docs.python.org),
so references to Ansible's own documentation are not resolved into links.
The guides in docs/*.md are read with myst-parser. scripts/build-docs.sh puts
the generated RST, index.rst and the guides into docs/_build/rst and runs
sphinx-build with this directory as the configuration directory.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

project = 'mijnpartnergroep.domains'
copyright = '2026, MijnPartnerGroep collection developers'  # pylint: disable=redefined-builtin

import os
import re

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'galaxy.yml'), encoding='utf-8') as galaxy:
    version = release = re.search(r'^version:\s*(\S+)', galaxy.read(), re.M).group(1)

title = 'mijnpartnergroep.domains %s documentation' % version
html_title = title
html_short_title = 'mijnpartnergroep.domains'

extensions = ['sphinx_antsibull_ext', 'myst_parser']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
# Anchors for the guides' headings, so that links such as awx.md#section work.
myst_heading_anchors = 3

pygments_style = 'ansible'
highlight_language = 'YAML+Jinja'

html_theme = 'sphinx_ansible_theme'
html_show_sphinx = False
display_version = False
html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False
html_theme_options = {
    'collapse_navigation': False,
    'analytics_id': '',
    'style_nav_header_background': '#5bbdbf',
    'style_external_links': True,
    'vcs_pageview_mode': '',
    'topbar_links': {},
    # The theme puts this URL as is on every page (a relative one breaks below the top level).
    'documentation_home_url': 'https://github.com/mijnpartnergroep/ansible-collection-domains',
    'canonical_url': '',
}
html_context = {
    'display_github': False,
}

default_role = 'any'
nitpicky = True
