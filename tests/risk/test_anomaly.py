"""Price reference and isolation forest: label-free, explainable, serialisable."""

from __future__ import annotations

import numpy as np
import pandas as pd

from clearlane.risk import IsolationForestScorer, PriceReference


def test_price_reference_flags_undervaluation_with_reason(synth: pd.DataFrame) -> None:
    ref = PriceReference().fit(synth)
    probe = synth[synth["fraud"] == 0].head(20).copy()
    probe.loc[probe.index[:10], "customs_value"] /= 20.0  # a twentieth of the usual price
    probe.loc[probe.index[10:], "customs_value"] *= 20.0
    got = ref.assess(probe)
    assert (got["flag"].iloc[:10] == "under").all()
    assert (got["flag"].iloc[10:] == "over").all()
    assert got["reason"].iloc[0].startswith("undervalued: 0.0")
    assert "peers" in got["reason"].iloc[0]
    honest = ref.assess(synth[synth["fraud"] == 0].tail(200))
    assert (honest["flag"] == "").mean() > 0.9


def test_price_reference_backs_off_to_wider_peers(synth: pd.DataFrame) -> None:
    ref = PriceReference().fit(synth)
    probe = synth.head(3).assign(origin_country="ZZ")
    got = ref.assess(probe)
    assert (got["peer_level"] == 1).all()  # no HS6 x ZZ peers: HS6 alone


def test_price_reference_json_round_trip(synth: pd.DataFrame, tmp_path) -> None:
    ref = PriceReference().fit(synth)
    ref.save(tmp_path / "ref.json")
    again = PriceReference.load(tmp_path / "ref.json")
    pd.testing.assert_frame_equal(ref.assess(synth.head(50)), again.assess(synth.head(50)))


def test_isolation_forest_needs_no_labels(synth: pd.DataFrame) -> None:
    unlabeled = synth.assign(fraud=np.nan, critical=np.nan)
    scorer = IsolationForestScorer(seed=1).fit(unlabeled)
    scores = scorer.score(unlabeled.tail(100))
    assert scores.between(0, 1).all()
    weird = unlabeled.tail(5).assign(net_mass_kg=1e7, customs_value=1.0)
    assert scorer.score(weird).mean() > scores.mean()


def test_isolation_forest_does_not_call_a_later_date_strange(synth: pd.DataFrame) -> None:
    """The same declarations a quarter later are hardly stranger: the detector measures the
    goods, price and trader profile, not the time since the engine was trained (days since a
    route was last seen or an importer first seen grow with the calendar, past anything in
    training). The history's time decay still moves them a little."""
    unlabeled = synth.assign(fraud=np.nan, critical=np.nan)
    scorer = IsolationForestScorer(seed=1).fit(unlabeled)
    rows = unlabeled.tail(300)
    dates = pd.to_datetime(rows["declaration_date"])
    later = rows.assign(declaration_date=dates + pd.Timedelta(days=90))
    now, then = scorer.score(rows), scorer.score(later)
    assert then.median() - now.median() < 0.1
    assert (then > 0.9).mean() < 0.2


def test_isolation_forest_keeps_its_own_inputs_when_the_list_changes(
    synth: pd.DataFrame, monkeypatch
) -> None:
    """An engine stored before ``ANOMALY_FEATURES`` lost two inputs still scores after an
    upgrade: the forest reads the inputs it was fitted on (the keys of its fill values), not
    today's list, which would hand its trees 16 columns where they split on 18."""
    from clearlane.risk import anomaly

    unlabeled = synth.assign(fraud=np.nan, critical=np.nan)
    older = (*anomaly.ANOMALY_FEATURES, "importer_tenure_days", "route_days_since")
    monkeypatch.setattr(anomaly, "ANOMALY_FEATURES", older)
    scorer = IsolationForestScorer(seed=1).fit(unlabeled)
    rows = unlabeled.tail(50)
    stored = scorer.score(rows)
    monkeypatch.undo()
    assert scorer.features == older
    assert np.allclose(scorer.score(rows), stored)
    assert np.allclose(scorer.score(rows.head(3)), stored.head(3))  # the flat forest too
