"""Model registry: immutable versions, tamper detection, promotion both ways, decision log."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clearlane.learn.registry import (
    ModelIntegrityError,
    ModelRegistry,
    ModelVersion,
    PromotionRule,
    RegistryError,
)

WINDOW = (date(2023, 1, 1), date(2023, 12, 31))
PERIOD = (date(2024, 1, 1), date(2024, 3, 31))


@pytest.fixture
def registry(tmp_path: Path) -> ModelRegistry:
    return ModelRegistry(tmp_path / "registry")


def register(registry: ModelRegistry, payload: bytes = b"model-1", **kwargs: Any) -> ModelVersion:
    fields: dict[str, Any] = {
        "name": "risk",
        "training_window": WINDOW,
        "features": ["unit_price_ratio", "hs2"],
        "params": {"n_estimators": 200, "learning_rate": 0.05},
        "metrics": {"pr_auc": 0.30, "precision_at_5": 0.40},
    }
    fields.update(kwargs)
    return registry.register(payload, **fields)


def make_writable(path: Path) -> None:
    path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_register_stores_artifact_hash_and_card(registry: ModelRegistry, tmp_path: Path) -> None:
    source = tmp_path / "model.lgb"
    source.write_bytes(b"\x00binary model\xff" * 1000)
    first = register(registry, source, created_by="analyst-7")
    assert first.id == "risk@1" and first.version == 1
    assert first.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert first.size == source.stat().st_size
    assert registry.load_artifact(first) == source.read_bytes()
    card = json.loads((registry.root / "models/risk/000001/card.json").read_text())
    assert card["sha256"] == first.sha256 and card["created_by"] == "analyst-7"
    assert card["training_window"] == ["2023-01-01", "2023-12-31"]
    assert card["features"] == ["unit_price_ratio", "hs2"]
    second = register(registry, b"model-2")
    assert second.version == 2
    assert [v.id for v in registry.list()] == ["risk@1", "risk@2"]
    assert registry.get("risk@2") == second == registry.get("risk", 2)


def test_versions_are_immutable_files(registry: ModelRegistry) -> None:
    version = register(registry)
    directory = registry.root / "models/risk/000001"
    for name in ("artifact.bin", "card.json"):
        assert not os.access(directory / name, os.W_OK) or os.geteuid() == 0
        assert stat.S_IMODE((directory / name).stat().st_mode) == 0o444
    register(registry, b"other")
    assert registry.load_artifact(version) == b"model-1"  # a new version never overwrites
    assert not list(registry.root.rglob("*.tmp")) and not list(registry.root.rglob(".staging-*"))


def test_tampered_artifact_is_refused_naming_the_file(registry: ModelRegistry) -> None:
    version = register(registry)
    artifact = registry.root / "models/risk/000001/artifact.bin"
    make_writable(artifact)
    artifact.write_bytes(b"model-1 with a backdoor")
    with pytest.raises(ModelIntegrityError, match=r"000001/artifact.bin: sha256 .* does not match"):
        registry.load_artifact(version)
    with pytest.raises(ModelIntegrityError):
        registry.promote(
            version,
            rule=PromotionRule(),
            challenger_metrics={},
            champion_metrics=None,
            period=PERIOD,
        )
    assert registry.champion() is None
    artifact.unlink()
    with pytest.raises(ModelIntegrityError, match="artifact.bin: artifact of risk@1 is missing"):
        registry.load_artifact("risk@1")


def test_card_swapped_with_artifact_is_caught_through_the_champion_pointer(
    registry: ModelRegistry,
) -> None:
    version = register(registry)
    registry.promote(
        version, rule=PromotionRule(), challenger_metrics={}, champion_metrics=None, period=PERIOD
    )
    directory = registry.root / "models/risk/000001"
    forged = b"forged model"
    card = json.loads((directory / "card.json").read_text())
    card["sha256"] = hashlib.sha256(forged).hexdigest()
    for name, data in (("artifact.bin", forged), ("card.json", json.dumps(card).encode())):
        make_writable(directory / name)
        (directory / name).write_bytes(data)
    assert registry.load_artifact("risk@1") == forged  # consistent pair on its own ...
    with pytest.raises(ModelIntegrityError, match="recorded when risk@1 was promoted"):
        registry.champion()  # ... but not with the hash recorded at promotion
    with pytest.raises(ModelIntegrityError, match="held by the caller"):
        registry.load_artifact(version)  # nor with the card the caller holds


def test_first_model_becomes_champion(registry: ModelRegistry) -> None:
    assert registry.champion() is None
    version = register(registry)
    decision = registry.promote(
        version,
        rule=PromotionRule(),
        challenger_metrics={"pr_auc": 0.3},
        champion_metrics=None,
        period=PERIOD,
        decided_by="lead",
    )
    assert decision.promoted and decision.champion is None
    assert "first model becomes champion" in decision.reason
    assert registry.champion() == version


def promote_pair(
    registry: ModelRegistry,
    rule: PromotionRule,
    challenger_metrics: dict[str, float],
    champion_metrics: dict[str, float],
) -> tuple[ModelVersion, ModelVersion, Any]:
    champion = register(registry, b"champion")
    registry.promote(
        champion, rule=rule, challenger_metrics={}, champion_metrics=None, period=PERIOD
    )
    challenger = register(registry, b"challenger")
    decision = registry.promote(
        challenger,
        rule=rule,
        challenger_metrics=challenger_metrics,
        champion_metrics=champion_metrics,
        period=PERIOD,
    )
    return champion, challenger, decision


def test_promotion_when_the_rule_is_met(registry: ModelRegistry) -> None:
    rule = PromotionRule(metric="pr_auc", min_improvement=0.02, require_all=("precision_at_5",))
    _, challenger, decision = promote_pair(
        registry,
        rule,
        {"pr_auc": 0.35, "precision_at_5": 0.41},
        {"pr_auc": 0.30, "precision_at_5": 0.41},
    )
    assert decision.promoted, decision.reason
    assert decision.challenger_value == 0.35 and decision.champion_value == 0.30
    assert decision.improvement == pytest.approx(0.05)
    assert decision.checks["precision_at_5"]["ok"]
    assert registry.champion() == challenger


@pytest.mark.parametrize(
    ("rule", "challenger_metrics", "champion_metrics", "why"),
    [
        (
            PromotionRule(min_improvement=0.02),
            {"pr_auc": 0.31},
            {"pr_auc": 0.30},
            "does not reach 0.02",
        ),
        (PromotionRule(), {"pr_auc": 0.30}, {"pr_auc": 0.30}, "does not reach"),  # tie
        (
            PromotionRule(require_all=("precision_at_5",)),
            {"pr_auc": 0.40, "precision_at_5": 0.30},
            {"pr_auc": 0.30, "precision_at_5": 0.35},
            "worse than the champion on precision_at_5",
        ),
        (
            PromotionRule(metric="precision_at_5"),
            {"pr_auc": 0.9},
            {"precision_at_5": 0.3},
            "no finite",
        ),
        (
            PromotionRule(metric="brier", lower_is_better=("brier",)),
            {"brier": 0.12},
            {"brier": 0.10},
            "does not reach",
        ),
        (
            PromotionRule(min_improvement=0.1, relative=True),
            {"pr_auc": 0.32},
            {"pr_auc": 0.30},
            "relative improvement",
        ),
    ],
)
def test_promotion_refused_keeps_the_champion(
    registry: ModelRegistry,
    rule: PromotionRule,
    challenger_metrics: dict[str, float],
    champion_metrics: dict[str, float],
    why: str,
) -> None:
    champion, _, decision = promote_pair(registry, rule, challenger_metrics, champion_metrics)
    assert not decision.promoted
    assert why in decision.reason
    assert registry.champion() == champion


def test_relative_and_lower_is_better_rules_promote_when_met(registry: ModelRegistry) -> None:
    rule = PromotionRule(metric="brier", lower_is_better=("brier",), min_improvement=0.01)
    _, challenger, decision = promote_pair(registry, rule, {"brier": 0.08}, {"brier": 0.10})
    assert decision.promoted and registry.champion() == challenger
    relative = PromotionRule(min_improvement=0.1, relative=True)
    decision = registry.promote(
        register(registry, b"third"),
        rule=relative,
        challenger_metrics={"pr_auc": 0.34},
        champion_metrics={"pr_auc": 0.30},
        period=PERIOD,
    )
    assert decision.promoted and decision.improvement == pytest.approx(0.1333, abs=1e-3)


def test_every_decision_is_logged_with_its_numbers(registry: ModelRegistry) -> None:
    rule = PromotionRule(min_improvement=0.02)
    promote_pair(registry, rule, {"pr_auc": 0.31}, {"pr_auc": 0.30})
    logged = registry.decisions()
    assert [d.promoted for d in logged] == [True, False]
    refused = logged[-1]
    assert refused.challenger == "risk@2" and refused.champion == "risk@1"
    assert refused.challenger_value == 0.31 and refused.champion_value == 0.30
    assert refused.period == PERIOD and refused.rule == rule
    lines = registry.decisions_path.read_text().splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["reason"] == refused.reason


def test_torn_last_log_line_is_skipped_but_corruption_elsewhere_is_not(
    registry: ModelRegistry,
) -> None:
    version = register(registry)
    registry.promote(
        version, rule=PromotionRule(), challenger_metrics={}, champion_metrics=None, period=PERIOD
    )
    with open(registry.decisions_path, "a") as handle:
        handle.write('{"decided_at": "2024-')  # crash mid-append
    assert len(registry.decisions()) == 1
    text = registry.decisions_path.read_text()
    registry.decisions_path.write_text("garbage\n" + text)
    with pytest.raises(ModelIntegrityError, match="line 1"):
        registry.decisions()


def test_bad_registrations_are_refused(registry: ModelRegistry) -> None:
    with pytest.raises(RegistryError, match="model name"):
        register(registry, name="../escape")
    with pytest.raises(RegistryError, match="training_window"):
        register(registry, training_window=(date(2024, 1, 2), date(2024, 1, 1)))
    with pytest.raises(RegistryError, match="JSON-serialisable"):
        register(registry, params={"callback": object()})
    with pytest.raises(RegistryError, match="no model risk@9"):
        registry.get("risk@9")
    assert registry.list() == []


def test_nan_metrics_are_stored_as_missing(registry: ModelRegistry) -> None:
    version = register(registry, metrics={"pr_auc": float("nan"), "recall_at_5": 0.2})
    assert version.metrics == {"pr_auc": None, "recall_at_5": 0.2}
    assert registry.get(version.id).metrics == version.metrics


def test_champion_is_per_model_name(registry: ModelRegistry) -> None:
    risk = register(registry)
    anomaly = register(registry, b"iforest", name="anomaly")
    for version in (risk, anomaly):
        registry.promote(
            version,
            rule=PromotionRule(),
            challenger_metrics={},
            champion_metrics=None,
            period=PERIOD,
        )
    assert registry.champion("risk") == risk and registry.champion("anomaly") == anomaly
    with pytest.raises(RegistryError, match="several models"):
        registry.champion()
    again = registry.promote(
        risk, rule=PromotionRule(), challenger_metrics={}, champion_metrics={}, period=PERIOD
    )
    assert not again.promoted and "already the champion" in again.reason


def test_manual_promotion_is_logged_as_such(registry: ModelRegistry) -> None:
    first = register(registry)
    second = register(registry, b"model-2", metrics={"pr_auc": 0.10})
    registry.promote(
        first,
        rule=PromotionRule(),
        challenger_metrics=first.metrics,
        champion_metrics=None,
        period=PERIOD,
    )
    with pytest.raises(RegistryError, match="justification"):
        registry.promote_manually(second, decided_by="sup", justification="  ")
    with pytest.raises(RegistryError, match="already the champion"):
        registry.promote_manually(first, decided_by="sup", justification="keep it")
    with pytest.raises(RegistryError, match="no model"):
        registry.promote_manually("risk@9", decided_by="sup", justification="why not")
    assert len(registry.decisions()) == 1  # refusals of manual promotions are not decisions
    decision = registry.promote_manually(
        second, decided_by="sup", justification=" worse PR-AUC, but fewer false alarms "
    )
    assert (decision.kind, decision.promoted, decision.champion) == ("manual", True, first.id)
    assert decision.justification == "worse PR-AUC, but fewer false alarms"
    assert decision.rule is None and decision.period is None
    champion = registry.champion("risk")
    assert champion is not None and champion.id == second.id
    logged = registry.decisions()
    assert [d.kind for d in logged] == ["rule", "manual"] and logged[1] == decision


def test_manual_promotion_checks_the_artifact(registry: ModelRegistry) -> None:
    first = register(registry)
    second = register(registry, b"model-2")
    registry.promote(
        first,
        rule=PromotionRule(),
        challenger_metrics=first.metrics,
        champion_metrics=None,
        period=PERIOD,
    )
    artifact = registry.root / "models/risk/000002/artifact.bin"
    make_writable(artifact)
    artifact.write_bytes(b"swapped")
    with pytest.raises(ModelIntegrityError):
        registry.promote_manually(second, decided_by="sup", justification="trust me")
    champion = registry.champion("risk")
    assert champion is not None and champion.id == first.id


def test_booleans_are_not_numbers_in_cards_metrics_rules_or_champion_pointers(
    registry: ModelRegistry,
) -> None:
    """JSON ``true`` read as 1 (clearlane.core.numbers): a forged card's ``version``, a metric
    given as a boolean, a rule's threshold and the champion pointer's version are refused,
    naming the file (where there is one) and the field."""
    with pytest.raises(RegistryError, match="'pr_auc': a boolean \\(true\\) is not a number"):
        register(registry, metrics={"pr_auc": True})
    with pytest.raises(ValueError, match="a boolean \\(true\\) is not a number"):
        PromotionRule(min_improvement=True)
    version = register(registry)
    registry.promote(
        version, rule=PromotionRule(), challenger_metrics={}, champion_metrics=None, period=PERIOD
    )
    card_path = registry.root / "models/risk/000001/card.json"
    card = json.loads(card_path.read_text())
    make_writable(card_path)
    card_path.write_text(json.dumps({**card, "size": True}))
    with pytest.raises(
        ModelIntegrityError, match="(?s)card.json: model card is unreadable.*size.*is not a number"
    ):
        registry.get("risk@1")
    card_path.write_text(json.dumps({**card, "metrics": {"pr_auc": False}}))
    with pytest.raises(ModelIntegrityError, match="(?s)metrics.pr_auc.*is not a number"):
        registry.get("risk@1")
    card_path.write_text(json.dumps(card))
    champions = json.loads(registry.champions_path.read_text())
    champions["risk"]["version"] = True
    registry.champions_path.write_text(json.dumps(champions))
    with pytest.raises(
        ModelIntegrityError,
        match="champions.json: 'risk.version': a boolean \\(true\\) is not a number",
    ):
        registry.champion()


def test_versions_registered_at_once_each_get_their_own_number(registry: ModelRegistry) -> None:
    """Four trainings registering at once (barrier; two registry objects on one directory, as
    two processes have): each version directory is renamed into place, which fails for a
    number already taken, so each gets its own number with its own artifact."""
    from tests.concurrency import together

    other = ModelRegistry(registry.root)
    cards = together(4, lambda i: register((registry, other)[i % 2], f"model-{i}".encode()))
    assert sorted(c.version for c in cards) == [1, 2, 3, 4]
    for i, card in enumerate(cards):
        assert registry.load_artifact(card) == f"model-{i}".encode()


@pytest.mark.parametrize("manual", [False, True], ids=["promote", "promote_manually"])
def test_a_failed_registry_write_is_reported_under_the_promotion_lock(
    registry: ModelRegistry, monkeypatch: pytest.MonkeyPatch, manual: bool
) -> None:
    """``on_write_error`` runs while the promotion lock is still held (mends7, 2026-12-05:
    the caller's ``not_applied`` then comes before any repair), and the error is raised."""
    import fcntl

    first = register(registry)
    if manual:
        registry.promote(
            first, rule=PromotionRule(), challenger_metrics={}, champion_metrics=None, period=PERIOD
        )
        challenger = register(registry, b"model-2")
    seen: list[tuple[str, bool]] = []

    def reported(error: BaseException) -> None:
        with open(registry.root / ".lock", "a+b") as probe:
            try:
                fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(probe.fileno(), fcntl.LOCK_UN)
                held = False
            except BlockingIOError:
                held = True
        seen.append((str(error), held))

    def full(*_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(ModelRegistry, "_set_champion", full)
    with pytest.raises(OSError, match="disk full"):
        if manual:
            registry.promote_manually(
                challenger, decided_by="a", justification="why", on_write_error=reported
            )
        else:
            registry.promote(
                first,
                rule=PromotionRule(),
                challenger_metrics={},
                champion_metrics=None,
                period=PERIOD,
                on_write_error=reported,
            )
    assert seen == [("disk full", True)]
