"""Session 25 (invoices21): the reader's vocabulary for the languages of batches 22 and 23
(Albanian, Macedonian, Icelandic, Azerbaijani, Uzbek, Maltese, Swahili, Filipino, Belarusian,
Kyrgyz, Catalan, Welsh), their dates, units and countries, and the tax ids a page prints
beside a taxpayer's number. Each case failed on main (1f46fde); the batches' own pins
(test_layouts_batch22.py, test_layouts_batch23.py) hold the pages read whole."""

from __future__ import annotations

import pytest

from clearlane.documents.layout import country_code, label_matches, parse_date, unit_code


@pytest.mark.parametrize(
    ("text", "key", "rest"),
    [
        ("Nr. i faturës: 118/2026", "invoice_number", "118/2026"),
        ("NIPT: L71234567A", "vat", "L71234567A"),
        ("Vlera pa TVSH", "tax_exclusive_total", ""),
        ("Blerësi", "buyer", ""),
        ("ЕДБ: MK4030006512345", "vat", "MK4030006512345"),
        ("Вкупно за плаќање:", "due_payable", ""),
        ("Reikningur nr. 20-1457", "invoice_number", "20-1457"),
        ("Samtals til greiðslu", "due_payable", ""),
        ("VÖEN: 1701234561", "vat", "1701234561"),
        ("Cəmi (ƏDV-siz):", "tax_exclusive_total", ""),
        ("Yekun məbləğ:", "grand_total", ""),
        ("STIR: 305123456", "vat", "305123456"),
        ("Jami (QQSsiz):", "tax_exclusive_total", ""),
        ("Numru tal-VAT: MT 1234 5678", "vat", "MT 1234 5678"),
        ("Total mingħajr VAT", "tax_exclusive_total", ""),
        ("Namba ya ankara: KAT/0927", "invoice_number", "KAT/0927"),
        ("VRN: 40-012345-A", "vat", "40-012345-A"),
        ("Jumla kuu", "grand_total", ""),
        ("Ipinagbili kay:", "buyer", ""),
        ("KABUUANG DAPAT BAYARAN:", "due_payable", ""),
        ("РАХУНАК-ФАКТУРА № 0457", "invoice_number", "0457"),
        ("Усяго з ПДВ:", "grand_total", ""),
        ("Пастаўшчык:", "seller", ""),
        ("ЭСЕП-ФАКТУРА № 2026-118", "invoice_number", "2026-118"),
        ("КНСсыз жыйынтыгы:", "tax_exclusive_total", ""),
        ("Сатып алуучу:", "buyer", ""),
        ("Base imposable", "tax_exclusive_total", ""),
        ("Rhif anfoneb: MWT-1190", "invoice_number", "MWT-1190"),
        ("Rhif TAW: GB 287 6543 21", "vat", "GB 287 6543 21"),
        ("Cyfanswm i'w dalu", "due_payable", ""),
        ("PDV broj: 227654320004", "vat", "227654320004"),
        ("STRN: 32-77-8761-234-56", "vat", "32-77-8761-234-56"),
        ("Total Value Excluding Sales Tax", "tax_exclusive_total", ""),
        ("Net credit", "tax_exclusive_total", ""),
    ],
)
def test_a_label_of_the_new_languages(text: str, key: str, rest: str) -> None:
    found = label_matches(text).get(key)
    assert found is not None
    assert found.rest == rest


@pytest.mark.parametrize(
    "text",
    [
        "Ankara Tekstil A.Ş.",  # Turkey's capital, no Swahili invoice
        "Total Value Including Sales Tax (PKR)",  # the gross, not the net
    ],
)
def test_no_number_or_net_total_where_none_is(text: str) -> None:
    found = label_matches(text)
    assert "tax_exclusive_total" not in found
    assert "invoice_number" not in found


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026 yil 12 may", "2026-05-12"),
        ("27 oktyabr 2026", "2026-10-27"),
        ("2026 жылғы 3 наурыз", "2026-03-03"),
        ("2026-жылдын 20-апрели", "2026-04-20"),
        ("15 студзеня 2026 г.", "2026-01-15"),
        ("12 ta' Marzu 2026", "2026-03-12"),
        ("Hunyo 5, 2026", "2026-06-05"),
        ("3 de febrer de 2026", "2026-02-03"),
        ("5 d'abril de 2026", "2026-04-05"),
        ("9 Medi 2026", "2026-09-09"),
        ("21 prill 2026", "2026-04-21"),
    ],
)
def test_dates_of_the_new_languages(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "code"),
    [("copë", "H87"), ("ədəd", "H87"), ("dona", "H87"), ("даана", "H87"), ("biċċa", "H87"),
     ("piraso", "H87"), ("uned", "H87"), ("kq", "KGM"), ("m3", "MTQ"), ("тонна", "TNE"),
     ("soat", "HUR"), ("gunia", "XSA")],  # (session 33) a sack: Rec 21 SA, no longer XBG
)  # fmt: skip
def test_units_of_the_new_languages(text: str, code: str) -> None:
    assert unit_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rruga Sadik Zotaj, Vlorë, Shqipëri", "AL"),
        ("Atatürk pr. 15, Gəncə, Azərbaycan", "AZ"),
        ("Buxoro sh., Navoiy shoh ko'chasi 9, O'zbekiston", "UZ"),
        ("45 Mabini St., Lungsod ng Batangas, Pilipinas", "PH"),
        ("Drefach Felindre, Llandysul SA44 5UP, Cymru", "GB"),
        ("Република Северна Македонија", "MK"),
    ],
)
def test_countries_of_the_new_languages(text: str, code: str) -> None:
    assert country_code(text) == code
