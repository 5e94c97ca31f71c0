"""Trade documents: invoice extraction (XML, text layer, OCR) and the cross-check of an invoice
against its declaration. See docs/documents.md.

>>> from clearlane.documents import extract
>>> invoice = extract("invoice.pdf")   # an Extraction (Pydantic)

Public names resolve on first use (module ``__getattr__``): the CLI's start-up stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ExtractionError": "clearlane.documents.errors",
    "extract": "clearlane.documents.extraction",
    "extract_bytes": "clearlane.documents.extraction",
    "Evidence": "clearlane.documents.models",
    "Extraction": "clearlane.documents.models",
    "LineItem": "clearlane.documents.models",
}
__all__ = ["Evidence", "Extraction", "ExtractionError", "LineItem", "extract", "extract_bytes"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'clearlane.documents' has no attribute {name!r}")
