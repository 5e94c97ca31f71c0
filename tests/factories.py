"""Small builders for valid records; tests override what they are about."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

from clearlane.ingest.layout import CSV_COLUMNS, rows_from_declaration

BASE: dict[str, Any] = {
    "reference": "DEC-0001",
    "declaration_date": "2025-03-14",
    "office": "NLRTM1",
    "declaration_type": "IMA",
    "declarant": {"id": "BRK1", "name": "Broker One", "country": "NL"},
    "importer": {"id": "IMP1", "name": "Importer One", "country": "NL"},
    "exporter": {"id": "EXP1", "name": "Shenzhen Export Co", "country": "CN"},
    "country_dispatch": "CN",
    "country_destination": "NL",
    "transport_mode": "1",
    "containers": ["CSQU3054383"],
    "incoterm": "FOB",
    "invoice_currency": "USD",
    "invoice_total": 12000.0,
    "exchange_rate": 0.92,
    "items": [
        {
            "seq": 1,
            "hs_code": "85171300",
            "description": "smartphones",
            "origin_country": "CN",
            "quantity": 100,
            "quantity_unit": "NAR",
            "net_mass_kg": 25.0,
            "gross_mass_kg": 30.0,
            "item_value": 12000.0,
            "customs_value": 11040.0,
            "duty_rate": 0.0,
            "duty_amount": 0.0,
            "tax_amount": 2318.4,
        }
    ],
}


def declaration(reference: str = "DEC-0001", **overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["reference"] = reference
    for key, value in overrides.items():
        data[key] = value
    return data


def item(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE["items"][0])
    data.update(overrides)
    return data


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def csv_text(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for record in records:
        for row in rows_from_declaration(record):
            writer.writerow(row)
    return buffer.getvalue()


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(csv_text(records), encoding="utf-8")
    return path
