"""API test harness: an app on a fresh store (SQLite; PostgreSQL where a test asks for
``store_url``), one user per role, and helpers to act as each of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from fastapi.testclient import TestClient

import clearlane.users
from clearlane.api.app import create_app
from clearlane.api.auth.service import issue_token
from clearlane.config import get_settings
from clearlane.learn.registry import ModelRegistry
from clearlane.risk.profile_store import save_profiles
from clearlane.risk.profiles import parse_profiles
from clearlane.store.session import open_store
from clearlane.users import Role, create_user, get_user
from clearlane.workflows import default_registry
from tests.api.seed import Seeded, seed
from tests.conftest import SECRET_KEY, sqlite_migrated_url, sqlite_template

PASSWORD = "correct horse battery"
TRADER_ORG = "NL000000001"
OTHER_ORG = "NL000000002"


_real_hash_password = clearlane.users.hash_password
_password_hashes: dict[str, str] = {}


def _hash_once(password: str) -> str:
    """The argon2 hash of ``password``, computed once per test process: every user of
    :func:`add_users` has the same password, and hashing it afresh for each of eight users on
    each of hundreds of fresh stores cost about 2 s a store. The stored hash is a real argon2id
    hash of that password (a sign-in still verifies it the production way); only its salt is
    shared between the harness's users. Hashing itself is tested in tests/api/test_auth.py and
    tests/cli/test_user_cli.py."""
    if password not in _password_hashes:
        _password_hashes[password] = _real_hash_password(password)
    return _password_hashes[password]


def add_users(url: str) -> dict[str, str]:
    """One user per role (plus a second trader); returns role -> username."""
    names = {role.value: f"{role.value}1" for role in Role}
    with (
        mock.patch.object(clearlane.users, "hash_password", _hash_once),
        open_store(url)() as session,
        session.begin(),
    ):
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


@contextmanager
def app_with_settings(
    store_url: str,
    monkeypatch: pytest.MonkeyPatch,
    secret: str,
    raise_server_exceptions: bool = True,
    **settings: object,
) -> Iterator[TestClient]:
    """A client of a fresh app on ``store_url`` with one user per role, the secret key
    ``secret`` and each ``CLEARLANE_<NAME>`` setting of ``settings`` (``db_pool_size=1``)
    for its life; the client carries ``store_url``. The racing and pool tests' fixture."""
    monkeypatch.setenv("CLEARLANE_SECRET_KEY", secret + "k" * 40)
    for name, value in settings.items():
        monkeypatch.setenv(f"CLEARLANE_{name.upper()}", str(value))
    get_settings.cache_clear()
    add_users(store_url)
    app = create_app(database_url=store_url)
    try:
        with TestClient(app, raise_server_exceptions=raise_server_exceptions) as client:
            client.store_url = store_url  # type: ignore[attr-defined]
            yield client
    finally:
        get_settings.cache_clear()


def access_token(url: str, username: str, minutes: int = 120) -> str:
    """A bearer token with its server-side session, without a sign-in (no argon2, no audit)."""
    with open_store(url)() as session, session.begin():
        token, _sid = issue_token(
            session, get_user(session, username), kind="access", minutes=minutes
        )
    return token


def store_bearer(client: TestClient, username: str) -> dict[str, str]:
    """The Authorization header of :func:`access_token` on the store of ``client`` (a client of
    :func:`app_with_settings`): for tests whose subject is not the sign-in (Session 37,
    2026-12-07: a sign-in's argon2 check took about 0.4 s on a loaded machine)."""
    return {"Authorization": "Bearer " + access_token(client.store_url, username)}  # type: ignore[attr-defined]


@pytest.fixture
def api_url(tmp_path: Path, _sqlite_migrated: Path) -> str:
    """A SQLite store already at head (a copy of this process's migrated template,
    tests/conftest.py), this test's own."""
    return sqlite_migrated_url(_sqlite_migrated, tmp_path)


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


@dataclass
class World:
    """One app and store shared by a module's tests (building one costs seconds: migrations
    and argon2). Tests that change it use their own ids so that order does not matter."""

    client: TestClient
    url: str
    users: dict[str, str]
    headers: dict[str, dict[str, str]]  # role (and "trader2") -> Authorization header
    seeded: Seeded | None


def _world(
    tmp_path_factory: pytest.TempPathFactory, *, with_data: bool, url: str | None = None
) -> Iterator[World]:
    """An app with one user per role (and the seeded data) on ``url`` (default: a new SQLite
    store, a copy of the process's migrated template)."""
    from clearlane.config import get_settings

    with pytest.MonkeyPatch.context() as patch:
        root = tmp_path_factory.mktemp("world")
        patch.setenv("CLEARLANE_DATA_DIR", str(root / "var"))
        patch.setenv("CLEARLANE_SECRET_KEY", SECRET_KEY)  # tokens outlive one test
        get_settings.cache_clear()
        url = url or sqlite_migrated_url(sqlite_template(root.parent), root, "world.db")
        users = add_users(url)
        data = seed(url, root) if with_data else None
        app = create_app(database_url=url, registry=data.registry if data else None)
        headers = {
            role: {"Authorization": "Bearer " + access_token(url, name)}
            for role, name in users.items()
        }
        with TestClient(app) as client:
            yield World(client, url, users, headers, data)
    get_settings.cache_clear()


# --------------------------------------------------------------------- a trained engine


MANDATORY_PROFILE = {
    "id": "T-ARMS",
    "name": "arms and ammunition",
    "version": 1,
    "owner": "tests",
    "rationale": "weapons are always inspected",
    "valid_from": "2020-01-01",
    "weight": 0.9,
    "mandatory_control": True,
    "conditions": [{"op": "hs_prefix", "value": ["93"]}],
}


def add_mandatory_profile(url: str) -> None:
    """Chapter 93 (arms) goes red for reason `mandatory`, whatever the score."""
    save_profiles(
        parse_profiles([MANDATORY_PROFILE]),
        changed_by="tests",
        session_factory=open_store(url),
    )


@dataclass
class Harness:
    """An app shared by the tests of one module: its client, store URL and role headers."""

    client: TestClient
    url: str
    auth: dict[str, dict[str, str]]
    data_dir: Path


@contextmanager
def harness(root: Path, registry: ModelRegistry | None) -> Iterator[Harness]:
    """Users, a mandatory profile for chapter 93 and the app, created once for a module; the
    role headers carry tokens issued without a sign-in (:func:`access_token`).

    The secret key is pinned (the per-test data directory would otherwise give each test a
    new one, and the module's tokens would stop verifying)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLEARLANE_SECRET_KEY", SECRET_KEY)
        patch.setenv("CLEARLANE_DATA_DIR", str(root / "var"))
        patch.delenv("CLEARLANE_DATABASE_URL", raising=False)
        get_settings.cache_clear()
        url = sqlite_migrated_url(sqlite_template(root.parent), root, "api.db")
        users = add_users(url)
        add_mandatory_profile(url)
        with TestClient(create_app(database_url=url, registry=registry)) as client:
            # Session 37, 2026-12-07: tokens issued as a sign-in issues them (a server-side
            # session each), without the sign-in's argon2 check (about 1 s each on a loaded
            # machine, seven per module): no test of a harness reads the sign-in audit entries,
            # and sign-in itself is tested in test_auth.py and test_races.py.
            auth = {
                role: {"Authorization": "Bearer " + access_token(url, name)}
                for role, name in users.items()
            }
            yield Harness(client, url, auth, root / "var")
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Users of every role on an otherwise empty store."""
    yield from _world(tmp_path_factory, with_data=False)


@pytest.fixture(scope="module")
def seeded_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Users of every role and the small known store of :mod:`tests.api.seed`."""
    yield from _world(tmp_path_factory, with_data=True)


@pytest.fixture(scope="module")
def scored(
    tmp_path_factory: pytest.TempPathFactory, trained_registry: ModelRegistry
) -> Iterator[Harness]:
    """A module's app with a champion engine (and the chapter-93 mandatory profile)."""
    with harness(tmp_path_factory.mktemp("scored"), trained_registry) as made:
        yield made


@pytest.fixture(scope="module")
def unscored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """A module's app with no trained engine (an empty model registry); pair it with
    ``no_fallback`` to keep submissions pending, else the fallback champion routes them."""
    root = tmp_path_factory.mktemp("unscored")
    with harness(root, default_registry(root / "models")) as made:
        yield made


@pytest.fixture
def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """No engine can be had at all (the fallback champion cannot be fitted either): what a
    submission looks like while the engine is missing."""
    import clearlane.api.scoring
    from clearlane.workflows import WorkflowError

    def cannot(*args: object, **kwargs: object) -> None:
        raise WorkflowError("no trained engine yet: run `clearlane train` first")

    monkeypatch.setattr(clearlane.api.scoring, "ensure_champion", cannot)
