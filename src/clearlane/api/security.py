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
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from cachetools import TLRUCache

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


#: Tokens whose signature and claims :func:`read_token` has verified: (key, token) -> (the
#: token's ``exp``, its payload). Verifying a token (PyJWT's decode: base64, JSON, the HMAC, the
#: claims) cost about 0.1-0.15 ms of CPU on every request, the same token each time for an API
#: client; a token seen before is now only checked for expiry, exactly as PyJWT checks it
#: (``exp <= now``: expired). Keyed by the signing key as well, so a changed key verifies
#: every token again. Bounded (:data:`VERIFIED_MAX`): when full, the least recently used entry
#: makes room (until 2026-12-05 the whole cache was emptied, so one client reading many tokens
#: sent every other client back to PyJWT); an entry leaves at its token's ``exp`` (cachetools'
#: TLRUCache, whose time to use is each entry's own, no longer than its token's life). Not
#: thread-safe by itself: every read and write holds :data:`_verified_lock` (a read reorders
#: the LRU list).
#:
#: Only a token as this server writes it is remembered (:func:`_as_issued`): PyJWT before
#: 2.14 (the floor is now 2.15) verified a signature with characters outside the base64url
#: alphabet in it (``...sig!!!!``, discarded by Python's base64) or with the last character's
#: unused bits set, and 2.15 still verifies one with ``=`` padding; each such spelling of one
#: valid token would be an entry of its own, so anyone holding a token (their own, or a
#: signed-out one) could add entries as long as the request line allows (kilobytes each, some
#: 100 MB a worker at 4,096) and push everyone else's out at no cost. Those spellings are
#: still verified as before, every time.
VERIFIED_MAX = 4096


def _expiry(_key: Any, value: tuple[int, dict[str, Any]], _now: float) -> float:
    return float(value[0])  # the token's exp (epoch seconds, as the cache's timer)


def verified_cache(maxsize: int = VERIFIED_MAX) -> TLRUCache[tuple[bytes, str], Any]:
    """An empty cache of verified tokens holding at most ``maxsize`` (see :data:`_verified`)."""
    return TLRUCache(maxsize=maxsize, ttu=_expiry, timer=lambda: time.time())


_verified = verified_cache()
_verified_lock = threading.Lock()
#: The longest token remembered (ours are about 300 characters): with :func:`_as_issued`, the
#: cache holds at most about ``VERIFIED_MAX * (REMEMBERED_CHARS + its claims)`` bytes.
REMEMBERED_CHARS = 1024
_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
#: The last character of 32 bytes in unpadded base64url has its 2 low bits unused: zero.
_LAST_OF_32 = frozenset("AEIMQUYcgkosw048")


def read_token(token: str, *, kind: str, settings: Settings | None = None) -> dict[str, Any]:
    key = secret_key(settings)
    with _verified_lock:
        known = _verified.get((key, token))
    if known is not None and known[0] > time.time():
        payload = dict(known[1])
    else:
        payload = _decode(token, key)
    if payload.get("kind") != kind:
        raise TokenError(f"a {payload.get('kind')} token cannot be used as a {kind} token")
    return payload


def _decode(token: str, key: bytes) -> dict[str, Any]:
    """``token`` verified by PyJWT (signature, required claims, ``exp`` and ``iat``), and
    remembered in :data:`_verified` unless it holds a claim whose check depends on the time
    other than ``exp`` (``nbf``; ``iat`` in the past stays in the past)."""
    try:
        payload: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.ExpiredSignatureError as exc:
        raise TokenError("the token has expired: sign in again") from exc
    except jwt.PyJWTError as exc:
        raise TokenError("the token is not valid") from exc
    if "nbf" not in payload and _as_issued(token):
        with _verified_lock:
            _verified[(key, token)] = (int(payload["exp"]), dict(payload))
    return payload


def _as_issued(token: str) -> bool:
    """Whether ``token`` (verified) is spelled as :func:`create_token` writes it: not too
    long, and its HS256 signature the one canonical base64url spelling of 32 bytes (43
    characters of the alphabet, no padding, the unused bits zero). Its header and claims need
    no check: the signature covers their exact characters."""
    signature = token.rpartition(".")[2]
    return (
        len(token) <= REMEMBERED_CHARS
        and len(signature) == 43
        and signature[-1] in _LAST_OF_32
        and _B64URL.issuperset(signature)
    )


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
