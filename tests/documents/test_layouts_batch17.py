"""The seventeenth batch of hand-written invoices (tests/documents/layouts_batch17.py: BATCH17,
written before the reader's code was read), pinned as the reader reads it now, and the rules
its first reading led to, each on a small page of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.core.codelists.country_names import ADDRESS_LINE
from clearlane.core.codelists.country_names import country_code as resolve_country
from clearlane.documents.layout import (
    TABLE_HEADERS,
    country_code,
    label_matches,
    named_currency,
    parse_date,
    unit_code,
    vat_id,
)
from tests.documents.batches import batch_tests
from tests.documents.layouts import read_page
from tests.documents.layouts_batch17 import BATCH17

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    ("ua-rakhunok", "tax_exclusive_total"),  # 'Разом:' over 'ПДВ 0%: 0,00': no tax to tell
    ("se-kreditfaktura", "seller_name"),  # the letterhead's country and id only in the footer
    ("se-kreditfaktura", "seller_country"),  # (the same)
}  # fmt: skip

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch17",
    BATCH17,
    missed=STILL_MISSED,
    # 'Qty (pcs)': the reader reads the header's unit (H87); the truth holds none printed
    lines_off={"bd-proforma"},
    exact_lines=False,
)


def test_russian_and_ukrainian_titles_hold_the_number_and_date(tmp_path: Path) -> None:
    # 'Счет на оплату № 1245 от 15 марта 2026 г.': no label the reader knew, no month name
    for title, number in (
        ("Счет на оплату № 1245 от 15 марта 2026 г.", "1245"),
        ("Рахунок на оплату № 193 від 15 березня 2026 р.", "193"),
    ):
        got = read_page(
            tmp_path,
            [(15, 10, "ООО Вектор", 9), (15, 30, title, 14), (15, 60, "Итого:", 9),
             (160, 60, "1 200,00", 9)],
        )  # fmt: skip
        assert (got.invoice_number, got.issue_date, got.type_code) == (
            number,
            "2026-03-15",
            "380",
        )
    assert parse_date("21 квітня 2026 р.") == "2026-04-21"


def test_a_name_with_its_tax_id_after_a_comma_is_cut_there(tmp_path: Path) -> None:
    # 'Поставщик:  ООО "…", ИНН 6318123456, КПП 631801001,' was read whole as the name
    got = read_page(
        tmp_path,
        [(15, 30, "Счет № 7 от 02.03.2026", 12),
         (15, 40, "Поставщик:", 9), (42, 40, 'ООО "Вектор", ИНН 6318123456, КПП 631801001,', 8),
         (15, 46, "Покупатель:", 9), (42, 46, 'ТОО "Астра", БИН 150940012345,', 8)],
    )  # fmt: skip
    assert got.seller_name == 'ООО "Вектор"'
    assert got.seller_vat_id == "6318123456"
    assert got.buyer_name == 'ТОО "Астра"'
    # a word in another alphabet ends an id as a lower-case one does
    assert vat_id("6318123456, КПП 631801001") == "6318123456"


def test_itogo_above_an_added_tax_is_the_net_and_above_an_included_one_the_gross(
    tmp_path: Path,
) -> None:
    def page(tax_label: str, due: str) -> list[tuple[float, float, str, float]]:
        return [(15, 30, "Счет на оплату № 9 от 02.03.2026", 12), (110, 60, "Итого:", 9),
                (160, 60, "1 000,00", 9), (110, 66, tax_label, 9), (160, 66, "200,00", 9),
                (110, 72, "Всего к оплате:", 9), (160, 72, due, 9)]  # fmt: skip

    added = read_page(tmp_path, page("НДС 20%:", "1 200,00"))
    assert (added.tax_exclusive_total, added.tax_total, added.grand_total) == (
        "1000.00",
        "200.00",
        "1200.00",
    )
    included = read_page(tmp_path, page("В том числе НДС 20%:", "1 000,00"))
    assert (included.tax_exclusive_total, included.grand_total) == (None, "1000.00")


def test_cyrillic_and_vietnamese_labels() -> None:
    assert label_matches("Жеткізуші / Поставщик:")["seller"].rest == ""
    assert label_matches("Сатып алушы / Покупатель:")["buyer"].rest == ""
    assert label_matches("Всего к оплате:")["due_payable"].rest == ""
    assert "grand_total" not in label_matches("Всего к оплате:")
    # the count of lines before the sum in words is no total
    assert label_matches("Всего наименований 3, на сумму 1 200,00 руб.") == {}
    assert label_matches("Số: 0000123")["invoice_number"].rest == "0000123"
    assert "invoice_number" not in label_matches("Số lượng")
    # a Vietnamese label with its English gloss: the value after both
    assert label_matches("Mã số thuế (Tax code): 0101234567")["vat"].rest == "0101234567"
    assert label_matches("Tiền thuế GTGT:")["tax_total"].rest == ""
    assert label_matches("Σειρά/Αριθμός: Β 1532")["invoice_number"].rest == "Β 1532"


def test_a_series_in_greek_capitals_is_part_of_the_number(tmp_path: Path) -> None:
    got = read_page(
        tmp_path,
        [(15, 10, "ΓΑΛΑΚΤΟΚΟΜΙΚΑ Α.Ε.", 12), (125, 30, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", 12),
         (125, 38, "Σειρά/Αριθμός:", 9), (155, 38, "Β 1532", 9)],
    )  # fmt: skip
    assert got.invoice_number == "Β 1532"


def test_country_names_in_cyrillic_and_greek_and_the_postcode_first_order() -> None:
    assert country_code("Brünner Straße 120, 1210 Wien, Австрія") == "AT"
    assert country_code("Λεωφόρος Μακαρίου 44, 1065 Λευκωσία, Κύπρος") == "CY"
    assert country_code("57022 Θεσσαλονίκη, Ελλάδα") == "GR"
    # Russia's, Ukraine's and Kazakhstan's order: the postcode, the country, the town
    assert country_code("443004, Россия, г. Самара, ул. Заводская, д. 17") == "RU"
    assert country_code("79018, Україна, м. Львів, вул. Городоцька, 174") == "UA"
    assert country_code("720040, Кыргызстан, г. Бишкек, ул. Ибраимова, 103") == "KG"
    assert country_code("75008, Paris, rue du Faubourg") is None  # a town there is no country
    assert resolve_country("Россия", ADDRESS_LINE) == "RU"


def test_tax_labels_of_the_gulf_bangladesh_and_the_philippines() -> None:
    assert label_matches("TRN: 100234567800003")["vat"].rest == "100234567800003"
    assert label_matches("BIN: 000123456-0101")["vat"].rest == "000123456-0101"
    assert "vat" not in label_matches("Bin 4 cleared")  # a word, not the label with its id
    assert label_matches("Amount: Net of VAT")["tax_exclusive_total"].rest == ""
    assert label_matches("Less: VAT")["tax_total"].rest == ""
    assert label_matches("Applicant:")["buyer"].rest == ""
    # a Swedish credit note: its number's label and its amount to be credited
    assert label_matches("Kreditfakturanr: 50231")["invoice_number"].rest == "50231"
    assert label_matches("Att kreditera SEK")["due_payable"].rest == "SEK"


def test_cyrillic_units_and_currency_signs() -> None:
    assert unit_code("шт") == "H87"
    assert unit_code("кг") == "KGM"


def test_a_currency_named_in_words_beside_its_label(tmp_path: Path) -> None:
    # 'Валюта: Российский рубль, 643' gave no currency: only a code or a sign did
    assert named_currency("Российский рубль, 643") == "RUB"
    assert named_currency("Euro") == "EUR"
    assert named_currency("Bank transfer") is None
    got = read_page(
        tmp_path,
        [(15, 30, "Счет на оплату № 9 от 02.03.2026", 14), (15, 40, "Валюта:", 9),
         (40, 40, "Российский рубль, 643", 9)],
    )  # fmt: skip
    assert got.currency == "RUB"


def test_a_tax_number_after_its_labels_translation() -> None:
    # 'TRN / الرقم الضريبي: 100234567800003': the Arabic between the label and the id
    assert label_matches("TRN / الرقم الضريبي: 100234567800003")["vat"].rest == "100234567800003"


def test_a_greek_abbreviated_unit_price_header() -> None:
    import re

    assert re.fullmatch(TABLE_HEADERS["unit_price"], "τιμή μον.", re.I)


def test_a_partys_details_in_a_column_of_labels_under_its_name(tmp_path: Path) -> None:
    # 'Đơn vị bán hàng:  CÔNG TY …' over 'Mã số thuế:  6001234567' and 'Địa chỉ:  …, Việt Nam':
    # only the name was read, not the id and country beside the labels under it
    got = read_page(
        tmp_path,
        [(55, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", 14), (150, 10, "Số:", 9), (166, 10, "0000123", 9),
         (15, 27, "Đơn vị bán hàng:", 9), (49, 27, "CÔNG TY TNHH NÔNG SẢN", 9),
         (15, 32, "Mã số thuế:", 9), (49, 32, "6001234567", 9),
         (15, 37, "Địa chỉ:", 9), (49, 37, "45 Lê Duẩn, Buôn Ma Thuột, Việt Nam", 9),
         (15, 42, "Tên đơn vị mua:", 9), (49, 42, "Kaffee Nord GmbH", 9),
         (15, 47, "Địa chỉ:", 9), (49, 47, "Am Sandtorkai 48, 20457 Hamburg, Germany", 9)],
    )  # fmt: skip
    assert (got.seller_name, got.seller_vat_id, got.seller_country) == (
        "CÔNG TY TNHH NÔNG SẢN",
        "6001234567",
        "VN",
    )
    assert (got.buyer_name, got.buyer_country) == ("Kaffee Nord GmbH", "DE")
    assert got.invoice_number == "0000123"  # 'Số:' alone, its number a run apart
    # (a caption before the postcode-first address)
    assert country_code("Адрес: 020000, Қазақстан, Көкшетау қ., Абай к-сі, 88") == "KZ"
