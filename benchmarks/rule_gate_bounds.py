"""Session 31 (gate14): the rule-baseline verdict's upper bound read three ways from the same
bootstrap draws, over `rule_gate_sim.py`'s whole grid (issue #11).

    PYTHONPATH=src python benchmarks/rule_gate_bounds.py [--draws 100] [--rates 0.2 0.005]
        [--positives 10 15 30 60 200] [--blocks 2 3 6] [--seed 0] [--dump FILE]

Per draw (``rule_gate_sim.draw``: step-score rules, continuous engine, population PR-AUC
difference 0 / 0 (same shape) / -0.02 / -0.05 / +0.10) one call of
``_versus_rules``, whose ``bounds`` hold the percentile bound (sessions 29-30), the basic
bound (2 x point - lower quantile) and BCa (bias-corrected and accelerated: the jackknife's
acceleration from leave-one-out AP per row). Prints one row per (method, rate, positives,
blocks): refused share for ``equal`` and ``same`` (nominal 10 %), for ``worse2`` / ``worse5``
(power), and the pass share for ``better``. The draws of a cell are those of
``rule_gate_sim.py`` with the same seed (the same key per cell).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
import rule_gate_sim as sim

from clearlane.risk.engine import RULE_BASELINE_METHODS, _versus_rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100)
    parser.add_argument("--cases", nargs="+", default=list(sim.CASES), choices=list(sim.CASES))
    parser.add_argument("--positives", type=int, nargs="+", default=[10, 15, 30, 60, 200])
    parser.add_argument("--blocks", type=int, nargs="+", default=[2, 3, 6])
    parser.add_argument("--rates", type=float, nargs="+", default=[0.2, 0.005])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dump")
    args = parser.parse_args()
    rows = []
    for rate in args.rates:
        for pos in args.positives:
            for nb in args.blocks:
                for case in args.cases:
                    rng = np.random.default_rng(sim._key(f"{case}|{rate}|{pos}|{nb}|{args.seed}"))
                    for i in range(args.draws):
                        e, r, y, b = sim.draw(case, rate, pos, nb, rng)
                        t = time.process_time()
                        v = _versus_rules(e, r, y, b)
                        cpu = time.process_time() - t
                        for m in RULE_BASELINE_METHODS:
                            rows.append((case, rate, pos, nb, i, m, v["bounds"][m], cpu))
                if args.dump:  # written setting by setting: a long run can be read while it runs
                    cols = ["case", "rate", "positives", "blocks", "draw", "method", "upper", "cpu"]
                    pd.DataFrame(rows, columns=cols).to_csv(args.dump, index=False)
                print(f"done {rate:g} {pos} {nb}", flush=True)
    cols = ["case", "rate", "positives", "blocks", "draw", "method", "upper", "cpu"]
    table(pd.DataFrame(rows, columns=cols))


def table(frame: pd.DataFrame) -> None:
    """Print method x setting: refused share (equal, same, worse2, worse5), pass share (better)."""
    frame = frame.assign(refused=frame["upper"] < 0)
    share = frame.groupby(["method", "rate", "positives", "blocks", "case"])["refused"].mean()
    wide = share.unstack("case")
    print(
        "| method | rate | positives / block | blocks | equal: refused | same: refused "
        "| −0.02: refused | −0.05: refused | +0.10: passed |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    order = {m: k for k, m in enumerate(RULE_BASELINE_METHODS)}
    keys = sorted(wide.index, key=lambda k: (order[k[0]], -k[1], k[2], k[3]))
    for key in keys:
        row = wide.loc[key]

        print(
            f"| {key[0]} | {key[1]:g} | {key[2]} | {key[3]} | {_cell(row, 'equal')} "
            f"| {_cell(row, 'same')} | {_cell(row, 'worse2')} | {_cell(row, 'worse5')} "
            f"| {_cell(row, 'better', True)} |"
        )
    summary = frame.groupby(["method", "case"])["refused"].mean().unstack("case")
    print("\nAll settings pooled (refused share; +0.10: passed):")
    for m in RULE_BASELINE_METHODS:
        if m in summary.index:
            s = summary.loc[m]
            parts = [f"{c} {s[c]:.1%}" for c in s.index if c != "better"]
            if "better" in s.index:
                parts.append(f"better passed {1 - s['better']:.1%}")
            print(f"- {m}: " + ", ".join(parts))
    cpu = frame.drop_duplicates(["case", "rate", "positives", "blocks", "draw"])["cpu"]
    print(f"\nCPU s per verdict (all three bounds): mean {cpu.mean():.3f}, max {cpu.max():.3f}")


def _cell(row: pd.Series, case: str, passed: bool = False) -> str:
    if case not in row or pd.isna(row[case]):
        return ""
    return f"{(1 - row[case]) if passed else row[case]:.1%}"


if __name__ == "__main__":
    main()
