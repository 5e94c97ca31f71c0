"""A submission is scored from its columns without making its frame (``facts_columns``):
the columns read exactly as the frame's, and the records stored are exactly those of the
frame, every score, lane input, reason and contribution, for every kind of engine and rule
scorer. These tests fail if the frameless path diverges from the frame path."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clearlane.core.schema import Declaration
from clearlane.features.columns import FrameColumns
from clearlane.features.facts import Facts, facts_columns, facts_frame
from clearlane.frames import items_frame
from clearlane.workflows import assessed_records
from tests.factories import declaration, item
from tests.intake.test_one_row_frames import _odd, _random_facts, _same_deep
from tests.risk.fakes import FakeRules


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Declaration]:
    import json

    from clearlane.generate import generate_dataset

    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=300, seed=13, out_dir=out)
    lines = (out / "declarations.jsonl").read_text().splitlines()
    return [Declaration.model_validate(json.loads(line)) for line in lines]


def _more_odd() -> list[Declaration]:
    """Cells that test the row read: an integral exchange rate, text padded or absent,
    attributes, optional parties absent, items numbered 1, 1, 2."""
    records: list[dict[str, Any]] = [
        declaration("ODD-6", attributes={"n": "3", "flag": " "}, exchange_rate=2),
        declaration("ODD-7", items=[item(seq=1, description="  padded  ", quantity_unit=None)]),
        declaration("ODD-8", items=[item(seq=1), item(seq=1, description="twin"), item(seq=2)]),
        declaration("ODD-9", seller=None, courier=None, country_dispatch=None),
    ]
    return [Declaration.model_validate(r) for r in records]


def _frame_of(group: list[Declaration], facts: Facts | None) -> pd.DataFrame:
    return items_frame(group) if facts is None else facts_frame(group, facts)


def _same_cell(a: Any, b: Any) -> bool:
    """The same cell: type, value (NaN as NaN, NaT as NaT) and, for timestamps, unit."""
    if type(a) is not type(b):
        return False
    if a is pd.NaT or a is None:
        return a is b
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, pd.Timestamp):
        return a == b and a.unit == b.unit
    return bool(a == b)


def _same_array(a: Any, b: Any) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    return all(_same_cell(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True))


def _groups(decls: list[Declaration]) -> list[list[Declaration]]:
    return [[d] for d in decls] + [decls[i : i + 3] for i in range(0, 24, 3)]


def test_a_submissions_columns_read_as_its_frames(generated) -> None:
    """Every reader of :class:`FrameColumns` gives the same arrays (dtype, types of the
    cells, NaN) from the columns as from the frame, the one-row read holds the same cells and
    dtypes, the index is the frame's; the frame is not made for a declaration in item order,
    and when asked for it is the frame ``facts_frame`` makes."""
    decls = [*generated[:120], *_odd(), *_more_odd()]
    refs = sorted({d.reference for d in decls})
    frameless = 0
    for facts in (None, _random_facts(refs, 5)):
        for group in _groups(decls):
            got, frame = facts_columns(group, facts), _frame_of(group, facts)
            want = FrameColumns(frame)
            one_in_order = len(group) == 1 and group[0].items == sorted(
                group[0].items, key=lambda i: i.seq
            )
            assert got.reads(frame) is False
            if one_in_order:
                assert not isinstance(got._frame, pd.DataFrame), "the frame was made"
                frameless += 1
            assert len(got) == len(want) and got.is_row == want.is_row
            assert type(got.index) is type(want.index) and got.index.equals(want.index)
            if want.is_row:
                assert got._row is not None and want._row is not None
                assert list(got._row) == list(want._row)
                for name, (cell, dtype) in want._row.items():
                    assert got._row[name][1] == dtype, name
                    assert _same_cell(got._row[name][0], cell), (name, got._row[name], cell)
                    assert _same_cell(got.cell(name), want.cell(name)), name
            for name in frame.columns:
                assert name in got
                assert _same_array(got.texts(name), want.texts(name)), name
                assert _same_array(got.numbers(name), want.numbers(name)), name
                assert _same_array(got.objects(name), want.objects(name)), name
                assert _same_array(got.column(name), want.column(name)), name
                pd.testing.assert_series_equal(got.series(name), frame[name], check_exact=True)
            assert _same_array(got.days("declaration_date"), want.days("declaration_date"))
            assert "no-such-column" not in got
            assert _same_array(got.texts("no-such-column"), want.texts("no-such-column"))
            made = got.frame
            pd.testing.assert_frame_equal(made, frame, check_exact=True)
            assert list(made.dtypes) == list(frame.dtypes)
            assert made.index.equals(frame.index)
    assert frameless > 200  # most groups took the frameless path


@pytest.fixture(scope="module", params=["lightgbm", "logistic"])
def engine(request: pytest.FixtureRequest) -> Any:
    """The engine of each kind (tests/intake/engines.py: trained once per test process)."""
    from tests.intake.engines import trained

    return trained(request.param)


def test_frameless_records_equal_the_frames(generated, engine) -> None:
    """assessed_records of the columns equals assessed_records of the frame, to the bit,
    for a GBDT and a logistic engine, without profiles, with a profile set, with a generic
    rule scorer (which reads the frame itself), with facts and without, over 100 generated
    declarations and odd ones, alone and several at a time."""
    from tests.explain.conftest import PROFILES

    later = date(2023, 6, 1)
    decls = [
        d.model_copy(update={"declaration_date": later})
        for d in [*generated[:100], *_odd(), *_more_odd()]
    ]
    facts = _random_facts(sorted({d.reference for d in decls}), 7)
    scorers = (None, PROFILES, FakeRules())
    compared = 0
    for profiles in scorers:
        for known in (facts, None):
            for group in _groups(decls):
                want = assessed_records(_frame_of(group, known), engine=engine, profiles=profiles)
                got = assessed_records(
                    facts_columns(group, known), engine=engine, profiles=profiles
                )
                assert [list(r) for r in got] == [list(r) for r in want]
                for g, w in zip(got, want, strict=True):
                    for key in w:
                        assert _same_deep(g[key], w[key]), (key, g[key], w[key])
                compared += len(want)
    assert compared > 600


def test_the_engine_reads_the_columns_without_making_the_frame(generated, engine) -> None:
    """The whole assessment of a one-declaration submission in item order, with a profile
    set, leaves the frame unmade: the engine, the declared-fields model, the rules and the
    record's head read the columns only."""
    from tests.explain.conftest import PROFILES

    decls = [d.model_copy(update={"declaration_date": date(2023, 6, 1)}) for d in generated[:40]]
    facts = _random_facts(sorted({d.reference for d in decls}), 9)
    for decl in decls:
        columns = facts_columns([decl], facts)
        assessed_records(columns, engine=engine, profiles=PROFILES)
        assert columns._frame is None
