"""The trader register: every party named in the store, resolved into stable clusters.

``resolve_store`` (``clearlane link run``) is incremental and never renumbers:

1. every party a declaration names (declarant, importer, exporter, seller, courier), every
   party a transport document names (shipper, consignee, notify party) and the seller and
   buyer of every invoice read from an attached document become *mentions* of *party
   records*; identical spellings share one record (keyed by the SHA-256 of its text);
2. new records (no cluster yet) are scored against all records with the party model
   (identifiers first, then Splink); new records linked together form one group;
3. a group that links to an existing cluster joins the cluster of its strongest link; other
   groups found a new cluster. Records already in a cluster never move, so cluster ids are
   stable across runs.

Concurrent runs: each record's cluster is set with ``... WHERE cluster_id IS NULL`` inside a
transaction that first takes a register-wide lock (an advisory lock on PostgreSQL, the write
lock on SQLite), so two runs cannot give one record two clusters.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.link.identifiers import identifier_key
from clearlane.link.resolve import Prior
from clearlane.store.tables import (
    DeclarationRow,
    DocumentExtractionRow,
    PartyMentionRow,
    PartyRecordRow,
    TraderClusterRow,
    TransportDocumentRow,
)

DECLARATION_ROLES = ("declarant", "importer", "exporter", "seller", "courier")
RECORD_FIELDS = ("name", "street", "city", "postcode", "region", "country", "identifier")
REGISTER_PRIOR: Prior = "identifiers"
# A spelling without identifier whose links to two records with different identifiers are
# within this many bits of each other (two traders named alike) is linked to neither.
AMBIGUITY_MARGIN = 1.0
_LOCK_KEY = 1_400_014  # PostgreSQL advisory lock for the register


@dataclass
class RunSummary:
    mentions_added: int = 0
    records_added: int = 0
    records_clustered: int = 0
    clusters_created: int = 0
    joined_existing: int = 0
    ambiguous: int = 0  # spellings without identifier as close to two registered traders
    methods: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Mention:
    source: str
    source_ref: str
    role: str
    seen_on: date | None
    party: dict[str, str | None]


def _clip(value: Any, n: int) -> str | None:
    if value is None:
        return None
    text_value = str(value).replace("\x00", "").strip()
    return text_value[:n] or None


def _party(raw: dict[str, Any]) -> dict[str, str | None] | None:
    party = {
        "name": _clip(raw.get("name"), 512),
        "street": _clip(raw.get("street"), 512),
        "city": _clip(raw.get("city"), 256),
        "postcode": _clip(raw.get("postcode"), 32),
        "region": _clip(raw.get("region"), 256),
        "country": _clip(raw.get("country"), 2),
        "identifier": _clip(raw.get("id") or raw.get("identifier"), 64),
    }
    return party if party["name"] else None


def content_sha256(party: dict[str, str | None]) -> str:
    canonical = json.dumps([party.get(f) for f in RECORD_FIELDS], ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _declaration_mentions(session: Session) -> Iterator[Mention]:
    known = set(
        session.scalars(
            select(PartyMentionRow.source_ref).where(PartyMentionRow.source == "declaration")
        )
    )
    rows = session.execute(
        select(
            DeclarationRow.reference, DeclarationRow.declaration_date, DeclarationRow.normalised
        ).order_by(DeclarationRow.reference, DeclarationRow.version.desc())
    )
    last = None
    for reference, when, normalised in rows:
        if reference == last or reference in known:
            continue
        last = reference
        for role in DECLARATION_ROLES:
            raw = normalised.get(role)
            party = _party(raw) if isinstance(raw, dict) else None
            if party:
                yield Mention("declaration", reference, role, when, party)


def _document_mentions(session: Session) -> Iterator[Mention]:
    known = set(
        session.scalars(
            select(PartyMentionRow.source_ref).where(PartyMentionRow.source == "manifest")
        )
    )
    rows = session.execute(
        select(
            TransportDocumentRow.id,
            TransportDocumentRow.document_number,
            TransportDocumentRow.departure_date,
            TransportDocumentRow.parties,
        )
    )
    for doc_id, number, when, parties in rows:
        ref = f"{number}#{doc_id}"
        if ref in known:
            continue
        for role, raw in (parties or {}).items():
            party = _party(raw) if isinstance(raw, dict) else None
            if party:
                yield Mention("manifest", ref, role[:16], when, party)


INVOICE_ROLES = {"seller": ("seller_name", "seller_vat_id", "seller_country"),
                 "buyer": ("buyer_name", None, "buyer_country")}  # fmt: skip


def _invoice_mentions(session: Session) -> Iterator[Mention]:
    """Seller and buyer of every invoice read from an attached document (``done``
    extractions); ``source_ref`` is ``<declaration reference>#doc<document id>``."""
    rows = session.execute(
        select(DocumentExtractionRow.reference, DocumentExtractionRow.document_id,
               DocumentExtractionRow.extraction, DocumentExtractionRow.created_at)
        .where(DocumentExtractionRow.status == "done")
        .order_by(DocumentExtractionRow.document_id)
    )  # fmt: skip
    for reference, document_id, extraction, created in rows:
        if not isinstance(extraction, dict):
            continue
        seen_on: date | None
        try:
            seen_on = date.fromisoformat(str(extraction.get("issue_date")))
        except ValueError:
            seen_on = created.date() if created else None
        for role, (name, ident, country) in INVOICE_ROLES.items():
            raw = {"name": extraction.get(name), "country": extraction.get(country),
                   "id": extraction.get(ident) if ident else None}  # fmt: skip
            party = _party(raw)
            if party:
                yield Mention("invoice", f"{reference}#doc{document_id}", role, seen_on, party)


def collect_mentions(session: Session, summary: RunSummary) -> None:
    """Add party records and mentions for sources not yet in the register.

    Runs under the register lock (:func:`resolve_store`), so no other run adds mentions
    meanwhile: known records and mentions are read once and the new ones written in bulk."""
    before = session.scalar(select(PartyRecordRow.id).order_by(PartyRecordRow.id.desc()).limit(1))
    known_records: dict[str, int] = dict(
        session.execute(select(PartyRecordRow.content_sha256, PartyRecordRow.id)).all()
    )
    known_mentions: set[tuple[str, str, str]] = {
        (source, ref, role)
        for source, ref, role in session.execute(
            select(PartyMentionRow.source, PartyMentionRow.source_ref, PartyMentionRow.role)
        )
    }
    new_mentions: list[dict[str, Any]] = []
    new_records: dict[str, dict[str, Any]] = {}
    now = datetime.now(UTC)
    sources = [*_declaration_mentions(session), *_document_mentions(session),
               *_invoice_mentions(session)]  # fmt: skip
    for mention in sources:
        key = (mention.source, mention.source_ref, mention.role)
        if key in known_mentions:
            continue
        known_mentions.add(key)
        digest = content_sha256(mention.party)
        if digest not in known_records and digest not in new_records:
            country = mention.party["country"]
            new_records[digest] = {
                "content_sha256": digest,
                "identifier_key": identifier_key(mention.party["identifier"], country).key,
                "first_seen": mention.seen_on,
                "created_at": now,
                **{f: mention.party[f] for f in RECORD_FIELDS},
            }
        new_mentions.append(
            {
                "source": mention.source,
                "source_ref": mention.source_ref,
                "role": mention.role,
                "party_record_id": digest,
                "seen_on": mention.seen_on,
            }
        )
    # Core executemany, no RETURNING: the ORM's bulk insert splits rows by their None pattern
    # and splices the results back together, quadratic in the number of splits.
    connection = session.connection()
    if new_records:
        connection.execute(insert(_table(PartyRecordRow)), list(new_records.values()))
        query = select(PartyRecordRow.content_sha256, PartyRecordRow.id)
        known_records.update((sha, rid) for sha, rid in session.execute(query))
    for row in new_mentions:
        row["party_record_id"] = known_records[row["party_record_id"]]
    if new_mentions:
        connection.execute(insert(_table(PartyMentionRow)), new_mentions)
        summary.mentions_added += len(new_mentions)
    summary.records_added = len(
        session.scalars(select(PartyRecordRow.id).where(PartyRecordRow.id > (before or 0))).all()
    )


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def lock_register(session: Session) -> None:
    """Take the register-wide lock for the rest of the transaction (``link run``'s document
    links and clusters are written under it)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    else:  # SQLite: take the database write lock now, not at the first write
        session.execute(update(TraderClusterRow).where(TraderClusterRow.id == -1).values(id=-1))


def _find(parent: dict[int, int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def ambiguous_records(
    edges: list[tuple[int, int, dict[str, Any]]], key_of: dict[int, str | None], new: set[int]
) -> set[int]:
    """New records without identifier whose probabilistic links reach records of two or more
    identifier keys with weights within :data:`AMBIGUITY_MARGIN` (e.g. a name shared by two
    registered traders): which one is meant, the name cannot tell."""
    best: dict[int, dict[str, float]] = defaultdict(dict)
    for a, b, row in edges:
        if row["method"] != "probabilistic":
            continue
        for mine, other in ((a, b), (b, a)):
            theirs = key_of.get(other)
            if mine in new and key_of.get(mine) is None and theirs:
                weight = float(row["match_weight"])
                best[mine][theirs] = max(best[mine].get(theirs, weight), weight)
    out = set()
    for record, per_key in best.items():
        top = sorted(per_key.values(), reverse=True)
        if len(top) >= 2 and top[1] >= top[0] - AMBIGUITY_MARGIN:
            out.add(record)
    return out


def assign_clusters(session: Session, summary: RunSummary) -> None:
    import pandas as pd

    from clearlane.link.resolve import FIELDS, dedupe_parties

    records = session.execute(select(PartyRecordRow).order_by(PartyRecordRow.id)).scalars().all()
    new = [r for r in records if r.cluster_id is None]
    if not new:
        return
    cluster_of = {r.id: r.cluster_id for r in records}
    frame = pd.DataFrame(
        [
            {
                "id": str(r.id),
                **{f: getattr(r, f) or "" for f in RECORD_FIELDS if f != "identifier"},
                "identifier": r.identifier or "",
                "registration_date": "",
            }
            for r in records
        ]
    )
    # Register records carry few fields (name, country, identifier): EM on them is unstable,
    # so the register scores with the shipped m/u values and a prior estimated from the
    # records that share an identifier (docs/linking.md). REGISTER_PRIOR = "size" restores
    # 1 / records, which links nothing on name alone at demo scale.
    pairs = dedupe_parties(frame, train=False, prior=REGISTER_PRIOR).matches
    edges: list[tuple[int, int, dict[str, Any]]] = []
    rows: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()} for r in pairs.to_dict("records")
    ]
    for row in rows:
        a, b = int(row["left_id"]), int(row["right_id"])
        if cluster_of[a] is not None and cluster_of[b] is not None:
            continue  # both already clustered: never merge or move existing clusters
        edges.append((a, b, row))
    key_of = {r.id: r.identifier_key for r in records}
    unsure = ambiguous_records(edges, key_of, {r.id for r in new})
    if unsure:  # left to found their own trader (an officer can see the spelling alone)
        edges = [e for e in edges if e[0] not in unsure and e[1] not in unsure]
        summary.ambiguous += len(unsure)
    # Strongest links first; never put two different valid identifiers in one group (two
    # traders whose names are alike, chained through a record without identifier).
    edges.sort(key=lambda e: -float(e[2]["match_weight"]))
    parent = {r.id: r.id for r in new}
    keys: dict[int, set[str]] = {r.id: {r.identifier_key} if r.identifier_key else set()
                                 for r in new}  # fmt: skip
    kept = []
    for a, b, row in edges:
        if a in parent and b in parent:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra == rb:
                kept.append((a, b, row))
                continue
            if keys[ra] and keys[rb] and not keys[ra] & keys[rb]:
                continue
            parent[ra] = rb
            keys[rb] |= keys[ra]
        kept.append((a, b, row))
    edges = kept
    groups: dict[int, list[int]] = defaultdict(list)
    for r in new:
        groups[_find(parent, r.id)].append(r.id)
    best: dict[int, tuple[int, dict[str, Any]]] = {}  # new record -> (record it matched, row)
    for a, b, row in edges:
        for mine, other in ((a, b), (b, a)):
            if mine in parent and (
                mine not in best or row["match_weight"] > best[mine][1]["match_weight"]
            ):
                best[mine] = (other, row)
    by_id = {r.id: r for r in records}
    cluster_keys: dict[int, set[str]] = defaultdict(set)
    for r in records:
        if r.cluster_id is not None and r.identifier_key:
            cluster_keys[r.cluster_id].add(r.identifier_key)
    now = datetime.now(UTC)
    updates: list[dict[str, Any]] = []
    edges_of: dict[int, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for a, b, row in edges:
        edges_of[a].append((b, row))
        edges_of[b].append((a, row))
    for members in groups.values():
        # strongest link from the group to an existing cluster
        target, strength = None, float("-inf")
        for mine in members:
            for other, row in edges_of.get(mine, ()):
                their_cluster = cluster_of.get(other)
                if their_cluster is not None:
                    theirs = cluster_keys.get(their_cluster, set())
                    ours = keys[_find(parent, members[0])]
                    if ours and theirs and not ours & theirs:
                        continue  # a different registered trader
                    weight = 1e9 if row["method"] == "identifier" else row["match_weight"]
                    if weight > strength:
                        target, strength = their_cluster, weight
        if target is None:
            names = Counter(by_id[m].name for m in members)
            target = (
                session.connection()
                .execute(
                    insert(_table(TraderClusterRow)).returning(_table(TraderClusterRow).c.id),
                    {"display_name": names.most_common(1)[0][0], "created_at": now},
                )
                .scalar_one()
            )
            summary.clusters_created += 1
        else:
            summary.joined_existing += len(members)
        for member in sorted(members):
            linked = best.get(member)
            values: dict[str, Any] = {
                "rid": member, "cluster_id": target, "link_method": "new", "linked_to": None,
                "match_probability": None, "match_weight": None, "weights": None,
            }  # fmt: skip
            if linked is not None:
                other, row = linked
                values.update(
                    link_method=row["method"],
                    linked_to=other,
                    match_probability=float(row["match_probability"]),
                    match_weight=float(row["match_weight"]),
                    weights={"prior": float(row["w_prior"])}
                    | {f: float(row[f"w_{f}"]) for f in FIELDS},
                )
            updates.append(values)
    if updates:
        # One executemany; ``cluster_id IS NULL`` keeps a record from moving cluster.
        table = _table(PartyRecordRow)
        statement = (
            update(table)
            .where(table.c.id == bindparam("rid"), table.c.cluster_id.is_(None))
            .values({k: bindparam(k) for k in updates[0] if k != "rid"})
        )
        result = session.connection().execute(statement, updates)
        summary.records_clustered += result.rowcount
        summary.methods.update(v["link_method"] for v in updates)


def resolve_store(session_factory: sessionmaker[Session]) -> RunSummary:
    """Bring the trader register up to date with the store (see the module docstring)."""
    summary = RunSummary()
    with session_factory() as session, session.begin():
        lock_register(session)
        collect_mentions(session, summary)
        session.flush()
        assign_clusters(session, summary)
    return summary
