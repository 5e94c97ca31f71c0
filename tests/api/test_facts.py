"""Facts through the application: an invoice read after scoring reassesses the declaration;
officers see the discrepancies with both values and the HS check; a trader sees nothing of
them beyond "document query"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clearlane.documents.crosscheck import CODES
from clearlane.features import facts as facts_module
from clearlane.features.facts import FACT_COLUMNS, LINK_CODES, HsFact
from tests.api.conftest import TRADER_ORG, Harness
from tests.api.helpers import submit
from tests.api.test_documents import _invoices, _upload
from tests.api.test_ui import ui_sign_in

CITATION = "GIR 1; Chapter 61 Note 1; GIR 6"


@pytest.fixture
def fake_hs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Goods descriptions fit chapter 61 only (the HS check itself has its own tests)."""

    def compute(pairs, top):  # type: ignore[no-untyped-def]
        out = []
        for d, c in pairs:
            fits = c.startswith("61")
            out.append(
                HsFact(d, c, 0.9 if fits else 0.01, "610910",
                       None if fits else "HS_DESCRIPTION_MISMATCH_CHAPTER",
                       None if fits else f"description '{d}' fits 6109.10, declared "
                       f"{c[:4]}.{c[4:6]}",
                       [{"rank": 1, "code": "610910", "score": 0.9, "title": "T-shirts, of cotton",
                         "heading": "heading 61.09", "citation": CITATION}])
            )  # fmt: skip
        return out

    monkeypatch.setattr(facts_module, "_compute_hs", compute)
    monkeypatch.setattr(facts_module, "hs_model_key", lambda: "test-model")


def _secrets(found: list[dict]) -> list[str]:
    """What a trader must never see: every reason code, fact column name and the officer's
    sentences (which quote the document's values)."""
    codes = [*CODES, *LINK_CODES, "HS_DESCRIPTION_MISMATCH", *FACT_COLUMNS]
    return [*codes, *(d["text"] for d in found), "plausibility", "arrived after scoring"]


def test_invoice_after_scoring_reaches_the_score_and_only_officers_see_it(
    scored: Harness, tmp_path: Path, fake_hs: None
) -> None:
    folder, truths, declarations = _invoices(tmp_path)
    planted = next(t for t in truths if t["kind"] == "text" and t["planted"])
    record = declarations[planted["declaration_reference"]] | {"reference": "FX-1"}
    record["importer"] = record["importer"] | {"id": TRADER_ORG}
    submit(scored.client, scored.auth["trader"], record)
    officer = scored.auth["officer"]
    before = scored.client.get("/api/declarations/FX-1", headers=officer).json()
    data = (folder / planted["file"]).read_bytes()
    status, document = _upload(scored, "FX-1", planted["file"], data, "application/pdf")
    assert status == 201, document
    # The TestClient runs the background task (extract, then reassess) before returning.
    after = scored.client.get("/api/declarations/FX-1", headers=officer).json()
    text = json.dumps(after)
    assert planted["planted"][0] in text, "the reassessment carries the discrepancy"
    assert json.dumps(before) != text

    ui_sign_in(scored.client, "officer1")
    page = scored.client.get("/declarations/FX-1").text
    card = page[page.index('id="facts"') :]
    card = card[: card.index("</section>")]
    assert planted["planted"][0] in card
    assert "Invoice read" in card
    assert CITATION in card and "61.09" in card  # the HS suggestion with its citation
    found = re.findall(r"<td>([^<]*)<br><code>([A-Z_]+)</code>", card)
    assert found, card
    sentences = [{"text": sentence} for sentence, _ in found]

    # The trader: the portal, their declaration page and every API they can call.
    trader = scored.auth["trader"]
    seen = [
        scored.client.get("/api/declarations/FX-1", headers=trader).text,
        scored.client.get("/api/declarations/FX-1/documents", headers=trader).text,
        scored.client.get(f"/api/documents/{document['id']}/extraction", headers=trader).text,
    ]
    ui_sign_in(scored.client, "trader1")
    seen += [scored.client.get("/declarations/FX-1").text, scored.client.get("/trader").text]
    assert "Document query" in seen[3]
    for body in seen:
        for secret in _secrets(sentences):
            assert secret not in body, f"trader sees {secret!r}"
