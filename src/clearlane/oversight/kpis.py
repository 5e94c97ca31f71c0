"""KPIs of targeting and of human oversight, computed from the store.

A declaration's final lane is the officer's decision when there is one, else the lane the
engine proposed. A "hit" is a control result with outcome non_compliant. Rates come with
Wilson 95 % intervals because the counts behind them are often small.

Hit rates of controlled declarations are biased by selection: risk-selected declarations were
controlled because they looked risky. Beside them, ``unbiased`` gives the non-compliance rate
of all assessed declarations estimated from the random controls, each weighted by the inverse
of its recorded inclusion probability (Horvitz-Thompson / Hajek, :mod:`clearlane.selection.ipw`),
and from every control weighted by its recorded P(controlled) under the policy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session
from statsmodels.stats.proportion import proportion_confint

from clearlane.selection.ipw import weighted_rate
from clearlane.store.tables import AssessmentRow, ControlResultRow, DecisionRow

CONTROL_LANES = ("yellow", "red", "blue")


def rate(hits: int, n: int) -> dict[str, float | int | None]:
    """{"n", "hits", "rate", "low", "high"} with a Wilson 95 % interval (None when n = 0)."""
    if n == 0:
        return {"n": 0, "hits": 0, "rate": None, "low": None, "high": None}
    low, high = proportion_confint(hits, n, alpha=0.05, method="wilson")
    return {"n": n, "hits": hits, "rate": hits / n, "low": float(low), "high": float(high)}


def _frame(session: Session, query: Any) -> pd.DataFrame:
    result = session.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def _decisions(session: Session) -> pd.DataFrame:
    """Decisions in force (one per declaration version: the newest)."""
    frame = _frame(
        session,
        select(
            DecisionRow.id,
            DecisionRow.reference,
            DecisionRow.version,
            DecisionRow.action,
            DecisionRow.proposed_lane,
            DecisionRow.lane,
            DecisionRow.officer,
            DecisionRow.decided_at,
        ).order_by(DecisionRow.id),
    )
    return frame.drop_duplicates(["reference", "version"], keep="last")


def _outcomes(session: Session) -> pd.DataFrame:
    """Per declaration reference: controlled, hit (any non-compliant result), extra duty."""
    frame = _frame(
        session,
        select(
            ControlResultRow.declaration_reference.label("reference"),
            ControlResultRow.outcome,
            ControlResultRow.selection_reason,
            ControlResultRow.extra_duty,
        ),
    )
    if frame.empty:
        return pd.DataFrame(columns=["reference", "hit", "extra_duty", "control_reason"])
    frame["hit"] = frame["outcome"] == "non_compliant"
    grouped = frame.groupby("reference")
    return pd.DataFrame(
        {
            "hit": grouped["hit"].any(),
            "extra_duty": grouped["extra_duty"].sum(),
            "control_reason": grouped["selection_reason"].first(),
        }
    ).reset_index()


@dataclass
class OverrideKPIs:
    decisions: int
    accepted: int
    overrides: int
    override_rate: float | None
    overrides_to_control: int
    overrides_to_green: int
    hit_rate_engine: dict[str, Any] = field(default_factory=dict)
    hit_rate_overrides: dict[str, Any] = field(default_factory=dict)
    by_officer: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def override_kpis(session: Session, *, only: pd.DataFrame | None = None) -> OverrideKPIs:
    """How often officers override the engine, and whether their own selections find more.

    ``hit_rate_engine``: declarations the engine sent to a control lane and the officer
    accepted; ``hit_rate_overrides``: declarations an officer moved into a control lane.
    Both count only declarations whose control result is known. ``only`` (columns
    ``reference`` and ``version``) restricts them to those declarations.
    """
    decisions = _decisions(session)
    if only is not None:
        keys = only[["reference", "version"]].drop_duplicates()
        decisions = decisions.merge(keys, on=["reference", "version"], how="inner")
    if decisions.empty:
        return OverrideKPIs(0, 0, 0, None, 0, 0, rate(0, 0), rate(0, 0), [])
    outcomes = _outcomes(session)
    data = decisions.merge(outcomes, on="reference", how="left")
    known = data["hit"].notna()
    hit = data["hit"].fillna(False).astype(bool)
    override = data["action"] == "override"
    to_control = data["lane"].isin(CONTROL_LANES)
    engine = ~override & to_control & known
    officer = override & to_control & known
    by_officer = []
    for officer_name, group in data.groupby("officer"):
        overrides = int((group["action"] == "override").sum())
        by_officer.append(
            {
                "officer": str(officer_name),
                "decisions": len(group),
                "overrides": overrides,
                "override_rate": overrides / len(group),
            }
        )
    return OverrideKPIs(
        decisions=len(data),
        accepted=int((~override).sum()),
        overrides=int(override.sum()),
        override_rate=float(override.mean()),
        overrides_to_control=int((override & to_control).sum()),
        overrides_to_green=int((override & (data["lane"] == "green")).sum()),
        hit_rate_engine=rate(int(hit[engine].sum()), int(engine.sum())),
        hit_rate_overrides=rate(int(hit[officer].sum()), int(officer.sum())),
        by_officer=by_officer,
    )


def psi(expected: np.ndarray, actual: np.ndarray, bins: int = 10) -> float | None:
    """Population stability index of ``actual`` scores against ``expected`` (quantile bins of
    the expected distribution); None when either side has fewer than 20 scores."""
    expected = np.asarray(expected, dtype=float)
    actual = np.asarray(actual, dtype=float)
    if len(expected) < 20 or len(actual) < 20:
        return None
    edges = np.unique(np.quantile(expected, np.linspace(0, 1, bins + 1)))
    if len(edges) < 3:
        return 0.0
    edges[0], edges[-1] = -np.inf, np.inf
    e = np.histogram(expected, edges)[0] / len(expected)
    a = np.histogram(actual, edges)[0] / len(actual)
    e, a = np.clip(e, 1e-4, None), np.clip(a, 1e-4, None)
    return float(np.sum((a - e) * np.log(a / e)))


def _routing_value(components: Any, name: str) -> float:
    routing = components.get("routing") if isinstance(components, dict) else None
    value = routing.get(name) if isinstance(routing, dict) else None
    return float(value) if isinstance(value, int | float) else float("nan")


def _unbiased(data: pd.DataFrame) -> dict[str, Any]:
    """Non-compliance of all assessed declarations, corrected for selection (module doc).

    ``random_controls``: controlled declarations drawn at random, weighted by 1 / P(drawn at
    random); ``all_controls``: every controlled declaration with a recorded P(controlled),
    weighted by its inverse (risk selections near certainty weigh ~1, random and exploration
    controls stand for the many declarations like them that were not controlled);
    ``controlled_biased``: the plain hit rate of controlled declarations, for contrast.
    Assessments stored before the probabilities were recorded are left out of the first two
    (``without_probability`` counts them)."""
    if data.empty:
        empty = weighted_rate(np.array([]), np.array([]))
        return {
            "random_controls": empty,
            "all_controls": empty,
            "controlled_biased": rate(0, 0),
            "without_probability": 0,
        }
    components = data["components"]
    p_random = components.map(lambda c: _routing_value(c, "random_probability"))
    p_inspect = components.map(lambda c: _routing_value(c, "inspection_probability"))
    controlled = data["controlled"].to_numpy(dtype=bool)
    hit = data["hit_"].to_numpy(dtype=float)
    random = controlled & (data["reason_"] == "random").to_numpy()
    population = float(len(data))
    return {
        "random_controls": weighted_rate(
            hit[random], p_random.to_numpy()[random], population=population
        ),
        "all_controls": weighted_rate(
            hit[controlled], p_inspect.to_numpy()[controlled], population=population
        ),
        "controlled_biased": rate(int(hit[controlled].sum()), int(controlled.sum())),
        "without_probability": int((controlled & ~np.isfinite(p_inspect.to_numpy())).sum()),
    }


def targeting_kpis(
    session: Session,
    *,
    since: date | None = None,
    until: date | None = None,
    office: str | None = None,
) -> dict[str, Any]:
    """Inspection rate, hit rate by lane and by selection reason (mandatory, risk, random,
    exploration, officer), the non-compliance rate corrected for selection (``unbiased``),
    revenue recovered, override KPIs, a daily series and score drift (PSI of the last 7 days
    against the days before).

    ``since``/``until`` bound the declaration date (inclusive) and ``office`` the office; the
    override KPIs then count only the decisions on those declarations."""
    query = select(
        AssessmentRow.id,
        AssessmentRow.reference,
        AssessmentRow.version,
        AssessmentRow.declaration_date,
        AssessmentRow.office,
        AssessmentRow.score,
        AssessmentRow.lane,
        AssessmentRow.selection_reason,
        AssessmentRow.components,
    ).order_by(AssessmentRow.id)
    if since is not None:
        query = query.where(AssessmentRow.declaration_date >= since)
    if until is not None:
        query = query.where(AssessmentRow.declaration_date <= until)
    if office:
        query = query.where(AssessmentRow.office == office)
    assessed = _frame(session, query).drop_duplicates(["reference", "version"], keep="last")
    filtered = since is not None or until is not None or bool(office)
    overrides = override_kpis(session, only=assessed if filtered else None).to_dict()
    if assessed.empty:
        return {
            "assessed": 0,
            "controlled": 0,
            "inspection_rate": None,
            "hit_rate": rate(0, 0),
            "by_lane": {},
            "by_selection_reason": {},
            "unbiased": _unbiased(pd.DataFrame()),
            "revenue_recovered": 0.0,
            "overrides": overrides,
            "daily": [],
            "drift_psi": None,
        }
    decisions = _decisions(session)[["reference", "version", "lane"]].rename(
        columns={"lane": "decided_lane"}
    )
    data = assessed.merge(decisions, on=["reference", "version"], how="left")
    data["final_lane"] = data["decided_lane"].fillna(data["lane"])
    data = data.merge(_outcomes(session), on="reference", how="left")
    controlled = data["hit"].notna()
    hit = data["hit"].fillna(False).astype(bool)
    by_lane = {
        str(lane): {
            "declarations": int(len(g)),
            **rate(int(hit[g.index].sum()), int(controlled[g.index].sum())),
        }
        for lane, g in data.groupby("final_lane")
    }
    reason = data["control_reason"].fillna(data["selection_reason"]).fillna("none")
    by_reason = {
        str(r): rate(int(hit[g.index].sum()), int(controlled[g.index].sum()))
        for r, g in data[controlled].groupby(reason[controlled])
    }
    day = pd.to_datetime(data["declaration_date"])
    daily = (
        pd.DataFrame(
            {
                "day": day.dt.date.astype(str),
                "assessed": 1,
                "controlled": controlled.astype(int),
                "hits": (hit & controlled).astype(int),
                "revenue": data["extra_duty"].fillna(0.0).where(hit, 0.0),
            }
        )
        .groupby("day")
        .sum()
        .reset_index()
    )
    daily["inspection_rate"] = daily["controlled"] / daily["assessed"]
    daily["hit_rate"] = daily["hits"] / daily["controlled"].where(daily["controlled"] > 0)
    drift = None
    if day.notna().any():
        cut = day.max() - pd.Timedelta(days=7)
        drift = psi(
            data.loc[day <= cut, "score"].to_numpy(), data.loc[day > cut, "score"].to_numpy()
        )
    return {
        "assessed": int(len(data)),
        "controlled": int(controlled.sum()),
        "inspection_rate": float(controlled.mean()),
        "hit_rate": rate(int(hit[controlled].sum()), int(controlled.sum())),
        "by_lane": by_lane,
        "by_selection_reason": by_reason,
        "unbiased": _unbiased(data.assign(controlled=controlled, hit_=hit, reason_=reason)),
        "revenue_recovered": float(data["extra_duty"].fillna(0.0).where(hit, 0.0).sum()),
        "overrides": overrides,
        "daily": daily.replace({np.nan: None}).to_dict("records"),
        "drift_psi": drift,
    }
