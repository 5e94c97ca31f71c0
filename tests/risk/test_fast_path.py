"""Scoring new declarations (dated after the history) reads snapshots of the history's final
state and scores on plain arrays; it must give what the as-of path gives, row by row.

The as-of path is forced by scoring the same rows together with one row dated inside the
history: every table then goes through the as-of join for the whole frame, and a row's
features never depend on the other rows of the frame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clearlane.core.schema import Declaration
from clearlane.frames import items_frame
from clearlane.risk import ASSESSMENT_COLUMNS, RiskEngine, train_engine
from clearlane.risk.engine import _Items, _per_declaration, _per_declaration_pandas, table_frame
from clearlane.risk.profiles import parse_profiles
from tests.factories import declaration, make_frame
from tests.risk.fakes import FakeRules

COMPONENTS = [
    "rules",
    "anomaly_iforest",
    "price_anomaly",
    "anomaly",
    "model",
    "score",
    "expected_revenue",
    "critical_score",
]
TEXTS = ["price_flag", "price_reason", "missing_fields", "notes"]
PROFILES = parse_profiles(
    [
        {
            "id": "T-UV",
            "name": "cheap",
            "version": 1,
            "owner": "tests",
            "rationale": "undervalued against peers",
            "valid_from": "2020-01-01",
            "weight": 0.4,
            "conditions": [
                {"field": "unit_price_ratio", "op": "unit_value_below_reference", "value": 0.6}
            ],
        },
        {
            "id": "T-NEW",
            "name": "new importer, textiles",
            "version": 1,
            "owner": "tests",
            "rationale": "little history",
            "valid_from": "2020-01-01",
            "weight": 0.3,
            "mandatory_control": True,
            "conditions": [
                {"field": "importer_prior_declarations", "op": "range", "max": 2},
                {"op": "hs_prefix", "value": ["61", "62"]},
                {
                    "any_of": [
                        {"field": "origin_country", "op": "in", "value": ["CN", "VN"]},
                        {"field": "office", "op": "regex", "value": "A.*"},
                    ]
                },
            ],
        },
    ]
)


@pytest.fixture(scope="module")
def data() -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = make_frame(2300, seed=11, days=150)
    cut = frame["declaration_date"].quantile(0.8)
    history, new = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
    return history, new.head(300)


@pytest.fixture(scope="module")
def engine(data: tuple[pd.DataFrame, pd.DataFrame]) -> RiskEngine:
    return train_engine(data[0], profiles=PROFILES, seed=1)


def _odd(frame: pd.DataFrame) -> pd.DataFrame:
    """Unseen importers and goods, missing and blank values, on some rows."""
    out = frame.copy()
    rows = out.index
    out.loc[rows[::7], "importer_id"] = "NEVER-SEEN"
    out.loc[rows[1::9], ["hs_code", "hs6", "hs4", "hs2"]] = ["99887766", "998877", "9988", "99"]
    out.loc[rows[2::11], "net_mass_kg"] = np.nan
    out.loc[rows[3::13], "origin_country"] = "  "
    out.loc[rows[4::17], "customs_value"] = np.nan
    out.loc[rows[5::19], "office"] = "ZZ9"
    out.loc[rows[6::23], "quantity_unit"] = None
    return out


def _as_of(engine: RiskEngine, history: pd.DataFrame, frame: pd.DataFrame, what: str):
    """``what`` ("features", "items" or "assess") for ``frame`` via the as-of join."""
    anchor = history.tail(1).copy()
    anchor.index = ["anchor"]
    anchor["reference"] = "ANCHOR"
    mixed = pd.concat([frame, anchor])
    assert (mixed["declaration_date"] <= engine.builder.history_end).any()
    if what == "features":
        return engine.builder.transform(mixed).drop(index="anchor")
    if what == "items":
        return engine.score_items(mixed).drop(index="anchor")
    out = engine.assess(mixed)
    return out[out["reference"] != "ANCHOR"].reset_index(drop=True)


def _assert_items_equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    assert list(got.index) == list(want.index)
    np.testing.assert_allclose(got[COMPONENTS], want[COMPONENTS], rtol=1e-9, atol=1e-12)
    for column in TEXTS:
        assert got[column].tolist() == want[column].tolist(), column


@pytest.mark.parametrize("odd", [False, True], ids=["plain", "missing-and-unseen"])
def test_snapshot_features_equal_as_of_features(engine, data, odd) -> None:
    history, new = data
    new = _odd(new) if odd else new
    assert (new["declaration_date"] > engine.builder.history_end).all()
    fast = engine.builder.transform(new)
    slow = _as_of(engine, history, new, "features")
    assert list(fast.columns) == list(slow.columns)
    numeric = [c for c in fast.columns if c != "missing_fields"]
    np.testing.assert_allclose(fast[numeric], slow[numeric], rtol=1e-9, atol=1e-9)
    assert fast["missing_fields"].tolist() == slow["missing_fields"].tolist()
    if odd:
        assert fast["missing_fields"].str.contains("net_mass_kg").any()
        assert fast.loc[new.index[::7], "importer_is_new"].eq(1.0).all()


@pytest.mark.parametrize("odd", [False, True], ids=["plain", "missing-and-unseen"])
def test_batch_and_single_declarations_equal_as_of_scores(engine, data, odd) -> None:
    history, new = data
    new = _odd(new) if odd else new
    slow = _as_of(engine, history, new, "items")
    _assert_items_equal(engine.score_items(new), slow)  # 300 rows: sklearn forest
    _assert_items_equal(engine.score_items(new.head(40)), slow.head(40))  # flat forest
    singles = pd.concat([engine.score_items(new.iloc[[i]]) for i in range(0, 300, 15)])
    _assert_items_equal(singles, slow.iloc[::15])
    assert slow["rules"].gt(0).any()  # the profiles took part
    if odd:  # new importers of textiles: a mandatory control
        assert slow["notes"].str.contains("mandatory").any()


def test_assess_one_declaration_equals_batch(engine, data) -> None:
    history, new = data
    new = _odd(new)
    slow = _as_of(engine, history, new, "assess")
    fast = pd.concat([engine.assess(new.iloc[[i]]) for i in range(0, 300, 10)])
    fast = fast.reset_index(drop=True)
    want = slow.iloc[::10].reset_index(drop=True)
    assert list(fast.columns) == list(ASSESSMENT_COLUMNS)
    numeric = ["score", "rules", "anomaly", "model", "expected_revenue", "critical_score"]
    np.testing.assert_allclose(fast[numeric], want[numeric], rtol=1e-9, atol=1e-12)
    for column in ("reference", "version", "model_version", "profile_version", "notes"):
        assert fast[column].tolist() == want[column].tolist()
    assert fast["missing_fields"].tolist() == want["missing_fields"].tolist()
    row = new.iloc[0].to_dict()
    one = engine.assess_one(row)
    assert one["reference"] == row["reference"]
    assert one["score"] == pytest.approx(want.loc[0, "score"], rel=1e-9)


def test_assess_one_takes_a_declaration(engine, data) -> None:
    day = (engine.builder.history_end + pd.Timedelta(days=3)).date().isoformat()
    decl = Declaration.model_validate(declaration("ONE-1", declaration_date=day))
    one = engine.assess_one(decl)
    want = engine.assess(items_frame([decl]))
    assert one["reference"] == "ONE-1"
    assert one["score"] == pytest.approx(want["score"].iloc[0], rel=1e-9)
    assert one["missing_fields"] == want["missing_fields"].iloc[0]


def test_generic_rule_scorer_and_no_model_engine_equal_as_of(engine, data) -> None:
    history, new = data
    slow = _as_of(engine, history, new, "items")
    rules = FakeRules()
    fast = engine.score_items(new.head(30), profiles=rules)
    anchor = history.tail(1).copy()
    anchor.index = ["anchor"]
    mixed = engine.score_items(pd.concat([new.head(30), anchor]), profiles=rules)
    _assert_items_equal(fast, mixed.drop(index="anchor"))
    assert not fast["rules"].equals(slow["rules"].head(30))  # the rules really changed
    bare = train_engine(history.assign(fraud=np.nan), seed=1)
    anchor_frame = pd.concat([new.head(30), anchor])
    _assert_items_equal(
        bare.score_items(new.head(30)), bare.score_items(anchor_frame).drop(index="anchor")
    )


def test_small_frame_aggregation_equals_groupby() -> None:
    rng = np.random.default_rng(3)
    n = 60
    references = np.array([f"R{i}" for i in rng.integers(0, 12, n)], dtype=object)
    versions = rng.integers(1, 3, n).astype(np.int64)
    items = _Items(pd.RangeIndex(n))
    for name in ("score", "rules", "anomaly", "model", "critical_score"):
        values = rng.random(n)
        values[rng.random(n) < 0.2] = np.nan
        items[name] = values
    revenue = rng.lognormal(3, 4, n) * rng.choice([1.0, 1e-9, 1e9], n)
    revenue[rng.random(n) < 0.2] = np.nan
    items["expected_revenue"] = revenue
    items["missing_fields"] = rng.choice(["", "net_mass_kg", "value,duty_rate"], n).astype(object)
    items["notes"] = rng.choice(["", "mandatory control demanded by a profile"], n).astype(object)
    fast = table_frame(_per_declaration(references, versions, items))
    data = {"reference": pd.Series(references, dtype=object), "version": versions}
    slow = _per_declaration_pandas(data, items)
    pd.testing.assert_frame_equal(fast[list(slow.columns)], slow, check_exact=True)


def test_undated_rows_do_not_hide_rows_dated_inside_the_history(engine, data) -> None:
    history, new = data
    inside = history.tail(20)
    undated = new.iloc[5:10].assign(declaration_date=pd.NaT)
    alone = engine.builder.transform(inside)
    mixed = engine.builder.transform(pd.concat([undated, inside]))
    pd.testing.assert_frame_equal(mixed.loc[inside.index], alone)
    last = engine.builder.transform(pd.concat([undated, new.head(5)]))
    pd.testing.assert_frame_equal(last.loc[undated.index], engine.builder.transform(undated))


@pytest.fixture(scope="module")
def logistic_engine(data: tuple[pd.DataFrame, pd.DataFrame]) -> RiskEngine:
    """The few-labels engine: a logistic fraud model (a pipeline of select, impute, scale)."""
    got = train_engine(data[0], profiles=PROFILES, seed=1, min_gbdt_positives=10**9)
    assert got.fraud is not None and got.fraud.kind == "logistic"
    return got


def _bits(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a, dtype=np.float64).tobytes()


def test_logistic_pipeline_without_checks_equals_the_pipeline(logistic_engine, data) -> None:
    """The logistic model's probability and standardised inputs, computed without sklearn's
    per-call checks, equal the pipeline's bit for bit: every row alone and all at once, with
    missing values, extreme values and unseen categories."""
    from clearlane.explain.reasons import _explainer
    from clearlane.features.builder import FeatureMatrix
    from clearlane.risk.supervised import standardised

    model = logistic_engine.fraud
    assert model is not None
    pipe = model.model
    x = logistic_engine.builder.transform_matrix(_odd(data[1]))
    matrix = x.select(model.columns).copy()
    rng = np.random.default_rng(7)
    matrix[rng.random(matrix.shape) < 0.15] = np.nan
    matrix[rng.random(matrix.shape) < 0.02] = 1e300
    matrix[rng.random(matrix.shape) < 0.02] = -3.7e-12
    matrix[:3] = np.nan  # rows with nothing known
    want_z = pipe[:-1].transform(matrix)
    assert _bits(standardised(pipe, matrix)) == _bits(want_z)
    full = np.full((len(matrix), len(x.names)), np.nan)
    where = [x.names.index(c) for c in model.columns]
    full[:, where] = matrix

    def as_features(rows: slice) -> FeatureMatrix:
        return FeatureMatrix(x.index[rows], x.names, full[rows], x.missing[rows], None, None)

    # As the engine calls it: one declaration's rows, or a batch (the pipeline's own product
    # of one row and of many can differ in the last bit; each is matched as it is called).
    assert _bits(model.raw(as_features(slice(None)))) == _bits(pipe.predict_proba(matrix)[:, 1])
    for i in range(len(matrix)):
        row = matrix[i : i + 1]
        assert _bits(standardised(pipe, row)) == _bits(want_z[i : i + 1])
        want_p = pipe.predict_proba(row)[:, 1]
        assert _bits(model.raw(as_features(slice(i, i + 1)))) == _bits(want_p)
    phi, base, margin = _explainer(model).contributions(matrix)
    select, impute, scale, logistic = (step for _, step in pipe.steps)
    want_phi = np.zeros_like(phi)
    want_phi[:, select.positions] = want_z * logistic.coef_[0]
    assert _bits(phi) == _bits(want_phi)
    assert _bits(margin) == _bits(base + want_phi.sum(axis=1))


def test_logistic_pipeline_of_another_shape_or_an_infinity_runs_the_pipeline(
    logistic_engine, data
) -> None:
    import copy

    from clearlane.risk.supervised import standardised

    model = logistic_engine.fraud
    assert model is not None
    matrix = logistic_engine.builder.transform_matrix(data[1].head(5)).select(model.columns)
    infinite = matrix.copy()
    infinite[0, 0] = np.inf
    assert standardised(model.model, infinite) is None
    with pytest.raises(ValueError, match="infinity"):
        model.model.predict_proba(infinite)
    other = copy.deepcopy(model.model)
    other.steps[2][1].with_mean = False
    assert standardised(other, matrix) is None  # not centred: the pipeline's own transform
    indicator = copy.deepcopy(model.model)
    indicator.steps[1][1].add_indicator = True
    assert standardised(indicator, matrix) is None
    assert standardised(model.model[:-1], matrix) is None


def test_an_assessments_table_keeps_its_text_columns_as_cells_until_a_frame(engine, data) -> None:
    """One declaration's assessment (several items, or one) makes no Series for its text
    columns (reference, missing fields, notes): they stay Cells, read as lists; the frame
    built from them is, column for column and dtype for dtype, RiskEngine.assess."""
    from clearlane.risk.engine import Cells

    _, new = data
    several = new.head(3).assign(reference=new["reference"].iloc[0])  # one, three items
    single = new.iloc[[5]]
    for rows in (several, single, new.head(40)):
        details = engine.assess_items(rows, profiles=PROFILES)
        assert not [n for n, c in details.table.items() if isinstance(c, pd.Series)]
        assert type(details.table["reference"]) is Cells
        want = engine.assess(rows, profiles=PROFILES)
        pd.testing.assert_frame_equal(details.assessments, want)
        for name in want.columns:
            got = details.values(name)
            assert [type(v) for v in got] == [type(v) for v in want[name].tolist()], name
            assert pd.Series(got, dtype=object).equals(pd.Series(want[name].tolist(), dtype=object))


def test_cells_read_as_the_series_they_stand_for() -> None:
    from clearlane.risk.engine import Cells

    for values, dtype in (
        (["R1", "R2"], None),
        ([1, 2], None),
        (["R1", None], None),
        (np.array(["a", np.nan, ""], dtype=object), object),
        (["x", 3, None], object),
    ):
        cells = Cells(values, dtype)
        series = pd.Series(values, dtype=dtype)
        pd.testing.assert_series_equal(cells.series(), series)
        assert len(cells) == len(series)
        got, want = cells.tolist(), series.tolist()
        assert [type(v) for v in got] == [type(v) for v in want]
        assert pd.Series(got, dtype=object).equals(pd.Series(want, dtype=object))
