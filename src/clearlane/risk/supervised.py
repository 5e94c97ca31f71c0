"""Supervised scorers trained on control results, and the plain comparators beside them.

The engine's model (:class:`BinaryModel`) is LightGBM (or, below 200 positives, a regularised
logistic regression) on point-in-time features: identifiers
such as importer, declarant and HS6 enter only through their smoothed past hit rates and counts
(see :mod:`clearlane.features`), so an unseen importer scores from the prior instead of from a
memorised code. Class imbalance is handled either by class weights or by SMOTE, whichever gives
the better average precision on the last time block; probabilities are calibrated on
out-of-fold predictions (:meth:`BinaryModel.fit_crossfit`), because officers and the fusion
layer read them as probabilities.
"""

from __future__ import annotations

import warnings
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.optimize import brentq
from scipy.special import expit
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.impute import SimpleImputer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, export_text

from clearlane.features import FeatureBuilder
from clearlane.features.builder import FeatureMatrix, category_codes, code_lookup
from clearlane.features.columns import FrameColumns
from clearlane.risk import compiled
from clearlane.risk.errors import InsufficientLabelsError, NotFittedError

Imbalance = Literal["auto", "none", "weights", "smote"]
# The imbalance methods ``imbalance="auto"`` chooses between, on the last time block's average
# precision. "none" (the rows as they are, no ``scale_pos_weight``) can be asked for but is not
# among them: issue #11's ablation (KCS 2020, benchmarks/novel_rows.py, 3 seeds) found that it
# would win the selection on KCS and lift all rows by about 0.002 PR-AUC, but the rows never
# seen before went 0.264 -> 0.264 (train Jan-Jun) and 0.286 -> 0.282 (train Jan-Sep): no gain
# where it was meant to help, so the recipe stays as it was.
AUTO_IMBALANCE: tuple[str, ...] = ("weights", "smote")

# Chosen on KCS 2020 (train Jan-Sep, validate Oct-Dec); 2021 was not looked at to pick them.
ENGINE_PARAMS: dict[str, Any] = {
    "n_estimators": 2000,
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_child_samples": 20,
    "subsample": 0.8,
    "subsample_freq": 1,
    "colsample_bytree": 0.8,
    "reg_lambda": 1.0,
    "min_data_per_group": 50,
    "cat_smooth": 10.0,
}
EARLY_STOPPING_ROUNDS = 100
# The critical-case model (about 1 % positives) with the same recipe: its average precision on
# the selection block climbs to a plateau and then wanders within about 0.01, so early stopping
# (patience 100) stopped anywhere between about 120 and 900 trees depending on the seed and
# the feature set (an engine trained on KCS 2020 served 1,200 trees after the refit's scaling,
# 80 % of the batch's booster time). At learning rate 0.05 it reaches the plateau by about
# 300 trees (KCS 2020, trained Jan-Sep, mean of 3 seeds: Oct-Dec AP 0.792 at 100 trees,
# 0.810 at 300, 0.812 at 600; at 0.03: 0.775, 0.807, 0.810), so 300 caps the selection and
# every refit. Chosen on 2020 alone; 2021 was not looked at to pick it.
CRITICAL_PARAMS: dict[str, Any] = {**ENGINE_PARAMS, "n_estimators": 300, "learning_rate": 0.05}
# One thread: on a shared machine LightGBM's OpenMP threads spin-wait and two threads were
# measured 20x slower than one on small data; the data sets here are small enough for one.
N_JOBS = 1
# Prediction on a large batch is split over rows, where a second thread pays: on the 2-core
# machine under load (average 12), 32,536 rows took 25-30 % less wall time on two threads
# than on one, for the same CPU time and the same predictions (each row is computed alone).
# How many: predict_threads() (the score_threads setting, default the cores available).
# Below PREDICT_THREAD_ROWS rows (one declaration, an API batch) prediction stays on one.
PREDICT_THREAD_ROWS = 10_000


def predict_threads() -> int:
    """Threads for a large batch's booster predictions: ``CLEARLANE_SCORE_THREADS``, else
    the cores this process may use."""
    from clearlane.config import get_settings

    return get_settings().score_threads or compiled.cores()


def check_labels(
    y: pd.Series, *, target: str = "fraud", min_rows: int = 50, min_positives: int = 5
) -> pd.Series:
    """The controlled rows' labels, or a clear InsufficientLabelsError saying what is lacking."""
    known = pd.to_numeric(y, errors="coerce").dropna()
    if known.empty:
        raise InsufficientLabelsError(
            f"no '{target}' labels: none of the {len(y)} rows has a control result"
        )
    if len(known) < min_rows:
        raise InsufficientLabelsError(
            f"only {len(known)} rows with a '{target}' label; at least {min_rows} are needed"
        )
    positives = int((known == 1).sum())
    negatives = len(known) - positives
    if positives == 0 or negatives == 0:
        only = "non-compliant" if negatives == 0 else "compliant"
        raise InsufficientLabelsError(
            f"'{target}' has one class only: all {len(known)} controlled rows are {only}"
        )
    if positives < min_positives:
        raise InsufficientLabelsError(
            f"only {positives} positive '{target}' rows; at least {min_positives} are needed"
        )
    return known


def model_columns(builder: FeatureBuilder) -> tuple[list[str], list[str]]:
    """Numeric and categorical model inputs of a fitted builder."""
    cats = builder.categorical_names
    return [c for c in builder.feature_names if c not in cats], cats


def _lgbm(params: dict[str, Any], seed: int, **extra: Any) -> lgb.LGBMClassifier:
    return lgb.LGBMClassifier(
        **{**params, **extra}, random_state=seed, n_jobs=N_JOBS, verbose=-1, deterministic=True
    )


def _smote(x: pd.DataFrame, y: np.ndarray, cats: list[str], seed: int) -> tuple[Any, Any]:
    from imblearn.over_sampling import SMOTE

    filled = x.fillna(x.median()).fillna(0.0)
    k = max(1, min(5, int(y.sum()) - 1))
    xs, ys = SMOTE(random_state=seed, k_neighbors=k, sampling_strategy=0.5).fit_resample(filled, y)
    xs = pd.DataFrame(xs, columns=x.columns)
    for c in cats:  # interpolated codes are not categories
        xs[c] = xs[c].round()
    return xs, ys


@dataclass
class BinaryModel:
    """A calibrated LightGBM classifier for one target (fraud or critical)."""

    target: str = "fraud"
    imbalance: Imbalance = "auto"
    params: dict[str, Any] = field(default_factory=lambda: dict(ENGINE_PARAMS))
    seed: int = 0
    columns: list[str] = field(default_factory=list)
    categorical: list[str] = field(default_factory=list)
    model: lgb.LGBMClassifier | None = field(default=None, repr=False)
    calibrator: Any = field(default=None, repr=False)
    selection: dict[str, float] = field(default_factory=dict)
    chosen: str | None = None
    kind: str = "lightgbm"  # or "logistic" (few positives, see fit_crossfit)
    min_gbdt_positives: int = 200
    best_iteration: int = 0
    n_trees: int = 0
    oof_average_precision: float | None = None

    def fit(
        self,
        x: pd.DataFrame,
        y: pd.Series,
        *,
        x_val: pd.DataFrame,
        y_val: pd.Series,
        x_cal: pd.DataFrame,
        y_cal: pd.Series,
    ) -> BinaryModel:
        """Train on x, stop early and pick the imbalance method on val, calibrate on cal."""
        ya, yv, yc = (np.asarray(v, dtype=int) for v in (y, y_val, y_cal))
        xa, xv, xc = x[self.columns], x_val[self.columns], x_cal[self.columns]
        self.model = self._select(xa, ya, xv, yv)
        self.calibrator = _calibrator(_positive(self.model, xc), yc)
        return self

    def fit_crossfit(self, x: pd.DataFrame, y: np.ndarray, block: np.ndarray) -> np.ndarray:
        """Cross-fitting over time blocks (``block``: 0..K-1 per row, in time order).

        1. Selection: train on blocks < K-1, stop early on the last block's average precision
           (the only metric), and pick the imbalance method there.
        2. Out-of-fold: for every block k >= 1 a model trained on blocks < k (trees scaled to
           its rows) predicts block k; the last block reuses the selection model.
        3. Refit on all rows with the chosen number of trees scaled to the larger data
           (at most ``n_estimators``).
        4. Calibrate on the out-of-fold predictions (every labelled row after block 0).

        Below ``min_gbdt_positives`` positives the model is a regularised logistic regression
        (no trees to starve). Returns the raw out-of-fold score per row (NaN for block 0).
        """
        y = np.asarray(y, dtype=int)
        xs = x[self.columns]
        last = int(block.max())
        oof = np.full(len(y), np.nan)
        if last < 1:
            raise InsufficientLabelsError("cross-fitting needs at least two time blocks")
        if int(y.sum()) < self.min_gbdt_positives:
            self.kind = "logistic"
            for k in range(1, last + 1):
                fit, held = block < k, block == k
                if 0 < y[fit].sum() < fit.sum():
                    oof[held] = _positive(self._logistic(xs[fit], y[fit]), xs[held])
            self.model = self._logistic(xs, y)
        else:
            self.kind = "lightgbm"
            sel, val = block < last, block == last
            chosen_model = self._select(xs[sel], y[sel], xs[val], y[val])
            trees = int(getattr(chosen_model, "best_iteration_", 0) or 0) or int(
                chosen_model.n_estimators
            )
            self.best_iteration = trees
            n_sel = int(sel.sum())
            oof[val] = _positive(chosen_model, xs[val])
            for k in range(1, last):
                fit, held = block < k, block == k
                if not 0 < y[fit].sum() < fit.sum():
                    continue
                n = self._scaled(trees, int(fit.sum()), n_sel)
                oof[held] = _positive(self._refit(xs[fit], y[fit], n), xs[held])
            self.n_trees = self._scaled(trees, len(y), n_sel)
            self.model = self._refit(xs, y, self.n_trees)
        known = ~np.isnan(oof)
        self.calibrator = _calibrator(oof[known], y[known]) if known.any() else None
        if known.any() and 0 < y[known].sum() < known.sum():
            self.oof_average_precision = float(average_precision_score(y[known], oof[known]))
        return oof

    def _select(
        self, xa: pd.DataFrame, ya: np.ndarray, xv: pd.DataFrame, yv: np.ndarray
    ) -> lgb.LGBMClassifier:
        """Train one model per imbalance method (stopping early on ``xv``) and keep the one
        with the best average precision there; records every method's figure and the choice."""
        candidates: list[str] = (
            list(AUTO_IMBALANCE) if self.imbalance == "auto" else [self.imbalance]
        )
        if yv.sum() == 0 or yv.sum() == len(yv):
            candidates = candidates[:1]
        best: tuple[float, str, lgb.LGBMClassifier] | None = None
        for method in candidates:
            model = self._train(method, xa, ya, xv, yv)
            ap = (
                average_precision_score(yv, _positive(model, xv)) if 0 < yv.sum() < len(yv) else 0.0
            )
            self.selection[method] = float(ap)
            if best is None or ap > best[0]:
                best = (ap, method, model)
        assert best is not None
        _, self.chosen, chosen = best
        return chosen

    def _scaled(self, trees: int, rows: int, selection_rows: int) -> int:
        """The selected number of trees scaled to ``rows``, never above ``n_estimators``
        (the cap of early stopping holds for the refits too)."""
        cap = int(self.params.get("n_estimators", trees))
        return min(cap, max(10, round(trees * rows / selection_rows)))

    def _logistic(self, x: pd.DataFrame, y: np.ndarray) -> Pipeline:
        """Regularised, class-balanced logistic regression on the numeric inputs."""
        num = [c for c in self.columns if c not in self.categorical]
        pipe = make_pipeline(
            _Select([self.columns.index(c) for c in num]),
            SimpleImputer(strategy="median", keep_empty_features=True),
            StandardScaler(),
            LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000),
        )
        return pipe.fit(x.to_numpy(dtype=float), y)

    def _refit(self, x: pd.DataFrame, y: np.ndarray, n_trees: int) -> lgb.LGBMClassifier:
        """The chosen recipe with a fixed number of trees (no early stopping)."""
        if self.chosen == "smote":
            xs, ys = _smote(x, y, self.categorical, self.seed)
            model = _lgbm({**self.params, "n_estimators": n_trees}, self.seed)
        elif self.chosen == "none":
            xs, ys = x, y
            model = _lgbm({**self.params, "n_estimators": n_trees}, self.seed)
        else:
            xs, ys = x, y
            pos = max(1, int(y.sum()))
            model = _lgbm(
                {**self.params, "n_estimators": n_trees},
                self.seed,
                scale_pos_weight=(len(y) - pos) / pos,
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            model.fit(xs, ys, categorical_feature=self.categorical or "auto")
        return model

    def _train(
        self, method: str, xa: pd.DataFrame, ya: np.ndarray, xv: pd.DataFrame, yv: np.ndarray
    ) -> lgb.LGBMClassifier:
        can_stop = 0 < yv.sum() < len(yv)
        callbacks: list[Callable[..., Any]] = (
            [lgb.early_stopping(EARLY_STOPPING_ROUNDS, first_metric_only=True, verbose=False)]
            if can_stop
            else []
        )
        if method == "smote":
            xs, ys = _smote(xa, ya, self.categorical, self.seed)
            model = _lgbm(self.params, self.seed, metric="average_precision")
        elif method == "none":
            xs, ys = xa, ya
            model = _lgbm(self.params, self.seed, metric="average_precision")
        else:
            xs, ys = xa, ya
            pos = max(1, int(ya.sum()))
            model = _lgbm(
                self.params,
                self.seed,
                metric="average_precision",  # the only metric: early stopping stops on it
                scale_pos_weight=(len(ya) - pos) / pos,
            )
        if not can_stop:
            model.set_params(n_estimators=min(300, self.params.get("n_estimators", 300)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            model.fit(
                xs,
                ys,
                eval_X=xv if can_stop else None,
                eval_y=yv if can_stop else None,
                eval_metric="average_precision",
                categorical_feature=self.categorical or "auto",
                callbacks=callbacks,
            )
        return model

    def raw(self, x: pd.DataFrame | FeatureMatrix) -> np.ndarray:
        if self.model is None:
            raise NotFittedError(f"{self.target} model used before fit")
        if self.kind == "logistic":
            matrix = (
                x.select(self.columns)
                if isinstance(x, FeatureMatrix)
                else x.reindex(columns=self.columns).to_numpy(dtype=float)
            )
            z = standardised(self.model, matrix)
            if z is not None:  # the pipeline's steps without sklearn's per-call checks
                return logistic_proba(self.model[-1], z)
            return np.asarray(self.model.predict_proba(matrix))[:, 1]
        if isinstance(x, FeatureMatrix):
            # The booster on a float matrix: what predict_proba does after converting a frame,
            # without the sklearn wrapper's per-call checks.
            return _booster_predict(self.model, x.select(self.columns))
        return _positive(self.model, x.reindex(columns=self.columns))

    def predict(self, x: pd.DataFrame | FeatureMatrix) -> np.ndarray:
        """Calibrated probability."""
        return np.clip(_apply_calibrator(self.calibrator, self.raw(x)), 0.0, 1.0)

    def importance(self) -> pd.Series:
        if self.model is None:
            return pd.Series(dtype=float)
        if self.kind == "logistic":
            num = [c for c in self.columns if c not in self.categorical]
            coef = np.abs(self.model[-1].coef_[0])
            return pd.Series(coef, index=num).sort_values(ascending=False)
        gain = self.model.booster_.feature_importance(importance_type="gain")
        return pd.Series(gain, index=self.columns).sort_values(ascending=False)


class _Select(BaseEstimator, TransformerMixin):
    """Keep some columns of a float matrix (the logistic model's numeric inputs)."""

    def __init__(self, positions: list[int] | None = None) -> None:
        self.positions = positions

    def fit(self, x: np.ndarray, y: Any = None) -> _Select:
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(x, dtype=float)[:, self.positions or []]


def _calibrator(raw: np.ndarray, y: np.ndarray) -> Any:
    """Isotonic when the calibration slice has enough positives, else Platt (logistic)."""
    if y.sum() == 0 or y.sum() == len(y):
        return None
    if y.sum() >= 50:
        return IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, y)
    platt = LogisticRegression(C=1.0).fit(_logit(raw).reshape(-1, 1), y)
    if float(platt.coef_[0, 0]) <= 0.0:
        # A slope <= 0 says the out-of-fold scores show no usable order on these few positives;
        # taken as it is, it would reverse the model's ranking (issue #11). Instead: slope 1
        # (the model's own spread and order) with the intercept shifted so that the mean
        # probability on the calibration rows is their base rate. Chosen on 2020 over a
        # near-constant base rate (slope 1e-6), which left the model's order in the fused score
        # to a tie-break and lost precision@5 % (docs/risk-engine.md, session 36). Still a
        # LogisticRegression, so every reader of the calibrator works unchanged.
        z, rate = _logit(raw), float(y.mean())
        shift = brentq(lambda b: float(expit(z + b).mean()) - rate, -50.0, 50.0)
        platt.coef_, platt.intercept_ = np.array([[1.0]]), np.array([shift])
    return platt


def _positive(model: lgb.LGBMClassifier, x: pd.DataFrame) -> np.ndarray:
    """Probability of the positive class (``predict_proba`` is typed as possibly a list)."""
    return np.asarray(model.predict_proba(x))[:, 1]


def _booster_predict(model: lgb.LGBMModel, matrix: np.ndarray) -> np.ndarray:
    """``model.predict`` (probability of the positive class for a binary classifier) on a
    float64 matrix, straight through the booster: on one thread, on :func:`predict_threads`
    from ``PREDICT_THREAD_ROWS`` rows on. A booster with compiled code attached
    (:mod:`clearlane.risk.compiled`) runs that instead: the same values within 1e-9."""
    threads = predict_threads() if len(matrix) >= PREDICT_THREAD_ROWS else N_JOBS
    return compiled.predict(model.booster_, matrix, threads)


def _apply_calibrator(calibrator: Any, raw: np.ndarray) -> np.ndarray:
    if calibrator is None:
        return raw
    if isinstance(calibrator, IsotonicRegression):
        # Isotonic steps tie many rows; a tiny share of the raw score keeps the ranking.
        return _isotonic(calibrator, raw) * (1 - 1e-6) + 1e-6 * raw
    if isinstance(calibrator, LogisticRegression) and calibrator.coef_.shape == (1, 1):
        return logistic_proba(calibrator, _logit(raw).reshape(-1, 1))
    return calibrator.predict_proba(_logit(raw).reshape(-1, 1))[:, 1]


def _isotonic(calibrator: IsotonicRegression, raw: np.ndarray) -> np.ndarray:
    """``IsotonicRegression.predict`` (out_of_bounds="clip"): clip to the fitted range, then
    linear interpolation between the thresholds, as sklearn's interp1d does via np.interp."""
    f = getattr(calibrator, "f_", None)
    xs, ys = getattr(f, "x", None), getattr(f, "y", None)
    if calibrator.out_of_bounds != "clip" or xs is None or ys is None or np.ndim(ys) != 1:
        return np.asarray(calibrator.predict(raw), dtype=float)
    t = np.clip(np.asarray(raw, dtype=float).reshape(-1), calibrator.X_min_, calibrator.X_max_)
    return np.interp(t, xs, ys).astype(t.dtype)


def logistic_proba(model: LogisticRegression, x: np.ndarray) -> np.ndarray:
    """``predict_proba(x)[:, 1]`` of a fitted binary LogisticRegression without sklearn's
    per-call validation: the same decision function and expit."""
    decision = x @ model.coef_.T + model.intercept_
    return np.asarray(expit(decision.reshape(-1)), dtype=float)


@dataclass(frozen=True)
class _Standardise:
    """The numbers of a fitted (select, impute, scale) prefix of the logistic pipeline."""

    positions: list[int]
    fill: np.ndarray
    mean: np.ndarray
    scale: np.ndarray


_STANDARDISE: weakref.WeakKeyDictionary[Any, _Standardise | None] = weakref.WeakKeyDictionary()


def _standardise_of(pipeline: Any) -> _Standardise | None:
    """The pipeline's numbers when it is exactly the logistic model's (:class:`_Select`, a
    NaN-imputing :class:`SimpleImputer` that keeps every column and adds no indicator, a
    centring and scaling :class:`StandardScaler`, a binary :class:`LogisticRegression`), else
    None (the pipeline itself is then called)."""
    steps = [step for _, step in getattr(pipeline, "steps", ())]
    if len(steps) != 4 or [type(s) for s in steps] != [
        _Select,
        SimpleImputer,
        StandardScaler,
        LogisticRegression,
    ]:
        return None
    select, impute, scale, logistic = steps
    missing = impute.missing_values
    if not (isinstance(missing, float) and missing != missing) or impute.add_indicator:
        return None
    fill = np.asarray(impute.statistics_)
    if fill.dtype != np.float64 or (not impute.keep_empty_features and np.isnan(fill).any()):
        return None
    if not (scale.with_mean and scale.with_std) or scale.scale_ is None:
        return None
    if len(logistic.classes_) != 2 or logistic.coef_.shape != (1, len(fill)):
        return None
    positions = list(select.positions or [])
    if len(positions) != len(fill):
        return None
    mean = np.asarray(scale.mean_, dtype=np.float64)
    return _Standardise(positions, fill, mean, np.asarray(scale.scale_, dtype=np.float64))


def standardised(pipeline: Any, matrix: np.ndarray) -> np.ndarray | None:
    """``pipeline[:-1].transform(matrix)`` of the logistic model's pipeline (its numeric
    columns, medians for missing values, centred and scaled) computed as those steps compute
    it, without their per-call validation (about 0.5 ms of a one-declaration assessment):
    the same operations on the same float64 arrays, so the same values bit for bit
    (``tests/risk/test_fast_path.py``). None when the pipeline is not exactly that or the
    matrix holds an infinity (which the imputer rejects): the caller runs the pipeline."""
    try:
        parts = _STANDARDISE[pipeline]
    except KeyError:
        parts = _STANDARDISE[pipeline] = _standardise_of(pipeline)
    if parts is None:
        return None
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2:
        return None
    x = x[:, parts.positions]
    missing = np.isnan(x)
    if np.isinf(x).any():
        return None
    if missing.any():
        x = np.where(missing, parts.fill, x)
    x -= parts.mean
    x /= parts.scale
    return x


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def revenue_target(frame: pd.DataFrame) -> pd.Series:
    """Recoverable revenue of a non-compliant row: the duty recovered where recorded, else the
    duty and tax declared at stake (the KCS convention)."""
    extra = pd.to_numeric(frame["extra_duty"], errors="coerce") if "extra_duty" in frame else None
    stake = pd.to_numeric(frame["duty_at_stake"], errors="coerce").fillna(0.0)
    if extra is None:
        return stake.clip(lower=0)
    return extra.where(extra > 0, stake).fillna(0.0).clip(lower=0)


REVENUE_PARAMS: dict[str, Any] = {
    "n_estimators": 200,
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_child_samples": 20,
}


@dataclass
class RevenueModel:
    """E[recoverable revenue | fraud]: a regressor on log revenue among non-compliant rows."""

    seed: int = 0
    columns: list[str] = field(default_factory=list)
    model: lgb.LGBMRegressor | None = field(default=None, repr=False)

    def fit(self, x: pd.DataFrame, revenue: pd.Series) -> RevenueModel:
        if len(x) < 20:
            self.model = None  # too few frauds: fall back to the duty declared at stake
            return self
        self.model = lgb.LGBMRegressor(
            **REVENUE_PARAMS,
            random_state=self.seed,
            n_jobs=N_JOBS,
            verbose=-1,
            deterministic=True,
        ).fit(x[self.columns], np.log1p(revenue.to_numpy()))
        return self

    def predict(self, x: pd.DataFrame | FeatureMatrix) -> np.ndarray:
        if isinstance(x, FeatureMatrix):
            if self.model is None:
                stake = x.column("log_duty_at_stake")
                return np.expm1(np.where(np.isnan(stake), 0.0, stake))
            return np.clip(np.expm1(_booster_predict(self.model, x.select(self.columns))), 0, None)
        if self.model is None:
            return np.expm1(x["log_duty_at_stake"].fillna(0.0).to_numpy())
        return np.clip(np.expm1(self.model.predict(x.reindex(columns=self.columns))), 0, None)


# --------------------------------------------------------------------------- comparators
class _FeatureScorer:
    """Shared fit/score over a private point-in-time FeatureBuilder (the Scorer protocol)."""

    seed: int
    builder: FeatureBuilder | None

    def fit(self, frame: pd.DataFrame) -> _FeatureScorer:
        self.builder = FeatureBuilder()
        feats = self.builder.fit_transform_point_in_time(frame)
        known = check_labels(frame["fraud"])
        return self.fit_features(feats.loc[known.index], known)

    def score(self, frame: pd.DataFrame) -> pd.Series:
        if self.builder is None:
            raise NotFittedError(f"{type(self).__name__}.score before fit")
        return self.score_features(self.builder.transform(frame))

    def fit_features(self, x: pd.DataFrame, y: pd.Series) -> _FeatureScorer:
        raise NotImplementedError

    def score_features(self, x: pd.DataFrame) -> pd.Series:
        raise NotImplementedError


def _numeric(x: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in x.columns if c != "missing_fields" and not c.startswith("cat_")]
    return x[cols].astype(float)


@dataclass
class LogisticComparator(_FeatureScorer):
    """Interpretable baseline: balanced logistic regression on the numeric features."""

    seed: int = 0
    builder: FeatureBuilder | None = None
    columns: list[str] = field(default_factory=list)
    model: Pipeline | None = field(default=None, repr=False)

    def fit_features(self, x: pd.DataFrame, y: pd.Series) -> LogisticComparator:
        num = _numeric(x)
        self.columns = [c for c in num.columns if num[c].notna().any()]
        self.model = make_pipeline(
            SimpleImputer(strategy="median"),
            StandardScaler(),
            LogisticRegression(C=0.1, class_weight="balanced", max_iter=2000),
        ).fit(num[self.columns], np.asarray(y, dtype=int))
        return self

    def score_features(self, x: pd.DataFrame) -> pd.Series:
        if self.model is None:
            raise NotFittedError("LogisticComparator.score before fit")
        p = self.model.predict_proba(x.reindex(columns=self.columns).astype(float))[:, 1]
        return pd.Series(p, index=x.index, name="logistic")

    def coefficients(self) -> pd.Series:
        if self.model is None:
            return pd.Series(dtype=float)
        coef = self.model[-1].coef_[0]
        return pd.Series(coef, index=self.columns).sort_values(key=np.abs, ascending=False)


@dataclass
class TreeComparator(_FeatureScorer):
    """A shallow decision tree: weak, but printable as rules an analyst can read and copy."""

    max_depth: int = 4
    seed: int = 0
    builder: FeatureBuilder | None = None
    columns: list[str] = field(default_factory=list)
    model: DecisionTreeClassifier | None = field(default=None, repr=False)

    def fit_features(self, x: pd.DataFrame, y: pd.Series) -> TreeComparator:
        num = _numeric(x)
        self.columns = list(num.columns)
        self.model = DecisionTreeClassifier(
            max_depth=self.max_depth,
            min_samples_leaf=max(5, len(x) // 200),
            class_weight="balanced",
            random_state=self.seed,
        ).fit(num, np.asarray(y, dtype=int))
        return self

    def score_features(self, x: pd.DataFrame) -> pd.Series:
        if self.model is None:
            raise NotFittedError("TreeComparator.score before fit")
        p = self.model.predict_proba(x.reindex(columns=self.columns).astype(float))[:, 1]
        return pd.Series(p, index=x.index, name="tree")

    def rules_text(self) -> str:
        if self.model is None:
            raise NotFittedError("TreeComparator.rules_text before fit")
        return export_text(self.model, feature_names=self.columns, show_weights=True)


PLAIN_CATEGORICAL = (
    "office",
    "declarant_id",
    "importer_id",
    "seller_id",
    "courier_id",
    "hs6",
    "hs4",
    "hs2",
    "origin_country",
    "country_dispatch",
    "transport_mode",
)
PLAIN_NUMERIC = (
    "net_mass_kg",
    "customs_value",
    "item_value",
    "quantity",
    "duty_rate",
    "duty_at_stake",
)


@dataclass
class PlainLightGBM:
    """The yardstick: LightGBM with default parameters on the raw frame columns.

    Categorical columns become integer codes in order of first appearance (unseen -> missing),
    the way a first attempt would do it; no history features, no tuning, no calibration.
    """

    seed: int = 0
    codes: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    columns: list[str] = field(default_factory=list)
    model: lgb.LGBMClassifier | None = field(default=None, repr=False)

    def _matrix(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame(index=frame.index)
        for column, codes in self.codes.items():
            values = frame[column].astype("string") if column in frame else None
            out[column] = np.nan if values is None else values.map(codes).astype(float)
        for column in PLAIN_NUMERIC:
            out[column] = (
                pd.to_numeric(frame[column], errors="coerce") if column in frame else np.nan
            )
        return out[self.columns].astype(float)

    def fit(self, frame: pd.DataFrame) -> PlainLightGBM:
        known = check_labels(frame["fraud"])
        rows = frame.loc[known.index]
        attrs = sorted(c for c in frame.columns if str(c).startswith("attr_"))
        self.codes = {}
        for column in (*PLAIN_CATEGORICAL, *attrs):
            if column in rows:
                uniq = pd.unique(rows[column].astype("string").dropna())
                self.codes[column] = {str(v): i for i, v in enumerate(uniq)}
        self.columns = [*self.codes, *PLAIN_NUMERIC]
        self.model = lgb.LGBMClassifier(random_state=self.seed, n_jobs=N_JOBS, verbose=-1)
        self.model.fit(self._matrix(rows), known.astype(int).to_numpy())
        return self

    def score(self, frame: pd.DataFrame) -> pd.Series:
        if self.model is None:
            raise NotFittedError("PlainLightGBM.score before fit")
        p = _positive(self.model, self._matrix(frame))
        return pd.Series(p, index=frame.index, name="plain_lightgbm")


# The declared-fields model: chosen on KCS 2020 (train Jan-Jun / Jan-Sep, check on Jul-Sep /
# Oct-Dec, novel rows), never on 2021.
DECLARED_CATEGORICAL = (
    "office",
    "declaration_type",
    "procedure",
    "transport_mode",
    "courier_id",
    "hs6",
    "hs4",
    "hs2",
    "origin_country",
    "country_dispatch",
)
DECLARED_PARAMS: dict[str, Any] = {
    "n_estimators": 300,
    "learning_rate": 0.03,
    "min_child_samples": 100,
    "min_data_per_group": 200,
    "cat_smooth": 50.0,
    "colsample_bytree": 0.5,
    "subsample": 0.8,
    "subsample_freq": 1,
}


_SMALL_FRAME = 64


_MISSING = "\x00missing"  # a key no vocabulary holds


def _as_text(value: Any) -> str:
    """A cell as ``Series.astype("string")`` writes it (missing: :data:`_MISSING`)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return _MISSING
    return str(value)


@dataclass
class DeclaredFieldsModel:
    """A second, deliberately plain view of a declaration for rows that history cannot place.

    Regularised LightGBM on what the declaration itself says: log declared value, log net
    mass, log value per kg, duty rate, and the codes of office, procedure, transport, HS6 /
    HS4 / HS2, origin, dispatch and any ``attr_*`` column (one frozen vocabulary; unseen
    values are missing). No history and no trader identities: on KCS the engine's main model
    reads comparable-consignment outcomes, which place repeated consignments almost exactly
    and say little about a consignment whose value and mass were never seen; this model does
    not lean on them, so it enters the fusion as its own input. Fixed trees (no early
    stopping), heavy category smoothing and large leaves, so that it is cheap and does not
    memorise rare codes.
    """

    seed: int = 0
    params: dict[str, Any] = field(default_factory=lambda: dict(DECLARED_PARAMS))
    codes: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    model: lgb.LGBMClassifier | None = field(default=None, repr=False)

    NUMERIC = ("log_value", "log_mass", "log_uv_kg", "duty_rate")

    def _vocabulary(self, frame: pd.DataFrame) -> None:
        attrs = sorted(c for c in frame.columns if str(c).startswith("attr_"))
        self.codes = {}
        for column in (*DECLARED_CATEGORICAL, *attrs):
            if column in frame:
                uniq = pd.unique(frame[column].astype("string").dropna())
                self.codes[column] = {str(v): i for i, v in enumerate(uniq)}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_lookups", None)  # rebuilt on first use
        return state

    def _lookup(self, column: str, codes: dict[str, int]) -> dict[str, float]:
        """Value -> position of one column's codes (as ``category_codes(list(codes), ...)``
        reads them), built once per vocabulary: an HS6 vocabulary holds thousands of values."""
        cache: dict[str, tuple[dict[str, int], dict[str, float]]]
        cache = self.__dict__.setdefault("_lookups", {})
        got = cache.get(column)
        if got is None or got[0] is not codes:
            got = cache[column] = (codes, code_lookup(list(codes)))
        return got[1]

    def matrix(
        self, frame: pd.DataFrame | FrameColumns, source: FrameColumns | None = None
    ) -> np.ndarray:
        """The model's input matrix. ``source``: the frame's columns already read (the
        feature builder's :class:`FrameColumns`), used for a one-row frame: the same values
        without a pandas column access per input. ``frame`` may be given as its columns."""
        n = len(frame)
        if isinstance(frame, FrameColumns):
            source = frame
        elif source is not None and not source.reads(frame):
            source = None
        if n == 1 and source is not None and source.is_row:
            return self._row_matrix(source)
        columns = source if source is not None else frame

        def column_of(name: str) -> pd.Series:
            return columns.series(name) if isinstance(columns, FrameColumns) else columns[name]

        def number(column: str) -> np.ndarray:
            if column not in columns:
                return np.full(n, np.nan)
            series = column_of(column)
            if pd.api.types.is_float_dtype(series.dtype):  # the frame contract's dtype
                return np.asarray(series.to_numpy(dtype=float, na_value=np.nan))
            return np.asarray(pd.to_numeric(series, errors="coerce"), dtype=float)

        with np.errstate(invalid="ignore", divide="ignore"):
            log_value = np.log1p(np.fmax(number("customs_value"), 0.0))
            log_mass = np.log1p(np.fmax(number("net_mass_kg"), 0.0))
        cols = [log_value, log_mass, log_value - log_mass, number("duty_rate")]
        for column, codes in self.codes.items():
            if column not in columns:
                cols.append(np.full(n, np.nan))
                continue
            series = column_of(column)
            if n < _SMALL_FRAME:  # one declaration: astype("string") costs ~1 ms a column
                texts = np.array([_as_text(v) for v in series.tolist()], dtype=object)
            elif isinstance(series.dtype, pd.StringDtype):
                # A batch: each distinct value converted and looked up once (missing -> -1,
                # which reads the trailing NaN).
                positions, uniques = pd.factorize(series)
                distinct = pd.Series(uniques, dtype=series.dtype).astype("string")
                get = codes.get
                found = [get(t, np.nan) for t in distinct.to_numpy(object, na_value=_MISSING)]
                cols.append(np.array([*found, np.nan], dtype=float)[positions])
                continue
            else:
                texts = series.astype("string").to_numpy(dtype=object, na_value=_MISSING)
            cols.append(category_codes(list(codes), texts, self._lookup(column, codes)))
        return np.column_stack(cols) if cols else np.empty((n, 0))

    def _row_matrix(self, source: FrameColumns) -> np.ndarray:
        """:meth:`matrix` of a one-row frame from its cells (``source`` read it as a row)."""
        values = np.full((1, len(self.NUMERIC) + len(self.codes)), np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            log_value = np.log1p(np.fmax(source.numbers("customs_value"), 0.0))
            log_mass = np.log1p(np.fmax(source.numbers("net_mass_kg"), 0.0))
        values[0, 0] = log_value[0]
        values[0, 1] = log_mass[0]
        values[0, 2] = (log_value - log_mass)[0]
        values[0, 3] = source.numbers("duty_rate")[0]
        for j, (column, codes) in enumerate(self.codes.items(), start=len(self.NUMERIC)):
            if column in source:
                text = _as_text(source.cell(column))
                values[0, j] = self._lookup(column, codes).get(text, np.nan)
        return values

    @property
    def _categorical(self) -> list[int]:
        return list(range(len(self.NUMERIC), len(self.NUMERIC) + len(self.codes)))

    def _fit(self, matrix: np.ndarray, y: np.ndarray) -> lgb.LGBMClassifier:
        model = _lgbm(self.params, self.seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            model.fit(matrix, y, categorical_feature=self._categorical)
        return model

    def fit_crossfit(self, frame: pd.DataFrame, y: np.ndarray, block: np.ndarray) -> np.ndarray:
        """Out-of-fold probabilities over time blocks (NaN for block 0), then a refit on all
        rows. ``frame``, ``y`` and ``block`` are the labelled rows, in the same order."""
        y = np.asarray(y, dtype=int)
        self._vocabulary(frame)
        matrix = self.matrix(frame)
        oof = np.full(len(y), np.nan)
        for k in range(1, int(block.max()) + 1):
            fit, held = block < k, block == k
            if 0 < y[fit].sum() < fit.sum():
                oof[held] = _booster_predict(self._fit(matrix[fit], y[fit]), matrix[held])
        self.model = self._fit(matrix, y)
        return oof

    def predict(
        self, frame: pd.DataFrame | FrameColumns, source: FrameColumns | None = None
    ) -> np.ndarray:
        if self.model is None:
            raise NotFittedError("declared-fields model used before fit")
        return _booster_predict(self.model, self.matrix(frame, source))
