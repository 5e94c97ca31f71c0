"""Documents (content-addressed file store) and message threads, with their audit entries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit import trail
from clearlane.casework import (
    DocumentError,
    MessageError,
    attach_document,
    check_content,
    document_list,
    message_count,
    messages,
    post_message,
    read_document,
)
from clearlane.ingest.pipeline import ingest_file
from clearlane.oversight import DeclarationNotFound
from clearlane.store.files import FileIntegrityError, FileStore
from tests.factories import declaration, write_jsonl

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def stored(sqlite_store: sessionmaker[Session], tmp_path: Path) -> sessionmaker[Session]:
    records = [declaration("K-1"), declaration("K-2")]
    ingest_file(write_jsonl(tmp_path / "d.jsonl", records), session_factory=sqlite_store)
    return sqlite_store


def test_file_store_is_content_addressed_and_refuses_changed_files(tmp_path: Path) -> None:
    files = FileStore(tmp_path / "files")
    sha = files.put(b"hello")
    assert files.put(b"hello") == sha and files.read(sha) == b"hello"
    assert not list((tmp_path / "files").rglob(".upload-*"))  # no temporary file left behind
    path = files.path_of(sha)
    os.chmod(path, 0o644)
    path.write_bytes(b"HELLO")
    with pytest.raises(FileIntegrityError, match="changed on disk"):
        files.read(sha)
    assert files.put(b"hello") == sha and files.read(sha) == b"hello"  # repaired by re-upload
    with pytest.raises(ValueError, match="not a SHA-256"):
        files.path_of("../../etc/passwd")


def test_documents_are_stored_listed_read_and_audited(
    stored: sessionmaker[Session], tmp_path: Path
) -> None:
    files = FileStore(tmp_path / "files")
    with stored() as session, session.begin():
        row = attach_document(
            session,
            reference="K-1",
            filename="C:\\scans\\invoice\x00.pdf",
            content_type="application/pdf",
            data=PDF,
            uploaded_by="trader1",
            files=files,
        )
    assert row.filename == "invoice.pdf" and row.size == len(PDF)
    with stored() as session:
        assert [d.id for d in document_list(session, reference="K-1")] == [row.id]
        again, data = read_document(session, document_id=row.id, files=files)
        kinds = [e["kind"] for e in trail(session, subject="declaration:K-1")]
    assert data == PDF and again.sha256 == row.sha256
    assert "document" in kinds


@pytest.mark.parametrize(
    ("data", "content_type", "problem"),
    [
        (b"not a pdf", "application/pdf", "not a application/pdf"),
        (b"{broken", "application/json", "not valid JSON"),
        (b"<a><b></a>", "application/xml", "not well-formed XML"),
        (b"abc\x00def", "text/plain", "binary data"),
        (b"\xff\xfe bad", "text/csv", "UTF-8"),
    ],
)
def test_content_must_be_what_its_type_says(data: bytes, content_type: str, problem: str) -> None:
    assert problem in (check_content(data, content_type) or "")


def test_empty_documents_and_unknown_declarations_are_refused(
    stored: sessionmaker[Session], tmp_path: Path
) -> None:
    files = FileStore(tmp_path / "files")
    with stored() as session:
        with pytest.raises(DocumentError, match="empty"):
            attach_document(
                session, reference="K-1", filename="a.txt", content_type="text/plain",
                data=b"", uploaded_by="x", files=files,
            )  # fmt: skip
        with pytest.raises(DeclarationNotFound):
            attach_document(
                session, reference="NOPE", filename="a.txt", content_type="text/plain",
                data=b"a", uploaded_by="x", files=files,
            )  # fmt: skip


def test_messages_form_a_thread_and_may_cite_a_document_of_the_same_declaration(
    stored: sessionmaker[Session], tmp_path: Path
) -> None:
    files = FileStore(tmp_path / "files")
    with stored() as session, session.begin():
        other = attach_document(
            session, reference="K-2", filename="x.pdf", content_type="application/pdf",
            data=PDF, uploaded_by="o", files=files,
        )  # fmt: skip
        mine = attach_document(
            session, reference="K-1", filename="x.pdf", content_type="application/pdf",
            data=PDF, uploaded_by="o", files=files,
        )  # fmt: skip
        post_message(
            session, reference="K-1", author="officer1", author_role="officer",
            body="  Please send the invoice.  ",
        )  # fmt: skip
        post_message(
            session, reference="K-1", author="trader1", author_role="trader",
            body="Attached.", document_id=mine.id,
        )  # fmt: skip
    with stored() as session:
        thread = messages(session, reference="K-1")
        assert [m.body for m in thread] == ["Please send the invoice.", "Attached."]
        assert thread[1].document_id == mine.id and message_count(session, reference="K-1") == 2
        audited = [e for e in trail(session, subject="declaration:K-1") if e["kind"] == "message"]
        assert len(audited) == 2 and "body" not in audited[0]["payload"]
        with pytest.raises(MessageError, match="document_id"):
            post_message(
                session, reference="K-1", author="t", author_role="trader", body="hi",
                document_id=other.id,
            )  # fmt: skip
        with pytest.raises(MessageError, match="empty"):
            post_message(session, reference="K-1", author="t", author_role="trader", body="  ")
