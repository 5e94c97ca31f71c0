"""Novel-row diagnosis on KCS 2020 (issue #11): the engine on declarations whose declared value
and (HS6, net mass) were never seen in training, and what the candidate fixes give there.

2020 only (2021-Q1 is for ``benchmarks/targeting.py``, once): f1 trains on Jan-Jun and tests on
Jul-Sep, f2 trains on Jan-Sep and tests on Oct-Dec (``--folds f0``: Jan-Mar, tested on
Apr-Jun). For each fold it trains the engine as shipped, then refits the fraud model (same
cross-fitting, same early stopping, the imbalance method the engine chose) and the stack for
each candidate, and prints declaration-level PR-AUC on novel rows and on all rows:

* the imbalance method alone: class weights (what the engine chooses on KCS), SMOTE and the
  rows as they are (``imbalance="none"``);
* memory dropout: the comparable-consignment columns (``hs6_value_band_*``, ``hs6_mass_band_*``,
  ``hs6_uv_band_*``) set missing on a random half of the training rows, so the trees must
  learn the generalising features too;
* novelty weighting: training rows that were new when declared (value and (HS6, mass) not
  seen on an earlier day) counted three times;
* monotone price position: ``uv_below_band`` and ``uv_above_band`` may only raise the risk;
* a novel head: a regularised LightGBM on the point-in-time-novel rows only, without the
  comparable-consignment columns, in the stack;
* the stack fitted on point-in-time-novel out-of-fold rows only, and a stack gated by the
  comparable support (each input also enters multiplied by ``exp(-support / 2)``);
* two bounds that cannot be served: the best rank average of model and declared-fields model
  on the novel rows alone (a perfect novelty gate), and 5-fold cross-validation inside the
  test period's novel rows (no drift at all).

Results and the ablation of the engine's parts (imbalance method, number of trees, calibration
before the stack, the stack's inputs, raw identifiers, three seeds and three folds): the fourth
pass in docs/risk-engine.md. In short, no part of the engine moves the novel rows above plain
LightGBM consistently; engine minus plain LightGBM is +0.019 (f0), -0.008 (f1) and -0.002 (f2).

Run (about 4 CPU minutes; ``--curve`` adds about 1)::

    PYTHONPATH=src python benchmarks/novel_rows.py [--folds f1 f2] [--boot 500] [--curve]
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.stats import rankdata
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import StratifiedKFold

from clearlane.ingest.parse import read_frame
from clearlane.learn.evaluate import declaration_level, metrics_table, novel_rows
from clearlane.risk import train_engine
from clearlane.risk.engine import Fusion, _apply_model_calibration, _stack_matrix, time_blocks
from clearlane.risk.profiles import load_default_profiles
from clearlane.risk.supervised import (
    ENGINE_PARAMS,
    BinaryModel,
    DeclaredFieldsModel,
    PlainLightGBM,
    model_columns,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"
FOLDS = {
    "f0": ("2020-04-01", "2020-07-01"),
    "f1": ("2020-07-01", "2020-10-01"),
    "f2": ("2020-10-01", "2021-01-01"),
}
MEMORY = ("hs6_value_band", "hs6_mass_band", "hs6_uv_band")
CURVE = (50, 100, 200, 300, 400, 600, 800, 1000, 1500)
HEAD_PARAMS: dict[str, Any] = {
    "n_estimators": 300,
    "learning_rate": 0.03,
    "num_leaves": 15,
    "min_child_samples": 50,
    "colsample_bytree": 0.5,
    "subsample": 0.8,
    "subsample_freq": 1,
    "reg_lambda": 5.0,
    "min_data_per_group": 100,
    "cat_smooth": 50.0,
}


def point_in_time_novel(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose declared value and (HS6, net mass) first occur on the row's own day."""
    day = pd.to_datetime(frame["declaration_date"]).dt.normalize()
    value = pd.to_numeric(frame["customs_value"], errors="coerce")
    mass = pd.to_numeric(frame["net_mass_kg"], errors="coerce").astype(str)
    first_value = day.groupby(value, dropna=False).transform("min")
    first_pair = day.groupby(frame["hs6"].astype(str) + "|" + mass).transform("min")
    return ((first_value == day) & (first_pair == day)).to_numpy()


class Candidate(BinaryModel):
    """The engine's fraud model with one change to its training rows (not a dataclass field:
    set after construction)."""

    memory_dropout: float = 0.0
    novel_copies: int = 1
    novel: pd.Series | None = None

    def _rows(self, x: pd.DataFrame, y: np.ndarray) -> tuple[pd.DataFrame, np.ndarray]:
        if self.memory_dropout > 0:
            rng = np.random.default_rng(self.seed)
            x = x.copy()
            drop = rng.random(len(x)) < self.memory_dropout
            memory = [c for c in x.columns if c.startswith(MEMORY)]
            x.loc[x.index[drop], memory] = np.nan
        if self.novel_copies > 1 and self.novel is not None:
            new = self.novel.reindex(x.index).fillna(False).to_numpy(dtype=bool)
            extra = [x[new]] * (self.novel_copies - 1)
            x = pd.concat([x, *extra])
            y = np.concatenate([y, *([y[new]] * (self.novel_copies - 1))])
        return x, y

    def _train(
        self, method: str, xa: pd.DataFrame, ya: np.ndarray, xv: pd.DataFrame, yv: np.ndarray
    ) -> lgb.LGBMClassifier:
        xa, ya = self._rows(xa, ya)
        return super()._train(method, xa, ya, xv, yv)

    def _refit(self, x: pd.DataFrame, y: np.ndarray, n_trees: int) -> lgb.LGBMClassifier:
        x, y = self._rows(x, y)
        return super()._refit(x, y, n_trees)


def pr_auc(test: pd.DataFrame, rows: np.ndarray, score: np.ndarray) -> float:
    part = test[rows]
    table = metrics_table(part, {"s": pd.Series(np.asarray(score)[rows], index=part.index)})
    value: Any = table.loc["s", "pr_auc"]
    return float(value)


def paired_bootstrap(
    test: pd.DataFrame, a: np.ndarray, b: np.ndarray, n: int, seed: int = 0
) -> tuple[float, float]:
    """Declaration-level AP(a) - AP(b) and its bootstrap standard error."""
    da = declaration_level(test, pd.Series(a, index=test.index))
    db = declaration_level(test, pd.Series(b, index=test.index)).reindex(da.index)
    y, sa, sb = da["y"].to_numpy(int), da["score"].to_numpy(), db["score"].to_numpy()
    rng = np.random.default_rng(seed)
    diffs = []
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        if 0 < y[i].sum() < len(i):
            diffs.append(
                average_precision_score(y[i], sa[i]) - average_precision_score(y[i], sb[i])
            )
    return (
        float(average_precision_score(y, sa) - average_precision_score(y, sb)),
        float(np.std(diffs)),
    )


def run_fold(name: str, data: pd.DataFrame, boot: int, curve: bool = False) -> list[dict[str, Any]]:
    cut, end = FOLDS[name]
    dates = pd.to_datetime(data["declaration_date"])
    start, stop = pd.Timestamp(cut), pd.Timestamp(end)
    train, test = data[dates < start], data[(dates >= start) & (dates < stop)]
    rules = load_default_profiles()
    c0 = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(train, profiles=rules)
    items = engine.score_items(test, profiles=rules)
    novel = novel_rows(train, test).to_numpy()
    every = np.ones(len(test), dtype=bool)
    out: list[dict[str, Any]] = []

    def add(method: str, score: np.ndarray, note: str = "") -> None:
        out.append(
            {
                "fold": name,
                "method": method,
                "novel": pr_auc(test, novel, score),
                "all": pr_auc(test, every, score),
                "note": note,
            }
        )

    plain = PlainLightGBM().fit(train).score(test).to_numpy()
    add("plain LightGBM (default)", plain)
    add("engine: fraud model alone", items["model"].to_numpy())
    add("engine: declared-fields model alone", items["declared"].to_numpy())
    add("engine: fused (as shipped)", items["score"].to_numpy())
    diff, se = paired_bootstrap(test[novel], items["score"].to_numpy()[novel], plain[novel], boot)
    print(f"{name}: novel rows, fused - plain LightGBM = {diff:+.3f} (bootstrap SE {se:.3f})")

    # Out-of-fold components, as train_engine computes them.
    labelled = train["fraud"].notna().to_numpy()
    rows = train[labelled]
    y = rows["fraud"].astype(int).to_numpy()
    blocks = time_blocks(rows["declaration_date"], 4)
    x = engine.builder.transform(train)[labelled]
    x_test = engine.builder.transform(test)
    new = point_in_time_novel(train)[labelled]
    num, cats = model_columns(engine.builder)
    oof_declared = DeclaredFieldsModel(seed=0).fit_crossfit(rows, y, blocks)
    done = ~np.isnan(oof_declared) & (blocks > 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        others = engine.score_features(rows[done], x[done])
    test_comps = pd.DataFrame(
        {k: items[k].to_numpy() for k in ("rules", "anomaly_iforest", "price_anomaly")}
    )
    test_comps["declared"] = items["declared"].to_numpy()
    inputs = list(engine.fusion.inputs)
    floor = engine.fusion.floor_inputs
    fitted: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    candidates: dict[str, dict[str, Any]] = {
        "refit as shipped": {},
        "imbalance: class weights": {"imbalance": "weights"},
        "imbalance: SMOTE": {"imbalance": "smote"},
        "imbalance: none (rows as they are)": {"imbalance": "none"},
        "memory dropout 0.5": {"memory_dropout": 0.5},
        "novelty weighting x3": {"novel_copies": 3},
        "monotone price position": {"monotone": True},
    }
    chosen = engine.fraud.chosen if engine.fraud is not None else None
    for label, change in candidates.items():
        params = dict(ENGINE_PARAMS)
        if change.get("monotone"):
            cols = num + cats
            params["monotone_constraints"] = [
                1 if c in ("uv_below_band", "uv_above_band") else 0 for c in cols
            ]
        model = Candidate(
            target="fraud",
            imbalance=change.get("imbalance", chosen or "weights"),
            params=params,
            seed=0,
            columns=num + cats,
            categorical=cats,
        )
        model.memory_dropout = change.get("memory_dropout", 0.0)
        model.novel_copies = change.get("novel_copies", 1)
        model.novel = pd.Series(new, index=x.index)
        oof = model.fit_crossfit(x, y, blocks)
        comps = others.copy()
        comps["model"] = np.clip(_apply_model_calibration(model, oof[done]), 0.0, 1.0)
        comps["declared"] = oof_declared[done]
        fusion = Fusion(inputs=inputs, floor_inputs=floor).fit(comps, y[done])
        test_comps["model"] = model.predict(x_test)
        add(f"{label}: fraud model alone", test_comps["model"].to_numpy())
        add(f"{label}: fused", fusion(_components(test_comps)), _weights(fusion))
        fitted[label] = (comps["model"].to_numpy(), test_comps["model"].to_numpy())

    if curve:
        # Class weights or not, by number of trees (no early stopping): is it the weights or
        # the number of trees that early stopping on all rows picks?
        for weighted in (True, False):
            pos = int(y.sum())
            extra: dict[str, Any] = {"scale_pos_weight": (len(y) - pos) / pos} if weighted else {}
            booster = (
                lgb.LGBMClassifier(
                    **{**ENGINE_PARAMS, "n_estimators": max(CURVE)},
                    **extra,
                    random_state=0,
                    n_jobs=1,
                    verbose=-1,
                    deterministic=True,
                )
                .fit(x[num + cats], y, categorical_feature=cats)
                .booster_
            )
            for trees in CURVE:
                raw = np.asarray(
                    booster.predict(x_test[num + cats], num_iteration=trees, raw_score=True)
                )
                label = "class weights" if weighted else "no weights"
                add(f"fraud model, {label}, {trees} trees", raw)

    # Fusion variants on the shipped recipe's out-of-fold predictions.
    comps = others.copy()
    comps["model"], test_comps["model"] = fitted["refit as shipped"]
    comps["declared"] = oof_declared[done]
    novel_oof = new[done]
    only_new = Fusion(inputs=inputs, floor_inputs=floor).fit(comps[novel_oof], y[done][novel_oof])
    add(
        "stack fitted on point-in-time-novel rows",
        only_new(_components(test_comps)),
        _weights(only_new),
    )
    support = [f"{m}_log_ctrl" for m in ("hs6_value_band", "hs6_mass_band")]
    gate = np.exp(-np.nan_to_num(x.loc[done, support].to_numpy()).sum(axis=1) / 2.0)
    gate_test = np.exp(-np.nan_to_num(x_test[support].to_numpy()).sum(axis=1) / 2.0)
    matrix, matrix_test = _stack_matrix(comps, inputs), _stack_matrix(test_comps, inputs)
    gated = LogisticRegression(C=1.0, max_iter=2000).fit(
        np.column_stack([matrix, matrix * gate[:, None], gate]), y[done]
    )
    add(
        "stack gated by comparable support",
        gated.predict_proba(
            np.column_stack([matrix_test, matrix_test * gate_test[:, None], gate_test])
        )[:, 1],
    )

    # A novel head: trained on point-in-time-novel rows, without comparable consignments.
    head_cols = [c for c in num + cats if not c.startswith(MEMORY)]
    head_oof = np.full(len(y), np.nan)

    def head(fit: np.ndarray) -> lgb.LGBMClassifier:
        m = lgb.LGBMClassifier(**HEAD_PARAMS, random_state=0, n_jobs=1, verbose=-1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            return m.fit(x.loc[fit, head_cols], y[fit], categorical_feature=cats)

    for k in range(1, int(blocks.max()) + 1):
        head_oof[blocks == k] = _proba(head((blocks < k) & new), x.loc[blocks == k, head_cols])
    head_test = _proba(head(new), x_test[head_cols])
    add("novel head alone", head_test)
    comps["head"], test_comps["head"] = _logit(head_oof[done]), _logit(head_test)
    with_head = Fusion(inputs=[*inputs, "head"], floor_inputs=floor).fit(
        comps[novel_oof], y[done][novel_oof]
    )
    add(
        "stack + novel head, fitted on novel rows",
        with_head(_components(test_comps)),
        _weights(with_head),
    )

    # Bounds that cannot be served.
    ranks = np.zeros(len(test))
    m, d = items["model"].to_numpy()[novel], items["declared"].to_numpy()[novel]
    ranks[novel] = rankdata(m) / len(m) + rankdata(d) / len(d)
    out.append(
        {
            "fold": name,
            "method": "bound: perfect novelty gate, rank mean of model and declared",
            "novel": pr_auc(test, novel, ranks),
            "all": np.nan,
            "note": "",
        }
    )
    xn, yn = x_test[novel][num + cats], test["fraud"][novel].astype(int).to_numpy()
    cv = np.zeros(len(yn))
    for a, b in StratifiedKFold(5, shuffle=True, random_state=0).split(xn, yn):
        fit = lgb.LGBMClassifier(random_state=0, n_jobs=1, verbose=-1).fit(xn.iloc[a], yn[a])
        cv[b] = _proba(fit, xn.iloc[b])
    inside = np.zeros(len(test))
    inside[novel] = cv
    out.append(
        {
            "fold": name,
            "method": "bound: 5-fold CV inside the test period's novel rows",
            "novel": pr_auc(test, novel, inside),
            "all": np.nan,
            "note": "",
        }
    )
    print(f"{name}: {time.process_time() - c0:.0f} s CPU")
    return out


def _components(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    return {str(c): frame[c].to_numpy() for c in frame.columns}


def _proba(model: lgb.LGBMClassifier, x: pd.DataFrame) -> np.ndarray:
    return np.asarray(model.predict_proba(x))[:, 1]


def _logit(p: np.ndarray) -> np.ndarray:
    """The head's probability as a logit (the stack reads inputs other than the two models'
    probabilities as they are)."""
    q = np.clip(p, 1e-12, 1 - 1e-12)
    return np.asarray(np.log(q / (1 - q)))


def _weights(fusion: Fusion) -> str:
    return " ".join(f"{k}={v:.2f}" for k, v in fusion.weights().items())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", nargs="+", default=["f1", "f2"], choices=list(FOLDS))
    parser.add_argument("--boot", type=int, default=500, help="bootstrap resamples")
    parser.add_argument(
        "--curve", action="store_true", help="class weights or not, by number of trees"
    )
    args = parser.parse_args()
    data = read_frame(DATA / "kcs_train_2020.csv")
    table = pd.DataFrame([r for f in args.folds for r in run_fold(f, data, args.boot, args.curve)])
    wide = table.pivot_table(index="method", columns="fold", values=["novel", "all"], sort=False)
    print(wide.to_string(float_format=lambda v: f"{v:.3f}"))
    for _, row in table[table["note"] != ""].iterrows():
        print(f"{row['fold']} {row['method']}: {row['note']}")


if __name__ == "__main__":
    main()
