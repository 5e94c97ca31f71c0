"""After the README's first steps (2,000 generated declarations, 3 controls with a finding)
`clearlane train` kept the fallback champion saying "challenger has no finite value for
'pr_auc'". The reason now says, in customs words, what is missing (control results with a
finding, how many there are and how many are needed) and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clearlane.workflows import default_registry, temporal_split, train_and_register
from tests.factories import make_frame


def _few_findings(frame: pd.DataFrame, keep: int) -> pd.DataFrame:
    """``frame`` with ``keep`` goods items found non-compliant before the cut, none after."""
    frame = frame.copy()
    train, holdout = temporal_split(frame, 0.2)
    positives = train.index[train["fraud"] == 1]
    frame.loc[positives[keep:], "fraud"] = 0.0
    frame.loc[holdout.index[holdout["fraud"].notna()], "fraud"] = 0.0
    return frame


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, Path, Any]:
    """The frame, the registry directory and the outcome of a first training on it: trained
    once for the module; a test that trains again works on a copy of the directory."""
    frame = _few_findings(make_frame(900, seed=4, days=45), keep=5)
    root = tmp_path_factory.mktemp("few_findings")
    return frame, root, train_and_register(frame, registry=default_registry(root), seed=0)


def test_no_finding_on_the_held_out_days_is_said_in_customs_words(first_run) -> None:
    frame, root, outcome = first_run
    _, holdout = temporal_split(frame, 0.2)
    controlled = holdout.loc[holdout["fraud"].notna(), "reference"].nunique()
    registry = default_registry(root)
    reason = outcome.decision.reason
    assert not outcome.decision.promoted
    assert outcome.fallback is not None
    assert registry.champion("risk-engine").id == outcome.fallback.id
    assert "no finite value" not in reason
    start = pd.to_datetime(holdout["declaration_date"]).min().date()
    assert f"held-out days from {start}" in reason
    assert f"{controlled} controlled declarations, none with a finding" in reason
    assert "5 of the 20 needed" in reason  # goods items with a finding before the cut
    assert "clearlane ingest --kind controls" in reason
    assert "fallback champion" in reason and outcome.fallback.id in reason
    assert np.isnan(float(outcome.comparison.tables["all rows"].loc["engine", "pr_auc"]))


def test_a_second_run_names_the_fallback_champion_too(first_run, tmp_path: Path) -> None:
    frame, root, first = first_run
    registry = default_registry(shutil.copytree(root, tmp_path / "registry"))
    assert registry.champion("risk-engine").id == first.fallback.id  # the copy is the first run's
    again = train_and_register(frame, registry=registry, seed=0)
    assert again.fallback is None and not again.decision.promoted
    reason = again.decision.reason
    assert not reason.startswith("not promoted")  # the command prints "not promoted (reason)"
    assert f"the fallback champion {first.fallback.id}" in reason  # type: ignore[union-attr]
