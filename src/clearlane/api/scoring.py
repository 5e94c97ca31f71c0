"""What the submit path scores with, kept in the application's state and reloaded only when it
changes: the champion engine (checked by the registry's champion pointer file, a stat call per
request) and the active risk profiles (checked by the newest profile row id).

A single process holds one copy; several worker processes each load their own.

A champion whose boosters have no compiled code yet (:mod:`clearlane.learn.compiling`) scores
with LightGBM at once while a background process compiles them (one per model version across
workers); once the code is ready the worker loads the engine again with it and swaps it in
whole, so a request scores with one engine or the other, never half of each.

Without a champion, no request waits for one to be fitted: `clearlane serve` fits the rules +
anomaly fallback before its workers start, and a worker that still finds none (the store was
empty then) fits it in a background thread; requests meanwhile get their declarations stored
and ``pending`` with the reason (:data:`FITTING`) and a provisional rules-only lane
(:func:`clearlane.intake.assess_provisionally`), and the thread assesses them once the
fallback is registered (its assessment supersedes the provisional one).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from clearlane.heap import freeze_long_lived
from clearlane.intake import API_SOURCE, assess_pending
from clearlane.learn import compiling
from clearlane.learn.registry import ModelRegistry, ModelVersion
from clearlane.risk.engine import RiskEngine
from clearlane.risk.profile_store import active_profiles
from clearlane.risk.profiles import ProfileSet
from clearlane.selection import SelectionPolicy
from clearlane.selection.draws import draw_key
from clearlane.selection.online import CutsCache
from clearlane.store.session import connection_without_transaction, core_connection
from clearlane.store.tables import DeclarationRow, RiskProfileRow
from clearlane.workflows import (
    ENGINE_NAME,
    WorkflowError,
    default_registry,
    ensure_champion,
    load_champion,
    load_version,
    reconcile_promotions,
)

__all__ = [
    "Scoring",
    "draw_key",
    "extract_and_reassess",
    "scoring",
]  # draw_key lives in clearlane.selection.draws

log = logging.getLogger("clearlane.api")

FITTING = (
    "no champion engine yet: the rules + anomaly fallback is being fitted in the background on "
    "the stored declarations; the declaration is stored and will be assessed as soon as it is "
    "ready (or once `clearlane train` registers a model)"
)
EMPTY_STORE = (
    "no trained engine yet and no stored declaration to fit the fallback champion on: run "
    "`clearlane train` first"
)
NO_CHAMPION = (
    "no champion engine yet: nothing is computed with one on a read (the fallback champion is "
    "fitted when a declaration is submitted, or `clearlane train` registers a model)"
)
_PROFILES_STAMP = select(func.count(), func.coalesce(func.max(RiskProfileRow.id), 0))
FIT_RETRY_SECONDS = 30.0  # after a failed background fit, requests do not start another sooner
# The reconcile runs again after this long without a registry change: a promotion commits its
# audit entry before it writes the registry, so one that died between the two changed the
# trail, not the registry's stamp (review of mends8, 2026-12-05).
RECONCILE_AGAIN_SECONDS = 30.0


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass
class Scoring:
    registry: ModelRegistry
    session_factory: sessionmaker[Session]
    policy: SelectionPolicy = field(default_factory=SelectionPolicy)
    cuts: CutsCache = field(default_factory=CutsCache)  # online routing's score cuts
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _engine_stamp: tuple[int, int] | None = None
    _engine: RiskEngine | None = None
    _version: ModelVersion | None = None
    _engine_problem: str | None = None
    _profiles_stamp: tuple[int, int] | None = None
    _profiles: ProfileSet | None = None
    _fitting: threading.Thread | None = None
    _fit_failed: tuple[float, str] | None = None  # (monotonic time, reason) of the last failure
    _compiling: threading.Thread | None = None  # waits for the compiling process
    _compiled_for: set[str] = field(default_factory=set)  # versions compiled (or tried) here
    _reconciled: tuple[Any, ...] | None = None  # the registry's stamp when last reconciled
    _reconciled_at: float = 0.0  # monotonic time of that reconcile

    def _pointer_stamp(self) -> tuple[int, int] | None:
        return _file_stamp(self.registry.champions_path)

    def _registry_stamp(self) -> tuple[Any, ...]:
        """A cheap version of what the reconcile compares with the trail: the champion
        pointers, the decisions log (every promotion writes it first) and the models."""
        registry = self.registry
        return (
            _file_stamp(registry.champions_path),
            _file_stamp(registry.decisions_path),
            tuple(registry.names()),
        )

    def engine(self, *, fit: bool = True) -> tuple[RiskEngine | None, str | None]:
        """The champion engine, or None with the reason (unreadable model, no champion yet).
        Without a champion the rules + anomaly fallback is fitted on the store's declarations,
        registered, promoted and audited (:func:`clearlane.workflows.ensure_champion`) in a
        background thread (:meth:`fit_fallback_in_background`), never in the request: until it
        is ready the reason is :data:`FITTING`, and the thread then assesses the submissions
        that waited.

        ``fit`` False (every GET: the queue, a declaration's detail, page and counterfactual):
        the engine there is, never a fit started; without a champion None and
        :data:`NO_CHAMPION` (or :data:`FITTING` while a fit runs). A read must not register
        and promote a model (until mends5, 2026-12-05, listing the queue did)."""
        stamp = self._pointer_stamp()
        if stamp is not None and stamp == self._engine_stamp:
            return self._engine, self._engine_problem
        with self._lock:
            if stamp is not None and stamp == self._engine_stamp:
                return self._engine, self._engine_problem
            retry = False
            try:
                # A promotion a crash left half done is repaired before the engine is loaded,
                # once per change of the registry: without a champion no engine is cached, and
                # every request ran the reconcile's query again (until mends8, 2026-12-05).
                # Also again after RECONCILE_AGAIN_SECONDS: a promotion that died between its
                # audit entry's commit and the registry's writes leaves the stamp as it was.
                registry_stamp, now = self._registry_stamp(), time.monotonic()
                if (
                    registry_stamp != self._reconciled
                    or now - self._reconciled_at >= RECONCILE_AGAIN_SECONDS
                ):
                    if reconcile_promotions(self.registry, self.session_factory):
                        stamp = self._pointer_stamp()
                        registry_stamp = self._registry_stamp()
                    self._reconciled, self._reconciled_at = registry_stamp, now
            except Exception:  # noqa: BLE001 - the store, not the engine: load the registry's
                # A store that fails here (restarting, a lost connection) is no unreadable
                # engine: the registry's champion is loaded and the reconcile tried again on
                # the next request (until reviewk6, 2026-12-05, the error was cached under the
                # pointer's stamp as "cannot be loaded": no engine until the pointer changed).
                log.warning("cannot reconcile the promotions; tried again", exc_info=True)
                retry = True
            try:
                champion = self.registry.champion(ENGINE_NAME)
                if champion is None and not fit:
                    running = self._fitting is not None and self._fitting.is_alive()
                    return None, FITTING if running else NO_CHAMPION
                if champion is None:
                    self._engine, self._version = None, None
                    self._engine_problem = self.fit_fallback_in_background()
                    stamp = None  # check again on the next request, whatever the pointer file
                elif self._version is None or champion.id != self._version.id:
                    self._engine, self._version = load_champion(self.registry)
                    self._engine_problem = None
                    # Out of the garbage collector's full passes (a pause of hundreds of ms).
                    frozen = freeze_long_lived()
                    log.info(
                        "loaded champion engine %s (boosters: %s; %d objects frozen)",
                        champion.id,
                        _predictors(self._engine),
                        frozen,
                    )
                    self._compile_in_background(self._engine, self._version)
            except Exception as exc:  # a damaged registry must not take the API down
                log.exception("cannot load the champion engine")
                self._engine, self._version = None, None
                self._engine_problem = f"the champion engine cannot be loaded: {exc}"
            self._engine_stamp = None if retry else stamp
            return self._engine, self._engine_problem

    def _compile_in_background(self, engine: RiskEngine, version: ModelVersion) -> None:
        """Start compiling the boosters of ``version`` unless they all run compiled code
        already, compiling is off or impossible here, or this worker tried it for that
        version before (a failure is not retried by every request). Called under ``_lock``."""
        if (
            compiling.fully_compiled(engine)
            or version.id in self._compiled_for
            or not compiling.enabled()
            or not compiling.available()
        ):
            return
        # An older champion's compile may still run: it goes on (its process holds that
        # version's lock, not this one's) and its engine is not swapped in (_use_compiled).
        self._compiled_for.add(version.id)
        self._compiling = compiling.compile_in_background(
            self.registry,
            version,
            on_done=lambda report: self._use_compiled(version, report),
            audit_store=self.session_factory,
        )

    def _use_compiled(self, version: ModelVersion, report: compiling.CompileReport) -> None:
        """The compiling process is done: load ``version`` again with its compiled boosters
        and swap it in, if it is still the champion this worker serves."""
        if report.status not in ("compiled", "cached", "failed"):
            return
        with self._lock:
            if self._version is None or self._version.id != version.id:
                return  # the champion changed while compiling: do not load a retired engine
        engine = load_version(self.registry, version)
        if not any(p == "compiled" for p in compiling.predictors(engine).values()):
            log.warning("%s: no compiled booster could be loaded (%s)", version.id, report.status)
            return
        with self._lock:
            if self._version is None or self._version.id != version.id:
                return  # the champion changed meanwhile
            self._engine = engine
        frozen = freeze_long_lived()  # the replaced engine is collected, the new one frozen
        log.info(
            "champion engine %s now scores with compiled boosters (%s; %s; %d objects frozen)",
            version.id,
            _predictors(engine),
            report.status,
            frozen,
        )

    def wait_for_compile(self, timeout: float | None = None) -> None:
        """Wait for a running background compile (tests, benchmarks)."""
        thread = self._compiling
        if thread is not None:
            thread.join(timeout)

    def fit_fallback_in_background(self) -> str:
        """Start fitting the fallback champion in a background thread unless one is running
        (or failed less than :data:`FIT_RETRY_SECONDS` ago, or the store holds nothing to fit
        it on); returns why there is no engine meanwhile. Called under ``_lock``."""
        if self._fitting is not None and self._fitting.is_alive():
            return FITTING
        if self._fit_failed is not None:
            failed_at, reason = self._fit_failed
            if time.monotonic() - failed_at < FIT_RETRY_SECONDS:
                return reason
        with self.session_factory() as session:
            if session.scalar(select(DeclarationRow.id).limit(1)) is None:
                return EMPTY_STORE
        # Bound here, in the caller's thread: the thread fits with the function of this moment.
        fit = ensure_champion
        self._fitting = threading.Thread(
            target=self._fit_fallback, args=(fit,), name="clearlane-fallback-fit", daemon=True
        )
        self._fitting.start()
        return FITTING

    def wait_for_fallback(self, timeout: float | None = None) -> bool:
        """Wait for a running background fit (tests, and a server shutting down); whether
        none runs now (False: still fitting after ``timeout``)."""
        thread = self._fitting
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _fit_fallback(self, fit: Callable[..., tuple[RiskEngine, ModelVersion]]) -> None:
        """The background fit: register the fallback (one across threads and workers: the
        registry's fallback lock), then assess the submissions stored while there was no
        engine, as `clearlane train` does after a promotion (the two cannot store an
        assessment twice: :func:`clearlane.oversight.record_assessments`)."""
        try:
            engine, version = fit(
                self.registry,
                session_factory=self.session_factory,
                profiles=active_profiles(session_factory=self.session_factory),
                created_by="system:fallback",
            )
        except Exception as exc:  # noqa: BLE001 - a background thread must record, not crash
            if not isinstance(exc, WorkflowError):
                log.exception("fitting the fallback champion failed")
            self._fit_failed = (time.monotonic(), f"no champion engine yet ({exc})")
            return
        self._fit_failed = None
        log.info("the champion is %s (rules + anomaly fallback fitted in the background)",
                 version.id)  # fmt: skip
        try:
            done = assess_pending(
                engine=engine,
                key=draw_key(),
                session_factory=self.session_factory,
                profiles=self.profiles(),
                policy=self.policy,
                source_prefix=API_SOURCE,
            )
        except Exception:  # noqa: BLE001 - they stay pending; `clearlane train` assesses them
            log.exception("assessing the submissions that waited for the fallback failed")
            return
        if done:
            log.info("assessed %d submission(s) that waited for the fallback champion", done)

    def engine_and_profiles(
        self, *, fit: bool = True
    ) -> tuple[RiskEngine | None, ProfileSet | None]:
        """The champion engine (None when there is none, see :meth:`engine`, ``fit`` as
        there) and, with it, the active profiles."""
        engine, _ = self.engine(fit=fit)
        return engine, self.profiles() if engine is not None else None

    def read_engine_and_profiles(self) -> tuple[RiskEngine | None, ProfileSet | None]:
        """:meth:`engine_and_profiles` for a read (a GET): never starts a fit."""
        return self.engine_and_profiles(fit=False)

    def profiles(self) -> ProfileSet | None:
        """The active risk profiles (re-read when a profile row was added)."""
        bind = self.session_factory.kw.get("bind")
        if isinstance(bind, Engine):
            # Every submission: one statement built once, on a pooled connection (an ORM
            # session for it costs as much again), without the BEGIN and ROLLBACK of a read.
            with bind.connect() as connection:
                stamp = connection_without_transaction(connection).execute(_PROFILES_STAMP).one()
        else:
            with self.session_factory() as session:
                stamp = core_connection(session).execute(_PROFILES_STAMP).one()
        key = (int(stamp[0]), int(stamp[1]))
        if key != self._profiles_stamp:
            profiles = active_profiles(session_factory=self.session_factory)
            with self._lock:
                self._profiles, self._profiles_stamp = profiles, key
        return self._profiles

    @property
    def model_version(self) -> str | None:
        return self._version.id if self._version is not None else None


def _predictors(engine: RiskEngine | None) -> str:
    if engine is None:
        return "none"
    found = compiling.predictors(engine)
    return ", ".join(f"{k} {v}" for k, v in found.items()) or "none (rules + anomaly)"


def scoring(request: Request) -> Scoring:
    """The application's :class:`Scoring` (created on first use)."""
    return scoring_of(request.app)


def scoring_of(app: Any) -> Scoring:
    """:func:`scoring` for an application (at start-up, where there is no request)."""
    state = app.state
    current: Scoring | None = getattr(state, "scoring", None)
    if current is None:
        registry = getattr(state, "registry", None) or default_registry(state.settings.data_dir)
        current = Scoring(
            registry=registry,
            session_factory=state.session_factory,
            policy=getattr(state, "selection_policy", None) or SelectionPolicy(),
        )
        state.scoring = current
    return current


def extract_and_reassess(scoring_service: Scoring, document_id: int, files_dir: Path) -> str:
    """The background task after an upload: read the document (clearlane.documents.service),
    then, when it was read, reassess its declaration with the champion if it was already
    scored and is still undecided (:func:`clearlane.intake.reassess_after_document`: a new,
    audited assessment). Returns the extraction's status."""
    from clearlane.documents.service import run_extraction
    from clearlane.intake import reassess_after_document
    from clearlane.store.tables import DocumentRow

    session_factory = scoring_service.session_factory
    status = run_extraction(session_factory, document_id, files_dir)
    if status != "done":
        return status
    with session_factory() as session:
        reference = session.scalar(
            select(DocumentRow.reference).where(DocumentRow.id == document_id)
        )
    if reference is None:
        return status
    engine, problem = scoring_service.engine()
    outcome = reassess_after_document(
        reference=reference,
        engine=engine,
        key=draw_key(),
        session_factory=session_factory,
        profiles=scoring_service.profiles(),
        policy=scoring_service.policy,
        cuts=scoring_service.cuts,
    )
    log.info("document %s of %s: %s %s", document_id, reference, outcome.status, problem or "")
    return status
