"""LightGBM prediction without LightGBM's per-call machinery: the booster's trees as flat arrays
walked by one compiled loop (numba), for the engine's scoring path.

``lightgbm.Booster.predict`` on a dense float64 matrix turns every row into a sparse vector,
fills a per-thread buffer and walks the trees through several layers of calls; with the
engine's three boosters (fraud, critical case, revenue: up to a thousand trees each) that was
most of the time of scoring a batch, and tens of microseconds of fixed cost for one row.

:class:`FlatForest` makes the same decisions as LightGBM's ``Tree::GetLeaf`` (LightGBM 4,
``include/LightGBM/tree.h``) on the same float64 values and thresholds:

* a numerical split goes left when ``x <= threshold``; a missing value (NaN) counts as 0
  unless the split's missing type is NaN; with missing type Zero (values within 1e-35 of 0) or
  NaN the missing side is the split's default direction;
* a categorical split sends NaN and negative values right, and otherwise the integer part of
  the value left when it is in the split's category bitset;
* values within 1e-35 of zero are read as 0, as LightGBM's dense-row reader drops them.

The raw score sums the trees' leaf values in tree order from 0.0, as ``GBDT::PredictRaw``
does, so it equals LightGBM's bit for bit; a binary model's probability is
``1 / (1 + exp(-sigmoid * raw))``. Only the objectives the engine trains (``binary``,
``regression``) are flattened: :func:`flat_forest` answers None for anything else (and for
models with linear trees), and the caller predicts with the booster as before.
The flat arrays are built once per booster and kept beside it (not pickled).
"""

from __future__ import annotations

import os
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

# Batches of at least this many rows per thread are split over threads (the loop holds no
# lock and spins no thread, unlike OpenMP: see clearlane.risk.supervised.N_JOBS); fewer rows
# are walked in the calling thread. CLEARLANE_PREDICT_THREADS caps the threads (default: the
# CPUs this process may use).
ROWS_PER_THREAD = 8192


def max_threads() -> int:
    """Threads a large batch may use: CLEARLANE_PREDICT_THREADS, else the usable CPUs."""
    configured = os.environ.get("CLEARLANE_PREDICT_THREADS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_CACHE: weakref.WeakKeyDictionary[Any, FlatForest | None] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class FlatForest:
    """All trees of one booster, concatenated; a child >= 0 is a node, < 0 is ``~leaf``."""

    feature: np.ndarray  # int32 per node
    threshold: np.ndarray  # float64 per node
    decision: np.ndarray  # int8 per node: bit 0 categorical, bit 1 default left, bits 2-3 missing
    left: np.ndarray  # int32 per node
    right: np.ndarray  # int32 per node
    cat_start: np.ndarray  # int32 per node: first word of a categorical split's bitset
    cat_words: np.ndarray  # int32 per node: its number of 32-bit words
    cat_bits: np.ndarray  # uint32 bitsets
    roots: np.ndarray  # int32 per tree: its root node, or ~leaf for a single-leaf tree
    leaf_value: np.ndarray  # float64 per leaf
    n_features: int
    sigmoid: float | None  # binary objective: the sigmoid's slope; None: raw output

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """What ``Booster.predict(matrix)`` answers (probability or raw regression output)."""
        x = np.ascontiguousarray(matrix, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.n_features:
            raise ValueError(
                f"the model takes {self.n_features} features, the matrix has shape {x.shape}"
            )
        out = np.empty(x.shape[0], dtype=np.float64)
        threads = min(max_threads(), x.shape[0] // ROWS_PER_THREAD)
        if threads <= 1:
            self._walk(x, out)
            return out
        # The compiled loop releases the GIL: row chunks in threads, each writing its slice.
        bounds = np.linspace(0, x.shape[0], threads + 1).astype(int)
        with ThreadPoolExecutor(threads) as pool:
            list(
                pool.map(
                    lambda lo_hi: self._walk(x[lo_hi[0] : lo_hi[1]], out[lo_hi[0] : lo_hi[1]]),
                    zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True),
                )
            )
        return out

    def _walk(self, x: np.ndarray, out: np.ndarray) -> None:
        from clearlane.risk._forest_kernel import predict_rows

        predict_rows(
            x,
            self.feature,
            self.threshold,
            self.decision,
            self.left,
            self.right,
            self.cat_start,
            self.cat_words,
            self.cat_bits,
            self.roots,
            self.leaf_value,
            -1.0 if self.sigmoid is None else self.sigmoid,
            out,
        )


def flat_forest(booster: Any) -> FlatForest | None:
    """The booster's :class:`FlatForest` (built once and kept beside it), or None when its
    model is not one this module reproduces exactly."""
    try:
        return _CACHE[booster]
    except KeyError:
        pass
    except TypeError:  # not weak-referenceable: build without keeping it
        return _parse(booster.model_to_string())
    forest = _parse(booster.model_to_string())
    _CACHE[booster] = forest
    return forest


def _parse(text: str) -> FlatForest | None:
    """A LightGBM model file (``model_to_string``: the iterations ``predict`` uses by default)
    as flat arrays."""
    header, _, rest = text.partition("\nTree=")
    head = _fields(header)
    if head.get("num_tree_per_iteration", "1") != "1" or head.get("num_class", "1") != "1":
        return None
    objective = head.get("objective", "").split()
    sigmoid: float | None
    if objective[:1] == ["binary"]:
        slope = [o.split(":", 1)[1] for o in objective[1:] if o.startswith("sigmoid:")]
        sigmoid = float(slope[0]) if slope else 1.0
    elif objective == ["regression"]:
        sigmoid = None
    else:
        return None
    n_features = int(head["max_feature_idx"]) + 1
    body = rest.split("\nend of trees", 1)[0]
    blocks = [b for b in ("Tree=" + body).split("\nTree=") if b.strip()]
    parts: dict[str, list[np.ndarray]] = {
        k: [] for k in ("f", "t", "d", "l", "r", "cs", "cw", "bits", "v")
    }
    roots: list[int] = []
    nodes = leaves = words = 0
    for block in blocks:
        tree = _fields(block)
        if tree.get("is_linear", "0") != "0":
            return None
        n_leaves = int(tree["num_leaves"])
        value = np.array(tree["leaf_value"].split(), dtype=np.float64)
        if n_leaves == 1:
            roots.append(~leaves)
            parts["v"].append(value[:1])
            leaves += 1
            continue
        inner = n_leaves - 1
        left = np.array(tree["left_child"].split(), dtype=np.int64)
        right = np.array(tree["right_child"].split(), dtype=np.int64)
        decision = np.array(tree["decision_type"].split(), dtype=np.int64).astype(np.int8)
        threshold = np.array(tree["threshold"].split(), dtype=np.float64)
        cat_start = np.zeros(inner, dtype=np.int64)
        cat_words = np.zeros(inner, dtype=np.int64)
        if int(tree.get("num_cat", "0")) > 0:
            bounds = np.array(tree["cat_boundaries"].split(), dtype=np.int64)
            bits = np.array(tree["cat_threshold"].split(), dtype=np.uint64).astype(np.uint32)
            categorical = (decision & 1) == 1
            idx = threshold[categorical].astype(np.int64)
            cat_start[categorical] = bounds[idx] + words
            cat_words[categorical] = bounds[idx + 1] - bounds[idx]
            parts["bits"].append(bits)
            words += len(bits)

        def shift(child: np.ndarray, node_base: int = nodes, leaf_base: int = leaves) -> np.ndarray:
            return np.where(child >= 0, child + node_base, ~(~child + leaf_base))

        parts["f"].append(np.array(tree["split_feature"].split(), dtype=np.int64))
        parts["t"].append(threshold)
        parts["d"].append(decision)
        parts["l"].append(shift(left))
        parts["r"].append(shift(right))
        parts["cs"].append(cat_start)
        parts["cw"].append(cat_words)
        parts["v"].append(value)
        roots.append(nodes)
        nodes += inner
        leaves += n_leaves

    def joined(key: str, dtype: Any) -> np.ndarray:
        got = parts[key]
        return np.ascontiguousarray(np.concatenate(got) if got else np.empty(0), dtype=dtype)

    return FlatForest(
        feature=joined("f", np.int32),
        threshold=joined("t", np.float64),
        decision=joined("d", np.int8),
        left=joined("l", np.int32),
        right=joined("r", np.int32),
        cat_start=joined("cs", np.int32),
        cat_words=joined("cw", np.int32),
        cat_bits=joined("bits", np.uint32),
        roots=np.array(roots, dtype=np.int32),
        leaf_value=joined("v", np.float64),
        n_features=n_features,
        sigmoid=sigmoid,
    )


def _fields(block: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            out[key.strip()] = value.strip()
    return out


def warm_up(*models: Any) -> None:
    """Flatten the boosters of fitted LightGBM models (others are skipped) and run the compiled
    loop once, so that the first scored declaration does not pay for numba's import, its
    on-disk cache and the model text parse (about a second or two on a busy machine)."""
    for model in models:
        booster = getattr(model, "booster_", None) if model is not None else None
        forest = flat_forest(booster) if booster is not None else None
        if forest is not None:
            forest.predict(np.zeros((1, forest.n_features)))
