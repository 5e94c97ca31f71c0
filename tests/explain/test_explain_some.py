"""Reasons for some declarations of a batch (``clearlane score --reasons flagged``): each row's
SHAP, decomposition and sentences are those it gets when the whole batch is explained, and the
scores and lanes do not depend on which rows are explained."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clearlane.explain.reasons import explain_details, explain_some
from clearlane.risk.engine import RiskEngine
from clearlane.risk.profiles import ProfileSet
from clearlane.selection import SelectionPolicy
from clearlane.workflows import score_and_route


def test_some_rows_are_explained_as_in_the_whole_batch(
    engine: RiskEngine, data: tuple[pd.DataFrame, pd.DataFrame], profiles: ProfileSet
) -> None:
    _, test = data
    details = engine.assess_items(test, profiles=profiles)
    every = explain_details(engine, details)
    rows = np.array([7, 3, 0, len(every) - 1, 42])
    some = explain_some(engine, details, rows)
    assert [e.to_dict() for e in some] == [every[i].to_dict() for i in rows]
    assert explain_some(engine, details, np.array([], dtype=int)) == []


def test_flagged_rows_keep_their_reasons_and_the_scores_stay(
    engine: RiskEngine, data: tuple[pd.DataFrame, pd.DataFrame], profiles: ProfileSet
) -> None:
    _, test = data
    policy = SelectionPolicy(seed=5)
    routed = {
        how: score_and_route(test, engine=engine, profiles=profiles, policy=policy, reasons=how)
        for how in ("all", "flagged", "none")
    }
    columns = [c for c in routed["all"].columns if c not in ("reasons", "top_reason")]
    for how in ("flagged", "none"):
        pd.testing.assert_frame_equal(routed[how][columns], routed["all"][columns])
    flagged = (routed["all"]["lane"] != "green").to_numpy()
    assert flagged.any() and not flagged.all()
    assert (
        routed["flagged"]["reasons"][flagged].tolist() == routed["all"]["reasons"][flagged].tolist()
    )
    assert (routed["flagged"]["top_reason"][flagged] == routed["all"]["top_reason"][flagged]).all()
    assert routed["flagged"]["reasons"][~flagged].isna().all()
    assert (routed["flagged"]["top_reason"][~flagged] == "").all()
    assert routed["none"]["reasons"].isna().all()
