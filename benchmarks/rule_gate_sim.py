"""Review g13: the rule-baseline verdict (``risk.engine._versus_rules``) on simulated blocks,
written out of sample before the gate13 diff was read (issue #11).

    PYTHONPATH=src python benchmarks/rule_gate_sim.py [--draws 300] [--cases equal worse ...]
        [--positives 10 15 30 60 200] [--blocks 2 3 6] [--rates 0.2 0.005] [--seed 0]
        [--dump FILE]

Each draw makes ``blocks`` out-of-fold blocks of ``positives / rate`` rows with exactly
``positives`` positives, and asks the verdict whether the engine is worse than its rules.
Scores are binormal (positives shifted by ``mu``), engine and rules correlated (rho 0.5 on
the noise). The rule score is a step score, as rule profiles give: its latent value cut at
the negatives' 60 / 85 / 95 / 99 % quantiles into 5 levels (most rows tie at the bottom).
The engine's score is continuous; its shift is solved so that its population PR-AUC (on
2,000,000 rows at the block's base rate) is the rules' plus the case's difference:

* ``equal``: the same population PR-AUC (a refusal is wrong; the verdict's nominal rate is
  10 %, its one-sided confidence being 90 %);
* ``same``: engine and rules both the same step score shape with the same shift (equal by
  construction, no shape difference: checks the bootstrap alone);
* ``worse2`` / ``worse5``: the engine 0.02 / 0.05 below (a refusal is right);
* ``better``: the engine 0.10 above (a refusal is wrong).

Prints one row per (case, rate, positives, blocks): the refusal rate, its 95 % binomial
interval, the mean sample PR-AUC difference, and the CPU seconds per verdict. ``--dump``
writes each draw's verdict and upper bound (CSV) to compare two checkouts draw by draw.
"""

from __future__ import annotations

import argparse
import time
from functools import cache

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score

from clearlane.risk.engine import _versus_rules

RHO = 0.5
RULE_CUTS = (0.60, 0.85, 0.95, 0.99)
# The rules' shift: a useful but imperfect rule set at each base rate.
MU_RULES = {0.2: 1.0, 0.005: 1.6}
CASES = {"equal": 0.0, "same": 0.0, "worse2": -0.02, "worse5": -0.05, "better": 0.10}
POPULATION = 2_000_000


def _latent(n: int, pos: int, mu_r: float, mu_e: float, rng: np.random.Generator):
    y = np.zeros(n, dtype=int)
    y[rng.choice(n, pos, replace=False)] = 1
    common = rng.standard_normal(n)
    zr = mu_r * y + common
    ze = mu_e * y + RHO * common + np.sqrt(1 - RHO**2) * rng.standard_normal(n)
    return y, zr, ze


def _steps(z: np.ndarray) -> np.ndarray:
    # Cut points are the standard normal's quantiles: the negatives' distribution is N(0, 1).
    from scipy.stats import norm

    cuts = norm.ppf(RULE_CUTS)
    return np.searchsorted(cuts, z).astype(float) / len(cuts)


@cache
def _mu_engine(rate: float, case: str) -> float:
    """The engine's shift whose population PR-AUC is the rules' plus the case's difference."""
    rng = np.random.default_rng(12345)
    n = POPULATION
    pos = int(round(n * rate))
    mu_r = MU_RULES[rate]
    y, zr, _ = _latent(n, pos, mu_r, 0.0, rng)
    target = average_precision_score(y, _steps(zr)) + CASES[case]
    noise = rng.standard_normal(n)
    lo, hi = 0.0, 6.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if average_precision_score(y, mid * y + noise) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def draw(case: str, rate: float, positives: int, blocks: int, rng: np.random.Generator):
    n = int(round(positives / rate))
    mu_r = MU_RULES[rate]
    mu_e = mu_r if case == "same" else _mu_engine(rate, case)
    ys, es, rs, bs = [], [], [], []
    for b in range(blocks):
        y, zr, ze = _latent(n, positives, mu_r, mu_e, rng)
        ys.append(y)
        rs.append(_steps(zr))
        es.append(_steps(ze) if case == "same" else 1 / (1 + np.exp(-ze)))
        bs.append(np.full(n, b))
    return np.concatenate(es), np.concatenate(rs), np.concatenate(ys), np.concatenate(bs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=300)
    parser.add_argument("--cases", nargs="+", default=list(CASES), choices=list(CASES))
    parser.add_argument("--positives", type=int, nargs="+", default=[10, 15, 30, 60, 200])
    parser.add_argument("--blocks", type=int, nargs="+", default=[2, 3, 6])
    parser.add_argument("--rates", type=float, nargs="+", default=[0.2, 0.005])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--dump")
    args = parser.parse_args()
    print(
        "| case | rate | positives / block | blocks | refused | 95 % interval "
        "| mean sample diff | CPU s / verdict |"
    )
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    dump = []
    for case in args.cases:
        for rate in args.rates:
            for pos in args.positives:
                for nb in args.blocks:
                    key = f"{case}|{rate}|{pos}|{nb}|{args.seed}"
                    rng = np.random.default_rng(_key(key))
                    refused, diffs, cpu = 0, [], 0.0
                    for i in range(args.draws):
                        e, r, y, b = draw(case, rate, pos, nb, rng)
                        t = time.process_time()
                        v = _versus_rules(e, r, y, b)
                        cpu += time.process_time() - t
                        refused += v["beats"] is False
                        diffs.append(v.get("pr_auc_difference", np.nan))
                        dump.append(
                            (case, rate, pos, nb, i, v["beats"], v.get("pr_auc_difference_upper"))
                        )
                    if args.dump:  # written cell by cell: a long run can be read while it runs
                        cols = ["case", "rate", "positives", "blocks", "draw", "beats", "upper"]
                        pd.DataFrame(dump, columns=cols).to_csv(args.dump, index=False)
                    k, m = refused, args.draws
                    lo, hi = _wilson(k, m)
                    print(
                        f"| {case} | {rate:g} | {pos} | {nb} | {k / m:.3f} | {lo:.3f}-{hi:.3f} "
                        f"| {np.nanmean(diffs):+.4f} | {cpu / m:.3f} |",
                        flush=True,
                    )


def _key(text: str) -> int:
    """A seed from the cell's name that does not change between runs (hash() is salted)."""
    import zlib

    return zlib.crc32(text.encode())


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


if __name__ == "__main__":
    main()
