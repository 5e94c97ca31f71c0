"""The ranking's serving shortcuts give the results of the general path, bit for bit: the
TF-IDF transform without scikit-learn's checks, the stacked products of a query, and the
per-process cache of rankings by normalised description."""

from __future__ import annotations

import time

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from clearlane.hs.model import (
    RANKINGS_KEPT,
    HSModel,
    Ranked,
    _Rankings,
    load_pairs,
    shipped_model,
    tfidf,
)
from clearlane.hs.nomenclature import nomenclature
from tests.concurrency import together

ODD = [
    "",
    "   ",
    "the and of",  # stop words only
    "ÄÖÜ ß café — 日本",
    "12345 678",
    "x",
    "SOCKS socks SoCkS, socks!!",
    "men's cotton t-shirt",
    "wireless bluetooth headphones " * 20,
]


@pytest.fixture(scope="module")
def model() -> HSModel:
    return shipped_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return load_pairs()["description"].sample(300, random_state=3).tolist() + ODD


def _same_matrix(a: object, b: object) -> None:
    assert type(a) is type(b)
    for name in ("indptr", "indices", "data"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and x.tobytes() == y.tobytes(), name
    assert a.shape == b.shape  # type: ignore[attr-defined]


def test_tfidf_is_the_vectorizers_transform_to_the_bit(model: HSModel, texts: list[str]) -> None:
    for vectorizer in (model.index.word, model.index.char):
        _same_matrix(tfidf(vectorizer, texts), vectorizer.transform(texts))
        for text in texts[:40] + ODD:
            _same_matrix(tfidf(vectorizer, [text]), vectorizer.transform([text]))


def test_tfidf_of_another_configuration_runs_the_transform() -> None:
    corpus = ["red wine", "white wine", "cotton socks", "wool socks", "socks of wine"]
    for options in ({"norm": "l1"}, {"sublinear_tf": False}, {"binary": True}, {"use_idf": False}):
        vectorizer = TfidfVectorizer(**options).fit(corpus)  # type: ignore[arg-type]
        _same_matrix(tfidf(vectorizer, ["red socks wine wine"]), vectorizer.transform(
            ["red socks wine wine"]))  # fmt: skip


def test_the_stacked_serving_products_give_the_per_matrix_features(
    model: HSModel, texts: list[str]
) -> None:
    """Serving (no hidden documents) multiplies a query once per space with every matrix side
    by side; hiding no document takes the per-matrix path with tables built anew: the same
    candidates and feature rows, to the bit."""
    index = model.index
    nom = nomenclature()
    rng = np.random.default_rng(7)
    chunk = texts[:60] + ODD
    forced = [[int(rng.integers(len(nom.subheadings)))] for _ in chunk]
    hidden = np.zeros((len(chunk), len(index.tr_sub)), dtype=bool)
    fast = index.features(chunk, forced=forced)
    general = index.features(chunk, hidden=hidden, forced=forced)
    for (c1, f1), (c2, f2) in zip(zip(*fast, strict=True), zip(*general, strict=True), strict=True):
        assert c1.tobytes() == c2.tobytes()
        assert f1.dtype == f2.dtype and f1.tobytes() == f2.tobytes()


def _fresh(model: HSModel) -> HSModel:
    return HSModel(model.index, model.booster)  # its own, empty cache of rankings


def _same(a: Ranked, b: Ranked) -> bool:
    """The same candidates, the same five best in the same order with the same scores up to
    float32 rounding. Not to the bit: the static-embedding products are dense BLAS products
    whose last bits depend on how many descriptions share a call (a batch against one alone,
    kept ranking or not), and a near-tie far down the list (rank 30 or so) may swap."""
    return (
        set(a.codes) == set(b.codes)
        and a.codes[:5] == b.codes[:5]
        and bool(np.allclose(a.scores[:5], b.scores[:5], rtol=1e-4, atol=1e-9))
    )


def test_kept_rankings_equal_ranking_again(model: HSModel, texts: list[str]) -> None:
    """The same descriptions ranked again and again with other declared codes (candidates
    anyway, codes far off that must be made candidates, none): each result is the one a model
    without kept rankings gives, and the kept ones were used."""
    nom = nomenclature()
    served = _fresh(model)
    rng = np.random.default_rng(11)
    some = texts[:25] + ["  Men's   COTTON t-shirt ", "men's cotton t-shirt"]
    first = served.rank(some)
    requests: list[tuple[str, str | None]] = []
    for text, ranked in zip(some, first, strict=True):
        requests.append((text, ranked.codes[-1]))  # a candidate anyway: from the kept ranking
        requests.append((text, ranked.codes[0]))
        far = next(c for c in nom.subheadings[int(rng.integers(1000)) :] if c not in ranked.codes)
        requests.append((text, far))  # not a candidate: ranked again, with it
        requests.append((text, None))
    hits = served.rankings.hits
    for text, code in requests:
        (got,) = served.rank([text], forced=[code])
        (want,) = _fresh(model).rank([text], forced=[code])
        assert _same(got, want), (text, code)
        if code is not None:
            assert code in got.codes
    assert served.rankings.hits - hits >= 3 * len(some)
    # A batch, mixing kept and new descriptions, gives what each alone gives.
    batch = [t for t, _ in requests] + texts[25:60]
    codes = [c for _, c in requests] + [None] * 35
    for got, (text, code) in zip(
        served.rank(batch, forced=codes), zip(batch, codes, strict=True), strict=True
    ):
        (want,) = _fresh(model).rank([text], forced=[code])
        assert _same(got, want)


def test_a_kept_ranking_is_not_changed_by_its_reader(model: HSModel) -> None:
    served = _fresh(model)
    (first,) = served.rank(["stainless steel kitchen knife"])
    want = (list(first.codes), first.scores.copy())
    first.codes.reverse()
    first.scores[:] = 0
    (again,) = served.rank(["stainless steel kitchen knife"])
    assert served.rankings.hits == 1
    assert again.codes == want[0] and again.scores.tobytes() == want[1].tobytes()


def test_the_kept_rankings_are_bounded(model: HSModel, monkeypatch: pytest.MonkeyPatch) -> None:
    served = _fresh(model)
    served.rankings.size = 3
    served.rank(["red wine", "white wine", "cotton socks", "wool socks", "steel knife"])
    assert len(served.rankings) == 3
    served.rank(["red wine"])  # the oldest went first
    assert served.rankings.hits == 0


def _slow(name: str) -> property:
    """A counter that takes a while to read: a thread switch lands between the read and the
    write of ``+=``, as it may anywhere in a free-threaded or busy process."""

    def read(self: _SlowCounts) -> int:
        value = self.counts[name]
        time.sleep(0.0005)  # lets the other racers read the same value
        return value

    def write(self: _SlowCounts, value: int) -> None:
        self.counts[name] = value

    return property(read, write)


class _SlowCounts(_Rankings):
    """Kept rankings with slow counters (:func:`_slow`)."""

    def __init__(self, size: int) -> None:
        self.counts = {"hits": 0, "misses": 0}
        super().__init__(size)

    hits = _slow("hits")
    misses = _slow("misses")


def test_the_ranking_counters_add_up_under_racing_threads(model: HSModel) -> None:
    """Threads released together by a barrier, each ranking kept and new descriptions: every
    description is counted once, as a hit or a miss (the counters were updated outside the
    kept rankings' lock, and racing updates were lost)."""
    served = _fresh(model)
    served.rankings = _SlowCounts(RANKINGS_KEPT)
    texts = ["red wine", "cotton socks", "steel knife", "leather shoes"]
    threads, calls = 6, 20
    together(threads, lambda i: [served.rank([texts[(i + k) % 4]]) for k in range(calls)])
    assert served.rankings.hits + served.rankings.misses == threads * calls
    assert served.rankings.misses >= len(texts)  # each text ranked at least once
