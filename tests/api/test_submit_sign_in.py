"""The submit route's sign-in (#15, session 20): a verified token is remembered, so PyJWT
decodes it once, not on every request, with the same answers (expired, another key, another
kind); and the route signs in on a connection of its own instead of a request session it only
closed again, with the same 401, 403 and CSRF answers as every other route."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
import jwt.api_jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from clearlane.api import security
from clearlane.api.deps import get_db
from clearlane.api.security import TokenError, create_token, read_token
from clearlane.config import Settings
from tests.api.helpers import own


def _decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tokens PyJWT decodes from now on."""
    seen: list[str] = []
    decode = jwt.decode

    def counted(token: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(token)
        return decode(token, *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counted)
    return seen


def test_a_token_is_verified_once_then_only_its_expiry_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path, secret_key=None)
    token = create_token("officer1", kind="access", minutes=5, sid="s1", settings=settings)
    decodes = _decodes(monkeypatch)
    first = read_token(token, kind="access", settings=settings)
    again = [read_token(token, kind="access", settings=settings) for _ in range(3)]
    assert decodes == [token]
    assert all(claims == first for claims in again)
    assert first["sub"] == "officer1" and first["sid"] == "s1"
    again[0]["sub"] = "changed"  # each caller gets its own copy of the claims
    assert read_token(token, kind="access", settings=settings)["sub"] == "officer1"
    # the kind is checked on every use, remembered or not
    with pytest.raises(TokenError, match="cannot be used as a session token"):
        read_token(token, kind="session", settings=settings)


def test_a_remembered_token_still_expires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(data_dir=tmp_path, secret_key=None)
    token = create_token("officer1", kind="access", minutes=1, sid="s1", settings=settings)
    exp = read_token(token, kind="access", settings=settings)["exp"]

    class Later(datetime):  # PyJWT's clock, at the token's expiry
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return datetime.fromtimestamp(exp, tz or UTC)

    monkeypatch.setattr(jwt.api_jwt, "datetime", Later)
    monkeypatch.setattr(time, "time", lambda: float(exp))
    with pytest.raises(TokenError, match="expired"):
        read_token(token, kind="access", settings=settings)


def test_a_remembered_token_is_refused_under_another_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = Settings(data_dir=tmp_path, secret_key="k" * 64)
    token = create_token("officer1", kind="access", minutes=5, sid="s1", settings=one)
    read_token(token, kind="access", settings=one)
    with pytest.raises(TokenError, match="not valid"):
        read_token(token, kind="access", settings=Settings(data_dir=tmp_path, secret_key="j" * 64))


def test_the_remembered_tokens_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "VERIFIED_MAX", 3)
    monkeypatch.setattr(security, "_verified", _cache(3))
    settings = Settings(data_dir=tmp_path, secret_key="k" * 64)
    for n in range(7):
        token = create_token(f"user{n}", kind="access", minutes=5, sid="s", settings=settings)
        read_token(token, kind="access", settings=settings)
        assert len(security._verified) <= 3


def _cache(size: int) -> Any:
    """An empty token cache of ``size`` entries (the cache of before 2026-12-05 was a dict
    emptied at VERIFIED_MAX; both are set so that this test reads either)."""
    maker = getattr(security, "verified_cache", None)
    return maker(size) if maker else {}


def test_a_full_token_cache_drops_the_least_recently_used_token_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Full, the cache makes room for a new token by dropping the one used longest ago; the
    others stay remembered (it was emptied whole: every client's next request decoded again)."""
    monkeypatch.setattr(security, "VERIFIED_MAX", 3)
    monkeypatch.setattr(security, "_verified", _cache(3))
    settings = Settings(data_dir=tmp_path, secret_key="k" * 64)
    a, b, c, d = (
        create_token(f"user{n}", kind="access", minutes=5, sid="s", settings=settings)
        for n in range(4)
    )
    for token in (a, b, c, a):  # a used again: b is now the least recently used
        read_token(token, kind="access", settings=settings)
    read_token(d, kind="access", settings=settings)  # full: room for d
    decodes = _decodes(monkeypatch)
    for token in (a, c, d):
        read_token(token, kind="access", settings=settings)
    assert decodes == []  # still remembered
    read_token(b, kind="access", settings=settings)
    assert decodes == [b]


def test_a_remembered_token_leaves_the_cache_at_its_expiry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry lives no longer than its token: at its ``exp`` it is gone from the cache, not
    only refused on reading (the cache of before held it until the cache was emptied)."""
    monkeypatch.setattr(security, "_verified", _cache(3))
    settings = Settings(data_dir=tmp_path, secret_key="k" * 64)
    token = create_token("officer1", kind="access", minutes=1, sid="s1", settings=settings)
    exp = read_token(token, kind="access", settings=settings)["exp"]
    assert len(security._verified) == 1
    monkeypatch.setattr(time, "time", lambda: float(exp))
    assert len(security._verified) == 0


def _no_request_session() -> Any:
    raise AssertionError("the submit route opened a request session")


def test_the_submit_route_signs_in_without_a_request_session(
    client: TestClient, auth: dict[str, dict[str, str]]
) -> None:
    client.app.dependency_overrides[get_db] = _no_request_session  # type: ignore[attr-defined]
    try:
        response = client.post("/api/declarations", json=own("SIGNIN-1"), headers=auth["officer"])
        assert response.status_code == 201, response.text
        # the same answers as the other routes: no token, a bad one, a role without the right
        assert client.post("/api/declarations", json=own("SIGNIN-2")).status_code == 401
        bad = client.post(
            "/api/declarations", json=own("SIGNIN-3"), headers={"Authorization": "Bearer x"}
        )
        assert bad.status_code == 401 and bad.json()["error"]["code"] == "unauthenticated"
        analyst = client.post("/api/declarations", json=own("SIGNIN-4"), headers=auth["analyst"])
        assert analyst.status_code == 403, analyst.text
    finally:
        client.app.dependency_overrides.clear()  # type: ignore[attr-defined]


def test_the_submit_route_signs_in_on_whatever_engine_the_sessions_use(
    client: TestClient, auth: dict[str, dict[str, str]]
) -> None:
    """The sign-in of the submit route asks the session factory's sessions for their engine
    (Session.get_bind, public), not the factory's private keyword arguments: a factory whose
    sessions choose their engine themselves (SQLAlchemy's documented get_bind override, as
    for routing or sharding) has no ``kw["bind"]``, and the route answered 500."""
    app: Any = client.app
    original = app.state.session_factory
    with original() as session:
        engine = session.get_bind()

    class Routed(Session):
        def get_bind(self, *args: Any, **kwargs: Any) -> Any:
            return engine

    app.state.session_factory = sessionmaker(class_=Routed, expire_on_commit=False)
    try:
        response = client.post("/api/declarations", json=own("SIGNIN-6"), headers=auth["officer"])
        assert response.status_code == 201, response.text
        assert client.post("/api/declarations", json=own("SIGNIN-7")).status_code == 401
    finally:
        app.state.session_factory = original


def test_a_signed_out_token_cannot_submit(
    client: TestClient, auth: dict[str, dict[str, str]]
) -> None:
    headers = auth["officer"]
    assert client.post("/api/auth/logout", headers=headers).status_code in (200, 204)
    response = client.post("/api/declarations", json=own("SIGNIN-5"), headers=headers)
    assert response.status_code == 401
    assert "session has ended" in response.json()["error"]["message"]


def _lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyJWT as releases before 2.14 decode (``pyjwt>=2.8`` allows them): characters outside
    the base64url alphabet in the signature are dropped before it is compared."""
    decode = jwt.decode

    def lenient(token: str, *args: Any, **kwargs: Any) -> Any:
        head, _, signature = token.rpartition(".")
        kept = "".join(c for c in signature if c.isalnum() or c in "-_")
        return decode(f"{head}.{kept}", *args, **kwargs)

    monkeypatch.setattr(jwt, "decode", lenient)


def test_only_a_token_as_issued_is_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other spellings of one valid token (junk or padding in the signature, which some PyJWT
    releases verify) are verified each time, not remembered: else anyone holding a token
    could fill the cache with long entries and empty it for everyone."""
    monkeypatch.setattr(security, "VERIFIED_MAX", 3)
    monkeypatch.setattr(security, "_verified", _cache(3))
    settings = Settings(data_dir=tmp_path, secret_key="k" * 64)
    token = create_token("officer1", kind="access", minutes=5, sid="s1", settings=settings)
    read_token(token, kind="access", settings=settings)
    _lenient(monkeypatch)
    spellings = [token + "!" * 4 * n for n in range(1, 6)] + [token + "*" * 20_000, token + "="]
    for spelling in spellings:
        assert read_token(spelling, kind="access", settings=settings)["sub"] == "officer1"
    assert [t for _, t in security._verified] == [token]
    decodes = _decodes(monkeypatch)
    read_token(token, kind="access", settings=settings)
    assert decodes == []  # the token as issued is still remembered, not evicted


def test_tokens_read_at_once_by_many_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worker threads reading tokens at once, the cache filling and emptying under them: each
    gets its own token's claims, and the bound holds (give or take one entry a thread)."""
    threads = 8
    monkeypatch.setattr(security, "VERIFIED_MAX", 5)
    monkeypatch.setattr(security, "_verified", _cache(5))
    interval = sys.getswitchinterval()
    settings = Settings(data_dir=tmp_path, secret_key="k" * 64)
    tokens = [
        (
            f"user{n}",
            create_token(f"user{n}", kind="access", minutes=5, sid=f"s{n}", settings=settings),
        )
        for n in range(24)
    ]
    barrier = threading.Barrier(threads)

    def work(offset: int) -> list[bool]:
        barrier.wait()
        return [
            read_token(token, kind="access", settings=settings)["sub"] == name
            for _ in range(20)
            for name, token in tokens[offset:] + tokens[:offset]
        ]

    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        with ThreadPoolExecutor(threads) as pool:
            results = list(pool.map(work, range(threads)))
    finally:
        sys.setswitchinterval(interval)
    assert all(all(ok) for ok in results)
    assert len(security._verified) <= 5  # under its lock, the bound holds exactly


def test_a_remembered_token_is_refused_once_the_key_file_is_replaced(tmp_path: Path) -> None:
    """A key file replaced while the workers run (a new file renamed into place): the next
    read of a remembered token is verified under the new key, and refused."""
    settings = Settings(data_dir=tmp_path, secret_key=None)
    token = create_token("officer1", kind="access", minutes=5, sid="s1", settings=settings)
    assert read_token(token, kind="access", settings=settings)["sub"] == "officer1"
    draft = tmp_path / "secret.key.new"
    draft.write_text("n" * 64)
    draft.replace(tmp_path / "secret.key")
    with pytest.raises(TokenError, match="not valid"):
        read_token(token, kind="access", settings=settings)
