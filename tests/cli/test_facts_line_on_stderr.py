"""`clearlane score` and `train` say what gathering the facts cost on stderr: stdout keeps only
the results (scored N, wrote FILE, stored N, the lanes), so a script can read it."""

from __future__ import annotations

import pandas as pd
import pytest

from clearlane.cli import _with_batch_facts, _with_training_facts
from clearlane.generate.config import GeneratorConfig
from clearlane.generate.dataset import write_dataset
from clearlane.ingest.parse import read_frame


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("gen")
    write_dataset(GeneratorConfig(declarations=30, days=5, seed=3), out)
    return read_frame(out / "declarations.jsonl", None)


@pytest.mark.parametrize("facts", [True, False])
def test_the_facts_line_of_score_goes_to_stderr(
    frame: pd.DataFrame, facts: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_batch_facts(frame, facts, learned=["doc_value_mismatch"])
    out, err = capsys.readouterr()
    assert out == ""
    assert ("facts of 30 declarations" if facts else "facts not gathered") in err
    if not facts:
        assert "the champion learned from facts" in " ".join(err.split())


@pytest.mark.parametrize("facts", [True, False])
def test_the_facts_line_of_train_goes_to_stderr(
    frame: pd.DataFrame, facts: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_training_facts(frame, facts)
    out, err = capsys.readouterr()
    assert out == ""
    assert ("facts of 30 declarations" if facts else "facts not gathered") in err
