"""Helpers shared by tests/link (session 28, 2026-12-06, helper parties19: each was written
twice): a small register and sanctions list written as the files the product reads and linked
(:func:`link_weights`), and a store of declarations linked to parties and transport documents
for the network features (:func:`linked_network_store`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate.identifiers import container_number
from clearlane.ingest.pipeline import ingest_records
from clearlane.link.io import read_party_file
from clearlane.link.manifests.match import link_documents
from clearlane.link.manifests.store import ingest_manifests
from clearlane.link.register import resolve_store
from clearlane.link.resolve import link_parties
from clearlane.store.tables import ControlResultRow
from tests.factories import declaration
from tests.link.test_manifests import dcsa
from tests.link.test_unseen22 import _LIST, _REGISTER

C1, C2 = container_number("MSK", 111111), container_number("MSK", 222222)


def link_weights(
    tmp_path: Path, register: Sequence[Sequence[str]], listed: Sequence[Sequence[str]]
) -> dict[tuple[str, str], dict[str, float]]:
    """Each compared pair's field weights (``w_<field>``) and probability, at any probability
    (a small list's prior, 1 / its size, says little of how a pair scores on a real one).
    Register rows are the register's first columns (the rest left empty: a row of all eleven
    carries a registration number); list rows are (id, schema, name, birth date, countries,
    addresses) and, as a seventh, identifiers."""
    with open(tmp_path / "register.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(_REGISTER)
        for row in register:
            writer.writerow([*row, *[""] * (len(_REGISTER) - len(row))])
    with open(tmp_path / "list.csv", "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(_LIST)
        for rid, schema, name, birth, country, address, *identifiers in listed:
            writer.writerow(
                [rid, schema, name, "", birth, country, address, "".join(identifiers), "SDN"]
                + ["", "", "x", "2024-03-01T00:00:00", "2026-12-01T00:00:00"]
                + ["2024-03-01T00:00:00"]
            )
    left = read_party_file(tmp_path / "register.csv").frame
    right = read_party_file(tmp_path / "list.csv").frame
    found = link_parties(left, right, threshold=0.0).matches
    return {
        (r["left_id"], r["right_id"]): {
            k: float(v) for k, v in r.items() if k.startswith("w_") or k == "match_probability"
        }
        for r in found.to_dict("records")
    }


def linked_network_store(store: sessionmaker[Session], tmp_path: Path) -> None:
    """Three importers, a caught one's container reused by a new one, a renamed one (the same
    identifier, five months later), and two declarations linked to transport documents that
    disagree with them; parties resolved and documents linked."""
    path = tmp_path / "ebl.json"
    docs = [dcsa("MAEU0001", [C1], consignee="Someone Else Trading GmbH"), dcsa("MAEU0002", [C2])]
    path.write_text(json.dumps(docs), encoding="utf-8")
    ingest_manifests(path, None, store)
    shared = {"name": "Shared Exporter Ltd", "country": "CN"}
    old = {"id": "DE136695976", "name": "Old Trader GmbH", "country": "DE"}
    fresh = {"id": "DE811128135", "name": "Fresh Start GmbH", "country": "DE"}
    decls = [
        declaration("A1", declaration_date="2025-01-05", containers=[C1], importer=old,
                    exporter=shared, transport_document="MAEU0001"),
        # a brand-new importer using the caught trader's container
        declaration("B1", declaration_date="2025-03-01", containers=[C1], importer=fresh,
                    exporter=shared),
        # the old trader under a new name, same identifier, 5 months later
        declaration("A2", declaration_date="2025-06-01", containers=[C2],
                    importer=old | {"name": "Phoenix Rising GmbH"}, exporter=shared,
                    transport_document="MAEU0002", country_dispatch="VN"),
    ]  # fmt: skip
    ingest_records(decls, source="t", session_factory=store)
    with store() as s, s.begin():
        s.add(ControlResultRow(
            declaration_reference="A1", declaration_version=1, control_type="physical",
            selection_reason="risk", outcome="non_compliant", severity="major",
            irregularities=["quantity"], extra_duty=100.0,
            completed_at=datetime(2025, 1, 10, tzinfo=UTC), content_sha256="x" * 64,
            payload={}, recorded_at=datetime(2025, 1, 10, tzinfo=UTC),
        ))  # fmt: skip
    resolve_store(store)
    link_documents(store)
