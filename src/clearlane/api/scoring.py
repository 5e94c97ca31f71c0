"""What the submit path scores with, kept in the application's state and reloaded only when it
changes: the champion engine (checked by the registry's champion pointer file, a stat call per
request) and the active risk profiles (checked by the newest profile row id).

A single process holds one copy; several worker processes each load their own.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from fastapi import Request
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.learn.registry import ModelRegistry, ModelVersion
from clearlane.risk.engine import RiskEngine
from clearlane.risk.profile_store import active_profiles
from clearlane.risk.profiles import ProfileSet
from clearlane.selection import SelectionPolicy
from clearlane.selection.draws import draw_key
from clearlane.selection.online import CutsCache
from clearlane.store.tables import RiskProfileRow
from clearlane.workflows import ENGINE_NAME, default_registry, load_champion

__all__ = ["Scoring", "draw_key", "scoring"]  # draw_key lives in clearlane.selection.draws

log = logging.getLogger("clearlane.api")


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

    def _pointer_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.registry.champions_path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def engine(self) -> tuple[RiskEngine | None, str | None]:
        """The champion engine, or None with the reason (nothing trained, unreadable model)."""
        stamp = self._pointer_stamp()
        if stamp is not None and stamp == self._engine_stamp:
            return self._engine, self._engine_problem
        with self._lock:
            if stamp is not None and stamp == self._engine_stamp:
                return self._engine, self._engine_problem
            try:
                champion = self.registry.champion(ENGINE_NAME)
                if champion is None:
                    self._engine, self._version = None, None
                    self._engine_problem = "no trained engine: run `clearlane train`"
                elif self._version is None or champion.id != self._version.id:
                    self._engine, self._version = load_champion(self.registry)
                    self._engine_problem = None
                    log.info("loaded champion engine %s", champion.id)
            except Exception as exc:  # a damaged registry must not take the API down
                log.exception("cannot load the champion engine")
                self._engine, self._version = None, None
                self._engine_problem = f"the champion engine cannot be loaded: {exc}"
            self._engine_stamp = stamp
            return self._engine, self._engine_problem

    def profiles(self) -> ProfileSet | None:
        """The active risk profiles (re-read when a profile row was added)."""
        with self.session_factory() as session:
            stamp = session.execute(
                select(func.count(), func.coalesce(func.max(RiskProfileRow.id), 0))
            ).one()
        key = (int(stamp[0]), int(stamp[1]))
        if key != self._profiles_stamp:
            profiles = active_profiles(session_factory=self.session_factory)
            with self._lock:
                self._profiles, self._profiles_stamp = profiles, key
        return self._profiles

    @property
    def model_version(self) -> str | None:
        return self._version.id if self._version is not None else None


def scoring(request: Request) -> Scoring:
    """The application's :class:`Scoring` (created on first use)."""
    state = request.app.state
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
