"""Session 27 (2026-12-06, helper parties18): the out-of-sample set 24
(tests/link/data/unseen_parties24, written before the linking code was read) and the items
carried from sessions 26's sets 22 and 23."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clearlane.link import normalise
from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_city, normalise_name
from clearlane.link.places import PLACE_COUNTRIES, PLACE_NAMES, PLACES
from clearlane.link.resolve import link_parties
from tests.link.test_unseen22 import _link

DATA = Path(__file__).parent / "data" / "unseen_parties24"


def test_the_place_table_is_one_table() -> None:
    # PLACE_NAMES and PLACE_COUNTRIES were two tables keyed by the same canonical words; both
    # are now read from PLACES, every place with a country
    assert set(PLACE_NAMES) == set(PLACE_COUNTRIES) == set(PLACES)
    assert all(PLACE_COUNTRIES[k] for k in PLACES)
    assert PLACE_NAMES["vienna"][:2] == ("wien", "vienne")
    assert PLACE_COUNTRIES["tripoli"] == frozenset({"LY", "LB"})


def test_japanese_initials_are_the_forms_only_japan_writes() -> None:
    # read from AMBIGUOUS_FORM_COUNTRIES, no longer listed twice: the same six spellings
    assert normalise._JAPANESE_INITIALS == frozenset(
        tuple(f.split()) for f in ("kk", "k k", "gk", "g k", "yk", "y k")
    )
