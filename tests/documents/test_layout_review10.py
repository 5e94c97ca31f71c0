"""Review of batch 17's rules (session 22, reviewi7): pages where they read a wrong value that
the reader before them left null or read right. Each test is a small page of its own."""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.layout import label_matches, vat_id
from tests.documents.layouts import read_page


def test_an_english_sales_order_number_is_no_vietnamese_so(tmp_path: Path) -> None:
    # Vietnamese 'Số:' (its number) without diacritics is 'So:'; an English page's 'SO:' is its
    # sales order, and was read as the invoice number over 'Invoice # 10234'
    assert "invoice_number" not in label_matches("SO: 4500123")
    assert "invoice_number" not in label_matches("so 4500123")
    assert label_matches("So: 0000456")["invoice_number"].rest == "0000456"
    assert label_matches("Số: 0000123")["invoice_number"].rest == "0000123"
    assert label_matches("SỐ: 0000123")["invoice_number"].rest == "0000123"
    got = read_page(
        tmp_path,
        [(15, 10, "Acme Supply Inc.", 12), (140, 10, "INVOICE", 14), (130, 20, "SO: 4500123", 9),
         (130, 25, "Invoice # 10234", 9), (130, 30, "Date: 12/03/2026", 9)],
    )  # fmt: skip
    assert got.invoice_number == "10234"


def test_an_inn_kpp_pair_is_the_inn_and_ends_the_name(tmp_path: Path) -> None:
    # 'ООО "Вектор", ИНН/КПП 7701234567/770101001': the pair read as one 19-digit id (no id),
    # and the name kept it all ('a name with its tax id after a comma is cut there' missed it)
    assert vat_id("7701234567/770101001") == "7701234567"
    assert vat_id("662301234567 / 662301001") == "662301234567"
    assert vat_id("12/345/67890") == "1234567890"  # (a German Steuernummer: unchanged)
    got = read_page(
        tmp_path,
        [(15, 10, "Счет № 7 от 02.03.2026", 12), (15, 20, "Поставщик:", 9),
         (42, 20, 'ООО "Вектор", ИНН/КПП 7701234567/770101001', 8)],
    )  # fmt: skip
    assert (got.seller_name, got.seller_vat_id) == ('ООО "Вектор"', "7701234567")
    # the label with its party's word: 'ИНН/КПП продавца:'
    assert label_matches("ИНН/КПП продавца: 7701234567/770101001")["vat"].rest == (
        "7701234567/770101001"
    )


def test_a_russian_consignee_yields_to_the_buyer(tmp_path: Path) -> None:
    # a счёт-фактура names the consignee ('Грузополучатель:', often with its town) above the
    # buyer ('Покупатель:'): the consignee was read as the buyer, as 'Consignee' is not
    got = read_page(
        tmp_path,
        [(15, 10, "Счет-фактура № 7 от 02.03.2026", 12), (15, 20, "Грузополучатель:", 9),
         (60, 20, 'ООО "Склад", г. Минск', 8), (15, 26, "Покупатель:", 9),
         (60, 26, 'ООО "Минскэлектро"', 8)],
    )  # fmt: skip
    assert got.buyer_name == 'ООО "Минскэлектро"'


def test_kazakh_totals_under_a_table_are_no_lines(tmp_path: Path) -> None:
    # 'ҚҚС-сыз сомасы:' (the sum without VAT) and 'Барлығы төлеуге:' (in all, to pay): no
    # labels the reader knew, so under batch 17's Kazakh column headers both were read as
    # line items (the lines wrong); the net and the total were not read
    assert label_matches("ҚҚС-сыз сомасы:")["tax_exclusive_total"].rest == ""
    assert label_matches("Барлығы төлеуге:")["due_payable"].rest == ""
    assert label_matches("Барлығы:")["grand_total"].rest == ""
    got = read_page(
        tmp_path,
        [(15, 10, "ШОТ-ФАКТУРА № 15", 13), (15, 17, "Күні: 20.08.2026", 9),
         (15, 40, "Атауы", 8), (110, 40, "Саны", 8), (135, 40, "Бағасы", 8),
         (170, 40, "Сомасы", 8),
         (15, 47, "Алма, жәшік 18 кг", 8), (115, 47, "600", 8), (135, 47, "9 800,00", 8),
         (170, 47, "5 880 000,00", 8),
         (15, 53, "Өрік, қап 25 кг", 8), (118, 53, "80", 8), (135, 53, "61 500,00", 8),
         (170, 53, "4 920 000,00", 8),
         (110, 62, "ҚҚС-сыз сомасы:", 8), (170, 62, "10 800 000,00", 8),
         (110, 67, "ҚҚС 12%:", 8), (170, 67, "1 296 000,00", 8),
         (110, 72, "Барлығы төлеуге:", 8), (170, 72, "12 096 000,00", 8)],
    )  # fmt: skip
    assert [line.amount for line in got.line_items] == ["5880000.00", "4920000.00"]
    assert (got.tax_exclusive_total, got.tax_total, got.due_payable) == (
        "10800000.00",
        "1296000.00",
        "12096000.00",
    )


def test_a_russian_page_subtotal_is_no_grand_total(tmp_path: Path) -> None:
    # 'Итого по странице:' under page 1's lines of a two-page invoice (its totals on page 2)
    # was read as 'Итого', the grand total and the amount due: 1 000,00 of 3 600,00
    assert "grand_total" not in label_matches("Итого по странице:")
    assert "grand_total" not in label_matches("Разом по сторінці:")
    rows = [(15, 30, "Наименование", 8), (110, 30, "Кол-во", 8), (135, 30, "Цена", 8),
            (170, 30, "Сумма", 8), (15, 37, "Болт М8", 8), (115, 37, "100", 8),
            (135, 37, "10,00", 8), (170, 37, "1 000,00", 8)]  # fmt: skip
    got = read_page(
        tmp_path,
        [(15, 10, "Счет на оплату № 5 от 02.03.2026", 12), *rows,
         (110, 45, "Итого по странице:", 8), (170, 45, "1 000,00", 8),
         (15, 310, "Болт М10", 8), (115, 310, "100", 8), (135, 310, "20,00", 8),
         (170, 310, "2 000,00", 8), (110, 320, "Итого:", 8), (170, 320, "3 000,00", 8),
         (110, 326, "НДС 20%:", 8), (170, 326, "600,00", 8), (110, 332, "Всего к оплате:", 8),
         (170, 332, "3 600,00", 8)],
    )  # fmt: skip
    assert got.grand_total in (None, "3600.00")
    assert got.due_payable in (None, "3600.00")


def test_a_ukrainian_payee_is_no_buyer(tmp_path: Path) -> None:
    # 'Одержувач:' over the bank account on a Ukrainian рахунок is the payee, the seller: it
    # was a buyer's label, and the seller's name was read as the buyer's
    assert "buyer" not in label_matches("Одержувач:")
    got = read_page(
        tmp_path,
        [(15, 10, "Рахунок на оплату № 12 від 02.03.2026", 12), (15, 20, "Одержувач:", 9),
         (45, 20, "ТОВ «Альфа»", 9), (45, 25, "IBAN UA213052990000026007015000001", 8),
         (15, 35, "Покупець:", 9), (45, 35, "ТОВ «Бета»", 9)],
    )  # fmt: skip
    assert got.buyer_name == "ТОВ «Бета»"


def test_a_third_partys_row_under_a_party_is_none_of_its_details(tmp_path: Path) -> None:
    # batch 17 read a column of labels under a party's label as its details; 'Forwarder:',
    # 'Ship to:', 'Notify party:' rows there are other parties', whose country was read as the
    # buyer's (main: null)
    def page(label: str, value: str, address: bool) -> list[tuple[float, float, str, float]]:
        rows = [(15, 10, "Nordic Parts AB", 12), (15, 16, "Storgatan 1, Stockholm, Sweden", 8),
                (140, 10, "INVOICE", 12), (140, 18, "Invoice No.: 4411", 8),
                (15, 30, "Bill To:", 9), (50, 30, "Hansa Import GmbH", 9),
                (15, 35, label, 9), (50, 35, value, 9)]  # fmt: skip
        if address:
            rows += [(15, 40, "Address:", 9), (50, 40, "Hauptstr. 1, 10115 Berlin, Germany", 9)]
        return rows

    for label, value in (("Forwarder:", "Kuehne+Nagel, Rotterdam, Netherlands"),
                         ("Ship to:", "Warehouse Venlo, Netherlands"),
                         ("Notify party:", "Baltic Agents OÜ, Tallinn, Estonia")):  # fmt: skip
        got = read_page(tmp_path, page(label, value, address=False))
        assert got.buyer_country is None, label
        assert read_page(tmp_path, page(label, value, address=True)).buyer_country in (None, "DE")
    # the party's own details still read: its address and tax id under their captions
    got = read_page(tmp_path, page("VAT No.:", "DE123456789", address=True))
    assert got.buyer_country == "DE"
