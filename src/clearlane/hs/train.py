"""Train the shipped re-ranker: ``python -m clearlane.hs.train`` (about a minute on 2 cores).

Reads only ``clearlane/hs/data/hmrc_pairs.csv`` and the shipped HS texts and writes
``clearlane/hs/data/ranker.txt`` (LightGBM text format).
"""

from __future__ import annotations

import sys

from clearlane.hs.model import data_path, fit, load_pairs


def main() -> None:
    model = fit(load_pairs())
    out = data_path("ranker.txt")
    model.booster.save_model(str(out))
    sys.stdout.write(f"wrote {out}\n")


if __name__ == "__main__":
    main()
