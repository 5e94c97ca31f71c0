"""RiskEngine: fusion, assessments, fallback without labels, hash-checked persistence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clearlane.risk import (
    ASSESSMENT_COLUMNS,
    InsufficientLabelsError,
    IntegrityError,
    RiskEngine,
    train_engine,
)
from tests.factories import make_frame
from tests.risk.fakes import FakeRules


@pytest.fixture(scope="module")
def split() -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = make_frame(2000, seed=7, days=160)
    cut = frame["declaration_date"].quantile(0.8)
    return frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]


@pytest.fixture(scope="module")
def engine(split: tuple[pd.DataFrame, pd.DataFrame]) -> RiskEngine:
    return train_engine(split[0], profiles=FakeRules(), seed=0)


def test_engine_ranks_later_frauds_first(engine: RiskEngine, split) -> None:
    from sklearn.metrics import roc_auc_score

    test = split[1]
    items = engine.score_items(test)
    assert roc_auc_score(test["fraud"], items["score"]) > 0.75
    assert items[["score", "model", "anomaly", "rules"]].stack().between(0, 1).all()
    assert engine.summary["imbalance_chosen"] in ("weights", "smote")
    assert "model" in engine.fusion.weights()


def test_rules_and_anomaly_stay_in_the_fusion_for_every_row(engine: RiskEngine, split) -> None:
    items = engine.score_items(split[1])
    weights = engine.fusion.weights()
    assert set(weights) == {"model", "declared", "anomaly_iforest", "price_anomaly", "rules"}
    assert min(weights.values()) >= 0  # a stronger signal never lowers the score
    # Raising the rule score of a row never lowers its fused score, whatever the row.
    names = ["model", "declared", "anomaly_iforest", "price_anomaly", "rules"]
    raised = {k: items[k].to_numpy(dtype=float).copy() for k in names}
    raised["rules"] = np.maximum(raised["rules"], 0.9)
    assert (engine.fusion(raised) >= items["score"].to_numpy() - 1e-12).all()


def test_training_is_cross_fitted_and_compared_with_the_rules(engine: RiskEngine) -> None:
    summary = engine.summary
    assert summary["time_blocks"] >= 3
    assert 0 < summary["out_of_fold_rows"] < summary["labelled"]
    assert summary["n_trees_refit"] >= summary["best_iteration"] > 0
    comparison = summary["rule_baseline"]
    assert {"engine_pr_auc", "rules_pr_auc", "beats"} <= set(comparison)
    assert engine.beats_rule_baseline is comparison["beats"]
    assert engine.beats_rule_baseline is True  # the fake rule is a weak part of the truth


def test_assessment_per_declaration(engine: RiskEngine, split) -> None:
    test = split[1].head(6).copy()
    # Two items of one declaration: the riskier one sets the score, revenues add up.
    test.loc[test.index[1], ["reference", "seq"]] = [test["reference"].iloc[0], 2]
    items = engine.score_items(test)
    out = engine.assess(test)
    assert list(out.columns) == list(ASSESSMENT_COLUMNS)
    assert len(out) == 5
    first = out.iloc[0]
    assert first["score"] == pytest.approx(items["score"].iloc[:2].max())
    assert first["expected_revenue"] == pytest.approx(items["expected_revenue"].iloc[:2].sum())
    assert out["model_version"].str.startswith("lgbm-").all()
    assert (out["profile_version"] == "fake-1").all()


def test_unseen_categories_and_missing_fields_are_recorded(engine: RiskEngine, split) -> None:
    test = split[1].head(4).copy()
    test["importer_id"] = "NEW-IMPORTER"
    test["hs6"] = test["hs_code"] = "990199"
    test["hs4"], test["hs2"] = "9901", "99"
    test.loc[test.index[0], "net_mass_kg"] = np.nan
    out = engine.assess(test.drop(columns=["origin_country", "office"]))
    assert out["score"].between(0, 1).all()
    assert "net_mass_kg" in out["missing_fields"].iloc[0]
    assert out["missing_fields"].str.contains("origin_country").all()
    assert out["missing_fields"].str.contains("unit_price_ratio").all()  # from the rules


@pytest.mark.parametrize("labels", [np.nan, 0.0], ids=["no labels", "one class"])
def test_without_usable_labels_engine_falls_back_and_says_so(split, labels) -> None:
    train = split[0].assign(fraud=labels)
    with pytest.raises(InsufficientLabelsError):
        train_engine(train, fallback=False)
    engine = train_engine(train, profiles=FakeRules())
    out = engine.assess(split[1].head(20))
    assert engine.fraud is None and out["model_version"].isna().all()
    assert out["notes"].str.contains("no supervised model").all()
    assert out["score"].between(0, 1).all() and out["model"].isna().all()


def test_save_load_round_trip_and_tamper_check(engine: RiskEngine, split, tmp_path) -> None:
    path = engine.save(tmp_path / "engine.joblib")
    again = RiskEngine.load(path)
    test = split[1].head(50)
    pd.testing.assert_frame_equal(engine.assess(test), again.assess(test))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IntegrityError, match="does not match its sha256"):
        RiskEngine.load(path)
    path.with_name(path.name + ".sha256").unlink()
    with pytest.raises(IntegrityError, match="missing"):
        RiskEngine.load(path)


def test_vocabulary_is_frozen_at_training(engine: RiskEngine, split) -> None:
    """Category codes come from the training frame and never from what is scored."""
    test = split[1]
    vocabulary = {k: list(v) for k, v in (engine.builder.vocabulary or {}).items()}
    assert vocabulary, "the generated frame has low-cardinality categoricals"
    renamed = test.copy()
    renamed["office"] = "NEW-OFFICE"  # unseen at training: code must be missing, not new
    features = engine.builder.transform(renamed)
    assert features["cat_office"].isna().all()
    assert engine.builder.vocabulary == vocabulary
    if engine.fraud is not None:
        assert set(engine.fraud.categorical) <= {f"cat_{c}" for c in vocabulary}


def test_scores_do_not_depend_on_later_rows_in_the_frame(engine: RiskEngine, split) -> None:
    """Scoring a row gives the same score whether or not later rows are in the frame."""
    test = split[1].sort_values("declaration_date", kind="stable")
    head = test.iloc[:40]
    alone = engine.assess(head)
    together = engine.assess(test).set_index(["reference", "version"])
    got = together.loc[list(zip(alone["reference"], alone["version"], strict=True)), "score"]
    np.testing.assert_allclose(got.to_numpy(), alone["score"].to_numpy(), rtol=0, atol=1e-12)
    one = engine.assess(test.iloc[[0]])["score"].iloc[0]
    assert one == pytest.approx(alone["score"].iloc[0], abs=1e-12)


def test_declared_fields_model_is_out_of_fold_and_frozen(engine: RiskEngine, split) -> None:
    """The declared-fields model enters the stack with its own weight, reads one frozen
    vocabulary (an unseen HS6 is missing, not a new code) and scores every row."""
    assert engine.declared is not None
    items = engine.score_items(split[1])
    assert items["declared"].between(0, 1).all()
    assert "hs6" in engine.declared.codes
    unseen = split[1].head(3).assign(hs6="999999", hs4="9999", hs2="99")
    matrix = engine.declared.matrix(unseen)
    position = 4 + list(engine.declared.codes).index("hs6")
    assert np.isnan(matrix[:, position]).all()


def test_agreement_floor_reads_the_price_check_not_the_isolation_forest(
    engine: RiskEngine,
) -> None:
    """Rules x an isolation-forest outlier (not a price finding) does not lift a row; rules x a
    price anomaly does."""
    n = 3
    comps = {
        "model": np.full(n, 0.01),
        "declared": np.full(n, 0.01),
        "rules": np.array([1.0, 1.0, 0.0]),
        "anomaly_iforest": np.array([1.0, 0.0, 1.0]),
        "price_anomaly": np.array([0.0, 1.0, 1.0]),
    }
    floor = engine.fusion.agreement(comps)
    assert floor.tolist() == [0.0, 1.0, 0.0]


def test_training_features_in_pieces_equal_the_whole_transform(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Training transforms the frame a slice of rows at a time and keeps the anomaly inputs,
    the labelled rows and the non-compliant rows: each equals that part of one transform of
    the whole frame (features are looked up per row, strictly before its day)."""
    from clearlane.features import FeatureBuilder
    from clearlane.risk import engine as engine_module
    from clearlane.risk.anomaly import ANOMALY_FEATURES

    frame = make_frame(2000, seed=7, days=160)
    frame.loc[np.arange(len(frame)) % 3 == 0, ["fraud", "critical"]] = np.nan  # not controlled
    builder = FeatureBuilder(empirical_bayes=True).fit(frame)
    whole = builder.transform(frame)
    labelled = frame["fraud"].notna().to_numpy()
    frauds = (frame["fraud"] == 1).to_numpy()
    assert 0 < frauds.sum() < labelled.sum() < len(frame)
    monkeypatch.setattr(engine_module, "TRANSFORM_ROWS", 333)
    anomaly, xl, x_frauds = engine_module._training_features(builder, frame, labelled, frauds)
    pd.testing.assert_frame_equal(
        anomaly, whole.reindex(columns=list(ANOMALY_FEATURES)), check_exact=True
    )
    pd.testing.assert_frame_equal(xl, whole[labelled], check_exact=True)
    pd.testing.assert_frame_equal(x_frauds, whole[frauds], check_exact=True)


def test_training_runs_blas_on_one_thread(split, monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenBLAS's waiting threads cost many times the CPU of one thread on training's small
    products (see ``_one_blas_thread``); training limits BLAS to one and restores it after."""
    from threadpoolctl import threadpool_info

    from clearlane.risk import engine as engine_module

    def blas_threads() -> set[int]:
        return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}

    seen: list[set[int]] = []
    fit = engine_module.FeatureBuilder.fit

    def spy(self, history):
        seen.append(blas_threads())
        return fit(self, history)

    monkeypatch.setattr(engine_module.FeatureBuilder, "fit", spy)
    before = blas_threads()
    train_engine(split[0].head(400), profiles=FakeRules())
    assert seen == [{1}]
    assert blas_threads() == before
