"""Hostile requests to every page of the web UI (the routes left out of the OpenAPI schema, so
the schemathesis test never reaches them): generated form values and query strings - very
long strings, NUL and control characters, lone surrogates and invalid UTF-8, huge, negative
and zero numbers, unknown enum values, repeated fields - in url-encoded, multipart (huge,
empty, binary files), JSON and wrongly typed bodies, with good and bad CSRF tokens, to each
route, signed in as each role through the sign-in form and anonymously, on SQLite and
PostgreSQL. The answer is never a 5xx and never shows a traceback.

Routes and field names are read from the app and the templates, so a new page or field is
covered without editing this file. Bounded like test_schemathesis (``CLEARLANE_FUZZ_EXAMPLES``,
``CLEARLANE_FUZZ_SEED``, ``CLEARLANE_FUZZ_LOG`` work the same way): a few derandomised
examples per route and role in the suite.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

import clearlane.api
from clearlane.users import Role
from tests.api.conftest import PASSWORD, World, _world
from tests.api.test_permission_matrix import _route_contexts
from tests.api.test_schemathesis import BOUNDED, LOG, _full, _seeded, _summary
from tests.conftest import BACKENDS, postgres_database

TEMPLATES = Path(clearlane.api.__file__).parent / "templates"
TEMPLATE_FIELDS = sorted(
    {
        name
        for template in TEMPLATES.rglob("*.html")
        for name in re.findall(r'name="([A-Za-z_][\w.\-]*)"', template.read_text())
    }
    - {"viewport", "htmx-config"}
)
# fields the pages name in code rather than in a template
EXTRA_FIELDS = ["page", "max_events", "irr-0-type", "irr-0-field", "irr-0-declared", "irr-0-found"]
CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
LOGIN_TOKEN = re.compile(r'name="login_token" value="([^"]+)"')
# a stream that never ends; ends the session in use; the API's documentation (schemathesis's)
SKIPPED = {"/ui/alerts", "/logout", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"}
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"/[^\"]+\.py\", line \d+")


@pytest.fixture(
    scope="module", params=[pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS]
)
def ui_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    if request.param == "sqlite":
        yield from _world(tmp_path_factory, with_data=True)
        return
    with postgres_database() as url:
        yield from _world(tmp_path_factory, with_data=True, url=url)


# ----------------------------------------------------------------------------- values

NUMBERS = [
    "0", "-1", "-0", "1e309", "-1e309", "NaN", "nan", "inf", "-Infinity", "9" * 40,
    str(2**63), str(2**64), str(-(2**63) - 1), "1.5", "0x10", "1_000", "١٢٣", "",
]  # fmt: skip
WORDS = [
    "bogus", "RED", "red", "green", "accept", "override", "change", "true", "null", "None",
    "yaml", "json", "../../etc/passwd", "%00", "<script>alert(1)</script>", "' OR 1=1 --",
    "A" * 65, "x" * 5000, "ｒｅｄ", "e\u0301", "\u00e9", "\ufeffred", "\u202ered",
]  # fmt: skip
hostile_text = st.one_of(
    st.sampled_from(NUMBERS + WORDS),
    st.text(max_size=40),  # any code point, lone surrogates and controls included
    st.text(st.characters(codec=None, categories=["Cc", "Cs", "Zl", "Zp"]), max_size=20),
    st.sampled_from(["\x00", "a\x00b", "\x7f", "\ud800", "\udfff", "\r\n\t"]),
)
# the client refuses URLs over 64 KiB; bodies get longer strings
query_text = st.one_of(hostile_text, st.integers(1, 15_000).map(lambda n: "Q" * n))
body_text = st.one_of(hostile_text, st.integers(1, 600_000).map(lambda n: "Z" * n))


def enc(value: str) -> str:
    """Percent-encoded the way a browser would send it, lone surrogates kept (as their
    ill-formed UTF-8 bytes) rather than refused by the client."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def clean(value: str) -> str:
    """For clients that refuse ill-formed text (multipart headers, JSON): surrogates out."""
    return value.encode("utf-8", "replace").decode("utf-8") if value else value


@dataclass
class Route:
    path: str
    methods: list[str]
    params: list[str]  # path parameters
    names: list[str] = field(default_factory=list)  # its declared form and query fields


def ui_routes(world: World) -> list[Route]:
    """The routes left out of the schema, but the API's own documentation pages."""
    routes = []
    for context in _route_contexts(world.client.app):  # type: ignore[arg-type]
        methods = getattr(context, "methods", None)
        dependant = getattr(context, "dependant", None)
        path = getattr(context, "path_format", None) or getattr(context, "path", None)
        if not methods or dependant is None or path is None:
            continue  # mounts (static files)
        if getattr(context, "include_in_schema", True) or path in SKIPPED:
            continue
        names = [p.alias for p in dependant.query_params + dependant.body_params]
        params = [p.alias for p in dependant.path_params]
        routes.append(Route(path, sorted(methods - {"HEAD", "OPTIONS"}), params, names))
    return routes


@st.composite
def ui_request(draw: st.DrawFn, route: Route, references: list[str], csrf: str | None) -> dict:
    method = draw(st.sampled_from(route.methods))
    path = route.path
    for name in route.params:
        value = draw(
            st.one_of(
                st.sampled_from(references + ["1", "2"]),
                hostile_text,
                st.sampled_from(["..", "%2e%2e", "a/../b", "%00", "%ff", "%ed%a0%80", "\u212b"]),
            )
        )
        raw = value if value.startswith("%") and len(value) == 3 or "%2e" in value else enc(value)
        path = path.replace("{" + name + "}", raw).replace("{" + name + ":path}", raw)
    names = st.sampled_from(route.names + TEMPLATE_FIELDS + EXTRA_FIELDS)
    query = draw(st.lists(st.tuples(names, query_text), max_size=3))
    url = path + ("?" + "&".join(f"{enc(k)}={enc(v)}" for k, v in query) if query else "")
    request: dict[str, Any] = {"method": method, "url": url, "headers": {}}
    if method == "GET":
        return request
    fields = draw(st.lists(st.tuples(names, body_text), max_size=8))  # repeats allowed
    token = draw(st.one_of(st.just(csrf), hostile_text)) if csrf else draw(hostile_text)
    if draw(st.booleans()):
        fields.append(("csrf_token", token or ""))
    kind = draw(st.sampled_from(["form", "multipart", "json", "raw", "none"]))
    if kind == "form":
        request["content"] = "&".join(f"{enc(k)}={enc(v)}" for k, v in fields).encode()
        request["headers"]["content-type"] = "application/x-www-form-urlencoded"
    elif kind == "multipart":
        request["data"] = {k: clean(v) for k, v in fields}
        content = draw(
            st.one_of(
                st.binary(max_size=200),
                st.just(b""),
                st.sampled_from([b"%PDF-1.4\n%\xff\xff\n", b"<?xml version='1.0'?><a>", b"\0" * 9]),
                st.integers(min_value=1, max_value=12 * 2**20).map(lambda n: b"\x89PNG" * (n // 4)),
            )
        )
        filename = clean(draw(hostile_text)) or "f"
        ctype = draw(st.sampled_from(["application/pdf", "image/png", "text/plain", "x/\x00"]))
        part = draw(st.sampled_from(["file", "json_file", "text"]))
        request["files"] = {part: (filename, content, clean(ctype))}
    elif kind == "json":
        request["content"] = json.dumps({k: clean(v) for k, v in fields}).encode()
        request["headers"]["content-type"] = "application/json"
    elif kind == "raw":
        request["content"] = draw(st.binary(max_size=300))
        request["headers"]["content-type"] = draw(
            st.sampled_from(
                [
                    "text/plain",
                    "multipart/form-data",  # no boundary
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=latin-1",
                    "application/xml",
                ]
            )
        )
    if csrf and draw(st.booleans()):
        raw = (token or "").encode("utf-8", "surrogatepass")  # as bytes: Latin-1 on the wire
        request["headers"]["x-csrf-token"] = bytes(b for b in raw if b >= 0x20 and b != 0x7F)
    return request


def signed_in(world: World, role: str) -> tuple[TestClient, str | None]:
    """A client of the same app holding ``role``'s session cookie (or none: anonymous), and
    the session's CSRF token."""
    client = TestClient(world.client.app, raise_server_exceptions=False)
    if role == "anonymous":
        return client, None
    page = client.get("/login")
    login_token = LOGIN_TOKEN.search(page.text)
    assert login_token, page.text[:300]
    response = client.post(
        "/login",
        data={
            "username": world.users[role],
            "password": PASSWORD,
            "login_token": login_token.group(1),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:300]
    home = client.get("/trader" if role == "trader" else "/profiles")
    token = CSRF.search(home.text) or CSRF.search(client.get("/").text)
    assert token, home.text[:300]
    return client, token.group(1)


def describe(request: dict) -> str:
    shown = {k: v for k, v in request.items() if k != "files"}
    if "content" in shown and len(shown["content"]) > 300:
        shown["content"] = shown["content"][:300] + b"...(%d bytes)" % len(request["content"])
    if "files" in request:
        shown["files"] = {
            k: (name[:80], f"{len(data)} bytes", ctype)
            for k, (name, data, ctype) in request["files"].items()
        }
    return repr(shown)[:1500]


@pytest.mark.parametrize("role", ["anonymous"] + [r.value for r in Role])
def test_ui_pages_never_answer_5xx_or_a_traceback(role: str, ui_world: World) -> None:
    client, csrf = signed_in(ui_world, role)
    references = ui_world.seeded.references[:3] if ui_world.seeded else []
    routes = [
        r for r in ui_routes(ui_world) if role == "anonymous" or r.path != "/login"
    ]  # a failed sign-in would end the role's session
    failures: list[str] = []
    for route in routes:

        @_seeded
        @BOUNDED
        @given(request=ui_request(route, references, csrf))
        def run(request: dict) -> None:
            response = client.request(**request, follow_redirects=False)
            shown = TRACEBACK.search(response.text)
            assert response.status_code < 500 and shown is None, (
                f"{response.status_code} {shown.group(0) if shown else ''} "
                f"{response.text[:300]!r} <- {describe(request)}"
            )

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - reported below
            failures.append(f"{route.path}: {_summary(exc)}")
            if LOG:
                with Path(LOG).open("a", encoding="utf-8") as log:
                    log.write(f"=== ui {role} {route.path}\n{_full(exc)}\n\n")
    assert len(routes) > 15, [r.path for r in routes]
    assert not failures, f"as {role}:\n" + "\n".join(failures)
