"""Two administrators adding the same user name at once (threads released by a barrier), on
SQLite and PostgreSQL: one user is created, the other call gets DuplicateUser, as when it
comes later (`clearlane user add` prints it), not the unique index's IntegrityError."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from clearlane.store.session import open_store
from clearlane.store.tables import UserRow
from clearlane.users import DuplicateUser, Role, create_user
from tests.concurrency import together


@pytest.mark.parametrize("round_", range(3))
def test_two_adds_of_one_user_name_at_once_create_one_the_other_is_a_duplicate(
    store_url: str, round_: int
) -> None:
    store = open_store(store_url)

    def add(i: int) -> str:
        try:
            with store() as session, session.begin():
                create_user(
                    session, username="twin", password="correct horse battery", role=Role.OFFICER
                )
        except DuplicateUser as exc:
            return f"duplicate: {exc}"
        return "created"

    outcomes = together(2, add)
    assert sorted(outcomes) == ["created", "duplicate: user 'twin' already exists"], outcomes
    with store() as session:
        assert session.scalar(select(func.count()).select_from(UserRow)) == 1


@pytest.mark.parametrize("round_", range(3))
def test_the_two_last_admins_disabled_at_once_one_is_disabled_the_other_stays(
    store_url: str, round_: int
) -> None:
    """Two administrators each disabling the other at once (`clearlane user disable`): one is
    disabled, the other call is refused as disabling the last active administrator, so an
    administrator is always left (both were disabled until 2026-12-05: each saw the other
    still active)."""
    from clearlane.users import LastAdmin, set_active

    store = open_store(store_url)
    with store() as session, session.begin():
        for name in ("admin-a", "admin-b"):
            create_user(session, username=name, password="correct horse battery", role="admin")

    def disable(i: int) -> str:
        try:
            with store() as session, session.begin():
                set_active(session, username=f"admin-{'ab'[i]}", active=False, changed_by="admin")
        except LastAdmin as exc:
            return f"refused: {exc}"
        return "disabled"

    outcomes = together(2, disable)
    assert sorted(o.split(":")[0] for o in outcomes) == ["disabled", "refused"], outcomes
    with store() as session:
        active = session.scalars(select(UserRow.username).where(UserRow.active.is_(True))).all()
    assert len(active) == 1, active


def test_the_last_active_admin_cannot_be_disabled_other_users_and_admins_can(
    store_url: str,
) -> None:
    from clearlane.errors import Conflict
    from clearlane.users import LastAdmin, set_active

    store = open_store(store_url)
    with store() as session, session.begin():
        create_user(session, username="root", password="correct horse battery", role="admin")
        create_user(session, username="off", password="correct horse battery", role="officer")
    with store() as session, session.begin():
        set_active(session, username="off", active=False, changed_by="root")
    with pytest.raises(LastAdmin, match="last active administrator") as refused:
        with store() as session, session.begin():
            set_active(session, username="root", active=False, changed_by="root")
    assert isinstance(refused.value, Conflict)
    with store() as session, session.begin():
        create_user(session, username="root2", password="correct horse battery", role="admin")
    with store() as session, session.begin():
        set_active(session, username="root", active=False, changed_by="root2")
    with store() as session, session.begin():  # disabling one already disabled changes nothing
        set_active(session, username="root", active=False, changed_by="root2")
