"""/docs (Swagger UI) and /redoc work without internet: every script, style and icon they
reference is served by ClearLane itself."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clearlane.api.app import create_app


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.refs += [v for k, v in attrs if k in ("src", "href") and v]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    root: Path = tmp_path_factory.mktemp("apidocs")
    return TestClient(create_app(database_url=f"sqlite:///{root / 'docs.db'}"))


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_only_local_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    html = response.text
    parser = _Refs()
    parser.feed(html)
    assert parser.refs, "the page references no assets"
    for ref in parser.refs:
        assert ref.startswith("/") and not ref.startswith("//"), f"{page} loads {ref}"
        asset = client.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 1000, ref
    # Nothing in the page (inline scripts included) reaches out to another host.
    assert "http://" not in html and "https://" not in html
    assert "'/openapi.json'" in html or '"/openapi.json"' in html
    assert client.get("/openapi.json").status_code == 200


def test_swagger_ui_oauth2_redirect_page_is_local(client: TestClient) -> None:
    response = client.get("/docs/oauth2-redirect")
    assert response.status_code == 200
    assert "https://" not in response.text
