"""Idempotency keys as an attacker or a QA engineer would try them (session 22 review).

Written from docs/api-declarations.md "Idempotency keys" alone, before the code was read:
races of one key across users and across two different requests, replays after the user
lost sight of the declaration, large uploads, header and form variants, on SQLite and
PostgreSQL where a race is involved.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from clearlane.api.app import create_app
from clearlane.audit import trail, verify
from clearlane.config import get_settings
from clearlane.store.session import open_store
from clearlane.store.tables import DocumentRow, MessageRow
from tests.api.conftest import OTHER_ORG, access_token, add_users
from tests.api.helpers import others, own, submit
from tests.concurrency import together

KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


@dataclass
class App:
    client: TestClient
    url: str
    headers: dict[str, dict[str, str]]  # role (and "trader2") -> Authorization header

    def post_message(
        self, reference: str, body: Any, role: str, key: str | bytes | None = None, **kw: Any
    ) -> Any:
        headers: dict[str, Any] = dict(self.headers[role])
        if key is not None:
            headers[KEY] = key
        return self.client.post(
            f"/api/declarations/{reference}/messages", json=body, headers=headers, **kw
        )

    def upload(
        self,
        reference: str,
        role: str,
        key: str | None,
        name: str = "note.txt",
        data: bytes = b"hello",
        content_type: str = "text/plain",
    ) -> Any:
        headers = dict(self.headers[role])
        if key is not None:
            headers[KEY] = key
        return self.client.post(
            f"/api/declarations/{reference}/documents",
            files={"file": (name, data, content_type)},
            headers=headers,
        )

    def messages(self, reference: str) -> list[tuple[str, str]]:
        with open_store(self.url)() as session:
            rows = session.scalars(
                select(MessageRow).where(MessageRow.reference == reference).order_by(MessageRow.id)
            ).all()
            return [(r.author, r.body) for r in rows]

    def documents(self, reference: str) -> list[tuple[str, str]]:
        with open_store(self.url)() as session:
            rows = session.scalars(
                select(DocumentRow).where(DocumentRow.reference == reference)
            ).all()
            return [(r.filename, r.sha256) for r in rows]

    def audit_kinds(self, reference: str) -> list[str]:
        with open_store(self.url)() as session:
            return [e["kind"] for e in trail(session, subject=f"declaration:{reference}")]

    def key_rows(self) -> int:
        with open_store(self.url)() as session:
            return int(session.scalar(text("SELECT count(*) FROM idempotency_keys")) or 0)

    def chain_ok(self) -> bool:
        with open_store(self.url)() as session:
            return bool(verify(session).ok)


def _make(url: str) -> Iterator[App]:
    users = add_users(url)
    with TestClient(create_app(database_url=url)) as client:
        headers = {
            role: {"Authorization": "Bearer " + access_token(url, name)}
            for role, name in users.items()
        }
        yield App(client, url, headers)


@pytest.fixture
def app(migrated_url: str, no_fallback: None) -> Iterator[App]:
    """An app on each backend (submissions stay pending: no engine is needed here)."""
    yield from _make(migrated_url)


@pytest.fixture
def lite(api_url: str, no_fallback: None) -> Iterator[App]:
    """The same on SQLite only (for the checks that involve no race)."""
    yield from _make(api_url)


def _stored_files() -> list[Path]:
    root = get_settings().files_dir
    return [p for p in Path(root).rglob("*") if p.is_file()] if Path(root).exists() else []


# --------------------------------------------------------------------------------- races


def test_one_key_raced_by_two_users_is_two_messages_never_a_replay_of_the_other(
    app: App,
) -> None:
    submit(app.client, app.headers["trader"], own("IR-U1"))
    submit(app.client, app.headers["trader2"], others("IR-U2"))
    pair = ["officer", "supervisor"]
    traders = [("trader", "IR-U1"), ("trader2", "IR-U2")]
    for round_ in range(3):
        key = f"shared-key-{round_}"
        # two customs users on one declaration, the same body and key
        answers = together(
            2, lambda i, k=key: app.post_message("IR-U1", {"body": "same"}, pair[i], key=k)
        )
        assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
        assert [a.headers.get(REPLAYED) for a in answers] == [None, None]
        assert sorted(a.json()["author"] for a in answers) == ["officer1", "supervisor1"]
        # two traders, each on their own declaration
        answers = together(
            2,
            lambda i, k=key: app.post_message(
                traders[i][1], {"body": "same"}, traders[i][0], key=k
            ),
        )
        assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
        assert [a.json()["author"] for a in answers] == ["trader1", "trader2"]
    assert len(app.messages("IR-U1")) == 9 and len(app.messages("IR-U2")) == 3
    assert app.chain_ok()


def test_one_key_raced_with_two_different_bodies_one_wins_the_other_422(app: App) -> None:
    submit(app.client, app.headers["trader"], own("IR-B1"))
    for round_ in range(4):
        key = f"two-bodies-{round_}"
        answers = together(
            2,
            lambda i, k=key, r=round_: app.post_message(
                "IR-B1", {"body": f"body {r}-{i}"}, "trader", key=k
            ),
        )
        statuses = sorted(a.status_code for a in answers)
        assert statuses == [201, 422], [a.text for a in answers]
        loser = next(a for a in answers if a.status_code == 422)
        assert loser.json()["error"]["code"] == "idempotency_key_reused"
    stored = app.messages("IR-B1")
    assert len(stored) == 4  # one per key, nothing of the losers
    assert app.audit_kinds("IR-B1").count("message") == 4
    assert app.key_rows() == 4
    assert app.chain_ok()


def test_one_key_raced_with_two_different_files_one_document_no_stray_file(app: App) -> None:
    submit(app.client, app.headers["trader"], own("IR-F1"))
    for round_ in range(3):
        before = len(_stored_files())
        answers = together(
            2,
            lambda i, r=round_: app.upload(
                "IR-F1", "trader", f"two-files-{r}", data=f"file {r} number {i}".encode()
            ),
        )
        assert sorted(a.status_code for a in answers) == [201, 422], [a.text for a in answers]
        assert len(app.documents("IR-F1")) == round_ + 1
        assert app.audit_kinds("IR-F1").count("document") == round_ + 1
        assert app.key_rows() == round_ + 1
        # the loser's bytes are not left in the file store with no row naming them, on
        # SQLite too since session 23: the loser loses the key's claim before it checks or
        # writes a file (before, on SQLite both racers wrote theirs before the key's lock)
        assert len(_stored_files()) - before - 1 == 0, round_


def test_one_file_raced_with_one_key_is_one_document_and_every_racer_the_same_answer(
    app: App,
) -> None:
    submit(app.client, app.headers["trader"], own("IR-F2"))
    answers = together(3, lambda i: app.upload("IR-F2", "trader", "one-file", data=b"x" * 1000))
    # one created; the others replayed, or 409 while it ran (session 23) and replayed on retry
    assert {a.status_code for a in answers} <= {201, 409}, [a.text for a in answers]
    assert [a.status_code == 201 and REPLAYED not in a.headers for a in answers].count(True) == 1
    answers = [
        app.upload("IR-F2", "trader", "one-file", data=b"x" * 1000) if a.status_code == 409 else a
        for a in answers
    ]
    assert len({a.text for a in answers}) == 1
    assert len(app.documents("IR-F2")) == 1


# ------------------------------------------------------------------- replays and access


def test_a_replay_after_the_user_lost_sight_of_the_declaration_is_404_not_the_answer(
    lite: App,
) -> None:
    """A customs user files a new version naming other parties: the trader no longer sees
    the declaration. A retry with the old key must not hand back the stored answer (which
    names the declaration and the cited document) past the visibility check."""
    submit(lite.client, lite.headers["trader"], own("IR-V1"))
    upload = lite.upload("IR-V1", "trader", None, name="secret-invoice.txt")
    assert upload.status_code == 201, upload.text
    body = {"body": "see the invoice", "document_id": upload.json()["id"]}
    first = lite.post_message("IR-V1", body, "trader", key="lost-sight")
    assert first.status_code == 201
    first_doc = lite.upload("IR-V1", "trader", "lost-sight-doc", data=b"doc")
    assert first_doc.status_code == 201
    moved = others("IR-V1")
    moved["declarant"] = {"id": OTHER_ORG, "name": "Other", "country": "NL"}
    refiled = lite.client.post("/api/declarations", json=moved, headers=lite.headers["officer"])
    assert refiled.status_code in (200, 201), refiled.text
    assert (
        lite.client.get("/api/declarations/IR-V1", headers=lite.headers["trader"]).status_code
        == 404
    )
    again = lite.post_message("IR-V1", body, "trader", key="lost-sight")
    assert again.status_code == 404, again.text
    assert "secret-invoice" not in again.text
    again_doc = lite.upload("IR-V1", "trader", "lost-sight-doc", data=b"doc")
    assert again_doc.status_code == 404, again_doc.text


def test_a_replay_by_a_disabled_user_is_401(lite: App) -> None:
    from clearlane.users import set_active

    submit(lite.client, lite.headers["trader"], own("IR-V2"))
    assert lite.post_message("IR-V2", {"body": "x"}, "trader", key="then-gone").status_code == 201
    with open_store(lite.url)() as session, session.begin():
        set_active(session, username="trader1", active=False, changed_by="tests")
    assert lite.post_message("IR-V2", {"body": "x"}, "trader", key="then-gone").status_code == 401


def test_another_users_key_is_never_their_answer(lite: App) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-K1"))
    mine = lite.post_message("IR-K1", {"body": "mine"}, "trader", key="k-of-trader1")
    assert mine.status_code == 201
    # another organisation's trader with the same key and body: the declaration is not theirs
    theirs = lite.post_message("IR-K1", {"body": "mine"}, "trader2", key="k-of-trader1")
    assert theirs.status_code == 404 and "mine" not in theirs.text
    # a customs user with the same key and body: a message of their own
    officer = lite.post_message("IR-K1", {"body": "mine"}, "officer", key="k-of-trader1")
    assert officer.status_code == 201 and officer.headers.get(REPLAYED) is None
    assert officer.json()["author"] == "officer1" and officer.json()["id"] != mine.json()["id"]


# ----------------------------------------------------------------------- what is the same


def test_the_fingerprint_tells_different_requests_apart_and_the_same_one_together(
    lite: App,
) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-P1"))
    submit(lite.client, lite.headers["trader"], own("IR-P2"))
    docs = [
        lite.upload("IR-P1", "trader", None, data=f"d{i}".encode()).json()["id"] for i in (1, 2)
    ]
    first = lite.post_message("IR-P1", {"body": "b", "document_id": docs[0]}, "trader", key="fp")
    assert first.status_code == 201
    # the same message written otherwise: a replay
    raw = f'{{ "document_id" : {docs[0]},\n "body":"b" }}'.encode()
    same = lite.client.post(
        "/api/declarations/IR-P1/messages",
        content=raw,
        headers={**lite.headers["trader"], KEY: "fp", "Content-Type": "application/json"},
    )
    assert same.status_code == 201 and same.headers.get(REPLAYED) == "true"
    assert same.json() == first.json()
    # another document cited, another declaration, another route: 422
    for answer in (
        lite.post_message("IR-P1", {"body": "b", "document_id": docs[1]}, "trader", key="fp"),
        lite.post_message("IR-P1", {"body": "b"}, "trader", key="fp"),
        lite.post_message("IR-P2", {"body": "b", "document_id": docs[0]}, "trader", key="fp"),
        lite.upload("IR-P1", "trader", "fp"),
    ):
        assert answer.status_code == 422, answer.text
        assert answer.json()["error"]["code"] == "idempotency_key_reused"
    assert len(lite.messages("IR-P1")) == 1 and lite.messages("IR-P2") == []


def test_a_large_upload_replays_its_answer_and_keeps_no_copy_of_the_file(lite: App) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-L1"))
    data = (b"invoice line 0123456789 " * 40_000)[: 9 * 1024 * 1024 // 10]  # ~0.9 MB text
    data = data * 10
    first = lite.upload("IR-L1", "trader", "big", name="big.txt", data=data)
    assert first.status_code == 201, first.text
    again = lite.upload("IR-L1", "trader", "big", name="big.txt", data=data)
    assert again.status_code == 201 and again.headers.get(REPLAYED) == "true"
    assert again.json() == first.json()
    with open_store(lite.url)() as session:
        row = session.execute(text("SELECT * FROM idempotency_keys")).mappings().one()
    stored = sum(len(v) if isinstance(v, str | bytes) else 8 for v in row.values())
    assert stored < 20_000, stored  # the answer and a fingerprint, not the file
    # the same name with other bytes, the same bytes with another name or type: 422
    for answer in (
        lite.upload("IR-L1", "trader", "big", name="big.txt", data=data[:-1] + b"!"),
        lite.upload("IR-L1", "trader", "big", name="BIG.txt", data=data),
        lite.upload("IR-L1", "trader", "big", name="big.txt", data=data, content_type="text/csv"),
    ):
        assert answer.status_code == 422, answer.text
    assert len(lite.documents("IR-L1")) == 1
    assert lite.audit_kinds("IR-L1").count("document") == 1


def test_a_refused_key_with_other_bytes_leaves_no_file_behind(lite: App) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-L2"))
    assert lite.upload("IR-L2", "trader", "orphan", data=b"first bytes").status_code == 201
    before = len(_stored_files())
    refused = lite.upload("IR-L2", "trader", "orphan", data=b"other bytes")
    assert refused.status_code == 422
    assert len(_stored_files()) == before


def test_a_refused_request_stores_nothing_and_its_retry_with_the_key_is_tried_again(
    lite: App,
) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-R1"))
    assert lite.post_message("IR-NONE", {"body": "x"}, "trader", key="retry").status_code == 404
    assert lite.post_message("IR-R1", {"body": ""}, "trader", key="retry").status_code == 422
    assert lite.key_rows() == 0
    ok = lite.post_message("IR-R1", {"body": "x"}, "trader", key="retry")
    assert ok.status_code == 201 and ok.headers.get(REPLAYED) is None


# ------------------------------------------------------------------------ header variants


def test_header_variants(lite: App) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-H1"))
    first = lite.post_message("IR-H1", {"body": "h"}, "trader", key="abc")
    assert first.status_code == 201
    # header names are case-insensitive; the quoted form is the same key
    for name, value in (("idempotency-key", "abc"), ("IDEMPOTENCY-KEY", '"abc"')):
        again = lite.client.post(
            "/api/declarations/IR-H1/messages",
            json={"body": "h"},
            headers={**lite.headers["trader"], name: value},
        )
        assert again.status_code == 201 and again.headers.get(REPLAYED) == "true", name
    assert lite.post_message("IR-H1", {"body": "h"}, "trader", key="k" * 255).status_code == 201
    bad: list[str | bytes] = [
        "k" * 256,
        "",
        "a b",
        "abc%00",
        "%00",
        "ab;c",
        '"abc',
        '""',
        "аbc".encode(),  # Cyrillic a
        "ａbc".encode(),  # full-width a
    ]
    for value in bad:
        answer = lite.post_message("IR-H1", {"body": "h"}, "trader", key=value)
        assert answer.status_code == 400, (value, answer.status_code)
        assert answer.json()["error"]["fields"][0]["field"] == "header.Idempotency-Key"
    twice = lite.client.post(
        "/api/declarations/IR-H1/messages",
        json={"body": "h"},
        headers=[*lite.headers["trader"].items(), (KEY, "abc"), (KEY, "abc")],
    )
    assert twice.status_code == 400
    twice_other = lite.client.post(
        "/api/declarations/IR-H1/messages",
        json={"body": "h"},
        headers=[*lite.headers["trader"].items(), (KEY, "abc"), (KEY, "xyz")],
    )
    assert twice_other.status_code == 400
    assert len(lite.messages("IR-H1")) == 2


# --------------------------------------------------------------------------- page forms


def test_a_double_click_on_the_page_forms_stores_once_and_a_bad_key_is_400(lite: App) -> None:
    submit(lite.client, lite.headers["trader"], own("IR-W1"))
    trader = lite.headers["trader"]
    url = "/declarations/IR-W1/messages"
    for _ in range(2):
        answer = lite.client.post(url, data={"body": "hi", "idempotency_key": "w1"}, headers=trader)
        assert answer.status_code == 200
    for bad in ("w 5", "k" * 256, "%00", "аbc"):
        answer = lite.client.post(url, data={"body": "x", "idempotency_key": bad}, headers=trader)
        assert answer.status_code == 400, (bad, answer.status_code)
    assert lite.messages("IR-W1") == [("trader1", "hi")]
    for _ in range(2):
        answer = lite.client.post(
            "/declarations/IR-W1/documents",
            files=[
                ("file", ("a.txt", b"page file", "text/plain")),
                ("idempotency_key", (None, b"w8")),
            ],
            headers=trader,
        )
        assert answer.status_code == 200
    assert len(lite.documents("IR-W1")) == 1


def test_page_forms_with_the_key_field_twice_are_400_and_store_nothing(lite: App) -> None:
    """The forms' `idempotency_key` parameter took the last of several values and dropped the
    others without a word (both stored, each under its own key), where the API's header sent
    twice is a 400."""
    submit(lite.client, lite.headers["trader"], own("IR-W2"))
    trader = lite.headers["trader"]
    for pairs in (("w2", "w3"), ("w4", "w4")):
        answer = lite.client.post(
            "/declarations/IR-W2/messages",
            content=f"body=x&idempotency_key={pairs[0]}&idempotency_key={pairs[1]}".encode(),
            headers={**trader, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert answer.status_code == 400, (pairs, answer.status_code)
        assert "sent 2 times" in answer.text
    for key_parts in (
        [("idempotency_key", (None, b"w6")), ("idempotency_key", (None, b"w7"))],
        [("idempotency_key", ("key.txt", b"w9", "text/plain"))],
    ):
        answer = lite.client.post(
            "/declarations/IR-W2/documents",
            files=[("file", ("a.txt", b"page file", "text/plain")), *key_parts],
            headers=trader,
        )
        assert answer.status_code == 400, (key_parts, answer.status_code)
    assert lite.messages("IR-W2") == []
    assert lite.documents("IR-W2") == []
    assert lite.key_rows() == 0


def test_a_keyed_upload_checks_and_writes_its_file_before_the_sqlite_write_lock(
    lite: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite the key's lock is BEGIN IMMEDIATE, the whole database's write lock: a keyed
    upload (every upload from the page, which always sends a key) held it while the content
    was checked (an XML or PDF up to 10 MB parsed) and the file written and synced, and every
    other writer waited. Without a key the lock was first taken at the row's insert. The check
    and the write now come before the lock, as without a key."""
    import sqlite3

    from clearlane.casework import documents as casework_documents
    from clearlane.store.files import FileStore

    database = lite.url.removeprefix("sqlite:///")
    seen: list[tuple[str, bool]] = []

    def held() -> bool:
        other = sqlite3.connect(database, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            other.close()

    real_put, real_check = FileStore.put, casework_documents.check_content

    def put(self: FileStore, data: bytes) -> str:
        seen.append(("put", held()))
        return real_put(self, data)

    def check(data: bytes, content_type: str) -> str | None:
        seen.append(("check", held()))
        return real_check(data, content_type)

    monkeypatch.setattr(FileStore, "put", put)
    monkeypatch.setattr(casework_documents, "check_content", check)
    submit(lite.client, lite.headers["trader"], own("IR-S1"))
    assert lite.upload("IR-S1", "trader", "slow-1", data=b"api file").status_code == 201
    page = lite.client.post(
        "/declarations/IR-S1/documents",
        files=[("file", ("p.txt", b"page file", "text/plain")), ("idempotency_key", (None, b"s2"))],
        headers=lite.headers["trader"],
    )
    assert page.status_code == 200
    assert len(lite.documents("IR-S1")) == 2
    assert {step for step, _ in seen} == {"put", "check"}
    assert [step for step, locked in seen if locked] == []
