"""Two parties whose names agree but which are, by what the names say, two legal persons
(session 30, 2026-12-06, helper parties21; unseen set 30 and last session's probes).

Each test here is a reason a pair of names that agree word for word (or nearly) is still two
parties, which no field weight says: ``resolve._cap_other_firm`` counts such a pair's names
as two names (the name's "else" level) and its address as no evidence, as
``resolve._cap_joined_article`` does for its readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from clearlane.link.normalise import (
    FOREIGN_TRADE_WORDS,
    GENERIC_WORDS,
    NUMBER_WORDS,
    PINYIN_TRADE_WORDS,
    SECTOR_OF,
    fold,
    legal_family,
    normalise_name,
    ocr_read,
)
from clearlane.link.scripts import (
    hangul_syllables,
    has_indic,
    is_east_asian,
    is_latin,
    romanise,
    romanise_name,
)

__all__ = [
    "korean_given_names_differ",
    "name_groups",
    "one_name_in_forms",
    "other_form",
    "given_name_other",
    "family_name_slip",
    "other_numbers",
    "other_closed_words",
    "other_compass_points",
    "other_consonant_word",
    "other_trades",
    "one_consonant_apart",
    "trade_look_alikes",
]

# Roman numerals a firm numbers its vehicles and funds with ("Fund II", "Shipping III").
# Not "i" (Polish, Croatian and Czech "and": "Zielińska i Partnerzy"), "v" (Czech "in") nor
# "x" (a letter of codes): a side's "I" counts only against another numeral of the other's
_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "xi": 11, "xii": 12}
# digits up to two: a numbered vehicle ("Lovcen Turist 2", "Comerc Pirineu 2"); a year or a
# longer number ("Tours 2000", "Bank 24") is a name's own word and compared as one
_NUMBER = re.compile(r"\d{1,2}")
# numbers written as words ("Seven Seas" / "7 SEAS": normalise's ABBREVIATIONS read them so)
_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine".split(), 1)}
# ordinals, as words and as figures ("First Gulf" / "1ST GULF" is one firm, "SECOND GULF"
# another; session 34, 2026-12-07, helper parties30)
_ORDINALS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1
    )
}
_ORDINAL_FIGURE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")


_SEPARATORS = re.compile(r"[^\w\s-]+")
# a hyphen between two words of letters ("Twenty-First"), not one of a code ("K-2")
_LETTERS_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


# a name is compared in many pairs (FEBRL 4: 113,814 calls for 10,000 names, 2.8 of the
# linking's 17 s profiled): read once, bounded for a long-running server
@lru_cache(maxsize=1 << 16)
def _numbers(text: str, form: str) -> frozenset[int]:
    """The numbers a name is numbered by, read from the name as written: a word of its own
    ("Fund II", "Turist 2"), not a code's part ("K-2", "K2", "B 2 B", "Q-8": a digit beside
    a single letter is one code, written apart or not)."""
    # (a scan's "5EVEN" is "seven", as the key reads it: set 42's "Seven Seas Navigation" /
    # "5EVEN SEAS NAVIGATION" read 7 against none, so numbered otherwise; session 35)
    read = _SEPARATORS.sub(" ", ocr_read(fold(text)))
    words = _figures(_LETTERS_HYPHEN.sub(" ", read).split())
    found: set[int] = set()
    for n, word in enumerate(words):
        if _code_letter(words, n - 1, -1) or _code_letter(words, n + 1, 1):
            continue
        if word == "ii" and "ii" in form.split("+"):
            continue  # Romania's sole trader "II" (normalise.AMBIGUOUS_FORMS), read as the form
        if word in _ROMAN:
            found.add(_ROMAN[word])
        elif word in _WORDS:
            found.add(_WORDS[word])
        elif word in _ORDINALS:
            found.add(_ORDINALS[word])
        elif figure := _ORDINAL_FIGURE.fullmatch(word):
            found.add(int(figure.group(1)))
        elif _NUMBER.fullmatch(word):
            found.add(int(word))
    return frozenset(found)


def _figures(words: list[str]) -> list[str]:
    """``words`` with numbers and ordinals written as words as figures ("twenty first" ->
    "21st", "twelve" -> "12": normalise.NUMBER_WORDS), as the name's key writes them: "Twenty-
    First Century" and "21ST CENTURY" are numbered alike (session 35, helper parties31)."""
    out: list[str] = []
    n = 0
    while n < len(words):
        pair = " ".join(words[n : n + 2])
        if n + 1 < len(words) and pair in NUMBER_WORDS:
            out.append(NUMBER_WORDS[pair])
            n += 2
            continue
        out.append(NUMBER_WORDS.get(words[n], words[n]))
        n += 1
    return out


def _code_letter(words: list[str], n: int, step: int) -> bool:
    """``words[n]`` is a single letter of a code beside a number ("K-2", "B 2 B"), not one of
    a run of single letters: a dotted or slashed form or initials ("A/S", "S.A.", "P/F",
    "L.P." fold to "a s", "s a", "p f", "l p"; review p15 of session 30: "Fund II A/S" read
    no number, so it parted from "FUND II AS" and joined "FUND III A/S")."""
    if not 0 <= n < len(words) or len(words[n]) != 1 or not words[n].isalpha():
        return False
    far = n + step
    return not (0 <= far < len(words) and len(words[far]) == 1 and words[far].isalpha())


def other_numbers(one: str, other: str, form_one: str = "", form_other: str = "") -> bool:
    """Two names (as written) numbered otherwise: "Indigo Ocean Fund III" / "FUND II", "Delta
    Invest II" / "DELTA INVEST", "Coral Lagoon Shipping II" / "... III": a firm's numbered
    funds, ships' owners, vehicles are siblings at one address, each its own legal person
    (set 30's "Fund III" / "FUND II" at p 0.982 on main). A number on one side only counts
    too: the unnumbered one is the group's parent or first vehicle, as lists write it."""
    mine, theirs = _numbers(one, form_one), _numbers(other, form_other)
    # "I" is no number of its own (Slavic "i" = and), but against the other's "1" it is
    # that one ("Fund I" / "FUND 1"; review p15 of session 30)
    if mine ^ theirs == {1}:
        lone = one if 1 in theirs else other
        return "i" not in _SEPARATORS.sub(" ", fold(lone)).split()
    return mine != theirs


# Liechtenstein's and Switzerland's "Anstalt" (an establishment, a legal person of its own
# kind), which normalise drops as a filler so that a list's "Est." reads as it: against a
# form of a family (an AG, a GmbH) it is another legal person of the same name
_ANSTALT = frozenset({"anstalt"})


# a limited partnership, its general partner a company ("GmbH & Co. KG"), and a plain KG:
# no family of normalise's (the model's legal-form levels do not read it), but against the
# company form it names ("WACHAUER MARILLEN GMBH") another legal person, often that very
# partner (set 31's "... GmbH & Co. KG" / "... GMBH" at 0.966 on lead; review p15)
_LIMITED_PARTNERSHIPS = frozenset({"gmbh_co_kg", "kg"})


def _family(form: str, text: str) -> str:
    if form and set(form.split("+")) <= _LIMITED_PARTNERSHIPS:
        return "limited_partnership"
    family = legal_family(form)
    if family or form:
        return family
    return "anstalt" if _ANSTALT & set(fold(text).split()) else ""


# the forms lists write in English for any country's ("TANAKA SHOJI CO., LTD." for a K.K.,
# "... JSC" for an AO, "PLC" for an Ethiopian private company): a form of another family
# against one of these is a translation as often as another firm, and counts as before
_TRANSLATED = frozenset(
    {"co", "co_ltd", "inc", "jsc", "llc", "llp", "ltd", "plc", "pcl", "cc", "fze", "fzco"}
    | {"fz_llc"}
)


def other_form(form_one: str, text_one: str, form_other: str, text_other: str) -> bool:
    """Both names write a legal form, of two families ("stock" S.A. / AG against "limited"
    S.R.L. / GmbH, a partnership, an Anstalt): one name under two forms is two legal persons
    where both forms exist side by side ("Vaduz Treuhand Anstalt" / "VADUZ TREUHAND AG" at p
    0.998, "Frigorifico del Sur SAIC" / "... SRL" at 0.985 on main: the form's "else" level,
    -3.4 bits, weighs less than the name). Two forms of one family ("GmbH" / "SARL", "AG" /
    "SA": one Swiss form in two languages), a form within the other ("Oy" / "OY AB") and an
    English form (_TRANSLATED) are one firm's as often as not: those are kept."""
    forms_one, forms_other = set(form_one.split("+")), set(form_other.split("+"))
    if (forms_one | forms_other) & _TRANSLATED:
        return False
    one, other = _family(form_one, text_one), _family(form_other, text_other)
    return bool(one and other and one != other and not forms_one & forms_other)


def other_trades(one: list[str], other: list[str]) -> bool:
    """Two names whose words each side has alone are all trade words of other sectors
    ("Quanzhou Minfeng Xieye" (shoes) / "QUANZHOU MINFENG TEXTILE", "Wenzhou Dongfang Fuzhuang"
    (garment) / "... SHOES"): the group's firms of two trades, which the town and the name's
    other words cannot tell apart (p 0.957 and 0.912 on main). resolve.cap_location already
    takes the address from such sisters; their names still agreed in every other word."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    sectors = _sectors()
    if not own_one or not own_other or not (own_one | own_other) <= sectors.keys():
        return False
    return not {sectors[w] for w in own_one} & {sectors[w] for w in own_other}


@cache
def _sectors() -> dict[str, str]:
    """Each sector word (normalise.SECTOR_OF) as a name's key writes it ("shoes" is "shos",
    the "oe" read as an umlaut's) -> its group; a pinyin or other trade word a name also
    keeps untranslated ("xieye", "fuzhuang": the name's other spelling) -> its English's."""
    out = dict(SECTOR_OF)
    for foreign, english in {**PINYIN_TRADE_WORDS, **FOREIGN_TRADE_WORDS}.items():
        if " " not in foreign and english in SECTOR_OF:
            out[foreign] = SECTOR_OF[english]
    for word, group in SECTOR_OF.items():
        key = normalise_name(word).key
        if key and " " not in key:
            out.setdefault(key, group)
    return out


# --- Trade words one or two letters apart ----------------------------------------------------
# Words of trade that the customs nomenclature does not write (it has "tyres", "hoses",
# "mining", "parking", not these): services, the American spellings, a firm's premises
_TRADE_WORDS_BESIDE_HS = frozenset(
    """
    marina marinas minting mint house houses tire tires feed feeds elastic elastics medal
    medals catering caterers cleaning leasing rentals rental storage stores store shop shops
    mart depot centre center works studio studios pharmacy bakery brokers brokerage
    printers painters packers movers towing salvage dredging drilling mills
    """.split()
)
_NOT_ENGLISH = frozenset({"gida", "kimya", "tekstil", "lojistik", "logistik", "insaat"})
# words that say a trade in a firm's name (not any word of goods: "White", "Hand")
_TRADE_NAMES_WORDS = (
    frozenset(GENERIC_WORDS) | frozenset(SECTOR_OF) | _TRADE_WORDS_BESIDE_HS
) - _NOT_ENGLISH
_LOOK_ALIKE_EDITS = 2  # edits (OSA) up to which two words were read as one word's typo
_LOOK_ALIKE_LETTERS = 4  # shorter words are syllables of names as often ("Tin" / "TAN")
# British and American spellings, and a plural, written one way: "tyres" / "tires", "fibre"
# / "fiber", "colour" / "color", "aluminium" / "aluminum", "jewellery" / "jewelry"
_ONE_SPELLING = (
    (re.compile(r"(?:ies)$"), "y"),
    (re.compile(r"(?<=[^s])s$"), ""),
    (re.compile(r"yre"), "ire"),
    (re.compile(r"our"), "or"),
    (re.compile(r"(?<=[^aeiou])re$"), "er"),
    (re.compile(r"ise$"), "ize"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ium$"), "um"),
    (re.compile(r"ellery$"), "elry"),
    (re.compile(r"(.)\1"), r"\1"),
)


def _one_spelling(word: str) -> str:
    for pattern, written in _ONE_SPELLING:
        word = pattern.sub(written, word)
    return word


@cache
def _trade_vocabulary() -> frozenset[str]:
    """Words of trade: every word of the HS nomenclature's texts (2017 and 2022 editions,
    clearlane.core.codelists: what goods are called), the trade and sector words the linker
    knows (normalise.GENERIC_WORDS, SECTOR_OF) and a few of services (above), each also as a
    name's key writes it ("shoes" is "shos")."""
    from clearlane.core.codelists.hs import get_edition

    words: set[str] = set(GENERIC_WORDS) | set(SECTOR_OF) | _TRADE_WORDS_BESIDE_HS
    # (not the Turkish and German sector words: "Lojistik" / "LOGISTICS" is one word in two
    # languages, "Tekstil" / "TEXTILE" too)
    words -= _NOT_ENGLISH
    for year in (2017, 2022):
        for text in get_edition(year).descriptions.values():
            words.update(re.findall(r"[a-z]+", fold(text)))
    keys = {normalise_name(w).key for w in words if re.search(r"[aou]e|ue", w)}
    return frozenset(w for w in words | keys if len(w) >= _LOOK_ALIKE_LETTERS and " " not in w)


# endings that make one word's forms ("Industries" / "INDUSTRIAL", "Trading" / "TRADERS",
# "Engineering" / "ENGINEERS", "Construction" / "CONSTRUCTORS"): one trade, written two ways
_WORD_ENDINGS = frozenset(
    """
    s es ies y al ial ials ing ings er ers or ors ic ics ical ion ions ive ment ments ry ery
    ries eries ist ists age ages
    """.split()
) | {""}
_STEM_LETTERS = 4  # letters of a stem the endings above are added to
# words of a group, not of a trade: "Orient Group" / "ORIENT HOLDINGS", "Kim Brothers" /
# "KIM SONS" name one family's or group's firms as often as not
_GROUP_WORDS = frozenset(
    {"group", "holding", "holdings", "sons", "brothers", "partners", "company", "corporation"}
)


def _stems(word: str) -> set[str]:
    """A word's stems under _WORD_ENDINGS, as English writes them: a final "e" dropped
    before an ending of a vowel ("trade" / "trading", "mine" / "mining", "store" / "storage",
    "commerce" / "commercial") and a final consonant doubled ("ship" / "shipping"); session
    33, 2026-12-07, helper reviewp19 (the stems were written out letter for letter, so
    "Pennine Trade" / "PENNINE TRADING" read as two trades: p 0.895 on main, 0.001 on lead)."""
    out = set()
    for ending in _WORD_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        out.add(stem)
        if ending[:1] in set("aeiou"):
            out.add(stem + "e")
            if len(stem) > 1 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                out.add(stem[:-1])
    return {stem for stem in out if len(stem) >= _STEM_LETTERS}


def _forms_of_one_word(a: str, b: str) -> bool:
    """One stem of four letters or more, each word it with an ending of _WORD_ENDINGS."""
    return bool(_stems(a) & _stems(b))


_VOWELS = frozenset("aeiou")


def _one_sound(a: str, b: str) -> bool:
    """Two words alike but for "t" / "d" between two vowels, one sound in English ("metal" /
    "medal", "metals" / "MEDALS"): a list written from a call or a dictation writes one for
    the other (set 40's "Golden Metal Works" / "GOLDEN MEDAL WORKS", one street number:
    linked on main, capped on lead; session 33, 2026-12-07, helper reviewp19)."""
    if len(a) != len(b):
        return False
    apart = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(apart) != 1:
        return False
    (n,) = apart
    return (
        {a[n], b[n]} == {"t", "d"}
        and 0 < n < len(a) - 1
        and a[n - 1] in _VOWELS
        and a[n + 1] in _VOWELS
    )


def _number_forms(word: str) -> set[str]:
    """A word, its plural and its singular ("paint", "paints"): a trade says itself in
    either."""
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return {word, single, single + "s"}


# endings that make a material's imitation or its additive of it, another good than it
# ("leatherette", HS 3921/5903: plastics or textiles; "plasticizer", a chemical of HS 38)
_MATERIAL_ENDINGS = frozenset({"ette", "ettes", "oid", "oids", "izer", "izers", "iser", "isers"})
# words that, joined after a trade word, name its premises, its make or its goods as one
# firm writes them ("Steelworks", "Glassware", "Foodstuff", "Papermills", "Cottonhouse")
_SAME_TRADE_TAILS = frozenset(
    """
    works work ware wares stuff stuffs house houses mill mills shop shops store stores mart
    tech line lines land world point craft crafts plus
    """.split()
)
_TAIL_LETTERS = 4  # a trade word's tail shorter than this is an ending or a syllable


def _compound_trade(a: str, b: str) -> bool:
    """One trade word and that word with another joined after it, each naming its own good:
    "Leather" / "LEATHERETTE", "Paper" / "PAPERBOARD", "Cotton" / "COTTONSEED", "Rubber" /
    "RUBBERWOOD", "Plastic" / "PLASTICIZER" (set 42's "Crescent Leather Goods" /
    "CRESCENT LEATHERETTE GOODS" at p 0.96, set 45's two; session 35, 2026-12-07, helper
    parties31). Not a word's forms ("Ambers", "Traders": _WORD_ENDINGS) nor a tail of the
    same trade (_SAME_TRADE_TAILS: "Steel" / "STEELWORKS")."""
    short, long = sorted((a, b), key=len)
    tail = long[len(short) :]
    vocabulary = _trade_vocabulary()
    if short not in vocabulary or tail in _WORD_ENDINGS or _forms_of_one_word(a, b):
        return False
    # (the trade word's last consonant doubled before the ending: "Metal" / "METALLOID",
    # "Metallizer"; review p22, session 35, set 46: p 0.93 on lead)
    if tail in _MATERIAL_ENDINGS or (tail[:1] == short[-1:] and tail[1:] in _MATERIAL_ENDINGS):
        return True
    return len(tail) >= _TAIL_LETTERS and tail in vocabulary and tail not in _SAME_TRADE_TAILS


def trade_look_alikes(one: list[str], other: list[str]) -> bool:
    """Two firms' names alike but in one word each side, both words of trade
    (_trade_vocabulary) and not one word's forms: "Marine Parts" / "MARINE PAINTS", "Coral
    Bay Marine" / "MARINA", "Global Mining" / "MINTING", "Nippon House" / "NIPPON HOSE" (one
    or two letters apart), "Coffee Roasters" / "COFFEE TRADERS": two trades, so two firms,
    not a typo nor one name written two ways (sets 11 and 35-39: p 0.93-0.99 on main,
    Jaro-Winkler and the firm-word rules reading one edit as a typo; session 33, 2026-12-07,
    helper parties27). A typo is no word ("MINNING", "SHIPING") and stays one; so do one
    word's forms (a plural, "Industries" / "INDUSTRIAL", "Trading" / "TRADERS"), its British
    and American spellings ("Tyres" / "TIRES"), one trade written two ways (SECTOR_OF) and,
    more than two letters apart, the words of a group (_GROUP_WORDS)."""
    from rapidfuzz.distance import OSA

    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    (a,), (b,) = own_one, own_other
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < _LOOK_ALIKE_LETTERS:
        return False
    if _one_spelling(a) == _one_spelling(b):
        return False
    if a.startswith(b) or b.startswith(a):
        return _compound_trade(a, b)
    if _forms_of_one_word(a, b) or _one_sound(a, b):
        return False
    sectors = _sectors()
    if a in sectors and sectors[a] == sectors.get(b):
        return False
    # more than two letters apart, one of them a word that says a trade: two dictionary
    # words alone are as often a name word replaced ("White" / "HAND Kade Foods", a
    # surname FEBRL 4's duplicates replace: one party there)
    # (a plural on one side only is no letter apart: "Parts" / "PAINT" as "Part" / "PAINTS")
    forms = _number_forms(a) | _number_forms(b)
    edits = min(OSA.distance(a, b), OSA.distance(_one_spelling(a), _one_spelling(b)))
    if edits > _LOOK_ALIKE_EDITS and ({a, b} & _GROUP_WORDS or not forms & _TRADE_NAMES_WORDS):
        return False
    vocabulary = _trade_vocabulary()
    return a in vocabulary and b in vocabulary


# --- One consonant that makes another word -----------------------------------------------------
_CONSONANT_LETTERS = frozenset("bcdfghjklmnpqrstvwxz")
# consonants one word's British and American or older and newer spellings write for each
# other ("Plasticiser" / "PLASTICIZER", "Licence" / "LICENSE", "Kolkata" / "CALCUTTA"'s "k"),
# or romanisations of one letter ("Ahro" / "AGRO": Ukrainian's "г"; German "w" / "v",
# "j" / "y", Spanish and Greek "b" / "v", Japanese and Korean "l" / "r"): one word, not another
_ONE_WORD_CONSONANTS = tuple(
    frozenset(pair) for pair in ("sz", "cs", "ck", "kq", "gh", "vw", "jy", "bv", "fv", "lr")
)


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


@cache
def _key_neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbours on a QWERTY keyboard: beside it, and the two keys each row
    above and below touches (a row sits half a key right of the one above it)."""
    out: dict[str, set[str]] = {}
    for r, row in enumerate(_KEY_ROWS):
        for c, key in enumerate(row):
            near = {row[i] for i in (c - 1, c + 1) if 0 <= i < len(row)}
            if r > 0:
                near |= {_KEY_ROWS[r - 1][i] for i in (c, c + 1) if i < len(_KEY_ROWS[r - 1])}
            if r + 1 < len(_KEY_ROWS):
                near |= {_KEY_ROWS[r + 1][i] for i in (c - 1, c) if 0 <= i < len(_KEY_ROWS[r + 1])}
            out[key] = near
    return {k: frozenset(v) for k, v in out.items()}


def _one_consonant_apart(a: str, b: str) -> bool:
    """Two words of one length apart in one letter only, a consonant each side, not two
    spellings of one word's consonant (_ONE_WORD_CONSONANTS) nor two keys side by side on a
    keyboard, which a typist's slip strikes for each other ("White" / "WHIGE", "Chandler" /
    "CHANDLEF": FEBRL 4's duplicates, as typists err)."""
    if len(a) != len(b):
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(apart) != 1:
        return False
    ((x, y),) = apart
    return (
        x in _CONSONANT_LETTERS
        and y in _CONSONANT_LETTERS
        and frozenset((x, y)) not in _ONE_WORD_CONSONANTS
        and y not in _key_neighbours().get(x, frozenset())
    )


def _et_and_ette(a: str, b: str) -> bool:
    """A word in "-et" and the word in French "-ette" on the same letters: "Pallet" (a
    loading platform, HS 4415) / "PALETTE" (a painter's board), "Cornet" / "CORNETTE"."""
    short, long = sorted((a.removesuffix("s"), b.removesuffix("s")), key=len)
    if not (short.endswith("et") and not short.endswith("ett") and long.endswith("ette")):
        return False
    base = _one_spelling(short[:-2])
    return len(base) >= 3 and base == _one_spelling(long[:-4])  # noqa: PLR2004


def one_consonant_apart(one: list[str], other: list[str]) -> bool:
    """Two names alike but in one word each side, those two one consonant apart
    (_one_consonant_apart: "Metal" / "MEDAL", "Glass" / "CLASS"): one letter misread, misheard
    or mistyped where one street and number say it is one firm (resolve._cap_other_firm;
    review p23, session 36, 2026-12-07: set 48's "Atlas Glass Works" / "ATLAS CLASS WORKS" at
    14 Bridge Street, an OCR's "G" read "C", was not compared on lead). Not "-et" / "-ette",
    another word's spelling rather than a slip of one letter."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    (a,), (b,) = own_one, own_other
    return _one_consonant_apart(a, b)


@cache
def _given_names() -> frozenset[str]:
    """English given names that have short forms of their own in the ``nicknames`` package
    ("matthew": "matt", "matty"), four letters at least, and are no word of trade (alone or
    plural: "rose", "crystal"). Not the package's short forms and rarer names, many of them
    words ("falcon", "field", "west" are short forms there)."""
    from nicknames import NickNamer

    vocabulary = _trade_vocabulary()
    return frozenset(
        name
        for name, forms in NickNamer().nickname_lookup.items()
        if forms
        and len(name) >= 4  # noqa: PLR2004
        and name.isalpha()
        and not {name, f"{name}s", f"{name}es"} & vocabulary
    )


def _named_for_a_person(one: list[str], other: list[str]) -> bool:
    """A given name (_given_names) among the words two names share ("Walls Matthew Trading"
    / "WALMS MATTHEW TRADING": FEBRL 4's traders are named surname, given name, trade): the
    name is a person's and the word they differ in is its family name, whose typo makes no
    other firm (review p23, session 36, 2026-12-07: FEBRL 4 lost that pair on lead, as
    "walls" is a word of the HS texts)."""
    return bool(set(one) & set(other) & _given_names())


def other_consonant_word(one: list[str], other: list[str]) -> bool:
    """Two firms' names alike but in one word each side, one of them a word of trade
    (_trade_vocabulary) and the other the same letters with one consonant for another or its
    "-et" written "-ette": "Grating" / "GRADING", "Mining" / "DINING", "Wire" / "TIRE",
    "Cable" / "TABLE", "Medal" / "METAL", "Pallet" / "PALETTE" (sets 45-47: p 0.95-0.99 on
    main; session 36, 2026-12-07, helper parties32, issue #13). A typo drops, doubles or
    swaps letters ("CRESENT", "MILLENIUM", "COMMERICAL") and stays one; one consonant for
    another makes another English word, so another firm, unless the identifier or one street
    and number say it is one firm's name misheard (resolve._cap_other_firm: set 40's "Golden
    Metal Works" / "GOLDEN MEDAL WORKS" at 88 Sukhumvit Soi 71). Two spellings of one word
    are not apart ("Plasticiser" / "PLASTICIZER", "Licence" / "LICENSE"), nor one trade's
    two words (SECTOR_OF), nor a firm named for a person (_named_for_a_person: its family
    name's typo, "Walls Matthew" / "WALMS MATTHEW")."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    (a,), (b,) = own_one, own_other
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < _LOOK_ALIKE_LETTERS:
        return False
    if _one_spelling(a) == _one_spelling(b) or _forms_of_one_word(a, b):
        return False
    sectors = _sectors()
    if a in sectors and sectors[a] == sectors.get(b):
        return False
    vocabulary = _trade_vocabulary()
    if a not in vocabulary and b not in vocabulary:
        return False
    if _named_for_a_person(one, other):
        return False
    return _one_consonant_apart(a, b) or _et_and_ette(a, b)


# --- Compass points ---------------------------------------------------------------------------
# each point as a firm's name writes it, alone or beginning a word ("Northfield", "Eastgate"),
# longest first -> the point
_COMPASS = (
    ("northeastern", "ne"), ("northwestern", "nw"), ("southeastern", "se"),
    ("southwestern", "sw"), ("northeast", "ne"), ("northwest", "nw"), ("southeast", "se"),
    ("southwest", "sw"), ("northern", "n"), ("southern", "s"), ("eastern", "e"),
    ("western", "w"), ("north", "n"), ("south", "s"), ("east", "e"), ("west", "w"),
)  # fmt: skip


# a point written short or in another language, as a whole word only (as the start of a
# word "Est", "Sur", "Ost" begin "Estate", "Surrey", "Ostrava"): "NE Fisheries" / "NW
# FISHERIES", "Nord Logistik" / "SUD LOGISTIK", "Ost" / "WEST Handel" linked at p 0.92-0.998
# at one street on lead (session 33, 2026-12-07, helper reviewp19); "Nord" / "NORTH" is one
_COMPASS_WORDS = {
    "ne": "ne", "nw": "nw", "se": "se", "sw": "sw",
    # German, Dutch, French, Italian, Spanish, Portuguese
    "nord": "n", "noord": "n", "norte": "n", "sud": "s", "sued": "s", "zuid": "s",
    "sur": "s", "sul": "s", "ost": "e", "oost": "e", "est": "e", "este": "e",
    "ouest": "w", "ovest": "w", "oeste": "w",
    "nordost": "ne", "nordest": "ne", "nordeste": "ne", "nordwest": "nw", "noroeste": "nw",
    "nordouest": "nw", "sudost": "se", "suedost": "se", "sudest": "se", "sudeste": "se",
    "sudwest": "sw", "suedwest": "sw", "sudoeste": "sw", "sudouest": "sw",
    # as the name's key writes them ("ue", "oe" folded as umlauts; "Est." is dropped, as
    # an establishment's)
    "oust": "w", "noroste": "nw", "nordoust": "nw", "sudoste": "sw", "sudoust": "sw",
    # French with its elided article, as the key writes "de l'Ouest", "de l'Est" (linked at
    # p 1.0 at one street on lead; review p20, session 34, 2026-12-07)
    "louest": "w", "loust": "w", "lest": "e",
}  # fmt: skip


def _compass(word: str) -> tuple[str, str] | None:
    """The compass point a word begins with and the rest of it ("eastgate": "e", "gate")."""
    if word in _COMPASS_WORDS:
        return _COMPASS_WORDS[word], ""
    for written, point in _COMPASS:
        if word.startswith(written):
            return point, word[len(written) :]
    return None


def other_compass_points(one: list[str], other: list[str]) -> bool:
    """Two firms' names alike but for the compass point of one word each side: "North Sea" /
    "SOUTH SEA Shipping", "Eastern Star" / "WESTERN STAR Trading" (one edit), "Eastgate" /
    "WESTGATE Cold Storage" (set 36, p 0.957), "Northfield" / "SOUTHFIELD": the point says
    which of two firms, regions or branches it is, never a typo (each linked at p 1.0000 on
    main at one street; session 33, 2026-12-07, helper parties27). "North" / "NORTHERN" is
    one point."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    (a,), (b,) = own_one, own_other
    point_a, point_b = _compass(a), _compass(b)
    return bool(point_a and point_b and point_a[0] != point_b[0] and point_a[1] == point_b[1])


# --- Place words ------------------------------------------------------------------------------
# the last parts of English place-like words that firms are named by ("Riverside",
# "Northgate", "Harbourview", "Oakwood"): a sister firm, or another firm of one town, takes the
# same first part and another last part ("Riverside" / "RIVERBANK", "Northgate" /
# "NORTHFIELD", "Lakeside" / "LAKEVIEW"), never a typo; a plural is its singular
_PLACE_ENDINGS = frozenset(
    """
    side bank view gate field wood crest dale vale brook ford bridge port mouth land way point
    park hill ridge water well moor shore haven cliff mead meadow grove stead worth croft court
    mere marsh heath stone
    """.split()
)
_PLACE_HEAD_LETTERS = 3  # "Review", "Export": a shorter first part is a prefix, not a word


def _place_ending(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _PLACE_ENDINGS else word


def _place_word(words: set[str]) -> set[tuple[str, str]]:
    """The (first part, last part) readings of a firm's own words as one place-like word:
    one word that ends in a place ending ("riverside": "river", "side"), or two, one of them
    a place ending ("lake", "side" of "Lake Side")."""
    out: set[tuple[str, str]] = set()
    if len(words) == 1:
        (word,) = words
        for ending in _PLACE_ENDINGS:
            for written in (ending, ending + "s"):
                head = word[: -len(written)]
                if word.endswith(written) and len(head) >= _PLACE_HEAD_LETTERS:
                    out.add((head, ending))
    elif len(words) == 2:
        a, b = sorted(words)
        for head, end in ((a, b), (b, a)):
            if _place_ending(end) in _PLACE_ENDINGS and len(head) >= _PLACE_HEAD_LETTERS:
                out.add((head, _place_ending(end)))
    return out


def other_place_words(one: list[str], other: list[str]) -> bool:
    """Two firms' names alike but for one place-like word each side, of one first part and
    another last part: "Riverside" / "RIVERBANK Paper Converters" (set 36, p 0.957 on main),
    "Lakeview" / "LAKE SIDE Agro Industries" (set 49, p 0.960), "Northgate" / "NORTHFIELD
    Motors" (session 37, 2026-12-07, helper parties33, issue #13). "Riverside" / "RIVER SIDE"
    and "Oakfield" / "OAKFIELDS" are one word."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if not own_one or not own_other:
        return False
    mine, theirs = _place_word(own_one), _place_word(own_other)
    if mine & theirs:
        return False  # one word, written apart or together
    return any(h1 == h2 and e1 != e2 for h1, e1 in mine for h2, e2 in theirs)


# --- Words of a closed class ------------------------------------------------------------------
# Words that name one of a few things of one kind, so that two of them never write one name:
# a sister firm of a group is named by another colour, metal, size or the opposite word
# ("Golden Star" / "SILVER STAR", "Big Bear" / "LITTLE BEAR", "Upper Rhine" / "LOWER RHINE").
# English's basic colour terms (Berlin and Kay's eleven, with the shades a firm's name writes),
# the metals of HS section XV (chapters 72-81) and the precious metals of chapter 71, written as
# a firm's name writes them ("golden" is "gold", "gray" is "grey"). Session 34, 2026-12-07,
# helper parties30 (issue #13).
_COLOURS_AND_METALS = {
    **{
        word: word
        for word in """
        red blue green yellow black white grey brown orange purple pink violet indigo crimson
        scarlet maroon azure turquoise gold silver platinum iron copper bronze brass tin zinc
        steel nickel aluminium titanium chrome cobalt tungsten magnesium
        """.split()
    },
    "golden": "gold", "gray": "grey", "aluminum": "aluminium", "silvery": "silver",
}  # fmt: skip
# the same colours and metals in the languages of the Latin script that firms' names most
# often keep untranslated (German, Dutch, French, Spanish, Italian, Portuguese), each read as
# its English member, as the key writes them (no accents, "ß" as "ss"): "Rote Rose" / "WEISSE
# ROSE" are two florists (p 1.0 at one street on lead), "Grün" / "GREEN" or "Roter" / "RED"
# one firm. Words that are also English words ("rot", "rode", "wit", "or", "fer") are left
# out. Review p20, session 34, 2026-12-07.
_OTHER_LANGUAGES = {
    "red": "rote roter rotes roten rood rouge rojo roja rosso rossa vermelho vermelha",
    "white": "weiss weisse weisser weisses weissen witte blanc blanche blanco blanca bianco"
    " bianca branco branca",
    "black": "schwarz schwarze schwarzer schwarzes schwarzen zwart zwarte noir noire negro"
    " negra nero nera preto preta",
    "green": "grun grune gruner grunes gruen gruene gruener groen groene vert verte verde",
    "blue": "blau blaue blauer blaues blauw blauwe bleu bleue azul azzurro azzurra",
    "yellow": "gelb gelbe gelber geel gele jaune amarillo amarilla giallo gialla amarelo amarela",
    "grey": "grau graue grauer grijs grijze gris grise grigio grigia cinza",
    "brown": "braun braune brauner bruin bruine brun brune marrone",
    "gold": "goldene goldener goldenes gouden goud dore doree dorado dorada oro dorato"
    " dorata ouro dourado dourada",
    "silver": "silber silberne silberner zilver zilveren argent argente plata plateado"
    " plateada argento argentato prata prateado",
    "iron": "eisen eiserne ijzer ijzeren hierro ferro",
    "copper": "kupfer cuivre cobre",
}
_COLOURS_AND_METALS.update(
    {word: member for member, words in _OTHER_LANGUAGES.items() for word in words.split()}
)
# size words: a group's big and small firm, never one name's two spellings
_SIZES = frozenset("big little small large great grand mini mega micro maxi giant tiny".split())
# opposites, each pair a class of its own ("light" is in two), and the plural that names
# another good than its singular in the tariff ("Glass" / "GLASSES": glass, HS 70, and
# spectacles, 9004; set 9's "Crown Glass" / "CROWN GLASSES" are two firms). A plural whose
# singular names the same trade is that word: "Fine Spirit" / "FINE SPIRITS" is one distiller
# (a spirit is what a distiller makes), "Kings Arm" / "KINGS ARMS" one inn ("arm" names no
# good); parties30 read them as two, p 0.001 at one street (review p20, session 34,
# 2026-12-07)
_OPPOSITES = (
    ("upper", "lower"), ("inner", "outer"), ("old", "new"), ("hot", "cold"), ("high", "low"),
    ("top", "bottom"), ("left", "right"), ("light", "dark"), ("heavy", "light"),
    ("early", "late"), ("day", "night"), ("fast", "slow"), ("wet", "dry"), ("hard", "soft"),
    ("long", "short"), ("major", "minor"), ("sunrise", "sunset"), ("young", "old"),
    ("first", "last"), ("1st", "last"), ("front", "back"), ("over", "under"), ("up", "down"),
    ("glass", "glasses"),
)  # fmt: skip


@cache
def _closed_classes() -> dict[str, frozenset[tuple[str, str]]]:
    """Each word of a closed class -> its (class, member) pairs."""
    out: dict[str, set[tuple[str, str]]] = {}
    for word, member in _COLOURS_AND_METALS.items():
        out.setdefault(word, set()).add(("colour or metal", member))
    for word in _SIZES:
        out.setdefault(word, set()).add(("size", word))
    for n, pair in enumerate(_OPPOSITES):
        for word in pair:
            out.setdefault(word, set()).add((f"opposite {n}", word))
    return {word: frozenset(classes) for word, classes in out.items()}


def other_closed_words(one: list[str], other: list[str]) -> bool:
    """Two firms' names alike but in one word each side, two members of one closed class: two
    colours or metals ("Golden Star" / "SILVER STAR", "White Horse" / "BLACK HORSE", "Iron
    Bridge" / "COPPER BRIDGE"), two sizes ("Big Bear" / "LITTLE BEAR"), two opposites ("Upper"
    / "LOWER", "Old World" / "NEW WORLD", "Hot Springs" / "COLD SPRINGS") or a word and its
    plural of another meaning ("Glass" / "GLASSES"): each linked at p 0.94-1.0 on main at one
    street of one town (session 34, 2026-12-07, helper parties30, issue #13). No typo writes
    one member for another; "Golden" / "GOLD" and "Grey" / "GRAY" are one member."""
    own_one, own_other = set(one) - set(other), set(other) - set(one)
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    (a,), (b,) = own_one, own_other
    classes = _closed_classes()
    mine, theirs = classes.get(a, frozenset()), classes.get(b, frozenset())
    if mine & theirs:
        return False  # one member ("golden" / "gold")
    return bool({kind for kind, _ in mine} & {kind for kind, _ in theirs})


# a syllable's first consonant by class, as the romanisations write it: RR "g" / "d" / "b" /
# "j", McCune-Reischauer and passports "k" / "t" / "p" / "ch" are one sound each
_CONSONANTS = (
    ("tch", "J"), ("kk", "K"), ("tt", "T"), ("pp", "P"), ("ss", "S"), ("jj", "J"), ("ch", "J"),
    ("ph", "P"), ("th", "T"), ("kh", "K"),
    ("sh", "S"), ("ts", "J"), ("k", "K"), ("g", "K"), ("t", "T"), ("d", "T"), ("p", "P"),
    ("b", "P"), ("f", "P"), ("j", "J"), ("s", "S"), ("h", "H"), ("m", "M"), ("n", "N"),
    ("r", "R"), ("l", "R"),
)  # fmt: skip
_ENDINGS: tuple[tuple[str, str], ...] = (("ng", "NG"), ("n", "N"), ("m", "M"), ("k", "K"))
_ENDINGS += (("g", "K"), ("l", "R"), ("r", "R"), ("p", "P"), ("b", "P"), ("t", "T"))


def _syllable_key(syllable: str) -> str:
    """A Korean syllable as its romanisations agree: first consonant's class, the vowel's
    (RR "eo", "eu", passports' "u" / "oo", MR's "ŏ" / "ŭ" one; "ae" / "e" one), a "y" glide,
    the final's class ("Jeong" = "JUNG" = "Chong"; "Hun" = "HOON"; "Ho" is not "Hun")."""
    s = unicodedata.normalize("NFKD", syllable.lower())
    s = "".join(c for c in s if c.isalpha() and c.isascii())
    head = next(((w, k) for w, k in _CONSONANTS if s.startswith(w)), ("", ""))
    s = s[len(head[0]) :]
    if s.endswith("h") and len(s) > 1:  # passports' "Suh", "Oh": the vowel's length only
        s = s[:-1]
    tail = next(((w, k) for w, k in _ENDINGS if s.endswith(w) and len(s) > len(w)), ("", ""))
    s = s[: len(s) - len(tail[0])] if tail[0] else s
    glide = "y" if s.startswith("y") else ""
    s = s.lstrip("yw")
    vowel = "O" if s[:1] in {"o", "u"} or s.startswith("eo") or s.startswith("eu") else s[:1]
    vowel = "E" if s.startswith("ae") or s.startswith("ea") else vowel.upper()
    # "ㅢ" (RR "ui", MR "ŭi") is "ee" / "ui" / "eui" on passports ("희" "Hee": Park Chung
    # Hee), and "ee" is "ㅣ" ("Been"); "ph" is "ㅍ" ("Phil"; review p15 of session 30)
    if s.startswith(("ui", "eui", "ee")):
        vowel = "I"
    return head[1] + glide + vowel + tail[1]


def _latin_given(text: str) -> list[str] | None:
    """A Latin Korean name's given-name syllables, where the name says which they are: after
    the comma of "PARK, Jung Ho", or a hyphenated word ("Yoon Seo-hyun"); None for a given
    name written joined ("Minsu": no syllables to tell)."""
    if "," in text:
        given = text.split(",", 1)[1].replace("-", " ").split()
    else:
        hyphened = [w for w in text.split() if "-" in w]
        if len(hyphened) != 1:
            return None
        given = hyphened[0].split("-")
    return given if len(given) >= 2 and all(w.isascii() and w.isalpha() for w in given) else None  # noqa: PLR2004


def korean_given_names_differ(one: str, other: str) -> bool:
    """A person's name in Hangul on one side ("박정훈": Bak + Jeong-hun) and in Latin on the
    other with its given name in syllables ("PARK, Jung Ho"): a syllable of the given name
    other, by every romanisation, is another person (Jeong-hun is not Jung-ho; the family
    name, one of few, and a syllable in common made 0.92 on main: set 30's "박정훈" /
    "PARK, Jung Ho", set 14's "박준호" / "PARK, Jun-young", "이정훈" / "LEE, Jung-ho")."""
    for hangul, latin in ((one, other), (other, one)):
        words = hangul.split()
        if len(words) != 1:
            continue
        syllables = hangul_syllables(words[0])
        given = _latin_given(latin)
        if not syllables or given is None or len(syllables) not in (3, 4):
            continue
        mine = syllables[1:] if len(syllables) == 3 else syllables[2:]  # noqa: PLR2004
        if len(mine) != len(given):
            continue
        return [_syllable_key(s) for s in mine] != [_syllable_key(s) for s in given]
    return False


# Persons of one family name with another given name (session 31, 2026-12-07, helper
# parties22, issue #13): sets 11, 13, 14 and 32 linked "Волков Алексей" / "VOLKOV,
# Alexander", "ნინო კაპანაძე" / "KAPANADZE, Nana", born the same day, at 1.000: the family
# name and the birth date outweighed a given name that is another name. A given name is
# compared by its sound as romanisations write it: consonants by class, their order kept
# ("Gurpreet" = "Guraprit" = "GURPRIT", "Yosef" = "Joseph", "Kapanaze" = "Kapanadze"), its
# vowels let differ by one ("Mohammed" / "Muhammad") and an "a" (a schwa: "Guraprit") free.
_DIGRAPHS = (
    ("tsch", "C"), ("tch", "C"), ("dzh", "J"), ("dz", "z"), ("zh", "J"), ("dj", "J"),
    ("sch", "S"), ("sh", "S"), ("sz", "S"), ("ch", "C"), ("cz", "C"), ("ts", "z"), ("tz", "z"),
    ("ph", "f"), ("ck", "k"), ("qu", "k"), ("x", "ks"), ("kh", "h"), ("gh", "g"),
)  # fmt: skip
_CONSONANT_CLASS = {"b": "B", "v": "B", "w": "B", "p": "P", "f": "P", "d": "T", "t": "T"}
_CONSONANT_CLASS |= {"g": "K", "k": "K", "q": "K", "c": "K", "s": "S", "z": "S", "j": "J"}
_VOWEL_CLASS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}
# consonants one language writes for another's (Ukrainian "h" for Russian "g": "Oleh" /
# "Oleg", "Hryhoriy" / "Grigoriy"; Greek "ch" for "h": "Charalampos" / "Haralambos"; Arabic
# "j" for Egyptian "g": "Jamal" / "Gamal"; Greek "mp" for "mb"): half a difference each
_NEAR = frozenset({frozenset("HK"), frozenset("JK"), frozenset("BP")})
# "ch", a sound of its own in each language ("Michael" / "Mikhail", "Hicham" / "Hisham",
# "Chae" / "Jae", "Charalampos" / "Haralambos")
_NEAR |= {frozenset(("C", c)) for c in "KSHJ"}
# words of a person's name that are no given name: articles and "son of" ("Nour el-Din" /
# "Noureddine", "Khalid bin Abdulaziz" / "Khaled Abdul Aziz")
_NOT_GIVEN = frozenset({"al", "el", "ul", "ad", "ed", "ud", "ash", "bin", "ibn", "bint", "binti"})
# a given name's usual abbreviations ("Ma. Cristina", "Mohd. Shahid")
_ABBREVIATED = {"ma": "maria", "mohd": "muhammad", "muhd": "muhammad", "md": "muhammad"}
# a patronymic, a father's name and not the person's own ("Serikovich" / "Serikuly")
_PATRONYMIC = re.compile(r".*(?:vich|vych|vna|ivna|uly|ulu|kyzy|qizi|ogly|oglu)$")


@lru_cache(maxsize=1 << 14)
def _sound(word: str) -> tuple[str, tuple[str, ...]]:
    """A given name's consonants by class, and its vowels between them (each gap's first
    vowel's class, "" for none): "aleksandr" -> ("LKSNTR", ("a", "i", "", "a", "", "", ""))."""
    s = "".join(c for c in fold(word) if c.isalpha())
    s = re.sub(r"(.)\1+", r"\1", s)  # "Mohammed" / "Mohamed"
    # Arabic "Abd" with its article joined ("Abdelilah" / "Abd Al Ilah", "Abdulrahman")
    s = re.sub(r"^abd(?:el|al|ul|ol|oul|(?:ou|u|e)(?=[^aeiouy]|$))", "abd", s)
    s = re.sub(r"^(?:yi|ji)", "i", s)  # "Yitzhak" / "Itzhak"
    s = re.sub(r"^ye", "e", s)  # Russian "Е": "Yevgeny" / "Evgenii", "Yerlan" / "Erlan"
    s = re.sub(r"^[iy](?=[aeou])", "j", s)  # "Iosif" / "Joseph", "Iouri" / "Yuri"
    s = s.replace("ohn", "on")  # "John" / "Jhon"
    # South Asian "ow" before a consonant for "ou" ("Gowda" / "GOUDA", "Chowdhury"), old
    # Indonesian "sj" for "sy" ("Sjarifuddin" / "SYARIFUDDIN"), as the names' keys read them
    # (normalise._sounds, indonesian_spelling): review p22 (session 35), set 46's persons
    # of one birth date were two persons here, p 0.59
    s = re.sub(r"ow(?=[^aeiouy])", "ou", s)
    s = re.sub(r"sj(?=[aeiou])", "sy", s)
    s = re.sub(r"di(?=[aeou])", "j", s)  # "Tidiane" / "Tidjane"
    if len(s) > 3 and s.endswith("ah"):  # noqa: PLR2004 - "Abdullah" / "Abdulla"
        s = s[:-1]
    s = re.sub(r"(?<=[^aeiouy])e$", "", s) if len(s) > 4 else s  # noqa: PLR2004 - "Ousmane"
    for written, read in _DIGRAPHS:
        s = s.replace(written, read)
    s = re.sub(r"(?<=[bdtpkgsczjf])h", "", s)  # an aspirate's "h": "Dhruv" / "Druv", "Bhatt"
    consonants: list[str] = []
    vowels: list[str] = []
    gap = ""
    for c in s:
        if c in _VOWEL_CLASS:
            gap = gap or _VOWEL_CLASS[c]
            continue
        sound = _CONSONANT_CLASS.get(c, c.upper())
        if consonants and consonants[-1] == sound and not gap:
            continue  # "Itzchak" / "Itzhak": one sound written twice
        vowels.append(gap)
        consonants.append(sound)
        gap = ""
    vowels.append(gap)
    return "".join(consonants), tuple(vowels)


def _vowel_cost(v1: tuple[str, ...], v2: tuple[str, ...]) -> float:
    cost = 0.0
    last = len(v1) - 1
    for n, (a, b) in enumerate(zip(v1, v2, strict=True)):
        if a == b:
            continue
        if "" in (a, b) and "a" in (a, b) and n < last:
            continue  # a schwa written or not ("Guraprit" / "Gurpreet")
        if n == last and "" in (a, b):
            # a final vowel more: "a" a schwa ("Venkat" / "Venkata"), "i" another name or
            # the other gender's ("Ruwan" / "Ruwani"), "o" / "u" a language's ("Petr" / "Petro")
            cost += {"a": 0.0, "i": 2.0}.get(a or b, 1.0)
        else:
            cost += 1.0
    return cost


# One given name in its forms of several languages and its short forms (session 31,
# 2026-12-07, helper reviewp16): a Ukrainian register writes "Mykola", "Pavlo", "Vasyl",
# "Yevhen", a list the Russian "Nikolai", "Pavel", "Vasily", "Yevgeny" of the same person; a
# register may write "Bill", "Sasha", "Peggy" for "William", "Aleksandr", "Margaret". Their
# sounds differ, so without this they read as two given names and capped true pairs. A word
# in two groups ("alex", "sasha", "pat") is each group's; only a shared group makes one name.
# English names' diminutives are the ``nicknames`` package's (_name_groups; session 31, helper
# parties23): these are the cross-language groups it does not know.
_NAME_FORMS = (
    "mykola nikolai nikolay mikalai nikola kolya",
    "mykhailo mikhail mikhailo michail mikhal misha",
    "fedir fyodor fedor feodor teodor theodore",
    "vasyl vasily vasiliy vasili vasilii vasil vasyl vasilij",
    "pavlo pavel paul pawel pavle pasha",
    "petro petr pyotr peter piotr petar",
    "yevhen yevgeny yevgeniy evgeny evgeniy evgeni evgenii yauhen jevgeni eugene zhenya",
    "oleksandr aleksandr alexandr alexander aliaksandr aleksander sasha sashko shura alex",
    "oleksandra aleksandra alexandra aliaksandra sasha shura alex",
    "oleksiy oleksii aleksei aleksey alexei alexey aliaksei alyosha alex",
    "volodymyr vladimir uladzimir volodya vova",
    "dmytro dmitry dmitri dmitriy dmitrii dzmitry dima",
    "andriy andrii andrei andrey andrej andrzej andrew",
    "hryhoriy hryhorii grigory grigoriy grigorii ryhor gregory grisha",
    "heorhiy heorhii georgy georgiy georgii george giorgi giorgos georgios yegor jerzy",
    "ioannis giannis yannis yiannis ioannes",
    "iryna irina; olha olga; tetiana tatiana tatyana tanya",
    "nataliya natalia natalya natasha; kateryna ekaterina yekaterina katerina katya",
    "halyna galina; olena elena yelena lena; liudmyla lyudmila ludmila",
    "mykyta nikita; maksym maksim maxim; serhiy serhii sergei sergey siarhei",
    # English forms nicknames 1.0.1 lacks (it has "katherine" apart from "catherine", no "jack"
    # for "john", no "robbie" or "bert" for "robert")
    "john jack johnny; catherine katherine kathryn kate cathy kathy; robert robbie bert",
)


@cache
def _name_groups() -> dict[str, frozenset[int]]:
    """Each given name's groups: _NAME_FORMS's and, for English names and their diminutives
    ("Bill" / "William", "Peggy" / "Margaret"), the ``nicknames`` package's (session 31,
    2026-12-07, helper parties23; Apache-2.0, its CSV inside the wheel: read from the installed
    package, never the network). A canonical name and its nicknames are one group; a nickname
    of several names ("bill": William and Robert, "pat": Patrick, Patricia and Patience) is
    in each of their groups, so Patrick and Patricia share no group and stay two names. The
    package lists some nicknames' own names too ("bill" has "robert" and "william", "cathy"
    has "catherine" and "cathleen"): a nickname's group would join its names, so a name that
    is a longer name's nickname makes no group of its own (it is in that name's)."""
    from nicknames import NickNamer

    groups: dict[str, frozenset[int]] = {}
    english = NickNamer().nickname_lookup
    short = {nick for name, forms in english.items() for nick in forms if len(nick) < len(name)}
    lines = [g for line in _NAME_FORMS for g in line.split(";")]
    lines += [
        " ".join([name, *sorted(forms)])
        for name, forms in sorted(english.items())
        if name not in short
    ]
    for n, group in enumerate(lines):
        for word in group.split():
            if word.isalpha():
                groups[word] = groups.get(word, frozenset()) | {n}
    return groups


def name_groups(word: str) -> frozenset[int]:
    """The groups of the given name ``word`` (folded, lower case): empty for a name in none."""
    return _name_groups().get(word, frozenset())


def one_name_in_forms(
    forms_one: Iterable[str], forms_other: Iterable[str], one: list[str], other: list[str]
) -> bool:
    """Two persons' names (name_key words) one name with a given name in another form of it:
    they share a form key (resolve._name_forms: a given name's group and the name's other
    words), and each word of one is a word of the other in some spelling, initial or form
    (_same_given): "harrington william" / "bill harrington" (session 31, helper parties23)."""
    if not set(forms_one) & set(forms_other):
        return False
    mine, theirs = _unmatched(list(one), list(other), True)
    return not mine and not theirs


def _other_gender(one: str, other: str) -> bool:
    """A given name and its other gender's form, written alike but for its ending: "Ivan" /
    "Ivana", "Daniel" / "Daniela", "Yevgeniy" / "Yevgeniya" (one name with an "a" more after
    a consonant), "Mario" / "Maria", "Antonio" / "Antonia", "Vitaliy" / "Vitalia" (session 31,
    helper reviewp16: set 33's twins "Yevgeniy Tsoy" / "TSOI, Yevgeniya" linked at 1.000)."""
    short, long_ = sorted((one, other), key=len)
    if long_ == short + "a" and short[-1:] not in ("", *"aeiou"):
        return len(short) >= 3  # noqa: PLR2004
    if len(short) == len(long_) and short[:-2] == long_[:-2] and len(short) >= 4:  # noqa: PLR2004
        return {short[-2:], long_[-2:]} in ({"io", "ia"}, {"iy", "ia"})
    return False


def _same_given(one: str, other: str, gender: bool = False) -> bool:
    """Two words of persons' names one name as the romanisations and the lists write it:
    the same word, an initial of it ("J." / "Johan"), or the same sound (:func:`_sound`):
    consonants of one class each (or near: _NEAR) and the vowels but one alike, or two in a
    name of four consonants or more ("Mouhamadou" / "Mohamed"); a long name may lose one
    consonant ("Abdulrahman" / "Abdurrahman"), a short one not ("Aram" / "Arman"). Forms of
    one name in _NAME_FORMS are one name; with ``gender``, a name's other gender's form
    (:func:`_other_gender`) is not."""
    one, other = _ABBREVIATED.get(one, one), _ABBREVIATED.get(other, other)
    if one == other:
        return True
    if len(one) == 1 or len(other) == 1:
        return one[:1] == other[:1]
    if name_groups(one) & name_groups(other):
        return True
    if gender and _other_gender(one, other):
        return False
    (c1, v1), (c2, v2) = _sound(one), _sound(other)
    if not c1 or not c2:
        return False
    if len(c1) != len(c2):
        return False
    near = 0.0
    for a, b in zip(c1, c2, strict=True):
        if a != b:
            if frozenset((a, b)) not in _NEAR:
                return False
            near += 0.5
    vowels = _vowel_cost(v1, v2)
    if near and vowels:
        return near + vowels <= 1
    return near <= 1 and vowels <= (2 if len(c1) >= 4 else 1)  # noqa: PLR2004


def _unmatched(
    one: list[str], other: list[str], gender: bool = False
) -> tuple[list[str], list[str]]:
    """Each side's words no word of the other's is (:func:`_same_given`), the words paired
    so that the most are ("Jeong Sung-min" / "CHUNG, Seong Min": "Sung" is not "Chung")."""
    best: tuple[list[str], list[str]] = (list(one), list(other))
    if not one:
        return best
    word, rest = one[0], one[1:]
    for n, candidate in enumerate(other):
        if _same_given(word, candidate, gender):
            mine, theirs = _unmatched(rest, other[:n] + other[n + 1 :], gender)
            if len(mine) + len(theirs) < len(best[0]) + len(best[1]):
                best = (mine, theirs)
    mine, theirs = _unmatched(rest, other, gender)
    if len(mine) + 1 + len(theirs) < len(best[0]) + len(best[1]):
        best = ([word, *mine], theirs)
    return best


def _joins(words: list[str]) -> set[str]:
    """The words joined in any order ("Min-jun" / "Minjun", "Wolde Mariam" / "WOLDEMARIAM"),
    each alone, and any two or more of them (a title or a middle name left out: "H. Abdul
    Rahman" / "Abdurrahman"); up to three words."""
    from itertools import permutations

    if len(words) > 3:  # noqa: PLR2004
        return {"".join(words), *words}
    return {"".join(p) for n in range(1, len(words) + 1) for p in permutations(words, n)}


def _person_words(text: str) -> list[str]:
    """A person's name as romanised words in its written order, without its articles,
    "bin" and patronymics."""
    words = re.split(r"[^a-z]+", fold(romanise(romanise_name(text))))
    return [w for w in words if w and w not in _NOT_GIVEN and not _PATRONYMIC.fullmatch(w)]


def given_name_other(one: str, other: str) -> bool:
    """Two persons' names (as written), one of them a list's "FAMILY, Given" whose family
    name the other has, each with a given name the other has not in any spelling, initial or
    joining ("Min-jun" / "Minjun", "Wolde Mariam" / "WOLDEMARIAM"): "ნინო კაპანაძე" /
    "KAPANADZE, Nana", "Волков Алексей" / "VOLKOV, Alexander" are two persons, whatever their
    birth dates. A given name with words fewer (a middle name left out) is not; nor a name
    whose family name is written otherwise ("Zhang Wei" / "CHANG, Wei": which word is the
    family name is not known, nor how East Asian syllables are romanised), nor Korean or
    Chinese (korean_given_names_differ)."""
    for listed, written in ((one, other), (other, one)):
        if listed.count(",") != 1 or not is_latin(listed):
            continue
        if any(map(is_east_asian, written)):
            return False
        # an Indic script's romanisation drops a final schwa ("వెంకట" -> "venkat" /
        # "Venkata"): there a final "a" is no other gender's
        gender = not has_indic(written)
        family_text, given_text = listed.split(",")
        family, given = _person_words(family_text), _person_words(given_text)
        words = _person_words(written)
        if not family or not given or len(words) < 2:  # noqa: PLR2004
            return False
        if len(words) > 6:  # noqa: PLR2004 - more words than a person's name
            return False
        if _monosyllables(words) or _monosyllables(family + given):
            return False  # Chinese, Korean, Vietnamese: which syllable is which, unclear
        if any(sum(_same_given(f, w) for w in words) > 1 for f in family):
            return False  # which word is the family name is not clear ("Sung" / "CHUNG")
        left, rest = _unmatched(family, words)
        if left:
            joined = "".join(family)
            rest = [w for w in words if not _same_given(w, joined)]
            if len(rest) == len(words):
                return False
        mine, theirs = _unmatched(given, rest, gender)
        if not mine or not theirs:
            return False
        return not any(_same_given(a, b, gender) for a in _joins(mine) for b in _joins(theirs))
    return _uncommaed_other(one, other)


def _one_edit(a: str, b: str) -> bool:
    """Two words one letter apart: one for another, one more or fewer, or two side by side
    swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        apart = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(apart) == 1 or (
            len(apart) == 2  # noqa: PLR2004
            and apart[1] == apart[0] + 1
            and a[apart[0]] == b[apart[1]]
            and a[apart[1]] == b[apart[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:n] + long_[n + 1 :] == short for n in range(len(long_)))


def family_name_slip(one: str, other: str) -> bool:
    """Two persons' names (as written) alike but in one word each side, the words they share
    holding an English given name (_given_names), so that the two words apart are the family
    name, and those one letter apart (_one_edit), four letters or more: "Peter Tanner" /
    "PETER TANKER", "Sarah Baker" / "SARAH BAXER". Of one birth date, one person's name
    mistyped (resolve._cap_other_firm), not twins (their given names differ) nor namesakes
    (review p23, session 36, 2026-12-07: set 48's two such pairs at 0.606 on lead)."""
    words_one, words_other = _person_words(one), _person_words(other)
    own_one = [w for w in words_one if w not in words_other]
    own_other = [w for w in words_other if w not in words_one]
    if len(own_one) != 1 or len(own_other) != 1:
        return False
    if not set(words_one) & set(words_other) & _given_names():
        return False
    (a,), (b,) = own_one, own_other
    # (not a family name's other gender's form, "Petrov" / "PETROVA": a sister's or wife's)
    if _other_gender(a, b):
        return False
    return min(len(a), len(b)) >= 4 and _one_edit(a, b)  # noqa: PLR2004


def _uncommaed_other(one: str, other: str) -> bool:
    """Two persons' names with no comma on either side (a list's caption "ALEKSANDR VOLKOV"
    against "Aleksei Volkov"; session 31, helper reviewp16), two or three words each, which
    share all but one word each, and those two are no one name in any spelling, form or
    joining: which word is the family name is not known, but one word agrees and the other is
    another name. Both must be Latin (a romanised Arabic or Persian alias loses its vowels:
    "محمدرضا کریمی" / "Mohammadreza Karimi"); East Asian names and initials are left alone."""
    if "," in one or "," in other or not (is_latin(one) and is_latin(other)):
        return False
    if any(map(is_east_asian, one + other)) or has_indic(one + other):
        return False
    mine_all, theirs_all = _person_words(one), _person_words(other)
    if not (2 <= len(mine_all) <= 3 and 2 <= len(theirs_all) <= 3):  # noqa: PLR2004
        return False
    if any(len(w) < 2 for w in mine_all + theirs_all):  # noqa: PLR2004 - an initial
        return False
    if _monosyllables(mine_all) or _monosyllables(theirs_all):
        return False
    mine, theirs = _unmatched(mine_all, theirs_all, True)
    if len(mine) != 1 or len(theirs) != 1:
        return False
    return not any(_same_given(a, b, True) for a in _joins(mine_all) for b in theirs) and not any(
        _same_given(a, b, True) for a in mine for b in _joins(theirs_all)
    )


def _monosyllables(words: list[str]) -> bool:
    """Every word one syllable ("Chan Chi Wai", "Jeong Sung-min"): an East Asian name in
    Latin, whose romanisations (Cantonese and Mandarin, Wade-Giles and pinyin, RR and
    McCune-Reischauer) write one syllable as another."""
    return all(len(re.findall(r"[aeiouy]+", w)) <= 1 for w in words)
