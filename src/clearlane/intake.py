"""Declarations as they arrive, one or a few at a time (the API's submit path; a notebook can
call it too): ingest, assess with the engine, route online, store the assessment.

1. :func:`clearlane.ingest.pipeline.ingest_records` stores each declaration exactly as a file
   ingest would (normalised + original text, content hash, versions) or quarantines it with
   its reasons;
2. the stored ones are assessed by the engine (with the active profiles);
3. each is routed on its own by :func:`clearlane.selection.online.route_online` (a day's batch
   is not in hand, so capacity is applied through score cuts from the recent traffic), and
   the reasons behind the score are computed for those routed yellow, red or blue only, as
   ``clearlane score --reasons flagged`` does: a green one's are computed when an officer
   opens it (the assessment is stored with ``components["reasons_deferred"]``);
4. the assessments are stored and audited in one transaction
   (:func:`clearlane.oversight.record_assessments`).

Without an engine (nothing trained yet) or when assessing fails, the declarations stay stored
and are reported ``pending``: nothing is lost, and :func:`assess_pending` assesses them later.
Meanwhile :func:`assess_provisionally` can give them a rules-only lane (the API does while the
fallback champion is fitted): stored on the ``provisional`` basis, superseded by the engine's
first assessment. A declaration resubmitted unchanged keeps the assessment it already has.

Every writer reads first which declarations are assessed already and scores only the others
(:func:`clearlane.oversight.assessments.stored_assessments`); the check under the lock in
:func:`record_assessments` still decides when two writers race.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import Declaration
from clearlane.core.validation import validate_declaration
from clearlane.core.validation.declaration import revalidated
from clearlane.errors import Conflict, FieldError, Forbidden, Invalid
from clearlane.features.facts import (
    Facts,
    facts_columns,
    facts_frame,
    gather_facts,
    remember_hs_checks,
    store_hs_checks,
)
from clearlane.frames import items_frame
from clearlane.ingest.pipeline import RecordStatus, ingest_records
from clearlane.oversight.assessments import (
    AssessmentKey,
    latest_assessment,
    record_assessments,
    stored_assessments,
    versions_in,
)
from clearlane.oversight.controls import DeclarationNotFound
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import RiskEngine
from clearlane.selection import SelectionPolicy
from clearlane.selection.online import PROVISIONAL_CUTS, CutsCache, route_online
from clearlane.store.locks import deadlocked, write_lock
from clearlane.store.session import json_dumps, read_without_transaction
from clearlane.store.tables import (
    DECLARATION_BASIS,
    PROVISIONAL_BASIS,
    AssessmentRow,
    DeclarationRow,
    IngestBatch,
)

log = logging.getLogger("clearlane.intake")

NO_ENGINE = (
    "no trained engine yet: the declaration is stored and will be assessed once one is trained "
    "(`clearlane train`)"
)


class ReferenceTaken(Conflict):
    """The reference is stored as another organisation's declaration."""


class NotYourDeclaration(Forbidden):
    """A trader submitted a declaration their organisation is not a party to."""


class ConcurrentSubmission(Conflict):
    """Another request stored the same declaration while this one was writing it."""


# ----------------------------------------------------------------------------- ownership
# A trader acts for one organisation and sees, files and amends only declarations that name
# it as declarant or importer. The rule is written here once: in Python (:func:`is_party`)
# and as a query condition (:func:`party_condition`) for listings.


def is_party(organisation: str | None, declarant_id: str | None, importer_id: str | None) -> bool:
    """Whether ``organisation`` is the declarant or the importer (never for no organisation)."""
    return bool(organisation) and organisation in (declarant_id, importer_id)


def party_condition(organisation: str | None) -> ColumnElement[bool]:
    """The condition on :class:`DeclarationRow` of :func:`is_party` (no organisation: none)."""
    organisation = organisation or "\x00no organisation"
    return or_(
        DeclarationRow.declarant_id == organisation, DeclarationRow.importer_id == organisation
    )


def latest_declaration(session: Session, *, reference: str) -> DeclarationRow | None:
    """The newest stored version of ``reference``."""
    return session.scalars(
        select(DeclarationRow)
        .where(DeclarationRow.reference == reference)
        .order_by(DeclarationRow.version.desc())
        .limit(1)
    ).first()


def visible_declaration(
    session: Session, *, reference: str, organisation: str | None, trader: bool
) -> DeclarationRow:
    """The newest version of ``reference`` if the reader may see it: anyone but a trader sees
    every declaration, a trader only their organisation's. Otherwise
    :class:`DeclarationNotFound`, the same refusal as for a reference never stored, so a
    trader cannot tell that another organisation's declaration exists."""
    row = latest_declaration(session, reference=reference)
    if row is None or (trader and not is_party(organisation, row.declarant_id, row.importer_id)):
        raise DeclarationNotFound(f"declaration {reference!r} not found")
    return row


def names_organisation(record: Mapping[str, Any], organisation: str | None) -> bool | None:
    """Whether a submitted record names ``organisation`` as declarant or importer; None when
    the record is not a declaration at all (it will be quarantined for that)."""
    outcome = validate_declaration(dict(record))
    if outcome.declaration is None:
        return None
    organisation = (organisation or "").strip().upper()
    return is_party(organisation, outcome.declaration.declarant.id, outcome.declaration.importer.id)


def check_parties(records: Sequence[Mapping[str, Any]], organisation: str | None) -> None:
    """A trader files only declarations their organisation is declarant or importer of."""
    for position, record in enumerate(records):
        if names_organisation(record, organisation) is False:
            where = f"declarations[{position}]" if len(records) > 1 else "the declaration"
            raise NotYourDeclaration(
                f"{where}: your organisation ({organisation}) must be its declarant or "
                "importer (declarant.id or importer.id)",
                field="declarant.id",
            )


def owned_by(organisation: str | None) -> Callable[[Session, list[str]], None]:
    """An ingest check (see :func:`clearlane.ingest.pipeline.ingest_records`): every stored
    version of each reference must name ``organisation`` as declarant or importer.

    It locks each reference first (sorted, so two submissions never wait on each other in a
    circle), so the check and the write that follows are one step: of two traders sending
    the same new reference at once, the second waits, then finds it taken."""

    def check(session: Session, references: list[str]) -> None:
        for reference in references:
            write_lock(session, f"declaration:{reference}")
        if not references:
            return
        taken = session.execute(
            select(
                DeclarationRow.reference, DeclarationRow.declarant_id, DeclarationRow.importer_id
            ).where(DeclarationRow.reference.in_(references))
        ).all()
        for reference, declarant, importer in taken:
            if not is_party(organisation, declarant, importer):
                raise ReferenceTaken(
                    f"reference {reference!r} is already in use by another declaration: "
                    "choose another reference",
                    field="reference",
                )

    return check


def _locked_in_order(session: Session, references: list[str]) -> None:
    """An ingest check for a submission of several declarations by a customs user: each
    reference locked (sorted, as :func:`owned_by` does) before the stored versions are read.
    Two such submissions of the same declarations in opposite orders then wait for each other
    in one order, and the later finds them stored, instead of each inserting references the
    other waits for (a deadlock PostgreSQL broke by failing one request with a 500 until
    2026-12-05). One declaration alone needs no lock: it holds one key."""
    for reference in references:
        write_lock(session, f"declaration:{reference}")


@dataclass
class Submitted:
    """What became of one submitted declaration."""

    location: str
    reference: str | None
    version: int | None
    status: RecordStatus  # new, amended, unchanged, quarantined
    issues: list[dict[str, Any]] = field(default_factory=list)
    assessment: AssessmentRow | None = None
    pending: str | None = None  # why a stored declaration has no assessment yet
    # The declaration as this request stored it (new and amended ones) and its content hash:
    # assessed and audited without reading them back from the store.
    declaration: Declaration | None = field(default=None, repr=False, compare=False)
    content_sha256: str | None = field(default=None, repr=False, compare=False)

    @property
    def stored(self) -> bool:
        return self.status != "quarantined"

    @property
    def awaits_engine(self) -> bool:
        """Stored with no engine's assessment yet: none, or only a provisional rules-only one."""
        return (
            self.stored
            and self.reference is not None
            and (self.assessment is None or self.assessment.basis == PROVISIONAL_BASIS)
        )


class Quarantined(Invalid):
    """One declaration submitted on its own was refused and kept in quarantine for review;
    ``errors`` names each field at fault (the error issues, else every issue)."""

    def __init__(self, result: Submitted) -> None:
        issues = [i for i in result.issues if i.get("severity") == "error"] or result.issues
        errors: list[FieldError] = [
            {"field": str(i.get("field") or "body"), "message": str(i["message"])} for i in issues
        ]
        first = errors[0]["message"] if errors else "invalid"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(
            f"the declaration was rejected and kept in quarantine for review: {first}{more}",
            errors=errors,
        )
        self.result = result


def _declarations(
    session: Session,
    keys: Sequence[tuple[str, int]],
    known: Mapping[tuple[str, int], Declaration] | None = None,
) -> list[Declaration]:
    """The stored declarations ``keys``; those in ``known`` are not read again."""
    known = known or {}
    found = [known[k] for k in keys if k in known]
    missing = [k for k in keys if k not in known]
    if missing:
        rows = session.scalars(
            select(DeclarationRow.normalised).where(
                versions_in(DeclarationRow.reference, DeclarationRow.version, missing)
            )
        ).all()
        found.extend(Declaration.model_validate(row) for row in rows)
    return found


def _plain(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def assess_and_route(
    session: Session,
    *,
    keys: Sequence[tuple[str, int]],
    engine: RiskEngine,
    key: bytes,
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    actor: str | None = None,
    cuts: CutsCache | None = None,
    facts: Facts | None = None,
    basis: str = DECLARATION_BASIS,
    if_unassessed: bool = False,
    check_first: bool = True,
    declarations: Mapping[tuple[str, int], Declaration] | None = None,
    hashes: Mapping[tuple[str, int], str] | None = None,
    store_hs: bool = False,
) -> list[AssessmentRow]:
    """Assess the stored declarations ``keys`` (reference, version), route each online and
    store the assessments (with the caller's transaction); returns them in ``keys`` order.

    ``check_first``: read first which are stored already and score only the others (a
    caller that has just read it passes False; the locked check decides a race either way).

    ``basis`` and ``if_unassessed`` are :func:`record_assessments`'s: a declaration version
    this engine already assessed on ``basis`` (with ``if_unassessed``: that any engine did)
    is not stored again, and the assessment returned for it is the one stored first.

    ``facts`` (:func:`clearlane.features.facts.gather_facts`, gathered by the caller before its
    transaction) puts document, link, HS and network facts on the frame the engine scores.
    ``declarations`` holds some of ``keys`` already validated (as the caller just stored them),
    which are then not read back; ``hashes`` their stored content hashes. ``store_hs``: the
    HS checks ``facts`` computed and left unstored are written in this transaction, after the
    scoring and before :func:`record_assessments` takes its lock, which every assessment
    writer waits for: the lock is held for the assessments' own statements only."""
    from clearlane.workflows import assessed_records

    if not keys:
        return []
    policy = policy or SelectionPolicy()
    known: dict[tuple[str, int], int] = {}
    if check_first:
        known = _assessed(
            session, keys, model_version=engine.model_version,
            profile_version=_profile_version(engine, profiles), basis=basis,
            if_unassessed=if_unassessed,
        )  # fmt: skip
    todo = [k for k in keys if k not in known]
    ids = list(known.values())
    written: dict[int, dict[str, Any]] = {}
    if todo:
        found = _declarations(session, todo, declarations)
        # The submission's columns, without a frame (the same records as of the frame),
        # routed before their reasons are computed: a row routed green is stored without
        # them (deferred, as `clearlane score --reasons flagged` stores it) and explained
        # when an officer opens it; most submissions go green, and SHAP is most of the cost.
        rows = assessed_records(
            facts_columns(found, facts), engine=engine, profiles=profiles,
            route=lambda records: _route(session, records, key=key,
                                         model_version=engine.model_version, policy=policy,
                                         cuts=cuts),
        )  # fmt: skip
        if store_hs and facts is not None:
            store_hs_checks(session, facts)
        ids += record_assessments(
            session,
            routed=rows,
            actor=actor or f"engine:{engine.model_version or 'unregistered'}",
            basis=basis,
            if_unassessed=if_unassessed,
            hashes=hashes,
            written=written,
        )
    elif store_hs and facts is not None:
        store_hs_checks(session, facts)
    return _rows_in_order(session, keys, ids, written)


def _profile_version(engine: RiskEngine, profiles: RuleScorer | None) -> str | None:
    """The version of the profiles the engine scores with (its own when none are given)."""
    used = profiles if profiles is not None else engine.profiles
    return getattr(used, "version", None) if used else None


def _assessed(
    session: Session,
    keys: Sequence[tuple[str, int]],
    *,
    model_version: str | None,
    profile_version: str | None,
    basis: str,
    if_unassessed: bool,
) -> dict[tuple[str, int], int]:
    """Of ``keys``, those whose assessment is stored already (by this engine and profiles on
    ``basis``; with ``if_unassessed`` by any engine), with its id: a cheap read, so that
    nothing stored already is scored again. Not a guarantee under races: the check under the
    lock in :func:`record_assessments` is."""
    full: list[AssessmentKey] = [(r, v, model_version, profile_version) for r, v in keys]
    stored = stored_assessments(session, full, basis, any_engine=if_unassessed)
    return {(k[0], k[1]): stored[k] for k in full if k in stored}


def _route(
    session: Session,
    rows: list[dict[str, Any]],
    *,
    key: bytes,
    model_version: str | None,
    policy: SelectionPolicy,
    cuts: CutsCache | None,
    fixed: bool = False,
) -> None:
    """Route each assessed row online (lane, selection reason, routing payload in place);
    ``fixed``: against :data:`PROVISIONAL_CUTS` rather than cuts from the recent scores."""
    for row in rows:
        score = _plain(row["score"])
        decision = route_online(
            session,
            reference=str(row["reference"]),
            version=int(row["version"]),
            office=str(row["office"]) or None,
            score=float(score) if score is not None else None,
            mandatory=bool(row["mandatory"]),
            key=key,
            model_version=model_version,
            policy=policy,
            cache=cuts,
            day=_plain(row["declaration_date"]),
            fixed_cuts=PROVISIONAL_CUTS if fixed else None,
        )
        row["lane"] = decision.lane.value
        row["selection_reason"] = (
            decision.selection_reason.value if decision.selection_reason else None
        )
        row["rank"] = None
        row["routing"] = decision.as_dict()


def _rows_in_order(
    session: Session,
    keys: Sequence[tuple[str, int]],
    ids: Sequence[int],
    written: Mapping[int, Mapping[str, Any]] | None = None,
) -> list[AssessmentRow]:
    """The assessments ``ids``, one per key of ``keys`` in their order. Those in ``written``
    (stored by this transaction, :func:`record_assessments`) are made from the values written
    rather than read back: rows the session does not track, with the values the store holds
    (``tests/intake/test_submit_path_same.py`` compares them with the stored rows)."""
    written = written or {}
    rows = [AssessmentRow(id=i, **_as_kept(written[i])) for i in ids if i in written]
    unread = [i for i in ids if i not in written]
    if unread:
        rows += session.scalars(select(AssessmentRow).where(AssessmentRow.id.in_(unread)))
    stored = {(row.reference, row.version): row for row in rows}
    return [stored[k] for k in keys if k in stored]


def _as_kept(values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values as the store gives them back: the JSON columns through the store's JSON
    text (a NaN comes back null, a tuple a list)."""
    return {
        **values,
        "components": orjson.loads(json_dumps(values["components"])),
        "reasons": orjson.loads(json_dumps(values["reasons"])),
    }


PROVISIONAL_ACTOR = "rules:provisional"


def assess_provisionally(
    todo: Sequence[Submitted],
    *,
    profiles: RuleScorer | None,
    key: bytes,
    session_factory: sessionmaker[Session],
    policy: SelectionPolicy | None = None,
    cuts: CutsCache | None = None,
) -> None:
    """A rules-only answer for stored submissions waiting for an engine (the API, while the
    fallback champion is being fitted): the active profiles' noisy-OR score and the keyed
    random draw, routed against the fixed :data:`PROVISIONAL_CUTS` (a rules-only score is not
    on the engine's scale), stored and audited on the ``provisional`` basis with
    ``model_version`` ``rules:<profile version>``. Each result keeps its ``pending`` reason
    (the engine's assessment is still to come) and gets the provisional ``assessment``.

    The engine's first assessment supersedes it (a newer row on the ``declaration`` basis; the
    provisional one stays as history, with any decision an officer took on it). A declaration
    that an engine assessed already gets that assessment instead and is no longer pending: a
    provisional answer never follows an engine's."""
    from clearlane.workflows import provisional_model_version, rules_only_records

    todo = [r for r in todo if r.awaits_engine]
    if not todo:
        return
    policy = policy or SelectionPolicy()
    keys = list(dict.fromkeys((str(r.reference), int(r.version or 0)) for r in todo))
    model_version = provisional_model_version(profiles)
    profile_version = getattr(profiles, "version", None) if profiles else None
    try:
        with session_factory() as session:
            known = _assessed(
                session, keys, model_version=model_version, profile_version=profile_version,
                basis=PROVISIONAL_BASIS, if_unassessed=True,
            )  # fmt: skip
        need = [k for k in keys if k not in known]
        facts = gather_facts(session_factory, [k[0] for k in need]) if need else None
        with session_factory() as session, session.begin():
            ids = list(known.values())
            if need:
                found = _declarations(session, need)
                frame = items_frame(found) if facts is None else facts_frame(found, facts)
                rows = rules_only_records(frame, profiles)
                _route(session, rows, key=key, model_version=model_version, policy=policy,
                       cuts=cuts, fixed=True)  # fmt: skip
                ids += record_assessments(
                    session, routed=rows, actor=PROVISIONAL_ACTOR, basis=PROVISIONAL_BASIS,
                    if_unassessed=True,
                )  # fmt: skip
            assessed = _rows_in_order(session, keys, ids)
    except Exception:  # the declarations are stored and stay pending: keep going
        log.exception("a provisional rules-only answer for %d declaration(s) failed", len(keys))
        return
    by_key = {(a.reference, a.version): a for a in assessed}
    for result in todo:
        result.assessment = by_key.get((str(result.reference), int(result.version or 0)))
        if result.assessment is not None and result.assessment.basis != PROVISIONAL_BASIS:
            result.pending = None  # an engine assessed it meanwhile


def submit_declarations(
    records: Sequence[Mapping[str, Any]],
    *,
    source: str,
    engine: RiskEngine | None,
    key: bytes,
    session_factory: sessionmaker[Session],
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    originals: Sequence[str] | None = None,
    today: date | None = None,
    cuts: CutsCache | None = None,
    organisation: str | None = None,
    trader: bool = False,
    repeated: Mapping[int, tuple[str, str]] | None = None,
) -> list[Submitted]:
    """Ingest, assess, route and record ``records`` (module docstring); one result per record,
    in input order. ``key`` keys the random-control draw (keep it secret); ``cuts`` keeps the
    routing's score cuts for a few seconds (a server passes one; see :class:`CutsCache`).

    With ``trader``, the submitter acts for ``organisation``: each record must name it
    (:class:`NotYourDeclaration`) and each reference must be free or its own
    (:class:`ReferenceTaken`, checked in the write's transaction). Two requests storing the
    same new declaration at once: the second gets :class:`ConcurrentSubmission`.

    ``repeated``: the records that repeated a key in an object (index -> field path and
    message), quarantined naming it (see :func:`clearlane.ingest.pipeline.ingest_records`)."""
    check = None
    if trader:
        check_parties(records, organisation)
        check = owned_by(organisation)
    elif len(records) > 1:
        check = _locked_in_order
    try:
        report = ingest_records(
            records,
            source=source,
            session_factory=session_factory,
            originals=originals,
            today=today,
            check=check,
            repeated=repeated,
        )
    except DBAPIError as exc:
        if not isinstance(exc, IntegrityError) and not deadlocked(exc):
            raise  # a lost key (IntegrityError) or a deadlock broken by PostgreSQL: a race
        raise ConcurrentSubmission(
            "the same declaration was submitted concurrently by another request: "
            "submit it again to see its status"
        ) from exc
    results = [
        Submitted(
            o.location,
            o.reference,
            o.version,
            o.status,
            o.issues,
            declaration=_as_stored(o.normalised, o.version),
            content_sha256=o.content_sha256,
        )  # fmt: skip
        for o in report.outcomes
    ]
    stored = [r for r in results if r.stored and r.reference is not None and r.version is not None]
    if not stored:
        return results
    unchanged = [r for r in stored if r.status == "unchanged"]
    if unchanged:  # a new or amended version has no assessment yet: nothing to read
        with session_factory() as session:
            for result in unchanged:
                assert result.reference is not None
                result.assessment = latest_assessment(
                    session, reference=result.reference, version=result.version
                )
    # A provisional answer waits for the engine's: assess_submitted gives it now and keeps the
    # provisional one (still the lane in force) if the engine's assessment fails.
    todo = [r for r in stored if r.awaits_engine]
    if not todo:
        return results
    if engine is None:
        for result in todo:
            result.pending = NO_ENGINE
        return results
    assess_submitted(
        todo,
        engine=engine,
        key=key,
        session_factory=session_factory,
        profiles=profiles,
        policy=policy,
        cuts=cuts,
    )
    return results


def _as_stored(normalised: dict[str, Any] | None, version: int | None) -> Declaration | None:
    """The declaration as :func:`_declarations` would read it back from the store (its stored
    normalised record with its stored version)."""
    if normalised is None or version is None:
        return None
    try:
        return Declaration.model_validate({**normalised, "version": version})
    except ValidationError:  # read back from the store instead, inside the assessment's guard
        ref = normalised.get("reference")
        log.warning("stored declaration %s v%s does not validate again", ref, version)
        return None


def assess_submitted(
    todo: Sequence[Submitted],
    *,
    engine: RiskEngine,
    key: bytes,
    session_factory: sessionmaker[Session],
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    cuts: CutsCache | None = None,
) -> None:
    """Assess, route and record stored submissions that have no assessment yet (those
    :func:`submit_declarations` left ``pending``, e.g. because the engine appeared only once
    they were stored); fills each one's ``assessment``, or its ``pending`` reason."""
    todo = [r for r in todo if r.awaits_engine]
    if not todo:
        return
    keys = list(dict.fromkeys((str(r.reference), int(r.version or 0)) for r in todo))
    in_hand = {
        (str(r.reference), int(r.version or 0)): r.declaration
        for r in todo
        if r.declaration is not None
    }
    try:
        # One session reads what the assessment needs before its transaction: which of them
        # another writer assessed already, the stored ones, and the facts (documents, links,
        # stored HS checks); the HS checks computed here are stored with the assessment.
        need: list[tuple[str, int]] = []
        assessed: list[AssessmentRow] = []
        facts: Facts | None = None
        with session_factory() as session:  # another writer may have assessed them already
            read_without_transaction(session)  # only reads: no BEGIN/ROLLBACK on PostgreSQL
            known = _assessed(
                session, keys, model_version=engine.model_version,
                profile_version=_profile_version(engine, profiles), basis=DECLARATION_BASIS,
                if_unassessed=True,
            )  # fmt: skip
            need = [k for k in keys if k not in known]
            if known:
                assessed = _rows_in_order(session, keys, list(known.values()))
            if need:
                facts = gather_facts(
                    session_factory,
                    [k[0] for k in need],
                    declarations={ref: decl for (ref, _), decl in in_hand.items()},
                    session=session,
                    store_hs=False,
                    release=True,  # not idle in transaction while the HS model ranks
                )
        if need:  # just checked: the locked check in record_assessments settles a race
            with session_factory() as session, session.begin():
                assessed += assess_and_route(
                    session,
                    keys=need,
                    engine=engine,
                    key=key,
                    profiles=profiles,
                    policy=policy,
                    cuts=cuts,
                    facts=facts,
                    if_unassessed=True,
                    check_first=False,
                    declarations=in_hand,
                    hashes={
                        (str(r.reference), int(r.version or 0)): r.content_sha256
                        for r in todo
                        if r.content_sha256 is not None
                    },
                    store_hs=True,  # in this transaction, before the assessment lock
                )
            if facts is not None:
                remember_hs_checks(facts)
    except Exception as exc:  # the declarations are stored: report them pending, keep going
        log.exception("assessing %d submitted declaration(s) failed", len(keys))
        for result in todo:
            result.pending = f"assessment failed ({type(exc).__name__}: {exc}); it will be retried"
        return
    by_key = {(a.reference, a.version): a for a in assessed}
    for result in todo:
        engines = by_key.get((str(result.reference), int(result.version or 0)))
        missing = "the engine returned no assessment for this declaration"
        result.pending = None if engines is not None else missing
        result.assessment = engines or result.assessment  # a provisional answer stays in force


API_SOURCE = "api:"  # ingest batches of API submissions are named "api:<user>"


def pending_keys(
    session: Session,
    *,
    limit: int = 10_000,
    source_prefix: str | None = None,
    after: str | None = None,
) -> list[tuple[str, int]]:
    """(reference, version) of latest versions that have no assessment by an engine yet (none,
    or only a provisional rules-only one), by reference;
    with ``source_prefix``, only those stored by an ingest batch whose source starts with it
    (``API_SOURCE``: submissions, not the history loaded from files); with ``after``, only
    references after it (the next page: a declaration left pending, see :func:`assess_pending`,
    is not read again and again)."""
    query = select(DeclarationRow.reference, func.max(DeclarationRow.version).label("version"))
    if source_prefix is not None:
        query = query.join(IngestBatch, IngestBatch.id == DeclarationRow.batch_id).where(
            IngestBatch.source.startswith(source_prefix, autoescape=True)
        )
    if after is not None:
        query = query.where(DeclarationRow.reference > after)
    latest = query.group_by(DeclarationRow.reference).subquery()
    assessed = select(AssessmentRow.id).where(  # a provisional (rules-only) answer waits too
        AssessmentRow.reference == latest.c.reference,
        AssessmentRow.version == latest.c.version,
        AssessmentRow.basis != PROVISIONAL_BASIS,
    )
    rows = session.execute(
        select(latest.c.reference, latest.c.version)
        .where(~assessed.exists())
        .order_by(latest.c.reference)
        .limit(limit)
    )
    return [(str(r), int(v)) for r, v in rows]


def _revalidated(
    session: Session, keys: Sequence[tuple[str, int]]
) -> dict[tuple[str, int], Declaration]:
    """The stored declarations ``keys`` that still validate; each that does not is logged
    (:func:`revalidated`) and left out."""
    found: dict[tuple[str, int], Declaration] = {}
    rows = session.execute(
        select(DeclarationRow.reference, DeclarationRow.version, DeclarationRow.normalised).where(
            versions_in(DeclarationRow.reference, DeclarationRow.version, keys)
        )
    )
    for reference, version, normalised in rows:
        decl, why = revalidated(str(reference), int(version), normalised)
        if decl is None:
            log.warning("%s; left pending (an amendment is assessed as usual)", why)
        else:
            found[(str(reference), int(version))] = decl
    return found


def assess_pending(
    *,
    engine: RiskEngine,
    key: bytes,
    session_factory: sessionmaker[Session],
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    chunk: int = 500,
    source_prefix: str | None = None,
) -> int:
    """Assess every stored declaration still waiting for an assessment (with
    ``source_prefix``: only those of matching ingest batches, see :func:`pending_keys`);
    returns how many.

    ``chunk`` declarations at a time, by reference, each page after the last one's
    references: a stored declaration that no longer validates (:func:`revalidated`) is left
    pending with a warning naming it and the refused fields, and the rest of its chunk and the
    pages after it are assessed. So is one the engine returns no assessment for (a warning
    names them). One pass: a declaration stored meanwhile under a reference already passed
    waits for the next call (its submission assesses it anyway)."""
    done = 0
    after: str | None = None
    while True:
        with session_factory() as session:
            keys = pending_keys(session, limit=chunk, source_prefix=source_prefix, after=after)
            valid = _revalidated(session, keys) if keys else {}
        if not keys:
            return done
        after = keys[-1][0]
        keys = [k for k in keys if k in valid]
        if not keys:
            continue
        facts = gather_facts(
            session_factory,
            [k[0] for k in keys],
            declarations={reference: decl for (reference, _), decl in valid.items()},
        )
        with session_factory() as session, session.begin():
            assessed = assess_and_route(
                session, keys=keys, engine=engine, key=key, profiles=profiles, policy=policy,
                facts=facts, if_unassessed=True, declarations=valid,
            )  # fmt: skip
        done += len(assessed)
        if len(assessed) < len(keys):
            # As a submission does (assess_submitted): those stay pending, the rest of the
            # pass goes on; the pass used to end here, leaving every later page unassessed.
            missing = sorted(set(keys) - {(a.reference, a.version) for a in assessed})
            log.warning(
                "the engine returned no assessment for %d pending declaration(s), left "
                "pending: %s", len(missing), ", ".join(f"{r} v{v}" for r, v in missing),
            )  # fmt: skip


@dataclass
class Reassessed:
    """What :func:`reassess_after_document` did for one declaration."""

    reference: str
    status: str  # reassessed, decided, not_assessed, no_engine, missing, failed
    assessment: AssessmentRow | None = None
    detail: str = ""


def reassess_after_document(
    *,
    reference: str,
    engine: RiskEngine | None,
    key: bytes,
    session_factory: sessionmaker[Session],
    profiles: RuleScorer | None = None,
    policy: SelectionPolicy | None = None,
    cuts: CutsCache | None = None,
    actor: str = "engine:document-arrived",
) -> Reassessed:
    """A document (invoice, transport document) arrived after the declaration was scored: if
    its newest version was assessed and is still undecided (no officer decision, no control
    result), assess it again with the facts now known, as a new, audited assessment.

    The check (undecided?) and the write happen in one transaction under the declaration's
    decision lock (the one :func:`clearlane.oversight.decisions.decide` and an officer's
    control result take), so an officer deciding at the same moment either decides first (no
    reassessment) or decides on the new assessment; on PostgreSQL the control results are
    also locked against inserts (a file ingest takes no decision lock), so no control result
    lands between the check and the write (``tests/intake/test_reassess_races.py``). A
    declaration that was never assessed is left to the normal path (:func:`assess_pending`),
    which sees the facts anyway."""
    from clearlane.store.tables import ControlResultRow, DecisionRow, DocumentExtractionRow

    if engine is None:
        return Reassessed(reference, "no_engine", detail=NO_ENGINE)
    try:
        facts = gather_facts(session_factory, [reference])
        with session_factory() as session, session.begin():
            write_lock(session, f"decision:{reference}")
            if session.get_bind().dialect.name == "postgresql":
                # A file ingest of control results takes no decision lock: hold inserts into
                # the control results (waiting for those in flight) until this commits, so
                # none lands between the check below and the write. SQLite: the write lock
                # taken above already excludes every other writer.
                session.execute(text("LOCK TABLE control_results IN SHARE MODE"))
            version = session.scalar(
                select(func.max(DeclarationRow.version)).where(
                    DeclarationRow.reference == reference
                )
            )
            if version is None:
                return Reassessed(reference, "missing", detail="no such declaration")
            latest = latest_assessment(session, reference=reference, version=version)
            if latest is None or latest.basis == PROVISIONAL_BASIS:  # the pending step's
                return Reassessed(reference, "not_assessed", detail="not assessed yet")
            decided = session.scalar(
                select(DecisionRow.id)
                .where(DecisionRow.reference == reference, DecisionRow.version == version)
                .limit(1)
            ) or session.scalar(
                select(ControlResultRow.id)
                .where(ControlResultRow.declaration_reference == reference)
                .limit(1)
            )
            if decided is not None:
                return Reassessed(reference, "decided", detail="already decided")
            # the newest document read: reassessing again on the same facts stores nothing new
            document = session.scalar(
                select(func.max(DocumentExtractionRow.document_id)).where(
                    DocumentExtractionRow.reference == reference,
                    DocumentExtractionRow.status == "done",
                )
            )
            rows = assess_and_route(
                session, keys=[(reference, int(version))], engine=engine, key=key,
                profiles=profiles, policy=policy, actor=actor, cuts=cuts, facts=facts,
                basis=f"document:{document}",
            )  # fmt: skip
    except Exception as exc:  # noqa: BLE001 - a background task must record, not crash
        log.exception("reassessing %s after a new document failed", reference)
        return Reassessed(reference, "failed", detail=f"{type(exc).__name__}: {exc}")
    return Reassessed(reference, "reassessed", rows[0] if rows else None)
