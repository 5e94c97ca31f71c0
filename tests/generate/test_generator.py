"""The synthetic data generator: determinism, validity, reconciliation and planted fraud."""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from clearlane.core.schema import ControlResult, Declaration
from clearlane.core.validation import iso6346, validate_declaration
from clearlane.generate import GenerationSummary, generate_dataset
from clearlane.generate.config import CRITICAL_MECHANISMS, REVENUE_MECHANISMS, FraudModel
from clearlane.generate.dataset import FILES, GROUND_TRUTH_COLUMNS
from clearlane.generate.identifiers import is_awb_number, is_imo_number, is_s10_number
from clearlane.ingest.layout import CSV_COLUMNS
from clearlane.ingest.parse import parse_file

N = 3000
SEED = 7
# The first day the generator allows for its default period (2025, controls ending up to
# CONTROL_DAYS later): fixed, so no test depends on the day it runs, and the tightest "in the
# past" the dates can be checked against.
TODAY = date(2026, 1, 3)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[GenerationSummary, Path]:
    out = tmp_path_factory.mktemp("generated")
    return generate_dataset(declarations=N, seed=SEED, out_dir=out, today=TODAY), out


@pytest.fixture(scope="module")
def summary(run: tuple[GenerationSummary, Path]) -> GenerationSummary:
    return run[0]


@pytest.fixture(scope="module")
def out(run: tuple[GenerationSummary, Path]) -> Path:
    return run[1]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def declarations(out: Path) -> list[dict[str, Any]]:
    return _jsonl(out / "declarations.jsonl")


@pytest.fixture(scope="module")
def manifests(out: Path) -> dict[str, dict[str, Any]]:
    return {m["declaration_reference"]: m for m in _jsonl(out / "manifests.jsonl")}


@pytest.fixture(scope="module")
def invoices(out: Path) -> dict[str, dict[str, Any]]:
    return {i["declaration_reference"]: i for i in _jsonl(out / "invoices.jsonl")}


@pytest.fixture(scope="module")
def controls(out: Path) -> dict[str, dict[str, Any]]:
    return {c["declaration_reference"]: c for c in _jsonl(out / "controls.jsonl")}


@pytest.fixture(scope="module")
def truth(out: Path) -> dict[str, dict[str, str]]:
    with (out / "ground_truth.csv").open(encoding="utf-8", newline="") as handle:
        return {row["reference"]: row for row in csv.DictReader(handle)}


def _mechanisms(row: dict[str, str]) -> set[str]:
    return set(filter(None, row["mechanisms"].split(";")))


def _digests(directory: Path) -> dict[str, str]:
    return {name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in FILES}


# -- reproducibility -------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(out: Path, tmp_path: Path) -> None:
    again = generate_dataset(declarations=N, seed=SEED, out_dir=tmp_path, today=TODAY)
    assert again.declarations == N
    assert _digests(tmp_path) == _digests(out)


def test_the_period_is_checked_against_the_day_given(tmp_path: Path) -> None:
    """generate_dataset read the clock itself: whether a period was in the past depended on
    the day the test ran. It takes the day (``today``) as write_dataset does."""
    with pytest.raises(ValueError, match=r"before today \(2025-12-31\)"):
        generate_dataset(declarations=10, seed=1, out_dir=tmp_path, today=date(2025, 12, 31))
    summary = generate_dataset(declarations=10, seed=1, out_dir=tmp_path, today=TODAY)
    assert summary.end == date(2025, 12, 31)


def test_different_seeds_differ(tmp_path: Path) -> None:
    generate_dataset(declarations=200, seed=1, out_dir=tmp_path / "a", days=30)
    generate_dataset(declarations=200, seed=2, out_dir=tmp_path / "b", days=30)
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert all(first[name] != second[name] for name in FILES if name != "controls.jsonl")


# -- validity ----------------------------------------------------------------------------------


def test_every_declaration_validates_without_any_issue(
    declarations: list[dict[str, Any]],
) -> None:
    assert len(declarations) == N
    for raw in declarations:
        outcome = validate_declaration(raw)
        assert outcome.ok, (raw["reference"], outcome.issues)
        assert outcome.issues == [], (raw["reference"], outcome.issues)


def _compact(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def test_jsonl_lines_are_canonical_model_dumps(out: Path) -> None:
    """Each line is exactly model_dump(mode="json", exclude_none=True), compactly encoded."""
    with (out / "declarations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            dumped = Declaration.model_validate(raw).model_dump(mode="json", exclude_none=True)
            assert _compact(dumped) == line.rstrip("\n")


@pytest.mark.parametrize("name", ["manifests.jsonl", "invoices.jsonl", "controls.jsonl"])
def test_jsonl_files_are_compact_utf8_json(out: Path, name: str) -> None:
    with (out / name).open(encoding="utf-8") as handle:
        for line in handle:
            assert line.endswith("\n") and _compact(json.loads(line)) == line[:-1]


def test_csv_reads_back_to_the_same_declarations(out: Path, declarations: list[dict]) -> None:
    with (out / "declarations.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == CSV_COLUMNS
    records = list(parse_file(out / "declarations.csv"))
    assert len(records) == len(declarations)
    for record, raw in zip(records, declarations, strict=True):
        assert record.accepted, record.issues
        assert record.declaration == Declaration.model_validate(raw)


def test_controls_are_valid_control_results(controls: dict[str, dict[str, Any]]) -> None:
    for raw in controls.values():
        dumped = ControlResult.model_validate(raw).model_dump(mode="json", exclude_none=True)
        assert dumped == raw


def test_every_date_is_in_the_past(
    declarations: list[dict[str, Any]],
    manifests: dict[str, dict[str, Any]],
    invoices: dict[str, dict[str, Any]],
    controls: dict[str, dict[str, Any]],
    summary: GenerationSummary,
) -> None:
    assert summary.start == date(2025, 1, 1) and summary.end == date(2025, 12, 31)
    days = [date.fromisoformat(d["declaration_date"]) for d in declarations]
    assert min(days) >= summary.start and max(days) <= summary.end
    for m in manifests.values():
        assert date.fromisoformat(m["departure_date"]) <= date.fromisoformat(m["arrival_date"])
        assert date.fromisoformat(m["arrival_date"]) < TODAY
    assert all(date.fromisoformat(i["invoice_date"]) < TODAY for i in invoices.values())
    for c in controls.values():
        assert datetime.fromisoformat(c["started_at"]) < datetime.fromisoformat(c["completed_at"])
        assert datetime.fromisoformat(c["completed_at"]).date() < TODAY


def test_identifiers_carry_valid_check_digits(
    declarations: list[dict[str, Any]], manifests: dict[str, dict[str, Any]]
) -> None:
    by_type: Counter[str] = Counter()
    for decl in declarations:
        assert iso6346.check_digit(decl["reference"][:17]) == int(decl["reference"][17])
        manifest = manifests[decl["reference"]]
        by_type[manifest["document_type"]] += 1
        assert [c["number"] for c in manifest["containers"]] == decl["containers"]
        assert all(iso6346.is_valid(c["number"]) for c in manifest["containers"])
        if manifest["document_type"] == "BL":
            assert is_imo_number(decl["transport_means_id"])
            assert decl["containers"] or decl["items"][0]["quantity_unit"] == "NAR"
        elif manifest["document_type"] == "AWB":
            assert is_awb_number(decl["transport_document"])
        elif manifest["document_type"] == "S10":
            assert is_s10_number(decl["transport_document"])
    assert set(by_type) == {"BL", "AWB", "HAWB", "CMR", "S10"}


def test_goods_and_transport_are_consistent(declarations: list[dict[str, Any]]) -> None:
    modes: Counter[str] = Counter()
    for decl in declarations:
        modes[decl["transport_mode"]] += 1
        if decl["incoterm"] in ("FAS", "FOB", "CFR", "CIF"):
            assert decl["transport_mode"] == "1"
        assert 1 <= len(decl["items"]) <= 5
        total = sum(i["customs_value"] for i in decl["items"])
        assert decl["customs_value"] == pytest.approx(total, abs=0.011)
        invoice_total = sum(i["item_value"] for i in decl["items"])
        assert decl["invoice_total"] == pytest.approx(invoice_total, abs=0.011)
        for item in decl["items"]:
            assert item["net_mass_kg"] <= item["gross_mass_kg"]
            assert item["duty_amount"] == pytest.approx(
                item["customs_value"] * item["duty_rate"] / 100, abs=0.011
            )
    assert modes["1"] / N > 0.45  # mostly sea
    assert {"1", "3", "4", "5"} <= set(modes)


# -- reconciliation ----------------------------------------------------------------------------


def test_counts_reconcile_between_files(
    summary: GenerationSummary,
    declarations: list[dict[str, Any]],
    manifests: dict[str, dict[str, Any]],
    invoices: dict[str, dict[str, Any]],
    controls: dict[str, dict[str, Any]],
    truth: dict[str, dict[str, str]],
    out: Path,
) -> None:
    references = [d["reference"] for d in declarations]
    assert len(set(references)) == N == summary.declarations
    assert set(manifests) == set(invoices) == set(truth) == set(references)
    items = sum(len(d["items"]) for d in declarations)
    assert summary.goods_items == items == summary.rows["declarations.csv"]
    assert summary.rows["controls.jsonl"] == len(controls) == summary.controlled
    assert summary.rows["ground_truth.csv"] == N
    with (out / "ground_truth.csv").open(encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == GROUND_TRUTH_COLUMNS
    fraud = [r for r in truth.values() if r["is_fraud"] == "1"]
    assert summary.fraudulent == len(fraud)
    counted = Counter(m for r in truth.values() for m in _mechanisms(r))
    assert {k: v for k, v in summary.fraud_by_mechanism.items() if v} == dict(counted)
    for decl in declarations:
        invoice = invoices[decl["reference"]]
        assert invoice["invoice_number"] == decl["invoice_number"]
        assert invoice["currency"] == decl["invoice_currency"]
        assert manifests[decl["reference"]]["bl_number"] == decl["transport_document"]


# -- planted fraud -----------------------------------------------------------------------------


def test_fraud_prevalence_and_mechanism_rates(summary: GenerationSummary) -> None:
    assert 0.03 <= summary.prevalence <= 0.06
    rates = FraudModel().rates
    for mechanism in ("undervaluation", "misclassification", "quantity", "origin"):
        expected = rates[mechanism] * N
        assert 0.5 * expected <= summary.fraud_by_mechanism[mechanism] <= 1.6 * expected, mechanism
    critical = sum(summary.fraud_by_mechanism[m] for m in CRITICAL_MECHANISMS)
    assert critical == summary.critical
    assert critical <= 5 * sum(rates[m] for m in CRITICAL_MECHANISMS) * N
    assert 0 < summary.repeat_offender_fraud < summary.fraudulent


def test_repeat_offenders_cheat_much_more_often(truth: dict[str, dict[str, str]]) -> None:
    repeat = [r for r in truth.values() if r["repeat_offender_importer"] == "1"]
    others = [r for r in truth.values() if r["repeat_offender_importer"] == "0"]
    assert repeat and others

    def share(rows: list[dict[str, str]]) -> float:
        return sum(r["is_fraud"] == "1" for r in rows) / len(rows)

    assert share(repeat) > 4 * share(others)


def test_ground_truth_matches_what_was_declared(
    declarations: list[dict[str, Any]], truth: dict[str, dict[str, str]]
) -> None:
    for decl in declarations:
        row = truth[decl["reference"]]
        mechanisms = _mechanisms(row)
        declared_hs = [i["hs_code"] for i in decl["items"]]
        declared_origin = [i["origin_country"] for i in decl["items"]]
        assert (declared_hs != row["true_hs_code"].split(";")) == (
            "misclassification" in mechanisms
        )
        assert (declared_origin != row["true_origin"].split(";")) == ("origin" in mechanisms)
        assert float(row["declared_customs_value"]) == decl["customs_value"]
        if mechanisms & {"undervaluation", "drift_undervaluation", "quantity"}:
            assert float(row["declared_customs_value"]) < float(row["true_customs_value"])
        if not mechanisms & set(REVENUE_MECHANISMS):
            assert row["true_customs_value"] == row["declared_customs_value"]
            assert float(row["duty_evaded"]) == 0.0
        else:
            assert float(row["duty_evaded"]) > 0.0
        assert (row["is_fraud"] == "1") == bool(mechanisms)
        assert (row["critical"] == "1") == bool(mechanisms & set(CRITICAL_MECHANISMS))


def test_manifest_differs_from_declaration_exactly_for_quantity_fraud(
    declarations: list[dict[str, Any]],
    manifests: dict[str, dict[str, Any]],
    truth: dict[str, dict[str, str]],
) -> None:
    planted = 0
    for decl in declarations:
        manifest = manifests[decl["reference"]]
        gross = round(sum(i["gross_mass_kg"] for i in decl["items"]), 3)
        packages = sum(i["packages"] for i in decl["items"])
        differs = abs(gross - manifest["gross_mass_kg"]) > 1e-6 or packages != manifest["packages"]
        is_quantity = "quantity" in _mechanisms(truth[decl["reference"]])
        assert differs == is_quantity, decl["reference"]
        planted += is_quantity
        if is_quantity:
            assert gross < manifest["gross_mass_kg"]
    assert planted > 0


def test_drift_scheme_only_after_its_start(
    summary: GenerationSummary, declarations: list[dict[str, Any]], truth: dict[str, dict]
) -> None:
    assert summary.drift_start == date(2025, 8, 8)  # 60 % into 2025
    drift = [r for r in truth.values() if "drift_undervaluation" in _mechanisms(r)]
    assert len(drift) >= 5
    assert all(date.fromisoformat(r["declaration_date"]) >= summary.drift_start for r in drift)
    drift_refs = {r["reference"] for r in drift}
    drift_importers = {d["importer"]["id"] for d in declarations if d["reference"] in drift_refs}
    for decl in declarations:
        if decl["importer"]["id"] in drift_importers:
            assert date.fromisoformat(decl["declaration_date"]) >= summary.drift_start
            assert {i["origin_country"] for i in decl["items"]} == {"IN"}
            assert all(i["hs_code"][:4] in ("6109", "6110") for i in decl["items"])


# -- inspections and selection bias ------------------------------------------------------------


def test_inspection_rate_and_random_share(
    summary: GenerationSummary, controls: dict[str, dict[str, Any]]
) -> None:
    assert summary.controlled == pytest.approx(0.08 * N, rel=0.05)
    reasons = Counter(c["selection_reason"] for c in controls.values())
    assert set(reasons) == {"random", "risk"}
    assert reasons["random"] == summary.random_controls
    assert 0.04 <= reasons["random"] / len(controls) <= 0.18


def test_controls_exist_only_for_controlled_declarations(
    controls: dict[str, dict[str, Any]], truth: dict[str, dict[str, str]]
) -> None:
    controlled = {ref for ref, row in truth.items() if row["controlled"] == "1"}
    assert set(controls) == controlled
    for ref, row in truth.items():
        if ref in controls:
            control = controls[ref]
            assert row["selection_reason"] == control["selection_reason"]
            assert row["control_type"] == control["control_type"]
        else:
            assert row["selection_reason"] == row["control_type"] == ""
            assert row["detected"] == "0"


def test_control_findings_follow_the_truth(
    controls: dict[str, dict[str, Any]], truth: dict[str, dict[str, str]]
) -> None:
    irregularity = {
        "undervaluation": "undervaluation",
        "drift_undervaluation": "undervaluation",
        "misclassification": "misclassification",
        "origin": "origin",
        "quantity": "quantity",
        "drugs": "drugs",
        "weapons": "weapons",
        "prohibited_restricted": "prohibited_restricted",
    }
    missed = 0
    for ref, control in controls.items():
        row = truth[ref]
        mechanisms = _mechanisms(row)
        found = set(control["irregularities"])
        assert found <= {irregularity[m] for m in mechanisms}
        assert (control["outcome"] == "non_compliant") == bool(found) == (row["detected"] == "1")
        if found & {irregularity[m] for m in REVENUE_MECHANISMS}:
            assert control["extra_duty"] == float(row["duty_evaded"]) > 0
        else:
            assert control["extra_duty"] == 0.0
        is_critical = bool(found & {"drugs", "weapons", "prohibited_restricted"})
        assert (control["severity"] == "critical") == is_critical
        missed += bool(mechanisms) and not found
    assert missed > 0  # detection is imperfect


def test_legacy_signal_is_informative_but_imperfect(truth: dict[str, dict[str, str]]) -> None:
    fraud = [float(r["legacy_score"]) for r in truth.values() if r["is_fraud"] == "1"]
    honest = [float(r["legacy_score"]) for r in truth.values() if r["is_fraud"] == "0"]
    assert sum(fraud) / len(fraud) > sum(honest) / len(honest)
    risk = [r for r in truth.values() if r["selection_reason"] == "risk"]
    assert any(r["is_fraud"] == "0" for r in risk)
    uncontrolled_fraud = [
        r for r in truth.values() if r["is_fraud"] == "1" and r["controlled"] == "0"
    ]
    assert uncontrolled_fraud  # most fraud is never seen: the labels are selection-biased


# -- arguments ---------------------------------------------------------------------------------


def test_rejects_periods_that_are_not_in_the_past(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="past"):
        generate_dataset(
            declarations=10, seed=1, out_dir=tmp_path, start=TODAY, days=5, today=TODAY
        )
    with pytest.raises(ValueError, match="HS 2022"):
        generate_dataset(declarations=10, seed=1, out_dir=tmp_path, start=date(2021, 6, 1))
    with pytest.raises(ValueError, match="inspection_rate"):
        generate_dataset(declarations=10, seed=1, out_dir=tmp_path, inspection_rate=1.5)


def test_progress_reports_increasing_counts(tmp_path: Path) -> None:
    seen: list[int] = []
    summary = generate_dataset(
        declarations=150, seed=3, out_dir=tmp_path, days=20, progress=seen.append
    )
    assert seen == sorted(seen) and seen[-1] == summary.declarations == 150
    assert len(seen) > 5
