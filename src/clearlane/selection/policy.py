"""Selection policy: how many controls each office can do per day, and how many are random.

The policy is data (serialisable, versioned with the rest of the configuration) because the
supervisor changes capacity and the random-control rate, not the code. Capacities are per
office and day, either a share of that office-day's declarations or an absolute count.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from clearlane.core.numbers import Float, OptionalFloat, OptionalInt
from clearlane.core.schema.enums import Lane

__all__ = ["Capacity", "LaneCapacity", "SelectionPolicy"]


def _unsigned(value: float | None) -> float | None:
    """-0.0 as 0.0 (it passes ``ge=0`` and was kept, shown as "-0.0"); x + 0.0 is x otherwise."""
    return None if value is None else value + 0.0


class Capacity(BaseModel):
    """A lane's capacity for one office-day: ``share`` of its declarations or a ``count``.

    Shares round half up (5% of 30 declarations is 2 controls), so a small office still gets
    controls when the share is meaningful and none when it is not.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Numbers refuse booleans (clearlane.core.numbers): YAML `share: true` is no 100 %.
    share: OptionalFloat = Field(default=None, ge=0, le=1)
    count: OptionalInt = Field(default=None, ge=0)

    @field_validator("share")
    @classmethod
    def _no_negative_zero(cls, value: float | None) -> float | None:
        return _unsigned(value)

    @model_validator(mode="after")
    def _exactly_one(self) -> Capacity:
        if (self.share is None) == (self.count is None):
            raise ValueError("give exactly one of share (0-1) or count (controls per day)")
        return self

    def slots(self, declarations: np.ndarray, jitter: np.ndarray | None = None) -> np.ndarray:
        """Controls available for office-days with the given numbers of declarations.

        A share is rounded half up, or stochastically with ``jitter`` (uniform in [0, 1) per
        office-day): 5 % of an office-day with 3 declarations is then one slot with probability
        0.15 instead of never, so small offices are controlled at the configured rate overall.
        """
        n = np.asarray(declarations, dtype=np.int64)
        if self.count is not None:
            return np.full(n.shape, self.count, dtype=np.int64)
        assert self.share is not None
        offset = 0.5 if jitter is None else np.asarray(jitter, dtype=float)
        slots: np.ndarray = np.floor(self.share * n + offset + 1e-9).astype(np.int64)
        return np.minimum(slots, n)


_NONE = Capacity(count=0)


class LaneCapacity(BaseModel):
    """Capacity of the controlled lanes at one office (green takes the rest)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    red: Capacity = Field(default=Capacity(share=0.05), description="physical inspection")
    yellow: Capacity = Field(default=Capacity(share=0.10), description="documentary check")
    blue: Capacity = Field(default=_NONE, description="post-clearance audit (if enabled)")
    exploration: Float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="share of the random lane's capacity spent on exploration: controls "
        "drawn with probability growing with what the model knows least about (a score near "
        "0.5, an unfamiliar trader), each with a known inclusion probability",
    )

    @field_validator("exploration")
    @classmethod
    def _no_negative_zero(cls, value: float) -> float:
        return value + 0.0

    def of(self, lane: Lane) -> Capacity:
        return {Lane.RED: self.red, Lane.YELLOW: self.yellow, Lane.BLUE: self.blue}[lane]


class SelectionPolicy(BaseModel):
    """Capacities, random-control rate and ranking for :func:`clearlane.selection.select_lanes`.

    ``random_share`` of the random lane's capacity goes to uniformly drawn controls, the
    unbiased sample that measures targeting and trains the next model. ``seed`` makes a run
    reproducible (experiments, simulations); left None (the default) the draws are keyed by a
    secret per day derived from the settings' secret key (:mod:`clearlane.selection.draws`),
    because anyone who knows the seed and the batch can tell which declarations will be drawn.
    Each office's ``exploration`` share (in its :class:`LaneCapacity`) is spent after the
    random share, on the declarations the model knows least about.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    capacity: LaneCapacity = Field(default_factory=LaneCapacity, description="default")
    office_capacity: dict[str, LaneCapacity] = Field(
        default_factory=dict, description="per-office overrides of the default capacity"
    )
    random_share: Float = Field(default=0.10, ge=0, le=1)
    random_lane: Lane = Lane.RED
    seed: OptionalInt = Field(default=None, ge=0)
    blue_enabled: bool = False
    rank_by: Literal["score", "expected_revenue"] = "score"

    @field_validator("random_share")
    @classmethod
    def _no_negative_zero(cls, value: float) -> float:
        return value + 0.0

    @field_validator("random_lane")
    @classmethod
    def _controlled_lane(cls, value: Lane) -> Lane:
        if value is Lane.GREEN:
            raise ValueError("random controls need a controlled lane (red, yellow or blue)")
        return value

    @model_validator(mode="after")
    def _blue_only_when_enabled(self) -> SelectionPolicy:
        if self.blue_enabled:
            return self
        if self.random_lane is Lane.BLUE:
            raise ValueError("random_lane is blue but the blue lane is disabled (blue_enabled)")
        for office, cap in [("default", self.capacity), *self.office_capacity.items()]:
            if cap.blue != _NONE:
                raise ValueError(
                    f"capacity for office {office!r} gives the blue lane capacity "
                    "but the blue lane is disabled (set blue_enabled: true)"
                )
        return self

    @model_validator(mode="after")
    def _random_and_exploration_fit(self) -> SelectionPolicy:
        for office, cap in [("default", self.capacity), *self.office_capacity.items()]:
            if self.random_share + cap.exploration > 1 + 1e-9:
                raise ValueError(
                    f"capacity for office {office!r}: random_share ({self.random_share}) plus "
                    f"exploration ({cap.exploration}) exceed the random lane's capacity (1)"
                )
        return self

    def exploration_for(self, office: str | None) -> float:
        return self.capacity_for(office).exploration

    @property
    def lanes(self) -> tuple[Lane, ...]:
        """Controlled lanes in the order capacity is filled by score."""
        return (Lane.RED, Lane.YELLOW, Lane.BLUE) if self.blue_enabled else (Lane.RED, Lane.YELLOW)

    def capacity_for(self, office: str | None) -> LaneCapacity:
        if office is not None and office in self.office_capacity:
            return self.office_capacity[office]
        return self.capacity

    def capacities(
        self,
        offices: np.ndarray,
        declarations: np.ndarray,
        jitter: Mapping[Lane, np.ndarray] | None = None,
    ) -> dict[Lane, np.ndarray]:
        """Slots per lane for each office-day (``offices`` and ``declarations`` aligned)."""
        office = pd.Series(np.asarray(offices, dtype=object), dtype=object)
        declarations = np.asarray(declarations, dtype=np.int64)
        out = {lane: np.zeros(len(office), dtype=np.int64) for lane in self.lanes}
        missing = office.isna().to_numpy()
        groups: list[tuple[str | None, np.ndarray]] = [
            (str(name), (office == name).to_numpy() & ~missing)
            for name in office[~missing].unique()  # distinct offices, not rows
        ]
        if missing.any():
            groups.append((None, missing))
        for name, rows in groups:
            cap = self.capacity_for(name)
            for lane in self.lanes:
                lane_jitter = None if jitter is None else np.asarray(jitter[lane])[rows]
                out[lane][rows] = cap.of(lane).slots(declarations[rows], lane_jitter)
        return out

    def random_target(
        self, lane_capacity: np.ndarray, jitter: np.ndarray | None = None
    ) -> np.ndarray:
        """Random controls wanted per office-day: ``random_share`` of the random lane's slots.

        With ``jitter`` (uniform in [0, 1) per office-day) the share is rounded stochastically,
        so that over many small office-days the random controls add up to the configured
        share; rounding half up would give none at all where 10 % of a slot or two is < 0.5.
        """
        offset = 0.5 if jitter is None else np.asarray(jitter, dtype=float)
        return np.floor(self.random_share * lane_capacity + offset + 1e-9).astype(np.int64)

    @property
    def version(self) -> str:
        """Content hash, recorded beside each selection so it can be reproduced."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SelectionPolicy:
        return cls.model_validate(data)
