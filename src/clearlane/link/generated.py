"""Link a generated data set end to end (the demo's linking step).

:func:`link_generated` writes the data set's manifests as a DCSA eBL JSON file and a CSV
manifest with planted discrepancies (``generate/manifest_files.py``), ingests both through the
read -> validate -> store or quarantine path, runs ``link run`` (declaration <-> transport
document links, then the trader register) and scores the discrepancies found against what
was planted. Idempotent: a second run stores nothing new (documents unchanged, bad records
already in the quarantine, declarations already linked, parties already clustered).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.store.tables import DocumentLinkRow, TraderClusterRow

if TYPE_CHECKING:
    from clearlane.generate.manifest_files import ManifestFiles
    from clearlane.link.manifests.match import MatchSummary
    from clearlane.link.manifests.store import ManifestReport
    from clearlane.link.planted import PlantScore
    from clearlane.link.register import RunSummary


@dataclass
class LinkOutcome:
    files: ManifestFiles
    reports: list[ManifestReport]
    documents: MatchSummary
    register: RunSummary
    clusters: int
    links: int
    discrepancies: int
    score: PlantScore
    seconds: float
    cpu_seconds: float


def link_generated(
    dataset_dir: Path, session_factory: sessionmaker[Session], *, seed: int = 0
) -> LinkOutcome:
    from clearlane.generate.manifest_files import write_manifest_files
    from clearlane.link.discrepancies import discrepancies
    from clearlane.link.manifests.match import link_documents
    from clearlane.link.manifests.store import ingest_manifests
    from clearlane.link.planted import quantity_fraud, read_plants, score_plants
    from clearlane.link.register import resolve_store

    started, cpu = time.perf_counter(), time.process_time()
    files = write_manifest_files(dataset_dir, seed=seed)
    reports = [
        ingest_manifests(files.dcsa, "dcsa", session_factory),
        ingest_manifests(files.csv, "csv", session_factory),
    ]
    documents = link_documents(session_factory)
    register = resolve_store(session_factory)
    found = discrepancies(session_factory)
    with session_factory() as session:
        linked = set(session.scalars(select(DocumentLinkRow.declaration_reference)))
        clusters = session.scalar(select(func.count()).select_from(TraderClusterRow)) or 0
    score = score_plants(
        found, read_plants(files.plants), quantity_fraud(dataset_dir / "ground_truth.csv"), linked
    )
    return LinkOutcome(
        files=files,
        reports=reports,
        documents=documents,
        register=register,
        clusters=clusters,
        links=len(linked),
        discrepancies=len(found),
        score=score,
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu,
    )
