"""The SQLite writer lock's waits (:func:`clearlane.store.writers._wait`) on kept helper
threads (session 27, #15): a helper that has finished a wait takes the next one instead of a
thread being started for every contended write, with the same outcomes as before: True once
the lock file is held, False after the limit, and an abandoned wait's file closed (unlocked)
by its helper when its ``flock`` returns."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from clearlane.store import writers


def _held_by_someone(lock_file: Path) -> bool:
    with lock_file.open("ab") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def _until(condition: Any, limit: float = 10.0) -> bool:
    """Whether ``condition()`` came true within ``limit`` seconds (a wait for an event, not
    a timing)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.005)
    return bool(condition())


@pytest.fixture
def lock_file(tmp_path: Path) -> Path:
    return tmp_path / "store.db-writer"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the lock-file helper threads started during the test."""
    names: list[str] = []
    real = threading.Thread

    class Counted(real):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            if self.name == "sqlite-writer-lock":
                names.append(self.name)
            super().start()

    monkeypatch.setattr(writers.threading, "Thread", Counted)
    yield names


def _contended_wait(lock_file: Path, limit: float = 30.0) -> tuple[bool, BinaryIO]:
    """One writer's wait while another open file holds the lock, let go once the wait has
    begun: the wait's outcome and the waiter's file."""
    holder = lock_file.open("ab")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    waiter = lock_file.open("ab")
    with ThreadPoolExecutor(1) as pool:
        outcome = pool.submit(writers._wait, waiter, limit)
        holder.close()  # unlocks: the helper's flock returns (before or after it began)
        return outcome.result(timeout=60), waiter


def test_successive_contended_waits_share_one_helper_thread(
    lock_file: Path, started: list[str]
) -> None:
    for _ in range(4):
        held, waiter = _contended_wait(lock_file)
        assert held
        assert not waiter.closed
        assert _held_by_someone(lock_file)  # the waiter's file holds it now
        fcntl.flock(waiter.fileno(), fcntl.LOCK_UN)
        waiter.close()
        assert not _held_by_someone(lock_file)
    # a thread a wait started the old way; at most one here (none if a kept one was idle)
    assert len(started) <= 1


def test_an_abandoned_wait_closes_its_file_when_the_lock_comes_and_its_helper_is_reused(
    lock_file: Path, started: list[str]
) -> None:
    holder = lock_file.open("ab")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    waiter = lock_file.open("ab")
    assert writers._wait(waiter, 0.05) is False  # the holder keeps it past the limit
    assert not waiter.closed  # the helper still waits in flock
    holder.close()
    assert _until(lambda: waiter.closed), "the abandoned wait never closed its file"
    assert not _held_by_someone(lock_file)  # closed, so unlocked
    helpers = len(started)
    held, again = _contended_wait(lock_file)
    assert held
    again.close()
    assert len(started) == helpers  # the abandoned wait's helper took this one


def test_waits_at_once_each_get_a_helper_and_the_lock_in_turn(lock_file: Path) -> None:
    holder = lock_file.open("ab")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    first, second = lock_file.open("ab"), lock_file.open("ab")
    with ThreadPoolExecutor(2) as pool:
        waits = [pool.submit(writers._wait, handle, 30.0) for handle in (first, second)]
        holder.close()
        done = _until(lambda: any(w.done() for w in waits))
        assert done
        winner = 0 if waits[0].done() else 1
        assert waits[winner].result() is True
        assert not waits[1 - winner].done()  # the winner holds it
        (first, second)[winner].close()  # lets go: the other wait gets it
        assert waits[1 - winner].result(timeout=60) is True
    (first, second)[1 - winner].close()
    assert not _held_by_someone(lock_file)


@pytest.mark.skipif(
    not hasattr(os, "fork"),
    reason="os.fork is POSIX-only (not on Windows): a forked child's helpers cannot be made there",
)
def test_a_forked_child_starts_its_own_helpers(lock_file: Path) -> None:
    held, waiter = _contended_wait(lock_file)  # the parent has a kept helper now
    assert held
    waiter.close()
    pid = os.fork()
    if pid == 0:  # the child: no helper threads of its parent; a wait still works
        code = 1
        try:
            fresh = writers._WAITERS.started == 0 and writers._WAITERS.idle == 0
            child_held, child_waiter = _contended_wait(lock_file, limit=20.0)
            child_waiter.close()
            code = 0 if fresh and child_held else 2
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_a_helper_that_cannot_start_fails_the_wait_and_leaves_no_promise_behind(
    lock_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when a thread was started per wait: the error reaches the writer; the next wait
    gets a helper of its own (none is counted that does not exist)."""
    monkeypatch.setattr(writers, "_WAITERS", writers._Waiters())
    real_start = threading.Thread.start

    def refuse(self: threading.Thread) -> None:
        if self.name == "sqlite-writer-lock":
            raise RuntimeError("can't start new thread")
        real_start(self)

    holder = lock_file.open("ab")
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
    refused = lock_file.open("ab")
    with monkeypatch.context() as patch:
        patch.setattr(threading.Thread, "start", refuse)
        with pytest.raises(RuntimeError, match="new thread"):
            writers._wait(refused, 30.0)
    refused.close()
    assert (writers._WAITERS.started, writers._WAITERS.idle) == (0, 0)
    holder.close()
    held, waiter = _contended_wait(lock_file)
    assert held
    waiter.close()
    assert writers._WAITERS.started == 1
