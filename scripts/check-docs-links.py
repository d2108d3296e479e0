#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Check the links between the pages of a built HTML site (offline).

    python scripts/check-docs-links.py docs/_build/html

Every href/src of every *.html file that is not an external URL (http:,
https:, mailto:, ...) must name a file that exists in the site, and a
#fragment must be an id (or <a name>) in the target page. Prints each broken
link with the page it is on; exits 1 if there is any, 0 otherwise. External
links are counted but not fetched.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import sys

from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class LinkParser(HTMLParser):
    """Collects the ids (anchors) of a page and the links it contains."""

    def __init__(self):
        HTMLParser.__init__(self, convert_charrefs=True)
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ('id',):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == 'a' and attrs.get('name'):
            self.ids.add(attrs['name'])
        for key in ('href', 'src'):
            if attrs.get(key) is not None and tag in ('a', 'link', 'script', 'img'):
                self.links.append(attrs[key])


def parse(path):
    parser = LinkParser()
    with open(path, encoding='utf-8') as handle:
        parser.feed(handle.read())
    return parser


def check_site(site):
    site = os.path.abspath(site)
    pages = {}
    for directory, dummy, files in os.walk(site):
        for name in files:
            if name.endswith('.html'):
                path = os.path.join(directory, name)
                pages[path] = parse(path)

    broken = []
    internal = external = 0
    for page, parsed in sorted(pages.items()):
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                external += 1
                continue
            internal += 1
            if parts.path:
                target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(parts.path)))
            else:
                target = page
            if os.path.isdir(target):
                target = os.path.join(target, 'index.html')
            where = os.path.relpath(page, site)
            if not target.startswith(site + os.sep) or not os.path.isfile(target):
                broken.append('%s: %s (no such file)' % (where, link))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith('.html') and fragment not in pages[target].ids:
                broken.append('%s: %s (no anchor #%s)' % (where, link, fragment))
    return pages, internal, external, broken


def main():
    if len(sys.argv) != 2:
        raise SystemExit('usage: check-docs-links.py BUILT_HTML_DIR')
    site = sys.argv[1]
    if not os.path.isfile(os.path.join(site, 'index.html')):
        raise SystemExit('%s/index.html does not exist: build the site first (make docs)' % site)
    pages, internal, external, broken = check_site(site)
    for line in broken:
        print('broken link: ' + line)
    print('%d pages, %d local links checked, %d broken, %d external links not fetched'
          % (len(pages), internal, len(broken), external))
    return 1 if broken else 0


if __name__ == '__main__':
    sys.exit(main())
