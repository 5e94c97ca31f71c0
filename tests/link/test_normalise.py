import pytest

from clearlane.link.identifiers import identifier_key
from clearlane.link.normalise import normalise_name, normalise_street


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller Logistik GmbH & Co. KG", "MUELLER LOGISTIK GMBH&CO KG"),
        ("Müller Logistik GmbH & Co. KG", "Logistik Muller GmbH u. Co. KG"),
        ("Shenzhen Bright Star Co., Ltd.", "BRIGHT STAR SHENZHEN CO LTD"),
        ("Acme Trading Limited", "ACME TRADING LTD."),
        ("Polmex Sp. z o.o.", "POLMEX SP ZOO"),
        ("Rossi S.p.A.", "ROSSI SPA"),
        ("Dupont SARL", "Dupont S.A.R.L."),
        ("Van Dijk B.V.", "van dijk bv"),
        ("Société Générale S.A.", "SOCIETE GENERALE SA"),
    ],
)
def test_spellings_of_one_trader_share_key_and_legal_form(a: str, b: str) -> None:
    na, nb = normalise_name(a), normalise_name(b)
    assert na.key == nb.key
    assert na.legal_form == nb.legal_form
    assert na.legal_form != ""


def test_different_legal_forms_stay_apart_and_first_word_is_not_a_form() -> None:
    assert normalise_name("Polmex S.A.").legal_form == "sa"
    assert normalise_name("Polmex Sp. z o.o.").legal_form == "sp_zoo"
    assert normalise_name("AG Foods Ltd").key == "ag foods"
    assert normalise_name("Alpha Beta").key != normalise_name("Alpha Gamma").key


def test_street_type_and_order_fold() -> None:
    assert normalise_street("Hauptstraße 12") == normalise_street("12 Haupt Str.")


@pytest.mark.parametrize(
    ("value", "country", "key"),
    [
        ("DE136695976", None, "DE136695976"),
        ("de 136 695 976", None, "DE136695976"),
        ("136695976", "DE", "DE136695976"),
        ("GB980780684000", None, "GB980780684"),  # GB EORI = VAT + 000
        ("GB980780684", None, "GB980780684"),
        ("DE123456789012345", None, "DE123456789012345"),  # DE EORI: no check digit
    ],
)
def test_identifiers_reduce_to_one_key(value: str, country: str | None, key: str) -> None:
    assert identifier_key(value, country).key == key


@pytest.mark.parametrize("value", ["DE136695977", "GB980780685000", "XX12345", "ZZ!!"])
def test_bad_check_digits_and_shapes_are_rejected(value: str) -> None:
    ident = identifier_key(value)
    assert ident.key is None
    assert ident.kind == "invalid"
    assert ident.reason
