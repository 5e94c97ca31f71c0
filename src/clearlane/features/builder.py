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

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from clearlane.features.history import AsOfTable, day, make_key

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
    "importer_hs6": ("importer_id", "hs6"),
    "declarant_hs2": ("declarant_id", "hs2"),
}
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


def _num(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[column], errors="coerce").astype(float)


def _str(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype=object)
    s = frame[column].astype("string").str.strip()
    return s.mask(s == "").astype(object).where(s.notna(), np.nan)


def prepare(frame: pd.DataFrame) -> pd.DataFrame:
    """The raw inputs every feature derives from, tolerant of absent columns."""
    out = pd.DataFrame(index=frame.index)
    out["date"] = day(frame["declaration_date"]) if "declaration_date" in frame else pd.NaT
    out["date"] = out["date"].astype("datetime64[ns]")
    hs_code = _str(frame, "hs_code")
    for column, width in (("hs6", 6), ("hs4", 4), ("hs2", 2)):
        own = _str(frame, column)
        derived = hs_code.str[:width].where(hs_code.str.len() >= width)
        out[column] = own.where(own.notna(), derived)
    for column in (
        "origin_country",
        "country_dispatch",
        "transport_mode",
        "importer_id",
        "declarant_id",
        "seller_id",
        "office",
        "quantity_unit",
    ):
        out[column] = _str(frame, column)
    value = _num(frame, "customs_value")
    fallback = _num(frame, "item_value") * _num(frame, "exchange_rate").fillna(1.0)
    out["value"] = value.where(value.notna() & (value >= 0), fallback)
    out["net_mass_kg"] = _num(frame, "net_mass_kg")
    out["quantity"] = _num(frame, "quantity")
    out["duty_rate"] = _num(frame, "duty_rate")
    duty = _num(frame, "duty_at_stake")
    estimated = out["duty_rate"] / 100.0 * out["value"]
    out["duty_at_stake"] = duty.where(duty.notna() & (duty > 0), estimated).fillna(duty)
    mass = out["net_mass_kg"].where(out["net_mass_kg"] > 0)
    qty = out["quantity"].where(out["quantity"] > 0)
    positive = out["value"].where(out["value"] > 0)
    out["log_uv_kg"] = np.log(positive / mass)
    out["log_uv_unit"] = np.log(positive / qty)
    out["fraud"] = _num(frame, "fraud")
    out["critical"] = _num(frame, "critical")
    return out


def _missing_fields(raw: pd.DataFrame, prep: pd.DataFrame) -> pd.Series:
    """Comma-separated list of the core inputs each row lacks."""
    flags = pd.DataFrame(index=prep.index)
    for name in CORE_FIELDS:
        column = "date" if name == "declaration_date" else name
        flags[name] = prep[column].isna()
    if not len(flags):
        return pd.Series([], index=prep.index, dtype=object)
    names = np.array(CORE_FIELDS, dtype=object)
    matrix = flags.to_numpy()
    joined = [",".join(names[row]) for row in matrix] if matrix.any() else None
    if joined is None:
        return pd.Series("", index=prep.index, dtype=object)
    return pd.Series(joined, index=prep.index, dtype=object)


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
    repeat_memory: bool = True
    max_categories: int = 64
    min_category_count: int = 20
    tables: dict[str, AsOfTable] = field(default_factory=dict, repr=False)
    categories: dict[str, list[str]] = field(default_factory=dict, repr=False)
    history_end: pd.Timestamp | None = None
    n_history: int = 0
    fitted: bool = False

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
                tables[f"peer_{measure}_{level}"] = _quantile_table(keys, dates, prep[measure])
        # Labels become known label_lag_days after the declaration's day.
        known = dates + pd.Timedelta(days=self.label_lag_days)
        controlled = prep["fraud"].notna().astype(float)
        labels = pd.DataFrame(
            {
                "n_ctrl": controlled,
                "n_fraud": (prep["fraud"] == 1).astype(float),
                "n_crit_ctrl": prep["critical"].notna().astype(float),
                "n_crit": (prep["critical"] == 1).astype(float),
            },
            index=prep.index,
        )
        glob = pd.Series(_GLOBAL, index=prep.index, dtype=object)
        tables["label_global"] = AsOfTable.cumulative(glob, known, labels)
        for name, cols in self._label_entities().items():
            tables[f"label_{name}"] = AsOfTable.cumulative(make_key(prep, cols), known, labels)
        for name, cols in ACTIVITY_ENTITIES.items():
            tables[f"act_{name}"] = _activity_table(make_key(prep, cols), dates)
        self.tables = tables
        # Importer habits: their past peer z-scores and unit values per HS6 (for sudden changes).
        peer = self._peer_features(prep, "log_uv_kg")
        z = peer["z"]
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
        self.categories = _fit_categories(
            history, max_categories=self.max_categories, min_count=self.min_category_count
        )
        self.history_end = pd.Timestamp(dates.max()) if dates.notna().any() else None
        self.n_history = len(prep)
        self.fitted = True
        return self

    def _label_entities(self) -> dict[str, tuple[str, ...]]:
        return {**LABEL_ENTITIES, **(REPEAT_ENTITIES if self.repeat_memory else {})}

    def fit_transform_point_in_time(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Each row's features from rows of strictly earlier days only (for training)."""
        return self.fit(frame).transform(frame)

    # ---------------------------------------------------------------- features
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
        for name in self._label_entities():
            names += [f"{name}_log_ctrl", f"{name}_rate", f"{name}_crit_rate"]
        for name in ACTIVITY_ENTITIES:
            names += [f"{name}_log_n", f"{name}_tenure_days", f"{name}_days_since"]
            if name in ("importer", "declarant", "seller"):
                names.append(f"{name}_is_new")
        return [*names, *self.categorical_names]

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Feature columns for ``frame`` (same index) plus ``missing_fields``."""
        if not self.fitted:
            raise RuntimeError("FeatureBuilder.transform before fit")
        prep = prepare(frame)
        dates = prep["date"]
        out: dict[str, pd.Series] = {}
        out["log_value"] = np.log1p(prep["value"].clip(lower=0))
        out["log_mass"] = np.log1p(prep["net_mass_kg"].clip(lower=0))
        out["log_uv_kg"] = prep["log_uv_kg"]
        out["log_uv_unit"] = prep["log_uv_unit"]
        out["duty_rate"] = prep["duty_rate"]
        out["log_duty_at_stake"] = np.log1p(prep["duty_at_stake"].clip(lower=0))
        out["hs_chapter"] = pd.to_numeric(prep["hs2"], errors="coerce")
        peer = self._peer_features(prep, "log_uv_kg")
        out["uv_z"], out["uv_pct"] = peer["z"], peer["pct"]
        out["peer_level"], out["peer_log_n"] = peer["level"], np.log1p(peer["n"])
        out["unit_price_ratio"] = peer["ratio"]
        out["log_unit_price_ratio"] = np.log(peer["ratio"])
        out["uv_unit_z"] = self._peer_features(prep, "log_uv_unit")["z"]
        imp = make_key(prep, ("importer_id",))
        iz = self.tables["imp_z"].lookup(imp, dates)
        out["imp_mean_z"] = iz["sum_z"] / iz["n"].where(iz["n"] > 0)
        out["imp_z_change"] = peer["z"] - out["imp_mean_z"]
        ih = self.tables["imp_hs6_uv"].lookup(make_key(prep, ("importer_id", "hs6")), dates)
        out["imp_hs6_uv_change"] = prep["log_uv_kg"] - ih["sum"] / ih["n"].where(ih["n"] > 0)
        glob = self.tables["label_global"].lookup(
            pd.Series("_all", index=prep.index, dtype=object), dates
        )
        prior = glob["n_fraud"] / glob["n_ctrl"].where(glob["n_ctrl"] > 0)
        crit_prior = glob["n_crit"] / glob["n_crit_ctrl"].where(glob["n_crit_ctrl"] > 0)
        out["global_rate"] = prior
        m = self.prior_strength
        for name, cols in self._label_entities().items():
            got = self.tables[f"label_{name}"].lookup(make_key(prep, cols), dates).fillna(0.0)
            out[f"{name}_log_ctrl"] = np.log1p(got["n_ctrl"])
            out[f"{name}_rate"] = (got["n_fraud"] + m * prior) / (got["n_ctrl"] + m)
            out[f"{name}_crit_rate"] = (got["n_crit"] + m * crit_prior) / (got["n_crit_ctrl"] + m)
        days = dates.astype("int64") // 86_400_000_000_000
        days = days.where(dates.notna())
        for name, cols in ACTIVITY_ENTITIES.items():
            got = self.tables[f"act_{name}"].lookup(make_key(prep, cols), dates)
            n = got["n"].fillna(0.0)
            out[f"{name}_log_n"] = np.log1p(n)
            out[f"{name}_tenure_days"] = (days - got["first"]).where(n > 0)
            out[f"{name}_days_since"] = (days - got["last"]).where(n > 0)
            if name in ("importer", "declarant", "seller"):
                out[f"{name}_is_new"] = (n == 0).astype(float)
            if name == "importer":
                # Raw count for rule profiles (analysts write "fewer than 3 declarations").
                out["importer_prior_declarations"] = n
        for column, cats in self.categories.items():
            values = _str(frame, column)
            lookup = {c: float(i) for i, c in enumerate(cats)}
            out[f"cat_{column}"] = values.map(lookup).astype(float)
        result = pd.DataFrame(out, index=frame.index).astype(float)
        result = result.replace([np.inf, -np.inf], np.nan)
        result["missing_fields"] = _missing_fields(frame, prep)
        return result

    def _peer_features(self, prep: pd.DataFrame, measure: str) -> pd.DataFrame:
        """Robust z-score and percentile against the most specific peer group with enough
        rows; ``ratio`` is the value against the HS6 x origin median alone (no back-off)."""
        x = prep[measure]
        dates = prep["date"]
        extra = ("quantity_unit",) if measure == "log_uv_unit" else ()
        chosen = pd.DataFrame(
            np.nan, index=prep.index, columns=["n", "q05", "q25", "q50", "q75", "q95"]
        )
        level = pd.Series(np.nan, index=prep.index)
        ratio = pd.Series(np.nan, index=prep.index)
        todo = x.notna().to_numpy()
        for lvl, cols in enumerate(PRICE_LEVELS):
            table = self.tables[f"peer_{measure}_{lvl}"]
            if not todo.any() and lvl > 0:
                break
            got = table.lookup(make_key(prep, (*cols, *extra)), dates)
            n = got["n"].fillna(0.0).to_numpy()
            if lvl == 0:
                ok_ref = n >= self.min_reference
                ratio = pd.Series(
                    np.where(ok_ref, np.exp(x.to_numpy() - got["q50"].to_numpy()), np.nan),
                    index=prep.index,
                )
            take = todo & (n >= self.min_peers)
            if take.any():
                chosen.loc[take] = got.loc[take, chosen.columns].to_numpy()
                level[take] = lvl
                todo = todo & ~take
        q = {c: chosen[c].to_numpy() for c in chosen.columns}
        scale = np.maximum((q["q75"] - q["q25"]) / 1.349, _SCALE_FLOOR)
        xv = x.to_numpy()
        z = np.clip((xv - q["q50"]) / scale, -_Z_CLIP, _Z_CLIP)
        pct = _piecewise_percentile(xv, q)
        return pd.DataFrame(
            {
                "z": z,
                "pct": pct,
                "level": level.fillna(len(PRICE_LEVELS)).where(x.notna()),
                "n": chosen["n"].fillna(0.0),
                "ratio": ratio,
            },
            index=prep.index,
        )


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


def _quantile_table(keys: pd.Series, dates: pd.Series, values: pd.Series) -> AsOfTable:
    """Running quantiles of a measure per key, in date order (expanding, vectorised)."""
    ok = keys.notna() & values.notna() & dates.notna()
    columns = ["n", "q05", "q25", "q50", "q75", "q95"]
    if not ok.any():
        return AsOfTable.empty(columns)
    df = pd.DataFrame({"k": keys[ok].values, "x": values[ok].values}, index=keys.index[ok])
    grouped = df.groupby("k", sort=False)["x"]
    running = pd.DataFrame(index=df.index)
    running["n"] = grouped.cumcount() + 1.0
    for q, name in zip(QUANTILES, columns[1:], strict=True):
        stat = grouped.expanding().quantile(q)
        running[name] = stat.reset_index(level=0, drop=True).reindex(df.index)
    return AsOfTable.from_running(keys[ok], dates[ok], running)


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
