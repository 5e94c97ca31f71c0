"""/api/events: a red-lane declaration reaches every open alert stream."""

from __future__ import annotations

import asyncio
import json
import threading
import time

from clearlane.api.events.broadcast import Broadcaster
from tests.api.conftest import Harness
from tests.api.helpers import arms, own, submit


def _wait_for_subscribers(hub: Broadcaster, n: int) -> None:
    deadline = time.monotonic() + 30
    while hub.subscribers < n:
        assert time.monotonic() < deadline, "the stream never subscribed"
        time.sleep(0.01)


def test_a_red_lane_submission_is_streamed_to_officers(scored: Harness) -> None:
    hub: Broadcaster = scored.client.app.state.events  # type: ignore[attr-defined]
    received: dict[str, object] = {}

    def listen() -> None:
        with scored.client.stream(
            "GET", "/api/events?max_events=1", headers=scored.auth["officer"]
        ) as response:
            received["status"] = response.status_code
            received["type"] = response.headers["content-type"]
            received["body"] = "".join(response.iter_text())

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    _wait_for_subscribers(hub, 1)
    submit(scored.client, scored.auth["officer"], own("E-GREEN"))  # not red: no alert
    submit(scored.client, scored.auth["trader"], arms("E-RED", office="NLEVT1"))
    listener.join(timeout=60)
    assert not listener.is_alive()
    assert received["status"] == 200 and str(received["type"]).startswith("text/event-stream")
    events = [block for block in str(received["body"]).split("\n\n") if block.startswith("event:")]
    assert len(events) == 1
    kind, data = events[0].split("\n")
    assert kind == "event: red_lane"
    payload = json.loads(data.removeprefix("data: "))
    assert (payload["reference"], payload["office"], payload["selection_reason"]) == (
        "E-RED",
        "NLEVT1",
        "mandatory",
    )
    assert 0 <= payload["score"] <= 1
    assert hub.subscribers == 0  # the closed stream unsubscribed


def test_the_stream_needs_queue_read(scored: Harness) -> None:
    assert scored.client.get("/api/events").status_code == 401
    assert scored.client.get("/api/events", headers=scored.auth["trader"]).status_code == 403
    bad = scored.client.get("/api/events?max_events=0", headers=scored.auth["officer"])
    assert bad.status_code == 422


def test_a_slow_subscriber_loses_old_events_and_never_blocks_publishers() -> None:
    hub = Broadcaster(queue_size=2)

    async def scenario() -> list[int]:
        async with hub.subscribe() as queue:
            for n in range(5):
                assert hub.publish({"type": "red_lane", "n": n}) == 1
            await asyncio.sleep(0)  # let the loop run the hand-overs
            return [(await queue.get())["n"] for _ in range(queue.qsize())]

    # In a thread of its own: another test's event loop may still be running in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, scenario()).result(timeout=60) == [3, 4]
    assert hub.subscribers == 0 and hub.publish({"type": "x"}) == 0
