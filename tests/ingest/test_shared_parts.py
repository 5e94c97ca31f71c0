"""The parts of a cut CSV file shared between the parsing worker(s) and the writer
(pipeline._Workers, prepare.Claims): whoever reads a part, the writer stores the parts in file
order, and the store holds exactly what one reader of the whole file stores."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

from clearlane.ingest import pipeline
from clearlane.ingest.bulk import BulkCsv
from clearlane.ingest.pipeline import _Workers, ingest_file
from clearlane.ingest.prepare import Chunk, Claims, Message, _produce_segments
from clearlane.ingest.segments import Segment, csv_segments
from clearlane.store.session import open_store
from tests.concurrency import together
from tests.ingest.test_split import PART_BYTES, TODAY, _dump, _planted, generated  # noqa: F401

BATCH = 25  # declarations a chunk: several chunks a part


def test_every_part_is_handed_out_once_and_its_reader_recorded() -> None:
    claims = Claims(multiprocessing.get_context("spawn"))
    claims.plan(500)
    assert claims.reader(0) is None

    def take(racer: int) -> list[int]:
        mine = []
        while (index := claims.claim(racer % 3)) is not None:
            mine.append(index)
        return mine

    taken = together(6, take)
    assert sorted(i for mine in taken for i in mine) == list(range(500))
    for racer, mine in enumerate(taken):
        assert all(claims.reader(i) == racer % 3 for i in mine)
    assert claims.claim(0) is None


class _SlowWorker:
    """A worker's queue as the writer sees it: the worker has taken part 0 but has nothing
    ready when the writer first asks; afterwards it takes a part whenever asked for more."""

    def __init__(self, claims: Claims, path: Path, segments: list[Segment]) -> None:
        self.claims, self.path, self.segments = claims, path, segments
        self.pending: list[Message] = []
        self.read: list[int] = []
        self._take(claims.claim(1))
        self.nowait_misses = 0

    def _take(self, index: int | None) -> None:
        if index is None:
            self.pending.append(("done", None, 0))
            return
        self.read.append(index)
        once = iter([index, None])
        self.pending += list(
            _produce_segments(self.path, "utf-8", TODAY, BATCH, self.segments, once.__next__)
        )

    def get_nowait(self) -> Message:
        if self.nowait_misses == 0 or not self.pending:
            self.nowait_misses += 1
            raise Empty
        return self.pending.pop(0)

    def get(self, timeout: float | None = None) -> Message:
        if not self.pending:
            self._take(self.claims.claim(1))
        return self.pending.pop(0)


class _Alive:
    pid = 1
    exitcode = None

    def is_alive(self) -> bool:
        return True

    def terminate(self) -> None:
        pass

    def join(self, timeout: float | None = None) -> None:
        pass


def test_the_writer_reads_ahead_while_its_worker_has_nothing_ready(generated: Path) -> None:  # noqa: F811
    path = generated
    segments = csv_segments(path, target_bytes=PART_BYTES)
    assert segments is not None and len(segments) >= 5
    claims = Claims(multiprocessing.get_context("spawn"))
    claims.plan(len(segments))
    worker = _SlowWorker(claims, path, segments)
    pool: Any = object.__new__(_Workers)
    pool.args = (path, "csv", "declarations", "utf-8", TODAY, BATCH, True)
    pool.segments, pool.claims, pool.writer_reads = segments, claims, True
    pool.workers = [(worker, _Alive(), None)]
    chunks = [payload for kind, payload, _ in pool if kind == "chunk"]

    by_writer = [i for i in range(len(segments)) if claims.reader(i) == Claims.WRITER]
    assert worker.read and by_writer  # both read parts
    assert 1 in by_writer  # read ahead of part 0, which its worker had taken
    assert sorted(worker.read + by_writer) == list(range(len(segments)))
    whole = list(BulkCsv(path, today=TODAY).chunks(BATCH))
    assert _references(chunks) == _references(whole)  # file order, every record once


def _references(chunks: list[Chunk]) -> list[str]:
    return [reference for chunk in chunks for reference in chunk.rows[0]]


@pytest.mark.parametrize("edit", ["none", "stray quote"])
def test_one_worker_and_the_writer_store_what_one_reader_stores(
    generated: Path,  # noqa: F811
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
    edit: str,
) -> None:
    """``workers=1`` on a file past SPLIT_MIN_BYTES: the worker and the writer share the parts;
    planted errors, duplicates across parts and a hostile line give the same store."""
    monkeypatch.setattr(pipeline, "SEGMENT_BYTES", PART_BYTES)
    monkeypatch.setattr(pipeline, "SPLIT_MIN_BYTES", 0)
    path = _planted(generated, tmp_path)
    if edit == "stray quote":
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        middle = len(lines) // 2
        lines[middle] = lines[middle].replace(",", ',"x"y', 1)
        path.write_text("".join(lines), encoding="utf-8", newline="")
    results = []
    for name, workers in (("one", 0), ("shared", 1)):
        factory = open_store(migrated_sqlite(name))
        report = ingest_file(path, session_factory=factory, today=TODAY, workers=workers)
        assert report.reconciles
        results.append((report, _dump(factory)))
    (one, one_rows), (shared, shared_rows) = results
    counts = ("received", "new", "amended", "unchanged", "quarantined", "warnings")
    assert [getattr(shared, c) for c in counts] == [getattr(one, c) for c in counts]
    assert shared.reasons == one.reasons and one.reasons["duplicate_reference"] >= 3
    for table in one_rows:
        assert shared_rows[table] == one_rows[table], table


def test_the_writer_parses_only_where_it_writes_in_process(
    tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    """On PostgreSQL the server needs the spare CPU for the rows: the writer leaves the parts
    to the workers."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    from clearlane.ingest.pipeline import _store_in_process

    assert _store_in_process(open_store(migrated_sqlite("in")))
    server = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")  # never connects
    assert not _store_in_process(sessionmaker(server))


class _Dead(_Alive):
    exitcode = -9

    def is_alive(self) -> bool:
        return False


def test_a_writer_that_leaves_the_parts_to_dead_workers_stops(generated: Path) -> None:  # noqa: F811
    segments = csv_segments(generated, target_bytes=PART_BYTES)
    assert segments is not None
    claims = Claims(multiprocessing.get_context("spawn"))
    claims.plan(len(segments))
    pool: Any = object.__new__(_Workers)
    pool.args = (generated, "csv", "declarations", "utf-8", TODAY, BATCH, True)
    pool.segments, pool.claims, pool.writer_reads = segments, claims, False
    pool.workers = [(None, _Dead(), None)]
    with pytest.raises(RuntimeError, match="workers died"):
        list(pool)
    assert claims.reader(0) is None  # the writer read nothing itself
