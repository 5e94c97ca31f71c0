"""The HS index is built once and never in a request: threads (and processes, through the same
file lock) asking at once build it once, the cache file is written atomically, and a server
loads the model in the background at start-up."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearlane.hs import model as hs_model
from tests.concurrency import together


class FakeIndex:
    """Stands in for the index (seconds of CPU to build): counts builds, slow enough that
    builders racing without a lock would overlap."""

    builds = 0
    counting = threading.Lock()

    def __init__(self, pairs: object) -> None:
        with FakeIndex.counting:
            FakeIndex.builds += 1
        time.sleep(0.3)
        self.payload = list(range(1000))


@pytest.fixture
def fake_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    FakeIndex.builds = 0
    monkeypatch.setattr(hs_model, "Index", FakeIndex)
    monkeypatch.setattr(hs_model, "load_pairs", lambda: None)
    yield hs_model._cache_file()


def test_builders_racing_build_once_and_leave_one_whole_file(fake_index: Path) -> None:
    results = together(6, lambda _: hs_model._load_index())
    assert FakeIndex.builds == 1
    assert all(isinstance(r, FakeIndex) and r.payload == list(range(1000)) for r in results)
    assert fake_index.is_file()
    leftovers = [p.name for p in fake_index.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []
    # A later process finds the file and does not build.
    assert isinstance(hs_model._load_index(), FakeIndex) and FakeIndex.builds == 1


def test_a_damaged_cache_is_rebuilt_and_a_killed_writers_temp_file_removed(
    fake_index: Path,
) -> None:
    fake_index.parent.mkdir(parents=True)
    fake_index.write_bytes(b"not a joblib file")
    stale = fake_index.with_name(fake_index.name + ".abc123.tmp")
    stale.write_bytes(b"half written")
    assert isinstance(hs_model._load_index(), FakeIndex)
    assert FakeIndex.builds == 1 and not stale.exists()
    assert isinstance(hs_model._read_cached(fake_index), FakeIndex)


def test_an_unwritable_cache_directory_still_gives_an_index(
    fake_index: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setattr(hs_model, "_cache_file", lambda: blocker / "cache" / "hs-index.joblib")
    assert isinstance(hs_model._load_index(), FakeIndex)


def test_threads_asking_for_the_model_at_once_load_it_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loads = []

    def load() -> str:
        loads.append(1)
        time.sleep(0.3)
        return "index"

    monkeypatch.setattr(hs_model, "_model", None)
    monkeypatch.setattr(hs_model, "_load_index", load)
    models = together(5, lambda _: hs_model.shipped_model())
    assert len(loads) == 1
    assert all(m is models[0] for m in models) and models[0].index == "index"


def test_a_server_warms_the_model_up_at_start_up_unless_told_not_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi.testclient import TestClient

    from clearlane.api.app import create_app
    from clearlane.config import get_settings

    started: list[int] = []
    monkeypatch.setattr(hs_model, "warm_up", lambda: started.append(1))
    with TestClient(create_app()) as client:
        assert client.get("/api/health").status_code == 200
    assert started == []  # the test settings turn it off
    monkeypatch.setenv("CLEARLANE_HS_WARM_UP", "true")
    get_settings.cache_clear()
    with TestClient(create_app()) as client:
        assert client.get("/api/health").status_code == 200
    assert started == [1]


def test_warm_up_loads_the_model_in_a_background_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    ready = threading.Event()
    monkeypatch.setattr(hs_model, "shipped_model", lambda: ready.set())
    thread = hs_model.warm_up()
    assert thread.daemon and thread is not threading.current_thread()
    thread.join(10)
    assert ready.is_set()


_RACER = """
import sys, time
from clearlane.hs import model as hs_model
from tests.hs.test_index_cache import FakeIndex
hs_model.Index = FakeIndex
hs_model.load_pairs = lambda: None
start = float(sys.argv[1])
while time.time() < start:
    time.sleep(0.001)
index = hs_model._load_index()
print(FakeIndex.builds, type(index).__name__)
"""


def test_two_processes_racing_build_once(fake_index: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), str(root)])}
    start = time.time() + 8  # both are importing by then: they start within milliseconds
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(start)], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [r.communicate(timeout=120)[0].split() for r in racers]
    assert all(r.returncode == 0 for r in racers)
    assert sorted(int(o[0]) for o in outputs) == [0, 1]  # one built, the other loaded its file
    assert all(o[1] == "FakeIndex" for o in outputs)
