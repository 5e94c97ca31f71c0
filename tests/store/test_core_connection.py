"""``core_connection``: the session's connection for Core statements on hot paths (the submit
path's reads, the per-request session check), with what ``Session.execute`` would give."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from clearlane.store.session import core_connection
from clearlane.store.tables import OfficeCapacityRow, UserSessionRow
from clearlane.users import SessionUser, create_user, session_user, start_session


def test_a_core_statement_sees_what_the_session_holds_unflushed(
    store: sessionmaker[Session],
) -> None:
    """As Session.execute's autoflush would: an added, not yet flushed row is seen."""
    with store() as session, session.begin():
        session.add(
            OfficeCapacityRow(
                office="NLRTM1",
                red_share=0.1,
                yellow_share=0.2,
                random_share=0.01,
                changed_by="test",
                changed_at=datetime.now(UTC),
            )
        )
        count = select(func.count()).select_from(OfficeCapacityRow)
        assert core_connection(session).execute(count).scalar_one() == 1
        assert session.execute(count).scalar_one() == 1


def test_session_user_finds_live_sessions_only(store: sessionmaker[Session]) -> None:
    """The per-request check: the user of a live session of the right kind, else None
    (revoked, expired, another kind, another name, a disabled user)."""
    with store() as session, session.begin():
        user = create_user(
            session, username="checker", password="long-enough-1", role="officer",
            organisation=None, full_name="Check Er",
        )  # fmt: skip
        sid = start_session(session, user_id=user.id, kind="access", minutes=30)
        user_id = user.id
    with store() as session:
        found = session_user(session, sid=sid, username="checker", kind="access")
        assert found == SessionUser(user_id, "checker", "officer", None, "Check Er")
        assert session_user(session, sid=sid, username="checker", kind="session") is None
        assert session_user(session, sid=sid, username="someone", kind="access") is None
        assert session_user(session, sid="0" * 32, username="checker", kind="access") is None
    with store() as session, session.begin():  # expired a second ago
        session.execute(
            update(UserSessionRow)
            .where(UserSessionRow.sid == sid)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    with store() as session:
        assert session_user(session, sid=sid, username="checker", kind="access") is None
    with store() as session, session.begin():  # live again, then revoked
        session.execute(
            update(UserSessionRow)
            .where(UserSessionRow.sid == sid)
            .values(expires_at=datetime.now(UTC) + timedelta(minutes=5))
        )
    with store() as session:
        assert session_user(session, sid=sid, username="checker", kind="access") is not None
    with store() as session, session.begin():
        session.execute(
            update(UserSessionRow)
            .where(UserSessionRow.sid == sid)
            .values(revoked_at=datetime.now(UTC))
        )
    with store() as session:
        assert session_user(session, sid=sid, username="checker", kind="access") is None


@pytest.mark.postgres
def test_a_postgres_connection_gives_up_on_a_server_that_stopped_answering(
    postgres_url: str,
) -> None:
    """A dead or cut-off server fails a statement within about a minute instead of holding
    the thread (an API worker's event loop) for the kernel's 15 minutes: the libpq keepalive
    and TCP user timeout are set on every connection; one given in the URL wins."""
    from sqlalchemy.engine import make_url

    from clearlane.store.session import PG_STALL_LIMITS, get_engine

    with get_engine(postgres_url).connect() as connection:
        parameters = connection.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    for name, value in PG_STALL_LIMITS.items():
        assert parameters[name] == str(value), name
    given = make_url(postgres_url).update_query_dict({"tcp_user_timeout": "5000"})
    url = given.render_as_string(hide_password=False)
    with get_engine(url).connect() as connection:
        parameters = connection.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    assert parameters["tcp_user_timeout"] == "5000"
    get_engine(url).dispose()
