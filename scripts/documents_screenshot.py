"""Screenshot of a declaration page's Documents card with an extracted, cross-checked invoice
(docs/screenshots/documents.png).

    python scripts/documents_screenshot.py [--data-dir var/documents-shot] [--out docs/screenshots]

Seeds the browser tests' small store unless one is there, attaches a generated text-PDF
invoice with a planted discrepancy to a declaration (read at once, as the upload's background
task would), starts the server on a free loopback port and shoots the card in Chromium.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.harness import Server, launch_browser  # noqa: E402
from tests.e2e.seed import PASSWORD, load_seeded, seed_store  # noqa: E402


def sign_in(context, username: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "documents-shot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    seeded = load_seeded(args.data_dir) or seed_store(args.data_dir)
    from clearlane.documents.service import attach_demo_invoices
    from clearlane.generate.documents import documents_from_dataset
    from clearlane.store.session import open_store

    generated = seeded.data_dir / "generated"
    lines = (generated / "declarations.jsonl").read_text().splitlines()[:60]
    references = [json.loads(line)["reference"] for line in lines]
    # The first whose text invoice carries a planted discrepancy.
    probe = seeded.data_dir / "probe"
    chosen, seed = None, 0
    for seed, reference in enumerate(references):
        documents_from_dataset(generated, [reference], probe, seed=seed, kinds=("text",))
        truth = json.loads((probe / f"{reference}.truth.json").read_text())
        if truth["planted"]:
            chosen = reference
            break
    assert chosen is not None, "no planted discrepancy among the first declarations"
    factory = open_store(seeded.database_url)
    attach_demo_invoices(
        factory, generated, [chosen], seeded.data_dir / "files", seed=seed, kinds=("text",)
    )
    server = Server(seeded, args.data_dir / "server.log")
    try:
        with launch_browser() as browser:
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, base_url=server.url
            )
            page = sign_in(context, seeded.users["officer"])
            page.goto(f"/declarations/{chosen}#documents")
            page.wait_for_load_state("networkidle")
            args.out.mkdir(parents=True, exist_ok=True)
            page.locator("#documents").screenshot(path=str(args.out / "documents.png"))
            print(f"  {args.out / 'documents.png'}  (/declarations/{chosen}#documents)")  # noqa: T201
    finally:
        server.stop()


if __name__ == "__main__":
    main()
