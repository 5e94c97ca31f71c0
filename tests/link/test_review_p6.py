"""Review of the merge of linkmem and parties10 (session reviewp6): each test failed before
its fix."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from clearlane.link.io import read_party_file
from clearlane.link.normalise import feminine_forms
from clearlane.link.resolve import link_parties, prediction_columns
from clearlane.link.settings import PARTY_MODEL
from tests.link.test_unseen10 import _pair


def test_the_narrow_read_keeps_every_column_the_location_rule_names() -> None:
    # linkmem's narrow read of Splink's predictions and parties10's rule for persons with other
    # given names (location_evidence's "given_names", the romanised names) were merged apart:
    # the column was not read and the rule was silently off on lead (set 10's twins linked)
    rule = PARTY_MODEL["location_evidence"]
    available = [
        f"{rule[k]}_{side}"
        for k in ("legal_form", "kind", "tokens", "po_box", "given_names")
        for side in ("l", "r")
    ] + ["name_key_l", "name_key_r", "gamma_name"]
    kept = prediction_columns(available, PARTY_MODEL)
    assert {f"{rule['given_names']}_l", f"{rule['given_names']}_r"} <= set(kept)
    assert "name_key_l" not in kept and "gamma_name" in kept


def test_a_given_name_and_its_feminine_form_are_two_persons() -> None:
    # unseen set 11 (out of sample for parties10's rules): twins of one birth date and street,
    # "Ștefania" / "Stefan", linked at p 1.0 (romanised_key writes "stafana" / "stafan", one
    # name to other_given_names)
    sister = _pair(
        {
            "name": "Ioana Munteanu",
            "street": "Bd. Unirii 15, bl. 3",
            "city": "Bucuresti",
            "country": "RO",
            "registration_date": "1980-10-09",
        },
        {
            "name": "MUNTEANU, Ioan",
            "street": "Bucharest",
            "country": "ro",
            "registration_date": "1980-10-09",
            "kind": "Person",
        },
    )
    assert sister["w_registration_date"] == 0.0 and sister["match_probability"] < 0.9


@pytest.mark.parametrize(
    ("a", "b"),
    [("ioana pop", "pop ion"), ("mihail ceban", "ceban mihaela"), ("chen jie", "chen jia")],
)
def test_feminine_forms_are_other_names(a: str, b: str) -> None:
    assert feminine_forms(a.split(), b.split())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("abdullah mansouri", "abdalla mansoori"),
        ("hamza ali", "ali hamzah"),
        ("zakaria ahmed", "zakariye ahmed"),
        ("olga petrova", "olha petrova"),
        ("sergei ivanov", "ivanov sergey"),
    ],
)
def test_one_name_written_otherwise_is_no_feminine_form(a: str, b: str) -> None:
    assert not feminine_forms(a.split(), b.split())


def test_a_list_address_naming_the_town_then_its_province_does_not_disagree() -> None:
    # unseen set 11: address_town guesses the last part, here the province ("San Jose"), and
    # parties10's town rule read it against the register's town (p 0.97 -> 0.63, missed)
    pair = _pair(
        {
            "name": "Cafe Tarrazu Exportadora S.A.",
            "street": "De la iglesia 200 m norte",
            "city": "San Marcos de Tarrazú",
            "country": "CR",
        },
        {"name": "CAFE TARRAZU EXPORTADORA S.A.", "street": "Tarrazu, San Jose", "country": "cr"},
    )
    assert pair["w_city"] == 0.0
    # ... and a town of other words is still against ("San Jose" / "San Marcos de Tarrazu")
    other = _pair(
        {
            "name": "Cafe Tarrazu Exportadora S.A.",
            "street": "De la iglesia 200 m norte",
            "city": "San Marcos de Tarrazú",
            "country": "CR",
        },
        {"name": "CAFE TARRAZU EXPORTADORA S.A.", "street": "Escazu, San Jose", "country": "cr"},
    )
    assert other["w_city"] < -3.0


def test_set11_precision_and_recall_hold() -> None:
    data = Path(__file__).parent / "data" / "unseen_parties11"
    register = read_party_file(data / "register.csv").frame
    sanctions = read_party_file(data / "sanctions.csv").frame
    assert len(register) == 97 and len(sanctions) == 99
    truth = pd.read_csv(data / "truth.csv", dtype=str)
    true = set(zip(truth.left_id, truth.right_id, strict=True))
    assert len(true) == 65
    found = link_parties(register, sanctions).matches
    pairs = set(zip(found.left_id, found.right_id, strict=True))
    # first reading (out of sample): e124a22 57 of 80 found true, lead 58 of 82; after the
    # merge fix and this review's two rules (in-sample for them): 59 of 76
    assert len(pairs & true) / len(pairs) >= 59 / 76
    assert len(pairs & true) >= 59
