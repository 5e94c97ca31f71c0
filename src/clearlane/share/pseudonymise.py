"""Keyed pseudonymisation of declarations and control results (docs/export.md).

Every identifier that leads back to a trader or a shipment is replaced by a keyed token:
``prefix + the first 20 hex digits (upper case) of HMAC-SHA256(key, domain + NUL + value)``.
The same value gives the same token under one key, so per-trader history features still work
on the export; another key gives unrelated tokens; without the key a token can be neither
reversed nor recomputed (the administration keeps the key and can re-identify by recomputing
tokens over its store).

Which field gets which treatment is one table per record type (:data:`DECLARATION_RULES`,
:data:`PARTY_RULES`, :data:`ITEM_RULES`, :data:`CONTROL_RULES`). A field that is in none of them
(a schema field added later, or a key an older store carries) is removed and counted, never
passed through: a new field is private until someone classifies it.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Collection, Mapping
from enum import StrEnum
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from clearlane.core.validation import iso6346

MIN_KEY_BYTES = 16
TOKEN_HEX_DIGITS = 20  # 80 bits: no collision to speak of below ~10^11 distinct values
# Party ids must fit an EORI (WCO an..17, checked at ingest): "P-" + 15 digits, 60 bits, still
# no collision to speak of below ~10^8 distinct traders.
PARTY_HEX_DIGITS = 15
FINGERPRINT_LABEL = b"clearlane/pseudonymisation-key-fingerprint/v1"
METHOD = "HMAC-SHA256"

# domain (the HMAC input starts with it and a NUL) -> token prefix. All party roles share one
# domain, so a trader who is importer on one declaration and declarant on another keeps one token.
TOKEN_DOMAINS: dict[str, str] = {
    "party-id": "P-",
    "party-name": "N-",
    "declaration-reference": "D-",
    "transport-means-id": "M-",
    "transport-document": "T-",
    "invoice-number": "I-",
}
CONTAINER_DOMAIN = "container"

# Source-specific attributes known to hold codes, not identifiers (the KCS reader's columns).
# Any other attribute is removed unless the caller names it (--keep-attribute).
DEFAULT_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "process_type",
        "import_type",
        "import_use",
        "payment_type",
        "tax_type",
        "origin_indicator",
        "kcs_transport_mode",
    }
)
_LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


class ExportError(Exception):
    """The export cannot run as asked (no key, short key, files in the way, empty period)."""


NO_KEY_MESSAGE = (
    "no pseudonymisation key configured: set CLEARLANE_PSEUDONYMISATION_KEY or pass "
    "--key-file PATH (at least 16 bytes; make one with "
    '`python -c "import secrets; print(secrets.token_hex(32))"`). Keep the key inside the '
    "administration: whoever holds it can re-identify the traders. Nothing was written."
)


def check_key(key: bytes) -> bytes:
    if len(key) < MIN_KEY_BYTES:
        raise ExportError(
            f"the pseudonymisation key is {len(key)} bytes long; at least {MIN_KEY_BYTES} are "
            "needed (a short key can be guessed, which undoes the pseudonymisation). "
            "Nothing was written."
        )
    return key


def load_key(*, key_file: Path | None = None, configured: SecretStr | None = None) -> bytes | None:
    """The key from ``key_file`` (it wins) or from the settings; None when neither is given.

    Surrounding whitespace is stripped from either, so a key file written by ``echo`` or
    ``openssl rand -hex 32 >`` works; the length check comes after stripping.
    """
    if key_file is not None:
        try:
            raw = key_file.read_bytes()
        except OSError as exc:
            raise ExportError(
                f"{key_file}: cannot read the key file: {exc.strerror or exc}. Nothing was written."
            ) from exc
        key = raw.strip()
        if not key:
            raise ExportError(f"{key_file}: the key file is empty. Nothing was written.")
        return check_key(key)
    if configured is not None:
        key = configured.get_secret_value().encode("utf-8").strip()
        return check_key(key) if key else None
    return None


def key_fingerprint(key: bytes) -> str:
    """Names the key in manifests without revealing it: a short hash of an HMAC of a label.

    Two exports with the same fingerprint were made with the same key, so their tokens can be
    joined; the fingerprint says nothing about the key itself.
    """
    mac = hmac.digest(key, FINGERPRINT_LABEL, "sha256")
    return hashlib.sha256(mac).hexdigest()[:16]


class Pseudonymiser:
    """Keyed tokens for identifiers. Holds the key; never prints it."""

    def __init__(self, key: bytes) -> None:
        self._key = check_key(key)
        self.fingerprint = key_fingerprint(key)
        # Traders recur on many declarations: remember their tokens (bounded).
        self.party_token = lru_cache(maxsize=1 << 17)(partial(self.token, "party-id"))

    def __repr__(self) -> str:
        return f"Pseudonymiser(fingerprint={self.fingerprint!r})"

    def _mac(self, domain: str, value: str) -> bytes:
        return hmac.digest(self._key, domain.encode() + b"\x00" + value.encode("utf-8"), "sha256")

    def token(self, domain: str, value: str) -> str:
        """``prefix + 20 hex digits`` (15 for party ids); the domain keeps a trader id and,
        say, an invoice number that happen to be equal from getting equal tokens."""
        prefix = TOKEN_DOMAINS[domain]
        # Upper case: party ids are upper-cased on ingest, so a token survives re-ingestion.
        digits = PARTY_HEX_DIGITS if domain == "party-id" else TOKEN_HEX_DIGITS
        return prefix + self._mac(domain, value).hex()[:digits].upper()

    def container(self, number: str) -> str:
        """A keyed stand-in shaped as an ISO 6346 number (owner, the original category letter,
        serial, a correct check digit), so the export validates and ``n_containers`` and
        same-container links survive. It is not a real container; the manifest says so."""
        mac = self._mac(CONTAINER_DOMAIN, number)
        owner_index = int.from_bytes(mac[:8]) % 26**3
        owner = "".join(chr(65 + (owner_index // 26**p) % 26) for p in (2, 1, 0))
        serial = int.from_bytes(mac[8:16]) % 1_000_000
        category = number[3] if len(number) > 3 and number[3] in "UJZ" else "U"
        first_ten = f"{owner}{category}{serial:06d}"
        return f"{first_ten}{iso6346.check_digit(first_ten)}"


class Rule(StrEnum):
    KEEP = "keep"
    TOKEN = "token"  # keyed token (domain in TOKEN_FIELDS)
    PARTY = "party"  # a trader: PARTY_RULES
    CONTAINERS = "containers"  # keyed ISO 6346-shaped stand-ins
    LOCODE = "locode"  # kept when shaped like a UN/LOCODE, else removed (free text)
    ATTRIBUTES = "attributes"  # allow-list by attribute name
    ITEMS = "items"  # ITEM_RULES
    REMOVE = "remove"


TOKEN_FIELDS: dict[str, str] = {
    "reference": "declaration-reference",
    "declaration_reference": "declaration-reference",
    "transport_means_id": "transport-means-id",
    "transport_document": "transport-document",
    "invoice_number": "invoice-number",
}

DECLARATION_RULES: dict[str, Rule] = {
    "reference": Rule.TOKEN,  # an LRN is chosen by the trader and may embed its id
    "version": Rule.KEEP,
    "declaration_date": Rule.KEEP,
    "office": Rule.KEEP,
    "declaration_type": Rule.KEEP,
    "procedure": Rule.KEEP,
    "declarant": Rule.PARTY,
    "importer": Rule.PARTY,
    "exporter": Rule.PARTY,
    "seller": Rule.PARTY,
    "courier": Rule.PARTY,
    "country_dispatch": Rule.KEEP,
    "country_destination": Rule.KEEP,
    "transport_mode": Rule.KEEP,
    "transport_means_id": Rule.TOKEN,  # a road vehicle's plate is personal data
    "transport_nationality": Rule.KEEP,
    "containers": Rule.CONTAINERS,
    "transport_document": Rule.TOKEN,  # B/L or AWB: leads to the consignee in carrier records
    "invoice_number": Rule.TOKEN,  # the seller's numbering often embeds its name
    "incoterm": Rule.KEEP,
    "incoterm_place": Rule.LOCODE,
    "invoice_currency": Rule.KEEP,
    "invoice_total": Rule.KEEP,
    "exchange_rate": Rule.KEEP,
    "customs_value": Rule.KEEP,
    "attributes": Rule.ATTRIBUTES,
    "items": Rule.ITEMS,
}
PARTY_RULES: dict[str, Rule] = {
    "id": Rule.TOKEN,  # domain party-id
    "name": Rule.REMOVE,  # tokenised (party-name) only when the party has no id
    "country": Rule.KEEP,
}
ITEM_RULES: dict[str, Rule] = dict.fromkeys(
    (
        "seq",
        "hs_code",
        "description",  # goods description: needed for classification models (docs/export.md)
        "origin_country",
        "quantity",
        "quantity_unit",
        "net_mass_kg",
        "gross_mass_kg",
        "packages",
        "item_value",
        "customs_value",
        "duty_rate",
        "duty_amount",
        "tax_amount",
        "valuation_method",
        "preference",
    ),
    Rule.KEEP,
)
_ITEM_KEEP = frozenset(k for k, rule in ITEM_RULES.items() if rule is Rule.KEEP)
CONTROL_RULES: dict[str, Rule] = {
    "declaration_reference": Rule.TOKEN,
    "declaration_version": Rule.KEEP,
    "control_type": Rule.KEEP,
    "selection_reason": Rule.KEEP,
    "outcome": Rule.KEEP,
    "irregularities": Rule.KEEP,
    "severity": Rule.KEEP,
    "extra_duty": Rule.KEEP,
    "penalty": Rule.KEEP,
    "seized_quantity": Rule.KEEP,
    "seized_unit": Rule.KEEP,
    "concealment_method": Rule.KEEP,
    "detection_method": Rule.KEEP,
    "drug_type": Rule.KEEP,
    "drug_form": Rule.KEEP,
    # declared/found values may quote any declaration field (parties, invoice numbers) and
    # notes are free text; irregularities and extra_duty carry the finding in summary
    "findings": Rule.REMOVE,
    "officer": Rule.REMOVE,  # a customs officer is a natural person
    "remarks": Rule.REMOVE,  # free text: names, phone numbers, anything
    "started_at": Rule.KEEP,
    "completed_at": Rule.KEEP,
    "source": Rule.KEEP,
}


# Module-level aliases for the hot loop: attribute access on an Enum class is slow in 3.11.
_KEEP, _TOKEN, _PARTY, _CONTAINERS, _LOCODE_RULE, _ATTRIBUTES, _ITEMS = (
    Rule.KEEP,
    Rule.TOKEN,
    Rule.PARTY,
    Rule.CONTAINERS,
    Rule.LOCODE,
    Rule.ATTRIBUTES,
    Rule.ITEMS,
)


class RecordPseudonymiser:
    """Applies the rule tables to stored records (the JSON dicts), counting what it removes.

    ``removed`` counts values removed per field path (``importer.name``, ``officer``, ...),
    ``attributes_removed`` per attribute name, so the manifest can say exactly what is gone.
    """

    def __init__(self, pseudonymiser: Pseudonymiser, keep_attributes: Collection[str]) -> None:
        self.p = pseudonymiser
        self.keep_attributes = frozenset(keep_attributes)
        self.removed: Counter[str] = Counter()
        self.attributes_removed: Counter[str] = Counter()

    def _party(self, role: str, party: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in party.items():
            if value is None:
                continue
            rule = PARTY_RULES.get(name)
            if rule is _KEEP:
                out[name] = value
            elif rule is _TOKEN:
                out[name] = self.p.party_token(str(value))
            elif name == "name" and party.get("id") is None:
                out[name] = self.p.token("party-name", str(value))
            else:
                unclassified = "" if rule is not None else " (unclassified)"
                self.removed[f"{role}.{name}{unclassified}"] += 1
        return out

    def _fields(
        self, record: dict[str, Any], rules: Mapping[str, Rule], where: str = ""
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in record.items():
            if value is None:
                continue
            rule = rules.get(name)
            if rule is _KEEP:
                out[name] = value
            elif rule is _TOKEN:
                out[name] = self.p.token(TOKEN_FIELDS[name], str(value))
            elif rule is _PARTY and isinstance(value, dict):
                out[name] = self._party(name, value)
            elif rule is _CONTAINERS and isinstance(value, list):
                out[name] = [self.p.container(str(c)) for c in value]
            elif rule is _LOCODE_RULE and isinstance(value, str) and _LOCODE.match(value):
                out[name] = value
            elif rule is _ATTRIBUTES and isinstance(value, dict):
                kept = {}
                for key, attribute in value.items():
                    if key in self.keep_attributes:
                        kept[key] = attribute
                    else:
                        self.attributes_removed[key] += 1
                out[name] = kept
            elif rule is _ITEMS and isinstance(value, list):
                out[name] = [self._item(item, f"{name}.") for item in value]
            else:  # REMOVE, a value of the wrong shape, or a field no table knows
                unclassified = "" if rule is not None else " (unclassified)"
                self.removed[f"{where}{name}{unclassified}"] += 1
        return out

    def _item(self, item: dict[str, Any], where: str) -> dict[str, Any]:
        """Goods items are kept whole (ITEM_RULES is all KEEP): a fast path, same outcome."""
        if item.keys() <= _ITEM_KEEP:
            return {k: v for k, v in item.items() if v is not None}
        return self._fields(item, ITEM_RULES, where)

    def declaration(self, record: dict[str, Any]) -> dict[str, Any]:
        return self._fields(record, DECLARATION_RULES)

    def control(self, record: dict[str, Any]) -> dict[str, Any]:
        return self._fields(record, CONTROL_RULES)


def describe_rules() -> dict[str, Any]:
    """The rule tables as plain data, for the manifest."""
    return {
        "declaration": {k: str(v) for k, v in DECLARATION_RULES.items()},
        "party": {k: str(v) for k, v in PARTY_RULES.items()},
        "goods_item": {k: str(v) for k, v in ITEM_RULES.items()},
        "control_result": {k: str(v) for k, v in CONTROL_RULES.items()},
        "token_domains": {
            **TOKEN_FIELDS,
            "<party>.id": "party-id",
            "<party>.name (only when the party has no id)": "party-name",
            "containers": CONTAINER_DOMAIN,
        },
        "token_prefixes": dict(TOKEN_DOMAINS),
    }
