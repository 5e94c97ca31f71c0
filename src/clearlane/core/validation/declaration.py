"""Validate a raw declaration (a dict in the canonical shape) into a Declaration and its issues.

Every problem is reported, not only the first: Pydantic collects the shape and type errors,
then the business rules below run over whatever parsed. Errors quarantine the record;
warnings are stored with it.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from clearlane.core.codelists import (
    INCOTERMS_2020,
    SEA_ONLY_INCOTERMS,
    TRANSPORT_MODES,
    edition_for_date,
    is_country,
    is_currency,
)
from clearlane.core.schema import Declaration
from clearlane.core.validation import iso6346
from clearlane.core.validation.limits import (
    HS_PATTERN,
    MAX_AMOUNT,
    MAX_ATTRIBUTE,
    MAX_DESCRIPTION,
    MAX_LENGTHS,
    MAX_MASS_KG,
    MAX_NAME,
    MAX_PARTY_ID,
    MAX_QUANTITY,
    MAX_REFERENCE,
    REFERENCE_PATTERN,
)
from clearlane.core.validation.reasons import Issue, Reason, Severity

_TYPE_REASONS = {
    "missing": Reason.MISSING_FIELD,
    "extra_forbidden": Reason.UNKNOWN_FIELD,
    "date_from_datetime_parsing": Reason.INVALID_DATE,
    "date_parsing": Reason.INVALID_DATE,
    "date_type": Reason.INVALID_DATE,
    "date_from_datetime_inexact": Reason.INVALID_DATE,
    "greater_than_equal": Reason.NEGATIVE_VALUE,
    "too_short": Reason.MISSING_FIELD,
}


@dataclass
class ValidationOutcome:
    declaration: Declaration | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error()]

    @property
    def ok(self) -> bool:
        return self.declaration is not None and not self.errors


def field_path(loc: tuple[int | str, ...]) -> str:
    """('items', 2, 'hs_code') -> 'items[2].hs_code' (item positions as in the input, 0-based)."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _from_pydantic(error: ValidationError) -> list[Issue]:
    issues = []
    for err in error.errors(include_url=False):
        reason = _TYPE_REASONS.get(err["type"], Reason.WRONG_TYPE)
        path = field_path(tuple(err["loc"]))
        given = err.get("input")
        shown = "" if reason in (Reason.MISSING_FIELD,) else f" (got {given!r:.60})"
        if reason is Reason.UNKNOWN_FIELD:
            message = f"unknown field '{path}'"
        elif reason is Reason.MISSING_FIELD and err["type"] == "missing":
            message = f"'{path}' is required"
        else:
            message = f"'{path}': {err['msg']}{shown}"
        issues.append(Issue(reason, path, message))
    return issues


def _without(raw: Any, loc: tuple[int | str, ...]) -> None:
    """Remove the value at ``loc`` from a nested dict/list structure (in place)."""
    if not loc:  # an error about the record as a whole (e.g. a key that is no valid string)
        return
    target = raw
    for part in loc[:-1]:
        try:
            target = target[part]
        except (KeyError, IndexError, TypeError):
            return
    if isinstance(target, dict):
        target.pop(loc[-1], None)


def validate_declaration(raw: Mapping[str, Any], *, today: date | None = None) -> ValidationOutcome:
    try:
        declaration = Declaration.model_validate(raw)
    except ValidationError as exc:
        issues = _from_pydantic(exc)
        # Report every problem, not only the type errors: drop the fields that failed and, if
        # what remains is a declaration, run the business rules over it too.
        lenient = copy.deepcopy(dict(raw))
        for err in exc.errors(include_url=False):
            if err["type"] != "missing":
                _without(lenient, tuple(err["loc"]))
        try:
            partial = Declaration.model_validate(lenient)
        except ValidationError:
            return ValidationOutcome(None, issues)
        seen = {i.field for i in issues}
        issues += [i for i in check_rules(partial, today=today) if i.field not in seen]
        return ValidationOutcome(None, issues)
    return ValidationOutcome(declaration, check_rules(declaration, today=today))


def _country(issues: list[Issue], value: str | None, path: str) -> None:
    if value is not None and not is_country(value):
        issues.append(
            Issue(Reason.UNKNOWN_COUNTRY, path, f"'{path}': {value!r} is not an ISO 3166-1 country")
        )


def _amount(issues: list[Issue], value: float | None, path: str, limit: float) -> None:
    if value is None:
        return
    if value != value:  # NaN
        issues.append(Issue(Reason.WRONG_TYPE, path, f"'{path}' is not a number"))
    elif value < 0:
        issues.append(Issue(Reason.NEGATIVE_VALUE, path, f"'{path}' is negative ({value:g})"))
    elif value > limit:
        issues.append(
            Issue(Reason.ABSURD_VALUE, path, f"'{path}' = {value:g} is above the limit {limit:g}")
        )


def _length(issues: list[Issue], value: str | None, path: str, limit: int) -> None:
    if value is not None and len(value) > limit:
        issues.append(
            Issue(
                Reason.TOO_LONG,
                path,
                f"'{path}' is {len(value):,} characters long; at most {limit} (WCO an..{limit})",
            )
        )


def check_lengths(decl: Declaration) -> list[Issue]:
    """Identifiers and names within the WCO Data Model lengths, and the reference alphabet."""
    issues: list[Issue] = []
    if len(decl.reference) > MAX_REFERENCE:
        _length(issues, decl.reference, "reference", MAX_REFERENCE)
    elif not REFERENCE_PATTERN.match(decl.reference):
        issues.append(
            Issue(
                Reason.INVALID_REFERENCE,
                "reference",
                f"'reference' {decl.reference[:40]!r} may hold only letters, digits, '.', '_' "
                "and '-' (starting with a letter or digit): other characters, such as '/' or "
                "spaces, break the declaration's addresses",
            )
        )
    for name, limit in MAX_LENGTHS.items():
        _length(issues, getattr(decl, name), name, limit)
    for party_name in ("declarant", "importer", "exporter", "seller", "courier"):
        party = getattr(decl, party_name)
        if party is not None:
            _length(issues, party.id, f"{party_name}.id", MAX_PARTY_ID)
            _length(issues, party.name, f"{party_name}.name", MAX_NAME)
    for key, value in decl.attributes.items():
        _length(issues, key, f"attributes.{key[:40]}", 64)
        _length(issues, value, f"attributes.{key[:40]}", MAX_ATTRIBUTE)
    for position, item in enumerate(decl.items):
        base = f"items[{position}]"
        _length(issues, item.description, f"{base}.description", MAX_DESCRIPTION)
        _length(issues, item.quantity_unit, f"{base}.quantity_unit", 4)
    return issues


def check_rules(decl: Declaration, *, today: date | None = None) -> list[Issue]:
    """Business rules on a declaration whose shape is already valid."""
    issues: list[Issue] = check_lengths(decl)
    today = today or date.today()
    if decl.declaration_date > today:
        issues.append(
            Issue(
                Reason.FUTURE_DATE,
                "declaration_date",
                f"'declaration_date' {decl.declaration_date} is after today ({today})",
            )
        )
    for party_name in ("declarant", "importer", "exporter", "seller", "courier"):
        party = getattr(decl, party_name)
        if party is not None:
            _country(issues, party.country, f"{party_name}.country")
    _country(issues, decl.country_dispatch, "country_dispatch")
    _country(issues, decl.country_destination, "country_destination")
    _country(issues, decl.transport_nationality, "transport_nationality")

    if decl.transport_mode is not None and decl.transport_mode not in TRANSPORT_MODES:
        issues.append(
            Issue(
                Reason.UNKNOWN_TRANSPORT_MODE,
                "transport_mode",
                f"'transport_mode' {decl.transport_mode!r} is not a UN/CEFACT Rec 19 code (0-9)",
            )
        )
    if decl.incoterm is not None:
        if decl.incoterm not in INCOTERMS_2020:
            issues.append(
                Issue(
                    Reason.UNKNOWN_INCOTERM,
                    "incoterm",
                    f"'incoterm' {decl.incoterm!r} is not an Incoterms 2020 rule",
                )
            )
        elif decl.incoterm in SEA_ONLY_INCOTERMS and decl.transport_mode not in (None, "1", "8"):
            issues.append(
                Issue(
                    Reason.SEA_INCOTERM_NON_SEA_MODE,
                    "incoterm",
                    f"'incoterm' {decl.incoterm} is for sea and inland waterway only, "
                    f"but transport_mode is {decl.transport_mode}",
                    Severity.WARNING,
                )
            )
    if decl.invoice_currency is not None and not is_currency(decl.invoice_currency):
        issues.append(
            Issue(
                Reason.UNKNOWN_CURRENCY,
                "invoice_currency",
                f"'invoice_currency' {decl.invoice_currency!r} is not an ISO 4217 currency",
            )
        )
    has_invoice_amount = decl.invoice_total is not None or any(
        i.item_value is not None for i in decl.items
    )
    if has_invoice_amount and decl.invoice_currency is None:
        issues.append(
            Issue(
                Reason.CURRENCY_MISSING,
                "invoice_currency",
                "'invoice_currency' is required when an invoice total or item value is given",
            )
        )
    _amount(issues, decl.invoice_total, "invoice_total", MAX_AMOUNT)
    _amount(issues, decl.customs_value, "customs_value", MAX_AMOUNT)
    _amount(issues, decl.exchange_rate, "exchange_rate", 1e6)

    for position, container in enumerate(decl.containers):
        path = f"containers[{position}]"
        if not iso6346.is_well_formed(container):
            issues.append(
                Issue(
                    Reason.CONTAINER_FORMAT,
                    path,
                    f"'{path}' {container!r} is not an ISO 6346 number (AAAU1234567)",
                )
            )
        elif not iso6346.is_valid(container):
            expected = iso6346.check_digit(container[:10])
            issues.append(
                Issue(
                    Reason.CONTAINER_CHECK_DIGIT,
                    path,
                    f"'{path}' {container}: check digit is {container[10]}, "
                    f"ISO 6346 gives {expected}",
                )
            )

    edition = edition_for_date(decl.declaration_date)
    if edition is None:
        issues.append(
            Issue(
                Reason.HS_EDITION_UNAVAILABLE,
                "declaration_date",
                f"no shipped HS edition covers {decl.declaration_date}; "
                "HS codes checked for shape only",
                Severity.WARNING,
            )
        )
    seen_seq: set[int] = set()
    for position, item in enumerate(decl.items):
        base = f"items[{position}]"
        if item.seq in seen_seq:
            issues.append(
                Issue(
                    Reason.DUPLICATE_ITEM_SEQ,
                    f"{base}.seq",
                    f"'{base}.seq' {item.seq} appears twice in declaration {decl.reference}",
                )
            )
        seen_seq.add(item.seq)
        if not HS_PATTERN.match(item.hs_code):
            issues.append(
                Issue(
                    Reason.HS_CODE_FORMAT,
                    f"{base}.hs_code",
                    f"'{base}.hs_code' {item.hs_code!r} is not 6, 8 or 10 digits",
                )
            )
        elif edition is not None and not edition.has(item.hs_code):
            issues.append(
                Issue(
                    Reason.HS_CODE_UNKNOWN,
                    f"{base}.hs_code",
                    f"'{base}.hs_code' {item.hs_code}: subheading {item.hs6} does not exist in "
                    f"HS {edition.year}, the edition in force on {decl.declaration_date}",
                )
            )
        _country(issues, item.origin_country, f"{base}.origin_country")
        _amount(issues, item.net_mass_kg, f"{base}.net_mass_kg", MAX_MASS_KG)
        _amount(issues, item.gross_mass_kg, f"{base}.gross_mass_kg", MAX_MASS_KG)
        _amount(issues, item.quantity, f"{base}.quantity", MAX_QUANTITY)
        _amount(issues, item.item_value, f"{base}.item_value", MAX_AMOUNT)
        _amount(issues, item.customs_value, f"{base}.customs_value", MAX_AMOUNT)
        _amount(issues, item.duty_amount, f"{base}.duty_amount", MAX_AMOUNT)
        _amount(issues, item.tax_amount, f"{base}.tax_amount", MAX_AMOUNT)
        _amount(issues, item.duty_rate, f"{base}.duty_rate", 1000.0)
        if item.packages is not None and item.packages < 0:
            issues.append(
                Issue(Reason.NEGATIVE_VALUE, f"{base}.packages", f"'{base}.packages' is negative")
            )
        if (
            item.net_mass_kg is not None
            and item.gross_mass_kg is not None
            and item.net_mass_kg > item.gross_mass_kg
        ):
            issues.append(
                Issue(
                    Reason.NET_ABOVE_GROSS,
                    f"{base}.net_mass_kg",
                    f"'{base}.net_mass_kg' {item.net_mass_kg:g} is above "
                    f"gross_mass_kg {item.gross_mass_kg:g}",
                )
            )
    return issues


def revalidated(
    reference: str, version: int, normalised: Any
) -> tuple[Declaration | None, str | None]:
    """A stored declaration validated again (the engine and the explanations read it as a
    :class:`Declaration`), or None and why not: a row stored under earlier, looser rules
    (packages past 2**31-1, which SQLite kept before the integer bounds) that today's refuse.
    The reason names the declaration, its version and each refused field."""
    try:
        return Declaration.model_validate(normalised), None
    except ValidationError as exc:
        errors = exc.errors()
        problems = "; ".join(f"{field_path(e['loc'])}: {e['msg']}" for e in errors[:5])
        more = f"; and {len(errors) - 5} more" if len(errors) > 5 else ""
        return None, (
            f"stored declaration {reference} v{version} no longer validates ({problems}{more}): "
            "it was stored under earlier, looser rules"
        )
