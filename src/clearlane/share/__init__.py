"""Sharing data outside the administration: pseudonymised exports (docs/export.md)."""

from clearlane.share.export import ExportError, ExportSummary, export_declarations
from clearlane.share.pseudonymise import (
    MIN_KEY_BYTES,
    Pseudonymiser,
    key_fingerprint,
    load_key,
)

__all__ = [
    "MIN_KEY_BYTES",
    "ExportError",
    "ExportSummary",
    "Pseudonymiser",
    "export_declarations",
    "key_fingerprint",
    "load_key",
]
