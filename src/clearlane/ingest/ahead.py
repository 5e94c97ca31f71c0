"""Read ahead: an iterator's next items produced in a background thread while the caller
works on the current one.

The ingest writer uses it on PostgreSQL (:func:`clearlane.ingest.pipeline.ingest_file`):
while chunk N is written (COPY, then commit: psycopg waits for the server with the GIL
released) a thread parses and validates chunk N+1. At most ``depth`` items wait in a
bounded queue, so memory stays flat however long the source is.

What the thread raises is raised again in the caller, as the same exception object (its
traceback still shows where it was raised, in the reader's frames, and its cause and
context are kept), with a note naming what was being read and how far it had got.
:meth:`ReadAhead.close` (also on leaving the ``with`` block, whatever ends it: an error in
the caller, KeyboardInterrupt) stops the thread at its next item and waits for it, so no
thread outlives the ingest; the source's own clean-up (a generator's ``finally``) runs in
the thread that iterated it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Generic, Literal, TypeVar

T = TypeVar("T")

THREAD_NAME = "clearlane-ingest-read-ahead"
_POLL = 0.05  # seconds between checks for a stop while the queue is full or empty


class ReadAhead(Generic[T]):
    """Iterate ``source`` in a background thread, at most ``depth`` items ahead.

    ``context`` says what is read (e.g. the file's path) and ``where`` describes an item
    (e.g. the last record of a chunk): both go into the note added to an exception the
    source raises, with the number of items read before it.
    """

    def __init__(
        self,
        source: Iterator[T],
        *,
        depth: int = 1,
        context: str = "",
        where: Callable[[T], str | None] | None = None,
        name: str = THREAD_NAME,
    ) -> None:
        if depth < 1:
            raise ValueError(f"read-ahead depth {depth} is below 1")
        self._source = source
        self._context = context
        self._where = where
        self._queue: queue.Queue[tuple[Literal["item", "end", "error"], object]] = queue.Queue(
            maxsize=depth
        )
        self._stop = threading.Event()
        self._done = False
        self._read = 0  # items the thread took from the source
        self._last: str | None = None  # ``where`` of the last of them
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # --- the reading thread -------------------------------------------------------------

    def _run(self) -> None:
        try:
            for item in self._source:
                self._read += 1
                if self._where is not None:
                    self._last = self._where(item)
                if not self._put("item", item) or self._stop.is_set():
                    return
            self._put("end", None)
        except BaseException as error:  # raised again in the caller (:meth:`__next__`)
            self._put("error", error)
        finally:
            close = getattr(self._source, "close", None)
            if close is not None:  # a generator's clean-up, in the thread that ran it
                close()

    def _put(self, kind: Literal["item", "end", "error"], value: object) -> bool:
        """Queue ``value`` unless the caller stopped reading meanwhile (then False)."""
        while not self._stop.is_set():
            try:
                self._queue.put((kind, value), timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    # --- the caller -----------------------------------------------------------------------

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        while True:
            try:
                kind, value = self._queue.get(timeout=_POLL)
                break
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    self._done = True
                    raise RuntimeError(
                        f"{self._context or 'read-ahead'}: the read-ahead thread ended "
                        "without a result"
                    ) from None
        if kind == "item":
            return value  # type: ignore[return-value]
        self._done = True
        self._thread.join()
        if kind == "end":
            raise StopIteration
        error = value
        assert isinstance(error, BaseException)
        where = f" (last read: {self._last})" if self._last else ""
        error.add_note(
            f"{self._context or 'read-ahead'}: raised in the read-ahead thread after "
            f"{self._read} item(s) were read{where}"
        )
        raise error

    def close(self) -> None:
        """Stop the thread (at its next item) and wait for it; what it read is dropped."""
        self._done = True
        self._stop.set()
        while True:  # free a producer blocked on the full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._thread.join()

    def __enter__(self) -> ReadAhead[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
