"""The writer's COPY on PostgreSQL (binary, JSON text passed as it is) stores exactly what
SQLAlchemy's ``insert(table)`` stores: every column, the JSON columns as text, floats to the
bit."""

from __future__ import annotations

import struct
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, Numeric, String, Table, insert, select, text
from sqlalchemy.exc import DataError

from clearlane.ingest import pipeline
from clearlane.ingest.pipeline import (
    DECLARATION_COLUMNS,
    DECLARATIONS,
    GOODS_ITEMS,
    ITEM_COLUMNS,
    NORMALISED_READY,
    _bulk_insert,
    _copy_types,
    _json_text,
    _json_text_binds,
    _normalised,
    _open_batch,
)
from clearlane.store.session import open_store

pytestmark = pytest.mark.postgres

AWKWARD = ["tab\there", "line\nbreak", "back\\slash \\N", "quote \" and '", "é ü 漢 🚢", ""]
FLOATS = [0.1, 1 / 3, 1e-310, 1.7976931348623157e308, -0.0, 123456789.125, None]


def _declaration(i: int, batch_id: int) -> dict[str, Any]:
    normalised = {
        "reference": f"D-{i}",
        "note": AWKWARD[i % len(AWKWARD)],
        "amounts": [1.1, 2e-7, 1 / 3, i],
        "nested": {"ok": True, "none": None, "é": "ü"},
        "version": 1,
    }
    return {
        "reference": f"D-{i}",
        "declaration_date": [date(1, 1, 1), date(2024, 2, 29), date(9999, 12, 31)][i % 3],
        "office": AWKWARD[i % len(AWKWARD)] or None,
        "declarant_id": "ID\\" + str(i),
        "importer_id": None,
        "country_dispatch": "DE",
        "transport_mode": None if i % 2 else "1",
        "n_items": 2,
        "total_duty": FLOATS[i % len(FLOATS)] or 0.0,
        "content_sha256": f"{i:064x}",
        "normalised": normalised,
        "original": "a,b\n" + AWKWARD[i % len(AWKWARD)] + "\r\n",
        "original_format": "csv",
        "source_location": f"f.csv:line {i}",
        "warnings": None if i % 3 else [{"reason": "x", "message": "é\t\\"}],
        "version": 1,
        "batch_id": batch_id,
        "ingested_at": datetime(2026, 12, 3, 21, 5, 7, 123456, tzinfo=UTC),
    }


def _item(reference: str, seq: int) -> dict[str, Any]:
    value = FLOATS[seq % len(FLOATS)]
    return {
        "reference": reference,
        "seq": seq,
        "hs_code": "8471300000",
        "hs6": "847130",
        "description": AWKWARD[seq % len(AWKWARD)] or None,
        "origin_country": None if seq % 2 else "CN",
        "quantity": value,
        "quantity_unit": "NAR",
        "net_mass_kg": FLOATS[(seq + 1) % len(FLOATS)],
        "gross_mass_kg": FLOATS[(seq + 2) % len(FLOATS)],
        "item_value": value,
        "customs_value": 1e15 + seq,
        "duty_rate": 0.0,
        "duty_amount": FLOATS[(seq + 3) % len(FLOATS)],
        "tax_amount": None,
        "version": 1,
    }


def _stored(session: Any, table: Table, prefix: str) -> list[tuple[Any, ...]]:
    """The rows whose reference starts with ``prefix`` (prefix cut), JSON as its stored text,
    floats as their bits (so -0.0 and the last bit count)."""
    names = [c.name for c in table.c if c.name not in ("id", "reference")]
    listed = ", ".join(
        f"CAST({n} AS TEXT)" if n in ("normalised", "warnings") else n for n in names
    )
    rows = session.execute(
        text(f"SELECT reference, {listed} FROM {table.name} WHERE reference LIKE :p"),
        {"p": prefix + "%"},
    ).all()
    out = []
    for row in rows:
        values = [row[0][len(prefix) :]]
        for value in row[1:]:
            values.append(struct.pack("<d", value) if isinstance(value, float) else value)
        out.append(tuple(values))
    return sorted(out, key=repr)


@pytest.mark.parametrize("insert_up_to", [0, 100], ids=["copy", "one-insert"])
def test_copy_stores_what_insert_stores(
    postgres_url: str, insert_up_to: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both ways the writer sends rows to PostgreSQL (COPY; one ``INSERT ... VALUES`` for a
    few rows, session 30) store what ``insert(table)`` stores."""
    monkeypatch.setattr(pipeline, "INSERT_UP_TO", insert_up_to)
    factory = open_store(postgres_url)
    with factory() as session:
        batch_id = _open_batch(session, source="t", source_sha256="0" * 64, fmt="csv", kind="x")
        connection = session.connection()
        dialect = connection.dialect
        assert _copy_types(DECLARATIONS, [*DECLARATION_COLUMNS, "batch_id", "ingested_at"])
        assert _copy_types(GOODS_ITEMS, ITEM_COLUMNS) is not None  # the binary COPY is tested
        serialise = DECLARATIONS.c.normalised.type._cached_bind_processor(dialect)
        assert _json_text_binds(dialect, serialise)  # the bulk path's text goes as it is
        declarations = [_declaration(i, batch_id) for i in range(12)]
        items = [_item(d["reference"], s) for d in declarations for s in (1, 2)]

        def renamed(rows: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
            return [{**r, "reference": prefix + r["reference"]} for r in rows]

        copied = renamed(declarations, "C-")
        columns = [[d[name] for d in copied] for name in DECLARATION_COLUMNS]
        position = DECLARATION_COLUMNS.index("normalised")
        # As the writer binds them: the bulk path's JSON text (half of them, one with another
        # version than the text's) and the per-record path's dicts.
        bound = []
        for i, d in enumerate(copied):
            value = d["normalised"]
            if i % 2:
                stored_as = 2 if i == 1 else 1
                value = _json_text({**value, "version": 1})
                d["normalised"] = {**d["normalised"], "version": stored_as}
                copied[i] = {**d, "version": stored_as}
                columns[DECLARATION_COLUMNS.index("version")][i] = stored_as
                bound.append(_normalised(value, 1, stored_as, serialise, True))
            else:
                bound.append(_normalised(dict(value), 0, 1, serialise, True))
        assert sum(isinstance(v, str) for v in bound) == 5  # version 2's text is rewritten
        columns[position] = bound
        constants = {"batch_id": batch_id, "ingested_at": declarations[0]["ingested_at"]}
        _bulk_insert(
            connection,
            DECLARATIONS,
            DECLARATION_COLUMNS,
            columns,
            constants,
            ready=NORMALISED_READY,
        )
        connection.execute(
            insert(DECLARATIONS),
            [{**d, "reference": "J-" + d["reference"][2:]} for d in copied],
        )
        copied_items = renamed(items, "C-")
        copied_items[2]["version"] = 2  # the items of D-1, stored as version 2 above
        copied_items[3]["version"] = 2
        item_columns = [[it[name] for it in copied_items] for name in ITEM_COLUMNS]
        _bulk_insert(connection, GOODS_ITEMS, ITEM_COLUMNS, item_columns)
        connection.execute(
            insert(GOODS_ITEMS),
            [{**it, "reference": "J-" + it["reference"][2:]} for it in copied_items],
        )
        session.commit()
        for table in (DECLARATIONS, GOODS_ITEMS):
            by_copy = _stored(session, table, "C-")
            assert by_copy == _stored(session, table, "J-")
            assert len(by_copy) == (12 if table is DECLARATIONS else 24)


def test_an_unknown_column_type_is_copied_as_text(postgres_url: str) -> None:
    """A type the binary COPY does not know (numeric here) falls back to text COPY."""
    factory = open_store(postgres_url)
    table = Table(
        "copy_probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("reference", String(16)),
        Column("amount", Numeric(12, 3)),
    )
    assert _copy_types(table, ["reference", "amount"]) is None
    assert _copy_types(table, ["reference"]) == ["text"]
    with factory() as session:
        connection = session.connection()
        table.create(connection)
        values: list[list[Any]] = [["a\tb", "é\\", None], [1.5, None, 2.125]]
        _bulk_insert(connection, table, ["reference", "amount"], values)
        rows = connection.execute(select(table.c.reference, table.c.amount).order_by(table.c.id))
        assert [(r, None if a is None else float(a)) for r, a in rows] == list(
            zip(*values, strict=True)
        )


def test_an_integer_out_of_its_column_range_is_refused_not_wrapped(postgres_url: str) -> None:
    """Binary COPY sends an int4 as four bytes: psycopg packs 2**31 as -2**31 without a word,
    so a version one past the largest (an amendment of a version 2**31 - 1 declaration) was
    stored as -2147483648. The server must see the number and refuse it, as INSERT and text
    COPY do."""
    from psycopg.errors import NumericValueOutOfRange

    factory = open_store(postgres_url)
    table = Table(
        "copy_ints",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("n", Integer),
    )
    with factory() as session:
        connection = session.connection()
        table.create(connection)
        _bulk_insert(connection, table, ["n"], [[2**31 - 1, -(2**31), None]])
        stored = connection.execute(select(table.c.n).order_by(table.c.id)).scalars().all()
        assert stored == [2**31 - 1, -(2**31), None]  # the range's ends go binary as they are
        for wrong in (2**31, 2**32 + 7, -(2**31) - 1):
            with pytest.raises(DataError) as refused, connection.begin_nested():
                _bulk_insert(connection, table, ["n"], [[1, wrong]])
            assert isinstance(refused.value.orig, NumericValueOutOfRange)  # as INSERT raises it
        assert connection.execute(select(table.c.n).order_by(table.c.id)).scalars().all() == (
            stored
        )


def test_a_few_rows_go_in_one_insert_not_a_copy(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An API submission's declaration and goods items: one statement (one round trip) a
    table, not a COPY (two: its start answered, then its end). On main every write was a
    COPY."""
    import psycopg
    from sqlalchemy import event

    def no_copy(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("COPY for a few rows")

    factory = open_store(postgres_url)
    statements: list[str] = []
    with factory() as session:
        batch_id = _open_batch(session, source="t", source_sha256="0" * 64, fmt="csv", kind="x")
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", lambda *a: statements.append(a[2]))
        monkeypatch.setattr(psycopg.Cursor, "copy", no_copy)
        declaration = {**_declaration(0, batch_id), "reference": "F-1"}
        del declaration["batch_id"], declaration["ingested_at"]
        items = [_item("F-1", s) for s in (1, 2, 3)]
        _bulk_insert(
            connection,
            DECLARATIONS,
            DECLARATION_COLUMNS,
            [[declaration[name]] for name in DECLARATION_COLUMNS],
            {"batch_id": batch_id, "ingested_at": datetime(2026, 12, 6, tzinfo=UTC)},
        )
        _bulk_insert(
            connection, GOODS_ITEMS, ITEM_COLUMNS, [[it[n] for it in items] for n in ITEM_COLUMNS]
        )
        assert [s.split(" (")[0] for s in statements] == [
            "INSERT INTO declarations",
            "INSERT INTO goods_items",
        ]
        stored = connection.execute(
            select(GOODS_ITEMS.c.seq).where(GOODS_ITEMS.c.reference == "F-1").order_by("seq")
        )
        assert stored.scalars().all() == [1, 2, 3]
