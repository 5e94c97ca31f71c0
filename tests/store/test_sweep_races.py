"""Check-then-write paths found by the 2026-12-05 sweep (docs/api-declarations.md), each
raced by threads released together from a barrier, on SQLite and PostgreSQL: two runs doing
the same thing at once must not both win."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import entries, verify
from clearlane.ingest.pipeline import ingest_file
from clearlane.link.manifests.store import ManifestReport, ingest_manifests
from clearlane.share import ExportError, export_declarations
from clearlane.store.tables import QuarantineRow, TransportDocumentRow
from tests.concurrency import together
from tests.factories import declaration, write_jsonl

MANIFEST = (
    "document_number,packages,gross_mass_kg\n"
    "RACE-1,5,12.5\n"
    "RACE-2,7,30.0\n"
    "RACE-3,not a number,1.0\n"  # quarantined
)


def test_one_manifest_file_ingested_twice_at_once_is_stored_once_and_both_runs_report(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """On PostgreSQL both runs read the stored hashes before either wrote: the later one met
    the unique content hash and failed whole (IntegrityError, its report lost). Under the
    manifests lock the later run waits and finds them. (On SQLite the batch row's insert,
    before the read, took the write lock already: the race passed there before the fix.)"""
    for round_ in range(5):
        path = tmp_path / f"manifest-{round_}.csv"
        path.write_text(MANIFEST.replace("RACE-", f"R{round_}-"), encoding="utf-8")

        def run(_: int, path: Path = path) -> ManifestReport | str:
            try:
                return ingest_manifests(path, None, store)
            except Exception as exc:  # noqa: BLE001 - the race's loser, reported below
                return f"{type(exc).__name__}: {exc}"[:300]

        reports = together(2, run)
        assert all(isinstance(r, ManifestReport) for r in reports), reports
        stored = sorted((r.stored_new, r.stored_unchanged) for r in reports)  # type: ignore[union-attr]
        assert stored == [(0, 2), (2, 0)], stored
        with store() as session:
            documents = session.scalar(
                select(func.count()).where(
                    TransportDocumentRow.document_number.like(f"R{round_}-%")
                )
            )
            quarantined = session.scalar(
                select(func.count()).where(QuarantineRow.source == str(path))
            )
        assert (documents, quarantined) == (2, 1)


def test_two_exports_to_one_directory_at_once_one_writes_the_other_is_refused(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Both checked the directory empty, then wrote the same part files (truncating each
    other's) and renamed them: the files on disk could match neither manifest, and the run
    whose rename failed had committed its audit entry anyway. Under the directory's lock the
    later run waits, then finds the earlier's files and is refused, writing nothing."""
    ingest_file(
        write_jsonl(tmp_path / "d.jsonl", [declaration(f"EXP-{i}") for i in range(40)]),
        session_factory=store,
    )
    for round_ in range(5):
        out = tmp_path / f"export-{round_}"

        def run(i: int, out: Path = out) -> str:
            with store() as session:
                try:
                    export_declarations(session, actor=f"exporter{i}", out_dir=out, key=b"k" * 32)
                except ExportError as exc:
                    return f"refused: {exc}"
                except OSError as exc:
                    return f"failed: {type(exc).__name__}"
            return "written"

        outcome = together(2, run)
        assert sorted(outcome)[1] == "written", outcome
        assert "already exists" in sorted(outcome)[0], outcome
        manifest = json.loads((out / "manifest.json").read_text())
        for name, about in manifest["files"].items():
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == about["sha256"]
        assert sorted(p.name for p in out.iterdir()) == sorted(
            [*manifest["files"], "manifest.json"]
        )
        with store() as session:
            logged = entries(session, kind="export", subject=f"export:{out.name}")
            assert verify(session).ok
        assert len(logged) == 1
