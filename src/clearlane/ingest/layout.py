"""The documented flat layout (CSV, one row per goods item) and its mapping to the canonical shape.

The canonical shape is :class:`clearlane.core.schema.Declaration` as JSON: JSON, JSON Lines and
XML use it directly; the CSV layout flattens it. ``docs/formats.md`` documents all three.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Declaration-level columns: repeated on every item row of a declaration, must agree across them.
HEADER_COLUMNS: dict[str, str] = {
    "reference": "reference",
    "version": "version",
    "declaration_date": "declaration_date",
    "office": "office",
    "declaration_type": "declaration_type",
    "procedure": "procedure",
    "declarant_id": "declarant.id",
    "declarant_name": "declarant.name",
    "declarant_country": "declarant.country",
    "importer_id": "importer.id",
    "importer_name": "importer.name",
    "importer_country": "importer.country",
    "exporter_id": "exporter.id",
    "exporter_name": "exporter.name",
    "exporter_country": "exporter.country",
    "seller_id": "seller.id",
    "seller_name": "seller.name",
    "seller_country": "seller.country",
    "courier_id": "courier.id",
    "country_dispatch": "country_dispatch",
    "country_destination": "country_destination",
    "transport_mode": "transport_mode",
    "transport_means_id": "transport_means_id",
    "transport_nationality": "transport_nationality",
    "containers": "containers",  # ';'-separated ISO 6346 numbers
    "transport_document": "transport_document",
    "invoice_number": "invoice_number",
    "incoterm": "incoterm",
    "incoterm_place": "incoterm_place",
    "invoice_currency": "invoice_currency",
    "invoice_total": "invoice_total",
    "exchange_rate": "exchange_rate",
    "customs_value": "customs_value",
}

# Item-level columns.
ITEM_COLUMNS: dict[str, str] = {
    "item_seq": "seq",
    "hs_code": "hs_code",
    "description": "description",
    "origin_country": "origin_country",
    "quantity": "quantity",
    "quantity_unit": "quantity_unit",
    "net_mass_kg": "net_mass_kg",
    "gross_mass_kg": "gross_mass_kg",
    "packages": "packages",
    "item_value": "item_value",
    "item_customs_value": "customs_value",
    "duty_rate": "duty_rate",
    "duty_amount": "duty_amount",
    "tax_amount": "tax_amount",
    "valuation_method": "valuation_method",
    "preference": "preference",
}

REQUIRED_COLUMNS: tuple[str, ...] = ("reference", "declaration_date", "item_seq", "hs_code")
ATTRIBUTE_PREFIX = "attr_"  # attr_<name> columns go to Declaration.attributes[<name>]
CSV_COLUMNS: tuple[str, ...] = (*HEADER_COLUMNS, *ITEM_COLUMNS)


def is_known_column(name: str) -> bool:
    return name in HEADER_COLUMNS or name in ITEM_COLUMNS or name.startswith(ATTRIBUTE_PREFIX)


def _put(target: dict[str, Any], dotted: str, value: Any) -> None:
    if "." in dotted:
        outer, inner = dotted.split(".", 1)
        target.setdefault(outer, {})[inner] = value
    else:
        target[dotted] = value


def header_from_row(row: Mapping[str, str]) -> dict[str, Any]:
    """The declaration-level part of one CSV row, in the canonical nested shape."""
    header: dict[str, Any] = {}
    for column, dotted in HEADER_COLUMNS.items():
        value = row.get(column)
        if value is None or value == "":
            continue
        if column == "containers":
            header["containers"] = [c for c in (p.strip() for p in value.split(";")) if c]
        else:
            _put(header, dotted, value)
    attributes = {
        k[len(ATTRIBUTE_PREFIX) :]: v
        for k, v in row.items()
        if k is not None and k.startswith(ATTRIBUTE_PREFIX) and v not in (None, "")
    }
    if attributes:
        header["attributes"] = attributes
    return header


def item_from_row(row: Mapping[str, str]) -> dict[str, Any]:
    return {
        field: row[column]
        for column, field in ITEM_COLUMNS.items()
        if row.get(column) not in (None, "")
    }


def rows_from_declaration(decl: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Flatten a canonical declaration dict into CSV rows (used by the generator and exports)."""
    head: dict[str, Any] = {}
    for column, dotted in HEADER_COLUMNS.items():
        if "." in dotted:
            outer, inner = dotted.split(".", 1)
            value = (decl.get(outer) or {}).get(inner)
        else:
            value = decl.get(dotted)
        if column == "containers":
            value = ";".join(value or [])
        head[column] = "" if value is None else value
    for key, value in (decl.get("attributes") or {}).items():
        head[ATTRIBUTE_PREFIX + key] = value
    rows = []
    for item in decl["items"]:
        row = dict(head)
        for column, field in ITEM_COLUMNS.items():
            value = item.get(field)
            row[column] = "" if value is None else value
        rows.append(row)
    return rows
