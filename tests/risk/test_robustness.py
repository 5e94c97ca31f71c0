"""Robustness of the ranking: tiny edits must not move declarations out of the top, and an
undervaluation that the rules and the anomaly detector both flag must not be fused away."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.risk import RiskEngine, train_engine
from clearlane.risk.profiles import ProfileSet, load_default_profiles
from clearlane.workflows import score_and_route, temporal_split

TOP = 0.05
KEEP = 0.90  # share of the top 5 % that must stay in the top 5 % after a +-0.1 % edit
UNDERVALUATION = ("CL-UV-01", "CL-UV-02")


@pytest.fixture(scope="module")
def rules() -> ProfileSet:
    return load_default_profiles()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=12000, seed=13, out_dir=out)
    frame = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
    return temporal_split(frame, 0.2)


@pytest.fixture(scope="module")
def engine(generated: tuple[pd.DataFrame, pd.DataFrame], rules: ProfileSet) -> RiskEngine:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return train_engine(generated[0], profiles=rules, seed=0)


def perturbed(frame: pd.DataFrame, seed: int, size: float = 0.001) -> pd.DataFrame:
    """Net mass, declared value and quantity each moved by +-``size`` (random sign per cell):
    a gram here, a unit of currency there."""
    rng = np.random.default_rng(seed)
    out = frame.copy()
    for column in ("net_mass_kg", "customs_value", "item_value", "quantity"):
        if column in out:
            values = pd.to_numeric(out[column], errors="coerce")
            out[column] = values * (1 + size * rng.choice([-1.0, 1.0], len(out)))
    return out


def kept_in_top(engine: RiskEngine, frame: pd.DataFrame, profiles: ProfileSet, seed: int) -> float:
    before = engine.assess(frame, profiles=profiles)["score"].to_numpy()
    after = engine.assess(perturbed(frame, seed), profiles=profiles)["score"].to_numpy()
    k = max(1, round(len(before) * TOP))
    top_before = set(np.argsort(-before, kind="stable")[:k].tolist())
    top_after = set(np.argsort(-after, kind="stable")[:k].tolist())
    return len(top_before & top_after) / k


def test_tiny_edits_keep_the_top_generated(engine, generated, rules) -> None:
    _, test = generated
    assert test["reference"].nunique() >= 400
    for seed in (1, 2):
        assert kept_in_top(engine, test, rules, seed) >= KEEP


def test_tiny_edits_keep_the_top_kcs(kcs_sample: pd.DataFrame, rules) -> None:
    history, new = temporal_split(kcs_sample, 0.25)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(history, profiles=rules, seed=0)
    # Guard (session 29, gate12): the rule-baseline verdict over every out-of-fold block keeps
    # the KCS engine promotable (it was True on the last block alone too).
    assert engine.beats_rule_baseline is True
    assert new["reference"].nunique() >= 400
    assert kept_in_top(engine, new, rules, seed=1) >= KEEP


def test_flagged_undervaluation_is_never_green(engine, generated, rules) -> None:
    """A declaration that both undervaluation profiles and the price-anomaly detector flag
    lands in the red or yellow lane under the default capacity, whatever the model thinks.

    Capacity is per office and day: the last days' declarations are routed as one office-day,
    with one planted undervaluation at a time (several in one small office-day could exceed the
    capacity whatever their scores)."""
    _, test = generated
    days = pd.to_datetime(test["declaration_date"]).dt.normalize()
    batch = test[days >= days.max() - pd.Timedelta(days=9)].copy()
    batch = batch.assign(declaration_date=days.max(), office="A1")
    single = batch["reference"].map(batch["reference"].value_counts()) == 1
    candidates = batch.index[single.to_numpy()][::5][:30]
    assert len(candidates) >= 20
    planted = batch.copy()
    for column in ("customs_value", "item_value", "duty_amount", "tax_amount", "duty_at_stake"):
        if column in planted:
            planted.loc[candidates, column] = planted.loc[candidates, column] * 0.05
    details = engine.assess_items(planted.loc[candidates], profiles=rules)
    assert details.hits is not None
    columns = [details.hit_ids.index(p) for p in UNDERVALUATION]
    flagged = np.asarray(details.price["flag"]) == "under"
    both = candidates[details.hits[:, columns].all(axis=1) & flagged]
    assert len(both) >= 8, "the planted undervaluations must hit both profiles and the detector"
    for label in both[:10]:
        one = batch.copy()
        one.loc[label] = planted.loc[label]
        routed = score_and_route(one, engine=engine, profiles=rules).set_index("reference")
        lane = routed.loc[batch.loc[label, "reference"], "lane"]
        assert lane != "green", (label, routed.loc[batch.loc[label, "reference"]].to_dict())
