# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`make bench`: what the collection costs, side by side with what a user would write instead.

Runs the playbooks next to this file against a Domain API simulator (the one
of scripts/with-simulator.sh when MPG_SIM_URL is set, else one it starts
itself), times every task named ``Measure ...`` with the bench_timer callback
(callback_plugins/), counts its API requests from the simulator's request log,
and prints one Markdown table, also written to RESULTS.md. Every figure is a
count or a ratio of two things measured in the same run, so it holds on a
noisy machine; times are medians over rounds. Nothing here asserts: the
benchmark reports, `make test` never times anything.

    python tests/benchmarks/run.py                 # the full run (make bench)
    python tests/benchmarks/run.py --quick         # a fast check of the harness; prints, writes nothing
    python tests/benchmarks/run.py --only 3,4      # some figures only

Figures (issue 8):
 1. API requests of mpg_dns_record (unchanged with a warm and a cold token,
    changed), of mpg_dns_zone over a 200-record zone, and of the uri tasks a
    user would write for the same work.
 2. Wall time, 200-record zone unchanged: one mpg_dns_zone task vs 200 looped
    mpg_dns_record tasks vs the uri equivalent.
 3. Per-task overhead of mpg_whois_info vs a uri GET of the same endpoint.
 4. Planning cost of the pure DNS planning code, 10,000 and 100,000 records.
 5. Bulk WHOIS of 200 names: calls and wall time vs 200 single-name tasks.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import argparse
import datetime
import gc
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIMULATOR_SRC = os.path.join(ROOT, 'tests', 'simulator')
COLLECTION = ('mijnpartnergroep', 'domains')

ZONE = 'bench-zone.nl'
PER_PAGE_REQUESTED = 500      # what the client asks for (_endpoints.PER_PAGE_MAX)
SMALL_PAGE = 50               # a second zone read with the simulator limited to this, to count pages


# --------------------------------------------------------------------------- environment

def collections_root(tmp):
    """A directory with ansible_collections/mijnpartnergroep/domains -> this tree."""
    configured = os.environ.get('ANSIBLE_COLLECTIONS_PATH') or os.environ.get('ANSIBLE_COLLECTIONS_PATHS')
    for path in (configured or '').split(os.pathsep):
        if path and os.path.isdir(os.path.join(path, 'ansible_collections', *COLLECTION)):
            return path
    root = os.path.join(tmp, 'collections')
    os.makedirs(os.path.join(root, 'ansible_collections', COLLECTION[0]))
    os.symlink(ROOT, os.path.join(root, 'ansible_collections', *COLLECTION))
    return root


def module_exists(name):
    return os.path.exists(os.path.join(ROOT, 'plugins', 'modules', name + '.py'))


class Simulator(object):
    """The simulator of scripts/with-simulator.sh (MPG_SIM_URL set), or one started here."""

    def __init__(self, tmp):
        self.process = None
        if os.environ.get('MPG_SIM_URL') and os.environ.get('MPG_CLIENT_SECRET'):
            self.url = os.environ['MPG_SIM_URL'].rstrip('/')
        else:
            sys.path.insert(0, SIMULATOR_SRC)
            from mpg_simulator.testing import SimulatorProcess  # pylint: disable=import-error
            secret = 'bench-' + os.urandom(12).hex()
            self.process = SimulatorProcess(client_id='demo', client_secret=secret)
            self.url = self.process.url.rstrip('/')
            os.environ.update({'MPG_SIM_URL': self.url, 'MPG_API_URL': self.url,
                               'MPG_CLIENT_ID': 'demo', 'MPG_CLIENT_SECRET': secret})
        os.environ.pop('MPG_API_TOKEN', None)
        if not os.environ.get('MPG_TOKEN_CACHE_DIR'):
            cache = os.path.join(tmp, 'token-cache')
            os.mkdir(cache, 0o700)
            os.environ['MPG_TOKEN_CACHE_DIR'] = cache

    def admin(self, method, path, body=None):
        data = json.dumps(body).encode('utf-8') if body is not None else None
        request = urllib.request.Request(self.url + '/_sim/' + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode('utf-8'))

    def stop(self):
        if self.process is not None:
            self.process.stop()


# --------------------------------------------------------------------------- test data

def bench_zone(size):
    """A realistic zone of ``size`` records: (API records to seed, mpg_dns_zone entries, API add bodies)."""
    def api(name, rtype, content, priority=None, weight=None, port=None):
        return {'name': name, 'type': rtype, 'content': content, 'ttl': 3600,
                'priority': priority, 'weight': weight, 'port': port}

    records = [
        api('@', 'NS', 'ns1.bench-dns.net'), api('@', 'NS', 'ns2.bench-dns.net'),
        api('@', 'MX', 'mx1.bench-mail.net', priority=10), api('@', 'MX', 'mx2.bench-mail.net', priority=20),
        api('@', 'TXT', 'v=spf1 include:_spf.bench-mail.net ~all'),
        api('@', 'CAA', '0 issue "letsencrypt.org"'),
        api('www', 'A', '192.0.2.10'), api('www', 'AAAA', '2001:db8::10'),
        api('mail', 'A', '192.0.2.25'), api('sip', 'A', '192.0.2.30'),
        api('_sip._tcp', 'SRV', 'sip.%s' % ZONE, priority=10, weight=5, port=5060),
        api('shop', 'CNAME', 'www.%s' % ZONE),
    ]
    index = 0
    while len(records) < size:
        index += 1
        records.append(api('host%03d' % index, 'A', '198.51.%d.%d' % (100 + index // 250, index % 250 + 1)))
    records = records[:size]

    entries = {}
    for record in records:
        value = record['content']
        if record['type'] == 'MX':
            value = '%d %s' % (record['priority'], value)
        elif record['type'] == 'SRV':
            value = '%d %d %d %s' % (record['priority'], record['weight'], record['port'], value)
        entry = entries.setdefault((record['name'], record['type']),
                                   {'record': record['name'], 'type': record['type'], 'value': [],
                                    'ttl': record['ttl']})
        entry['value'].append(value)
    return records, list(entries.values()), [dict(r) for r in records]


def dns_vars(zone_size):
    records, entries, api_records = bench_zone(zone_size)
    unchanged = {'record': 'www', 'type': 'A', 'value': ['192.0.2.10'],
                 'api': {'name': 'www', 'type': 'A', 'content': '192.0.2.10', 'ttl': 3600}}
    changed = {'record': 'www', 'type': 'A', 'value': ['192.0.2.99'],
               'api': {'name': 'www', 'type': 'A', 'content': '192.0.2.99', 'ttl': 3600}}
    return {
        'bench_zone': ZONE,
        'bench_seed_state': {'zones': {ZONE: records}},
        'bench_zone_records': entries,
        'bench_zone_api_records': api_records,
        'bench_record_unchanged': unchanged,
        'bench_record_changed': changed,
    }


def whois_names(count):
    names = []
    for index in range(count):
        names.append('bench-whois-%03d.%s' % (index, ('nl', 'com', 'eu', 'be')[index % 4]))
    return names


# --------------------------------------------------------------------------- running playbooks

class PlaybookFailed(Exception):
    pass


def run_playbook(name, tmp, collections, extra_vars, log_lines=40):
    """Run one playbook; return the bench_timer entries (list of dicts, in order)."""
    timings = os.path.join(tmp, name + '.timings.jsonl')
    log_path = os.path.join(tmp, name + '.log')
    vars_path = os.path.join(tmp, name + '.vars.json')
    with open(vars_path, 'w') as handle:
        json.dump(extra_vars, handle)
    env = dict(os.environ)
    bin_dir = os.path.dirname(sys.executable)
    env['PATH'] = bin_dir + os.pathsep + env.get('PATH', '')
    callback_dirs = [os.path.join(HERE, 'callback_plugins')]
    if env.get('ANSIBLE_CALLBACK_PLUGINS'):
        callback_dirs.append(env['ANSIBLE_CALLBACK_PLUGINS'])
    env.update({
        'ANSIBLE_COLLECTIONS_PATH': collections,
        'ANSIBLE_CALLBACK_PLUGINS': os.pathsep.join(callback_dirs),
        'ANSIBLE_CALLBACKS_ENABLED': 'bench_timer',
        'BENCH_TIMINGS_FILE': timings,
        'ANSIBLE_LOCALHOST_WARNING': 'False',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'False',
        'ANSIBLE_RETRY_FILES_ENABLED': 'False',
        'ANSIBLE_NOCOLOR': '1',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
    })
    playbook = shutil.which('ansible-playbook', path=env['PATH']) or 'ansible-playbook'
    command = [playbook, os.path.join(HERE, name + '.yml'), '-e', '@' + vars_path]
    started = time.time()
    with open(log_path, 'w') as log:
        rc = subprocess.call(command, cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT)
    elapsed = time.time() - started
    if rc != 0:
        with open(log_path) as log:
            tail = ''.join(log.readlines()[-log_lines:])
        raise PlaybookFailed('%s.yml failed (rc %d); last lines of its output:\n%s' % (name, rc, tail))
    entries = []
    if os.path.exists(timings):
        with open(timings) as handle:
            entries = [json.loads(line) for line in handle if line.strip()]
    progress('  %s.yml: %d measured tasks in %.0f s' % (name, len(entries), elapsed))
    return entries


def occurrences(entries):
    """Group consecutive entries of one unit ("Measure X, step" -> "X") into occurrences.

    Returns {unit: [{'seconds': total, 'requests': [...]}, ...]}; an occurrence whose
    tasks were all skipped (a round that did not run that unit) is left out.
    """
    result = {}
    previous = None
    names = set()
    for entry in entries:
        unit = entry['name'][len('Measure'):].split(',')[0].strip()
        # A new unit, or the same task again (the next round): a new occurrence.
        if unit != previous or entry['name'] in names:
            result.setdefault(unit, []).append({'seconds': 0.0, 'requests': [], 'ran': False})
            previous = unit
            names = set()
        names.add(entry['name'])
        current = result[unit][-1]
        current['seconds'] += entry['seconds']
        current['requests'].extend(entry['requests'])
        if entry['status'] != 'skipped':
            current['ran'] = True
        if entry['status'] in ('failed', 'unreachable'):
            raise PlaybookFailed('measured task failed: %s' % entry['name'])
    return dict((unit, [o for o in items if o['ran']]) for unit, items in result.items())


def median(values):
    return statistics.median(values) if values else None


def paired_ratios(numerators, denominators):
    return [n['seconds'] / d['seconds'] for n, d in zip(numerators, denominators) if d['seconds'] > 0]


def request_counts(items):
    return [len(o['requests']) for o in items]


def describe_requests(requests):
    counts = {}
    for request in requests:
        path = request['path']
        if path.startswith('/dns/'):
            path = '/dns/{zone}/' + path.split('/', 3)[3]
            if path.startswith('/dns/{zone}/records/') and not path.endswith('/delete'):
                path = '/dns/{zone}/records/{id}'
        elif path.startswith('/whois/'):
            path = '/whois/{domain}'
        key = '%s %s' % (request['method'], path)
        counts[key] = counts.get(key, 0) + 1
    return ', '.join('%s%s' % ('%d× ' % n if n > 1 else '', key) for key, n in counts.items()) or 'none'


# --------------------------------------------------------------------------- the table

class Table(object):
    def __init__(self):
        self.rows = []
        self.notes = []

    def add(self, figure, what, measured, target='–', verdict='–'):
        self.rows.append((figure, what, measured, target, verdict))

    def markdown(self):
        lines = ['| # | What | Measured | Target | Met? |', '|---|---|---|---|---|']
        for row in self.rows:
            lines.append('| %s |' % ' | '.join(str(cell).replace('|', '\\|') for cell in row))
        return '\n'.join(lines)


def verdict(ok):
    if ok is None:
        return '–'
    return 'met' if ok else '**missed**'


def fmt_count(counts):
    if not counts:
        return 'n/a'
    low, high = min(counts), max(counts)
    return '%d' % low if low == high else '%d–%d (median %g)' % (low, high, median(counts))


def fmt_seconds(seconds):
    if seconds is None:
        return 'n/a'
    if seconds < 1:
        return '%.0f ms' % (seconds * 1000)
    return '%.2f s' % seconds


def count_row(table, figure, what, items, target=None, extra=''):
    counts = request_counts(items)
    if not counts:
        table.add(figure, what, 'not measured', '%d' % target if target is not None else '–', '–')
        return
    measured = '%s (%s)%s' % (fmt_count(counts), describe_requests(items[0]['requests']), extra)
    ok = None if target is None else all(c == target for c in counts)
    table.add(figure, what, measured, '%d' % target if target is not None else '–', verdict(ok))


# --------------------------------------------------------------------------- figures

def figures_1_2(table, sim, tmp, collections, args):
    missing = [m for m in ('mpg_dns_record', 'mpg_dns_zone') if not module_exists(m)]
    if missing:
        for figure in ('1', '2'):
            table.add(figure, 'DNS figures', 'not measured: %s not in plugins/modules yet' % ', '.join(missing))
        return
    settings = sim.admin('GET', 'settings')
    per_page_max = int(settings.get('per_page_max', 500))
    extra = dns_vars(args.zone_size)
    extra.update({'bench_rounds': args.rounds, 'bench_heavy_rounds': args.heavy_rounds,
                  'bench_uri_per_record': args.uri_per_record,
                  'bench_per_page_max': per_page_max, 'bench_small_page': SMALL_PAGE})
    found = occurrences(run_playbook('dns', tmp, collections, extra))

    size = args.zone_size
    pages = int(math.ceil(size / float(min(PER_PAGE_REQUESTED, per_page_max))))
    small_pages = int(math.ceil(size / float(min(PER_PAGE_REQUESTED, SMALL_PAGE))))
    count_row(table, '1', 'Requests: `mpg_dns_record` unchanged, warm token',
              found.get('mpg_dns_record unchanged warm token', []), 1)
    count_row(table, '1', 'Requests: `mpg_dns_record` unchanged, cold token (fresh MPG_TOKEN_CACHE_DIR)',
              found.get('mpg_dns_record unchanged cold token', []), 2)
    count_row(table, '1', 'Requests: `mpg_dns_record` changed (one value replaced), warm token',
              found.get('mpg_dns_record changed', []), 2)
    count_row(table, '1', 'Requests: `mpg_dns_zone` unchanged, %d records, %d per page (%d page%s)'
              % (size, min(PER_PAGE_REQUESTED, per_page_max), pages, 's' if pages > 1 else ''),
              found.get('mpg_dns_zone unchanged', []), pages)
    count_row(table, '1', 'Requests: `mpg_dns_zone` unchanged, %d records, %d per page (%d pages)'
              % (size, SMALL_PAGE, small_pages),
              found.get('mpg_dns_zone unchanged small pages', []), small_pages)
    count_row(table, '1', 'Requests: `uri` record unchanged (authenticate, read, add if missing)',
              found.get('uri record unchanged', []))
    count_row(table, '1', 'Requests: `uri` record changed (authenticate, read, update if different)',
              found.get('uri record changed', []))
    count_row(table, '1', 'Requests: `uri` zone unchanged (authenticate, read, looped add if missing)',
              found.get('uri zone unchanged', []))
    loop_items = found.get('mpg_dns_record loop unchanged', [])
    count_row(table, '1', 'Requests: %d looped `mpg_dns_record` tasks, zone unchanged' % len(extra['bench_zone_records']),
              loop_items)

    zone_items = found.get('mpg_dns_zone unchanged', [])
    uri_zone_items = found.get('uri zone unchanged', [])
    zone_seconds = median([o['seconds'] for o in zone_items])
    table.add('2', 'Wall time: one `mpg_dns_zone` task, %d records unchanged (median of %d)'
              % (size, len(zone_items)), fmt_seconds(zone_seconds))
    # Pair each loop with the zone task of the same round.
    loop_ratios = paired_ratios(loop_items, zone_items[:len(loop_items)])
    if loop_items:
        table.add('2', 'Wall time: %d looped `mpg_dns_record` tasks ÷ one `mpg_dns_zone` task (median of %d; loop %s)'
                  % (len(extra['bench_zone_records']), len(loop_ratios),
                     fmt_seconds(median([o['seconds'] for o in loop_items]))),
                  '%.1f×' % median(loop_ratios), '≥ 20×', verdict(median(loop_ratios) >= 20))
    uri_ratios = paired_ratios(uri_zone_items, zone_items)
    if uri_zone_items:
        table.add('2', 'Wall time: `uri` zone play (authenticate, one read, looped add if missing) ÷ one '
                  '`mpg_dns_zone` task (median of %d; uri %s)'
                  % (len(uri_ratios), fmt_seconds(median([o['seconds'] for o in uri_zone_items]))),
                  '%.1f×' % median(uri_ratios), '≥ 30×', verdict(median(uri_ratios) >= 30))
    per_record = found.get('uri per-record loop unchanged', [])
    if per_record:
        ratios = paired_ratios(per_record, zone_items[:len(per_record)])
        count_row(table, '1', 'Requests: `uri` per-record loop (authenticate once, read + add if missing per record)',
                  per_record)
        table.add('2', 'Wall time: `uri` per-record loop ÷ one `mpg_dns_zone` task (median of %d; uri %s)'
                  % (len(ratios), fmt_seconds(median([o['seconds'] for o in per_record]))),
                  '%.1f×' % median(ratios), '≥ 30×', verdict(median(ratios) >= 30))


def figure_3(table, sim, tmp, collections, args):
    extra = {'bench_rounds': args.rounds, 'bench_runs': args.overhead_runs}
    found = occurrences(run_playbook('whois_overhead', tmp, collections, extra))
    module_items = found.get('mpg_whois_info runs', [])
    uri_items = found.get('uri runs', [])
    module_counts = request_counts(module_items)
    uri_counts = request_counts(uri_items)
    runs = args.overhead_runs
    module_each = median([o['seconds'] / runs for o in module_items])
    uri_each = median([o['seconds'] / runs for o in uri_items])
    ratios = paired_ratios(module_items, uri_items)
    table.add('3', 'Per task: `mpg_whois_info` ÷ `uri` GET /whois/{domain}, ready token (%d runs × %d rounds; '
              'module %s, uri %s per run; requests per run %s vs %s)'
              % (runs, len(ratios), fmt_seconds(module_each), fmt_seconds(uri_each),
                 fmt_count([c // runs for c in module_counts]), fmt_count([c // runs for c in uri_counts])),
              '%.2f×' % median(ratios), '≤ 1.1×', verdict(median(ratios) <= 1.1))


def figure_5(table, sim, tmp, collections, args):
    names = whois_names(args.whois_names)
    extra = {'bench_rounds': args.rounds, 'bench_heavy_rounds': args.heavy_rounds, 'bench_whois_names': names}
    found = occurrences(run_playbook('whois_bulk', tmp, collections, extra))
    bulk = found.get('mpg_whois_info bulk', [])
    single = found.get('mpg_whois_info single-name loop', [])
    calls = int(math.ceil(len(names) / 50.0))
    count_row(table, '5', 'Requests: one `mpg_whois_info` task, %d names' % len(names), bulk, calls)
    count_row(table, '5', 'Requests: %d single-name `mpg_whois_info` tasks' % len(names), single, len(names))
    ratios = paired_ratios(single, bulk[:len(single)])
    if single:
        table.add('5', 'Wall time: %d single-name tasks ÷ one bulk task (median of %d; bulk %s, singles %s)'
                  % (len(names), len(ratios), fmt_seconds(median([o['seconds'] for o in bulk])),
                     fmt_seconds(median([o['seconds'] for o in single]))),
                  '%.1f×' % median(ratios), '> 1× (report)', verdict(median(ratios) > 1))


def plan_inputs(count, changed_share=0.01):
    """``count`` API records and ``count`` desired values (1% of them changed), mixed types."""
    api_records = []
    entries = []
    step = int(1 / changed_share) if changed_share else 0
    for index in range(count):
        name = 'h%06d' % index
        kind = index % 10
        changed = step and index % step == step - 1
        if kind < 7:
            rtype, content, value = 'A', '10.%d.%d.%d' % (index >> 16 & 255, index >> 8 & 255, index & 255), None
            value = content if not changed else '10.255.%d.%d' % (index >> 8 & 255, index & 255)
            record = {'content': content}
        elif kind == 7:
            content = '2001:db8::%x:%x' % (index >> 16, index & 0xffff)
            rtype, record = 'AAAA', {'content': content}
            value = content if not changed else '2001:db8:1::%x:%x' % (index >> 16, index & 0xffff)
        elif kind == 8:
            content = 'mx%d.example.net' % index
            rtype, record = 'MX', {'content': content, 'priority': 10}
            value = '%d %s' % (10 if not changed else 20, content)
        else:
            content = 'v=verification-%d' % index
            rtype, record = 'TXT', {'content': content}
            value = content if not changed else content + '-new'
        record.update({'id': index + 1, 'name': name, 'type': rtype, 'ttl': 3600})
        record.setdefault('priority', None)
        record.update({'weight': None, 'port': None})
        api_records.append(record)
        entries.append({'record': name, 'type': rtype, 'value': [value], 'ttl': 3600})
    return api_records, entries


def figure_4(table, collections, args):
    if collections not in sys.path:
        sys.path.insert(0, collections)
    try:
        from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _dns_plan as plan_module
    except ImportError as exc:
        table.add('4', 'Planning cost', 'not measured: plugins/module_utils/_dns_plan.py cannot be imported (%s)' % exc)
        return

    zone = 'plan-bench.nl'

    def pure_run(api_records, entries, with_diff):
        """What mpg_dns_zone does between the read and the writes, without I/O."""
        current = plan_module.zone_records_from_api(api_records, zone)
        desired = plan_module.desired_rrsets_from_entries(entries, zone)
        plan = plan_module.plan_zone_changes(current, desired, zone, prune=True, max_delete_percent=100)
        if with_diff:
            plan_module.record_entries(plan.before)
            plan_module.record_entries(plan.after)
        return plan

    # Sizes are interleaved within each repetition, so a change in machine load hits all of them alike;
    # the growth is the median of the per-repetition ratios. The diff (record_entries, only with --diff)
    # is timed for the smallest size only.
    inputs = dict((size, plan_inputs(size)) for size in args.plan_sizes)
    small, large = args.plan_sizes[0], args.plan_sizes[-1]
    times = dict((size, []) for size in args.plan_sizes)
    diff_times = []
    counts = {}
    for _rep in range(args.plan_reps):
        for size in args.plan_sizes:
            for with_diff in ((False, True) if size == small else (False,)):
                gc.collect()
                started = time.perf_counter()
                plan = pure_run(inputs[size][0], inputs[size][1], with_diff)
                (diff_times if with_diff else times[size]).append(time.perf_counter() - started)
            counts[size] = plan.counts()
    for size in args.plan_sizes:
        seconds = median(times[size])
        progress('  planning %d vs %d: %s' % (size, size, fmt_seconds(seconds)))
        target = '< 0.5 s' if size == 10000 else '–'
        ok = (seconds < 0.5) if size == 10000 else None
        table.add('4', 'Planning %s desired vs %s current records, 1%% changed (parse + plan, no I/O; median of %d%s; %s)'
                  % ('{:,}'.format(size), '{:,}'.format(size), len(times[size]),
                     '; with the diff %s' % fmt_seconds(median(diff_times)) if size == small else '',
                     ', '.join('%d %s' % (n, k) for k, n in sorted(counts[size].items()) if n)),
                  fmt_seconds(seconds), target, verdict(ok))
    if large != small:
        growth = median([b / a for a, b in zip(times[small], times[large])])
        factor = large / float(small)
        # n log n would give about factor * log(large) / log(small); quadratic factor ** 2.
        limit = factor * 1.5
        table.add('4', 'Planning growth %s → %s records (median of %d paired ratios; linear = %.0f×, quadratic = %.0f×)'
                  % ('{:,}'.format(small), '{:,}'.format(large), len(times[large]), factor, factor ** 2),
                  '%.1f×' % growth, '≤ %.0f× (linear)' % limit, verdict(growth <= limit))


NOTES = '''How to read it:

- The `uri` plays (tests/benchmarks/tasks/dns_round.yml) are what a careful user writes without the
  collection: one `POST /auth`, one read of the zone with `per_page=500`, and a write only where the
  raw API fields differ (`selectattr` on name, type, content, priority). They compare raw strings, so
  they only stay idempotent while the user spells every value exactly as the API stores it, handle no
  paging beyond 500 records, and need a token on every run (the modules share a cached token).
- Figure 2's `uri` zone play makes two module runs (authenticate, read) and skips 200 loop items: it
  costs two module start-ups plus the templating of 200 skipped items, so no single task can be 30×
  faster than it. A `uri` play that works record by record (authenticate once, read and add-if-missing
  per record) costs about as much as the 200 looped module tasks; `--uri-per-record` adds it (slow).
- The looped `mpg_dns_record` tasks are one task per name and type (200 records, some names with two
  values), each reading the zone once.
- Figure 4 times the code `mpg_dns_zone` runs between its read and its writes: `zone_records_from_api`,
  `desired_rrsets_from_entries`, `plan_zone_changes` (plus `record_entries` for the diff, shown
  separately). Its < 0.5 s target is an absolute time, so it is the one figure that machine load moves.
'''


# --------------------------------------------------------------------------- main

def progress(message):
    print(message, file=sys.stderr)
    sys.stderr.flush()


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--rounds', type=int, help='rounds of the cheap measurements (default 5)')
    parser.add_argument('--heavy-rounds', type=int,
                        help='rounds of the 200-task loops (default 2: each costs ~400 module runs; at most --rounds)')
    parser.add_argument('--overhead-runs', type=int, help='module runs per round in figure 3 (default 10)')
    parser.add_argument('--zone-size', type=int, default=200)
    parser.add_argument('--whois-names', type=int, default=200)
    parser.add_argument('--plan-sizes', help='record counts for figure 4 (default 10000,100000)')
    parser.add_argument('--plan-reps', type=int, help='repetitions in figure 4 (default 5)')
    parser.add_argument('--uri-per-record', action='store_true',
                        help='also measure a uri play that reads the zone once per record (slow: ~200 module runs a round)')
    parser.add_argument('--only', default='1,2,3,4,5', help='figures to run, e.g. 3,4')
    parser.add_argument('--quick', action='store_true',
                        help='check the harness fast: 2 rounds, 1 heavy round, small planning sizes; writes no file')
    parser.add_argument('--output', default=None, help='Markdown file to write (default tests/benchmarks/RESULTS.md)')
    args = parser.parse_args(argv)
    defaults = dict(rounds=5, heavy_rounds=2, overhead_runs=10, plan_sizes='10000,100000', plan_reps=5)
    if args.quick:
        defaults = dict(rounds=2, heavy_rounds=1, overhead_runs=5, plan_sizes='1000,10000', plan_reps=3)
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.plan_sizes = [int(s) for s in args.plan_sizes.split(',') if s.strip()]
    args.heavy_rounds = min(args.heavy_rounds, args.rounds)
    args.only = set(s.strip() for s in args.only.split(','))
    if args.output is None and not args.quick:
        args.output = os.path.join(HERE, 'RESULTS.md')
    return args


def versions():
    try:
        from ansible.release import __version__ as core_version
    except ImportError:
        core_version = 'unknown'
    return 'Python %s, ansible-core %s' % (platform.python_version(), core_version)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.time()
    load_before = os.getloadavg() if hasattr(os, 'getloadavg') else None
    table = Table()
    errors = []
    tmp = tempfile.mkdtemp(prefix='mpg-bench.')
    sim = None
    try:
        collections = collections_root(tmp)
        if '4' in args.only:
            progress('figure 4: planning cost (pure functions)')
            figure_4(table, collections, args)
        for figure, function in (('1', figures_1_2), ('3', figure_3), ('5', figure_5)):
            if figure not in args.only and not (figure == '1' and '2' in args.only):
                continue
            if sim is None:
                sim = Simulator(tmp)
                progress('simulator at %s' % sim.url)
            progress('figure %s' % ('1 and 2' if figure == '1' else figure))
            try:
                function(table, sim, tmp, collections, args)
            except PlaybookFailed as exc:
                errors.append(str(exc))
                table.add(figure, 'error', 'the playbook failed: see the output above')
                progress(str(exc))
    finally:
        if sim is not None:
            sim.stop()
        if not errors:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            progress('playbook logs kept in %s' % tmp)

    table.rows.sort(key=lambda row: row[0])
    load_after = os.getloadavg() if hasattr(os, 'getloadavg') else None
    now = datetime.datetime.now().astimezone()
    header = ['# Benchmark results (`make bench`)', '',
              '- Date: %s' % now.strftime('%Y-%m-%d %H:%M %Z'),
              '- Cores: %s (`os.cpu_count()`); load average %s at the start, %s at the end'
              % (os.cpu_count(), '%.1f' % load_before[0] if load_before else 'n/a',
                 '%.1f' % load_after[0] if load_after else 'n/a'),
              '- %s; against the local simulator (loopback HTTP, no latency)' % versions(),
              '- Rounds: %d (the 200-task loops: %d); run time %.0f s%s'
              % (args.rounds, args.heavy_rounds, time.time() - started, ' (--quick)' if args.quick else ''),
              '',
              'Counts are per task (all rounds shown when they differ). Times are medians over rounds; ratios are',
              'medians of the per-round ratios of two things measured in the same round, so machine load mostly',
              'cancels out. Nothing here is asserted by `make test`.', '']
    text = '\n'.join(header) + '\n' + table.markdown() + '\n\n' + NOTES
    if table.notes:
        text += '\n' + '\n'.join(table.notes) + '\n'
    print(text)
    if args.output:
        with open(args.output, 'w') as handle:
            handle.write(text)
        progress('written to %s' % os.path.relpath(args.output))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
