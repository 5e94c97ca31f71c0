"""Party-name and address normalisation for linking.

Customs data write the same trader many ways: "Müller Logistik GmbH & Co. KG",
"MUELLER LOGISTIK GMBH&CO KG", "Logistik Muller GmbH u. Co. KG". Normalisation folds those
to one comparable key while keeping the legal form apart (a legal form says little about
who a trader is, but a different one is weak evidence against a match):

1. transliterate to ASCII (unidecode) and lower-case;
2. fold German umlaut spellings (``ae``/``oe``/``ue`` -> ``a``/``o``/``u``) so that
   "Müller", "Mueller" and "Muller" agree;
3. turn punctuation into spaces, then recognise legal forms across spellings and languages
   (longest phrase first) and replace each with its canonical code;
4. drop filler words ("the", "and", "&", "und", "et") and sort the remaining tokens, so word
   order does not matter (a token set).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

# Canonical legal form -> spellings, written as they look AFTER step 1-3 (lower case, ASCII,
# punctuation turned into spaces). Multi-word spellings are matched as whole token runs.
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "gmbh_co_kg": (
        "gmbh co kg",
        "gmbh and co kg",
        "gmbh u co kg",
        "gmbh und co kg",
        "gmbh cokg",
        "gmbh co kommanditgesellschaft",
    ),
    "gmbh": ("gmbh", "g m b h", "gesellschaft mit beschrankter haftung", "ges m b h", "gesmbh"),
    "ag": ("ag", "aktiengesellschaft"),
    "kg": ("kg", "kommanditgesellschaft"),
    "co_ltd": ("co ltd", "co limited", "company limited", "company ltd", "co ltd co"),
    "ltd": ("ltd", "limited", "ltd co", "pvt ltd", "private limited", "pte ltd"),
    "plc": ("plc", "public limited company"),
    "llc": ("llc", "l l c", "limited liability company"),
    "inc": ("inc", "incorporated", "corp", "corporation"),
    "sa": ("sa", "s a", "societe anonyme", "sociedad anonima", "s a s", "sas"),
    "sarl": ("sarl", "s a r l", "societe a responsabilite limitee"),
    "bv": ("bv", "b v", "besloten vennootschap"),
    "nv": ("nv", "n v", "naamloze vennootschap"),
    "spa": ("spa", "s p a", "societa per azioni"),
    "srl": ("srl", "s r l", "societa a responsabilita limitata", "sl", "s l"),
    "sp_zoo": ("sp z o o", "sp zoo", "spolka z ograniczona odpowiedzialnoscia", "sp z oo"),
    "oy": ("oy", "osakeyhtio"),
    "ab": ("ab", "aktiebolag"),
    "as": ("as", "a s", "aps", "asa"),
    "sro": ("sro", "s r o", "spol s r o"),
    "kft": ("kft",),
    "ooo": ("ooo", "o o o"),
    "lda": ("lda",),
}
FILLER = frozenset({"the", "and", "und", "et", "y", "e", "of", "de", "&"})

_PHRASES: list[tuple[tuple[str, ...], str]] = sorted(
    (
        (tuple(spelling.split()), code)
        for code, spellings in LEGAL_FORMS.items()
        for spelling in spellings
    ),
    key=lambda item: -len(item[0]),
)
_PUNCT = re.compile(r"[^a-z0-9]+")
_UMLAUT = re.compile(r"(?<=[a-z])(ae|oe|ue)")


@dataclass(frozen=True, slots=True)
class NormalisedName:
    key: str  # sorted token set without legal form and filler: the comparison key
    core: str  # tokens in written order without legal form
    legal_form: str  # canonical legal-form codes found, "+"-joined ("" when none)


def fold(text: str) -> str:
    """ASCII, lower case, umlaut spellings folded, punctuation as single spaces."""
    ascii_text = unidecode(text).lower().replace("&", " and ")
    ascii_text = _UMLAUT.sub(lambda m: m.group(1)[0], ascii_text)
    return _PUNCT.sub(" ", ascii_text).strip()


@lru_cache(maxsize=200_000)
def normalise_name(name: str) -> NormalisedName:
    tokens = fold(name).split()
    kept: list[str] = []
    forms: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, code in _PHRASES:
            # A legal form only counts after the first word: "AG Foods" keeps its "AG".
            if i > 0 and tuple(tokens[i : i + len(phrase)]) == phrase:
                forms.append(code)
                i += len(phrase)
                break
        else:
            kept.append(tokens[i])
            i += 1
    words = [t for t in kept if t not in FILLER] or kept
    return NormalisedName(
        key=" ".join(sorted(words)), core=" ".join(words), legal_form="+".join(sorted(set(forms)))
    )


_STREET_TYPES = {
    "street": "st",
    "str": "st",
    "strasse": "st",
    "st": "st",
    "road": "rd",
    "rd": "rd",
    "avenue": "ave",
    "av": "ave",
    "ave": "ave",
    "boulevard": "blvd",
    "blvd": "blvd",
    "place": "pl",
    "pl": "pl",
    "drive": "dr",
    "dr": "dr",
    "lane": "ln",
    "ln": "ln",
    "court": "ct",
    "ct": "ct",
    "crescent": "cres",
    "cres": "cres",
    "circuit": "cct",
    "cct": "cct",
    "square": "sq",
    "sq": "sq",
    "rue": "rue",
    "via": "via",
    "ulica": "ul",
    "ul": "ul",
}


@lru_cache(maxsize=200_000)
def normalise_street(street: str) -> str:
    """Folded street, street types abbreviated ("Strasse" = "Str." = "st"), tokens sorted."""
    text = fold(street)
    # German compounds: "hauptstrasse" -> "haupt st"
    text = re.sub(r"(?<=[a-z])(strasse|str)\b", r" \1", text)
    return " ".join(sorted(_STREET_TYPES.get(t, t) for t in text.split()))


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", unidecode(postcode).upper())


def normalise_city(city: str) -> str:
    return fold(city)
