"""The analysis frame built column by column equals the one built through validated objects.

The reference below is the previous implementation (Pydantic objects, then a dict per row via
:func:`clearlane.frames.items_frame`), kept here to pin the new one to it exactly.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import ControlResult, Declaration
from clearlane.frames import FRAME_COLUMNS, FrameColumns, items_frame
from clearlane.generate import generate_dataset
from clearlane.ingest.controls import parse_controls_file
from clearlane.ingest.parse import parse_file, read_frame
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.frames import load_items_frame
from clearlane.store.tables import ControlResultRow, DeclarationRow
from tests.factories import declaration, item, write_jsonl


def reference_store_frame(
    factory: sessionmaker[Session], start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    latest = (
        select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
        .group_by(DeclarationRow.reference)
        .subquery()
    )
    query = select(DeclarationRow.normalised).join(
        latest,
        (DeclarationRow.reference == latest.c.reference)
        & (DeclarationRow.version == latest.c.version),
    )
    if start is not None:
        query = query.where(DeclarationRow.declaration_date >= start)
    if end is not None:
        query = query.where(DeclarationRow.declaration_date <= end)
    with factory() as session:
        declarations = [Declaration.model_validate(row) for row in session.scalars(query)]
        controls: dict[str, list[ControlResult]] = defaultdict(list)
        for payload in session.scalars(select(ControlResultRow.payload)):
            result = ControlResult.model_validate(payload)
            controls[result.declaration_reference].append(result)
    return items_frame(declarations, controls)


def reference_file_frame(path: Path, controls: Path) -> pd.DataFrame:
    declarations = []
    results: dict[str, list[ControlResult]] = {}
    for record in parse_file(path):
        if record.accepted and record.declaration is not None:
            declarations.append(record.declaration)
            if record.controls:
                results.setdefault(record.declaration.reference, []).extend(record.controls)
    for parsed in parse_controls_file(controls):
        if parsed.accepted and parsed.control is not None:
            results.setdefault(parsed.control.declaration_reference, []).append(parsed.control)
    return items_frame(declarations, results)


def odd_records() -> list[dict[str, object]]:
    """What generated data lacks: attributes (on some records only), seller and courier,
    several containers, integral amounts, absent optional fields, a declaration amended."""
    bare = declaration("ODD-BARE", items=[{"seq": 1, "hs_code": "85171300"}])
    for key in ("office", "declaration_type", "exporter", "containers", "incoterm"):
        bare.pop(key, None)
    bare.pop("invoice_currency")
    bare.pop("invoice_total")
    return [
        declaration("ODD-ATTR", attributes={"channel": "web", "broker_ref": "B-17"}),
        declaration(
            "ODD-PARTIES",
            seller={"id": "SEL1", "country": "HK"},
            courier={"id": "DHL"},
            containers=["CSQU3054383", "MSKU9070323"],
            items=[item(seq=1, quantity=3), item(seq=2, hs_code="6403990000", tax_amount=None)],
        ),
        declaration("ODD-ATTR2", attributes={"channel": "edi"}),
        bare,
        declaration("ODD-AMENDED", version=1),
        declaration("ODD-AMENDED", version=2, items=[item(seq=1), item(seq=2, quantity=7.5)]),
    ]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=600, seed=11, out_dir=out)
    return out


def same_frame(got: pd.DataFrame, want: pd.DataFrame, url: str) -> None:
    """Equal, cell for cell. The index numbers rows in the order the database returned them,
    which PostgreSQL does not fix (no ORDER BY, then and now): there only the order counts."""
    if not url.startswith("sqlite"):
        got, want = got.reset_index(drop=True), want.reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_store_frame_equals_the_object_built_frame(
    migrated_url: str, store: sessionmaker[Session], generated: Path, tmp_path: Path
) -> None:
    odd = write_jsonl(tmp_path / "odd.jsonl", odd_records())
    for path in (generated / "declarations.csv", odd):
        assert ingest_file(path, session_factory=store).quarantined == 0
    ingest_file(generated / "controls.jsonl", kind="controls", session_factory=store)

    frame = load_items_frame(session_factory=store)
    want = reference_store_frame(store)
    assert frame["controlled"].sum() > 0 and "attr_channel" in frame.columns
    assert frame["attr_channel"].isna().any() and frame["attr_channel"].notna().any()
    assert (frame.loc[frame["reference"] == "ODD-AMENDED", "version"] == 2).all()
    same_frame(frame, want, migrated_url)

    start, end = date(2025, 3, 1), date(2025, 5, 31)
    window = load_items_frame(session_factory=store, start=start, end=end)
    assert 0 < len(window) < len(frame)
    same_frame(window, reference_store_frame(store, start, end), migrated_url)


def test_empty_store_gives_the_same_empty_frame(store: sessionmaker[Session]) -> None:
    frame = load_items_frame(session_factory=store)
    assert frame.empty and list(frame.columns) == list(FRAME_COLUMNS)
    pd.testing.assert_frame_equal(frame, reference_store_frame(store))


def test_file_frame_equals_the_object_built_frame(generated: Path) -> None:
    path, controls = generated / "declarations.jsonl", generated / "controls.jsonl"
    frame = read_frame(path, controls=controls)
    assert frame["fraud"].notna().any()
    pd.testing.assert_frame_equal(frame, reference_file_frame(path, controls), check_exact=True)


def test_builder_equals_items_frame_for_objects_and_normalised_json() -> None:
    declarations = [Declaration.model_validate(r) for r in odd_records()]
    want = items_frame(declarations)
    by_objects, by_json = FrameColumns(), FrameColumns()
    for decl in declarations:
        by_objects.add_declaration(decl)
        by_json.add_normalised(decl.model_dump(mode="json", exclude_none=True))
    pd.testing.assert_frame_equal(by_objects.frame(), want, check_exact=True)
    pd.testing.assert_frame_equal(by_json.frame(), want, check_exact=True)


@pytest.mark.parametrize("chunk_items", [1, 2, 3])
def test_builder_chunks_give_the_same_frame(generated: Path, chunk_items: int) -> None:
    """Columns are turned into Arrow arrays every ``chunk_items`` goods items: chunks in
    which a column is all missing (seller, courier, attributes), holds integral amounts or
    is absent give the frame of one chunk, dtypes included."""
    declarations = [Declaration.model_validate(r) for r in odd_records()]
    for record in parse_file(generated / "declarations.jsonl"):
        if record.accepted and record.declaration is not None:
            declarations.append(record.declaration)
        if len(declarations) > 150:
            break
    controls: dict[str, list[ControlResult]] = {}
    for parsed in parse_controls_file(generated / "controls.jsonl"):
        if parsed.accepted and parsed.control is not None:
            controls.setdefault(parsed.control.declaration_reference, []).append(parsed.control)
    want = items_frame(declarations, controls)
    assert want["fraud"].notna().any() and want["seller_id"].isna().any()
    by_objects, by_json = FrameColumns(chunk_items), FrameColumns(chunk_items)
    for decl in declarations:
        by_objects.add_declaration(decl)
        by_json.add_normalised(decl.model_dump(mode="json", exclude_none=True))
    pd.testing.assert_frame_equal(by_objects.frame(controls), want, check_exact=True)
    pd.testing.assert_frame_equal(by_json.frame(controls), want, check_exact=True)
