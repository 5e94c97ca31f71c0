"""The twelfth pass's candidate sources (``CANDIDATE_EXTRAS``, benchmarks/hs_recall.py) add
what they say to the shipped candidates and leave those as they were."""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.hs import model as hs_model
from clearlane.hs.model import Index, load_pairs, tfidf
from clearlane.hs.nomenclature import normalise

TEXTS = [normalise(t) for t in ("baby socks", "coffee mat", "dryer balls", "kontrol freek")]


@pytest.fixture(scope="module")
def index() -> Index:
    pairs = load_pairs()
    return Index(pairs.sample(1500, random_state=5).reset_index(drop=True))


def _nearest(index: Index, k: int) -> list[np.ndarray]:
    """The k labelled descriptions nearest each text by the mean of the two TF-IDF cosines,
    those with any similarity."""
    sims = 0.5 * (
        (tfidf(index.word, TEXTS) @ index.docs["train"][0]).toarray()
        + (tfidf(index.char, TEXTS) @ index.docs["train"][1]).toarray()
    )
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return [row[sims[i, row] > 0] for i, row in enumerate(order)]


def _candidates(index: Index, monkeypatch: pytest.MonkeyPatch, extras: tuple[str, ...],
                source: bool = False) -> tuple[list[np.ndarray], list[np.ndarray]]:  # fmt: skip
    monkeypatch.setattr(hs_model, "CANDIDATE_EXTRAS", extras)
    monkeypatch.setattr(hs_model, "SOURCE_COLUMNS", source)
    return index.features(TEXTS)


def test_knn_adds_the_codes_of_the_nearest_labelled_descriptions(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, base_feats = _candidates(index, monkeypatch, ())
    more, _ = _candidates(index, monkeypatch, ("knn:30",))
    for b, m, near in zip(base, more, _nearest(index, 29), strict=True):
        codes = index.tr_sub[near]
        assert set(codes[codes >= 0]) <= set(m)
        assert set(b) <= set(m)
    assert any(len(m) > len(b) for b, m in zip(base, more, strict=True))
    assert all(f.shape[1] == len(hs_model.FEATURES) for f in base_feats)


def test_sibling_expansion_adds_every_subheading_of_the_neighbours_headings(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    more, _ = _candidates(index, monkeypatch, ("sibknn:10",))
    for m, near in zip(more, _nearest(index, 9), strict=True):
        heads = {h for h in index.tr_head[near] if h >= 0}
        subs = set(np.flatnonzero(np.isin(index.sub_head, list(heads))))
        assert subs <= set(m)


def test_source_columns_mark_the_shipped_candidates(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = _candidates(index, monkeypatch, ())
    more, feats = _candidates(index, monkeypatch, ("eknn:50",), source=True)
    for b, m, f in zip(base, more, feats, strict=True):
        assert f.shape == (len(m), len(hs_model.FEATURES) + len(hs_model.SOURCE_FEATURES))
        assert np.array_equal(f[:, len(hs_model.FEATURES)] == 1, np.isin(m, b))


def test_an_unknown_source_is_refused(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="unknown candidate source"):
        _candidates(index, monkeypatch, ("bogus:3",))
