"""The web UI in headless Chromium, on the real server and a seeded store (see conftest.py).

All browser scenarios live in this one file so that `pytest -n 2 --dist loadfile` seeds the
store and starts the server once.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import sign_in
from tests.e2e.seed import Seeded

pytestmark = pytest.mark.e2e


def hit_rate(page) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(hits, controlled) as the dashboard shows them."""
    page.goto("/dashboard")
    figure = page.locator("#kpi-hit-rate")
    return int(figure.get_attribute("data-hits")), int(figure.get_attribute("data-n"))


def no_horizontal_scroll(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def test_sign_in_is_required_and_wrong_passwords_are_refused(new_page, seeded: Seeded) -> None:
    page = new_page()
    page.goto("/dashboard")
    assert re.search(r"/login\?next=%2Fdashboard$", page.url)
    page.fill("input[name=username]", seeded.users["officer"])
    page.fill("input[name=password]", "not the password")
    page.click("button[type=submit]")
    assert "wrong username or password" in page.locator(".alert.error").inner_text()
    sign_in(page, seeded.users["officer"])
    assert page.url.endswith("/")  # the officer lands on the queue
    assert page.locator("nav[aria-label=main] a").all_inner_texts() == ["Queue", "Dashboard"]
    page.goto("/profiles")
    assert "may not open this page" in page.locator("main").inner_text()


def test_officer_opens_the_top_of_the_queue_and_decides(new_page, seeded: Seeded) -> None:
    page = new_page()
    sign_in(page, seeded.users["officer"])
    rows = page.locator("table.queue tbody tr")
    assert rows.count() > 1
    scores = [float(s) for s in page.locator("table.queue tbody td.score").all_inner_texts()]
    assert scores == sorted(scores, reverse=True)  # ranked
    top = rows.first.locator("a.ref")
    reference = top.inner_text()
    top.click()
    page.wait_for_url(f"**/declarations/{reference}")
    reasons = page.locator("#reasons li .reason-text").all_inner_texts()
    assert reasons and all(text.strip() for text in reasons)
    assert page.locator("table.compare").count() >= 2  # header and at least one goods item
    page.check("input[name=action][value=accept]")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision-current")
    assert "Accept" in page.locator("#decision-current").inner_text()
    assert "decision" in page.locator("#timeline").inner_text()


def test_override_needs_a_justification(new_page, seeded: Seeded) -> None:
    page = new_page()
    sign_in(page, seeded.users["supervisor"])
    page.goto("/?status=undecided")
    second = page.locator("table.queue tbody tr").nth(1).locator("a.ref")
    second.click()
    page.wait_for_selector("#decision form")
    proposed = page.locator("#decision legend").inner_text().split(":")[-1].strip()
    target = "green" if proposed != "green" else "red"
    page.check("input[name=action][value=override]")
    page.select_option("#decision select[name=lane]", target)
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision .alert.error")
    assert "justification" in page.locator("#decision .alert.error").inner_text()
    page.check("input[name=action][value=override]")
    page.select_option("#decision select[name=lane]", target)
    page.fill("#decision textarea[name=justification]", "Known trader, documents checked by phone")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision-current")
    assert f"override: lane {target}" in page.locator("#decision-current").inner_text().lower()


def test_decision_form_works_at_phone_width(new_page, seeded: Seeded) -> None:
    page = new_page(width=390, height=844)
    sign_in(page, seeded.users["officer"])
    assert no_horizontal_scroll(page)  # the queue's table scrolls inside its box
    page.goto("/?status=undecided")
    page.locator("table.queue tbody tr").nth(2).locator("a.ref").click()
    page.wait_for_selector("#decision form")
    assert no_horizontal_scroll(page)
    for selector in (
        "#decision input[name=action][value=accept]",
        "#decision select[name=lane]",
        "#decision textarea[name=justification]",
        "#decision button[type=submit]",
    ):
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (selector, box)
    page.check("#decision input[name=action][value=accept]")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision-current")


def test_trader_cannot_open_another_traders_declaration(new_page, seeded: Seeded) -> None:
    page = new_page()
    sign_in(page, seeded.users["trader"])
    assert page.url.endswith("/trader")
    own = page.locator("#my-declarations tbody a")
    assert own.count() > 0
    page.goto(f"/declarations/{seeded.own_reference}")
    assert page.locator("#status").inner_text()
    assert "score" not in page.locator("main").inner_text().lower()
    response = page.goto(f"/declarations/{seeded.other_reference}")
    assert response is not None and response.status == 404
    assert "There is no declaration" in page.locator("main").inner_text()
