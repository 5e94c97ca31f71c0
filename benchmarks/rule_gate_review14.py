"""Review g14: the rule-baseline verdict (``risk.engine._versus_rules``) on rules made of a few
binary flags, written out of sample before the gate14 diff was read (issue #11).

    PYTHONPATH=src python benchmarks/rule_gate_review14.py [--draws 100] [--cases ...]
        [--rates 0.02 0.08 0.2] [--rhos 0.0 0.5 0.9] [--splits 8 25 45 100] [--out FILE]
    python benchmarks/rule_gate_review14.py --compare main.csv lead.csv

Unlike ``rule_gate_sim.py`` (one step score cut at quantiles of one latent, equal blocks),
the rules here are three binary flags, each fired by its own latent (positives shifted by
1.2 / 0.9 / 0.6; the flags fire on 10 / 20 / 30 % of negatives; their noises share a common
factor), summed into a score with 4 levels: most rows tie at 0 and the ties cross the
classes. The engine's noise is correlated with the rules' summed latent noise at ``rho``
(0, 0.5, 0.9: the Spearman correlation among negatives is printed). Base rates 2 / 8 / 20 %.
A draw spreads a total of 8 / 25 / 45 / 100 positives over uneven out-of-fold blocks
(``SPLITS``), each block of ``positives / rate`` rows, plus a block of 300 rows with no
positive at all. Cases (the engine's population PR-AUC, on 1,000,000 rows at the base rate,
against the rules'):

* ``equal``: a continuous engine with the rules' PR-AUC (a refusal is wrong; nominal 10 %);
* ``twin``: the engine is three flags of the same make as the rules', its latents correlated
  with theirs at ``rho`` (equal by construction at any sample size);
* ``worse2`` / ``worse5``: a continuous engine 0.02 / 0.05 below (a refusal is right);
* ``better``: a continuous engine 0.10 above (a refusal is wrong, should be ~0).

``beats`` None (no block with enough of each class) is counted apart (``none``): the refused
share is among the draws that were measured.
Seeds are fixed per cell (crc32 of its name), so two checkouts see the same draws.
"""

from __future__ import annotations

import argparse
import time
import zlib
from functools import cache

import numpy as np
import pandas as pd
from scipy.stats import norm, spearmanr
from sklearn.metrics import average_precision_score

MU_FLAGS = np.array([1.2, 0.9, 0.6])
NEG_FIRE = np.array([0.10, 0.20, 0.30])  # share of negatives each flag fires on
SHARED = 0.4  # variance share of the flags' common noise factor
CASES = {"equal": 0.0, "twin": 0.0, "worse2": -0.02, "worse5": -0.05, "better": 0.10}
# positives per block (uneven); each split also gets a block of EMPTY_ROWS rows, no positive
SPLITS = {8: (5, 3), 25: (14, 8, 3), 45: (20, 12, 10, 3), 100: (50, 30, 15, 5)}
EMPTY_ROWS = 300
POPULATION = 1_000_000


def _flags_latent(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(y)
    g = rng.standard_normal(n)
    u = np.sqrt(SHARED) * g[:, None] + np.sqrt(1 - SHARED) * rng.standard_normal((n, 3))
    return u  # the flags' noises (n, 3), each N(0, 1)


def _score(y: np.ndarray, u: np.ndarray) -> np.ndarray:
    cuts = norm.ppf(1 - NEG_FIRE)
    flags = (MU_FLAGS[None, :] * y[:, None] + u) > cuts[None, :]
    return flags.sum(axis=1) / 3.0


def _rule_noise(u: np.ndarray) -> np.ndarray:
    s = u.sum(axis=1)
    return s / np.sqrt(3 * (SHARED * 3 + (1 - SHARED)))  # standardised sum: N(0, 1)


@cache
def _mu_engine(rate: float, case: str) -> float:
    """The continuous engine's shift whose population PR-AUC is the rules' plus the case's."""
    rng = np.random.default_rng(4242)
    n = POPULATION
    y = np.zeros(n, dtype=int)
    y[: int(round(n * rate))] = 1
    target = average_precision_score(y, _score(y, _flags_latent(y, rng))) + CASES[case]
    noise = rng.standard_normal(n)
    lo, hi = 0.0, 6.0
    for _ in range(30):
        mid = (lo + hi) / 2
        if average_precision_score(y, mid * y + noise) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _block(pos: int, rows: int, case: str, rate: float, rho: float, rng: np.random.Generator):
    y = np.zeros(rows, dtype=int)
    y[rng.choice(rows, pos, replace=False)] = 1
    u = _flags_latent(y, rng)
    r = _score(y, u)
    if case == "twin":
        u2 = rho * u + np.sqrt(1 - rho**2) * _flags_latent(y, rng)
        e = _score(y, u2)
    else:
        z = _mu_engine(rate, case) * y + rho * _rule_noise(u)
        z = z + np.sqrt(1 - rho**2) * rng.standard_normal(rows)
        e = 1 / (1 + np.exp(-z))
    return e, r, y


def draw(case: str, rate: float, rho: float, total: int, rng: np.random.Generator):
    es, rs, ys, bs = [], [], [], []
    parts = [(p, int(round(p / rate))) for p in SPLITS[total]] + [(0, EMPTY_ROWS)]
    order = rng.permutation(len(parts))  # the empty block is not always last
    for b, k in enumerate(order):
        pos, rows = parts[k]
        e, r, y = _block(pos, rows, case, rate, rho, rng)
        es.append(e)
        rs.append(r)
        ys.append(y)
        bs.append(np.full(rows, b))
    return np.concatenate(es), np.concatenate(rs), np.concatenate(ys), np.concatenate(bs)


def run(args: argparse.Namespace) -> None:
    from clearlane.risk.engine import _versus_rules

    out = []
    for case in args.cases:
        for rate in args.rates:
            for rho in args.rhos:
                for total in args.splits:
                    rng = np.random.default_rng(zlib.crc32(f"{case}|{rate}|{rho}|{total}".encode()))
                    for i in range(args.draws):
                        e, r, y, b = draw(case, rate, rho, total, rng)
                        t = time.process_time()
                        v = _versus_rules(e, r, y, b)
                        cpu = time.process_time() - t
                        neg = y == 0
                        corr = spearmanr(e[neg], r[neg]).statistic if i < 5 else np.nan
                        out.append(
                            (case, rate, rho, total, i, v["beats"],
                             v.get("pr_auc_difference"), v.get("pr_auc_difference_upper"),
                             cpu, corr)
                        )  # fmt: skip
                    pd.DataFrame(
                        out,
                        columns=["case", "rate", "rho", "positives", "draw", "beats", "diff",
                                 "upper", "cpu", "corr"],
                    ).to_csv(args.out, index=False)  # fmt: skip
                    last = [o for o in out if o[:4] == (case, rate, rho, total)]
                    ref = sum(o[5] is False for o in last) / len(last)
                    print(f"{case} {rate} {rho} {total}: refused {ref:.2f}", flush=True)


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _cell(d: pd.DataFrame) -> str:
    """The refused share among the measured draws (``beats`` None left out), its interval."""
    k = int((d["beats"].astype(str) == "False").sum())
    m = int(d["beats"].notna().sum())
    if m == 0:
        return "-"
    lo, hi = _wilson(k, m)
    return f"{k / m:.3f} ({lo:.2f}-{hi:.2f})"


def compare(paths: list[str], by: list[str]) -> None:
    frames = [pd.read_csv(p) for p in paths]
    names = [p.rsplit("/", 1)[-1].removesuffix(".csv") for p in paths]
    head = "| " + " | ".join(by) + " | draws | none | " + " | ".join(f"refused {n}" for n in names)
    print(head + " | CPU s " + " / ".join(names) + " | Spearman e, r (negatives) |")
    print("|" + " --- |" * (len(by) + 2 + len(names) + 2))
    base = frames[0]
    for key, d0 in base.groupby(by, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        ds = [
            f[np.logical_and.reduce([f[c] == k for c, k in zip(by, key, strict=True)])]
            for f in frames
        ]
        if any(len(d) == 0 for d in ds):
            continue  # a cell one checkout has not reached yet
        none = (d0["beats"].isna()).mean()
        cells = " | ".join(_cell(d) for d in ds)
        cpu = " / ".join(f"{d['cpu'].mean():.3f}" for d in ds)
        corr = d0["corr"].mean()
        print(
            f"| {' | '.join(str(k) for k in key)} | {len(d0)} | {none:.2f} | {cells} | {cpu} "
            f"| {corr:.2f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100)
    parser.add_argument("--cases", nargs="+", default=list(CASES), choices=list(CASES))
    parser.add_argument("--rates", type=float, nargs="+", default=[0.02, 0.08, 0.2])
    parser.add_argument("--rhos", type=float, nargs="+", default=[0.0, 0.5, 0.9])
    parser.add_argument("--splits", type=int, nargs="+", default=list(SPLITS))
    parser.add_argument("--out", default="rule_gate_review14.csv")
    parser.add_argument("--compare", nargs="+")
    parser.add_argument("--by", nargs="+", default=["case", "rate"])
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.by)
    else:
        run(args)


if __name__ == "__main__":
    main()
