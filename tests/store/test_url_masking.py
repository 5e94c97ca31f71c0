"""A store URL's password never reaches the terminal: not as user:password@ (encoded or
not, with an '@' in it), not as a ``?password=`` query parameter, not in a libpq key=value
string, not echoed in the driver's message. And a bug in ClearLane reached while connecting
keeps its traceback: only what an unreachable store raises reads as 'cannot connect'."""

from __future__ import annotations

import pytest
from click.testing import Result
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.config import get_settings
from clearlane.store.session import hide_secrets, shown_url

SECRET = "s3cr3t-Pa55"


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u:{SECRET}@127.0.0.1:5432/db",
        "postgresql+psycopg://u:s3cr3t%40Pa55@127.0.0.1:5432/db",  # '@' encoded
        "postgresql+psycopg://u:s3cr@3t-Pa55@127.0.0.1:abc/db",  # "@" not encoded, unparsable
        f"postgresql+psycopg://u@127.0.0.1:5432/db?password={SECRET}&sslmode=disable",
        f"postgresql+psycopg:///db?host=h&PASSWORD={SECRET}",
        f"host=127.0.0.1 password={SECRET} dbname=test",
        f"host=127.0.0.1 password = '{SECRET} x' dbname=test",
    ],
)
def test_shown_url_hides_the_password(url: str) -> None:
    shown = shown_url(url)
    assert "s3cr3t" not in shown and "Pa55" not in shown, shown
    assert "***" in shown


def test_shown_url_keeps_the_rest() -> None:
    assert shown_url("postgresql+psycopg://u:pw@h:5432/db?sslmode=require") == (
        "postgresql+psycopg://u:***@h:5432/db?sslmode=require"
    )
    assert shown_url("sqlite:////tmp/var/clearlane.db") == "sqlite:////tmp/var/clearlane.db"


def test_a_driver_message_echoing_the_password_is_masked() -> None:
    url = "postgresql+psycopg://u:s3cr3t%40Pa55@h/db"
    message = 'invalid connection option in "host=h password=s3cr3t@Pa55", or s3cr3t%40Pa55'
    hidden = hide_secrets(message, url)
    assert "s3cr3t" not in hidden and "Pa55" not in hidden, hidden


def _db_current(url: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.setenv("CLEARLANE_DATABASE_URL", url)
    get_settings.cache_clear()
    return CliRunner().invoke(app, ["db", "current"], env={"COLUMNS": "300"})


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://u@127.0.0.1:1/db?password={SECRET}&connect_timeout=2",
        f"postgresql+psycopg://u:{SECRET}@127.0.0.1:1/db?connect_timeout=2",
        "postgresql+psycopg://u:s3cr@3t-Pa55@127.0.0.1:abc/db",
    ],
)
def test_the_error_line_of_a_store_that_cannot_be_reached_hides_the_password(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _db_current(url, monkeypatch)
    assert result.exit_code == 2, result.output
    assert "error:" in result.output and "CLEARLANE_DATABASE_URL" in result.output
    assert "s3cr3t" not in result.output and "Pa55" not in result.output, result.output


def test_a_bug_while_connecting_is_not_reported_as_a_connection_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import clearlane.store.session as session

    def broken(engine: object) -> str:
        raise TypeError("a bug in ClearLane, not the store")

    monkeypatch.setattr(session, "current_revision", broken)
    result = _db_current(f"sqlite:///{tmp_path / 'store.db'}", monkeypatch)
    assert isinstance(result.exception, TypeError), result.output
    assert "cannot connect" not in result.output
