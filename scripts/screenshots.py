"""Save PNG screenshots of the main pages of the web UI under docs/screenshots/.

    python scripts/screenshots.py [--data-dir var/screenshots] [--out docs/screenshots]
                                  [--only main|linking]

Seeds a small store in ``--data-dir`` (generated data, a trained engine, a scored day, one
user per role; about a minute) unless one is already there, starts the server on a free
loopback port and drives Debian's Chromium through the pages as the role that uses each.
The linking pages (trader page with its network, the declaration's transport documents
card) are shot on a second, linked store in ``--data-dir``/linking (tests/e2e/link_seed.py:
manifests with planted discrepancies, `link run`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.e2e.harness import Server, launch_browser  # noqa: E402
from tests.e2e.link_seed import USERS, Linked, load_linked, seed_linked_store  # noqa: E402
from tests.e2e.seed import PASSWORD, Seeded, load_seeded, seed_store  # noqa: E402


def sign_in(context, username: str):  # type: ignore[no-untyped-def]
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def shoot(page, out: Path, name: str, path: str, *, full: bool = True) -> None:  # type: ignore[no-untyped-def]
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / f"{name}.png"), full_page=full)
    print(f"  {out / f'{name}.png'}  ({path})")  # noqa: T201


def take(seeded: Seeded, server: Server, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with launch_browser() as browser:
        wide = {"viewport": {"width": 1280, "height": 900}, "base_url": server.url}
        context = browser.new_context(**wide)
        officer = sign_in(context, seeded.users["officer"])
        shoot(officer, out, "queue", "/?status=all", full=False)
        top = officer.get_attribute("table.queue tbody tr:first-child a.ref", "href")
        officer.goto(top)
        if officer.locator("#decision-current").count() == 0:  # a fresh store: work the item
            officer.check("#decision input[name=action][value=accept]")
            officer.click("#decision button[type=submit]")
            officer.wait_for_selector("#decision-current")
            form = officer.locator("#control-form")
            form.locator("select[name=outcome]").select_option("non_compliant")
            form.locator("select[name=irr-0-type]").select_option("undervaluation")
            form.locator("input[name=irr-0-declared]").fill("50803.24")
            form.locator("input[name=irr-0-found]").fill("91200")
            form.locator("input[name=extra_duty]").fill("12870.50")
            form.locator("textarea[name=remarks]").fill("Invoice from the supplier's site.")
            form.locator("button[type=submit]").click()
            officer.wait_for_selector("#control-saved")
        # The page shows stored HS checks only (a page view does not load the HS model): the
        # seed stored every goods item's check (tests/e2e/seed.py).
        shoot(officer, out, "declaration", top)
        context.close()
        phone = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            base_url=server.url,
        )
        page = sign_in(phone, seeded.users["officer"])
        shoot(page, out, "phone-queue", "/?status=all", full=False)
        page.goto(top + "#control")
        page.wait_for_load_state("networkidle")
        form = page.locator("#control-form")
        form.locator("select[name=outcome]").select_option("non_compliant")
        form.locator("select[name=irr-0-type]").select_option("drugs")
        form.locator("input[name=drug_type]").fill("cocaine")
        form.locator("select[name=drug_form]").select_option("powder")
        form.locator("input[name=concealment_method]").fill("inside other goods")
        page.locator("#control").screenshot(path=str(out / "phone-control-form.png"))
        print(f"  {out / 'phone-control-form.png'}  ({top}#control at 390 px)")  # noqa: T201
        phone.close()
        context = browser.new_context(**wide)
        trader = sign_in(context, seeded.users["trader"])
        shoot(trader, out, "trader", "/trader", full=False)
        context.close()
        context = browser.new_context(**wide)
        page = sign_in(context, seeded.users["supervisor"])
        shoot(page, out, "dashboard", "/dashboard")
        shoot(page, out, "profiles", "/profiles")
        shoot(page, out, "models", "/models")
        page.goto("/audit")
        page.click("text=Verify the chain")
        page.wait_for_selector("#verdict-text")
        page.screenshot(path=str(out / "audit.png"), full_page=False)
        print(f"  {out / 'audit.png'}  (/audit, verified)")  # noqa: T201
        context.close()


def take_linking(linked: Linked, server: Server, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with launch_browser() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
        page = sign_in(context, USERS["analyst"])
        shoot(page, out, "trader-cluster", f"/traders/{linked.cluster}")
        page.goto(f"/traders/{linked.cluster}")
        page.wait_for_load_state("networkidle")
        page.locator("figure.network-graph").screenshot(path=str(out / "trader-network.png"))
        print(f"  {out / 'trader-network.png'}  (/traders/{linked.cluster}, network)")  # noqa: T201
        context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
        page = sign_in(context, USERS["officer"])
        page.goto(f"/declarations/{linked.reference}")
        page.wait_for_load_state("networkidle")
        page.locator("#transport-documents").screenshot(path=str(out / "transport-documents.png"))
        print(f"  {out / 'transport-documents.png'}  (/declarations/{linked.reference})")  # noqa: T201
        # Documents and HS check on the same page: it counts the transport document's
        # discrepancies and links to the card above instead of listing them again.
        page.locator("#facts").screenshot(path=str(out / "facts-linked.png"))
        print(f"  {out / 'facts-linked.png'}  (/declarations/{linked.reference}#facts)")  # noqa: T201
        context.close()


def linking(data_dir: Path, out: Path) -> None:
    linked = load_linked(data_dir)
    if linked is None:
        print(f"seeding a linked store in {data_dir} (a minute or two)")  # noqa: T201
        linked = seed_linked_store(data_dir)
    server = Server(linked.seeded, data_dir / "server.log")
    try:
        take_linking(linked, server, out)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "screenshots")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=["main", "linking"], default=None)
    args = parser.parse_args()
    if args.only != "main":
        linking(args.data_dir / "linking", args.out)
    if args.only == "linking":
        return
    seeded = load_seeded(args.data_dir)
    if seeded is None:
        print(f"seeding a store in {args.data_dir} (about a minute)")  # noqa: T201
        # Larger than the browser tests' store, so the engine has enough positive controls
        # to train its supervised model and the charts have several weeks to show.
        seeded = seed_store(args.data_dir, declarations=10_000, days=60)
    server = Server(seeded, args.data_dir / "server.log")
    try:
        take(seeded, server, args.out)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
