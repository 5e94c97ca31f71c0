"""User management: roles, passwords (argon2id), creating, disabling and re-passwording users,
and their server-side sessions. Used by the CLI, the demo and the API alike.

Every change is audited with the user row it changes, in the caller's transaction. Disabling a
user or changing their password revokes all their sessions and tokens at once (see
:class:`~clearlane.store.tables.UserSessionRow`): a copied cookie or token stops working on
its next request.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearlane.audit.chain import append
from clearlane.errors import Conflict, Invalid, NotFound
from clearlane.store.locks import write_lock
from clearlane.store.session import core_connection
from clearlane.store.tables import UserRow, UserSessionRow


class Role(StrEnum):
    TRADER = "trader"  # files declarations, answers customs' messages
    OFFICER = "officer"  # works the queue: decides lanes, records control results
    ANALYST = "analyst"  # writes risk profiles, trains and compares models
    SUPERVISOR = "supervisor"  # sets capacity, promotes models, oversees officers
    AUDITOR = "auditor"  # reads everything, verifies the audit trail, changes nothing
    ADMIN = "admin"  # manages users and the system


MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 hashes any length; this only bounds the work one request asks for
MAX_USERNAME = 64  # the users.username column
MAX_ORGANISATION = 17  # an EORI (WCO DM an..17)
MAX_FULL_NAME = 70  # WCO DM an..70 for names

_hasher = PasswordHasher()


class UserError(Invalid):
    """A user that cannot be created or changed as asked."""


class UnknownUser(UserError, NotFound):
    kind = "not_found"


class DuplicateUser(UserError, Conflict):
    kind = "conflict"


class LastAdmin(UserError, Conflict):
    """Disabling the last active administrator (nobody would be left to manage users)."""

    kind = "conflict"


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            f"password: at least {MIN_PASSWORD} characters are needed", field="password"
        )
    if len(password) > MAX_PASSWORD:
        raise UserError(f"password: at most {MAX_PASSWORD} characters", field="password")
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    if len(password) > MAX_PASSWORD:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# A hash to verify against when the user does not exist, so that a missing user costs the
# same time as a wrong password (no user enumeration by timing).
DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def parse_role(role: Role | str) -> Role:
    """``role`` as a :class:`Role`; :class:`UserError` naming the choices otherwise."""
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise UserError(f"role {role!r} is not one of {choices}", field="role") from None


def check_username(username: str) -> str:
    username = username.strip()
    if (
        not username
        or len(username) > MAX_USERNAME
        or any(c.isspace() or not c.isprintable() for c in username)
    ):
        raise UserError(
            f"username: 1 to {MAX_USERNAME} printable characters without spaces", field="username"
        )
    return username


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: Role | str,
    organisation: str | None = None,
    full_name: str | None = None,
    created_by: str = "cli",
) -> UserRow:
    """Add a user (audited); :class:`UserError` for bad input, :class:`DuplicateUser` when the
    name is taken."""
    username = check_username(username)
    role = parse_role(role)
    organisation = organisation.strip().upper() if organisation else None
    if role == Role.TRADER and not organisation:
        raise UserError(
            "a trader needs --organisation (the trader id or EORI they act for)",
            field="organisation",
        )
    if organisation is not None and (
        len(organisation) > MAX_ORGANISATION
        or any(c.isspace() or not c.isprintable() for c in organisation)
    ):
        raise UserError(
            f"organisation: 1 to {MAX_ORGANISATION} characters without spaces (an EORI or "
            "trader id)",
            field="organisation",
        )
    if full_name is not None and (len(full_name) > MAX_FULL_NAME or "\x00" in full_name):
        raise UserError(f"full name: at most {MAX_FULL_NAME} characters", field="full_name")
    password_hash = hash_password(password)  # before the lock: argon2 takes a while
    # Held to the commit: of two adds of one name at once, the second looks after the first
    # is stored and gets DuplicateUser, not the unique index's IntegrityError.
    write_lock(session, f"user:{username}")
    if session.scalar(
        select(func.count()).select_from(UserRow).where(UserRow.username == username)
    ):
        raise DuplicateUser(f"user {username!r} already exists", field="username")
    row = UserRow(
        username=username,
        full_name=full_name,
        role=role.value,
        organisation=organisation,
        password_hash=password_hash,
        active=True,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # a writer that took no lock
        raise DuplicateUser(f"user {username!r} already exists", field="username") from exc
    append(
        session,
        kind="user_change",
        actor=created_by,
        subject=f"user:{username}",
        payload={"action": "created", "role": role.value, "organisation": row.organisation},
    )
    return row


def get_user(session: Session, username: str) -> UserRow:
    row = session.scalars(select(UserRow).where(UserRow.username == username)).first()
    if row is None:
        raise UnknownUser(f"no user {username!r}", field="username")
    return row


def revoke_sessions(session: Session, user_id: int) -> int:
    """End every live session and token of one user; returns how many."""
    result = session.execute(
        update(UserSessionRow)
        .where(UserSessionRow.user_id == user_id, UserSessionRow.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def set_password(session: Session, *, username: str, password: str, changed_by: str) -> UserRow:
    """Change a user's password and end all their sessions (audited)."""
    row = get_user(session, username)
    row.password_hash = hash_password(password)
    ended = revoke_sessions(session, row.id)
    append(
        session,
        kind="user_change",
        actor=changed_by,
        subject=f"user:{row.username}",
        payload={"action": "password_changed", "sessions_ended": ended},
    )
    return row


def set_active(session: Session, *, username: str, active: bool, changed_by: str) -> UserRow:
    """Disable (ending all their sessions) or re-enable a user (audited).

    The last active administrator cannot be disabled (:class:`LastAdmin`; add another
    first). The administrators are locked (:func:`write_lock`) before they are counted, to
    the caller's commit: of two administrators disabled at once (each by the other, say) the
    second is counted after the first's commit and refused, rather than both seeing the
    other still active and both being disabled."""
    if not active:
        write_lock(session, "users:admins")
    row = get_user(session, username)
    if not active and row.active and row.role == Role.ADMIN:
        others = session.scalar(
            select(func.count())
            .select_from(UserRow)
            .where(UserRow.role == Role.ADMIN.value, UserRow.active.is_(True), UserRow.id != row.id)
        )
        if not others:
            raise LastAdmin(
                f"user {username!r} is the last active administrator: add or enable another "
                "administrator before disabling this one",
                field="username",
            )
    row.active = active
    ended = 0 if active else revoke_sessions(session, row.id)
    append(
        session,
        kind="user_change",
        actor=changed_by,
        subject=f"user:{row.username}",
        payload={"action": "enabled" if active else "disabled", "sessions_ended": ended},
    )
    return row


# ----------------------------------------------------------------------------- sessions


def start_session(session: Session, *, user_id: int, kind: str, minutes: int) -> str:
    """Record a new session (``kind`` session or access) and return its id; drops sessions
    that expired more than a day ago, so the table stays small."""
    now = datetime.now(UTC)
    sid = secrets.token_hex(16)
    session.execute(
        delete(UserSessionRow).where(UserSessionRow.expires_at < now - timedelta(days=1))
    )
    session.add(
        UserSessionRow(
            sid=sid,
            user_id=user_id,
            kind=kind,
            created_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
    )
    session.flush()
    return sid


def end_session(session: Session, sid: str) -> bool:
    """Revoke one session (sign-out); False when it was not live."""
    result = session.execute(
        update(UserSessionRow)
        .where(UserSessionRow.sid == sid, UserSessionRow.revoked_at.is_(None))
        .values(revoked_at=datetime.now(UTC))
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


class SessionUser(NamedTuple):
    """The user of a live session, as a request needs it (not the ORM row)."""

    id: int
    username: str
    role: str
    organisation: str | None
    full_name: str | None


# Built once: every request of a signed-in user runs it (see :func:`session_user`).
_SESSION_USER = (
    select(UserRow.id, UserRow.username, UserRow.role, UserRow.organisation, UserRow.full_name)
    .join(UserSessionRow, UserSessionRow.user_id == UserRow.id)
    .where(
        UserSessionRow.sid == bindparam("sid"),
        UserSessionRow.kind == bindparam("kind"),
        UserSessionRow.revoked_at.is_(None),
        UserSessionRow.expires_at > bindparam("now"),
        UserRow.username == bindparam("username"),
        UserRow.active.is_(True),
    )
)


def session_user(session: Session, *, sid: str, username: str, kind: str) -> SessionUser | None:
    """The active user of a live (not revoked, not expired) session ``sid``, else None.

    Checked on every request, so a sign-out, a disabled user or a new password ends a token
    at once in every worker process. A Core statement built once, run on the session's
    connection: the ORM's statement and entity machinery cost about 1 ms of CPU a request
    here for five columns (docs/performance.md, #15)."""
    return session_user_on(core_connection(session), sid=sid, username=username, kind=kind)


def session_user_on(
    connection: Connection, *, sid: str, username: str, kind: str
) -> SessionUser | None:
    """:func:`session_user` on a Core ``connection``."""
    row = connection.execute(
        _SESSION_USER,
        {"sid": sid, "kind": kind, "now": datetime.now(UTC), "username": username},
    ).first()
    return SessionUser(*row) if row is not None else None
