"""A sixth batch of hand-written invoices, written before the reader's rules were read for it.

Twelve styles the earlier batches do not show: a German Rechnung in label-above-value boxes
with the buyer's VAT id among them and the seller's in a three-column footer, a French facture
with no-break spaces in ``2 902,50 €`` and the billing address beside the delivery one, an
Italian fattura whose number and date share the title line (``Spett.le``, a ``Sc. %`` column, the
tax summary as a row of boxes), a Spanish factura with the tax summary in boxes, a Dutch
factuur with an unlabelled buyer and a letterhead on the right, a Polish faktura VAT with net,
VAT and gross columns and a ``Razem`` row, a Turkish e-Arşiv fatura (``SAYIN``, ``ETTN``,
``Vergi No``, ``TL``), a US invoice as invoice-generator sites print it (``# 1087``, ``Bill To``
beside ``Ship To``, a part payment so the balance due is not the total), a German
Proforma-Rechnung for samples, a Danish exporter's two-page invoice with totals on page 2, an
Irish wholesaler with a ``Disc. %`` column and ``Deliver To`` before ``Invoice To``, and a Swiss
facture in CHF with apostrophes and a rounding to five centimes. Fonts vary (DejaVu Sans,
Serif, Sans Condensed). Their first reading is in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from tests.documents.layouts import Layout, Sheet, _font_dir, _line, _truth, write_batch

NBSP = "\u00a0"


class Sheet2(Sheet):
    """A :class:`Sheet` in a chosen DejaVu family (``Serif`` or ``Cond`` when installed), with
    boxes and a table whose font size can be set."""

    def __init__(self, family: str = "DejaVu") -> None:
        super().__init__()
        folder = _font_dir()
        files = {
            "Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
            "Cond": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
        }
        self.family = "DejaVu"
        if family in files and all((folder / f).exists() for f in files[family]):
            self.pdf.add_font(family, "", str(folder / files[family][0]))
            self.pdf.add_font(family, "B", str(folder / files[family][1]))
            self.family = family

    def text(
        self, x: float, y: float, text: str, *, size: float = 9, bold: bool = False,
        width: float = 0, align: str = "L",
    ) -> None:  # fmt: skip
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, size * 0.45, text, align=align)

    def boxes(
        self, x: float, y: float, cells: list[tuple[str, str]], *, width: float = 40,
        height: float = 11, size: float = 9, align: str = "L",
    ) -> None:  # fmt: skip
        """A row of framed boxes, each a small label above its value."""
        for index, (label, value) in enumerate(cells):
            left = x + index * width
            self.pdf.rect(left, y, width, height)
            self.text(left + 1.5, y + 1.2, label, size=7)
            self.text(left + 1.5, y + 5.5, value, size=size, bold=True, width=width - 3,
                      align=align)  # fmt: skip

    def grid(
        self, y: float, columns: list[tuple[str, float, float, str]], rows: list[list[str]],
        *, size: float = 9, step: float = 6,
    ) -> float:  # fmt: skip
        """A table like :meth:`Sheet.table` in font ``size``; returns the y under the last row."""
        for name, x, width, align in columns:
            self.text(x, y, name, size=size, bold=True, width=width, align=align)
        self.pdf.line(columns[0][1], y + 5, columns[-1][1] + columns[-1][2], y + 5)
        y += 7
        for row in rows:
            for (_, x, width, align), value in zip(columns, row, strict=True):
                self.text(x, y, value, size=size, width=width, align=align)
            y += step
        return y


def _nb(text: str) -> str:
    """French typesetting: no-break spaces inside numbers and before the currency sign."""
    return text.replace(" ", NBSP)


# -- Germany: boxes with the label above the value, "Rechnungs-Nr.", "Leistungsdatum", the
# buyer's "Ihre USt-IdNr." among the boxes, the seller's VAT id in a three-column footer -------


def de_boxes() -> bytes:
    s = Sheet2("Cond")
    s.text(20, 12, "Feinmechanik Huber GmbH", size=16, bold=True)
    s.text(20, 20, "Gewerbering 14 · 85354 Freising · Deutschland", size=8)
    s.text(20, 45, "Feinmechanik Huber GmbH · Gewerbering 14 · 85354 Freising", size=6)
    s.lines(20, 50, ["Präzisionstechnik Gruber GmbH", "z. Hd. Frau Mayr", "Salzachstraße 8",
                     "5020 Salzburg", "Österreich"])  # fmt: skip
    s.text(20, 80, "Rechnung", size=14, bold=True)
    s.boxes(20, 90, [("Rechnungs-Nr.", "R 26-1207"), ("Datum", "03.12.2026"),
                     ("Leistungsdatum", "28.11.2026"), ("Kunden-Nr.", "K-40117")])  # fmt: skip
    s.boxes(20, 101, [("Ihre USt-IdNr.", "ATU 98765432"), ("Lieferschein-Nr.", "LS 26-0988")])
    y = s.grid(
        122,
        [
            ("Pos.", 20, 9, "L"),
            ("Art.-Nr.", 30, 20, "L"),
            ("Beschreibung", 52, 58, "L"),
            ("Menge", 112, 13, "R"),
            ("ME", 127, 9, "L"),
            ("Einzelpreis", 137, 24, "R"),
            ("Gesamt", 163, 32, "R"),
        ],
        [
            ["1", "FH-2210", "Spannzange ER32, Ø 10 mm", "25", "Stk.", "38,40 €", "960,00 €"],
            ["2", "FH-3105", "Werkzeugaufnahme SK40", "6", "Stk.", "214,50 €", "1.287,00 €"],
            ["3", "FH-0900", "Schleifpaste", "12", "kg", "18,75 €", "225,00 €"],
        ],
    )
    s.pairs(120, y + 6, [("Nettobetrag", "2.472,00 €"), ("USt. 0 %", "0,00 €"),
                         ("Rechnungsbetrag", "2.472,00 €")], gap=40, value_width=35,
            align="R")  # fmt: skip
    s.text(20, y + 26, "Steuerfreie innergemeinschaftliche Lieferung (§ 4 Nr. 1b UStG).", size=8)
    s.text(20, y + 31, "Zahlbar bis 17.12.2026 ohne Abzug.", size=8)
    s.pdf.line(20, 268, 195, 268)
    s.lines(20, 271, ["Feinmechanik Huber GmbH", "Gewerbering 14", "85354 Freising"], size=6.5,
            step=3.2)  # fmt: skip
    s.lines(80, 271, ["Geschäftsführer: Anton Huber", "Amtsgericht München HRB 123456",
                      "USt-IdNr.: DE 812 345 678"], size=6.5, step=3.2)  # fmt: skip
    s.lines(140, 271, ["Sparkasse Freising", "IBAN DE12 7005 1003 0025 1234 56",
                       "BIC BYLADEM1FSI"], size=6.5, step=3.2)  # fmt: skip
    return s.output()


DE_BOXES_TRUTH = _truth(
    invoice_number="R 26-1207", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Feinmechanik Huber GmbH", seller_vat_id="DE812345678", seller_country="DE",
    buyer_name="Präzisionstechnik Gruber GmbH", buyer_country="AT",
    tax_exclusive_total="2472.00", tax_total="0.00", grand_total="2472.00",
    due_payable="2472.00",
    line_items=[
        _line("Spannzange ER32, Ø 10 mm", "25", "H87", "38.4", "960.00"),
        _line("Werkzeugaufnahme SK40", "6", "H87", "214.5", "1287.00"),
        _line("Schleifpaste", "12", "KGM", "18.75", "225.00"),
    ],
)  # fmt: skip


# -- France: "N° de facture" in a box grid, no-break spaces, delivery address left of the billing
# address, the VAT id and the share capital in the footer ------------------------------------


def fr_nbsp() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Maison Lefèvre & Fils SARL", size=14, bold=True)
    s.lines(15, 20, ["12, rue des Tanneurs", "69002 Lyon", "France", "Tél. 04 78 12 34 56"],
            size=8, step=4)  # fmt: skip
    s.text(150, 12, "FACTURE", size=18, bold=True)
    s.boxes(120, 28, [("N° de facture", "FA-2026-00871"), ("Date de facture", "03/12/2026")],
            width=38)  # fmt: skip
    s.boxes(120, 39, [("Échéance", "02/01/2027"), ("Code client", "CL0457")], width=38)
    s.text(15, 58, "Adresse de livraison", size=8, bold=True)
    s.lines(15, 63, ["Épicerie Fine Dupont - Entrepôt", "ZI Nord, 4 rue Lavoisier",
                     "21800 Quetigny"], size=8.5)  # fmt: skip
    s.text(110, 58, "Adresse de facturation", size=8, bold=True)
    s.lines(110, 63, ["Épicerie Fine Dupont SAS", "8, place du Marché", "21000 Dijon"],
            size=8.5)  # fmt: skip
    y = s.grid(
        85,
        [
            ("Réf.", 15, 15, "L"),
            ("Désignation", 32, 70, "L"),
            ("Qté", 104, 10, "R"),
            ("Unité", 117, 11, "L"),
            ("PU HT", 129, 20, "R"),
            ("TVA", 151, 12, "R"),
            ("Montant HT", 165, 30, "R"),
        ],
        [
            ["MLF-101", "Couteau à fromage, manche olivier", "40", "pce", "18,50", "20 %",
             "740,00"],
            ["MLF-207", "Planche à découper en chêne 40 cm", "25", "pce", "34,90", "20 %",
             _nb("872,50")],
            ["MLF-310", "Coffret cadeau assorti", "10", "pce", "129,00", "20 %",
             _nb("1 290,00")],
        ],
    )  # fmt: skip
    s.pairs(120, y + 6, [("Total HT", _nb("2 902,50 €")), ("TVA 20 %", _nb("580,50 €")),
                         ("Total TTC", _nb("3 483,00 €")), ("Net à payer", _nb("3 483,00 €"))],
            gap=38, value_width=37, align="R")  # fmt: skip
    s.text(15, y + 32, "Pénalités de retard : trois fois le taux d'intérêt légal. Indemnité "
                       "forfaitaire pour frais de recouvrement : 40 €.", size=7)  # fmt: skip
    s.text(15, 276, _nb("SARL au capital de 20 000 € · RCS Lyon 512 345 678 · SIRET 512 345 678 "
                        "00024"), size=6.5)  # fmt: skip
    s.text(15, 280, "N° TVA intracommunautaire : FR 45 512345678 · Code APE 4639B", size=6.5)
    return s.output()


FR_NBSP_TRUTH = _truth(
    invoice_number="FA-2026-00871", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Maison Lefèvre & Fils SARL", seller_vat_id="FR45512345678", seller_country="FR",
    buyer_name="Épicerie Fine Dupont SAS",
    tax_exclusive_total="2902.50", tax_total="580.50", grand_total="3483.00",
    due_payable="3483.00",
    line_items=[
        _line("Couteau à fromage, manche olivier", "40", "H87", "18.5", "740.00"),
        _line("Planche à découper en chêne 40 cm", "25", "H87", "34.9", "872.50"),
        _line("Coffret cadeau assorti", "10", "H87", "129", "1290.00"),
    ],
)  # fmt: skip


# -- Italy: "Fattura n. 145/2026 del 03/12/2026" on one line, "Spett.le", "P.IVA e C.F.", a
# "Sc. %" column, the tax summary as a row of boxes ("Imponibile", "Totale documento") ---------


def it_spettle() -> bytes:
    s = Sheet2()
    s.text(15, 12, "OFFICINE BRAMBILLA S.R.L.", size=14, bold=True)
    s.lines(15, 20, ["Via dell'Artigianato, 7 - 20863 Concorezzo (MB)",
                     "Tel. 039 604 1122 - info@officinebrambilla.it",
                     "P.IVA e C.F. 01234567890 - REA MB-1234567 - Cap. Soc. € 50.000,00 i.v."],
            size=7.5, step=3.8)  # fmt: skip
    s.text(115, 38, "Spett.le", size=8)
    s.lines(115, 43, ["Ferramenta Rossi S.n.c. di Rossi Marco & C.", "Via Tiburtina, 1020",
                      "00156 Roma (RM)", "P.IVA 09876543210"])  # fmt: skip
    s.text(15, 40, "Fattura n. 145/2026 del 03/12/2026", size=11, bold=True)
    s.pairs(15, 50, [("Pagamento:", "Bonifico bancario 60 gg d.f.f.m."),
                     ("Banca:", "IBAN IT60 X054 2811 1010 0000 0123 456")], gap=25,
            step=4.5)  # fmt: skip
    y = s.grid(
        75,
        [
            ("Codice", 15, 18, "L"),
            ("Descrizione", 35, 62, "L"),
            ("U.M.", 99, 9, "L"),
            ("Q.tà", 109, 11, "R"),
            ("Prezzo", 122, 22, "R"),
            ("Sc. %", 146, 11, "R"),
            ("Importo", 159, 24, "R"),
            ("IVA", 185, 10, "R"),
        ],
        [
            ["BR-M8", "Vite TCEI M8x30 zincata", "PZ", "500", "0,18", "", "90,00", "22"],
            ["BR-TR4", "Trapano a colonna TR40", "PZ", "2", "1.150,00", "10", "2.070,00", "22"],
            ["BR-LB", "Lubrificante spray 400 ml", "PZ", "24", "6,50", "5", "148,20", "22"],
        ],
        size=8.5,
    )
    s.boxes(55, y + 10, [("Imponibile", "2.308,20"), ("Aliquota IVA", "22%"),
                         ("Imposta", "507,80"), ("Totale documento", "€ 2.816,00")], width=35,
            align="R")  # fmt: skip
    s.pairs(125, y + 26, [("Netto a pagare", "€ 2.816,00")], gap=35, value_width=35, align="R")
    s.text(15, y + 40, "Contributo ambientale CONAI assolto ove dovuto.", size=7)
    return s.output()


IT_SPETTLE_TRUTH = _truth(
    invoice_number="145/2026", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="OFFICINE BRAMBILLA S.R.L.", seller_vat_id="01234567890",
    buyer_name="Ferramenta Rossi S.n.c. di Rossi Marco & C.",
    tax_exclusive_total="2308.20", tax_total="507.80", grand_total="2816.00",
    due_payable="2816.00",
    line_items=[
        _line("Vite TCEI M8x30 zincata", "500", "H87", "0.18", "90.00"),
        _line("Trapano a colonna TR40", "2", "H87", "1150", "2070.00"),
        _line("Lubrificante spray 400 ml", "24", "H87", "6.5", "148.20"),
    ],
)  # fmt: skip


# -- Spain: "Nº Factura", "CIF", "Datos del cliente" with the buyer's NIF, the tax summary in boxes
# ("Base imponible", "% IVA", "Cuota IVA", "TOTAL FACTURA") ----------------------------------


def es_cuota() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cerámicas del Levante, S.L.", size=13, bold=True)
    s.lines(15, 19, ["Avda. de la Industria, 45", "12200 Onda (Castellón)", "CIF: B12345678"],
            size=8, step=4)  # fmt: skip
    s.text(140, 12, "FACTURA", size=16, bold=True)
    s.pairs(120, 24, [("Nº Factura:", "A-2026/0311"), ("Fecha:", "03-12-2026"),
                      ("Forma de pago:", "Transferencia 30 días")], gap=27)  # fmt: skip
    s.pdf.rect(13, 44, 90, 27)
    s.text(15, 45, "Datos del cliente", size=8, bold=True)
    s.lines(15, 50, ["Reformas Integrales Sevilla, S.A.", "C/ Luis Montoto, 112",
                     "41018 Sevilla", "NIF: A41234567"])  # fmt: skip
    y = s.grid(
        80,
        [
            ("Código", 15, 18, "L"),
            ("Descripción", 35, 72, "L"),
            ("Cantidad", 108, 20, "R"),
            ("Precio", 130, 25, "R"),
            ("Importe", 160, 35, "R"),
        ],
        [
            ["AZ-3060", "Azulejo blanco mate 30x60 (m²)", "180,00", "14,20", "2.556,00"],
            ["RP-100", "Rodapié porcelánico 8x60", "240,00", "3,10", "744,00"],
            ["AD-25", "Adhesivo cementoso C2TE saco 25 kg", "60,00", "9,80", "588,00"],
        ],
    )
    s.boxes(55, y + 10, [("Base imponible", "3.888,00"), ("% IVA", "21,00"),
                         ("Cuota IVA", "816,48"), ("TOTAL FACTURA", "4.704,48 €")], width=35,
            align="R")  # fmt: skip
    s.text(15, y + 30, "Inscrita en el Registro Mercantil de Castellón, Tomo 1234, Folio 56, "
                       "Hoja CS-7890.", size=7)  # fmt: skip
    return s.output()


ES_CUOTA_TRUTH = _truth(
    invoice_number="A-2026/0311", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Cerámicas del Levante, S.L.", seller_vat_id="B12345678",
    buyer_name="Reformas Integrales Sevilla, S.A.",
    tax_exclusive_total="3888.00", tax_total="816.48", grand_total="4704.48",
    due_payable="4704.48",
    line_items=[
        _line("Azulejo blanco mate 30x60 (m²)", "180", None, "14.2", "2556.00"),
        _line("Rodapié porcelánico 8x60", "240", None, "3.1", "744.00"),
        _line("Adhesivo cementoso C2TE saco 25 kg", "60", None, "9.8", "588.00"),
    ],
)  # fmt: skip


# -- The Netherlands: letterhead on the right, the buyer unlabelled at the left, "BTW 21% over
# € 669,00", "BTW-id" in a footer with KvK and IBAN --------------------------------------------


def nl_btw_over() -> bytes:
    s = Sheet2()
    s.text(120, 12, "Van der Berg Installatietechniek B.V.", size=11, bold=True)
    s.lines(120, 19, ["Industrieweg 22", "3044 AS Rotterdam", "T 010 123 4567"], size=8, step=4)
    s.lines(20, 45, ["Bakkerij De Gouden Korenaar", "t.a.v. de heer J. Visser", "Dorpsstraat 8",
                     "2741 AB Waddinxveen"])  # fmt: skip
    s.text(20, 76, "FACTUUR", size=14, bold=True)
    s.pairs(20, 86, [("Factuurnummer:", "2026-0458"), ("Factuurdatum:", "3 december 2026"),
                     ("Vervaldatum:", "17 december 2026"), ("Uw referentie:", "Onderhoud oven")],
            gap=32)  # fmt: skip
    y = s.grid(
        115,
        [
            ("Omschrijving", 20, 85, "L"),
            ("Aantal", 107, 15, "R"),
            ("Prijs", 124, 24, "R"),
            ("BTW", 150, 12, "R"),
            ("Bedrag", 165, 30, "R"),
        ],
        [
            ["Onderhoud bakoven, arbeidsuren", "6", "€ 72,50", "21%", "€ 435,00"],
            ["Vervangen thermostaat TH-220", "1", "€ 189,00", "21%", "€ 189,00"],
            ["Voorrijkosten", "1", "€ 45,00", "21%", "€ 45,00"],
        ],
    )
    s.pairs(105, y + 6, [("Subtotaal", "€ 669,00"), ("BTW 21% over € 669,00", "€ 140,49"),
                         ("Totaal", "€ 809,49")], gap=55, value_width=35, align="R")  # fmt: skip
    s.text(20, y + 26, "Wij verzoeken u vriendelijk het totaalbedrag vóór 17 december 2026 over "
                       "te maken onder vermelding van het factuurnummer.", size=7.5)  # fmt: skip
    s.text(20, 280, "Van der Berg Installatietechniek B.V. | KvK 24123456 | BTW-id "
                    "NL812345678B01 | IBAN NL91 ABNA 0417 1643 00", size=7)  # fmt: skip
    return s.output()


NL_BTW_OVER_TRUTH = _truth(
    invoice_number="2026-0458", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Van der Berg Installatietechniek B.V.", seller_vat_id="NL812345678B01",
    buyer_name="Bakkerij De Gouden Korenaar",
    tax_exclusive_total="669.00", tax_total="140.49", grand_total="809.49",
    due_payable="809.49",
    line_items=[
        _line("Onderhoud bakoven, arbeidsuren", "6", None, "72.5", "435.00"),
        _line("Vervangen thermostaat TH-220", "1", None, "189", "189.00"),
        _line("Voorrijkosten", "1", None, "45", "45.00"),
    ],
)  # fmt: skip


# -- Poland: "Faktura VAT nr ..." as the title, "Sprzedawca" beside "Nabywca", NIP with dashes,
# net / VAT / gross columns and a "Razem:" row, "Do zapłaty: ... PLN" ------------------------


def pl_razem() -> bytes:
    s = Sheet2("Cond")
    s.pairs(118, 10, [("Miejsce wystawienia:", "Poznań"), ("Data wystawienia:", "2026-12-03"),
                      ("Data sprzedaży:", "2026-11-30")], gap=36, step=4.5)  # fmt: skip
    s.text(55, 30, "Faktura VAT nr FV/2026/12/0042", size=14, bold=True)
    s.text(15, 45, "Sprzedawca:", bold=True)
    s.lines(15, 50, ["Drewpol Sp. z o.o.", "ul. Składowa 12", "61-897 Poznań",
                     "NIP: 782-25-13-447"])  # fmt: skip
    s.text(110, 45, "Nabywca:", bold=True)
    s.lines(110, 50, ["Meblex Sp. z o.o. Sp. k.", "ul. Fabryczna 5", "90-344 Łódź",
                      "NIP: 725-19-88-301"])  # fmt: skip
    y = s.grid(
        75,
        [
            ("Lp.", 15, 6, "L"),
            ("Nazwa towaru lub usługi", 22, 56, "L"),
            ("Ilość", 79, 10, "R"),
            ("J.m.", 91, 8, "L"),
            ("Cena netto", 100, 17, "R"),
            ("Wartość netto", 118, 21, "R"),
            ("VAT %", 140, 10, "R"),
            ("Kwota VAT", 151, 19, "R"),
            ("Wartość brutto", 171, 24, "R"),
        ],
        [
            ["1", "Płyta meblowa dąb sonoma 18 mm", "120", "m2", "42,50", "5 100,00", "23",
             "1 173,00", "6 273,00"],
            ["2", "Obrzeże ABS 2 mm, rolka 100 m", "15", "szt.", "86,00", "1 290,00", "23",
             "296,70", "1 586,70"],
            ["", "Razem:", "", "", "", "6 390,00", "", "1 469,70", "7 859,70"],
        ],
        size=7.5,
    )  # fmt: skip
    s.text(15, y + 6, "Do zapłaty: 7 859,70 PLN", size=11, bold=True)
    s.text(15, y + 13, "Słownie: siedem tysięcy osiemset pięćdziesiąt dziewięć PLN 70/100", size=8)
    s.pairs(15, y + 20, [("Forma płatności:", "przelew, 14 dni"),
                         ("Nr konta:", "12 1020 4027 0000 1902 1234 5678")], gap=30,
            step=4.5)  # fmt: skip
    return s.output()


PL_RAZEM_TRUTH = _truth(
    invoice_number="FV/2026/12/0042", type_code="380", issue_date="2026-12-03", currency="PLN",
    seller_name="Drewpol Sp. z o.o.", seller_vat_id="7822513447",
    buyer_name="Meblex Sp. z o.o. Sp. k.",
    tax_exclusive_total="6390.00", tax_total="1469.70", grand_total="7859.70",
    due_payable="7859.70",
    line_items=[
        _line("Płyta meblowa dąb sonoma 18 mm", "120", "MTK", "42.5", "5100.00"),
        _line("Obrzeże ABS 2 mm, rolka 100 m", "15", "H87", "86", "1290.00"),
    ],
)  # fmt: skip


# -- Turkey: an e-Arşiv fatura ("SAYIN" over the buyer, "Vergi Dairesi" / "Vergi No", "ETTN", KDV,
# amounts as "34.000,00 TL", quantities "40 Adet") ---------------------------------------------


def tr_earsiv() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ANADOLU TEKSTİL SANAYİ VE TİCARET A.Ş.", size=11, bold=True)
    s.lines(15, 18, ["Organize Sanayi Bölgesi 4. Cadde No: 18", "Kayseri / Türkiye",
                     "Tel: 0352 321 45 67", "Vergi Dairesi: Erciyes", "Vergi No: 0680012345"],
            size=8, step=4)  # fmt: skip
    s.text(140, 12, "e-Arşiv FATURA", size=14, bold=True)
    s.pdf.line(15, 42, 195, 42)
    s.text(15, 46, "SAYIN", bold=True)
    s.lines(15, 51, ["Yıldız Ev Tekstili Ltd. Şti.", "Atatürk Cad. No: 45",
                     "Merkezefendi / Denizli", "Vergi Dairesi: Pamukkale", "VKN: 9876543210"],
            size=8.5)  # fmt: skip
    s.pairs(115, 46, [("Özelleştirme No:", "TR1.2"), ("Senaryo:", "EARSIVFATURA"),
                      ("Fatura Tipi:", "SATIS"), ("Fatura No:", "ATS2026000000187"),
                      ("Fatura Tarihi:", "03-12-2026"), ("Saat:", "14:32")], gap=35,
            step=4.5)  # fmt: skip
    s.text(15, 78, "ETTN: 3f2b8c1e-7a4d-4e9b-9c21-5d8e6f0a1b2c", size=7)
    y = s.grid(
        88,
        [
            ("Sıra No", 15, 12, "L"),
            ("Mal Hizmet", 29, 58, "L"),
            ("Miktar", 88, 16, "R"),
            ("Birim Fiyat", 106, 20, "R"),
            ("KDV Oranı", 128, 15, "R"),
            ("KDV Tutarı", 145, 21, "R"),
            ("Mal Hizmet Tutarı", 167, 28, "R"),
        ],
        [
            ["1", "Pamuklu nevresim takımı çift kişilik", "40 Adet", "850,00 TL", "%10",
             "3.400,00 TL", "34.000,00 TL"],
            ["2", "Havlu seti 4'lü", "120 Adet", "275,50 TL", "%10", "3.306,00 TL",
             "33.060,00 TL"],
        ],
        size=7.5,
    )  # fmt: skip
    s.pairs(105, y + 6, [("Mal Hizmet Toplam Tutarı", "67.060,00 TL"),
                         ("Toplam İskonto", "0,00 TL"),
                         ("Hesaplanan KDV(%10)", "6.706,00 TL"),
                         ("Vergiler Dahil Toplam Tutar", "73.766,00 TL"),
                         ("Ödenecek Tutar", "73.766,00 TL")], gap=55, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 36, "Yalnız: YetmişüçbinyediyüzaltmışaltıTürkLirası", size=7.5)
    return s.output()


TR_EARSIV_TRUTH = _truth(
    invoice_number="ATS2026000000187", type_code="380", issue_date="2026-12-03", currency="TRY",
    seller_name="ANADOLU TEKSTİL SANAYİ VE TİCARET A.Ş.", seller_vat_id="0680012345",
    seller_country="TR", buyer_name="Yıldız Ev Tekstili Ltd. Şti.",
    tax_exclusive_total="67060.00", tax_total="6706.00", grand_total="73766.00",
    due_payable="73766.00",
    line_items=[
        _line("Pamuklu nevresim takımı çift kişilik", "40", "H87", "850", "34000.00"),
        _line("Havlu seti 4'lü", "120", "H87", "275.5", "33060.00"),
    ],
)  # fmt: skip


# -- The US, as invoice-generator sites print it: "# 1087" under the title, "Bill To:" beside
# "Ship To:", "Balance Due" at the top and after a part payment -------------------------------


def us_balance_due() -> bytes:
    s = Sheet2()
    s.lines(15, 14, ["Blue Ridge Print & Sign", "410 Haywood Rd", "Asheville, NC 28806"],
            size=9)  # fmt: skip
    s.text(150, 12, "INVOICE", size=24)
    s.text(168, 24, "# 1087", size=10)
    s.text(15, 45, "Bill To:", size=8)
    s.lines(15, 50, ["Mountain Brew Coffee Co.", "22 Lexington Ave", "Asheville, NC 28801"],
            bold=True)  # fmt: skip
    s.text(70, 45, "Ship To:", size=8)
    s.lines(70, 50, ["Mountain Brew - Downtown", "22 Lexington Ave, Suite B",
                     "Asheville, NC 28801"], bold=True)  # fmt: skip
    for index, (label, value) in enumerate(
        [("Date:", "Dec 3, 2026"), ("Payment Terms:", "Net 15"), ("Due Date:", "Dec 18, 2026"),
         ("Balance Due:", "$799.00")]
    ):  # fmt: skip
        s.text(120, 40 + 6 * index, label, width=40, align="R", bold=index == 3)
        s.text(162, 40 + 6 * index, value, width=33, align="R", bold=index == 3)
    s.pdf.rect(118, 57, 78, 6)
    y = s.grid(
        80,
        [
            ("Item", 15, 95, "L"),
            ("Quantity", 112, 20, "R"),
            ("Rate", 135, 25, "R"),
            ("Amount", 163, 32, "R"),
        ],
        [
            ["Vinyl banner 3x8 ft, full color", "2", "$180.00", "$360.00"],
            ["Menu board, 24x36 foam core", "6", "$65.00", "$390.00"],
            ["Business cards, 500 ct", "3", "$150.00", "$450.00"],
        ],
    )
    for index, (label, value) in enumerate(
        [("Subtotal:", "$1,200.00"), ("Tax (8.25%):", "$99.00"), ("Total:", "$1,299.00"),
         ("Amount Paid:", "$500.00"), ("Balance Due:", "$799.00")]
    ):  # fmt: skip
        s.text(115, y + 6 + 6 * index, label, width=45, align="R")
        s.text(163, y + 6 + 6 * index, value, width=32, align="R")
    s.text(15, y + 42, "Notes:", size=8)
    s.text(15, y + 46, "Thank you for your business!", size=8)
    s.text(15, y + 54, "Terms:", size=8)
    s.text(15, y + 58, "Payment due within 15 days. A 1.5% monthly fee applies after that.",
           size=8)  # fmt: skip
    return s.output()


US_BALANCE_DUE_TRUTH = _truth(
    invoice_number="1087", type_code="380", issue_date="2026-12-03",
    seller_name="Blue Ridge Print & Sign", buyer_name="Mountain Brew Coffee Co.",
    tax_exclusive_total="1200.00", tax_total="99.00", grand_total="1299.00",
    due_payable="799.00",
    line_items=[
        _line("Vinyl banner 3x8 ft, full color", "2", None, "180", "360.00"),
        _line("Menu board, 24x36 foam core", "6", None, "65", "390.00"),
        _line("Business cards, 500 ct", "3", None, "150", "450.00"),
    ],
)  # fmt: skip


# -- Germany: a Proforma-Rechnung for samples sent to the US, bilingual labels, a 20-digit
# tracking number, "Gesamtwert / Total value: EUR 150,00" ------------------------------------


def de_proforma() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Proforma-Rechnung", size=16, bold=True)
    s.text(15, 20, "(nur für Zollzwecke - kein Verkauf / for customs purposes only - no sale)",
           size=7)  # fmt: skip
    s.text(15, 30, "Absender / Sender:", bold=True)
    s.lines(15, 35, ["Bergsport Wagner KG", "Alpenstraße 3", "87561 Oberstdorf", "Deutschland"])
    s.text(110, 30, "Empfänger / Consignee:", bold=True)
    s.lines(110, 35, ["Summit Outfitters Inc.", "1520 Pearl Street", "Boulder, CO 80302",
                      "USA"])  # fmt: skip
    s.pairs(15, 60, [("Proforma-Rechnung Nr.:", "PF-26-033"), ("Datum:", "03.12.2026"),
                     ("Sendungsnummer:", "00340434161234567890"),
                     ("Lieferbedingung:", "DAP Boulder")], gap=46)  # fmt: skip
    y = s.grid(
        88,
        [
            ("Anz.", 15, 10, "R"),
            ("Warenbeschreibung / Description", 28, 70, "L"),
            ("HS-Code", 100, 20, "L"),
            ("Ursprung", 122, 16, "L"),
            ("Einzelwert", 140, 22, "R"),
            ("Gesamtwert", 165, 30, "R"),
        ],
        [
            ["2", "Kletterschuhe, Muster / climbing shoes, samples", "6402.19", "DE", "45,00",
             "90,00"],
            ["5", "Karabiner, Aluminium / carabiners", "7616.99", "DE", "12,00", "60,00"],
        ],
        size=8,
    )  # fmt: skip
    s.pairs(100, y + 6, [("Gesamtwert / Total value:", "EUR 150,00")], gap=55, value_width=40,
            align="R")  # fmt: skip
    s.pairs(15, y + 18, [("Gewicht / Weight:", "2,4 kg"),
                         ("Grund der Ausfuhr:", "Warenmuster / commercial samples")], gap=38,
            step=4.5)  # fmt: skip
    s.text(15, y + 34, "Oberstdorf, 03.12.2026   Unterschrift: ____________________", size=8)
    return s.output()


DE_PROFORMA_TRUTH = _truth(
    invoice_number="PF-26-033", type_code="325", issue_date="2026-12-03", currency="EUR",
    seller_name="Bergsport Wagner KG", seller_country="DE",
    buyer_name="Summit Outfitters Inc.", buyer_country="US",
    grand_total="150.00", due_payable="150.00",
    line_items=[
        _line("Kletterschuhe, Muster / climbing shoes, samples", "2", None, "45", "90.00"),
        _line("Karabiner, Aluminium / carabiners", "5", None, "12", "60.00"),
    ],
)  # fmt: skip


# -- Denmark: a two-page invoice in English, the item table carried forward, totals on page 2 ----


_DK_COLUMNS = [
    ("Item no.", 15, 20, "L"),
    ("Description", 38, 72, "L"),
    ("Qty", 112, 12, "R"),
    ("Unit", 127, 10, "L"),
    ("Unit price", 139, 24, "R"),
    ("Amount", 165, 30, "R"),
]


def dk_two_pages() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Nordlys Marine ApS", size=15, bold=True)
    s.lines(15, 20, ["Havnegade 41, 5000 Odense C, Denmark", "CVR/VAT no.: DK 31 25 87 46"],
            size=8, step=4)  # fmt: skip
    s.text(160, 12, "INVOICE", size=16, bold=True)
    s.pairs(130, 24, [("Invoice no.", "26-10433"), ("Invoice date", "03.12.2026"),
                      ("Customer no.", "2207"), ("Page", "1 of 2")], gap=30)  # fmt: skip
    s.text(15, 45, "Invoice to", bold=True)
    s.lines(15, 50, ["Baltic Yacht Service OÜ", "Tööstuse 48", "10416 Tallinn", "Estonia",
                     "VAT: EE101234567"])  # fmt: skip
    y = s.grid(
        82,
        _DK_COLUMNS,
        [
            ["NM-101", "Stainless steel cleat 250 mm", "20", "pcs", "18.40", "368.00"],
            ["NM-114", "Mooring line 16 mm x 12 m", "10", "pcs", "42.00", "420.00"],
            ["NM-202", "Fender 20x60 cm, white", "16", "pcs", "27.50", "440.00"],
            ["NM-230", "Navigation light LED, port", "4", "pcs", "64.90", "259.60"],
            ["NM-231", "Navigation light LED, starboard", "4", "pcs", "64.90", "259.60"],
            ["NM-305", "Bilge pump 12V, 2000 GPH", "3", "pcs", "129.00", "387.00"],
        ],
    )
    s.text(112, y + 4, "Carried forward", bold=True)
    s.text(165, y + 4, "2,134.20", bold=True, width=30, align="R")
    s.text(15, 262, "Continued on page 2", size=8)
    footer = ("Nordlys Marine ApS · Havnegade 41 · 5000 Odense C · CVR/VAT DK31258746 · "
              "Danske Bank 1234 5678901234")  # fmt: skip
    s.text(15, 280, footer, size=7)
    s.pdf.add_page()
    s.text(15, 12, "Nordlys Marine ApS - Invoice 26-10433 - Page 2 of 2", size=8)
    s.text(112, 22, "Brought forward", bold=True)
    s.text(165, 22, "2,134.20", bold=True, width=30, align="R")
    y = s.grid(
        30,
        _DK_COLUMNS,
        [
            ["NM-410", "Marine grease 500 g", "12", "pcs", "11.25", "135.00"],
            ["NM-512", "Anchor 10 kg, galvanised", "2", "pcs", "96.00", "192.00"],
        ],
    )
    s.pairs(110, y + 8, [("Total excl. VAT", "2,461.20"),
                         ("VAT 0% (intra-EU supply, reverse charge)", "0.00"),
                         ("Total EUR", "2,461.20")], gap=50, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 30, "Payment within 30 days to IBAN DK50 0040 0440 1162 43, BIC DABADKKK.",
           size=8)  # fmt: skip
    s.text(15, 280, footer, size=7)
    return s.output()


DK_TWO_PAGES_TRUTH = _truth(
    invoice_number="26-10433", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Nordlys Marine ApS", seller_vat_id="DK31258746", seller_country="DK",
    buyer_name="Baltic Yacht Service OÜ", buyer_country="EE",
    tax_exclusive_total="2461.20", tax_total="0.00", grand_total="2461.20",
    due_payable="2461.20",
    line_items=[
        _line("Stainless steel cleat 250 mm", "20", "H87", "18.4", "368.00"),
        _line("Mooring line 16 mm x 12 m", "10", "H87", "42", "420.00"),
        _line("Fender 20x60 cm, white", "16", "H87", "27.5", "440.00"),
        _line("Navigation light LED, port", "4", "H87", "64.9", "259.60"),
        _line("Navigation light LED, starboard", "4", "H87", "64.9", "259.60"),
        _line("Bilge pump 12V, 2000 GPH", "3", "H87", "129", "387.00"),
        _line("Marine grease 500 g", "12", "H87", "11.25", "135.00"),
        _line("Anchor 10 kg, galvanised", "2", "H87", "96", "192.00"),
    ],
)  # fmt: skip


# -- Ireland: a wholesaler's sales invoice with a "Disc. %" column, "Deliver To" left of
# "Invoice To", "VAT @ 23%", a settlement-discount note -------------------------------------


def ie_discount() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Claddagh Hardware Wholesale Ltd", size=14, bold=True)
    s.lines(15, 20, ["Unit 5, Galway Business Park, Galway H91 X2Y3, Ireland",
                     "VAT No. IE 9876543W"], size=8, step=4)  # fmt: skip
    s.text(145, 12, "SALES INVOICE", size=13, bold=True)
    s.pairs(135, 24, [("Invoice No:", "SI-058812"), ("Invoice Date:", "03 Dec 2026"),
                      ("Account No:", "MCG01"), ("Your Order:", "PO 4471")], gap=24)  # fmt: skip
    s.text(15, 48, "Deliver To:", bold=True)
    s.lines(15, 53, ["McGrath Building Supplies Ltd - Yard", "Dock Road", "Limerick V94 K2P3"])
    s.text(110, 48, "Invoice To:", bold=True)
    s.lines(110, 53, ["McGrath Building Supplies Ltd", "14 O'Connell Street",
                      "Limerick V94 E7N1", "Ireland"])  # fmt: skip
    y = s.grid(
        80,
        [
            ("Code", 15, 18, "L"),
            ("Description", 35, 62, "L"),
            ("Qty", 99, 12, "R"),
            ("Unit Price", 113, 20, "R"),
            ("Disc. %", 135, 14, "R"),
            ("VAT %", 151, 12, "R"),
            ("Net", 165, 30, "R"),
        ],
        [
            ["CH-2041", "Claw hammer 20oz fibreglass", "24", "14.50", "10.0", "23", "313.20"],
            ["CH-3310", "Tape measure 8m", "36", "7.80", "15.0", "23", "238.68"],
            ["CH-5002", "Wood screws 4x40, box of 200", "50", "5.20", "", "23", "260.00"],
        ],
    )
    s.pairs(120, y + 6, [("Total Net", "€811.88"), ("VAT @ 23%", "€186.73"),
                         ("Invoice Total", "€998.61")], gap=40, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 26, "Settlement discount 2.5% if paid within 10 days. Goods remain our "
                       "property until paid in full.", size=7.5)  # fmt: skip
    return s.output()


IE_DISCOUNT_TRUTH = _truth(
    invoice_number="SI-058812", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Claddagh Hardware Wholesale Ltd", seller_vat_id="IE9876543W",
    seller_country="IE", buyer_name="McGrath Building Supplies Ltd", buyer_country="IE",
    tax_exclusive_total="811.88", tax_total="186.73", grand_total="998.61",
    due_payable="998.61",
    line_items=[
        _line("Claw hammer 20oz fibreglass", "24", None, "14.5", "313.20"),
        _line("Tape measure 8m", "36", None, "7.8", "238.68"),
        _line("Wood screws 4x40, box of 200", "50", None, "5.2", "260.00"),
    ],
)  # fmt: skip


# -- Switzerland (French): CHF with apostrophes, labels above values in a row, "IDE/TVA", and a
# rounding to five centimes, so the amount due is not the total ------------------------------


def ch_arrondi() -> bytes:
    s = Sheet2("Serif")
    s.text(125, 12, "Horlogerie Perrin SA", size=14, bold=True)
    s.lines(125, 20, ["Rue de la Gare 12", "2300 La Chaux-de-Fonds", "Suisse",
                      "IDE/TVA: CHE-109.322.551 TVA"], size=8, step=4)  # fmt: skip
    s.text(20, 45, "Destinataire", size=8, bold=True)
    s.lines(20, 50, ["Bijouterie Moser AG", "Bahnhofstrasse 31", "8001 Zürich"])
    s.text(20, 75, "Facture", size=16, bold=True)
    for index, (label, value) in enumerate(
        [("Facture n°", "2026-1187"), ("Date", "3 décembre 2026"), ("Votre commande", "BM-5521"),
         ("Conditions", "30 jours net")]
    ):  # fmt: skip
        s.text(20 + 44 * index, 86, label, size=7.5)
        s.text(20 + 44 * index, 90, value, bold=True)
    y = s.grid(
        102,
        [
            ("Pos.", 20, 8, "L"),
            ("Article", 30, 20, "L"),
            ("Désignation", 52, 58, "L"),
            ("Quantité", 111, 16, "R"),
            ("Prix unit. CHF", 129, 28, "R"),
            ("Montant CHF", 160, 35, "R"),
        ],
        [
            ["1", "HP-220", "Montre automatique acier, bracelet cuir", "8", "1'234.50",
             "9'876.00"],
            ["2", "HP-081", "Bracelet cuir alligator 20 mm", "15", "185.00", "2'775.00"],
            ["3", "HP-900", "Écrin de présentation", "23", "24.50", "563.50"],
        ],
        size=8.5,
    )  # fmt: skip
    s.pairs(115, y + 6, [("Total HT", "13'214.50"), ("TVA 8,1 %", "1'070.37"),
                         ("Total TTC", "14'284.87"), ("Arrondi", "-0.02"),
                         ("Montant à payer CHF", "14'284.85")], gap=45, value_width=35,
            align="R")  # fmt: skip
    s.text(20, y + 36, "Payable à 30 jours net. IBAN CH93 0076 2011 6238 5295 7.", size=8)
    return s.output()


CH_ARRONDI_TRUTH = _truth(
    invoice_number="2026-1187", type_code="380", issue_date="2026-12-03", currency="CHF",
    seller_name="Horlogerie Perrin SA", seller_vat_id="CHE109322551TVA", seller_country="CH",
    buyer_name="Bijouterie Moser AG",
    tax_exclusive_total="13214.50", tax_total="1070.37", grand_total="14284.87",
    due_payable="14284.85",
    line_items=[
        _line("Montre automatique acier, bracelet cuir", "8", None, "1234.5", "9876.00"),
        _line("Bracelet cuir alligator 20 mm", "15", None, "185", "2775.00"),
        _line("Écrin de présentation", "23", None, "24.5", "563.50"),
    ],
)  # fmt: skip


# == Written after the reader had been fixed for the twelve above, and first read unchanged ======


# -- Czech/English bilingual: "Faktura - daňový doklad / Invoice", "DIČ / VAT No.", Kč and CZK ---


def cz_bilingual() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Sklárna Novák s.r.o.", size=15, bold=True)
    s.lines(15, 20, ["Průmyslová 18, 468 01 Jablonec nad Nisou", "Česká republika / Czech Republic",
                     "IČ: 25412345   DIČ / VAT No.: CZ25412345"], size=8, step=4)  # fmt: skip
    s.text(120, 12, "Faktura - daňový doklad / Invoice", size=12, bold=True)
    s.pairs(115, 22, [("Číslo faktury / Invoice No.:", "2026-0734"),
                      ("Datum vystavení / Issue date:", "03.12.2026"),
                      ("Datum splatnosti / Due date:", "02.01.2027")], gap=52,
            step=4.5)  # fmt: skip
    s.text(15, 42, "Odběratel / Customer:", bold=True)
    s.lines(15, 47, ["Glasshouse Interiors Ltd", "7 Canal Street", "Manchester M1 3HE",
                     "Velká Británie / United Kingdom", "VAT No.: GB 298 7765 12"])  # fmt: skip
    y = s.grid(
        80,
        [
            ("Popis / Description", 15, 80, "L"),
            ("Množství / Qty", 97, 22, "R"),
            ("Cena / Price", 121, 24, "R"),
            ("Celkem / Amount", 160, 35, "R"),
        ],
        [
            ["Váza z foukaného skla / Blown glass vase, 30 cm", "40", "1 250,00", "50 000,00"],
            ["Sklenice, sada 6 ks / Tumbler set of 6", "60", "890,00", "53 400,00"],
        ],
        size=8,
    )  # fmt: skip
    s.pairs(105, y + 6, [("Základ daně / Tax base", "103 400,00 Kč"),
                         ("DPH 0 % / VAT 0 %", "0,00 Kč"),
                         ("Celkem k úhradě / Total due", "103 400,00 CZK")], gap=50,
            value_width=40, align="R")  # fmt: skip
    s.text(15, y + 26, "Dodání zboží do jiného členského státu / export of goods, "
                       "osvobozeno od DPH.", size=7.5)  # fmt: skip
    return s.output()


CZ_BILINGUAL_TRUTH = _truth(
    invoice_number="2026-0734", type_code="380", issue_date="2026-12-03", currency="CZK",
    seller_name="Sklárna Novák s.r.o.", seller_vat_id="CZ25412345", seller_country="CZ",
    buyer_name="Glasshouse Interiors Ltd", buyer_country="GB",
    tax_exclusive_total="103400.00", tax_total="0.00", grand_total="103400.00",
    due_payable="103400.00",
    line_items=[
        _line("Váza z foukaného skla / Blown glass vase, 30 cm", "40", None, "1250", "50000.00"),
        _line("Sklenice, sada 6 ks / Tumbler set of 6", "60", None, "890", "53400.00"),
    ],
)  # fmt: skip


# -- UK: net, VAT and gross per line, a "Totals" row in the table, "Customer Account" ----------


def uk_gross_lines() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pennine Workwear Ltd", size=15, bold=True)
    s.lines(15, 20, ["Mill House, Huddersfield Road", "Halifax HX3 0AA", "England"], size=8,
            step=4)  # fmt: skip
    s.text(150, 12, "Sales Invoice", size=14, bold=True)
    s.pairs(124, 24, [("Invoice Number", "SI-30417"), ("Date", "3rd December 2026"),
                      ("Customer Account", "HOLL002")], gap=36)  # fmt: skip
    s.text(15, 44, "Invoice To", bold=True)
    s.lines(15, 49, ["Holloway Facilities Management Ltd", "Unit 2, Aire Street", "Leeds LS1 4PR"])
    y = s.grid(
        74,
        [
            ("Product", 15, 20, "L"),
            ("Description", 37, 55, "L"),
            ("Qty", 94, 10, "R"),
            ("Unit Price", 106, 20, "R"),
            ("Net", 128, 20, "R"),
            ("VAT", 150, 18, "R"),
            ("Gross", 170, 25, "R"),
        ],
        [
            ["HV-XL", "Hi-vis vest, class 2, XL", "50", "4.20", "210.00", "42.00", "252.00"],
            ["SB-09", "Safety boots S3, size 9", "12", "38.50", "462.00", "92.40", "554.40"],
            ["", "Totals", "", "", "672.00", "134.40", "806.40"],
        ],
        size=8.5,
    )
    s.text(15, y + 8, "Payment terms: 30 days from invoice date. Bank: Barclays 20-44-91 "
                      "83412267.", size=7.5)  # fmt: skip
    s.text(15, 282, "Pennine Workwear Ltd · Registered in England No. 07712345 · VAT Reg No. "
                    "GB 301 2233 44", size=6.5)  # fmt: skip
    return s.output()


UK_GROSS_LINES_TRUTH = _truth(
    invoice_number="SI-30417", type_code="380", issue_date="2026-12-03", currency=None,
    seller_name="Pennine Workwear Ltd", seller_vat_id="GB301223344", seller_country="GB",
    buyer_name="Holloway Facilities Management Ltd",
    tax_exclusive_total="672.00", tax_total="134.40", grand_total="806.40",
    due_payable="806.40",
    line_items=[
        _line("Hi-vis vest, class 2, XL", "50", None, "4.2", "210.00"),
        _line("Safety boots S3, size 9", "12", None, "38.5", "462.00"),
    ],
)  # fmt: skip


# -- Germany: a table over two pages with "Übertrag", "Rechnung Nr. ... vom ..." ---------------


_DE_COLUMNS = [
    ("Pos.", 20, 9, "L"),
    ("Bezeichnung", 31, 80, "L"),
    ("Menge", 113, 14, "R"),
    ("Einzelpreis", 129, 26, "R"),
    ("Gesamtpreis", 160, 35, "R"),
]


def de_uebertrag() -> bytes:
    s = Sheet2("Serif")
    s.text(20, 12, "Elektro Brandt GmbH & Co. KG", size=14, bold=True)
    s.text(20, 20, "Hafenstraße 9 · 28217 Bremen · Deutschland", size=8)
    s.text(20, 42, "Elektro Brandt GmbH & Co. KG · Hafenstraße 9 · 28217 Bremen", size=6)
    s.lines(20, 47, ["Hansa Marine Service GmbH", "Am Kai 3", "27568 Bremerhaven"])
    s.text(20, 75, "Rechnung Nr. 26-4410 vom 03.12.2026", size=12, bold=True)
    s.text(20, 83, "Kundennummer 55012 · Ihre Bestellung 4500-17 vom 20.11.2026", size=8)
    y = s.grid(
        95,
        _DE_COLUMNS,
        [
            ["1", "Kabel NYM-J 3x1,5 mm², Ring 100 m", "12", "64,90", "778,80"],
            ["2", "Schutzkontaktsteckdose IP44", "40", "8,75", "350,00"],
            ["3", "LED-Feuchtraumleuchte 1500 mm", "18", "42,30", "761,40"],
        ],
    )
    s.text(113, y + 4, "Übertrag", bold=True)
    s.text(160, y + 4, "1.890,20", bold=True, width=35, align="R")
    s.text(20, 280, "Elektro Brandt GmbH & Co. KG · USt-IdNr.: DE 298 765 432 · "
                    "HRA 27001 AG Bremen", size=6.5)  # fmt: skip
    s.pdf.add_page()
    s.text(20, 12, "Rechnung Nr. 26-4410 - Seite 2", size=8)
    y = s.grid(
        24,
        _DE_COLUMNS,
        [
            ["", "Übertrag", "", "", "1.890,20"],
            ["4", "Fehlerstromschutzschalter 40 A", "6", "39,50", "237,00"],
        ],
    )
    s.pairs(115, y + 8, [("Summe netto", "2.127,20 €"), ("zzgl. 19 % USt.", "404,17 €"),
                         ("Gesamtbetrag", "2.531,37 €")], gap=45, value_width=35,
            align="R")  # fmt: skip
    s.text(20, 280, "Elektro Brandt GmbH & Co. KG · USt-IdNr.: DE 298 765 432 · "
                    "HRA 27001 AG Bremen", size=6.5)  # fmt: skip
    return s.output()


DE_UEBERTRAG_TRUTH = _truth(
    invoice_number="26-4410", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Elektro Brandt GmbH & Co. KG", seller_vat_id="DE298765432", seller_country="DE",
    buyer_name="Hansa Marine Service GmbH",
    tax_exclusive_total="2127.20", tax_total="404.17", grand_total="2531.37",
    due_payable="2531.37",
    line_items=[
        _line("Kabel NYM-J 3x1,5 mm², Ring 100 m", "12", None, "64.9", "778.80"),
        _line("Schutzkontaktsteckdose IP44", "40", None, "8.75", "350.00"),
        _line("LED-Feuchtraumleuchte 1500 mm", "18", None, "42.3", "761.40"),
        _line("Fehlerstromschutzschalter 40 A", "6", None, "39.5", "237.00"),
    ],
)  # fmt: skip


# -- Chile: "FACTURA ELECTRÓNICA" and its number in a box, R.U.T., pesos without decimals -------


def cl_factura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Viña Los Robles SpA", size=14, bold=True)
    s.lines(15, 20, ["Giro: elaboración de vinos", "Camino Real 1450, Curicó", "Chile"], size=8,
            step=4)  # fmt: skip
    s.pdf.rect(130, 10, 65, 26)
    s.text(132, 12, "R.U.T.: 76.123.456-7", size=10, bold=True, width=61, align="C")
    s.text(132, 19, "FACTURA ELECTRÓNICA", size=10, bold=True, width=61, align="C")
    s.text(132, 26, "N° 004512", size=10, bold=True, width=61, align="C")
    s.pairs(15, 42, [("Señor(es):", "Distribuidora Andes Ltda."), ("R.U.T.:", "77.654.321-K"),
                     ("Dirección:", "Av. Providencia 2100, Santiago"),
                     ("Fecha Emisión:", "03 de diciembre de 2026")], gap=30)  # fmt: skip
    y = s.grid(
        72,
        [
            ("Código", 15, 18, "L"),
            ("Descripción", 35, 70, "L"),
            ("Cantidad", 107, 18, "R"),
            ("Precio", 127, 28, "R"),
            ("Valor", 160, 35, "R"),
        ],
        [
            ["CS-750", "Cabernet Sauvignon Reserva 750 ml", "240", "4.990", "1.197.600"],
            ["CR-750", "Carménère Gran Reserva 750 ml", "120", "7.490", "898.800"],
        ],
    )
    s.pairs(120, y + 6, [("Monto Neto", "$ 2.096.400"), ("IVA 19%", "$ 398.316"),
                         ("Total", "$ 2.494.716")], gap=35, value_width=40,
            align="R")  # fmt: skip
    s.text(15, y + 28, "Timbre Electrónico SII - Res. 80 de 2014 - Verifique documento: "
                       "www.sii.cl", size=7)  # fmt: skip
    return s.output()


CL_FACTURA_TRUTH = _truth(
    invoice_number="004512", type_code="380", issue_date="2026-12-03",
    seller_name="Viña Los Robles SpA", seller_vat_id="761234567", seller_country="CL",
    buyer_name="Distribuidora Andes Ltda.",
    tax_exclusive_total="2096400.00", tax_total="398316.00", grand_total="2494716.00",
    due_payable="2494716.00",
    line_items=[
        _line("Cabernet Sauvignon Reserva 750 ml", "240", None, "4990", "1197600.00"),
        _line("Carménère Gran Reserva 750 ml", "120", None, "7490", "898800.00"),
    ],
)  # fmt: skip


UNSEEN2: list[Layout] = [
    Layout("de-boxes", de_boxes, DE_BOXES_TRUTH),
    Layout("fr-nbsp", fr_nbsp, FR_NBSP_TRUTH),
    Layout("it-spettle", it_spettle, IT_SPETTLE_TRUTH),
    Layout("es-cuota", es_cuota, ES_CUOTA_TRUTH),
    Layout("nl-btw-over", nl_btw_over, NL_BTW_OVER_TRUTH),
    Layout("pl-razem", pl_razem, PL_RAZEM_TRUTH),
    Layout("tr-earsiv", tr_earsiv, TR_EARSIV_TRUTH),
    Layout("us-balance-due", us_balance_due, US_BALANCE_DUE_TRUTH),
    Layout("de-proforma", de_proforma, DE_PROFORMA_TRUTH),
    Layout("dk-two-pages", dk_two_pages, DK_TWO_PAGES_TRUTH),
    Layout("ie-discount", ie_discount, IE_DISCOUNT_TRUTH),
    Layout("ch-arrondi", ch_arrondi, CH_ARRONDI_TRUTH),
]


# Written after the reader had been fixed for UNSEEN2, and first read without changing it.
AFTER2: list[Layout] = [
    Layout("cz-bilingual", cz_bilingual, CZ_BILINGUAL_TRUTH),
    Layout("uk-gross-lines", uk_gross_lines, UK_GROSS_LINES_TRUTH),
    Layout("de-uebertrag", de_uebertrag, DE_UEBERTRAG_TRUTH),
    Layout("cl-factura", cl_factura, CL_FACTURA_TRUTH),
]


def write_unseen2(folder: Path) -> dict[str, Path]:
    """Every layout of both lists as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, [*UNSEEN2, *AFTER2])
