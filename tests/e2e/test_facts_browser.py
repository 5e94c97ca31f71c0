"""Issue 13 in the browser: an officer attaches the invoice of a scored, undecided
declaration; the server reads it in the background, reassesses the declaration, and the page
shows the discrepancy with both values and the HS check of every goods item."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from clearlane.generate.documents import documents_from_dataset
from tests.e2e.conftest import sign_in
from tests.e2e.seed import Seeded


def planted_invoice(seeded: Seeded, out: Path, *, fresh: bool = True) -> tuple[str, Path, dict]:
    """A text-PDF invoice with a planted discrepancy for one of today's (scored, undecided)
    declarations; ``fresh``: one without a document yet (a reused store keeps earlier runs')."""
    from sqlalchemy import select

    from clearlane.store.session import open_store
    from clearlane.store.tables import DecisionRow, DocumentRow

    generated = seeded.data_dir / "generated"
    heads = pd.read_csv(generated / "declarations.csv", usecols=["reference", "declaration_date"])
    today = heads.loc[heads["declaration_date"] == heads["declaration_date"].max(), "reference"]
    references = sorted(set(today.astype(str)))
    if fresh:
        with open_store(seeded.database_url)() as session:
            used = set(session.scalars(select(DocumentRow.reference)))
            used |= set(session.scalars(select(DecisionRow.reference)))
        references = [r for r in references if r not in used]
    references = references[:30]
    for path in documents_from_dataset(generated, references, out, seed=3, kinds=("text",)):
        reference = path.name.split(".")[0]
        truth = json.loads((out / f"{reference}.truth.json").read_text())
        if truth["planted"]:
            return reference, path, truth
    raise AssertionError("no planted invoice among today's declarations")


def test_officer_sees_invoice_discrepancies_and_hs_check_after_upload(
    new_page, seeded: Seeded, tmp_path: Path
) -> None:
    reference, path, truth = planted_invoice(seeded, tmp_path)
    page = new_page()
    sign_in(page, seeded.users["officer"])
    page.goto(f"/declarations/{reference}")
    before = page.locator("#reasons").inner_text()
    page.set_input_files("#documents input[type=file]", str(path))
    page.locator("#documents button[type=submit]").click()
    page.wait_for_selector(f"#documents a:text-is('{path.name}')")
    # extraction, then the reassessment (the first one loads the HS model): the Documents card
    # polls until the extraction is done
    page.wait_for_selector("#documents .discrepancy-count", timeout=120_000)
    # Until the reassessment is stored the card says the discrepancy arrived after scoring;
    # the first reassessment in a server process loads the HS model (tens of seconds). (The
    # seed stored the items' HS checks already, so a plausibility alone does not mean it.)
    for _ in range(90):
        page.goto(f"/declarations/{reference}")
        if truth["planted"][0] in page.locator("#reasons").inner_text():
            break
        assert page.locator("#facts .late-facts").count() == 1
        page.wait_for_timeout(2_000)
    card = page.locator("#facts")
    text = card.inner_text()
    assert "Invoice read" in text
    assert truth["planted"][0] in text
    rows = card.locator("table.fact-discrepancies tbody tr")
    assert rows.count() >= 1
    # both values: the document's and the declaration's columns are filled
    first = rows.first.locator("td")
    assert first.nth(2).inner_text().strip() not in ("", "—")
    assert first.nth(3).inner_text().strip() not in ("", "—")
    hs = card.locator("table.hs-check tbody tr")
    assert hs.count() >= 1
    assert hs.first.locator(".plausibility").count() == 1
    assert "GIR" in hs.first.inner_text()  # a suggestion with its citation
    after = page.locator("#reasons").inner_text()
    assert after != before
    assert truth["planted"][0] in after  # the reassessment lists it as a document reason


def test_seeded_declarations_show_their_hs_check(new_page, seeded: Seeded) -> None:
    """The seed stores the HS check of every goods item: without any upload or reassessment
    the card shows each item's plausibility (0-1) and its best-fitting subheadings with their
    citations, never "not checked yet"."""
    page = new_page()
    sign_in(page, seeded.users["officer"])
    for reference in (seeded.own_reference, seeded.other_reference):
        page.goto(f"/declarations/{reference}")
        rows = page.locator("#facts table.hs-check tbody tr")
        assert rows.count() >= 1
        for i in range(rows.count()):
            row = rows.nth(i)
            assert "not checked yet" not in row.inner_text()
            value = float(row.locator(".plausibility").inner_text())
            assert 0.0 <= value <= 1.0
            suggestions = row.locator("ol.suggestions li")
            assert suggestions.count() >= 1
            first = suggestions.first.inner_text()
            assert re.match(r"\d{4}\.\d{2} ", first), first  # a dotted HS 2022 subheading
            assert "GIR" in first  # with the rule that decides it
