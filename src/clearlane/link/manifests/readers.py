"""Manifest readers. Each yields ``(location, original_text, document | None, error | None)``
and never raises on a bad record, only on a file it cannot open.

Normalised transport document (all keys optional except ``document_number``)::

    document_number, document_type, declaration_reference, carrier, vessel_name, vessel_imo,
    voyage, place_of_receipt, port_of_loading, port_of_discharge, departure_date,
    arrival_date, containers [ISO 6346], postal_items [UPU S10], packages, gross_mass_kg,
    goods_description, parties {shipper|consignee|notify: {name, street, city, postcode,
    country, id}}
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clearlane.core.bounds import MAX_INTEGER
from clearlane.core.numbers import is_bool

MAX_RECORD_CHARS = 1_000_000
MAX_DEPTH = 32

Read = tuple[str, str, dict[str, Any] | None, str | None]

# The documented CSV manifest: one row per transport document; lists are ';'-separated.
CSV_COLUMNS = (
    "document_number",
    "document_type",
    "carrier",
    "vessel_name",
    "vessel_imo",
    "voyage",
    "port_of_loading",
    "port_of_discharge",
    "departure_date",
    "arrival_date",
    "containers",
    "postal_items",
    "packages",
    "gross_mass_kg",
    "goods_description",
    "shipper_name",
    "shipper_street",
    "shipper_city",
    "shipper_postcode",
    "shipper_country",
    "shipper_id",
    "consignee_name",
    "consignee_street",
    "consignee_city",
    "consignee_postcode",
    "consignee_country",
    "consignee_id",
    "notify_name",
    "notify_country",
    "notify_id",
)


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level)
    return level


def _s(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\x00", "").strip()
    return text or None


def _num(value: Any) -> float | int | str | None:
    """A number as read; a whole number beyond an ``Integer`` column's range is a float (as
    an int beyond 64 bits it failed the JSON serialiser and the whole file): validation
    quarantines a package count so large, a mass stays a (huge) float. A boolean stays one:
    validation refuses it (``is_bool``) naming the field."""
    if is_bool(value):
        return value
    if value in (None, ""):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) <= MAX_INTEGER:
            return value
        try:
            return float(value)
        except OverflowError:
            return str(value)[:40]  # validation reports it
    if isinstance(value, float):
        return value
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return str(value)  # validation reports it
    return int(number) if number.is_integer() and abs(number) <= MAX_INTEGER else number


def _dcsa_party(party: dict[str, Any] | None) -> dict[str, Any] | None:
    if not isinstance(party, dict):
        return None
    address = party.get("address") or {}
    refs = party.get("taxLegalReferences") or []
    codes = party.get("identifyingCodes") or []
    ident = next((r.get("value") for r in refs if isinstance(r, dict) and r.get("value")), None)
    if ident is None:
        ident = next(
            (
                c.get("partyCode")
                for c in codes
                if isinstance(c, dict) and c.get("codeListName") in ("EORI", "LEI")
            ),
            None,
        )
    street = " ".join(filter(None, [_s(address.get("street")), _s(address.get("streetNumber"))]))
    return {
        "name": _s(party.get("partyName")),
        "street": street or None,
        "city": _s(address.get("city")),
        "postcode": _s(address.get("postCode")),
        "country": _s(address.get("countryCode")),
        "id": _s(ident),
    }


def _dcsa_number(value: Any, field: str, refused: dict[str, Any]) -> float:
    """A DCSA count or weight as a number (0 when absent). A boolean, text that is not a number
    or a number that is not finite is kept in ``refused`` under its field (and counts 0), so
    that validation quarantines the document naming the field (a bare ``int("ten")`` ended in
    "unexpected structure", naming none)."""
    if value is None or value == "":
        return 0.0
    if not is_bool(value):
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            pass
        else:
            if math.isfinite(number):
                return number
    refused.setdefault(field, value)
    return 0.0


def from_dcsa(doc: dict[str, Any]) -> dict[str, Any]:
    """A DCSA eBL 3.0 TransportDocument (the fields customs needs) to the normalised form."""
    transports = doc.get("transports") or {}
    voyages = transports.get("vesselVoyages") or [{}]
    voyage = voyages[0] if isinstance(voyages, list) and voyages else {}
    parties_in = doc.get("documentParties") or {}
    notify = parties_in.get("notifyParties") or []
    parties = {
        "shipper": _dcsa_party(parties_in.get("shipper")),
        "consignee": _dcsa_party(parties_in.get("consignee")),
        "notify": _dcsa_party(notify[0] if isinstance(notify, list) and notify else None),
    }
    containers = [
        _s((e.get("equipment") or {}).get("equipmentReference"))
        for e in doc.get("utilizedTransportEquipments") or []
        if isinstance(e, dict)
    ]
    packages, mass = 0, 0.0
    refused: dict[str, Any] = {}  # what is not a number: validation names the field
    descriptions: list[Any] = []
    for item in doc.get("consignmentItems") or []:
        descriptions += item.get("descriptionOfGoods") or []
        for cargo in item.get("cargoItems") or []:
            count = (cargo.get("outerPackaging") or {}).get("numberOfPackages")
            weight = cargo.get("cargoGrossWeight") or {}
            value = weight.get("value")
            number = _dcsa_number(count, "packages", refused)
            if number.is_integer():
                packages += int(number)
            else:  # 2.5 packages
                refused.setdefault("packages", count)
            kg = _dcsa_number(value, "gross_mass_kg", refused)
            mass += kg * 0.45359237 if weight.get("unit") == "LBR" else kg
    return {
        "document_number": _s(doc.get("transportDocumentReference")),
        "document_type": _s(doc.get("transportDocumentTypeCode")),
        "carrier": _s(doc.get("carrierCode")),
        "vessel_name": _s(voyage.get("vesselName")),
        "vessel_imo": _s(voyage.get("vesselIMONumber")),
        "voyage": _s(voyage.get("carrierExportVoyageNumber")),
        "port_of_loading": _s((transports.get("portOfLoading") or {}).get("UNLocationCode")),
        "port_of_discharge": _s((transports.get("portOfDischarge") or {}).get("UNLocationCode")),
        "departure_date": _s(
            doc.get("shippedOnBoardDate") or transports.get("plannedDepartureDate")
        ),
        "arrival_date": _s(transports.get("plannedArrivalDate")),
        "containers": [c for c in containers if c],
        "packages": refused.get("packages", packages or None),
        "gross_mass_kg": refused.get("gross_mass_kg", round(mass, 3) if mass else None),
        "goods_description": "; ".join(map(str, descriptions))[:2000] or None,
        "parties": {k: v for k, v in parties.items() if v and v.get("name")},
    }


def from_generated(record: dict[str, Any]) -> dict[str, Any]:
    """The generator's ``manifests.jsonl`` record (see docs/generator.md)."""
    means = _s(record.get("transport_means_id"))
    parties = {}
    for role in ("shipper", "consignee", "notify"):
        raw = record.get(role)
        if isinstance(raw, dict) and raw.get("name"):
            parties[role] = {
                k: _s(raw.get(k)) for k in ("name", "street", "city", "postcode", "country", "id")
            }
    containers = [
        str(c.get("number") if isinstance(c, dict) else c) for c in record.get("containers") or []
    ]
    carrier = record.get("carrier")
    number = _s(record.get("bl_number"))
    return {
        "document_number": number,
        "document_type": _s(record.get("document_type")),
        "declaration_reference": _s(record.get("declaration_reference")),
        "carrier": _s(carrier.get("name") if isinstance(carrier, dict) else carrier),
        "vessel_name": _s(record.get("vessel_name")),
        "vessel_imo": means if means and means.startswith("IMO") else None,
        "voyage": _s(record.get("voyage")),
        "place_of_receipt": _s(record.get("place_of_receipt")),
        "port_of_loading": _s(record.get("port_of_loading")),
        "port_of_discharge": _s(record.get("port_of_discharge")),
        "departure_date": _s(record.get("departure_date")),
        "arrival_date": _s(record.get("arrival_date")),
        "containers": containers,
        "postal_items": [number] if record.get("document_type") == "S10" and number else [],
        "packages": _num(record.get("packages")),
        "gross_mass_kg": _num(record.get("gross_mass_kg")),
        "goods_description": _s(record.get("goods_description")),
        "parties": parties,
    }


def _json_records(path: Path) -> Iterator[tuple[str, str, Any]]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for n, line in enumerate(handle, start=1):
                if line.strip():
                    yield f"{path.name}:line {n}", line.rstrip("\n"), None
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = json.loads(text)
    except RecursionError:  # nested past the parser's recursion, far past MAX_DEPTH
        yield f"{path.name}:file", text[:MAX_RECORD_CHARS], f"nested deeper than {MAX_DEPTH}"
        return
    except json.JSONDecodeError as exc:
        yield f"{path.name}:file", text[:MAX_RECORD_CHARS], f"not JSON: {exc}"
        return
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, start=1):
        yield f"{path.name}:record {n}", json.dumps(item, ensure_ascii=False), item


def read_json(path: Path, convert: Any) -> Iterator[Read]:
    for where, original, parsed in _json_records(path):
        if isinstance(parsed, str):
            yield where, original, None, parsed
            continue
        if len(original) > MAX_RECORD_CHARS:
            yield where, original[:MAX_RECORD_CHARS], None, "record too long"
            continue
        item = parsed
        if item is None:
            try:
                item = json.loads(original)
            except RecursionError:
                yield where, original, None, f"nested deeper than {MAX_DEPTH}"
                continue
            except json.JSONDecodeError as exc:
                yield where, original, None, f"not JSON: {exc}"
                continue
        if not isinstance(item, dict):
            yield where, original, None, "not a JSON object"
        elif _depth(item) > MAX_DEPTH:
            yield where, original, None, f"nested deeper than {MAX_DEPTH}"
        else:
            try:
                yield where, original, convert(item), None
            except (TypeError, ValueError, AttributeError) as exc:
                yield where, original, None, f"unexpected structure: {exc}"


def read_dcsa(path: Path) -> Iterator[Read]:
    return read_json(path, from_dcsa)


def read_generated(path: Path) -> Iterator[Read]:
    return read_json(path, from_generated)


def read_csv_manifest(path: Path) -> Iterator[Read]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        unknown = [c for c in header if c not in CSV_COLUMNS]
        if not header:  # an empty file: say so, not "unknown: none"
            yield f"{path.name}:file", "", None, "the file is empty (no header line)"
            return
        if "document_number" not in header or unknown:
            yield (
                f"{path.name}:line 1",
                ",".join(header),
                None,
                f"header must have document_number and only {','.join(CSV_COLUMNS)}; "
                f"unknown: {', '.join(unknown) or 'none'}",
            )
            return
        for row in reader:
            where = f"{path.name}:line {reader.line_num}"
            original = ",".join((row.get(c) or "") for c in header)
            if None in row:
                yield where, original, None, "more fields than the header"
                continue
            parties = {}
            for role in ("shipper", "consignee", "notify"):
                party = {
                    k: _s(row.get(f"{role}_{k}"))
                    for k in ("name", "street", "city", "postcode", "country", "id")
                }
                if party["name"]:
                    parties[role] = party
            doc: dict[str, Any] = {
                c: _s(row.get(c))
                for c in CSV_COLUMNS
                if not c.startswith(("shipper_", "consignee_", "notify_"))
            }
            doc["containers"] = [c for c in (row.get("containers") or "").split(";") if c]
            doc["postal_items"] = [c for c in (row.get("postal_items") or "").split(";") if c]
            doc["packages"] = _num(row.get("packages"))
            doc["gross_mass_kg"] = _num(row.get("gross_mass_kg"))
            doc["parties"] = parties
            yield where, original, doc, None


READERS = {"dcsa": read_dcsa, "csv": read_csv_manifest, "generated": read_generated}
