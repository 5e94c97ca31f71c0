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


# data_dir -> (the key file's identity when read, the key). A key file replaced while the
# server runs (a new file renamed into place, or rewritten) is read again on the next call, so
# that every worker process changes to the new key; a key cached for the process's life left
# workers that had read the old file disagreeing with those started after the change.
_read: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}


def _identity(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)


def _secret_for(data_dir: str, configured: str | None) -> bytes:
    """The key in ``data_dir/secret.key`` (``configured`` when given), created when missing.
    Revalidated on every call by one ``stat`` of the file (device, inode, modification time
    and size): the file is read again only when it changed."""
    if configured:
        return configured.encode()
    # a string joined, not a Path built: this runs twice per API submission (secret_key)
    path = os.path.join(data_dir, "secret.key")
    try:
        status = os.stat(path)
    except FileNotFoundError:
        _create(Path(path))
        status = os.stat(path)
    identity = _identity(status)
    cached = _read.get(data_dir)
    if cached is not None and cached[0] == identity:
        return cached[1]
    with open(path, "rb") as handle:
        # the identity of the file actually read (it may have been replaced since the stat)
        identity = _identity(os.fstat(handle.fileno()))
        key = handle.read().decode().strip().encode()
    _read[data_dir] = (identity, key)
    return key


def _create(path: Path) -> None:
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


def secret_key(settings: Settings | None = None) -> bytes:
    """The key: ``CLEARLANE_SECRET_KEY`` when set (no file looked at), else the one in
    ``data_dir/secret.key``. Called twice per API submission (the token, the draw key): the
    data directory is resolved once per spelling (and working directory, for a relative
    one), not on every call (``Path.resolve`` is a system call per path component)."""
    settings = settings or get_settings()
    configured = settings.secret_key.get_secret_value() if settings.secret_key else None
    if configured:
        return configured.encode()
    data_dir = settings.data_dir
    cwd = None if data_dir.is_absolute() else os.getcwd()
    return _secret_for(_resolved(str(data_dir), cwd), None)


@lru_cache(maxsize=8)
def _resolved(data_dir: str, cwd: str | None) -> str:
    """``data_dir`` resolved (against ``cwd`` when relative), once per pair."""
    return str((Path(cwd) / data_dir if cwd else Path(data_dir)).resolve())
