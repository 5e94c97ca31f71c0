"""The audit written out: strict JSON and a self-contained HTML page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from clearlane.fairness import fairness_report, fairness_section, write_fairness_report
from tests.fairness.conftest import OVER_TARGETED


def test_report_files_for_a_flagged_origin(
    tmp_path: Path, generated_frame: Callable[[int, bool], pd.DataFrame]
) -> None:
    report = fairness_report(generated_frame(1, True), by="origin")
    json_path, html_path = write_fairness_report(report, tmp_path / "out")
    assert (json_path.name, html_path.name) == ("fairness_origin.json", "fairness_origin.html")

    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["flagged"] == [OVER_TARGETED]
    assert data == json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert sum(g["declarations"] for g in data["groups"]) == data["overall"]["declarations"]

    page = html_path.read_text(encoding="utf-8")
    # self-contained: no script, stylesheet, image or font fetched from anywhere
    assert not re.search(r"<script|<link|<img|@import|url\(", page)
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"]
    assert f"FLAG {OVER_TARGETED}" in page  # the chart label of the flagged group
    assert '<tr class="flagged"><th>CN</th>' in page
    assert "Flagged (1):</b> CN" in page
    assert "How a group is flagged" in page and report.rule in page.replace("&#x27;", "'")
    assert "Selection bias" in page  # the limits paragraph


def test_an_unflagged_report_says_so(
    tmp_path: Path, generated_frame: Callable[[int, bool], pd.DataFrame]
) -> None:
    report = fairness_report(generated_frame(1, False), by="office")
    section = fairness_section(report)
    assert "No group is flagged." in section and 'class="flagged"' not in section
    _, html_path = write_fairness_report(report, tmp_path)
    assert html_path.name == "fairness_office.html"
    # every office appears in the table
    for office in report.table.index:
        assert f"<th>{office}</th>" in html_path.read_text(encoding="utf-8")
