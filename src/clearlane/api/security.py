"""API tokens (JWT, HS256, short-lived), session cookies and CSRF tokens.

Every token carries ``exp`` and the ``sid`` of its server-side session (see
:mod:`clearlane.users`); one without either is refused. Passwords are hashed in
:mod:`clearlane.users` (re-exported here).

The signing key comes from ``CLEARLANE_SECRET_KEY``; without it a random key is created once
in ``data_dir/secret.key`` (mode 0600), so a single demo server needs no setup step.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt

from clearlane.config import Settings
from clearlane.users import DUMMY_HASH, MIN_PASSWORD, hash_password, verify_password

__all__ = [
    "DUMMY_HASH",
    "MIN_PASSWORD",
    "TokenError",
    "check_csrf",
    "create_token",
    "csrf_token",
    "hash_password",
    "read_token",
    "secret_key",
    "verify_password",
]
from clearlane.keys import _secret_for, secret_key  # noqa: F401  (re-exported)

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "kind", "sid"]


class TokenError(ValueError):
    """A token that is malformed, forged, expired or without the claims it needs."""


def _key_file(settings: Settings) -> Path:
    return settings.data_dir / "secret.key"


def create_token(
    subject: str, *, kind: str, minutes: int, settings: Settings | None = None, **claims: Any
) -> str:
    now = datetime.now(UTC)
    payload = {
        "sub": subject,
        "kind": kind,
        "iat": now,
        "exp": now + timedelta(minutes=minutes),
        "jti": secrets.token_hex(8),
        **claims,
    }
    return jwt.encode(payload, secret_key(settings), algorithm=ALGORITHM)


def read_token(token: str, *, kind: str, settings: Settings | None = None) -> dict[str, Any]:
    try:
        payload = jwt.decode(
            token,
            secret_key(settings),
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("the token has expired: sign in again") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("the token is not valid") from exc
    if payload.get("kind") != kind:
        raise TokenError(f"a {payload.get('kind')} token cannot be used as a {kind} token")
    return payload


def csrf_token(session_id: str, settings: Settings | None = None) -> str:
    """The CSRF token of one session: an HMAC of its id (stateless, checked on every form)."""
    return hmac.new(secret_key(settings), f"csrf:{session_id}".encode(), hashlib.sha256).hexdigest()


def check_csrf(session_id: str, token: str | None, settings: Settings | None = None) -> bool:
    """Whether ``token`` is the session's. Compared as bytes: compare_digest raises TypeError
    on a str with non-ASCII characters, which a forged form field or header may hold."""
    if token is None:
        return False
    expected = csrf_token(session_id, settings).encode()
    return hmac.compare_digest(expected, token.encode("utf-8", "surrogatepass"))
