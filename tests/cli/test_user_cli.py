"""`clearlane user add|password|disable|enable`: user management through clearlane.users."""

from __future__ import annotations

from sqlalchemy import select
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.store.session import open_store
from clearlane.store.tables import UserRow, UserSessionRow
from clearlane.users import start_session, verify_password

runner = CliRunner()


def test_password_change_and_disable_end_sessions() -> None:
    added = runner.invoke(
        app, ["user", "add", "ana", "--role", "analyst", "--password-stdin"], input="first-pass1\n"
    )
    assert added.exit_code == 0, added.output
    store = open_store()
    with store() as session, session.begin():
        user = session.scalars(select(UserRow).where(UserRow.username == "ana")).one()
        start_session(session, user_id=user.id, kind="access", minutes=30)
    changed = runner.invoke(
        app, ["user", "password", "ana", "--password-stdin"], input="second-pass2\n"
    )
    assert changed.exit_code == 0, changed.output
    with store() as session:
        user = session.scalars(select(UserRow).where(UserRow.username == "ana")).one()
        assert verify_password(user.password_hash, "second-pass2")
        live = session.scalars(
            select(UserSessionRow).where(UserSessionRow.revoked_at.is_(None))
        ).all()
        assert live == []
    disabled = runner.invoke(app, ["user", "disable", "ana"])
    assert disabled.exit_code == 0
    with store() as session:
        assert not session.scalars(select(UserRow.active).where(UserRow.username == "ana")).one()
    assert runner.invoke(app, ["user", "enable", "ana"]).exit_code == 0
    unknown = runner.invoke(app, ["user", "disable", "nobody"])
    assert unknown.exit_code == 2 and "no user 'nobody'" in unknown.output
    short = runner.invoke(app, ["user", "password", "ana", "--password-stdin"], input="short\n")
    assert short.exit_code == 2 and "at least 8" in short.output


def test_the_last_active_admin_is_not_disabled() -> None:
    added = runner.invoke(
        app, ["user", "add", "root", "--role", "admin", "--password-stdin"], input="first-pass1\n"
    )
    assert added.exit_code == 0, added.output
    refused = runner.invoke(app, ["user", "disable", "root"])
    assert refused.exit_code == 2, refused.output
    assert "last active administrator" in refused.output
    with open_store()() as session:
        assert session.scalars(select(UserRow.active).where(UserRow.username == "root")).one()
