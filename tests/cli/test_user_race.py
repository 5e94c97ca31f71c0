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
