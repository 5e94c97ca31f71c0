"""Review i11 (session 26) of invoices22's CLDR month names and units: a month table that
does not depend on what other Babel users in the process did first, nor crash on a locale
Babel lacks; units only as EN 16931's list holds them (Rec 21 packages with their X)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clearlane.core.codelists.trade import UNIT_CODES
from clearlane.documents import layout
from clearlane.documents.layout import PRINTED_CODES, UNIT_WORDS, parse_date, unit_code

SRC = Path(layout.__file__).resolve().parents[2]


def test_month_names_do_not_depend_on_babel_use_before() -> None:
    # a process that asked Babel for Azerbaijani and Georgian months first (the web UI, a
    # report) had written 'noyabr' into root's shared months; Georgian then read it as its own
    code = (
        "import babel\n"
        "for name in ('az', 'ka', 'sr_Latn'):\n"
        "    babel.Locale.parse(name).months['stand-alone']['wide']\n"
        "from clearlane.documents.layout import cldr_month_names\n"
        "print(sorted(cldr_month_names('ka')[11]), sorted(cldr_month_names('sr_Latn')[11]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(SRC)},
    )  # fmt: skip
    assert done.stdout.split("] [") == ["['ნოე', 'ნოემბერი'", "'nov', 'novembar']\n"]


def test_a_locale_babel_lacks_is_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    # a label language CLDR has no data for (or an older Babel without it): its names are
    # missing, every other language's dates still read
    monkeypatch.setattr(layout, "_MONTH_LOCALES_MORE", (*layout._MONTH_LOCALES_MORE, "xq"))
    layout._month_numbers.cache_clear()
    try:
        assert parse_date("3 December 2026") == "2026-12-03"
        assert parse_date("12 ნოემბერი 2026") == "2026-11-12"
    finally:
        layout._month_numbers.cache_clear()


@pytest.mark.parametrize("word", sorted({w for words in UNIT_WORDS.values() for w in words}))
def test_every_unit_word_reads_as_a_code_of_en16931s_list(word: str) -> None:
    assert unit_code(word) in UNIT_CODES


@pytest.mark.parametrize("printed", sorted(PRINTED_CODES - UNIT_CODES))
def test_a_rec21_code_printed_without_its_x_reads_with_it(printed: str) -> None:
    # 'CT', 'BX' printed in a unit column: EN 16931 (BT-130) takes Rec 21 codes with an X
    assert unit_code(printed) == f"X{printed}"


def test_cartons() -> None:
    assert {unit_code(w) for w in ("ctn", "CTNS", "carton", "CT", "XCT")} == {"XCT"}
