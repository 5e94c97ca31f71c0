"""The rule-baseline verdict's calibration and cost on simulated blocks (issue #11).

    python benchmarks/rule_gate_calibration.py refusals [--positives 10 20 40 100]
        [--trials 400] [--blocks 3] [--strength 1.0] [--shared 0.0]
    python benchmarks/rule_gate_calibration.py cost [--rows 500000] [--blocks 4]
        [--prevalence 0.05 0.005 0.001]

``refusals``: engine and rules EQUALLY good (each score = strength x label + noise, the two
noises independent, or sharing ``--shared`` of their variance), ``--blocks`` blocks of
``positives`` positives at 5 % prevalence; the share of trials in which
``_versus_rules`` refuses the engine (nominal: 1 - RULE_BASELINE_CONFIDENCE = 10 %), with its
binomial standard error. ``cost``: CPU seconds of one ``_versus_rules`` on ``--rows`` rows in
``--blocks`` blocks (engine 1.2, rules 1.0 in noise units), its upper bound and verdict.
Speed claims: run base and branch A B A B and report the load average beside each.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from clearlane.risk.engine import RULE_BASELINE_CONFIDENCE, _versus_rules


def simulated(
    rng: np.random.Generator,
    rows: int,
    positives: int,
    blocks: int,
    e: float,
    r: float,
    shared: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    y = np.zeros(rows * blocks, dtype=int)
    for b in range(blocks):
        y[b * rows + rng.choice(rows, positives, replace=False)] = 1
    common = rng.normal(size=len(y))

    def score(strength: float) -> np.ndarray:
        own = rng.normal(size=len(y))
        return strength * y + np.sqrt(shared) * common + np.sqrt(1 - shared) * own

    return score(e), score(r), y, np.repeat(np.arange(1, blocks + 1), rows)


def refusals(args: argparse.Namespace) -> None:
    print(
        f"engine = rules (strength {args.strength}, shared noise {args.shared}), "
        f"{args.blocks} blocks at 5 % prevalence, {args.trials} trials, nominal "
        f"{1 - RULE_BASELINE_CONFIDENCE:.0%}\n"
    )
    print("| positives a block | refused | s.e. | mean upper bound - difference |")
    print("| ---: | ---: | ---: | ---: |")
    for positives in args.positives:
        refused, widths = 0, []
        for trial in range(args.trials):
            rng = np.random.default_rng([positives, trial])
            e, r, y, b = simulated(
                rng,
                positives * 20,
                positives,
                args.blocks,
                args.strength,
                args.strength,
                args.shared,
            )
            got = _versus_rules(e, r, y, b)
            refused += got["beats"] is False
            widths.append(got["pr_auc_difference_upper"] - got["pr_auc_difference"])
        share = refused / args.trials
        se = np.sqrt(share * (1 - share) / args.trials)
        print(f"| {positives} | {share:.1%} | {se:.1%} | {np.mean(widths):.4f} |", flush=True)


def cost(args: argparse.Namespace) -> None:
    print(f"load {os.getloadavg()[0]:.2f}; {args.rows:,} rows in {args.blocks} blocks\n")
    print("| positives | CPU s | difference | upper bound | beats |")
    print("| ---: | ---: | ---: | ---: | --- |")
    per_block = args.rows // args.blocks
    for prevalence in args.prevalence:
        rng = np.random.default_rng(0)
        e, r, y, b = simulated(
            rng, per_block, round(per_block * prevalence), args.blocks, 1.2, 1.0, 0.0
        )
        start = time.process_time()
        got = _versus_rules(e, r, y, b)
        spent = time.process_time() - start
        print(
            f"| {prevalence:.1%} | {spent:.2f} | {got['pr_auc_difference']:+.4f} | "
            f"{got['pr_auc_difference_upper']:+.4f} | {got['beats']} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("refusals")
    one.add_argument("--positives", type=int, nargs="+", default=[10, 20, 40, 100])
    one.add_argument("--trials", type=int, default=400)
    one.add_argument("--blocks", type=int, default=3)
    one.add_argument("--strength", type=float, default=1.0)
    one.add_argument("--shared", type=float, default=0.0)
    two = sub.add_parser("cost")
    two.add_argument("--rows", type=int, default=500_000)
    two.add_argument("--blocks", type=int, default=4)
    two.add_argument("--prevalence", type=float, nargs="+", default=[0.05, 0.005, 0.001])
    args = parser.parse_args()
    refusals(args) if args.command == "refusals" else cost(args)


if __name__ == "__main__":
    main()
