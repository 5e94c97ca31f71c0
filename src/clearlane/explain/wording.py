"""Numbers in reason sentences, worded so their size survives rounding."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any


def of_the_median(ratio: float) -> str:
    """A declared value relative to a median: ``2.40 × the median`` at or above 1, a fraction
    below it (``1/230 of the median``, ``1/2.5 of the median``), so a 230-fold undervaluation
    does not print as ``0.00 ×``."""
    if not math.isfinite(ratio) or ratio <= 0:
        return f"{ratio} × the median"
    if ratio >= 1:
        return f"{ratio:,.2f} × the median"
    times = 1 / ratio
    shown = f"{times:,.0f}" if times >= 10 else f"{times:.1f}".removesuffix(".0")
    return f"1/{shown} of the median"


def amount(value: object) -> str:
    """A decimal amount as customs writes it: ``12400`` -> ``12,400.00`` (text kept as given
    when it is not a number)."""
    try:
        number = float(str(value))
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(number):
        return str(value)
    return f"{number:,.2f}"


def _number(value: object) -> str:
    try:
        number = float(str(value))
    except (TypeError, ValueError):
        return str(value)
    return f"{number:,.3f}".rstrip("0").rstrip(".") if math.isfinite(number) else str(value)


def _money(value: object, currency: str | None) -> str:
    return f"{amount(value)} {currency}" if currency else amount(value)


_SCORE = re.compile(r"\((plausibility [^)]*)\)\s*$")

#: Sentence per discrepancy code: the document's value first, then the declaration's.
DISCREPANCY_SENTENCES: dict[str, str] = {
    "INVOICE_NUMBER_MISMATCH": "invoice number {doc}, declared invoice number {declared}",
    "INVOICE_DATE_AFTER_DECLARATION": "invoice dated {doc}, after the declaration of {declared}",
    "INVOICE_DATE_STALE": (
        "invoice dated {doc}, more than a year before the declaration of {declared}"
    ),
    "CURRENCY_MISMATCH": "invoice in {doc}, declared invoice currency {declared}",
    "INVOICE_TOTAL_MISMATCH": "invoice total {doc_inv}, declared invoice total {declared_inv}",
    "CUSTOMS_VALUE_BELOW_INVOICE": (
        "invoice total {doc_cv} at the declared exchange rate, declared customs value {declared_cv}"
    ),
    "SELLER_MISMATCH": "invoice seller '{doc}', declared seller or exporter '{declared}'",
    "BUYER_MISMATCH": "invoice buyer '{doc}', declared importer '{declared}'",
    "LINE_COUNT_MISMATCH": "invoice has {doc} lines, the declaration {declared} goods items",
    "LINE_QUANTITY_MISMATCH": "{item}invoice quantity {doc_n}, declared quantity {declared_n}",
    "LINE_UNIT_PRICE_MISMATCH": (
        "{item}invoice unit price {doc_inv}, declared {declared_inv} (item value / quantity)"
    ),
    "LINE_DESCRIPTION_HS_MISMATCH": (
        "{item}invoice description '{doc}' does not fit the declared HS code {declared}"
    ),
    "MANIFEST_GROSS_MASS": "gross mass {doc_n} kg on {on_doc}, declared {declared_n} kg",
    "MANIFEST_PACKAGES": "{doc} packages on {on_doc}, declared {declared}",
    "MANIFEST_CONTAINERS": "containers {doc} on {on_doc}, declared {declared}",
    "MANIFEST_CONSIGNEE": "consignee {doc} on {on_doc}, declared importer {declared}",
    "MANIFEST_CONSIGNOR": "shipper {doc} on {on_doc}, declared exporter {declared}",
    "MANIFEST_DISPATCH": (
        "port of loading {doc} on {on_doc}, declared country of dispatch {declared}"
    ),
    "MANIFEST_ARRIVAL": "arrival {doc} on {on_doc}, declared on {declared}",
}


def discrepancy_sentence(
    evidence: Mapping[str, Any],
    *,
    invoice_currency: str | None = None,
    currency: str | None = None,
) -> str:
    """One discrepancy (a :class:`clearlane.features.facts.Evidence` dict) in customs words,
    with the document's and the declaration's values, e.g. "invoice total 12,400.00 EUR,
    declared customs value 8,100.00 EUR". ``invoice_currency`` is the declared invoice
    currency; ``currency`` the customs value's."""
    code = str(evidence.get("code") or "")
    doc, declared = evidence.get("document"), evidence.get("declared")
    item = evidence.get("item")
    prefix = f"item {item}: " if item is not None else ""
    where = evidence.get("document_ref")
    on_doc = f"transport document {where}" if where else "the transport document"
    template = DISCREPANCY_SENTENCES.get(code)
    if template is not None:
        sentence = template.format(
            item=prefix, doc=doc, declared=declared, on_doc=on_doc,
            doc_n=_number(doc), declared_n=_number(declared),
            doc_inv=_money(doc, invoice_currency), declared_inv=_money(declared, invoice_currency),
            doc_cv=_money(doc, currency), declared_cv=_money(declared, currency),
        )  # fmt: skip
        # The HS line check says how plausible the code is and what fits better (the detail).
        score = _SCORE.search(str(evidence.get("detail") or ""))
        if code == "LINE_DESCRIPTION_HS_MISMATCH" and score is not None:
            return f"{sentence} ({score.group(1)})"
        return sentence
    if code.startswith(("HS_DESCRIPTION_MISMATCH", "HS_DESCRIPTION_VAGUE")) and evidence.get(
        "detail"
    ):
        return f"{prefix}{evidence['detail']}"
    return f"{prefix}{evidence.get('detail') or code}: document {doc}, declared {declared}"
