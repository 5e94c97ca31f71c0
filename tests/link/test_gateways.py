"""MANIFEST_DISPATCH and landlocked countries: a loading port in one of the dispatch country's
gateways (link/data/gateway_ports.csv) is not a discrepancy; any other foreign port still is."""

from __future__ import annotations

import random
from datetime import date

import pytest

from clearlane.generate.manifest_files import plant
from clearlane.link.discrepancies import compare
from clearlane.link.gateways import GatewayTableError, gateways, load_gateways, loading_port_fits
from clearlane.store.tables import TransportDocumentRow
from tests.factories import declaration

WHEN = date(2025, 3, 14)


def dispatch_codes(country: str, port: str) -> list[str]:
    decl = declaration("GW-1", country_dispatch=country)
    doc = TransportDocumentRow(document_number="BL-1", port_of_loading=port)
    return [d.code for d in compare(decl, WHEN, doc) if d.code == "MANIFEST_DISPATCH"]


@pytest.mark.parametrize(
    ("country", "port"),
    [
        ("ET", "DJJIB"),  # Ethiopia via Djibouti: the demo's 41 false alarms
        ("UG", "KEMBA"),  # Uganda via Mombasa: the demo's other 3
        ("UG", "TZDAR"),  # ... or Dar es Salaam
        ("NP", "INCCU"),  # Nepal via Kolkata
        ("CN", "CNSHA"),  # a coastal country's own port
    ],
)
def test_a_loading_port_in_the_dispatch_country_or_its_gateway_is_not_flagged(
    country: str, port: str
) -> None:
    assert dispatch_codes(country, port) == []


@pytest.mark.parametrize(
    ("country", "port"),
    [
        ("ET", "CNSHA"),  # landlocked, but Shanghai is no gateway of Ethiopia
        ("UG", "SOBBO"),  # Berbera serves Ethiopia, not Uganda
        ("KE", "DJJIB"),  # Kenya has its own coast: gateways are for landlocked countries
        ("CN", "DJJIB"),
    ],
)
def test_a_real_mismatch_is_still_flagged_with_both_values(country: str, port: str) -> None:
    decl = declaration("GW-2", country_dispatch=country)
    doc = TransportDocumentRow(document_number="BL-2", port_of_loading=port)
    [found] = [d for d in compare(decl, WHEN, doc) if d.code == "MANIFEST_DISPATCH"]
    assert (found.field, found.declared, found.manifest) == ("country_dispatch", country, port)


def test_the_shipped_table_holds_the_demo_gateways_and_no_port_of_the_country_itself() -> None:
    table = gateways()
    assert {"DJJIB"} <= table["ET"] and {"KEMBA", "TZDAR"} <= table["UG"]
    assert all(g[:2] != country for country, routes in table.items() for g in routes)
    assert "KE" not in table and "CN" not in table  # coastal countries have no gateways


# The UN-OHRLLS list of the 32 landlocked developing countries, typed here independently of
# the table so a row dropped from the CSV fails this test.
LANDLOCKED_DEVELOPING = set(
    "AF AM AZ BF BI BO BT BW CF ET KG KZ LA LS MD MK ML MN MW NE NP PY RW SS SZ TD TJ TM UG UZ "
    "ZM ZW".split()
)


def test_every_landlocked_developing_country_and_the_european_ones_have_gateways() -> None:
    table = gateways()
    assert len(LANDLOCKED_DEVELOPING) == 32
    assert LANDLOCKED_DEVELOPING <= set(table)
    assert {"AT", "CH", "CZ", "HU", "SK", "LU", "RS", "BY"} <= set(table)
    assert loading_port_fits("AM", "GEPTI") and loading_port_fits("CH", "NLRTM")
    assert not loading_port_fits("CH", "CNSHA")  # a landlocked country's goods loaded far away


def test_a_gateway_country_accepts_any_of_its_ports() -> None:
    table = load_gateways("country,gateway,corridor\nZZ,KE,any Kenyan port\n")
    assert table == {"ZZ": frozenset({"KE"})}


def test_loading_port_fits_reads_the_shipped_table() -> None:
    assert loading_port_fits("ET", "DJJIB") and not loading_port_fits("ET", "KEMBA")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Ethiopia,DJJIB,x", "line 3: country 'Ethiopia'"),
        ("ET,DJIBOUTI,x", "line 3: gateway 'DJIBOUTI'"),
        ("ET,ETADD,x", "line 3: gateway 'ETADD' is in ET itself"),
    ],
)
def test_a_bad_row_is_refused_naming_file_line_and_field(row: str, message: str) -> None:
    text = f"# comment\ncountry,gateway,corridor\n{row}\n"
    with pytest.raises(GatewayTableError, match=f"^ports.csv: {message}"):
        load_gateways(text, source="ports.csv")


def test_a_planted_dispatch_discrepancy_is_never_a_gateway_port() -> None:
    """The generator's MANIFEST_DISPATCH plant must be a real mismatch, or the demo counts a
    plant the check rightly accepts as missed."""
    decl = declaration("GW-3", country_dispatch="ET")
    manifest = {"port_of_loading": "ETADD", "place_of_receipt": "ETADD"}
    pools = {"ports": ["DJJIB", "SOBBO", "CNSHA", "ETADD"]}
    rng = random.Random(0)
    for _ in range(20):
        planted = plant(manifest, decl, "MANIFEST_DISPATCH", rng, pools)
        assert planted is not None and planted[0]["port_of_loading"] == "CNSHA"
    assert plant(manifest, decl, "MANIFEST_DISPATCH", rng, {"ports": ["DJJIB"]}) is None
