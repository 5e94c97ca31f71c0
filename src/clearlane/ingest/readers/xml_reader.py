"""XML in ClearLane's documented layout (docs/formats.md): the canonical JSON shape as elements.

    <declarations xmlns="urn:clearlane:declaration:1">
      <declaration>
        <reference>D1</reference> <declaration_date>2024-03-01</declaration_date>
        <importer><id>IMP1</id></importer>
        <containers><container>CSQU3054383</container></containers>
        <attributes><attribute name="channel">web</attribute></attributes>
        <items><item><seq>1</seq><hs_code>851713</hs_code>...</item></items>
      </declaration>
    </declarations>

Parsed as a stream (lxml's pull parser fed 1 MB at a time) with entity expansion and network
access off. The parser reports only ``<declaration>`` elements (a first parse as far as the
root's start tag checks the root): an event per element made Python handle every item field,
about 2.7 of the 3.4 CPU s a declaration of 100,000 goods items took (0.7 s now). A declaration
read is emptied and taken out of the tree, so memory follows the largest declaration, not the
file. Invalid XML rejects the rest of the file from the end of the last declaration read (from
the first declaration's line when none was); declarations before it are read as usual
(docs/formats.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from clearlane.core.validation import Issue, Reason
from clearlane.ingest.readers.base import (
    FileRejected,
    ProgressCallback,
    RawRecord,
    sniff,
    too_many_items,
)

_LISTS = {"containers": "container", "items": "item"}


def _local(tag: object) -> str:
    """An element's name without its namespace ('' for comments, processing instructions and
    unexpanded entities, whose tag is no string); a fifth of ``etree.QName``'s time."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def element_to_dict(element: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The element's children as the canonical JSON shape; those named in ``skip`` left out."""
    data: dict[str, Any] = {}
    for child in element:
        name = _local(child.tag)
        if not name or name in skip:
            continue  # comments, processing instructions
        if name in _LISTS:
            data[name] = [
                element_to_dict(g) if len(g) else (g.text or "").strip()
                for g in child
                if _local(g.tag) == _LISTS[name]
            ]
        elif name == "attributes":
            data[name] = {a.get("name", ""): (a.text or "").strip() for a in child if _local(a.tag)}
        elif len(child):
            data[name] = element_to_dict(child)
        elif (child.text or "").strip():  # an empty element means "not given"
            data[name] = child.text.strip()
    return data


def _item_count(declaration: Any) -> int:
    """The goods items of a ``<declaration>`` as :func:`element_to_dict` would list them (the
    last ``<items>`` element's ``<item>`` children), counted without building them."""
    count = 0
    for items in declaration.iterchildren("{*}items"):
        count = sum(1 for _ in items.iterchildren("{*}item"))
    return count


_CHUNK = 1 << 20
_SNIFF_CHUNK = 1 << 12

#: The only element the reading parse reports (see the module's docstring).
_DECLARATION = "{*}declaration"  # in any namespace or none


class _Nuls:
    """The NUL bytes of a file past the first bytes :func:`sniff` checks. XML has no NUL (the
    parser stops at one, and the rest of the file was quarantined); each is fed to the parser
    as ``mark``, a private-use character the file does not hold, so the declaration holding
    it is quarantined alone, naming the NUL's line and column (bytes from the line's start).
    Only for UTF-8, the only encoding the mark is written in (another keeps the old way)."""

    def __init__(self, path: Path, encoding: str) -> None:
        self.path = path
        self.utf8 = encoding.lower().replace("-", "").replace("_", "") == "utf8"
        self.mark: str | None = None
        self.lines = 0  # line breaks before the next chunk
        self.column = 0  # bytes after the last line break before the next chunk
        self.pending: list[tuple[int, int]] = []  # (line, column) of NULs not yet placed

    def _choose(self) -> None:
        """A mark the file does not hold (read again: a file with a late NUL only)."""
        data = self.path.read_bytes()
        declared = re.match(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)", data[:1024])
        if declared and declared[1].lower().replace(b"-", b"").replace(b"_", b"") != b"utf8":
            self.utf8 = False
            return
        referenced = {  # a character reference gives the character too
            int(n[1:], 16) if n[:1] == b"x" else int(n)
            for n in re.findall(rb"&#(x[0-9a-fA-F]+|[0-9]+);", data)
        }
        self.mark = next(  # None for a file holding all 6,400 (the old way then)
            (
                chr(c)
                for c in range(0xE000, 0xF900)
                if c not in referenced and chr(c).encode() not in data
            ),
            None,
        )
        self.utf8 = self.mark is not None  # chosen once

    def feed(self, chunk: bytes) -> bytes:
        """``chunk`` with its NULs marked (their places noted)."""
        if b"\x00" in chunk and self.utf8:
            if self.mark is None:
                self._choose()
            if self.mark is not None:
                at = chunk.find(b"\x00")
                while at >= 0:
                    start = chunk.rfind(b"\n", 0, at)
                    column = at - start if start >= 0 else self.column + at + 1
                    self.pending.append((self.lines + chunk.count(b"\n", 0, at) + 1, column))
                    at = chunk.find(b"\x00", at + 1)
                marked = chunk.replace(b"\x00", self.mark.encode())
            else:
                marked = chunk
        else:
            marked = chunk
        breaks = chunk.count(b"\n")
        self.lines += breaks
        self.column = len(chunk) - chunk.rfind(b"\n") - 1 if breaks else self.column + len(chunk)
        return marked

    def place(self, name: str, element: Any, start_line: int) -> tuple[Issue, str] | None:
        """The issue of a declaration read from ``start_line`` holding a marked NUL (its
        first; every one it holds is placed) and its text with the NULs back; None if none."""
        inner = etree.tostring(element, encoding="unicode", with_tail=False)
        if self.mark is None or self.mark not in inner:
            return None  # a NUL after its end tag is in no declaration
        count = inner.count(self.mark)
        original = etree.tostring(element, encoding="unicode")
        mine = [i for i, (line, _) in enumerate(self.pending) if line >= start_line][:count]
        line, column = self.pending[mine[0]] if mine else (start_line, 0)
        for i in reversed(mine):
            del self.pending[i]
        field = next(
            (
                _local(e.tag)
                for e in element.iter()
                if self.mark in (e.text or "") or any(self.mark in v for v in e.attrib.values())
            ),
            None,
        )
        named = f" (field '{field}')" if field else ""
        at = f" at column {column}" if column else ""
        issue = Issue(
            Reason.MALFORMED,
            field,
            f"{name}: line {line}: a NUL byte{at}{named}: binary data, no text",
        )
        return issue, original.replace(self.mark, "\x00")


def _events(
    path: Path,
    encoding: str,
    *,
    events: tuple[str, ...] = ("start", "end"),
    tag: str | None = _DECLARATION,
    chunk_size: int = _CHUNK,
    nuls: _Nuls | None = None,
) -> Iterator[tuple[str, Any]]:
    """(event, element) pairs of the file for elements named ``tag`` (all when None), then its
    syntax error if it has one. The parser builds the whole tree either way.

    Every event parsed before the error is delivered first. (``etree.iterparse`` no longer
    promises that: lxml 6.2 raises the error of a small file before yielding any event, which
    lost the valid declarations in front of it.)"""
    parser = etree.XMLPullParser(
        events=events,
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        encoding=None if encoding.lower().replace("-", "") == "utf8" else encoding,
    )
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(chunk_size)
            if nuls is not None:
                chunk = nuls.feed(chunk)
            try:
                if chunk:
                    parser.feed(chunk)
                else:
                    parser.close()
            except etree.XMLSyntaxError:
                yield from parser.read_events()
                raise
            yield from parser.read_events()
            if not chunk:
                return


def _root(path: Path, encoding: str) -> tuple[str, int] | None:
    """The root element's local name and line, parsed no further than its start tag (a few
    KB), so that a file of another kind is refused before it is read; None when the file has
    no root or an error before it (the reading parse then reports the error)."""
    try:
        for _event, element in _events(
            path, encoding, events=("start",), tag=None, chunk_size=_SNIFF_CHUNK
        ):
            return _local(element.tag), element.sourceline or 1
    except etree.XMLSyntaxError:
        pass
    return None


#: The markup of well-formed XML, in order: comments, CDATA sections, processing instructions,
#: a DOCTYPE (with its internal subset), end tags (group 1: the name) and start or empty-element
#: tags (group 2: the name; an attribute value may hold '>' but never '<'). Character data
#: between them holds no '<' and is skipped.
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rb"|</([^\s>]+)\s*>|<([^\s/>!?]+)(?:[^\"'>]|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)


def _end_of_declaration(data: bytes, count: int) -> int | None:
    """The offset just past the end tag of the file's ``count``-th declaration as the reading
    parse reports them (the root or a child of it named declaration, in any namespace); None
    when the bytes do not show that many (an encoding that is not ASCII-compatible).

    Only called for a file with a syntax error, on its bytes up to there, which the parser
    accepted: a scan of the markup, about a second per million tags."""
    depth = 0  # of the element the scan is in: 1 the root
    for match in _MARKUP.finditer(data):
        closing, opening = match.group(1), match.group(2)
        if opening is not None:
            depth += 1
            if not match.group(0).endswith(b"/>"):
                continue
            closing = opening  # an empty element ends where it starts
        elif closing is None:
            continue  # comment, CDATA, processing instruction, DOCTYPE
        if depth <= 2 and closing.rpartition(b":")[2] == b"declaration":
            count -= 1
            if count == 0:
                return match.end()
        depth -= 1
    return None


def _rest(path: Path, declarations: int, start_line: int) -> tuple[int, bytes]:
    """The line and bytes of the file not read after a syntax error: from just after the end
    tag of the last declaration read (from the next line when only white space follows it on
    its line), or from ``start_line`` when no declaration was read or its end is not found.
    No declaration stored is in it, even on a file of one line."""
    data = path.read_bytes()
    end = _end_of_declaration(data, declarations) if declarations else None
    if end is None:
        offset = 0
        for _ in range(start_line - 1):
            offset = data.find(b"\n", offset) + 1
            if offset == 0:
                return start_line, b""
        return start_line, data[offset:]
    newline = data.find(b"\n", end)
    if newline >= 0 and not data[end:newline].strip():
        end = newline + 1
    return data.count(b"\n", 0, end) + 1, data[end:]


def _drop(element: Any) -> None:
    """A declaration read: emptied and taken out of the tree with the siblings before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def read_xml(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "xml")
    size = path.stat().st_size
    index = 0
    start_line = 1
    root_seen = False
    nuls = _Nuls(path, encoding)
    try:
        root = _root(path, encoding)
        if root is not None:
            root_seen = True
            name, line = root
            if name not in ("declarations", "declaration"):
                raise FileRejected(
                    Reason.WRONG_FORMAT,
                    f"{path.name}: line {line}: root element <{name}> is not <declarations> "
                    "(see docs/formats.md)",
                )
        for event, element in _events(path, encoding, nuls=nuls):
            parent = element.getparent()
            if parent is not None and parent.getparent() is not None:
                continue  # deeper than a child of the root: not a declaration of the file
            if event == "start":
                start_line = element.sourceline or start_line
                continue
            index += 1
            where = f"{path.name}:line {start_line} (declaration {index})"
            if nuls.mark is not None and (placed := nuls.place(path.name, element, start_line)):
                issue, original = placed
                reference = (element_to_dict(element).get("reference") or "").replace(
                    nuls.mark, "\x00"
                )
                yield RawRecord(where, original, None, [issue], reference=reference or None)
                _drop(element)
                continue
            original = etree.tostring(element, encoding="unicode")
            too_many = too_many_items(where, _item_count(element))
            data = element_to_dict(element, skip=("items",) if too_many else ())
            reference = data.get("reference")
            yield RawRecord(
                location=where,
                original=original,
                data=None if too_many else data,  # not validated: quarantined, naming items
                issues=[too_many] if too_many else [],
                reference=reference or None,
                explicit_version=bool(data.get("version")),
            )
            _drop(element)
        for line, column in nuls.pending:  # between declarations: in no record
            yield RawRecord(
                f"{path.name}:line {line}",
                "\x00",
                None,
                [
                    Issue(
                        Reason.MALFORMED,
                        None,
                        f"{path.name}: line {line}: a NUL byte at column {column}, outside any "
                        "declaration: binary data, no text",
                    )
                ],
            )
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or start_line
        if not root_seen:
            raise FileRejected(
                Reason.MALFORMED, f"{path.name}: line {line}: invalid XML: {exc.msg}"
            ) from exc
        rest_line, rest = _rest(path, index, start_line)
        msg = exc.msg
        if nul := next((c for n, c in nuls.pending if n == line), None):  # in markup
            msg = f"a NUL byte at column {nul}, where no XML has one ({exc.msg})"
        yield RawRecord(
            location=f"{path.name}:lines {rest_line}-end",
            original=rest.decode("utf-8", errors="backslashreplace"),
            data=None,
            issues=[
                Issue(
                    Reason.MALFORMED,
                    None,
                    f"{path.name}: line {line}: invalid XML: {msg}; the file from line "
                    f"{rest_line} on was not read",
                )
            ],
        )
    finally:
        if progress:
            progress(size)
