"""An assessment stored without its reasons (``clearlane score --reasons flagged`` stores a
green row's so) shows them when an officer opens the declaration: the API detail and the page
compute them from the stored declaration with the engine in service, and say so."""

from __future__ import annotations

from sqlalchemy import select, update

from clearlane.oversight.assessments import REASONS_DEFERRED
from clearlane.store.session import open_store
from clearlane.store.tables import AssessmentRow
from tests.api.conftest import Harness
from tests.api.helpers import own, submit


def test_reasons_not_stored_are_computed_when_the_declaration_is_opened(scored: Harness) -> None:
    body = submit(scored.client, scored.auth["officer"], own("RO-1"))
    assessment_id = body["results"][0]["assessment"]["id"]
    with open_store(scored.url)() as session, session.begin():
        stored = session.get(AssessmentRow, assessment_id)
        assert stored is not None and stored.reasons
        computed = list(stored.reasons)
        # what the batch command stores for a row it did not explain
        session.execute(
            update(AssessmentRow)
            .where(AssessmentRow.id == assessment_id)
            .values(reasons=[], components={**stored.components, REASONS_DEFERRED: True})
        )
    detail = scored.client.get("/api/declarations/RO-1", headers=scored.auth["officer"])
    assert detail.status_code == 200, detail.text
    got = detail.json()
    assert [r["text"] for r in got["assessment"]["reasons"]] == [r["text"] for r in computed]
    assert [r["code"] for r in got["assessment"]["reasons"]] == [r["code"] for r in computed]
    assert got["reasons_note"] == "computed when opened (not stored with the batch score)"
    page = scored.client.get("/declarations/RO-1", headers=scored.auth["officer"])
    assert page.status_code == 200
    assert computed[0]["text"] in page.text and "computed when opened" in page.text
    assert "No reason was recorded" not in page.text
    with open_store(scored.url)() as session:  # opening writes nothing
        again = session.scalars(
            select(AssessmentRow).where(AssessmentRow.id == assessment_id)
        ).one()
        assert again.reasons == []
