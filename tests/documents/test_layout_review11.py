"""Review of batch 18's notes (session 22, mendsi8): two rules of batch 17 that could read a
wrong value on pages outside the batches. Each test is a small page of its own."""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import country_code
from tests.documents.layouts import read_page


def test_the_postcode_first_country_needs_an_address_line(tmp_path: Path) -> None:
    # Russia's order ('443004, Россия, г. Самара') took any caption before the postcode: a
    # reference or a phone number followed by a word that names a country gave that country
    assert country_code("Ref.: 30303, Georgia, Atlanta") is None
    assert country_code("Тел.: 123456, Того, доб. 12") is None
    # an address line, with or without its caption, still reads
    assert country_code("443004, Россия, г. Самара, ул. Заводская, 17") == "RU"
    assert country_code("Адрес: 443004, Россия, г. Самара") == "RU"
    assert country_code("Юридический адрес: 443004, Россия, г. Самара") == "RU"
    assert country_code("Мекенжайы / Адрес: 020000, Қазақстан, Көкшетау қ.") == "KZ"
    english = [(15, 10, "Acme Supply Inc.", 12), (140, 10, "INVOICE", 14),
               (140, 18, "Invoice No.: 4411", 8), (15, 30, "Bill To:", 9),
               (50, 30, "Peachtree Foods LLC", 9)]  # fmt: skip
    got = read_page(tmp_path, [*english, (50, 35, "Ref.: 30303, Georgia, Atlanta", 8)])
    assert (got.buyer_name, got.buyer_country) == ("Peachtree Foods LLC", None)
    russian = [(15, 10, "Счет на оплату № 5 от 02.03.2026", 12), (15, 20, "Покупатель:", 9),
               (45, 20, 'ООО "Бета"', 9)]  # fmt: skip
    got = read_page(tmp_path, [*russian, (45, 25, "Тел.: 123456, Того, доб. 12", 8)])
    assert (got.buyer_name, got.buyer_country) == ('ООО "Бета"', None)
    got = read_page(tmp_path, [*russian, (45, 25, "Адрес: 443004, Россия, г. Самара", 8)])
    assert got.buyer_country == "RU"
