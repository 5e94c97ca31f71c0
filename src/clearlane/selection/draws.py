"""Keyed random-control draws: a secret per day, derived from the server's secret key.

Random controls are only an unbiased sample, and only unpredictable to traders, if nobody
without the key can tell which declarations will be drawn. So:

* the **draw key** is an HMAC of the settings' secret key (:func:`draw_key`);
* each declaration day has its own **day key**, ``HMAC(draw key, day)`` (:func:`day_key`):
  learning one day's key reveals nothing about another day's draws;
* a declaration's **draw** is a keyed hash of (reference, version) under its day's key,
  uniform in [0, 1): resubmitting it cannot re-roll it, and the batch and the online path
  draw the same number for it;
* the **draw id** (:func:`draw_id`) names the day key without revealing it (a truncated hash
  of the key). It is stored with each assessment, so an auditor holding the secret can
  re-derive the key of that day and check every draw; a seeded run (experiments,
  simulations) records ``seed:<n>`` instead.

No default seed 0: without an explicit seed the draws are keyed by the secret.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

import numpy as np
import pandas as pd

from clearlane.config import Settings
from clearlane.keys import secret_key

__all__ = ["day_key", "draw_id", "draw_key", "keyed_draw", "keyed_draws", "keyed_uniform"]

_DRAW_CONTEXT = b"clearlane:random-controls"


def draw_key(settings: Settings | None = None) -> bytes:
    """The key of the random-control draws, derived from the settings' secret key."""
    return hmac.new(secret_key(settings), _DRAW_CONTEXT, hashlib.sha256).digest()


def _day_text(day: date | datetime | pd.Timestamp | str | None) -> str:
    if type(day) is date and 1678 <= day.year <= 2261:
        return day.isoformat()  # a submission's day: what the Timestamp below gives for it
    if day is None or (isinstance(day, float) and np.isnan(day)) or day is pd.NaT:
        return "undated"
    if isinstance(day, str) and day == "undated":
        return day
    return pd.Timestamp(day).date().isoformat()


def day_key(key: bytes, day: date | datetime | pd.Timestamp | str | None) -> bytes:
    """The secret of one declaration day (``undated`` for a declaration without a date)."""
    return _day_key(key, _day_text(day))


@lru_cache(maxsize=256)
def _day_key(key: bytes, day: str) -> bytes:
    """:func:`day_key` of a day's text, kept: every submission derives its day's key twice
    (its draw and its draw id), and most submissions of a day share it. The same bytes as
    the HMAC computed anew; the cache lives as long as the process, which holds ``key``."""
    return hmac.new(key, b"day:" + day.encode(), hashlib.sha256).digest()


def draw_id(key: bytes, day: date | datetime | pd.Timestamp | str | None) -> str:
    """A public name of the day key: ``<day>:<12 hex>`` (the key itself stays secret)."""
    fingerprint = hashlib.sha256(b"draw-id:" + day_key(key, day)).hexdigest()[:12]
    return f"{_day_text(day)}:{fingerprint}"


def keyed_uniform(key: bytes, text: str) -> float:
    """Uniform in [0, 1), fixed by (key, text), unpredictable without the key."""
    digest = hashlib.blake2b(text.encode(), key=key[:64], digest_size=8)
    return int.from_bytes(digest.digest(), "big") / 2.0**64


def keyed_draw(
    reference: str, version: int, *, key: bytes, day: date | datetime | str | None = None
) -> float:
    """One declaration's draw under its day's key (the ``undated`` key when ``day`` is None)."""
    return keyed_uniform(day_key(key, day), f"{reference}|{version}")


def keyed_draws(
    references: Sequence[str] | np.ndarray,
    versions: Sequence[int] | np.ndarray,
    days: Sequence[object] | np.ndarray,
    *,
    key: bytes,
) -> tuple[np.ndarray, np.ndarray]:
    """Draws and draw ids of many declarations (one HMAC per distinct day)."""
    stamps = pd.to_datetime(pd.Series(np.asarray(days, dtype=object)), errors="coerce")
    if isinstance(stamps.dtype, pd.DatetimeTZDtype):
        stamps = stamps.dt.tz_localize(None)
    codes, uniques = pd.factorize(stamps.dt.normalize())  # NaT -> -1
    texts = [_day_text(d) for d in uniques] + ["undated"]
    keys = [day_key(key, t) for t in texts]
    ids = np.asarray([draw_id(key, t) for t in texts], dtype=object)
    index = np.where(codes < 0, len(texts) - 1, codes)
    draws = np.fromiter(
        (
            int.from_bytes(
                hashlib.blake2b(f"{r}|{int(v)}".encode(), key=keys[i], digest_size=8).digest(),
                "big",
            )
            / 2.0**64
            for r, v, i in zip(references, versions, index, strict=True)
        ),
        dtype=float,
        count=len(index),
    )
    return draws, ids[index]
