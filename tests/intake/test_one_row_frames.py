"""The submit path's few-row shortcuts give exactly what the general paths give: the analysis
frame of a few declarations, their facts attached, and the assessed records."""

from __future__ import annotations

import math
import warnings
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
)
from clearlane.frames import declaration_rows, finish_frame, items_frame, label_of, records_of
from clearlane.generate import generate_dataset
from clearlane.risk import train_engine
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
    from tests.factories import make_frame

    history = make_frame(1500, seed=11, days=120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(history, profiles=PROFILES, seed=1)
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
