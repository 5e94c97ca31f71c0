"""CPU of one write transaction (an insert and its commit) on one ClearLane SQLite connection,
the writers' lock file taken and given back each time (``clearlane.store.writers``). For an
A/B comparison of two versions of the code, alternate them through ``PYTHONPATH``:

    PYTHONPATH=A/src python benchmarks/sqlite_writer_cpu.py [--count 5000]
    PYTHONPATH=B/src python benchmarks/sqlite_writer_cpu.py [--count 5000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--warm", type=int, default=200)
    args = parser.parse_args()

    import clearlane.store.writers
    from clearlane.store.session import get_engine

    folder = Path(tempfile.mkdtemp(prefix="clearlane-writer-cpu-"))
    engine = get_engine(f"sqlite:///{folder / 'store.db'}")
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE t (v INTEGER)")
        connection.commit()
        for _ in range(args.warm):
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
            connection.commit()
        start = time.process_time()
        for _ in range(args.count):
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
            connection.commit()
        spent = time.process_time() - start
    engine.dispose()
    code = Path(clearlane.store.writers.__file__).parents[2]
    print(
        f"{code}: {1e6 * spent / args.count:.1f} CPU µs a write transaction "
        f"(load {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
