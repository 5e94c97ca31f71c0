"""Reasons for the flagged rows only (``clearlane score --reasons flagged``, the default) against
reasons for every row (``--reasons all``, what the command did before): the scores, lanes and
every other column must be identical, and so must the flagged rows' reasons; prints the CPU of
each way, in one process (so the comparison is exact: separate processes differ in the last
bits of some scores, see docs/performance.md).

Uses the champion registered under ``CLEARLANE_DATA_DIR`` (``clearlane train``) and the
profiles in force, on a KCS file (e.g. the stand-in of ``benchmarks/kcs_later.py``). Run:

    PYTHONPATH=src python benchmarks/score_reasons.py --data var/kcs_later/kcs_later_*.csv
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pandas as pd

from clearlane.cli import _profiles
from clearlane.config import get_settings
from clearlane.ingest.parse import read_frame
from clearlane.selection import SelectionPolicy
from clearlane.workflows import default_registry, load_champion, score_and_route


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--format", default="kcs")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    frame = read_frame(args.data, args.format)
    engine, version = load_champion(default_registry(get_settings().data_dir))
    profiles = _profiles()
    policy = SelectionPolicy(seed=args.seed)
    routed = {}
    for how in ("all", "flagged"):
        start = time.process_time()
        out = score_and_route(frame, engine=engine, profiles=profiles, policy=policy, reasons=how)
        cpu = time.process_time() - start
        print(f"--reasons {how}: {cpu:.1f} CPU s, load {os.getloadavg()[0]:.1f}")
        routed[how] = out
    every, flagged = routed["all"], routed["flagged"]
    rest = [c for c in every.columns if c not in ("reasons", "top_reason")]
    pd.testing.assert_frame_equal(flagged[rest], every[rest], check_exact=True)
    chosen = (every["lane"] != "green").to_numpy()
    assert flagged["reasons"][chosen].tolist() == every["reasons"][chosen].tolist()
    assert flagged["top_reason"][chosen].tolist() == every["top_reason"][chosen].tolist()
    assert flagged["reasons"][~chosen].isna().all()
    print(
        f"{version.id}, {len(every):,} declarations, {chosen.sum():,} flagged: every column but "
        "the reasons identical, the flagged rows' reasons and top reasons identical (exact)"
    )


if __name__ == "__main__":
    main()
