"""How long a document upload sent with an ``Idempotency-Key`` holds SQLite's write lock, in
two source trees (A and B, e.g. before and after a change), runs alternated ABAB. Prints a
Markdown table. Run:

    PYTHONPATH=src python benchmarks/idempotency_sqlite_lock.py --a ../base/src --b src
        [--pairs 3] [--megabytes 9]

Each run is a child process on a fresh SQLite store: one declaration, then one keyed upload
of a well-formed XML file of ``--megabytes`` (its content check parses it whole) through the
API. A watcher thread tries ``BEGIN IMMEDIATE`` on its own connection (no busy wait) every
millisecond while the upload runs; the longest stretch it was refused is the time every other
writer (a submission, a decision, a sign-in) would have waited. The load average is printed
next to each run: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any


def _child(megabytes: float) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="idem-lock-"))
    os.environ.update(
        CLEARLANE_DATA_DIR=str(root / "var"),
        CLEARLANE_SECRET_KEY="benchmark-" + "k" * 40,
        CLEARLANE_HS_WARM_UP="false",
        CLEARLANE_COMPILE_BOOSTERS="false",
    )
    from fastapi.testclient import TestClient

    import clearlane.api.scoring
    from clearlane.api.app import create_app
    from clearlane.api.auth.service import issue_token
    from clearlane.store.session import open_store
    from clearlane.users import Role, create_user, get_user
    from clearlane.workflows import WorkflowError

    def no_engine(*args: object, **kwargs: object) -> None:
        raise WorkflowError("no engine in this benchmark")

    clearlane.api.scoring.ensure_champion = no_engine  # type: ignore[assignment]
    database = root / "store.db"
    url = f"sqlite:///{database}"
    app = create_app(database_url=url)
    with TestClient(app) as client:
        with open_store(url)() as session, session.begin():
            create_user(
                session,
                username="trader1",
                password="correct horse battery",
                role=Role.TRADER,
                organisation="NL000000001",
            )
        with open_store(url)() as session, session.begin():
            token, _ = issue_token(session, get_user(session, "trader1"), kind="access", minutes=9)
        headers = {"Authorization": f"Bearer {token}"}
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.factories import declaration

        record = declaration("BENCH-1")
        record["importer"] = {"id": "NL000000001", "name": "Importer", "country": "NL"}
        submitted = client.post("/api/declarations", json=record, headers=headers)
        assert submitted.status_code in (200, 201), submitted.text
        line = b"<line><code>84713000</code><text>portable computer</text></line>\n"
        body = b"<invoice>\n" + line * int(megabytes * 1024 * 1024 / len(line)) + b"</invoice>\n"

        refused_ms: list[float] = []
        done = threading.Event()

        def watch() -> None:
            other = sqlite3.connect(database, timeout=0, isolation_level=None)
            since: float | None = None
            while not done.is_set():
                try:
                    other.execute("BEGIN IMMEDIATE")
                    other.execute("ROLLBACK")
                    if since is not None:
                        refused_ms.append((time.perf_counter() - since) * 1000)
                        since = None
                except sqlite3.OperationalError:
                    since = since if since is not None else time.perf_counter()
                time.sleep(0.001)
            if since is not None:
                refused_ms.append((time.perf_counter() - since) * 1000)
            other.close()

        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.perf_counter()
        answer = client.post(
            "/api/declarations/BENCH-1/documents",
            files={"file": ("invoice.xml", body, "application/xml")},
            headers={**headers, "Idempotency-Key": "bench-1"},
        )
        elapsed = (time.perf_counter() - started) * 1000
        done.set()
        watcher.join()
        assert answer.status_code == 201, answer.text
    return {"upload_ms": elapsed, "longest_lock_ms": max(refused_ms, default=0.0)}


def _run(src: str, megabytes: float) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--megabytes", str(megabytes)],
        env={**os.environ, "PYTHONPATH": src},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", help="tree A's src directory")
    parser.add_argument("--b", help="tree B's src directory")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=9.0)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.megabytes)))
        return
    print("| run | tree | upload ms | longest SQLite write lock ms | load (1 min) |")
    print("| --- | --- | ---: | ---: | ---: |")
    for pair in range(args.pairs):
        for name, src in (("A", args.a), ("B", args.b)):
            result = _run(src, args.megabytes)
            load = os.getloadavg()[0]
            print(
                f"| {pair + 1} | {name} | {result['upload_ms']:.0f} | "
                f"{result['longest_lock_ms']:.0f} | {load:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
