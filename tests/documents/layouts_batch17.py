"""A seventeenth batch of hand-written invoices, written (session 22) before the reader's code
(src/clearlane/documents) was read: fourteen layouts from scripts and tax systems the earlier
batches barely touch, scored once as written (docs/documents.md, "session 22").

Cyrillic pages: a Russian ``Счет на оплату`` with the bank-details box above the parties (bank,
БИК, accounts, ИНН/КПП: none of them a party or an address), a Kazakh-Russian bilingual invoice
(``Шот-фактура / Счет-фактура``, БСН/БИН, KZT, ҚҚС/НДС 12 %) and a Ukrainian ``Рахунок``
(ЄДРПОУ and ІПН, ``від 21 квітня 2026 р.``); a Greek page in Greek only (``Σειρά/Αριθμός``, ΑΦΜ
and ΔΟΥ for both parties, ΦΠΑ 24 %); a Turkish ``FATURA`` (VKN, KDV, ``₺`` and dot thousands);
a Vietnamese VAT invoice (``Ký hiệu`` and ``Số``, MST, VND without decimals); an Indian GST tax
invoice (GSTIN, HSN, IGST, lakh grouping); a Mexican CFDI (RFC of both parties, a folio fiscal
UUID beside the series-folio, an ISO timestamp as the date); a Brazilian export ``Fatura
Comercial`` (CNPJ, Portuguese labels, an importer and an exporter); a UAE Arabic-English tax
invoice (TRN, AED, VAT 5 %); a South African tax invoice over two pages (the table continued
under a repeated header, totals on page 2 only); a Swedish credit note (``Kreditfaktura``,
the invoice it credits named too); a Bangladeshi proforma (beneficiary and applicant, an
advising bank); a Philippine ``Sales Invoice`` with VAT-inclusive lines and the BIR printer's
footer (a printer's name, address and TIN that are no party's).

Ground truth as in the earlier batches (layouts_review15.py's docstring). Choices where the
page leaves room: a tax id printed under a label of the seller's country is the seller's tax id
whatever its name (ИНН, БИН, ІПН over ЄДРПОУ as review15's ``ua-latin``, ΑΦΜ, VKN, MST, GSTIN,
TRN, Swedish ``Momsreg.nr`` over ``Org.nr``, BIN, TIN), written without separators or spaces,
except Mexico's RFC and Brazil's CNPJ, which are no VAT ids (the first batch's and unseen3's
convention, read after the first reading: this batch first held them the seller's, and scored
120 of 196 so); a number printed as series and number in one value is that value (``Β 1532``,
``A-4581``); a CFDI's folio fiscal is not its number; a credit note's amounts are printed and
held positive, its ``due_payable`` its total; the Philippine lines are held as printed (VAT
included) and its ``tax_exclusive_total`` the printed ``Net of VAT``; a country is held where
the page prints one (in any script) or its ids and states leave no doubt (India's GSTIN and
state names).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import Item, _amounts, _block, _lines, _sp, _sum, _totals
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round


def _rows(items: list[Item], style: str = "en", places: int = 2) -> list[list[str]]:
    return [[t, q, _group(_d(p), style, places), _group(a, style, places)]
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


def _unit_lines(items: list[Item], unit: str) -> list[dict]:
    return [_line(t, q, unit, _price(_d(p)), _plain(a))
            for (t, q, p), a in zip(items, _amounts(items), strict=True)]  # fmt: skip


# -- Russia: "Счет на оплату", the bank-details box above the parties, ИНН/КПП ----------------

_RU_ITEMS: list[Item] = [("Подшипник шариковый 6205-2RS", "400", "185.00"),
                         ("Подшипник роликовый 32210", "120", "1240.00"),
                         ("Смазка литиевая Литол-24, 10 кг", "15", "2350.00")]  # fmt: skip
_RU_NET = _sum(_RU_ITEMS)  # 257,050.00
_RU_TAX = _round(_RU_NET * Decimal("0.20"))


def ru_schet() -> bytes:
    s = Sheet2()
    s.text(15, 10, 'ООО "Волжский Подшипниковый Завод"', size=12, bold=True)
    s.text(15, 16, "443004, Россия, г. Самара, ул. Заводская, д. 17, тел. +7 846 555-12-40",
           size=7.5)  # fmt: skip
    s.pdf.rect(15, 22, 180, 26)
    _block(s, 17, 24, ['ПАО "Сбербанк", г. Самара', "Банк получателя"], size=8)
    _block(s, 120, 24, ["БИК  043601607", "Сч. №  30101810200000000607"], size=8)
    _block(s, 17, 34, ["ИНН 6318123456    КПП 631801001", 'ООО "Волжский Подшипниковый Завод"',
                       "Получатель"], size=8)  # fmt: skip
    s.text(120, 38, "Сч. №  40702810554400012345", size=8)
    s.text(15, 54, "Счет на оплату № 1245 от 15 марта 2026 г.", size=13, bold=True)
    s.pdf.line(15, 61, 195, 61)
    s.text(15, 64, "Поставщик:", size=8.5)
    s.text(42, 64, 'ООО "Волжский Подшипниковый Завод", ИНН 6318123456, КПП 631801001,', size=8)
    s.text(42, 68, "443004, Россия, г. Самара, ул. Заводская, д. 17", size=8)
    s.text(15, 74, "Покупатель:", size=8.5)
    s.text(42, 74, 'ТОО "Каспий Техсервис", БИН 150940012345,', size=8)
    s.text(42, 78, "060011, Казахстан, г. Атырау, ул. Сатпаева, 12", size=8)
    s.text(15, 84, "Валюта: Российский рубль, 643", size=8)
    rows = [[str(i), t, q, "шт", _sp(_d(p)), _sp(a)]
            for i, ((t, q, p), a) in enumerate(zip(_RU_ITEMS, _amounts(_RU_ITEMS), strict=True),
                                              1)]  # fmt: skip
    y = s.grid(92, [("№", 15, 6, "L"), ("Товары (работы, услуги)", 23, 82, "L"),
                    ("Кол-во", 107, 16, "R"), ("Ед.", 125, 8, "L"), ("Цена", 135, 26, "R"),
                    ("Сумма", 163, 32, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 120, 161, y + 3, [("Итого:", _sp(_RU_NET)), ("НДС 20%:", _sp(_RU_TAX)),
                                     ("Всего к оплате:", _sp(_RU_NET + _RU_TAX))])  # fmt: skip
    s.text(15, y + 4, f"Всего наименований 3, на сумму {_sp(_RU_NET + _RU_TAX)} руб.", size=8)
    s.text(15, y + 16, "Руководитель ____________ Соколов А. В.     Бухгалтер ____________ "
                       "Ильина Е. Н.", size=8)  # fmt: skip
    return s.output()


RU_SCHET_TRUTH = _truth(
    invoice_number="1245", type_code="380", issue_date="2026-03-15", currency="RUB",
    seller_name='ООО "Волжский Подшипниковый Завод"', seller_vat_id="6318123456",
    seller_country="RU", buyer_name='ТОО "Каспий Техсервис"', buyer_country="KZ",
    tax_exclusive_total=_plain(_RU_NET), tax_total=_plain(_RU_TAX),
    grand_total=_plain(_RU_NET + _RU_TAX), due_payable=_plain(_RU_NET + _RU_TAX),
    line_items=_unit_lines(_RU_ITEMS, "H87"),
)  # fmt: skip


# -- Kazakhstan: Kazakh / Russian labels, БСН/БИН, KZT, ҚҚС/НДС 12 % ---------------------------

_KZ_ITEMS: list[Item] = [("Пшеница 3 класса / Бидай 3 сынып, т", "250", "98000.00"),
                         ("Ячмень фуражный / Жем арпа, т", "120", "76500.00")]  # fmt: skip
_KZ_NET = _sum(_KZ_ITEMS)  # 33,680,000.00
_KZ_TAX = _round(_KZ_NET * Decimal("0.12"))


def kz_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Шот-фактура / Счет-фактура № КА-0077", size=12, bold=True)
    s.text(15, 17, "Күні / Дата: 02.06.2026", size=9)
    s.pairs(15, 26, [("Жеткізуші / Поставщик:", 'ТОО "Кокше Астык"'),
                     ("БСН / БИН:", "180540012345"),
                     ("Мекенжайы / Адрес:", "020000, Қазақстан, Көкшетау қ., Абай к-сі, 88"),
                     ("ЖСК / ИИК:", "KZ86 8560 0000 0012 3456  АО \"Банк ЦентрКредит\""),
                     ("Сатып алушы / Покупатель:", 'ООО "Тянь-Шань Мельница"'),
                     ("Мекенжайы / Адрес:", "720040, Кыргызстан, г. Бишкек, ул. Ибраимова, 103"),
                     ("Валюта:", "KZT")], gap=56, step=5)  # fmt: skip
    rows = [[t, q, _sp(_d(p)), _sp(a)]
            for (t, q, p), a in zip(_KZ_ITEMS, _amounts(_KZ_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(68, [("Атауы / Наименование", 15, 88, "L"), ("Саны / Кол-во", 105, 22, "R"),
                    ("Бағасы / Цена", 129, 30, "R"), ("Сомасы / Сумма", 161, 34, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 161, y + 3, [("Барлығы / Итого:", _sp(_KZ_NET)),
                                ("ҚҚС / НДС 12%:", _sp(_KZ_TAX)),
                                ("Төлеуге / Всего к оплате:", _sp(_KZ_NET + _KZ_TAX))],
            size=8.5)  # fmt: skip
    return s.output()


KZ_BILINGUAL_TRUTH = _truth(
    invoice_number="КА-0077", type_code="380", issue_date="2026-06-02", currency="KZT",
    seller_name='ТОО "Кокше Астык"', seller_vat_id="180540012345", seller_country="KZ",
    buyer_name='ООО "Тянь-Шань Мельница"', buyer_country="KG",
    tax_exclusive_total=_plain(_KZ_NET), tax_total=_plain(_KZ_TAX),
    grand_total=_plain(_KZ_NET + _KZ_TAX), due_payable=_plain(_KZ_NET + _KZ_TAX),
    line_items=_lines(_KZ_ITEMS, None),
)  # fmt: skip


# -- Ukraine: "Рахунок на оплату № … від 21 квітня 2026 р.", ЄДРПОУ and ІПН, EUR, ПДВ 0 % -------

_UA_ITEMS: list[Item] = [("Дошка соснова обрізна 50x150x6000, м³", "64", "215.00"),
                         ("Брус сосновий 100x100x6000, м³", "30", "238.00")]  # fmt: skip
_UA_NET = _sum(_UA_ITEMS)  # 20,900.00


def ua_rakhunok() -> bytes:
    s = Sheet2()
    s.text(15, 10, "ТОВ «Карпатська Деревина»", size=13, bold=True)
    _block(s, 15, 17, ["79018, Україна, м. Львів, вул. Городоцька, 174",
                       "Код ЄДРПОУ 38765432 · ІПН 387654313045",
                       "IBAN UA21 3052 9900 0002 6007 0150 0000 1 в АТ КБ «ПриватБанк»"],
           size=8)  # fmt: skip
    s.text(15, 36, "Рахунок на оплату № 193 від 21 квітня 2026 р.", size=12, bold=True)
    s.text(15, 46, "Покупець:", size=8.5, bold=True)
    _block(s, 40, 46, ["Holzhandel Wien GmbH", "Brünner Straße 120, 1210 Wien, Австрія",
                       "UID ATU12345678"])  # fmt: skip
    s.text(15, 62, "Валюта рахунку: EUR    Умови поставки: FCA Львів", size=8)
    rows = [[t, q, _sp(_d(p)), _sp(a)]
            for (t, q, p), a in zip(_UA_ITEMS, _amounts(_UA_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(70, [("Найменування", 15, 90, "L"), ("Кількість", 107, 18, "R"),
                    ("Ціна, EUR", 127, 30, "R"), ("Сума, EUR", 161, 34, "R")], rows,
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 3, [("Разом:", _sp(_UA_NET)), ("ПДВ 0%:", "0,00"),
                                 ("Всього до сплати:", _sp(_UA_NET))])  # fmt: skip
    return s.output()


UA_RAKHUNOK_TRUTH = _truth(
    invoice_number="193", type_code="380", issue_date="2026-04-21", currency="EUR",
    seller_name="ТОВ «Карпатська Деревина»", seller_vat_id="387654313045", seller_country="UA",
    buyer_name="Holzhandel Wien GmbH", buyer_country="AT", tax_exclusive_total=_plain(_UA_NET),
    tax_total="0.00", grand_total=_plain(_UA_NET), due_payable=_plain(_UA_NET),
    line_items=_lines(_UA_ITEMS, None),
)  # fmt: skip


# -- Greece: Greek only, "Σειρά/Αριθμός", ΑΦΜ and ΔΟΥ for both parties, ΦΠΑ 24 % --------------

_GR_ITEMS: list[Item] = [("Φέτα ΠΟΠ σε άλμη, δοχείο 15 kg", "60", "96.00"),
                         ("Γραβιέρα Κρήτης ΠΟΠ, κεφάλι 8 kg", "25", "118.40"),
                         ("Γιαούρτι στραγγιστό 10%, 1 kg", "300", "3.85")]  # fmt: skip
_GR_NET = _sum(_GR_ITEMS)  # 9,875.00
_GR_TAX = _round(_GR_NET * Decimal("0.24"))


def gr_greek_only() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "ΓΑΛΑΚΤΟΚΟΜΙΚΑ ΟΛΥΜΠΟΥ Α.Ε.", size=13, bold=True)
    _block(s, 15, 17, ["Βιομηχανική Περιοχή Σίνδου, 57022 Θεσσαλονίκη, Ελλάδα",
                       "ΑΦΜ: 801234567 · ΔΟΥ: ΦΑΕ Θεσσαλονίκης · ΓΕΜΗ 123456704000"],
           size=8)  # fmt: skip
    s.text(125, 30, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=12, bold=True)
    s.pairs(125, 38, [("Σειρά/Αριθμός:", "Β 1532"), ("Ημερομηνία:", "18/03/2026")], gap=28)
    s.text(15, 30, "Στοιχεία πελάτη", size=8.5, bold=True)
    _block(s, 15, 35, ["Κυπριακά Τρόφιμα Λτδ", "Λεωφόρος Μακαρίου 44, 1065 Λευκωσία, Κύπρος",
                       "ΑΦΜ: CY10234567L"])  # fmt: skip
    y = s.grid(58, [("Περιγραφή", 15, 90, "L"), ("Ποσότητα", 107, 18, "R"),
                    ("Τιμή μον. €", 127, 30, "R"), ("Αξία €", 161, 34, "R")],
               _rows(_GR_ITEMS, "de"), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(
        s,
        100,
        161,
        y + 3,
        [
            ("Καθαρή αξία", f"{_group(_GR_NET, 'de')} €"),
            ("ΦΠΑ 24%", f"{_group(_GR_TAX, 'de')} €"),
            ("Πληρωτέο ποσό", f"{_group(_GR_NET + _GR_TAX, 'de')} €"),
        ],
    )
    s.text(15, 140, "Τρόπος πληρωμής: Επί πιστώσει · ΙΒΑΝ: GR16 0110 1250 0000 0001 2300 695",
           size=7)  # fmt: skip
    return s.output()


GR_GREEK_ONLY_TRUTH = _truth(
    invoice_number="Β 1532", type_code="380", issue_date="2026-03-18", currency="EUR",
    seller_name="ΓΑΛΑΚΤΟΚΟΜΙΚΑ ΟΛΥΜΠΟΥ Α.Ε.", seller_vat_id="801234567", seller_country="GR",
    buyer_name="Κυπριακά Τρόφιμα Λτδ", buyer_country="CY", tax_exclusive_total=_plain(_GR_NET),
    tax_total=_plain(_GR_TAX), grand_total=_plain(_GR_NET + _GR_TAX),
    due_payable=_plain(_GR_NET + _GR_TAX), line_items=_lines(_GR_ITEMS, None),
)  # fmt: skip


# -- Türkiye: "FATURA", VKN and Vergi Dairesi, KDV %20, ₺ and dot thousands, "Adet" units ------

_TR_ITEMS: list[Item] = [("Pamuklu havlu 50x90, beyaz", "1200", "64.50"),
                         ("Bornoz, şal yaka, L", "300", "415.00")]  # fmt: skip
_TR_NET = _sum(_TR_ITEMS)  # 201,900.00
_TR_TAX = _round(_TR_NET * Decimal("0.20"))


def tr_fatura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ege Havlu Tekstil San. ve Tic. A.Ş.", size=12, bold=True)
    _block(s, 15, 17, ["Organize Sanayi Bölgesi 4. Cad. No: 18, 20330 Denizli, Türkiye",
                       "Vergi Dairesi: Gökpınar · VKN: 3250412345",
                       "Mersis No: 0325041234500015"], size=8)  # fmt: skip
    s.text(150, 10, "FATURA", size=15, bold=True)
    s.pairs(130, 20, [("Fatura No:", "EGH2026000000418"), ("Fatura Tarihi:", "27.04.2026"),
                      ("Senaryo:", "TEMELFATURA")], gap=28, step=5)  # fmt: skip
    s.text(15, 36, "SAYIN", size=8.5, bold=True)
    _block(s, 15, 41, ["Balkan Home Textiles EOOD", "bul. Bulgaria 102, 1680 Sofia, Bulgaria",
                       "VAT: BG204567890"])  # fmt: skip
    rows = [[t, f"{q} Adet", f"{_group(_d(p), 'de')} ₺", f"{_group(a, 'de')} ₺"]
            for (t, q, p), a in zip(_TR_ITEMS, _amounts(_TR_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(60, [("Mal Hizmet", 15, 88, "L"), ("Miktar", 105, 22, "R"),
                    ("Birim Fiyat", 129, 30, "R"), ("Mal Hizmet Tutarı", 161, 34, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 3, [("Mal Hizmet Toplam Tutarı", f"{_group(_TR_NET, 'de')} ₺"),
                                 ("Hesaplanan KDV (%20)", f"{_group(_TR_TAX, 'de')} ₺"),
                                 ("Vergiler Dahil Toplam", f"{_group(_TR_NET + _TR_TAX, 'de')} ₺"),
                                 ("Ödenecek Tutar", f"{_group(_TR_NET + _TR_TAX, 'de')} ₺")],
            size=8)  # fmt: skip
    return s.output()


TR_FATURA_TRUTH = _truth(
    invoice_number="EGH2026000000418", type_code="380", issue_date="2026-04-27", currency="TRY",
    seller_name="Ege Havlu Tekstil San. ve Tic. A.Ş.", seller_vat_id="3250412345",
    seller_country="TR", buyer_name="Balkan Home Textiles EOOD", buyer_country="BG",
    tax_exclusive_total=_plain(_TR_NET), tax_total=_plain(_TR_TAX),
    grand_total=_plain(_TR_NET + _TR_TAX), due_payable=_plain(_TR_NET + _TR_TAX),
    line_items=_unit_lines(_TR_ITEMS, "H87"),
)  # fmt: skip


# -- Vietnam: "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", Ký hiệu and Số, MST, VND without decimals -------------

_VN_ITEMS: list[Item] = [("Cà phê Robusta nhân xô, bao 60 kg", "80", "7250000"),
                         ("Hạt điều rang muối, thùng 10 kg", "45", "2480000")]  # fmt: skip
_VN_NET = _sum(_VN_ITEMS)  # 691,600,000
_VN_TAX = _round(_VN_NET * Decimal("0.08"))


def vn_hoa_don() -> bytes:
    s = Sheet2()
    s.text(55, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", size=13, bold=True)
    s.text(70, 17, "Ngày 08 tháng 06 năm 2026", size=9)
    s.pairs(150, 10, [("Ký hiệu:", "1C26TAA"), ("Số:", "0000123")], gap=16)
    s.pdf.line(15, 24, 195, 24)
    s.pairs(15, 27, [("Đơn vị bán hàng:", "CÔNG TY TNHH NÔNG SẢN TÂY NGUYÊN"),
                     ("Mã số thuế:", "6001234567"),
                     ("Địa chỉ:", "45 Lê Duẩn, TP. Buôn Ma Thuột, Đắk Lắk, Việt Nam"),
                     ("Số tài khoản:", "0101000123456 tại Vietcombank Đắk Lắk")],
            gap=34)  # fmt: skip
    s.pdf.line(15, 48, 195, 48)
    s.pairs(15, 51, [("Tên đơn vị mua:", "Kaffee Rösterei Nord GmbH"),
                     ("Địa chỉ:", "Am Sandtorkai 48, 20457 Hamburg, Germany"),
                     ("Hình thức thanh toán:", "TM/CK      Đồng tiền thanh toán: VND")],
            gap=40)  # fmt: skip
    rows = [[t, q, _group(_d(p), "de", 0), _group(a, "de", 0)]
            for (t, q, p), a in zip(_VN_ITEMS, _amounts(_VN_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(70, [("Tên hàng hóa, dịch vụ", 15, 88, "L"), ("Số lượng", 105, 18, "R"),
                    ("Đơn giá", 125, 32, "R"), ("Thành tiền", 159, 36, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 159, y + 3, [("Cộng tiền hàng:", _group(_VN_NET, "de", 0)),
                                ("Thuế suất GTGT: 8%   Tiền thuế GTGT:", _group(_VN_TAX, "de", 0)),
                                ("Tổng cộng tiền thanh toán:", _group(_VN_NET + _VN_TAX, "de", 0))],
            width=36, size=8)  # fmt: skip
    s.text(15, y + 22, "Số tiền viết bằng chữ: Bảy trăm bốn mươi sáu triệu chín trăm hai mươi "
                       "tám nghìn đồng.", size=7.5)  # fmt: skip
    return s.output()


VN_HOA_DON_TRUTH = _truth(
    invoice_number="0000123", type_code="380", issue_date="2026-06-08", currency="VND",
    seller_name="CÔNG TY TNHH NÔNG SẢN TÂY NGUYÊN", seller_vat_id="6001234567",
    seller_country="VN", buyer_name="Kaffee Rösterei Nord GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_VN_NET), tax_total=_plain(_VN_TAX),
    grand_total=_plain(_VN_NET + _VN_TAX), due_payable=_plain(_VN_NET + _VN_TAX),
    line_items=_lines(_VN_ITEMS, None),
)  # fmt: skip


# -- India: a GST tax invoice, GSTIN of both parties, HSN, IGST 18 %, lakh grouping -------------

_IN_ITEMS: list[Item] = [("Brass door handle, antique finish", "1500", "245.00"),
                         ("Brass cabinet knob 32 mm", "6000", "38.50")]  # fmt: skip
_IN_NET = _sum(_IN_ITEMS)  # 5,98,500.00
_IN_TAX = _round(_IN_NET * Decimal("0.18"))


def in_gst() -> bytes:
    s = Sheet2()
    s.text(85, 8, "TAX INVOICE", size=13, bold=True)
    s.text(150, 9, "ORIGINAL FOR RECIPIENT", size=7)
    s.text(15, 17, "Moradabad Brass Works Pvt. Ltd.", size=12, bold=True)
    _block(s, 15, 24, ["Plot 22, Sector 3, Industrial Area, Moradabad, Uttar Pradesh 244001",
                       "GSTIN: 09AABCM1234F1Z5   State: Uttar Pradesh (09)",
                       "PAN: AABCM1234F"], size=8)  # fmt: skip
    s.boxes(120, 36, [("Invoice No.", "MBW/26-27/0384"), ("Dated", "05-Jun-2026")], width=37)
    s.text(15, 40, "Buyer (Bill to)", size=8, bold=True)
    _block(s, 15, 45, ["Hardware Hub Traders", "14 MG Road, Bengaluru, Karnataka 560001",
                       "GSTIN: 29AAFFH5678K1Z2   Place of supply: Karnataka (29)"],
           size=8)  # fmt: skip
    rows = [[t, "83024110", q, _group(_d(p), "in"), _group(a, "in")]
            for (t, q, p), a in zip(_IN_ITEMS, _amounts(_IN_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(62, [("Description of Goods", 15, 70, "L"), ("HSN/SAC", 87, 18, "L"),
                    ("Quantity", 107, 18, "R"), ("Rate", 127, 30, "R"),
                    ("Amount", 159, 36, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 3, [("Taxable Value", _group(_IN_NET, "in")),
                                 ("IGST @ 18%", _group(_IN_TAX, "in")),
                                 ("Total", f"₹ {_group(_IN_NET + _IN_TAX, 'in')}")],
            size=8.5)  # fmt: skip
    s.text(15, y + 22, "Amount Chargeable (in words): INR Seven Lakh Six Thousand Two Hundred "
                       "Thirty Only", size=7.5)  # fmt: skip
    s.text(15, y + 28, "Bank: HDFC Bank, Civil Lines, Moradabad · A/c No. 50200012345678 · "
                       "IFSC HDFC0001234", size=7)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
IN_GST_TRUTH = _truth(
    invoice_number="MBW/26-27/0384", type_code="380", issue_date="2026-06-05", currency="INR",
    seller_name="Moradabad Brass Works Pvt. Ltd.", seller_vat_id="09AABCM1234F1Z5",
    seller_country=None, buyer_name="Hardware Hub Traders", buyer_country=None,
    tax_exclusive_total=_plain(_IN_NET), tax_total=_plain(_IN_TAX),
    grand_total=_plain(_IN_NET + _IN_TAX), due_payable=_plain(_IN_NET + _IN_TAX),
    line_items=_lines(_IN_ITEMS, None),
)  # fmt: skip


# -- Mexico: a CFDI 4.0 (RFC of both parties, the folio fiscal UUID, an ISO timestamp) -----------

_MX_ITEMS: list[Item] = [("Aguacate Hass calibre 48, caja 10 kg", "900", "385.00"),
                         ("Limón persa sin semilla, caja 18 kg", "400", "290.00")]  # fmt: skip
_MX_NET = _sum(_MX_ITEMS)  # 462,500.00
_MX_TAX = Decimal("0.00")


def mx_cfdi() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Exportadora Frutícola del Bajío S.A. de C.V.", size=12, bold=True)
    _block(s, 15, 17, ["RFC: EFB120315KT4    Régimen fiscal: 601 General de Ley Personas Morales",
                       "Lugar de expedición: 38000, Celaya, Guanajuato, México"],
           size=8)  # fmt: skip
    s.text(125, 28, "FACTURA CFDI 4.0", size=11, bold=True)
    s.pairs(100, 35, [("Serie-Folio:", "A-4581"), ("Fecha de emisión:", "2026-07-14T10:32:05"),
                      ("Folio fiscal (UUID):", ""), ("", "6F2A9C1E-4B7D-4E21-9A3F-1C8D5E7B2A90"),
                      ("Tipo de comprobante:", "I - Ingreso")], gap=38, step=4.5)  # fmt: skip
    s.text(15, 30, "Receptor", size=8.5, bold=True)
    _block(s, 15, 35, ["Fresh Harvest Imports LLC", "RFC: XEXX010101000",
                       "2200 W Commerce St, McAllen, TX 78501, USA", "Uso CFDI: G01"],
           size=8)  # fmt: skip
    s.text(15, 60, "Moneda: MXN    Forma de pago: 03 Transferencia    Método de pago: PUE", size=8)
    rows = [[t, q, "XBX", _group(_d(p)), _group(a)]
            for (t, q, p), a in zip(_MX_ITEMS, _amounts(_MX_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(68, [("Descripción", 15, 84, "L"), ("Cantidad", 101, 16, "R"),
                    ("Clave unidad", 119, 14, "L"), ("Valor unitario", 135, 26, "R"),
                    ("Importe", 163, 32, "R")], rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 161, y + 3, [("Subtotal", f"$ {_group(_MX_NET)}"),
                                 ("IVA 0%", f"$ {_group(_MX_TAX)}"),
                                 ("Total", f"$ {_group(_MX_NET)}")])  # fmt: skip
    s.text(15, y + 24, "Sello digital del CFDI: kT3pQ9x...Zw==    No. de certificado del SAT: "
                       "00001000000509876543", size=6.5)  # fmt: skip
    s.text(15, y + 28, "Este documento es una representación impresa de un CFDI", size=6.5)
    return s.output()


MX_CFDI_TRUTH = _truth(
    invoice_number="A-4581", type_code="380", issue_date="2026-07-14", currency="MXN",
    seller_name="Exportadora Frutícola del Bajío S.A. de C.V.",
    seller_country="MX", buyer_name="Fresh Harvest Imports LLC", buyer_country="US",
    tax_exclusive_total=_plain(_MX_NET), tax_total="0.00", grand_total=_plain(_MX_NET),
    due_payable=_plain(_MX_NET), line_items=_unit_lines(_MX_ITEMS, "XBX"),
)  # fmt: skip


# -- Brazil: an export "Fatura Comercial", CNPJ, Portuguese labels, exporter and importer ---------

_BR_ITEMS: list[Item] = [("Café verde arábica, saca 60 kg, tipo 2/3", "320", "285.00"),
                         ("Café verde conillon, saca 60 kg", "180", "196.50")]  # fmt: skip
_BR_TOTAL = _sum(_BR_ITEMS)  # 126,570.00


def br_fatura() -> bytes:
    s = Sheet2()
    s.text(60, 10, "FATURA COMERCIAL / COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(125, 20, [("Nº:", "EXP-0458/26"), ("Data de emissão:", "22/07/2026")], gap=34)
    s.text(15, 20, "Exportador:", size=8.5, bold=True)
    _block(s, 15, 25, ["Cafés Sul de Minas Exportação Ltda.",
                       "Rodovia MG-167, km 4, Varginha - MG, 37026-000, Brasil",
                       "CNPJ: 12.345.678/0001-95"], size=8)  # fmt: skip
    s.text(15, 40, "Importador:", size=8.5, bold=True)
    _block(s, 15, 45, ["Kaffeehandel Basel AG", "Hafenstrasse 25, 4057 Basel, Suíça"], size=8)
    s.text(110, 40, "Incoterm: FOB Santos    Moeda: US$", size=8)
    s.text(110, 45, "Pagamento: CAD (cash against documents)", size=8)
    rows = [[t, q, _group(_d(p), "de"), _group(a, "de")]
            for (t, q, p), a in zip(_BR_ITEMS, _amounts(_BR_ITEMS), strict=True)]  # fmt: skip
    y = s.grid(58, [("Descrição", 15, 88, "L"), ("Qtde.", 105, 18, "R"),
                    ("Preço unit. US$", 125, 32, "R"), ("Valor US$", 159, 36, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 3, [("Valor total FOB US$", _group(_BR_TOTAL, "de"))])
    s.text(15, y + 14, "Peso líquido: 30.000 kg · Peso bruto: 30.250 kg · NCM 0901.11.10",
           size=7.5)  # fmt: skip
    return s.output()


BR_FATURA_TRUTH = _truth(
    invoice_number="EXP-0458/26", type_code="380", issue_date="2026-07-22", currency="USD",
    seller_name="Cafés Sul de Minas Exportação Ltda.",
    seller_country="BR", buyer_name="Kaffeehandel Basel AG", buyer_country="CH",
    grand_total=_plain(_BR_TOTAL), due_payable=_plain(_BR_TOTAL),
    line_items=_lines(_BR_ITEMS, None),
)  # fmt: skip


# -- UAE: an Arabic-English tax invoice, TRN, AED, VAT 5 % --------------------------------------

_AE_ITEMS: list[Item] = [("Dates Medjool premium, 5 kg box / تمر مجدول", "600", "142.00"),
                         ("Dates Khalas, 10 kg carton / تمر خلاص", "350", "96.00")]  # fmt: skip
_AE_NET = _sum(_AE_ITEMS)  # 118,800.00
_AE_TAX = _round(_AE_NET * Decimal("0.05"))


def ae_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Al Wadi Dates Trading L.L.C.", size=12, bold=True)
    s.text(150, 10, "شركة الوادي لتجارة التمور", size=10)
    _block(s, 15, 17, ["Warehouse 14, Al Aweer, Dubai, United Arab Emirates",
                       "TRN / الرقم الضريبي: 100234567800003"], size=8)  # fmt: skip
    s.text(75, 28, "Tax Invoice / فاتورة ضريبية", size=12, bold=True)
    s.pairs(100, 38, [("Invoice No. / رقم الفاتورة:", "AWD-INV-2026-0917"),
                      ("Date / التاريخ:", "10/08/2026")], gap=56)  # fmt: skip
    s.text(15, 38, "Customer / العميل:", size=8.5, bold=True)
    _block(s, 15, 43, ["Gulf Fresh Foods W.L.L.", "Building 221, Road 15, Sitra, Bahrain",
                       "VAT No.: 220012345600002"], size=8)  # fmt: skip
    y = s.grid(62, [("Description / الوصف", 15, 90, "L"), ("Qty / الكمية", 107, 18, "R"),
                    ("Unit Price / السعر", 127, 30, "R"), ("Amount AED / المبلغ", 159, 36, "R")],
               _rows(_AE_ITEMS), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 161, y + 3, [("Total excl. VAT / المجموع", f"AED {_group(_AE_NET)}"),
                                ("VAT 5% / ضريبة القيمة المضافة", f"AED {_group(_AE_TAX)}"),
                                ("Total incl. VAT / الإجمالي", f"AED {_group(_AE_NET + _AE_TAX)}")],
            size=8)  # fmt: skip
    s.text(15, y + 24, "Bank: Emirates NBD · IBAN AE07 0331 2345 6789 0123 456 · SWIFT EBILAEAD",
           size=7)  # fmt: skip
    return s.output()


AE_BILINGUAL_TRUTH = _truth(
    invoice_number="AWD-INV-2026-0917", type_code="380", issue_date="2026-08-10", currency="AED",
    seller_name="Al Wadi Dates Trading L.L.C.", seller_vat_id="100234567800003",
    seller_country="AE", buyer_name="Gulf Fresh Foods W.L.L.", buyer_country="BH",
    tax_exclusive_total=_plain(_AE_NET), tax_total=_plain(_AE_TAX),
    grand_total=_plain(_AE_NET + _AE_TAX), due_payable=_plain(_AE_NET + _AE_TAX),
    line_items=_lines(_AE_ITEMS, None),
)  # fmt: skip


# -- South Africa: a tax invoice over two pages, the header repeated, totals on page 2 only ------

_ZA_ITEMS: list[Item] = [
    (f"Stainless fastener kit {size}, box of 100", qty, price)
    for size, qty, price in [
        ("M4x10", "40", "85.00"),
        ("M4x16", "40", "92.00"),
        ("M5x12", "60", "104.50"),
        ("M5x20", "60", "118.00"),
        ("M6x16", "80", "136.00"),
        ("M6x25", "80", "149.50"),
        ("M6x40", "50", "171.00"),
        ("M8x20", "70", "212.00"),
        ("M8x30", "70", "236.50"),
        ("M8x50", "40", "279.00"),
        ("M10x25", "35", "318.00"),
        ("M10x40", "35", "362.00"),
        ("M10x60", "20", "415.00"),
        ("M12x30", "30", "468.00"),
        ("M12x50", "30", "529.00"),
        ("M12x80", "15", "618.00"),
        ("M16x40", "12", "845.00"),
        ("M16x60", "12", "936.00"),
        ("M16x100", "8", "1120.00"),
        ("M20x60", "6", "1390.00"),
    ]
]
_ZA_NET = _sum(_ZA_ITEMS)
_ZA_TAX = _round(_ZA_NET * Decimal("0.15"))
_ZA_COLUMNS = [("Description", 15, 92, "L"), ("Qty", 109, 16, "R"), ("Unit Price", 127, 30, "R"),
               ("Amount", 161, 34, "R")]  # fmt: skip


def za_two_pages() -> bytes:
    s = Sheet2()
    rows = _rows(_ZA_ITEMS)
    s.text(15, 10, "Cape Industrial Fasteners (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 17, ["Unit 7, Montague Park, Montague Gardens, Cape Town 7441, South Africa",
                       "VAT Reg. No. 4123456789 · Co. Reg. 2009/012345/07"], size=8)  # fmt: skip
    s.text(150, 10, "TAX INVOICE", size=13, bold=True)
    s.pairs(136, 20, [("Invoice No:", "IN104587"), ("Date:", "2026/08/25"),
                      ("Account:", "NAMB01")], gap=24)  # fmt: skip
    s.text(15, 34, "Invoice To:", size=8.5, bold=True)
    _block(s, 15, 39, ["Namib Mining Supplies (Pty) Ltd", "12 Sam Nujoma Ave, Walvis Bay, Namibia",
                       "VAT No. 5123456-01-5"], size=8)  # fmt: skip
    s.text(110, 39, "All amounts in ZAR", size=8)
    y = s.grid(58, _ZA_COLUMNS, rows[:14], size=8)
    s.text(15, y + 4, "Continued on page 2", size=7.5)
    s.text(170, 285, "Page 1 of 2", size=7.5)
    s.pdf.add_page()
    s.text(15, 10, "Cape Industrial Fasteners (Pty) Ltd · Tax Invoice IN104587 (continued)",
           size=8)  # fmt: skip
    y = s.grid(20, _ZA_COLUMNS, rows[14:], size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(
        s,
        110,
        161,
        y + 3,
        [
            ("Sub Total", f"R {_group(_ZA_NET)}"),
            ("VAT 15%", f"R {_group(_ZA_TAX)}"),
            ("Total Due", f"R {_group(_ZA_NET + _ZA_TAX)}"),
        ],
    )
    s.text(15, y + 8, "Banking details: Standard Bank, Cape Town · Account 071234567 · Branch "
                      "051001", size=7)  # fmt: skip
    s.text(170, 285, "Page 2 of 2", size=7.5)
    return s.output()


ZA_TWO_PAGES_TRUTH = _truth(
    invoice_number="IN104587", type_code="380", issue_date="2026-08-25", currency="ZAR",
    seller_name="Cape Industrial Fasteners (Pty) Ltd", seller_vat_id="4123456789",
    seller_country="ZA", buyer_name="Namib Mining Supplies (Pty) Ltd", buyer_country="NA",
    tax_exclusive_total=_plain(_ZA_NET), tax_total=_plain(_ZA_TAX),
    grand_total=_plain(_ZA_NET + _ZA_TAX), due_payable=_plain(_ZA_NET + _ZA_TAX),
    line_items=_lines(_ZA_ITEMS, None),
)  # fmt: skip


# -- Sweden: a credit note ("Kreditfaktura"), the invoice it credits named, Org.nr and Momsreg.nr -

_SE_ITEMS: list[Item] = [("Returnerade kontorsstolar Ergo 300", "12", "2450.00"),
                         ("Prisavdrag skrivbord, transportskada", "4", "875.00")]  # fmt: skip
_SE_NET = _sum(_SE_ITEMS)  # 32,900.00
_SE_TAX = _round(_SE_NET * Decimal("0.25"))


def se_kreditfaktura() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Norrlands Kontorsmöbler AB", size=12, bold=True)
    s.text(140, 10, "KREDITFAKTURA", size=13, bold=True)
    s.pairs(135, 20, [("Kreditfakturanr:", "50231"), ("Datum:", "2026-09-03"),
                      ("Avser faktura:", "50187"), ("Kundnr:", "10442")], gap=32)  # fmt: skip
    s.text(15, 30, "Kund", size=8.5, bold=True)
    _block(s, 15, 35, ["Kontorshuset i Åbo Oy", "Linnankatu 30", "20100 Turku", "Finland"],
           size=9)  # fmt: skip
    y = s.grid(62, [("Benämning", 15, 92, "L"), ("Antal", 109, 16, "R"),
                    ("À-pris", 127, 30, "R"), ("Belopp", 161, 34, "R")],
               [[t, q, _sp(_d(p)), _sp(a)]
                for (t, q, p), a in zip(_SE_ITEMS, _amounts(_SE_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 3, [("Netto", _sp(_SE_NET)), ("Moms 25 %", _sp(_SE_TAX)),
                                 ("Att kreditera SEK", _sp(_SE_NET + _SE_TAX))])  # fmt: skip
    s.pdf.line(15, 270, 195, 270)
    _block(s, 15, 272, ["Norrlands Kontorsmöbler AB", "Storgatan 41", "903 26 Umeå", "Sverige"],
           size=7, step=3.2)  # fmt: skip
    _block(s, 80, 272, ["Org.nr 556123-4567", "Momsreg.nr SE556123456701",
                        "Godkänd för F-skatt"], size=7, step=3.2)  # fmt: skip
    _block(s, 140, 272, ["Bankgiro 5050-1055", "IBAN SE45 5000 0000 0583 9825 7466",
                         "BIC ESSESESS"], size=7, step=3.2)  # fmt: skip
    return s.output()


SE_KREDITFAKTURA_TRUTH = _truth(
    invoice_number="50231", type_code="381", issue_date="2026-09-03", currency="SEK",
    seller_name="Norrlands Kontorsmöbler AB", seller_vat_id="SE556123456701",
    seller_country="SE", buyer_name="Kontorshuset i Åbo Oy", buyer_country="FI",
    tax_exclusive_total=_plain(_SE_NET), tax_total=_plain(_SE_TAX),
    grand_total=_plain(_SE_NET + _SE_TAX), due_payable=_plain(_SE_NET + _SE_TAX),
    line_items=_lines(_SE_ITEMS, None),
)  # fmt: skip


# -- Bangladesh: a proforma (beneficiary and applicant, an advising bank), US$ -----------------

_BD_ITEMS: list[Item] = [("Men's denim jacket, 100% cotton, style BX-221", "3000", "9.80"),
                         ("Ladies' denim skirt, style BX-305", "4500", "6.20")]  # fmt: skip
_BD_TOTAL = _sum(_BD_ITEMS)  # 57,300.00


def bd_proforma() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Padma Denim Garments Ltd.", size=12, bold=True)
    _block(s, 15, 17, ["Plot 45-47, Dhaka EPZ, Savar, Dhaka 1349, Bangladesh",
                       "BIN: 000123456-0101 · ERC No. RA-0123456"], size=8)  # fmt: skip
    s.text(135, 10, "PROFORMA INVOICE", size=12, bold=True)
    s.pairs(135, 18, [("PI No.:", "PDG/PI/2026/117"), ("Date:", "September 9, 2026")], gap=16)
    s.text(15, 32, "Applicant:", size=8.5, bold=True)
    _block(s, 15, 37, ["Nordic Workwear AB", "Sandwalls plats 3, 503 30 Borås, Sweden"], size=8)
    s.text(110, 32, "Advising Bank:", size=8.5, bold=True)
    _block(s, 110, 37, ["Eastern Bank PLC, Gulshan Branch", "100 Gulshan Avenue, Dhaka 1212",
                        "SWIFT: EBLDBDDH"], size=8)  # fmt: skip
    y = s.grid(56, [("Description", 15, 92, "L"), ("Qty (pcs)", 109, 16, "R"),
                    ("Unit Price US$", 127, 30, "R"), ("Amount US$", 161, 34, "R")],
               _rows(_BD_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 3, [("Total FOB Chattogram US$", _group(_BD_TOTAL))])
    _block(s, 15, y + 14, ["Payment: 100% irrevocable L/C at sight", "Shipment: within 75 days "
                           "of L/C", "Validity of this offer: 30 days"], size=7.5)  # fmt: skip
    return s.output()


BD_PROFORMA_TRUTH = _truth(
    invoice_number="PDG/PI/2026/117", type_code="325", issue_date="2026-09-09", currency="USD",
    seller_name="Padma Denim Garments Ltd.", seller_vat_id="0001234560101", seller_country="BD",
    buyer_name="Nordic Workwear AB", buyer_country="SE", grand_total=_plain(_BD_TOTAL),
    due_payable=_plain(_BD_TOTAL), line_items=_lines(_BD_ITEMS, None),
)  # fmt: skip


# -- Philippines: a "Sales Invoice", VAT-inclusive lines, the BIR printer's footer -------------

_PH_ITEMS: list[Item] = [("Dried mango slices 100 g, carton of 50", "240", "3360.00"),
                         ("Banana chips 250 g, carton of 24", "150", "1792.00")]  # fmt: skip
_PH_GROSS = _sum(_PH_ITEMS)  # 1,075,200.00 VAT included
_PH_NET = _round(_PH_GROSS / Decimal("1.12"))
_PH_TAX = _PH_GROSS - _PH_NET


def ph_sales_invoice() -> bytes:
    s = Sheet2()
    s.text(15, 10, "CEBU TROPICAL SNACKS CORPORATION", size=12, bold=True)
    _block(s, 15, 17, ["M.L. Quezon Highway, Mandaue City, Cebu 6014, Philippines",
                       "VAT Reg. TIN: 008-123-456-00000"], size=8)  # fmt: skip
    s.text(140, 10, "SALES INVOICE", size=12, bold=True)
    s.pairs(140, 18, [("No.", "004512"), ("Date:", "Sep 12, 2026")], gap=14)
    s.pairs(15, 30, [("SOLD TO:", "Pacific Snack Distributors Pty Ltd"),
                     ("TIN:", "-"), ("ADDRESS:", "5 Harbour Road, Hamilton QLD 4007, Australia"),
                     ("TERMS:", "30 days")], gap=24)  # fmt: skip
    y = s.grid(56, [("Item Description", 15, 92, "L"), ("Qty", 109, 16, "R"),
                    ("Unit Price", 127, 30, "R"), ("Amount", 161, 34, "R")],
               _rows(_PH_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 3, [("Total Sales (VAT Inclusive)", _group(_PH_GROSS)),
                                 ("Less: VAT", _group(_PH_TAX)),
                                 ("Amount: Net of VAT", _group(_PH_NET)),
                                 ("Add: VAT", _group(_PH_TAX)),
                                 ("TOTAL AMOUNT DUE", f"PHP {_group(_PH_GROSS)}")],
            size=8)  # fmt: skip
    _block(s, 15, 268, ["50 Bklts. (50x3) 004001-006500 · BIR Authority to Print No. "
                        "0AU1234567890 · Date Issued: 01/15/2025",
                        "Golden Press Printing Services, 12 Rizal Avenue, Cebu City · "
                        "VAT Reg. TIN: 123-987-654-00000",
                        "THIS SALES INVOICE SHALL BE VALID FOR FIVE (5) YEARS FROM THE DATE OF "
                        "ATP"], size=6.5, step=3)  # fmt: skip
    return s.output()


PH_SALES_INVOICE_TRUTH = _truth(
    invoice_number="004512", type_code="380", issue_date="2026-09-12", currency="PHP",
    seller_name="CEBU TROPICAL SNACKS CORPORATION", seller_vat_id="00812345600000",
    seller_country="PH", buyer_name="Pacific Snack Distributors Pty Ltd", buyer_country="AU",
    tax_exclusive_total=_plain(_PH_NET), tax_total=_plain(_PH_TAX),
    grand_total=_plain(_PH_GROSS), due_payable=_plain(_PH_GROSS),
    line_items=_lines(_PH_ITEMS, None),
)  # fmt: skip


BATCH17: list[Layout] = [
    Layout("ru-schet", ru_schet, RU_SCHET_TRUTH),
    Layout("kz-bilingual", kz_bilingual, KZ_BILINGUAL_TRUTH),
    Layout("ua-rakhunok", ua_rakhunok, UA_RAKHUNOK_TRUTH),
    Layout("gr-greek-only", gr_greek_only, GR_GREEK_ONLY_TRUTH),
    Layout("tr-fatura", tr_fatura, TR_FATURA_TRUTH),
    Layout("vn-hoa-don", vn_hoa_don, VN_HOA_DON_TRUTH),
    Layout("in-gst", in_gst, IN_GST_TRUTH),
    Layout("mx-cfdi-receptor", mx_cfdi, MX_CFDI_TRUTH),
    Layout("br-fatura", br_fatura, BR_FATURA_TRUTH),
    Layout("ae-bilingual", ae_bilingual, AE_BILINGUAL_TRUTH),
    Layout("za-two-pages", za_two_pages, ZA_TWO_PAGES_TRUTH),
    Layout("se-kreditfaktura", se_kreditfaktura, SE_KREDITFAKTURA_TRUTH),
    Layout("bd-proforma", bd_proforma, BD_PROFORMA_TRUTH),
    Layout("ph-bir-footer", ph_sales_invoice, PH_SALES_INVOICE_TRUTH),
]
# Scanned as well (read by OCR; za-two-pages as a two-page TIFF).
SCANNED_BATCH17 = ["ru-schet", "in-gst", "za-two-pages", "se-kreditfaktura"]


def write_batch17(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH17)
