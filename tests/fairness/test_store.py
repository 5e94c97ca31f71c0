"""The bias audit of the store (clearlane.fairness.store): the column-read frame gives the
audit of the full analysis frame, and the cache never serves a frame older than the store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.fairness import GROUPINGS, FairnessError, fairness_report
from clearlane.fairness.store import AuditCache, store_fairness_report, store_stamp
from clearlane.generate import generate_dataset
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.frames import load_items_frame


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fairness-store")
    generate_dataset(declarations=1500, seed=11, out_dir=out, over_target_origin="CN")
    return out


def _ingest(store: sessionmaker[Session], dataset: Path) -> None:
    assert ingest_file(dataset / "declarations.jsonl", session_factory=store).stored > 0
    assert ingest_file(dataset / "controls.jsonl", kind="controls", session_factory=store).stored


def _control(dataset: Path, tmp_path: Path, name: str, **changes: object) -> Path:
    """A controls file of one result: the first generated one, changed."""
    first = json.loads((dataset / "controls.jsonl").read_text().splitlines()[0])
    path = tmp_path / f"{name}.jsonl"
    path.write_text(json.dumps({**first, **changes}) + "\n")
    return path


def test_every_named_grouping_gives_the_audit_of_the_full_frame(
    store: sessionmaker[Session], dataset: Path, tmp_path: Path
) -> None:
    _ingest(store, dataset)
    # A second, later result for a declaration controlled at random: non-compliant, found by
    # risk. The labels must follow label_of (any non-compliant; the latest result's reason).
    first = json.loads((dataset / "controls.jsonl").read_text().splitlines()[0])
    later = _control(
        dataset,
        tmp_path,
        "later",
        outcome="non_compliant",
        severity="revenue",
        irregularities=["undervaluation"],
        extra_duty=120.0,
        selection_reason="risk" if first["selection_reason"] == "random" else "random",
        completed_at=first["completed_at"][:10] + "T23:58:00",
    )
    assert ingest_file(later, kind="controls", session_factory=store).stored == 1
    for since, until in ((None, None), (date(2025, 2, 1), date(2025, 4, 30))):
        full = load_items_frame(session_factory=store, start=since, end=until)
        cache = AuditCache()
        for by in GROUPINGS:
            expected = fairness_report(full, by=by).to_dict()
            report = store_fairness_report(store, by=by, since=since, until=until, cache=cache)
            assert report.to_dict() == expected, (by, since)
        assert cache.builds == 1  # one frame for every named grouping of a period
        other = store_fairness_report(store, by="incoterm", since=since, until=until, cache=cache)
        assert other.to_dict() == fairness_report(full, by="incoterm").to_dict()
        assert cache.builds == 2  # a column outside GROUPINGS reads the full frame


def test_the_cache_follows_the_store(
    store: sessionmaker[Session], dataset: Path, tmp_path: Path
) -> None:
    _ingest(store, dataset)
    cache = AuditCache()
    before = store_fairness_report(store, by="origin", cache=cache)
    again = store_fairness_report(store, by="origin", cache=cache)
    assert cache.builds == 1 and again.to_dict() == before.to_dict()
    with store() as session:
        stamp = store_stamp(session)
    first = json.loads((dataset / "controls.jsonl").read_text().splitlines()[0])
    extra = _control(
        dataset,
        tmp_path,
        "extra",
        outcome="non_compliant",
        severity="revenue",
        irregularities=["undervaluation"],
        completed_at=first["completed_at"][:10] + "T23:59:00",
    )
    assert ingest_file(extra, kind="controls", session_factory=store).stored == 1
    with store() as session:
        assert store_stamp(session) != stamp
    after = store_fairness_report(store, by="origin", cache=cache)
    assert cache.builds == 2
    assert after.overall["hits"] == before.overall["hits"] + (first["outcome"] != "non_compliant")
    assert (
        after.to_dict()
        == fairness_report(load_items_frame(session_factory=store), by="origin").to_dict()
    )


def test_refusals(store: sessionmaker[Session], dataset: Path) -> None:
    with pytest.raises(FairnessError, match="the store holds no declarations yet") as empty:
        store_fairness_report(store, by="origin")
    assert empty.value.kind == "conflict"
    with pytest.raises(FairnessError, match="unknown grouping") as unknown:
        store_fairness_report(store, by="colour")
    assert (unknown.value.kind, unknown.value.field) == ("invalid", "by")
    with pytest.raises(FairnessError, match="after until") as reversed_period:
        store_fairness_report(store, by="origin", since=date(2025, 3, 5), until=date(2025, 3, 1))
    assert (reversed_period.value.kind, reversed_period.value.field) == ("invalid", "since")
