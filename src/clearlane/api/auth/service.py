"""Sign-in and tokens. Every sign-in attempt, good or bad, is an audit entry; failures within
the window are counted from those entries, so the limit holds across server processes.

Counting and checking are one step: each attempt takes a lock on its user name
(:func:`clearlane.store.locks.write_lock`) before it counts the recent failures and keeps it
until its own outcome is committed, so parallel attempts on one name are checked one after the
other and no more than the limit ever reach the password check.

User management itself (creating, disabling, changing passwords) is :mod:`clearlane.users`;
the names are re-exported here for existing callers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearlane.api.security import create_token
from clearlane.audit.chain import LOG, append
from clearlane.config import get_settings
from clearlane.store.locks import write_lock
from clearlane.store.tables import UserRow
from clearlane.users import (
    DUMMY_HASH,
    MAX_USERNAME,
    UserError,
    create_user,
    start_session,
    verify_password,
)

__all__ = ["SignInError", "UserError", "authenticate", "create_user", "issue_token"]


class SignInError(Exception):
    """Wrong credentials (``retry_after`` None) or too many failures (seconds to wait)."""

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


WRONG = "wrong username or password"


def _recent_failures(session: Session, username: str, since: datetime) -> int:
    """Failed sign-ins for ``username`` after ``since`` and after their last success."""
    recent = (
        LOG.c.subject == f"user:{username}",
        LOG.c.kind == "sign_in",
        LOG.c.recorded_at >= since.isoformat(timespec="microseconds"),
    )
    last_ok = session.scalar(
        select(func.max(LOG.c.seq)).where(*recent, LOG.c.payload.like('%"success":true%'))
    )
    failures = (
        select(func.count())
        .select_from(LOG)
        .where(*recent, LOG.c.payload.like('%"success":false%'))
    )
    if last_ok is not None:
        failures = failures.where(LOG.c.seq > last_ok)
    return int(session.scalar(failures) or 0)


def _possible_name(username: str) -> bool:
    """Whether ``username`` could be a user at all (else it is refused before the database)."""
    return 0 < len(username) <= MAX_USERNAME and username.isprintable()


def authenticate(
    session: Session, *, username: str, password: str, client: str, channel: str
) -> UserRow:
    """Check the password; audit the attempt; refuse after too many recent failures.

    The caller commits ``session`` (the audit entry of a failure must be kept: commit before
    raising the HTTP error); the lock on the name is held until then.
    """
    if not _possible_name(username):
        raise SignInError(WRONG)  # no such user can exist: nothing to count or to audit
    settings = get_settings()
    window = timedelta(minutes=settings.sign_in_window_minutes)
    write_lock(session, f"sign_in:{username}")
    now = datetime.now(UTC)
    failures = _recent_failures(session, username, now - window)
    if failures >= settings.sign_in_max_failures:
        append(
            session,
            kind="sign_in",
            actor=username,
            subject=f"user:{username}",
            payload={"success": False, "client": client, "channel": channel, "refused": "rate"},
        )
        raise SignInError(
            f"too many failed sign-ins for {username!r}: try again in "
            f"{settings.sign_in_window_minutes} minutes",
            retry_after=int(window.total_seconds()),
        )
    row = session.scalars(
        select(UserRow).where(UserRow.username == username, UserRow.active.is_(True))
    ).first()
    ok = verify_password(row.password_hash if row else DUMMY_HASH, password) and row is not None
    append(
        session,
        kind="sign_in",
        actor=username,
        subject=f"user:{username}",
        payload={"success": ok, "client": client, "channel": channel},
    )
    if not ok or row is None:
        raise SignInError(WRONG)
    return row


def issue_token(session: Session, user: UserRow, *, kind: str, minutes: int) -> tuple[str, str]:
    """(signed token, session id) for a new server-side session of ``user``; the caller
    commits. ``kind`` is ``access`` (API bearer token) or ``session`` (web cookie)."""
    sid = start_session(session, user_id=user.id, kind=kind, minutes=minutes)
    if kind == "access":
        return create_token(user.username, kind=kind, minutes=minutes, sid=sid, role=user.role), sid
    return create_token(user.username, kind=kind, minutes=minutes, sid=sid), sid
