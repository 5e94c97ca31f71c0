"""Goods descriptions too vague to classify ("GOODS AS PER INVOICE", "SAMPLES", "PARTS").

An insufficient goods description is a customs risk in its own right (WCO guidance on goods
descriptions: a declaration must describe the goods precisely enough to identify and classify
them), but "the description does not fit its HS code" is the wrong words for it: the
description fits no code. So the check names it separately, ``HS_DESCRIPTION_VAGUE``.

**Rule.** A description is vague when it contains at least one word and **no content word**:
every word is a function word (``as``, ``per``, ``of``), a unit or packing abbreviation
(``pcs``, ``kg``, ``ctn``) or a *generic trade word* (:data:`GENERIC_WORDS`), a word that says
how goods are traded, shipped, packed or meant (goods, merchandise, products, items, samples,
gifts, parts, accessories, consumer, general, various, invoice, personal effects...), not what
they are. Words are compared lower-cased with a plural reduced to the singular; punctuation
and numbers, with or without a unit ("500ml", "6x"), are ignored, but a code mixing letters
and digits ("x520", "ps5") is a content word (a model or part number identifies goods). One
content word is enough not to be vague: "brake parts", "fabric samples" and a brand name the
HS model does not know ("bazuka") are left to the HS check, since an unknown word may well
identify the goods to an officer.

The list holds word classes, not descriptions: it was written from what such words are, and
measured afterwards on the HMRC pairs (labelled, so classifiable by definition: the rule should
almost never fire on them) and on generated declarations (benchmarks/hs_vague.py, docs/hs.md).
"""

from __future__ import annotations

import re
from functools import cache

#: Words that name no kind of goods: commercial and shipping terms, the purpose or the
#: condition of the goods, and words for "things". Singular forms.
GENERIC_WORDS = frozenset(
    """
    goods good merchandise merchandize item product article commodity thing stuff
    cargo freight shipment consignment parcel package packet lot unit piece
    sample specimen gift present donation souvenir
    part spare accessory component supply material equipment
    consumer general various variety assorted mixed misc miscellaneous sundry sundries
    personal effect belonging household
    invoice proforma pro forma order stock commercial trade export import retail wholesale
    promotional promotion free charge value new used replacement
    """.split()
)

#: Function words, and unit and packing abbreviations (never a content word).
FUNCTION_WORDS = frozenset(
    """
    a an the and or of for as per to in on with without by from at no not nil other others
    see attached list listed enclosed according accordance include including includes
    pc pcs pce ea each qty kg kgs g gr gm lb lbs oz ml l ltr cl cm mm m x nos no
    ctn ctns pkg pkgs plt
    """.split()
)

_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d+")
_QUANTITY = re.compile(r"\d+[a-z]+")  # 500ml, 2kg, 6x, 10pcs (when the letters are a unit)
_TIMES = re.compile(r"x\d{1,2}")  # x2, x12


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _content(token: str) -> str | None:
    """The token if it may name goods: a word that is neither a function nor a generic trade
    word, or a code mixing letters and digits (a model or part number, "x520", "ps5"), but not
    a quantity ("500ml", "6x", "x2")."""
    letters = _NUMBER.sub("", token)
    if not letters:
        return None  # a bare number
    if letters != token:  # letters and digits
        quantity = _QUANTITY.fullmatch(token) and letters in FUNCTION_WORDS
        return None if quantity or _TIMES.fullmatch(token) else token
    word = _singular(token)
    return None if word in FUNCTION_WORDS or word in GENERIC_WORDS else word


@cache
def content_words(description: str) -> tuple[str, ...]:
    """The description's words that may name goods (lower case, singular)."""
    found = (_content(t) for t in _TOKEN.findall(description.lower()))
    return tuple(w for w in found if w is not None)


def is_vague(description: str) -> bool:
    """Whether ``description`` has words but none that names goods (module docstring)."""
    return bool(_WORD.search(description.lower())) and not content_words(description)
