"""Link two party lists: deterministic on valid identifiers, otherwise Splink (EM-trained).

Returns one row per pair judged the same party with Splink's match probability and weight,
plus the weight of each field (``w_<field>``) and of the prior (``w_prior``) that add up to
``match_weight`` (Splink's waterfall).
"""

from __future__ import annotations

import logging
import math
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from clearlane.link.countries import country_codes
from clearlane.link.identifiers import CHECKED_KINDS, first_identifier, identifier_key
from clearlane.link.normalise import (
    FILLER,
    GENERIC_WORDS,
    SECTOR_OF,
    SECTOR_WORDS,
    address_postcode,
    address_town,
    arabic_spelling,
    box_only,
    feminine_forms,
    fold,
    has_code,
    indonesian_spelling,
    initials_key,
    is_generic_name,
    is_person_type,
    japanese_spelling,
    joined_key,
    korean_spelling,
    legal_family,
    normalise_city,
    normalise_name,
    normalise_postcode,
    normalise_street,
    other_codes,
    other_given_names,
    other_second_syllable,
    other_syllables,
    own_words_apart,
    party_kind,
    po_box,
    romanised_key,
    societe_reading,
    somali_spelling,
    split_names,
    thai_finals,
    thai_spelling,
    turkmen_spelling,
    ukrainian_spelling,
    uzbek_spelling,
)
from clearlane.link.places import canonical_places, place_spellings
from clearlane.link.settings import (
    MATCH_THRESHOLD,
    MIN_RECORDS_FOR_TRAINING,
    PARTY_MODEL,
    PRIOR,
    splink_settings,
    tf_levels,
)
from clearlane.link.siblings import (
    family_name_slip,
    given_name_other,
    korean_given_names_differ,
    name_groups,
    one_consonant_apart,
    one_name_in_forms,
    other_closed_words,
    other_compass_points,
    other_consonant_word,
    other_form,
    other_numbers,
    other_place_words,
    other_trades,
    trade_look_alikes,
)
from clearlane.link.wadegiles import CHINESE_COUNTRIES, mandarin_word, pinyin_readings

if TYPE_CHECKING:
    import pandas as pd

PARTY_COLUMNS = (
    "id",
    "name",
    "aliases",
    "street",
    "city",
    "postcode",
    "region",
    "country",
    "identifier",
    "registration_date",
    "kind",
)
FIELDS = tuple(c["name"] for c in PARTY_MODEL["comparisons"])
Backend = Literal["duckdb", "spark"]
# Untrained prior: 1 / the larger side ("size"), or estimated from identifier pairs
# ("identifiers", :func:`identifier_prior`; falls back to "size" when there are none).
Prior = Literal["size", "identifiers"]
logger = logging.getLogger(__name__)
_LEFT, _RIGHT = "a_left", "b_right"
_KOREA = frozenset({"KR", "KP"})
_SOMALI = frozenset({"SO", "DJ"})
_ARAB = frozenset(
    {"AE", "SA", "EG", "IQ", "SY", "JO", "LB", "KW", "QA", "BH", "OM", "YE", "LY", "TN", "DZ"}
    | {"MA", "SD", "MR", "PS"}
)
_NAME_SEP = "\x1f"  # between a party's id and its name's number in a row's id (_prepare)


@dataclass(frozen=True, slots=True)
class LinkResult:
    matches: pd.DataFrame  # left_id, right_id, match_probability, match_weight, method, w_*
    trained: bool  # parameters estimated from this input (EM) or the shipped ones
    compared_pairs: int


# Two or more letters each followed by a dot ("J.S.C.", "A. P. S."): initials or a form
_DOTTED_LETTERS = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.\s?){2,}")


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def prepare(parties: pd.DataFrame) -> pd.DataFrame:
    """Derived comparison columns from the raw party columns (missing values -> None)."""
    return _prepare(parties, variants=False)


def _countries(value: str) -> list[str]:
    codes, _unknown = country_codes(value)
    # As the file reader does (io.py): the countries that are known are evidence, a part that is
    # no country ("xx" in "de;xx") adds none and takes none away.
    return codes


# scripts that write no space between words (Thai, Lao, Myanmar, Khmer): a name in one is one
# "word" romanised, and no weak alias for it ("สยามโปลีเมอร์ จำกัด", a list's Thai alias)
_UNSPACED_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_UNSPACED_MIN_LETTERS = 6


def _unspaced(text: str, key: str) -> bool:
    """``text`` is written in a script without spaces between words and its key is long
    enough to be a name, not an abbreviation (session 29, set 27's Thai alias)."""
    return len(key) >= _UNSPACED_MIN_LETTERS and _UNSPACED_SCRIPT.search(text) is not None


def _prepare(parties: pd.DataFrame, *, variants: bool) -> pd.DataFrame:
    """With ``variants``, one row per name of a party (its name, the names after a.k.a. and
    the like in it, its aliases: :func:`split_names`), ``id`` made unique per row and the
    party's id in ``party_id``; names of fewer than two words after normalisation other than
    the main one ("MTZ", "TPI LLC") are left out as weak aliases."""
    import pandas as pd

    rows = []
    for rec in parties.to_dict("records"):
        codes = _countries(_text(rec.get("country")))
        country = codes[0] if codes else None
        ident = first_identifier(_text(rec.get("identifier")), country)
        reg = _text(rec.get("registration_date"))
        party_id = _text(rec["id"])
        if variants:
            names = split_names(_text(rec.get("name")), _text(rec.get("aliases")))
            declared = _text(rec.get("kind"))
            person = is_person_type(declared)
            where = tuple(codes)
            normalised = [
                normalise_name(n, person=person, ambiguous_forms=not person, countries=where)
                for n in names
            ] or [normalise_name("")]
            if not fold(declared):
                # no type given: "MV Rao" is the vessel Rao or M. V. Rao; both readings (a
                # list's person "MV RAO" keeps its MV), the person's as a list's person is
                # read: "Menon J.S.C." is J. S. C. Menon, no JSC (until 2026-12-05 its letters
                # were a form here too, and forms written with dots took such names). Only for
                # letters written with dots: undotted, "PT Barnum" stays the PT company
                # Barnum, not the person P. T. Barnum Inc is named after
                for n in list(names):
                    dotted = _DOTTED_LETTERS.search(n) is not None
                    reading = normalise_name(
                        n, person=True, ambiguous_forms=not dotted, countries=where
                    )
                    if reading not in normalised:
                        names.append(n)
                        normalised.append(reading)
            if not person:
                # "Ste Generale": Sainte or the French Sté (Société); both readings
                for n in list(names):
                    written = societe_reading(n)
                    reading = normalise_name(written or "", countries=where)
                    if written and reading not in normalised:
                        names.append(n)
                        normalised.append(reading)
            # a Chinese party's name in Wade-Giles read in pinyin too, beside it ("Chang
            # Wei-kuo" and "Zhang Weiguo"), gated by country and spelling (link.wadegiles;
            # session 34, 2026-12-07, issue #13)
            for n in list(names):
                for written in pinyin_readings(n, codes, ignored=_NOT_CHINESE, person=person):
                    reading = normalise_name(
                        written, person=person, ambiguous_forms=not person, countries=where
                    )
                    if reading not in normalised:
                        names.append(n)
                        normalised.append(reading)
            keys: list[Any] = []
            for k, name in enumerate(normalised):
                text_k = names[k] if k < len(names) else ""
                if name.key in keys or (
                    k > 0 and len(name.key.split()) < 2 and not _unspaced(text_k, name.key)
                ):
                    continue
                keys.append(name.key)
                text = names[k] if k < len(names) else ""
                row = _row(
                    f"{party_id}{_NAME_SEP}{k}", party_id, name, codes, ident.key, rec, reg, text
                )
                rows.append({**row, "name_text": names[k] if names else ""})
        else:
            person = is_person_type(_text(rec.get("kind")))
            name = normalise_name(
                _text(rec.get("name")),
                person=person,
                ambiguous_forms=not person,
                countries=tuple(codes),
            )
            text = _text(rec.get("name"))
            rows.append(_row(party_id, party_id, name, codes, ident.key, rec, reg, text))
    frame = pd.DataFrame(rows, columns=[*_PREPARED, *_UNCOMPARED, "party_id", "name_text"])
    frame["registration_date"] = pd.to_datetime(frame["registration_date"], errors="coerce")
    frame["registration_date"] = frame["registration_date"].dt.date
    if not variants:
        frame = frame.drop(columns=["party_id", "name_text", *_UNCOMPARED])
    return frame.astype({c: "object" for c in frame.columns if c != "registration_date"})


# words of many towns' names, not one town's ("Santa Cruz", "Ciudad del Este", "Port Louis")
_TOWN_WORDS = frozenset(
    {"santa", "santo", "saint", "sankt", "city", "ciudad", "nuevo", "nueva", "port", "porto"}
    | {"puerto", "north", "south", "east", "west", "upper", "lower", "great", "little", "town"}
)
# words of a name that say neither which firm nor which person it is, for "name_own": an
# article or a "son of" ("Al Fajr Marine Services" / "Al Waha Marine Services": "al" says
# nothing of either; since 2026-12-06, unseen set 18) and the words of many towns' names
_NOT_OWN = frozenset({"al", "el", "ul", "bin", "ibn", "ben", "bint", "san", "sao"}) | _TOWN_WORDS
# and a family firm's "Brothers" or "Sons" in another language or shortened, as "brothers"
# and "sons" are trade words ("Quito Hnos. Trading" / "QUITO HERMANOS TRADING": one firm, p
# 0.46 with "hnos" and "hermanos" two own words; since 2026-12-06, review reviewp9)
_NOT_OWN |= frozenset(
    {"hnos", "hermanos", "hijos", "hno", "freres", "fils", "fratelli", "lli", "figli"}
    | {"irmaos", "filhos", "gebr", "gebruder", "gebrueder", "gebroeders", "sohne", "soehne"}
)


def _own_words(words: set[str]) -> list[str] | None:
    """A name's own words (``name_own``) and the singular of each that ends in a plural "s":
    "Ambers Lima Supplies" has "amber" of "Amber Lima Supplies" among its own words, so the
    two names share an own word and the "own" rule does not set them apart (Jaro-Winkler,
    the level above, does not take "amber ..." / "ambers ..." for a typo: one key begins
    with the other). Since 2026-12-06, review reviewp9 (p 0.76 after parties14, 0.9999
    before)."""
    singular = {w[:-1] for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")}
    return sorted(words | singular) or None


# letters that romanisations of one Chinese, Korean or Japanese sound write differently
# (Wade-Giles, postal and pinyin; McCune-Reischauer and Revised): voiced and voiceless stops
# alike ("Pusan" / "BUSAN", "Taegu" / "DAEGU", "Kumho" / "GEUMHO"), the affricates alike
# ("Hsinchu" / "XINZHU", "Tsingtao" / "QINGDAO", "Chan" / "CHEN": "c") and the sibilants
# ("hs" / "x" / "sh" / "s": "s"), but not an affricate and a sibilant (Korean "Myungjin" is
# not "MYUNGSIN"); vowels, "h", "w" and "y" dropped ("Inchon" / "INCHEON", "Kyongnam" /
# "GYEONGNAM")
_SKELETON_CLUSTERS = re.compile(r"tch|hs|sh|ch|zh|ts|tz|ph|[xqjz]")
_SKELETON_SOUNDS = {"hs": "s", "sh": "s", "x": "s", "ph": "p"}
_SKELETON_LETTERS = str.maketrans({"b": "p", "d": "t", "g": "k", "c": "k"})
_SKELETON_DROPPED = re.compile(r"[aeiouyhw]")
_SKELETON_DOUBLED = re.compile(r"(.)\1+")


def _skeleton(tokens: Sequence[str], *, person: bool = False) -> str | None:
    """A name's words' consonant skeletons, sorted ("pusan marine engineering" and "busan
    marine engineering": "mrn nknrnk psn"): a blocking key on which names romanised from
    one East Asian name meet where no word is spelt alike in every name (set 38: "Pusan
    Marine Engineering" / "BUSAN MARINE ENGINEERING" was not compared). None for a name of
    one word (too many names' consonants), where a word keeps no consonant, and for a
    person's (``person``: the list says so): a person's given names of one syllable meet too
    many others' ("Ahn Ji-won" / "HAN, Ji Won": "n" both). Session 32,
    2026-12-07, helper parties26."""
    if len(tokens) < 2 or person:  # noqa: PLR2004
        return None
    words = []
    for token in tokens:
        word = _SKELETON_CLUSTERS.sub(lambda m: _SKELETON_SOUNDS.get(m.group(0), "C"), token)
        word = _SKELETON_DROPPED.sub("", word.translate(_SKELETON_LETTERS)).lower()
        word = _SKELETON_DOUBLED.sub(r"\1", word)
        if not word:
            return None
        words.append(word)
    return " ".join(sorted(words))


_PREPARED = (
    "id",
    "name_key",
    "legal_form",
    "legal_family",
    "legal_forms",
    "name_tokens",
    "name_places",
    "name_own",
    "name_first",
    "name_last",
    "name_first2",
    "name_joined",
    "name_untowned",
    "name_roman",
    "name_roman_joined",
    "name_skeleton",
    "name_letters",
    "name_initials",
    "name_full",
    "name_forms",
    "identifier_key",
    "street_key",
    "street_block",
    "po_box_key",
    "street_words",
    "place_words",
    "street_tokens",
    "city_key",
    "town_key",
    "town_words",
    "town_names",
    "where_words",
    "street_places",
    "street_box_only",
    "postcode_key",
    "postcode_read",
    "region_key",
    "country_key",
    "country_keys",
    "name_common",
    "name_towned",
    "kind",
    "registration_date",
)


# a form and what its firms call it in English: a Japanese kabushiki kaisha "Co., Ltd."
# ("Tokai Sangyo K.K." / "Tokai Sangyo Co., Ltd.": -3.4 bits as "GmbH" / "Inc" before session
# 25, 6 December, unseen set 20), as Korean and Chinese forms are read (normalise.LEGAL_FORMS)
_ENGLISH_FORMS = {"kk": "co_ltd"}


def _untowned(tokens: list[str], legal_form: str, city: str, town: str) -> str:
    """A firm's name key (one with a legal form or a trade word) without its town's name,
    every word of it, when two words that are not trade words stay ("Moshi Coffee Exporters"
    in Moshi is no "Coffee Exporters", "An Khang Plastics" in Di An no "Khang Plastics");
    else its key."""
    key = " ".join(tokens)
    if not (legal_form or set(tokens) & _TRADE_WORDS):
        return key
    words = set(tokens)
    places = {w for place in (city, town) if set(place.split()) <= words for w in place.split()}
    kept = [w for w in tokens if w not in places]
    if len(kept) == len(tokens) or len(set(kept) - _TRADE_WORDS - FILLER - _NOT_OWN) < 2:
        return key
    return " ".join(kept)


# a person's name of more words is no name of the lists' (siblings.given_name_other reads six)
_FORMS_WORDS = 4


def _name_forms(tokens: list[str], legal_form: str, declared: str, reg: str) -> list[str] | None:
    """A person's name with its given name in another form of it ("Bill" / "William",
    "Sasha" / "Aleksandr", "Peggy" / "Margaret": siblings.name_groups), whose words and
    sounds differ, so no other level reads it as one name: for each word in a group, each of
    its groups joined to the name's other words ("g7|harrington" of "William Harrington" and
    of "HARRINGTON, Bill"). The other words whole: "Kim Dong-hyun" / "KIM, Dong-hoon" ("kim"
    is Kimberly's) share "kim"'s group and "dong", not "dong hyun". Only persons (the list
    says so, or a name with no legal form and a date of birth) of two to four words: a firm's
    name words are no given names, and a person's keys are few (a nickname of several names,
    "bill", gives a key per name). Session 31, 2026-12-07, helper parties23 (set 33's pairs
    at p 0.004)."""
    kind = party_kind(declared, legal_form)
    if kind != "person" and (kind is not None or not reg or legal_form):
        return None
    if not 2 <= len(tokens) <= _FORMS_WORDS:  # noqa: PLR2004
        return None
    keys = set()
    for n, word in enumerate(tokens):
        rest = " ".join(sorted(tokens[:n] + tokens[n + 1 :]))
        keys |= {f"{group}|{rest}" for group in name_groups(word)}
    return sorted(keys) or None


def _legal_forms(legal_form: str) -> list[str] | None:
    """A name's forms (each of one that writes two: "Oy Ab", "Co., Inc.") and the English one
    a form's firms write (_ENGLISH_FORMS), for the legal form's "one among the other's"
    level."""
    if not legal_form:
        return None
    forms = set(legal_form.split("+"))
    forms |= {_ENGLISH_FORMS[f] for f in forms if f in _ENGLISH_FORMS}
    return sorted(forms)


# Indonesia's own legal forms (Perseroan Terbatas, its listed "Tbk"): a party of no country
# with one is read as Indonesian's old spellings are (normalise.indonesian_spelling)
_INDONESIAN_FORMS = frozenset({"pt", "tbk", "pt tbk"})


def _row(
    row_id: str,
    party_id: str,
    name: Any,
    countries: list[str],
    identifier: str | None,
    rec: Mapping[Any, Any],
    reg: str,
    text: str = "",
) -> dict[str, Any]:
    tokens = name.key.split()
    joined = joined_key(name.core)
    # a US address keeps its town's English name ("Odessa", TX is not Odesa)
    us = "US" in countries or "us" in countries
    # a place's other names only for a party in its country ("Brunn" in Austria is no Brno)
    where = tuple(countries)
    street = normalise_street(_text(rec.get("street")), us=us, countries=where)
    city = normalise_city(_text(rec.get("city")), us=us, countries=where)
    town = city or address_town(_text(rec.get("street")), us=us, countries=where)
    # a street field that only names the party's town ("Adana" in Adana, as registers fill
    # a required address line) is no street: equal to another's "Adana" it said the town
    # once more, as an equal street (+10.6 bits: "Akdeniz Tekstil Boya" / "AKDENIZ TEKNIK",
    # "3D" / "3M Slovakia"; since 2026-12-05, unseen set 12). It still blocks as written
    # ("street_block"): a pair whose names share no key ("Ocean Star II" / "OCEAN STAR 2" in
    # "Piraeus") is compared, on no street evidence (since 2026-12-05, helper block8)
    written = street
    if street and city and set(street.split()) <= set(city.split()):
        street = ""
    # a Korean party's name as Korea's romanisations vary (normalise.korean_spelling)
    korean = bool(_KOREA & set(countries))
    # (its first consonants only for a party of North Korea: normalise.korean_spelling)
    north = "KP" in countries
    core = korean_spelling(name.core, initials=north) if korean else name.core
    # a Ukrainian party's "h" where Russian spellings write "g" (normalise.ukrainian_spelling)
    core = ukrainian_spelling(core) if "UA" in countries else core
    # an Indonesian party's old spelling ("Tjahaja" / "CAHAYA": normalise.indonesian_spelling)
    # (and a party of no country whose form is Indonesia's own, "PT": a register that
    # leaves the country blank writes "PT Tjahaja Timur" as often; review p22, session 35)
    indonesian = "ID" in countries or (not countries and name.legal_form in _INDONESIAN_FORMS)
    core = indonesian_spelling(core) if indonesian else core
    # a Japanese party's long vowels, an Uzbek's Latin "x" (normalise.japanese_spelling, ...)
    core = japanese_spelling(core) if "JP" in countries else core
    core = uzbek_spelling(core) if "UZ" in countries else core
    core = turkmen_spelling(core) if "TM" in countries else core
    # a Somali party's "x" and "c" (normalise.somali_spelling)
    # (its "c" only in a person's name: one the list says is a person's, or a name with a
    # date, of birth in a register, and no legal form)
    kind = party_kind(_text(rec.get("kind")), name.legal_form)
    firm = kind == "organisation" or (kind is None and not reg)
    core = somali_spelling(core, firm=firm) if _SOMALI & set(countries) else core
    # a Thai party's romanisations, an Arab party's article written joined (normalise.py)
    thai = "TH" in countries
    finals = "|".join(sorted(thai_finals(core))) if thai else ""
    core = thai_spelling(core) if thai else core
    # (the key without that reading too: _cap_joined_article)
    plain = core
    core = arabic_spelling(core) if _ARAB & set(countries) else core
    roman, roman_joined = romanised_key(core)
    letters, initials, full = initials_key(tokens)
    street_text = _text(rec.get("street"))
    read_postcode = address_postcode(street_text)
    postcode_text = _text(rec.get("postcode"))
    return {
        "party_id": party_id,
        "id": row_id,
        "name_key": name.key or None,
        "legal_form": name.legal_form or None,
        "legal_family": legal_family(name.legal_form) or None,
        # each form of a name that writes two ("Oy Ab" in two languages, "Co., Inc.")
        "legal_forms": _legal_forms(name.legal_form),
        "name_tokens": tokens or None,
        # the place names of the name as written ("praha" of "Praha Stavby", "prag" of "PRAG
        # STAVBY"; places.place_spellings): cap_location's "placed" (review p11, session 26)
        "name_places": (
            place_spellings(fold(text).split(), where)
            if not canonical_places().isdisjoint(tokens)
            else None
        )
        or None,
        # the name's words that say which firm or person it is: not a trade or sector word
        # ("Supplies", "Trading", "Rice"), a joining word, an article (_NOT_OWN), nor a word
        # of the party's own town
        # ("Lima" of "Amber Lima Supplies Ltd" in Lima). Two names whose only words in
        # common are such words, each with one of these of its own, are two parties' (the
        # name's "tokens_shared" level, settings "own"; since 2026-12-06, helper parties14)
        "name_own": _own_words(
            set(tokens) - _TRADE_WORDS - FILLER - _NOT_OWN - set(city.split()) - set(town.split())
        ),
        # a firm's name without the words of its own town, where it keeps a word of its own:
        # lists drop the town ("Ludhiana Sukhmani Hosiery Mfrs & Expts" in Ludhiana is
        # "SUKHMANI HOSIERY MANUFACTURERS AND EXPORTERS"; session 25, 6 December, unseen set 20)
        "name_untowned": _untowned(tokens, name.legal_form, city, town) or None,
        "name_first": tokens[0] if tokens else None,
        "name_last": tokens[-1] if tokens else None,
        # the first two words of the token set ("exports ganesh" of "Shree/Shri Ganesh
        # Exports"), the name without spaces in written order ("Tian Li" = "Tianli")
        "name_first2": " ".join(tokens[:2]) if len(tokens) >= 2 else None,
        "name_joined": joined or None,
        # the name's words folded across romanisations (sorted), and written together
        # ("Yousef Al-Amiri" = "YUSUF AL AMIRI", "Ulaanbaatar" = "Oulan Bator"): normalise.py
        "name_roman": roman or None,
        "name_roman_joined": roman_joined or None,
        # the name's consonants as romanisations of one East Asian word differ in them
        # (_skeleton: "Pusan" = "BUSAN", "Hsinchu" = "XINZHU", "Kyongnam" = "GYEONGNAM"):
        # for blocking only
        # (a Chinese, Hong Kong, Taiwanese or Korean party's only: a Japanese firm's "Nippon
        # House" meets "NIPPON HOSE" on it, "s npn" both, and scores 0.9997)
        "name_skeleton": _skeleton(tokens, person=kind == "person")
        if set(_EAST_ASIAN) & {c.upper() for c in countries}
        else None,
        # (not compared: _cap_joined_article) the name's romanised key without an article
        # read in a word that begins with one ("Alpine" is no "Al Pine"), and whether the
        # name writes an article apart ("El-Sherif")
        "name_roman_plain": (romanised_key(plain)[0] or None) if plain != core else roman or None,
        "name_article": bool(_ARTICLES_APART.intersection(plain.split())),
        # a Thai name's words read with a final "n" and the letter written ("pon r"): the
        # caps after scoring (_cap_joined_article)
        "name_thai_finals": finals,
        # first letters of the words (sorted), and for a name with initials ("K. Ndlovu",
        # "A.K. Sharma Exports") the same and its whole words: normalise.initials_key
        "name_letters": letters or None,
        "name_initials": initials or None,
        "name_full": full or None,
        # a person's given name's group and the name's other words ("g12|harrington" of
        # "William Harrington" and of "HARRINGTON, Bill"): the name's form level and
        # cap_location's "forms" (_name_forms)
        "name_forms": _name_forms(tokens, name.legal_form, _text(rec.get("kind")), reg),
        "identifier_key": identifier,
        "street_key": street or None,
        # the street as written, the town-only one too: for blocking only
        "street_block": written or None,
        # the post-office box's number ("PO Box 8123" = "P.O.Box 8123"): normalise.po_box
        "po_box_key": po_box(_text(rec.get("street"))) or None,
        "street_words": sorted(set(street.split())) or None,
        # with the town's words: a list's whole address that names the town only
        # ("Volgograd") is within a register's street in that town ("pr. Lenina 110" in
        # Volgograd), as it is within a whole address that names it
        "place_words": sorted(set(street.split()) | set(city.split())) if street else None,
        "city_key": city or None,
        # the town, or the one a whole address in one field names ("Market Yard, Nashik":
        # lists give no town of their own): for blocking only, normalise.address_town
        "town_key": town or None,
        # the town's words, and every word of where the party is (street and town): a town
        # a whole address names ("Jinhua, Zhejiang Province, China") is one of its words,
        # not always its last part (since 2026-12-05, unseen set 10; settings: "named")
        "town_words": sorted(set(town.split())) or None,
        "where_words": sorted(set(street.split()) | set(city.split())) or None,
        # the town's own words, not "San", "de", "Santa", "City" ("San Marcos de Tarrazu":
        # "marcos", "tarrazu"): a list's "Tarrazu, San Jose" names the town and then its
        # province, whose name address_town guesses (since 2026-12-05, review of set 10's
        # rules on unseen set 11)
        "town_names": sorted({w for w in city.split() if w not in _TOWN_WORDS and len(w) >= 4})
        or None,
        # a whole address in one field (no town field) of place names only, no number: it
        # names a district, a town, a region, a country, no street ("Nanshan District,
        # Shenzhen, Guangdong"); a register's street cannot disagree with it
        "street_places": bool(street) and not city and not any(ch.isdigit() for ch in street),
        # a PO box in a town and no street ("P.O. Box 4567, Jeddah 21491"): no street that
        # can disagree with another's (settings: the street's "box_only" level)
        "street_box_only": box_only(street_text, postcode=read_postcode),
        # the postal code field, or the one a whole address in one field names ("Jeddah
        # 21491", "P.C. 112": normalise.address_postcode); since 2026-12-05, unseen set 16
        "postcode_key": normalise_postcode(postcode_text or (read_postcode if not city else ""))
        or None,
        # ... read from that address, not a field of its own: the street's text says it too
        # (cap_location: it counts only where the street does not)
        "postcode_read": bool(read_postcode) and not city and not normalise_postcode(postcode_text),
        "region_key": fold(_text(rec.get("region"))) or None,
        # the first country (identifiers without a prefix take it); all of them for the
        # comparison: a list entry in "ru;by" agrees with a trader in BY
        "country_key": countries[0] if countries else None,
        "country_keys": countries or None,
        "name_common": False,  # set by link_parties: :func:`mark_common_names`
        "name_towned": False,  # ... and this
        # person / organisation / None, per name (an alias may carry the legal form)
        "kind": party_kind(_text(rec.get("kind")), name.legal_form),
        "registration_date": reg or None,
    }


def mark_common_names(frame: pd.DataFrame) -> pd.DataFrame:
    """``name_common``: two or more parties of this list carry the same name key, legal form
    and country (two "Global Trading LLC" in Dubai), or the name is made of trade words only
    ("Global Trading", normalise.GENERIC_WORDS: many companies anywhere carry it, though one
    list may show one). An equal name then cannot tell which party is meant: that must come
    from other fields (address, identifier). Only for two lists; a register being
    deduplicated is made of such spellings."""
    frame = frame.copy()
    key = frame[["name_key", "legal_form", "country_key"]].fillna("").agg("\x1f".join, axis=1)
    town = frame["town_key"].fillna("").astype(str)
    named = frame.assign(_key=key, _town=town)[frame["name_key"].notna()]
    counts = named.groupby("_key")["party_id"].nunique()
    common = set(counts[counts >= 2].index)
    # ... unless each of them is a firm in a town of its own ("name_towned"): "JANSEN & ZN
    # TRANSPORT BV" of Den Bosch and of Zwolle on one list are told apart by their towns,
    # which then count for the register's Jansen of 's-Hertogenbosch (session 28, 6 December,
    # unseen set 26: four such true pairs at p 0.586, the town counting nothing). A namesake
    # of no town could be any; persons move (set 11's two "THAPA, Ram Bahadur", Lalitpur and
    # Pokhara, are told apart by their dates of birth, not their towns)
    untowned = set(named.loc[named["_town"] == "", "_key"])
    in_town = named.groupby(["_key", "_town"])["party_id"].nunique()
    shared_town = {str(pair[0]) for pair in in_town[in_town >= 2].index}
    persons = set(named.loc[named["kind"] == "person", "_key"])
    generic = frame["name_key"].map(lambda k: isinstance(k, str) and is_generic_name(k))
    towned = key.isin(common) & ~key.isin(untowned | shared_town | persons) & ~generic
    frame["name_common"] = ((key.isin(common) & ~towned) | generic).astype(bool).astype(object)
    frame["name_towned"] = towned.astype(bool).astype(object)
    return frame


# Words that make a name another company's of the same group or family: a parent's ("X
# Holdings", "X Group" of X; pinyin "Jituan" reads "group") or the family's other firm ("X &
# Sons" of X). Until 2026-12-05 (review of set 7) "holding(s)" only, and "R. Patel Trading" /
# "R PATEL AND SONS TRADING" at one PO box linked at p 0.999
HOLDING_WORDS = frozenset({"holding", "holdings", "group", "sons"})
_TRADE_WORDS = GENERIC_WORDS | SECTOR_WORDS
# countries whose firms' names join Chinese or Korean syllables into words ("Tianyu", "Hanbit")
_EAST_ASIAN = ("CN", "HK", "MO", "TW", "KR", "KP")
_KOREAN = ("KR", "KP")  # whose syllables may end in "l" (Review p18)
_CHINESE = tuple(sorted(CHINESE_COUNTRIES))  # one list with link.wadegiles
# words a name's Wade-Giles reading leaves as written (link.wadegiles.pinyin_readings)
_NOT_CHINESE = _TRADE_WORDS | FILLER


# A street word is rare when at most this many records (or this share of them) carry it.
RARE_STREET_WORD = (2, 0.005)


def with_rare_street_words(frames: Sequence[pd.DataFrame]) -> list[pd.DataFrame]:
    """Add ``street_rare``: the words of each record's street (or whole address) that few
    records of the input carry, counted over all frames: "robinson", "nariman", a postcode,
    not "road", "dubai" or "10". Two records sharing two rare words very likely share an
    address even when the addresses are written too differently to compare as strings."""
    from collections import Counter

    import pandas as pd

    words = [
        [set(v.split()) if isinstance(v, str) else set() for v in f["street_key"]] for f in frames
    ]
    # counted once per party: a party compared under several names (its aliases, two
    # readings of one name: link_parties) has one row per name and one address
    per_party: dict[tuple[int, str], set[str]] = {}
    for n, (frame, ws) in enumerate(zip(frames, words, strict=True)):
        for row_id, one in zip(frame["id"], ws, strict=True):
            per_party.setdefault((n, str(row_id).split(_NAME_SEP)[0]), set()).update(one)
    counts: Counter[str] = Counter(w for one in per_party.values() for w in one)
    total = len(per_party)
    limit = max(RARE_STREET_WORD[0], RARE_STREET_WORD[1] * total)
    out = []
    for frame, ws in zip(frames, words, strict=True):
        frame = frame.copy()
        rare: list[list[str] | None] = [
            sorted(w for w in one if counts[w] <= limit) or None for one in ws
        ]
        frame["street_rare"] = pd.Series(rare, index=frame.index, dtype="object")
        out.append(frame)
    return out


def _db_api(backend: Backend, spark: Any = None) -> Any:
    if backend == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI()
    from splink import SparkAPI

    if spark is None:
        from clearlane.link.spark import local_session

        spark = local_session()
    return SparkAPI(spark_session=spark)


def _train(linker: Any, model: dict[str, Any]) -> None:
    """u by random sampling, m by EM per training block; a block that yields no pairs on this
    input (e.g. no registration dates at all) is skipped and its comparisons keep the
    shipped m values."""
    from splink import block_on
    from splink.internals.exceptions import EMTrainingException

    linker.training.estimate_u_using_random_sampling(max_pairs=5e5, seed=14)
    for columns in model["training_blocks"]:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*columns), estimate_without_term_frequencies=True
            )
        except EMTrainingException:
            continue


def untrained_prior(frames: Sequence[pd.DataFrame], sizes: Sequence[int] | None = None) -> float:
    """1 / the larger side, counted in parties (``sizes``) when rows are names of parties."""
    return min(0.5, max(PRIOR, 1.0 / max(sizes or [len(f) for f in frames])))


def identifier_recall(frames: Sequence[pd.DataFrame], model: dict[str, Any]) -> float:
    """Assumed recall of "equal identifier" among all true pairs: the share of pairs in which
    both records carry an identifier, times how often a true pair's identifiers agree (the m
    of the identifier comparison's "same key" level). 0 when no pair can show one."""
    spec = model["identifier_prior"]
    present = [int(f[spec["column"]].notna().sum()) for f in frames]
    if len(frames) == 1:
        n, k = len(frames[0]), present[0]
        share = (k * (k - 1)) / (n * (n - 1)) if n > 1 else 0.0
    else:
        share = (present[0] * present[1]) / (len(frames[0]) * len(frames[1]))
    (comparison,) = [c for c in model["comparisons"] if c["column"] == spec["column"]]
    agreement = next(lv["m"] for lv in comparison["levels"] if lv["kind"] == "exact")
    return float(share * agreement)


def identifier_prior(
    linker: Any, frames: Sequence[pd.DataFrame], model: dict[str, Any]
) -> float | None:
    """Splink's direct estimate of the prior from pairs agreeing on the model's
    ``identifier_prior`` rules with :func:`identifier_recall` as their recall, or None when the
    data cannot give one (no pair with equal identifiers, or more than the recall allows)."""
    from splink import block_on

    column = model["identifier_prior"]["column"]
    keys = [f[column].dropna() for f in frames]
    agreeing = keys[0].duplicated().any() if len(keys) == 1 else keys[0].isin(keys[1]).any()
    recall = identifier_recall(frames, model)
    if not agreeing or recall <= 0.0:
        return None
    rules = [block_on(*r) for r in model["identifier_prior"]["rules"]]
    settings = linker._settings_obj  # noqa: SLF001
    before = settings._probability_two_random_records_match  # noqa: SLF001
    try:
        linker.training.estimate_probability_two_random_records_match(rules, recall=recall)
    except ValueError as exc:
        logger.warning("prior not estimated from identifiers (%s)", exc)
        return None
    prior = float(settings._probability_two_random_records_match)  # noqa: SLF001
    settings._probability_two_random_records_match = before  # noqa: SLF001
    return prior if 0.0 < prior < 0.5 else None


def link_parties(
    left: pd.DataFrame,
    right: pd.DataFrame,
    *,
    threshold: float = MATCH_THRESHOLD,
    backend: Backend = "duckdb",
    train: bool | None = None,
    spark: Any = None,
    model: dict[str, Any] | None = None,
) -> LinkResult:
    """Pairs (left, right) judged the same party. ``train=None``: EM when inputs are large.

    Each party is compared under each of its names (the name, names after a.k.a./f.k.a. in
    it, the ``aliases`` column: :func:`_prepare`); a pair of parties is reported once, with
    the scores of its best-matching names."""
    a, b = _prepare(left, variants=True), _prepare(right, variants=True)
    sizes = []
    for frame, side in ((a, "left"), (b, "right")):
        parties = frame["party_id"][frame["id"].str.endswith("\x1f0")]
        dup = parties[parties.duplicated()]
        if not dup.empty:
            raise ValueError(f"{side}: id {dup.iloc[0]!r} appears more than once")
        sizes.append(len(parties))
    if train is None:
        train = min(sizes) >= MIN_RECORDS_FOR_TRAINING
    a, b = mark_common_names(a), mark_common_names(b)
    party_of = dict(zip(a["id"], a["party_id"], strict=True))
    party_of.update(zip(b["id"], b["party_id"], strict=True))
    # one map per side: both lists may number their parties 1, 2, 3 ... (same row ids)
    left_names = dict(zip(a["id"], a["name_text"], strict=True))
    right_names = dict(zip(b["id"], b["name_text"], strict=True))
    frames = [f.drop(columns=["party_id", "name_text", *_UNCOMPARED]) for f in (a, b)]
    result = _score(frames, threshold, backend, train, spark, model or PARTY_MODEL, sizes=sizes)
    out = result.matches
    out = _cap_named_elsewhere(out, a, b, model or PARTY_MODEL, threshold)
    out = _cap_other_tax_numbers(out, a, b, threshold)
    out = _cap_joined_article(out, a, b, model or PARTY_MODEL, threshold)
    out = _cap_other_firm(out, a, b, model or PARTY_MODEL, threshold)
    # the names (as written: the name or an alias) whose comparison the pair's scores are
    out["left_name"] = out["left_id"].map(left_names)
    out["right_name"] = out["right_id"].map(right_names)
    if out.empty:
        return LinkResult(out, result.trained, result.compared_pairs)
    out["left_id"] = out["left_id"].map(party_of)
    out["right_id"] = out["right_id"].map(party_of)
    out = (
        out.sort_values(["match_probability", "match_weight"], ascending=False, kind="stable")
        .drop_duplicates(["left_id", "right_id"])
        .sort_values(["left_id", "right_id"], kind="stable")
        .reset_index(drop=True)
    )
    return LinkResult(out, result.trained, result.compared_pairs)


def own_ceiling(model: dict[str, Any], name: str = "name") -> float | None:
    """The weight (bits) of ``name``'s comparison level marked "own" (two words of a name in
    common, settings): what a name counts at most where the rules say it cannot tell two
    firms apart; None when the model has no such level. One place for the three rules that
    cap a name so (review p12, session 27)."""
    (spec,) = [c for c in model["comparisons"] if c["name"] == name]
    shared = [lv for lv in spec["levels"] if lv.get("own")]
    return math.log2(shared[0]["m"] / shared[0]["u"]) if shared else None


def _words(value: Any) -> frozenset[str]:
    return frozenset(str(w) for w in value) if isinstance(value, (list, tuple)) else frozenset()


_Named = tuple[str, frozenset[str], str, frozenset[str], str]


def _named_by(frame: pd.DataFrame) -> dict[str, list[_Named]]:
    """A side's name keys -> the parties (id, countries, legal form, town's words, identifier
    key or "") that carry each among their names."""
    named: dict[str, list[_Named]] = {}
    for key, party, codes, form, town, ident in zip(
        frame["name_key"],
        frame["party_id"],
        frame["country_keys"],
        frame["legal_form"],
        frame["town_words"],
        frame["identifier_key"],
        strict=True,
    ):
        if isinstance(key, str) and key:
            named.setdefault(key, []).append(
                (
                    str(party),
                    _words(codes),
                    form if isinstance(form, str) else "",
                    _words(town),
                    ident if isinstance(ident, str) else "",
                )
            )
    return named


def _one_form(a: str, b: str) -> bool:
    """Two legal forms (codes) that do not tell two firms apart: one missing, the same, or
    of one family ("GmbH" / "LLC")."""
    return not a or not b or a == b or bool(legal_family(a)) and legal_family(a) == legal_family(b)


def _form(row: pd.Series) -> str:
    form = row["legal_form"]
    return form if isinstance(form, str) else ""


def _cap_named_elsewhere(
    out: pd.DataFrame,
    left: pd.DataFrame,
    right: pd.DataFrame,
    model: dict[str, Any],
    threshold: float,
) -> pd.DataFrame:
    """Two firms' names alike but not one ("Seto Tokki" / "SETO TOKI", "Metalurgica Paulista"
    / "METALURGICA PAULISTANA", "Abay Tea Export" / "ABAY COFFEE EXPORT", "Alatau Stroy
    Invest" / "ALATAU STROY") where another party of one list carries the other's name as it
    is written ("Seto Toki" in the same register), in the entry's town (both known, the same
    town words: set 8's "SRI VENKATESWARA CHEMICALS" of Chennai is not Hyderabad's "Sri
    Venkateswara Chemicals Ltd"; FEBRL 4's namesakes of no town, or of "noble pzrk" for
    "noble park", lost two true pairs), in no other country and of no other legal form ("CV
    Cahaya Samudra Abadi" is not "PT ..."): the entry names that party; this one is its
    sister, whose town, street and country are as often the same. The name then counts no
    more than two words in common do (the name level marked "own") and the address nothing;
    an identifier in common keeps the pair, and a party sharing the entry's identifier is the
    entry written twice, not another (session 27, review p12). Lowers rows of ``out`` in
    place and returns it without those it leaves below ``threshold`` (session 27, helper
    parties18: such sisters linked at p 0.96-0.99 in sets 11-24)."""
    import numpy as np

    if out.empty or "name_key" not in left or "name_key" not in right:
        return out
    ceiling = own_ceiling(model)
    rule = model.get("location_evidence") or {}
    if ceiling is None or not rule.get("address"):
        return out
    columns = ["name_key", "party_id", "country_keys", "kind", "legal_form", "town_words"]
    columns += ["identifier_key"]
    rows = {side: frame.set_index("id")[columns] for side, frame in (("l", left), ("r", right))}
    named = {"l": _named_by(left), "r": _named_by(right)}
    firm_kinds = ("organisation",)

    capped = np.zeros(len(out), dtype=bool)
    # names alike (two words in common or better): names that are not alike, and pairs held
    # by an identifier, are no sisters' (FEBRL 4's "barisic jackson Import Export" / "Import
    # Export webb" at one address is one party, the names replaced)
    alike = (out["w_name"] >= ceiling).to_numpy()
    for n, (lid, rid, method) in enumerate(
        zip(out["left_id"], out["right_id"], out.get("method", [""] * len(out)), strict=True)
    ):
        if method == "identifier" or not alike[n]:
            continue
        this = {"l": rows["l"].loc[lid], "r": rows["r"].loc[rid]}
        keys = {side: this[side]["name_key"] for side in this}
        if not all(isinstance(k, str) and k for k in keys.values()):
            continue
        # one name of two forms that tell firms apart ("Nordlicht Solartechnik UG" / "...
        # GMBH & CO. KG") where a party of one list carries the name in the other's form (the
        # list's "... GMBH" of the UG's family): that party is the entry, this one its sister
        # of another form (session 28, 6 December: set 25's UG linked its GmbH & Co. KG at p
        # 0.978 once "UG (haftungsbeschrankt)" was read as a form)
        if keys["l"] == keys["r"] and _one_form(*(_form(this[side]) for side in ("l", "r"))):
            continue
        if not any(
            this[side]["kind"] in firm_kinds
            or isinstance(this[side]["legal_form"], str)
            and this[side]["legal_form"]
            for side in this
        ):
            continue
        for side, other in (("l", "r"), ("r", "l")):
            # a party of ``side``'s list, not this one, that carries ``other``'s name
            where = _words(this[other]["country_keys"])
            town = _words(this[other]["town_words"])
            form = _form(this[other])
            # ... and not this party written twice: a row sharing its identifier (a register's
            # misspelt duplicate of a firm, one KRS number; set 25 lost two such true pairs,
            # p 0.99 -> 0.758). A sister has its own number
            own = this[side]["identifier_key"]
            own = own if isinstance(own, str) and own else None
            if any(
                party != this[side]["party_id"]
                and its_ident != own
                and (not codes or not where or codes & where)
                and bool(town)
                and its_town == town
                and _one_form(its_form, form)
                for party, codes, its_form, its_town, its_ident in named[side].get(keys[other], ())
            ):
                capped[n] = True
                break
    if not capped.any():
        return out
    name_column = "w_name"
    out.loc[capped & (out[name_column] > ceiling).to_numpy(), name_column] = ceiling
    for field in rule["address"]:
        column = f"w_{field}"
        if column in out:
            out.loc[capped & (out[column] > 0).to_numpy(), column] = 0.0
    return _rescored(out, capped, threshold)


def _rescored(out: pd.DataFrame, capped: Any, threshold: float) -> pd.DataFrame:
    """``out`` with the ``capped`` rows' weight and probability summed again from their field
    weights, without those it leaves below ``threshold``."""
    import numpy as np

    total = out[["w_prior", *(f"w_{f}" for f in FIELDS)]].sum(axis=1)
    out.loc[capped, "match_weight"] = total[capped]
    odds = np.exp2(total[capped].to_numpy())
    out.loc[capped, "match_probability"] = odds / (1.0 + odds)
    drop = capped & (out["match_probability"] < threshold).to_numpy()
    return out[~drop].reset_index(drop=True) if drop.any() else out


# m of "two tax numbers of one country, each passing its check digit, and not one" for a true
# pair: one legal person has one (a typo fails the check digit nine times in ten), as the
# identifier comparison's "else" level (m 0.05) cannot say for keys of any kind (an EORI and a
# VAT number of one firm differ)
OTHER_TAX_NUMBER_M = 0.001
# a country's tax numbers of which a part is the legal person's and the rest says which of its
# establishments (or registrations) it is: (the number's length, the part's start and end).
# Brazil's CNPJ (8 digits of the company, 4 of the branch, 2 check digits); Indonesia's NPWP
# (9 of the taxpayer, 3 of the tax office, 3 of the branch: "000" the head office); India's
# GSTIN (a state's 2 digits, the 10 of the firm's PAN, one per state it is registered in);
# Viet Nam's MST (a branch's 13 digits are its firm's 10 and 3 of its own). Each of these
# firms writes several numbers, all one legal person's (review p13 of session 28: read whole,
# a firm's two GSTINs or branch NPWPs were two firms)
_TAX_ROOTS = {"BR": (14, 0, 8), "ID": (15, 0, 9), "IN": (15, 2, 12), "VN": (13, 0, 10)}


def _tax_number(key: Any) -> tuple[str, str] | None:
    """(the numbering, the firm's part of the number) of an identifier key that is a VAT
    number or TIN passing its check digit, or a company register's number (identifiers:
    ``register``); None for another kind or none. The numbering is the country's and the
    scheme's ("RU:inn", "GB:company"): a firm's INN and OGRN, or its VAT number and TIN,
    differ and are one legal person's (session 37, 2026-12-07, helper parties33, set 49)."""
    if not isinstance(key, str) or not key:
        return None
    found = identifier_key(key)
    if found.kind not in CHECKED_KINDS:
        return None
    country, number = key[:2], key[2:]
    size, start, end = _TAX_ROOTS.get(country, (0, 0, 0))
    return found.scheme or country, number[start:end] if len(number) == size else number


# a _prepare column no comparison reads (the caps after scoring do)
_UNCOMPARED = ("name_roman_plain", "name_article", "name_thai_finals")
# an Arabic article written apart ("El-Sherif", "Al Noor"): normalise._ARTICLES
_ARTICLES_APART = frozenset({"al", "el", "ul"})


def _two_finals(one: str, other: str) -> bool:
    """Two Thai names' words read alike with a final "n" ("pon") but written with "r" on one
    side and "l" on the other ("Siriporn" / "SIRIPHOL"): normalise.thai_finals."""
    if not one or not other:
        return False
    left = dict(w.rsplit(" ", 1) for w in one.split("|"))
    right = dict(w.rsplit(" ", 1) for w in other.split("|"))
    return any(left[w] != right[w] for w in left.keys() & right.keys())


def _cap_joined_article(
    out: pd.DataFrame,
    left: pd.DataFrame,
    right: pd.DataFrame,
    model: dict[str, Any],
    threshold: float,
) -> pd.DataFrame:
    """An Arab party's word that begins with "al" or "el" is read as the article and a word
    (normalise.arabic_spelling: "ALSHARIF" as "Al Sharif", so "El-Sherif"): a reading the
    other name can confirm by writing an article apart, not one it can make of any word so
    begun ("Alpine Trading" is not "PINE TRADING", "Alstar Shipping" not "STAR SHIPPING":
    p 0.98 on lead, review p14 of session 29). Where the two names are one romanised key only
    through that reading and neither writes an article apart, the name counts as two names
    (the name's "else" level, which leaves the address no weight); so too where a Thai
    name's final "r" is the other's "l" (:func:`_two_finals`). Lowers rows of ``out`` in
    place and returns it without those it leaves below ``threshold``."""
    import numpy as np

    if out.empty or "name_roman_plain" not in left or "name_roman_plain" not in right:
        return out
    columns = ["name_roman", "name_roman_plain", "name_article", "name_thai_finals"]
    rows = {
        side: dict(zip(frame["id"], frame[columns].itertuples(index=False), strict=True))
        for side, frame in (("l", left), ("r", right))
    }
    capped = np.zeros(len(out), dtype=bool)
    for n, (lid, rid) in enumerate(zip(out["left_id"], out["right_id"], strict=True)):
        one, other = rows["l"].get(lid), rows["r"].get(rid)
        if one is None or other is None or not one[0] or one[0] != other[0]:
            continue
        capped[n] = (one[1] != other[1] and not (one[2] or other[2])) or _two_finals(
            one[3], other[3]
        )
    if not capped.any():
        return out
    return _name_as_two(out, capped, model, threshold)


def _name_as_two(
    out: pd.DataFrame, capped: Any, model: dict[str, Any], threshold: float
) -> pd.DataFrame:
    """The ``capped`` rows' names counted as two names (the name's "else" level) and their
    address as no evidence; ``out`` without those this leaves below ``threshold``."""
    (spec,) = [c for c in model["comparisons"] if c["name"] == "name"]
    (other_names,) = [lv for lv in spec["levels"] if lv["kind"] == "else"]
    weight = math.log2(other_names["m"] / other_names["u"])
    out.loc[capped & (out["w_name"] > weight).to_numpy(), "w_name"] = weight
    rule = model.get("location_evidence") or {}
    for field in rule.get("address", ()):
        column = f"w_{field}"
        out.loc[capped & (out[column] > 0).to_numpy(), column] = 0.0
    return _rescored(out, capped, threshold)


def _firms(kind_one: Any, kind_other: Any, form: str) -> bool:
    """Two parties read as firms: written with a legal form or declared or read a firm, and
    neither a person (session 33, 2026-12-07; siblings.trade_look_alikes)."""
    kinds = {k for k in (kind_one, kind_other) if isinstance(k, str) and k}
    return "person" not in kinds and (bool(form) or "organisation" in kinds)


def _persons(kind_one: Any, kind_other: Any, form: str) -> bool:
    """Two parties read as persons: one declared or read a person, neither a firm nor
    written with a legal form (session 31, 2026-12-07; siblings.given_name_other)."""
    kinds = {k for k in (kind_one, kind_other) if isinstance(k, str) and k}
    return not form and "person" in kinds and kinds <= {"person"}


# words of a street's key that name no street: its kind, a unit's, an area's (street keys
# abbreviate "Road", "Street", "Avenue", "Lane", "Section", "District")
_NO_STREET_NAME = frozenset(
    """
    rd st ave ln dr pl blvd ct cres sq hwy no unit plot lot shop flat office floor fl blk block
    industrial area zone free estate park phase sector sec dist jalan jl
    """.split()
)


def _one_street(one: Any, other: Any) -> bool:
    """Two streets' keys with the same numbers, one at least, and a word of the street's
    name in common ("88 Sukhumvit Soi 71" / "88 SUKHUMVIT SOI 71 BANGKOK"): one address,
    where a firm's name with one letter misread or misheard ("Metal" / "MEDAL", "Glass" /
    "CLASS": siblings.one_consonant_apart) is still that firm's (sets 40, 48). The word in
    common names the street: not "Rd", "Unit" nor "Industrial Area" (_NO_STREET_NAME; review
    p23, session 36, 2026-12-07): "Industrial Area 13" is an area, not a building, and "12
    Mill Rd" is not "12 Canal Rd"."""
    if not (isinstance(one, str) and isinstance(other, str)):
        return False
    words_one, words_other = set(one.split()), set(other.split())
    numbers_one = {w for w in words_one if any(c.isdigit() for c in w)}
    numbers_other = {w for w in words_other if any(c.isdigit() for c in w)}
    return (
        bool(numbers_one)
        and numbers_one == numbers_other
        and bool((words_one - numbers_one) & (words_other - numbers_other) - _NO_STREET_NAME)
    )


def _one_date(one: Any, other: Any) -> bool:
    """Two dates (of birth or registration) given both sides and equal."""
    import pandas as pd

    return bool(not pd.isna(one) and not pd.isna(other) and one == other)


def _cap_other_firm(
    out: pd.DataFrame,
    left: pd.DataFrame,
    right: pd.DataFrame,
    model: dict[str, Any],
    threshold: float,
) -> pd.DataFrame:
    """Pairs whose names say they are two legal persons (session 30, helper parties21;
    link.siblings): numbered otherwise ("Fund III" / "FUND II"), under legal forms of two
    families ("Anstalt" / "AG", "S.A.I.C." / "S.R.L."), of two trades and nothing else
    other ("Xieye" (shoes) / "TEXTILE"), a Korean given name's syllable other ("박정훈" /
    "PARK, Jung Ho"), persons of one family name with another given name ("ნინო კაპანაძე" /
    "KAPANADZE, Nana"; session 31, parties22). The identifier, where both have one, still
    decides (not capped)."""
    import numpy as np

    if out.empty:
        return out
    columns = ["name_tokens", "legal_form", "name_text", "identifier_key", "kind", "street_key"]
    columns += ["registration_date"]
    rows = {
        side: dict(zip(frame["id"], frame[columns].itertuples(index=False), strict=True))
        for side, frame in (("l", left), ("r", right))
    }

    def words(value: Any) -> list[str]:
        return [str(w) for w in value] if isinstance(value, (list, tuple, np.ndarray)) else []

    capped = np.zeros(len(out), dtype=bool)
    for n, (lid, rid) in enumerate(zip(out["left_id"], out["right_id"], strict=True)):
        one, other = rows["l"].get(lid), rows["r"].get(rid)
        if one is None or other is None:
            continue
        if isinstance(one[3], str) and one[3] and one[3] == other[3]:
            continue
        tokens_one, tokens_other = words(one[0]), words(other[0])
        form_one = one[1] if isinstance(one[1], str) else ""
        form_other = other[1] if isinstance(other[1], str) else ""
        capped[n] = (
            other_numbers(str(one[2]), str(other[2]), form_one, form_other)
            or other_form(form_one, str(one[2]), form_other, str(other[2]))
            or other_trades(tokens_one, tokens_other)
            or korean_given_names_differ(str(one[2]), str(other[2]))
            # (firms only: a person's surname is no trade, "Hose" / "HOUSE" a typo of it)
            or (
                _firms(one[4], other[4], form_one or form_other)
                and (
                    trade_look_alikes(tokens_one, tokens_other)
                    or other_compass_points(tokens_one, tokens_other)
                    or other_closed_words(tokens_one, tokens_other)
                    or other_place_words(tokens_one, tokens_other)
                    or (
                        other_consonant_word(tokens_one, tokens_other)
                        and not (
                            one_consonant_apart(tokens_one, tokens_other)
                            and _one_street(one[5], other[5])
                        )
                    )
                )
            )
            or (
                _persons(one[4], other[4], form_one or form_other)
                and given_name_other(str(one[2]), str(other[2]))
                # (one given name, one birth date, a family name one letter apart: a typo)
                and not (
                    _one_date(one[6], other[6]) and family_name_slip(str(one[2]), str(other[2]))
                )
            )
        )
    if not capped.any():
        return out
    return _name_as_two(out, capped, model, threshold)


def _cap_other_tax_numbers(
    out: pd.DataFrame, left: pd.DataFrame, right: pd.DataFrame, threshold: float
) -> pd.DataFrame:
    """Two parties whose tax numbers of one country both pass their check digit and are not
    one are two legal persons, however alike their names and addresses ("Comercial Santos
    Ltda" in Sao Paulo, CNPJ 12.345.678/0001-95, is not the listed "COMERCIAL SANTOS LTDA" of
    CNPJ 61.204.337/0001-05; two branches of one firm share the CNPJ's first eight digits):
    the identifier then weighs as OTHER_TAX_NUMBER_M says. Lowers rows of ``out`` in place
    and returns it without those it leaves below ``threshold`` (session 28, 6 December, unseen
    set 26: linked at p 0.993)."""
    import numpy as np

    if out.empty or "identifier_key" not in left or "identifier_key" not in right:
        return out
    numbers = {
        side: dict(zip(frame["id"], map(_tax_number, frame["identifier_key"]), strict=True))
        for side, frame in (("l", left), ("r", right))
    }
    capped = np.zeros(len(out), dtype=bool)
    for n, (lid, rid) in enumerate(zip(out["left_id"], out["right_id"], strict=True)):
        one, other = numbers["l"].get(lid), numbers["r"].get(rid)
        capped[n] = bool(one and other and one[0] == other[0] and one[1] != other[1])
    if not capped.any():
        return out
    weight = math.log2(OTHER_TAX_NUMBER_M)
    out.loc[capped & (out["w_identifier"] > weight).to_numpy(), "w_identifier"] = weight
    return _rescored(out, capped, threshold)


def dedupe_parties(
    parties: pd.DataFrame,
    *,
    threshold: float = MATCH_THRESHOLD,
    backend: Backend = "duckdb",
    train: bool | None = None,
    spark: Any = None,
    prior: Prior = "size",
) -> LinkResult:
    """Pairs within one party list judged the same party (left_id < right_id as Splink sorts).
    ``prior`` applies when not trained (see :data:`Prior`)."""
    a = prepare(parties)
    if train is None:
        train = len(a) >= 2 * MIN_RECORDS_FOR_TRAINING
    return _score([a], threshold, backend, train, spark, PARTY_MODEL, prior)


def _score(
    frames: list[pd.DataFrame],
    threshold: float,
    backend: Backend,
    train: bool,
    spark: Any,
    model: dict[str, Any],
    prior_kind: Prior = "size",
    sizes: Sequence[int] | None = None,
) -> LinkResult:
    import numpy as np
    import pandas as pd
    from splink import Linker, block_on
    from splink.internals.exceptions import SplinkException

    if min(len(f) for f in frames) == 0 or (len(frames) == 1 and len(frames[0]) < 2):
        return LinkResult(_empty(), False, 0)
    frames = with_rare_street_words(frames)
    db_api = _db_api(backend, spark)
    names = [_LEFT, _RIGHT][: len(frames)]
    # a table name of this call's own: a Spark session outlives a call (local_session reuses
    # it), and registering "a_left" a second time in it failed the second link_parties
    run = uuid.uuid4().hex[:12]
    tables = [
        db_api.register(f, dataset_display_name=n, table_name=f"{n}_{run}")
        for f, n in zip(frames, names, strict=True)
    ]
    link_type: Literal["link_only", "dedupe_only"] = (
        "link_only" if len(frames) == 2 else "dedupe_only"
    )

    def new_linker() -> Any:
        return Linker(
            tables if len(tables) == 2 else tables[0],
            splink_settings(model, link_type=link_type),
            log_level=logging.WARNING,
            validate_settings=False,
        )

    linker = new_linker()
    if train:
        try:
            _train(linker, model)
            # Prior from near-certain rules; recall set low as these rules miss many matches.
            linker.training.estimate_probability_two_random_records_match(
                [block_on("identifier_key"), block_on("name_key", "city_key")], recall=0.7
            )
        except (SplinkException, ZeroDivisionError, ValueError) as exc:
            # Too little or too sparse data to estimate from: keep the shipped parameters.
            logger.warning("party model not trained on this input (%s); shipped values", exc)
            linker, train = new_linker(), False
    settings = linker._settings_obj  # noqa: SLF001
    if not train or not 0.0 < settings._probability_two_random_records_match < 1.0:  # noqa: SLF001
        estimated = identifier_prior(linker, frames, model) if prior_kind == "identifiers" else None
        # Otherwise expect about one match per record (1 / the larger side).
        settings._probability_two_random_records_match = estimated or untrained_prior(  # noqa: SLF001
            frames, sizes
        )
    if link_type == "link_only":
        _register_name_frequencies(linker, db_api, frames, model)
    scored = linker.inference.predict(warning_mode="never")
    # Only the pairs kept leave the database: every compared pair as a pandas frame (with
    # Splink's intermediate columns) cost over 500 MB on FEBRL 4 once blocking widened.
    table = scored.physical_name
    count = linker.misc.query_sql(f"select count(*) as n from {table}", output_type="pandas")
    compared = int(count["n"].iloc[0])
    # ... and only the columns read below (prediction_columns): with every column (each
    # side's word lists, keys and names, about 90) a benchmark reading all 57,244 pairs of
    # FEBRL 4 peaked at 1.1 GB, 0.7 GB with these (docs/performance.md, 2026-12-05)
    columns = ", ".join(prediction_columns([c.unquote().name for c in scored.columns], model))
    predictions = linker.misc.query_sql(
        f"select {columns} from {table} where match_probability >= {float(threshold)!r} "
        "or (identifier_key_l is not null and identifier_key_l = identifier_key_r)",
        output_type="pandas",
    )
    if predictions.empty:
        return LinkResult(_empty(), train, compared)
    # Orient pairs: left table's id in left_id whatever order Splink chose.
    if "source_dataset_l" in predictions:
        swap = (predictions["source_dataset_l"] != _LEFT).to_numpy()
    else:
        swap = np.zeros(len(predictions), dtype=bool)
    left_id = np.where(swap, predictions["id_r"], predictions["id_l"])
    right_id = np.where(swap, predictions["id_l"], predictions["id_r"])
    prior = linker._settings_obj._probability_two_random_records_match  # noqa: SLF001
    out = pd.DataFrame(
        {
            "left_id": left_id,
            "right_id": right_id,
            "match_probability": predictions["match_probability"].astype(float),
            "match_weight": predictions["match_weight"].astype(float),
        }
    )
    out["w_prior"] = math.log2(prior / (1 - prior))
    for field in FIELDS:
        out[f"w_{field}"] = predictions[f"mw_{field}"].astype(float)
        if f"mw_tf_adj_{field}" in predictions:  # a common name's term-frequency adjustment
            out[f"w_{field}"] += predictions[f"mw_tf_adj_{field}"].fillna(0.0).astype(float)
    cap_location(out, predictions, model)
    same_id = (
        predictions["identifier_key_l"].notna()
        & (predictions["identifier_key_l"] == predictions["identifier_key_r"])
    ).to_numpy()
    out["method"] = np.where(same_id, "identifier", "probabilistic")
    out.loc[same_id, "match_probability"] = 1.0
    keep = same_id | (out["match_probability"] >= threshold).to_numpy()
    out = out[keep].sort_values(["left_id", "right_id"], kind="stable").reset_index(drop=True)
    return LinkResult(out, train, compared)


def _forms_one(pair_column: Any, forms: str, n: int, words: list[list[str]]) -> bool:
    """The pair's ``n``-th names are one person's with a given name's other form
    (siblings.one_name_in_forms), read from the ``forms`` columns (resolve._name_forms)."""
    import numpy as np

    sides = [pair_column(f"{forms}_l").iat[n], pair_column(f"{forms}_r").iat[n]]
    if not all(isinstance(s, (list, tuple, np.ndarray)) for s in sides):
        return False
    return one_name_in_forms(
        [str(k) for k in sides[0]], [str(k) for k in sides[1]], words[0], words[1]
    )


def prediction_columns(available: Sequence[str], model: dict[str, Any]) -> list[str]:
    """The columns of Splink's predictions that :func:`_score` and :func:`cap_location` read,
    in ``available``'s order: the pair's ids and scores, every ``gamma_`` and ``mw_`` column
    (numbers), and each side's identifier key and the columns ``location_evidence`` names
    (legal form, kind, name words, PO box, the romanised names ``given_names`` compares). Not
    the other input columns (word lists, keys)."""
    rule = model.get("location_evidence") or {}
    read = (
        "legal_form",
        "kind",
        "tokens",
        "own",
        "po_box",
        "given_names",
        "forms",
        "postcode_read",
        "placed",
        "country_code",
    )
    sided = {"identifier_key", *(rule.get(k) for k in read)}
    wanted = {"id_l", "id_r", "source_dataset_l", "match_probability", "match_weight"}
    wanted |= {f"{c}_{side}" for c in sided if c for side in ("l", "r")}
    return [c for c in available if c in wanted or c.startswith(("gamma_", "mw_"))]


def _level_flags(model: dict[str, Any], comparison: str, flag: str, gammas: pd.Series) -> pd.Series:
    """The ``flag`` of the level each of Splink's ``gamma_<comparison>`` values stands for
    (Splink numbers a comparison's non-null levels from the last, 0, up; null is -1)."""
    (spec,) = [c for c in model["comparisons"] if c["name"] == comparison]
    levels = [lv for lv in spec["levels"] if lv["kind"] != "null"]
    by_gamma = {len(levels) - 1 - i: lv.get(flag) for i, lv in enumerate(levels)}
    # a null level's own flag (the name's: a side without a name; settings.PARTY_MODEL)
    null_flags = [lv[flag] for lv in spec["levels"] if lv["kind"] == "null" and flag in lv]
    if null_flags:
        by_gamma[-1] = null_flags[0]
    return gammas.astype(int).map(by_gamma)


def cap_location(out: pd.DataFrame, predictions: pd.DataFrame, model: dict[str, Any]) -> None:
    """Set to 0 the positive weight of the location fields that cannot count for a pair (the
    model's ``location_evidence``: a weak name, a person against a company, a legal form on
    one side only with a kind unknown; not when a "corroborates" level agrees), then re-add
    ``match_weight`` and ``match_probability`` in place. Only lowers a pair's weight."""
    import numpy as np

    rule = model.get("location_evidence")
    if not rule or out.empty:
        return
    name_weak = _level_flags(model, rule["name"], "weak", predictions[f"gamma_{rule['name']}"])
    kind_gamma = predictions[f"gamma_{rule['kind']}"].astype(int).to_numpy()
    form_l = predictions[f"{rule['legal_form']}_l"].notna().to_numpy()
    form_r = predictions[f"{rule['legal_form']}_r"].notna().to_numpy()
    # one side an organisation (a legal form, the list's type), the other of unknown kind
    kinds = predictions[[f"{rule['kind']}_l", f"{rule['kind']}_r"]]
    organisations = (kinds == "organisation").sum(axis=1).to_numpy()
    org = organisations == 1
    # "persons": "all" unless a side is an organisation (or its name has a trade word, "A.K.
    # Sharma Exports"), else "town" (a person's initials fit everyone of the household: "J.
    # Smith" at John's and Jane's address)
    weak_persons = (name_weak == "persons").to_numpy()
    household = weak_persons & (organisations == 0)
    tokens = rule.get("tokens")
    # a column of the predictions, looked up once for the loops over pairs below (a frame's
    # column per pair cost about 0.3 s of FEBRL 4's 57,231 pairs); missing, it raises when
    # first read, as before
    series: dict[str, pd.Series] = {}

    def pair_column(name: str) -> pd.Series:
        if name not in series:
            series[name] = predictions[name]
        return series[name]

    for n in np.flatnonzero(household).tolist() if tokens else ():
        words = [pair_column(f"{tokens}_l").iat[n], pair_column(f"{tokens}_r").iat[n]]
        household[n] = not any(
            isinstance(w, (list, tuple, np.ndarray)) and set(w) & GENERIC_WORDS for w in words
        )
    # persons born on other days: two members of one household at most
    contradicted = np.zeros(len(out), dtype=bool)
    for field in rule.get("contradicted_by", []):
        flags = _level_flags(model, field, "contradicts", predictions[f"gamma_{field}"])
        contradicted |= flags.fillna(False).astype(bool).to_numpy()
    # persons: neither an organisation nor with a legal form ("X Foods SA": SA is also a
    # name's word, so its kind is unknown, but no person carries it)
    contradicted &= (organisations == 0) & ~form_l & ~form_r
    # and, unless a list says person, a name of two words or more on each side: "Rosneft"
    # with its registration date against another date is a company, no person
    declared = (kinds == "person").any(axis=1).to_numpy()
    for n in np.flatnonzero(contradicted).tolist() if tokens else ():
        pair: list[Any] = [pair_column(f"{tokens}_l").iat[n], pair_column(f"{tokens}_r").iat[n]]
        arrays = [list(w) for w in pair if isinstance(w, (list, tuple, np.ndarray))]
        contradicted[n] = not any(set(w) & GENERIC_WORDS for w in arrays) and (
            bool(declared[n]) or all(len(w) >= 2 for w in arrays)
        )
    # persons whose names each have a word the other has in no spelling ("Aleksei" /
    # "Sergey Petrovich Ivanov", "Olha" / "Olena Hrytsenko"): brothers, sisters, twins or
    # namesakes. Their date of birth cannot say they are one, nor can where they live
    # (since 2026-12-05, unseen set 10: such pairs linked at p 1.0 on the date alone)
    other_names = np.zeros(len(out), dtype=bool)
    given = rule.get("given_names")
    forms = rule.get("forms")
    # (a column the rule names and the predictions lack is a bug: the rule would be off, as it
    # was when the narrow read of prediction_columns was merged without ``given_names``)
    # a Chinese party on a side (not a Korean one): a given name of two syllables, the second
    # another ("Guohua" / "GUOHUI", a list's "Kuo-hui" read in pinyin), is another given name
    # as two firms' are (normalise.other_second_syllable; session 34, 2026-12-07, parties29)
    chinese = np.zeros(len(out), dtype=bool)
    if given and tokens and rule.get("country_code"):
        codes_l = pair_column(f"{rule['country_code']}_l")
        codes_r = pair_column(f"{rule['country_code']}_r")
        chinese = (codes_l.isin(_CHINESE) | codes_r.isin(_CHINESE)).to_numpy() & ~(
            codes_l.isin(_KOREAN) | codes_r.isin(_KOREAN)
        ).to_numpy()
    # (their name then counts no more than two words in common do: the ceiling below)
    chinese_given = np.zeros(len(out), dtype=bool)
    # a level that says one party agrees (the same birth date, the same identifier)
    agreeing = np.zeros(len(out), dtype=bool)
    for field in rule.get("corroborated_by", []):
        flags = _level_flags(model, field, "corroborates", predictions[f"gamma_{field}"])
        agreeing |= flags.fillna(False).astype(bool).to_numpy()
    if given and tokens:
        candidates = (organisations == 0) & ~form_l & ~form_r
        for n in np.flatnonzero(candidates).tolist():
            left, right = pair_column(f"{given}_l").iat[n], pair_column(f"{given}_r").iat[n]
            words = [pair_column(f"{tokens}_l").iat[n], pair_column(f"{tokens}_r").iat[n]]
            arrays = [
                [str(t) for t in w] if isinstance(w, (list, tuple, np.ndarray)) else []
                for w in words
            ]
            # (both Mandarin words: a Hong Kong person's English "Benson" / "BENSEN" is one
            # name with a typo, as a Western name's is; review p21)
            chinese_given[n] = bool(chinese[n]) and any(
                other_second_syllable(a, b, korean=False) and mandarin_word(a) and mandarin_word(b)
                for a in set(arrays[0]) - set(arrays[1])
                for b in set(arrays[1]) - set(arrays[0])
            )
            other_names[n] = (
                isinstance(left, str)
                and isinstance(right, str)
                and not any(
                    isinstance(w, (list, tuple, np.ndarray)) and set(w) & GENERIC_WORDS
                    for w in words
                )
                and (
                    other_given_names(left, right)
                    or feminine_forms(arrays[0], arrays[1])
                    or other_syllables(arrays[0], arrays[1])
                    or bool(chinese_given[n])
                )
                # ... but not one person's name with a given name in another form of it
                # ("William" / "Bill", "Aleksandr" / "Sasha": siblings.one_name_in_forms;
                # session 31, helper parties23), which the romanised words cannot tell
                and not (forms and _forms_one(pair_column, forms, n, arrays))
                # ... nor, of one birth date, one given name with its family name mistyped
                # ("Paul Glover" / "PAUL GLOVES": siblings.family_name_slip; review p23)
                and not (agreeing[n] and family_name_slip(" ".join(arrays[0]), " ".join(arrays[1])))
            )
    weak_all = (name_weak == "all").to_numpy() | household | contradicted | other_names
    # two words in common and a trade word of its own on each side ("Ural Steel Trading LLC" /
    # "URAL STEEL LOGISTICS LLC"): sister companies of one group in one town, doing other
    # trades; the town cannot tell them apart
    sisters = (name_weak == "form").to_numpy().copy()
    parents = np.zeros(len(out), dtype=bool)
    for n in np.flatnonzero(sisters).tolist() if tokens else ():
        left, right = pair_column(f"{tokens}_l").iat[n], pair_column(f"{tokens}_r").iat[n]
        if not (
            isinstance(left, (list, tuple, np.ndarray))
            and isinstance(right, (list, tuple, np.ndarray))
        ):
            sisters[n] = False
            continue
        own_left, own_right = set(left) - set(right), set(right) - set(left)
        # the words of their own say what each does (trade words: GENERIC_WORDS), not who
        # it is: a misspelt or replaced name word ("smith"/"smyth") is one name written two
        # ways, not a sister's
        # (since 2026-12-05, unseen set 8, also what each trades: normalise.SECTOR_WORDS,
        # "Qingdao Haiyang Machinery" / "QINGDAO HAIYANG FISHERIES")
        # ... unless their words are one trade written two ways ("Pharmaceutical" / "PHARMA":
        # normalise.SECTOR_OF; review of set 8, unseen set 9)
        sisters[n] = (
            bool(own_left and own_right)
            and (own_left | own_right) <= _TRADE_WORDS
            and {SECTOR_OF.get(w, w) for w in own_left} != {SECTOR_OF.get(w, w) for w in own_right}
        )
        # one is the other and a holding ("Allied Precision Intl Corp." / "ALLIED PRECISION
        # INTERNATIONAL HOLDINGS CORP"): a parent, at its subsidiary's address as often as
        # not, so no part of the address can tell them apart
        parents[n] = bool(own_left | own_right) and (own_left | own_right) <= HOLDING_WORDS
    weak_all |= parents
    # ... and sisters of other trades share their group's address as often as its town (one
    # office or business centre: "Meridian Bulk Carriers" / "MERIDIAN BULK SHIPPING", p 0.998
    # on the street; session 29): no part of the address can tell them apart
    weak_all |= sisters
    # two firms' names (two words in common, or Jaro-Winkler's or a romanisation's level),
    # each with a word of its own the other
    # has in no spelling ("Ocean Pearl" / "OCEAN STAR Shipping Lines", "Agroexportadora San
    # Rafael" / "SAN MIGUEL", "Phu Thanh" / "PHU THINH Textile"): two firms, sisters at one
    # address as often as not, which no part of the address can tell apart (session 25, 6
    # December, unseen set 20; normalise.own_words_apart)
    own = rule.get("own")
    apart = np.zeros(len(out), dtype=bool)
    if own and tokens:
        # two words in common ("weak": "form") of which two are the names' own ("Ocean ...
        # Lines"): with one, the word other on each side is a replaced or misspelt given name
        # as often as another firm's (FEBRL 4's duplicates "crimes samuel Shipping" / "crimes
        # исабелла Shipping" at one address are one party to the benchmark: 56 of its pairs
        # lost with one); at Jaro-Winkler's or a romanisation's level (not an exact name)
        # only for words of one syllable each, which romanised_key writes alike ("thanh" /
        # "thinh")
        form_level = (name_weak == "form").to_numpy()
        spelt = (
            _level_flags(model, rule["name"], "spelt", predictions[f"gamma_{rule['name']}"])
            .fillna(False)
            .astype(bool)
            .to_numpy()
        )
        apart = ((organisations >= 1) | form_l | form_r) & (form_level | spelt) & ~weak_all
        sequence = (list, tuple, np.ndarray)
        # a Chinese, Korean or Taiwanese party on a side: its words of two syllables are two
        # name parts ("Tianyu" / "TIANYI": normalise.other_second_syllable; session 32)
        east_asian = np.zeros(len(out), dtype=bool)
        korean = np.zeros(len(out), dtype=bool)
        if rule.get("country_code"):
            for side in ("l", "r"):
                codes = pair_column(f"{rule['country_code']}_{side}")
                east_asian |= codes.isin(_EAST_ASIAN).to_numpy()
                korean |= codes.isin(_KOREAN).to_numpy()
        for n in np.flatnonzero(apart).tolist():
            own_sides: list[Any] = [
                pair_column(f"{column}_{side}").iat[n]
                for side in ("l", "r")
                for column in (own, tokens)
            ]
            apart[n] = all(isinstance(s, sequence) for s in own_sides) and own_words_apart(
                *([str(w) for w in s] for s in own_sides),
                syllables=not form_level[n],
                shared=2 if form_level[n] else 0,
                east_asian=("kr" if korean[n] else "cn") if east_asian[n] else "",
            )
        weak_all |= apart
    # two firms' codes one character apart ("H2" / "H3 Gas Solutions", "3M" / "3D Slovakia",
    # "GS" / "G5 Aviation": normalise.other_codes), an organisation or a legal form on a side
    # (persons' two-letter words are names): another firm in the same town, which the town
    # or a street that only names it cannot tell apart (since 2026-12-05, unseen set 12)
    if tokens:
        firm = (organisations >= 1) | form_l | form_r
        # (arrays, not the columns' .iat: FEBRL 4's 57,231 pairs all have a legal form)
        left_words = pair_column(f"{tokens}_l").to_numpy()
        right_words = pair_column(f"{tokens}_r").to_numpy()
        maybe = firm.copy()
        sequence = (list, tuple, np.ndarray)
        for n in np.flatnonzero(firm).tolist():
            # a code on each side first: few names have one, and only their words are made str
            left_n, right_n = left_words[n], right_words[n]
            maybe[n] = (
                isinstance(left_n, sequence)
                and isinstance(right_n, sequence)
                and has_code(left_n)
                and has_code(right_n)
                and other_codes([str(t) for t in left_n], [str(t) for t in right_n])
            )
        weak_all |= maybe
    # the countries disagree: a town of one name in two countries is two towns ("Paris" on a
    # French list entry is not "Paris, TX"), so nothing that only a town agrees on can count
    elsewhere = np.zeros(len(out), dtype=bool)
    if rule.get("country"):
        elsewhere = (predictions[f"gamma_{rule['country']}"].astype(int) == 0).to_numpy()
    weak_town = (
        elsewhere
        | (name_weak == "town").to_numpy()
        | weak_persons
        | (kind_gamma == 0)  # the kinds differ (the comparison's "else" level)
        | ((name_weak == "form").to_numpy() & (kind_gamma == -1) & ((form_l != form_r) | org))
        | sisters
    )
    street_town = {
        c["name"]: _level_flags(model, c["name"], "town", predictions[f"gamma_{c['name']}"])
        .fillna(False)
        .astype(bool)
        .to_numpy()
        for c in model["comparisons"]
        if c["name"] in rule["address"] and c["name"] not in rule["town"]
    }
    # a PO box's number in two towns: two boxes
    other_town = elsewhere.copy()
    if rule.get("city"):
        other_town |= (predictions[f"gamma_{rule['city']}"].astype(int) == 0).to_numpy()
    # two PO boxes of other numbers are two addresses, whatever else the addresses share (a
    # district, a postal code: "PO Box 1120, PC 112, Ruwi" / "P.O. Box 2231, P.C. 112, Ruwi")
    box = rule.get("po_box")
    other_box = np.zeros(len(out), dtype=bool)
    if box and f"{box}_l" in predictions and f"{box}_r" in predictions:
        left_box, right_box = predictions[f"{box}_l"], predictions[f"{box}_r"]
        other_box = (left_box.notna() & right_box.notna() & (left_box != right_box)).to_numpy()
    own_town = {
        c["name"]: _level_flags(model, c["name"], "own_town", predictions[f"gamma_{c['name']}"])
        .fillna(False)
        .astype(bool)
        .to_numpy()
        for c in model["comparisons"]
        if c["name"] in rule["address"] and any(lv.get("own_town") for lv in c["levels"])
    }
    corroborated = agreeing & ~other_names
    changed = np.zeros(len(out), dtype=bool)
    for field in rule.get("contradicted_by", []) if other_names.any() else ():
        column = f"w_{field}"
        capped = other_names & (out[column] > 0).to_numpy()
        out.loc[capped, column] = 0.0
        changed |= capped
    for field in rule["address"]:
        column = f"w_{field}"
        capped = weak_all | (
            weak_town & (street_town[field] if field in street_town else field in rule["town"])
        )
        if field in own_town:
            # sister companies share their group's PO box as they share its town (review of set
            # 8, unseen set 9: "Jebel Ali Steel Trading" / "STEEL INDUSTRIES" at one box)
            capped |= ((other_town | sisters) & own_town[field]) | other_box
        capped &= (out[column] > 0).to_numpy() & ~corroborated
        out.loc[capped, column] = 0.0
        changed |= capped
    # ... and their names agree no better than two words in common do (the name level that
    # reads own words, settings "own"): Jaro-Winkler or a romanisation took "Phu Thanh" /
    # "PHU THINH Textile and Garment" for one name spelt otherwise (p 0.93 on name and form)
    apart |= chinese_given & other_names
    if apart.any():
        ceiling = own_ceiling(model, rule["name"])
        if ceiling is not None:
            column = f"w_{rule['name']}"
            capped = apart & (out[column] > ceiling).to_numpy() & ~corroborated
            out.loc[capped, column] = ceiling
            changed |= capped
    # two names that are one only once a place name in them is folded, written otherwise on
    # each side ("Praha Stavby" / "PRAG STAVBY": places.place_spellings), of parties whose
    # towns disagree (Praha, Brno): two firms named after one town, which the name cannot tell
    # apart more than two words in common do (review p11, session 26: p 0.988 before; where
    # the towns agree, "Vltava Chemie" in Praha / Prag, the name counts whole). Since session
    # 27 (helper parties18) also where the town is written alike on both sides: "Praha
    # Stavby" in Praha / "PRAHA STAVBY" in Brno are two firms named after one town as well
    # (p 0.988 before; parties17's and review p11's known false link)
    placed = rule.get("placed")
    if placed and rule.get("city") and f"{placed}_l" in predictions:
        towns_apart = (predictions[f"gamma_{rule['city']}"].astype(int) == 0).to_numpy()
        left_places = predictions[f"{placed}_l"].to_numpy()
        right_places = predictions[f"{placed}_r"].to_numpy()
        written_apart = np.zeros(len(out), dtype=bool)
        both = (predictions[f"{placed}_l"].notna() & predictions[f"{placed}_r"].notna()).to_numpy()
        for n in np.flatnonzero(towns_apart & both).tolist():
            left_n, right_n = left_places[n], right_places[n]
            written_apart[n] = (
                isinstance(left_n, (list, tuple, np.ndarray))
                and isinstance(right_n, (list, tuple, np.ndarray))
                and len(left_n) > 0
                and len(right_n) > 0
            )
        ceiling = own_ceiling(model, rule["name"])
        if written_apart.any() and ceiling is not None:
            column = f"w_{rule['name']}"
            capped = written_apart & (out[column] > ceiling).to_numpy() & ~corroborated
            out.loc[capped, column] = ceiling
            changed |= capped
    # a postcode read from a whole address (resolve._row's "postcode_read": "Singapore 068898")
    # is the street's text once more: where the street counted for the pair, it does not
    # (since 2026-12-05, unseen set 16; set 7's "Harbourline Shipping" pair at one address)
    read = rule.get("postcode_read")
    if read and rule.get("postcode") and rule.get("street") and f"{read}_l" in predictions:
        sides = predictions[[f"{read}_l", f"{read}_r"]].fillna(False).astype(bool)
        column = f"w_{rule['postcode']}"
        capped = (
            sides.any(axis=1).to_numpy()
            & (out[f"w_{rule['street']}"] > 0).to_numpy()
            & (out[column] > 0).to_numpy()
        )
        out.loc[capped, column] = 0.0
        changed |= capped
    if changed.any():
        total = out[["w_prior", *(f"w_{f}" for f in FIELDS)]].sum(axis=1)
        out.loc[changed, "match_weight"] = total[changed]
        odds = np.exp2(total[changed].to_numpy())
        out.loc[changed, "match_probability"] = odds / (1.0 + odds)


def name_frequencies(frames: Sequence[pd.DataFrame], column: str, u: float) -> pd.DataFrame:
    """Splink term-frequency lookup for ``column`` scaled to the lists' size: ``u`` (the
    level's own u, so no adjustment) times the most records of one list that carry the value.
    A value each list carries once, as a party's name is, keeps its full weight however small
    the lists (Splink's own table, the value's share of all records, would make every name of
    a 60-row list look common); one that three parties of a list carry ("Global Trading") loses
    log2(3) bits: an equal name could be any of the three."""
    import pandas as pd

    counts = pd.concat([f[column].dropna().value_counts() for f in frames], axis=1).fillna(0)
    most = counts.max(axis=1).clip(lower=1)
    return pd.DataFrame({column: most.index.astype(str), f"tf_{column}": (u * most).to_numpy()})


def _register_name_frequencies(
    linker: Any, db_api: Any, frames: Sequence[pd.DataFrame], model: dict[str, Any]
) -> None:
    settings = linker._settings_obj  # noqa: SLF001
    for comparison_name, index, column in tf_levels(model):
        (comparison,) = [c for c in settings.comparisons if c.output_column_name == comparison_name]
        u = float(comparison.comparison_levels[index].u_probability)
        lookup = name_frequencies(frames, column, u)
        # a name of its own per call, as the input tables (_score): a Spark session outlives it
        name = f"tf_lookup_{column}"
        table = db_api.register(
            lookup, dataset_display_name=name, table_name=f"{name}_{uuid.uuid4().hex[:12]}"
        )
        linker.table_management.register_term_frequency_lookup(table, column)


def _empty() -> pd.DataFrame:
    import pandas as pd

    columns: Sequence[str] = (
        "left_id",
        "right_id",
        "match_probability",
        "match_weight",
        "w_prior",
        *(f"w_{f}" for f in FIELDS),
        "method",
    )
    return pd.DataFrame(columns=list(columns))
