"""Point-in-time features for targeting: unit values and their peer position, trader and route
history, tax at stake.

``FeatureBuilder.fit(history)`` stores as-of tables (see :mod:`clearlane.features.history`);
``transform(frame)`` looks every row up strictly before its own day, so the same call gives
honest features for the training rows themselves (``fit_transform_point_in_time``) and for new
declarations. Labels count only once known: a control result is taken as known ``label_lag_days``
after the declaration's day (0: from the next day on). High-cardinality identifiers (importer,
declarant, HS6...) enter only as counts and smoothed hit rates, so unseen values fall back to
the prior instead of to a memorised code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clearlane.features.columns import FrameColumns, join_keys
from clearlane.features.history import AsOfTable, FactorKeys, as_ns, make_key

# Peer levels for unit-value position, most specific first (back-off when peers are few).
PRICE_LEVELS: tuple[tuple[str, ...], ...] = (
    ("hs6", "origin_country"),
    ("hs6",),
    ("hs4",),
    ("hs2",),
)
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
# Entities whose past controls become smoothed hit rates (target encodings, point-in-time).
LABEL_ENTITIES: dict[str, tuple[str, ...]] = {
    "importer": ("importer_id",),
    "declarant": ("declarant_id",),
    "seller": ("seller_id",),
    "hs6": ("hs6",),
    "hs4": ("hs4",),
    "origin": ("origin_country",),
    "route": ("origin_country", "country_dispatch", "transport_mode"),
    "office": ("office",),
    "origin_office": ("origin_country", "office"),
    "importer_hs6": ("importer_id", "hs6"),
    "importer_hs4": ("importer_id", "hs4"),
    "declarant_hs2": ("declarant_id", "hs2"),
    "declarant_hs4": ("declarant_id", "hs4"),
}
# Entities whose recent record also enters as a time-decayed rate (half-life ``half_life_days``):
# a trader who cleaned up (or went bad) last quarter is not the one of three years ago.
DECAYED_ENTITIES = (
    "importer",
    "declarant",
    "route",
    "origin_office",
    "hs4",
    "importer_hs4",
    "declarant_hs4",
)
_EPOCH = np.datetime64("2020-01-01", "ns")
# Comparable consignments: control outcomes of earlier declarations of the same HS6 whose
# declared value, net mass or unit value lies close to the row's (log units). Read smoothly:
# the log measure is placed on a grid of bins ``band_width`` apart and every earlier outcome
# counts in its two nearest bins with linear (triangular) weights; a row reads its two nearest
# bins the same way. The rate is then a continuous, piecewise-linear function of the value:
# a gram or a unit of value moves it by about (0.001 / band_width) of the gap between two
# neighbouring bins, never a whole step, so no threshold that one gram crosses.
# Engines fitted before (two offset grids of hard bands) keep reading their tables.
BAND_ENTITIES: dict[str, str] = {
    "hs6_value_band": "log_value",
    "hs6_mass_band": "log_mass",
    "hs6_uv_band": "log_uv_kg",
}
_BAND_OFFSETS = (0.0, 0.5)
# "Repeat consignment" memory: outcomes of earlier declarations with the very same declared
# value, or the same HS6 and net mass. A real indicator (identical consignments, template
# invoices), but on the synthetic KCS data it is mostly memory of duplicated rows, so it can be
# switched off and evaluation always reports rows where it cannot help ("novel" rows).
REPEAT_ENTITIES: dict[str, tuple[str, ...]] = {
    "same_value": ("value",),
    "same_hs6_mass": ("hs6", "net_mass_kg"),
}
# Entities whose activity (not labels) gives counts, tenure and recency.
ACTIVITY_ENTITIES: dict[str, tuple[str, ...]] = {
    "importer": ("importer_id",),
    "declarant": ("declarant_id",),
    "seller": ("seller_id",),
    "hs6": ("hs6",),
    "route": ("origin_country", "country_dispatch", "transport_mode"),
}
# Inputs a row should have; absent ones are listed per row in ``missing_fields``.
CORE_FIELDS = (
    "declaration_date",
    "hs6",
    "origin_country",
    "importer_id",
    "declarant_id",
    "country_dispatch",
    "transport_mode",
    "net_mass_kg",
    "value",
    "duty_rate",
)
# Low-cardinality categoricals passed to models as codes (plus any attr_* column).
CATEGORICAL_CANDIDATES = ("office", "transport_mode", "declaration_type", "procedure", "incoterm")
_SCALE_FLOOR = 0.05  # log units: peers with identical prices must not give infinite z-scores
_Z_CLIP = 20.0
_GLOBAL = "_all"


_TEXT_INPUTS = (
    "origin_country",
    "country_dispatch",
    "transport_mode",
    "importer_id",
    "declarant_id",
    "seller_id",
    "office",
    "quantity_unit",
)
_DAY_NS = 86_400_000_000_000

Arrays = dict[str, np.ndarray]


def _str(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.Series(FrameColumns(frame).texts(column), index=frame.index, dtype=object)


def _low_clip(values: np.ndarray) -> np.ndarray:
    """``Series.clip(lower=0)``: negatives -> 0, NaN kept."""
    return np.where(values < 0, 0.0, values)


def _or_nan(values: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``Series.where(keep)``."""
    return np.where(keep, values, np.nan)


def _zero_nan(values: np.ndarray) -> np.ndarray:
    """``Series.fillna(0.0)``."""
    return np.where(np.isnan(values), 0.0, values)


def _numbers(texts: np.ndarray) -> np.ndarray:
    """``pd.to_numeric(texts, errors="coerce")`` as float64 (plain digits parsed directly)."""
    out = np.full(len(texts), np.nan)
    other: list[int] = []
    for i, text in enumerate(texts.tolist()):
        if type(text) is str:
            if text.isascii() and text.isdigit():
                out[i] = float(int(text))
            else:
                other.append(i)
    if other:
        parsed = pd.to_numeric(pd.Series(texts[other], dtype=object), errors="coerce")
        out[other] = parsed.astype(float).to_numpy()
    return out


def prepare_arrays(frame: pd.DataFrame | FrameColumns) -> Arrays:
    """The raw inputs every feature derives from, as plain arrays (see :func:`prepare`)."""
    cols = frame if isinstance(frame, FrameColumns) else FrameColumns(frame)
    _num, _text = cols.numbers, cols.texts
    out: Arrays = {"date": cols.days("declaration_date")}
    hs_code = _text("hs_code").tolist()
    for column, width in (("hs6", 6), ("hs4", 4), ("hs2", 2)):
        own = _text(column)
        own[:] = [
            o if type(o) is str else h[:width] if type(h) is str and len(h) >= width else np.nan
            for o, h in zip(own.tolist(), hs_code, strict=True)
        ]
        out[column] = own
    for column in _TEXT_INPUTS:
        out[column] = _text(column)
    with np.errstate(all="ignore"):
        value = _num("customs_value")
        rate = _num("exchange_rate")
        fallback = _num("item_value") * np.where(np.isnan(rate), 1.0, rate)
        out["value"] = np.where(value >= 0, value, fallback)
        out["net_mass_kg"] = _num("net_mass_kg")
        out["quantity"] = _num("quantity")
        out["duty_rate"] = _num("duty_rate")
        duty = _num("duty_at_stake")
        estimated = out["duty_rate"] / 100.0 * out["value"]
        stake = np.where(duty > 0, duty, estimated)
        out["duty_at_stake"] = np.where(np.isnan(stake), duty, stake)
        mass = _or_nan(out["net_mass_kg"], out["net_mass_kg"] > 0)
        qty = _or_nan(out["quantity"], out["quantity"] > 0)
        positive = _or_nan(out["value"], out["value"] > 0)
        out["log_uv_kg"] = np.log(positive / mass)
        out["log_uv_unit"] = np.log(positive / qty)
    out["fraud"] = _num("fraud")
    out["critical"] = _num("critical")
    return out


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """The raw inputs every feature derives from, tolerant of absent columns."""
    arrays = prepare_arrays(frame)
    return pd.DataFrame(
        {
            k: pd.Series(v, index=frame.index, dtype=object if v.dtype == object else v.dtype)
            for k, v in arrays.items()
        },
        index=frame.index,
    )


def _earliest(dates: np.ndarray) -> np.datetime64:
    """The first date (NaT when none is known)."""
    if len(dates) == 1:
        return dates[0]
    known = dates[~np.isnat(dates)]
    return known.min() if len(known) else np.datetime64("NaT")


def _missing_fields(prep: Mapping[str, np.ndarray]) -> np.ndarray:
    """Comma-separated list of the core inputs each row lacks (object array)."""
    n = len(prep["date"])
    out = np.full(n, "", dtype=object)
    if not n:
        return out
    flags = np.column_stack(
        [_absent(prep["date" if f == "declaration_date" else f]) for f in CORE_FIELDS]
    )
    if flags.any():
        names = np.array(CORE_FIELDS, dtype=object)
        out[:] = [",".join(names[row]) for row in flags]
    return out


def _absent(values: np.ndarray) -> np.ndarray:
    """Missing cells of a prepared column (text columns hold str or NaN)."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind == "M":
        return np.isnat(values)
    return np.array([type(v) is not str for v in values.tolist()], dtype=bool)


def key_of(prep: Mapping[str, np.ndarray], columns: Sequence[str]) -> np.ndarray:
    """:func:`make_key` on prepared arrays (text columns are already stripped)."""
    parts = []
    for column in columns:
        values = prep[column]
        if values.dtype != object:  # numbers as pandas' string dtype writes them
            values = np.array([np.nan if v != v else str(v) for v in values.tolist()], object)
        parts.append(values)
    return join_keys(parts)


# From this many rows on, the keys of a transform are factorised (see _KeyMaker).
_FACTOR_ROWS = 64


def _factor(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of a prepared column (-1 where missing) and the text of each distinct value as
    :func:`key_of` writes it."""
    codes, uniques = pd.factorize(values)
    if values.dtype == object:
        texts = np.asarray(uniques, dtype=object)
    else:  # numbers as pandas' string dtype writes them (see key_of)
        texts = np.array([str(v) for v in np.asarray(uniques).tolist()], dtype=object)
    return codes.astype(np.intp), texts


def _combine(parts: Sequence[tuple[np.ndarray, np.ndarray]]) -> FactorKeys:
    """Row keys from several factorised parts: one code per distinct combination present, and
    its text joined with "|" exactly as :func:`join_keys` joins the parts row by row."""
    codes, texts = parts[0]
    if len(parts) == 1:
        return FactorKeys(codes, texts)
    bad = codes < 0
    combined = codes.astype(np.int64)
    for part_codes, part_texts in parts[1:]:
        bad |= part_codes < 0
        combined = combined * max(len(part_texts), 1) + part_codes
        combined[bad] = 0
        combined = pd.factorize(combined)[0].astype(np.int64)  # renumber: no overflow
    ok = np.flatnonzero(~bad)
    out = np.full(len(codes), -1, dtype=np.intp)
    if not len(ok):
        return FactorKeys(out, np.empty(0, dtype=object))
    out[ok] = pd.factorize(combined[ok])[0]
    first = np.empty(int(out[ok].max()) + 1, dtype=np.intp)
    first[out[ok][::-1]] = ok[::-1]  # the first row of each distinct key
    uniques = join_keys([t[c[first]] for c, t in parts])
    return FactorKeys(out, np.asarray(uniques, dtype=object))


class _KeyMaker:
    """The keys of one large transform, factorised: each prepared column is factorised once
    and each key is joined once per distinct combination, not per row (the joined strings and
    their hash look-ups were a third of a batch's feature time)."""

    def __init__(self, prep: Mapping[str, np.ndarray]) -> None:
        self.prep = prep
        self._parts: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._keys: dict[tuple[str, ...], FactorKeys] = {}

    def part(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        if column not in self._parts:
            self._parts[column] = _factor(self.prep[column])
        return self._parts[column]

    def key(self, columns: Sequence[str]) -> FactorKeys:
        columns = tuple(columns)
        if columns not in self._keys:
            self._keys[columns] = _combine([self.part(c) for c in columns])
        return self._keys[columns]

    def band(self, bins: np.ndarray) -> FactorKeys:
        """HS6|bin keys (bins: float bin numbers, NaN where the measure is missing)."""
        codes, uniques = pd.factorize(bins)
        texts = np.array([f"{int(v)}" for v in np.asarray(uniques).tolist()], dtype=object)
        return _combine([self.part("hs6"), (codes.astype(np.intp), texts)])


@dataclass
class FeatureMatrix:
    """Features of a frame as one float matrix plus ``missing_fields`` (and, when computed
    from the frame, its prepared inputs ``prep`` and the column reader ``source``, which the
    engine reuses): the internal form of :meth:`FeatureBuilder.transform`, so that scoring
    can pick model inputs without going through a DataFrame."""

    index: pd.Index
    names: list[str]
    values: np.ndarray
    missing: np.ndarray
    prep: Arrays | None = None
    source: FrameColumns | None = None
    where: dict[str, int] = field(init=False, repr=False)
    # select() results by names: the fraud and critical-case models read the same columns.
    _selected: dict[tuple[str, ...], np.ndarray] = field(
        init=False, repr=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.where = {name: i for i, name in enumerate(self.names)}

    def __len__(self) -> int:
        return len(self.index)

    @classmethod
    def from_frame(cls, features: pd.DataFrame) -> FeatureMatrix:
        """Wrap the output of :meth:`FeatureBuilder.transform` (or any numeric frame)."""
        names = [
            str(c)
            for c in features.columns
            if c != "missing_fields" and pd.api.types.is_numeric_dtype(features[c])
        ]
        values = features[names].to_numpy(dtype=float)
        if "missing_fields" in features.columns:
            missing = features["missing_fields"].to_numpy(dtype=object)
        else:
            missing = np.full(len(features), "", dtype=object)
        return cls(features.index, names, values, missing)

    def column(self, name: str) -> np.ndarray:
        i = self.where.get(name)
        return self.values[:, i] if i is not None else np.full(len(self.index), np.nan)

    def select(self, names: Sequence[str]) -> np.ndarray:
        """C-ordered (rows, names) matrix; absent names are NaN columns (like ``reindex``).
        Computed once per list of names (read it, do not write it)."""
        key = tuple(names)
        got = self._selected.get(key)
        if got is not None:
            return got
        pos = [self.where.get(name, -1) for name in names]
        if min(pos, default=0) >= 0:
            # np.take gathers columns several times faster than fancy indexing (same values).
            out = np.ascontiguousarray(np.take(self.values, pos, axis=1))
        else:
            out = np.full((len(self.index), len(names)), np.nan)
            for j, i in enumerate(pos):
                if i >= 0:
                    out[:, j] = self.values[:, i]
        self._selected[key] = out
        return out

    def to_frame(self) -> pd.DataFrame:
        # No copy (pandas 3 copies an ndarray by default): the matrix is not written after it
        # is built, and a second copy of it is the largest allocation of training.
        result = pd.DataFrame(self.values, index=self.index, columns=self.names, copy=False)
        result["missing_fields"] = pd.Series(self.missing, index=self.index, dtype=object)
        return result


@dataclass
class FeatureBuilder:
    """Fit on history, transform any rows using only the history strictly before their day.

    ``prior_strength`` is the pseudo-count of the Beta prior behind every hit rate: an importer
    with few controls stays near the (point-in-time) overall rate until its record speaks.
    """

    min_peers: int = 5
    min_reference: int = 3
    prior_strength: float = 10.0
    label_lag_days: int = 0
    half_life_days: float = 180.0
    # Estimate each entity's prior pseudo-count from the history (one scalar per entity, fitted
    # on the whole window like a model weight; off: ``prior_strength`` for all, and features of
    # early rows are then strictly independent of later data).
    empirical_bayes: bool = False
    repeat_memory: bool = False
    # Chosen on KCS 2020 (train Jan-Sep / Jan-Jun, validate Oct-Dec / Jul-Sep): 0.025 beat 0.05
    # and 0.1 on all rows, novel rows and critical findings; 2021 was not looked at to pick it.
    band_width: float = 0.025
    # "soft": interpolated bins (continuous in the value); "grid": the earlier hard bands on two
    # offset grids (kept for engines pickled before, and for comparison).
    band_mode: str = "soft"
    max_categories: int = 64
    min_category_count: int = 20
    # Frozen vocabulary: category codes fixed once (by the first fit, or given) and reused by
    # every later fit, so a trained engine sees the same codes at training and at serving.
    vocabulary: dict[str, list[str]] | None = field(default=None, repr=False)
    # Fact columns (clearlane.features.facts: document, link, HS and network facts) passed to
    # the models as they are; fixed by the first fit, like the vocabulary.
    fact_columns: list[str] | None = field(default=None, repr=False)
    tables: dict[str, AsOfTable] = field(default_factory=dict, repr=False)
    categories: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # Per label entity, the Beta prior's pseudo-count estimated from the history (empirical
    # Bayes: how far entities' rates really spread beyond binomial noise).
    prior_strengths: dict[str, float] = field(default_factory=dict, repr=False)
    history_end: pd.Timestamp | None = None
    n_history: int = 0
    fitted: bool = False

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_code_lookups", None)  # rebuilt on first use
        return state

    def _code_lookup(self, column: str, cats: list[str]) -> dict[str, float]:
        """:func:`code_lookup` of a categorical's vocabulary, built once per vocabulary (a
        new list, as :meth:`fit` makes, gets a new one)."""
        cache: dict[str, tuple[list[str], dict[str, float]]]
        cache = self.__dict__.setdefault("_code_lookups", {})
        got = cache.get(column)
        if got is None or got[0] is not cats:
            got = cache[column] = (cats, code_lookup(cats))
        return got[1]

    # ---------------------------------------------------------------- fitting
    def fit(self, history: pd.DataFrame) -> FeatureBuilder:
        prep = prepare(history)
        order = prep["date"].sort_values(kind="stable").index
        prep = prep.loc[order]
        dates = prep["date"]
        tables: dict[str, AsOfTable] = {}
        # Peer unit-value quantiles per level (values are known when declared: no lag).
        for measure, extra in (("log_uv_kg", ()), ("log_uv_unit", ("quantity_unit",))):
            for level, cols in enumerate(PRICE_LEVELS):
                keys = make_key(prep, (*cols, *extra))
                tables[f"peer_{measure}_{level}"] = _quantile_table(
                    keys, dates, prep[measure], reuse=((*cols, *extra), measure)
                )
        # A label counts from the day its control result became known: completed_at when the
        # frame has it, else label_lag_days after the declaration's day (never before it).
        completed = history["completed_at"].loc[order] if "completed_at" in history else None
        known = self._known_dates(completed, dates)
        controlled = prep["fraud"].notna().astype(float)
        fraud = (prep["fraud"] == 1).astype(float)
        # Decay weights e^((t - epoch) / tau): scaled back at lookup by e^(-(t_row - epoch) / tau).
        tau = self._tau_days()
        weight = np.exp(((known - pd.Timestamp(_EPOCH)).dt.days.fillna(0.0) / tau).clip(-600, 600))
        labels = pd.DataFrame(
            {
                "n_ctrl": controlled,
                "n_fraud": fraud,
                "n_crit_ctrl": prep["critical"].notna().astype(float),
                "n_crit": (prep["critical"] == 1).astype(float),
                "d_ctrl": controlled * weight,
                "d_fraud": fraud * weight,
            },
            index=prep.index,
        )
        # Only rows with an event enter the label tables: the others add zeros to every sum,
        # and a key or day without events reads as 0 (``zero=True`` at lookup; the global
        # table's missing state gives the same NaN prior as its zero counts). At a million
        # training rows the tables of every row were about half of training's peak memory.
        events = (labels.to_numpy() != 0).any(axis=1)
        event_labels, event_known = labels[events], known[events]
        glob = pd.Series(_GLOBAL, index=event_labels.index, dtype=object)
        tables["label_global"] = AsOfTable.cumulative(glob, event_known, event_labels)
        self.prior_strengths = {}
        for name, cols in self._label_entities().items():
            keys = make_key(prep, cols)
            tables[f"label_{name}"] = AsOfTable.cumulative(keys[events], event_known, event_labels)
            if self.empirical_bayes:
                self.prior_strengths[name] = _prior_strength(
                    keys, controlled, fraud, fallback=self.prior_strength
                )
        for name, cols in ACTIVITY_ENTITIES.items():
            tables[f"act_{name}"] = _activity_table(make_key(prep, cols), dates)
        band_labels = labels[["n_ctrl", "n_fraud", "n_crit_ctrl", "n_crit"]]
        for name in BAND_ENTITIES:
            if self.band_mode == "soft":
                lower, upper, frac = self._soft_band(arrays_of(prep), name)
                weights = np.concatenate([1.0 - frac, frac])[:, None]
                counts = np.vstack([band_labels.to_numpy(), band_labels.to_numpy()]) * weights
                kept = (counts != 0).any(axis=1)  # as the label tables: rows with an event
                tables[f"sband_{name}"] = AsOfTable.cumulative(
                    pd.Series(np.concatenate([lower, upper])[kept], dtype=object),
                    pd.Series(np.concatenate([known.to_numpy(), known.to_numpy()])[kept]),
                    pd.DataFrame(
                        counts[kept], columns=band_labels.columns, index=pd.RangeIndex(kept.sum())
                    ),
                )
                continue
            for g, key in enumerate(self._band_keys(arrays_of(prep), name)):
                tables[f"band_{name}_{g}"] = AsOfTable.cumulative(
                    pd.Series(key, index=prep.index, dtype=object), known, labels
                )
        self.tables = tables
        # Importer habits: their past peer z-scores and unit values per HS6 (for sudden changes).
        arrays = {str(c): prep[c].to_numpy() for c in prep.columns}
        z = pd.Series(self._peer_features(arrays, "log_uv_kg")["z"], index=prep.index)
        has_z = z.notna().astype(float)
        imp = make_key(prep, ("importer_id",))
        tables["imp_z"] = AsOfTable.cumulative(
            imp, dates, pd.DataFrame({"n": has_z, "sum_z": z.fillna(0.0)}, index=prep.index)
        )
        imp_hs6 = make_key(prep, ("importer_id", "hs6"))
        uv = prep["log_uv_kg"]
        tables["imp_hs6_uv"] = AsOfTable.cumulative(
            imp_hs6,
            dates,
            pd.DataFrame({"n": uv.notna().astype(float), "sum": uv.fillna(0.0)}, index=prep.index),
        )
        if self.vocabulary is None:
            self.vocabulary = _fit_categories(
                history, max_categories=self.max_categories, min_count=self.min_category_count
            )
        self.categories = {k: list(v) for k, v in self.vocabulary.items()}
        if self.fact_columns is None:
            from clearlane.features.facts import fact_columns_in

            self.fact_columns = fact_columns_in(history)
        self.history_end = pd.Timestamp(dates.max()) if dates.notna().any() else None
        self.n_history = len(prep)
        self.fitted = True
        return self

    def _band_measure(self, prep: Mapping[str, np.ndarray], name: str) -> np.ndarray:
        """The log measure a comparable-consignment entity is binned on (NaN when absent)."""
        measure = BAND_ENTITIES[name]
        with np.errstate(all="ignore"):
            if measure == "log_value":
                return np.log(_or_nan(prep["value"], prep["value"] > 0))
            if measure == "log_mass":
                return np.log(_or_nan(prep["net_mass_kg"], prep["net_mass_kg"] > 0))
            return np.asarray(prep[measure], dtype=float)

    def _soft_band(
        self, prep: Mapping[str, np.ndarray], name: str, maker: _KeyMaker | None = None
    ) -> tuple[np.ndarray | FactorKeys, np.ndarray | FactorKeys, np.ndarray]:
        """HS6|bin keys of the two nearest bins and the weight of the upper one (0 where the
        measure is missing; the keys are then NaN)."""
        u = self._band_measure(prep, name) / self.band_width
        low = np.floor(u)
        frac = np.where(np.isnan(u), 0.0, u - low)
        if maker is not None:
            return maker.band(low), maker.band(low + 1), frac
        hs6 = np.asarray(prep["hs6"], dtype=object)
        keys = []
        for b in (low, low + 1):
            text = np.array([np.nan if v != v else f"{int(v)}" for v in b.tolist()], dtype=object)
            keys.append(join_keys([hs6, text]))
        return keys[0], keys[1], frac

    def _band_keys(self, prep: Mapping[str, np.ndarray], name: str) -> list[np.ndarray]:
        """HS6|band keys of one comparable-consignment entity, one array per grid."""
        x = self._band_measure(prep, name)
        out = []
        for offset in _BAND_OFFSETS:
            band = np.floor(x / self.band_width + offset)
            text = np.array(
                [np.nan if b != b else f"{int(b)}" for b in band.tolist()], dtype=object
            )
            out.append(join_keys([np.asarray(prep["hs6"], dtype=object), text]))
        return out

    def _tau_days(self) -> float:
        return max(float(self.half_life_days), 1.0) / np.log(2.0)

    def _known_dates(self, completed: pd.Series | None, dates: pd.Series) -> pd.Series:
        """Day each row's control result became known (see :meth:`fit`)."""
        lagged = dates + pd.Timedelta(days=self.label_lag_days)
        if completed is None or completed.isna().all():
            return lagged
        done = pd.to_datetime(completed, errors="coerce", utc=True)
        done = done.dt.tz_convert(None).dt.normalize().astype("datetime64[ns]")
        done.index = dates.index
        return done.where(done.notna(), lagged).where(lambda d: d >= dates, dates)

    def _label_entities(self) -> dict[str, tuple[str, ...]]:
        return {**LABEL_ENTITIES, **(REPEAT_ENTITIES if self.repeat_memory else {})}

    def fit_transform_point_in_time(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Each row's features from rows of strictly earlier days only (for training)."""
        return self.fit(frame).transform(frame)

    # ---------------------------------------------------------------- features
    @property
    def soft_bands(self) -> bool:
        """Whether comparable consignments are read on soft bins (builders pickled before them
        hold hard-band tables, and have no critical rates there)."""
        return self.band_mode == "soft" and not any(t.startswith("band_") for t in self.tables)

    @property
    def categorical_names(self) -> list[str]:
        return [f"cat_{c}" for c in self.categories]

    @property
    def feature_names(self) -> list[str]:
        """Model inputs (numeric columns of :meth:`transform`, categorical codes last)."""
        names = [
            "log_value",
            "log_mass",
            "log_uv_kg",
            "log_uv_unit",
            "duty_rate",
            "log_duty_at_stake",
            "hs_chapter",
            "uv_z",
            "uv_pct",
            "peer_level",
            "peer_log_n",
            "unit_price_ratio",
            "log_unit_price_ratio",
            "uv_unit_z",
            "imp_mean_z",
            "imp_z_change",
            "imp_hs6_uv_change",
            "global_rate",
        ]
        names += ["uv_below_band", "uv_above_band"]
        soft = self.soft_bands
        for name in BAND_ENTITIES if getattr(self, "band_width", 0) else ():
            names += [f"{name}_log_ctrl", f"{name}_rate"]
            if soft:
                names.append(f"{name}_crit_rate")
        for name in self._label_entities():
            names += [f"{name}_log_ctrl", f"{name}_rate", f"{name}_crit_rate"]
            if name in DECAYED_ENTITIES:
                names.append(f"{name}_recent_rate")
        for name in ACTIVITY_ENTITIES:
            names += [f"{name}_log_n", f"{name}_tenure_days", f"{name}_days_since"]
            if name in ("importer", "declarant", "seller"):
                names.append(f"{name}_is_new")
        names += getattr(self, "fact_columns", None) or []
        return [*names, *self.categorical_names]

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Feature columns for ``frame`` (same index) plus ``missing_fields``."""
        return self.transform_matrix(frame).to_frame()

    def transform_matrix(self, frame: pd.DataFrame | FrameColumns) -> FeatureMatrix:
        """:meth:`transform` as a :class:`FeatureMatrix` (columns as in :meth:`transform`);
        ``frame`` may be given as its columns (:class:`FrameColumns`).

        Rows dated after a table's history read its final state from a snapshot of plain
        arrays, the others go through the as-of join; the arithmetic is the same for both.
        """
        if not self.fitted:
            raise RuntimeError("FeatureBuilder.transform before fit")
        source = frame if isinstance(frame, FrameColumns) else FrameColumns(frame)
        prep = prepare_arrays(source)
        dates = prep["date"]
        n_rows = len(dates)
        # Factorised keys pay on the snapshot path (rows after the history: new declarations);
        # rows within it (backtests) keep plain keys for the as-of join.
        first = _earliest(dates) if n_rows else np.datetime64("NaT")
        # The same first date as integer nanoseconds, converted once for the some 30 lookups
        # below (a datetime64 comparison in each cost about 2.5 µs, #15).
        first_ns = as_ns(first)
        after = self.history_end is None or np.isnat(first) or first > self.history_end
        maker = _KeyMaker(prep) if n_rows >= _FACTOR_ROWS and after else None

        made: dict[tuple[str, ...], np.ndarray | FactorKeys] = {}

        def keys(columns: Sequence[str]) -> np.ndarray | FactorKeys:
            # Each column set's keys made once a transform (several tables share one: the
            # importer's, the route's); a lookup only reads them.
            held = made.get(tuple(columns))
            if held is None:
                held = maker.key(columns) if maker is not None else key_of(prep, columns)
                made[tuple(columns)] = held
            return held

        out: dict[str, np.ndarray] = {}
        with np.errstate(all="ignore"):
            out["log_value"] = np.log1p(_low_clip(prep["value"]))
            out["log_mass"] = np.log1p(_low_clip(prep["net_mass_kg"]))
            out["log_uv_kg"] = prep["log_uv_kg"]
            out["log_uv_unit"] = prep["log_uv_unit"]
            out["duty_rate"] = prep["duty_rate"]
            out["log_duty_at_stake"] = np.log1p(_low_clip(prep["duty_at_stake"]))
            out["hs_chapter"] = _numbers(prep["hs2"])
            peer = self._peer_features(prep, "log_uv_kg", keys, first_ns)
            out["uv_z"], out["uv_pct"] = peer["z"], peer["pct"]
            out["peer_level"], out["peer_log_n"] = peer["level"], np.log1p(peer["n"])
            out["unit_price_ratio"] = peer["ratio"]
            out["log_unit_price_ratio"] = np.log(peer["ratio"])
            out["uv_unit_z"] = self._peer_features(prep, "log_uv_unit", keys, first_ns)["z"]
            # Distance (log units) outside the peers' 5-95 % band: 0 anywhere inside it, so the
            # usual spread of honest prices does not move the score.
            out["uv_below_band"] = np.maximum(peer["q05"] - prep["log_uv_kg"], 0.0)
            out["uv_above_band"] = np.maximum(prep["log_uv_kg"] - peer["q95"], 0.0)
            iz = self._lookup("imp_z", keys(("importer_id",)), dates, earliest=first_ns)
            out["imp_mean_z"] = iz["sum_z"] / _or_nan(iz["n"], iz["n"] > 0)
            out["imp_z_change"] = peer["z"] - out["imp_mean_z"]
            ih = self._lookup("imp_hs6_uv", keys(("importer_id", "hs6")), dates, earliest=first_ns)
            out["imp_hs6_uv_change"] = prep["log_uv_kg"] - ih["sum"] / _or_nan(ih["n"], ih["n"] > 0)
            everyone: np.ndarray | FactorKeys = np.full(n_rows, _GLOBAL, dtype=object)
            if maker is not None:
                everyone = FactorKeys(np.zeros(n_rows, dtype=np.intp), np.array([_GLOBAL], object))
            glob = self._lookup("label_global", everyone, dates, earliest=first_ns)
            prior = glob["n_fraud"] / _or_nan(glob["n_ctrl"], glob["n_ctrl"] > 0)
            crit_prior = glob["n_crit"] / _or_nan(glob["n_crit_ctrl"], glob["n_crit_ctrl"] > 0)
            out["global_rate"] = prior
            undated = np.isnat(dates)
            days = _or_nan((dates.view("int64") // _DAY_NS).astype(float), ~undated)
            # Decay factor back to each row's day (undated rows: the day after the history).
            end = self.history_end
            end_day = float(end.value // _DAY_NS) + 1.0 if end is not None else 0.0
            epoch_day = float(_EPOCH.astype("int64") // _DAY_NS)
            age = np.where(undated, end_day, days) - epoch_day
            scale = np.exp(-np.clip(age / self._tau_days(), -600, 600))
            strengths = getattr(self, "prior_strengths", {}) or {}
            for name, cols in self._label_entities().items():
                got = self._lookup(f"label_{name}", keys(cols), dates, zero=True, earliest=first_ns)
                m = strengths.get(name, self.prior_strength)
                out[f"{name}_log_ctrl"] = np.log1p(got["n_ctrl"])
                out[f"{name}_rate"] = (got["n_fraud"] + m * prior) / (got["n_ctrl"] + m)
                if name in DECAYED_ENTITIES and "d_ctrl" in got:
                    d_ctrl, d_fraud = got["d_ctrl"] * scale, got["d_fraud"] * scale
                    out[f"{name}_recent_rate"] = (d_fraud + m * prior) / (d_ctrl + m)
                out[f"{name}_crit_rate"] = (got["n_crit"] + m * crit_prior) / (
                    got["n_crit_ctrl"] + m
                )
            for band in BAND_ENTITIES:
                if f"sband_{band}" not in self.tables:
                    continue
                m = self.prior_strength
                lower, upper, frac = self._soft_band(prep, band, maker)
                lo = self._lookup(f"sband_{band}", lower, dates, zero=True, earliest=first_ns)
                hi = self._lookup(f"sband_{band}", upper, dates, zero=True, earliest=first_ns)
                parts = {}
                for name, got in (("lo", lo), ("hi", hi)):
                    parts[name] = (
                        got["n_ctrl"],
                        (got["n_fraud"] + m * prior) / (got["n_ctrl"] + m),
                        (got["n_crit"] + m * crit_prior) / (got["n_crit_ctrl"] + m),
                    )
                mix = [(1.0 - frac) * a + frac * b for a, b in zip(*parts.values(), strict=True)]
                out[f"{band}_log_ctrl"] = np.log1p(mix[0])
                out[f"{band}_rate"] = mix[1]
                out[f"{band}_crit_rate"] = mix[2]
            bands = [b for b in BAND_ENTITIES if f"band_{b}_0" in self.tables]
            grids = len(_BAND_OFFSETS)
            for band in bands:
                m = self.prior_strength
                n_ctrl, rate = np.zeros(n_rows), np.zeros(n_rows)
                for g, key in enumerate(self._band_keys(prep, band)):
                    got = self._lookup(f"band_{band}_{g}", key, dates, zero=True, earliest=first_ns)
                    n_ctrl += got["n_ctrl"] / grids
                    rate += (got["n_fraud"] + m * prior) / (got["n_ctrl"] + m) / grids
                out[f"{band}_log_ctrl"] = np.log1p(n_ctrl)
                out[f"{band}_rate"] = rate
            for name, cols in ACTIVITY_ENTITIES.items():
                act = self._lookup(f"act_{name}", keys(cols), dates, earliest=first_ns)
                n = _zero_nan(act["n"])
                seen = n > 0
                out[f"{name}_log_n"] = np.log1p(n)
                out[f"{name}_tenure_days"] = _or_nan(days - act["first"], seen)
                out[f"{name}_days_since"] = _or_nan(days - act["last"], seen)
                if name in ("importer", "declarant", "seller"):
                    out[f"{name}_is_new"] = (n == 0).astype(float)
                if name == "importer":
                    # Raw count for rule profiles (analysts write "fewer than 3 declarations").
                    out["importer_prior_declarations"] = n
        for name in getattr(self, "fact_columns", None) or ():
            out[name] = source.numbers(name)  # NaN where the declaration has no such fact
        for column, cats in self.categories.items():
            texts = prep[column] if column in _TEXT_INPUTS else source.texts(column)
            out[f"cat_{column}"] = category_codes(cats, texts, self._code_lookup(column, cats))
        names = list(out)
        # Filled column by column, each column dropped once copied: stacking the columns and
        # converting the stack held three copies of the matrix at once (gigabytes at a
        # million training rows); this holds little more than one.
        values = np.empty((n_rows, len(names)))
        for j, name in enumerate(names):
            values[:, j] = out.pop(name)
        values[np.isinf(values)] = np.nan
        return FeatureMatrix(source.index, names, values, _missing_fields(prep), prep, source)

    def _lookup(
        self,
        table: str,
        keys: np.ndarray | FactorKeys,
        dates: np.ndarray,
        *,
        zero: bool = False,
        earliest: float | None = None,
    ) -> dict[str, np.ndarray]:
        """One as-of table's state per row (see :meth:`AsOfTable.values_at`), by column;
        ``zero``: NaN (never seen) as 0; ``earliest``: :func:`_earliest` of ``dates`` as
        :func:`~clearlane.features.history.as_ns` gives it, when the caller has it (a
        transform reads some 30 tables with the same dates)."""
        got = self.tables[table]
        first = as_ns(_earliest(dates)) if earliest is None else earliest
        values = got.values_at(keys, dates, first, zero=zero)
        return {name: values[:, j] for j, name in enumerate(got.columns)}

    def _peer_features(
        self,
        prep: Mapping[str, np.ndarray],
        measure: str,
        keys: Callable[[Sequence[str]], np.ndarray | FactorKeys] | None = None,
        earliest: float | None = None,
    ) -> Arrays:
        """Robust z-score and percentile against the most specific peer group with enough
        rows; ``ratio`` is the value against the HS6 x origin median alone (no back-off)."""
        x = prep[measure]
        dates = prep["date"]
        extra = ("quantity_unit",) if measure == "log_uv_unit" else ()
        quantiles = ("n", "q05", "q25", "q50", "q75", "q95")
        chosen = {c: np.full(len(x), np.nan) for c in quantiles}
        level = np.full(len(x), np.nan)
        ratio = np.full(len(x), np.nan)
        todo = ~np.isnan(x)
        with np.errstate(all="ignore"):
            for lvl, cols in enumerate(PRICE_LEVELS):
                if not todo.any() and lvl > 0:
                    break
                key = (keys or (lambda c: key_of(prep, c)))((*cols, *extra))
                got = self._lookup(f"peer_{measure}_{lvl}", key, dates, earliest=earliest)
                n = _zero_nan(got["n"])
                if lvl == 0:
                    ok_ref = n >= self.min_reference
                    ratio = np.where(ok_ref, np.exp(x - got["q50"]), np.nan)
                take = todo & (n >= self.min_peers)
                if take.any():
                    for c in quantiles:
                        chosen[c][take] = got[c][take]
                    level[take] = lvl
                    todo = todo & ~take
            scale = np.maximum((chosen["q75"] - chosen["q25"]) / 1.349, _SCALE_FLOOR)
            z = np.clip((x - chosen["q50"]) / scale, -_Z_CLIP, _Z_CLIP)
            pct = _piecewise_percentile(x, chosen)
        return {
            "z": z,
            "pct": pct,
            "level": _or_nan(
                np.where(np.isnan(level), float(len(PRICE_LEVELS)), level), ~np.isnan(x)
            ),
            "n": _zero_nan(chosen["n"]),
            "ratio": ratio,
            "q05": chosen["q05"],
            "q95": chosen["q95"],
        }


def arrays_of(prep: pd.DataFrame) -> Arrays:
    """A prepared frame (:func:`prepare`) as plain arrays."""
    return {str(c): prep[c].to_numpy() for c in prep.columns}


def _prior_strength(
    keys: pd.Series, controlled: pd.Series, fraud: pd.Series, *, fallback: float
) -> float:
    """Empirical-Bayes pseudo-count of the Beta prior for one entity's hit rates (method of
    moments): the spread of the entities' rates beyond what binomial noise explains. Entities
    that truly differ get a weak prior (their record speaks soon), alike ones a strong one."""
    ok = keys.notna() & (controlled > 0)
    if ok.sum() < 50:
        return fallback
    grouped = pd.DataFrame({"k": keys[ok].values, "y": fraud[ok].values}).groupby("k")["y"]
    n, hits = grouped.size().to_numpy(float), grouped.sum().to_numpy(float)
    keep = n >= 3
    if keep.sum() < 10:
        return fallback
    n, rate = n[keep], hits[keep] / n[keep]
    p = float(hits[keep].sum() / n.sum())
    if not 0 < p < 1:
        return fallback
    between = float(np.var(rate)) - p * (1 - p) * float(np.mean(1.0 / n))
    if between <= 0:
        return 500.0  # no spread beyond noise: rates stay at the prior
    return float(np.clip(p * (1 - p) / between - 1.0, 1.0, 500.0))


def _piecewise_percentile(x: np.ndarray, q: dict[str, np.ndarray]) -> np.ndarray:
    """Position of x in its peers, interpolated between the stored quantiles (0.05..0.95)."""
    knots = [("q05", 0.05), ("q25", 0.25), ("q50", 0.5), ("q75", 0.75), ("q95", 0.95)]
    pct = np.full(x.shape, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        pct = np.where(x <= q["q05"], 0.05 * (x == q["q05"]) + 0.025 * (x < q["q05"]), pct)
        for (lo, plo), (hi, phi) in zip(knots[:-1], knots[1:], strict=True):
            width = q[hi] - q[lo]
            frac = np.where(width > 0, (x - q[lo]) / np.where(width > 0, width, 1.0), 0.5)
            inside = (x > q[lo]) & (x <= q[hi])
            pct = np.where(inside, plo + frac * (phi - plo), pct)
        pct = np.where(x > q["q95"], 0.975, pct)
    return np.where(np.isnan(q["q50"]) | np.isnan(x), np.nan, pct)


def _quantile_table(
    keys: pd.Series,
    dates: pd.Series,
    values: pd.Series,
    *,
    reuse: tuple[tuple[str, ...], str] | None = None,
) -> AsOfTable:
    """Running quantiles of a measure per key, in date order (expanding, vectorised).

    ``reuse`` names the key columns and the measure, so that inside :func:`reuse_history` the
    running values come from the frame given there when these rows are its first ones.
    """
    ok = keys.notna() & values.notna() & dates.notna()
    columns = ["n", "q05", "q25", "q50", "q75", "q95"]
    if not ok.any():
        return AsOfTable.empty(columns)
    cache = _REUSE.get()
    running = None
    if cache is not None and reuse is not None:
        running = cache.running_prefix(reuse, keys[ok], values[ok])
    if running is None:
        running = _running_quantiles(keys[ok], values[ok])
    return AsOfTable.from_running(keys[ok], dates[ok], running)


def _running_quantiles(keys: pd.Series, values: pd.Series) -> pd.DataFrame:
    """Per row (in the given order), count and quantiles of its key's values up to that row."""
    columns = ["n", "q05", "q25", "q50", "q75", "q95"]
    from clearlane.features.quantiles import running_quantiles  # numba: only when fitting

    codes, _ = pd.factorize(keys, sort=False)
    running = pd.DataFrame(index=keys.index)
    running["n"] = pd.Series(codes, index=keys.index).groupby(codes).cumcount() + 1.0
    # pandas' groupby(...).expanding().quantile(q), the five at once (one pass, same numbers).
    table = running_quantiles(codes, values.to_numpy(dtype=float), QUANTILES)
    for j, name in enumerate(columns[1:]):
        running[name] = table[:, j]
    return running


class _RunningQuantiles:
    """Running peer quantiles of one frame, computed once per (key columns, measure).

    A row's running quantile depends only on the rows before it in date order, so a fit on a
    date prefix of the frame (every row before some day: a backtest's training window) gets
    exactly the numbers the whole frame gives its first rows. :meth:`running_prefix` checks
    that the rows really are that prefix (same keys and values, in the same order) and answers
    None otherwise, so the caller computes them as usual.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self._prep: pd.DataFrame | None = None
        self._done: dict[tuple[tuple[str, ...], str], tuple[np.ndarray, np.ndarray, pd.DataFrame]]
        self._done = {}

    def running_prefix(
        self, reuse: tuple[tuple[str, ...], str], keys: pd.Series, values: pd.Series
    ) -> pd.DataFrame | None:
        if reuse not in self._done:
            if self._prep is None:
                prep = prepare(self.frame)
                self._prep = prep.loc[prep["date"].sort_values(kind="stable").index]
            prep = self._prep
            cols, measure = reuse
            full_keys = make_key(prep, cols)
            ok = full_keys.notna() & prep[measure].notna() & prep["date"].notna()
            self._done[reuse] = (
                full_keys[ok].to_numpy(dtype=object),
                prep[measure][ok].to_numpy(dtype=float),
                _running_quantiles(full_keys[ok], prep[measure][ok]),
            )
        all_keys, all_values, running = self._done[reuse]
        m = len(keys)
        if m > len(all_keys):
            return None
        if not np.array_equal(values.to_numpy(dtype=float), all_values[:m]):
            return None
        if not (keys.to_numpy(dtype=object) == all_keys[:m]).all():
            return None
        return pd.DataFrame(running.to_numpy()[:m], index=keys.index, columns=running.columns)


_REUSE: ContextVar[_RunningQuantiles | None] = ContextVar("clearlane_reuse", default=None)


@contextmanager
def reuse_history(frame: pd.DataFrame) -> Iterator[None]:
    """Inside the block, feature fits on a date prefix of ``frame`` (all its rows before some
    day, as each window of a rolling backtest trains) reuse the running peer quantiles computed
    once over ``frame`` instead of recomputing them: the same numbers, computed once. Fits on
    anything else are computed as usual."""
    current = _REUSE.get()
    if current is not None and current.frame is frame:
        yield
        return
    token = _REUSE.set(_RunningQuantiles(frame))
    try:
        yield
    finally:
        _REUSE.reset(token)


def _activity_table(keys: pd.Series, dates: pd.Series) -> AsOfTable:
    """Running count, first and last day seen per key."""
    ok = keys.notna() & dates.notna()
    if not ok.any():
        return AsOfTable.empty(["n", "first", "last"])
    k = keys[ok]
    days = (dates[ok].astype("int64") // 86_400_000_000_000).astype(float)
    df = pd.DataFrame({"k": k.values, "d": days.values}, index=k.index)
    grouped = df.groupby("k", sort=False)["d"]
    running = pd.DataFrame(
        {"n": grouped.cumcount() + 1.0, "first": grouped.cummin(), "last": grouped.cummax()},
        index=df.index,
    )
    return AsOfTable.from_running(k, dates[ok], running)


def code_lookup(cats: Sequence[str]) -> dict[str, float]:
    """Vocabulary value -> its position (as float), for :func:`category_codes`; build it
    once per vocabulary and pass it on every call."""
    return {c: float(i) for i, c in enumerate(cats)}


def category_codes(
    cats: Sequence[str], texts: np.ndarray, lookup: Mapping[str, float] | None = None
) -> np.ndarray:
    """Position of each text in the frozen vocabulary ``cats`` as float (NaN when absent):
    a dictionary per cell for a few rows, one hash look-up over the column for many.
    ``lookup``: :func:`code_lookup` of ``cats`` when the caller keeps one (a vocabulary of
    thousands of values costs more to index than one declaration costs to score)."""
    if len(texts) < 64:
        if lookup is None:
            lookup = code_lookup(cats)
        get = lookup.get
        return np.array([get(v, np.nan) for v in texts.tolist()], dtype=float)
    codes = pd.Index(list(cats), dtype=object).get_indexer(pd.Index(texts, dtype=object))
    return np.where(codes >= 0, codes, np.nan).astype(float)


def _fit_categories(
    history: pd.DataFrame, *, max_categories: int, min_count: int
) -> dict[str, list[str]]:
    """Low-cardinality categorical columns worth a code; rare values share the NaN code."""
    names: Sequence[str] = [
        *CATEGORICAL_CANDIDATES,
        *sorted(c for c in history.columns if str(c).startswith("attr_")),
    ]
    out: dict[str, list[str]] = {}
    for column in names:
        if column not in history.columns:
            continue
        counts = _str(history, column).value_counts()
        kept = counts[counts >= min_count]
        if 1 < len(kept) <= max_categories:
            out[column] = sorted(str(v) for v in kept.index)
    return out
