"""Every kind of bad input gets a clear message naming where, counts reconcile, nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest.pipeline import IngestReport, ingest_file, store_counts
from clearlane.store.quarantine import list_quarantine
from tests.factories import csv_text, declaration, item, write_csv, write_jsonl


def run(path: Path, store: sessionmaker[Session], fmt: str | None = None, **kw) -> IngestReport:
    report = ingest_file(path, fmt, session_factory=store, **kw)
    assert report.reconciles, report.as_dict()
    counts = store_counts(store)
    assert counts["declarations"] >= report.new
    return report


def messages(store: sessionmaker[Session]) -> list[str]:
    return [r["message"] for q in list_quarantine(session_factory=store) for r in q["reasons"]]


def test_good_csv_is_stored(tmp_path: Path, sqlite_store) -> None:
    records = [declaration(f"D{i}", items=[item(seq=1), item(seq=2)]) for i in range(5)]
    report = run(write_csv(tmp_path / "ok.csv", records), sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (5, 5, 0)
    assert store_counts(sqlite_store)["goods_items"] == 10


def test_unbalanced_quote(tmp_path: Path, sqlite_store) -> None:
    text = csv_text([declaration("D1"), declaration("D2")])
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].replace("smartphones", '"smartphones', 1)
    path = tmp_path / "quote.csv"
    path.write_text("".join(lines))
    report = run(path, sqlite_store)
    assert report.stored == 1 and report.quarantined == 1
    assert any("line 3" in m and "unbalanced quote" in m for m in messages(sqlite_store))
    raw = list_quarantine(session_factory=sqlite_store)[0]["raw"]
    assert '"smartphones' in raw  # the rejected text is kept as received


def test_missing_required_column(tmp_path: Path, sqlite_store) -> None:
    text = csv_text([declaration("D1")]).replace("hs_code", "hs_kode", 1)
    path = tmp_path / "missing.csv"
    path.write_text(text)
    report = run(path, sqlite_store)
    assert report.stored == 0 and report.quarantined == 1
    found = messages(sqlite_store)
    assert any("required column 'hs_code' is missing" in m for m in found)
    assert any("column 'hs_kode' is not in the ClearLane CSV layout" in m for m in found)


def test_extra_fields_in_a_row(tmp_path: Path, sqlite_store) -> None:
    lines = csv_text([declaration("D1"), declaration("D2")]).splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ",surplus\n"
    path = tmp_path / "extra.csv"
    path.write_text("".join(lines))
    report = run(path, sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1)
    assert any("line 2" in m and "fields, the header has" in m for m in messages(sqlite_store))


def test_wrong_types_and_codes_name_the_field(tmp_path: Path, sqlite_store) -> None:
    records = [
        declaration("T1", items=[item(net_mass_kg="heavy")]),
        declaration("T2", country_dispatch="QQ"),
        declaration("T3", invoice_currency="XYZ"),
        declaration("T4", items=[item(hs_code="999999")]),
        declaration("T5", containers=["CSQU3054384"]),
        declaration("T6", items=[item(net_mass_kg=-3.0)]),
        declaration("T7", items=[item(gross_mass_kg=9e12)]),
        declaration("T8", items=[item(net_mass_kg=50.0)]),
        declaration("T9", declaration_date="2025-02-30"),
        declaration("T10", declaration_date="2099-01-01"),
        declaration("OK1"),
    ]
    report = run(write_jsonl(tmp_path / "bad.jsonl", records), sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (11, 1, 10)
    by_ref = {q["reference"]: q for q in list_quarantine(session_factory=sqlite_store)}
    expected = {
        "T1": ("wrong_type", "items[0].net_mass_kg"),
        "T2": ("unknown_country", "country_dispatch"),
        "T3": ("unknown_currency", "invoice_currency"),
        "T4": ("hs_code_unknown", "items[0].hs_code"),
        "T5": ("container_check_digit", "containers[0]"),
        "T6": ("negative_value", "items[0].net_mass_kg"),
        "T7": ("absurd_value", "items[0].gross_mass_kg"),
        "T8": ("net_above_gross", "items[0].net_mass_kg"),
        "T9": ("invalid_date", "declaration_date"),
        "T10": ("future_date", "declaration_date"),
    }
    for reference, (code, field) in expected.items():
        reasons = by_ref[reference]["reasons"]
        assert any(r["reason"] == code and r["field"] == field for r in reasons), reasons
        assert all("bad.jsonl:line" in r["message"] for r in reasons)


def test_truncated_json_document(tmp_path: Path, sqlite_store) -> None:
    text = json.dumps([declaration("J1"), declaration("J2")])
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2])
    report = run(path, sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1)
    assert report.rejected_file and "invalid JSON" in report.rejected_file
    assert "truncated" in report.rejected_file


def test_truncated_jsonl_line_loses_only_that_line(tmp_path: Path, sqlite_store) -> None:
    path = write_jsonl(tmp_path / "cut.jsonl", [declaration("L1"), declaration("L2")])
    path.write_text(path.read_text() + json.dumps(declaration("L3"))[:40] + "\n")
    report = run(path, sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (3, 2, 1)
    assert any("cut.jsonl:line 3: invalid JSON" in m for m in messages(sqlite_store))


def test_invalid_xml_keeps_what_came_before(tmp_path: Path, sqlite_store) -> None:
    good = (
        "<declaration><reference>X1</reference><declaration_date>2025-01-02</declaration_date>"
        "<items><item><seq>1</seq><hs_code>850440</hs_code><origin_country>CN</origin_country>"
        "</item></items></declaration>"
    )
    path = tmp_path / "broken.xml"
    path.write_text(f"<declarations>\n{good}\n{good.replace('X1', 'X2')[:-20]}\n<declaration>")
    report = run(path, sqlite_store)
    assert report.stored == 1 and report.quarantined == 1
    assert any("invalid XML" in m and "broken.xml: line" in m for m in messages(sqlite_store))


def test_latin1_file_says_which_line_and_what_to_do(tmp_path: Path, sqlite_store) -> None:
    text = csv_text([declaration("D1", items=[item(description="café crème")]), declaration("D2")])
    path = tmp_path / "latin1.csv"
    path.write_bytes(text.encode("latin-1"))
    report = run(path, sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1)
    found = messages(sqlite_store)
    assert any(
        "line 2" in m and "not valid utf-8" in m and "--encoding latin-1" in m for m in found
    )
    again = run(path, sqlite_store, encoding="latin-1")
    assert again.quarantined == 0 and again.new == 1  # D2 already stored, D1 now readable


def test_empty_file(tmp_path: Path, sqlite_store) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("")
    report = run(path, sqlite_store)
    assert report.rejected_file == "empty.csv: the file is empty"
    assert (report.received, report.stored, report.quarantined) == (1, 0, 1)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("data.csv", json.dumps([{"reference": "x"}]), "looks like JSON; try --format json"),
        ("data.json", "reference,declaration_date\nA,2024-01-01\n", "looks like TEXT"),
        ("data.xml", '{"reference": "x"}', "looks like JSON"),
        ("data.csv", "%PDF-1.7 binary stuff", "looks like PDF"),
        ("data.csv", b"\x00\x01\x02binary", "binary data"),
    ],
)
def test_file_that_is_not_what_its_extension_says(
    tmp_path: Path, sqlite_store, name: str, content: str | bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    report = run(path, sqlite_store)
    assert report.rejected_file is not None and expected in report.rejected_file
    assert report.quarantined == 1
    assert list_quarantine(session_factory=sqlite_store)[0]["raw"]  # the content is kept


def test_duplicate_references_within_one_file(tmp_path: Path, sqlite_store) -> None:
    records = [declaration("D1"), declaration("D2"), declaration("D1")]
    report = run(write_csv(tmp_path / "dup.csv", records), sqlite_store)
    assert (report.stored, report.quarantined) == (2, 1)
    assert any("'D1' already appeared earlier in this file" in m for m in messages(sqlite_store))


def test_csv_rows_of_one_declaration_must_agree(tmp_path: Path, sqlite_store) -> None:
    lines = csv_text([declaration("D1", items=[item(seq=1), item(seq=2)])]).splitlines(True)
    lines[2] = lines[2].replace("NLRTM1", "NLAMS1")
    path = tmp_path / "incons.csv"
    path.write_text("".join(lines))
    report = run(path, sqlite_store)
    assert report.quarantined == 1
    assert any("['office'] differ from line 2" in m for m in messages(sqlite_store))


def test_missing_file_and_unknown_extension_are_refused_before_writing(
    tmp_path: Path, sqlite_store
) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        ingest_file(tmp_path / "nope.csv", session_factory=sqlite_store)
    odd = tmp_path / "data.txt"
    odd.write_text("x")
    with pytest.raises(ValueError, match="pass --format"):
        ingest_file(odd, session_factory=sqlite_store)
    assert store_counts(sqlite_store)["quarantine"] == 0


def _reasons(store: sessionmaker[Session]) -> dict[str, set[tuple[str, str]]]:
    """reference -> {(reason, field)} of the quarantined records."""
    return {
        str(q["reference"]): {(r["reason"], r["field"]) for r in q["reasons"]}
        for q in list_quarantine(session_factory=store)
    }


def test_identifiers_and_names_over_the_wco_lengths_are_quarantined(
    tmp_path: Path, sqlite_store
) -> None:
    records = [
        declaration("LEN-OK"),
        declaration("LEN-ID", importer={"id": "X" * 200_000, "name": "Big", "country": "NL"}),
        declaration("LEN-NAME", declarant={"id": "NL1", "name": "N" * 71, "country": "NL"}),
        declaration("R" * 36),
    ]
    for fmt, path in (
        ("jsonl", write_jsonl(tmp_path / "len.jsonl", records)),
        ("csv", write_csv(tmp_path / "len.csv", records)),
    ):
        report = run(path, sqlite_store, fmt)
        assert (report.stored, report.quarantined) == (1, 3), fmt
    reasons = _reasons(sqlite_store)
    assert ("too_long", "importer.id") in reasons["LEN-ID"]
    assert ("too_long", "declarant.name") in reasons["LEN-NAME"]
    assert ("too_long", "reference") in reasons["R" * 36]
    assert any("200,000 characters long; at most 17" in m for m in messages(sqlite_store))


def test_references_outside_the_alphabet_are_refused(tmp_path: Path, sqlite_store) -> None:
    records = [declaration(ref) for ref in ("SECX/1", "A B", "-lead", "ok-1.2_3")]
    report = run(write_jsonl(tmp_path / "refs.jsonl", records), sqlite_store)
    assert (report.stored, report.quarantined) == (1, 3)
    reasons = _reasons(sqlite_store)
    for bad in ("SECX/1", "A B", "-lead"):
        assert ("invalid_reference", "reference") in reasons[bad], bad


def test_kcs_unknown_country_zz_is_quarantined(tmp_path: Path, sqlite_store) -> None:
    header = (
        "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,"
        "Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,"
        "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,"
        "Net Mass,Item Price,Fraud,Critical Fraud\n"
    )
    row = "{},2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,{},BE,0.0,FEU1,G,"
    row += "108.0,372254.4,0,0\n"
    good, zz = row.format("97061800", "BE"), row.format("97061801", "ZZ")
    path = tmp_path / "kcs.csv"
    path.write_text(header + good + zz)
    report = run(path, sqlite_store, "kcs")
    assert (report.stored, report.quarantined) == (1, 1)
    assert ("unknown_country", "country_dispatch") in _reasons(sqlite_store)["97061801"]


@pytest.mark.parametrize("depth", [40, 900, 5000])
def test_deeply_nested_json_records_are_quarantined_not_a_crash(
    tmp_path: Path, sqlite_store, depth: int
) -> None:
    deep = declaration("DEEP-1")
    deep["attributes"] = {"x": "y"}
    text = json.dumps(deep)[:-1] + ', "nested": ' + "[" * depth + "]" * depth + "}"
    good = json.dumps(declaration("FLAT-1"))
    (tmp_path / "deep.jsonl").write_text(text + "\n" + good + "\n")
    report = run(tmp_path / "deep.jsonl", sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1)
    (tmp_path / "deep.json").write_text("[" + text + "," + good + "]")
    report = run(tmp_path / "deep.json", sqlite_store)
    assert report.quarantined >= 1
    assert any("nested more than 32 levels" in m for m in messages(sqlite_store))


def test_a_key_that_is_no_valid_string_is_quarantined_not_a_crash(
    tmp_path: Path, sqlite_store
) -> None:
    # A lone surrogate escape in a key: pydantic reports it on the record as a whole (no
    # field), which the lenient second pass of validation used to crash on (IndexError).
    bad = json.dumps(declaration("SURR-1")).replace('"office"', '"off\\ud800ice"', 1)
    good = json.dumps(declaration("FLAT-2"))
    (tmp_path / "surrogate.jsonl").write_text(bad + "\n" + good + "\n")
    report = run(tmp_path / "surrogate.jsonl", sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1)
    assert any(
        "valid string" in m and "surrogate.jsonl:line 1" in m for m in messages(sqlite_store)
    )


def test_a_number_of_thousands_of_digits_is_quarantined_not_a_crash(
    tmp_path: Path, sqlite_store
) -> None:
    """Python converts at most 4,300 digits to an int: json raised a ValueError past it (not a
    JSONDecodeError), which failed the whole ingest of a JSON Lines file, a JSON document and
    a control-results file. The record (the JSON document) is refused as invalid JSON
    naming where the number is."""
    huge = "9" * 5000
    bad = json.dumps(declaration("HUGE-1")).replace('"quantity": 100', f'"quantity": {huge}', 1)
    assert huge in bad
    good = json.dumps(declaration("FLAT-3"))
    (tmp_path / "huge.jsonl").write_text(bad + "\n" + good + "\n")
    report = run(tmp_path / "huge.jsonl", sqlite_store)
    assert (report.stored, report.quarantined) == (1, 1)
    assert any(
        "huge.jsonl:line 1: invalid JSON at column" in m and "more than 4300 digits" in m
        for m in messages(sqlite_store)
    )
    (tmp_path / "huge.json").write_text("[" + good + ",\n" + bad + "]")
    report = run(tmp_path / "huge.json", sqlite_store)
    assert report.rejected_file is not None and "line 2, column" in report.rejected_file
    controls = json.dumps({"declaration_reference": "FLAT-3", "extra_duty": 1}).replace(
        "1}", huge + "}"
    )
    (tmp_path / "huge-controls.jsonl").write_text(controls + "\n")
    report = run(tmp_path / "huge-controls.jsonl", sqlite_store, kind="controls")
    assert report.quarantined == 1


def test_a_repeated_key_quarantines_the_record_naming_the_key(tmp_path: Path, sqlite_store) -> None:
    """``json`` keeps a repeated key's last value silently; the record is quarantined instead
    (as the API refuses such a body), in JSON Lines and JSON documents alike."""
    twice = json.dumps(declaration("TWICE-1"))[:-1] + ', "reference": "TWICE-2"}'
    nested = json.dumps(declaration("TWICE-3")).replace('"seq": 1', '"seq": 1, "seq": 2', 1)
    good = json.dumps(declaration("ONCE-1"))
    (tmp_path / "twice.jsonl").write_text("\n".join((twice, nested, good)) + "\n")
    report = run(tmp_path / "twice.jsonl", sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (3, 1, 2)
    (tmp_path / "twice.json").write_text("[" + ",".join((twice, nested, good)) + "]")
    report = run(tmp_path / "twice.json", sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (3, 1, 2)
    found = messages(sqlite_store)
    for where in ("twice.jsonl:line 1", "twice.json:record 1"):
        assert any(f"{where}: 'reference': duplicate key 'reference'" in m for m in found)
    for where in ("twice.jsonl:line 2", "twice.json:record 2"):
        assert any(f"{where}: 'items[0].seq': duplicate key 'seq'" in m for m in found)


def test_a_repeated_declarations_key_rejects_the_json_file(tmp_path: Path, sqlite_store) -> None:
    """``{"declarations": [A], "declarations": [B]}``: which list was meant is unknown, so the
    file is rejected naming the key (it stored B silently: the envelope's check copied the
    parsed document into a plain dict, dropping the mark of the repeat)."""
    first, second = json.dumps(declaration("ENV-1")), json.dumps(declaration("ENV-2"))
    path = tmp_path / "envelope.json"
    path.write_text(f'{{"declarations": [{first}], "declarations": [{second}]}}')
    report = run(path, sqlite_store)
    assert report.rejected_file and report.stored == 0
    assert any(
        "envelope.json: 'declarations': duplicate key 'declarations'" in m
        for m in messages(sqlite_store)
    )


def test_depth_check_shortcuts_agree_with_the_full_walk() -> None:
    """The reader's depth check (bracket count of the text, then a walk without paths) says
    "too deep" exactly when json_problem's first problem is the nesting, NUL or not before."""
    from clearlane.core.bounds import MAX_JSON_DEPTH, json_problem
    from clearlane.ingest.readers.json_reader import _deep

    def nest(levels: int, leaf: object = 1) -> object:
        for _ in range(levels):
            leaf = [leaf]
        return leaf

    for levels in range(MAX_JSON_DEPTH - 3, MAX_JSON_DEPTH + 3):
        for obj in (
            nest(levels),
            nest(levels, {}),
            {"a": nest(levels)},
            {"a": "x\x00", "b": nest(levels)},
            {"b": nest(levels), "a": "x\x00"},
            {"text": "[[[[{{{{" * 8, "b": nest(levels)},
        ):
            problem = json_problem(obj, "record")
            want = problem is not None and problem[1].startswith("nested")
            assert _deep(obj) is want
            assert _deep(obj, json.dumps(obj)) is want


def test_a_csv_header_of_too_many_columns_rejects_the_file_naming_the_bound(
    tmp_path: Path, sqlite_store
) -> None:
    """Each unknown column was an issue repeated on every record, deduplicated by a list scan:
    20,000 columns took 70 s, 40,000 took 280 s, and a million would have written a million
    issues per quarantined row. Over the bound the file is rejected (received 1 = quarantined
    1), saying how many columns the header has."""
    from clearlane.ingest.readers.csv_reader import MAX_CSV_COLUMNS

    wide = MAX_CSV_COLUMNS + 500
    header = csv_text([declaration("W1")]).splitlines()[0]
    extra = ",".join(f"x{i}" for i in range(wide))
    path = tmp_path / "wide.csv"
    path.write_text(f"{header},{extra}\n" + "W1" + "," * (wide + header.count(",")) + "\n")
    report = run(path, sqlite_store)
    assert report.rejected_file and (report.received, report.quarantined) == (1, 1)
    assert any(
        f"wide.csv: line 1: the header has {wide + header.count(',') + 1:,} columns; at most "
        f"{MAX_CSV_COLUMNS:,}" in m
        for m in messages(sqlite_store)
    )


def test_the_readers_item_bound_is_the_item_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reader counts items against one bound, the number of item numbers (the schema's
    own limit), so the early refusal and validation cannot drift apart."""
    from clearlane.core.bounds import MAX_ITEM_SEQ
    from clearlane.core.schema import Declaration
    from clearlane.ingest.readers import base

    assert base.MAX_ITEMS == MAX_ITEM_SEQ == 99_999
    limit = Declaration.model_fields["items"].metadata
    assert any(getattr(m, "max_length", None) == base.MAX_ITEMS for m in limit)
    assert base.too_many_items("f:line 1", MAX_ITEM_SEQ) is None
    issue = base.too_many_items("f:line 1", MAX_ITEM_SEQ + 1)
    assert issue is not None and issue.field == "items"
    assert issue.message == (
        "f:line 1: 'items' has 100,000 goods items, more than the 99,999 item numbers allow"
    )


@pytest.mark.parametrize(("fmt", "bulk"), [("csv", True), ("csv", False), ("xml", False)])
def test_csv_and_xml_refuse_too_many_items_before_validation(
    tmp_path: Path, sqlite_store, monkeypatch: pytest.MonkeyPatch, fmt: str, bulk: bool
) -> None:
    """JSON quarantined a declaration of more goods items than item numbers exist at once,
    naming ``items``; CSV (items arrive row by row) and XML left it to validation, which takes
    many seconds for 100,000 items. The same early bound now holds for both (a small bound
    here: the real one is checked above), with the JSON reader's reason and message."""
    from clearlane.core.validation import Reason
    from clearlane.ingest.parse import parse_record
    from clearlane.ingest.readers import base
    from tests.factories import xml_text

    monkeypatch.setattr(base, "MAX_ITEMS", 3)
    validated: list[str | None] = []

    def spy(raw, **kw):  # type: ignore[no-untyped-def]
        if raw.data is not None:
            validated.append(raw.reference)
        return parse_record(raw, **kw)

    # the bulk path imports parse_record from clearlane.ingest.parse when it needs it
    monkeypatch.setattr("clearlane.ingest.parse.parse_record", spy)
    many = declaration("MANY-1", items=[item(seq=n) for n in range(1, 5)])
    few = declaration("FEW-1", items=[item(seq=n) for n in range(1, 4)])
    path = tmp_path / f"items.{fmt}"
    if fmt == "csv":
        write_csv(path, [few, many])
    else:
        path.write_text(xml_text([few, many]), encoding="utf-8")
    report = run(path, sqlite_store, bulk=bulk)
    assert (report.received, report.stored, report.quarantined) == (2, 1, 1)
    assert "MANY-1" not in validated
    [kept] = list_quarantine(session_factory=sqlite_store)
    assert kept["reference"] == "MANY-1"
    [reason] = kept["reasons"]
    where = "items.csv:lines 5-8" if fmt == "csv" else "items.xml:line 4 (declaration 2)"
    assert reason["reason"] == Reason.ABSURD_VALUE.value and reason["field"] == "items"
    assert reason["message"] == (
        f"{where}: 'items' has 4 goods items, more than the 3 item numbers allow"
    )
