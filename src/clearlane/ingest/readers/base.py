"""What every reader yields: one RawRecord per declaration (or control result) found."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from clearlane.core.bounds import MAX_ITEM_SEQ
from clearlane.core.validation import Issue, Reason

#: The most goods items a declaration may have: item numbers are unique and at most
#: :data:`~clearlane.core.bounds.MAX_ITEM_SEQ`. Every reader counts a declaration's items
#: against it before anything validates them (:func:`too_many_items`).
MAX_ITEMS = MAX_ITEM_SEQ

ProgressCallback = Callable[[int], None]  # called with the number of bytes just consumed

SNIFF_BYTES = 4096


@dataclass
class RawRecord:
    """A record as read: where it was, its original text, its canonical dict and read issues.

    ``data`` is None when the record could not be read at all (the issues say why);
    ``controls`` carries control results that arrive inside the record (KCS labels);
    ``reported`` names the fields (as validation names them) whose cell the reader has
    already found wrong, so that validation does not report them again in other words.
    """

    location: str
    original: str
    data: dict[str, Any] | None
    issues: list[Issue] = field(default_factory=list)
    reference: str | None = None
    explicit_version: bool = False
    controls: list[dict[str, Any]] = field(default_factory=list)
    reported: frozenset[str] = frozenset()


def too_many_items(where: str, count: int) -> Issue | None:
    """The issue of a declaration at ``where`` with ``count`` goods items, more than
    :data:`MAX_ITEMS` (None otherwise): such a record is quarantined at once, unvalidated.
    Validating it took 16 s of a worker for 100,000 empty items (an error per missing field
    of each, then the lenient second pass); JSON, CSV and XML readers alike refuse it here."""
    if count <= MAX_ITEMS:
        return None
    return Issue(
        Reason.ABSURD_VALUE,
        "items",
        f"{where}: 'items' has {count:,} goods items, more than the {MAX_ITEMS:,} item "
        "numbers allow",
    )


def nul_issue(
    name: str,
    text: str,
    line: int,
    columns: list[str] | None = None,
    values: Sequence[str] = (),
) -> Issue:
    """The issue of a record whose ``text`` (from physical line ``line`` of file ``name``)
    holds a NUL byte past the first bytes :func:`sniff` checks: no cell holds one (PostgreSQL's
    text columns refuse it, so it failed the ingest mid-file), and the record is quarantined
    naming the NUL's line and column and, given the row's ``columns`` and ``values``, its
    field (as the KCS reader does since 618d3fa)."""
    at = text.index("\x00")
    line += text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    field = next((c for c, v in zip(columns or (), values, strict=False) if "\x00" in v), None)
    named = f" (field '{field}')" if field else ""
    return Issue(
        Reason.MALFORMED,
        field,
        f"{name}: line {line}: a NUL byte at column {column}{named}: binary data, no text",
    )


class Reader(Protocol):
    def __call__(
        self, path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
    ) -> Iterator[RawRecord]: ...


class FileRejected(Exception):
    """The file as a whole cannot be read in the format asked for (empty, binary, other format)."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def sniff(path: Path, expected: str, *, head: bytes | None = None) -> None:
    """Refuse files that are empty or plainly not of the expected kind, before reading them.
    ``head``: the file's first bytes as text when the reader decoded them (a gzip or UTF-16
    KCS file), else read from the file."""
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    if not head.strip():
        raise FileRejected(Reason.EMPTY_FILE, f"{path.name}: the file is empty")
    if b"\x00" in head:
        kind = "binary data (NUL bytes)"
        start = head[:64]
        if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
            kind = "UTF-32 text (save it as UTF-8)"
        elif head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode text"
            kind = "UTF-16 text (save it as UTF-8)"
        elif len(start) >= 8 and any(
            not start[i::2].strip(b"\x00") and all(9 <= c < 127 for c in start[1 - i :: 2])
            for i in (0, 1)
        ):  # ASCII text as UTF-16 without a byte-order mark: every other byte NUL
            kind = "UTF-16 text (save it as UTF-8)"
        elif head.startswith(b"PK\x03\x04"):
            kind = "a ZIP archive (an .xlsx workbook is one: export it as CSV)"
        elif head.startswith(b"PAR1"):
            kind = "Parquet (export it as CSV)"
        raise FileRejected(
            Reason.WRONG_FORMAT, f"{path.name}: the file holds {kind}, not {expected} text"
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    looks = (
        "xml"
        if text.startswith(b"<")
        else "json"
        if text[:1] in (b"{", b"[")
        else "pdf"
        if text.startswith(b"%PDF")
        else "zip"
        if text.startswith(b"PK\x03\x04")
        else "text"
    )
    compatible = {
        "csv": {"text"},
        "kcs": {"text"},
        "jsonl": {"json"},
        "json": {"json"},
        "xml": {"xml"},
    }[expected]
    if looks not in compatible:
        hint = f"; try --format {looks}" if looks in ("xml", "json") else ""
        raise FileRejected(
            Reason.WRONG_FORMAT,
            f"{path.name}: expected {expected.upper()} but the content looks like "
            f"{looks.upper()}{hint}",
        )


def encoding_problem(encoding: str) -> str | None:
    """Why ``encoding`` cannot decode a file's bytes to text (None when it can): no such codec
    ('latin'), or one that is no text encoding ('base64', 'rot13'). ``bytes.decode`` raises
    LookupError for these, which the readers do not expect."""
    import codecs

    try:
        text = codecs.decode(b"", encoding)  # looks the codec up even for no bytes
    except LookupError:
        return f"encoding {encoding!r} is no known text encoding"
    except Exception:  # noqa: BLE001 - a bytes codec's own error on no bytes ('zlib')
        text = None
    if not isinstance(text, str):
        return f"encoding {encoding!r} is no text encoding"
    return None


def decode_line(raw: bytes, encoding: str, line_no: int) -> tuple[str, Issue | None]:
    """Decode one physical line; on failure keep every byte (as \\x escapes) and say where."""
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        hint = (
            " The file may be Latin-1 or Windows-1252 (re-run with --encoding latin-1) or"
            " Korean cp949/EUC-KR (--encoding cp949)."
        )
        if encoding.replace("-", "").lower() not in ("utf8", "utf8sig"):
            hint = ""
        return raw.decode(encoding, errors="backslashreplace"), Issue(
            Reason.ENCODING,
            None,
            f"line {line_no}: byte 0x{bad} at column {exc.start + 1} is not valid "
            f"{encoding}.{hint}",
        )
