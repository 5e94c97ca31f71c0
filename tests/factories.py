"""Small builders for valid records; tests override what they are about."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clearlane.frames import finish_frame
from clearlane.ingest.layout import CSV_COLUMNS, rows_from_declaration
from clearlane.selection import SelectionPolicy
from clearlane.selection.policy import Capacity, LaneCapacity

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


#: Selection policies for tests that need every declaration in one lane: ALL_GREEN, no control
#: capacity and no random draw; ALL_RED, every declaration drawn for red.
ALL_GREEN = SelectionPolicy(
    random_share=0.0, capacity=LaneCapacity(red=Capacity(share=0.0), yellow=Capacity(share=0.0))
)
ALL_RED = SelectionPolicy(random_share=1.0, capacity=LaneCapacity(red=Capacity(share=1.0)))


def control_result(reference: str = "DEC-0001", **overrides: Any) -> dict[str, Any]:
    """A compliant documentary control result of ``reference``; ``overrides`` replace fields."""
    return {
        "declaration_reference": reference,
        "control_type": "documentary",
        "selection_reason": "random",
        "outcome": "compliant",
        "severity": "none",
        "extra_duty": 0.0,
        **overrides,
    }


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


def make_frame(n: int = 1500, *, seed: int = 0, days: int = 120) -> pd.DataFrame:
    """Goods items with labels: fraud is likelier for some importers and HS codes, and
    fraudulent items are undervalued against their HS6 peers."""
    rng = np.random.default_rng(seed)
    hs6 = np.array([f"{c:02d}{h:04d}" for c in (61, 62, 84, 85, 94) for h in (1010, 2020, 3030)])
    base_uv = dict(zip(hs6, rng.uniform(2.0, 7.0, len(hs6)), strict=True))
    importers = np.array([f"IMP{i:03d}" for i in range(80)])
    risky = rng.random(len(importers)) < 0.2
    imp_idx = rng.integers(0, len(importers), n)
    codes = rng.choice(hs6, n)
    p = 0.08 + 0.5 * risky[imp_idx] + 0.1 * np.char.startswith(codes.astype(str), "85")
    fraud = (rng.random(n) < p).astype(float)
    mass = np.round(rng.lognormal(4.0, 1.0, n), 1)
    log_uv = np.array([base_uv[c] for c in codes]) + rng.normal(0, 0.3, n) - 1.2 * fraud
    value = np.round(np.exp(log_uv) * mass, 2)
    rate = np.array(
        [{"61": 13.0, "62": 13.0, "84": 8.0, "85": 0.0, "94": 5.0}[c[:2]] for c in codes]
    )
    origin = rng.choice(["CN", "VN", "DE", "US"], n, p=[0.5, 0.2, 0.2, 0.1])
    start = pd.Timestamp("2023-01-01")
    dates = start + pd.to_timedelta(np.sort(rng.integers(0, days, n)), unit="D")
    critical = ((fraud == 1) & (rng.random(n) < 0.08)).astype(float)
    frame = pd.DataFrame(
        {
            "reference": [f"D{i:06d}" for i in range(n)],
            "version": 1,
            "declaration_date": dates,
            "office": rng.choice(["A1", "B2", "C3"], n),
            "declarant_id": rng.choice([f"DCL{i}" for i in range(12)], n),
            "importer_id": importers[imp_idx],
            "seller_id": rng.choice([f"S{i}" for i in range(60)], n),
            "country_dispatch": origin,
            "country_destination": "KR",
            "transport_mode": rng.choice(["1", "4", "5"], n, p=[0.5, 0.4, 0.1]),
            "n_items": 1,
            "n_containers": 0,
            "seq": 1,
            "hs_code": codes,
            "hs6": codes,
            "hs4": np.char.ljust(codes.astype(str), 4).astype(str),
            "hs2": [c[:2] for c in codes],
            "origin_country": origin,
            "net_mass_kg": mass,
            "customs_value": value,
            "duty_rate": rate,
            "duty_amount": np.round(rate / 100 * value, 2),
            "duty_at_stake": np.round(rate / 100 * value, 2),
            "controlled": 1,
            "fraud": fraud,
            "critical": critical,
            "selection_reason": "random",
            "extra_duty": 0.0,
            "attr_tax_type": rng.choice(["A", "C", "F"], n),
        }
    )
    frame["hs4"] = frame["hs6"].str[:4]
    return finish_frame(frame).reset_index(drop=True)


def few_trees(patch: Any) -> None:
    """Cap every booster of the engine at a few trees (``patch``: a pytest MonkeyPatch), for
    tests whose claim is about compiling or serving boosters, not about their quality: the
    compiler then has little to compile."""
    from clearlane.risk import engine as engine_module
    from clearlane.risk import supervised

    patch.setattr(supervised, "ENGINE_PARAMS", {**supervised.ENGINE_PARAMS, "n_estimators": 6})
    patch.setattr(
        engine_module, "CRITICAL_PARAMS", {**supervised.CRITICAL_PARAMS, "n_estimators": 4}
    )
    patch.setattr(supervised, "DECLARED_PARAMS", {**supervised.DECLARED_PARAMS, "n_estimators": 4})
    patch.setattr(supervised, "REVENUE_PARAMS", {**supervised.REVENUE_PARAMS, "n_estimators": 4})


def small_engine_with_every_booster() -> tuple[Any, pd.DataFrame]:
    """A RiskEngine with all four boosters (fraud, declared, critical, revenue), each kept small
    so that compiling them stays quick, and the later rows it was not trained on."""
    import pytest

    from clearlane.risk import train_engine

    frame = make_frame(2000, seed=7, days=160)
    cut = frame["declaration_date"].quantile(0.85)
    patch = pytest.MonkeyPatch()
    few_trees(patch)
    try:
        engine = train_engine(frame[frame["declaration_date"] < cut], seed=0, min_gbdt_positives=20)
    finally:
        patch.undo()
    assert set(engine.boosters()) == {"fraud", "declared", "critical", "revenue"}
    return engine, frame[frame["declaration_date"] >= cut]
