"""The refusals of the intake domain functions, without the web server: who may see a
declaration (one rule for the API, the pages and the CLI) and what a racing submission gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

import clearlane.ingest.pipeline
import clearlane.intake
from clearlane.casework import DocumentNotFound, attach_document, visible_document
from clearlane.errors import DomainError
from clearlane.intake import (
    ConcurrentSubmission,
    Quarantined,
    submit_declarations,
    visible_declaration,
)
from clearlane.oversight.controls import DeclarationNotFound
from clearlane.store.files import FileStore
from tests.factories import declaration, item

KEY = b"refusals-test"


def _stored(store: sessionmaker[Session], reference: str) -> None:
    (result,) = submit_declarations(
        [declaration(reference)], source="notebook", engine=None, key=KEY, session_factory=store
    )
    assert result.stored


def test_a_trader_sees_only_declarations_naming_their_organisation(
    store: sessionmaker[Session],
) -> None:
    _stored(store, "V-1")  # declarant BRK1, importer IMP1
    with store() as session:
        for organisation in ("BRK1", "IMP1"):
            row = visible_declaration(
                session, reference="V-1", organisation=organisation, trader=True
            )
            assert row.reference == "V-1"
        assert visible_declaration(session, reference="V-1", organisation=None, trader=False)
        refusals = []
        for organisation, reference in (("OTHER", "V-1"), (None, "V-1"), ("BRK1", "NOPE")):
            with pytest.raises(DeclarationNotFound) as caught:
                visible_declaration(
                    session, reference=reference, organisation=organisation, trader=True
                )
            refusals.append((caught.value.kind, str(caught.value)))
    # another organisation's declaration is refused exactly like one never stored
    assert refusals == [
        ("not_found", "declaration 'V-1' not found"),
        ("not_found", "declaration 'V-1' not found"),
        ("not_found", "declaration 'NOPE' not found"),
    ]


def test_a_document_of_another_organisation_is_refused_like_a_missing_one(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    _stored(store, "V-2")
    files = FileStore(tmp_path / "files")
    with store() as session, session.begin():
        document = attach_document(
            session,
            reference="V-2",
            filename="notes.txt",
            content_type="text/plain",
            data=b"declared value 10",
            files=files,
            uploaded_by="officer1",
        )
        document_id = document.id
    with store() as session:
        mine = visible_document(session, document_id=document_id, organisation="IMP1", trader=True)
        assert mine.id == document_id
        messages = []
        for organisation, wanted in (("OTHER", document_id), ("IMP1", document_id + 1000)):
            with pytest.raises(DocumentNotFound) as caught:
                visible_document(
                    session, document_id=wanted, organisation=organisation, trader=True
                )
            messages.append(str(caught.value).replace(str(wanted), "N"))
    assert messages == ["document N not found", "document N not found"]


def test_a_submission_losing_a_write_race_is_a_conflict(
    store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    def racing(*args: object, **kwargs: object) -> None:
        raise IntegrityError("INSERT INTO declarations", {}, Exception("unique violation"))

    monkeypatch.setattr(clearlane.intake, "ingest_records", racing)
    with pytest.raises(ConcurrentSubmission) as caught:
        submit_declarations(
            [declaration("V-3")], source="notebook", engine=None, key=KEY, session_factory=store
        )
    assert caught.value.kind == "conflict" and "submit it again" in str(caught.value)


def test_a_submission_whose_rows_another_committed_first_is_a_conflict(
    store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race itself, not a stand-in: another request stored V-5 after this one read its
    versions (none). The unique key refuses the insert; on PostgreSQL the rows go by COPY
    (psycopg's own error, which was no SQLAlchemy IntegrityError: a 500, not a conflict)."""
    _stored(store, "V-5")
    monkeypatch.setattr(
        clearlane.ingest.pipeline._Writer, "_existing_versions", lambda self, references: {}
    )
    with pytest.raises(ConcurrentSubmission):
        submit_declarations(
            [declaration("V-5")], source="notebook", engine=None, key=KEY, session_factory=store
        )


def test_a_quarantined_declaration_names_each_field_at_fault(
    store: sessionmaker[Session],
) -> None:
    (result,) = submit_declarations(
        [declaration("V-4", items=[item(hs_code="1")])],
        source="notebook",
        engine=None,
        key=KEY,
        session_factory=store,
    )
    refusal = Quarantined(result)
    assert isinstance(refusal, DomainError) and refusal.kind == "invalid"
    assert str(refusal).startswith("the declaration was rejected and kept in quarantine")
    assert any("hs_code" in error["field"] for error in refusal.field_errors())
