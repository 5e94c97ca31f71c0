"""The seventeenth batch of hand-written invoices (tests/documents/layouts_batch17.py: BATCH17,
written before the reader's code was read), pinned as the reader reads it now, and the rules
its first reading led to, each on a small page of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.core.codelists.country_names import ADDRESS_LINE
from clearlane.core.codelists.country_names import country_code as resolve_country
from clearlane.documents.layout import (
    country_code,
    label_matches,
    parse_date,
    unit_code,
    vat_id,
)
from tests.documents.batches import batch_tests
from tests.documents.layouts import read_page
from tests.documents.layouts_batch17 import BATCH17

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    ("ru-schet", "currency"),  # 'Валюта: Российский рубль, 643': a name and a numeric code
    ("kz-bilingual", "seller_vat_id"),  # 'БСН / БИН:' in a column of labels, not the block's
    ("kz-bilingual", "seller_country"),  # the address a labelled value, not a block
    ("kz-bilingual", "buyer_country"),  # (the same)
    ("ua-rakhunok", "tax_exclusive_total"),  # 'Разом:' over 'ПДВ 0%: 0,00': no tax to tell
    ("vn-hoa-don", "invoice_number"),  # 'Số:' with its number a run apart
    ("vn-hoa-don", "seller_vat_id"),  # 'Mã số thuế:' in a column of labels
    ("vn-hoa-don", "seller_country"),  # 'Địa chỉ:' a labelled value
    ("vn-hoa-don", "buyer_country"),  # (the same)
    ("in-gst", "seller_country"),  # no country printed: a GSTIN and an Indian state
    ("in-gst", "buyer_country"),  # (the same)
    ("br-fatura", "invoice_number"),  # 'Nº:' alone is no label ('No.' alone is not either)
    ("ae-bilingual", "seller_vat_id"),  # 'TRN / الرقم الضريبي:' the gloss before the id
    ("se-kreditfaktura", "seller_name"),  # the letterhead's country and id only in the footer
    ("se-kreditfaktura", "seller_country"),  # (the same)
    ("ph-bir-footer", "buyer_country"),  # 'ADDRESS:' a labelled value beside the name's
}  # fmt: skip

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "batch17",
    BATCH17,
    missed=STILL_MISSED,
    lines_off={"gr-greek-only", "bd-proforma"},
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
