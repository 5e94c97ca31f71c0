"""Users and sign-in. Every sign-in attempt, good or bad, is an audit entry; failures within
the window are counted from those entries, so the limit holds across server processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearlane.api.permissions import Role
from clearlane.api.security import DUMMY_HASH, hash_password, verify_password
from clearlane.audit.chain import LOG, append
from clearlane.config import get_settings
from clearlane.store.tables import UserRow


class UserError(ValueError):
    """A user that cannot be created as asked."""


class SignInError(Exception):
    """Wrong credentials (``retry_after`` None) or too many failures (seconds to wait)."""

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


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
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise UserError("username: 1 to 64 characters without spaces")
    try:
        role = Role(role)
    except ValueError:
        raise UserError(f"role {role!r} is not one of {', '.join(r.value for r in Role)}") from None
    if role == Role.TRADER and not organisation:
        raise UserError("a trader needs --organisation (the trader id or EORI they act for)")
    if session.scalar(
        select(func.count()).select_from(UserRow).where(UserRow.username == username)
    ):
        raise UserError(f"user {username!r} already exists")
    row = UserRow(
        username=username,
        full_name=full_name,
        role=role.value,
        organisation=organisation.strip().upper() if organisation else None,
        password_hash=hash_password(password),
        active=True,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    append(
        session,
        kind="user_change",
        actor=created_by,
        subject=f"user:{username}",
        payload={"action": "created", "role": role.value, "organisation": row.organisation},
    )
    return row


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


def authenticate(
    session: Session, *, username: str, password: str, client: str, channel: str
) -> UserRow:
    """Check the password; audit the attempt; refuse after too many recent failures.

    The caller commits ``session`` (the audit entry of a failure must be kept: commit before
    raising the HTTP error).
    """
    settings = get_settings()
    window = timedelta(minutes=settings.sign_in_window_minutes)
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
        raise SignInError("wrong username or password")
    return row
