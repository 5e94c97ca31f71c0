"""Control results captured by officers: form checks, storage like ingest, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail, verify
from clearlane.core.schema import ControlResult
from clearlane.ingest.pipeline import ingest_file
from clearlane.ingest.prepare import control_row
from clearlane.oversight import (
    ControlForm,
    ControlFormError,
    DeclarationNotFound,
    DuplicateControlResult,
    record_control_result,
)
from clearlane.oversight.controls import control_results, form_options, form_problems
from clearlane.store.frames import load_items_frame
from tests.factories import declaration, write_jsonl

DRUGS = {
    "control_type": "physical",
    "outcome": "non_compliant",
    "irregularities": [{"type": "drugs"}],
    "drug_type": "cocaine",
    "drug_form": "powder",
    "concealment_method": "false floor of the container",
    "seized_quantity": 12.5,
    "seized_unit": "kgm",
    "remarks": "found during a full unload",
}


def test_results_stored_before_the_new_fields_keep_their_hash() -> None:
    """The hash of a result without findings or drug form is what it was before they existed
    (computed with the code of commit 912e84e), so re-ingesting an old file stores nothing."""
    result = ControlResult(
        declaration_reference="R-1",
        declaration_version=1,
        control_type="physical",
        selection_reason="risk",
        outcome="non_compliant",
        irregularities=["drugs"],
        severity="critical",
        seized_quantity=12.5,
        seized_unit="KGM",
        drug_type="cocaine",
        completed_at="2025-03-14T10:00:00Z",
    )
    expected = "14188e6758f8352ded13991283b98565c286aa9c6c19b2f3ed4b1ae48f99985e"
    assert control_row(result)["content_sha256"] == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"irregularities": []}, "irregularities"),
        ({"drug_type": None}, "drug_type"),
        ({"irregularities": [{"type": "undervaluation"}]}, "drug_type"),
        ({"seized_unit": None}, "seized_unit"),
        ({"outcome": "compliant", "irregularities": []}, "seized_quantity"),
        (
            {"irregularities": [{"type": "drugs"}, {"type": "origin", "field": "colour"}]},
            "irregularities[1].field",
        ),
        (
            {"irregularities": [{"type": "drugs", "declared": 3}]},
            "irregularities[0].declared",
        ),
    ],
)
def test_follow_up_fields_must_fit_the_irregularities(changes: dict, field: str) -> None:
    form = ControlForm.model_validate({**DRUGS, **changes})
    assert field in [name for name, _ in form_problems(form)]


def test_the_form_forbids_unknown_fields_and_controls_that_were_not_performed() -> None:
    with pytest.raises(ValidationError, match="colour"):
        ControlForm.model_validate({**DRUGS, "colour": "red"})
    with pytest.raises(ValidationError, match="control_type"):
        ControlForm.model_validate({**DRUGS, "control_type": "none"})


@pytest.fixture
def stored(store: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    ingest_file(write_jsonl(tmp_path / "d.jsonl", [declaration("C-1")]), session_factory=store)
    return store


def test_a_recorded_result_is_stored_like_an_ingested_one_and_audited(
    stored: sessionmaker[Session],
) -> None:
    form = ControlForm.model_validate(DRUGS)
    with stored() as session, session.begin():
        saved = record_control_result(session, reference="C-1", form=form, officer="officer1")
    assert saved.result.severity == "critical"  # derived from drugs
    assert saved.result.selection_reason == "officer"  # no assessment: the officer chose it
    assert saved.result.seized_unit == "KGM"  # upper-cased Rec 20 code
    assert saved.row.content_sha256 == control_row(saved.result)["content_sha256"]
    assert saved.row.payload["drug_form"] == "powder"
    with stored() as session:
        rows = control_results(session, reference="C-1")
        entries = [
            e for e in trail(session, subject="declaration:C-1") if e["kind"] == "control_result"
        ]
        assert verify(session).ok
    assert len(rows) == 1 and rows[0].outcome == "non_compliant"
    assert entries[0]["actor"] == "officer1"
    assert entries[0]["payload"]["content_sha256"] == rows[0].content_sha256
    frame = load_items_frame(session_factory=stored)  # training reads it back
    assert frame.loc[frame["reference"] == "C-1", "fraud"].tolist() == [1.0]
    assert frame.loc[frame["reference"] == "C-1", "critical"].tolist() == [1.0]

    with stored() as session, session.begin(), pytest.raises(DuplicateControlResult):
        record_control_result(
            session,
            reference="C-1",
            form=form.model_copy(update={"completed_at": saved.result.completed_at}),
            officer="officer1",
        )


def test_findings_keep_declared_and_found_values(stored: sessionmaker[Session]) -> None:
    form = ControlForm.model_validate(
        {
            "control_type": "documentary",
            "outcome": "non_compliant",
            "irregularities": [{"type": "undervaluation", "declared": 11040, "found": 23000}],
            "extra_duty": 2511.6,
        }
    )
    with stored() as session, session.begin():
        saved = record_control_result(session, reference="C-1", form=form, officer="o")
    assert saved.result.severity == "revenue"
    findings = saved.row.payload["findings"]
    assert findings[0]["field"] == "customs_value"  # the usual field of an undervaluation
    assert (findings[0]["declared"], findings[0]["found"]) == (11040, 23000)


def test_unknown_declarations_and_bad_combinations_are_refused(
    stored: sessionmaker[Session],
) -> None:
    with stored() as session:
        with pytest.raises(DeclarationNotFound, match="NOPE"):
            record_control_result(
                session, reference="NOPE", form=ControlForm.model_validate(DRUGS), officer="o"
            )
        with pytest.raises(ControlFormError) as raised:
            record_control_result(
                session,
                reference="C-1",
                form=ControlForm.model_validate({**DRUGS, "drug_type": None}),
                officer="o",
            )
    assert raised.value.problems[0][0] == "drug_type"


def test_form_options_list_the_follow_ups_of_each_type() -> None:
    options = form_options()
    by_type = {t["type"]: t["follow_ups"] for t in options["irregularity_types"]}
    assert "drug_form" in by_type["drugs"] and "drug_form" not in by_type["weapons"]
    assert "powder" in options["drug_forms"]


def test_a_result_with_a_naive_start_and_the_default_end_is_recorded(
    stored: sessionmaker[Session],
) -> None:
    """completed_at defaults to now (UTC); a started_at without an offset (UTC) was compared
    with it and raised TypeError, which the route answered with 500."""
    form = ControlForm.model_validate({**DRUGS, "started_at": "2020-01-02T03:04:05"})
    assert form.completed_at is None and form.started_at is not None
    with stored() as session, session.begin():
        saved = record_control_result(session, reference="C-1", form=form, officer="officer1")
    assert saved.row.completed_at is not None
