"""A seventh batch of hand-written invoices, written before the reader's rules were read for it.

Twelve layouts and languages the earlier batches do not show: a Portuguese fatura (``NIF``,
``Valor unitário``, ``ATCUD``, ``Total a pagar``), a Brazilian exporter's bilingual commercial
invoice (``CNPJ``, ``FOB Santos``, coffee by the kilogram), a Swedish faktura (``Moms``,
``Att betala``, ``OCR-nummer``, ``Momsreg.nr`` in the footer), a Norwegian faktura
(``Org.nr. NO … MVA``, ``Å betale``, ``KID``), a Czech ``Faktura – daňový doklad`` with
``Dodavatel`` beside ``Odběratel``, ``DIČ`` and a rounding to whole crowns, a Hungarian számla
(``Eladó`` / ``Vevő``, a domestic and a community ``Adószám``, ``Fizetendő``, whole forints), a
Romanian factură (``Furnizor`` / ``Cumpărător``, ``CIF``, ``TVA``, ``Total de plată``, lei), a Greek
τιμολόγιο (``ΑΦΜ``, ``ΔΟΥ``, ``ΦΠΑ``), an Indian GST tax invoice as Zoho prints it (``GSTIN``,
``HSN/SAC``, ``CGST``/``SGST`` columns, ``₹`` and lakh grouping), a Chinese exporter's English
commercial invoice with ``FOB Ningbo`` in the price column's header, a US invoice over two pages
with a ``Page Subtotal`` on each, and a UK credit note printed with negative amounts. Their first
reading is in tests/documents/test_layouts_unseen3.py and docs/documents.md.

Ground truth conventions (as in the earlier batches): VAT ids without spaces, dots or hyphens;
a country where the page names it, else null (session 33: no longer from a VAT id's ISO prefix,
which names the issuing state, not the party's country; docs/documents.md); no tax fields
on an export invoice that prints no tax; a credit note's amounts as EN 16931 has them (positive:
the type code 381 carries the sign), even when the page prints them negative.
"""

from __future__ import annotations

from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_unseen2 import Sheet2

# -- Portugal: "Fatura n.º FT 2026/1487", "NIF", "Valor unitário", an IVA summary, ATCUD ---------


def pt_fatura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Têxteis Ribeiro & Filhos, Lda.", size=14, bold=True)
    s.lines(15, 20, ["Rua da Indústria, 245", "4760-482 Vila Nova de Famalicão", "Portugal",
                     "NIF: 508 123 456"], size=8, step=4)  # fmt: skip
    s.text(130, 12, "FATURA", size=18, bold=True)
    s.text(130, 22, "Fatura n.º FT 2026/1487", size=10, bold=True)
    s.boxes(120, 30, [("Data de emissão", "2026-12-02"), ("Vencimento", "2027-01-01")],
            width=37)  # fmt: skip
    s.text(110, 48, "Exmo.(s) Senhor(es)", size=8)
    s.lines(110, 53, ["Lojas Campos & Campos, S.A.", "Av. da Liberdade, 190", "1250-147 Lisboa",
                      "Portugal", "NIF: 501 987 654"], size=8.5)  # fmt: skip
    y = s.grid(
        85,
        [
            ("Código", 15, 16, "L"),
            ("Descrição", 33, 62, "L"),
            ("Qtd.", 97, 12, "R"),
            ("Un.", 111, 8, "L"),
            ("Valor unitário", 120, 25, "R"),
            ("IVA", 147, 10, "R"),
            ("Valor", 160, 35, "R"),
        ],
        [
            ["TR-701", "Toalha de banho 70x140, algodão", "120", "UN", "6,85", "23%", "822,00"],
            ["TR-815", "Roupão felpo, tamanho M", "30", "UN", "24,50", "23%", "735,00"],
            ["TR-900", "Tecido atoalhado (metro)", "45,5", "m", "7,20", "23%", "327,60"],
        ],
        size=8.5,
    )
    s.text(15, y + 6, "Resumo do IVA", size=8, bold=True)
    s.grid(y + 11, [("Taxa", 15, 15, "L"), ("Incidência", 32, 25, "R"),
                    ("Valor IVA", 60, 25, "R")], [["23%", "1.884,60", "433,46"]],
           size=8)  # fmt: skip
    s.pairs(120, y + 8, [("Total ilíquido", "1.884,60 €"), ("Total IVA", "433,46 €"),
                         ("Total a pagar", "2.318,06 €")], gap=38, value_width=37,
            align="R")  # fmt: skip
    s.text(15, y + 34, "Pagamento por transferência: IBAN PT50 0035 0123 0001 2345 6789 0",
           size=7.5)  # fmt: skip
    s.text(15, 276, "ATCUD: JFM3K2V7-1487 · Processado por programa certificado n.º 1234/AT",
           size=6.5)  # fmt: skip
    return s.output()


PT_FATURA_TRUTH = _truth(
    invoice_number="FT 2026/1487", type_code="380", issue_date="2026-12-02", currency="EUR",
    seller_name="Têxteis Ribeiro & Filhos, Lda.", seller_vat_id="508123456", seller_country="PT",
    buyer_name="Lojas Campos & Campos, S.A.", buyer_country="PT",
    tax_exclusive_total="1884.60", tax_total="433.46", grand_total="2318.06",
    due_payable="2318.06",
    line_items=[
        _line("Toalha de banho 70x140, algodão", "120", "H87", "6.85", "822.00"),
        _line("Roupão felpo, tamanho M", "30", "H87", "24.5", "735.00"),
        _line("Tecido atoalhado (metro)", "45.5", "MTR", "7.2", "327.60"),
    ],
)  # fmt: skip


# -- Brazil: an exporter's bilingual commercial invoice, CNPJ, FOB Santos, coffee by the kilo -----


def br_export() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Café Serra Azul Exportadora Ltda.", size=14, bold=True)
    s.lines(15, 20, ["Rodovia BR-491, km 12 - Varginha - MG - 37026-000 - Brazil",
                     "CNPJ: 12.345.678/0001-90 · Tel. +55 35 3221-4400"], size=8,
            step=4)  # fmt: skip
    s.text(15, 34, "COMMERCIAL INVOICE / FATURA COMERCIAL", size=13, bold=True)
    s.text(15, 46, "Importer / Importador:", size=8, bold=True)
    s.lines(15, 51, ["Van Rijn Koffiebranders B.V.", "Keizersgracht 220",
                     "1016 DZ Amsterdam", "The Netherlands"], size=8.5)  # fmt: skip
    s.pairs(115, 46, [("Invoice No. / Fatura nº:", "SA-EXP-2026/118"),
                      ("Date / Data:", "02-DEC-2026"), ("Incoterm:", "FOB Santos"),
                      ("Payment / Pagamento:", "CAD 30 days"),
                      ("Port of loading:", "Santos, Brazil"),
                      ("Port of discharge:", "Rotterdam, Netherlands")], gap=38,
            step=4.5)  # fmt: skip
    y = s.grid(
        85,
        [
            ("Item", 15, 8, "L"),
            ("Description / Descrição", 25, 62, "L"),
            ("NCM", 89, 20, "L"),
            ("Qty", 111, 16, "R"),
            ("Unit", 129, 9, "L"),
            ("Unit Price USD", 139, 24, "R"),
            ("Total USD", 165, 30, "R"),
        ],
        [
            ["1", "Green coffee Arabica, NY 2/3, screen 17/18", "0901.11.10", "19,200", "KG",
             "4.85", "93,120.00"],
            ["2", "Green coffee Arabica, peaberry", "0901.11.10", "3,600", "KG", "5.40",
             "19,440.00"],
        ],
        size=8.5,
    )  # fmt: skip
    s.pairs(115, y + 4, [("TOTAL FOB SANTOS:", "USD 112,560.00")], gap=40, value_width=40,
            align="R")  # fmt: skip
    s.lines(15, y + 16, ["380 bags of 60 kg each / 380 sacas de 60 kg",
                         "Net weight: 22,800 kg · Gross weight: 22,914 kg",
                         "Country of origin: Brazil"], size=8)  # fmt: skip
    s.text(120, y + 44, "Café Serra Azul Exportadora Ltda.", size=8, bold=True)
    s.text(130, y + 58, "Authorized signature", size=7.5)
    return s.output()


BR_EXPORT_TRUTH = _truth(
    invoice_number="SA-EXP-2026/118", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Café Serra Azul Exportadora Ltda.", seller_country="BR",
    buyer_name="Van Rijn Koffiebranders B.V.", buyer_country="NL",
    grand_total="112560.00", due_payable="112560.00",
    line_items=[
        _line("Green coffee Arabica, NY 2/3, screen 17/18", "19200", "KGM", "4.85", "93120.00"),
        _line("Green coffee Arabica, peaberry", "3600", "KGM", "5.4", "19440.00"),
    ],
)  # fmt: skip


# -- Sweden: "Faktura", "Fakturanummer", "OCR-nummer", "Moms 25 %", "Att betala (SEK)", the
# VAT number only in the footer, no country anywhere -------------------------------------------


def se_faktura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Skogsgläntan Snickeri AB", size=14, bold=True)
    s.lines(15, 20, ["Verkstadsgatan 7", "723 48 Västerås"], size=8.5)
    s.text(130, 12, "FAKTURA", size=18, bold=True)
    s.pairs(120, 24, [("Fakturanummer", "20261204"), ("Fakturadatum", "2026-12-02"),
                      ("Förfallodatum", "2027-01-01"), ("OCR-nummer", "2026120413"),
                      ("Kundnummer", "1042")], gap=32, step=4.5)  # fmt: skip
    s.text(15, 48, "Fakturaadress", size=8, bold=True)
    s.lines(15, 53, ["Bostadsrättsföreningen Ekbacken", "c/o Riksbyggen", "Box 1234",
                     "722 10 Västerås"])  # fmt: skip
    y = s.grid(
        85,
        [
            ("Art.nr", 15, 15, "L"),
            ("Benämning", 32, 70, "L"),
            ("Antal", 104, 12, "R"),
            ("Enhet", 119, 10, "L"),
            ("À-pris", 131, 25, "R"),
            ("Belopp", 160, 35, "R"),
        ],
        [
            ["KB-240", "Köksbänk ek, 240 cm", "2", "st", "8 450,00", "16 900,00"],
            ["MONT", "Montering (timmar)", "6", "tim", "650,00", "3 900,00"],
            ["FRAKT", "Frakt", "1", "st", "1 200,00", "1 200,00"],
        ],
    )
    s.pairs(115, y + 6, [("Netto", "22 000,00"), ("Moms 25 %", "5 500,00"),
                         ("Öresavrundning", "0,00"), ("Att betala (SEK)", "27 500,00")],
            gap=40, value_width=40, align="R")  # fmt: skip
    s.text(15, y + 30, "Betalningsvillkor 30 dagar. Ange OCR-nummer vid betalning.", size=8)
    s.pdf.line(15, 268, 195, 268)
    s.lines(15, 271, ["Skogsgläntan Snickeri AB", "Verkstadsgatan 7, 723 48 Västerås"], size=6.5,
            step=3.2)  # fmt: skip
    s.lines(80, 271, ["Org.nr 556712-3456", "Momsreg.nr SE556712345601",
                      "Godkänd för F-skatt"], size=6.5, step=3.2)  # fmt: skip
    s.lines(145, 271, ["Bankgiro 5123-4567", "Tel 021-12 34 56"], size=6.5, step=3.2)
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
SE_FAKTURA_TRUTH = _truth(
    invoice_number="20261204", type_code="380", issue_date="2026-12-02", currency="SEK",
    seller_name="Skogsgläntan Snickeri AB", seller_vat_id="SE556712345601", seller_country=None,
    buyer_name="Bostadsrättsföreningen Ekbacken",
    tax_exclusive_total="22000.00", tax_total="5500.00", grand_total="27500.00",
    due_payable="27500.00",
    line_items=[
        _line("Köksbänk ek, 240 cm", "2", "H87", "8450", "16900.00"),
        _line("Montering (timmar)", "6", "HUR", "650", "3900.00"),
        _line("Frakt", "1", "H87", "1200", "1200.00"),
    ],
)  # fmt: skip


# -- Norway: "Org.nr. NO 987 654 321 MVA", "Fakturanr.", "KID", "MVA 25 %", "Å betale NOK" --------


def no_faktura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Fjordkraft Verksted AS", size=15, bold=True)
    s.lines(15, 20, ["Havnegata 15", "5003 Bergen", "Org.nr. NO 987 654 321 MVA"], size=8,
            step=4)  # fmt: skip
    s.text(140, 12, "FAKTURA", size=16, bold=True)
    s.pairs(125, 24, [("Fakturanr.:", "100734"), ("Fakturadato:", "02.12.2026"),
                      ("Forfallsdato:", "16.12.2026"), ("KID:", "0010073420")], gap=28,
            step=4.5)  # fmt: skip
    s.text(15, 48, "Kunde:", size=8, bold=True)
    s.lines(15, 53, ["Sjøbris Rederi AS", "Strandkaien 4", "4005 Stavanger"])
    y = s.grid(
        80,
        [
            ("Varenr.", 15, 16, "L"),
            ("Beskrivelse", 33, 70, "L"),
            ("Antall", 105, 12, "R"),
            ("Enhet", 120, 10, "L"),
            ("Pris", 132, 25, "R"),
            ("Beløp", 160, 35, "R"),
        ],
        [
            ["PA-50", "Propellaksel, rustfritt stål 50 mm", "1", "stk", "18 750,00",
             "18 750,00"],
            ["PS-B", "Pakningssett, type B", "4", "stk", "1 012,50", "4 050,00"],
            ["ARB", "Arbeid, mekaniker", "7,5", "t", "950,00", "7 125,00"],
        ],
    )  # fmt: skip
    s.pairs(115, y + 6, [("Sum eks. mva", "29 925,00"), ("MVA 25 %", "7 481,25"),
                         ("Å betale NOK", "37 406,25")], gap=40, value_width=40,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Betales til kontonr. 1503.12.34567 innen forfall. Oppgi KID.", size=8)
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
NO_FAKTURA_TRUTH = _truth(
    invoice_number="100734", type_code="380", issue_date="2026-12-02", currency="NOK",
    seller_name="Fjordkraft Verksted AS", seller_vat_id="NO987654321MVA", seller_country=None,
    buyer_name="Sjøbris Rederi AS",
    tax_exclusive_total="29925.00", tax_total="7481.25", grand_total="37406.25",
    due_payable="37406.25",
    line_items=[
        _line("Propellaksel, rustfritt stål 50 mm", "1", "H87", "18750", "18750.00"),
        _line("Pakningssett, type B", "4", "H87", "1012.5", "4050.00"),
        _line("Arbeid, mekaniker", "7.5", "HUR", "950", "7125.00"),
    ],
)  # fmt: skip


# -- Czechia: "Faktura – daňový doklad č.", Dodavatel beside Odběratel, IČ and DIČ, dates as
# "2. 12. 2026", a rounding to whole crowns before "Celkem k úhradě" ---------------------------


def cz_danovy() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Faktura – daňový doklad č. FV-2026-0412", size=14, bold=True)
    s.text(15, 26, "Dodavatel:", size=8, bold=True)
    s.lines(15, 31, ["Kovovýroba Dvořák s.r.o.", "Průmyslová 1182/7", "612 00 Brno",
                     "IČ: 27654321", "DIČ: CZ27654321"], size=8.5)  # fmt: skip
    s.text(110, 26, "Odběratel:", size=8, bold=True)
    s.lines(110, 31, ["Stavebniny Horák a.s.", "Nádražní 45", "370 01 České Budějovice",
                      "IČ: 45678901", "DIČ: CZ45678901"], size=8.5)  # fmt: skip
    s.pairs(15, 60, [("Datum vystavení:", "2. 12. 2026"), ("Datum zdan. plnění:", "2. 12. 2026"),
                     ("Datum splatnosti:", "16. 12. 2026"), ("Variabilní symbol:", "20260412"),
                     ("Forma úhrady:", "převodem")], gap=34, step=4.5)  # fmt: skip
    s.text(110, 60, "Bankovní účet: 2701234567/2010", size=8.5)
    y = s.grid(
        90,
        [
            ("Označení dodávky", 15, 70, "L"),
            ("Počet", 87, 14, "R"),
            ("MJ", 103, 9, "L"),
            ("Cena za MJ", 113, 24, "R"),
            ("DPH", 139, 10, "R"),
            ("Celkem bez DPH", 152, 43, "R"),
        ],
        [
            ["Ocelový nosník HEB 160, 6 m", "8", "ks", "4 250,00", "21 %", "34 000,00"],
            ["Kotevní šroub M16 x 200", "200", "ks", "38,50", "21 %", "7 700,00"],
            ["Svářečské práce", "12", "hod", "690,00", "21 %", "8 280,00"],
        ],
        size=8.5,
    )
    s.pairs(110, y + 6, [("Základ DPH 21 %", "49 980,00"), ("DPH 21 %", "10 495,80"),
                         ("Celkem s DPH", "60 475,80"), ("Zaokrouhlení", "0,20"),
                         ("Celkem k úhradě", "60 476,00 Kč")], gap=40, value_width=45,
            align="R")  # fmt: skip
    s.text(15, y + 38, "Společnost je zapsána v obchodním rejstříku vedeném Krajským soudem "
                       "v Brně, oddíl C, vložka 54321.", size=7)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
CZ_DANOVY_TRUTH = _truth(
    invoice_number="FV-2026-0412", type_code="380", issue_date="2026-12-02", currency="CZK",
    seller_name="Kovovýroba Dvořák s.r.o.", seller_vat_id="CZ27654321", seller_country=None,
    buyer_name="Stavebniny Horák a.s.", buyer_country=None,
    tax_exclusive_total="49980.00", tax_total="10495.80", grand_total="60475.80",
    due_payable="60476.00",
    line_items=[
        _line("Ocelový nosník HEB 160, 6 m", "8", "H87", "4250", "34000.00"),
        _line("Kotevní šroub M16 x 200", "200", "H87", "38.5", "7700.00"),
        _line("Svářečské práce", "12", "HUR", "690", "8280.00"),
    ],
)  # fmt: skip


# -- Hungary: "SZÁMLA", Eladó beside Vevő, a domestic "Adószám" and a "Közösségi adószám",
# dates as "2026.12.02.", net / VAT / gross per line, whole forints ("Ft") -----------------------


def hu_szamla() -> bytes:
    s = Sheet2()
    s.text(85, 10, "SZÁMLA", size=18, bold=True)
    s.text(15, 24, "Eladó", size=8, bold=True)
    s.lines(15, 29, ["Tisza Bútor Kft.", "6720 Szeged, Kossuth Lajos sugárút 52.",
                     "Adószám: 12345678-2-06", "Közösségi adószám: HU12345678",
                     "Bankszámla: 11735005-20512345-00000000"], size=8.5)  # fmt: skip
    s.text(110, 24, "Vevő", size=8, bold=True)
    s.lines(110, 29, ["Otthon Design Zrt.", "1051 Budapest, Nádor utca 17.",
                      "Adószám: 87654321-2-41"], size=8.5)  # fmt: skip
    s.boxes(15, 58, [("Számla sorszáma", "TB-2026/00891"), ("Számla kelte", "2026.12.02."),
                     ("Teljesítés dátuma", "2026.11.30."), ("Fizetési határidő", "2026.12.17."),
                     ("Fizetési mód", "Átutalás")], width=36)  # fmt: skip
    y = s.grid(
        80,
        [
            ("Megnevezés", 12, 46, "L"),
            ("Menny.", 59, 12, "R"),
            ("Egys.", 73, 9, "L"),
            ("Nettó egységár", 84, 26, "R"),
            ("Nettó érték", 112, 22, "R"),
            ("ÁFA", 136, 9, "R"),
            ("ÁFA érték", 147, 21, "R"),
            ("Bruttó érték", 170, 28, "R"),
        ],
        [
            ["Tölgy étkezőasztal 200x100", "3", "db", "289 000", "867 000", "27%", "234 090",
             "1 101 090"],
            ["Kárpitozott szék, szürke", "12", "db", "64 500", "774 000", "27%", "208 980",
             "982 980"],
        ],
        size=7.5,
    )  # fmt: skip
    s.pairs(110, y + 6, [("Nettó összesen:", "1 641 000 Ft"), ("ÁFA összesen:", "443 070 Ft"),
                         ("Bruttó összesen:", "2 084 070 Ft"), ("Fizetendő:", "2 084 070 Ft")],
            gap=40, value_width=45, align="R")  # fmt: skip
    s.text(15, y + 32, "Fizetendő összeg betűvel: kétmillió-nyolcvannégyezer-hetven forint",
           size=7.5)  # fmt: skip
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
HU_SZAMLA_TRUTH = _truth(
    invoice_number="TB-2026/00891", type_code="380", issue_date="2026-12-02", currency="HUF",
    seller_name="Tisza Bútor Kft.", seller_vat_id="HU12345678", seller_country=None,
    buyer_name="Otthon Design Zrt.",
    tax_exclusive_total="1641000.00", tax_total="443070.00", grand_total="2084070.00",
    due_payable="2084070.00",
    line_items=[
        _line("Tölgy étkezőasztal 200x100", "3", "H87", "289000", "867000.00"),
        _line("Kárpitozott szék, szürke", "12", "H87", "64500", "774000.00"),
    ],
)  # fmt: skip


# -- Romania: "FACTURĂ", Furnizor / Cumpărător, "CIF: RO …", "Nr. ord. reg. com.", columns
# numbered, "Total de plată (col. 5 + col. 6)", lei -----------------------------------------------


def ro_factura() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Furnizor:", size=8, bold=True)
    s.lines(15, 17, ["Transilvania Mobila S.R.L.", "Nr. ord. reg. com.: J12/3456/2015",
                     "CIF: RO 34567890", "Sediul: Str. Fabricii 21, Cluj-Napoca, jud. Cluj",
                     "Cont: RO49 BTRL 0130 1202 8123 4567", "Banca: Banca Transilvania"],
            size=8, step=4)  # fmt: skip
    s.text(120, 12, "Cumpărător:", size=8, bold=True)
    s.lines(120, 17, ["Casa Verde Distribuție S.R.L.", "Nr. ord. reg. com.: J40/9876/2019",
                      "CUI: RO 41234567", "Sediul: Bd. Unirii 64, București, Sector 3"],
            size=8, step=4)  # fmt: skip
    s.text(80, 45, "FACTURĂ", size=16, bold=True)
    s.pairs(70, 54, [("Nr. factură:", "TMS-004512"), ("Data (zi/lună/an):", "02.12.2026"),
                     ("Cota TVA:", "21%")], gap=30, step=4.5)  # fmt: skip
    y = s.grid(
        75,
        [
            ("Nr.", 15, 7, "L"),
            ("Denumirea produselor", 23, 60, "L"),
            ("U.M.", 85, 9, "L"),
            ("Cant.", 95, 10, "R"),
            ("Preț unitar", 107, 24, "R"),
            ("Valoarea", 133, 28, "R"),
            ("Valoarea TVA", 163, 32, "R"),
        ],
        [
            ["0", "1", "2", "3", "4", "5 (3x4)", "6"],
            ["1", "Dulap din lemn masiv, 2 uși", "buc", "5", "1.850,00", "9.250,00",
             "1.942,50"],
            ["2", "Comodă cu 4 sertare", "buc", "8", "720,00", "5.760,00", "1.209,60"],
            ["", "Total", "", "", "", "15.010,00", "3.152,10"],
        ],
        size=8.5,
    )  # fmt: skip
    s.pairs(95, y + 6, [("Total de plată (col. 5 + col. 6):", "18.162,10 lei")], gap=55,
            value_width=45, align="R")  # fmt: skip
    s.text(15, y + 20, "Semnătura și ștampila furnizorului", size=7)
    s.text(120, y + 20, "Semnătura de primire", size=7)
    return s.output()


# (session 33) no country the page does not name (docs/documents.md, conventions)
RO_FACTURA_TRUTH = _truth(
    invoice_number="TMS-004512", type_code="380", issue_date="2026-12-02", currency="RON",
    seller_name="Transilvania Mobila S.R.L.", seller_vat_id="RO34567890", seller_country=None,
    buyer_name="Casa Verde Distribuție S.R.L.", buyer_country=None,
    tax_exclusive_total="15010.00", tax_total="3152.10", grand_total="18162.10",
    due_payable="18162.10",
    line_items=[
        _line("Dulap din lemn masiv, 2 uși", "5", "H87", "1850", "9250.00"),
        _line("Comodă cu 4 sertare", "8", "H87", "720", "5760.00"),
    ],
)  # fmt: skip


# -- Greece: "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", ΑΦΜ and ΔΟΥ, "Στοιχεία πελάτη" with "Επωνυμία:", ΦΠΑ 13 % -----


def gr_timologio() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ΑΙΓΑΙΟ ΕΛΑΙΟΛΑΔΑ Α.Ε.", size=14, bold=True)
    s.lines(15, 20, ["Λεωφ. Συγγρού 112, 117 41 Αθήνα", "ΑΦΜ: 094123456 · ΔΟΥ: ΦΑΕ ΑΘΗΝΩΝ",
                     "Τηλ.: 210 9234567"], size=8, step=4)  # fmt: skip
    s.text(120, 12, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=13, bold=True)
    s.pairs(120, 22, [("Αριθμός:", "Α-1543"), ("Ημερομηνία:", "02/12/2026"),
                      ("Τρόπος πληρωμής:", "Επί πιστώσει")], gap=30, step=4.5)  # fmt: skip
    s.text(15, 42, "Στοιχεία πελάτη", size=8, bold=True)
    s.pairs(15, 47, [("Επωνυμία:", "ΜΕΛΙΣΣΑ ΤΡΟΦΙΜΑ Ο.Ε."), ("ΑΦΜ:", "998765432"),
                     ("Διεύθυνση:", "Εγνατίας 45, 546 30 Θεσσαλονίκη")], gap=22,
            step=4.5)  # fmt: skip
    y = s.grid(
        72,
        [
            ("Κωδικός", 15, 15, "L"),
            ("Περιγραφή", 32, 62, "L"),
            ("Ποσότητα", 96, 16, "R"),
            ("Μ.Μ.", 114, 9, "L"),
            ("Τιμή μονάδας", 124, 22, "R"),
            ("ΦΠΑ %", 148, 11, "R"),
            ("Αξία", 162, 33, "R"),
        ],
        [
            ["ΕΛ-05", "Ελαιόλαδο έξτρα παρθένο 5 lt", "40", "τεμ.", "42,50", "13", "1.700,00"],
            ["ΚΛ-01", "Ελιές Καλαμών 1 kg", "60", "τεμ.", "8,90", "13", "534,00"],
        ],
        size=8.5,
    )
    s.pairs(115, y + 6, [("Καθαρή αξία", "2.234,00"), ("ΦΠΑ 13%", "290,42"),
                         ("Σύνολο", "2.524,42 €"), ("Πληρωτέο ποσό", "2.524,42 €")], gap=40,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 30, "ΜΑΡΚ 400001234567890 · Η παρούσα επέχει θέση δελτίου αποστολής.", size=7)
    return s.output()


GR_TIMOLOGIO_TRUTH = _truth(
    invoice_number="Α-1543", type_code="380", issue_date="2026-12-02", currency="EUR",
    seller_name="ΑΙΓΑΙΟ ΕΛΑΙΟΛΑΔΑ Α.Ε.", seller_vat_id="094123456",
    buyer_name="ΜΕΛΙΣΣΑ ΤΡΟΦΙΜΑ Ο.Ε.",
    tax_exclusive_total="2234.00", tax_total="290.42", grand_total="2524.42",
    due_payable="2524.42",
    line_items=[
        _line("Ελαιόλαδο έξτρα παρθένο 5 lt", "40", "H87", "42.5", "1700.00"),
        _line("Ελιές Καλαμών 1 kg", "60", "H87", "8.9", "534.00"),
    ],
)  # fmt: skip


# -- India: a GST tax invoice as Zoho Invoice prints it: "Invoice#", "Place Of Supply", an
# HSN/SAC column, CGST and SGST columns per line, ₹ and lakh grouping, the total in words -----


def in_gst_zoho() -> bytes:
    s = Sheet2("Cond")
    s.text(12, 12, "Nilgiri Spice Traders Private Limited", size=13, bold=True)
    s.lines(12, 19, ["No. 42, 3rd Cross, Jayanagar", "Bengaluru Karnataka 560041", "India",
                     "GSTIN 29AAFCN4521K1Z6"], size=8, step=4)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=15, bold=True)
    s.pairs(130, 24, [("Invoice#", "NST/2026-27/0412"), ("Invoice Date", "02/12/2026"),
                      ("Terms", "Due on Receipt"), ("Place Of Supply", "Karnataka (29)")],
            gap=26, step=4.5)  # fmt: skip
    s.text(12, 44, "Bill To", size=8.5, bold=True)
    s.lines(12, 49, ["Annapurna Foods LLP", "Plot 17, Peenya Industrial Area",
                     "Bengaluru Karnataka 560058", "India", "GSTIN 29AAKFA3381M1ZP"],
            size=8.5)  # fmt: skip
    y = s.grid(
        80,
        [
            ("#", 12, 4, "L"),
            ("Item & Description", 17, 48, "L"),
            ("HSN/SAC", 66, 14, "L"),
            ("Qty", 81, 18, "R"),
            ("Rate", 100, 16, "R"),
            ("CGST %", 118, 10, "R"),
            ("CGST Amt", 129, 16, "R"),
            ("SGST %", 146, 10, "R"),
            ("SGST Amt", 157, 16, "R"),
            ("Amount", 174, 24, "R"),
        ],
        [
            ["1", "Black pepper, 500 GA, whole", "090411", "200.00 kg", "640.00", "2.5%",
             "3,200.00", "2.5%", "3,200.00", "1,28,000.00"],
            ["2", "Cardamom, green, 8 mm bold", "090831", "40.00 kg", "2,450.00", "2.5%",
             "2,450.00", "2.5%", "2,450.00", "98,000.00"],
            ["3", "Turmeric powder, 1 kg pouch", "091030", "500.00 pcs", "185.00", "2.5%",
             "2,312.50", "2.5%", "2,312.50", "92,500.00"],
        ],
        size=7.5,
    )  # fmt: skip
    s.pairs(125, y + 6, [("Sub Total", "3,18,500.00"), ("CGST2.5 (2.5%)", "7,962.50"),
                         ("SGST2.5 (2.5%)", "7,962.50"), ("Total", "₹3,34,425.00"),
                         ("Balance Due", "₹3,34,425.00")], gap=35, value_width=38,
            align="R")  # fmt: skip
    s.lines(12, y + 8, ["Total In Words", "Indian Rupee Three Lakh Thirty-Four Thousand",
                        "Four Hundred Twenty-Five Only"], size=7.5, step=4)  # fmt: skip
    s.text(12, y + 40, "Bank: HDFC Bank, A/c 50200012345678, IFSC HDFC0000123", size=7.5)
    return s.output()


IN_GST_ZOHO_TRUTH = _truth(
    invoice_number="NST/2026-27/0412", type_code="380", issue_date="2026-12-02", currency="INR",
    seller_name="Nilgiri Spice Traders Private Limited", seller_vat_id="29AAFCN4521K1Z6",
    seller_country="IN", buyer_name="Annapurna Foods LLP", buyer_country="IN",
    tax_exclusive_total="318500.00", tax_total="15925.00", grand_total="334425.00",
    due_payable="334425.00",
    line_items=[
        _line("Black pepper, 500 GA, whole", "200", "KGM", "640", "128000.00"),
        _line("Cardamom, green, 8 mm bold", "40", "KGM", "2450", "98000.00"),
        _line("Turmeric powder, 1 kg pouch", "500", "H87", "185", "92500.00"),
    ],
)  # fmt: skip


# -- China: a Ningbo exporter's English commercial invoice, letterhead centred, "Messrs:", the
# Incoterm in the unit price's header, quantities with SETS / PCS, a marks column ---------------


def cn_ningbo_fob() -> bytes:
    s = Sheet2()
    s.text(15, 10, "NINGBO HAIDA HOUSEWARE IMPORT & EXPORT CO., LTD.", size=13, bold=True,
           width=180, align="C")  # fmt: skip
    s.text(15, 17, "Room 1808, Tower B, 88 Zhongshan East Road, Ningbo, Zhejiang, China",
           size=8, width=180, align="C")  # fmt: skip
    s.text(15, 21, "Tel: +86-574-8765 4321  Fax: +86-574-8765 4322", size=8, width=180,
           align="C")  # fmt: skip
    s.text(15, 30, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.text(15, 42, "Messrs:", size=8.5, bold=True)
    s.lines(15, 47, ["Casa Nostra Haushaltswaren GmbH", "Hafenstraße 12", "28217 Bremen",
                     "Germany"], size=8.5)  # fmt: skip
    s.pairs(115, 42, [("Invoice No.:", "HD26-1129"), ("Date:", "2026-11-29"),
                      ("Contract No.:", "HD-CN-2611"), ("From:", "Ningbo, China"),
                      ("To:", "Hamburg, Germany"), ("Vessel:", "MSC ANNA V.248W")], gap=28,
            step=4.5)  # fmt: skip
    y = s.grid(
        80,
        [
            ("Marks & Nos.", 15, 22, "L"),
            ("Description of Goods", 39, 58, "L"),
            ("Quantity", 98, 22, "R"),
            ("Unit Price FOB Ningbo", 127, 34, "R"),
            ("Amount", 163, 32, "R"),
        ],
        [
            ["HAIDA", "Stainless steel saucepan set, 5 pcs", "1,200 SETS", "USD 14.60",
             "USD 17,520.00"],
            ["BREMEN", "Non-stick frying pan 28 cm", "2,400 PCS", "USD 5.35", "USD 12,840.00"],
            ["C/NO. 1-UP", "Silicone kitchen utensil set, 6 pcs", "1,500 SETS", "USD 3.90",
             "USD 5,850.00"],
        ],
        size=8,
    )  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(39, y + 3, "TOTAL:", size=8.5, bold=True)
    s.text(163, y + 3, "USD 36,210.00", size=8.5, bold=True, width=32, align="R")
    s.text(15, y + 12, "SAY TOTAL US DOLLARS THIRTY-SIX THOUSAND TWO HUNDRED AND TEN ONLY.",
           size=8)  # fmt: skip
    s.lines(15, y + 22, ["Packing: in export cartons, 4 sets / 12 pcs per carton",
                         "Beneficiary bank: Bank of China, Ningbo Branch, SWIFT BKCHCNBJ92A",
                         "A/C No.: 3512 5800 1234"], size=7.5, step=4)  # fmt: skip
    s.text(120, y + 44, "NINGBO HAIDA HOUSEWARE IMPORT & EXPORT CO., LTD.", size=6.5, bold=True)
    return s.output()


CN_NINGBO_FOB_TRUTH = _truth(
    invoice_number="HD26-1129", type_code="380", issue_date="2026-11-29", currency="USD",
    seller_name="NINGBO HAIDA HOUSEWARE IMPORT & EXPORT CO., LTD.", seller_country="CN",
    buyer_name="Casa Nostra Haushaltswaren GmbH", buyer_country="DE",
    grand_total="36210.00", due_payable="36210.00",
    line_items=[
        _line("Stainless steel saucepan set, 5 pcs", "1200", "SET", "14.6", "17520.00"),
        _line("Non-stick frying pan 28 cm", "2400", "H87", "5.35", "12840.00"),
        _line("Silicone kitchen utensil set, 6 pcs", "1500", "SET", "3.9", "5850.00"),
    ],
)  # fmt: skip


# -- United States: two pages, each with "Page Subtotal", "Continued on next page", the header
# repeated on page 2, the totals only there -----------------------------------------------------

_US_LINES_P1 = [
    ["NG-100M", "Nitrile gloves, medium, box of 100", "40", "EA", "8.95", "358.00"],
    ["SP-10", "Serological pipette 10 mL, sterile", "20", "EA", "42.50", "850.00"],
    ["MT-15", "Microcentrifuge tube 1.5 mL, pack of 500", "12", "EA", "18.40", "220.80"],
    ["PT-200", "Pipette tips 200 uL, racked", "30", "EA", "24.75", "742.50"],
    ["PD-100", "Petri dish 100 x 15 mm, case of 500", "4", "EA", "96.00", "384.00"],
    ["CT-50", "Conical tube 50 mL, bag of 25", "16", "EA", "13.20", "211.20"],
    ["PF-4", "Parafilm M, 4 in x 125 ft", "3", "EA", "54.90", "164.70"],
    ["LM-10", "Lab marker, black, pack of 10", "10", "EA", "9.85", "98.50"],
]
_US_LINES_P2 = [
    ["VM-A", "Vortex mixer, analog", "2", "EA", "289.00", "578.00"],
    ["BC-6", "Benchtop centrifuge, 6 x 50 mL", "1", "EA", "1,245.00", "1,245.00"],
    ["CV-2", "Cryogenic vial 2 mL, box of 100", "5", "EA", "37.60", "188.00"],
]
_US_COLUMNS = [
    ("Item #", 15, 18, "L"),
    ("Description", 35, 75, "L"),
    ("Qty", 112, 12, "R"),
    ("UOM", 127, 10, "L"),
    ("Unit Price", 139, 24, "R"),
    ("Ext. Price", 165, 30, "R"),
]


def us_page_subtotals() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Keystone Lab Supply, Inc.", size=15, bold=True)
    s.lines(15, 20, ["2400 Liberty Ave", "Pittsburgh, PA 15222", "(412) 555-0188"], size=8,
            step=4)  # fmt: skip
    s.text(150, 12, "INVOICE", size=18, bold=True)
    s.pairs(130, 24, [("Invoice No.", "KLS-58213"), ("Invoice Date", "12/02/2026"),
                      ("Customer ID", "C-1187"), ("PO Number", "PO-77310"), ("Terms", "Net 30")],
            gap=28, step=4.5)  # fmt: skip
    s.text(15, 50, "Sold To", size=8.5, bold=True)
    s.lines(15, 55, ["Allegheny Biotech Research LLC", "410 Technology Dr",
                     "Pittsburgh, PA 15219"], size=8.5)  # fmt: skip
    s.text(110, 50, "Ship To", size=8.5, bold=True)
    s.lines(110, 55, ["Allegheny Biotech Research LLC", "Receiving Dock 3",
                      "410 Technology Dr", "Pittsburgh, PA 15219"], size=8.5)  # fmt: skip
    y = s.grid(85, _US_COLUMNS, _US_LINES_P1, size=8.5)
    s.pairs(120, y + 4, [("Page Subtotal", "$3,029.70")], gap=40, value_width=35, align="R")
    s.text(15, 272, "Continued on next page", size=8)
    s.text(170, 272, "Page 1 of 2", size=8)
    s.pdf.add_page()
    s.text(15, 12, "Keystone Lab Supply, Inc.", size=11, bold=True)
    s.text(120, 12, "Invoice No. KLS-58213 (continued)", size=9)
    y = s.grid(25, _US_COLUMNS, _US_LINES_P2, size=8.5)
    s.pairs(120, y + 4, [("Page Subtotal", "$2,011.00"), ("Subtotal", "$5,040.70"),
                         ("Sales Tax (7%)", "$352.85"), ("Total", "$5,393.55"),
                         ("Amount Due", "$5,393.55")], gap=40, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 36, "Remit to: Keystone Lab Supply, Inc., PO Box 8821, Pittsburgh, PA 15230",
           size=8)  # fmt: skip
    s.text(170, 272, "Page 2 of 2", size=8)
    return s.output()


# (session 33) an ambiguous numeric date nothing orders: null (docs/documents.md)
US_PAGE_SUBTOTALS_TRUTH = _truth(
    invoice_number="KLS-58213", type_code="380", issue_date=None,
    seller_name="Keystone Lab Supply, Inc.", buyer_name="Allegheny Biotech Research LLC",
    tax_exclusive_total="5040.70", tax_total="352.85", grand_total="5393.55",
    due_payable="5393.55",
    line_items=[
        _line(row[1], row[2], "H87", row[4].replace(",", "").rstrip("0").rstrip("."),
              row[5].replace(",", ""))
        for row in [*_US_LINES_P1, *_US_LINES_P2]
    ],
)  # fmt: skip


# -- United Kingdom: a credit note printed with negative quantities and amounts, "Original
# Invoice", "Credit To", the VAT number under the letterhead ------------------------------------


def uk_credit_negative() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Brackenridge Office Interiors Ltd", size=14, bold=True)
    s.lines(15, 20, ["Unit 4, Riverside Park", "Leeds LS10 1AB", "United Kingdom",
                     "VAT Reg No: GB 284 1937 62"], size=8, step=4)  # fmt: skip
    s.text(140, 12, "CREDIT NOTE", size=16, bold=True)
    s.pairs(128, 24, [("Credit Note No:", "CN-20417"), ("Date:", "2 December 2026"),
                      ("Original Invoice:", "INV-20388"), ("Account:", "HOLL01")], gap=32,
            step=4.5)  # fmt: skip
    s.text(15, 46, "Credit To", size=8.5, bold=True)
    s.lines(15, 51, ["Hollis & Partners LLP", "22 Park Row", "Leeds LS1 5JF"], size=8.5)
    y = s.grid(
        75,
        [
            ("Description", 15, 85, "L"),
            ("Qty", 102, 12, "R"),
            ("Unit Price", 116, 24, "R"),
            ("VAT %", 142, 12, "R"),
            ("Net", 160, 35, "R"),
        ],
        [
            ["Return: ergonomic office chair, faulty gas lift", "-3", "£189.00", "20%",
             "-£567.00"],
            ["Return: monitor arm, dual", "-2", "£64.50", "20%", "-£129.00"],
            ["Delivery charge refunded", "-1", "£25.00", "20%", "-£25.00"],
        ],
    )  # fmt: skip
    s.pairs(120, y + 6, [("Net", "-£721.00"), ("VAT", "-£144.20"), ("Total Credit", "-£865.20")],
            gap=40, value_width=35, align="R")  # fmt: skip
    s.text(15, y + 26, "This credit has been applied to your account.", size=8)
    return s.output()


UK_CREDIT_NEGATIVE_TRUTH = _truth(
    invoice_number="CN-20417", type_code="381", issue_date="2026-12-02", currency="GBP",
    seller_name="Brackenridge Office Interiors Ltd", seller_vat_id="GB284193762",
    seller_country="GB", buyer_name="Hollis & Partners LLP",
    tax_exclusive_total="721.00", tax_total="144.20", grand_total="865.20",
    due_payable="865.20",
    line_items=[
        _line("Return: ergonomic office chair, faulty gas lift", "3", None, "189", "567.00"),
        _line("Return: monitor arm, dual", "2", None, "64.5", "129.00"),
        _line("Delivery charge refunded", "1", None, "25", "25.00"),
    ],
)  # fmt: skip


UNSEEN3: list[Layout] = [
    Layout("pt-fatura", pt_fatura, PT_FATURA_TRUTH),
    Layout("br-export", br_export, BR_EXPORT_TRUTH),
    Layout("se-faktura", se_faktura, SE_FAKTURA_TRUTH),
    Layout("no-faktura", no_faktura, NO_FAKTURA_TRUTH),
    Layout("cz-danovy", cz_danovy, CZ_DANOVY_TRUTH),
    Layout("hu-szamla", hu_szamla, HU_SZAMLA_TRUTH),
    Layout("ro-factura", ro_factura, RO_FACTURA_TRUTH),
    Layout("gr-timologio", gr_timologio, GR_TIMOLOGIO_TRUTH),
    Layout("in-gst-zoho", in_gst_zoho, IN_GST_ZOHO_TRUTH),
    Layout("cn-ningbo-fob", cn_ningbo_fob, CN_NINGBO_FOB_TRUTH),
    Layout("us-page-subtotals", us_page_subtotals, US_PAGE_SUBTOTALS_TRUTH),
    Layout("uk-credit-negative", uk_credit_negative, UK_CREDIT_NEGATIVE_TRUTH),
]


def write_unseen3(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, UNSEEN3)
