# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _domain_registration as reg
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_registration import (
    ACTION_ALREADY_PRESENT,
    ACTION_FAIL,
    ACTION_REGISTER,
    ALREADY_PRESENT,
    FAILED,
    REGISTERED,
    CallOutcome,
    RegistrationInputError,
    account_domains,
    call_error_may_have_acted,
    chunks,
    decide_domains,
    domains_needing_whois,
    normalize_domain_names,
    normalize_holder,
    normalize_nameservers,
    normalize_period,
    outcome_from_single_response,
    outcomes_after_call_error,
    outcomes_after_reread,
    outcomes_from_bulk_response,
    outcomes_not_attempted,
    outcomes_when_reread_fails,
    registration_diff,
    registration_fields,
    result_from_decision,
    result_from_outcome,
    summarize_results,
    validate_registration_input,
    whois_in_request_order,
)

IDN_UNICODE = u'b\u00fccher.nl'
IDN_ASCII = 'xn--bcher-kva.nl'


class FakeApiError(Exception):
    """Stands in for _client.MPGApiError: the same attributes, no HTTP."""

    def __init__(self, message, status=None, api_message=None, field_errors=None, may_have_acted=None,
                 timed_out=False):
        super(FakeApiError, self).__init__(message)
        self.status = status
        self.api_message = api_message
        self.field_errors = field_errors or {}
        if may_have_acted is not None:
            self.may_have_acted = may_have_acted
        self.timed_out = timed_out


class ErrorWithoutMayHaveActed(Exception):
    def __init__(self, status=None, timed_out=False):
        super(ErrorWithoutMayHaveActed, self).__init__('boom')
        self.status = status
        self.timed_out = timed_out


def free(name):
    return {'domain': name, 'available': True, 'status': 'free'}


def taken(name, registrar='Other Registrar B.V.', nameservers=None):
    return {'domain': name, 'available': False, 'status': 'active', 'registrar': registrar,
            'created_at': '2020-01-31', 'expires_at': '2027-01-31',
            'nameservers': nameservers or ['ns1.other.example', 'ns2.other.example']}


def zone(name, status='active'):
    return {'domain': name, 'status': status, 'record_count': 3}


# ----------------------------------------------------------------- names


class TestNames(object):
    def test_single_name_ascii_form(self):
        assert normalize_domain_names(name='Example.NL.') == (['example.nl'], True)

    def test_idn_unicode_and_punycode_are_one_domain(self):
        assert normalize_domain_names(name=IDN_UNICODE) == ([IDN_ASCII], True)
        names, single = normalize_domain_names(names=[IDN_UNICODE, IDN_ASCII, u'B\u00dcCHER.nl'])
        assert names == [IDN_ASCII]
        assert single is False

    def test_duplicates_collapse_keeping_order(self):
        names, _single = normalize_domain_names(names=['b.nl', 'a.nl', 'B.nl', 'a.nl.', 'c.nl'])
        assert names == ['b.nl', 'a.nl', 'c.nl']

    def test_name_and_names_exclusive(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_domain_names(name='a.nl', names=['b.nl'])
        assert 'not both' in str(exc.value)

    def test_one_required(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_domain_names()
        assert exc.value.option == 'name'

    def test_empty_names(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_domain_names(names=[])
        assert exc.value.option == 'names'
        assert 'at least one' in str(exc.value)

    def test_names_not_a_list(self):
        with pytest.raises(RegistrationInputError):
            normalize_domain_names(names='a.nl')

    @pytest.mark.parametrize('bad', ['nl', 'exa mple.nl', '-a.nl', 'a..nl', 'example.123', '', 'a_b.nl'])
    def test_invalid_name_names_the_option(self, bad):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_domain_names(name=bad)
        assert exc.value.option == 'name'
        assert str(exc.value).startswith('name: ')

    def test_invalid_entry_in_names_names_the_index(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_domain_names(names=['good.nl', 'also-good.nl', 'bad..nl'])
        assert exc.value.option == 'names[2]'
        assert 'bad..nl' in str(exc.value)

    def test_more_than_fifty_names_allowed(self):
        names, _single = normalize_domain_names(names=['d%03d.nl' % i for i in range(120)])
        assert len(names) == 120


# ----------------------------------------------------------------- period, nameservers, holder


class TestPeriod(object):
    @pytest.mark.parametrize('value,expected', [(None, 1), (1, 1), (10, 10), ('3', 3), (5, 5)])
    def test_valid(self, value, expected):
        assert normalize_period(value) == expected

    @pytest.mark.parametrize('value', [0, 11, -1, 1.5, 'two', True, [1]])
    def test_invalid(self, value):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_period(value)
        assert exc.value.option == 'period'


class TestNameservers(object):
    def test_absent_or_empty_means_provider_defaults(self):
        assert normalize_nameservers(None) is None
        assert normalize_nameservers([]) is None

    def test_normalised(self):
        assert normalize_nameservers(['NS1.Example.NET.', u'ns.b\u00fccher.nl']) == \
            ['ns1.example.net', 'ns.' + IDN_ASCII]

    def test_one_is_too_few(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_nameservers(['ns1.example.net'])
        assert exc.value.option == 'nameservers'
        assert '2 to 13' in str(exc.value)

    def test_thirteen_allowed_fourteen_not(self):
        assert len(normalize_nameservers(['ns%d.example.net' % i for i in range(13)])) == 13
        with pytest.raises(RegistrationInputError):
            normalize_nameservers(['ns%d.example.net' % i for i in range(14)])

    def test_duplicate_is_an_error(self):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_nameservers(['ns1.example.net', 'NS1.example.net.'])
        assert 'twice' in str(exc.value)

    @pytest.mark.parametrize('bad', ['192.0.2.1', 'ns1', 'ns1..example.net', 'ns_1.example.net', ''])
    def test_invalid_host_names(self, bad):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_nameservers(['ns0.example.net', bad])
        assert exc.value.option == 'nameservers[1]'

    def test_not_a_list(self):
        with pytest.raises(RegistrationInputError):
            normalize_nameservers('ns1.example.net')

    @pytest.mark.parametrize('address', ['192.0.2.53', '2001:db8::53', '[2001:db8::53]'])
    def test_ip_address_gets_a_clear_message(self, address):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_nameservers(['ns1.example.net', address])
        assert 'is an IP address' in str(exc.value)


class TestHolder(object):
    def test_id(self):
        assert normalize_holder(holder_id=12) == (12, None)
        assert normalize_holder(holder_id='12') == (12, None)

    def test_email_trimmed(self):
        assert normalize_holder(holder_email=' jan@example.nl ') == (None, 'jan@example.nl')

    @pytest.mark.parametrize('bad', [0, -3, 'abc', True, 1.5])
    def test_bad_id(self, bad):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_holder(holder_id=bad)
        assert exc.value.option == 'domainholder_id'

    @pytest.mark.parametrize('bad', ['jan', 'jan@', '@example.nl', 'jan@localhost', 'j an@example.nl'])
    def test_bad_email(self, bad):
        with pytest.raises(RegistrationInputError) as exc:
            normalize_holder(holder_email=bad)
        assert exc.value.option == 'domainholder_email'

    def test_exactly_one(self):
        with pytest.raises(RegistrationInputError):
            normalize_holder()
        with pytest.raises(RegistrationInputError):
            normalize_holder(holder_id=1, holder_email='a@example.nl')


def test_validate_registration_input_all_together():
    request = validate_registration_input(names=[IDN_UNICODE, 'a.nl', IDN_ASCII], domainholder_email='a@example.nl',
                                          period=2, nameservers=['ns1.example.net', 'ns2.example.net'])
    assert request.names == [IDN_ASCII, 'a.nl']
    assert request.single is False
    assert request.period == 2
    assert request.nameservers == ['ns1.example.net', 'ns2.example.net']
    assert request.holder_id is None
    assert request.holder_email == 'a@example.nl'


def test_validate_registration_input_checks_names_first():
    with pytest.raises(RegistrationInputError) as exc:
        validate_registration_input(name='bad..nl', domainholder_id=1, period=99)
    assert exc.value.option == 'name'


# ----------------------------------------------------------------- decisions


class TestDecide(object):
    def test_free_domain_is_registered(self):
        [decision] = decide_domains(['new.nl'], [], [free('new.nl')])
        assert decision.action == ACTION_REGISTER
        assert decision.whois_status == 'free'

    def test_listed_domain_is_ours_whatever_whois_says(self):
        decisions = decide_domains(['ours.nl', 'pending.nl'], [zone('ours.nl'), zone('pending.nl', 'pending')],
                                   [free('pending.nl')])
        assert [d.action for d in decisions] == [ACTION_ALREADY_PRESENT, ACTION_ALREADY_PRESENT]
        assert decisions[1].account_status == 'pending'

    def test_listed_in_unicode_matches_punycode_request(self):
        [decision] = decide_domains([IDN_ASCII], [zone(IDN_UNICODE)], [])
        assert decision.action == ACTION_ALREADY_PRESENT

    def test_whois_answer_in_unicode_matches(self):
        [decision] = decide_domains([IDN_ASCII], [], [free(IDN_UNICODE)])
        assert decision.action == ACTION_REGISTER

    def test_registered_elsewhere_fails_with_registrar(self):
        [decision] = decide_domains(['taken.nl'], [zone('other.nl')], [taken('taken.nl')])
        assert decision.action == ACTION_FAIL
        assert 'registered elsewhere' in decision.reason
        assert 'Other Registrar B.V.' in decision.reason
        assert decision.reason.startswith('taken.nl')

    @pytest.mark.parametrize('status,words', [('quarantine', 'quarantine'), ('reserved', 'reserved'),
                                              ('invalid', 'invalid')])
    def test_not_registrable_statuses(self, status, words):
        [decision] = decide_domains(['x.nl'], [], [{'domain': 'x.nl', 'available': False, 'status': status}])
        assert decision.action == ACTION_FAIL
        assert words in decision.reason
        assert decision.whois_status == status

    def test_missing_whois_fails_safe(self):
        [decision] = decide_domains(['x.nl'], [], [])
        assert decision.action == ACTION_FAIL
        assert 'no answer' in decision.reason

    @pytest.mark.parametrize('whois', [
        {'domain': 'x.nl', 'available': False, 'status': 'free'},
        {'domain': 'x.nl', 'available': True, 'status': 'active'},
        {'domain': 'x.nl', 'available': True, 'status': 'something-new'},
        {'domain': 'x.nl', 'status': 'free'},
    ])
    def test_inconsistent_or_unknown_whois_never_registers(self, whois):
        [decision] = decide_domains(['x.nl'], [], [whois])
        assert decision.action == ACTION_FAIL

    def test_order_follows_the_request(self):
        decisions = decide_domains(['c.nl', 'a.nl', 'b.nl'], [zone('a.nl')], [free('b.nl'), taken('c.nl')])
        assert [(d.domain, d.action) for d in decisions] == [
            ('c.nl', ACTION_FAIL), ('a.nl', ACTION_ALREADY_PRESENT), ('b.nl', ACTION_REGISTER)]

    def test_whois_results_as_dict(self):
        [decision] = decide_domains(['b.nl'], [], {'b.nl': free('b.nl')})
        assert decision.action == ACTION_REGISTER

    def test_ours_with_other_nameservers_warns(self):
        whois = taken('ours.nl', registrar='MijnPartnerGroep', nameservers=['ns1.provider.nl', 'ns2.provider.nl'])
        [decision] = decide_domains(['ours.nl'], [zone('ours.nl')], [whois],
                                    nameservers=['ns1.example.net', 'ns2.example.net'])
        assert decision.action == ACTION_ALREADY_PRESENT
        assert len(decision.warnings) == 1
        assert 'no operation to change' in decision.warnings[0]
        assert 'ns1.provider.nl' in decision.warnings[0]

    def test_ours_with_same_nameservers_in_other_spelling_no_warning(self):
        whois = taken('ours.nl', nameservers=['NS2.example.net.', 'ns1.example.net'])
        [decision] = decide_domains(['ours.nl'], [zone('ours.nl')], [whois],
                                    nameservers=['ns1.example.net', 'ns2.example.net'])
        assert decision.warnings == []

    def test_pending_without_whois_nameservers_not_compared(self):
        [decision] = decide_domains(['ours.nl'], [zone('ours.nl', 'pending')], [free('ours.nl')],
                                    nameservers=['ns1.example.net', 'ns2.example.net'])
        assert decision.action == ACTION_ALREADY_PRESENT
        assert decision.warnings == []

    def test_no_comparison_when_task_gives_no_nameservers(self):
        [decision] = decide_domains(['ours.nl'], [zone('ours.nl')], [taken('ours.nl')])
        assert decision.warnings == []


def test_domains_needing_whois():
    owned = account_domains([zone('a.nl')])
    assert domains_needing_whois(['a.nl', 'b.nl'], owned) == ['b.nl']
    assert domains_needing_whois(['a.nl'], owned) == []
    # With name servers in the task, our own domains are looked up too (to compare them).
    assert domains_needing_whois(['a.nl', 'b.nl'], owned, ['ns1.x.nl', 'ns2.x.nl']) == ['a.nl', 'b.nl']


def test_account_domains_tolerates_odd_entries():
    assert account_domains([zone('A.nl'), 'junk', {'status': 'active'}, zone(IDN_UNICODE, 'pending')]) == {
        'a.nl': 'active', IDN_ASCII: 'pending'}
    assert account_domains(None) == {}


# ----------------------------------------------------------------- request body and diff


def test_registration_fields():
    assert registration_fields('a.nl', 7, 1) == {'domain': 'a.nl', 'domainholder_id': 7, 'period': 1}
    assert registration_fields('a.nl', 7, 2, ['ns1.x.nl', 'ns2.x.nl']) == {
        'domain': 'a.nl', 'domainholder_id': 7, 'period': 2, 'nameservers': ['ns1.x.nl', 'ns2.x.nl']}


def test_registration_diff_absent_to_registration():
    diff = registration_diff([('a.nl', registration_fields('a.nl', 7, 1))])
    assert diff['before'] == {'a.nl': {'state': 'absent'}}
    assert diff['after'] == {'a.nl': {'state': 'present', 'domainholder_id': 7, 'period': 1,
                                      'nameservers': 'provider defaults'}}
    assert diff['before_header'] == diff['after_header'] == 'a.nl'


def test_registration_diff_idn_and_unresolved_holder():
    diff = registration_diff([(IDN_ASCII, registration_fields(IDN_ASCII, None, 1, ['ns1.x.nl', 'ns2.x.nl'])),
                              ('b.nl', registration_fields('b.nl', None, 2))], holder_email='a@example.nl')
    assert sorted(diff['before']) == sorted(diff['after']) == sorted([IDN_ASCII, 'b.nl'])
    assert diff['after'][IDN_ASCII]['domainholder_email'] == 'a@example.nl'
    assert diff['after'][IDN_ASCII]['nameservers'] == ['ns1.x.nl', 'ns2.x.nl']
    assert diff['after']['b.nl']['period'] == 2
    assert diff['after_header'] == u'%s (%s), b.nl' % (IDN_UNICODE, IDN_ASCII)


def test_registration_diff_of_nothing_is_empty():
    assert registration_diff([]) == {'before': {}, 'after': {}}


def test_chunks_of_fifty():
    parts = chunks(['d%d.nl' % i for i in range(60)])
    assert [len(p) for p in parts] == [50, 10]
    assert parts[1][0] == 'd50.nl'
    assert chunks([]) == []
    assert [len(p) for p in chunks(range(100))] == [50, 50]


# ----------------------------------------------------------------- call outcomes


class TestBulkResponse(object):
    def test_success_and_error(self):
        outcomes = outcomes_from_bulk_response(['a.nl', 'b.nl'], [
            {'domain': 'a.nl', 'status': 'success', 'data': {'domain': 'a.nl', 'status': 'pending'}},
            {'domain': 'b.nl', 'status': 'error', 'message': 'domain not available'},
        ])
        assert outcomes['a.nl'].kind == REGISTERED
        assert outcomes['a.nl'].registration == {'domain': 'a.nl', 'status': 'pending'}
        assert outcomes['b.nl'].kind == FAILED
        assert 'domain not available' in outcomes['b.nl'].reason
        assert outcomes['b.nl'].reason.startswith('b.nl')

    def test_missing_or_unknown_entries_are_unclear(self):
        outcomes = outcomes_from_bulk_response(['a.nl', 'b.nl', 'c.nl'], [
            {'domain': 'a.nl', 'status': 'weird'}, 'junk', {'domain': 'zzz.nl', 'status': 'success'}])
        assert outcomes['a.nl'].kind is None
        assert outcomes['b.nl'].kind is None
        assert outcomes['c.nl'].kind is None
        assert set(outcomes) == {'a.nl', 'b.nl', 'c.nl'}

    def test_answer_in_unicode_matches(self):
        outcomes = outcomes_from_bulk_response([IDN_ASCII], [{'domain': IDN_UNICODE, 'status': 'success'}])
        assert outcomes[IDN_ASCII].kind == REGISTERED


def test_single_response():
    assert outcome_from_single_response('a.nl', {'domain': 'a.nl', 'status': 'pending'}).kind == REGISTERED
    assert outcome_from_single_response('a.nl', None).kind is None


class TestCallErrors(object):
    @pytest.mark.parametrize('exc,expected', [
        (FakeApiError('t', status=None, may_have_acted=True), True),
        (FakeApiError('500', status=500, may_have_acted=True), True),
        (FakeApiError('refused', status=None, may_have_acted=False), False),
        (FakeApiError('402', status=402, may_have_acted=False), False),
        (ErrorWithoutMayHaveActed(status=None, timed_out=True), True),
        (ErrorWithoutMayHaveActed(status=None, timed_out=False), False),
        (ErrorWithoutMayHaveActed(status=503), True),
        (ErrorWithoutMayHaveActed(status=422), False),
    ])
    def test_may_have_acted(self, exc, expected):
        assert call_error_may_have_acted(exc) is expected

    def test_402_mentions_direct_debit(self):
        outcomes = outcomes_after_call_error(['a.nl', 'b.nl'], FakeApiError(
            'Register failed: HTTP 402', status=402, api_message='Direct debit required', may_have_acted=False))
        assert all(o.kind == FAILED for o in outcomes.values())
        assert 'direct debit' in outcomes['a.nl'].reason
        assert 'Direct debit required' in outcomes['a.nl'].reason
        assert outcomes['b.nl'].reason.startswith('b.nl ')

    def test_422_gives_the_api_reason(self):
        outcomes = outcomes_after_call_error(['a.nl'], FakeApiError(
            'x', status=422, api_message='Domain not available', field_errors={'domain': ['is taken']},
            may_have_acted=False))
        assert 'Domain not available' in outcomes['a.nl'].reason
        assert 'domain: is taken' in outcomes['a.nl'].reason

    def test_404_points_at_the_holder(self):
        outcomes = outcomes_after_call_error(['a.nl'], FakeApiError('x', status=404, may_have_acted=False),
                                             holder_id=99)
        assert 'holder 99' in outcomes['a.nl'].reason

    def test_not_reached(self):
        outcomes = outcomes_after_call_error(['a.nl'], FakeApiError('cannot connect', status=None,
                                                                    may_have_acted=False))
        assert 'did not reach' in outcomes['a.nl'].reason

    def test_other_refusal_uses_the_error_text(self):
        outcomes = outcomes_after_call_error(['a.nl'], FakeApiError('Register failed: HTTP 403 quota',
                                                                    status=403, may_have_acted=False))
        assert 'HTTP 403 quota' in outcomes['a.nl'].reason

    def test_timeout_is_unclear_never_failed_outright(self):
        outcomes = outcomes_after_call_error(['a.nl', 'b.nl'], FakeApiError('no answer within 2 seconds',
                                                                            may_have_acted=True))
        assert [o.kind for o in outcomes.values()] == [None, None]
        assert 'no answer' in outcomes['a.nl'].reason


class TestRecovery(object):
    def test_found_after_timeout_counts_as_registered(self):
        outcomes = outcomes_after_reread({'a.nl': 'no answer within 2 seconds'}, [zone('a.nl', 'pending')])
        assert outcomes['a.nl'].kind == REGISTERED
        assert outcomes['a.nl'].registration == {'domain': 'a.nl', 'status': 'pending'}
        assert 'no answer within 2 seconds' in outcomes['a.nl'].reason

    def test_not_found_fails_and_is_not_resent(self):
        outcomes = outcomes_after_reread({'a.nl': 'HTTP 500'}, [zone('other.nl')])
        assert outcomes['a.nl'].kind == FAILED
        assert 'NOT sent again' in outcomes['a.nl'].reason
        assert 'HTTP 500' in outcomes['a.nl'].reason

    def test_mixed_bulk_recovery(self):
        unknown = dict(('d%d.nl' % i, 'timeout') for i in range(5))
        outcomes = outcomes_after_reread(unknown, [zone('d1.nl'), zone('d3.nl', 'pending')])
        assert sorted(n for n, o in outcomes.items() if o.kind == REGISTERED) == ['d1.nl', 'd3.nl']
        assert sorted(n for n, o in outcomes.items() if o.kind == FAILED) == ['d0.nl', 'd2.nl', 'd4.nl']

    def test_idn_found_in_unicode(self):
        outcomes = outcomes_after_reread({IDN_ASCII: 'timeout'}, [zone(IDN_UNICODE)])
        assert outcomes[IDN_ASCII].kind == REGISTERED

    def test_reread_failed(self):
        outcomes = outcomes_when_reread_fails({'a.nl': 'timeout'}, Exception('ListDomain failed: HTTP 503'))
        assert outcomes['a.nl'].kind == FAILED
        assert 'unknown whether' in outcomes['a.nl'].reason
        assert 'HTTP 503' in outcomes['a.nl'].reason

    def test_not_attempted(self):
        outcomes = outcomes_not_attempted(['x.nl'], 'HTTP 402')
        assert outcomes['x.nl'].kind == FAILED
        assert 'no registration request was sent' in outcomes['x.nl'].reason


# ----------------------------------------------------------------- results and summary


def test_result_from_decision():
    present, failed = decide_domains(['a.nl', 'b.nl'], [zone('a.nl', 'pending')], [taken('b.nl')])
    result = result_from_decision(present)
    assert result['outcome'] == ALREADY_PRESENT
    assert result['status'] == 'pending'
    assert result['reason'] is None
    result = result_from_decision(failed)
    assert result['outcome'] == FAILED
    assert result['whois_status'] == 'active'
    assert 'registered elsewhere' in result['reason']
    with pytest.raises(ValueError):
        result_from_decision(decide_domains(['c.nl'], [], [free('c.nl')])[0])


def test_result_from_outcome():
    outcome = CallOutcome(REGISTERED, registration={'domain': IDN_ASCII, 'status': 'pending'})
    result = result_from_outcome(IDN_ASCII, outcome, whois_status='free')
    assert result['outcome'] == REGISTERED
    assert result['status'] == 'pending'
    assert result['domain_unicode'] == IDN_UNICODE
    assert result['warnings'] == []
    recovered = outcomes_after_reread({'a.nl': 'timeout'}, [zone('a.nl', 'pending')])['a.nl']
    result = result_from_outcome('a.nl', recovered)
    assert result['outcome'] == REGISTERED
    assert len(result['warnings']) == 1
    failed = result_from_outcome('a.nl', CallOutcome(FAILED, reason='a.nl was not registered: x'))
    assert failed['outcome'] == FAILED
    assert failed['reason'] == 'a.nl was not registered: x'


def test_summarize_results():
    results = [
        reg.new_result('a.nl', REGISTERED),
        reg.new_result('b.nl', ALREADY_PRESENT),
        reg.new_result('c.nl', FAILED, reason='c.nl is registered elsewhere'),
        reg.new_result('d.nl', REGISTERED),
    ]
    summary = summarize_results(results)
    assert summary['registered'] == ['a.nl', 'd.nl']
    assert summary['already_present'] == ['b.nl']
    assert summary['failed'] == [{'domain': 'c.nl', 'reason': 'c.nl is registered elsewhere'}]
    assert summary['changed'] is True
    assert summary['msg'].startswith('1 of 4 domains could not be registered')
    assert 'c.nl is registered elsewhere' in summary['msg']


def test_summarize_unchanged():
    summary = summarize_results([reg.new_result('b.nl', ALREADY_PRESENT)])
    assert summary['changed'] is False
    assert summary['failed'] == []
    assert summary['msg'] == '1 already present'
    assert summarize_results([])['msg'] == 'nothing to do'


def test_summarize_single_failure_is_the_reason():
    summary = summarize_results([reg.new_result('c.nl', FAILED, reason='c.nl is registered elsewhere')])
    assert summary['msg'] == 'c.nl is registered elsewhere'


def test_whois_in_request_order():
    answer = [free('a.nl'), {'available': True, 'status': 'free'}, free('wrong.nl'), free(IDN_UNICODE)]
    result = whois_in_request_order(['a.nl', 'b.nl', 'c.nl', IDN_ASCII], answer)
    assert sorted(result) == ['a.nl', 'b.nl', IDN_ASCII]
    # c.nl got an answer for another domain: it is decided as "no WHOIS answer", never registered.
    decisions = decide_domains(['c.nl'], [], result)
    assert decisions[0].action == ACTION_FAIL
    assert whois_in_request_order(['a.nl'], None) == {}


def test_summary_groups_one_reason_for_many_domains():
    refusal = outcomes_after_call_error(['d%d.nl' % i for i in range(50)], FakeApiError(
        'x', status=402, may_have_acted=False))
    results = [result_from_outcome(name, outcome) for name, outcome in sorted(refusal.items())]
    results.append(reg.new_result('taken.nl', FAILED, reason='taken.nl is registered elsewhere'))
    summary = summarize_results(results)
    assert summary['msg'].count('refused payment') == 1
    assert '50 domains (d0.nl, d1.nl, d10.nl and 47 more): was not registered' in summary['msg']
    assert summary['msg'].endswith(' | taken.nl is registered elsewhere')
    assert len(summary['failed']) == 51


def test_check_mode_summary_says_nothing_was_sent():
    results = [{'domain': 'a.nl', 'outcome': 'registered', 'reason': None},
               {'domain': 'taken.nl', 'outcome': 'failed', 'reason': 'taken.nl is registered elsewhere'}]
    summary = summarize_results(results, check_mode=True)
    assert summary['msg'].startswith('check mode, nothing sent: 1 of 2 domains could not be registered '
                                     '(1 would be registered, 1 failed): taken.nl is registered elsewhere')
    assert summarize_results(results)['msg'].startswith('1 of 2 domains could not be registered (1 registered')
