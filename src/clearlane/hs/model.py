"""HS 2022 subheading suggestion: lexical retrieval, then a supervised re-ranker.

1. **Retrieval.** Two TF-IDF spaces (words and word bigrams; character 3-5-grams within
   words, which absorb plurals, typos and truncation) index three kinds of documents: every
   HS 2022 subheading's text enriched with its heading's and chapter's texts, the heading and
   chapter texts alone, and the labelled HMRC descriptions (each a document for its code).
   Over the same spaces, a multinomial naive Bayes classifier of the labelled descriptions at
   each level (subheading, heading, chapter) learns which words decide a code ("socks" does,
   "baby" much less) where nearest neighbours weigh every shared word alike. A third space,
   static word-piece embeddings distilled from all-MiniLM-L6-v2 (``clearlane.hs.embed``),
   relates words the texts do not share ("tee" and "T-shirts").
2. **Candidates, hierarchically.** Headings are scored (nomenclature similarity + nearest
   labelled descriptions of that heading); candidates are the best subheadings overall, the
   best subheadings inside the three best headings, the naive Bayes classifier's best ten, the
   ten nearest by embedding and the twenty subheadings that label the most descriptions (a
   fallback for brand-only titles).
3. **Re-ranking.** A LightGBM classifier scores each (description, candidate) pair from
   features at the three levels (chapter, heading, subheading): nomenclature similarities,
   nearest-neighbour similarity and votes of labelled descriptions, the naive Bayes
   log-likelihoods (relative to the best class), and the nomenclature's structure (number of
   sibling subheadings, residual "Other" subheadings, how often the code and heading occur in
   the training data, overall and in the e-commerce sources). Scores are normalised over the
   candidates of a description, so they read as a probability over the suggested codes.

The re-ranker is trained out of fold: the features of a training description are computed
with the labelled documents of its own fold hidden (folds grouped by normalised description,
so a repeated description never sees itself).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from clearlane.hs.embed import EMBEDDING_FILE, static_embedding
from clearlane.hs.nomenclature import Nomenclature, nomenclature, normalise

if TYPE_CHECKING:
    import lightgbm as lgb
    import pandas as pd
    from scipy import sparse

log = logging.getLogger(__name__)

TOP_OVERALL = 40  # candidates from the whole nomenclature
TOP_HEADINGS = 3  # headings whose best subheadings are always candidates
PER_HEADING = 12  # subheadings taken from each of those headings
NEIGHBOURS = 10  # labelled descriptions that vote
TOP_BAYES = 10  # candidates from the naive Bayes classifier over labelled descriptions
BAYES_ALPHA = 0.01  # its additive smoothing (TF-IDF weights as pseudo-counts)
TOP_POPULAR = 20  # the most frequent labelled subheadings, always candidates (a fallback)
# Sources of real e-commerce lines: how often a code is theirs is a feature of its own.
PARCEL_SOURCES = ("uk-fpo-parcel-items", "uk-fpo-brands")
TOP_EMB = 10  # candidates from the static embeddings (nearest subheading or description)
BATCH = 256
#: The characters of a goods description the ranker (and the check, clearlane.hs.api) looks
#: at: a longer text is ranked as its first MAX_RANKED characters. The ranking's cost grows
#: with the text (some 0.2-0.9 CPU s for 100 kB against ~10 ms for 1 kB) and a description
#: says what the goods are in its first words; `clearlane hs check` refuses longer ones and
#: a declaration's description is at most 512 (WCO an..512).
MAX_RANKED = 1_000
_RANKED_CHAR = re.compile(r"[0-9A-Za-z]")  # what normalise keeps (after lower-casing)


def ranked_head(description: str) -> str:
    """The part of ``description`` the ranker looks at: all of it up to MAX_RANKED characters,
    else MAX_RANKED characters from its first letter or digit, so that a long text laid out
    with whitespace, dot leaders or rules before its words is not ranked as a blank one."""
    if len(description) <= MAX_RANKED:
        return description
    first = _RANKED_CHAR.search(description)
    start = first.start() if first is not None else 0
    return description[start : start + MAX_RANKED]


FEATURES = [
    "nom_sub_word",
    "nom_sub_char",
    "own_sub_word",
    "own_sub_char",
    "nom_head_word",
    "nom_head_char",
    "nom_ch_word",
    "nom_ch_char",
    "knn_sub",
    "knn_head",
    "knn_ch",
    "vote_sub",
    "vote_head",
    "vote_ch",
    "gap_nom_sub",
    "gap_knn_sub",
    "gap_head",
    "is_other",
    "siblings",
    "prior_sub",
    "prior_head",
    "query_words",
    "head_rank",
    "nb_sub",
    "nb_head",
    "nb_ch",
    "prior_parcel_sub",
    "prior_parcel_head",
    # Static embeddings (clearlane.hs.embed): cosine to the subheading's and heading's texts,
    # to the nearest labelled description of the subheading and heading, and the gap of the
    # better of the first and third to the best candidate's.
    "emb_sub",
    "emb_head",
    "emb_knn_sub",
    "emb_knn_head",
    "emb_gap",
]
_AT = {name: k for k, name in enumerate(FEATURES)}
# Where Index.features puts the values it gathers per candidate, per heading, per chapter.
_SUB_AT = [_AT[f] for f in ("nom_sub_word", "nom_sub_char", "own_sub_word", "own_sub_char",
                            "knn_sub", "vote_sub", "nb_sub", "emb_sub", "emb_knn_sub")]  # fmt: skip
_HEAD_AT = [_AT[f] for f in ("nom_head_word", "nom_head_char", "knn_head", "vote_head",
                             "nb_head", "emb_head", "emb_knn_head")]  # fmt: skip
_CH_AT = [_AT[f] for f in ("nom_ch_word", "nom_ch_char", "knn_ch", "vote_ch", "nb_ch")]
_STATIC_SUB_AT = [_AT[f] for f in ("is_other", "siblings", "prior_sub", "prior_parcel_sub")]
_STATIC_HEAD_AT = [_AT[f] for f in ("prior_head", "prior_parcel_head")]
_GAPS = [_AT[f] for f in ("gap_nom_sub", "gap_knn_sub", "gap_head", "emb_gap")]
_KNN_SUB, _WORDS, _HEAD_RANK = _AT["knn_sub"], _AT["query_words"], _AT["head_rank"]


def data_path(name: str) -> Path:
    return Path(str(resources.files("clearlane.hs") / "data" / name))


def load_pairs(path: Path | None = None) -> pd.DataFrame:
    """The shipped HMRC pairs (see ``data/NOTICE.md``), with ``hs6``/``hs4``/``hs2`` labels."""
    import pandas as pd

    frame = pd.read_csv(path or data_path("hmrc_pairs.csv"), dtype=str, keep_default_na=False)
    return label_pairs(frame)


def label_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``hs6``, ``hs4``, ``hs2`` (HS 2022; empty where the label does not reach that level
    or the code is not in HS 2022) and drop rows without any usable label."""
    nom = nomenclature()
    code = frame["code"].astype(str).str.replace(r"\D", "", regex=True)
    hs6 = code.str[:6].where(code.str.len() >= 6, "")
    hs6 = hs6.where(hs6.isin(nom.sub_index), "")
    hs4 = code.str[:4].where(code.str.len() >= 4, "")
    hs4 = hs4.where(hs4.isin(nom.head_index), "")
    hs2 = code.str[:2].where(code.str[:2].isin(nom.chapter_index), "")
    out = frame.assign(hs6=hs6, hs4=hs4, hs2=hs2, text=frame["description"].map(normalise))
    return out[(out["hs2"] != "") & (out["text"] != "")].reset_index(drop=True)


LabelGroups = tuple[np.ndarray, np.ndarray, np.ndarray]

# The document matrices a query is compared with, in the order of Index._stacked.
_SERVED = ("sub", "own", "head", "ch", "train")


def tfidf(vectorizer: Any, texts: Sequence[str]) -> sparse.csr_matrix:
    """``vectorizer.transform(texts)`` for the index's fitted TF-IDF vectorizers (sublinear
    tf, l2 norm, idf, counts as float32) without scikit-learn's input checks and dispatch,
    which cost more than the transform on one description: the same steps on the same arrays
    (counts of the fitted vocabulary, log + 1, times idf, rows scaled to unit l2 norm), so the
    same matrix to the bit. Any other configuration runs ``transform``."""
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    inner = getattr(vectorizer, "_tfidf", None)
    count_vocab = getattr(vectorizer, "_count_vocab", None)
    if (
        isinstance(texts, str)
        or inner is None
        or count_vocab is None
        or vectorizer.binary
        or not inner.sublinear_tf
        or inner.norm != "l2"
        or not inner.use_idf
        or not hasattr(inner, "idf_")
        or vectorizer.dtype not in (np.float32, np.float64)
    ):
        return vectorizer.transform(texts)
    _, x = count_vocab(texts, fixed_vocab=True)
    np.log(x.data, x.data)
    x.data += 1.0
    x.data *= inner.idf_[x.indices]
    inplace_csr_row_normalize_l2(x)
    return x


def _label_groups(labels: np.ndarray) -> LabelGroups:
    """The columns of ``labels`` grouped by label (labels < 0 left out): the column order, the
    label of each group and where each group starts in that order."""
    keep = np.flatnonzero(labels >= 0)
    if keep.size == 0:
        return keep, keep, keep
    order = keep[np.argsort(labels[keep], kind="stable")]
    sorted_labels = labels[order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    return order, sorted_labels[starts], starts


def _scatter_max(
    sims: np.ndarray, labels: np.ndarray, size: int, groups: LabelGroups | None = None
) -> np.ndarray:
    """Per row, the maximum of ``sims`` over the columns of each label (labels < 0 ignored);
    ``groups``: :func:`_label_groups` of ``labels``, when already at hand."""
    out = np.zeros((sims.shape[0], size), dtype=np.float32)
    order, targets, starts = groups if groups is not None else _label_groups(labels)
    if order.size == 0:
        return out
    out[:, targets] = np.maximum.reduceat(sims[:, order], starts, axis=1)
    return out


def _similarities(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """``queries @ matrix.T`` (one row per query, one column per row of ``matrix``), each
    query's row computed alone, as ``matrix @ query`` (one matrix-vector product a query), so
    that a description's similarities, hence its features and ranking, are the same bits
    whatever else is in its batch (``tests/hs/test_batch_independence.py``). One product for
    the whole batch (``(matrix @ queries.T).T``, a matrix-matrix kernel) summed in another
    order than the matrix-vector kernel that one query takes: a description ranked in a batch
    differed from the same one ranked alone in the float32 last bits (up to 9e-7 here), which
    once crossed a re-ranker split (session 19). The matrix-vector product of one query is the
    one a single query took before, to the bit, so a description ranked alone keeps its
    values; a batch costs about twice the CPU of the one product for these three products
    (36 -> 75 ms for 256 queries, docs/performance.md session 19).

    Only for float32 operands both C-contiguous (as :meth:`Index.features` passes them): other
    inputs (float64, mixed dtypes, Fortran order, strides) get ``queries @ matrix.T`` itself."""
    if not (
        queries.dtype == matrix.dtype == np.float32
        and queries.flags.c_contiguous
        and matrix.flags.c_contiguous
    ):
        return queries @ matrix.T
    out = np.empty((queries.shape[0], matrix.shape[0]), dtype=np.float32)
    for i in range(queries.shape[0]):
        np.matmul(matrix, queries[i], out=out[i])
    return out


@cache
def _blas_controller() -> Any:
    """threadpoolctl's view of the loaded thread pools, taken once (it inspects every loaded
    library: too dear per call)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


class Index:
    """The TF-IDF spaces and every document matrix, built from shipped data in a few seconds."""

    def __getstate__(self) -> dict[str, Any]:
        # The naive Bayes tables are derived: rebuilt on first use, never written to the cache.
        return {k: v for k, v in self.__dict__.items() if k != "_nb_cache"}

    def __init__(self, pairs: pd.DataFrame, nom: Nomenclature | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.nom = nom = nom or nomenclature()
        self.pairs = pairs
        subs, heads, chs = nom.subheadings, nom.headings, nom.chapters
        enriched = [normalise(nom.enriched(c)) for c in subs]
        own = [normalise(nom.title(c)) for c in subs]
        head_texts = [normalise(nom.title(h) + " ; " + nom.title(h[:2])) for h in heads]
        ch_texts = [normalise(nom.title(c)) for c in chs]
        train_texts = pairs["text"].tolist()
        corpus = enriched + train_texts
        self.word = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            stop_words="english",
            token_pattern=r"(?u)\b\w+\b",
            dtype=np.float32,
        )
        self.char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, dtype=np.float32
        )
        # fit_transform once over the corpus; its rows are the subheading and training docs.
        cw = self.word.fit_transform(corpus)
        cc = self.char.fit_transform(corpus)
        split = len(enriched)
        self.docs: dict[str, tuple[sparse.csr_matrix, sparse.csr_matrix]] = {
            "sub": (cw[:split].T.tocsr(), cc[:split].T.tocsr()),
            "train": (cw[split:].T.tocsr(), cc[split:].T.tocsr()),
        }
        for name, texts in (("own", own), ("head", head_texts), ("ch", ch_texts)):
            self.docs[name] = (
                self.word.transform(texts).T.tocsr(),
                self.char.transform(texts).T.tocsr(),
            )
        self.sub_head = np.array([nom.head_index[c[:4]] for c in subs])
        self.sub_ch = np.array([nom.chapter_index[c[:2]] for c in subs])
        self.tr_sub = np.array([nom.sub_index.get(c, -1) for c in pairs["hs6"]])
        self.tr_head = np.array([nom.head_index.get(c, -1) for c in pairs["hs4"]])
        self.tr_ch = np.array([nom.chapter_index.get(c, -1) for c in pairs["hs2"]])
        from scipy import sparse as sp

        def indicator(labels: np.ndarray, size: int) -> sparse.csr_matrix:
            ok = np.flatnonzero(labels >= 0)
            return sp.csr_matrix(
                (np.ones(ok.size, dtype=np.float32), (ok, labels[ok])), shape=(len(labels), size)
            )

        self.tr_x = (cw[split:].tocsr(), cc[split:].tocsr())
        self.ind_sub = indicator(self.tr_sub, len(subs))
        self.ind_head = indicator(self.tr_head, len(heads))
        self.ind_ch = indicator(self.tr_ch, len(chs))
        self.siblings_per_head = siblings = np.bincount(self.sub_head, minlength=len(heads))
        self.siblings = siblings[self.sub_head].astype(np.float32)
        self.is_other = np.array(
            [nom.title(c).lower().split(";")[-1].strip().startswith("other") for c in subs],
            dtype=np.float32,
        )
        self.parcel = pairs["source"].isin(PARCEL_SOURCES).to_numpy()
        # Static embeddings: IDF weights from the same corpus as the TF-IDF spaces.
        emb = static_embedding()
        self.emb_idf = emb.idf(corpus)
        sub_texts = [normalise(nom.title(c) + " ; " + nom.title(c[:4])) for c in subs]
        self.emb = {
            "sub": emb.encode(sub_texts, self.emb_idf),
            "head": emb.encode([normalise(nom.title(h)) for h in heads], self.emb_idf),
            "train": emb.encode(train_texts, self.emb_idf),
        }
        self.prior_sub, self.prior_head, self.parcel_sub, self.parcel_head = self._priors(None)

    def _priors(self, keep: np.ndarray | None) -> tuple[np.ndarray, ...]:
        """log1p of how often each subheading and heading labels a description, over every
        source and over the parcel sources, counting only the labelled descriptions in
        ``keep`` (all when None). In out-of-fold training a description's own fold is left
        out here as everywhere else: counted, its own label made every true code look seen at
        least once, which no new description's true code is."""
        n_sub, n_head = len(self.sub_head), len(self.siblings_per_head)
        out = []
        for mask in (None, self.parcel):
            if keep is not None:
                mask = keep if mask is None else mask & keep
            ts = self.tr_sub if mask is None else self.tr_sub[mask]
            th = self.tr_head if mask is None else self.tr_head[mask]
            out.append(np.log1p(np.bincount(ts[ts >= 0], minlength=n_sub)).astype(np.float32))
            out.append(np.log1p(np.bincount(th[th >= 0], minlength=n_head)).astype(np.float32))
        return out[0], out[1], out[2], out[3]

    # -- similarities -------------------------------------------------------------------

    def _sims(self, qw: sparse.csr_matrix, qc: sparse.csr_matrix, name: str) -> tuple:
        dw, dc = self.docs[name]
        return (qw @ dw).toarray(), (qc @ dc).toarray()

    def _stacked(self) -> tuple[sparse.csr_matrix, sparse.csr_matrix, dict[str, slice]]:
        """Per space, every matrix a serving query is multiplied with (the documents of
        :data:`_SERVED`, then the naive Bayes log-count tables of each level) side by side,
        and where each one's columns are: one product per space instead of sixteen, whose
        Python and scipy overhead was about a third of ranking one description. Each column of
        a sparse product is accumulated over the query's terms in the same order either way,
        so the values are the same to the bit. Built once per index (not pickled)."""
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        held = cache.get("stacked")
        if held is None:
            from scipy import sparse as sp

            blocks: list[tuple[str, tuple[sparse.csr_matrix, sparse.csr_matrix]]] = [
                (name, self.docs[name]) for name in _SERVED
            ]
            for level in ("sub", "head", "ch"):
                spaces, _ = self._serving_nb(level)
                blocks.append((f"nb_{level}", (spaces[0][0], spaces[1][0])))
            where: dict[str, slice] = {}
            start = 0
            for name, (w, _) in blocks:
                where[name] = slice(start, start + w.shape[1])
                start += w.shape[1]
            word = sp.hstack([w for _, (w, _) in blocks], format="csr")
            char = sp.hstack([c for _, (_, c) in blocks], format="csr")
            held = cache["stacked"] = (word, char, where)
        return held

    def _serving_nb(self, level: str) -> tuple[list[tuple[sparse.csr_matrix, np.ndarray]], Any]:
        """The naive Bayes tables of ``level`` over every labelled description (built once)."""
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        tables = cache.get(level)
        if tables is None:
            tables = cache[level] = self._nb_tables(getattr(self, f"ind_{level}"), None)
        return tables

    def _nb(
        self,
        qw: sparse.csr_matrix,
        qc: sparse.csr_matrix,
        ind: sparse.csr_matrix,
        keep: np.ndarray | None,
        level: str,
        products: tuple[np.ndarray, np.ndarray] | None = None,
        sums: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> np.ndarray:
        """Multinomial naive Bayes log-likelihood of each class (columns of ``ind``), minus the
        best class's, over the word and the character spaces (TF-IDF weights as counts).

        ``keep`` masks the labelled descriptions that may be used (out-of-fold training).
        With additive smoothing a, log((c + a) / (n + a F)) = log(a / (n + a F)) + log1p(c / a):
        the second term is zero wherever a class never saw a feature, so it stays sparse.
        Classes without labelled descriptions get the floor (-50). ``products``: the query's
        products with the serving tables' log counts per space, when already computed
        (:meth:`_stacked`; only without ``keep``). ``sums``: the query rows' sums per space,
        when already computed (the same for every level).
        """
        # The serving tables (no mask) never change: built once per index and level.
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        tables = cache.get(level) if keep is None else None
        if tables is None:
            tables = self._nb_tables(ind, keep)
            if keep is None:
                cache[level] = tables
        spaces, has = tables
        total = np.zeros((qw.shape[0], len(has)), dtype=np.float64)
        for space, (q, (log_counts_t, base)) in enumerate(zip((qw, qc), spaces, strict=True)):
            product = (q @ log_counts_t).toarray() if products is None else products[space]
            row_sums = np.asarray(q.sum(axis=1)) if sums is None else sums[space]
            total += row_sums * base[None, :] + product
        total[:, self._classless(level, has)] = -np.inf
        total -= total.max(axis=1, keepdims=True)
        return np.maximum(total, -50.0).astype(np.float32)

    def _classless(self, level: str, has: np.ndarray) -> np.ndarray:
        """The classes of ``level`` without labelled descriptions (``~has``), kept while
        ``has`` is the same array (the serving tables')."""
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        held = cache.get(f"classless:{level}")
        if held is None or held[0] is not has:
            held = cache[f"classless:{level}"] = (has, np.flatnonzero(~has))
        return held[1]

    def _groups(self, level: str) -> LabelGroups:
        """:func:`_label_groups` of the labelled documents' ``level`` labels, built once per
        index (an argsort over every labelled document, which each ranking repeated)."""
        labels: np.ndarray = getattr(self, f"tr_{level}")
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        held = cache.get(f"groups:{level}")
        if held is None or held[0] is not labels:
            held = cache[f"groups:{level}"] = (labels, _label_groups(labels))
        return held[1]

    def _nb_tables(
        self, ind: sparse.csr_matrix, keep: np.ndarray | None
    ) -> tuple[list[tuple[sparse.csr_matrix, np.ndarray]], np.ndarray]:
        """Per space, the classes' log1p(count / a) (features x classes) and their
        log(a / (n + a F)); and which classes have labelled descriptions."""
        if keep is not None:
            ind = ind[keep]
        spaces = []
        for x in self.tr_x:
            if keep is not None:
                x = x[keep]
            counts = (ind.T @ x).tocsr()
            sums = np.asarray(counts.sum(axis=1)).ravel()
            counts.data = np.log1p(counts.data / BAYES_ALPHA)
            base = np.log(BAYES_ALPHA / (sums + BAYES_ALPHA * x.shape[1]))
            spaces.append((counts.T.tocsr(), base))
        return spaces, np.asarray(ind.sum(axis=0)).ravel() > 0

    def _popular(self, prior_sub: np.ndarray, serving: bool) -> np.ndarray:
        """The TOP_POPULAR subheadings that label the most descriptions (ties in code order);
        built once per index for the serving priors."""
        if not serving:
            return np.argsort(-prior_sub, kind="stable")[:TOP_POPULAR]
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        held = cache.get("popular")
        if held is None:
            held = cache["popular"] = np.argsort(-prior_sub, kind="stable")[:TOP_POPULAR]
        return held

    def _static_columns(self, prior_sub: np.ndarray, prior_head: np.ndarray,
                        parcel_sub: np.ndarray, parcel_head: np.ndarray, serving: bool
                        ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """The features that depend on the code alone, one row each: per subheading
        is_other, siblings, prior_sub, prior_parcel_sub; per heading prior_head,
        prior_parcel_head. Built once per index for the serving priors."""
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        held = cache.get("static") if serving else None
        if held is None:
            held = (np.stack([self.is_other, self.siblings, prior_sub, parcel_sub]),
                    np.stack([prior_head, parcel_head]))  # fmt: skip
            if serving:
                cache["static"] = held
        return held

    def _subheadings_of(self, heads: np.ndarray) -> np.ndarray:
        """The subheadings of ``heads``, in index order (``np.flatnonzero(np.isin(sub_head,
        heads))``): from each heading's run of subheadings (subheadings are in code order,
        so a heading's are consecutive), found once per index."""
        cache: dict[str, Any] = self.__dict__.setdefault("_nb_cache", {})
        runs = cache.get("runs")
        if runs is None:
            sub_head = self.sub_head
            if (np.diff(sub_head) >= 0).all():
                bounds = np.searchsorted(sub_head, np.arange(len(self.siblings_per_head) + 1))
                runs = cache["runs"] = [np.arange(a, b) for a, b in
                                        zip(bounds[:-1], bounds[1:], strict=True)]  # fmt: skip
            else:  # not in code order: no runs to take
                runs = cache["runs"] = []
        if not runs:
            return np.flatnonzero(np.isin(self.sub_head, heads))
        return np.concatenate([runs[h] for h in np.sort(heads)])

    def features(
        self,
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
        nom = self.nom
        n = len(texts)
        qw = tfidf(self.word, texts)
        qc = tfidf(self.char, texts)
        nb_products: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if hidden is None:  # serving: one product per space (_stacked)
            word, char, where = self._stacked()
            pw, pc = (qw @ word).toarray(), (qc @ char).toarray()
            sub_w, sub_c = pw[:, where["sub"]], pc[:, where["sub"]]
            own_w, own_c = pw[:, where["own"]], pc[:, where["own"]]
            head_w, head_c = pw[:, where["head"]], pc[:, where["head"]]
            ch_w, ch_c = pw[:, where["ch"]], pc[:, where["ch"]]
            tr_w, tr_c = pw[:, where["train"]], pc[:, where["train"]]
            for level in ("sub", "head", "ch"):
                nb_products[level] = (pw[:, where[f"nb_{level}"]], pc[:, where[f"nb_{level}"]])
        else:
            sub_w, sub_c = self._sims(qw, qc, "sub")
            own_w, own_c = self._sims(qw, qc, "own")
            head_w, head_c = self._sims(qw, qc, "head")
            ch_w, ch_c = self._sims(qw, qc, "ch")
            tr_w, tr_c = self._sims(qw, qc, "train")
        tr = 0.5 * (tr_w + tr_c)
        if hidden is not None:
            tr[hidden] = 0.0
        qe = static_embedding().encode(texts, self.emb_idf)
        # BLAS on one thread: for a few queries OpenBLAS's threads cost far more CPU than the
        # products (one description: 35 instead of 15 ms CPU on a loaded 2-core machine).
        with _blas_controller().limit(limits=1, user_api="blas"):
            e_sub = _similarities(qe, self.emb["sub"])
            e_head = _similarities(qe, self.emb["head"])
            # Shifted to 0-2 so that a code without labelled descriptions (0) sits below any.
            e_tr = _similarities(qe, self.emb["train"]) + 1.0
        if hidden is not None:
            e_tr[hidden] = 0.0
        # The TF-IDF and the embedding similarities to the labelled documents, maximised per
        # subheading and per heading in one gather and one reduceat each (rows 0..n-1 TF-IDF,
        # n..2n-1 embeddings): a maximum is exact, so the same values as one call per kind.
        both = np.concatenate([tr, e_tr])
        knn_both_sub = _scatter_max(both, self.tr_sub, len(nom.subheadings), self._groups("sub"))
        knn_both_head = _scatter_max(both, self.tr_head, len(nom.headings), self._groups("head"))
        knn_sub, e_knn_sub = knn_both_sub[:n], knn_both_sub[n:] - 1
        knn_head, e_knn_head = knn_both_head[:n], knn_both_head[n:] - 1
        knn_ch = _scatter_max(tr, self.tr_ch, len(nom.chapters), self._groups("ch"))
        k = min(NEIGHBOURS, tr.shape[1])
        near = np.argpartition(-tr, k - 1, axis=1)[:, :k]
        near_sims = np.take_along_axis(tr, near, axis=1)
        rows = np.repeat(np.arange(n), k)
        vote_sub = np.zeros_like(knn_sub)
        vote_head = np.zeros_like(knn_head)
        vote_ch = np.zeros_like(knn_ch)
        for labels, votes in ((self.tr_sub, vote_sub), (self.tr_head, vote_head),
                              (self.tr_ch, vote_ch)):  # fmt: skip
            lab = labels[near].ravel()
            ok = lab >= 0
            np.add.at(votes, (rows[ok], lab[ok]), near_sims.ravel()[ok])
        keep = None
        if hidden is not None:
            if not (hidden == hidden[0]).all():
                raise ValueError("every text of a batch must hide the same labelled documents")
            keep = ~hidden[0]
        sums = (np.asarray(qw.sum(axis=1)), np.asarray(qc.sum(axis=1)))
        nb_sub = self._nb(qw, qc, self.ind_sub, keep, "sub", nb_products.get("sub"), sums)
        nb_head = self._nb(qw, qc, self.ind_head, keep, "head", nb_products.get("head"), sums)
        nb_ch = self._nb(qw, qc, self.ind_ch, keep, "ch", nb_products.get("ch"), sums)
        nom_head = 0.5 * (head_w + head_c)
        head_score = nom_head + knn_head + 0.5 * vote_head
        nom_sub = 0.5 * (sub_w + sub_c)
        pre = nom_sub + knn_sub + 0.5 * vote_sub + 0.5 * head_score[:, self.sub_head]
        head_order = np.argsort(-head_score, axis=1)
        head_rank = np.empty_like(head_order)
        np.put_along_axis(head_rank, head_order, np.arange(head_order.shape[1])[None, :], axis=1)
        words = np.array([len(t.split()) for t in texts], dtype=np.float32)
        if keep is None:
            prior_sub, prior_head = self.prior_sub, self.prior_head
            parcel_sub, parcel_head = self.parcel_sub, self.parcel_head
        else:
            prior_sub, prior_head, parcel_sub, parcel_head = self._priors(keep)
        popular = self._popular(prior_sub, keep is None)
        e_pre = np.maximum(e_sub, e_knn_sub)
        cands_out: list[np.ndarray] = []
        feats_out: list[np.ndarray] = []
        # Each feature is one of these arrays' values at the candidate (_BY_SUB), its heading
        # (_BY_HEAD) or its chapter (_BY_CH): gathered per level as one matrix, then put in
        # the order of FEATURES (the same float32 values the per-column code gave).
        by_sub = (sub_w, sub_c, own_w, own_c, knn_sub, vote_sub, nb_sub, e_sub, e_knn_sub)
        by_head = (head_w, head_c, knn_head, vote_head, nb_head, e_head, e_knn_head)
        by_ch = (ch_w, ch_c, knn_ch, vote_ch, nb_ch)
        static_sub, static_head = self._static_columns(prior_sub, prior_head, parcel_sub,
                                                       parcel_head, keep is None)  # fmt: skip
        neg_pre, neg_nb, neg_e_pre = -pre, -nb_sub, -e_pre
        for i in range(n):
            best = np.argpartition(neg_pre[i], TOP_OVERALL)[:TOP_OVERALL]
            inside = self._subheadings_of(head_order[i, :TOP_HEADINGS])
            inside = inside[np.argsort(neg_pre[i, inside])[: PER_HEADING * TOP_HEADINGS]]
            by_nb = np.argpartition(neg_nb[i], TOP_BAYES)[:TOP_BAYES]
            by_emb = np.argpartition(neg_e_pre[i], TOP_EMB)[:TOP_EMB]
            cands = np.unique(np.concatenate([best, inside, by_nb, popular, by_emb]))
            extra = [f for f in forced[i] if f >= 0] if forced is not None else []
            if extra:
                base = cands
                cands = np.unique(np.concatenate([base, np.array(extra, dtype=int)]))
                if unforced is not None:  # whether the forced codes were candidates anyway
                    unforced.append(len(base) == len(cands))
            elif unforced is not None:
                unforced.append(True)
            h = self.sub_head[cands]
            c = self.sub_ch[cands]
            out = np.empty((len(FEATURES), len(cands)), dtype=np.float32)
            out[_SUB_AT] = [a[i][cands] for a in by_sub]
            out[_HEAD_AT] = [a[i][h] for a in by_head]
            out[_CH_AT] = [a[i][c] for a in by_ch]
            out[_STATIC_SUB_AT] = static_sub[:, cands]
            out[_STATIC_HEAD_AT] = static_head[:, h]
            nom_c, head_c_score, e_pre_c = nom_sub[i][cands], head_score[i][h], e_pre[i][cands]
            knn_c = out[_KNN_SUB]
            out[_GAPS] = [
                nom_c - nom_c.max(),
                knn_c - knn_c.max(),
                head_c_score - head_c_score.max(),
                e_pre_c - e_pre_c.max(),
            ]
            out[_WORDS] = words[i]
            out[_HEAD_RANK] = head_rank[i][h].astype(np.float32)
            cands_out.append(cands)
            feats_out.append(np.ascontiguousarray(out.T))
        return cands_out, feats_out


@dataclass
class Ranked:
    """One description's candidates, best first, with scores summing to 1."""

    codes: list[str]
    scores: np.ndarray

    def score_of(self, code: str) -> float:
        return float(self.scores[self.codes.index(code)]) if code in self.codes else 0.0

    def mass(self, prefix: str) -> float:
        """Score of all candidates under ``prefix`` (a chapter or heading)."""
        return float(sum(s for c, s in zip(self.codes, self.scores, strict=True)
                         if c.startswith(prefix)))  # fmt: skip


class _Rankings:
    """Rankings of normalised descriptions without a forced code, kept in this process (least
    recently used out first): candidate indices best first and their scores.

    A ranking depends on the normalised text and on the forced code only through the
    candidates: a forced code that is a candidate anyway changes nothing (the same candidate
    set, the same features, the same scores, bit for bit). So a description ranked before is
    not ranked again for another declared code that was among its candidates: in the API's
    traffic the same description comes with several codes (the HS checks themselves are kept
    per (description, code) in the store and in ``clearlane.features.facts``)."""

    def __init__(self, size: int) -> None:
        from collections import OrderedDict

        self.size = size
        self._lock = threading.Lock()
        self._held: OrderedDict[str, tuple[np.ndarray, np.ndarray, frozenset[int]]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, text: str) -> tuple[np.ndarray, np.ndarray, frozenset[int]] | None:
        with self._lock:
            held = self._held.get(text)
            if held is not None:
                self._held.move_to_end(text)
            return held

    def put(self, text: str, order: np.ndarray, scores: np.ndarray) -> None:
        with self._lock:
            self._held[text] = (order, scores, frozenset(order.tolist()))
            self._held.move_to_end(text)
            while len(self._held) > self.size:
                self._held.popitem(last=False)

    def count(self, hits: int, misses: int) -> None:
        """Count ``hits`` descriptions served from here and ``misses`` ranked anew (under the
        lock: racing rankers' ``+=`` lost updates without it)."""
        with self._lock:
            self.hits += hits
            self.misses += misses

    def clear(self) -> None:
        with self._lock:
            self._held.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._held)


#: About 1.5 kB a ranking (some 80 candidates): 10,000 descriptions, some 15 MB per process.
RANKINGS_KEPT = 10_000

#: Changes whenever what a ranking computes from the same index and re-ranker changes (the
#: features, the candidates, the scores' arithmetic): part of :meth:`HSModel.ranking_key`, so
#: rankings stored by other code (``hs_rankings``) are not read. "alone-1": each description's
#: embedding products taken alone (session 19; batches differed in the last bits before).
RANKING_VERSION = "alone-1"


def _libraries() -> str:
    """The versions of the libraries whose arithmetic a ranking's bits depend on, BLAS
    included with the CPU kernels it chose (another build, or OpenBLAS on another processor
    family, sums in another order: two servers of one store on different CPUs do not share
    rankings)."""
    import lightgbm
    import scipy
    import sklearn

    blas = sorted(f"{m.get('internal_api')} {m.get('version')} {m.get('architecture')}"
                  for m in _blas_controller().info() if m.get("user_api") == "blas")  # fmt: skip
    return f"numpy {np.__version__} scipy {scipy.__version__} sklearn {sklearn.__version__} " \
        f"lightgbm {lightgbm.__version__} {' '.join(blas)}"  # fmt: skip


class HSModel:
    """Index + re-ranker. ``rank`` is the one entry point; ``clearlane.hs.api`` wraps it."""

    def __init__(self, index: Index, booster: lgb.Booster) -> None:
        self.index = index
        self.booster = booster
        self.rankings = _Rankings(RANKINGS_KEPT)

    def ranking_key(self) -> str:
        """What this model's rankings depend on besides the text, hashed (16 hex digits): the
        re-ranker (its whole model text), the index (the labelled pairs, the nomenclature's
        subheadings, the embedding and its IDF weights), :data:`RANKING_VERSION` and the
        libraries' versions. A ranking stored under one key is read only by a model with the
        same key: a retrained re-ranker, another index or other ranking code does not read
        old rankings. Computed once per model (about 0.2 CPU s; the server's warm-up does it)."""
        key: str | None = self.__dict__.get("_ranking_key")
        if key is None:
            import hashlib

            import pandas as pd

            index = self.index
            digest = hashlib.sha256()
            digest.update(f"{RANKING_VERSION} {_libraries()}\n".encode())
            digest.update(self.booster.model_to_string().encode())
            pairs = index.pairs
            digest.update(pd.util.hash_pandas_object(pairs, index=False).to_numpy().tobytes())
            digest.update("\n".join(index.nom.subheadings).encode())
            digest.update(np.ascontiguousarray(index.emb_idf).tobytes())
            digest.update(np.ascontiguousarray(static_embedding().vectors).tobytes())
            for name in sorted(index.emb):
                digest.update(np.ascontiguousarray(index.emb[name]).tobytes())
            key = self.__dict__["_ranking_key"] = digest.hexdigest()[:16]
        return key

    def unranked(self, descriptions: Sequence[str], forced: Sequence[str | None]) -> list[str]:
        """The normalised texts of ``descriptions`` that :meth:`rank` (with ``forced``) would
        rank anew: not in :attr:`rankings`, or held without their forced code among the
        candidates (in the order given, each once)."""
        sub_index = self.index.nom.sub_index
        out: dict[str, None] = {}
        for description, code in zip(descriptions, forced, strict=True):
            text = normalise(ranked_head(description))
            held = self.rankings.get(text)
            f = sub_index.get(code or "", -1)
            if held is None or (f >= 0 and f not in held[2]):
                out[text] = None
        return list(out)

    def held(self, text: str) -> tuple[list[str], np.ndarray] | None:
        """The kept ranking of a normalised text (codes best first, scores), if any."""
        held = self.rankings.get(text)
        if held is None:
            return None
        subheadings = self.index.nom.subheadings
        return [subheadings[j] for j in held[0]], held[1]

    def keep(self, text: str, codes: Sequence[str], scores: Sequence[float]) -> None:
        """Keep a ranking of a normalised text made elsewhere (another process, stored): as
        :meth:`rank` keeps its own, so that it is not ranked again."""
        sub_index = self.index.nom.sub_index
        order = np.array([sub_index[c] for c in codes], dtype=np.intp)
        self.rankings.put(text, order, np.array(scores, dtype=np.float64))

    def rank(self, descriptions: Sequence[str], forced: Sequence[str | None] | None = None
             ) -> list[Ranked]:  # fmt: skip
        """Each description's candidates, best first (a code in ``forced`` made a candidate
        of its description). A normalised description ranked before without a forced code, or
        with one that was a candidate anyway, whose forced code now is among its candidates,
        is taken from :attr:`rankings` (the same result as ranking it again). A description is
        ranked on its first :data:`MAX_RANKED` characters (:func:`ranked_head`)."""
        nom = self.index.nom
        texts = [normalise(ranked_head(d)) for d in descriptions]
        forced_idx = [[nom.sub_index.get(f or "", -1)] for f in forced] if forced else None
        found: dict[int, Ranked] = {}
        todo: list[int] = []
        for i, text in enumerate(texts):
            held = self.rankings.get(text)
            f = forced_idx[i][0] if forced_idx else -1
            if held is not None and (f < 0 or f in held[2]):
                found[i] = Ranked([nom.subheadings[j] for j in held[0]], held[1].copy())
            else:
                todo.append(i)
        self.rankings.count(len(found), len(todo))
        for start in range(0, len(todo), BATCH):
            rows = todo[start : start + BATCH]
            chunk = [texts[i] for i in rows]
            fchunk = [forced_idx[i] for i in rows] if forced_idx else None
            unforced: list[bool] = []
            cands, feats = self.index.features(chunk, forced=fchunk, unforced=unforced)
            sizes = [len(c) for c in cands]
            margins = self.booster.predict(np.vstack(feats), raw_score=True, num_threads=1)
            parts = np.split(margins, np.cumsum(sizes)[:-1])
            for i, cand, part, same in zip(rows, cands, parts, unforced, strict=True):
                order = np.argsort(-part)
                p = np.exp(part[order] - part[order][0])
                scores = p / p.sum()
                ranked_idx = cand[order]
                found[i] = Ranked([nom.subheadings[j] for j in ranked_idx], scores)
                if same:
                    self.rankings.put(texts[i], ranked_idx, scores.copy())
        return [found[i] for i in range(len(texts))]


def folds_for(pairs: pd.DataFrame, n_folds: int) -> np.ndarray:
    """Fold of each labelled description, grouped by normalised text."""
    from sklearn.model_selection import GroupKFold

    fold = np.zeros(len(pairs), dtype=int)
    splitter = GroupKFold(n_splits=n_folds)
    for f, (_, test) in enumerate(splitter.split(pairs, groups=pairs["text"])):
        fold[test] = f
    return fold


def _random_wrong_codes(index: Index, true: np.ndarray, seed: int) -> list[list[int]]:
    """Per query, one random subheading of another chapter and one random sibling.

    The check scores declared codes that retrieval would never propose; without such
    candidates in training the re-ranker would never see their (very low) feature values.
    """
    rng = np.random.default_rng(seed)
    n_subs = len(index.sub_head)
    out: list[list[int]] = []
    for t in true:
        other = int(rng.integers(n_subs))
        while index.sub_ch[other] == index.sub_ch[t]:
            other = int(rng.integers(n_subs))
        siblings = np.flatnonzero(index.sub_head == index.sub_head[t])
        siblings = siblings[siblings != t]
        codes = [other]
        if siblings.size:
            codes.append(int(rng.choice(siblings)))
        out.append(codes)
    return out


def training_matrix(
    index: Index, n_folds: int = 5, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold features, labels and query group sizes for the descriptions with an HS6."""
    pairs = index.pairs
    fold = folds_for(pairs, n_folds)
    queries = np.flatnonzero(index.tr_sub >= 0)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    groups: list[int] = []
    texts = pairs["text"].to_numpy()
    forced = _random_wrong_codes(index, index.tr_sub[queries], seed)
    # Batches within one fold: every query of a batch hides the same labelled documents.
    starts = [
        (f, start)
        for f in range(n_folds)
        for start in range(0, int(np.sum(fold[queries] == f)), BATCH)
    ]
    for f, start in starts:
        pos = np.flatnonzero(fold[queries] == f)[start : start + BATCH]
        q = queries[pos]
        hidden = np.broadcast_to(fold == f, (len(q), len(fold)))
        cands, feats = index.features(
            list(texts[q]), hidden=hidden, forced=[forced[p] for p in pos]
        )
        for qi, cand, feat in zip(q, cands, feats, strict=True):
            xs.append(feat)
            ys.append((cand == index.tr_sub[qi]).astype(np.int8))
            groups.append(len(cand))
    return np.vstack(xs), np.concatenate(ys), np.array(groups)


def fit(pairs: pd.DataFrame, n_folds: int = 5, seed: int = 0) -> HSModel:
    """Build the index from ``pairs`` (see :func:`label_pairs`) and train the re-ranker."""
    index = Index(pairs)
    x, y, _ = training_matrix(index, n_folds, seed)
    return HSModel(index, train_ranker(x, y, seed))


def train_ranker(x: np.ndarray, y: np.ndarray, seed: int = 0) -> lgb.Booster:
    """The re-ranker on a training matrix (:func:`training_matrix`); ``seed`` seeds LightGBM's
    bagging. Apart from :func:`fit`, ``benchmarks/hs_top5.py --seeds`` refits it with other
    seeds on one matrix, to tell a change from the spread of refits."""
    import lightgbm as lgb

    # More similarity never lowers a candidate's score: keeps codes far from anything the
    # description says (a wrong chapter in the check) at the bottom.
    # (Constraining the votes and gaps too cost 1-2 points of HS6 top-1 out of fold.)
    params = {
        "monotone_constraints": [
            int(f.startswith(("nom_", "own_", "knn_", "emb_"))) for f in FEATURES
        ],
        "monotone_constraints_method": "advanced",
        "objective": "binary",
        "learning_rate": 0.05,
        "num_leaves": 31,
        "min_child_samples": 20,
        "feature_fraction": 0.9,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "seed": seed,
        "num_threads": 1,  # OpenMP threads on a shared 2-core machine slow training 8x
        "verbose": -1,
    }
    data = lgb.Dataset(x, y, feature_name=FEATURES)
    return lgb.train(params, data, num_boost_round=300)


def _cache_file() -> Path:
    """Where the built index is kept between processes: data_dir/cache, keyed by content."""
    import hashlib

    import sklearn

    from clearlane import __version__
    from clearlane.config import get_settings

    digest = hashlib.sha256()
    for name in ("hmrc_pairs.csv", "ranker.txt", EMBEDDING_FILE):
        digest.update(data_path(name).read_bytes())
    digest.update(f"{__version__} {sklearn.__version__}".encode())
    return get_settings().data_dir / "cache" / f"hs-index-{digest.hexdigest()[:16]}.joblib"


def _read_cached(path: Path) -> Index | None:
    import joblib

    if not path.exists():
        return None
    try:
        index = joblib.load(path)
    except Exception:  # noqa: BLE001 - a damaged cache is rebuilt, never fatal
        log.warning("HS index cache %s unreadable: rebuilding it", path)
        return None
    return index if isinstance(index, Index) else None


_BUILD_LOCK = threading.Lock()  # where no file lock can be taken (no fcntl, read-only dir)


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    """Held while one builder checks for and writes the cache file: an exclusive ``flock`` on
    ``<cache>.lock`` (other processes, and other threads, which open the file anew, wait),
    else this process's lock."""
    try:
        import fcntl
    except ImportError:  # not POSIX: one process at a time is all we can promise
        fcntl = None  # type: ignore[assignment]
    handle = None
    if fcntl is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path.with_name(path.name + ".lock"), "a+b")  # noqa: SIM115
        except OSError:
            handle = None
    if handle is None:
        with _BUILD_LOCK:
            yield
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # releases the lock


def _write_cached(index: Index, path: Path) -> None:
    """Atomically: a temporary file in the same directory, then ``os.replace`` (a reader sees
    the old file or the whole new one, never a part). Call with the build lock held."""
    import os
    import tempfile

    import joblib

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Under the lock no one else writes: a temporary file left here was a builder killed
        # mid-write.
        for stale in path.parent.glob(f"{path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                joblib.dump(index, handle)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.warning("HS index not cached (%s): the next process builds it again", exc)


def _load_index() -> Index:
    """The index from the cache when present (about 0.5 s), else built (about 6 CPU s) and
    cached. Two processes or threads asking at once: one builds, the other waits for it and
    loads the file."""
    path = _cache_file()
    index = _read_cached(path)
    if index is not None:
        return index
    with _build_lock(path):
        index = _read_cached(path)  # built by whoever held the lock before us
        if index is not None:
            return index
        started = time.process_time()
        index = Index(load_pairs())
        log.info("HS index built in %.1f CPU s", time.process_time() - started)
        _write_cached(index, path)
    return index


_model: HSModel | None = None
_MODEL_LOCK = threading.Lock()


def shipped_model() -> HSModel:
    """The shipped re-ranker over an index of the shipped pairs (one per process: threads
    asking at once wait for the first to load it)."""
    global _model
    model = _model
    if model is not None:
        return model
    with _MODEL_LOCK:
        if _model is None:
            import lightgbm as lgb

            path = data_path("ranker.txt")
            if not path.exists():
                raise FileNotFoundError(
                    f"{path} is missing: build it with `python -m clearlane.hs.train`"
                )
            booster = lgb.Booster(model_file=str(path))
            _model = HSModel(_load_index(), booster)
        return _model


def loaded_model() -> HSModel | None:
    """The shipped model if this process has loaded it, else None (without loading it)."""
    return _model


def warm_up() -> threading.Thread:
    """Load (or build and cache) the shipped model in a background thread, so that no request
    pays for it: a server calls this at start-up. A request that needs the model before the
    thread is done waits for it (it does not build a second one)."""

    def run() -> None:
        started = time.process_time()
        try:
            model = shipped_model()
            stacked = getattr(getattr(model, "index", None), "_stacked", None)
            if stacked is not None:  # the serving products' matrices (about 0.2 CPU s)
                stacked()
            ranking_key = getattr(model, "ranking_key", None)
            if ranking_key is not None:  # the key of its stored rankings (about 0.2 CPU s)
                ranking_key()
        except Exception:  # a request will raise it where it can be seen
            log.exception("HS model warm-up failed")
            return
        log.info("HS model ready (warm-up thread %.1f CPU s)", time.process_time() - started)

    thread = threading.Thread(target=run, name="clearlane-hs-warm-up", daemon=True)
    thread.start()
    return thread
