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
    rows = [row for record in records for row in rows_from_declaration(record)]
    extra = sorted({k for row in rows for k in row if k not in CSV_COLUMNS})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*CSV_COLUMNS, *extra], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(csv_text(records), encoding="utf-8")
    return path


def _xml_value(tag: str, value: Any) -> str:
    from xml.sax.saxutils import escape

    if isinstance(value, dict):
        inner = "".join(_xml_value(k, v) for k, v in value.items() if v is not None)
        return f"<{tag}>{inner}</{tag}>"
    return f"<{tag}>{escape(str(value))}</{tag}>"


def xml_text(records: list[dict[str, Any]]) -> str:
    """The documented XML layout (docs/formats.md) for canonical records."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<declarations xmlns="urn:clearlane:declaration:1">'
    ]
    for record in records:
        body = []
        for key, value in record.items():
            if value is None:
                continue
            if key == "containers":
                body.append(
                    "<containers>"
                    + "".join(_xml_value("container", c) for c in value)
                    + "</containers>"
                )
            elif key == "items":
                body.append("<items>" + "".join(_xml_value("item", i) for i in value) + "</items>")
            elif key == "attributes":
                body.append(
                    "<attributes>"
                    + "".join(f'<attribute name="{k}">{v}</attribute>' for k, v in value.items())
                    + "</attributes>"
                )
            else:
                body.append(_xml_value(key, value))
        parts.append("  <declaration>" + "".join(body) + "</declaration>")
    parts.append("</declarations>\n")
    return "\n".join(parts)
