"""The declaration page shows a stored reason that names no weight (or source) instead of
answering 500: the seeded assessments' reasons are ``{"code", "text"}`` only, the shape a
reason stored by an earlier release or another writer may have."""

from __future__ import annotations

from tests.api.conftest import World


def test_a_reason_without_a_weight_renders_on_the_declaration_page(seeded_world: World) -> None:
    assert seeded_world.seeded is not None
    reference = seeded_world.seeded.references[8]
    response = seeded_world.client.get(
        f"/declarations/{reference}", headers=seeded_world.headers["officer"]
    )
    assert response.status_code == 200, response.text[:300]
    assert "a reason" in response.text  # the seeded reason's text, without a weight
