"""Per-office capacity and random-control share, versioned in ``office_capacity``.

A supervisor sets, per customs office, the share of its declarations that may go to the red
lane (physical inspection) and to the yellow lane (documentary check), and the share of the
random lane's capacity given to uniformly drawn controls. Rows are never updated: each change
is a new row and the newest row of an office is in force; an office without a row runs on the
:class:`~clearlane.selection.SelectionPolicy` defaults. Every change is an audit entry written
in the same transaction as its row.

The online router reads :func:`capacity_in_force`; screens read :func:`capacity_overview`
and :func:`capacity_history`.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from clearlane.audit.chain import append
from clearlane.errors import Conflict, Invalid
from clearlane.selection import SelectionPolicy
from clearlane.store.locks import write_lock
from clearlane.store.session import core_connection
from clearlane.store.tables import DeclarationRow, OfficeCapacityRow

__all__ = [
    "CapacityError",
    "OfficeCapacity",
    "capacity_history",
    "capacity_in_force",
    "capacity_overview",
    "default_capacity",
    "set_capacity",
    "stored_capacity",
]

_OFFICE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$")


class CapacityError(Invalid):
    """A capacity that cannot be set as asked; ``field`` names the offending input (422).

    With ``policy=True`` the selection policy, not the input, is at fault: a conflict (409)
    that names no input field; ``lane`` still says which share it concerns."""

    def __init__(self, field: str, message: str, *, policy: bool = False) -> None:
        super().__init__(
            f"{field}: {message}",
            field=None if policy else field,
            kind="conflict" if policy else "invalid",
        )
        self.lane = field


@dataclass(frozen=True)
class OfficeCapacity:
    """The capacity of one office: in force (``version`` > 0, from the store) or the policy
    default (``version`` 0, ``source`` "default")."""

    office: str
    red_share: float
    yellow_share: float
    random_share: float
    source: str  # "stored" | "default"
    version: int = 0
    changed_by: str | None = None
    changed_at: datetime | None = None

    @property
    def shares(self) -> tuple[float, float, float]:
        return self.red_share, self.yellow_share, self.random_share

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_capacity(
    policy: SelectionPolicy | None = None, *, office: str | None = None
) -> tuple[float, float, float]:
    """(red, yellow, random) shares of ``policy`` (default: ``SelectionPolicy()``) for
    ``office``. A lane whose capacity is a count per day, not a share, has no share to give:
    that is refused with :class:`CapacityError` rather than guessed."""
    policy = policy or SelectionPolicy()
    capacity = policy.capacity_for(office)
    shares = []
    for lane, cap in (("red", capacity.red), ("yellow", capacity.yellow)):
        if cap.share is None:
            raise CapacityError(
                f"{lane}_share",
                f"the selection policy gives office {office or 'default'!r} a {lane} capacity "
                f"of {cap.count} controls per day, not a share",
                policy=True,
            )
        shares.append(float(cap.share))
    return shares[0], shares[1], float(policy.random_share)


def _check_share(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CapacityError(name, f"must be a number between 0 and 1, not {value!r}")
    value = float(value)
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise CapacityError(name, f"must be between 0 and 1 (a share), not {value}")
    return value + 0.0  # -0.0 passes the range check: stored, audited and shown as 0.0


def check_office(office: str) -> str:
    office = office.strip() if isinstance(office, str) else office
    if not isinstance(office, str) or not _OFFICE.match(office):
        raise CapacityError(
            "office",
            f"{office!r} is not an office code (1 to 32 letters, digits, '_', '.', ':' or '-')",
        )
    return office


def _row_view(row: OfficeCapacityRow, version: int) -> OfficeCapacity:
    changed_at = row.changed_at
    if changed_at is not None and changed_at.tzinfo is None:  # SQLite drops the offset
        changed_at = changed_at.replace(tzinfo=UTC)
    return OfficeCapacity(
        office=row.office,
        red_share=row.red_share,
        yellow_share=row.yellow_share,
        random_share=row.random_share,
        source="stored",
        version=version,
        changed_by=row.changed_by,
        changed_at=changed_at,
    )


def _newest(
    session: Session, office: str | None = None
) -> dict[str, tuple[OfficeCapacityRow, int]]:
    """office -> (newest row, its version = number of rows of that office)."""
    counts = select(
        OfficeCapacityRow.office,
        func.max(OfficeCapacityRow.id).label("id"),
        func.count().label("n"),
    ).group_by(OfficeCapacityRow.office)
    if office is not None:
        counts = counts.where(OfficeCapacityRow.office == office)
    sub = counts.subquery()
    rows = session.execute(
        select(OfficeCapacityRow, sub.c.n).join(sub, OfficeCapacityRow.id == sub.c.id)
    )
    return {row.office: (row, int(n)) for row, n in rows}


def capacity_in_force(
    session: Session, *, office: str, policy: SelectionPolicy | None = None
) -> tuple[float, float, float]:
    """(red_share, yellow_share, random_share) in force at ``office``: its newest stored row,
    else the defaults of ``policy`` (default ``SelectionPolicy()``)."""
    stored = stored_capacity(session, office=office)
    return stored if stored is not None else default_capacity(policy, office=office)


# Built once: the online router reads it on every submission.
_NEWEST_CAPACITY = (
    select(
        OfficeCapacityRow.red_share, OfficeCapacityRow.yellow_share, OfficeCapacityRow.random_share
    )
    .where(OfficeCapacityRow.office == bindparam("office"))
    .order_by(OfficeCapacityRow.id.desc())
    .limit(1)
)


def stored_capacity(session: Session, *, office: str) -> tuple[float, float, float] | None:
    """(red_share, yellow_share, random_share) of ``office``'s newest stored row, or None if
    it has none (one indexed lookup: the online router calls this on every submission, so it
    runs a statement built once on the session's connection, not through the ORM)."""
    row = core_connection(session).execute(_NEWEST_CAPACITY, {"office": office}).first()
    return (float(row[0]), float(row[1]), float(row[2])) if row is not None else None


def capacity_overview(
    session: Session, *, policy: SelectionPolicy | None = None
) -> list[OfficeCapacity]:
    """Every known office (with a stored capacity or with declarations), sorted by code, with
    the capacity in force there."""
    newest = _newest(session)
    offices = set(newest) | {
        o for o in session.scalars(select(DeclarationRow.office).distinct()) if o is not None
    }
    out: list[OfficeCapacity] = []
    for office in sorted(offices):
        if office in newest:
            out.append(_row_view(*newest[office]))
        else:
            red, yellow, random_share = default_capacity(policy, office=office)
            out.append(OfficeCapacity(office, red, yellow, random_share, source="default"))
    return out


def capacity_history(session: Session, *, office: str) -> list[OfficeCapacity]:
    """Every stored capacity of ``office``, oldest first (empty if never set)."""
    rows = session.scalars(
        select(OfficeCapacityRow)
        .where(OfficeCapacityRow.office == office)
        .order_by(OfficeCapacityRow.id)
    )
    return [_row_view(row, version) for version, row in enumerate(rows, start=1)]


class CapacityConflict(Conflict):
    """The capacity version a change names is no longer the one in force (409)."""

    code = "stale_capacity"


def set_capacity(
    session: Session,
    *,
    office: str,
    red_share: float,
    yellow_share: float,
    random_share: float,
    changed_by: str,
    note: str | None = None,
    expected_version: int | None = None,
) -> OfficeCapacity:
    """Store a new capacity for ``office`` and its audit entry (kind ``capacity_change``) in
    ``session``'s transaction (the caller commits).

    Shares are in [0, 1] and red + yellow may not exceed 1 (they are shares of the same
    declarations). Raises :class:`CapacityError` naming the field, and
    :class:`CapacityConflict` when ``expected_version`` (the version the caller saw, 0 for
    the defaults) is not the office's version in force.

    The office is locked (:func:`~clearlane.store.locks.write_lock`) before its version is
    read, to the caller's commit: of two changes at once the second reads the first's row, so
    each gets a version of its own and its audit entry names what it replaced (both read
    the same version and audited it twice until 2026-12-05).
    """
    office = check_office(office)
    red = _check_share("red_share", red_share)
    yellow = _check_share("yellow_share", yellow_share)
    random = _check_share("random_share", random_share)
    if red + yellow > 1.0 + 1e-12:
        raise CapacityError(
            "yellow_share",
            f"red_share + yellow_share is {red + yellow:g}: together they may not exceed 1 "
            "(both are shares of the same declarations)",
        )
    write_lock(session, f"capacity:{office}")
    before = _newest(session, office).get(office)
    in_force = before[1] if before else 0
    if expected_version is not None and expected_version != in_force:
        raise CapacityConflict(
            f"office {office} is at capacity version {in_force}, not {expected_version}: "
            + (
                f"changed by {before[0].changed_by} at {before[0].changed_at:%Y-%m-%d %H:%M}"
                if before
                else "it runs on the defaults"
            )
            + "; review it and set it again if still needed",
            field="expected_version",
        )
    version = in_force + 1
    row = OfficeCapacityRow(
        office=office,
        red_share=red,
        yellow_share=yellow,
        random_share=random,
        changed_by=changed_by,
        changed_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    append(
        session,
        kind="capacity_change",
        actor=changed_by,
        subject=f"office:{office}",
        payload={
            "version": version,
            "red_share": red,
            "yellow_share": yellow,
            "random_share": random,
            "before": list(_row_view(*before).shares) if before else None,
            "note": note,
        },
    )
    return _row_view(row, version)
