"""Session 28 (invoices24): general rules behind batch 29's misses and wrong values
(tests/documents/layouts_batch29.py), and the gaps session 27 left (docs/documents.md,
"session 28, 2026-12-06: batch 29"). Each document here is a small realistic invoice of its
own, not one of the batch's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from clearlane.documents.extraction import extract
from clearlane.documents.layout import (
    _currency_word,
    currency_code,
    label_matches,
    net_not_gross,
    parse_date,
    parse_number,
    unit_code,
    vat_id,
)
from clearlane.documents.models import Extraction
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2


def _read(tmp_path: Path, sheet: Sheet2) -> Extraction:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(sheet.output())
    return extract(path)


def _invoice(
    seller: list[str], title: str, pairs: list[tuple[str, str]], buyer: list[str],
    columns: list[tuple[str, float, float, str]], rows: list[list[str]],
    totals: list[tuple[str, str]], *, gap: float = 30,
) -> Sheet2:  # fmt: skip
    s = Sheet2()
    s.text(15, 10, seller[0], size=12, bold=True)
    _block(s, 15, 16, seller[1:], size=7.5)
    s.text(140, 10, title, size=13, bold=True)
    s.pairs(125, 18, pairs, gap=gap, step=4.6)
    _block(s, 15, 36, buyer, size=8)
    y = _table(s, 56, columns, rows)
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 155, y + 3, totals, width=40, size=8.5)
    return s


_COLUMNS = [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
            ("Qty", 113, 14, "R"), ("Unit Price", 129, 26, "R"),
            ("Amount", 157, 38, "R")]  # fmt: skip


# -- units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "code"),
    [("MT", "TNE"), ("M/T", "TNE"), ("roll", "XRO"), ("rollos", "XRO"), ("bale", "XBL"),
     ("fardo", "XBL"), ("funda", "XBG"), ("mt", None)],
)  # fmt: skip
def test_unit_words(printed: str, code: str | None) -> None:
    # 'MT' in capitals is the traders' metric tonne; lower-case 'mt' is Italy's metre (no code)
    assert unit_code(printed) == code


def test_metric_tonnes_in_a_commodity_invoices_line_table(tmp_path: Path) -> None:
    # a Tanzanian sisal exporter: 'MT' in the unit column, the price per tonne
    s = _invoice(
        ["Tanga Sisal Exporters Ltd", "Plot 14, Port Road, Tanga, Tanzania", "TIN: 100-234-567"],
        "INVOICE", [("Invoice No.:", "TSE/26/088"), ("Date:", "02 December 2026")],
        ["Buyer:", "Qingdao Rope Works Co., Ltd.", "Qingdao, China"],
        [("No.", 15, 8, "L"), ("Description", 25, 72, "L"), ("Unit", 99, 12, "L"),
         ("Qty", 113, 14, "R"), ("Price USD/MT", 129, 26, "R"), ("Amount USD", 157, 38, "R")],
        [["1", "Sisal fibre UG grade, bales", "MT", "60.000", "1,640.00", "98,400.00"]],
        [("Total (USD)", "98,400.00")],
    )  # fmt: skip
    [line] = _read(tmp_path, s).line_items
    assert (line.unit_code, line.quantity, line.unit_price) == ("TNE", "60", "1640")


def test_a_portuguese_price_column_per_tonne(tmp_path: Path) -> None:
    # 'Preço USD/MT' (Guinea-Bissau's cashew, decimal commas): Portuguese 'Preço' alone heads
    # the unit price, as Spanish 'Precio'
    s = _invoice(
        ["Cacheu Caju Exportação, Lda.", "Rua 12, Cacheu, Guiné-Bissau", "NIF: 510987654"],
        "FATURA", [("N.º:", "FC-2026/071"), ("Data:", "03/12/2026")],
        ["Comprador:", "Kerala Cashew Processors Pvt Ltd", "Kollam, India"],
        [("N.º", 15, 8, "L"), ("Descrição", 25, 72, "L"), ("Unid.", 99, 12, "L"),
         ("Qtd.", 113, 14, "R"), ("Preço USD/MT", 129, 26, "R"), ("Valor USD", 157, 38, "R")],
        [["1", "Castanha de caju in natura, KOR 47", "MT", "150", "1.280,00", "192.000,00"]],
        [("Total a pagar (USD)", "192.000,00")],
    )  # fmt: skip
    [line] = _read(tmp_path, s).line_items
    assert (line.unit_code, line.unit_price, line.amount) == ("TNE", "1280", "192000.00")


# -- a currency's word in a column header -------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "is_one"),
    [("USD", True), ("RD$", True), ("Bs.", True), ("USD/MT", True), ("US$/Pc", True),
     ("€/kg", True), ("R", False), ("Qty", False), ("Unit", False), ("kg", False)],
)  # fmt: skip
def test_a_currency_word_in_a_header(word: str, is_one: bool) -> None:
    assert _currency_word(word) is is_one


def test_a_price_column_headed_with_its_currencys_sign(tmp_path: Path) -> None:
    # 'Precio RD$': the sign's word belongs to the price column (its figures right-aligned
    # under the sign), not a column of its own. (A guard: main read this one table right; the
    # failing-before test of the rule is the 'Price USD/MT' one above.)
    s = _invoice(
        ["Agroindustrial Cibao, S.R.L.", "Av. Estrella Sadhalá 22, Santiago, República Dominicana"],
        "FACTURA", [("Factura No.:", "FAC-2026-3312"), ("Fecha:", "01/12/2026")],
        ["Cliente:", "Colmado La Esquina, S.R.L.", "La Vega, República Dominicana"],
        [("#", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
         ("Cant.", 113, 14, "R"), ("Precio RD$", 129, 26, "R"), ("Valor RD$", 157, 38, "R")],
        [["1", "Arroz selecto, saco 125 lb", "saco", "40", "3,150.00", "126,000.00"]],
        [("Total", "RD$ 126,000.00")],
    )  # fmt: skip
    [line] = _read(tmp_path, s).line_items
    # (session 33) a saco is a sack, Rec 21 SA (XBG until then)
    assert (line.unit_price, line.amount, line.unit_code) == ("3150", "126000.00", "XSA")


# -- currency signs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sign", "code"), [("RD$", "DOP"), ("FJ$", "FJD"), ("₡", "CRC"), ("ECV", "CVE")]
)
def test_currency_signs(sign: str, code: str) -> None:
    assert currency_code(sign) == code


@pytest.mark.parametrize(
    ("text", "value"),
    [("RD$ 12,345.50", "12345.50"), ("FJ$ 1,200.00", "1200.00"), ("₡1 234 567,89", "1234567.89"),
     ("MK 1,234,567.50", "1234567.50"), ("1.027.500$00", "1027500.00"),
     ("1.234$50 ECV", "1234.50"), ("6 850$00", "6850.00"), ("150$00", "150.00")],
)  # fmt: skip
def test_amounts_with_their_signs(text: str, value: str) -> None:
    # (the cifrão between the escudos and their centavos: Cape Verde's decimal separator)
    assert parse_number(text, None) == Decimal(value)


@pytest.mark.parametrize("text", ["12$3", "1.23$45", "MKD 12", "$ 12$00"])
def test_no_amount_where_the_sign_is_no_separator(text: str) -> None:
    assert parse_number(text, None) in (None, Decimal("12"))  # 'MKD 12' stays the denar's


def _home_currency(tmp_path: Path, country: str, town: str, sign: str) -> str | None:
    s = _invoice(
        [f"Island Traders ({country}) Ltd", f"12 Market Street, {town}, {country}"],
        "TAX INVOICE", [("Invoice No.:", "IT-26-0071"), ("Date:", "3 December 2026")],
        ["Invoice to:", "Harbour View Hotel Ltd", f"{town}, {country}"],
        _COLUMNS, [["1", "Bath towels, white", "pcs", "100", f"{sign} 185.00",
                    f"{sign} 18,500.00"]],
        [("Total excl. VAT", f"{sign} 18,500.00"), ("VAT 15%", f"{sign} 2,775.00"),
         ("Total incl. VAT", f"{sign} 21,275.00")],
    )  # fmt: skip
    return _read(tmp_path, s).currency


def test_the_seychelles_rupee(tmp_path: Path) -> None:
    # 'Rs' on a Seychellois invoice is the SCR, as on an Indian one the INR
    assert _home_currency(tmp_path, "Seychelles", "Victoria, Mahé", "Rs") == "SCR"


def test_the_malawian_kwacha(tmp_path: Path) -> None:
    assert _home_currency(tmp_path, "Malawi", "Blantyre", "MK") == "MWK"


def test_the_botswana_pula(tmp_path: Path) -> None:
    # 'P 18,500.00': a sign only before a space and a figure, Botswana's own
    assert _home_currency(tmp_path, "Botswana", "Gaborone", "P") == "BWP"


def test_dollars_where_the_dollar_is_the_countrys_own(tmp_path: Path) -> None:
    # El Salvador's currency is the US dollar: its '$' names no other
    assert _home_currency(tmp_path, "El Salvador", "San Salvador", "$") == "USD"


def test_cape_verdean_escudos_with_the_cifrao(tmp_path: Path) -> None:
    s = _invoice(
        ["Mindelo Pescas, Lda.", "Rua Santo António 4, Mindelo, Cabo Verde", "NIF: 252987654"],
        "FATURA", [("N.º:", "FT 2026/311"), ("Data:", "02/12/2026")],
        ["Cliente:", "Hotel Morabeza, S.A.", "Santa Maria, Sal, Cabo Verde"],
        [("N.º", 15, 8, "L"), ("Descrição", 25, 72, "L"), ("Unid.", 99, 12, "L"),
         ("Qtd.", 113, 14, "R"), ("Preço unit.", 129, 26, "R"), ("Valor", 157, 38, "R")],
        [["1", "Atum fresco, kg", "kg", "250", "1.150$00", "287.500$00"]],
        [("Total ilíquido", "287.500$00 ECV"), ("IVA 15%", "43.125$00 ECV"),
         ("Total a pagar", "330.625$00 ECV")],
    )  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.currency, got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "CVE",
        "287500.00",
        "43125.00",
        "330625.00",
    )
    assert got.line_items[0].amount == "287500.00"


# -- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "field"),
    [("ITBIS 18%", "tax_total"), ("IGI 4,5 %", "tax_total"), ("Sumas", "tax_exclusive_total"),
     ("Total venta neta", "tax_exclusive_total"), ("Total impuesto (IVA 13%)", "tax_total"),
     ("Total comprobante", "grand_total"), ("Total nota de crédito", "grand_total"),
     ("NCF: B0400000087", "invoice_number"), ("Consecutivo:", "invoice_number"),
     ("Deliver and invoice to:", "buyer")],
)  # fmt: skip
def test_labels(label: str, field: str) -> None:
    assert field in label_matches(label)


@pytest.mark.parametrize(
    ("label", "value"),
    [("RNC: 1-31-12345-6", "131123456"), ("Cédula Jurídica: 3-101-123456", "3101123456"),
     ("TPIN: 70123456", "70123456"), ("NRT: L-712345-X", "L712345X"),
     ("MWST-Nr. 51234", "51234"), ("MWST-Nr.: 512 345", "512345")],
)  # fmt: skip
def test_tax_id_labels(label: str, value: str) -> None:
    found = label_matches(label).get("vat")
    assert found is not None and vat_id(found.rest) == value


@pytest.mark.parametrize("rest", ["51234 Tel. 123", "2026", "1234"])
def test_a_short_id_only_alone_on_its_run(rest: str) -> None:
    assert vat_id(rest) is None


def test_a_liechtenstein_mwst_number(tmp_path: Path) -> None:
    s = _invoice(
        ["Alpenrhein Feinmechanik AG", "Landstrasse 112, 9490 Vaduz, Liechtenstein",
         "MWST-Nr. 51234"],
        "RECHNUNG", [("Rechnung Nr.", "AF-2026-0456"), ("Datum:", "04.12.2026")],
        ["Kunde:", "Montafon Seilbahnen GmbH", "6780 Schruns, Österreich"],
        [("Pos.", 15, 8, "L"), ("Bezeichnung", 25, 72, "L"), ("Einheit", 99, 12, "L"),
         ("Menge", 113, 14, "R"), ("Preis CHF", 129, 26, "R"), ("Betrag CHF", 157, 38, "R")],
        [["1", "Präzisionslager 6204-2RS", "Stk", "200", "18.40", "3'680.00"]],
        [("Total CHF", "3'680.00")],
    )  # fmt: skip
    assert _read(tmp_path, s).seller_vat_id == "51234"


def test_the_country_of_an_address_line_with_an_id_beside_it(tmp_path: Path) -> None:
    # 'República Dominicana   RNC: 1-30-45678-9': the country and the id, two runs of one line
    s = _invoice(
        ["Ferretería Oriental, S.R.L.", "Av. España 45, San Pedro de Macorís 21000",
         "República Dominicana   RNC: 1-30-45678-9"],
        "FACTURA", [("NCF:", "B0100004521"), ("Fecha:", "05/12/2026")],
        ["Cliente:", "Constructora Higüey, S.R.L.", "Higüey, República Dominicana"],
        [("#", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
         ("Cant.", 113, 14, "R"), ("Precio RD$", 129, 26, "R"), ("Valor RD$", 157, 38, "R")],
        [["1", "Cemento gris, funda 42.5 kg", "funda", "300", "395.00", "118,500.00"]],
        [("Subtotal", "RD$ 118,500.00"), ("ITBIS 18%", "RD$ 21,330.00"),
         ("Total", "RD$ 139,830.00")],
    )  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.seller_country, got.seller_vat_id, got.invoice_number) == (
        "DO",
        "130456789",
        "B0100004521",
    )
    assert (got.currency, got.tax_total) == ("DOP", "21330.00")


# -- dates --------------------------------------------------------------------------------------


def test_a_month_two_languages_name_differently_by_the_pages_language() -> None:
    # 'listopada' is November in Polish, October in Croatian: read by the page's language
    assert parse_date("12 listopada 2026") is None
    assert parse_date("12 listopada 2026 r.", languages=frozenset({"pl"})) == "2026-11-12"
    assert parse_date("12 listopada 2026", languages=frozenset({"hr"})) == "2026-10-12"
    assert parse_date("12 listopada 2026", languages=frozenset({"pl", "hr"})) is None


def test_a_polish_invoices_date_in_the_genitive(tmp_path: Path) -> None:
    s = _invoice(
        ["Hurtownia Wisła Sp. z o.o.", "ul. Portowa 12, 80-001 Gdańsk, Polska",
         "NIP: 583-123-45-67"],
        "FAKTURA VAT", [("Faktura nr", "FV/2026/11/0342"),
                        ("Data wystawienia:", "12 listopada 2026 r.")],
        ["Nabywca:", "Sklep Bałtyk Sp. z o.o.", "ul. Morska 5, 81-225 Gdynia, Polska"],
        [("Lp.", 15, 8, "L"), ("Nazwa towaru", 25, 72, "L"), ("J.m.", 99, 12, "L"),
         ("Ilość", 113, 14, "R"), ("Cena netto", 129, 26, "R"), ("Wartość netto", 157, 38, "R")],
        [["1", "Śledź solony, beczka 10 kg", "szt", "40", "215,00", "8 600,00"]],
        [("Razem netto", "8 600,00 zł"), ("VAT 5%", "430,00 zł"), ("Razem brutto", "9 030,00 zł")],
        gap=34,
    )  # fmt: skip
    assert _read(tmp_path, s).issue_date == "2026-11-12"


# -- a net read that is the gross ---------------------------------------------------------------


def test_a_net_equal_to_the_gross_beside_a_tax_is_none() -> None:
    read = Extraction(tax_exclusive_total="7537.10", tax_total="867.10", grand_total="7537.10")
    net_not_gross(read)
    assert read.tax_exclusive_total is None
    untaxed = Extraction(tax_exclusive_total="500.00", tax_total="0.00", grand_total="500.00")
    net_not_gross(untaxed)
    assert untaxed.tax_exclusive_total == "500.00"  # no tax: the net is the gross


def test_el_salvadors_sumas_and_subtotal(tmp_path: Path) -> None:
    # a comprobante de crédito fiscal: 'Sumas' (the net), '13% IVA', 'Subtotal' (net and IVA)
    s = _invoice(
        ["Distribuidora Oriental, S.A. de C.V.", "San Miguel, El Salvador",
         "NIT: 1217-010190-101-3"],
        "CRÉDITO FISCAL", [("N° de factura:", "CCF-004512"), ("Fecha:", "03/12/2026")],
        ["Cliente:", "Ferretería El Volcán, S.A. de C.V.", "Usulután, El Salvador"],
        [("N°", 15, 8, "L"), ("Descripción", 25, 72, "L"), ("Unidad", 99, 12, "L"),
         ("Cant.", 113, 14, "R"), ("Precio unitario", 129, 26, "R"),
         ("Ventas gravadas", 157, 38, "R")],
        [["1", "Lámina galvanizada 10 pies", "unidad", "100", "$12.50", "$1,250.00"]],
        [("Sumas", "$1,250.00"), ("13% IVA", "$162.50"), ("Subtotal", "$1,412.50"),
         ("Total a pagar", "$1,412.50")],
    )  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.tax_exclusive_total, got.tax_total, got.grand_total) == (
        "1250.00",
        "162.50",
        "1412.50",
    )


@pytest.mark.parametrize(
    ("place", "printed"), [("Hamburg, den", "12.03.2026"), ("Hamburg, den", "12. März 2026")]
)
def test_a_letters_formula_glued_to_the_date_beside_it(
    tmp_path: Path, place: str, printed: str
) -> None:
    # the pair's label and value 3 mm apart join in one run, no space between them
    # ('Hamburg, den12.03.2026'): the formula is still the date's
    s = Sheet2()
    s.text(15, 15, "Rheintal Handel AG", size=14, bold=True)
    s.pairs(120, 30, [("Rechnung Nr.", "RH-1187"), (place, printed)], gap=25)
    assert _read(tmp_path, s).issue_date == "2026-03-12"


# Three gaps session 27 listed that main already reads (guards, passing before and after):
# German 'Hamburg, den 12.03.2026' on one line (letter_date's formula), 'Fecha de emisión'
# (batch 28's Venezuelan null was its label overprinting its value, 32.5 mm of label in a
# 28 mm gap), and currency codes inside total labels ('Total (EUR)', 'Importe total USD').


def test_a_german_letters_place_and_den_before_the_date(tmp_path: Path) -> None:
    s = Sheet2()
    s.text(15, 10, "Elbe Maschinenteile GmbH", size=12, bold=True)
    _block(s, 15, 16, ["Am Sandtorkai 41, 20457 Hamburg, Deutschland",
                       "USt-IdNr.: DE 298 765 432"], size=7.5)  # fmt: skip
    s.text(130, 30, "Hamburg, den 12.03.2026", size=9)
    s.text(15, 40, "RECHNUNG Nr. EM-2026-0311", size=12, bold=True)
    _block(s, 15, 48, ["Kunde:", "Nordsee Werft AG", "26725 Emden, Deutschland"], size=8)
    y = _table(s, 68, [("Pos.", 15, 8, "L"), ("Bezeichnung", 25, 72, "L"),
                       ("Einheit", 99, 12, "L"), ("Menge", 113, 14, "R"),
                       ("Einzelpreis", 129, 26, "R"), ("Betrag", 157, 38, "R")],
               [["1", "Wellendichtring 120x150x12", "Stk", "40", "38,50", "1.540,00"]])  # fmt: skip
    _totals(s, 100, 155, y + 3, [("Nettobetrag", "1.540,00 €"), ("zzgl. 19 % MwSt.", "292,60 €"),
                                 ("Rechnungsbetrag", "1.832,60 €")], width=40)  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.issue_date, got.invoice_number) == ("2026-03-12", "EM-2026-0311")


def test_an_ecuadorian_fecha_de_emision(tmp_path: Path) -> None:
    s = _invoice(
        ["Exportadora Bananera del Oro S.A.", "Av. 9 de Octubre 1200, Guayaquil, Ecuador",
         "RUC: 0991234567001"],
        "FACTURA", [("No.:", "001-002-000004512"), ("Fecha de emisión:", "05/12/2026")],
        ["Cliente:", "Frutas del Pacífico S.A.", "Manta, Ecuador"],
        _COLUMNS, [["1", "Banano Cavendish, caja 18.14 kg", "caja", "1200", "7.20", "8,640.00"]],
        [("Subtotal 0%", "8,640.00"), ("IVA 0%", "0.00"), ("Valor total", "8,640.00")], gap=34,
    )  # fmt: skip
    assert _read(tmp_path, s).issue_date == "2026-12-05"


@pytest.mark.parametrize(
    ("net", "tax", "gross"),
    [
        ("Total (EUR)", "IVA 21% (EUR)", "Total a pagar (EUR)"),
        ("Importe neto USD", "IVA 16% USD", "Importe total USD"),
    ],
)
def test_currency_codes_inside_total_labels(tmp_path: Path, net: str, tax: str, gross: str) -> None:
    s = _invoice(
        ["Conservas del Cantábrico, S.L.", "Calle Muelle 3, 39004 Santander, España",
         "CIF: B39123456"],
        "FACTURA", [("Factura nº:", "CC-2026/0877"), ("Fecha:", "03/12/2026")],
        ["Cliente:", "Delicatessen Rialto S.r.l.", "Venezia, Italia"],
        _COLUMNS, [["1", "Anchoas en aceite, lata 50 g", "caja", "100", "42,00", "4.200,00"]],
        [(net, "4.200,00"), (tax, "882,00"), (gross, "5.082,00")],
    )  # fmt: skip
    got = _read(tmp_path, s)
    assert (got.tax_total, got.grand_total) == ("882.00", "5082.00")
