"""The server's secret key, read from the settings (library side, so that the library can key
its random-control draws without importing :mod:`clearlane.api`).

The key comes from ``CLEARLANE_SECRET_KEY``; without it a random key is created once in
``data_dir/secret.key`` (mode 0600), so a single demo server needs no setup step.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from functools import lru_cache
from pathlib import Path

from clearlane.config import Settings, get_settings

__all__ = ["secret_key"]


@lru_cache(maxsize=4)
def _secret_for(data_dir: str, configured: str | None) -> bytes:
    if configured:
        return configured.encode()
    path = Path(data_dir) / "secret.key"
    if not path.exists():
        # Written whole under another name, then linked into place: worker processes starting
        # together agree on one key (the first link wins) and never read a half-written file.
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, draft = tempfile.mkstemp(prefix=".secret.", dir=path.parent)
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
            os.chmod(draft, 0o600)
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
        finally:
            os.unlink(draft)
    return path.read_text().strip().encode()


def secret_key(settings: Settings | None = None) -> bytes:
    settings = settings or get_settings()
    configured = settings.secret_key.get_secret_value() if settings.secret_key else None
    return _secret_for(str(settings.data_dir.resolve()), configured)
