"""Anomaly detection that needs no labels: a price-reference database and an Isolation Forest.

Peer prices are risk evidence, never a customs value (DESIGN.md): the reference flags an item
whose unit value sits far from what the same goods from the same origin usually declare, and
says which way and against which peers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest

from clearlane.features import FeatureBuilder, prepare
from clearlane.features.history import make_key
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
        dates = pd.to_datetime(history.get("declaration_date"), errors="coerce")
        self.refreshed_until = None if dates is None or dates.isna().all() else str(dates.max())
        return self

    def assess(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Per row (per kg): reference median, robust z, flag under/over and a reason."""
        if not self.stats:
            raise NotFittedError("PriceReference.assess before fit")
        prep = prepare(frame).assign(unit="kg")
        x = prep["log_uv_kg"]
        found = pd.DataFrame(np.nan, index=prep.index, columns=["n", "median", "mad", "level"])
        todo = x.notna()
        for level, cols in enumerate(REFERENCE_LEVELS):
            if not todo.any():
                break
            table = self.stats[str(level)]
            got = table.reindex(make_key(prep.loc[todo], cols).fillna("\x00").values)
            got.index = prep.index[todo]
            hit = got["n"].notna()
            idx = got.index[hit]
            found.loc[idx, ["n", "median", "mad"]] = got.loc[hit, ["n", "median", "mad"]]
            found.loc[idx, "level"] = level
            todo.loc[idx] = False
        scale = np.maximum(found["mad"] * _MAD_TO_SIGMA, self.min_scale)
        z = (x - found["median"]) / scale
        flag = np.where(z <= -self.threshold, "under", np.where(z >= self.threshold, "over", ""))
        flag = np.where(z.isna(), "", flag)
        ratio = np.exp(x - found["median"])
        names = {
            i: "x".join(c for c in cols if c != "unit") for i, cols in enumerate(REFERENCE_LEVELS)
        }
        reason = [
            ""
            if not f
            else f"{f}valued: {r:.2f}x the {names[int(lv)]} median unit value per kg "
            f"({zz:+.1f} robust sd, {int(n)} peers)"
            for f, r, lv, zz, n in zip(flag, ratio, found["level"], z, found["n"], strict=True)
        ]
        return pd.DataFrame(
            {
                "reference_median_per_kg": np.exp(found["median"]),
                "price_ratio": ratio,
                "price_z": z,
                "peer_level": found["level"],
                "peers": found["n"],
                "flag": flag,
                "reason": reason,
            },
            index=frame.index,
        )

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
    "importer_tenure_days",
    "declarant_log_n",
    "seller_log_n",
    "hs6_log_n",
    "route_log_n",
    "route_days_since",
)


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

    def fit(self, frame: pd.DataFrame) -> IsolationForestScorer:
        self.builder = FeatureBuilder()
        return self.fit_features(self.builder.fit_transform_point_in_time(frame))

    def score(self, frame: pd.DataFrame) -> pd.Series:
        if self.builder is None:
            raise NotFittedError("IsolationForestScorer.score before fit")
        return self.score_features(self.builder.transform(frame))

    def _matrix(self, features: pd.DataFrame) -> np.ndarray:
        cols = list(ANOMALY_FEATURES)
        out = features.reindex(columns=cols).astype(float)
        return out.fillna(self.fill).fillna(0.0).to_numpy()

    def fit_features(self, features: pd.DataFrame) -> IsolationForestScorer:
        med = features.reindex(columns=list(ANOMALY_FEATURES)).astype(float).median()
        self.fill = {k: float(v) for k, v in med.fillna(0.0).items()}
        matrix = self._matrix(features)
        self.model = IsolationForest(
            n_estimators=self.n_estimators,
            max_samples=min(self.max_samples, max(2, len(matrix))),
            random_state=self.seed,
            n_jobs=1,
        ).fit(matrix)
        self.reference_scores = np.sort(-self.model.score_samples(matrix))
        return self

    def score_features(self, features: pd.DataFrame) -> pd.Series:
        if self.model is None or self.reference_scores is None:
            raise NotFittedError("IsolationForestScorer.score before fit")
        raw = -self.model.score_samples(self._matrix(features))
        rank = np.searchsorted(self.reference_scores, raw, side="right")
        return pd.Series(rank / len(self.reference_scores), index=features.index, name="anomaly")
