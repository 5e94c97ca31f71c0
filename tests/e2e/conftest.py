"""Browser tests: the real server (uvicorn, in a subprocess on a free loopback port) on a seeded
SQLite store, driven by Playwright through Debian's Chromium.

A missing browser FAILS these tests with a message saying how to install it; they never skip
(``make test`` runs scripts/ensure-chromium.sh first).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import CHROMIUM, Server, launch_browser
from tests.e2e.seed import PASSWORD, Seeded, copy_seeded, load_seeded, seed_store


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    """A freshly seeded store; CLEARLANE_E2E_DATA names a directory to seed once and reuse
    (for quick reruns while developing: the tests' own changes stay in it).

    Session 37, 2026-12-07: under pytest-xdist, the run's workers seed ONE template (the
    first to ask, under a file lock; the others wait for it) and each gets its own copy of it
    (:func:`copy_seeded`): seeding took about 23 s per worker, a copy about a second. Each
    worker's tests still change only their own copy, as before."""
    reuse = os.environ.get("CLEARLANE_E2E_DATA")
    if reuse:
        existing = load_seeded(Path(reuse))
        return existing if existing is not None else seed_store(Path(reuse))
    own = tmp_path_factory.mktemp("e2e") / "data"
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return seed_store(own)
    # the run's base folder, shared by its workers (each has a popen-gw<n> folder in it)
    shared = tmp_path_factory.getbasetemp().parent
    with (shared / "e2e-template.lock").open("a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # released when the file closes
        template = load_seeded(shared / "e2e-template")
        if template is None:  # none yet, or one a worker killed while seeding left unfinished
            shutil.rmtree(shared / "e2e-template", ignore_errors=True)
            template = seed_store(shared / "e2e-template")
    return copy_seeded(template, own)


@pytest.fixture(scope="session")
def server(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(seeded, tmp_path_factory.mktemp("e2e-log") / "server.log")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: the browser tests need Debian's "
            "`chromium` package (run `bash scripts/ensure-chromium.sh`, or "
            "`apt-get install -y chromium` as root; CLEARLANE_CHROMIUM names another binary)",
            pytrace=False,
        )
    with launch_browser() as launched:
        yield launched


@pytest.fixture
def new_page(browser, server: Server):  # type: ignore[no-untyped-def]
    """``new_page(width=1280, height=900)``: a page in a fresh browser context (no cookies)."""
    contexts = []

    def make(width: int = 1280, height: int = 900):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport={"width": width, "height": height}, base_url=server.url
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def sign_in(page, username: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
