"""Risk profiles in the database: versioned, never updated in place.

Analysts write profiles in YAML/JSON (clearlane.risk.profiles); :func:`save_profiles` stores
each new version (:func:`add_profile` and :func:`change_profile` for one profile that must be
new, or must exist), :func:`retire_profile` records a retirement as a new version, and
:func:`active_profiles` rebuilds the ProfileSet in force.

The rules live here, once, for the API, the UI and the CLI; each refusal is a
:class:`~clearlane.errors.DomainError`: a stale version or an id already taken is a
``conflict``, an unknown profile ``not_found``, a short retirement note ``invalid``. Every
write checks the stored state in the transaction that writes, under one lock
(:func:`~clearlane.store.locks.write_lock`), so two concurrent changes cannot both pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.audit.chain import AuditEvent, append_many
from clearlane.errors import Conflict, Invalid, Kind, NotFound
from clearlane.risk.profiles import Profile, ProfileError, ProfileSet, parse_profiles
from clearlane.store.locks import write_lock
from clearlane.store.session import open_store
from clearlane.store.tables import RiskProfileRow

_LOCK = "risk_profiles"  # one key: profile writes are rare, and a set spans several ids


class StaleProfileVersion(ProfileError):
    """A changed profile does not carry a higher version than the stored one."""

    kind: Kind = "conflict"


class ProfileExists(Conflict):
    """A profile added as new already has stored versions."""


class UnknownProfile(NotFound, KeyError):
    """No stored profile of that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


@dataclass(frozen=True)
class ProfileChange:
    profile_id: str
    version: int
    action: str  # added | changed | unchanged | retired


def _definition(profile: Profile) -> tuple[dict[str, Any], str]:
    definition = profile.model_dump(mode="json")
    body = {k: v for k, v in definition.items() if k != "version"}
    return definition, hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _latest(session: Session) -> dict[str, RiskProfileRow]:
    newest = (
        select(RiskProfileRow.profile_id, func.max(RiskProfileRow.version).label("version"))
        .group_by(RiskProfileRow.profile_id)
        .subquery()
    )
    rows = session.scalars(
        select(RiskProfileRow).join(
            newest,
            (RiskProfileRow.profile_id == newest.c.profile_id)
            & (RiskProfileRow.version == newest.c.version),
        )
    )
    return {row.profile_id: row for row in rows}


def save_profiles(
    profiles: ProfileSet,
    *,
    changed_by: str,
    note: str | None = None,
    session_factory: sessionmaker[Session] | None = None,
) -> list[ProfileChange]:
    """Store the profiles that are new or changed, all in one transaction.

    A changed profile must carry a higher version than the stored one; otherwise nothing is
    stored and :class:`StaleProfileVersion` (a ``conflict``) names the profile.
    """
    return _save(profiles, changed_by=changed_by, note=note, session_factory=session_factory)


def add_profile(
    profile: Profile,
    *,
    changed_by: str,
    note: str | None = None,
    session_factory: sessionmaker[Session] | None = None,
) -> ProfileChange:
    """Store ``profile`` as a new profile; :class:`ProfileExists` (``conflict``, field ``id``)
    if its id already has stored versions (change it with :func:`change_profile`)."""
    (change,) = _save(
        ProfileSet([profile]),
        changed_by=changed_by,
        note=note,
        session_factory=session_factory,
        expect="new",
    )
    return change


def change_profile(
    profile: Profile,
    *,
    profile_id: str,
    changed_by: str,
    note: str | None = None,
    session_factory: sessionmaker[Session] | None = None,
) -> ProfileChange:
    """Store a new version of the stored profile ``profile_id``: ``profile`` must carry that
    id (:class:`~clearlane.errors.Invalid`, field ``id``) and a higher version
    (:class:`StaleProfileVersion`); :class:`UnknownProfile` if none is stored. The same
    content as stored is answered with action ``unchanged``; a retired profile comes back."""
    if profile.id != profile_id:
        raise Invalid(
            f"id {profile.id!r} differs from the profile being changed ({profile_id!r})",
            errors=[{"field": "id", "message": f"must be {profile_id!r}"}],
        )
    (change,) = _save(
        ProfileSet([profile]),
        changed_by=changed_by,
        note=note,
        session_factory=session_factory,
        expect="stored",
    )
    return change


def _save(
    profiles: ProfileSet,
    *,
    changed_by: str,
    note: str | None,
    session_factory: sessionmaker[Session] | None,
    expect: Literal["new", "stored"] | None = None,
) -> list[ProfileChange]:
    session_factory = session_factory or open_store()
    now = datetime.now(UTC)
    changes: list[ProfileChange] = []
    problems: list[str] = []
    issues: list[dict[str, str]] = []
    with session_factory() as session, session.begin():
        write_lock(session, _LOCK)
        latest = _latest(session)
        for profile in profiles:
            if expect == "new" and profile.id in latest:
                raise ProfileExists(
                    f"profile {profile.id!r} already exists: change it with a new version "
                    f"(PUT /api/profiles/{profile.id}, or the profile editor)",
                    field="id",
                )
            if expect == "stored" and profile.id not in latest:
                raise UnknownProfile(
                    f"no profile {profile.id!r}: add it as a new profile "
                    "(POST /api/profiles, or the profile editor)"
                )
        for profile in profiles:
            definition, sha = _definition(profile)
            stored = latest.get(profile.id)
            if stored is not None and stored.content_sha256 == sha and stored.status == "active":
                changes.append(ProfileChange(profile.id, stored.version, "unchanged"))
                continue
            if stored is not None and profile.version <= stored.version:
                message = (
                    f"version {stored.version} is already stored with other content or "
                    f"status; give the change version {stored.version + 1} or higher"
                )
                problems.append(f"profile {profile.id!r} version {profile.version}: {message}")
                issues.append(
                    {"profile": f"profile {profile.id!r}", "field": "version", "message": message}
                )
                continue
            session.add(
                RiskProfileRow(
                    profile_id=profile.id,
                    version=profile.version,
                    status="active",
                    definition=definition,
                    content_sha256=sha,
                    changed_by=changed_by,
                    change_note=note,
                    created_at=now,
                )
            )
            changes.append(
                ProfileChange(profile.id, profile.version, "changed" if stored else "added")
            )
        if problems:
            session.rollback()
            raise StaleProfileVersion(problems, issues)
        append_many(
            session,
            [
                _profile_event(
                    change, changed_by, note, sha=_definition(profiles[change.profile_id])[1]
                )
                for change in changes
                if change.action != "unchanged"
            ],
        )
    return changes


def _profile_event(change: ProfileChange, actor: str, note: str | None, *, sha: str) -> AuditEvent:
    return AuditEvent(
        kind="profile_change",
        actor=actor,
        subject=f"profile:{change.profile_id}",
        payload={"version": change.version, "action": change.action, "sha256": sha, "note": note},
    )


MIN_RETIRE_NOTE = 5  # characters: the one rule for the API, the UI and the CLI


def retire_profile(
    profile_id: str,
    *,
    changed_by: str,
    note: str,
    session_factory: sessionmaker[Session] | None = None,
) -> ProfileChange:
    """Retire a profile: a new version with status `retired`; its history stays.

    The note must say why (:data:`MIN_RETIRE_NOTE` characters or more; :class:`Invalid`);
    an unknown profile raises :class:`UnknownProfile` (a ``KeyError`` too), a profile already
    retired :class:`~clearlane.errors.Conflict` (nothing is written)."""
    note = note.strip()
    if len(note) < MIN_RETIRE_NOTE:
        raise Invalid(
            f"Say why the profile is retired (a note of at least {MIN_RETIRE_NOTE} characters)",
            field="note",
        )
    session_factory = session_factory or open_store()
    with session_factory() as session, session.begin():
        write_lock(session, _LOCK)
        stored = _latest(session).get(profile_id)
        if stored is None:
            raise UnknownProfile(f"no profile {profile_id!r}")
        if stored.status == "retired":
            raise Conflict(f"profile {profile_id!r} is already retired (version {stored.version})")
        version = stored.version + 1
        definition = {**stored.definition, "version": version}
        session.add(
            RiskProfileRow(
                profile_id=profile_id,
                version=version,
                status="retired",
                definition=definition,
                content_sha256=stored.content_sha256,
                changed_by=changed_by,
                change_note=note,
                created_at=datetime.now(UTC),
            )
        )
        change = ProfileChange(profile_id, version, "retired")
        append_many(session, [_profile_event(change, changed_by, note, sha=stored.content_sha256)])
    return change


def active_profiles(*, session_factory: sessionmaker[Session] | None = None) -> ProfileSet | None:
    """The profiles in force (latest version of each, not retired); None if none is stored."""
    session_factory = session_factory or open_store()
    with session_factory() as session:
        latest = _latest(session)
    if not latest:
        return None
    active = [row.definition for row in latest.values() if row.status == "active"]
    return parse_profiles({"profiles": active}, source="database")


def _row_dict(row: RiskProfileRow) -> dict[str, Any]:
    return {
        "profile_id": row.profile_id,
        "version": row.version,
        "status": row.status,
        "changed_by": row.changed_by,
        "note": row.change_note,
        "created_at": row.created_at,
        "definition": row.definition,
    }


def stored_profiles(
    *, include_retired: bool = False, session_factory: sessionmaker[Session] | None = None
) -> list[dict[str, Any]]:
    """The newest version of each stored profile (retired ones only if asked), by id; each a
    dict like those of :func:`profile_history` plus ``profile_id``."""
    session_factory = session_factory or open_store()
    with session_factory() as session:
        latest = _latest(session)
        return [
            _row_dict(latest[pid])
            for pid in sorted(latest)
            if include_retired or latest[pid].status == "active"
        ]


def profile_history(
    profile_id: str, *, session_factory: sessionmaker[Session] | None = None
) -> list[dict[str, Any]]:
    session_factory = session_factory or open_store()
    with session_factory() as session:
        rows = session.scalars(
            select(RiskProfileRow)
            .where(RiskProfileRow.profile_id == profile_id)
            .order_by(RiskProfileRow.version)
        )
        return [
            {
                "version": r.version,
                "status": r.status,
                "changed_by": r.changed_by,
                "note": r.change_note,
                "created_at": r.created_at,
                "definition": r.definition,
            }
            for r in rows
        ]
