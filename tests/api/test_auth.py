"""Sign-in, tokens, rate limiting, sign-in auditing and the permission matrix document."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clearlane.api.auth.service import UserError, create_user
from clearlane.api.permissions import MATRIX, Permission, Role, allowed, matrix_markdown
from clearlane.api.security import create_token, hash_password, verify_password
from clearlane.audit import entries, verify
from clearlane.store.session import open_store
from tests.api.conftest import PASSWORD, TRADER_ORG, token_for

ROOT = Path(__file__).resolve().parents[2]


def test_passwords_are_argon2_and_verified() -> None:
    digest = hash_password("s3cret-enough")
    assert digest.startswith("$argon2id$")
    assert verify_password(digest, "s3cret-enough")
    assert not verify_password(digest, "s3cret-enougH")
    assert not verify_password("not a hash", "x")
    with pytest.raises(ValueError, match="at least 8"):
        hash_password("short")


def test_token_flow_and_me(client: TestClient, users: dict[str, str]) -> None:
    headers = {"Authorization": f"Bearer {token_for(client, users['trader'])}"}
    me = client.get("/api/auth/me", headers=headers)
    assert me.status_code == 200
    body = me.json()
    assert (body["role"], body["organisation"]) == ("trader", TRADER_ORG)
    assert "declaration:submit" in body["permissions"] and "risk:read" not in body["permissions"]


def test_unauthenticated_and_bad_tokens_get_401(client: TestClient) -> None:
    assert client.get("/api/auth/me").status_code == 401
    bad = client.get("/api/auth/me", headers={"Authorization": "Bearer nonsense"})
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "unauthenticated"
    expired = create_token("officer1", kind="access", minutes=-1, sid="x")
    response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401 and "expired" in response.json()["error"]["message"]
    session_token = create_token("officer1", kind="session", minutes=5, sid="x")
    response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {session_token}"})
    assert response.status_code == 401


def test_wrong_password_is_401_and_audited(
    client: TestClient, users: dict[str, str], api_url: str
) -> None:
    response = client.post(
        "/api/auth/token", data={"username": "officer1", "password": "nope-nope"}
    )
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "wrong username or password"
    unknown = client.post("/api/auth/token", data={"username": "ghost", "password": "nope-nope"})
    assert unknown.status_code == 401
    token_for(client, "officer1")
    with open_store(api_url)() as session:
        sign_ins = entries(session, kind="sign_in", limit=10)
        assert verify(session).ok
    outcomes = [(e["subject"], e["payload"]["success"]) for e in reversed(sign_ins)]
    assert outcomes[-3:] == [
        ("user:officer1", False),
        ("user:ghost", False),
        ("user:officer1", True),
    ]


def test_failed_sign_ins_are_rate_limited(client: TestClient, users: dict[str, str]) -> None:
    for _ in range(5):
        response = client.post(
            "/api/auth/token", data={"username": "analyst1", "password": "bad-pass"}
        )
        assert response.status_code == 401
    blocked = client.post("/api/auth/token", data={"username": "analyst1", "password": PASSWORD})
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert "too many failed sign-ins" in blocked.json()["error"]["message"]
    # other users are not affected
    assert (
        client.post(
            "/api/auth/token", data={"username": "auditor1", "password": PASSWORD}
        ).status_code
        == 200
    )


def test_create_user_refuses_bad_input(api_url: str, users: dict[str, str]) -> None:
    with open_store(api_url)() as session:
        with pytest.raises(UserError, match="already exists"):
            create_user(session, username="officer1", password=PASSWORD, role="officer")
        with pytest.raises(UserError, match="not one of"):
            create_user(session, username="x", password=PASSWORD, role="pirate")
        with pytest.raises(UserError, match="organisation"):
            create_user(session, username="t9", password=PASSWORD, role="trader")
        with pytest.raises(UserError, match="username"):
            create_user(session, username="a b", password=PASSWORD, role="officer")


def test_matrix_is_documented_as_enforced() -> None:
    doc = (ROOT / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert matrix_markdown() in doc, (
        "regenerate docs/permissions.md: python -m clearlane.api.permissions"
    )


def test_matrix_basics() -> None:
    assert all(role in MATRIX for role in Role)
    assert not allowed("trader", Permission.RISK_READ)
    assert not allowed("auditor", Permission.DECISION_WRITE)
    assert allowed("officer", Permission.DECISION_WRITE)
    assert not allowed("nobody", Permission.DECLARATION_READ)


def test_oversize_body_is_413_not_500(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    big = b"x" * (11 * 1024 * 1024)
    response = client.post(
        "/api/auth/token",
        content=big,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_workers_starting_together_agree_on_one_generated_secret_key(tmp_path: Path) -> None:
    """Without CLEARLANE_SECRET_KEY each process reads data_dir/secret.key, creating it if
    missing: processes racing to create it must all end up with the same whole key."""
    from concurrent.futures import ProcessPoolExecutor

    from clearlane.api.security import _secret_for

    with ProcessPoolExecutor(4) as pool:
        keys = list(pool.map(_secret_for, [str(tmp_path)] * 16, [None] * 16))
    assert len(set(keys)) == 1 and len(keys[0]) == 64
    assert (tmp_path / "secret.key").read_text().strip().encode() == keys[0]
    assert [p.name for p in tmp_path.iterdir()] == ["secret.key"]  # no draft left behind
    assert (tmp_path / "secret.key").stat().st_mode & 0o077 == 0


def test_the_secret_key_resolves_the_data_directory_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """secret_key() resolved data_dir (a system call per path component) on every call, twice
    per submission, even with CLEARLANE_SECRET_KEY set; now once per data directory, and a
    settings change (another key, another directory, another working directory for a relative
    one) is still seen at once."""
    from clearlane.config import Settings
    from clearlane.keys import secret_key

    resolved: list[Path] = []
    real = Path.resolve

    def counted(self: Path, strict: bool = False) -> Path:
        resolved.append(self)
        return real(self, strict=strict)

    monkeypatch.setattr(Path, "resolve", counted)
    first, second = tmp_path / "one", tmp_path / "two"
    configured = Settings(data_dir=first, secret_key="k" * 40)
    assert secret_key(configured) == secret_key(configured) == b"k" * 40
    assert resolved == []  # a configured key needs no directory
    generated = [secret_key(Settings(data_dir=first, secret_key=None)) for _ in range(3)]
    assert len(set(generated)) == 1 and len(resolved) <= 1
    assert (first / "secret.key").read_text().strip().encode() == generated[0]
    other = secret_key(Settings(data_dir=second, secret_key=None))
    assert other != generated[0] and (second / "secret.key").exists()
    monkeypatch.chdir(first)
    relative = secret_key(Settings(data_dir=Path("sub"), secret_key=None))
    assert (first / "sub" / "secret.key").read_text().strip().encode() == relative
    monkeypatch.chdir(second)
    assert secret_key(Settings(data_dir=Path("sub"), secret_key=None)) != relative
    assert (second / "sub" / "secret.key").exists()


def test_a_replaced_secret_key_file_is_read_again(tmp_path: Path) -> None:
    """The key read from data_dir/secret.key was cached for the process's life: a key file
    replaced while the server ran left the workers that had read it on the old key and those
    started later on the new one (tokens signed by one refused by the other). Each call now
    checks the file's identity (one stat) and reads it again when it changed."""
    from clearlane.config import Settings
    from clearlane.keys import secret_key

    settings = Settings(data_dir=tmp_path, secret_key=None)
    first = secret_key(settings)
    path = tmp_path / "secret.key"
    assert path.read_text().strip().encode() == first

    draft = tmp_path / "draft.key"
    draft.write_text("b" * 64 + "\n")
    os.replace(draft, path)  # a new file renamed into place: another inode
    assert secret_key(settings) == b"b" * 64

    before = path.stat()
    path.write_text("c" * 64 + "\n")  # rewritten in place: same inode and size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert secret_key(settings) == b"c" * 64
    assert secret_key(settings) == secret_key(settings) == b"c" * 64
