"""Clean-up after a request that could not get a store connection, run after its answer.

A request whose wait for a connection timed out (``CLEARLANE_DB_POOL_TIMEOUT``) answers 503 at
once. What it must still undo (give its Idempotency-Key back, remove the file an upload wrote)
needs a connection too; done in the request, each step waited for the pool again, so one 503
took up to three pool timeouts (session 25, pool11). Those steps run here instead, one after
the other in one thread of their own: each may wait for a connection, and none holds up an
answer. A step that fails is logged; what it leaves is taken care of anyway (an abandoned key
is taken over after ``ABANDONED_AFTER``, a file no document names is removed by
``clearlane documents sweep``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

logger = logging.getLogger("clearlane.api")

THREAD_NAME = "clearlane-cleanup"
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)


def timed_out(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it was raised from) is a wait for a store connection that
    timed out."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, PoolTimeout):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def later(step: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[None]:
    """Run ``step(*args, **kwargs)`` in the clean-up thread, after the steps queued before."""

    def run() -> None:
        try:
            step(*args, **kwargs)
        except Exception:  # noqa: BLE001 - logged; what it leaves is taken care of anyway
            logger.exception("clean-up step %s failed", getattr(step, "__name__", step))

    return _worker.submit(run)


def later_in_session(bind: Any, step: Callable[..., Any], *args: Any) -> Future[None]:
    """Run ``step(session, *args)`` in the clean-up thread, in a session of its own on
    ``bind`` (the request's session is the one whose connection could not be had)."""

    def in_session() -> None:
        with Session(bind) as session:
            step(session, *args)

    in_session.__name__ = getattr(step, "__name__", "step")
    return later(in_session)


def drain() -> None:
    """Wait for every step queued so far (tests; a server's shutdown)."""
    later(lambda: None).result()
