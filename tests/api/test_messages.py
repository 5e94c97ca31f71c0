"""The message thread of a declaration between customs and the declarant."""

from __future__ import annotations

from clearlane.audit import trail
from clearlane.store.session import open_store
from tests.api.conftest import Harness
from tests.api.helpers import PDF, others, own, submit


def _post(h: Harness, reference: str, body: object, role: str) -> tuple[int, dict]:
    response = h.client.post(
        f"/api/declarations/{reference}/messages", json=body, headers=h.auth[role]
    )
    return response.status_code, dict(response.json())


def test_customs_asks_and_the_trader_answers_with_a_document(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("M-1"))
    status, question = _post(scored, "M-1", {"body": "Please send the invoice."}, "officer")
    assert status == 201 and question["author_role"] == "officer"
    upload = scored.client.post(
        "/api/declarations/M-1/documents",
        files={"file": ("invoice.pdf", PDF, "application/pdf")},
        headers=scored.auth["trader"],
    )
    document = upload.json()
    status, answer = _post(
        scored, "M-1", {"body": "Here it is.", "document_id": document["id"]}, "trader"
    )
    assert status == 201 and answer["document"]["filename"] == "invoice.pdf"
    thread = scored.client.get("/api/declarations/M-1/messages", headers=scored.auth["trader"])
    assert [(m["author"], m["body"]) for m in thread.json()] == [
        ("officer1", "Please send the invoice."),
        ("trader1", "Here it is."),
    ]
    detail = scored.client.get("/api/declarations/M-1", headers=scored.auth["officer"]).json()
    assert detail["message_count"] == 2
    with open_store(scored.url)() as session:
        kinds = [e["kind"] for e in trail(session, subject="declaration:M-1")]
    assert kinds.count("message") == 2


def test_bad_messages_and_other_organisations(scored: Harness) -> None:
    submit(scored.client, scored.auth["trader"], own("M-2"))
    submit(scored.client, scored.auth["trader2"], others("M-3"))
    upload = scored.client.post(
        "/api/declarations/M-3/documents",
        files={"file": ("x.pdf", PDF, "application/pdf")},
        headers=scored.auth["trader2"],
    )
    foreign = upload.json()["id"]
    status, error = _post(scored, "M-2", {"body": "see", "document_id": foreign}, "trader")
    assert status == 422 and error["error"]["fields"][0]["field"] == "body.document_id"
    assert _post(scored, "M-2", {"body": ""}, "trader")[0] == 422
    assert _post(scored, "M-2", {"body": "   "}, "trader")[0] == 422
    assert _post(scored, "M-2", {"body": "x" * 5001}, "trader")[0] == 422
    assert _post(scored, "M-2", {"body": "hi", "urgent": True}, "trader")[0] == 422
    assert _post(scored, "M-3", {"body": "hello"}, "trader")[0] == 404
    assert (
        scored.client.get(
            "/api/declarations/M-3/messages", headers=scored.auth["trader"]
        ).status_code
        == 404
    )
    assert _post(scored, "M-2", {"body": "hi"}, "analyst")[0] == 403
    assert (
        scored.client.post("/api/declarations/M-2/messages", json={"body": "x"}).status_code == 401
    )
    wrong = scored.client.post(
        "/api/declarations/M-2/messages",
        content=b"body=hi",
        headers={**scored.auth["trader"], "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert wrong.status_code == 415
