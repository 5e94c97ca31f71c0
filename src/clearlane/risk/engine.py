"""The risk engine: rule profiles + anomaly detectors + supervised model -> one score.

Training (:func:`train_engine`). One :class:`FeatureBuilder` with a frozen vocabulary serves
training and scoring. The labelled rows are cut into time blocks and cross-fitted: the model is
selected and early-stopped (average precision only) on the last block, every later block gets
out-of-fold predictions from a model trained on the earlier blocks, and the served model is
refitted on all rows with the chosen number of trees scaled to the larger data. Calibration,
stacking weights and the held-out comparison with the rule baseline
(:attr:`RiskEngine.beats_rule_baseline`, over every out-of-fold block) use the out-of-fold
predictions only. Below 200 positives the model is a regularised logistic regression, not a
starved GBDT.

Fusion (:class:`Fusion`), the same for every declaration: a logistic stack of the model's
logit, the declared-fields model's logit (:class:`DeclaredFieldsModel`, with enough labels for
a GBDT), the isolation-forest rank, the price deviation and the rule score with non-negative
weights, then a noisy-OR floor from rules x price anomaly so that a declaration the rules and
the price check both flag cannot be drowned by a model that never saw its like. With few
labels (the logistic model) no weights are learned: the calibrated model, the floor and the
rules at :data:`RULE_WEIGHT_UNSTACKED` are combined as a noisy-OR (weights fitted on the
out-of-fold predictions of models trained on the first blocks' few positives undervalue the
served model; see :func:`train_engine`); rules not shown to rank the out-of-fold rows better
than chance are left out of it (:attr:`Fusion.rule_weight`).

Without a model (no or too few labels) the engine runs on rules and anomaly alone, combined as a
noisy-OR, and says so in every assessment.

Items are scored, declarations are assessed: a declaration is as risky as its riskiest item,
and its expected recoverable revenue is the sum over its items.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import joblib
import numpy as np
import pandas as pd
from scipy.special import expit
from scipy.stats import norm
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from threadpoolctl import threadpool_limits

from clearlane.core.schema import Declaration
from clearlane.features import FeatureBuilder
from clearlane.features.builder import FeatureMatrix, prepare_arrays
from clearlane.features.columns import FrameColumns
from clearlane.frames import declaration_rows
from clearlane.risk import compiled
from clearlane.risk.anomaly import ANOMALY_FEATURES, IsolationForestScorer, PriceReference
from clearlane.risk.base import RuleScorer
from clearlane.risk.errors import InsufficientLabelsError, IntegrityError
from clearlane.risk.profiles import ProfileSet
from clearlane.risk.supervised import (
    CRITICAL_PARAMS,
    PREDICT_THREAD_ROWS,
    BinaryModel,
    DeclaredFieldsModel,
    Imbalance,
    RevenueModel,
    check_labels,
    model_columns,
    predict_threads,
    revenue_target,
)

log = logging.getLogger(__name__)

ASSESSMENT_COLUMNS = (
    "reference",
    "version",
    "score",
    "rules",
    "anomaly",
    "model",
    "expected_revenue",
    "critical_score",
    "model_version",
    "profile_version",
    "missing_fields",
    "notes",
)
NO_MODEL_NOTE = "no supervised model: score from rules and anomaly detectors only"
RULE_WEIGHT_UNSTACKED = 0.5  # rules given only at scoring time enter as a noisy-OR at this weight
# Without stacking weights (few labels) the rules enter the noisy-OR only when they rank the
# out-of-fold rows better than chance with this one-sided confidence (Fusion.rule_weight).
RULE_EVIDENCE = 0.9
# Agreement floor: rules x (price anomaly above this level, rescaled to [0, 1]) enters the fused
# score as a noisy-OR, so a row that the rules and the price check both flag stays high
# whatever the stacked weights (see Fusion).
ANOMALY_FLOOR_FROM = 0.8
FLOOR_INPUTS = ("price_anomaly",)
# (Engines trained on few labels before session 28 keep the isolation forest in their floor:
# their pickles carry their own floor_inputs.)
STACK_INPUTS = ("model", "declared", "anomaly_iforest", "price_anomaly", "rules")
# Stack inputs that are probabilities and enter as clipped logits.
LOGIT_INPUTS = ("model", "declared")
# The model's probability enters the stack as a logit clipped to [MODEL_CLIP, 1 - MODEL_CLIP].
# It was 1e-4: on KCS more than the top 5 % of items reached the clip, so their order was set
# by the small anomaly and rule terms, which a +-0.1 % edit reshuffles; 1e-12 keeps the model's
# own order (isotonic steps keep a 1e-6 share of the raw score) up to raw scores of 1 - 1e-6.
MODEL_CLIP = 1e-12


@dataclass
class Fusion:
    """Stacking of component scores, the same for every declaration.

    ``stacked``: a logistic regression over the model's logit, the declared-fields model's
    logit, the isolation-forest rank, the price deviation and the rule score, fitted on
    out-of-fold predictions with non-negative
    weights (an input whose learned weight is negative is dropped and the rest refitted: a
    stronger rule or anomaly signal can never lower the score). The fused score is then
    ``1 - (1 - stacked) * (1 - agreement)``, where ``agreement = rules * anomaly_excess`` (the
    excess of the ``floor_inputs`` anomaly scores, the price check) is the noisy-OR floor: a
    row both the rules and the price check flag cannot be drowned
    by a model that has not seen such rows. With ``stack=False`` (few labels) nothing is
    fitted: the stacked score is the model's probability and :meth:`fused` adds the rules as
    a noisy-OR.
    """

    inputs: list[str] = field(default_factory=list)
    coef: np.ndarray | None = None
    intercept: float = 0.0
    anomaly_floor_from: float = ANOMALY_FLOOR_FROM
    floor: bool = True
    # Which anomaly scores count for the floor: the price check only. The isolation forest
    # (an outlier in any feature, not a price finding) lifted 11 % of the novel rows of the
    # 2020 check (train Jan-Sep, test Oct-Dec) over the model and cost 0.015 PR-AUC there (0.290
    # -> 0.275; all rows 0.888 -> 0.870). Engines pickled before keep both.
    floor_inputs: tuple[str, ...] = FLOOR_INPUTS
    # False: learn no weights (``fit`` keeps ``coef`` None), the fused score is the model's
    # probability with the floor and, in the engine, the rules as a noisy-OR (see fused()).
    stack: bool = True
    # The weight of the rules given only at scoring time (see fused()). Without stacking
    # weights ``fit`` sets it to 0 unless the rules rank its rows better than chance with
    # 90 % confidence (RULE_EVIDENCE), as the stack drops an input whose learned weight is
    # negative: on KCS 2020 the default profiles rank below chance (ROC-AUC 0.41-0.49 on 500
    # to 2,000-row slices; 0.50-0.56 by chance on the out-of-fold rows of 4 of 12) and at 0.5
    # they took few-label engines below their own model (session 36).
    rule_weight: float = RULE_WEIGHT_UNSTACKED
    # Kept so engines pickled before the change still load (no longer used).
    model: LogisticRegression | None = None
    gate: str | None = None
    novel_model: LogisticRegression | None = None

    def fit(self, components: Components | pd.DataFrame, y: np.ndarray) -> Fusion:
        if getattr(self, "stack", True):
            self.coef, self.intercept = _fit_stack(components, y, self.inputs)
        else:
            self.rule_weight = _unstacked_rule_weight(components, y)
        return self

    @property
    def fitted(self) -> bool:
        return self.coef is not None

    def weights(self) -> dict[str, float]:
        if self.coef is None:
            return {}
        return dict(zip(self.inputs, map(float, self.coef), strict=True))

    def terms(self, components: Components) -> dict[str, np.ndarray]:
        """Each input's term of the stacked logit (weight x input), plus ``intercept``."""
        n = len(np.asarray(components["model"]))
        out = {"intercept": np.full(n, self.intercept)}
        if self.coef is None:
            return out
        matrix = _stack_matrix(components, self.inputs)
        for j, name in enumerate(self.inputs):
            out[name] = self.coef[j] * matrix[:, j]
        return out

    def stacked(self, components: Components) -> np.ndarray:
        if self.coef is None:
            return np.asarray(components["model"], dtype=float)
        return np.asarray(
            expit(self.intercept + _stack_matrix(components, self.inputs) @ self.coef), float
        )

    def agreement(self, components: Components) -> np.ndarray:
        """rules x price-anomaly excess in [0, 1] (0 without rules or when the floor is off)."""
        n = len(np.asarray(components["model"]))
        if not self.floor or "rules" not in components:
            return np.zeros(n)
        rules = np.nan_to_num(np.asarray(components["rules"], dtype=float), nan=0.0)
        anomaly = np.zeros(n)
        for name in getattr(self, "floor_inputs", ("anomaly_iforest", "price_anomaly")):
            anomaly = np.fmax(anomaly, np.asarray(components.get(name, np.zeros(n)), dtype=float))
        excess = (np.nan_to_num(anomaly, nan=0.0) - self.anomaly_floor_from) / (
            1.0 - self.anomaly_floor_from
        )
        return np.clip(rules, 0.0, 1.0) * np.clip(excess, 0.0, 1.0)

    def __call__(self, components: Components) -> np.ndarray:
        return _noisy_or(self.stacked(components), self.agreement(components))

    def fused(self, components: Components, rules: np.ndarray | None) -> np.ndarray:
        """The engine's fused score: ``self(components)``, and when the stack has no rule
        weight (not fitted, or fitted without rules) the ``rules`` (None: no profiles) as a
        noisy-OR at ``rule_weight`` (:data:`RULE_WEIGHT_UNSTACKED`, or 0 when ``fit`` found
        no evidence that the rules rank better than chance)."""
        out = self(components)
        weight = getattr(self, "rule_weight", RULE_WEIGHT_UNSTACKED)  # engines pickled before
        if rules is not None and weight > 0 and "rules" not in self.weights():
            out = _noisy_or(out, weight * np.asarray(rules, dtype=float))
        return out


def _unstacked_rule_weight(components: Components | pd.DataFrame, y: np.ndarray) -> float:
    """:data:`RULE_WEIGHT_UNSTACKED` when the rule score ranks these rows better than chance
    with :data:`RULE_EVIDENCE` one-sided confidence (ROC-AUC minus z x its Hanley-McNeil
    standard error above 0.5), else 0; rows of one class, or no rule score: the weight stays."""
    y = np.asarray(y, dtype=int)
    if "rules" not in components or len(y) == 0 or y.min() == y.max():
        return RULE_WEIGHT_UNSTACKED
    rules = np.asarray(components["rules"], dtype=float)
    if np.isnan(rules).all():
        return RULE_WEIGHT_UNSTACKED
    auc = float(roc_auc_score(y, np.nan_to_num(rules, nan=0.0)))
    n1 = int(y.sum())
    n0 = len(y) - n1
    q1, q2 = auc / (2 - auc), 2 * auc**2 / (1 + auc)
    variance = (auc * (1 - auc) + (n1 - 1) * (q1 - auc**2) + (n0 - 1) * (q2 - auc**2)) / (n1 * n0)
    lower = auc - float(norm.ppf(RULE_EVIDENCE)) * np.sqrt(max(variance, 0.0))
    return RULE_WEIGHT_UNSTACKED if lower > 0.5 else 0.0


def _fit_stack(
    components: Components | pd.DataFrame,
    y: np.ndarray,
    inputs: list[str],
) -> tuple[np.ndarray | None, float]:
    """Non-negative logistic stacking weights (None: too few of a class to learn them)."""
    y = np.asarray(y, dtype=int)
    if y.sum() < 5 or y.sum() > len(y) - 5:
        return None, 0.0  # cannot learn weights: fall back to the model's probability
    matrix = _stack_matrix(components, inputs)
    active = np.ones(len(inputs), dtype=bool)
    active[[j for j, name in enumerate(inputs) if np.ptp(matrix[:, j]) == 0]] = False
    coef = np.zeros(len(inputs))
    intercept = float(np.log(max(y.mean(), 1e-6) / max(1 - y.mean(), 1e-6)))
    while active.any():
        fitted = LogisticRegression(C=1.0, max_iter=1000).fit(matrix[:, active], y)
        got = fitted.coef_[0]
        if (got >= 0).all():
            coef[active] = got
            intercept = float(fitted.intercept_[0])
            break
        # Drop the most negative input (a risk signal must not lower the score) and refit.
        drop = np.flatnonzero(active)[int(np.argmin(got))]
        active[drop] = False
    return coef, intercept


Components = Mapping[str, "np.ndarray | pd.Series"]


def _stack_matrix(components: Components | pd.DataFrame, inputs: list[str]) -> np.ndarray:
    cols = []
    for name in inputs:
        value = np.asarray(components[name], dtype=float)
        value = np.where(np.isnan(value), 0.0, value)
        if name in LOGIT_INPUTS:
            p = np.clip(value, MODEL_CLIP, 1 - MODEL_CLIP)
            value = np.log(p / (1 - p))
        cols.append(value)
    return np.column_stack(cols)


def _noisy_or(*scores: np.ndarray) -> np.ndarray:
    out = np.ones(len(scores[0]))
    for s in scores:
        out = out * (1.0 - np.clip(np.where(np.isnan(s), 0.0, s), 0.0, 1.0))
    return 1.0 - out


@dataclass
class RiskEngine:
    """Scores goods items and assesses declarations; see :func:`train_engine` to build one."""

    builder: FeatureBuilder
    price_reference: PriceReference
    iforest: IsolationForestScorer
    fraud: BinaryModel | None = None
    declared: DeclaredFieldsModel | None = None
    critical: BinaryModel | None = None
    revenue: RevenueModel | None = None
    fusion: Fusion = field(default_factory=Fusion)
    profiles: RuleScorer | None = None
    model_version: str | None = None
    notes: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def beats_rule_baseline(self) -> bool | None:
        """Whether the engine is not worse than its own rule baseline on held-out data: False
        when, over the out-of-fold time blocks (each predicted by models fitted on earlier
        blocks), its PR-AUC is below the rules' with 90 % confidence (paired bootstrap of
        the mean per-block difference; figures in ``summary["rule_baseline"]``). None when it
        could not be measured (no model, no profiles or no block with 10 of each class): a
        promotion gate should then rely on its own comparison."""
        got = self.summary.get("rule_baseline", {}).get("beats")
        return None if got is None else bool(got)

    # ------------------------------------------------------------------ Scorer protocol
    def fit(self, frame: pd.DataFrame) -> RiskEngine:
        trained = train_engine(frame, profiles=self.profiles)
        self.__dict__.update(trained.__dict__)
        return self

    def score(self, frame: pd.DataFrame) -> pd.Series:
        """Fused item score in [0, 1], indexed like ``frame``."""
        return self.score_items(frame)["score"]

    # ------------------------------------------------------------------ scoring
    def score_items(
        self, frame: pd.DataFrame, *, profiles: RuleScorer | None = None
    ) -> pd.DataFrame:
        """Per goods item: every component, the fused score and what was missing."""
        features = self.builder.transform_matrix(frame)
        return self._items(frame, features, profiles=profiles).to_frame()

    def score_features(
        self,
        frame: pd.DataFrame,
        features: pd.DataFrame,
        *,
        profiles: RuleScorer | None = None,
    ) -> pd.DataFrame:
        """:meth:`score_items` with the features already computed (``builder.transform``)."""
        matrix = FeatureMatrix.from_frame(features)
        return self._items(frame, matrix, profiles=profiles, features=features).to_frame()

    def _items(
        self,
        frame: pd.DataFrame | FrameColumns,
        x: FeatureMatrix,
        *,
        profiles: RuleScorer | None = None,
        features: pd.DataFrame | None = None,
    ) -> _Items:
        """Every component per item, on plain arrays (one implementation for one row or many).

        On a large batch the fraud, critical-case and revenue boosters and the isolation
        forest start at once in threads of their own (compiled code, LightGBM and sklearn's
        tree walks run without the GIL) while this thread evaluates the rules, the price check
        and the declared-fields model: each component is computed by the same call on the same
        inputs as one after the other, so the results are the same bit for bit."""
        pool: ThreadPoolExecutor | None = None
        if len(frame) >= PREDICT_THREAD_ROWS and predict_threads() > 1:
            pool = ThreadPoolExecutor(4, thread_name_prefix="clearlane-boosters")
        try:
            return self._components(frame, x, pool, profiles=profiles, features=features)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _components(
        self,
        frame: pd.DataFrame | FrameColumns,
        x: FeatureMatrix,
        pool: ThreadPoolExecutor | None,
        *,
        profiles: RuleScorer | None = None,
        features: pd.DataFrame | None = None,
    ) -> _Items:
        boosted: dict[str, Callable[[], np.ndarray]] = {
            "iforest": partial(self.iforest.score_array, x)
        }
        for name, part in (("model", self.fraud), ("critical", self.critical)):
            if part is not None:
                boosted[name] = partial(part.predict, x)
        if self.fraud is not None and self.revenue is not None:
            boosted["revenue"] = partial(self.revenue.predict, x)
        if pool is not None:
            started = {name: pool.submit(call) for name, call in boosted.items()}
            boosted = {name: future.result for name, future in started.items()}
        profiles = profiles if profiles is not None else self.profiles
        n = len(frame)
        index = x.index
        out = _Items(index)
        missing = np.where(pd.isna(x.missing), "", x.missing).astype(object)
        notes = np.full(n, "", dtype=object)
        if profiles is not None:
            if isinstance(profiles, ProfileSet):  # the same evaluation without frames
                hits, score, mandatory, needed = profiles.evaluate_arrays(
                    _rule_columns(frame, x, profiles), n
                )
                out.hit_ids = [p.id for p in profiles]
            else:
                evaluation = profiles.evaluate(
                    _with_features(
                        _frame(frame), features if features is not None else x.to_frame()
                    )
                )
                score = _aligned(evaluation.score, index, np.nan)
                needed = _aligned(evaluation.missing, index, "")
                mandatory = _aligned(evaluation.mandatory, index, False)
                out.hit_ids = [str(c) for c in evaluation.hits.columns]
                hits = _aligned_hits(evaluation.hits, index)
            out.hits = hits
            out.mandatory = mandatory.astype(bool)
            rules = np.clip(score.astype(float), 0, 1)
            missing = _join_lists(missing, needed)
            out.inferred.add("missing_fields")
            notes = np.where(
                mandatory.astype(bool), "mandatory control demanded by a profile", notes
            )
            notes = notes.astype(object)
        else:
            rules = np.full(n, np.nan)
        out["rules"] = rules
        out["anomaly_iforest"] = iforest = boosted["iforest"]()
        prep = x.prep if x.prep is not None else prepare_arrays(frame)
        price = self.price_reference.assess_arrays(prep)
        out.price = price
        out["price_anomaly"] = price_anomaly = self.price_reference.score_arrays(price)
        out["price_flag"] = price["flag"].astype(object)
        out["price_reason"] = price["reason"]
        out.inferred.update(("price_flag", "price_reason"))
        out["anomaly"] = np.fmax(iforest, price_anomaly)
        if self.fraud is not None:
            out["model"] = model = boosted["model"]()
            declared = getattr(self, "declared", None)  # None in engines pickled before
            if declared is not None:
                out["declared"] = declared.predict(frame, x.source)
            score = self.fusion.fused(out.columns, rules if profiles is not None else None)
            revenue = boosted["revenue"]() if self.revenue is not None else 0.0
            out["score"] = score
            out["expected_revenue"] = model * revenue
        else:
            out["model"] = np.full(n, np.nan)
            unsupervised = 0.5 * iforest + 0.5 * price_anomaly
            score = _noisy_or(rules, unsupervised) if profiles else unsupervised
            out["score"] = score
            out["expected_revenue"] = np.full(n, np.nan)
            notes = _join_lists(notes, np.full(n, NO_MODEL_NOTE, dtype=object))
            out.inferred.add("notes")
        if self.critical is not None:
            out["critical_score"] = boosted["critical"]()
        else:
            out["critical_score"] = out["anomaly"]
        out["score"] = np.clip(score, 0.0, 1.0)
        out["missing_fields"] = missing
        out["notes"] = notes
        return out

    def assess(self, frame: pd.DataFrame, *, profiles: RuleScorer | None = None) -> pd.DataFrame:
        """One risk assessment per declaration (reference, version), columns
        :data:`ASSESSMENT_COLUMNS`; the riskiest item sets the declaration's scores.

        Declarations dated after the engine's history read the history's final state from
        in-memory snapshots (no per-call joins), so one declaration takes milliseconds; rows
        dated within the history (backtests) are looked up as of their own day.
        """
        return _assessment_frame(self._assess(frame, profiles=profiles)[0])

    def assess_items(
        self, frame: pd.DataFrame | FrameColumns, *, profiles: RuleScorer | None = None
    ) -> ItemAssessment:
        """:meth:`assess` together with what produced it (features, item components, rule hits,
        price-reference lookups, which item set each declaration's score), computed once: the
        input of explanations (:mod:`clearlane.explain`). ``frame`` may be given as its
        columns (:class:`FrameColumns`, the online path's: the same result)."""
        table, features, items, references, versions = self._assess(frame, profiles=profiles)
        declaration, riskiest = _declaration_positions(references, versions, items["score"])
        return ItemAssessment(
            table=table,
            features=features,
            components=items.columns,
            price=items.price or {},
            hits=items.hits,
            hit_ids=items.hit_ids,
            mandatory=items.mandatory,
            declaration=declaration,
            riskiest=riskiest,
            profiles=profiles if profiles is not None else self.profiles,
        )

    def _assess(
        self, frame: pd.DataFrame | FrameColumns, *, profiles: RuleScorer | None = None
    ) -> tuple[dict[str, Any], FeatureMatrix, _Items, np.ndarray, np.ndarray]:
        """The assessments as columns (:data:`ASSESSMENT_COLUMNS`, see
        :func:`_assessment_frame`) and what produced them."""
        features = self.builder.transform_matrix(frame)
        items = self._items(frame, features, profiles=profiles)
        profiles = profiles if profiles is not None else self.profiles
        references, versions = _declaration_keys(frame, features.source)
        out = _per_declaration(references, versions, items)
        n = len(out["version"])
        profile_version = getattr(profiles, "version", None) if profiles else None
        out["model_version"] = np.full(n, self.model_version, dtype=object)
        out["profile_version"] = np.full(n, profile_version, dtype=object)
        return out, features, items, references, versions

    def assess_one(
        self, declaration: Declaration | Mapping[str, Any], *, profiles: RuleScorer | None = None
    ) -> pd.Series:
        """The assessment of one declaration: a :class:`Declaration` or one analysis-frame
        row as a mapping (field -> value). Same result as :meth:`assess` on its rows."""
        if isinstance(declaration, Declaration):
            rows = declaration_rows(declaration)
        else:
            rows = [dict(declaration)]
        frame = pd.DataFrame.from_records(rows)
        return self.assess(frame, profiles=profiles).iloc[0]

    # ------------------------------------------------------------------ compiled boosters
    def boosters(self) -> dict[str, Any]:
        """The LightGBM boosters the engine runs, by part (fraud, declared, critical,
        revenue); a logistic model or a missing part has none."""
        out: dict[str, Any] = {}
        for name in ("fraud", "declared", "critical", "revenue"):
            part = getattr(self, name, None)
            model = getattr(part, "model", None)
            if model is None or getattr(part, "kind", "lightgbm") != "lightgbm":
                continue
            booster = getattr(model, "booster_", None)
            if booster is not None:
                out[name] = booster
        return out

    def compile(self, cache_dir: Path | str) -> dict[str, float]:
        """Compile the boosters to machine code cached in ``cache_dir`` (see
        :mod:`clearlane.risk.compiled`; boosters already there are loaded) and use it from
        now on. CPU seconds of compilation by booster (0.0: loaded from the cache); a booster
        that could not be compiled (or all, when no compiler is installed) is left out and
        keeps ``Booster.predict``."""
        out: dict[str, float] = {}
        for name, booster in self.boosters().items():
            try:
                forest = compiled.compile_booster(booster, cache_dir)
            except Exception:  # noqa: BLE001 - an optional speed-up: LightGBM still scores
                log.warning("the %s booster could not be compiled", name, exc_info=True)
                continue
            if forest is not None:
                out[name] = forest.compile_seconds
        return out

    def use_compiled(self, cache_dir: Path | str) -> list[str]:
        """Use the boosters' compiled code found in ``cache_dir``; never compiles. The parts
        that will run compiled code (the others keep ``Booster.predict``)."""
        return [
            name
            for name, booster in self.boosters().items()
            if compiled.load_booster(booster, cache_dir) is not None
        ]

    # ------------------------------------------------------------------ persistence
    def save(self, path: Path | str, *, compile: bool = False) -> Path:
        """joblib file plus ``<path>.sha256``; :meth:`load` refuses a file that differs.
        ``compile``: also compile the boosters into :func:`compiled_dir` of ``path`` (about
        half a minute of CPU per booster; :meth:`load` then uses that code)."""
        path = Path(path)
        joblib.dump(self, path, compress=3)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        _hash_path(path).write_text(f"{digest}  {path.name}\n", encoding="utf-8")
        if compile:
            self.compile(compiled_dir(path))
        return path

    @classmethod
    def load(cls, path: Path | str) -> RiskEngine:
        path = Path(path)
        hash_file = _hash_path(path)
        if not hash_file.exists():
            raise IntegrityError(f"{hash_file} is missing: refusing to load an unverified engine")
        expected = hash_file.read_text(encoding="utf-8").split()[0]
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise IntegrityError(
                f"{path} does not match its sha256 ({actual[:12]}... != {expected[:12]}...): "
                "the file was altered or replaced"
            )
        engine = joblib.load(path)
        if not isinstance(engine, cls):
            raise IntegrityError(f"{path} holds a {type(engine).__name__}, not a RiskEngine")
        cache = compiled_dir(path)
        if cache.is_dir():
            try:
                engine.use_compiled(cache)
            except Exception:  # noqa: BLE001 - compiled code is an optional speed-up
                log.warning("compiled boosters in %s not loaded", cache, exc_info=True)
        return engine


def compiled_dir(path: Path | str) -> Path:
    """Where the compiled boosters of the engine saved at ``path`` are cached."""
    path = Path(path)
    return path.with_name(path.name + ".compiled")


@dataclass
class ItemAssessment:
    """:meth:`RiskEngine.assess` and what it was computed from, item by item.

    ``table``: the assessments' columns (:data:`ASSESSMENT_COLUMNS`), from which
    :attr:`assessments` builds the frame on first use (explanations read the columns and
    need no frame); ``components``: per item, every component (as
    :meth:`RiskEngine.score_items` columns); ``price``: per item,
    :meth:`PriceReference.assess_arrays`; ``hits``: (items, profiles) booleans for
    ``hit_ids`` (None without profiles); ``declaration``: per item, its row in
    ``assessments``; ``riskiest``: per declaration, the item whose fused score is the
    declaration's score (the first one on ties).
    """

    table: dict[str, Any]
    features: FeatureMatrix
    components: Mapping[str, np.ndarray]
    price: Mapping[str, np.ndarray]
    hits: np.ndarray | None
    hit_ids: list[str]
    mandatory: np.ndarray | None
    declaration: np.ndarray
    riskiest: np.ndarray
    profiles: RuleScorer | None
    _frame: pd.DataFrame | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def assessments(self) -> pd.DataFrame:
        """:meth:`RiskEngine.assess` (built on first use: explanations read the columns)."""
        if self._frame is None:
            self._frame = _assessment_frame(self.table)
        return self._frame

    def values(self, name: str) -> list[Any]:
        """One assessment column as a list (``assessments[name].tolist()``)."""
        column = self.table[name]
        return column.tolist() if hasattr(column, "tolist") else list(column)

    def items_of(self) -> list[np.ndarray]:
        """Per declaration, the positions of its items (in frame order)."""
        n = len(self.riskiest)
        if len(self.declaration) == n:  # one item per declaration
            return [np.array([i]) for i in self.riskiest.tolist()]
        order = np.argsort(self.declaration, kind="stable")
        bounds = np.searchsorted(self.declaration[order], np.arange(1, n))
        return np.split(order, bounds)


@dataclass(frozen=True)
class Cells:
    """A text column of the assessments' table kept as its values, made a Series only when
    their frame is built (:func:`_assessment_frame`): an online submission reads them as
    lists, and a Series of one or two cells cost more to make than the rest of its column
    work. ``dtype``: the Series' dtype (``object``), or None for the dtype the constructor
    infers."""

    values: np.ndarray | list[Any]
    dtype: Any = object

    def __len__(self) -> int:
        return len(self.values)

    def series(self) -> pd.Series:
        return pd.Series(self.values, dtype=self.dtype)

    def tolist(self) -> list[Any]:
        """``series().tolist()``: the cells themselves where the Series holds them as
        objects, or where every cell is a str (inferred as pandas' str dtype, whose list
        gives the same strings back); any other inferred dtype goes through the Series."""
        values = self.values
        if self.dtype is object or all(type(v) is str for v in values):
            return values.tolist() if isinstance(values, np.ndarray) else list(values)
        return self.series().tolist()


def _assessment_frame(table: Mapping[str, Any]) -> pd.DataFrame:
    """The assessments as :meth:`RiskEngine.assess` returns them, from their columns."""
    return table_frame(table, ASSESSMENT_COLUMNS)


def table_frame(table: Mapping[str, Any], names: Sequence[str] | None = None) -> pd.DataFrame:
    """A frame of assessment columns (``names``, default all), :class:`Cells` made Series."""
    return pd.DataFrame(
        {
            name: column.series() if type(column) is Cells else column
            for name, column in ((name, table[name]) for name in (names or list(table)))
        }
    )


def _declaration_positions(
    references: np.ndarray, versions: np.ndarray, score: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per item its declaration's row (declarations numbered in order of first appearance,
    as :func:`_per_declaration` orders them), and per declaration its riskiest item."""
    n = len(references)
    declaration: np.ndarray
    if n <= 1000:
        seen: dict[tuple[Any, int], int] = {}
        keys = zip(references.tolist(), versions.tolist(), strict=True)
        declaration = np.array([seen.setdefault(k, len(seen)) for k in keys], dtype=np.int64)
    else:
        pairs = pd.DataFrame({"r": references, "v": versions})
        declaration = pairs.groupby(["r", "v"], sort=False).ngroup().to_numpy(dtype=np.int64)
    if not n or declaration[-1] == n - 1:  # numbered in order: n declarations for n items
        return declaration, np.arange(n)
    s = np.where(np.isnan(score), -np.inf, np.asarray(score, dtype=float))
    order = np.lexsort((np.arange(n), -s, declaration))
    first = np.ones(n, dtype=bool)
    first[1:] = declaration[order][1:] != declaration[order][:-1]
    return declaration, order[first]


class _Items:
    """Item components as arrays, and which string columns pandas infers a dtype for (kept
    exactly as the DataFrame-built version of the engine produced them); also the rule hits
    and price lookups behind them (for explanations, not columns)."""

    def __init__(self, index: pd.Index) -> None:
        self.index = index
        self.columns: dict[str, np.ndarray] = {}
        self.inferred: set[str] = set()
        self.hits: np.ndarray | None = None
        self.hit_ids: list[str] = []
        self.mandatory: np.ndarray | None = None
        self.price: dict[str, np.ndarray] | None = None

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    def __setitem__(self, name: str, values: np.ndarray) -> None:
        self.columns[name] = values

    def series(self, name: str, index: pd.Index | None = None) -> pd.Series | np.ndarray:
        values = self.columns[name]
        if values.dtype == object and name not in self.inferred:
            return pd.Series(values, index=index, dtype=object, name=name)
        return values

    def cells(self, name: str) -> Cells | np.ndarray:
        """:meth:`series` without an index, its Series deferred (:class:`Cells`)."""
        values = self.columns[name]
        if values.dtype == object and name not in self.inferred:
            return Cells(values)
        return values

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {name: self.series(name, self.index) for name in self.columns}, index=self.index
        )


def _aligned(values: pd.Series, index: pd.Index, fill: Any) -> np.ndarray:
    """``values.reindex(index).fillna(fill)`` as an array (no reindex when already aligned)."""
    if not values.index.equals(index):
        values = values.reindex(index)
    out = values.to_numpy()
    if out.dtype == object or out.dtype.kind == "f":
        isna = pd.isna(out)
        if isna.any():
            out = np.where(isna, fill, out)
    return out


def _aligned_hits(hits: pd.DataFrame, index: pd.Index) -> np.ndarray:
    """Rule hits as a (rows, profiles) boolean matrix aligned on ``index``."""
    if not hits.index.equals(index):
        hits = hits.reindex(index)
    return hits.fillna(False).to_numpy(dtype=bool)


def _rule_columns(
    frame: pd.DataFrame | FrameColumns, x: FeatureMatrix, profiles: ProfileSet
) -> dict[str, pd.Series | np.ndarray]:
    """The columns the profiles read, from the analysis frame or else from the features (as
    in the frame joined with its features)."""
    source = x.source if x.source is not None else _columns(frame)
    columns: dict[str, pd.Series | np.ndarray] = {}
    for name in profiles.fields | {"declaration_date"}:
        if name in source:
            columns[name] = source.column(name)
        elif name in x.where:
            columns[name] = x.column(name)
    return columns


def _declaration_keys(
    frame: pd.DataFrame | FrameColumns, cols: FrameColumns | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(reference, version) per item: reference defaults to the row label, version to 1."""
    cols = cols if cols is not None else _columns(frame)
    if "reference" in cols:
        references = cols.objects("reference")
        isna = pd.isna(references)
        if isna.any():
            labels = cols.index.astype(str).to_numpy(dtype=object)
            references = np.where(isna, labels, references)
    else:
        references = cols.index.astype(str).to_numpy(dtype=object)
    if "version" in cols:
        versions = cols.numbers("version")
        versions = np.where(np.isnan(versions), 1, versions).astype(np.int64)
    else:
        versions = np.ones(len(frame), dtype=np.int64)
    return references, versions


_MAX_COLUMNS = ("score", "rules", "anomaly", "model", "critical_score")


def _per_declaration(references: np.ndarray, versions: np.ndarray, items: _Items) -> dict[str, Any]:
    """Items -> declarations (columns): maxima of the scores, the sum of the expected revenue
    and the union of the notes; declarations with one item are passed through as they are."""
    keys = list(zip(references.tolist(), versions.tolist(), strict=True))
    distinct = len(set(keys))
    if len(keys) > 1000 and distinct < len(keys):
        frame = {"reference": pd.Series(references, dtype=object), "version": versions}
        grouped = _per_declaration_pandas(frame, items)
        return {str(name): grouped[name] for name in grouped.columns}
    if distinct == len(keys):  # text columns as Cells: a Series only if a frame is built
        data: dict[str, Any] = {"reference": Cells(references), "version": versions}
        data.update({name: items.cells(name) for name in items.columns})
        return data
    groups: dict[tuple[Any, int], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    rows = list(groups.values())
    out: dict[str, Any] = {
        "reference": Cells([k[0] for k in groups], None),  # dtype inferred, as groupby does
        "version": np.array([k[1] for k in groups], dtype=np.int64),
    }
    for name in _MAX_COLUMNS:
        values = items[name]
        out[name] = np.array([_nanmax(values[r]) for r in rows], dtype=float)
    revenue = items["expected_revenue"]
    out["expected_revenue"] = np.array([_sum_min_count_1(revenue[r]) for r in rows], dtype=float)
    for name in ("missing_fields", "notes"):
        values = items[name]
        text = [_union(values[r]) if len(r) > 1 else values[r[0]] for r in rows]
        out[name] = Cells(text)
    return out


def _per_declaration_pandas(data: dict[str, Any], items: _Items) -> pd.DataFrame:
    """The same aggregation with pandas' groupby (for large frames)."""
    frame = pd.DataFrame({**data, **{name: items.series(name) for name in items.columns}})
    keys = ["reference", "version"]
    multi = frame.duplicated(keys, keep=False)
    grouped = frame.groupby(keys, sort=False)
    out = grouped.agg(**{name: (name, "max") for name in _MAX_COLUMNS})
    out["expected_revenue"] = grouped["expected_revenue"].sum(min_count=1)
    for column in ("missing_fields", "notes"):
        text = grouped[column].first().astype(object)
        several = frame[multi].groupby(keys, sort=False)[column].agg(_union)
        text.loc[several.index] = several
        out[column] = text
    return out.reset_index()


def _nanmax(values: np.ndarray) -> float:
    """Group maximum skipping NaN (NaN when all are), as ``groupby.max``."""
    present = values[~np.isnan(values)]
    return float(present.max()) if len(present) else np.nan


def _sum_min_count_1(values: np.ndarray) -> float:
    """Group sum skipping NaN (NaN when all are), with the compensated (Kahan) summation of
    ``groupby.sum`` so that results match it to the last bit."""
    total, compensation, count = 0.0, 0.0, 0
    for value in values.tolist():
        if value != value:
            continue
        count += 1
        y = value - compensation
        t = total + y
        compensation = t - total - y
        if compensation != compensation:
            compensation = 0.0
        total = t
    return total if count else np.nan


def _hash_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _union(values: Iterable[Any]) -> str:
    seen: dict[str, None] = {}
    for value in values:
        for part in str(value or "").split(","):
            if part.strip():
                seen[part.strip()] = None
    return ",".join(seen)


def _join_lists(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.empty(len(a), dtype=object)
    out[:] = [_union((x, y)) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
    return out


def _columns(frame: pd.DataFrame | FrameColumns) -> FrameColumns:
    return frame if isinstance(frame, FrameColumns) else FrameColumns(frame)


def _frame(frame: pd.DataFrame | FrameColumns) -> pd.DataFrame:
    return frame.frame if isinstance(frame, FrameColumns) else frame


def _with_features(frame: pd.DataFrame, features: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in features.columns if c not in frame.columns and c != "missing_fields"]
    return frame.join(features[extra])


def time_blocks(dates: pd.Series, k: int) -> np.ndarray:
    """Block number 0..k-1 per row: k consecutive periods holding about equal numbers of rows;
    rows of one day always share a block (cross-fitting never splits a day)."""
    days = pd.to_datetime(dates).dt.normalize().to_numpy()
    order = np.argsort(days, kind="stable")
    block_sorted = np.minimum((np.arange(len(days)) * k) // max(len(days), 1), k - 1)
    first = pd.Series(block_sorted).groupby(days[order]).transform("min").to_numpy()
    out = np.empty(len(days), dtype=np.int64)
    out[order] = first
    # Renumber so that blocks are 0..m-1 without gaps (a day spanning a boundary merges them).
    _, out = np.unique(out, return_inverse=True)
    return out.astype(np.int64)


_F = TypeVar("_F", bound=Callable[..., Any])


def _one_blas_thread(function: _F) -> _F:
    """Run ``function`` with BLAS (OpenBLAS under numpy and scikit-learn) on one thread.

    Training's BLAS work is small matrix-vector products (the logistic models' L-BFGS steps,
    scaling): with two threads OpenBLAS's workers spin while they wait, which on a busy
    machine cost 15-20 times the CPU of one thread for the critical-case model's fits (2.7
    CPU s against 0.18 s on 17,849 rows at load 16). LightGBM has its own threads
    (``N_JOBS``). Only the sums split between threads change: on 201,895 goods items the
    engine is the same (model version, held-out PR-AUC, out-of-fold AP, fusion weights), the
    critical-case score within 2e-10.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with threadpool_limits(limits=1, user_api="blas"):
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


#: Below either, :func:`train_engine` trains no model (rules and anomaly detectors only):
#: labelled goods items, and those of them with a finding.
MIN_TRAIN_ROWS = 200
MIN_TRAIN_POSITIVES = 20


@_one_blas_thread
def train_engine(
    frame: pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    calibration_fraction: float = 0.25,
    repeat_memory: bool = False,
    imbalance: Imbalance = "auto",
    seed: int = 0,
    min_rows: int = MIN_TRAIN_ROWS,
    min_positives: int = MIN_TRAIN_POSITIVES,
    fallback: bool = True,
    label_lag_days: int = 0,
    folds: int = 4,
    min_gbdt_positives: int = 200,
    band_width: float | None = None,
    band_mode: str | None = None,
) -> RiskEngine:
    """Train the engine on a frame of history (controlled rows carry labels).

    Features are point in time (each row sees only what was known before its day; a control
    result counts from its ``completed_at``, else from the declaration day + ``label_lag_days``)
    with one frozen vocabulary. The labelled rows are cut into ``folds`` time blocks
    (``calibration_fraction`` is kept for compatibility and unused): the model is selected and
    early-stopped on the last block, out-of-fold predictions for every later block come from
    models trained on the earlier blocks only, and the final model is refitted on all rows.
    Calibration, stacking weights and the comparison with the rule baseline use the
    out-of-fold predictions only. Below ``min_gbdt_positives`` positives the model is a
    regularised logistic regression. ``band_width`` and ``band_mode`` override the
    comparable-consignment bins of the feature builder (defaults: soft bins 0.025 wide; see
    :class:`FeatureBuilder`). With no usable labels the engine falls back to rules
    and anomaly (``fallback=True``, the reason is in ``engine.notes``) or raises
    :class:`InsufficientLabelsError`.
    """
    del calibration_fraction
    if "declaration_date" not in frame or frame["declaration_date"].isna().all():
        raise InsufficientLabelsError("training needs declaration dates to split by time")
    dated = pd.to_datetime(frame["declaration_date"], errors="coerce").notna()
    if not dated.all():  # a boolean selection copies the frame even when it keeps every row
        frame = frame[dated]
    del dated
    fraud = frame["fraud"] if "fraud" in frame else pd.Series(np.nan, index=frame.index)
    notes: list[str] = []
    bands: dict[str, Any] = {}
    if band_width is not None:
        bands["band_width"] = band_width
    if band_mode is not None:
        bands["band_mode"] = band_mode
    builder = FeatureBuilder(
        repeat_memory=repeat_memory, label_lag_days=label_lag_days, empirical_bayes=True, **bands
    ).fit(frame)
    price_reference = PriceReference().fit(frame)
    labelled = fraud.notna().to_numpy()
    frauds = fraud == 1
    # Point in time for every training row; of the matrix only the anomaly inputs (all rows),
    # the labelled rows and the non-compliant rows are used.
    anomaly_inputs, xl, x_frauds = _training_features(builder, frame, labelled, frauds.to_numpy())
    iforest = IsolationForestScorer(seed=seed).fit_features(anomaly_inputs)
    del anomaly_inputs
    base = RiskEngine(
        builder=builder,
        price_reference=price_reference,
        iforest=iforest,
        profiles=profiles,
        notes=notes,
        summary={"rows": len(frame), "labelled": int(fraud.notna().sum())},
    )
    blocks = time_blocks(frame.loc[labelled, "declaration_date"], folds) if labelled.any() else None
    try:
        check_labels(fraud, min_rows=min_rows, min_positives=min_positives)
        if blocks is None or blocks.max() < 1:
            raise InsufficientLabelsError("the labels cover a single day: no later block")
    except InsufficientLabelsError as exc:
        if not fallback:
            raise
        notes.append(f"{NO_MODEL_NOTE} ({exc})")
        return base

    num, cats = model_columns(builder)
    yl = fraud[labelled].astype(int).to_numpy()
    fraud_model = BinaryModel(
        target="fraud",
        imbalance=imbalance,
        seed=seed,
        columns=num + cats,
        categorical=cats,
        min_gbdt_positives=min_gbdt_positives,
    )
    oof_raw = fraud_model.fit_crossfit(xl, yl, blocks)
    declared_model: DeclaredFieldsModel | None = None
    oof_declared = np.full(len(yl), np.nan)
    if fraud_model.kind == "lightgbm":  # with few labels: logistic model, rules and anomaly
        declared_model = DeclaredFieldsModel(seed=seed)
        oof_declared = declared_model.fit_crossfit(frame[labelled], yl, blocks)
    critical = frame["critical"] if "critical" in frame else pd.Series(np.nan, index=frame.index)
    critical_model: BinaryModel | None = None
    try:
        check_labels(
            critical[labelled], target="critical", min_rows=min_rows // 2, min_positives=10
        )
        has = critical[labelled].notna().to_numpy()
        critical_model = BinaryModel(
            target="critical",
            imbalance="weights",
            params=dict(CRITICAL_PARAMS),
            seed=seed,
            columns=num + cats,
            categorical=cats,
            min_gbdt_positives=min_gbdt_positives,
        )
        critical_model.fit_crossfit(
            xl[has],
            critical[labelled][has].astype(int).to_numpy(),
            time_blocks(frame.loc[labelled, "declaration_date"][has], folds),
        )
    except InsufficientLabelsError as exc:
        notes.append(f"no critical-case model ({exc}); critical_score is the anomaly score")
        critical_model = None
    revenue_model = RevenueModel(seed=seed, columns=num).fit(
        x_frauds, revenue_target(frame[frauds])
    )
    engine = base
    engine.fraud, engine.critical, engine.revenue = fraud_model, critical_model, revenue_model
    engine.fusion = Fusion(
        inputs=[
            i
            for i in STACK_INPUTS
            if (i != "rules" or profiles) and (i != "declared" or declared_model is not None)
        ],
        floor_inputs=FLOOR_INPUTS,
        # With few labels (the logistic model) no stacking weights: they would be fitted on
        # out-of-fold predictions of models trained on the first blocks (about 30 positives
        # and little history for block 1), which rank far worse than the served model (on
        # the generated demo, seeds 1-4: out-of-fold ROC-AUC 0.46-0.85 per block against
        # 0.73-0.93 served), so the stack gave the rules and the anomaly detectors (ROC-AUC
        # about 0.52 alone there) weights that cost the fused score 0.06 ROC-AUC against the
        # model alone. The model, the price floor and the rules are combined as a noisy-OR.
        stack=fraud_model.kind == "lightgbm",
    )

    # Stacking on out-of-fold rows only, every component as scoring computes it.
    oof = ~np.isnan(oof_raw)
    if declared_model is not None:
        oof &= ~np.isnan(oof_declared)
    rows = frame[labelled][oof]
    # The declared-fields model joins the engine only after: scoring with it here would
    # predict every row only for the out-of-fold predictions to replace it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        comps = engine.score_features(rows, xl[oof])
    engine.declared = declared_model
    comps["model"] = np.clip(_apply_model_calibration(fraud_model, oof_raw[oof]), 0.0, 1.0)
    if declared_model is not None:
        comps["declared"] = oof_declared[oof]
    y_oof, b_oof = yl[oof], blocks[oof]
    # Held-out comparison with the rule baseline over the out-of-fold blocks: each block's
    # fused score from a fusion fitted on the earlier out-of-fold blocks only.
    fused, held_rules, held_y, held_blocks = _held_out_blocks(
        engine.fusion, comps, y_oof, b_oof, with_rules=bool(profiles)
    )
    engine.summary = {
        **base.summary,
        "rule_baseline": _versus_rules(fused, held_rules, held_y, held_blocks),
    }
    engine.fusion.fit(comps, y_oof)
    if not engine.fusion.stack and profiles and engine.fusion.rule_weight == 0:
        notes.append(
            "the rules do not rank the out-of-fold rows better than chance (90 % confidence): "
            "left out of the fused score (they stay in the price floor)"
        )
    span = f"{frame['declaration_date'].min():%Y%m%d}-{frame['declaration_date'].max():%Y%m%d}"
    fingerprint = hashlib.sha256(
        f"{span}|{len(frame)}|{seed}|{repeat_memory}|{fraud_model.kind}|{fraud_model.chosen}|"
        f"{fraud_model.n_trees}".encode()
    ).hexdigest()[:8]
    prefix = "lgbm" if fraud_model.kind == "lightgbm" else "logit"
    engine.model_version = f"{prefix}-{span}-{fingerprint}"
    comparison = engine.summary["rule_baseline"]
    if comparison.get("beats") is False:
        notes.append(
            "ranks below its own rule baseline on held-out data "
            f"(PR-AUC {comparison['engine_pr_auc']:.3f} vs {comparison['rules_pr_auc']:.3f}, "
            f"mean over out-of-fold blocks {comparison['blocks']}; worse with "
            f"{comparison['confidence']:.0%} confidence): not to be promoted"
        )
    engine.summary.update(
        {
            "model_kind": fraud_model.kind,
            "time_blocks": int(blocks.max()) + 1,
            "out_of_fold_rows": int(oof.sum()),
            "imbalance_selection": fraud_model.selection,
            "imbalance_chosen": fraud_model.chosen,
            "best_iteration": fraud_model.best_iteration,
            "n_trees_refit": fraud_model.n_trees,
            "oof_average_precision": fraud_model.oof_average_precision,
            "fusion_weights": engine.fusion.weights(),
            "fusion": "stacked" if engine.fusion.stack else "noisy-OR (few labels)",
            "rule_weight": None if engine.fusion.stack else engine.fusion.rule_weight,
            "repeat_memory": repeat_memory,
            "comparable_bands": {"mode": builder.band_mode, "width": builder.band_width},
            "label_lag_days": label_lag_days,
            "trained_until": str(pd.Timestamp(frame["declaration_date"].max()).date()),
        }
    )
    return engine


# Rows of the training frame transformed at a time (see _training_features).
TRANSFORM_ROWS = 250_000


def _training_features(
    builder: FeatureBuilder, frame: pd.DataFrame, labelled: np.ndarray, frauds: np.ndarray
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The anomaly inputs of every row, the features of the labelled rows and those of the
    non-compliant rows: ``builder.transform(frame)`` taken apart, computed ``TRANSFORM_ROWS``
    rows at a time. A row's features depend only on the fitted tables and the row itself
    (everything is looked up strictly before its day), so the pieces equal the whole; the full
    matrix (about 0.8 GB at a million rows, plus the prepared inputs behind it) is never held."""
    anomaly, kept, bad = [], [], []
    columns = list(ANOMALY_FEATURES)
    for start in range(0, max(len(frame), 1), TRANSFORM_ROWS):
        stop = start + TRANSFORM_ROWS
        x = builder.transform(frame.iloc[start:stop])
        anomaly.append(x.reindex(columns=columns))
        kept.append(x[labelled[start:stop]])
        bad.append(x[frauds[start:stop]])
        del x
    if len(anomaly) == 1:
        return anomaly[0], kept[0], bad[0]
    return pd.concat(anomaly), pd.concat(kept), pd.concat(bad)


def _apply_model_calibration(model: BinaryModel, raw: np.ndarray) -> np.ndarray:
    from clearlane.risk.supervised import _apply_calibrator

    return np.asarray(_apply_calibrator(model.calibrator, raw), dtype=float)


def _held_out_blocks(
    fusion: Fusion,
    comps: pd.DataFrame,
    y: np.ndarray,
    blocks: np.ndarray,
    *,
    with_rules: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The fused score, rule score, label and block of every out-of-fold row that a fusion
    fitted on earlier out-of-fold blocks only can score: every out-of-fold block when nothing
    is fitted (few labels), else every block after the first out-of-fold one (when that is
    the only one, its fusion is fitted on nothing: the model's probability with the rules, as
    the last-block check had it). The model's part is already out of fold (a model trained on
    earlier blocks), so no extra model is fitted."""
    rules = comps["rules"].to_numpy(dtype=float)
    parts: list[np.ndarray] = []
    fused = np.full(len(y), np.nan)
    order = np.unique(blocks)
    for b in order if not fusion.stack or len(order) == 1 else order[1:]:
        held = blocks == b
        check = Fusion(
            inputs=fusion.inputs, floor_inputs=fusion.floor_inputs, stack=fusion.stack
        ).fit(comps[blocks < b], y[blocks < b])
        fused[held] = check.fused(comps[held], rules[held] if with_rules else None)
        parts.append(held)
    keep = np.logical_or.reduce(parts) if parts else np.zeros(len(y), dtype=bool)
    return fused[keep], rules[keep], np.asarray(y)[keep], np.asarray(blocks)[keep]


#: The rule-baseline verdict (session 29, gate12): per out-of-fold block the paired bootstrap
#: of (engine - rules) PR-AUC, ``RULE_BASELINE_REPS`` resamples (rows drawn with replacement
#: within the block and class), averaged over the blocks; the engine is refused when the upper
#: one-sided bound at ``RULE_BASELINE_CONFIDENCE`` of that mean is below zero (worse than its
#: rules with that confidence). Chosen on generated seeds 1-8, see docs/risk-engine.md.
RULE_BASELINE_REPS = 1000
RULE_BASELINE_CONFIDENCE = 0.90
#: How the upper bound is read from the bootstrap draws: "percentile" (their quantile at the
#: confidence; sessions 29-30), "basic" (2 x point - their lower quantile) or "bca" (bias-
#: corrected and accelerated, Efron 1987: the quantile moved by the draws' bias around the
#: point and by the jackknife's skewness). Session 31 (gate14): "bca"; the percentile bound
#: refused engines equal to step-score rules 1-4 % of the time against the nominal 10 %
#: (benchmarks/rule_gate_sim.py, docs/risk-engine.md).
RULE_BASELINE_METHOD = "bca"
RULE_BASELINE_METHODS = ("percentile", "basic", "bca")
# Above this many rows in a block the bootstrap runs on a class-stratified subsample of them
# and its spread is scaled by sqrt(subsample / rows) (m out of n): the cost stays under about
# 1 CPU s however many labels there are.
RULE_BASELINE_ROWS = 2_000
# The subsample is enlarged to hold at least this many of the scarcer class (review g12: at
# 10 positives the scaled spread was 0.36-2.22 times the full bootstrap's, at 200 0.97-1.18),
# up to RULE_BASELINE_MAX_ROWS rows (about 8 CPU s per block drawn per row; drawn per cell since
# session 30, about 1 CPU s: docs/risk-engine.md, gate13).
RULE_BASELINE_MINORITY = 200
RULE_BASELINE_MAX_ROWS = 50_000
# A block enters the verdict only with at least this many of each class (review g12): rows
# are drawn within class, so with one positive the bootstrap has no spread from the
# positives and a block of 1 / 2 / 5 positives was refused 38 / 20 / 17 % of the time at the
# nominal 10 % when engine and rules were equally good (10: 10 %).
RULE_BASELINE_MIN_CLASS = 10
# Bootstrap resamples computed at once are bounded to about this many row weights (memory).
_BOOT_CELLS = 4_000_000


def _versus_rules(
    engine: np.ndarray,
    rules: np.ndarray,
    y: np.ndarray,
    blocks: np.ndarray | None = None,
    *,
    reps: int = RULE_BASELINE_REPS,
    confidence: float = RULE_BASELINE_CONFIDENCE,
    method: str = RULE_BASELINE_METHOD,
) -> dict[str, Any]:
    """Held-out PR-AUC and ROC-AUC of the fused score against the rule score (item level) on
    the out-of-fold ``blocks``, and the verdict ``beats``.

    ``engine_pr_auc`` / ``rules_pr_auc`` (and ROC-AUC) are means over the blocks that hold
    at least ``RULE_BASELINE_MIN_CLASS`` of each class (each block's score comes from models
    fitted on earlier blocks: one block mixes no two fusions); ``per_block`` has each block's
    figures. ``beats`` is False when the engine is worse than its rules with ``confidence``:
    the upper one-sided bound of the paired bootstrap of the mean PR-AUC difference is below
    0; True otherwise; None when it cannot be measured (no such block, or no rule profiles).
    ``method`` reads that bound from the bootstrap draws (``RULE_BASELINE_METHODS``);
    ``bounds`` holds every method's bound from the same draws."""
    if method not in RULE_BASELINE_METHODS:
        raise ValueError(f"method must be one of {RULE_BASELINE_METHODS}, not {method!r}")
    y = np.asarray(y, dtype=int)
    e = np.asarray(engine, dtype=float)
    blocks = np.zeros(len(y), dtype=np.int64) if blocks is None else np.asarray(blocks)
    out: dict[str, Any] = {"rows": len(y), "positives": int(y.sum())}
    usable = [
        b
        for b in np.unique(blocks)
        if RULE_BASELINE_MIN_CLASS
        <= y[blocks == b].sum()
        <= (blocks == b).sum() - RULE_BASELINE_MIN_CLASS
    ]
    out["blocks"] = [int(b) for b in usable]
    if not usable:
        out["beats"] = None
        return out
    no_rules = bool(np.isnan(rules).all())
    r = np.nan_to_num(np.asarray(rules, dtype=float), nan=0.0)
    per_block: list[dict[str, float]] = []
    draws = np.zeros(reps)
    moments = np.zeros(2)  # the jackknife's sums of squared and cubed influence, all blocks
    for b in usable:
        held = blocks == b
        yb, eb, rb = y[held], e[held], r[held]
        figures = {
            "block": int(b),
            "positives": int(yb.sum()),
            "engine_pr_auc": float(average_precision_score(yb, eb)),
            "engine_roc_auc": float(roc_auc_score(yb, eb)),
        }
        if not no_rules:
            figures["rules_pr_auc"] = float(average_precision_score(yb, rb))
            figures["rules_roc_auc"] = float(roc_auc_score(yb, rb))
            rows = _block_rows(yb, int(b))  # the bootstrap's and the jackknife's rows
            point = figures["engine_pr_auc"] - figures["rules_pr_auc"]
            draws += _block_bootstrap(eb, rb, yb, point, reps, int(b), rows=rows)
            moments += _block_jackknife(eb, rb, yb, int(b), rows=rows)
        per_block.append(figures)
    out["per_block"] = per_block
    for key in ("engine_pr_auc", "engine_roc_auc"):
        out[key] = float(np.mean([f[key] for f in per_block]))
    if no_rules:
        out["beats"] = None  # no rule profiles: nothing to compare with
        return out
    for key in ("rules_pr_auc", "rules_roc_auc"):
        out[key] = float(np.mean([f[key] for f in per_block]))
    out["pr_auc_difference"] = out["engine_pr_auc"] - out["rules_pr_auc"]
    bounds = _upper_bounds(draws / len(usable), out["pr_auc_difference"], moments, confidence)
    upper = bounds[method]
    out["pr_auc_difference_upper"] = upper
    out["bounds"] = bounds
    out["method"] = method
    out["confidence"] = confidence
    out["beats"] = not upper < 0.0
    return out


def _upper_bounds(
    draws: np.ndarray, point: float, moments: np.ndarray, confidence: float
) -> dict[str, float]:
    """The upper one-sided bound at ``confidence`` of the statistic whose estimate is
    ``point``, from its bootstrap ``draws``, three ways (``RULE_BASELINE_METHODS``).
    ``moments`` are the sums of squared and cubed jackknife influence values (all strata).

    The sample AP of a continuous score is biased upward at few positives more than a step
    score's (ties average out), and the bootstrap repeats that bias around the point: the
    percentile bound adds it once more (review g13). The basic bound subtracts it; BCa
    reads the quantile moved by it (``z0``, the share of draws below the point) and by the
    statistic's skewness (acceleration ``a`` from the jackknife)."""
    from scipy.stats import norm

    percentile = float(np.quantile(draws, confidence))
    basic = float(2 * point - np.quantile(draws, 1 - confidence))
    bounds = {"percentile": percentile, "basic": basic, "bca": percentile}
    reps = len(draws)
    if np.ptp(draws) == 0.0:  # no spread: nothing to correct
        return bounds
    below = (np.sum(draws < point) + 0.5 * np.sum(draws == point)) / reps
    # A share of 0 or 1 would put z0 at infinity: no draw on one side is as far as the
    # resamples can tell.
    below = float(np.clip(below, 0.5 / reps, 1 - 0.5 / reps))
    z0 = norm.ppf(below)
    squares, cubes = moments
    a = cubes / (6.0 * squares**1.5) if squares > 0 else 0.0
    z = z0 + norm.ppf(confidence)
    shifted = z0 + z / (1.0 - a * z) if a * z < 1.0 else np.inf
    bounds["bca"] = float(np.quantile(draws, norm.cdf(shifted)))
    return bounds


def _block_jackknife(
    e: np.ndarray, r: np.ndarray, y: np.ndarray, seed: int, rows: np.ndarray | None = None
) -> np.ndarray:
    """Sums of squared and cubed jackknife influence values of AP(e) - AP(r) on one block,
    on the rows ``_block_bootstrap`` draws from, scaled to the block's rows (BCa's
    acceleration). Strata are the classes (rows are drawn within class): a row's value is the
    mean leave-one-out difference of its class minus its own. A row's leave-one-out AP in
    each ranking follows from prefix and suffix sums over that ranking's positive groups, so
    the cost is linear in the rows, not rows x rows."""
    if len(y) == 0 or y.min() == y.max():
        return np.zeros(2)
    rows = _block_rows(y, seed) if rows is None else rows
    ys, left_out = y[rows], np.zeros(len(rows))
    for score, sign in ((e[rows], 1.0), (r[rows], -1.0)):
        left_out += sign * _leave_one_out_ap(score, ys)
    squares = cubes = 0.0
    for c in (0, 1):
        members = ys == c
        u = left_out[members].mean() - left_out[members]
        squares += float(np.sum(u**2))
        cubes += float(np.sum(u**3))
    # A row's influence shrinks as 1 / rows; summed over rows / subsample times as many rows.
    scale = len(rows) / len(y)
    return np.array([squares * scale, cubes * scale**2])


def _leave_one_out_ap(score: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each row's AP (as scikit-learn computes it, ties sharing a threshold) with that row
    left out. Positive groups by descending score ``j``: ``p_j`` positives, ``tp_j`` and
    ``seen_j`` cumulative positives and rows; AP = sum_j p_j tp_j / seen_j / P. Leaving out a
    negative of group g lowers ``seen`` from g on by one; a positive of group g lowers ``p_g``,
    ``tp`` and ``seen`` from g on, and P, by one; a negative below every positive changes
    nothing."""
    group, k = _ap_groups(score, y)
    p = np.bincount(group[y == 1], minlength=k + 1)[:k].astype(float)
    n = np.bincount(group[y == 0], minlength=k + 1)[:k].astype(float)
    tp, seen = np.cumsum(p), np.cumsum(p + n)
    total = tp[-1]
    kept = p * tp / seen
    head = np.r_[0.0, np.cumsum(kept)]  # head[g]: sum over groups before g
    with np.errstate(divide="ignore", invalid="ignore"):
        less_seen = np.where(seen > 1, p * tp / (seen - 1), 0.0)
        less_both = np.where(seen > 1, p * (tp - 1) / (seen - 1), 0.0)
        own = np.where(seen > 1, (p - 1) * (tp - 1) / (seen - 1), 0.0)
    tail_seen = np.r_[np.cumsum(less_seen[::-1])[::-1], 0.0]  # from g on
    tail_both = np.r_[np.cumsum(less_both[::-1])[::-1], 0.0]
    negative = np.r_[(head[:k] + tail_seen[:k]) / total, head[k] / total]
    if total > 1:
        positive = (head[:k] + own + tail_both[1:]) / (total - 1)
    else:
        positive = np.zeros(k)  # no positive left: AP is 0 (scikit-learn warns, gives 0)
    out = negative[group]
    pos = y == 1
    out[pos] = positive[group[pos]]
    return out


def _block_bootstrap(
    e: np.ndarray,
    r: np.ndarray,
    y: np.ndarray,
    point: float,
    reps: int,
    seed: int,
    rows: np.ndarray | None = None,
) -> np.ndarray:
    """``reps`` paired bootstrap draws of AP(e) - AP(r) on one block (rows drawn with
    replacement within each class). Above ``RULE_BASELINE_ROWS`` rows (more when that many
    would hold fewer than ``RULE_BASELINE_MINORITY`` of the scarcer class, at most
    ``RULE_BASELINE_MAX_ROWS``): drawn from a class-stratified subsample, their spread around
    the subsample's own difference scaled by sqrt(subsample / rows) and centred on ``point``,
    the block's difference. ``rows``: that subsample, when the caller drew it already
    (``_block_rows``; the jackknife reads the same rows)."""
    rows = _block_rows(y, seed) if rows is None else rows
    diffs = _paired_bootstrap_ap(e[rows], r[rows], y[rows], reps, seed)
    if len(rows) == len(y):
        return diffs
    sub = average_precision_score(y[rows], e[rows]) - average_precision_score(y[rows], r[rows])
    return point + (diffs - sub) * np.sqrt(len(rows) / len(y))


def _block_rows(y: np.ndarray, seed: int) -> np.ndarray:
    """The rows a block's bootstrap draws from (see ``_block_bootstrap``)."""
    scarcer = min(int(y.sum()), len(y) - int(y.sum()))
    cap = max(RULE_BASELINE_ROWS, -(-RULE_BASELINE_MINORITY * len(y) // max(scarcer, 1)))
    return _bootstrap_rows(y, min(cap, RULE_BASELINE_MAX_ROWS), seed)


def _bootstrap_rows(y: np.ndarray, cap: int, seed: int) -> np.ndarray:
    """All row positions when there are at most ``cap``, else about ``cap`` of them drawn
    without replacement, the same share of each class (at least one of each)."""
    if len(y) <= cap:
        return np.arange(len(y))
    rng = np.random.default_rng(seed)
    picked = []
    for c in (0, 1):
        idx = np.flatnonzero(y == c)
        picked.append(rng.choice(idx, max(1, round(len(idx) * cap / len(y))), replace=False))
    return np.sort(np.concatenate(picked))


def _paired_bootstrap_ap(
    a: np.ndarray, b: np.ndarray, y: np.ndarray, reps: int, seed: int
) -> np.ndarray:
    """``reps`` bootstrap draws of AP(a) - AP(b): the same resampled rows for both scores,
    drawn with replacement within each class (the class counts stay those observed). AP as
    scikit-learn computes it (tied scores share one threshold).

    AP reads a ranking only at the thresholds of positives: the negatives between two of
    them in one ranking count alike. So rows are grouped once into cells (for a positive:
    its tie group in each ranking; for a negative: the first positive group at or below it
    in each ranking), and each resample draws multinomial counts per cell, the same law as
    counts per row (a multinomial's cells add up), instead of re-sorting or weighting every
    row: the work per resample is the number of cells, at most about (positives + 1) ** 2,
    not the number of rows."""
    if len(y) == 0 or y.min() == y.max():
        # One class only (review g13): AP is the same for both scores in every resample (0
        # without positives, 1 without negatives), as the draw by rows gave; the cells would
        # hold no positive group or no negative cell to draw from.
        return np.zeros(reps)
    rng = np.random.default_rng(seed)
    ga, ka = _ap_groups(a, y)
    gb, kb = _ap_groups(b, y)
    classes = []
    for c in (0, 1):
        members = y == c
        cell, count = np.unique(ga[members] * (kb + 1) + gb[members], return_counts=True)
        # Cells come sorted by their group in ranking a; ``order`` sorts them by ranking b's.
        order = np.argsort(cell % (kb + 1), kind="stable")
        classes.append((cell // (kb + 1), (cell % (kb + 1))[order], order, count))
    chunk = max(1, _BOOT_CELLS // max(sum(len(c[3]) for c in classes), 1))
    out = np.empty(reps)
    for start in range(0, reps, chunk):
        n = min(chunk, reps - start)
        by_a, by_b = [], []
        for group_a, group_b, order, count in classes:
            total = int(count.sum())
            counts = rng.multinomial(total, count / total, n).astype(float)
            by_a.append(_by_group(counts, group_a, ka + 1)[:, :ka])
            by_b.append(_by_group(counts[:, order], group_b, kb + 1)[:, :kb])
        out[start : start + n] = _grouped_ap(by_a[1], by_a[0]) - _grouped_ap(by_b[1], by_b[0])
    return out


def _ap_groups(score: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, int]:
    """Each row's group for AP and the number of positive groups ``k``: the positives' tie
    groups by descending score are 0 .. k-1; a row belongs to the first of them whose score is
    at or below its own (k when every positive scores above it: it never counts)."""
    thresholds = np.unique(score[y == 1])  # ascending
    k = len(thresholds)
    return k - np.searchsorted(thresholds, score, side="right"), k


def _by_group(counts: np.ndarray, group: np.ndarray, k: int) -> np.ndarray:
    """Column sums of ``counts`` (resamples x cells, cells sorted by ``group``) into ``k``
    groups."""
    out = np.zeros((counts.shape[0], k))
    if counts.shape[1]:
        starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
        out[:, group[starts]] = np.add.reduceat(counts, starts, axis=1)
    return out


def _grouped_ap(positives: np.ndarray, negatives: np.ndarray) -> np.ndarray:
    """Average precision per resample from the positive weight in each positive group and
    the negative weight that enters at it (resamples x groups, best group first)."""
    tp = np.cumsum(positives, axis=1)
    seen = tp + np.cumsum(negatives, axis=1)
    precision = tp / np.maximum(seen, 1e-300)
    return np.asarray((positives * precision).sum(axis=1) / np.maximum(tp[:, -1], 1e-300))
