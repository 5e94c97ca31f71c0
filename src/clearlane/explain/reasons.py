"""Reason codes for every risk assessment: why a declaration scored what it scored.

Every :class:`Explanation` carries the reasons an officer reads (:class:`Reason`: a stable
machine code, where it comes from, a sentence with the numbers that matter) and, when the engine
has a supervised model, the model's SHAP contributions (log-odds) for every feature.

Sources, in the order reasons are listed:

* ``profile`` — a mandatory control demanded by a risk profile (``MANDATORY_CONTROL``);
* ``model`` — the features that raise the LightGBM model's log-odds most (``MODEL_*``), taken
  from the declaration's riskiest item (the item whose fused score is the declaration's score);
* ``profile`` — every risk profile that hit any item, with its rationale (``PROFILE_HIT``;
  conditions stay confidential);
* ``anomaly`` — the price reference (``PRICE_UNDER`` / ``PRICE_OVER``) and the isolation
  forest (``IFOREST_UNUSUAL``) on any item;
* ``note`` — what the assessment could not use: no model (``MODEL_ABSENT``), missing inputs
  (``MISSING_FIELDS``).

SHAP fidelity. Contributions are LightGBM's own exact TreeSHAP (``pred_contrib``, which is what
``shap.TreeExplainer`` returns for LightGBM; read directly, without the shap package) on the
engine's own model, on the very feature matrix the engine scored (not recomputed), with the
same number of trees as the model's prediction, so
``model_base + sum(model_contributions) == model_raw``, the model's raw margin, to float
precision (tests/explain check it to 1e-6 on many rows). docs/explanations.md has the details.
"""

from __future__ import annotations

import ctypes
import functools
import math
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clearlane.core.schema import Declaration
from clearlane.explain.wording import discrepancy_sentence, of_the_median
from clearlane.features.builder import (
    ACTIVITY_ENTITIES,
    BAND_ENTITIES,
    LABEL_ENTITIES,
    PRICE_LEVELS,
    REPEAT_ENTITIES,
    FeatureBuilder,
    FeatureMatrix,
)
from clearlane.features.facts import EVIDENCE_COLUMN, HS_COLUMN
from clearlane.frames import declaration_rows
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import ItemAssessment, RiskEngine
from clearlane.risk.profiles import ProfileSet
from clearlane.risk.supervised import N_JOBS, BinaryModel, standardised

__all__ = [
    "FAMILIES",
    "IFOREST_REPORT_RANK",
    "Phrasebook",
    "SOURCES",
    "Explanation",
    "Reason",
    "assess_with_reasons",
    "explain",
    "explain_details",
    "explain_one",
    "profile_reasons",
]

SOURCES = ("model", "profile", "anomaly", "document", "note")
#: The isolation-forest rank from which an item is reported as unusual: stranger than 90 % of
#: the declarations the forest was trained on.
IFOREST_REPORT_RANK = 0.9
DEFAULT_TOP = 5
#: The space in which an explanation's parts add up to the score the officer sees.
SCORE_SPACE = "logit of the fused score"
PARTS = ("model", "rules", "anomaly", "fusion")
_EPS = 1e-12

# Features that encode the same quantity as another: their contributions are summed under the
# first feature's reason (one sentence per quantity, the weight is the quantity's contribution).
FAMILIES: dict[str, str] = {
    "log_unit_price_ratio": "unit_price_ratio",
    "uv_pct": "uv_z",
}


# --------------------------------------------------------------------------------- results


def _plain(value: Any) -> Any:
    """A JSON-able scalar: numpy -> Python, NaN/inf -> None."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass(frozen=True)
class Reason:
    """One reason behind a score.

    ``weight``: for model reasons the SHAP contribution in log-odds (positive raises the risk);
    for profile reasons the profile's weight; otherwise None. ``feature``: the model feature
    (model reasons). ``value``: the feature's value as the model saw it (model), the profile id
    (profile), the price ratio or isolation-forest rank (anomaly).
    """

    code: str
    source: str
    text: str
    weight: float | None = None
    feature: str | None = None
    value: float | str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "source": self.source,
            "text": self.text,
            "weight": _plain(self.weight),
            "feature": self.feature,
            "value": _plain(self.value),
        }


@dataclass
class Explanation:
    """Why one declaration scored what it did (see the module docstring)."""

    reference: str
    version: int
    score: float
    reasons: list[Reason] = field(default_factory=list)
    model_base: float | None = None
    model_contributions: dict[str, float] = field(default_factory=dict)
    model_raw: float | None = None
    model_absent: str | None = None
    # The score the officer sees, decomposed exactly in SCORE_SPACE (logit of the fused score):
    # base + sum(parts.values()) == logit(score); ``contributions`` splits parts["model"] over
    # the model's features (they add up to it).
    space: str = SCORE_SPACE
    base: float | None = None
    parts: dict[str, float] = field(default_factory=dict)
    contributions: dict[str, float] = field(default_factory=dict)

    @property
    def top_reason(self) -> str:
        return self.reasons[0].text if self.reasons else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "version": int(self.version),
            "score": _plain(float(self.score)),
            "reasons": [r.to_dict() for r in self.reasons],
            "model_base": _plain(self.model_base),
            "model_contributions": {k: _plain(v) for k, v in self.model_contributions.items()},
            "model_raw": _plain(self.model_raw),
            "model_absent": self.model_absent,
            "space": self.space,
            "base": _plain(self.base),
            "parts": {k: _plain(v) for k, v in self.parts.items()},
            "contributions": {k: _plain(v) for k, v in self.contributions.items()},
        }


# ------------------------------------------------------------------------- model explainer


@dataclass
class _ModelExplainer:
    """Exact TreeSHAP of one LightGBM model: the booster's own ``pred_contrib`` (what
    ``shap.TreeExplainer`` returns for LightGBM in its path-dependent mode, without the shap
    package: no import, no model parse, and nothing shared that a call writes)."""

    columns: list[str]
    tree_limit: int
    booster: Any
    family: np.ndarray = field(init=False, repr=False)
    heads: list[str] = field(init=False, repr=False)
    _one_row: _OneRowContrib | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.family, self.heads = _family_matrix(self.columns)

    def contributions(self, matrix: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
        """SHAP values (rows, features), the base value and the raw margin of each row.

        ``pred_contrib`` gives one column per feature plus the expected value, the same on
        every row (shap reads it from the first row as ``expected_value``); one thread, as
        the engine predicts (``clearlane.risk.supervised.N_JOBS``). One float64 row (one
        declaration) goes through :class:`_OneRowContrib`: the same LightGBM computation
        without the per-call set-up."""
        booster = self.booster
        if not len(matrix):
            return np.empty((0, len(self.columns))), math.nan, np.empty(0)
        if len(matrix) == 1 and matrix.dtype == np.float64 and ONE_ROW_FAST_PATH:
            one = self._one_row
            if one is None:
                one = self._one_row = _OneRowContrib(booster, self.tree_limit, len(self.columns))
            got, raw_one = one(matrix[0])
            return got[None, :-1], float(got[-1]), np.array([raw_one])
        got = np.asarray(
            booster.predict(
                matrix, pred_contrib=True, num_iteration=self.tree_limit, num_threads=N_JOBS
            ),
            dtype=float,
        )
        phi, base = got[:, :-1], float(got[0, -1])
        raw = booster.predict(
            matrix, raw_score=True, num_iteration=self.tree_limit, num_threads=N_JOBS
        )
        return phi, base, np.asarray(raw, dtype=float)


#: Whether one row's SHAP values go through LightGBM's single-row C API
#: (:class:`_OneRowContrib`); tests turn it off to compare with ``Booster.predict``.
ONE_ROW_FAST_PATH = True

# LightGBM's C API codes (c_api.h).
_PREDICT_RAW_SCORE = 1
_PREDICT_CONTRIB = 3
_DTYPE_FLOAT64 = 1


class _OneRowContrib:
    """One row's ``pred_contrib`` and raw margin through LightGBM's single-row "fast" C API
    (``LGBM_BoosterPredictForMatSingleRowFast``): the parameters are parsed and the predictor
    (tree depths, buffers) is set up once per booster instead of on every
    ``Booster.predict`` call. The same ``Predictor`` code computes each value, so they equal
    ``Booster.predict``'s bit for bit (tests/explain/test_one_declaration.py). LightGBM locks
    each handle around a call, so threads may share it; the output arrays are per call."""

    def __init__(self, booster: Any, tree_limit: int, n_features: int) -> None:
        from lightgbm.basic import _LIB, _c_str, _safe_call

        self._lib, self._check = _LIB, _safe_call
        self.n_features = n_features
        handles = []
        for kind in (_PREDICT_CONTRIB, _PREDICT_RAW_SCORE):
            handle = ctypes.c_void_p()
            _safe_call(
                _LIB.LGBM_BoosterPredictForMatSingleRowFastInit(
                    booster._handle,
                    ctypes.c_int(kind),
                    ctypes.c_int(0),  # start iteration
                    ctypes.c_int(tree_limit),
                    ctypes.c_int(_DTYPE_FLOAT64),
                    ctypes.c_int32(n_features),
                    _c_str(f"num_threads={N_JOBS}"),
                    ctypes.byref(handle),
                )
            )
            handles.append(handle)
        self._contrib, self._raw = handles
        # Freed with this object; the booster (which the handles point into) is kept alive
        # until then.
        weakref.finalize(self, _free_fast_configs, _LIB, handles, booster)

    def __call__(self, row: np.ndarray) -> tuple[np.ndarray, float]:
        """(contributions with the expected value last, raw margin) of one float64 row."""
        data = np.ascontiguousarray(row, dtype=np.float64)
        if data.shape != (self.n_features,):
            raise ValueError(f"one row of {self.n_features} features expected, got {data.shape}")
        out = np.empty(self.n_features + 1)
        raw = np.empty(1)
        n = ctypes.c_int64(0)
        pointer = ctypes.c_void_p(data.ctypes.data)
        self._check(
            self._lib.LGBM_BoosterPredictForMatSingleRowFast(
                self._contrib, pointer, ctypes.byref(n), out.ctypes.data_as(_DOUBLE_P)
            )
        )
        if n.value != len(out):
            raise ValueError(f"LightGBM returned {n.value} contributions, not {len(out)}")
        self._check(
            self._lib.LGBM_BoosterPredictForMatSingleRowFast(
                self._raw, pointer, ctypes.byref(n), raw.ctypes.data_as(_DOUBLE_P)
            )
        )
        return out, float(raw[0])


_DOUBLE_P = ctypes.POINTER(ctypes.c_double)


def _free_fast_configs(lib: Any, handles: list[ctypes.c_void_p], booster: Any) -> None:
    for handle in handles:
        lib.LGBM_FastConfigFree(handle)


# Keyed by the fitted LightGBM estimator: built on first use, never pickled with the engine,
# dropped when the model is.
_EXPLAINERS: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


@dataclass
class _LinearExplainer:
    """Exact contributions of the regularised logistic model (few labels): coefficient x
    standardised input, on the margin the model's probability is the sigmoid of."""

    pipeline: Any
    columns: list[str]
    family: np.ndarray = field(init=False, repr=False)
    heads: list[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.family, self.heads = _family_matrix(self.columns)

    def contributions(self, matrix: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
        select, impute, scale, logistic = (step for _, step in self.pipeline.steps)
        phi = np.zeros((len(matrix), len(self.columns)))
        if len(matrix):
            z = standardised(self.pipeline, matrix)
            if z is None:
                z = scale.transform(impute.transform(select.transform(matrix)))
            phi[:, select.positions] = z * logistic.coef_[0]
        base = float(logistic.intercept_[0])
        return phi, base, base + phi.sum(axis=1)


def _explainer(model: BinaryModel) -> _ModelExplainer | _LinearExplainer:
    key = model.model
    if key is None:
        raise ValueError(f"the {model.target} model is not fitted: nothing to explain")
    got = _EXPLAINERS.get(key)
    if got is None:
        if getattr(model, "kind", "lightgbm") == "logistic":
            got = _LinearExplainer(key, list(model.columns))
        else:
            booster = key.booster_
            best = int(getattr(booster, "best_iteration", 0) or 0)
            # The prediction uses the best iteration when there is one, else every tree.
            got = _ModelExplainer(list(model.columns), best if best else -1, booster)
        _EXPLAINERS[key] = got
    assert isinstance(got, _ModelExplainer | _LinearExplainer)
    return got


# ------------------------------------------------------------------------------- phrasebook


def _n(value: float) -> str:
    """A number as an officer reads it: 3 significant digits, thousands separated."""
    a = abs(value)
    if not math.isfinite(value):
        return "unknown"
    if a >= 1000:
        return f"{value:,.0f}"
    if a >= 100:
        return f"{value:.0f}"
    if a >= 10:
        return f"{value:.1f}"
    if a >= 1:
        return f"{value:.2f}"
    if a == 0:
        return "0"
    return f"{value:.2g}"


def _count(value: float) -> int:
    return int(round(value)) if math.isfinite(value) else 0


class _Item:
    """One goods item as the sentences quote it: its feature values (a plain list, cheap to
    read one by one) and its prepared inputs (columns of the feature matrix's ``prep``)."""

    __slots__ = ("i", "prep", "values", "where")

    def __init__(
        self,
        values: Sequence[float],
        where: Mapping[str, int],
        prep: Mapping[str, np.ndarray],
        i: int,
    ) -> None:
        self.values = values
        self.where = where
        self.prep = prep
        self.i = i

    @classmethod
    def of(cls, x: FeatureMatrix, i: int) -> _Item:
        return cls(x.values[i], x.where, x.prep or {}, i)

    def f(self, name: str) -> float:
        j = self.where.get(name)
        return math.nan if j is None else float(self.values[j])

    def t(self, name: str) -> str | None:
        values = self.prep.get(name)
        if values is None:
            return None
        value = values[self.i]
        return value if type(value) is str else None

    def num(self, name: str) -> float:
        values = self.prep.get(name)
        return math.nan if values is None else float(values[self.i])


def _or(text: str | None, fallback: str = "(not given)") -> str:
    return text if text else fallback


class Phrasebook:
    """Feature -> (code, sentence) with the item's actual values.

    Logs are turned back into units, smoothed hit rates into "k of n earlier controls" (the
    counts are features too), category codes into their labels. ``currency`` names the currency
    of customs values (the frame does not say); without it amounts are bare numbers.
    """

    def __init__(self, builder: FeatureBuilder, *, currency: str | None = None) -> None:
        self.builder = builder
        self.currency = currency
        entities = {**LABEL_ENTITIES, **REPEAT_ENTITIES, **dict.fromkeys(BAND_ENTITIES, ())}
        self._label = set(entities)
        self._activity = set(ACTIVITY_ENTITIES)
        self._specific: dict[str, Callable[[float, _Item], tuple[str, str]]] = {
            "log_value": self._value,
            "log_mass": self._mass,
            "log_uv_kg": self._uv_kg,
            "log_uv_unit": self._uv_unit,
            "duty_rate": self._duty_rate,
            "log_duty_at_stake": self._duty_at_stake,
            "hs_chapter": self._hs_chapter,
            "uv_z": self._uv_z,
            "uv_pct": self._uv_pct,
            "peer_level": self._peer_level,
            "peer_log_n": self._peer_n,
            "unit_price_ratio": self._price_ratio,
            "log_unit_price_ratio": self._price_ratio,
            "uv_unit_z": self._uv_unit_z,
            "imp_mean_z": self._imp_mean_z,
            "imp_z_change": self._imp_z_change,
            "imp_hs6_uv_change": self._imp_hs6_change,
            "global_rate": self._global_rate,
            "uv_below_band": self._below_band,
            "uv_above_band": self._above_band,
        }
        self._handlers: dict[str, Callable[[float, _Item], tuple[str, str]]] = {}

    # ---------------------------------------------------------------- helpers
    def money(self, amount: float) -> str:
        return f"{_n(amount)} {self.currency}" if self.currency else _n(amount)

    def per(self, unit: str) -> str:
        return f"{self.currency}/{unit}" if self.currency else f"per {unit}"

    def uv(self, value: float, unit: str = "kg") -> str:
        return f"{_n(value)} {self.per(unit)}"

    def entity(self, name: str, item: _Item) -> str:
        t = item.t
        if name == "importer":
            return f"importer {_or(t('importer_id'))}"
        if name == "declarant":
            return f"declarant {_or(t('declarant_id'))}"
        if name == "seller":
            return f"seller {_or(t('seller_id'))}"
        if name == "hs6":
            return f"HS {_or(t('hs6'))}"
        if name == "hs4":
            return f"HS heading {_or(t('hs4'))}"
        if name == "origin":
            return f"origin {_or(t('origin_country'))}"
        if name == "route":
            return (
                f"route from {_or(t('origin_country'))} dispatched from "
                f"{_or(t('country_dispatch'))} by transport mode {_or(t('transport_mode'))}"
            )
        if name == "office":
            return f"office {_or(t('office'))}"
        if name == "importer_hs6":
            return f"importer {_or(t('importer_id'))} with HS {_or(t('hs6'))}"
        if name == "declarant_hs2":
            return f"declarant {_or(t('declarant_id'))} in HS chapter {_or(t('hs2'))}"
        if name == "importer_hs4":
            return f"importer {_or(t('importer_id'))} in HS heading {_or(t('hs4'))}"
        if name == "declarant_hs4":
            return f"declarant {_or(t('declarant_id'))} in HS heading {_or(t('hs4'))}"
        if name == "origin_office":
            return f"goods from {_or(t('origin_country'))} cleared at office {_or(t('office'))}"
        # Soft bins read earlier values up to two bin widths away (weighted), hard bands half one.
        width = self.builder.band_width
        reach = 2 * width if self.builder.soft_bands else width / 2
        band = round(100 * (math.exp(reach) - 1))
        if name == "hs6_value_band":
            return (
                f"comparable consignments (HS {_or(t('hs6'))}, declared value within about "
                f"±{band} % of {self.money(item.num('value'))})"
            )
        if name == "hs6_mass_band":
            return (
                f"comparable consignments (HS {_or(t('hs6'))}, net mass within about ±{band} % "
                f"of {_n(item.num('net_mass_kg'))} kg)"
            )
        if name == "hs6_uv_band":
            return (
                f"comparable consignments (HS {_or(t('hs6'))}, unit value within about ±{band} % "
                f"of {self.uv(math.exp(item.num('log_uv_kg')))})"
            )
        if name == "same_value":
            return f"declarations with the same declared value ({self.money(item.num('value'))})"
        if name == "same_hs6_mass":
            return (
                f"declarations of HS {_or(t('hs6'))} with the same net mass "
                f"({_n(item.num('net_mass_kg'))} kg)"
            )
        return name.replace("_", " ")

    def peers(self, item: _Item) -> str:
        """The peer group the unit-value position was measured against."""
        level = item.f("peer_level")
        n = _count(math.expm1(item.f("peer_log_n"))) if math.isfinite(item.f("peer_log_n")) else 0
        if not math.isfinite(level) or int(level) >= len(PRICE_LEVELS):
            return "no peer group with enough earlier declarations"
        group = self._level_text(int(level), item)
        return f"{n} earlier declarations of {group}"

    def _level_text(self, level: int, item: _Item) -> str:
        t = item.t
        if level == 0:
            return f"HS {_or(t('hs6'))} from {_or(t('origin_country'))}"
        if level == 1:
            return f"HS {_or(t('hs6'))} (all origins)"
        if level == 2:
            return f"HS heading {_or(t('hs4'))}"
        return f"HS chapter {_or(t('hs2'))}"

    # ---------------------------------------------------------------- entry point
    def describe(self, feature: str, features: FeatureMatrix, row: int) -> tuple[str, str]:
        """(code, sentence) for ``feature`` of row ``row`` of a feature matrix (as computed by
        ``FeatureBuilder.transform_matrix``, which keeps the prepared inputs it quotes)."""
        item = _Item.of(features, row)
        return self.say(feature, item.f(feature), item)

    def say(self, feature: str, value: float | str, item: _Item) -> tuple[str, str]:
        """(code, sentence) for a model feature of an item."""
        if feature.startswith("cat_"):
            return self._category(feature, value, item)
        fv = float(value) if not isinstance(value, str) else math.nan
        handler = self._handlers.get(feature)
        if handler is None:
            handler = self._handlers[feature] = self._handler(feature)
        return handler(fv, item)

    def _handler(self, feature: str) -> Callable[[float, _Item], tuple[str, str]]:
        """The template of a feature (looked up once per feature name)."""
        specific = self._specific.get(feature)
        if specific is not None:
            return specific
        for suffix, entity_template in (
            ("_recent_rate", self._recent_rate),
            ("_crit_rate", self._crit_rate),
            ("_rate", self._rate),
            ("_log_ctrl", self._controls),
            ("_log_n", self._activity_n),
            ("_tenure_days", self._tenure),
            ("_days_since", self._recency),
            ("_is_new", self._is_new),
        ):
            name = feature.removesuffix(suffix)
            if feature.endswith(suffix) and (name in self._label or name in self._activity):
                return functools.partial(entity_template, name)
        return functools.partial(self._generic_item, feature)

    def _generic_item(self, feature: str, value: float, item: _Item) -> tuple[str, str]:
        return self._generic(feature, value)

    # ---------------------------------------------------------------- templates
    @staticmethod
    def _generic(feature: str, value: float) -> tuple[str, str]:
        shown = "unknown" if not math.isfinite(value) else f"{value:.3g}"
        return f"MODEL_{feature.upper()}", f"{feature.replace('_', ' ')} {shown} (raises the risk)"

    def _value(self, v: float, item: _Item) -> tuple[str, str]:
        if not math.isfinite(v):
            return "MODEL_DECLARED_VALUE", "declared customs value not given"
        return "MODEL_DECLARED_VALUE", f"declared customs value {self.money(math.expm1(v))}"

    def _mass(self, v: float, item: _Item) -> tuple[str, str]:
        if not math.isfinite(v):
            return "MODEL_NET_MASS", "net mass not given"
        return "MODEL_NET_MASS", f"net mass {_n(math.expm1(v))} kg"

    def _uv_kg(self, v: float, item: _Item) -> tuple[str, str]:
        if not math.isfinite(v):
            return "MODEL_UNIT_VALUE_PER_KG", "unit value per kg unknown (value or mass missing)"
        return "MODEL_UNIT_VALUE_PER_KG", f"declared unit value {self.uv(math.exp(v))}"

    def _uv_unit(self, v: float, item: _Item) -> tuple[str, str]:
        unit = item.t("quantity_unit") or "unit"
        if not math.isfinite(v):
            return "MODEL_UNIT_VALUE_PER_UNIT", "value per unit of quantity unknown"
        return "MODEL_UNIT_VALUE_PER_UNIT", f"declared value {self.uv(math.exp(v), unit)}"

    def _duty_rate(self, v: float, item: _Item) -> tuple[str, str]:
        shown = f"{v:g} %" if math.isfinite(v) else "not given"
        return "MODEL_DUTY_RATE", f"duty rate {shown}"

    def _duty_at_stake(self, v: float, item: _Item) -> tuple[str, str]:
        shown = self.money(math.expm1(v)) if math.isfinite(v) else "unknown"
        return "MODEL_DUTY_AT_STAKE", f"duty and tax at stake {shown}"

    def _hs_chapter(self, v: float, item: _Item) -> tuple[str, str]:
        shown = f"{int(v):02d}" if math.isfinite(v) else "unknown"
        return "MODEL_HS_CHAPTER", f"goods of HS chapter {shown}"

    def _uv_z(self, z: float, item: _Item) -> tuple[str, str]:
        if not math.isfinite(z):
            return "MODEL_UNIT_VALUE_UNCOMPARED", (
                f"unit value could not be compared with peers ({self.peers(item)})"
            )
        way = "below" if z < 0 else "above"
        code = "MODEL_UNIT_VALUE_LOW" if z < 0 else "MODEL_UNIT_VALUE_HIGH"
        uv = math.exp(item.f("log_uv_kg"))
        return code, (
            f"declared unit value {self.uv(uv)} is {abs(z):.1f} robust standard deviations "
            f"{way} the median of {self.peers(item)}"
        )

    def _uv_pct(self, pct: float, item: _Item) -> tuple[str, str]:
        if not math.isfinite(pct):
            return self._uv_z(math.nan, item)
        code = "MODEL_UNIT_VALUE_LOW" if pct < 0.5 else "MODEL_UNIT_VALUE_HIGH"
        return code, (
            f"declared unit value sits at the {pct * 100:.0f}th percentile of {self.peers(item)}"
        )

    def _peer_level(self, level: float, item: _Item) -> tuple[str, str]:
        return "MODEL_PEER_GROUP", f"unit value compared with {self.peers(item)}"

    def _peer_n(self, v: float, item: _Item) -> tuple[str, str]:
        return "MODEL_PEER_GROUP", f"unit value compared with {self.peers(item)}"

    def _price_ratio(self, v: float, item: _Item) -> tuple[str, str]:
        ratio = item.f("unit_price_ratio")
        group = f"HS {_or(item.t('hs6'))} from {_or(item.t('origin_country'))}"
        if not math.isfinite(ratio) or ratio <= 0:
            return "MODEL_PRICE_RATIO_UNKNOWN", (
                f"no reference price: fewer than {self.builder.min_reference} earlier "
                f"declarations of {group}"
            )
        uv = math.exp(item.f("log_uv_kg"))
        code = "MODEL_PRICE_RATIO_LOW" if ratio < 1 else "MODEL_PRICE_RATIO_HIGH"
        return code, (
            f"declared unit value {self.uv(uv)} is {of_the_median(ratio)} of "
            f"{self.uv(uv / ratio)} for {group} in earlier declarations"
        )

    def _uv_unit_z(self, z: float, item: _Item) -> tuple[str, str]:
        unit = item.t("quantity_unit") or "unit"
        if not math.isfinite(z):
            return "MODEL_UNIT_PRICE_UNCOMPARED", (
                f"value per {unit} could not be compared with peers"
            )
        way = "below" if z < 0 else "above"
        code = "MODEL_UNIT_PRICE_LOW" if z < 0 else "MODEL_UNIT_PRICE_HIGH"
        return code, (
            f"value per {unit} is {abs(z):.1f} robust standard deviations {way} its peers' median"
        )

    def _imp_mean_z(self, z: float, item: _Item) -> tuple[str, str]:
        who = self.entity("importer", item)
        if not math.isfinite(z):
            return "MODEL_IMPORTER_PRICES", f"{who} has no earlier declaration to compare prices"
        way = "below" if z < 0 else "above"
        return "MODEL_IMPORTER_PRICES", (
            f"{who}'s earlier declarations sit on average {abs(z):.1f} robust standard "
            f"deviations {way} their peers' unit values"
        )

    def _imp_z_change(self, v: float, item: _Item) -> tuple[str, str]:
        who = self.entity("importer", item)
        if not math.isfinite(v):
            return "MODEL_IMPORTER_PRICE_CHANGE", f"no usual price position of {who} to compare"
        way = "lower" if v < 0 else "higher"
        return "MODEL_IMPORTER_PRICE_CHANGE", (
            f"this unit value is {abs(v):.1f} robust standard deviations {way} against its "
            f"peers than {who} usually declares"
        )

    def _imp_hs6_change(self, v: float, item: _Item) -> tuple[str, str]:
        who = (
            f"{self.entity('importer', item)}'s own earlier declarations of HS {_or(item.t('hs6'))}"
        )
        if not math.isfinite(v):
            return "MODEL_IMPORTER_HS6_PRICE", f"no earlier price in {who}"
        return "MODEL_IMPORTER_HS6_PRICE", (
            f"declared unit value is {math.exp(v):.2f} × the average of {who}"
        )

    def _global_rate(self, v: float, item: _Item) -> tuple[str, str]:
        shown = f"{v:.0%}" if math.isfinite(v) else "unknown"
        return "MODEL_OVERALL_RATE", f"share of earlier controls that found an irregularity {shown}"

    def _rate(self, name: str, rate: float, item: _Item) -> tuple[str, str]:
        code = f"MODEL_{name.upper()}_RECORD"
        who = self.entity(name, item)
        n_log = item.f(f"{name}_log_ctrl")
        prior = item.f("global_rate")
        if not (math.isfinite(n_log) and math.isfinite(rate)):
            return code, f"{who}: hit rate of earlier controls unknown"
        n = _count(math.expm1(n_log))
        if n == 0:
            return code, (f"{who}: no earlier control, so the overall hit rate {prior:.2f} applies")
        strengths = getattr(self.builder, "prior_strengths", {}) or {}
        m = strengths.get(name, self.builder.prior_strength)
        k = _count(rate * (n + m) - m * prior) if math.isfinite(prior) else None
        found = f"{k} of {n}" if k is not None else f"{n}"
        return code, (
            f"{who}: {found} earlier controls found an irregularity "
            f"(smoothed hit rate {rate:.2f}; {prior:.2f} overall)"
        )

    def _recent_rate(self, name: str, rate: float, item: _Item) -> tuple[str, str]:
        who = self.entity(name, item)
        prior = item.f("global_rate")
        if not math.isfinite(rate):
            return f"MODEL_{name.upper()}_RECENT", f"{who}: recent control record unknown"
        half = _n(float(self.builder.half_life_days))
        return f"MODEL_{name.upper()}_RECENT", (
            f"{who}: recent controls found irregularities more often than the overall "
            f"{prior:.0%} (recency-weighted hit rate {rate:.0%}, half-life {half} days)"
            if math.isfinite(prior) and rate > prior
            else f"{who}: recency-weighted hit rate of controls {rate:.0%} (half-life {half} days)"
        )

    def _below_band(self, v: float, item: _Item) -> tuple[str, str]:
        factor = math.exp(v) if math.isfinite(v) else math.nan
        return "MODEL_PRICE_BELOW_BAND", (
            f"declared unit value below the usual price band of {self.peers(item)}"
            + (f" (the band's 5th percentile is {_n(factor)} × it)" if v > 0 else "")
            + ": possible undervaluation"
        )

    def _above_band(self, v: float, item: _Item) -> tuple[str, str]:
        factor = math.exp(v) if math.isfinite(v) else math.nan
        return "MODEL_PRICE_ABOVE_BAND", (
            f"declared unit value above the usual price band of {self.peers(item)}"
            + (f" ({_n(factor)} × its 95th percentile)" if v > 0 else "")
            + ": possible overvaluation or misclassification"
        )

    def _crit_rate(self, name: str, rate: float, item: _Item) -> tuple[str, str]:
        shown = f"{rate:.3f}" if math.isfinite(rate) else "unknown"
        return f"MODEL_{name.upper()}_CRITICAL", (
            f"{self.entity(name, item)}: smoothed rate of critical findings {shown}"
        )

    def _controls(self, name: str, v: float, item: _Item) -> tuple[str, str]:
        n = _count(math.expm1(v)) if math.isfinite(v) else 0
        who = self.entity(name, item)
        text = (
            f"{who}: no control on record, so no history vouches for it"
            if n == 0
            else f"{who}: {n} earlier controls on record"
        )
        return f"MODEL_{name.upper()}_CONTROLS", text

    def _activity_n(self, name: str, v: float, item: _Item) -> tuple[str, str]:
        n = _count(math.expm1(v)) if math.isfinite(v) else 0
        who = self.entity(name, item)
        text = f"{who}: no earlier declaration" if n == 0 else f"{who}: {n} earlier declarations"
        return f"MODEL_{name.upper()}_ACTIVITY", text

    def _tenure(self, name: str, v: float, item: _Item) -> tuple[str, str]:
        who = self.entity(name, item)
        text = (
            f"{who}: never seen before"
            if not math.isfinite(v)
            else f"{who}: first seen {v:.0f} days before this declaration"
        )
        return f"MODEL_{name.upper()}_TENURE", text

    def _recency(self, name: str, v: float, item: _Item) -> tuple[str, str]:
        who = self.entity(name, item)
        text = (
            f"{who}: never seen before"
            if not math.isfinite(v)
            else f"{who}: last declaration {v:.0f} days before this one"
        )
        return f"MODEL_{name.upper()}_RECENCY", text

    def _is_new(self, name: str, v: float, item: _Item) -> tuple[str, str]:
        who = self.entity(name, item)
        text = f"first declaration by {who}" if v == 1 else f"{who} has declared before"
        return f"MODEL_{name.upper()}_NEW", text

    def _category(self, feature: str, value: float | str, item: _Item) -> tuple[str, str]:
        column = feature.removeprefix("cat_")
        label = (
            f"attribute {column.removeprefix('attr_')}"
            if column.startswith("attr_")
            else column.replace("_", " ")
        )
        code = f"MODEL_{column.upper()}"
        if isinstance(value, str):
            return code, f"{label} {value}"
        return code, f"{label} {self.category(feature, value)}"

    def category(self, feature: str, value: float) -> str:
        """A category code back to its label."""
        cats = self.builder.categories.get(feature.removeprefix("cat_"), [])
        if not math.isfinite(value) or not 0 <= int(value) < len(cats):
            return "rare or not seen in training"
        return cats[int(value)]


# --------------------------------------------------------------------------- explanations


def _family_matrix(columns: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """(features, families) 0/1 matrix summing features of one quantity, and family heads."""
    heads = [c for c in columns if c not in FAMILIES or FAMILIES[c] not in columns]
    where = {h: j for j, h in enumerate(heads)}
    matrix = np.zeros((len(columns), len(heads)))
    for i, c in enumerate(columns):
        head = FAMILIES.get(c, c)
        matrix[i, where.get(head, where.get(c, 0))] = 1.0
    return matrix, heads


def _item_labels(details: ItemAssessment, rows: np.ndarray) -> list[str]:
    """Prefixes such as "item 3: " for a declaration's items (their seq, else position)."""
    source = details.features.source
    seq = source.numbers("seq")[rows] if source is not None and "seq" in source else None
    labels = []
    for k, r in enumerate(rows.tolist()):
        s = seq[k] if seq is not None else math.nan
        labels.append(f"item {int(s) if math.isfinite(s) else r + 1}: ")
    return labels


def _absent_reason(engine: RiskEngine, columns: Mapping[str, int]) -> str | None:
    """Why the model part is absent (None when it is there): no model, or features that lack
    the model's inputs (``columns``: the feature names present)."""
    if engine.fraud is None or engine.fraud.model is None:
        why = "; ".join(engine.notes) if engine.notes else "the engine has no supervised model"
        return f"model part absent: {why}"
    missing = [c for c in engine.fraud.columns if c not in columns]
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        return f"model part absent: the features lack the model's inputs {shown}"
    return None


def explain_details(
    engine: RiskEngine,
    details: ItemAssessment,
    *,
    top: int = DEFAULT_TOP,
    currency: str | None = None,
) -> list[Explanation]:
    """Explanations from an :meth:`RiskEngine.assess_items` result (one per declaration, in
    the order of ``details.assessments``).

    Everything that can be is computed on whole arrays first (SHAP in one call, the top
    contributions, the rule hits and anomaly flags per declaration); the loop over
    declarations only writes sentences.
    """
    return _explained(engine, details, np.arange(len(details.riskiest)), top, currency)


def explain_some(
    engine: RiskEngine,
    details: ItemAssessment,
    rows: np.ndarray,
    *,
    top: int = DEFAULT_TOP,
    currency: str | None = None,
) -> list[Explanation]:
    """The explanations of the declarations at positions ``rows`` of ``details.assessments``
    (in that order), as :func:`explain_details` gives them: each row's SHAP, decomposition and
    sentences depend on that row alone, so they are the same numbers whichever rows are
    explained with it; only the rows asked for cost their SHAP (``clearlane score`` explains
    the declarations it routes yellow, red or blue, see docs/explanations.md)."""
    return _explained(engine, details, np.asarray(rows, dtype=np.intp), top, currency)


def _explained(
    engine: RiskEngine,
    details: ItemAssessment,
    sel: np.ndarray,
    top: int,
    currency: str | None,
) -> list[Explanation]:
    m = len(details.riskiest)
    n = len(sel)
    if m == 0 or n == 0:
        return []
    x = details.features
    prep = x.prep or {}
    book = Phrasebook(engine.builder, currency=currency)
    absent = _absent_reason(engine, x.where)
    riskiest = details.riskiest
    declaration = details.declaration
    several = len(declaration) != m

    # Model: SHAP on the riskiest items in one call, then the top quantities per declaration.
    columns: list[str] = []
    base: float | None = None
    phi = np.empty((n, 0))
    raw_list: list[float] = []
    top_heads: list[list[str]] = [[] for _ in range(n)]
    top_weights: list[list[float]] = [[] for _ in range(n)]
    raw = np.full(n, np.nan)
    explained = riskiest[sel]  # the items SHAP is computed on
    if absent is None and engine.fraud is not None:
        me = _explainer(engine.fraud)
        columns = me.columns
        phi, base, raw = me.contributions(x.select(columns)[explained])
    decomposition = fused_decomposition(
        engine, details.components, explained, phi, base, raw if absent is None else None
    )
    if absent is None and engine.fraud is not None:
        heads = me.heads
        fam = decomposition.contributions @ me.family
        k = min(top, fam.shape[1])
        if k > 0:
            order = np.argsort(-fam, axis=1, kind="stable")[:, :k]
            top_weights = np.take_along_axis(fam, order, axis=1).tolist()  # descending
            top_heads = np.asarray(heads, dtype=object)[order].tolist()
        raw_list = raw.tolist()

    # Profiles: the hits of each declaration (union over its items).
    profile_set = details.profiles if isinstance(details.profiles, ProfileSet) else None
    hit_lists: list[list[int]] = [[] for _ in range(m)]
    mandatory_any = np.zeros(m, dtype=bool)
    if details.hits is not None and details.hits.shape[1]:
        per_declaration = np.zeros((m, details.hits.shape[1]), dtype=bool)
        np.logical_or.at(per_declaration, declaration, details.hits)
        for d in np.flatnonzero(per_declaration.any(axis=1)).tolist():
            hit_lists[d] = np.flatnonzero(per_declaration[d]).tolist()
    if details.mandatory is not None:
        np.logical_or.at(mandatory_any, declaration, details.mandatory.astype(bool))
    profile_reasons = _profile_reasons(details.hit_ids, profile_set)

    # Anomalies: flagged items per declaration, in frame order.
    flagged: dict[int, list[int]] = {}
    flag = details.price.get("flag")
    forest = details.components.get("anomaly_iforest")
    rank = np.asarray(forest, dtype=float) if forest is not None else np.zeros(len(declaration))
    unusual = rank >= IFOREST_REPORT_RANK
    priced = np.asarray(flag != "", dtype=bool) if flag is not None else np.zeros_like(unusual)
    for i in np.flatnonzero(priced | unusual).tolist():
        flagged.setdefault(int(declaration[i]), []).append(i)
    label_cache: dict[int, dict[int, str]] = {}
    items_of = details.items_of() if several else []

    def labels(d: int) -> dict[int, str]:
        """Item prefixes ("item 2: ") for a declaration with several items, else none."""
        if not several or len(items_of[d]) < 2:
            return {}
        if d not in label_cache:
            rows = items_of[d]
            label_cache[d] = dict(zip(rows.tolist(), _item_labels(details, rows), strict=True))
        return label_cache[d]

    # Documents: the declaration's discrepancies with both values (clearlane.features.facts).
    source = x.source
    evidence = (
        source.objects(EVIDENCE_COLUMN)
        if source is not None and EVIDENCE_COLUMN in source
        else None
    )
    invoice_currencies = (
        source.texts("invoice_currency")
        if source is not None
        else np.full(len(declaration), np.nan)
    )

    refs = details.values("reference")
    versions = details.values("version")
    scores = np.asarray(details.table["score"], dtype=float).tolist()
    missing = details.values("missing_fields")
    riskiest_list = riskiest.tolist()
    absent_note = Reason("MODEL_ABSENT", "note", absent) if absent is not None else None

    out: list[Explanation] = []
    for k, d in enumerate(sel.tolist()):
        r = riskiest_list[d]
        prefixes = labels(d)
        mandatory: list[Reason] = []
        profile: list[Reason] = []
        for j in hit_lists[d]:
            hit, demand = profile_reasons[j]
            profile.append(hit)
            if demand is not None:
                mandatory.append(demand)
        if mandatory_any[d] and not mandatory:
            mandatory.append(
                Reason("MANDATORY_CONTROL", "profile", "a risk profile demands a control")
            )
        if len(profile) > 1:
            profile.sort(key=lambda reason: -(reason.weight or 0.0))
        model: list[Reason] = []
        weights_d = top_weights[k]
        if weights_d and weights_d[0] > 0:
            item = _Item(x.values[r], x.where, prep, r)
            prefix = prefixes.get(r, "")
            for name, weight in zip(top_heads[k], weights_d, strict=True):
                if not weight > 0:  # only what raises the risk
                    break
                value: float | str = item.f(name)
                code, text = book.say(name, value, item)
                if name.startswith("cat_") and isinstance(value, float):
                    value = book.category(name, value)
                model.append(Reason(code, "model", prefix + text, weight, name, value))
        anomaly: list[Reason] = []
        rows = flagged.get(d)
        if rows:
            for i in rows:
                if priced[i]:
                    anomaly.append(
                        _price_reason(engine, book, x, details.price, i, prefixes.get(i, ""))
                    )
            for i in rows:
                if unusual[i]:
                    anomaly.append(_iforest_reason(float(rank[i]), prefixes.get(i, "")))
        documents = (
            _document_reasons(evidence[r], invoice_currencies[r], currency)
            if evidence is not None
            else []
        )
        notes: list[Reason] = []
        if absent_note is not None:
            notes.append(absent_note)
        if missing[d]:
            notes.append(_missing_reason(str(missing[d])))
        out.append(
            Explanation(
                reference=str(refs[d]),
                version=int(versions[d]),
                score=scores[d],
                reasons=[*mandatory, *model, *profile, *documents, *anomaly, *notes],
                model_base=base,
                model_contributions=dict(zip(columns, phi[k].tolist(), strict=True)),
                model_raw=raw_list[k] if raw_list else None,
                model_absent=absent,
                base=float(decomposition.base[k]),
                parts={name: float(v[k]) for name, v in decomposition.parts.items()},
                contributions=dict(
                    zip(columns, decomposition.contributions[k].tolist(), strict=True)
                ),
            )
        )
    return out


@dataclass
class FusedDecomposition:
    """Per row: ``base + sum(parts) == logit(fused score)`` exactly; ``contributions`` (rows,
    model features) add up to ``parts["model"]``."""

    base: np.ndarray
    parts: dict[str, np.ndarray]
    contributions: np.ndarray


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), _EPS, 1 - _EPS)
    return np.log(p / (1 - p))


def fused_decomposition(
    engine: RiskEngine,
    components: Mapping[str, np.ndarray],
    rows: np.ndarray,
    phi: np.ndarray,
    model_base: float | None,
    raw: np.ndarray | None,
) -> FusedDecomposition:
    """The fused score of ``rows`` in the logit space, split into model / rules / anomaly /
    fusion parts (see :class:`clearlane.risk.engine.Fusion`).

    The stacked logit is ``intercept + w_model * logit(p_model) + w_rules * rules + w_if *
    iforest + w_price * price``: the model part is its term minus the term at the model's
    base value (the base carries the rest), split over the features in proportion to their
    contributions on the model's own margin (SHAP, or coefficient x input for the logistic
    model); rules and anomaly are their terms (without stacking weights, few labels: the rules
    part is what their noisy-OR adds); the fusion part is what the agreement floor (and rules
    given only at scoring time to a fitted stack) add on top of the stack.
    """
    n = len(rows)
    sub = {k: np.asarray(v)[rows] for k, v in components.items() if k != "notes"}
    target = _logit(np.asarray(sub["score"], dtype=float))
    zero = np.zeros(n)
    contrib = np.zeros(phi.shape if phi.size else (n, 0))
    if engine.fraud is None or raw is None:
        iforest = np.nan_to_num(np.asarray(sub["anomaly_iforest"], dtype=float), nan=0.0)
        price = np.nan_to_num(np.asarray(sub["price_anomaly"], dtype=float), nan=0.0)
        anomaly = _logit(0.5 * iforest + 0.5 * price)
        parts = {"model": zero, "rules": target - anomaly, "anomaly": anomaly, "fusion": zero}
        return FusedDecomposition(zero.copy(), parts, contrib)
    fusion = engine.fusion
    stack = {k: sub[k] for k in fusion.inputs} if fusion.fitted else {"model": sub["model"]}
    if fusion.fitted:
        terms = fusion.terms(stack)
        weight = fusion.weights()["model"]
    else:
        terms = {"intercept": zero, "model": _stack_logit(sub["model"])}
        weight = 1.0
    stacked = sum(terms.values(), zero)
    base_term = weight * float(_stack_logit(_calibrated(engine, np.array([model_base])))[0])
    # The floor only ever raises the score: a negative gap between the fused score's logit and
    # the stack is rounding (score -> logit near 1 loses digits), credited to the model part so
    # the parts still add up exactly.
    gap = target - stacked
    rounding = np.minimum(gap, 0.0)
    # The declared-fields model (a second model of the same declaration, see
    # DeclaredFieldsModel) is credited to the model part, split like the main model's.
    model_part = terms["model"] + terms.get("declared", zero) - base_term + rounding
    # Without stacking weights (few labels) the rules enter after the model and the floor as
    # a noisy-OR (Fusion.fused): what they add on top of those is theirs, not the fusion's.
    rules_added = zero
    if not fusion.fitted and "rules" in sub and not np.isnan(sub["rules"]).all():
        before_rules = _logit(np.asarray(fusion(sub), dtype=float))
        rules_added = np.clip(target - before_rules, 0.0, np.maximum(gap - rounding, 0.0))
    total = phi.sum(axis=1) if phi.size else zero
    ok = np.abs(total) > 1e-12
    scale = np.where(ok, model_part / np.where(ok, total, 1.0), 0.0)
    if phi.size:
        contrib = phi * scale[:, None]
    base = terms["intercept"] + base_term + np.where(ok, 0.0, model_part)
    parts = {
        "model": np.where(ok, model_part, 0.0),
        "rules": terms.get("rules", zero) + rules_added,
        "anomaly": terms.get("anomaly_iforest", zero) + terms.get("price_anomaly", zero),
        "fusion": gap - rounding - rules_added,
    }
    return FusedDecomposition(base, parts, contrib)


def _stack_logit(p: np.ndarray) -> np.ndarray:
    """The model's probability as the stacking reads it (clipped to [MODEL_CLIP, 1 -
    MODEL_CLIP], see :data:`clearlane.risk.engine.MODEL_CLIP`)."""
    from clearlane.risk.engine import MODEL_CLIP

    q = np.clip(np.nan_to_num(np.asarray(p, dtype=float), nan=0.0), MODEL_CLIP, 1 - MODEL_CLIP)
    return np.log(q / (1 - q))


def _calibrated(engine: RiskEngine, margin: np.ndarray) -> np.ndarray:
    """The model component for a raw margin (sigmoid, calibration, clip to [0, 1])."""
    from clearlane.risk.supervised import _apply_calibrator

    assert engine.fraud is not None
    p = 1.0 / (1.0 + np.exp(-np.asarray(margin, dtype=float)))
    return np.clip(_apply_calibrator(engine.fraud.calibrator, p), 0.0, 1.0)


def profile_reasons(
    hit_ids: Sequence[str], profiles: ProfileSet | None
) -> list[tuple[Reason, Reason | None]]:
    """Per profile id: its PROFILE_HIT reason and, when it demands a control, its
    MANDATORY_CONTROL reason (a rules-only answer explains itself with these alone)."""
    return _profile_reasons(hit_ids, profiles)


def _profile_reasons(
    hit_ids: Sequence[str], profiles: ProfileSet | None
) -> list[tuple[Reason, Reason | None]]:
    """Per profile column of the hits: its PROFILE_HIT reason and, when it demands a control,
    its MANDATORY_CONTROL reason (the same for every declaration it hits)."""
    out: list[tuple[Reason, Reason | None]] = []
    for pid in hit_ids:
        p = None
        if profiles is not None:
            try:
                p = profiles[pid]
            except KeyError:
                p = None
        if p is None:
            out.append(
                (Reason("PROFILE_HIT", "profile", f"risk profile {pid} hit", None, None, pid), None)
            )
            continue
        hit = Reason(
            "PROFILE_HIT",
            "profile",
            f"risk profile {p.id} ({p.name}): {p.rationale}",
            p.weight,
            None,
            p.id,
        )
        demand = None
        if p.mandatory_control:
            demand = Reason(
                "MANDATORY_CONTROL",
                "profile",
                f"risk profile {p.id} ({p.name}) demands a control of every declaration it hits",
                p.weight,
                None,
                p.id,
            )
        out.append((hit, demand))
    return out


def _document_reasons(found: Any, invoice_currency: Any, currency: str | None) -> list[Reason]:
    """One reason per discrepancy with the declaration's documents (source ``document``):
    the code, both values in the sentence, the fact column as ``feature`` and the document's
    value as ``value``."""
    if not isinstance(found, list | tuple):
        return []
    declared_currency = invoice_currency if isinstance(invoice_currency, str) else None
    out = []
    for e in found:
        if not isinstance(e, Mapping):
            continue
        code = str(e.get("code") or "")
        kind = str(e.get("source") or "")
        feature = (
            HS_COLUMN
            if kind == "hs"
            else f"{'link' if kind == 'manifest' else 'doc'}_{code.lower()}"
        )
        value = e.get("document")
        text = discrepancy_sentence(e, invoice_currency=declared_currency, currency=currency)
        out.append(
            Reason(code, "document", text, None, feature, None if value is None else str(value))
        )
    return out


def _iforest_reason(rank: float, prefix: str) -> Reason:
    return Reason(
        "IFOREST_UNUSUAL",
        "anomaly",
        f"{prefix}unusual combination of value, mass, unit value and trader history: stranger "
        f"than {rank:.0%} of the declarations the isolation forest learned from (reported "
        f"from {IFOREST_REPORT_RANK:.0%})",
        None,
        None,
        rank,
    )


def _missing_reason(missing: str) -> Reason:
    fields = ", ".join(missing.split(","))
    return Reason(
        "MISSING_FIELDS",
        "note",
        f"missing inputs: {fields}; features built on them count as unknown and profiles that "
        "need them could not decide",
        None,
        None,
        missing,
    )


def _price_reason(
    engine: RiskEngine,
    book: Phrasebook,
    x: FeatureMatrix,
    price: Mapping[str, np.ndarray],
    i: int,
    prefix: str,
) -> Reason:
    item = _Item.of(x, i)
    flag = str(price["flag"][i])
    ratio = float(price["ratio"][i])
    median = math.exp(float(price["median"][i]))
    uv = math.exp(item.num("log_uv_kg"))
    level = int(price["level"][i])
    n = _count(float(price["n"][i]))
    z = float(price["z"][i])
    until = engine.price_reference.refreshed_until
    window = f" up to {str(until)[:10]}" if until else ""
    return Reason(
        "PRICE_UNDER" if flag == "under" else "PRICE_OVER",
        "anomaly",
        f"{prefix}declared unit value {book.uv(uv)} is {of_the_median(ratio)} of "
        f"{book.uv(median)} for {book._level_text(level, item)} ({n} declarations in the price "
        f"reference{window}; {z:+.1f} robust standard deviations)",
        None,
        None,
        ratio,
    )


def _frame_of(declaration: Declaration | pd.DataFrame) -> pd.DataFrame:
    if isinstance(declaration, Declaration):
        return pd.DataFrame.from_records(declaration_rows(declaration))
    if isinstance(declaration, pd.DataFrame):
        return declaration
    raise TypeError(
        f"explain_one takes a Declaration or the declaration's analysis-frame rows, "
        f"not {type(declaration).__name__}"
    )


def explain(
    engine: RiskEngine,
    frame: pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    top: int = DEFAULT_TOP,
    currency: str | None = None,
) -> list[Explanation]:
    """One :class:`Explanation` per declaration, in the order of ``engine.assess(frame)``.

    ``top``: how many model reasons (features raising the risk) to list; ``currency``: the
    currency of customs values, quoted in the sentences.
    """
    details = engine.assess_items(frame, profiles=profiles)
    return explain_details(engine, details, top=top, currency=currency)


def explain_one(
    engine: RiskEngine,
    declaration: Declaration | pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    top: int = DEFAULT_TOP,
    currency: str | None = None,
) -> Explanation:
    """The explanation of one declaration (a :class:`Declaration` or its frame rows)."""
    frame = _frame_of(declaration)
    got = explain(engine, frame, profiles=profiles, top=top, currency=currency)
    if len(got) != 1:
        shown = ", ".join(e.reference for e in got[:5])
        raise ValueError(
            f"explain_one takes one declaration; the rows hold {len(got)}"
            + (f" ({shown})" if got else "")
        )
    return got[0]


def assess_with_reasons(
    engine: RiskEngine,
    frame: pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    top: int = DEFAULT_TOP,
    currency: str | None = None,
) -> pd.DataFrame:
    """``engine.assess(frame)`` plus a ``reasons`` column (list of reason dicts per
    declaration); the assessment columns are exactly those of ``engine.assess``."""
    details = engine.assess_items(frame, profiles=profiles)
    explanations = explain_details(engine, details, top=top, currency=currency)
    out = details.assessments.copy()
    out["reasons"] = pd.Series(
        [[r.to_dict() for r in e.reasons] for e in explanations], index=out.index, dtype=object
    )
    return out
