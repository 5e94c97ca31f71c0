"""The pieces the browser tests and scripts/screenshots.py share: the server in a child
process and Debian's Chromium under Playwright (never a downloaded browser build)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.e2e.seed import Seeded

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CLEARLANE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``clearlane``'s app under uvicorn in a child process, on its own data directory."""

    def __init__(self, seeded: Seeded, log: Path) -> None:
        self.seeded = seeded
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "CLEARLANE_DATA_DIR": str(seeded.data_dir),
            "CLEARLANE_DATABASE_URL": seeded.database_url,
            "PYTHONPATH": os.pathsep.join(
                [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]
            ),
        }
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "clearlane.api.app:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=seeded.data_dir,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait(log)

    def _wait(self, log: Path, seconds: float = 180.0) -> None:
        # A start-up bound, not a speed check: on a loaded 2-core machine (CI beside other
        # jobs) importing the app took over 60 s and three e2e tests errored at set-up.
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited at start:\n{log.read_text()}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not answer within {seconds:.0f} s:\n{log.read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


@contextlib.contextmanager
def launch_browser() -> Iterator[Any]:
    """Debian's Chromium (``CLEARLANE_CHROMIUM`` names another binary) under Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
