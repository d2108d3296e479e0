# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import unicodedata

import pytest

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    CALLING_CODES,
    COUNTRY_CODES,
    HOLDER_WRITABLE_FIELDS,
    HolderAmbiguousError,
    HolderError,
    HolderInputError,
    HolderNotFoundError,
    apply_plan_locally,
    email_key,
    field_equal,
    find_holder_by_email,
    find_holder_by_id,
    missing_required_fields,
    normalize_country_code,
    normalize_email,
    normalize_field,
    normalize_holder_id,
    normalize_holder_input,
    normalize_phone,
    normalize_text,
    phone_key,
    plan_holder_changes,
    resolve_holder_id,
    same_email,
    search_holders_by_email,
    select_holders_by_email,
    split_phone,
)


JAN = {
    'id': 7, 'company_name': None, 'first_name': 'Jan', 'last_name': 'Jansen', 'email': 'jan@example.nl',
    'phone': '+31.205550100', 'street': 'Voorbeeldstraat', 'house_number': '1', 'house_number_suffix': 'a',
    'postal_code': '1234 AB', 'city': 'Amsterdam', 'country_code': 'NL',
}


def desired_jan(**overrides):
    params = dict((k, v) for k, v in JAN.items() if k != 'id')
    params.update(overrides)
    return normalize_holder_input(params)


# --------------------------------------------------------------- field names

def test_writable_fields_are_the_contract_fields_without_id():
    assert HOLDER_WRITABLE_FIELDS == tuple(f for f in api.HOLDER_FIELDS if f != 'id')
    assert set(api.HOLDER_REQUIRED_FIELDS) | set(api.HOLDER_OPTIONAL_FIELDS) == set(HOLDER_WRITABLE_FIELDS)


def test_named_field_constants_match_the_field_table():
    named = [api.HOLDER_ID, api.HOLDER_COMPANY_NAME, api.HOLDER_FIRST_NAME, api.HOLDER_LAST_NAME, api.HOLDER_EMAIL,
             api.HOLDER_PHONE, api.HOLDER_STREET, api.HOLDER_HOUSE_NUMBER, api.HOLDER_HOUSE_NUMBER_SUFFIX,
             api.HOLDER_POSTAL_CODE, api.HOLDER_CITY, api.HOLDER_COUNTRY_CODE]
    assert tuple(named) == api.HOLDER_FIELDS


# --------------------------------------------------------------------- phone

@pytest.mark.parametrize('given', [
    '+31 20 555 0100',
    '+31 (0)20 5550100',
    '+31 (0) 20 555 01 00',
    '+31(0)205550100',
    '0031-20-5550100',
    '0031 20 555 0100',
    '+31.205550100',
    '+31-20-555-0100',
    '+31 20/555 0100',
    '  +31 20 555 0100  ',
    u'+31\u00a020\u00a0555\u00a00100',          # no-break spaces
    u'+31\u201120\u2013555\u20140100',           # Unicode hyphens and dashes
    u'\uff0b\uff13\uff11 \uff12\uff10 555 0100',  # full-width plus and digits
    '+(31) 20 555 0100',
    '+3120 5550100',
])
def test_phone_notations_normalise_to_registry_form(given):
    assert normalize_phone(given) == '+31.205550100'


@pytest.mark.parametrize('given, expected', [
    ('+1 684 555 0100', '+1.6845550100'),          # American Samoa: NANP, country code 1
    ('+1 (212) 555-0100', '+1.2125550100'),        # brackets around an area code are only grouping
    ('+1-212-555-0100', '+1.2125550100'),
    ('+358 40 123 4567', '+358.401234567'),        # three-digit code
    ('+358 (0)40 123 4567', '+358.401234567'),
    ('+44 (0)20 7946 0000', '+44.2079460000'),
    ('+32 2 555 01 00', '+32.25550100'),
    ('+49 30 1234567', '+49.301234567'),
    ('+7 495 123 45 67', '+7.4951234567'),         # one-digit code other than 1
    ('+39 06 1234 5678', '+39.0612345678'),        # Italy keeps the leading 0 (not in brackets)
    ('+683 4002', '+683.4002'),                    # Niue: four-digit national numbers
    ('+599 9 123 4567', '+599.91234567'),          # Curacao
    ('+297 555 1234', '+297.5551234'),             # Aruba
    ('+383 44 123 456', '+383.44123456'),          # Kosovo
    ('+882 1234 5678', '+882.12345678'),           # international networks
    ('+86 10 1234 5678', '+86.1012345678'),
    ('+31.612345678', '+31.612345678'),
    ('+316 12345678', '+31.612345678'),            # separators do not decide the split; the table does
    ('+1 800 555 0199 ', '+1.8005550199'),
    ('+123456789012345', '+1.23456789012345'),     # exactly 15 digits
])
def test_phone_country_codes(given, expected):
    assert normalize_phone(given) == expected


def test_split_phone():
    assert split_phone('+358 40 1234567') == ('358', '401234567')
    assert split_phone('+1 684 555 0100') == ('1', '6845550100')


@pytest.mark.parametrize('given, message', [
    ('020 555 0100', 'no international prefix'),
    ('0205550100', 'no international prefix'),
    ('205550100', 'no international prefix'),
    ('31205550100', 'no international prefix'),
    ('', 'empty'),
    ('   ', 'empty'),
    ('+', 'no digits'),
    ('+ ()', 'empty brackets'),
    ('+0 20 555 0100', 'country calling code'),
    ('+000', 'country calling code'),
    ('+999 123 4567', 'country calling code'),       # reserved
    ('+684 555 0100', 'country calling code'),       # spare since American Samoa moved to +1 684
    ('+259 1234 5678', 'country calling code'),      # spare
    ('+31 20 555 0100 ext 12', 'extensions'),
    ('+31 20 555 0100 x12', 'extensions'),
    ('+31 20 555 0100 #12', 'extensions'),
    ('+1 800 FLOWERS', 'letters'),
    ('+31 20 555 0100 +1', 'not at the start'),
    ('+31 20 555 0100*', "'*'"),
    ('+31 20 (555 0100', 'without ")"'),
    ('+31 20 555) 0100', 'without "("'),
    ('+31 ((0)) 20 555 0100', 'nested'),
    ('+31 20 (0)555 0100', 'may only follow the country calling code'),
    ('+1234567890123456', 'at most 15'),
    ('+31 20 555 0100 1234 567', 'at most 15'),
    ('+31 123', 'too short'),
    ('+1', 'too short'),
    (u'+31 \u0662\u0660 555 0100', "only digits"),   # Arabic-Indic digits are not accepted
])
def test_phone_errors(given, message):
    with pytest.raises(HolderInputError) as exc:
        normalize_phone(given)
    assert message in str(exc.value)
    assert str(exc.value).startswith('phone')
    assert exc.value.fields == ['phone']


def test_phone_error_names_the_option_given():
    with pytest.raises(HolderInputError, match='^fax '):
        normalize_phone('0205550100', field='fax')


def test_phone_must_be_text():
    with pytest.raises(HolderInputError, match='must be a string'):
        normalize_phone(['+31'])
    with pytest.raises(HolderInputError, match='must be a string'):
        normalize_phone(True)


def test_phone_from_an_integer_has_no_prefix():
    # YAML turns an unquoted 0031... into a number; the message tells to quote it.
    with pytest.raises(HolderInputError, match='quote the number'):
        normalize_phone(31205550100)


def test_phone_key_tolerates_unparsable_current_values():
    assert phone_key(None) is None
    assert phone_key(' 020-5550100 ') == '020-5550100'
    assert phone_key('+31 20 555 0100') == '+31.205550100'


def test_calling_code_table():
    codes = CALLING_CODES
    assert {'1', '7', '31', '32', '44', '49', '358', '599', '383', '882'} <= codes
    assert not {'0', '210', '259', '379', '384', '671', '684', '969', '997', '999'} & codes
    assert all(c.isdigit() and 1 <= len(c) <= 3 and not c.startswith('0') for c in codes)
    # Prefix-free: no code is the start of another, so the split is unique.
    for code in codes:
        for other in codes:
            assert code == other or not other.startswith(code)


def test_calling_code_table_matches_libphonenumber():
    phonenumbers_data = pytest.importorskip('phonenumbers.data')
    known = set(str(c) for c in phonenumbers_data._COUNTRY_CODE_TO_REGION_CODE)
    assert CALLING_CODES == known


# ------------------------------------------------------------------- country

@pytest.mark.parametrize('given, expected', [
    ('NL', 'NL'), ('nl', 'NL'), (' Nl ', 'NL'), ('gb', 'GB'), ('AX', 'AX'), ('ss', 'SS'), ('bq', 'BQ'),
])
def test_country_codes(given, expected):
    assert normalize_country_code(given) == expected


@pytest.mark.parametrize('given, message', [
    ('UK', 'did you mean GB'),
    ('uk', 'did you mean GB'),
    ('EL', 'did you mean GR'),
    ('NLD', 'alpha-3'),
    ('XK', 'not an assigned'),     # user-assigned (Kosovo), not ISO 3166-1
    ('EU', 'not an assigned'),
    ('AN', 'not an assigned'),     # withdrawn (Netherlands Antilles)
    ('N', 'not an assigned'),
    ('', 'not an assigned'),
    ('1A', 'not an assigned'),
    ('Nederland', 'not an assigned'),
])
def test_country_code_errors(given, message):
    with pytest.raises(HolderInputError) as exc:
        normalize_country_code(given)
    assert message in str(exc.value)
    assert str(exc.value).startswith('country_code')


def test_country_code_table_is_complete():
    assert len(COUNTRY_CODES) == 249
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in COUNTRY_CODES)


def test_country_code_table_matches_pycountry():
    pycountry = pytest.importorskip('pycountry')
    assert COUNTRY_CODES == set(c.alpha_2 for c in pycountry.countries)


# --------------------------------------------------------------------- email

@pytest.mark.parametrize('given, expected', [
    ('jan@example.nl', 'jan@example.nl'),
    ('  jan@example.nl ', 'jan@example.nl'),
    ('Jan.Jansen@Example.NL', 'Jan.Jansen@example.nl'),          # local part kept, domain lower-cased
    (u'jan@B\u00fccher.nl', 'jan@xn--bcher-kva.nl'),              # IDN domain -> punycode
    ('jan@xn--bcher-kva.nl', 'jan@xn--bcher-kva.nl'),
    ('jan+domains@sub.example.co.uk', 'jan+domains@sub.example.co.uk'),
    ("o'brien@example.ie", "o'brien@example.ie"),
    ('a.b-c_d@example.nl', 'a.b-c_d@example.nl'),
    ('x' * 64 + '@example.nl', 'x' * 64 + '@example.nl'),
])
def test_email_normalisation(given, expected):
    assert normalize_email(given) == expected


@pytest.mark.parametrize('given, message', [
    ('', 'empty'),
    ('jan', 'no "@"'),
    ('jan.example.nl', 'no "@"'),
    ('@example.nl', 'nothing before'),
    ('jan@', 'nothing after'),
    ('jan@@example.nl', 'more than one "@"'),
    ('a@b@example.nl', 'more than one "@"'),
    ('"jan jansen"@example.nl', 'white space'),
    ('"jan"@example.nl', 'quoted'),
    ('jan jansen@example.nl', 'white space'),
    ('jan@exa mple.nl', 'white space'),
    ('.jan@example.nl', 'dot'),
    ('jan.@example.nl', 'dot'),
    ('jan..jansen@example.nl', 'dot'),
    ('jan(x)@example.nl', "'('"),
    ('jan,x@example.nl', "','"),
    (u'j\u00e1n@example.nl', 'must be ASCII'),
    ('x' * 65 + '@example.nl', 'at most 64'),
    ('jan@localhost', 'not a valid domain name'),
    ('jan@example', 'not a valid domain name'),
    ('jan@-example.nl', 'not a valid domain name'),
    ('jan@exa_mple.nl', 'not a valid domain name'),
    ('jan@example..nl', 'not a valid domain name'),
    ('jan@example.nl.', 'ends with a dot'),
    ('jan@[192.0.2.1]', 'address literals'),
    ('jan@' + 'a' * 63 + '.' + 'b' * 63 + '.' + 'c' * 63 + '.' + 'd' * 58 + '.nl', 'at most 254'),
])
def test_email_errors(given, message):
    with pytest.raises(HolderInputError) as exc:
        normalize_email(given)
    assert message in str(exc.value)
    assert str(exc.value).startswith('email')
    assert exc.value.fields == ['email']


def test_email_comparison_is_case_insensitive_for_the_whole_address():
    assert same_email('Jan@Example.NL', 'jan@example.nl')
    assert same_email(' JAN@EXAMPLE.NL', 'jan@example.nl ')
    assert same_email(u'jan@B\u00fccher.nl', 'jan@xn--bcher-kva.nl')
    assert not same_email('jan@example.nl', 'piet@example.nl')
    assert not same_email('jan@example.nl', 'jan@example.be')
    assert email_key(None) is None
    # Legacy (invalid) stored values still compare, case-insensitively.
    assert same_email('Not An Address', 'not an address')


# ----------------------------------------------------------------- free text

def test_text_trimmed_and_kept_as_given():
    assert normalize_text('  Voorbeeldstraat \t', 'street') == 'Voorbeeldstraat'
    decomposed = u'Jose\u0301'   # e + combining acute
    assert normalize_text(decomposed, 'first_name') == decomposed   # not re-composed on the wire
    assert normalize_text(u'\u0141\u00f3d\u017a', 'city') == u'\u0141\u00f3d\u017a'   # never transliterated
    assert normalize_text(u'\u5317\u4eac', 'city') == u'\u5317\u4eac'


@pytest.mark.parametrize('given', ['Voorbeeld\nstraat', 'a\tb', u'a\u0000b', u'a\u2028b', u'a\u0085b'])
def test_text_control_characters_refused(given):
    with pytest.raises(HolderInputError, match='^street must not contain control characters'):
        normalize_text(given, 'street')


def test_text_length_limits():
    assert normalize_text('x' * 255, 'street') == 'x' * 255
    with pytest.raises(HolderInputError, match='at most 255'):
        normalize_text('x' * 256, 'street')
    with pytest.raises(HolderInputError, match='postal_code is 17 characters long; at most 16'):
        normalize_field('postal_code', 'x' * 17)
    # Length counts composed characters.
    assert normalize_text(u'e\u0301' * 255, 'city') == u'e\u0301' * 255


def test_house_number_may_be_an_integer():
    assert normalize_field('house_number', 12) == '12'


def test_required_text_cannot_be_empty():
    with pytest.raises(HolderInputError, match='^city must not be empty'):
        normalize_field('city', '   ')


def test_optional_text_empty_means_none():
    assert normalize_field('company_name', '') is None
    assert normalize_field('house_number_suffix', '  ') is None
    assert normalize_field('company_name', None) is None


@pytest.mark.parametrize('field, current, desired', [
    ('first_name', u'Jos\u00e9', u'Jose\u0301'),        # NFC vs NFD
    ('city', 'Amsterdam', '  Amsterdam '),
    ('country_code', 'NL', 'nl'),
    ('email', 'Jan@Example.nl', 'jan@example.NL'),
    ('phone', '+31.205550100', '+31 (0)20 555 0100'),
    ('phone', '+31 20 5550100', '+31.205550100'),          # server kept another notation
    ('company_name', None, ''),
    ('company_name', '', None),
    ('house_number_suffix', None, '  '),
    ('house_number', 1, '1'),
    ('id', 7, '7'),
])
def test_equivalent_spellings_compare_equal(field, current, desired):
    assert field_equal(field, current, desired)


@pytest.mark.parametrize('field, current, desired', [
    ('last_name', 'jansen', 'Jansen'),                  # case matters in names
    ('city', u'M\u00fcnchen', 'Munchen'),                # no transliteration
    ('street', 'Voorbeeldstraat', 'Voorbeeld straat'),
    ('postal_code', '1234 AB', '1234AB'),
    ('phone', '+31.205550100', '+32.205550100'),
    ('company_name', None, 'Jansen BV'),
    ('email', 'jan@example.nl', 'jan@example.be'),
])
def test_different_values_compare_different(field, current, desired):
    assert not field_equal(field, current, desired)


# -------------------------------------------------------------- whole holder

def test_normalize_holder_input_takes_only_given_fields():
    result = normalize_holder_input({'email': ' Jan@Example.NL ', 'phone': '0031 20 555 0100', 'country_code': 'nl',
                                     'city': None, 'id': 3, 'state': 'present'})
    assert result == {'email': 'Jan@example.nl', 'phone': '+31.205550100', 'country_code': 'NL'}


def test_normalize_holder_input_keeps_an_explicit_clear():
    assert normalize_holder_input({'company_name': ''}) == {'company_name': None}


def test_normalize_holder_input_reports_every_problem_at_once():
    with pytest.raises(HolderInputError) as exc:
        normalize_holder_input({'email': 'nope', 'phone': '020 555 0100', 'country_code': 'XX', 'city': 'Utrecht'})
    message = str(exc.value)
    assert 'email' in message and 'phone' in message and 'country_code' in message
    assert exc.value.fields == ['email', 'phone', 'country_code']


def test_missing_required_fields_in_contract_order():
    assert missing_required_fields({'email': 'a@b.nl'}) == [
        'first_name', 'last_name', 'phone', 'street', 'house_number', 'postal_code', 'city', 'country_code']
    assert missing_required_fields(desired_jan()) == []
    assert missing_required_fields(desired_jan(company_name=None, house_number_suffix=None)) == []


# ------------------------------------------------------------------ planning

def test_plan_create_from_nothing():
    plan = plan_holder_changes(None, desired_jan(company_name='', phone='+31 (0)20 555 0100', country_code='nl'))
    assert plan.action == 'create' and plan.changed
    expected = dict((k, v) for k, v in JAN.items() if k not in ('id', 'company_name'))
    assert plan.body == expected
    assert plan.diff == {'before': {}, 'after': expected}


def test_plan_create_names_the_missing_required_fields():
    with pytest.raises(HolderInputError) as exc:
        plan_holder_changes(None, normalize_holder_input({'email': 'jan@example.nl', 'first_name': 'Jan',
                                                          'city': 'Utrecht'}))
    assert 'missing: last_name, phone, street, house_number, postal_code, country_code' in str(exc.value)
    assert exc.value.fields == ['last_name', 'phone', 'street', 'house_number', 'postal_code', 'country_code']


def test_plan_unchanged_with_equivalent_spellings():
    desired = desired_jan(email='JAN@example.NL', phone='0031-20-5550100', country_code='nl', city=' Amsterdam ')
    plan = plan_holder_changes(dict(JAN), desired)
    assert plan.action == 'none' and not plan.changed
    assert plan.body is None
    assert plan.diff == {'before': {}, 'after': {}}


def test_plan_update_only_the_changed_field():
    plan = plan_holder_changes(dict(JAN), desired_jan(city='Rotterdam'))
    assert plan.action == 'update'
    assert plan.body == {'city': 'Rotterdam'}
    assert plan.diff == {'before': {'city': 'Amsterdam'}, 'after': {'city': 'Rotterdam'}}


def test_plan_update_leaves_fields_the_task_does_not_give_alone():
    plan = plan_holder_changes(dict(JAN), normalize_holder_input({'email': 'jan@example.nl', 'phone': '+32 2 555 0100'}))
    assert plan.body == {'phone': '+32.25550100'}
    assert plan.diff == {'before': {'phone': '+31.205550100'}, 'after': {'phone': '+32.25550100'}}


def test_plan_update_several_fields_and_unicode():
    plan = plan_holder_changes(dict(JAN), desired_jan(first_name=u'J\u00f3n', company_name=u'Jansen & Zo\u0308nen BV'))
    assert plan.body == {'company_name': u'Jansen & Zo\u0308nen BV', 'first_name': u'J\u00f3n'}
    assert plan.diff['before'] == {'company_name': None, 'first_name': 'Jan'}


def test_plan_update_clears_an_optional_field():
    plan = plan_holder_changes(dict(JAN), desired_jan(house_number_suffix=''))
    assert plan.body == {'house_number_suffix': None}
    assert plan.diff == {'before': {'house_number_suffix': 'a'}, 'after': {'house_number_suffix': None}}


def test_plan_update_of_a_legacy_phone_value():
    current = dict(JAN, phone='020-5550100')
    plan = plan_holder_changes(current, desired_jan())
    assert plan.body == {'phone': '+31.205550100'}


def test_plan_email_case_change_is_not_a_change():
    plan = plan_holder_changes(dict(JAN, email='Jan@Example.NL'), desired_jan(email='jan@example.nl'))
    assert not plan.changed


def test_plan_refuses_clearing_a_required_field():
    with pytest.raises(HolderInputError, match='city is required'):
        plan_holder_changes(dict(JAN), {'city': None})


def test_plan_refuses_unknown_fields():
    with pytest.raises(HolderInputError, match='unknown domain holder field'):
        plan_holder_changes(dict(JAN), {'id': 9})


def test_plan_delete_to_nothing():
    plan = plan_holder_changes(dict(JAN), None)
    assert plan.action == 'delete'
    assert plan.diff == {'before': JAN, 'after': {}}
    assert plan.body is None


def test_plan_nothing_to_nothing():
    plan = plan_holder_changes(None, None)
    assert plan.action == 'none' and not plan.changed
    assert plan.diff == {'before': {}, 'after': {}}


def test_plan_does_not_mutate_its_inputs():
    current = dict(JAN)
    desired = desired_jan(city='Rotterdam')
    snapshot = (dict(current), dict(desired))
    plan = plan_holder_changes(current, desired)
    plan.after['city'] = 'changed'
    assert (current, desired) == snapshot
    assert plan.body == {'city': 'Rotterdam'}


def test_apply_plan_locally():
    assert apply_plan_locally(dict(JAN), plan_holder_changes(dict(JAN), desired_jan(city='Delft')))['city'] == 'Delft'
    created = apply_plan_locally(None, plan_holder_changes(None, desired_jan()))
    assert 'id' not in created and created['email'] == 'jan@example.nl'
    assert apply_plan_locally(dict(JAN), plan_holder_changes(dict(JAN), None)) is None
    assert apply_plan_locally(dict(JAN), plan_holder_changes(dict(JAN), desired_jan())) == JAN


def test_plan_repr_is_readable():
    assert "HolderPlan('update'" in repr(plan_holder_changes(dict(JAN), desired_jan(city='Delft')))


# -------------------------------------------------------------------- ids

@pytest.mark.parametrize('given, expected', [(7, 7), ('7', 7), (' 12 ', 12)])
def test_holder_id(given, expected):
    assert normalize_holder_id(given) == expected


@pytest.mark.parametrize('given', [0, -1, 'abc', '', True, 1.5, None])
def test_holder_id_errors(given):
    with pytest.raises(HolderInputError, match='^id must be a positive integer'):
        normalize_holder_id(given)


# ------------------------------------------------------------ lookups (stub client)

class StubClient(object):
    """Answers search_holders like the API; records every call."""

    def __init__(self, holders):
        self.holders = holders
        self.calls = []

    def search_holders(self, holder_id=None, email=None):
        self.calls.append((holder_id, email))
        if holder_id is not None:
            return [h for h in self.holders if h['id'] == holder_id]
        return [h for h in self.holders if h['email'].lower() == email.lower()]


PIET = dict(JAN, id=8, first_name='Piet', email='piet@example.nl')
JAN2 = dict(JAN, id=9, email='JAN@example.nl')


def test_select_holders_by_email():
    assert select_holders_by_email([JAN, PIET, JAN2], 'Jan@Example.nl') == [JAN, JAN2]
    assert select_holders_by_email([], 'jan@example.nl') == []


def test_search_filters_loose_api_matches():
    client = StubClient([JAN, PIET])
    client.search_holders = lambda holder_id=None, email=None: [JAN, PIET]   # an API that matches too much
    assert search_holders_by_email(client, 'piet@example.nl') == [PIET]


def test_find_holder_by_email():
    client = StubClient([JAN, PIET])
    assert find_holder_by_email(client, ' Piet@Example.NL ') == PIET
    assert client.calls == [(None, 'Piet@example.nl')]
    assert find_holder_by_email(client, 'kees@example.nl') is None


def test_find_holder_by_email_ambiguous():
    client = StubClient([JAN, PIET, JAN2])
    with pytest.raises(HolderAmbiguousError) as exc:
        find_holder_by_email(client, 'jan@example.nl', id_option='domainholder_id')
    assert exc.value.ids == [7, 9]
    assert str(exc.value) == ('2 domain holders have email jan@example.nl (ids: 7, 9); nothing was changed. '
                              'Give the one you mean with domainholder_id.')


def test_find_holder_by_id():
    client = StubClient([JAN, PIET])
    assert find_holder_by_id(client, '8') == PIET
    assert find_holder_by_id(client, 99) is None
    assert client.calls == [(8, None), (99, None)]


def test_resolve_holder_id():
    client = StubClient([JAN, PIET, JAN2])
    assert resolve_holder_id(client, holder_id=8) == 8
    assert resolve_holder_id(client, email='piet@example.nl') == 8
    assert resolve_holder_id(client, holder_id=9, email='jan@example.nl') == 9


def test_resolve_holder_id_errors():
    client = StubClient([JAN, PIET, JAN2])
    with pytest.raises(HolderNotFoundError, match='domainholder_id 99 does not exist'):
        resolve_holder_id(client, holder_id=99, id_option='domainholder_id')
    with pytest.raises(HolderNotFoundError, match='no domain holder has email kees@example.nl'):
        resolve_holder_id(client, email='kees@example.nl')
    with pytest.raises(HolderAmbiguousError, match='Give the one you mean with id'):
        resolve_holder_id(client, email='jan@example.nl')
    with pytest.raises(HolderInputError, match='has email piet@example.nl, not jan@example.nl'):
        resolve_holder_id(client, holder_id=8, email='jan@example.nl')
    calls = len(client.calls)
    for kwargs, message in [({}, 'one of id or owner_email is required'),
                            ({'holder_id': 'x'}, 'id must be a positive integer'),
                            ({'email': 'nope'}, 'owner_email'),
                            ({'holder_id': 0, 'email': 'a@b.nl'}, 'id must be')]:
        with pytest.raises(HolderInputError, match=message):
            resolve_holder_id(client, email_option='owner_email', **kwargs)
    assert len(client.calls) == calls, 'bad input must fail before any request'


def test_all_holder_errors_share_a_base():
    for cls in (HolderInputError, HolderNotFoundError, HolderAmbiguousError):
        assert issubclass(cls, HolderError)
    assert issubclass(HolderInputError, ValueError)


def test_nfc_assumption():
    # The comparison relies on NFC composing these; guard against a surprise in unicodedata.
    assert unicodedata.normalize('NFC', u'Jose\u0301') == u'Jos\u00e9'
