from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.resolve import FIELDS, link_parties

LEFT = [
    {
        "id": "1",
        "name": "Müller Logistik GmbH & Co. KG",
        "street": "Hauptstraße 12",
        "city": "Hamburg",
        "postcode": "20095",
        "country": "DE",
        "registration_date": "2001-02-03",
    },
    {
        "id": "2",
        "name": "Shenzhen Bright Star Co., Ltd.",
        "street": "8 Keji Road",
        "city": "Shenzhen",
        "postcode": "",
        "country": "CN",
    },
    {
        "id": "3",
        "name": "Acme Trading Ltd",
        "city": "London",
        "country": "GB",
        "identifier": "GB980780684",
    },
    {
        "id": "4",
        "name": "Polmex Sp. z o.o.",
        "street": "ul. Dluga 5",
        "city": "Gdansk",
        "postcode": "80-831",
        "country": "PL",
        "registration_date": "2010-05-05",
    },
]
RIGHT = [
    {
        "id": "x",
        "name": "MUELLER LOGISTIK GMBH&CO KG",
        "street": "Haupt Str. 12",
        "city": "HAMBURG",
        "country": "DE",
        "registration_date": "2001-02-03",
    },
    {
        "id": "y",
        "name": "BRIGHT STAR SHENZHEN CO LTD",
        "street": "Keji Rd 8",
        "city": "Shenzhen",
        "postcode": "518000",
        "country": "CN",
    },
    {
        "id": "z",
        "name": "Zenith Imports Limited",
        "city": "Leeds",
        "country": "GB",
        "identifier": "GB 980 780 684 000",
    },
    {
        "id": "w",
        "name": "Polmex S.A.",
        "street": "Krakowska 1",
        "city": "Krakow",
        "postcode": "30-001",
        "country": "PL",
        "registration_date": "1999-01-01",
    },
    {
        "id": "v",
        "name": "Acme Trading Ltd",
        "city": "London",
        "country": "GB",
        "identifier": "GB980780685",
    },  # bad check digit: never an identifier link
]


def _frame(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows).fillna("")


def test_variants_link_and_different_traders_do_not() -> None:
    result = link_parties(_frame(LEFT), _frame(RIGHT))
    pairs = set(zip(result.matches.left_id, result.matches.right_id, strict=True))
    assert {("1", "x"), ("2", "y"), ("3", "z")} <= pairs
    assert ("4", "w") not in pairs
    methods = dict(
        zip(
            zip(result.matches.left_id, result.matches.right_id, strict=True),
            result.matches.method,
            strict=True,
        )
    )
    assert methods[("3", "z")] == "identifier"
    assert methods[("1", "x")] == "probabilistic"
    assert methods.get(("3", "v")) != "identifier"


def test_field_weights_sum_to_the_match_weight() -> None:
    m = link_parties(_frame(LEFT), _frame(RIGHT), threshold=1e-9).matches
    assert len(m) >= 4
    parts = m[["w_prior", *(f"w_{f}" for f in FIELDS)]].sum(axis=1)
    assert (parts - m["match_weight"]).abs().max() < 1e-9
    # and the weight gives the probability
    probabilistic = m[m.method == "probabilistic"]
    expected = 2**probabilistic.match_weight / (1 + 2**probabilistic.match_weight)
    assert (expected - probabilistic.match_probability).abs().max() < 1e-9


def test_cli_writes_matches(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "m.csv"
    _frame(LEFT).to_csv(a, index=False)
    _frame(RIGHT).to_csv(b, index=False)
    result = CliRunner().invoke(
        app, ["link", "parties", "--left", str(a), "--right", str(b), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    got = pd.read_csv(out, dtype=str)
    assert list(got.columns) == ["left_id", "right_id", "match_probability", "match_weight"]
    assert ("1", "x") in set(zip(got.left_id, got.right_id, strict=True))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id,name,registration_date\n1,A,2020-13-01\n",
            "line 2, field registration_date: '2020-13-01' is not a date",
        ),
        ("id,name\n1,A\n2,\n", "line 3, field name: empty"),
        ("id,name\n1,A\n1,B\n", "line 3, field id: '1' already used on line 2"),
        ("id,nom\n1,A\n", "line 1: missing column(s) name"),
        ("id,name\n1,A\x00B\n", "line 2, field name: contains a NUL"),
    ],
)
def test_cli_names_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(text, encoding="utf-8")
    good.write_text("id,name\n1,A\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "link",
            "parties",
            "--left",
            str(bad),
            "--right",
            str(good),
            "--out",
            str(tmp_path / "m.csv"),
        ],
    )
    assert result.exit_code == 2
    assert "bad.csv" in result.output
    assert message in result.output
    assert not (tmp_path / "m.csv").exists()


def test_a_row_whose_country_is_unknown_is_read_without_it_and_named(tmp_path: Path) -> None:
    left, right = tmp_path / "list.csv", tmp_path / "register.csv"
    left.write_text(
        "id,name,country\n"
        "1,Nordwind Handels GmbH,Atlantis\n"
        "2,Baltic Amber Trading OU,Congo\n"
        "3,Volga Metall Trade LLC,de;xx\n"
        "4,Kazakh Oil Trade LLP,Yugoslavia\n",
        encoding="utf-8",
    )
    right.write_text(
        "id,name,country\na,Nordwind Handels GmbH,DE\nb,Kazakh Oil Trade LLP,YU\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.csv"
    result = CliRunner().invoke(
        app, ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "list.csv line 2, field country: 'Atlantis' is not one country" in result.output
    assert "list.csv line 3, field country: 'Congo' is not one country" in result.output
    assert "list.csv line 4, field country: 'xx' is not one country" in result.output
    assert "kept DE" in result.output
    assert "list.csv: 3 row(s) with a country value that is no country" in result.output
    assert "line 5" not in result.output  # Yugoslavia is read
    got = pd.read_csv(out, dtype=str)
    assert {("1", "a"), ("4", "b")} <= set(zip(got.left_id, got.right_id, strict=True))


def test_the_reader_stores_no_country_for_an_unknown_one(tmp_path: Path) -> None:
    from clearlane.link.io import read_party_file

    path = tmp_path / "list.csv"
    path.write_text("id,name,country\n1,A,Atlantis\n2,B,Soviet Union\n", encoding="utf-8")
    read = read_party_file(path)
    assert list(read.frame.country) == ["", "SUN"]
    assert len(read.warnings) == 2


def test_only_the_columns_read_leave_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scored pairs come out of DuckDB with the columns _score and cap_location read, not
    Splink's every input column of both sides (word lists, keys: a benchmark reading every
    compared pair of FEBRL 4 peaked at 1.1 GB with them, docs/performance.md)."""
    from splink.internals.linker_components.misc import LinkerMisc

    read: list[list[str]] = []
    original = LinkerMisc.query_sql

    def spy(self: LinkerMisc, sql: str, output_type: str = "splink_df") -> object:
        out = original(self, sql, output_type)  # type: ignore[arg-type]
        if "match_probability >=" in sql:
            read.append(list(out.columns))
        return out

    monkeypatch.setattr(LinkerMisc, "query_sql", spy)
    result = link_parties(_frame(LEFT), _frame(RIGHT), threshold=1e-9)
    assert len(result.matches) >= 4
    (columns,) = read
    sided = {
        c[:-2] for c in columns if c.endswith(("_l", "_r")) and not c.startswith(("gamma_", "mw_"))
    }
    assert sided == {
        "id",
        "source_dataset",
        "identifier_key",
        "legal_form",
        "kind",
        "name_tokens",
        "po_box_key",
        # the romanised names for persons with other given names (parties10's rule, merged
        # after this test: review p6)
        "name_roman",
        # whether a side's postcode was read from its whole address (cap_location; set 16)
        "postcode_read",
        # a name's own words, for two firms each with one the other lacks (cap_location;
        # session 25, parties16)
        "name_own",
        # a name's place names as written, for a name one only once they are folded in two
        # towns (cap_location's "placed"; review p11, session 26)
        "name_places",
        # a person's given-name form keys: two names one with a given name's other form are
        # no persons of other given names (cap_location's "forms"; session 31, parties23)
        "name_forms",
        # each side's country code: a Chinese or Korean firm's second syllable another
        # (cap_location's "country_code"; session 32, parties25)
        "country_key",
    }
    assert {f"gamma_{f}" for f in FIELDS} | {f"mw_{f}" for f in FIELDS} <= set(columns)
