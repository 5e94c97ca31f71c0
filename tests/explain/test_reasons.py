"""Reason codes: faithful SHAP contributions, sentences with the real numbers, profile and
anomaly reasons, the no-model case, one declaration vs a batch."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle

import numpy as np
import pandas as pd
import pytest
from scipy.special import expit

from clearlane.core.schema import Declaration
from clearlane.explain import assess_with_reasons, explain, explain_one
from clearlane.explain.reasons import FAMILIES, Phrasebook, _explainer
from clearlane.explain.wording import of_the_median
from clearlane.frames import items_frame
from tests.explain.conftest import PROFILES, planted
from tests.factories import declaration


def _clean_row(engine, new: pd.DataFrame) -> int:
    """A single-item, compliant declaration that scores low (to plant fraud into)."""
    single = new["reference"].map(new["reference"].value_counts()) == 1
    scores = engine.score_items(new)["score"]
    ok = single & (new["fraud"] == 0) & (scores < scores.median())
    return int(np.flatnonzero(ok.to_numpy())[0])


def test_contributions_add_up_to_the_models_raw_margin(engine, data) -> None:
    history, new = data
    # Rows after the history (snapshot path) and rows inside it (as-of path), some multi-item.
    frame = pd.concat([history.tail(200), new], ignore_index=True)
    explanations = explain(engine, frame)
    assert len(explanations) > 400
    # Independently: every item's raw margin from LightGBM on the builder's feature frame, and
    # each declaration's riskiest item from the engine's item scores.
    model = engine.fraud
    features = engine.builder.transform(frame)[model.columns]
    raw = model.model.predict(features, raw_score=True)
    score = engine.score_items(frame)["score"]
    riskiest = score.groupby(frame["reference"], sort=False).idxmax()
    assert [e.reference for e in explanations] == list(riskiest.index)
    probability = model.raw(features)
    for e in explanations:
        i = riskiest[e.reference]
        assert e.model_base is not None and e.model_raw is not None
        assert set(e.model_contributions) == set(model.columns)
        total = e.model_base + sum(e.model_contributions.values())
        assert total == pytest.approx(e.model_raw, abs=1e-6)
        assert e.model_raw == pytest.approx(raw[i], abs=1e-6)
        assert expit(e.model_raw) == pytest.approx(probability[i], abs=1e-9)


def test_parts_add_up_to_the_score_the_officer_sees(engine, data) -> None:
    """base + model + rules + anomaly + fusion == logit(score), exactly, for every declaration;
    the model part is the sum of its per-feature contributions; the model contributions are
    proportional to the model's own SHAP values."""
    _, new = data
    for e in explain(engine, new, profiles=PROFILES):
        assert e.space == "logit of the fused score"
        assert set(e.parts) == {"model", "rules", "anomaly", "fusion"}
        p = min(max(e.score, 1e-12), 1 - 1e-12)
        assert e.base + sum(e.parts.values()) == pytest.approx(np.log(p / (1 - p)), abs=1e-9)
        assert sum(e.contributions.values()) == pytest.approx(e.parts["model"], abs=1e-9)
        shap = np.array([e.model_contributions[k] for k in e.contributions])
        fused = np.array(list(e.contributions.values()))
        if abs(shap.sum()) > 1e-9:
            np.testing.assert_allclose(fused, shap * fused.sum() / shap.sum(), atol=1e-9)
        assert e.parts["rules"] >= 0 and e.parts["anomaly"] >= 0  # non-negative weights
        assert e.parts["fusion"] >= -1e-9  # the floor only ever raises the score


def test_explanations_follow_assess(engine, data) -> None:
    _, new = data
    assessed = engine.assess(new)
    explanations = explain(engine, new)
    assert [e.reference for e in explanations] == assessed["reference"].tolist()
    assert [e.score for e in explanations] == assessed["score"].tolist()
    with_reasons = assess_with_reasons(engine, new)
    pd.testing.assert_frame_equal(with_reasons.drop(columns="reasons"), assessed)
    assert with_reasons["reasons"].tolist() == [
        [r.to_dict() for r in e.reasons] for e in explanations
    ]
    json.dumps([e.to_dict() for e in explanations], allow_nan=False)  # JSON as it stands


def test_model_reasons_are_the_largest_risk_raising_contributions(engine, data) -> None:
    _, new = data
    for e in explain(engine, new, top=3):
        model = [r for r in e.reasons if r.source == "model"]
        weights = [r.weight for r in model]
        # Contributions (in the fused score's logit space) summed per quantity (a feature and
        # its same-quantity twin).
        per_quantity: dict[str, float] = {}
        for name, value in e.contributions.items():
            head = FAMILIES.get(name, name)
            per_quantity[head] = per_quantity.get(head, 0.0) + value
        expected = sorted((v for v in per_quantity.values() if v > 0), reverse=True)[:3]
        assert weights == pytest.approx(expected)
        for reason in model:
            assert reason.weight == pytest.approx(per_quantity[reason.feature])
            assert reason.code.startswith("MODEL_") and reason.text


def test_planted_undervaluation_is_explained_by_price(engine, data) -> None:
    _, new = data
    row = _clean_row(engine, new)
    clean = explain_one(engine, new.iloc[[row]], profiles=PROFILES)
    cheap_rows = planted(new, row, 0.1)
    cheap = explain_one(engine, cheap_rows, profiles=PROFILES, currency="EUR")
    assert cheap.score > clean.score + 0.2
    model = [r for r in cheap.reasons if r.source == "model"]
    assert model[0].code in {"MODEL_PRICE_RATIO_LOW", "MODEL_UNIT_VALUE_LOW"}
    # The sentences quote the real numbers, computed here independently.
    features = engine.builder.transform(cheap_rows).iloc[0]
    ratio_reason = next(r for r in model if r.code == "MODEL_PRICE_RATIO_LOW")
    uv = np.exp(features["log_uv_kg"])
    median = uv / features["unit_price_ratio"]
    hs6, origin = cheap_rows["hs6"].iloc[0], cheap_rows["origin_country"].iloc[0]
    assert f"is {of_the_median(features['unit_price_ratio'])} of" in ratio_reason.text
    assert "0.00 ×" not in ratio_reason.text
    assert f"for HS {hs6} from {origin}" in ratio_reason.text
    assert f"{median:.3g}"[:3] in ratio_reason.text and "EUR/kg" in ratio_reason.text
    price = next(r for r in cheap.reasons if r.code == "PRICE_UNDER")
    reference = engine.price_reference.assess(cheap_rows).iloc[0]
    assert price.source == "anomaly" and price.value == pytest.approx(reference["price_ratio"])
    assert of_the_median(reference["price_ratio"]) in price.text
    assert f"{int(reference['peers'])} declarations in the price reference" in price.text
    hit = next(r for r in cheap.reasons if r.code == "PROFILE_HIT")
    profile = PROFILES["T-UV"]
    assert (hit.value, hit.weight) == ("T-UV", profile.weight)
    assert profile.rationale in hit.text
    everything = " ".join(r.text for r in cheap.reasons)
    assert "unit_value_below_reference" not in everything  # conditions stay confidential
    assert "PRICE_UNDER" not in [r.code for r in clean.reasons]


def test_mandatory_profile_comes_first(engine, data) -> None:
    _, new = data
    textiles = new[new["hs6"].str.startswith(("61", "62"))]
    rows = textiles.iloc[[0]].assign(importer_id="NEWCOMER-1", seq=1)
    e = explain_one(engine, rows, profiles=PROFILES)
    assert e.reasons[0].code == "MANDATORY_CONTROL" and e.reasons[0].value == "T-NEW"
    hit = next(r for r in e.reasons if r.code == "PROFILE_HIT" and r.value == "T-NEW")
    assert PROFILES["T-NEW"].rationale in hit.text and hit.weight == 0.3
    assert "mandatory" in engine.assess(rows, profiles=PROFILES)["notes"].iloc[0]


def test_sentences_carry_counts_and_labels(engine, data) -> None:
    history, new = data
    book = Phrasebook(engine.builder)
    row = new.iloc[[3]]
    x = engine.builder.transform_matrix(row)
    importer = row["importer_id"].iloc[0]
    past = history[history["importer_id"] == importer]
    n, k = int(past["fraud"].notna().sum()), int((past["fraud"] == 1).sum())
    assert n > 0
    code, text = book.describe("importer_rate", x, 0)
    assert code == "MODEL_IMPORTER_RECORD"
    assert f"importer {importer}: {k} of {n} earlier controls found an irregularity" in text
    _, text = book.describe("importer_log_n", x, 0)
    assert f"importer {importer}: {len(past)} earlier declarations" in text
    _, text = book.describe("log_mass", x, 0)
    assert f"net mass {row['net_mass_kg'].iloc[0]:.3g}"[:12] in text
    code, text = book.describe("cat_office", x, 0)
    assert (code, text) == ("MODEL_OFFICE", f"office {row['office'].iloc[0]}")
    code, text = book.describe("mystery_score", x, 0)  # no template, no such feature
    assert (code, text) == ("MODEL_MYSTERY_SCORE", "mystery score unknown (raises the risk)")


def test_without_a_model_rules_and_anomalies_still_explain(bare_engine, engine, data) -> None:
    _, new = data
    assert bare_engine.fraud is None
    cheap = planted(new, _clean_row(engine, new), 0.1)
    e = explain_one(bare_engine, cheap, profiles=PROFILES)
    codes = [r.code for r in e.reasons]
    assert "PRICE_UNDER" in codes and "PROFILE_HIT" in codes
    assert not any(r.source == "model" for r in e.reasons)
    assert e.model_base is None and e.model_raw is None and e.model_contributions == {}
    note = next(r for r in e.reasons if r.code == "MODEL_ABSENT")
    assert note.source == "note" and e.model_absent == note.text
    assert "no supervised model" in note.text and bare_engine.notes[0] in note.text
    batch = explain(bare_engine, new)
    assert all(any(r.code == "MODEL_ABSENT" for r in b.reasons) for b in batch)


def test_missing_inputs_are_noted_and_contributions_stay_exact(engine, data) -> None:
    _, new = data
    rows = new.iloc[[4]].assign(net_mass_kg=np.nan, seq=1)
    e = explain_one(engine, rows)
    note = next(r for r in e.reasons if r.code == "MISSING_FIELDS")
    assert "net_mass_kg" in note.text and note.source == "note"
    assert e.model_absent is None
    raw = engine.fraud.model.predict(
        engine.builder.transform(rows)[engine.fraud.columns], raw_score=True
    )
    assert e.model_base + sum(e.model_contributions.values()) == pytest.approx(raw[0], abs=1e-6)


def test_a_declarations_model_reasons_come_from_its_riskiest_item(engine, data) -> None:
    _, new = data
    reference = new["reference"].iloc[0]
    rows = new[new["reference"] == reference].copy()
    assert len(rows) == 2
    cheap = planted(rows, 1, 0.1)
    rows.loc[cheap.index, cheap.columns] = cheap
    e = explain_one(engine, rows, profiles=PROFILES)
    items = engine.score_items(rows, profiles=PROFILES)
    assert items["score"].idxmax() == rows.index[1] and e.score == items["score"].max()
    raw = engine.fraud.model.predict(
        engine.builder.transform(rows)[engine.fraud.columns], raw_score=True
    )
    assert e.model_raw == pytest.approx(raw[1], abs=1e-6)
    model = [r for r in e.reasons if r.source == "model"]
    assert model and all(r.text.startswith("item 2: ") for r in model)
    price = [r for r in e.reasons if r.code == "PRICE_UNDER"]
    assert price and price[0].text.startswith("item 2: ")


def test_one_declaration_equals_the_batch(engine, data) -> None:
    _, new = data
    batch = {e.reference: e for e in explain(engine, new, profiles=PROFILES)}
    for reference in new["reference"].unique()[::37]:
        one = explain_one(engine, new[new["reference"] == reference], profiles=PROFILES)
        want = batch[reference]
        assert [(r.code, r.text) for r in one.reasons] == [(r.code, r.text) for r in want.reasons]
        assert one.score == pytest.approx(want.score, rel=1e-9)
        got = np.array(list(one.model_contributions.values()))
        np.testing.assert_allclose(got, list(want.model_contributions.values()), atol=1e-9)
    day = (engine.builder.history_end + pd.Timedelta(days=2)).date().isoformat()
    decl = Declaration.model_validate(declaration("ONE-1", declaration_date=day))
    one = explain_one(engine, decl)
    want = explain(engine, items_frame([decl]))[0]
    assert one.reference == "ONE-1" and one.to_dict() == want.to_dict()
    with pytest.raises(ValueError, match="one declaration; the rows hold 2"):
        explain_one(engine, new.head(3).iloc[[0, 2]])
    with pytest.raises(TypeError, match="not dict"):
        explain_one(engine, {"reference": "X"})  # type: ignore[arg-type]


def test_the_explainer_is_cached_and_never_pickled(engine, data) -> None:
    _, new = data
    first = explain(engine, new.head(20))
    assert _explainer(engine.fraud) is _explainer(engine.fraud)
    blob = pickle.dumps(engine)
    assert b"TreeExplainer" not in blob
    again = explain(pickle.loads(blob), new.head(20))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in first]


LEAK_CHECK = """
import gc, weakref
from clearlane.explain import explain
from clearlane.explain.reasons import _EXPLAINERS
from clearlane.risk import train_engine
from tests.factories import make_frame
frame = make_frame(1500, seed=11, days=120)
cut = frame["declaration_date"].quantile(0.8)
history, new = frame[frame["declaration_date"] < cut], frame[frame["declaration_date"] >= cut]
small = train_engine(history, seed=2)
gone = weakref.ref(small)
explain(small, new.head(5))
assert small.fraud is not None and small.fraud.model in _EXPLAINERS
cached = len(_EXPLAINERS)
del small
gc.collect()
assert gone() is None, "the engine is still referenced after explaining"
assert len(_EXPLAINERS) == cached - 1, "the cached explainer outlived its engine"
"""


def test_the_explainer_goes_with_its_engine() -> None:
    """In a fresh interpreter: other tests' state (tracebacks kept by pytest) must not decide
    whether the engine can be freed."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": f"{root / 'src'}:{root}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", LEAK_CHECK], cwd=root, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_without_stacking_weights_the_rules_noisy_or_is_the_rules_part(engine, data) -> None:
    """A few-label engine learns no stacking weights (session 28): the rules enter after the
    model and the floor as a noisy-OR, and what they add is credited to the rules part, not
    to the fusion part; the parts still add up to the score."""
    _, new = data
    unstacked = copy.copy(engine)
    unstacked.fusion = dataclasses.replace(engine.fusion, coef=None, intercept=0.0)
    explained = explain(unstacked, new, profiles=PROFILES)
    rules = [e.parts["rules"] for e in explained]
    assert max(rules) > 0.1 and min(rules) >= 0
    for e in explained:
        p = min(max(e.score, 1e-12), 1 - 1e-12)
        assert e.base + sum(e.parts.values()) == pytest.approx(np.log(p / (1 - p)), abs=1e-9)
        assert e.parts["fusion"] >= -1e-9
