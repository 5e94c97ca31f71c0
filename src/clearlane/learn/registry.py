"""File-based model registry: immutable versions, hash-checked artifacts, logged promotions.

Layout under the registry root::

    models/<name>/<version>/artifact.bin   the model as given (bytes), read-only
    models/<name>/<version>/card.json      model card: hash, training window, features, ...
    models/<name>/<version>/artifact.bin.compiled/
                                           derived from the artifact, never part of it: the
                                           engine's compiled boosters (clearlane.learn.compiling)
    champions.json                         name -> champion version and its sha256
    decisions.jsonl                        every promotion decision, promoted or refused

A version is assembled in a temporary directory and renamed into place, and every JSON file is
written to a temporary file and ``os.replace``-d, so a crash never leaves a half-written card
or a version without its artifact. The artifact's sha256 is checked on every load, and the
champion pointer carries the hash too, so swapping a file (or a file and its card) is caught.

Refusals are domain errors (:class:`clearlane.errors.DomainError`): :class:`RegistryError`
(bad input, ``invalid``; :class:`UnknownModel`, ``not_found``; a version already champion,
``conflict``) and :class:`ModelIntegrityError` (a damaged card, artifact or log,
``conflict``). Their messages name files relative to the registry root
(``models/risk/000003/card.json``), never the server's absolute paths.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from clearlane.core.numbers import Float, Int, OptionalFloat, bool_message, is_bool
from clearlane.errors import DomainError, Kind

try:  # POSIX advisory lock; without it concurrent promotions are last-writer-wins
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "ModelIntegrityError",
    "ModelRegistry",
    "ModelVersion",
    "PromotionDecision",
    "PromotionRule",
    "RegistryError",
    "UnknownModel",
]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_ARTIFACT = "artifact.bin"
_CARD = "card.json"


class RegistryError(DomainError, ValueError):
    """A request the registry cannot satisfy (bad metadata, a refused promotion, ...);
    ``invalid`` unless raised with another kind."""

    kind: Kind = "invalid"


class UnknownModel(RegistryError):
    """No such version in the registry."""

    kind: Kind = "not_found"


class ModelIntegrityError(DomainError, RuntimeError):
    """A stored artifact, card or log no longer matches what was recorded for it: the stored
    state forbids the request (``conflict``) until someone repairs the registry."""

    kind: Kind = "conflict"


class ModelVersion(BaseModel):
    """The model card of one registered, immutable version."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: Int = Field(ge=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: Int = Field(ge=0)
    created_at: datetime
    created_by: str | None = None
    training_window: tuple[date, date]
    features: tuple[str, ...]
    params: dict[str, Any]
    metrics: dict[str, OptionalFloat]

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


def _finite_or_none(value: object) -> float | None:
    if value is None:
        return None
    if is_bool(value):
        raise TypeError(bool_message(value))
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


class PromotionRule(BaseModel):
    """When a challenger replaces the champion.

    The challenger must beat the champion on ``metric`` by at least ``min_improvement``
    (absolute, or relative to the champion's value if ``relative``) and strictly, so a tie
    keeps the champion; and on every metric in ``require_all`` it must be no worse than the
    champion by more than ``tolerance``. Metrics listed in ``lower_is_better`` (e.g. brier)
    are compared the other way round. Both sets of metrics must come from the same period.
    With ``accept_ties`` (and no ``min_improvement``) a challenger equal to the champion on
    ``metric`` is promoted: when both recipes were trained to the same cut, the challenger is
    the one refreshed with newer data, and an identical retrain must not be rejected.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    metric: str = "pr_auc"
    min_improvement: Float = Field(default=0.0, ge=0)
    relative: bool = False
    require_all: tuple[str, ...] = ()
    tolerance: Float = Field(default=0.0, ge=0)
    lower_is_better: tuple[str, ...] = ()
    accept_ties: bool = False

    def _gain(self, name: str, challenger: float, champion: float) -> float:
        sign = -1.0 if name in self.lower_is_better else 1.0
        return sign * (challenger - champion)

    def decide(
        self, challenger_metrics: Mapping[str, Any], champion_metrics: Mapping[str, Any]
    ) -> tuple[bool, str, dict[str, Any]]:
        """(promoted, reason, numbers) for two sets of metrics measured on the same period."""
        numbers: dict[str, Any] = {"metric": self.metric, "min_improvement": self.min_improvement}
        cv = _finite_or_none(challenger_metrics.get(self.metric))
        pv = _finite_or_none(champion_metrics.get(self.metric))
        numbers.update(challenger_value=cv, champion_value=pv)
        if cv is None or pv is None:
            whose = "challenger" if cv is None else "champion"
            return False, f"{whose} has no finite value for {self.metric!r}", numbers
        gain = self._gain(self.metric, cv, pv)
        if self.relative:
            gain = gain / abs(pv) if pv else (math.inf if gain > 0 else 0.0)
        numbers["improvement"] = gain
        checks: dict[str, dict[str, Any]] = {}
        failed: list[str] = []
        for name in self.require_all:
            c = _finite_or_none(challenger_metrics.get(name))
            p = _finite_or_none(champion_metrics.get(name))
            ok = c is not None and p is not None and self._gain(name, c, p) >= -self.tolerance
            checks[name] = {"challenger": c, "champion": p, "ok": ok}
            if not ok:
                failed.append(name)
        numbers["checks"] = checks
        kind = "relative" if self.relative else "absolute"
        tie = abs(gain) <= 1e-12
        if (gain < 0 and not tie) or (tie and not self.accept_ties) or gain < self.min_improvement:
            return (
                False,
                f"{self.metric} {kind} improvement {gain:.6g} does not reach "
                f"{self.min_improvement:.6g} (challenger {cv:.6g}, champion {pv:.6g})",
                numbers,
            )
        if failed:
            return False, f"worse than the champion on {', '.join(failed)}", numbers
        return (
            True,
            f"{self.metric} improves by {gain:.6g} ({kind}; challenger {cv:.6g}, "
            f"champion {pv:.6g})"
            + (f"; no worse on {', '.join(self.require_all)}" if checks else ""),
            numbers,
        )


class PromotionDecision(BaseModel):
    """One promotion decision as written to the decisions log.

    ``kind`` is ``rule`` for a decision of :meth:`ModelRegistry.promote` (metrics compared on
    ``period`` under ``rule``), ``manual`` for a person's decision
    (:meth:`ModelRegistry.promote_manually`), which has a ``justification`` instead, and
    ``reconcile`` for a promotion completed after a crash (:meth:`ModelRegistry.complete_promotion`:
    its audit entry was committed, the registry never written), whose ``justification`` names
    that entry.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    decided_at: datetime
    decided_by: str | None = None
    kind: Literal["rule", "manual", "reconcile"] = "rule"
    name: str
    challenger: str
    challenger_sha256: str
    champion: str | None
    promoted: bool
    reason: str
    justification: str | None = None
    period: tuple[date, date] | None = None
    rule: PromotionRule | None = None
    metric: str | None = None
    challenger_value: OptionalFloat = None
    champion_value: OptionalFloat = None
    improvement: OptionalFloat = None
    min_improvement: Float = 0.0
    checks: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> PromotionDecision:
        if self.period is not None and self.period[0] > self.period[1]:
            raise ValueError(f"period starts {self.period[0]} after it ends {self.period[1]}")
        if self.kind == "rule" and (self.period is None or self.rule is None):
            raise ValueError("a rule decision needs the period and the rule it compared on")
        if self.kind != "rule" and not (self.justification and self.decided_by):
            raise ValueError(f"a {self.kind} decision needs who decided and their justification")
        return self


def _decided_by_hand(
    card: ModelVersion,
    current: ModelVersion | None,
    *,
    kind: Literal["manual", "reconcile"],
    decided_by: str,
    reason: str,
    justification: str,
) -> PromotionDecision:
    """A promotion of ``card`` over ``current`` that no comparison decided: an officer's
    (``manual``) or the completion of one a crash cut short (``reconcile``)."""
    return PromotionDecision(
        decided_at=datetime.now(UTC),
        decided_by=decided_by,
        kind=kind,
        name=card.name,
        challenger=card.id,
        challenger_sha256=card.sha256,
        champion=current.id if current else None,
        promoted=True,
        reason=reason,
        justification=justification,
    )


@contextlib.contextmanager
def _reported(on_error: Callable[[BaseException], None] | None) -> Iterator[None]:
    """Call ``on_error(error)`` for an error raised in the block (a registry write after its
    promotion was audited), then raise it: inside the promotion lock, so what the hook records
    comes before any repair that takes the lock next."""
    try:
        yield
    except BaseException as error:
        if on_error is not None:
            on_error(error)
        raise


def _atomic_write(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _json_bytes(document: Any) -> bytes:
    return (json.dumps(document, indent=2, sort_keys=True, allow_nan=False) + "\n").encode()


class ModelRegistry:
    """Models and their cards under ``root``; see the module docstring for the layout."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.models_dir = self.root / "models"
        self.models_dir.mkdir(parents=True, exist_ok=True)
        self.champions_path = self.root / "champions.json"
        self.decisions_path = self.root / "decisions.jsonl"

    # ----------------------------------------------------------------------------- register

    def register(
        self,
        artifact: Path | bytes,
        *,
        name: str,
        training_window: tuple[date, date],
        features: Sequence[str],
        params: Mapping[str, Any],
        metrics: Mapping[str, Any],
        created_by: str | None = None,
    ) -> ModelVersion:
        """Store a new immutable version: the artifact, its sha256 and its model card."""
        if not _NAME.match(name):
            raise RegistryError(f"model name {name!r}: use letters, digits, '.', '_' or '-'")
        start, end = training_window
        if start > end:
            raise RegistryError(f"training_window starts {start} after it ends {end}")
        if isinstance(features, str):
            raise RegistryError("features must be a list of column names, not one string")
        try:
            params_doc = json.loads(json.dumps(dict(params), allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise RegistryError(f"params must be JSON-serialisable: {exc}") from None
        metrics_doc: dict[str, float | None] = {}
        for key, value in metrics.items():
            try:
                metrics_doc[str(key)] = _finite_or_none(value)
            except (TypeError, ValueError) as exc:
                raise RegistryError(f"metrics must be numbers: {key!r}: {exc}") from None

        model_dir = self.models_dir / name
        model_dir.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=model_dir, prefix=".staging-"))
        try:
            digest, size = self._stage_artifact(artifact, staging / _ARTIFACT)
            while True:
                version = self._next_version(name)
                card = ModelVersion(
                    name=name,
                    version=version,
                    sha256=digest,
                    size=size,
                    created_at=datetime.now(UTC),
                    created_by=created_by,
                    training_window=(start, end),
                    features=tuple(features),
                    params=params_doc,
                    metrics=metrics_doc,
                )
                _atomic_write(
                    staging / _CARD, _json_bytes(card.model_dump(mode="json")), mode=0o444
                )
                staging.chmod(0o755)
                try:
                    os.rename(staging, model_dir / f"{version:06d}")  # fails if taken: retry
                except OSError:
                    if (model_dir / f"{version:06d}").exists():
                        (staging / _CARD).unlink()
                        continue
                    raise
                _fsync_dir(model_dir)
                return card
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def _stage_artifact(artifact: Path | bytes, target: Path) -> tuple[str, int]:
        hasher = hashlib.sha256()
        size = 0
        with open(target, "wb") as out:
            if isinstance(artifact, bytes | bytearray | memoryview):
                data = bytes(artifact)
                hasher.update(data)
                out.write(data)
                size = len(data)
            else:
                with open(artifact, "rb") as source:
                    for chunk in iter(lambda: source.read(1 << 20), b""):
                        hasher.update(chunk)
                        out.write(chunk)
                        size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(target, 0o444)
        return hasher.hexdigest(), size

    def _version_dirs(self, name: str) -> Iterator[tuple[int, Path]]:
        model_dir = self.models_dir / name
        if not model_dir.is_dir():
            return
        for child in model_dir.iterdir():
            if child.name.isdigit() and (child / _CARD).is_file():
                yield int(child.name), child

    def _next_version(self, name: str) -> int:
        taken = [int(c.name) for c in (self.models_dir / name).iterdir() if c.name.isdigit()]
        return max(taken, default=0) + 1

    # --------------------------------------------------------------------------------- read

    def _dir_of(self, name: str, version: int) -> Path:
        return self.models_dir / name / f"{version:06d}"

    def _shown(self, path: Path) -> str:
        """``path`` as messages name it: relative to the registry root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.name

    def get(self, ref: ModelVersion | str, version: int | None = None) -> ModelVersion:
        """A version by object, by id ``"name@3"``, or by ``(name, version)``."""
        name, number = self._parse_ref(ref, version)
        card_path = self._dir_of(name, number) / _CARD
        if not card_path.is_file():
            raise UnknownModel(f"no model {name}@{number} in the registry")
        try:
            return ModelVersion.model_validate_json(card_path.read_bytes())
        except ValueError as exc:
            raise ModelIntegrityError(
                f"{self._shown(card_path)}: model card is unreadable: {exc}"
            ) from None

    @staticmethod
    def _parse_ref(ref: ModelVersion | str, version: int | None) -> tuple[str, int]:
        if isinstance(ref, ModelVersion):
            return ref.name, ref.version
        if version is not None:
            return ref, version
        name, sep, number = ref.rpartition("@")
        if not sep or not number.isdigit() or not _NAME.match(name):
            raise RegistryError(f"{ref!r} is not a model id like 'name@3'")
        return name, int(number)

    def version_dir(self, version: ModelVersion | str) -> Path:
        """The directory of a registered version (its artifact, card and the caches derived
        from the artifact, e.g. compiled code)."""
        card = self.get(version)
        return self._dir_of(card.name, card.version)

    def artifact_path(self, version: ModelVersion | str) -> Path:
        """Where the artifact of a version is stored (read it with :meth:`load_artifact`,
        which checks its sha256)."""
        return self.version_dir(version) / _ARTIFACT

    def load_artifact(self, version: ModelVersion | str) -> bytes:
        """The artifact's bytes, after checking them against the sha256 of the model card."""
        card = self.get(version)
        if isinstance(version, ModelVersion) and version.sha256 != card.sha256:
            raise ModelIntegrityError(
                f"{self._shown(self._dir_of(card.name, card.version) / _CARD)}: sha256 "
                f"{card.sha256} differs "
                f"from the one held by the caller ({version.sha256}); the card was changed"
            )
        path = self._dir_of(card.name, card.version) / _ARTIFACT
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ModelIntegrityError(
                f"{self._shown(path)}: artifact of {card.id} is missing"
            ) from None
        actual = hashlib.sha256(data).hexdigest()
        if actual != card.sha256:
            raise ModelIntegrityError(
                f"{self._shown(path)}: sha256 {actual} does not match {card.sha256} in the "
                "model card of "
                f"{card.id}; the artifact was modified or corrupted, do not use it"
            )
        return data

    def verify(self, version: ModelVersion | str) -> None:
        """Raise :class:`ModelIntegrityError` unless the stored artifact matches its card."""
        self.load_artifact(version)

    def names(self) -> list[str]:
        return sorted(
            p.name for p in self.models_dir.iterdir() if p.is_dir() and _NAME.match(p.name)
        )

    # ---------------------------------------------------------------------------- champion

    def _champions(self) -> dict[str, dict[str, Any]]:
        if not self.champions_path.is_file():
            return {}
        document = json.loads(self.champions_path.read_text(encoding="utf-8"))
        return dict(document)

    def champion_since(self, name: str) -> datetime | None:
        """When ``name``'s champion pointer was written: the ``decided_at`` of the decision
        that made its champion champion (None: no champion, or a pointer without a readable
        time)."""
        since = self._champions().get(name, {}).get("since")
        try:
            return datetime.fromisoformat(since) if isinstance(since, str) else None
        except ValueError:
            return None

    def champion(self, name: str | None = None) -> ModelVersion | None:
        """The current champion of ``name`` (of the only model name if omitted), or None."""
        pointers = self._champions()
        if name is None:
            if len(pointers) > 1:
                raise RegistryError(
                    f"several models have a champion ({', '.join(pointers)}): name the model",
                    kind="conflict",
                )
            if not pointers:
                return None
            name = next(iter(pointers))
        pointer = pointers.get(name)
        if pointer is None:
            return None
        number = pointer.get("version")
        if is_bool(number) or not isinstance(number, int):
            why = bool_message(number) if is_bool(number) else f"{number!r} is not a whole number"
            raise ModelIntegrityError(
                f"{self._shown(self.champions_path)}: '{name}.version': {why}"
            )
        card = self.get(name, number)
        if card.sha256 != pointer["sha256"]:
            raise ModelIntegrityError(
                f"{self._shown(self._dir_of(name, card.version) / _CARD)}: sha256 {card.sha256} "
                "differs from "
                f"{pointer['sha256']} recorded when {card.id} was promoted; the card was changed"
            )
        return card

    @contextlib.contextmanager
    def _lock(self, path: Path | None = None) -> Iterator[None]:
        """An exclusive POSIX file lock on ``path`` (default ``.lock``, the promotion lock).
        ``flock`` belongs to the open file, and every call opens its own: it serialises
        threads of one process as well as processes sharing the registry directory."""
        with open(path or self.root / ".lock", "a+b") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    @contextlib.contextmanager
    def exclusive(self, purpose: str) -> Iterator[None]:
        """Hold the registry's lock for ``purpose`` (e.g. ``"fallback"``) while a caller
        checks the registry and writes to it: a second caller on the same purpose (another
        thread, worker or CLI run on this registry directory) waits, then re-checks and sees
        what the first wrote. The lock file is ``.lock-<purpose>``, apart from the promotion
        lock, so :meth:`promote` can be called inside."""
        if not _NAME.match(purpose):
            raise RegistryError(f"lock purpose {purpose!r}: use letters, digits, '.', '_' or '-'")
        with self._lock(self.root / f".lock-{purpose}"):
            yield

    @contextlib.contextmanager
    def promotion_lock(self) -> Iterator[None]:
        """Hold the promotion lock (the one :meth:`promote` and :meth:`promote_manually`
        hold) while a caller compares the champion with another record of it and repairs it
        (:meth:`complete_promotion`): no promotion runs meanwhile, and a second caller waits,
        then sees what the first wrote. Not re-entrant: never call :meth:`promote` inside."""
        with self._lock():
            yield

    def complete_promotion(
        self, challenger: ModelVersion | str, *, sha256: str, decided_by: str, justification: str
    ) -> PromotionDecision:
        """Make ``challenger`` the champion, completing a promotion whose audit entry was
        committed but whose registry write never happened (a crash between the two). Call it
        holding :meth:`promotion_lock`.

        The artifact is checked against its card, and the card's sha256 must be ``sha256``
        (the one the audit trail recorded): otherwise :class:`ModelIntegrityError` and nothing
        is written. The decisions log keeps the promotion's own decision when the crash came
        after it was logged (the log's last decision of the name promotes ``challenger``);
        otherwise a ``reconcile`` decision is logged, ``justification`` saying which entry it
        completes."""
        card = self.get(challenger)
        if card.sha256 != sha256:
            raise ModelIntegrityError(
                f"{self._shown(self._dir_of(card.name, card.version) / _CARD)}: sha256 "
                f"{card.sha256} differs from {sha256} recorded when {card.id} was promoted"
            )
        self.verify(card)
        current = self.champion(card.name)
        logged = self.decisions(card.name)
        if logged and logged[-1].promoted and logged[-1].challenger == card.id:
            decision = logged[-1]
        else:
            decision = _decided_by_hand(
                card,
                current,
                kind="reconcile",
                decided_by=decided_by,
                reason=f"promotion completed by {decided_by}: {justification}",
                justification=justification,
            )
            self._append_decision(decision)
        self._set_champion(card, decision)
        return decision

    def promote(
        self,
        challenger: ModelVersion | str,
        *,
        rule: PromotionRule,
        challenger_metrics: Mapping[str, Any],
        champion_metrics: Mapping[str, Any] | None,
        period: tuple[date, date],
        decided_by: str | None = None,
        veto: str | None = None,
        compared_with: str | None = None,
        before_write: Callable[[PromotionDecision], None] | None = None,
        on_write_error: Callable[[BaseException], None] | None = None,
    ) -> PromotionDecision:
        """Decide whether ``challenger`` replaces the champion, log the decision, return it.

        The first model of a name with no champion becomes champion. Otherwise ``rule``
        compares the two sets of metrics (measured on ``period``). A ``veto`` (e.g. "ranks
        worse than its own rule baseline on held-out data") refuses the promotion whatever
        the metrics, the first model included. Refusals are logged too: the log is the answer
        to "why is this model (still) in production?".

        ``compared_with``: the id of the champion whose ``champion_metrics`` these are (read
        before a training, minutes earlier). Checked under the promotion lock: when another
        promotion replaced it meanwhile the challenger is not promoted (it was never compared
        with the champion in force), and the reason says so.

        ``before_write(decision)`` is called under the promotion lock with the decision made,
        before anything is written (an error it raises writes nothing): the place for its
        audit entries, as :meth:`promote_manually`'s, so that a promotion made after this one
        is audited after it. ``on_write_error(error)`` is called, still under the lock, when
        the registry write after ``before_write`` fails (then ``error`` is raised): the place
        to record that the audited promotion was not applied, before a repair
        (:meth:`promotion_lock`) can see the trail and the registry disagree.
        """
        with self._lock():
            card = self.get(challenger)
            self.verify(card)  # never promote an artifact that does not match its card
            current = self.champion(card.name)
            numbers: dict[str, Any] = {
                "metric": rule.metric,
                "min_improvement": rule.min_improvement,
                "challenger_value": _finite_or_none(challenger_metrics.get(rule.metric)),
            }
            moved = compared_with is not None and (current.id if current else None) != (
                compared_with
            )
            if veto:
                promoted, reason = False, veto
            elif moved:
                promoted, reason = (
                    False,
                    f"the champion is {current.id if current else 'none'} now, not "
                    f"{compared_with} the challenger was compared with: not promoted (train "
                    "or compare again)",
                )
            elif current is None:
                promoted, reason = (
                    True,
                    f"no champion for {card.name}: first model becomes champion",
                )
            elif current.id == card.id:
                promoted, reason = False, f"{card.id} is already the champion"
            elif champion_metrics is None:
                promoted, reason = False, "champion metrics are needed to compare"
            else:
                promoted, reason, numbers = rule.decide(challenger_metrics, champion_metrics)
            decision = PromotionDecision(
                decided_at=datetime.now(UTC),
                decided_by=decided_by,
                name=card.name,
                challenger=card.id,
                challenger_sha256=card.sha256,
                champion=current.id if current else None,
                promoted=promoted,
                reason=reason,
                period=period,
                rule=rule,
                **numbers,
            )
            if before_write is not None:
                before_write(decision)
            with _reported(on_write_error):
                self._append_decision(decision)
                if promoted:
                    self._set_champion(card, decision)
            return decision

    def promote_manually(
        self,
        challenger: ModelVersion | str,
        *,
        decided_by: str,
        justification: str,
        before_write: Callable[[ModelVersion, ModelVersion | None], None] | None = None,
        on_write_error: Callable[[BaseException], None] | None = None,
    ) -> PromotionDecision:
        """Make ``challenger`` the champion on a person's decision, whatever the metrics.

        For when the rule cannot decide (a champion scored on another period, a regression
        on a metric the rule does not watch, a rollback). The decision is logged as ``manual``
        with who decided and why; the artifact is still verified against its card. Raises
        :class:`RegistryError` for an unknown version, an empty justification or a version
        that is already the champion (nothing is logged then).

        ``before_write(challenger, champion)`` is called under the promotion lock with the
        champion being replaced, read under that lock, before anything is written (an error
        it raises writes nothing): the place for an audit entry, so that of two promotions at
        once the second names the first's version as the champion it replaced.
        ``on_write_error(error)``: as :meth:`promote`'s, called under the lock.
        """
        justification = justification.strip()
        if not justification:
            raise RegistryError("a manual promotion needs a justification", field="justification")
        if not decided_by.strip():
            raise RegistryError("a manual promotion needs the name of who decided")
        with self._lock():
            card = self.get(challenger)
            self.verify(card)
            current = self.champion(card.name)
            if current is not None and current.id == card.id:
                raise RegistryError(f"{card.id} is already the champion", kind="conflict")
            if before_write is not None:
                before_write(card, current)
            decision = _decided_by_hand(
                card,
                current,
                kind="manual",
                decided_by=decided_by,
                reason=f"manual promotion by {decided_by}: {justification}",
                justification=justification,
            )
            with _reported(on_write_error):
                self._append_decision(decision)
                self._set_champion(card, decision)
            return decision

    def _set_champion(self, card: ModelVersion, decision: PromotionDecision) -> None:
        pointers = self._champions()
        pointers[card.name] = {
            "version": card.version,
            "sha256": card.sha256,
            "since": decision.decided_at.isoformat(),
        }
        _atomic_write(self.champions_path, _json_bytes(pointers))

    # ---------------------------------------------------------------------------- decisions

    def _append_decision(self, decision: PromotionDecision) -> None:
        line = (decision.model_dump_json() + "\n").encode()
        fd = os.open(self.decisions_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)  # one write with O_APPEND: lines never interleave
            os.fsync(fd)
        finally:
            os.close(fd)

    def decisions(self, name: str | None = None) -> list[PromotionDecision]:
        """Every logged decision, oldest first (a torn last line from a crash is skipped)."""
        if not self.decisions_path.is_file():
            return []
        lines = self.decisions_path.read_text(encoding="utf-8").splitlines()
        out: list[PromotionDecision] = []
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                decision = PromotionDecision.model_validate_json(line)
            except ValueError as exc:
                if number == len(lines):
                    break  # interrupted append
                raise ModelIntegrityError(
                    f"{self._shown(self.decisions_path)}: line {number} is not a decision: {exc}"
                ) from None
            if name is None or decision.name == name:
                out.append(decision)
        return out

    def list(self, name: str | None = None) -> list[ModelVersion]:
        """Registered versions (of ``name``, or of every model), oldest first."""
        names = [name] if name is not None else self.names()
        return [
            self.get(model, number)
            for model in names
            for number, _ in sorted(self._version_dirs(model))
        ]
