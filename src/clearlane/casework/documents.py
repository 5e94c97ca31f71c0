"""Documents attached to a declaration (invoices, packing lists, certificates, photos): the
bytes in the content-addressed file store, a row with their hash in the database."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.parsers import expat

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import append
from clearlane.errors import Conflict, Invalid, NotFound
from clearlane.intake import visible_declaration
from clearlane.oversight.controls import DeclarationNotFound
from clearlane.store.files import FileIntegrityError, FileStore
from clearlane.store.locks import write_lock
from clearlane.store.tables import DeclarationRow, DocumentRow

# What the first bytes of each binary type look like.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
    "image/webp": (b"RIFF",),
}
_TEXT = {"text/plain", "text/csv", "application/json", "application/xml", "text/xml"}


class DocumentNotFound(NotFound, LookupError):
    """No such document, or one attached to a declaration the reader may not see (404)."""


class DocumentAltered(Conflict):
    """The stored file no longer matches the hash recorded when it was attached (409)."""

    code = "integrity_error"


class DocumentError(Invalid):
    """A document that cannot be attached as sent (422, naming the ``file`` field)."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"file: {problem}", field="file")


def clean_filename(name: str | None) -> str:
    """The base name without control characters or path parts, at most 200 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip(" .")
    return base[:200] or "document"


def check_content(data: bytes, content_type: str) -> str | None:
    """Why ``data`` is not a ``content_type`` file (None when it plausibly is)."""
    if content_type in _MAGIC:
        if not data.startswith(_MAGIC[content_type]):
            return f"the content is not a {content_type} file (its first bytes do not match)"
        if content_type == "image/webp" and data[8:12] != b"WEBP":
            return "the content is not a WebP image"
        return None
    if content_type in _TEXT:
        if b"\x00" in data[:8192]:
            return f"{content_type} must be text, but the file holds binary data (NUL bytes)"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return f"{content_type} must be UTF-8 text: byte {exc.start} is not valid UTF-8"
        if content_type == "application/json":
            try:
                orjson.loads(text)  # not recursive: nesting 1,000 deep is an error, not a crash
            except json.JSONDecodeError as exc:  # orjson's error is a subclass
                return f"not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}"
        if content_type in ("application/xml", "text/xml"):
            parser = expat.ParserCreate()
            try:
                parser.Parse(data, True)
            except expat.ExpatError as exc:
                return f"not well-formed XML: {exc}"
        return None
    return None


def require_declaration(session: Session, reference: str) -> None:
    found = session.scalar(
        select(DeclarationRow.id).where(DeclarationRow.reference == reference).limit(1)
    )
    if found is None:
        raise DeclarationNotFound(f"declaration {reference!r} is not stored")


def put_checked(data: bytes, content_type: str, files: FileStore) -> str:
    """Check ``data`` against its content type and write it to the file store; its SHA-256.
    :class:`DocumentError` if it is empty or not what its type says (nothing written). The
    slow part of an upload (a parse of up to the upload limit, a synced write), and no
    database work: a caller that must lock before it inserts does this first."""
    if not data:
        raise DocumentError("the file is empty")
    problem = check_content(data, content_type)
    if problem:
        raise DocumentError(problem)
    return files.put(data)


def attach_document(
    session: Session,
    *,
    reference: str,
    filename: str | None,
    content_type: str,
    data: bytes,
    uploaded_by: str,
    files: FileStore,
    stored: str | None = None,
) -> DocumentRow:
    """Store the bytes (content-addressed) and a row with their hash; audit it.

    Raises :class:`DeclarationNotFound` or :class:`DocumentError` (empty or not what its content
    type says). The file is written before the row, never a row without its file: under the
    file's lock (:func:`file_lock`, held to the commit) it is written again if it is gone
    (removed by :func:`discard_unreferenced` for a request that failed with the same bytes after
    this one wrote them). A failed transaction leaves an unreferenced file; the API's upload
    removes it (:func:`discard_unreferenced`). ``stored``: the SHA-256 :func:`put_checked`
    returned for ``data`` (checked and written already, before a lock the caller then took), so
    neither is done again.
    """
    require_declaration(session, reference)
    sha256 = stored or put_checked(data, content_type, files)
    file_lock(session, sha256)
    if not files.path_of(sha256).is_file():
        files.put(data)
    row = DocumentRow(
        reference=reference,
        filename=clean_filename(filename),
        content_type=content_type,
        size=len(data),
        sha256=sha256,
        uploaded_by=uploaded_by,
        uploaded_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    append(
        session,
        kind="document",
        actor=uploaded_by,
        subject=f"declaration:{reference}",
        payload={
            "action": "attached",
            "document_id": row.id,
            "filename": row.filename,
            "content_type": content_type,
            "size": row.size,
            "sha256": sha256,
        },
    )
    return row


def file_lock(session: Session, sha256: str) -> None:
    """Hold the lock of the stored file ``sha256`` until ``session``'s transaction ends: a
    document row naming it is inserted and committed, or the file is removed as named by none,
    never both at once (PostgreSQL: an advisory lock of that file; SQLite: the write lock)."""
    write_lock(session, f"document-file:{sha256}")


def discard_unreferenced(session: Session, sha256: str, files: FileStore) -> bool:
    """Remove the stored file ``sha256`` if no document row names it (what an upload that
    failed or lost its Idempotency-Key claim wrote; the store is addressed by content, so the
    same bytes may be another document's file, or about to be: those are kept, and an attach
    under way writes the file again under the lock). Runs in a transaction of its own (the
    session's is rolled back first); True if the file was removed."""
    session.rollback()
    try:
        file_lock(session, sha256)
        named = session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha256).limit(1))
        removed = False
        if named is None:
            path = files.path_of(sha256)
            removed = path.is_file()
            path.unlink(missing_ok=True)
        session.commit()
        return removed
    except BaseException:
        session.rollback()
        raise


@dataclass(frozen=True)
class Swept:
    """What :func:`sweep_unreferenced` removed: stored files no document names, and
    temporary files of writes cut short."""

    files: list[str]
    leftovers: list[str]

    @property
    def count(self) -> int:
        return len(self.files) + len(self.leftovers)


def sweep_unreferenced(
    store: sessionmaker[Session], files: FileStore, *, older_than: timedelta
) -> Swept:
    """Remove the stored files last written more than ``older_than`` ago that no document
    row names (session 25, pool11): what a crash between an upload's file write and its row
    left, which the upload's own clean-up (:func:`discard_unreferenced`) never got to. Each
    file is checked and removed under its lock (:func:`file_lock`), as that clean-up does: an
    attach of the same bytes under way either committed its row first (the file is kept) or
    writes the file again under the lock after. Young files are left alone: an upload writes
    its file before it takes the lock. Temporary files of writes cut short (``.upload-*``,
    never named by a row) older than that go too."""
    cutoff = time.time() - older_than.total_seconds()
    removed: list[str] = []
    with store() as session:
        for sha256 in files.written_before(cutoff):
            if discard_unreferenced(session, sha256, files):
                removed.append(sha256)
    leftovers = []
    for path in files.leftovers_before(cutoff):
        path.unlink(missing_ok=True)
        leftovers.append(path.name)
    return Swept(files=removed, leftovers=leftovers)


def document_list(session: Session, *, reference: str) -> list[DocumentRow]:
    return list(
        session.scalars(
            select(DocumentRow).where(DocumentRow.reference == reference).order_by(DocumentRow.id)
        )
    )


def read_document(
    session: Session, *, document_id: int, files: FileStore
) -> tuple[DocumentRow, bytes]:
    """The row and its bytes, checked against the stored hash.

    Raises :class:`DocumentNotFound` (no such document), :class:`DocumentAltered` (the file
    changed on disk) or FileNotFoundError (the file is missing from the store: a storage
    fault, not a refusal by a rule).
    """
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise DocumentNotFound(f"document {document_id} not found")
    try:
        return row, files.read(row.sha256)
    except FileIntegrityError as exc:
        raise DocumentAltered(f"document {document_id}: {exc}") from exc


def visible_document(
    session: Session, *, document_id: int, organisation: str | None, trader: bool
) -> DocumentRow:
    """The document if its declaration is visible to the reader
    (:func:`clearlane.intake.visible_declaration`); else :class:`DocumentNotFound`, the same
    refusal as for an id never used, so a trader never learns another organisation's
    document exists."""
    row = session.get(DocumentRow, document_id)
    if row is not None:
        try:
            visible_declaration(
                session, reference=row.reference, organisation=organisation, trader=trader
            )
        except DeclarationNotFound:
            row = None
    if row is None:
        raise DocumentNotFound(f"document {document_id} not found")
    return row
