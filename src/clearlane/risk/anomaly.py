"""Anomaly detection that needs no labels: a price-reference database and an Isolation Forest.

Peer prices are risk evidence, never a customs value (DESIGN.md): the reference flags an item
whose unit value sits far from what the same goods from the same origin usually declare, and
says which way and against which peers.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest

from clearlane.features import FeatureBuilder, prepare
from clearlane.features.builder import FeatureMatrix, key_of, prepare_arrays
from clearlane.features.history import Snapshot, make_key
from clearlane.risk.errors import NotFittedError

_MAD_TO_SIGMA = 1.4826
# Most specific first; each level is a peer group of the same goods (and unit of measure).
REFERENCE_LEVELS: tuple[tuple[str, ...], ...] = (
    ("hs6", "origin_country", "unit"),
    ("hs6", "unit"),
    ("hs4", "unit"),
    ("hs2", "unit"),
)


def _unit_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Log unit value per kg and, where a quantity is given, per unit of quantity."""
    prep = prepare(frame)
    per_kg = prep.assign(unit="kg", log_uv=prep["log_uv_kg"])
    unit = prep["quantity_unit"].fillna("unit")
    per_unit = prep.assign(unit=unit, log_uv=prep["log_uv_unit"])
    return pd.concat([per_kg, per_unit[per_unit["log_uv"].notna()]])


@dataclass
class PriceReference:
    """Robust unit-value statistics (median, MAD) per HS6 x origin x unit with back-off.

    ``threshold`` is in robust standard deviations (MAD x 1.4826, floored at ``min_scale``
    log units so that peers declaring identical prices do not flag every cent of difference).
    """

    min_peers: int = 5
    threshold: float = 3.0
    min_scale: float = 0.1
    stats: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)
    refreshed_until: str | None = None
    _tables: dict[int, Snapshot] | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_tables", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._tables = None

    def fit(self, history: pd.DataFrame) -> PriceReference:
        """(Re)build the reference from history (all rows: prices need no control result)."""
        uv = _unit_values(history)
        uv = uv[uv["log_uv"].notna()]
        self.stats = {}
        for level, cols in enumerate(REFERENCE_LEVELS):
            key = make_key(uv, cols)
            grouped = uv.assign(key=key).dropna(subset=["key"]).groupby("key")["log_uv"]
            median = grouped.median()
            mad = (
                uv.assign(key=key, med=key.map(median))
                .dropna(subset=["key"])
                .assign(dev=lambda d: (d["log_uv"] - d["med"]).abs())
                .groupby("key")["dev"]
                .median()
            )
            table = pd.DataFrame({"n": grouped.size(), "median": median, "mad": mad})
            self.stats[str(level)] = table[table["n"] >= self.min_peers]
        self._tables = None
        self.refreshed_until = None
        if "declaration_date" in history:
            dates = pd.to_datetime(history["declaration_date"], errors="coerce")
            self.refreshed_until = None if dates.isna().all() else str(dates.max())
        return self

    def assess(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Per row (per kg): reference median, robust z, flag under/over and a reason."""
        got = self.assess_arrays(prepare_arrays(frame))
        return pd.DataFrame(
            {
                "reference_median_per_kg": np.exp(got["median"]),
                "price_ratio": got["ratio"],
                "price_z": got["z"],
                "peer_level": got["level"],
                "peers": got["n"],
                "flag": got["flag"],
                "reason": list(got["reason"]),
            },
            index=frame.index,
        )

    def assess_arrays(self, prep: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """:meth:`assess` on prepared inputs (:func:`clearlane.features.prepare_arrays`):
        arrays ``n``, ``median``, ``mad``, ``level``, ``z``, ``ratio``, ``flag``, ``reason``."""
        if not self.stats:
            raise NotFittedError("PriceReference.assess before fit")
        x = prep["log_uv_kg"]
        rows = len(x)
        found = {c: np.full(rows, np.nan) for c in ("n", "median", "mad", "level")}
        todo = ~np.isnan(x)
        keyed = {**prep, "unit": np.full(rows, "kg", dtype=object)}
        for level, cols in enumerate(REFERENCE_LEVELS):
            if not todo.any():
                break
            table = self._table(level)
            pending = np.flatnonzero(todo)
            part = {c: keyed[c][pending] for c in cols}
            got = table.values[table.positions(key_of(part, cols))]
            hit = ~np.isnan(got[:, 0])
            at = pending[hit]
            for j, c in enumerate(("n", "median", "mad")):
                found[c][at] = got[hit, j]
            found["level"][at] = level
            todo[at] = False
        with np.errstate(all="ignore"):
            scale = np.maximum(found["mad"] * _MAD_TO_SIGMA, self.min_scale)
            z = (x - found["median"]) / scale
            ratio = np.exp(x - found["median"])
        flag = np.where(z <= -self.threshold, "under", np.where(z >= self.threshold, "over", ""))
        flag = np.where(np.isnan(z), "", flag)
        names = {
            i: "x".join(c for c in cols if c != "unit") for i, cols in enumerate(REFERENCE_LEVELS)
        }
        reason = np.full(rows, "", dtype=object)
        for i in np.flatnonzero(flag != "").tolist():
            reason[i] = (
                f"{flag[i]}valued: {float(ratio[i]):.2f}x the {names[int(found['level'][i])]} "
                f"median unit value per kg ({float(z[i]):+.1f} robust sd, "
                f"{int(found['n'][i])} peers)"
            )
        return {**found, "z": z, "ratio": ratio, "flag": flag, "reason": reason}

    def _table(self, level: int) -> Snapshot:
        """The level's statistics as a snapshot for fast lookups (built once, not pickled)."""
        if self._tables is None:
            self._tables = {}
        if level not in self._tables:
            stats = self.stats[str(level)]
            self._tables[level] = Snapshot.of(stats.astype(float), ("n", "median", "mad"))
        return self._tables[level]

    def score_arrays(self, assessed: Mapping[str, np.ndarray]) -> np.ndarray:
        """:meth:`score_assessed` on the output of :meth:`assess_arrays`."""
        z = np.abs(assessed["z"])
        z = np.where(np.isnan(z), 0.0, z)
        return z / (z + self.threshold)

    def score(self, frame: pd.DataFrame) -> pd.Series:
        """Deviation in [0, 1): 0 at the median, 0.5 at the flag threshold, -> 1 far away."""
        return self.score_assessed(self.assess(frame))

    def score_assessed(self, assessed: pd.DataFrame) -> pd.Series:
        z = assessed["price_z"].abs().fillna(0.0)
        return (z / (z + self.threshold)).rename("price_anomaly")

    # The reference is data an analyst may want to read: JSON, not pickle.
    def to_dict(self) -> dict[str, Any]:
        return {
            "min_peers": self.min_peers,
            "threshold": self.threshold,
            "min_scale": self.min_scale,
            "refreshed_until": self.refreshed_until,
            "levels": [list(c) for c in REFERENCE_LEVELS],
            "stats": {k: v.reset_index().to_dict(orient="list") for k, v in self.stats.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PriceReference:
        ref = cls(data["min_peers"], data["threshold"], data["min_scale"])
        ref.refreshed_until = data.get("refreshed_until")
        ref.stats = {k: pd.DataFrame(v).set_index("key") for k, v in data["stats"].items()}
        return ref

    def save(self, path: Path | str) -> None:
        Path(path).write_text(json.dumps(self.to_dict()), encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str) -> PriceReference:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


# Label-free inputs only: the detector must work on a history without a single control.
# No input that grows with the calendar: an importer's tenure in days and the days since a
# route was last seen are read as of the training cut when scoring, so every declaration
# after it sat past anything in training and the forest called a typical declaration of
# 2021-Q1 stranger than 88 % of history (median; a year later 97 %). A new importer or route
# still shows through the counts (importer_log_n, route_log_n at 0).
ANOMALY_FEATURES = (
    "log_value",
    "log_mass",
    "log_uv_kg",
    "duty_rate",
    "log_duty_at_stake",
    "uv_z",
    "uv_pct",
    "peer_log_n",
    "log_unit_price_ratio",
    "imp_z_change",
    "imp_hs6_uv_change",
    "importer_log_n",
    "declarant_log_n",
    "seller_log_n",
    "hs6_log_n",
    "route_log_n",
)


@dataclass
class _FlatForest:
    """The fitted forest's trees as flat arrays, for scoring a few rows without sklearn's
    per-call validation and joblib dispatch (which cost milliseconds per call).

    Same arithmetic as :meth:`IsolationForest.score_samples`: float32 inputs against the
    float64 thresholds, per-tree path length ``depth + c(n_leaf) - 1`` summed tree by tree in
    order, then ``2 ** -(depths / (n_trees * c(max_samples)))``.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    missing_left: np.ndarray
    leaf_value: np.ndarray
    roots: np.ndarray
    max_depth: int
    denominator: np.ndarray

    @classmethod
    def of(cls, model: IsolationForest) -> _FlatForest:
        from sklearn.ensemble._iforest import _average_path_length

        parts: dict[str, list[np.ndarray]] = {k: [] for k in ("f", "t", "l", "r", "m", "v")}
        roots, offset, depth = [], 0, 0
        for tree, path, average in zip(
            model.estimators_,
            model._decision_path_lengths,
            model._average_path_length_per_tree,
            strict=True,
        ):
            t = tree.tree_
            own = np.arange(t.node_count)
            leaf = t.children_left < 0
            parts["f"].append(np.where(leaf, 0, t.feature))
            parts["t"].append(t.threshold)
            parts["l"].append(np.where(leaf, own, t.children_left) + offset)
            parts["r"].append(np.where(leaf, own, t.children_right) + offset)
            missing = getattr(t, "missing_go_to_left", None)
            parts["m"].append(
                np.zeros(t.node_count, dtype=bool) if missing is None else missing.astype(bool)
            )
            parts["v"].append(path + average - 1.0)
            roots.append(offset)
            offset += t.node_count
            depth = max(depth, int(t.max_depth))
        flat = {k: np.concatenate(v) for k, v in parts.items()}
        denominator = len(model.estimators_) * _average_path_length([model._max_samples])
        return cls(
            flat["f"].astype(np.intp),
            flat["t"].astype(float),
            flat["l"].astype(np.intp),
            flat["r"].astype(np.intp),
            flat["m"],
            flat["v"].astype(float),
            np.asarray(roots, dtype=np.intp),
            depth,
            denominator,
        )

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """``-IsolationForest.score_samples(matrix)``."""
        x = np.asarray(matrix, dtype=np.float32)
        nodes = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        has_nan = bool(np.isnan(x).any())
        for _ in range(self.max_depth):
            value = x[rows, self.feature[nodes]]
            go_left = value <= self.threshold[nodes]
            if has_nan:
                go_left = np.where(np.isnan(value), self.missing_left[nodes], go_left)
            nodes = np.where(go_left, self.left[nodes], self.right[nodes])
        # Sequential sum over trees in order, as sklearn accumulates them.
        depths = np.add.accumulate(self.leaf_value[nodes], axis=1)[:, -1]
        denominator = self.denominator
        return 2 ** (
            -np.divide(depths, denominator, out=np.ones_like(depths), where=denominator != 0)
        )


# Below this many rows the flat forest beats sklearn's batch scoring.
_FLAT_FOREST_MAX_ROWS = 256


@dataclass
class IsolationForestScorer:
    """Unsupervised score in [0, 1]: the share of training rows that look less anomalous.

    Using the training rank rather than sklearn's raw score makes 0.99 mean "stranger than 99%
    of history", which a fusion layer and an officer can both read.
    """

    n_estimators: int = 100
    max_samples: int = 256
    seed: int = 0
    builder: FeatureBuilder | None = None
    model: IsolationForest | None = field(default=None, repr=False)
    fill: dict[str, float] = field(default_factory=dict, repr=False)
    reference_scores: np.ndarray | None = field(default=None, repr=False)
    _flat: _FlatForest | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_flat", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._flat = None

    def fit(self, frame: pd.DataFrame) -> IsolationForestScorer:
        self.builder = FeatureBuilder()
        return self.fit_features(self.builder.fit_transform_point_in_time(frame))

    def score(self, frame: pd.DataFrame) -> pd.Series:
        if self.builder is None:
            raise NotFittedError("IsolationForestScorer.score before fit")
        return self.score_features(self.builder.transform(frame))

    @property
    def features(self) -> tuple[str, ...]:
        """The inputs this forest was fitted on, in order: the keys of its fill values. An
        engine stored before ``ANOMALY_FEATURES`` changed keeps scoring on its own inputs."""
        return tuple(self.fill) if self.fill else ANOMALY_FEATURES

    def _matrix(self, features: pd.DataFrame | FeatureMatrix) -> np.ndarray:
        names = self.features
        if isinstance(features, FeatureMatrix):
            out = features.select(names)
            fill = np.array([self.fill.get(c, np.nan) for c in names])
            out = np.where(np.isnan(out), fill, out)
            return np.where(np.isnan(out), 0.0, out)
        frame = features.reindex(columns=list(names)).astype(float)
        return frame.fillna(self.fill).fillna(0.0).to_numpy()

    def fit_features(self, features: pd.DataFrame) -> IsolationForestScorer:
        inputs = features.reindex(columns=list(ANOMALY_FEATURES)).astype(float)
        med = inputs.median()
        self.fill = {str(k): float(v) for k, v in med.fillna(0.0).items()}
        # What _matrix gives (NaN -> the column's fill, every fill a number), filled in place
        # in one copy: fillna twice held three copies of the inputs at once (training's peak,
        # a few hundred MB at a million rows).
        matrix = inputs.to_numpy(dtype=float, copy=True)
        del inputs
        for j, name in enumerate(ANOMALY_FEATURES):
            column = matrix[:, j]
            column[np.isnan(column)] = self.fill[name]
        self.model = IsolationForest(
            n_estimators=self.n_estimators,
            max_samples=min(self.max_samples, max(2, len(matrix))),
            random_state=self.seed,
            n_jobs=1,
        ).fit(matrix)
        self.reference_scores = np.sort(-self.model.score_samples(matrix))
        self._flat = None
        return self

    def score_features(self, features: pd.DataFrame | FeatureMatrix) -> pd.Series:
        return pd.Series(self.score_array(features), index=features.index, name="anomaly")

    def score_array(self, features: pd.DataFrame | FeatureMatrix) -> np.ndarray:
        """Scores as a plain array (see :meth:`score_features`)."""
        if self.model is None or self.reference_scores is None:
            raise NotFittedError("IsolationForestScorer.score before fit")
        matrix = self._matrix(features)
        if len(matrix) <= _FLAT_FOREST_MAX_ROWS:
            if self._flat is None:
                self._flat = _FlatForest.of(self.model)
            raw = self._flat.scores(matrix)
        else:
            raw = -self.model.score_samples(matrix)
        rank = np.searchsorted(self.reference_scores, raw, side="right")
        return rank / len(self.reference_scores)
