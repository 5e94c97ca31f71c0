"""The re-ranker's feature building as it was before it was vectorised (main at 916a7b0,
``clearlane.hs.model.Index.features`` and ``Index._nb``), kept verbatim (``self`` -> ``index``)
as the reference the serving code must match to the bit (tests/hs/test_ranking_parity.py).
Not used by the package. One change since (session 19): the embedding similarities are taken
one query at a time (:func:`_alone`), as the serving code now takes them, so that a batch's
values are those of its descriptions ranked alone (tests/hs/test_batch_independence.py); for
one description that is what the verbatim code computed.

The vectorised code's other steps are row by row (sparse products, maxima, per-row sums),
so they never depended on the batch."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from clearlane.hs.embed import static_embedding
from clearlane.hs.model import (
    NEIGHBOURS,
    PER_HEADING,
    TOP_BAYES,
    TOP_EMB,
    TOP_HEADINGS,
    TOP_OVERALL,
    TOP_POPULAR,
    Index,
    _blas_controller,
    _scatter_max,
    tfidf,
)


def _nb(
    index: Index,
    qw: sparse.csr_matrix,
    qc: sparse.csr_matrix,
    ind: sparse.csr_matrix,
    keep: np.ndarray | None,
    level: str,
    products: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Multinomial naive Bayes log-likelihood of each class (columns of ``ind``), minus the
    best class's, over the word and the character spaces (TF-IDF weights as counts).

    ``keep`` masks the labelled descriptions that may be used (out-of-fold training).
    With additive smoothing a, log((c + a) / (n + a F)) = log(a / (n + a F)) + log1p(c / a):
    the second term is zero wherever a class never saw a feature, so it stays sparse.
    Classes without labelled descriptions get the floor (-50). ``products``: the query's
    products with the serving tables' log counts per space, when already computed
    (:meth:`_stacked`; only without ``keep``).
    """
    # The serving tables (no mask) never change: built once per index and level.
    cache: dict[str, Any] = index.__dict__.setdefault("_nb_cache", {})
    tables = cache.get(level) if keep is None else None
    if tables is None:
        tables = index._nb_tables(ind, keep)
        if keep is None:
            cache[level] = tables
    spaces, has = tables
    total = np.zeros((qw.shape[0], len(has)), dtype=np.float64)
    for space, (q, (log_counts_t, base)) in enumerate(zip((qw, qc), spaces, strict=True)):
        product = (q @ log_counts_t).toarray() if products is None else products[space]
        total += np.asarray(q.sum(axis=1)) * base[None, :] + product
    total[:, ~has] = -np.inf
    total -= total.max(axis=1, keepdims=True)
    return np.maximum(total, -50.0).astype(np.float32)


def _alone(qe: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``qe @ matrix.T`` one query at a time (each row as that query alone computes it)."""
    if not len(qe):
        return qe @ matrix.T
    return np.vstack([qe[i : i + 1] @ matrix.T for i in range(len(qe))])


def features(
    index: Index,
    texts: Sequence[str],
    hidden: np.ndarray | None = None,
    forced: Sequence[Sequence[int]] | None = None,
    unforced: list[bool] | None = None,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Candidates and their feature rows for each (normalised) text.

    ``hidden[i]`` is a boolean mask of labelled documents that text ``i`` must not see
    (out-of-fold training; the naive Bayes statistics use one mask for the whole batch,
    so every row must be the same: a batch comes from one fold); ``forced[i]`` subheading
    indices always made candidates (the declared code, for the check; random wrong codes,
    in training). ``unforced``, when given, gets for each text whether its candidates
    are those it would have without ``forced`` (every forced code a candidate anyway).
    """
    nom = index.nom
    n = len(texts)
    qw = tfidf(index.word, texts)
    qc = tfidf(index.char, texts)
    nb_products: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if hidden is None:  # serving: one product per space (_stacked)
        word, char, where = index._stacked()
        pw, pc = (qw @ word).toarray(), (qc @ char).toarray()
        sub_w, sub_c = pw[:, where["sub"]], pc[:, where["sub"]]
        own_w, own_c = pw[:, where["own"]], pc[:, where["own"]]
        head_w, head_c = pw[:, where["head"]], pc[:, where["head"]]
        ch_w, ch_c = pw[:, where["ch"]], pc[:, where["ch"]]
        tr_w, tr_c = pw[:, where["train"]], pc[:, where["train"]]
        for level in ("sub", "head", "ch"):
            nb_products[level] = (pw[:, where[f"nb_{level}"]], pc[:, where[f"nb_{level}"]])
    else:
        sub_w, sub_c = index._sims(qw, qc, "sub")
        own_w, own_c = index._sims(qw, qc, "own")
        head_w, head_c = index._sims(qw, qc, "head")
        ch_w, ch_c = index._sims(qw, qc, "ch")
        tr_w, tr_c = index._sims(qw, qc, "train")
    tr = 0.5 * (tr_w + tr_c)
    if hidden is not None:
        tr[hidden] = 0.0
    knn_sub = _scatter_max(tr, index.tr_sub, len(nom.subheadings), index._groups("sub"))
    knn_head = _scatter_max(tr, index.tr_head, len(nom.headings), index._groups("head"))
    knn_ch = _scatter_max(tr, index.tr_ch, len(nom.chapters), index._groups("ch"))
    k = min(NEIGHBOURS, tr.shape[1])
    near = np.argpartition(-tr, k - 1, axis=1)[:, :k]
    near_sims = np.take_along_axis(tr, near, axis=1)
    rows = np.repeat(np.arange(n), k)
    vote_sub = np.zeros_like(knn_sub)
    vote_head = np.zeros_like(knn_head)
    vote_ch = np.zeros_like(knn_ch)
    for labels, votes in ((index.tr_sub, vote_sub), (index.tr_head, vote_head),
                          (index.tr_ch, vote_ch)):  # fmt: skip
        lab = labels[near].ravel()
        ok = lab >= 0
        np.add.at(votes, (rows[ok], lab[ok]), near_sims.ravel()[ok])
    keep = None
    if hidden is not None:
        if not (hidden == hidden[0]).all():
            raise ValueError("every text of a batch must hide the same labelled documents")
        keep = ~hidden[0]
    nb_sub = _nb(index, qw, qc, index.ind_sub, keep, "sub", nb_products.get("sub"))
    nb_head = _nb(index, qw, qc, index.ind_head, keep, "head", nb_products.get("head"))
    nb_ch = _nb(index, qw, qc, index.ind_ch, keep, "ch", nb_products.get("ch"))
    nom_head = 0.5 * (head_w + head_c)
    head_score = nom_head + knn_head + 0.5 * vote_head
    nom_sub = 0.5 * (sub_w + sub_c)
    pre = nom_sub + knn_sub + 0.5 * vote_sub + 0.5 * head_score[:, index.sub_head]
    head_order = np.argsort(-head_score, axis=1)
    head_rank = np.empty_like(head_order)
    np.put_along_axis(head_rank, head_order, np.arange(head_order.shape[1])[None, :], axis=1)
    words = np.array([len(t.split()) for t in texts], dtype=np.float32)
    if keep is None:
        prior_sub, prior_head = index.prior_sub, index.prior_head
        parcel_sub, parcel_head = index.parcel_sub, index.parcel_head
    else:
        prior_sub, prior_head, parcel_sub, parcel_head = index._priors(keep)
    popular = np.argsort(-prior_sub, kind="stable")[:TOP_POPULAR]
    qe = static_embedding().encode(texts, index.emb_idf)
    # BLAS on one thread: for a few queries OpenBLAS's threads cost far more CPU than the
    # products (one description: 35 instead of 15 ms CPU on a loaded 2-core machine).
    with _blas_controller().limit(limits=1, user_api="blas"):
        e_sub = _alone(qe, index.emb["sub"])
        e_head = _alone(qe, index.emb["head"])
        # Shifted to 0-2 so that a code without labelled descriptions (0) sits below any.
        e_tr = _alone(qe, index.emb["train"]) + 1.0
    if hidden is not None:
        e_tr[hidden] = 0.0
    e_knn_sub = _scatter_max(e_tr, index.tr_sub, len(nom.subheadings), index._groups("sub")) - 1
    e_knn_head = _scatter_max(e_tr, index.tr_head, len(nom.headings), index._groups("head")) - 1
    e_pre = np.maximum(e_sub, e_knn_sub)
    cands_out: list[np.ndarray] = []
    feats_out: list[np.ndarray] = []
    for i in range(n):
        best = np.argpartition(-pre[i], TOP_OVERALL)[:TOP_OVERALL]
        top_heads = head_order[i, :TOP_HEADINGS]
        inside = np.flatnonzero(np.isin(index.sub_head, top_heads))
        inside = inside[np.argsort(-pre[i, inside])[: PER_HEADING * TOP_HEADINGS]]
        extra = [f for f in forced[i] if f >= 0] if forced is not None else []
        by_nb = np.argpartition(-nb_sub[i], TOP_BAYES)[:TOP_BAYES]
        by_emb = np.argpartition(-e_pre[i], TOP_EMB)[:TOP_EMB]
        cands = np.unique(
            np.concatenate([best, inside, by_nb, popular, by_emb, np.array(extra, dtype=int)])
        )
        if unforced is not None:  # whether the forced codes were candidates anyway
            base = np.unique(np.concatenate([best, inside, by_nb, popular, by_emb]))
            unforced.append(len(base) == len(cands))
        h = index.sub_head[cands]
        c = index.sub_ch[cands]
        cols = [
            sub_w[i, cands],
            sub_c[i, cands],
            own_w[i, cands],
            own_c[i, cands],
            head_w[i, h],
            head_c[i, h],
            ch_w[i, c],
            ch_c[i, c],
            knn_sub[i, cands],
            knn_head[i, h],
            knn_ch[i, c],
            vote_sub[i, cands],
            vote_head[i, h],
            vote_ch[i, c],
            nom_sub[i, cands] - nom_sub[i, cands].max(),
            knn_sub[i, cands] - knn_sub[i, cands].max(),
            head_score[i, h] - head_score[i, h].max(),
            index.is_other[cands],
            index.siblings[cands],
            prior_sub[cands],
            prior_head[h],
            np.full(len(cands), words[i]),
            head_rank[i, h].astype(np.float32),
            nb_sub[i, cands],
            nb_head[i, h],
            nb_ch[i, c],
            parcel_sub[cands],
            parcel_head[h],
            e_sub[i, cands],
            e_head[i, h],
            e_knn_sub[i, cands],
            e_knn_head[i, h],
            e_pre[i, cands] - e_pre[i, cands].max(),
        ]
        cands_out.append(cands)
        feats_out.append(np.column_stack(cols).astype(np.float32))
    return cands_out, feats_out
