"""CPU of one contended wait for the SQLite writers' lock file (``clearlane.store.writers._wait``,
what a write transaction calls when another connection holds the file: two API workers meet
there on many submissions). A holder thread takes the file through its own open file; the
main thread waits for it with ``_wait`` and lets it go; process CPU a wait, both threads
included. For an A/B comparison, alternate two versions of the code through ``PYTHONPATH``:

    PYTHONPATH=A/src python benchmarks/sqlite_writer_waits.py [--count 3000]
    PYTHONPATH=B/src python benchmarks/sqlite_writer_waits.py [--count 3000]
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import tempfile
import threading
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--warm", type=int, default=100)
    args = parser.parse_args()

    import clearlane.store.writers as writers

    path = Path(tempfile.mkdtemp(prefix="clearlane-writer-waits-")) / "store.db-writer"
    holder, waiter = path.open("ab"), path.open("ab")
    held, go, released = threading.Event(), threading.Event(), threading.Event()
    total = args.warm + args.count

    def hold() -> None:
        for _ in range(total):
            fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
            held.set()
            go.wait()
            go.clear()
            fcntl.flock(holder.fileno(), fcntl.LOCK_UN)
            released.wait()
            released.clear()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    start = 0.0
    for i in range(total):
        if i == args.warm:
            start = time.process_time()
        held.wait()
        held.clear()
        go.set()
        if not writers._wait(waiter, 30.0):
            raise SystemExit("a wait gave up")
        fcntl.flock(waiter.fileno(), fcntl.LOCK_UN)
        released.set()
    spent = time.process_time() - start
    thread.join()
    print(
        json.dumps(
            {
                "code": str(Path(writers.__file__).parents[2]),
                "waits": args.count,
                "cpu_us_a_wait": round(spent / args.count * 1e6, 1),
                "load": round(os.getloadavg()[0], 2),
            }
        )
    )


if __name__ == "__main__":
    main()
