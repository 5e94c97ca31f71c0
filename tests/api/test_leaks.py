"""Risk information reaches only roles with risk:read (issue #12): the alert stream's scores
and the audit trail's assessment payloads are withheld from an admin."""

from __future__ import annotations

import json
import threading
import time

from clearlane.api.events.broadcast import Broadcaster
from tests.api.conftest import Harness, World
from tests.api.helpers import arms, submit


def test_admin_gets_audit_entries_without_scores_reasons_or_components(
    seeded_world: World,
) -> None:
    client, headers = seeded_world.client, seeded_world.headers
    admin = client.get("/api/audit?kind=assessment&limit=5", headers=headers["admin"]).json()
    auditor = client.get("/api/audit?kind=assessment&limit=5", headers=headers["auditor"]).json()
    assert admin["count"] == auditor["count"] == 5
    for hidden, whole in zip(admin["data"], auditor["data"], strict=True):
        assert {"score", "components", "reasons"} <= whole["payload"].keys()
        assert not {"score", "components", "reasons", "model_version"} & hidden["payload"].keys()
        assert (
            hidden["payload"]["redacted"] and hidden["payload"]["lane"] == whole["payload"]["lane"]
        )
    trail = client.get("/api/audit/declarations/REF-0001", headers=headers["admin"]).json()
    assert all("score" not in e["payload"] for e in trail["data"])
    page = client.get("/audit?kind=assessment", headers=headers["admin"]).text
    assert '"components": ' not in page and "redacted" in page
    page = client.get("/audit?kind=assessment", headers=headers["auditor"]).text
    assert '"components": ' in page


def test_the_alert_stream_carries_scores_only_for_risk_readers(scored: Harness) -> None:
    """Admin (queue:read, no risk:read) gets the alert without its score; an officer with it."""
    from tests.api.conftest import access_token

    hub: Broadcaster = scored.client.app.state.events  # type: ignore[attr-defined]
    admin = {"Authorization": f"Bearer {access_token(scored.url, 'admin1')}"}
    received: dict[str, str] = {}

    def listen(role: str, headers: dict[str, str]) -> None:
        with scored.client.stream("GET", "/api/events?max_events=1", headers=headers) as response:
            received[role] = "".join(response.iter_text())

    listeners = [
        threading.Thread(target=listen, args=("admin", admin), daemon=True),
        threading.Thread(target=listen, args=("officer", scored.auth["officer"]), daemon=True),
    ]
    before = hub.subscribers
    for listener in listeners:
        listener.start()
    deadline = time.monotonic() + 30
    while hub.subscribers < before + 2:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    submit(scored.client, scored.auth["trader"], arms("LEAK-RED", office="NLEVT1"))
    for listener in listeners:
        listener.join(timeout=60)
        assert not listener.is_alive()

    def payload(body: str) -> dict:
        block = next(b for b in body.split("\n\n") if b.startswith("event:"))
        return dict(json.loads(block.split("\n")[1].removeprefix("data: ")))

    assert payload(received["admin"])["reference"] == "LEAK-RED"
    assert "score" not in payload(received["admin"])
    assert isinstance(payload(received["officer"])["score"], float)
