"""One engine trained on generated data, shared by the explanation tests (training is the
slow part), plus the profiles it runs with."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from clearlane.risk import RiskEngine, train_engine
from clearlane.risk.profiles import ProfileSet, parse_profiles
from tests.factories import make_frame

PROFILES = parse_profiles(
    [
        {
            "id": "T-UV",
            "name": "cheap",
            "version": 1,
            "owner": "tests",
            "rationale": "declared far below what peers declare for the same goods",
            "valid_from": "2020-01-01",
            "weight": 0.4,
            "conditions": [
                {"field": "unit_price_ratio", "op": "unit_value_below_reference", "value": 0.5}
            ],
        },
        {
            "id": "T-NEW",
            "name": "new importer of textiles",
            "version": 1,
            "owner": "tests",
            "rationale": "a newcomer with no record, in goods where fraud pays",
            "valid_from": "2020-01-01",
            "weight": 0.3,
            "mandatory_control": True,
            "conditions": [
                {"field": "importer_prior_declarations", "op": "range", "max": 0},
                {"op": "hs_prefix", "value": ["61", "62"]},
            ],
        },
    ]
)


@pytest.fixture(scope="package")
def profiles() -> ProfileSet:
    return PROFILES


@pytest.fixture(scope="package")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    """History, and 300 later declarations (some with two items)."""
    frame = make_frame(2300, seed=11, days=150)
    cut = frame["declaration_date"].quantile(0.8)
    history = frame[frame["declaration_date"] < cut].reset_index(drop=True)
    new = frame[frame["declaration_date"] >= cut].head(300).copy()
    # Every 10th declaration absorbs the next one as its second item.
    rows = new.index
    header = ["reference", "declaration_date", "office", "declarant_id", "importer_id"]
    for a, b in zip(rows[::10], rows[1::10], strict=True):
        new.loc[b, header] = new.loc[a, header].to_numpy()
        new.loc[b, "seq"] = 2
    return history, new.reset_index(drop=True)


@pytest.fixture(scope="package")
def engine(data: tuple[pd.DataFrame, pd.DataFrame]) -> RiskEngine:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return train_engine(data[0], profiles=PROFILES, seed=1)


@pytest.fixture(scope="package")
def bare_engine(data: tuple[pd.DataFrame, pd.DataFrame]) -> RiskEngine:
    """The same history without a single control result: no model."""
    return train_engine(data[0].assign(fraud=np.nan, critical=np.nan), profiles=PROFILES, seed=1)


def planted(frame: pd.DataFrame, row: int, factor: float = 0.1) -> pd.DataFrame:
    """One row's declaration with its declared value (and duty) scaled by ``factor``."""
    out = frame.iloc[[row]].copy()
    for column in ("customs_value", "item_value", "duty_amount", "duty_at_stake"):
        if column in out:
            out[column] = out[column] * factor
    return out
