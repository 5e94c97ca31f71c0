"""A NUL byte past the first 4 KB (which :func:`sniff` checks, refusing the file as binary
data) quarantines the record holding it, naming its line and column (and for CSV the field),
and the rest of the file is stored, on SQLite and PostgreSQL alike. Before (review of
2026-12-05), a CSV cell's NUL was read as text: stored on SQLite, refused by PostgreSQL's text
columns (psycopg DataError on the COPY), failing the ingest mid-file; an XML text node's NUL
quarantined the whole rest of the file. The KCS reader does the same since 618d3fa."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clearlane.ingest.controls import parse_controls_file
from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file
from clearlane.store.session import open_store
from clearlane.store.tables import QuarantineRow
from tests.factories import control_result, csv_text, declaration, item, xml_text

N = 40  # declarations: some 10 KB of CSV, 45 KB of XML


def _records() -> list[dict]:
    records = [declaration(f"LATE-{i:03d}") for i in range(N)]
    # a declaration of three goods items: its declaration-level cells are on three rows
    records[25]["items"] = [item(seq=s) for s in (1, 2, 3)]
    return records


def _plant(text: str, needle: str, after: int, replace: str, *, last: bool = False) -> str:
    """``text`` with the first ``needle`` after offset ``after`` (the last one when ``last``)
    replaced by ``replace`` (holding NUL)."""
    at = text.rindex(needle) if last else text.index(needle, after)
    assert at > 4096
    return text[:at] + replace + text[at + len(needle) :]


def _line_col(text: str) -> tuple[int, int]:
    at = text.index("\x00")
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _ingest(path: Path, store_url: str, **kwargs: object) -> tuple[object, list[str], list[str]]:
    store = open_store(store_url)
    report = ingest_file(path, session_factory=store, workers=0, **kwargs)  # type: ignore[arg-type]
    with store() as session:
        rows = session.scalars(select(QuarantineRow)).all()
        messages = [r["message"] for row in rows for r in row.reasons]
        locations = [row.location for row in rows]
    return report, locations, messages


@pytest.mark.parametrize("bulk", [True, False])
@pytest.mark.parametrize("where", ["item", "last_line", "header_field"])
def test_a_late_nul_in_a_csv_cell_quarantines_its_declaration(
    tmp_path: Path, store_url: str, bulk: bool, where: str
) -> None:
    records = _records()
    text = csv_text(records)
    if where == "item":  # a description, item level, of declaration 30
        text = _plant(text, "smartphones", text.index("LATE-030"), "smart\x00phones")
        reference, field = "LATE-030", "description"
    elif where == "last_line":  # the very last line, no line break after it
        text = _plant(text.rstrip("\n"), "smartphones", 0, "smartphones\x00", last=True)
        reference, field = f"LATE-{N - 1:03d}", "description"
    else:  # a declaration-level cell, on each of declaration 25's three rows
        start = text.index("LATE-025")
        end = text.index("LATE-026")
        text = (
            text[:start] + text[start:end].replace("Importer One", "Importer\x00One") + text[end:]
        )
        assert text.count("\x00") == 3
        reference, field = "LATE-025", "importer_name"
    line, column = _line_col(text)
    path = tmp_path / "late.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert b"\x00" not in path.read_bytes()[:4096]

    bad = [r for r in parse_file(path) if not r.accepted]
    assert [r.raw.reference for r in bad] == [reference]
    message = f"late.csv: line {line}: a NUL byte at column {column} (field '{field}')"
    assert any(i.message.startswith(message) for i in bad[0].issues), bad[0].issues

    report, locations, messages = _ingest(path, store_url, bulk=bulk)
    assert report.reconciles, report.as_dict()  # type: ignore[attr-defined]
    assert (report.new, report.quarantined) == (N - 1, 1), report.as_dict()  # type: ignore[attr-defined]
    assert len(locations) == 1 and str(line) in locations[0]
    assert any(m.startswith(message) for m in messages), messages


def test_a_late_nul_in_a_json_lines_line_quarantines_that_line(
    tmp_path: Path, store_url: str
) -> None:
    text = "".join(json.dumps(r) + "\n" for r in _records())
    text = _plant(text, "Broker One", 4096, "Broker\x00One")
    line, column = _line_col(text)
    path = tmp_path / "late.jsonl"
    path.write_text(text)
    report, locations, messages = _ingest(path, store_url)
    assert report.reconciles and (report.new, report.quarantined) == (N - 1, 1)  # type: ignore[attr-defined]
    assert locations == [f"late.jsonl:line {line}"]
    assert any(f"line {line}: a NUL byte at column {column}" in m for m in messages), messages


def test_a_late_nul_in_an_xml_text_node_quarantines_that_declaration(
    tmp_path: Path, store_url: str
) -> None:
    text = xml_text(_records())
    text = _plant(text, "Broker One", text.index("LATE-030"), "Broker\x00One")
    line, column = _line_col(text)
    path = tmp_path / "late.xml"
    path.write_text(text)
    bad = [r for r in parse_file(path) if not r.accepted]
    assert [r.raw.reference for r in bad] == ["LATE-030"]
    report, locations, messages = _ingest(path, store_url)
    assert report.reconciles and (report.new, report.quarantined) == (N - 1, 1)  # type: ignore[attr-defined]
    assert len(locations) == 1 and "declaration 31" in locations[0]
    assert any(f"line {line}: a NUL byte at column {column}" in m for m in messages), messages


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_late_nul_in_a_control_result_quarantines_that_result(
    tmp_path: Path, store_url: str, fmt: str
) -> None:
    store = open_store(store_url)
    ingest_file(
        _write_csv(tmp_path / "decls.csv", csv_text(_records())), session_factory=store, workers=0
    )
    # three results a declaration: some 6 KB as CSV
    results = [control_result(f"LATE-{i % N:03d}") for i in range(3 * N)]
    if fmt == "csv":
        columns = list(results[0])
        text = ",".join(columns) + "\n"
        text += "".join(",".join(str(r[c]) for c in columns) + "\n" for r in results)
    else:
        text = "".join(json.dumps(r) + "\n" for r in results)
    text = _plant(text, "documentary", 4096, "docu\x00mentary")
    line, column = _line_col(text)
    path = tmp_path / f"late-controls.{fmt}"
    path.write_text(text)
    bad = [r for r in parse_controls_file(path) if not r.accepted]
    assert [r.raw.location for r in bad] == [f"{path.name}:line {line}"]
    report = ingest_file(path, kind="controls", session_factory=store, workers=0)
    assert report.reconciles and (report.received, report.quarantined) == (3 * N, 1)
    with store() as session:
        rows = session.scalars(select(QuarantineRow).where(QuarantineRow.source.like("%ontrols%")))
        messages = [r["message"] for row in rows for r in row.reasons]
    assert any(f"line {line}: a NUL byte at column {column}" in m for m in messages), messages
    if fmt == "csv":
        assert any("(field 'control_type')" in m for m in messages), messages


def _write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_no_nul_reaches_the_store(tmp_path: Path, store_url: str) -> None:
    """On SQLite a NUL read into a cell was stored: no stored declaration holds one now."""
    from clearlane.store.tables import DeclarationRow

    text = _plant(csv_text(_records()), "Broker One", 4096, "Broker\x00One")
    store = open_store(store_url)
    ingest_file(_write_csv(tmp_path / "n.csv", text), session_factory=store, workers=0)
    with store() as session:
        stored = session.scalar(select(func.count()).select_from(DeclarationRow))
        records = session.scalars(select(DeclarationRow.normalised)).all()
    assert stored == N - 1
    assert not any("\x00" in json.dumps(r, ensure_ascii=False) for r in records)


def test_a_late_nul_outside_an_xml_declarations_text_is_quarantined_too(tmp_path: Path) -> None:
    """A NUL between two declarations is in no record: quarantined as a record of its own
    (naming line and column), so none is dropped unseen; one in a tag name is invalid XML
    (the rest of the file quarantined from the end of the last declaration read, as before)."""
    text = xml_text(_records())
    at = text.index("<declaration>", text.index("LATE-030"))
    between = text[:at] + "\x00" + text[at:]
    line, column = _line_col(between)
    path = tmp_path / "between.xml"
    path.write_text(between)
    parsed = list(parse_file(path))
    assert sum(r.accepted for r in parsed) == N
    [bad] = [r for r in parsed if not r.accepted]
    assert bad.raw.location == f"between.xml:line {line}"
    assert f"line {line}: a NUL byte at column {column}, outside any declaration" in (
        bad.issues[0].message
    )
    at = text.index("<office>", text.index("LATE-030"))
    path.write_text(text[: at + 3] + "\x00" + text[at + 3 :])
    parsed = list(parse_file(path))
    assert sum(r.accepted for r in parsed) == 30 and "-end" in parsed[-1].raw.location


def test_the_xml_mark_of_a_nul_is_no_character_the_file_holds(tmp_path: Path) -> None:
    """The NUL is fed to the parser as a private-use character; a declaration holding that
    character (written, or as a character reference) is not taken for the NUL's."""
    records = _records()
    records[10]["importer"]["name"] = "Importer \ue000"
    records[12]["importer"]["name"] = "Importer @ref@"
    text = xml_text(records).replace("@ref@", "&#xE001;")
    text = _plant(text, "Broker One", text.index("LATE-030"), "Broker\x00One")
    path = tmp_path / "mark.xml"
    path.write_text(text)
    bad = [r for r in parse_file(path) if not r.accepted]
    assert [r.raw.reference for r in bad] == ["LATE-030"]
    assert "(field 'name')" in bad[0].issues[0].message and "\x00" in bad[0].raw.original
