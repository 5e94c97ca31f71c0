"""The SQL a submission issues: a budget of statements per submitted declaration, so that a
change that adds reads or writes to the submit path (a query per row, a read-back of what was
just written, one audit insert per entry) is noticed. Not timed: the statements are counted.

A fresh store per module (its own app), so the routing's fallback reads are the same whatever
ran before: no assessment of this engine yet, so the first submission tries every cut source
and the next ones, within the cuts cache's time, the office's own scores only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from clearlane.audit import verify
from clearlane.learn.registry import ModelRegistry
from clearlane.store.session import get_engine, open_store
from tests.api.conftest import Harness, harness
from tests.api.helpers import own, submit
from tests.factories import item

#: Statements of one new declaration with goods descriptions never seen before: sign-in (1),
#: profiles stamp (1), ingest (5: batch, versions, declaration, goods items, batch counts),
#: the cheap "assessed already?" read that spares scoring a declaration another writer
#: assessed (#11), facts (1: any invoice, link or party mention about it? + the HS check's
#: read, 1), routing (capacity, and the office's own
#: scores: the fallback cuts of a fresh engine are kept for the cache's time), the
#: assessment's transaction (BEGIN IMMEDIATE, savepoint, stored?, audit 3, insert, release,
#: the HS checks computed for it). The assessment is not read back for the answer. It was 32
#: before issue #15's submit pass, 27 before its store pass. Descriptions this process has
#: not ranked add 2 (21 before session 19): the read of their rankings stored by other
#: processes (``hs_rankings``), and the write of those it ranked, in the same transaction.
NEW_DESCRIPTIONS_BUDGET = 23
#: The same with descriptions this process has checked before: no HS check or ranking read or
#: write, and on SQLite the assessment lock's BEGIN IMMEDIATE opens the write transaction.
SEEN_DESCRIPTIONS_BUDGET = 20


@pytest.fixture(scope="module")
def fresh(
    tmp_path_factory: pytest.TempPathFactory, trained_registry: ModelRegistry
) -> Iterator[Harness]:
    with harness(tmp_path_factory.mktemp("statements"), trained_registry) as made:
        yield made


def _statements(url: str, call: Any) -> list[str]:
    """The SQL statements sent to the store at ``url`` while ``call()`` runs."""
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    engine: Engine = get_engine(url)
    event.listen(engine, "before_cursor_execute", count)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return seen


def _declaration(reference: str, descriptions: list[str]) -> dict[str, Any]:
    items = [
        item(seq=i + 1, hs_code="85171300", description=text) for i, text in enumerate(descriptions)
    ]
    return own(reference, items=items)


def test_a_submission_stays_within_its_statement_budget(fresh: Harness) -> None:
    headers = fresh.auth["officer"]
    # The first submission of the process loads the engine and the HS model.
    submit(fresh.client, headers, _declaration("BUDGET-0", ["mobile phone, 128 GB"]))

    descriptions = ["smartphone with dual camera", "smartphone charger cable"]
    bodies: list[Any] = []

    def new() -> None:
        bodies.append(submit(fresh.client, headers, _declaration("BUDGET-1", descriptions)))

    def seen() -> None:
        bodies.append(submit(fresh.client, headers, _declaration("BUDGET-2", descriptions)))

    first = _statements(fresh.url, new)
    second = _statements(fresh.url, seen)

    for body in bodies:
        result = body["results"][0]
        assert result["status"] == "new" and result["assessment"] is not None, body
    assert len(first) <= NEW_DESCRIPTIONS_BUDGET, "\n".join(first)
    assert len(second) <= SEEN_DESCRIPTIONS_BUDGET, "\n".join(second)
    # The HS checks are read and stored once, in one statement each; the second submission
    # finds them in the process's cache.
    assert sum("hs_checks" in s for s in first) == 2, "\n".join(first)
    # ... the write in the assessment's transaction (one commit a submission, not two)
    hs_insert = next(i for i, s in enumerate(first) if s.startswith("INSERT INTO hs_checks"))
    # ... after the scoring and routing, before the assessment lock's statements: the
    # savepoint of record_assessments and the audit head wait for no HS insert (#15).
    assert hs_insert > max(
        i for i, s in enumerate(first) if s.startswith("SELECT assessments.score")
    ), "\n".join(first)
    assert hs_insert < next(i for i, s in enumerate(first) if s.startswith("SAVEPOINT"))
    assert hs_insert < next(i for i, s in enumerate(first) if "audit_head" in s)
    assert not any("hs_checks" in s for s in second), "\n".join(second)
    # The new descriptions' rankings: read once (none stored), stored once with the checks.
    assert sum("FROM hs_rankings" in s for s in first) == 1, "\n".join(first)
    ranking_insert = next(i for i, s in enumerate(first) if s.startswith("INSERT INTO hs_rankings"))
    assert hs_insert < ranking_insert < next(i for i, s in enumerate(first) if "audit_head" in s)
    assert not any("hs_rankings" in s for s in second), "\n".join(second)
    for statements in (first, second):
        # One audit entry a submission: the head bumped and read in one statement, one insert.
        assert sum("audit_head" in s for s in statements) == 2, "\n".join(statements)
        assert sum(s.startswith("INSERT INTO audit_log") for s in statements) == 1
        # What the submission just stored is not read back to assess it.
        assert not any(s.startswith("SELECT declarations.normalised") for s in statements)
        # ... nor the assessment it just stored, for the answer
        assert not any(s.startswith("SELECT assessments.id, assessments.reference, "
                                    "assessments.version, assessments.assessed_at")
                       for s in statements), "\n".join(statements)  # fmt: skip
        # ... nor the fallback cuts of every source again within the cache's time
        assert sum(s.startswith("SELECT assessments.score") for s in statements) == 1
    with open_store(fresh.url)() as session:
        assert verify(session).ok
