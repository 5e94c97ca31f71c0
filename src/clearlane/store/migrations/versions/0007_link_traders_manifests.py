"""trader register (party records, clusters, mentions), transport documents, document links

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "trader_clusters",
        sa.Column("id", _ID, nullable=False),
        sa.Column("display_name", sa.String(length=512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trader_clusters")),
    )
    op.create_table(
        "party_records",
        sa.Column("id", _ID, nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("street", sa.String(length=512), nullable=True),
        sa.Column("city", sa.String(length=256), nullable=True),
        sa.Column("postcode", sa.String(length=32), nullable=True),
        sa.Column("region", sa.String(length=256), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("identifier", sa.String(length=64), nullable=True),
        sa.Column("identifier_key", sa.String(length=64), nullable=True),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("cluster_id", _ID, nullable=True),
        sa.Column("link_method", sa.String(length=16), nullable=True),
        sa.Column("linked_to", _ID, nullable=True),
        sa.Column("match_probability", sa.Float(), nullable=True),
        sa.Column("match_weight", sa.Float(), nullable=True),
        sa.Column("weights", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["trader_clusters.id"],
            name=op.f("fk_party_records_cluster_id_trader_clusters"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_records")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_party_records_content_sha256")),
    )
    with op.batch_alter_table("party_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_records_cluster_id"), ["cluster_id"])
        batch_op.create_index(batch_op.f("ix_party_records_identifier_key"), ["identifier_key"])
    op.create_table(
        "party_mentions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("source_ref", sa.String(length=128), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("party_record_id", _ID, nullable=False),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["party_record_id"],
            ["party_records.id"],
            name=op.f("fk_party_mentions_party_record_id_party_records"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_mentions")),
        sa.UniqueConstraint(
            "source", "source_ref", "role", name="uq_party_mentions_source_ref_role"
        ),
    )
    with op.batch_alter_table("party_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_mentions_party_record_id"), ["party_record_id"])
        batch_op.create_index(batch_op.f("ix_party_mentions_source_ref"), ["source_ref"])
    op.create_table(
        "transport_documents",
        sa.Column("id", _ID, nullable=False),
        sa.Column("document_number", sa.String(length=64), nullable=False),
        sa.Column("document_type", sa.String(length=16), nullable=True),
        sa.Column("declaration_reference", sa.String(length=64), nullable=True),
        sa.Column("carrier", sa.String(length=256), nullable=True),
        sa.Column("vessel_imo", sa.String(length=16), nullable=True),
        sa.Column("port_of_loading", sa.String(length=8), nullable=True),
        sa.Column("port_of_discharge", sa.String(length=8), nullable=True),
        sa.Column("departure_date", sa.Date(), nullable=True),
        sa.Column("arrival_date", sa.Date(), nullable=True),
        sa.Column("packages", sa.Integer(), nullable=True),
        sa.Column("gross_mass_kg", sa.Float(), nullable=True),
        sa.Column("containers", sa.JSON(), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("normalised", sa.JSON(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("original_format", sa.String(length=16), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("batch_id", _ID, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["ingest_batches.id"],
            name=op.f("fk_transport_documents_batch_id_ingest_batches"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transport_documents")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_transport_documents_content_sha256")),
    )
    with op.batch_alter_table("transport_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transport_documents_batch_id"), ["batch_id"])
        batch_op.create_index(
            batch_op.f("ix_transport_documents_declaration_reference"), ["declaration_reference"]
        )
        batch_op.create_index(
            batch_op.f("ix_transport_documents_document_number"), ["document_number"]
        )
    op.create_table(
        "document_links",
        sa.Column("id", _ID, nullable=False),
        sa.Column("declaration_reference", sa.String(length=64), nullable=False),
        sa.Column("transport_document_id", _ID, nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["transport_document_id"],
            ["transport_documents.id"],
            name=op.f("fk_document_links_transport_document_id_transport_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_links")),
        sa.UniqueConstraint(
            "declaration_reference", "transport_document_id", name="uq_document_links_pair"
        ),
    )
    with op.batch_alter_table("document_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_links_declaration_reference"), ["declaration_reference"]
        )
        batch_op.create_index(
            batch_op.f("ix_document_links_transport_document_id"), ["transport_document_id"]
        )


def downgrade() -> None:
    op.drop_table("document_links")
    op.drop_table("transport_documents")
    op.drop_table("party_mentions")
    op.drop_table("party_records")
    op.drop_table("trader_clusters")
