"""Every integer a route takes in its path or query has explicit bounds, so a value out of range
(``10**30``, ``-1``, ``2**63``) answers 422 on SQLite and PostgreSQL, never 500: SQLite raises
OverflowError on an integer beyond 64 bits and PostgreSQL refuses one beyond its column.

The routes are enumerated from the app (tests/api/test_permission_matrix.py), so a route
added later without bounds fails here. The UI's ``/audit?limit=`` took any integer (clamped
to 1..1000 in the handler) and its promote form's ``version`` any integer at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from fastapi import FastAPI, Query
from fastapi.testclient import TestClient

from clearlane.api.app import create_app
from clearlane.api.permissions import MATRIX
from clearlane.users import Role
from tests.api.conftest import access_token, add_users
from tests.api.test_permission_matrix import PATH_VALUES, _permissions, _route_contexts

# Out of every range: beyond 64 bits, beyond a signed 64-bit column, negative.
HOSTILE = (10**30, 2**63, -1)
STREAMS = ("/events", "/alerts")  # server-sent events


@dataclass(frozen=True)
class IntParam:
    method: str
    path: str
    name: str
    where: str  # "path" or "query"
    ge: int | None
    le: int | None
    permissions: frozenset[Any]

    def url(self, value: int) -> str:
        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            return str(value) if name == self.name else PATH_VALUES.get(name, "1")

        url = re.sub(r"\{([^}:]+)(?::[^}]*)?\}", fill, self.path)
        return url if self.where == "path" else f"{url}?{self.name}={value}"


def _bound(metadata: list[Any], attribute: str) -> int | None:
    for item in metadata:
        value = getattr(item, attribute, None)
        if value is not None:
            return int(value)
    return None


def _either(bound: int | None, other: int | None) -> int | None:
    """The first bound given (a bound of 0 is one: not ``bound or other``)."""
    return bound if bound is not None else other


def _params(dependant: Any) -> Iterator[tuple[Any, str]]:
    stack, seen = [dependant], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield from ((p, "path") for p in node.path_params)
        yield from ((p, "query") for p in node.query_params)
        stack.extend(node.dependencies)


def integer_params(app: FastAPI) -> list[IntParam]:
    found = []
    for context in _route_contexts(app):
        methods = getattr(context, "methods", None)
        dependant = getattr(context, "dependant", None)
        path = getattr(context, "path_format", None) or getattr(context, "path", None)
        if not methods or dependant is None or path is None:
            continue
        permissions = frozenset(_permissions(dependant)[0])
        for param, where in _params(dependant):
            if param.field_info.annotation not in (int, int | None):
                continue
            metadata = list(param.field_info.metadata)
            for method in sorted(methods - {"HEAD", "OPTIONS"}):
                found.append(
                    IntParam(
                        method,
                        path,
                        param.name,
                        where,
                        _either(_bound(metadata, "ge"), _bound(metadata, "gt")),
                        _either(_bound(metadata, "le"), _bound(metadata, "lt")),
                        permissions,
                    )
                )
    return found


@pytest.fixture
def app_client(migrated_url: str) -> Iterator[tuple[TestClient, dict[Role, dict[str, str]]]]:
    add_users(migrated_url)
    with TestClient(create_app(database_url=migrated_url)) as client:
        # tokens as a sign-in issues them, without six argon2 checks (Session 37, 2026-12-07)
        headers = {
            role: {"Authorization": "Bearer " + access_token(migrated_url, f"{role.value}1")}
            for role in Role
        }
        yield client, headers


def _role_for(param: IntParam) -> Role:
    """A role with every permission the route needs (so the answer is about the value)."""
    return next(role for role in Role if param.permissions <= MATRIX[role])


def _status(client: TestClient, method: str, url: str, headers: dict[str, str]) -> int:
    """The status only: a stream (server-sent events) is not read to its end."""
    kwargs: dict[str, Any] = {"headers": headers}
    if method in ("POST", "PUT", "PATCH"):
        kwargs["json"] = {}
    with client.stream(method, url, **kwargs) as response:
        return response.status_code


def test_every_integer_of_every_route_has_a_lower_and_an_upper_bound() -> None:
    params = integer_params(create_app(database_url="sqlite://"))
    names = {(p.method, p.path, p.name) for p in params}
    assert ("GET", "/audit", "limit") in names, "the enumeration missed a known parameter"
    assert ("POST", "/models/{name}/{version}/promote", "version") in names
    unbounded = [
        f"{p.method} {p.path} {p.name} (ge={p.ge}, le={p.le})"
        for p in params
        if p.ge is None or p.le is None or p.le > 2**63 - 1
    ]
    assert not unbounded, "integers without bounds (Query/Path(ge=..., le=...)):\n" + "\n".join(
        unbounded
    )


def test_out_of_range_integers_answer_422_never_5xx(
    app_client: tuple[TestClient, dict[Role, dict[str, str]]],
) -> None:
    client, headers = app_client
    params = integer_params(client.app)  # type: ignore[arg-type]
    assert len(params) > 15
    failures = []
    for param in params:
        role = _role_for(param)
        values = set(HOSTILE)
        if param.ge is not None:
            values.add(param.ge - 1)
        if param.le is not None:
            values.add(param.le + 1)
        for value in sorted(values):
            url = param.url(value)
            status = _status(client, param.method, url, headers[role])
            if status != 422:
                failures.append(f"{role.value} {param.method} {url}: {status}")
        # The largest value allowed fits the store: no 5xx. Not on the alert streams: one
        # accepted stays open, and its poller outlives a stream the test client closes.
        if param.le is not None and not param.path.endswith(STREAMS):
            url = param.url(param.le)
            status = _status(client, param.method, url, headers[role])
            if status >= 500:
                failures.append(f"{role.value} {param.method} {url} (the bound): {status}")
    assert not failures, "\n".join(failures)


def test_the_audit_page_and_the_promote_form_refuse_out_of_range_integers(
    app_client: tuple[TestClient, dict[Role, dict[str, str]]],
) -> None:
    client, headers = app_client
    for limit in (0, 1001, 10**30, -1):
        response = client.get(f"/audit?limit={limit}", headers=headers[Role.ADMIN])
        assert response.status_code == 422, (limit, response.text[:200])
    assert client.get("/audit?limit=1000", headers=headers[Role.ADMIN]).status_code == 200
    # ... and its text filters are bounded as /api/audit's are (32 and 256 characters)
    for query in (f"kind={'k' * 33}", f"subject={'s' * 257}"):
        response = client.get(f"/audit?{query}", headers=headers[Role.ADMIN])
        assert response.status_code == 422, (query[:20], response.text[:200])
    # (a 32-character kind is within the bound but no kind the audit writes: refused too)
    assert client.get(f"/audit?kind={'k' * 32}", headers=headers[Role.ADMIN]).status_code == 422
    for query in ("kind=export", f"subject={'s' * 256}"):
        assert client.get(f"/audit?{query}", headers=headers[Role.ADMIN]).status_code == 200
    for version in (0, -1, 2**63, 10**30):
        response = client.post(
            f"/models/risk-engine/{version}/promote",
            data={"justification": "better on the holdout set"},
            headers=headers[Role.SUPERVISOR],
        )
        assert response.status_code == 422, (version, response.text[:200])


def test_a_bound_of_zero_is_a_bound() -> None:
    """``Query(ge=0)`` and ``le=0`` are bounds: the enumeration read a bound of 0 as none (``0
    or gt``), so a route taking an offset from 0 would be reported unbounded and its below-range
    value (-1) never sent."""
    app = FastAPI()

    @app.get("/offset")
    def offset(
        start: Annotated[int, Query(ge=0, le=10)] = 0,
        shift: Annotated[int, Query(ge=-5, le=0)] = 0,
    ) -> int:
        return start + shift

    found = {p.name: (p.ge, p.le) for p in integer_params(app)}
    assert found == {"start": (0, 10), "shift": (-5, 0)}
