"""The registered engines' compiled boosters: compiled once per model version in a background
process, cached beside the artifact, picked up by whoever loads the engine.

Layout, beside the artifact (:meth:`ModelRegistry.version_dir`)::

    models/<name>/<version>/artifact.bin.compiled/<key>.o, <key>.o.sha256
        the object code of each booster (:mod:`clearlane.risk.compiled`: keyed by the sha256
        of the model text, the CPU and the compiler versions, each checked on load)
    models/<name>/<version>/artifact.bin.compiled/report.json   what the last compile did
    models/<name>/<version>/artifact.bin.compiled/compile.log   the compiling process's log

Compiling the four boosters of a KCS engine costs about 86 CPU s, so it never runs in a
request or in ``clearlane train``'s own process: :func:`start` launches ``python -m
clearlane.learn.compiling`` (at a lower CPU priority), and :func:`compile_in_background` waits
for it in a thread and hands the report to a callback (the API swaps its engine then). Of
several processes compiling the same version at once (two workers starting, a worker and
``clearlane train``), one compiles: :func:`compile_version` holds the registry's lock for that
version, and the others, once they get it, find every object in the cache. Each object is
renamed into place whole, so a reader never sees half of one; a damaged object fails its
sha256 and is compiled again by the next :func:`compile_version`.

With ``CLEARLANE_COMPILE_BOOSTERS=false`` nothing is compiled or loaded; without a working
compiler (llvmlite, lleaves) this is said once in the log and LightGBM predicts as before.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import joblib

from clearlane.learn.registry import ModelRegistry, ModelVersion
from clearlane.risk import compiled
from clearlane.risk.engine import RiskEngine, compiled_dir

log = logging.getLogger(__name__)

REPORT = "report.json"
LOG = "compile.log"
ACTOR = "system:compile"

Status = Literal["compiled", "cached", "nothing", "unavailable", "failed"]
_said_unavailable = False
_said_lock = threading.Lock()


@dataclass
class CompileReport:
    """What :func:`compile_version` did for one model version.

    ``status``: ``compiled`` (at least one booster compiled now), ``cached`` (every booster was
    in the cache already), ``nothing`` (the engine has no LightGBM booster: the rules + anomaly
    fallback), ``unavailable`` (no working compiler here), ``failed`` (some booster could not
    be compiled; it keeps ``Booster.predict``)."""

    version: str
    status: Status
    boosters: dict[str, float] = field(default_factory=dict)  # CPU s compiling (0: cached)
    missing: list[str] = field(default_factory=list)  # boosters left to LightGBM
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0
    pid: int = field(default_factory=os.getpid)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CompileReport:
        return cls(**data)


def enabled() -> bool:
    """Whether the settings allow compiled boosters (``CLEARLANE_COMPILE_BOOSTERS``)."""
    from clearlane.config import get_settings

    return get_settings().compile_boosters


def available() -> bool:
    """Whether this machine can compile (llvmlite with the new pass manager, lleaves); says
    so once in the log when it cannot."""
    global _said_unavailable
    if compiled.available():
        return True
    with _said_lock:
        if not _said_unavailable:
            _said_unavailable = True
            log.warning(
                "no working llvmlite / lleaves here: boosters are not compiled, LightGBM's "
                "Booster.predict scores"
            )
    return False


def cache_dir(registry: ModelRegistry, version: ModelVersion | str) -> Path:
    """Where the compiled boosters of ``version`` are cached: beside its artifact."""
    return compiled_dir(registry.artifact_path(version))


def _engine(registry: ModelRegistry, card: ModelVersion) -> RiskEngine:
    engine = joblib.load(io.BytesIO(registry.load_artifact(card)))  # sha256 checked
    if not isinstance(engine, RiskEngine):
        raise TypeError(f"{card.id} is a {type(engine).__name__}, not an engine")
    return engine


def use_cached(
    engine: RiskEngine, registry: ModelRegistry, version: ModelVersion | str
) -> list[str]:
    """Attach the compiled boosters cached for ``version`` to ``engine`` (never compiles); the
    parts that now run compiled code. Nothing when the setting is off, the cache is missing,
    stale or damaged (each object is checked against its sha256), or there is no compiler:
    those boosters keep ``Booster.predict``."""
    if not engine.boosters() or not enabled():
        return []
    cache = cache_dir(registry, version)
    if not cache.is_dir() or not compiled.available():
        return []
    try:
        return engine.use_compiled(cache)
    except Exception:  # noqa: BLE001 - compiled code is an optional speed-up
        log.warning("compiled boosters in %s not loaded", cache, exc_info=True)
        return []


def fully_compiled(engine: RiskEngine) -> bool:
    """Whether every booster of ``engine`` runs compiled code."""
    return all(compiled.attached(b) is not None for b in engine.boosters().values())


def predictors(engine: RiskEngine) -> dict[str, str]:
    """What predicts each booster of ``engine``: ``compiled`` or ``lightgbm``."""
    return {
        name: "compiled" if compiled.attached(b) is not None else "lightgbm"
        for name, b in engine.boosters().items()
    }


def compile_version(registry: ModelRegistry, version: ModelVersion | str) -> CompileReport:
    """Compile the boosters of ``version`` into its cache unless they are there already.

    Under the registry's lock for this version (:meth:`ModelRegistry.exclusive`), so that of
    several callers at once (threads, worker processes, a training run) one compiles and the
    others wait and find the cache. Writes ``report.json`` beside the objects."""
    card = registry.get(version)
    t0, c0 = time.perf_counter(), time.process_time()
    report = CompileReport(card.id, "unavailable")
    if not available():
        return report
    with registry.exclusive(f"compile-{card.name}-{card.version:06d}"):
        engine = _engine(registry, card)
        boosters = engine.boosters()
        if not boosters:
            report.status = "nothing"
        else:
            cache = cache_dir(registry, card)
            spent = engine.compile(cache)
            report.boosters = spent
            report.missing = sorted(set(boosters) - set(spent))
            if report.missing:
                report.status = "failed"
                report.error = f"not compiled: {', '.join(report.missing)} (see {LOG})"
            else:
                report.status = "compiled" if any(v > 0 for v in spent.values()) else "cached"
        report.wall_seconds = time.perf_counter() - t0
        report.cpu_seconds = time.process_time() - c0
        if report.status in ("compiled", "failed"):
            target = cache_dir(registry, card)
            target.mkdir(parents=True, exist_ok=True)
            tmp = target / f".{REPORT}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
            os.replace(tmp, target / REPORT)
    log.info(
        "compiled boosters of %s: %s (%s; %.1f CPU s)",
        card.id,
        report.status,
        ", ".join(f"{k} {v:.1f} s" for k, v in report.boosters.items()) or "no booster",
        report.cpu_seconds,
    )
    return report


def audit(session_factory: Any, report: CompileReport) -> None:
    """Record a compile that did something (``compiled`` or ``failed``) in the audit trail
    (kind ``model_change``, action ``compiled`` / ``compile_failed``); a cache found ready,
    an engine with nothing to compile or a machine without a compiler records nothing."""
    if report.status not in ("compiled", "failed"):
        return
    from clearlane.audit.chain import append

    name = report.version.rpartition("@")[0]
    with session_factory() as session, session.begin():
        append(
            session,
            kind="model_change",
            actor=ACTOR,
            subject=f"model:{name}",
            payload={
                "action": "compiled" if report.status == "compiled" else "compile_failed",
                "version": report.version,
                "boosters_cpu_seconds": {k: round(v, 3) for k, v in report.boosters.items()},
                "missing": report.missing,
                "cpu_seconds": round(report.cpu_seconds, 3),
                "wall_seconds": round(report.wall_seconds, 3),
            },
        )


def _store_url(session_factory: Any) -> str | None:
    bind = getattr(session_factory, "kw", {}).get("bind")
    url = getattr(bind, "url", None)
    return url.render_as_string(hide_password=False) if url is not None else None


def start(
    registry: ModelRegistry,
    version: ModelVersion | str,
    *,
    audit_store: Any = None,
    detach: bool = False,
) -> subprocess.Popen[bytes]:
    """Launch ``python -m clearlane.learn.compiling`` for ``version``: it compiles at a lower
    CPU priority (nice 10), logs to ``compile.log`` in the cache, prints its
    :class:`CompileReport` as JSON on stdout and, with ``audit_store`` (a session factory),
    records it in that store's audit trail. ``detach``: in a session of its own, so it goes
    on after the caller exits (``clearlane train``)."""
    card = registry.get(version)
    cache = cache_dir(registry, card)
    cache.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "clearlane.learn.compiling", str(registry.root), card.id]
    env = dict(os.environ)
    if audit_store is not None:
        url = _store_url(audit_store)
        if url is not None:
            command.append("--audit")
            env["CLEARLANE_DATABASE_URL"] = url  # the environment, not argv: ps shows argv
    with open(cache / LOG, "ab") as errors:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL if detach else subprocess.PIPE,
            stderr=errors,
            env=env,
            start_new_session=detach,
            close_fds=True,
        )


def compile_in_background(
    registry: ModelRegistry,
    version: ModelVersion | str,
    *,
    on_done: Callable[[CompileReport], None],
    audit_store: Any = None,
) -> threading.Thread:
    """:func:`start` the compiling process and wait for it in a daemon thread, then call
    ``on_done`` with its report (``failed`` when the process died without one)."""
    card = registry.get(version)

    def run() -> None:
        try:
            process = start(registry, card, audit_store=audit_store)
            out, _ = process.communicate()
            lines = out.decode("utf-8", "replace").strip().splitlines()
            try:
                report = CompileReport.from_dict(json.loads(lines[-1]))
            except (IndexError, ValueError, TypeError):
                report = CompileReport(
                    card.id,
                    "failed",
                    error=f"the compiling process exited with {process.returncode} "
                    f"(see {LOG} in the cache)",
                )
                log.warning("compiling the boosters of %s: %s", card.id, report.error)
            on_done(report)
        except Exception:  # noqa: BLE001 - a background thread must log, not die silently
            log.exception("compiling the boosters of %s in the background failed", card.id)

    thread = threading.Thread(target=run, name=f"clearlane-compile-{card.id}", daemon=True)
    thread.start()
    return thread


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clearlane.learn.compiling",
        description="Compile a registered engine's boosters into its cache.",
    )
    parser.add_argument("root", type=Path, help="the registry's directory")
    parser.add_argument("version", help="the model id, e.g. risk-engine@3")
    parser.add_argument(
        "--audit",
        action="store_true",
        help="record the compile in the audit trail of the configured store",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        os.nice(10)  # the server's requests come first
    except OSError:  # pragma: no cover - not permitted
        pass
    registry = ModelRegistry(args.root)
    try:
        report = compile_version(registry, args.version)
    except Exception as exc:  # noqa: BLE001 - reported, and audited, like any failure
        log.exception("compiling %s failed", args.version)
        report = CompileReport(args.version, "failed", error=str(exc))
    if args.audit:
        from clearlane.store.session import open_store

        for attempt in (1, 2):  # a busy store must not lose the report the server waits for
            try:
                audit(open_store(), report)
                break
            except Exception:  # noqa: BLE001 - logged; the compiled code is valid either way
                log.exception("recording the compile of %s (attempt %d)", args.version, attempt)
                time.sleep(1.0)
    sys.stdout.write(json.dumps(report.to_dict()) + "\n")
    sys.stdout.flush()
    return 1 if report.status == "failed" else 0


if __name__ == "__main__":
    raise SystemExit(main())
