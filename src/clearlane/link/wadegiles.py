"""Wade-Giles -> pinyin for a Chinese party's name (issue #13, session 34, 2026-12-07).

Taiwan's and older lists write Chinese names in Wade-Giles ("Chang Wei-kuo", "Kaohsiung",
"Ch'ing-tao Hai-yang"), mainland registers and newer lists in pinyin ("ZHANG WEIGUO",
"GAOXIONG", "Qingdao Haiyang"). :func:`pinyin_readings` gives a name's further readings with
its Wade-Giles syllables in pinyin, hyphenated syllables written as one word as pinyin writes
them ("Wei-kuo" -> "weiguo"); resolve._prepare links them beside the name as written, so a
misread name loses nothing it had.

It is a general convention, not a guess per word, and it is gated twice, since Wade-Giles
syllables are also Malay, African, Indian, French and Korean words ("Tanjung", "Kuching",
"Kwame", "Sachin", "Julien", "Chong"):

- **by country**: a party of China, Taiwan, Hong Kong or Macau (CN, TW, HK, MO) is read so
  when its name shows Wade-Giles (below); a party of another country, or of none, only when
  its name is clearly Chinese: every word of its own (not a trade word) is a string of
  Wade-Giles syllables and one of them is spelt as only Wade-Giles spells ("hs", "ts"/"tz",
  "ss"/"sz", "-ih", "-ieh", "-erh", an aspirate's apostrophe; not "-ung", which Malay's
  "Tanjung" and "Kampung" end in). Korea's parties (KR, KP) never:
  McCune-Reischauer is Korea's own (normalise.korean_spelling);
- **by spelling**: a name shows Wade-Giles when a syllable is spelt as only Wade-Giles spells
  (the above, and "j" before a vowel other than "i", "-ung", "-ien", "-ueh", "-uei", "-o" after
  "k"/"h"/"t"/"l"/"n"/"ch"/"sh"/"ts"), or (CN, TW: Hong Kong's and Macau's Cantonese given
  names are hyphenated too) two syllables are hyphenated; and no
  word is pinyin only ("Qingdao", "Zhongxing": "q", "x", "zh", "b"/"d"/"g", "-ong", "-ian").
  A pinyin name ("Chen Lihua", "Huang Jianhua") is left as written.

A syllable without its aspirate's apostrophe reads unaspirated ("Chang" is Zhang, "Kuo" Guo),
as Wade-Giles writes it; with the apostrophe aspirated ("Ch'en" is Chen). No country is
borrowed from the other side of a pair: a row without a country is read by the "clearly
Chinese" rule above, so both of a pair's rows are read alike whichever side has the country.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from itertools import product
from math import prod

from unidecode import unidecode

from clearlane.link.normalise import fold

# legal forms a name of another country may carry besides its Chinese words
_FORMS = frozenset(
    {"co", "ltd", "pte", "inc", "corp", "hk", "pvt", "limited", "company", "sdn", "bhd", "llc"}
)
CHINESE_COUNTRIES = frozenset({"CN", "TW", "HK", "MO"})
# countries whose Chinese firms and persons registered their names before pinyin (1979; Taiwan
# 2009) and keep them: Singapore, Malaysia, Thailand and the United States (Taiwan's and the
# older emigration's firms: "Tien Li Trading Pte Ltd", "Chung Hua Electronics Sdn Bhd", "Kuo
# Tai Hardware Inc."). Their names are read as Wade-Giles when every word of their own is
# Wade-Giles syllables, two words at least, without the strong spelling asked of another
# country (set 47: 9 of 10 such pairs not compared on main; session 36, 2026-12-07, helper
# parties32, issue #13)
_DIASPORA = frozenset({"SG", "MY", "TH", "US"})
_KOREA = frozenset({"KR", "KP"})

# Wade-Giles initials (an apostrophe marks an aspirate) and finals, longest first
_WG_INITIAL = r"(ch'|ch|hs|sh|ts'|ts|tz'|tz|ss|sz|k'|k|p'|p|t'|t|m|f|n|l|h|j|s|y|w)?"
_WG_FINAL = (
    r"(iung|iang|iao|ieh|ien|ing|ung|uang|uai|uan|uei|ueh|wang|ang|eng|erh|ai|an|ao|ei|eh|en"
    r"|ia|ih|in|iu|ou|ua|ui|un|uo|wan|wei|wa|a|e|i|o|u)"
)
_WG_SYLLABLE = re.compile(_WG_INITIAL + _WG_FINAL)
_PY_INITIAL = r"(zh|ch|sh|b|p|m|f|d|t|n|l|g|k|h|j|q|x|r|z|c|s|y|w)?"
_PY_FINAL = (
    r"(iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue"
    r"|ui|un|uo|a|e|i|o|u)"
)
_PY_SYLLABLE = re.compile(_PY_INITIAL + _PY_FINAL)

# initials only Wade-Giles writes, and those a name of another country must show
_WG_ONLY_INITIALS = frozenset({"hs", "ts", "tz", "ts'", "tz'", "ss", "sz", "j"})
_STRONG_INITIALS = frozenset({"hs", "ts", "tz", "ts'", "tz'", "ss", "sz"})
_WG_ONLY_FINALS = frozenset({"ih", "ieh", "eh", "erh", "ung", "iung", "ien", "ueh", "uei"})
# the postal spellings' "w" for Wade-Giles' "u" after "h" and "k" ("Chunghwa", "Changhwa",
# "Kwangtung", "Anhwei": hua, guang, hui), as Taiwan's firms still write them; after no
# other initial (Wang, Wan and Wei are syllables of their own). Session 35, 2026-12-07,
# helper parties31 (set 45: "Chung Hwa" / "ZHONGHUA" was not compared)
_POSTAL_FINALS = frozenset({"wa", "wan", "wang", "wei"})
_POSTAL_AFTER = frozenset({"h", "k", "k'"})
_WG_ONLY_FINALS |= _POSTAL_FINALS
_STRONG_FINALS = frozenset({"ih", "ieh", "erh"})
_UO_AFTER = frozenset({"t", "t'", "n", "l", "ts", "ts'", "tz", "tz'", "s", "j", "ch", "ch'", "sh"})
_E_AFTER = frozenset({"k", "k'", "h"})
_PY_ONLY_INITIALS = frozenset({"zh", "b", "d", "g", "q", "x", "z", "c", "r"})
_PY_ONLY_FINALS = frozenset({"ong", "iong", "ian", "ie", "ue", "er"})

_INITIAL_PINYIN = {
    "p": "b",
    "p'": "p",
    "t": "d",
    "t'": "t",
    "k": "g",
    "k'": "k",
    "hs": "x",
    "j": "r",
    "ts": "z",
    "tz": "z",
    "ts'": "c",
    "tz'": "c",
    "ss": "s",
    "sz": "s",
}
_FINAL_PINYIN = {
    "ih": "i",
    "ieh": "ie",
    "eh": "e",
    "erh": "er",
    "ung": "ong",
    "iung": "iong",
    "ien": "ian",
    "ueh": "ue",
    "uei": "ui",
    "wa": "ua",
    "wan": "uan",
    "wang": "uang",
    "wei": "ui",
}
# initials whose aspirate Wade-Giles marks with an apostrophe: a name written without any
# apostrophe (as Taiwan's firms and passports mostly write it: "Tsai" for Ts'ai, "Chien"
# for Ch'ien) may mean either ("Tsai Feng" is Caifeng or Zaifeng)
_UNMARKED = frozenset({"ch", "ts", "tz", "k", "p", "t"})
# readings of a name with unmarked initials, at most (2 ** 4: four such syllables)
_MOST_READINGS = 16
# what a name of another country must show somewhere (_STRONG_INITIALS, _STRONG_FINALS)
_STRONG_SPELLING = re.compile(r"hs|ts|tz|ss|sz|ih|ieh|erh|[a-z]'[a-z]")
_APOSTROPHES = re.compile("[\u2019\u2018`\u02bb\u02bc\u00b4]")
_TEXT_WORD = re.compile(r"[a-z']+(?:-[a-z']+)*")
_HYPHENED_WORD = re.compile(r"[a-z']+-[a-z']+")


# Wade-Giles' "-ih" and "-eh" follow these initials only ("chih", "shih", "jih"; "yeh")
_IH_AFTER = frozenset({"ch", "ch'", "sh", "j"})
_EH_AFTER = frozenset({"y", "ch", "ch'", "sh", "j", ""})


@lru_cache(maxsize=4096)
def _parse(
    word: str, pattern: re.Pattern[str], *, first: bool = True
) -> tuple[tuple[str, str], ...] | None:
    """``word`` as syllables (initial, final), the longest first syllable that leaves a
    parse of the rest; a syllable without an initial only first ("lihua" is "li hua", not
    "lih ua"); None where it is not a string of syllables."""
    if not word:
        return ()
    for end in range(len(word), 0, -1):
        found = pattern.fullmatch(word, 0, end)
        if found is None:
            continue
        initial, final = found.group(1) or "", found.group(2)
        if (not initial and not first) or (
            pattern is _WG_SYLLABLE
            and (
                (final == "ih" and initial not in _IH_AFTER)
                or (final == "eh" and initial not in _EH_AFTER)
                or (final in _POSTAL_FINALS and initial not in _POSTAL_AFTER)
                # Wade-Giles' "j" (pinyin "r") is never followed by "i" but in "jih": "jia",
                # "jie", "jin" are pinyin's ("CHEN, Jia" read "chen ria", a given name no
                # rule told from set 11's "Chen Jie": p 0.999; session 35, parties31)
                or (initial == "j" and final.startswith("i") and final != "ih")
            )
        ):
            continue
        rest = _parse(word[end:], pattern, first=False)
        if rest is not None:
            return ((initial, final), *rest)
    return None


def _pinyin(initial: str, final: str) -> str:
    """One Wade-Giles syllable in pinyin."""
    out_final = _FINAL_PINYIN.get(final, final)
    if final == "u" and initial in {"tz", "tz'", "ss", "sz"}:
        out_final = "i"  # "tzu" zi, "tz'u" ci, "ssu" si
    elif final == "o" and initial in _E_AFTER:
        out_final = "e"  # "ko" ge, "ho" he
    elif final == "o" and initial in _UO_AFTER:
        out_final = "uo"  # "to" duo, "lo" luo, "cho" zhuo
    if initial in {"ch", "ch'"}:
        # before "i" pinyin's "j"/"q" ("chien" jian, "ch'ing" qing), else "zh"/"ch" ("chih" zhi)
        palatal = final.startswith("i") and final != "ih"
        if palatal:
            out_initial = "j" if initial == "ch" else "q"
        else:
            out_initial = "zh" if initial == "ch" else "ch"
    else:
        out_initial = _INITIAL_PINYIN.get(initial, initial)
    if initial == "" and final in {"ih", "i"}:
        return "yi"
    return out_initial + out_final


def _wade_giles(syllables: tuple[tuple[str, str], ...]) -> bool:
    return any(
        i in _WG_ONLY_INITIALS
        or i.endswith("'")
        or f in _WG_ONLY_FINALS
        or (f == "o" and (i in _E_AFTER or i in _UO_AFTER))
        or (i in {"ch", "ch'"} and f.startswith("i") and f not in {"i", "ih"})
        for i, f in syllables
    )


def _strong(syllables: tuple[tuple[str, str], ...]) -> bool:
    return any(
        i in _STRONG_INITIALS or i.endswith("'") or f in _STRONG_FINALS for i, f in syllables
    )


def _pinyin_only(word: str) -> bool:
    syllables = _parse(word, _PY_SYLLABLE)
    if syllables is None or _parse(word, _WG_SYLLABLE) is not None:
        return False
    return any(i in _PY_ONLY_INITIALS or f in _PY_ONLY_FINALS for i, f in syllables)


def mandarin_word(word: str) -> bool:
    """Whether ``word`` is a string of Mandarin syllables in pinyin or Wade-Giles ("guohua",
    "chienhung"); not an English given name a Hong Kong or Taiwan person writes ("Hanson",
    "Benson": no Mandarin syllable ends "-son"), whose typo is a typo (review p21)."""
    folded = fold(word).replace("-", "")
    return bool(folded) and (
        _parse(folded, _PY_SYLLABLE) is not None or _parse(folded, _WG_SYLLABLE) is not None
    )


def pinyin_readings(
    text: str, countries: Collection[str], *, ignored: Collection[str] = (), person: bool = False
) -> list[str]:
    """The name ``text`` with its Wade-Giles words in pinyin, each hyphenated group one word
    ("Ch'ing-tao Hai-yang Shipping" -> "qingdao haiyang shipping"), where the module's rule
    reads it as Wade-Giles; and, unless ``person`` (a list's person), that reading with each
    run of Chinese words as one word, as pinyin writes a firm's name ("Ta Tung Machinery" ->
    "datong machinery"). ``ignored`` are trade words, read as written. [] where the rule
    does not read the name so. They are further readings of the name, beside it
    (resolve._prepare): its own reading stays."""
    codes = {c.upper() for c in countries}
    if codes & _KOREA or not text:
        return []
    chinese = bool(codes & CHINESE_COUNTRIES)
    diaspora = bool(codes & _DIASPORA)
    lower = _APOSTROPHES.sub("'", text.lower())
    if (
        not chinese
        and not diaspora
        and _STRONG_SPELLING.search(lower) is None
        and (codes or len(_HYPHENED_WORD.findall(lower)) < 2)  # noqa: PLR2004
    ):
        # (most names: no need to read them syllable by syllable, nor in another script, in
        # which Wade-Giles is not written)
        return []
    written = lower if lower.isascii() else _APOSTROPHES.sub("'", unidecode(lower))
    groups: list[tuple[re.Match[str], list[str], tuple[tuple[str, str], ...]]] = []
    for found in _TEXT_WORD.finditer(written):
        parts = [p for p in found.group(0).split("-") if p.strip("'")]
        parsed = [_parse(p.strip("'"), _WG_SYLLABLE) for p in parts]
        if not parts or any(p is None for p in parsed):
            continue
        syllables = tuple(s for p in parsed if p is not None for s in p)
        groups.append((found, [fold(p) for p in parts], syllables))
    words = fold(written).split()
    # a firm's name is its place and trade name, then its line of business in English, then its
    # form ("Chung Kuo | Steel Wire | Co."): the words after its first trade word are English
    # ones the trade words do not list ("Wire", "Factory"), read as written and judged neither
    # as pinyin ("wire" is "wi re") nor as a word of its own (review p21, session 34)
    trade = next(
        (
            n
            for n, w in enumerate(words)
            if w in ignored and w not in _FORMS and any(v not in ignored for v in words[:n])
        ),
        None,
    )
    if trade is not None:
        words = words[: trade + 1]
    if not groups or any(_pinyin_only(w) for w in words if w not in ignored and w not in _FORMS):
        return []
    every = tuple(s for _, _, syllables in groups for s in syllables)
    # no apostrophe anywhere: dropped, so an unmarked initial may be an aspirate
    unmarked = "'" not in written
    if chinese:
        # (Hong Kong's and Macau's Cantonese given names are hyphenated too: "Chan Tai-man")
        hyphened = bool(codes - {"HK", "MO"}) and any(len(parts) > 1 for _, parts, _ in groups)
        # a Taiwanese party's name is Wade-Giles or postal when it parses so, though each
        # syllable is spelt as pinyin spells one too ("Kuo Feng", "Tai Ping": Taiwan wrote no
        # pinyin before 2009), where a syllable's initial may be read two ways
        taiwan = "TW" in codes and unmarked and any(i in _UNMARKED for i, _ in every)
        if not (_wade_giles(every) or hyphened or taiwan):
            return []
    else:
        parsed_words = {p for _, parts, _ in groups for p in parts}
        own = [w for w in words if w not in ignored and w not in _FORMS and len(w) > 1]
        # (or, of no country, two words or more of hyphenated Wade-Giles syllables: "HU-PEI
        # CHIANG-NAN TEXTILE CO", "Che-chiang Chin-lung Copper Co.", as no other language's
        # names are written; a person's one hyphenated given name is not enough. Session 35,
        # 2026-12-07, helper parties31: set 41's two such firms were not compared)
        hyphened = not codes and sum(len(parts) > 1 for _, parts, _ in groups) >= 2  # noqa: PLR2004
        # (of a diaspora country, two own words or more: "Kuo Tai", "Chung Hua"; with a
        # syllable Wade-Giles spells, or an initial whose aspirate it does not mark)
        settled = (
            diaspora
            and len(own) >= 2  # noqa: PLR2004
            and (_wade_giles(every) or (unmarked and any(i in _UNMARKED for i, _ in every)))
        )
        if (
            not (_strong(every) or hyphened or settled)
            or not own
            or any(w not in parsed_words for w in own)
        ):
            return []
    pieces: list[str] = []
    options: list[list[str]] = []
    kept = 0
    for found, parts, syllables in groups:
        if len(parts) == 1 and (
            parts[0] in ignored or (len(syllables) > 1 and not _wade_giles(syllables))
        ):
            # a word of several syllables none of them Wade-Giles' own is read as written
            # (an English "Pipe" of "Kaohsiung Steel Pipe"), as is a trade word
            continue
        pieces.append(written[kept : found.start()])
        options.append(_pinyin_options(syllables, unmarked=unmarked))
        kept = found.end()
    if not options:
        return []
    # the reading as written first (unmarked initials unaspirated), then the others, where
    # they are few enough
    written_first = tuple(o[0] for o in options)
    choices: list[tuple[str, ...]] = [written_first]
    if prod(len(o) for o in options) <= _MOST_READINGS:
        choices = list(product(*options))
    else:
        # too many to read every way: each word's other readings beside the others as
        # written, as many as the cap allows ("Ta-tung Chi-tien Kung-cheng" / "DATONG JIDIAN
        # GONGCHENG": until review p22, session 35, a long name had its reading as written
        # only, and shared no key with one whose two words were read aspirated)
        for n, option in enumerate(options):
            for other in option[1:]:
                choices.append((*written_first[:n], other, *written_first[n + 1 :]))
        choices = choices[:_MOST_READINGS]
    readings: list[str] = []
    for choice in choices:
        reading = "".join(p + c for p, c in zip(pieces, choice, strict=True)) + written[kept:]
        found_readings = [reading]
        if not person:
            # each run of converted words separated by spaces only, written as one word
            together = pieces[0] + choice[0]
            for piece, pinyin in zip(pieces[1:], choice[1:], strict=True):
                together += pinyin if not piece.strip() else piece + pinyin
            together += written[kept:]
            found_readings.append(together)
        for found_reading in found_readings:
            if found_reading not in readings:
                readings.append(found_reading)
    return readings


def _pinyin_options(syllables: tuple[tuple[str, str], ...], *, unmarked: bool) -> list[str]:
    """A word's syllables in pinyin, as written first; with ``unmarked`` (the name writes no
    apostrophe) each unmarked initial read as its aspirate too ("tsai feng": "zaifeng",
    "caifeng"; "chien": "jian", "qian"). Session 35, 2026-12-07, helper parties31 (set 45's
    "Tsai Feng Food" / "CAIFENG FOOD", "Chien Feng" / "QIANFENG": not compared)."""
    each: list[list[str]] = []
    for initial, final in syllables:
        read = [_pinyin(initial, final)]
        if unmarked and initial in _UNMARKED:
            aspirate = _pinyin(initial + "'", final)
            if aspirate not in read:
                read.append(aspirate)
        each.append(read)
    return ["".join(choice) for choice in product(*each)]
