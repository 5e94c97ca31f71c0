from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearlane.core.codelists import edition_for_date, get_edition
from clearlane.core.validation import Reason, Severity, validate_declaration
from clearlane.core.validation.iso6346 import check_digit, is_valid
from tests.factories import declaration, item


def reasons(raw: dict) -> dict[str, str | None]:
    outcome = validate_declaration(raw, today=date(2026, 1, 1))
    return {str(i.reason): i.field for i in outcome.issues}


def test_valid_declaration_has_no_issues() -> None:
    outcome = validate_declaration(declaration(), today=date(2026, 1, 1))
    assert outcome.ok, outcome.issues
    assert outcome.declaration is not None
    assert outcome.declaration.items[0].hs6 == "851713"


def test_codes_are_normalised() -> None:
    raw = declaration(
        country_dispatch=" cn ", items=[item(origin_country="cn ", hs_code=" 851713")]
    )
    outcome = validate_declaration(raw, today=date(2026, 1, 1))
    assert outcome.ok
    assert outcome.declaration is not None
    assert outcome.declaration.country_dispatch == "CN"
    assert outcome.declaration.items[0].hs_code == "851713"


@pytest.mark.parametrize(
    ("overrides", "reason", "field"),
    [
        ({"country_dispatch": "QQ"}, "unknown_country", "country_dispatch"),
        ({"invoice_currency": "XYZ"}, "unknown_currency", "invoice_currency"),
        ({"invoice_currency": None}, "currency_missing", "invoice_currency"),
        ({"incoterm": "FOO"}, "unknown_incoterm", "incoterm"),
        ({"transport_mode": "X"}, "unknown_transport_mode", "transport_mode"),
        ({"containers": ["CSQU3054384"]}, "container_check_digit", "containers[0]"),
        ({"containers": ["CSQ3054383"]}, "container_format", "containers[0]"),
        ({"declaration_date": "2027-05-01"}, "future_date", "declaration_date"),
        ({"declaration_date": "2025-02-30"}, "invalid_date", "declaration_date"),
        ({"invoice_total": -5}, "negative_value", "invoice_total"),
        ({"items": [item(hs_code="8517")]}, "hs_code_format", "items[0].hs_code"),
        ({"items": [item(hs_code="999999")]}, "hs_code_unknown", "items[0].hs_code"),
        ({"items": [item(net_mass_kg=40.0)]}, "net_above_gross", "items[0].net_mass_kg"),
        ({"items": [item(net_mass_kg=-1.0)]}, "negative_value", "items[0].net_mass_kg"),
        ({"items": [item(gross_mass_kg=1e12)]}, "absurd_value", "items[0].gross_mass_kg"),
        ({"items": [item(net_mass_kg="heavy")]}, "wrong_type", "items[0].net_mass_kg"),
        ({"items": [item(), item()]}, "duplicate_item_seq", "items[1].seq"),
        ({"items": []}, "missing_field", "items"),
        ({"colour": "red"}, "unknown_field", "colour"),
    ],
)
def test_bad_values_get_a_reason_and_the_field(overrides: dict, reason: str, field: str) -> None:
    found = reasons(declaration(**overrides))
    assert found.get(reason) == field, found


def test_missing_required_field_is_named() -> None:
    raw = declaration()
    del raw["declaration_date"]
    outcome = validate_declaration(raw)
    assert [(i.reason, i.field) for i in outcome.issues] == [
        (Reason.MISSING_FIELD, "declaration_date")
    ]
    assert "'declaration_date' is required" in outcome.issues[0].message


def test_every_problem_is_reported_not_only_the_first() -> None:
    raw = declaration(country_dispatch="QQ", invoice_currency="XYZ", containers=["CSQU3054384"])
    assert {"unknown_country", "unknown_currency", "container_check_digit"} <= set(reasons(raw))


def test_sea_only_incoterm_by_air_is_a_warning_not_an_error() -> None:
    outcome = validate_declaration(declaration(incoterm="CIF", transport_mode="4"))
    assert outcome.ok
    assert [i.severity for i in outcome.issues] == [Severity.WARNING]


def test_hs_code_is_checked_against_the_edition_in_force() -> None:
    # 851770 exists in HS 2017 but not in HS 2022; 851713 is new in HS 2022.
    old = declaration(declaration_date="2021-06-01", items=[item(hs_code="851770")])
    new = declaration(declaration_date="2022-06-01", items=[item(hs_code="851770")])
    assert "hs_code_unknown" not in reasons(old)
    assert reasons(new)["hs_code_unknown"] == "items[0].hs_code"
    early = declaration(declaration_date="2021-06-01", items=[item(hs_code="851713")])
    assert "hs_code_unknown" in reasons(early)


def test_hs_editions_counts_and_dates() -> None:
    assert len(get_edition(2022).subheadings) > 5500
    assert len(get_edition(2017).subheadings) > 5300
    assert edition_for_date(date(2017, 1, 1)).year == 2017  # type: ignore[union-attr]
    assert edition_for_date(date(2021, 12, 31)).year == 2017  # type: ignore[union-attr]
    assert edition_for_date(date(2022, 1, 1)).year == 2022  # type: ignore[union-attr]
    assert edition_for_date(date(2016, 12, 31)) is None


def test_no_edition_before_2017_is_a_warning() -> None:
    outcome = validate_declaration(declaration(declaration_date="2015-06-01"))
    assert outcome.ok
    assert [str(i.reason) for i in outcome.issues] == ["hs_edition_unavailable"]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("CSQU3054383", True),
        ("MSKU9070323", True),
        ("CSQU3054384", False),
        ("csqu3054383", False),
        ("CSQX3054383", False),
    ],
)
def test_iso6346(number: str, valid: bool) -> None:
    assert is_valid(number) is valid


@given(
    owner=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    serial=st.integers(0, 999_999),
)
def test_iso6346_any_other_check_digit_is_refused(owner: str, serial: int) -> None:
    stem = f"{owner}U{serial:06d}"
    digit = check_digit(stem)
    assert is_valid(f"{stem}{digit}")
    assert not any(is_valid(f"{stem}{d}") for d in range(10) if d != digit)


def test_rules_still_run_when_a_field_has_the_wrong_type() -> None:
    raw = declaration(country_dispatch="QQ", items=[item(quantity="many", net_mass_kg=99.0)])
    outcome = validate_declaration(raw, today=date(2026, 1, 1))
    assert outcome.declaration is None
    found = {(str(i.reason), i.field) for i in outcome.issues}
    assert ("wrong_type", "items[0].quantity") in found
    assert ("unknown_country", "country_dispatch") in found
    assert ("net_above_gross", "items[0].net_mass_kg") in found
