"""Checks on one normalised transport document; each problem names its field.

Check digits: ISO 6346 containers (core.validation.iso6346), UPU S10 postal items and IMO
ship numbers (the generator's reference implementations), UN/LOCODE shape (two-letter ISO
3166 country + three letters or digits 2-9)."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from clearlane.core.bounds import MAX_INTEGER
from clearlane.core.codelists.countries import is_country
from clearlane.core.numbers import bool_message, is_bool
from clearlane.core.validation import iso6346
from clearlane.generate.identifiers import is_imo_number, is_s10_number

_LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
MAX_CONTAINERS = 999


def is_container_number(value: str) -> bool:
    return iso6346.is_well_formed(value) and iso6346.check_digit(value[:10]) == int(value[10])


def is_unlocode(value: str) -> bool:
    return bool(_LOCODE.match(value)) and is_country(value[:2])


def _issue(reason: str, field: str, message: str) -> dict[str, Any]:
    return {"reason": reason, "field": field, "message": message, "severity": "error"}


def validate(doc: dict[str, Any]) -> list[dict[str, Any]]:
    issues = []
    number = doc.get("document_number")
    if not number:
        issues.append(_issue("MISSING_FIELD", "document_number", "no transport document number"))
    elif len(number) > 64:
        issues.append(_issue("TOO_LONG", "document_number", "longer than 64 characters"))
    containers = doc.get("containers") or []
    if len(containers) > MAX_CONTAINERS:
        issues.append(_issue("TOO_MANY", "containers", f"more than {MAX_CONTAINERS}"))
    for i, container in enumerate(containers[:MAX_CONTAINERS]):
        if not is_container_number(str(container)):
            issues.append(
                _issue(
                    "BAD_CONTAINER_NUMBER",
                    f"containers[{i}]",
                    f"{str(container)[:20]!r} is not an ISO 6346 number with a valid check digit",
                )
            )
    for i, item in enumerate(doc.get("postal_items") or []):
        if not is_s10_number(str(item)):
            issues.append(
                _issue(
                    "BAD_S10",
                    f"postal_items[{i}]",
                    f"{str(item)[:20]!r} is not a UPU S10 identifier with a valid check digit",
                )
            )
    imo = doc.get("vessel_imo")
    if imo and not is_imo_number(imo if imo.startswith("IMO") else f"IMO{imo}"):
        issues.append(_issue("BAD_IMO", "vessel_imo", f"{imo[:20]!r} fails the IMO check digit"))
    for field in ("port_of_loading", "port_of_discharge", "place_of_receipt"):
        value = doc.get(field)
        if value and not is_unlocode(value):
            issues.append(_issue("BAD_UNLOCODE", field, f"{value[:20]!r} is not a UN/LOCODE"))
    for field in ("departure_date", "arrival_date"):
        value = doc.get(field)
        if value:
            try:
                date.fromisoformat(value)
            except (TypeError, ValueError):
                issues.append(_issue("BAD_DATE", field, f"{str(value)[:30]!r} is not a date"))
    for field in ("gross_mass_kg", "packages"):
        value = doc.get(field)
        if is_bool(value):  # JSON true is an int to Python: it was stored as 1 package
            issues.append(_issue("BAD_NUMBER", field, bool_message(value)))
        elif value is not None and not isinstance(value, int | float):
            issues.append(_issue("BAD_NUMBER", field, f"{str(value)[:30]!r} is not a number"))
        elif value is not None and value < 0:
            issues.append(_issue("BAD_NUMBER", field, f"{str(value)[:30]!r} is not >= 0"))
        elif isinstance(value, float) and not math.isfinite(value):
            issues.append(_issue("BAD_NUMBER", field, f"{value!r} is not a finite number"))
        elif field == "packages" and isinstance(value, float) and not value.is_integer():
            # the store keeps whole packages: 2.5 was stored as 2
            issues.append(_issue("BAD_NUMBER", field, f"{value!r} is not a whole number"))
        elif field == "packages" and value is not None and value > MAX_INTEGER:
            # an Integer column: PostgreSQL refused the batch, SQLite stored it
            issues.append(
                _issue("BAD_NUMBER", field, f"{str(value)[:30]!r} is above {MAX_INTEGER:,}")
            )
    return issues
