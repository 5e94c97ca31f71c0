"""Cross-domain flows used by the CLI (and later the API): train and register, score and route.

Each flow only composes library parts (features/risk/learn/selection/store); none holds risk
logic of its own.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import AuditEvent, record
from clearlane.explain.reasons import explain_details
from clearlane.learn.evaluate import Comparison, compare, metrics_table
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionDecision, PromotionRule
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import ItemAssessment, RiskEngine, train_engine
from clearlane.selection import SelectionPolicy, select_lanes

ENGINE_NAME = "risk-engine"
Progress = Callable[[str], None]


class WorkflowError(ValueError):
    """A flow cannot run on the data it was given (the message says why and what to do)."""


def temporal_split(
    frame: pd.DataFrame, holdout_fraction: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Train on the earlier days, hold out the last ``holdout_fraction`` of them (by date)."""
    dates = pd.to_datetime(frame["declaration_date"]).dt.normalize()
    days = np.sort(dates.dropna().unique())
    if len(days) < 10:
        raise WorkflowError(
            f"the data spans {len(days)} day(s); a temporal evaluation needs at least 10"
        )
    cut = days[int(len(days) * (1 - holdout_fraction))]
    return frame[dates < cut], frame[dates >= cut]


def _metrics(table: pd.DataFrame, row: str) -> dict[str, float]:
    values = table.loc[row].to_dict()
    return {str(k): float(v) for k, v in values.items() if pd.notna(v)}


def engine_from_bytes(data: bytes) -> RiskEngine:
    engine = joblib.load(io.BytesIO(data))
    if not isinstance(engine, RiskEngine):
        raise WorkflowError(f"the registered artifact is a {type(engine).__name__}, not an engine")
    return engine


@dataclass
class TrainOutcome:
    comparison: Comparison
    engine: RiskEngine
    version: ModelVersion
    decision: PromotionDecision


def train_and_register(
    frame: pd.DataFrame,
    *,
    registry: ModelRegistry,
    profiles: RuleScorer | None = None,
    holdout_fraction: float = 0.2,
    rule: PromotionRule | None = None,
    created_by: str = "clearlane",
    seed: int = 0,
    progress: Progress | None = None,
    audit: sessionmaker[Session] | None = None,
) -> TrainOutcome:
    """Evaluate the recipe on a temporal holdout, train on everything, register, maybe promote.

    The headline table comes from training on the earlier days and testing on the later ones,
    never from a random split. The registered engine is then trained on the whole frame; it
    becomes champion only if the recipe beats the current champion on the same held-out days
    (the champion may have seen those days in training, which favours it: a cautious gate).
    """
    say = progress or (lambda _msg: None)
    train, holdout = temporal_split(frame, holdout_fraction)
    say(f"evaluating on the held-out period ({len(holdout):,} items) against baselines")
    comparison = compare(train, holdout, profiles=profiles, seed=seed)
    say(f"training the engine on all {len(frame):,} items")
    engine = train_engine(frame, profiles=profiles, seed=seed)
    dates = pd.to_datetime(frame["declaration_date"])
    metrics = _metrics(comparison.tables["all rows"], "engine")
    blob = io.BytesIO()
    joblib.dump(engine, blob, compress=3)
    version = registry.register(
        blob.getvalue(),
        name=ENGINE_NAME,
        training_window=(dates.min().date(), dates.max().date()),
        features=list(engine.builder.feature_names),
        params={
            "seed": seed,
            "holdout_fraction": holdout_fraction,
            "profile_version": getattr(profiles, "version", None),
            "notes": engine.notes,
        },
        metrics=metrics,
        created_by=created_by,
    )
    engine.model_version = version.id
    champion = registry.champion(ENGINE_NAME)
    champion_metrics: dict[str, float] | None = None
    if champion is not None:
        say(f"scoring the held-out period with the champion {champion.id}")
        old = engine_from_bytes(registry.load_artifact(champion))
        scores = {"champion": old.score_items(holdout, profiles=profiles)["score"]}
        champion_metrics = _metrics(metrics_table(holdout, scores, with_random=False), "champion")
    held = pd.to_datetime(holdout["declaration_date"])
    period = (held.min().date(), held.max().date())
    decision = registry.promote(
        version,
        rule=rule or PromotionRule(),
        challenger_metrics=metrics,
        champion_metrics=champion_metrics,
        period=period,
        decided_by=created_by,
    )
    if audit is not None:
        record(
            audit,
            [
                AuditEvent(
                    kind="model_change",
                    actor=created_by,
                    subject=f"model:{ENGINE_NAME}",
                    payload={
                        "action": "registered",
                        "version": version.id,
                        "sha256": version.sha256,
                        "training_window": [str(d) for d in version.training_window],
                        "metrics": metrics,
                        "profile_version": getattr(profiles, "version", None),
                    },
                ),
                AuditEvent(
                    kind="model_change",
                    actor=created_by,
                    subject=f"model:{ENGINE_NAME}",
                    payload={
                        "action": "promoted" if decision.promoted else "not_promoted",
                        "version": version.id,
                        "champion_before": champion.id if champion is not None else None,
                        "reason": decision.reason,
                    },
                ),
            ],
        )
    return TrainOutcome(comparison, engine, version, decision)


def load_champion(registry: ModelRegistry) -> tuple[RiskEngine, ModelVersion]:
    champion = registry.champion(ENGINE_NAME)
    if champion is None:
        raise WorkflowError("no trained engine yet: run `clearlane train` first")
    engine = engine_from_bytes(registry.load_artifact(champion))  # hash checked on load
    engine.model_version = champion.id
    return engine, champion


def assess_declarations(
    frame: pd.DataFrame,
    *,
    engine: RiskEngine,
    profiles: RuleScorer | None = None,
    top: int = 5,
    currency: str | None = None,
) -> pd.DataFrame:
    """One row per declaration, before lanes: office, date, score and its components, the
    profiles hit and whether one demands a ``mandatory`` control, and the reasons behind the
    score (``reasons``: the top ``top`` reason dicts, see :mod:`clearlane.explain`;
    ``top_reason``: the first one's sentence). Batch routing (:func:`score_and_route`) and
    online routing (:mod:`clearlane.intake`) both start from it."""
    if frame.empty:
        raise WorkflowError("nothing to score: the input holds no valid declaration")
    details = engine.assess_items(frame, profiles=profiles)
    explanations = explain_details(engine, details, top=top, currency=currency)
    assessments = details.assessments
    data = assessments.assign(
        **_declaration_heads(frame, details),
        reasons=pd.Series(
            [[r.to_dict() for r in e.reasons] for e in explanations],
            index=assessments.index,
            dtype=object,
        ),
        top_reason=[e.top_reason for e in explanations],
    )
    return data[[*HEAD_COLUMNS, *(c for c in data.columns if c not in HEAD_COLUMNS)]]


HEAD_COLUMNS = (
    "reference",
    "version",
    "office",
    "declaration_date",
    "profiles_hit",
    "mandatory",
)


def _declaration_heads(frame: pd.DataFrame, details: ItemAssessment) -> dict[str, Any]:
    """Per declaration (rows of ``details.assessments``): the office and date of its first
    item, the profiles any of its items hit (sorted, comma-separated) and whether one demands
    a mandatory control. Read from the engine's own rule evaluation, so a declaration's
    ``profiles_hit`` are exactly the hits behind its ``rules`` score."""
    m = len(details.assessments)
    first = np.unique(details.declaration, return_index=True)[1]
    offices = ["" if pd.isna(o) else str(o) for o in frame["office"].to_numpy(dtype=object)[first]]
    dates: np.ndarray = frame["declaration_date"].to_numpy()[first]
    hits_text = [""] * m
    mandatory = np.zeros(m, dtype=bool)
    if details.hits is not None and details.hits.size:
        hit_ids = np.asarray(details.hit_ids, dtype=object)
        found: list[set[str]] = [set() for _ in range(m)]
        for item, column in zip(*np.nonzero(details.hits), strict=True):
            found[details.declaration[item]].add(str(hit_ids[column]))
        hits_text = [",".join(sorted(s)) for s in found]
    if details.mandatory is not None and details.mandatory.size:
        np.logical_or.at(mandatory, details.declaration, details.mandatory.astype(bool))
    return {
        "office": offices,
        "declaration_date": dates,
        "profiles_hit": hits_text,
        "mandatory": mandatory,
    }


ROUTED_COLUMNS: tuple[str, ...] = (
    "reference",
    "version",
    "declaration_date",
    "office",
    "score",
    "lane",
    "selection_reason",
    "rank",
    "rules",
    "anomaly",
    "model",
    "expected_revenue",
    "critical_score",
    "profiles_hit",
    "model_version",
    "profile_version",
    "missing_fields",
    "notes",
    "top_reason",
    "reasons",
    "routing",
)
ROUTING_FIELDS = (
    "draw",
    "draw_id",
    "random_probability",
    "exploration_probability",
    "inspection_probability",
)


def score_and_route(
    frame: pd.DataFrame,
    *,
    engine: RiskEngine,
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    top: int = 5,
    currency: str | None = None,
    key: bytes | None = None,
) -> pd.DataFrame:
    """One row per declaration: score, lane, selection reason, components, profiles hit, the
    reasons behind the score (``reasons``: the top ``top`` reason dicts, see
    :mod:`clearlane.explain`; ``top_reason``: the first one's sentence) and ``routing``: the
    random draw, its id and the inclusion probabilities (stored with the assessment).

    The random controls are keyed by ``key`` (default: the settings' draw key, one secret per
    day) unless the policy carries an explicit seed."""
    policy = policy or SelectionPolicy()
    data = assess_declarations(frame, engine=engine, profiles=profiles, top=top, currency=currency)
    lanes = select_lanes(data, policy, key=key)
    routing = [
        {
            **{name: _plain(value) for name, value in zip(ROUTING_FIELDS, values, strict=True)},
            "policy_version": policy.version,
        }
        for values in lanes[list(ROUTING_FIELDS)].itertuples(index=False, name=None)
    ]
    data = data.join(lanes[["lane", "selection_reason", "rank"]]).assign(
        routing=pd.Series(routing, index=lanes.index, dtype=object)
    )
    out = data[list(ROUTED_COLUMNS)].sort_values("score", ascending=False, kind="stable")
    out["declaration_date"] = pd.to_datetime(out["declaration_date"]).dt.date
    return out.reset_index(drop=True)


def _plain(value: Any) -> Any:
    """A JSON-ready scalar (numpy numbers to Python, NaN to None)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def lane_summary(routed: pd.DataFrame) -> dict[str, int]:
    """Declarations per lane and selection reason, e.g. {"red/risk": 12, "green/-": 300}."""
    keys = routed["lane"].astype(str) + "/" + routed["selection_reason"].fillna("-").astype(str)
    return {str(k): int(n) for k, n in keys.value_counts().sort_index().items()}


def default_registry(data_dir: Path) -> ModelRegistry:
    return ModelRegistry(data_dir / "models")
