"""The queue says why lanes can look out of score order (cut-offs per office, ...)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from clearlane.api.ui.common import templates
from clearlane.api.ui.views import lanes_out_of_score_order


def _rows(*lanes: str) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            reference=f"R{i}",
            office="NL000101",
            declaration_date=None,
            score=1 - i / 10,
            lane_in_force=lane,
            decision_lane=None,
            proposed_lane=lane,
            selection_reason="risk",
            reasons=[],
            decision_id=None,
        )
        for i, lane in enumerate(lanes)
    ]


@pytest.mark.parametrize(
    ("lanes", "out_of_order"),
    [
        (("red", "red", "yellow", "green", "green"), False),
        (("red", "blue", "green"), False),
        ((), False),
        (("red", "green", "yellow"), True),
        (("yellow", "red"), True),
        (("green", "green", "red"), True),
    ],
)
def test_lanes_out_of_score_order(lanes: tuple[str, ...], out_of_order: bool) -> None:
    assert lanes_out_of_score_order(_rows(*lanes)) is out_of_order


@pytest.mark.parametrize("lanes", [("red", "yellow", "green"), ("red", "green", "yellow")])
def test_the_queue_explains_lanes_out_of_score_order(lanes: tuple[str, ...]) -> None:
    rows = _rows(*lanes)
    html = templates.get_template("partials/queue_table.html").render(
        rows=rows,
        total=len(rows),
        offset=0,
        top_reason=lambda _reasons: None,
        top_reason_note=lambda _row: None,
        out_of_order=lanes_out_of_score_order(rows),
        status="all",
        pages=1,
        show_risk=True,
    )
    note = "each office sets its own score cut-offs"
    assert (note in html) is (lanes == ("red", "green", "yellow"))
