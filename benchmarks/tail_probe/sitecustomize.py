"""A timing probe for the API server's latency tail (docs/performance.md, session 21, tail).

Not part of ClearLane: put this folder first on the server's PYTHONPATH and set
CLEARLANE_TAIL_PROBE to a folder, e.g.

    CLEARLANE_TAIL_PROBE=/tmp/probe PYTHONPATH=src python benchmarks/api.py --workers 2 \
        --clients 16 --stores sqlite --server-src benchmarks/tail_probe:src

and each server process writes one JSON line a request to ``<folder>/<pid>.jsonl`` (wall
times from ``time.perf_counter``, the same clock in every process on Linux): the request's
start and end at the ASGI level, its wait for the submission limiter, the phases of the
submission in its worker thread, the SQL statements' time, the wait for SQLite's write lock
(the statement that took it: ``BEGIN IMMEDIATE`` or the transaction's first write) and how
long the lock was held (to the end of the commit), the commit's own time, and the HS
rankings. Garbage collections (generation 2) go to ``<folder>/<pid>.gc.jsonl``.
``benchmarks/tail_report.py`` reads them."""

from __future__ import annotations

import os

_DIR = os.environ.get("CLEARLANE_TAIL_PROBE")


def _install(folder: str) -> None:  # noqa: C901, PLR0915
    import functools
    import gc
    import json
    import threading
    import time

    clock = time.perf_counter
    local = threading.local()
    state: dict[str, object] = {}

    def out(suffix: str):  # one file a process, opened on first use (after the fork/spawn)
        key = f"f{suffix}"
        handle = state.get(key)
        if handle is None or state.get("pid") != os.getpid():
            state.clear() if state.get("pid") != os.getpid() else None
            state["pid"] = os.getpid()
            handle = open(os.path.join(folder, f"{os.getpid()}{suffix}.jsonl"), "a", buffering=1)
            state[key] = handle
        return handle

    gc_started: list[float] = []

    def on_gc(phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            gc_started.append(clock())
        elif gc_started:
            t0 = gc_started.pop()
            out(".gc").write(
                json.dumps({"t0": t0, "t1": clock(), "thread": threading.get_ident()}) + "\n"
            )

    gc.callbacks.append(on_gc)

    def phases() -> dict:
        found = getattr(local, "phases", None)
        if found is None:
            found = local.phases = {}
        return found

    def timed(module, name: str, label: str) -> None:
        original = getattr(module, name)

        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            t0 = clock()
            try:
                return original(*args, **kwargs)
            finally:
                p = phases()
                p[label] = p.get(label, 0.0) + clock() - t0
                p[label + "_n"] = p.get(label + "_n", 0) + 1

        setattr(module, name, wrapper)

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        raw = conn.connection.dbapi_connection
        local.sql_t0 = clock()
        local.sql_taking = (
            conn.dialect.name == "sqlite"
            and raw is not None
            and not raw.in_transaction
            and (
                statement.startswith("BEGIN")
                or statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE")
            )
        )

    @event.listens_for(Engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        t1 = clock()
        took = t1 - getattr(local, "sql_t0", t1)
        p = phases()
        p["sql"] = p.get("sql", 0.0) + took
        p["sql_n"] = p.get("sql_n", 0) + 1
        if getattr(local, "sql_taking", False):
            p["lock_wait"] = p.get("lock_wait", 0.0) + took
            p.setdefault("lock_waits", []).append(round(took * 1000, 2))
            local.lock_at = t1 - took

    from sqlalchemy.dialects.sqlite.base import SQLiteDialect

    original_commit = SQLiteDialect.do_commit

    def do_commit(self, dbapi_connection):
        t0 = clock()
        held = dbapi_connection.in_transaction
        try:
            return original_commit(self, dbapi_connection)
        finally:
            t1 = clock()
            p = phases()
            p.setdefault("commits", []).append(round((t1 - t0) * 1000, 2))
            at = getattr(local, "lock_at", None)
            if held and at is not None:
                p.setdefault("held", []).append(round((t1 - at) * 1000, 2))
            local.lock_at = None

    SQLiteDialect.do_commit = do_commit

    import clearlane.api.app as app_module
    import clearlane.audit.chain as chain
    import clearlane.features.facts as facts
    import clearlane.hs.api as hs_api
    import clearlane.intake as intake
    import clearlane.oversight.assessments as assessments
    import clearlane.workflows as workflows
    from clearlane.api.declarations import views

    timed(intake, "ingest_records", "ingest")
    timed(intake, "gather_facts", "facts")
    timed(intake, "assess_and_route", "assess_tx")
    timed(intake, "record_assessments", "record")
    timed(intake, "store_hs_checks", "store_hs")
    timed(intake, "_route", "route")
    timed(workflows, "assessed_records", "engine")
    timed(hs_api, "check_and_suggest", "hs_rank")
    timed(assessments, "append_many", "audit")
    del chain, facts

    original_sync = views._submit_sync

    def submit_sync(**kwargs):
        local.phases = {"thread_t0": clock(), "thread": threading.get_ident()}
        local.lock_at = None
        try:
            return original_sync(**kwargs)
        finally:
            p = local.phases
            p["thread_t1"] = clock()
            current = getattr(local, "request", None)
            if current is not None:
                current.update(p)

    views._submit_sync = submit_sync

    original_records = views.submit_records

    async def submit_records(request, **kwargs):
        record = request.scope.setdefault("state", {}).setdefault("probe", {})
        record["route_t0"] = clock()

        def bound(**kw):  # in the worker thread: this request's record gets its phases
            local.request = record
            try:
                return submit_sync(**kw)
            finally:
                local.request = None

        token = _bind.set(bound)  # copied into the worker thread's context by anyio
        try:
            return await original_records(request, **kwargs)
        finally:
            _bind.reset(token)

    import contextvars

    _bind: contextvars.ContextVar = contextvars.ContextVar("probe_bind")

    def dispatch(**kwargs):
        return _bind.get(submit_sync)(**kwargs)

    views._submit_sync = dispatch
    views.submit_records = submit_records

    original_create = app_module.create_app

    def create_app(*args, **kwargs):
        app = original_create(*args, **kwargs)

        async def probed(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            t0 = clock()
            record = scope.setdefault("state", {}).setdefault("probe", {})
            status = {}

            async def sending(message):
                if message["type"] == "http.response.start":
                    status["code"] = message["status"]
                await send(message)

            try:
                await app(scope, receive, sending)
            finally:
                record.update(
                    {
                        "t0": t0,
                        "t1": clock(),
                        "path": scope["path"],
                        "status": status.get("code"),
                        "client": (scope.get("client") or [None, None])[1],
                    }
                )
                out("").write(json.dumps(record) + "\n")

        return probed

    app_module.create_app = create_app


if _DIR:
    _install(_DIR)
