"""An honest champion/challenger: same cut, same days, the registered artifact's own metrics,
no promotion below the rule baseline, audited in the promotion's transaction."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane import workflows
from clearlane.learn.evaluate import metrics_table
from clearlane.store.tables import AuditEntryRow
from clearlane.workflows import (
    default_registry,
    engine_from_bytes,
    temporal_split,
    train_and_register,
)
from tests.factories import make_frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return make_frame(900, seed=4, days=45)


_FITTED: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def _replayed_fits(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Training is deterministic, and these tests are about what the registry and the
    promotion rule do with the engines, not about fitting them: a fit with inputs identical
    (hashed: frame, profiles, arguments) to one made earlier in this module is replayed (an
    unpickled copy, nothing shared between tests) instead of fitted again. Session 37: the
    module fitted the same engine on the same cut about ten times. Tests that change the fit
    wrap this one (test_a_challenger_that_loses...) and change the copy. The identical
    retrain's test fits every engine (its tie also shows that retraining gives the engine
    again) and leaves its fits for the others."""
    real_fit = workflows._fit
    replay = (
        request.node.originalname
        != "test_an_identical_retrain_is_not_rejected_and_the_card_holds_its_own_metrics"
    )

    def replayed(train, profiles, kwargs):  # type: ignore[no-untyped-def]
        key = joblib.hash((train, profiles, sorted(kwargs.items())))
        if key not in _FITTED or not replay:
            _FITTED[key] = pickle.dumps(real_fit(train, profiles, kwargs))
        return pickle.loads(_FITTED[key])

    monkeypatch.setattr(workflows, "_fit", replayed)


def test_an_identical_retrain_is_not_rejected_and_the_card_holds_its_own_metrics(
    tmp_path: Path, frame: pd.DataFrame
) -> None:
    registry = default_registry(tmp_path)
    first = train_and_register(frame, registry=registry, seed=0)
    # No champion: the rules + anomaly fallback fitted to the same cut came first, and the
    # trained engine replaced it by beating it on the same held-out days.
    assert first.fallback is not None and first.decision.champion == first.fallback.id
    assert first.champion_comparison == "fallback fitted to the same cut"
    assert first.decision.promoted, first.decision.reason
    assert first.decision.challenger_value > first.decision.champion_value
    second = train_and_register(frame, registry=registry, seed=0)
    assert second.champion_comparison == "recipe retrained to the cut"
    assert second.decision.champion == first.version.id
    assert second.decision.challenger_value == pytest.approx(second.decision.champion_value)
    assert second.decision.promoted, second.decision.reason
    assert registry.champion("risk-engine").id == second.version.id
    # The card's metrics are those of the artifact registered, scored on the held-out days.
    card = registry.get(second.version.id)
    artifact = engine_from_bytes(registry.load_artifact(card))
    _, holdout = temporal_split(frame, 0.2)
    table = metrics_table(holdout, {"a": artifact.score_items(holdout)["score"]})
    assert card.metrics["pr_auc"] == pytest.approx(float(table.loc["a", "pr_auc"]))
    assert card.training_window[1] < pd.to_datetime(holdout["declaration_date"]).min().date()
    assert card.params["recipe"]["fingerprint"] == workflows.recipe_fingerprint()


def test_an_engine_that_does_not_beat_its_rule_baseline_is_never_promoted(
    tmp_path: Path, frame: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearlane.risk.engine import RiskEngine

    # Without a held-out comparison the engine's own check decides.
    monkeypatch.setattr(RiskEngine, "beats_rule_baseline", property(lambda self: False))
    monkeypatch.setattr(
        workflows, "_rule_baseline_veto", _veto_without_table(workflows._rule_baseline_veto)
    )
    registry = default_registry(tmp_path)
    outcome = train_and_register(frame, registry=registry, seed=0)
    assert not outcome.decision.promoted
    assert "rule baseline" in outcome.decision.reason
    # Not even as the first model: the rules + anomaly fallback keeps serving.
    assert outcome.fallback is not None
    assert registry.champion("risk-engine").id == outcome.fallback.id


def _veto_without_table(veto):  # type: ignore[no-untyped-def]
    return lambda engine, table: veto(engine, table.iloc[0:0])


def test_the_held_out_period_decides_the_rule_baseline_veto() -> None:
    class Engine:
        beats_rule_baseline = False

    worse = pd.DataFrame({"pr_auc": [0.30, 0.40]}, index=["engine", "rule baseline"])
    better = pd.DataFrame({"pr_auc": [0.50, 0.40]}, index=["engine", "rule baseline"])
    veto = workflows._rule_baseline_veto
    reason = veto(Engine(), worse)
    assert reason is not None and "0.300 < 0.400" in reason
    assert veto(Engine(), better) is None  # the held-out period outweighs the small last block
    assert veto(Engine(), better.iloc[0:0]) is not None  # no comparison: the engine's check


def test_the_engine_checks_refusal_says_worse_with_confidence_and_the_numbers() -> None:
    """The engine's own check refuses only an engine worse than its rules with 90 %
    confidence; the reason said "does not beat its own rule baseline" (a tie passes) and gave
    no figure."""

    class Engine:
        beats_rule_baseline = False
        summary = {
            "rule_baseline": {
                "pr_auc_difference": -0.0523,
                "pr_auc_difference_upper": -0.0121,
                "confidence": 0.9,
            }
        }

    reason = workflows._rule_baseline_veto(Engine(), pd.DataFrame({"pr_auc": []}))
    assert reason is not None
    assert "worse than its own rule baseline with 90% confidence" in reason
    assert "does not beat" not in reason
    assert "-0.052" in reason and "upper bound -0.012" in reason


def test_a_champion_of_other_code_is_compared_after_both_training_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = make_frame(1400, seed=6, days=70)
    dates = pd.to_datetime(history["declaration_date"])
    early = history[dates < dates.min() + pd.Timedelta(days=45)]
    registry = default_registry(tmp_path)
    first = train_and_register(early, registry=registry, seed=0)
    assert first.decision.promoted
    monkeypatch.setattr(workflows, "recipe_fingerprint", lambda: "other-code")
    second = train_and_register(history, registry=registry, seed=1)
    assert second.champion_comparison == "artifact after both training windows"
    assert second.decision.period is not None
    assert second.decision.period[0] > first.version.training_window[1]
    assert second.decision.period[0] > second.version.training_window[1]
    # A champion trained on later days than the challenger's held-out period: no day after
    # both windows, the rule cannot decide, and the reason says what to do.
    other = default_registry(tmp_path / "other")
    assert train_and_register(history, registry=other, seed=0).decision.promoted
    monkeypatch.setattr(workflows, "recipe_fingerprint", lambda: "third-code")
    third = train_and_register(early, registry=other, seed=1)
    assert third.champion_comparison is None
    assert not third.decision.promoted and "promote manually" in third.decision.reason


def test_the_promotion_and_its_audit_entries_share_one_transaction(
    tmp_path: Path,
    frame: pd.DataFrame,
    store: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The second run below fails at the promotion, after training: its challenger is fitted
    # on the first run's frame, seed and arguments, and training is deterministic, so the
    # first fit's engine is replayed (a copy) instead of being fitted again. Only a fit with
    # identical inputs (hashed) is replayed.
    fitted: dict[str, bytes] = {}
    real_fit = workflows._fit

    def once(train, profiles, kwargs):  # type: ignore[no-untyped-def]
        key = joblib.hash((train, profiles, sorted(kwargs.items())))
        if key not in fitted:
            fitted[key] = pickle.dumps(real_fit(train, profiles, kwargs))
        return pickle.loads(fitted[key])

    monkeypatch.setattr(workflows, "_fit", once)
    registry = default_registry(tmp_path)
    outcome = train_and_register(frame, registry=registry, seed=0, audit=store)
    with store() as session:
        payloads = [
            json.loads(r.payload)
            for r in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.seq))
        ]
    actions = [(p["action"], p.get("kind")) for p in payloads if "action" in p]
    assert actions == [
        ("registered", "fallback"),
        ("promoted", "fallback"),
        ("registered", None),
        ("promoted", None),
    ]
    assert payloads[-1]["version"] == outcome.version.id
    assert payloads[-1]["champion_before"] == outcome.fallback.id

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(registry, "promote", broken)
    with pytest.raises(OSError):
        train_and_register(frame, registry=registry, seed=0, audit=store)
    with store() as session:
        assert len(session.scalars(select(AuditEntryRow)).all()) == len(payloads)


def test_a_scheduled_run_counts_the_control_results_since_the_champion(
    tmp_path: Path, store: sessionmaker[Session]
) -> None:
    from datetime import UTC, date, datetime, timedelta

    from clearlane.learn.registry import PromotionRule
    from clearlane.store.tables import ControlResultRow
    from clearlane.workflows import ENGINE_NAME, new_control_results

    def result(i: int, when: datetime) -> ControlResultRow:
        return ControlResultRow(
            declaration_reference=f"R{i}",
            declaration_version=1,
            control_type="physical",
            selection_reason="random",
            outcome="compliant",
            severity="none",
            irregularities=[],
            extra_duty=0.0,
            content_sha256=f"{i:064d}",
            payload={},
            recorded_at=when,
        )

    registry = default_registry(tmp_path)
    with store() as session, session.begin():
        session.add(result(1, datetime.now(UTC) - timedelta(days=1)))
    assert new_control_results(store, registry) == 1  # no training run: everything is new
    fallback = registry.register(
        b"fallback",
        name=ENGINE_NAME,
        training_window=(date(2024, 1, 1), date(2024, 2, 1)),
        features=[],
        params={"kind": "fallback"},
        metrics={},
    )
    assert fallback.id  # the fallback champion learns from no label: not a training run
    assert new_control_results(store, registry) == 1
    card = registry.register(
        b"model",
        name=ENGINE_NAME,
        training_window=(date(2024, 1, 1), date(2024, 2, 1)),
        features=[],
        params={},
        metrics={"pr_auc": 0.5},
    )
    period = (date(2024, 2, 2), date(2024, 3, 1))
    registry.promote(
        card, rule=PromotionRule(), challenger_metrics={}, champion_metrics=None, period=period
    )
    assert new_control_results(store, registry) == 0
    # A refused challenger was still a training run on these results: the schedule does not
    # retrain on them every night.
    refused = registry.register(
        b"refused",
        name=ENGINE_NAME,
        training_window=(date(2024, 1, 1), date(2024, 2, 1)),
        features=[],
        params={},
        metrics={"pr_auc": 0.1},
    )
    registry.promote(
        refused,
        rule=PromotionRule(),
        challenger_metrics={"pr_auc": 0.1},
        champion_metrics={"pr_auc": 0.5},
        period=period,
    )
    assert registry.champion(ENGINE_NAME) == card
    assert new_control_results(store, registry) == 0
    with store() as session, session.begin():
        session.add(result(2, datetime.now(UTC) + timedelta(seconds=1)))
    assert new_control_results(store, registry) == 1


def test_the_fallback_champion_card_holds_its_recipe_and_its_own_metrics(
    tmp_path: Path, frame: pd.DataFrame, store: sessionmaker[Session]
) -> None:
    from clearlane.risk.engine import NO_MODEL_NOTE
    from clearlane.risk.profiles import load_default_profiles

    profiles = load_default_profiles()
    registry = default_registry(tmp_path)
    card, decision, engine, metrics = workflows.register_fallback(
        frame, registry=registry, profiles=profiles, seed=0, audit=store
    )
    assert decision.promoted and registry.champion("risk-engine") == card
    assert card.params["kind"] == "fallback"
    assert card.params["recipe"] == {
        "fingerprint": workflows.recipe_fingerprint(),
        "kind": "fallback",
        "train_engine": {"seed": 0},
    }
    artifact = engine_from_bytes(registry.load_artifact(card))
    assert artifact.fraud is None  # no supervised model: rules and anomaly only
    _, holdout = temporal_split(frame, 0.2)
    assert card.training_window[1] < pd.to_datetime(holdout["declaration_date"]).min().date()
    scores = artifact.score_items(holdout, profiles=profiles)["score"]
    table = metrics_table(holdout, {"a": scores}, with_random=False)
    assert card.metrics["pr_auc"] == pytest.approx(float(table.loc["a", "pr_auc"]))
    assert metrics == card.metrics
    assessed = artifact.assess(holdout, profiles=profiles)
    assert assessed["notes"].str.contains(NO_MODEL_NOTE, regex=False).all()
    with store() as session:
        payloads = [
            json.loads(r.payload)
            for r in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.seq))
        ]
    assert [(p["action"], p["kind"], p["version"]) for p in payloads] == [
        ("registered", "fallback", card.id),
        ("promoted", "fallback", card.id),
    ]
    assert payloads[0]["sha256"] == card.sha256 and payloads[0]["metrics"] == card.metrics


def test_a_challenger_that_loses_to_the_fallback_is_not_promoted_and_both_are_audited(
    tmp_path: Path,
    frame: pd.DataFrame,
    store: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clearlane.risk.profiles import load_default_profiles

    profiles = load_default_profiles()
    real_fit = workflows._fit

    def useless(train, profiles, kwargs):  # type: ignore[no-untyped-def]
        engine = real_fit(train, profiles, kwargs)
        engine.fusion.floor = False
        # A constant score: zero weight for every input, the rules' among them (a few-label
        # engine learns no weights and would otherwise add the rules as a noisy-OR).
        engine.fusion.coef = np.zeros(len(engine.fusion.inputs))
        return engine

    monkeypatch.setattr(workflows, "_fit", useless)
    registry = default_registry(tmp_path)
    outcome = train_and_register(frame, registry=registry, profiles=profiles, seed=0, audit=store)
    assert outcome.fallback is not None
    assert not outcome.decision.promoted, outcome.decision.reason
    assert registry.champion("risk-engine").id == outcome.fallback.id  # it keeps serving
    with store() as session:
        payloads = [
            json.loads(r.payload)
            for r in session.scalars(select(AuditEntryRow).order_by(AuditEntryRow.seq))
        ]
    assert [(p["action"], p["version"]) for p in payloads] == [
        ("registered", outcome.fallback.id),
        ("promoted", outcome.fallback.id),
        ("registered", outcome.version.id),
        ("not_promoted", outcome.version.id),
    ]
    assert payloads[-1]["champion_before"] == outcome.fallback.id
    assert payloads[-1]["reason"] == outcome.decision.reason
    # Issue #11: beside the decision, precision@k engine minus the baselines, paired, with its
    # day-bootstrap interval (the capacity officers work at: a few percent).
    at5 = payloads[-1]["at_capacity"]["vs rule baseline @5%"]
    assert at5["low"] <= at5["difference"] <= at5["high"]
    assert at5["difference"] == pytest.approx(at5["engine"] - at5["baseline"], abs=1e-3)
    assert "vs logistic regression @1%" in payloads[-1]["at_capacity"]


def test_the_engine_checks_refusal_shows_a_bound_near_zero_below_zero_and_names_it() -> None:
    """Review g14: a refusal whose upper bound is just below 0 (generated seed 12, rulesharp:
    -0.0002 with the percentile bound, -0.0023 with BCa) printed "upper bound -0.000", a
    bound that reads as 0 under a verdict that says it is below 0; and the reason did not say
    which bound (summary["rule_baseline"]["method"], BCa since session 31) it read."""

    class Engine:
        beats_rule_baseline = False
        summary = {
            "rule_baseline": {
                "pr_auc_difference": -0.0412,
                "pr_auc_difference_upper": -0.00021,
                "confidence": 0.9,
                "method": "bca",
            }
        }

    reason = workflows._rule_baseline_veto(Engine(), pd.DataFrame({"pr_auc": []}))
    assert reason is not None
    assert "-0.000)" not in reason and "-0.0002" in reason
    assert "-0.041" in reason
    assert "BCa" in reason
