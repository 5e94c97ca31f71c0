"""The submit path's few-row shortcuts give exactly what the general paths give: the analysis
frame of a few declarations, their facts attached, and the assessed records."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clearlane.core.schema import Declaration
from clearlane.features.facts import (
    DOC_COLUMNS,
    EVIDENCE_COLUMN,
    HS_COLUMN,
    LINK_COLUMNS,
    NET_COLUMNS,
    Evidence,
    Facts,
    HsFact,
    attach_facts,
    facts_frame,
)
from clearlane.frames import (
    _frame_of,
    _in_order,
    declaration_rows,
    finish_frame,
    items_frame,
    label_of,
    records_of,
)
from clearlane.generate import generate_dataset
from clearlane.workflows import assess_declarations, assessed_records
from tests.factories import declaration, item


def _general(decls: list[Declaration]) -> pd.DataFrame:
    """items_frame as built before the few-row path: from_records, then finish_frame."""
    rows = []
    for decl in decls:
        for row in declaration_rows(decl):
            row.update(label_of(()))
            rows.append(row)
    return finish_frame(pd.DataFrame.from_records(rows))


def _odd() -> list[Declaration]:
    """Declarations whose cells test the dtype rules: optional parties absent, numbers
    absent or integral, attributes on some declarations only, items out of order."""
    records: list[dict[str, Any]] = [
        declaration("ODD-1"),
        declaration("ODD-2", exporter=None, exchange_rate=None, incoterm=None),
        declaration(
            "ODD-3",
            attributes={"tax_type": "A", "flag": "Y", "n": "3"},
            items=[
                item(seq=2, quantity=None, description=None),
                item(seq=1, net_mass_kg=12, customs_value=None, duty_amount=None),
            ],
        ),
        declaration("ODD-4", containers=[], items=[item(quantity=7, tax_amount=None)]),
        declaration("ODD-5", declaration_date="2025-12-31", attributes={"other": "x"}),
    ]
    return [Declaration.model_validate(r) for r in records]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Declaration]:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=300, seed=9, out_dir=out)
    import json

    lines = (out / "declarations.jsonl").read_text().splitlines()
    return [Declaration.model_validate(json.loads(line)) for line in lines]


def test_few_row_frames_equal_the_general_frame(generated) -> None:
    decls = [*generated, *_odd()]
    groups = [[d] for d in decls] + [decls[i : i + 9] for i in range(0, len(decls), 9)]
    groups.append(_odd())
    for group in groups:
        got, want = items_frame(group), _general(group)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert list(got.dtypes) == list(want.dtypes)


def _attach_reference(frame: pd.DataFrame, facts: Facts) -> pd.DataFrame:
    """attach_facts as written before the few-row path (two reindexes, drop, concat)."""
    refs = frame["reference"].astype(str).tolist()
    names = (*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS)
    table = facts.declarations.reindex(columns=list(names)).astype(float)
    values = table.reindex(refs).to_numpy(dtype=float)
    seqs = pd.to_numeric(frame["seq"], errors="coerce").tolist()
    plaus = []
    for ref, seq in zip(refs, seqs, strict=True):
        fact = facts.hs.get((ref, int(seq))) if seq == seq else None
        value = fact.plausibility if fact is not None else None
        plaus.append(math.nan if value is None else float(value))
    lists = {ref: [e.to_dict() for e in found] for ref, found in facts.evidence.items()}
    added = pd.DataFrame(values, index=frame.index, columns=list(names))
    added[HS_COLUMN] = plaus
    added[EVIDENCE_COLUMN] = pd.Series(
        [lists.get(ref, []) for ref in refs], index=frame.index, dtype=object
    )
    kept = frame.drop(columns=[c for c in added.columns if c in frame.columns])
    return pd.concat([kept, added], axis=1)


def test_attached_facts_equal_the_reindexing_version() -> None:
    frame = items_frame(_odd())
    refs = sorted(set(frame["reference"]))
    rng = np.random.default_rng(4)
    names = [*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS]
    values = rng.integers(0, 3, (len(refs) - 1, len(names))).astype(float)
    values[rng.random(values.shape) < 0.3] = np.nan
    # One declaration has no facts row at all (NaN everywhere).
    table = pd.DataFrame(values, index=pd.Index(refs[1:], name="reference"), columns=names)
    facts = Facts(
        declarations=table,
        evidence={refs[1]: [Evidence("invoice", "VALUE", "value", 10.0, 12.0, "differs")]},
        hs={(refs[2], 1): HsFact("d", "85171300", 0.25, "851712", None, None)},
        documents_at={},
    )
    for rows in (frame, frame.iloc[[0]], frame.iloc[::-1]):
        pd.testing.assert_frame_equal(attach_facts(rows, facts), _attach_reference(rows, facts))
        again = attach_facts(attach_facts(rows, facts), facts)  # fact columns replaced
        pd.testing.assert_frame_equal(again, _attach_reference(rows, facts))
    duplicated = Facts(pd.concat([table, table]), {}, {}, {})
    with pytest.raises(ValueError, match="duplicate"):
        attach_facts(frame.iloc[[1]], duplicated)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if a is pd.NaT or b is pd.NaT:
        return a is b
    return type(a) is type(b) and a == b


def test_assessed_records_equal_records_of_assess_declarations(generated) -> None:
    from tests.explain.conftest import PROFILES
    from tests.intake.engines import trained

    engine = trained("lightgbm")  # the engine only scores both paths: trained once
    later = date(2023, 6, 1)
    decls = [d.model_copy(update={"declaration_date": later}) for d in [*generated[:60], *_odd()]]
    groups = [[d] for d in decls] + [decls[:25], decls[25:]]
    for profiles in (None, PROFILES):
        for group in groups:
            frame = items_frame(group)
            want = records_of(assess_declarations(frame, engine=engine, profiles=profiles))
            got = assessed_records(frame, engine=engine, profiles=profiles)
            assert [list(r) for r in got] == [list(r) for r in want]
            for g, w in zip(got, want, strict=True):
                for key in w:
                    assert _same(g[key], w[key]), (key, g[key], w[key])


def _random_facts(refs: list[str], seed: int) -> Facts:
    """Facts for some of ``refs`` (one without a facts row), with evidence and HS checks."""
    rng = np.random.default_rng(seed)
    names = [*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS]
    known = refs[1:]
    values = rng.integers(0, 3, (len(known), len(names))).astype(float)
    values[rng.random(values.shape) < 0.3] = np.nan
    values[rng.random(values.shape) < 0.05] = 0.1 + 0.2  # not a round float
    table = pd.DataFrame(values, index=pd.Index(known, name="reference"), columns=names)
    evidence = {
        ref: [Evidence("invoice", "VALUE", "value", 10.0, 12.0 + i, "differs")]
        for i, ref in enumerate(refs[::3])
    }
    hs = {
        (ref, seq): HsFact("d", "85171300", float(rng.random()), "851712", None, None)
        for ref in refs[::2]
        for seq in (1, 2)
    }
    hs[(refs[-1], 1)] = HsFact("d", "85171300", None, None, None, None)  # no plausibility
    return Facts(table, evidence, hs, {})


def _exactly_equal(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes)
    assert type(got.index) is type(want.index) and got.index.equals(want.index)
    for a, b in zip(got[EVIDENCE_COLUMN], want[EVIDENCE_COLUMN], strict=True):
        assert a == b


def test_facts_frame_equals_attach_facts_of_the_general_frame(generated) -> None:
    """The submission's frame, built once with its facts, is the frame the general path
    builds and then joins the facts to: column for column, dtype for dtype, the same index
    (declarations of several items in order and out of order, optional parties and numbers
    absent, attributes on some only, several declarations at once)."""
    decls = [*generated, *_odd()]
    refs = sorted({d.reference for d in decls})
    groups = [[d] for d in decls] + [decls[i : i + 5] for i in range(0, len(decls), 5)]
    groups += [_odd(), list(reversed(_odd())), [_odd()[2], _odd()[2]]]
    # Each group's general frame is built once (attach_facts copies it, never changes it):
    # both seeds' facts and the empty facts are joined to the same frames.
    general = [_general(group) for group in groups]
    for seed in (1, 2):
        facts = _random_facts(refs, seed)
        for group, frame in zip(groups, general, strict=True):
            _exactly_equal(facts_frame(group, facts), attach_facts(frame, facts))
    empty = Facts(pd.DataFrame(columns=[*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS]), {}, {}, {})
    for group, frame in zip(groups[:40], general[:40], strict=True):
        _exactly_equal(facts_frame(group, empty), attach_facts(frame, empty))


def test_declarations_in_item_order_are_not_sorted_and_others_are() -> None:
    one = declaration("ORD-1", items=[item(seq=1), item(seq=2), item(seq=3)])
    same_seq = declaration("ORD-2", items=[item(seq=1), item(seq=1, description="other")])
    backwards = declaration("ORD-3", items=[item(seq=3), item(seq=1), item(seq=2)])
    rows = [declaration_rows(Declaration.model_validate(r)) for r in (one, same_seq, backwards)]
    assert _in_order(rows[0]) and _in_order(rows[1])
    assert not _in_order(rows[2])
    assert not _in_order([*rows[0], *rows[1]])  # two declarations: left to the sort
    later = [dict(r) for r in rows[0]]
    later[1]["declaration_date"] = date(2030, 1, 1)
    assert not _in_order(later)
    for group in ([one], [same_seq], [backwards], [backwards, one], [one, same_seq]):
        decls = [Declaration.model_validate(r) for r in group]
        got, want = items_frame(decls), _general(decls)
        _exactly_equal_frames(got, want)


def _exactly_equal_frames(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes)
    assert got.index.tolist() == want.index.tolist()


@pytest.mark.parametrize("kind", ["lightgbm", "logistic"])
def test_submission_records_with_facts_equal_the_general_path(generated, kind) -> None:
    """What a submission stores (assessed_records of the frame built with its facts) equals
    records_of(assess_declarations(...)) of the general frame with the facts attached, every
    score, reason and contribution, for a GBDT engine and a logistic one (the few-labels
    model, whose pipeline runs without sklearn's checks), with and without profiles."""
    from tests.explain.conftest import PROFILES
    from tests.intake.engines import trained

    engine = trained(kind)  # the engine only scores both paths: trained once
    assert engine.fraud is not None and engine.fraud.kind == kind
    later = date(2023, 6, 1)
    decls = [d.model_copy(update={"declaration_date": later}) for d in [*generated[:80], *_odd()]]
    facts = _random_facts(sorted({d.reference for d in decls}), 3)
    groups = [[d] for d in decls] + [decls[:25], decls[25:]]
    for profiles in (None, PROFILES):
        for group in groups:
            frame = attach_facts(_general(group), facts)
            want = records_of(assess_declarations(frame, engine=engine, profiles=profiles))
            got = assessed_records(facts_frame(group, facts), engine=engine, profiles=profiles)
            assert [list(r) for r in got] == [list(r) for r in want]
            for g, w in zip(got, want, strict=True):
                for key in w:
                    assert _same_deep(g[key], w[key]), (key, g[key], w[key])


def _same_deep(a: Any, b: Any) -> bool:
    """Equal to the bit (floats), the type and the NaN, through lists and dicts."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same_deep(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same_deep(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float) and not math.isnan(a):
        return np.float64(a).tobytes() == np.float64(b).tobytes()
    return _same(a, b)


def test_a_few_rows_frame_is_the_constructors_frame() -> None:
    """``_frame_of`` builds the frame ``pd.DataFrame(data, copy=False)`` builds, for every kind
    of column few_rows_frame makes (lists of any cells included) and, for any other kind,
    by that constructor: same columns, dtypes, values and index; blocks not consolidated."""
    n = 3
    text = pd.array(["a", "b", "c"], dtype=pd.Series(["x"]).dtype)
    data: dict[str, Any] = {
        "i": np.array([1, 2, 3], dtype=np.int64),
        "f": np.array([1.5, np.nan, 3.0]),
        "s": text,
        "d": pd.to_datetime(pd.Series([date(2026, 1, 1)] * n)),
        "mixed": ["a", None, math.nan],
        "none": [None, None, None],
        "floats": [1.0, None, 2.5],
        "ints": [1, 2, None],
        "dates": [date(2026, 1, 1), None, date(2026, 1, 2)],
        "lists": [[{"a": 1}], [], [{"b": 2}]],
        "bools": [True, False, None],
        "evidence": pd.Series([[{"k": 1}], [], []], dtype=object),
    }
    got = _frame_of(dict(data), n)
    want = pd.DataFrame(dict(data), copy=False)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert list(got.dtypes) == list(want.dtypes)
    assert len(got._mgr.blocks) == len(want._mgr.blocks)
    # Columns of another kind (an object array, a Series on another index): the constructor.
    odd = {**data, "o": np.array(["x", 1, None], dtype=object)}
    pd.testing.assert_frame_equal(_frame_of(dict(odd), n), pd.DataFrame(dict(odd)))
    shifted = {**data, "evidence": pd.Series([1.0, 2.0, 3.0], index=[5, 6, 7])}
    with pytest.raises(ValueError, match="does not match index"):
        pd.DataFrame(dict(shifted))
    with pytest.raises(ValueError, match="does not match index"):
        _frame_of(dict(shifted), n)


def test_the_arrays_made_without_a_series_are_the_series_arrays() -> None:
    # session 24 (#15): a submission's date column and its facts' evidence are made as the
    # arrays a Series would hold, without the Series
    from clearlane.frames import _DATES, _dates_array, frame_arrays, object_cells

    # every pandas the project allows (>= 2.2) makes numpy datetimes of dates: the fast path
    assert _DATES is not None
    days = np.array([date(2026, 12, 6), date(2025, 1, 31)], dtype=_DATES)
    made, series = _dates_array(days), pd.Series(days).array
    assert type(made) is type(series) and made.dtype == series.dtype
    assert list(made) == list(series)
    for cells in ([[]], [[("a", 1)], []], [["x", "y"], ["z", "w"]], [None, "text"]):
        made, series = object_cells(cells), pd.Series(cells, dtype=object).array
        assert type(made) is type(series) and made.dtype == series.dtype
        assert len(made) == len(cells) and list(made) == list(series)
    index_arrays = frame_arrays({"d": _dates_array(days), "e": object_cells([[], [1]])}, 2)
    series_arrays = frame_arrays({"d": pd.Series(days), "e": pd.Series([[], [1]], dtype=object)}, 2)
    assert index_arrays is not None and series_arrays is not None
    for name in ("d", "e"):
        assert type(index_arrays[name]) is type(series_arrays[name])
        assert list(index_arrays[name]) == list(series_arrays[name])
