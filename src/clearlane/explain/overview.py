"""Global explanations of the engine's model, for the evaluation report.

* feature importance two ways: LightGBM's total split gain, and the mean |SHAP| contribution
  (log-odds) on held-out rows — gain says what the trees used while training, mean |SHAP| how
  much each feature moves the scores of declarations the model has not seen;
* partial dependence of the top features (by mean |SHAP|), computed by
  ``sklearn.inspection.partial_dependence`` on the fitted LGBMClassifier: the model's average
  (uncalibrated) probability as one feature sweeps its 5th-95th percentile range, every other
  feature kept as observed.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from clearlane.explain.reasons import _explainer
from clearlane.risk.engine import RiskEngine

__all__ = ["global_explanations"]


def global_explanations(
    engine: RiskEngine,
    frame: pd.DataFrame,
    *,
    top: int = 4,
    max_rows: int = 5_000,
    pd_rows: int = 2_000,
    grid: int = 20,
    seed: int = 0,
) -> dict[str, Any]:
    """Importance (gain, mean |SHAP|) and partial dependence of the ``top`` features on the
    held-out ``frame``.

    SHAP uses at most ``max_rows`` rows and partial dependence ``pd_rows`` (seeded samples; the
    numbers used are in the result). Without a model the result says so and holds no numbers.
    """
    model = engine.fraud
    if model is None or model.model is None:
        why = "; ".join(engine.notes) or "the engine has no supervised model"
        return {"available": False, "note": f"no model to explain: {why}"}
    rng = np.random.default_rng(seed)
    sample = frame
    if len(frame) > max_rows:
        sample = frame.iloc[np.sort(rng.choice(len(frame), max_rows, replace=False))]
    matrix = engine.builder.transform_matrix(sample).select(model.columns)
    phi, base, _ = _explainer(model).contributions(matrix)
    mean_abs = pd.Series(np.abs(phi).mean(axis=0), index=model.columns)
    gain = model.importance().reindex(model.columns).fillna(0.0)
    table = pd.DataFrame(
        {
            "mean_abs_shap": mean_abs,
            "gain": gain,
            "gain_share": gain / gain.sum() if gain.sum() > 0 else gain,
        }
    ).sort_values("mean_abs_shap", ascending=False)

    features = pd.DataFrame(matrix, columns=model.columns)
    if len(features) > pd_rows:
        features = features.iloc[np.sort(rng.choice(len(features), pd_rows, replace=False))]
    dependence: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for name in [c for c in table.index if c not in model.categorical][: top * 2]:
        if len(dependence) == top:
            break
        column = features[name]
        if column.notna().sum() < 2 or column.nunique() < 2:
            skipped[name] = "constant or missing on the held-out rows"
            continue
        try:
            dependence[name] = _partial_dependence(model.model, features, name, grid)
        except ValueError as exc:  # e.g. too few distinct values for a grid
            skipped[name] = str(exc)
    return {
        "available": True,
        "rows": int(len(matrix)),
        "pd_rows": int(len(features)),
        "model_base": float(base),
        "importance": {
            str(k): {c: float(v) for c, v in row.items()} for k, row in table.iterrows()
        },
        "partial_dependence": dependence,
        "partial_dependence_skipped": skipped,
        "response": "model probability before calibration",
    }


def _partial_dependence(
    estimator: Any, features: pd.DataFrame, name: str, grid: int
) -> dict[str, Any]:
    from sklearn.inspection import partial_dependence

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = partial_dependence(
            estimator,
            features,
            [name],
            grid_resolution=grid,
            percentiles=(0.05, 0.95),
            kind="average",
        )
    return {
        "grid": [float(v) for v in result["grid_values"][0]],
        "average": [float(v) for v in result["average"][0]],
    }
