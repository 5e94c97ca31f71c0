"""benchmarks/api.py measures requests only: the HS index is built before the server starts
(``_build_hs_index``), and the measured window waits until the workers' start-up threads
are done (``_wait_quiet``). Before session 33 the first worker built the index (about 6 CPU
s) in its start-up thread, which on a busy machine ran into the measured window (#15)."""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "api.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_api", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wait_quiet_waits_for_a_busy_child_then_returns() -> None:
    bench = _benchmark()
    # A parent that sleeps and a child that spins for 2 s, as the server and a worker whose
    # start-up thread is still loading.
    spin = "import time\nt = time.monotonic()\nwhile time.monotonic() - t < 2.0: pass"
    code = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spin!r}])"
    parent = subprocess.Popen([sys.executable, "-c", code])
    try:
        time.sleep(0.3)  # the child has started
        started = time.monotonic()
        waited = bench._wait_quiet(parent.pid, limit=30.0)
        assert waited >= 1.0, waited  # it waited for the spinning child
        assert time.monotonic() - started < 10.0
        parent.wait(10)
    finally:
        parent.kill()
        parent.wait()


def test_wait_quiet_returns_at_once_when_idle() -> None:
    bench = _benchmark()
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(10)"])
    try:
        time.sleep(0.5)  # past the interpreter's start
        assert bench._wait_quiet(idle.pid, limit=30.0) < 2.0
    finally:
        idle.kill()
        idle.wait()


def test_build_hs_index_leaves_the_cache_a_worker_reads(tmp_path: Path) -> None:
    bench = _benchmark()
    args = argparse.Namespace(server_python=None, server_src=None)
    bench._build_hs_index(f"sqlite:///{tmp_path / 'clearlane.db'}", tmp_path, args)
    cached = list((tmp_path / "cache").glob("hs-index-*.joblib"))
    assert len(cached) == 1
    # The file the server's own _load_index looks for (same code, same data directory).
    check = (
        "from clearlane.hs.model import _cache_file; import sys; "
        "sys.stdout.write(str(_cache_file()))"
    )
    env = bench._server_env(f"sqlite:///{tmp_path / 'clearlane.db'}", tmp_path, args)
    out = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout) == cached[0]
