"""Persistence model. Kept apart from the domain schemas (core/schema) and from API DTOs.

Declarations are stored twice over: the normalised record (JSON of the Pydantic model, plus
the columns analysis queries need) and the ORIGINAL text exactly as received, so officers can
see both side by side. Every amendment is a new row (reference, version); nothing is updated
in place.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# What an assessment of a declaration version as stored is based on (AssessmentRow.basis).
DECLARATION_BASIS = "declaration"
# A rules-only answer given while no engine exists yet (the fallback is being fitted): in force
# until an engine assesses the declaration on DECLARATION_BASIS, then history.
PROVISIONAL_BASIS = "provisional"

# BIGINT on PostgreSQL, INTEGER (the rowid alias) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class IngestBatch(Base):
    """One run of `clearlane ingest` over one file; counts are committed with each chunk."""

    __tablename__ = "ingest_batches"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    source: Mapped[str] = mapped_column(String(1024))
    source_sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # running, done, rejected, failed, interrupted
    received: Mapped[int] = mapped_column(Integer, default=0)
    stored_new: Mapped[int] = mapped_column(Integer, default=0)
    stored_amended: Mapped[int] = mapped_column(Integer, default=0)
    stored_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    controls_stored: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)


class DeclarationRow(Base):
    __tablename__ = "declarations"
    __table_args__ = (UniqueConstraint("reference", "version", name="uq_declarations_ref_version"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    # Looked up by the unique (reference, version) index: no index of its own (0011).
    reference: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    declaration_date: Mapped[date] = mapped_column(Date, index=True)
    office: Mapped[str | None] = mapped_column(String(32), index=True)
    declarant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    importer_id: Mapped[str | None] = mapped_column(String(64), index=True)
    country_dispatch: Mapped[str | None] = mapped_column(String(2))
    transport_mode: Mapped[str | None] = mapped_column(String(2))
    n_items: Mapped[int] = mapped_column(Integer)
    total_duty: Mapped[float] = mapped_column(Float)
    content_sha256: Mapped[str] = mapped_column(String(64))
    normalised: Mapped[dict] = mapped_column(JSON)
    original: Mapped[str] = mapped_column(Text)
    original_format: Mapped[str] = mapped_column(String(16))
    source_location: Mapped[str] = mapped_column(String(1024))
    warnings: Mapped[list | None] = mapped_column(JSON)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"), index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GoodsItemRow(Base):
    """One goods item, keyed by its declaration's (reference, version)."""

    __tablename__ = "goods_items"
    __table_args__ = (
        ForeignKeyConstraint(
            ["reference", "version"],
            ["declarations.reference", "declarations.version"],
            name="fk_goods_items_declaration",
        ),
        Index("ix_goods_items_declaration", "reference", "version"),
        Index("ix_goods_items_hs6_origin", "hs6", "origin_country"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    hs_code: Mapped[str] = mapped_column(String(10))
    hs6: Mapped[str] = mapped_column(String(6))
    description: Mapped[str | None] = mapped_column(Text)
    origin_country: Mapped[str | None] = mapped_column(String(2))
    quantity: Mapped[float | None] = mapped_column(Float)
    quantity_unit: Mapped[str | None] = mapped_column(String(8))
    net_mass_kg: Mapped[float | None] = mapped_column(Float)
    gross_mass_kg: Mapped[float | None] = mapped_column(Float)
    item_value: Mapped[float | None] = mapped_column(Float)
    customs_value: Mapped[float | None] = mapped_column(Float)
    duty_rate: Mapped[float | None] = mapped_column(Float)
    duty_amount: Mapped[float | None] = mapped_column(Float)
    tax_amount: Mapped[float | None] = mapped_column(Float)


class ControlResultRow(Base):
    __tablename__ = "control_results"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    declaration_reference: Mapped[str] = mapped_column(String(64), index=True)
    declaration_version: Mapped[int | None] = mapped_column(Integer)
    control_type: Mapped[str] = mapped_column(String(32))
    selection_reason: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    irregularities: Mapped[list] = mapped_column(JSON)
    extra_duty: Mapped[float] = mapped_column(Float)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    payload: Mapped[dict] = mapped_column(JSON)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_batches.id"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class QuarantineRow(Base):
    """A rejected record with its reasons; ``raw`` is the record as received (nothing lost)."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(1024))
    location: Mapped[str] = mapped_column(String(1024))
    reference: Mapped[str | None] = mapped_column(String(256), index=True)
    reason_codes: Mapped[str] = mapped_column(String(1024))  # comma-separated, for filtering
    reasons: Mapped[list] = mapped_column(JSON)  # [{reason, field, message, severity}]
    raw: Mapped[str] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RiskProfileRow(Base):
    """One version of one risk profile. Rows are never updated: a change, a retirement, is a new
    version, so the set of profiles in force on any past day can be rebuilt."""

    __tablename__ = "risk_profiles"
    __table_args__ = (
        UniqueConstraint("profile_id", "version", name="uq_risk_profiles_id_version"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    profile_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # active | retired
    definition: Mapped[dict] = mapped_column(JSON)
    content_sha256: Mapped[str] = mapped_column(String(64))
    changed_by: Mapped[str] = mapped_column(String(128))
    change_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditEntryRow(Base):
    """One entry of the append-only, hash-chained audit trail (see :mod:`clearlane.audit`).

    ``payload`` is canonical JSON text (not a JSON column) so that the bytes hashed are the
    bytes stored. No code path updates or deletes a row; triggers refuse it in the database.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    recorded_at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, hashed as written
    kind: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    subject: Mapped[str] = mapped_column(String(256), index=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), index=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditHeadRow(Base):
    """The chain's head (one row): bumped in the same transaction as every append, which
    serialises writers and lets `audit verify` notice a truncated chain."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class AssessmentRow(Base):
    """A stored risk assessment with its lane and reasons, as the officer saw it.

    One declaration version is assessed once by one engine (``model_version``) with one set of
    rule profiles (``profile_version``) on one ``basis``: ``declaration`` for its assessment as
    submitted or loaded (the API, `clearlane train`'s pending step, `clearlane score`, the
    demo), ``document:<id>`` for the reassessment once document ``id`` was read,
    ``provisional`` for the rules-only answer given while no engine existed yet (its
    ``model_version`` is ``rules:<profile version>``). A new champion, new profiles or a new
    document add a row (history, the newest id in force); the same engine and profiles on the
    same basis again do not (``uq_assessments_once``, migration 0012;
    :func:`clearlane.oversight.record_assessments` returns the row stored first). The index
    takes ``coalesce(profile_version, '')``, so scoring without profiles (NULL) is covered
    too; a NULL ``model_version`` (an engine never registered) is not covered by the index,
    only by the writer's check.

    The index's leading (reference, version) serves every look-up of a declaration version's
    assessments, so there is no separate index on them (dropped by migration 0012)."""

    __tablename__ = "assessments"
    __table_args__ = (
        # online routing reads an office's newest scores; the queue ranks by score
        Index("ix_assessments_office_id", "office", "id"),
        Index("ix_assessments_score", "score"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    assessed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    declaration_date: Mapped[date | None] = mapped_column(Date, index=True)
    office: Mapped[str | None] = mapped_column(String(32))
    input_sha256: Mapped[str | None] = mapped_column(String(64))
    model_version: Mapped[str | None] = mapped_column(String(128))
    basis: Mapped[str] = mapped_column(
        String(64), default=DECLARATION_BASIS, server_default=DECLARATION_BASIS
    )
    profile_version: Mapped[str | None] = mapped_column(String(128))
    score: Mapped[float] = mapped_column(Float)
    lane: Mapped[str] = mapped_column(String(8), index=True)
    selection_reason: Mapped[str | None] = mapped_column(String(16))
    rank: Mapped[int | None] = mapped_column(Integer)
    components: Mapped[dict] = mapped_column(JSON)
    reasons: Mapped[list] = mapped_column(JSON)
    audit_seq: Mapped[int] = mapped_column(BigInteger)


Index(
    "uq_assessments_once",
    AssessmentRow.reference,
    AssessmentRow.version,
    AssessmentRow.model_version,
    AssessmentRow.basis,
    func.coalesce(AssessmentRow.profile_version, ""),
    unique=True,
)


class DecisionRow(Base):
    """An officer's decision on an assessed declaration: accept the proposed lane or override
    it (with a justification). A change of decision is a new row that supersedes the old."""

    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_declaration", "reference", "version"),
        # each decision superseded at most once: the history stays one line (migration 0015)
        Index("uq_decisions_supersedes", "supersedes_id", unique=True),
        # one first decision per declaration version; the rest are changes (migration 0017)
        Index(
            "uq_decisions_first",
            "reference",
            "version",
            unique=True,
            sqlite_where=text("supersedes_id IS NULL"),
            postgresql_where=text("supersedes_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # accept | override
    proposed_lane: Mapped[str] = mapped_column(String(8))
    lane: Mapped[str] = mapped_column(String(8))
    justification: Mapped[str | None] = mapped_column(Text)
    officer: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    audit_seq: Mapped[int] = mapped_column(BigInteger)


class UserRow(Base):
    """A person who signs in. Traders belong to an organisation (their EORI or trader id): they
    see declarations where it is the declarant or the importer, nothing else."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    organisation: Mapped[str | None] = mapped_column(String(64), index=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserSessionRow(Base):
    """One signed-in session (web cookie) or API token, so that it can be ended server-side:
    signing out revokes it; disabling a user or changing their password revokes all of theirs.
    Tokens and cookies carry the ``sid``; a request is honoured only while its row is live."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # session | access
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class DocumentRow(Base):
    """A file attached to a declaration; the bytes live in the file store under their SHA-256."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(256))
    content_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MessageRow(Base):
    """One message in a declaration's thread between customs and the declarant."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), index=True)
    author: Mapped[str] = mapped_column(String(64))
    author_role: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OfficeCapacityRow(Base):
    """Capacity and random-control share of one office, versioned: the newest row is in force."""

    __tablename__ = "office_capacity"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    office: Mapped[str] = mapped_column(String(32), index=True)
    red_share: Mapped[float] = mapped_column(Float)
    yellow_share: Mapped[float] = mapped_column(Float)
    random_share: Mapped[float] = mapped_column(Float)
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TraderClusterRow(Base):
    """One trader in the register: a cluster of party records judged the same party.

    Ids are handed out once and never renumbered; records join a cluster, never leave it."""

    __tablename__ = "trader_clusters"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PartyRecordRow(Base):
    """One distinct way a party was written (name, address, identifier), from any source."""

    __tablename__ = "party_records"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(512))
    street: Mapped[str | None] = mapped_column(String(512))
    city: Mapped[str | None] = mapped_column(String(256))
    postcode: Mapped[str | None] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(String(256))
    country: Mapped[str | None] = mapped_column(String(2))
    identifier: Mapped[str | None] = mapped_column(String(64))
    identifier_key: Mapped[str | None] = mapped_column(String(64), index=True)
    first_seen: Mapped[date | None] = mapped_column(Date)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("trader_clusters.id"), index=True)
    # how the record joined its cluster: identifier | probabilistic | new
    link_method: Mapped[str | None] = mapped_column(String(16))
    linked_to: Mapped[int | None] = mapped_column(Id)  # the party record it matched
    match_probability: Mapped[float | None] = mapped_column(Float)
    match_weight: Mapped[float | None] = mapped_column(Float)
    weights: Mapped[dict | None] = mapped_column(JSON)  # field -> weight, sums to match_weight
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PartyMentionRow(Base):
    """A party record named in a source document in a role (importer, consignee, ...)."""

    __tablename__ = "party_mentions"
    __table_args__ = (
        UniqueConstraint("source", "source_ref", "role", name="uq_party_mentions_source_ref_role"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # declaration | manifest
    source_ref: Mapped[str] = mapped_column(String(128), index=True)
    role: Mapped[str] = mapped_column(String(16))
    party_record_id: Mapped[int] = mapped_column(ForeignKey("party_records.id"), index=True)
    seen_on: Mapped[date | None] = mapped_column(Date)


class TransportDocumentRow(Base):
    """A transport document (bill of lading, air waybill, eBL) from a manifest feed."""

    __tablename__ = "transport_documents"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    document_number: Mapped[str] = mapped_column(String(64), index=True)
    document_type: Mapped[str | None] = mapped_column(String(16))
    declaration_reference: Mapped[str | None] = mapped_column(String(64), index=True)
    carrier: Mapped[str | None] = mapped_column(String(256))
    vessel_imo: Mapped[str | None] = mapped_column(String(16))
    port_of_loading: Mapped[str | None] = mapped_column(String(8))
    port_of_discharge: Mapped[str | None] = mapped_column(String(8))
    departure_date: Mapped[date | None] = mapped_column(Date)
    arrival_date: Mapped[date | None] = mapped_column(Date)
    packages: Mapped[int | None] = mapped_column(Integer)
    gross_mass_kg: Mapped[float | None] = mapped_column(Float)
    containers: Mapped[list] = mapped_column(JSON)
    parties: Mapped[dict] = mapped_column(JSON)  # role -> {name, country, id, address...}
    normalised: Mapped[dict] = mapped_column(JSON)
    original: Mapped[str] = mapped_column(Text)
    original_format: Mapped[str] = mapped_column(String(16))
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batches.id"), index=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentLinkRow(Base):
    """A declaration linked to a transport document, with the evidence for the link."""

    __tablename__ = "document_links"
    __table_args__ = (
        UniqueConstraint(
            "declaration_reference", "transport_document_id", name="uq_document_links_pair"
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    declaration_reference: Mapped[str] = mapped_column(String(64), index=True)
    transport_document_id: Mapped[int] = mapped_column(
        ForeignKey("transport_documents.id"), index=True
    )
    method: Mapped[str] = mapped_column(String(16))  # document_number | containers | parties
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentExtractionRow(Base):
    """What was read from one attached document (an invoice), and its cross-check with the
    declaration: written 'pending' with the upload, then 'done' or 'failed' by the background
    extraction."""

    __tablename__ = "document_extractions"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    reference: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))  # pending, done, failed
    error: Mapped[str | None] = mapped_column(Text)
    method: Mapped[str | None] = mapped_column(String(8))  # xml, text, ocr
    pages: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[float | None] = mapped_column(Float)
    extraction: Mapped[dict | None] = mapped_column(JSON)
    discrepancies: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class HsCheckRow(Base):
    """The HS check of one (goods description, declared code), computed once and reused by
    every declaration that repeats them (``clearlane.features.facts``): plausibility, the
    best-fitting code, the reason when low, and the top suggestions with their citations."""

    __tablename__ = "hs_checks"
    __table_args__ = (UniqueConstraint("description_sha256", "declared_code", "model"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    description_sha256: Mapped[str] = mapped_column(String(64))
    declared_code: Mapped[str] = mapped_column(String(16))
    model: Mapped[str] = mapped_column(String(64))  # HSModel.ranking_key()
    description: Mapped[str] = mapped_column(Text)
    plausibility: Mapped[float | None] = mapped_column(Float)
    best_code: Mapped[str | None] = mapped_column(String(16))
    reason_code: Mapped[str | None] = mapped_column(String(48))
    reason: Mapped[str | None] = mapped_column(Text)
    suggestions: Mapped[list | None] = mapped_column(JSON)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HsRankingRow(Base):
    """One goods description's HS ranking (``clearlane.hs.model.HSModel.rank``: the candidate
    subheadings, best first, and their scores), kept for every process of the store: a check
    of the same description under another declared code among those candidates is made from
    it instead of ranking the description again (``clearlane.features.facts``). Keyed by the
    hash of the normalised text the model ranks and the ranking key; ``scores`` hold the float64
    values as computed (JSON numbers read back to the same bits)."""

    __tablename__ = "hs_rankings"
    __table_args__ = (UniqueConstraint("text_sha256", "model"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    text_sha256: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(64))  # HSModel.ranking_key()
    codes: Mapped[list] = mapped_column(JSON)  # HS 2022 subheadings, best first
    scores: Mapped[list] = mapped_column(JSON)
    ranked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IdempotencyKeyRow(Base):
    """The first answer to a creating request sent with an ``Idempotency-Key`` header
    (``clearlane.api.idempotency``): a repeat of the request with the same key by the same user
    is answered from here instead of creating again. ``request_sha256`` fingerprints what was
    asked (method, path and the request as validated), so the key reused for another request is
    refused. ``uq_idempotency_keys_user_key`` (migration 0018): of two writers of one user's key,
    one stores, even one that did not take the key's lock."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("username", "key", name="uq_idempotency_keys_user_key"),
        Index("ix_idempotency_keys_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(255))
    request_sha256: Mapped[str] = mapped_column(String(64))
    # migration 0019: a key is claimed (its row stored and committed, these three NULL) before
    # the request runs, and completed with its answer in the request's own transaction; a
    # repeat that finds it claimed but not completed is 409 (in progress)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # when the key was claimed: it expires CLEARLANE_IDEMPOTENCY_HOURS later (the index: purge)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # migration 0020: a random token per claim (a new one when an abandoned or expired claim is
    # taken over): the claiming request completes or releases the row only while it still holds
    # this token, not by ``created_at`` (a clock that reads one time twice) nor by ``id`` (the
    # same row when taken over; SQLite reuses the largest id once its row is deleted)
    claim_token: Mapped[str | None] = mapped_column(String(32), nullable=True)
