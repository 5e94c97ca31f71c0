"""Typed errors of the risk engine, so callers (CLI, API) can tell bad input from bugs."""

from __future__ import annotations


class RiskError(Exception):
    """Base class of the risk engine's own errors."""


class InsufficientLabelsError(RiskError, ValueError):
    """Training data cannot support a supervised model (no labels, one class, too few rows)."""


class IntegrityError(RiskError):
    """A saved engine's content does not match the sha256 written beside it."""


class NotFittedError(RiskError, RuntimeError):
    """A scorer was asked to score before it was fitted."""
