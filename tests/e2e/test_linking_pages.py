"""Browser tests of the linking pages (issue #14): the trader page's network graph and the
declaration page's transport documents card, on a linked store (tests/e2e/link_seed.py).

The real server (uvicorn in a subprocess) on its own SQLite store; Debian's Chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import sign_in
from tests.e2e.harness import Server
from tests.e2e.link_seed import USERS, Linked, load_linked, seed_linked_store


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Linked:
    reuse = os.environ.get("CLEARLANE_E2E_LINK_DATA")  # seed once, reuse while developing
    if reuse:
        return load_linked(Path(reuse)) or seed_linked_store(Path(reuse))
    return seed_linked_store(tmp_path_factory.mktemp("e2e-link") / "data")


@pytest.fixture(scope="module")
def link_server(linked: Linked, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(linked.seeded, tmp_path_factory.mktemp("e2e-link-log") / "server.log")
    yield running
    running.stop()


@pytest.fixture
def page_on(browser, link_server: Server):  # type: ignore[no-untyped-def]
    contexts = []

    def make(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, base_url=link_server.url
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        sign_in(page, username)
        return page

    yield make
    for context in contexts:
        context.close()


def test_trader_page_draws_the_network_with_a_reason_on_each_edge(page_on, linked: Linked) -> None:
    page = page_on(USERS["analyst"])
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = page.goto(f"/traders/{linked.cluster}")
    assert response is not None and response.status == 200
    csp = response.headers["content-security-policy"]
    assert "style-src 'self'" in csp and "https:" not in csp
    graph = page.locator("figure.network-graph svg")
    assert graph.count() == 1
    box = graph.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 150
    # the centre plus every neighbour is a link to its trader page
    nodes = graph.locator("a.net-node")
    edges = graph.locator("g.net-edge")
    assert edges.count() >= 1 and nodes.count() == edges.count() + 1
    centre = graph.locator(f'a.net-node[data-cluster="{linked.cluster}"]')
    assert centre.count() == 1
    for i in range(edges.count()):
        label = (edges.nth(i).locator("text").text_content() or "").strip()
        assert label and label != "linked"
    # the same edges as a table, each with its reason; non-compliant neighbours are marked red
    page.click("details.network-edges summary")
    rows = page.locator("details.network-edges tbody tr[data-cluster]")
    assert rows.count() == edges.count()
    red = graph.locator("a.net-node.net-bad")
    for i in range(red.count()):
        assert "non-compliant" in (red.nth(i).text_content() or "")
    # the match waterfall stays: each spelling with its weights by field
    assert page.locator("h2", has_text="Spellings and how they were linked").count() == 1
    assert page.locator("table span.badge").count() >= 1
    # no inline style element and no script was needed to draw it
    assert graph.locator("style, script").count() == 0
    assert not [e for e in errors if "Content Security Policy" in e], errors
    # a neighbour opens its own trader page
    target = nodes.nth(0).get_attribute("data-cluster")
    nodes.nth(0).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/traders/{target}")


def test_declaration_page_shows_the_transport_document_with_evidence_and_both_values(
    page_on, linked: Linked
) -> None:
    page = page_on(USERS["officer"])
    page.goto(f"/declarations/{linked.reference}")
    card = page.locator("#transport-documents")
    assert card.count() == 1
    assert card.locator(".link-method").inner_text() == "document number"
    assert card.locator(".document-number").inner_text().strip()
    codes = card.locator("table.discrepancies tr[data-code]")
    shown = sorted({codes.nth(i).get_attribute("data-code") for i in range(codes.count())})
    assert shown == linked.codes
    assert linked.planted_code in shown
    planted = card.locator(f'table.discrepancies tr[data-code="{linked.planted_code}"]')
    declared = planted.locator("td.declared").inner_text().strip()
    on_document = planted.locator("td.on-document").inner_text().strip()
    assert declared and on_document and declared != on_document
    # shown in this one card: Documents and HS check counts them and links here
    facts = page.locator("#facts")
    assert facts.count() == 1
    link = facts.locator("a.manifest-link")
    assert link.get_attribute("href") == "#transport-documents"
    assert link.inner_text().startswith(f"{codes.count()} discrepanc")
    assert not [c for c in linked.codes if c in facts.inner_text()]
    link.click()
    assert page.url.endswith("#transport-documents")
    # a declaration whose transport document agrees says so
    page.goto(f"/declarations/{linked.clean_reference}")
    card = page.locator("#transport-documents")
    assert card.locator(".agrees").count() == 1
    assert card.locator("table.discrepancies").count() == 0


def test_trader_sees_only_a_document_query(page_on, linked: Linked) -> None:
    page = page_on(USERS["trader"])
    response = page.goto(f"/declarations/{linked.reference}")
    assert response is not None and response.status == 200
    assert page.locator("#transport-documents").count() == 0
    assert page.locator("table.discrepancies").count() == 0
    query = page.locator("#transport-query")
    assert "Document query" in query.inner_text()
    body = page.locator("main").inner_text()
    for code in linked.codes:
        assert code not in body
    # and no trader page either
    response = page.goto(f"/traders/{linked.cluster}")
    assert response is not None and response.status == 403
