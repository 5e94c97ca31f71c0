"""Oversight of the model registry: what is registered, how versions compare, who promoted
what and why, and how well the scores of a version match what controls found.

The registry (:mod:`clearlane.learn.registry`) is file-based; these functions add the audit
entries (kind ``model_change``) and the store-side evidence (calibration of stored scores
against control results) that a supervisor needs to promote a version by hand.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import append
from clearlane.errors import DomainError
from clearlane.learn.registry import ModelRegistry, ModelVersion, PromotionDecision
from clearlane.oversight.kpis import rate
from clearlane.store.tables import AssessmentRow, ControlResultRow

__all__ = [
    "Calibration",
    "ModelEntry",
    "compare_models",
    "model_decisions",
    "model_entries",
    "observed_calibration",
    "promote_model",
    "reconcile_champions",
    "record_unapplied",
    "repair_champions",
]

log = logging.getLogger("clearlane.oversight")

# model_change actions that make a version champion in the trail; ``not_applied`` names a
# promotion whose entry was committed but whose registry write failed (see record_unapplied)
PROMOTED_ACTIONS = ("promoted", "promoted_manually")
NOT_APPLIED = "not_applied"
# a promotion whose entry was committed and whose registry write a crash prevented, completed
# by repair_champions (which otherwise appends not_applied with the champion it kept)
COMPLETED = "promotion_completed"
RECONCILER = "system:reconcile"


@dataclass(frozen=True)
class ModelEntry:
    version: ModelVersion
    champion: bool


def model_entries(registry: ModelRegistry, *, name: str | None = None) -> list[ModelEntry]:
    """Every registered version (of ``name``, or of every model), oldest first, each marked
    with whether it is its model's champion."""
    versions = registry.list(name)
    champions: dict[str, str | None] = {}
    for model in {v.name for v in versions}:
        champion = registry.champion(model)
        champions[model] = champion.id if champion is not None else None
    return [ModelEntry(v, champions.get(v.name) == v.id) for v in versions]


def model_decisions(registry: ModelRegistry, *, model: str) -> list[PromotionDecision]:
    """The logged decisions about version ``model`` (``"name@3"``): those where it was the
    challenger and those where it was the champion being challenged, oldest first."""
    card = registry.get(model)
    return [d for d in registry.decisions(card.name) if card.id in (d.challenger, d.champion)]


def compare_models(registry: ModelRegistry, *, a: str, b: str) -> dict[str, Any]:
    """Two versions' metrics side by side: every metric either reports, with ``b - a``.

    Metrics come from each version's own evaluation period (its model card); they are
    comparable only where the training windows say so, which is why both are returned.
    """
    first, second = registry.get(a), registry.get(b)
    names = sorted(set(first.metrics) | set(second.metrics))
    rows = []
    for metric in names:
        va, vb = first.metrics.get(metric), second.metrics.get(metric)
        rows.append(
            {
                "metric": metric,
                "a": va,
                "b": vb,
                "difference": vb - va if va is not None and vb is not None else None,
            }
        )
    return {"a": first, "b": second, "metrics": rows}


def promote_model(
    session: Session,
    *,
    registry: ModelRegistry,
    model: str,
    decided_by: str,
    justification: str,
) -> PromotionDecision:
    """Make version ``model`` the champion on ``decided_by``'s justified decision.

    The audit entry (kind ``model_change``, action ``promoted_manually``) is appended to
    ``session`` under the registry's promotion lock, with the champion read under that lock
    as ``champion_before``, and **committed** before the registry is written: a refused
    promotion leaves neither, and a commit that fails leaves the registry as it was (until
    mends5, 2026-12-05, the caller committed after the registry was written, and a failed
    commit left a champion the trail never recorded). A registry write that fails after the
    commit is recorded as ``not_applied`` (:func:`record_unapplied`), still under the lock (until
    mends7, 2026-12-05, after it was released: a :func:`repair_champions` in that window
    completed the promotion, and ``not_applied`` landed after ``promotion_completed``); if even
    that cannot be written, ``clearlane audit verify`` reports the mismatch
    (:func:`reconcile_champions`).
    Of two promotions at once the later names the earlier's
    version as ``champion_before`` (both used to name the champion they had both read before
    the lock), and its entry follows the earlier's in the trail (the audit head's lock waits
    for the earlier's commit). The registry's decisions log records the promotion as
    ``manual``.
    """

    committed: list[str] = []

    def audit(card: ModelVersion, before: ModelVersion | None) -> None:
        append(
            session,
            kind="model_change",
            actor=decided_by,
            subject=f"model:{card.name}",
            payload={
                "action": "promoted_manually",
                "version": card.id,
                "sha256": card.sha256,
                "champion_before": before.id if before is not None else None,
                "justification": justification.strip(),
            },
        )
        session.commit()  # the store first: a failed commit writes nothing to the registry
        committed.append(card.id)

    def unapplied(error: BaseException) -> None:  # under the lock: before any repair
        if committed:
            record_unapplied(
                session, actor=decided_by, model=committed[0], error=error, subject=None
            )

    return registry.promote_manually(
        model,
        decided_by=decided_by,
        justification=justification,
        before_write=audit,
        on_write_error=unapplied,
    )


def record_unapplied(
    session: Session,
    *,
    actor: str,
    model: str,
    error: BaseException,
    subject: str | None = None,
) -> None:
    """Record (and commit) that the promotion of ``model`` (``"name@3"``), whose audit entry
    was committed, was not applied: the registry write after the commit failed with ``error``.
    Best effort: when this cannot be written either, the trail says promoted and the
    registry does not, and :func:`reconcile_champions` (``clearlane audit verify``) reports
    it."""
    name = model.rpartition("@")[0]
    try:
        session.rollback()
        append(
            session,
            kind="model_change",
            actor=actor,
            subject=subject or f"model:{name}",
            payload={
                "action": NOT_APPLIED,
                "version": model,
                "error": f"{type(error).__name__}: {error}"[:500],
            },
        )
        session.commit()
    except Exception:  # noqa: BLE001 - the promotion's own error is the one to raise
        session.rollback()


@dataclass(frozen=True)
class _TrailChampion:
    """A model's champion according to the audit trail: ``version`` None when the trail
    names none (``compared`` False: it cannot say, e.g. a ``not_applied`` of old naming no
    champion kept). ``entry``: the payload of the entry that made it champion, ``seq`` its
    sequence number, ``actor`` who wrote it; ``sha256`` the artifact hash the trail recorded
    for that version (the entry's own or its ``registered`` entry's)."""

    version: str | None
    compared: bool = True
    seq: int | None = None
    actor: str | None = None
    entry: dict[str, Any] = field(default_factory=dict)
    sha256: str | None = None
    recorded_at: str | None = None


def _trail_champions(session: Session) -> dict[str, _TrailChampion]:
    """Each audited model's champion according to the trail (see :func:`reconcile_champions`)."""
    from clearlane.audit.chain import LOG

    rows = session.execute(
        select(LOG.c.seq, LOG.c.actor, LOG.c.subject, LOG.c.payload, LOG.c.recorded_at)
        .where(LOG.c.kind == "model_change", LOG.c.subject.like("model:%"))
        .order_by(LOG.c.seq)
    ).all()
    trail: dict[str, _TrailChampion] = {}
    hashes: dict[str, str] = {}  # version -> sha256 of its `registered` entry
    for seq, actor, subject, payload, recorded_at in rows:
        data = json.loads(payload) if isinstance(payload, str) else dict(payload or {})
        name, action, version = str(subject)[6:], data.get("action"), data.get("version")
        if action == "registered" and isinstance(data.get("sha256"), str):
            hashes[str(version)] = data["sha256"]
        if action in PROMOTED_ACTIONS:
            sha = data.get("sha256") or hashes.get(str(version))
            trail[name] = _TrailChampion(
                version, True, int(seq), str(actor), data, sha, str(recorded_at)
            )
        elif action == NOT_APPLIED and (
            name in trail and trail[name].version == version and trail[name].compared
        ):
            if "champion_kept" in data:  # the reconcile's: the registry's champion was kept
                trail[name] = _TrailChampion(data["champion_kept"], True, int(seq), str(actor))
            else:  # a failed registry write's: the champion before is not known here
                trail[name] = _TrailChampion(None, compared=False)
    return trail


def reconcile_champions(session: Session, registry: ModelRegistry | None) -> list[str]:
    """Where the audit trail and the registry disagree on a model's champion: one sentence
    each, none when they agree.

    The trail's champion of ``model:<name>`` is the version of its newest ``promoted`` or
    ``promoted_manually`` entry, unless a later ``not_applied`` entry names that version:
    then the champion it kept (``champion_kept``, written by :func:`repair_champions`), or,
    without one (a registry write that failed, :func:`record_unapplied`), not compared. A
    model the trail never promoted is not compared (a registry used without an audit
    trail); ``registry`` None: there is no registry, so no model has a champion.
    Promotions commit their entry before the registry is written, so a mismatch is a
    registry write that failed (or a crash) after the commit, with no ``not_applied``
    recorded, or a registry or trail changed by hand; :func:`repair_champions` repairs the
    first."""
    problems = []
    for name, champion in sorted(_trail_champions(session).items()):
        if not champion.compared:
            continue
        try:
            held = registry.champion(name) if registry is not None else None
        except DomainError as exc:
            problems.append(f"model {name}: the registry's champion cannot be read: {exc}")
            continue
        found = held.id if held is not None else "none"
        if found != (champion.version or "none"):
            problems.append(
                f"model {name}: the audit trail's last promotion made {champion.version} "
                f"champion, the registry's champion is {found} (a registry write that failed "
                "after the promotion was committed, or a registry or trail changed by hand)"
            )
    return problems


def repair_champions(
    session_factory: sessionmaker[Session],
    registry: ModelRegistry,
    *,
    actor: str = RECONCILER,
) -> list[str]:
    """Repair what a crash between a promotion's commit and its registry write left: the
    trail names a champion the registry does not hold. One sentence per model repaired (each
    also logged as a warning), none when the trail and the registry agree (one query).

    Safe direction, per model: the promotion is **completed** (the registry's champion set
    to the trail's, :meth:`ModelRegistry.complete_promotion`, after a ``promotion_completed``
    entry is committed) when the version's artifact is there and matches its card, the
    card's sha256 is the one the trail recorded, and the registry's champion is still the
    one the promotion replaced (its entry's ``champion_before``), its pointer written before
    the promotion's entry (one written after it was put there since, by hand or without the
    trail: completing would undo it). Otherwise a
    ``not_applied`` entry naming the champion kept (``champion_kept``) and why is committed,
    and the registry's champion stays. A registry whose champion cannot be read is left
    alone (``clearlane audit verify`` reports it).

    The check is made again under the registry's promotion lock, in a transaction begun
    under it: of several processes or threads reconciling at once, one repairs and the
    others find the trail and the registry agreeing; no promotion runs meanwhile.
    Called where an engine is loaded to score (the API, ``clearlane score``,
    :func:`clearlane.workflows.ensure_champion`) and where ``clearlane train`` starts."""
    with session_factory() as session:
        if not reconcile_champions(session, registry):
            return []
    done: list[str] = []
    with registry.promotion_lock(), session_factory() as session:
        for name, champion in sorted(_trail_champions(session).items()):
            if not champion.compared or champion.version is None:
                continue
            try:
                held = registry.champion(name)
            except DomainError:
                continue  # reported by `clearlane audit verify`; nothing safe to do here
            found = held.id if held is not None else None
            if found == champion.version:
                continue
            replaced = _replaced_since(registry, name, champion, found)
            why = replaced or _cannot_complete(registry, name, champion, found)
            subject = f"model:{name}"
            if why is None:
                assert champion.sha256 is not None  # checked by _cannot_complete
                append(
                    session,
                    kind="model_change",
                    actor=actor,
                    subject=subject,
                    payload={
                        "action": COMPLETED,
                        "version": champion.version,
                        "sha256": champion.sha256,
                        "champion_before": found,
                        "completes": champion.seq,
                    },
                )
                session.commit()  # the store first, as a promotion's own entries
                registry.complete_promotion(
                    champion.version,
                    sha256=champion.sha256,
                    decided_by=actor,
                    justification=(
                        f"audit entry {champion.seq} ({champion.entry.get('action')} by "
                        f"{champion.actor}) made {champion.version} champion; the registry was "
                        "not written (a crash between the two)"
                    ),
                )
                said = (
                    f"model {name}: completed the promotion of {champion.version} (audit entry "
                    f"{champion.seq}); the registry's champion was {found or 'none'}"
                )
            else:
                append(
                    session,
                    kind="model_change",
                    actor=actor,
                    subject=subject,
                    payload={
                        "action": NOT_APPLIED,
                        "version": champion.version,
                        "champion_kept": found,
                        "reason": why,
                        "completes": champion.seq,
                    },
                )
                session.commit()
                if replaced is not None:
                    said = f"model {name}: the registry's champion {found} is kept: {why}"
                else:
                    said = (
                        f"model {name}: the promotion of {champion.version} (audit entry "
                        f"{champion.seq}) was not completed ({why}); the registry's champion "
                        f"{found or 'none'} is kept"
                    )
            log.warning("%s", said)
            done.append(said)
    return done


def _replaced_since(
    registry: ModelRegistry, name: str, champion: _TrailChampion, found: str | None
) -> str | None:
    """Why the registry's champion ``found`` is kept when the trail's ``champion`` was
    applied and then replaced in the registry: the decisions log's promotion of ``found``
    replaced it. No crash of that promotion left the mismatch: a promotion made in the
    registry with no audit entry, by hand or by the order until mends5 (2026-12-05), which
    wrote the registry before committing its entry and could die between the two (its
    ``not_applied`` said the trail's promotion "was not completed", because the registry held
    another champion than the one it replaced, or that "no crash left it"). None otherwise."""
    if found is None:
        return None
    made = [d for d in registry.decisions(name) if d.promoted and d.challenger == found]
    if not made or made[-1].champion != champion.version:
        return None
    return (
        f"the promotion of {champion.version} (audit entry {champion.seq}) was applied, and "
        f"{found} replaced it in the registry ({made[-1].decided_at.isoformat()}) with no "
        "audit entry: promoted without the trail, or by a promotion that wrote the registry "
        "before committing its entry (the order until mends5) and crashed between the two"
    )


def _cannot_complete(
    registry: ModelRegistry, name: str, champion: _TrailChampion, found: str | None
) -> str | None:
    """Why the registry must not be made to agree with the trail's ``champion`` (the
    registry holds ``found``), or None when it may."""
    assert champion.version is not None
    if "champion_before" not in champion.entry:
        return "its audit entry does not say which champion it replaced"
    if champion.entry["champion_before"] != found:
        return (
            f"the registry's champion is {found or 'none'}, not "
            f"{champion.entry['champion_before'] or 'none'} the promotion replaced"
        )
    # A crash leaves the pointer as it was before the promotion's entry; a pointer written
    # after it (a champion put back by hand, a promotion without the trail) is the registry
    # moving on, which completing would undo (until reviewk6, 2026-12-05, it was undone).
    since = registry.champion_since(name)
    at = _parsed(champion.recorded_at)
    if since is not None and at is not None and since > at:
        return (
            f"the registry's champion {found} was written after the promotion "
            f"({since.isoformat()}, its audit entry {at.isoformat()}): not left by a crash "
            "between the promotion's two writes"
        )
    if not champion.sha256:
        return "the audit trail records no artifact hash for it"
    try:
        card = registry.get(champion.version)
        registry.verify(card)
    except DomainError as exc:
        return f"its artifact cannot be used: {exc}"
    if card.sha256 != champion.sha256:
        return f"its card's sha256 {card.sha256} is not {champion.sha256} the trail recorded"
    return None


def _parsed(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None


@dataclass
class Calibration:
    """Mean score against the observed hit rate, in score bins, for stored assessments of one
    model version whose declarations were controlled. Each bin: ``score_low``, ``score_high``,
    ``mean_score``, ``n``, ``hits``, ``hit_rate`` and its Wilson 95 % interval
    (``hit_rate_low``, ``hit_rate_high``)."""

    model_version: str
    random_only: bool
    controlled: int
    bins: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "model_version": self.model_version,
            "random_only": self.random_only,
            "controlled": self.controlled,
            "bins": self.bins,
            "note": self.note,
        }


_SELECTION_NOTE = (
    "Declarations are controlled because they scored high, so the lower bins hold few and "
    "atypical controls; random controls alone (random_only) are the unbiased view once there "
    "are enough of them."
)


def observed_calibration(
    session: Session, *, model_version: str, bins: int = 10, random_only: bool = False
) -> Calibration:
    """Calibration of the stored scores of ``model_version`` against control results.

    Each controlled declaration counts once (its newest assessment by that version); a hit is
    any non-compliant result. Bins are quantiles of the scores (at most ``bins``); each has
    the mean score, the observed hit rate and its Wilson interval.
    """
    if not 2 <= bins <= 50:
        raise ValueError(f"bins must be between 2 and 50, not {bins}")
    assessed = pd.DataFrame(
        session.execute(
            select(AssessmentRow.reference, AssessmentRow.score)
            .where(AssessmentRow.model_version == model_version)
            .order_by(AssessmentRow.id)
        ).all(),
        columns=["reference", "score"],
    ).drop_duplicates("reference", keep="last")
    scored = select(AssessmentRow.reference).where(AssessmentRow.model_version == model_version)
    query = select(ControlResultRow.declaration_reference, ControlResultRow.outcome).where(
        ControlResultRow.declaration_reference.in_(scored)
    )
    if random_only:
        query = query.where(ControlResultRow.selection_reason == "random")
    results = pd.DataFrame(session.execute(query).all(), columns=["reference", "outcome"])
    empty = Calibration(model_version, random_only, 0, [], _SELECTION_NOTE)
    if assessed.empty or results.empty:
        return empty
    results["hit"] = results["outcome"] == "non_compliant"
    hits = results.groupby("reference")["hit"].any()
    data = assessed.merge(hits.rename("hit").reset_index(), on="reference", how="inner")
    if data.empty:
        return empty
    scores = data["score"].to_numpy(dtype=float)
    edges = np.unique(np.quantile(scores, np.linspace(0, 1, bins + 1)))
    which = (
        np.zeros(len(scores), dtype=int)
        if len(edges) < 2
        else np.clip(np.searchsorted(edges, scores, side="right") - 1, 0, len(edges) - 2)
    )
    out = []
    for b in np.unique(which):
        mask = which == b
        hit = data["hit"].to_numpy()[mask]
        observed = rate(int(hit.sum()), int(mask.sum()))
        out.append(
            {
                "score_low": float(scores[mask].min()),
                "score_high": float(scores[mask].max()),
                "mean_score": float(scores[mask].mean()),
                "n": observed["n"],
                "hits": observed["hits"],
                "hit_rate": observed["rate"],
                "hit_rate_low": observed["low"],
                "hit_rate_high": observed["high"],
            }
        )
    return Calibration(model_version, random_only, len(data), out, _SELECTION_NOTE)
