"""Targeting benchmark on the KCS data: engine vs plain LightGBM vs baselines.

Everything is chosen on 2020 alone (train Jan-Sep, check on Oct-Dec, printed first); the 2021-Q1
validation figures are then reported once. The headline is the NOVEL rows (declared value and
(HS6, net mass) never seen in training: where memory of duplicated rows cannot help), next to
all rows; then precision@5% after a +-0.1 % edit of mass, value and quantity, and the few-label
checks (2,000-row KCS slices; the generated 20k demo). Run:

    PYTHONPATH=src python benchmarks/targeting.py [--out DIR] [--backtest] [--skip-2020]
        [--skip-few] [--memory] [--train FILE ...] [--test FILE] [--format kcs]
        [--only-few] [--few-rows 500,800] [--few-positives 100] [--boot 2000]

``--few-rows`` sets the sizes of the few-label slices (default 2000; 500 and 800 rows fall below
the GBDT threshold of 200 positives): four windows of each size, starting at the same rows of
2020 sorted by date. ``--few-positives 100`` adds the 2,000-row slices with their positives
subsampled to 100 (seed 0, every negative kept). Each group of four windows gets a 95 % paired
bootstrap of engine minus logistic regression and minus the rule baseline (test declarations
resampled within class, the same draws for the four windows); ``--demo-declarations 0`` skips
the generated demo. Example (issue #11, session 36):

    PYTHONPATH=src python benchmarks/targeting.py --only-few --few-rows 500,800 \
        --few-positives 100 --demo-declarations 0

``--test FILE`` measures on another file instead of 2021-Q1 (a later period of the same data
set, in the KCS format or any format ``clearlane ingest`` reads; its invalid rows are left out
as ingest would quarantine them, and its unlabelled rows are scored but not counted);
``--train FILE`` (repeatable) trains on these files instead of 2020 (e.g. 2020 and 2021-Q1
before measuring a later period). The 2020 selection check (training rows before and from
2020-10-01) and the few-label slices (2,000 rows of the training rows, tested on the test file)
follow these choices.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clearlane.ingest.parse import read_frame
from clearlane.learn import backtest, compare, write_report
from clearlane.learn.evaluate import declaration_level, metrics_table
from clearlane.risk import RiskEngine, train_engine
from clearlane.risk.profiles import ProfileSet, load_default_profiles
from clearlane.risk.supervised import LogisticComparator

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"
SHOWN = [
    "precision@1%",
    "precision@5%",
    "recall@5%",
    "revenue@5%",
    "precision@10%",
    "roc_auc",
    "pr_auc",
]
FEW = ["precision@5%", "roc_auc", "pr_auc"]


def show(title: str, table: pd.DataFrame, shown: list[str] = SHOWN) -> None:
    n, pos = int(table["n"].iloc[0]), int(table["positives"].iloc[0])
    print(f"\n== {title}  ({n} controlled declarations, {pos} positive)")
    print(table[shown].to_string(float_format=lambda v: f"{v:.3f}"))


def perturbed(frame: pd.DataFrame, seed: int = 1, size: float = 0.001) -> pd.DataFrame:
    """Net mass, declared value and quantity each moved by +-``size`` (random sign per cell)."""
    rng = np.random.default_rng(seed)
    out = frame.copy()
    for column in ("net_mass_kg", "customs_value", "item_value", "quantity"):
        if column in out:
            values = pd.to_numeric(out[column], errors="coerce")
            out[column] = values * (1 + size * rng.choice([-1.0, 1.0], len(out)))
    return out


def robustness(engine: RiskEngine, test: pd.DataFrame, rules: ProfileSet) -> float:
    before = engine.score_items(test, profiles=rules)["score"]
    after = engine.score_items(perturbed(test), profiles=rules)["score"]
    k = max(1, round(len(before) * 0.05))
    top_b = set(np.argsort(-before.to_numpy(), kind="stable")[:k].tolist())
    top_a = set(np.argsort(-after.to_numpy(), kind="stable")[:k].tolist())
    table = metrics_table(test, {"engine": before, "engine, +-0.1 % edit": after})
    show("robustness: +-0.1 % edit of mass, value and quantity", table, FEW)
    kept = len(top_b & top_a) / k
    print(f"share of the top 5 % (items) still in the top 5 % after the edit: {kept:.3f}")
    return kept


def few_labels(
    train: pd.DataFrame,
    test: pd.DataFrame,
    rules: ProfileSet,
    title: str,
    bands: dict[str, Any] | None = None,
) -> dict[str, pd.Series]:
    """Engine vs logistic regression vs the rule baseline when labels are few; returns the
    item scores of the three."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(train, profiles=rules, **(bands or {}))
    items = engine.score_items(test, profiles=rules)
    scores = {"engine": items["score"], "rule baseline": items["rules"]}
    from clearlane.features import FeatureBuilder

    builder = FeatureBuilder()
    x_train = builder.fit_transform_point_in_time(train)
    known = pd.to_numeric(train["fraud"], errors="coerce").dropna()
    scores["logistic regression"] = (
        LogisticComparator()
        .fit_features(x_train.loc[known.index], known)
        .score_features(builder.transform(test))
    )
    table = metrics_table(test, scores)
    kind = engine.summary.get("model_kind", "none")
    show(
        f"{title}: {len(train)} training rows, {int(known.sum())} positive; engine model: {kind}, "
        f"beats its rule baseline on held-out training data: {engine.beats_rule_baseline}",
        table,
        FEW,
    )
    best = max(table.loc["logistic regression", "pr_auc"], table.loc["rule baseline", "pr_auc"])
    verdict = "at least as good as" if table.loc["engine", "pr_auc"] >= best else "BELOW"
    print(
        f"engine PR-AUC {table.loc['engine', 'pr_auc']:.3f} is {verdict} the best of "
        f"logistic regression and rules ({best:.3f})"
    )
    return scores


FEW_STARTS = (0, 12_000, 24_000, 34_000)
VERSUS = ("logistic regression", "rule baseline")


def few_slices(
    train: pd.DataFrame, rows: int, positives: int | None = None, seed: int = 0
) -> list[pd.DataFrame]:
    """Four windows of ``rows`` training rows (2020 sorted by date, from ``FEW_STARTS``, scaled
    down when the training file is shorter); with ``positives``, each window keeps every negative
    and that many of its positives, drawn at random."""
    ordered = train.sort_values("declaration_date", kind="stable")
    scale = min(1.0, max(0, len(ordered) - rows) / FEW_STARTS[-1])
    parts = []
    for start in FEW_STARTS:
        part = ordered.iloc[round(start * scale) : round(start * scale) + rows]
        if positives is not None:
            y = pd.to_numeric(part["fraud"], errors="coerce")
            pos = part.index[y == 1]
            if len(pos) > positives:
                drop = np.random.default_rng(seed).choice(pos, len(pos) - positives, replace=False)
                part = part.drop(index=drop)
        parts.append(part)
    return parts


def few_bootstrap(
    test: pd.DataFrame, runs: list[dict[str, pd.Series]], reps: int, seed: int = 0
) -> pd.DataFrame:
    """Engine minus each baseline, per window and as the mean over the windows, with a 95 %
    paired bootstrap: the test declarations are drawn with replacement within class, the same
    draw for every method and every window (they share the test set)."""
    from few_labels import FAST

    decl = [
        {name: declaration_level(test, s.astype(float)) for name, s in run.items()} for run in runs
    ]
    y = decl[0]["engine"]["y"].to_numpy(dtype=int)
    s = [
        {n: np.nan_to_num(d["score"].to_numpy(dtype=float), nan=-1e9) for n, d in one.items()}
        for one in decl
    ]
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    rng = np.random.default_rng(seed)
    keys = [(o, m) for o in VERSUS for m in FAST]
    draws = {k: np.empty((reps, len(runs))) for k in keys}
    for i in range(reps):
        # Shuffled: precision@5 % breaks ties at the cut by position.
        idx = rng.permutation(np.r_[rng.choice(pos, len(pos)), rng.choice(neg, len(neg))])
        yi = y[idx]
        for w, sw in enumerate(s):
            ours = {m: fn(yi, sw["engine"][idx]) for m, fn in FAST.items()}
            for other, m in keys:
                draws[other, m][i, w] = ours[m] - FAST[m](yi, sw[other][idx])
    rows: dict[str, dict[str, str]] = {}
    for other in VERSUS:
        for w in [*range(len(runs)), None]:
            cells = {}
            for m, fn in FAST.items():
                point = [fn(y, sw["engine"]) - fn(y, sw[other]) for sw in s]
                d = draws[other, m] if w is None else draws[other, m][:, [w]]
                lo, hi = np.quantile(d.mean(axis=1), [0.025, 0.975])
                value = float(np.mean(point)) if w is None else point[w]
                cells[m] = f"{value:+.3f} [{lo:+.3f}, {hi:+.3f}]"
            rows[f"engine - {other}, " + ("mean" if w is None else f"window {w + 1}")] = cells
    return pd.DataFrame.from_dict(rows, orient="index")


def run_few(
    train: pd.DataFrame,
    valid: pd.DataFrame,
    rules: ProfileSet,
    bands: dict[str, Any],
    declarations: int,
    label: str = "2021-Q1",
    sizes: tuple[int, ...] = (2000,),
    positives: int | None = None,
    reps: int = 2000,
) -> None:
    """The few-label checks: KCS slices of the training rows and the generated demo."""
    print("\n#### Few labels")
    groups = [(rows, None) for rows in sizes]
    if positives is not None:
        groups.append((2000, positives))
    for rows, keep in groups:
        runs = []
        for part in few_slices(train, rows, keep):
            first, last = part["declaration_date"].min(), part["declaration_date"].max()
            span = f"{first:%Y-%m-%d}..{last:%Y-%m-%d}"
            runs.append(few_labels(part, valid, rules, f"KCS slice {span} -> {label}", bands))
        if reps > 0:
            title = f"{rows:,} rows" + (f", {keep} positives" if keep is not None else "")
            print(f"\n== {title}: engine minus baseline [95 % paired bootstrap, {reps} draws]")
            print(few_bootstrap(valid, runs, reps).to_string())
    if declarations <= 0:
        return
    from clearlane.generate import generate_dataset
    from clearlane.workflows import temporal_split

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate_dataset(declarations=declarations, seed=5, out_dir=out)
        demo = read_frame(out / "declarations.jsonl", controls=out / "controls.jsonl")
    demo_train, demo_test = temporal_split(demo, 0.2)
    few_labels(demo_train, demo_test, rules, f"generated demo ({declarations:,})", bands)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("var/reports/targeting"))
    parser.add_argument("--backtest", action="store_true", help="monthly rolling backtest, 2020")
    parser.add_argument("--skip-2020", action="store_true", help="skip the 2020 selection check")
    parser.add_argument("--skip-few", action="store_true", help="skip the few-label checks")
    parser.add_argument(
        "--memory", action="store_true", help="also the engine with exact-value memory keys"
    )
    parser.add_argument(
        "--no-explanations", action="store_true", help="skip the report's SHAP explanations"
    )
    parser.add_argument(
        "--only-few", action="store_true", help="only the few-label checks (a shorter run)"
    )
    parser.add_argument(
        "--demo-declarations",
        type=int,
        default=20_000,
        help="declarations of the generated few-label demo (0: skip it)",
    )
    parser.add_argument(
        "--few-rows",
        default="2000",
        help="rows of the few-label KCS slices, comma-separated (four windows each; "
        "500,800 fall below the GBDT threshold of 200 positives)",
    )
    parser.add_argument(
        "--few-positives",
        type=int,
        help="also the 2,000-row slices with their positives subsampled to this many",
    )
    parser.add_argument(
        "--boot",
        type=int,
        default=2000,
        help="paired bootstrap draws per few-label slice size (0: no intervals)",
    )
    parser.add_argument("--band-width", type=float, help="comparable-consignment bin width")
    parser.add_argument("--band-mode", choices=("soft", "grid"), help="soft bins or hard grids")
    parser.add_argument(
        "--train",
        type=Path,
        action="append",
        help="training file (repeatable; default: KCS 2020)",
    )
    parser.add_argument("--test", type=Path, help="test file (default: KCS 2021-Q1)")
    parser.add_argument(
        "--format", dest="fmt", help="format of --train/--test (default: from the file)"
    )
    args = parser.parse_args()
    bands: dict[str, Any] = {}
    if args.band_width is not None:
        bands["band_width"] = args.band_width
    if args.band_mode is not None:
        bands["band_mode"] = args.band_mode
    sizes = tuple(int(v) for v in args.few_rows.split(",") if v.strip())
    few = (sizes, args.few_positives, args.boot)
    t0 = time.perf_counter()
    train_files = args.train or [DATA / "kcs_train_2020.csv"]
    test_file = args.test or DATA / "kcs_valid_2021q1.csv"
    train = pd.concat([read_frame(f, args.fmt) for f in train_files], ignore_index=True)
    valid = read_frame(test_file, args.fmt)
    print(f"read {len(train)} + {len(valid)} rows in {time.perf_counter() - t0:.1f}s")
    train_label = " + ".join(f.name for f in train_files) if args.train else "2020"
    label = test_file.name if args.test else "2021-Q1"
    print("train:", train_label, "| test:", label)
    unlabelled = int(pd.to_numeric(valid["fraud"], errors="coerce").isna().sum())
    if unlabelled:
        print(f"test rows without a label (scored, not counted): {unlabelled}")
    # The rule baseline is the starter profile set shipped with ClearLane, untouched: generic
    # WTO TFA Art. 7.4 criteria, not tuned to KCS.
    rules = load_default_profiles()

    if args.only_few:
        run_few(train, valid, rules, bands, args.demo_declarations, label, *few)
        return
    if not args.skip_2020:
        dates = pd.to_datetime(train["declaration_date"])
        early, late = train[dates < "2020-10-01"], train[dates >= "2020-10-01"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            early_engine = train_engine(early, profiles=rules, **bands)
        check = compare(early, late, profiles=rules, engine=early_engine, explanations=False)
        print("\n#### 2020 selection check: train Jan-Sep 2020, test Oct-Dec 2020")
        for name in ("novel rows", "all rows"):
            show(name, check.tables[name])

    t1, c1 = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(train, profiles=rules, **bands)
    result = compare(
        train, valid, profiles=rules, engine=engine, explanations=not args.no_explanations
    )
    print(
        f"\n#### KCS validation: train {train_label}, test {label} "
        f"({time.perf_counter() - t1:.0f}s wall, {time.process_time() - c1:.0f}s CPU)"
    )
    print("engine:", result.engine.model_version, result.engine.summary)
    for name in ("novel rows", "all rows", "critical, all rows"):
        show(name, result.tables[name])
    for scope in ("novel rows", "all rows"):
        table = result.tables[scope]
        engine, plain = table.loc["engine"], table.loc["plain LightGBM (default)"]
        for metric in ("precision@5%", "pr_auc"):
            verdict = "BEATS" if engine[metric] > plain[metric] else "DOES NOT BEAT"
            print(f"{scope}: engine {verdict} plain LightGBM on {metric}:", end=" ")
            print(f"{engine[metric]:.3f} vs {plain[metric]:.3f}")
    # Where a loss on novel rows comes from: the model alone against the fused score.
    model = result.extras["model_probability"]
    y = valid["fraud"]
    for scope, rows in (("novel rows", result.novel), ("all rows", y.notna())):
        fused = metrics_table(
            valid[rows], {"model only": model[rows], "fused": result.scores["engine"][rows]}
        )
        print(f"{scope}: PR-AUC model only {fused.loc['model only', 'pr_auc']:.3f}, ", end="")
        print(f"fused {fused.loc['fused', 'pr_auc']:.3f}")
    kept = robustness(result.engine, valid, rules)
    summary = {
        "all-rows PR-AUC": result.tables["all rows"].loc["engine", "pr_auc"],
        "novel-row PR-AUC": result.tables["novel rows"].loc["engine", "pr_auc"],
        "precision@5%": result.tables["all rows"].loc["engine", "precision@5%"],
        "top-5% kept after edit": kept,
        "critical PR-AUC": result.tables["critical, all rows"].loc[
            "engine critical model", "pr_auc"
        ],
    }
    print("\nrecipe", bands or "default", {k: round(float(v), 3) for k, v in summary.items()})

    if args.memory:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            memory = train_engine(train, profiles=rules, repeat_memory=True, **bands)
        score = memory.score(valid)
        novel = result.novel
        for scope, part in (("novel rows", valid[novel]), ("all rows", valid)):
            table = metrics_table(part, {"engine + exact-value memory": score[part.index]})
            show(f"ablation, {scope}", table, FEW)

    if not args.skip_few:
        run_few(train, valid, rules, bands, args.demo_declarations, label, *few)

    bt = None
    if args.backtest:
        bt = backtest(train, min_train_days=150, profiles=rules, progress=print)
        mean = bt.groupby(["scope", "method"])[["precision@5%", "pr_auc"]].mean()
        print("\n#### Monthly backtest on 2020 (mean over windows)")
        print(mean.to_string(float_format=lambda v: f"{v:.3f}"))
    paths = write_report(result, args.out, title=f"KCS {label} targeting", backtest=bt)
    print("\nreport:", *paths)


if __name__ == "__main__":
    main()
