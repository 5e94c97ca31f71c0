"""Features on a real KCS sample (reads ../shared/data)."""

from __future__ import annotations

import pandas as pd
import pytest

from clearlane.features import FeatureBuilder


@pytest.mark.shared_data
def test_kcs_sample_features(kcs_sample: pd.DataFrame) -> None:
    feats = FeatureBuilder().fit_transform_point_in_time(kcs_sample)
    assert len(feats) == len(kcs_sample)
    assert feats["unit_price_ratio"].notna().any()
    assert (feats["missing_fields"] == "").mean() > 0.95
    later = kcs_sample["declaration_date"] > kcs_sample["declaration_date"].min()
    assert feats.loc[later, "global_rate"].between(0.05, 0.5).all()
