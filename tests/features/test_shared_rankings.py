"""HS rankings shared by the store's processes (``hs_rankings``): a description ranked by one
process (another API worker, the training that checked the history) is checked under a new
declared code by another without being ranked again, with the same check; two writers storing
the same ranking at once both succeed (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.features import facts as facts_module
from clearlane.features.facts import hs_checks
from clearlane.hs import model as hs_model_module
from clearlane.hs.api import check_and_suggest
from clearlane.hs.model import FEATURES, HSModel, Index, shipped_model, train_ranker
from clearlane.store.tables import HsCheckRow, HsRankingRow
from tests.concurrency import together

DESCRIPTION = "ladies knitted wool cardigan with buttons"


@pytest.fixture
def fresh_process() -> Iterator[None]:
    """This process's HS rankings and stored-check cache emptied before and after (as another
    process starts)."""
    _as_other_process()
    yield
    _as_other_process()


def _as_other_process() -> None:
    shipped_model().rankings.clear()
    facts_module.HS_CHECK_CACHE.clear()
    facts_module._RANKING_ROOM.clear()


@pytest.fixture
def rankings_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many texts the HS index computes features for, call by call."""
    made: list[int] = []
    features = Index.features

    def counted(self: Index, texts: Any, *args: Any, **kwargs: Any) -> Any:
        made.append(len(texts))
        return features(self, texts, *args, **kwargs)

    monkeypatch.setattr(Index, "features", counted)
    return made


def test_a_ranking_stored_by_one_process_checks_another_code_in_the_next(
    store: sessionmaker[Session], fresh_process: None, rankings_made: list[int]
) -> None:
    first = hs_checks(store, [(DESCRIPTION, "611030")])
    assert rankings_made == [1]
    with store() as session:
        (codes,) = session.scalars(select(HsRankingRow.codes)).all()
    other = next(c for c in codes[3:] if c != "611030")  # a candidate, not the first code
    _as_other_process()
    second = hs_checks(store, [(DESCRIPTION, other)])
    assert rankings_made == [1]  # not ranked again: the stored ranking was read
    assert first[(DESCRIPTION, "611030")].declared_code == "611030"
    # The same check as the description ranked afresh in a process of its own.
    _as_other_process()
    ((alone, suggestions),) = check_and_suggest([(DESCRIPTION, other)], top=3)
    assert rankings_made == [1, 1]
    fact = second[(DESCRIPTION, other)]
    assert (fact.plausibility, fact.best_code, fact.reason_code, fact.reason) == (
        alone.plausibility, alone.best_code, alone.reason_code, alone.reason,
    )  # fmt: skip
    assert [s["code"] for s in fact.suggestions or []] == [s.code for s in suggestions]
    with store() as session:
        assert session.scalar(select(func.count()).select_from(HsRankingRow)) == 1
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == 2


def test_a_code_outside_the_stored_candidates_is_ranked_with_it(
    store: sessionmaker[Session], fresh_process: None, rankings_made: list[int]
) -> None:
    """A stored ranking whose candidates lack the declared code cannot check it: the text is
    ranked again with the code made a candidate (as without the store)."""
    hs_checks(store, [(DESCRIPTION, "611030")])
    with store() as session:
        (codes,) = session.scalars(select(HsRankingRow.codes)).all()
    outside = "271019" if "271019" not in codes else "720851"
    _as_other_process()
    checked = hs_checks(store, [(DESCRIPTION, outside)])
    assert rankings_made == [1, 1]
    _as_other_process()
    ((alone, _),) = check_and_suggest([(DESCRIPTION, outside)], top=3)
    assert checked[(DESCRIPTION, outside)].plausibility == alone.plausibility


def test_two_writers_storing_the_same_ranking_at_once_both_succeed(
    store: sessionmaker[Session], fresh_process: None
) -> None:
    """Two API workers that ranked the same new description store its ranking with their own
    checks in their own transactions, released together: neither fails, one row is kept."""
    now = datetime.now(UTC)
    ranking = {"text_sha256": "ab" * 32, "model": "test-model", "codes": ["611030", "611020"],
               "scores": [0.75, 0.25], "ranked_at": now}  # fmt: skip

    def write(i: int) -> None:
        check = {"description_sha256": "cd" * 32, "declared_code": f"61103{i}", "model": "m",
                 "description": DESCRIPTION, "plausibility": 0.5, "best_code": "611030",
                 "reason_code": None, "reason": None, "suggestions": [],
                 "checked_at": now}  # fmt: skip
        with store() as session, session.begin():
            facts_module._insert_checks(session, [check], [ranking])

    together(2, write)
    with store() as session:
        rows = session.execute(select(HsRankingRow.codes, HsRankingRow.scores)).all()
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == 2
    assert [tuple(r) for r in rows] == [(["611030", "611020"], [0.75, 0.25])]


def test_the_ranking_key_names_the_re_ranker_the_index_and_the_ranking_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same model gives the same key in any process; a retrained re-ranker or other
    ranking code gives another (their rankings differ)."""
    shipped = shipped_model()
    key = shipped.ranking_key()
    assert HSModel(shipped.index, shipped.booster).ranking_key() == key
    rng = np.random.default_rng(3)
    x = rng.random((200, len(FEATURES))).astype(np.float32)
    retrained = train_ranker(x, (x[:, 0] > 0.5).astype(int))
    assert HSModel(shipped.index, retrained).ranking_key() != key
    # OpenBLAS on another processor family (its kernels sum in another order).
    real = hs_model_module._blas_controller()

    class OtherCpu:
        def info(self) -> list[dict[str, Any]]:
            return [{**m, "architecture": "Other"} for m in real.info()]

    monkeypatch.setattr(hs_model_module, "_blas_controller", OtherCpu)
    assert HSModel(shipped.index, shipped.booster).ranking_key() != key
    monkeypatch.setattr(hs_model_module, "_blas_controller", lambda: real)
    monkeypatch.setattr(hs_model_module, "RANKING_VERSION", "other ranking code")
    assert HSModel(shipped.index, shipped.booster).ranking_key() != key


def test_a_retrained_model_reads_no_old_ranking_and_old_ones_are_deleted(
    store: sessionmaker[Session],
    fresh_process: None,
    rankings_made: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hs_checks(store, [(DESCRIPTION, "611030")])
    with store() as session:
        (codes,) = session.scalars(select(HsRankingRow.codes)).all()
    other = next(c for c in codes[3:] if c != "611030")
    _as_other_process()
    # Another process whose model was retrained: its rankings' key differs.
    monkeypatch.setitem(shipped_model().__dict__, "_ranking_key", "retrained-model0")
    hs_checks(store, [(DESCRIPTION, other)])
    assert rankings_made == [1, 1]  # ranked again: the old model's ranking was not read
    with store() as session:
        rows = session.execute(select(HsRankingRow.model, HsRankingRow.text_sha256)).all()
    assert [model for model, _ in rows] == ["retrained-model0"]  # the old one deleted


def test_the_table_keeps_at_most_the_bound_of_rankings(
    store: sessionmaker[Session], fresh_process: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond :data:`HS_RANKINGS_KEPT` rankings of a key no more are stored; the checks
    still are."""
    monkeypatch.setattr(facts_module, "HS_RANKINGS_KEPT", 2)
    # Declared codes among their descriptions' candidates: rankings that are stored.
    pairs = [(DESCRIPTION, "611030"), ("frozen prawns", "030617"),
             ("new pneumatic rubber tyres for cars", "401110"), ("tea bags", "090240")]  # fmt: skip
    for pair in pairs:
        hs_checks(store, [pair])
    with store() as session:
        assert session.scalar(select(func.count()).select_from(HsRankingRow)) == 2
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == len(pairs)
    _as_other_process()  # another process counts the table: full, stores none
    hs_checks(store, [("wooden garden chair", "940171")])
    with store() as session:
        assert session.scalar(select(func.count()).select_from(HsRankingRow)) == 2
