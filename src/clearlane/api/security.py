"""Passwords (argon2id), API tokens (JWT, HS256, short-lived), session cookies and CSRF tokens.

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
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from clearlane.config import Settings
from clearlane.keys import _secret_for, secret_key  # noqa: F401  (re-exported)

_hasher = PasswordHasher()
ALGORITHM = "HS256"
MIN_PASSWORD = 8


class TokenError(ValueError):
    """A token that is malformed, forged or expired."""


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password: at least {MIN_PASSWORD} characters are needed")
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# A hash to verify against when the user does not exist, so that a missing user costs the
# same time as a wrong password (no user enumeration by timing).
DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


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
        payload = jwt.decode(token, secret_key(settings), algorithms=[ALGORITHM])
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
    return token is not None and hmac.compare_digest(csrf_token(session_id, settings), token)
