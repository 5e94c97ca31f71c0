"""The web UI in headless Chromium, on the real server and a seeded store (see conftest.py).

All browser scenarios live in this one file so that `pytest -n 2 --dist loadfile` seeds the
store and starts the server once.
"""

from __future__ import annotations

import json
import uuid

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
    response = page.goto("/dashboard")
    assert response is not None and response.status == 401  # the sign-in form, in place
    assert page.locator("input[name=next]").input_value() == "/dashboard"
    page.fill("input[name=username]", seeded.users["officer"])
    page.fill("input[name=password]", "not the password")
    page.click("button[type=submit]")
    assert "wrong username or password" in page.locator(".alert.error").inner_text()
    sign_in(page, seeded.users["officer"])
    assert page.url.endswith("/")  # the officer lands on the queue
    assert page.locator("nav[aria-label=main] a").all_inner_texts() == [
        "Queue",
        "Dashboard",
        "Traders",
    ]
    page.goto("/profiles")
    assert "may not open this page" in page.locator("main").inner_text()


def test_officer_records_a_non_compliant_result_and_the_hit_rate_moves(
    new_page, seeded: Seeded
) -> None:
    """Issue #5, scenario 1: sign in, open the top item of the queue, read its reasons,
    record a non-compliant control result, see the dashboard's hit rate change."""
    page = new_page()
    sign_in(page, seeded.users["officer"])
    hits_before, controlled_before = hit_rate(page)
    page.goto("/")
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

    form = page.locator("#control-form")
    form.locator("select[name=control_type]").select_option("physical")
    form.locator("select[name=outcome]").select_option("non_compliant")
    assert not form.locator("input[name=drug_type]").is_visible()
    form.locator("select[name=irr-0-type]").select_option("drugs")
    # the follow-up fields of a drugs finding appear once the type is chosen
    form.locator("input[name=drug_type]").fill("cocaine")
    form.locator("select[name=drug_form]").select_option("powder")
    form.locator("input[name=concealment_method]").fill("inside other goods")
    form.locator("input[name=seized_quantity]").fill("12.5")
    form.locator("select[name=seized_unit]").select_option("KGM")
    form.locator("textarea[name=remarks]").fill("Bricks hidden in the pallets of textiles.")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#control-saved")
    assert "non-compliant" in page.locator("#control .control-stored").first.inner_text()
    assert "control result" in page.locator("#timeline").inner_text()

    hits_after, controlled_after = hit_rate(page)
    assert (hits_after, controlled_after) == (hits_before + 1, controlled_before + 1)
    shown = page.locator("#kpi-hit-rate").inner_text()
    assert shown == f"{100 * hits_after / controlled_after:.1f} %"


def test_control_form_names_the_missing_follow_up(new_page, seeded: Seeded) -> None:
    page = new_page()
    sign_in(page, seeded.users["supervisor"])
    page.goto("/?status=all")
    page.locator("table.queue tbody tr").nth(3).locator("a.ref").click()
    form = page.locator("#control-form")
    form.locator("select[name=outcome]").select_option("non_compliant")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#control-errors")
    assert "irregularities" in page.locator("#control-errors").inner_text()
    form = page.locator("#control-form")  # swapped in again, with what was typed
    assert form.locator("select[name=outcome]").input_value() == "non_compliant"


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


def test_a_decision_is_changed_through_the_form_it_showed(new_page, seeded: Seeded) -> None:
    """Record a decision, then change it on the same page: the form carries the id of the
    decision it shows (``supersedes``, required of a change since 2026-12-05), so the change
    is stored, not refused as one that names no decision."""
    page = new_page()
    sign_in(page, seeded.users["supervisor"])
    page.goto("/?status=undecided")
    page.locator("table.queue tbody tr").nth(2).locator("a.ref").click()
    page.wait_for_selector("#decision form")
    page.click("#decision button[type=submit]")  # accept the proposed lane
    page.wait_for_selector("#decision-current")
    assert "Accept" in page.locator("#decision-current").inner_text()
    assert page.locator("#decision input[name=supersedes]").count() == 1
    proposed = page.locator("#decision legend").inner_text().split(":")[-1].strip()
    target = "green" if proposed != "green" else "red"
    page.check("#decision input[name=action][value=override]")
    page.select_option("#decision select[name=lane]", target)
    page.fill("#decision textarea[name=justification]", "Second look: the invoice was checked")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision-current:has-text('Override')")
    assert f"override: lane {target}" in page.locator("#decision-current").inner_text().lower()
    assert page.locator("#decision .alert.error").count() == 0


def test_a_stale_change_is_refused_with_409_showing_the_newer_decision(
    new_page, seeded: Seeded
) -> None:
    """Two officers change the same decision from pages opened before either change: the
    second is refused with the API's status (409, htmx swaps it) and its form shows the
    decision in force now, with the error."""
    first, second = new_page(), new_page()
    sign_in(first, seeded.users["supervisor"])
    sign_in(second, seeded.users["supervisor"])
    first.goto("/?status=undecided")
    href = first.locator("table.queue tbody tr").nth(3).locator("a.ref").get_attribute("href")
    first.goto(href)
    first.wait_for_selector("#decision form")
    first.click("#decision button[type=submit]")  # accept the proposed lane
    first.wait_for_selector("#decision-current")
    second.goto(href)  # shows the accepted decision, and its id in the form
    second.wait_for_selector("#decision input[name=supersedes]", state="attached")
    proposed = first.locator("#decision legend").inner_text().split(":")[-1].strip()
    lanes = [lane for lane in ("red", "yellow", "green") if lane != proposed]
    for page, lane in ((first, lanes[0]), (second, lanes[1])):
        page.check("#decision input[name=action][value=override]")
        page.select_option("#decision select[name=lane]", lane)
        page.fill("#decision textarea[name=justification]", f"Second look: {lane} after all")
    first.click("#decision button[type=submit]")
    first.wait_for_selector("#decision-current:has-text('Override')")
    with second.expect_response(
        lambda r: r.url.endswith("/decision") and r.request.method == "POST"
    ) as answer:
        second.click("#decision button[type=submit]")
    assert answer.value.status == 409
    second.wait_for_selector("#decision .alert.error")
    assert "no longer in force" in second.locator("#decision .alert.error").inner_text()
    current = second.locator("#decision-current").inner_text().lower()
    assert f"override: lane {lanes[0]}" in current


def test_decision_and_control_forms_work_at_phone_width(new_page, seeded: Seeded) -> None:
    page = new_page(width=390, height=844)
    sign_in(page, seeded.users["officer"])
    assert no_horizontal_scroll(page)  # the queue's table scrolls inside its box
    page.goto("/?status=undecided")
    page.locator("table.queue tbody tr").nth(2).locator("a.ref").click()
    page.wait_for_selector("#decision form")
    assert no_horizontal_scroll(page)
    form = page.locator("#control-form")
    form.locator("select[name=outcome]").select_option("non_compliant")
    form.locator("select[name=irr-0-type]").select_option("drugs")
    selectors = [
        "#decision input[name=action][value=accept]",
        "#decision select[name=lane]",
        "#decision textarea[name=justification]",
        "#decision button[type=submit]",
        "#control-form select[name=control_type]",
        "#control-form select[name=outcome]",
        "#control-form select[name=irr-0-type]",
        "#control-form input[name=drug_type]",
        "#control-form select[name=drug_form]",
        "#control-form input[name=concealment_method]",
        "#control-form input[name=seized_quantity]",
        "#control-form textarea[name=remarks]",
        "#control-form button[type=submit]",
    ]
    for selector in selectors:
        field = page.locator(selector)
        field.scroll_into_view_if_needed()
        assert field.is_visible(), selector
        box = field.bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (selector, box)
        assert box["height"] >= 16, (selector, box)  # big enough to tap
    assert no_horizontal_scroll(page)
    page.check("#decision input[name=action][value=accept]")
    page.click("#decision button[type=submit]")
    page.wait_for_selector("#decision-current")


def test_queue_at_phone_width_keeps_score_and_lane_on_screen(
    new_page, seeded: Seeded, tmp_path_factory
) -> None:
    page = new_page(width=390, height=844)
    sign_in(page, seeded.users["officer"])
    page.goto("/?status=all")
    rows = page.locator("table.queue tbody tr")
    assert rows.count() >= 5
    shot = tmp_path_factory.mktemp("screens") / "queue-390.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"queue at 390 px: {shot}")  # noqa: T201 (a picture to look at with -s)
    for i in range(5):
        row = rows.nth(i)
        for cell in ("a.ref", "td.score", ".lane"):
            box = row.locator(cell).bounding_box()
            assert box is not None and row.locator(cell).is_visible(), (i, cell)
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, (i, cell, box)
    # Office and date move under the reference instead of leaving the screen.
    assert rows.nth(0).locator(".narrow").is_visible()
    assert not rows.nth(0).locator("td.reason").is_visible()
    assert no_horizontal_scroll(page)
    # Wide screens get every column and no duplicate line.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert rows.nth(0).locator("td.reason").is_visible()
    assert not rows.nth(0).locator(".narrow").is_visible()


def test_trader_submits_a_declaration_and_cannot_open_another_traders(
    new_page, seeded: Seeded
) -> None:
    """Issue #5, scenario 2: a trader submits a declaration (the portal's form), sees its
    status and nothing of its risk, and gets 404 for another organisation's declaration."""
    page = new_page()
    sign_in(page, seeded.users["trader"])
    assert page.url.endswith("/trader")
    before = int(page.locator("#my-total").get_attribute("data-total"))
    reference = f"E2E-TRADER-{uuid.uuid4().hex[:8].upper()}"  # new on every run
    page.click("text=Fill in the form")
    form = page.locator("#declaration-form")
    form.locator("input[name=reference]").fill(reference)
    form.locator("input[name=declaration_date]").fill(seeded.today)
    form.locator("input[name=office]").fill(seeded.sample["office"])
    form.locator("input[name='importer.id']").fill(seeded.organisations[0])
    form.locator("input[name='exporter.name']").fill("Lotus Horizon Industrial Co., Ltd.")
    form.locator("input[name='exporter.country']").fill("CN")
    form.locator("input[name=country_dispatch]").fill("CN")
    form.locator("input[name=invoice_currency]").fill("USD")
    form.locator("input[name=invoice_total]").fill("18250")
    form.locator("input[name=customs_value]").fill("17400")
    form.locator("input[name=item-0-hs_code]").fill("63079030")
    form.locator("input[name=item-0-description]").fill("HOUSEHOLD GOODS")
    form.locator("input[name=item-0-origin_country]").fill("CN")
    form.locator("input[name=item-0-net_mass_kg]").fill("1250")
    form.locator("input[name=item-0-gross_mass_kg]").fill("1400")
    form.locator("input[name=item-0-quantity]").fill("1250")
    form.locator("input[name=item-0-quantity_unit]").fill("KGM")
    form.locator("input[name=item-0-item_value]").fill("18250")
    assert form.locator("input[name=item-1-hs_code]").is_visible()
    assert not form.locator("input[name=item-2-hs_code]").is_visible()
    form.locator("button[type=submit]").click()
    result = page.locator("#submit-result")
    assert reference in result.inner_text(), result.inner_text()
    status = result.locator("strong").inner_text()
    assert status in ("released", "under control", "pending assessment")
    assert int(page.locator("#my-total").get_attribute("data-total")) == before + 1
    page.locator(f"#my-declarations a:text-is('{reference}')").click()
    page.wait_for_url(f"**/declarations/{reference}")
    assert page.locator("#status").inner_text() == status
    text = page.locator("main").inner_text().lower()
    assert "score" not in text and "reason" not in text and "lane" not in text

    page.locator("#messages textarea[name=body]").fill("The invoice is attached.")
    page.locator("#messages button[type=submit]").click()
    page.wait_for_selector("#messages li.trader")
    page.set_input_files(
        "#documents input[type=file]",
        files=[{"name": "invoice.txt", "mimeType": "text/plain", "buffer": b"INVOICE 1\n"}],
    )
    page.locator("#documents button[type=submit]").click()
    page.wait_for_selector("#documents a:text-is('invoice.txt')")

    response = page.goto(f"/declarations/{seeded.other_reference}")
    assert response is not None and response.status == 404
    assert "There is no declaration" in page.locator("main").inner_text()
    api = page.request.get(f"/api/declarations/{seeded.other_reference}")
    assert api.status == 404


def test_red_lane_alert_reaches_the_open_queue(new_page, seeded: Seeded, server) -> None:
    """A declaration routed red shows up at the top of an officer's open queue (SSE)."""
    page = new_page()
    sign_in(page, seeded.users["officer"])
    page.wait_for_selector("#live-status .live")  # the event stream is connected
    trader = new_page()
    sign_in(trader, seeded.users["trader"])
    reference = f"E2E-RED-{uuid.uuid4().hex[:8].upper()}"
    record = {
        **{k: v for k, v in seeded.sample.items() if k not in ("declarant", "importer")},
        "reference": reference,
        "declaration_date": seeded.today,
        "declarant": {"id": seeded.organisations[0]},
        "importer": {"id": seeded.organisations[0]},
        "items": [{**seeded.sample["items"][0], "hs_code": "93020000", "description": "PISTOLS"}],
    }
    trader.click("text=Or paste or upload a JSON declaration")
    trader.fill("#json-form textarea[name=json]", json.dumps(record))
    trader.click("#json-form button[type=submit]")
    assert reference in trader.locator("#submit-result").inner_text()
    alert = page.locator("#alerts .red-alert").first
    alert.wait_for(timeout=15_000)
    assert reference in alert.inner_text()


@pytest.mark.parametrize(
    ("path", "rendered"), [("/docs", ".swagger-ui .info .title"), ("/redoc", "h1")]
)
def test_api_docs_render_with_no_internet(new_page, server, path: str, rendered: str) -> None:
    """Every request to another host is aborted (an air-gapped network): the documentation
    still renders, from the server's own assets."""
    page = new_page()
    outside: list[str] = []

    def only_local(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(path)
    page.wait_for_selector(rendered)
    assert "ClearLane" in page.inner_text(rendered)
    assert outside == []
