"""Whether two versions of the code store the same submissions, routing included: runs
`benchmarks/submit_cpu.py`'s in-process submissions with the routing made repeatable, and
writes their outputs for `benchmarks/submit_outputs.py --with-routing` to compare.

Two runs of the same code route differently by nature: the draw key comes from the data
directory's secret (a fresh one for each copied store), and the server keeps an office's
score cuts for a few seconds (:class:`clearlane.selection.online.CutsCache`), so which cuts a
submission meets depends on how fast the run went. Here the secret is fixed
(``CLEARLANE_SECRET_KEY``) and the cuts are read again for every submission (kept 0 s),
so the lanes, selection reasons, draws, cuts and the reasons of the rows routed other than
green are a function of the code and the records alone. Run, on a store of
``submit_cpu.py --prepare``, each side with its own code:

    PYTHONPATH=A/src python benchmarks/submit_same.py --data /tmp/sub --out a.json
    PYTHONPATH=B/src python benchmarks/submit_same.py --data /tmp/sub --out b.json
    python benchmarks/submit_outputs.py a.json b.json --with-routing

Exits as ``submit_outputs.py`` would not: it only writes; the comparison is the other tool.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="submit_cpu.py --prepare's")
    parser.add_argument("--out", required=True, help="the outputs (JSON) written here")
    parser.add_argument("--warm", type=int, default=1500)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--postgres", help="a PostgreSQL server's URL: run on PostgreSQL")
    args = parser.parse_args()
    os.environ["CLEARLANE_SECRET_KEY"] = "benchmarks/submit_same.py: a fixed draw key"
    from clearlane.selection.online import CutsCache

    CutsCache.__init__.__defaults__ = (0.0,)  # every submission reads its cuts afresh
    from submit_cpu import run  # type: ignore[import-not-found]

    result = run(
        args.data,
        warm=args.warm,
        count=args.count,
        skip=0,
        profile=None,
        postgres=args.postgres,
        outputs=args.out,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
