"""What the fifth unseen party set (tests/link/data/unseen_parties5) showed, as general rules:
an address in numbered lines, a country written in the town's field, legal forms written out
in their own language, and numbers written as words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import normalise_name, normalise_street, romanised_key
from clearlane.link.resolve import PARTY_COLUMNS, link_parties


def _read(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "parties.csv"
    path.write_text(text, encoding="utf-8")
    frame = read_party_file(path).frame
    return {str(k): str(v) for k, v in frame.iloc[0].to_dict().items()}


def test_numbered_address_lines_are_the_street_in_order(tmp_path: Path) -> None:
    row = _read(
        tmp_path,
        "Party ID,Legal Name,Address Line 1,Address Line 2,City\n"
        "P1,Acme Ltd,Flat 2,10 High Street,Leeds\n",
    )
    assert row["street"] == "Flat 2, 10 High Street"
    assert row["city"] == "Leeds"


def test_a_second_address_line_beside_an_address_column_is_kept(tmp_path: Path) -> None:
    row = _read(tmp_path, "id,name,address,address 2\nP1,Acme Ltd,10 High Street,Unit 4\n")
    assert row["street"] == "10 High Street, Unit 4"


def test_a_country_written_in_an_empty_countrys_town_field_is_the_country(
    tmp_path: Path,
) -> None:
    row = _read(tmp_path, 'id,name,city,country\nP1,Acme TOV,"Lviv, Ukraine",\n')
    assert (row["city"], row["country"]) == ("Lviv", "UA")
    # a town with a region after the comma stays as written
    row = _read(tmp_path, 'id,name,city,country\nP1,Acme Inc,"Odessa, TX",\n')
    assert (row["city"], row["country"]) == ("Odessa, TX", "")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nordlys Shipping A/S", "NORDLYS SHIPPING AKTIESELSKAB"),
        ("Tanaka Shoji K.K.", "TANAKA SHOJI KABUSHIKI KAISHA"),
        ("Moravske strojirny, a.s.", "MORAVSKE STROJIRNY AKCIOVA SPOLECNOST"),
        ("Conservas del Norte S.L.", "CONSERVAS DEL NORTE SOCIEDAD LIMITADA"),
        ("Duna Faipari Kft.", "DUNA FAIPARI KORLATOLT FELELOSSEGU TARSASAG"),
        ("Halytska Agro TOV", "HALYTSKA AGRO LLC"),
        ("Boulangerie du Port Ltee", "BOULANGERIE DU PORT LIMITED"),
        ("Brnenske stroje s.r.o.", "BRNENSKE STROJE SPOLECNOST S RUCENIM OMEZENYM"),
    ],
)
def test_a_legal_form_written_out_in_its_language_is_the_form(a: str, b: str) -> None:
    left, right = normalise_name(a), normalise_name(b)
    assert left.key == right.key
    assert left.legal_form == right.legal_form != ""


def test_a_number_written_as_a_word_is_the_number() -> None:
    assert normalise_name("Seven Seas Marine LLC").key == normalise_name("7 SEAS MARINE").key
    assert normalise_name("Three Rivers Ltd").key == normalise_name("3 Rivers Limited").key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ul. Baumana 12", "Baumana St 12"),
        ("vul. Horodotska 120", "Horodotska Street 120"),
        ("ulica Piotrkowska 50", "Piotrkowska Str. 50"),
        ("ulitsa Lenina 3", "Lenina St 3"),
    ],
)
def test_ul_and_vul_before_a_street_are_street(a: str, b: str) -> None:
    assert normalise_street(a) == normalise_street(b)


def test_a_town_of_one_name_in_another_country_is_no_evidence() -> None:
    # "Paris" on a French list entry is not "Paris, TX" of a US register row
    register = pd.DataFrame(
        [
            {"id": "r1", "name": "Lamar Cotton Traders LLC", "street": "45 Clarksville St"}
            | {"city": "Paris, TX", "postcode": "75460", "country": "US"}
        ]
    )
    listed = pd.DataFrame(
        [{"id": "s1", "name": "LAMAR COTTON TRADERS LLC", "street": "Paris", "country": "FR"}]
    )
    frames = [
        f.reindex(columns=PARTY_COLUMNS).astype(object).fillna("") for f in (register, listed)
    ]
    found = link_parties(*frames, threshold=0.0).matches
    assert len(found) == 1 and found.w_street.iat[0] <= 0 and found.w_city.iat[0] <= 0


@pytest.mark.parametrize(
    ("a", "b"), [("abou khalil freight", "abu khalil freight"), ("nour bin", "nur bin")]
)
def test_french_ou_is_u_in_a_short_word(a: str, b: str) -> None:
    assert romanised_key(a) == romanised_key(b)


def test_ste_before_a_name_in_a_street_is_sainte() -> None:
    assert normalise_street("1450 Rue Ste-Catherine") == normalise_street(
        "1450 rue Sainte-Catherine"
    )
    # a suite stays a suite: a number or a letter after it
    assert "saint" not in normalise_street("100 Main St Ste 200").split()
    assert "saint" not in normalise_street("100 Main St Ste B").split()
