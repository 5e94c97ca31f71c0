"""Party lists in the formats and spellings of registers and sanctions lists (not FEBRL's):
legal forms of other countries, aliases, country names, labelled identifiers, and files in
another encoding, delimiter and column naming."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from clearlane.link.countries import country_codes
from clearlane.link.identifiers import first_identifier, identifier_key
from clearlane.link.io import PartyFileError, read_party_file
from clearlane.link.normalise import normalise_name, split_names
from clearlane.link.resolve import PARTY_COLUMNS, link_parties, prepare, with_rare_street_words

DATA = Path(__file__).parent / "data" / "unseen_parties"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Russian forms written before the name, in Russian or as lists translate them
        ("OOO Alfa Stroy", "Alfa Stroy LLC"),
        ("Obshchestvo s ogranichennoy otvetstvennostyu Alfa Stroy", "OOO ALFA STROY"),
        ("Limited Liability Company Alfa Stroy", "Alfa Stroy, OOO"),
        ("ООО Север Транс", "LLC Sever Trans"),
        ("AO Volga Metall", "JSC VOLGA METALL"),
        ("PAO Volga Metall", "Public Joint Stock Company Volga Metall"),
        ("Aktsionernoe Obshchestvo Volga Metall", "Volga Metall AO"),
        ("TOO Steppe Grain", "STEPPE GRAIN LLP"),
        # Turkish, Vietnamese, Chinese pinyin, Malaysian, Indian, Mexican, Peruvian, UAE forms
        ("Deniz Gida San. ve Tic. Ltd. Şti.", "DENIZ GIDA SANAYI VE TICARET LIMITED SIRKETI"),
        ("Kaya Tekstil A.Ş.", "KAYA TEKSTIL ANONIM SIRKETI"),
        ("Cong ty TNHH Minh Phat", "MINH PHAT COMPANY LIMITED"),
        ("Ningbo Haida Youxian Gongsi", "Ningbo Haida Co., Ltd."),
        ("Sinar Jaya Sdn. Bhd.", "SINAR JAYA SENDIRIAN BERHAD"),
        ("Lakshmi Traders Pvt. Ltd.", "Lakshmi Traders Private Limited"),
        ("Grupo Sol S. de R.L. de C.V.", "GRUPO SOL, S DE RL DE CV"),
        ("Andes Import S.A.C.", "Andes Import SAC"),
        ("Desert Line FZCO", "Desert Line Free Zone Company"),
        ("PT Maju Jaya", "PT. MAJU JAYA TBK"),
        # abbreviations and places
        ("Golden Lion Imp. & Exp. Co Ltd", "Golden Lion Import and Export Co., Ltd."),
        ("Pearl River Logistics (HK) Ltd", "PEARL RIVER LOGISTICS HONG KONG LIMITED"),
        ("Al Hadi Trading Est.", "Al Hadi Trading Establishment"),
    ],
)
def test_legal_forms_of_other_countries_fold(a: str, b: str) -> None:
    na, nb = normalise_name(a), normalise_name(b)
    assert na.key == nb.key
    assert na.legal_form == nb.legal_form


def test_a_name_that_is_only_a_legal_form_word_keeps_it() -> None:
    # "OOO" / "PT" before a name is a form; a form word inside a name is a name. Alone it
    # says nothing of who the party is: no name (session 23, tests/link/test_empty_names.py).
    assert normalise_name("OOO").key == ""
    assert normalise_name("AG Foods Ltd").key == "ag foods"


def test_names_after_aka_markers_and_in_the_alias_field() -> None:
    assert split_names(
        "NEW HORIZON ELECTRONICS LIMITED (a.k.a. NH ELECTRONICS LTD; f.k.a. HORIZON HK LTD)"
    ) == ["NEW HORIZON ELECTRONICS LIMITED", "NH ELECTRONICS LTD", "HORIZON HK LTD"]
    assert split_names("BLUE SEA SA, also known as Mar Azul S.A.") == [
        "BLUE SEA SA",
        "Mar Azul S.A.",
    ]
    assert split_names("Sea Pearl Ltd", "f.k.a. Darya Navigation Co; Darya Nav") == [
        "Sea Pearl Ltd",
        "Darya Navigation Co",
        "Darya Nav",
    ]
    # balanced brackets are part of the name; "Aka" as a first word is a name; ";" in a name
    # field is no alias separator
    assert split_names("HUAXIN CO LTD (SHENZHEN)") == ["HUAXIN CO LTD (SHENZHEN)"]
    assert split_names("Aka Foods Ltd") == ["Aka Foods Ltd"]
    assert split_names("Smith; Jones Ltd") == ["Smith; Jones Ltd"]


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("Germany", ["DE"]),
        ("DEU", ["DE"]),
        ("de", ["DE"]),
        ("Russian Federation", ["RU"]),
        ("Russia", ["RU"]),
        ("Türkiye", ["TR"]),
        ("Turkey", ["TR"]),
        ("Viet Nam", ["VN"]),
        ("Korea, Republic of", ["KR"]),
        ("Korea, Democratic People's Republic of", ["KP"]),
        ("United Kingdom", ["GB"]),
        ("pa;kp", ["PA", "KP"]),
        ("Hong Kong", ["HK"]),
    ],
)
def test_countries_as_codes_or_names(value: str, codes: list[str]) -> None:
    assert country_codes(value) == (codes, [])


def test_unknown_country_is_reported_not_guessed() -> None:
    assert country_codes("Atlantis") == ([], ["Atlantis"])
    assert country_codes("de;Atlantis") == (["DE"], ["Atlantis"])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Yugoslavia", "YUG"),
        ("YU", "YUG"),
        ("USSR", "SUN"),
        ("Soviet Union", "SUN"),
        ("SU", "SUN"),
        ("Serbia and Montenegro", "SCG"),
        ("CSXX", "SCG"),
        ("Netherlands Antilles", "ANT"),
        ("AN", "ANT"),
        ("Czechoslovakia", "CSK"),
        ("CSHH", "CSK"),
        ("East Germany", "DDR"),
        ("German Democratic Republic", "DDR"),
        ("DD", "DDR"),
    ],
)
def test_a_historic_country_keeps_its_own_code_not_a_successors(value: str, code: str) -> None:
    assert country_codes(value) == ([code], [])
    # the stored code reads back as itself (resolve.py reads the stored value again)
    assert country_codes(code) == ([code], [])


def test_a_historic_alpha2_code_reused_by_a_current_country_is_the_current_one() -> None:
    assert country_codes("BY") == (["BY"], [])  # Belarus, not the Byelorussian SSR
    assert country_codes("SK") == (["SK"], [])  # Slovakia, not Sikkim
    # CS was Czechoslovakia, then Serbia and Montenegro: not one country
    assert country_codes("CS") == ([], ["CS"])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Bosnia/Herzegovina", "BA"),
        ("Bosnia & Herzegovina", "BA"),
        ("Trinidad & Tobago", "TT"),
        ("St Kitts & Nevis", "KN"),
        ("Congo, Democratic Republic of the", "CD"),
        ("Congo, Republic of the", "CG"),
        ("Republic of Niger", "NE"),
        ("Republic of China", "TW"),
        ("Moldova, Republic of", "MD"),
        ("Korea, South", "KR"),
        ("The Gambia", "GM"),
        ("Guinea Bissau", "GW"),
    ],
)
def test_spelling_variants_of_one_country(value: str, code: str) -> None:
    assert country_codes(value) == ([code], [])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("Dominica", "DM"),
        ("Dominican Republic", "DO"),
        ("Guinea", "GN"),
        ("Guinea-Bissau", "GW"),
        ("Equatorial Guinea", "GQ"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
    ],
)
def test_a_country_is_not_taken_for_a_country_with_a_similar_name(value: str, code: str) -> None:
    assert country_codes(value) == ([code], [])


@pytest.mark.parametrize("value", ["Congo", "the Congo", "Congo, The", "Korea"])
def test_a_name_several_countries_share_is_unknown(value: str) -> None:
    assert country_codes(value) == ([], [value])


def test_identifiers_with_labels_and_several_in_a_field() -> None:
    assert identifier_key("VAT: NL801234566B01").key == "NL801234566B01"
    assert identifier_key("VAT No. DE 811 569 869").key == "DE811569869"
    assert identifier_key("NL 8012.34.566.B01").key == "NL801234566B01"
    # a checked number wins over one valid by shape only (IM + "O5923478" looks like an EORI)
    assert first_identifier("IMO 5923478; VAT: DE811569869").key == "DE811569869"
    assert identifier_key("VAT: DE811569860").key is None  # wrong check digit still refused


def _parties(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c, "") for c in PARTY_COLUMNS} for r in rows], dtype="object")


@pytest.mark.parametrize(
    "placeholder", ["NONE", "None", "NIL", "PENDING", "NOT AVAILABLE", "no vat", "DE000000000"]
)
def test_a_placeholder_for_a_missing_identifier_is_no_identifier(placeholder: str) -> None:
    # they begin with a country code (NO, NI, PE, DE) and passed as EORIs by shape
    assert identifier_key(placeholder).key is None
    assert identifier_key(placeholder, "NO").key is None
    assert identifier_key("IMO 9876543").key == "IMO9876543"  # a number still passes


def test_two_parties_whose_identifier_is_none_do_not_link_on_it() -> None:
    register = _parties(
        [{"id": "L1", "name": "Alpha Foods Ltd", "country": "NO", "identifier": "NONE"}]
    )
    sanctions = _parties(
        [{"id": "S1", "name": "Bergen Shipping AS", "country": "NO", "identifier": "NONE"}]
    )
    assert link_parties(register, sanctions).matches.empty


def test_a_party_known_under_a_former_name_links_through_its_alias() -> None:
    register = _parties(
        [
            {"id": "L1", "name": "Darya Navigation Company Ltd", "country": "Iran"},
            {"id": "L2", "name": "Caspian Bulk Carriers Ltd", "country": "IR"},
        ]
    )
    sanctions = _parties(
        [
            {
                "id": "S1",
                "name": "Sea Pearl Navigation Ltd",
                "aliases": "f.k.a. Darya Navigation Company; DNC",
                "country": "ir",
            },
            {"id": "S2", "name": "Northern Star Shipping (a.k.a. Caspian Bulk Carriers Ltd)"},
        ]
    )
    pairs = link_parties(register, sanctions).matches
    assert sorted(zip(pairs.left_id, pairs.right_id, strict=True)) == [("L1", "S1"), ("L2", "S2")]


def test_a_one_word_alias_links_nothing() -> None:
    # "MTZ" as an alias of a tractor works says nothing about "MTZ Ltd" elsewhere
    register = _parties([{"id": "L1", "name": "MTZ Ltd", "country": "GB"}])
    sanctions = _parties(
        [{"id": "S1", "name": "Minsk Tractor Works OJSC", "aliases": "MTZ", "country": "BY"}]
    )
    assert link_parties(register, sanctions).matches.empty


def test_an_alias_marker_without_a_name_on_both_sides_is_part_of_the_name() -> None:
    # Norwegian/Danish/Turkish "AS" after "Trading" is a legal form, not "trading as"; a
    # marker word opening a name is a name word
    assert split_names("Nordic Trading AS") == ["Nordic Trading AS"]
    assert split_names("Nordic Trading AS, Oslo") == ["Nordic Trading AS, Oslo"]
    assert split_names("Formerly Yours Ltd") == ["Formerly Yours Ltd"]
    assert split_names("Doing Business As Usual Ltd") == ["Doing Business As Usual Ltd"]
    assert split_names("X Trading AS (formerly Y Ltd)") == ["X Trading AS", "Y Ltd"]
    assert split_names("Smith Trading Ltd [aka Jones Shipping Ltd]") == [
        "Smith Trading Ltd",
        "Jones Shipping Ltd",
    ]
    assert split_names("Smith Ltd trading as Jones Ltd") == ["Smith Ltd", "Jones Ltd"]
    # in the alias field a leading marker is stripped as before
    assert split_names("Sea Pearl Ltd", "formerly Darya Navigation Co") == [
        "Sea Pearl Ltd",
        "Darya Navigation Co",
    ]


def test_a_name_holding_a_marker_word_does_not_link_to_the_rest_of_it() -> None:
    register = _parties(
        [
            {"id": "L1", "name": "Nordic Trading AS", "country": "NO"},
            {"id": "L2", "name": "Formerly Yours Ltd", "country": "GB"},
        ]
    )
    sanctions = _parties(
        [
            {"id": "S1", "name": "Nordic AS", "country": "NO"},
            {"id": "S2", "name": "Nordic", "country": "NO"},
            {"id": "S3", "name": "Yours Ltd", "country": "GB"},
        ]
    )
    assert link_parties(register, sanctions).matches.empty


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("AO Smith Corp", "Smith Corp"),  # A. O. Smith, not a joint-stock company "Smith"
        ("AO Smith Corp", "AO Smith"),
        ("PT Barnum Inc", "Barnum Inc"),
        ("AJ Trading Ltd", "Trading Ltd"),
        ("Too Good Foods Ltd", "Good Foods Ltd"),
        ("Me Too Ltd", "Me Ltd"),  # "too" (Kazakh LLP) in the middle of a name is a word
    ],
)
def test_initials_that_spell_a_legal_form_stay_in_the_name(a: str, b: str) -> None:
    assert normalise_name(a).key != normalise_name(b).key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("De Vries BV", "Vries BV", False),
        ("VA Tech Ltd", "Tech Ltd", False),
        ("E Trade Ltd", "Trade Ltd", False),
        ("Banco de Chile", "Banco Chile", True),
        ("Smith and Co", "Smith & Co.", True),
        ("OOO De Vries", "De Vries LLC", True),
    ],
)
def test_a_joining_word_is_dropped_only_between_two_words(a: str, b: str, same: bool) -> None:
    assert (normalise_name(a).key == normalise_name(b).key) is same


def test_initials_that_spell_a_legal_form_do_not_link_two_companies() -> None:
    register = _parties(
        [
            {"id": "L1", "name": "AO Smith Corp", "country": "US"},
            {"id": "L2", "name": "PT Barnum Inc", "country": "US"},
        ]
    )
    sanctions = _parties(
        [
            {"id": "S1", "name": "Smith Corp", "country": "US"},
            {"id": "S2", "name": "PT Barnum", "country": "US"},
        ]
    )
    assert link_parties(register, sanctions).matches.empty


def _run(tmp_path: Path, left: Path, right: Path, *extra: str) -> tuple[int, str, Path]:
    out = tmp_path / "m.csv"
    args = ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, *extra])
    return result.exit_code, result.output, out


def test_cli_reads_a_latin1_semicolon_register_with_its_own_column_names(tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_bytes(
        "Trader ID;Trader Name;Address;Country;VAT / EORI;Notes\r\n"
        "T1;Müller Maschinenbau GmbH;Industriestraße 7, Stuttgart;Germany;DE 811 569 869;x\r\n"
        "\r\n"
        ";;;;;\r\n".encode("cp1252")
    )
    sanctions = tmp_path / "list.csv"
    sanctions.write_text(
        "\ufeffid,schema,name,aliases,countries,addresses,identifiers\n"
        "S1,Company,Mueller Maschinenbau,,de,Stuttgart,VAT: DE811569869\n",
        encoding="utf-8",
    )
    code, output, out = _run(tmp_path, register, sanctions)
    assert code == 0, output
    got = pd.read_csv(out, dtype=str)
    assert list(zip(got.left_id, got.right_id, strict=True)) == [("T1", "S1")]
    assert "read as cp1252" in output
    assert "'Trader Name' as name" in output
    assert "columns ignored: 'Notes'" in output
    assert "2 empty row(s) skipped" in output


def test_a_utf8_file_with_a_late_windows_1252_line_keeps_its_utf8_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "id,name,city\n1,Müller Logistik GmbH,München\n".encode()
        + "2,Café Noir SARL,Paris\n3,Łódź Trans Sp. z o.o.,Łódź\n".encode("cp1252", "ignore")
        + "4,Łódź Trans Sp. z o.o.,Łódź\n".encode()
    )
    read = read_party_file(path)
    assert read.frame["name"].tolist() == [
        "Müller Logistik GmbH",
        "Café Noir SARL",
        "ód Trans Sp. z o.o.",  # what Windows-1252 could hold of it
        "Łódź Trans Sp. z o.o.",
    ]
    assert read.frame["city"].tolist()[0] == "München"
    assert any("line 3 and 1 other line(s) read as cp1252" in n for n in read.notes)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_excel_unicode_text_is_read_as_utf16(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "register.txt"
    text = "id\tname\tcity\n1\tMüller GmbH\tMünchen\n"
    path.write_bytes(text.encode(codec) if codec == "utf-16" else b"\xfe\xff" + text.encode(codec))
    read = read_party_file(path)
    assert read.frame[["id", "name", "city"]].values.tolist() == [["1", "Müller GmbH", "München"]]


def test_a_uk_list_surname_column_is_not_taken_for_the_name(tmp_path: Path) -> None:
    # "Name 6" is an individual's surname on the UK list: read as the name, "AHMED" linked
    # to "Ahmed Ltd" at 0.9999; it must be mapped knowingly
    path = tmp_path / "uk.csv"
    path.write_text("id,Name 6,Name 1,Group Type\n1,AHMED,Mohammed,Individual\n")
    with pytest.raises(PartyFileError, match="missing column"):
        read_party_file(path)
    read = read_party_file(path, columns={"name": "Name 6"})
    assert read.frame["name"].tolist() == ["AHMED"]


def test_commas_inside_quoted_column_names_do_not_make_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        'id;"Name, as registered";"Address, street, no"\n'
        'T1;"Smith, Jones & Co Ltd";"1 High St, Leeds"\n',
        encoding="utf-8",
    )
    read = read_party_file(path, columns={"name": "Name, as registered"})
    assert read.frame[["id", "name"]].values.tolist() == [["T1", "Smith, Jones & Co Ltd"]]


def test_cli_maps_a_column_and_explains_a_missing_one(tmp_path: Path) -> None:
    left, right = tmp_path / "a.csv", tmp_path / "b.csv"
    left.write_text("No,Firma\n1,Alfa Stroy LLC\n", encoding="utf-8")
    right.write_text("No,Firma\n9,OOO Alfa Stroy\n", encoding="utf-8")
    code, output, out = _run(tmp_path, left, right)
    assert code == 2
    assert "a.csv line 1: missing column(s) id, name; the header has 'No', 'Firma'" in output
    assert "--column" in output
    assert not out.exists()
    code, output, out = _run(tmp_path, left, right, "--column", "id=No", "--column", "name=Firma")
    assert code == 0, output
    assert len(pd.read_csv(out)) == 1


def test_cli_refuses_two_candidate_columns_for_one_field(tmp_path: Path) -> None:
    left, right = tmp_path / "a.csv", tmp_path / "b.csv"
    left.write_text("id,name,VAT,EORI\n1,A,,\n", encoding="utf-8")
    right.write_text("id,name\n2,B\n", encoding="utf-8")
    code, output, _ = _run(tmp_path, left, right)
    assert code == 2
    assert "columns 'VAT', 'EORI' could all be identifier" in output


def test_unseen_lists_link_without_conversion_and_without_false_links() -> None:
    register = read_party_file(DATA / "register.csv").frame
    sanctions = read_party_file(DATA / "sanctions.csv").frame
    assert len(register) == 85 and len(sanctions) == 75  # every row read, none lost
    truth = pd.read_csv(DATA / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    assert pairs - true == set()  # precision first: no innocent trader linked
    assert len(pairs & true) >= 0.8 * len(true)


def _city_list(rows: list[dict[str, str]]) -> pd.DataFrame:
    # other traders of the same city, so that its name and street words are common
    filler = [
        {"id": f"F{i}", "name": f"{w} Textiles Ltd", "street": f"{i} Main Road, Mumbai"}
        for i, w in enumerate(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"])
    ]
    return _parties([{**r, "country": "IN"} for r in rows + filler])


def test_one_address_written_two_ways_links_through_its_rare_words() -> None:
    register = _city_list(
        [
            {
                "id": "L1",
                "name": "Sri Balaji Exports Pvt. Ltd.",
                "street": "22 Dalal Street, Fort, Mumbai 400001",
            }
        ]
    )
    sanctions = _city_list(
        [
            {
                "id": "S1",
                "name": "Shri Balaji Exports Private Limited",
                "street": "Dalal St, Fort, Mumbai",
            }
        ]
    )
    pairs = link_parties(register, sanctions).matches
    assert ("L1", "S1") in set(zip(pairs.left_id, pairs.right_id, strict=True))


def test_common_address_words_are_no_evidence() -> None:
    frames = with_rare_street_words(
        [
            prepare(
                _city_list([{"id": "L1", "name": "Kilo Ltd", "street": "9 Main Road, Mumbai"}])
            ),
            prepare(
                _city_list([{"id": "S1", "name": "Lima Ltd", "street": "5 Main Road, Mumbai"}])
            ),
        ]
    )
    rare = dict(zip(frames[0].id, frames[0].street_rare, strict=True))
    assert rare["L1"] == ["9"]  # not "main", "rd", "mumbai": every record has them


def test_a_name_split_into_syllables_otherwise_is_compared_and_links() -> None:
    # pinyin written per syllable or per word: "Da Tong" / "Datong"
    register = _parties(
        [{"id": "L1", "name": "Ningbo Da Tong Plastics Co Ltd", "city": "Ningbo", "country": "CN"}]
    )
    sanctions = _parties(
        [{"id": "S1", "name": "NINGBO DATONG PLASTICS CO LTD", "city": "Ningbo", "country": "CN"}]
    )
    pairs = link_parties(register, sanctions).matches
    assert list(zip(pairs.left_id, pairs.right_id, strict=True)) == [("L1", "S1")]


def test_an_entry_in_several_countries_agrees_with_a_trader_in_any_of_them() -> None:
    others = [{"id": f"F{i}", "name": f"Trader Number {i} Ltd", "country": "GB"} for i in range(10)]
    register = _parties(
        [{"id": "L1", "name": "Belovo Metall Trade LLC", "country": "Belarus"}, *others]
    )
    sanctions = _parties(
        [{"id": "S1", "name": "OOO Belovo Metall Treid", "country": "ru;by"}]
        + [{**o, "id": f"G{i}", "name": f"Other Firm {i} Plc"} for i, o in enumerate(others)]
    )
    pairs = link_parties(register, sanctions).matches
    assert ("L1", "S1") in set(zip(pairs.left_id, pairs.right_id, strict=True))


def _dubai_lists(register_streets: list[str], listed_street: str) -> tuple[pd.DataFrame, ...]:
    others = [
        {"id": f"F{i}", "name": f"{w} Foodstuff Trading LLC", "street": f"Shop {i}, Al Ras, Deira"}
        for i, w in enumerate(["Amber", "Basil", "Cedar", "Date", "Fig", "Ginger"])
    ]
    register = _parties(
        [
            {"id": f"L{i}", "name": "Global Trading LLC", "street": street, "country": "AE"}
            for i, street in enumerate(register_streets)
        ]
        + [{**o, "country": "AE"} for o in others]
    )
    listed = _parties(
        [{"id": "S1", "name": "GLOBAL TRADING L.L.C.", "street": listed_street, "country": "ae"}]
        + [
            {**o, "id": f"G{i}", "name": f"Other {i} FZE", "country": "AE"}
            for i, o in enumerate(others)
        ]
    )
    return register, listed


def test_a_name_two_traders_of_one_country_share_does_not_link_on_its_own() -> None:
    # two innocent "Global Trading LLC" in the UAE: the listed one is neither by name alone
    register, listed = _dubai_lists(
        ["Office 12, Baniyas Rd, Deira", "Warehouse 7, Al Quoz Industrial 3"],
        "Sheikh Zayed Rd, Trade Centre 1",
    )
    assert link_parties(register, listed).matches.empty


def test_a_shared_name_still_links_where_the_address_tells_which() -> None:
    register, listed = _dubai_lists(
        ["Office 12, Baniyas Rd, Deira", "Warehouse 7, Al Quoz Industrial 3"],
        "Al Quoz Industrial Area 3, Warehouse 7, Dubai",
    )
    pairs = link_parties(register, listed).matches
    assert list(zip(pairs.left_id, pairs.right_id, strict=True)) == [("L1", "S1")]


def test_python_m_clearlane_runs_the_cli() -> None:
    # a new user's first try was "python -m clearlane link parties --help": no __main__
    import os
    import subprocess
    import sys

    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-m", "clearlane", "link", "parties", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--column" in done.stdout


def test_weights_output_names_the_alias_that_matched(tmp_path: Path) -> None:
    left, right = tmp_path / "a.csv", tmp_path / "b.csv"
    left.write_text("id,name,country\nL1,Darya Navigation Company Ltd,IR\n", encoding="utf-8")
    right.write_text(
        "id,name,aliases,country\nS1,Sea Pearl Navigation Ltd,f.k.a. Darya Navigation Co,ir\n"
        "S2,Harbour Supplies Ltd,,ir\n",
        encoding="utf-8",
    )
    code, output, out = _run(tmp_path, left, right, "--weights")
    assert code == 0, output
    got = pd.read_csv(out, dtype=str)
    assert got[["left_id", "right_id", "left_name", "right_name"]].values.tolist() == [
        ["L1", "S1", "Darya Navigation Company Ltd", "Darya Navigation Co"]
    ]


def test_the_names_that_matched_are_each_sides_own_when_both_lists_number_alike() -> None:
    # both lists number their parties 1, 2: left_name came from the right list's party 1
    register = _parties(
        [
            {"id": "1", "name": "Sea Pearl Shipping Ltd", "country": "IR"},
            {"id": "2", "name": "Caspian Bulk Carriers Ltd", "country": "IR"},
        ]
    )
    sanctions = _parties(
        [
            {
                "id": "2",
                "name": "Darya Navigation Co",
                "aliases": "Sea Pearl Shipping Ltd",
                "country": "IR",
            },
            {"id": "1", "name": "Caspian Bulk Carriers Ltd", "country": "IR"},
        ]
    )
    pairs = link_parties(register, sanctions).matches
    got = sorted(zip(pairs.left_id, pairs.right_id, pairs.left_name, pairs.right_name, strict=True))
    assert got == [
        ("1", "2", "Sea Pearl Shipping Ltd", "Sea Pearl Shipping Ltd"),
        ("2", "1", "Caspian Bulk Carriers Ltd", "Caspian Bulk Carriers Ltd"),
    ]


def test_a_frame_keeps_the_known_countries_of_a_partly_unknown_value() -> None:
    """The file reader keeps DE of 'de;xx' (with a warning); a frame passed to link_parties
    directly must read the same value the same way, not as no country at all."""
    from clearlane.link.resolve import _prepare

    frame = _parties([{"id": "P1", "name": "Volga Metall Trade LLC", "country": "de;xx"}])
    prepared = _prepare(frame, variants=False)
    assert prepared["country_key"].tolist() == ["DE"]
