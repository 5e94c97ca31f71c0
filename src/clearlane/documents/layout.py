"""Layout-aware reading of an invoice page from positioned words (a PDF text layer or OCR).

Header fields are key/value pairs: a label ("Invoice No.", "Currency", ...) with its value in
the same text run, to its right on the same line, or (party blocks) the lines below it. Line
items come from the table under a header row naming Description, Quantity and Amount: each
word goes to the column whose header span it falls under; a line without an amount continues
the description of the row above.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from statistics import median
from typing import Any, NamedTuple

from clearlane.core.codelists import is_country, is_currency
from clearlane.core.codelists.country_names import ADDRESS_LINE
from clearlane.core.codelists.country_names import country_code as resolve_country
from clearlane.core.codelists.trade import UNIT_CODES
from clearlane.documents.models import Evidence, Extraction, LineItem, Source


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]  # single words
    runs: list[Word] = field(default_factory=list)  # text runs (words close on one line)
    source: Source = "text"

    def box(self, *words: Word) -> tuple[float, float, float, float]:
        x0 = min(w.x0 for w in words) / self.width
        y0 = min(w.top for w in words) / self.height
        x1 = max(w.x1 for w in words) / self.width
        y1 = max(w.bottom for w in words) / self.height
        return (round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4))


def line_height(words: list[Word]) -> float:
    heights = [w.bottom - w.top for w in words if w.bottom > w.top]
    return median(heights) if heights else 10.0


def group_runs(words: list[Word], gap_factor: float = 0.45) -> list[Word]:
    """Join words on one line separated by about a space into text runs."""
    if not words:
        return []
    h = line_height(words)
    ordered = sorted(words, key=lambda w: (round(w.middle / (h * 0.5)), w.x0))
    runs: list[Word] = []
    for word in ordered:
        last = runs[-1] if runs else None
        # A space scales with the font: a large letterhead's words are further apart.
        size = max(h, min(last.bottom - last.top, word.bottom - word.top)) if last else h
        if (
            last is not None
            and abs(last.middle - word.middle) < size * 0.4
            and 0 <= word.x0 - last.x1 < size * gap_factor
        ):
            runs[-1] = Word(
                f"{last.text} {word.text}",
                last.x0,
                min(last.top, word.top),
                word.x1,
                max(last.bottom, word.bottom),
                min(last.confidence, word.confidence),
            )
        else:
            runs.append(Word(word.text, word.x0, word.top, word.x1, word.bottom, word.confidence))
    return runs


def split_run(run: Word) -> list[Word]:
    """Words of an OCR text run, their x positions shared out by character count."""
    parts = run.text.split()
    if len(parts) <= 1:
        return [run]
    total = len(run.text)
    width = run.x1 - run.x0
    words, offset = [], 0
    for part in parts:
        start = run.text.index(part, offset)
        end = start + len(part)
        offset = end
        words.append(
            Word(
                part,
                run.x0 + width * start / total,
                run.top,
                run.x0 + width * end / total,
                run.bottom,
                run.confidence,
            )  # fmt: skip
        )
    return words


# -- values -----------------------------------------------------------------------------------

# Month names come from CLDR through Babel (read once, on the first date parsed): wide and
# abbreviated, format and stand-alone, so the genitive where a language has one ('15 марта',
# '2026 m. kovo 9 d.', '15 նոյեմբերի') and the nominative ('3 наурыз', '12 ნოემბერი'). The
# locales: every label language of VOCABULARY (Tagalog as CLDR's Filipino, Serbian in both
# scripts) and these neighbours the labels do not cover yet (about 10 ms a locale to load).
_MONTH_LOCALES_MORE = ("sr_Latn", "hr", "bs", "sk", "da", "ms", "ka", "hy", "tg")
_CLDR_LOCALE = {"tl": "fil"}


def month_locales() -> list[str]:
    """The CLDR locales whose month names the date reader knows (see _MONTH_LOCALES_MORE)."""
    return [*(_CLDR_LOCALE.get(lang, lang) for lang in VOCABULARY), *_MONTH_LOCALES_MORE]


# Forms CLDR does not hold, read on earlier batches: Kyrgyz dates name the month in the
# possessive ('2026-жылдын 20-апрели'), Uzbek (Latin) spells September and October with a 'y'.
_MONTHS_BEYOND_CLDR: dict[str, tuple[str, ...]] = {
    "ky": ("январы", "февралы", "марты", "апрели", "майы", "июну", "июлу", "августу",
           "сентябры", "октябры", "ноябры", "декабры"),
    "uz": ("", "", "", "", "", "", "", "", "sentyabr", "oktyabr", "", ""),
    # (session 29, invoices25) Samoan, which CLDR lacks ('5 Tesema 2026')
    "sm": ("ianuari", "fepuari", "mati", "aperila", "me", "iuni", "iulai", "aokuso", "setema",
           "oketopa", "novema", "tesema"),
    # (reviewi14) Tetum ('2 Dezembru 2026') and Papiamentu ('3 di desèmber 2026'), which CLDR
    # lacks
    "tet": ("janeiru", "fevereiru", "marsu", "abríl", "maiu", "juñu", "jullu", "agostu",
            "setembru", "outubru", "novembru", "dezembru"),
    "pap": ("yanüari", "febrüari", "mart", "aprel", "mei", "yüni", "yüli", "ougùstùs",
            "sèptèmber", "òktober", "novèmber", "desèmber"),
}  # fmt: skip
# Countries whose invoices write numeric dates month first (03/04/2026 = March 4).
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW"})


def _plain(text: str) -> str:
    """Lower case without accents: 'Décembre' -> 'decembre'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _cldr_months(locale: str, files: dict[str, dict[str, Any]]) -> Any:
    """``locale``'s CLDR months, merged over its parents' (root's at the bottom) and read from
    Babel's data files, not through ``babel.localedata.load``: that one merges and caches a
    locale's whole data (every field, about 5 ms a locale, kept for the process's life), and
    resolving its aliases writes into dictionaries other locales share (Babel 2.18: after
    ``Locale('az').months``, Georgian's and Serbian's stand-alone months read 'noyabr', for us
    and for any other Babel user in the process). Here each locale's months are a fresh copy of
    their own. ``files``: the raw data read so far (root's is read once). None when Babel has
    no data for the locale."""
    import pickle

    from babel import localedata
    from babel.core import get_global

    if not localedata.exists(locale):
        return None
    # Babel's own rule for the parent ('sr_Latn': a script not the language's likely one falls
    # back to root, not to 'sr'), where this Babel has it
    unlikely = getattr(localedata, "_is_non_likely_script", lambda name: name.count("_") == 1)
    chain = [locale]
    while chain[-1] != "root":
        name = chain[-1]
        parts = name.split("_")
        parent = get_global("parent_exceptions").get(name)
        if not parent:
            parent = "root" if len(parts) == 1 or unlikely(name) else "_".join(parts[:-1])
        chain.append(parent)
    merged: dict[Any, Any] = {}
    for name in reversed(chain):
        if name not in files:
            with open(localedata.resolve_locale_filename(name), "rb") as data:
                files[name] = {"months": pickle.load(data).get("months", {})}  # noqa: S301
        localedata.merge(merged, files[name])
    return localedata.LocaleDataDict(merged)["months"]


def cldr_month_names(
    locale: str, files: dict[str, dict[str, Any]] | None = None
) -> dict[int, set[str]]:
    """Every month name CLDR holds for ``locale`` (wide and abbreviated, format and
    stand-alone), lower case, without the abbreviation's dot or Catalan's 'de '/"d'": month
    number -> names; none for a locale Babel has no data for. Names with a digit ('1月',
    'tháng 1') are left out: the date patterns read a word."""
    months = _cldr_months(locale, {} if files is None else files)
    names: dict[int, set[str]] = {}
    if months is None:
        return names
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in months[context][width].items():
                name = re.sub(r"^(?:de\s+|d['’])", "", name.lower()).rstrip(".")
                if re.fullmatch(r"[^\W\d_]+", name):
                    names.setdefault(number, set()).add(name)
    return names


@lru_cache(maxsize=1)
def _month_numbers() -> dict[str, int]:
    """Month name or abbreviation -> its number, across month_locales() and _MONTHS_BEYOND_CLDR,
    accented and not; a form two months share is left out. A name's first three or four
    letters ('Sept', 'Dez') count only where no name or abbreviation is spelt so: Finnish
    'marraskuu' (November) does not take 'Mar' from March, nor Irish 'Meitheamh' (June) 'mei'
    from Dutch May."""
    files: dict[str, dict[str, Any]] = {}
    every = [cldr_month_names(locale, files) for locale in month_locales()]
    every += [{n: {name} for n, name in enumerate(months, 1) if name}
              for months in _MONTHS_BEYOND_CLDR.values()]  # fmt: skip
    names: dict[str, set[int]] = {}
    prefixes: dict[str, set[int]] = {}
    for months in every:
        for number, spellings in months.items():
            for name in spellings:
                for spelling in {name, _plain(name)}:
                    names.setdefault(spelling, set()).add(number)
                    for prefix in (spelling[:3], spelling[:4]):
                        prefixes.setdefault(prefix, set()).add(number)
    found = {**prefixes, **names}
    return {name: next(iter(n)) for name, n in found.items() if len(n) == 1}


@lru_cache(maxsize=64)
def _month_numbers_in(languages: frozenset[str]) -> dict[str, int]:
    """(session 28) Month names of the page's languages alone, for a form _month_numbers
    leaves out because two languages give it two months: Polish 'listopada' is November,
    Croatian's the same word October; on a page whose labels are Polish it is November. A
    form the page's own languages still share stays out."""
    names: dict[str, set[int]] = {}
    for language in languages:
        for number, spellings in cldr_month_names(_CLDR_LOCALE.get(language, language)).items():
            for name in spellings:
                for spelling in {name, _plain(name)}:
                    names.setdefault(spelling, set()).add(number)
    return {name: next(iter(n)) for name, n in names.items() if len(n) == 1}


def _month(name: str, languages: frozenset[str]) -> int | None:
    """A month's number from its name ('décembre', 'Dec'), by the page's languages when the
    name is one that languages spell for different months."""
    plain = _plain(name)
    found = _month_numbers().get(plain)
    if found is None and languages:
        found = _month_numbers_in(languages).get(plain)
    return found


# A two-digit year is this century's ('28-Nov-26', Tally's default; '28.11.26'). Not inside a
# longer number: numeric_date_order searches every run, and '2026-11-20' holds '26-11-20'.
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er|º)?\.?[\s-]*(?:(?:de|di|ta['’])\s+|d['’])?([^\W\d_]+)\.?[\s,-]*(?:del?\s+)?"
    r"(\d{4}|(?<=[-/])\d{2})"
)  # (invoices33) Chile's 'del' before the year ('08 de Diciembre del 2026')
# 'Dec 3, 2026'; OCR may drop the spaces ('December3,2026') but not the comma with them.
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})")


_VI_DATE = re.compile(
    r"(?:ng[àa]y\s+(?:\(\s*date\s*\)\s+)?)?(\d{1,2})\s+th[áa]ng\s+(?:\(\s*month\s*\)\s+)?"
    r"(\d{1,2})\s+n[ăa]m\s+(?:\(\s*year\s*\)\s+)?(\d{4})",
    re.I,
)


# Lithuania's 'YYYY m. <month in the genitive> D d.' ('2026 m. kovo 9 d.')
_LT_DATE = re.compile(r"(\d{4})\s*m\.\s*([^\W\d_]+)\s+(\d{1,2})\s*d\.?", re.I)
# The year first, its word after it, then the day and the month: Uzbek '2026 yil 12 may',
# Kazakh '2026 жылғы 3 наурыз', Kyrgyz '2026-жылдын 20-апрели'; (reviewi22) Latvian '2026.
# gada 8. decembris' (gada: of the year)
_YEAR_FIRST = re.compile(
    r"(\d{4})\.?[\s-]*(?:yil(?:ning)?|жылғы|жылдын|жыл|gada)\s+(\d{1,2})\.?[\s-]*([^\W\d_]+)",
    re.I,
)


# (invoices34) Hungary's year, month name, day: '2026. december 8.', '2026. dec. 8.'
_YEAR_MONTH_DAY = re.compile(r"(\d{4})\.\s*([^\W\d_]+)\.?\s+(\d{1,2})\.?", re.I)


def parse_date(
    text: str, *, day_first: bool | None = None, languages: frozenset[str] = frozenset()
) -> str | None:
    """An ISO date from '2026-12-03', '03.12.2026', '3 December 2026', 'Dec 3, 2026',
    '3. Dezember 2026', '3 de diciembre de 2026', ... Numeric dates with slashes or dashes are
    read day first or month first only when one part is above 12 or ``day_first`` says which
    (the page's evidence); otherwise None. Dotted dates are day first (German convention)."""
    text = text.strip().rstrip(".,")
    # the year's word after a Russian or Ukrainian date: '15 марта 2026 г.', '21 квітня 2026 р.';
    # Armenian 'թ.' (թվական), Georgian 'წ.' (წელი)
    # (session 28) Polish 'r.' (roku): '12 listopada 2026 r.'
    text = re.sub(r"(?<=\d{4})\s*(?:г|р|год[а]?|року|рік|թ|წ|r)\.?$", "", text)
    # '2. 12. 2026' (Czech, Slovak), '2026. 12. 02' (Hungarian): a dotted date with spaces
    text = re.sub(r"^(\d{1,4})\.\s+(\d{1,2})\.\s+(\d{1,4})$", r"\1.\2.\3", text)
    # Vietnam's 'ngày 12 tháng 04 năm 2026', its English glosses in brackets or not
    # ('12 tháng (month) 04 năm (year) 2026')
    vietnamese = _VI_DATE.fullmatch(text[:80])
    if vietnamese:
        text = f"{vietnamese[1]}.{vietnamese[2]}.{vietnamese[3]}"
    lithuanian = _LT_DATE.fullmatch(text[:80])
    if lithuanian:
        text = f"{lithuanian[3]} {lithuanian[2]} {lithuanian[1]}"
    year_first = _YEAR_FIRST.fullmatch(text[:80])
    if year_first:
        text = f"{year_first[2]} {year_first[3]} {year_first[1]}"
    year_month_day = _YEAR_MONTH_DAY.fullmatch(text[:80])
    if year_month_day:
        text = f"{year_month_day[3]} {year_month_day[2]} {year_month_day[1]}"
    try:
        # year first is year, month, day: '2026-12-03', Hungary's '2026.12.03', '2026/12/03'
        match = re.fullmatch(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})", text)
        if match:
            return date(int(match[1]), int(match[3]), int(match[4])).isoformat()
        # ISO 8601 with its time, as Mexico's CFDI prints it ('2026-03-05T10:22:31')
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2})?\S*)?", text)
        if match:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        match = _NUMERIC_DATE.fullmatch(text)
        if match:
            first, second, year = int(match[1]), int(match[3]), _year(match[4])
            if match[2] == "." or first > 12:
                order = True
            elif second > 12:
                order = False
            elif day_first is None:
                return None  # 03/04/2026: April 3 or March 4; the page did not say
            else:
                order = day_first
            day, month = (first, second) if order else (second, first)
            return date(year, month, day).isoformat()
        match = _DAY_MONTH_YEAR.fullmatch(text)
        if match and (named := _month(match[2], languages)) is not None:
            return date(_year(match[3]), named, int(match[1])).isoformat()
        match = _MONTH_DAY_YEAR.fullmatch(text)
        if match and (named := _month(match[1], languages)) is not None:
            return date(int(match[3]), named, int(match[2])).isoformat()
    except ValueError:
        return None
    return None


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def numeric_date_order(texts: list[str]) -> bool | None:
    """Day first (True) or month first (False) as numeric dates on a page show it (a part
    above 12), None when none does or they disagree."""
    seen = set()
    for text in texts:
        for match in _NUMERIC_DATE.finditer(text):
            if match[2] == ".":
                continue
            first, second = int(match[1]), int(match[3])
            if first > 12 >= second:
                seen.add(True)
            elif second > 12 >= first:
                seen.add(False)
    return next(iter(seen)) if len(seen) == 1 else None


# Currency signs that name one currency; '$' and '¥' alone name several (below).
CURRENCY_SIGNS: dict[str, str] = {
    "US$": "USD", "U$S": "USD", "USD$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD",
    "US $": "USD",  # (invoices30) marketplaces' 'US $12.40' (AliExpress, eBay)
    "A$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MX$": "MXN",
    "NT$": "TWD", "JP¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "€": "EUR", "£": "GBP",
    "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₫": "VND", "₱": "PHP", "₪": "ILS",
    "zł": "PLN", "Kč": "CZK", "Fr.": "CHF", "SFr.": "CHF", "TL": "TRY", "Ft": "HUF",
    "Rp": "IDR", "Rp.": "IDR", "руб.": "RUB", "₸": "KZT", "₴": "UAH", "грн": "UAH",
    "₮": "MNT", "дин.": "RSD", "din.": "RSD",
    # (session 26) the naira, the cedi ('GH₵ 247,000.00'), the lari, the dram, the manat, the
    # kwanza ('18.040.000,00 Kz')
    "₦": "NGN", "GH₵": "GHS", "₵": "GHS", "₾": "GEL", "֏": "AMD", "₼": "AZN", "Kz": "AOA",
    # Peru's sol ('S/ 21,300.00', 'S/. 150.00'): a sign only before a figure (below)
    "S/": "PEN", "S/.": "PEN",
    # (session 28) the Dominican peso, the Fiji dollar, the Costa Rican colón
    "RD$": "DOP", "FJ$": "FJD", "₡": "CRC",
    # Cape Verde's escudo as its invoices abbreviate it ('1.027.500$00 ECV'; ISO's code is CVE)
    "ECV": "CVE",
    # (session 28, reviewi13) the Caribbean dollars as their invoices print them (Trinidad and
    # Tobago's, Jamaica's, Barbados's, Belize's), Bhutan's ngultrum ('Nu. 1,19,940.00': a sign
    # only before a figure, below), and the francs of Rwanda and Djibouti by the letters their
    # invoices print ('17 655 750 FRW', 'FDJ'; ISO's codes are RWF and DJF)
    "TT$": "TTD", "J$": "JMD", "JA$": "JMD", "BDS$": "BBD", "Bds$": "BBD", "BZ$": "BZD",
    "Nu.": "BTN", "FRW": "RWF", "FDJ": "DJF",
    # (session 29, invoices25) the Pacific's tala and pa'anga as their invoices print them
    # ('WS$20,960.00', 'T$5,640.00'), Haiti's gourdes ('572 440,00 Gdes'), Zimbabwe Gold
    # ('ZiG 287,317.80'; ISO's code is ZWG)
    "WS$": "WST", "SAT$": "WST", "T$": "TOP", "Gdes": "HTG", "Gds": "HTG", "ZiG": "ZWG",
    # (session 29, reviewi14) Laos's kip ('247.995.000 ₭'), the Liberian dollar
    # ('L$2,483,250.00'), Burundi's franc ('124.844.000 FBu')
    "₭": "LAK", "L$": "LRD", "FBu": "BIF",
    # (reviewi15) the Bermudian and Solomon Islands dollars as their invoices print them
    # ('BD$24,200.00', 'SI$321,035.00'), the CFP franc of New Caledonia, French Polynesia and
    # Wallis and Futuna ('9 187 470 F CFP'; 'CFP' names no other money)
    "BD$": "BMD", "SI$": "SBD", "F CFP": "XPF", "FCFP": "XPF", "F.CFP": "XPF",
    # (session 31, invoices27) signs that name one money each, as CLDR's local symbols and the
    # invoices print them: the Namibia dollar ('N$1,154,400.00'), Panama's balboa ('B/.
    # 30,600.00'), Aruba's florin ('Afl. 14.700,00'), Sierra Leone's new leone ('NLe
    # 2,850,000.00'; ISO's code is SLE), Eritrea's nakfa ('Nfa 340,000.00', 'Nfk')
    "N$": "NAD", "B/.": "PAB", "Afl.": "AWG", "Afl": "AWG", "NLe": "SLE", "Nfa": "ERN",
    "Nfk": "ERN",
    # (session 31, reviewi16) the East Caribbean dollar ('EC$45,562.50': Saint Lucia, Grenada,
    # Dominica, Antigua, St Kitts, St Vincent, Anguilla, Montserrat), the Cayman Islands dollar
    # ('CI$14,840.00'), the Canadian dollar as Canadians also print it ('24 800,00 CAN$': its
    # 'N$' is no Namibia dollar)
    "EC$": "XCD", "CI$": "KYD", "CAN$": "CAD",
    # (invoices32) Malaysia's ringgit ('RM 6,950.00'): a sign only before a figure (below;
    # alone in a unit column 'RM' is a running metre)
    "RM": "MYR",
    # (session 34, invoices31) a currency's own name printed with the figures, where it names
    # one money: the yen ('3,180,000 Yen', 'Amount (Yen)'), the baht ('Grand Total (Baht)')
    "Yen": "JPY", "Baht": "THB",
}  # fmt: skip
AMBIGUOUS_SIGNS: dict[str, frozenset[str]] = {
    "$": frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "ARS", "CLP", "COP",
                    "TWD", "BRL"}),
    "¥": frozenset({"JPY", "CNY"}),
    "Rs.": frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}),
    "Rs": frozenset({"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}),
    # South Africa's rand ('R 12 450,00'): a sign only before a space and a digit (below)
    "R": frozenset({"ZAR"}),
    # the dirham: Morocco's ('12 500,00 DH'), the UAE's ('Dh 1,250')
    "DH": frozenset({"MAD", "AED"}),
    # the krone and krona ('12 345,00 kr', 'kr 1 234,50', Denmark's 'kr.')
    "kr": frozenset({"NOK", "SEK", "DKK", "ISK"}),
    "kr.": frozenset({"NOK", "SEK", "DKK", "ISK"}),
    # (session 25) signs read only on their own country's invoices (HOME_SIGNS): Bosnia's
    # convertible mark ('12.450,00 KM': elsewhere KM is a distance), the Tanzanian and Kenyan
    # shillings, Albania's lek, Uzbekistan's so'm, Kyrgyzstan's som
    "KM": frozenset({"BAM"}),
    "TSh": frozenset({"TZS"}),
    "KSh": frozenset({"KES"}),
    "KShs": frozenset({"KES"}),  # (invoices33) 'Total KShs'
    "Kshs": frozenset({"KES"}),
    # (invoices33) Bahrain's dinar as its invoices print it ('Total BD', 'BD 1,838.100'): only
    # before a space and a figure, and only on a Bahraini seller's invoice (HOME_SIGNS)
    "BD": frozenset({"BHD"}),
    "Lekë": frozenset({"ALL"}),
    "so'm": frozenset({"UZS"}),
    "сом": frozenset({"KGS"}),
    # (session 26) Romania's leu and Moldova's ('188.700,00 lei' in Chișinău is MDL), Algeria's
    # dinar ('1 946 840,00 DA')
    "lei": frozenset({"RON", "MDL"}),
    "DA": frozenset({"DZD"}),
    # (session 27) the CFA francs: the West African (UEMOA's, XOF) and the Central African
    # (CEMAC's, XAF) print the same 'FCFA' ('14 800 000 FCFA', '25 547 000 F CFA'); the
    # lempira ('L 34,199.40'), the ariary ('73 224 000 Ar'), the metical ('3.845.400,00 MT'),
    # the manat of Turkmenistan or Azerbaijan in Russian ('1 234,00 манат'), the boliviano
    # and Venezuela's bolívar ('Bs 1,250.00'), the guaraní ('Gs. 90.000.000')
    "FCFA": frozenset({"XOF", "XAF"}),
    "F CFA": frozenset({"XOF", "XAF"}),
    "F.CFA": frozenset({"XOF", "XAF"}),
    "L": frozenset({"HNL"}),
    "Ar": frozenset({"MGA"}),
    "MT": frozenset({"MZN"}),
    "манат": frozenset({"TMT", "AZN"}),
    "Bs": frozenset({"BOB", "VES"}),
    "Bs.": frozenset({"BOB", "VES"}),
    "Gs": frozenset({"PYG"}),
    "Gs.": frozenset({"PYG"}),
    # (session 28) Malawi's kwacha ('MK 1,234.50'; MK is North Macedonia's country code too),
    # Botswana's pula ('P 12,345.00': a sign only before a space and a digit, as 'R')
    "MK": frozenset({"MWK"}),
    "P": frozenset({"BWP"}),
    # (session 28, reviewi13) 'B$': the Brunei dollar, and the Bahamian dollar as often
    "B$": frozenset({"BND", "BSD"}),
    # (session 29, invoices25) Vanuatu's vatu ('4 181 400 VT'; elsewhere VT is Vermont) and
    # Qatar's riyal ('QR 29,680.00'; elsewhere a QR code)
    "VT": frozenset({"VUV"}),
    "QR": frozenset({"QAR"}),
    # (session 29, reviewi14) on their own countries' invoices only: Myanmar's kyat
    # ('100,200,000 Ks'), the Caribbean guilder of Curaçao and Sint Maarten since 2025
    # ('Cg 12.748,62'), Mauritania's ouguiya ('1 844 980,00 UM', after a figure only: 'U/M',
    # 'UM' head a unit column), Eswatini's lilangeni ('E 1,298,580.00', before a space and a
    # figure only, as 'R' and 'P')
    "Ks": frozenset({"MMK"}),
    "Cg": frozenset({"XCG"}),
    "UM": frozenset({"MRU"}),
    "E": frozenset({"SZL"}),
    # (session 30, invoices26) on their own countries' invoices only: the Gambian dalasi
    # ('D 3,534,500.00') and Lesotho's loti ('M 499,600.00'), each before a space and a figure
    # only, as 'E'; São Tomé's dobra ('757.447,50 Db')
    "D": frozenset({"GMD"}),
    "M": frozenset({"LSL"}),
    "Db": frozenset({"STN"}),
    # (reviewi15) on their own countries' invoices only: the Congolese franc ('195 750 000,00
    # FC', after a figure only: 'FC' is a football club, a fan coil elsewhere) and the Libyan
    # dinar ('LD 94,200.000', before a figure only: 'LD' is low-density elsewhere)
    "FC": frozenset({"CDF"}),
    "LD": frozenset({"LYD"}),
    # (session 32, invoices28) on Yemen's invoices only: the rial before a figure ('YR
    # 35,000,000'; elsewhere 'Yr' is a year)
    "YR": frozenset({"YER"}),
    # (session 32, invoices29) on Guatemala's invoices only: the quetzal before a space and a
    # figure ('Q 61,800.00'; not 'Q1', 'Q4 2026': a quarter), as 'D' and 'M'
    "Q": frozenset({"GTQ"}),
}  # fmt: skip
# The CFA franc's countries: the UEMOA's West African franc, the CEMAC's Central African one.
_CFA = {
    **dict.fromkeys(("BJ", "BF", "CI", "GW", "ML", "NE", "SN", "TG"), "XOF"),
    **dict.fromkeys(("CM", "CF", "TD", "CG", "GQ", "GA"), "XAF"),
}
# Ambiguous signs each country prints for its own currency only: '¥' is the yen in Japan and
# the renminbi in China, 'Rs.' the rupee of India, Pakistan, Sri Lanka or Nepal. ('$' is here
# only for the US dollar's own countries: a Canadian or Hong Kong exporter prints '$' for US
# dollars as often as for its own.)
HOME_SIGNS: dict[str, dict[str, str]] = {
    "¥": {"JP": "JPY", "CN": "CNY"},
    # (session 27) and Mauritius's rupee ('Rs 1,150.00'); (session 28) the Seychelles'
    "Rs.": {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
    "Rs": {"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
    "R": {"ZA": "ZAR"},
    "DH": {"MA": "MAD", "AE": "AED"},
    # (session 29) and the Faroe Islands' and Greenland's krone, the Danish one
    "kr": {"NO": "NOK", "SE": "SEK", "DK": "DKK", "IS": "ISK", "FO": "DKK", "GL": "DKK"},
    "kr.": {"NO": "NOK", "SE": "SEK", "DK": "DKK", "IS": "ISK", "FO": "DKK", "GL": "DKK"},
    "KM": {"BA": "BAM"},
    "TSh": {"TZ": "TZS"},
    "KSh": {"KE": "KES"},
    "KShs": {"KE": "KES"},
    "Kshs": {"KE": "KES"},
    "BD": {"BH": "BHD"},
    "Lekë": {"AL": "ALL"},
    "so'm": {"UZ": "UZS"},
    "сом": {"KG": "KGS"},
    "lei": {"RO": "RON", "MD": "MDL"},
    "DA": {"DZ": "DZD"},
    "FCFA": _CFA,
    "F CFA": _CFA,
    "F.CFA": _CFA,
    "L": {"HN": "HNL"},
    "Ar": {"MG": "MGA"},
    "MT": {"MZ": "MZN"},
    "манат": {"TM": "TMT", "AZ": "AZN"},
    "Bs": {"BO": "BOB", "VE": "VES"},
    "Bs.": {"BO": "BOB", "VE": "VES"},
    "Gs": {"PY": "PYG"},
    "Gs.": {"PY": "PYG"},
    "MK": {"MW": "MWK"},
    "P": {"BW": "BWP"},
    "B$": {"BN": "BND", "BS": "BSD"},
    "VT": {"VU": "VUV"},
    "QR": {"QA": "QAR"},
    "Ks": {"MM": "MMK"},
    "Cg": {"CW": "XCG", "SX": "XCG"},
    "UM": {"MR": "MRU"},
    "E": {"SZ": "SZL"},
    "D": {"GM": "GMD"},
    "M": {"LS": "LSL"},
    "Db": {"ST": "STN"},
    "FC": {"CD": "CDF"},
    "LD": {"LY": "LYD"},
    "YR": {"YE": "YER"},
    "Q": {"GT": "GTQ"},
    # (session 28) '$' in the countries whose own currency is the US dollar (Ecuador, El
    # Salvador, Panama beside its balboa coins, Timor-Leste): no other dollar to mean there
    "$": {
        "EC": "USD",
        "SV": "USD",
        "PA": "USD",
        "TL": "USD",
        # (session 30) and Somalia, whose trade is priced in US dollars: its shilling is
        # printed 'Sh.So.' or 'SOS', never '$', so '$' names no other currency there
        "SO": "USD",
        # (session 31, reviewi16) and the US territories and the states in free association
        # whose money is the US dollar (ISO 4217): Puerto Rico, the US Virgin Islands, Guam,
        # American Samoa, the Northern Marianas, Micronesia, the Marshall Islands, Palau, the
        # British Virgin Islands, Turks and Caicos, Caribbean Netherlands
        "PR": "USD",
        "VI": "USD",
        "GU": "USD",
        "AS": "USD",
        "MP": "USD",
        "FM": "USD",
        "MH": "USD",
        "PW": "USD",
        "VG": "USD",
        "TC": "USD",
        "BQ": "USD",
        # (session 33, conflicts33) and the United States itself (ISO 4217: its currency),
        # named on the page: a US seller's '$' names no other dollar. Not Canada's, Mexico's
        # or Chile's '$': their exporters print it for US dollars as often as for their own
        "US": "USD",
    },
}
# (reviewi14) a sign that names one currency elsewhere and another on its own country's
# invoices: Nicaragua's córdoba is printed 'C$' ('C$ 3,833,985.00'), which is the Canadian
# dollar on any other seller's invoice
_SIGN_AT_HOME: dict[str, dict[str, str]] = {
    "C$": {"NI": "NIO"},
    # (session 32, invoices28) the pound sign on the invoices of the territories whose pound
    # has an ISO 4217 code of its own, at par with sterling: Gibraltar's (GIP), the Falkland
    # Islands' (FKP), Saint Helena's (SHP). Not the Isle of Man's, Jersey's or Guernsey's,
    # whose pounds are sterling in ISO 4217 (GBP)
    "£": {"GI": "GIP", "FK": "FKP", "SH": "SHP"},
}
_SIGNS = sorted([*CURRENCY_SIGNS, *AMBIGUOUS_SIGNS], key=len, reverse=True)
# ('R' alone is a sign only before a space and a digit: 'R 1 500,00', not 'R2' or 'RON'; 'S/'
# only before a figure: 'S/N', 'S/O' are no sols)
# 'kr' leads a figure ('kr 1 234,50', not 'kraft') and ends one ('12 345,00 kr')
_BEFORE_FIGURE = {"R": r"(?=\s+\d)", "S/": r"(?=\s*\d)", "S/.": r"(?=\s*\d)",
                  "kr": r"(?=\s*\d)", "kr.": r"(?=\s*\d)",
                  "L": r"(?=\s+\d)",  # (session 27) 'L 34,199.40', not 'L5' or 'LTD'
                  "MK": r"(?=\s*\d)",  # (session 28) 'MK 1,234.50', not 'MKD'
                  "P": r"(?=\s+\d)",  # (session 28) 'P 12,345.00', not 'P03012345678'
                  "Nu.": r"(?=\s*\d)",  # (reviewi13) 'Nu. 1,250.00', not a word 'nu.'
                  "QR": r"(?=\s*\d)",  # (invoices25) 'QR 29,680.00', not 'QR code'
                  "E": r"(?=\s+\d)",  # (reviewi14) 'E 742.00', not 'E12' or 'EUR'
                  "Cg": r"(?=\s*\d)",
                  # (invoices26) 'D 3,534,500.00', 'M 499,600.00'; not 'D1', 'M12', 'DKK'
                  "D": r"(?=\s+\d)", "M": r"(?=\s+\d)",
                  "LD": r"(?=\s*\d)",  # (reviewi15) 'LD 94,200.000', not 'LDPE'
                  "YR": r"(?=\s*\d)",  # (invoices28) 'YR 1,750,000', not 'YRS'
                  "Q": r"(?=\s+\d)",  # (invoices29) 'Q 61,800.00', not 'Q4' or 'QTY'
                  # (invoices27) 'Afl 245,00', not 'AFL-CIO'; 'Nfa 425.00', not a word
                  "Afl": r"(?=\s*\d)", "Nfa": r"(?=\s*\d)", "Nfk": r"(?=\s*\d)",
                  # (invoices31) 'Yen 12,400', 'Baht 640.00'; not 'Yenisei', 'Bahtiyar'
                  "Yen": r"(?=\s*\d)", "Baht": r"(?=\s*\d)",
                  "RM": r"(?=\s*\d)",
                  "BD": r"(?=\s+\d)"}  # fmt: skip
# (session 27) signs only after a figure: 'MT12345678' is Malta's VAT id, no metical amount
# (invoices25) 'VT': 'Burlington, VT 05401' is Vermont's ZIP code, '3 636 000 VT' the vatu
# (reviewi14) 'UM': 'U/M' and 'UM' head unit columns; '1 844 980,00 UM' the ouguiya
# (reviewi15) 'FC': '195 750 000,00 FC' the Congolese franc, 'FC Barcelona' a club
_AFTER_FIGURE_ONLY = frozenset({"MT", "Ar", "VT", "UM", "FC"})
_SIGN = "|".join(
    re.escape(s) + _BEFORE_FIGURE.get(s, "") for s in _SIGNS if s not in _AFTER_FIGURE_ONLY
)
# (invoices27) three capitals followed by no letter at all: 'LDPE', 'HDPE', 'PVCU' are words
_HEAD = re.compile(rf"(?:{_SIGN}|[A-Z]{{3}}(?![^\W\d_]))")
# A tail ends the text, so 'R' (a sign only before a space and a digit) is never one.
# (invoices31) 'Yen' and 'Baht' lead a figure and end one too ('3,180,000 Yen')
_TAIL_SIGNS = sorted((s for s in _SIGNS if s in {"kr", "kr.", "Yen", "Baht"}
                      or s not in _BEFORE_FIGURE),
                     key=len, reverse=True)  # fmt: skip
_CODE = re.compile(r"[A-Z]{3}")
# (session 27, reviewi12) signs that are a currency only after an amount to the cent: 'MT' is
# the metical in '3.845.400,00 MT' and metric tonnes in '25,000 MT' or '173.500 MT' (a
# commodity invoice's weight, in any country)
_CENTS_ONLY = frozenset({"MT"})
_CENTS = re.compile(r"\d[.,]\d{2}$")


class _Affixed(NamedTuple):
    """A number's text cut into the sign or code before it, the rest, and the one after it."""

    head: str | None
    body: str
    tail: str | None


def _affix(text: str) -> _Affixed:
    """``text`` as head, body and tail: a currency sign or three capitals at the start (not
    followed by a small letter: 'EURx' has none), and the longest sign or three capitals at
    the end, spaces around each dropped. Without a regular expression over the body: the one
    this replaces ('^\\s*(head)?\\s*(.*?)\\s*(tail)?\\s*$') backtracked in cubic time on a letter
    or 'R' followed by a long run of spaces (one such line in a PDF held a worker for hours)."""
    rest = whole = text.strip()
    head = _HEAD.match(rest)
    if head is not None:
        rest = rest[head.end() :].lstrip()
    tail = next((sign for sign in _TAIL_SIGNS if rest.endswith(sign)), None)
    code = rest[-3:]
    # (a code is no word's end: 'LDPE' ends in no 'DPE')
    if (
        len(code) == 3
        and _CODE.fullmatch(code)
        and not whole[-4:-3].isalpha()
        and (tail is None or len(tail) < 3)
    ):
        tail = code
    body = rest[: len(rest) - len(tail)].rstrip() if tail else rest
    return _Affixed(head[0] if head is not None else None, body, tail)


def _amount_affix(text: str) -> _Affixed:
    """:func:`_affix`, but a sign of _CENTS_ONLY after a figure not to the cent is none
    (session 27, reviewi12: '25,000 MT', '173.500 MT' are metric tonnes, no meticais)."""
    found = _affix(text)
    if found.tail in _CENTS_ONLY and not _CENTS.search(found.body):
        rest = text.strip()
        body = rest[len(found.head) :].lstrip() if found.head is not None else rest
        return _Affixed(found.head, body, None)
    return found


def currency_sign(text: str) -> str | None:
    """The currency sign or code printed with an amount ('$', '€', 'US$', 'EUR'), if any."""
    # a minus or bracket before the sign: '-£865.20', '(€25.00)'
    match = _amount_affix(re.sub(r"^\s*[-(−]\s*(?=\D)", "", text.replace("\u00a0", " ")))
    return match.head or match.tail


def parse_number(text: str, decimal_mark: str | None = ".") -> Decimal | None:
    """'12,345.67', '12.345,67', '1 234,5', '28.58 USD', '€ 1.234,56', '(1,234.50)' (negative)
    -> Decimal; None when not a number. A lone separator followed by exactly three digits
    ('1.234', '1,234') is read with ``decimal_mark`` (the page's, see :func:`decimal_mark_of`)
    and is ambiguous (None) when that is None."""
    # the typographic minus sign (U+2212) as a hyphen-minus: '−102,00 €'
    text = text.strip().replace("\u00a0", " ").replace("\u2212", "-")
    negative = False
    match = re.fullmatch(r"\((.*)\)|-(.*)|(.*)-", text)
    if match:  # (1,234.50), -1,234.50 and 1,234.50- are negative
        negative, text = True, next(g for g in match.groups() if g is not None)
    affixed = _amount_affix(text)
    if affixed.head or affixed.tail:
        text = affixed.body
        match = re.fullmatch(r"\((.*)\)|-(.*)|(.*\d)\s*-", text.strip())
        if match:  # $(25.00), € -25,00, 1.468,46- EUR (SAP's minus after the number)
            negative, text = True, next(g for g in match.groups() if g is not None)
    # (session 28) the cifrão as the decimal separator, as Cape Verde prints its escudos (and
    # Portugal did): '1.027.500$00', '6 850$00', '150$00': dots or spaces between thousands,
    # two digits after the sign
    cifrao = re.fullmatch(r"(\d{1,3}(?:([.\s])\d{3})?(?:\2\d{3})*|\d+)\$(\d{2})", text.strip())
    if cifrao is not None:
        text = re.sub(r"[.\s]", "", cifrao[1]) + "." + cifrao[3]
    # OCR reads 1 as l or I inside a number ('1,2l0.00', 'I,250.00'): beside a digit, the other
    # side a digit or a separator. Read before spaces go: a letter with a space between it and
    # the digits ('I 20', 'l 5') is a word beside a number, not one of its digits.
    text = re.sub(r"(?<=\d)[lI](?=[\d.,])|(?<![^\d.,\s])[lI](?=\d)", "1", text)
    # A lone letter before a thousands group is the number's first digit, spaced or not:
    # 'I,250.00', and 'I 200,00' with its decimals ('I 200' stays a word beside a number).
    text = re.sub(
        r"(?<![^\W\d_])[lI](?=[.,]\d{3}(?!\d)|[\s\u2009\u202f]\d{3}(?:[\s\u2009\u202f]\d{3})*[.,]\d{1,2}$)",
        "1",
        text,
    )
    # A space between digits groups thousands only before exactly three digits ('1 234,50',
    # '12 345 678'): '10.3240 1.45' or '3 450,00 25,5' are two figures side by side (two
    # columns' cells in one run), not 103240145 (review i9)
    if re.search(r"(?<=\d)[\s\u2009\u202f]+(?=\d)(?!\d{3}(?:[.,\s\u2009\u202f']|$))", text):
        return None
    cleaned = re.sub(r"[\s'\u2009\u202f]", "", text).strip(".:;'`")
    if not re.search(r"\d", cleaned):
        return None
    cleaned = cleaned.replace("O", "0").replace("o", "0")  # OCR reads 0 as O
    if re.fullmatch(r"[\d.,]*\d:\d{2}", cleaned):  # and a decimal point as a colon
        cleaned = cleaned.replace(":", ".")
    if re.fullmatch(r"[\d.,]*\d;\d{2}", cleaned):  # a decimal comma as a semicolon ('32;00')
        cleaned = cleaned.replace(";", ",")
    if not re.fullmatch(r"\d[\d.,]*", cleaned) or not cleaned[-1].isdigit():
        return None
    marks = re.sub(r"\d", "", cleaned)
    if not marks:
        mark = "."
    elif len(set(marks)) == 2:  # both: the last one is the decimal mark
        mark = marks[-1]
        if marks[:-1].count(mark):
            return None
    elif len(marks) > 1:  # one kind, repeated: thousands
        mark = "," if marks[0] == "." else "."
    elif re.fullmatch(r"\d{1,3}[.,]\d{3}", cleaned):
        if decimal_mark is None:
            return None  # 1.234: one and a quarter or twelve hundred
        mark = decimal_mark
    else:
        mark = marks
    thousands = "," if mark == "." else "."
    cleaned = cleaned.replace(thousands, "").replace(mark, ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return -number if negative else number


def decimal_mark_of(texts: list[str]) -> str | None:
    """The decimal mark the numbers on a page use, from those that show it ('1,234.56',
    '12,5', '0.45'); None when none does or they disagree."""
    seen = set()
    for text in texts:
        if parse_date(text) is not None:  # 'December3,2026' (OCR) shows no decimal mark
            continue
        for token in re.findall(r"\d[\d.,]*\d", text):
            marks = re.sub(r"\d", "", token)
            if len(set(marks)) == 2:
                seen.add(marks[-1])
            elif re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+", token):
                # '222.000.000', '1,250,000': the mark repeated between groups of three is
                # the thousands separator, so the other is the decimal mark (a VND page's
                # '1.200' is then twelve hundred)
                seen.add("," if marks[0] == "." else ".")
            elif len(marks) == 1 and not re.fullmatch(r"\d{1,3}[.,]\d{3}", token):
                if re.fullmatch(r"\d+[.,]\d{1,2}", token) or re.fullmatch(r"\d+[.,]\d{4,}", token):
                    seen.add(marks)
    return next(iter(seen)) if len(seen) == 1 else None


def _quantity_by_amount(
    text: str, decimal_mark: str | None, price: str | None, amount: str | None
) -> str | None:
    """A line's quantity; one with a lone separator before three digits ('1.200', '1,500') is
    read as the line's price and amount show it when they do: a Chilean or Indonesian page
    groups a count's thousands with a dot beside prices in dot decimals ('1.200' kg at '9.45'
    for '11340.00' is twelve hundred), which the page's decimal mark reads 1.2. When both or
    neither reading gives the amount, the page's reading stands."""
    read = quantity(text, decimal_mark)
    if price is None or amount is None or not re.fullmatch(r"\d{1,3}[.,]\d{3}", text.strip()):
        return read
    fits = {
        value
        for value in (quantity(text, "."), quantity(text, ","))
        if value is not None and abs(Decimal(value) * Decimal(price) - Decimal(amount)) < 0.01
    }
    return fits.pop() if len(fits) == 1 else read


def _amount_by_line(
    text: str, decimal_mark: str | None, counted: str | None, price: str | None
) -> str | None:
    """A line's amount; one whose last separator stands before three digits ('18 450.000',
    '18.450,000') and which does not fit the line's quantity times price is read with that
    separator as the thousands' when that reading fits exactly: OCR reads a space between
    thousands as a point ('18 450 000' as '18 450.000', which read 18,450.000). When the
    amount fits, or neither reading does, or the last separator is the amount's only one or
    like the others, the page's reading stands."""
    read = money(text, decimal_mark)
    if read is None or counted is None or price is None:
        return read
    if not re.search(r"\d[.,]\d{3}\s*[^\d\s.,]*\s*$", text.strip()):
        return read
    product = Decimal(counted) * Decimal(price)
    if abs(Decimal(read) - product) < Decimal("0.01"):
        return read
    body = re.sub(r"[^\d\s.,]", "", text).strip()
    if not re.fullmatch(r"\d{1,3}(?:[\s.,]\d{3})+", body):
        return read  # not every group of three: not thousands throughout
    marks = re.findall(r"[\s.,]", body)
    if len(marks) < 2 or marks[-1] in marks[:-1]:
        # one separator ('18.450': 18,450 kg at 1.000 a tonne make 18.450 dinars) or the last
        # like the others: the page's own reading, not one space of several read as a point
        return read
    whole = Decimal(re.sub(r"\D", "", body))
    return money(str(whole), ".") if whole == product else read


def money(text: str, decimal_mark: str | None = ".") -> str | None:
    """An amount to the cent; printed with three decimals ('8,048.250'), to the thousandth
    until the page's currency is known (:func:`minor_units`)."""
    number = parse_number(text, decimal_mark)
    if number is None:
        return None
    places = Decimal("0.001") if number.as_tuple().exponent == -3 else Decimal("0.01")
    return str(number.quantize(places))


# (session 27) ISO 4217's currencies of three decimals (the dinars of Bahrain, Iraq, Jordan,
# Kuwait, Libya and Tunisia, the Omani rial): their amounts are held to the thousandth
THREE_DECIMALS = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})


def minor_units(result: Extraction) -> None:
    """Every amount to its currency's minor unit (ISO 4217): three decimals in a currency of
    three (THREE_DECIMALS), else two (an amount read to the thousandth by :func:`money`
    rounded to the cent, as every amount was before)."""
    three = result.currency in THREE_DECIMALS

    def held(value: str | None) -> str | None:
        try:
            number = Decimal(value) if value is not None else None
        except InvalidOperation:
            return value
        if number is None or not (three or number.as_tuple().exponent == -3):
            return value
        return str(number.quantize(Decimal("0.001") if three else Decimal("0.01")))

    for key in _READ_AMOUNTS:
        setattr(result, key, held(getattr(result, key)))
    for line in result.line_items:
        line.amount = held(line.amount)


def quantity(text: str, decimal_mark: str | None = ".") -> str | None:
    number = parse_number(text, decimal_mark)
    if number is None:
        return None
    return format(number.normalize(), "f")


# Unit words printed on invoices -> UN/ECE Recommendation 20 codes. Two- and three-letter
# codes that are not listed here are taken as printed (KGM, NAR, PR, ...).
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "H87": ("pcs", "pc", "pce", "piece", "pieces", "stk", "stück", "st", "stuks", "pz", "pza",
            "pezzi", "szt", "ud", "uds",
            "und", "unds",  # (invoices32) Spanish 'und.' (unidad) in Spain and Colombia
            "unidad", "unidades", "unité", "unités", "ea", "each",
            "unit", "units", "adet", "ks", "un", "unid", "unidade", "db", "buc", "τεμ", "kpl",
            "nos",  # India's 'NOS' (numbers)
            "шт", "штук", "chiếc", "cái",  # Russian and Ukrainian 'шт.', Vietnamese
            "kom", "komad", "ком", "комад", "бр", "ш", "ширхэг",  # Serbian, Bulgarian, Mongolian
            "vnt", "gab", "tk", "kos",  # Lithuanian, Latvian, Estonian, Slovene
            # (session 25) Albanian, Azerbaijani, Uzbek, Maltese, Filipino, Kazakh and Kyrgyz,
            # Catalan, Welsh
            "copë", "ədəd", "dona", "biċċa", "piraso", "дана", "даана", "u", "uned",
            "pièce", "pièces"),  # (session 27) French with its accent
    "KGM": ("kg", "kgs", "kilo", "kilogram", "kilogramme", "кг", "kq",
            "kilogramo", "kilogramos", "quilograma", "quilogramas"),  # (session 27)
    "MTQ": ("m3", "m³"),
    "TNE": ("тонна", "тонн", "tonne", "tonnes", "tonelada", "toneladas", "tonă", "tone"),
    "KMT": ("km", "км"),
    # a bag (Rec 21 BG), as French ('sac'), Dutch ('zak') and Somali invoices name it too
    "XBG": ("bag", "bags", "sac", "sacs",
            "bolsa", "bolsas",  # (session 27) Spanish
            "funda", "fundas",  # (session 28) the Caribbean's Spanish: a bag of cement, rice
            "zak", "zakken", "kiish",  # (session 29) Dutch (Suriname), Somali
            "beg"),  # (reviewi20) Malay

    # (session 33, conflicts33) a sack: Rec 21 names SA 'Sack' apart from BG 'Bag', so a word
    # that means a sack is SA (Swahili 'gunia', Filipino 'sako', Spanish and Portuguese
    # 'saco', 'saca', Italian 'sacco', Polish 'worek', Russian and Ukrainian 'мешок', 'мішок',
    # Vietnamese 'bao', Papiamentu and Tetum 'saku'); until session 33 they were read as bags
    "XSA": ("sack", "sacks", "gunia", "sako", "saco", "sacos", "saca", "sacas", "sacco",
            "sacchi", "worek", "worki", "мешок", "мешков", "мішок", "мішків", "bao", "saku",
            "sak"),  # (invoices34) Indonesian 'sak' (a sack of sugar, of cement)
    "MTK": ("m2", "m²", "sqm", "qm", "mq",
            "м2", "м²"),  # (invoices34) in Cyrillic (batch 20's Ukrainian 'м2')
    "MTR": ("m", "mtr", "mtrs", "meter", "metre", "metro", "mètre", "м"),
    "LTR": ("l", "ltr", "lt", "litre", "liter", "litro"),
    # 'NPR' (number of pairs) was taken out of Rec 20 for 'PR'
    "PR": ("pair", "pairs", "prs", "paar", "paire", "paires", "npr"),
    "SET": ("set", "sets"),
    "LBR": ("lb", "lbs", "pound", "pounds"),
    # packages as EN 16931 (BT-130) codes them: Rec 21's with an X (its list has no 'CT', 'BX')
    # (session 27) Spanish 'caja', Portuguese 'caixa'; a bottle (Rec 21's BO) in French,
    # Spanish, Portuguese and German
    "XBX": ("box", "boxes", "caja", "cajas", "caixa", "caixas",
            "doos",  # (session 29) Dutch ('dozen', its plural, is English's dozen: left out)
            "kassi",  # Faroese and Icelandic
            "kasse",  # (session 30) Danish and Norwegian
            "kaha",  # (reviewi14) Papiamentu
            "dėž", "dėžė", "dėžės",  # (session 33) Lithuanian ('dėž.'), a box, not a piece
            "kotak"),  # (invoices32) Malay and Indonesian
    # (session 29, invoices25) a bundle (Rec 21 BE) and a dozen (Rec 20 DZN)
    "XBE": ("bundle", "bundles", "bdl", "bdls"),
    "DZN": ("doz", "dozen", "dz"),
    "XBO": ("bottle", "bottles", "bouteille", "bouteilles", "botella", "botellas", "garrafa",
            "garrafas", "flasche", "flaschen",
            "btl", "btls",  # (invoices27) the English abbreviation
            "botol"),  # (reviewi20) Malay and Indonesian

    # (invoices27) a can (Rec 21 CA: paint, oil, food) in English, Dutch, Spanish, Portuguese
    "XCA": ("can", "cans", "blik", "blikken", "lata", "latas"),
    "XCT": ("ctn", "ctns", "carton", "cartons"),
    # (reviewi15) a jar (Rec 21 JR: syrup, honey, pickles) and a sheet (ST: roofing iron,
    # plywood)
    # (session 32, invoices28) and a tin (Rec 21 TN: biscuits, tea, paint) in lower case only:
    # 'TIN' in capitals is a taxpayer's TIN (unit_code)
    "XTN": ("tin", "tins"),
    "XJR": ("jar", "jars", "frasco", "frascos", "bocal", "bocaux"),
    "XST": ("sheet", "sheets", "sht", "shts"),
    # (reviewi13) a case (Rec 21 CS: bottles, cans) and a drum (DR: juice, oil, chemicals)
    "XCS": ("case", "cases"),
    "XDR": ("drum", "drums", "tambor", "tambores", "fût", "fûts"),
    # (session 28) a roll (Rec 21 RO: cable, tape, fabric) and a bale (BL: sugar, cotton,
    # used clothing) in English, Spanish, Portuguese, French and German
    "XRO": ("roll", "rolls", "rollo", "rollos", "rolo", "rolos", "rouleau", "rouleaux", "rolle",
            "rollen"),
    "XBL": ("bale", "bales", "fardo", "fardos", "ballen"),
    "XPX": ("pal", "plt", "pallet", "pallets", "palette", "paletten"),  # PAL is Rec 20's pascal
    "XPK": ("csomag",),  # (invoices34) Hungarian: a package (Rec 21 PK)
    "HUR": ("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "heure", "heures",
            "tim", "timme", "timmar", "timer", "hod", "óra", "ora", "ore", "soat", "awr"),
    "DAY": ("day", "days", "tag", "tage", "jour", "jours"),
}  # fmt: skip
_UNITS = {word: code for code, words in UNIT_WORDS.items() for word in words}
# UN/ECE Rec 20 (and Rec 21 package) codes taken as printed: EN 16931's whole list, and the
# two-letter Rec 21 codes still printed without their X ('CT', 'PK'). Any other short word in a
# unit column ('ROL', 'BOT': a language's abbreviation the list above lacks) gives no code: a
# made-up code is a wrong value, none is a gap.
PRINTED_CODES = UNIT_CODES | frozenset("BX CT PK PA BG RO PL CR DR BO CA TU BE CS".split())
# (review i11) a Rec 21 code printed without its X reads with it ('CT' -> 'XCT'): EN 16931's
# list, the one an e-invoice's unit must come from, holds only the X form
_REC21_BARE = {code: f"X{code}" for code in PRINTED_CODES - UNIT_CODES if f"X{code}" in UNIT_CODES}
# Rec 20 codes that invoices print meaning another unit: 'MTS' (metres, or metric tons; Rec 20's
# metre per second), 'RM' (running metre, or ringgit; Rec 20's ream): no code, not a wrong one.
_AMBIGUOUS_UNITS = frozenset({"mts", "rm"})
# (session 28) 'MT' in a unit column is the metric tonne of commodity trade (copper, cashew,
# coffee, sugar: 'Price USD/MT'), in capitals as traders print it ('M/T', 'M.T.' too); not
# Rec 20's code for it (TNE). Lower-case 'mt' is Italy's metre ('mt', metri): no code.
_METRIC_TONNE = frozenset({"MT", "M/T", "M.T.", "MTON", "MTONS"})


# Unit words that mean another unit in one language: Poland's 'kpl.' is a komplet (a set),
# Finland's 'kpl' a kappale (a piece).
# 't' is the tonne in Uzbek and Russian-style tables, Norway's 'timer' (hours) in Norwegian.
_UNITS_BY_LANGUAGE: dict[str, dict[str, str]] = {
    "pl": {"kpl": "SET"},
    "uz": {"t": "TNE"},
    "fr": {"t": "TNE"},  # (session 29) French tables' 't' (tonne)
    "nb": {"t": "HUR"},
}


def unit_code(text: str, languages: frozenset[str] | set[str] = frozenset()) -> str | None:
    """A UN/ECE Rec 20 unit code for a unit as printed ('pcs' -> H87, 'KGM' -> KGM), on a page
    whose labels are in ``languages`` (see _UNITS_BY_LANGUAGE)."""
    words = text.split()
    bare = re.sub(r"[^\w]", "", text)
    if bare.upper() in {"TIN", "TINS"} and not bare.islower():
        return None  # a taxpayer's TIN, in capitals or as a label's 'Tin', no tin of biscuits
    if text.strip() in _METRIC_TONNE:
        # (session 28, reviewi13) but Italian invoices print their metres in capitals in the
        # U.M. column ('MT', metri, beside 'NR', 'PZ', 'KG'): on an Italian page no code, as
        # before session 28, rather than a tonne for a metre. (A page whose labels read as
        # Portuguese or Spanish too is not taken for Italian: batch 28's Bissau-Guinean
        # 'Fatura' matches all three, its cashew sold by the tonne.)
        italian = "it" in languages and not set(languages) & {"pt", "es", "ca"}
        return None if italian else "TNE"
    if len(words) == 2 and words[0].isupper() and words[0] in PRINTED_CODES:
        # a code with its name: Mexico's CFDI prints 'H87 Pieza', 'KGM Kilogramo'
        return _REC21_BARE.get(words[0], words[0])
    parts = text.split("/")
    if len(parts) == 2 and all(part.strip() for part in parts):
        # (invoices32) a bilingual table's unit in both languages ('kpl/st', 'pcs/шт'): the
        # code both give, none where they differ ('m/s')
        both = {unit_code(part, languages) for part in parts}
        if len(both) == 1:
            return both.pop()
    word = re.sub(r"[^\w]", "", text.strip().lower())
    meant = {_UNITS_BY_LANGUAGE[lang].get(word) for lang in languages if lang in _UNITS_BY_LANGUAGE}
    meant.discard(None)
    if len(meant) == 1:
        return meant.pop()
    if word in _UNITS:
        return _UNITS[word]
    if word.upper() in PRINTED_CODES and word not in _AMBIGUOUS_UNITS:
        return _REC21_BARE.get(word.upper(), word.upper())
    return None


_GEORGIA_LAST = re.compile(r",\s*(?:Georgia|GEORGIA)\s*$")


def _us_state_or_georgia(text: str) -> int | None:
    r"""Where the town before a last ', Georgia' ends ('Atlanta, Georgia'): the part before
    it (after the comma before, or the line's start) a letter first and no digit; else None.
    (By position: the regex '(?:^|,)\s*(?P<town>[^\W\d_][^,\d]*?)\s*,\s*Georgia\s*$' was
    quadratic in a run of spaces.)"""
    last = _GEORGIA_LAST.search(text)
    if last is None:
        return None
    before = text[: last.start()]
    town = before.rpartition(",")[2].strip()
    if not town or not re.match(r"[^\W\d_]", town) or re.search(r"\d", town):
        return None
    return len(before.rstrip())


# Georgia's (the country's) larger towns and its regions, printed before its name without a
# postcode ('Kutaisi, Imereti, Georgia')
_GEORGIAN_TOWNS = frozenset(
    "tbilisi batumi kutaisi rustavi zugdidi gori poti kobuleti khashuri samtredia senaki "
    "zestaponi marneuli telavi akhaltsikhe ozurgeti kaspi chiatura tskaltubo sagarejo "
    "imereti adjara ajara kakheti samegrelo guria racha svaneti abkhazia".split()
)


_COUNTRY_CAPTION = re.compile(
    r"^\s*(?:country|land|pays|pa[íi]s|paese|kraj|[üu]lke)\s*:\s*(?=\S)", re.I
)


_POSTCODE_TOKEN = re.compile(r"(?<![^\W\d_])[A-Z]{0,4}\d[A-Z\d]*(?![^\W\d_])|\d")


# (session 32, reviewi17) the short names of countries that are towns' names too (Antigua for
# Antigua and Barbuda, and a town in Guatemala and one in Fuerteventura), at a line's end: a
# party's country by them only when none of its other lines names one (read_block)
_TOWN_NAMED = re.compile(r"(?<![\w&])Antigua\s*(?:,?\s*W\.\s?I\.)?\s*$")


_CANARY_PROVINCE = re.compile(
    r"(?<![^\W\d_])(?:Las\s+Palmas\s+de\s+Gran\s+Canaria|Santa\s+Cruz\s+de\s+Tenerife)\s*$"
)


def country_code(text: str) -> str | None:
    """An ISO 3166 alpha-2 code for a country named at the end of an address line (or after
    its postcode at the start: '443004, Россия, г. Самара'), read by the one resolver of
    country names under its address-line policy (names only, in English, German, French,
    Spanish, Italian, Dutch and eight more languages, Russian, Ukrainian and Greek among them;
    see :mod:`clearlane.core.codelists.country_names`)."""
    # the US state, not the country: a ZIP code after it ('Atlanta, Georgia 30303'), or the
    # United States named after it ('Atlanta, Georgia (USA)'); Georgia's postcodes have four
    # digits and stand before the city ('0179 Tbilisi, Georgia')
    state = re.search(
        r"\b(?:Georgia|GEORGIA)(?=\s+\d{5}(?:-\d{4})?\b|\s*[,(]\s*(?:USA|U\.S\.A\.?|US)\b)", text
    )
    if state is not None:
        text = text[: state.start()] + text[state.end() :]
    elif (town_end := _us_state_or_georgia(text)) is not None:
        # 'Atlanta, Georgia' with nothing after it: a town, then 'Georgia', no postcode before
        # the town. The country only for one of its own towns; any other town is likelier the
        # state's (a null, not a wrong country)
        # (any part of the line before it: 'Kutaisi, Imereti, Georgia'; US addresses print
        # their states in capitals as often as not: 'ATLANTA, GEORGIA')
        parts = text[:town_end].split(",")
        if not any(_plain(part).strip() in _GEORGIAN_TOWNS for part in parts):
            return None
    # a caption before the name ('Country: Saudi Arabia', 'Land: Deutschland')
    text = _COUNTRY_CAPTION.sub("", text, count=1)
    # (reviewi13) the region written after the country: 'Kingston 10, Jamaica W.I.' (the West
    # Indies), 'Belize, C.A.' (Central America)
    # (by string ends, not a regex: '\s*,?\s+' backtracked quadratically over a run of spaces)
    # (session 31, reviewi16) and the islands' group after Jersey or Guernsey: 'St Helier,
    # Jersey JE2 4QA, Channel Islands' (the group is no country: the island before it is)
    ending = text.rstrip()
    # (session 32, invoices29) and the ocean after an island: 'Jamestown, Saint Helena, South
    # Atlantic', 'Adamstown, Pitcairn Islands, South Pacific'
    for region in ("W.I.", "W. I.", "C.A.", "C. A.", "Channel Islands", "CHANNEL ISLANDS",
                   "South Atlantic", "South Pacific"):  # fmt: skip
        head = ending[: -len(region)]
        if ending.endswith(region) and head[-1:] in {" ", ","}:
            head = head.rstrip(" ,")
            if head[-1:].isalpha():
                text = head
            break
    if " / " in text:  # 'Reino Unido / United Kingdom': either language's name, the last first
        # (one part at a time: a recursion on the part before the last ' / ' went as deep as
        # the line had slashes, a RecursionError past a thousand and quadratic before it)
        for part in reversed(text.split(" / ")):
            if (code := country_code(part)) is not None:
                return code
        return None
    # 'Gewerbering 14 · 85354 Freising · Deutschland': a letterhead's one address line (OCR
    # drops the spaces beside a middle dot: 'Hauptstraße88·79576 Weil am Rhein· Deutschland')
    parts = re.split(r",|(?<!\s)\s*[·•]\s*|\s\|\s", text)
    # The last two parts, then the last: a country's name may have a comma of its own
    # ('Seoul, Korea, Republic of'; 'Kowloon, Hong Kong SAR, China' is HK, not China).
    for tail in (parts[-2:], parts[-1:]) if len(parts) > 1 else (parts,):
        # digits are a postcode's ('Singapore 068898'), never part of a country's name; so is
        # a capitals' token with a digit (invoices27: 'Gibraltar GX11 1AA', 'Jersey JE2 3QA')
        code = resolve_country(_capital_i(_POSTCODE_TOKEN.sub("", ", ".join(tail))), ADDRESS_LINE)
        if code is not None:
            return code
    # (session 30) the state's form before its name in the address's own language ('Union des
    # Comores', 'República Democrática de São Tomé e Príncipe', 'Repubblica di San Marino'):
    # the name after it; not where the form tells two states apart (the two Congos, Koreas,
    # Chinas: 'République démocratique du Congo' is not the Republic of the Congo)
    form = _STATE_FORM.match(parts[-1].strip())
    if form is not None:
        code = resolve_country(re.sub(r"\d", "", parts[-1].strip()[form.end() :]), ADDRESS_LINE)
        if (
            code is not None
            and code not in _FORM_DECIDES
            and not (code in _ALSO_A_STATE and _SUBNATIONAL_FORM.match(form[0]))
        ):
            return code
    # 'Taichung City 41280, Taiwan (R.O.C.)', '…, India (Gujarat)': the name before a last
    # bracket (found by position: the regex '(.*[^\W\d_].*?)\s*\([^()]*\)\s*' was quadratic)
    stripped = text.rstrip()
    opening = stripped.rfind("(")
    if stripped.endswith(")") and opening >= 0 and ")" not in stripped[opening + 1 : -1]:
        head = text[:opening].rstrip()
        if "\n" not in head and re.search(r"[^\W\d_]", head):
            if (code := country_code(head)) is not None:
                return code
        # or the country in the bracket: '50016 Zaragoza (España)', '4300-219 Porto (Portugal)'
        inner = stripped[opening + 1 : -1].strip()
        if inner and "(" not in inner and not re.search(r"\d", inner):
            return resolve_country(_capital_i(inner), ADDRESS_LINE)
    # the postcode, then the country, then the town: the order of Russia, Ukraine, Kazakhstan
    # ('443004, Россия, г. Самара, ул. Заводская, 17')
    # on an address line only: no caption, or an address's ('Адрес:'); another caption's
    # number is no postcode ('Ref.: 30303, Georgia, Atlanta', 'Тел.: 123456, Того, …')
    # (session 32, invoices29) the Canary Islands' two provinces, named by their capitals in
    # full at the line's end and no country after them ('35003 Las Palmas de Gran Canaria'):
    # Spain
    if _CANARY_PROVINCE.search(text):
        return "ES"
    lead = _POSTCODE_COUNTRY.match(text)
    if lead is not None and (
        lead["caption"] is None
        or any(_ADDRESS_CAPTION.fullmatch(part.strip()) for part in lead["caption"].split("/"))
    ):
        return resolve_country(lead["country"], ADDRESS_LINE)
    return None


# (reviewi15) Spanish 'Razón social' (a company's legal name) at the start of a run: the
# buyer's caption unless another buyer's caption stands under it (_Reader.issuer_caption)
_RAZON_SOCIAL = re.compile(r"raz[óo]n\s+social(?![^\W\d_])", re.I)

_STATE_QUALIFIER = (
    r"(?:democratic|d[ée]mocratique|democr[áa]tica|democratica|federal|f[ée]d[ée]rale?"
    r"|federativa|islamic|islamique|isl[áa]mica|socialist|socialiste|socialista|popular"
    r"|populaire|people'?s|arab|arabe|[áa]rabe|united|unie|unida|unita|cooperative|co-operative"
    r"|independent|ind[ée]pendant|independiente|oriental|bolivarian|bolivariana|plurinational"
    r"|plurinacional)"
)
_STATE_FORM = re.compile(
    rf"(?:the\s+)?(?:{_STATE_QUALIFIER}\s+){{0,2}}"
    r"(?:union|republic|kingdom|principality|sultanate|state|commonwealth|federation|emirate"
    r"|grand\s+duchy|r[ée]publique|royaume|principaut[ée]|[ée]tat|sultanat|f[ée]d[ée]ration"
    r"|uni[óo]n|uni[ãa]o|rep[úu]blica|reino|principado|estado|repubblica|regno|principato"
    r"|stato|unione)"
    rf"(?:\s+{_STATE_QUALIFIER}){{0,2}}"
    # (invoices32) or the name straight after the form ('República Argentina')
    r"(?:\s+(?:of(?:\s+the)?|d[eu]s?|d'|de\s+la|de\s+l'|del|d[oa]s?|di|dell[a']?)\s*|\s+)",
    re.I,
)
# The countries whose names a state's form tells apart (above)
_FORM_DECIDES = frozenset({"CG", "CD", "KR", "KP", "CN", "TW"})
# (reviewi15) 'State of Georgia' is a US state's style as much as the country's: a form that a
# federation's states take too ('State of', 'Estado de') names no country whose name a
# federation's state shares
_ALSO_A_STATE = frozenset({"GE"})
_SUBNATIONAL_FORM = re.compile(r"(?:the\s+)?(?:state|estado|[ée]tat|stato)\b", re.I)

_POSTCODE_COUNTRY = re.compile(
    r"(?:(?P<caption>[^\W\d_][^:\d]{0,40}):)?\s*\d{5,6}\s*,\s*"
    r"(?P<country>[^\W\d_][^,\d]{2,40}?)\s*,"
)  # (after its caption: 'Адрес: 020000, Қазақстан, Көкшетау қ., …', 'Мекенжайы / Адрес:')


def _capital_i(text: str) -> str:
    """OCR reads a capital I as l: 'lreland' (no country's name starts l + consonant)."""
    plain = _plain(text)
    if re.match(r"l[bcdfghjkmnpqrstvwxz]", re.sub(r"[^a-z]", "", plain)):
        return plain.replace("l", "i", 1)
    return text


# Currencies a 'Currency:' label's value names in words ('Валюта: Российский рубль, 643')
CURRENCY_NAMES: dict[str, str] = {
    "российский рубль": "RUB", "рубль": "RUB", "рубли": "RUB", "тенге": "KZT",
    "казахстанский тенге": "KZT", "гривня": "UAH", "гривна": "UAH", "українська гривня": "UAH",
    "euro": "EUR", "euros": "EUR", "us dollar": "USD", "us dollars": "USD",
    "u.s. dollars": "USD", "united states dollar": "USD", "pound sterling": "GBP",
    # (session 25) Belarus's rouble, Kazakhstan's tenge in Kazakh, Kyrgyzstan's som
    "бел. руб.": "BYN", "беларускі рубель": "BYN", "белорусский рубль": "BYN", "теңге": "KZT",
    "сом": "KGS",
}  # fmt: skip


def named_currency(text: str) -> str | None:
    """The currency a label's value names in words, its first part (before a comma or a
    numeric code): 'Российский рубль, 643' -> RUB."""
    head = re.split(r"[,(;]|\s\d", text, maxsplit=1)[0]
    return CURRENCY_NAMES.get(" ".join(head.lower().split()))


def currency_code(text: str) -> str | None:
    """An ISO 4217 code printed as such, or the one currency an unambiguous sign names."""
    candidate = text.strip()
    if candidate in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[candidate]
    candidate = candidate.upper()
    if re.fullmatch(r"[A-Z]{3}", candidate) and is_currency(candidate):
        return candidate
    return None


def _currency_word(text: str) -> bool:
    """Whether a header's word is a currency's code or sign, alone or per unit: 'EUR', 'RD$',
    'Bs.', 'USD/MT', 'US$/Pc' (session 28: 'Precio RD$', 'Price USD/MT' head one column, the
    sign's word no column of its own). One letter ('R', 'L') is no sign here; '€' is."""
    word = text.strip()
    per = re.fullmatch(r"(.+?)\s*/\s*[^\W\d_]{1,5}\.?", word)
    if per is not None:
        word = per[1]
    if len(word) < 2 and word.isalpha():
        return False
    return currency_code(word) is not None or word in AMBIGUOUS_SIGNS


# -- labels -----------------------------------------------------------------------------------

_RATE = r"(?:\d+(?:[.,]\d+)?\s*%|%\s*\d+(?:[.,]\d+)?)"  # '20 %', Turkey's '%10'
# 'No. & date of invoice': the number, then the date, in one value.
_NO_AND_DATE = r"no\.?\s*(?:&|and)\s*date\s+of\s+invoice|invoice\s+no\.?\s*(?:&|and)\s*date"
_INCOTERMS = r"exw|fca|fas|fob|cfr|cif|cpt|cip|dap|dpu|ddp"
# (invoices35) a goods' value at an Incoterm, its label alone before the figure: 'Valor FOB',
# 'FOB Value', 'Total FOB' ('Total FOB Karachi' names a port: no bare label)
_INCOTERM_VALUE = re.compile(
    rf"(?:(?:valor|value|total|monto|importe|montant|valeur)\s+(?:{_INCOTERMS})"
    rf"|(?:{_INCOTERMS})\s+(?:value|valor|total|amount))(?:\s*(?:US)?\$|\s+[A-Z]{{3}})?\s*:?"
    r"(?=\s*(?:$|[\d$€£]))",
    re.I,
)
# After a tax id's short label ('БИН', 'УНП', 'MST'): its id (digits, or a country's prefix
# and digits), or nothing on the run (the id beside it): never a word, which vat_id would glue
# to the number after it ('MST KH 0101234567' read as 'KH0101234567')
_ID_FOLLOWS = r"(?=\s*(?::\s*)?(?:\d|(?-i:[A-Z]{2}\d)|$))"
# The country prefixes of VAT ids (the EU's, Greece's EL, Northern Ireland's XI, the UK's,
# Switzerland's CHE, Norway's): none is a currency's code.
_VAT_PREFIXES = (
    r"AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI|GB"
    r"|CHE|NO"
)


def _tax(words: str, prefixes: str) -> str:
    """A tax line's label: 'VAT 20%', 'VAT @ 20%', 'Sales Tax (6%)', 'zzgl. 19 % MwSt.'."""
    return (
        rf"(?:(?:{prefixes})\s+)?(?:{_RATE}\s*)?(?:{words})"
        # (invoices32) a note after the rate in its brackets ('Total VAT (0% - export of
        # goods)', 'VAT (0%, zero-rated)')
        rf"(?:\s*\(?\s*(?:@|à|a|al|de|du)?\s*{_RATE}(?:[^()\d]{{0,30}}\))?)?"
    )


# Words in a script the vocabulary does not read (Arabic, Hebrew, ...): a label's translation
_OTHER_SCRIPT = r"[^\x00-\u024f\s:]+(?:\s+[^\x00-\u024f\s:]+)*"
# A label's English gloss in brackets after it ('Số (No.):', 'Mã số thuế (Tax code):')
_GLOSS = r"(?:\s*\([^()\d]{1,30}\))?"
# Label patterns per language and field (regular expressions, case-insensitive, matched at the
# start of a text run; the value follows in the run, to the right, or under the label). When
# several match a run, the longest label wins ('Total HT' is a net total, not 'Total').
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "invoice_number": (
            r"(?:commercial\s+|pro-?\s*forma\s+|tax\s+)?invoice\s*(?:no|nr|num|number|#|n[°º])\.?",
            r"inv\.?\s*(?:no\.?|#)", r"(?:credit|debit)\s+(?:note|memo)\s*(?:no|nr|number|#)\.?",
            r"p/?i\s*(?:no\.?|#)", _NO_AND_DATE,
            # (session 29) Uganda's EFRIS e-invoice: its number is the Fiscal Document Number
            r"fiscal\s+document\s*(?:no|number)\.?",
            # (invoices30) accounting software's own number of the document it prints (SAP
            # Business One's A/R invoice, Dynamics' 'Document No.'); not a 'Reference document
            # no.' (the label starts the run)
            r"document\s*(?:no|number)\.?",
        ),
        "issue_date": (
            r"(?:invoice\s+|issued?\s+|document\s+|invoice\s+issue\s+)?date"
            r"(?:\s+of\s+(?:issue|invoice))?",
            r"issued\s+on", r"dated", _NO_AND_DATE, r"inv\.?\s*date",
            r"(?:invoice\s*/\s*)?tax\s+(?:point|date)(?:\s+date)?",  # Sage: 'Invoice/Tax Date'
            r"statement\s+date",  # a statement of account's own date, not its lines' dates
            r"issuance\s+date",  # Egypt's e-invoices
            r"posting\s+date",  # (invoices30) SAP's: the date the invoice is booked and dated
            # (invoices31) a courier form's one date box, a generic label (_GENERIC_LABELS)
            r"date\s+of\s+exportation",
            r"p/?i\s+date",  # (invoices33) a pro forma's 'PI Date' beside its 'PI No.'
        ),
        # (invoices30) courier forms' 'CURRENCY CODE' box (FedEx, UPS)
        "currency": (r"(?:invoice\s+)?currency(?:\s+code)?",),
        "tax_exclusive_total": (
            r"total(?:\s+(?:amount|value))?\s+\(?(?:excl\.?|excluding|before|net\s+of)\s*"
            r"(?:sales\s+tax|vat|tax|gst|vagst|brt"  # (reviewi15) Afghanistan's BRT
            r"|sst)\)?",  # (invoices32) Malaysia's sales and service tax
            # (session 29) Tonga's 'Value before CT' (its Consumption Tax)
            r"value\s+before\s+(?:ct|consumption\s+tax|vat|gst|tax)",
            # Sri Lanka's tax invoice form ('Total Value of Supply', before its VAT), a
            # credit note's 'Net credit'
            r"total\s+value\s+of\s+supply", r"net\s+credit",
            # (session 30) southern Africa's 'Total Exclusive' over 'VAT @ 15%', 'Total Inclusive'
            r"total\s+exclusive(?:\s+of\s+(?:vat|tax|gst))?",
            r"sub-?\s*total",
            # (invoices31) a marketplace's 'Item total' over shipping: the goods' subtotal
            r"items?\s+(?:sub-?\s*)?total(?=\s*(?::\s*)?(?:$|[^\W\d_]{0,3}\W*\d))",
            r"net\s+(?:total|amount|value)", r"total\s+net", r"tax(?:able)?\s+(?:basis|base)",
            r"(?:total\s+)?taxable\s+(?:value|amount)",  # India's GST invoices
            r"total\s+(?:without|w/o)\s+(?:vat|tax|gst)",
            r"net(?=\s*(?::\s*)?$)",
            r"vatable\s+sales",  # the Philippines' sales invoices
            # Korea's tax invoices: the supply value under the lines (not 'Supply value chain
            # audit', a line's description)
            r"supply\s+value(?!\s*[^\W\d_])",
            # (invoices31) the same supply value as Korean exporters also print it; (reviewi19)
            # its sum under the lines' 'Supply Amount' column is 'Total Supply Amount' (not
            # the grand total's 'Total' with the words after it)
            r"(?:total\s+)?supply\s+amount(?!\s*[^\W\d_])",
            # Egypt's e-invoices: 'Total sales' before the tax, a figure or a caption in
            # another script after it ('Total sales / إجمالي المبيعات'); no bracket or word
            # of its own after it: 'Total Sales (VAT Inclusive)', 'Total Sales Amount (VAT
            # Inclusive)' (the optional 'amount' backtracked past a lookahead for '(VAT
            # incl'), 'Total sales incl. VAT', 'Total Sales (gross)' are the gross, 'Total
            # Sales Analytics' a line's description (review i9)
            r"total\s+sales(?:\s+amount)?(?!\s*(?:\(|[^\W\d_]))",
            r"amount\s*(?::\s*)?net\s+of\s+(?:vat|tax)",  # (under 'Less: VAT' there)
            r"untaxed\s+amount",  # (invoices30) Odoo's net total
            # (invoices33) Pakistan's sales tax invoices: 'Value Excluding Sales Tax'
            r"value\s+excl(?:\.|uding)?\s*(?:sales\s+tax|vat|tax|gst)",
            # (invoices31) SAP Business One's lines' sum over its discount, freight and tax rows
            r"total\s+before\s+discount",
        ),
        "tax_total": (
            _tax(r"sales\s+tax|consumption\s+tax|value\s+added\s+tax|vat|tax|gst|[csi]gst"
                 r"|utgst|hst|pst|qst"
                 r"|gct"  # (reviewi13) Jamaica's General Consumption Tax ('GCT 15%')
                 r"|vagst"  # (session 29) Samoa's value added goods and services tax
                 r"|commercial\s+tax"  # (reviewi14) Myanmar's ('Commercial Tax 5%')
                 r"|pgst"  # (session 30) Palau's goods and services tax ('PGST 10%')
                 r"|goods\s+tax"  # (reviewi15) the Solomon Islands' ('Goods Tax @ 10%')
                 # (session 32, invoices28) Antigua and Barbuda's sales tax ('ABST 17%')
                 r"|abst",
                 r"total|plus|add|output"),
            # (reviewi22) a US state's sales tax by its postal code ('MA Sales Tax 6.25%',
            # 'NY State Sales Tax')
            _tax(r"(?-i:[A-Z]{2})\s+(?:state\s+)?sales\s+tax", r"total"),
            # (reviewi15) Afghanistan's Business Receipts Tax, with its rate ('BRT 4%'; alone,
            # BRT is a bus rapid transit), as Bhutan's BST
            rf"brt\s*(?:@\s*)?{_RATE}",
            # (reviewi13) Bhutan's sales tax, with its rate ('BST @ 5%'; alone, BST is a time)
            rf"bst\s*(?:@\s*)?{_RATE}",
            r"(?:vat|gst|tax)\s+amount",
            r"(?:less|add)\s*:\s*(?:vat|tax)",  # the Philippines' 'Less: VAT', 'Add: VAT'
            # (invoices30) Shopify's 'Taxes', alone or with a note in brackets ('Taxes
            # (zero-rated export)'), before the amount: not 'Taxes and duties paid by …'
            r"taxes(?:\s*\([^()\d]{1,40}\))?(?=\s*(?::\s*)?(?:[^\s\w]|\d|(?-i:[A-Z]{3})\b|$))",
            # (invoices30) the Gulf's VAT rates by name with the rate in brackets ('Standard
            # Rate (5%)', 'Zero Rated (0%)': Zoho's UAE invoices); not 'Zero Rated Sales'
            rf"(?:standard|zero)[\s-]rate[ds]?\s*\(\s*{_RATE}\s*\)",
        ),
        "grand_total": (
            r"(?:invoice|grand)\s+total",
            r"total\s+(?:incl\.?|including)\s*(?:vat|tax|gst|vagst|sst)",
            rf"total\s+(?:(?:{_INCOTERMS})\s+)?(?:amount|value|invoice\s+value)",
            rf"total\s+(?:{_INCOTERMS})", r"totals?", r"total\s+invoice\s+(?:amount|value|sum)",
            r"total\s+payment",
            # a customs invoice's total ('Total Declared Value: USD 12,590.00')
            r"total\s+(?:declared|customs)\s+value",
            r"total\s+credit(?:\s+(?:amount|value))?",  # a credit note's total
            r"order\s+total",  # (invoices30) a marketplace's invoice (AliExpress, eBay, Amazon)
            # (session 29) Uganda's EFRIS summary ('Net Amount', 'Tax Amount', 'Gross Amount')
            r"gross\s+amount",
            # (invoices33) Pakistan's sales tax invoices: 'Value Including Sales Tax'
            r"value\s+incl(?:\.|uding)?\s*(?:sales\s+tax|vat|tax|gst)",
        ),
        "due_payable": (
            r"(?:amount|balance|total)\s+(?:due|payable|to\s+pay)", r"due\s+payable",
            r"total\s+amount\s+(?:due|payable)",
            r"total\s+payment",
            r"net\s+payable",  # (reviewi15) 'Net Payable' under the tax (Afghanistan, Pakistan)
            r"please\s+pay",
        ),
        "prepaid": (r"prepaid(?:\s+amount)?", r"(?:amount\s+)?paid", r"(?:less\s+)?deposit",
                    r"advance\s+payment"),
        "rounding": (
            r"(?:rounding|round(?:ing)?\s+off)(?:\s+(?:amount|difference|adjustment))?",
        ),
        "seller": (r"seller", r"from", r"supplier", r"vendor", r"exporter", r"shipper", r"sender",
                   # Egypt's e-invoices' caption 'Issuer / البائع' over the seller's block; an
                   # 'Issuer: First Federal Bank' with a name beside it is a letter of credit's
                   # or a card's issuer, not the seller (review i9)
                   r"issuer(?!\s*(?::\s*)?(?!details|information|info)[^\W\d_])",
                   r"manufacturer",
                   r"sold\s+by", r"issued\s+by",
                   r"seller['’]s\s+details"),  # (invoices27) EFRIS's section A
        # (review i18) SAP's partner functions, hyphenated: 'Sold-to party', 'Bill-to party'
        "buyer": (r"buyer", r"bill(?:ed)?\s*-?\s*to(?:\s+party)?", r"sold\s*-?\s*to(?:\s+party)?",
                  r"customer", r"consignee",
                  r"billing\s+address", r"invoice\s+address", r"messrs\.?", r"to",
                  r"for\s+account\s+(?:&|and)\s+risk\s+of(?:\s+messrs\.?)?",
                  r"importer(?:\s+of\s+record)?", r"invoice(?:d)?\s+to", r"purchaser",
                  r"ultimate\s+consignee",
                  r"credit(?:ed)?\s+to", r"recipient", r"receiver",
                  r"deliver\s+(?:and|&)\s+invoice\s+to",  # (session 28)
                  r"applicant",  # a letter of credit's applicant: the buyer
                  # (invoices31) a delivery address's 'Ship to': the buyer only where no
                  # buyer's label stands (_RECIPIENT: a marketplace's consumer)
                  r"ship(?:ped)?\s*-?\s*to",
                  r"buyer['’]s\s+details",  # (session 30) EFRIS's section C
                  r"prepared\s+for"),  # (invoices34) a quotation's or pro forma's addressee
        "vat": (
            # (reviewi19) with the state that issued it before it: 'UK VAT Reg. No. 287 6543
            # 21', a company registered for VAT abroad (_VAT_ABROAD)
            r"(?:(?-i:UK|GB|EU)\s+)?"
            r"vat\s*(?:id|no|number|reg(?:istration)?\.?(?:\s*(?:no|number))?)\.?",
            # (invoices30) Amazon's marketplace invoices' 'VAT # DE298765431' (an id follows)
            rf"vat\s*#{_ID_FOLLOWS}",
            # (invoices30) courier forms' 'Tax ID/VAT No.:' (DHL Express)
            r"tax\s*id\s*/\s*vat\s*(?:no|number)\.?",
            r"gstin(?:\s*/\s*uin)?", r"vat\s+code",
            r"gst\s*/\s*hst\s*(?:reg(?:istration)?\.?\s*)?(?:no|number|#)\.?",
            # (reviewi15) 'Tax ID No.: 30014587' as 'Tax ID: …' (Iraq)
            r"tax\s*(?:id(?:\s*(?:no|number))?|no|number)\.?",
            # (invoices34) its digits grouped too ('Tax code: 0304 987 321', Vietnam)
            r"tax\s+code(?=\s*(?::\s*)?\d{3,4}[\s.]?\d{3})",
            r"tax\s+registration\s*(?:no|number)\.?",  # 'Tax Registration No.: 200-345-678'
            r"kra\s+pin(?:\s*(?:no|number))?\.?",  # Kenya's revenue authority's PIN
            # (invoices32) Malaysia's SST registration ('SST Reg. No.: A10-1808-22001234'),
            # Bahrain's VAT account number ('VAT Account No. 200045678900002')
            r"sst\s*(?:reg(?:istration)?\.?\s*)?(?:id|no|number)\.?",
            r"vat\s+account\s*(?:no|number)\.?",
            # Korea's business registration number, 'Reg. No. 124-81-56789'
            r"(?:business\s+)?reg(?:istration)?\.?\s*(?:no|number)\.?"
            r"(?=\s*(?::\s*)?\d{3}-\d{2}-\d{5}(?!\d))",
            # Japan's qualified invoice issuer: 'Registration No.: T8010401234567'
            r"(?:invoice\s+)?registration\s*(?:no|number)\.?(?=\s*(?::\s*)?(?-i:T)\d{13}\b)",
            r"gst\s*(?:reg(?:istration)?\.?\s*)?(?:id|no|number)\.?",
            # the Philippines' 'VAT Reg. TIN: 123-456-789-00000' (a taxpayer number's digits)
            r"(?:vat\s*reg(?:istration)?\.?\s*)?tin(?:\s*(?:no|number|#))?\.?(?=\s*(?::\s*)?\d)",
            # (invoices27) 'TIN:' alone on its run, the number beside it (EFRIS's rows)
            r"tin(?=\s*:\s*$)",
            # (session 27) Oman's and Bahrain's 'VATIN: OM1100045678'; Cambodia's 'VAT TIN:
            # K001-901234567' (a letter and the branch's three digits before the number)
            rf"vatin{_ID_FOLLOWS}", r"vat\s+tin(?=\s*(?::\s*)?(?:(?-i:[A-Z])\d{3}-?\d|\d|$))",
            # 'VAT NL 8234.56.789.B01', 'VAT GB 123 4567 89': a VAT id's country prefix follows
            # (none is a currency's code: 'VAT EUR 144.20' stays a tax line)
            rf"vat(?=\s*(?::\s*)?(?-i:{_VAT_PREFIXES})[\s-]?\d)",
            # the Gulf states' Tax Registration Number, Bangladesh's Business Identification
            # Number (digits follow)
            # (or after the label's translation: 'TRN / الرقم الضريبي: 100234567800003')
            # (invoices34) in groups too: 'TRN: 100 3456 7891 0003'
            rf"(?:trn|bin)(?=\s*(?:/\s*{_OTHER_SCRIPT}\s*)?:?\s*\d{{3}}\s?\d{{3}})",
            # (invoices30) Australia's Business Number, the GST registration an Australian
            # tax invoice must show (eleven digits, 2-3-3-3): the seller's tax id, as Peppol
            # A-NZ has it (docs/documents.md, 'The ABN'); not 'ABN AMRO', nor an ACN
            r"a\.?\s?b\.?\s?n\.?(?=\s*(?::\s*)?\d{2}\s?\d{3}\s?\d{3}\s?\d{3}(?!\s?\d))",
            # (reviewi13) Jamaica's Taxpayer Registration Number, in threes ('001-234-567')
            r"trn(?=\s*:?\s*\d{3}-\d{3}-\d{3}(?!\d))",
            # Pakistan's sales tax registration number (beside its NTN, the taxpayer's)
            rf"strn{_ID_FOLLOWS}", r"sales\s+tax\s+reg(?:istration)?\.?\s*(?:no|number)\.?",
            # (session 28) Zambia's and Malawi's Taxpayer Identification Number
            rf"tpin{_ID_FOLLOWS}",
            # (session 29, invoices25) Bhutan's Taxpayer Number ('TPN: DAA12345', three
            # letters first), the Maldives' 'GST TIN: 1023456GST501', Qatar's 'Tax Card No.',
            # Samoa's 'VAGST Reg No'
            r"tpn(?=\s*(?::\s*)?(?-i:[A-Z]{3})\d{5}(?!\w))",
            r"gst\s+tin(?=\s*(?::\s*)?\d)",
            r"tax\s+card\s*(?:no|number)\.?",
            r"vagst\s*(?:reg(?:istration)?\.?\s*)?(?:no|number)\.?",
            # (session 30, invoices26) Palau's PGST registration number, as Samoa's VAGST one
            r"pgst\s*(?:reg(?:istration)?\.?\s*)?(?:no|number)\.?",
            # (session 32, invoices28) Antigua and Barbuda's ABST registration number
            r"abst\s*(?:reg(?:istration)?\.?\s*)?(?:no|number)\.?",
            # (invoices27) Israel's and Palestine's VAT registration, the 'osek murshe'
            # ('Licensed Dealer No. 562458712')
            r"(?:licensed|authori[sz]ed)\s+dealer\s*(?:no|number|#)\.?",
            # (invoices34) its Hebrew name in Latin letters, the English after it in brackets
            # ('Osek Murshe (Authorised Dealer) No. 515678902')
            r"osek\s+murshe(?:\s*\(\s*(?:licensed|authori[sz]ed)\s+dealer\s*\))?"
            r"\s*(?:no|number|#)\.?",
        ),
    },
    "de": {
        "invoice_number": (r"(?:pro-?\s*forma-?\s*)?rechnungs?-?\s*(?:nr|nummer|no)\.?",
                           r"gutschrifts?-?\s*(?:nr|nummer)\.?", r"beleg-?\s*(?:nr|nummer)\.?"),
        "issue_date": (r"rechnungsdatum", r"datum", r"ausstellungsdatum", r"belegdatum",
                       r"gutschriftsdatum"),
        "currency": (r"w[aä]hrung",),
        "tax_exclusive_total": (r"nettobetrag", r"netto(?:summe|wert)?", r"summe\s+netto",
                                r"zwischensumme", r"gesamt\s+netto", r"warenwert",
                                # Switzerland, Austria: 'Total exkl. MWST', 'Summe ohne USt.'
                                # (invoices32) with 'preis' and the words in brackets, as
                                # Amazon's invoices print them: 'Gesamtpreis (ohne USt.)'
                                r"(?:total|summe|betrag|gesamt(?:preis|betrag)?)\s+\(?\s*"
                                r"(?:exkl\.?|exklusive|ohne)"
                                r"\s*(?:mwst|ust|umsatzsteuer|mehrwertsteuer)\.?\)?",
                                r"gesamtwert\s+(?:netto|(?:exkl\.?|exklusive|ohne)\s*"
                                r"(?:mwst|ust|umsatzsteuer|mehrwertsteuer)\.?)"),
        "tax_total": (_tax(r"mwst\.?|ust\.?|umsatzsteuer|mehrwertsteuer",
                           r"zzgl\.?|zuzüglich|zzgl|enth\.?|enthaltene|inkl\.?|summe"),),
        # 'Gesamtwert für Zollzwecke' on a pro forma for customs
        "grand_total": (r"gesamtbetrag", r"rechnungsbetrag", r"gesamtsumme", r"endbetrag",
                        # (not 'Gesamtwert netto', 'Gesamtwert ohne MwSt.': the net sum)
                        r"gesamtwert(?!\s*(?:netto|ohne|exkl|zzgl))(?:\s+f[üu]r\s+zollzwecke)?",
                        r"bruttobetrag", r"(?:summe|gesamt)\s+brutto", r"summe", r"gesamt",
                        r"brutto(?:summe)?(?=\s*(?::\s*)?(?:$|(?:(?-i:[A-Z]{3}|€)\s*)?[-\d(€]))",
                        r"(?:total|summe|betrag|gesamt)\s+(?:inkl\.?|inklusive)\s*(?:mwst|ust)\.?"),
        "due_payable": (r"zahlbetrag", r"zu\s+zahlen(?:der\s+betrag)?", r"offener\s+betrag",
                        r"restbetrag"),
        "prepaid": (r"anzahlung", r"bereits\s+(?:bezahlt|gezahlt)", r"abschlagszahlung"),
        "rounding": (r"rundung(?:sdifferenz|sbetrag)?",),
        "seller": (r"verk[aä]ufer", r"lieferant", r"rechnungssteller", r"absender",
                   r"auftragnehmer",
                   # (invoices32) a marketplace's invoice for its seller: 'Verkauft von …',
                   # as English 'Sold by'
                   r"verkauft\s+von"),
        "buyer": (r"k[aä]ufer", r"kunde", r"rechnungsempf[aä]nger", r"empf[aä]nger",
                  r"rechnung\s+an", r"rechnungsanschrift",
                  r"auftraggeber", r"rechnungsadresse"),
        "vat": (r"ust\.?-?\s*id(?:\.?\s*-?\s*nr)?\.?", r"umsatzsteuer-?\s*id(?:entifikations)?"
                r"(?:nummer|-?nr\.?)?", r"uid(?:-?nr)?\.?",
                r"mwst-?\s*(?:nr|nummer)\.?",
                r"mwst(?=\s*(?::\s*)?(?-i:CHE)[\s-]?\d)"),  # Switzerland: 'MWST: CHE-287.415.396'

    },
    "fr": {
        "invoice_number": (
            r"facture\s*(?:n[°ºo]|num[ée]ro)\.?", r"n[°ºo]\.?\s*(?:de\s+)?facture",
            r"num[ée]ro\s+de\s+facture", r"avoir\s*(?:n[°ºo]|num[ée]ro)\.?",
            r"n[°ºo]\.?\s*d'avoir", r"n[°ºo]\.?\s*(?:de\s+)?(?:la\s+)?note\s+de\s+cr[ée]dit",
            r"note\s+de\s+cr[ée]dit\s*n[°ºo]\.?",
            # (session 32, invoices28) a pro forma's own number ('Proforma N° : CPT-PF-26-044')
            r"(?:facture\s+)?pro-?\s*forma\s*(?:n[°ºo]|num[ée]ro)\.?",
        ),
        # (reviewi15) 'Date de facturation' (the DR Congo) as 'Date de facture'
        "issue_date": (r"date(?:\s+de\s+(?:la\s+)?factur(?:e|ation)|\s+d'[ée]mission"
                       r"|\s+de\s+l'avoir)?",
                       r"[ée]mise?\s+le"),
        "currency": (r"devise", r"monnaie"),
        "tax_exclusive_total": (r"total\s+h\.?\s*t\.?", r"montant\s+h\.?\s*t\.?",
                                r"sous-?\s*total", r"total\s+hors\s+taxes?",
                                # (reviewi14) Burundi's and Belgium's 'Total HTVA' (hors TVA)
                                r"total\s+htva"),
        "tax_total": (_tax(r"tva|t\.v\.a\."
                           r"|tca"  # (session 29) Haiti's taxe sur le chiffre d'affaires
                           # (session 30) the Comoros' consumption tax, by its name
                           r"|taxe\s+sur\s+la\s+consommation"
                           # (reviewi15) New Caledonia's taxe générale sur la consommation
                           r"|tgc",
                           r"total|montant"),),
        "grand_total": (r"total\s+t\.?\s*t\.?\s*c\.?", r"montant\s+t\.?\s*t\.?\s*c\.?",
                        r"total\s+tvac",  # (reviewi14) 'TVA comprise': Burundi, Belgium
                        r"total\s+toutes\s+taxes\s+comprises", r"total\s+facture"),
        # (session 32, invoices28) 'Total net à payer': the amount due, not a net total
        "due_payable": (r"(?:total\s+)?net\s+[àa]\s+payer", r"montant\s+d[ûu]",
                        r"reste\s+[àa]\s+payer", r"(?:total|montant)\s+[àa]\s+payer",
                        r"solde\s+d[ûu]"),
        "prepaid": (r"acompte(?:\s+vers[ée])?", r"d[ée]j[àa]\s+pay[ée]"),
        "rounding": (r"arrondi(?:\s+de\s+caisse)?",),
        "seller": (r"vendeur", r"fournisseur", r"[ée]metteur", r"exp[ée]diteur",
                   r"prestataire"),
        "buyer": (r"client", r"acheteur", r"destinataire", r"factur[ée]\s+[àa]",
                  r"adresse\s+de\s+facturation",
                  r"doit(?=\s*:)"),  # (reviewi14) the old 'Doit :' over the buyer (Mauritania)
        "vat": (r"n[°ºo]\.?\s*(?:de\s+)?tva(?:\s+intra-?\s*com(?:munautaire|\.)?)?",
                # (reviewi15) the DR Congo's tax number ('N° Impôt : A1904587K'; its 'Id. Nat.'
                # and RCCM are registers') and New Caledonia's RIDET, the number its tax
                # administration knows an enterprise by ('RIDET : 1 234 567.001')
                r"n[°ºo]\.?\s*(?:d'\s*)?imp[ôo]ts?", r"ridet",
                # (session 32, invoices28) French Polynesia's numéro TAHITI, the number its tax
                # administration knows an enterprise by ('N° TAHITI : D45871'; its RCS is a
                # register's)
                r"n[°ºo]\.?\s*tahiti",
                r"tva\s+intra-?\s*com(?:munautaire|\.)?", r"num[ée]ro\s+de\s+tva"
                r"(?:\s+intracommunautaire)?", r"identifiant\s+tva",
                r"tva(?=\s*(?::\s*)?(?-i:[A-Z]{2,3})[\s-]?\d)",  # 'TVA BE 0456.789.123'
                # Switzerland: 'IDE/TVA: CHE-109.322.551 TVA' (the id follows)
                r"(?:n[°ºo]\.?\s*)?ide(?:\s*/\s*tva)?(?=\s*(?::\s*)?(?-i:CHE)[\s-]?\d)",
                # (session 27) the taxpayer's number of French-speaking Africa: Senegal's NINEA,
                # Côte d'Ivoire's 'N° CC' (compte contribuable), Tunisia's 'Matricule fiscal'
                # (Madagascar's NIF reads as Spain's, below)
                rf"ninea{_ID_FOLLOWS}",
                rf"(?:n[°ºo]\.?\s*cc|(?:n[°ºo]\.?\s*)?compte\s+contribuable){_ID_FOLLOWS}",
                r"matricule\s+fiscal",
                # (session 31, reviewi16) Benin's and Burkina Faso's taxpayer number, the IFU
                # (identifiant fiscal unique: 'IFU : 3201912345678'; the RCCM beside it is the
                # trade register's)
                rf"ifu{_ID_FOLLOWS}",
                # (invoices34) Morocco's identifiant fiscal, the number its VAT is filed under
                # (batch 15's and 25's truths), printed 'IF : 40318875' beside the ICE and RC
                r"identifiant\s+fiscal(?:\s*\(\s*if\s*\))?", r"(?-i:IF)(?=\s*:\s*\d)"),
    },
    "es": {
        "invoice_number": (
            r"factura\s*(?:n\.?[°ºo]|núm|num|número|numero)\.?", r"n[°ºo]\.?\s*(?:de\s+)?factura",
            r"folio(?!\s*fiscal)", r"serie\s*(?:y|-|/)\s*folio",
            r"nota\s+de\s+cr[ée]dito\s*(?:n\.?[°ºo]|núm|número)\.?",
            # (session 28) the Dominican Republic's NCF (número de comprobante fiscal: the
            # document's number, 'B01…' an invoice's, 'B04…' a credit note's); Costa Rica's
            # consecutivo (the electronic document's 20-digit number; its 50-digit clave holds it)
            r"n\.?\s*c\.?\s*f\.?(?=\s*(?::\s*)?(?:(?-i:[A-Z])\d|$))", r"consecutivo",
            # (session 30) El Salvador's DTE: its 'Número de control' ('DTE-03-M001P001-…') is
            # the document's number; not Venezuela's 'N° de control' (a printer's form number
            # beside the invoice's): the value on the label's run starts 'DTE-', or it stands
            # apart (a label alone)
            r"n[úu]mero\s+de\s+control(?=\s*(?::\s*)?(?:(?-i:DTE)-|$))",
            # (session 32, invoices29) Guatemala's (and Honduras's) series then number: 'Serie A
            # No.: VDA-10458', 'Serie FEL-A Número: 1234'
            r"serie\s+(?-i:[A-Z][A-Z\d]{0,3}(?:-[A-Z\d]{1,4})?)\s+(?:no|n[°º]|n[úu]m(?:ero)?)\.?",
        ),
        "issue_date": (
            r"fecha(?:\s+(?:de\s+)?(?:la\s+)?factura|\s+de\s+(?:emisi|expedici)[óo]n)?",
            # (session 27) Bolivia's 'Lugar y fecha: La Paz, 18 de noviembre de 2026' (the
            # place, then the date)
            r"lugar\s+y\s+fecha(?:\s+de\s+emisi[óo]n)?",
        ),
        "currency": (r"moneda", r"divisa"),
        "tax_exclusive_total": (r"base\s+imponible", r"subtotal",
                                # (invoices34) AFIP's; (reviewi22) 'Neto Gravado: $' alone
                                r"importe\s+neto(?:\s+gravado)?", r"neto\s+gravado",
                                r"total\s+neto", r"(?:monto|valor)\s+neto",
                                r"neto(?=\s*(?::\s*)?$)",  # not 'Neto 30 días', a payment term
                                r"op(?:eraci[óo]n(?:es)?)?\.?\s+gravadas?",  # Peru's taxed base
                                # (session 28) Costa Rica's 'Total venta neta', El Salvador's
                                # 'Sumas' (the taxed sales before the IVA under them)
                                r"total\s+(?:de\s+)?ventas?\s+netas?", r"sumas",
                                # (invoices33) Colombia's taxed base after a discount
                                r"base\s+gravable"),
        # Mexico's CFDI: 'IVA Trasladado 16%' (the tax charged, not withheld: 'IVA Retenido')
        "tax_total": (
            # (invoices32) a CFDI's 'IVA Traslado 16%', its rate also as SAT's six places and
            # factor type ('IVA Traslado 0.160000 (Tasa)')
            _tax(r"(?:iva|i\.v\.a\.)(?:\s+traslad(?:o|ado)s?"
                 r"(?:\s+\d\.\d{6}\s*\(\s*(?:tasa|cuota)\s*\))?)?|igic|igv"
                 # (session 28) the Dominican Republic's ITBIS (its value added tax)
                 r"|itbis"
                 # (invoices27) Panama's ITBMS (its value added tax: 'ITBMS 7%')
                 r"|itbms"
                 # (session 31, reviewi16) Puerto Rico's IVU (impuesto sobre ventas y uso)
                 r"|ivu"
                 # (session 32, invoices28) a sales tax by its name ('Impuesto sobre las ventas
                 # 10%': Cuba's)
                 r"|impuestos?\s+sobre\s+(?:las\s+)?ventas", r"cuota|total|importe"),
            # (session 28) Costa Rica's 'Total impuesto (IVA 13%)'
            r"total\s+(?:del\s+)?impuestos?(?:\s*\(\s*iva\s*(?:\d+(?:[.,]\d+)?\s*%)?\s*\))?",
        ),
        "grand_total": (r"total\s+factura", r"importe\s+total", r"total",
                        # (session 28) Costa Rica's 'Total comprobante', a credit note's total
                        r"total\s+(?:del\s+)?comprobante",
                        r"total\s+(?:de\s+la\s+)?nota\s+de\s+cr[ée]dito"),
        # (invoices33) Colombia's 'Neto a pagar' after the withholdings ('Rete Fuente')
        "due_payable": (r"total\s+a\s+pagar", r"importe\s+a\s+pagar", r"a\s+pagar",
                        r"neto\s+a\s+pagar"),
        "prepaid": (r"anticipo", r"pagado", r"a\s+cuenta"),
        "rounding": (r"redondeo",),
        "seller": (r"(?:datos\s+del\s+)?(?:emisor|vendedor|proveedor)",),
        "buyer": (r"(?:datos\s+del\s+)?(?:cliente|comprador|destinatario|receptor|adquiri?ente)",
                  r"facturar\s+a", r"se[ñn]or(?:\s*\(es\)|es)?",
                  # (session 30) a receipt's 'Razón social:' (Uruguay's e-Factura, Paraguay's
                  # 'Nombre o razón social:'): the party the document is made out to; the
                  # issuer's name heads the page without a caption
                  r"(?:nombre\s+o\s+)?raz[óo]n\s+social"),
        # the CIF of a company, not the Incoterm ('CIF Gemlik'): a colon, an id or nothing
        "vat": (r"(?:n\.?\s*i\.?\s*f\.?(?:[\s-]*iva)?|c\.?\s*i\.?\s*f\.?)"
                r"(?=\s*:|\s*(?-i:[A-Z]{0,2}[\s-]?[A-Z0-9]?\d)|\s*$)",
                # Colombia's and Bolivia's 'NIT 900.123.456-7', Peru's, Ecuador's and Paraguay's
                # 'RUC', Chile's 'RUT', Honduras's 'RTN' (Registro Tributario Nacional): the id
                # after it or, the label alone on its run ('NIT:'), beside it
                r"n\.?\s*i\.?\s*t\.?(?=\s*(?::\s*)?(?:\d|$))",
                # (reviewi14) Nicaragua's RUC starts with a letter ('RUC: J0310000012345')
                # (reviewi20) with its 'N°' ('R.U.C. N° 20487766551', Peru's SUNAT box)
                r"r\.?\s*u\.?\s*[ct]\.?(?:\s*n[°º]\.?)?(?=\s*(?::\s*)?(?:(?-i:[A-Z])?\d|$))",
                rf"r\.?\s*t\.?\s*n\.?{_ID_FOLLOWS}",
                # (session 28) the Dominican Republic's RNC (registro nacional de
                # contribuyentes), Costa Rica's cédula jurídica (a company's tax id)
                rf"r\.?\s*n\.?\s*c\.?{_ID_FOLLOWS}", r"c[ée]dula\s+jur[íi]dica",
                # (invoices34) Argentina's CUIT ('CUIT: 30-71456789-2')
                r"c\.?\s*u\.?\s*i\.?\s*t\.?(?=\s*(?::\s*)?\d{2}-?\d{8}-?\d(?!\d))",
                # (session 31, reviewi16) Puerto Rico's merchant registration, the number its
                # sales and use tax (IVU) is filed under ('Registro de Comerciante: 1234567-0018')
                r"(?:n[úu]m(?:ero)?\.?\s*(?:de\s+)?)?registro\s+de\s+comerciante"
                r"(?:\s*(?:n[úu]m(?:ero)?|no)\.?)?"),

    },
    "it": {
        "invoice_number": (r"fattura\s*(?:n|nr|num|numero|n[°º])\.?",
                           r"numero\s+(?:della\s+)?fattura",
                           r"nota\s+di\s+credito\s*(?:n|nr|numero)\.?"),
        "issue_date": (r"data(?:\s+(?:della\s+)?fattura|\s+documento|\s+emissione)?",),
        "currency": (r"valuta", r"divisa"),
        "tax_exclusive_total": (r"(?:totale\s+)?imponibile", r"totale\s+netto"),
        "tax_total": (_tax(r"iva|imposta", r"totale"),),
        "grand_total": (r"totale\s+(?:documento|fattura)", r"totale"),
        "due_payable": (r"netto\s+a\s+pagare", r"totale\s+da\s+pagare", r"da\s+pagare"),
        "prepaid": (r"acconto",),
        "rounding": (r"arrotondamento",),
        "seller": (r"cedente", r"prestatore", r"fornitore", r"venditore", r"mittente"),
        "buyer": (r"cessionario", r"committente", r"acquirente", r"destinatario",
                  r"spett\.?(?:le|abile)"),
        "vat": (r"p\.?\s*iva(?:\s*(?:e|/|-)\s*c\.?\s*f\.?)?", r"partita\s+iva",
                r"c\.?\s*f\.?\s*(?:e|/|-)\s*p\.?\s*iva",
                # (session 30) San Marino's Codice Operatore Economico ('Cod. Op. Ec.: SM
                # 21458'), the tax id of its traders (no P.IVA there)
                r"cod(?:ice)?\.?\s*op(?:eratore)?\.?\s*ec(?:onomico)?\.?"),
    },
    "nl": {
        "invoice_number": (r"factuur\s*(?:nummer|nr|no)\.?", r"creditnota\s*(?:nummer|nr)\.?"),
        "issue_date": (r"factuurdatum", r"datum"),
        "currency": (r"valuta",),
        "tax_exclusive_total": (r"subtotaal", r"totaal\s+excl\.?\s*btw", r"netto\s*bedrag",
                                r"bedrag\s+excl\.?\s*btw"),
        "tax_total": (_tax(r"btw", r"totaal"),
                      # (session 32, invoices28) Sint Maarten's turnover tax, in capitals and
                      # with its rate ('TOT 5%'; 'tot' is a Dutch word)
                      rf"(?-i:TOT)\s*(?:@\s*)?{_RATE}",
                      # (session 32, invoices29) the Caribbean Netherlands' general spending
                      # tax (algemene bestedingsbelasting: 'ABB 8%'), likewise
                      rf"(?-i:ABB)\s*(?:@\s*)?{_RATE}"),
        "grand_total": (r"totaal(?:\s+incl\.?\s*btw)?", r"factuurbedrag", r"totaalbedrag",
                        r"totaal\s+creditnota"),  # (session 29) a credit note's total
        "due_payable": (r"(?:totaal\s+)?te\s+betalen", r"openstaand\s+bedrag"),
        "prepaid": (r"aanbetaling", r"(?:reeds\s+)?betaald"),
        "rounding": (r"afronding(?:sverschil)?",),
        "seller": (r"leverancier", r"verkoper", r"afzender"),
        "buyer": (r"klant", r"koper", r"afnemer", r"factuuradres",
                  r"aan(?=\s*:)",  # (session 29) 'Aan:' over the buyer's block
                  r"(?:factuur|gefactureerd)\s+aan"),  # (invoices27) "Factuur aan:"
        "vat": (r"btw-?\s*(?:nummer|nr|id)\.?", r"btw-?id",
                r"btw(?=\s*(?::\s*)?(?-i:BE|NL)[\s-]?\d)",  # 'BTW BE 0456.789.123'
                # (session 29) Suriname's fiscal number ('FIN: 3000456789'; its KKF number,
                # the chamber of commerce's, is no tax id)
                r"fin(?:-?\s*(?:nr|nummer))?\.?(?=\s*:\s*\d{10}(?!\d))",
                # (invoices27) the tax number of Aruba, Curaçao and Sint Maarten (Centraal
                # Register Inschrijving Belastingplichtigen) in Dutch: 'Crib-nummer: 1234567'
                # (Papiamentu's 'CRIB:' is read below)
                r"crib-?\s*(?:nummer|nr)\.?(?=\s*(?::\s*)?\d)"),
    },
    "pl": {
        "invoice_number": (r"faktura(?:\s+vat)?(?:\s+korygująca)?\s*(?:nr|numer)\.?",
                           r"nr\s+faktury", r"numer\s+faktury"),
        "issue_date": (r"data\s+wystawienia",),
        "currency": (r"waluta",),
        "tax_exclusive_total": (r"razem\s+netto", r"suma\s+netto", r"wartość\s+netto"),
        "tax_total": (_tax(r"vat|podatek\s+vat", r"kwota|razem|suma"),),
        "grand_total": (r"razem(?:\s+brutto)?", r"wartość\s+brutto", r"suma\s+brutto",
                        r"ogółem"),
        "due_payable": (r"do\s+zapłaty", r"pozostało\s+do\s+zapłaty"),
        "prepaid": (r"zapłacono", r"zaliczka"),
        "rounding": (r"zaokrąglenie",),
        "seller": (r"sprzedawca", r"sprzedający", r"wystawca"),
        "buyer": (r"nabywca", r"kupujący", r"odbiorca"),
        "vat": (r"nip(?:\s*(?:ue|eu))?",),
    },
    "tr": {
        "invoice_number": (r"fatura\s*(?:no|numarası|nr)\.?",),
        "issue_date": (r"fatura\s+tarihi", r"düzenleme\s+tarihi", r"tarih"),
        "currency": (r"para\s+birimi", r"döviz(?:\s+cinsi)?"),
        "tax_exclusive_total": (r"mal\s*(?:/\s*)?hizmet\s+toplam\s+tutarı", r"ara\s+toplam",
                                r"matrah", r"kdv\s+matrahı",
                                # (invoices33) the e-Arşiv's net after a discount ('Toplam
                                # İskonto' under 'Mal Hizmet Toplam Tutarı')
                                r"vergi\s+hari[çc]\s+(?:toplam\s+)?tutar"),
        "tax_total": (_tax(r"kdv", r"hesaplanan|toplam"),),
        "grand_total": (r"vergiler\s+dahil\s+toplam(?:\s+tutar)?", r"genel\s+toplam",
                        r"toplam\s+tutar"),
        "due_payable": (r"ödenecek\s+tutar", r"ödenecek\s+toplam"),
        "prepaid": (r"ödenen(?:\s+tutar)?", r"avans"),
        "rounding": (r"yuvarlama",),
        "seller": (r"satıcı",),
        "buyer": (r"sayın", r"alıcı"),
        "vat": (r"vergi\s*(?:no|numarası|kimlik\s+no)\.?", r"vkn", r"v\.?\s*k\.?\s*n\.?",
                r"v\.\s*no\.?"),
    },
    # Portugal and Brazil
    "pt": {
        "invoice_number": (r"fatura(?:-recibo)?\s*(?:n\.?\s*[º°o]|n[úu]m(?:ero)?)\.?",
                           r"n\.?\s*[º°o]\.?\s*(?:da\s+)?fatura",
                           # Brazil: 'Número da Nota' (NFS-e), the NF-e's 'Nº 000.012.345'
                           r"n[úu]mero\s+da\s+(?:nota|nfs?-?e)(?:\s+fiscal)?",
                           r"(?:nf-?e\s+)?n\.?\s*[º°]\.?(?=\s*\d{3}\.\d{3}\.\d{3}\b)",
                           # (invoices34) a credit note's; a bare 'N.º' before Portugal's
                           # document id (type, series / number: 'NC 2026/87', 'FT A/154')
                           # or alone on its run, the id beside it
                           r"nota\s+de\s+cr[ée]dito\s*(?:n\.?\s*[º°o]|n[úu]m(?:ero)?)\.?",
                           r"n\.?\s*[º°]\.?(?=\s*(?:(?-i:[A-Z]{2})\s+\S+/\d+)?\s*$)",
                           # (reviewi22) 'N.º Doc.' (the document's, beside 'N.º Cliente')
                           r"n\.?\s*[º°o]\.?\s*doc(?:umento)?\.?"),
        "issue_date": (r"data(?:\s+(?:de|da)\s+(?:emiss[ãa]o|fatura))?",
                       r"data\s+(?:e\s+hora\s+)?(?:de|da)\s+emiss[ãa]o"),
        "currency": (r"moeda",),
        "tax_exclusive_total": (r"total\s+il[íi]quido", r"total\s+s(?:em\s+|/\s*)iva",
                                r"valor\s+(?:l[íi]quido|sem\s+iva)", r"base\s+tribut[áa]vel",
                                r"valor\s+total\s+dos\s+produtos"),  # Brazil's NF-e
        # Brazil: 'Valor do ICMS', 'Valor do ISS'
        "tax_total": (_tax(r"iva|icms|iss(?:qn)?", r"total|valor(?:\s+d[oa])?"),),
        "grand_total": (r"total\s+(?:da\s+)?fatura", r"total\s+c(?:om\s+|/\s*)iva",
                        r"total\s+a\s+creditar",  # (invoices34) a credit note's total
                        r"valor\s+total(?:\s+da\s+(?:nota|nfs?-?e)(?:\s+fiscal)?)?"),
        "due_payable": (r"(?:total|valor)\s+a\s+pagar",),
        "seller": (r"fornecedor", r"vendedor", r"emitente", r"exportador",
                   r"prestador(?:\s+de\s+servi[çc]os?)?"),
        "buyer": (r"cliente", r"adquirente", r"comprador", r"importador",
                  r"tomador(?:\s+de\s+servi[çc]os?)?",
                  r"destinat[áa]rio(?:\s*/\s*remetente)?",
                  r"exm[oa]\.?(?:\s*\(?s\)?)?\s+(?:sr|senhor)\.?(?:\s*\(?(?:es|s|a)\)?)?"),
        "vat": (r"contribuinte(?:\s+n\.?\s*[º°o])?", r"n\.?\s*i\.?\s*p\.?\s*c\.?",
                # (session 27) Mozambique's NUIT (Número Único de Identificação Tributária)
                rf"nuit{_ID_FOLLOWS}"),
    },
    # Sweden
    "sv": {
        "invoice_number": (r"(?:kredit)?faktura\s*(?:nummer|nr)\.?",),
        "issue_date": (r"fakturadatum",),
        "tax_exclusive_total": (r"(?:summa|belopp|totalt)\s+exkl\.?\s*moms",
                                r"netto(?:belopp|summa)?"),
        "tax_total": (_tax(r"moms|mervärdesskatt", r"summa|total|varav"),),
        "grand_total": (r"(?:summa|belopp|totalt)\s+inkl\.?\s*moms", r"fakturabelopp",
                        r"totalt"),
        # (invoices32) a credit note's 'Att återfå' (to be refunded)
        "due_payable": (r"(?:summa|belopp|totalt)?\s*att\s+(?:betala|kreditera|återfå)",),
        "rounding": (r"(?:öres)?avrundning",),
        "seller": (r"säljare", r"leverantör", r"avsändare"),
        "buyer": (r"köpare", r"kund", r"fakturaadress", r"faktureringsadress"),
        "vat": (r"moms\s*reg(?:istrerings)?\.?\s*(?:nr|nummer)\.?", r"vat\s*nr\.?",
                # (invoices27) 'Momsnummer: FI23456789', 'Moms nr' (the VAT number's own name)
                r"moms\s*-?\s*(?:nr|nummer)\.?"),
    },
    # Norway (Bokmål) and Denmark share most words
    "nb": {
        # (invoices31) a Danish or Norwegian credit note's own number ('Kreditnota nr.')
        "invoice_number": (r"faktura\s*(?:nummer|nr)\.?", r"kreditnota\s*(?:nummer|nr)\.?"),
        "issue_date": (r"fakturadato", r"dato"),
        "tax_exclusive_total": (
            r"(?:sum|beløp|totalt)\s+(?:eks(?:kl)?|uten)\.?\s*(?:mva|moms)",
            # (reviewi15) Danish 'I alt ekskl. moms' / 'Total uden moms': the sum before VAT
            r"(?:i\s+alt|total)\s+(?:eks(?:kl)?\.?|uden|uten)\s*(?:mva|moms)",
            r"netto(?:beløp)?",
        ),
        "tax_total": (_tax(r"mva|merverdiavgift", r"sum|total|herav"),),
        "grand_total": (r"(?:sum|beløp|totalt)\s+(?:inkl|ink)\.?\s*(?:mva|moms)", r"totalt",
                        # (session 30) Danish and Norwegian 'I alt' ('in all'), a code after it
                        # ('I alt DKK')
                        r"(?:total\s+)?i\s+alt"
                        # (reviewi15) not 'I alt ekskl. moms' (before VAT, above): 'I alt',
                        # 'I alt inkl. moms', 'I alt DKK'
                        r"(?!\s*(?:eks(?:kl)?\.?|uden|uten|ex(?:cl)?\.?)\s)"),
        "due_payable": (r"(?:sum|beløp|totalt)?\s*(?:[åa]|at)\s+betale", r"til\s+betaling"),
        "rounding": (r"øreavrunding", r"avrunding"),
        "seller": (r"selger", r"leverandør", r"sælger"),
        "buyer": (r"kunde", r"kjøper", r"køber", r"fakturamottaker"),
        # 'Org.nr. NO 987 654 321 MVA': the organisation number with MVA is the VAT id
        "vat": (r"org\.?\s*n(?:r|o)\.?"
                r"(?=\s*(?::\s*)?(?-i:NO)?\s*\d{3}\s*\d{3}\s*\d{3}\s*(?-i:MVA))",
                r"mva-?\s*(?:nr|nummer)\.?", r"cvr-?\s*(?:nr|nummer)\.?",
                # (session 30) Greenland's GER number: its business register's number, the one
                # its tax authority knows a trader by (Greenland has no VAT)
                r"ger-?\s*(?:nr|nummer)\.?"),
    },
    # Czechia and Slovakia
    "cs": {
        "invoice_number": (
            r"faktura(?:\s*[–-]\s*da[ňn]ov[ýy]\s+doklad)?\s*(?:č\.?|č[íi]slo)",
            r"č[íi]slo\s+(?:faktury|fakt[úu]ry|dokladu)",  # Slovak 'Číslo faktúry'
        ),
        "issue_date": (r"datum\s+vystaven[íi]", r"d[áa]tum\s+(?:vystavenia|vyhotovenia)"),
        "currency": (r"m[ěe]na",),
        "tax_exclusive_total": (r"z[áa]klad\s+(?:dan[ěe]|dph)", r"celkem\s+bez\s+dph"),
        "tax_total": (_tax(r"dph", r"celkem|výše|částka"),),
        "grand_total": (r"celkem\s+(?:s|v[čc]etn[ěe])\s+dph", r"celkem"),
        "due_payable": (r"(?:celkem\s+)?k\s+[úu]hrad[ěe]", r"zb[ýy]v[áa]\s+uhradit",
                        # Slovak: 'Celková suma na úhradu', 'K úhrade'
                        r"(?:celkov[áa]\s+suma\s+)?na\s+[úu]hradu", r"k\s+[úu]hrade"),
        "rounding": (r"zaokrouhlen[íi]",),
        "seller": (r"dodavatel", r"prod[áa]vaj[íi]c[íi]", r"dod[áa]vate[ľl]"),
        "buyer": (r"odb[ěe]ratel", r"kupuj[íi]c[íi]", r"odberate[ľl]"),
        "vat": (r"di[čc]", r"i[čc]\s*dph"),
    },
    # Hungary
    "hu": {
        "invoice_number": (r"sz[áa]mla\s*(?:sorsz[áa]ma|sz[áa]ma?)",
                           r"sorsz[áa]m(?=\s*:)"),  # 'Sorszám:' (the serial number)
        "issue_date": (r"sz[áa]mla\s+kelte", r"kelte?", r"ki[áa]ll[íi]t[áa]s\s+d[áa]tuma"),
        "currency": (r"p[ée]nznem",),
        "tax_exclusive_total": (r"nett[óo]\s+(?:[öo]sszesen|[ée]rt[ée]k|[öo]sszeg)",),
        "tax_total": (_tax(r"[áa]fa(?:\s+(?:[öo]sszesen|[ée]rt[ée]k|[öo]sszeg))?", r"[öo]sszes"),),
        "grand_total": (r"brutt[óo]\s+(?:[öo]sszesen|[ée]rt[ée]k|[öo]sszeg)", r"v[ée]g[öo]sszeg",
                        r"[öo]sszesen"),
        "due_payable": (r"fizetend[őo](?:\s+[öo]sszeg)?",),
        "seller": (r"elad[óo]", r"sz[áa]ll[íi]t[óo]", r"ki[áa]ll[íi]t[óo]"),
        "buyer": (r"vev[őo]", r"megrendel[őo]"),
        "vat": (r"(?:k[öo]z[öo]ss[ée]gi|eu)\s+ad[óo]sz[áa]m", r"ad[óo]sz[áa]m"),
    },
    # Romania
    "ro": {
        "invoice_number": (r"nr\.?\s+factur[ăa]", r"num[ăa]r\s+factur[ăa]",
                           r"factur[ăa](?:\s+fiscal[ăa])?\s*(?:nr|num[ăa]r)\.?"),
        "issue_date": (r"data\s+(?:emiterii|factur[ăa]rii|facturii)",),
        "tax_exclusive_total": (r"(?:total|valoare)\s+f[ăa]r[ăa]\s+tva",
                                r"baza\s+de\s+impozitare"),
        "tax_total": (_tax(r"tva", r"total|valoarea?"),),
        "grand_total": (r"total\s+(?:factur[ăa]|general|cu\s+tva)",),
        "due_payable": (r"(?:total|rest)\s+de\s+plat[ăa]", r"de\s+plat[ăa]"),
        "seller": (r"furnizor", r"v[âa]nz[ăa]tor", r"prestator"),
        "buyer": (r"cump[ăa]r[ăa]tor", r"beneficiar"),
        "vat": (r"c\.?\s*u\.?\s*i\.?(?=\s*:|\s*(?-i:RO)?\s*\d)", r"cod\s+(?:fiscal|tva)"),
    },
    # Greece
    "el": {
        # ('Αριθμός / No.:', the English after a slash)
        "invoice_number": (r"αριθμ[όο]ς(?:\s+(?:τιμολογ[ίι]ου|παραστατικο[ύυ])"
                           r"|(?:\s*/\s*no\.?)?(?=\s*:))",
                           r"αρ\.?\s*(?:τιμολογ[ίι]ου|παραστατικο[ύυ])",
                           r"σειρ[άα]\s*(?:/|-|και)\s*αριθμ[όο]ς"),  # series and number
        "issue_date": (r"ημερομην[ίι]α(?:\s+έκδοσης)?",),
        "tax_exclusive_total": (r"καθαρ[ήη]\s+αξ[ίι]α", r"σ[ύυ]νολο\s+καθαρ[ήη]ς\s+αξ[ίι]ας"),
        "tax_total": (_tax(r"φ\.?\s*π\.?\s*α\.?", r"σ[ύυ]νολο|ποσ[όο]"),),
        "grand_total": (r"(?:γενικ[όο]\s+)?σ[ύυ]νολο(?:\s+τιμολογ[ίι]ου)?",),
        "due_payable": (r"πληρωτ[έε]ο(?:\s+ποσ[όο])?",),
        "seller": (r"εκδ[όο]της", r"πωλητ[ήη]ς"),
        "buyer": (r"(?:στοιχε[ίι]α\s+)?πελ[άα]τη(?:ς)?", r"αγοραστ[ήη]ς"),
        "vat": (r"α\.?\s*φ\.?\s*μ\.?",),
    },
    # Indonesia (often with English beside: 'No. Faktur / Invoice No.')
    # (invoices32) and Malaysia's Malay, which shares its words ('Jumlah'): 'No. Invois',
    # 'Tarikh', 'Mata wang', 'Jumlah sebelum SST' (the net), 'SST 10%', 'Jumlah perlu dibayar'
    "id": {
        "invoice_number": (r"(?:no\.?|nomor)\s*(?:faktur|invois)",),
        "issue_date": (r"tanggal(?:\s+faktur)?", r"tarikh(?:\s+invois)?"),
        "currency": (r"mata\s+(?:uang|wang)",),
        "tax_exclusive_total": (r"dasar\s+pengenaan\s+pajak(?:\s*\(dpp\))?", r"dpp",
                                r"sub\s*total",
                                r"jumlah\s+sebelum\s+(?:sst|cukai|pajak|ppn)",
                                # (reviewi20) Malay 'Jumlah kecil' (the subtotal)
                                r"jumlah\s+kecil"),
        "tax_total": (_tax(r"ppn|sst", r"jumlah|total"),),
        "grand_total": (r"jumlah(?:\s+(?:tagihan|total|harga))?", r"total\s+tagihan"),
        "due_payable": (r"(?:jumlah\s+)?yang\s+harus\s+dibayar", r"sisa\s+tagihan",
                        r"jumlah\s+(?:yang\s+)?perlu\s+dibayar"),
        "vat": (r"no\.?\s*sst",),
        "seller": (r"penjual", r"pengusaha\s+kena\s+pajak"),
        "buyer": (r"kepada(?:\s+yth\.?)?", r"pembeli"),
    },
    # Finland
    "fi": {
        "invoice_number": (r"laskun\s+(?:numero|nro)", r"lasku\s*(?:nro|numero)\.?",
                           r"hyvityslaskun\s+numero"),
        "issue_date": (r"laskun\s+p[äa]iv[äa]m[äa][äa]r[äa]", r"laskup[äa]iv[äa]",
                       r"laskun\s+p[äa]iv[äa]ys",  # (invoices32)
                       r"p[äa]iv[äa]ys", r"p[äa]iv[äa]m[äa][äa]r[äa]"),
        "currency": (r"valuutta",),
        "tax_exclusive_total": (r"veroton\s+(?:yhteens[äa]|summa|hinta)",
                                r"yhteens[äa]\s+veroton"),
        "tax_total": (_tax(r"alv|arvonlis[äa]vero", r"yhteens[äa]"),),
        "grand_total": (r"laskun\s+summa", r"kokonaissumma", r"yhteens[äa](?:\s+verollinen)?",
                        r"verollinen\s+yhteens[äa]"),
        "due_payable": (r"maksettava(?:\s+(?:yhteens[äa]|summa))?",),
        "seller": (r"myyj[äa]", r"laskuttaja"),
        "buyer": (r"ostaja", r"laskutusosoite", r"asiakas"),
        # (session 27) 'ALV-rek. FI28765431' (arvonlisäverorekisteröity, VAT-registered)
        "vat": (r"alv-?\s*(?:nro|numero|tunniste|rek(?:isteröity|\.)?)\.?",),
    },
    # Russia, and the Russian of Kazakhstan's and Kyrgyzstan's bilingual pages. A title holds
    # the number and date: 'Счет на оплату № 1245 от 15 марта 2026 г.'
    "ru": {
        "invoice_number": (r"сч[её]т(?:[\s-]*фактура)?(?:\s+на\s+оплату)?\s*(?:№|n[°o]|номер)",
                           r"(?:номер|№)\s+(?:сч[её]та|документа)"),
        "issue_date": (r"дата(?:\s+(?:сч[её]та|выписки|документа|составления))?",),
        "currency": (r"валюта(?:\s*(?::\s*)?наименование,?\s*код)?",),
        # 'Итого' sums the lines: the net when the tax is added under it (net_total_over_tax),
        # the gross when the tax is 'в том числе' (included); 'Итого по странице' only a
        # page's lines (a subtotal)
        "tax_exclusive_total": (r"(?:итого|сумма|всего)\s+без\s+ндс",),
        "tax_total": (_tax(r"ндс", r"в\s+том\s+числе|в\s+т\.\s*ч\.|итого|сумма"),),
        # (not 'Всего наименований 3, на сумму …', the count of lines before the sum in words)
        "grand_total": (r"всего(?:\s+с\s+ндс)?(?=\s*(?::|\d|$))", r"(?:итого|сумма)\s+с\s+ндс",
                        r"итого(?!\s+(?:к\s+оплате|без\s+ндс|по\s+(?:странице|листу)))"),
        "due_payable": (r"(?:всего|итого)\s+к\s+оплате", r"к\s+оплате"),
        "seller": (r"поставщик", r"продавец", r"исполнитель"),
        "buyer": (r"покупатель", r"заказчик", r"плательщик", r"грузополучатель"),
        # the taxpayer number (Russia's ИНН, Kazakhstan's БИН and ИИН, Belarus's УНП; an id
        # after each, not a word: 'БИН TOO 123…' would read as the id 'TOO123…')
        "vat": (r"инн(?:\s*/\s*кпп)?(?:\s+(?:продавца|покупателя|поставщика))?",
                rf"бин{_ID_FOLLOWS}", rf"иин{_ID_FOLLOWS}", rf"унп{_ID_FOLLOWS}"),
    },
    # Ukraine
    "uk": {
        "invoice_number": (r"рахун(?:ок|ку)(?:[\s-]*фактура)?(?:\s+на\s+оплату)?\s*(?:№|номер)",
                           # (invoices34) the seller's delivery note, its invoice (batch 18)
                           r"видаткова\s+накладна\s*(?:№|номер)"),
        "issue_date": (r"дата(?:\s+(?:рахунку|складання|виписки))?",),
        "currency": (r"валюта(?:\s+рахунку)?",),
        "tax_exclusive_total": (r"(?:разом|сума|всього)\s+без\s+пдв",),
        "tax_total": (_tax(r"пдв", r"у\s+тому\s+числі|в\s+т\.\s*ч\.|сума|разом"),),
        "grand_total": (r"[ув]сього(?:\s+з\s+пдв)?(?=\s*(?::|\d|$))", r"разом\s+з\s+пдв",
                        r"разом(?!\s+(?:до\s+сплати|без\s+пдв|по\s+(?:сторінці|аркушу)))"),
        "due_payable": (r"(?:[ув]сього\s+)?до\s+сплати",),  # 'Усього' and 'Всього' alike
        "seller": (r"постачальник", r"продавець", r"виконавець"),
        # (not 'Одержувач': over the bank account, the payee, the seller)
        "buyer": (r"покупець", r"замовник", r"платник"),
        # the VAT payer's number (ІПН); the ЄДРПОУ register code is read after it (_Reader)
        "vat": (r"іпн", r"індивідуальний\s+податковий\s+номер"),
    },
    # Kazakhstan (its pages pair Kazakh with Russian: 'Жеткізуші / Поставщик')
    "kk": {
        "invoice_number": (r"шот(?:[\s-]*фактура)?\s*(?:№|n[°o])",),
        "issue_date": (r"күні",),
        # 'ҚҚС-сыз сомасы' (the sum without VAT), 'Барлығы төлеуге' (in all, to pay)
        "tax_exclusive_total": (r"ққс[\s-]*сыз(?:\s+(?:сомасы|барлығы))?",),
        "tax_total": (_tax(r"ққс", r"барлығы|сомасы"),),
        "grand_total": (r"барлығы(?!\s+төлеуге)(?=\s*(?::|\d|$))",),
        "due_payable": (r"(?:барлығы\s+)?төлеуге(?:\s+барлығы)?",),
        "seller": (r"жеткізуші", r"сатушы"),
        "buyer": (r"сатып\s+алушы", r"тапсырыс\s+беруші", r"алушы"),
        "vat": (r"бсн", r"жсн"),
    },
    # Vietnam (VAT invoices: 'HÓA ĐƠN GIÁ TRỊ GIA TĂNG', 'Ký hiệu' series and 'Số' number);
    # a label may carry its English gloss in brackets ('Mã số thuế (Tax code):'), read with it
    "vi": {
        # ('Số' alone names many things: 'Số lượng', 'Số tài khoản'; a number follows here.
        # Without its diacritic only 'So', as written: an English page's 'SO:' is its sales
        # order)
        "invoice_number": (rf"(?:s[ốỐ]|(?-i:So))(?:\s+h[óo]a\s+đơn)?{_GLOSS}"
                           r"(?=\s*(?::\s*)?\d|\s*:\s*$)",),
        "issue_date": (r"ng[àa]y(?=\s+\d{1,2}\s+th[áa]ng)",
                       rf"ng[àa]y\s+(?:lập|xuất)(?:\s+h[óo]a\s+đơn)?{_GLOSS}"),
        "currency": (rf"(?:đồng\s+tiền|lo[ạa]i\s+tiền)(?:\s+thanh\s+to[áa]n)?{_GLOSS}",
                     rf"đơn\s+vị\s+tiền\s+tệ{_GLOSS}"),  # (invoices34) 'Đơn vị tiền tệ: VND'
        "tax_exclusive_total": (
            rf"c[ộo]ng\s+tiền\s+h[àa]ng(?:\s+h[óo]a)?(?:,?\s*dịch\s+vụ)?{_GLOSS}",
            rf"t[ổo]ng\s+tiền\s+(?:trước|chưa\s+c[óo])\s+thuế{_GLOSS}",
        ),
        "tax_total": (
            rf"(?:thuế\s+suất\s+gtgt\s*(?::\s*)?{_RATE}\s*)?tiền\s+thuế\s+gtgt{_GLOSS}",
            rf"t[ổo]ng\s+tiền\s+thuế(?:\s+gtgt)?{_GLOSS}",
        ),
        "grand_total": (rf"t[ổo]ng\s+c[ộo]ng\s+tiền\s+thanh\s+to[áa]n{_GLOSS}",
                        rf"t[ổo]ng\s+c[ộo]ng{_GLOSS}"),
        "seller": (rf"(?:đơn\s+vị|người)\s+b[áa]n(?:\s+h[àa]ng)?{_GLOSS}",),
        "buyer": (rf"(?:tên\s+)?đơn\s+vị\s+mua(?:\s+h[àa]ng)?{_GLOSS}",
                  rf"(?:họ\s+tên\s+)?người\s+mua(?:\s+h[àa]ng)?{_GLOSS}"),
        "vat": (rf"m[ãa]\s+s[ốo]\s+thuế{_GLOSS}", rf"mst{_ID_FOLLOWS}"),
    },
    # Serbia, in Latin and in Cyrillic ('Račun br.' / 'Рачун број', PIB / ПИБ, PDV / ПДВ).
    # ('Valuta plaćanja' is the payment's due date, no currency: no currency label here.)
    "sr": {
        "invoice_number": (r"(?:faktura|ra[čc]un|фактура|рачун)\s*(?:br\.?|broj|бр\.?|број)",
                           r"(?:broj|број)\s+(?:fakture|ra[čc]una|фактуре|рачуна)"),
        # (a bare 'Datum' only before its colon: 'Datum prometa' is the supply's date)
        "issue_date": (r"datum\s+(?:fakture|ra[čc]una|izdavanja(?:\s+ra[čc]una)?)",
                       r"датум\s+(?:фактуре|рачуна|издавања(?:\s+рачуна)?)",
                       r"datum(?=\s*:)", r"датум(?=\s*:)"),
        "tax_exclusive_total": (
            r"(?:ukupna\s+)?osnovica(?:\s+za\s+pdv)?", r"(?:укупна\s+)?основица(?:\s+за\s+пдв)?",
            r"ukupno\s+bez\s+pdv(?:-?a)?", r"укупно\s+без\s+пдв",  # (not "Iznos bez PDV")
        ),
        "tax_total": (_tax(r"pdv|пдв", r"ukupan|ukupno|iznos|укупан|укупно|износ"),),
        "grand_total": (r"ukupno\s+sa\s+pdv", r"укупно\s+са\s+пдв",
                        r"ukupan\s+iznos(?:\s+ra[čc]una)?", r"укупан\s+износ(?:\s+рачуна)?",
                        r"sveukupno", r"свеукупно"),
        # (Croatia's 'Ukupno za platiti', 'Za platiti')
        "due_payable": (r"(?:ukupno\s+)?za\s+(?:uplatu|naplatu|pla[ćc]anje|platiti)",
                        r"(?:укупно\s+)?за\s+(?:уплату|плаћање)"),
        "seller": (r"prodavac", r"продавац", r"isporu[čc]ilac", r"испоручилац",
                   r"izdavalac(?:\s+ra[čc]una)?", r"издавалац(?:\s+рачуна)?", r"dobavlja[čc]",
                   r"добављач"),
        "buyer": (r"kupac", r"купац", r"primalac(?:\s+ra[čc]una)?", r"прималац(?:\s+рачуна)?",
                  r"naru[čc]ilac", r"наручилац"),
        # (PIB, the tax number; not MB, the company register's number)
        # (Croatia's OIB, the personal identification number its VAT id is made of)
        "vat": (rf"pib{_ID_FOLLOWS}", rf"пиб{_ID_FOLLOWS}", rf"oib{_ID_FOLLOWS}",
                # Bosnia's VAT number (12 digits; its ID broj, 13, is the company's)
                r"pdv\s+broj", r"пдв\s+број"),
    },
    # Bulgaria ('ФАКТУРА', 'Доставчик' / 'Получател', 'ИН по ЗДДС' the VAT id; ЕИК, the
    # register's code, is no VAT id)
    "bg": {
        "invoice_number": (r"фактура\s*(?:№|номер)", r"(?:номер|№)\s+на\s+фактура(?:та)?",
                           r"номер(?=\s*:)"),
        "issue_date": (r"дата\s+на\s+(?:издаване|издаването|документа|фактурата)",),
        "currency": (r"валута",),
        "tax_exclusive_total": (rf"данъчна\s+основа(?:\s+{_RATE})?",
                                r"(?:сума|стойност)\s+без\s+ддс", r"нето\s+сума"),
        "tax_total": (_tax(r"ддс", r"начислен|размер\s+на|сума\s+на|общо"),),
        "grand_total": (r"обща\s+сума", r"общо(?:\s+с\s+ддс)?", r"(?:сума|стойност)\s+с\s+ддс"),
        "due_payable": (r"(?:обща\s+)?сума\s+за\s+плащане", r"за\s+плащане"),
        "seller": (r"доставчик", r"продавач"),
        "buyer": (r"получател", r"купувач"),
        "vat": (r"ин\s+по\s+з?ддс", r"идент(?:\.|ификационен)?\s*(?:№|номер)\s+по\s+з?ддс",
                rf"ддс\s*№{_ID_FOLLOWS}"),
    },
    # Mongolia, in Cyrillic ('Нэхэмжлэх' an invoice, 'Нэхэмжлэгч' its issuer, 'Төлөгч' the
    # payer, РД the state register's number, which is the taxpayer's, НӨАТ the VAT). 'Нийт
    # дүн' above the VAT line is the net (net_total_over_tax), under it the gross.
    "mn": {
        "invoice_number": (r"нэхэмжлэх(?:\s+хуудас)?\s*(?:№|дугаар)", r"нэхэмжлэхийн\s+дугаар"),
        "issue_date": (r"(?:нэхэмжилсэн\s+)?огноо",),
        "currency": (r"валют",),
        "tax_exclusive_total": (r"нөат[\s-]*гүй\s+дүн",),
        "tax_total": (_tax(r"нөат", r"нийт"),),
        "grand_total": (r"(?:нийт\s+)?дүн(?=\s*(?::|\d|$))",),
        "due_payable": (r"(?:нийт\s+)?төлөх\s+дүн",),
        "seller": (r"нэхэмжлэгч(?:\s+байгууллаг(?:а|ын))?(?:\s+нэр)?", r"худалдагч"),
        "buyer": (r"төлөгч(?:\s+байгууллаг(?:а|ын))?(?:\s+нэр)?", r"худалдан\s+авагч"),
        "vat": (r"регистрийн\s+(?:№|дугаар)(?:\s*\(рд\))?", rf"рд{_ID_FOLLOWS}",
                rf"ттд{_ID_FOLLOWS}"),
    },
    # Lithuania ('PVM sąskaita faktūra', 'Pardavėjas' / 'Pirkėjas', 'PVM mokėtojo kodas')
    "lt": {
        "invoice_number": (r"(?:pvm\s+)?s[ąa]skaitos(?:\s+fakt[ūu]ros)?\s+(?:nr|numeris)\.?",),
        "issue_date": (r"(?:s[ąa]skaitos\s+|i[šs]ra[šs]ymo\s+)?data",),
        "currency": (r"valiuta",),
        "tax_exclusive_total": (r"(?:suma|i[šs]\s+viso)\s+be\s+pvm",),
        "tax_total": (_tax(r"pvm", r"suma|i[šs]\s+viso"),),
        "grand_total": (r"i[šs]\s+viso(?:\s+su\s+pvm)?(?!\s+(?:be|mok[ėe]ti))",
                        r"suma\s+su\s+pvm"),
        "due_payable": (r"(?:i[šs]\s+viso\s+)?mok[ėe]ti(?:\s+i[šs]\s+viso)?",),
        "seller": (r"pardav[ėe]jas", r"tiek[ėe]jas"),
        "buyer": (r"pirk[ėe]jas", r"gav[ėe]jas"),
        "vat": (r"pvm\s+(?:mok[ėe]tojo\s+)?kodas",),
    },
    # Latvia ('Rēķins', 'Piegādātājs' / 'Saņēmējs', 'PVN reģ. Nr.', 'Kopā apmaksai')
    "lv": {
        "invoice_number": (r"r[ēe]ķin(?:a|s)\s*(?:nr|numurs)\.?",),
        "issue_date": (r"(?:r[ēe]ķina\s+|izrakst[īi][šs]anas\s+)?datums",),
        "currency": (r"val[ūu]ta",),
        "tax_exclusive_total": (r"(?:summa|kop[āa])\s+bez\s+pvn",),
        "tax_total": (_tax(r"pvn", r"summa|kop[āa]"),),
        "grand_total": (r"kop[āa](?:\s+ar\s+pvn)?(?!\s+(?:bez|apmaksai))",
                        r"summa\s+ar\s+pvn"),
        "due_payable": (r"(?:kop[āa]\s+)?apmaksai", r"summa\s+apmaksai"),
        "seller": (r"pieg[āa]d[āa]t[āa]js", r"p[āa]rdev[ēe]js"),
        "buyer": (r"sa[ņn][ēe]m[ēe]js", r"pirc[ēe]js", r"maks[āa]t[āa]js"),
        # (reviewi22) and 'PVN maksātāja Nr.' (the VAT payer's number)
        "vat": (r"pvn\s+(?:reģ(?:istr[āa]cijas)?\.?\s*|maks[āa]t[āa]ja\s+)?(?:nr|numurs|kods)\.?",),
    },
    # Estonia ('Arve', 'Müüja' / 'Ostja', 'KMKR nr', 'Tasuda kokku')
    "et": {
        "invoice_number": (r"arve\s*(?:nr|number)\.?",),
        "issue_date": (r"(?:arve\s+)?kuup[äa]ev",),
        "tax_exclusive_total": (r"(?:summa|kokku)\s+(?:km-?ta|k[äa]ibemaksuta)",),
        # ('KM' in capitals, as Estonian invoices print it: 'km' is a kilometre, a haulier's
        # unit column on a Nigerian invoice read as Estonia's VAT, review of batch 24)
        "tax_total": (_tax(r"k[äa]ibemaks|(?-i:KM)", r"summa|kokku"),),
        "grand_total": (r"kokku(?:\s+km-?ga)?(?!\s+(?:km-?ta|tasuda))", r"arve\s+summa"),
        "due_payable": (r"(?:kokku\s+)?tasuda(?:\s+kokku)?", r"maksmisele\s+kuulub"),
        "seller": (r"m[üu][üu]ja", r"tarnija"),
        "buyer": (r"ostja", r"maksja", r"klient"),
        "vat": (r"kmkr(?:\s*(?:nr|number))?\.?", r"km\s*reg\.?\s*nr\.?"),
    },
    # Slovenia ('Račun št.', 'Kupec', 'ID za DDV', 'Za plačilo')
    "sl": {
        "invoice_number": (r"ra[čc]un\s*(?:[šs]t\.?|[šs]tevilka)", r"[šs]tevilka\s+ra[čc]una"),
        "issue_date": (r"datum\s+(?:ra[čc]una|izdaje)",),
        "tax_exclusive_total": (r"(?:skupaj|znesek)\s+brez\s+ddv", r"osnova\s+za\s+ddv"),
        "tax_total": (_tax(r"ddv", r"skupaj|znesek"),),
        "grand_total": (r"(?:skupaj|znesek)\s+z\s+ddv",),
        "due_payable": (r"(?:skupaj\s+)?za\s+pla[čc]ilo",),
        "seller": (r"dobavitelj", r"prodajalec", r"izdajatelj"),
        "buyer": (r"kupec", r"naro[čc]nik", r"prejemnik"),
        "vat": (r"id\s+(?:[šs]t\.?\s+)?za\s+ddv", r"dav[čc]na\s+[šs]tevilka"),
    },
    # -- session 25 (invoices21): languages of batches 22 and 23 --------------------------------
    # Albania ('Faturë tatimore', 'Shitësi' / 'Blerësi', NIPT: a letter, 8 digits, a letter)
    "sq": {
        "invoice_number": (r"nr\.?\s*i\s+fatur[ëe]s", r"numri\s+i\s+fatur[ëe]s"),
        "issue_date": (r"data\s+e\s+(?:l[ëe]shimit|fatur[ëe]s)",),
        "currency": (r"monedha",),
        "tax_exclusive_total": (r"(?:vlera|totali)\s+pa\s+tvsh",),
        "tax_total": (_tax(r"tvsh", r"vlera\s+e|totali"),),
        "grand_total": (r"(?:vlera|totali)\s+me\s+tvsh",),
        "due_payable": (r"(?:shuma\s+|totali\s+)?p[ëe]r\s+pages[ëe]",),
        "seller": (r"shit[ëe]si", r"furnitori"),
        "buyer": (r"bler[ëe]si",),
        "vat": (r"nipt(?=\s*(?::\s*)?(?:(?-i:[A-Z])\d|\d|$))",),
    },
    # Macedonia ('Фактура бр.' as Serbia's, 'Купувач', ЕДБ the VAT id, ДДВ)
    "mk": {
        "tax_exclusive_total": (r"(?:вкупно|износ)\s+без\s+ддв", r"даночна\s+основа"),
        "tax_total": (_tax(r"ддв", r"вкупно|износ\s+на"),),
        "grand_total": (r"вкупно(?:\s+со\s+ддв)?(?!\s+(?:без|за))",),
        "due_payable": (r"(?:вкупно\s+)?за\s+плаќање",),
        "seller": (r"испорачател", r"продавач"),
        "buyer": (r"купувач",),
        "vat": (rf"едб{_ID_FOLLOWS}", r"едб\s+за\s+ддв"),
    },
    # Iceland ('Reikningur', 'Kaupandi', 'VSK-nr.', 'Samtals til greiðslu')
    "is": {
        "invoice_number": (r"reiknings?(?:ur)?\s*(?:nr|n[úu]mer)\.?",),
        "issue_date": (r"dagsetning", r"[úu]tg[áa]fudagur"),
        "currency": (r"upph[æa]ðir\s+[íi]", r"gjaldmi[ðd]ill"),
        "tax_exclusive_total": (r"(?:samtals|upph[æa]ð)\s+[áa]n\s+vsk",),
        "tax_total": (_tax(r"vsk|vir[ðd]isaukaskattur", r"samtals"),),
        "grand_total": (r"samtals(?:\s+me[ðd]\s+vsk)?(?!\s+(?:[áa]n|til|uttan))",),
        "due_payable": (r"(?:samtals\s+)?til\s+grei[ðd]slu",),
        "seller": (r"seljandi",),
        "buyer": (r"kaupandi",),
        "vat": (r"vsk-?\s*(?:nr|n[úu]mer)\.?",),
    },
    # (session 29) Faroese ('Dagfesting', 'Keypari', 'Samtals uttan MVG', 'V-tal')
    "fo": {
        "invoice_number": (r"faktura\s*(?:nr|nummar)\.?",),
        "issue_date": (r"dagfesting",),
        "tax_exclusive_total": (r"samtals\s+uttan\s+mvg",),
        "tax_total": (_tax(r"mvg", r"samtals"),),
        "grand_total": (r"samtals\s+vi[ðd]\s+mvg",),
        "due_payable": (r"(?:samtals\s+)?at\s+gjalda",),
        "seller": (r"seljari",),
        "buyer": (r"keypari",),
        "vat": (r"v-?\s*tal",),
    },
    # Azerbaijan ('qaimə-faktura', 'Satıcı' / 'Alıcı', VÖEN, ƏDV)
    "az": {
        "issue_date": (r"tarix",),
        "tax_exclusive_total": (r"c[əe]mi\s*\(?\s*[əe]dv[\s-]*siz\s*\)?",
                                r"[əe]dv[\s-]*siz\s+m[əe]bl[əe]ğ"),
        "tax_total": (_tax(r"[əe]dv", r"c[əe]mi|m[əe]bl[əe]ği"),),
        "grand_total": (r"yekun\s+m[əe]bl[əe]ğ", r"c[əe]mi(?!\s*\(?\s*[əe]dv[\s-]*siz)"),
        "due_payable": (r"[öo]d[əe]nil[əe]c[əe]k\s+m[əe]bl[əe]ğ",),
        "seller": (r"sat[ıi]c[ıi]",),
        "buyer": (r"al[ıi]c[ıi]",),
        "vat": (rf"v[öo]en{_ID_FOLLOWS}",),
    },
    # Uzbekistan, in Latin script ('Hisobvaraq-faktura №', 'Yetkazib beruvchi' / 'Xaridor',
    # STIR the taxpayer number, QQS the VAT)
    "uz": {
        "invoice_number": (r"hisob(?:varaq)?[\s-]*faktura\s*(?:№|raqami)",),
        "issue_date": (r"sana",),
        "currency": (r"valyuta",),
        "tax_exclusive_total": (r"jami\s*\(?\s*qqs[\s-]*siz\s*\)?",),
        "tax_total": (_tax(r"qqs", r"jami|summasi"),),
        "grand_total": (r"qqs\s+bilan\s+jami", r"jami(?!\s*\(?\s*qqs)"),
        "due_payable": (r"to['ʻ‘’]?lov(?:ga)?\s+(?:jami|summasi)",),
        "seller": (r"yetkazib\s+beruvchi", r"sotuvchi"),
        "buyer": (r"xaridor", r"sotib\s+oluvchi"),
        "vat": (rf"stir{_ID_FOLLOWS}",),
    },
    # Malta ('Fattura tat-taxxa', 'Numru tal-VAT', 'Total dovut')
    "mt": {
        "invoice_number": (r"numru\s+tal-?\s*fattura",),
        "tax_exclusive_total": (r"total\s+ming[ħh]ajr\s+(?:il-?\s*)?vat",),
        "due_payable": (r"total\s+dovut", r"ammont\s+dovut"),
        "seller": (r"bejjieg[ħh]",),
        "buyer": (r"lil(?=\s*:)", r"xerrej"),
        "vat": (r"numru\s+tal-?\s*vat",),
    },
    # Swahili (Tanzania, Kenya: 'Ankara ya kodi', 'Mnunuzi', 'Jumla kuu'; VRN, the VAT
    # registration, beside the TIN)
    "sw": {
        "invoice_number": (r"namba\s+ya\s+ankara", r"ankara\s+(?:na\.?|namba)"),
        "issue_date": (r"tarehe(?:\s+ya\s+ankara)?",),
        "tax_exclusive_total": (r"jumla\s+(?:kabla\s+ya|bila)\s+(?:vat|kodi)",),
        "grand_total": (r"jumla\s+kuu",),
        "due_payable": (r"(?:kiasi|jumla)\s+(?:cha|ya)\s+kulipa",),
        "seller": (r"muuzaji",),
        "buyer": (r"mnunuzi",),
        "vat": (r"vrn(?=\s*(?::\s*)?\d)",),
    },
    # Filipino ('Paktura ng benta', 'Ipinagbili kay', 'Kabuuang dapat bayaran'; the VAT
    # labels are English)
    "tl": {
        "invoice_number": (r"(?:blg|bilang)\.?(?=\s*:)", r"numero\s+ng\s+paktura"),
        "issue_date": (r"petsa",),
        "tax_exclusive_total": (r"halaga\s+bago\s+(?:ang\s+)?vat",),
        "tax_total": (_tax(r"vat", r"bawas\s*:|dagdag\s*:"),),
        "due_payable": (r"(?:kabuuang\s+)?dapat\s+bayaran",),
        "seller": (r"nagbebenta",),
        "buyer": (r"ipinagbili\s+kay", r"bumibili", r"mamimili"),
    },
    # Belarus ('Рахунак-фактура №', 'Пастаўшчык' / 'Пакупнік', УНП as Russia's, ПДВ)
    "be": {
        "invoice_number": (r"рахунак(?:[\s-]*фактура)?\s*(?:№|нумар)",),
        "issue_date": (r"дата(?:\s+рахунку)?",),
        "tax_exclusive_total": (r"(?:разам|усяго|сума)\s+без\s+пдв",),
        "tax_total": (_tax(r"пдв", r"у\s+тым\s+ліку|сума|разам"),),
        "grand_total": (r"усяго(?:\s+з\s+пдв)?(?=\s*(?::|\d|$))", r"разам\s+з\s+пдв",
                        r"разам(?!\s+(?:да\s+аплаты|без\s+пдв))"),
        "due_payable": (r"(?:усяго\s+)?да\s+аплаты",),
        "seller": (r"пастаўшчык", r"прадавец"),
        "buyer": (r"пакупнік", r"заказчык", r"плацельшчык"),
    },
    # Kyrgyzstan ('Эсеп-фактура №', 'Сатуучу' / 'Сатып алуучу', ИНН as Russia's, КНС)
    "ky": {
        "invoice_number": (r"эсеп(?:[\s-]*фактура)?\s*(?:№|номери)",),
        "tax_exclusive_total": (r"кнс[\s-]*сыз(?:\s+(?:жыйынтыгы|суммасы))?",),
        "tax_total": (_tax(r"кнс", r"жыйынтыгы|суммасы"),),
        "grand_total": (r"жалпы\s+жыйынтыгы", r"жыйынтыгы(?=\s*(?::|\d|$))"),
        "due_payable": (r"төлөөгө(?:\s+жыйынтыгы)?",),
        "seller": (r"сатуучу", r"жеткирүүчү"),
        "buyer": (r"сатып\s+алуучу",),
    },
    # Catalan ('Base imposable', 'Quota IVA', 'Client'; 'Total factura' as Spain's)
    "ca": {
        "invoice_number": (r"(?:n[úu]m(?:ero)?\.?\s+(?:de\s+)?)factura", r"factura\s+n[úu]m\.?"),
        "tax_exclusive_total": (r"base\s+imposable",),
        # (session 28) Andorra's IGI (impost general indirecte)
        "tax_total": (_tax(r"iva|igi", r"quota"),),
        "seller": (r"prove[ïi]dor", r"emissor"),
        "buyer": (r"client",),
        # (session 28) Andorra's NRT (número de registre tributari: 'L-712345-X')
        "vat": (r"n\.?\s*r\.?\s*t\.?(?=\s*(?::\s*)?(?:(?-i:[A-Z])-?\d|\d|$))",),
    },
    # Welsh ('Anfoneb', 'Rhif TAW', 'Cyfanswm i'w dalu')
    "cy": {
        "invoice_number": (r"rhif\s+(?:yr\s+)?anfoneb",),
        "issue_date": (r"dyddiad(?:\s+(?:yr\s+)?anfoneb)?",),
        "tax_exclusive_total": (r"is-?\s*gyfanswm", r"cyfanswm\s+(?:heb|cyn)\s+taw"),
        "tax_total": (_tax(r"taw", r"cyfanswm"),),
        "grand_total": (r"cyfanswm(?!\s+(?:heb|cyn|i['’]w\s+dalu))",),
        "due_payable": (r"(?:cyfanswm\s+)?i['’]w\s+dalu", r"swm\s+(?:sy['’]n\s+)?ddyledus"),
        "seller": (r"cyflenwr",),
        "buyer": (r"cwsmer", r"anfonebu\s+i", r"at(?=\s*:)"),
        "vat": (r"rhif\s+taw",),
    },
    # (session 29, invoices25) Somali ('Qaansheeg', 'Lambarka', 'Taariikhda', 'Wadarta guud')
    "so": {
        "invoice_number": (r"lambarka(?:\s+qaansheegga)?",),
        "issue_date": (r"taariikhda?",),
        "grand_total": (r"wadarta\s+guud",),
        "seller": (r"iibiyaha",),
        "buyer": (r"macmiilka",),
    },
    # (reviewi14) Papiamentu (Curaçao, Aruba, Bonaire: 'Number di faktura', 'Fecha', 'Kliente',
    # 'OB 6%', 'Total pa paga', the CRIB number)
    "pap": {
        "invoice_number": (r"number\s+di\s+faktura", r"faktura\s*(?:nr|number)\.?"),
        "issue_date": (r"fecha\s+di\s+faktura",),
        "tax_exclusive_total": (r"subtotal",),
        "tax_total": (_tax(r"ob|bbo", r"total"),),
        "grand_total": (r"total\s+(?:pa\s+paga|di\s+faktura)",),
        "seller": (r"bendedor",),
        "buyer": (r"kliente",),
        # (session 32, invoices29) a colon or the number's own six digits and more after it:
        # 'Crib 12 pcs' (a cot) starts a description
        "vat": (r"crib(?:-?\s*(?:nr|number))?\.?(?=\s*:\s*\d|\s*\d{3}[.\s]?\d{3})",),
    },
    # (reviewi14) Tetum (Timor-Leste: 'Númeru fatura', 'Ba kliente', 'Total tenke selu')
    "tet": {
        "invoice_number": (r"n[úu]meru\s+(?:fatura|faktura)",),
        "grand_total": (r"total\s+tenke\s+selu",),
        "seller": (r"fa(?:k|t)ura\s+husi",),
        "buyer": (r"(?:ba\s+)?kliente",),
    },
}  # fmt: skip
PARTY_KEYS = ("seller", "buyer")
# Labels that never start a party's name (amount labels may: 'Total Energies SA'). A party's
# label may ('To Go Foods Ltd', 'Kunde AG'): it is one there only with a colon (_names_field).
_HEADER_KEYS = frozenset({"invoice_number", "issue_date", "currency", "vat"})
AMOUNT_KEYS = (
    "tax_exclusive_total", "tax_total", "grand_total", "due_payable", "prepaid", "rounding",
)  # fmt: skip
_READ_AMOUNTS = ("tax_exclusive_total", "tax_total", "grand_total", "due_payable")
# OCR reads a colon as a comma or semicolon now and then; 'VALOR TOTAL DA NOTA = R$ 17.150,00'
_COLON = r"\s*[:.,;=]?\s*"
# A label ends where its word does: 'Data' does not start 'Datasheet'. A digit may follow
# ('Rechnungsdatum03.12.2026' when the label runs into its value, 'Invoice #10234').
# OCR joins a label to an ID starting with a country code: 'P.IVAIT01234567890'.
# "Buyer's Order No." is no buyer label: a possessive continues the word.
# OCR runs words together: 'Total VATAmount' (a capital, then a capitalised word).
# OCR runs a label into a code in capitals: 'Faktura VAT nrFV/2026/03/0142'.
_WORD_END = (
    r"(?:(?![^\W\d_]|['’]s)|(?=(?-i:[A-Z]{2}\d))|(?<=(?-i:[A-Z]))(?=(?-i:[A-Z][a-z]))"
    r"|(?<=(?-i:[a-z]))(?=(?-i:[A-Z]{2,}[/-]?\d)))"
)


def _compile(pattern: str) -> re.Pattern[str]:
    # OCR drops spaces now and then, or reads one as a full stop ('Bill.To', 'Fattura.n'):
    # a label matches with or without them. The runs are possessive (`*+`): a label's
    # optional parts put several runs side by side ('VAT' [run] '(' [run] '@' [run] '20 %'),
    # and a run that could give spaces back to the next one made a failed optional part
    # try every split of a long run of spaces or a dotted leader: 'VAT' and 1,000 spaces took
    # 19 CPU s (cubic). What follows a run never starts with a space or a full stop, and a
    # run that ends a label is left to the colon's `\s*` after it (a tax label's closing
    # bracket takes its run only with the bracket), so giving back was never needed.
    pattern = pattern.replace(r"\s+", r"[\s.]*+").replace(r"\s*", r"[\s.]*+")
    return re.compile(rf"^(?:{pattern}){_WORD_END}" + _COLON + "(?P<rest>.*)$", re.I | re.S)


def _party_pattern(key: str) -> str:
    """A party label, alone or paired with another of its words ('Seller/Exporter')."""
    words = "|".join(p for vocabulary in VOCABULARY.values() for p in vocabulary[key])
    # ('Supplier Details', 'Details of Recipient': a caption over the party's block)
    return (
        rf"(?:details\s+of\s+(?:the\s+)?)?(?:{words})(?:\s*[/&]\s*(?:{words}))?"
        r"(?:\s+(?:details|information|info))?"
    )


_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (language, key, _compile(_party_pattern(key) if key in PARTY_KEYS else pattern))
    for language, vocabulary in VOCABULARY.items()
    for key, patterns in vocabulary.items()
    for pattern in ((key,) if key in PARTY_KEYS else patterns)
]
LABELS: dict[str, str] = {  # every language's patterns of a field, for reference
    key: "|".join(p for vocabulary in VOCABULARY.values() for p in vocabulary.get(key, ()))
    for key in VOCABULARY["en"]
}


@dataclass(frozen=True)
class LabelMatch:
    key: str
    languages: frozenset[str]
    length: int  # characters of the label
    rest: str  # the run after the label (maybe '')


@lru_cache(maxsize=4096)
def label_matches(text: str) -> dict[str, LabelMatch]:
    """Per field, the longest label ``text`` starts with (and every language having it)."""
    text = _ENUMERATION.sub("", text.strip())  # '1) Shipper/Exporter'
    text = _SUBJECT.sub("", text, count=1)  # a letter's subject line: 'Re: Invoice No. 41'
    found: dict[str, LabelMatch] = {}
    # A bilingual label names the field in its second language too: 'Razem / Total'.
    # OCR reads a capital I as l: 'Buyer/lmporter', 'USt-ldNr.' (no word starts l + consonant)
    text = re.sub(r"(?<![^\W\d_])l(?=[bcdfghjkmnpqrstvwxz])", "I", text)
    variants = [text, _BILINGUAL.sub("", text, count=1)]
    glossed = _GLOSSED.match(text)
    if (
        glossed is not None
        and not _COLUMN_WORD.fullmatch(glossed["local"])
        and unit_code(glossed["local"]) is None
        and not _ASIDE.fullmatch(glossed["gloss"])
    ):  # (not 'Quantity (Total): 50', 'Cartons (Total): 12': a table's column word or a
        # unit's with an aside, no gloss)
        variants.append(glossed["gloss"] + text[glossed.end() :])
    if not any(p.match(text) for _, _, p in _PATTERNS):
        variants.append(_BILINGUAL_TIGHT.sub("", text, count=1))
    for variant in dict.fromkeys(variants):
        for language, key, pattern in _PATTERNS:
            match = pattern.match(variant)
            if match is None:
                continue
            length = len(variant) - len(match["rest"])
            best = found.get(key)
            rest = _FOREIGN_GLOSS.sub("", match["rest"], count=1)
            if ":" not in variant[:length] and not _UNREAD_LEGAL_FORM.search(rest):
                rest = _UNREAD_GLOSS.sub("", rest, count=1)
            if best is not None and best.rest.startswith("/") and variant != text:
                # 'Att betala / Total due SEK', 'Invoice No. / Fatura nº: 118': both languages
                # name the field; the value is what follows the second one
                found[key] = LabelMatch(
                    key,
                    best.languages | {language},
                    len(text) - len(match["rest"]),
                    match["rest"].strip(),
                )
                continue
            if best is None or length > best.length:
                found[key] = LabelMatch(key, frozenset({language}), length, rest.strip())
            elif length == best.length:
                found[key] = LabelMatch(key, best.languages | {language}, length, best.rest)
    issued = found.get("issue_date")
    if issued is not None and _OTHER_CALENDAR.match(issued.rest):
        del found["issue_date"]  # 'Date (B.S.): 2083-07-26': the date in another calendar
    total = found.get("grand_total")
    if (
        total is not None
        and all(
            k == "tax_total" and _names_goods(m.rest) for k, m in found.items() if m is not total
        )
        and _goods_after_total(text[: total.length], text[total.length :])
    ):  # 'Total Station survey instrument', 'Total Energies SA', 'Total Tax Solutions
        # consulting' (no tax either: _label): a description or a name
        del found["grand_total"]
        return found  # (as it was: no OCR-parted word joined, it named something)
    if not found:
        # OCR parts a word beside a wide letter ('Rechnungsnum mer', 'Com mittente'): a label
        # when the space, joined, falls inside the label's word
        for space in re.finditer(r"(?<=[^\W\d_]) (?=[^\W\d_])", text[:40]):
            at = space.start()
            if not {text[at - 1], text[at + 1]} & set("mwMW"):
                continue
            joined = label_matches(text[:at] + text[at + 1 :])
            inside = {key: match for key, match in joined.items() if match.length > at}
            if inside:
                return inside
    return found


_ENUMERATION = re.compile(
    r"^(?:\(?\d{1,2}\)|section\s+[A-Z0-9]{1,2}\s*:)\s*", re.I
)  # '11) Description', '11)Description' (OCR); (session 30) 'Section C: Buyer's Details'
# (Uganda's EFRIS e-invoice: its sections A-F)
# A label's translation in a script the vocabulary does not read, after a slash: 'Customer /
# العميل', 'Tax No. / الرقم الضريبي: 012345678' (the value after its colon). It is the label's,
# not the value's: the value is what follows it, or the run beside or under the label.
# A date label's gloss naming a calendar other than the Gregorian: Nepal's Bikram Sambat
# ('Date (B.S.): 2083-07-26' beside 'Date (A.D.): 12 Nov 2026'), Ethiopia's ('E.C.'), the Hijri
# ('A.H.', 'H', 'Hijri'), Iran's solar year ('Shamsi', 'S.H.'): its figures are no ISO date
_OTHER_CALENDAR = re.compile(
    r"\(\s*(?:B\.?\s*S|V\.?\s*S|E\.?\s*C|A\.?\s*H|S\.?\s*H|H|hijri|shamsi|jalali|nepali"
    r"|bikram\s+sambat|ethiopian)\.?\s*\)",
    re.I,
)
_FOREIGN_GLOSS = re.compile(r"^\s*/\s*[^\x00-\u024f\s]+(?:\s+[^\x00-\u024f\s]+)*\s*(?::\s*|$)")
# The same translation without the slash, in a script no vocabulary reads (Arabic, Hebrew,
# Thai, Chinese, ...: not Latin, Greek or Cyrillic), after a label with no colon: 'Seller
# البائع' over the seller's name, 'Invoice Number رقم الفاتورة: INV-2026-00871'. It is no
# value: a value follows a label's colon, or stands beside or under it.
_UNREAD = r"[^\x00-\u052f\u1e00-\u1eff\s:\d]+"
_UNREAD_GLOSS = re.compile(rf"^\s*{_UNREAD}(?:\s+{_UNREAD})*\s*(?::\s*|$)")
# A company's legal form in those scripts: what a name beside its label holds and a gloss does
# not ('Buyer נגב אופטיקה בע״מ', 'Bill to شركة النور': the name, which the gloss rule dropped,
# its country with it; review of session 23, batch 20).
_UNREAD_LEGAL_FORM = re.compile(
    r"בע[\"״”']?מ|شركة|مؤسسة|ذ\.?\s?م\.?\s?م|შპს|ՍՊԸ|ԲԲԸ|ՓԲԸ|บริษัท|จำกัด|公司|株式会社"
    r"|有限会社|주식회사|유한회사"
)
# A letterhead line's parts: '·' or '•' (OCR drops the spaces beside them) or ' | '. Every
# pattern that opens on a run of spaces starts only where the run does ('(?<!\s)'): tried at
# each space of a long run, it read the run again from each (quadratic: an uploaded page's
# 20,000 spaces took seconds per line).
_DOT_OR_BAR = re.compile(r"(?<!\s)(?:\s*[·•]\s*|\s+\|\s+)")
_SUBJECT = re.compile(r"^(?:re|subject|betreff|objet|oggetto|asunto|onderwerp)\s*:\s*(?=\S)", re.I)
# The first language's part may hold a rate ('Moms 0 % / VAT 0 %') but starts with a letter.
_BILINGUAL = re.compile(
    r"^(?=[^\W\d_])(?:[^/:\d]|\d+\s*%|(?<=[^\W\d_])/(?=\s)){2,40}?\s+/\s+(?=[^\W\d_])"
)
# OCR drops the spaces around the slash ('Sprzedawca /Seller', 'Nazwa/Description'); without
# them 'Price/Unit' is one header, so this is tried only when the whole text names nothing.
# The label in the local language, its English gloss in brackets: 'Số (No.): 00001245',
# 'Đơn vị bán hàng (Seller): CÔNG TY …' (Vietnam's bilingual invoices): the English one.
_GLOSSED = re.compile(
    r"^(?=[^\W\d_])(?P<local>[^():\d/]{1,40}?)\s*\(\s*(?P<gloss>[^\W\d_][^()\d]{1,30}?)\s*\)"
    r"(?=\s*:|\s+\d)"
)
_BILINGUAL_TIGHT = re.compile(r"^[^/:\d]{2,40}?\.?\s*/\s*(?=[^\W\d_])")
# A lone amount word in brackets is an aside, not a gloss: 'Packages (Total): 14', 'Weight
# (net): 9,420 kg' (a gloss translates a label: 'Tổng cộng tiền thanh toán (Total payment)').
_ASIDE = re.compile(r"total|net|gross|sum|all", re.I)


def _label(run: Word, key: str, rivals: tuple[str, ...] = ()) -> str | None:
    """The rest of the run after ``key``'s label (maybe ''), or None if it is not that label
    or one of ``rivals`` matches a longer label ('Total HT' is no grand total)."""
    found = label_matches(run.text)
    mine = found.get(key)
    if mine is None:
        return None
    if any(k in found and found[k].length > mine.length for k in rivals):
        return None
    if key == "tax_total" and _names_goods(mine.rest):
        return None  # 'Tax advisory services 1 1,500.00': a service line, not the tax
    return mine.rest


# Words that may follow a tax's label in a totals line ('VAT amount', 'MwSt.-Betrag', 'TVA
# montant', 'Tax (EUR)'); any other word there makes the run a description that starts with a
# tax's name ('Tax advisory services', 'Tax-free shop fittings'), as _tax_row reads a table row.
_TAX_TAIL = re.compile(
    r"amount|total|sum|due|charged|payable|betrag|summe|montant|importe|cuota|importo|bedrag"
    r"|rate|on|of|at|incl|excl|to|the|und|de|du|sur|auf|over|von|su|sobre|base",
    re.IGNORECASE,
)


def _names_goods(rest: str) -> bool:
    """Whether the rest of a tax label's run holds words that name something (goods or a
    service) rather than the tax's amount: a word of 3+ letters that is neither an amount word
    (_TAX_TAIL), a currency code nor a tax's name."""
    outside = re.sub(r"\([^)]*\)?", " ", rest)  # a note in brackets: '(Zero-rated export)'
    for word in re.findall(r"[^\W\d_]{3,}", outside):
        if (
            _TAX_TAIL.fullmatch(word) is None
            and not (word.isupper() and len(word) == 3 and is_currency(word))
            and "tax_total" not in label_matches(word)  # 'IVA / VAT': the tax in two languages
        ):
            return True
    return False


# The bare word 'Total' (and its kin in the vocabulary's languages) opening a run.
# (reviewi21) a weight's column header that TABLE_HEADERS reads as the quantity ('Net kg')
_WEIGHT_HEAD = re.compile(r"net\s+kgs?", re.I)
# (reviewi21) a totals row's first word ('Total marchandises HT', 'Subtotal', 'Summe netto')
_TOTAL_FIRST = re.compile(
    r"\s*(?:sub\s*-?\s*)?(?:totals?|totale|totaal|totalt|summe|gesamt|toplam|celkem|razem"
    r"|σύνολο|итого|sum|soma|suma)(?![^\W\d_])",
    re.I,
)
_BARE_TOTAL = re.compile(r"\s*(?:totals?|totale|totaal|totalt)\s*", re.I)
# Words that may follow a bare 'Total' in a totals line ('Total amount', 'Total EUR', 'Total
# incl. VAT', 'Total this page', 'Total Sales (gross)', 'Total HT'); with any other word it
# opens a line's description ('Total Sales Analytics, annual licence', 'Total Station survey
# instrument', 'TOTAL Quartz 9000 engine oil'), as _names_goods reads a tax's label.
_TOTAL_TAIL = re.compile(
    r"amounts?|amt|sums?|due|payable|pay|paid|net|netto|gross|brutto|vat|taxe?s?|gst|hst|pst"
    r"|qst|incl|including|inclusive|excl|excluding|exclusive|value|invoice|price|cost|costs"
    r"|charges?|fees?|sales|order|general|grand|final|overall|before|after|less|plus|with"
    r"|without|discount|the|for|this|page|all|carried|forward|brought|balance|and|payment"
    r"|items?|lines?|articles?|positions?|outstanding|settlement|ht|ttc|tva|mwst|ust|iva"
    r"|btw|moms|mva|betrag|summe|montant|importe|importo|bedrag|factura|fattura|fatura"
    r"|documento|pagar|pagare|con|sin|inkl|exkl|avec|sans|hors|frais|credit|credited"
    r"|crediteren|refund|debit|goods|services|supplies|supply|euros?|dollars?|pounds?"
    r"|sterling|francs?|rupees?|yen|yuan|shipment|consignment",
    re.IGNORECASE,
)


def _goods_after_total(label: str, rest: str) -> bool:
    """Whether a bare 'Total' label (no colon of its own) opens a description rather than a
    totals line: a word of 3+ letters follows it, before any colon, digit, slash or 'words'
    ('Total in words: ...'), that is no totals word (_TOTAL_TAIL), currency code, count or
    weight (_MEASURE: 'Total packages', read as no amount elsewhere) nor an amount's label."""
    if _BARE_TOTAL.fullmatch(label) is None:
        return False
    head = re.split(r"[:\d/=]|(?<![^\W\d_])words(?![^\W\d_])", rest, maxsplit=1, flags=re.I)[0]
    head = re.sub(r"\([^)]*\)?", " ", head)  # a note in brackets: 'Total (EUR)'
    if _MEASURE.search(head):
        return False
    for word in re.findall(r"[^\W\d_]{3,}", head):
        if _UNREAD_GLOSS.fullmatch(word) is None and (  # (not 'Total المجموع': a gloss)
            _TOTAL_TAIL.fullmatch(word) is None
            and not (len(word) == 3 and word.isupper() and is_currency(word))
            # (invoices33) a currency's sign ('Total KShs')
            and word not in CURRENCY_SIGNS
            and word not in AMBIGUOUS_SIGNS
            and not set(label_matches(word)) & set(AMOUNT_KEYS)
        ):
            return True
    return False


def _is_label(run: Word) -> bool:
    return bool(label_matches(run.text))


# A run that carries its own caption ('Delivery Date: 02.12.2026', 'Order No.: 4711').
_CAPTION = re.compile(r"[^\W\d_][^:\d]{0,40}:\s*\S")


def _captioned(run: Word) -> bool:
    """A run with a caption of its own, known label or not: under a label whose line has a
    value beside it ('Invoice Date' over a date in Xero's header, the buyer's address to its
    right), a value printed under the label is taken; a captioned run there is another field's
    ('Delivery Date: 02.12.2026' under a blank 'Invoice Date:'), and a wrong date is worse than
    none."""
    return _is_label(run) or _CAPTION.match(run.text) is not None


def _names_field(text: str) -> bool:
    """Whether ``text`` starts with a header field's label ('Invoice Number INV-2291'), or a
    party's followed by a colon ('Sold to: ACME Ltd'; 'Customer Care Ltd' is a name)."""
    found = label_matches(text)
    start = _ENUMERATION.sub("", text.strip())
    for key in _HEADER_KEYS & set(found):
        # a label with its value or a colon ('Invoice Number INV-2291', 'Date: 3 Dec') or a
        # longer label ('Date of supply', 'Currency EUR'), not a company's name that starts
        # with a label's word ('Date Palm Trading LLC', 'Data Systems S.p.A.': a legal form)
        rest = found[key].rest
        if (
            not rest
            or re.search(r"\d", rest)
            or ":" in start[: found[key].length]
            or not _company(start)
        ):
            return True
    return any(":" in start[: found[key].length] for key in PARTY_KEYS if key in found)


def _is_bare_label(run: Word) -> bool:
    """A label without its value ('Date:'), not a value that starts like one
    ('GST84-2500001')."""
    return any(not match.rest for match in label_matches(run.text).values())


# Line-item table header cells, per column (full-cell matches after _head_text). "item" is a
# weak description: the description column only when no other header names one.
TABLE_HEADERS: dict[str, str] = {
    "description": r"description(?:\s+of\s+(?:goods|services))?|goods(?:\s+description)?"
    r"|item\s+description|services?|product\s*/\s*service|details"
    r"|full\s+description(?:\s+of\s+goods)?|nama\s+barang"
    r"|particulars|bezeichnung|beschreibung|artikelbezeichnung|leistung|d[ée]signation"
    r"|libell[ée]|concepto|descripci[óo]n|descrizione|omschrijving|waren(?:beschreibung|bezeichnung)"
    r"|nazwa(?:\s+towaru)?(?:\s+(?:lub|i)\s+usługi)?|mal\s*(?:/\s*)?hizmet|açıklama"
    r"|item\s*(?:&|and)\s*description|descri[çc][ãa]o|designa[çc][ãa]o|ben[äa]mning"
    r"|beskrivelse|varebeskrivelse|ozna[čc]en[íi](?:\s+dod[áa]vky)?|popis|n[áa]zev(?:\s+polo[žz]ky)?"
    r"|megnevez[ée]s|denumire(?:a)?(?:\s+produselor)?(?:\s+sau\s+a\s+serviciilor)?"
    r"|περιγραφ[ήη](?:\s+ε[ίι]δους)?"
    # Russian, Ukrainian, Kazakh, Vietnamese
    r"|товары?(?:\s*\(работы,?\s*услуги\))?|наименование(?:\s+товара)?|найменування"
    r"|товар(?:и)?(?:\s*\(роботи,?\s*послуги\))?|атауы|t[êe]n\s+h[àa]ng(?:\s+h[óo]a)?(?:,?\s*dịch\s+vụ)?"
    # Serbian (Latin, Cyrillic), Bulgarian, Mongolian
    r"|naziv(?:\s+(?:artikla|robe|dobra|usluge|proizvoda))?|назив(?:\s+(?:артикла|робе|добра|услуге))?"
    r"|наименование\s+на\s+(?:стоката|стоки(?:те)?|услугата)"
    r"|бараа(?:ны)?(?:,?\s*үйлчилгээний)?\s+нэр"
    # Lithuanian, Latvian, Estonian, Slovak, Slovene, Norwegian (session 24)
    r"|(?:prek[ėe]s\s+)?pavadinimas|nosaukums|kirjeldus|n[áa]zov(?:\s+polo[žz]ky)?|opis"
    r"|varetekst"
    r"|tekst"  # (invoices31) Danish and Norwegian 'Tekst' (the line's text)
    # (session 25) Albanian, Macedonian, Icelandic, Azerbaijani, Uzbek, Maltese, Swahili,
    # Filipino, Belarusian, Kyrgyz, Catalan, Welsh
    r"|p[ëe]rshkrimi(?:\s+i\s+mallit)?|опис|l[ýy]sing|mal[ıi]n\s+ad[ıi]"
    r"|tovar(?:\s*\(xizmat\))?\s+nomi|deskrizzjoni|maelezo(?:\s+ya\s+bidhaa)?|paglalarawan"
    r"|найменне(?:\s+тавару)?|товардын\s+аталышы|concepte|disgrifiad"
    r"|faahfaahin"  # (session 29) Somali
    r"|deskripshon|deskrisaun"  # (reviewi14) Papiamentu, Tetum
    r"|kuvaus|nimike"  # (invoices32) Finnish
    # (invoices32) Saudi Arabia's e-invoices' 'Nature of goods or services' (ZATCA's wording)
    r"|nature\s+of\s+(?:goods|services)(?:\s+or\s+services)?"
    r"|perihal|butiran|perkara"  # (invoices32) Malay; (reviewi20) 'Perkara' (the item)
    r"|charges?(?:\s+description)?",  # (invoices32) a forwarder's 'Charge description'
    # (invoices30) QuickBooks' 'ACTIVITY' (the product's name) is the description alone, not
    # beside a DESCRIPTION column ('DATE | ACTIVITY | DESCRIPTION | QTY | RATE | AMOUNT')
    "item": r"items?|articles?|artikel|products?|produit|producto|prodotto|art[íi]culo"
    r"|articolo|activity"
    r"|tuote",  # (invoices32) Finnish 'Tuote' (the product), as 'Item'
    "quantity": r"quantity|qty|quantit[ée]|qt[ée]|menge|anzahl|anz|cantidad|cant|quantit[àa]"
    r"|q\s*t[àa]|q\s*ty|aantal|pcs|ilość|miktar|quantidade|qtd|qtde|antal|antall|po[čc]et"
    r"|mno[žz]stv[íi]|menny(?:is[ée]g)?|cantitate|ποσ[όο]τητα|uds|unidades|no\s+of\s+units"
    r"|(?:qty|quantity)\s+shipped|shipped|кол-?во|количество|кількість|к-сть|саны|s[ốo]\s+lượng"
    r"|koli[čc]ina|kol|количина|кол|тоо(?:\s+(?:хэмжээ|ширхэг))?"
    r"|kiekis|daudz(?:ums)?|kogus|ant|mno[žz]stvo"
    r"|sasia|magn|miqdar[ıi]|miqdori|kwantit[àa]|idadi|dami|колькасць|quantitat|nifer"
    r"|tirada"  # (session 29) Somali
    r"|kantidat|kuantidade"  # (reviewi14) Papiamentu, Tetum
    r"|n[øo]gd"  # Faroese
    r"|m[äa][äa]r[äa]"  # (invoices32) Finnish
    r"|kuantiti"  # (invoices32) Malay
    r"|quant"  # (invoices32) Portuguese 'Quant.' (quantidade)
    r"|net\s+kgs?"  # (invoices32) a commodity's 'Net kg' (priced per kg)
    r"|кіл-?сть|кільк",  # (invoices34) Ukrainian 'Кіл-сть', 'Кільк.' (кількість)
    # (reviewi14) 'unidade' spelt whole, not 'unid(?:ade)?': _COLUMN_PART parts glued header
    # cells by the literal words here ('UnidadeKuantidade')
    "unit_code": r"unit|uom|units|einheit|einh|me|unit[ée]|(?:clave\s+)?unidad|ud|u\s*/?\s*m"
    r"|eenheid|eenh|enhet|enhed|j\s*m|jedn|birim|un|unid|unidade|m\s*j|egys(?:[ée]g)?|μ\s*μ|satuan"
    r"|ј\s*м|мярка|мерна\s+единица|хэмжих\s+нэгж"
    r"|ед\.?(?:\s*изм\.?)?|од\.?(?:\s*вим\.?)?|đơn\s+vị\s+t[íi]nh|đvt"
    r"|mato\s+vnt|m[ēe]rv|[üu]hik|em|enh|eind"  # (session 29) Faroese 'Eind'
    r"|nj[ëe]sia|ед\.?\s*мерка|ein|[öo]l[çc][üu]\s+vahidi|o['ʻ‘’ ]?[il]chov(?:\s+birligi)?|unit[àa]"
    r"|kipimo|yunit|адз\.?\s*вым|өлчөө\s+бирдиги|unitat|uned"
    r"|u\.?\s*(?:de\s+)?medida"  # (session 26) Argentina's 'U. medida'
    r"|cabbir"  # (session 29) Somali
    r"|unidat"  # (reviewi14) Papiamentu
    r"|yks|yksikk[öo]",  # (invoices32) Finnish 'Yks.' (yksikkö)
    "unit_price": r"unit\s*(?:price|cost|value)|price(?:\s*/\s*unit)?|rate|einzelpreis|preis"
    r"|e\s*-?\s*preis"
    r"|prix(?:\s+unit(?:aire)?)?(?:\s+ht)?|p\s*u(?:\s+ht)?|precio(?:\s+unitario)?"
    r"|prezzo(?:\s+unit(?:ario)?)?|prijs|stukprijs|eenheidsprijs|einzelwert|stückpreis"
    r"|cena(?:\s+jedn(?:ostkowa)?)?(?:\s+netto)?|(?:birim\s+)?fiyat[ıi]?"
    r"|(?:valor|pre[çc]o)\s+unit(?:[áa]rio)?|v(?:r|lr)?\.?\s*unit(?:ario)?|p\s+unit(?:ario)?|ep|harga\s+satuan|[àa]-?\s*pris|pris|enhe[dt]spris|stk\.?\s*-?\s*pris|styckpris|stykpris|cena\s+(?:za\s+)?m\s*j"
    r"|(?:nett[óo]\s+)?egys[ée]g[áa]r|pre[țţt](?:ul)?\s+unitar|τιμ[ήη](?:\s+μον(?:[άα]δας|\.)?)?"
    r"|цена|ціна|ціна\s+без\s+пдв|бағасы|đơn\s+gi[áa]|harga|cena\s+bez\s+pdv|цена\s+без\s+пдв|ед\s*цена"
    r"|единична\s+цена|нэгж(?:ийн)?\s+үнэ"
    r"|kaina|hind|cena\s*/\s*m\s*j|cena\s+brez\s+ddv"
    r"|cijena(?:\s+km)?|[çc]mimi(?:\s+pa\s+tvsh)?|цена\s+без\s+ддв|einingarver[ðd]|qiym[əe]ti|narxi|prezz"
    r"|bei(?:\s+ya\s+kipimo)?|precio\s+unit\.?|presyo(?:\s+bawat\s+isa)?|цана|баасы|preu|pris\s+yr\s+uned"
    r"|pre[çc]o"  # (session 28) Portuguese 'Preço' alone, as Spanish 'Precio' ('Preço USD/MT')
    r"|qiimaha"  # (session 29) Somali
    r"|presu"  # (reviewi14) Tetum
    r"|pr[íi]sur"  # Faroese
    # (invoices32) Finnish 'à-hinta' (also printed 'á-hinta', 'a-hinta'), 'Yksikköhinta'
    r"|[àáa]-?\s*hinta|yksikk[öo]hinta"
    r"|harga\s+(?:seunit|unit)"  # (invoices32) Malay
    r"|price\s*/\s*(?:kgs?|mt|pcs?|ea)",  # (invoices32) 'Price/kg'
    # a currency column ('Curr.' with EUR on every line): it gives the currency, not a field
    "currency": r"curr(?:ency)?|cur|ccy|w[äa]hrung|devise|moneda|valuta|divisa",
    "amount": r"amount|total|line\s*total|(?:item\s+)?sub\s*total|net"
    r"|total\s+(?:value|amount|price)|sub\s*total\s+value|jumlah"
    r"|ext(?:ended)?\s*(?:price|amount|total|value)|extended|extension"
    r"|value|betrag|gesamtpreis|gesamt|gp|v(?:r|lr)\s*total"
    r"|montant(?:\s+ht)?|total\s+ht|prix\s+total(?:\s+ht)?|importe|importo|totale|bedrag|gesamtwert"
    r"|(?:totaal|total|bedrag|betrag|summe)\s+(?:excl|exkl)\.?\s*(?:btw|vat|tax|mwst|ust)\.?"
    r"|wartość(?:\s+netto)?|mal\s*(?:/\s*)?hizmet\s+tutarı|tutar[ıi]?|valor(?:\s+total|\s+(?:de\s+)?venta)?|monto"
    r"|belopp|bel[øo][pb]|celkem(?:\s+bez\s+dph)?|nett[óo]\s+[ée]rt[ée]k|valoare(?:a)?|αξ[ίι]α"
    r"|сумма|сума|сума\s+без\s+пдв|сомасы|th[àa]nh\s+tiền"
    r"|iznos(?:\s+bez\s+pdv)?|износ(?:\s+без\s+пдв)?|vrednost|вредност|стойност|нийт\s+үнэ"
    r"|suma|summa|spolu(?:\s+bez\s+dph)?|sum"
    r"|vlera(?:\s+pa\s+tvsh)?|upph[æa][ðd]|m[əe]bl[əe]ği|(?:yetkazib\s+berish\s+)?qiymati"
    r"|ammont|jumla|halaga|кошт(?:\s+без\s+пдв)?|суммасы|import|swm"
    r"|ext"  # (session 29) 'Ext.' alone, the extension ('Ext. T$')
    r"|wadarta"  # Somali
    r"|montante"  # (reviewi14) Tetum, Portuguese
    r"|upph[æa]dd"  # Faroese (Icelandic's 'upphæð')
    r"|yhteens[äa]|rivisumma"  # (invoices32) Finnish
    r"|zwischensumme",  # (invoices32) German (Amazon's lines' 'Zwischensumme (ohne USt.)')
    # 'Wert': the line's value when no other column is the amount, else another value
    # ('Preis | Wert | Gesamtwert', 'Gesamt | Wert'): two amount columns' figures read as one
    "value": r"wert",
    # a line's amount before tax named so ('Taxable Value' in India's GST tables, 'Net
    # Amount'): the line amount, whatever other amount column the table has ('Total' after
    # the line's CGST and SGST is its gross)
    "net": r"net\s+(?:amount|value|amt)|taxable\s+(?:value|amount|amt|val)"
    r"|assessable\s+(?:value|amount)|(?:cena\s+)?bez\s+dph"
    # Pakistan's sales tax invoices: 'Value Excl. Sales Tax' before 'Value Incl. Sales Tax'
    r"|value\s+excl(?:\.|uding)?\s*(?:sales\s+tax|vat|tax|gst|st)",
    # a line's amount with its tax beside the net one ('Wartość brutto' after 'Wartość netto'):
    # the line amount is the net one; a total row gives the invoice total under it
    "gross": r"gross(?:\s+(?:amount|value))?|(?:amount|total)\s+incl\.?\s*(?:vat|tax|gst)"
    r"|brutto(?:betrag|wert|preis)?|(?:gesamt|wartość|suma)\s+brutto|montant\s+ttc|ttc"
    r"|bruto|lordo|importo\s+lordo|brutt[óo](?:\s+[ée]rt[ée]k)?|celkem\s+s\s+dph"
    r"|value\s+incl(?:\.|uding)?\s*(?:sales\s+tax|vat|tax|gst)",
    # a line's tax, its rate or amount ('VAT Amount', 'KDV Tutarı', 'Kwota VAT'): not the amount
    "tax": r"(?:vat|tax|gst|[csi]gst|utgst|mwst|ust|tva|iva|btw|kdv|moms|mva|dph|pdv|[áa]fa"
    r"|φ\s*π\s*α|пдв|ддс|нөат)\s*(?:%|rate|amount|amt|betrag|montant"
    r"|importe|importo|bedrag|tutar[ıi]|oran[ıi]|satz|[ée]rt[ée]k)?|kwota\s+vat|(?:stawka|taux)\s+\w+"
    r"|valoarea\s+tva|sales\s+tax(?:\s*@?\s*\d+(?:[.,]\d+)?\s*%)?",
}
# OCR drops spaces between a header's words ('NetAmount', 'UnitPrice') as in labels.
_HEADERS = {name: pattern.replace(r"\s+", r"\s*") for name, pattern in TABLE_HEADERS.items()}
# A word heading a table's column ('Quantity', 'Unit price', 'Description'), as printed.
_COLUMN_WORD = re.compile("(?:" + "|".join(TABLE_HEADERS.values()) + r")\.?", re.I)
_DESCRIPTIONS = ("description", "item")


# The rest of an amount's label that captions another total: 'Total packages:', 'Total gross
# weight:' (words, then a colon and their value): a count or a weight, and no amount; the
# amount column of its line (a subtotal's beside it) is not its value either.
_OTHER_TOTAL = re.compile(r"[^\W\d_]{3,}(?:\s+[^\W\d_]+){0,3}\s*:\s*\S")


# Words of a count or a weight after an amount's label ('Total in pieces:', 'Total net weight',
# 'Total number of packages'): the label captions that, not an amount.
_MEASURE = re.compile(
    r"(?<![^\W\d_])(?:pieces|pcs|packages|pkgs|cartons|ctns|cases|pallets|units|quantity|qty"
    r"|weight|kgs?|lbs|volume|cbm|boxes|bags|rolls|pairs|number\s+of"
    # the same in the other languages the labels speak ('Total colis :', 'Totale colli:')
    r"|colis|colli|kolli|bultos|cajas|pi[èe]ces|piezas|pezzi|st[üu]ck|packst[üu]cke?"
    r"|gewicht|poids|peso)(?![^\W\d_])",
    re.I,
)


# A port's name where a party's would stand ('FROM' over 'Shanghai Port' or 'Port of Ningbo' in
# a box; not 'Harbour Marine Supplies', a name that starts with the word).
_PORT = re.compile(
    r"\s*(?:(?:port|puerto|porto)\s+(?:of|de|di)\s+\S.*|\S.*\s(?:port|harbou?r|hafen))\s*", re.I
)


# What follows a party word when the run is a reference, not a name: 'Customer No.: 10882'.
_REFERENCE = re.compile(
    r"(?:no|nr|n[°º]|number|num[ée]ro|nummer|#|id|code|ref|reference|account|acct|vat|tax"
    r"|p\.?\s*o|order)\b"
    r"|.*:",
    re.I,
)


# (session 27) the years an invoice's issue date may have: a code read as a date ('SET 12
# 1500', a set's number after Portuguese and Italian 'set', September) is none. From the Unix
# epoch (no digital invoice is older) to the end of the century.
ISSUE_YEARS = range(1970, 2100)


def _issue_date(found: str | None) -> str | None:
    return found if found is not None and int(found[:4]) in ISSUE_YEARS else None


def _date_in(
    text: str, day_first: bool | None, languages: frozenset[str] = frozenset()
) -> str | None:
    """The issue date a value is or holds ('HB-26-0457 DEC. 3, 2026' after 'No. & date'): the
    whole value, else its longest run of words (up to five) that is a date, in a year an
    invoice may have (ISSUE_YEARS)."""
    if (
        whole := _issue_date(parse_date(text[:80], day_first=day_first, languages=languages))
    ) is not None:
        return whole  # (a date of more words: 'ngày 12 tháng 04 năm 2026')
    words = text.split()
    for size in range(min(len(words), 5), 0, -1):
        for start in range(len(words) - size + 1):
            found = parse_date(
                " ".join(words[start : start + size]), day_first=day_first, languages=languages
            )
            if _issue_date(found) is not None:
                return found
    return None


def _footer_head(text: str) -> str:
    r"""A footer line's first part, before ' · ', ' | ' or ' • ' ('(?<!\s)': a split that
    opened on a run of spaces tried again from each of its spaces, quadratic)."""
    return re.split(r"(?<!\s)\s+[·|•]\s+", text)[0]


def _date_after(number: str, text: str) -> re.Match[str] | None:
    r"""The words after an invoice number and a word for 'of' or 'dated' ('145/2026 del
    03/12/2026'), in group 1. ('(?:\s*,)?\s+', not '\s*,?\s+': the two runs of spaces shared
    one, tried every way, quadratic in it.)"""
    return re.search(
        re.escape(number) + r"(?:\s*,)?\s+(?:[^\W\d_]+\s*/\s*)?"  # 'vid / dated': a translation
        r"(?:del|dell'|vom|du|of|dated|de|z\s+dnia|from|от|від)\s+(.+)$",
        text,
        re.I,
    )


def _vat_after(text: str) -> str | None:
    """A VAT id whose label stands after another detail on an address line ('IČ: 25412345
    DIČ / VAT No.: CZ25412345', 'Tel. 0352 … VAT No. GB 123 4567 89'): the label starts a word
    and is followed by an id (:func:`vat_id`)."""
    for match in re.finditer(r"(?<=\s)(?=\S)", text):
        # (a label and its id fit in 200 characters: each word's label_matches read the rest
        # of the line, quadratic in a long one)
        found = label_matches(text[match.start() : match.start() + 200]).get("vat")
        if found is not None and (value := vat_id(found.rest)) is not None:
            return value
    return None


_INN_KPP = re.compile(r"\s*(\d{10}|\d{12})\s*/\s*\d{9}(?![\d/])")


def vat_id(text: str) -> str | None:
    """A VAT or tax id from the text after its label, spaces, dots and dashes removed: the id's
    words up to the next label's or a separator ('GB 287 6543 21 Company Reg No.', '01234567890
    - REA MB-1234567'); None unless it looks like one (8-15 letters and digits, at least six
    digits, an optional country prefix), so a label's run that goes on with other details
    gives no id rather than a wrong one. One word of 18 is an id too: China's unified social
    credit code ('Tax ID: 91310000MA1FL0XX1X'), printed as one word, so no run that goes on."""
    # Russia's ИНН/КПП pair ('7701234567/770101001'): the ИНН (10 or 12 digits; the КПП, 9,
    # is a branch's registration code)
    pair = _INN_KPP.match(text)
    if pair is not None:
        return pair[1]
    words = text.replace("\u00a0", " ").split()
    if words and re.fullmatch(r"\d{2}[0-9A-Z]{16}", words[0].rstrip(".,;")):
        return words[0].rstrip(".,;")
    # (a word with a letter other than a Latin capital is the next detail's: 'КПП', 'Tel')
    end = next(
        (
            i
            for i, w in enumerate(words)
            if re.search(r"[^\W\d_A-Z]", w)
            or re.fullmatch(r"\W+", w)
            # (invoices30) capitals and a colon: the next register's label ('000456789-0103
            # ERC: RA-0123456', Bangladesh's BIN before its export registration)
            or (i > 0 and re.fullmatch(r"[A-Z]{2,6}\.?:", w))
            # (invoices34) or its colon apart, French style ('40318875 ICE : 0015…')
            or (i > 0 and re.fullmatch(r"[A-Z]{2,6}\.?", w) and words[i + 1 : i + 2] == [":"])
        ),
        None,
    )
    head = words[:end]
    # a comma ends the id: 'ИНН 6318123456, КПП 631801001'
    comma = next((i for i, w in enumerate(head) if w.endswith((",", ";"))), None)
    if comma is not None:
        head = head[: comma + 1]
    # (session 32, invoices28, reviewi17) a capital and five or six digits as one word, alone
    # or before the next register's label in capitals: French Polynesia's N° TAHITI ('D45871',
    # 'D45871 RC 12 458 B', 'D458712 RCS Papeete'): the id alone, not glued to the register's
    # number by the 8-15 rule below
    first = head[0].rstrip(".,;") if head else ""
    if re.fullmatch(r"[A-Z]\d{5,6}", first) and (
        len(head) == 1 or re.fullmatch(r"[A-Z]{2,5}", head[1])
    ):
        return first
    value = re.sub(r"[\s.\-/,;]", "", "".join(head))
    if re.fullmatch(r"\d{9}MVA", value):  # 'Org.nr 912 345 678 MVA': Norway's VAT id is NO…MVA
        value = f"NO{value}"
    if re.fullmatch(r"(?:[A-Z]{2,3})?[0-9A-Z]{8,15}", value) and (
        sum(c.isdigit() for c in value) >= 6
    ):
        return value
    # (session 30) a country's ISO code and five to seven digits: San Marino's COE ('SM
    # 21458'); the code marks the id as the 8-15 rule's prefix does, so the run may go on
    # (invoices27) not a prefix of VAT ids of eight or more characters (the EU's, the UK's,
    # Norway's: 'DE 12345 Tel.' is a postcode's digits, no German VAT id)
    prefixed = re.fullmatch(r"([A-Z]{2})(\d{5,7})", value)
    if (
        prefixed is not None
        and len(head) <= 2
        and is_country(prefixed[1])
        and not re.fullmatch(_VAT_PREFIXES, prefixed[1])
    ):
        return value
    # (session 29) three capitals and five digits as one word: Bhutan's TPN ('DAA12345')
    if len(head) == 1 and re.fullmatch(r"[A-Z]{3}\d{5}", value):
        return value
    # (session 28) a short number of digits alone after its label, the run ending with it:
    # Liechtenstein's MWST numbers have five or six digits ('MWST-Nr. 51234'), as do other
    # small registers; a label's run that goes on ('… 51234 Tel. …') still gives none
    if re.fullmatch(r"\d{5,7}", value) and re.fullmatch(r"\s*:?\s*\d[\d\s.]*\d\s*", text):
        return value
    return None


def _name_then_id(text: str) -> tuple[str, str] | None:
    """A party's name with its tax id after a comma on the same line ('ООО "Вектор", ИНН
    7701234567, КПП 770101001,', 'Acme Ltd, VAT No. GB 123 4567 89'): the name and the id,
    or None when no labelled id follows a comma."""
    for comma in re.finditer(r",\s*", text):
        head = text[: comma.start()].strip()
        found = label_matches(text[comma.end() : comma.end() + 200]).get("vat")
        if head and found is not None and (value := vat_id(found.rest)) is not None:
            return head, value
    return None


_SERIES_CODE = re.compile(r"[^\W\d_]{1,4}(?:-[^\W\d_]{1,2})?")
_SERIES_SLASH = re.compile(r"[^\W\d_]{1,2}/\d")
# (invoices36) a number whose first part starts with a series' letter ('A2026/55')
_LETTERED_NUMBER = re.compile(r"[A-Z]\d+[/-]\d+[.,;:]?")


# (session 32, reviewi17) a pro forma's number's label ('Proforma N°', 'Facture proforma n°',
# 'Proforma Invoice No.', 'P/I No.', 'Proforma-Rechnung Nr.')
_PRO_FORMA_LABEL = re.compile(r"\s*(?:facture\s+)?(?:pro-?\s*forma|p/?i\s*(?:no\b|#))", re.I)

# (review i18) Labels that name the invoice's field only where the page prints no label of the
# invoice's own: accounting software's generic 'Document No.' and 'Posting Date' (SAP Business
# One's own; on another program's page a reference document's, a delivery's or an order's,
# beside 'Invoice No.' / 'Invoice Date') and a marketplace's 'Order total' (an order invoiced in
# parts prints the order's total over the invoice's own)
_GENERIC_LABELS: dict[str, re.Pattern[str]] = {
    "invoice_number": re.compile(r"\s*document\s*(?:no|number)\b", re.I),
    # (invoices31) a courier's commercial invoice form prints one date, its 'DATE OF
    # EXPORTATION' box: the form's date where no label of the invoice's own date stands
    "issue_date": re.compile(r"\s*(?:posting\s+date|date\s+of\s+exportation)\b", re.I),
    "grand_total": re.compile(r"\s*order\s+total\b", re.I),
}


def _generic(label: Word, key: str) -> bool:
    """Whether ``label`` is only a generic label of ``key`` (_GENERIC_LABELS)."""
    pattern = _GENERIC_LABELS.get(key)
    return pattern is not None and pattern.match(label.text) is not None


def _invoice_number(text: str) -> str | None:
    """The first word of the value, when it has a digit (a label's text has none), with a
    series code of capitals before it ('FT 2026/1187', Portugal's series and number)."""
    words = text.split()
    # (a series in any script's capitals: Greece's 'Β 1532'; (session 30) a series of two
    # parts, Nicaragua's 'ESC-A 004817')
    series = bool(words) and _SERIES_CODE.fullmatch(words[0]) is not None and words[0].isupper()
    # the number after the series, or (session 30) Portugal's series letter, a slash and the
    # number ('FT A/2026/193': document type FT, series A)
    # (invoices36) or a number whose first part starts with the series' letter after a code of
    # two or three capitals ('FT A2026/55')
    lettered = (
        len(words) > 1
        and re.fullmatch(r"[A-Z]{2,3}", words[0]) is not None
        and _LETTERED_NUMBER.fullmatch(words[1]) is not None
    )
    if (
        len(words) > 1
        and series
        and (words[1][0].isdigit() or _SERIES_SLASH.match(words[1]) or lettered)
    ):
        # a series code, not a word for 'number' repeated after the label ('NO 4711')
        if re.fullmatch(r"NO|NR|N|NUM|NBR|NO\.?", words[0]):
            words = words[1:]
        else:
            words = [f"{words[0]} {words[1]}", *words[2:]]
    if not words or not re.search(r"\d", words[0]):
        return None
    return words[0].rstrip(".,;:")  # 'HB-26-0457.': OCR reads a speck as a full stop


_TYPES = (
    (re.compile(r"credit\s*note|credit\s*memo|gutschrift|\bavoir\b|nota\s+de\s+cr[ée]dito"
                r"|faktura\s+korygująca"
                r"|note\s+de\s+cr[ée]dit"
                r"|nota\s+di\s+credito|creditnota|factura\s+rectificativa|kreditnota"
                r"|kreditfaktura|dobropis|opravn[ýy]\s+da[ňn]ov[ýy]\s+doklad"
                r"|jóváíró\s+számla|πιστωτικ[όο]"
                # (review i10) Bulgaria's 'Кредитно известие към фактура №': a credit note
                # that names the invoice it credits, before 'фактура' makes it one
                r"|кредитно\s+известие", re.I), "381"),
    (re.compile(r"debit\s*note|nota\s+de\s+d[ée]bito|note\s+de\s+d[ée]bit"
                r"|дебитно\s+известие", re.I), "383"),
    (re.compile(r"pro-?\s*forma|про-?\s*форма", re.I), "325"),
    (re.compile(r"invoice|rechnung|factur[aeă]|fattura|factuur|faktura|fatura|sz[áa]mla"
                r"|τιμολ[όο]γιο|\blasku\b|\bfaktur\b"
                r"|nota\s+fiscal|\bdanfe\b"
                # Russia's and Ukraine's 'Счет', 'Рахунок', Kazakhstan's 'Шот-фактура',
                # Vietnam's 'Hóa đơn'
                r"|\bсч[её]т(?:[\s-]*фактура)?\b|\bрахун(?:ок|ку)\b|\bшот[\s-]*фактура"
                r"|\bh[óo]a\s+đơn\b"
                r"|\bвидаткова\s+накладна\b"  # (invoices34) Ukraine's (batch 18's truth: 380)
                # Slovakia's 'Faktúra', Lithuania's 'PVM sąskaita faktūra', Latvia's 'Rēķins',
                # Estonia's 'Arve', Slovenia's and Croatia's 'Račun' (a title's first word: a
                # 'žiro račun' is a bank account)
                r"|fakt[úu]ra|s[ąa]skaita[\s-]+fakt[ūu]ra|\brēķins\b|^\s*arve\b"
                r"|^\s*ra[čc]un\b"
                # (session 25) Macedonia's and Bulgaria's 'Фактура', Belarus's 'Рахунак',
                # Kyrgyzstan's 'Эсеп-фактура', Albania's 'Faturë', Iceland's 'Reikningur',
                # Swahili 'Ankara', Filipino 'Paktura', Welsh 'Anfoneb'
                r"|\bфактура\b|\bрахунак\b|\bэсеп[\s-]+фактура|\bfatur[ëe]\b"
                r"|\breikningur\b|^\s*ankara\s+ya\b|\bpaktura\b|\banfoneb\b"
                r"|^\s*qaansheeg\b"  # (session 29) Somali
                r"|\binvois\b"  # (invoices32) Malay
                # (invoices32) a shop's 'Order receipt', the sale's document (review i19's and
                # batch 44's truths: 380)
                r"|\border\s+receipt\b",
                re.I), "380"),  # (nota fiscal, danfe: Brazil's NF-e, NFS-e)
)  # fmt: skip
# A ticked box before a document type on a form that offers several ('☐ Proforma ☒ Commercial'
# under 'COMMERCIAL / PROFORMA INVOICE'): the type the issuer chose.
# (invoices30) a number printed in the title's run after its type word ('Invoice
# INV/2026/00418'): one word with a digit and a letter or a separator ('/', '-')
# (invoices35) or a document series' code of two or three capitals before it, as Portugal's
# faturas print it ('FATURA FT 2026A/55'); not 'NO'/'NR' (a number's word)
_TITLE_NUMBER = re.compile(
    r"(?:(?!N[OR]\s)[A-Z]{2,3}\s+(?=\S*[/-]))?(?=\S*\d)(?=\S*[^\W\d_/-]|\S*[/-])[\w][\w/-]{3,}"
)
# (invoices36) the rest of a hyphenated title word after its type's ('-RECIBO' of 'FATURA-RECIBO')
_HYPHENATED = re.compile(r"(?:-[^\W\d_]+)+(?=\s|$)")
# (review i18) a period billed, printed in a title where a number could stand ('INVOICE
# Q4-2026', 'Invoice 2026-H2', 'Invoice December-2026', 'Invoice Dec-2026'): no number
_QUARTER = re.compile(r"(?:[QH]\d[-/]?\d{4}|\d{4}[-/]?[QH]\d)", re.I)


def _period(text: str) -> bool:
    """Whether ``text`` names a period, not a document: a quarter or half of a year, or a
    month's name and its year (any language parse_date reads)."""
    if _QUARTER.fullmatch(text):
        return True
    if not re.search(r"[^\W\d_]{3}", text):
        return False  # '12/2026': the twelfth number of the year as well as December
    found = parse_date("1 " + re.sub(r"[-/.]", " ", text), day_first=True)
    return found is not None and 1990 <= int(found[:4]) <= 2099


# 'No.' in a second language after the first's ('Nº / No.:', 'Nr / No.')
# (invoices32) a title's second line in its box: one to three words in capitals, no digit
# ('ELECTRÓNICA', 'DE EXPORTACIÓN ELECTRÓNICA')
_TITLE_TAIL = re.compile(r"[^\W\d_a-zß-ÿ]{3,}(?:\s+[^\W\d_a-zß-ÿ]{2,}){0,2}")
# (invoices32) a series' caption with or without its value ('Serie:', 'Prefijo: FEMD', 'Punto
# de Venta: 00004'), and a number's bare caption after it ('Número:', 'Comp. Nro:', 'Nº:')
_SERIES_CAPTION = re.compile(
    r"\s*(?:serie|prefijo|punto\s+de\s+venta|pto\.?\s*(?:de\s+)?vta\.?"
    # (invoices34) Romania's 'Seria:' (not Vietnam's 'Ký hiệu:': batches 17, 18 and 21 hold
    # the number alone, an open conflict with batch 48, docs/documents.md)
    r"|seria)"
    r"\s*:\s*(?P<value>\S+)?\s*",
    re.I,
)
_BARE_NUMBER_CAPTION = re.compile(
    r"\s*(?:comp(?:robante)?\.?\s*)?(?:n[úu]mero|nro|n[°º]|no|nr)\.?\s*:\s*(?P<value>\S+)?\s*",
    re.I,
)
# (invoices32) a number's bare caption, its translation after a slash, its value perhaps on
# the run ('Nº:', 'No.', 'Nº / No.:', 'N° FR 2026A1/87')
# ('Broj / No.:', Serbian, Croatian and Bosnian 'broj' with its English)
_BARE_NO = re.compile(
    r"\s*(?:n[°º]|no|nr|broj|број)\.?(?:\s*/\s*(?:n[°º]|no|nr)\.?)?(?:\s*:\s*|\s+|$)"
    r"(?P<value>\S.*)?",
    re.I,
)
# (invoices32) a title naming a debit note and an invoice as one document, a slash between
_DEBIT_OR_INVOICE = re.compile(
    r"debit\s*note\s*/\s*(?:tax\s+|commercial\s+)?invoice|invoice\s*/\s*debit\s*note", re.I
)
# (invoices32) a shop's order number's caption ('Order #', 'Order', 'Order no.', 'Order number'),
# its value perhaps on the run ('Order #LW10388')
_ORDER_NUMBER = re.compile(
    r"\s*order(?:\s*(?:no\.?|number|#))?\s*:?(?:\s*(?P<value>#?\s*[\w-]*\d[\w/-]*))?\s*", re.I
)
_SECOND_NO = re.compile(r"/\s*(?:no|nr|n[°º]|#)\.?\s*:?", re.I)
_TICKED = re.compile(r"(?:[☒☑✔✓]|\[\s*[xX✓✔]\s*\])\s*(?P<type>[^\W\d_][\w-]*(?:\s+[^\W\d_]+)?)")


class _Reader:
    def __init__(self, page: Page, result: Extraction) -> None:
        self.page = page
        self.result = result
        self.h = line_height(page.runs or page.words)
        self.confidence = 0.95 if page.source == "text" else 1.0
        self.ordered = sorted(page.runs, key=lambda r: (r.top, r.x0))
        # Currency signs or codes printed with the amounts read, and where.
        self.signs: list[tuple[str, Word]] = []
        texts = [r.text for r in page.runs]
        languages: set[str] = set()
        for run in page.runs:  # languages whose labels (not shared with English) are used
            for match in label_matches(run.text).values():
                if "en" not in match.languages:
                    languages |= match.languages
        self.languages = frozenset(languages)
        # The page's decimal mark: shown by its numbers, else its labels' language.
        mark = decimal_mark_of(texts)
        if mark is None and page.runs:
            mark = "," if languages else "."
        self.mark = mark
        self._header_runs: list[Word] | None = None  # the line-item table's header row
        self._header_parts_of: dict[int, list[Word]] = {}  # a two-line cell's runs
        self._table: tuple[list[tuple[str, float, float]], float] | None = None
        self.header_unit: tuple[str, Word] | None = None  # the unit a quantity header gives
        self.party_labels: dict[str, Word] = {}  # a party's label whose block was read

    def put(self, name: str, value: str | None, *words: Word, confidence: float = 1.0) -> None:
        if value is None or getattr(self.result, name) is not None:
            return
        setattr(self.result, name, value)
        conf = min(w.confidence for w in words) if words else 0.5
        self.result.evidence[name] = Evidence(
            source=self.page.source,
            page=self.page.number,
            box=self.page.box(*words) if words else None,
            confidence=round(min(conf, self.confidence, confidence), 3),
        )

    def money(self, text: str) -> str | None:
        return money(text, self.mark)

    def right_of(self, run: Word) -> Word | None:
        """The nearest run to the right on the same line."""
        # OCR boxes are padded: a value's box may start a little inside its label's.
        overlap = self.h * 0.5 if self.page.source == "ocr" else 1
        candidates = [
            r for r in self.page.runs
            if r is not run and r.x0 >= run.x1 - overlap
            and abs(r.middle - run.middle) < self.h * 0.6
        ]  # fmt: skip
        return min(candidates, key=lambda r: r.x0) if candidates else None

    def nearest_over(self, run: Word, column: Word | None = None) -> Word | None:
        """The run on the line right over ``run`` (at most 1.6 line heights up) that overlaps
        ``column`` (``run`` itself by default) across, the lowest of them; None when none."""
        across = column or run
        over = [
            r for r in self.page.runs
            if r is not run and r.top < run.top - self.h * 0.5
            and run.top - r.bottom < self.h * 1.6 and r.x0 < across.x1 and across.x0 < r.x1
        ]  # fmt: skip
        return max(over, key=lambda r: r.bottom, default=None)

    def caption_over(self, run: Word) -> Word | None:
        """The run printed right over ``run`` and overlapping it, when it is no title: a caption
        known or not ('Ship To:', 'Notify party', 'Ein Unternehmen der'), or the line before
        it in a block. A window's address or an issuer's block starts with its name; another
        field's label over it ('Issue Date:' with its date, Japan's issuer under the invoice's
        details) is none."""
        nearest = self.nearest_over(run)
        if (
            nearest is None
            or self.title_type(nearest) is not None
            or set(label_matches(nearest.text)) - set(PARTY_KEYS)
        ):
            return None
        return nearest

    def below(
        self, run: Word, limit: int, *, centred: bool = False, gap: float | None = None
    ) -> list[Word]:
        """Runs stacked under ``run`` (same left edge, or with ``centred`` the same centre),
        closest first, up to ``limit``; ``gap`` the widest space allowed under ``run`` itself
        (1.6 lines, as between the lines of the stack, unless given)."""
        stack: list[Word] = []
        last = run
        for _ in range(limit):
            room = gap if gap is not None and last is run else self.h * 1.6
            candidates = [
                r for r in self.page.runs
                if r.top > last.top + self.h * 0.5 and r.top - last.bottom < room
                and (self.centred_under(r, run) if centred
                     else abs(r.x0 - run.x0) < self.h * 1.5)
            ]  # fmt: skip
            if not candidates:
                break
            last = min(candidates, key=lambda r: (r.top, r.x0))
            stack.append(last)
        return stack

    def centred_under(self, line: Word, run: Word) -> bool:
        """Whether ``line`` is centred under ``run``: its own centre, or (invoices30) the
        centre of the runs it is printed with on its line, a few spaces apart ('BIN:
        000456789-0103    ERC: RA-0123456' centred under a letterhead: two runs, the line
        centred, neither run)."""
        if abs(line.x0 + line.x1 - run.x0 - run.x1) < self.h * 3:
            return True
        row = sorted(
            (r for r in self.page.runs if abs(r.top - line.top) < self.h * 0.5), key=lambda r: r.x0
        )
        at = row.index(line) if line in row else -1
        if at < 0:
            return False
        left = right = at
        while left > 0 and row[left].x0 - row[left - 1].x1 < self.h * 4:
            left -= 1
        while right < len(row) - 1 and row[right + 1].x0 - row[right].x1 < self.h * 4:
            right += 1
        if left == right:
            return False
        return abs(row[left].x0 + row[right].x1 - run.x0 - run.x1) < self.h * 3

    def values_of(
        self, key: str, rivals: tuple[str, ...] = (), *, along: bool = False
    ) -> Iterator[tuple[str, Word]]:
        """Candidate values of a labelled field, in page order: the rest of the label's run,
        the run to its right, the run under it (neither being a label itself), and with
        ``along`` the further runs of the label's line (a table's total row: 'TOTAL:', the
        total quantity, then the amount). A currency code ending the label ('Total CHF',
        'Amount (EUR)') goes with the value."""
        for _, text, run in self.labelled_values(key, rivals, along=along):
            yield text, run

    def labelled_values(
        self, key: str, rivals: tuple[str, ...] = (), *, along: bool = False
    ) -> Iterator[tuple[Word, str, Word]]:
        """values_of with the label's run: (label run, candidate text, the run it is in)."""
        header = self.table_header_runs()
        for run in self.ordered:
            rest = _label(run, key, rivals)
            if rest is None or any(run is h for h in header):  # 'Total' heading a column
                continue
            if (
                key in AMOUNT_KEYS
                and _OTHER_TOTAL.match(rest)
                and not any(currency_code(word) for word in rest.partition(":")[0].split())
            ):  # (not 'Total EUR: 1,234.00': an amount's currency)
                continue  # 'Total packages: 2,640 cartons', 'Total net weight: 63,500 lbs'
            if key in AMOUNT_KEYS and _MEASURE.search(re.split(r"[:\d]", rest)[0]):
                continue  # 'Total in pieces:' or 'Total net weight:' with the count beside it
            # 'Total CHF', 'Amount (EUR)', 'Total in USD:', 'Total (in EUR)'
            code = re.fullmatch(r"\(?\s*(?:in\s+)?([A-Z]{3})\s*\)?\s*:?", rest) or re.fullmatch(
                r"(?:[^\W\d_]+\s){1,3}\(\s*([A-Z]{3})\s*\)\s*:?", rest[:60]
            )  # ('Please Pay This Amount (USD)': the words of the label, then its code)
            suffix = ""
            if code and currency_code(code[1]) and key != "currency":
                # (the currency's own label: 'Currency: VND' gives its value, no suffix)
                rest, suffix = "", f" {code[1]}"
            if rest:
                yield run, rest, run
            column = self.in_amount_column(run, key) if along else None
            if column is not None:
                yield run, column.text + suffix, column
            neighbour = nearest = self.right_of(run)
            beside = neighbour is not None and not _is_bare_label(neighbour)
            if neighbour is not None and beside:
                # (invoices34) the label's colon printed before its value, apart from the
                # label ('No. Faktur   : SPN/FJ/2612/0419', Indonesia's and Malaysia's forms)
                yield run, re.sub(r"^\s*:\s+(?=\S)", "", neighbour.text) + suffix, neighbour
                while along and (neighbour := self.right_of(neighbour)) is not None:
                    if _is_label(neighbour):
                        break
                    yield run, neighbour.text + suffix, neighbour
            if not rest and not (key in AMOUNT_KEYS and _WEIGHT_CAPTION.fullmatch(run.text)):
                under = self.below(run, 1)  # the value printed under its label
                if under and key in AMOUNT_KEYS and self.heads_a_column(under[0]):
                    under = []  # 'Wartość brutto' over a column of lines' amounts: a header
                if under and not _is_bare_label(under[0]) and not (beside and _captioned(under[0])):
                    yield run, under[0].text + suffix, under[0]
                    # and the rest of that line under the label ('HB-26-0457  DEC. 3, 2026')
                    line = [
                        r for r in self.page.runs
                        if abs(r.middle - under[0].middle) < self.h * 0.6
                        and under[0].x1 <= r.x0 < max(run.x1, under[0].x1) + self.h * 6
                    ]  # fmt: skip
                    if line:
                        words = [under[0], *sorted(line, key=lambda r: r.x0)]
                        yield run, " ".join(w.text for w in words) + suffix, line[-1]
                elif (cell := self.under_in_cell(run, nearest)) is not None and not (
                    key in AMOUNT_KEYS and self.heads_a_column(cell)
                ):
                    yield run, cell.text + suffix, cell

    def heads_a_column(self, value: Word) -> bool:
        """Whether an amount under a label is the first of a column of amounts (a table's
        lines under its header), not a total's one value under its caption."""
        if self.money(value.text) is None:
            return False
        return any(
            r is not value
            and value.bottom - self.h * 0.3 < r.top < value.bottom + self.h * 1.6
            and min(r.x1, value.x1) - max(r.x0, value.x0) > 0
            and not _is_label(r)
            and self.money(r.text) is not None
            for r in self.page.runs
        )

    def under_in_cell(self, label: Word, neighbour: Word | None) -> Word | None:
        """A value under its label but not at its left edge: a row of boxes, each a label with
        its value right-aligned under it ('Imponibile | Aliquota IVA | Imposta | Totale
        documento' over their amounts). The nearest run on the next line that lies within the
        label's cell, from the label's left edge to the next run of the label's line."""
        limit = neighbour.x0 if neighbour is not None else self.page.width
        candidates = [
            r for r in self.page.runs
            if r.top > label.top + self.h * 0.5 and r.top - label.bottom < self.h * 1.6
            and r.x0 >= label.x0 - self.h * 0.5 and r.x1 <= limit
        ]  # fmt: skip
        if not candidates:
            return None
        # the next line's leftmost run in the cell (OCR's boxes on one line differ in top)
        top = min(r.top for r in candidates)
        cell = min((r for r in candidates if r.top - top < self.h * 0.5), key=lambda r: r.x0)
        return None if _captioned(cell) or _is_bare_label(cell) else cell

    def with_series(self, number: str, run: Word) -> tuple[str, Word]:
        """A number labelled 'Folio' with its series apart ('Serie: A' over 'Folio: 1187', a
        Mexican CFDI's): both, joined by a space ('A 1187'), as a series and number printed
        together are read; the number alone otherwise."""
        folios = [
            r for r in self.ordered
            if _FOLIO.match(r.text) and (r is run or (self.right_of(r) is run))
        ]  # fmt: skip
        if not folios:
            return number, run

        def near(label: Word) -> bool:
            # the series beside the folio on its line, or stacked over or under it at its left
            # edge: not a 'Serie: 88A1' (a serial number) in a line's description (review i9)
            return any(
                abs(label.middle - f.middle) < self.h * 0.5
                or (abs(label.x0 - f.x0) < self.h and abs(label.top - f.top) < self.h * 2.5)
                for f in folios
            )

        for label in self.ordered:
            match = _SERIES.match(label.text)
            if match is None or not near(label):
                continue
            series = match["series"] or ((beside := self.right_of(label)) and beside.text.strip())
            if series and re.fullmatch(r"[A-Za-z0-9]{1,5}", series) and series != number:
                if not number.startswith(series):
                    return f"{series} {number}", run
        return number, run

    def preferred(
        self, key: str, parse: Callable[[str], str | None],
        accept: Callable[[Word], bool] = lambda label: True,
    ) -> tuple[str, Word] | None:  # fmt: skip
        """The first value of ``key`` that ``parse`` reads, under an accepted label; a generic
        label's (_GENERIC_LABELS: 'Document No.', 'Posting Date') only when no other label of
        the key gives one."""
        weak: tuple[str, Word] | None = None
        for label, text, run in self.labelled_values(key):
            if not accept(label) or (value := parse(text)) is None:
                continue
            if not _generic(label, key):
                return value, run
            weak = weak or (value, run)
        return weak

    def first(
        self, key: str, parse: Callable[[str], str | None], rivals: tuple[str, ...] = ()
    ) -> tuple[str, Word] | None:
        for text, run in self.values_of(key, rivals):
            value = parse(text)
            if value is not None:
                return value, run
        return None

    def table_header_runs(self) -> list[Word]:
        if self._header_runs is None:
            self._header_runs = []
            self._table = self._table_header()
        return self._header_runs

    def in_amount_column(self, label: Word, key: str = "grand_total") -> Word | None:
        """On a total row of the item table ('TOTAL:', the total quantity, the amount), the
        run of the label's line that stands under the table's amount header; for the invoice
        total or amount due under its gross amount's header when it has one ('Razem:' under
        'Wartość netto', 'Kwota VAT', 'Wartość brutto')."""
        self.table_header_runs()
        if self._table is None or label.top < self._table[1]:
            return None
        gross = key in ("grand_total", "due_payable") and _gross_after_tax(self._table[0])
        wanted = "gross" if gross else "amount"
        spans = [(x0, x1) for name, x0, x1 in self._table[0] if name == wanted]
        if not spans:
            return None
        x0, x1 = spans[-1]
        line = [
            r for r in self.page.runs
            if r.x0 > label.x1 and abs(r.middle - label.middle) < self.h * 0.6
            and min(r.x1, x1 + self.h) - max(r.x0, x0 - self.h) > 0
        ]  # fmt: skip
        if not line:
            return None
        cell = max(line, key=lambda r: r.x1)
        if any(
            r is not label
            and label.x1 <= r.x0 < cell.x0
            and abs(r.middle - label.middle) < self.h * 0.6
            and _is_label(r)
            for r in self.page.runs
        ):  # another label between ('VATable Sales 50,000.00  Total Sales 56,000.00', two
            # columns of totals side by side): the figure under the column is that label's
            return None
        return cell

    def day_first(self) -> bool | None:
        """How this page writes numeric dates: shown by a date with a part above 12, else
        the seller's country's convention, else day first for labels in a language other
        than English; None (unknown) otherwise."""
        order = numeric_date_order([r.text for r in self.page.runs])
        if order is not None:
            return order
        if self.result.seller_country is not None:
            return self.result.seller_country not in MONTH_FIRST_COUNTRIES
        return True if self.languages else None

    def title_type(self, run: Word) -> str | None:
        """The document type a title names ('COMMERCIAL INVOICE', 'Gutschrift' in a large
        font), else None."""
        if run.text.upper() != run.text and run.bottom - run.top <= self.h * 1.3:
            # a title of two words or more in capitals that starts a line of its own details
            # ('NOTA DI CREDITO N. NC/2026/018 del 12/04/2026', 'NOTA FISCAL … - NFS-e')
            for pattern, code in _TYPES:
                found = pattern.match(run.text)
                if found and found[0].isupper() and len(found[0].split()) > 1:
                    return code
            return None
        codes = [code for pattern, code in _TYPES if pattern.search(run.text)]
        if codes[:2] == ["383", "380"] and _DEBIT_OR_INVOICE.search(run.text):
            # (invoices32) 'DEBIT NOTE / INVOICE': a forwarder's or an agent's bill that calls
            # itself both is an invoice (a debit note alone stays one, and so does one that
            # names the invoice it debits: 'Дебитно известие № 46 към фактура № …')
            return "380"
        return codes[0] if codes else None

    def ticked_type(self) -> tuple[str, Word] | None:
        """The document type a ticked box names ('☒ Commercial', '[X] Proforma'), if any."""
        for run in self.ordered:
            for found in _TICKED.finditer(run.text):
                chosen = found["type"]
                if re.match(r"commercial", chosen, re.I):
                    return "380", run
                code = next((c for pattern, c in _TYPES if pattern.search(chosen)), None)
                if code is not None:
                    return code, run
        return None

    def read_header(self) -> None:
        top = self.page.height * 0.4
        title = None
        if (ticked := self.ticked_type()) is not None:
            self.put("type_code", *ticked)
        for run in self.ordered:
            if run.top > top:
                break
            code = self.title_type(run)
            if code is not None:
                self.put("type_code", code, run)
                title = run
                break
        found = self.preferred("invoice_number", _invoice_number)
        if found and self.result.type_code != "325":
            # (session 32, reviewi17) on an invoice that is no pro forma, the number of the pro
            # forma it follows ('Proforma n° : PF-99' over 'Facture n° : F-100') gives way to
            # its own
            found = (
                self.preferred(
                    "invoice_number",
                    _invoice_number,
                    lambda label: not _PRO_FORMA_LABEL.match(label.text),
                )
                or found
            )
        if found:
            # (invoices34) the number found under a bare caption with its series captioned
            # beside or over it ('Seria: CRV' over 'Nr.: 004512'): both
            self.number_after_series(only=found[0])
            self.put("invoice_number", *self.with_series(*found))
        if self.result.invoice_number is None and title is not None:
            self.number_by_title(title)
        if self.result.invoice_number is None and title is not None:
            self.series_run_by_title(title)
        if self.result.invoice_number is None:
            self.number_beside_type_word()
        if self.result.invoice_number is None:
            self.number_after_series()
        if self.result.invoice_number is None:
            self.number_by_date()
        if self.result.invoice_number is None:
            self.order_number_alone()
        if self.result.type_code is None and (proof := self.result.evidence.get("invoice_number")):
            # no title: a number labelled 'Invoice No.' (a letter's 'Re: Invoice No. …') is an
            # invoice's
            labelled = [
                r for r in self.ordered
                if proof.page == self.page.number and proof.box == self.page.box(r)
                and _INVOICE_NUMBER_LABEL.match(r.text)
            ]  # fmt: skip
            if labelled and not self.names_another_document():
                self.put("type_code", "380", labelled[0], confidence=0.8)
        self.party("seller")
        self.party("buyer")
        if self.result.seller_name is None:
            self.letterhead()
        if self.result.seller_name is None:
            self.footer_name()
        self.trading_as("seller")
        if self.result.seller_vat_id is None:
            self.footer_vat()
        if self.result.seller_vat_id is None and title is not None:
            self.title_box_vat(title)
        if self.result.buyer_name is None and self.result.seller_name is not None:
            self.window_address(self.result.seller_name)
        if self.result.buyer_name is None and self.result.seller_name is not None:
            self.unlabelled_address(self.result.seller_name)
        self.trading_as("buyer")
        order = self.day_first()
        found = self.preferred(
            "issue_date",
            lambda text: _date_in(text, order, self.languages),
            lambda label: (
                _generic(label, "issue_date")
                or (
                    not _DUE.match(rest := label_matches(label.text)["issue_date"].rest)
                    and not _OTHER_DATE.fullmatch(rest.split(":", 1)[0] if ":" in rest else rest)
                )
            ),
        )
        if found:
            self.put("issue_date", found[0], found[1])
        self.date_after_number(order)
        if self.result.issue_date is None:
            self.letter_date(order)
        if self.result.issue_date is None:
            self.order_date(order)
        # (a 'Currency: EUR' among the bank's details names the account's, not the invoice's)
        found = next(
            (
                (value, run) for text, run in self.values_of("currency")
                if (value := currency_code(text) or named_currency(text)) is not None
                and not self.in_bank_details(run)
            ),
            None,
        )  # fmt: skip
        if found:
            self.put("currency", found[0], found[1])
        elif (inside := self.currency_in_terms()) is not None:
            self.put("currency", *inside, confidence=0.8)
        for key in _READ_AMOUNTS:
            self.amount_of(key)
        self.total_row_parts()
        self.net_and_tax_totals()
        self.net_label_under_tax()
        self.bare_total_over_tax()
        self.complete_totals()

    def currency_in_terms(self) -> tuple[str, Word] | None:
        """(invoices33) A currency's caption and code after another term in one run, parted by
        a slash, comma or semicolon ('Terms: CIF Hamburg, Incoterms 2020 / Currency: EUR'):
        the invoice's currency, as the caption alone would give it. Not in the bank's
        details."""
        for run in self.ordered:
            parts = re.split(r"\s+/\s+|[;,]\s+", run.text)
            if len(parts) < 2 or self.in_bank_details(run):
                continue
            for part in parts[1:]:
                found = label_matches(part).get("currency")
                if found is None or not re.fullmatch(r"[A-Z]{3}", found.rest):
                    continue
                code = currency_code(found.rest)
                if code is not None:
                    return code, run
        return None

    def names_another_document(self) -> bool:
        """Whether a line of the page's top part is the title of a document that is no invoice
        ('PACKING LIST', 'Delivery Note', 'Statement of Account'): its 'Invoice No.' cites the
        invoice it goes with."""
        return any(
            _OTHER_DOCUMENT.fullmatch(run.text.strip().rstrip(":").strip())
            for run in self.ordered
            if run.top < self.page.height * 0.4
        )

    def in_bank_details(self, run: Word) -> bool:
        """Whether ``run`` stands in a block of bank details: a line of the block over it, up
        to three lines up, names a bank, an IBAN or an account, or asks to remit."""
        top = run
        for _ in range(3):
            over = self.nearest_over(top, column=run)
            if over is None:
                return False
            top = over
            if _BANK.search(top.text) or re.search(r"\b(?:remit|account)", top.text, re.I):
                return True
        return False

    def letter_date(self, order: bool | None) -> None:
        """No labelled date: a letter's date, alone on its line in the top half of the page
        with nothing over it ('12 April 2026', 'Galway, 12 April 2026') but the document's
        title ('2026 yil 12 may', 'ад 15 студзеня 2026 г.' under 'РАХУНАК-ФАКТУРА № 0457':
        the title's own date), when it is the only such line."""
        found: list[tuple[str, Word]] = []
        for run in self.ordered:
            if run.top > self.page.height * 0.5:
                break
            line = _OF_DATE.sub("", run.text.strip()[:60], count=1)
            place = _PLACE_BEFORE_DATE.search(line)
            text = line[: place.start()] + line[place.end() :] if place else line
            beside = self.right_of(run) if _PLACE_ALONE.fullmatch(line) else None
            if beside is not None and (
                value := _issue_date(
                    parse_date(beside.text, day_first=order, languages=self.languages)
                )
            ):
                # (session 27) the formula set as a label with the date beside it ('Tunis, le' |
                # '1er déc. 2026', 'Vaduz,' | '7. Dez. 2026'): the document's date
                found.append((value, beside))
                continue
            if (
                len(text) > 24
                or ":" in text
                or (value := _date_in(text, order, self.languages)) is None
            ):
                continue
            # (reviewi22) one-letter particles are the date's own ('2026 m. gruodžio 8 d.')
            if not re.fullmatch(r"[\w.,/ -]+", text) or len(re.findall(r"[^\W\d_]{2,}", text)) > 2:
                continue
            if place is not None and place["formula"]:
                # a letter's date in its formula ('Paris, le 9 avril 2026', 'Hamburg, den
                # 12.04.2026'): the document's date, whatever is printed over or beside it
                found.append((value, run))
                continue
            over = [r for r in self.page.runs
                    if r.bottom <= run.top and run.top - r.bottom < self.h * 1.6
                    and r.x0 < run.x1 and run.x0 < r.x1]  # fmt: skip
            alone = not any(
                r is not run and abs(r.middle - run.middle) < self.h * 0.6
                # (a place's date level with the window's address far to its left, DIN 5008)
                and not (place is not None and r.x1 < run.x0 - self.h * 6)
                or (r in over and self.title_type(r) is None and not self.holds_invoice_number(r))
                for r in self.page.runs
            )  # fmt: skip
            if alone and over and parse_date(text, day_first=order) is None:
                # under the title, only a date alone is the title's own ('2026 yil 12 may');
                # 'Due 30 June 2026', 'Delivered 28 May 2026' under it name another date
                continue
            if alone:
                found.append((value, run))
        if len(found) == 1:
            self.put("issue_date", found[0][0], found[0][1], confidence=0.7)

    def date_after_number(self, order: bool | None) -> None:
        """A date joined to the invoice number by a word for 'of' or 'dated' ('Fattura n.
        145/2026 del 03/12/2026', 'Rechnung Nr. 4711 vom 03.12.2026'): the issue date, when no
        label gave one."""
        proof = self.result.evidence.get("invoice_number")
        number = self.result.invoice_number
        if self.result.issue_date is not None or number is None or proof is None:
            return
        for run in self.page.runs:
            if proof.page != self.page.number or self.page.box(run) != proof.box:
                continue
            match = _date_after(number, run.text)
            found = _date_in(match[1], order, self.languages) if match else None
            if found is not None:
                self.put("issue_date", found, run)
                return

    def holds_invoice_number(self, run: Word) -> bool:
        """(reviewi22) Whether ``run`` is where the invoice number was read."""
        proof = self.result.evidence.get("invoice_number")
        return (
            proof is not None and proof.page == self.page.number and proof.box == self.page.box(run)
        )

    def series_run_by_title(self, title: Word) -> None:
        """(reviewi22) A series and a number in one run under the title, each after its word
        ('Serija LBT Nr. 2604' in Lithuania, 'Seria TMS nr. 0004571 din 17.03.2026' in
        Romania): both, joined by a space, as a series and number printed apart are read; the
        date after 'din' the issue date. Not an identity card's 'B.I. seria PH nr. 712345' in
        the delegate's lines: the run starts with the series' word, within two lines of the
        title and under it."""
        found = [
            (match, run) for run in self.page.runs
            if title.bottom - self.h * 0.3 < run.top < title.bottom + self.h * 2.5
            and run.x1 > title.x0 and run.x0 < title.x1
            and (match := _SERIES_RUN.fullmatch(run.text)) is not None
        ]  # fmt: skip
        if len(found) != 1:
            return
        match, run = found[0]
        self.put("invoice_number", f"{match['series']} {match['number']}", run)
        if match["date"] and (date := parse_date(match["date"], day_first=True)) is not None:
            self.put("issue_date", date, run)

    def number_by_title(self, title: Word) -> None:
        """'No.' alone names the invoice number only beside the title ('COMMERCIAL INVOICE
        No. 4471'): elsewhere it is a street's, a line's or a box's number."""
        # (invoices30) the number in the title's own run, one word after the type's
        # ('Invoice INV/2026/00418' as Odoo prints it): letters and digits or a separator in
        # it, no date, no year alone ('INVOICE 2026')
        typed = next(
            (found for pattern, _ in _TYPES if (found := pattern.search(title.text)) is not None),
            None,
        )
        # (invoices36) a hyphenated document word is one title word ('FATURA-RECIBO FR
        # 2026A/12'): the number after all of it
        end = typed.end() if typed is not None else 0
        if typed is not None and (joined := _HYPHENATED.match(title.text, end)) is not None:
            end = joined.end()
        rest = title.text[end:].strip() if typed is not None else ""
        if (
            typed is not None
            and not title.text[: typed.start()].strip()
            and _TITLE_NUMBER.fullmatch(rest)
            and parse_date(rest, day_first=True) is None
            and not _period(rest)
            and (value := _invoice_number(rest)) is not None
        ):
            self.put("invoice_number", value, title)
            return
        line = sorted(
            (r for r in self.page.runs
             if r.x0 >= title.x1 - 1 and abs(r.middle - title.middle) < title.bottom - title.top),
            key=lambda r: r.x0,
        )  # fmt: skip
        # 'No' as a word ('No.4471', 'No 4471'), not the start of one ('NOV 28, 2026')
        # (session 30) or the word itself: Italian 'Numero:', Portuguese and Spanish 'Número:'
        number = re.compile(
            r"(?:no|nr|n[°º]|#|num[ée]ro|número|number|nummer)(?![^\W\d_])\.?\s*(?::\s*)?(.*)", re.I
        )
        match = number.fullmatch(line[0].text) if line else None
        if match is None:
            # or right under the title ('INVOICE' over '# 1087', as invoice sites print it)
            band = [
                r for r in self.page.runs
                if title.bottom - self.h * 0.3 < r.top < title.bottom + self.h * 1.6
                and r.x0 < title.x1
            ]  # fmt: skip
            under = sorted((r for r in band if r.x1 > title.x0), key=lambda r: r.x0)
            if len(under) == 1 and _TITLE_TAIL.fullmatch(under[0].text.strip()):
                # (invoices32) a title over two lines of its box ('FACTURA DE EXPORTACIÓN' over
                # 'ELECTRÓNICA', Chile's SII box): the number under its last line
                tail = under[0]
                band = [
                    r for r in self.page.runs
                    if tail.bottom - self.h * 0.3 < r.top < tail.bottom + self.h * 1.6
                    and r.x0 < title.x1
                ]  # fmt: skip
                under = sorted((r for r in band if r.x1 > title.x0), key=lambda r: r.x0)
            match = number.fullmatch(under[0].text) if under else None
            if match is None and len(under) == 1 and self.centred_number(under[0], title):
                # (invoices32) a series and number alone, centred under the title in its box
                # ('FACTURA ELECTRÓNICA' over 'E001-128': Peru's SUNAT box)
                if (value := _invoice_number(under[0].text.strip())) is not None:
                    self.put("invoice_number", value, under[0])
                return
            if match is not None and _SECOND_NO.fullmatch(match[1]):
                match = None if len(under) < 2 else number.fullmatch("No.")  # 'Nº / No.:'
            if match is None:
                # (session 30) or a bare label left of the title's edge, its value beside it
                # reaching under the title ('FACTURE' over 'N° :  SMPM/F/2026/0871': the
                # column of labels starts left of the title's)
                labels = [
                    r for r in band
                    if r.x1 <= title.x0 and (bare := number.fullmatch(r.text)) is not None
                    and not bare[1] and self.value_reaches_under(r, title)
                ]  # fmt: skip
                if len(labels) != 1:
                    return
                under = [labels[0]]
                match = number.fullmatch(labels[0].text)
            if match is None or (len(under) != 1 and match[1]):
                return  # (several runs under the title: 'No.' first, its value beside it)
            beside = self.right_of(under[0])
            line = [under[0], *([beside] if beside is not None else [])]
        value = _invoice_number(match[1]) if match[1] else None
        if value is not None:
            self.put("invoice_number", value, line[0])
        elif not match[1] and len(line) > 1 and (value := _invoice_number(line[1].text)):
            self.put("invoice_number", value, line[1])

    def centred_number(self, run: Word, title: Word) -> bool:
        """(invoices32) Whether ``run`` is a number alone centred under ``title``: one word
        of letters and digits joined by a separator ('E001-128', 'F001-00004512'), no date."""
        text = run.text.strip()
        return (
            abs((run.x0 + run.x1) / 2 - (title.x0 + title.x1) / 2) < self.h
            and re.fullmatch(r"[^\W\d_]{1,4}\d{0,4}[-/]\d{1,10}", text) is not None
            and parse_date(text, day_first=True) is None
        )

    def number_after_series(self, only: str | None = None) -> None:
        """(invoices32) A series and a number in two captioned rows, the number's caption a
        bare 'Número:' ('Serie: R' over 'Número: 000214' in Spain; 'Prefijo: FEMD' over
        'Número: 4418' in Colombia's DIAN invoices; 'Punto de Venta: 00004' beside 'Comp.
        Nro: 00000231' in Argentina's AFIP ones): both, joined by a space, as a series and
        number printed apart are read (Argentina's by a hyphen, as AFIP cites them: '0003-
        00012345'). A bare 'Número:' names the invoice's number only so,
        beside or under its series' caption; elsewhere it is anything's number. ``only``: the
        number another label gave, joined to its series only if it is the bare caption's."""

        def value(run: Word, found: re.Match[str]) -> tuple[str, Word] | None:
            if found["value"]:
                return found["value"].strip(), run
            beside = self.right_of(run)
            if beside is None or beside.x0 - run.x1 > self.h * 12:
                return None
            return beside.text.strip(), beside

        for run in self.ordered:
            series = _SERIES_CAPTION.fullmatch(run.text)
            if series is None or (got := value(run, series)) is None:
                continue
            code, end = got
            if not re.fullmatch(r"[A-Z0-9]{1,5}", code):
                continue
            # the number's caption beside the series' value, or under the series' caption
            candidates = [
                r for r in self.page.runs
                if r.top >= run.top - self.h * 0.5
                and (
                    (abs(r.middle - run.middle) < self.h * 0.6 and r.x0 >= end.x1)
                    or (abs(r.x0 - run.x0) < self.h and 0 < r.top - run.top < self.h * 2.5)
                )
            ]  # fmt: skip
            for near in sorted(candidates, key=lambda r: (r.top, r.x0)):
                bare = _BARE_NUMBER_CAPTION.fullmatch(near.text)
                if bare is None or (number := value(near, bare)) is None:
                    continue
                if only is not None and number[0] != only:
                    break
                if re.fullmatch(r"\d{1,12}", number[0]):
                    # Argentina's point of sale and number as AFIP cites them, joined by a
                    # hyphen ('0003-00012345', batch 25's truth)
                    joint = "-" if re.match(r"\s*(?:punto|pto)", run.text, re.I) else " "
                    self.put("invoice_number", f"{code}{joint}{number[0]}", number[1],
                             confidence=0.8)  # fmt: skip
                    return
                break

    def number_by_date(self) -> None:
        """(invoices32) A bare 'Nº:' / 'No.' caption stacked with the invoice date's in one
        column of captions at the top of a page that labels no number of its own ('Nº:' over
        'Data:' in Portugal and Brazil, 'No.' over 'Date' on Thai tax invoices, 'Nº / No.:'
        over 'Data / Date:'): the document's number. Elsewhere a bare 'No.' is anything's."""
        for run in self.ordered:
            if run.top > self.page.height * 0.4:
                return
            bare = _BARE_NO.fullmatch(run.text)
            if bare is None:
                continue
            dates = [
                r for r in self.page.runs
                if r is not run
                and abs(r.x0 - run.x0) < self.h
                and 0 < abs(r.top - run.top) < self.h * 2
                and "issue_date" in label_matches(r.text)
            ]  # fmt: skip
            if not dates:
                continue
            if self.other_document_over([run, *dates]):
                # (reviewi20) 'Your purchase order' over 'No.:' and 'Date:': the order's
                return
            if bare["value"]:
                text, where = bare["value"], run
            elif (beside := self.right_of(run)) is not None and beside.x0 - run.x1 < self.h * 12:
                text, where = beside.text, beside
            else:
                continue
            value = _invoice_number(text.strip())
            if value is not None and parse_date(text, day_first=True) is None:
                self.put("invoice_number", value, where, confidence=0.8)
            return

    def other_document_over(self, stack: list[Word]) -> bool:
        """(reviewi20) Whether a caption straight over ``stack`` (a column of captions) names
        another document than the invoice: an order's ('Your purchase order', 'Order', 'PO'), a
        delivery note's, a quotation's (its number and date are that document's)."""
        top = min(r.top for r in stack)
        left, right = min(r.x0 for r in stack), max(r.x1 for r in stack)
        return any(
            0 < top - r.top < self.h * 2
            and r.x0 < right
            and r.x1 > left
            and (_OTHER_DOCUMENT.search(r.text) or _ORDER_WORD.search(r.text))
            for r in self.page.runs
        )

    def order_number_alone(self) -> None:
        """(invoices32) A shop's order number where the page prints no number of its own
        (a Shopify 'Invoice' whose only number is 'Order #LW10388', an Etsy order receipt's
        'Order # 3087214456'): the document's number (docs/documents.md, invoice_number).
        Not on a page that labels an invoice's number anywhere, nor a purchase order's."""
        if any("invoice_number" in label_matches(r.text) for r in self.page.runs):
            return
        found = None
        for run in self.ordered:
            if run.top > self.page.height * 0.4:
                break
            order = _ORDER_NUMBER.fullmatch(run.text)
            if order is None:
                continue
            if found is not None:
                return  # two orders' numbers: neither is the page's own
            if order["value"]:
                found = (order["value"], run)
            elif (beside := self.right_of(run)) is not None and beside.x0 - run.x1 < self.h * 12:
                found = (beside.text, beside)
        if found is not None:
            value = _invoice_number(found[0].strip().lstrip("#").strip())
            if value is not None and re.search(r"\d", value):
                self.put("invoice_number", value, found[1], confidence=0.7)

    def order_date(self, order: bool | None) -> None:
        """(invoices32) On a page that labels no date of its own (no invoice date, no bare
        'Date'), the order's date ('Order date  Dec 9, 2026'): the document's, as an order
        receipt's truths have it (review i19, batch 44)."""
        if any("issue_date" in label_matches(r.text) for r in self.page.runs):
            return
        for run in self.ordered:
            caption = re.fullmatch(r"\s*order\s+date\s*:?\s*(?P<value>.*)", run.text, re.I)
            if caption is None:
                continue
            beside = self.right_of(run)
            text, where = (
                (caption["value"], run) if caption["value"].strip() or beside is None
                else (beside.text, beside)
            )  # fmt: skip
            value = _date_in(text, order, self.languages)
            if value is not None:
                self.put("issue_date", value, where, confidence=0.7)
            return

    def value_reaches_under(self, run: Word, title: Word) -> bool:
        """Whether the run right of ``run`` (its value) overlaps ``title`` horizontally."""
        beside = self.right_of(run)
        return beside is not None and beside.x0 < title.x1 and beside.x1 > title.x0

    def number_beside_type_word(self) -> None:
        """A document's type word alone as a label, its number beside it ('Gutschrift
        9400012345', 'Rechnung  9000067812' in SAP's column of labels): not a date or an
        amount, and not a reference to another document ('Bezug Rechnung 9000067812' is no
        run of the type word alone)."""
        for run in self.ordered:
            word = run.text.strip().rstrip(":")
            codes = {code for pattern, code in _TYPES if pattern.fullmatch(word)}
            # 'Rechnung  9000067812' on a credit note: the invoice it cites, not its number
            if not codes or self.result.type_code not in (None, *codes):
                continue
            value = self.right_of(run)
            if value is None or value.x0 - run.x1 > self.h * 12:
                continue
            text = value.text.strip()
            if len(text.split()) > 1 or text.startswith("+"):
                continue  # a phone number or postcode beside the title ('+1 555 …', 'SW1A 1AA')
            if parse_date(text, day_first=True) or re.search(r"\d[.,]\d{2}-?$", text):
                continue
            number = _invoice_number(text)
            if number is not None and not re.search(r"[a-zäöüß]{4}", text):
                self.put("invoice_number", number, value, confidence=0.8)
                return

    def window_address(self, seller: str) -> None:
        """A letter's address without a label (DIN 5008, the envelope window): the lines under
        the small return-address line that starts with the seller's name ('Alpenholz GmbH ·
        Industriezone 5 · 6800 Feldkirch')."""

        def squash(text: str) -> str:
            return re.sub(r"[\W_]+", "", text).lower()

        for run in self.ordered:
            if run.top > self.page.height * 0.45:
                return
            parts = re.split(r"(?<!\s)\s+[·|•,-]\s+", run.text)
            if len(parts) < 2 or squash(parts[0]) != squash(seller):
                continue
            # the address may start a line or two under the return line (a window's zones)
            under = [
                r for r in self.page.runs
                if r.top > run.top + self.h * 0.5 and r.top - run.bottom < self.h * 3.5
                and abs(r.x0 - run.x0) < self.h * 1.5
            ]  # fmt: skip
            if not under:
                continue
            first = min(under, key=lambda r: r.top)
            block = [first, *self.below(first, 4)]
            # an address: a name over lines with a street's or a postcode's number or a
            # country, no title, greeting or 'Stuttgart, 05.03.2026' alone under the return line
            address = any(re.search(r"\d", r.text) or country_code(r.text) for r in block[1:])
            if not _is_label(first) and address and self.title_type(first) is None:
                self.read_block("buyer", block)
                return

    def unlabelled_address(self, seller: str) -> None:
        """A letter's address block with neither a label nor a return line over it (a Swiss or
        Belgian letter's window on the right: 'Berner Medizintechnik AG' over 'Freiburgstrasse
        251', '3018 Bern'), on a page with no buyer's label at all: a company's name (a legal
        form ends it) in the top part of the page, not the seller's, no label's value, over two
        to four lines, one with a street's or a postcode's number."""

        def squash(text: str) -> str:
            return re.sub(r"[\W_]+", "", text).lower()

        if any(_label(run, "buyer") is not None for run in self.page.runs):
            return
        for run in self.ordered:
            if run.top > self.page.height * 0.4:
                return
            over = self.caption_over(run)
            if (
                not _company(run.text)
                or _captioned(run)
                or squash(run.text) == squash(seller)
                # the issuer's own block: its name starts like the letterhead's ('KESSLER' over
                # the page, 'Kessler Test GmbH' on the right)
                or run.text.split()[0].lower() == (seller.split() or [""])[0].lower()
                or _BANK.search(run.text)
                or self.title_type(run) is not None
                # 'Ship To:', 'Notify party' over it (the seller's return line leads a window;
                # a person's or a department's line leads the addressee's block)
                or (
                    over is not None
                    and not _return_line(over, seller)
                    and not self.attention_lines(over)
                )
            ):
                continue
            labelled = any(
                (_is_bare_label(r) or r.text.rstrip().endswith(":"))
                and self.right_of(r) is run
                and run.x0 - r.x1 < self.h * 12
                for r in self.page.runs
            )  # a value beside its label, known or not ('Kunde:  Huber AG', 'Ship To:  …')
            block = [run, *self.below(run, 4)]
            lines = block[1:]
            if (
                labelled
                or not 2 <= len(lines)
                # (invoices30) the party's own tax id under its address is no other label
                # ('VAT: GB123456789' last in Odoo's customer block); the seller's id there
                # marks the issuer's own block (its letterhead, the seller named elsewhere)
                or any(
                    (_is_label(r) and _label(r, "vat") is None) or _BANK.search(r.text)
                    for r in lines
                )
                or any(
                    (rest := _label(r, "vat")) is not None
                    and (
                        self.result.seller_vat_id is None
                        or vat_id(rest) in (None, self.result.seller_vat_id)
                    )
                    for r in lines
                )
                or not any(re.search(r"\d", r.text) for r in lines)
            ):
                continue
            self.read_block("buyer", block, confidence=0.8)
            return

    def attention_lines(self, run: Word) -> bool:
        """Whether ``run`` and the lines stacked over it up to the block's top are an
        addressee's attention lines: a person ('Ms Claire Dubois', 'Attn: J. Smith') or a
        department ('Legal Department'), over the company's name in a letter's address."""
        for _ in range(3):
            if not _ATTENTION.match(run.text.strip()):
                return False
            over = self.nearest_over(run)
            if over is None:
                return True
            run = over
        return False

    def title_box_vat(self, title: Word) -> None:
        """(invoices32) The seller's tax id printed in the title's box, over or under the
        title ('R.U.T.: 96.543.210-K' over 'FACTURA DE EXPORTACIÓN ELECTRÓNICA' and its
        number, as Chile's SII and Peru's SUNAT require of the issuer): the issuer's, unless
        it stands under the buyer's label."""
        buyer = self.party_labels.get("buyer")
        near = [
            r for r in self.page.runs
            if r is not title and abs(r.middle - title.middle) < self.h * 3.5
            and min(r.x1, title.x1) - max(r.x0, title.x0) > 0
            and (buyer is None or r.top < buyer.top)
        ]  # fmt: skip
        for run in sorted(near, key=lambda r: abs(r.middle - title.middle)):
            rest = _label(run, "vat")
            if rest and (value := vat_id(rest)) is not None:
                self.put("seller_vat_id", value, run, confidence=0.8)
                return

    def footer_vat(self) -> None:
        """The seller's VAT id from the page's footer ('VAT Reg No. GB 287 6543 21', 'UID-Nr.:
        ATU 12345678' among the issuer's legal details): the footer is the issuer's."""
        footer = [r for r in self.ordered if r.top >= self.page.height * 0.85]
        seller = self.result.seller_name

        def parts(run: Word) -> list[str]:
            # OCR may drop the spaces around a middle dot ('HRB 45871· USt-IdNr. DE…·Deutsche')
            return re.split(r"(?<!\s)(?:\s*[·•]\s*|\s+[|,]\s+|\s{3,})", run.text)

        def names_another(run: Word) -> bool:
            return seller is not None and any(
                _company(part) and not _same_name(part, seller) and not _BANK.search(part)
                for part in parts(run)
            )

        def names_seller(run: Word) -> bool:
            return seller is not None and any(
                len(part.strip()) >= 4 and _same_name(part, seller) for part in parts(run)
            )

        named = any(names_seller(run) for run in footer)
        if any(names_another(run) for run in footer) and not named:
            # the footer names another company (a marketplace, a factor) and not the seller:
            # its id; the bank that keeps the issuer's account ('Barclays Bank PLC · IBAN …')
            # is no issuer. When it names the seller too ('… a company of Nordwind Holding
            # AG', 'receivables assigned to Eurofactor GmbH'), the id on a line that names
            # no other company is the seller's.
            return
        for run in footer:
            if names_another(run) and not names_seller(run):
                continue
            for part in re.split(_DOT_OR_BAR, run.text):
                found = label_matches(part).get("vat")
                value = vat_id(found.rest) if found else None
                if value is not None:
                    self.put("seller_vat_id", value, run)
                    return

    def total_row_parts(self) -> None:
        """The invoice total read from a total row of an item table with net and gross amount
        columns ('Razem:' under 'Wartość netto', 'Kwota VAT', 'Wartość brutto'): the same row
        gives the net total under the net amount's header and the tax total under the tax
        amount's, when no label of their own did."""
        proof = self.result.evidence.get("grand_total")
        self.table_header_runs()
        if proof is None or proof.page != self.page.number or self._table is None:
            return
        columns, header_bottom = self._table
        if not _gross_after_tax(columns):
            return
        row = [r for r in self.page.runs if r.top > header_bottom and self.page.box(r) == proof.box]
        if not row:
            return
        line = [r for r in self.page.runs if abs(r.middle - row[0].middle) < self.h * 0.6]
        for key, kind in (("tax_exclusive_total", "amount"), ("tax_total", "tax")):
            if getattr(self.result, key) is not None:
                continue
            values = [
                (r, value)
                for r in line
                if self._column(columns, r) == kind  # the column the row's cells go to
                and "%" not in r.text and (value := self.money(r.text)) is not None
            ]  # fmt: skip
            if len(values) == 1:
                self.put(key, values[0][1], values[0][0])

    def net_and_tax_row(self, label: Word) -> dict[str, tuple[str, Word]] | None:
        """A total row of an item table with a line's net amount and its tax in columns and no
        gross column ('Total  15.010,00  3.152,10' under 'Valoarea', 'Valoarea TVA'): the
        row's net and tax amounts by column (both printed), else None. Its figure under the
        amount's header is the net total, not the invoice total."""
        self.table_header_runs()
        if self._table is None or label.top < self._table[1]:
            return None
        columns = self._table[0]
        names = [name for name, _, _ in columns]
        if "gross" in names or "tax" not in names or "amount" not in names:
            return None
        amount_x = max(x0 for name, x0, _ in columns if name == "amount")
        if not any(name == "tax" and x0 > amount_x for name, x0, _ in columns):
            return None
        cells: dict[str, tuple[str, Word]] = {}
        for run in self.page.runs:
            if run.x0 <= label.x1 or abs(run.middle - label.middle) >= self.h * 0.6:
                continue
            kind = self._column(columns, run)
            value = self.money(run.text) if "%" not in run.text else None
            if kind in ("amount", "tax") and value is not None:
                if kind in cells:
                    return None  # several figures in one column: not a plain total row
                cells[kind] = (value, run)
        if set(cells) != {"amount", "tax"}:
            return None
        # the lines' net total and their tax: the lines' sum above it (when this page holds
        # them) and a tax below it; 'Total incl. VAT  240.00  40.00' is no such row
        net, tax = Decimal(cells["amount"][0]), Decimal(cells["tax"][0])
        lines = [
            Decimal(value)
            for run in self.page.runs
            if self._table[1] < run.top and run.bottom < label.top
            and self._column(columns, run) == "amount"
            and (value := self.money(run.text)) is not None
        ]  # fmt: skip
        if abs(tax) >= abs(net) or (lines and sum(lines) != net):
            return None
        return cells

    def net_and_tax_totals(self) -> None:
        """The net and tax totals from the item table's total row of net and tax amounts
        (:meth:`net_and_tax_row`) when no label of their own gave them."""
        for run in self.ordered:
            if _label(run, "grand_total") is None or (row := self.net_and_tax_row(run)) is None:
                continue
            self.put("tax_exclusive_total", row["amount"][0], row["amount"][1])
            self.put("tax_total", row["tax"][0], row["tax"][1])
            return

    def net_label_under_tax(self) -> None:
        """(session 30) A net's label under the tax line, its value the net read plus the tax,
        is the gross: Myanmar's 'Sub Total / Commercial Tax 5% / Net Amount' (the amount net
        of nothing more to deduct). The sum decides, not the word: elsewhere 'Net Amount' is
        the total before tax."""
        net, tax = self.result.tax_exclusive_total, self.result.tax_total
        tax_at = self.result.evidence.get("tax_total")
        if self.result.grand_total is not None or net is None or tax is None or tax_at is None:
            return
        if tax_at.page != self.page.number or tax_at.box is None or Decimal(tax) == 0:
            return
        rivals = tuple(k for k in (*AMOUNT_KEYS, "vat") if k != "tax_exclusive_total")
        for label, text, run in self.labelled_values("tax_exclusive_total", rivals, along=True):
            value = self.money(text)
            if (
                value is not None and self.page.box(label)[1] > tax_at.box[1]
                and Decimal(value) == Decimal(net) + Decimal(tax)
            ):  # fmt: skip
                self.put("grand_total", value, run)
                return

    def bare_total_over_tax(self) -> None:
        """(invoices33) A bare 'Total' over the tax line, a 'Grand Total' under it that is that
        total plus the tax (Thai tax invoices: 'Total', 'VAT 7%', 'Grand Total'): the bare
        total is the sum before tax, the tax-exclusive total. Only a 'Total' stacked with the
        tax line's label in the totals: an item table's 'Total' row (its first column) over a
        tax line gives no net (review 2)."""
        net, tax, grand = (self.result.tax_exclusive_total, self.result.tax_total,
                           self.result.grand_total)  # fmt: skip
        tax_at = self.result.evidence.get("tax_total")
        if net is not None or tax is None or grand is None or tax_at is None:
            return
        if tax_at.page != self.page.number or tax_at.box is None:
            return
        tax_top = tax_at.box[1] * self.page.height
        tax_labels = [
            r for r in self.page.runs
            if "tax_total" in label_matches(r.text) and abs(r.top - tax_top) < self.h * 0.6
        ]  # fmt: skip
        rivals = tuple(k for k in (*AMOUNT_KEYS, "vat") if k != "grand_total")
        bare: list[tuple[str, Word]] = []  # bare totals over the tax line
        under = False  # an invoice total under it, the bare one plus the tax
        for label, text, run in self.labelled_values("grand_total", rivals, along=True):
            found = label_matches(label.text).get("grand_total")
            value = self.money(text)
            if found is None or value is None:
                continue
            top = self.page.box(label)[1]
            if (
                top < tax_at.box[1] and _BARE_TOTAL.fullmatch(label.text[: found.length])
                and any(abs(label.x0 - t.x0) < self.h * 2 for t in tax_labels)
            ):  # fmt: skip
                bare.append((value, run))
            elif top > tax_at.box[1] and Decimal(value) == Decimal(grand):
                under = True
        net_found = next((b for b in bare if Decimal(b[0]) + Decimal(tax) == Decimal(grand)), None)
        if under and net_found is not None:
            self.put("tax_exclusive_total", *net_found)

    def amount_of(self, key: str) -> None:
        rivals = tuple(k for k in (*AMOUNT_KEYS, "vat") if k != key)
        if key in ("tax_total", "tax_exclusive_total") and self.tax_by_rate(rivals, key):
            return
        found: list[tuple[str, str, Word]] = []  # per label: its value, text and run
        weak: list[tuple[str, str, Word]] = []  # a generic label's ('Order total')
        done: set[int] = set()
        # (invoices32) a currency in brackets in the label ('TOTAL (€)', 'Total (USD)'), per
        # value's run: the amount's currency where its figure prints none
        bracketed: dict[int, tuple[str, Word]] = {}
        candidates = list(self.labelled_values(key, rivals, along=True))
        # (reviewi21) the goods' sums before the charges (goods_sum): a total row of the item
        # table with the same value is that sum too ('TOTAL … US$13,308.00' in the table over
        # 'Total FOB Ningbo US$ 13,308.00', 'Ocean Freight', 'Total CFR Melbourne')
        goods_sums = [
            key == "grand_total" and self.goods_sum(label, candidates[index + 1 :])
            for index, (label, _, _) in enumerate(candidates)
        ]
        sums = {
            Decimal(value)
            for (_, text, _), is_sum in zip(candidates, goods_sums, strict=True)
            if is_sum and (value := self.money(text)) is not None
        }
        for index, (label, text, run) in enumerate(candidates):
            if key in ("grand_total", "due_payable") and self.net_and_tax_row(label):
                continue  # the table's total row of net and tax amounts: no invoice total
            if key == "tax_exclusive_total" and self.charges_under(label):
                continue  # 'Subtotal' over 'Freight' and 'Insurance': the lines' sum only
            if goods_sums[index] and id(label) not in done:
                done.add(id(label))
                continue
            if (
                key == "grand_total" and sums and id(label) not in done
                and (value := self.money(text)) is not None and Decimal(value) in sums
                and any(
                    other is not label and (later := self.money(t)) is not None
                    and Decimal(later) not in sums
                    for other, t, _ in candidates[index + 1 :]
                )
            ):  # fmt: skip
                done.add(id(label))  # a total row of the goods' sum, a total after the charges
                continue
            if key in ("grand_total", "due_payable") and id(label) not in done:
                first = self.first_figure(label)
                if first is not None and first is not label and self.net_column(first):
                    # a tax summary's 'Total' row, its first figure under 'Taxable Value': the
                    # net total, the row no invoice total
                    self.put("tax_exclusive_total", self.money(first.text), first)
                    done.add(id(label))
                    continue
            value = self.money(text)
            if value is None or _foreign_affix(text) or id(label) in done:
                continue  # '5,000 PCS': a total quantity
            if self.count_before_amount(label, text, run, candidates[index + 1 :]):
                continue  # 'TOTAL  3,300  EUR 18,690.00': the total quantity, then the amount
            done.add(id(label))
            (weak if _generic(label, key) else found).append((value, text, run))
            inside = _BRACKETED_SIGN.search(label.text)
            if inside is not None and (
                inside[1] in CURRENCY_SIGNS
                or (re.fullmatch(r"[A-Z]{3}", inside[1]) and currency_code(inside[1]))
            ):
                bracketed[id(run)] = (inside[1], label)
            elif run is not label and (after := self.sign_after_label(label, key)) is not None:
                bracketed[id(run)] = (after, label)
            if key != "grand_total":
                break
        found = found or weak  # (review i18) 'Order total' only on a page with no other
        if not found and key == "tax_exclusive_total":
            found = self.incoterm_value_over_tax()
        if not found:
            return
        value, text, run = found[0]
        if key == "grand_total":
            value, text, run = self.gross_after_net(found)
        self.put(key, value, run)
        sign = currency_sign(text)
        if sign is None:
            # (the label of this value, or of another label's same value: 'Total 150,800.00'
            # over 'Grand Total (Baht) 150,800.00')
            same = [id(r) for v, _, r in found if r is run or Decimal(v) == Decimal(value)]
            named = next((bracketed[i] for i in same if i in bracketed), None)
            if named is not None:
                self.signs.append(named)
        if sign is not None:
            self.signs.append((sign, run))
            if re.fullmatch(r"[A-Z]{3}", sign):
                self.put("currency", currency_code(sign), run)

    def goods_sum(self, label: Word, later: list[tuple[Word, str, Word]]) -> bool:
        """Whether an invoice total's label is the goods' sum before the charges printed under
        it (charges_under): with a later total's label ((invoices33) 'Total FOB Karachi' over
        'Freight' and 'Total CFR Gothenburg': the later total is the invoice's), or with a
        tax line under it ((reviewi21) 'Σύνολο αξίας' over 'Έκπτωση 5%', 'Καθαρή αξία',
        'ΦΠΑ 13%': the sum before the discount and the tax)."""
        if not self.charges_under(label):
            return False
        return any(other is not label for other, _, _ in later) or self.tax_under(label)

    def incoterm_value_over_tax(self) -> list[tuple[str, str, Word]]:
        """(invoices35) The goods' value at an Incoterm ('Valor FOB', 'FOB Value', 'Total FOB')
        over a tax line in its column ('IGV 0% (exportación)') with no freight or insurance
        under it (charges_under): the sum the tax is taken on, the tax-exclusive total, on a
        page with no net total's label. With a charge under it the FOB sum is the goods' only."""
        for run in self.ordered:
            label = _INCOTERM_VALUE.match(run.text.strip())
            if label is None:
                continue
            rest = run.text.strip()[label.end() :]
            where = run if self.money(rest) else self.right_of(run)  # the figure on its run
            if where is None:
                continue
            text = rest if where is run else where.text
            value = self.money(text)
            if value is None or _foreign_affix(text):
                continue
            if self.tax_under(run) and not self.charges_under(run):
                return [(value, text, where)]
        return []

    def tax_under(self, label: Word) -> bool:
        """Whether a tax line's label stands under a total's label, in its column, before an
        invoice total's or an amount due's."""
        for run in self.ordered:
            if run.top <= label.bottom or run.top - label.bottom > self.h * 8:
                continue
            if abs(run.x0 - label.x0) > self.h * 3:
                continue
            found = label_matches(run.text)
            if "grand_total" in found or "due_payable" in found:
                return False
            if "tax_total" in found:
                return True
        return False

    @staticmethod
    def sign_after_label(label: Word, key: str) -> str | None:
        """(invoices33) A currency's sign or code ending a total's label, its figure beside it
        with none ('Total KShs', 'Value Including Sales Tax Rs.'): the amount's currency."""
        found = label_matches(label.text).get(key)
        rest = found.rest.strip() if found is not None else ""
        if rest in CURRENCY_SIGNS or rest in AMBIGUOUS_SIGNS:
            return rest
        return None

    def first_figure(self, label: Word) -> Word | None:
        """The leftmost amount on a label's line right of it."""
        line = [
            r for r in self.page.runs
            if r.x0 >= label.x1 - 1 and abs(r.middle - label.middle) < self.h * 0.6
            and self.money(r.text) is not None
        ]  # fmt: skip
        return min(line, key=lambda r: r.x0) if line else None

    def column_caption(self, value: Word) -> Word | None:
        """The caption over a figure's column: the nearest run above it, overlapping it, that
        is no figure itself (the lines' figures of the column in between), within 12 lines."""
        above = sorted(
            (
                r for r in self.page.runs
                if r.bottom <= value.top + self.h * 0.3 and value.top - r.bottom < self.h * 12
                and min(r.x1, value.x1) - max(r.x0, value.x0) > 0
            ),
            key=lambda r: -r.bottom,
        )  # fmt: skip
        for run in above:
            if self.money(run.text) is None and not re.fullmatch(r"[\d.,%\s()-]+", run.text):
                return run
        return None

    def net_column(self, value: Word) -> Word | None:
        """The caption when a figure stands under a net amount's column header ('Taxable
        Value' of India's HSN summary, 'Valor neto'): a sum before tax, never the invoice's
        total. None for any other column."""
        caption = self.column_caption(value)
        if caption is None or any(caption is h for h in self.table_header_runs()):
            return None  # the item table's own columns: its total row is read as such
        found = label_matches(caption.text).get("tax_exclusive_total")
        if found is None or found.rest or "grand_total" in label_matches(caption.text):
            return None
        return caption if not re.search(r"sub-?\s*total", caption.text, re.I) else None

    def charges_under(self, label: Word) -> bool:
        """Whether a charge added after the net sum (freight, insurance, packing, handling)
        or an allowance taken off it (a discount) is printed with its amount, not zero, under
        a net total's label, in its column, before the invoice total: EN 16931's
        tax-exclusive total is the lines' sum less allowances plus charges, so the sum above
        them is not it."""
        for run in self.ordered:
            if run.top <= label.bottom or run.top - label.bottom > self.h * 8:
                continue
            if abs(run.x0 - label.x0) > self.h * 3:
                continue
            if "grand_total" in label_matches(run.text) or "due_payable" in label_matches(run.text):
                return False  # the invoice total came first
            charge = _CHARGE.match(run.text)
            if charge is None:
                continue
            beside = self.right_of(run)
            amount = self.money(charge["rest"]) or (beside and self.money(beside.text))
            if amount and Decimal(amount) != 0:  # ('Shipping: 0.00': the net total stands)
                return True
        return False

    def count_before_amount(
        self, label: Word, text: str, run: Word, later: list[tuple[Word, str, Word]]
    ) -> bool:
        """Whether a value on a total's line is a bare whole number (no currency, no decimals)
        followed on the same line by an amount that has them: a total row's quantity (its
        table's header unread, as OCR may leave it), not the total."""
        if not _bare_count(text) or abs(run.middle - label.middle) >= self.h * 0.6:
            return False
        return any(
            other is label
            and abs(cell.middle - label.middle) < self.h * 0.6
            and cell.x0 > run.x0
            and "%" not in value
            and not _foreign_affix(value)
            and self.money(value) is not None
            # an amount's form: a currency, or cents ('1,575.0' kg is a weight's)
            and (currency_sign(value) is not None or re.search(r"\d[.,]\d\d(?!\d)", value))
            for other, value, cell in later
        )

    def gross_after_net(self, found: list[tuple[str, str, Word]]) -> tuple[str, str, Word]:
        """Of the invoice total's labelled values in page order, the first, unless it is the
        net total and a later one is that net plus the tax: an item table's total row sums
        its lines before tax ('Total 1.500,00' in the table, then 'Base imponible 1.500,00',
        'IVA 21% 315,00', 'Total factura 1.815,00'). A net total read elsewhere must agree."""
        first = found[0]
        net, tax = self.result.tax_exclusive_total, self.result.tax_total
        if (
            net is not None and tax is not None and Decimal(tax) != 0
            and Decimal(first[0]) != Decimal(net) + Decimal(tax)
        ):  # fmt: skip
            # (reviewi14) the first is neither the net nor net plus tax: a gross amount before
            # a discount ('Gross Amount 10,000.00', 'Discount 500.00', 'Net Amount 9,500.00',
            # 'VAT 1,900.00', 'Total 11,400.00'); a later value that is net plus tax is the total
            whole = Decimal(net) + Decimal(tax)
            later = next((v for v in found[1:] if Decimal(v[0]) == whole), None)
            if later is not None and net != first[0]:
                return later
        if tax is None or Decimal(tax) == 0 or (net is not None and net != first[0]):
            return first
        gross = Decimal(first[0]) + Decimal(tax)
        return next((later for later in found[1:] if Decimal(later[0]) == gross), first)

    def tax_by_rate(self, rivals: tuple[str, ...], key: str = "tax_total") -> bool:
        """Several tax lines at different rates ('VAT 20 %' and 'VAT 5 %'): a line for the
        tax total ('Total VAT', 'Summe MwSt.') gives it (also beside a single rate's line),
        else the tax total is their sum. True when put (else read as any amount). So too the
        net total from its lines per rate ('Base imponible 4%', 'Base imponible 21%')."""
        rates: dict[str, tuple[Decimal, Word, Word]] = {}
        totals: list[tuple[str, Word]] = []
        done: set[int] = set()  # label runs whose value is read
        for label, text, run in self.labelled_values(key, rivals):
            value = self.money(text)
            if value is None or id(label) in done:
                continue
            done.add(id(label))
            rest = label_matches(label.text)[key].rest
            rate = re.search(_RATE, label.text[: len(label.text) - len(rest)])
            if rate is None and run is not label:  # 'CGST2.5 (2.5%)' with its amount beside it
                rate = re.search(_RATE, label.text)
                rest = label.text[rate.start() :] if rate else rest
            if rate is None:
                totals.append((value, run))
            else:
                # per tax and rate: 'CGST @ 9%' and 'SGST @ 9%' are two taxes at one rate
                named = label.text[: len(label.text) - len(rest)].replace(rate[0], "")
                per = re.sub(r"\s", "", rate[0]).replace(",", ".") + _plain(named).strip(" @:(")
                rates.setdefault(per, (Decimal(value), label, run))
        if not rates or (len(rates) < 2 and not totals):
            return False
        if totals:
            self.put(key, totals[0][0], totals[0][1])
        else:
            total = sum((amount for amount, _, _ in rates.values()), Decimal(0))
            runs = [w for _, label, run in rates.values() for w in (label, run)]
            self.put(key, f"{total:.2f}", *runs)
        return True

    def zero_beside(self, run: Word, key: str) -> bool:
        """Whether a label's amount, in its run or beside it, is zero ('Öresavrundning 0,00':
        a rounding of nothing leaves the amount due the invoice total)."""
        rest = _label(run, key)
        beside = self.right_of(run)
        text = rest if rest else beside.text if beside is not None else ""
        value = self.money(text)
        return value is not None and Decimal(value) == 0

    def complete_totals(self) -> None:
        """With no prepaid amount and no rounding printed, the amount due is the invoice total:
        an invoice that prints only one of them ('Total Due', 'Total factura') gives both. A
        rounding line ('Arrondi -0.02', Swiss five-centime rounding; EN 16931 BT-114) makes
        them differ."""
        if any(
            _label(run, "prepaid") is not None
            or (_rounding(_label(run, "rounding")) and not self.zero_beside(run, "rounding"))
            for run in self.page.runs
        ):
            self.net_before_deposit()
            return
        for have, lack in (("due_payable", "grand_total"), ("grand_total", "due_payable")):
            if lack == "grand_total" and self.names_another_document():
                continue  # a statement's balance due is the sum of invoices, no invoice's total
            proof = self.result.evidence.get(have)
            value = getattr(self.result, have)
            if value is not None and proof is not None and proof.page == self.page.number:
                if getattr(self.result, lack) is None:
                    setattr(self.result, lack, value)
                    self.result.evidence[lack] = proof.model_copy()

    def net_before_deposit(self) -> None:
        """(session 32, invoices29) A page with no tax line at all whose only total is a 'net'
        one, a deposit under it and a smaller amount due ('Total net 1 244 000 / Acompte versé
        300 000 / Net à payer 944 000'): the net is the invoice's total (nothing is added to
        it), the amount due what is left after the deposit."""
        result = self.result
        net, due = result.tax_exclusive_total, result.due_payable
        if (
            net is None or due is None or result.grand_total is not None
            or result.tax_total is not None or Decimal(due) >= Decimal(net)
            or any(_label(run, "tax_total") is not None for run in self.page.runs)
        ):  # fmt: skip
            return
        proof = result.evidence.get("tax_exclusive_total")
        if proof is None or proof.page != self.page.number:
            return
        # (session 33, conflicts33) and the net stays the tax-exclusive total: a total printed
        # as net is EN 16931's BT-109 whether or not a tax line is printed
        result.grand_total = net
        result.evidence["grand_total"] = proof.model_copy()

    def resolve_currency(self) -> None:
        """A currency from the signs printed with the amounts when no code was: one that
        names a single currency ('€', '£', 'US$'), or '$' / '¥' with a code of one of the
        currencies they may mean printed elsewhere on the page. Else it stays None."""
        if self.result.currency is not None or not self.signs:
            return
        codes: dict[str, Word] = {}
        seller = self.result.seller_country or _vat_id_country(self.result.seller_vat_id)
        # (session 32, reviewi17) the page's own words: a sign's home currency gives way to the
        # one the sign names elsewhere when the page prints that one's code ('£' with 'Amount
        # GBP' on a Gibraltar seller's invoice is sterling, at par with its pound, not GIP)
        printed = {w.text.strip("():.,") for w in self.page.words}
        for sign, where in self.signs:
            home = _SIGN_AT_HOME.get(sign, {}).get(seller or "")
            if home is not None and CURRENCY_SIGNS.get(sign) in printed and home not in printed:
                home = None
            code = (
                home
                or CURRENCY_SIGNS.get(sign)
                or (sign if re.fullmatch(r"[A-Z]{3}", sign) else None)
            )
            if code is not None:
                codes.setdefault(code, where)
        ambiguous = [AMBIGUOUS_SIGNS[s] for s, _ in self.signs if s in AMBIGUOUS_SIGNS]
        if ambiguous and not codes:
            possible = frozenset.intersection(*ambiguous)
            for word in self.page.words:
                if word.text.strip("():.,") in possible:
                    codes.setdefault(word.text.strip("():.,"), word)
        # (the seller's country, or its VAT id's: 'RO 34567890' over no country: lei are RON)
        if ambiguous and not codes and seller is not None:
            # '¥1,009,000' on a Japanese exporter's invoice: the issuer's own currency
            homes = {HOME_SIGNS.get(s, {}).get(seller) for s, _ in self.signs}
            home = next(iter(homes))
            # not when the buyer's country prints the sign for its own currency too (a Nepali
            # exporter's 'Rs.' to an Indian buyer is as often INR, a Chinese one's '¥' JPY)
            buyer = self.result.buyer_country or ""
            theirs = {HOME_SIGNS.get(s, {}).get(buyer) for s, _ in self.signs}
            if len(homes) == 1 and home is not None and theirs <= {None, home}:
                self.put("currency", home, self.signs[0][1], confidence=0.7)
                return
        if len(codes) == 1:
            [(code, where)] = codes.items()
            self.put("currency", code, where, confidence=0.8)

    def currency_in_words(self) -> None:
        """The currency of the amount written in words when no amount showed one ('INR Five
        Lakh … Only', 'SAY US DOLLARS … ONLY' has its own rule): an ISO code starting a line
        of words that ends in 'only' (a scan whose '₹' OCR dropped)."""
        if self.result.currency is not None:
            return
        for run in self.ordered:
            found = _IN_WORDS.fullmatch(run.text.strip())
            if (
                found is not None
                and currency_code(found["code"]) is not None
                and re.search(r"\b(?:hundred|thousand|lakhs?|crores?|million)\b", run.text, re.I)
                and _amount_in_words(run.text.strip()[len(found["code"]) :])
            ):  # (not 'ALL prices in EUR only', 'ALL ONE HUNDRED CARTONS ONLY': Albania's
                # code, no amount)
                self.put("currency", found["code"], run, confidence=0.8)
                return
        for run in self.ordered:  # 'US Dollars Eight Thousand … Only', 'Rupees Two Lakh …'
            if not _WORDS_LINE.search(run.text) or words_amount(run.text) is None:
                continue
            said = _said(run.text)
            iso = re.match(r"(?P<code>[A-Z]{3})\s", said)
            if iso and currency_code(iso["code"]) and _amount_in_words(said[3:]):
                self.put("currency", iso["code"], run, confidence=0.7)  # 'in words: USD One …'
                return
            text = " ".join(run.text.lower().split())
            for name, code in _CURRENCY_WORDS.items():
                if re.search(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", text):
                    self.put("currency", code, run, confidence=0.7)
                    return
            home = HOME_SIGNS["Rs"].get(self.result.seller_country or "")
            if re.search(r"\brupees?\b", text) and home is not None:
                self.put("currency", home, run, confidence=0.7)
                return

    def total_in_words(self, state: dict[str, Any]) -> None:
        """The invoice total printed only in words ('Amount in words: US Dollars Eight
        Thousand Three Hundred Twenty-Five Only'), kept in ``state`` for
        :func:`total_from_words` once every page is read: a figure on a later page ('Total USD
        48,200.00' under 'L/C amount in words: … Fifty Thousand Only' on the first) is the
        total."""
        if self.result.grand_total is not None or "words_total" in state:
            return
        for run in self.ordered:
            if not _WORDS_LINE.search(run.text):
                continue
            # the words after the caption, every one an amount's ('ALL ONE HUNDRED CARTONS
            # ONLY' counts cartons)
            said = re.sub(r"^[A-Z]{3}\s+", "", _said(run.text))  # 'USD One Thousand Only'
            if not _amount_in_words(said):
                continue
            value = words_amount(said)
            if value is not None and value > 0:
                state["words_total"] = (str(value), Evidence(
                    source=self.page.source, page=self.page.number, box=self.page.box(run),
                    confidence=round(min(run.confidence, self.confidence, 0.6), 3),
                ))  # fmt: skip
                return

    def captioned_name(self, label: Word) -> Word | None:
        """The name on the first line under a party's label (left-aligned or centred over the
        block) when that line carries its own name caption: 'Razão Social: Tecnova Ltda',
        'Name: ACME Ltd' (the name, as a run of its own)."""
        under = [
            r for r in self.page.runs
            if r.top > label.top + self.h * 0.5 and r.top - label.bottom < self.h * 1.6
            and r.x0 < label.x1
        ]  # fmt: skip
        if not under:
            return None
        top = min(r.top for r in under)  # the next line's run nearest the label's centre
        first = min(
            (r for r in under if r.top - top < self.h * 0.5),
            key=lambda r: abs(r.x0 + r.x1 - label.x0 - label.x1),
        )
        caption = _NAME_CAPTION.match(first.text.strip())
        if caption is None:
            named = self.below(first, 1) if _NAME_BOX.fullmatch(first.text.strip()) else []
            if named and not _captioned(named[0]) and re.search(r"[^\W\d_]{2}", named[0].text):
                return named[0]
            return None
        name = first.text.strip()[caption.end() :].strip()
        if not re.search(r"[^\W\d_]{2}", name):
            return None
        return Word(name, first.x0, first.top, first.x1, first.bottom, first.confidence)

    def issuer_caption(self) -> Word | None:
        """(reviewi15) The topmost 'Razón social:' run when another buyer's caption stands
        under it: then it captions the issuer ('Razón social: Alimentos del Valle S.A.S.' over
        'Cliente: …' in Colombia; AFIP's 'Razón Social:' over 'Apellido y Nombre / Razón
        Social:' in Argentina), not the buyer it captions where the issuer's name heads the
        page uncaptioned (Uruguay's, Paraguay's, Venezuela's forms)."""
        captions = [r for r in self.ordered if _RAZON_SOCIAL.match(r.text.strip())]
        if not captions:
            return None
        first = min(captions, key=lambda r: r.top)
        if any(
            r.top > first.bottom and _label(r, "buyer", ("seller",)) is not None
            for r in self.page.runs
        ):
            return first
        return None

    def company_shipped_to(self, run: Word) -> bool:
        """(invoices31) Whether ``run`` is a 'Ship to' label over a company: a warehouse's or a
        forwarder's delivery address, no buyer (review 6: 'Ship To:' over 'Lager Test GmbH').
        A person shipped to on a page with no buyer's label is the consumer who bought."""
        found = label_matches(run.text).get("buyer")
        label = _ENUMERATION.sub("", run.text.strip())[: found.length] if found else ""
        if not re.fullmatch(r"ship(?:ped)?\s*-?\s*to\s*:?", label.strip(), re.I):
            return False
        rest = found.rest if found else ""
        under = [*self.below(run, 1), *filter(None, [self.right_of(run)])]
        return any(
            _company(text) or _FACILITY.search(text)
            for text in [rest, *(r.text for r in under)]
            if text
        )

    def party(self, role: str) -> None:
        other = "buyer" if role == "seller" else "seller"
        issuer = self.issuer_caption()
        # a delivery recipient's label ('Odbiorca', 'Consignee') only when no buyer's label
        # ('Nabywca', 'Buyer') gives the buyer, wherever on the page each stands
        ordered = sorted(self.ordered, key=lambda r: role == "buyer" and _recipient_label(r.text))
        for run in ordered:
            if role == "buyer" and self.company_shipped_to(run):
                continue
            if run is issuer:  # the issuer's 'Razón social:' (issuer_caption)
                if role == "buyer":
                    continue
                rest = _label(run, "buyer", ("seller",))
            else:
                rest = _label(run, role, (other,))
            if rest is None:
                continue
            rest = re.sub(r"^\([^)]*\)\s*(?::\s*)?", "", rest)  # 'Buyer (Bill to)'
            if rest:  # 'Bill To: Lakeside Hardware LLC', the address under it
                if _REFERENCE.match(rest) or not re.search(r"[^\W\d_]{2}", rest):
                    continue  # 'Customer No.: 10882', 'From: 01.11.2026'
                if parse_date(rest, day_first=True):
                    continue
                # (invoices31) a company's name, then its address after commas on the same
                # line ('Sold by: Hebridean Knitwear Ltd, 4 Pier Road, …, United Kingdom')
                head, comma, address = _name_then_address(rest)
                one_line = bool(comma) and _company(head) and country_code(address) is not None
                if country_code(rest) is not None and not _company(rest) and not one_line:
                    continue  # 'From: Ningbo, China', 'To: Hamburg, Germany': a voyage's ports
                if _route(rest):
                    continue  # 'FROM NINGBO, CHINA TO RIGA, LATVIA BY SEA': the goods' way
                box = (run.x0, run.top, run.x1, run.bottom, run.confidence)
                if one_line:
                    block = [Word(head.strip(), *box), Word(address.strip(), *box)]
                else:
                    block = [Word(rest, *box)]
                self.read_block(role, [*block, *self.below(run, 4)])
                return
            named = self.captioned_name(run)
            if named is not None:  # 'PRESTADOR DE SERVIÇOS' over 'Razão Social: Tecnova …'
                self.party_labels[role] = run
                self.read_block(role, [named, *self.below(named, 4)])
                return
            value = self.right_of(run)
            block = self.below(run, 5)
            # the line under it with its value beside it too, in the number's column
            under = self.right_of(block[0]) if block else None
            paired = (
                under is not None
                and value is not None
                and min(abs(under.x0 - value.x0), abs(under.x1 - value.x1)) < self.h * 1.5
            )
            if (
                value is not None
                and value.x0 - run.x1 < self.h * 12
                and re.search(r"\d", value.text)
                and not re.search(r"[^\W\d_]{2}", value.text)
                and (not block or paired)
            ):  # 'Kunde   4711003' in a column of labels: the customer's number, no block
                # ('Kunde: 4711003' over the customer's address is one)
                continue
            beside = self.right_of(block[0]) if block else None
            if (
                block
                and _NAME_CAPTION.fullmatch(block[0].text.strip())
                and beside is not None
                and not _captioned(beside)
                and re.search(r"[^\W\d_]{2}", beside.text)
            ):  # 'Στοιχεία πελάτη' over 'Επωνυμία:  ΜΕΛΙΣΣΑ ΤΡΟΦΙΜΑ Ο.Ε.': the name's caption
                self.party_labels[role] = run
                self.read_block(role, [beside, *self.form_rows(block[1:])])
                return
            named_row = self.name_row(block)
            if named_row is not None:
                # (invoices27) a form's rows under the caption, the name's not first: EFRIS's
                # 'Section A: Seller's Details' over 'TIN:', 'Legal Name:', 'Address:'
                index, name = named_row
                self.party_labels[role] = run
                rows = [r for i, r in enumerate(block) if i != index]
                self.read_block(role, [name, *self.form_rows(rows)])
                return
            # a caption under the label, known or not ('R.U.T.:'), is no name; a company's
            # name whose last full stop OCR read as a colon is ('Hendriks Handel B.V:')
            caption = bool(block) and (
                _is_bare_label(block[0])
                or _NUMBER_CAPTION.fullmatch(block[0].text.strip()) is not None
                or (
                    block[0].text.rstrip().endswith(":")
                    and not _company(block[0].text.rstrip().rstrip(":"))
                    and len(block[0].text.split()) <= 3
                )
            )
            # (invoices35) a row with its own caption under a label with a party's name beside it
            # ('Razón Social:  Distribuidora del Litoral S.A.' over 'CUIT: 30-70987654-1
            # Condición frente al IVA: …', AFIP's receiver box): the party's details, no name
            form_row = (
                ":" in run.text
                and bool(block)
                and _captioned(block[0])
                and _label(block[0], role, (other,)) is None
                and _label(block[0], other) is None
                and (named_beside := self.right_of(run)) is not None
                and self.names_a_party(named_beside)
            )
            caption = caption or form_row
            if not block or caption or _names_field(block[0].text):
                # 'Señor(es):  Distribuidora Andes Ltda.' in a column of labels, each with its
                # value beside it ('R.U.T.:', 'Dirección:' under it): the name beside its label
                beside = self.right_of(run)
                if (
                    ":" in run.text
                    and caption
                    and beside is not None
                    and not _is_label(beside)
                    and not _captioned(beside)
                    and re.search(r"[^\W\d_]{2}", beside.text)
                    and beside.x0 - run.x1 < self.h * 12
                    and not (country_code(beside.text) and not _company(beside.text))
                ):
                    self.party_labels[role] = run
                    self.read_block(role, [beside, *self.labelled_rows(run, block, other)])
                    return
                if (
                    not block
                    and ":" in run.text
                    and beside is not None
                    and self.names_a_party(beside)
                    and beside.x0 - run.x1 < self.h * 12
                    and run.top < self.page.height * 0.5
                    and not self.in_remittance_slip(run)
                ):  # 'TO:  BALTIC HOME …' with its address under the name, not the label
                    # (a party's block heads the invoice; a payment advice's 'To:' under it
                    # is the payee's, the seller's)
                    self.party_labels[role] = run
                    stacked = [beside, *self.below(beside, 4)]
                    # the party's details under its label once the name's lines end
                    # ('Mã số thuế (Tax code): …' under 'Đơn vị bán hàng (Seller):')
                    after = [
                        r for r in self.page.runs
                        if abs(r.x0 - run.x0) < self.h * 1.5 and r.top > stacked[-1].top
                        and r.top - stacked[-1].bottom < self.h * 1.6
                    ]  # fmt: skip
                    if after:
                        first = min(after, key=lambda r: r.top)
                        stacked += [first, *self.below(first, 3)]
                    self.read_block(role, stacked)
                    return
                continue  # 'Customer' over 'Invoice Number (INV-2291)': the value is elsewhere
            code = block[0].text.partition(":")[2].strip()
            if (
                len(block) > 1
                and _captioned(block[0])
                and re.search(r"\d", code)
                and not re.search(r"[^\W\d_]{2}", code)
            ):  # (invoices30) 'BP Code: C20011' over the customer's name (SAP Business One),
                # 'Account: 4711' : the party's number at its block's head, not its name
                block = block[1:]
            if not _company(block[0].text) and (
                country_code(block[0].text) is not None or _PORT.fullmatch(block[0].text)
            ):  # 'FROM' over 'NINGBO, CHINA' or 'Shanghai Port' in a box: a voyage's port
                if len(block) < 2 or not _company(block[1].text):
                    continue  # no party
                block = block[1:]  # the shipper's name under it
            self.party_labels[role] = run
            self.read_block(role, block)
            return

    def labelled_rows(self, label: Word, under: list[Word], other: str) -> list[Word]:
        """The rows of a column of labels under a party's label, each joined to its value
        beside it ('Mã số thuế:  6001234567', 'Địa chỉ:  45 Lê Duẩn, …, Việt Nam'), up to the
        other party's label or a row without a value: the party's details for read_block."""
        rows: list[Word] = []
        for row in under:
            if _label(row, other) is not None or not row.text.rstrip().endswith(":"):
                break
            value = self.right_of(row)
            if value is None or value.x0 - label.x1 > self.h * 12:
                break
            kind = _detail_caption(row.text)
            if kind == "contact":
                continue  # 'Tel.:', 'E-mail:': nothing read, the column goes on
            if kind is None:
                break  # another party's row ('Forwarder:', 'Ship to:', 'Notify party:')
            rows.append(Word(f"{row.text} {value.text}", row.x0, row.top, value.x1, value.bottom,
                             min(row.confidence, value.confidence)))  # fmt: skip
        return rows

    def in_remittance_slip(self, run: Word) -> bool:
        """Whether ``run`` stands under a payment advice's or remittance slip's heading (the
        part to send back with the payment: its 'To:' is the payee)."""
        return any(
            r.bottom <= run.top and _REMITTANCE.match(r.text.strip()) for r in self.page.runs
        )

    def names_a_party(self, run: Word) -> bool:
        """Whether a run beside a party's label may be the party's name: letters, no label or
        caption of its own, no date, no reference, not a place alone."""
        text = run.text.strip()
        return (
            re.search(r"[^\W\d_]{2}", text) is not None
            and not _is_label(run)
            and not _captioned(run)
            and _REFERENCE.match(text) is None
            and parse_date(text, day_first=True) is None
            and not (country_code(text) is not None and not _company(text))
            and not _route(text)
        )

    def read_block(self, role: str, block: list[Word], confidence: float = 1.0) -> None:
        name = block[0]
        if len(block) > 1 and _runs_on(name, block[1], block[2:]):
            # a name too long for its line, its second line in the same type under it
            name = Word(f"{name.text.rstrip()} {block[1].text.strip()}", name.x0, name.top,
                        max(name.x1, block[1].x1), block[1].bottom,
                        min(name.confidence, block[1].confidence))  # fmt: skip
            block = [name, *block[2:]]
        ids: list[tuple[str, Word]] = []  # the party's VAT or tax ids, in block order
        split = _name_then_id(name.text)
        if split is not None:  # 'ООО "Вектор", ИНН 7701234567, КПП 770101001': the name
            name = Word(split[0], name.x0, name.top, name.x1, name.bottom, name.confidence)
            ids.append((split[1], block[0]))
        branch = _BRANCH_NOTE.search(name.text)
        if branch is not None and branch.start() > 0:  # 'Siam Rubber Co., Ltd. (Head Office)'
            name = Word(name.text[: branch.start()], name.x0, name.top, name.x1, name.bottom,
                        name.confidence)  # fmt: skip
        self.put(f"{role}_name", name.text, name, confidence=confidence)
        town: tuple[str, Word] | None = None  # a country named as a town is elsewhere too
        for line in block[1:]:
            if _is_label(line) and _label(line, "vat") is None:
                break  # the next block's label
            vat = _label(line, "vat")
            if vat == "" and (value_run := self.right_of(line)) is not None:
                # the label alone, its id beside it ('УНП:' | '300123456', a form's pairs)
                # (a word of letters first is a country's code, 'MT 1234 5678', or another
                # register's number, 'RC 1234567', 'Reg. No. …': no VAT id)
                first = value_run.text.split()[0] if value_run.text.split() else ""
                if (
                    value_run.x0 - line.x1 <= self.h * 8
                    and not label_matches(value_run.text)
                    and (not first.isalpha() or is_country(first) or first in ("EL", "XI"))
                ):
                    vat = value_run.text
            if vat is not None:
                if vat and (value := vat_id(vat)) is not None:
                    ids.append((value, line))
                    # a second id labelled beside it ('TIN: 104-567-231   VRN: 40-012345-A')
                    beside = self.right_of(line)
                    if (
                        beside is not None
                        and beside.x0 - line.x1 <= self.h * 4
                        and (rest := _label(beside, "vat"))
                        and (other := vat_id(rest)) is not None
                    ):
                        ids.append((other, beside))
                continue
            code = country_code(line.text)
            if code is None:
                # (invoices32) a captioned country before other details on its line ('Residencia
                # fiscal: USA   NumRegIdTrib: …', a CFDI's foreign receptor)
                code = _residence_country(line.text)
            if (found := self.vat_beside(line)) is not None:
                ids.append(found)  # 'IČ: 25412345  DIČ: CZ…'
                if code is not None:
                    # (session 28) the address's last line with the id beside it ('República
                    # Dominicana' | 'RNC: 1-31-12345-6'): its country still the party's
                    self.put(f"{role}_country", code, line, confidence=confidence)
                continue
            if code is None and " - " in line.text:  # 'Rodovia BR-491, km 12 - Varginha - Brazil'
                code = country_code(line.text.rsplit(" - ", 1)[-1])
            if code is not None and _TOWN_NAMED.search(line.text):
                # (session 32, reviewi17) 'Antigua' ends the line of a town of that name in
                # Guatemala or the Canaries ('5a Avenida Norte 12, Antigua' over 'Sacatepéquez,
                # Guatemala'): the island's only when no other line names a country
                town = town or (code, line)
                continue
            if code is not None:
                self.put(f"{role}_country", code, line, confidence=confidence)
        if town is not None:
            self.put(f"{role}_country", town[0], town[1], confidence=confidence)
        # The party's ids go on under a block cut at its length ('IČO', 'DIČ', then 'IČ DPH:
        # SK2020123456' on a sixth line): the lines stacked under it that are labelled ids,
        # up to the first that is not (no other detail is read from them), and only an id
        # with the prefix of the party's own country (the block may have run into the next
        # party's: 'NIP PL…' under a Ukrainian seller's block is its Polish buyer's).
        country = getattr(self.result, f"{role}_country")
        if len(block) > 1 and country is not None:
            for line in self.below(block[-1], 3):
                vat = _label(line, "vat")
                if not vat or (value := vat_id(vat)) is None:
                    break
                if value[:2] == {"GR": "EL"}.get(country, country):
                    ids.append((value, line))
        # A domestic tax number and the EU VAT id under one name ('Adószám: 12345678-2-06',
        # 'Közösségi adószám: HU12345678'): the VAT id is the one with its country's prefix.
        # A taxpayer's number and the VAT (sales tax) registration under one name ('TIN: …
        # VRN: …', 'NTN: … STRN: …'): the VAT id is the registration.
        ids.sort(
            key=lambda found: (not _vat_prefixed(found[0]), bool(_TAXPAYER.match(found[1].text)))
        )
        if ids and role == "seller":
            self.put("seller_vat_id", ids[0][0], ids[0][1])

    def name_row(self, block: list[Word]) -> tuple[int, Word] | None:
        """In a column of captioned rows (each caption ending in a colon, its value beside
        it), the row captioned as a name ('Legal Name:') and the name beside it; None when a
        row before it is no caption or nothing reads as a name."""
        for index, row in enumerate(block[:4]):
            text = row.text.strip()
            beside = self.right_of(row)
            if _NAME_CAPTION.fullmatch(text):
                if (
                    index > 0
                    and beside is not None
                    and beside.x0 - row.x1 < self.h * 12
                    and not _captioned(beside)
                    and re.search(r"[^\W\d_]{2}", beside.text)
                ):
                    return index, beside
                return None
            if not text.endswith(":") or len(text.split()) > 3 or beside is None:
                return None
        return None

    def form_rows(self, rows: list[Word]) -> list[Word]:
        """A party's captioned rows as read_block takes them: a tax id's caption as it is (its
        value is read beside it), any other caption's value beside it ('Address:' | 'Plot 14,
        Jinja Road, Kampala, Uganda'); up to the first row that is no caption."""
        out = []
        for row in rows:
            text = row.text.strip()
            beside = self.right_of(row)
            if not text.endswith(":") or len(text.split()) > 3:
                break
            if _label(row, "vat") is not None:
                out.append(row)
            elif beside is not None and beside.x0 - row.x1 < self.h * 12:
                out.append(beside)
            else:
                break
        return out

    def vat_along(self, line: Word, hops: int = 3) -> tuple[str, Word] | None:
        """A VAT id labelled on a run further along ``line``'s row, each run close beside the
        one before (at most ``hops`` runs on): 'RCCM : …   Id. Nat. : …   N° Impôt : …'."""
        current = line
        for _ in range(hops):
            beside = self.right_of(current)
            if beside is None or beside.x0 - current.x1 > self.h * 4:
                return None
            if self.aligned_in_a_block(beside):
                # (session 31, reviewi16) a line of another block beside the row, not a run
                # along it: the buyer's 'NIF : …' in the column beside the seller's registers
                return None
            rest = _label(beside, "vat")
            if rest and (value := vat_id(rest)) is not None:
                return value, beside
            current = beside
        return None

    def aligned_in_a_block(self, run: Word) -> bool:
        """Whether ``run`` is one line of a block of its own: a run on the line right over or
        under it starts where it starts (left-aligned lines, another column's)."""
        return any(
            r is not run
            and abs(r.x0 - run.x0) < self.h * 0.5
            and self.h * 0.6 < abs(r.middle - run.middle) < self.h * 1.8
            for r in self.page.runs
        )

    def vat_beside(self, line: Word) -> tuple[str, Word] | None:
        """A VAT id labelled after another detail of a party's address line, in the same run
        ('IČ: 25412345 DIČ / VAT No.: CZ25412345') or a run close beside it (vat_along)."""
        found = _vat_after(line.text)
        if found is not None:
            return found, line
        # (invoices27) or further along the row, each run close beside the one before: the
        # third of a run of registers ('RCCM : …   Id. Nat. : …   N° Impôt : A1904587K')
        return self.vat_along(line)

    def letterhead(self) -> None:
        """No seller label: the name at the top of the page, the letterhead, when the lines
        under it give the seller's country or VAT id (else it may be anything). It stands
        above every label on the page."""
        labelled = [
            r.top
            for r in self.ordered
            if set(label_matches(r.text)) - {"vat"} and not self.title_type(r)
        ]  # a VAT id's label beside the letterhead ('R.U.T.: 76.123.456-7') marks no block
        limit = min([self.page.height * 0.25, *labelled])
        buyer = self.party_labels.get("buyer")
        first = True  # the page's first line that is not the title
        for run in self.ordered:
            if run.top >= self.page.height * 0.25:
                return
            run = self.whole_name(run)
            if (
                _is_label(run)
                or not re.search(r"[^\W\d_]{2}", run.text)
                or self.title_type(run) is not None
                # another document's title ('STATEMENT OF ACCOUNT', 'PACKING LIST'): no name
                or _OTHER_DOCUMENT.fullmatch(run.text.strip().rstrip(":").strip())
                or run.text.rstrip().endswith(":")  # a caption ('Ship To:'), no company's name
            ):
                continue
            if _CAPTION_VALUE.match(run.text):
                # (invoices32) a caption with its value ('Shop: OakAndAnvilGoods', a
                # marketplace's shop handle over the seller's legal name): no name has a colon
                # after its first word or two; a line of the page all the same
                first = False
                continue
            caption = self.caption_over(run)
            if caption is not None and caption.text.rstrip().endswith(":"):
                continue  # the block under 'Ship To:' is another party's
            # a letterhead centred on the page ('NINGBO HAIDA … CO., LTD.' over its address);
            # a name printed large may stand further above its address (a gap of its own
            # height and a half: 14 pt over 8.5 pt lines 12 mm lower)
            height = run.bottom - run.top
            gap = max(self.h * 1.6, height * 1.5) if height >= self.h * 1.3 else None
            # (the longer stack: a centred block's first line may also start near the name's
            # left edge, its next lines not)
            stack = max(
                self.below(run, 6, gap=gap), self.below(run, 6, centred=True, gap=gap), key=len
            )
            # Or the block stacked right over the buyer's label (Tally: the seller's box,
            # then 'Buyer (Bill to)' under it), beside other labels on its line.
            over = next((i for i, r in enumerate(stack) if r is buyer), None)
            # a name printed large on the line of the first label (Tally: 'Invoice No.' to
            # the right of the letterhead) stands above every label too
            level = run.top < limit + self.h * 0.6 and run.bottom - run.top >= self.h * 1.3
            block = [run, *stack[: 5 if over is None else min(over, 5)]]
            # or a company's name anywhere at the top over its own VAT id or tax registration
            # (Japan: the buyer first after 'To:', the issuer's block on the right under the
            # invoice's number and date; Tally's box beside the invoice's boxes): the issuer's,
            # unless it is the buyer's block (the buyer's name, or under the buyer's label)
            registered = (
                _company(run.text)
                and run.text != self.result.buyer_name
                and (buyer is None or run.bottom <= buyer.top)
                and any(_label(line, "vat") for line in block[1:])
                and self.caption_over(run) is None  # 'Notify party:' over another's block
            )
            if run.top >= limit and over is None and not level and not registered:
                continue
            # a return line under the name ('Kessler GmbH · Pragstraße 140 · 70376 Stuttgart',
            # DIN 5008) ends the seller's block: the lines under it are the window's address,
            # the buyer's (OCR's padded boxes leave no gap to tell them apart)
            back = next((i for i, r in enumerate(block[1:], 1) if _return_line(r, run.text)), None)
            if back is not None:
                block = block[: back + 1]
            # A name printed large as the page's first line is a letterhead without a
            # country too ('Lone Star Fasteners, LLC' over a Dallas address).
            large = (
                first
                and run.bottom - run.top >= self.h * 1.3
                and run.top < limit
                and _looks_like_a_name(run.text)
            )
            first = False
            # (a return line that repeats the name names the letter's sender too)
            if len(block) < 2 or not (large or self.named_in_footer(run.text) or any(
                country_code(line.text) or _label(line, "vat") for line in block[1:]
            ) or back is not None):  # fmt: skip
                continue
            self.read_block("seller", block, confidence=0.8)
            return

    def whole_name(self, run: Word) -> Word:
        """(review i18) A name printed large as two or more runs on its line, each as large
        and less than its height from the last (a letterhead's words in two colours or fonts:
        'CEYLON HIGHLAND' 'TEA EXPORTS (PVT) LTD', centred as a whole): one run. A run of
        ordinary size, or a label or a title beside it, stays alone; so does a name that
        already ends in its legal form."""
        height = run.bottom - run.top
        if height < self.h * 1.3:
            return run
        parts = [run]
        while (
            after := next(
                (
                    r
                    for r in self.page.runs
                    if 0 <= r.x0 - parts[-1].x1 < height
                    and abs(r.top - run.top) < height * 0.3
                    and abs(r.bottom - r.top - height) < height * 0.15
                ),
                None,
            )  # fmt: skip
        ) is not None:
            if (
                _is_label(after)
                or self.title_type(after) is not None
                or _company(" ".join(p.text for p in parts))
            ):  # (a name ending in its legal form is whole: 'Negev Optics Ltd.' beside its
                # Hebrew, batch 20)
                break
            parts.append(after)
        if len(parts) == 1 or self.title_type(run) is not None:
            return run
        return Word(
            " ".join(p.text for p in parts), run.x0, min(p.top for p in parts), parts[-1].x1,
            max(p.bottom for p in parts), min(p.confidence for p in parts),
        )  # fmt: skip

    def footer_name(self) -> None:
        """No seller read above: the issuer's legal details in the footer (the bottom 15 %),
        their first part a company's name with a legal form beside its address
        ('Northstar Outfitters LLC · 55 NW Fir Street, Portland, OR 97209, USA · …' under a
        logo). A bank's part names the account, not the issuer; a captioned name
        ('Registered office: …', 'Parent company: …') or a footer that speaks of a group
        ('a member of the Hanami Group') may name another company: no guess."""
        footer = [r for r in self.ordered if r.top >= self.page.height * 0.85]
        if any(_GROUP_MEMBER.search(r.text[:500]) for r in footer):
            return
        for run in footer:
            # (OCR drops the spaces beside a middle dot: 'Northstar Outfitters LLC·55 NW …')
            parts = [p.strip() for p in re.split(_DOT_OR_BAR, run.text[:500])]
            name = parts[0]
            if (
                len(parts) < 2 or not _company(name) or _BANK.search(name) or _is_label(run)
                or ":" in name
            ):  # fmt: skip
                continue
            if _ACCOUNT.search(run.text[:500]) and not (
                _ISSUER_MARK.search(run.text[:500])
                or any("vat" in label_matches(part) for part in parts)
            ):  # a bank's name without the word ('ING Belgium SA · Avenue Marnix 24 … · IBAN
                # … · BIC …'): an account's details and nothing of an issuer's own
                continue
            rest = parts[1:]
            places = [code for part in rest if (code := country_code(part)) is not None]
            if not places and not any(re.search(r"\d", part) for part in rest[:2]):
                continue  # no address beside the name
            word = Word(name, run.x0, run.top, run.x1, run.bottom, run.confidence)
            self.put("seller_name", name, word, confidence=0.8)
            if places:
                self.put("seller_country", places[0], run, confidence=0.8)
            return

    def trading_as(self, role: str) -> None:
        """A party (seller or buyer) read by its trading name, whose legal name is printed
        before 't/a' or 'trading as' that name ('Harlow Graphics Ltd t/a Brightside Print &
        Sign', in the name read or on a line of the page): the party is the legal person."""
        key = f"{role}_name"
        name = getattr(self.result, key)
        proof = self.result.evidence.get(key)
        if name is None:
            return

        def squash(text: str) -> str:
            return re.sub(r"[\W_]+", "", _plain(text))

        wanted = squash(name)
        for run in [None, *self.ordered]:
            found = _TRADING_AS.match((name if run is None else run.text)[:300])
            if found is None:
                continue
            legal, trade = found["legal"].strip(" ,"), found["trade"]
            if run is not None and squash(run.text) != wanted and squash(trade) != wanted:
                continue  # another company's line
            if re.search(r"[^\W\d_]{2}", legal):
                setattr(self.result, key, legal)
                if proof is not None and run is not None:
                    proof.box = self.page.box(run)
                    proof.page = self.page.number
                return

    def named_in_footer(self, name: str) -> bool:
        """Whether the page's footer (the bottom 15 %, the issuer's legal details) starts with
        ``name``: 'Van der Berg B.V. | KvK 24123456 | BTW-id NL…' under a letterhead of that
        name names its issuer."""

        def squash(text: str) -> str:
            return re.sub(r"[\W_]+", "", text).lower()

        wanted = squash(name)
        return len(wanted) >= 4 and any(
            squash(_footer_head(run.text)) == wanted
            for run in self.page.runs
            if run.top >= self.page.height * 0.85
        )

    def read_table(self, state: dict[str, Any]) -> None:
        """Line items of this page, appended to those of earlier pages. A page without a
        header row continues the previous page's table in its columns (same source only)."""
        if any(
            key.startswith("line_items[") and proof.source == "xml"
            for key, proof in self.result.evidence.items()
        ):
            return
        header = self._table_header()
        if header is not None:
            columns, header_bottom = header
        else:
            carried = state.get("table")
            if carried is None or carried[0] != (self.page.source, self.page.number - 1):
                return
            columns, header_bottom, self.header_unit = carried[1], 0.0, carried[2]
        state["table"] = ((self.page.source, self.page.number), columns, self.header_unit)
        end = self.page.height
        for run in self.page.runs:
            if run.top > header_bottom and any(
                _label(run, k) is not None
                for k in ("tax_exclusive_total", "grand_total", "due_payable")
            ):
                end = min(end, run.top)
        words = [w for w in self.page.words if header_bottom < w.middle < end]
        # the header's captions, to know a column's legend under the table ('U: transmitància
        # tèrmica en W/m²K' under a window-maker's 'U' column)
        captions = {
            w.text.strip().lower()
            for w in self.page.words
            if header_bottom - self.h * 3 <= w.middle <= header_bottom
        }
        lines: list[list[Word]] = []
        for word in sorted(words, key=lambda w: w.middle):
            if lines and abs(lines[-1][-1].middle - word.middle) < self.h * 0.5:
                lines[-1].append(word)
            else:
                lines.append([word])
        rows: list[dict[str, list[Word]]] = []
        totalled = False  # a totals row read under the items ('Total marchandises HT')
        for line in lines:
            carried = _CARRIED.search(" ".join(w.text for w in sorted(line, key=lambda w: w.x0)))
            cells: dict[str, list[Word]] = {}
            previous: tuple[str, Word] | None = None
            joined = _join_thousands(sorted(line, key=lambda w: w.x0), self.h)
            for at, word in enumerate(joined):
                column = self._column(columns, word)
                if (
                    column == "description"
                    and previous is not None
                    and previous[0] == "description"
                    and word.x0 - previous[1].x1 > self.h
                    and re.search(r"\d", word.text)
                    and (beyond := self._overlapped_after(columns, _cell_from(joined, at, self.h)))
                    is not None
                ):  # a right-aligned figure wider than its header ('5.000 Adet' under
                    # 'Miktar'), far from the description's words: the next column's;
                    # (invoices30) the figure with the words printed close after it ('120.00
                    # bag' under Zoho's 'Qty': the unit's word reaches under the header)
                    column = beyond
                if (
                    previous is not None
                    and previous[0] == "description"
                    and column != "description"
                    and not re.search(r"\d", word.text)
                    and 0 <= word.x0 - previous[1].x1 < self.h * 0.45
                ):  # a long description running on under the next header ('... long sleeve')
                    column = "description"
                elif (
                    previous is not None
                    and previous[0] == "other"
                    and column not in {"other", "description"}
                    and not re.search(r"\d", word.text + previous[1].text)
                    and 0 <= word.x0 - previous[1].x1 < self.h * 0.45
                ):  # (reviewi22) a packing column's words running on under the quantity's
                    # header ('25 kg PP woven bags' | '20'): the packing's, not a count
                    column = "other"
                cells.setdefault(column, []).append(word)
                previous = (column, word)
            if carried and not all(
                any(re.search(r"\d", w.text) for w in cells.get(k, []))
                for k in ("quantity", "unit_price")
            ):
                # 'Carried forward 2,134.20', 'Continued on page 2': no item; a line with a
                # quantity and a price is one ('Carry over bag', 'Recorder for a reporter')
                continue
            if "amount" in cells and self.money(" ".join(w.text for w in cells["amount"])):
                if _tax_row(cells) or self.summary_row(cells):
                    continue
                if rows and not self.counted_row(cells):
                    said = " ".join(w.text for w in cells.get("description", []))
                    if _TOTAL_FIRST.match(said):
                        # (reviewi21) a total no vocabulary knows under the items, neither
                        # quantity nor price ('Total marchandises HT', 'Total mercadoria'):
                        # the totals begin, and the rows after it without them (freight, a
                        # discount) are the totals' too
                        totalled = True
                    if totalled:
                        continue
                rows.append(cells)
            elif (
                rows
                and "description" in cells
                and set(cells) <= {"description", "item", "other"}
                and min(w.top for w in line) - max(w.bottom for ws in rows[-1].values() for w in ws)
                < self.h * 1.5
            ):  # a description's next line, not a footer far under the table
                if _HS_LINE.fullmatch(" ".join(w.text for w in cells["description"])):
                    continue  # 'HS 8714.96' under the description: the goods' code, no words
                said = " ".join(w.text for w in sorted(line, key=lambda w: w.x0))
                legend = re.match(r"([^\s:]{1,12})\s*:", said)
                if legend is not None and legend[1].lower() in captions:
                    continue  # a column's legend ('U: …' under 'U'), no description
                rows[-1]["description"] = rows[-1].get("description", []) + cells["description"]
        for index, cells in enumerate(rows, start=len(self.result.line_items)):

            def text(name: str, cells: dict[str, list[Word]] = cells) -> str | None:
                words = cells.get(name)
                return " ".join(w.text for w in words) if words else None

            counted = text("quantity") or ""
            unit = text("unit_code")
            printed = re.fullmatch(r"(.*\d)\s*([^\W\d_]+\.?)", counted)
            if printed and unit_code(printed[2]) is not None:  # '6,000 PCS' in one cell
                counted = printed[1]
                if unit is None:
                    unit, cells["unit_code"] = printed[2], cells["quantity"]
            if unit is None and self.header_unit is not None:  # 'Qty (pcs)'
                unit, cells["unit_code"] = self.header_unit[0], [self.header_unit[1]]
            printed_code = currency_code(text("currency") or "")
            if printed_code is not None:  # a currency column
                self.signs.append((printed_code, cells["currency"][0]))
            amount = text("amount") or ""
            sign = currency_sign(amount)
            if sign is not None:
                self.signs.append((sign, cells["amount"][0]))
            price = quantity(_per_unit(text("unit_price") or "", unit), self.mark)
            count = _quantity_by_amount(counted, self.mark, price, self.money(amount))
            item = LineItem(
                description=text("description"),
                quantity=count,
                unit_code=unit_code(unit, self.languages) if unit else None,
                # a price per unit ('4,85 EUR / KG', '$12.00/ea'): the price
                unit_price=price,
                amount=_amount_by_line(amount, self.mark, count, price),
            )
            self.result.line_items.append(item)
            for name, value in item.model_dump().items():
                if value is not None:
                    words = cells[name]
                    self.result.evidence[f"line_items[{index}].{name}"] = Evidence(
                        source=self.page.source,
                        page=self.page.number,
                        box=self.page.box(*words),
                        confidence=round(min([self.confidence] + [w.confidence for w in words]), 3),
                    )

    def counted_row(self, cells: dict[str, list[Word]]) -> bool:
        """Whether a row's quantity or unit price reads as a number."""
        return any(
            quantity(" ".join(w.text for w in cells.get(k, [])), self.mark) is not None
            for k in ("quantity", "unit_price")
        )

    def summary_row(self, cells: dict[str, list[Word]]) -> bool:
        """A row of the totals under the table, whose label no vocabulary knows ('Goods at
        20%', 'Zero-rated goods'): an amount with neither a description nor an item code, nor
        a quantity or price that reads as a number. Every item has a description."""
        if cells.keys() & {"description", "item"}:
            return False
        return all(
            quantity(" ".join(w.text for w in cells.get(k, [])), self.mark) is None
            for k in ("quantity", "unit_price")
        )

    _HEAD = _HEADERS

    def _table_header(self) -> tuple[list[tuple[str, float, float]], float] | None:
        runs = sorted(self.page.runs, key=lambda r: (r.top, r.x0))
        for anchor in runs:
            anchor_text = _head_text(anchor.text)
            if not any(
                re.fullmatch(self._HEAD[k], anchor_text, re.I) for k in _DESCRIPTIONS
            ) and not (
                self.page.source == "ocr"  # OCR joins cells: 'No Description of goods'
                and any(part[0] in _DESCRIPTIONS for part in self._header_parts(anchor))
            ):
                continue
            line = [r for r in runs if abs(r.middle - anchor.middle) < self.h * 0.6]
            line = self._two_line_cells(line, runs)
            columns: list[tuple[str, float, float]] = []
            weights: set[float] = set()  # where a 'Net kg' column starts
            for run in sorted(line, key=lambda r: r.x0):
                for part in self._header_parts(run):
                    columns.append(part)
                    if part[0] == "quantity" and _WEIGHT_HEAD.fullmatch(_head_text(run.text)):
                        weights.add(part[1])
            if weights and any(c[0] == "quantity" and c[1] not in weights for c in columns):
                # (reviewi21) 'Net kg' is the quantity of goods priced per kg (invoices32), but
                # beside a quantity column of its own ('Koli | Brüt kg | Net kg | Miktar') a
                # packing column: the goods' weight, no field
                columns = [("other" if c[1] in weights else c[0], c[1], c[2]) for c in columns]
            columns = _units_counted(columns, line)
            # 'Item' is the description column unless another is ('Item', 'Description'):
            # then the item's code or name, no field, but an item's row (summary_row)
            item = "item" if any(c[0] == "description" for c in columns) else "description"
            columns = [(item if c[0] == "item" else c[0], c[1], c[2]) for c in columns]
            columns = _net_is_the_amount(columns)
            value = "other" if any(c[0] == "amount" for c in columns) else "amount"
            columns = [(value if c[0] == "value" else c[0], c[1], c[2]) for c in columns]
            columns = _one_amount(columns)
            if not any(c[0] == "amount" for c in columns):  # 'Brutto' the only amount
                columns = [("amount" if c[0] == "gross" else c[0], c[1], c[2]) for c in columns]
            names = {c[0] for c in columns}
            if {"description", "quantity", "amount"} <= names:
                self._header_runs = [
                    part for r in line for part in self._header_parts_of.get(id(r), [r])
                ]
                for run in line:
                    for code in re.findall(r"\b[A-Z]{3}\b", run.text):
                        if currency_code(code):  # 'Amount (USD)', 'Total CHF'
                            self.signs.append((code, run))
                    for sign in re.findall(r"\(\s*([^\s()/]+)", run.text):
                        if sign in CURRENCY_SIGNS:  # 'Total Value (US$)', 'Price (US$/Pc)'
                            self.signs.append((sign, run))
                    for sign in run.text.split():
                        # a sign of one currency as a word of its own ('Prezzo €', 'Importo
                        # €'; not a word such as 'TL' or 'lei', which may be a header's)
                        if sign in CURRENCY_SIGNS and re.search(r"[^\w.]", sign):
                            self.signs.append((sign, run))
                    bracket = re.search(r"\(([^)]*)\)", run.text)
                    if (
                        bracket
                        and unit_code(bracket[1])
                        and re.match(self._HEAD["quantity"], _head_text(run.text), re.I)
                    ):
                        self.header_unit = (bracket[1], run)
                return columns, max(r.bottom for r in line)
        return None

    def _two_line_cells(self, line: list[Word], runs: list[Word]) -> list[Word]:
        """The header line with cells printed on two lines joined ('Unit' above 'Price', 'Net'
        above 'Amount'): a run just above or below one of the line's, over it, whose joined
        text names a column. A word alone on the other line ('Unit' over a bottom-aligned
        row) joins the run under or over it the same way."""
        top = min(r.top for r in line)
        bottom = max(r.bottom for r in line)
        near = [
            r for r in runs
            if all(r is not x for x in line)
            # OCR's padded boxes of two lines may touch or overlap a little
            and (-0.3 * self.h <= top - r.bottom < self.h * 0.8
                 or -0.3 * self.h <= r.top - bottom < self.h * 0.8)
        ]  # fmt: skip
        joined: list[Word] = []
        used: set[int] = set()
        for run in sorted(line, key=lambda r: r.x0):
            for other in near:
                if id(other) in used or min(run.x1, other.x1) - max(run.x0, other.x0) <= 0:
                    continue
                upper, lower = (other, run) if other.top < run.top else (run, other)
                text = f"{upper.text} {lower.text}"
                head = _head_text(text)
                if (
                    re.search(r"\d", other.text)
                    or head in (_head_text(upper.text), _head_text(lower.text))  # 'UNIT' 'PCS'
                    or not any(re.fullmatch(p, head, re.I) for p in _HEADERS.values())
                ):
                    continue
                used.add(id(other))
                run = Word(text, min(run.x0, other.x0), upper.top, max(run.x1, other.x1),
                           lower.bottom, min(run.confidence, other.confidence))  # fmt: skip
                self._header_parts_of[id(run)] = [upper, lower]
                break
            joined.append(run)
        return joined

    def _header_parts(self, run: Word) -> list[tuple[str, float, float]]:
        """A header run may hold several column names when OCR joins them."""
        text = _head_text(run.text)
        seller = self.result.seller_country
        if _unit_in_currency(run.text, seller):
            return [("unit_price", run.x0, run.x1)]
        for name, pattern in self._HEAD.items():
            if re.fullmatch(pattern, text, re.I):
                return [(name, run.x0, run.x1)]
        parts: list[tuple[str, float, float]] = []
        texts: list[str] = []  # each part's words
        bracket = False
        words = [part for word in split_run(run) for part in _glued_cells(word)]
        skip = 0  # words already taken by a longer name
        for index, word in enumerate(words):
            if skip:
                skip -= 1
                continue
            # Words in brackets belong to the cell before them: 'Qty Unit price (excl. VAT)';
            # so does a currency's sign or code after a name ('EP €', 'Betrag EUR')
            if parts and (bracket or word.text.startswith("(")):
                bracket = ")" not in word.text
                parts[-1] = (parts[-1][0], parts[-1][1], word.x1)
                continue
            if parts and parts[-1][0] != "other" and _currency_word(word.text):
                kind = parts[-1][0]
                if kind == "unit_code" and _unit_in_currency(f"{texts[-1]} {word.text}", seller):
                    kind = "unit_price"  # (session 29) 'Unit BDS$' beside 'Unit'
                parts[-1] = (kind, parts[-1][1], word.x1)
                continue
            # a name of several words starting here ('No Description of goods': OCR's one run
            # for the cells 'No' and 'Description of goods')
            span = next(
                (
                    (name, end)
                    for end in range(min(len(words), index + 4), index + 1, -1)
                    for name, pattern in self._HEAD.items()
                    if re.fullmatch(
                        pattern, _head_text(" ".join(w.text for w in words[index:end])), re.I
                    )
                ),
                None,
            )
            if span is not None:
                parts.append((span[0], word.x0, words[span[1] - 1].x1))
                texts.append(" ".join(w.text for w in words[index : span[1]]))
                skip = span[1] - index - 1
                continue
            joined = _head_text(f"{texts[-1]} {word.text}") if parts else ""
            longer = next(
                (n for n, p in self._HEAD.items() if parts and re.fullmatch(p, joined, re.I)),
                None,
            )
            if longer is not None and parts[-1][0] != "other":
                # a two-word name of the part before ('Wartość' + 'netto' in 'Wartość netto
                # VAT %', OCR's one run for three cells)
                parts[-1] = (longer, parts[-1][1], word.x1)
                texts[-1] = f"{texts[-1]} {word.text}"
                continue
            kind = "other"
            for name, pattern in self._HEAD.items():
                if re.fullmatch(pattern, _head_text(word.text), re.I):
                    kind = name
                    break
            if (
                parts
                and kind == "unit_price"
                and parts[-1][0] == "unit_code"
                # English 'Unit' before 'Rate' qualifies it; 'Einh. Einzelpreis' and 'ME
                # Preis' are a unit's column and a price's
                and re.fullmatch(r"units?", texts[-1], re.I)
            ):
                parts[-1] = ("unit_price", parts[-1][1], word.x1)
                texts[-1] = f"{texts[-1]} {word.text}"
                continue
            parts.append((kind, word.x0, word.x1))
            texts.append(word.text)
        return parts

    def _overlapped_after(self, columns: list[tuple[str, float, float]], word: Word) -> str | None:
        """The column after the description whose header ``word`` reaches under, if any."""
        names = [name for name, _, _ in columns]
        if "description" not in names:
            return None
        after = columns[names.index("description") + 1 :]
        if not after or word.x1 <= after[0][1]:
            return None
        return after[0][0]

    def _column(self, columns: list[tuple[str, float, float]], word: Word) -> str:
        centre = (word.x0 + word.x1) / 2
        for index, (name, x0, x1) in enumerate(columns):
            left = -1e9 if index == 0 else (columns[index - 1][2] + x0) / 2
            if index + 1 < len(columns):
                right_x0 = columns[index + 1][1]
                right = right_x0 - self.h * 0.2 if name == "description" else (x1 + right_x0) / 2
            else:
                right = 1e9
            if name == "description" and index > 0:
                left = x0 - self.h * 0.5
            if left <= centre < right:
                return name
        return "other"


def _cell_from(words: list[Word], at: int, h: float) -> Word:
    """``words[at]`` with the words after it on its line printed close to it (less than half
    a line's height apart): one cell's extent ('120.00' 'bag')."""
    last = at
    while last + 1 < len(words) and words[last + 1].x0 - words[last].x1 < h * 0.5:
        last += 1
    first = words[at]
    return Word(
        " ".join(w.text for w in words[at : last + 1]), first.x0, first.top, words[last].x1,
        first.bottom, first.confidence,
    )  # fmt: skip


def _net_is_the_amount(columns: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """A header naming the line's net amount ('Taxable Value', 'Net Amount') gives the line
    amount; another amount column right of a tax column after it ('Taxable Value | CGST Amt
    | SGST Amt | Total') is the line's gross, any other ('Amount | Disc. | Net Amount') is
    no line amount."""
    nets = [c[1] for c in columns if c[0] == "net"]
    if not nets:
        return columns
    net = nets[0]
    taxes = [c[1] for c in columns if c[0] == "tax" and c[1] > net]
    gross = any(c[0] == "gross" for c in columns)
    out: list[tuple[str, float, float]] = []
    for name, x0, x1 in columns:
        if name == "net":
            name = "amount" if x0 == net else "other"
        elif name == "amount":
            name = "gross" if not gross and taxes and x0 > min(taxes) else "other"
            gross = gross or name == "gross"
        out.append((name, x0, x1))
    return out


def _one_amount(columns: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """Two or more columns named as the line amount ('Value | Amount', 'Betrag | Gesamt',
    'Total | Amount'): the rightmost is the amount and the others no field; taken together,
    each row's figures under them were read as one number ('496,00 496,00' -> 4960049600)."""
    amounts = [c[1] for c in columns if c[0] == "amount"]
    if len(amounts) < 2:
        return columns
    right = max(amounts)
    return [("other" if c[0] == "amount" and c[1] != right else c[0], c[1], c[2]) for c in columns]


_RECIPIENT = re.compile(
    r"(?:ultimate\s+)?consignee|odbiorca|destinatari[oa]|destinataire|(?<![^\W\d_])empf[äa]nger"
    r"|příjemce|mottaker|mottagare|modtager|грузополучатель|вантажоодержувач"
    r"|ship(?:ped)?\s*-?\s*to",
    re.I,
)
_BUYER_WORDS = re.compile(
    r"buyer|nabywca|bill|sold|customer|invoice|rechnung|factur|purchaser|importer|messrs"
    r"|kund|client|k[äa]ufer|acquirente|comprador|odb[ěe]ratel|vev[őo]|cump[ăa]r[ăa]tor",
    re.I,
)


def _recipient_label(text: str) -> bool:
    """Whether a run's buyer label names only a delivery recipient ('Odbiorca:', 'Consignee'),
    not the buyer ('Nabywca', 'Buyer / Consignee', 'Rechnungsempfänger')."""
    found = label_matches(text).get("buyer")
    if found is None:
        return False
    label = _ENUMERATION.sub("", text.strip())[: found.length]
    return _RECIPIENT.search(label) is not None and _BUYER_WORDS.search(label) is None


# The captions of a party's own details in a column of labels under its name's label (see
# _Reader.labelled_rows): its address, country, tax id or name; a phone's or e-mail's passed
# over; any other row (a forwarder's, a delivery address, a port) ends the party's details.
_ADDRESS_CAPTION = re.compile(
    r"(?:(?:legal|registered|postal|business|юридический|почтовый)\s+)?"
    r"(?:address|addr\.?|adresse|adres|adresa|anschrift|direcci[óo]n|indirizzo|endere[çc]o"
    r"|morada|địa\s+chỉ|dia\s+chi|адрес|адреса|мекенжайы|хаяг|διε[ύυ]θυνση"
    # (session 25) Azerbaijani, Uzbek, Swahili, Filipino, Belarusian, Kyrgyz, Albanian
    r"|[üu]nvan|manzil|anwani|tirahan|адрас|дареги|adresa"
    # (invoices27) Spanish, Portuguese, Italian and French 'domicile' (Uruguay's e-Factura:
    # 'Domicilio: Av. Italia 4520, 11400 Montevideo, Uruguay')
    r"|domic[íi]lio(?:\s+(?:fiscal|comercial|legal|social))?|domicile)",
    re.I,
)
_CONTACT_CAPTION = re.compile(
    r"tel\.?|phone|telephone|fax|e-?mail|điện\s+thoại|dien\s+thoai|тел\.?|телефон|τηλ\.?"
    r"|website|web",
    re.I,
)


def _detail_caption(text: str) -> str | None:
    """'detail' when a row's caption ('Địa chỉ:', 'Мекенжайы / Адрес:', 'Mã số thuế:') names a
    party's own address, country, tax id or name; 'contact' for a phone or e-mail; else
    None."""
    caption = text.rstrip().removesuffix(":").strip()
    parts = [p.strip() for p in caption.split("/") if p.strip()] or [caption]
    if (
        "vat" in label_matches(f"{text} 123456789")  # (whatever its value: 'TIN:' over '-')
        or _NAME_CAPTION.match(text)
        or _COUNTRY_CAPTION.match(text + " x")
    ):
        return "detail"
    if any(_ADDRESS_CAPTION.fullmatch(p) for p in parts):
        return "detail"
    if any(_CONTACT_CAPTION.fullmatch(p) for p in parts):
        return "contact"
    return None


# A CFDI's 'Folio:' (not 'Folio fiscal', its UUID) and its 'Serie:' apart (with_series)
# (reviewi22) 'Serija LBT Nr. 2604', 'Seria TMS nr. 0004571 din 17.03.2026': the series in
# capitals and digits, the number, a date after Romania's 'din' (of)
_SERIES_RUN = re.compile(
    r"\s*(?i:seri(?:a|ja|e))\s+(?P<series>[A-Z0-9]{1,6})\s+(?i:nr|no|n[°º])\.?\s*"
    r"(?P<number>\d[\w/-]{0,19})(?:\s+(?i:din)\s+(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4}))?\s*"
)
_FOLIO = re.compile(r"\s*folio(?!\s*fiscal)\s*:", re.I)
# (invoices31) with its English gloss, as a CFDI's bilingual printed representation has it
# ('Serie / Series: A')
_SERIES = re.compile(r"\s*serie(?:\s*/\s*series)?\s*:\s*(?P<series>[A-Za-z0-9]{1,5})?\s*$", re.I)
# A number's caption alone on a party's first line ('Reg. No.', 'Tax No.', 'Customer #'), its
# value beside it: no name (Korea's tax invoices: 'Supplier' over 'Reg. No.  124-81-56789').
_NUMBER_CAPTION = re.compile(r"(?:[^\W\d_]+\.?\s+){0,2}(?:no|nr|n[°º]|number|#)\.?\s*:?", re.I)
# A caption for a party's name in its block, the name beside it ('Name:', 'Razón social:').
_NAME_CAPTION = re.compile(
    r"(?:(?:(?:company|firm|legal)\s+)?name|company|firma|nazwa(?:\s+firmy)?|raz[óo]n\s+social"
    r"|(?:nome\s*/\s*)?raz[ãa]o\s+social"
    r"|raison\s+sociale|ragione\s+sociale|denomina[çc][ãa]o(?:\s+social)?|επωνυμ[ίι]α|n[ée]v"
    r"|n[áa]zev(?:\s+firmy)?|navn|namn|denumire(?:a)?|unvan[ıi]?|ad[ıi]\s+soyad[ıi]"
    r"|nombre(?:\s+o\s+raz[óo]n\s+social)?)"
    r"\s*:",
    re.I,
)
# The same caption alone in a box, its name under it ('NOME / RAZÃO SOCIAL' in a DANFE).
_NAME_BOX = re.compile(_NAME_CAPTION.pattern.removesuffix(r"\s*:") + r"\s*:?", re.I)


# Short words a company's name may hold in lower case ('Van der Berg', 'Cerámicas del Levante').
_PARTICLES = frozenset(
    "a an and of the for de der den des del della di da do du la le les van von y e et und "
    "zu zum en".split()
)


# A footer naming a company's group: its companies' names are not the issuer's alone.
_GROUP_MEMBER = re.compile(r"\b(?:member|subsidiary|division)\s+of\b|\bgroup\s+company\b", re.I)
_TRAVEL = re.compile(r"\bby\s+(?:sea|air|road|rail|truck|vessel|ocean\s+freight)\b", re.I)


_REMITTANCE = re.compile(
    r"(?:payment\s+advice|remittance(?:\s+(?:advice|slip))?|zahlschein|talon\s+de\s+paiement)",
    re.I,
)
# An addressee's attention line: a person with a title, or a department.
_ATTENTION = re.compile(
    r"(?:(?:mr|mrs|ms|miss|dr|prof|herr|frau|mme|mlle|sr|sra)\.?\s+[^\W\d_]"
    r"|(?:attn|attention|fao|z\.\s*hd|t\.\s*a\.\s*v|c/o)\b"
    r"|[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:department|dept\.?)\s*$"
    r"|(?:abteilung|afdeling|service|département)\s+[^\W\d_])",
    re.I,
)
# A legal name before its trading name: 'Harlow Graphics Ltd t/a Brightside Print & Sign'.
_TRADING_AS = re.compile(
    r"\s*(?P<legal>[^\W\d_][^/]{1,120}?)\s{1,3}(?:t/a|trading\s+as)\s{1,3}(?P<trade>\S.*)", re.I
)


# The place a letter's date follows: 'Galway, 12 April 2026', 'Hamburg, den 12.04.2026'.
# A word for 'of' before a title's date on a line of its own ('ад 15 студзеня 2026 г.')
_OF_DATE = re.compile(r"^(?:от|від|ад|dated|vom|del|du)\s+(?=\d)", re.I)
# (session 28) the formula glued to the date when a pair's label and value join in one run
# ('Hamburg, den' | '12.03.2026' read as 'Hamburg, den12.03.2026', the gap under a space's width)
_PLACE_BEFORE_DATE = re.compile(
    r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3},\s*(?P<formula>(?:den|le)(?:\s+|(?=\d)))?"
)
# (session 27) a letter's place and its formula alone on a run, its date in the run beside
_PLACE_ALONE = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-][^\W\d_]+){0,3},(?:\s*(?:den|le))?")
# Titles of documents that go with an invoice and cite its number but are none.
# (invoices32) the office of a company that issues or receives the invoice, in brackets after
# its name: Thailand's tax invoices must say which ('(Head Office)', '(สำนักงานใหญ่)', '(Branch
# 00001)', '(สาขาที่ 00001)'), a note beside the legal name, not part of it
_BRANCH_NOTE = re.compile(
    r"\s*\(\s*(?:head\s+office|headquarters|main\s+office|h\.?\s*o\.?"
    r"|branch(?:\s+(?:no\.?\s*)?\d+)?|สำนักงานใหญ่|สาขา(?:ที่)?\s*\d*)\s*\)\s*$",
    re.I,
)
# (invoices32) a currency sign or code alone in brackets in an amount's label ('TOTAL (€)')
_BRACKETED_SIGN = re.compile(r"\(\s*([^\s()\d]{1,5})\s*\)")
# (invoices32) a party's country under its caption, other details after it on the line: a
# CFDI's 'Residencia fiscal: USA' (the foreign receptor's tax residence), 'País: Chile'
_RESIDENCE = re.compile(
    r"\s*(?:residencia\s+fiscal|pa[íi]s(?:\s+de\s+residencia)?|country(?:\s+of\s+residence)?)"
    r"\s*:\s*(?P<country>[^\W\d_]{2,}(?:\s[^\W\d_]+){0,3}?)(?=\s{2,}|\s*$)",
    re.I,
)
# (reviewi20) an order named over a column of captions ('Your order', 'PO', 'P.O.', 'Pedido')
_ORDER_WORD = re.compile(r"\border\b|\bp\.?\s*o\b\.?|\bpedido\b|\bbestellung\b|\bcommande\b", re.I)


def _residence_country(text: str) -> str | None:
    """(invoices32) The country captioned at the start of a party's line ('Residencia fiscal:
    USA', 'País: Chile'); (reviewi20) also as SAT's c_Pais code, ISO 3166 alpha-3, that a
    CFDI prints for a foreign receptor ('Residencia fiscal: CAN', which no name reads)."""
    residence = _RESIDENCE.match(text)
    if residence is None:
        return None
    name = residence["country"]
    code = country_code(name)
    if code is None and re.fullmatch(r"[A-Z]{3}", name):
        code = resolve_country(name)  # the party lists' policy reads ISO codes
    return code


# (invoices32) a caption of one or two words and its value on one run ('Shop: OakAndAnvilGoods')
_CAPTION_VALUE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s*:\s*\S")
_OTHER_DOCUMENT = re.compile(
    r"packing\s+(?:list|slip)|delivery\s+(?:note|docket|order)|dispatch\s+note|lieferschein"
    r"|packliste|bon\s+de\s+livraison|liste\s+de\s+colisage|albar[áa]n|lista\s+de\s+empaque"
    r"|statement(?:\s+of\s+account)?|quotation|quote|purchase\s+order|order\s+confirmation"
    r"|(?:payment\s+|order\s+)?receipt|remittance\s+advice|shipping\s+(?:note|advice|instructions)"
    r"|certificate\s+of\s+origin|bill\s+of\s+lading|air\s*way\s*bill",
    re.I,
)
# An invoice number's label ('Invoice No.', 'Re: Invoice No.', 'Tax Invoice #', 'Fattura n.',
# 'Rechnung Nr.'), a translation before it ('Rechnung / Invoice Nr.', 'Rakhunok / Invoice No.').
_INVOICE_NUMBER_LABEL = re.compile(
    r"(?:re\s*:\s*)?(?:[^\W\d_]+\s*/\s*)?(?:tax\s+|commercial\s+)?"
    r"(?:invoice|rechnung|fattura|factuur|facture|factura|faktura|fatura)"
    r"\s*(?:no|nr|number|#|n[°º]?|num|numero|número|nummer)(?![^\W\d_])",
    re.I,
)


def _route(text: str) -> bool:
    """Whether a party label's text is the goods' route, not a party: 'NINGBO, CHINA TO RIGA,
    LATVIA BY SEA', 'Shanghai to Hamburg by vessel' (a place on either side, or a means of
    transport named)."""
    parts = re.split(r"\s{1,3}to\s{1,3}", text[:300], maxsplit=1, flags=re.I)
    if len(parts) < 2 or _company(text):
        return False
    return bool(_TRAVEL.search(text) or country_code(parts[0]) or country_code(parts[1]))


# A legal form that starts a company's name ('CÔNG TY TNHH …', 'PT Sinar …', 'UAB …').
_LEGAL_PREFIX = re.compile(
    r"(?:c[ôo]ng\s+ty(?:\s+(?:tnhh|c[ổo]\s+ph[ầa]n))?|pt\.?|cv\.?|uab|ooo|tov|sia)\s", re.I
)


def _runs_on(name: Word, line: Word, others: list[Word] | None = None) -> bool:
    """Whether ``line``, printed under a party's name in the same type and at its left edge, is
    the rest of that name: no digits, no label, no place; and the name does not end where the
    first line does, by the reader's evidence: the second line brings the legal form the first
    lacks ('KAPADOKYA HALI VE KİLİM' / 'SANAYİ TİCARET LTD. ŞTİ.'), or the first starts with
    one and both are in capitals ('CÔNG TY TNHH MAY MẶC XUẤT KHẨU' / 'SÀI GÒN XANH'). A
    wrapped name fills its first line, unless the second line's first word would not have fit
    after it in the block's width (``others``: the block's lines under ``line``)."""
    first, second = name.text.strip(), line.text.strip()
    height = name.bottom - name.top
    if (
        not second
        or len(second) > 80
        or abs((line.bottom - line.top) - height) > height * 0.12
        or abs(line.x0 - name.x0) > height * 1.5
        or line.top - name.bottom > height * 0.8
        or re.search(r"\d|:|@", second)
        or label_matches(second)
        or country_code(second) is not None
        # another party's line: 'c/o Global Logistics Ltd', 'FAO …', '(Gareth Hughes Ltd)'
        or re.match(r"(?:c/o|care\s+of|fao|attn)\b|[(\[]", second, re.I)
        or _ATTENTION.match(second)
        # a wrapped name fills its first line: a short first line ('John Smith' over 'Acme
        # Trading Ltd', 'Acme Trading' over 'Northern Branch Ltd') ends a name of its own,
        # unless the next word was too long for it ('Nordic Precision' / 'Instrumentmakeriet
        # AB' over narrower address lines)
        or (
            (name.x1 - name.x0) < (line.x1 - line.x0) * 0.8
            and not _word_did_not_fit(name, line, others or [])
        )
    ):
        return False
    if _company(second) and not _company(first):
        return True
    return (
        _LEGAL_PREFIX.match(first) is not None
        and not _company(first)
        and first.upper() == first
        and second.upper() == second
    )


def _word_did_not_fit(name: Word, line: Word, others: list[Word]) -> bool:
    """Whether the first word of ``line`` (its width shared out by character count), after a
    space, would have run past the widest line of the block: why a name went on to a second
    line although its first is short."""
    text = line.text.strip()
    per_char = (line.x1 - line.x0) / max(len(text), 1)
    word = len(text.split()[0]) if text else 0
    widest = max([name.x1 - name.x0, line.x1 - line.x0, *(r.x1 - r.x0 for r in others)])
    return (name.x1 - name.x0) + per_char * (word + 1) > widest


# A line ending in a number sign and a number: a document's title with its number
# ('ՀԱՇԻՎ-ԱՊՐԱՆՔԱԳԻՐ N 0417', 'ФАКТУРА № 12'), no company's name
_NUMBERED_TITLE = re.compile(r"(?:№|(?<![^\W\d_])(?:N[oº°]?|Nr|No)\.?|#)\s*[\w/-]*\d[\w/-]*\s*$")


def _looks_like_a_name(text: str) -> bool:
    """Whether a large first line may be a company's name on its own evidence (no country or
    VAT id under it): a legal form, or two or more words each capitalised but for particles;
    not a title word of a language the reader does not know ('LASKU') nor a sentence ('Thank
    you for your order')."""
    if _company(text):
        return True
    if _NUMBERED_TITLE.search(text):
        return False  # a title and its number in a language no vocabulary reads ('… N 0417')
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return len(words) >= 2 and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


# Legal forms, squashed to letters, that end a company's name ('S.à r.l.' -> 'sarl').
LEGAL_FORMS = frozenset(
    "ltd limited llc inc plc corp corporation co gmbh mbh ag kg ohg ug bv nv vof sa sas sarl "
    "srl spa snc sas sl slu lda ltda ab as asa aps oy oyj ou kft zrt sro doo spzoo spk pte pty "
    "pvt kk jsc ooo llp lp sti ltdsti".split()
)


# (reviewi19) a delivery place's name, no person's: a warehouse, a fulfilment or distribution
# centre, a depot ('Ship to: Fulfilment Centre BHX4' on a marketplace seller's invoice)
_FACILITY = re.compile(
    r"(?<![^\W\d_])(?:warehouse|fulfil?ment|distribution\s+cent(?:er|re)|depot|logistics"
    r"|lager|entrep[ôo]t|almac[ée]n|magazzino|magazijn)(?![^\W\d_])",
    re.I,
)


def _name_then_address(text: str) -> tuple[str, str, str]:
    """(invoices31) A party's name and its address after commas on one line, split at the first
    comma after which the name ends with a legal form: (reviewi19) a partners' name holds commas
    of its own ('Fisher, Wolcott & Daughters LLC, 14 Elm Street, …'). No such comma: the first."""
    parts = text.split(",")
    for end in range(1, len(parts)):
        head = ",".join(parts[:end])
        if _company(head):
            return head, ",", ",".join(parts[end:])
    return text.partition(",")


def _company(text: str) -> bool:
    """Whether ``text`` ends with a company's legal form ('Marketplace Europe S.à r.l.',
    'Huber GmbH'): the name of a company, not an address or a register entry."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", plain.replace(".", " ")).split()
    return any("".join(words[-size:]) in LEGAL_FORMS for size in (1, 2, 3, 4) if len(words) >= size)


# An account's details ('IBAN', 'BIC', 'SWIFT', 'Account No.', 'Sort code') on a footer's line.
_ACCOUNT = re.compile(
    r"\b(?:iban|swift|bic|sort\s+code|routing|(?:account|acct|konto)\.?\s*(?:no|nr|number|#))(?![^\W\d_])",
    re.I,
)
# An issuer's own details on a footer's line: a phone or web address, a register's entry.
_ISSUER_MARK = re.compile(
    r"\b(?:tel|phone|fax|www|e-?mail|reg(?:istered|istration)?|company\s+(?:no|number)|kvk|hrb"
    r"|hra|siret|siren|rcs|abn|acn|crn|cif|nif|nip)\b|@|https?:|\(\d{3}\)\s*\d{3}-\d{4}",
    re.I,
)
# A bank's name or account details in a footer's part ('Deutsche Bank AG', 'Bankverbindung:',
# 'IBAN'): the issuer's account, not another company that issues the invoice.
_BANK = re.compile(r"bank|banque|banca|banco|sparkasse|iban|swift|\bbic\b", re.I)


def _same_name(part: str, name: str) -> bool:
    """Whether a footer's part starts with the seller's name (letters and digits compared)."""

    def squash(text: str) -> str:
        return re.sub(r"[\W_]+", "", _plain(text))

    return squash(part).startswith(squash(name)) or squash(name).startswith(squash(part))


def _bare_count(text: str) -> bool:
    """Whether a number is printed as a whole count: digits, perhaps grouped in thousands
    ('3,300', '1.200'), no currency and no decimals."""
    return re.fullmatch(r"\d{1,3}(?:[,.'\u00a0 ]\d{3})+|\d+", text.strip()) is not None


def _return_line(line: Word, name: str) -> bool:
    """Whether a line is a letter's return address starting with ``name``: parts joined by
    '·', '|' or ' - ', the first of them the name (letters and digits compared)."""
    parts = re.split(r"(?<!\s)(?:\s*[·|•]\s*|\s+-\s+)", line.text)
    squashed = re.sub(r"[\W_]+", "", _plain(name))
    return (
        len(parts) >= 2
        and len(squashed) >= 4
        and re.sub(r"[\W_]+", "", _plain(parts[0])) == squashed
    )


def _foreign_affix(text: str) -> bool:
    """Whether a number is printed with three capitals, before or after it, that name no
    currency ('5,000 PCS', '109.322.551 TVA'), or with a code joined to it by a dash (an id:
    'CHE-109.322.551'): a quantity or an id, not an amount."""
    match = _affix(text.replace("\u00a0", " "))
    if match.head and re.fullmatch(r"[A-Z]{3}", match.head) and re.match(r"\s*[A-Z]{3}-\d", text):
        return True
    return any(part and _unit_not_currency(part) for part in (match.head, match.tail))


# What makes a date label ('Datum', 'Date', 'Data') a due date's: 'Datum splatnosti', 'Datum
# der Fälligkeit', "Date d'échéance", 'Data scadenza', 'Data scad.', 'Date due', 'Dato
# forfall', 'Ημερομηνία λήξης'. No issue date, whatever OCR did to the issue date's own label.
_DUE = re.compile(
    r"(?:de[rs]?\s+|di\s+|de\s+|d')?(?:splatnosti|f[äa]llig|scad|[ée]ch[ée]ance"
    r"|vencimiento|vencimento|due|payable|splatnost|płatności|platby|f[oøö]rfal|λ[ήη]ξ"
    r"|esed[ée]kess|hat[áa]rid)",
    re.I,
)

# Words of its own after a bare date label, up to its colon ('Data de entrega:', 'Date of
# shipment', 'Ημερομηνία αποστολής:', 'Datum dodání:'): another date (delivery, shipment),
# unless they name the invoice or its issue ('Date of invoice', 'Data emissione').
_OTHER_DATE = re.compile(
    r"(?!(?:of\s+)?(?:the\s+)?(?:invoice|issue|emis|factur|fattur|rechnung|faktur|vystav"
    r"|έκδοσ|ki[áa]ll|tax\s+point))[^\W\d_]+\.?(?:\s+[^\W\d_]+\.?)*\s*",
    re.I,
)


# 'Brutto' and 'Netto' alone head a packing table's weight columns as often as they label the
# totals: an amount only beside them ('Brutto  1.190,00'), never the figure under them.
_WEIGHT_CAPTION = re.compile(r"\s*(?:brutto|netto)\s*(?::\s*)?", re.I)

# An amount in words after its currency's code: 'INR Ten Lakh Twenty Two Thousand … Only'
_IN_WORDS = re.compile(
    r"(?i:say\s+)?(?P<code>[A-Z]{3})\s+"  # the code, then two words or more, then 'only'
    r"(?:[^\W\d_][\w-]*,?\s+){2,}(?i:only)\.?"
)

# The words of an amount written out in English ('Five Lakh Twenty-Nine Thousand … and Paise
# Fifty Only'), its currency's and subunit's names among them.
_AMOUNT_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands lakh lakhs lac lacs crore crores million "
    "millions billion and point only rupee rupees paise paisa dollar dollars cent cents euro "
    "euros pound pounds pence us sterling".split()
)


_NUMBER_WORDS = {
    word: value
    for value, words in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
    )
    for word in (words,)
} | {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
     "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_SCALES = {"thousand": 1000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
           "lacs": 100_000, "crore": 10_000_000, "crores": 10_000_000, "million": 1_000_000,
           "millions": 1_000_000, "billion": 1_000_000_000}  # fmt: skip
_SUBUNITS = frozenset({"cent", "cents", "paise", "paisa", "pence"})
# An amount in words names less than this (a thousand trillion): past it the words are no total,
# and 'nine hundred hundred …' would grow a number too long to quantize to cents.
_MOST_WORDS = 10**15
# Currencies named in words in an amount in words ('US Dollars … Only'); 'rupees' is the
# seller's own rupee (HOME_SIGNS).
_CURRENCY_WORDS = {"us dollars": "USD", "u.s. dollars": "USD", "united states dollars": "USD",
                   "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
                   "taka": "BDT",
                   # (session 29) the Gulf's riyals, rials, dinars and dirhams by name
                   "qatari riyals": "QAR", "qatari riyal": "QAR", "saudi riyals": "SAR",
                   "saudi riyal": "SAR", "omani rials": "OMR", "omani rial": "OMR",
                   "kuwaiti dinars": "KWD", "bahraini dinars": "BHD",
                   "uae dirhams": "AED"}  # fmt: skip


def _count(words: list[str]) -> int | None:
    """The number English words name ('eight thousand three hundred twenty five'), None when
    they name none."""
    total = current = 0
    seen = False
    for word in words:
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word == "and" and seen:
            continue
        else:
            return None
        if max(total, current) >= _MOST_WORDS:
            return None  # more than any invoice's total: no amount (and no runaway number)
        seen = True
    return total + current if seen else None


def words_amount(text: str) -> Decimal | None:
    """An amount written out in English words ('US Dollars Eight Thousand Three Hundred
    Twenty-Five and Fifty Cents Only', 'Rupees Two Lakh Forty Three Thousand Only', '… and
    50/100'): the longest run of number words, its cents after 'and'; None without a scale
    word (hundred, thousand, lakh, …): 'Two cartons only' is no amount."""
    tokens = re.findall(r"\d{1,2}/100|[^\W\d_]+", text.lower().replace("-", " "))
    runs: list[list[str]] = [[]]
    for token in tokens:
        if token in _NUMBER_WORDS or token in _SCALES or token in ("hundred", "and"):
            runs[-1].append(token)
        else:
            runs.append([token])  # a word that is no number's ends the run (kept as a marker)
    best: tuple[int, Decimal] | None = None
    for index, run in enumerate(runs):
        words = [w for w in run if w in _NUMBER_WORDS or w in _SCALES or w in ("hundred", "and")]
        while words and words[-1] == "and":
            words.pop()
        if not words or not ({"hundred"} | set(_SCALES)) & set(words):
            continue
        whole = _count(words)
        if whole is None:
            continue
        cents = 0
        after = [w for r in runs[index + 1 : index + 3] for w in r]
        if after and re.fullmatch(r"\d{1,2}/100", after[0]):
            cents = int(after[0].split("/")[0])
        elif after and after[0] in _SUBUNITS and run[-1] == "and":
            numbers = list(itertools.takewhile(lambda w: w in _NUMBER_WORDS, after[1:]))
            cents = _count(numbers) or 0  # '… and Paise Fifty'
        elif "and" in words and after and after[0] in _SUBUNITS:
            tail = words[len(words) - words[::-1].index("and") :]
            if (c := _count(tail)) is not None and (w := _count(words[: -len(tail) - 1])):
                whole, cents = w, c  # '… and Fifty Cents'
        value = Decimal(whole) + Decimal(cents) / 100
        if cents < 100 and (best is None or len(words) > best[0]):
            best = (len(words), value)
    return None if best is None else best[1].quantize(Decimal("0.01"))


# An amount in words's line: its caption ('Amount in words:', 'Invoice Value (in words):', 'Say')
# or its closing 'only'.
_WORDS_LINE = re.compile(r"\bin\s+words\b|^\s*say\b|\bonly\.?\s*$", re.I)


def _said(text: str) -> str:
    """An amount in words without its caption ('Amount in words:', 'Say')."""
    return re.sub(r"^.*\bin\s+words\b\W*|^\s*say\b\s*", "", text, flags=re.I)


def _amount_in_words(text: str) -> bool:
    """Whether every word of ``text`` belongs to an amount in words (no count of cartons)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and all(word in _AMOUNT_WORDS for word in words)


# A charge added to the goods' net sum on an invoice's totals (freight, insurance, packing)
# or an allowance taken off it (a discount, a rebate).
_CHARGE = re.compile(
    r"(?:less\s+|abz(?:[üu]glich|gl\.)\s+)?"
    # (invoices33) a discount's total ('Toplam İskonto', 'Total discount')
    r"(?:toplam\s+|total\s+)?(?:ocean\s+|air\s+|sea\s+|trade\s+|special\s+)?"
    r"(?:freight|insurance|shipping|carriage|postage|packing|handling"
    r"|fracht|versicherung|verpackung|versandkosten|frete|seguro|flete|fret|assurance|emballage"
    r"|trasporto|assicurazione|imballo|vracht|verzekering"
    r"|discount|rebate|allowance|rabatt|remise|sconto|descuento|desconto|korting|rabat|alennus"
    r"|iskonto|indirim|sleva|έκπτωση)"  # (invoices33) Turkish, Czech, Greek
    r"(?:\s+(?:charges?|costs?|fees?))?"
    r"(?![^\W\d_])\s*[:.]?\s*(?P<rest>.*)$",
    re.I,
)


# A label of a taxpayer's identification number, which a country with a VAT (sales tax)
# registration of its own prints beside it: Tanzania's and Sri Lanka's TIN (VRN, VAT Reg. No.),
# Pakistan's NTN (STRN)
_TAXPAYER = re.compile(r"\s*(?:tin|ntn)\b", re.I)


def _vat_id_country(vat_id: str | None) -> str | None:
    """The country an EU-style VAT id's prefix names ('RO34567890' -> RO, Greece's 'EL' -> GR,
    Northern Ireland's 'XI' -> GB), or None: for a currency's sign, not the seller's country."""
    match = re.match(rf"(?:{_VAT_PREFIXES})(?=\d)", vat_id or "")
    # (invoices34) Norway's and Switzerland's whole ids ('NO923456781MVA', 'CHE109322551MWST'):
    # their register's words after the digits name the state as the prefix alone does not
    if re.fullmatch(r"NO\d{9}MVA", vat_id or ""):
        return "NO"
    if re.fullmatch(r"CHE\d{9}(?:MWST|TVA|IVA)", vat_id or ""):
        return "CH"
    if match is None or match[0] in {"CHE", "NO"}:
        return None
    return {"EL": "GR", "XI": "GB"}.get(match[0], match[0])


def _vat_prefixed(value: str) -> bool:
    """Whether a VAT id starts with a country's code ('HU12345678', 'CHE109322551TVA'), as an EU
    VAT id does, unlike a domestic tax number ('12345678-2-06')."""
    return re.match(r"[A-Z]{2,3}\d", value) is not None


def _rounding(rest: str | None) -> bool:
    """Whether a 'rounding' label's rest is a rounding line's: nothing (the amount beside it),
    or the amount ('Arrondi -0.02'); not an item's words ('Rounding tool set')."""
    return rest is not None and (not rest.strip() or re.search(r"\d", rest) is not None)


def _gross_after_tax(columns: list[tuple[str, float, float]]) -> bool:
    """Whether the item table's gross column is the amount with tax: it stands right of a tax
    column ('Net', 'VAT', 'Gross'; 'Wartość netto', 'Kwota VAT', 'Wartość brutto'). Without
    one, a 'Bruto' or 'Lordo' column is the amount before discount ('Bruto', 'Dto %',
    'Importe'), and its total row's figure is no invoice total."""
    taxes = [x0 for name, x0, _ in columns if name == "tax"]
    return any(name == "gross" and taxes and min(taxes) < x0 for name, x0, _ in columns)


def _unit_not_currency(sign: str) -> bool:
    """A three-letter word after a number that names no currency ('PCS', 'SET', 'KGS')."""
    return re.fullmatch(r"[A-Z]{3}", sign) is not None and currency_code(sign) is None


# A multi-page table's carry lines: the running total carried to the next page and brought
# from the previous one, and 'continued' notes. Neither is an item nor part of one. Dutch
# 'Transport' carries only to or from a page ('Transport van pallets' is a line's service).
_CARRIED = re.compile(
    r"(?<![^\W\d_])(?:(?:carried|brought|carry)\s+(?:forward|over)|c/f|b/f|continued\s+on"
    r"|(?:to\s+be\s+)?continued(?=\s*(?:\.{2,}|…|$))|übertrag|fortsetzung\s+auf"
    r"|[àa]\s+reporter|report\s+de\s+la\s+page|suma\s+y\s+sigue|suma\s+anterior|riporto"
    r"|a\s+riportare|transport\s+(?:naar\s+(?:volgende|blz|pagina)|van\s+(?:vorige|blz|pagina))"
    r"|z\s+przeniesienia|do\s+przeniesienia"
    r"|page\s+(?:sub\s*-?\s*)?total|sub\s*-?\s*total\s+(?:this\s+|of\s+)?page|seitensumme"
    r"|nakli\s+yekûn|nakli\s+yekun)(?![^\W\d_])",
    re.I,
)


def _tax_row(cells: dict[str, list[Word]]) -> bool:
    """A tax line in the item table ('Output CGST @ 9%' and its amount, as Tally prints it):
    a tax label for a description, with at most a rate after it ('Tax advisory services' is a
    service), and no quantity."""
    if "quantity" in cells or "description" not in cells:
        return False
    described = " ".join(w.text for w in cells["description"])
    found = label_matches(described).get("tax_total")
    return found is not None and re.search(r"[^\W\d_]{2}", found.rest) is None


def _join_thousands(words: list[Word], h: float) -> list[Word]:
    """Words of a table line with numbers that a space groups ('1 150,00' is one word)."""
    joined: list[Word] = []
    for word in words:
        last = joined[-1] if joined else None
        if (
            last is not None
            and re.fullmatch(r"-?\(?\d{1,3}(?:\s\d{3})*", last.text)
            and re.fullmatch(r"\d{3}(?:[.,]\d+)?\)?", word.text)
            and 0 <= word.x0 - last.x1 < h * 0.45
        ):
            joined[-1] = Word(f"{last.text} {word.text}", last.x0, min(last.top, word.top),
                              word.x1, max(last.bottom, word.bottom),
                              min(last.confidence, word.confidence))  # fmt: skip
        else:
            joined.append(word)
    return joined


# A line under an item's description giving its tariff code: 'HS 8714.96', 'HS Code: 6302.60',
# 'HSN: 5205', 'Customs tariff no. 8714 96 10', 'Zolltarifnummer 84834023'.
_HS_LINE = re.compile(
    r"(?:h\.?\s*s\.?\s*n?|hsn|hts|tariff|customs\s+tariff|commodity|zolltarif|taric)"
    r"(?:\s*(?:code|no|nr|number|nummer|#))?\.?\s*(?::\s*)?\d{4}(?:[.\s]?\d{2}){0,3}",
    re.I,
)


def _glued_cells(word: Word) -> list[Word]:
    """A header word that is two cells' words run together ('nettoWartość' in 'Cena
    nettoWartość netto': two right-aligned cells a hair apart, which the text layer gives as
    one word), parted where a small letter meets a capital, when the word names no column and
    each part is a word of one ('Cena netto', 'Wartość netto'); x shared out by characters."""
    text = word.text
    cut = next(
        (i for i in range(1, len(text)) if text[i - 1].islower() and text[i].isupper()), None
    )
    if cut is None or _names_column(_head_clean(text)):
        return [word]
    head, tail = text[:cut], text[cut:]
    if not (_COLUMN_PART.fullmatch(head) and _COLUMN_PART.fullmatch(tail)):
        return [word]
    at = word.x0 + (word.x1 - word.x0) * cut / len(text)
    return [
        Word(head, word.x0, word.top, at, word.bottom, word.confidence),
        *_glued_cells(Word(tail, at, word.top, word.x1, word.bottom, word.confidence)),
    ]


# A word of a column's name ('netto' of 'Cena netto', 'Wartość' of 'Wartość netto').
_COLUMN_PART = re.compile(
    "|".join(
        sorted(
            {w for p in TABLE_HEADERS.values() for w in re.findall(r"[^\W\d_]{2,}", p)}
            | {"netto", "brutto"},
            key=len,
            reverse=True,
        )
    ),
    re.I,
)


def _per_unit(text: str, unit: str | None = None) -> str:
    """A price without the unit it is per ('4,85 EUR / KG' -> '4,85 EUR') when that is the
    line's ``unit`` or the line prints none: a price per piece on a line counted in cartons
    ('50 CTNS', 'US$2.50/PC') is no price per the line's unit."""
    # (by position, at the last slash: the regex '(.*\d.*?)\s*/\s*(?:1\s*)?(unit)' read the
    # text again from each digit, quadratic on a long cell)
    head, slash, tail = text.strip().rpartition("/")
    match = re.fullmatch(r"\s*(?:1\s*)?([^\W\d_]{1,5}\.?)", tail) if slash else None
    code = unit_code(match[1]) if match else None
    if (
        match is None or code is None or not re.search(r"\d", head)
        or (unit is not None and unit_code(unit) != code)
    ):  # fmt: skip
        return text
    return head.rstrip()


_UNIT_IN = re.compile(r"\s*units?\s+(?:\(\s*)?(?P<sign>[^\s()]{1,5}?)(?:\s*\))?\s*", re.I)


def _unit_in_currency(text: str, seller: str | None = None) -> bool:
    """(session 29) A header 'Unit' with a currency after it ('Unit BDS$', 'Unit (USD)') heads
    the unit price in that currency, not the unit of measure (batch 30's Barbadian table has
    'Unit' and 'Unit BDS$' side by side)."""
    found = _UNIT_IN.fullmatch(text[:40])
    # (session 30) not a sign that is a unit of measure too: 'Unit KM', 'Unit (MT)' head the
    # unit column (kilometres, metric tonnes), whatever else KM and MT name at home
    # (session 32, invoices29) unless the sign is the seller's own money, read on its own
    # country's invoices only (HOME_SIGNS): 'Unit Ks' is the kyat on a Myanmar page, Czech
    # pieces elsewhere
    return (
        found is not None
        and _currency_word(found["sign"])
        and (
            unit_code(found["sign"].rstrip(".")) is None
            or (seller is not None and seller in HOME_SIGNS.get(found["sign"], {}))
        )
    )


def _head_text(text: str) -> str:
    """A table header cell without stray punctuation ('Unit.price' -> 'Unit price'), words
    in brackets ('Amount (USD)', 'Unit price (excl. VAT)', 'Qty (pcs)') or a currency code
    ('Total CHF')."""
    text = _ENUMERATION.sub("", text.strip())  # '11) Description of goods'
    incoterm_price = re.fullmatch(
        rf"(?:(?:{_INCOTERMS})\s+)?(\S+\s*/\s*[^\W\d_]{{1,5}}\.?)", text, re.I
    )
    if incoterm_price is not None and _currency_word(incoterm_price[1]):
        # (invoices34) 'FOB US$/Pc': an Incoterm and a currency per unit head the unit price;
        # (reviewi22) so does a currency per unit alone ('EUR/m', 'US$/Doz')
        return "Unit price"
    # OCR reads a capital I as l: 'llość', 'ltem' (no word starts l + consonant)
    text = re.sub(r"(?<![^\W\d_])l(?=[bcdfghjkmnpqrstvwxz])|^l(?=l)", "I", text)
    first = _head_clean(text.split(" / ")[0])
    text = _BILINGUAL.sub("", text, count=1)  # 'Nazwa / Description'
    whole = _head_clean(text)
    if not _names_column(whole):
        # the header's English in brackets after the local words ('Số lượng (Qty)'), or
        # before a word in a right-to-left script ('Qty الكمية')
        gloss = re.fullmatch(r"[^()]{1,40}\(\s*([^()]{1,30}?)\s*\)\s*", text)
        if gloss is not None and _names_column(_head_clean(gloss[1])):
            return _head_clean(gloss[1])
        latin = re.sub(r"[\s\u0590-\u08ff]+$", "", text[:80])
        if latin != text and latin and _names_column(_head_clean(latin)):
            return _head_clean(latin)
    if not _names_column(whole) and " / " not in text and _names_column(first):
        return first  # 'Description / Descrição': the first language names it
    if not any(re.fullmatch(p, whole, re.I) for p in _HEADERS.values()):
        head, slash, rest = text.partition("/")
        if slash and _names_column(_head_clean(head)) and not _names_column(_head_clean(rest)):
            # (invoices34) UPS's 'Description of Goods/Part No.': the column's name, then
            # what else its cells may hold, not a translation of it
            return _head_clean(head)
        text = _BILINGUAL_TIGHT.sub("", text, count=1)  # 'Nazwa/Description' (OCR)
    return _head_clean(text)


# Three-letter names of a tax that head a table's tax column ('VAT Amount', 'KDV Tutarı').
_TAX_CODES = frozenset(
    {"vat", "gst", "hst", "pst", "qst", "ust", "tva", "iva", "btw", "kdv", "mva", "dph", "pdv"}
)


def _units_counted(
    columns: list[tuple[str, float, float]], line: list[Word]
) -> list[tuple[str, float, float]]:
    """(invoices34) UPS's commercial invoice form heads its count 'Units' beside a 'U/M'
    column ('Units | U/M | Description of Goods/Part No.'): with no quantity column, a
    'Units' column beside another unit column is the quantity, not a second unit. A table
    with no unit column takes a 'Packing' column's words as the unit ('400 | bags')."""
    units = [c for c in columns if c[0] == "unit_code"]
    if not units:
        # a 'Packing' column with no unit column beside it holds what the quantity counts
        # ('Qty | Packing | Price KShs': 400 bags); (reviewi22) not where the quantity's
        # header names its unit ('Qty (kg)' beside 'Packing: Bags': 2,000 kg, not bags)
        if any(
            (bracket := re.search(r"\(([^)]*)\)", run.text)) is not None
            and unit_code(bracket[1]) is not None
            and re.match(_HEADERS["quantity"], _head_text(run.text), re.I)
            for run in line
        ):
            return columns
        packing = {run.x0 for run in line if re.fullmatch(r"packing", _head_text(run.text), re.I)}
        if len(packing) != 1:
            return columns
        return [("unit_code" if c[0] == "other" and c[1] in packing else c[0], c[1], c[2])
                for c in columns]  # fmt: skip
    if len(units) < 2 or any(c[0] == "quantity" for c in columns):
        return columns
    counted = {run.x0 for run in line if re.fullmatch(r"units", _head_text(run.text), re.I)}
    if not counted or len(counted) == len(units):
        return columns
    return [("quantity" if c[0] == "unit_code" and c[1] in counted else c[0], c[1], c[2])
            for c in columns]  # fmt: skip


def _names_column(text: str) -> bool:
    return any(re.fullmatch(p, text, re.I) for p in _HEADERS.values())


def _drop_brackets(text: str) -> str:
    r"""``re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)`` in one pass: the regex read the rest of
    the text again from each '(' with no ')' after it (quadratic)."""
    out: list[str] = []
    missing: set[str] = set()  # closing brackets the rest of the text no longer holds
    index = 0
    while index < len(text):
        char = text[index]
        close = {"(": ")", "[": "]"}.get(char)
        if close is not None and close not in missing:
            end = text.find(close, index + 1)
            if end >= 0:
                out.append(" ")
                index = end + 1
                continue
            missing.add(close)
        out.append(char)
        index += 1
    return "".join(out)


def _head_clean(text: str) -> str:
    text = text.strip().rstrip(".:;,")  # 'Preis CHF.': OCR's stray full stop
    # the price's Incoterm and its place: 'Unit Price FOB Ningbo', 'Amount CIF Hamburg'
    text = re.sub(rf"(?<!\s)\s+(?-i:{_INCOTERMS.upper()})(?:\s+[^\W\d_][\w.-]*){{0,2}}$", "", text)
    text = _drop_brackets(text)
    # a code before or after: a currency's, a unit's or an Incoterm ('Total CHF', 'Qty PCS',
    # 'Total FOB'), not a tax's ('VAT Amount', 'KDV Tutarı': the tax's amount is no line amount)
    text = re.sub(
        r"^\s*([A-Z]{3})\s+|(?<!\s)\s+([A-Z]{3})\s*$",
        lambda m: m[0] if (m[1] or m[2]).lower() in _TAX_CODES else " ",
        text,
    )
    code = re.search(r"(?<=[a-z])[A-Z]{3}$", text)  # 'AmountAUD' (OCR dropped the space)
    if code and currency_code(code[0]):
        text = text[: code.start()]
    return " ".join(re.sub(r"[.:;,'`]", " ", text).split())


def net_total_over_tax(result: Extraction) -> None:
    """A bare 'Total' printed above the tax line ('Total 13 900,00 / VAT @ 15% 2 085,00 /
    Amount Due 15 985,00') is the net: when the total read plus the tax is the amount due,
    the total read is the tax-exclusive total and the amount due the invoice total."""
    values = [result.grand_total, result.tax_total, result.due_payable]
    if any(v is None for v in values) or result.tax_exclusive_total not in (
        None, result.grand_total,
    ):  # fmt: skip
        return
    total, tax, due = (Decimal(v) for v in values if v is not None)
    if tax == 0 or total + tax != due:
        return
    # printed above the tax line: a 'Total' under it is the gross (a previous balance equal
    # to the tax makes total + tax the amount due by coincidence)
    total_at, tax_at = (result.evidence.get(key) for key in ("grand_total", "tax_total"))
    if (
        total_at is None or tax_at is None or total_at.box is None or tax_at.box is None
        or (total_at.page or 0, total_at.box[1]) >= (tax_at.page or 0, tax_at.box[1])
    ):  # fmt: skip
        return
    result.tax_exclusive_total = result.grand_total
    result.grand_total = result.due_payable
    if "grand_total" in result.evidence:
        result.evidence["tax_exclusive_total"] = result.evidence["grand_total"]
    if "due_payable" in result.evidence:
        result.evidence["grand_total"] = result.evidence["due_payable"]


def net_not_gross(result: Extraction) -> None:
    """(session 28) A tax-exclusive total read equal to the invoice total while a tax was read
    beside them is the gross under another label (El Salvador's 'Sumas / 13% IVA / Subtotal /
    Total a pagar': the 'Subtotal' after the tax holds it): net plus tax is the gross, so a net
    equal to the gross with a tax is no net. Left null (a gap), not read wrong."""
    values = (result.tax_exclusive_total, result.tax_total, result.grand_total)
    if any(v is None for v in values):
        return
    net, tax, gross = (Decimal(v) for v in values if v is not None)
    if tax != 0 and net == gross:
        result.tax_exclusive_total = None
        result.evidence.pop("tax_exclusive_total", None)


# (reviewi19) a VAT registration the page names as another state's: 'UK VAT Reg. No.'
_VAT_ABROAD = re.compile(rf"(?<![^\W\d_])(?:UK|{_VAT_PREFIXES})\s+VAT\b")


def _evidence_line(pages: list[Page], evidence: Evidence | None) -> str:
    """The words of the line a field was read from (its evidence's page and height)."""
    if evidence is None or evidence.box is None:
        return ""
    for page in pages:
        if page.number == evidence.page:
            top, bottom = evidence.box[1] * page.height, evidence.box[3] * page.height
            words = [w for w in page.words if top <= w.middle <= bottom]
            return " ".join(w.text for w in sorted(words, key=lambda w: w.x0))
    return ""


def no_us_vat_id(result: Extraction, pages: list[Page] | None = None) -> None:
    """(session 34, invoices31) The United States has no VAT: a US seller's bare nine digits
    under a 'Tax ID/VAT No.' label (a courier's form prints the caption for every shipper) are
    its EIN ('31-1234567'), the federal employer number, not EN 16931's BT-31 (docs/documents.md:
    a US EIN is no tax id). A prefixed id a US company holds abroad ('GB…', 'EU…') stays; so
    (reviewi19) do nine digits the line they were read from names another state's VAT
    registration ('UK VAT Reg. No. 287 6543 21': HMRC's numbers are nine bare digits too)."""
    if result.seller_country == "US" and re.fullmatch(r"\d{9}", result.seller_vat_id or ""):
        line = _evidence_line(pages or [], result.evidence.get("seller_vat_id"))
        if _VAT_ABROAD.search(line):
            return
        result.seller_vat_id = None
        result.evidence.pop("seller_vat_id", None)


def credit_note_signs(result: Extraction) -> None:
    """A credit note (381) printed with negative amounts ('-£865.20', 'Qty -3'): its amounts as
    EN 16931 has them, positive (the type code carries the sign; a negative amount on a credit
    note is a charge). Only when its totals are negative, so a credit note printed positive
    keeps its values; a line's quantity takes the sign of its amount, its price none."""
    totals = [getattr(result, k) for k in ("grand_total", "due_payable", "tax_exclusive_total")]
    printed = [Decimal(v) for v in totals if v is not None]
    if result.type_code != "381" or not printed or max(printed) >= 0:
        return

    def flip(value: str | None) -> str | None:
        if value is None:
            return None
        return value[1:] if value.startswith("-") else f"-{value}" if Decimal(value) else value

    for key in _READ_AMOUNTS:
        setattr(result, key, flip(getattr(result, key)))
    # Lines printed positive under negative totals are already as EN 16931 has them; only
    # lines printed negative (their sum) turn, a discount taken back among them with them.
    amounts = [Decimal(line.amount) for line in result.line_items if line.amount is not None]
    if sum(amounts) >= 0:
        return
    for line in result.line_items:
        line.amount = flip(line.amount)
        positive = line.amount is None or not line.amount.startswith("-")
        if line.quantity is not None and line.quantity.startswith("-") == positive:
            line.quantity = flip(line.quantity)
        if line.unit_price is not None:  # never negative (EN 16931 BT-146)
            line.unit_price = line.unit_price.lstrip("-")


def read_pages(
    pages: list[Page], result: Extraction, state: dict[str, Any] | None = None
) -> Extraction:
    """Fill what ``result`` still lacks from the pages, first page first. ``state`` carries
    a table's columns from one call to the next (pages read one at a time); a caller that
    passes it applies :func:`total_from_words` once its last page is read."""
    own = state is None
    state = {} if state is None else state
    for page in pages:
        reader = _Reader(page, result)
        reader.read_header()
        reader.read_table(state)
        reader.resolve_currency()
        reader.currency_in_words()
        reader.total_in_words(state)
    if own:
        total_from_words(result, state)
    return result


def total_from_words(result: Extraction, state: dict[str, Any]) -> None:
    """The total in words :meth:`_Reader.total_in_words` kept, as the grand total (and the
    amount due when none is printed) when no page gave one in figures."""
    found = state.get("words_total")
    if found is None or result.grand_total is not None:
        return
    value, evidence = found
    result.grand_total = value
    result.evidence["grand_total"] = evidence
    if result.due_payable is None:
        result.due_payable = value
        result.evidence["due_payable"] = evidence
