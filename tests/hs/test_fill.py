"""The top-5 filler of the thirteenth pass (``clearlane.hs.model.FILL``, off as shipped;
docs/hs.md): it decides ranks 4-5 only, as a permutation of the re-ranker's candidates, and
its neighbour votes are the same alone or in a batch."""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.hs import model as hs_model
from clearlane.hs.model import HSModel, fill_order, shipped_model
from tests.hs.test_fast_ranking import ODD

TITLES = ["men's cotton t-shirt", "baby socks", "coffee mat", "phone case", "trainers", *ODD]
SPECS = ["knn:20", "eknn:50:r5", "both:20:score", "both:10:head", "div"]


@pytest.fixture(scope="module")
def model() -> HSModel:
    return shipped_model()


def test_fill_order_keeps_ranks_1_to_3_and_moves_only_two_codes_up() -> None:
    rng = np.random.default_rng(3)
    for n in (0, 2, 3, 4, 5, 9, 60):
        scores = np.sort(rng.random(n))[::-1]
        heads = rng.integers(0, 3, n)
        votes = {f"{kind}:{k}{s}": rng.random(n) * (rng.random(n) < 0.3)
                 for kind in ("knn", "eknn") for k in (10, 20, 50)
                 for s in ("", ":share")}  # fmt: skip
        for spec in SPECS:
            perm = fill_order(spec, scores, heads, votes)
            assert sorted(perm.tolist()) == list(range(n)), spec
            assert perm[:3].tolist() == list(range(min(n, 3))), spec
            rest = perm[5:].tolist()
            assert rest == sorted(rest), spec  # after rank 5, the re-ranker's order


def test_fill_order_takes_the_best_voted_code_outside_the_first_three() -> None:
    scores = np.array([0.5, 0.2, 0.1, 0.08, 0.06, 0.04, 0.02])
    heads = np.array([1, 1, 1, 2, 3, 4, 5])
    vote = np.array([9.0, 0, 0, 0, 0, 0.0, 2.0])
    votes = {"knn:20": vote, "knn:20:share": vote / 10}
    assert fill_order("knn:20", scores, heads, votes).tolist() == [0, 1, 2, 6, 3, 4, 5]
    assert fill_order("knn:20:r5", scores, heads, votes).tolist() == [0, 1, 2, 3, 6, 4, 5]
    # share 0.2 exceeds rank 4's score 0.08; then no vote left: the re-ranker's next
    assert fill_order("knn:20:score", scores, heads, votes).tolist() == [0, 1, 2, 6, 3, 4, 5]
    votes["knn:20:share"] = vote / 100  # 0.02 < 0.08: kept
    assert fill_order("knn:20:score", scores, heads, votes).tolist() == list(range(7))
    assert fill_order("div", scores, heads, votes).tolist() == list(range(7))
    heads[3] = 1
    assert fill_order("div", scores, heads, votes).tolist() == [0, 1, 2, 4, 5, 3, 6]


@pytest.mark.parametrize("spec", SPECS)
def test_the_filler_keeps_the_shipped_top_3_and_every_score(model: HSModel, spec: str) -> None:
    base = HSModel(model.index, model.booster).rank(TITLES)
    old = hs_model.FILL
    hs_model.FILL = spec
    try:
        filled = HSModel(model.index, model.booster).rank(TITLES)
        alone = [HSModel(model.index, model.booster).rank([t])[0] for t in TITLES]
    finally:
        hs_model.FILL = old
    for b, f, a, title in zip(base, filled, alone, TITLES, strict=True):
        assert f.codes[:3] == b.codes[:3], title
        assert sorted(f.codes) == sorted(b.codes), title
        f_scores = dict(zip(f.codes, f.scores.tolist(), strict=True))
        assert f_scores == dict(zip(b.codes, b.scores.tolist(), strict=True)), title
        assert a.codes == f.codes and a.scores.tobytes() == f.scores.tobytes(), title
