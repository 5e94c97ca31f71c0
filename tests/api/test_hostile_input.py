"""Hostile input gets a 4xx, never a 500, on SQLite and PostgreSQL (issue #12): deeply nested
JSON, NUL characters in paths, queries and forms, over-long sign-in names; and every response
carries the browser security headers."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearlane.api import bodies
from clearlane.api.app import create_app
from clearlane.api.security import check_csrf
from clearlane.config import get_settings
from clearlane.core import bounds
from clearlane.core.bounds import (
    MAX_JSON_DEPTH,
    json_problem,
    loads_marking_duplicates,
    may_repeat_keys,
)
from clearlane.store.session import open_store
from clearlane.store.tables import QuarantineRow
from tests.api.conftest import PASSWORD, access_token, add_users
from tests.api.helpers import own


@pytest.fixture
def hostile(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", "hostile-" + "k" * 40)
    get_settings.cache_clear()
    add_users(migrated_url)
    with TestClient(create_app(database_url=migrated_url)) as client:
        client.store_url = migrated_url  # type: ignore[attr-defined]
        yield client


def issued_token(client: TestClient, username: str) -> str:
    """A token as a sign-in issues it, without the sign-in's argon2 check (about 0.4 s on a
    loaded machine; no test here is about the sign-in's password check; Session 37,
    2026-12-07)."""
    return access_token(client.store_url, username)  # type: ignore[attr-defined]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def deep_declaration(depth: int) -> str:
    return '{"reference": "DEEP-1", "extra": ' + nested(depth) + "}"


def test_json_problem_walks_without_recursion() -> None:
    assert json_problem({"a": [1, {"b": "x"}]}) is None
    assert json_problem({"a": {"b": ["ok", "n\x00l"]}}) == (
        "body.a.b[1]",
        "NUL characters (\\u0000) are not allowed",
    )
    deep: list = []
    for _ in range(100_000):  # far past Python's recursion limit
        deep = [deep]
    path, message = json_problem(deep) or ("", "")
    assert "nested more than" in message and path.count("[0]") == MAX_JSON_DEPTH


def test_deeply_nested_json_is_422_everywhere(hostile: TestClient) -> None:
    client = hostile
    officer = {"Authorization": f"Bearer {issued_token(client, 'officer1')}"}
    json_headers = {**officer, "Content-Type": "application/json"}
    for depth in (40, 500, 1000, 5000):
        body = deep_declaration(depth)
        response = client.post("/api/declarations", content=body, headers=json_headers)
        assert response.status_code == 422, (depth, response.text[:200])
        message = response.json()["error"]["message"]
        assert "nested more than" in message or "depth limit exceeded" in message
        decision = client.post(
            "/api/declarations/X-1/decision", content=nested(depth), headers=json_headers
        )
        assert decision.status_code in (400, 422), (depth, decision.text[:200])
    slash = client.post("/api/declarations", json=own("SECX/1"), headers=officer)
    assert (
        slash.status_code == 422 and slash.json()["error"]["fields"][0]["field"] == "body.reference"
    )
    assert "break the declaration's addresses" in slash.json()["error"]["message"]
    assert client.post("/api/declarations", json=own("OK-1"), headers=officer).status_code in (
        200,
        201,
    )
    # A JSON document 1,000 levels deep (what gave a 500) is within orjson's own limit of
    # 1,024 and is only stored as a file, never walked: accepted. Deeper is refused by the
    # parser. Neither the upload nor any later read of the declaration's documents is a 5xx.
    deep_doc = client.post(
        "/api/declarations/OK-1/documents",
        files={"file": ("deep.json", nested(1000).encode(), "application/json")},
        headers=officer,
    )
    assert deep_doc.status_code == 201, deep_doc.text[:300]
    document = deep_doc.json()["id"]
    upload = client.post(
        "/api/declarations/OK-1/documents",
        files={"file": ("deeper.json", nested(3000).encode(), "application/json")},
        headers=officer,
    )
    assert upload.status_code == 422, upload.text[:300]
    assert "depth limit exceeded" in upload.json()["error"]["message"]
    for url in (
        "/api/declarations/OK-1",
        "/api/declarations/OK-1/documents",
        f"/api/documents/{document}",
        f"/api/documents/{document}/extraction",
        "/declarations/OK-1",
    ):
        response = client.get(url, headers=officer)
        assert response.status_code < 500, (url, response.text[:200])
    assert (
        client.get(f"/api/documents/{document}", headers=officer).content == nested(1000).encode()
    )


def test_the_trader_portal_json_gets_the_same_checks(hostile: TestClient) -> None:
    client = hostile
    page = client.get("/login")
    login_token = client.cookies.get("clearlane_login") or ""
    assert page.status_code == 200
    signed = client.post(
        "/login",
        data={"username": "trader1", "password": PASSWORD, "login_token": login_token},
        follow_redirects=False,
    )
    assert signed.status_code == 303
    csrf = re.search(r'"X-CSRF-Token": "([0-9a-f]+)"', client.get("/trader").text)
    assert csrf
    for text, expected in (
        (deep_declaration(1000), "nested more than"),
        ('{"reference": "NUL-\\u0000"}', "NUL characters"),
    ):
        response = client.post(
            "/trader/declarations",
            files={"csrf_token": (None, csrf.group(1)), "json": (None, text)},
        )
        assert response.status_code == 422, response.text[:300]
        assert expected in response.text


def test_nul_in_paths_queries_and_forms_is_refused_before_the_database(
    hostile: TestClient,
) -> None:
    client = hostile
    admin = {"Authorization": f"Bearer {issued_token(client, 'admin1')}"}
    analyst = {"Authorization": f"Bearer {issued_token(client, 'analyst1')}"}
    for url, headers in (
        ("/api/audit?kind=sign_in%00", admin),
        ("/api/audit?subject=x%00y", admin),
        ("/api/profiles/P%00-1", analyst),
        ("/api/kpis?office=A%00", analyst),
        ("/api/declarations/REF%00", analyst),
        ("/api/declarations?q=%00", analyst),
        ("/declarations/REF%00", analyst),
        ("/dashboard?office=%00", analyst),
        ("/audit?kind=%00", admin),
    ):
        response = client.get(url, headers=headers)
        assert response.status_code == 400, (url, response.status_code, response.text[:200])
        assert "NUL" in response.json()["error"]["message"]
    form = client.post("/api/auth/token", data={"username": "a\x00b", "password": "whatever-1"})
    assert form.status_code == 400


def test_over_long_user_names_at_sign_in_are_401_not_500(hostile: TestClient) -> None:
    for name in ("x" * 129, "y" * 5000, "ctrl\x01name"):
        response = hostile.post("/api/auth/token", data={"username": name, "password": "p" * 9})
        assert response.status_code == 401, response.text[:200]


def test_every_response_carries_the_security_headers(hostile: TestClient) -> None:
    for url in ("/login", "/api/health", "/api/auth/me", "/static/app.css"):
        response = hostile.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
    assert "onclick" not in hostile.get("/login").text


HOSTILE_SEGMENTS = ("x" * 300, "A%00B", "%2F..%2F", "%E2%80%AE", "99999999999999999999999")
HOSTILE_QUERIES = ("", "?q=%00", "?page=-1&size=999999", "?office=" + "O" * 500)


def test_every_route_as_every_role_with_hostile_values_never_answers_5xx(
    hostile: TestClient,
) -> None:
    """A walk over every route of the app, API and UI, as every role (bearer tokens work on
    the pages too), with hostile path segments and queries: 4xx or 2xx/3xx, never 5xx."""
    from clearlane.users import Role
    from tests.api.test_permission_matrix import app_routes

    client = hostile
    tokens = {role.value: issued_token(client, f"{role.value}1") for role in Role}
    routes = [
        (route.method, route.path)
        for route in app_routes(client.app)  # type: ignore[arg-type]
        if route.path not in ("/api/auth/logout", "/logout")
        and not route.path.endswith(("/stream", "/events", "/alerts"))
    ]
    assert len(routes) > 40
    failures = []
    for role, token in tokens.items():
        headers = {"Authorization": f"Bearer {token}"}
        for method, path in routes:
            for i, segment in enumerate(HOSTILE_SEGMENTS):
                url = (
                    re.sub(r"\{[^}]+\}", segment, path) + HOSTILE_QUERIES[i % len(HOSTILE_QUERIES)]
                )
                kwargs: dict = {"headers": headers}
                if method in ("POST", "PUT", "PATCH"):
                    kwargs["json"] = {"reference": segment, "lane": "red", "note": "\x00"}
                response = client.request(method, url, **kwargs)
                if response.status_code >= 500:
                    failures.append(f"{role} {method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures[:40])


def test_a_submitted_body_is_parsed_and_checked_once_without_a_walk(
    hostile: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HostileInput parses and checks a JSON body before any route; the submit route takes
    that value instead of parsing and walking the body again (issue #15). An ordinary body
    is not walked at all: its text rules out a NUL and too deep a nesting (the walk was about
    20 µs a submission). A body HostileInput could not parse still gets the route's own
    message naming the place."""
    from clearlane.api import bodies, guards

    checks: list[str] = []
    walks: list[str] = []
    real_check, real_walk = bounds.json_text_problem, bounds.json_problem

    def checked(text: bytes | str, value: object, where: str = "body") -> tuple[str, str] | None:
        checks.append(where)
        return real_check(text, value, where)

    def walked(value: object, where: str = "body", max_depth: int = 32) -> tuple[str, str] | None:
        walks.append(where)
        return real_walk(value, where, max_depth)

    monkeypatch.setattr(bodies, "json_text_problem", checked)
    monkeypatch.setattr(guards, "json_text_problem", checked)
    monkeypatch.setattr(bounds, "json_problem", walked)
    officer = {"Authorization": f"Bearer {issued_token(hostile, 'officer1')}"}
    response = hostile.post("/api/declarations", json=own("ONCE-1"), headers=officer)
    assert response.status_code == 201, response.text
    assert len(checks) == 1 and walks == []
    broken = hostile.post(
        "/api/declarations",
        content=b'{"reference": "ONCE-2",',
        headers={**officer, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422
    assert "malformed JSON at line 1" in broken.json()["error"]["message"]


def test_a_repeated_key_in_a_json_body_is_422_naming_it(hostile: TestClient) -> None:
    """``{"reference": "A", "reference": "B"}`` was read as "B" silently; any JSON body (the
    check runs before every route) is refused naming the key and where it is. A declaration
    submitted on its own is rejected as any invalid one is: 422, kept in quarantine."""
    officer = {
        "Authorization": f"Bearer {issued_token(hostile, 'officer1')}",
        "Content-Type": "application/json",
    }
    twice = json.dumps(own("TWICE-A"))[:-1] + ', "reference": "TWICE-B"}'
    envelope = json.dumps({"declarations": [own("TWICE-C")]})[:-1] + ', "declarations": []}'
    for body, field in (
        (twice, "body.reference"),
        (envelope, "body.declarations"),
        ('{"justification": "x", "justification": "y"}', "body.justification"),
    ):
        response = hostile.post("/api/declarations", content=body, headers=officer)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["fields"][0]["field"] == field
        assert (
            "duplicate key" in error["message"]
            and field.removeprefix("body.") in (error["message"])
        )
    elsewhere = hostile.post(
        "/api/declarations/TWICE-A/decision",
        content='{"lane": "green", "lane": "red"}',
        headers=officer,
    )
    assert elsewhere.status_code == 422 and "body.lane" in elsewhere.text
    stored = hostile.get("/api/declarations?q=TWICE", headers=officer).json()
    assert stored["total"] == 0


def test_a_repeated_key_in_one_declaration_of_a_batch_quarantines_only_it(
    hostile: TestClient, migrated_url: str
) -> None:
    """A batch answers one result per declaration (docs/api-declarations.md): the declaration
    that repeats a key is quarantined naming the key and its path, the others are stored, and
    the counts reconcile (received = stored + quarantined). It refused the whole batch."""
    officer = {
        "Authorization": f"Bearer {issued_token(hostile, 'officer1')}",
        "Content-Type": "application/json",
    }
    declarations = [json.dumps(own(f"BATCHDUP-{n}")) for n in (1, 2, 3)]
    assert '"seq": 1' in declarations[1]
    declarations[1] = declarations[1].replace('"seq": 1', '"seq": 1, "seq": 2', 1)
    body = '{"declarations": [' + ", ".join(declarations) + "]}"
    response = hostile.post("/api/declarations", content=body, headers=officer)
    assert response.status_code == 201, response.text
    answer = response.json()
    assert (answer["received"], answer["stored"], answer["quarantined"]) == (3, 2, 1)
    assert answer["received"] == answer["stored"] + answer["quarantined"]
    results = answer["results"]
    assert [r["stored"] for r in results] == [True, False, True]
    assert results[1]["reference"] == "BATCHDUP-2"
    [issue] = results[1]["issues"]
    assert issue["field"] == "items[0].seq"
    assert "duplicate key 'seq'" in issue["message"] and "items[0].seq" in issue["message"]
    listed = hostile.get("/api/declarations?q=BATCHDUP", headers=officer).json()
    assert sorted(d["reference"] for d in listed["items"]) == ["BATCHDUP-1", "BATCHDUP-3"]
    with open_store(migrated_url)() as session:
        kept = session.scalars(select(QuarantineRow.reference)).all()
    assert "BATCHDUP-2" in kept


def test_the_colon_count_rules_out_a_repeat_only_where_none_is() -> None:
    """``may_repeat_keys`` says False only for text without a repeated key, escapes and
    colons inside strings included (the exact check agrees), and spares the second parse of
    an ordinary declaration."""
    texts = [
        '{"a": 1, "b": "x:y"}',
        '{"a": 1, "a": 2}',
        '{"a": "\\u003a", "a": 1}',
        '{"a": "\\u003A", "b": {"c": 1, "c": ":"}}',
        '{"a:b": 1, "a:b": 2}',
        '{"a": "\\\\u003a"}',  # a backslash and "u003a": counted as a colon, so not ruled out
        '{"at": "10:00", "items": [{"seq": 1}, {"seq": 1, "note": "x"}]}',
        '[{"k": [1, {"k": 2, "j": {"k": 3}}]}, {"k": 1, "k": 1}]',
        json.dumps(own("COLON-1")),
    ]
    for text in texts:
        parsed = json.loads(text)
        _, repeated = loads_marking_duplicates(text)
        if repeated:
            assert may_repeat_keys(text, parsed), text
            assert may_repeat_keys(text.encode(), parsed), text
    assert not may_repeat_keys(texts[0], json.loads(texts[0]))
    assert not may_repeat_keys(texts[-1].encode(), json.loads(texts[-1]))
    assert may_repeat_keys(texts[5], json.loads(texts[5]))


def test_a_body_without_repeated_keys_is_parsed_once(
    hostile: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The repeat check parsed every JSON body a second time with ``json``; the colon count
    now rules a repeat out first, and a body that does repeat a key is still refused."""
    parses: list[object] = []
    real = bounds.loads_marking_duplicates

    def counted(text: str | bytes) -> tuple[object, bool]:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(bounds, "loads_marking_duplicates", counted)
    monkeypatch.setattr(bodies, "loads_marking_duplicates", counted)
    officer = {"Authorization": f"Bearer {issued_token(hostile, 'officer1')}"}
    batch = {"declarations": [own("PARSE-1"), own("PARSE-2")]}
    assert hostile.post("/api/declarations", json=batch, headers=officer).status_code == 201
    decision = hostile.post(
        "/api/declarations/PARSE-1/decision",
        json={"lane": "red", "justification": "a body for another route: parsed once too"},
        headers=officer,
    )
    assert decision.status_code in (200, 201, 409), decision.text
    assert parses == []
    refused = hostile.post(
        "/api/declarations/PARSE-1/decision",
        content='{"lane": "green", "lane": "red"}',
        headers={**officer, "Content-Type": "application/json"},
    )
    assert refused.status_code == 422 and "body.lane" in refused.text and len(parses) == 1


def test_the_text_rules_out_a_walk_only_where_the_walk_finds_nothing() -> None:
    """json_text_problem gives json_problem's answer for every body: ordinary ones, NULs and
    lone surrogates as escapes in values and keys (and, in text given as str, a surrogate
    itself), escaped backslashes before u0000, brackets inside strings, nesting at, just below
    and just above the limit, and random mixtures of all of these."""
    import random

    from clearlane.core.bounds import MAX_JSON_DEPTH, json_text_problem

    def nested(depth: int, inner: str = "1") -> str:
        return "[" * depth + inner + "]" * depth

    bodies_ = [
        json.dumps(own("TEXT-1")),
        '{"a": "x\\u0000y"}',  # NUL
        '{"a\\u0000": 1}',  # NUL in a key
        '{"a": "x\\\\u0000y"}',  # an escaped backslash, then "u0000": no NUL
        '{"a": "[[[[{{{{"}',
        '{"a": "' + "[" * 40 + '"}',  # brackets in a string: not nesting
        nested(MAX_JSON_DEPTH - 1),
        nested(MAX_JSON_DEPTH),
        nested(MAX_JSON_DEPTH + 1),
        nested(MAX_JSON_DEPTH, '"\\u0000"'),
        '{"items": [' + ",".join(["{}"] * 40) + "]}",  # many brackets, shallow
        '{"a": "x\\ud800"}',  # a lone surrogate
        '{"a\\uDFFF": 1}',  # a lone surrogate in a key
        '{"a": "\\ud83d\\ude00"}',  # a pair: no problem
        '{"a": "\\ud7ff", "b": "\\\\ud800"}',  # below the surrogates; an escaped backslash
        '{"a": "\\ud800", "b": "\\u0000"}',  # both: the first in document order
    ]
    rng = random.Random(15)
    pieces = ["[", "]", "{", "}", '"\\u0000"', '"\\\\u0000"', '"\\udc00"', '"a"', "1", ","]
    for _ in range(3000):
        depth = rng.randrange(0, MAX_JSON_DEPTH + 3)
        inner = ",".join(rng.choice(['"x"', '"\\u0000"', "{}", "[]", '{"k":[1]}', '"[{"'])
                         for _ in range(rng.randrange(1, 4)))  # fmt: skip
        bodies_.append(nested(depth, inner))
        bodies_.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))))
    compared, kinds = 0, set()
    for text in bodies_:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            continue
        for raw in (text, text.encode()):
            assert json_text_problem(raw, value) == json_problem(value), text
        problem = json_problem(value)
        kinds.add(problem[1].split()[0] if problem else None)
        compared += 1
    assert compared > 2000 and kinds == {None, "NUL", "nested", "a"}  # "a lone surrogate"
    raw_surrogate = '{"a": "x\ud800"}'  # no escape: the character itself (str only)
    assert json_text_problem(raw_surrogate, json.loads(raw_surrogate)) == (
        "body.a",
        "a lone surrogate (\\ud800-\\udfff) is not a valid string",
    )


def test_a_csrf_token_with_non_ascii_characters_is_403_not_500(hostile: TestClient) -> None:
    """hmac.compare_digest refuses to compare a str holding non-ASCII characters (TypeError):
    a form field ``csrf_token=%C2%80`` or an ``X-CSRF-Token`` header in Latin-1 answered 500 on
    every page that changes something (found by tests/api/test_ui_fuzz.py)."""
    from tests.api.test_ui import ui_sign_in

    ui_sign_in(hostile, "analyst1")
    for token in ["\x80", "é" * 64, "\ud800", "\x00"]:
        assert not check_csrf("a-session", token)
    form = hostile.post(
        "/profiles/validate",
        content=b"text=x&csrf_token=%C2%80",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    header = hostile.post(
        "/profiles/validate", data={"text": "x"}, headers={"X-CSRF-Token": b"caf\xe9"}
    )
    for response in (form, header):
        assert response.status_code == 403, response.text[:300]
        assert "CSRF token missing or wrong" in response.text


def test_a_compressed_request_body_is_415_naming_the_content_encoding(hostile: TestClient) -> None:
    """The server reads no compressed request bodies: ``Content-Encoding: gzip`` (or br, or
    anything but identity) is refused with 415 naming the header. Until 2026-12-05 the gzip
    bytes were parsed as they came, and a valid gzipped declaration got 422 "malformed JSON
    ... not valid UTF-8", and a plain body under a lying ``Content-Encoding: br`` was stored."""
    officer = {"Authorization": f"Bearer {issued_token(hostile, 'officer1')}"}
    body = json.dumps(own("GZIP-1")).encode()
    for encoding, content in [("gzip", gzip.compress(body)), ("br", body), ("GZIP, br", body)]:
        response = hostile.post(
            "/api/declarations",
            content=content,
            headers={**officer, "content-type": "application/json", "content-encoding": encoding},
        )
        assert response.status_code == 415, (encoding, response.text[:300])
        error = response.json()["error"]
        assert error["fields"][0]["field"] == "header.content-encoding"
        assert "send the body uncompressed" in error["message"]
    plain = hostile.post(
        "/api/declarations",
        content=body,
        headers={**officer, "content-type": "application/json", "content-encoding": "identity"},
    )
    assert plain.status_code == 201, plain.text[:300]
