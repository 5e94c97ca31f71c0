"""Replay a labelled history week by week under a selection policy (``clearlane simulate``).

What happens to targeting when the model only ever learns from what it chose to inspect?
The simulator replays a fully labelled history (KCS, or generated data) as if live:

1. the first ``warmup_weeks`` weeks are inspected uniformly at random at capacity (the labels
   every policy starts from);
2. each later week the policy's model scores the week's declarations and
   :func:`clearlane.selection.select_lanes` (the production selection, one office-week, a
   seeded draw) inspects ``capacity`` of them: exploitation by score, plus the policy's
   uniform random share and/or exploration share of that capacity;
3. the labels of the inspected declarations, and only those, are revealed;
4. the model is retrained on everything revealed so far every ``retrain_every`` weeks.

The model is deliberately fast and self-contained (LightGBM, 150 trees, on value, mass, price
per kg, duty, HS chapter/heading, origin, office, transport and the importer's and declarant's
revealed history), not the engine: the point is the policies' relative behaviour, replayed
many times, and the engine's training would dominate the run time. Features that use labels
(the importer's and declarant's control history) are computed for each week from the labels
revealed *before* it, so nothing leaks from the future nor from uninspected declarations.

Metrics per week and policy: ``precision`` (hits / inspected), ``fraud_found`` (frauds found /
frauds in the week), ``revenue_share`` (revenue recovered / all recoverable revenue of the
week) and ``revenue_vs_oracle`` (recovered / what an oracle inspecting the week's ``capacity``
most lucrative frauds would recover). The summary gives each over the post-warm-up weeks and
the revenue relative to the best policy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clearlane.risk.supervised import revenue_target
from clearlane.selection import Capacity, LaneCapacity, SelectionPolicy, select_lanes

__all__ = [
    "POLICIES",
    "SimulationResult",
    "SimPolicy",
    "declaration_units",
    "lightgbm_fit",
    "simulate",
    "with_ground_truth",
]

REVENUE = "true_revenue"  # optional column: the revenue a control would recover (ground truth)
CATEGORICAL = ("hs2", "hs4", "origin_country", "office", "transport_mode", "country_dispatch")
HISTORY = ("importer_id", "declarant_id")


@dataclass(frozen=True)
class SimPolicy:
    """A selection policy of the simulation: shares of the inspection capacity."""

    name: str
    random_share: float = 0.0
    exploration_share: float = 0.0


POLICIES: tuple[SimPolicy, ...] = (
    SimPolicy("exploitation"),
    SimPolicy("exploitation + 10% random", random_share=0.10),
    SimPolicy("exploitation + 10% exploration", exploration_share=0.10),
)


Scorer = Callable[[pd.DataFrame], np.ndarray]


Fit = Callable[[pd.DataFrame, np.ndarray, int], Scorer]


def lightgbm_fit(features: pd.DataFrame, labels: np.ndarray, seed: int) -> Scorer:
    """The simulation's model: a small LightGBM (logistic when one class is missing)."""
    import lightgbm as lgb

    y = np.asarray(labels, dtype=int)
    if y.min() == y.max():
        constant = float(y[0])
        return lambda x: np.full(len(x), constant)
    model = lgb.LGBMClassifier(
        n_estimators=150,
        learning_rate=0.05,
        num_leaves=15,
        min_child_samples=10,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=seed,
        n_jobs=1,
        verbose=-1,
    )
    model.fit(features, y)

    def score(x: pd.DataFrame) -> np.ndarray:
        return np.asarray(model.predict_proba(x))[:, 1]

    return score


def with_ground_truth(frame: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Label every declaration of a generated history from its ``ground_truth.csv``
    (``is_fraud``, ``duty_evaded``): the simulator replays what controls *would* find."""
    missing = {"reference", "is_fraud", "duty_evaded"} - set(truth.columns)
    if missing:
        raise ValueError(f"the ground truth lacks column(s): {', '.join(sorted(missing))}")
    by_ref = (
        truth.assign(reference=truth["reference"].astype(str))
        .drop_duplicates("reference")
        .set_index("reference")
    )
    ref = frame["reference"].astype(str)
    out = frame.assign(fraud=ref.map(by_ref["is_fraud"]).astype(float))
    items = ref.map(ref.value_counts())
    out[REVENUE] = ref.map(by_ref["duty_evaded"]).astype(float) / items
    return out


def declaration_units(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per declaration: label (any item non-compliant), recoverable revenue (the
    ``true_revenue`` column when given, else the duty recovered or at stake), the first
    item's categories and summed value and mass; ``week`` from the first date."""
    if "fraud" not in frame:
        raise ValueError("the history has no fraud column: the simulator needs labels")
    labelled = frame[pd.to_numeric(frame["fraud"], errors="coerce").notna()].copy()
    if labelled.empty:
        raise ValueError("the history has no labelled row")
    labelled["_y"] = pd.to_numeric(labelled["fraud"], errors="coerce")
    recoverable = (
        pd.to_numeric(labelled[REVENUE], errors="coerce").fillna(0.0)
        if REVENUE in labelled
        else revenue_target(labelled)
    )
    labelled["_rev"] = recoverable * (labelled["_y"] == 1)
    labelled["_date"] = pd.to_datetime(labelled["declaration_date"], errors="coerce")
    labelled = labelled[labelled["_date"].notna()]
    for column in ("customs_value", "net_mass_kg", "duty_rate", "duty_at_stake"):
        values = labelled[column] if column in labelled else pd.Series(np.nan, labelled.index)
        labelled[column] = pd.to_numeric(values, errors="coerce")
    present = [c for c in (*CATEGORICAL, *HISTORY) if c in labelled]
    units = labelled.groupby(labelled["reference"].astype(str), sort=False).agg(
        date=("_date", "min"),
        y=("_y", "max"),
        revenue=("_rev", "sum"),
        value=("customs_value", "sum"),
        mass=("net_mass_kg", "sum"),
        duty_rate=("duty_rate", "max"),
        stake=("duty_at_stake", "sum"),
        items=("_y", "size"),
        **{c: (c, "first") for c in present},
    )
    units = units.sort_values(["date"], kind="stable")
    start = units["date"].min().normalize()
    units["week"] = ((units["date"] - start).dt.days // 7).astype(int)
    units.index.name = "reference"
    return units


def _base_features(units: pd.DataFrame) -> pd.DataFrame:
    features = pd.DataFrame(index=units.index)
    features["log_value"] = np.log1p(units["value"].clip(lower=0))
    features["log_mass"] = np.log1p(units["mass"].clip(lower=0))
    features["log_value_per_kg"] = features["log_value"] - features["log_mass"]
    features["duty_rate"] = units["duty_rate"]
    features["items"] = units["items"]
    for column in CATEGORICAL:
        if column in units:
            features[column] = pd.Categorical(units[column].astype(str)).codes
    return features


def _history_features(
    units: pd.DataFrame, week: int, revealed_y: np.ndarray, rows: np.ndarray
) -> pd.DataFrame:
    """For ``rows`` (of week ``week``): the importer's and declarant's revealed controls
    before that week, and their shrunk non-compliance rate."""
    before = (units["week"].to_numpy() < week) & np.isfinite(revealed_y)
    prior = float(np.nanmean(revealed_y[before])) if before.any() else 0.2
    out = pd.DataFrame(index=units.index[rows])
    for column in HISTORY:
        if column not in units:
            continue
        keys = units[column].astype(str)
        known = pd.DataFrame({"key": keys[before], "y": revealed_y[before]})
        stats = known.groupby("key")["y"].agg(["size", "sum"])
        n = keys.iloc[rows].map(stats["size"]).fillna(0.0).to_numpy()
        hits = keys.iloc[rows].map(stats["sum"]).fillna(0.0).to_numpy()
        out[f"{column}_controls"] = n
        out[f"{column}_rate"] = (hits + 5 * prior) / (n + 5)
    return out


@dataclass
class SimulationResult:
    weekly: pd.DataFrame
    summary: pd.DataFrame
    settings: dict[str, Any] = field(default_factory=dict)
    # per policy: week -> references inspected (for invariant checks and audits)
    inspected: dict[str, dict[int, list[str]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "summary": self.summary.reset_index().to_dict("records"),
            "weekly": self.weekly.to_dict("records"),
        }


def simulate(
    frame: pd.DataFrame,
    *,
    capacity: float = 0.05,
    policies: Sequence[SimPolicy] = POLICIES,
    warmup_weeks: int = 4,
    retrain_every: int = 2,
    seed: int = 0,
    fit: Fit = lightgbm_fit,
    rank_by: str = "score",
    progress: Callable[[str], None] | None = None,
) -> SimulationResult:
    """Replay ``frame`` (a labelled analysis frame) week by week for each policy (module doc).

    ``rank_by`` orders exploitation: ``expected_revenue`` (P(fraud) x the duty declared at
    stake, known at declaration time) or ``score`` (P(fraud)). Deterministic for a given
    ``seed``: the warm-up draw, each week's random and exploration draws and the model's seed
    all derive from it."""
    if rank_by not in ("expected_revenue", "score"):
        raise ValueError(f"rank_by must be 'expected_revenue' or 'score', not {rank_by!r}")
    if not 0 < capacity <= 1:
        raise ValueError(f"capacity must be in (0, 1], not {capacity}")
    if retrain_every < 1:
        raise ValueError("retrain_every must be at least 1")
    units = declaration_units(frame)
    weeks = int(units["week"].max()) + 1
    if weeks <= warmup_weeks:
        raise ValueError(
            f"the history spans {weeks} week(s); the simulation needs more than the "
            f"{warmup_weeks} warm-up week(s)"
        )
    base = _base_features(units)
    y = units["y"].to_numpy(dtype=float)
    revenue = units["revenue"].to_numpy(dtype=float)
    week_of = units["week"].to_numpy()
    stake = units["stake"].fillna(0.0).clip(lower=0).to_numpy(dtype=float)
    references = units.index.to_numpy()
    records: list[dict[str, Any]] = []
    inspected_log: dict[str, dict[int, list[str]]] = {}
    for policy in policies:
        say = progress or (lambda _msg: None)
        revealed = np.full(len(units), np.nan)  # the only labels the policy ever reads
        features = pd.DataFrame(index=units.index, dtype=float)
        scorer: Scorer | None = None
        log: dict[int, list[str]] = {}
        for week in range(weeks):
            rows = np.flatnonzero(week_of == week)
            if rows.size == 0:
                continue
            history = _history_features(units, week, revealed, rows)
            for column in history.columns:
                features.loc[history.index, column] = history[column]
            x = base.iloc[rows].join(features.loc[history.index])
            live = week >= warmup_weeks
            if live and (scorer is None or (week - warmup_weeks) % retrain_every == 0):
                trained = np.isfinite(revealed)
                say(f"{policy.name}: week {week}/{weeks}, training on {trained.sum():,} labels")
                train_x = base[trained].join(features[trained])
                scorer = fit(train_x, revealed[trained], seed + week)
            score = scorer(x) if live and scorer is not None else np.full(rows.size, np.nan)
            chosen = _select_week(
                references[rows],
                score,
                score * stake[rows] if rank_by == "expected_revenue" else score,
                novelty=1.0 / (1.0 + history.get("importer_id_controls", pd.Series(0.0))),
                capacity=capacity,
                policy=policy if week >= warmup_weeks else SimPolicy("warm-up", 1.0),
                seed=seed * 100_003 + week,
            )
            picked = rows[chosen]
            revealed[picked] = y[picked]  # labels revealed only for what was inspected
            log[week] = list(references[picked])
            records.append(
                _week_metrics(policy.name, week, units, rows, picked, y, revenue, capacity)
            )
        inspected_log[policy.name] = log
    weekly = pd.DataFrame(records)
    summary = _summary(weekly[weekly["week"] >= warmup_weeks])
    settings = {
        "capacity": capacity,
        "warmup_weeks": warmup_weeks,
        "retrain_every": retrain_every,
        "seed": seed,
        "weeks": weeks,
        "declarations": len(units),
        "fraud_rate": float(np.mean(y)),
        "period": f"{units['date'].min():%Y-%m-%d} .. {units['date'].max():%Y-%m-%d}",
        "policies": [vars(p) for p in policies],
        "model": getattr(fit, "__name__", str(fit)),
        "rank_by": rank_by,
    }
    return SimulationResult(weekly, summary, settings, inspected_log)


def _select_week(
    references: np.ndarray,
    score: np.ndarray,
    rank_key: np.ndarray,
    *,
    novelty: pd.Series,
    capacity: float,
    policy: SimPolicy,
    seed: int,
) -> np.ndarray:
    """Indices (into the week) the production selection inspects: one office-week, the red
    lane at ``capacity``, the policy's random and exploration shares of it."""
    assessments = pd.DataFrame(
        {
            "reference": references,
            "office": "simulation",
            "declaration_date": pd.Timestamp("2000-01-03"),
            "score": score,
            "expected_revenue": rank_key,
            "mandatory": False,
            "novelty": np.asarray(novelty, dtype=float)
            if len(novelty) == len(references)
            else np.ones(len(references)),
        }
    )
    lanes = SelectionPolicy(
        capacity=LaneCapacity(
            red=Capacity(share=capacity),
            yellow=Capacity(count=0),
            exploration=policy.exploration_share,
        ),
        random_share=policy.random_share,
        seed=seed,
        rank_by="expected_revenue",
    )
    selected = select_lanes(assessments, lanes)
    return np.flatnonzero(selected["lane"].to_numpy() == "red")


def _week_metrics(
    policy: str,
    week: int,
    units: pd.DataFrame,
    rows: np.ndarray,
    picked: np.ndarray,
    y: np.ndarray,
    revenue: np.ndarray,
    capacity: float,
) -> dict[str, Any]:
    k = len(picked)
    frauds = float(y[rows].sum())
    total_revenue = float(revenue[rows].sum())
    oracle_k = max(1, int(round(capacity * rows.size)))
    oracle = float(np.sort(revenue[rows])[::-1][:oracle_k].sum())
    hits = float(y[picked].sum())
    recovered = float(revenue[picked].sum())
    return {
        "policy": policy,
        "week": week,
        "week_start": f"{units['date'].iloc[rows].min():%Y-%m-%d}",
        "declarations": int(rows.size),
        "inspected": k,
        "hits": hits,
        "frauds": frauds,
        "revenue": recovered,
        "total_revenue": total_revenue,
        "oracle_revenue": oracle,
        "precision": hits / k if k else np.nan,
        "fraud_found": hits / frauds if frauds else np.nan,
        "revenue_share": recovered / total_revenue if total_revenue else np.nan,
        "revenue_vs_oracle": recovered / oracle if oracle else np.nan,
    }


def _summary(weekly: pd.DataFrame) -> pd.DataFrame:
    """Per policy, over the weeks given: ratios of sums (not means of weekly ratios)."""
    sums = weekly.groupby("policy", sort=False)[
        ["inspected", "hits", "frauds", "revenue", "total_revenue", "oracle_revenue"]
    ].sum()
    late = weekly[weekly["week"] >= weekly["week"].quantile(0.75)]
    late_sums = late.groupby("policy", sort=False)[["revenue", "oracle_revenue"]].sum()
    summary = pd.DataFrame(
        {
            "inspected": sums["inspected"].astype(int),
            "precision": sums["hits"] / sums["inspected"],
            "fraud_found": sums["hits"] / sums["frauds"],
            "revenue_share": sums["revenue"] / sums["total_revenue"],
            "revenue_vs_oracle": sums["revenue"] / sums["oracle_revenue"],
            "revenue_vs_oracle_last_quarter": late_sums["revenue"] / late_sums["oracle_revenue"],
        }
    )
    summary["revenue_vs_best_policy"] = sums["revenue"] / sums["revenue"].max()
    return summary


METRICS = (
    ("precision", "precision (hits / inspected)"),
    ("fraud_found", "share of the frauds found"),
    ("revenue_share", "share of the recoverable revenue"),
)


def cumulative(weekly: pd.DataFrame) -> pd.DataFrame:
    """Running ratios of sums per policy, week by week (what the plot shows)."""
    parts = []
    for policy, rows in weekly.groupby("policy", sort=False):
        rows = rows.sort_values("week")
        sums = rows[["inspected", "hits", "frauds", "revenue", "total_revenue"]].cumsum()
        parts.append(
            pd.DataFrame(
                {
                    "policy": policy,
                    "week": rows["week"],
                    "precision": sums["hits"] / sums["inspected"],
                    "fraud_found": sums["hits"] / sums["frauds"],
                    "revenue_share": sums["revenue"] / sums["total_revenue"],
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def write_simulation_report(
    result: SimulationResult, directory: Any, *, title: str = "ClearLane policy simulation"
) -> tuple[Any, Any]:
    """``simulation.json`` and a self-contained ``simulation.html`` (SVG line plots of the
    cumulative metrics over the replayed period, one line per policy) in ``directory``."""
    import html
    import json
    from pathlib import Path

    from clearlane.learn.report import line_chart

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    json_path = directory / "simulation.json"
    payload = result.to_dict()
    json_path.write_text(json.dumps(payload, indent=2, default=_json_default), encoding="utf-8")
    running = cumulative(result.weekly)
    last = max(int(result.weekly["week"].max()), 1)
    charts = []
    for metric, label in METRICS:
        series = {
            str(policy): (
                (rows["week"] / last).tolist(),
                rows[metric].fillna(0.0).clip(0, 1).tolist(),
            )
            for policy, rows in running.groupby("policy", sort=False)
        }
        charts.append(
            line_chart(f"Cumulative {label}", series, x="share of the replayed period", y=metric)
        )
    summary = result.summary.to_html(float_format=lambda v: f"{v:.3f}")
    settings = html.escape(json.dumps(result.settings, indent=1, default=_json_default))
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1300px;color:#222}}
table{{border-collapse:collapse;font-size:12px;margin-bottom:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right}}
svg{{margin:6px;border:1px solid #eee}}
pre{{background:#f6f6f6;padding:8px;font-size:11px;overflow:auto}}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>A labelled history replayed week by week: each policy inspects the same capacity share,
sees the labels of what it inspected only, and retrains on them. Figures are over the weeks
after the warm-up.</p>
{summary}
<div>{"".join(charts)}</div>
<h2>Settings</h2><pre>{settings}</pre>
</body></html>"""
    html_path = directory / "simulation.html"
    html_path.write_text(page, encoding="utf-8")
    return json_path, html_path


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return str(value)
