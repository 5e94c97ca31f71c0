"""A forty-seventh batch of hand-written invoices (session 36, review i21 of invoices33), written
and committed before invoices33's code (``git diff main lead -- src/clearlane/documents``) was
read: twelve layouts aimed at the edges of the rules batch 46 likely brought (thousands written
with spaces, apostrophes or dots beside quantities and dates; dates in words; discount and
freight lines near the totals; pro forma and commercial titles; packing columns beside money).

The layouts: a Swiss Rechnung in apostrophes (``1'200`` Stk, ``4'620.00``) with a delivery date
in words above the invoice date; a French facture in spaces (``1 250`` m) with ``Frais de port``
between the goods' total and ``Total HT``; an Austrian Rechnung in dots (``1.500`` Stk) with
``Rabatt 3 %`` and ``Nettobetrag``; a Spanish ``FACTURA PROFORMA`` in dots with a validity date
in words; a Chinese ``COMMERCIAL INVOICE`` naming its ``Proforma Ref.``, with cartons and net /
gross kg columns beside the money and a total row, then ocean freight to a CFR total; a Turkish
``FATURA / COMMERCIAL INVOICE`` with ``Koli`` / ``Brüt kg`` / ``Net kg`` columns and freight and
insurance to a CIF total; a Portuguese fatura with a ``Desconto comercial`` and ``Base
tributável``; an Italian fattura over two pages (``A riportare`` / ``Riporto``) with ``Spese di
trasporto`` before ``Imponibile``; a Czech faktura in spaces whose first quantity is ``2 026``
kg, dated in Czech words with DUZP and Splatnost beside it; a Greek τιμολόγιο with ``Έκπτωση``
and ``Καθαρή αξία``, dated in Greek words; a US invoice with a discount, freight and sales tax
after the subtotal and no net printed; a Norwegian faktura in spaces with ``Frakt`` before
``Sum eks. mva``.

Ground truth by docs/documents.md's conventions (read the doc, not the code), written before any
reading: quantities read by the page's grouping (``1'200``, ``1 250``, ``1.500`` → 1200, 1250,
1500); the invoice's own date, not a delivery, validity, due or DUZP date; a pro forma 325, a
commercial invoice naming its pro forma 380 with its own number; a net printed after a discount
or freight line is the tax-exclusive total; no net printed after a discount and freight: none;
the total after freight and insurance is the grand total; cartons and weights are not the
quantity; a table's total row, ``A riportare`` / ``Riporto`` are not items.

First reading (benchmarks/documents_batches.py --batches review21, text layer, 168 cells), right /
null / wrong: main (45869b70) 160 / 2 / 6; lead (9fb426f6, invoices33 merged) 161 / 1 / 6 (cz's
``Kč`` read since invoices33). The misses on lead: wrong, fr-port-total-ht's and
pt-desconto-base-es's line tables (``Total marchandises HT`` / ``Frais de port HT``, ``Total
mercadoria`` / ``Desconto comercial`` read as two more items), tr-koli-cif-de's (quantities
``3.000 Adet`` unread), cn-ci-proforma-ref-au's grand total and amount due (the FOB total
13308.00, not the CFR total 14458.00), gr-ekptosi-words' grand total (``Σύνολο αξίας`` 31320.00,
the sum before the discount, not 33622.02); null, tr-koli-cif-de's buyer country (``Almanya``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

NBSP = "\u00a0"


def _fmt(value: Decimal, style: str, places: int = 2) -> str:
    """en 1,234.50; de 1.234,50; ch 1'234.50; sp 1 234,50 (a space); nb 1 234,50 (no-break)."""
    if style in ("sp", "nb"):
        return _group(value, "de", places).replace(".", " " if style == "sp" else NBSP)
    return _group(value, style, places)


def _rows(items: list[UnitItem], style: str, pre: str = "") -> list[list[str]]:
    """Description, quantity, unit, unit price, amount, in the page's grouping."""
    return [[t, _fmt(_d(q), style, 0), u, pre + _fmt(_d(p), style, len(p.split(".")[1])),
             pre + _fmt(a, style)]
            for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


_Col = tuple[str, float, float, str]


def _cols(price: str, amount: str, desc: str, qty: str, unit: str) -> list[_Col]:
    return [(desc, 15, 88, "L"), (qty, 105, 16, "R"), (unit, 123, 12, "L"), (price, 137, 26, "R"),
            (amount, 165, 30, "R")]  # fmt: skip


# -- Switzerland: apostrophes, a delivery date in words above the invoice date -------------------

_CH_ITEMS: list[UnitItem] = [("Drehteil Messing Ø 12 mm", "1200", "Stk", "3.85"),
                             ("Frästeil Aluminium 80 x 40", "350", "Stk", "24.60")]  # fmt: skip
_CH_NET = _unit_sum(_CH_ITEMS)


def ch_apostrophe_words() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Alpenmetall Präzision AG", size=14, bold=True)
    _block(s, 15, 20, ["Industriestrasse 12, 8604 Volketswil, Schweiz",
                       "MWST-Nr. CHE-116.204.583 MWST"], size=8)  # fmt: skip
    s.text(150, 12, "RECHNUNG", size=16, bold=True)
    s.pairs(120, 24, [("Lieferdatum:", "30. November 2026"), ("Rechnungs-Nr.:", "RE-2026-4471"),
                      ("Rechnungsdatum:", "7. Dezember 2026")], gap=33)  # fmt: skip
    s.text(15, 38, "Kunde:", size=8.5, bold=True)
    _block(s, 15, 43, ["Bergmann Werkzeugbau GmbH", "Hauptstraße 5", "78462 Konstanz",
                       "Deutschland"])  # fmt: skip
    y = s.grid(68, _cols("Preis CHF", "Betrag CHF", "Bezeichnung", "Menge", "Einheit"),
               _rows(_CH_ITEMS, "ch"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Zwischensumme", _fmt(_CH_NET, "ch")),
                                 ("MWST 0 % (Ausfuhr)", "0.00"),
                                 ("Total CHF", _fmt(_CH_NET, "ch"))])  # fmt: skip
    return s.output()


CH_APOSTROPHE_TRUTH = _truth(
    invoice_number="RE-2026-4471", type_code="380", issue_date="2026-12-07", currency="CHF",
    seller_name="Alpenmetall Präzision AG", seller_vat_id="CHE116204583MWST", seller_country="CH",
    buyer_name="Bergmann Werkzeugbau GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_CH_NET), tax_total="0.00", grand_total=_plain(_CH_NET),
    due_payable=_plain(_CH_NET), line_items=_unit_lines(_CH_ITEMS, {"Stk": "H87"}),
)  # fmt: skip


# -- France: no-break spaces, 'Frais de port' between the goods' total and 'Total HT' -----------

_FR_ITEMS: list[UnitItem] = [("Toile de lin naturel, largeur 150 cm", "1250", "m", "8.40"),
                             ("Coupon coton bio 3 m", "400", "pièce", "12.75")]  # fmt: skip
_FR_GOODS = _unit_sum(_FR_ITEMS)
_FR_PORT = Decimal("185.00")
_FR_NET = _FR_GOODS + _FR_PORT
_FR_VAT = _round(_FR_NET * Decimal("0.20"))


def fr_port_total_ht() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Tissages du Vercors SARL", size=14, bold=True)
    _block(s, 15, 20, ["14 rue des Artisans, 38000 Grenoble, France",
                       "N° TVA : FR 47 512 345 678"], size=8)  # fmt: skip
    s.text(150, 12, "FACTURE", size=16, bold=True)
    s.pairs(125, 24, [("Facture n° :", "FA-2026-1187"), ("Date :", "3 décembre 2026"),
                      ("Échéance :", "2 janvier 2027")], gap=25)  # fmt: skip
    s.text(15, 38, "Client :", size=8.5, bold=True)
    _block(s, 15, 43, ["Maison Textile Lyonnaise SAS", "22 quai Saint-Antoine", "69002 Lyon",
                       "France"])  # fmt: skip
    y = s.grid(68, _cols("P.U. HT €", "Montant HT €", "Désignation", "Qté", "Unité"),
               _rows(_FR_ITEMS, "nb"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 4, [("Total marchandises HT", _fmt(_FR_GOODS, "nb")),
                                 ("Frais de port HT", _fmt(_FR_PORT, "nb")),
                                 ("Total HT", _fmt(_FR_NET, "nb")),
                                 ("TVA 20 %", _fmt(_FR_VAT, "nb")),
                                 ("Total TTC", _fmt(_FR_NET + _FR_VAT, "nb")),
                                 ("Net à payer",
                                  _fmt(_FR_NET + _FR_VAT, "nb") + " €")])  # fmt: skip
    return s.output()


FR_PORT_TRUTH = _truth(
    invoice_number="FA-2026-1187", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Tissages du Vercors SARL", seller_vat_id="FR47512345678", seller_country="FR",
    buyer_name="Maison Textile Lyonnaise SAS", buyer_country="FR",
    tax_exclusive_total=_plain(_FR_NET), tax_total=_plain(_FR_VAT),
    grand_total=_plain(_FR_NET + _FR_VAT), due_payable=_plain(_FR_NET + _FR_VAT),
    line_items=_unit_lines(_FR_ITEMS, {"m": "MTR", "pièce": "H87"}),
)  # fmt: skip


# -- Austria: dots, 'Rabatt 3 %' and 'Nettobetrag' ----------------------------------------------

_AT_ITEMS: list[UnitItem] = [("Faltschachtel 300 x 200 x 150", "1500", "Stk", "1.25"),
                             ("Klebeband braun 50 mm", "2400", "Rolle", "2.10")]  # fmt: skip
_AT_SUM = _unit_sum(_AT_ITEMS)
_AT_DISC = _round(_AT_SUM * Decimal("0.03"))
_AT_NET = _AT_SUM - _AT_DISC
_AT_VAT = _round(_AT_NET * Decimal("0.20"))


def at_rabatt_netto() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Donau Verpackung GmbH", size=14, bold=True)
    _block(s, 15, 20, ["Industriezeile 47, 4020 Linz, Österreich", "UID-Nr.: ATU 61234567"],
           size=8)  # fmt: skip
    s.text(150, 12, "RECHNUNG", size=16, bold=True)
    s.pairs(120, 24, [("Rechnung Nr.:", "2026/11872"), ("Rechnungsdatum:", "4. Dezember 2026")],
            gap=33)  # fmt: skip
    s.text(15, 38, "Rechnungsempfänger:", size=8.5, bold=True)
    _block(s, 15, 43, ["Wiener Feinkost Handels GmbH", "Simmeringer Hauptstraße 101", "1110 Wien",
                       "Österreich"])  # fmt: skip
    y = s.grid(68, _cols("Einzelpreis €", "Gesamt €", "Artikel", "Menge", "Einheit"),
               _rows(_AT_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Summe", _fmt(_AT_SUM, "de")),
                                 ("Rabatt 3 %", "-" + _fmt(_AT_DISC, "de")),
                                 ("Nettobetrag", _fmt(_AT_NET, "de")),
                                 ("USt 20 %", _fmt(_AT_VAT, "de")),
                                 ("Gesamtbetrag EUR", _fmt(_AT_NET + _AT_VAT, "de"))])  # fmt: skip
    return s.output()


AT_RABATT_TRUTH = _truth(
    invoice_number="2026/11872", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Donau Verpackung GmbH", seller_vat_id="ATU61234567", seller_country="AT",
    buyer_name="Wiener Feinkost Handels GmbH", buyer_country="AT",
    tax_exclusive_total=_plain(_AT_NET), tax_total=_plain(_AT_VAT),
    grand_total=_plain(_AT_NET + _AT_VAT), due_payable=_plain(_AT_NET + _AT_VAT),
    line_items=_unit_lines(_AT_ITEMS, {"Stk": "H87", "Rolle": "XRO"}),
)  # fmt: skip


# -- Spain: 'FACTURA PROFORMA', a validity date in words under the date ------------------------

_ES_ITEMS: list[UnitItem] = [("Baldosa porcelánica 60 x 60 gris", "1840", "m2", "11.20"),
                             ("Rodapié 8 x 60 gris", "950", "unid.", "2.35")]  # fmt: skip
_ES_NET = _unit_sum(_ES_ITEMS)


def es_proforma_words() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cerámicas del Levante S.L.", size=14, bold=True)
    _block(s, 15, 20, ["Polígono Industrial Sur, calle 4, 12006 Castellón, España",
                       "NIF: B12345678"], size=8)  # fmt: skip
    s.text(130, 12, "FACTURA PROFORMA", size=15, bold=True)
    s.pairs(120, 24, [("Proforma Nº:", "PF-2026-0392"), ("Fecha:", "2 de diciembre de 2026"),
                      ("Validez:", "31 de diciembre de 2026")], gap=26)  # fmt: skip
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    _block(s, 15, 43, ["Bâtiment Sud Distribution SARL", "Zone Industrielle 3", "13127 Vitrolles",
                       "Francia"])  # fmt: skip
    y = s.grid(68, _cols("Precio €", "Importe €", "Descripción", "Cant.", "Unidad"),
               _rows(_ES_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 95, 161, y + 4, [("Base imponible", _fmt(_ES_NET, "de")),
                                ("IVA 0 % (entrega intracomunitaria)", "0,00"),
                                ("Total EUR", _fmt(_ES_NET, "de"))])  # fmt: skip
    return s.output()


ES_PROFORMA_TRUTH = _truth(
    invoice_number="PF-2026-0392", type_code="325", issue_date="2026-12-02", currency="EUR",
    seller_name="Cerámicas del Levante S.L.", seller_vat_id="B12345678", seller_country="ES",
    buyer_name="Bâtiment Sud Distribution SARL", buyer_country="FR",
    tax_exclusive_total=_plain(_ES_NET), tax_total="0.00", grand_total=_plain(_ES_NET),
    due_payable=_plain(_ES_NET), line_items=_unit_lines(_ES_ITEMS, {"m2": "MTK", "unid.": "H87"}),
)  # fmt: skip


# -- China -> Australia: a commercial invoice naming its pro forma; cartons, N.W., G.W. columns --

# description, cartons, net kg, gross kg, quantity, unit, unit price
_CN_ITEMS = [
    ("Stainless steel mixing bowl set", "120", "1080.0", "1236.0", "1440", "sets", "4.85"),
    ("Silicone spatula 28 cm", "85", "612.5", "697.0", "10200", "pcs", "0.62"),
]
_CN_FOB = sum((_round(_d(q) * _d(p)) for *_, q, _, p in _CN_ITEMS), Decimal(0))
_CN_FREIGHT = Decimal("1150.00")
_CN_COLS = [("Description of Goods", 15, 60, "L"), ("Ctns", 76, 12, "R"),
            ("N.W. (kg)", 89, 20, "R"), ("G.W. (kg)", 110, 20, "R"), ("Quantity", 131, 24, "R"),
            ("Unit Price", 156, 18, "R"), ("Amount", 175, 20, "R")]  # fmt: skip


def cn_ci_proforma_ref() -> bytes:
    s = Sheet2()
    s.text(15, 12, "NINGBO HAIXING HOUSEWARE CO., LTD.", size=13, bold=True)
    _block(s, 15, 20, ["No. 18 Jiangnan Road, Beilun District, Ningbo 315800, China"], size=8)
    s.text(15, 28, "COMMERCIAL INVOICE", size=14, bold=True)
    s.pairs(120, 36, [("Invoice No.:", "HX-CI-26-0917"), ("Date:", "3rd December 2026"),
                      ("Proforma Ref.:", "HX-PI-26-0855"), ("Proforma Date:", "15th October 2026"),
                      ("Terms:", "CFR Melbourne")], gap=28)  # fmt: skip
    s.text(15, 36, "Messrs.:", size=8.5, bold=True)
    _block(s, 15, 41, ["Kitchenworld Pty Ltd", "45 Fairbank Road", "Clayton South VIC 3169",
                       "Australia"])  # fmt: skip
    rows = [[t, c, _group(_d(nw), places=1), _group(_d(gw), places=1),
             f"{_group(_d(q), places=0)} {u}", "US$" + _group(_d(p)),
             "US$" + _group(_round(_d(q) * _d(p)))]
            for t, c, nw, gw, q, u, p in _CN_ITEMS]  # fmt: skip
    y = s.grid(70, _CN_COLS, rows, size=8)
    s.pdf.line(15, y, 195, y)
    totals = ["TOTAL", "205", _group(Decimal("1692.5"), places=1),
              _group(Decimal("1933.0"), places=1), "", "", "US$" + _group(_CN_FOB)]  # fmt: skip
    for (_, x, width, align), value in zip(_CN_COLS, totals, strict=True):
        s.text(x, y + 2, value, size=8, bold=True, width=width, align=align)
    _totals(s, 100, 161, y + 12, [("Total FOB Ningbo US$", _group(_CN_FOB)),
                                  ("Ocean Freight US$", _group(_CN_FREIGHT)),
                                  ("Total CFR Melbourne US$",
                                   _group(_CN_FOB + _CN_FREIGHT))])  # fmt: skip
    return s.output()


CN_CI_PROFORMA_TRUTH = _truth(
    invoice_number="HX-CI-26-0917", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="NINGBO HAIXING HOUSEWARE CO., LTD.", seller_country="CN",
    buyer_name="Kitchenworld Pty Ltd", buyer_country="AU",
    grand_total=_plain(_CN_FOB + _CN_FREIGHT), due_payable=_plain(_CN_FOB + _CN_FREIGHT),
    line_items=[_line(t, q, {"sets": "SET", "pcs": "H87"}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for t, _, _, _, q, u, p in _CN_ITEMS],
)  # fmt: skip


# -- Turkey -> Germany: 'Koli', 'Brüt kg', 'Net kg' beside the money; freight, insurance, CIF ----

_TR_ITEMS = [("Pamuklu tişört, erkek", "60", "540.0", "492.5", "3000", "4.20"),
             ("Pamuklu sweatshirt", "45", "630.0", "585.0", "1350", "9.80")]  # fmt: skip
_TR_FOB = sum((_round(_d(q) * _d(p)) for *_, q, p in _TR_ITEMS), Decimal(0))
_TR_FREIGHT = Decimal("1240.00")
_TR_INS = Decimal("85.00")
_TR_COLS = [("Açıklama", 15, 52, "L"), ("Koli", 68, 12, "R"), ("Brüt kg", 81, 18, "R"),
            ("Net kg", 100, 18, "R"), ("Miktar", 119, 26, "R"), ("Fiyat EUR", 146, 24, "R"),
            ("Tutar EUR", 171, 24, "R")]  # fmt: skip


def tr_koli_cif() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Ege Tekstil Sanayi ve Ticaret A.Ş.", size=13, bold=True)
    _block(s, 15, 20, ["Atatürk Organize Sanayi Bölgesi 10003 Sk. No: 5, Çiğli / İzmir, Türkiye",
                       "Vergi Dairesi: Kordon  VKN: 3250412876"], size=8)  # fmt: skip
    s.text(120, 30, "FATURA / COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(120, 38, [("Fatura No:", "EGT2026000004318"), ("Tarih:", "5 Aralık 2026")], gap=24)
    s.text(15, 38, "Alıcı / Buyer:", size=8.5, bold=True)
    _block(s, 15, 43, ["Textilhaus Rhein GmbH", "Kölner Straße 40", "40211 Düsseldorf",
                       "Almanya"])  # fmt: skip
    rows = [[t, c, _fmt(_d(g), "de", 1), _fmt(_d(n), "de", 1), f"{_fmt(_d(q), 'de', 0)} Adet",
             _fmt(_d(p), "de"), _fmt(_round(_d(q) * _d(p)), "de")]
            for t, c, g, n, q, p in _TR_ITEMS]  # fmt: skip
    y = s.grid(68, _TR_COLS, rows, size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Toplam FOB", _fmt(_TR_FOB, "de")),
                                 ("Navlun", _fmt(_TR_FREIGHT, "de")),
                                 ("Sigorta", _fmt(_TR_INS, "de")),
                                 ("Genel Toplam CIF EUR",
                                  _fmt(_TR_FOB + _TR_FREIGHT + _TR_INS, "de"))])  # fmt: skip
    s.text(15, y + 34, "Koli: 105  Brüt: 1.170,0 kg  Net: 1.077,5 kg  Menşei: Türkiye", size=8)
    return s.output()


_TR_CIF = _plain(_TR_FOB + _TR_FREIGHT + _TR_INS)
TR_KOLI_CIF_TRUTH = _truth(
    invoice_number="EGT2026000004318", type_code="380", issue_date="2026-12-05", currency="EUR",
    seller_name="Ege Tekstil Sanayi ve Ticaret A.Ş.", seller_vat_id="3250412876",
    seller_country="TR", buyer_name="Textilhaus Rhein GmbH", buyer_country="DE",
    grand_total=_TR_CIF, due_payable=_TR_CIF,
    line_items=[_line(t, q, "H87", _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for t, _, _, _, q, p in _TR_ITEMS],
)  # fmt: skip


# -- Portugal -> Spain: 'Desconto comercial 2%', 'Base tributável', three-decimal prices -------

_PT_ITEMS: list[UnitItem] = [("Rolha natural 45 x 24 mm", "25000", "un.", "0.118"),
                             ("Rolha técnica 38 x 23 mm", "40000", "un.", "0.046")]  # fmt: skip
_PT_SUM = _unit_sum(_PT_ITEMS)
_PT_DISC = _round(_PT_SUM * Decimal("0.02"))
_PT_NET = _PT_SUM - _PT_DISC


def pt_desconto_base() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Cortiças do Douro, Lda.", size=14, bold=True)
    _block(s, 15, 20, ["Rua da Indústria 210, 4535-000 Santa Maria da Feira, Portugal",
                       "NIF: PT 507 123 456"], size=8)  # fmt: skip
    s.text(150, 12, "FATURA", size=16, bold=True)
    s.pairs(120, 24, [("Fatura n.º:", "FT 2026/1412"), ("Data:", "4 de dezembro de 2026"),
                      ("Vencimento:", "3 de janeiro de 2027")], gap=26)  # fmt: skip
    s.text(15, 38, "Cliente:", size=8.5, bold=True)
    _block(s, 15, 43, ["Bodegas Rioja Alta S.A.", "Avenida de Vizcaya 8", "26200 Haro, La Rioja",
                       "Espanha"])  # fmt: skip
    y = s.grid(68, _cols("Preço unit. €", "Valor €", "Descrição", "Qtd.", "Un."),
               _rows(_PT_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 161, y + 4, [("Total mercadoria", _fmt(_PT_SUM, "de")),
                                 ("Desconto comercial 2%", "-" + _fmt(_PT_DISC, "de")),
                                 ("Base tributável", _fmt(_PT_NET, "de")),
                                 ("IVA 0% (art. 14.º RITI)", "0,00"),
                                 ("Total a pagar EUR", _fmt(_PT_NET, "de"))])  # fmt: skip
    return s.output()


PT_DESCONTO_TRUTH = _truth(
    invoice_number="FT 2026/1412", type_code="380", issue_date="2026-12-04", currency="EUR",
    seller_name="Cortiças do Douro, Lda.", seller_vat_id="PT507123456", seller_country="PT",
    buyer_name="Bodegas Rioja Alta S.A.", buyer_country="ES",
    tax_exclusive_total=_plain(_PT_NET), tax_total="0.00", grand_total=_plain(_PT_NET),
    due_payable=_plain(_PT_NET), line_items=_unit_lines(_PT_ITEMS, {"un.": "H87"}),
)  # fmt: skip


# -- Italy: two pages ('A riportare' / 'Riporto'), 'Spese di trasporto' before 'Imponibile' -----

_IT_ITEMS: list[UnitItem] = [
    (f"Cuscinetto a sfere {code}", qty, "pz", price)
    for code, qty, price in [("6204 2RS", "400", "3.10"), ("6205 2RS", "350", "3.65"),
                             ("6206 ZZ", "300", "4.40"), ("6305 2RS", "250", "6.15"),
                             ("6306 ZZ", "200", "7.80"), ("NU 205", "120", "18.90"),
                             ("NU 206", "100", "22.40"), ("32205", "150", "11.30"),
                             ("32206", "140", "12.95"), ("51105", "500", "2.45"),
                             ("UCP 205", "80", "14.60"), ("UCF 206", "60", "19.25"),
                             ("HK 2016", "1000", "0.95"), ("KH 1630", "600", "1.70"),
                             ("61805", "450", "2.20"), ("7205 B", "90", "16.40")]
]  # fmt: skip
_IT_GOODS = _unit_sum(_IT_ITEMS)
_IT_PORT = Decimal("120.00")
_IT_NET = _IT_GOODS + _IT_PORT
_IT_VAT = _round(_IT_NET * Decimal("0.22"))
_IT_COLS = _cols("Prezzo €", "Importo €", "Descrizione", "Q.tà", "U.M.")


def it_two_pages_trasporto() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Officine Meccaniche Brianza S.r.l.", size=14, bold=True)
    _block(s, 15, 20, ["Via Monza 112, 20861 Brugherio (MB), Italia", "P.IVA IT 03456780967"],
           size=8)  # fmt: skip
    s.text(150, 12, "FATTURA", size=16, bold=True)
    s.pairs(125, 24, [("Fattura n.:", "247/2026"), ("Data:", "7 dicembre 2026")], gap=22)
    s.text(15, 38, "Spett.le", size=8.5, bold=True)
    _block(s, 15, 43, ["Ferramenta Adriatica S.p.A.", "Via Emilia 45", "47921 Rimini (RN)",
                       "Italia"])  # fmt: skip
    rows = _rows(_IT_ITEMS, "de")
    first = _unit_amounts(_IT_ITEMS)[:12]
    y = s.grid(68, _IT_COLS, rows[:12], size=8.5)
    s.pdf.line(15, y, 195, y)
    s.text(110, y + 2, "A riportare", size=8.5, bold=True)
    s.text(165, y + 2, _fmt(sum(first, Decimal(0)), "de"), size=8.5, bold=True, width=30,
           align="R")  # fmt: skip
    s.text(170, 282, "Pagina 1 di 2", size=7.5)
    s.pdf.add_page()
    s.text(15, 12, "Officine Meccaniche Brianza S.r.l.", size=11, bold=True)
    s.text(120, 12, "Fattura n. 247/2026 del 7 dicembre 2026", size=8.5)
    s.text(110, 24, "Riporto", size=8.5, bold=True)
    s.text(165, 24, _fmt(sum(first, Decimal(0)), "de"), size=8.5, bold=True, width=30, align="R")
    y = s.grid(32, _IT_COLS, rows[12:], size=8.5)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Totale merce", _fmt(_IT_GOODS, "de")),
                                 ("Spese di trasporto", _fmt(_IT_PORT, "de")),
                                 ("Imponibile", _fmt(_IT_NET, "de")),
                                 ("IVA 22%", _fmt(_IT_VAT, "de")),
                                 ("Totale fattura €", _fmt(_IT_NET + _IT_VAT, "de"))])  # fmt: skip
    s.text(170, 282, "Pagina 2 di 2", size=7.5)
    return s.output()


IT_TWO_PAGES_TRUTH = _truth(
    invoice_number="247/2026", type_code="380", issue_date="2026-12-07", currency="EUR",
    seller_name="Officine Meccaniche Brianza S.r.l.", seller_vat_id="IT03456780967",
    seller_country="IT", buyer_name="Ferramenta Adriatica S.p.A.", buyer_country="IT",
    tax_exclusive_total=_plain(_IT_NET), tax_total=_plain(_IT_VAT),
    grand_total=_plain(_IT_NET + _IT_VAT), due_payable=_plain(_IT_NET + _IT_VAT),
    line_items=_unit_lines(_IT_ITEMS, {"pz": "H87"}),
)  # fmt: skip


# -- Czechia: spaces, a quantity '2 026' kg, the dates in Czech words ---------------------------

_CZ_ITEMS: list[UnitItem] = [("Ocelový nosník IPE 200", "2026", "kg", "38.50"),
                             ("Spojovací materiál M16", "1000", "ks", "14.20")]  # fmt: skip
_CZ_NET = _unit_sum(_CZ_ITEMS)
_CZ_VAT = _round(_CZ_NET * Decimal("0.21"))


def cz_mezery_slovy() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Moravské strojírny s.r.o.", size=14, bold=True)
    _block(s, 15, 20, ["Průmyslová 1520, 664 42 Modřice, Česká republika",
                       "IČ: 26543210   DIČ: CZ26543210"], size=8)  # fmt: skip
    s.text(115, 12, "FAKTURA – DAŇOVÝ DOKLAD", size=12, bold=True)
    s.pairs(115, 24, [("Číslo faktury:", "2026110458"), ("Datum splatnosti:", "17. prosince 2026"),
                      ("Datum vystavení:", "3. prosince 2026"), ("DUZP:", "30. listopadu 2026")],
            gap=35)  # fmt: skip
    s.text(15, 38, "Odběratel:", size=8.5, bold=True)
    _block(s, 15, 43, ["Stavby Brno a.s.", "Heršpická 12", "639 00 Brno", "Česká republika"])
    y = s.grid(68, _cols("Cena/MJ Kč", "Celkem Kč", "Označení dodávky", "Množství", "MJ"),
               _rows(_CZ_ITEMS, "sp"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 161, y + 4, [("Celkem bez DPH", _fmt(_CZ_NET, "sp")),
                                 ("DPH 21 %", _fmt(_CZ_VAT, "sp")),
                                 ("Celkem k úhradě Kč",
                                  _fmt(_CZ_NET + _CZ_VAT, "sp"))])  # fmt: skip
    return s.output()


CZ_MEZERY_TRUTH = _truth(
    invoice_number="2026110458", type_code="380", issue_date="2026-12-03", currency="CZK",
    seller_name="Moravské strojírny s.r.o.", seller_vat_id="CZ26543210", seller_country="CZ",
    buyer_name="Stavby Brno a.s.", buyer_country="CZ",
    tax_exclusive_total=_plain(_CZ_NET), tax_total=_plain(_CZ_VAT),
    grand_total=_plain(_CZ_NET + _CZ_VAT), due_payable=_plain(_CZ_NET + _CZ_VAT),
    line_items=_unit_lines(_CZ_ITEMS, {"kg": "KGM", "ks": "H87"}),
)  # fmt: skip


# -- Greece: 'Έκπτωση 5%', 'Καθαρή αξία', a date in Greek words ----------------------------------

_GR_ITEMS: list[UnitItem] = [("Ελαιόλαδο έξτρα παρθένο 5 lt", "600", "τεμ.", "38.40"),
                             ("Ελιές Καλαμών 1 kg", "1200", "kg", "6.90")]  # fmt: skip
_GR_SUM = _unit_sum(_GR_ITEMS)
_GR_DISC = _round(_GR_SUM * Decimal("0.05"))
_GR_NET = _GR_SUM - _GR_DISC
_GR_VAT = _round(_GR_NET * Decimal("0.13"))


def gr_ekptosi_words() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Ελαιουργία Μεσσηνίας Α.Ε.", size=14, bold=True)
    _block(s, 15, 20, ["Αριστομένους 45, 24100 Καλαμάτα, Ελλάδα",
                       "ΑΦΜ: 094512378   ΔΟΥ: Καλαμάτας"], size=8)  # fmt: skip
    s.text(125, 12, "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ", size=13, bold=True)
    s.pairs(120, 24, [("Αρ. Τιμολογίου:", "2026-00912"), ("Ημερομηνία:", "7 Δεκεμβρίου 2026")],
            gap=30)  # fmt: skip
    s.text(15, 38, "Πελάτης:", size=8.5, bold=True)
    _block(s, 15, 43, ["Τρόφιμα Αττικής Ε.Π.Ε.", "Λεωφόρος Κηφισού 120", "12131 Περιστέρι",
                       "Ελλάδα"])  # fmt: skip
    y = s.grid(68, _cols("Τιμή €", "Αξία €", "Περιγραφή", "Ποσότητα", "Μ.Μ."),
               _rows(_GR_ITEMS, "de"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Σύνολο αξίας", _fmt(_GR_SUM, "de")),
                                 ("Έκπτωση 5%", "-" + _fmt(_GR_DISC, "de")),
                                 ("Καθαρή αξία", _fmt(_GR_NET, "de")),
                                 ("ΦΠΑ 13%", _fmt(_GR_VAT, "de")),
                                 ("Πληρωτέο ποσό €", _fmt(_GR_NET + _GR_VAT, "de"))])  # fmt: skip
    return s.output()


GR_EKPTOSI_TRUTH = _truth(
    invoice_number="2026-00912", type_code="380", issue_date="2026-12-07", currency="EUR",
    seller_name="Ελαιουργία Μεσσηνίας Α.Ε.", seller_vat_id="094512378", seller_country="GR",
    buyer_name="Τρόφιμα Αττικής Ε.Π.Ε.", buyer_country="GR",
    tax_exclusive_total=_plain(_GR_NET), tax_total=_plain(_GR_VAT),
    grand_total=_plain(_GR_NET + _GR_VAT), due_payable=_plain(_GR_NET + _GR_VAT),
    line_items=_unit_lines(_GR_ITEMS, {"τεμ.": "H87", "kg": "KGM"}),
)  # fmt: skip


# -- United States: discount, freight and sales tax after the subtotal, no net printed -----------

_US_ITEMS: list[UnitItem] = [("Hex bolt 1/2-13 x 2, zinc", "1200", "ea", "0.42"),
                             ("Nylon lock nut 1/2-13", "2500", "ea", "0.09"),
                             ("Flat washer 1/2 SAE", "3000", "ea", "0.035")]  # fmt: skip
_US_SUM = _unit_sum(_US_ITEMS)
_US_DISC = _round(_US_SUM * Decimal("0.05"))
_US_FREIGHT = Decimal("64.50")
_US_TAX = _round((_US_SUM - _US_DISC) * Decimal("0.0625"))
_US_TOTAL = _US_SUM - _US_DISC + _US_FREIGHT + _US_TAX


def us_discount_freight() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Great Lakes Fastener Supply Inc.", size=14, bold=True)
    _block(s, 15, 20, ["2200 Industrial Drive, Toledo, OH 43612, United States"], size=8)
    s.text(150, 12, "INVOICE", size=16, bold=True)
    s.pairs(125, 24, [("Invoice No.:", "GLF-108834"), ("Ship Date:", "December 2, 2026"),
                      ("Invoice Date:", "December 4, 2026")], gap=26)  # fmt: skip
    s.text(15, 38, "Bill To:", size=8.5, bold=True)
    _block(s, 15, 43, ["Prairie Machine Works LLC", "500 Commerce St", "Peoria, IL 61602",
                       "United States"])  # fmt: skip
    y = s.grid(68, _cols("Unit Price", "Amount", "Description", "Qty", "U/M"),
               _rows(_US_ITEMS, "en", "$"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Subtotal", "$" + _group(_US_SUM)),
                                 ("Discount 5%", "-$" + _group(_US_DISC)),
                                 ("Freight", "$" + _group(_US_FREIGHT)),
                                 ("Sales Tax 6.25%", "$" + _group(_US_TAX)),
                                 ("Total", "$" + _group(_US_TOTAL)),
                                 ("Amount Due", "$" + _group(_US_TOTAL))])  # fmt: skip
    return s.output()


US_DISCOUNT_FREIGHT_TRUTH = _truth(
    invoice_number="GLF-108834", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Great Lakes Fastener Supply Inc.", seller_country="US",
    buyer_name="Prairie Machine Works LLC", buyer_country="US",
    tax_total=_plain(_US_TAX), grand_total=_plain(_US_TOTAL), due_payable=_plain(_US_TOTAL),
    line_items=_unit_lines(_US_ITEMS, {"ea": "H87"}),
)  # fmt: skip


# -- Norway: spaces, 'Frakt' before 'Sum eks. mva', dates in Norwegian words --------------------

_NO_ITEMS: list[UnitItem] = [("Klippfisk, saltet og tørket", "3000", "kg", "62.50"),
                             ("Tørrfisk Lofoten", "850", "kg", "189.00")]  # fmt: skip
_NO_GOODS = _unit_sum(_NO_ITEMS)
_NO_FREIGHT = Decimal("4800.00")
_NO_NET = _NO_GOODS + _NO_FREIGHT
_NO_VAT = _round(_NO_NET * Decimal("0.15"))


def no_frakt_eks_mva() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Fjordkyst Sjømat AS", size=14, bold=True)
    _block(s, 15, 20, ["Havnegata 14, 6003 Ålesund, Norge", "Org.nr: NO 923 456 789 MVA"],
           size=8)  # fmt: skip
    s.text(150, 12, "FAKTURA", size=16, bold=True)
    s.pairs(120, 24, [("Fakturanr.:", "26-4410"), ("Fakturadato:", "4. desember 2026"),
                      ("Forfallsdato:", "18. desember 2026")], gap=28)  # fmt: skip
    s.text(15, 38, "Kunde:", size=8.5, bold=True)
    _block(s, 15, 43, ["Bergen Fiskehall AS", "Torget 2", "5014 Bergen", "Norge"])
    y = s.grid(68, _cols("Pris", "Beløp", "Beskrivelse", "Antall", "Enhet"),
               _rows(_NO_ITEMS, "sp"), size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 4, [("Sum varer", _fmt(_NO_GOODS, "sp")),
                                 ("Frakt", _fmt(_NO_FREIGHT, "sp")),
                                 ("Sum eks. mva", _fmt(_NO_NET, "sp")),
                                 ("Mva 15 %", _fmt(_NO_VAT, "sp")),
                                 ("Å betale NOK", _fmt(_NO_NET + _NO_VAT, "sp"))])  # fmt: skip
    return s.output()


NO_FRAKT_TRUTH = _truth(
    invoice_number="26-4410", type_code="380", issue_date="2026-12-04", currency="NOK",
    seller_name="Fjordkyst Sjømat AS", seller_vat_id="NO923456789MVA", seller_country="NO",
    buyer_name="Bergen Fiskehall AS", buyer_country="NO",
    tax_exclusive_total=_plain(_NO_NET), tax_total=_plain(_NO_VAT),
    grand_total=_plain(_NO_NET + _NO_VAT), due_payable=_plain(_NO_NET + _NO_VAT),
    line_items=_unit_lines(_NO_ITEMS, {"kg": "KGM"}),
)  # fmt: skip


REVIEW21: list[Layout] = [
    Layout("ch-apostrophe-words-de", ch_apostrophe_words, CH_APOSTROPHE_TRUTH),
    Layout("fr-port-total-ht", fr_port_total_ht, FR_PORT_TRUTH),
    Layout("at-rabatt-netto", at_rabatt_netto, AT_RABATT_TRUTH),
    Layout("es-proforma-words-fr", es_proforma_words, ES_PROFORMA_TRUTH),
    Layout("cn-ci-proforma-ref-au", cn_ci_proforma_ref, CN_CI_PROFORMA_TRUTH),
    Layout("tr-koli-cif-de", tr_koli_cif, TR_KOLI_CIF_TRUTH),
    Layout("pt-desconto-base-es", pt_desconto_base, PT_DESCONTO_TRUTH),
    Layout("it-two-pages-trasporto", it_two_pages_trasporto, IT_TWO_PAGES_TRUTH),
    Layout("cz-mezery-slovy", cz_mezery_slovy, CZ_MEZERY_TRUTH),
    Layout("gr-ekptosi-words", gr_ekptosi_words, GR_EKPTOSI_TRUTH),
    Layout("us-discount-freight", us_discount_freight, US_DISCOUNT_FREIGHT_TRUTH),
    Layout("no-frakt-eks-mva", no_frakt_eks_mva, NO_FRAKT_TRUTH),
]


def write_review21(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, REVIEW21)
