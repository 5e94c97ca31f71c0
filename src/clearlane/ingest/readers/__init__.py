"""Readers by format. Each yields RawRecords and never raises on a bad record, only on a file
that cannot be read at all (:class:`FileRejected`)."""

from __future__ import annotations

from pathlib import Path

from clearlane.ingest.readers.base import FileRejected, RawRecord, Reader
from clearlane.ingest.readers.csv_reader import read_csv
from clearlane.ingest.readers.json_reader import read_json, read_jsonl
from clearlane.ingest.readers.kcs_reader import kcs_header, looks_like_kcs, read_kcs
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


# Extensions a KCS export may carry besides .csv: a tab export (.tsv, Excel's "Unicode text"
# .txt), gzip (.csv.gz) and Parquet; such a file is read when its header is the KCS layout.
_KCS_ONLY = (".tsv", ".txt", ".gz", ".parquet")


def guess_format(path: Path) -> str:
    """Format from the file extension; a .csv (.tsv, .txt, .gz) whose header is the KCS
    layout (separated by ',', ';' or tabs; gzip, UTF-16 with a byte-order mark or cp949
    text as the KCS reader reads them) reads as kcs."""
    suffix = path.suffix.lower()
    fmt = _EXTENSIONS.get(suffix)
    if fmt is None and suffix not in _KCS_ONLY:
        raise ValueError(
            f"{path.name}: cannot tell the format from the extension {path.suffix!r}; "
            f"pass --format ({', '.join(FORMATS)})"
        )
    if fmt in ("csv", None):
        header = kcs_header(path) or ""
        if any(
            looks_like_kcs(h) for h in (header, header.replace(";", ","), header.replace("\t", ","))
        ):
            return "kcs"
    if fmt is None:
        raise ValueError(
            f"{path.name}: cannot tell the format from the extension {path.suffix!r} (read "
            f"as KCS only with a KCS header); pass --format ({', '.join(FORMATS)})"
        )
    return fmt


__all__ = ["FORMATS", "READERS", "FileRejected", "RawRecord", "Reader", "guess_format"]
