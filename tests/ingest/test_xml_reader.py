"""The XML reader's bounds on a file: which elements are declarations, what is refused, where an
error is reported, that entities stay unexpanded and that read declarations are let go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from clearlane.core.validation import Reason
from clearlane.ingest.readers import FileRejected, RawRecord, xml_reader
from clearlane.ingest.readers.xml_reader import read_xml
from tests.factories import declaration, xml_text

# One declaration on one line, written the way tests/factories.xml_text writes each.
ONE = xml_text([declaration("ONE")]).splitlines()[2].strip()


def one(reference: str) -> str:
    return ONE.replace("<reference>ONE</reference>", f"<reference>{reference}</reference>")


def read(path: Path) -> list[RawRecord]:
    return list(read_xml(path))


def refusal(path: Path) -> FileRejected:
    with pytest.raises(FileRejected) as caught:
        read(path)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "root"),
    [
        # another document's root: refused from its start tag, before the error 2 MB on
        # (a reader that parsed on would report the error, or nothing, instead)
        (
            '<?xml version="1.0"?>\n<invoices>\n' + (one("X") + "\n") * 2500 + "<broken\n",
            2,
            "invoices",
        ),
        # declarations in a root of another name are not ClearLane's
        ("<batch>\n" + one("X") + "\n</batch>\n", 1, "batch"),
    ],
    ids=["other-document", "declarations-in-another-root"],
)
def test_a_root_other_than_declarations_refuses_the_file(
    tmp_path: Path, text: str, line: int, root: str
) -> None:
    path = tmp_path / "other.xml"
    path.write_text(text, encoding="utf-8")
    refused = refusal(path)
    assert refused.reason == Reason.WRONG_FORMAT
    assert refused.message == (
        f"other.xml: line {line}: root element <{root}> is not <declarations> (see docs/formats.md)"
    )


def test_an_error_before_the_root_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pre.xml"
    path.write_text('<?xml version="1.0"?>\n<!-- a note -->\n<<declarations>' + one("A"))
    refused = refusal(path)
    assert refused.reason == Reason.MALFORMED
    assert refused.message.startswith("pre.xml: line 3: invalid XML: ")


def test_only_the_root_and_its_children_are_declarations(tmp_path: Path) -> None:
    """A ``<declaration>`` further down (in a wrapper, inside another declaration's items) is
    not a declaration of the file; the root may carry a prefix; lines are those of the start
    tags."""
    nested = one("C").replace("<items>", "<items>" + one("INNER"))
    path = tmp_path / "depth.xml"
    path.write_text(
        '<c:declarations xmlns:c="urn:clearlane:declaration:1">\n'
        + one("A").replace("declaration>", "c:declaration>")
        + "\n<wrap>\n"
        + one("B")
        + "\n</wrap>\n<!-- a comment -->\n"
        + nested
        + "\n</c:declarations>\n"
    )
    records = read(path)
    assert [(r.location, r.reference) for r in records] == [
        ("depth.xml:line 2 (declaration 1)", "A"),
        ("depth.xml:line 7 (declaration 2)", "C"),
    ]
    assert [i["seq"] for i in records[1].data["items"]] == ["1"]  # type: ignore[index]

    single = tmp_path / "single.xml"
    single.write_text("\n" + one("S") + "\n")
    [record] = read(single)
    assert (record.location, record.reference) == ("single.xml:line 2 (declaration 1)", "S")


def _deep(reference: str) -> str:
    return one(reference).replace("<items>", "<x>" * 300 + "</x>" * 300 + "<items>")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (lambda r: one(r).encode().replace(b"</items>", b"</item>"), "Opening and ending tag"),
        (lambda r: _deep(r).encode(), "Excessive depth in document: 256"),
        # a NUL in text quarantines its declaration alone (test_nul_late.py); in a tag's name
        # it is invalid XML still
        (lambda r: one(r).encode().replace(b"<items>", b"<it\x00ems>"), "a NUL byte at column"),
        (
            lambda r: one(r).encode().replace(b"smartphones", "smartphönes".encode("latin-1")),
            "Invalid bytes in character encoding",
        ),
    ],
    ids=["unclosed", "deep", "nul", "latin-1"],
)
def test_an_error_past_the_first_megabyte_keeps_the_declarations_before_it(
    tmp_path: Path, bad: Any, message: str
) -> None:
    """The declarations before the one with the error are read as usual; the rest of the file
    is one record, from the line of that declaration's start tag, naming the error's line."""
    good = [one(f"G{n}") for n in range(1, 1301)]
    head = ("<declarations>\n" + "\n".join(good) + "\n").encode()
    assert len(head) > 1 << 20  # the parser is fed 1 MB at a time
    broken: bytes = bad("BAD")
    path = tmp_path / "bad.xml"
    path.write_bytes(head + broken + b"\n" + one("AFTER").encode() + b"\n</declarations>\n")
    records = read(path)
    assert [r.reference for r in records[:-1]] == [f"G{n}" for n in range(1, 1301)]
    assert records[1299].location == "bad.xml:line 1301 (declaration 1300)"
    rest = records[-1]
    assert rest.location == "bad.xml:lines 1302-end" and rest.data is None
    [issue] = rest.issues
    assert issue.reason == Reason.MALFORMED
    assert issue.message.startswith("bad.xml: line 1302: invalid XML: ")
    assert message in issue.message
    assert issue.message.endswith("; the file from line 1302 on was not read")
    assert rest.original.startswith("<declaration><reference>BAD</reference>")
    assert "AFTER" in rest.original  # nothing after the error is lost


@pytest.mark.parametrize(
    ("gap", "error_line"),
    [
        ("<oops\n", 7),  # an unclosed start tag: the parser finds it at the next '<' (line 7)
        ("</oops>\n", 6),  # an end tag no element opened
        ("<!-- a comment, then -->\n&bad\n", 7),  # text other than whitespace in the root
    ],
    ids=["unclosed-tag", "stray-end-tag", "stray-text"],
)
def test_an_error_between_declarations_quarantines_only_what_follows_the_last_one_read(
    tmp_path: Path, gap: str, error_line: int
) -> None:
    """An error after a declaration was read (between it and the next) does not take that
    declaration into the quarantined rest: the rest starts right after its end tag (at the next
    line when only white space follows it), and its line is where that rest starts; the error's
    own line is in the message. Nothing is lost and nothing is stored and quarantined twice."""
    second = one("D2").replace("<declaration_date>", "\n<declaration_date>", 1)
    second = second.replace("</items>", "</items>\n")  # over three lines: 3-5
    text = f"<declarations>\n{one('D1')}\n{second}\n{gap}{one('D3')}\n</declarations>\n"
    path = tmp_path / "gap.xml"
    path.write_text(text)
    records = read(path)
    assert [(r.location, r.reference) for r in records[:2]] == [
        ("gap.xml:line 2 (declaration 1)", "D1"),
        ("gap.xml:line 3 (declaration 2)", "D2"),
    ]
    [rest] = records[2:]
    assert rest.location == "gap.xml:lines 6-end" and rest.data is None
    [issue] = rest.issues
    assert issue.reason == Reason.MALFORMED
    assert issue.message.startswith(f"gap.xml: line {error_line}: invalid XML: ")
    assert issue.message.endswith("; the file from line 6 on was not read")
    assert "D1" not in rest.original and "D2" not in rest.original
    assert rest.original == text[text.index("</items>\n</declaration>\n") + 24 :]
    assert "D3" in rest.original  # nothing after the last declaration read is lost


def test_an_error_between_declarations_on_one_line_quarantines_only_what_follows(
    tmp_path: Path,
) -> None:
    """A file on one line: the rest starts in the line, after the last declaration read (a
    quarantine by whole lines would hold every declaration stored before it)."""
    path = tmp_path / "line.xml"
    path.write_text(f"<declarations>{one('D1')}{one('D2')}<oops{one('D3')}</declarations>")
    records = read(path)
    assert [r.reference for r in records[:2]] == ["D1", "D2"]
    [rest] = records[2:]
    assert rest.location == "line.xml:lines 1-end"
    assert rest.original == f"<oops{one('D3')}</declarations>"

    # markup that holds an end tag's text or a '>' does not end a declaration; nor does a
    # nested one; an empty <declaration/> is one
    tricky = one("D2").replace(
        "<office>",
        "<!-- </declaration> --><![CDATA[</declaration>]]><?pi </declaration>?>"
        '<attributes><attribute name="a>b">c</attribute></attributes>'
        f"<notes>{one('INNER')}</notes><office>",
    )
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE declarations [<!ENTITY e "x">]><declarations>'
        f"{one('D1')}<declaration/>{tricky}</oops>{one('D3')}</declarations>"
    )
    records = read(path)
    assert [r.reference for r in records[:3]] == ["D1", None, "D2"]
    [rest] = records[3:]
    assert rest.original == f"</oops>{one('D3')}</declarations>"


def test_external_entities_are_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4711")
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE declarations [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
        "<declarations>\n" + one("&x;") + "\n</declarations>\n"
    )
    [record] = read(path)
    assert "TOP-SECRET" not in record.original
    assert "TOP-SECRET" not in repr(record.data)
    assert record.reference is None


def test_read_declarations_are_let_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays bounded by a declaration (and a chunk), not the file: once a declaration
    is read its element is emptied and the ones before it are removed from the tree."""
    seen: list[Any] = []

    class Spy(etree.XMLPullParser):  # type: ignore[misc]
        def read_events(self):  # type: ignore[no-untyped-def]
            for event, element in super().read_events():
                seen.append(element)
                yield event, element

    monkeypatch.setattr(xml_reader.etree, "XMLPullParser", Spy)
    path = tmp_path / "many.xml"
    path.write_text(xml_text([declaration(f"D{n}") for n in range(1, 1501)]))
    assert path.stat().st_size > 1 << 20
    assert len(read(path)) == 1500
    root = seen[-1].getroottree().getroot()
    children = [child for child in root if isinstance(child.tag, str)]
    assert len(children) <= 1 and all(len(child) == 0 for child in children)
