"""Rules of session 23 (batch 19, tests/documents/layouts_batch19.py): each on a small page of
its own, not the batch's. Figures in docs/documents.md ("session 23, 5 December: batch 19")."""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import country_code, label_matches
from tests.documents.layouts import read_page


def test_an_untranslated_gloss_after_a_label_is_no_value(tmp_path: Path) -> None:
    # 'Seller البائع' over the seller's name read the Arabic gloss as the name (a wrong value);
    # a gloss before the colon hid the value after it
    got = read_page(
        tmp_path,
        [(15, 10, "Tax Invoice", 12), (15, 20, "Invoice Number رقم الفاتورة: INV-2026-7", 8),
         (15, 30, "Seller البائع", 9), (15, 35, "Gulf Dates Co.", 8),
         (110, 30, "Buyer المشتري", 9), (110, 35, "Red Sea Markets LLC", 8)],
    )  # fmt: skip
    assert (got.seller_name, got.buyer_name) == ("Gulf Dates Co.", "Red Sea Markets LLC")
    assert got.invoice_number == "INV-2026-7"
    # after a colon, a value in that script is still a value
    assert label_matches("Seller: شركة النور")["seller"].rest == "شركة النور"
    assert label_matches("Customer / العميل: Acme")["buyer"].rest == "Acme"


def test_serbian_labels_in_both_scripts(tmp_path: Path) -> None:
    latin = read_page(
        tmp_path,
        [(15, 10, "Agro Novi Sad d.o.o.", 12), (120, 10, "RAČUN br. 77/26", 12),
         (120, 18, "Datum računa: 02.03.2026.", 8), (120, 23, "Valuta plaćanja: 02.04.2026.", 8),
         (15, 16, "PIB: 104567891", 8), (15, 40, "Kupac:", 9), (40, 40, "Mlin Zrenjanin a.d.", 8),
         (120, 60, "Osnovica:", 9), (165, 60, "1.000,00", 9),
         (120, 65, "PDV 20%:", 9), (165, 65, "200,00", 9),
         (120, 70, "Ukupno za plaćanje:", 9), (165, 70, "1.200,00", 9)],
    )  # fmt: skip
    assert (latin.invoice_number, latin.issue_date) == ("77/26", "2026-03-02")
    assert (latin.seller_vat_id, latin.buyer_name) == ("104567891", "Mlin Zrenjanin a.d.")
    assert (latin.tax_exclusive_total, latin.tax_total) == ("1000.00", "200.00")
    assert (latin.grand_total, latin.due_payable) == ("1200.00", "1200.00")
    assert latin.currency is None  # 'Valuta plaćanja' is the due date
    cyrillic = read_page(
        tmp_path,
        [(15, 10, "ФАКТУРА бр. Ф-12/2026", 12), (15, 18, "Датум издавања: 05.06.2026.", 8),
         (15, 30, "Испоручилац:", 9), (45, 30, "Дрвопромет д.о.о.", 8),
         (45, 35, "ПИБ 105678912", 8), (45, 40, "Нишка 4, 18000 Ниш, Србија", 8)],
    )  # fmt: skip
    assert (cyrillic.invoice_number, cyrillic.issue_date) == ("Ф-12/2026", "2026-06-05")
    assert (cyrillic.seller_name, cyrillic.seller_vat_id) == ("Дрвопромет д.о.о.", "105678912")
    assert cyrillic.seller_country == "RS"


def test_bulgarian_labels(tmp_path: Path) -> None:
    got = read_page(
        tmp_path,
        [(85, 8, "ФАКТУРА", 14), (70, 16, "Номер: 0000000042", 9),
         (70, 21, "Дата на издаване: 03.02.2026", 9), (15, 34, "Доставчик:", 9),
         (45, 34, "Пирин Вино ООД", 8), (15, 39, "ИН по ЗДДС:", 9), (45, 39, "BG201234567", 8),
         (110, 34, "Получател:", 9), (140, 34, "Дунав Трейд ЕАД", 8),
         (110, 60, "Данъчна основа:", 9), (165, 60, "500,00", 9),
         (110, 65, "ДДС 20%:", 9), (165, 65, "100,00", 9),
         (110, 70, "Сума за плащане:", 9), (165, 70, "600,00 €", 9)],
    )  # fmt: skip
    assert (got.invoice_number, got.issue_date) == ("0000000042", "2026-02-03")
    assert (got.seller_name, got.seller_vat_id) == ("Пирин Вино ООД", "BG201234567")
    assert got.buyer_name == "Дунав Трейд ЕАД"
    assert (got.tax_exclusive_total, got.tax_total, got.due_payable) == (
        "500.00", "100.00", "600.00",
    )  # fmt: skip
    assert country_code("6100 Казанлък, България") == "BG"


def test_mongolian_labels_and_the_title_is_no_seller(tmp_path: Path) -> None:
    # the title 'НЭХЭМЖЛЭХ № …' was read as the seller's name (a wrong value)
    got = read_page(
        tmp_path,
        [(70, 8, "НЭХЭМЖЛЭХ № НХ-7", 13), (70, 15, "Огноо: 2026.09.14", 9),
         (15, 25, "Нэхэмжлэгч байгууллагын нэр:", 8), (70, 25, "Хангай Мах ХХК", 8),
         (15, 30, "Регистрийн №:", 8), (70, 30, "6012345", 8),
         (15, 35, "Төлөгч байгууллагын нэр:", 8), (70, 35, "Номин ХХК", 8),
         (110, 60, "Дүн:", 9), (160, 60, "1,000,000", 9),
         (110, 65, "НӨАТ 10%:", 9), (160, 65, "100,000", 9),
         (110, 70, "Нийт төлөх дүн:", 9), (160, 70, "1,100,000 ₮", 9)],
    )  # fmt: skip
    assert (got.invoice_number, got.issue_date) == ("НХ-7", "2026-09-14")
    # (the РД, seven digits, is still no id: vat_id wants eight or more)
    assert (got.seller_name, got.buyer_name) == ("Хангай Мах ХХК", "Номин ХХК")
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "1000000.00", "100000.00", "1100000.00",
    )  # fmt: skip
    assert got.currency == "MNT"


def _table(tmp_path: Path, headers: list[tuple[float, str]], row: list[tuple[float, str]]):  # noqa: ANN202
    head = [(15, 10, "Faktura VAT nr FV/1/2026", 12)]
    cells = [(x, 40, text, 7.5) for x, text in headers] + [(x, 47, text, 8) for x, text in row]
    return read_page(tmp_path, head + cells).line_items


def test_two_header_cells_run_together(tmp_path: Path) -> None:
    # 'Cena netto' and 'Wartość netto' a hair apart are one word in the text layer
    # ('Cena nettoWartość netto'): the prices were lost and the gross column read as the line's
    # amount (a wrong value)
    lines = _table(
        tmp_path,
        [(15, "Nazwa towaru"), (70, "Ilość"), (83, "Cena netto"), (96.5, "Wartość netto"),
         (118, "VAT"), (130, "Wartość brutto")],
        [(15, "Regał RM-200"), (72, "10"), (85, "100,00"), (100, "1 000,00"), (118, "23%"),
         (135, "1 230,00")],
    )  # fmt: skip
    assert [(x.unit_price, x.amount) for x in lines] == [("100", "1000.00")]


def test_czech_serbian_bulgarian_mongolian_and_indonesian_column_words(tmp_path: Path) -> None:
    # 'Cena za m.j.' and 'm.j.' (Czech), 'Harga' (Indonesian), 'Naziv'/'JM'/'Cena bez PDV'/
    # 'Iznos bez PDV' (Serbian): no column, so no table or no prices
    czech = _table(
        tmp_path,
        [(15, "Označení dodávky"), (80, "Počet"), (95, "m.j."), (108, "Cena za m.j."),
         (135, "DPH %"), (150, "Bez DPH"), (175, "Celkem")],
        [(15, "Dlažba"), (82, "10"), (95, "ks"), (110, "9,80"), (137, "21"), (152, "98,00"),
         (175, "118,58")],
    )  # fmt: skip
    assert [(x.unit_code, x.unit_price, x.amount) for x in czech] == [("H87", "9.8", "98.00")]
    serbian = _table(
        tmp_path,
        [(15, "Naziv artikla"), (80, "JM"), (95, "Količina"), (115, "Cena bez PDV"),
         (145, "PDV %"), (165, "Iznos bez PDV")],
        [(15, "Šećer"), (80, "kg"), (97, "1.250"), (117, "97,50"), (147, "20"),
         (167, "121.875,00")],
    )  # fmt: skip
    assert [(x.quantity, x.unit_code, x.unit_price, x.amount) for x in serbian] == [
        ("1250", "KGM", "97.5", "121875.00")
    ]
    indonesian = _table(
        tmp_path,
        [(15, "Nama Barang"), (80, "Qty"), (95, "Satuan"), (115, "Harga"), (160, "Jumlah")],
        [(15, "Gelas plastik"), (80, "1.200"), (95, "PCS"), (115, "1.850,00"),
         (160, "2.220.000,00")],
    )  # fmt: skip
    assert [(x.unit_price, x.amount) for x in indonesian] == [("1850", "2220000.00")]
