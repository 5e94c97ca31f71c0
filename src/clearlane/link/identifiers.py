"""Trader identifiers (EORI, VAT, TIN) validated with python-stdnum, reduced to one key.

A trader appears as ``DE136695976`` (VAT) on one document, ``de 136 695 976`` on another and
``GB123456789000`` (an EORI built from the VAT number) on a third. :func:`identifier_key`
reduces each to ``<country><national number>`` so equal keys mean the same registration:

* a number whose country has a VAT scheme in stdnum and that has the VAT number's length must
  pass its check digit (a wrong check digit is rejected, never linked on);
* a GB/XI EORI is ``GB`` + VAT number + ``000``: it reduces to the VAT key;
* other EORIs (``DE`` + up to 15 digits ...) have no check digit: a valid country prefix and
  1-15 letters or digits, at least one a digit other than 0, make them valid, keyed as
  written (``NONE``, ``PENDING``, ``NOT AVAILABLE`` or ``DE000000000`` are placeholders);
* a TIN is checked by the country's stdnum ``tin`` module where there is one;
* a ship's IMO number (``IMO 9387425``, ``IMO No. 9387425``) must pass its check digit and is
  keyed ``IMO`` + its seven digits;
* a number of digits only without a country prefix, of a country stdnum cannot check
  (``301234567`` in UZ, ``4030123456`` in SA), is keyed with the party's country (kind
  ``national``): the same registration where both sides give it in one country;
* a national company register's number (kind ``register``; session 37, 2026-12-07, helper
  parties33, set 49) of the party's country: Russia's OGRN and Ukraine's EDRPOU (their stdnum
  check digits), a UK company number (``08417736``, ``SC384211``) and an Indian CIN
  (``U25209GJ2011PTC065432``) by their registers' formats, which carry no check digit. Like
  Singapore's UEN, China's USCC, Brazil's CNPJ and Mexico's RFC (stdnum's VAT modules of their
  countries) it is read under the names lists write before it ("Unique Entity Number:",
  "Unified Social Credit Code (USCC):", "CIN", "R.F.C. ... (Mexico)", "ИНН", "EDRPOU"), and a
  number valid in the party's own country is the party's even where its first two letters are
  another country's code (the RFC ``TGA980714K28`` is not Togo's, ``SC384211`` not the
  Seychelles'). ``scheme`` names the numbering a key belongs to (``GB:company``, ``RU:inn``):
  two valid numbers of one scheme that differ are two legal persons (resolve).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from stdnum import get_cc_module, imo
from stdnum.exceptions import InvalidChecksum, ValidationError

from clearlane.core.codelists.countries import is_country

_COMPACT = re.compile(r"[\s.\-/]")
_IMO = re.compile(r"^IMO(?:NO|NUMBER|NR)?[:#]?(\d{7})$")
_IMO_PLACEHOLDERS = frozenset({"0000000", "1234567"})
_EORI_BODY = re.compile(r"^[A-Z0-9]{1,15}$")
# An EORI's national part holds a digit other than 0: without one it is a register's
# placeholder that happens to start with a country code ("NONE", "NIL", "PENDING", "NOT
# AVAILABLE", "DE000000000"), which would otherwise be one "trader" for every record carrying it.
_NONZERO_DIGIT = re.compile(r"[1-9]")
# A label written before the number: "VAT: NL...", "VAT No. DE...", "EORI GB...".
_LABEL = re.compile(
    # (and a register's number named before a colon, "Registration Number: CL745812",
    # "Company No.: 07284519", whose "RE" and "CO" were read as Reunion's and Colombia's;
    # session 36, 2026-12-07, helper parties32, set 47)
    r"^\s*(?:(?:vat|eori|tin|tax|btw|ust|iva|tva|mwst|nif|cif|registration|company|reg)\b"
    r"[\w\s.\-/]{0,20}?[:#]"
    r"|(?:vat|eori|tin|btw|iva|tva)(?:\s*(?:no|number|nr|id|reg(?:istration)?)\b)?\.?\s+(?=[a-z]{2})"
    # a national tax or registry number's name before it, with no colon ("RFC DHG980312AB1",
    # "CNPJ 11.222.333/0001-81", "NIF 000231004567890", "Tax ID 0105551234567"): its first two
    # letters were read as a country ("CNPJ" China, "TRN" Turkey, "NIF" Nicaragua, "NPWP"
    # Nepal) and the number failed that country's check (since 2026-12-05, unseen set 16)
    r"|(?:trn|vkn|npwp|cnpj|cpf|rfc|curp|ntn|ninea|ice|nif|nit|ruc|rut|cuit|tin|nuit|uen"
    r"|tax\s*id|tax\s*no|national\s*id"
    # national company registers' names (session 37, 2026-12-07, helper parties33, set 49):
    # "USCC 9144...", "CIN L15122...", "R.F.C. DAN-...", "EDRPOU 3215...", "ИНН 7701...";
    # "USCC" was read as a US number and "CIN" as Cote d'Ivoire's
    r"|uscc|cin|crn|edrpou|ogrn|r\.f\.c|инн|огрн|(?:код\s+(?:за\s+)?)?(?:єдрпоу|едрпоу)"
    r"|(?:company|corporate|registration|unique\s+entity|unified\s+social\s+credit"
    r"|tax\s+identification)(?:\s+(?:identification|registration|code))?"
    r"\s+(?:no|number|nr|code)"
    # "Reg. No. 201729841K" (its "REGNO" was keyed as Reunion's EORI), "INN RU7801456327" (a
    # country's prefix after the label: "INNRU..." was keyed as India's EORI); the register's
    # abbreviation in brackets after its name, "Company Registration No. (UEN) 201729841 K"
    # (review p24, session 37, 2026-12-07, set 50)
    r"|reg\.?\s*(?:no|number|nr)|inn)"
    r"\.?(?:\s*(?:no|number|nr)\b\.?)?(?:\s*\([^\W\d_]+\))?\s+(?=[a-z]*[\s.\-/]?\d)"
    # any name of two or more letters before a colon, with an abbreviation in brackets
    # ("Unique Entity Number:", "Unified Social Credit Code (USCC):", "CIN:"); not two letters
    # alone, a country's code ("DE: 136695976"), nor "IMO:", which names a ship's number
    r"|(?!imo\b)(?:[^\W\d_]{3,}|[^\W\d_]+(?:[\s.]+[^\W\d_]+)+)\.?\s*(?:\([^\W\d_]+\))?\s*[:#])",
    re.IGNORECASE,
)
# a number a list or register names as another party's, the party's parent's, group's or
# holding company's ("Parent Company Number: 03998215", "Group UEN 199704512C",
# "Registration Number: 199704512C (group)", "UEN of parent: ..."): not the party's own key,
# which would join a subsidiary to its holding or two sister firms (review p24, session 37,
# 2026-12-07, set 50: "HENGYUAN PETROCHEMICAL (ZHOUSHAN)" with its "Parent company USCC:" was
# linked at p 1.000 to the group)
_RELATED = re.compile(
    r"^\s*(?:ultimate\s+)?(?:parent|group|holding|owner|shareholder|affiliate|subsidiary)\b"
    r"|\b(?:of|for)\s+(?:the\s+)?(?:parent|group|holding|owner)\b"
    r"|\(\s*(?:parent|group|holding|owner)(?:\s+company)?\s*\)\s*$",
    re.IGNORECASE,
)
# a label naming a number that is no register's or tax number: a person's passport or
# identity card, a telephone, a ship's radio (MMSI, call sign), a bank's (SWIFT, IBAN, account)
# or a data vendor's (DUNS, LEI). Since parties33 any name before a colon is taken off as a
# register's label, and the number was keyed as the party's country's ("Passport No:
# 45678912" a UK company number, "Phone: 24096157" an EDRPOU; review p24, session 37)
_OTHER_NUMBER = re.compile(
    r"^\s*(?:passport|phone|tel(?:ephone)?|fax|mobile|mmsi|call\s*sign|swift|bic|iban"
    r"|account|acct|d-?u-?n-?s|lei|id\s*card|identity\s*card|driv(?:ing|er'?s?)\s*licen[cs]e"
    r"|social\s*security|ssn)\b",
    re.IGNORECASE,
)
# a country named after the number in brackets, as OFAC writes it ("R.F.C. DAN050312AB0
# (Mexico)"): not part of the number (set 49)
_COUNTRY_AFTER = re.compile(r"\s*\([^\W\d_][^\d()]*\)\s*$")


# A registry's or tax number's name written before it whose first letters are a country's
# code: "CR 4030123456" (a Gulf commercial registration, read as Costa Rica), "MF 1234567/A/M/
# 000" (Tunisia's matricule fiscal, read as Saint-Martin), "CN-1102345" (a licence, read as
# China), "BIN 050840012345" (Kazakhstan's business number, read as Burundi), "INN" (read as
# India), "RC 123456" (a trade register's). A label, not a prefix, where the party's own
# country is another (since 2026-12-06, unseen set 18; set 16's "CR" numbers)
# Also tax numbers' own names: Poland's "NIP" (read as Nicaragua), Viet Nam's "MST" (ma so
# thue, read as Montserrat), Greece's "AFM" (Afghanistan), Czechia's "IČO" (review p13 of
# session 28, unseen set 27: a parent's and its subsidiary's numbers were keyed as EORIs of
# those countries, or none, and never checked)
_WORD_LABEL = re.compile(
    r"^\s*(CR|RC|MF|CN|BIN|INN|NIP|MST|AFM|I[CČ]O)(?:\s*(?:NO|NR|NUMBER)\b)?[\s.:#\-]+(?=\d)",
    re.I,
)
# a number written without its country or label ("301234567", an Uzbek INN on a list's
# identifiers; "050840012345", a Kazakh BIN in a register's field): of the party's country
# when stdnum has no module to check that country's numbers, digits only and at least
# _NATIONAL_DIGITS of them; not a run of one digit or counting ("123456789"), which stand
# for an unknown number
_NATIONAL_DIGITS = 6
_COUNTING = "01234567890"


def _placeholder(digits: str) -> bool:
    return len(set(digits)) == 1 or digits in _COUNTING or digits in _COUNTING[::-1]


def _unlabelled(value: str, country: str | None) -> str:
    """``value`` without a label of _WORD_LABEL whose country is not ``country``."""
    found = _WORD_LABEL.match(value)
    if found and (country or "").upper() != found.group(1)[:2].upper():
        return value[found.end() :]
    return value


@dataclass(frozen=True, slots=True)
class Identifier:
    key: str | None  # None when invalid or empty
    kind: str  # vat, eori, tin, imo, register, national, related, other, empty, invalid
    reason: str = ""
    scheme: str = ""  # "<country>:<numbering>" of a checked key (vat, tin, register)


def _module(cc: str, kind: str) -> object | None:
    try:
        return get_cc_module(cc.lower(), kind)
    except Exception:  # stdnum raises ImportError variants for unknown countries
        return None


# national company registers' numbers, by country: stdnum modules (check digit) beside the
# country's VAT and TIN modules, and formats of registers whose numbers carry no check digit.
# A UK company number: eight digits, or two letters of its register or kind and six digits
# (SC Scotland, NI Northern Ireland, OC/SO/NC limited liability partnerships, LP/SL/NL limited
# partnerships, FC/SF/NF overseas companies, IP/SP/NP societies, RC/SR/NR royal charters, ...);
# an Indian CIN: listed (L) or unlisted (U), the industry's five digits, the state's two
# letters, the year, the company's kind (PTC, PLC, ...) and six digits.
_REGISTER_MODULES: dict[str, tuple[str, ...]] = {"RU": ("ogrn",), "UA": ("edrpou",)}
_REGISTER_FORMATS: dict[str, tuple[str, re.Pattern[str]]] = {
    "GB": (
        "company",
        re.compile(
            r"^(?:\d{8}|(?:SC|NI|OC|SO|NC|LP|SL|NL|FC|SF|NF|GE|IP|SP|NP|IC|SI|RC|SR|NR|ZC|SA"
            r"|SZ|NA|NZ|ES|AC|SE|GS|SG|RS|CE|CS)\d{6})$"
        ),
    ),
    "IN": ("cin", re.compile(r"^[LU]\d{5}[A-Z]{2}(?:19|20)\d{2}[A-Z]{3}\d{6}$")),
}


def _register_number(raw: str, cc: str) -> Identifier | None:
    """``raw`` (compacted, no country prefix) as a number of one of ``cc``'s company registers
    (_REGISTER_MODULES, _REGISTER_FORMATS), or None."""
    for name in _REGISTER_MODULES.get(cc, ()):
        module = _module(cc, name)
        if module is not None:
            ok, bad_check, compact = _check(module, raw)
            if ok:
                return Identifier(f"{cc}{compact}", "register", scheme=f"{cc}:{name}")
            if bad_check:
                return Identifier(None, "invalid", f"{cc} {name.upper()} fails its check digit")
    found = _REGISTER_FORMATS.get(cc)
    if found and found[1].match(raw) and not _placeholder(re.sub(r"\D", "", raw)):
        return Identifier(f"{cc}{raw}", "register", scheme=f"{cc}:{found[0]}")
    return None


def _own_number(raw: str, cc: str) -> Identifier | None:
    """``raw`` whole (its first letters not read as a prefix) as a number of the party's
    country ``cc`` whose check digit or register's format passes: its VAT or TIN (by stdnum)
    or a company register's (set 49: the RFC ``TGA980714K28`` of a Mexican firm)."""
    for kind in ("vat", "tin"):
        module = _module(cc, kind)
        if module is not None:
            ok, _, compact = _check(module, raw)
            if ok:
                return Identifier(f"{cc}{compact}", kind, scheme=f"{cc}:{_name(module)}")
    return _register_number(raw, cc)


def _name(module: object) -> str:
    """A stdnum module's own name ("uen" of stdnum.sg.uen)."""
    return str(getattr(module, "__name__", "")).rsplit(".", 1)[-1]


def _check(module: object, number: str) -> tuple[bool, bool, str]:
    """(valid, checksum_failed, compact) for a stdnum module."""
    try:
        compact = module.validate(number)  # type: ignore[attr-defined]
    except InvalidChecksum:
        return False, True, number
    except ValidationError:
        return False, False, number
    return True, False, str(compact)


# leading zeros a spreadsheet drops from a number ("4127735" of the UK company number
# 04127735, "131305" of the EDRPOU 00131305, "4252011000110" of the CNPJ 04.252.011/0001-10):
# put back, at most this many, where the number then passes its scheme's check digit or, for
# a register without one, its format (review p24, session 37, 2026-12-07, set 50); not where
# the number begins with a zero ("0621773" is a digit short: no zero was dropped)
_DROPPED_ZEROS = 2
#: the kinds of key a check digit or a register's format vouches for (a legal person's number)
CHECKED_KINDS = ("vat", "tin", "register")
# numberings whose first two digits are a region, none of them 00: a Russian INN begins with
# its region's code (01-99: Adygea's "01..." takes back one dropped zero); an 8-digit Russian
# code (OKPO) with "00" before it passed the INN's check digit 1 time in 11 and then parted a
# pair against the firm's real INN
_NO_ZERO_REGION = frozenset({"RU:inn"})


@lru_cache(maxsize=200_000)
def identifier_key(value: str | None, country: str | None = None) -> Identifier:
    """Validate one identifier; ``country`` is used when the value has no country prefix."""
    if _RELATED.search(value or ""):
        return Identifier(None, "related", "another party's number (a parent's or group's)")
    if _OTHER_NUMBER.search(value or ""):
        return Identifier(None, "other", "a number of another kind (passport, phone, ...)")
    text = _COUNTRY_AFTER.sub("", _LABEL.sub("", _unlabelled(value or "", country)))
    raw = _COMPACT.sub("", text.upper())
    found = _key_of(raw, country)
    dropped = raw.isdigit() and not raw.startswith("0")  # a spreadsheet drops them all
    if found.kind not in CHECKED_KINDS and dropped and country and is_country(country.upper()):
        for zeros in range(1, _DROPPED_ZEROS + 1):
            padded = _key_of("0" * zeros + raw, country)
            region_00 = padded.scheme in _NO_ZERO_REGION and (padded.key or "")[2:4] == "00"
            if padded.kind in CHECKED_KINDS and not region_00:
                return padded
    return found


def _key_of(raw: str, country: str | None) -> Identifier:
    """identifier_key of ``raw``, its label taken off and compacted."""
    if not raw:
        return Identifier(None, "empty")
    imo_number = _IMO.match(raw)
    if imo_number:
        # a ship's IMO number, as lists label it ("IMO 9387425", "IMO No. 9387425"): its
        # check digit must pass; it was read as an Isle of Man ("IM") EORI, any digits valid
        digits = imo_number.group(1)
        if digits in _IMO_PLACEHOLDERS:
            # they pass the check digit, and lists write them for an unknown number: as a key
            # they would link every two ships so written
            return Identifier(None, "invalid", "IMO number is a placeholder")
        if imo.is_valid(digits):
            return Identifier(f"IMO{digits}", "imo")
        return Identifier(None, "invalid", "IMO number fails its check digit")
    if len(raw) > 40:
        return Identifier(None, "invalid", "longer than 40 characters")
    prefix, body = raw[:2], raw[2:]
    own = (country or "").upper()
    if prefix.isalpha() and prefix != own and own and is_country(own):
        # letters that begin a number of the party's own country, not another's prefix
        found = _own_number(raw, own)
        if found is not None:
            return found
    if prefix.isalpha() and (is_country(prefix) or prefix in {"EL", "XI"}):
        cc = prefix
    elif country and is_country(country.upper()):
        cc, body = country.upper(), raw
    else:
        return Identifier(None, "invalid", "no country prefix and no known country")
    vat_cc = {"EL": "GR", "XI": "GB"}.get(cc, cc)
    register = _register_number(body, vat_cc)
    if register is not None:
        return register
    vat = _module(vat_cc, "vat")
    if vat is not None:
        if vat_cc == "GB" and len(body) == 12 and body.endswith("000"):
            ok, bad_check, compact = _check(vat, body[:9])
            if ok:
                return Identifier(f"GB{compact}", "eori", scheme="GB:vat")
            if bad_check:
                return Identifier(None, "invalid", "EORI's VAT part fails its check digit")
        ok, bad_check, compact = _check(vat, body)
        if ok:
            return Identifier(f"{vat_cc}{compact}", "vat", scheme=f"{vat_cc}:{_name(vat)}")
        if bad_check:
            return Identifier(None, "invalid", f"{vat_cc} VAT number fails its check digit")
    tin = _module(vat_cc, "tin")
    if tin is not None:
        ok, bad_check, compact = _check(tin, body)
        if ok:
            return Identifier(f"{vat_cc}{compact}", "tin", scheme=f"{vat_cc}:{_name(tin)}")
        if bad_check:
            return Identifier(None, "invalid", f"{vat_cc} TIN fails its check digit")
    if prefix == cc and _EORI_BODY.match(body) and _NONZERO_DIGIT.search(body):
        return Identifier(f"{vat_cc}{body}", "eori")
    if (
        prefix != cc
        and vat is None
        and tin is None
        and body.isdigit()
        and len(body) >= _NATIONAL_DIGITS
        and not _placeholder(body)
    ):
        return Identifier(f"{vat_cc}{body}", "national")
    return Identifier(None, "invalid", f"not a valid {cc} VAT, TIN or EORI")


def first_identifier(value: str | None, country: str | None = None) -> Identifier:
    """One identifier of a field that may list several (``;``-separated, as sanctions lists
    do): the first VAT number or TIN (their check digits passed), else the first other valid
    one (an EORI is valid by shape alone, so ``IMO 1234567`` or ``REG 123`` pass as one), else
    the first one's result."""
    parts = [p for p in (value or "").split(";") if p.strip()]
    if len(parts) <= 1:
        return identifier_key(value, country)
    results = [identifier_key(p, country) for p in parts]
    checked = (r for r in results if r.kind in CHECKED_KINDS)
    return next(checked, next((r for r in results if r.key), results[0]))
