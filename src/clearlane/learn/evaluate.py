"""Targeting metrics, side-by-side comparisons and temporal backtests (DESIGN.md, "Measuring
targeting").

Only controlled rows are evaluated (an uncontrolled declaration is unknown, not compliant).
Metrics are computed per declaration: a declaration is as risky as its riskiest item and its
recoverable revenue is the sum over its non-compliant items. Random selection is reported as its
expected value, not one draw.

Controlled rows are a biased sample (risk selections look risky), so the metrics of all
controlled rows flatter or mislead. :func:`compare` therefore also reports the metrics on the
random controls alone (table ``random controls``: precision@k there is what a queue would find
in traffic like the population's) and the non-compliance rate estimated from them with
inverse-probability weights (``extras["unbiased"]``, :func:`unbiased_rates`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score

from clearlane.explain.overview import global_explanations
from clearlane.features import FeatureBuilder, reuse_history
from clearlane.risk.anomaly import IsolationForestScorer
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import RiskEngine, train_engine
from clearlane.risk.supervised import (
    LogisticComparator,
    PlainLightGBM,
    TreeComparator,
    check_labels,
    revenue_target,
)
from clearlane.selection.ipw import weighted_rate

KS: tuple[float, ...] = (0.01, 0.02, 0.05, 0.10)
RANDOM = "random (expected)"


def _top(score: np.ndarray, k: float) -> np.ndarray:
    n = max(1, int(round(len(score) * k)))
    return np.argsort(-score, kind="stable")[:n]


def targeting_metrics(
    y: np.ndarray, score: np.ndarray, revenue: np.ndarray, *, ks: Sequence[float] = KS
) -> dict[str, float]:
    """precision@k, recall@k, revenue@k for each k, plus ROC-AUC and PR-AUC."""
    y = np.asarray(y, dtype=float)
    score = np.nan_to_num(np.asarray(score, dtype=float), nan=-np.inf)
    revenue = np.asarray(revenue, dtype=float) * (y == 1)
    out: dict[str, float] = {"n": float(len(y)), "positives": float(y.sum())}
    total_rev = revenue.sum()
    for k in ks:
        top = _top(score, k)
        tag = f"{k * 100:g}%"
        out[f"precision@{tag}"] = float(y[top].mean()) if len(y) else np.nan
        out[f"recall@{tag}"] = float(y[top].sum() / y.sum()) if y.sum() else np.nan
        out[f"revenue@{tag}"] = float(revenue[top].sum() / total_rev) if total_rev else np.nan
    both = 0 < y.sum() < len(y)
    finite = np.where(np.isfinite(score), score, -1e9)
    out["roc_auc"] = float(roc_auc_score(y, finite)) if both else np.nan
    out["pr_auc"] = float(average_precision_score(y, finite)) if both else np.nan
    return out


def random_metrics(y: np.ndarray, revenue: np.ndarray, *, ks: Sequence[float] = KS) -> dict:
    """Expected metrics of selecting k% at random."""
    y = np.asarray(y, dtype=float)
    out: dict[str, float] = {"n": float(len(y)), "positives": float(y.sum())}
    base = float(y.mean()) if len(y) else np.nan
    for k in ks:
        tag = f"{k * 100:g}%"
        share = max(1, int(round(len(y) * k))) / max(1, len(y))
        out[f"precision@{tag}"] = base
        out[f"recall@{tag}"] = share
        out[f"revenue@{tag}"] = share
    out["roc_auc"] = 0.5
    out["pr_auc"] = base
    return out


def declaration_level(
    frame: pd.DataFrame, scores: pd.Series, *, target: str = "fraud"
) -> pd.DataFrame:
    """Controlled declarations: label (any item positive), score (max) and revenue (sum)."""
    label = pd.to_numeric(frame[target], errors="coerce")
    rev = revenue_target(frame) * (label == 1)
    ref = frame["reference"] if "reference" in frame else pd.Series(frame.index, index=frame.index)
    data = pd.DataFrame(
        {"ref": ref.astype(str), "y": label, "score": scores.reindex(frame.index), "rev": rev}
    )
    data = data[data["y"].notna()]
    return data.groupby("ref", sort=False).agg(
        y=("y", "max"), score=("score", "max"), rev=("rev", "sum")
    )


def novel_rows(train: pd.DataFrame, test: pd.DataFrame) -> pd.Series:
    """Test rows whose declared value and (HS6, net mass) pair never occur in training: where
    memory of duplicated rows cannot help (the KCS caution in data/README.md)."""
    prices = set(pd.to_numeric(train["customs_value"], errors="coerce").dropna())
    train_mass = pd.to_numeric(train["net_mass_kg"], errors="coerce")
    pairs = set(zip(train["hs6"].astype(str), train_mass, strict=True))
    value = pd.to_numeric(test["customs_value"], errors="coerce")
    mass = pd.to_numeric(test["net_mass_kg"], errors="coerce")
    seen_pair = [p in pairs for p in zip(test["hs6"].astype(str), mass, strict=True)]
    return pd.Series(
        ~value.isin(prices).to_numpy() & ~np.array(seen_pair, dtype=bool), index=test.index
    )


def metrics_table(
    frame: pd.DataFrame,
    scores: Mapping[str, pd.Series],
    *,
    target: str = "fraud",
    ks: Sequence[float] = KS,
    with_random: bool = True,
) -> pd.DataFrame:
    """One row per method (plus random selection), metrics as columns."""
    rows: dict[str, dict[str, float]] = {}
    first = None
    for name, score in scores.items():
        decl = declaration_level(frame, score, target=target)
        first = decl if first is None else first
        rows[name] = targeting_metrics(
            decl["y"].to_numpy(), decl["score"].to_numpy(), decl["rev"].to_numpy(), ks=ks
        )
    if with_random and first is not None:
        rows[RANDOM] = random_metrics(first["y"].to_numpy(), first["rev"].to_numpy(), ks=ks)
    return pd.DataFrame.from_dict(rows, orient="index")


AT_CAPACITY = "engine minus baselines at capacity"
CAPACITY_BASELINES: tuple[str, ...] = ("logistic regression", "rule baseline")
CAPACITY_REPS = 2000


def _declaration_days(frame: pd.DataFrame, refs: pd.Index) -> np.ndarray:
    """Each declaration's day (of its first item), in the order of ``refs``."""
    ref = frame["reference"] if "reference" in frame else pd.Series(frame.index, index=frame.index)
    day = pd.to_datetime(frame["declaration_date"], errors="coerce").dt.normalize()
    return day.groupby(ref.astype(str)).first().reindex(refs.astype(str)).to_numpy()


def _precision_at_ks(y: np.ndarray, score: np.ndarray, ks: Sequence[float]) -> np.ndarray:
    hits = np.cumsum(y[np.argsort(-score, kind="stable")])
    n = [max(1, int(round(len(y) * k))) for k in ks]
    return np.array([hits[m - 1] / m for m in n])


def _precision_at_ks_ranked(
    y: np.ndarray, rank: np.ndarray, idx: np.ndarray, ks: Sequence[float]
) -> np.ndarray:
    """:func:`_precision_at_ks` of ``y[idx]`` ranked by a score whose dense rank (0 = the
    highest score, ties equal) is ``rank``, without sorting the whole draw: the stable order
    is the order of the unique keys rank * len + position, and only the largest cut is
    partitioned off and sorted (customs inspects a few percent)."""
    n = len(idx)
    cuts = [max(1, int(round(n * k))) for k in ks]
    top = max(cuts)
    key = rank[idx] * n + np.arange(n, dtype=np.int64)
    head = np.argpartition(key, top - 1)[:top] if top < n else np.arange(n)
    hits = np.cumsum(y[idx][head[np.argsort(key[head])]])
    return np.array([hits[m - 1] / m for m in cuts])


def capacity_comparison(
    frame: pd.DataFrame,
    scores: Mapping[str, pd.Series],
    *,
    versus: Sequence[str] = CAPACITY_BASELINES,
    ks: Sequence[float] = KS,
    reps: int = CAPACITY_REPS,
    seed: int = 0,
    target: str = "fraud",
) -> pd.DataFrame:
    """precision@k of the engine minus each baseline in ``versus`` (those in ``scores``), at
    declaration level, with a 95 % paired **day bootstrap**: the held-out days are drawn with
    replacement (the same days for both scores; a day's declarations share its traffic and
    its officers), the top k % taken of the resampled declarations, ties at the cut broken
    at random. Customs inspects a few percent, so this is the figure officers feel; with few
    labels k % holds a handful of declarations and one finding moves precision by 1 / (k n):
    ``verdict`` says whether the interval excludes 0.

    One row per (baseline, k); columns k, declarations at the cut, engine, baseline,
    difference, low, high, verdict. Empty when the engine or every baseline is missing or
    the period holds no controlled declaration of both outcomes."""
    columns = ["k", "cut", "engine", "baseline", "difference", "low", "high", "verdict"]
    present = [name for name in versus if name in scores]
    if "engine" not in scores or not present:
        return pd.DataFrame(columns=columns)
    decl = {
        name: declaration_level(frame, scores[name].astype(float), target=target)
        for name in ("engine", *present)
    }
    first = decl["engine"]
    y = first["y"].to_numpy(dtype=float)
    if len(y) == 0 or y.min() == y.max():
        return pd.DataFrame(columns=columns)
    s = {
        name: np.nan_to_num(d["score"].to_numpy(dtype=float), nan=-np.inf)
        for name, d in decl.items()
    }
    days = _declaration_days(frame, first.index)
    _, day_of = np.unique(days.astype("datetime64[ns]"), return_inverse=True)
    members = [np.flatnonzero(day_of == d) for d in range(int(day_of.max()) + 1)]
    rng = np.random.default_rng(seed)
    draws = {name: np.empty((reps, len(ks))) for name in present}
    ranks = {
        name: np.unique(-score, return_inverse=True)[1].astype(np.int64)
        for name, score in s.items()
    }
    for i in range(reps):
        idx = rng.permutation(
            np.concatenate([members[j] for j in rng.integers(0, len(members), len(members))])
        )
        ours = _precision_at_ks_ranked(y, ranks["engine"], idx, ks)
        for name in present:
            draws[name][i] = ours - _precision_at_ks_ranked(y, ranks[name], idx, ks)
    rows: dict[str, dict[str, Any]] = {}
    ours = _precision_at_ks(y, s["engine"], ks)
    for name in present:
        theirs = _precision_at_ks(y, s[name], ks)
        low, high = np.quantile(draws[name], [0.025, 0.975], axis=0)
        for j, k in enumerate(ks):
            diff = float(ours[j] - theirs[j])
            if low[j] > 0:
                verdict = "engine ahead"
            elif high[j] < 0:
                verdict = "engine behind"
            else:
                verdict = "within the noise"
            rows[f"vs {name} @{k * 100:g}%"] = {
                "k": float(k),
                "cut": float(max(1, int(round(len(y) * k)))),
                "engine": float(ours[j]),
                "baseline": float(theirs[j]),
                "difference": diff,
                "low": float(low[j]),
                "high": float(high[j]),
                "verdict": verdict,
            }
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


RANDOM_CONTROLS = "random controls"
MIN_RANDOM_CONTROLS = 30  # fewer random controls than this make no table worth printing


def random_controls(frame: pd.DataFrame) -> pd.Series:
    """Rows controlled because they were drawn at random (``selection_reason`` random)."""
    if "selection_reason" not in frame:
        return pd.Series(False, index=frame.index)
    reason = frame["selection_reason"].astype("string").str.lower()
    return (reason == "random").fillna(False).astype(bool) & frame["fraud"].notna()


def unbiased_rates(frame: pd.DataFrame, *, target: str = "fraud") -> dict[str, Any]:
    """Non-compliance per declaration: the biased rate of all controlled declarations beside
    the inverse-probability-weighted rate of the random controls (weights from a
    ``random_probability`` column when the frame has one; else the random controls of the
    period are taken as one uniform sample, where the weighted rate is their plain mean)."""
    controlled = declaration_level(frame, pd.Series(0.0, index=frame.index), target=target)
    random = random_controls(frame)
    decl = declaration_level(frame[random], pd.Series(0.0, index=frame.index), target=target)
    if "random_probability" in frame:
        ref = frame["reference"] if "reference" in frame else pd.Series(frame.index)
        p = pd.to_numeric(frame.loc[random, "random_probability"], errors="coerce")
        pi = p.groupby(ref[random].astype(str)).first().reindex(decl.index).to_numpy()
        design = "recorded inclusion probabilities"
    else:
        pi = np.ones(len(decl))
        design = "uniform random sample (no recorded probabilities)"
    y = controlled["y"].to_numpy(dtype=float)
    return {
        "controlled_biased": {
            "n": len(y),
            "rate": float(y.mean()) if len(y) else None,
        },
        "random_controls_ipw": {
            **weighted_rate(decl["y"].to_numpy(dtype=float), pi),
            "design": design,
        },
    }


@dataclass
class Comparison:
    """Everything one train/test comparison produced (input of :func:`write_report`)."""

    scores: dict[str, pd.Series]
    critical_scores: dict[str, pd.Series]
    test: pd.DataFrame
    novel: pd.Series
    engine: RiskEngine
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)


def compare(
    train: pd.DataFrame,
    test: pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    engine: RiskEngine | None = None,
    seed: int = 0,
    ks: Sequence[float] = KS,
    ablation: bool = False,
    explanations: bool = True,
    capacity: bool = True,
    progress: Callable[[str], None] | None = None,
) -> Comparison:
    """Fit the engine and every baseline on ``train``, score ``test``, tabulate side by side.

    ``ablation`` adds the engine without its repeat-consignment memory, to show how much of the
    figure on all rows is memory of earlier identical declarations. ``explanations`` adds the
    model's global explanations on the test rows (importance by gain and mean |SHAP|, partial
    dependence; :func:`clearlane.explain.overview.global_explanations`). ``capacity`` adds the
    table ``AT_CAPACITY``: precision@k of the engine minus logistic regression and the rules,
    paired, with a day-bootstrap interval (:func:`capacity_comparison`). ``progress`` is told
    each stage as it starts.
    """
    say = progress or (lambda _stage: None)
    trained_here = engine is None
    if engine is None:
        say(f"training the engine on {len(train):,} items")
        engine = train_engine(train, profiles=profiles, seed=seed)
    say(f"scoring the held-out period ({len(test):,} items)")
    items = engine.score_items(test, profiles=profiles)
    scores: dict[str, pd.Series] = {"engine": items["score"]}
    if items["expected_revenue"].notna().any():
        # Same engine, queue ordered by p(fraud) x E[revenue | fraud]: the revenue view.
        scores["engine, by expected revenue"] = items["expected_revenue"].rank(pct=True)
    if ablation:
        say("training the engine without repeat memory (ablation)")
        no_memory = train_engine(train, profiles=profiles, seed=seed, repeat_memory=False)
        scores["engine (no repeat memory)"] = no_memory.score(test)
    if profiles is not None:
        scores["rule baseline"] = profiles.evaluate(
            _with_features(test, engine.builder.transform(test))
        ).score.reindex(test.index)
    say("training the baselines: plain LightGBM, logistic regression, tree, isolation forest")
    scores["plain LightGBM (default)"] = PlainLightGBM(seed=seed).fit(train).score(test)
    builder = _baseline_builder(engine, train) if trained_here else None
    if builder is None:
        builder = FeatureBuilder().fit(train)
    x_train = builder.transform(train)
    x_test = builder.transform(test)
    known = check_labels(train["fraud"])
    scores["logistic regression"] = (
        LogisticComparator(seed=seed)
        .fit_features(x_train.loc[known.index], known)
        .score_features(x_test)
    )
    tree = TreeComparator(seed=seed).fit_features(x_train.loc[known.index], known)
    scores["decision tree (depth 4)"] = tree.score_features(x_test)
    iforest = IsolationForestScorer(seed=seed).fit_features(x_train)
    scores["isolation forest"] = iforest.score_features(x_test)

    critical_scores = {
        "engine critical model": items["critical_score"],
        "engine fraud score": items["score"],
        "isolation forest": scores["isolation forest"],
        "price anomaly": items["price_anomaly"],
    }
    say("tabulating precision, recall and revenue at k")
    novel = novel_rows(train, test)
    result = Comparison(scores, critical_scores, test, novel, engine)
    result.tables = {
        "all rows": metrics_table(test, scores, ks=ks),
        "novel rows": metrics_table(test[novel], {k: v[novel] for k, v in scores.items()}, ks=ks),
        "critical, all rows": metrics_table(test, critical_scores, target="critical", ks=ks),
    }
    # Paired, with a day bootstrap: at a capacity of a few percent the cut holds few
    # declarations, and a difference of one finding must not read as a ranking (issue #11).
    if capacity:
        result.tables[AT_CAPACITY] = capacity_comparison(test, scores, ks=ks, seed=seed)
    random = random_controls(test)
    if random.sum() >= MIN_RANDOM_CONTROLS:
        result.tables[RANDOM_CONTROLS] = metrics_table(
            test[random], {k: v[random] for k, v in scores.items()}, ks=ks
        )
    result.extras = {
        "tree_rules": tree.rules_text(),
        "importance": engine.fraud.importance().head(25)
        if engine.fraud
        else pd.Series(dtype=float),
        "engine_summary": engine.summary,
        "engine_notes": engine.notes,
        "model_probability": items["model"],
        "train_period": _period(train),
        "test_period": _period(test),
        "unbiased": unbiased_rates(test),
    }
    if explanations:
        say("global explanations (importance, SHAP, partial dependence)")
        result.extras["global_explanations"] = global_explanations(engine, test, seed=seed)
    return result


def _baseline_builder(engine: RiskEngine, train: pd.DataFrame) -> FeatureBuilder | None:
    """``FeatureBuilder().fit(train)`` without fitting again: :func:`train_engine` (default
    settings) fitted its builder on the same rows when every row is dated, and a default
    builder differs from it only in not estimating empirical-Bayes priors, so the fitted
    history tables are the same. None when that does not hold (fit as usual)."""
    fitted = engine.builder
    dated = pd.to_datetime(train["declaration_date"], errors="coerce").notna().all()
    settings = (
        *("min_peers", "min_reference", "prior_strength", "label_lag_days", "half_life_days"),
        *("repeat_memory", "band_width", "band_mode", "max_categories", "min_category_count"),
    )
    default = FeatureBuilder()
    if not dated or fitted.n_history != len(train) or not fitted.empirical_bayes:
        return None
    if any(getattr(fitted, name) != getattr(default, name) for name in settings):
        return None
    return replace(fitted, empirical_bayes=False, prior_strengths={})


def _with_features(frame: pd.DataFrame, features: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in features.columns if c not in frame.columns and c != "missing_fields"]
    return frame.join(features[extra])


def _period(frame: pd.DataFrame) -> str:
    d = pd.to_datetime(frame["declaration_date"])
    return f"{d.min():%Y-%m-%d} .. {d.max():%Y-%m-%d} ({len(frame)} rows)"


def backtest(
    frame: pd.DataFrame,
    *,
    freq: str = "MS",
    min_train_days: int = 120,
    profiles: RuleScorer | None = None,
    seed: int = 0,
    ks: Sequence[float] = KS,
    progress: Callable[[str], None] | None = None,
) -> pd.DataFrame:
    """Rolling temporal backtest: for each period (monthly by default) after ``min_train_days``,
    train on everything before it and test on it. Returns one row per (window, method).

    Each window's training rows are a date prefix of ``frame``, so the running peer quantiles
    are computed once over ``frame`` and reused (:func:`clearlane.features.reuse_history`).
    """
    dates = pd.to_datetime(frame["declaration_date"])
    start = (dates.min() + pd.Timedelta(days=min_train_days)).normalize()
    end = dates.max().normalize() + pd.Timedelta(days=1)
    edges = [e for e in pd.date_range(start, end, freq=freq) if start < e < end]
    bounds = [start, *edges, end]
    rows: list[dict[str, Any]] = []
    with reuse_history(frame):
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
            train, test = frame[dates < lo], frame[(dates >= lo) & (dates < hi)]
            if test["fraud"].notna().sum() < 20:
                continue
            if progress:
                progress(
                    f"window {lo:%Y-%m-%d}..{hi:%Y-%m-%d}: train {len(train)}, test {len(test)}"
                )
            result = compare(
                train,
                test,
                profiles=profiles,
                seed=seed,
                ks=ks,
                explanations=False,
                capacity=False,  # the backtest keeps the all-rows and novel-rows tables only
            )
            for scope in ("all rows", "novel rows"):
                for method, metrics in result.tables[scope].iterrows():
                    rows.append(
                        {"window": f"{lo:%Y-%m}", "scope": scope, "method": method, **metrics}
                    )
    return pd.DataFrame(rows)
