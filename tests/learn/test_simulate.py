"""The policy simulator: labels revealed only for inspected rows, capacity, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.learn.simulate import (
    POLICIES,
    declaration_units,
    lightgbm_fit,
    simulate,
    write_simulation_report,
)
from tests.factories import make_frame

CAPACITY = 0.1


def history() -> pd.DataFrame:
    return make_frame(2400, seed=5, days=84)  # 12 weeks, ~200 declarations a week


def test_the_model_never_sees_an_uninspected_label_and_capacity_holds() -> None:
    frame = history()
    units = declaration_units(frame)
    truth = units["y"]
    seen: list[tuple[str, int]] = []
    inspected_so_far: dict[str, set[str]] = {}

    def spy_fit(features: pd.DataFrame, labels: np.ndarray, seed: int):  # type: ignore[no-untyped-def]
        # Every training row's label is its true label, and only inspected rows are given.
        assert np.isfinite(labels).all()
        assert (labels == truth.loc[features.index].to_numpy()).all()
        seen.append((str(seed), len(features)))
        spy_fit.rows.append(set(features.index))  # type: ignore[attr-defined]
        return lightgbm_fit(features, labels, seed)

    spy_fit.rows = []  # type: ignore[attr-defined]
    result = simulate(frame, capacity=CAPACITY, warmup_weeks=3, retrain_every=1, fit=spy_fit)
    assert seen
    # Each training set is a subset of what that policy had inspected before that week.
    trainings = iter(spy_fit.rows)  # type: ignore[attr-defined]
    for policy in POLICIES:
        log = result.inspected[policy.name]
        inspected_so_far[policy.name] = set()
        for week in sorted(log):
            if week >= 3:
                rows = next(trainings)
                assert rows <= inspected_so_far[policy.name]
                assert len(rows) == len(inspected_so_far[policy.name])
            inspected_so_far[policy.name] |= set(log[week])
    weekly = result.weekly
    # Capacity: each week inspects the share of its declarations (stochastic rounding).
    assert (weekly["inspected"] <= np.ceil(CAPACITY * weekly["declarations"])).all()
    assert (weekly["inspected"] >= np.floor(CAPACITY * weekly["declarations"])).all()
    assert set(weekly["policy"]) == {p.name for p in POLICIES}


def test_uninspected_labels_change_nothing_the_policies_do() -> None:
    """Flip the label of every declaration a run never inspected: the same seed must inspect
    exactly the same declarations (no label leaks through features or training)."""
    frame = history()
    first = simulate(frame, capacity=CAPACITY, warmup_weeks=3, retrain_every=2, seed=1)
    inspected = {r for log in first.inspected.values() for refs in log.values() for r in refs}
    flipped = frame.copy()
    never = ~flipped["reference"].astype(str).isin(inspected)
    assert never.sum() > 1000
    flipped.loc[never, "fraud"] = 1.0 - flipped.loc[never, "fraud"]
    second = simulate(flipped, capacity=CAPACITY, warmup_weeks=3, retrain_every=2, seed=1)
    assert second.inspected == first.inspected
    # ... while the metrics that use the truth do change.
    assert not np.allclose(first.weekly["frauds"], second.weekly["frauds"])


def test_deterministic_per_seed_and_the_report_is_self_contained(tmp_path: Path) -> None:
    frame = history()
    one = simulate(frame, capacity=CAPACITY, warmup_weeks=3, seed=2)
    two = simulate(frame, capacity=CAPACITY, warmup_weeks=3, seed=2)
    pd.testing.assert_frame_equal(one.weekly, two.weekly)
    other = simulate(frame, capacity=CAPACITY, warmup_weeks=3, seed=3)
    assert other.inspected != one.inspected
    # Policies differ in what they inspect once the warm-up is over.
    logs = list(one.inspected.values())
    assert logs[0][2] == logs[1][2] == logs[2][2]  # warm-up: the same random draw
    assert logs[0][8] != logs[1][8] and logs[0][8] != logs[2][8]
    # Exploitation beats random inspection on this history (fraud rate ~0.2).
    assert one.summary.loc["exploitation", "precision"] > 1.3 * one.settings["fraud_rate"]
    json_path, html_path = write_simulation_report(one, tmp_path)
    data = json.loads(json_path.read_text())
    assert {row["policy"] for row in data["summary"]} == {p.name for p in POLICIES}
    page = html_path.read_text()
    assert page.count("<svg") == 3 and "<script" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_the_simulate_command_on_generated_data(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clearlane.cli import app

    runner = CliRunner()
    data = tmp_path / "gen"
    made = runner.invoke(
        app,
        ["generate", "--declarations", "1500", "--days", "70", "--seed", "3", "--out", str(data)],
    )
    assert made.exit_code == 0, made.output
    args = ["simulate", "--data", str(data / "declarations.csv")]
    truth = ["--truth", str(data / "ground_truth.csv")]
    result = runner.invoke(app, [*args, *truth, "--capacity", "0.1", "--report", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "exploitation + 10% exploration" in result.output
    assert (tmp_path / "simulation.html").is_file()
    summary = json.loads((tmp_path / "simulation.json").read_text())["summary"]
    assert len(summary) == 3 and all(row["inspected"] > 0 for row in summary)
    missing = runner.invoke(app, [*args, "--truth", str(tmp_path / "nope.csv")])
    # Rich wraps the error at the runner's width, and the path's length varies: compare words.
    flat = " ".join(missing.output.replace("│", " ").split())
    assert missing.exit_code == 2 and "no such file" in flat, missing.output
