"""The bias audit on hand-built frames: aggregation, intervals, the flag rule, errors."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clearlane.fairness import (
    GROUPINGS,
    FairnessError,
    check_grouping,
    declaration_frame,
    fairness_report,
    importer_size_buckets,
)
from clearlane.frames import finish_frame

_serial = iter(range(1, 10**9))


def _declarations(
    origin: str,
    n: int,
    *,
    controlled: int,
    hits: int,
    random: int = 0,
    random_hits: int = 0,
    importer: str | None = None,
    office: str = "NLRTM1",
) -> list[dict[str, Any]]:
    """n one-item declarations of one origin: the first `controlled` are controlled, the
    first `random` of those at random; `random_hits` of the random ones and `hits` in all
    were found non-compliant."""
    assert random_hits <= random <= controlled and random_hits <= hits <= controlled
    assert hits - random_hits <= controlled - random
    rows = []
    for i in range(n):
        is_random = i < random
        if is_random:
            hit = i < random_hits
        else:
            hit = random <= i < random + hits - random_hits
        rows.append(
            {
                "reference": f"D{next(_serial):07d}",
                "declaration_date": "2025-03-01",
                "seq": 1,
                "office": office,
                "importer_id": importer or f"IMP-{origin}-{i % 7}",
                "origin_country": origin,
                "customs_value": 1000.0,
                "controlled": int(i < controlled),
                "fraud": float(hit) if i < controlled else np.nan,
                "selection_reason": ("random" if is_random else "risk") if i < controlled else None,
            }
        )
    return rows


def _frame(*groups: list[dict[str, Any]]) -> pd.DataFrame:
    return finish_frame(pd.DataFrame.from_records([row for group in groups for row in group]))


def test_a_group_selected_six_times_as_often_with_the_same_hit_rate_is_flagged() -> None:
    frame = _frame(
        _declarations("CN", 1000, controlled=300, hits=15),
        _declarations("TR", 1500, controlled=75, hits=4),
        _declarations("US", 1500, controlled=75, hits=4),
    )
    report = fairness_report(frame, by="origin")
    assert report.flagged == ["CN"]
    cn = report.table.loc["CN"]
    assert cn["selection_rate"] == pytest.approx(0.3)
    assert cn["selection_vs_rest"] == pytest.approx(0.3 / (150 / 3000))
    assert cn["selection_vs_rest_low"] > max(2.0, cn["hit_vs_rest_high"])
    assert cn["hit_vs_rest"] == pytest.approx((15 / 300) / (8 / 150))
    assert cn["hit_rate"] == pytest.approx(15 / 300)
    assert cn["selection_rate_low"] < 0.3 < cn["selection_rate_high"]
    assert "selected 6.00x as often as the rest" in cn["reason"]
    # the table is sorted by selection ratio, highest first
    assert list(report.table.index) == ["CN", "TR", "US"]


def test_a_higher_hit_rate_that_keeps_pace_prevents_the_flag() -> None:
    frame = _frame(
        _declarations("CN", 1000, controlled=300, hits=150),
        _declarations("TR", 3000, controlled=150, hits=12),
    )
    report = fairness_report(frame, by="origin")
    assert report.flagged == []
    cn = report.table.loc["CN"]
    assert cn["selection_vs_rest_low"] > 2.0
    assert cn["hit_vs_rest_high"] >= cn["selection_vs_rest_low"]
    assert "hit rate among controls may be up to" in cn["reason"]


def test_a_modest_over_selection_is_not_flagged() -> None:
    frame = _frame(
        _declarations("CN", 2000, controlled=600, hits=12),
        _declarations("TR", 2000, controlled=400, hits=20),
    )
    report = fairness_report(frame, by="origin")
    assert report.flagged == []
    assert report.table.loc["CN", "hit_vs_rest_high"] < 1
    assert "not selected markedly more often" in report.table.loc["CN", "reason"]
    # a lower threshold is a deliberate choice, and it changes the verdict
    assert fairness_report(frame, by="origin", selection_threshold=1.2).flagged == ["CN"]


def test_small_groups_are_reported_but_never_flagged() -> None:
    frame = _frame(
        _declarations("EC", 150, controlled=120, hits=0),
        _declarations("CN", 3000, controlled=150, hits=15),
    )
    report = fairness_report(frame, by="origin", min_group=200)
    ec = report.table.loc["EC"]
    assert bool(ec["small"]) and not ec["flagged"]
    assert ec["selection_vs_rest_low"] > 5  # it would be flagged if it were big enough
    assert "fewer than 200 declarations" in ec["reason"]
    assert fairness_report(frame, by="origin", min_group=100).flagged == ["EC"]
    assert any("never flagged" in note for note in report.notes)


def test_random_controls_enter_the_rule_once_there_are_enough() -> None:
    """Risk-selected controls in CN find little, but random ones find much: the group is
    riskier than its risk-selected hit rate says, so it is not flagged."""
    frame = _frame(
        _declarations("CN", 2000, controlled=600, hits=30, random=60, random_hits=24),
        _declarations("TR", 4000, controlled=200, hits=20, random=60, random_hits=3),
    )
    report = fairness_report(frame, by="origin")
    cn = report.table.loc["CN"]
    assert bool(cn["random_used"])
    assert cn["hit_vs_rest_high"] < cn["selection_vs_rest_low"]
    assert cn["random_hit_vs_rest_high"] >= cn["selection_vs_rest_low"]
    assert report.flagged == []
    assert "random controls may be up to" in cn["reason"]
    # with too few random hits in all, the same rule ignores them and flags CN
    strict = fairness_report(frame, by="origin", min_random_hits=100)
    assert strict.flagged == ["CN"] and not strict.table.loc["CN", "random_used"]


def test_declaration_level_main_origin_and_labels() -> None:
    """Two items, one declaration: counted once, under the origin of the dearer item."""
    rows = [
        {"reference": "A", "seq": 1, "origin_country": "TR", "customs_value": 100.0},
        {"reference": "A", "seq": 2, "origin_country": "CN", "customs_value": 900.0},
        {"reference": "B", "seq": 1, "origin_country": "TR", "customs_value": 50.0},
    ]
    labels = {
        "A": {"controlled": 1, "fraud": 1.0, "selection_reason": "random"},
        "B": {"controlled": 0, "fraud": np.nan, "selection_reason": None},
    }
    frame = finish_frame(
        pd.DataFrame.from_records(
            [{**r, "declaration_date": "2025-01-02", **labels[r["reference"]]} for r in rows]
        )
    )
    decl = declaration_frame(frame).set_index("reference")
    assert len(decl) == 2
    assert decl.loc["A", "origin_country"] == "CN"
    assert bool(decl.loc["A", "hit"]) and bool(decl.loc["A", "random"])
    assert not decl.loc["B", "controlled"] and not decl.loc["B", "hit"]
    report = fairness_report(frame, by="origin", min_group=1)
    assert report.table.loc["CN", "declarations"] == 1
    assert report.table.loc["TR", "declarations"] == 1
    assert report.overall["declarations"] == 2 and report.overall["hits"] == 1


def test_importer_size_buckets_split_declarations_in_thirds() -> None:
    sizes = pd.Series([1] * 30 + [10] * 30 + [100] * 30)
    labels = importer_size_buckets(sizes)
    assert labels.value_counts().to_dict() == {
        "small (<= 1 declarations)": 30,
        "medium (2-99 declarations)": 30,
        "large (>= 100 declarations)": 30,
    }


def test_importer_size_grouping_counts_declarations_per_importer() -> None:
    big = _declarations("CN", 900, controlled=90, hits=5, importer="BIG")
    small = [
        {**row, "importer_id": f"ONE-{i}"}
        for i, row in enumerate(_declarations("CN", 900, controlled=90, hits=5))
    ]
    report = fairness_report(_frame(big, small), by="importer_size")
    counts = report.table["declarations"].to_dict()
    assert counts == {"small (<= 1 declarations)": 900, "large (>= 900 declarations)": 900}


def test_every_named_grouping_and_any_frame_column_work() -> None:
    frame = _frame(
        _declarations("CN", 300, controlled=60, hits=6, office="NLRTM1"),
        _declarations("TR", 300, controlled=30, hits=3, office="NLAMS1"),
    )
    for by in GROUPINGS:
        report = fairness_report(frame, by=by, min_group=1)
        assert report.table["declarations"].sum() == 600, by
    assert set(fairness_report(frame, by="office").table.index) == {"NLRTM1", "NLAMS1"}
    # a column with no value at all becomes one "(missing)" group
    assert list(fairness_report(frame, by="incoterm").table.index) == ["(missing)"]


def test_unknown_grouping_names_the_choices() -> None:
    frame = _frame(_declarations("CN", 50, controlled=5, hits=1))
    with pytest.raises(FairnessError, match="unknown grouping 'colour'.*origin, importer_size"):
        fairness_report(frame, by="colour")


def test_groupings_are_checked_against_the_frame_contract() -> None:
    assert check_grouping("origin") == "origin_country"
    assert check_grouping("incoterm") == "incoterm"
    assert check_grouping("attr_port") == "attr_port"  # extra attributes pass the early check
    with pytest.raises(FairnessError, match="unknown grouping 'colour'"):
        check_grouping("colour")
    frame = _frame(_declarations("CN", 50, controlled=5, hits=1))
    with pytest.raises(FairnessError, match="needs the column 'attr_port'"):
        fairness_report(frame, by="attr_port")


def test_no_control_result_is_an_error() -> None:
    frame = _frame(_declarations("CN", 50, controlled=0, hits=0))
    with pytest.raises(FairnessError, match="no declaration has a control result"):
        fairness_report(frame, by="origin")


def test_bad_options_are_errors() -> None:
    frame = _frame(_declarations("CN", 50, controlled=5, hits=1))
    with pytest.raises(ValueError, match="confidence"):
        fairness_report(frame, by="origin", confidence=1.0)
    with pytest.raises(FairnessError, match="min_group"):
        fairness_report(frame, by="origin", min_group=0)
    with pytest.raises(FairnessError, match="lacks the column"):
        fairness_report(frame.drop(columns=["fraud"]), by="origin")


def test_to_dict_is_strict_json_and_matches_the_table() -> None:
    frame = _frame(
        _declarations("CN", 1000, controlled=300, hits=15),
        _declarations("GB", 400, controlled=0, hits=0),  # no controls: hit ratios undefined
        _declarations("TR", 3000, controlled=150, hits=8),
    )
    report = fairness_report(frame, by="origin", confidence=0.9)
    data = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert data["flagged"] == report.flagged == ["CN"]
    assert data["confidence"] == 0.9 and "at least 200 declarations" in data["rule"]["text"]
    groups = {g["group"]: g for g in data["groups"]}
    assert groups["CN"]["controlled"] == 300 and groups["CN"]["flagged"] is True
    assert groups["GB"]["hit_rate"] is None and groups["GB"]["selection_rate"] == 0.0
    assert math.isclose(groups["TR"]["selection_rate"], 0.05)
    assert data["overall"]["declarations"] == 4400
