# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain holders (registrant contacts): validation, normalisation, comparison, planning.

Everything above the "API helpers" section is pure (no I/O) and unit-tested
exhaustively. The rules, decided once for the whole collection:

``email``
    RFC 5322 dot-atom local part (ASCII; quoted local parts and SMTPUTF8
    local parts are refused: registries do not accept them), ``@``, a domain
    name with at least two labels (IDN allowed, sent in punycode form,
    lower-cased). At most 64 characters before the ``@``, 254 in all.
    Two addresses are the **same when they are equal ignoring case** -- the
    whole address, not only the domain part. RFC 5321 allows a case-sensitive
    local part, but no mail system in use treats ``Jan@`` and ``jan@`` as two
    mailboxes, and a holder is identified by its email: treating them as two
    would create duplicate holders. The local part is sent as given.

``country_code``
    ISO 3166-1 alpha-2, one of the 249 officially assigned codes, any case on
    input, upper case on the wire. ``UK`` and ``EL`` (exceptionally reserved,
    not assigned) are refused with a hint to ``GB`` / ``GR``.

``phone``
    Always international: a ``+`` or ``00`` prefix, then an ITU-T E.164
    country calling code from :data:`CALLING_CODES` (1 to 3 digits; the set is
    prefix-free, so the split is unambiguous), then the national number.
    Spaces, ``-``, ``.``, ``/`` and brackets are separators; a ``(0)`` right
    after the country code is the national trunk prefix and is dropped.
    NANP numbers are ``+1``: ``+1 684 ...`` (American Samoa) is country code 1
    with area code 684 -- 684 is not a country code of its own any more.
    Result: the registry form ``+CC.NUMBER``, e.g. ``+31.205550100``; at most
    15 digits in all (E.164), at least 4 after the country code.
    A number without an international prefix is refused rather than completed
    from ``country_code``: the holder's phone may be abroad, and turning a
    national number into an international one needs per-country trunk-prefix
    rules (``020`` -> ``20`` in the Netherlands, but ``06`` stays ``06`` in
    Italy). Guessing wrong corrupts a legal contact record silently; an error
    costs the user one edit. For the same reason a bare ``0`` after the
    country code (not in brackets) is kept as given. Extensions are refused.

other text fields
    Trimmed of surrounding white space; otherwise sent exactly as given
    (Unicode is never transliterated). Compared after Unicode NFC
    normalisation, so a decomposed ``e`` + combining acute equals ``é``.
    Case matters (``jansen`` -> ``Jansen`` is a change). Control characters
    (line breaks, tabs) are refused. At most 255 characters (16 for
    ``postal_code``), the EPP contact limits.
    The optional ``company_name`` and ``house_number_suffix`` may be given as
    an empty string, meaning "none": sent as ``null``, and equal to a stored
    ``null`` or empty string.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import unicodedata

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._endpoints import (
    HOLDER_FIELDS,
    HOLDER_REQUIRED_FIELDS,
    HOLDER_OPTIONAL_FIELDS,
    HOLDER_ID,
    HOLDER_EMAIL,
    HOLDER_PHONE,
    HOLDER_POSTAL_CODE,
    HOLDER_COUNTRY_CODE,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain,
)


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------

class HolderError(Exception):
    """Base class: str(exc) is a complete message for the user."""


class HolderInputError(HolderError, ValueError):
    """Invalid task input (detected before any request). ``.fields`` names the offending options."""

    def __init__(self, message, fields=None):
        super(HolderInputError, self).__init__(message)
        self.fields = list(fields or [])


class HolderNotFoundError(HolderError):
    """No domain holder with the given id (or email, where one is required)."""


class HolderAmbiguousError(HolderError):
    """Several domain holders share one email; ``.ids`` lists them."""

    def __init__(self, message, ids=None):
        super(HolderAmbiguousError, self).__init__(message)
        self.ids = list(ids or [])


# ---------------------------------------------------------------------------
# Reference tables
# ---------------------------------------------------------------------------

#: The 249 officially assigned ISO 3166-1 alpha-2 codes.
COUNTRY_CODES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW
""".split())

#: Codes people write that are not assigned ISO 3166-1 codes, and what they mean.
COUNTRY_CODE_HINTS = {
    'UK': 'GB',   # exceptionally reserved; the United Kingdom is GB
    'EL': 'GR',   # EU usage for Greece
}

#: ITU-T E.164 country calling codes in service (ITU-T Recommendation E.164
#: Annex, "List of ITU-T E.164 assigned country codes"). Prefix-free: no code
#: is the beginning of another, so the first 1-3 digits decide. Spare and
#: reserved codes (e.g. 210, 259, 379, 384, 671, 684, 969, 997) are absent.
CALLING_CODES = frozenset("""
1 7
20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49
51 52 53 54 55 56 57 58 60 61 62 63 64 65 66
81 82 84 86 90 91 92 93 94 95 98
211 212 213 216 218
220 221 222 223 224 225 226 227 228 229
230 231 232 233 234 235 236 237 238 239
240 241 242 243 244 245 246 247 248 249
250 251 252 253 254 255 256 257 258
260 261 262 263 264 265 266 267 268 269
290 291 297 298 299
350 351 352 353 354 355 356 357 358 359
370 371 372 373 374 375 376 377 378 380 381 382 383 385 386 387 389
420 421 423
500 501 502 503 504 505 506 507 508 509
590 591 592 593 594 595 596 597 598 599
670 672 673 674 675 676 677 678 679
680 681 682 683 685 686 687 688 689 690 691 692
800 808 850 852 853 855 856 870 878 880 881 882 883 886 888
960 961 962 963 964 965 966 967 968 970 971 972 973 974 975 976 977 979
992 993 994 995 996 998
""".split())

E164_MAX_DIGITS = 15
PHONE_MIN_NATIONAL_DIGITS = 4
EMAIL_MAX_LENGTH = 254
EMAIL_LOCAL_MAX_LENGTH = 64
TEXT_MAX_LENGTH = 255
POSTAL_CODE_MAX_LENGTH = 16

#: Fields whose comparison ignores case (after normalisation).
CASE_INSENSITIVE_FIELDS = (HOLDER_EMAIL, HOLDER_COUNTRY_CODE)

#: The fields a task may set (every DomainHolder field except the id).
HOLDER_WRITABLE_FIELDS = tuple(f for f in HOLDER_FIELDS if f != HOLDER_ID)

_ATEXT_ATOM = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$")
_CONTROL = re.compile(u'[\u0000-\u001f\u007f-\u009f\u2028\u2029]')
_PHONE_DASHES = re.compile(u'[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d]')
_PHONE_SEPARATORS = ' -./'
_PHONE_EXTENSION = re.compile(r'(?i)(?:ext\.?|extension|x|#|;)\s*\d*\s*$')


def _describe(value):
    return repr(value) if not isinstance(value, str) else "'%s'" % value


# ---------------------------------------------------------------------------
# Single fields
# ---------------------------------------------------------------------------

def _as_text(value, field):
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise HolderInputError('%s must be a string, got %s' % (field, _describe(value)), [field])
    return str(value)


def nfc(value):
    """NFC-normalised form of a string (the comparison form of free text)."""
    return unicodedata.normalize('NFC', value)


def normalize_text(value, field, max_length=TEXT_MAX_LENGTH):
    """Trim; refuse control characters and over-long values. Returns the trimmed text as given."""
    text = _as_text(value, field).strip()
    bad = _CONTROL.search(text)
    if bad:
        raise HolderInputError('%s must not contain control characters such as line breaks or tabs '
                               '(found U+%04X in %s)' % (field, ord(bad.group(0)), _describe(value)), [field])
    if len(nfc(text)) > max_length:
        raise HolderInputError('%s is %d characters long; at most %d are allowed'
                               % (field, len(nfc(text)), max_length), [field])
    return text


def normalize_email(value, field=HOLDER_EMAIL):
    """Validate an email address; return it trimmed, with the domain in lower-case ASCII (punycode) form.

    ``Jan.Jansen@Bücher.NL`` -> ``Jan.Jansen@xn--bcher-kva.nl``.
    """
    text = _as_text(value, field).strip()
    shown = _describe(value)
    if not text:
        raise HolderInputError('%s is empty; give an address such as jan@example.nl' % field, [field])
    if re.search(r'\s', text) or _CONTROL.search(text):
        raise HolderInputError('%s %s contains white space; an email address cannot' % (field, shown), [field])
    if '@' not in text:
        raise HolderInputError('%s %s is not an email address: it has no "@"' % (field, shown), [field])
    local, _sep, domain = text.rpartition('@')
    if local.startswith('"') or '@' in local:
        raise HolderInputError('%s %s: quoted local parts and more than one "@" are not supported'
                               % (field, shown), [field])
    if not local:
        raise HolderInputError('%s %s has nothing before the "@"' % (field, shown), [field])
    if not local.isascii():
        raise HolderInputError('%s %s: the part before the "@" must be ASCII; registries do not accept '
                               'internationalised (SMTPUTF8) mailbox names' % (field, shown), [field])
    if len(local) > EMAIL_LOCAL_MAX_LENGTH:
        raise HolderInputError('%s %s: the part before the "@" is %d characters long; at most %d are allowed'
                               % (field, shown, len(local), EMAIL_LOCAL_MAX_LENGTH), [field])
    for atom in local.split('.'):
        if not atom:
            raise HolderInputError('%s %s: the part before the "@" has a leading, trailing or double dot'
                                   % (field, shown), [field])
        if not _ATEXT_ATOM.match(atom):
            bad = re.search(r"[^A-Za-z0-9!#$%&'*+/=?^_`{|}~-]", atom).group(0)
            raise HolderInputError('%s %s: %r is not allowed before the "@"' % (field, shown, bad), [field])
    if not domain:
        raise HolderInputError('%s %s has nothing after the "@"' % (field, shown), [field])
    if domain.startswith('['):
        raise HolderInputError('%s %s: address literals such as [192.0.2.1] are not accepted; '
                               'use a domain name' % (field, shown), [field])
    if domain.endswith('.'):
        raise HolderInputError('%s %s: the domain after the "@" ends with a dot' % (field, shown), [field])
    try:
        ascii_domain = to_ascii_domain(domain, what='email domain')
    except DomainNameError as exc:
        raise HolderInputError('%s %s: the part after the "@" is not a valid domain name: %s'
                               % (field, shown, exc), [field])
    result = '%s@%s' % (local, ascii_domain)
    if len(result) > EMAIL_MAX_LENGTH:
        raise HolderInputError('%s %s is %d characters long; at most %d are allowed'
                               % (field, shown, len(result), EMAIL_MAX_LENGTH), [field])
    return result


def email_key(value):
    """Comparison form of an email address: normalised, whole address lower-cased.

    Values that do not parse (e.g. legacy data from the API) compare by their
    trimmed, NFC-normalised, case-folded text.
    """
    if value is None:
        return None
    try:
        return normalize_email(value).lower()
    except HolderInputError:
        return nfc(str(value).strip()).casefold()


def same_email(one, other):
    """True when two addresses name the same mailbox under this collection's rules (case-insensitive)."""
    return email_key(one) == email_key(other)


def normalize_country_code(value, field=HOLDER_COUNTRY_CODE):
    """ISO 3166-1 alpha-2, any case -> upper case. ``' nl '`` -> ``NL``."""
    text = _as_text(value, field).strip()
    code = text.upper()
    if code in COUNTRY_CODES:
        return code
    if code in COUNTRY_CODE_HINTS:
        raise HolderInputError('%s %s is not an ISO 3166-1 alpha-2 country code; did you mean %s?'
                               % (field, _describe(value), COUNTRY_CODE_HINTS[code]), [field])
    if re.match(r'^[A-Za-z]{3}$', text):
        raise HolderInputError('%s %s looks like an alpha-3 code; give the two-letter ISO 3166-1 alpha-2 code '
                               '(such as NL, BE, DE)' % (field, _describe(value)), [field])
    raise HolderInputError('%s %s is not an assigned ISO 3166-1 alpha-2 country code (such as NL, BE, DE)'
                           % (field, _describe(value)), [field])


def split_phone(value, field=HOLDER_PHONE):
    """Parse a phone number; return ``(country_calling_code, national_number)`` as digit strings.

    Raises HolderInputError with the reason when the number cannot be normalised.
    """
    original = _as_text(value, field)
    shown = _describe(value)
    # NFKC turns full-width digits and plus signs into ASCII ones.
    text = unicodedata.normalize('NFKC', original).strip()
    text = _PHONE_DASHES.sub('-', text)
    text = re.sub(r'\s+', ' ', text)
    if not text:
        raise HolderInputError('%s is empty; give an international number such as +31 20 555 0100' % field,
                               [field])
    if re.search(r'[A-Za-z#;]', text):
        if _PHONE_EXTENSION.search(text):
            raise HolderInputError('%s %s: extensions are not supported; give the number without it'
                                   % (field, shown), [field])
        raise HolderInputError('%s %s contains letters; give digits only, such as +31 20 555 0100'
                               % (field, shown), [field])
    if text.startswith('+'):
        rest = text[1:]
    elif text.startswith('00'):
        rest = text[2:]
    else:
        raise HolderInputError('%s %s has no international prefix; write it with "+" and the country calling '
                               'code, such as +31 20 555 0100 instead of 020 555 0100 (a national number is not '
                               'completed from country_code: the phone may be in another country). '
                               'In YAML, quote the number.' % (field, shown), [field])
    digits = []
    trunk_positions = []
    depth_open = None
    group = []
    for char in rest:
        if char.isdigit() and char in '0123456789':
            (group if depth_open is not None else digits).append(char)
        elif char in _PHONE_SEPARATORS:
            continue
        elif char == '(':
            if depth_open is not None:
                raise HolderInputError('%s %s has nested brackets' % (field, shown), [field])
            depth_open = len(digits)
            group = []
        elif char == ')':
            if depth_open is None:
                raise HolderInputError('%s %s has a ")" without "("' % (field, shown), [field])
            if not group:
                raise HolderInputError('%s %s has empty brackets' % (field, shown), [field])
            if group == ['0']:
                trunk_positions.append(depth_open)
            else:
                digits.extend(group)
            depth_open = None
        elif char == '+':
            raise HolderInputError('%s %s has a "+" that is not at the start' % (field, shown), [field])
        else:
            raise HolderInputError('%s %s contains %r; only digits, "+", spaces, "-", ".", "/" and brackets '
                                   'are allowed' % (field, shown, char), [field])
    if depth_open is not None:
        raise HolderInputError('%s %s has a "(" without ")"' % (field, shown), [field])
    number = ''.join(digits)
    if not number:
        raise HolderInputError('%s %s has no digits after the international prefix' % (field, shown), [field])
    country = None
    for length in (1, 2, 3):
        if number[:length] in CALLING_CODES:
            country = number[:length]
            break
    if country is None:
        raise HolderInputError('%s %s does not start with an assigned ITU country calling code after the "+" or '
                               '"00" (such as 31 for the Netherlands, 32 for Belgium, 1 for North America)'
                               % (field, shown), [field])
    for position in trunk_positions:
        if position != len(country):
            raise HolderInputError('%s %s: "(0)" (the national trunk prefix) may only follow the country calling '
                                   'code +%s directly' % (field, shown, country), [field])
    national = number[len(country):]
    if len(number) > E164_MAX_DIGITS:
        raise HolderInputError('%s %s has %d digits; an international number (E.164) has at most %d, '
                               'country calling code included' % (field, shown, len(number), E164_MAX_DIGITS),
                               [field])
    if len(national) < PHONE_MIN_NATIONAL_DIGITS:
        raise HolderInputError('%s %s is too short: %d digit(s) after the country calling code +%s'
                               % (field, shown, len(national), country), [field])
    return country, national


def normalize_phone(value, field=HOLDER_PHONE):
    """Any usual notation -> registry form. ``'+31 (0)20 555 0100'`` -> ``'+31.205550100'``."""
    country, national = split_phone(value, field)
    return '+%s.%s' % (country, national)


def phone_key(value):
    """Comparison form of a phone number; unparsable (legacy) values compare by their bare text."""
    if value is None:
        return None
    try:
        return normalize_phone(value)
    except HolderInputError:
        return nfc(str(value).strip())


# ---------------------------------------------------------------------------
# Whole holders
# ---------------------------------------------------------------------------

def normalize_field(field, value):
    """Validate and normalise one writable field; ``None`` means "not given" and stays ``None``.

    For optional fields an empty string (after trimming) also becomes ``None`` ("no value").
    """
    if value is None:
        return None
    if field == HOLDER_EMAIL:
        return normalize_email(value, field)
    if field == HOLDER_PHONE:
        return normalize_phone(value, field)
    if field == HOLDER_COUNTRY_CODE:
        return normalize_country_code(value, field)
    max_length = POSTAL_CODE_MAX_LENGTH if field == HOLDER_POSTAL_CODE else TEXT_MAX_LENGTH
    text = normalize_text(value, field, max_length)
    if not text:
        if field in HOLDER_OPTIONAL_FIELDS:
            return None
        raise HolderInputError('%s must not be empty' % field, [field])
    return text


def normalize_holder_input(params):
    """Validate every given writable field of ``params`` (a dict such as module params).

    Returns ``{field: normalised value}`` for the fields that were given (not ``None``).
    An optional field given as ``''`` is kept, with value ``None`` ("clear it").
    All problems are reported at once in one HolderInputError.
    """
    result = {}
    problems = []
    fields = []
    for field in HOLDER_WRITABLE_FIELDS:
        value = params.get(field)
        if value is None:
            continue
        try:
            result[field] = normalize_field(field, value)
        except HolderInputError as exc:
            problems.append(str(exc))
            fields.extend(exc.fields)
    if problems:
        raise HolderInputError('; '.join(problems), fields)
    return result


def field_key(field, value):
    """The comparison form of one field value (current or desired)."""
    if field == HOLDER_EMAIL:
        return email_key(value)
    if field == HOLDER_PHONE:
        return phone_key(value)
    if value is None:
        return None
    if field == HOLDER_ID:
        return str(value).strip()
    if not isinstance(value, str):
        value = str(value)
    text = nfc(value.strip())
    if field == HOLDER_COUNTRY_CODE:
        return text.upper()
    if field in HOLDER_OPTIONAL_FIELDS and not text:
        return None
    return text


def field_equal(field, current, desired):
    """True when two values of ``field`` are equivalent spellings of the same thing."""
    return field_key(field, current) == field_key(field, desired)


def missing_required_fields(desired):
    """The required fields (in contract order) that ``desired`` lacks or has empty."""
    return [f for f in HOLDER_REQUIRED_FIELDS if desired.get(f) in (None, '')]


def check_required_for_create(desired):
    missing = missing_required_fields(desired)
    if missing:
        raise HolderInputError('a new domain holder needs %s; missing: %s'
                               % (', '.join(HOLDER_REQUIRED_FIELDS), ', '.join(missing)), missing)


class HolderPlan(object):
    """The outcome of :func:`plan_holder_changes`.

    ``action``: ``'create'``, ``'update'``, ``'delete'`` or ``'none'``.
    ``body``: the request body -- all fields for create, only the changed fields
    for update (the PATCH body), ``None`` for delete/none.
    ``before`` / ``after``: the diff, changed keys only for an update; ``{}``
    on the missing side of create/delete.
    """

    __slots__ = ('action', 'body', 'before', 'after')

    def __init__(self, action, body=None, before=None, after=None):
        self.action = action
        self.body = body
        self.before = before if before is not None else {}
        self.after = after if after is not None else {}

    @property
    def changed(self):
        return self.action != 'none'

    @property
    def diff(self):
        return {'before': dict(self.before), 'after': dict(self.after)}

    def __repr__(self):
        return 'HolderPlan(%r, body=%r, before=%r, after=%r)' % (self.action, self.body, self.before, self.after)


def holder_view(holder):
    """A holder dict restricted to the contract's fields, in contract order (for diffs and results)."""
    if holder is None:
        return {}
    return dict((f, holder.get(f)) for f in HOLDER_FIELDS if f in holder)


def plan_holder_changes(current, desired):
    """Desired vs current -> what to do. Pure.

    ``current``: the holder as the API returned it, or ``None`` when there is none.
    ``desired``: ``{field: normalised value}`` from :func:`normalize_holder_input`
    (only the fields the task gives; ``None`` values for optional fields mean
    "clear"), or ``None`` for "must not exist".

    - nothing -> holder: ``create``; the required fields must be present
      (HolderInputError naming the missing ones); optional fields without a
      value are left out of the body.
    - holder -> holder: ``update`` with only the differing fields, or ``none``.
      Fields absent from ``desired`` are left alone.
    - holder -> nothing: ``delete``; nothing -> nothing: ``none``.
    """
    if desired is None:
        if current is None:
            return HolderPlan('none')
        return HolderPlan('delete', before=holder_view(current), after={})
    unknown = sorted(f for f in desired if f not in HOLDER_WRITABLE_FIELDS)
    if unknown:
        raise HolderInputError('unknown domain holder field(s): %s' % ', '.join(unknown), unknown)
    if current is None:
        check_required_for_create(desired)
        body = dict((f, desired[f]) for f in HOLDER_WRITABLE_FIELDS if desired.get(f) is not None)
        return HolderPlan('create', body=body, before={}, after=dict(body))
    changes = {}
    before = {}
    for field in HOLDER_WRITABLE_FIELDS:
        if field not in desired:
            continue
        if not field_equal(field, current.get(field), desired[field]):
            if desired[field] is None and field in HOLDER_REQUIRED_FIELDS:
                raise HolderInputError('%s is required and cannot be cleared' % field, [field])
            changes[field] = desired[field]
            before[field] = current.get(field)
    if not changes:
        return HolderPlan('none')
    return HolderPlan('update', body=changes, before=before, after=dict(changes))


def apply_plan_locally(current, plan):
    """The holder as it will be after ``plan`` (used for check mode results); ``None`` after delete."""
    if plan.action == 'delete':
        return None
    if plan.action == 'create':
        return holder_view(plan.body)
    result = holder_view(current)
    if plan.action == 'update':
        result.update(plan.body)
    return result


def select_holders_by_email(holders, email):
    """The holders among ``holders`` whose email equals ``email`` under :func:`same_email`."""
    key = email_key(email)
    return [h for h in holders if email_key(h.get(HOLDER_EMAIL)) == key]


def normalize_holder_id(value, field=HOLDER_ID):
    """A holder id as a positive int; accepts digit strings."""
    if isinstance(value, bool):
        raise HolderInputError('%s must be a positive integer, got %r' % (field, value), [field])
    if isinstance(value, str) and re.match(r'^\s*\d+\s*$', value):
        value = int(value)
    if not isinstance(value, int) or value < 1:
        raise HolderInputError('%s must be a positive integer, got %s' % (field, _describe(value)), [field])
    return value


def ambiguous_email_message(email, holders, id_option='id'):
    ids = sorted(str(h.get(HOLDER_ID)) for h in holders)
    return ('%d domain holders have email %s (ids: %s); nothing was changed. Give the one you mean with %s.'
            % (len(holders), email, ', '.join(ids), id_option))


# ---------------------------------------------------------------------------
# API helpers (I/O through the shared client; used by the holder modules and mpg_domain)
# ---------------------------------------------------------------------------

def search_holders_by_email(client, email):
    """All holders with this email (case-insensitive), via the search operation. Validates the email first."""
    normalised = normalize_email(email)
    return select_holders_by_email(client.search_holders(email=normalised) or [], normalised)


def find_holder_by_id(client, holder_id):
    """The holder with this id, or ``None``."""
    holder_id = normalize_holder_id(holder_id)
    for holder in client.search_holders(holder_id=holder_id) or []:
        if field_key(HOLDER_ID, holder.get(HOLDER_ID)) == str(holder_id):
            return holder
    return None


def find_holder_by_email(client, email, id_option='id'):
    """The one holder with this email, or ``None``; HolderAmbiguousError when several share it.

    ``id_option`` names the option that selects a holder by id, for the message.
    """
    matches = search_holders_by_email(client, email)
    if len(matches) > 1:
        raise HolderAmbiguousError(ambiguous_email_message(normalize_email(email), matches, id_option),
                                   [h.get(HOLDER_ID) for h in matches])
    return matches[0] if matches else None


def resolve_holder_id(client, holder_id=None, email=None, id_option='id', email_option='email'):
    """The id of an existing holder, given its id and/or email; raises a HolderError otherwise.

    - ``holder_id`` only: checked to exist (HolderNotFoundError otherwise), so a
      registration is never sent with a dangling id.
    - ``email`` only: the one holder with it (HolderNotFoundError for none,
      HolderAmbiguousError for several -- asking for the id).
    - both: the holder with that id, whose email must match (HolderInputError otherwise).

    ``id_option`` / ``email_option`` are the option names used in messages
    (e.g. ``domainholder_id`` in mpg_domain). Invalid input raises
    HolderInputError before any request. MPGApiError from the client propagates.
    """
    if holder_id is None and email is None:
        raise HolderInputError('one of %s or %s is required to name the domain holder' % (id_option, email_option),
                               [id_option, email_option])
    if holder_id is not None:
        try:
            holder_id = normalize_holder_id(holder_id, id_option)
        except HolderInputError as exc:
            raise HolderInputError(str(exc), [id_option])
    if email is not None:
        try:
            email = normalize_email(email, email_option)
        except HolderInputError as exc:
            raise HolderInputError(str(exc), [email_option])
    if holder_id is not None:
        holder = find_holder_by_id(client, holder_id)
        if holder is None:
            raise HolderNotFoundError('domain holder with %s %s does not exist' % (id_option, holder_id))
        if email is not None and not same_email(holder.get(HOLDER_EMAIL), email):
            raise HolderInputError('domain holder %s has email %s, not %s'
                                   % (holder_id, holder.get(HOLDER_EMAIL), email), [email_option])
        return holder_id
    holder = find_holder_by_email(client, email, id_option)
    if holder is None:
        raise HolderNotFoundError('no domain holder has %s %s; create it first with '
                                  'mijnpartnergroep.domains.mpg_domain_holder' % (email_option, email))
    return holder.get(HOLDER_ID)
