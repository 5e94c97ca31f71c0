"""The limits and patterns of declaration fields, apart from the schema: the bulk CSV path
checks columns against them without importing Pydantic (``clearlane.ingest.bulk``)."""

from __future__ import annotations

import re

# Beyond these a value is a typing error, not a shipment (largest ships carry ~250,000 t).
MAX_MASS_KG = 5e8
MAX_AMOUNT = 1e13
MAX_QUANTITY = 1e10
HS_PATTERN = re.compile(r"^\d{6}(\d{2}){0,2}$")
# The reference alphabet: letters, digits, '.', '_' and '-', starting with a letter or digit.
# It is what LRNs and MRNs use, and it is safe in a URL path segment: a '/' or a space would
# make every route of the declaration unreachable.
REFERENCE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# WCO Data Model lengths (an..n) of identifiers and free text; see STANDARDS.md.
MAX_REFERENCE = 35  # functional reference (LRN an..22, MRN an..18; WCO an..35)
MAX_PARTY_ID = 17  # EORI / trader identification number, an..17
MAX_NAME = 70  # party name, an..70
MAX_LENGTHS = {
    "office": 8,  # customs office reference number, an8
    "declaration_type": 5,
    "procedure": 7,
    "transport_means_id": 35,
    "transport_document": 70,
    "invoice_number": 35,
    "incoterm_place": 35,
}
MAX_DESCRIPTION = 512  # DE 6/8 goods description, an..512
MAX_ATTRIBUTE = 512
