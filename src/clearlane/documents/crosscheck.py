"""The invoice against its declaration: every disagreement is a reason code with both values.

Checks: invoice number; invoice date (not after the declaration, not over a year before);
currency; the invoice's tax-exclusive total against the declared invoice total; the customs
value against the invoice total converted with the declaration's exchange rate (the customs
value adds freight and insurance, so only a customs value below the invoice's is a
discrepancy); seller against the declared seller (else the exporter) and buyer against the
importer, names compared after removing legal forms, case, punctuation and word order; line
items against goods items (count, quantities, unit prices, and - with an HS check passed, as
the stored extractions do - each line's description against its item's declared HS code).

Officers see the codes and both values; a trader sees only "document query"
(:data:`TRADER_MESSAGE`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel

from clearlane.documents.models import Extraction

if TYPE_CHECKING:
    import pandas as pd

TRADER_MESSAGE = "document query"
CODES = {
    "INVOICE_NUMBER_MISMATCH": "invoice number differs from the declared one",
    "INVOICE_DATE_AFTER_DECLARATION": "invoice dated after the declaration",
    "INVOICE_DATE_STALE": "invoice dated more than a year before the declaration",
    "CURRENCY_MISMATCH": "invoice currency differs from the declared one",
    "INVOICE_TOTAL_MISMATCH": "invoice total differs from the declared invoice total",
    "CUSTOMS_VALUE_BELOW_INVOICE": "customs value below the invoice total at the declared rate",
    "SELLER_MISMATCH": "invoice seller is not the declared seller or exporter",
    "BUYER_MISMATCH": "invoice buyer is not the declared importer",
    "LINE_COUNT_MISMATCH": "invoice and declaration have different numbers of items",
    "LINE_QUANTITY_MISMATCH": "an item's quantity differs between invoice and declaration",
    "LINE_UNIT_PRICE_MISMATCH": "an item's unit price differs between invoice and declaration",
    "LINE_DESCRIPTION_HS_MISMATCH": "the invoice's description does not fit the declared HS code",
}
# Below this plausibility (0-1) an invoice description does not fit the declared code (the
# floor of `clearlane hs check`, clearlane.hs.api.LOW_PLAUSIBILITY).
HS_PLAUSIBILITY_FLOOR = 0.2
#: The HS check's verdicts that raise LINE_DESCRIPTION_HS_MISMATCH: the description fits
#: another chapter or heading. A sibling subheading does not (the check separates siblings
#: weakly, docs/hs.md; clearlane.features.facts keeps it out of the reasons for the same cause).
HS_MISMATCH_LEVELS = ("HS_DESCRIPTION_MISMATCH_CHAPTER", "HS_DESCRIPTION_MISMATCH_HEADING")
# Relative tolerances: rounding of unit prices and totals, not fraud.
TOTAL_TOLERANCE = Decimal("0.01")
PRICE_TOLERANCE = Decimal("0.02")
QUANTITY_TOLERANCE = Decimal("0.001")
NAME_THRESHOLD = 85.0
D_TERMS = ("DAP", "DPU", "DDP", "DAT", "DDU")
D_TERM_DEDUCTION = Decimal("0.15")

_LEGAL_FORMS = re.compile(
    r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|mbh|ag|kg|"
    r"bv|nv|sa|sas|sarl|srl|spa|sl|as|ab|oy|oyj|aps|pte|pty|pvt|kk|jsc|ooo|sp\s*z\s*o\s*o|"
    r"co\s*ltd|s\s*a\s*s|s\s*a|b\s*v|n\s*v|g\s*m\s*b\s*h|l\s*l\s*c)\b"
)


class HsVerdict(Protocol):
    """What an HS check says of one (description, declared code): the shape of
    :class:`clearlane.hs.api.Check`."""

    @property
    def plausibility(self) -> float: ...

    @property
    def best_code(self) -> str: ...

    @property
    def reason_code(self) -> str | None: ...


#: ``hs_check(description, declared_code)``: the verdict, or None when the code or the
#: description cannot be checked (an unknown code, an empty description).
HsCheck = Callable[[str, str], HsVerdict | None]


class Discrepancy(BaseModel):
    code: str
    field: str
    invoice_value: str | None
    declared_value: str | None
    detail: str


def normalise_name(name: str) -> str:
    """Lower case, accents and punctuation removed, legal forms dropped."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    text = re.sub(r"[^a-z0-9 ]+", " ", re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text))
    text = _LEGAL_FORMS.sub(" ", " ".join(text.split()))
    return " ".join(text.split())


_SQUASHED_FORMS = sorted(
    {
        "co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
        "plc", "gmbh", "mbh", "ag", "kg", "bv", "nv", "sa", "sas", "sarl", "srl", "spa", "sl",
        "as", "ab", "oy", "aps", "pte", "pty", "pvt", "kk", "jsc", "spzoo",
    },
    key=len,
    reverse=True,
)  # fmt: skip


def squashed_core(name: str) -> str:
    """Letters and digits only, trailing legal forms removed ('companylimited' too): for
    names whose spaces OCR lost."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    core = re.sub(r"[^a-z0-9]", "", text)
    changed = True
    while changed:
        changed = False
        for form in _SQUASHED_FORMS:
            if core.endswith(form) and len(core) > len(form) + 3:
                core = core[: -len(form)]
                changed = True
                break
    return core


def same_party(a: str, b: str) -> tuple[bool, float]:
    """Whether two names are the same company, and the similarity (0-100).

    token_set_ratio ignores word order and extra words; a squashed comparison catches
    OCR that dropped the spaces between words.
    """
    from rapidfuzz import fuzz

    left, right = normalise_name(a), normalise_name(b)
    if not left or not right:
        return False, 0.0
    score = max(
        fuzz.token_set_ratio(left, right),
        fuzz.ratio(squashed_core(a), squashed_core(b)),
    )
    return score >= NAME_THRESHOLD, float(score)


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _differs(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    scale = max(abs(a), abs(b), Decimal("1"))
    return abs(a - b) > tolerance * scale


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper().replace("O", "0"))


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _dotted(code: str) -> str:
    digits = re.sub(r"\D", "", code)
    return f"{digits[:4]}.{digits[4:6]}" if len(digits) >= 6 else code


def crosscheck(
    invoice: Extraction,
    declaration: dict[str, Any],
    *,
    hs_check: HsCheck | None = None,
) -> list[Discrepancy]:
    """Discrepancies between an extracted invoice and a declaration (canonical JSON shape).

    ``hs_check(description, declared_code)``, when given, checks each invoice line's
    description against its goods item's declared HS code
    (:func:`clearlane.documents.service.shipped_hs_check`: the check of ``clearlane hs check``)
    on the line's first MAX_RANKED characters (:func:`clearlane.hs.model.ranked_head`, all the
    ranker looks at), which are also what a mismatch keeps as ``invoice_value``.
    A line whose description is the item's declared description (same words) is not checked
    here: the item's own HS check (``hs_plausibility`` in clearlane.features.facts) covers it,
    and the invoice adds nothing to disagree with.
    """
    found: list[Discrepancy] = []

    def add(code: str, field: str, mine: Any, theirs: Any, detail: str = "") -> None:
        found.append(
            Discrepancy(
                code=code,
                field=field,
                invoice_value=None if mine is None else str(mine),
                declared_value=None if theirs is None else str(theirs),
                detail=detail or CODES[code],
            )
        )

    declared_number = declaration.get("invoice_number")
    if invoice.invoice_number and declared_number:
        if _squash(invoice.invoice_number) != _squash(str(declared_number)):
            add("INVOICE_NUMBER_MISMATCH", "invoice_number", invoice.invoice_number,
                declared_number)  # fmt: skip
    declared_day = declaration.get("declaration_date")
    if invoice.issue_date and declared_day:
        issued, lodged = date.fromisoformat(invoice.issue_date), date.fromisoformat(declared_day)
        if issued > lodged:
            add("INVOICE_DATE_AFTER_DECLARATION", "issue_date", issued, lodged)
        elif (lodged - issued).days > 366:
            add("INVOICE_DATE_STALE", "issue_date", issued, lodged)
    declared_currency = declaration.get("invoice_currency")
    if invoice.currency and declared_currency and invoice.currency != declared_currency:
        add("CURRENCY_MISMATCH", "currency", invoice.currency, declared_currency)
    total = _dec(invoice.tax_exclusive_total) or _dec(invoice.grand_total)
    declared_total = _dec(declaration.get("invoice_total"))
    same_currency = invoice.currency in (None, declared_currency)
    if total is not None and declared_total is not None and same_currency:
        if _differs(total, declared_total, TOTAL_TOLERANCE):
            add("INVOICE_TOTAL_MISMATCH", "tax_exclusive_total", total, declared_total)
    rate = _dec(declaration.get("exchange_rate"))
    customs_value = _dec(declaration.get("customs_value"))
    if total is not None and rate and customs_value is not None and same_currency:
        converted = (total * rate).quantize(Decimal("0.01"))
        # D-terms price carriage beyond the border, which the customs value leaves out.
        allowed = D_TERM_DEDUCTION if declaration.get("incoterm") in D_TERMS else TOTAL_TOLERANCE
        if customs_value < converted * (1 - allowed):
            add("CUSTOMS_VALUE_BELOW_INVOICE", "customs_value", converted, customs_value,
                f"invoice total {total} x rate {rate} = {converted}, declared customs value "
                f"{customs_value}")  # fmt: skip
    seller = (declaration.get("seller") or declaration.get("exporter") or {}).get("name")
    if invoice.seller_name and seller:
        ok, score = same_party(invoice.seller_name, seller)
        if not ok:
            add("SELLER_MISMATCH", "seller_name", invoice.seller_name, seller,
                f"{CODES['SELLER_MISMATCH']} (similarity {score:.0f}/100)")  # fmt: skip
    importer = (declaration.get("importer") or {}).get("name")
    if invoice.buyer_name and importer:
        ok, score = same_party(invoice.buyer_name, importer)
        if not ok:
            add("BUYER_MISMATCH", "buyer_name", invoice.buyer_name, importer,
                f"{CODES['BUYER_MISMATCH']} (similarity {score:.0f}/100)")  # fmt: skip
    found.extend(_lines(invoice, declaration, hs_check))
    return found


def _checked_line(description: str) -> str:
    """The part of an invoice line's description the HS check looks at (at most MAX_RANKED
    characters, :func:`clearlane.hs.model.ranked_head`)."""
    from clearlane.hs.model import ranked_head

    return ranked_head(description)


def _lines(
    invoice: Extraction,
    declaration: dict[str, Any],
    hs_check: HsCheck | None,
) -> list[Discrepancy]:
    items = declaration.get("items") or []
    lines = invoice.line_items
    out: list[Discrepancy] = []
    if not lines or not items:
        return out
    if len(lines) != len(items):
        out.append(
            Discrepancy(
                code="LINE_COUNT_MISMATCH",
                field="line_items",
                invoice_value=str(len(lines)),
                declared_value=str(len(items)),
                detail=CODES["LINE_COUNT_MISMATCH"],
            )
        )
        return out  # without a one-to-one pairing, item checks would compare wrong pairs
    for index, (line, item) in enumerate(zip(lines, items, strict=True), start=1):
        code = item.get("hs_code")
        declared_words = _words(str(item.get("description") or ""))
        if (
            hs_check is not None
            and line.description
            and code
            and _words(line.description) != declared_words
        ):
            # The check looks at the line's first MAX_RANKED characters (ranked_head): that
            # part is checked and kept as the evidence, not a 100 kB line in the stored
            # discrepancies and in every assessment's reason that quotes it.
            checked = _checked_line(line.description)
            verdict = hs_check(checked, str(code))
            if (
                verdict is not None
                and verdict.plausibility < HS_PLAUSIBILITY_FLOOR
                and verdict.reason_code in HS_MISMATCH_LEVELS
            ):
                out.append(
                    Discrepancy(
                        code="LINE_DESCRIPTION_HS_MISMATCH",
                        field=f"line_items[{index - 1}].description",
                        invoice_value=checked,
                        declared_value=str(code),
                        detail=f"item {index}: {CODES['LINE_DESCRIPTION_HS_MISMATCH']} "
                        f"(plausibility {verdict.plausibility:.2f}; fits "
                        f"{_dotted(verdict.best_code)})",
                    )
                )
        quantity, declared_quantity = _dec(line.quantity), _dec(item.get("quantity"))
        if quantity is not None and declared_quantity is not None:
            if _differs(quantity, declared_quantity, QUANTITY_TOLERANCE):
                out.append(
                    Discrepancy(
                        code="LINE_QUANTITY_MISMATCH",
                        field=f"line_items[{index - 1}].quantity",
                        invoice_value=str(quantity),
                        declared_value=str(declared_quantity),
                        detail=f"item {index}: {CODES['LINE_QUANTITY_MISMATCH']}",
                    )
                )
                continue  # a different quantity makes a unit-price comparison meaningless
        price = _dec(line.unit_price)
        value = _dec(item.get("item_value"))
        if price is not None and value is not None and declared_quantity:
            declared_price = (value / declared_quantity).quantize(Decimal("0.0001"))
            if _differs(price, declared_price, PRICE_TOLERANCE):
                out.append(
                    Discrepancy(
                        code="LINE_UNIT_PRICE_MISMATCH",
                        field=f"line_items[{index - 1}].unit_price",
                        invoice_value=str(price),
                        declared_value=str(declared_price),
                        detail=f"item {index}: {CODES['LINE_UNIT_PRICE_MISMATCH']}",
                    )
                )
    return out


def discrepancy_facts(
    checks: dict[str, list[Discrepancy]] | list[tuple[str, list[Discrepancy]]],
) -> pd.DataFrame:
    """One row per declaration reference: ``doc_discrepancies`` (count), ``doc_<code>`` (0/1)
    for every code, for the risk engine to use as features. Declarations without an
    invoice are absent (not zero): the engine decides how to treat a missing document."""
    import pandas as pd

    pairs = list(checks.items()) if isinstance(checks, dict) else list(checks)
    columns = ["doc_discrepancies"] + [f"doc_{code.lower()}" for code in CODES]
    rows = []
    for reference, found in pairs:
        codes = {d.code for d in found}
        row: dict[str, Any] = {"reference": reference, "doc_discrepancies": len(found)}
        for code in CODES:
            row[f"doc_{code.lower()}"] = int(code in codes)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["reference", *columns])
    return frame.set_index("reference")
