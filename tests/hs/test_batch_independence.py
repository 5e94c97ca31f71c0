"""A description's ranking does not depend on the batch it is ranked in: ranked alone, and
inside batches of other sizes and other neighbours, it gets the same candidates, the same
feature rows and the same scores, to the bit. The API ranks a submission's descriptions as
one batch, the training ranks the history's in batches of 256, and a ranking made in one is
reused for the other (this process's cache; the store's ``hs_rankings``): an HS check must
not depend on what else was ranked with its description (session 19, "Coffee, not roasted or
decaffeinated": 0.5709 in a batch, 0.5712 alone)."""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.hs.model import BATCH, HSModel, Ranked, load_pairs, shipped_model
from clearlane.hs.nomenclature import nomenclature
from tests.hs.test_fast_ranking import ODD


@pytest.fixture(scope="module")
def model() -> HSModel:
    return shipped_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    pairs = load_pairs()
    return [
        "Coffee, not roasted or decaffeinated",
        *pairs["text"].sample(70, random_state=29).tolist(),
        *ODD,
    ]


def _fresh(model: HSModel) -> HSModel:
    """The same index and re-ranker with nothing kept: every description is ranked."""
    return HSModel(model.index, model.booster)


def _same(got: Ranked, want: Ranked, text: str) -> None:
    assert got.codes == want.codes, text
    assert got.scores.dtype == want.scores.dtype
    assert got.scores.tobytes() == want.scores.tobytes(), (text, got.scores[:3], want.scores[:3])


def test_features_of_a_description_are_the_same_alone_and_in_batches(
    model: HSModel, texts: list[str]
) -> None:
    index = model.index
    alone = [index.features([t]) for t in texts]
    for size in (2, 3, 7, 16, len(texts)):
        for start in range(0, len(texts), size):
            chunk = texts[start : start + size]
            cands, feats = index.features(chunk)
            for k, text in enumerate(chunk):
                (c1,), (f1,) = alone[start + k]
                assert cands[k].tobytes() == c1.tobytes(), (size, text)
                where = np.argwhere(feats[k] != f1)[:5]
                assert feats[k].tobytes() == f1.tobytes(), (size, text, where)


def test_rankings_are_the_same_alone_in_batches_and_with_forced_codes(
    model: HSModel, texts: list[str]
) -> None:
    nom = nomenclature()
    rng = np.random.default_rng(5)
    codes = [nom.subheadings[int(rng.integers(len(nom.subheadings)))] if k % 2 else None
             for k in range(len(texts))]  # fmt: skip
    alone = [_fresh(model).rank([t], forced=[c])[0] for t, c in zip(texts, codes, strict=True)]
    for size in (2, 5, 31, len(texts)):
        # another order too: a description's neighbours in the batch change
        for order in (np.arange(len(texts)), rng.permutation(len(texts))):
            for start in range(0, len(texts), size):
                rows = order[start : start + size]
                got = _fresh(model).rank([texts[i] for i in rows], forced=[codes[i] for i in rows])
                for i, ranked in zip(rows, got, strict=True):
                    _same(ranked, alone[i], texts[i])


def test_a_batch_longer_than_one_product_ranks_each_description_as_alone(
    model: HSModel, texts: list[str]
) -> None:
    """More descriptions than :data:`BATCH` are ranked in several chunks: the same rankings."""
    many = (texts * (BATCH // len(texts) + 2))[: BATCH + 9]
    got = _fresh(model).rank(many)
    for text, ranked in zip(many[:20] + many[BATCH:], got[:20] + got[BATCH:], strict=True):
        _same(ranked, _fresh(model).rank([text])[0], text)
