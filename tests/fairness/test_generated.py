"""The bias audit on generated data: an origin over-targeted on purpose is flagged, and
nothing is flagged when no bias was planted. Three seeds each; the rule is not tuned to any.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from clearlane.fairness import fairness_report
from clearlane.generate.config import GeneratorConfig
from clearlane.generate.dataset import write_dataset
from tests.fairness.conftest import OVER_TARGETED

SEEDS = (1, 2, 3)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_over_targeted_origin_is_flagged(
    seed: int, generated_frame: Callable[[int, bool], pd.DataFrame]
) -> None:
    report = fairness_report(generated_frame(seed, True), by="origin")
    assert report.flagged == [OVER_TARGETED]
    row = report.table.loc[OVER_TARGETED]
    assert row["selection_vs_rest_low"] > report.selection_threshold
    assert row["hit_vs_rest_high"] < row["selection_vs_rest_low"]


@pytest.mark.parametrize("seed", SEEDS)
def test_nothing_is_flagged_without_planted_bias(
    seed: int, generated_frame: Callable[[int, bool], pd.DataFrame]
) -> None:
    report = fairness_report(generated_frame(seed, False), by="origin")
    assert report.flagged == [], report.table.loc[report.flagged, "reason"].to_dict()
    # the same origin, unbiased, is selected no more often than the rest
    assert report.table.loc[OVER_TARGETED, "selection_vs_rest"] < 1.5


@pytest.mark.parametrize("seed", SEEDS)
def test_over_targeting_changes_who_is_controlled_not_what_was_declared(
    seed: int, generated: Callable[[int, bool], Path]
) -> None:
    plain, biased = generated(seed, False), generated(seed, True)
    for name in ("declarations.jsonl", "manifests.jsonl", "invoices.jsonl"):
        assert (plain / name).read_bytes() == (biased / name).read_bytes(), name
    planted = [{r: row["mechanisms"] for r, row in _truth(d).items()} for d in (plain, biased)]
    assert planted[0] == planted[1]
    assert (plain / "controls.jsonl").read_bytes() != (biased / "controls.jsonl").read_bytes()


def test_over_targeting_raises_the_origins_risk_selection(
    generated_frame: Callable[[int, bool], pd.DataFrame],
) -> None:
    plain = fairness_report(generated_frame(1, False), by="origin").table.loc[OVER_TARGETED]
    biased = fairness_report(generated_frame(1, True), by="origin").table.loc[OVER_TARGETED]
    assert biased["selection_rate"] > 1.5 * plain["selection_rate"]
    assert biased["selection_vs_rest"] > 2.5 * plain["selection_vs_rest"]


def _truth(directory: Path) -> dict[str, dict[str, str]]:
    with (directory / "ground_truth.csv").open(encoding="utf-8", newline="") as handle:
        return {row["reference"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize(
    ("origin", "factor", "message"),
    [
        ("XX", 3.0, "not an origin the generator uses"),
        ("CN", 0.0, "over_target_factor must be a positive number"),
    ],
)
def test_bad_over_targeting_options_are_refused(
    tmp_path: Path, origin: str, factor: float, message: str
) -> None:
    config = GeneratorConfig(
        declarations=10,
        seed=1,
        start=date(2025, 1, 1),
        days=5,
        over_target_origin=origin,
        over_target_factor=factor,
    )
    with pytest.raises(ValueError, match=message):
        write_dataset(config, tmp_path)
