"""Session 29 (invoices25): batch 31 (tests/documents/layouts_batch31.py) read out of sample,
batch 30's left items, and the general rules behind them. Each document here is a small
invoice of its own, not one of the batch's."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents.layout import country_code, label_matches, parse_date, unit_code

# the small invoice of test_layout_invoices24.py (the first test file of its kind)
from tests.documents.test_layout_invoices24 import _COLUMNS, _invoice, _read

_ROW = ["1", "Cement 42.5 kg", "bag", "100", "45.00", "4,500.00"]


def _signed(sign: str) -> list[str]:
    return ["1", "Cement 42.5 kg", "bag", "100", sign.format("45.00"), sign.format("4,500.00")]


# -- currency signs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sign", "home", "currency"),
    [("WS${}", "Apia, Samoa", "WST"),
     ("T${}", "Nuku'alofa, Kingdom of Tonga", "TOP"),
     ("{} Gdes", "Port-au-Prince, Haïti", "HTG"),
     ("ZiG {}", "Harare, Zimbabwe", "ZWG"),
     ("{} VT", "Port-Vila, Vanuatu", "VUV"),
     ("QR {}", "Doha, State of Qatar", "QAR")],
)  # fmt: skip
def test_a_currency_sign_of_samoa_tonga_haiti_zimbabwe_vanuatu_qatar(
    tmp_path: Path, sign: str, home: str, currency: str
) -> None:
    """The sign beside every amount names the currency (main: null, and the totals with it)."""
    s = _invoice(["Harbour Traders Ltd", home], "INVOICE",
                 [("Invoice No:", "HT-2026-901"), ("Date:", "5 December 2026")],
                 ["Bill To:", "Island Stores Ltd", home],
                 _COLUMNS, [_signed(sign)], [("Total", sign.format("4,500.00"))])  # fmt: skip
    got = _read(tmp_path, s)
    assert got.currency == currency
    assert got.grand_total is not None and float(got.grand_total) == 4500


@pytest.mark.parametrize(("sign", "home"), [("{} VT", "Apia, Samoa"),
                                            ("QR {}", "Muscat, Sultanate of Oman")])  # fmt: skip
def test_vt_and_qr_name_no_currency_for_another_seller(
    tmp_path: Path, sign: str, home: str
) -> None:
    """Guard: 'VT' is Vermont and 'QR' a QR code elsewhere; they name a currency only on a
    Vanuatu's or a Qatari seller's invoice (passes on main, which knows neither)."""
    s = _invoice(["Harbour Traders Ltd", home], "INVOICE",
                 [("Invoice No:", "HT-2026-902"), ("Date:", "5 December 2026")],
                 ["Bill To:", "Island Stores Ltd", home],
                 _COLUMNS, [_signed(sign)], [("Total", sign.format("4,500.00"))])  # fmt: skip
    assert _read(tmp_path, s).currency is None


def test_vermont_zip_code_is_no_vatu_amount(tmp_path: Path) -> None:
    """Guard: 'VT 05401' (before a figure) is Vermont's ZIP code, never an amount in vatu."""
    s = _invoice(["Lakeside Hardware LLC", "88 Main Street", "Burlington, VT 05401"], "INVOICE",
                 [("Invoice No:", "LH-2026-14"), ("Date:", "Dec 5, 2026")],
                 ["Bill To:", "Island Stores Ltd", "Port-Vila, Vanuatu"],
                 _COLUMNS, [_ROW], [("Total", "$4,500.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert got.currency != "VUV"
    assert got.grand_total is not None and float(got.grand_total) == 4500


def test_the_currency_named_in_the_amount_in_words(tmp_path: Path) -> None:
    """'Amount in words: Qatari Riyals … Only' with no sign beside the figures names QAR."""
    s = _invoice(["Harbour Traders W.L.L.", "Doha, State of Qatar"], "INVOICE",
                 [("Invoice No:", "HT-2026-903"), ("Date:", "5 December 2026")],
                 ["Bill To:", "Island Stores LLC", "Muscat, Sultanate of Oman"],
                 _COLUMNS, [_ROW], [("Total Amount", "4,500.00")])  # fmt: skip
    s.text(15, 90, "Amount in words: Qatari Riyals Four Thousand Five Hundred Only.", size=7.5)
    assert _read(tmp_path, s).currency == "QAR"


# -- countries, months, units --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code"),
    [("Kuala Belait KA1131, Negara Brunei Darussalam", "BN"),
     ("Degmada Hodan, Muqdisho, Soomaaliya", "SO"),
     ("BP 1204, Port-Vila, République de Vanuatu", "VU"),
     ("Lot 7, Walu Bay, Suva, Fiji Islands", "FJ")],
)  # fmt: skip
def test_a_country_in_its_own_language_or_an_older_name(line: str, code: str) -> None:
    assert country_code(line) == code


def test_brunei_in_malay_gives_the_b_dollar_its_home(tmp_path: Path) -> None:
    """Batch 30's left item: 'Negara Brunei Darussalam' is Brunei, so 'B$' is BND."""
    s = _invoice(["Seria Traders Sdn Bhd", "Kuala Belait KA1131",
                  "Negara Brunei Darussalam   Tel: +673 333 4512"], "INVOICE",
                 [("Invoice No.", "ST-26-118"), ("Date", "4 December 2026")],
                 ["Sold to:", "Bangar Works", "Temburong PA1151, Brunei"],
                 _COLUMNS, [_signed("B$ {}")], [("Total Amount", "B$ 4,500.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.seller_country, got.currency) == ("BN", "BND")


@pytest.mark.parametrize(
    ("text", "iso"),
    [("5 Tesema 2026", "2026-12-05"), ("12 Aokuso 2026", "2026-08-12"),
     ("3 Diseembar 2026", "2026-12-03"), ("20 Luulyo 2026", "2026-07-20")],
)  # fmt: skip
def test_samoan_and_somali_month_names(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("printed", "languages", "code"),
    [("bundle", set(), "XBE"), ("bdl", set(), "XBE"), ("doz", set(), "DZN"),
     ("dozen", set(), "DZN"), ("zak", set(), "XBG"), ("doos", set(), "XBX"),
     ("kiish", set(), "XBG"), ("t", {"fr"}, "TNE")],
)  # fmt: skip
def test_unit_words(printed: str, languages: set[str], code: str) -> None:
    assert unit_code(printed, frozenset(languages)) == code


@pytest.mark.parametrize(("printed", "languages", "code"),
                         [("t", set(), None), ("t", {"nb"}, "HUR")])  # fmt: skip
def test_t_alone_stays_by_language(printed: str, languages: set[str], code: str | None) -> None:
    """Guard: 't' without a language is no unit; Norwegian 't' stays hours."""
    assert unit_code(printed, frozenset(languages)) == code


# -- seller ids ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "home", "vat"),
    [("TPN: DAA12345   Ph: +975 5 271 234", "Phuentsholing, Bhutan", "DAA12345"),
     ("GST TIN: 1023456GST501", "Malé 20057, Republic of Maldives", "1023456GST501"),
     ("C.R. No.: 104522   Tax Card No.: 5012345678", "Doha, State of Qatar", "5012345678"),
     ("VAGST Reg No: 104567", "Apia, Samoa", "104567")],
)  # fmt: skip
def test_the_seller_id_of_bhutan_the_maldives_qatar_samoa(
    tmp_path: Path, line: str, home: str, vat: str
) -> None:
    s = _invoice(["Harbour Traders Ltd", home, line], "INVOICE",
                 [("Invoice No:", "HT-2026-904"), ("Date:", "5 December 2026")],
                 ["Bill To:", "Island Stores Ltd", "Suva, Fiji"],
                 _COLUMNS, [_ROW], [("Total", "4,500.00")])  # fmt: skip
    assert _read(tmp_path, s).seller_vat_id == vat


def test_tpn_needs_its_three_letters_and_five_digits() -> None:
    """Guard: 'TPN' before anything else labels no id."""
    assert "vat" in label_matches("TPN: DAA12345")
    assert "vat" not in label_matches("TPN: 12345")
    assert "vat" not in label_matches("TPN Logistics")


def test_suriname_fin_is_the_tax_id_not_the_kkf_number(tmp_path: Path) -> None:
    s = _invoice(["Commewijne Handel N.V.", "Paramaribo, Suriname",
                  "KKF-nr.: 45123   FIN: 3000456789"], "FACTUUR",
                 [("Factuurnr.:", "F-2026-1133"), ("Datum:", "3 december 2026")],
                 ["Aan:", "Demerara Food Distributors Inc.", "Georgetown, Guyana"],
                 [("Omschrijving", 15, 82, "L"), ("Eenheid", 99, 14, "L"),
                  ("Aantal", 115, 12, "R"), ("Prijs", 129, 26, "R"), ("Bedrag", 157, 38, "R")],
                 [["Rijst, zak 25 kg", "zak", "100", "45,00", "4.500,00"]],
                 [("Subtotaal", "SRD 4.500,00"), ("BTW 10%", "SRD 450,00"),
                  ("Totaal creditnota", "SRD 4.950,00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert got.seller_vat_id == "3000456789"
    assert got.buyer_name == "Demerara Food Distributors Inc."
    assert got.grand_total is not None and float(got.grand_total) == 4950
    assert [line.unit_code for line in got.line_items] == ["XBG"]


# -- amount labels -------------------------------------------------------------------------------


def test_samoa_vagst_totals(tmp_path: Path) -> None:
    s = _invoice(["Vaitele Produce Ltd", "Apia, Samoa"], "TAX INVOICE",
                 [("Invoice No:", "VP-2026-05"), ("Date:", "5 December 2026")],
                 ["Bill To:", "Island Stores Ltd", "Suva, Fiji"],
                 _COLUMNS, [_ROW],
                 [("Total excl. VAGST", "4,500.00"), ("VAGST 15%", "675.00"),
                  ("Total incl. VAGST", "5,175.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "4500.00",
        "675.00",
        "5175.00",
    )


def test_tonga_value_before_ct(tmp_path: Path) -> None:
    s = _invoice(["Vava'u Growers Ltd", "Nuku'alofa, Kingdom of Tonga"], "INVOICE",
                 [("Invoice No:", "VG-26-14"), ("Date:", "3 December 2026")],
                 ["Consignee:", "Suva Fresh Markets Ltd", "Suva, Fiji"],
                 _COLUMNS, [_ROW],
                 [("Value before CT", "4,500.00"), ("Consumption Tax 15%", "675.00"),
                  ("Total Payable", "5,175.00")], gap=30)  # fmt: skip
    assert _read(tmp_path, s).tax_exclusive_total == "4500.00"


def test_haiti_tca_is_the_tax(tmp_path: Path) -> None:
    s = _invoice(["Comptoir de Pétion-Ville S.A.", "Pétion-Ville, Haïti"], "FACTURE",
                 [("Facture No :", "CP-26-12"), ("Date :", "2 décembre 2026")],
                 ["Facturé à :", "Distribuidora del Cibao S.R.L.",
                  "Santiago, République dominicaine"],
                 [("N°", 15, 8, "L"), ("Désignation", 25, 72, "L"), ("Unité", 99, 12, "L"),
                  ("Qté", 113, 14, "R"), ("P.U.", 129, 26, "R"), ("Montant", 157, 38, "R")],
                 [["1", "Ciment 42,5 kg", "sac", "100", "45,00", "4 500,00"]],
                 [("Sous-total", "4 500,00 Gdes"), ("TCA 10 %", "450,00 Gdes"),
                  ("Total à payer", "4 950,00 Gdes")])  # fmt: skip
    assert _read(tmp_path, s).tax_total == "450.00"


def test_somali_labels_and_table(tmp_path: Path) -> None:
    s = _invoice(["Xamar Trading Co.", "Muqdisho, Soomaaliya"], "QAANSHEEG",
                 [("Lambarka:", "XT-26-07"), ("Taariikhda:", "3 Diseembar 2026")],
                 ["Macmiilka:", "Garissa Wholesale Ltd", "Garissa, Kenya"],
                 [("No.", 15, 8, "L"), ("Faahfaahin", 25, 72, "L"), ("Cabbir", 99, 12, "L"),
                  ("Tirada", 113, 14, "R"), ("Qiimaha", 129, 26, "R"), ("Wadarta", 157, 38, "R")],
                 [["1", "Bariis basmati, 25 kg", "kiish", "100", "45.00", "4,500.00"]],
                 [("Wadarta guud", "4,500.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.invoice_number, got.type_code, got.issue_date) == ("XT-26-07", "380", "2026-12-03")
    assert (got.seller_country, got.buyer_name) == ("SO", "Garissa Wholesale Ltd")
    assert got.grand_total is not None and float(got.grand_total) == 4500
    assert [(line.unit_code, line.amount) for line in got.line_items] == [("XBG", "4500.00")]


def test_efris_fiscal_document_number_is_the_invoice_number() -> None:
    assert label_matches("Fiscal Document Number: 322184001234567")["invoice_number"].rest
    assert "invoice_number" in label_matches("Fiscal Document No.")


# -- table headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("price", ["Unit BDS$", "Unit (USD)", "Unit EUR"])
def test_a_unit_header_with_a_currency_is_the_unit_price(tmp_path: Path, price: str) -> None:
    """Batch 30's left item: 'Unit' beside 'Unit BDS$': the second is the unit price (main:
    the unit price null, the unit column read twice)."""
    s = _invoice(["Bridgetown Provisions Inc.", "St. Michael, Barbados"], "INVOICE",
                 [("Invoice No.", "BP-77"), ("Date", "3 December 2026")],
                 ["Customer:", "Grenadine Yacht Services Ltd", "Kingstown, St. Vincent"],
                 [("Description", 15, 82, "L"), ("Unit", 99, 12, "L"), ("Qty", 113, 14, "R"),
                  (price, 129, 26, "R"), ("Amount", 157, 38, "R")],
                 [["Mount Gay rum, case of 12", "case", "60", "410.00", "24,600.00"]],
                 [("Total Due", "24,600.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert [(line.unit_code, line.quantity, line.unit_price) for line in got.line_items] == [
        ("XCS", "60", "410")
    ]


def test_ext_alone_heads_the_amount(tmp_path: Path) -> None:
    s = _invoice(["Vava'u Growers Ltd", "Nuku'alofa, Kingdom of Tonga"], "INVOICE",
                 [("Invoice No:", "VG-26-15"), ("Date:", "3 December 2026")],
                 ["Consignee:", "Suva Fresh Markets Ltd", "Suva, Fiji"],
                 [("Item", 15, 10, "L"), ("Particulars", 26, 70, "L"), ("Unit", 97, 14, "L"),
                  ("Qty", 113, 12, "R"), ("Rate T$", 127, 28, "R"), ("Ext. T$", 157, 38, "R")],
                 [["1", "Vanilla beans, cured", "kg", "100", "45.00", "4,500.00"]],
                 [("Total", "T$4,500.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert [(line.description, line.amount) for line in got.line_items] == [
        ("Vanilla beans, cured", "4500.00")
    ]


def test_efris_summary_gross_amount_is_the_total(tmp_path: Path) -> None:
    """Uganda's EFRIS summary: 'Net Amount', 'Tax Amount', 'Gross Amount' (the total)."""
    s = _invoice(["Nile Basin Millers Ltd", "Plot 14, Jinja Road, Kampala, Uganda"], "INVOICE",
                 [("Invoice No:", "NB-26-12"), ("Date:", "2 December 2026")],
                 ["Bill To:", "Gulu Traders Ltd", "Gulu, Uganda"],
                 _COLUMNS, [_ROW],
                 [("Net Amount", "4,500.00"), ("Tax Amount", "810.00"),
                  ("Gross Amount", "5,310.00")])  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.tax_exclusive_total, got.grand_total) == ("4500.00", "5310.00")


# -- Faroese (batch 29's left item) -------------------------------------------------------------


def test_a_faroese_faktura(tmp_path: Path) -> None:
    """Faroese labels, 'kr.' from a Faroese seller (the Danish krone), 'Føroyar', the table's
    Faroese headers (main: date, currency, V-tal, countries, buyer, net and tax null)."""
    s = _invoice(["Føroya Fiskavirki P/F", "FO-100 Tórshavn, Føroyar", "V-tal: 612345"], "FAKTURA",
                 [("Fakturanr.:", "26-0901"), ("Dagfesting:", "4. desember 2026")],
                 ["Keypari:", "Fiskehandel Nord ApS", "9850 Hirtshals, Danmark"],
                 [("Nr.", 15, 8, "L"), ("Lýsing", 25, 72, "L"), ("Eind", 99, 12, "L"),
                  ("Nøgd", 113, 14, "R"), ("Prísur", 129, 26, "R"), ("Upphædd", 157, 38, "R")],
                 [["1", "Saltfiskur, 25 kg kassi", "kassi", "100", "45,00", "4.500,00"]],
                 [("Samtals uttan MVG", "4.500,00 kr."), ("MVG 0 %", "0,00 kr."),
                  ("Samtals at gjalda", "4.500,00 kr.")])  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.issue_date, got.currency, got.seller_vat_id) == ("2026-12-04", "DKK", "612345")
    assert (got.seller_country, got.buyer_name, got.buyer_country) == (
        "FO",
        "Fiskehandel Nord ApS",
        "DK",
    )
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "4500.00",
        "0.00",
        "4500.00",
    )
    assert [(line.unit_code, line.amount) for line in got.line_items] == [("XBX", "4500.00")]
