"""Review of batch 18's notes (session 22, mendsi8): two rules of batch 17 that could read a
wrong value on pages outside the batches. Each test is a small page of its own."""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import country_code, label_matches
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


def test_a_tax_id_label_followed_by_a_word_gives_no_id(tmp_path: Path) -> None:
    # Kazakhstan's БИН and ИИН, Belarus's УНП and Vietnam's MST took whatever followed them: a
    # word in Latin capitals was glued to the number after it ('БИН TOO 123456789012', OCR's
    # ТОО, read as the id TOO123456789012)
    for text in ("БИН TOO 123456789012", "ИИН IP 123456789012", "УНП BY 190123456",
                 "MST KH 0101234567"):  # fmt: skip
        assert "vat" not in label_matches(text), text
        got = read_page(
            tmp_path,
            [(15, 10, "Счет на оплату № 5 от 02.03.2026", 12), (15, 20, "Поставщик:", 9),
             (45, 20, 'ТОО "Альфа"', 9), (45, 25, text, 8)],
        )  # fmt: skip
        assert (got.seller_name, got.seller_vat_id) == ('ТОО "Альфа"', None), text
    # the labels with their ids, or alone before an id beside them, still read
    assert label_matches("БИН 123456789012")["vat"].rest == "123456789012"
    assert label_matches("ИИН: 860101300123")["vat"].rest == "860101300123"
    assert label_matches("УНП 192345678")["vat"].rest == "192345678"
    assert label_matches("MST: 0101234567")["vat"].rest == "0101234567"
    assert label_matches("MST:0101234567-001")["vat"].rest == "0101234567-001"
    assert label_matches("БСН / БИН:")["vat"].rest == ""
    assert label_matches("ИИН/БИН: 123456789012")["vat"].rest == "123456789012"
    assert label_matches("MST (Tax code): 0101234567")["vat"].rest == "0101234567"
