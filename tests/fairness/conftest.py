"""Generated data sets shared by the fairness tests: generated once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame

DECLARATIONS = 8000  # small enough to stay quick, large enough for the intervals to speak
OVER_TARGETED = "CN"


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int, bool], Path]:
    """generated(seed, biased) -> directory of a generated data set (made once)."""
    made: dict[tuple[int, bool], Path] = {}

    def make(seed: int, biased: bool) -> Path:
        if (seed, biased) not in made:
            out = tmp_path_factory.mktemp(f"{'biased' if biased else 'plain'}{seed}")
            generate_dataset(
                declarations=DECLARATIONS,
                seed=seed,
                out_dir=out,
                over_target_origin=OVER_TARGETED if biased else None,
                over_target_factor=3.0,
            )
            made[seed, biased] = out
        return made[seed, biased]

    return make


@pytest.fixture(scope="session")
def generated_frame(
    generated: Callable[[int, bool], Path],
) -> Callable[[int, bool], pd.DataFrame]:
    """generated_frame(seed, biased) -> the analysis frame of that data set (read once)."""
    frames: dict[tuple[int, bool], pd.DataFrame] = {}

    def read(seed: int, biased: bool) -> pd.DataFrame:
        if (seed, biased) not in frames:
            out = generated(seed, biased)
            frames[seed, biased] = read_frame(
                out / "declarations.jsonl", controls=out / "controls.jsonl"
            )
        return frames[seed, biased]

    return read
