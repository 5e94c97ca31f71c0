"""Point-in-time features: no leakage, robustness, and the contract columns rules rely on."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clearlane.features import FeatureBuilder
from tests.factories import make_frame


def _pit(frame: pd.DataFrame) -> pd.DataFrame:
    return FeatureBuilder().fit_transform_point_in_time(frame)


def test_rows_before_cutoff_ignore_everything_after(synth: pd.DataFrame) -> None:
    cutoff = synth["declaration_date"].quantile(0.6)
    before = synth["declaration_date"] < cutoff
    reference = _pit(synth).loc[before]

    rng = np.random.default_rng(1)
    later = synth.loc[~before].copy()
    later["fraud"] = 1.0 - later["fraud"]  # flip every later label
    later["customs_value"] = later["customs_value"] * rng.uniform(0.1, 10, len(later))
    later["importer_id"] = "IMP000"
    altered = pd.concat([synth.loc[before], later]).sample(frac=1.0, random_state=3)
    truncated = synth.loc[before]

    for variant in (altered, truncated):
        got = _pit(variant).loc[reference.index, reference.columns]
        pd.testing.assert_frame_equal(got, reference, check_exact=False, rtol=1e-9)


def test_same_day_rows_do_not_see_each_others_labels() -> None:
    frame = make_frame(300, seed=2, days=30)
    day = frame["declaration_date"].iloc[150]
    today = frame.index[frame["declaration_date"] == day]
    flipped = frame.copy()
    flipped.loc[today, "fraud"] = 1.0 - flipped.loc[today, "fraud"]
    a, b = _pit(frame).loc[today], _pit(flipped).loc[today]
    pd.testing.assert_frame_equal(a, b)


def test_hit_rate_counts_only_earlier_controls() -> None:
    frame = make_frame(200, seed=4, days=20)
    frame["importer_id"] = "ONE"
    frame["fraud"] = 1.0
    feats = FeatureBuilder(prior_strength=0.0).fit_transform_point_in_time(frame)
    first_day = frame["declaration_date"] == frame["declaration_date"].min()
    assert feats.loc[first_day, "importer_log_ctrl"].eq(0).all()
    later = ~first_day
    earlier = frame["declaration_date"].rank(method="min") - 1  # rows on earlier days
    assert np.allclose(np.expm1(feats.loc[later, "importer_log_ctrl"]), earlier[later])
    assert feats.loc[later, "importer_rate"].eq(1.0).all()


def test_undervalued_items_get_low_price_ratio(synth: pd.DataFrame) -> None:
    feats = _pit(synth)
    late = synth["declaration_date"] > synth["declaration_date"].quantile(0.5)
    fraud = synth["fraud"] == 1
    ratio = feats["unit_price_ratio"]
    assert ratio[late & fraud].median() < 0.6 < ratio[late & ~fraud].median()
    assert feats.loc[late & fraud, "uv_z"].median() < -1.0


def test_unit_price_ratio_is_nan_without_reference() -> None:
    frame = make_frame(100, seed=5)
    b = FeatureBuilder().fit(frame)
    new = frame.head(3).copy()
    new["hs6"] = new["hs_code"] = "999999"
    new["hs4"], new["hs2"] = "9999", "99"
    new["declaration_date"] = pd.Timestamp("2030-01-01")
    feats = b.transform(new)
    assert feats["unit_price_ratio"].isna().all()
    assert feats["uv_z"].isna().all()


def test_transform_of_later_rows_equals_point_in_time(synth: pd.DataFrame) -> None:
    cutoff = synth["declaration_date"].quantile(0.7)
    past = synth[synth["declaration_date"] < cutoff]
    first_new_day = synth.loc[synth["declaration_date"] >= cutoff, "declaration_date"].min()
    new = synth[synth["declaration_date"] == first_new_day]
    via_fit = FeatureBuilder().fit(past).transform(new)
    via_pit = _pit(pd.concat([past, new])).loc[new.index]
    pd.testing.assert_frame_equal(via_fit, via_pit, check_exact=False, rtol=1e-9)


@pytest.mark.parametrize("drop", [["customs_value"], ["importer_id", "hs6", "hs_code"], []])
def test_missing_columns_and_unseen_values_never_crash(synth: pd.DataFrame, drop: list) -> None:
    b = FeatureBuilder().fit(synth)
    new = synth.head(5).drop(columns=drop).copy()
    if "importer_id" in new:
        new["importer_id"] = "NEVER-SEEN"
    new.loc[new.index[0], "net_mass_kg"] = np.nan
    new["declaration_date"] = pd.Timestamp("2030-01-01")
    feats = b.transform(new)
    assert list(feats.index) == list(new.index)
    assert set(b.feature_names) <= set(feats.columns)
    assert "net_mass_kg" in feats.loc[new.index[0], "missing_fields"].split(",")
    for column in drop:
        expected = "value" if column == "customs_value" else column
        if expected in ("hs_code",):
            continue
        assert feats["missing_fields"].str.contains(expected).all()
    if "importer_id" in new:
        assert feats["importer_is_new"].eq(1.0).all()
    assert feats["importer_rate"].notna().all()  # unseen importer falls back to the prior


def test_builder_without_any_labels(synth: pd.DataFrame) -> None:
    unlabeled = synth.assign(fraud=np.nan, critical=np.nan)
    feats = FeatureBuilder().fit_transform_point_in_time(unlabeled)
    assert feats["importer_rate"].isna().all()
    assert feats["uv_z"].notna().mean() > 0.5


def test_vocabulary_is_fixed_by_the_first_fit(synth: pd.DataFrame) -> None:
    """A refit (or a builder given the vocabulary) keeps the codes of the first fit."""
    early = synth.iloc[: len(synth) // 3]
    builder = FeatureBuilder().fit(early)
    vocabulary = {k: list(v) for k, v in (builder.vocabulary or {}).items()}
    assert vocabulary
    later = synth.copy()
    later["office"] = "OFFICE-X"  # would dominate a vocabulary fitted on this frame
    assert builder.fit(later).vocabulary == vocabulary
    other = FeatureBuilder(vocabulary=vocabulary).fit(later)
    x = other.transform(later)
    assert x["cat_office"].isna().all()  # unseen value -> missing, never a new code
    codes = FeatureBuilder(vocabulary=vocabulary).fit(synth).transform(early)
    np.testing.assert_array_equal(
        codes[other.categorical_names].to_numpy(),
        builder.transform(early)[builder.categorical_names].to_numpy(),
    )


def test_labels_count_from_completed_at_or_the_configured_lag() -> None:
    frame = make_frame(300, seed=4, days=40).sort_values("declaration_date")
    first = frame.index[0]
    importer = frame.loc[first, "importer_id"]
    frame.loc[frame["importer_id"] == importer, "fraud"] = np.nan
    frame.loc[first, "fraud"] = 1.0
    day0 = pd.Timestamp(frame.loc[first, "declaration_date"]).normalize()
    done = (day0 + pd.Timedelta(days=10, hours=15)).tz_localize("UTC")
    frame["completed_at"] = pd.Series(
        [done if i == first else pd.NaT for i in frame.index], index=frame.index, dtype=object
    )
    same = frame[(frame["importer_id"] == importer) & (frame.index != first)]
    days = pd.to_datetime(same["declaration_date"]).dt.normalize()
    cut = day0 + pd.Timedelta(days=10)
    early, late = same[days <= cut], same[days > cut]
    assert len(early) and len(late)

    def rate(builder: FeatureBuilder, rows: pd.DataFrame) -> np.ndarray:
        return builder.fit(frame).transform(rows)["importer_log_ctrl"].to_numpy()

    assert (rate(FeatureBuilder(), early) == 0).all()  # result not known yet
    assert (rate(FeatureBuilder(), late) > 0).all()
    # Without completed_at: known label_lag_days after the declaration day.
    no_time = frame.drop(columns="completed_at")
    lag = FeatureBuilder(label_lag_days=30).fit(no_time).transform(late)["importer_log_ctrl"]
    within = pd.to_datetime(late["declaration_date"]).dt.normalize() <= day0 + pd.Timedelta(days=30)
    assert (lag[within.to_numpy()] == 0).all()
    assert (lag[~within.to_numpy()] > 0).all()


def test_reuse_history_gives_the_same_tables_features_and_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fits on a date prefix inside ``reuse_history`` reuse the whole frame's running peer
    quantiles: every table, feature and engine score is the same number as a plain fit."""
    from clearlane.features import builder as builder_module
    from clearlane.features import reuse_history
    from clearlane.risk import train_engine

    frame = make_frame(1500, seed=3, days=120)
    dates = pd.to_datetime(frame["declaration_date"])
    prefix = frame[dates < dates.min() + pd.Timedelta(days=80)]
    later = frame[dates >= dates.min() + pd.Timedelta(days=80)]
    not_prefix = prefix.iloc[25:]  # misses the first rows: must be computed as usual
    plain = [FeatureBuilder().fit(part) for part in (prefix, not_prefix)]
    plain_engine = train_engine(prefix, seed=0)
    computed = builder_module._running_quantiles
    calls: list[int] = []

    def counting(keys: pd.Series, values: pd.Series) -> pd.DataFrame:
        calls.append(len(keys))
        return computed(keys, values)

    monkeypatch.setattr(builder_module, "_running_quantiles", counting)
    with reuse_history(frame):
        reused = [FeatureBuilder().fit(part) for part in (prefix, not_prefix)]
        reused_engine = train_engine(prefix, seed=0)
    peer = [t for name, t in plain[0].tables.items() if name.startswith("peer_") and len(t.table)]
    # Once over the whole frame per peer table, once more for the fit that is not a prefix;
    # the prefix fits (the builder's and the engine's) computed nothing.
    assert len(calls) == 2 * len(peer) > 0
    for a, b in zip(plain, reused, strict=True):
        assert a.tables.keys() == b.tables.keys()
        for name in a.tables:
            for part in ("table", "last"):
                pd.testing.assert_frame_equal(
                    getattr(a.tables[name], part), getattr(b.tables[name], part), check_exact=True
                )
        pd.testing.assert_frame_equal(a.transform(later), b.transform(later), check_exact=True)
        pd.testing.assert_frame_equal(a.transform(prefix), b.transform(prefix), check_exact=True)
    pd.testing.assert_series_equal(
        plain_engine.score(later), reused_engine.score(later), check_exact=True
    )


def test_column_texts_and_keys_match_the_cell_by_cell_definition() -> None:
    """The vectorised paths of text_values / join_keys (distinct values computed once) give
    exactly what text_of and "|".join give cell by cell."""
    from clearlane.features.columns import join_keys, text_of, text_values

    rng = np.random.default_rng(7)
    pool: list[object] = ["A1", " A1 ", "b", "", "   ", None, np.nan, "ü x", "IMP001", "|"]
    strings = pd.Series(rng.choice(np.array(pool, dtype=object), 5000), dtype=object)
    mixed = pd.Series(
        rng.choice(np.array([*pool, 7, 7.0, True, b" by "], dtype=object), 5000), dtype=object
    )
    for series in (strings, mixed, strings.head(10)):
        got = text_values(series)
        want = [text_of(v) for v in series.tolist()]
        assert len(got) == len(want)
        for g, w in zip(got.tolist(), want, strict=True):
            assert (g == w and type(g) is str) or (g != g and w != w), (g, w)
    parts = [text_values(strings), text_values(mixed), text_values(strings.iloc[::-1])]
    for chosen in (parts[:2], parts, [p[:20] for p in parts]):
        got = join_keys(chosen)
        for i, row in enumerate(zip(*chosen, strict=True)):
            if all(type(p) is str for p in row):
                assert got[i] == "|".join(row)
            else:
                assert got[i] != got[i]  # NaN


def test_text_values_of_a_string_column_match_pandas_strip_cell_by_cell() -> None:
    """Arrow-backed text columns (what the analysis frame holds) are stripped once per
    distinct value; every cell gets what pandas' strip/mask gives it, missing kinds included,
    and rows of one value share one str object."""
    from clearlane.features.columns import text_values

    rng = np.random.default_rng(3)
    pool = np.array(["A1", " A1 ", "b", "", "   ", None, "ü x", "x\u00a0", "IMP001"], dtype=object)
    series = pd.Series(rng.choice(pool, 3000)).astype("str")
    got = text_values(series)
    s = series.astype("string").str.strip()
    want = s.mask(s == "").astype(object).where(s.notna(), np.nan).tolist()
    assert len(got) == len(want)
    for g, w in zip(got.tolist(), want, strict=True):
        assert type(g) is type(w)
        assert g is pd.NA or (g != g and w != w) or g == w, (g, w)
    shared: dict[str, set[int]] = {}  # per original cell value, the str objects given
    for cell, g in zip(series.tolist(), got.tolist(), strict=True):
        if type(g) is str:
            shared.setdefault(cell, set()).add(id(g))
    assert shared and all(len(ids) == 1 for ids in shared.values())


def test_comparable_consignment_rates_are_continuous_in_the_value() -> None:
    """Soft bins: a +-0.1 % change of the declared value moves the comparable-consignment rates
    by a small share of their range, never a step, while near values still tell apart."""
    history = make_frame(200, seed=7, days=40)
    history["hs6"] = "851712"
    history["hs_code"] = "851712"
    cheap = np.arange(len(history)) % 2 == 0
    history["customs_value"] = np.where(cheap, 1000.0, 2000.0)
    history["fraud"] = np.where(cheap, 1.0, 0.0)
    history["critical"] = np.where(cheap, 1.0, 0.0)
    builder = FeatureBuilder(band_width=0.1).fit(history)
    later = history["declaration_date"].max() + pd.Timedelta(days=1)
    values = np.exp(np.linspace(np.log(800.0), np.log(2500.0), 400))
    query = pd.concat([history.iloc[[0]]] * len(values), ignore_index=True)
    query["declaration_date"] = later
    query["customs_value"] = values
    edited = query.assign(customs_value=values * 1.001)
    rate = builder.transform(query)["hs6_value_band_rate"].to_numpy()
    moved = builder.transform(edited)["hs6_value_band_rate"].to_numpy()
    crit = builder.transform(query)["hs6_value_band_crit_rate"].to_numpy()
    spread = rate.max() - rate.min()
    assert spread > 0.5  # the 1,000 consignments (all fraud) vs the 2,000 ones (none)
    # 0.001 log units on bins 0.1 wide: at most about 1 % of the gap between two bins.
    assert np.abs(moved - rate).max() < 0.02 * spread
    at_1000, at_2000 = np.argmin(np.abs(values - 1000)), np.argmin(np.abs(values - 2000))
    assert rate[at_1000] > 0.8 and rate[at_2000] < 0.2
    assert crit[at_1000] > crit[at_2000]
    hard = FeatureBuilder(band_width=0.1, band_mode="grid").fit(history)
    jumps = np.abs(
        hard.transform(edited)["hs6_value_band_rate"].to_numpy()
        - hard.transform(query)["hs6_value_band_rate"].to_numpy()
    )
    assert jumps.max() > 0.2 * spread  # the hard bands did step


def test_factorised_keys_of_a_batch_give_the_plain_keys_features(monkeypatch) -> None:
    """A large batch after the history looks each distinct key up once (FactorKeys); the
    features must be exactly those of the row-by-row keys, odd cells included."""
    import clearlane.features.builder as builder_module

    frame = make_frame(1500, seed=5, days=120)
    cut = frame["declaration_date"].quantile(0.8)
    builder = FeatureBuilder().fit(frame[frame["declaration_date"] < cut])
    new = frame[frame["declaration_date"] >= cut].copy()
    rows = new.index
    new.loc[rows[::5], "importer_id"] = "NEVER-SEEN"
    new.loc[rows[1::7], "hs6"] = None
    new.loc[rows[2::9], "origin_country"] = "  "
    new.loc[rows[3::11], "customs_value"] = np.nan
    new.loc[rows[4::13], "net_mass_kg"] = -1.0
    assert len(new) >= builder_module._FACTOR_ROWS
    factorised = builder.transform_matrix(new)
    monkeypatch.setattr(builder_module, "_FACTOR_ROWS", 10**9)
    plain = builder.transform_matrix(new)
    assert factorised.names == plain.names
    np.testing.assert_array_equal(factorised.values, plain.values)  # NaN where NaN
    assert factorised.missing.tolist() == plain.missing.tolist()


def _fitted_and_new(days_after: int) -> tuple[FeatureBuilder, pd.DataFrame]:
    """A builder fitted on the first 80 % of days, and one 4-item batch ``days_after`` days
    after the last day (0: on the history's own end, inside it for the as-of join)."""
    frame = make_frame(900, seed=7, days=90)
    cut = frame["declaration_date"].quantile(0.8)
    past = frame[frame["declaration_date"] < cut]
    builder = FeatureBuilder().fit(past)
    new = frame[frame["declaration_date"] >= cut].head(4).copy()
    new["declaration_date"] = past["declaration_date"].max() + pd.Timedelta(days=days_after)
    new.loc[new.index[0], "importer_id"] = "NEVER-SEEN"
    new.loc[new.index[1], "hs6"] = None
    return builder, new


def _joined_values_at(self, keys, dates, earliest=None, *, zero=False):
    """The reference lookup: every row through the as-of join, NaN as 0 afterwards."""
    from clearlane.features.history import FactorKeys

    full = keys.full() if isinstance(keys, FactorKeys) else keys
    got = self.lookup(pd.Series(full, dtype=object), pd.Series(dates)).to_numpy(dtype=float)
    return np.where(np.isnan(got), 0.0, got) if zero else got


@pytest.mark.parametrize("days_after", [0, 1, 30])
def test_a_transform_makes_each_column_sets_keys_once_and_its_first_date_once(
    monkeypatch, days_after: int
) -> None:
    """One declaration's transform reads some 30 tables: the keys of a column set (the
    importer's, the route's) are made once and the rows' first date is found once; the
    features are, to the bit, those of the as-of join read table by table."""
    import clearlane.features.builder as builder_module
    from clearlane.features.history import AsOfTable

    builder, new = _fitted_and_new(days_after)
    made: list[tuple[str, ...]] = []
    firsts: list[int] = []
    real_key_of, real_earliest = builder_module.key_of, builder_module._earliest

    def key_of(prep, columns):
        made.append(tuple(columns))
        return real_key_of(prep, columns)

    def earliest(dates):
        firsts.append(len(dates))
        return real_earliest(dates)

    monkeypatch.setattr(builder_module, "key_of", key_of)
    monkeypatch.setattr(builder_module, "_earliest", earliest)
    fast = builder.transform_matrix(new)
    assert made and len(made) == len(set(made)), "a column set's keys were made twice"
    assert len(firsts) == 1
    monkeypatch.setattr(AsOfTable, "values_at", _joined_values_at)
    joined = builder.transform_matrix(new)
    assert fast.names == joined.names
    np.testing.assert_array_equal(fast.values, joined.values)  # NaN where NaN


def test_a_zeroed_lookup_is_the_lookup_with_nan_as_zero() -> None:
    """``values_at(zero=True)`` (a snapshot of zeros kept beside the snapshot) is the plain
    lookup with NaN as 0, after the history, on its last day, and for undated rows."""
    from clearlane.features.builder import _earliest
    from clearlane.features.history import FactorKeys

    builder, new = _fitted_and_new(1)
    end = max(t.end for t in builder.tables.values() if t.end is not None)
    for dates in (
        np.array([end.to_datetime64() + np.timedelta64(1, "D")] * 3, dtype="M8[ns]"),
        np.array([end.to_datetime64()] * 3, dtype="M8[ns]"),
        np.array(["NaT"] * 3, dtype="M8[ns]"),
    ):
        for name, table in builder.tables.items():
            seen = table.last.index.tolist()[0] if len(table.last) else "x"
            keys = np.array([seen, np.nan, "NEVER-SEEN"], dtype=object)
            for form in (
                keys,
                FactorKeys(np.array([0, -1, 1]), np.array([keys[0], "NEVER-SEEN"], dtype=object)),
            ):
                plain = table.values_at(form, dates, _earliest(dates))
                zeroed = table.values_at(form, dates, _earliest(dates), zero=True)
                want = _joined_values_at(table, form, dates)
                np.testing.assert_array_equal(plain, want, err_msg=name)
                np.testing.assert_array_equal(
                    zeroed, np.where(np.isnan(want), 0.0, want), err_msg=name
                )


@pytest.mark.parametrize("days_after", [0, 1, 30])
def test_one_row_transforms_are_the_as_of_joins_and_leave_the_snapshots_alone(
    monkeypatch, days_after: int
) -> None:
    """An API submission is often one row: its lookups read the key's row of each snapshot
    without an index array, and compare dates as integer nanoseconds (#15, session 26). Each
    row alone (a key never seen, a missing HS6 among them) gets, to the bit, the features of
    the as-of join; a caller writing into a lookup's result does not change the snapshot."""
    from clearlane.features.history import AsOfTable

    builder, new = _fitted_and_new(days_after)
    new.loc[new.index[2], "declaration_date"] = pd.NaT  # undated: after the whole history
    fast = [builder.transform_matrix(new.iloc[[i]]) for i in range(len(new))]
    for table in builder.tables.values():
        if table._snapshot is not None and len(table.last):
            got = table.values_at(np.array([table.last.index[0]], dtype=object),
                                  np.array(["NaT"], dtype="M8[ns]"))  # fmt: skip
            got[:] = -1.0
            assert not (table._snapshot.values == -1.0).any()
    with monkeypatch.context() as patch:
        patch.setattr(AsOfTable, "values_at", _joined_values_at)
        joined = [builder.transform_matrix(new.iloc[[i]]) for i in range(len(new))]
    for one, want in zip(fast, joined, strict=True):
        assert one.names == want.names
        np.testing.assert_array_equal(one.values, want.values)  # NaN where NaN


def test_as_ns_orders_dates_as_datetime64_does() -> None:
    """The integer form of a transform's first date compares with a table's end as the
    datetime64 values do: NaT (undated) is never on or before an end."""
    from clearlane.features.history import as_ns

    end = np.datetime64("2026-03-01T00:00:00", "ns")
    for when in ("2026-02-28", "2026-03-01", "2026-03-01T00:00:00.000000001", "2026-03-02"):
        for unit in ("D", "s", "ns"):
            day = np.datetime64(when).astype(f"M8[{unit}]")
            assert (as_ns(day) <= as_ns(end)) == bool(day <= end), (when, unit)
    assert not as_ns(np.datetime64("NaT")) <= as_ns(end)
