"""Readers by format. Each yields RawRecords and never raises on a bad record, only on a file
that cannot be read at all (:class:`FileRejected`)."""

from __future__ import annotations

from pathlib import Path

from clearlane.ingest.readers.base import FileRejected, RawRecord, Reader
from clearlane.ingest.readers.csv_reader import read_csv
from clearlane.ingest.readers.json_reader import read_json, read_jsonl
from clearlane.ingest.readers.kcs_reader import looks_like_kcs, read_kcs
from clearlane.ingest.readers.xml_reader import read_xml

READERS: dict[str, Reader] = {
    "csv": read_csv,
    "jsonl": read_jsonl,
    "json": read_json,
    "xml": read_xml,
    "kcs": read_kcs,
}
FORMATS = tuple(READERS)

_EXTENSIONS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".xml": "xml"}


def guess_format(path: Path) -> str:
    """Format from the file extension; a .csv whose header is the KCS layout (separated by
    ',', or by ';' or tabs, which the KCS reader refuses naming them) reads as kcs."""
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(
            f"{path.name}: cannot tell the format from the extension {path.suffix!r}; "
            f"pass --format ({', '.join(FORMATS)})"
        )
    if fmt == "csv":
        with path.open("rb") as handle:
            head = handle.readline(4096)
        header = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
        # A KCS header separated by ';' or tabs is KCS too: its reader refuses the file
        # naming the delimiter, where the generic CSV reader said the WCO columns were missing.
        if any(
            looks_like_kcs(h) for h in (header, header.replace(";", ","), header.replace("\t", ","))
        ):
            return "kcs"
    return fmt


__all__ = ["FORMATS", "READERS", "FileRejected", "RawRecord", "Reader", "guess_format"]
