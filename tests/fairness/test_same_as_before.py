"""The audit computed from grouped counts gives exactly what the MetricFrame version gave."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

from clearlane.fairness import GROUPINGS, fairness_report
from tests.fairness import previous_audit


@pytest.mark.parametrize("by", [*GROUPINGS, "incoterm"])
@pytest.mark.parametrize("biased", [True])
def test_same_report_as_the_metricframe_version(
    generated_frame: Callable[[int, bool], pd.DataFrame], by: str, biased: bool
) -> None:
    frame = generated_frame(3, biased)
    for options in ({}, {"min_group": 20, "confidence": 0.9, "selection_threshold": 1.2}):
        got = fairness_report(frame, by=by, **options)  # type: ignore[arg-type]
        want = previous_audit.fairness_report(frame, by=by, **options)  # type: ignore[arg-type]
        pd.testing.assert_frame_equal(got.table, want.table, check_exact=True)
        assert got.overall == want.overall
        assert got.notes == want.notes and got.flagged == want.flagged
        assert got.to_dict() == want.to_dict()
    if biased and by == "origin":
        assert got.flagged, "the planted over-targeting should be flagged"
