"""A small linked store for the linking pages' browser tests and screenshots (issue #14).

Generated declarations and their control results; the manifests written as DCSA eBL JSON and
a CSV manifest with planted discrepancies, ingested through the quarantine path; `link run`
(declaration <-> transport document links, trader register). Users: an officer, an analyst
and a trader acting for the importer of a declaration with a planted discrepancy.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from clearlane.generate.config import GeneratorConfig
from clearlane.generate.dataset import write_dataset
from clearlane.ingest.pipeline import ingest_file
from clearlane.link.discrepancies import discrepancies
from clearlane.link.generated import link_generated
from clearlane.link.views import trader_network
from clearlane.store.session import open_store
from clearlane.store.tables import PartyMentionRow, PartyRecordRow
from clearlane.users import Role, create_user
from tests.e2e.seed import PASSWORD, Seeded

USERS = {"officer": "link-officer", "analyst": "link-analyst", "trader": "link-trader"}


@dataclass(frozen=True)
class Linked:
    seeded: Seeded
    cluster: int  # an importer with many spellings and a network to show
    reference: str  # a declaration with planted discrepancies (of the trader's organisation)
    codes: list[str]  # the discrepancy codes found on it
    planted_code: str  # the code planted on it (manifest_plants.csv)
    clean_reference: str  # a linked declaration without discrepancies


def seed_linked_store(data_dir: Path, *, declarations: int = 1500, seed: int = 21) -> Linked:
    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{(data_dir / 'store.db').resolve()}"
    factory = open_store(url)
    gen = data_dir / "gen"
    write_dataset(GeneratorConfig(declarations=declarations, days=60, seed=seed), gen)
    ingest_file(gen / "declarations.jsonl", session_factory=factory)
    ingest_file(gen / "controls.jsonl", kind="controls", session_factory=factory)
    link_generated(gen, factory, seed=seed)
    found = discrepancies(factory)
    with (gen / "manifest_plants.csv").open(encoding="utf-8", newline="") as handle:
        plants = {row["reference"]: row["code"] for row in csv.DictReader(handle)}
    by_ref = found.groupby("reference")["code"].apply(list).to_dict()
    # a declaration with a planted party or port discrepancy shows both values best
    preferred = ("MANIFEST_CONSIGNOR", "MANIFEST_DISPATCH", "MANIFEST_GROSS_MASS")
    reference = next(
        (r for code in preferred for r, c in sorted(plants.items()) if c == code and r in by_ref),
        sorted(by_ref)[0],
    )
    with factory() as session:
        rows = session.execute(
            select(PartyRecordRow.cluster_id, PartyMentionRow.source_ref, PartyMentionRow.role)
            .join(PartyMentionRow, PartyMentionRow.party_record_id == PartyRecordRow.id)
            .where(PartyMentionRow.source == "declaration")
        ).all()  # fmt: skip
        importer_of = {ref: c for c, ref, role in rows if role == "importer"}
        spellings = Counter(c for (c,) in session.execute(select(PartyRecordRow.cluster_id)))
        flagged = {importer_of[r] for r in by_ref if r in importer_of}
        importers = set(importer_of.values())
        ranked = sorted(importers, key=lambda c: (-spellings[c], c))[:40]

        def shows(c: int) -> tuple[bool, bool, bool, int, int]:
            """Prefer a network with a shared container/address/identifier and a caught
            neighbour: the page then shows every kind of edge and mark."""
            net = trader_network(session, c) or {"nodes": [], "edges": []}
            shares = any(e["kind"] == "shares" for e in net["edges"])
            caught = any(n["non_compliant"] for n in net["nodes"])
            return shares, caught, c in flagged, len(net["nodes"]), spellings[c]

        cluster = max(ranked, key=shows)
        organisation = session.execute(
            select(PartyRecordRow.identifier)
            .join(PartyMentionRow, PartyMentionRow.party_record_id == PartyRecordRow.id)
            .where(PartyMentionRow.source_ref == reference, PartyMentionRow.role == "importer")
        ).scalar_one()
    with factory() as session, session.begin():
        for role, username in USERS.items():
            create_user(
                session, username=username, password=PASSWORD, role=Role(role),
                organisation=organisation if role == "trader" else None,
                full_name=f"Link {role}", created_by="seed",
            )  # fmt: skip
    clean = sorted(set(importer_of) - set(by_ref))[0]
    seeded = Seeded(data_dir, url, dict(USERS), (organisation or "", ""), "", 0, "", "", {})
    linked = Linked(seeded, int(cluster), reference, sorted(set(by_ref[reference])),
                    plants.get(reference, ""), clean)  # fmt: skip
    record = asdict(linked)
    record["seeded"]["data_dir"] = str(data_dir)
    (data_dir / "link-seed.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    return linked


def load_linked(data_dir: Path) -> Linked | None:
    path = data_dir / "link-seed.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    seeded = data.pop("seeded")
    seeded["data_dir"] = Path(seeded["data_dir"])
    seeded["organisations"] = tuple(seeded["organisations"])
    return Linked(seeded=Seeded(**seeded), **data)
