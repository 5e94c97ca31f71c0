"""What a `clearlane demo` store must hold, checked after each demo run of tests/cli/test_demo*.py
(Session 37, 2026-12-07: the demo tests left tests/cli/test_cli.py, one file each, so that
`pytest -n 2 --dist loadfile` can run them on different workers)."""

from __future__ import annotations

from typer.testing import CliRunner

runner = CliRunner()


def demo_store_state() -> dict[str, object]:
    """The demo store's invariants, checked, and what must not change on a second run."""
    from collections import Counter

    from sqlalchemy import select

    from clearlane.api.declarations.service import counterfactual_of
    from clearlane.config import get_settings
    from clearlane.explain.counterfactual import IDENTITY_FIELDS, TRADER_FIELDS
    from clearlane.risk.profile_store import active_profiles
    from clearlane.store.session import open_store
    from clearlane.store.tables import AssessmentRow, AuditEntryRow, DeclarationRow
    from clearlane.workflows import ENGINE_NAME, default_registry, load_champion

    registry = default_registry(get_settings().data_dir)
    engine, champion = load_champion(registry)
    store = open_store()
    profiles = active_profiles(session_factory=store)
    with store() as session:
        assessments = list(session.scalars(select(AssessmentRow)))
        assert assessments
        assert {a.model_version for a in assessments} == {champion.id}
        keys = Counter((a.reference, a.version, a.model_version) for a in assessments)
        assert max(keys.values()) == 1, "a declaration assessed twice by the same model"
        selected = [a for a in assessments if a.lane in ("yellow", "red")]
        counterfactuals = 0
        for a in selected:
            row = session.scalars(
                select(DeclarationRow).where(
                    DeclarationRow.reference == a.reference, DeclarationRow.version == a.version
                )
            ).one()
            found, note = counterfactual_of(
                session, row=row, assessment=a, engine=engine, profiles=profiles
            )
            # The engine in service assessed it, so its counterfactual can be computed (no
            # "assessed by another model" that only a reassessment the UI cannot do would fix),
            # and any change it proposes is to a field the trader declares.
            assert note is None or "no longer the one in service" not in note, note
            if found is not None:
                fields = [found["field"], *(x["field"] for x in found["alternatives"])]
                assert set(fields) - {None} <= set(TRADER_FIELDS), fields
                assert not set(fields) & set(IDENTITY_FIELDS)
            counterfactuals += 1
        assert counterfactuals == len(selected) > 0
        kinds = Counter(session.scalars(select(AuditEntryRow.kind)))
    # The champion is a model card like any other: registered, promoted and audited.
    decisions = registry.decisions(ENGINE_NAME)
    assert any(d.promoted and d.challenger == champion.id for d in decisions)
    return {
        "assessments": sorted((a.reference, a.version, a.lane) for a in assessments),
        "models": [v.id for v in registry.list(ENGINE_NAME)],
        "audit kinds": {k: n for k, n in kinds.items() if k != "login"},
    }
