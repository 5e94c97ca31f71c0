"""Audit-trail DTOs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class AuditEntryRead(BaseModel):
    seq: int = Field(description="position in the chain, from 1")
    recorded_at: str = Field(description="ISO 8601 UTC, exactly as hashed")
    kind: str
    actor: str
    subject: str
    payload: Any
    hash: str


class AuditPage(BaseModel):
    data: list[AuditEntryRead] = Field(description="newest first")
    count: int
    next_before: int | None = Field(
        description="pass as `before` for the next (older) page; None on the last page"
    )


class DeclarationTrail(BaseModel):
    reference: str
    data: list[AuditEntryRead] = Field(description="oldest first")
    count: int


class HeadRead(BaseModel):
    seq: int = Field(description="sequence number of the newest entry (0: empty trail)")
    hash: str = Field(description="its hash: publish it to detect later rewriting")


class VerifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    head_hash: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="a head published earlier; the chain must still contain it",
    )


class FindingRead(BaseModel):
    problem: Literal["altered", "deleted", "inserted", "reordered", "truncated", "head_unknown"]
    seq: int | None
    message: str


class VerdictRead(BaseModel):
    ok: bool
    entries: int
    last_seq: int
    last_hash: str
    finding: FindingRead | None
    head_checked: str | None
    summary: str
