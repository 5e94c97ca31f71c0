"""API test harness: an app on a fresh store (SQLite; PostgreSQL where a test asks for
``store_url``), one user per role, and helpers to act as each of them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from clearlane.api.app import create_app
from clearlane.api.auth.service import create_user
from clearlane.api.permissions import Role
from clearlane.store.session import open_store

PASSWORD = "correct horse battery"
TRADER_ORG = "NL000000001"
OTHER_ORG = "NL000000002"


def add_users(url: str) -> dict[str, str]:
    """One user per role (plus a second trader); returns role -> username."""
    names = {role.value: f"{role.value}1" for role in Role}
    with open_store(url)() as session, session.begin():
        for role in Role:
            create_user(
                session,
                username=names[role.value],
                password=PASSWORD,
                role=role,
                organisation=TRADER_ORG if role == Role.TRADER else None,
                full_name=f"{role.value.title()} One",
            )
        create_user(
            session, username="trader2", password=PASSWORD, role=Role.TRADER, organisation=OTHER_ORG
        )
    names["trader2"] = "trader2"
    return names


@pytest.fixture
def api_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'api.db'}"


@pytest.fixture
def users(api_url: str) -> dict[str, str]:
    return add_users(api_url)


@pytest.fixture
def client(api_url: str, users: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(database_url=api_url)) as test_client:
        yield test_client


def token_for(client: TestClient, username: str, password: str = PASSWORD) -> str:
    response = client.post("/api/auth/token", data={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.fixture
def auth(client: TestClient, users: dict[str, str]) -> dict[str, dict[str, str]]:
    """role -> Authorization header."""
    return {
        role: {"Authorization": f"Bearer {token_for(client, name)}"} for role, name in users.items()
    }
