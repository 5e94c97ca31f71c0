"""A name that is only legal forms, trading-as markers, punctuation or invisible characters
carries no identity: it gives no name evidence for a link.

Two such names agree exactly ("Ltd Ltd Ltd" / "Ltd Ltd Ltd"), and with the town or a shared PO
box that agreement carried the pair to a link (p 0.998-0.9999). A real name that is short
("3M", "BP", "K.K. Exports") is a name and links as before."""

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.normalise import names_no_one, normalise_name

_COLUMNS = ["id", "name", "street", "city", "country", "kind"]
_TOWNS = ["Lima", "Quito"]
_WORDS = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Flint", "Garnet", "Harbor", "Indigo"]


def _write(path: Path, rows: list[tuple[str, ...]], prefix: str) -> Path:
    # other parties elsewhere, so that the prior is that of a small list
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


_NAMELESS = [
    # trading-as markers only, one town
    (("T/A T/A", "", "Mombasa", "KE", ""), ("T/A T/A", "", "Mombasa", "KE", "")),
    # legal forms only, one town
    (("Ltd Ltd Ltd", "", "Mombasa", "KE", ""), ("Ltd Ltd Ltd", "", "Mombasa", "KE", "")),
    # punctuation only, one PO box
    (("'`'", "PO Box 4471", "Mombasa", "KE", ""), ("'`'", "PO Box 4471", "Mombasa", "KE", "")),
    # zero-width characters only, one PO box
    (
        ("\u200b\u200c\u200d", "PO Box 4471", "Mombasa", "KE", ""),
        ("\u200b\u200c\u200d", "PO Box 4471", "Mombasa", "KE", ""),
    ),
]


@pytest.mark.parametrize(("left", "right"), _NAMELESS)
def test_a_name_without_a_name_does_not_link(
    tmp_path: Path, left: tuple[str, ...], right: tuple[str, ...]
) -> None:
    assert ("x", "y") not in _link(tmp_path, left, right)


_SHORT_REAL = [
    (("3M", "", "Mombasa", "KE", ""), ("3M", "", "Mombasa", "KE", "")),
    (("BP", "PO Box 4471", "Mombasa", "KE", ""), ("BP", "PO Box 4471", "Mombasa", "KE", "")),
    (
        ("K.K. Exports", "", "Mombasa", "KE", ""),
        ("K.K. Exports", "", "Mombasa", "KE", ""),
    ),
]


@pytest.mark.parametrize(("left", "right"), _SHORT_REAL)
def test_a_short_real_name_still_links(
    tmp_path: Path, left: tuple[str, ...], right: tuple[str, ...]
) -> None:
    assert ("x", "y") in _link(tmp_path, left, right)


@pytest.mark.parametrize(
    "name", ["T/A T/A", "Ltd Ltd Ltd", "'`'", "\u200b\u200c\u200d", "", "GmbH & Co. KG", "t/a LLC"]
)
def test_names_no_one(name: str) -> None:
    assert names_no_one(name)
    assert normalise_name(name).key == ""


@pytest.mark.parametrize("name", ["3M", "BP", "K.K. Exports", "K.K.", "PT", "Acme t/a Ltd"])
def test_a_short_name_is_a_name(name: str) -> None:
    assert not names_no_one(name)
    assert normalise_name(name).key


@pytest.mark.parametrize("nameless", ["'`'", "Ltd"])
def test_a_nameless_row_does_not_take_a_named_one_at_its_address(
    tmp_path: Path, nameless: str
) -> None:
    # one side named, the other nameless: the PO box and the town say where, not who (on
    # lead "'`'" linked at p 0.99998 on the box and town alone)
    left = ("Kilindini Traders Ltd", "PO Box 4471", "Mombasa", "KE", "")
    right = (nameless, "PO Box 4471", "Mombasa", "KE", "")
    assert ("x", "y") not in _link(tmp_path, left, right)
