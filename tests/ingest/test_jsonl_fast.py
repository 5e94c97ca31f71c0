"""``parse_jsonl`` (pydantic-core parses and validates a line in one step; what training
from a file reads) against ``parse_file`` (``json`` + ``model_validate``, what ingest reads):
the same records accepted, the same declarations, and the same issues - reasons, fields,
messages, severities, duplicate errors - in the same order, over hostile lines and over
generated lines mutated at random."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from clearlane.frames import FrameColumns
from clearlane.generate import generate_dataset
from clearlane.ingest.parse import parse_file, parse_jsonl, read_frame
from clearlane.ingest.readers import FileRejected
from tests.factories import declaration, item

TODAY = date(2026, 12, 1)


def outcome_old(path: Path) -> list[tuple[Any, ...]]:
    """Location, the declaration (repr: NaN equals NaN, -0.0 differs from 0.0), issues."""
    return [
        (
            r.raw.location,
            repr(r.declaration.model_dump()) if r.declaration is not None else None,
            [(i.reason, i.field, i.message, i.severity) for i in r.issues],
        )
        for r in parse_file(path, "jsonl", today=TODAY)
    ]


def outcome_new(path: Path) -> list[tuple[Any, ...]]:
    return [
        (
            r.location,
            repr(r.declaration.model_dump()) if r.declaration is not None else None,
            [(i.reason, i.field, i.message, i.severity) for i in r.issues],
        )
        for r in parse_jsonl(path, today=TODAY)
    ]


def assert_same(path: Path) -> list[tuple[Any, ...]]:
    try:
        expected = outcome_old(path)
    except FileRejected as rejected:
        with pytest.raises(FileRejected) as raised:
            outcome_new(path)
        assert (raised.value.reason, raised.value.message) == (rejected.reason, rejected.message)
        return []
    got = outcome_new(path)
    assert len(got) == len(expected)
    for want, have in zip(expected, got, strict=True):
        assert have == want, want[0]
    return expected


def line(record: dict[str, Any], **replace: str) -> bytes:
    """The record as JSON, with placeholders "@name@" replaced by raw JSON text."""
    text = json.dumps(record, ensure_ascii=False)
    for name, raw in replace.items():
        text = text.replace(f'"@{name}@"', raw)
    return text.encode("utf-8") + b"\n"


def d(ref: str, **overrides: Any) -> dict[str, Any]:
    return declaration(ref, **overrides)


BIG = str(10**400)  # too large for a float: an error for json + model_validate
HOSTILE: list[bytes] = [
    b"\xef\xbb\xbf" + line(d("BOM-1")),  # BOM on the first line only
    line(d("OK-1")),
    b"\n",
    b"   \t \n",
    "\u3000\n".encode(),  # blank to str.strip
    b"\xef\xbb\xbf" + line(d("BOM-2")),  # a BOM on a later line
    b" " + line(d("SPACE-1")),  # leading space: not the fast path
    line(d("BIGF-1", items=[item(net_mass_kg="@x@")]), x=BIG),
    line(d("BIGF-2", items=[item(customs_value="@x@")]), x="-" + BIG),
    line(d("BIGF-3", invoice_total="@x@"), x=BIG),
    line(d("BIGF-4", exchange_rate="@x@"), x=str(2**64)),
    line(d("BIGI-1", items=[item(seq="@x@")]), x=str(2**64)),
    line(d("BIGI-2", items=[item(packages="@x@")]), x=str(10**30)),  # an int kept exact
    line(d("BIGI-3", version="@x@"), x=str(2**63)),
    line(d("BIGI-4", items=[item(quantity="@x@")]), x=str(2**53 + 1)),
    line(d("INF-1", items=[item(quantity="@x@")]), x="Infinity"),
    line(d("INF-2", items=[item(duty_amount="@x@")]), x="-Infinity"),
    line(d("INF-3", items=[item(tax_amount="@x@")]), x="1e400"),
    line(d("NAN-1", items=[item(item_value="@x@")]), x="NaN"),
    line(d("FLOAT-1", items=[item(gross_mass_kg="@x@")]), x="4.9e-324"),
    line(d("FLOAT-2", items=[item(net_mass_kg="@x@")]), x="0.1000000000000000055511151231257827"),
    line(d("STR-1", items=[item(net_mass_kg=" 12.5")])),
    line(d("STR-2", version="2")),
    line(d("STR-3", version=True)),
    line(d("STR-4", version=1.0)),
    line(d("STR-5", version=None)),
    line(d("STR-6", version="")),
    line(d("SURR-1", office="@x@"), x='"NL\\ud800"'),
    line(d("ESC-1", office="@x@"), x='"NL\\u0000"'),
    # a NUL and a lone surrogate in different fields, in either order, and in keys
    line(d("ESC-3", office="@x@", importer={"id": "@y@"}), x='"NL\\u0000"', y='"I\\ud800"'),
    line(d("ESC-4", office="@x@", importer={"id": "@y@"}), x='"NL\\uDBFF"', y='"I\\u0000"'),
    line(d("ESC-5", attributes={"@x@": "@y@"}), x='"k\\udc00"', y='"v\\u0000"'),
    line(
        d("ESC-6", items=[item(description="@x@")], attributes={"@y@": 1}),
        x='"\\ud800"',
        y='"k\\u0000"',
    ),
    line(d("ESC-2", office=" nlrtm1\u00a0")),
    b'{"reference":"BYTES-1","declaration_date":"2025-03-14","office":"NL\xff"}\n',
    line(d("DUPKEY-1")).replace(b'"reference": ', b'"reference": "X", "reference": ', 1),
    line(d("OK-1")),  # a duplicate reference
    line(d("VER-1", version=1)),
    line(d("VER-1", version=1)),  # duplicate with the version given
    line(d("VER-1")),  # no version: another key
    line(d("UNK-1", colour="red")),
    line(d("MISS-1", items=[])),
    line({"reference": "MISS-2"}),
    line(d("TYPE-1", items=[item(seq="x")])),
    line(d("TYPE-2", attributes={"a": 1})),
    line(d("DATE-1", declaration_date="2031-01-01")),
    line(d("DATE-2", declaration_date="2025-02-30")),
    line(d("DATE-3", declaration_date="2025-03-14T00:00:00")),
    line(d("DATE-4", declaration_date=20250314)),
    line(d("HS-1", items=[item(hs_code="999999")])),
    line(d("CONT-1", containers=["ABCU1234567", "cgsu9167816"])),
    line(d("LEN-1", office="NL0001010", importer={"id": "X" * 18})),
    line(d("REF/2")),
    line(d("RULES-1", incoterm="XYZ", transport_mode="4", invoice_currency="XXX")),
    line(d("NET-1", items=[item(net_mass_kg=10, gross_mass_kg=5)])),
    b"[1, 2, 3]\n",
    b'"a string"\n',
    b"42\n",
    b"null\n",
    b'{"reference": "TRUNC-1", "items": [\n',
    line(d("TRAIL-1")).rstrip(b"\n") + b" garbage\n",
    b"{" * 40 + b"}" * 40 + b"\n",  # deeper than the limit
    b'{"reference": "DEEPISH-1", "x": ' + b"[" * 31 + b"]" * 31 + b"}\n",
    line(d("CRLF-1")).rstrip(b"\n") + b"\r\n",
    line(d("OK-LAST")).rstrip(b"\n"),  # no final newline
]


def _where_of(*references: str) -> dict[str, str]:
    """The location of each HOSTILE line holding a reference (one physical line each)."""
    return {
        ref: f"hostile.jsonl:line {n}"
        for ref in references
        for n, raw in enumerate(HOSTILE, start=1)
        if f'"{ref}"'.encode() in raw
    }


def test_hostile_lines_give_the_same_records_and_issues(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"".join(HOSTILE))
    records = assert_same(path)
    accepted = [r[0] for r in records if r[1] is not None and not r[2]]
    assert len(records) > 50 and 10 < len(accepted) < len(records) - 20
    # What the guard is for: json + model_validate refuses a float beyond 64 bits.
    by_where = {r[0]: r for r in records}
    big = by_where["hostile.jsonl:line 8"]
    assert big[1] is None and big[2][0][1] == "items[0].net_mass_kg"
    # NUL and lone surrogate escapes: the first in document order names the field.
    unstorable = {
        ref: [(issue[1], issue[2].split(": ")[-1]) for issue in by_where[where][2]]
        for ref, where in _where_of("ESC-3", "ESC-4", "ESC-5", "ESC-6").items()
    }
    nul = "NUL characters (\\u0000) are not allowed"
    surrogate = "a lone surrogate (\\ud800-\\udfff) is not a valid string"
    assert unstorable == {
        "ESC-3": [("office", nul)],
        "ESC-4": [("office", surrogate)],
        "ESC-5": [("attributes.'k\\udc00'", surrogate)],
        "ESC-6": [("items[0].description", surrogate)],
    }


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n", b"\x00\x01binary", b"<xml/>", b"\xef\xbb\xbf"],
    ids=["empty", "blank", "binary", "xml", "bom-only"],
)
def test_files_refused_whole_are_refused_the_same(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    assert_same(path)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(declarations=300, seed=5, out_dir=out)
    return out


MUTATIONS = [b'"', b"{", b"}", b"[", b",", b":", b"\\", b"-", b"0", b"9", b"e", b".", b" ",
             b"1e999", b"NaN", b"\xff", b"\\ud800", b"99999999999999999999999", b"null",
             b"true", b"\x00", "é".encode(), b"\n"]  # fmt: skip


def test_mutated_generated_lines_give_the_same_records(generated: Path, tmp_path: Path) -> None:
    rng = random.Random(3)
    lines = (generated / "declarations.jsonl").read_bytes().splitlines(keepends=True)
    out = []
    for raw in lines:
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            at = rng.randrange(len(raw))
            cut = rng.choice([0, 1, 1, 2])
            raw = raw[:at] + rng.choice(MUTATIONS) + raw[at + cut :]
        out.append(raw)
    path = tmp_path / "mutated.jsonl"
    path.write_bytes(b"".join(out))
    records = assert_same(path)
    accepted = sum(1 for r in records if r[1] is not None and not r[2])
    assert 50 < accepted < len(records) - 50  # both kinds are exercised


def test_read_frame_equals_the_frame_of_parse_file(generated: Path) -> None:
    path = generated / "declarations.jsonl"
    builder = FrameColumns()
    for record in parse_file(path):
        if record.accepted and record.declaration is not None:
            builder.add_declaration(record.declaration)
    expected = builder.frame()
    got = read_frame(path)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert len(got) > 300
