"""Cross-domain flows used by the CLI (and later the API): train and register, score and route.

Each flow only composes library parts (features/risk/learn/selection/store); none holds risk
logic of its own.
"""

from __future__ import annotations

import hashlib
import io
import logging
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import joblib
import numpy as np
import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import AuditEvent, append_many
from clearlane.explain.reasons import Reason, explain_details, explain_some, profile_reasons
from clearlane.features.columns import FrameColumns
from clearlane.learn import compiling
from clearlane.learn.evaluate import Comparison, compare, metrics_table
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionDecision, PromotionRule
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import (
    ASSESSMENT_COLUMNS,
    MIN_TRAIN_POSITIVES,
    MIN_TRAIN_ROWS,
    NO_MODEL_NOTE,
    ItemAssessment,
    RiskEngine,
    train_engine,
)
from clearlane.risk.profiles import ProfileSet
from clearlane.selection import SelectionPolicy, select_lanes
from clearlane.selection.ipw import training_kwargs

ENGINE_NAME = "risk-engine"
Progress = Callable[[str], None]
log = logging.getLogger(__name__)

# Which declarations of a batch get their reasons when scored (score_and_route, --reasons).
ReasonsFor = Literal["all", "flagged", "none"]


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
    # how the champion was compared: "recipe retrained to the cut", "artifact after both
    # training windows", "fallback fitted to the same cut", or None (no champion)
    champion_comparison: str | None = None
    # the rules + anomaly champion registered by this run because there was no champion
    fallback: ModelVersion | None = None
    # the background process compiling the new champion's boosters (None: nothing to compile,
    # not promoted, no compiler or compile_boosters off); it goes on after the caller returns
    compiling: subprocess.Popen[bytes] | None = None


# Packages whose code makes the engine's recipe: same fingerprint + same training arguments
# = the same recipe, which can be retrained to any cut.
RECIPE_PACKAGES = ("risk", "features")
MIN_COMPARISON_DAYS = 5


def recipe_fingerprint() -> str:
    """A hash of the engine's training code (``clearlane.risk`` and ``clearlane.features``)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for package in RECIPE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _fit(frame: pd.DataFrame, profiles: RuleScorer | None, kwargs: dict[str, Any]) -> RiskEngine:
    """The engine's recipe on ``frame``: ``train_engine`` with ``kwargs``, plus inverse-
    propensity sample weights when the frame records inclusion probabilities and the engine
    takes them (:func:`clearlane.selection.ipw.training_kwargs`)."""
    return train_engine(frame, profiles=profiles, **kwargs, **training_kwargs(train_engine, frame))


FALLBACK_KIND = "fallback"
FALLBACK_LOCK = "fallback"  # the registry lock held while a fallback champion is registered
FALLBACK_NOTE = (
    f"{NO_MODEL_NOTE} (fallback champion: no trained model has yet beaten it on held-out data)"
)


def fit_fallback(frame: pd.DataFrame, profiles: RuleScorer | None, *, seed: int = 0) -> RiskEngine:
    """The fallback champion's recipe: the engine with **no supervised model**, its score the
    noisy-OR of the rule profiles and the anomaly detectors (isolation forest, price position
    against the HS6 x origin reference) fitted on ``frame``. It needs no label, so it routes
    submissions on a fresh install, and it stays champion until a trained engine beats it on
    held-out days under the promotion rule."""
    if frame.empty:
        raise WorkflowError("the fallback champion needs at least one stored declaration to fit")
    # min_rows no frame can reach: train_engine's own no-model path (features, price
    # reference and isolation forest fitted exactly as for a trained engine, no model).
    engine = train_engine(frame, profiles=profiles, seed=seed, min_rows=sys.maxsize)
    engine.notes = [FALLBACK_NOTE]
    engine.summary["fallback"] = True
    return engine


def _fit_recipe(
    recipe: Mapping[str, Any], frame: pd.DataFrame, profiles: RuleScorer | None
) -> RiskEngine:
    """Retrain a card's recipe (``params.recipe``) on ``frame``."""
    kwargs = dict(recipe.get("train_engine") or {})
    if recipe.get("kind") == FALLBACK_KIND:
        return fit_fallback(frame, profiles, seed=int(kwargs.get("seed", 0)))
    return _fit(frame, profiles, kwargs)


def _labelled_both_classes(frame: pd.DataFrame) -> bool:
    if "fraud" not in frame:
        return False
    y = pd.to_numeric(frame["fraud"], errors="coerce").dropna()
    return bool(len(y)) and 0 < int((y > 0).sum()) < len(y)


def register_fallback(
    frame: pd.DataFrame,
    *,
    registry: ModelRegistry,
    profiles: RuleScorer | None = None,
    holdout_fraction: float = 0.2,
    seed: int = 0,
    created_by: str = "clearlane",
    audit: sessionmaker[Session] | None = None,
) -> tuple[ModelVersion, PromotionDecision, RiskEngine, dict[str, float]]:
    """Register the rules + anomaly engine (:func:`fit_fallback`) as a model card and promote
    it when there is no champion: (card, decision, engine, its held-out metrics).

    With at least 10 days of history the fallback is fitted on the days before the cut of
    :func:`temporal_split` and its card holds its own metrics on the held-out days (the
    artifact registered, as for a trained engine); with fewer days, or no labels after the
    cut, it is fitted on everything and its card holds no metrics (and says so). The card
    carries the recipe (code fingerprint, ``kind: fallback``) so a challenger is compared
    with the fallback retrained to the challenger's cut. Registration and decision are
    audited in the promotion's transaction, like :func:`train_and_register`.
    """
    fingerprint = recipe_fingerprint()
    train, holdout = frame, frame.iloc[0:0]
    days = pd.to_datetime(frame["declaration_date"]).dt.normalize().nunique()
    if days >= 10:
        train, holdout = temporal_split(frame, holdout_fraction)
    engine = fit_fallback(train, profiles, seed=seed)
    metrics: dict[str, float] = {}
    evaluated_on: list[str] | None = None
    dates = pd.to_datetime(train["declaration_date"])
    period = (dates.min().date(), dates.max().date())
    if _labelled_both_classes(holdout):
        held = pd.to_datetime(holdout["declaration_date"])
        period = (held.min().date(), held.max().date())
        evaluated_on = [str(d) for d in period]
        scores = {"fallback": engine.score_items(holdout, profiles=profiles)["score"]}
        metrics = _metrics(metrics_table(holdout, scores, with_random=False), "fallback")
    blob = io.BytesIO()
    joblib.dump(engine, blob, compress=3)
    recipe = {"fingerprint": fingerprint, "kind": FALLBACK_KIND, "train_engine": {"seed": seed}}
    version = registry.register(
        blob.getvalue(),
        name=ENGINE_NAME,
        training_window=(dates.min().date(), dates.max().date()),
        features=list(engine.builder.feature_names),
        params={
            "kind": FALLBACK_KIND,
            "seed": seed,
            "holdout_fraction": holdout_fraction,
            "profile_version": getattr(profiles, "version", None),
            "notes": engine.notes,
            "recipe": recipe,
            "metrics_of": (
                "this artifact, on the held-out period after its training window"
                if evaluated_on
                else "none: no labelled held-out period (fewer than 10 days or no control "
                "results after the cut)"
            ),
            "evaluated_on": evaluated_on,
        },
        metrics=metrics,
        created_by=created_by,
    )
    engine.model_version = version.id

    def promote(
        before_write: Callable[[PromotionDecision], None] | None,
        on_write_error: Callable[[BaseException], None] | None,
    ) -> PromotionDecision:
        return registry.promote(
            version,
            rule=PromotionRule(accept_ties=True),
            challenger_metrics=metrics,
            champion_metrics=None,
            period=period,
            decided_by=created_by,
            before_write=before_write,
            on_write_error=on_write_error,
        )

    decision = _promote_audited(
        promote,
        audit,
        version=version,
        created_by=created_by,
        registered={
            "kind": FALLBACK_KIND,
            "metrics": metrics,
            "recipe": recipe,
            "profile_version": getattr(profiles, "version", None),
        },
        decided=lambda decision: {
            "kind": FALLBACK_KIND,
            "champion_before": decision.champion,
            "reason": decision.reason,
        },
    )
    return version, decision, engine, metrics


def _promote_audited(
    promote: Callable[
        [Callable[[PromotionDecision], None] | None, Callable[[BaseException], None] | None],
        PromotionDecision,
    ],
    audit: sessionmaker[Session] | None,
    *,
    version: ModelVersion,
    created_by: str,
    registered: Mapping[str, Any],
    decided: Callable[[PromotionDecision], Mapping[str, Any]],
) -> PromotionDecision:
    """Run the promotion and, when audited, record the registration and the decision with it.

    Both entries are committed under the registry's promotion lock **before** the registry
    is written: a commit that fails writes nothing to the registry (until mends5,
    2026-12-05, the registry was written first and the commit came after, so a failed commit
    left a champion the trail never recorded). A registry write that fails after the commit
    is recorded as ``not_applied`` (:func:`clearlane.oversight.models.record_unapplied`)
    under the lock (until mends7, 2026-12-05, after it: a repair in between completed the
    promotion, and ``not_applied`` followed ``promotion_completed``); a
    crash between the two is what ``clearlane audit verify`` reports
    (:func:`clearlane.oversight.models.reconcile_champions`). The entries are appended under
    the registry's promotion lock (``promote`` passes the hook to
    :meth:`ModelRegistry.promote`'s ``before_write``): a manual promotion made meanwhile
    waits for them, and its entry, naming this version as the champion it replaced, follows
    them in the trail (appended after the lock it came first, and the trail's last champion
    was not the registry's).
    """
    if audit is None:
        return promote(None, None)
    from clearlane.oversight.models import record_unapplied

    subject = f"model:{ENGINE_NAME}"
    committed: list[bool] = []
    with audit() as session:

        def write(decision: PromotionDecision) -> None:
            append_many(
                session,
                [
                    AuditEvent(
                        kind="model_change",
                        actor=created_by,
                        subject=subject,
                        payload={
                            "action": "registered",
                            "version": version.id,
                            "sha256": version.sha256,
                            "training_window": [str(d) for d in version.training_window],
                            **registered,
                        },
                    ),
                    AuditEvent(
                        kind="model_change",
                        actor=created_by,
                        subject=subject,
                        payload={
                            "action": "promoted" if decision.promoted else "not_promoted",
                            "version": version.id,
                            **decided(decision),
                        },
                    ),
                ],
            )
            session.commit()  # the store first: a failed commit writes nothing to the registry
            committed.append(decision.promoted)

        def unapplied(error: BaseException) -> None:  # under the lock: before any repair
            if committed and committed[0]:
                record_unapplied(
                    session, actor=created_by, model=version.id, error=error, subject=subject
                )

        return promote(write, unapplied)


def _rule_baseline_veto(engine: RiskEngine, table: pd.DataFrame) -> str | None:
    """Why the engine must not be promoted for ranking worse than its own rules, or None.

    The held-out period after the training window decides when it has both figures; the
    engine's own check (over the out-of-fold blocks of its training window, refusing only an
    engine worse than its rules with 90 % confidence: those blocks are small when labels are
    few) decides only when the held-out comparison is missing.
    """
    if "rule baseline" in table.index and "engine" in table.index:
        pr_auc = pd.to_numeric(table["pr_auc"], errors="coerce")
        ours, rules = float(pr_auc["engine"]), float(pr_auc["rule baseline"])
        if np.isfinite(ours) and np.isfinite(rules):
            if ours < rules:
                return (
                    f"the engine ranks worse than its own rule baseline on the held-out period "
                    f"(PR-AUC {ours:.3f} < {rules:.3f}): not promoted"
                )
            return None
    if getattr(engine, "beats_rule_baseline", None) is False:  # None: not measured
        # The check refuses only an engine worse than its rules with its confidence; "does not
        # beat" would also describe a tie or a shortfall within the noise, which pass.
        got = getattr(engine, "summary", {}).get("rule_baseline", {})
        confidence = float(got.get("confidence", 0.9))
        figures = ""
        if "pr_auc_difference" in got and "pr_auc_difference_upper" in got:
            # The bound's name (review g14): BCa since session 31, the percentile before.
            method = {"bca": "BCa ", "basic": "basic ", "percentile": "percentile "}.get(
                str(got.get("method", "")), ""
            )
            figures = (
                f" (mean PR-AUC difference engine - rules {got['pr_auc_difference']:+.3f}, "
                f"{method}upper bound {_signed(got['pr_auc_difference_upper'])})"
            )
        return (
            f"the engine is worse than its own rule baseline with {confidence:.0%} confidence "
            f"on its out-of-fold blocks (engine check){figures}: not promoted"
        )
    return None


def _at_capacity(comparison: Any) -> dict[str, dict[str, Any]]:
    """The comparison's paired precision@k table as plain numbers (the audit entry)."""
    from clearlane.learn.evaluate import AT_CAPACITY

    table = comparison.tables.get(AT_CAPACITY)
    if table is None or table.empty:
        return {}
    return {
        str(name): {
            str(k): (v if isinstance(v, str) else round(float(v), 4)) for k, v in row.items()
        }
        for name, row in table.iterrows()
    }


def _signed(x: float) -> str:
    """``x`` with a sign and 3 decimals, more when 3 would show a nonzero value as 0 (review
    g14: a refusal's bound of -0.0002 read "-0.000")."""
    decimals = 3
    while x != 0 and round(abs(x), decimals) == 0 and decimals < 8:
        decimals += 1
    return f"{x:+.{decimals}f}"


def _too_few_findings(
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    period: tuple[date, date],
    engine: RiskEngine,
    champion: ModelVersion,
    metric: str,
    fallback: ModelVersion | None,
) -> str:
    """Why a challenger has no ``metric`` on the held-out days (their control results are
    all of one outcome, or there are none), in the words of a customs officer: how many
    controls had a finding, how many a model needs, what to do."""
    from clearlane.learn.evaluate import declaration_level

    dates = pd.to_datetime(holdout["declaration_date"]).dt.date
    held = holdout[(dates >= period[0]) & (dates <= period[1])]
    decl = declaration_level(held, pd.Series(0.0, index=held.index))
    n, found = len(decl), int((decl["y"] == 1).sum())
    if n == 0:
        outcome = "no controlled declaration"
    elif found == 0:
        outcome = f"{n} controlled declarations, none with a finding (all found compliant)"
    else:
        outcome = f"{n} controlled declarations, all with a finding (none found compliant)"
    text = (
        f"the held-out days from {period[0]} to {period[1]} hold {outcome}; "
        f"{metric} measures how a model ranks the controls with a finding above the others, "
        "so it needs both kinds"
    )
    if any(NO_MODEL_NOTE in note for note in engine.notes):
        need_found, need_rows = MIN_TRAIN_POSITIVES, MIN_TRAIN_ROWS
        labels = pd.to_numeric(train["fraud"], errors="coerce").dropna()
        text += (
            f"; before them, goods items with a finding: {int((labels == 1).sum())} of the "
            f"{need_found} needed to train a model"
        )
        if len(labels) < need_rows:
            text += f" (controlled goods items: {len(labels)} of the {need_rows} needed)"
    keeps = f"the champion {champion.id}"
    if champion.params.get("kind") == FALLBACK_KIND or (fallback and fallback.id == champion.id):
        keeps = f"the fallback champion {champion.id} (rules and anomaly detectors)"
    return (
        f"{text}. To do: record more control results, with their findings "
        "(`clearlane ingest --kind controls FILE`), and train again; with generated data, a "
        f"larger history (`clearlane generate --declarations 20000`). Until then {keeps} "
        "keeps scoring"
    )


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
    compile_boosters: bool | None = None,
) -> TrainOutcome:
    """Train to a cut, evaluate after it, register what was evaluated, maybe promote.

    * The frame is split in time: training days before the cut, held-out days after it.
    * The challenger is trained on the training days; its held-out metrics are the metrics of
      the artifact registered (that very engine: no refit on the held-out days, so the card
      never shows figures of another model).
    * The champion's **recipe** (its training code fingerprint and arguments, recorded on its
      card) is retrained to the same cut on the same days when the code is the same, and both
      are scored on the same held-out days: an identical retrain ties and is promoted (it is
      the fresher model). When the champion's code is not this code, its artifact is scored
      on the held-out days after both training windows (at least ``MIN_COMPARISON_DAYS``);
      without such days the rule cannot decide and the challenger is not promoted.
    * Without a champion, the rules + anomaly fallback (:func:`register_fallback`) fitted to
      the same cut is registered and promoted first, and the challenger is compared with its
      held-out metrics on the same days: a trained engine replaces it only by beating it.
    * An engine that ranks worse than its own rule baseline on the held-out days (or says so
      itself, ``beats_rule_baseline``) is never promoted, and the reason says so; the
      champion (the fallback, on a first run) keeps serving.
    * With ``audit``, the registration and the decision are written to the audit trail in the
      transaction that surrounds the promotion: a failed promotion writes no audit entry.
    * With ``audit``, a promotion a crash left half done (its entry committed, the registry
      not written) is repaired first (:func:`reconcile_promotions`): the champion compared
      with is the one the trail and the registry agree on.
    * A promoted engine's boosters are compiled in a background process
      (:func:`compile_champion_in_background`, ``compile_boosters``; default the setting of
      that name): this returns without waiting for it (``TrainOutcome.compiling``).
    """
    say = progress or (lambda _msg: None)
    if audit is not None:  # a promotion a crash left half done: repaired before comparing
        for repaired in reconcile_promotions(registry, audit):
            say(repaired)
    train, holdout = temporal_split(frame, holdout_fraction)
    kwargs: dict[str, Any] = {"seed": seed}
    fingerprint = recipe_fingerprint()
    say(f"training the challenger on {len(train):,} items before the cut")
    engine = _fit(train, profiles, kwargs)
    say(f"evaluating on the held-out period ({len(holdout):,} items) against baselines")
    comparison = compare(train, holdout, profiles=profiles, engine=engine, seed=seed)
    metrics = _metrics(comparison.tables["all rows"], "engine")
    dates = pd.to_datetime(train["declaration_date"])
    blob = io.BytesIO()
    joblib.dump(engine, blob, compress=3)
    held = pd.to_datetime(holdout["declaration_date"])
    recipe = {"fingerprint": fingerprint, "train_engine": kwargs}
    fallback_compared: dict[str, float] | None = None
    fallback: ModelVersion | None = None
    if registry.champion(ENGINE_NAME) is None:
        with registry.exclusive(FALLBACK_LOCK):  # not beside a fallback the API is fitting
            if registry.champion(ENGINE_NAME) is None:
                # No champion: the rules + anomaly fallback, fitted to the same cut and scored
                # on the same held-out days, becomes champion first; the challenger must beat
                # it.
                say("no champion: registering the rules + anomaly fallback fitted to the same cut")
                fallback, first, _, fallback_metrics = register_fallback(
                    frame,
                    registry=registry,
                    profiles=profiles,
                    holdout_fraction=holdout_fraction,
                    seed=seed,
                    created_by=created_by,
                    audit=audit,
                )
                if first.promoted and fallback_metrics:
                    fallback_compared = fallback_metrics
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
            "recipe": recipe,
            # the facts the engine learned from (empty: trained without facts, no fact moves
            # its score; `clearlane train --no-facts`, or a frame without them)
            "fact_columns": list(getattr(engine.builder, "fact_columns", None) or []),
            "metrics_of": "this artifact, on the held-out period after its training window",
            "evaluated_on": [str(held.min().date()), str(held.max().date())],
        },
        metrics=metrics,
        created_by=created_by,
    )
    engine.model_version = version.id
    champion = registry.champion(ENGINE_NAME)
    champion_metrics: dict[str, float] | None = None
    challenger_metrics = metrics
    period = (held.min().date(), held.max().date())
    how: str | None = None
    if (
        fallback is not None
        and fallback_compared is not None
        and champion is not None
        and champion.id == fallback.id
    ):
        champion_metrics, how = fallback_compared, "fallback fitted to the same cut"
    elif champion is not None:
        champion_metrics, challenger_metrics, period, how = _champion_on_same_days(
            champion, train, holdout, comparison, profiles, metrics, say, registry
        )
    veto = _rule_baseline_veto(engine, comparison.tables["all rows"])
    if fallback is not None and champion_metrics is None and veto is None:
        veto = (
            f"the held-out days hold no control results of both outcomes: the challenger "
            f"cannot be compared with the fallback champion {fallback.id}; not promoted"
        )
    metric = (rule or PromotionRule()).metric
    if (
        veto is None
        and champion is not None
        and champion_metrics is not None
        and not np.isfinite(float(challenger_metrics.get(metric, np.nan)))
    ):  # the held-out controls cannot rank anything: say why in customs words, and what to do
        veto = _too_few_findings(train, holdout, period, engine, champion, metric, fallback)
    if champion is not None and champion_metrics is None and veto is None:
        veto = (
            f"no held-out day after both training windows (the champion {champion.id} was "
            f"trained on other code up to {champion.training_window[1]}): the rule cannot "
            "compare them; promote manually if the challenger should replace it"
        )

    def promote(
        before_write: Callable[[PromotionDecision], None] | None,
        on_write_error: Callable[[BaseException], None] | None,
    ) -> PromotionDecision:
        return registry.promote(
            version,
            rule=rule or PromotionRule(accept_ties=True),
            challenger_metrics=challenger_metrics,
            champion_metrics=champion_metrics,
            period=period,
            decided_by=created_by,
            veto=veto,
            # the champion compared may have been replaced during the training: checked
            # under the registry's lock, not promoted then
            compared_with=champion.id if champion is not None else None,
            before_write=before_write,
            on_write_error=on_write_error,
        )

    decision = _promote_audited(
        promote,
        audit,
        version=version,
        created_by=created_by,
        registered={
            "metrics": metrics,
            "recipe": recipe,
            "profile_version": getattr(profiles, "version", None),
        },
        decided=lambda decision: {
            "champion_before": decision.champion,  # read under the registry's lock
            "compared": how,
            "period": [str(d) for d in period],
            "challenger_metrics": challenger_metrics,
            "champion_metrics": champion_metrics,
            "reason": decision.reason,
            # precision@k of the engine minus logistic regression and the rules, paired, with
            # the day-bootstrap interval: read beside the decision, not part of it (issue #11)
            "at_capacity": _at_capacity(comparison),
        },
    )
    outcome = TrainOutcome(comparison, engine, version, decision, how, fallback)
    if decision.promoted:
        outcome.compiling = compile_champion_in_background(
            registry, version, engine, audit=audit, compile_boosters=compile_boosters
        )
    return outcome


def compile_champion_in_background(
    registry: ModelRegistry,
    version: ModelVersion,
    engine: RiskEngine,
    *,
    audit: sessionmaker[Session] | None = None,
    compile_boosters: bool | None = None,
) -> subprocess.Popen[bytes] | None:
    """Start compiling the boosters of a new champion in a detached background process
    (:mod:`clearlane.learn.compiling`; it outlives a CLI run, and audits what it did in
    ``audit``'s store); None when there is nothing to do: no booster, compiling switched off
    (``compile_boosters``, default the ``compile_boosters`` setting) or no compiler here.
    Server workers pick the cache up when it is ready."""
    if compile_boosters is None:
        compile_boosters = compiling.enabled()
    if not compile_boosters or not engine.boosters() or not compiling.available():
        return None
    try:
        process = compiling.start(registry, version, audit_store=audit, detach=True)
    except OSError:
        log.warning("cannot start compiling the boosters of %s", version.id, exc_info=True)
        return None
    log.info("compiling the boosters of %s in process %d", version.id, process.pid)
    return process


def _champion_on_same_days(
    champion: ModelVersion,
    train: pd.DataFrame,
    holdout: pd.DataFrame,
    comparison: Comparison,
    profiles: RuleScorer | None,
    metrics: dict[str, float],
    say: Progress,
    registry: ModelRegistry,
) -> tuple[dict[str, float] | None, dict[str, float], tuple[date, date], str | None]:
    """(champion metrics, challenger metrics, period, how) on days both are honest about."""
    held = pd.to_datetime(holdout["declaration_date"])
    period = (held.min().date(), held.max().date())
    recipe = champion.params.get("recipe") or {}
    if recipe.get("fingerprint") == recipe_fingerprint():
        say(f"retraining the champion's recipe ({champion.id}) to the same cut")
        old = _fit_recipe(recipe, train, profiles)
        scores = {"champion": old.score_items(holdout, profiles=profiles)["score"]}
        table = metrics_table(holdout, scores, with_random=False)
        return _metrics(table, "champion"), metrics, period, "recipe retrained to the cut"
    after = held.dt.date > champion.training_window[1]
    if held[after].dt.normalize().nunique() < MIN_COMPARISON_DAYS:
        return None, metrics, period, None
    say(f"scoring the days after both training windows with the champion {champion.id}")
    later = holdout[after.to_numpy()]
    old = engine_from_bytes(registry.load_artifact(champion))
    scores = {
        "champion": old.score_items(later, profiles=profiles)["score"],
        "challenger": comparison.scores["engine"][after.to_numpy()],
    }
    table = metrics_table(later, scores, with_random=False)
    days = pd.to_datetime(later["declaration_date"])
    return (
        _metrics(table, "champion"),
        _metrics(table, "challenger"),
        (days.min().date(), days.max().date()),
        "artifact after both training windows",
    )


def new_control_results(session_factory: sessionmaker[Session], registry: ModelRegistry) -> int:
    """Control results recorded since the newest trained version was registered (promoted or
    not; all of them when nothing was trained): a scheduled retrain with none to learn from
    has nothing to do. Counting from the newest *trained* registration, not the champion's,
    keeps a schedule idempotent when a challenger was refused: the same results do not
    retrain it every night. The fallback champion (registered without labels, e.g. by the
    first API submission) does not count as a training run."""
    from sqlalchemy import func, select

    from clearlane.store.tables import ControlResultRow

    trained = [v for v in registry.list(ENGINE_NAME) if v.params.get("kind") != FALLBACK_KIND]
    query = select(func.count()).select_from(ControlResultRow)
    if trained:
        newest = max(v.created_at for v in trained)
        query = query.where(ControlResultRow.recorded_at > newest)
    with session_factory() as session:
        return int(session.scalar(query) or 0)


def reconcile_promotions(
    registry: ModelRegistry, session_factory: sessionmaker[Session]
) -> list[str]:
    """Repair a promotion a crash left half done before an engine is loaded or trained:
    :func:`clearlane.oversight.models.repair_champions` (what it did, logged as warnings;
    nothing when the audit trail and the registry agree, one query). A registry holding no
    model is not compared (nothing was promoted: the store is not even opened)."""
    from clearlane.oversight.models import repair_champions

    if not registry.names():
        return []
    return repair_champions(session_factory, registry)


def load_champion(registry: ModelRegistry) -> tuple[RiskEngine, ModelVersion]:
    """The champion engine and its card; its boosters run their compiled code when the
    cache beside the artifact holds it (:mod:`clearlane.learn.compiling`), LightGBM's
    otherwise. Never compiles."""
    champion = registry.champion(ENGINE_NAME)
    if champion is None:
        raise WorkflowError("no trained engine yet: run `clearlane train` first")
    return load_version(registry, champion), champion


def load_version(registry: ModelRegistry, version: ModelVersion) -> RiskEngine:
    """The engine registered as ``version`` (hash checked), with its cached compiled boosters
    attached when there are any."""
    engine = engine_from_bytes(registry.load_artifact(version))  # hash checked on load
    engine.model_version = version.id
    compiling.use_cached(engine, registry, version)
    return engine


def ensure_champion(
    registry: ModelRegistry,
    *,
    session_factory: sessionmaker[Session],
    profiles: RuleScorer | None,
    created_by: str = "system",
) -> tuple[RiskEngine, ModelVersion]:
    """The champion engine; without one, the rules + anomaly fallback fitted on the store's
    declarations is registered, promoted and audited first (:func:`register_fallback`), so
    submissions are routed from the very first one instead of waiting for a trained model.
    Raises :class:`WorkflowError` when the store holds no declaration to fit it on.

    Check-then-write under the registry's ``fallback`` lock (:meth:`ModelRegistry.exclusive`):
    of several threads or workers finding no champion at once, one fits and registers the
    fallback; the others wait, find its champion on the re-check and load it.

    A promotion a crash left half done (its audit entry committed, the registry not written)
    is repaired first (:func:`reconcile_promotions`)."""
    reconcile_promotions(registry, session_factory)
    if registry.champion(ENGINE_NAME) is None:
        with registry.exclusive(FALLBACK_LOCK):
            if registry.champion(ENGINE_NAME) is None:  # nobody won while we waited
                from clearlane.store.frames import load_items_frame

                frame = load_items_frame(session_factory=session_factory)
                if frame.empty:
                    raise WorkflowError(
                        "no champion and no stored declaration to fit the fallback champion "
                        "on: ingest declarations, or run `clearlane train` first"
                    )
                register_fallback(
                    frame,
                    registry=registry,
                    profiles=profiles,
                    created_by=created_by,
                    audit=session_factory,
                )
    return load_champion(registry)


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
    data, details = _assessed_unexplained(frame, engine=engine, profiles=profiles)
    explain_rows(data, details, np.arange(len(data)), engine=engine, top=top, currency=currency)
    return data


def _assessed_unexplained(
    frame: pd.DataFrame, *, engine: RiskEngine, profiles: RuleScorer | None
) -> tuple[pd.DataFrame, ItemAssessment]:
    """:func:`assess_declarations` without the reasons (``reasons`` None, ``top_reason``
    ""), and the engine's item assessment to explain rows of it with (:func:`explain_rows`)."""
    if frame.empty:
        raise WorkflowError("nothing to score: the input holds no valid declaration")
    details = engine.assess_items(frame, profiles=profiles)
    assessments = details.assessments
    data = assessments.assign(
        **_declaration_heads(frame, details),
        reasons=pd.Series([None] * len(assessments), index=assessments.index, dtype=object),
        top_reason="",
    )
    return data[[*HEAD_COLUMNS, *(c for c in data.columns if c not in HEAD_COLUMNS)]], details


def explain_rows(
    data: pd.DataFrame,
    details: ItemAssessment,
    rows: np.ndarray,
    *,
    engine: RiskEngine,
    top: int = 5,
    currency: str | None = None,
) -> None:
    """Fill ``reasons`` and ``top_reason`` of ``data`` (an :func:`assess_declarations` frame,
    positions as in ``details.assessments``) at positions ``rows``, in place. A row's reasons
    depend on that row alone (:func:`clearlane.explain.reasons.explain_some`)."""
    explanations = explain_some(engine, details, rows, top=top, currency=currency)
    reasons = data["reasons"].to_numpy(dtype=object, copy=True)
    tops = data["top_reason"].to_numpy(dtype=object, copy=True)
    for i, e in zip(np.asarray(rows).tolist(), explanations, strict=True):
        reasons[i] = [r.to_dict() for r in e.reasons]
        tops[i] = e.top_reason
    data["reasons"] = pd.Series(reasons, index=data.index, dtype=object)
    data["top_reason"] = tops


HEAD_COLUMNS = (
    "reference",
    "version",
    "office",
    "declaration_date",
    "profiles_hit",
    "mandatory",
)
# The columns of assess_declarations, in order (its records carry the same keys).
ASSESSED_COLUMNS: tuple[str, ...] = (
    *HEAD_COLUMNS,
    *(c for c in ASSESSMENT_COLUMNS if c not in HEAD_COLUMNS),
    "reasons",
    "top_reason",
)


def assessed_records(
    frame: pd.DataFrame | FrameColumns,
    *,
    engine: RiskEngine,
    profiles: RuleScorer | None = None,
    top: int = 5,
    currency: str | None = None,
    route: Callable[[list[dict[str, Any]]], None] | None = None,
) -> list[dict[str, Any]]:
    """``records_of(assess_declarations(...))`` without the frame: one dict per declaration
    (Python scalars, dates as :class:`pandas.Timestamp`), from the engine's columns. The
    online path (:mod:`clearlane.intake`) assesses one declaration at a time, where building
    and reading back a one-row frame cost more than the assessment. ``frame`` may be given
    as its columns (:func:`clearlane.features.facts.facts_columns`: the same records).

    ``route``: routes the records in place (sets each one's ``lane``) before any reasons are
    computed, and only the rows it routes other than green are explained, as ``clearlane
    score --reasons flagged`` does: a green row's ``reasons`` is None and its ``top_reason``
    "" (stored as deferred, computed when an officer opens it). Without it every row is
    explained. A row's reasons depend on that row alone, so a flagged row's are the same
    either way."""
    if len(frame) == 0 if isinstance(frame, FrameColumns) else frame.empty:
        raise WorkflowError("nothing to score: the input holds no valid declaration")
    details = engine.assess_items(frame, profiles=profiles)
    heads = _declaration_heads(frame, details)
    columns: dict[str, list[Any]] = {
        name: details.values(name) for name in ASSESSMENT_COLUMNS if name not in heads
    }
    columns["office"] = heads["office"]
    # Each element (np.datetime64 of any unit) as the frame's column would give it back.
    columns["declaration_date"] = [pd.Timestamp(d) for d in heads["declaration_date"]]
    columns["profiles_hit"] = heads["profiles_hit"]
    columns["mandatory"] = heads["mandatory"].tolist()
    if route is None:
        explanations = explain_details(engine, details, top=top, currency=currency)
        columns["reasons"] = [[r.to_dict() for r in e.reasons] for e in explanations]
        columns["top_reason"] = [e.top_reason for e in explanations]
    else:
        columns["reasons"] = [None] * len(heads["mandatory"])
        columns["top_reason"] = [""] * len(heads["mandatory"])
    ordered = [columns[name] for name in ASSESSED_COLUMNS]
    records = [dict(zip(ASSESSED_COLUMNS, row, strict=True)) for row in zip(*ordered, strict=True)]
    if route is not None:
        route(records)
        # positions as in details.assessments: the records were made from its columns
        flagged = [i for i, record in enumerate(records) if record["lane"] != "green"]
        if flagged:
            explanations = explain_some(engine, details, np.asarray(flagged), top=top,
                                        currency=currency)  # fmt: skip
            for i, e in zip(flagged, explanations, strict=True):
                records[i]["reasons"] = [r.to_dict() for r in e.reasons]
                records[i]["top_reason"] = e.top_reason
    return records


PROVISIONAL_NOTE = (
    "provisional, rules only: no engine yet (the fallback champion is being fitted); the "
    "engine's assessment supersedes this one"
)


def provisional_model_version(profiles: RuleScorer | None) -> str:
    """What a rules-only answer records as its ``model_version``: ``rules:<profile version>``
    (``rules:none`` without profiles)."""
    version = getattr(profiles, "version", None) if profiles is not None else None
    return f"rules:{version or 'none'}"


def rules_only_records(frame: pd.DataFrame, profiles: RuleScorer | None) -> list[dict[str, Any]]:
    """A rules-only assessment of each declaration of ``frame`` (an items frame, with facts
    where known), as :func:`assessed_records` gives an engine's: the noisy-OR score of the
    profiles that hit (the riskiest item's), whether one demands a control, the profiles hit,
    the fields a profile needed and did not find (``missing_fields``: fitted features such as
    ``unit_price_ratio`` exist only once an engine is fitted), and the profiles' rationales as
    reasons, after a note that says it is provisional. No model, no anomaly detector."""
    if frame.empty:
        raise WorkflowError("nothing to score: the input holds no valid declaration")
    n = len(frame)
    if profiles is not None and isinstance(profiles, ProfileSet) and len(profiles):
        evaluation = profiles.evaluate(frame)
        scores = evaluation.score.to_numpy(dtype=float)
        hits = evaluation.hits.to_numpy(dtype=bool)
        hit_ids = [str(c) for c in evaluation.hits.columns]
        mandatory = evaluation.mandatory.to_numpy(dtype=bool)
        missing = evaluation.missing.astype(str).tolist()
    else:
        scores, hits, hit_ids = np.zeros(n), np.zeros((n, 0), dtype=bool), []
        mandatory, missing = np.zeros(n, dtype=bool), [""] * n
    reasons_of = profile_reasons(hit_ids, profiles if isinstance(profiles, ProfileSet) else None)
    weights = [r[0].weight or 0.0 for r in reasons_of]
    model_version = provisional_model_version(profiles)
    profile_version = getattr(profiles, "version", None) if profiles is not None else None
    groups: dict[tuple[str, int], list[int]] = {}
    pairs = zip(frame["reference"].astype(str), frame["version"].astype(int), strict=True)
    for i, (reference, version) in enumerate(pairs):
        groups.setdefault((reference, int(version)), []).append(i)
    offices = frame["office"].to_numpy(dtype=object)
    dates = frame["declaration_date"].to_numpy()
    out: list[dict[str, Any]] = []
    for (reference, version), rows in groups.items():
        hit = np.flatnonzero(hits[rows].any(axis=0)) if hit_ids else np.array([], dtype=int)
        ordered = sorted(hit.tolist(), key=lambda j: -weights[j])
        demands = [d for j in ordered if (d := reasons_of[j][1]) is not None]
        note = Reason("PROVISIONAL_RULES_ONLY", "note", PROVISIONAL_NOTE)
        reasons = [note, *demands, *(reasons_of[j][0] for j in ordered)]
        fields = sorted({f for i in rows for f in missing[i].split(",") if f})
        score = float(scores[rows].max())
        out.append(
            {
                "reference": reference,
                "version": version,
                "office": "" if pd.isna(offices[rows[0]]) else str(offices[rows[0]]),
                "declaration_date": pd.Timestamp(dates[rows[0]]),
                "score": score,
                "rules": score,
                "anomaly": None,
                "model": None,
                "expected_revenue": None,
                "critical_score": None,
                "mandatory": bool(mandatory[rows].any()),
                "profiles_hit": ",".join(sorted(hit_ids[j] for j in ordered)),
                "missing_fields": ",".join(fields),
                "notes": PROVISIONAL_NOTE,
                "model_version": model_version,
                "profile_version": profile_version,
                "reasons": [r.to_dict() for r in reasons],
                "top_reason": reasons[0].text,
            }
        )
    return out


def _declaration_heads(
    frame: pd.DataFrame | FrameColumns, details: ItemAssessment
) -> dict[str, Any]:
    """Per declaration (rows of ``details.assessments``): the office and date of its first
    item, the profiles any of its items hit (sorted, comma-separated) and whether one demands
    a mandatory control. Read from the engine's own rule evaluation, so a declaration's
    ``profiles_hit`` are exactly the hits behind its ``rules`` score."""
    m = len(details.table["version"])  # the assessments' rows, without building their frame
    source = details.features.source
    dates: np.ndarray
    if source is not None and source.is_row and m == 1:  # one item: its cells, read already
        cells = source.objects("office")
        dates = np.asarray(source.column("declaration_date"))
    else:
        first = np.unique(details.declaration, return_index=True)[1]
        office, date_of = (
            (frame.series("office"), frame.series("declaration_date"))
            if isinstance(frame, FrameColumns)
            else (frame["office"], frame["declaration_date"])
        )
        cells = office.to_numpy(dtype=object)[first]
        dates = date_of.to_numpy()[first]
    offices = ["" if pd.isna(o) else str(o) for o in cells]
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
    reasons: ReasonsFor = "all",
) -> pd.DataFrame:
    """One row per declaration: score, lane, selection reason, components, profiles hit, the
    reasons behind the score (``reasons``: the top ``top`` reason dicts, see
    :mod:`clearlane.explain`; ``top_reason``: the first one's sentence) and ``routing``: the
    random draw, its id and the inclusion probabilities (stored with the assessment).

    ``reasons``: which rows get their reasons here: ``all``, ``flagged`` (the rows routed to
    a lane other than green; the others' ``reasons`` are None, ``top_reason`` "", computed
    when an officer opens the declaration, see
    :func:`clearlane.api.declarations.service.reasons_on_demand`) or ``none``. The scores
    and lanes do not depend on it, nor do the reasons of the rows explained.

    The random controls are keyed by ``key`` (default: the settings' draw key, one secret per
    day) unless the policy carries an explicit seed."""
    policy = policy or SelectionPolicy()
    data, details = _assessed_unexplained(frame, engine=engine, profiles=profiles)
    if reasons == "all":
        explain_rows(data, details, np.arange(len(data)), engine=engine, top=top, currency=currency)
    lanes = select_lanes(data, policy, key=key)
    if reasons == "flagged":
        flagged = np.flatnonzero(lanes["lane"].reindex(data.index).to_numpy() != "green")
        explain_rows(data, details, flagged, engine=engine, top=top, currency=currency)
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
