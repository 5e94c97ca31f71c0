"""Screenshot of a declaration page's "Documents and HS check" card after an officer attached
its invoice (docs/screenshots/facts.png).

    python scripts/facts_screenshot.py [--data-dir var/facts-shot] [--out docs/screenshots]

Seeds the browser tests' small store unless one is there, starts the server on a free
loopback port, uploads a generated text-PDF invoice with a planted discrepancy to one of
today's scored, undecided declarations through the page (the server reads it and reassesses
the declaration in the background) and shoots the card in Chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.harness import Server, launch_browser  # noqa: E402
from tests.e2e.seed import PASSWORD, load_seeded, seed_store  # noqa: E402
from tests.e2e.test_facts_browser import planted_invoice  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "facts-shot")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    seeded = load_seeded(args.data_dir) or seed_store(args.data_dir)
    server = Server(seeded, args.data_dir / "server.log")
    try:
        with tempfile.TemporaryDirectory() as tmp, launch_browser() as browser:
            reference, path, _truth = planted_invoice(seeded, Path(tmp), fresh=False)
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, base_url=server.url
            )
            page = context.new_page()
            page.goto("/login")
            page.fill("input[name=username]", seeded.users["officer"])
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            page.goto(f"/declarations/{reference}")
            if page.locator("#documents .discrepancy-count").count() == 0:
                page.set_input_files("#documents input[type=file]", str(path))
                page.locator("#documents button[type=submit]").click()
                page.wait_for_selector("#documents .discrepancy-count", timeout=180_000)
            page.goto(f"/declarations/{reference}#facts")
            page.wait_for_load_state("networkidle")
            args.out.mkdir(parents=True, exist_ok=True)
            page.locator("#facts").screenshot(path=str(args.out / "facts.png"))
            print(f"  {args.out / 'facts.png'}  (/declarations/{reference}#facts)")  # noqa: T201
    finally:
        server.stop()


if __name__ == "__main__":
    main()
