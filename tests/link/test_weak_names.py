"""A weak name agreement is not carried to a link by the town, nor by a placeholder street.

In screening a false link stops an innocent trader: two people of similar names in one town
("Kim Lee" / "Kim Liu") are two people unless something beyond the town says otherwise."""

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.normalise import normalise_street

_COLUMNS = ["id", "name", "street", "city", "country", "kind"]
_TOWNS = ["Lima", "Quito"]
_WORDS = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Flint", "Garnet", "Harbor", "Indigo"]


def _write(path: Path, rows: list[tuple[str, ...]], prefix: str) -> Path:
    # other parties elsewhere, so that the prior is that of a small list (about -4.5 bits)
    others = [
        (f"{prefix}f{i}{j}", f"{w} {t} Supplies Ltd", f"{i + 1} Harbour Road", t, "PE", "")
        for i, w in enumerate(_WORDS)
        for j, t in enumerate(_TOWNS)
    ]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(_COLUMNS)
        writer.writerows([*rows, *others])
    return path


def _link(tmp_path: Path, left: tuple[str, ...], right: tuple[str, ...]) -> set[tuple[str, str]]:
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(
        app,
        [
            "link",
            "parties",
            "--left",
            str(_write(tmp_path / "left.csv", [("x", *left)], "l")),
            "--right",
            str(_write(tmp_path / "right.csv", [("y", *right)], "r")),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        return {(r["left_id"], r["right_id"]) for r in csv.DictReader(f)}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # a weak name level (about 1.6 bits) with town and country
        (("Kim Lee", "", "Seoul", "KR", "person"), ("Kim Liu", "", "Seoul", "KR", "person")),
        (("Chen Wei", "", "Shanghai", "CN", ""), ("Shen Wei", "", "Shanghai", "CN", "")),
        (
            ("Mahmoud Abbas", "", "Amman", "JO", "person"),
            ("Mohammed Abbas", "", "Amman", "JO", "person"),
        ),
        # a person and a company of his name in his town
        (("Hamid Ali", "", "Karachi", "PK", "person"), ("Hamid Ali Ltd", "", "Karachi", "PK", "")),
        # one side's kind unknown, a legal form on the other only
        (
            ("Ali Hassan", "", "Dubai", "AE", ""),
            ("Ali Hassan Trading LLC", "", "Dubai", "AE", ""),
        ),
        # a placeholder street is no address
        (
            ("Sergei Ivanov", "Street", "Moscow", "RU", "person"),
            ("Sergey Ivanenko", "Street", "Moscow", "RU", "person"),
        ),
        (
            ("Pedro Alvarez", "N/A", "Bogota", "CO", "person"),
            ("Pablo Alvarado", "N/A", "Bogota", "CO", "person"),
        ),
        (
            ("Kim Lee", "12", "Seoul", "KR", "person"),
            ("Kim Liu", "12", "Seoul", "KR", "person"),
        ),
    ],
)
def test_the_town_does_not_carry_a_weak_name_to_a_link(
    tmp_path: Path, left: tuple[str, ...], right: tuple[str, ...]
) -> None:
    assert ("x", "y") not in _link(tmp_path, left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # the same name, or one romanised otherwise, in one town still links
        (("Kim Lee", "", "Seoul", "KR", "person"), ("KIM LEE", "", "Seoul", "KR", "person")),
        (("Omar Farouk", "", "Cairo", "EG", ""), ("Omar Faruq", "", "Cairo", "EG", "")),
        # a company whose other list drops its legal form, in one town
        (("Rostekhexport", "", "Moscow", "RU", ""), ("Rostekhexport JSC", "", "Moscow", "RU", "")),
        # a weak name at one real street address
        (
            ("Kim Lee", "14 Sejong-daero", "Seoul", "KR", "person"),
            ("Kim Le", "14 Sejong-daero", "Seoul", "KR", "person"),
        ),
    ],
)
def test_a_good_name_in_one_town_still_links(
    tmp_path: Path, left: tuple[str, ...], right: tuple[str, ...]
) -> None:
    assert ("x", "y") in _link(tmp_path, left, right)


@pytest.mark.parametrize("street", ["Street", "N/A", "n.a.", "12", "unknown", "-", "Str. 4"])
def test_a_placeholder_street_normalises_to_nothing(street: str) -> None:
    assert normalise_street(street) == ""


def test_a_real_street_keeps_its_words() -> None:
    assert normalise_street("12 Main Street") == "12 main st"
    assert normalise_street("PO Box 5") == "5 box po"


def test_two_names_with_one_word_in_common_at_one_street_do_not_link(tmp_path: Path) -> None:
    # two people of one household (or one office building) are two parties
    left = ("Kim Minjun", "14 Sejong-daero", "Seoul", "KR", "person")
    right = ("Kim Seoyeon", "14 Sejong-daero", "Seoul", "KR", "person")
    assert ("x", "y") not in _link(tmp_path, left, right)


def test_the_same_registration_date_lets_the_town_count_again(tmp_path: Path) -> None:
    def link(date: str) -> set[tuple[str, str]]:
        out = tmp_path / f"out{date}.csv"
        rows = []
        for side, name in (("l", "Chen Wei"), ("r", "Shen Wei")):
            path = tmp_path / f"{side}{date}.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow([*_COLUMNS, "registration_date"])
                writer.writerow(["x" if side == "l" else "y", name, "", "Shanghai", "CN", "", date])
                writer.writerows(
                    (f"{side}f{i}", f"{w} Lima Supplies Ltd", f"{i + 1} Harbour Road", "Lima")
                    + ("PE", "", "")
                    for i, w in enumerate(_WORDS * 2)
                )
            rows.append(path)
        result = CliRunner().invoke(
            app,
            ["link", "parties", "--left", str(rows[0]), "--right", str(rows[1]), "--out", str(out)],
        )
        assert result.exit_code == 0, result.output
        with out.open(encoding="utf-8") as f:
            return {(r["left_id"], r["right_id"]) for r in csv.DictReader(f)}

    assert ("x", "y") not in link("")
    assert ("x", "y") in link("1961-03-04")
