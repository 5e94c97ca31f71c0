"""Okapi BM25 over the ranker's word tokens, as sparse matrices (scikit-learn's counts).

A document collection is stored as its BM25 term weights (terms x documents, CSR):
``idf(t) * tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl))`` with Lucene's idf
``log(1 + (N - df + 0.5) / (df + 0.5))``; a query's score against every document is then one
sparse product of its term-presence row with that matrix (each distinct query term counted
once, as in BM25). Tokens are those of the word TF-IDF space (``clearlane.hs.model``):
``\\b\\w+\\b`` words of normalised text, English stop words removed, unigrams only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

K1 = 1.2
B = 0.75


class BM25:
    """A fitted vocabulary; :meth:`weights` turns a collection into its BM25 matrix."""

    def __init__(self, vocabulary_texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        self.counter = CountVectorizer(
            stop_words="english", token_pattern=r"(?u)\b\w+\b", dtype=np.float32
        )
        self.counter.fit(vocabulary_texts)

    def weights(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """The collection ``texts`` as BM25 weights, terms x documents (its own idf)."""
        counts = self.counter.transform(texts).tocsr().astype(np.float32)
        n_docs = counts.shape[0]
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        avgdl = max(float(lengths.mean()), 1e-9) if n_docs else 1.0
        df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
        idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        norm = K1 * (1.0 - B + B * lengths / avgdl)
        rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))
        tf = counts.data
        counts.data = (idf[counts.indices] * tf * (K1 + 1.0) / (tf + norm[rows])).astype(np.float32)
        return counts.T.tocsr()

    def query(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Term-presence rows of the queries (1 per distinct known term)."""
        q = self.counter.transform(texts).tocsr().astype(np.float32)
        q.data[:] = 1.0
        return q
