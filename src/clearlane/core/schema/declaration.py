"""The goods declaration, following WCO Data Model names where it has one (see STANDARDS.md §2).

These models fix the *shape* and normalise spelling (trimmed, upper-case codes). Business rules
that need code lists or several fields at once (HS edition in force, container check digits,
net mass not above gross, ...) live in :mod:`clearlane.core.validation`, which reports every
problem with a reason code instead of stopping at the first.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from clearlane.core.bounds import MAX_INTEGER, MAX_ITEM_SEQ
from clearlane.core.numbers import Int, OptionalFloat, OptionalInt

# Trimming and upper-casing run in pydantic-core (Rust): ingest validates every record, so no
# Python-level validators here but one, on numbers: a boolean is refused (clearlane.core.numbers;
# lax mode read JSON true as 1, strict mode would refuse the text numbers of CSV and XML), about
# 1.5 µs of CPU per three-item declaration. Readers pass absent values as absent, never as ""
# (CSV and XML cells that are empty are dropped by the readers).
Code = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1)] | None
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None
Amount = OptionalFloat
Count = OptionalInt
RequiredCode = Annotated[str, StringConstraints(strip_whitespace=True, to_upper=True)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Party(_Model):
    """A trader: declarant, importer, exporter, seller or courier (WCO DM party classes)."""

    id: Code = None
    name: Text = None
    country: Code = Field(default=None, description="ISO 3166-1 alpha-2")


class GoodsItem(_Model):
    """One goods item (GovernmentAgencyGoodsItem)."""

    seq: Int = Field(ge=1, le=MAX_ITEM_SEQ, description="DE 1/6 item sequence number")
    hs_code: RequiredCode = Field(
        description="DE 6/14 commodity code; the first six digits are the HS subheading"
    )
    description: Text = Field(default=None, description="DE 6/8 goods description")
    origin_country: Code = Field(default=None, description="DE 5/15, ISO 3166-1 alpha-2")
    quantity: Amount = Field(default=None, description="supplementary units, DE 6/2")
    quantity_unit: Code = Field(default=None, description="UN/ECE Rec 20 unit, e.g. NAR, KGM")
    net_mass_kg: Amount = Field(default=None, description="DE 6/1")
    gross_mass_kg: Amount = Field(default=None, description="DE 6/5")
    packages: Count = Field(default=None, le=MAX_INTEGER, description="DE 6/10 number of packages")
    item_value: Amount = Field(default=None, description="DE 4/14 item price, invoice currency")
    customs_value: Amount = Field(default=None, description="customs value, national currency")
    duty_rate: Amount = Field(default=None, description="duty rate in percent")
    duty_amount: Amount = Field(default=None, description="duty assessed, national currency")
    tax_amount: Amount = Field(default=None, description="other taxes (VAT, excise), national")
    valuation_method: Code = Field(default=None, description="DE 4/16, 1 = transaction value")
    preference: Code = Field(default=None, description="DE 4/17, 100 = no preference")

    @property
    def hs6(self) -> str:
        return self.hs_code[:6]


class Declaration(_Model):
    """One goods declaration: header, parties, transport, valuation and its goods items."""

    reference: Annotated[str, StringConstraints(strip_whitespace=True)] = Field(
        min_length=1, max_length=64, description="DE 2/5 LRN or the customs reference (MRN)"
    )
    version: Int = Field(
        default=1, ge=1, le=MAX_INTEGER, description="amendments carry a higher version"
    )
    declaration_date: date
    office: Code = Field(default=None, description="customs office of declaration")
    declaration_type: Code = Field(default=None, description="DE 1/1 + 1/2, e.g. IMA")
    procedure: Code = Field(default=None, description="DE 1/10, e.g. 4000")
    declarant: Party = Field(default_factory=Party, description="DE 3/18 (often a broker)")
    importer: Party = Field(default_factory=Party, description="DE 3/16")
    exporter: Party | None = Field(default=None, description="DE 3/1-3/2")
    seller: Party | None = None
    courier: Party | None = None
    country_dispatch: Code = Field(default=None, description="DE 5/14, ISO 3166-1 alpha-2")
    country_destination: Code = Field(default=None, description="DE 5/8, ISO 3166-1 alpha-2")
    transport_mode: Code = Field(default=None, description="DE 7/4, UN/CEFACT Rec 19 (1 sea..)")
    transport_means_id: Text = Field(default=None, description="DE 7/9, e.g. IMO number")
    transport_nationality: Code = Field(default=None, description="DE 7/15")
    containers: list[RequiredCode] = Field(
        default_factory=list, description="DE 7/10, ISO 6346 container numbers"
    )
    transport_document: Text = Field(default=None, description="bill of lading / air waybill")
    invoice_number: Text = None
    incoterm: Code = Field(default=None, description="DE 4/1, Incoterms 2020")
    incoterm_place: Text = None
    invoice_currency: Code = Field(default=None, description="DE 4/10, ISO 4217")
    invoice_total: Amount = Field(default=None, description="DE 4/11")
    exchange_rate: Amount = Field(default=None, description="DE 4/15, national per invoice unit")
    customs_value: Amount = Field(default=None, description="total customs value, national")
    attributes: dict[str, str] = Field(
        default_factory=dict,
        description="source-specific fields without a WCO name (kept, not interpreted)",
    )
    # Item numbers are unique and at most MAX_ITEM_SEQ, so no declaration has more items.
    items: list[GoodsItem] = Field(min_length=1, max_length=MAX_ITEM_SEQ)

    @property
    def total_duty(self) -> float:
        return sum((i.duty_amount or 0.0) + (i.tax_amount or 0.0) for i in self.items)
