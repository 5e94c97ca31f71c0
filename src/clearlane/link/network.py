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
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

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


def network_features(
    session_factory: sessionmaker[Session], references: Iterable[str] | None = None
) -> pd.DataFrame:
    """The features above for every declaration, or with ``references`` for those alone.

    Every trader, mention, declaration and control still counts as context (a cluster's first
    day, the containers other clusters used, who was caught when), so a declaration's row is
    the same either way; what ``references`` saves is comparing every linked declaration with
    its transport document (a query each: some 12 CPU s on the demo's 20,000 declarations,
    paid by every page that scored one declaration)."""
    import pandas as pd

    from clearlane.link.discrepancies import discrepancies

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
    wanted = None if references is None else {str(r) for r in references}
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
        if r.cluster_id is None:
            continue
        if r.identifier_key:
            for digits in _DIGITS.findall(r.identifier_key):
                fragments[r.cluster_id].add(f"id:{digits}")
        if r.street and r.city:
            address = f"addr:{normalise_street(r.street)}|{normalise_city(r.city)}"
            fragments[r.cluster_id].add(address)
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
    by_fragment: dict[str, set[int]] = defaultdict(set)
    for cluster, values in fragments.items():
        for value in values:
            by_fragment[value].add(cluster)
    container_users: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for cluster, seen in containers.items():
        for when, value in seen:
            container_users[value].append((when, cluster))
    address_clusters: dict[str, set[int]] = defaultdict(set)
    for cluster, values in fragments.items():
        for value in values:
            if value.startswith("addr:"):
                address_clusters[value].add(cluster)

    if wanted is not None and len(wanted) <= DISCREPANCY_IN_LIMIT:
        found = discrepancies(session_factory, sorted(wanted))
    else:
        found = discrepancies(session_factory)
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
    frame = pd.DataFrame(rows, columns=["reference", *FEATURES]).set_index("reference")
    for column in ("net_new_trader", "net_shares_with_noncompliant", "net_recent_name_change"):
        frame[column] = frame[column].fillna(False).astype(bool)
    frame["net_address_new_importers"] = frame["net_address_new_importers"].fillna(0).astype(int)
    frame["importer_cluster_id"] = frame["importer_cluster_id"].astype("Int64")
    frame["net_cluster_age_days"] = frame["net_cluster_age_days"].astype("Int64")
    return frame.sort_index()
