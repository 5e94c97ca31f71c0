"""Review of the set-4 party-linking change: inputs unlike its test sets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.io import DateOrder, PartyFileError, read_party_file
from tests.link.test_unseen4 import _pairs

TOWN = {"city": "Leeds", "country": "GB"}


def _person(pid: str, name: str, born: str, **more: str) -> dict[str, str]:
    return {"id": pid, "name": name, "registration_date": born, "kind": "Person", **TOWN, **more}


def test_a_birth_day_with_its_two_digits_swapped_is_one_slip_of_the_pen() -> None:
    # 12 and 21 March: nine days apart, no sibling's; a keying slip like one digit other
    register = [_person("r1", "Anil Kumar Rao", "1980-03-12")]
    assert _pairs(register, [_person("s1", "Anil Kumar RAO", "1980-03-21")]) == {("r1", "s1")}
    street = {"street": "14 Elm Street"}
    register = [_person("r1", "Jane Smith", "1980-01-20", **street)]
    assert _pairs(register, [_person("s1", "Jane SMITH", "1980-01-02", **street)]) == {("r1", "s1")}


def test_a_birth_year_with_its_digits_swapped_stays_another_person() -> None:
    # 1957 / 1975: a father and his son of one name at one address, 18 years apart
    street = {"street": "14 Elm Street"}
    register = [_person("r1", "Jane Smith", "1957-06-05", **street)]
    assert _pairs(register, [_person("s1", "Jane SMITH", "1975-06-05", **street)]) == set()


def test_mv_before_a_name_of_unknown_kind_still_meets_the_person_mv_rao() -> None:
    # a register has no type column: "MV Rao" may be the vessel or M. V. Rao
    register = [{"id": "r1", "name": "MV Rao", **TOWN}]
    listed = [{"id": "s1", "name": "MV RAO", "kind": "Person", **TOWN}]
    assert _pairs(register, listed) == {("r1", "s1")}
    vessel = [{"id": "s2", "name": "RAO", "kind": "Vessel", **TOWN}]
    assert _pairs(register, vessel) == {("r1", "s2")}


def _read(tmp_path: Path, text: str, order: DateOrder | None = None) -> str:
    path = tmp_path / "register.csv"
    path.write_text("Trader ID;Trader Name;DOB\n" + text, encoding="utf-8")
    with pytest.raises(PartyFileError) as err:
        read_party_file(path, date_order=order)
    return str(err.value)


def test_a_column_showing_the_other_order_is_read_so_and_told(tmp_path: Path) -> None:
    # one --date-order is stated for both files: a day-first register whose dates cannot show
    # it against a list written month first (12/25/1980) must still read both
    left, right, out = tmp_path / "register.csv", tmp_path / "list.csv", tmp_path / "m.csv"
    left.write_text("Trader ID;Trader Name;DOB\nT-1;Jane Doe;03/05/1970\n", encoding="utf-8")
    right.write_text("id,name,DOB\ns1,Jane DOE,05/03/1970\ns2,John ROE,12/25/1980\n", "utf-8")
    command = ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    result = CliRunner().invoke(app, [*command, "--date-order", "dmy"])
    assert result.exit_code == 0, result.output
    assert "line 3" in result.output and "'12/25/1980' is written month first" in result.output
    assert list(pd.read_csv(out, dtype=str).right_id) == ["s1"]
    frame = read_party_file(right, date_order="dmy").frame
    assert list(frame.registration_date) == ["1970-05-03", "1980-12-25"]


def test_a_value_with_both_parts_above_12_is_no_date_not_both_orders(tmp_path: Path) -> None:
    message = _read(tmp_path, "T-1;Jane Doe;25/05/1970\nT-2;John Roe;13/25/1980\n")
    assert "line 3" in message and "'13/25/1980' is not a date" in message
    assert "day first and month first" not in message


def test_a_one_word_name_of_unknown_kind_with_other_dates_is_no_person() -> None:
    # a register's registration date (incorporation) against a list's other date: "Rosneft"
    # has no legal form and no trade word, but no person is named with one word
    at = {"street": "Sofiyskaya Emb 26/1", "city": "Moscow", "country": "RU"}
    register = [{"id": "r1", "name": "Rosneft", "registration_date": "1993-04-15", **at}]
    listed = [{"id": "s1", "name": "ROSNEFT", "registration_date": "1995-09-07", **at}]
    assert _pairs(register, listed) == {("r1", "s1")}
    # a declared person of one word stays a person
    person = [{**listed[0], "kind": "Person"}]
    assert _pairs([{**register[0], "kind": "Person"}], person) == set()
