"""The contextual-embedding experiment's pieces (clearlane.hs.contextual and the switches of
clearlane.hs.model); the model itself is not a dependency and is not run here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pytest

from clearlane.hs import model as hs_model
from clearlane.hs.contextual import MAX_PIECES, WordPiece

VOCAB = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "un": 4, "##aff": 5, "##able": 6, "x": 7}


def test_word_pieces_are_bert_wordpiece_with_unknown_words() -> None:
    wp = WordPiece(VOCAB)
    assert wp.pieces("unaffable x") == [2, 4, 5, 6, 7, 3]
    # A word that cannot be split, or one over 100 characters, is one [UNK] (as BERT's).
    assert wp.pieces("unzz x") == [2, 1, 7, 3]
    assert wp.pieces("x" * 101) == [2, 1, 3]


def test_pieces_are_cut_to_the_models_length_with_sep_last() -> None:
    ids = WordPiece(VOCAB).pieces(" ".join(["x"] * 400))
    assert len(ids) == MAX_PIECES
    assert ids[0] == 2 and ids[-1] == 3 and set(ids[1:-1]) == {7}


@pytest.fixture
def switches() -> Iterator[None]:
    held = hs_model.TOP_CTX, hs_model.CTX_FEATURES, hs_model.CTX_ENCODER
    yield
    hs_model.TOP_CTX, hs_model.CTX_FEATURES, hs_model.CTX_ENCODER = held


def test_contextual_features_and_candidates_when_switched_on(switches: None) -> None:
    from clearlane.hs.model import Index, load_pairs

    pairs = load_pairs().head(400)
    index = Index(pairs)
    nom = index.nom
    rng = np.random.default_rng(0)

    def unit(n: int) -> np.ndarray:
        v = rng.normal(size=(n, 8)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    index.__dict__["ctx"] = {
        "sub": unit(len(nom.subheadings)),
        "head": unit(len(nom.headings)),
        "train": unit(len(pairs)),
    }
    # The query points at one subheading no lexical space would propose for it.
    target = nom.sub_index["010121"]

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.repeat(index.__dict__["ctx"]["sub"][target][None, :], len(texts), axis=0)

    text = ["mens cotton t shirt"]
    cands_off, feats_off = index.features(text)
    assert target not in cands_off[0]
    hs_model.CTX_ENCODER = encode
    hs_model.TOP_CTX, hs_model.CTX_FEATURES = 5, True
    cands, feats = index.features(text)
    assert target in cands[0]
    assert feats[0].shape == (len(cands[0]), len(hs_model.FEATURES) + 5)
    at = list(cands[0]).index(target)
    names = hs_model.feature_names()
    assert feats[0][at, names.index("ctx_sub")] == pytest.approx(1.0, abs=1e-5)
    assert feats[0][at, names.index("ctx_gap")] == pytest.approx(0.0, abs=1e-6)
    # The other features of the candidates found either way are the same.
    common = [list(cands[0]).index(c) for c in cands_off[0]]
    np.testing.assert_array_equal(feats[0][common, : len(hs_model.FEATURES)], feats_off[0])
