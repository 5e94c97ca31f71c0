"""A text file holding a NUL byte (a CSV cell, XML text, a JSON Lines line) is rejected whole
as binary data and quarantined with that reason, on SQLite and PostgreSQL alike: PostgreSQL's
text columns refuse NUL, so the quarantine keeps the file's text with each NUL escaped
(``\\x00``). Before, the rejection itself failed on PostgreSQL (psycopg DataError), the batch
``failed`` and nothing was quarantined."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from clearlane.core.bounds import MAX_JSON_DEPTH
from clearlane.core.validation import Reason
from clearlane.ingest.parse import parse_file
from clearlane.ingest.pipeline import ingest_file, read_back
from clearlane.ingest.readers.json_reader import record_from_object
from clearlane.store.session import open_store
from clearlane.store.tables import IngestBatch, QuarantineRow
from tests.factories import control_result, csv_text, declaration, xml_text


def _file(tmp_path: Path, fmt: str) -> Path:
    good, bad = declaration("NUL-GOOD"), declaration("NUL-BAD")
    path = tmp_path / f"nul.{fmt}"
    if fmt == "csv":
        text = csv_text([good, bad])
    elif fmt == "xml":
        text = xml_text([good, bad])
    else:
        text = json.dumps(good) + "\n" + json.dumps(bad) + "\n"
    path.write_text(text.replace("Broker One", "Broker\x00One", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "xml", "jsonl"])
def test_a_file_with_a_nul_byte_is_quarantined_whole_on_both_stores(
    tmp_path: Path, store_url: str, fmt: str
) -> None:
    store = open_store(store_url)
    path = _file(tmp_path, fmt)
    assert b"\x00" in path.read_bytes()
    report = ingest_file(path, session_factory=store, workers=0)
    assert report.reconciles and (report.received, report.quarantined) == (1, 1)
    assert report.rejected_file is not None and "binary data (NUL bytes)" in report.rejected_file
    with store() as session:
        raws = session.scalars(select(QuarantineRow.raw)).all()
        statuses = session.scalars(select(IngestBatch.status)).all()
    assert statuses == ["rejected"]
    assert len(raws) == 1 and "\x00" not in raws[0] and "Broker\\x00One" in raws[0]


def test_a_nul_or_lone_surrogate_escape_in_a_json_record_quarantines_that_record(
    tmp_path: Path, store_url: str
) -> None:
    """``\\u0000`` and a lone ``\\ud800`` are valid JSON escapes but no storable text: a NUL
    passed validation in identifiers, names and descriptions and PostgreSQL refused the
    chunk (the whole ingest failed); a lone surrogate in a reference failed the quarantine
    on both stores. Each such record is quarantined naming the field; the rest is stored."""
    store = open_store(store_url)
    nul_id = declaration("NUL-ID")
    nul_id["importer"] = {**nul_id["importer"], "id": "IMP__NUL__1"}
    lines = [
        json.dumps(declaration("ESC-GOOD")),
        json.dumps(nul_id).replace("__NUL__", "\\u0000"),
        json.dumps(declaration("SURR__X__")).replace("__X__", "\\uD800"),
    ]
    path = tmp_path / "escapes.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_file(path, session_factory=store, workers=0)
    assert report.reconciles and (report.new, report.quarantined) == (1, 2), report.as_dict()
    controls = tmp_path / "escapes-controls.jsonl"
    controls.write_text(
        json.dumps(
            {
                "declaration_reference": "ESC__NUL__GOOD",
                "control_type": "documentary",
                "outcome": "compliant",
            }
        ).replace("__NUL__", "\\u0000")
        + "\n"
    )
    report = ingest_file(controls, kind="controls", session_factory=store, workers=0)
    assert report.reconciles and report.quarantined == 1
    with store() as session:
        messages = [
            r["message"]
            for reasons in session.scalars(select(QuarantineRow.reasons))
            for r in reasons
        ]
    assert any("importer.id" in m and "NUL" in m for m in messages), messages
    assert any("reference" in m and "surrogate" in m for m in messages), messages


def test_a_control_result_naming_a_reference_longer_than_the_column_is_quarantined(
    tmp_path: Path, store_url: str
) -> None:
    """The declarations' reference bound (64, the column's) holds for a control result's
    declaration reference too: before, PostgreSQL's varchar(64) refused the chunk (the whole
    ingest failed) and SQLite stored it unbounded."""
    store = open_store(store_url)
    path = tmp_path / "long-reference.jsonl"
    path.write_text(
        json.dumps(control_result("R" * 65)) + "\n" + json.dumps(control_result("R" * 64)) + "\n"
    )
    report = ingest_file(path, kind="controls", session_factory=store, workers=0)
    assert report.reconciles and (report.controls_stored, report.quarantined) == (1, 1)


def test_a_nul_and_a_written_backslash_x00_stay_apart_in_the_quarantine(
    tmp_path: Path, store_url: str
) -> None:
    """A file holding a NUL and, elsewhere, the four characters ``\\x00`` as text: the stored
    row shows them differently and gives back the file's text (backslashes doubled when NULs
    are escaped); before, both were ``\\x00`` and the row could not say which was the NUL."""
    store = open_store(store_url)
    text = csv_text([declaration("NUL-A"), declaration("NUL-B")])
    text = text.replace("Broker One", "Broker\x00One", 1).replace("Broker One", "Broker\\x00One")
    path = tmp_path / "both.csv"
    path.write_text(text, encoding="utf-8", newline="")
    ingest_file(path, session_factory=store, workers=0)
    with store() as session:
        raw = session.scalars(select(QuarantineRow.raw)).one()
    assert "\x00" not in raw
    assert re.sub(r"\\(x00|\\)", lambda m: "\x00" if m[1] == "x00" else "\\", raw) == text


def test_a_lone_surrogate_in_a_json_document_is_quarantined_as_in_json_lines(
    tmp_path: Path,
) -> None:
    """A JSON document's record is checked on its text written again (``json.dumps`` with
    ``ensure_ascii=False``), which holds a lone surrogate as the character itself, not as an
    escape: before, only a JSON Lines record was quarantined for it (naming the field); a JSON
    document's failed validation as a wrong type instead. Both now say it the same way."""
    surrogate = "a lone surrogate (\\ud800-\\udfff) is not a valid string"
    records = [declaration("SURR-DOC-1"), declaration("SURR-DOC-2")]
    records[0]["office"] = "NL__X__"
    text = json.dumps(records).replace("__X__", "\\ud800")
    (tmp_path / "surrogate.json").write_text(text)
    (tmp_path / "surrogate.jsonl").write_text(
        "\n".join(json.dumps(r).replace("__X__", "\\ud800") for r in records) + "\n"
    )
    for name in ("surrogate.json", "surrogate.jsonl"):
        parsed = list(parse_file(tmp_path / name))
        assert [r.accepted for r in parsed] == [False, True], name
        assert [(i.reason, i.field, i.message.split(": ", 1)[1]) for i in parsed[0].issues] == [
            (Reason.MALFORMED, "office", f"office: {surrogate}")
        ], name


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_lone_surrogate_before_deep_nesting_leaves_the_record_too_deep(
    tmp_path: Path, fmt: str
) -> None:
    """A record nested deeper than the bound is named too deep whatever a string before the
    nesting holds, unless that is a NUL (named first in document order, as before
    2026-12-05). A lone surrogate there was named instead of the nesting once the shared
    walk (json_problem) learned lone surrogates: the reader's depth check takes its first
    problem."""
    deep = "[" * (MAX_JSON_DEPTH + 5) + "]" * (MAX_JSON_DEPTH + 5)
    expected = {"\\ud800": None, "\\uDFFF": None, "\\u0000": "office"}
    for escape, field in expected.items():
        record = json.dumps(declaration("DEEP-1", office="@x@", attributes={"d": "@y@"}))
        record = record.replace('"@x@"', f'"NL{escape}"').replace('"@y@"', deep)
        path = tmp_path / f"deep.{fmt}"
        path.write_text(f"[{record}]" if fmt == "json" else record + "\n")
        [parsed] = list(parse_file(path, fmt))
        [issue] = parsed.issues
        assert (issue.reason, issue.field) == (Reason.MALFORMED, field), escape
        if field is None:
            assert issue.message.endswith(f"nested more than {MAX_JSON_DEPTH} levels deep"), escape


def test_a_record_received_in_memory_is_walked_for_unstorable_text_only() -> None:
    """record_from_object (ingest_records: declarations received in memory) names a NUL
    after nesting deeper than the files' bound, and a record that deep whose text has an
    escaped backslash before ``u0000`` (text, not a NUL) goes on to validation, as before
    2026-12-05: whether such a record was named too deep depended on the pre-filter
    (its text holding an escape or not), since _record's walk took json_problem's depth too."""
    nested: list[object] = []
    inner = nested
    for _ in range(MAX_JSON_DEPTH + 5):
        inner.append([])
        inner = inner[0]  # type: ignore[assignment]
    record = declaration("MEM-1", attributes={"deep": nested, "z": "a\x00b"})
    got = record_from_object("mem:record 1", json.dumps(record), record)
    assert got.data is None
    assert [(i.reason, i.field) for i in got.issues] == [(Reason.MALFORMED, "attributes.z")]
    record = declaration("MEM-2", attributes={"deep": nested, "z": "C:\\u0000"})
    got = record_from_object("mem:record 1", json.dumps(record), record)
    assert "\\\\u0000" in json.dumps(record) and got.data is not None and got.issues == []


def test_a_json_document_with_a_lone_surrogate_is_ingested_its_record_quarantined(
    tmp_path: Path, store_url: str
) -> None:
    """The record is quarantined as malformed (parse_file said so since 2026-12-05), but its
    original, the record written again with the surrogate as the character itself, was no
    text a store keeps: the quarantine's insert raised UnicodeEncodeError on both stores and
    the ingest failed. The original keeps the escape, as a JSON Lines line does."""
    store = open_store(store_url)
    records = [declaration("SURR-ING-1"), declaration("SURR-ING-2")]
    records[0]["office"] = "NL__X__"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(records).replace("__X__", "\\ud800"))
    report = ingest_file(path, session_factory=store, workers=0)
    assert report.reconciles and (report.received, report.quarantined) == (2, 1)
    with store() as session:
        [raw] = session.scalars(select(QuarantineRow.raw)).all()
    # the escape's backslash doubled (its text, not a surrogate), read back as received
    assert "NL\\\\ud800" in raw and json.loads(read_back(raw))["office"] == "NL\ud800"


def test_a_record_received_in_memory_with_a_lone_surrogate_is_quarantined(
    tmp_path: Path, store_url: str
) -> None:
    """ingest_records keeps a record's JSON "as a JSON file's records are kept": written
    again with the surrogate as the character itself, the quarantine's insert raised
    UnicodeEncodeError on both stores. It keeps the escape, as a JSON document now does."""
    from clearlane.ingest.pipeline import ingest_records

    store = open_store(store_url)
    records = [declaration("SURR-MEM-1"), declaration("SURR-MEM-2")]
    records[0]["office"] = "NL\ud800"
    report = ingest_records(records, source="memory", session_factory=store)
    assert report.reconciles and (report.received, report.quarantined) == (2, 1)
    with store() as session:
        [raw] = session.scalars(select(QuarantineRow.raw)).all()
    # the escape's backslash doubled (its text, not a surrogate), read back as received
    assert "NL\\\\ud800" in raw and json.loads(read_back(raw))["office"] == "NL\ud800"


def test_the_quarantine_keeps_a_rejected_record_whose_text_holds_a_lone_surrogate(
    tmp_path: Path, store_url: str
) -> None:
    """The quarantine escapes a lone surrogate itself (``\\ud800``, backslashes doubled, as
    for a NUL) instead of relying on every producer to have escaped it: a rejected record
    received with such an original (``ingest_records(originals=...)``) raised
    UnicodeEncodeError on both stores and the whole ingest failed. Nothing is lost: the
    stored texts read back give the original, reference and message as received."""
    from clearlane.ingest.pipeline import ingest_records

    store = open_store(store_url)
    rejected = declaration("SURR-Q-1", office="")  # refused by validation: no office
    original = '{"note": "C:\\\\path \ud800 and \udfff\x00 end", "reference": "SURR-Q-1"}'
    report = ingest_records(
        [rejected, declaration("SURR-Q-2")],
        source="memory",
        originals=[original, json.dumps(declaration("SURR-Q-2"))],
        session_factory=store,
    )
    assert report.reconciles and (report.new, report.quarantined) == (1, 1), report.as_dict()
    with store() as session:
        [row] = session.scalars(select(QuarantineRow)).all()
    assert read_back(row.raw) == original
    assert not re.search("[\x00\ud800-\udfff]", row.raw)
    assert row.reference == "SURR-Q-1" and row.location == "memory:record 1"


def test_every_quarantined_text_reads_back_to_the_one_received(
    tmp_path: Path, store_url: str
) -> None:
    """A text was escaped only when it held a NUL or a lone surrogate, so a stored ``\\ud800``
    or ``\\\\`` could be the escape of a surrogate or of a backslash, or the very text
    received: a record holding a lone surrogate and one holding the six characters
    ``\\ud800`` were stored alike, and which backslashes to halve was a guess. Now a text is
    also escaped when it holds what reads back (``\\\\``, ``\\x00``, ``\\udXXX``), so every
    stored text reads back (:func:`read_back`) to the one received."""
    from clearlane.ingest.pipeline import ingest_records

    store = open_store(store_url)
    originals = [
        '{"note": "NL \ud800"}',  # a lone surrogate: escaped
        '{"note": "NL \\ud800"}',  # the text of its escape: was stored as the line above
        '{"note": "C:\\\\x00 and \\\\\\\\ here"}',  # backslashes written twice, no NUL
        '{"note": "C:\\temp plain"}',  # a lone backslash that reads back as itself
    ]
    rejected = [declaration(f"RB-{i}", office="") for i in range(len(originals))]
    report = ingest_records(rejected, source="memory", originals=originals, session_factory=store)
    assert report.quarantined == len(originals), report.as_dict()
    with store() as session:
        raws = session.scalars(select(QuarantineRow.raw).order_by(QuarantineRow.id)).all()
    assert len(set(raws)) == len(originals), raws
    assert [read_back(raw) for raw in raws] == originals
    assert raws[3] == originals[3]  # nothing to escape: kept as received


def test_a_record_quarantined_from_a_file_with_a_long_path_is_kept(
    tmp_path: Path, store_url: str
) -> None:
    """The quarantine row's source (the file's path, String(1024)) was stored whole, its
    batch's cut to 1024 characters: a rejected record of a file whose path is longer (legal:
    PATH_MAX is 4096) failed the ingest on PostgreSQL (varchar(1024)); escaping its
    backslashes makes the text longer still. Cut as the batch's and the location are."""
    folder = tmp_path
    while len(str(folder)) < 1100:
        folder = folder / ("d" * 200)
    folder.mkdir(parents=True)
    path = folder / "bad.jsonl"
    path.write_text(
        json.dumps(declaration("LONG-OK")) + "\n" + json.dumps(declaration("LONG-BAD", office=""))
    )
    store = open_store(store_url)
    report = ingest_file(path, session_factory=store, workers=0)
    assert report.reconciles and (report.new, report.quarantined) == (1, 1), report.as_dict()
    with store() as session:
        [source] = session.scalars(select(QuarantineRow.source)).all()
    assert source == str(path)[:1024]


def test_a_lone_surrogate_and_the_text_of_its_escape_are_two_quarantined_records(
    store_url: str,
) -> None:
    """A rejected record is kept once by the hash of its location and text, which wrote a lone
    surrogate as the text of its escape (``backslashreplace``): a record holding ``\\ud800``
    and one at the same place holding the six characters ``\\ud800`` had one hash, and the
    second was taken for the first and not kept. The hash now keeps the surrogate apart;
    a text without one hashes as before."""
    from clearlane.ingest.pipeline import _sha256, ingest_records

    store = open_store(store_url)
    originals = ['{"note": "NL \ud800"}', '{"note": "NL \\ud800"}']
    for original in originals:  # two deliveries, each its record 1
        ingest_records(
            [declaration("TWICE-1", office="")],
            source="memory",
            originals=[original],
            session_factory=store,
        )
    with store() as session:
        raws = session.scalars(select(QuarantineRow.raw).order_by(QuarantineRow.id)).all()
    assert [read_back(raw) for raw in raws] == originals
    plain = "memory:record 1\n" + '{"note": "C:\\\\temp é"}'
    assert _sha256(plain) == hashlib.sha256(plain.encode()).hexdigest()
