"""One contract for every scorer: deterministic with a seed, scores in [0, 1], index kept,
tolerant of missing columns and unseen categories, identical after a save/load round trip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
import pytest

from clearlane.risk import (
    IsolationForestScorer,
    LogisticComparator,
    PlainLightGBM,
    PriceReference,
    RiskEngine,
    TreeComparator,
    train_engine,
)
from tests.conftest import make_frame
from tests.risk.fakes import FakeRules

Fit = Callable[[pd.DataFrame], Any]

SCORERS: dict[str, Fit] = {
    "price_reference": lambda f: PriceReference().fit(f),
    "isolation_forest": lambda f: IsolationForestScorer(seed=3).fit(f),
    "plain_lightgbm": lambda f: PlainLightGBM(seed=3).fit(f),
    "logistic": lambda f: LogisticComparator(seed=3).fit(f),
    "tree": lambda f: TreeComparator(seed=3).fit(f),
    "engine": lambda f: train_engine(f, profiles=FakeRules(), seed=3),
    "engine_unsupervised": lambda f: train_engine(f.assign(fraud=np.nan), seed=3),
}

_FRAME = make_frame(1200, seed=21, days=120)
_CUT = _FRAME["declaration_date"].quantile(0.8)
TRAIN = _FRAME[_FRAME["declaration_date"] < _CUT]
TEST = _FRAME[_FRAME["declaration_date"] >= _CUT]


@pytest.fixture(scope="module", params=list(SCORERS))
def fitted(request: pytest.FixtureRequest) -> tuple[str, Any]:
    return request.param, SCORERS[request.param](TRAIN)


def _save_load(scorer: Any, tmp: Path) -> Any:
    if isinstance(scorer, RiskEngine):
        return RiskEngine.load(scorer.save(tmp / "engine.joblib"))
    joblib.dump(scorer, tmp / "scorer.joblib")
    return joblib.load(tmp / "scorer.joblib")


def test_deterministic_with_a_seed(fitted: tuple[str, Any]) -> None:
    name, scorer = fitted
    again = SCORERS[name](TRAIN)
    pd.testing.assert_series_equal(scorer.score(TEST), again.score(TEST), check_names=False)


def test_scores_in_unit_interval(fitted: tuple[str, Any]) -> None:
    scores = fitted[1].score(TEST)
    assert scores.notna().all() and scores.between(0.0, 1.0).all()
    assert scores.nunique() > 1  # a constant is not a ranking (a shallow tree has few leaves)


def test_index_preserved_and_order_free(fitted: tuple[str, Any]) -> None:
    scorer = fitted[1]
    shuffled = TEST.sample(frac=1.0, random_state=5)
    shuffled.index = [f"row-{i}" for i in shuffled.index]
    scores = scorer.score(shuffled)
    assert list(scores.index) == list(shuffled.index)
    plain = scorer.score(TEST)
    back = pd.Series(scores.to_numpy(), index=[int(i[4:]) for i in scores.index])
    np.testing.assert_allclose(back.reindex(plain.index), plain, rtol=1e-9)


def test_missing_columns_and_unseen_categories(fitted: tuple[str, Any]) -> None:
    scorer = fitted[1]
    odd = TEST.head(10).drop(columns=["office", "seller_id", "duty_rate", "attr_tax_type"])
    odd = odd.assign(importer_id="NEVER-SEEN", origin_country="ZZ", transport_mode="9")
    odd.loc[odd.index[0], ["net_mass_kg", "customs_value"]] = np.nan
    scores = scorer.score(odd)
    assert list(scores.index) == list(odd.index)
    assert scores.notna().all() and scores.between(0.0, 1.0).all()


def test_save_load_round_trip(fitted: tuple[str, Any], tmp_path: Path) -> None:
    scorer = fitted[1]
    again = _save_load(scorer, tmp_path)
    pd.testing.assert_series_equal(scorer.score(TEST), again.score(TEST))
