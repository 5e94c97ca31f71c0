"""clearlane.hs.bm25: the sparse BM25 equals the textbook formula computed term by term."""

from __future__ import annotations

import math

import numpy as np
import pytest

from clearlane.hs.bm25 import BM25, K1, B

DOCS = [
    "lurpak butter salted",
    "cocoa butter",
    "mens cotton t shirt cotton",
    "kontrol freek thumb grips for controllers",
    "butter dish ceramic",
]


def _textbook(query: str, docs: list[str]) -> list[float]:
    tokens = [d.split() for d in docs]
    avgdl = sum(len(t) for t in tokens) / len(tokens)
    n = len(docs)
    out = []
    for toks in tokens:
        score = 0.0
        for term in set(query.split()):
            df = sum(term in t for t in tokens)
            tf = toks.count(term)
            if not df or not tf:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(toks) / avgdl))
        out.append(score)
    return out


@pytest.mark.parametrize("query", ["butter", "cotton shirt cotton", "kontrol freek", "nothing"])
def test_scores_are_the_textbook_bm25(query: str) -> None:
    # No stop word in DOCS ("for" is one, so it is left out of the lengths too).
    docs = [" ".join(w for w in d.split() if w != "for") for d in DOCS]
    bm25 = BM25(docs)
    scores = (bm25.query([query]) @ bm25.weights(docs)).toarray().ravel()
    np.testing.assert_allclose(scores, _textbook(query, docs), rtol=1e-5)


def test_rarer_terms_weigh_more() -> None:
    bm25 = BM25(DOCS)
    scores = (bm25.query(["lurpak butter"]) @ bm25.weights(DOCS)).toarray().ravel()
    assert scores.argmax() == 0
    assert scores[0] > scores[1] > 0 and scores[1] >= scores[4] > 0 and scores[2] == 0
