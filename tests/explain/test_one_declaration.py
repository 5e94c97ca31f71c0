"""One declaration at a time gives exactly what a batch gives: the one-row paths (a row read
once, the assessment columns without a frame, SHAP straight from LightGBM) must not change a
score or a reason."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clearlane.explain import assess_with_reasons, explain, explain_one
from clearlane.explain.reasons import _explainer
from clearlane.risk import ASSESSMENT_COLUMNS
from tests.explain.conftest import PROFILES


def _varied(new: pd.DataFrame) -> pd.DataFrame:
    """The later declarations, one item each, with unseen, missing and blank values and
    codes outside the vocabularies on some rows."""
    out = new.assign(reference=[f"ONE-{i}" for i in range(len(new))], seq=1)
    rows = out.index
    out.loc[rows[::7], "importer_id"] = "NEVER-SEEN"
    out.loc[rows[1::9], ["hs_code", "hs6", "hs4", "hs2"]] = ["99887766", "998877", "9988", "99"]
    out.loc[rows[2::11], "net_mass_kg"] = np.nan
    out.loc[rows[3::13], "origin_country"] = "  "
    out.loc[rows[4::17], "customs_value"] = np.nan
    out.loc[rows[5::19], "office"] = "ZZ9"
    out.loc[rows[6::23], "transport_mode"] = None
    out.loc[rows[8::29], "attr_tax_type"] = None
    return out


@pytest.mark.parametrize("with_profiles", [False, True], ids=["no-profiles", "profiles"])
def test_each_declaration_alone_equals_the_batch(engine, data, with_profiles) -> None:
    _, new = data
    frame = _varied(new)
    profiles = PROFILES if with_profiles else None
    batch = explain(engine, frame, profiles=profiles)  # 300 rows: the column-wise paths
    assessed = engine.assess(frame, profiles=profiles)
    assert engine.declared is not None  # the declared-fields model takes part
    codes_seen: set[str] = set()
    for i in range(len(frame)):
        row = frame.iloc[[i]]
        one = explain_one(engine, row, profiles=profiles)
        want = batch[i]
        assert one.reference == want.reference
        assert abs(one.score - want.score) <= 1e-9
        assert [r.code for r in one.reasons] == [r.code for r in want.reasons]
        assert [r.text for r in one.reasons] == [r.text for r in want.reasons]
        np.testing.assert_allclose(
            list(one.model_contributions.values()),
            list(want.model_contributions.values()),
            rtol=1e-9,
            atol=1e-12,
        )
        codes_seen.update(r.code for r in one.reasons)
        if i % 5 == 0:
            alone = engine.assess(row, profiles=profiles)
            assert list(alone.columns) == list(ASSESSMENT_COLUMNS)
            got, expected = alone.iloc[0], assessed.iloc[i]
            for name in ("score", "rules", "anomaly", "model", "expected_revenue"):
                assert got[name] == pytest.approx(expected[name], rel=1e-9, nan_ok=True)
            for name in ("reference", "version", "missing_fields", "notes", "model_version"):
                assert got[name] == expected[name]
    # One declaration's SHAP values came from the single-row C API, the batch's from
    # Booster.predict: the comparison above covers both paths.
    assert _explainer(engine.fraud)._one_row is not None
    # The rows really were varied: model, price and missing-input reasons all occurred.
    assert any(c.startswith("MODEL_") for c in codes_seen)
    assert "MISSING_FIELDS" in codes_seen
    if with_profiles:
        assert "PROFILE_HIT" in codes_seen


def test_the_frame_is_built_only_when_asked_for_and_equals_assess(engine, data) -> None:
    _, new = data
    rows = new.head(40)
    details = engine.assess_items(rows, profiles=PROFILES)
    assert details._frame is None
    pd.testing.assert_frame_equal(details.assessments, engine.assess(rows, profiles=PROFILES))
    assert details.assessments is details.assessments  # built once
    for name in ASSESSMENT_COLUMNS:
        want = details.assessments[name].tolist()
        got = details.values(name)
        assert [type(v) for v in got] == [type(v) for v in want], name
        assert pd.Series(got, dtype=object).equals(pd.Series(want, dtype=object)), name
    with_reasons = assess_with_reasons(engine, rows, profiles=PROFILES)
    assert list(with_reasons.columns) == [*ASSESSMENT_COLUMNS, "reasons"]


def test_contributions_are_shaps_tree_explainer_values(engine, data) -> None:
    """The booster's pred_contrib, read directly, is what shap.TreeExplainer gives."""
    shap = pytest.importorskip("shap")
    _, new = data
    matrix = engine.builder.transform_matrix(new.head(60)).select(engine.fraud.columns)
    phi, base, raw = _explainer(engine.fraud).contributions(matrix)
    explainer = shap.TreeExplainer(engine.fraud.model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # shap's note on its output shape for LightGBM
        want = np.asarray(explainer.shap_values(matrix))
    np.testing.assert_allclose(phi, want, rtol=0, atol=1e-12)
    assert base == pytest.approx(float(np.ravel(explainer.expected_value)[-1]), abs=1e-12)
    np.testing.assert_allclose(base + phi.sum(axis=1), raw, atol=1e-9)


EXPLAIN_WITHOUT_SHAP = """
import sys
sys.modules["shap"] = None  # importing shap now fails
from clearlane.explain import explain_one
from clearlane.risk import train_engine
from tests.factories import make_frame
frame = make_frame(1500, seed=11, days=120)
cut = frame["declaration_date"].quantile(0.8)
history, new = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
engine = train_engine(history, seed=2)
got = explain_one(engine, new.iloc[[0]])
assert got.model_contributions and got.model_raw is not None
"""


def test_explanations_do_not_need_the_shap_package() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": f"{root / 'src'}:{root}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", EXPLAIN_WITHOUT_SHAP],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_one_row_shap_equals_booster_predict_bit_for_bit(engine, data, monkeypatch) -> None:
    """The single-row C API path (_OneRowContrib) gives Booster.predict's contributions, base
    and raw margin exactly, row after row, before and after a batch call on the booster."""
    from clearlane.explain import reasons

    _, new = data
    matrix = engine.builder.transform_matrix(_varied(new)).select(engine.fraud.columns)
    matrix = np.asarray(matrix, dtype=np.float64)
    me = _explainer(engine.fraud)
    booster = me.booster
    want = booster.predict(matrix, pred_contrib=True, num_iteration=me.tree_limit, num_threads=1)
    want_raw = booster.predict(matrix, raw_score=True, num_iteration=me.tree_limit, num_threads=1)
    for i in range(len(matrix)):
        phi, base, raw = me.contributions(matrix[i : i + 1])
        assert np.array_equal(phi[0], want[i, :-1]), i
        assert base == want[i, -1]
        assert raw[0] == want_raw[i]
        if i == 100:  # a batch call in between leaves the single-row handles as they were
            me.contributions(matrix[:50])
    assert me._one_row is not None, "one row must take the single-row path"
    # And the path really differs from the batch one: with it off, nothing is created.
    monkeypatch.setattr(reasons, "ONE_ROW_FAST_PATH", False)
    fresh = reasons._ModelExplainer(me.columns, me.tree_limit, booster)
    phi, base, raw = fresh.contributions(matrix[:1])
    assert fresh._one_row is None
    assert np.array_equal(phi[0], want[0, :-1]) and raw[0] == want_raw[0]


def test_one_row_shap_from_many_threads_at_once(engine, data) -> None:
    """Threads sharing the explainer's single-row handles each get their own row's values."""
    from tests.concurrency import together

    _, new = data
    matrix = np.asarray(
        engine.builder.transform_matrix(new.head(40)).select(engine.fraud.columns),
        dtype=np.float64,
    )
    me = _explainer(engine.fraud)
    want = me.booster.predict(matrix, pred_contrib=True, num_iteration=me.tree_limit, num_threads=1)

    def racer(k: int) -> bool:
        return all(
            np.array_equal(me.contributions(matrix[i : i + 1])[0][0], want[i, :-1])
            for i in range(k % 4, len(matrix), 4)
            for _ in range(3)
        )

    assert all(together(8, racer))


def test_one_row_shap_refuses_a_row_of_the_wrong_width(engine) -> None:
    from clearlane.explain.reasons import _OneRowContrib

    me = _explainer(engine.fraud)
    one = _OneRowContrib(me.booster, me.tree_limit, len(me.columns))
    with pytest.raises(ValueError, match="features expected"):
        one(np.zeros(len(me.columns) + 1))
