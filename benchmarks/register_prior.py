"""The trader register on generated data: do re-spelled parties join the right trader?

For each size: generate declarations (seed 7), write and ingest their manifests (parties
re-spelled by ``generate/party_variants.py``), link declarations to documents, then run the
register once per prior (``size``: 1 / records; ``identifiers``: estimated from identifier
pairs) on a copy of the same store. Truth: a manifest's consignee is its declaration's
importer and its shipper the exporter (unless a consignee/consignor discrepancy was planted),
and records with equal valid identifier keys are one trader. Prints a Markdown table:

* joined: (declared party, manifest spelling) pairs whose records differ, in the same cluster;
  split into re-spelled names without identifier (the name alone must link) and the rest;
* false merges: records in a cluster whose truth group is not the cluster's largest
  (notify parties, whose truth is unknown, left out).

    PYTHONPATH=src python benchmarks/register_prior.py --declarations 400 5000
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

import clearlane.link.register as register
from clearlane.generate.config import GeneratorConfig
from clearlane.generate.dataset import write_dataset
from clearlane.generate.manifest_files import write_manifest_files
from clearlane.ingest.pipeline import ingest_file
from clearlane.link.manifests.match import link_documents
from clearlane.link.manifests.store import ingest_manifests
from clearlane.link.normalise import normalise_name
from clearlane.store.session import open_store
from clearlane.store.tables import DocumentLinkRow, PartyMentionRow, PartyRecordRow

PAIRS = {
    "consignee": ("importer", "MANIFEST_CONSIGNEE"),
    "shipper": ("exporter", "MANIFEST_CONSIGNOR"),
}
HEADER = (
    "declarations", "prior, ambiguity margin", "w_prior (log2)", "records", "clusters",
    "by identifier / probabilistic / new", "re-spelled, no identifier: joined",
    "other variants: joined", "name of 2+ traders: joined", "false merges (records, clusters)",
    "register s", "CPU s",
)  # fmt: skip


def prepare_store(declarations: int, work: Path) -> Path:
    data = work / "data"
    write_dataset(GeneratorConfig(declarations=declarations, days=365, seed=7), data)
    db = work / "base.db"
    factory = open_store(f"sqlite:///{db}")
    report = ingest_file(data / "declarations.jsonl", session_factory=factory)
    assert report.stored > 0, report
    files = write_manifest_files(data, seed=3)
    ingest_manifests(files.dcsa, "dcsa", factory)
    ingest_manifests(files.csv, "csv", factory)
    link_documents(factory)
    shutil.copy(files.plants, work / "plants.csv")
    return db


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite store (its WAL included)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _find(parent: dict[int, int], x: int) -> int:
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def evaluate(db: Path, plants_file: Path) -> dict[str, Any]:
    factory = open_store(f"sqlite:///{db}")
    with plants_file.open(encoding="utf-8") as handle:
        planted = {(r["reference"], r["code"]) for r in csv.DictReader(handle)}
    with factory() as s:
        records = {r.id: r for r in s.scalars(select(PartyRecordRow))}
        mentions = s.execute(
            select(PartyMentionRow.source, PartyMentionRow.source_ref, PartyMentionRow.role,
                   PartyMentionRow.party_record_id)
        ).all()  # fmt: skip
        links = s.execute(
            select(DocumentLinkRow.declaration_reference, DocumentLinkRow.transport_document_id)
        ).all()
    decl: dict[tuple[str, str], int] = {}
    doc: dict[tuple[int, str], int] = {}
    roles: dict[int, set[str]] = defaultdict(set)
    for source, ref, role, rid in mentions:
        roles[rid].add(role)
        if source == "declaration":
            decl[(ref, role)] = rid
        elif source == "manifest":
            doc[(int(ref.rsplit("#", 1)[1]), role)] = rid
    parent: dict[int, int] = {}
    by_key: dict[str, int] = {}
    for r in records.values():
        if r.identifier_key:
            parent[_find(parent, r.id)] = _find(parent, by_key.setdefault(r.identifier_key, r.id))
    pairs: set[tuple[int, int]] = set()
    for reference, doc_id in links:
        for manifest_role, (declared_role, code) in PAIRS.items():
            a, b = decl.get((reference, declared_role)), doc.get((doc_id, manifest_role))
            if a is None or b is None or (reference, code) in planted:
                continue
            parent[_find(parent, a)] = _find(parent, b)
            if a != b:
                pairs.add((a, b))
    # Generated traders may share a name (two "De Wit Commerce B.V." with different VAT
    # numbers): a spelling without identifier cannot tell them apart, so such pairs are
    # counted apart ("ambiguous").
    traders: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for r in records.values():
        if r.identifier_key:
            traders[(normalise_name(r.name).key, r.country)].add(r.identifier_key)
    hard = joined_hard = other = joined_other = ambiguous = joined_ambiguous = 0
    for a, b in pairs:
        same = records[a].cluster_id == records[b].cluster_id
        if (
            records[b].identifier_key is None
            and len(traders[(normalise_name(records[b].name).key, records[b].country)]) > 1
        ):
            ambiguous, joined_ambiguous = ambiguous + 1, joined_ambiguous + same
        elif records[b].identifier_key is None and records[a].name != records[b].name:
            hard, joined_hard = hard + 1, joined_hard + same
        else:
            other, joined_other = other + 1, joined_other + same
    members: dict[int, list[int]] = defaultdict(list)
    for rid, r in records.items():
        if roles[rid] - {"notify"}:
            members[int(r.cluster_id)].append(rid)
    wrong = mixed = 0
    for rids in members.values():
        truth = Counter(_find(parent, rid) for rid in rids)
        if len(truth) > 1:
            mixed += 1
            wrong += len(rids) - truth.most_common(1)[0][1]
    priors = {round(r.weights["prior"], 2) for r in records.values() if r.weights}
    return {
        "w_prior": ", ".join(f"{p:.1f}" for p in sorted(priors)),
        "records": len(records),
        "clusters": len({r.cluster_id for r in records.values()}),
        "methods": Counter(r.link_method for r in records.values()),
        "hard": (joined_hard, hard),
        "other": (joined_other, other),
        "ambiguous": (joined_ambiguous, ambiguous),
        "mixed": mixed,
        "wrong": wrong,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--declarations", type=int, nargs="+", default=[400, 5000])
    # prior:ambiguity margin; a negative margin leaves ambiguous spellings linked (the old way)
    parser.add_argument(
        "--configs", nargs="+", default=["size:-1", "identifiers:-1", "identifiers:1"]
    )
    args = parser.parse_args()
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "---|" * len(HEADER))
    for n in args.declarations:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            base = prepare_store(n, work)
            for prior, margin in ((p, float(m)) for p, m in
                                  (c.split(":") for c in args.configs)):  # fmt: skip
                db = work / f"{prior}{margin}.db"
                _copy(base, db)
                register.REGISTER_PRIOR = prior
                register.AMBIGUITY_MARGIN = margin
                factory = open_store(f"sqlite:///{db}")
                wall, cpu = time.perf_counter(), time.process_time()
                register.resolve_store(factory)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                m = evaluate(db, work / "plants.csv")
                (jh, h), (jo, o), (ja, a) = m["hard"], m["other"], m["ambiguous"]
                methods = m["methods"]
                cells = [
                    f"{n:,}", f"{prior}, {margin:g}", m["w_prior"], f"{m['records']:,}",
                    f"{m['clusters']:,}",
                    f"{methods['identifier']:,} / {methods['probabilistic']:,} / "
                    f"{methods['new']:,}",
                    f"{jh:,} of {h:,} ({jh / max(h, 1):.1%})",
                    f"{jo:,} of {o:,} ({jo / max(o, 1):.1%})",
                    f"{ja:,} of {a:,}", f"{m['wrong']}, {m['mixed']}",
                    f"{wall:.1f}", f"{cpu:.1f}",
                ]  # fmt: skip
                print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
