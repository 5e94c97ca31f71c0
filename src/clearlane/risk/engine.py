"""The risk engine: rule profiles + anomaly detectors + supervised model -> one score.

Fusion. With a trained model the components are stacked by a logistic regression fitted on the
latest slice of the training period (never on data the model was trained on): inputs are the
model's logit, the isolation-forest rank, the price deviation and, when profiles were given,
the rule score. Stacking learns how much a weak component is worth instead of us guessing,
and its output is again a probability.

Novel rows. Rows where the repeat-consignment memory is silent (no earlier control of the same
declared value, nor of the same HS6 and net mass: ``repeat_match`` is 0) are stacked apart, from
the model's logit alone, with weights learned on such rows of the calibration slice. There the
model's probabilities sit in a narrow band near the prior, and the small weights the anomaly and
rule components earn on all rows (mostly repeat rows) were enough to reorder them for the worse.
Chosen on KCS 2020 (train Jan-Sep, test Oct-Dec; checked on train Jan-Jun, test Jul-Sep): on
novel rows precision@5% 0.31 -> 0.45, PR-AUC 0.285 -> 0.312, all rows unchanged (PR-AUC 0.90).
Measured and not kept, for being no better on novel rows: a second "generalist" LightGBM (or
logistic regression) without the memory features, as a fusion input or for the novel rows;
stacking the anomaly and rule scores on the novel rows too (learned weights did not carry over);
a more regularised main model (fewer leaves, more rows per leaf, half the features per tree).

Without a model (no or too few labels) the engine runs
on rules and anomaly alone, combined as a noisy-OR, and says so in every assessment.

Items are scored, declarations are assessed: a declaration is as risky as its riskiest item,
and its expected recoverable revenue is the sum over its items.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

from clearlane.features import FeatureBuilder
from clearlane.risk.anomaly import IsolationForestScorer, PriceReference
from clearlane.risk.base import RuleScorer
from clearlane.risk.errors import InsufficientLabelsError, IntegrityError
from clearlane.risk.supervised import (
    BinaryModel,
    Imbalance,
    RevenueModel,
    check_labels,
    model_columns,
    repeat_match,
    revenue_target,
)

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
RULE_WEIGHT_UNSTACKED = 0.5
# Rows with no repeat history are stacked apart from the model alone (see the module docstring).
REPEAT_GATE = "repeat_match"
NOVEL_INPUTS = ("model",)  # rules given only at scoring time enter as a noisy-OR at this weight


@dataclass
class Fusion:
    """Logistic stacking of component scores (see the module docstring).

    With ``gate`` (a 0/1 component, 1 where repeat memory applies) the rows where it is 0 are
    stacked apart, over ``novel_inputs`` and with weights learned on such rows only.
    """

    inputs: list[str] = field(default_factory=list)
    model: LogisticRegression | None = None
    gate: str | None = None
    novel_inputs: list[str] = field(default_factory=list)
    novel_model: LogisticRegression | None = None

    def fit(self, components: pd.DataFrame, y: np.ndarray) -> Fusion:
        self.model = _fit_stack(components, y, self.inputs)
        self.novel_model = None
        if self.gate is not None and self.model is not None:
            novel = _novel(components, self.gate)
            self.novel_model = _fit_stack(components[novel], y[novel], self.novel_inputs)
        return self

    def weights(self) -> dict[str, float]:
        if self.model is None:
            return {}
        out = dict(zip(self.inputs, map(float, self.model.coef_[0]), strict=True))
        if self.novel_model is not None:
            coef = map(float, self.novel_model.coef_[0])
            out.update({f"novel:{k}": v for k, v in zip(self.novel_inputs, coef, strict=True)})
        return out

    def __call__(self, components: pd.DataFrame) -> np.ndarray:
        if self.model is None:
            return components["model"].to_numpy(dtype=float)
        out = self.model.predict_proba(_stack_matrix(components, self.inputs))[:, 1]
        if self.novel_model is not None:
            novel = _novel(components, self.gate)
            if novel.any():
                matrix = _stack_matrix(components[novel], self.novel_inputs)
                out[novel] = self.novel_model.predict_proba(matrix)[:, 1]
        return out


def _novel(components: pd.DataFrame, gate: str | None) -> np.ndarray:
    if gate is None or gate not in components:
        return np.zeros(len(components), dtype=bool)
    return components[gate].fillna(0.0).to_numpy(dtype=float) <= 0


def _fit_stack(
    components: pd.DataFrame, y: np.ndarray, inputs: list[str]
) -> LogisticRegression | None:
    if y.sum() < 5 or y.sum() > len(y) - 5:
        return None  # cannot learn weights: fall back to the model's probability
    return LogisticRegression(C=1.0, max_iter=1000).fit(_stack_matrix(components, inputs), y)


def _stack_matrix(components: pd.DataFrame, inputs: list[str]) -> np.ndarray:
    cols = []
    for name in inputs:
        value = components[name].astype(float).fillna(0.0).to_numpy()
        if name == "model":
            p = np.clip(value, 1e-4, 1 - 1e-4)
            value = np.log(p / (1 - p))
        cols.append(value)
    return np.column_stack(cols)


def _noisy_or(*scores: pd.Series) -> pd.Series:
    out = pd.Series(1.0, index=scores[0].index)
    for s in scores:
        out = out * (1.0 - s.fillna(0.0).clip(0.0, 1.0))
    return 1.0 - out


@dataclass
class RiskEngine:
    """Scores goods items and assesses declarations; see :func:`train_engine` to build one."""

    builder: FeatureBuilder
    price_reference: PriceReference
    iforest: IsolationForestScorer
    fraud: BinaryModel | None = None
    critical: BinaryModel | None = None
    revenue: RevenueModel | None = None
    fusion: Fusion = field(default_factory=Fusion)
    profiles: RuleScorer | None = None
    model_version: str | None = None
    notes: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

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
        features = self.builder.transform(frame)
        return self.score_features(frame, features, profiles=profiles)

    def score_features(
        self,
        frame: pd.DataFrame,
        features: pd.DataFrame,
        *,
        profiles: RuleScorer | None = None,
    ) -> pd.DataFrame:
        profiles = profiles if profiles is not None else self.profiles
        out = pd.DataFrame(index=frame.index)
        missing = features["missing_fields"].astype(object).fillna("")
        notes = pd.Series("", index=frame.index, dtype=object)
        if profiles is not None:
            evaluation = profiles.evaluate(_with_features(frame, features))
            out["rules"] = evaluation.score.reindex(frame.index).astype(float).clip(0, 1)
            missing = _join_lists(missing, evaluation.missing.reindex(frame.index).fillna(""))
            mandatory = evaluation.mandatory.reindex(frame.index).fillna(False).astype(bool)
            notes = notes.where(~mandatory, "mandatory control demanded by a profile")
        else:
            out["rules"] = np.nan
        out["anomaly_iforest"] = self.iforest.score_features(features)
        price = self.price_reference.assess(frame)
        out["price_anomaly"] = self.price_reference.score_assessed(price).to_numpy()
        out["price_flag"] = price["flag"].to_numpy()
        out["price_reason"] = price["reason"].to_numpy()
        out["anomaly"] = out[["anomaly_iforest", "price_anomaly"]].max(axis=1)
        if self.fraud is not None:
            out["model"] = self.fraud.predict(features)
            if self.fusion.gate is not None:
                out[self.fusion.gate] = repeat_match(features).astype(float)
            fused = pd.Series(self.fusion(out), index=frame.index)
            if profiles is not None and "rules" not in self.fusion.inputs:
                fused = _noisy_or(fused, RULE_WEIGHT_UNSTACKED * out["rules"])
            out["score"] = fused
            revenue = self.revenue.predict(features) if self.revenue is not None else 0.0
            out["expected_revenue"] = out["model"] * revenue
        else:
            out["model"] = np.nan
            unsupervised = 0.5 * out["anomaly_iforest"] + 0.5 * out["price_anomaly"]
            out["score"] = _noisy_or(out["rules"], unsupervised) if profiles else unsupervised
            out["expected_revenue"] = np.nan
            notes = _join_lists(notes, pd.Series(NO_MODEL_NOTE, index=frame.index))
        if self.critical is not None:
            out["critical_score"] = self.critical.predict(features)
        else:
            out["critical_score"] = out["anomaly"]
        out["score"] = out["score"].clip(0.0, 1.0)
        out["missing_fields"] = missing
        out["notes"] = notes
        return out

    def assess(self, frame: pd.DataFrame, *, profiles: RuleScorer | None = None) -> pd.DataFrame:
        """One risk assessment per declaration (reference, version), columns
        :data:`ASSESSMENT_COLUMNS`; the riskiest item sets the declaration's scores."""
        items = self.score_items(frame, profiles=profiles)
        profiles = profiles if profiles is not None else self.profiles
        keys = pd.DataFrame(
            {
                "reference": frame["reference"].astype(object)
                if "reference" in frame
                else pd.Series(frame.index.astype(str), index=frame.index, dtype=object),
                "version": pd.to_numeric(frame.get("version", 1), errors="coerce"),
            },
            index=frame.index,
        )
        keys["reference"] = keys["reference"].fillna(
            pd.Series(frame.index.astype(str), index=frame.index)
        )
        keys["version"] = keys["version"].fillna(1).astype(int)
        data = pd.concat([keys, items], axis=1)
        out = _per_declaration(data)
        out["model_version"] = self.model_version
        out["profile_version"] = getattr(profiles, "version", None) if profiles else None
        return out[list(ASSESSMENT_COLUMNS)]

    # ------------------------------------------------------------------ persistence
    def save(self, path: Path | str) -> Path:
        """joblib file plus ``<path>.sha256``; :meth:`load` refuses a file that differs."""
        path = Path(path)
        joblib.dump(self, path, compress=3)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        _hash_path(path).write_text(f"{digest}  {path.name}\n", encoding="utf-8")
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
        return engine


def _per_declaration(data: pd.DataFrame) -> pd.DataFrame:
    """Items -> declarations with built-in (vectorised) aggregations; the string unions run
    only for declarations with several items."""
    keys = ["reference", "version"]
    multi = data.duplicated(keys, keep=False)
    if not multi.any():
        return data.reset_index(drop=True)
    grouped = data.groupby(keys, sort=False)
    out = grouped.agg(
        score=("score", "max"),
        rules=("rules", "max"),
        anomaly=("anomaly", "max"),
        model=("model", "max"),
        critical_score=("critical_score", "max"),
    )
    out["expected_revenue"] = grouped["expected_revenue"].sum(min_count=1)
    for column in ("missing_fields", "notes"):
        text = grouped[column].first().astype(object)
        several = data[multi].groupby(keys, sort=False)[column].agg(_union)
        text.loc[several.index] = several
        out[column] = text
    return out.reset_index()


def _hash_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _union(values: pd.Series) -> str:
    seen: dict[str, None] = {}
    for value in values:
        for part in str(value or "").split(","):
            if part.strip():
                seen[part.strip()] = None
    return ",".join(seen)


def _join_lists(a: pd.Series, b: pd.Series) -> pd.Series:
    return pd.Series([_union(pd.Series([x, y])) for x, y in zip(a, b, strict=True)], index=a.index)


def _with_features(frame: pd.DataFrame, features: pd.DataFrame) -> pd.DataFrame:
    extra = [c for c in features.columns if c not in frame.columns and c != "missing_fields"]
    return frame.join(features[extra])


def _split_by_date(dates: pd.Series, fraction: float) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Two cut days: rows before ``cut1`` train, [cut1, cut2) validate, from cut2 calibrate."""
    days = pd.to_datetime(dates).dt.normalize().sort_values()
    cut1 = days.iloc[min(len(days) - 1, int(len(days) * (1 - fraction)))]
    later = days[days >= cut1]
    cut2 = later.iloc[len(later) // 2]
    if cut2 <= cut1:
        cut2 = cut1 + pd.Timedelta(days=1)
    return cut1, cut2


def train_engine(
    frame: pd.DataFrame,
    *,
    profiles: RuleScorer | None = None,
    calibration_fraction: float = 0.25,
    repeat_memory: bool = True,
    imbalance: Imbalance = "auto",
    seed: int = 0,
    min_rows: int = 200,
    min_positives: int = 20,
    fallback: bool = True,
) -> RiskEngine:
    """Train the engine on a frame of history (controlled rows carry labels).

    The last ``calibration_fraction`` of the period is held out of model training: its first
    half stops boosting and picks class weights vs SMOTE, its second half calibrates the
    probabilities and learns the fusion weights. Features for the held-out rows use only the
    history before it, as scoring will. With no usable labels the engine falls back to rules
    and anomaly (``fallback=True``, the reason is in ``engine.notes``) or raises
    :class:`InsufficientLabelsError`.
    """
    if "declaration_date" not in frame or frame["declaration_date"].isna().all():
        raise InsufficientLabelsError("training needs declaration dates to split by time")
    frame = frame[pd.to_datetime(frame["declaration_date"], errors="coerce").notna()]
    fraud = frame["fraud"] if "fraud" in frame else pd.Series(np.nan, index=frame.index)
    notes: list[str] = []
    builder = FeatureBuilder(repeat_memory=repeat_memory).fit(frame)
    price_reference = PriceReference().fit(frame)
    try:
        check_labels(fraud, min_rows=min_rows, min_positives=min_positives)
    except InsufficientLabelsError as exc:
        if not fallback:
            raise
        notes.append(f"{NO_MODEL_NOTE} ({exc})")
        iforest = IsolationForestScorer(seed=seed).fit_features(builder.transform(frame))
        return RiskEngine(
            builder=builder,
            price_reference=price_reference,
            iforest=iforest,
            profiles=profiles,
            notes=notes,
            summary={"rows": len(frame), "labelled": int(fraud.notna().sum())},
        )

    dates = pd.to_datetime(frame["declaration_date"]).dt.normalize()
    cut1, cut2 = _split_by_date(dates, calibration_fraction)
    part_a, part_v, part_c = dates < cut1, (dates >= cut1) & (dates < cut2), dates >= cut2
    past = FeatureBuilder(repeat_memory=repeat_memory).fit(frame[part_a])
    xa = past.transform(frame[part_a])  # point-in-time within the training slice
    xv, xc = past.transform(frame[part_v]), past.transform(frame[part_c])
    num, cats = model_columns(past)
    labelled = fraud.notna()
    la, lv, lc = (labelled & part for part in (part_a, part_v, part_c))
    try:
        check_labels(fraud[la], min_rows=min_rows // 2, min_positives=min_positives // 2)
    except InsufficientLabelsError as exc:
        if not fallback:
            raise
        notes.append(f"{NO_MODEL_NOTE} (training slice: {exc})")
        return RiskEngine(
            builder=builder,
            price_reference=price_reference,
            iforest=IsolationForestScorer(seed=seed).fit_features(xa),
            profiles=profiles,
            notes=notes,
        )

    fraud_model = BinaryModel(
        target="fraud", imbalance=imbalance, seed=seed, columns=num + cats, categorical=cats
    ).fit(
        xa[la[part_a]],
        fraud[la],
        x_val=xv[lv[part_v]],
        y_val=fraud[lv],
        x_cal=xc[lc[part_c]],
        y_cal=fraud[lc],
    )
    critical = frame["critical"] if "critical" in frame else pd.Series(np.nan, index=frame.index)
    critical_model: BinaryModel | None = None
    try:
        check_labels(critical[la], target="critical", min_rows=min_rows // 2, min_positives=10)
        ca, cv, cc = (critical.notna() & m for m in (la, lv, lc))
        critical_model = BinaryModel(
            target="critical", imbalance="weights", seed=seed, columns=num + cats, categorical=cats
        ).fit(
            xa[ca[part_a]],
            critical[ca],
            x_val=xv[cv[part_v]],
            y_val=critical[cv],
            x_cal=xc[cc[part_c]],
            y_cal=critical[cc],
        )
    except InsufficientLabelsError as exc:
        notes.append(f"no critical-case model ({exc}); critical_score is the anomaly score")
    frauds = la & (fraud == 1)
    revenue_model = RevenueModel(seed=seed, columns=num).fit(
        xa[frauds[part_a]], revenue_target(frame[frauds])
    )
    iforest = IsolationForestScorer(seed=seed).fit_features(xa)

    engine = RiskEngine(
        builder=past,
        price_reference=PriceReference().fit(frame[part_a]),
        iforest=iforest,
        fraud=fraud_model,
        critical=critical_model,
        revenue=revenue_model,
        profiles=profiles,
        notes=notes,
    )
    # Fusion weights from the calibration slice, with every component as scoring sees it.
    engine.fusion = Fusion(
        inputs=["model", "anomaly_iforest", "price_anomaly", *(["rules"] if profiles else [])],
        gate=REPEAT_GATE if repeat_memory else None,
        novel_inputs=list(NOVEL_INPUTS),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        comps = engine.score_features(frame[lc], xc[lc[part_c]])
    engine.fusion.fit(comps, fraud[lc].astype(int).to_numpy())
    # From now on score with the whole history (the model itself is not retrained).
    engine.builder = builder
    engine.price_reference = price_reference
    span = f"{dates.min():%Y%m%d}-{dates.max():%Y%m%d}"
    fingerprint = hashlib.sha256(
        f"{span}|{len(frame)}|{seed}|{repeat_memory}|{fraud_model.chosen}".encode()
    ).hexdigest()[:8]
    engine.model_version = f"lgbm-{span}-{fingerprint}"
    engine.summary = {
        "rows": len(frame),
        "labelled": int(labelled.sum()),
        "train_until": str(cut1.date()),
        "validate_until": str(cut2.date()),
        "calibrate_until": str(dates.max().date()),
        "imbalance_selection": fraud_model.selection,
        "imbalance_chosen": fraud_model.chosen,
        "best_iteration": int(getattr(fraud_model.model, "best_iteration_", 0) or 0),
        "fusion_weights": engine.fusion.weights(),
        "repeat_memory": repeat_memory,
    }
    return engine
