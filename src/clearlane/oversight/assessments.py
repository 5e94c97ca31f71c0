"""Stored assessments: what the engine proposed for a declaration, with its reasons, written
to the audit trail in the same transaction."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, cast

import pandas as pd
from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    Table,
    and_,
    bindparam,
    insert,
    select,
    tuple_,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.audit.chain import AuditEvent, append_many
from clearlane.frames import records_of
from clearlane.store.locks import write_lock
from clearlane.store.session import core_connection
from clearlane.store.tables import (
    DECLARATION_BASIS,
    PROVISIONAL_BASIS,
    AssessmentRow,
    DeclarationRow,
)

log = logging.getLogger("clearlane.oversight")
ASSESSMENTS = cast(Table, AssessmentRow.__table__)
DECLARATIONS = cast(Table, DeclarationRow.__table__)
ASSESSMENT_LOCK = "assessments"
COMPONENTS = ("rules", "anomaly", "model", "expected_revenue", "critical_score")


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value)
    return text or None


def _day(value: Any) -> date | None:
    if value is None or value is pd.NaT:
        return None
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def record_assessments(
    session: Session,
    *,
    routed: pd.DataFrame | Sequence[Mapping[str, Any]],
    actor: str,
    basis: str = DECLARATION_BASIS,
    if_unassessed: bool = False,
    hashes: Mapping[tuple[str, int], str] | None = None,
    written: dict[int, dict[str, Any]] | None = None,
) -> list[int]:
    """Store one assessment per row of ``routed`` (the output of
    :func:`clearlane.workflows.score_and_route`, or its rows as mappings) and audit each;
    returns the assessment id of each row, in row order.

    The audit entry holds the content hash of the declaration as stored, the model and profile
    versions, the score and its components, the reasons and the lane. A ``routing`` column of
    dicts (online routing: the cuts and where they came from) is kept in the components.

    A declaration version is assessed once per engine (``model_version``), rule profiles
    (``profile_version``) and ``basis`` (:class:`AssessmentRow`): a row whose assessment is
    already stored is not stored or audited again, and its id is that of the stored one, so
    two writers racing on the same declaration (the API and `clearlane train`'s pending step)
    both get the assessment that won. Check and write run under one lock in the caller's
    transaction (:func:`write_lock`: every assessment write is serialised by the audit head
    anyway, so one key loses no concurrency); a writer that skipped the lock meets
    ``uq_assessments_once``, and the rows are checked again.

    With ``if_unassessed`` (declarations waiting for their first assessment: API submissions,
    `clearlane train`'s pending step), a row whose declaration version already has an
    assessment on ``basis`` by any engine is not stored either; its id is the newest one's.
    On :data:`PROVISIONAL_BASIS` (the rules-only answer while no engine exists) it is any
    assessment on any basis: a provisional answer never follows an engine's assessment. An
    engine's first assessment (``declaration`` basis) ignores provisional ones: it supersedes
    them (a newer row), and they stay as history, with any decision taken on them.

    ``hashes``: the stored content hash of some (reference, version), when the caller has it
    (it just stored them); the others are read. ``written``: filled with the column values of
    each row this call stored, by id (the caller then need not read them back).
    """
    given = records_of(routed) if isinstance(routed, pd.DataFrame) else list(routed)
    if not given:
        return []
    write_lock(session, ASSESSMENT_LOCK)
    for attempt in range(2):
        try:
            with session.begin_nested():
                stored = _record(
                    session, given, actor=actor, basis=basis, if_unassessed=if_unassessed,
                    hashes=hashes, written=written,
                )  # fmt: skip
                return stored
        except IntegrityError:
            if written is not None:
                written.clear()  # rolled back: nothing of the first attempt stands
            if attempt:
                raise
            log.warning("an assessment was stored concurrently outside the lock: checking again")
    raise AssertionError("unreachable")


def versions_in(
    reference: SQLColumnExpression[str],
    version: SQLColumnExpression[int],
    pairs: Sequence[tuple[str, int]],
) -> ColumnElement[bool]:
    """(reference, version) in ``pairs``, with ``reference IN (...)`` beside the row-value IN:
    SQLite scans the whole table for a row-value IN alone, and searches the index of
    (reference, version) with the plain IN (tests/store/test_assessment_indexes.py)."""
    return and_(
        reference.in_(list(dict.fromkeys(r for r, _ in pairs))),
        tuple_(reference, version).in_(list(pairs)),
    )


AssessmentKey = tuple[str, int, str | None, str | None]  # reference, version, model, profiles

# The assessments of some (reference, version) pairs, built once: every submission reads them
# twice (before and under the lock), and building the statement cost more than running it.
_STORED_ANY_BASIS = (
    select(ASSESSMENTS.c.id, ASSESSMENTS.c.reference, ASSESSMENTS.c.version,
           ASSESSMENTS.c.model_version, ASSESSMENTS.c.profile_version, ASSESSMENTS.c.basis)
    .where(
        ASSESSMENTS.c.reference.in_(bindparam("references", expanding=True)),
        tuple_(ASSESSMENTS.c.reference, ASSESSMENTS.c.version).in_(
            bindparam("pairs", expanding=True)
        ),
    )
    .order_by(ASSESSMENTS.c.id)
)  # fmt: skip
_STORED_ON_BASIS = _STORED_ANY_BASIS.where(ASSESSMENTS.c.basis == bindparam("basis"))
_INSERT_RETURNING_IDS = insert(ASSESSMENTS).returning(
    ASSESSMENTS.c.id, sort_by_parameter_order=True
)


def assessment_key(row: Mapping[str, Any]) -> AssessmentKey:
    """The key a row of assessments is stored under (with its basis)."""
    return (
        str(row["reference"]),
        int(row["version"]),
        _text(row.get("model_version")),
        _text(row.get("profile_version")),
    )


def stored_assessments(
    session: Session, keys: Sequence[AssessmentKey], basis: str, *, any_engine: bool
) -> dict[AssessmentKey, int]:
    """The id of the first stored assessment of each key on ``basis``; with ``any_engine``,
    of each key whose declaration version has one by any engine on ``basis``, the newest
    one's (on :data:`PROVISIONAL_BASIS`: the newest on any basis, the one in force, even when
    the key's own provisional one is stored). Keys with none are absent.

    A read without a lock: writers call it first to skip work, and
    :func:`record_assessments` checks again under the lock before it writes."""
    found: dict[AssessmentKey, int] = {}
    newest: dict[tuple[str, int], int] = {}
    any_basis = any_engine and basis == PROVISIONAL_BASIS
    pairs = list(dict.fromkeys((key[0], key[1]) for key in keys))
    connection = core_connection(session)  # Core rows: not the ORM's execute path
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        query = _STORED_ANY_BASIS
        params: dict[str, Any] = {
            "references": list(dict.fromkeys(r for r, _ in chunk)),
            "pairs": chunk,
        }
        if not any_basis:
            query, params["basis"] = _STORED_ON_BASIS, basis
        for (
            row_id,
            reference,
            version,
            model_version,
            profile_version,
            row_basis,
        ) in connection.execute(query, params):
            pair = (str(reference), int(version))
            if row_basis == basis:
                found.setdefault((*pair, model_version, profile_version), int(row_id))
            newest[pair] = int(row_id)
    if any_engine:
        for key in keys:
            pair = (key[0], key[1])
            if pair in newest and (any_basis or key not in found):
                found[key] = newest[pair]  # any basis: the one in force (an engine's, if any)
    return found


def _record(
    session: Session,
    given: Sequence[Mapping[str, Any]],
    *,
    actor: str,
    basis: str,
    if_unassessed: bool,
    hashes: Mapping[tuple[str, int], str] | None = None,
    written: dict[int, dict[str, Any]] | None = None,
) -> list[int]:
    keys = [assessment_key(row) for row in given]
    stored = stored_assessments(session, keys, basis, any_engine=if_unassessed)
    new: list[int] = []  # rows to store: not stored yet, first of their key in ``given``
    seen = set(stored)
    for i, key in enumerate(keys):
        if key not in seen:
            seen.add(key)
            new.append(i)
    known = hashes or {}
    content: dict[tuple[str, int], str] = {
        k[:2]: known[k[:2]] for k in (keys[i] for i in new) if k[:2] in known
    }
    pairs = [k for k in dict.fromkeys(keys[i][:2] for i in new) if k not in content]
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        rows = session.execute(
            select(
                DeclarationRow.reference, DeclarationRow.version, DeclarationRow.content_sha256
            ).where(versions_in(DECLARATIONS.c.reference, DECLARATIONS.c.version, chunk))
        )
        content.update({(r, int(v)): h for r, v, h in rows})
    now = datetime.now(UTC)
    records: list[dict[str, Any]] = []
    events: list[AuditEvent] = []
    for i in new:
        (reference, version, model_version, profile_version), row = keys[i], given[i]
        components = {name: _number(row.get(name)) for name in COMPONENTS}
        reasons = row.get("reasons")
        # None: not computed with the score (`clearlane score --reasons flagged` leaves a
        # green row's for the officer who opens it, see REASONS_DEFERRED)
        deferred = reasons is None
        reasons = list(reasons) if isinstance(reasons, list | tuple) else []
        rank = _number(row.get("rank"))
        record = {
            "reference": reference,
            "version": version,
            "assessed_at": now,
            "declaration_date": _day(row.get("declaration_date")),
            "office": _text(row.get("office")),
            "input_sha256": content.get((reference, version)),
            "model_version": model_version,
            "basis": basis,
            "profile_version": profile_version,
            "score": float(row["score"]),
            "lane": str(row["lane"]),
            "selection_reason": _text(row.get("selection_reason")),
            "rank": int(rank) if rank is not None else None,
            "components": {
                **components,
                "profiles_hit": _text(row.get("profiles_hit")),
                "missing_fields": _text(row.get("missing_fields")),
                "notes": _text(row.get("notes")),
                **({"routing": row["routing"]} if isinstance(row.get("routing"), dict) else {}),
                **({REASONS_DEFERRED: True} if deferred else {}),
            },
            "reasons": reasons,
        }
        records.append(record)
        events.append(
            AuditEvent(
                kind="assessment",
                actor=actor,
                subject=f"declaration:{reference}",
                payload={
                    "version": version,
                    "input_sha256": record["input_sha256"],
                    "model_version": model_version,
                    **({"basis": basis} if basis != DECLARATION_BASIS else {}),
                    "profile_version": record["profile_version"],
                    "score": record["score"],
                    "components": record["components"],
                    "reasons": reasons,
                    "lane": record["lane"],
                    "selection_reason": record["selection_reason"],
                },
            )
        )
    if records:
        seqs = append_many(session, events)
        for record, seq in zip(records, seqs, strict=True):
            record["audit_seq"] = seq
        ids = [
            int(row_id)
            for row_id in core_connection(session).execute(_INSERT_RETURNING_IDS, records).scalars()
        ]
        stored.update({keys[i]: row_id for i, row_id in zip(new, ids, strict=True)})
        if written is not None:
            written.update(zip(ids, records, strict=True))
    return [stored[key] for key in keys]


#: The components key of an assessment stored without its reasons (``reasons`` is then []):
#: they were not computed with the score, and are computed from the declaration when an
#: officer opens it (:func:`clearlane.api.declarations.service.reasons_on_demand`).
REASONS_DEFERRED = "reasons_deferred"


def latest_assessment(
    session: Session, *, reference: str, version: int | None = None
) -> AssessmentRow | None:
    """The newest assessment of a declaration (of its newest assessed version by default)."""
    query = select(AssessmentRow).where(AssessmentRow.reference == reference)
    if version is not None:
        query = query.where(AssessmentRow.version == version)
    query = query.order_by(AssessmentRow.version.desc(), AssessmentRow.id.desc()).limit(1)
    return session.scalars(query).first()
