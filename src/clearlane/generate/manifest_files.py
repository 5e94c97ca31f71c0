"""The generator's manifests as the files carriers send, with planted discrepancies.

:func:`write_manifest_files` reads ``manifests.jsonl`` and ``declarations.jsonl`` of a
generated data set (parties already re-spelled by :mod:`.party_variants`) and writes:

* ``manifests-dcsa.json``: the bills of lading (``BL``) as DCSA eBL 3.0 transport documents;
* ``manifests.csv``: the other documents (air waybills, CMR, S10 postal items) in the
  documented CSV manifest layout (``link/manifests/readers.py``);
* ``manifest_plants.csv``: one row per planted discrepancy (``reference, document_number,
  code, field, declared, manifest``), the truth the demo's discrepancy check is scored on.

About ``share`` of the documents disagree with their declaration in one planted way, chosen
among the ones that apply to the document (keyed by the declaration reference, so the same
data set gives the same files):

=====================  ======================================================================
MANIFEST_GROSS_MASS    gross mass multiplied by 1.25-1.6
MANIFEST_PACKAGES      more packages on the document than declared
MANIFEST_CONTAINERS    one container number replaced by another (valid check digit)
MANIFEST_CONSIGNEE     another trader's name and identifier as consignee
MANIFEST_CONSIGNOR     another exporter's name as shipper
MANIFEST_DISPATCH      a port of loading in another country than the declared dispatch (and
                       none of its gateway ports, link/gateways.py)
MANIFEST_ARRIVAL       the arrival 10-30 days after the declaration date
=====================  ======================================================================

The generator's own quantity fraud (declared mass below the manifest's) also shows as
gross-mass or packages discrepancies; it is in ``ground_truth.csv``, not in the plants file.
Each file also gets two bad records for the quarantine (a container or postal item failing
its check digit, a port that is no UN/LOCODE, a date that is none).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from clearlane.core.csvsafe import csv_dict_writer, csv_writer, safe_cell, safe_row
from clearlane.generate.identifiers import container_number
from clearlane.link.codes import MANIFEST_CODES
from clearlane.link.gateways import loading_port_fits

# Every code link.discrepancies raises can be planted (the one list is the link domain's).
PLANT_CODES = MANIFEST_CODES
PLANT_COLUMNS = ("reference", "document_number", "code", "field", "declared", "manifest")
DEFAULT_SHARE = 0.05
# The documented CSV manifest layout (same order as link/manifests/readers.CSV_COLUMNS).
CSV_COLUMNS = (
    "document_number", "document_type", "carrier", "vessel_name", "vessel_imo", "voyage",
    "port_of_loading", "port_of_discharge", "departure_date", "arrival_date", "containers",
    "postal_items", "packages", "gross_mass_kg", "goods_description",
    "shipper_name", "shipper_street", "shipper_city", "shipper_postcode", "shipper_country",
    "shipper_id", "consignee_name", "consignee_street", "consignee_city", "consignee_postcode",
    "consignee_country", "consignee_id", "notify_name", "notify_country", "notify_id",
)  # fmt: skip


@dataclass
class ManifestFiles:
    dcsa: Path
    csv: Path
    plants: Path
    documents: int = 0
    dcsa_documents: int = 0
    csv_documents: int = 0
    bad_records: int = 0
    planted: dict[str, int] = field(default_factory=dict)


_LEGAL_WORDS = frozenset(
    "a as b bv co company corp corporation gmbh inc incorporated limited llc ltd plc private "
    "pvt s sa v".split()
)


def _words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").lower()) if w not in _LEGAL_WORDS}


def _rng(seed: int, reference: str) -> random.Random:
    digest = hashlib.sha256(f"manifest-plant:{seed}:{reference}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _pools(manifests: list[dict[str, Any]]) -> dict[str, list[Any]]:
    consignees = {json.dumps(m["consignee"], sort_keys=True): m["consignee"]
                  for m in manifests if (m.get("consignee") or {}).get("id")}  # fmt: skip
    shippers = sorted({m["shipper"]["name"] for m in manifests if m.get("shipper")})
    ports = sorted({m["port_of_loading"] for m in manifests if m.get("port_of_loading")})
    return {"consignees": [consignees[k] for k in sorted(consignees)], "shippers": shippers,
            "ports": ports}  # fmt: skip


def _applicable(manifest: dict[str, Any], decl: dict[str, Any]) -> list[str]:
    codes = []
    if float(manifest.get("gross_mass_kg") or 0) > 25:
        codes.append("MANIFEST_GROSS_MASS")
    if manifest.get("packages"):
        codes.append("MANIFEST_PACKAGES")
    if manifest.get("containers"):
        codes.append("MANIFEST_CONTAINERS")
    if (decl.get("importer") or {}).get("id"):
        codes.append("MANIFEST_CONSIGNEE")
    if (decl.get("exporter") or {}).get("name") and manifest.get("shipper"):
        codes.append("MANIFEST_CONSIGNOR")
    if decl.get("country_dispatch") and manifest.get("port_of_loading"):
        codes.append("MANIFEST_DISPATCH")
    if manifest.get("arrival_date"):
        codes.append("MANIFEST_ARRIVAL")
    return codes


def plant(manifest: dict[str, Any], decl: dict[str, Any], code: str, rng: random.Random,
          pools: dict[str, list[Any]]) -> tuple[dict[str, Any], list[Any]] | None:  # fmt: skip
    """``manifest`` changed to disagree with ``decl`` on ``code``; with (field, declared,
    manifest) of the plant, or None when no change could be made."""
    out = json.loads(json.dumps(manifest))
    items = decl.get("items") or []
    if code == "MANIFEST_GROSS_MASS":
        out["gross_mass_kg"] = round(float(manifest["gross_mass_kg"]) * rng.uniform(1.25, 1.6), 3)
        declared = round(sum(float(i.get("gross_mass_kg") or 0) for i in items), 3)
        return out, ["gross_mass_kg", declared, out["gross_mass_kg"]]
    if code == "MANIFEST_PACKAGES":
        out["packages"] = int(manifest["packages"]) + rng.randint(1, 1 + int(manifest["packages"]))
        declared = sum(int(i.get("packages") or 0) for i in items)
        return out, ["packages", declared, out["packages"]]
    if code == "MANIFEST_CONTAINERS":
        first = out["containers"][-1]
        owner = str(first["number"] if isinstance(first, dict) else first)[:3]
        number = container_number(owner, rng.randint(0, 999_999))
        out["containers"][-1] = {**first, "number": number} if isinstance(first, dict) else number
        shown = [c["number"] if isinstance(c, dict) else c for c in out["containers"]]
        return out, ["containers", decl.get("containers"), shown]
    if code == "MANIFEST_CONSIGNEE":
        mine = decl.get("importer") or {}
        others = [
            c
            for c in pools["consignees"]
            if c.get("id") != mine.get("id") and c.get("name") != mine.get("name")
        ]
        if not others:
            return None
        out["consignee"] = dict(rng.choice(others))
        return out, ["importer", mine.get("name"), out["consignee"]["name"]]
    if code == "MANIFEST_CONSIGNOR":
        mine = (decl.get("exporter") or {}).get("name")
        # a shipper with no word in common (legal forms aside): surely another party
        others = [s for s in pools["shippers"] if not _words(s) & _words(mine)]
        if not others:
            return None
        out["shipper"] = {**out["shipper"], "name": rng.choice(others)}
        return out, ["exporter", mine, out["shipper"]["name"]]
    if code == "MANIFEST_DISPATCH":
        dispatch = decl["country_dispatch"]
        # a real mismatch: neither the dispatch country's port nor one of its gateways
        ports = [p for p in pools["ports"] if not loading_port_fits(dispatch, p)]
        if not ports:
            return None
        out["port_of_loading"] = rng.choice(ports)
        out["place_of_receipt"] = out["port_of_loading"]
        return out, ["country_dispatch", dispatch, out["port_of_loading"]]
    if code == "MANIFEST_ARRIVAL":
        when = date.fromisoformat(decl["declaration_date"])
        out["arrival_date"] = (when + timedelta(days=rng.randint(10, 30))).isoformat()
        return out, ["declaration_date", decl["declaration_date"], out["arrival_date"]]
    raise ValueError(f"unknown plant code {code!r}")


def _numbers(manifest: dict[str, Any]) -> list[str]:
    return [
        str(c["number"] if isinstance(c, dict) else c) for c in manifest.get("containers") or []
    ]


def _dcsa_party(party: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"partyName": party["name"]}
    if party.get("country"):
        out["address"] = {"countryCode": party["country"]}
    if party.get("id"):
        out["taxLegalReferences"] = [
            {"type": "EORI", "countryCode": party.get("country"), "value": party["id"]}
        ]
    return out


def to_dcsa(manifest: dict[str, Any]) -> dict[str, Any]:
    """One generated manifest as a DCSA eBL 3.0 TransportDocument (the fields customs reads)."""
    carrier = manifest.get("carrier") or {}
    voyage = {"vesselName": manifest.get("vessel_name"),
              "vesselIMONumber": manifest.get("transport_means_id"),
              "carrierExportVoyageNumber": manifest.get("voyage")}  # fmt: skip
    parties: dict[str, Any] = {"shipper": _dcsa_party(manifest["shipper"])}
    if manifest.get("consignee"):
        parties["consignee"] = _dcsa_party(manifest["consignee"])
    return {
        "transportDocumentReference": manifest["bl_number"],
        "transportDocumentTypeCode": "BOL",
        "carrierCode": carrier.get("code") if isinstance(carrier, dict) else carrier,
        "shippedOnBoardDate": manifest.get("departure_date"),
        "transports": {
            "plannedArrivalDate": manifest.get("arrival_date"),
            "portOfLoading": {"UNLocationCode": manifest.get("port_of_loading")},
            "portOfDischarge": {"UNLocationCode": manifest.get("port_of_discharge")},
            "vesselVoyages": [{k: v for k, v in voyage.items() if v}],
        },
        "documentParties": parties,
        "utilizedTransportEquipments": [
            {"equipment": {"equipmentReference": n, "ISOEquipmentCode": "45G1"}}
            for n in _numbers(manifest)
        ],
        "consignmentItems": [
            {
                "descriptionOfGoods": [manifest.get("goods_description") or ""],
                "cargoItems": [
                    {
                        "cargoGrossWeight": {"value": manifest.get("gross_mass_kg"), "unit": "KGM"},
                        "outerPackaging": {
                            "numberOfPackages": manifest.get("packages"),
                            "packageCode": manifest.get("package_type"),
                        },
                    }
                ],  # fmt: skip
            }
        ],
    }


def to_csv_row(manifest: dict[str, Any]) -> dict[str, Any]:
    carrier = manifest.get("carrier") or {}
    means = manifest.get("transport_means_id") or ""
    number = manifest["bl_number"]
    row: dict[str, Any] = {
        "document_number": number,
        "document_type": manifest.get("document_type"),
        "carrier": carrier.get("code") if isinstance(carrier, dict) else carrier,
        "vessel_name": manifest.get("vessel_name"),
        "vessel_imo": means if means.startswith("IMO") else "",
        "voyage": manifest.get("voyage"),
        "port_of_loading": manifest.get("port_of_loading"),
        "port_of_discharge": manifest.get("port_of_discharge"),
        "departure_date": manifest.get("departure_date"),
        "arrival_date": manifest.get("arrival_date"),
        "containers": ";".join(_numbers(manifest)),
        "postal_items": number if manifest.get("document_type") == "S10" else "",
        "packages": manifest.get("packages"),
        "gross_mass_kg": manifest.get("gross_mass_kg"),
        "goods_description": manifest.get("goods_description"),
    }
    for role in ("shipper", "consignee"):
        party = manifest.get(role) or {}
        for key in ("name", "country", "id"):
            row[f"{role}_{key}"] = party.get(key)
    return {c: ("" if row.get(c) is None else row[c]) for c in CSV_COLUMNS}


def _bad_dcsa(good: dict[str, Any]) -> list[dict[str, Any]]:
    bad_container = json.loads(json.dumps(good))
    bad_container["transportDocumentReference"] += "X1"
    bad_container["utilizedTransportEquipments"] = [
        {"equipment": {"equipmentReference": "CSQU3054384"}}  # check digit should be 3
    ]
    bad_port = json.loads(json.dumps(good))
    bad_port["transportDocumentReference"] += "X2"
    bad_port["transports"]["portOfLoading"] = {"UNLocationCode": "SHANGHAI"}
    return [bad_container, bad_port]


def _bad_csv(good: dict[str, Any]) -> list[dict[str, Any]]:
    no_number = dict(good, document_number="", postal_items="RR123456780NL")
    bad_date = dict(good, document_number=f"{good['document_number']}X3",
                    arrival_date="2025-02-30")  # fmt: skip
    return [no_number, bad_date]


def write_manifest_files(dataset_dir: Path, *, out_dir: Path | None = None, seed: int = 0,
                         share: float = DEFAULT_SHARE) -> ManifestFiles:  # fmt: skip
    """Write the DCSA and CSV manifests and the plants file (module docstring)."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share {share} must be in [0, 1]")
    out_dir = out_dir or dataset_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    with (dataset_dir / "manifests.jsonl").open(encoding="utf-8") as handle:
        manifests = [json.loads(line) for line in handle if line.strip()]
    decls: dict[str, dict[str, Any]] = {}
    with (dataset_dir / "declarations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                decls[record["reference"]] = record
    pools = _pools(manifests)
    files = ManifestFiles(
        dcsa=out_dir / "manifests-dcsa.json",
        csv=out_dir / "manifests.csv",
        plants=out_dir / "manifest_plants.csv",
    )
    dcsa_docs: list[dict[str, Any]] = []
    csv_rows: list[dict[str, Any]] = []
    plants: list[list[Any]] = []
    for manifest in manifests:
        reference = manifest.get("declaration_reference") or ""
        decl = decls.get(reference)
        rng = _rng(seed, reference)
        if decl is not None and rng.random() < share:
            codes = _applicable(manifest, decl)
            if codes:
                code = rng.choice(codes)
                planted = plant(manifest, decl, code, rng, pools)
                if planted is not None:
                    manifest, (what, declared, shown) = planted
                    plants.append([reference, manifest["bl_number"], code, what,
                                   json.dumps(declared), json.dumps(shown)])  # fmt: skip
                    files.planted[code] = files.planted.get(code, 0) + 1
        if manifest.get("document_type") == "BL":
            dcsa_docs.append(to_dcsa(manifest))
        else:
            csv_rows.append(to_csv_row(manifest))
    files.documents = len(manifests)
    files.dcsa_documents, files.csv_documents = len(dcsa_docs), len(csv_rows)
    bad_dcsa = _bad_dcsa(dcsa_docs[0]) if dcsa_docs else []
    bad_csv = _bad_csv(csv_rows[0]) if csv_rows else []
    files.bad_records = len(bad_dcsa) + len(bad_csv)
    files.dcsa.write_text(
        json.dumps(dcsa_docs + bad_dcsa, ensure_ascii=False, indent=None), encoding="utf-8"
    )
    with files.csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_dict_writer(handle, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows({c: safe_cell(v) for c, v in row.items()} for row in csv_rows + bad_csv)
    with files.plants.open("w", encoding="utf-8", newline="") as handle:
        writer_plain = csv_writer(handle)
        writer_plain.writerow(PLANT_COLUMNS)
        writer_plain.writerows(safe_row(plant) for plant in plants)
    return files
