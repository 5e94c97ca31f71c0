"""Fifth pass on novel rows (issue #11, KCS 2020 only): the candidates fused, on three folds.

For each 2020 fold (f0: train Jan-Mar, test Apr-Jun; f1: Jan-Jun / Jul-Sep; f2: Jan-Sep /
Oct-Dec) the engine is trained as shipped (seed 0); then each candidate changes the fraud
model's input to the stack (or adds an input) and the stack is refitted on the same
out-of-fold rows. PR-AUC per declaration on novel rows (value and (HS6, mass) unseen in
training) and on all rows, the share of the top 5 % kept after the +-0.1 % edit, and the
training CPU of each extra model:

* ``bag3``: the fraud model's raw logit averaged over seeds 0, 1, 2 (each seed its own
  cross-fitting and early stopping), calibrated on the averaged out-of-fold predictions;
* ``nomem``: a second fraud model without the comparable-consignment columns, as a further
  stack input (and ``nomem gated``: the stack also reads each input x exp(-support / 2));
* ``plain``: plain LightGBM (default parameters, raw columns, codes as numbers) cross-fitted
  over the same time blocks, as a further stack input;
* ``numcodes``: the fraud model with the builder's categorical columns read as numbers and
  every column in every tree (what plain LightGBM does and the engine does not).

``--numcodes`` runs only the last against the shipped recipe, over ``--seeds`` seeds (with
and without ``colsample_bytree`` 1.0).

Results (the fifth pass in docs/risk-engine.md): nothing moves the novel rows by more than a
seed's spread in all three folds, none reaches plain LightGBM on f1 or f2; nothing adopted.

Run (about 1.5-3 CPU minutes a fold; ``--numcodes`` with 3 seeds about the same)::

    PYTHONPATH=src:benchmarks python benchmarks/novel_candidates.py --folds f0 f1 f2
    PYTHONPATH=src:benchmarks python benchmarks/novel_candidates.py --numcodes --seeds 3
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from novel_rows import DATA, FOLDS, MEMORY, pr_auc  # noqa: E402
from targeting import perturbed  # noqa: E402

from clearlane.ingest.parse import read_frame  # noqa: E402
from clearlane.learn.evaluate import novel_rows  # noqa: E402
from clearlane.risk import train_engine  # noqa: E402
from clearlane.risk.engine import (  # noqa: E402
    Fusion,
    _apply_model_calibration,
    time_blocks,
)
from clearlane.risk.profiles import load_default_profiles  # noqa: E402
from clearlane.risk.supervised import (  # noqa: E402
    ENGINE_PARAMS,
    BinaryModel,
    DeclaredFieldsModel,
    PlainLightGBM,
    _calibrator,
    model_columns,
)


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=float), 1e-12, 1 - 1e-12)
    return np.asarray(np.log(q / (1 - q)))


def _expit(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-z)))


def kept_share(before: np.ndarray, after: np.ndarray) -> float:
    k = max(1, round(len(before) * 0.05))
    top_b = set(np.argsort(-before, kind="stable")[:k].tolist())
    top_a = set(np.argsort(-after, kind="stable")[:k].tolist())
    return len(top_b & top_a) / k


def run_fold(
    name: str,
    data: pd.DataFrame,
    seeds: int,
    numcodes_only: bool = False,
) -> list[dict[str, Any]]:
    cut, end = FOLDS[name]
    dates = pd.to_datetime(data["declaration_date"])
    train = data[dates < pd.Timestamp(cut)]
    test = data[(dates >= pd.Timestamp(cut)) & (dates < pd.Timestamp(end))]
    edited = perturbed(test)
    rules = load_default_profiles()
    c0 = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(train, profiles=rules)
    cpu_engine = time.process_time() - c0
    items = engine.score_items(test, profiles=rules)
    items_e = engine.score_items(edited, profiles=rules)
    novel = novel_rows(train, test).to_numpy()
    every = np.ones(len(test), dtype=bool)
    out: list[dict[str, Any]] = []

    def add(method: str, score: np.ndarray, score_e: np.ndarray | None, note: str = "") -> None:
        out.append(
            {
                "fold": name,
                "method": method,
                "novel": pr_auc(test, novel, score),
                "all": pr_auc(test, every, score),
                "kept": kept_share(score, score_e) if score_e is not None else np.nan,
                "note": note,
            }
        )
        print(name, method, f"{out[-1]['novel']:.3f} {out[-1]['all']:.3f}", note, flush=True)

    plain_model = PlainLightGBM().fit(train)
    add("plain LightGBM (default)", plain_model.score(test).to_numpy(), None)
    add("engine as shipped: fraud model alone", items["model"].to_numpy(), None)
    add("engine as shipped: fused", items["score"].to_numpy(), items_e["score"].to_numpy())

    labelled = train["fraud"].notna().to_numpy()
    rows = train[labelled]
    y = rows["fraud"].astype(int).to_numpy()
    blocks = time_blocks(rows["declaration_date"], 4)
    x = engine.builder.transform(train)[labelled]
    x_test = engine.builder.transform(test)
    x_edit = engine.builder.transform(edited)
    num, cats = model_columns(engine.builder)
    oof_declared = DeclaredFieldsModel(seed=0).fit_crossfit(rows, y, blocks)
    done = ~np.isnan(oof_declared) & (blocks > 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        others = engine.score_features(rows[done], x[done])
    inputs = list(engine.fusion.inputs)
    floor = engine.fusion.floor_inputs
    chosen = engine.fraud.chosen if engine.fraud is not None else "weights"

    def comps_of(frame_items: pd.DataFrame) -> dict[str, np.ndarray]:
        return {
            k: frame_items[k].to_numpy()
            for k in ("rules", "anomaly_iforest", "price_anomaly", "declared")
        }

    test_c, edit_c = comps_of(items), comps_of(items_e)

    def crossfit(
        columns: list[str], categorical: list[str], seed: int, params: dict[str, Any]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, BinaryModel, float]:
        c = time.process_time()
        model = BinaryModel(
            target="fraud",
            imbalance=chosen or "weights",  # type: ignore[arg-type]
            params=params,
            seed=seed,
            columns=columns,
            categorical=categorical,
        )
        oof = model.fit_crossfit(x, y, blocks)
        cpu = time.process_time() - c
        return oof, model.raw(x_test), model.raw(x_edit), model, cpu

    def stack(
        label: str,
        model_oof: np.ndarray,
        model_test: np.ndarray,
        model_edit: np.ndarray,
        extra: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None,
        note: str = "",
    ) -> None:
        """model_* are calibrated probabilities; extra inputs are probabilities too (logit)."""
        comps = others.copy()
        comps["model"] = model_oof[done]
        comps["declared"] = oof_declared[done]
        tc, ec = dict(test_c), dict(edit_c)
        tc["model"], ec["model"] = model_test, model_edit
        names = list(inputs)
        for key, (o, t, e) in (extra or {}).items():
            comps[key], tc[key], ec[key] = _logit(o[done]), _logit(t), _logit(e)
            names.append(key)
        fusion = Fusion(inputs=names, floor_inputs=floor).fit(comps, y[done])
        w = " ".join(f"{k}={v:.2f}" for k, v in fusion.weights().items())
        add(f"{label}: fused", fusion(tc), fusion(ec), f"{w} {note}")

    def calibrated(
        oof: np.ndarray, test_raw: np.ndarray, edit_raw: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        known = ~np.isnan(oof)
        cal = _calibrator(oof[known], y[known])
        probe = BinaryModel()
        probe.calibrator = cal
        return tuple(  # type: ignore[return-value]
            np.clip(_apply_model_calibration(probe, v), 0.0, 1.0) for v in (oof, test_raw, edit_raw)
        )

    if numcodes_only:
        for s in range(seeds):
            for label, params, categorical in (
                ("numcodes", {**ENGINE_PARAMS, "colsample_bytree": 1.0}, []),
                ("numcodes colsample 0.8", dict(ENGINE_PARAMS), []),
                ("shipped", dict(ENGINE_PARAMS), cats),
            ):
                if label == "shipped" and s == 0:
                    continue
                o, t, e, _, cpu = crossfit(num + cats, categorical, s, params)
                add(f"{label} seed {s}: fraud model alone", t, None)
                stack(f"{label} seed {s}", *calibrated(o, t, e), note=f"cpu {cpu:.0f}s")
        return out

    # Seeds of the shipped fraud model (seed 0 refitted here for the same code path).
    runs = [crossfit(num + cats, cats, s, dict(ENGINE_PARAMS)) for s in range(seeds)]
    cpu_seed = float(np.mean([r[4] for r in runs]))

    for s, (oof, t, e, _, _) in enumerate(runs):
        mo, mt, me = calibrated(oof, t, e)
        add(f"seed {s}: fraud model alone", t, None)
        stack(f"seed {s}", mo, mt, me)
    bag_oof = _expit(np.mean([_logit(r[0]) for r in runs], axis=0))
    bag_t = _expit(np.mean([_logit(r[1]) for r in runs], axis=0))
    bag_e = _expit(np.mean([_logit(r[2]) for r in runs], axis=0))
    add(f"bag{seeds}: fraud model alone", bag_t, None)
    bag = calibrated(bag_oof, bag_t, bag_e)
    stack(f"bag{seeds}", *bag, note=f"cpu/seed {cpu_seed:.0f}s")
    base = calibrated(*runs[0][:3])

    # A second model without the comparable-consignment columns.
    free = [c for c in num + cats if not c.startswith(MEMORY)]
    nm_oof, nm_t, nm_e, _, cpu_nm = crossfit(free, cats, 0, dict(ENGINE_PARAMS))
    add("nomem model alone", nm_t, None)
    nomem = calibrated(nm_oof, nm_t, nm_e)
    stack("seed 0 + nomem input", *base, extra={"nomem": nomem}, note=f"cpu {cpu_nm:.0f}s")
    stack("bag + nomem input", *bag, extra={"nomem": nomem})

    # Plain LightGBM cross-fitted as an input.
    c = time.process_time()
    pl_oof = np.full(len(y), np.nan)
    for k in range(1, int(blocks.max()) + 1):
        fit, held = blocks < k, blocks == k
        pl_oof[held] = PlainLightGBM().fit(rows[fit]).score(rows[held]).to_numpy()
    cpu_pl = time.process_time() - c
    pl = (pl_oof, plain_model.score(test).to_numpy(), plain_model.score(edited).to_numpy())
    stack("seed 0 + plain input", *base, extra={"plain": pl}, note=f"cpu {cpu_pl:.0f}s")
    stack("bag + plain input", *bag, extra={"plain": pl})
    stack("bag + plain + nomem", *bag, extra={"plain": pl, "nomem": nomem})

    # Codes as numbers, every column in every tree.
    params = {**ENGINE_PARAMS, "colsample_bytree": 1.0}
    nc_oof, nc_t, nc_e, _, cpu_nc = crossfit(num + cats, [], 0, params)
    add("numcodes model alone", nc_t, None)
    stack("numcodes", *calibrated(nc_oof, nc_t, nc_e), note=f"cpu {cpu_nc:.0f}s")
    print(f"{name}: engine {cpu_engine:.0f}s CPU, all {time.process_time() - c0:.0f}s CPU")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", nargs="+", default=["f0", "f1", "f2"], choices=list(FOLDS))
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--csv", type=Path, help="write the rows here")
    parser.add_argument(
        "--numcodes", action="store_true", help="only codes as numbers vs shipped, over seeds"
    )
    args = parser.parse_args()
    data = read_frame(DATA / "kcs_train_2020.csv")
    table = pd.DataFrame(
        [r for f in args.folds for r in run_fold(f, data, args.seeds, args.numcodes)]
    )
    if args.csv:
        table.to_csv(args.csv, index=False)
    wide = table.pivot_table(
        index="method", columns="fold", values=["novel", "all", "kept"], sort=False
    )
    print(wide.to_string(float_format=lambda v: f"{v:.3f}"))


if __name__ == "__main__":
    main()
