"""Row counts and a hash of every table's sorted rows: are two stores' contents the same?

    python benchmarks/store_digest.py URL [URL ...]

For each store, one line a table: its name, row count and the SHA-256 of its rows sorted
(each row the JSON of its values in column order). Timestamp columns (``DateTime``: when a
row was ingested, a batch started) differ between any two runs and are left out, named in the
output; so are the audit trail's times, kept as text, and the hashes chained over them
(``audit_log.recorded_at`` / ``prev_hash`` / ``hash``, ``audit_head.hash``: any two runs that
record a control result differ there, session 27); everything else (ids, versions, hashes,
normalised JSON, originals, quarantine reasons and messages, batch counts, the audit entries'
kinds, subjects and payloads) is in. With two or more URLs it also says whether every store
matches the first. Used to check that a change of the ingest stores the same rows: ingest one
file into a fresh store with each tree, then compare (docs/performance.md, session 26).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import DateTime, MetaData, create_engine, select


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in "{[":
        try:  # JSON kept as text (SQLite) reads back as the parsed value (PostgreSQL)
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            return value
    return value


# Columns that differ between any two runs though not DateTime: the audit trail's time is text
# (hashed exactly as written) and every hash of the chain covers it (clearlane.audit.chain).
RUN_DEPENDENT = {"audit_log": ("recorded_at", "prev_hash", "hash"), "audit_head": ("hash",)}


def digest(url: str) -> dict[str, tuple[int, str, list[str]]]:
    """Per table: row count, SHA-256 of the sorted rows, the timestamp columns left out."""
    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    out: dict[str, tuple[int, str, list[str]]] = {}
    with engine.connect() as connection:
        for name, table in sorted(metadata.tables.items()):
            if name == "alembic_version":
                continue
            skipped = [
                c.name
                for c in table.columns
                if isinstance(c.type, DateTime) or c.name in RUN_DEPENDENT.get(name, ())
            ]
            kept = [c for c in table.columns if c.name not in skipped]
            rows = sorted(
                orjson.dumps([_plain(v) for v in row], option=orjson.OPT_SORT_KEYS)
                for row in connection.execute(select(*kept))
            )
            sha = hashlib.sha256(b"\n".join(rows)).hexdigest()
            out[name] = (len(rows), sha, skipped)
    engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", help="SQLAlchemy URLs of the stores")
    args = parser.parse_args()
    digests = [digest(url) for url in args.urls]
    for url, found in zip(args.urls, digests, strict=True):
        print(f"# {url}")
        for name, (count, sha, skipped) in found.items():
            left_out = f"  (left out: {', '.join(skipped)})" if skipped else ""
            print(f"{name:32} {count:>9,} {sha[:16]}{left_out}")
    if len(digests) > 1:
        first = {k: v[:2] for k, v in digests[0].items()}
        same = all({k: v[:2] for k, v in d.items()} == first for d in digests[1:])
        print("identical" if same else "DIFFERENT")
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
