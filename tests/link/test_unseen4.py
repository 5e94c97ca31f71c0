"""What the fourth unseen party set (tests/link/data/unseen_parties4) showed, as general rules:
a date column that cannot show its order, and (below) names, addresses and dates of birth."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.io import PartyFileError, read_party_file

DATA = Path(__file__).parent / "data" / "unseen_parties4"
AMBIGUOUS = "Trader ID;Trader Name;DOB\nT-1;Jane Doe;03/05/1970\nT-2;John Roe;12/01/1980\n"


def test_a_date_column_with_no_part_above_12_is_refused_naming_file_and_column(
    tmp_path: Path,
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    with pytest.raises(PartyFileError) as err:
        read_party_file(path)
    assert str(path) in str(err.value) and "'DOB'" in str(err.value)
    assert "--date-order" in str(err.value)


@pytest.mark.parametrize(
    ("order", "expected"),
    [("dmy", ["1970-05-03", "1980-01-12"]), ("mdy", ["1970-03-05", "1980-12-01"])],
)
def test_the_stated_date_order_reads_an_ambiguous_column(
    tmp_path: Path, order: str, expected: list[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    frame = read_party_file(path, date_order="dmy" if order == "dmy" else "mdy").frame
    assert list(frame.registration_date) == expected


def test_link_parties_takes_the_date_order(tmp_path: Path) -> None:
    left, right, out = tmp_path / "register.csv", tmp_path / "list.csv", tmp_path / "m.csv"
    left.write_text(AMBIGUOUS, encoding="utf-8")
    right.write_text("id,name,birth_date\ns1,Jane DOE,1970-05-03\n", encoding="utf-8")
    command = ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    refused = CliRunner().invoke(app, command)
    assert refused.exit_code != 0 and "cannot tell whether the dates" in refused.output
    result = CliRunner().invoke(app, [*command, "--date-order", "dmy"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(out, dtype=str)) == 1


def test_set4_register_reads_only_with_its_stated_order() -> None:
    with pytest.raises(PartyFileError, match="DOB"):
        read_party_file(DATA / "register.csv")
    frame = read_party_file(DATA / "register.csv", date_order="dmy").frame
    assert frame.set_index("id").registration_date["T-4001"] == "1970-05-03"
