"""Control results stored under earlier, looser rules still load into the training frame.

Session 10 bounded a control result's integers (``declaration_version`` to the Integer
column's range, a finding's ``item_seq`` to five digits) and refused a time without a UTC
instant. SQLite stored such results before; :func:`load_items_frame` validates every stored
payload again, so one of them made loading the frame (training from the store) raise."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import ingest_file
from clearlane.store.frames import load_items_frame
from clearlane.store.tables import ControlResultRow
from tests.factories import declaration, write_jsonl


def _row(row_id: int, reference: str, outcome: str, **payload: object) -> dict[str, object]:
    body = {
        "declaration_reference": reference, "control_type": "documentary",
        "selection_reason": "random", "outcome": outcome, "severity": "none",
        "extra_duty": 0.0, **payload,
    }  # fmt: skip
    return {
        "id": row_id, "declaration_reference": reference, "control_type": "documentary",
        "selection_reason": "random", "outcome": outcome, "severity": "none",
        "irregularities": [], "extra_duty": 0.0, "completed_at": None,
        "content_sha256": f"{row_id:064d}", "payload": body,
        "recorded_at": datetime(2025, 3, 1, tzinfo=UTC),
    }  # fmt: skip


def test_results_stored_before_the_bounds_still_label_their_declarations(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", [declaration("OLD-1"), declaration("OLD-2"), declaration("OLD-3")]
    )
    assert ingest_file(path, session_factory=store).stored == 3
    with store() as session, session.begin():
        session.execute(
            insert(ControlResultRow.__table__),
            [
                _row(101, "OLD-1", "non_compliant", declaration_version=2**31,
                     irregularities=["undervaluation"]),
                _row(102, "OLD-2", "compliant", completed_at="0001-01-01T00:30:00+01:00"),
                _row(103, "OLD-3", "compliant"),
            ],
        )  # fmt: skip
    frame = load_items_frame(session_factory=store)
    labels = frame.groupby("reference")[["controlled", "fraud"]].first()
    assert labels.loc["OLD-1"].tolist() == [1, 1.0]
    assert labels.loc["OLD-2"].tolist() == [1, 0.0]
    assert labels.loc["OLD-3"].tolist() == [1, 0.0]


def test_a_declaration_stored_before_the_bounds_does_not_stop_the_facts(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """A goods item's packages past 2**31-1 (SQLite stored them before the bound): gathering
    the facts of every stored declaration (training) validated each again and raised."""
    from sqlalchemy import select, update

    from clearlane.features.facts import gather_facts
    from clearlane.store.tables import DeclarationRow

    path = write_jsonl(tmp_path / "d.jsonl", [declaration("PK-1")])
    assert ingest_file(path, session_factory=store).stored == 1
    with store() as session, session.begin():
        normalised = session.scalar(select(DeclarationRow.normalised))
        normalised["items"][0]["packages"] = 2**32
        session.execute(update(DeclarationRow).values(normalised=normalised))
    facts = gather_facts(store, ["PK-1"], network=False, compute_hs=False)
    assert facts.hs == {} and list(facts.declarations.index) == ["PK-1"]
