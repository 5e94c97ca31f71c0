"""The vectorised feature building gives what the per-candidate code it replaced gave, to the
bit: the same candidates, the same feature rows, the same ranked codes and scores. The
reference is main's code before the change, kept in ``tests/hs/_reference_ranking.py``."""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.hs.model import HSModel, Index, folds_for, load_pairs, shipped_model
from clearlane.hs.nomenclature import nomenclature
from tests.hs import _reference_ranking as reference
from tests.hs.test_fast_ranking import ODD


@pytest.fixture(scope="module")
def model() -> HSModel:
    return shipped_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    pairs = load_pairs()
    return pairs["text"].sample(200, random_state=17).tolist() + ODD


def _forced(texts: list[str], seed: int) -> list[list[int]]:
    """Per text a random subheading (usually far from the text: made a candidate), none, or
    an unknown code (-1), as the check and training pass them."""
    rng = np.random.default_rng(seed)
    n = len(nomenclature().subheadings)
    return [[int(rng.integers(n))] if k % 3 else ([-1] if k % 2 else []) for k in range(len(texts))]


def _assert_same(got: tuple, want: tuple) -> None:
    (cands, feats), (ref_cands, ref_feats) = got, want
    assert len(cands) == len(ref_cands)
    for c, rc, f, rf in zip(cands, ref_cands, feats, ref_feats, strict=True):
        assert c.dtype == rc.dtype and c.tobytes() == rc.tobytes()
        assert f.dtype == rf.dtype and f.shape == rf.shape
        assert f.tobytes() == rf.tobytes(), np.argwhere(f != rf)[:5]


def test_one_description_at_a_time_as_the_submission_ranks_it(
    model: HSModel, texts: list[str]
) -> None:
    index = model.index
    for text, forced in zip(texts, _forced(texts, 1), strict=True):
        unforced: list[bool] = []
        ref_unforced: list[bool] = []
        got = index.features([text], forced=[forced], unforced=unforced)
        want = reference.features(index, [text], forced=[forced], unforced=ref_unforced)
        _assert_same(got, want)
        assert unforced == ref_unforced


def test_a_batch_with_and_without_forced_codes(model: HSModel, texts: list[str]) -> None:
    index = model.index
    chunk = texts[:80] + ODD
    _assert_same(index.features(chunk), reference.features(index, chunk))
    forced = _forced(chunk, 2)
    _assert_same(
        index.features(chunk, forced=forced), reference.features(index, chunk, forced=forced)
    )


def test_out_of_fold_training_features(model: HSModel, texts: list[str]) -> None:
    """Training hides a fold of labelled documents (other priors, naive Bayes tables, popular
    codes)."""
    index = model.index
    fold = folds_for(index.pairs, 5)
    chunk = texts[:50] + ODD
    hidden = np.broadcast_to(fold == 2, (len(chunk), len(fold)))
    forced = _forced(chunk, 3)
    _assert_same(
        index.features(chunk, hidden=hidden, forced=forced),
        reference.features(index, chunk, hidden=hidden, forced=forced),
    )


def test_ranked_codes_and_scores(
    model: HSModel, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking one description at a time (with the declared code forced, as the check does)
    gives the codes and scores, to the bit, that the reference features give."""
    nom = nomenclature()
    sample = texts[::4] + ODD
    codes = [nom.subheadings[f[0]] if f and f[0] >= 0 else None for f in _forced(sample, 4)]
    got = [HSModel(model.index, model.booster).rank([t], forced=[c])[0]
           for t, c in zip(sample, codes, strict=True)]  # fmt: skip
    monkeypatch.setattr(Index, "features", reference.features)
    for text, code, ranked in zip(sample, codes, got, strict=True):
        (want,) = HSModel(model.index, model.booster).rank([text], forced=[code])
        assert ranked.codes == want.codes, text
        assert ranked.scores.tobytes() == want.scores.tobytes(), text


def test_the_labelled_documents_are_maximised_per_level_once(
    model: HSModel, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TF-IDF and the embedding similarities to the labelled documents are maximised per
    subheading and heading in one call each (the largest own cost of a ranking was these
    gathers and reductions, five a ranking): three calls, the same features to the bit."""
    from clearlane.hs import model as module

    calls: list[tuple[int, int]] = []
    real = module._scatter_max

    def counted(sims: np.ndarray, *args: object) -> np.ndarray:
        calls.append(sims.shape)
        return real(sims, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_scatter_max", counted)
    index = model.index
    chunk = texts[:5]
    got = index.features(chunk)
    assert len(calls) == 3
    assert [rows for rows, _ in calls] == [2 * len(chunk), 2 * len(chunk), len(chunk)]
    monkeypatch.setattr(module, "_scatter_max", real)
    _assert_same(got, reference.features(index, chunk))


def test_the_dense_products_are_taken_one_query_at_a_time(
    model: HSModel, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedding similarities are taken one query at a time (``matrix @ query``: each
    query's row the bits it has alone, whatever the batch; tests/hs/test_batch_independence.py):
    the same bits as ``queries[i : i + 1] @ matrix.T`` for each of one to nine queries on every
    matrix, and a ranking takes its three products through it, with the reference's
    features."""
    from clearlane.hs import model as module
    from clearlane.hs.embed import static_embedding

    index = model.index
    encoded = static_embedding().encode(texts, index.emb_idf)
    with module._blas_controller().limit(limits=1, user_api="blas"):
        for n in range(1, 10):
            for start in range(0, 60, n):
                queries = encoded[start : start + n]
                for matrix in index.emb.values():
                    got = module._similarities(queries, matrix)
                    want = np.vstack([queries[i : i + 1] @ matrix.T for i in range(len(queries))])
                    assert got.flags.c_contiguous and got.dtype == want.dtype
                    assert got.tobytes() == want.tobytes(), (n, start)
    shapes: list[tuple[int, ...]] = []
    real = module._similarities

    def counted(queries: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        shapes.append(matrix.shape)
        return real(queries, matrix)

    monkeypatch.setattr(module, "_similarities", counted)
    chunk = texts[:4]
    got = index.features(chunk)
    assert sorted(shapes) == sorted(m.shape for m in index.emb.values())
    monkeypatch.setattr(module, "_similarities", real)
    _assert_same(got, reference.features(index, chunk))


def test_the_dense_products_keep_their_bits_for_other_dtypes_and_layouts(
    model: HSModel, texts: list[str]
) -> None:
    """The swapped product is the same bits only where OpenBLAS runs the same kernel either
    way (float32, both operands C-contiguous, as the ranking passes them); float64 queries and
    matrices, queries in Fortran order or strided, and mixed dtypes must still give exactly
    ``queries @ matrix.T``."""
    from clearlane.hs import model as module
    from clearlane.hs.embed import static_embedding

    encoded = static_embedding().encode(texts[:40], model.index.emb_idf)
    with module._blas_controller().limit(limits=1, user_api="blas"):
        for matrix in model.index.emb.values():
            wide = matrix.astype(np.float64)
            for n in range(1, 17):
                q = encoded[:n]
                for queries, against in (
                    (q.astype(np.float64), wide),
                    (q.astype(np.float64), matrix),
                    (np.asfortranarray(q), matrix),
                    (encoded[: 2 * n : 2], matrix),
                    (q, matrix[::2]),
                ):
                    got = module._similarities(queries, against)
                    want = queries @ against.T
                    assert got.flags.c_contiguous and got.dtype == want.dtype
                    assert got.tobytes() == want.tobytes(), (n, queries.dtype, against.shape)
