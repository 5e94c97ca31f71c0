"""Documents: upload (multipart), list, download with the hash checked."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from sqlalchemy import select

from clearlane.audit import trail
from clearlane.store.files import FileStore
from clearlane.store.session import open_store
from clearlane.store.tables import DocumentRow
from tests.api.conftest import TRADER_ORG, Harness
from tests.api.helpers import PDF, others, own, submit


def _upload(
    h: Harness, reference: str, name: str, data: bytes, content_type: str, role: str = "trader"
) -> tuple[int, dict]:
    response = h.client.post(
        f"/api/declarations/{reference}/documents",
        files={"file": (name, data, content_type)},
        headers=h.auth[role],
    )
    return response.status_code, dict(response.json())


def test_upload_list_and_download_a_document(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("F-1"))
    status, document = _upload(scored, "F-1", "invoice.pdf", PDF, "application/pdf")
    assert status == 201, document
    assert (document["filename"], document["size"], document["uploaded_by"]) == (
        "invoice.pdf",
        len(PDF),
        "trader1",
    )
    listed = scored.client.get("/api/declarations/F-1/documents", headers=scored.auth["officer"])
    assert [d["id"] for d in listed.json()] == [document["id"]]
    download = scored.client.get(f"/api/documents/{document['id']}", headers=scored.auth["officer"])
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert "invoice.pdf" in download.headers["content-disposition"]
    assert download.headers["x-content-sha256"] == document["sha256"]
    detail = scored.client.get("/api/declarations/F-1", headers=scored.auth["trader"]).json()
    assert [d["id"] for d in detail["documents"]] == [document["id"]]
    with open_store(scored.url)() as session:
        kinds = [e["kind"] for e in trail(session, subject="declaration:F-1")]
    assert "document" in kinds
    assert FileStore(scored.data_dir / "files").read(document["sha256"]) == PDF


def test_a_file_changed_on_disk_is_refused(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("F-2"))
    status, document = _upload(scored, "F-2", "notes.txt", b"declared value 11040", "text/plain")
    assert status == 201
    path = FileStore(scored.data_dir / "files").path_of(document["sha256"])
    os.chmod(path, 0o644)
    path.write_bytes(b"declared value 99999")
    response = scored.client.get(f"/api/documents/{document['id']}", headers=scored.auth["officer"])
    assert response.status_code == 409 and "changed on disk" in response.json()["error"]["message"]


def test_bad_uploads_are_4xx(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("F-3"))
    status, error = _upload(scored, "F-3", "empty.pdf", b"", "application/pdf")
    assert status == 422 and "empty" in error["error"]["message"]
    status, error = _upload(scored, "F-3", "run.exe", b"MZ\x90\x00", "application/x-msdownload")
    assert status == 415 and "not accepted" in error["error"]["message"]
    status, error = _upload(scored, "F-3", "fake.pdf", b"hello", "application/pdf")
    assert status == 422 and "not a application/pdf" in error["error"]["message"]
    status, error = _upload(scored, "F-3", "big.txt", b"x" * (10 * 1024 * 1024 + 1), "text/plain")
    assert status == 413
    not_multipart = scored.client.post(
        "/api/declarations/F-3/documents", json={"file": "x"}, headers=scored.auth["trader"]
    )
    assert not_multipart.status_code == 415
    no_file = scored.client.post(
        "/api/declarations/F-3/documents",
        files={"other": ("a.txt", b"a", "text/plain")},
        headers=scored.auth["trader"],
    )
    assert (
        no_file.status_code == 422 and no_file.json()["error"]["fields"][0]["field"] == "body.file"
    )
    guessed = scored.client.post(
        "/api/declarations/F-3/documents",
        files={"file": ("list.csv", b"a,b\n1,2\n", "application/octet-stream")},
        headers=scored.auth["trader"],
    )
    assert guessed.status_code == 201 and guessed.json()["content_type"] == "text/csv"
    with open_store(scored.url)() as session:
        stored = session.scalars(select(DocumentRow).where(DocumentRow.reference == "F-3")).all()
    assert len(stored) == 1  # only the good one


def test_two_file_parts_in_one_upload_are_refused_not_one_dropped(scored: Harness) -> None:
    """The route took the last `file` part and dropped the others without a word."""
    submit(scored.client, scored.auth["trader"], own("F-TWO"))
    for url in ("/api/declarations/F-TWO/documents", "/declarations/F-TWO/documents"):
        response = scored.client.post(
            url,
            files=[
                ("file", ("a.txt", b"first", "text/plain")),
                ("file", ("b.txt", b"second", "text/plain")),
            ],
            headers=scored.auth["trader"],
        )
        assert "2 files" in response.text and "one per request" in response.text
        assert response.status_code == 422, (url, response.status_code)
    with open_store(scored.url)() as session:
        stored = session.scalars(select(DocumentRow).where(DocumentRow.reference == "F-TWO"))
        assert stored.all() == []


def test_traders_reach_only_their_own_documents(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader2"], others("F-4"))
    status, theirs = _upload(scored, "F-4", "a.pdf", PDF, "application/pdf", role="trader2")
    assert status == 201
    assert _upload(scored, "F-4", "b.pdf", PDF, "application/pdf")[0] == 404
    get = scored.client.get
    trader = scored.auth["trader"]
    assert get("/api/declarations/F-4/documents", headers=trader).status_code == 404
    assert get(f"/api/documents/{theirs['id']}", headers=trader).status_code == 404
    assert get(f"/api/documents/{theirs['id']}", headers=scored.auth["trader2"]).status_code == 200
    assert get("/api/documents/999999", headers=scored.auth["officer"]).status_code == 404
    assert get(f"/api/documents/{theirs['id']}").status_code == 401
    assert _upload(scored, "F-4", "c.pdf", PDF, "application/pdf", role="analyst")[0] == 403
    assert _upload(scored, "F-4", "c.pdf", PDF, "application/pdf", role="supervisor")[0] == 201


def _invoices(tmp_path_factory_dir: Path) -> tuple[Path, list[dict], dict[str, dict]]:
    from clearlane.generate.documents import generate_documents

    generate_documents(count=4, seed=5, out_dir=tmp_path_factory_dir)
    truths = [json.loads(p.read_text()) for p in sorted(tmp_path_factory_dir.glob("*.truth.json"))]
    lines = (tmp_path_factory_dir / "declarations.jsonl").read_text().splitlines()
    return tmp_path_factory_dir, truths, {r["reference"]: r for r in map(json.loads, lines)}


def test_an_uploaded_invoice_is_read_and_checked_in_the_background(
    scored: Harness, tmp_path: Path
) -> None:
    folder, truths, declarations = _invoices(tmp_path)
    clean = next(t for t in truths if t["kind"] == "text" and not t["planted"])
    planted = next(t for t in truths if t["kind"] == "text" and t["planted"])
    results = {}
    for name, truth in (("X-CLEAN", clean), ("X-PLANT", planted)):
        record = declarations[truth["declaration_reference"]] | {"reference": name}
        record["importer"] = record["importer"] | {"id": TRADER_ORG}
        submit(scored.client, scored.auth["trader"], record)
        data = (folder / truth["file"]).read_bytes()
        status, document = _upload(scored, name, truth["file"], data, "application/pdf")
        assert status == 201, document
        # The TestClient runs background tasks before it returns: the extraction is stored.
        officer = scored.client.get(
            f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
        ).json()
        trader = scored.client.get(
            f"/api/documents/{document['id']}/extraction", headers=scored.auth["trader"]
        ).json()
        results[name] = (document, officer, trader)
    _, officer, trader = results["X-CLEAN"]
    assert officer["status"] == "done" and officer["method"] == "text"
    assert officer["extraction"]["grand_total"] == clean["grand_total"]
    assert officer["extraction"]["evidence"]["grand_total"]["box"] is not None
    assert officer["discrepancies"] == [] and trader["document_query"] is False
    document, officer, trader = results["X-PLANT"]
    codes = {d["code"] for d in officer["discrepancies"]}
    assert set(planted["planted"]) <= codes <= set(planted["may_raise"])
    assert all("invoice_value" in d and "declared_value" in d for d in officer["discrepancies"])
    assert trader["document_query"] is True
    assert trader["extraction"] is None and trader["discrepancies"] is None
    assert planted["planted"][0] not in json.dumps(trader)
    with open_store(scored.url)() as session:
        from clearlane.documents.service import stored_discrepancy_facts

        facts = stored_discrepancy_facts(session, ["X-CLEAN", "X-PLANT"])
    assert facts.loc["X-CLEAN", "doc_discrepancies"] == 0
    assert facts.loc["X-PLANT", f"doc_{planted['planted'][0].lower()}"] == 1

    from tests.api.test_ui import ui_sign_in

    ui_sign_in(scored.client, "officer1")
    page = scored.client.get("/declarations/X-PLANT").text
    assert planted["planted"][0] in page and planted["grand_total"] in page
    assert f"/documents/{document['id']}/page/1.png" in page
    image = scored.client.get(f"/documents/{document['id']}/page/1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert scored.client.get(f"/documents/{document['id']}/page/9.png").status_code == 404
    ui_sign_in(scored.client, "trader1")
    page = scored.client.get("/declarations/X-PLANT").text
    assert "Document query" in page and planted["planted"][0] not in page


def test_an_invoice_line_of_another_chapter_than_its_declared_code_is_a_document_query(
    scored: Harness, tmp_path: Path
) -> None:
    """The upload's background extraction runs the HS check of `clearlane hs check` on each
    invoice line: officers get the reason with both values and the plausibility (API, facts,
    the page's Documents and HS check card); the trader only a document query."""
    from clearlane.features.facts import gather_facts
    from clearlane.generate.documents import HS_PLANT, generate_documents

    generate_documents(count=12, seed=13, out_dir=tmp_path, plants=(HS_PLANT,))
    truths = [json.loads(p.read_text()) for p in sorted(tmp_path.glob("*.truth.json"))]
    truth = next(t for t in truths if t["kind"] == "text" and HS_PLANT in t["planted"])
    lines = (tmp_path / "declarations.jsonl").read_text().splitlines()
    record = {r["reference"]: r for r in map(json.loads, lines)}[truth["declaration_reference"]]
    record = record | {"reference": "X-HS", "importer": record["importer"] | {"id": TRADER_ORG}}
    submit(scored.client, scored.auth["trader"], record)
    data = (tmp_path / truth["file"]).read_bytes()
    status, document = _upload(scored, "X-HS", truth["file"], data, "application/pdf")
    assert status == 201, document
    officer = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
    ).json()
    (found,) = [d for d in officer["discrepancies"] if d["code"] == HS_PLANT]
    index = int(found["field"].split("[")[1].split("]")[0])
    assert found["invoice_value"] == truth["line_items"][index]["description"]
    assert found["declared_value"] == record["items"][index]["hs_code"]
    assert "plausibility" in found["detail"]
    trader = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["trader"]
    ).json()
    assert trader["document_query"] is True and HS_PLANT not in json.dumps(trader)

    facts = gather_facts(open_store(scored.url), ["X-HS"], network=False, compute_hs=False)
    assert facts.declarations.loc["X-HS", "doc_line_description_hs_mismatch"] == 1.0
    (evidence,) = [e for e in facts.evidence["X-HS"] if e.code == HS_PLANT]
    assert (evidence.source, evidence.item) == ("invoice", index + 1)

    from tests.api.test_ui import ui_sign_in

    ui_sign_in(scored.client, "officer1")
    page = scored.client.get("/declarations/X-HS").text
    card = page[page.index('id="facts"') :]
    card = card[: card.index("</section>")]
    assert HS_PLANT in card and "(plausibility 0." in card
    ui_sign_in(scored.client, "trader1")
    page = scored.client.get("/declarations/X-HS").text
    assert "Document query" in page and HS_PLANT not in page and "plausibility" not in page


def test_a_document_extraction_cannot_read_is_stored_as_failed(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("F-5"))
    status, document = _upload(scored, "F-5", "broken.pdf", PDF, "application/pdf")
    assert status == 201
    officer = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
    ).json()
    assert officer["status"] == "failed" and officer["error"]
    text = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
    )
    assert text.status_code == 200
    status, notes = _upload(scored, "F-5", "notes.txt", b"hello", "text/plain")
    missing = scored.client.get(
        f"/api/documents/{notes['id']}/extraction", headers=scored.auth["officer"]
    )
    assert missing.status_code == 404
    with open_store(scored.url)() as session:
        from clearlane.documents.service import stored_discrepancy_facts

        assert "F-5" not in stored_discrepancy_facts(session).index


def test_a_decompression_bomb_is_stored_as_rejected_with_its_reason(scored: Harness) -> None:
    """A 1 kB PNG declaring 50,000 x 50,000 pixels: accepted as a file, then its extraction
    fails with the reason stored and shown (naming the bound), and the page view that decodes
    it synchronously answers 4xx, never 5xx."""
    from tests.api.test_ui import ui_sign_in
    from tests.documents.test_pages import png

    submit(scored.client, scored.auth["trader"], own("F-BOMB"))
    status, document = _upload(scored, "F-BOMB", "scan.png", png(50_000, 50_000), "image/png")
    assert status == 201, document
    found = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
    ).json()
    reason = (
        "document rejected: image of 2,500,000,000 pixels over the bound of 40,000,000 "
        "(CLEARLANE_DOCUMENTS_MAX_PIXELS)"
    )
    assert (found["status"], found["error"]) == ("failed", reason)
    ui_sign_in(scored.client, "officer1")
    assert f"Could not read the document: {reason}" in scored.client.get(
        "/declarations/F-BOMB"
    ).text.replace("&#34;", '"')
    image = scored.client.get(f"/documents/{document['id']}/page/1.png")
    assert 400 <= image.status_code < 500 and "2,500,000,000 pixels" in image.text


def test_document_refusals_keep_their_status_message_and_code(scored: Harness) -> None:
    """Not found, not extractable and changed on disk are domain refusals (one handler maps
    them); a file missing from the store is the API's own 410."""
    submit(scored.client, scored.auth["trader"], own("F-9"))
    status, document = _upload(scored, "F-9", "f9.txt", b"declared value 90909 (F-9)", "text/plain")
    assert status == 201
    number, get, officer = document["id"], scored.client.get, scored.auth["officer"]

    def error(path: str) -> tuple[int, str, str]:
        body = get(path, headers=officer).json()["error"]
        return body["status"], body["code"], body["message"]

    assert error("/api/documents/999999") == (404, "not_found", "document 999999 not found")
    assert error(f"/api/documents/{number}/extraction") == (
        404,
        "not_found",
        f"document {number}: no extraction (not an invoice format)",
    )
    path = FileStore(scored.data_dir / "files").path_of(document["sha256"])
    os.chmod(path, 0o644)
    path.write_bytes(b"declared value 10101 (F-9)")
    status, code, _ = error(f"/api/documents/{number}")
    assert (status, code) == (409, "integrity_error")
    path.unlink()
    assert error(f"/api/documents/{number}")[::2] == (
        410,
        f"document {number}: the file is missing from the store",
    )


def test_the_page_refuses_an_upload_with_the_apis_status(scored: Harness) -> None:
    """The declaration page's upload form answered a refused file with 422 whatever the
    reason (and a plain form POST with 200 before 2026-12-05); the API says 415 for a type it
    does not accept (and 413 for a file over the limit, the status the form now takes from
    the same refusal; the body limit answers a file over it before either route is reached).
    The form answers the same, for a plain POST (the page) as for htmx (the documents
    part), with the error shown."""
    submit(scored.client, scored.auth["trader"], own("F-UI"))
    sent = {415: ("run.exe", b"MZ", "application/x-msdownload")}
    for status, upload in sent.items():
        for htmx in ({}, {"HX-Request": "true"}):
            for url in ("/api/declarations/F-UI/documents", "/declarations/F-UI/documents"):
                response = scored.client.post(
                    url, files={"file": upload}, headers={**scored.auth["trader"], **htmx}
                )
                assert response.status_code == status, (url, htmx, response.status_code)
            assert "alert error" in response.text
    with open_store(scored.url)() as session:
        assert (
            session.scalars(select(DocumentRow).where(DocumentRow.reference == "F-UI")).all() == []
        )


def test_a_png_whose_text_chunk_inflates_too_far_is_4xx_on_the_page_view(scored: Harness) -> None:
    """Pillow refuses a zTXt chunk inflating past its MAX_TEXT_CHUNK with a bare ValueError:
    the page view answered 500 (review of guards6)."""
    import zlib

    from tests.api.test_ui import ui_sign_in
    from tests.documents.hostile import _png_chunk
    from tests.documents.test_bombs import deflated_zeros

    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", bytes.fromhex("0000000a0000000a0800000000"))
        + _png_chunk(b"zTXt", b"Comment\x00\x00" + deflated_zeros(2 << 20))
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 110))
        + _png_chunk(b"IEND", b"")
    )
    submit(scored.client, scored.auth["trader"], own("F-CHUNK"))
    status, document = _upload(scored, "F-CHUNK", "scan.png", data, "image/png")
    assert status == 201, document
    ui_sign_in(scored.client, "officer1")
    image = scored.client.get(f"/documents/{document['id']}/page/1.png")
    assert 400 <= image.status_code < 500 and "cannot be read" in image.text


def test_hostile_documents_are_stored_with_a_reason_or_refused_never_a_500(
    scored: Harness,
) -> None:
    """Review of guards6: the review's small hostile inputs (tests/documents/hostile.py)
    uploaded: each is refused (4xx) or stored (201) and read or stored as failed with a
    reason; its page view answers, never 5xx."""
    from tests.api.test_ui import ui_sign_in
    from tests.documents import hostile

    inputs = {
        "ccitt.pdf": hostile.ccitt_image(),
        "jbig2.pdf": hostile.jbig2_image(),
        "dct.pdf": hostile.lying_dct_image(),
        "box.pdf": hostile.huge_mediabox("/Rotate 90 /UserUnit 2"),
        "unit.pdf": hostile.user_unit(),
        "prev.pdf": hostile.prev_cycle(),
        "self.pdf": hostile.self_prev(),
        "loop.pdf": hostile.page_tree_loop(),
        "cut.pdf": hostile.truncated_pdf(),
        "laughs.svg": hostile.billion_laughs(),
        "big.svg": hostile.svg(),
        "photo.heic": hostile.heic(),
        "screen.gif": hostile.gif_bomb(),
    }
    submit(scored.client, scored.auth["trader"], own("F-HOSTILE"))
    ui_sign_in(scored.client, "officer1")
    for name, data in inputs.items():
        status, document = _upload(scored, "F-HOSTILE", name, data, "application/octet-stream")
        assert status == 201 or 400 <= status < 500, (name, status, document)
        if status != 201:
            continue
        found = scored.client.get(
            f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
        )
        assert found.status_code < 500, (name, found.text)
        if found.status_code == 200 and found.json()["status"] == "failed":
            assert found.json()["error"], name
        image = scored.client.get(f"/documents/{document['id']}/page/1.png")
        assert image.status_code < 500, (name, image.status_code, image.text)


def test_session_22_hostile_uploads_are_refused_by_name_never_read_whole(
    scored: Harness,
) -> None:
    """Session 22, bounds: a PDF whose cross-reference chain loops was stored as "the file
    cannot be read (PdfminerException: maximum recursion depth exceeded)"; a 1.4 kB WEBP of
    6,000 x 6,000 was decoded whole by the page view (594 MB). The extraction now fails with
    what is wrong (and nothing read is stored), and the page view answers 4xx naming the
    bound."""
    from tests.api.test_ui import ui_sign_in
    from tests.documents import hostile

    submit(scored.client, scored.auth["trader"], own("F-BOUNDS"))
    ui_sign_in(scored.client, "officer1")
    status, document = _upload(
        scored, "F-BOUNDS", "prev.pdf", hostile.prev_cycle(), "application/pdf"
    )
    assert status == 201, document
    found = scored.client.get(
        f"/api/documents/{document['id']}/extraction", headers=scored.auth["officer"]
    ).json()
    assert (found["status"], found["error"], found["extraction"]) == (
        "failed",
        "the PDF is corrupt: its cross-reference sections loop (the section at byte 274 points "
        "back to the one at byte 434)",
        None,
    )
    status, document = _upload(scored, "F-BOUNDS", "still.webp", hostile.webp_still(), "image/webp")
    assert status == 201, document
    image = scored.client.get(f"/documents/{document['id']}/page/1.png")
    assert 400 <= image.status_code < 500, (image.status_code, image.text[:200])
    assert "(WEBP, 6,000 x 6,000 pixels) decodes to 576,000,000 bytes" in image.text
    assert "CLEARLANE_DOCUMENTS_MAX_DECOMPRESSED_BYTES" in image.text


def test_the_page_view_shows_a_large_page_scaled_down_and_refuses_pages_out_of_bounds(
    scored: Harness,
) -> None:
    """Session 24: a 4,500-point page (62.5 inches, within CLEARLANE_DOCUMENTS_MAX_PIXELS at the
    view's 100 dpi) was drawn whole, 6,250 x 6,250 pixels (330 MB to draw); it is now drawn
    within CLEARLANE_DOCUMENTS_PREVIEW_PIXELS. A page the request asks for out of bounds is a
    4xx naming them, never a render."""
    from PIL import Image

    from tests.api.test_ui import ui_sign_in
    from tests.documents.test_pages import pdf

    submit(scored.client, scored.auth["trader"], own("F-PAGES"))
    ui_sign_in(scored.client, "officer1")
    status, document = _upload(scored, "F-PAGES", "plan.pdf", pdf(4_500, 4_500), "application/pdf")
    assert status == 201, document
    image = scored.client.get(f"/documents/{document['id']}/page/1.png")
    assert image.status_code == 200, image.text[:200]
    with Image.open(io.BytesIO(image.content)) as shown:
        assert shown.width * shown.height <= 4_000_000
    beyond = scored.client.get(f"/documents/{document['id']}/page/2.png")
    assert beyond.status_code == 404 and "the PDF has 1 page(s)" in beyond.text
    over = scored.client.get(f"/documents/{document['id']}/page/21.png")
    assert over.status_code == 404 and "page must be between 1 and 20" in over.text
    for page in (0, 10_001):
        answer = scored.client.get(f"/documents/{document['id']}/page/{page}.png")
        assert answer.status_code == 422, (page, answer.status_code)
