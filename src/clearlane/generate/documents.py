"""Generated trade documents: the generator's invoices rendered as real files.

Each document is one declaration's commercial invoice, written as one of:

- ``facturx``: a PDF with its text and an embedded Factur-X (EN 16931) CII XML;
- ``cii`` / ``ubl``: a bare EN 16931 e-invoice (UN/CEFACT CII or OASIS UBL 2.1);
- ``text``: a PDF with a text layer only;
- ``scan-png`` / ``scan-pdf``: the page rasterised, turned a few degrees, blurred and
  speckled, saved as a PNG or as an image-only PDF.

Beside each file a ``.truth.json`` holds what a perfect extraction returns (the field names of
:class:`clearlane.documents.models.Extraction`) and the discrepancies planted between it and the
declaration (``planted``: reason codes of :mod:`clearlane.documents.crosscheck`). A run also
writes ``declarations.jsonl`` (the declarations the invoices belong to) and ``index.csv``.
The same ``count`` and ``seed`` give the same documents (PDF timestamps are fixed).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from clearlane.core.csvsafe import csv_writer, safe_row

KINDS = ("facturx", "text", "scan-png", "text", "ubl", "scan-pdf", "facturx", "text", "cii")
# What each planted discrepancy changes on the invoice; its reason code is the key.
PLANTS = (
    "INVOICE_NUMBER_MISMATCH",
    "INVOICE_DATE_AFTER_DECLARATION",
    "CURRENCY_MISMATCH",
    "INVOICE_TOTAL_MISMATCH",
    "SELLER_MISMATCH",
    "BUYER_MISMATCH",
    "LINE_QUANTITY_MISMATCH",
    "LINE_UNIT_PRICE_MISMATCH",
)
#: An invoice line described as goods of another chapter than its item's declared HS code.
#: Not among the default PLANTS: only a cross-check with the HS check (the stored extractions,
#: ``clearlane documents crosscheck``) can find it. ``plants=PLANTS_WITH_HS`` adds it.
HS_PLANT = "LINE_DESCRIPTION_HS_MISMATCH"
PLANTS_WITH_HS = (*PLANTS, HS_PLANT)
PLANT_SHARE = 0.4  # of documents carry one planted discrepancy
# A planted discrepancy can rightly raise these codes too (a higher price raises the total).
CONSEQUENCES = {
    "INVOICE_TOTAL_MISMATCH": ("LINE_UNIT_PRICE_MISMATCH", "CUSTOMS_VALUE_BELOW_INVOICE"),
    "LINE_UNIT_PRICE_MISMATCH": ("INVOICE_TOTAL_MISMATCH", "CUSTOMS_VALUE_BELOW_INVOICE"),
    "LINE_QUANTITY_MISMATCH": ("INVOICE_TOTAL_MISMATCH", "CUSTOMS_VALUE_BELOW_INVOICE"),
}
FIXED_TIME = datetime(2025, 1, 1, 0, 0, 0)
_CENT = Decimal("0.01")

LABELS: dict[str, tuple[str, ...]] = {
    "invoice_number": ("Invoice No.", "Invoice number", "Invoice #"),
    "issue_date": ("Invoice date", "Date", "Date of issue"),
    "currency": ("Currency",),
    "seller": ("Seller", "From", "Exporter / Seller"),
    "buyer": ("Buyer", "Bill to", "Sold to"),
    "vat": ("VAT ID", "Tax ID", "VAT No."),
    "tax_exclusive_total": ("Total excl. VAT", "Net total", "Subtotal"),
    "tax_total": ("VAT", "Tax"),
    "grand_total": ("Invoice total", "Grand total", "Total incl. VAT"),
    "prepaid": ("Prepaid",),
    "due_payable": ("Amount due", "Balance due"),
}
_LEGAL_SWAPS = {
    "Co., Ltd.": "Company Limited",
    "B.V.": "BV",
    "GmbH": "G.m.b.H.",
    "Ltd.": "Limited",
    "Inc.": "Incorporated",
    "S.A.": "SA",
    "LLC": "L.L.C.",
}
_OTHER_NAMES = (
    "Northwind Trading Ltd.",
    "Blue Harbour Imports B.V.",
    "Golden Lotus Export Co., Ltd.",
    "Atlas Commodities GmbH",
)


def money(value: float | Decimal) -> str:
    return str(Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP))


def plain(value: float | Decimal) -> str:
    """A quantity or unit price as a decimal string without a trailing '.0'."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def _latin1(text: str) -> str:
    """The core PDF fonts speak Latin-1: what cannot be printed becomes '?'."""
    return text.encode("latin-1", "replace").decode("latin-1")


@dataclass
class Invoice:
    """One invoice as printed: the truth extraction must return."""

    invoice_number: str
    type_code: str
    issue_date: date
    currency: str
    seller_name: str
    seller_vat_id: str
    seller_country: str
    seller_address: str
    buyer_name: str
    buyer_country: str
    buyer_address: str
    incoterm: str
    lines: list[dict[str, str]]
    prepaid: Decimal = Decimal("0")
    tax_rate: Decimal = Decimal("0")
    planted: list[str] = field(default_factory=list)

    @property
    def tax_exclusive_total(self) -> Decimal:
        return sum((Decimal(line["amount"]) for line in self.lines), Decimal("0"))

    @property
    def tax_total(self) -> Decimal:
        return (self.tax_exclusive_total * self.tax_rate / 100).quantize(_CENT, ROUND_HALF_UP)

    @property
    def grand_total(self) -> Decimal:
        return self.tax_exclusive_total + self.tax_total

    @property
    def due_payable(self) -> Decimal:
        return self.grand_total - self.prepaid

    def truth(self) -> dict[str, Any]:
        return {
            "invoice_number": self.invoice_number,
            "type_code": self.type_code,
            "issue_date": self.issue_date.isoformat(),
            "currency": self.currency,
            "seller_name": self.seller_name,
            "seller_vat_id": self.seller_vat_id,
            "seller_country": self.seller_country,
            "buyer_name": self.buyer_name,
            "buyer_country": self.buyer_country,
            "tax_exclusive_total": money(self.tax_exclusive_total),
            "tax_total": money(self.tax_total),
            "grand_total": money(self.grand_total),
            "due_payable": money(self.due_payable),
            "line_items": [
                {
                    k: line[k]
                    for k in ("description", "quantity", "unit_code", "unit_price", "amount")
                }  # fmt: skip
                for line in self.lines
            ],
        }


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or getattr(country, "name", code)
    return _latin1(str(name))


def build_invoice(
    case_invoice: dict[str, Any],
    declaration: dict[str, Any],
    rng: np.random.Generator,
    plants: tuple[str, ...] = PLANTS,
) -> Invoice:
    """The printed invoice for one generated case, with at most one planted discrepancy."""
    seller, buyer = case_invoice["seller"], case_invoice["buyer"]
    lines = []
    for line in case_invoice["lines"]:
        # As the generator wrote them: unit prices to 4 decimals, amounts to the cent.
        lines.append(
            {
                "description": _latin1(line["description"]),
                "hs_code": line["hs_code"],
                "quantity": plain(line["quantity"]),
                "unit_code": line["unit"],
                "unit_price": plain(line["unit_price"]),
                "amount": money(line["amount"]),
            }
        )
    seller_name = _latin1(seller["name"])
    if rng.random() < 0.3:  # the same company written another way: no discrepancy
        for old, new in _LEGAL_SWAPS.items():
            if old in seller_name:
                seller_name = seller_name.replace(old, new)
                break
        else:
            seller_name = seller_name.upper()
    invoice = Invoice(
        invoice_number=case_invoice["invoice_number"],
        type_code="380",
        issue_date=date.fromisoformat(case_invoice["invoice_date"]),
        currency=case_invoice["currency"],
        seller_name=seller_name,
        seller_vat_id=seller["id"],
        seller_country=seller["country"],
        seller_address=f"{int(rng.integers(1, 400))} Harbour Road, "
        f"{_country_name(seller['country'])}",
        buyer_name=_latin1(buyer["name"]),
        buyer_country=buyer["country"],
        buyer_address=f"Industrieweg {int(rng.integers(1, 200))}, "
        f"{_country_name(buyer['country'])}",
        incoterm=f"{case_invoice['incoterm']} {case_invoice['incoterm_place']}",
        lines=lines,
        prepaid=Decimal("0"),
    )
    if rng.random() < 0.2:
        invoice.prepaid = (invoice.grand_total * Decimal("0.3")).quantize(_CENT, ROUND_HALF_UP)
    if rng.random() < PLANT_SHARE:
        _plant(invoice, declaration, str(rng.choice(plants)), rng)
    return invoice


@cache
def _traded_subheadings() -> tuple[str, ...]:
    """HS 2022 subheadings of the generator's goods groups (what its declarations carry)."""
    from clearlane.core.codelists import get_edition
    from clearlane.generate.reference import GROUPS

    prefixes = tuple(p for group in GROUPS for p in group.prefixes)
    return tuple(sorted(c for c in get_edition(2022).subheadings if c.startswith(prefixes)))


def other_chapter_description(chapter: str, rng: np.random.Generator) -> tuple[str, str]:
    """(subheading, description as the generator writes it) of traded goods of another
    chapter than ``chapter``."""
    from clearlane.core.codelists import get_edition
    from clearlane.generate.world import short_text

    pool = [c for c in _traded_subheadings() if c[:2] != chapter]
    code = pool[int(rng.integers(0, len(pool)))]
    return code, short_text(get_edition(2022).describe(code) or code)


def _plant(invoice: Invoice, declaration: dict[str, Any], code: str,
           rng: np.random.Generator) -> None:  # fmt: skip
    """Change the invoice so that it disagrees with the declaration in one way."""
    if code == "INVOICE_NUMBER_MISMATCH":
        invoice.invoice_number = invoice.invoice_number[:-3] + f"{int(rng.integers(0, 1000)):03d}"
        if invoice.invoice_number == declaration["invoice_number"]:
            invoice.invoice_number += "A"
    elif code == "INVOICE_DATE_AFTER_DECLARATION":
        declared = date.fromisoformat(declaration["declaration_date"])
        invoice.issue_date = declared + timedelta(days=int(rng.integers(3, 40)))
    elif code == "CURRENCY_MISMATCH":
        invoice.currency = "USD" if invoice.currency != "USD" else "EUR"
    elif code in ("INVOICE_TOTAL_MISMATCH", "LINE_UNIT_PRICE_MISMATCH"):
        line = invoice.lines[int(rng.integers(0, len(invoice.lines)))]
        factor = Decimal(str(round(float(rng.uniform(1.4, 3.0)), 2)))
        price = (Decimal(line["unit_price"]) * factor).quantize(_CENT, ROUND_HALF_UP)
        line["unit_price"] = plain(price)
        line["amount"] = money(Decimal(line["quantity"]) * price)
    elif code == "SELLER_MISMATCH":
        invoice.seller_name = str(rng.choice(_OTHER_NAMES))
    elif code == "BUYER_MISMATCH":
        invoice.buyer_name = str(rng.choice(_OTHER_NAMES))
    elif code == "LINE_QUANTITY_MISMATCH":
        line = invoice.lines[int(rng.integers(0, len(invoice.lines)))]
        quantity = Decimal(line["quantity"])
        new = (quantity * Decimal("1.5")).quantize(Decimal("1")) + 2
        line["quantity"] = plain(new)
        line["amount"] = money(new * Decimal(line["unit_price"]))
    elif code == HS_PLANT:
        index = int(rng.integers(0, len(invoice.lines)))
        items = declaration.get("items") or []
        code_of = str(items[index].get("hs_code") if index < len(items) else "")
        code_of = code_of or invoice.lines[index]["hs_code"]
        _, text = other_chapter_description(code_of[:2], rng)
        invoice.lines[index]["description"] = _latin1(text)
    else:
        raise ValueError(f"no way to plant {code!r}")
    invoice.planted.append(code)


# -- rendering --------------------------------------------------------------------------------


def _date_text(day: date, style: int) -> str:
    if style == 0:
        return day.isoformat()
    if style == 1:
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {day.strftime('%b %Y')}"


def _number(value: str, decimals: int | None = None) -> str:
    """Thousands separated, as printed: 12,345.67."""
    number = Decimal(value)
    if decimals is None:
        text = format(number, ",f")
    else:
        text = format(number.quantize(Decimal(1).scaleb(-decimals)), f",.{decimals}f")
    return text


def render_pdf(invoice: Invoice, style: int) -> bytes:
    """The invoice as a one-or-more page A4 PDF with a text layer (fpdf2, core fonts)."""
    from fpdf import FPDF

    def label(key: str) -> str:
        options = LABELS[key]
        return options[style % len(options)]

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(auto=False)  # rows are kept whole: breaks are placed below

    def room(height: float) -> None:
        """A new page unless ``height`` mm still fit above the bottom margin."""
        if pdf.get_y() + height > pdf.h - 20:
            pdf.add_page()
            pdf.set_y(20)

    pdf.add_page()
    pdf.set_margins(15, 15, 15)
    pdf.set_font("Helvetica", "B", 18)
    pdf.set_xy(15, 15)
    pdf.cell(0, 10, "COMMERCIAL INVOICE")
    # Seller block (left) and invoice facts (right), well apart so OCR keeps them apart.
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_xy(15, 32)
    pdf.cell(80, 5, label("seller"))
    pdf.set_font("Helvetica", "", 10)
    for offset, text in enumerate(
        (
            invoice.seller_name,
            invoice.seller_address,
            f"{label('vat')}: {invoice.seller_vat_id}",
        ),
        start=1,
    ):
        pdf.set_xy(15, 32 + 5 * offset)
        pdf.cell(90, 5, text)
    facts = (
        (label("invoice_number"), invoice.invoice_number),
        (label("issue_date"), _date_text(invoice.issue_date, style % 3)),
        (label("currency"), invoice.currency),
        ("Incoterms", invoice.incoterm),
    )
    for row, (name, value) in enumerate(facts):
        pdf.set_xy(120, 32 + 6 * row)
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(32, 5, f"{name}:")
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(155, 32 + 6 * row)
        pdf.cell(40, 5, value)
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_xy(15, 62)
    pdf.cell(80, 5, label("buyer"))
    pdf.set_font("Helvetica", "", 10)
    pdf.set_xy(15, 67)
    pdf.cell(90, 5, invoice.buyer_name)
    pdf.set_xy(15, 72)
    pdf.cell(90, 5, invoice.buyer_address)
    # Line items.
    columns = (("No.", 10, "L"), ("Description", 70, "L"), ("HS code", 18, "L"),
               ("Quantity", 20, "R"), ("Unit", 16, "C"), ("Unit price", 24, "R"),
               ("Amount", 22, "R"))  # fmt: skip
    pdf.set_xy(15, 86)
    pdf.set_font("Helvetica", "B", 9)
    for name, width, align in columns:
        pdf.cell(width, 7, name, border="B", align=align)
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 9)
    for seq, line in enumerate(invoice.lines, start=1):
        values = (
            str(seq),
            line["description"],
            line["hs_code"],
            _number(line["quantity"]),
            line["unit_code"],
            _number(line["unit_price"]),
            _number(line["amount"], 2),
        )
        wrapped = pdf.multi_cell(68, 5, values[1], dry_run=True, output="LINES")
        room(5 * len(wrapped if isinstance(wrapped, list) else [wrapped]) + 1.5)
        x, y = 15.0, pdf.get_y()
        # The description wraps inside its column; the other cells sit on its first line.
        pdf.set_xy(x + 10, y)
        pdf.multi_cell(68, 5, values[1], align="L")
        bottom = pdf.get_y()
        column_x = x
        for index, ((_, width, align), value) in enumerate(zip(columns, values, strict=True)):
            if index != 1:
                pdf.set_xy(column_x, y)
                pdf.cell(width, 5, value, align=align)
            column_x += width
        pdf.set_y(max(bottom, y + 5) + 1.5)
    pdf.ln(3)
    totals = [
        (label("tax_exclusive_total"), money(invoice.tax_exclusive_total)),
        (f"{label('tax_total')} {invoice.tax_rate:.0f}%", money(invoice.tax_total)),
        (label("grand_total"), money(invoice.grand_total)),
    ]
    if invoice.prepaid:
        totals.append((label("prepaid"), money(invoice.prepaid)))
    totals.append((label("due_payable"), money(invoice.due_payable)))
    room(7 * len(totals) + 12)
    for name, value in totals:
        y = pdf.get_y()
        pdf.set_xy(110, y)
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(45, 6, name)
        pdf.set_font("Helvetica", "", 10)
        pdf.set_xy(155, y)
        pdf.cell(40, 6, f"{_number(value, 2)} {invoice.currency}", align="R")
        pdf.ln(7)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_x(15)
    pdf.multi_cell(0, 4, "Goods exported under the Incoterms stated. VAT: export delivery.")
    return bytes(pdf.output())


def render_scan(
    pdf_bytes: bytes, rng: np.random.Generator, *, dpi: int = 150,
    angles: tuple[float, float] = (0.7, 3.0), page: int = 0,
) -> Any:  # fmt: skip
    """A page (the first unless ``page`` says which, 0-based) as a 'scan': rasterised, turned
    (``angles`` degrees either way), blurred, speckled (a PIL image)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        image = document[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()
    angle = float(rng.uniform(*angles)) * (1 if rng.random() < 0.5 else -1)
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(radius=float(rng.uniform(0.4, 0.9))))
    pixels = np.asarray(image, dtype=np.int16)
    noise = rng.normal(0, 10, pixels.shape)
    speckle = rng.random(pixels.shape) < 0.002
    pixels = np.clip(pixels + noise, 0, 255)
    pixels[speckle] = 0
    return Image.fromarray(pixels.astype(np.uint8), mode="L")


# -- e-invoice XML (EN 16931) -------------------------------------------------------------------

_CII = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
}


def cii_xml(invoice: Invoice) -> bytes:
    """A Factur-X / ZUGFeRD EN 16931 profile CrossIndustryInvoice."""
    from lxml import etree

    def el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        prefix, name = tag.split(":")
        node = etree.SubElement(parent, f"{{{_CII[prefix]}}}{name}", attrs)
        if text is not None:
            node.text = text
        return node

    root = etree.Element(f"{{{_CII['rsm']}}}CrossIndustryInvoice", nsmap=_CII)
    context = el(root, "rsm:ExchangedDocumentContext")
    el(el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID",
       "urn:cen.eu:en16931:2017")  # fmt: skip
    document = el(root, "rsm:ExchangedDocument")
    el(document, "ram:ID", invoice.invoice_number)
    el(document, "ram:TypeCode", invoice.type_code)
    issued = el(document, "ram:IssueDateTime")
    el(issued, "udt:DateTimeString", invoice.issue_date.strftime("%Y%m%d"), format="102")
    transaction = el(root, "rsm:SupplyChainTradeTransaction")
    for seq, line in enumerate(invoice.lines, start=1):
        item = el(transaction, "ram:IncludedSupplyChainTradeLineItem")
        el(el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(seq))
        product = el(item, "ram:SpecifiedTradeProduct")
        el(product, "ram:Name", line["description"])
        classification = el(product, "ram:DesignatedProductClassification")
        el(classification, "ram:ClassCode", line["hs_code"], listID="HS")
        agreement = el(item, "ram:SpecifiedLineTradeAgreement")
        el(el(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", line["unit_price"])
        delivery = el(item, "ram:SpecifiedLineTradeDelivery")
        el(delivery, "ram:BilledQuantity", line["quantity"], unitCode=line["unit_code"])
        settlement = el(item, "ram:SpecifiedLineTradeSettlement")
        tax = el(settlement, "ram:ApplicableTradeTax")
        el(tax, "ram:TypeCode", "VAT")
        el(tax, "ram:CategoryCode", "G")
        el(tax, "ram:RateApplicablePercent", f"{invoice.tax_rate:.2f}")
        summation = el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        el(summation, "ram:LineTotalAmount", line["amount"])
    agreement = el(transaction, "ram:ApplicableHeaderTradeAgreement")
    seller = el(agreement, "ram:SellerTradeParty")
    el(seller, "ram:Name", invoice.seller_name)
    address = el(seller, "ram:PostalTradeAddress")
    el(address, "ram:LineOne", invoice.seller_address)
    el(address, "ram:CountryID", invoice.seller_country)
    registration = el(seller, "ram:SpecifiedTaxRegistration")
    el(registration, "ram:ID", invoice.seller_vat_id, schemeID="VA")
    buyer = el(agreement, "ram:BuyerTradeParty")
    el(buyer, "ram:Name", invoice.buyer_name)
    address = el(buyer, "ram:PostalTradeAddress")
    el(address, "ram:LineOne", invoice.buyer_address)
    el(address, "ram:CountryID", invoice.buyer_country)
    delivery = el(transaction, "ram:ApplicableHeaderTradeDelivery")
    del delivery
    settlement = el(transaction, "ram:ApplicableHeaderTradeSettlement")
    el(settlement, "ram:InvoiceCurrencyCode", invoice.currency)
    tax = el(settlement, "ram:ApplicableTradeTax")
    el(tax, "ram:CalculatedAmount", money(invoice.tax_total))
    el(tax, "ram:TypeCode", "VAT")
    el(tax, "ram:ExemptionReason", "Export outside the EU")
    el(tax, "ram:BasisAmount", money(invoice.tax_exclusive_total))
    el(tax, "ram:CategoryCode", "G")
    el(tax, "ram:RateApplicablePercent", f"{invoice.tax_rate:.2f}")
    summation = el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    el(summation, "ram:LineTotalAmount", money(invoice.tax_exclusive_total))
    el(summation, "ram:TaxBasisTotalAmount", money(invoice.tax_exclusive_total))
    el(summation, "ram:TaxTotalAmount", money(invoice.tax_total), currencyID=invoice.currency)
    el(summation, "ram:GrandTotalAmount", money(invoice.grand_total))
    el(summation, "ram:TotalPrepaidAmount", money(invoice.prepaid))
    el(summation, "ram:DuePayableAmount", money(invoice.due_payable))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


_UBL = {
    None: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def ubl_xml(invoice: Invoice) -> bytes:
    """An OASIS UBL 2.1 Invoice under the EN 16931 customization."""
    from lxml import etree

    def el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
        prefix, name = tag.split(":")
        node = etree.SubElement(parent, f"{{{_UBL[prefix]}}}{name}", attrs)
        if text is not None:
            node.text = text
        return node

    root = etree.Element(f"{{{_UBL[None]}}}Invoice", nsmap=_UBL)
    el(root, "cbc:CustomizationID", "urn:cen.eu:en16931:2017")
    el(root, "cbc:ID", invoice.invoice_number)
    el(root, "cbc:IssueDate", invoice.issue_date.isoformat())
    el(root, "cbc:InvoiceTypeCode", invoice.type_code)
    el(root, "cbc:DocumentCurrencyCode", invoice.currency)
    for role, name, country, address, vat in (
        ("AccountingSupplierParty", invoice.seller_name, invoice.seller_country,
         invoice.seller_address, invoice.seller_vat_id),
        ("AccountingCustomerParty", invoice.buyer_name, invoice.buyer_country,
         invoice.buyer_address, None),
    ):  # fmt: skip
        party = el(el(root, f"cac:{role}"), "cac:Party")
        postal = el(party, "cac:PostalAddress")
        el(postal, "cbc:StreetName", address)
        el(el(postal, "cac:Country"), "cbc:IdentificationCode", country)
        if vat:
            scheme = el(party, "cac:PartyTaxScheme")
            el(scheme, "cbc:CompanyID", vat)
            el(el(scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
        el(el(party, "cac:PartyLegalEntity"), "cbc:RegistrationName", name)
    tax_total = el(root, "cac:TaxTotal")
    el(tax_total, "cbc:TaxAmount", money(invoice.tax_total), currencyID=invoice.currency)
    totals = el(root, "cac:LegalMonetaryTotal")
    c = {"currencyID": invoice.currency}
    el(totals, "cbc:LineExtensionAmount", money(invoice.tax_exclusive_total), **c)
    el(totals, "cbc:TaxExclusiveAmount", money(invoice.tax_exclusive_total), **c)
    el(totals, "cbc:TaxInclusiveAmount", money(invoice.grand_total), **c)
    el(totals, "cbc:PrepaidAmount", money(invoice.prepaid), **c)
    el(totals, "cbc:PayableAmount", money(invoice.due_payable), **c)
    for seq, line in enumerate(invoice.lines, start=1):
        node = el(root, "cac:InvoiceLine")
        el(node, "cbc:ID", str(seq))
        el(node, "cbc:InvoicedQuantity", line["quantity"], unitCode=line["unit_code"])
        el(node, "cbc:LineExtensionAmount", line["amount"], **c)
        item = el(node, "cac:Item")
        el(item, "cbc:Name", line["description"])
        el(el(item, "cac:CommodityClassification"), "cbc:ItemClassificationCode", line["hs_code"],
           listID="HS")  # fmt: skip
        el(el(node, "cac:Price"), "cbc:PriceAmount", line["unit_price"], **c)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def embed_facturx(pdf_bytes: bytes, xml: bytes) -> bytes:
    """The PDF as PDF/A-3 with the CII attached as factur-x.xml (checked against the XSD)."""
    from facturx import generate_from_binary

    result: bytes = generate_from_binary(
        pdf_bytes, xml, flavor="factur-x", level="en16931", check_xsd=True,
        pdf_metadata={"author": "ClearLane generator", "title": "Commercial invoice",
                      "subject": "Invoice", "keywords": "Factur-X"},
    )  # fmt: skip
    return result


# -- writing a folder ---------------------------------------------------------------------------


@dataclass
class DocumentsSummary:
    count: int
    by_kind: dict[str, int]
    planted: int
    out_dir: Path


def generate_documents(
    *, count: int, seed: int, out_dir: Path, plants: tuple[str, ...] = PLANTS
) -> DocumentsSummary:
    """Write ``count`` invoices with their truth and the declarations they belong to
    (``plants``: the discrepancies a planted invoice draws one of)."""
    from clearlane.generate.config import GeneratorConfig
    from clearlane.generate.dataset import iter_cases

    if count < 1:
        raise ValueError("count must be at least 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(np.random.SeedSequence([seed, 1313]))
    config = GeneratorConfig(declarations=max(count, 50), seed=seed, start=date(2025, 1, 1),
                             days=30)  # fmt: skip
    by_kind: dict[str, int] = {}
    planted = 0
    rows: list[list[str]] = []
    with (out_dir / "declarations.jsonl").open("w", encoding="utf-8") as declarations:
        for index, case in enumerate(iter_cases(config)):
            if index >= count:
                break
            kind = KINDS[index % len(KINDS)]
            invoice = build_invoice(case.invoice, case.declaration, rng, plants)
            if case.invoice_leak:  # the generator's own: the invoice shows the true price
                invoice.planted.append("INVOICE_TOTAL_MISMATCH")
            # The generator's own misclassification can show on the invoice too (the true goods
            # described): a different description that may rightly raise the HS line check.
            shows_truth = any(
                line["description"] != item.get("description")
                for line, item in zip(case.invoice["lines"], case.declaration["items"],
                                      strict=False)
            )  # fmt: skip
            style = int(rng.integers(0, 6))
            name = f"{index + 1:04d}-{case.reference}"
            path = _write(out_dir, name, kind, invoice, style, rng)
            truth = invoice.truth() | {
                "file": path.name,
                "kind": kind,
                "declaration_reference": case.reference,
                "planted": sorted(set(invoice.planted)),
                "may_raise": sorted(
                    {c for p in invoice.planted for c in (p, *CONSEQUENCES.get(p, ()))}
                    | ({HS_PLANT} if shows_truth else set())
                ),
            }
            (out_dir / f"{name}.truth.json").write_text(
                json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            declarations.write(json.dumps(case.declaration, ensure_ascii=False) + "\n")
            by_kind[kind] = by_kind.get(kind, 0) + 1
            planted += bool(invoice.planted)
            rows.append([path.name, kind, case.reference, ";".join(truth["planted"])])
    with (out_dir / "index.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv_writer(handle)
        writer.writerow(["file", "kind", "declaration_reference", "planted"])
        writer.writerows(safe_row(row) for row in rows)  # a spreadsheet reads no formula
    return DocumentsSummary(count=len(rows), by_kind=by_kind, planted=planted, out_dir=out_dir)


def documents_from_dataset(
    dataset_dir: Path,
    references: list[str],
    out_dir: Path,
    *,
    seed: int = 0,
    kinds: tuple[str, ...] = KINDS,
    plants: tuple[str, ...] = PLANTS,
) -> list[Path]:
    """Invoices for chosen declarations of a dataset written by ``generate_dataset`` (from its
    ``invoices.jsonl`` and ``declarations.jsonl``), e.g. for the demo. Returns the files in the
    order of ``references``; ones the dataset lacks are skipped."""
    wanted = set(references)
    invoices: dict[str, dict[str, Any]] = {}
    declarations: dict[str, dict[str, Any]] = {}
    for name, into, key in (
        ("invoices.jsonl", invoices, "declaration_reference"),
        ("declarations.jsonl", declarations, "reference"),
    ):
        with (Path(dataset_dir) / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get(key) in wanted:
                    into[record[key]] = record
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(np.random.SeedSequence([seed, 1314]))
    paths = []
    for index, reference in enumerate(r for r in references if r in invoices and r in declarations):
        invoice = build_invoice(invoices[reference], declarations[reference], rng, plants)
        kind = kinds[index % len(kinds)]
        path = _write(out_dir, reference, kind, invoice, int(rng.integers(0, 6)), rng)
        truth = invoice.truth() | {"file": path.name, "kind": kind,
                                   "declaration_reference": reference,
                                   "planted": sorted(set(invoice.planted))}  # fmt: skip
        (out_dir / f"{reference}.truth.json").write_text(json.dumps(truth, indent=1) + "\n")
        paths.append(path)
    return paths


def _write(out_dir: Path, name: str, kind: str, invoice: Invoice, style: int,
           rng: np.random.Generator) -> Path:  # fmt: skip
    if kind == "cii":
        path = out_dir / f"{name}.xml"
        path.write_bytes(cii_xml(invoice))
        return path
    if kind == "ubl":
        path = out_dir / f"{name}.xml"
        path.write_bytes(ubl_xml(invoice))
        return path
    pdf = render_pdf(invoice, style)
    if kind == "facturx":
        path = out_dir / f"{name}.pdf"
        path.write_bytes(embed_facturx(pdf, cii_xml(invoice)))
        return path
    if kind == "text":
        path = out_dir / f"{name}.pdf"
        path.write_bytes(pdf)
        return path
    image = render_scan(pdf, rng)
    if kind == "scan-png":
        path = out_dir / f"{name}.png"
        image.save(path, format="PNG", optimize=False)
        return path
    path = out_dir / f"{name}.pdf"
    buffer = io.BytesIO()
    image.save(
        buffer,
        format="PDF",
        resolution=150.0,
        creationDate=FIXED_TIME.timetuple(),
        modDate=FIXED_TIME.timetuple(),
    )
    path.write_bytes(buffer.getvalue())
    return path
