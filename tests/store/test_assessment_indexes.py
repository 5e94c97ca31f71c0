"""The queries that look up a declaration version's assessments are served by the unique
index ``uq_assessments_once`` (its leading reference, version) on SQLite: the separate
(reference, version) index that migration 0012 dropped is not needed by any of them.

Each query's plan (``EXPLAIN QUERY PLAN``) is read for every statement it sends; a statement
reading ``assessments`` (or ``declarations``, for the writers' reads of what they score) must
search it through an index, never scan the table. A row-value ``(reference, version) IN
(...)`` alone scans on SQLite: the writers add ``reference IN (...)`` beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api.declarations.service import Filters, overview_query
from clearlane.api.deps import Principal
from clearlane.api.permissions import Role
from clearlane.ingest.pipeline import ingest_records
from clearlane.intake import _declarations, pending_keys
from clearlane.oversight import latest_assessment, record_assessments
from clearlane.oversight.assessments import stored_assessments
from clearlane.store.session import get_engine, open_store
from tests.factories import declaration


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> sessionmaker[Session]:
    """A SQLite store with 300 declarations, each assessed by two engines."""
    url = f"sqlite:///{tmp_path_factory.mktemp('plans') / 'store.db'}"
    store = open_store(url)
    references = [f"IX-{i:04d}" for i in range(300)]
    ingest_records([declaration(r) for r in references], source="api:t", session_factory=store)
    rows = [
        {"reference": r, "version": 1, "office": "NLRTM1", "model_version": model,
         "profile_version": "p", "score": 0.5, "lane": "green", "reasons": []}
        for model in ("m1", "m2") for r in references
    ]  # fmt: skip
    with store() as session, session.begin():
        record_assessments(session, routed=rows, actor="test")
    with store() as session, session.begin():
        session.execute(text("ANALYZE"))
    return store


@contextmanager
def _statements(store: sessionmaker[Session], table: str) -> Iterator[list[tuple[str, Any]]]:
    sent: list[tuple[str, Any]] = []
    engine = get_engine(str(store.kw["bind"].url))

    def keep(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        if f"FROM {table}" in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def _plans(
    store: sessionmaker[Session], call: Callable[[Session], object], table: str
) -> list[list[str]]:
    with store() as session, _statements(store, table) as sent:
        call(session)
    assert sent, f"the call sent no statement on {table}"
    plans = []
    with store() as session:
        connection = session.connection().connection.driver_connection
        for statement, parameters in sent:
            rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            plans.append([str(row[-1]) for row in rows])
    return plans


OFFICER = Principal(id=1, username="o", role=Role.OFFICER, organisation=None, full_name=None)

QUERIES: dict[str, Callable[[Session], object]] = {
    "latest_assessment of a declaration": lambda s: latest_assessment(s, reference="IX-0007"),
    "latest_assessment of a version": lambda s: latest_assessment(
        s, reference="IX-0007", version=1
    ),
    "stored_assessments (the writers' check)": lambda s: stored_assessments(
        s, [("IX-0007", 1, "m1", "p"), ("IX-0008", 1, "m2", "p")], "declaration",
        any_engine=True,
    ),
    "pending_keys": lambda s: pending_keys(s, source_prefix="api:"),
    "the declarations list": lambda s: s.execute(
        overview_query(OFFICER, Filters(q="IX-00")).limit(50)
    ).all(),
}  # fmt: skip


@pytest.mark.parametrize("name", list(QUERIES))
def test_assessments_of_a_declaration_version_are_searched_by_the_unique_index(
    filled: sessionmaker[Session], name: str
) -> None:
    for plan in _plans(filled, QUERIES[name], "assessments"):
        on_assessments = [step for step in plan if "assessments" in step]
        for step in on_assessments:
            assert step.startswith("SEARCH") or "PRIMARY KEY" in step, (name, plan)
            assert "ix_assessments_declaration" not in step, (name, plan)
        searched = [s for s in on_assessments if "reference=?" in s or "reference" in s]
        assert all("uq_assessments_once" in s for s in searched), (name, plan)


def _record_one_more(session: Session) -> None:
    record_assessments(
        session,
        routed=[{"reference": "IX-0009", "version": 1, "model_version": "m3", "score": 0.1,
                 "lane": "green", "reasons": []}],
        actor="test",
    )  # fmt: skip
    session.rollback()


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda s: _declarations(s, [("IX-0001", 1), ("IX-0002", 1)]), id="scored"),
        pytest.param(_record_one_more, id="hashed by record_assessments"),
    ],
)
def test_the_declarations_a_writer_reads_are_searched_by_their_key(
    filled: sessionmaker[Session], call: Callable[[Session], object]
) -> None:
    for plan in _plans(filled, call, "declarations"):
        for step in (s for s in plan if "declarations" in s):
            assert step.startswith("SEARCH"), plan


def test_the_dropped_index_is_gone(filled: sessionmaker[Session]) -> None:
    with filled() as session:
        names = set(
            session.scalars(
                select(text("name"))
                .select_from(text("sqlite_master"))
                .where(text("type = 'index' AND tbl_name = 'assessments'"))
            )
        )
        sql = session.scalar(
            text("SELECT sql FROM sqlite_master WHERE name = 'uq_assessments_once'")
        )
    assert "ix_assessments_declaration" not in names
    assert "coalesce(profile_version, '')" in str(sql).replace('"', "")
