"""Hand-written invoices in layouts the generator does not make, with their ground truth.

Each fixture draws one invoice with fpdf2 the way a real issuer's software lays one out
(US, UK, French, Spanish, Italian, Dutch, German, a Chinese and a Japanese exporter's
commercial invoice, a pro forma, credit notes) and says what a reader should extract, in the
issue's field names. These are the layouts the text-layer reader was developed against, so
their accuracy is a development figure, not a measure on unseen invoices.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fpdf import FPDF

if TYPE_CHECKING:
    from clearlane.documents.models import Extraction


def _cv2_fonts() -> Path:
    """The DejaVu fonts opencv-python (a dependency of the OCR) ships, wherever it is installed."""
    spec = importlib.util.find_spec("cv2")
    origin = spec.origin if spec is not None else None
    return Path(origin).parent / "qt" / "fonts" if origin else Path("/nonexistent")


_FONTS = (Path("/usr/share/fonts/truetype/dejavu"), _cv2_fonts())
FIXED_TIME = datetime(2026, 12, 1)


def _font_dir() -> Path:
    for folder in _FONTS:
        if (folder / "DejaVuSans.ttf").exists() and (folder / "DejaVuSans-Bold.ttf").exists():
            return folder
    raise FileNotFoundError(
        "tests/documents/layouts.py needs DejaVuSans.ttf and DejaVuSans-Bold.ttf (for €, £, ¥) "
        f"in one of {[str(f) for f in _FONTS]}"
    )


class Sheet:
    """An A4 page drawn by absolute positions in mm (DejaVu Sans: €, £, ¥ and accents)."""

    def __init__(self) -> None:
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_creation_date(FIXED_TIME)
        self.pdf.set_auto_page_break(auto=False)
        folder = _font_dir()
        self.pdf.add_font("DejaVu", "", str(folder / "DejaVuSans.ttf"))
        self.pdf.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
        self.pdf.add_page()

    def text(
        self, x: float, y: float, text: str, *, size: float = 9, bold: bool = False,
        width: float = 0, align: str = "L",
    ) -> None:  # fmt: skip
        self.pdf.set_font("DejaVu", "B" if bold else "", size)
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, size * 0.45, text, align=align)

    def lines(self, x: float, y: float, lines: list[str], *, step: float = 4.5, **kw: Any) -> None:
        for index, line in enumerate(lines):
            self.text(x, y + step * index, line, **kw)

    def pairs(
        self, x: float, y: float, pairs: list[tuple[str, str]], *, gap: float = 35,
        step: float = 5, value_width: float = 0, align: str = "L",
    ) -> None:  # fmt: skip
        """Label / value pairs, the value ``gap`` mm to the right of its label."""
        for index, (label, value) in enumerate(pairs):
            self.text(x, y + step * index, label, bold=True)
            self.text(x + gap, y + step * index, value, width=value_width, align=align)

    def table(
        self, y: float, columns: list[tuple[str, float, float, str]], rows: list[list[str]],
        *, step: float = 6,
    ) -> float:  # fmt: skip
        """Columns (header, x, width, align); returns the y under the last row."""
        for name, x, width, align in columns:
            self.text(x, y, name, bold=True, width=width, align=align)
        self.pdf.line(columns[0][1], y + 5, columns[-1][1] + columns[-1][2], y + 5)
        y += 7
        for row in rows:
            for (_, x, width, align), value in zip(columns, row, strict=True):
                self.text(x, y, value, width=width, align=align)
            y += step
        return y

    def output(self) -> bytes:
        return bytes(self.pdf.output())


@dataclass
class Layout:
    name: str
    draw: Callable[[], bytes]
    truth: dict[str, Any] = field(default_factory=dict)


def _line(description: str, quantity: str, unit: str | None, price: str, amount: str) -> dict:
    return {
        "description": description, "quantity": quantity, "unit_code": unit,
        "unit_price": price, "amount": amount,
    }  # fmt: skip


def _truth(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict.fromkeys(
        ("invoice_number", "type_code", "issue_date", "currency", "seller_name", "seller_vat_id",
         "seller_country", "buyer_name", "buyer_country", "tax_exclusive_total", "tax_total",
         "grand_total", "due_payable"),
    )  # fmt: skip
    base["line_items"] = []
    base.update(values)
    return base


# -- United States: letterhead seller, "Invoice #", "Dec 3, 2026", $ without a code -----------


def us_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Brightwater Supply Co.", size=16, bold=True)
    s.lines(15, 24, ["1200 Harbor Blvd, Suite 4", "Oakland, CA 94607", "United States"])
    s.text(140, 15, "INVOICE", size=20, bold=True)
    s.pairs(130, 30, [("Invoice #", "10234"), ("Date:", "Dec 3, 2026"), ("Terms:", "Net 30")],
            gap=25)  # fmt: skip
    s.text(15, 50, "Bill To", bold=True)
    s.lines(15, 55, ["Lakeside Hardware LLC", "88 Main Street", "Burlington, VT 05401",
                     "United States"])  # fmt: skip
    s.text(110, 50, "Ship To", bold=True)
    s.lines(110, 55, ["Lakeside Hardware Warehouse", "12 Industrial Pkwy",
                      "Williston, VT 05495"])  # fmt: skip
    y = s.table(80, [("Qty", 15, 12, "R"), ("Description", 32, 80, "L"),
                     ("Unit Price", 120, 30, "R"), ("Amount", 160, 35, "R")],
                [["12", "Stainless hinge, 4 inch", "$8.50", "$102.00"],
                 ["3", "Cordless drill 18V", "$129.99", "$389.97"],
                 ["1", "Loyalty discount", "($25.00)", "($25.00)"]])  # fmt: skip
    s.pairs(120, y + 6, [("Subtotal", "$466.97"), ("Sales Tax (6%)", "$28.02"),
                         ("Total Due", "$494.99")], gap=40, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 30, "Make all checks payable to Brightwater Supply Co.", size=8)
    return s.output()


# (session 33) ISO 4217: the US dollar is a US seller's own "$" (docs/documents.md)
US_TRUTH = _truth(
    invoice_number="10234", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Brightwater Supply Co.", seller_country="US",
    buyer_name="Lakeside Hardware LLC", buyer_country="US",
    tax_exclusive_total="466.97", tax_total="28.02", grand_total="494.99", due_payable="494.99",
    line_items=[
        _line("Stainless hinge, 4 inch", "12", None, "8.5", "102.00"),
        _line("Cordless drill 18V", "3", None, "129.99", "389.97"),
        _line("Loyalty discount", "1", None, "-25", "-25.00"),
    ],
)  # fmt: skip


# -- United States, numeric month-first date, explicit USD --------------------------------------


def us_numeric_date() -> bytes:
    s = Sheet()
    s.text(15, 15, "INVOICE", size=18, bold=True)
    s.text(15, 28, "From:", bold=True)
    s.lines(15, 33, ["Pinecrest Software Inc.", "400 Pine St", "Seattle, WA 98101",
                     "United States"])  # fmt: skip
    s.text(110, 28, "Bill To:", bold=True)
    s.lines(110, 33, ["Northwind Traders Ltd", "5 Wharf Road", "London N1 7GU",
                      "United Kingdom"])  # fmt: skip
    s.pairs(15, 58, [("Invoice Number:", "PS-88213"), ("Invoice Date:", "12/03/2026"),
                     ("Due Date:", "01/02/2027"), ("Currency:", "USD")], gap=35)  # fmt: skip
    y = s.table(85, [("Item", 15, 85, "L"), ("Qty", 100, 20, "R"), ("Rate", 125, 30, "R"),
                     ("Amount", 160, 35, "R")],
                [["Annual licence, Pinecrest Analytics", "5", "1,200.00", "6,000.00"],
                 ["Onboarding workshop (hours)", "8", "150.00", "1,200.00"]])  # fmt: skip
    s.pairs(120, y + 6, [("Subtotal", "$7,200.00"), ("Tax", "$0.00"), ("Total", "$7,200.00"),
                         ("Balance Due", "$7,200.00")], gap=40, value_width=35,
            align="R")  # fmt: skip
    return s.output()


US_NUMERIC_TRUTH = _truth(
    invoice_number="PS-88213", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Pinecrest Software Inc.", seller_country="US",
    buyer_name="Northwind Traders Ltd", buyer_country="GB",
    tax_exclusive_total="7200.00", tax_total="0.00", grand_total="7200.00",
    due_payable="7200.00",
    line_items=[
        _line("Annual licence, Pinecrest Analytics", "5", None, "1200", "6000.00"),
        _line("Onboarding workshop (hours)", "8", None, "150", "1200.00"),
    ],
)  # fmt: skip


# -- United Kingdom: £, "VAT Registration No.", day-first slashes -------------------------------


def uk_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Harrow & Finch Ltd", size=15, bold=True)
    s.lines(15, 23, ["Unit 7, Canal Works", "Leeds LS11 5QN", "United Kingdom",
                     "VAT Registration No. GB 123 4567 89"])  # fmt: skip
    s.text(150, 15, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 25, [("Invoice Number", "HF-2026-0907"), ("Invoice Date", "03/12/2026"),
                      ("Account", "C-1182")], gap=32)  # fmt: skip
    s.text(15, 50, "Invoice To", bold=True)
    s.lines(15, 55, ["Dunmore Retail Group", "14 Quay Street", "Dublin 2", "Ireland"])
    y = s.table(82, [("Description", 15, 85, "L"), ("Quantity", 100, 20, "R"),
                     ("Unit Price", 122, 30, "R"), ("Net Amount", 160, 35, "R")],
                [["Oak dining chair", "24", "£85.00", "£2,040.00"],
                 ["Oak dining table, 8 seat", "3", "£640.00", "£1,920.00"]])  # fmt: skip
    s.pairs(120, y + 6, [("Net", "£3,960.00"), ("VAT @ 20%", "£792.00"),
                         ("Total", "£4,752.00"), ("Amount Due", "£4,752.00")], gap=40,
            value_width=35, align="R")  # fmt: skip
    return s.output()


UK_TRUTH = _truth(
    invoice_number="HF-2026-0907", type_code="380", issue_date="2026-12-03", currency="GBP",
    seller_name="Harrow & Finch Ltd", seller_vat_id="GB123456789", seller_country="GB",
    buyer_name="Dunmore Retail Group", buyer_country="IE",
    tax_exclusive_total="3960.00", tax_total="792.00", grand_total="4752.00",
    due_payable="4752.00",
    line_items=[
        _line("Oak dining chair", "24", None, "85", "2040.00"),
        _line("Oak dining table, 8 seat", "3", None, "640", "1920.00"),
    ],
)  # fmt: skip


# -- France: "Facture n°", "3 décembre 2026", "1 234,56 €", HT/TVA/TTC --------------------------


def french_invoice(credit: bool = False) -> bytes:
    s = Sheet()
    s.text(15, 15, "Ateliers Moreau SARL", size=15, bold=True)
    s.lines(15, 23, ["12 rue des Tanneurs", "69002 Lyon", "France",
                     "N° TVA intracommunautaire : FR 40 123456789"])  # fmt: skip
    title, number = ("AVOIR", "AV-2026-0012") if credit else ("FACTURE", "FA-2026-0415")
    s.text(150, 15, title, size=16, bold=True)
    s.pairs(125, 28, [("Avoir n°" if credit else "Facture n°", number),
                      ("Date de facture", "3 décembre 2026")], gap=32)  # fmt: skip
    s.text(110, 45, "Client", bold=True)
    s.lines(110, 50, ["Boutique Lemaire", "8 avenue Louise", "1050 Bruxelles", "Belgique"])
    y = s.table(78, [("Désignation", 15, 75, "L"), ("Quantité", 92, 18, "R"),
                     ("Unité", 112, 14, "C"), ("Prix unitaire HT", 128, 30, "R"),
                     ("Montant HT", 160, 35, "R")],
                [["Sac cuir grainé, noir", "10", "pce", "89,00 €", "890,00 €"],
                 ["Ceinture cuir 35 mm", "25", "pce", "24,50 €", "612,50 €"],
                 ["Cuir pleine fleur", "12,5", "m", "18,40 €", "230,00 €"]])  # fmt: skip
    s.pairs(115, y + 6, [("Total HT", "1 732,50 €"), ("TVA 20 %", "346,50 €"),
                         ("Total TTC", "2 079,00 €"), ("Net à payer", "2 079,00 €")],
            gap=45, value_width=35, align="R")  # fmt: skip
    s.text(15, y + 35, "Pénalités de retard : trois fois le taux d'intérêt légal.", size=7)
    return s.output()


FRENCH_LINES = [
    _line("Sac cuir grainé, noir", "10", "H87", "89", "890.00"),
    _line("Ceinture cuir 35 mm", "25", "H87", "24.5", "612.50"),
    _line("Cuir pleine fleur", "12.5", "MTR", "18.4", "230.00"),
]
FRENCH_TRUTH = _truth(
    invoice_number="FA-2026-0415", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Ateliers Moreau SARL", seller_vat_id="FR40123456789", seller_country="FR",
    buyer_name="Boutique Lemaire", buyer_country="BE",
    tax_exclusive_total="1732.50", tax_total="346.50", grand_total="2079.00",
    due_payable="2079.00", line_items=FRENCH_LINES,
)  # fmt: skip
FRENCH_CREDIT_TRUTH = {**FRENCH_TRUTH, "invoice_number": "AV-2026-0012", "type_code": "381"}


# -- Spain: "Factura nº", "Base imponible", "IVA 21%", "Total factura" ---------------------------


def spanish_invoice(credit: bool = False) -> bytes:
    s = Sheet()
    s.text(15, 15, "NOTA DE CRÉDITO" if credit else "FACTURA", size=16, bold=True)
    s.text(15, 28, "Emisor", bold=True)
    s.lines(15, 33, ["Cerámicas del Turia S.L.", "Calle Mayor 21", "46001 Valencia", "España",
                     "NIF: ESB46123456"])  # fmt: skip
    s.text(110, 28, "Cliente", bold=True)
    s.lines(110, 33, ["Casa Lusitana Lda", "Rua Augusta 100", "1100-053 Lisboa", "Portugal"])
    s.pairs(15, 62, [("Nota de crédito nº" if credit else "Factura nº", "2026/0153"),
                     ("Fecha", "03/12/2026"), ("Vencimiento", "02/01/2027")],
            gap=38)  # fmt: skip
    y = s.table(85, [("Concepto", 15, 80, "L"), ("Cantidad", 97, 20, "R"),
                     ("Precio", 120, 30, "R"), ("Importe", 160, 35, "R")],
                [["Azulejo esmaltado 20x20 (caja)", "40", "32,00", "1.280,00"],
                 ["Baldosa de terracota (caja)", "15", "27,50", "412,50"]])  # fmt: skip
    s.pairs(115, y + 6, [("Base imponible", "1.692,50 €"), ("IVA 21%", "355,43 €"),
                         ("Total factura", "2.047,93 €")], gap=45, value_width=35,
            align="R")  # fmt: skip
    return s.output()


SPANISH_TRUTH = _truth(
    invoice_number="2026/0153", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Cerámicas del Turia S.L.", seller_vat_id="ESB46123456", seller_country="ES",
    buyer_name="Casa Lusitana Lda", buyer_country="PT",
    tax_exclusive_total="1692.50", tax_total="355.43", grand_total="2047.93",
    due_payable="2047.93",
    line_items=[
        _line("Azulejo esmaltado 20x20 (caja)", "40", None, "32", "1280.00"),
        _line("Baldosa de terracota (caja)", "15", None, "27.5", "412.50"),
    ],
)  # fmt: skip
SPANISH_CREDIT_TRUTH = {**SPANISH_TRUTH, "type_code": "381"}


# -- Italy: "Fattura n.", cedente / cessionario, "Imponibile", "Totale documento" ----------------


def italian_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "FATTURA", size=16, bold=True)
    s.pairs(120, 15, [("Fattura n.", "153/2026"), ("Data", "3 dicembre 2026")], gap=25)
    s.text(15, 30, "Cedente / Prestatore", bold=True)
    s.lines(15, 35, ["Tessitura Bianchi S.r.l.", "Via Roma 12", "22100 Como", "Italia",
                     "P.IVA IT01234567890"])  # fmt: skip
    s.text(110, 30, "Cessionario / Committente", bold=True)
    s.lines(110, 35, ["Modehaus Keller GmbH", "Bahnhofstrasse 5", "8001 Zürich", "Svizzera"])
    y = s.table(70, [("Descrizione", 15, 75, "L"), ("Quantità", 92, 18, "R"),
                     ("U.M.", 112, 12, "C"), ("Prezzo unitario", 126, 32, "R"),
                     ("Importo", 160, 35, "R")],
                [["Tessuto di seta stampato", "120", "m", "21,50", "2.580,00"],
                 ["Foulard in seta 90x90", "60", "pz", "14,00", "840,00"]])  # fmt: skip
    s.pairs(115, y + 6, [("Imponibile", "3.420,00"), ("IVA 0%", "0,00"),
                         ("Totale documento", "€ 3.420,00")], gap=45, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 28, "Operazione non imponibile, art. 8 DPR 633/72 (esportazione).", size=7)
    return s.output()


ITALIAN_TRUTH = _truth(
    invoice_number="153/2026", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Tessitura Bianchi S.r.l.", seller_vat_id="IT01234567890", seller_country="IT",
    buyer_name="Modehaus Keller GmbH", buyer_country="CH",
    tax_exclusive_total="3420.00", tax_total="0.00", grand_total="3420.00",
    due_payable="3420.00",
    line_items=[
        _line("Tessuto di seta stampato", "120", "MTR", "21.5", "2580.00"),
        _line("Foulard in seta 90x90", "60", "H87", "14", "840.00"),
    ],
)  # fmt: skip


# -- Netherlands: "Factuurnummer", "BTW", dashes in the date, labels above values ---------------


def dutch_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Van Dijk Bloembollen B.V.", size=14, bold=True)
    s.lines(15, 22, ["Heereweg 88", "2161 BM Lisse", "Nederland",
                     "BTW-nummer: NL123456789B01"])  # fmt: skip
    s.text(150, 15, "FACTUUR", size=16, bold=True)
    for x, (label, value) in zip(
        (110, 150), (("Factuurnummer", "2026-0871"), ("Factuurdatum", "03-12-2026")), strict=True
    ):
        s.text(x, 30, label, bold=True)  # the value under its label
        s.text(x, 35, value)
    s.text(15, 48, "Klant", bold=True)
    s.lines(15, 53, ["Gartencenter Sommer GmbH", "Blumenweg 3", "40210 Düsseldorf",
                     "Duitsland"])  # fmt: skip
    y = s.table(80, [("Omschrijving", 15, 80, "L"), ("Aantal", 97, 18, "R"),
                     ("Eenheid", 117, 16, "C"), ("Prijs", 135, 22, "R"),
                     ("Bedrag", 160, 35, "R")],
                [["Tulpenbollen, gemengd", "500", "st", "0,45", "225,00"],
                 ["Potgrond 40 l", "30", "st", "4,95", "148,50"]])  # fmt: skip
    s.pairs(115, y + 6, [("Subtotaal", "€ 373,50"), ("BTW 0%", "€ 0,00"),
                         ("Totaal", "€ 373,50"), ("Te betalen", "€ 373,50")], gap=45,
            value_width=35, align="R")  # fmt: skip
    return s.output()


DUTCH_TRUTH = _truth(
    invoice_number="2026-0871", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Van Dijk Bloembollen B.V.", seller_vat_id="NL123456789B01", seller_country="NL",
    buyer_name="Gartencenter Sommer GmbH", buyer_country="DE",
    tax_exclusive_total="373.50", tax_total="0.00", grand_total="373.50", due_payable="373.50",
    line_items=[
        _line("Tulpenbollen, gemengd", "500", "H87", "0.45", "225.00"),
        _line("Potgrond 40 l", "30", "H87", "4.95", "148.50"),
    ],
)  # fmt: skip


# -- Germany: "Rechnungsnr.", "3. Dezember 2026", "zzgl. 19 % MwSt.", Gutschrift ----------------


def german_invoice(credit: bool = False) -> bytes:
    s = Sheet()
    s.text(15, 12, "Schreinerei Huber GmbH · Lindenstraße 4 · 80331 München", size=7)
    s.text(15, 22, "Empfänger", bold=True)
    s.lines(15, 27, ["Möbelhaus Novak s.r.o.", "Vinohradská 12", "120 00 Praha",
                     "Tschechien"])  # fmt: skip
    s.text(120, 22, "Lieferant", bold=True)
    s.lines(120, 27, ["Schreinerei Huber GmbH", "Lindenstraße 4", "80331 München",
                      "Deutschland", "USt-IdNr.: DE 123 456 789"])  # fmt: skip
    s.text(15, 55, "GUTSCHRIFT" if credit else "RECHNUNG", size=14, bold=True)
    s.pairs(15, 64, [("Gutschrift-Nr." if credit else "Rechnungsnr.", "R-2026-311"),
                     ("Datum:", "3. Dezember 2026")], gap=30)  # fmt: skip
    y = s.table(
        80,
        [
            ("Pos.", 15, 10, "L"),
            ("Bezeichnung", 27, 70, "L"),
            ("Menge", 99, 16, "R"),
            ("Einheit", 117, 16, "C"),
            ("Einzelpreis", 135, 25, "R"),
            ("Gesamtpreis", 162, 33, "R"),
        ],
        [
            ["1", "Esstisch Eiche massiv", "2", "Stk", "1.450,00", "2.900,00"],
            ["2", "Stuhl Eiche, gepolstert", "8", "Stk", "285,00", "2.280,00"],
        ],
    )
    s.pairs(115, y + 6, [("Nettobetrag", "5.180,00 EUR"), ("zzgl. 19 % MwSt.", "984,20 EUR"),
                         ("Rechnungsbetrag", "6.164,20 EUR")], gap=45, value_width=35,
            align="R")  # fmt: skip
    return s.output()


GERMAN_TRUTH = _truth(
    invoice_number="R-2026-311", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Schreinerei Huber GmbH", seller_vat_id="DE123456789", seller_country="DE",
    buyer_name="Möbelhaus Novak s.r.o.", buyer_country="CZ",
    tax_exclusive_total="5180.00", tax_total="984.20", grand_total="6164.20",
    due_payable="6164.20",
    line_items=[
        _line("Esstisch Eiche massiv", "2", "H87", "1450", "2900.00"),
        _line("Stuhl Eiche, gepolstert", "8", "H87", "285", "2280.00"),
    ],
)  # fmt: skip
GERMAN_CREDIT_TRUTH = {**GERMAN_TRUTH, "type_code": "381"}


# -- A Chinese exporter's commercial invoice: labels above values, "TOTAL: USD", FOB --------------


def chinese_exporter() -> bytes:
    s = Sheet()
    s.text(15, 12, "NINGBO HAIXIN IMPORT & EXPORT CO., LTD.", size=13, bold=True)
    s.text(15, 19, "No. 88 Jiangnan Road, Beilun District, Ningbo, Zhejiang, China", size=8)
    s.text(70, 28, "COMMERCIAL INVOICE", size=16, bold=True)
    s.text(15, 40, "Seller/Exporter:", bold=True)
    s.lines(15, 45, ["NINGBO HAIXIN IMPORT & EXPORT CO., LTD.", "No. 88 Jiangnan Road, Ningbo",
                     "China"])  # fmt: skip
    s.text(120, 40, "Invoice No.:", bold=True)
    s.text(120, 45, "HX2026-118")
    s.text(160, 40, "Date:", bold=True)
    s.text(160, 45, "DEC. 03, 2026")
    s.text(15, 62, "Buyer/Importer:", bold=True)
    s.lines(15, 67, ["Nordic Home Imports AB", "Hamngatan 4, Göteborg", "Sweden"])
    s.text(120, 62, "Terms of Delivery:", bold=True)
    s.text(120, 67, "FOB Ningbo")
    s.text(120, 74, "Payment:", bold=True)
    s.text(120, 79, "T/T 30 days")
    y = s.table(
        92,
        [
            ("Marks", 15, 18, "L"),
            ("Description of Goods", 35, 60, "L"),
            ("Quantity", 97, 25, "R"),
            ("Unit Price (USD)", 124, 32, "R"),
            ("Amount (USD)", 160, 35, "R"),
        ],
        [
            ["N/M", "Ceramic mug 350ml", "6,000 PCS", "0.85", "5,100.00"],
            ["N/M", "Glass storage jar 1L", "4,500 PCS", "1.61", "7,245.00"],
        ],
    )
    s.text(124, y + 4, "TOTAL: USD 12,345.00", bold=True)
    s.text(15, y + 14, "SAY TOTAL US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE ONLY",
           size=8)  # fmt: skip
    return s.output()


CHINESE_TRUTH = _truth(
    invoice_number="HX2026-118", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="NINGBO HAIXIN IMPORT & EXPORT CO., LTD.", seller_country="CN",
    buyer_name="Nordic Home Imports AB", buyer_country="SE",
    grand_total="12345.00", due_payable="12345.00",
    line_items=[
        _line("Ceramic mug 350ml", "6000", "H87", "0.85", "5100.00"),
        _line("Glass storage jar 1L", "4500", "H87", "1.61", "7245.00"),
    ],
)  # fmt: skip


# -- A Japanese exporter: ¥ with the code printed once, whole-yen amounts -------------------------


def japanese_exporter() -> bytes:
    s = Sheet()
    s.text(15, 15, "INVOICE", size=18, bold=True)
    s.pairs(120, 15, [("Invoice No.", "TK-26-1203"), ("Invoice Date", "December 3, 2026"),
                      ("Currency", "JPY")], gap=30)  # fmt: skip
    s.text(15, 35, "Shipper", bold=True)
    s.lines(15, 40, ["Takumi Cutlery K.K.", "3-5-1 Seki", "Gifu 501-3200", "Japan"])
    s.text(110, 35, "Sold To", bold=True)
    s.lines(110, 40, ["Messerhaus Berger KG", "Graben 10", "1010 Wien", "Austria"])
    y = s.table(70, [("Description", 15, 80, "L"), ("Qty", 97, 15, "R"), ("Unit", 114, 14, "C"),
                     ("Unit Price", 130, 28, "R"), ("Amount", 160, 35, "R")],
                [["Chef knife 210 mm", "40", "pcs", "¥12,500", "¥500,000"],
                 ["Whetstone #1000", "40", "pcs", "¥3,200", "¥128,000"]])  # fmt: skip
    s.pairs(115, y + 6, [("Subtotal", "¥628,000"), ("Consumption tax", "¥0"),
                         ("Grand Total", "¥628,000")], gap=45, value_width=35,
            align="R")  # fmt: skip
    return s.output()


JAPANESE_TRUTH = _truth(
    invoice_number="TK-26-1203", type_code="380", issue_date="2026-12-03", currency="JPY",
    seller_name="Takumi Cutlery K.K.", seller_country="JP",
    buyer_name="Messerhaus Berger KG", buyer_country="AT",
    tax_exclusive_total="628000.00", tax_total="0.00", grand_total="628000.00",
    due_payable="628000.00",
    line_items=[
        _line("Chef knife 210 mm", "40", "H87", "12500", "500000.00"),
        _line("Whetstone #1000", "40", "H87", "3200", "128000.00"),
    ],
)  # fmt: skip


# -- A pro forma invoice with "US$" amounts ------------------------------------------------------


def proforma_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "PROFORMA INVOICE", size=16, bold=True)
    s.pairs(15, 28, [("PI No.", "PI-7781"), ("Date", "2026-12-03"),
                     ("Validity", "30 days")], gap=25)  # fmt: skip
    s.text(15, 48, "Exporter", bold=True)
    s.lines(15, 53, ["Saigon Rattan Crafts JSC", "45 Le Loi, District 1", "Ho Chi Minh City",
                     "Viet Nam"])  # fmt: skip
    s.text(110, 48, "Consignee", bold=True)
    s.lines(110, 53, ["Casa Verde Interiors SA", "Av. Paulista 900", "São Paulo", "Brazil"])
    y = s.table(
        80,
        [
            ("Item", 15, 15, "L"),
            ("Description", 32, 70, "L"),
            ("Qty", 104, 16, "R"),
            ("Unit Price", 122, 30, "R"),
            ("Total", 160, 35, "R"),
        ],
        [
            ["R-01", "Rattan armchair, natural", "50", "US$ 64.00", "US$ 3,200.00"],
            ["R-07", "Seagrass basket set", "120", "US$ 11.25", "US$ 1,350.00"],
        ],
    )
    s.pairs(115, y + 6, [("Total Amount", "US$ 4,550.00")], gap=40, value_width=40,
            align="R")  # fmt: skip
    s.text(15, y + 18, "Terms: CIF Santos. Payment: 30% deposit, balance against B/L copy.",
           size=8)  # fmt: skip
    return s.output()


PROFORMA_TRUTH = _truth(
    invoice_number="PI-7781", type_code="325", issue_date="2026-12-03", currency="USD",
    seller_name="Saigon Rattan Crafts JSC", seller_country="VN",
    buyer_name="Casa Verde Interiors SA", buyer_country="BR",
    grand_total="4550.00", due_payable="4550.00",
    line_items=[
        _line("Rattan armchair, natural", "50", None, "64", "3200.00"),
        _line("Seagrass basket set", "120", None, "11.25", "1350.00"),
    ],
)  # fmt: skip


# -- Written after the reader was tuned on the layouts above (see LATER) ------------------------


def swiss_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Uhrenatelier Keller AG", size=14, bold=True)
    s.lines(15, 22, ["Marktgasse 9", "3011 Bern", "Schweiz", "MWST-Nr. CHE-123.456.789 MWST"])
    s.text(15, 50, "Rechnung an", bold=True)
    s.lines(15, 55, ["Horlogerie Dubois SA", "Rue du Rhône 40", "1204 Genève", "Suisse"])
    s.text(120, 15, "Rechnung", size=16, bold=True)
    s.pairs(120, 28, [("Rechnung Nr.", "2026-4471"), ("Rechnungsdatum", "03.12.2026"),
                      ("Kunden-Nr.", "10882")], gap=32)  # fmt: skip
    y = s.table(80, [("Artikel", 15, 20, "L"), ("Beschreibung", 37, 70, "L"),
                     ("Anzahl", 110, 18, "R"), ("Preis CHF", 130, 28, "R"),
                     ("Total CHF", 160, 35, "R")],
                [["U-210", "Armbanduhr Automatik, Stahl", "5", "1'240.00", "6'200.00"],
                 ["B-014", "Lederarmband 20 mm", "20", "45.50", "910.00"]])  # fmt: skip
    s.pairs(115, y + 6, [("Zwischensumme", "7'110.00"), ("MWST 8.1%", "575.90"),
                         ("Total CHF", "7'685.90")], gap=45, value_width=35,
            align="R")  # fmt: skip
    return s.output()


SWISS_TRUTH = _truth(
    invoice_number="2026-4471", type_code="380", issue_date="2026-12-03", currency="CHF",
    seller_name="Uhrenatelier Keller AG", seller_vat_id="CHE123456789MWST", seller_country="CH",
    buyer_name="Horlogerie Dubois SA", buyer_country="CH",
    tax_exclusive_total="7110.00", tax_total="575.90", grand_total="7685.90",
    due_payable="7685.90",
    line_items=[
        _line("Armbanduhr Automatik, Stahl", "5", None, "1240", "6200.00"),
        _line("Lederarmband 20 mm", "20", None, "45.5", "910.00"),
    ],
)  # fmt: skip


def indian_exporter() -> bytes:
    s = Sheet()
    s.text(75, 12, "EXPORT INVOICE", size=15, bold=True)
    s.text(15, 25, "Exporter", bold=True)
    s.lines(
        15,
        30,
        [
            "Jaipur Textile Exports Pvt. Ltd.",
            "E-12, RIICO Industrial Area",
            "Jaipur 302022, Rajasthan",
            "India",
            "GSTIN: 08AAACJ1234K1Z5",
        ],
    )
    s.pairs(120, 25, [("Invoice No.", "JTE/EXP/0457"), ("Date", "03-Dec-2026"),
                      ("IEC No.", "1301004567")], gap=28)  # fmt: skip
    s.text(15, 58, "Consignee", bold=True)
    s.lines(15, 63, ["Baumwolle & Co. KG", "Speicherstadt 3", "20457 Hamburg", "Germany"])
    s.pairs(120, 58, [("Port of Loading", "Mundra"), ("Final Destination", "Hamburg"),
                      ("Terms", "CIF Hamburg")], gap=32)  # fmt: skip
    y = s.table(
        88,
        [
            ("S.No.", 15, 12, "L"),
            ("Description of Goods", 29, 70, "L"),
            ("Qty (Pcs)", 101, 20, "R"),
            ("Rate (EUR)", 123, 30, "R"),
            ("Amount (EUR)", 160, 35, "R"),
        ],
        [
            ["1", "Cotton bed sheet, printed, 90x200", "1,200", "6.40", "7,680.00"],
            ["2", "Cotton cushion cover 40x40", "2,500", "1.85", "4,625.00"],
        ],
    )
    s.pairs(115, y + 6, [("Total CIF Value (EUR)", "12,305.00")], gap=45, value_width=35,
            align="R")  # fmt: skip
    s.text(15, y + 16, "Amount in words: EURO TWELVE THOUSAND THREE HUNDRED FIVE ONLY", size=8)
    return s.output()


INDIAN_TRUTH = _truth(
    invoice_number="JTE/EXP/0457", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Jaipur Textile Exports Pvt. Ltd.", seller_vat_id="08AAACJ1234K1Z5",
    seller_country="IN", buyer_name="Baumwolle & Co. KG", buyer_country="DE",
    grand_total="12305.00", due_payable="12305.00",
    line_items=[
        _line("Cotton bed sheet, printed, 90x200", "1200", "H87", "6.4", "7680.00"),
        _line("Cotton cushion cover 40x40", "2500", "H87", "1.85", "4625.00"),
    ],
)  # fmt: skip


def online_shop_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Invoice", size=18, bold=True)
    s.pairs(15, 28, [("Invoice #", "DE6-2026-118830"), ("Invoice date", "3 December 2026"),
                     ("Order date", "29 November 2026")], gap=30)  # fmt: skip
    s.text(15, 48, "Sold by", bold=True)
    s.lines(15, 53, ["Nordlicht Versand GmbH", "Hafenstraße 1", "28217 Bremen", "Germany",
                     "VAT number: DE 811 223 344"])  # fmt: skip
    s.text(110, 48, "Billing address", bold=True)
    s.lines(110, 53, ["Anna Kowalska", "ul. Długa 5", "00-238 Warszawa", "Poland"])
    y = s.table(85, [("Description", 15, 90, "L"), ("Qty", 105, 12, "R"),
                     ("Unit price (excl. VAT)", 120, 38, "R"), ("Item subtotal", 160, 35, "R")],
                [["Espresso machine EM-300", "1", "€210.08", "€210.08"],
                 ["Milk frothing jug 600 ml", "2", "€12.61", "€25.22"]])  # fmt: skip
    s.pairs(110, y + 6, [("Total (excl. VAT)", "€235.30"), ("VAT 19%", "€44.71"),
                         ("Total payable", "€280.01")], gap=50, value_width=35,
            align="R")  # fmt: skip
    return s.output()


ONLINE_TRUTH = _truth(
    invoice_number="DE6-2026-118830", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Nordlicht Versand GmbH", seller_vat_id="DE811223344", seller_country="DE",
    buyer_name="Anna Kowalska", buyer_country="PL",
    tax_exclusive_total="235.30", tax_total="44.71", grand_total="280.01", due_payable="280.01",
    line_items=[
        _line("Espresso machine EM-300", "1", None, "210.08", "210.08"),
        _line("Milk frothing jug 600 ml", "2", None, "12.61", "25.22"),
    ],
)  # fmt: skip


def quickbooks_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Redwood Coffee Roasters", size=13, bold=True)
    s.lines(15, 22, ["55 Mill Street", "Portland, OR 97205", "United States"])
    s.text(160, 15, "INVOICE", size=16, bold=True)
    s.text(15, 45, "SHIP TO", bold=True)
    s.lines(15, 50, ["Harbor Cafe", "2 Pier Road", "Halifax, NS B3J 1S9", "Canada"])
    s.text(80, 45, "BILL TO", bold=True)
    s.lines(80, 50, ["Harbor Cafe Holdings Inc.", "2 Pier Road", "Halifax, NS B3J 1S9",
                     "Canada"])  # fmt: skip
    s.pairs(140, 45, [("INVOICE #", "1045"), ("DATE", "12/03/2026"), ("DUE DATE", "01/02/2027"),
                      ("TERMS", "Net 30")], gap=25)  # fmt: skip
    y = s.table(
        78,
        [
            ("DATE", 15, 22, "L"),
            ("ACTIVITY", 39, 60, "L"),
            ("QTY", 101, 15, "R"),
            ("RATE", 120, 30, "R"),
            ("AMOUNT", 160, 35, "R"),
        ],
        [
            ["12/01/2026", "Espresso blend, 5 lb bag", "20", "54.00", "1,080.00"],
            ["12/01/2026", "Decaf Colombia, 5 lb bag", "6", "58.50", "351.00"],
        ],
    )
    s.pairs(120, y + 6, [("SUBTOTAL", "1,431.00"), ("TAX", "0.00"), ("TOTAL", "1,431.00"),
                         ("BALANCE DUE", "USD 1,431.00")], gap=40, value_width=35,
            align="R")  # fmt: skip
    return s.output()


QUICKBOOKS_TRUTH = _truth(
    invoice_number="1045", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Redwood Coffee Roasters", seller_country="US",
    buyer_name="Harbor Cafe Holdings Inc.", buyer_country="CA",
    tax_exclusive_total="1431.00", tax_total="0.00", grand_total="1431.00",
    due_payable="1431.00",
    line_items=[
        _line("Espresso blend, 5 lb bag", "20", None, "54", "1080.00"),
        _line("Decaf Colombia, 5 lb bag", "6", None, "58.5", "351.00"),
    ],
)  # fmt: skip


def turkish_exporter() -> bytes:
    s = Sheet()
    s.text(15, 12, "ANATOLIA TEKSTIL SANAYI VE TICARET A.S.", size=12, bold=True)
    s.text(15, 18, "Organize Sanayi Bolgesi 4. Cadde No:7, Bursa, Turkey", size=8)
    s.text(15, 24, "Tax Office: Nilufer  Tax No: 0680012345", size=8)
    s.text(80, 34, "INVOICE", size=16, bold=True)
    s.text(15, 46, "MESSRS:", bold=True)
    s.lines(15, 51, ["Textilhandel Wagner GmbH", "Industriestr. 22", "4020 Linz", "Austria"])
    s.pairs(120, 46, [("INVOICE NO", "ANT2026000913"), ("INVOICE DATE", "03.12.2026"),
                      ("DELIVERY", "EXW Bursa")], gap=32)  # fmt: skip
    y = s.table(
        78,
        [
            ("DESCRIPTION", 15, 80, "L"),
            ("QUANTITY", 97, 22, "R"),
            ("UNIT", 121, 12, "C"),
            ("UNIT PRICE", 135, 23, "R"),
            ("TOTAL", 160, 35, "R"),
        ],
        [
            ["100% COTTON TOWEL 50X90", "3.000", "PCS", "2,15", "6.450,00"],
            ["100% COTTON BATHROBE", "400", "PCS", "11,80", "4.720,00"],
        ],
    )
    s.pairs(115, y + 6, [("TOTAL AMOUNT (EUR)", "11.170,00")], gap=45, value_width=35,
            align="R")  # fmt: skip
    return s.output()


TURKISH_TRUTH = _truth(
    invoice_number="ANT2026000913", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="ANATOLIA TEKSTIL SANAYI VE TICARET A.S.", seller_country="TR",
    buyer_name="Textilhandel Wagner GmbH", buyer_country="AT",
    grand_total="11170.00", due_payable="11170.00",
    line_items=[
        _line("100% COTTON TOWEL 50X90", "3000", "H87", "2.15", "6450.00"),
        _line("100% COTTON BATHROBE", "400", "H87", "11.8", "4720.00"),
    ],
)  # fmt: skip


# -- Written after the reader had been fixed for LATER too (see FRESH) --------------------------


def polish_bilingual() -> bytes:
    s = Sheet()
    s.text(15, 15, "FAKTURA VAT / INVOICE", size=15, bold=True)
    s.pairs(100, 15, [("Nr / No.:", "FV/2026/12/031"), ("Data wystawienia / Issue date:",
                                                         "2026-12-03")], gap=60)  # fmt: skip
    s.text(15, 32, "Sprzedawca / Seller", bold=True)
    s.lines(15, 37, ["Meblex Sp. z o.o.", "ul. Fabryczna 7", "61-001 Poznań", "Polska",
                     "NIP / VAT ID: PL7781234567"])  # fmt: skip
    s.text(110, 32, "Nabywca / Buyer", bold=True)
    s.lines(110, 37, ["Wohnwelt Hansen ApS", "Vestergade 12", "8000 Aarhus", "Denmark"])
    y = s.table(
        68,
        [
            ("Lp.", 15, 8, "L"),
            ("Nazwa / Description", 25, 60, "L"),
            ("Ilość / Qty", 87, 20, "R"),
            ("J.m. / Unit", 110, 22, "L"),
            ("Cena / Price", 134, 24, "R"),
            ("Wartość / Amount", 160, 35, "R"),
        ],
        [
            ["1", "Krzesło dębowe / Oak chair", "40", "szt.", "310,00", "12 400,00"],
            ["2", "Stół / Table 180 cm", "5", "szt.", "1 150,00", "5 750,00"],
        ],
    )
    s.pairs(110, y + 6, [("Razem netto / Net total", "18 150,00 EUR"),
                         ("VAT 0%", "0,00 EUR"), ("Razem / Total", "18 150,00 EUR")],
            gap=50, value_width=35, align="R")  # fmt: skip
    return s.output()


POLISH_TRUTH = _truth(
    invoice_number="FV/2026/12/031", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Meblex Sp. z o.o.", seller_vat_id="PL7781234567", seller_country="PL",
    buyer_name="Wohnwelt Hansen ApS", buyer_country="DK",
    tax_exclusive_total="18150.00", tax_total="0.00", grand_total="18150.00",
    due_payable="18150.00",
    line_items=[
        _line("Krzesło dębowe / Oak chair", "40", "H87", "310", "12400.00"),
        _line("Stół / Table 180 cm", "5", "H87", "1150", "5750.00"),
    ],
)  # fmt: skip


def korean_exporter() -> bytes:
    s = Sheet()
    s.text(75, 12, "COMMERCIAL INVOICE", size=15, bold=True)
    s.text(15, 25, "1) Shipper/Exporter", bold=True)
    s.lines(15, 30, ["HANBIT ELECTRONICS CO., LTD.", "45, Gasan digital 1-ro, Geumcheon-gu",
                     "Seoul, Korea, Republic of"])  # fmt: skip
    s.text(110, 25, "8) No. & date of invoice", bold=True)
    s.text(110, 30, "HB-26-0457    DEC. 3, 2026")
    s.text(15, 48, "2) For account & risk of Messrs.", bold=True)
    s.lines(15, 53, ["Elektro Groothandel Visser B.V.", "Kanaalweg 15", "3526 KL Utrecht",
                     "Netherlands"])  # fmt: skip
    s.text(110, 48, "9) Terms of delivery and payment", bold=True)
    s.text(110, 53, "CIF Rotterdam, T/T")
    y = s.table(
        78,
        [
            ("10) Marks", 15, 20, "L"),
            ("11) Description of goods", 37, 60, "L"),
            ("12) Quantity", 99, 22, "R"),
            ("13) Unit price", 123, 30, "R"),
            ("14) Amount", 160, 35, "R"),
        ],
        [
            ["N/M", "LED panel 60x60 40W", "800 PCS", "US$18.20", "US$14,560.00"],
            ["", "LED driver 40W", "800 PCS", "US$3.10", "US$2,480.00"],
        ],
    )
    s.text(99, y + 4, "TOTAL", bold=True)
    s.text(160, y + 4, "US$17,040.00", width=35, align="R")
    return s.output()


KOREAN_TRUTH = _truth(
    invoice_number="HB-26-0457", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="HANBIT ELECTRONICS CO., LTD.", seller_country="KR",
    buyer_name="Elektro Groothandel Visser B.V.", buyer_country="NL",
    grand_total="17040.00", due_payable="17040.00",
    line_items=[
        _line("LED panel 60x60 40W", "800", "H87", "18.2", "14560.00"),
        _line("LED driver 40W", "800", "H87", "3.1", "2480.00"),
    ],
)  # fmt: skip


def mexican_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Artesanías Oaxaca S.A. de C.V.", size=13, bold=True)
    s.lines(15, 22, ["Av. Juárez 210, Centro", "68000 Oaxaca, Oax.", "México",
                     "RFC: AOA010203XY1"])  # fmt: skip
    s.text(150, 15, "FACTURA", size=15, bold=True)
    s.pairs(130, 25, [("Folio:", "A-1187"), ("Fecha:", "03/12/2026"), ("Moneda:", "MXN")],
            gap=22)  # fmt: skip
    s.text(15, 48, "Receptor", bold=True)
    s.lines(15, 53, ["Southwest Folk Art LLC", "1400 Canyon Rd", "Santa Fe, NM 87501", "USA"])
    y = s.table(
        80,
        [
            ("Cantidad", 15, 18, "R"),
            ("Unidad", 36, 16, "C"),
            ("Descripción", 55, 70, "L"),
            ("Precio unitario", 127, 30, "R"),
            ("Importe", 160, 35, "R"),
        ],
        [
            ["30", "pza", "Alebrije tallado, mediano", "$450.00", "$13,500.00"],
            ["12", "pza", "Tapete de lana 120x180", "$2,300.00", "$27,600.00"],
        ],
    )
    s.pairs(120, y + 6, [("Subtotal", "$41,100.00"), ("IVA 0%", "$0.00"),
                         ("Total", "$41,100.00")], gap=40, value_width=35,
            align="R")  # fmt: skip
    return s.output()


MEXICAN_TRUTH = _truth(
    invoice_number="A-1187", type_code="380", issue_date="2026-12-03", currency="MXN",
    seller_name="Artesanías Oaxaca S.A. de C.V.", seller_country="MX",
    buyer_name="Southwest Folk Art LLC", buyer_country="US",
    tax_exclusive_total="41100.00", tax_total="0.00", grand_total="41100.00",
    due_payable="41100.00",
    line_items=[
        _line("Alebrije tallado, mediano", "30", "H87", "450", "13500.00"),
        _line("Tapete de lana 120x180", "12", "H87", "2300", "27600.00"),
    ],
)  # fmt: skip


def australian_invoice() -> bytes:
    s = Sheet()
    s.text(15, 15, "Tax Invoice", size=16, bold=True)
    s.text(120, 15, "Coastal Wool Co Pty Ltd", bold=True)
    s.lines(120, 20, ["ABN 51 824 753 556", "22 Shearer St", "Geelong VIC 3220",
                      "Australia"])  # fmt: skip
    s.pairs(15, 30, [("Invoice Number", "INV-0932"), ("Invoice Date", "03/12/2026"),
                     ("Reference", "PO 5521")], gap=32)  # fmt: skip
    s.text(15, 52, "To", bold=True)
    s.lines(15, 57, ["Kiwi Knitting Supplies Ltd", "8 Queen Street", "Auckland 1010",
                     "New Zealand"])  # fmt: skip
    y = s.table(
        82,
        [
            ("Description", 15, 85, "L"),
            ("Quantity", 100, 20, "R"),
            ("Unit Price", 122, 30, "R"),
            ("Amount AUD", 160, 35, "R"),
        ],
        [
            ["Merino yarn 8 ply, 50 g", "600", "4.95", "2,970.00"],
            ["Alpaca blend yarn, 100 g", "150", "12.40", "1,860.00"],
        ],
    )
    s.pairs(120, y + 6, [("Subtotal", "4,830.00"), ("Total GST 0%", "0.00"),
                         ("Invoice Total AUD", "4,830.00"), ("Amount Due AUD", "4,830.00")],
            gap=40, value_width=35, align="R")  # fmt: skip
    return s.output()


AUSTRALIAN_TRUTH = _truth(
    invoice_number="INV-0932", type_code="380", issue_date="2026-12-03", currency="AUD",
    seller_name="Coastal Wool Co Pty Ltd", seller_vat_id="51824753556", seller_country="AU",
    buyer_name="Kiwi Knitting Supplies Ltd", buyer_country="NZ",
    tax_exclusive_total="4830.00", tax_total="0.00", grand_total="4830.00",
    due_payable="4830.00",
    line_items=[
        _line("Merino yarn 8 ply, 50 g", "600", None, "4.95", "2970.00"),
        _line("Alpaca blend yarn, 100 g", "150", None, "12.4", "1860.00"),
    ],
)  # fmt: skip


# -- Several VAT rates on one invoice (written with the reader's sum of them) -----------------


def uk_two_rates() -> bytes:
    """A UK retailer's invoice at 20 % and 5 % (a child car seat), no total-VAT line."""
    s = Sheet()
    s.text(15, 15, "Pennine Home & Garden Ltd", size=15, bold=True)
    s.lines(15, 23, ["4 Mill Lane", "Halifax HX1 2AB", "United Kingdom",
                     "VAT Reg. No. GB 987 6543 21"])  # fmt: skip
    s.text(150, 15, "INVOICE", size=14, bold=True)
    s.pairs(130, 25, [("Invoice No.", "PHG-4410"), ("Date", "3 December 2026")], gap=28)
    s.text(15, 50, "Bill To", bold=True)
    s.lines(15, 55, ["Carraig Stores Ltd", "2 Main Street", "Galway", "Ireland"])
    y = s.table(82, [("Description", 15, 70, "L"), ("Qty", 88, 15, "R"), ("VAT", 106, 14, "R"),
                     ("Unit Price", 124, 30, "R"), ("Amount", 160, 35, "R")],
                [["Garden bench, teak", "2", "20%", "150.00", "300.00"],
                 ["Child car seat", "4", "5%", "80.00", "320.00"]])  # fmt: skip
    s.pairs(120, y + 6, [("Subtotal", "620.00"), ("VAT 20%", "60.00"), ("VAT 5%", "16.00"),
                         ("Total GBP", "696.00")], gap=40, value_width=35, align="R")  # fmt: skip
    return s.output()


UK_TWO_RATES_TRUTH = _truth(
    invoice_number="PHG-4410", type_code="380", issue_date="2026-12-03", currency="GBP",
    seller_name="Pennine Home & Garden Ltd", seller_vat_id="GB987654321", seller_country="GB",
    buyer_name="Carraig Stores Ltd", buyer_country="IE",
    tax_exclusive_total="620.00", tax_total="76.00", grand_total="696.00", due_payable="696.00",
    line_items=[
        _line("Garden bench, teak", "2", None, "150", "300.00"),
        _line("Child car seat", "4", None, "80", "320.00"),
    ],
)  # fmt: skip


def german_two_rates() -> bytes:
    """A German invoice at 19 % and 7 % (books), each rate's line and then 'Summe MwSt.'."""
    s = Sheet()
    s.text(15, 12, "Buchhandlung Lenz GmbH · Marktplatz 3 · 69117 Heidelberg", size=7)
    s.text(15, 22, "Empfänger", bold=True)
    s.lines(15, 27, ["Librairie Martin SARL", "5 rue Neuve", "67000 Strasbourg", "Frankreich"])
    s.text(120, 22, "Lieferant", bold=True)
    s.lines(120, 27, ["Buchhandlung Lenz GmbH", "Marktplatz 3", "69117 Heidelberg",
                      "Deutschland", "USt-IdNr.: DE 234 567 890"])  # fmt: skip
    s.text(15, 58, "RECHNUNG", size=14, bold=True)
    s.pairs(15, 68, [("Rechnungsnr.", "BL-2026-077"), ("Datum", "03.12.2026")], gap=30)
    y = s.table(88, [("Bezeichnung", 15, 75, "L"), ("Menge", 92, 15, "R"),
                     ("Einzelpreis", 112, 30, "R"), ("Gesamtpreis", 150, 40, "R")],
                [["Bildband Alpen", "10", "35,00", "350,00"],
                 ["Leselampe LED", "5", "40,00", "200,00"]])  # fmt: skip
    s.pairs(110, y + 6, [("Nettobetrag", "550,00 EUR"), ("zzgl. 7 % MwSt.", "24,50 EUR"),
                         ("zzgl. 19 % MwSt.", "38,00 EUR"), ("Summe MwSt.", "62,50 EUR"),
                         ("Gesamtbetrag", "612,50 EUR")], gap=40, value_width=40,
            align="R")  # fmt: skip
    return s.output()


GERMAN_TWO_RATES_TRUTH = _truth(
    invoice_number="BL-2026-077", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Buchhandlung Lenz GmbH", seller_vat_id="DE234567890", seller_country="DE",
    buyer_name="Librairie Martin SARL", buyer_country="FR",
    tax_exclusive_total="550.00", tax_total="62.50", grand_total="612.50", due_payable="612.50",
    line_items=[
        _line("Bildband Alpen", "10", None, "35", "350.00"),
        _line("Leselampe LED", "5", None, "40", "200.00"),
    ],
)  # fmt: skip


# -- A table header printed on two lines ('Unit' above 'Price', 'Net' above 'Amount') ---------


def two_line_header() -> bytes:
    """An Irish wholesaler's invoice whose narrow columns carry two-line headings."""
    s = Sheet()
    s.text(15, 15, "Shannon Fixings Ltd", size=15, bold=True)
    s.lines(15, 23, ["Unit 12, Raheen Business Park", "Limerick V94 X2Y3", "Ireland",
                     "VAT No. IE 6388047V"])  # fmt: skip
    s.text(150, 15, "INVOICE", size=14, bold=True)
    s.pairs(130, 25, [("Invoice No.", "SF-30418"), ("Date", "3 Dec 2026"),
                      ("Currency", "EUR")], gap=28)  # fmt: skip
    s.text(15, 50, "Bill To", bold=True)
    s.lines(15, 55, ["Harbour Marine Supplies", "7 Quay Road", "Cardiff CF10 4AA",
                     "United Kingdom"])  # fmt: skip
    # Headings top-aligned: 'Unit' and 'Net' on the first line, 'Price' and 'Amount' under.
    for x, width, words in (
        (15, 80, ("Description", "")),
        (96, 12, ("Qty", "")),
        (112, 18, ("Unit", "Price")),
        (140, 22, ("Net", "Amount")),
    ):
        s.text(x, 80, words[0], bold=True, width=width, align="L" if x == 15 else "R")
        if words[1]:
            s.text(x, 84.5, words[1], bold=True, width=width, align="R")
    s.pdf.line(15, 89, 162, 89)
    y = 92.0
    for row in (
        ["Stainless bolt M8 x 60, box of 100", "12", "18.50", "222.00"],
        ["Nylon lock nut M8, box of 200", "6", "9.75", "58.50"],
    ):
        for (x, width), value in zip(((15, 80), (96, 12), (112, 18), (140, 22)), row,
                                     strict=True):  # fmt: skip
            s.text(x, y, value, width=width, align="L" if x == 15 else "R")
        y += 6
    s.pairs(110, y + 6, [("Net", "280.50"), ("VAT 0% (intra-EU, reverse charge)", ""),
                         ("Total", "280.50")], gap=52, value_width=0)  # fmt: skip
    return s.output()


TWO_LINE_HEADER_TRUTH = _truth(
    invoice_number="SF-30418", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Shannon Fixings Ltd", seller_vat_id="IE6388047V", seller_country="IE",
    buyer_name="Harbour Marine Supplies", buyer_country="GB",
    tax_exclusive_total="280.50", tax_total=None, grand_total="280.50", due_payable="280.50",
    line_items=[
        _line("Stainless bolt M8 x 60, box of 100", "12", None, "18.5", "222.00"),
        _line("Nylon lock nut M8, box of 200", "6", None, "9.75", "58.50"),
    ],
)  # fmt: skip


LAYOUTS: list[Layout] = [
    Layout("us", us_invoice, US_TRUTH),
    Layout("us-numeric-date", us_numeric_date, US_NUMERIC_TRUTH),
    Layout("uk", uk_invoice, UK_TRUTH),
    Layout("fr", french_invoice, FRENCH_TRUTH),
    Layout("fr-avoir", lambda: french_invoice(credit=True), FRENCH_CREDIT_TRUTH),
    Layout("es", spanish_invoice, SPANISH_TRUTH),
    Layout("es-nota-de-credito", lambda: spanish_invoice(credit=True), SPANISH_CREDIT_TRUTH),
    Layout("it", italian_invoice, ITALIAN_TRUTH),
    Layout("nl", dutch_invoice, DUTCH_TRUTH),
    Layout("de", german_invoice, GERMAN_TRUTH),
    Layout("de-gutschrift", lambda: german_invoice(credit=True), GERMAN_CREDIT_TRUTH),
    Layout("cn-exporter", chinese_exporter, CHINESE_TRUTH),
    Layout("jp-exporter", japanese_exporter, JAPANESE_TRUTH),
    Layout("proforma", proforma_invoice, PROFORMA_TRUTH),
]
# Written after the reader had been tuned on LAYOUTS, and first measured without changing it.
LATER: list[Layout] = [
    Layout("ch", swiss_invoice, SWISS_TRUTH),
    Layout("in-exporter", indian_exporter, INDIAN_TRUTH),
    Layout("online-shop", online_shop_invoice, ONLINE_TRUTH),
    Layout("us-quickbooks", quickbooks_invoice, QUICKBOOKS_TRUTH),
    Layout("tr-exporter", turkish_exporter, TURKISH_TRUTH),
]
# Written after the reader had been fixed for LATER as well; first measured unchanged too.
FRESH: list[Layout] = [
    Layout("pl-bilingual", polish_bilingual, POLISH_TRUTH),
    Layout("kr-exporter", korean_exporter, KOREAN_TRUTH),
    Layout("mx", mexican_invoice, MEXICAN_TRUTH),
    Layout("au", australian_invoice, AUSTRALIAN_TRUTH),
]
# Several VAT rates on one invoice, and a two-line table header: written together with the
# reader's rules for them.
RATES: list[Layout] = [
    Layout("uk-two-rates", uk_two_rates, UK_TWO_RATES_TRUTH),
    Layout("de-two-rates", german_two_rates, GERMAN_TWO_RATES_TRUTH),
    Layout("ie-two-line-header", two_line_header, TWO_LINE_HEADER_TRUTH),
]
# Fields the reader leaves null on purpose: 'Nr / No.:' names the invoice number, but 'No.'
# alone is too common a word (street numbers, a table's line numbers) to take as its label.
KNOWN_MISSES = {("pl-bilingual", "invoice_number")}


def write_batch(folder: Path, layouts: Sequence[Layout]) -> dict[str, Path]:
    """Every layout of ``layouts`` as ``<name>.pdf`` in ``folder``, by name."""
    paths = {}
    for layout in layouts:
        path = folder / f"{layout.name}.pdf"
        path.write_bytes(layout.draw())
        paths[layout.name] = path
    return paths


def write_layouts(folder: Path) -> dict[str, Path]:
    """Every fixture as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, [*LAYOUTS, *LATER, *FRESH, *RATES])


SCAN_DPI = 200
SCAN_ANGLES = (0.5, 1.5)


def scan_of(layout: Layout) -> Any:
    """The layout's first page as a mild scan (a PIL image): see :func:`scan_pages`."""
    return scan_pages(layout)[0]


def scan_pages(layout: Layout) -> list[Any]:
    """Every page of the layout as a mild scan (PIL images): the generator's render_scan at
    200 dpi, turned 0.5-1.5 degrees, blurred and speckled, the same images on every run
    (seeded by name; the first page is the same image whatever the page count)."""
    import numpy as np
    import pypdfium2 as pdfium

    from clearlane.generate.documents import render_scan

    drawn = layout.draw()
    document = pdfium.PdfDocument(drawn)
    try:
        count = len(document)
    finally:
        document.close()
    rng = np.random.default_rng(zlib.crc32(layout.name.encode()))
    return [
        render_scan(drawn, rng, dpi=SCAN_DPI, angles=SCAN_ANGLES, page=page)
        for page in range(count)
    ]


def write_scans(folder: Path, layouts: list[Layout] | None = None) -> dict[str, Path]:
    """Each fixture's scan in ``folder`` (an image: only OCR reads it): ``<name>.png``, or
    ``<name>.tiff`` with a page per page when the layout has several."""
    paths = {}
    for layout in layouts if layouts is not None else [*LAYOUTS, *LATER, *FRESH, *RATES]:
        pages = scan_pages(layout)
        if len(pages) == 1:
            path = folder / f"{layout.name}.png"
            pages[0].save(path, format="PNG", dpi=(SCAN_DPI, SCAN_DPI))
        else:
            path = folder / f"{layout.name}.tiff"
            pages[0].save(path, format="TIFF", save_all=True, append_images=pages[1:],
                          dpi=(SCAN_DPI, SCAN_DPI), compression="tiff_deflate")  # fmt: skip
        paths[layout.name] = path
    return paths


def fields_right(got: Any, truth: dict[str, Any]) -> dict[str, bool]:
    """Per field (the 13 header fields and ``line_items``), whether ``got`` (an Extraction)
    has the truth's value; names and descriptions compared ignoring case and spaces."""
    from clearlane.documents.evaluate import same
    from clearlane.documents.models import HEADER_FIELDS, LINE_FIELDS

    right = {name: same(name, getattr(got, name), truth[name]) for name in HEADER_FIELDS}
    lines = [line.model_dump() for line in got.line_items]
    right["line_items"] = len(lines) == len(truth["line_items"]) and all(
        same(k, line[k], want[k])
        for line, want in zip(lines, truth["line_items"], strict=False)
        for k in LINE_FIELDS
    )
    return right


def score_layouts(
    sets: dict[str, list[Any]], paths: dict[str, Path]
) -> tuple[dict[str, dict[str, int]], list[float], list[str]]:
    """Extract each layout of ``sets`` (label -> layouts) from ``paths`` (name -> file): per set
    the fields read right (:func:`fields_right`), the CPU seconds of each extraction, and a line
    for each wrong field. The benchmarks' scorer."""
    import time

    from clearlane.documents.extraction import extract
    from clearlane.documents.models import HEADER_FIELDS

    names = [*HEADER_FIELDS, "line_items"]
    right = {label: dict.fromkeys(names, 0) for label in sets}
    cpu: list[float] = []
    wrong: list[str] = []
    for label, layouts in sets.items():
        for layout in layouts:
            started = time.process_time()
            got = extract(paths[layout.name])
            cpu.append(time.process_time() - started)
            for name, ok in fields_right(got, layout.truth).items():
                right[label][name] += ok
                if not ok:
                    shown = got.line_items if name == "line_items" else getattr(got, name)
                    wrong.append(
                        f"{layout.name} {name}: got {shown!r}, truth {layout.truth[name]!r}"
                    )
    return right, cpu, wrong


def read_page(tmp_path: Path, texts: list[tuple[float, float, str, float]]) -> Extraction:
    """A page (or pages: a y of 300 or more goes to the next page) of texts at (x, y) in mm,
    each in its font size, read by the reader (the probe of the review tests and of the
    unseen batches' rules)."""
    from clearlane.documents.extraction import extract

    sheet = Sheet()
    page = 0
    for x, y, text, size in sorted(texts, key=lambda t: t[1] // 300):
        while y // 300 > page:
            sheet.pdf.add_page()
            page += 1
        sheet.text(x, y % 300, text, size=size)
    path = tmp_path / "page.pdf"
    path.write_bytes(sheet.output())
    return extract(path)
