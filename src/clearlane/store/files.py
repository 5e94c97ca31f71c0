"""The file store of uploaded documents: content-addressed by SHA-256, written atomically.

A file lives at ``root/ab/abcdef...`` (its hash, split on the first two characters so no
directory grows too large). Writing goes to a temporary file in the same directory, is synced,
then renamed into place: a crash leaves either the whole file or none. Reading checks the hash
and refuses a file that changed on disk. Identical uploads share one file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class FileIntegrityError(RuntimeError):
    """A stored file no longer matches its hash (altered, truncated or replaced on disk)."""


class FileStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"{sha256!r} is not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256 (the file's name)."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path_of(sha256)
        if target.is_file() and target.stat().st_size == len(data):
            try:
                self.read(sha256)
                return sha256
            except FileIntegrityError:
                pass  # a damaged copy: replace it with the good bytes
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=".upload-", delete=False)
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, 0o444)
            os.replace(handle.name, target)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        return sha256

    def written_before(self, when: float) -> list[str]:
        """The SHA-256 names of the stored files last written before ``when`` (a POSIX time)."""
        found = []
        for path in self.root.glob("??/*"):
            if _SHA256.match(path.name) and path.parent.name == path.name[:2]:
                with contextlib.suppress(FileNotFoundError):  # removed meanwhile
                    if path.stat().st_mtime < when:
                        found.append(path.name)
        return sorted(found)

    def leftovers_before(self, when: float) -> list[Path]:
        """The temporary files of writes cut short (:meth:`put`'s ``.upload-*``, renamed into
        place when the write completes) last written before ``when``."""
        found = []
        for path in self.root.glob("??/.upload-*"):
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_mtime < when:
                    found.append(path)
        return sorted(found)

    def read(self, sha256: str) -> bytes:
        """The file's bytes, after checking them against their hash."""
        path = self.path_of(sha256)
        if not path.is_file():
            raise FileNotFoundError(f"the file store has no file {sha256[:12]}... ({path})")
        data = path.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise FileIntegrityError(
                f"{path} changed on disk: its content hashes to {actual[:12]}..., "
                f"not {sha256[:12]}...; refusing to serve it"
            )
        return data
