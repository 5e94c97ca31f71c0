"""Small fixed code lists: Incoterms 2020 and UN/CEFACT Recommendation 19 transport modes."""

from __future__ import annotations

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
