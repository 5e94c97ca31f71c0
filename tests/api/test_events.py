"""/api/events: a red-lane declaration reaches every open alert stream."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from datetime import UTC, datetime

import pandas as pd
from fastapi.testclient import TestClient

from clearlane.api.app import create_app
from clearlane.api.events.broadcast import Broadcaster
from clearlane.api.events.feed import StoreFeed
from clearlane.oversight import record_assessments
from clearlane.store.session import open_store
from clearlane.store.tables import OfficeCapacityRow
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
    # Not red, so no alert. Its office draws no random controls: otherwise the keyed draw
    # (keyed by the per-process secret) could send it red now and then.
    with open_store(scored.url)() as session, session.begin():
        session.add(
            OfficeCapacityRow(
                office="NLEVT0",
                red_share=0.05,
                yellow_share=0.10,
                random_share=0.0,
                changed_by="tests",
                changed_at=datetime.now(UTC),
            )
        )
    green = submit(scored.client, scored.auth["officer"], own("E-GREEN", office="NLEVT0"))
    assert green["results"][0]["assessment"]["lane"] != "red"
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


class _SlowFeed:
    """A feed whose join blocks until released (a store slow to answer)."""

    def __init__(self) -> None:
        self.listeners = 0
        self.joined = 0
        self.joining = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()

    def join(self, hub: Broadcaster) -> None:
        self.joining.set()
        assert self.release.wait(30)
        with self.lock:
            self.listeners += 1
            self.joined += 1

    def leave(self) -> None:
        with self.lock:
            self.listeners -= 1


def test_a_stream_cancelled_while_joining_the_feed_leaves_it() -> None:
    """A client that disconnects while its stream joins the feed: the join finishes in its
    thread and is undone, so the feed does not count a listener for ever (and poll the store
    with nobody listening)."""
    feed = _SlowFeed()
    hub = Broadcaster(feed=feed)  # type: ignore[arg-type]

    async def scenario() -> tuple[int, int]:
        async def stream() -> None:
            async with hub.subscribe():
                await asyncio.sleep(60)

        task = asyncio.ensure_future(stream())
        assert await asyncio.to_thread(feed.joining.wait, 30)
        task.cancel()
        await asyncio.sleep(0)
        feed.release.set()
        try:
            await task
        except asyncio.CancelledError:
            pass
        deadline = time.monotonic() + 30
        while feed.joined == 0 or feed.listeners != 0:
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.01)
        return feed.joined, feed.listeners

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, scenario()).result(timeout=60) == (1, 0)
    assert hub.subscribers == 0


def _routed(reference: str, lane: str, office: str = "NLFEED") -> pd.DataFrame:
    """An assessment as batch scoring (`clearlane score --record`) stores it."""
    return pd.DataFrame(
        [
            {
                "reference": reference,
                "version": 1,
                "declaration_date": "2025-03-01",
                "office": office,
                "score": 0.9 if lane == "red" else 0.1,
                "lane": lane,
                "selection_reason": "risk" if lane == "red" else None,
                "rank": 1,
                "reasons": [],
            }
        ]
    )


def _record(url: str, reference: str, lane: str) -> None:
    factory = open_store(url)
    with factory() as session, session.begin():
        record_assessments(session, routed=_routed(reference, lane), actor="engine:batch")


def test_a_red_lane_stored_by_another_process_reaches_the_stream(scored: Harness) -> None:
    """Several workers: the submission is assessed by one process (here a second app on the
    same store, and a batch run writing through the library), the officer's stream is open
    on another; the alert comes through the store."""
    hub: Broadcaster = scored.client.app.state.events  # type: ignore[attr-defined]
    received: list[str] = []

    def listen() -> None:
        with scored.client.stream(
            "GET", "/api/events?max_events=2", headers=scored.auth["officer"]
        ) as response:
            received.append("".join(response.iter_text()))

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    _wait_for_subscribers(hub, 1)
    registry = scored.client.app.state.registry  # type: ignore[attr-defined]
    with TestClient(create_app(database_url=scored.url, registry=registry)) as other_worker:
        token = scored.auth["officer"]
        answer = other_worker.post("/api/declarations", json=arms("E-OTHER-RED"), headers=token)
        assert answer.status_code == 201, answer.text
        assert answer.json()["results"][0]["assessment"]["lane"] == "red"
    _record(scored.url, "E-BATCH-GREEN", "green")
    _record(scored.url, "E-BATCH-RED", "red")
    listener.join(timeout=60)
    assert not listener.is_alive()
    events = [b for b in received[0].split("\n\n") if b.startswith("event: red_lane")]
    references = [json.loads(e.split("\ndata: ")[1])["reference"] for e in events]
    assert references == ["E-OTHER-RED", "E-BATCH-RED"]


def test_the_feed_reads_only_what_came_after_it_joined_and_stops_when_nobody_listens(
    scored: Harness,
) -> None:
    _record(scored.url, "F-BEFORE-RED", "red")
    feed = StoreFeed(open_store(scored.url), interval=0.05)
    hub = Broadcaster(feed=feed)

    async def scenario() -> list[str]:
        async with hub.subscribe() as queue:
            assert feed.running
            await asyncio.to_thread(_record, scored.url, "F-AFTER-GREEN", "green")
            await asyncio.to_thread(_record, scored.url, "F-AFTER-RED", "red")
            event = await asyncio.wait_for(queue.get(), timeout=30)
            return [event["reference"], event["office"], event["selection_reason"]]

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        got = pool.submit(asyncio.run, scenario()).result(timeout=60)
    assert got == ["F-AFTER-RED", "NLFEED", "risk"]
    deadline = time.monotonic() + 10
    while feed.running:  # the poller ends within an interval of the last stream closing
        assert time.monotonic() < deadline, "the feed kept polling with nobody listening"
        time.sleep(0.01)


def test_the_feed_reads_in_batches_and_skips_other_lanes(scored: Harness) -> None:
    feed = StoreFeed(open_store(scored.url), batch=2)
    start = feed.latest_id()
    for n, lane in enumerate(("green", "red", "yellow", "red")):
        _record(scored.url, f"B-{n}-{lane}", lane)
    last, events = feed.poll(start)
    assert [e["reference"] for e in events] == ["B-1-red"] and last == start + 2
    last, events = feed.poll(last)
    assert [e["reference"] for e in events] == ["B-3-red"] and last == start + 4
    assert feed.poll(last) == (last, [])
