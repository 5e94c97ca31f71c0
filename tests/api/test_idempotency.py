"""Idempotency keys on the creating routes no domain rule dedupes (a message, a document):
the same request sent again with the same ``Idempotency-Key`` (a retry, a double click, two
requests at once) is stored once and every sender gets the same answer; races on SQLite and
PostgreSQL, the header's bounds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from clearlane.api.errors import ApiError
from clearlane.api.idempotency import MAX_KEY_LENGTH, PATTERN, REPLAYED, parse_key
from clearlane.audit import entries, verify
from clearlane.store.session import open_store
from clearlane.store.tables import (
    DocumentExtractionRow,
    DocumentRow,
    IdempotencyKeyRow,
    MessageRow,
)
from tests.api.conftest import app_with_settings, store_bearer
from tests.api.helpers import PDF, own
from tests.api.test_ui import ui_sign_in
from tests.concurrency import together

RACERS = 4


@pytest.fixture
def app_client(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with app_with_settings(migrated_url, monkeypatch, "idempotency-") as client:
        yield client


def bearer(client: TestClient, username: str) -> dict[str, str]:
    """A token as a sign-in issues it, without the sign-in's argon2 check (not the subject
    here; Session 37, 2026-12-07)."""
    return store_bearer(client, username)


def declare(client: TestClient, reference: str, headers: dict[str, str]) -> None:
    made = client.post("/api/declarations", json=own(reference), headers=headers)
    assert made.status_code == 201, made.text


def post_message(
    client: TestClient, reference: str, headers: dict[str, str], key: str | None, body: Any
) -> httpx.Response:
    sent = {**headers, "Idempotency-Key": key} if key is not None else headers
    return client.post(f"/api/declarations/{reference}/messages", json=body, headers=sent)


def upload(
    client: TestClient, reference: str, headers: dict[str, str], key: str | None, data: bytes = PDF
) -> httpx.Response:
    sent = {**headers, "Idempotency-Key": key} if key is not None else headers
    return client.post(
        f"/api/declarations/{reference}/documents",
        files={"file": ("invoice.pdf", data, "application/pdf")},
        headers=sent,
    )


def count(url: str, row: Any, *where: Any) -> int:
    with open_store(url)() as session:
        return int(session.scalar(select(func.count()).select_from(row).where(*where)) or 0)


def one_answer(
    responses: list[httpx.Response], retry: Callable[[], httpx.Response]
) -> dict[str, Any]:
    """Exactly one racer created (201, not replayed); each other one either replayed the same
    201 body or, if it came while the first ran, was 409 ``idempotency_key_in_progress`` with
    a ``Retry-After``, never a 5xx; a 409'd racer's retry, after the race, replays the body."""
    statuses = [r.status_code for r in responses]
    assert set(statuses) <= {201, 409}, [r.text for r in responses]
    created = [r for r in responses if r.status_code == 201 and REPLAYED not in r.headers]
    assert len(created) == 1, [(r.status_code, r.headers.get(REPLAYED)) for r in responses]
    body = created[0].json()
    for answer in responses:
        if answer.status_code == 409:
            assert answer.json()["error"]["code"] == "idempotency_key_in_progress"
            assert answer.headers["Retry-After"] == "1"
            answer = retry()
        assert answer.status_code == 201 and answer.json() == body, answer.text
    return dict(body)


def audited_once(url: str, reference: str, kind: str) -> None:
    with open_store(url)() as session:
        assert len(entries(session, kind=kind, subject=f"declaration:{reference}")) == 1
        assert verify(session).ok


# ------------------------------------------------------------------------------ races


def test_the_same_message_posted_at_once_with_one_key_is_stored_once_and_answered_alike(
    app_client: TestClient,
) -> None:
    """Racers behind a barrier post the same message with the same key: one message, one
    audit entry; one racer created, each other one replayed or was told 409 (in progress),
    and replays on retry. The unique constraint lets one racer claim the key."""
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    trader = bearer(client, "trader1")
    for round_ in range(3):
        reference = f"IDEM-MSG-{round_}"
        declare(client, reference, trader)

        def send(_i: int = 0, ref: str = reference, key: str = f"retry-{round_}") -> Any:
            return post_message(client, ref, trader, key, {"body": "Invoice attached."})

        answer = one_answer(together(RACERS, send), send)
        assert count(url, MessageRow, MessageRow.reference == reference) == 1
        assert answer["body"] == "Invoice attached."
        audited_once(url, reference, "message")


def test_the_same_document_uploaded_at_once_with_one_key_is_stored_once_and_answered_alike(
    app_client: TestClient,
) -> None:
    """As for messages: one document row, one extraction queued, one audit entry, one 201
    created, the others replayed or 409 then replayed."""
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    trader = bearer(client, "trader1")
    for round_ in range(3):
        reference = f"IDEM-DOC-{round_}"
        declare(client, reference, trader)

        def send(_i: int = 0, ref: str = reference, key: str = f"upload-{round_}") -> Any:
            return upload(client, ref, trader, key)

        answer = one_answer(together(RACERS, send), send)
        assert count(url, DocumentRow, DocumentRow.reference == reference) == 1
        assert (
            count(url, DocumentExtractionRow, DocumentExtractionRow.document_id == answer["id"])
            == 1
        )
        audited_once(url, reference, "document")


# ------------------------------------------------------------------ one after the other


def test_a_repeat_replays_another_request_with_the_key_is_422_keys_are_per_user(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    trader, officer = bearer(client, "trader1"), bearer(client, "officer1")
    declare(client, "IDEM-SEQ", trader)
    declare(client, "IDEM-SEQ-2", trader)
    first = post_message(client, "IDEM-SEQ", trader, "k-1", {"body": "hello"})
    assert first.status_code == 201 and REPLAYED not in first.headers
    # the same request as JSON written differently is the same request
    again = post_message(client, "IDEM-SEQ", trader, "k-1", {"document_id": None, "body": "hello"})
    assert (again.status_code, again.json(), again.headers[REPLAYED]) == (
        201,
        first.json(),
        "true",
    )
    for reference, body in [("IDEM-SEQ", {"body": "hello!"}), ("IDEM-SEQ-2", {"body": "hello"})]:
        other = post_message(client, reference, trader, "k-1", body)
        assert other.status_code == 422, other.text
        error = other.json()["error"]
        assert error["code"] == "idempotency_key_reused"
        assert "used for another request" in error["message"]
        assert error["fields"][0]["field"] == "header.Idempotency-Key"
    # the key used for a message, then for an upload: another request too
    assert upload(client, "IDEM-SEQ", trader, "k-1").status_code == 422
    # another user's key of the same name is theirs
    theirs = post_message(client, "IDEM-SEQ", officer, "k-1", {"body": "hello"})
    assert theirs.status_code == 201 and REPLAYED not in theirs.headers
    assert theirs.json()["id"] != first.json()["id"]
    # without a key, nothing changes: two posts are two messages
    for _ in range(2):
        assert post_message(client, "IDEM-SEQ", trader, None, {"body": "hello"}).status_code == 201
    assert count(url, MessageRow, MessageRow.reference == "IDEM-SEQ") == 4
    assert count(url, IdempotencyKeyRow) == 2
    # a document uploaded again with its key: replayed, one row
    uploads = [upload(client, "IDEM-SEQ-2", trader, "u-1") for _ in range(2)]
    assert uploads[0].json() == uploads[1].json() and uploads[1].headers[REPLAYED] == "true"
    assert count(url, DocumentRow, DocumentRow.reference == "IDEM-SEQ-2") == 1
    # the same key with other bytes is another request
    other_bytes = upload(client, "IDEM-SEQ-2", trader, "u-1", PDF + b"\n% another page")
    assert other_bytes.status_code == 422


def test_a_refused_request_stores_nothing_and_its_retry_with_the_key_is_tried_again(
    app_client: TestClient,
) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    trader = bearer(client, "trader1")
    assert post_message(client, "IDEM-LATER", trader, "k-2", {"body": "hi"}).status_code == 404
    declare(client, "IDEM-LATER", trader)
    made = post_message(client, "IDEM-LATER", trader, "k-2", {"body": "hi"})
    assert made.status_code == 201 and REPLAYED not in made.headers
    assert count(url, IdempotencyKeyRow) == 1


# --------------------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("", "the key is empty"),
        ('""', "the key is empty"),
        ("a" * (MAX_KEY_LENGTH + 1), f"at most {MAX_KEY_LENGTH} characters"),
        ("two words", "holds ' '"),
        ("semi;colon", "holds ';'"),
        ("caf\u00e9", "holds 'é'"),
        ("nul\x00byte", "NUL"),
        ("tab\there", "holds '\\t'"),
    ],
)
def test_a_key_out_of_bounds_is_400_naming_the_problem(value: str, problem: str) -> None:
    with pytest.raises(ApiError) as refused:
        parse_key([value])
    assert refused.value.status == 400
    assert problem in refused.value.message
    assert refused.value.fields == [
        {"field": "header.Idempotency-Key", "message": refused.value.message.split(": ", 1)[1]}
    ]


def test_keys_within_bounds_are_taken_as_sent_the_draft_quotes_dropped() -> None:
    longest = "k" * MAX_KEY_LENGTH
    assert parse_key([longest]) == longest
    uuid = "8e03978e-40d5-43e8-bc93-6894a57f9324"
    assert parse_key([uuid]) == parse_key([f'"{uuid}"']) == uuid
    assert parse_key(["aGVsbG8+/w=="]) == "aGVsbG8+/w=="
    assert parse_key([]) is None
    with pytest.raises(ApiError, match="sent 2 times"):
        parse_key(["a", "a"])


def test_the_documented_pattern_accepts_exactly_the_keys_the_routes_take() -> None:
    values = ["k", "k" * MAX_KEY_LENGTH, "k" * (MAX_KEY_LENGTH + 1), '"k"', '"k', 'k"', '""']
    values += [
        "",
        " k",
        "k ",
        "a b",
        "a;b",
        "caf\u00e9",
        "a\x00b",
        "8e03978e-40d5-43e8-bc93-6894a57f9324",
    ]
    for value in values:
        try:
            taken = parse_key([value]) is not None
        except ApiError:
            taken = False
        assert bool(re.fullmatch(PATTERN, value)) == taken, value


def test_the_routes_refuse_a_bad_key_with_400_and_store_nothing(app_client: TestClient) -> None:
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    trader = bearer(client, "trader1")
    declare(client, "IDEM-BOUNDS", trader)
    path = "/api/declarations/IDEM-BOUNDS/messages"
    bad_keys: list[list[tuple[str, str | bytes]]] = [
        [("Idempotency-Key", "x" * (MAX_KEY_LENGTH + 1))],
        [("Idempotency-Key", "has space")],
        [("Idempotency-Key", "caf\u00e9".encode("latin-1"))],
        [("Idempotency-Key", b"nul\x00byte")],
        [("Idempotency-Key", "a"), ("Idempotency-Key", "b")],
    ]
    for pairs in bad_keys:
        sent = [("Authorization", trader["Authorization"]), *pairs]
        response = client.post(path, json={"body": "hi"}, headers=sent)
        assert response.status_code == 400, (pairs, response.text)
        assert response.json()["error"]["fields"][0]["field"] == "header.Idempotency-Key"
        refused_upload = client.post(
            "/api/declarations/IDEM-BOUNDS/documents",
            files={"file": ("invoice.pdf", PDF, "application/pdf")},
            headers=sent,
        )
        assert refused_upload.status_code == 400, refused_upload.text
    assert count(url, MessageRow) == 0
    assert count(url, DocumentRow) == 0
    assert count(url, IdempotencyKeyRow) == 0
    longest = post_message(client, "IDEM-BOUNDS", trader, "x" * MAX_KEY_LENGTH, {"body": "hi"})
    assert longest.status_code == 201


def test_the_header_is_documented_on_both_routes(app_client: TestClient) -> None:
    paths = app_client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/declarations/{reference}/messages",
        "/api/declarations/{reference}/documents",
    ):
        headers = [p for p in paths[path]["post"]["parameters"] if p["in"] == "header"]
        assert [h["name"] for h in headers] == ["Idempotency-Key"], headers
        assert headers[0]["schema"]["pattern"] == PATTERN
        assert "Idempotent-Replayed" in headers[0]["description"]
        assert "409" in headers[0]["description"]  # session 23: a repeat while the first runs
        assert "409" in paths[path]["post"]["responses"]


# ------------------------------------------------------------------ the pages' forms


def form_key(page: str, action: str) -> str:
    found = re.search(
        rf'action="{re.escape(action)}".*?name="idempotency_key" value="([0-9a-f]+)"',
        page,
        re.DOTALL,
    )
    assert found, page[:500]
    return found.group(1)


def test_a_page_form_posted_at_once_with_its_key_is_stored_once(app_client: TestClient) -> None:
    """The message and upload forms carry a key drawn with the form: the same form posted
    several times at once (a double click, the browser's resend) stores one row; the form
    drawn again carries a new key; a bad key is a 400 page and stores nothing."""
    client, url = app_client, app_client.store_url  # type: ignore[attr-defined]
    reference = "IDEM-UI"
    declare(client, reference, bearer(client, "officer1"))
    csrf = ui_sign_in(client, "officer1")
    page = client.get(f"/declarations/{reference}").text
    messages, documents = (
        f"/declarations/{reference}/messages",
        f"/declarations/{reference}/documents",
    )
    message_key, document_key = form_key(page, messages), form_key(page, documents)
    assert message_key != document_key
    assert form_key(client.get(f"/declarations/{reference}").text, messages) != message_key
    sent = {"csrf_token": csrf, "body": "Please send the invoice.", "idempotency_key": message_key}
    posted = together(RACERS, lambda _i: client.post(messages, data=sent, follow_redirects=False))
    assert [r.status_code for r in posted] == [303] * RACERS, [r.text[:300] for r in posted]
    assert count(url, MessageRow, MessageRow.reference == reference) == 1
    audited_once(url, reference, "message")
    uploaded = together(
        RACERS,
        lambda _i: client.post(
            documents,
            data={"csrf_token": csrf, "idempotency_key": document_key},
            files={"file": ("invoice.pdf", PDF, "application/pdf")},
            follow_redirects=False,
        ),
    )
    assert [r.status_code for r in uploaded] == [303] * RACERS, [r.text[:300] for r in uploaded]
    assert count(url, DocumentRow, DocumentRow.reference == reference) == 1
    audited_once(url, reference, "document")
    bad = client.post(
        messages, data={**sent, "idempotency_key": "has space"}, follow_redirects=False
    )
    assert bad.status_code == 400 and "idempotency_key" in bad.text
    fresh = client.post(
        messages, data={**sent, "idempotency_key": "another-form"}, follow_redirects=False
    )
    assert fresh.status_code == 303
    assert count(url, MessageRow, MessageRow.reference == reference) == 2
