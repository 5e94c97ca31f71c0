"""Builders for API tests: declarations of the test trader's organisation, and submitting."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import OTHER_ORG, TRADER_ORG
from tests.factories import declaration, item

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def own(reference: str, organisation: str = TRADER_ORG, **changes: Any) -> dict[str, Any]:
    """A valid declaration whose importer is ``organisation`` (the test trader's by default)."""
    record = declaration(reference, **changes)
    record["importer"] = {"id": organisation, "name": "Importer", "country": "NL"}
    return record


def others(reference: str, **changes: Any) -> dict[str, Any]:
    return own(reference, OTHER_ORG, **changes)


def arms(reference: str, **changes: Any) -> dict[str, Any]:
    """A declaration of pistols: a mandatory profile sends it red."""
    return own(
        reference,
        items=[item(hs_code="93020000", description="pistols", quantity=10, net_mass_kg=9.0)],
        **changes,
    )


def submit(client: TestClient, headers: dict[str, str], body: Any) -> Any:
    response = client.post("/api/declarations", json=body, headers=headers)
    assert response.status_code in (200, 201), response.text
    return response.json()
