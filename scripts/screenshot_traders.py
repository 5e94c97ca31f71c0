"""Screenshot the trader page (docs/screenshots/trader-cluster.png) on generated data.

    python scripts/screenshot_traders.py [--data-dir DIR] [--out docs/screenshots]

Generates a small data set (declarations, manifests with re-spelled parties, controls),
ingests it, runs `link run` (documents, then the trader register), adds an officer and
shoots, as that officer, the importer with the most spellings and a manifest discrepancy.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.harness import Server, launch_browser  # noqa: E402
from tests.e2e.seed import PASSWORD, Seeded  # noqa: E402


def build(data_dir: Path) -> tuple[Seeded, int]:
    import os

    from sqlalchemy import select

    os.environ["CLEARLANE_DATA_DIR"] = str(data_dir)
    from clearlane.api.auth.service import create_user
    from clearlane.api.permissions import Role
    from clearlane.generate.config import GeneratorConfig
    from clearlane.generate.dataset import write_dataset
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.link.discrepancies import discrepancies
    from clearlane.link.manifests.match import link_documents
    from clearlane.link.manifests.store import ingest_manifests
    from clearlane.link.register import resolve_store
    from clearlane.store.session import open_store
    from clearlane.store.tables import PartyMentionRow, PartyRecordRow

    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{data_dir / 'store.db'}"
    factory = open_store(url)
    gen = data_dir / "gen"
    write_dataset(GeneratorConfig(declarations=1500, days=60, seed=21), gen)
    ingest_file(gen / "declarations.jsonl", session_factory=factory)
    ingest_file(gen / "controls.jsonl", kind="controls", session_factory=factory)
    ingest_manifests(gen / "manifests.jsonl", None, factory)
    link_documents(factory)
    resolve_store(factory)
    with factory() as session, session.begin():
        create_user(session, username="officer1", password=PASSWORD, role=Role.OFFICER,
                    organisation=None, full_name="Officer One")  # fmt: skip
    flagged = set(discrepancies(factory).reference)
    with factory() as session:
        rows = session.execute(
            select(PartyRecordRow.cluster_id, PartyMentionRow.source_ref)
            .join(PartyMentionRow, PartyMentionRow.party_record_id == PartyRecordRow.id)
            .where(PartyMentionRow.role.in_(["importer", "consignee"]))
        ).all()  # fmt: skip
        spellings = Counter(c for (c,) in session.execute(select(PartyRecordRow.cluster_id)).all())
    candidates = {c for c, ref in rows if ref in flagged} or {c for c, _ in rows}
    cluster = max(candidates, key=lambda c: spellings[c])
    seeded = Seeded(data_dir, url, {"officer": "officer1"}, ("", ""), "", 0, "", "", {})
    return seeded, int(cluster)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "screenshots-traders")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    seeded, cluster = build(args.data_dir)
    server = Server(seeded, args.data_dir / "server.log")
    try:
        with launch_browser() as browser:
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, base_url=server.url
            )
            page = context.new_page()
            page.goto("/login")
            page.fill("input[name=username]", "officer1")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(f"/traders/{cluster}")
            page.wait_for_load_state("networkidle")
            args.out.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out / "trader-cluster.png"), full_page=True)
            print(f"  {args.out / 'trader-cluster.png'}  (/traders/{cluster})")  # noqa: T201
    finally:
        server.stop()


if __name__ == "__main__":
    main()
