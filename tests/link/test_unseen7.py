"""What the seventh unseen party set (tests/link/data/unseen_parties7, written to test branch
parties6's rules out of sample) and a review of those rules showed, as general rules."""

from __future__ import annotations

import pandas as pd

from clearlane.link.resolve import PARTY_COLUMNS, link_parties


def _frames(*lists: list[dict[str, str]]) -> list[pd.DataFrame]:
    return [
        pd.DataFrame(rows).reindex(columns=PARTY_COLUMNS).astype(object).fillna("")
        for rows in lists
    ]


def test_one_po_box_number_in_two_towns_is_two_boxes() -> None:
    # "PO Box 1234" exists in Dubai and in Abu Dhabi: a box's number is its town's
    register, listed = _frames(
        [
            {"id": "r1", "name": "Al Noor General Trading LLC"}
            | {"street": "Al Maktoum Rd, PO Box 1234", "city": "Dubai", "country": "AE"}
        ],
        [
            {"id": "s1", "name": "AL NOOR GENERAL TRADING L.L.C."}
            | {"street": "Khalidiya, P.O.Box 1234", "city": "Abu Dhabi", "country": "AE"}
        ],
    )
    found = link_parties(register, listed, threshold=0.0).matches
    assert found.w_street.iat[0] <= 0
    # in one town the box is the address
    listed.loc[0, "city"] = "Dubai"
    assert link_parties(register, listed, threshold=0.0).matches.w_street.iat[0] > 0
