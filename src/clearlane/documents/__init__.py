"""Trade documents: invoice extraction (XML, text layer, OCR) and the cross-check of an invoice
against its declaration. See docs/documents.md.

>>> from clearlane.documents import extract
>>> invoice = extract("invoice.pdf")   # an Extraction (Pydantic)
"""

from clearlane.documents.errors import ExtractionError
from clearlane.documents.extract import extract, extract_bytes
from clearlane.documents.models import Evidence, Extraction, LineItem

__all__ = ["Evidence", "Extraction", "ExtractionError", "LineItem", "extract", "extract_bytes"]
