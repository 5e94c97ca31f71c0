"""The permission matrix, enforced on every route of the app for every role.

Routes are enumerated from the application itself, so a route added later is covered without
editing this file. Each route's required permissions are read from its dependency tree (the
``Require(Permission.X)`` dependencies, or anything else that carries a ``permission``); then,
with a minimal, valid-looking request:

- without a token: 401 (outside /api a redirect to the sign-in page is also accepted);
- with a role that lacks a required permission: 403;
- with a role that has them all: neither 401 nor 403 (nor a server error).

An /api route that requires no permission must be listed in one of the exemptions below, so
that "forgot the permission check" fails here rather than in production.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clearlane.api.deps import Require
from clearlane.api.permissions import MATRIX, Permission, Role
from tests.api.conftest import World

# Public: no sign-in at all.
PUBLIC = {("GET", "/api/health"), ("GET", "/api/ready"), ("POST", "/api/auth/token")}
# Any signed-in user, whatever the role (the route decides per user, e.g. who am I).
SIGNED_IN = {("GET", "/api/auth/me"), ("POST", "/api/auth/logout")}
# Routes not called with the module's shared tokens: signing out would end them for the tests
# that follow (tests/api/test_races.py signs out on tokens of its own).
ENDS_SESSION = {("POST", "/api/auth/logout")}

# Values for path parameters, by name; they name seeded objects so that allowed calls reach
# the route's own logic rather than stopping at a 404 of an unknown id.
PATH_VALUES = {
    "reference": "REF-0000",
    "profile_id": "CL-UV-01",
    "name": "risk-engine",
    "version": "1",
    "office": "NLRTM1",
}
WITH_BODY = {"POST", "PUT", "PATCH"}


@dataclass(frozen=True)
class RouteInfo:
    method: str
    path: str  # as declared, e.g. /api/models/{name}/{version}
    permissions: frozenset[Permission]
    has_guard: bool  # a permission dependency was found

    @property
    def key(self) -> tuple[str, str]:
        return self.method, self.path

    @property
    def url(self) -> str:
        def value(match: re.Match[str]) -> str:
            return PATH_VALUES.get(match.group(1), "1")

        return re.sub(r"\{([^}:]+)(?::[^}]*)?\}", value, self.path)


def _permissions(dependant: Any) -> tuple[set[Permission], bool]:
    """Every permission required anywhere in a route's dependency tree."""
    found: set[Permission] = set()
    guarded = False
    stack = [dependant]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        call = getattr(node, "call", None)
        permission = getattr(call, "permission", None)
        if isinstance(call, Require) or isinstance(permission, Permission):
            guarded = True
            if isinstance(permission, Permission):
                found.add(permission)
        stack.extend(getattr(node, "dependencies", None) or [])
    return found, guarded


def _route_contexts(app: FastAPI) -> Iterator[Any]:
    """Every route, with included routers flattened (FastAPI keeps them nested)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # older FastAPI: included routes are copied flat into app.routes
        yield from app.routes
        return
    yield from iter_route_contexts(app.routes)


def app_routes(app: FastAPI) -> list[RouteInfo]:
    routes: list[RouteInfo] = []
    for context in _route_contexts(app):
        methods = getattr(context, "methods", None)
        dependant = getattr(context, "dependant", None)
        path = getattr(context, "path_format", None) or getattr(context, "path", None)
        if not methods or path is None:
            continue  # mounts (static files), websockets
        permissions, guarded = _permissions(dependant) if dependant is not None else (set(), False)
        for method in sorted(methods - {"HEAD", "OPTIONS"}):
            routes.append(RouteInfo(method, path, frozenset(permissions), guarded))
    return routes


def call(client: TestClient, route: RouteInfo, headers: dict[str, str]) -> tuple[int, str]:
    """Status and (short) body of a minimal request. Streams are not read to the end: a
    server-sent-event route answers its status and is then cancelled."""
    kwargs: dict[str, Any] = {"headers": dict(headers)}
    if route.method in WITH_BODY:
        kwargs["content"] = b"{}"
        kwargs["headers"]["Content-Type"] = "application/json"
    with client.stream(route.method, route.url, **kwargs) as response:
        streaming = response.headers.get("content-type", "").startswith("text/event-stream")
        text = "" if streaming else response.read().decode(errors="replace")[:300]
        return response.status_code, text


@pytest.fixture(scope="module")
def routes(seeded_world: World) -> list[RouteInfo]:
    found = app_routes(seeded_world.client.app)  # type: ignore[arg-type]
    assert len(found) > 10, "route enumeration found almost nothing: the introspection broke"
    return found


def test_enumeration_sees_the_guards_of_known_routes(routes: list[RouteInfo]) -> None:
    by_key = {r.key: r for r in routes}
    assert by_key[("POST", "/api/models/{name}/{version}/promote")].permissions == {
        Permission.MODEL_PROMOTE
    }
    assert by_key[("GET", "/api/audit")].permissions == {Permission.AUDIT_READ}
    assert by_key[("PUT", "/api/capacity/{office}")].permissions == {Permission.CAPACITY_WRITE}
    assert by_key[("GET", "/api/health")].permissions == frozenset()
    assert not by_key[("GET", "/api/auth/me")].has_guard


def test_every_api_route_checks_a_permission_or_is_exempt(routes: list[RouteInfo]) -> None:
    keys = {r.key for r in routes}
    unguarded = sorted(
        f"{r.method} {r.path}"
        for r in routes
        if r.path.startswith("/api") and not r.permissions and r.key not in PUBLIC | SIGNED_IN
    )
    assert not unguarded, (
        "these /api routes need no permission: add Depends(Require(Permission.X)) or, if "
        f"that is intended, list them in PUBLIC or SIGNED_IN: {unguarded}"
    )
    stale = sorted(f"{m} {p}" for m, p in (PUBLIC | SIGNED_IN) - keys)
    assert not stale, f"exemptions for routes that no longer exist: {stale}"


def test_without_a_token_every_protected_route_is_401(
    seeded_world: World, routes: list[RouteInfo]
) -> None:
    failures = []
    for route in routes:
        if route.key in PUBLIC or not (route.permissions or route.key in SIGNED_IN):
            continue
        status, text = call(seeded_world.client, route, {})
        api = route.path.startswith("/api")
        if status != 401 and (api or status not in (302, 303, 307)):
            failures.append(f"{route.method} {route.url}: {status} {text}")
    assert not failures, "expected 401 without a token:\n" + "\n".join(failures)


def test_public_routes_need_no_token(seeded_world: World, routes: list[RouteInfo]) -> None:
    for route in routes:
        if route.key in PUBLIC:
            status, text = call(seeded_world.client, route, {})
            if route.key == ("GET", "/api/ready") and status == 503:
                assert '"code":"starting"' in text, text  # a worker still loading says so
                continue
            assert status not in (401, 403) and status < 500, f"{route.key}: {status} {text}"


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_what_the_matrix_gives(
    role: Role, seeded_world: World, routes: list[RouteInfo]
) -> None:
    headers = seeded_world.headers[role.value]
    granted = MATRIX[role]
    failures = []
    checked = 0
    for route in routes:
        if route.key in PUBLIC or not (route.permissions or route.key in SIGNED_IN):
            continue
        if route.key in ENDS_SESSION:
            continue
        status, text = call(seeded_world.client, route, headers)
        checked += 1
        missing = route.permissions - granted
        if missing and status != 403:
            failures.append(
                f"{route.method} {route.url}: {status}, expected 403 (lacks "
                f"{', '.join(sorted(missing))}) {text}"
            )
        if not missing and (status in (401, 403) or status >= 500):
            failures.append(f"{route.method} {route.url}: {status}, expected access {text}")
    assert checked > 10
    assert not failures, f"role {role.value}:\n" + "\n".join(failures)


def test_the_harness_copes_with_endless_streams(seeded_world: World) -> None:
    """Server-sent events never end; the matrix must still read their status."""
    import asyncio
    from collections.abc import AsyncIterator

    from fastapi import Depends
    from fastapi.responses import StreamingResponse

    from clearlane.api.app import create_app

    app = create_app(database_url=seeded_world.url)

    async def forever() -> AsyncIterator[bytes]:
        while True:
            yield b"data: tick\n\n"
            await asyncio.sleep(0.01)

    @app.get("/api/test-stream", dependencies=[Depends(Require(Permission.QUEUE_READ))])
    def stream() -> StreamingResponse:
        return StreamingResponse(forever(), media_type="text/event-stream")

    (route,) = [r for r in app_routes(app) if r.path == "/api/test-stream"]
    assert route.permissions == {Permission.QUEUE_READ}
    with TestClient(app) as client:
        assert call(client, route, seeded_world.headers["officer"])[0] == 200
        assert call(client, route, seeded_world.headers["trader"])[0] == 403
        assert call(client, route, {})[0] == 401
