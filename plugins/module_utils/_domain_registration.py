# -*- coding: utf-8 -*-
# Copyright (c) 2026, MijnPartnerGroep collection developers
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Domain registration: input validation and the per-domain decisions, without I/O.

Registering a domain costs money and the API has no call to undo it, so every
rule that decides whether a registration request is sent lives here, where it
is unit-tested without a network:

* ``validate_registration_input`` turns the task's options into ASCII names and
  checked values, naming the option on any problem (before any request).
* ``decide_domains`` decides per domain from the account's domains (ListDomain,
  ``pending`` included) and WHOIS: ``already_present``, ``register`` or ``fail``.
* ``outcomes_from_bulk_response``, ``outcomes_after_call_error`` and
  ``outcomes_after_reread`` turn what a registration call answered (or failed
  to answer) into per-domain outcomes. A call that may have been carried out
  (time-out, 5xx, an answer that cannot be read) is never resent: the caller
  re-reads ListDomain and ``outcomes_after_reread`` decides from what is there.
* ``summarize_results`` aggregates per-domain results for the task result.

What can be compared for a domain that is already ours: ListDomain returns only
the name and a status, and no operation returns a registered domain's holder,
so the holder is never compared. WHOIS reports the registry's name servers of an
active domain, so when the task gives ``nameservers`` those are compared (a
difference is a warning, since the API cannot change them either). A domain
still ``pending`` has no name servers in WHOIS yet: nothing is compared.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

from ansible_collections.mijnpartnergroep.domains.plugins.module_utils import _endpoints as api
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_names import (
    DomainNameError,
    to_ascii_domain,
    to_unicode_domain,
)
from ansible_collections.mijnpartnergroep.domains.plugins.module_utils._domain_holder import (
    HolderInputError,
    normalize_email,
)

# Outcomes of one domain (the ``outcome`` key of each result).
REGISTERED = 'registered'
ALREADY_PRESENT = 'already_present'
FAILED = 'failed'

# Decisions before anything is written.
ACTION_ALREADY_PRESENT = 'already_present'
ACTION_REGISTER = 'register'
ACTION_FAIL = 'fail'

# Name servers: none (provider defaults, and a DNS zone at the provider) or
# 2..13. Registries such as SIDN (.nl) and DENIC (.de) require at least two for
# redundancy; 13 is the most a referral can carry and what EPP registries cap at.
NAMESERVERS_MIN = 2
NAMESERVERS_MAX = 13


class RegistrationInputError(ValueError):
    """Invalid task input; ``option`` names the option, the message says why."""

    def __init__(self, option, message):
        self.option = option
        if not message.startswith(option):
            message = '%s: %s' % (option, message)
        super(RegistrationInputError, self).__init__(message)


class RegistrationRequest(object):
    """The validated task input."""

    __slots__ = ('names', 'single', 'period', 'nameservers', 'holder_id', 'holder_email')

    def __init__(self, names, single, period, nameservers, holder_id, holder_email):
        self.names = names                  # ASCII names, input order, duplicates collapsed
        self.single = single                # True when given as ``name``
        self.period = period
        self.nameservers = nameservers      # list of ASCII host names, or None (provider defaults)
        self.holder_id = holder_id
        self.holder_email = holder_email


# --------------------------------------------------------------------------- input


def normalize_domain_names(name=None, names=None):
    """ASCII forms of ``name`` or ``names``: input order kept, duplicates collapsed.

    ``Bücher.nl`` and ``xn--bcher-kva.nl`` are one domain, so they collapse too.
    Returns ``(ascii_names, single)``.
    """
    if name is not None and names is not None:
        raise RegistrationInputError('name', 'give either name or names, not both')
    if name is None and names is None:
        raise RegistrationInputError('name', 'one of name or names is required')
    if name is not None:
        try:
            return [to_ascii_domain(name)], True
        except DomainNameError as exc:
            raise RegistrationInputError('name', str(exc))
    if not isinstance(names, (list, tuple)):
        raise RegistrationInputError('names', 'must be a list of domain names')
    if not names:
        raise RegistrationInputError('names', 'must contain at least one domain name')
    result = []
    seen = set()
    for index, item in enumerate(names):
        try:
            ascii_name = to_ascii_domain(item)
        except DomainNameError as exc:
            raise RegistrationInputError('names[%d]' % index, str(exc))
        if ascii_name not in seen:
            seen.add(ascii_name)
            result.append(ascii_name)
    return result, False


def normalize_period(period):
    """The registration period in whole years, PERIOD_MIN..PERIOD_MAX."""
    if period is None:
        return 1
    if isinstance(period, bool):
        raise RegistrationInputError('period', 'must be a whole number of years, got %r' % (period,))
    try:
        value = int(period)
    except (TypeError, ValueError):
        raise RegistrationInputError('period', 'must be a whole number of years, got %r' % (period,))
    if value != period and str(value) != str(period).strip():
        raise RegistrationInputError('period', 'must be a whole number of years, got %r' % (period,))
    if not api.PERIOD_MIN <= value <= api.PERIOD_MAX:
        raise RegistrationInputError('period', 'must be between %d and %d years, got %d'
                                     % (api.PERIOD_MIN, api.PERIOD_MAX, value))
    return value


def _nameserver_to_ascii(value):
    """A fully qualified name server host name in ASCII form; raises DomainNameError."""
    # to_ascii_domain checks what a name server name needs: two or more valid
    # labels and a non-numeric top-level label (so an IP address is refused).
    return to_ascii_domain(value, what='name server host name')


def _looks_like_ip_address(value):
    if not isinstance(value, str):
        return False
    text = value.strip()
    try:
        ipaddress.ip_address(text.strip('[]'))
    except ValueError:
        return False
    return True


def normalize_nameservers(nameservers):
    """ASCII host names, or None for the provider's defaults (option absent or empty).

    Otherwise NAMESERVERS_MIN..NAMESERVERS_MAX distinct host names. A host
    name given twice is an error rather than silently dropped: it is usually a
    typo for the second name server, and the count rule would hide it.
    """
    if nameservers is None:
        return None
    if not isinstance(nameservers, (list, tuple)):
        raise RegistrationInputError('nameservers', 'must be a list of host names')
    if not nameservers:
        return None
    result = []
    for index, item in enumerate(nameservers):
        if _looks_like_ip_address(item):
            raise RegistrationInputError('nameservers[%d]' % index, '%r is an IP address; give the host name of the '
                                         'name server (such as ns1.example.net)' % (item,))
        try:
            ascii_name = _nameserver_to_ascii(item)
        except DomainNameError as exc:
            raise RegistrationInputError('nameservers[%d]' % index, str(exc))
        if ascii_name in result:
            raise RegistrationInputError('nameservers', '%s is given twice' % ascii_name)
        result.append(ascii_name)
    if not NAMESERVERS_MIN <= len(result) <= NAMESERVERS_MAX:
        raise RegistrationInputError('nameservers', 'give %d to %d name servers (or none, for the provider\'s '
                                     'defaults); got %d' % (NAMESERVERS_MIN, NAMESERVERS_MAX, len(result)))
    return result


def normalize_holder(holder_id=None, holder_email=None):
    """``(holder_id, holder_email)``: exactly one of them; the email trimmed."""
    if holder_id is not None and holder_email is not None:
        raise RegistrationInputError('domainholder_id', 'give either domainholder_id or domainholder_email, '
                                     'not both')
    if holder_id is None and holder_email is None:
        raise RegistrationInputError('domainholder_id', 'one of domainholder_id or domainholder_email is '
                                     'required: a domain needs a holder')
    if holder_id is not None:
        if isinstance(holder_id, bool):
            raise RegistrationInputError('domainholder_id', 'must be a positive whole number, got %r' % (holder_id,))
        try:
            value = int(holder_id)
        except (TypeError, ValueError):
            raise RegistrationInputError('domainholder_id', 'must be a positive whole number, got %r' % (holder_id,))
        if value < 1 or str(value) != str(holder_id).strip():
            raise RegistrationInputError('domainholder_id', 'must be a positive whole number, got %r' % (holder_id,))
        return value, None
    try:
        return None, normalize_email(holder_email, field='domainholder_email')
    except HolderInputError as exc:
        raise RegistrationInputError('domainholder_email', str(exc))


def validate_registration_input(name=None, names=None, domainholder_id=None, domainholder_email=None,
                                period=1, nameservers=None):
    """All checks on the task's options, before any request; a RegistrationRequest."""
    ascii_names, single = normalize_domain_names(name, names)
    holder_id, holder_email = normalize_holder(domainholder_id, domainholder_email)
    return RegistrationRequest(
        names=ascii_names,
        single=single,
        period=normalize_period(period),
        nameservers=normalize_nameservers(nameservers),
        holder_id=holder_id,
        holder_email=holder_email,
    )


# --------------------------------------------------------------------------- API answers


def _ascii_or_lower(name):
    """The ASCII form of a name from an API answer; a name we cannot parse stays lower-cased."""
    if not isinstance(name, str):
        return None
    try:
        return to_ascii_domain(name)
    except DomainNameError:
        return name.strip().rstrip('.').lower()


def account_domains(zones):
    """``{ascii name: status}`` of the account's domains, from ListDomain's zones."""
    result = {}
    for zone in zones or []:
        if not isinstance(zone, dict):
            continue
        name = _ascii_or_lower(zone.get(api.ZONE_DOMAIN))
        if name:
            result[name] = zone.get(api.ZONE_STATUS)
    return result


def whois_by_domain(whois_results):
    """``{ascii name: WhoisResult}``; results without a usable name are left out."""
    result = {}
    for item in whois_results or []:
        if not isinstance(item, dict):
            continue
        name = _ascii_or_lower(item.get(api.WHOIS_DOMAIN))
        if name:
            result[name] = item
    return result


def whois_in_request_order(asked, whois_results):
    """``{ascii name: WhoisResult}`` from an answer given in request order (the contract's promise).

    An entry that names another domain than the one asked in its place is
    dropped, so that domain is decided as "no WHOIS answer" (never registered).
    """
    result = {}
    for name, item in zip(asked, whois_results or []):
        if not isinstance(item, dict):
            continue
        answered = _ascii_or_lower(item.get(api.WHOIS_DOMAIN)) if item.get(api.WHOIS_DOMAIN) is not None else name
        if answered == name:
            result[name] = item
    return result


def domains_needing_whois(names, owned, nameservers=None):
    """The names to look up in WHOIS.

    Every name not in the account (to decide whether it can be registered);
    and, only when the task gives name servers, the account's own names too,
    because WHOIS is the one place that shows a registered domain's name servers.
    """
    if nameservers:
        return list(names)
    return [name for name in names if name not in owned]


def _normalized_host_set(hosts):
    result = set()
    for host in hosts or []:
        if not isinstance(host, str):
            continue
        try:
            result.add(_nameserver_to_ascii(host))
        except DomainNameError:
            result.add(host.strip().rstrip('.').lower())
    return result


class DomainDecision(object):
    """What to do with one domain, before any write."""

    __slots__ = ('domain', 'action', 'reason', 'account_status', 'whois_status', 'warnings')

    def __init__(self, domain, action, reason=None, account_status=None, whois_status=None, warnings=None):
        self.domain = domain
        self.action = action
        self.reason = reason
        self.account_status = account_status
        self.whois_status = whois_status
        self.warnings = list(warnings or [])

    def __repr__(self):
        return 'DomainDecision(%s, %s, %r)' % (self.domain, self.action, self.reason)


def _decide_owned(name, status, whois, nameservers):
    warnings = []
    whois_status = whois.get(api.WHOIS_STATUS) if isinstance(whois, dict) else None
    if nameservers and isinstance(whois, dict):
        registry_hosts = _normalized_host_set(whois.get(api.WHOIS_NAMESERVERS))
        if registry_hosts and registry_hosts != set(nameservers):
            warnings.append(
                '%s is already registered in this account, but WHOIS shows the name servers %s, not %s as the '
                'task asks. The API has no operation to change the name servers of a registered domain, so '
                'nothing was changed; change them with your provider.'
                % (name, ', '.join(sorted(registry_hosts)), ', '.join(sorted(nameservers))))
    return DomainDecision(name, ACTION_ALREADY_PRESENT, account_status=status, whois_status=whois_status,
                          warnings=warnings)


def _decide_not_owned(name, whois):
    if not isinstance(whois, dict):
        return DomainDecision(name, ACTION_FAIL, reason='%s: WHOIS gave no answer for this domain, so it was not '
                              'registered' % name)
    status = whois.get(api.WHOIS_STATUS)
    available = whois.get(api.WHOIS_AVAILABLE)
    if status == api.WHOIS_STATUS_FREE and available is True:
        return DomainDecision(name, ACTION_REGISTER, whois_status=status)
    if status == api.WHOIS_STATUS_ACTIVE:
        details = []
        if whois.get(api.WHOIS_REGISTRAR):
            details.append('registrar %s' % whois.get(api.WHOIS_REGISTRAR))
        if whois.get(api.WHOIS_EXPIRES_AT):
            details.append('expires %s' % whois.get(api.WHOIS_EXPIRES_AT))
        reason = '%s is registered elsewhere: it is not in this account (ListDomain) and WHOIS reports it as active' \
                 % name
        if details:
            reason += ' (%s)' % ', '.join(details)
        return DomainDecision(name, ACTION_FAIL, reason=reason, whois_status=status)
    if status == api.WHOIS_STATUS_QUARANTINE:
        return DomainDecision(name, ACTION_FAIL, whois_status=status, reason='%s is in quarantine at the registry '
                              '(recently cancelled); it cannot be registered until the quarantine ends' % name)
    if status == api.WHOIS_STATUS_RESERVED:
        return DomainDecision(name, ACTION_FAIL, whois_status=status,
                              reason='%s is reserved by the registry and cannot be registered' % name)
    if status == api.WHOIS_STATUS_INVALID:
        return DomainDecision(name, ACTION_FAIL, whois_status=status, reason='%s cannot be registered: the registry '
                              'reports the name as invalid (for example an unsupported top-level domain)' % name)
    # Unknown status, or "free" without available=true: never spend money on an answer we do not understand.
    return DomainDecision(name, ACTION_FAIL, whois_status=status,
                          reason='%s: WHOIS answered status %r, available %r, which does not say the domain is free; '
                                 'it was not registered' % (name, status, available))


def decide_domains(names, zones, whois_results, nameservers=None):
    """One DomainDecision per name, in the order of ``names``.

    ``zones``: ListDomain's zones (the account's domains, ``pending`` included).
    ``whois_results``: WhoisResult dicts (a list, or a dict keyed by ASCII name).
    A domain in the account is ``already_present`` whatever WHOIS says (a new
    registration may still be ``free`` in WHOIS). Any other domain is
    registered only when WHOIS says it is free and available.
    """
    owned = account_domains(zones)
    whois = whois_results if isinstance(whois_results, dict) else whois_by_domain(whois_results)
    decisions = []
    for name in names:
        if name in owned:
            decisions.append(_decide_owned(name, owned[name], whois.get(name), nameservers))
        else:
            decisions.append(_decide_not_owned(name, whois.get(name)))
    return decisions


# --------------------------------------------------------------------------- requests and diff


def registration_fields(name, holder_id, period, nameservers=None):
    """The Domain body of a registration request for one domain."""
    fields = {
        api.DOMAIN_NAME: name,
        api.DOMAIN_HOLDER_ID: holder_id,
        api.DOMAIN_PERIOD: period,
    }
    if nameservers:
        fields[api.DOMAIN_NAMESERVERS] = list(nameservers)
    return fields


def registration_diff(registrations, holder_email=None):
    """The task's diff: every domain to register, absent before, its registration after.

    ``registrations`` is a list of ``(ascii_name, fields)``. One dict keyed by
    domain (not a list of diffs): Ansible shows dict diffs also for loop items.
    IDNs are named in the header in both spellings, so before and after hold
    the same keys.
    """
    before = {}
    after = {}
    headers = []
    for name, fields in registrations:
        registration = {'state': 'present'}
        registration.update(fields)
        registration.pop(api.DOMAIN_NAME, None)
        if api.DOMAIN_NAMESERVERS not in registration:
            registration[api.DOMAIN_NAMESERVERS] = 'provider defaults'
        if holder_email and registration.get(api.DOMAIN_HOLDER_ID) is None:
            registration['domainholder_email'] = holder_email
        before[name] = {'state': 'absent'}
        after[name] = registration
        unicode_name = to_unicode_domain(name)
        headers.append(name if unicode_name == name else '%s (%s)' % (unicode_name, name))
    diff = {'before': before, 'after': after}
    if headers:
        # Ansible prints these as "--- before: <header>" and "+++ after: <header>".
        diff['before_header'] = diff['after_header'] = ', '.join(headers)
    return diff


def chunks(items, size=api.REGISTER_MAX_DOMAINS):
    """``items`` in consecutive lists of at most ``size``."""
    items = list(items)
    return [items[start:start + size] for start in range(0, len(items), size)]


# --------------------------------------------------------------------------- results


def new_result(name, outcome, status=None, whois_status=None, reason=None, warnings=None, registration=None):
    """One per-domain result, as returned in ``results``."""
    return {
        'domain': name,
        'domain_unicode': to_unicode_domain(name),
        'outcome': outcome,
        'status': status,
        'whois_status': whois_status,
        'reason': reason,
        'warnings': list(warnings or []),
        'registration': registration,
    }


def result_from_decision(decision):
    """The result of a domain that needs no registration call (present, or failed before writing)."""
    if decision.action == ACTION_ALREADY_PRESENT:
        return new_result(decision.domain, ALREADY_PRESENT, status=decision.account_status,
                          whois_status=decision.whois_status, warnings=decision.warnings)
    if decision.action == ACTION_FAIL:
        return new_result(decision.domain, FAILED, whois_status=decision.whois_status, reason=decision.reason,
                          warnings=decision.warnings)
    raise ValueError('a domain to register has no result before the registration call')


class CallOutcome(object):
    """What one registration call said about one domain.

    ``kind`` is REGISTERED, FAILED, or None when the answer does not say (the
    caller must re-read the account, never resend).
    """

    __slots__ = ('kind', 'registration', 'reason')

    def __init__(self, kind, registration=None, reason=None):
        self.kind = kind
        self.registration = registration
        self.reason = reason

    def __repr__(self):
        return 'CallOutcome(%s, %r)' % (self.kind, self.reason)


def outcome_from_single_response(name, domain):
    """The outcome of a successful single registration call (its ``domain`` object)."""
    if not isinstance(domain, dict):
        return CallOutcome(None, reason='the answer holds no domain')
    return CallOutcome(REGISTERED, registration=domain)


def outcomes_from_bulk_response(sent_names, response_results):
    """``{name: CallOutcome}`` for every sent name, from a bulk call's ``results``.

    A name the answer does not mention, or with a status we do not know, gets
    ``kind=None``: the call may have registered it, so the account is re-read.
    """
    by_name = {}
    for item in response_results or []:
        if not isinstance(item, dict):
            continue
        name = _ascii_or_lower(item.get(api.BULK_RESULT_DOMAIN))
        if name and name not in by_name:
            by_name[name] = item
    outcomes = {}
    for name in sent_names:
        item = by_name.get(name)
        if item is None:
            outcomes[name] = CallOutcome(None, reason='the bulk answer does not mention this domain')
            continue
        status = item.get(api.BULK_RESULT_STATUS)
        if status == api.BULK_RESULT_SUCCESS:
            data = item.get(api.BULK_RESULT_DATA)
            outcomes[name] = CallOutcome(REGISTERED, registration=data if isinstance(data, dict) else None)
        elif status == api.BULK_RESULT_ERROR:
            message = item.get(api.BULK_RESULT_MESSAGE) or 'no reason given'
            outcomes[name] = CallOutcome(FAILED, reason='%s was not registered: the API refused it: %s'
                                         % (name, message))
        else:
            outcomes[name] = CallOutcome(None, reason='the bulk answer gives the unknown status %r' % (status,))
    return outcomes


def call_error_may_have_acted(exc):
    """True when a failed registration call may still have registered something.

    A time-out, a dropped connection after the request was sent, a 5xx, or a
    2xx we could not read: the server may have acted. Any 4xx is a refusal.
    """
    may = getattr(exc, 'may_have_acted', None)
    if may is not None:
        return bool(may)
    status = getattr(exc, 'status', None)
    if status is None:
        return bool(getattr(exc, 'timed_out', False))
    return status >= 500


def refusal_reason(exc, holder_id=None):
    """The per-domain reason for a registration call that was refused (not carried out)."""
    status = getattr(exc, 'status', None)
    api_message = getattr(exc, 'api_message', None)
    field_errors = getattr(exc, 'field_errors', None) or {}
    if status == 402:
        reason = ('was not registered: the API refused payment (HTTP 402 Payment Required). Registering domains needs '
                  'direct debit on the account; enable direct debit with your provider, then re-run')
        if api_message:
            reason += '. The API said: %s' % api_message
        return reason
    if status == 422:
        reason = 'was not registered: the API refused it (HTTP 422)'
        if api_message:
            reason += ': %s' % api_message
        if field_errors:
            reason += ' (%s)' % '; '.join('%s: %s' % (key, ', '.join(str(p) for p in (value if isinstance(value, list)
                                                                                      else [value])))
                                          for key, value in sorted(field_errors.items()))
        return reason
    if status == 404:
        reason = 'was not registered: the API answered 404 Not Found'
        if holder_id is not None:
            reason += ' (domain holder %s does not exist?)' % holder_id
        if api_message:
            reason += ': %s' % api_message
        return reason
    if status is None:
        return 'was not registered: the registration request did not reach the API: %s' % exc
    return 'was not registered: %s' % exc


def outcomes_after_call_error(sent_names, exc, holder_id=None):
    """``{name: CallOutcome}`` for a failed registration call.

    A refusal fails every sent name with the API's reason. A call that may
    have acted gives ``kind=None`` for every name: re-read, never resend.
    """
    if call_error_may_have_acted(exc):
        return dict((name, CallOutcome(None, reason=str(exc))) for name in sent_names)
    reason = refusal_reason(exc, holder_id)
    return dict((name, CallOutcome(FAILED, reason='%s %s' % (name, reason))) for name in sent_names)


def outcomes_after_reread(unknown, zones_after):
    """Decide the names whose registration call gave no clear answer, from a fresh ListDomain.

    ``unknown``: ``{name: reason}`` (why the call's answer did not tell).
    Listed now: registered (the server acted; its answer was lost). Not
    listed: failed, and deliberately not resent in this run, because a
    registration the server is still processing would otherwise be paid twice.
    """
    owned = account_domains(zones_after)
    outcomes = {}
    for name, why in unknown.items():
        if name in owned:
            outcomes[name] = CallOutcome(
                REGISTERED, registration={api.DOMAIN_NAME: name, api.DOMAIN_STATUS: owned[name]},
                reason='the registration call gave no clear answer (%s), but the domain is now in the account '
                       '(status %s): counted as registered' % (why, owned[name]))
        else:
            outcomes[name] = CallOutcome(
                FAILED, reason='%s: the registration call gave no clear answer (%s) and the domain is not in the '
                               'account now. It was NOT sent again, to avoid paying for it twice; check the account '
                               '(the registration may still appear) and re-run to register it if it is still missing'
                               % (name, why))
    return outcomes


def outcomes_when_reread_fails(unknown, exc):
    """``{name: CallOutcome}`` when the ListDomain after an unclear registration call failed too."""
    return dict((name, CallOutcome(FAILED, reason='%s: the registration call gave no clear answer (%s), and reading '
                                   'the account afterwards failed (%s): it is unknown whether the domain was '
                                   'registered. It was NOT sent again; check the account before re-running'
                                   % (name, why, exc)))
                for name, why in unknown.items())


def outcomes_not_attempted(names, why):
    """``{name: CallOutcome}`` for names whose registration call was not sent after an earlier call failed."""
    return dict((name, CallOutcome(FAILED, reason='%s was not registered: no registration request was sent for it '
                                   'because an earlier registration call failed (%s); re-run to register it'
                                   % (name, why)))
                for name in names)


def result_from_outcome(name, outcome, whois_status=None, warnings=None):
    """The per-domain result of a domain a registration call was (or would be) made for."""
    warnings = list(warnings or [])
    if outcome.kind == REGISTERED:
        registration = outcome.registration
        status = registration.get(api.DOMAIN_STATUS) if isinstance(registration, dict) else None
        if outcome.reason:
            warnings.append('%s: %s' % (name, outcome.reason))
        return new_result(name, REGISTERED, status=status, whois_status=whois_status, warnings=warnings,
                          registration=registration)
    return new_result(name, FAILED, whois_status=whois_status, reason=outcome.reason, warnings=warnings)


def _grouped_reasons(failed, names_shown=3):
    """One text per distinct reason, so 50 domains refused for one cause do not repeat it 50 times."""
    groups = []
    by_rest = {}
    for item in failed:
        name, reason = item['domain'], item['reason'] or 'no reason known'
        rest = reason[len(name):] if reason.startswith(name) else ': ' + reason
        if rest not in by_rest:
            by_rest[rest] = []
            groups.append(rest)
        by_rest[rest].append(name)
    texts = []
    for rest in groups:
        names = by_rest[rest]
        if len(names) == 1:
            texts.append(names[0] + rest)
            continue
        shown = ', '.join(names[:names_shown])
        if len(names) > names_shown:
            shown += ' and %d more' % (len(names) - names_shown)
        texts.append('%d domains (%s): %s' % (len(names), shown, rest.lstrip(': ')))
    return texts


def summarize_results(results, check_mode=False):
    """Aggregate per-domain results: the names per outcome, ``changed``, and a one-line message.

    In check mode the message says that nothing was sent, so a log never reads like a real registration.
    """
    registered = [r['domain'] for r in results if r['outcome'] == REGISTERED]
    present = [r['domain'] for r in results if r['outcome'] == ALREADY_PRESENT]
    failed = [{'domain': r['domain'], 'reason': r['reason']} for r in results if r['outcome'] == FAILED]
    parts = []
    if registered:
        parts.append(('%d would be registered' if check_mode else '%d registered') % len(registered))
    if present:
        parts.append('%d already present' % len(present))
    if failed:
        parts.append('%d failed' % len(failed))
    msg = ', '.join(parts) if parts else 'nothing to do'
    if failed and len(results) == 1:
        msg = failed[0]['reason'] or msg
    elif failed:
        msg = '%d of %d domains could not be registered (%s): %s' % (
            len(failed), len(results), msg, ' | '.join(_grouped_reasons(failed)))
    if check_mode:
        msg = 'check mode, nothing sent: %s' % msg
    return {
        'registered': registered,
        'already_present': present,
        'failed': failed,
        'changed': bool(registered),
        'msg': msg,
    }
