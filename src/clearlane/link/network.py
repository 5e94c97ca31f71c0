"""Trader-network features per declaration, for the risk engine (not wired in here).

:func:`network_features` returns one row per declaration reference (latest version) about
its importer's trader cluster, as of the declaration date (only what was known then):

* ``net_cluster_age_days`` - days since the importer's cluster was first seen;
* ``net_new_trader`` - first seen at most ``NEW_TRADER_DAYS`` before;
* ``net_shares_with_noncompliant`` - a new trader that shares an identifier fragment (the
  national number of its identifier, without country prefix), an address (street + city) or
  a container with another cluster found non-compliant by a control completed before;
* ``net_recent_name_change`` - the cluster (older than ``NAME_CHANGE_DAYS``) started using a
  new name (normalised) within ``NAME_CHANGE_DAYS`` ("phoenix" pattern);
* ``net_address_new_importers`` - how many distinct new importer clusters (first seen within
  ``NEW_TRADER_DAYS``) use the importer's address.
* ``net_manifest_discrepancies`` - discrepancy count against the linked transport document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from clearlane.core.sequences import in_lists
from clearlane.link.normalise import normalise_city, normalise_name, normalise_street
from clearlane.store.tables import (
    ControlResultRow,
    DeclarationRow,
    PartyMentionRow,
    PartyRecordRow,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

NEW_TRADER_DAYS = 90
NAME_CHANGE_DAYS = 90
FEATURES = [
    "importer_cluster_id",
    "net_cluster_age_days",
    "net_new_trader",
    "net_shares_with_noncompliant",
    "net_recent_name_change",
    "net_address_new_importers",
    "net_manifest_discrepancies",
]
_DIGITS = re.compile(r"\d{6,}")


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


#: Up to this many references, the manifest discrepancies are compared for them alone (one
#: ``IN`` list); a longer list (training's whole history) compares every linked declaration.
DISCREPANCY_IN_LIMIT = 900


@lru_cache(maxsize=200_000)
def _city(city: str) -> str:
    return normalise_city(city)


def _address(street: str, city: str) -> str:
    return f"addr:{normalise_street(street)}|{_city(city)}"


def _fragments_of(identifier_key: str | None, street: str | None, city: str | None) -> set[str]:
    """A record's static fragments: identifier national numbers and its address."""
    out = {f"id:{digits}" for digits in _DIGITS.findall(identifier_key or "")}
    if street and city:
        out.add(_address(street, city))
    return out


@dataclass
class _Context:
    """What the rows are computed from; :func:`_neighbourhood` fills it for some declarations
    only as far as their rows look (the same rows as :func:`_whole_store`'s)."""

    # reference -> (date, containers) of its latest version: the declarations with a row
    decls: dict[str, tuple[date, list[str] | None]]
    importer_cluster: dict[str, int]
    first_seen: dict[int, date]
    name_first_seen: dict[int, dict[str, date]]
    fragments: dict[int, set[str]]
    containers: dict[int, list[tuple[date, str]]]
    caught: dict[int, date]


def _whole_store(session_factory: sessionmaker[Session], wanted: set[str] | None) -> _Context:
    """Every party record, mention, declaration and control (training's whole history)."""
    with session_factory() as session:
        records = {r.id: r for r in session.scalars(select(PartyRecordRow))}
        mentions = session.execute(
            select(PartyMentionRow.source, PartyMentionRow.source_ref, PartyMentionRow.role,
                   PartyMentionRow.party_record_id, PartyMentionRow.seen_on)
        ).all()  # fmt: skip
        # only the containers of each record: the database extracts them from the JSON
        decls: dict[str, tuple[date, list[str] | None]] = {}
        for ref, when, declared in session.execute(
            select(DeclarationRow.reference, DeclarationRow.declaration_date,
                   DeclarationRow.normalised["containers"]).order_by(DeclarationRow.version)
        ):  # fmt: skip
            decls[ref] = (when, declared)  # the latest version wins
        controls = session.execute(
            select(ControlResultRow.declaration_reference, ControlResultRow.completed_at,
                   ControlResultRow.outcome)
        ).all()  # fmt: skip

    cluster_of_record = {rid: r.cluster_id for rid, r in records.items()}
    importer_cluster: dict[str, int] = {}
    first_seen: dict[int, date] = {}
    name_first_seen: dict[int, dict[str, date]] = defaultdict(dict)
    for source, ref, role, record_id, seen_on in mentions:
        cluster = cluster_of_record.get(record_id)
        if cluster is None or seen_on is None:
            continue
        if source == "declaration" and role == "importer":
            importer_cluster[ref] = cluster
        first_seen[cluster] = min(first_seen.get(cluster, seen_on), seen_on)
    # the names each cluster used, when first: only the wanted declarations' clusters ask
    named = None if wanted is None else {importer_cluster.get(r) for r in wanted}
    for _source, _ref, _role, record_id, seen_on in mentions:
        cluster = cluster_of_record.get(record_id)
        if cluster is None or seen_on is None or (named is not None and cluster not in named):
            continue
        key = normalise_name(records[record_id].name).key
        names = name_first_seen[cluster]
        names[key] = min(names.get(key, seen_on), seen_on)

    # static fragments of each cluster: identifier national numbers and addresses
    fragments: dict[int, set[str]] = defaultdict(set)
    for r in records.values():
        if r.cluster_id is not None:
            fragments[r.cluster_id] |= _fragments_of(r.identifier_key, r.street, r.city)
    # containers by cluster with the date they were declared
    containers: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for ref, (when, declared) in decls.items():
        cluster = importer_cluster.get(ref)
        if cluster is not None:
            for c in declared or []:
                containers[cluster].append((when, f"ctr:{c}"))
    # clusters found non-compliant, with the day the control ended
    caught: dict[int, date] = {}
    for ref, completed, outcome in controls:
        cluster = importer_cluster.get(ref)
        day = _day(completed) or (decls[ref][0] if ref in decls else None)
        if outcome == "non_compliant" and cluster is not None and day is not None:
            caught[cluster] = min(caught.get(cluster, day), day)
    return _Context(decls, importer_cluster, first_seen, name_first_seen, fragments,
                    containers, caught)  # fmt: skip


def _latest(session: Session, refs: Iterable[str]) -> dict[str, tuple[date, list[str] | None]]:
    """Each declaration's latest version: its date and containers (extracted by the database)."""
    out: dict[str, tuple[date, list[str] | None]] = {}
    for chunk in in_lists(refs):
        for ref, when, declared in session.execute(
            select(DeclarationRow.reference, DeclarationRow.declaration_date,
                   DeclarationRow.normalised["containers"])
            .where(DeclarationRow.reference.in_(chunk)).order_by(DeclarationRow.version)
        ):  # fmt: skip
            out[ref] = (when, declared)  # the latest version wins
    return out


def _importer_mentions() -> Any:
    """Declarations' importer mentions of clustered records, with a date (one per declaration:
    a source, reference and role are unique)."""
    return (
        select(PartyMentionRow.source_ref, PartyRecordRow.cluster_id)
        .join(PartyRecordRow, PartyRecordRow.id == PartyMentionRow.party_record_id)
        .where(PartyMentionRow.source == "declaration", PartyMentionRow.role == "importer",
               PartyMentionRow.seen_on.is_not(None), PartyRecordRow.cluster_id.is_not(None))
    )  # fmt: skip


def _importers(session: Session, refs: Iterable[str]) -> dict[str, int]:
    """Declaration reference -> its importer's cluster."""
    out: dict[str, int] = {}
    for chunk in in_lists(refs):
        stmt = _importer_mentions().where(PartyMentionRow.source_ref.in_(chunk))
        out.update({ref: cluster for ref, cluster in session.execute(stmt)})  # noqa: C416
    return out


def _declared(
    session: Session, clusters: Iterable[int]
) -> dict[str, tuple[int, date, list[str] | None]]:
    """Reference -> (its importer's cluster, date, containers of its latest version) of every
    declaration whose importer mention (dated) is a record of one of ``clusters``.

    One statement a chunk: records by cluster, mentions by record, versions by reference, and
    the latest version's date and containers (the JSON, extracted by the database)."""
    out: dict[str, tuple[int, date, list[str] | None]] = {}
    newer = aliased(DeclarationRow)
    latest = select(func.max(newer.version)).where(newer.reference == DeclarationRow.reference)
    for chunk in in_lists(clusters):
        for ref, cluster, when, values in session.execute(
            select(PartyMentionRow.source_ref, PartyRecordRow.cluster_id,
                   DeclarationRow.declaration_date, DeclarationRow.normalised["containers"])
            .select_from(PartyRecordRow)
            .join(PartyMentionRow, PartyMentionRow.party_record_id == PartyRecordRow.id)
            .join(DeclarationRow, DeclarationRow.reference == PartyMentionRow.source_ref)
            # ``|| ''``: SQLite (no statistics) would otherwise walk every declaration mention
            # by the (source, reference, role) index instead of the clusters' records
            .where(PartyRecordRow.cluster_id.in_(chunk),
                   PartyMentionRow.source.concat("") == "declaration",
                   PartyMentionRow.role == "importer", PartyMentionRow.seen_on.is_not(None),
                   DeclarationRow.version == latest.scalar_subquery())
        ):  # fmt: skip
            out[ref] = (cluster, when, values)
    return out


def _first_seen(session: Session, clusters: Iterable[int]) -> dict[int, date]:
    """Each cluster's first day: the earliest dated mention of any of its records."""
    out: dict[int, date] = {}
    for chunk in in_lists(clusters):
        out.update({cluster: _day(day) for cluster, day in session.execute(  # type: ignore[misc]
            select(PartyRecordRow.cluster_id, func.min(PartyMentionRow.seen_on))
            .join(PartyRecordRow, PartyRecordRow.id == PartyMentionRow.party_record_id)
            .where(PartyRecordRow.cluster_id.in_(chunk), PartyMentionRow.seen_on.is_not(None))
            .group_by(PartyRecordRow.cluster_id)
        )})  # fmt: skip
    return out


def _neighbourhood(session_factory: sessionmaker[Session], wanted: set[str]) -> _Context:
    """The context of ``wanted``'s rows only: their latest versions, their importers' clusters
    (records, names, first days), the clusters sharing those clusters' addresses (first days)
    and, only when an asked declaration is a new trader's, the clusters caught by a
    non-compliant control and, for those caught before it, their records and the containers
    both declared (:func:`_declared`; an old trader's row never compares with them, session
    29). Each is a targeted query; what is still read whole, when an asked
    cluster has an address, is the party records' distinct towns (normalised here, cached), then
    the records in the asked clusters' towns."""
    fragments: dict[int, set[str]] = defaultdict(set)
    containers: dict[int, list[tuple[date, str]]] = defaultdict(list)
    name_first_seen: dict[int, dict[str, date]] = defaultdict(dict)
    with session_factory() as session:
        decls = _latest(session, wanted)
        importer_cluster = _importers(session, decls)
        mine = set(importer_cluster.values())
        # the asked clusters' records: fragments, and the names they used, when first
        names: dict[int, tuple[int, str]] = {}
        towns: set[str] = set()
        for chunk in in_lists(mine):
            for rid, cluster, name, key, street, city in session.execute(
                select(PartyRecordRow.id, PartyRecordRow.cluster_id, PartyRecordRow.name,
                       PartyRecordRow.identifier_key, PartyRecordRow.street, PartyRecordRow.city)
                .where(PartyRecordRow.cluster_id.in_(chunk))
            ):  # fmt: skip
                if cluster is None:  # never: the query asks for clusters
                    continue
                fragments[cluster] |= _fragments_of(key, street, city)
                names[rid] = (cluster, name)
                if street and city:
                    towns.add(_city(city))
        first_seen: dict[int, date] = {}
        for chunk in in_lists(names):
            for rid, day in session.execute(
                select(PartyMentionRow.party_record_id, func.min(PartyMentionRow.seen_on))
                .where(PartyMentionRow.party_record_id.in_(chunk),
                       PartyMentionRow.seen_on.is_not(None))
                .group_by(PartyMentionRow.party_record_id)
            ):  # fmt: skip
                seen = _day(day)
                assert seen is not None
                cluster, name = names[rid]
                first_seen[cluster] = min(first_seen.get(cluster, seen), seen)
                key = normalise_name(name).key
                used = name_first_seen[cluster]
                used[key] = min(used.get(key, seen), seen)

        # clusters found non-compliant, with the day the control ended: only a new trader's
        # row compares with them, so none is read when no asked row is a new trader's
        caught: dict[int, date] = {}
        young = [
            (ref, cluster, decls[ref][0])
            for ref, cluster in importer_cluster.items()
            # (no first day: relinked between two reads, PostgreSQL's read committed)
            if (first := first_seen.get(cluster)) is not None
            and (decls[ref][0] - first).days <= NEW_TRADER_DAYS
        ]
        if young:
            controls = session.execute(
                select(ControlResultRow.declaration_reference, ControlResultRow.completed_at)
                .where(ControlResultRow.outcome == "non_compliant")
            ).all()  # fmt: skip
            controlled = {ref for ref, _completed in controls}
            control_cluster = _importers(session, controlled)
            control_day = _latest(
                session, [r for r, c in controls if c is None and r in control_cluster]
            )
            for ref, completed in controls:
                cluster = control_cluster.get(ref)
                day = _day(completed) or (control_day[ref][0] if ref in control_day else None)
                if cluster is not None and day is not None:
                    caught[cluster] = min(caught.get(cluster, day), day)

        # each asked cluster new when it declared, and the clusters caught before: their
        # identifiers and addresses (fragments) and the containers both declared
        new: set[int] = set()
        bad: set[int] = set()
        for _ref, cluster, when in young:
            before = {c for c, day in caught.items() if day < when and c != cluster}
            if before:
                new.add(cluster)
                bad |= before
        if new:
            for chunk in in_lists(bad - mine):
                for cluster, key, street, city in session.execute(
                    select(PartyRecordRow.cluster_id, PartyRecordRow.identifier_key,
                           PartyRecordRow.street, PartyRecordRow.city)
                    .where(PartyRecordRow.cluster_id.in_(chunk))
                ):  # fmt: skip
                    if cluster is not None:  # always: the query asks for clusters
                        fragments[cluster] |= _fragments_of(key, street, city)
            for cluster, when, values in _declared(session, new | bad).values():
                for value in values or []:
                    containers[cluster].append((when, f"ctr:{value}"))

        # the other clusters at the asked clusters' addresses, and their first days: the
        # records in the asked clusters' towns (the same address is the same town, normalised)
        addresses = {v for c in mine for v in fragments[c] if v.startswith("addr:")}
        if addresses:
            addressed = [
                PartyRecordRow.cluster_id.is_not(None),
                PartyRecordRow.street.is_not(None),
                PartyRecordRow.city.is_not(None),
            ]
            spellings = [
                city
                for city in session.scalars(
                    select(PartyRecordRow.city).where(*addressed).distinct()
                )
                if city and _city(city) in towns
            ]
            hosts: set[int] = set()
            for spelled in in_lists(spellings):
                for cluster, street, city in session.execute(
                    select(PartyRecordRow.cluster_id, PartyRecordRow.street, PartyRecordRow.city)
                    .where(*addressed, PartyRecordRow.city.in_(spelled))
                ):  # fmt: skip
                    if cluster is None or not (street and city):
                        continue
                    if (address := _address(street, city)) in addresses:
                        fragments[cluster].add(address)
                        hosts.add(cluster)
            first_seen.update(_first_seen(session, hosts - mine))
    return _Context(decls, importer_cluster, first_seen, name_first_seen, fragments,
                    containers, caught)  # fmt: skip


def network_features(
    session_factory: sessionmaker[Session],
    references: Iterable[str] | None = None,
    *,
    manifest: bool = True,
) -> pd.DataFrame:
    """The features above for every declaration, or with ``references`` for those alone.

    A declaration's row is the same either way: every trader, mention, declaration and control
    counts as context (a cluster's first day, the containers other clusters used, who was
    caught when). Up to ``DISCREPANCY_IN_LIMIT`` references, the context is read for them
    alone (:func:`_neighbourhood`: their clusters, the clusters sharing their addresses, the
    clusters caught by a control and what those declared), so one submission's facts grow with
    its importer's neighbourhood, not with the store (until session 28, every party record,
    mention, declaration and control was read and named normalised: 1.4 CPU s a declaration on
    the demo's 20,000); a longer list (training's whole history) reads the whole store once.
    ``manifest=False`` leaves ``net_manifest_discrepancies`` out (a caller that compares the
    transport documents itself, as ``features.facts.gather_facts`` does, need not have them
    compared twice)."""
    import pandas as pd

    from clearlane.link.discrepancies import discrepancies

    wanted = None if references is None else {str(r) for r in references}
    if wanted is not None and len(wanted) <= DISCREPANCY_IN_LIMIT:
        ctx = _neighbourhood(session_factory, wanted)
    else:
        ctx = _whole_store(session_factory, wanted)
    decls, importer_cluster, first_seen = ctx.decls, ctx.importer_cluster, ctx.first_seen
    name_first_seen, fragments, containers = ctx.name_first_seen, ctx.fragments, ctx.containers
    caught = ctx.caught
    by_fragment: dict[str, set[int]] = defaultdict(set)
    for owner, values in fragments.items():
        for value in values:
            by_fragment[value].add(owner)
    container_users: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for owner, seen in containers.items():
        for when, value in seen:
            container_users[value].append((when, owner))
    address_clusters: dict[str, set[int]] = defaultdict(set)
    for owner, values in fragments.items():
        for value in values:
            if value.startswith("addr:"):
                address_clusters[value].add(owner)

    counts: dict[Any, int] = {}
    if manifest:
        asked = None if wanted is None or len(wanted) > DISCREPANCY_IN_LIMIT else sorted(wanted)
        found = discrepancies(session_factory, asked)
        counts = found.groupby("reference").size().to_dict()
    rows = []
    for ref, (when, _declared) in decls.items():
        if wanted is not None and ref not in wanted:
            continue
        cluster = importer_cluster.get(ref)
        row: dict[str, Any] = {
            "reference": ref,
            "importer_cluster_id": cluster,
            "net_manifest_discrepancies": int(counts.get(ref, 0)),
        }
        if cluster is None or cluster not in first_seen:
            rows.append(row)
            continue
        age = (when - first_seen[cluster]).days
        new = age <= NEW_TRADER_DAYS
        bad = {c for c, day in caught.items() if day < when and c != cluster}
        shared = False
        if new and bad:
            for value in fragments.get(cluster, ()):
                if by_fragment[value] & bad:
                    shared = True
                    break
            if not shared:
                mine = {v for d, v in containers.get(cluster, []) if d <= when}
                shared = any(c in bad and d <= when for v in mine for d, c in container_users[v])
        names = name_first_seen.get(cluster, {})
        renamed = age > NAME_CHANGE_DAYS and any(
            0 <= (when - seen).days <= NAME_CHANGE_DAYS for seen in names.values()
        )
        hosts = 0
        for value in fragments.get(cluster, ()):
            if value.startswith("addr:"):
                hosts = max(hosts, sum(
                    1 for c in address_clusters[value]
                    if c in first_seen and 0 <= (when - first_seen[c]).days <= NEW_TRADER_DAYS
                ))  # fmt: skip
        row.update(net_cluster_age_days=age, net_new_trader=new,
                   net_shares_with_noncompliant=shared, net_recent_name_change=renamed,
                   net_address_new_importers=hosts)  # fmt: skip
        rows.append(row)
    columns = FEATURES if manifest else [c for c in FEATURES if c != "net_manifest_discrepancies"]
    frame = pd.DataFrame(rows, columns=["reference", *columns]).set_index("reference")
    for column in ("net_new_trader", "net_shares_with_noncompliant", "net_recent_name_change"):
        # True where True: no row with a cluster leaves the column float NaN, which pandas
        # will no longer fill with False
        frame[column] = frame[column].eq(True)
    frame["net_address_new_importers"] = frame["net_address_new_importers"].fillna(0).astype(int)
    frame["importer_cluster_id"] = frame["importer_cluster_id"].astype("Int64")
    frame["net_cluster_age_days"] = frame["net_cluster_age_days"].astype("Int64")
    return frame.sort_index()
