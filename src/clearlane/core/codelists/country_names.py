"""Country names and codes -> ISO 3166-1 alpha-2: the one resolver of ClearLane.

Party lists (``clearlane.link.countries``) and invoice address lines
(``clearlane.documents.layout``) both read countries through :func:`country_code`, with one
set of data (the names below and pycountry's), and differ only where a :class:`CountryPolicy`
says so (:data:`PARTY_LIST`, :data:`ADDRESS_LINE`).

What is read:

* an ISO 3166 name, official, common or short, via pycountry (``Russian Federation``,
  ``Türkiye``, ``Korea, Republic of``), and with ``languages`` its translations
  (``Deutschland``, ``Belgique``); a name of fewer than four letters is no name;
* a name pycountry does not know, in :data:`ALIASES`: everyday English (``Russia``, ``UK``),
  former official names (``Swaziland``) and the abbreviated forms of the World Bank, the UN
  and sanctions lists (``Congo, Dem. Rep.``, ``Venezuela, RB``, ``Hong Kong SAR, China``);
* spelling variants by exact rules, never a fuzzy search (``Niger`` is not ``Nigeria``,
  ``Dominica`` not ``Dominican Republic``): case, accents and punctuation are ignored, and so
  are spaces (``Viet Nam`` = ``Vietnam``); ``&`` or ``/`` between two words of one name
  (``Bosnia/Herzegovina``, ``Trinidad & Tobago``); a leading ``the`` or ``republic of``
  (``Republic of Niger``); ``St`` for ``Saint``; the comma-inverted form (``Congo,
  Democratic Republic of the``, ``Gambia, The``);
* with ``native`` (party lists, since session 22): a name in another language or script, from
  pycountry's translations into :data:`NATIVE_LANGUAGES` and :data:`NATIVE_ALIASES`
  (``Россия``, ``Україна``, ``Ελλάδα``, ``대한민국``, ``中国``, ``السعودية``, ``Deutschland``,
  ``Magyarország``), read as written (case, spaces and punctuation ignored) or, in Latin
  letters, without accents (``Osterreich``); a name two countries share among them is none;
* with ``codes``: an alpha-2 code, an alpha-3 code or an ISO 3166-1 numeric code;
* with ``historic``: a country that no longer exists (pycountry's ``historic_countries`` and
  :data:`HISTORIC_NAMES`) as its own ISO 3166-3 alpha-3 code (``YUG``, ``SUN``, ``SCG``,
  ``ANT``, ``CSK``, ``DDR``), never a successor's: an entity listed in "Yugoslavia" may be in
  Serbia, Croatia or Slovenia today. Alpha-3 because historic alpha-2 codes were reused
  (``CS`` was Czechoslovakia, then Serbia and Montenegro; ``BY``, ``SK`` are current).

Kosovo is ``XK``: user-assigned in ISO 3166-1, used by the EU, the WCO and the World Bank,
and accepted by :func:`clearlane.core.codelists.is_country` as the rest of ClearLane does.

A name several countries share (:data:`AMBIGUOUS`: ``Congo``, ``Korea``, ``Virgin Islands``,
``CS``) is never reached through a variant (``Congo, The`` is unknown, not ``Congo``). As
written, it is unknown under ``ambiguous="unknown"`` (party lists: a wrong country is
evidence against a true match) and read as ISO 3166's own short name under
``ambiguous="iso"`` (``Congo`` is CG), as invoices always have been.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pycountry
from unidecode import unidecode

from clearlane.core.codelists.countries import is_country

# Names pycountry does not know -> alpha-2 (written in words; read with case, accents,
# punctuation and spaces ignored).
ALIASES: dict[str, str] = {
    # everyday Russian and Ukrainian names (pycountry's are the official ones: 'Российская
    # Федерация', 'Киргизия')
    "Россия": "RU",
    "Росія": "RU",
    "Кыргызстан": "KG",
    # Wales in Welsh, North Macedonia in Macedonian (pycountry's Macedonian has no name
    # of its own) (session 25)
    "Cymru": "GB",
    "Северна Македонија": "MK",
    "Република Северна Македонија": "MK",
    # everyday English
    "Russia": "RU",
    "Turkey": "TR",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "USA": "US",
    "America": "US",
    "UAE": "AE",
    "Emirates": "AE",
    "South Korea": "KR",
    # the two republics' own names in full (pycountry's translations give 'Slovensko',
    # 'Česko')
    "Slovenská republika": "SK",
    "Česká republika": "CZ",
    "Republic of Korea": "KR",
    "North Korea": "KP",
    "DPRK": "KP",
    "Democratic People's Republic of Korea": "KP",
    "Iran": "IR",
    "Islamic Republic of Iran": "IR",
    "Syria": "SY",
    "Burma": "MM",
    "Ivory Coast": "CI",
    "Macedonia": "MK",
    "Czech Republic": "CZ",
    "Holland": "NL",
    "Kosovo": "XK",
    "Palestine": "PS",
    "Vatican": "VA",
    "East Timor": "TL",
    "Laos": "LA",
    "Brunei": "BN",
    # (session 29, invoices25) names in the country's own language on its invoices: Brunei's
    # in Malay, Somalia's in Somali, Vanuatu's in French; and Fiji's old English name. (Every
    # policy reads these, party lists too: a name here needs no NATIVE_ALIASES entry.)
    "Negara Brunei Darussalam": "BN",
    "Soomaaliya": "SO",
    "République de Vanuatu": "VU",
    "Fiji Islands": "FJ",
    # (reviewi14) Laos as French writes it ('RDP Lao': République démocratique populaire),
    # Curaçao in Papiamentu
    "RDP Lao": "LA",
    "Kòrsou": "CW",
    "Føroyar": "FO",  # the Faroe Islands in Faroese
    "Moldova": "MD",
    # (session 32, invoices28) names the islands' own invoices print: Antigua for Antigua and
    # Barbuda (as 'St. Kitts' for Saint Kitts and Nevis), Réunion and Mauritius as French
    # writes them ('La Réunion', 'Île Maurice')
    "Antigua": "AG",
    "La Réunion": "RE",
    "Île de la Réunion": "RE",
    "Île Maurice": "MU",
    # and Saint Helena alone (ISO: 'Saint Helena, Ascension and Tristan da Cunha')
    "Saint Helena": "SH",
    # (session 32, invoices29) the other islands of ISO's SH by their own names, and the
    # Caribbean Netherlands (ISO: 'Bonaire, Sint Eustatius and Saba') by their islands' and
    # their own names in English and Dutch; the Canary Islands, in Spain
    "Ascension Island": "SH",
    "Tristan da Cunha": "SH",
    "Bonaire": "BQ",
    "Sint Eustatius": "BQ",
    "Caribbean Netherlands": "BQ",
    "Caribisch Nederland": "BQ",
    "Canary Islands": "ES",
    "Islas Canarias": "ES",
    "Congo-Kinshasa": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Democratic Republic of the Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of Congo": "CG",
    "Republic of China": "TW",
    "Taiwan": "TW",
    "PR China": "CN",
    "PRC": "CN",
    "US Virgin Islands": "VI",
    "European Union": "EU",
    # former official names
    "Cape Verde": "CV",
    "Swaziland": "SZ",
    "Former Yugoslav Republic of Macedonia": "MK",
    # World Bank (WDI), UN and sanctions-list forms
    "Congo, Dem. Rep.": "CD",
    "Congo, Rep.": "CG",
    "Micronesia": "FM",
    "Micronesia, Fed. Sts.": "FM",
    "Korea, Rep.": "KR",
    "Korea, Dem. People's Rep.": "KP",
    "Korea, Dem. Rep.": "KP",
    "Iran, Islamic Rep.": "IR",
    "Egypt, Arab Rep.": "EG",
    "Venezuela, RB": "VE",
    "Yemen, Rep.": "YE",
    "Lao PDR": "LA",
    "Hong Kong SAR": "HK",
    "Hong Kong SAR, China": "HK",
    "Macao SAR": "MO",
    "Macao SAR, China": "MO",
    # the WTO's names of separate customs territories ("Hong Kong, China" is HK, not China)
    "Hong Kong, China": "HK",
    "Macao, China": "MO",
    "Macau": "MO",
    "Macau SAR": "MO",
    "Macau SAR, China": "MO",
    "Macau, China": "MO",
    "Taiwan, China": "TW",
    "Macedonia, FYR": "MK",
    "West Bank and Gaza": "PS",
}
# Countries that no longer exist, written as lists commonly do -> ISO 3166-3 alpha-3 (added to
# pycountry's historic_countries).
HISTORIC_NAMES: dict[str, str] = {
    "Soviet Union": "SUN",
    "USSR": "SUN",
    "Yugoslavia": "YUG",
    "Federal Republic of Yugoslavia": "YUG",
    "Socialist Federal Republic of Yugoslavia": "YUG",
    "Czechoslovakia": "CSK",
    "East Germany": "DDR",
    "GDR": "DDR",
    "Zaire": "ZAR",
}
# Languages of the translations (pycountry's, from Debian's iso-codes) a party list's country
# may be written in: the register's own language, wherever it trades (session 22, unseen set
# 13). pycountry ships more; these are the languages of customs' registers and lists.
NATIVE_LANGUAGES = (
    "ar", "az", "be", "bg", "bs", "cs", "da", "de", "el", "es", "et", "fa", "fi", "fr", "he",
    "hr", "hu", "hy", "id", "it", "ja", "ka", "kk", "ko", "ky", "lt", "lv", "mk", "mn", "ms",
    "nb_NO", "nl", "nn", "pl", "pt", "pt_BR", "ro", "ru", "sk", "sl", "sq", "sr", "sr@latin",
    "sv", "th", "tk", "tr", "uk", "ur", "uz", "vi", "zh_CN", "zh_HK", "zh_TW",
)  # fmt: skip
# Everyday names the translations lack (they give ISO's names: "Российская Федерация", not
# "Россия"; "대한민국" but not "한국"). Hand-written from common usage (facts, no licence).
NATIVE_ALIASES: dict[str, str] = {
    "Россия": "RU",
    "Росія": "RU",
    "Расія": "RU",
    "Русия": "RU",
    "Ресей": "RU",
    "Казахстан": "KZ",
    "Кыргызстан": "KG",
    "Молдова": "MD",
    "Ελλάς": "GR",
    "한국": "KR",
    "남한": "KR",
    "북한": "KP",
    "조선": "KP",
    "中國": "CN",
    "中华人民共和国": "CN",
    "中華人民共和國": "CN",
    "台灣": "TW",
    "臺灣": "TW",
    "香港": "HK",
    "澳門": "MO",
    "澳门": "MO",
    "الإمارات": "AE",
    "الامارات": "AE",
    "السعودية": "SA",
    "مصر": "EG",
    "العراق": "IQ",
    "سوريا": "SY",
    "ایران": "IR",
    "Türkiye": "TR",
    "Česko": "CZ",
    "Hellas": "GR",
    # session 29 (unseen set 28): Somali, Albanian, Irish and Mongolian names of their
    # countries, which registers write and the translations lack (Somalia's own name,
    # 'Soomaaliya', is in ALIASES: invoices' address lines read it too)
    "Jabuuti": "DJ",
    "Kosova": "XK",
    "Kosovë": "XK",
    "Éire": "IE",
    "Монгол Улс": "MN",
    "Монгол": "MN",
    # review p14 of session 29 (unseen set 29): Nepali, Hindi and Bengali names
    "नेपाल": "NP",
    "भारत": "IN",
    "বাংলাদেশ": "BD",
    # session 30 (unseen set 30, helper parties21): Amharic, Tajik and Albanian names (the
    # translations have "Shqipëri", not the definite "Shqipëria")
    "ኢትዮጵያ": "ET",
    "Тоҷикистон": "TJ",
    "Shqipëria": "AL",
    # session 30 (unseen set 31, review p15): a register's own country in its own scripts
    # where pycountry's translations have none or another ("ไทย", not the everyday
    # "ประเทศไทย", "country Thai"): India in Tamil, Gujarati, Bengali, Telugu, Kannada,
    # Malayalam, Punjabi, Odia; Sri Lanka in Sinhala and Tamil; Thailand, Laos (Lao),
    # Cambodia (Khmer), Myanmar (Burmese) as their registers write them
    "ประเทศไทย": "TH",
    "ราชอาณาจักรไทย": "TH",
    "இந்தியா": "IN",
    "ભારત": "IN",
    "ভারত": "IN",
    "భారతదేశం": "IN",
    "ಭಾರತ": "IN",
    "ഇന്ത്യ": "IN",
    "ਭਾਰਤ": "IN",
    "ଭାରତ": "IN",
    "ශ්‍රී ලංකාව": "LK",
    "இலங்கை": "LK",
    "ລາວ": "LA",
    "ປະເທດລາວ": "LA",
    "ສປປ ລາວ": "LA",
    "កម្ពុជា": "KH",
    "ព្រះរាជាណាចក្រកម្ពុជា": "KH",
    "မြန်မာ": "MM",
}
# Names that mean more than one country (folded).
AMBIGUOUS = frozenset({"congo", "the congo", "korea", "virgin islands", "cs"})


@dataclass(frozen=True)
class CountryPolicy:
    """Where two readers of country names deliberately differ.

    ``codes``: read alpha-2, alpha-3 and numeric codes. ``historic``: read countries that no
    longer exist (as their alpha-3 code). ``ambiguous``: a shared name as written is unknown,
    or ISO 3166's own short name. ``languages``: pycountry translations read besides English
    (English wins a clash). ``native``: names in :data:`NATIVE_LANGUAGES` and their scripts,
    after every other table (:func:`native_code`)."""

    codes: bool = True
    historic: bool = True
    ambiguous: Literal["unknown", "iso"] = "unknown"
    languages: tuple[str, ...] = ()
    native: bool = False


# Trader registers and sanctions lists: a country field holds a code or a name, and a wrong
# country is evidence against a true match, so a shared name is unknown.
PARTY_LIST = CountryPolicy(native=True)
# The last part of an invoice's address line: a name (a short word there is a street, a
# state or a postcode's letters, not a code), in the languages invoices come in; a document
# is current, so no historic country.
ADDRESS_LINE = CountryPolicy(
    codes=False,
    historic=False,
    ambiguous="iso",
    # (Serbian in both scripts, Bulgarian, Macedonian, Mongolian, Croatian, Bosnian, Slovak
    # and Finnish since session 23)
    languages=(
        "de",
        "fr",
        "es",
        "it",
        "nl",
        "pt",
        "pl",
        "sv",
        "da",
        "cs",
        "ru",
        "uk",
        "el",
        "sr",
        "sr@latin",
        "bg",
        "mk",
        "mn",
        "hr",
        "bs",
        "sk",
        "fi",
        # (Lithuanian, Latvian, Estonian and Hungarian since session 24: 'Vokietija',
        # 'Somija', 'Soome', 'Ausztria' after a foreign buyer's address)
        "lt",
        "lv",
        "et",
        "hu",
        # (Albanian, Azerbaijani, Uzbek, Belarusian, Kazakh, Kyrgyz, Icelandic, Filipino and
        # Catalan since session 25: 'Shqipëri', 'Azərbaycan', 'Oʻzbekiston', 'Pilipinas'; not
        # Georgian or Armenian: with no label read in those scripts, a country under the first
        # name on the page made the Georgian buyer, printed above its seller, the letterhead)
        "sq",
        "az",
        "uz",
        "be",
        "kk",
        "ky",
        "is",
        "fil",
        "ca",
        # (Turkish since session 36, review i21: 'Almanya' under a Turkish exporter's buyer)
        "tr",
    ),
)

_FOLD = re.compile(r"[^a-z0-9]+")
_AND = re.compile(r"(?<!\s)\s*[&/]\s*")  # from a run's start only: linear in a run of spaces
_PREFIX = re.compile(r"^(?:the |republic of (?:the )?)")
_SAINT = re.compile(r"\bst\b")
_DOTTED_CODE = re.compile(r"[A-Z](?:\.\s?[A-Z]){1,2}\.?")  # 'U.S.', 'U.S.A.'
_DOTTED = re.compile(r"[.\s]")
_MIN_NAME = 4  # a shorter name is a code or an abbreviation, read only as an alias


def _fold(text: str) -> str:
    """ASCII, lower case, words separated by one space: ``Côte d'Ivoire`` -> ``cote d ivoire``."""
    return _FOLD.sub(" ", unidecode(text).lower()).strip()


def _key(text: str) -> str:
    """A name without spaces or punctuation, the form every table is keyed by (``Viet Nam``
    = ``Vietnam``; ``Bahama's`` = ``Bahamas``). Digits stay: ``US$ 64.00`` is no ``US``."""
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def _invert(text: str) -> str:
    """``Congo, Democratic Republic of the`` -> ``Democratic Republic of the Congo``."""
    head, sep, tail = text.partition(",")
    return f"{tail.strip()} {head.strip()}" if sep and tail.strip() else text


def _variants(text: str) -> list[str]:
    """The folded forms of one country name to look up, the name as written first."""
    first = [_fold(text), _fold(_invert(text))]
    out: list[str] = []
    for base in first + [_fold(_AND.sub(" and ", f)) for f in (text, _invert(text))]:
        for form in (base, _PREFIX.sub("", base), _SAINT.sub("saint", base)):
            if form and form not in out:
                out.append(form)
    return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    return {_key(name): code for name, code in ALIASES.items()}


@lru_cache(maxsize=8)
def _names(languages: tuple[str, ...]) -> dict[str, str]:
    """Every pycountry name of a current country (name, official, common; each also
    comma-inverted), then its translations into ``languages`` -> alpha-2."""
    out: dict[str, str] = {}

    def put(name: str, code: str) -> None:
        key = _key(name)
        if len(key) >= _MIN_NAME:
            out.setdefault(key, code)

    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                put(str(name), str(country.alpha_2))
                put(_invert(str(name)), str(country.alpha_2))
                # (session 32, invoices28) and without ISO's bracketed qualifier, as pages write
                # it: 'Falkland Islands (Malvinas)', 'Sint Maarten (Dutch part)'
                if "(" in str(name):
                    put(re.sub(r"\s*\([^()]*\)", "", str(name)), str(country.alpha_2))
    for lang in languages:  # English spellings win a clash
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                name = getattr(country, attr, None)
                if name:
                    put(translation.gettext(str(name)), str(country.alpha_2))
    return out


@lru_cache(maxsize=1)
def _historic_codes() -> dict[str, str]:
    """Historic countries' codes (alpha-2, alpha-3, alpha-4), upper case -> alpha-3.

    A historic alpha-2 code shared by two of them (``CS``) or by a current country (``BY``)
    is left out."""
    counts: dict[str, int] = {}
    for country in pycountry.historic_countries:
        counts[country.alpha_2] = counts.get(country.alpha_2, 0) + 1
    out: dict[str, str] = {}
    for country in pycountry.historic_countries:
        code = str(country.alpha_3)
        if counts[country.alpha_2] == 1 and not is_country(country.alpha_2):
            out[str(country.alpha_2)] = code
        out[code] = code
        out[str(country.alpha_4)] = code
    return out


@lru_cache(maxsize=1)
def _historic_names() -> dict[str, str]:
    """Historic countries' names (full, inverted, before the comma) -> alpha-3; not a name
    a current country has (``Viet-Nam`` before the comma)."""
    out: dict[str, str] = {}
    current = _names(())
    aliases = _aliases()
    for country in pycountry.historic_countries:
        name = str(country.name)
        for form in (name, _invert(name), name.partition(",")[0]):
            key = _key(form)
            if len(key) >= _MIN_NAME and key not in current and key not in aliases:
                out.setdefault(key, str(country.alpha_3))
    out.update({_key(name): code for name, code in HISTORIC_NAMES.items()})
    return out


def _native_key(text: str) -> str:
    """A name in any script without case, spaces, punctuation or combining marks."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text)  # noqa: PLR2004


@lru_cache(maxsize=1)
def _native_names() -> tuple[dict[str, str], dict[str, str]]:
    """(names as written, Latin ones without accents) -> alpha-2, from the translations into
    :data:`NATIVE_LANGUAGES` and :data:`NATIVE_ALIASES`; a key two countries share is left out
    (Kazakh gives Nepal's name to the Central African Republic too)."""
    written: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}

    def put(name: str, code: str) -> None:
        key = _native_key(name)
        if len(key) >= 2:  # noqa: PLR2004 - "中国", "日本"
            written.setdefault(key, set()).add(code)
        if _latin(name) and len(_key(name)) >= _MIN_NAME:
            folded.setdefault(_key(name), set()).add(code)

    for lang in NATIVE_LANGUAGES:
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True
        )
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                name = getattr(country, attr, None)
                # a shared name is as shared in translation ("Kongo" is either Congo)
                if name and _fold(str(name)) in AMBIGUOUS:
                    continue
                if name and translation.gettext(str(name)) != str(name):
                    put(translation.gettext(str(name)), str(country.alpha_2))
    for name, code in NATIVE_ALIASES.items():
        put(name, code)
    return (
        {k: v.pop() for k, v in written.items() if len(v) == 1},
        {k: v.pop() for k, v in folded.items() if len(v) == 1},
    )


def native_code(value: str) -> str | None:
    """A country's name in another language or script (``Россия``, ``대한민국``, ``Österreich``
    or ``Osterreich``) -> alpha-2, or None."""
    written, folded = _native_names()
    return written.get(_native_key(value)) or folded.get(_key(value))


def is_historic(code: str) -> bool:
    """A key :func:`country_code` gives a country that no longer exists (``YUG``)."""
    return len(code) == 3 and code.upper() in _historic_codes()


@lru_cache(maxsize=8192)
def country_code(value: str, policy: CountryPolicy = PARTY_LIST) -> str | None:
    """One country written any common way -> its alpha-2 code (a historic one: its alpha-3
    code, ``YUG``), or None when unknown or, under ``ambiguous="unknown"``, shared."""
    text = value.strip()
    if not text:
        return None
    written = _fold(text)
    if written in AMBIGUOUS and policy.ambiguous == "unknown":
        return None
    if policy.codes:
        code = _DOTTED.sub("", text) if _DOTTED_CODE.fullmatch(text) else text  # 'U.S.A.'
        if code.isalpha() and len(code) == 2 and is_country(code.upper()):
            return code.upper()
        if code.isalpha() and len(code) == 3:
            current = pycountry.countries.get(alpha_3=code.upper())
            if current is not None:
                return str(current.alpha_2)
    # every variant, so a prefix or comma dropped never reaches a shared name (``Congo, The``)
    keys: list[str] = []
    for form in _variants(text):
        if form not in AMBIGUOUS or form == written:
            key = _key(form)
            if key and key not in keys:
                keys.append(key)
    for table in (_aliases(), _names(policy.languages)):
        for key in keys:
            if key in table:
                return table[key]
    if policy.native and (native := native_code(text)) is not None:
        return native
    if policy.codes and text.isdigit():  # ISO 3166-1 numeric (276)
        found = pycountry.countries.get(numeric=text.zfill(3))
        return str(found.alpha_2) if found is not None else None
    if policy.historic:
        # a code as written ('SU', 'CSXX'), not letters of several words ('U.S.S.R.' is a name)
        if policy.codes and written.upper() in _historic_codes():
            return _historic_codes()[written.upper()]
        historic = _historic_names()
        for key in keys:
            if key in historic:
                return historic[key]
    return None
