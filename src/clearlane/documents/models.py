"""What extraction returns: the EN 16931 fields a customs check needs, with their evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Source = Literal["xml", "text", "ocr"]

HEADER_FIELDS = (
    "invoice_number",
    "type_code",
    "issue_date",
    "currency",
    "seller_name",
    "seller_vat_id",
    "seller_country",
    "buyer_name",
    "buyer_country",
    "tax_exclusive_total",
    "tax_total",
    "grand_total",
    "due_payable",
)
LINE_FIELDS = ("description", "quantity", "unit_code", "unit_price", "amount")


class Evidence(BaseModel):
    """Where a value was read: ``box`` is (x0, y0, x1, y1) as fractions of the page's width
    and height from its top-left corner (None for values read from XML)."""

    model_config = ConfigDict(extra="forbid")

    source: Source
    page: int | None = None  # 1-based
    box: tuple[float, float, float, float] | None = None
    confidence: float = Field(ge=0, le=1)


class LineItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str | None = None
    quantity: str | None = None
    unit_code: str | None = None
    unit_price: str | None = None
    amount: str | None = None


class Extraction(BaseModel):
    """One invoice as read. A field that was not found is None (never guessed); amounts and
    quantities are decimal strings, dates ISO 8601, currency ISO 4217, countries ISO 3166."""

    model_config = ConfigDict(extra="forbid")

    invoice_number: str | None = None
    type_code: str | None = None  # UNTDID 1001: 380 invoice, 381 credit note, ...
    issue_date: str | None = None
    currency: str | None = None
    seller_name: str | None = None
    seller_vat_id: str | None = None
    seller_country: str | None = None
    buyer_name: str | None = None
    buyer_country: str | None = None
    tax_exclusive_total: str | None = None
    tax_total: str | None = None
    grand_total: str | None = None
    due_payable: str | None = None
    line_items: list[LineItem] = Field(default_factory=list)
    # "invoice_number", ..., and "line_items[0].amount" for line fields.
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    file: str | None = None
    method: Source | None = None  # the first source used
    pages: int = 0
    seconds: float = 0.0

    def fields(self) -> dict[str, str | None]:
        return {name: getattr(self, name) for name in HEADER_FIELDS}
