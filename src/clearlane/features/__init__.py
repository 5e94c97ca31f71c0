"""Point-in-time features for the risk engine (see :class:`FeatureBuilder`)."""

from clearlane.features.builder import CORE_FIELDS, FeatureBuilder, prepare, reuse_history
from clearlane.features.history import AsOfTable

__all__ = ["CORE_FIELDS", "AsOfTable", "FeatureBuilder", "prepare", "reuse_history"]
