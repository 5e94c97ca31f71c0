"""Review g13's exploration: the rule-baseline verdict's percentile bound against the basic
bound (2 x point - lower quantile), on `rule_gate_sim.py`'s blocks (issue #11).

    PYTHONPATH=src python benchmarks/rule_gate_basic_bound.py [--draws 300]

Three blocks a draw, 20 % base rate, 10 and 60 positives a block, cases ``equal`` and
``worse5`` (see rule_gate_sim.py). Per draw the same bootstrap draws as ``_versus_rules``
(``_block_bootstrap`` per block, averaged); prints the share refused by each bound. The basic
bound subtracts the bootstrap's own shift instead of adding it (the sample AP of a continuous
score is biased upward at few positives and the bootstrap repeats that bias).
"""

from __future__ import annotations

import argparse

import numpy as np
import rule_gate_sim as sim
from sklearn.metrics import average_precision_score as ap

from clearlane.risk.engine import RULE_BASELINE_CONFIDENCE, RULE_BASELINE_REPS, _block_bootstrap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=300)
    args = parser.parse_args()
    q = RULE_BASELINE_CONFIDENCE
    print("| case | rate | positives / block | refused, percentile bound | refused, basic bound |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for case in ("equal", "worse5"):
        for rate, pos in [(0.2, 10), (0.2, 60)]:
            rng = np.random.default_rng(sim._key(f"basic{case}{rate}{pos}"))
            percentile = basic = 0
            for _ in range(args.draws):
                e, r, y, b = sim.draw(case, rate, pos, 3, rng)
                draws = np.zeros(RULE_BASELINE_REPS)
                points = []
                for k in range(3):
                    h = b == k
                    p = ap(y[h], e[h]) - ap(y[h], r[h])
                    points.append(p)
                    draws += _block_bootstrap(e[h], r[h], y[h], p, RULE_BASELINE_REPS, k)
                draws /= 3
                percentile += np.quantile(draws, q) < 0
                basic += 2 * np.mean(points) - np.quantile(draws, 1 - q) < 0
            print(
                f"| {case} | {rate:g} | {pos} | {percentile / args.draws:.3f} "
                f"| {basic / args.draws:.3f} |"
            )


if __name__ == "__main__":
    main()
