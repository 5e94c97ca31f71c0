"""The static word-piece embeddings (clearlane.hs.embed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from clearlane.hs.embed import StaticEmbedding, pack, static_embedding, unpack
from clearlane.hs.nomenclature import normalise


def test_word_pieces_are_bert_wordpiece_greedy_longest_match() -> None:
    emb = StaticEmbedding(["un", "##aff", "##able", "aff", "x"], np.eye(5, dtype=np.float32))
    assert emb.ids("unaffable x") == [0, 1, 2, 4]
    # A word that cannot be split into known pieces is left out whole, as is one over 100
    # characters (BERT makes both a single unknown piece).
    assert emb.ids("unzz aff") == [3]
    assert emb.ids("x" * 101 + " aff") == [3]


def test_the_shipped_vocabulary_splits_as_bert_does() -> None:
    emb = static_embedding()
    pieces = [emb.tokens[i] for i in emb.ids("playstation headphones")]
    assert pieces == ["playstation", "head", "##phones"]
    assert [emb.tokens[i] for i in emb.ids("tshirts")] == ["ts", "##hir", "##ts"]


def test_idf_weights_rare_pieces_above_common_ones() -> None:
    emb = StaticEmbedding(["a", "b", "c"], np.eye(3, dtype=np.float32))
    idf = emb.idf(["a b", "a", "a c"])
    assert idf[0] < idf[1] == idf[2]


def test_related_descriptions_are_closer_than_unrelated_ones() -> None:
    emb = static_embedding()
    weights = np.ones(len(emb.tokens), dtype=np.float32)
    texts = [normalise(t) for t in ("men's cotton tee", "T-shirts, knitted", "red wine", "bolts")]
    v = emb.encode(texts, weights)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v @ v.T
    # No word in common between the first two, only meaning.
    assert not set(texts[0].split()) & set(texts[1].split())
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[0, 3]


def test_a_text_without_pieces_embeds_as_zeros() -> None:
    emb = StaticEmbedding(["a"], np.ones((1, 4), dtype=np.float32))
    assert not emb.encode(["zzz"], np.ones(1, dtype=np.float32)).any()


def test_pack_round_trip_keeps_the_vectors(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 16)).astype(np.float32)
    tokens = [f"t{i}" for i in range(50)]
    path = tmp_path / "e.npz"
    pack(path, tokens, vectors, np.arange(50))
    back = unpack(path)
    assert back.tokens == tokens
    cos = np.sum(back.vectors * vectors, axis=1) / (
        np.linalg.norm(back.vectors, axis=1) * np.linalg.norm(vectors, axis=1)
    )
    assert cos.min() > 0.999


class _CountingVocab(dict[str, int]):
    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.asked = 0

    def get(self, key: str, default: int = -1) -> int:  # type: ignore[override]
        self.asked += 1
        return super().get(key, default)


def _bert_ids(emb: StaticEmbedding, text: str) -> list[int]:
    """BERT's greedy longest match, every end tried (the reference)."""
    out: list[int] = []
    for word in text.split():
        if len(word) > 100:
            continue
        start, pieces = 0, list[int]()
        while start < len(word):
            end, found = len(word), -1
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = emb.vocab.get(piece, -1)
                if found >= 0:
                    break
                end -= 1
            if found < 0:
                pieces = []
                break
            pieces.append(found)
            start = end
        out.extend(pieces)
    return out


def test_a_long_word_costs_lookups_in_proportion_to_its_length() -> None:
    """Ends past the longest piece are not tried: a description of long words (an API body
    may be 10 MB) cost some 5,000 lookups a word of 100 letters, 2.5 s of CPU per 100 kB,
    where the TF-IDF spaces cost a fraction of that. The same pieces either way."""
    emb = StaticEmbedding(["q", "##q", "##qq", "ab", "##c"], np.eye(5, dtype=np.float32))
    emb.vocab = _CountingVocab(emb.vocab)
    assert emb.ids("q" * 100) == [0] + [2] * 49 + [1]
    assert emb.vocab.asked <= 100 * 4
    shipped = static_embedding()
    rng = np.random.default_rng(0)
    words = ["".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz0123456789"), n))
             for n in rng.integers(1, 40, 300)]  # fmt: skip
    text = " ".join(words + ["playstation headphones tshirts unaffable"])
    assert shipped.ids(text) == _bert_ids(shipped, text)
