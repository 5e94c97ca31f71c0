"""Structured e-invoices read against the EN 16931 semantic model.

UN/CEFACT CII (Factur-X, ZUGFeRD 2.x, XRechnung CII; ZUGFeRD 1.0's CrossIndustryDocument too)
and OASIS UBL 2.1 Invoice / CreditNote (XRechnung UBL, Peppol). The XML is parsed with lxml
with entities, DTDs and the network off: a document declaring entities is refused.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from clearlane.documents.errors import ExtractionError
from clearlane.documents.models import Evidence, Extraction, LineItem

MAX_XML_BYTES = 5_000_000
# Names under which the e-invoice standards attach their XML to a PDF.
ATTACHMENT_NAMES = (
    "factur-x.xml",
    "zugferd-invoice.xml",
    "ZUGFeRD-invoice.xml",
    "xrechnung.xml",
    "order-x.xml",
)


def parse_xml(data: bytes, name: str) -> Any:
    """An lxml tree, parsed safely (no entities, no DTD, no network, bounded size)."""
    from lxml import etree

    if len(data) > MAX_XML_BYTES:
        raise ExtractionError(name, f"the XML is larger than {MAX_XML_BYTES:,} bytes")
    if re.search(rb"<!ENTITY", data[:65536]):
        raise ExtractionError(name, "the XML declares entities, which are refused")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True,
    )  # fmt: skip
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractionError(name, f"the XML is not well-formed: {exc}") from None


def kind_of(root: Any) -> str | None:
    """'cii', 'ubl' or None for an XML root that is neither."""
    from lxml import etree

    local = etree.QName(root).localname
    if local in ("CrossIndustryInvoice", "CrossIndustryDocument"):
        return "cii"
    if local in ("Invoice", "CreditNote") and "oasis" in (etree.QName(root).namespace or ""):
        return "ubl"
    return None


def _path(path: str) -> str:
    """'A/B' -> XPath on local names, so any namespace (and ZUGFeRD 1's) matches."""
    steps = []
    for step in path.split("/"):
        if step in (".", ""):
            steps.append(step)
        else:
            names = step.split("|")
            test = " or ".join(f"local-name()='{n}'" for n in names)
            steps.append(f"*[{test}]")
    return "/".join(steps)


def _first(node: Any, path: str) -> Any:
    found = node.xpath(_path(path))
    return found[0] if found else None


def _text(node: Any, path: str) -> str | None:
    found = _first(node, path) if node is not None else None
    if found is None or found.text is None:
        return None
    text = " ".join(found.text.split())
    return text or None


def decimal_text(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    return format(number, "f")


def money_text(value: str | None) -> str | None:
    text = decimal_text(value)
    return None if text is None else str(Decimal(text).quantize(Decimal("0.01")))


def _cii_date(node: Any) -> str | None:
    if node is None:
        return None
    text = (node.text or "").strip()
    fmt = node.get("format", "102")
    try:
        if fmt == "102" and re.fullmatch(r"\d{8}", text):
            return date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _ev() -> Evidence:
    return Evidence(source="xml", confidence=1.0)


def _finish(result: Extraction) -> Extraction:
    for name, value in result.fields().items():
        if value is not None:
            result.evidence[name] = _ev()
    for index, line in enumerate(result.line_items):
        for key, value in line.model_dump().items():
            if value is not None:
                result.evidence[f"line_items[{index}].{key}"] = _ev()
    result.method = "xml"
    return result


def read_cii(root: Any) -> Extraction:
    document = _first(root, "ExchangedDocument|HeaderExchangedDocument")
    transaction = _first(root, "SupplyChainTradeTransaction|SpecifiedSupplyChainTradeTransaction")
    agreement = settlement = None
    if transaction is not None:
        agreement = _first(
            transaction, "ApplicableHeaderTradeAgreement|ApplicableSupplyChainTradeAgreement"
        )
        settlement = _first(
            transaction, "ApplicableHeaderTradeSettlement|ApplicableSupplyChainTradeSettlement"
        )
    seller = _first(agreement, "SellerTradeParty") if agreement is not None else None
    buyer = _first(agreement, "BuyerTradeParty") if agreement is not None else None
    currency = _text(settlement, "InvoiceCurrencyCode")
    summation = None
    if settlement is not None:
        summation = _first(
            settlement,
            "SpecifiedTradeSettlementHeaderMonetarySummation|"
            "SpecifiedTradeSettlementMonetarySummation",
        )
    tax_total = None
    if summation is not None:
        amounts = summation.xpath(_path("TaxTotalAmount"))
        chosen = [a for a in amounts if a.get("currencyID") in (None, currency)] or amounts
        tax_total = money_text(chosen[0].text) if chosen else None
    vat_id = None
    if seller is not None:
        for registration in seller.xpath(_path("SpecifiedTaxRegistration/ID")):
            if registration.get("schemeID") == "VA" and registration.text:
                vat_id = registration.text.strip()
    result = Extraction(
        invoice_number=_text(document, "ID"),
        type_code=_text(document, "TypeCode"),
        issue_date=_cii_date(_first(document, "IssueDateTime/DateTimeString"))
        if document is not None
        else None,
        currency=currency,
        seller_name=_text(seller, "Name"),
        seller_vat_id=vat_id,
        seller_country=_text(seller, "PostalTradeAddress/CountryID"),
        buyer_name=_text(buyer, "Name"),
        buyer_country=_text(buyer, "PostalTradeAddress/CountryID"),
        tax_exclusive_total=money_text(_text(summation, "TaxBasisTotalAmount")),
        tax_total=tax_total,
        grand_total=money_text(_text(summation, "GrandTotalAmount")),
        due_payable=money_text(_text(summation, "DuePayableAmount")),
    )
    if transaction is not None:
        for item in transaction.xpath(_path("IncludedSupplyChainTradeLineItem")):
            quantity = _first(item, ".//BilledQuantity")
            result.line_items.append(
                LineItem(
                    description=_text(item, "SpecifiedTradeProduct/Name"),
                    quantity=decimal_text(quantity.text if quantity is not None else None),
                    unit_code=quantity.get("unitCode") if quantity is not None else None,
                    unit_price=_unit_price(
                        _text(item, ".//NetPriceProductTradePrice/ChargeAmount"),
                        _text(item, ".//NetPriceProductTradePrice/BasisQuantity"),
                    ),
                    amount=money_text(_text(item, ".//LineTotalAmount")),
                )
            )
    return _finish(result)


def _unit_price(price: str | None, basis: str | None) -> str | None:
    value = decimal_text(price)
    if value is None:
        return None
    per = decimal_text(basis)
    if per is not None and Decimal(per) not in (0, 1):
        value = format((Decimal(value) / Decimal(per)).normalize(), "f")
    return value


def read_ubl(root: Any) -> Extraction:
    from lxml import etree

    credit = etree.QName(root).localname == "CreditNote"
    line_name = "CreditNoteLine" if credit else "InvoiceLine"
    quantity_name = "CreditedQuantity" if credit else "InvoicedQuantity"
    seller = _first(root, "AccountingSupplierParty/Party")
    buyer = _first(root, "AccountingCustomerParty/Party")
    currency = _text(root, "DocumentCurrencyCode")

    def party_name(party: Any) -> str | None:
        return _text(party, "PartyLegalEntity/RegistrationName") or _text(party, "PartyName/Name")

    vat_id = None
    if seller is not None:
        for scheme in seller.xpath(_path("PartyTaxScheme")):
            if _text(scheme, "TaxScheme/ID") in (None, "VAT"):
                vat_id = _text(scheme, "CompanyID")
    tax_amounts = [
        node
        for node in root.xpath(_path("TaxTotal/TaxAmount"))
        if node.get("currencyID") in (None, currency)
    ]
    totals = _first(root, "LegalMonetaryTotal")
    result = Extraction(
        invoice_number=_text(root, "ID"),
        type_code=_text(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode")
        or ("381" if credit else "380"),
        issue_date=_iso(_text(root, "IssueDate")),
        currency=currency,
        seller_name=party_name(seller),
        seller_vat_id=vat_id,
        seller_country=_text(seller, "PostalAddress/Country/IdentificationCode"),
        buyer_name=party_name(buyer),
        buyer_country=_text(buyer, "PostalAddress/Country/IdentificationCode"),
        tax_exclusive_total=money_text(_text(totals, "TaxExclusiveAmount")),
        tax_total=money_text(tax_amounts[0].text) if tax_amounts else None,
        grand_total=money_text(_text(totals, "TaxInclusiveAmount")),
        due_payable=money_text(_text(totals, "PayableAmount")),
    )
    for line in root.xpath(_path(line_name)):
        quantity = _first(line, quantity_name)
        result.line_items.append(
            LineItem(
                description=_text(line, "Item/Name"),
                quantity=decimal_text(quantity.text if quantity is not None else None),
                unit_code=quantity.get("unitCode") if quantity is not None else None,
                unit_price=_unit_price(
                    _text(line, "Price/PriceAmount"), _text(line, "Price/BaseQuantity")
                ),
                amount=money_text(_text(line, "LineExtensionAmount")),
            )
        )
    return _finish(result)


def _iso(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def read_einvoice(data: bytes, name: str) -> Extraction | None:
    """The e-invoice in ``data`` (CII or UBL XML); None when the XML is neither."""
    root = parse_xml(data, name)
    kind = kind_of(root)
    if kind == "cii":
        return read_cii(root)
    if kind == "ubl":
        return read_ubl(root)
    return None


def pdf_attachments(reader: Any) -> list[tuple[str, bytes]]:
    """The XML files attached to a pypdf reader, the standards' names first."""
    found: list[tuple[str, bytes]] = []
    try:
        attachments = reader.attachments
    except Exception:  # noqa: BLE001 - a broken name tree means no usable attachment
        return found
    for filename, contents in attachments.items():
        if not filename.lower().endswith(".xml"):
            continue
        for content in contents:
            found.append((filename, content))
    found.sort(key=lambda pair: pair[0] not in ATTACHMENT_NAMES)
    return found
