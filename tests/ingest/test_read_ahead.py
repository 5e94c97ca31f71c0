"""Reading ahead (ingest/ahead.py) and asynchronous chunk commits on PostgreSQL.

On PostgreSQL a thread parses chunk N+1 while chunk N is written, and chunks that write no
audit entry commit with ``synchronous_commit = off``; the batch's closing commit is
synchronous. Whatever the file holds, the store must hold what the sequential path stores;
an error in the thread must surface in the caller as it was raised, with where it happened;
and no thread may outlive the ingest, however it ends.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.ingest import pipeline
from clearlane.ingest.ahead import THREAD_NAME, ReadAhead
from clearlane.ingest.pipeline import IngestReport, ingest_file, ingest_records
from clearlane.ingest.prepare import Message
from clearlane.store.session import get_engine, open_store
from clearlane.store.tables import IngestBatch
from tests.conftest import BACKENDS, _postgres_database
from tests.factories import control_result, declaration, write_jsonl
from tests.ingest.test_split import TODAY, _dump, _planted, generated  # noqa: F401

CHUNK = 40  # declarations a chunk: the planted file makes about ten


def _ingest(path: Path, factory: sessionmaker[Session], **options: Any) -> IngestReport:
    """``path`` ingested into ``factory``'s store as of TODAY in chunks of CHUNK; ``options``:
    the rest of ``ingest_file``'s (``kind``, ``workers``, ``read_ahead``, ...)."""
    return ingest_file(path, session_factory=factory, today=TODAY, batch_size=CHUNK, **options)


def _reading_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME]


@contextlib.contextmanager
def _databases(backend: str, tmp_path: Path, n: int) -> Iterator[list[str]]:
    """``n`` fresh, empty stores of ``backend``."""
    if backend == "sqlite":
        yield [f"sqlite:///{tmp_path / f'store{i}.db'}" for i in range(n)]
        return
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(contextlib.contextmanager(_postgres_database)()) for _ in range(n)
        ]


def _threads_while_writing(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For every chunk written, whether a read-ahead thread was alive meanwhile."""
    seen: list[bool] = []
    write = pipeline._Writer.write

    def watched(self: pipeline._Writer, chunk: Any, batch_id: int) -> None:
        seen.append(bool(_reading_threads()))
        write(self, chunk, batch_id)

    monkeypatch.setattr(pipeline._Writer, "write", watched)
    return seen


BACKEND_PARAMS = [pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS]


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "per-record"])
@pytest.mark.parametrize("backend", BACKEND_PARAMS)
def test_read_ahead_stores_what_the_sequential_path_stores(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
    bulk: bool,
) -> None:
    """Planted errors, warnings, duplicates and an amendment, ten chunks: the same rows, JSON
    text, quarantine records (reasons, messages, order) and counts, read ahead or not."""
    path = _planted(generated, tmp_path)
    seen = _threads_while_writing(monkeypatch)
    results = []
    with _databases(backend, tmp_path, 2) as urls:
        for url, read_ahead in zip(urls, (False, True), strict=True):
            factory = open_store(url)
            seen.clear()
            report = _in_process(path, factory, read_ahead=read_ahead, bulk=bulk)
            assert report.reconciles
            assert len(seen) >= 8 and all(seen) is read_ahead and any(seen) is read_ahead
            assert not _reading_threads()
            results.append((report, _dump(factory)))
            get_engine(url).dispose()
    (one, one_rows), (ahead, ahead_rows) = results
    counts = ("received", "new", "amended", "unchanged", "quarantined", "warnings")
    assert [getattr(ahead, c) for c in counts] == [getattr(one, c) for c in counts]
    assert ahead.reasons == one.reasons
    assert one.reasons["duplicate_reference"] >= 3 and one.warnings >= 1 and one.amended >= 1
    for table in one_rows:
        assert ahead_rows[table] == one_rows[table], table


@pytest.mark.postgres
def test_postgresql_reads_ahead_in_process_by_default(
    generated: Path,  # noqa: F811
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file big enough for a parsing worker is parsed by a thread on PostgreSQL."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)

    def no_worker(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a parsing worker process was started")

    monkeypatch.setattr(pipeline, "_Workers", no_worker)
    seen = _threads_while_writing(monkeypatch)
    report = _ingest(generated, open_store(postgres_url))
    assert report.reconciles and report.new == 300
    assert len(seen) >= 7 and all(seen)
    assert not _reading_threads()


@pytest.mark.postgres
def test_postgresql_reads_a_large_json_lines_file_ahead_on_three_cores_too(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The two workers of a large file on three cores or more share a CSV file only (it is
    cut); any other file over the size went to one worker process on PostgreSQL instead of
    the read-ahead thread, against ingest_file's docstring and the README."""
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline.os, "cpu_count", lambda: 4)

    def no_worker(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a parsing worker process was started")

    monkeypatch.setattr(pipeline, "_Workers", no_worker)
    seen = _threads_while_writing(monkeypatch)
    records = [declaration(f"JL-{n:03d}") for n in range(120)]
    path = write_jsonl(tmp_path / "declarations.jsonl", records)
    report = _ingest(path, open_store(postgres_url))
    assert report.reconciles and report.new == 120
    assert len(seen) == 3 and all(seen)
    assert not _reading_threads()


def _in_process(
    path: Path, factory: sessionmaker[Session], *, read_ahead: bool, bulk: bool = True
) -> IngestReport:
    """``path`` ingested in chunks of CHUNK, parsed in this process, read ahead or not."""
    return _ingest(path, factory, workers=0, bulk=bulk, read_ahead=read_ahead)


def _failing(after: int, error: Callable[[], BaseException]) -> Callable[..., Iterator[Message]]:
    """``pipeline._produce`` that raises ``error()`` once ``after`` chunks are read."""
    produce = pipeline._produce

    def broken_reader(*args: Any) -> Iterator[Message]:
        for n, message in enumerate(produce(*args)):
            if n == after:
                try:
                    int("not a number")
                except ValueError as cause:
                    raise error() from cause
            yield message

    return broken_reader


@pytest.mark.parametrize("backend", BACKEND_PARAMS)
def test_an_error_in_the_reader_surfaces_as_raised_with_where_it_happened(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
) -> None:
    """The reader's exception is raised in the caller as it was raised (type, message, cause,
    the reader's frames in its traceback) with a note naming the file and the last record
    read; the chunks before it are stored, as without reading ahead, and no thread is left."""
    monkeypatch.setattr(
        pipeline, "_produce", _failing(3, lambda: LookupError("block 4 is unreadable"))
    )
    outcomes = []
    with _databases(backend, tmp_path, 2) as urls:
        for url, read_ahead in zip(urls, (False, True), strict=True):
            factory = open_store(url)
            with pytest.raises(LookupError, match="block 4 is unreadable") as raised:
                _in_process(generated, factory, read_ahead=read_ahead)
            assert not _reading_threads()
            error = raised.value
            assert isinstance(error.__cause__, ValueError)  # its context is kept
            frames = traceback.extract_tb(error.__traceback__)
            raised_at = [f for f in frames if f.name == "broken_reader"]
            assert raised_at and raised_at[0].filename == __file__ and raised_at[0].lineno
            with factory() as session:
                batch = session.execute(select(IngestBatch)).scalar_one()
                outcomes.append((batch.received, batch.stored_new, batch.status, error))
            get_engine(url).dispose()
    (one_received, one_new, one_status, _), (received, new, status, error) = outcomes
    assert (received, new, status) == (one_received, one_new, one_status) == (120, 120, "failed")
    notes = getattr(error, "__notes__", [])
    assert len(notes) == 1 and str(generated) in notes[0]
    assert "after 3 item(s) were read" in notes[0]
    assert "last read: declarations.csv:line " in notes[0]


@pytest.mark.parametrize("read_ahead", [False, True], ids=["sequential", "read-ahead"])
@pytest.mark.parametrize("backend", BACKEND_PARAMS)
def test_an_ingest_that_raises_closes_its_batch_as_failed_in_a_synchronous_commit(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
    read_ahead: bool,
) -> None:
    """An I/O error from the reader after two chunks: the batch was left "running" (its
    chunks, committed asynchronously on PostgreSQL, not flushed by any close). Now it is
    closed as failed by a synchronous commit after them, its counts are those two chunks'
    (received = stored + quarantined = the rows stored), and the caller gets the error as
    raised with a note naming the file and the last record."""
    path = _planted(generated, tmp_path)
    monkeypatch.setattr(pipeline, "_produce", _failing(2, lambda: OSError("disk read error")))
    with _databases(backend, tmp_path, 1) as (url,):
        factory = open_store(url)
        done = _transactions(factory)
        with pytest.raises(OSError, match="disk read error") as raised:
            _in_process(path, factory, read_ahead=read_ahead)
        notes = getattr(raised.value, "__notes__", [])
        assert len(notes) == 1 and str(path) in notes[0]
        assert f"{path.name}:line " in notes[0]
        with factory() as session:
            batch = session.execute(select(IngestBatch)).scalar_one()
        assert batch.status == "failed" and batch.finished_at is not None
        assert "OSError: disk read error" in (batch.message or "")
        stored = batch.stored_new + batch.stored_amended + batch.stored_unchanged
        assert batch.received == stored + batch.quarantined == 2 * CHUNK
        counts = pipeline.store_counts(factory)
        assert counts["declarations"] == batch.stored_new + batch.stored_amended
        assert counts["quarantine"] == batch.quarantined > 0
        setting, closing = done[-1]  # the close is the last commit, after the chunks'
        assert any("finished_at" in q for q in closing)
        if backend == "postgres":
            assert setting == "on"
            chunks = [s for s, sql in done if any("FROM declarations" in q for q in sql)]
            assert chunks == ["off", "off"]
        get_engine(url).dispose()


@pytest.mark.parametrize("backend", BACKEND_PARAMS)
def test_an_interrupt_while_writing_stops_the_reader(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
) -> None:
    """KeyboardInterrupt in the writer (second chunk): the thread is stopped and joined, the
    first chunk stays stored, the second is rolled back whole."""
    write = pipeline._Writer.write
    calls: list[int] = []

    def interrupted(self: pipeline._Writer, chunk: Any, batch_id: int) -> None:
        calls.append(batch_id)
        if len(calls) == 2:
            self.session.connection()  # the chunk's transaction has begun
            raise KeyboardInterrupt
        write(self, chunk, batch_id)

    monkeypatch.setattr(pipeline._Writer, "write", interrupted)
    with _databases(backend, tmp_path, 1) as (url,):
        factory = open_store(url)
        with pytest.raises(KeyboardInterrupt):
            _in_process(generated, factory, read_ahead=True)
        assert not _reading_threads()
        with factory() as session:
            batch = session.execute(select(IngestBatch)).scalar_one()
            assert (batch.received, batch.stored_new) == (CHUNK, CHUNK)
            assert batch.status == "interrupted"  # closed, not left "running"
        assert pipeline.store_counts(factory)["declarations"] == CHUNK
        get_engine(url).dispose()


def test_closing_stops_a_reader_blocked_on_the_full_queue() -> None:
    """The consumer stops early: the thread, blocked on the full queue, ends, and the
    source's clean-up runs in it."""
    cleaned: list[str] = []
    produced: list[int] = []

    def source() -> Iterator[int]:
        try:
            for n in range(1000):
                produced.append(n)
                yield n
        finally:
            cleaned.append(threading.current_thread().name)

    with ReadAhead(source(), depth=2) as ahead:
        assert next(ahead) == 0
        while len(produced) < 4:  # one taken, two queued, one waiting to be queued
            threading.Event().wait(0.01)
    assert not _reading_threads()
    assert cleaned == [THREAD_NAME] and len(produced) == 4
    with pytest.raises(StopIteration):
        next(ahead)
    with pytest.raises(ValueError, match="depth 0"):
        ReadAhead(iter([1]), depth=0)


def _transactions(factory: sessionmaker[Session]) -> list[tuple[str, list[str]]]:
    """Each committed transaction's ``synchronous_commit`` at its commit and its statements
    (those through SQLAlchemy; COPY goes to the driver directly)."""
    done: list[tuple[str, list[str]]] = []
    statements: list[str] = []
    engine = factory.kw["bind"]

    @event.listens_for(engine, "before_cursor_execute")
    def sent(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    @event.listens_for(factory, "before_commit")
    def committing(session: Session) -> None:
        connection = session.connection()
        setting = (
            connection.exec_driver_sql("SHOW synchronous_commit").scalar()
            if connection.dialect.name == "postgresql"
            else None
        )
        done.append((str(setting), [s for s in statements if not s.startswith("SHOW")]))
        statements.clear()

    return done


@pytest.mark.postgres
def test_chunks_commit_asynchronously_and_the_close_synchronously(
    generated: Path,  # noqa: F811
    postgres_url: str,
    tmp_path: Path,
) -> None:
    factory = open_store(postgres_url)
    done = _transactions(factory)
    report = _ingest(generated, factory)
    assert report.new == 300
    chunks = [(s, sql) for s, sql in done if any("FROM declarations" in q for q in sql)]
    assert len(chunks) == 8  # 300 declarations, 40 a chunk
    assert all(setting == "off" for setting, _ in chunks)
    assert all(sql[-1] == pipeline.ASYNCHRONOUS_COMMIT for _, sql in chunks)
    # The batch's opening and closing commits are synchronous; the close is the last one
    # and flushes the WAL of every chunk before it.
    opening = [s for s, sql in done if any("INSERT INTO ingest_batches" in q for q in sql)]
    assert opening == ["on"]
    setting, closing = done[-1]
    assert setting == "on" and any("finished_at" in q for q in closing)

    # Control results write audit entries: their chunks commit synchronously.
    rows = [control_result(reference=f"DEC-{n:04d}") for n in range(3)]
    controls = write_jsonl(tmp_path / "controls.jsonl", rows)
    done.clear()
    report = _ingest(controls, factory, kind="controls")
    assert report.controls_stored == 3
    audited = [s for s, sql in done if any("INSERT INTO control_results" in q for q in sql)]
    assert audited == ["on"]
    assert not any(pipeline.ASYNCHRONOUS_COMMIT in sql for _, sql in done)


@pytest.mark.parametrize("backend", BACKEND_PARAMS)
def test_only_a_postgresql_file_ingest_commits_asynchronously(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    backend: str,
) -> None:
    """SQLite never gets the statement; an API submission (ingest_records) on neither store."""
    with _databases(backend, tmp_path, 1) as (url,):
        factory = open_store(url)
        done = _transactions(factory)
        _ingest(generated, factory)
        sent = [q for _, sql in done for q in sql]
        assert (pipeline.ASYNCHRONOUS_COMMIT in sent) is (backend == "postgres")
        done.clear()
        record = {"reference": "X", "declaration_date": "2026-11-30"}
        ingest_records([record], source="api", session_factory=factory, today=TODAY)
        assert done and not any(pipeline.ASYNCHRONOUS_COMMIT in sql for _, sql in done)
        get_engine(url).dispose()
