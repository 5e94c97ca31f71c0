"""Party spellings on generated manifests: carriers write traders their own way.

Applied to each manifest as it is written (a hook in dataset.py), keyed by the declaration
reference so the rest of the data set is unchanged: the consignee's name is re-spelled in
40 % of manifests (legal form spelled another way, upper case, word order) and its identifier
left off in 50 %; the shipper's name is re-spelled in 40 %. Goods, masses and packages are
untouched, so manifest-vs-declaration discrepancies still mark the planted quantity fraud.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

LEGAL_FORM_SPELLINGS = {
    "B.V.": ["BV", "B V", "b.v."],
    "GmbH": ["GMBH", "G.m.b.H."],
    "Ltd.": ["LTD", "Limited", "LIMITED"],
    "Co., Ltd.": ["CO LTD", "Co Ltd", "COMPANY LIMITED"],
    "Inc.": ["INC", "Incorporated"],
    "A.S.": ["AS", "A S"],
    "S.A.": ["SA", "S A"],
    "Pvt. Ltd.": ["PVT LTD", "Private Limited"],
    "LLC": ["L.L.C."],
}


def respell(name: str, rng: random.Random) -> str:
    for form, spellings in LEGAL_FORM_SPELLINGS.items():
        if name.endswith(" " + form):
            name = f"{name[: -len(form) - 1]} {rng.choice(spellings)}"
            break
    words = name.split()
    if len(words) >= 3 and rng.random() < 0.3:
        words[0], words[1] = words[1], words[0]
    name = " ".join(words)
    return name.upper() if rng.random() < 0.5 else name


def vary_parties(manifest: dict[str, Any], reference: str) -> dict[str, Any]:
    seed = int.from_bytes(hashlib.sha256(f"parties:{reference}".encode()).digest()[:8], "big")
    rng = random.Random(seed)
    out = dict(manifest)
    consignee = dict(out.get("consignee") or {})
    if consignee.get("name") and rng.random() < 0.4:
        consignee["name"] = respell(consignee["name"], rng)
    if consignee.get("id") and rng.random() < 0.5:
        del consignee["id"]
    out["consignee"] = consignee
    shipper = dict(out.get("shipper") or {})
    if shipper.get("name") and rng.random() < 0.4:
        shipper["name"] = respell(shipper["name"], rng)
    out["shipper"] = shipper
    return out
