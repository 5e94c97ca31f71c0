"""The fallback champion is registered once when several callers find no champion at once
(API workers on the first submissions, `clearlane score`), on SQLite and PostgreSQL.

The threads are released together by a ``threading.Barrier`` and the stored outcome is
checked: one fallback card, one promotion decision, one registered/promoted audit pair, and
every caller served by that one champion.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.audit import trail, verify
from clearlane.ingest.pipeline import ingest_records
from clearlane.store.session import open_store
from clearlane.workflows import ENGINE_NAME, default_registry, ensure_champion, train_and_register
from tests.concurrency import together
from tests.factories import declaration, item

THREADS = 4


def test_callers_finding_no_champion_at_once_register_one_fallback(
    store_url: str, tmp_path: Path
) -> None:
    store = open_store(store_url)
    records = [
        declaration(
            f"FB-{i}",
            declaration_date=f"2025-03-{1 + i % 20:02d}",
            items=[item(item_value=1000.0 + 37 * i, net_mass_kg=5.0 + i % 7)],
        )
        for i in range(40)
    ]
    report = ingest_records(records, source="race", session_factory=store)
    assert report.stored == len(records), report
    registry = default_registry(tmp_path / "data")
    assert registry.champion(ENGINE_NAME) is None

    served = together(
        THREADS,
        lambda i: (
            ensure_champion(
                registry, session_factory=store, profiles=None, created_by=f"worker-{i}"
            )[1].id
        ),
    )

    cards = registry.list(ENGINE_NAME)
    assert [c.params["kind"] for c in cards] == ["fallback"]  # one fit, one card
    champion = registry.champion(ENGINE_NAME)
    assert champion is not None and champion.id == cards[0].id
    assert served == [champion.id] * THREADS  # every caller uses the winner's champion
    decisions = registry.decisions(ENGINE_NAME)
    assert [(d.challenger, d.promoted) for d in decisions] == [(champion.id, True)]
    with store() as session:
        entries = trail(session, subject=f"model:{ENGINE_NAME}")
        assert verify(session).ok
    actions = [(e["payload"]["action"], e["payload"]["version"]) for e in entries]
    assert actions == [("registered", champion.id), ("promoted", champion.id)]
    assert entries[0]["actor"] == entries[1]["actor"] == champion.created_by


def test_a_fallback_fit_racing_a_first_training_registers_one_fallback(
    store_url: str, tmp_path: Path
) -> None:
    """API workers fitting the fallback (:func:`ensure_champion`) while `clearlane train` runs
    its first training (:func:`train_and_register`, which registers a fallback of its own when
    it finds no champion): one fallback card, each promotion audited once, every caller served
    by a registered champion."""
    from tests.factories import make_frame

    store = open_store(store_url)
    history = make_frame(800, seed=3, days=40)
    report = ingest_records(
        [declaration(f"TR-{i}", items=[item(item_value=900.0 + 41 * i)]) for i in range(30)],
        source="race",
        session_factory=store,
    )
    assert report.stored == 30, report
    registry = default_registry(tmp_path / "data")
    trainer = THREADS - 1

    def racer(i: int) -> str:
        if i == trainer:
            outcome = train_and_register(
                history, registry=registry, seed=0, created_by="trainer", audit=store
            )
            return outcome.version.id
        return ensure_champion(
            registry, session_factory=store, profiles=None, created_by=f"worker-{i}"
        )[1].id

    served = together(THREADS, racer)

    cards = registry.list(ENGINE_NAME)
    kinds = sorted(str(c.params.get("kind", "trained")) for c in cards)
    assert kinds == ["fallback", "trained"]  # one fallback, whoever fitted it, and the model
    ids = {c.id for c in cards}
    assert set(served) <= ids
    fallback = next(c for c in cards if c.params.get("kind") == "fallback")
    trained = served[trainer]
    assert all(s in (fallback.id, trained) for s in served[:trainer])
    decisions = registry.decisions(ENGINE_NAME)
    assert [d.challenger for d in decisions] == [fallback.id, trained]
    assert decisions[0].promoted
    champion = registry.champion(ENGINE_NAME)
    assert champion is not None
    assert champion.id == (trained if decisions[1].promoted else fallback.id)
    with store() as session:
        entries = trail(session, subject=f"model:{ENGINE_NAME}")
        assert verify(session).ok
    registered = [
        e["payload"]["version"] for e in entries if e["payload"]["action"] == "registered"
    ]
    assert sorted(registered) == sorted(ids)  # each card audited once
