"""The UI's helpers without a server: the control form's fields, its follow-up CSS, the
side-by-side comparison of original and normalised declarations, and the SVG charts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pydantic import ValidationError

from clearlane.api.ui import charts
from clearlane.api.ui.compare import side_by_side
from clearlane.api.ui.controlform import control_form_from, form_css
from clearlane.core.schema import IrregularityType
from clearlane.ingest.layout import CSV_COLUMNS, rows_from_declaration
from clearlane.oversight.controls import FOLLOW_UPS, form_problems

DECLARATION = {
    "reference": "REF-1",
    "version": 1,
    "declaration_date": "2025-02-01",
    "office": "NL000101",
    "declarant": {"id": "NL1"},
    "importer": {"id": "NL1"},
    "invoice_currency": "USD",
    "items": [
        {"seq": 1, "hs_code": "63079030", "origin_country": "CN", "net_mass_kg": 100.0},
        {"seq": 2, "hs_code": "62034200", "origin_country": "BD", "net_mass_kg": 12.5},
    ],
}


def test_drugs_result_keeps_its_follow_ups() -> None:
    form = control_form_from(
        {
            "control_type": "physical",
            "outcome": "non_compliant",
            "irr-0-type": "drugs",
            "drug_type": " cocaine ",
            "drug_form": "powder",
            "concealment_method": "inside other goods",
            "seized_quantity": "12,5",
            "seized_unit": "KGM",
            "extra_duty": "",
            "remarks": "bricks in the pallets",
            "csrf_token": "ignored",
        }
    )
    assert [i.type for i in form.irregularities] == [IrregularityType.DRUGS]
    assert (form.drug_type, form.drug_form, form.seized_quantity) == ("cocaine", "powder", 12.5)
    assert form.extra_duty == 0.0 and form.remarks == "bricks in the pallets"
    assert form_problems(form) == []


def test_follow_ups_hidden_for_the_chosen_type_are_dropped() -> None:
    """A drug type typed before the officer switched to undervaluation is not sent."""
    form = control_form_from(
        {
            "control_type": "documentary",
            "outcome": "non_compliant",
            "irr-0-type": "undervaluation",
            "irr-0-declared": "1000",
            "irr-0-found": "2500.5",
            "irr-0-note": "hidden for undervaluation",
            "drug_type": "cannabis",
            "concealment_method": "false floor",
            "extra_duty": "310",
        }
    )
    assert form.drug_type is None and form.concealment_method is None
    finding = form.irregularities[0]
    assert (finding.declared, finding.found, finding.note) == (1000.0, 2500.5, None)
    assert form.extra_duty == 310.0 and form_problems(form) == []


def test_compliant_result_ignores_irregularity_rows_and_bad_values_are_named() -> None:
    form = control_form_from(
        {"control_type": "physical", "outcome": "compliant", "irr-0-type": "drugs"}
    )
    assert form.irregularities == [] and form_problems(form) == []
    with pytest.raises(ValidationError) as caught:
        control_form_from({"control_type": "x-ray", "outcome": "non_compliant"})
    assert "control_type" in str(caught.value)
    with pytest.raises(ValidationError) as caught:  # a thousands separator is not guessed at
        control_form_from(
            {
                "control_type": "physical",
                "outcome": "non_compliant",
                "irr-0-type": "undeclared_goods",
                "seized_quantity": "1,000",
            }
        )
    assert "seized_quantity" in str(caught.value)
    missing = control_form_from({"control_type": "physical", "outcome": "non_compliant"})
    assert ("irregularities", "a non-compliant result lists at least one") in form_problems(missing)


def test_css_shows_each_follow_up_for_the_types_that_need_it() -> None:
    css = form_css()
    for kind, names in FOLLOW_UPS.items():
        for name in names:
            if name in ("drug_type", "drug_form", "concealment_method", "note", "found"):
                assert f'option[value="{kind.value}"]:checked) .fu-{name}' in css
    assert 'option[value="drugs"]:checked) .fu-drug_form' in css
    assert 'option[value="undervaluation"]:checked) .fu-drug_form' not in css


def test_side_by_side_aligns_csv_fields_and_marks_changes() -> None:
    rows = rows_from_declaration(DECLARATION)
    rows[0]["invoice_currency"] = "usd"  # normalisation upper-cases it
    rows[1]["net_mass_kg"] = "12.50"  # the same number written differently
    text = io.StringIO()
    writer = csv.writer(text)
    for row in rows:
        writer.writerow([row.get(c, "") for c in CSV_COLUMNS])
    compared = side_by_side(text.getvalue(), "csv", DECLARATION)
    assert compared.aligned and len(compared.items) == 2
    changed = [f.field for f in compared.header if f.differs]
    assert changed == ["invoice_currency"]
    assert not any(f.differs for f in compared.items[1])
    garbled = side_by_side("a,b,c\n", "csv", DECLARATION)
    assert not garbled.aligned and garbled.header[0].normalised == "REF-1"


def test_side_by_side_reads_json_originals() -> None:
    original = json.dumps({**DECLARATION, "office": " nl000101 "})
    compared = side_by_side(original, "json", DECLARATION)
    assert compared.aligned
    assert [f.field for f in compared.header if f.differs] == ["office"]


def test_charts_scale_and_say_when_empty() -> None:
    svg = charts.time_series("rates", ["d1", "d2", "d3"], {"hit rate": [0.1, None, 0.3]})
    assert 'viewBox="0 0 640 240"' in svg and svg.count("<circle") == 2
    assert "no data yet" in charts.time_series("rates", [], {"hit rate": []})
    bars = charts.bars("lanes", ["green", "red"], [90, 10], colours=["#0a0", "#a00"])
    assert bars.count("<rect") == 2 and ">90<" in bars
    responsive = charts.calibration(([0.1, 0.5], [0.05, 0.4]), label="stored")
    assert "viewBox=" in responsive and 'class="chart"' in responsive
