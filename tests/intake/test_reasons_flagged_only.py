"""The online path explains only what it routes other than green (#15), as ``clearlane score
--reasons flagged`` does: a submission routed green is stored without its reasons (deferred,
computed when an officer opens it), one routed yellow, red or blue with the reasons every row
used to get, the same ones."""

from __future__ import annotations

from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.declarations.service import reasons_on_demand
from clearlane.audit import trail
from clearlane.core.schema import Declaration
from clearlane.features.facts import facts_columns, gather_facts
from clearlane.intake import submit_declarations
from clearlane.learn.registry import ModelRegistry
from clearlane.oversight.assessments import REASONS_DEFERRED
from clearlane.store.tables import AssessmentRow, DeclarationRow
from clearlane.workflows import assessed_records, load_champion
from tests.factories import ALL_GREEN, ALL_RED, declaration, item

KEY = b"flagged-only-test"


def _records() -> list[dict[str, Any]]:
    return [
        declaration(
            f"FO-{i}",
            items=[
                item(seq=1, hs_code="85171300", description=f"mobile phone model {i}"),
                item(seq=2, hs_code="61091000", description="cotton t-shirts"),
            ],
        )
        for i in range(4)
    ]


def test_assessed_records_explains_only_the_rows_routed_other_than_green(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    engine, _ = load_champion(trained_registry)
    profiles = None
    declarations = [Declaration.model_validate(r) for r in _records()]
    every = assessed_records(facts_columns(declarations, None), engine=engine, profiles=profiles)
    routed_lanes = ["green", "yellow", "green", "red"]

    def route(records: list[dict[str, Any]]) -> None:
        assert all(r["reasons"] is None for r in records), "routed before explained"
        for record, lane in zip(records, routed_lanes, strict=True):
            record["lane"] = lane

    routed = assessed_records(
        facts_columns(declarations, None), engine=engine, profiles=profiles, route=route
    )
    for lane, one, all_explained in zip(routed_lanes, routed, every, strict=True):
        assert one["score"] == all_explained["score"]
        if lane == "green":
            assert (one["reasons"], one["top_reason"]) == (None, "")
        else:
            assert one["reasons"] and one["reasons"] == all_explained["reasons"]
            assert one["top_reason"] == all_explained["top_reason"]


def test_a_submission_routed_green_is_stored_without_reasons_a_red_one_with_them(
    store: sessionmaker[Session], trained_registry: ModelRegistry
) -> None:
    engine, _ = load_champion(trained_registry)
    profiles = None
    answers = {}
    for i, record in enumerate(_records()):  # one at a time, as the API submits them
        (result,) = submit_declarations(
            [record], source="api:test", engine=engine, key=KEY, session_factory=store,
            profiles=profiles, policy=ALL_RED if i % 2 else ALL_GREEN,
        )  # fmt: skip
        assert result.assessment is not None, result
        answers[result.reference] = result.assessment
    assert {a.lane for a in answers.values()} == {"green", "red"}
    facts = gather_facts(store, list(answers), compute_hs=False, store_hs=False)
    with store() as session:
        rows = {
            r.reference: r
            for r in session.scalars(
                select(DeclarationRow).where(DeclarationRow.reference.in_(answers))
            )
        }
        for reference, answer in answers.items():
            stored = session.get(AssessmentRow, answer.id)
            assert stored is not None
            assert (stored.reasons, stored.components) == (answer.reasons, answer.components)
            (entry,) = [
                e for e in trail(session, subject=f"declaration:{reference}")
                if e["kind"] == "assessment"
            ]  # fmt: skip
            assert entry["payload"]["reasons"] == stored.reasons
            # the reasons the engine gives it now, every row explained (as before #15's change)
            declaration_ = Declaration.model_validate(rows[reference].normalised)
            (expected,) = assessed_records(
                facts_columns([declaration_], facts), engine=engine, profiles=profiles
            )
            assert np.isclose(expected["score"], stored.score, rtol=0, atol=1e-12)
            assert expected["reasons"]
            if stored.lane == "green":
                assert stored.reasons == [] and stored.components[REASONS_DEFERRED] is True
                shown, note = reasons_on_demand(
                    store, row=rows[reference], assessment=stored, engine=engine,
                    profiles=profiles,
                )  # fmt: skip
                assert shown == expected["reasons"]
                assert note == "computed when opened (not stored with the batch score)"
            else:
                assert stored.reasons == expected["reasons"]
                assert REASONS_DEFERRED not in stored.components
