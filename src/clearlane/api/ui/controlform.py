"""The control-result form as HTML fields: which follow-up fields show for each irregularity
type (CSS generated from :data:`clearlane.oversight.controls.FOLLOW_UPS`, so it needs no
script and works offline on a phone), and the posted fields turned into a
:class:`~clearlane.oversight.controls.ControlForm`.

Field names: ``control_type``, ``outcome``, ``severity``, ``extra_duty``, ``penalty``,
``seized_quantity``, ``seized_unit``, ``concealment_method``, ``detection_method``,
``drug_type``, ``drug_form``, ``remarks``, and per irregularity ``irr-N-type`` with its own
follow-ups ``irr-N-field``, ``irr-N-declared``, ``irr-N-found``, ``irr-N-item_seq``,
``irr-N-note``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from clearlane.core.schema import IrregularityType
from clearlane.oversight.controls import FOLLOW_UPS, ControlForm

ROWS = 3  # irregularities one form can list (another row shows when the one before is filled)
PER_IRREGULARITY = ("field", "declared", "found", "item_seq", "note")
PER_RESULT = ("drug_type", "drug_form", "concealment_method", "seized_quantity", "seized_unit")
NON_COMPLIANT_ONLY = ("extra_duty", "penalty", "detection_method", "severity")
DECIMAL_COMMA = re.compile(r"^-?\d+,(\d{1,2}|\d{4,})$")
NUMBERS = ("extra_duty", "penalty", "seized_quantity")  # a decimal comma is accepted


def form_css() -> str:
    """CSS that shows each follow-up field when an irregularity that needs it is chosen."""
    rules = [".fu { display: none; }"]
    for kind, follow_ups in FOLLOW_UPS.items():
        chosen = f'select.irr-type option[value="{kind.value}"]:checked'
        for name in follow_ups:
            if name in PER_IRREGULARITY:
                rules.append(f".irr-row:has({chosen}) .fu-{name} {{ display: flex; }}")
            elif name in PER_RESULT:
                rules.append(f"#control-form:has({chosen}) .fu-{name} {{ display: flex; }}")
    rules.append(
        '#control-form:has(select[name=outcome] option[value="compliant"]:checked) '
        ".if-noncompliant { display: none; }"
    )
    rules.append(
        '.irr-row:has(select.irr-type option[value=""]:checked) + .irr-row { display: none; }'
    )
    return "\n".join(rules)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: str | None) -> float | str | None:
    if value is None:
        return None
    if DECIMAL_COMMA.match(value):  # "12,5"; "1,000" is ambiguous and left for validation
        value = value.replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return value  # left for validation to name


def control_form_from(fields: Mapping[str, Any]) -> ControlForm:
    """The posted fields as a :class:`ControlForm`. Follow-ups hidden for the types chosen
    (values typed before the type was changed) are dropped, as the officer cannot see them.
    Raises pydantic's ValidationError naming each wrong field."""
    get = {k: _clean(v) for k, v in fields.items()}
    for name in NUMBERS:
        if get.get(name) is not None:
            get[name] = str(_number(get[name]))
    outcome = get.get("outcome")
    irregularities: list[dict[str, Any]] = []
    types: set[IrregularityType] = set()
    if outcome == "non_compliant":
        for row in range(ROWS):
            kind = get.get(f"irr-{row}-type")
            if not kind:
                continue
            entry: dict[str, Any] = {"type": kind}
            try:
                allowed = FOLLOW_UPS[IrregularityType(kind)]
                types.add(IrregularityType(kind))
            except ValueError:
                allowed = ()
            for name in PER_IRREGULARITY:
                value = get.get(f"irr-{row}-{name}")
                if value is not None and name in allowed:
                    entry[name] = _number(value) if name in ("declared", "found") else value
            if isinstance(entry.get("declared"), float) and entry.get("field") == "hs_code":
                entry["declared"] = get.get(f"irr-{row}-declared")
            if isinstance(entry.get("found"), float) and entry.get("field") == "hs_code":
                entry["found"] = get.get(f"irr-{row}-found")
            irregularities.append(entry)
    shown = {name for kind in types for name in FOLLOW_UPS[kind]}
    data: dict[str, Any] = {
        "control_type": get.get("control_type"),
        "outcome": outcome,
        "irregularities": irregularities,
        "remarks": get.get("remarks"),
    }
    for name in PER_RESULT:
        if name in shown and get.get(name) is not None:
            data[name] = get[name]
    if outcome == "non_compliant":
        for name in NON_COMPLIANT_ONLY:
            if get.get(name) is not None:
                data[name] = get[name]
    for name in ("started_at", "completed_at"):
        if get.get(name):
            data[name] = get[name]
    return ControlForm.model_validate(data)
