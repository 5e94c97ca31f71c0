"""The fan-out to this process's open alert streams: every subscriber (an open
``/api/events`` or ``/ui/alerts`` stream) has its own bounded asyncio queue; publishing puts
the event on each of them.

Events come from the store (:class:`~clearlane.api.events.feed.StoreFeed`, started while
someone listens), so with several worker processes every stream sees every red lane, whichever
process assessed it. Publishers run in other threads, so events are handed to each
subscriber's event loop with ``call_soon_threadsafe``. A subscriber that does not keep up
loses its oldest events, never blocks a publisher.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clearlane.api.events.feed import StoreFeed

Event = dict[str, Any]


def _put(queue: asyncio.Queue[Event], event: Event) -> None:
    if queue.full():
        with contextlib.suppress(asyncio.QueueEmpty):
            queue.get_nowait()
    queue.put_nowait(event)


class Broadcaster:
    def __init__(self, *, queue_size: int = 100, feed: StoreFeed | None = None) -> None:
        self.queue_size = queue_size
        self.feed = feed
        self._subscribers: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]]] = set()
        self._lock = threading.Lock()

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    def publish(self, event: Event) -> int:
        """Send ``event`` to every subscriber; returns how many there were."""
        with self._lock:
            targets = list(self._subscribers)
        for loop, queue in targets:
            try:
                loop.call_soon_threadsafe(_put, queue, event)
            except RuntimeError:  # that subscriber's loop is closed
                self._drop(loop, queue)
        return len(targets)

    def _drop(self, loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Event]) -> None:
        with self._lock:
            self._subscribers.discard((loop, queue))

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[Event]]:
        """A queue that receives every event published while the context is open."""
        queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=self.queue_size)
        entry = (asyncio.get_running_loop(), queue)
        feed = self.feed
        if feed is not None:
            joining = asyncio.ensure_future(asyncio.to_thread(feed.join, self))
            try:
                await asyncio.shield(joining)
            except asyncio.CancelledError:
                # The stream went away (a client that disconnects at once) while the join ran
                # in its thread, which joins anyway: leave once it has, or the feed would count
                # a listener for ever and poll the store with nobody listening.
                def left(done: asyncio.Future[None]) -> None:
                    if not done.cancelled() and done.exception() is None:
                        feed.leave()

                joining.add_done_callback(left)
                raise
        with self._lock:
            self._subscribers.add(entry)
        try:
            yield queue
        finally:
            self._drop(*entry)
            if feed is not None:
                feed.leave()
