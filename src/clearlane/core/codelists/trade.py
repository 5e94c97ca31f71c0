"""Small fixed code lists: Incoterms 2020, UN/CEFACT Recommendation 19 transport modes and
the UN/ECE Recommendation 20 and 21 unit codes EN 16931 accepts."""

from __future__ import annotations

from importlib import resources

INCOTERMS_2020: frozenset[str] = frozenset(
    {"EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"}
)
SEA_ONLY_INCOTERMS: frozenset[str] = frozenset({"FAS", "FOB", "CFR", "CIF"})

TRANSPORT_MODES: dict[str, str] = {
    "0": "not specified",
    "1": "maritime",
    "2": "rail",
    "3": "road",
    "4": "air",
    "5": "mail",
    "6": "multimodal",
    "7": "fixed transport installation",
    "8": "inland water",
    "9": "not applicable",
}


def _unit_codes() -> frozenset[str]:
    source = resources.files("clearlane.core.codelists") / "data" / "unit-codes.txt"
    return frozenset(source.read_text(encoding="utf-8").split())


# UN/ECE Rec 20 units of measure and Rec 21 package types (X + the Rec 21 code), as EN 16931's
# code list has them (data/SOURCES.md): 'C62', 'H87', 'KGM', 'XBX', ...
UNIT_CODES: frozenset[str] = _unit_codes()
