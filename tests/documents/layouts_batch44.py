"""A forty-fourth batch of hand-written invoices (session 35, invoices32), written and committed
before the reader's code was read: twenty-seven layouts of the regions and kinds batches 1-43
hold few of, from real documents of those countries, in five groups.

Nordic: a Swedish ``Faktura`` to Norway (``Fakturanr``, ``OCR-nummer``, ``Org.nr`` beside
``Momsreg.nr SE…``, ``Moms 0 %`` for an export, ``Att betala SEK``); a Norwegian domestic
``FAKTURA`` (``Org.nr. 987 654 321 MVA``, a ``KID`` number, ``MVA 25 %``, ``Å betale``, ``kr``);
a Finnish ``LASKU`` (``Y-tunnus`` and ``ALV-numero FI…``, a ``Viitenumero``, ``ALV 25,5 %``,
``kpl``); a Danish ``Faktura`` to Germany in EUR (``CVR/VAT``, ``Omvendt betalingspligt`` with
moms 0,00); a Swedish ``Kreditfaktura`` (negative rows, ``Att återfå``).

Iberian and Latin American: a Spanish ``Factura`` to Portugal (``NIF`` and ``NIF-IVA ESB…``,
``IVA 0 % exenta art. 25 LIVA``); a Spanish ``Factura rectificativa`` (serie R apart from its
number, negative amounts, IVA 21 %); a Portuguese ``Fatura-Recibo`` (``FR 2026A1/87``, an
``ATCUD`` that is not the number, IVA 23 %); a Mexican CFDI ``Nota de crédito`` (Egreso, serie
and folio apart, MXN, IVA 16 %); an Argentine ``Factura E`` (``Punto de Venta`` apart from
``Comp. Nro``, CUIT, USD, a buyer in Chile); a Chilean ``Factura de Exportación Electrónica``
(R.U.T., ``US$``, FOB, a buyer in China); a Colombian ``Factura electrónica de venta``
(``Prefijo`` apart from ``Número``, NIT, IVA 19 %, COP); a Peruvian ``Factura electrónica``
(``E001-128``, RUC, ``S/``, ``Op. Gravada``, IGV 18 %).

South-East Asian: a Malaysian English invoice (``SST Reg. No.``, ``Sales Tax 10%``, RM); a
Singapore ``TAX INVOICE`` (``GST Reg. No.``, ``S$``, GST 0 % zero-rated export, a buyer in
Indonesia); an Indonesian exporter in English (NPWP, ``Rp`` per line and ``IDR`` totals, no tax,
a buyer in Australia).

Gulf and African: a UAE ``TAX INVOICE`` (TRN, VAT 5 %, AED, a buyer in Oman); a Saudi tax
invoice to Bahrain (VAT Registration Number, VAT 0 % export, SAR); a Bahraini invoice in BHD with
three decimals (VAT 10 %); a Qatari invoice in QAR (C.R. No., no tax at all, a buyer in Kuwait);
a South African ``TAX INVOICE`` to Namibia (VAT No., ``R``, zero-rated); a Nigerian invoice
(TIN, VAT 7.5 %, ``₦``-less ``NGN``); a Senegalese ``Facture`` (NINEA, ``FCFA``, TVA 18 %); a
Kenyan eTIMS invoice to Uganda (KRA PIN, VAT 0 % export, KES).

E-commerce and credit notes: an Etsy-style order receipt (only ``Order #`` and ``Order date``,
``Item total``, ``Shipping total``, ``Sales tax``, ``Order total``, a shop in the United States);
an Amazon.de-style ``Rechnung`` of a marketplace seller (``Verkauft von``, ``Bestellnummer``
beside ``Rechnungsnummer``, prices ``ohne USt.``, USt. 19 %); a New Zealand ``CREDIT NOTE``
(``GST No.``, GST 15 %, NZD).

Ground truth by docs/documents.md's "Ground-truth conventions", read before writing: numbers as
printed, series and number printed apart joined by one space (not an OCR/KID/viitenumero
reference, an ATCUD, a UUID or an order number unless it is the page's only number); the seller's
VAT/GST id (Momsreg.nr over Org.nr, ALV-numero over Y-tunnus; CUIT, RUT, NIT, RUC, SST, TRN, KRA
PIN, NINEA, TIN as tax ids of their countries; not an RFC, NPWP or C.R. No.); countries only
where the page names them; a printed zero tax line a tax total 0.00 with its net the tax-exclusive
total; freight after a subtotal: no tax-exclusive total unless a net is printed; a credit note's
amounts positive; units as UN/ECE codes (st/stk/kpl/pcs/und H87, kg KGM, m MTR, h HUR, ctn XCT,
box XBX, set SET); no unit column: null.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _sp, _totals
from tests.documents.layouts_batch20 import UnitItem, _de, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

H87, KGM = "H87", "KGM"


def _tax(net: Decimal, rate: str) -> Decimal:
    return _round(net * _d(rate) / 100)


def _rows(items: list[UnitItem], money=_group, unit: bool = True, sign: str = "",
          neg: bool = False) -> list[list[str]]:  # fmt: skip
    """Description, quantity, unit (optional), unit price, amount as printed."""
    out = []
    for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True):
        row = [t, ("-" if neg else "") + q]
        if unit:
            row.append(u)
        out.append([*row, sign + money(_d(p)), sign + money(-a if neg else a)])
    return out


def _cols5(
    first: str = "Description",
    qty: str = "Qty",
    unit: str = "Unit",
    price: str = "Unit price",
    amount: str = "Amount",
) -> list[tuple[str, float, float, str]]:
    return [(first, 15, 80, "L"), (qty, 97, 16, "R"), (unit, 115, 12, "L"),
            (price, 129, 28, "R"), (amount, 159, 36, "R")]  # fmt: skip


def _cols4(
    first: str = "Description", qty: str = "Qty", price: str = "Unit price", amount: str = "Amount"
) -> list[tuple[str, float, float, str]]:
    return [(first, 15, 95, "L"), (qty, 112, 16, "R"), (price, 130, 28, "R"),
            (amount, 160, 35, "R")]  # fmt: skip


def _nounit_lines(items: list[UnitItem]) -> list[dict]:
    return [_line(t, q, None, _price(_d(p)), _plain(a))
            for (t, q, _, p), a in zip(items, _unit_amounts(items), strict=True)]  # fmt: skip


# == Nordic ===================================================================================

# -- Sweden: Faktura to Norway, Fakturanr + OCR-nummer, Org.nr beside Momsreg.nr, moms 0 % -------

_SE_ITEMS: list[UnitItem] = [("Kullager 6205-2RS", "400", "st", "38.50"),
                             ("Axeltätning 25x47x7 NBR", "250", "st", "12.90"),
                             ("Monteringsfett 400 g", "60", "st", "89.00")]  # fmt: skip
_SE_NET = _unit_sum(_SE_ITEMS)


def se_faktura_no() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Norrlands Lager & Transmission AB", size=13, bold=True)
    _block(s, 15, 19, ["Industrigatan 14", "852 38 Sundsvall", "Sverige"], size=8)
    s.text(150, 12, "FAKTURA", size=16, bold=True)
    s.pairs(130, 22, [("Fakturanr", "26-10457"), ("Fakturadatum", "2026-12-03"),
                      ("Förfallodatum", "2027-01-02"), ("Kundnr", "4471"),
                      ("OCR-nummer", "2610457447"), ("Er referens", "Kari Nordmann")],
            gap=30, step=4.6)  # fmt: skip
    s.text(15, 38, "Fakturaadress", size=8, bold=True)
    _block(s, 15, 43, ["Trøndelag Maskin AS", "Sluppenvegen 23", "7037 Trondheim", "Norge"],
           size=8.5)  # fmt: skip
    y = _table(s, 72, _cols5("Benämning", "Antal", "Enhet", "À-pris", "Belopp"),
               _rows(_SE_ITEMS, _sp), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Netto", _sp(_SE_NET)), ("Moms 0 %", "0,00"),
                                     ("Att betala SEK", _sp(_SE_NET))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Export utanför EU, momsfri enligt 10 kap. 3 § ML. Betalningsvillkor 30 dagar"
                      " netto.", size=7)  # fmt: skip
    s.pdf.line(15, 270, 195, 270)
    s.text(15, 272, "Org.nr 556712-3456   Momsreg.nr SE556712345601   Innehar F-skattsedel   "
                    "Bankgiro 5432-1098", size=7)  # fmt: skip
    return s.output()


SE_FAKTURA_TRUTH = _truth(
    invoice_number="26-10457", type_code="380", issue_date="2026-12-03", currency="SEK",
    seller_name="Norrlands Lager & Transmission AB", seller_vat_id="SE556712345601",
    seller_country="SE", buyer_name="Trøndelag Maskin AS", buyer_country="NO",
    tax_exclusive_total=_plain(_SE_NET), tax_total="0.00", grand_total=_plain(_SE_NET),
    due_payable=_plain(_SE_NET), line_items=_unit_lines(_SE_ITEMS, {"st": H87}),
)  # fmt: skip


# -- Norway: domestic FAKTURA, Org.nr. … MVA, KID, MVA 25 %, 'Å betale', kr -------------------

_NO_ITEMS: list[UnitItem] = [("Laksefilet, fersk, trim D", "420", "kg", "142.00"),
                             ("Isoporkasse 10 kg", "42", "stk", "36.00")]  # fmt: skip
_NO_NET = _unit_sum(_NO_ITEMS)
_NO_TAX = _tax(_NO_NET, "25")


def no_faktura_mva() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Vesterålen Sjømat AS", size=14, bold=True)
    _block(s, 15, 19, ["Havnegata 7, 8400 Sortland", "Org.nr. 987 654 321 MVA"], size=8)
    s.text(15, 34, "Kunde", size=8, bold=True)
    _block(s, 15, 39, ["Fiskehallen Bergen AS", "Strandkaien 2", "5013 Bergen"], size=8.5)
    s.text(140, 12, "FAKTURA", size=16, bold=True)
    s.pairs(125, 22, [("Fakturanr.:", "40218"), ("Fakturadato:", "04.12.2026"),
                      ("Forfallsdato:", "18.12.2026"), ("KID:", "0004021807")], gap=28,
            step=4.6)  # fmt: skip
    y = _table(s, 62, _cols5("Beskrivelse", "Antall", "Enhet", "Pris", "Sum"),
               _rows(_NO_ITEMS, _sp), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Sum eks. mva", _sp(_NO_NET)),
                                     ("MVA 25 %", _sp(_NO_TAX)),
                                     ("Å betale kr", _sp(_NO_NET + _NO_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Betales til konto 1503.12.34567 innen forfall. Husk KID ved betaling.",
           size=7.5)  # fmt: skip
    return s.output()


NO_FAKTURA_TRUTH = _truth(
    invoice_number="40218", type_code="380", issue_date="2026-12-04", currency="NOK",
    seller_name="Vesterålen Sjømat AS", seller_vat_id="987654321MVA",
    buyer_name="Fiskehallen Bergen AS",
    tax_exclusive_total=_plain(_NO_NET), tax_total=_plain(_NO_TAX),
    grand_total=_plain(_NO_NET + _NO_TAX), due_payable=_plain(_NO_NET + _NO_TAX),
    line_items=_unit_lines(_NO_ITEMS, {"kg": KGM, "stk": H87}),
)  # fmt: skip


# -- Finland: LASKU, Y-tunnus + ALV-numero, Viitenumero, ALV 25,5 %, kpl ----------------------

_FI_ITEMS: list[UnitItem] = [("Koivuvaneri 12 mm 1220x2440", "80", "kpl", "54.90"),
                             ("Mäntylauta 22x100, 4,2 m", "350", "kpl", "6.85"),
                             ("Kuljetus Tampere–Oulu", "1", "kpl", "240.00")]  # fmt: skip
_FI_NET = _unit_sum(_FI_ITEMS)
_FI_TAX = _tax(_FI_NET, "25.5")


def fi_lasku_alv() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Pirkanmaan Puutavara Oy", size=13, bold=True)
    _block(s, 15, 19, ["Hatanpään valtatie 40", "33900 Tampere", "Suomi"], size=8)
    s.text(145, 12, "LASKU", size=16, bold=True)
    s.pairs(120, 22, [("Laskun numero", "100734"), ("Laskun päiväys", "3.12.2026"),
                      ("Eräpäivä", "17.12.2026"), ("Viitenumero", "1007341"),
                      ("Asiakasnumero", "2210")], gap=32, step=4.6)  # fmt: skip
    s.text(15, 36, "Laskutusosoite", size=8, bold=True)
    _block(s, 15, 41, ["Rakennus Pohjola Oy", "Kauppurienkatu 9", "90100 Oulu"], size=8.5)
    y = _table(s, 66, _cols5("Tuote", "Määrä", "Yks.", "á-hinta", "Yhteensä"),
               _rows(_FI_ITEMS, _sp), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Veroton yhteensä", _sp(_FI_NET)),
                                     ("ALV 25,5 %", _sp(_FI_TAX)),
                                     ("Yhteensä EUR", _sp(_FI_NET + _FI_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.pdf.line(15, 268, 195, 268)
    s.text(15, 270, "Y-tunnus 2456789-1   ALV-numero FI24567891   IBAN FI21 1234 5600 0007 85",
           size=7)  # fmt: skip
    return s.output()


FI_LASKU_TRUTH = _truth(
    invoice_number="100734", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Pirkanmaan Puutavara Oy", seller_vat_id="FI24567891", seller_country="FI",
    buyer_name="Rakennus Pohjola Oy",
    tax_exclusive_total=_plain(_FI_NET), tax_total=_plain(_FI_TAX),
    grand_total=_plain(_FI_NET + _FI_TAX), due_payable=_plain(_FI_NET + _FI_TAX),
    line_items=_unit_lines(_FI_ITEMS, {"kpl": H87}),
)  # fmt: skip


# -- Denmark: Faktura to Germany in EUR, CVR/VAT DK…, 'Omvendt betalingspligt', moms 0,00 -------

_DK_ITEMS: list[UnitItem] = [("Vindmøllebolt M36 x 320, galv.", "600", "stk", "14.20"),
                             ("Møtrik M36 kl. 10", "600", "stk", "3.15")]  # fmt: skip
_DK_NET = _unit_sum(_DK_ITEMS)


def dk_faktura_de() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Jysk Boltefabrik ApS", size=13, bold=True)
    _block(s, 15, 19, ["Industrivej 22, 7400 Herning, Danmark", "CVR/VAT: DK 31 45 67 89"],
           size=8)  # fmt: skip
    s.text(15, 32, "Køber / Buyer", size=8, bold=True)
    _block(s, 15, 37, ["Nordwind Montage GmbH", "Am Hafen 5", "26721 Emden", "Tyskland",
                       "USt-IdNr.: DE287654321"], size=8.5)  # fmt: skip
    s.text(140, 12, "Faktura", size=16, bold=True)
    s.pairs(125, 22, [("Fakturanr.", "2026-0877"), ("Dato", "07.12.2026"),
                      ("Betaling", "Netto 30 dage"), ("Valuta", "EUR")], gap=26,
            step=4.6)  # fmt: skip
    y = _table(s, 66, _cols5("Varebeskrivelse", "Antal", "Enhed", "Stk.pris", "Beløb"),
               _rows(_DK_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Subtotal", _de(_DK_NET)), ("Moms 0 %", "0,00"),
                                     ("I alt EUR", _de(_DK_NET))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Omvendt betalingspligt – reverse charge, art. 196 Council Directive "
                      "2006/112/EC.", size=7)  # fmt: skip
    return s.output()


DK_FAKTURA_TRUTH = _truth(
    invoice_number="2026-0877", type_code="380", issue_date="2026-12-07", currency="EUR",
    seller_name="Jysk Boltefabrik ApS", seller_vat_id="DK31456789", seller_country="DK",
    buyer_name="Nordwind Montage GmbH", buyer_country="DE",
    tax_exclusive_total=_plain(_DK_NET), tax_total="0.00", grand_total=_plain(_DK_NET),
    due_payable=_plain(_DK_NET), line_items=_unit_lines(_DK_ITEMS, {"stk": H87}),
)  # fmt: skip


# -- Sweden: Kreditfaktura, negative rows, moms 25 %, 'Att återfå' ---------------------------

_SK_ITEMS: list[UnitItem] = [("Kontorsstol Ergo 300, retur", "4", "st", "2490.00"),
                             ("Skrivbord höj- och sänkbart 160x80, retur", "2", "st",
                              "5990.00")]  # fmt: skip
_SK_NET = _unit_sum(_SK_ITEMS)
_SK_TAX = _tax(_SK_NET, "25")


def se_kreditfaktura() -> bytes:
    s = Sheet2()
    s.text(15, 12, "KREDITFAKTURA", size=15, bold=True)
    s.pairs(15, 22, [("Kreditfakturanr", "K-2026-0091"), ("Datum", "2026-12-08"),
                     ("Avser faktura", "2026-11872")], gap=32, step=4.6)  # fmt: skip
    _block(s, 130, 12, ["Kontorsmästarna i Göteborg AB", "Första Långgatan 18",
                        "413 27 Göteborg", "Sverige"], size=8, bold_first=True)  # fmt: skip
    s.text(15, 40, "Kund", size=8, bold=True)
    _block(s, 15, 45, ["Västkustens Revisionsbyrå AB", "Kungsportsavenyen 10",
                       "411 36 Göteborg"], size=8.5)  # fmt: skip
    y = _table(s, 66, _cols5("Artikel", "Antal", "Enh", "Pris", "Summa"),
               _rows(_SK_ITEMS, _sp, neg=True), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Summa exkl. moms", _sp(-_SK_NET)),
                                     ("Moms 25 %", _sp(-_SK_TAX)),
                                     ("Att återfå SEK", _sp(-_SK_NET - _SK_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, 272, "Org.nr 559012-3456 · Momsreg.nr SE559012345601 · Godkänd för F-skatt",
           size=7)  # fmt: skip
    return s.output()


SE_KREDIT_TRUTH = _truth(
    invoice_number="K-2026-0091", type_code="381", issue_date="2026-12-08", currency="SEK",
    seller_name="Kontorsmästarna i Göteborg AB", seller_vat_id="SE559012345601",
    seller_country="SE", buyer_name="Västkustens Revisionsbyrå AB",
    tax_exclusive_total=_plain(_SK_NET), tax_total=_plain(_SK_TAX),
    grand_total=_plain(_SK_NET + _SK_TAX), due_payable=_plain(_SK_NET + _SK_TAX),
    line_items=_unit_lines(_SK_ITEMS, {"st": H87}),
)  # fmt: skip


# == Iberian and Latin American ===============================================================

# -- Spain: Factura to Portugal, NIF + NIF-IVA ESB…, IVA 0 % exenta art. 25 LIVA -------------

_ES_ITEMS: list[UnitItem] = [("Aceite de oliva virgen extra, garrafa 5 L", "480", "und",
                              "27.40"),
                             ("Aceitunas manzanilla, lata 3 kg", "300", "und", "9.85")]  # fmt: skip
_ES_NET = _unit_sum(_ES_ITEMS)


def es_factura_pt() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Almazaras del Guadalquivir, S.L.", size=13, bold=True)
    _block(s, 15, 19, ["Ctra. de Córdoba km 4, 41410 Carmona (Sevilla)", "España",
                       "NIF: B41234567   NIF-IVA: ESB41234567"], size=8)  # fmt: skip
    s.text(150, 12, "FACTURA", size=15, bold=True)
    s.boxes(110, 24, [("Nº factura", "2026/1187"), ("Fecha", "14/12/2026")], width=42,
            size=8.5)  # fmt: skip
    s.text(15, 40, "Cliente", size=8, bold=True)
    _block(s, 15, 45, ["Mercearia Fina do Porto, Lda.", "Rua de Santa Catarina 312",
                       "4000-443 Porto", "Portugal", "NIF: PT508765432"], size=8.5)  # fmt: skip
    y = _table(s, 72, _cols5("Descripción", "Cant.", "Ud.", "Precio", "Importe"),
               _rows(_ES_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Base imponible", _de(_ES_NET)),
                                     ("IVA 0 %", "0,00"),
                                     ("Total factura (EUR)", _de(_ES_NET))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Operación exenta de IVA, art. 25 Ley 37/1992 (entrega intracomunitaria).",
           size=7)  # fmt: skip
    return s.output()


ES_FACTURA_PT_TRUTH = _truth(
    invoice_number="2026/1187", type_code="380", issue_date="2026-12-14", currency="EUR",
    seller_name="Almazaras del Guadalquivir, S.L.", seller_vat_id="ESB41234567",
    seller_country="ES", buyer_name="Mercearia Fina do Porto, Lda.", buyer_country="PT",
    tax_exclusive_total=_plain(_ES_NET), tax_total="0.00", grand_total=_plain(_ES_NET),
    due_payable=_plain(_ES_NET), line_items=_unit_lines(_ES_ITEMS, {"und": H87}),
)  # fmt: skip


# -- Spain: Factura rectificativa, Serie R apart from Número, negative amounts, IVA 21 % -------

_ER_ITEMS: list[UnitItem] = [("Devolución: baldosa porcelánica 60x60 gris", "45", "m2",
                              "18.90"),
                             ("Devolución: adhesivo cementoso C2TE 25 kg", "12", "und",
                              "14.50")]  # fmt: skip
_ER_NET = _unit_sum(_ER_ITEMS)
_ER_TAX = _tax(_ER_NET, "21")


def es_rectificativa() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "FACTURA RECTIFICATIVA", size=14, bold=True)
    s.pairs(15, 22, [("Serie:", "R"), ("Número:", "000214"), ("Fecha:", "9 de diciembre de 2026"),
                     ("Rectifica a la factura:", "A 004512 de 20/11/2026"),
                     ("Motivo:", "Devolución de mercancía (art. 80 LIVA)")], gap=40,
            step=4.6)  # fmt: skip
    _block(s, 130, 12, ["Cerámicas Levante, S.A.", "Avda. del Mediterráneo 88",
                        "12540 Vila-real (Castellón)", "CIF: A12345678"], size=8,
           bold_first=True)  # fmt: skip
    s.text(130, 34, "Cliente", size=8, bold=True)
    _block(s, 130, 39, ["Reformas Hermanos Gil, S.L.", "C/ Mayor 15, 46001 Valencia",
                        "CIF: B46543210"], size=8)  # fmt: skip
    y = _table(s, 64, _cols5("Concepto", "Cant.", "Ud.", "Precio", "Importe"),
               _rows(_ER_ITEMS, _de, neg=True), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Base imponible", _de(-_ER_NET)),
                                 ("IVA 21 %", _de(-_ER_TAX)),
                                 ("TOTAL (€)", _de(-_ER_NET - _ER_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


ES_RECTIFICATIVA_TRUTH = _truth(
    invoice_number="R 000214", type_code="381", issue_date="2026-12-09", currency="EUR",
    seller_name="Cerámicas Levante, S.A.", seller_vat_id="A12345678",
    buyer_name="Reformas Hermanos Gil, S.L.",
    tax_exclusive_total=_plain(_ER_NET), tax_total=_plain(_ER_TAX),
    grand_total=_plain(_ER_NET + _ER_TAX), due_payable=_plain(_ER_NET + _ER_TAX),
    line_items=_unit_lines(_ER_ITEMS, {"m2": "MTK", "und": H87}),
)  # fmt: skip


# -- Portugal: Fatura-Recibo FR 2026A1/87, ATCUD, IVA 23 % ---------------------------------------

_PT_ITEMS: list[UnitItem] = [("Serviço de manutenção de ar condicionado", "6", "h", "38.00"),
                             ("Filtro HEPA H13 600x600", "4", "un", "72.50")]  # fmt: skip
_PT_NET = _unit_sum(_PT_ITEMS)
_PT_TAX = _tax(_PT_NET, "23")


def pt_fatura_recibo() -> bytes:
    s = Sheet2()
    s.text(15, 12, "ClimaNorte - Instalações Técnicas, Lda.", size=12, bold=True)
    _block(s, 15, 19, ["Rua do Almada 210, 4050-032 Porto", "Portugal",
                       "NIF: PT 509 123 456   Capital social: 5.000,00 €"], size=8)  # fmt: skip
    s.text(135, 12, "Fatura-Recibo", size=14, bold=True)
    s.text(135, 19, "Original", size=7.5)
    s.pairs(120, 26, [("Nº:", "FR 2026A1/87"), ("Data:", "2026-12-10"),
                      ("ATCUD:", "JJ3K7M9P-87")], gap=20, step=4.6)  # fmt: skip
    s.text(15, 38, "Exmo.(s) Sr.(s)", size=8, bold=True)
    _block(s, 15, 43, ["Clínica Dentária Boavista, Lda.", "Av. da Boavista 1400",
                       "4100-114 Porto", "NIF: 514321987"], size=8.5)  # fmt: skip
    y = _table(s, 68, _cols5("Descrição", "Qtd.", "Un.", "Preço unit.", "Valor"),
               _rows(_PT_ITEMS, _de), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Total ilíquido", _de(_PT_NET)),
                                     ("IVA 23 %", _de(_PT_TAX)),
                                     ("Total (EUR)", _de(_PT_NET + _PT_TAX)),
                                     ("Pago: Multibanco", _de(_PT_NET + _PT_TAX))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 4, "Processado por programa certificado n.º 1234/AT. Os bens/serviços foram "
                      "colocados à disposição na data do documento.", size=6.5)  # fmt: skip
    return s.output()


PT_FATURA_RECIBO_TRUTH = _truth(
    invoice_number="FR 2026A1/87", type_code="380", issue_date="2026-12-10", currency="EUR",
    seller_name="ClimaNorte - Instalações Técnicas, Lda.", seller_vat_id="PT509123456",
    seller_country="PT", buyer_name="Clínica Dentária Boavista, Lda.",
    tax_exclusive_total=_plain(_PT_NET), tax_total=_plain(_PT_TAX),
    grand_total=_plain(_PT_NET + _PT_TAX), due_payable=_plain(_PT_NET + _PT_TAX),
    line_items=_unit_lines(_PT_ITEMS, {"h": "HUR", "un": H87}),
)  # fmt: skip


# -- Mexico: CFDI Nota de crédito (Egreso), serie + folio apart, MXN, IVA 16 % -----------------

_MN_ITEMS: list[UnitItem] = [("Bonificación por producto dañado: azulejo 20x30 blanco",
                              "85", "m2", "96.00"),
                             ("Bonificación por flete", "1", "servicio", "1450.00")]  # fmt: skip
_MN_NET = _unit_sum(_MN_ITEMS)
_MN_TAX = _tax(_MN_NET, "16")


def mx_nota_credito() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "NOTA DE CRÉDITO", size=14, bold=True)
    s.text(15, 17, "Tipo de comprobante: E - Egreso   CFDI 4.0", size=8)
    s.pairs(120, 10, [("Serie:", "NC"), ("Folio:", "118"), ("Fecha:", "2026-12-11T16:40:05"),
                      ("Moneda:", "MXN - Peso Mexicano"), ("Forma de pago:", "15 Condonación")],
            gap=28, step=4.4)  # fmt: skip
    s.text(120, 33, "Folio fiscal: 0B9C2D11-7E6F-4A3B-8C2D-1E0F9A8B7C6D", size=6.5)
    s.text(15, 26, "Emisor", size=8.5, bold=True)
    _block(s, 15, 31, ["Cerámica Tapatía S.A. de C.V.", "RFC: CTA980512KL3",
                       "Lugar de expedición: 45010, Zapopan, Jal., México"], size=7.5)  # fmt: skip
    s.text(15, 46, "Receptor", size=8.5, bold=True)
    _block(s, 15, 51, ["Materiales del Norte S.A. de C.V.", "RFC: MNO030303AB1",
                       "Uso CFDI: G02 Devoluciones, descuentos o bonificaciones"],
           size=7.5)  # fmt: skip
    s.text(15, 64, "CFDI relacionado (01 Nota de crédito): 7A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9",
           size=6.5)  # fmt: skip
    y = _table(s, 72, _cols5("Descripción", "Cantidad", "Unidad", "Valor unitario", "Importe"),
               _rows(_MN_ITEMS, _group), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Subtotal", f"$ {_group(_MN_NET)}"),
                                 ("IVA Traslado 16%", f"$ {_group(_MN_TAX)}"),
                                 ("Total", f"$ {_group(_MN_NET + _MN_TAX)}")], width=36,
            size=8)  # fmt: skip
    return s.output()


MX_NOTA_CREDITO_TRUTH = _truth(
    invoice_number="NC 118", type_code="381", issue_date="2026-12-11", currency="MXN",
    seller_name="Cerámica Tapatía S.A. de C.V.", seller_country="MX",
    buyer_name="Materiales del Norte S.A. de C.V.",
    tax_exclusive_total=_plain(_MN_NET), tax_total=_plain(_MN_TAX),
    grand_total=_plain(_MN_NET + _MN_TAX), due_payable=_plain(_MN_NET + _MN_TAX),
    line_items=_unit_lines(_MN_ITEMS, {"m2": "MTK", "servicio": None}),
)  # fmt: skip


# -- Argentina: Factura E, Punto de Venta apart from Comp. Nro, CUIT, USD -> Chile --------------

_AR_ITEMS: list[UnitItem] = [("Vino Malbec Reserva 750 ml (caja x 6)", "350", "caja", "42.00"),
                             ("Vino Torrontés 750 ml (caja x 6)", "150", "caja",
                              "31.50")]  # fmt: skip
_AR_TOTAL = _unit_sum(_AR_ITEMS)


def ar_factura_e() -> bytes:
    s = Sheet2()
    s.pdf.rect(98, 10, 14, 14)
    s.text(100, 12, "E", size=18, bold=True)
    s.text(96, 25, "COD. 19", size=6)
    s.text(15, 12, "Bodega Altos de Luján S.A.", size=12, bold=True)
    _block(s, 15, 19, ["Ruta 15 km 32, Luján de Cuyo, Mendoza", "República Argentina",
                       "IVA Responsable Inscripto"], size=7.5)  # fmt: skip
    s.text(125, 12, "FACTURA", size=14, bold=True)
    s.pairs(125, 20, [("Punto de Venta:", "00004"), ("Comp. Nro:", "00000231"),
                      ("Fecha de Emisión:", "15/12/2026"), ("CUIT:", "30-71456789-2"),
                      ("Ingresos Brutos:", "0-71456789-2")], gap=36, step=4.4)  # fmt: skip
    s.text(15, 44, "Cliente", size=8, bold=True)
    _block(s, 15, 49, ["Distribuidora Valle Central SpA", "Av. Apoquindo 4500, Las Condes",
                       "Santiago, Chile", "CUIT País: 55000002206"], size=8)  # fmt: skip
    s.text(120, 49, "Moneda: Dólar Estadounidense (USD)", size=8)
    s.text(120, 53, "Incoterms: FCA Mendoza", size=8)
    y = _table(s, 72, _cols5("Producto / Servicio", "Cantidad", "U. medida", "Precio Unit.",
                             "Subtotal"), _rows(_AR_ITEMS), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Importe Total: USD", _group(_AR_TOTAL))], width=36,
            size=9)  # fmt: skip
    s.text(15, y + 14, "CAE N°: 76491234567890   Fecha de Vto. de CAE: 25/12/2026", size=7)
    return s.output()


AR_FACTURA_E_TRUTH = _truth(
    # (invoices32, after the first reading: '00004 00000231' by the series-and-number rule,
    # changed to batch 25's older ar-factura-a-pesos truth for the same two captions)
    invoice_number="00004-00000231", type_code="380", issue_date="2026-12-15", currency="USD",
    seller_name="Bodega Altos de Luján S.A.", seller_vat_id="30714567892",
    seller_country="AR", buyer_name="Distribuidora Valle Central SpA", buyer_country="CL",
    grand_total=_plain(_AR_TOTAL), due_payable=_plain(_AR_TOTAL),
    line_items=_unit_lines(_AR_ITEMS, {"caja": "XBX"}),
)  # fmt: skip


# -- Chile: Factura de Exportación Electrónica, R.U.T., US$, FOB -> China ----------------------

_CL_ITEMS: list[UnitItem] = [("Cerezas frescas Lapins 5 kg, calibre XL", "2400", "caja",
                              "48.50"),
                             ("Cerezas frescas Santina 5 kg, calibre L", "1200", "caja",
                              "41.00")]  # fmt: skip
_CL_TOTAL = _unit_sum(_CL_ITEMS)


def cl_exportacion_cn() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Frutícola Cordillera Export S.A.", size=12, bold=True)
    _block(s, 15, 19, ["Giro: exportación de frutas frescas", "Camino a Rancagua 2200, "
                       "Requínoa", "Chile"], size=7.5)  # fmt: skip
    s.pdf.rect(130, 10, 65, 26)
    s.text(132, 12, "R.U.T.: 96.543.210-K", size=9.5, bold=True, width=61, align="C")
    s.text(132, 19, "FACTURA DE EXPORTACIÓN", size=9.5, bold=True, width=61, align="C")
    s.text(132, 24, "ELECTRÓNICA", size=9.5, bold=True, width=61, align="C")
    s.text(132, 30, "N° 3389", size=9.5, bold=True, width=61, align="C")
    s.pairs(15, 42, [("Señor(es):", "Shenzhen Fresh Imports Co., Ltd."),
                     ("Dirección:", "Futian District, Shenzhen, China"),
                     ("Fecha Emisión:", "16 de diciembre de 2026"),
                     ("Cláusula de venta:", "FOB San Antonio"),
                     ("Moneda:", "Dólar USA")], gap=36, step=4.6)  # fmt: skip
    rows = [
        [t, q, u, f"US$ {_group(_d(p))}", f"US$ {_group(a)}"]
        for (t, q, u, p), a in zip(_CL_ITEMS, _unit_amounts(_CL_ITEMS), strict=True)
    ]
    y = _table(s, 72, _cols5("Descripción", "Cantidad", "Unidad", "Precio", "Valor"), rows,
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Valor FOB", f"US$ {_group(_CL_TOTAL)}"),
                                 ("Total", f"US$ {_group(_CL_TOTAL)}")], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 18, "Timbre Electrónico SII - Res. 80 de 2014 - Verifique documento: "
                       "www.sii.cl", size=6.5)  # fmt: skip
    return s.output()


CL_EXPORTACION_TRUTH = _truth(
    invoice_number="3389", type_code="380", issue_date="2026-12-16", currency="USD",
    seller_name="Frutícola Cordillera Export S.A.", seller_vat_id="96543210K",
    seller_country="CL", buyer_name="Shenzhen Fresh Imports Co., Ltd.", buyer_country="CN",
    grand_total=_plain(_CL_TOTAL), due_payable=_plain(_CL_TOTAL),
    line_items=_unit_lines(_CL_ITEMS, {"caja": "XBX"}),
)  # fmt: skip


# -- Colombia: Factura electrónica de venta, Prefijo apart from Número, NIT, IVA 19 %, COP ------

_CO_ITEMS: list[UnitItem] = [("Café tostado en grano, bolsa 2,5 kg", "120", "und", "98500"),
                             ("Filtros de papel x 100", "60", "und", "12400")]  # fmt: skip
_CO_NET = _unit_sum(_CO_ITEMS)
_CO_TAX = _tax(_CO_NET, "19")


def _cop(value: Decimal) -> str:
    return _group(value, "de", 0)


def co_factura_venta() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Tostadora La Montaña S.A.S.", size=12, bold=True)
    _block(s, 15, 19, ["NIT 901.234.567-8", "Calle 10 # 43-12, Medellín, Antioquia",
                       "Colombia", "Responsable de IVA"], size=7.5)  # fmt: skip
    s.text(120, 12, "FACTURA ELECTRÓNICA DE VENTA", size=10, bold=True)
    s.pairs(120, 19, [("Prefijo:", "FEMD"), ("Número:", "4418"),
                      ("Fecha de emisión:", "17/12/2026"), ("Forma de pago:", "Crédito 30 días"),
                      ("Moneda:", "COP")], gap=34, step=4.4)  # fmt: skip
    s.text(15, 42, "Adquiriente", size=8, bold=True)
    _block(s, 15, 47, ["Cafeterías del Parque S.A.S.", "NIT 900.765.432-1",
                       "Carrera 7 # 71-21, Bogotá D.C."], size=8)  # fmt: skip
    y = _table(s, 66, _cols5("Descripción", "Cant.", "U/M", "Vr. unitario", "Vr. total"),
               [[t, q, u, _cop(_d(p)), _cop(a)]
                for (t, q, u, p), a in zip(_CO_ITEMS, _unit_amounts(_CO_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Subtotal", f"$ {_cop(_CO_NET)}"),
                                 ("IVA 19%", f"$ {_cop(_CO_TAX)}"),
                                 ("Total a pagar", f"$ {_cop(_CO_NET + _CO_TAX)}")], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 22, "CUFE: 8f3a1c0e9d7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f",
           size=6)  # fmt: skip
    s.text(15, y + 26, "Resolución DIAN 18764000012345 del 2026-01-15, FEMD 1 al 10000.", size=6)
    return s.output()


CO_FACTURA_TRUTH = _truth(
    invoice_number="FEMD 4418", type_code="380", issue_date="2026-12-17", currency="COP",
    seller_name="Tostadora La Montaña S.A.S.", seller_vat_id="9012345678", seller_country="CO",
    buyer_name="Cafeterías del Parque S.A.S.",
    tax_exclusive_total=_plain(_CO_NET), tax_total=_plain(_CO_TAX),
    grand_total=_plain(_CO_NET + _CO_TAX), due_payable=_plain(_CO_NET + _CO_TAX),
    line_items=_unit_lines(_CO_ITEMS, {"und": H87}),
)  # fmt: skip


# -- Peru: Factura electrónica E001-128, RUC, S/, Op. Gravada, IGV 18 % -------------------------

_PE_ITEMS: list[UnitItem] = [("Quinua blanca orgánica, saco 25 kg", "40", "saco", "212.00"),
                             ("Maca en polvo, bolsa 1 kg", "90", "bolsa", "38.50")]  # fmt: skip
_PE_NET = _unit_sum(_PE_ITEMS)
_PE_TAX = _tax(_PE_NET, "18")


def pe_factura_soles() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "AGROANDINA DEL SUR S.A.C.", size=12, bold=True)
    _block(s, 15, 19, ["Av. Ejército 1020, Cayma, Arequipa - Perú"], size=7.5)
    s.pdf.rect(135, 10, 60, 22)
    s.text(137, 12, "R.U.C. 20456789123", size=9.5, bold=True, width=56, align="C")
    s.text(137, 18, "FACTURA ELECTRÓNICA", size=9.5, bold=True, width=56, align="C")
    s.text(137, 24, "E001-128", size=9.5, bold=True, width=56, align="C")
    s.pairs(15, 38, [("Señor(es):", "Distribuidora Natural Lima E.I.R.L."),
                     ("RUC:", "20601234567"), ("Fecha de emisión:", "18/12/2026"),
                     ("Moneda:", "SOLES")], gap=32, step=4.6)  # fmt: skip
    rows = [
        [t, q, u, _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_PE_ITEMS, _unit_amounts(_PE_ITEMS), strict=True)
    ]
    y = _table(s, 62, _cols5("Descripción", "Cantidad", "Unidad", "Valor unit.", "Valor venta"),
               rows, size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Op. Gravada", f"S/ {_group(_PE_NET)}"),
                                 ("IGV 18%", f"S/ {_group(_PE_TAX)}"),
                                 ("Importe Total", f"S/ {_group(_PE_NET + _PE_TAX)}")],
            width=36, size=8.5)  # fmt: skip
    return s.output()


PE_FACTURA_TRUTH = _truth(
    invoice_number="E001-128", type_code="380", issue_date="2026-12-18", currency="PEN",
    seller_name="AGROANDINA DEL SUR S.A.C.", seller_vat_id="20456789123", seller_country="PE",
    buyer_name="Distribuidora Natural Lima E.I.R.L.",
    tax_exclusive_total=_plain(_PE_NET), tax_total=_plain(_PE_TAX),
    grand_total=_plain(_PE_NET + _PE_TAX), due_payable=_plain(_PE_NET + _PE_TAX),
    line_items=_unit_lines(_PE_ITEMS, {"saco": "XSA", "bolsa": "XBG"}),
)  # fmt: skip


# == South-East Asian =========================================================================

# -- Malaysia: English invoice, SST Reg. No., Sales Tax 10 %, RM --------------------------------

_MY_ITEMS: list[UnitItem] = [("PVC conduit pipe 20 mm x 3 m", "500", "pcs", "4.60"),
                             ("Distribution board 12-way, IP65", "25", "pcs",
                              "186.00")]  # fmt: skip
_MY_NET = _unit_sum(_MY_ITEMS)
_MY_TAX = _tax(_MY_NET, "10")


def my_invoice_sst() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Kinta Electrical Supplies Sdn. Bhd.", size=12, bold=True)
    s.text(100, 13, "(201501012345 (1234567-A))", size=7)
    _block(s, 15, 19, ["No. 21, Jalan Sultan Idris Shah, 30000 Ipoh, Perak, Malaysia",
                       "SST Reg. No.: A10-1808-22001234   Tel: 05-241 8899"], size=7.5)  # fmt: skip
    s.text(150, 28, "INVOICE", size=15, bold=True)
    s.pairs(130, 36, [("Invoice No.:", "KES/2612/0456"), ("Date:", "19/12/2026"),
                      ("Terms:", "30 Days")], gap=25, step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To:", size=8, bold=True)
    _block(s, 15, 39, ["Syarikat Pembinaan Seri Manjung", "Lot 88, Jalan Lumut",
                       "32000 Sitiawan, Perak"], size=8.5)  # fmt: skip
    y = _table(s, 62, _cols5(), _rows(_MY_ITEMS), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total Excl. SST", f"RM {_group(_MY_NET)}"),
                                 ("Sales Tax 10%", f"RM {_group(_MY_TAX)}"),
                                 ("Total Incl. SST", f"RM {_group(_MY_NET + _MY_TAX)}")],
            width=36, size=8.5)  # fmt: skip
    return s.output()


MY_SST_TRUTH = _truth(
    invoice_number="KES/2612/0456", type_code="380", issue_date="2026-12-19", currency="MYR",
    seller_name="Kinta Electrical Supplies Sdn. Bhd.", seller_vat_id="A10180822001234",
    seller_country="MY", buyer_name="Syarikat Pembinaan Seri Manjung",
    tax_exclusive_total=_plain(_MY_NET), tax_total=_plain(_MY_TAX),
    grand_total=_plain(_MY_NET + _MY_TAX), due_payable=_plain(_MY_NET + _MY_TAX),
    line_items=_unit_lines(_MY_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Singapore: TAX INVOICE, GST Reg. No., S$, GST 0 % zero-rated export -> Indonesia ----------

_SG_ITEMS: list[UnitItem] = [("Hydraulic hose assembly 1/2 in x 2 m", "150", "pcs", "42.80"),
                             ("Quick coupler set, ISO A", "40", "set", "118.00")]  # fmt: skip
_SG_NET = _unit_sum(_SG_ITEMS)


def sg_tax_invoice_id() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Jurong Fluid Power Pte. Ltd.", size=12, bold=True)
    _block(s, 15, 19, ["21 Tuas Avenue 3, Singapore 639416",
                       "Co. Reg. No. 200912345K   GST Reg. No. M2-0123456-7"],
           size=7.5)  # fmt: skip
    s.text(140, 12, "TAX INVOICE", size=14, bold=True)
    s.pairs(130, 22, [("Invoice No:", "JFP-26-1290"), ("Date:", "21 Dec 2026"),
                      ("Your PO:", "BTM/PO/2026/3381")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Customer:", size=8, bold=True)
    _block(s, 15, 39, ["PT Batam Teknik Mandiri", "Kawasan Industri Batamindo Blok C-12",
                       "Muka Kuning, Batam 29433, Indonesia"], size=8.5)  # fmt: skip
    rows = [
        [t, q, u, f"S${_group(_d(p))}", f"S${_group(a)}"]
        for (t, q, u, p), a in zip(_SG_ITEMS, _unit_amounts(_SG_ITEMS), strict=True)
    ]
    y = _table(s, 60, _cols5(), rows, size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Sub-total", f"S${_group(_SG_NET)}"),
                                 ("GST @ 0% (Zero-rated export)", "S$0.00"),
                                 ("Total Amount Payable", f"S${_group(_SG_NET)}")], width=36,
            size=8.5)  # fmt: skip
    return s.output()


SG_TAX_INVOICE_TRUTH = _truth(
    invoice_number="JFP-26-1290", type_code="380", issue_date="2026-12-21", currency="SGD",
    seller_name="Jurong Fluid Power Pte. Ltd.", seller_vat_id="M201234567",
    seller_country="SG", buyer_name="PT Batam Teknik Mandiri", buyer_country="ID",
    tax_exclusive_total=_plain(_SG_NET), tax_total="0.00", grand_total=_plain(_SG_NET),
    due_payable=_plain(_SG_NET), line_items=_unit_lines(_SG_ITEMS, {"pcs": H87, "set": "SET"}),
)  # fmt: skip


# -- Indonesia: exporter in English, NPWP, Rp per line and IDR totals, no tax -> Australia ------

_ID_ITEMS: list[UnitItem] = [("Teak garden bench 150 cm, natural finish", "60", "pcs",
                              "2850000"),
                             ("Teak folding chair, oiled", "240", "pcs", "780000")]  # fmt: skip
_ID_TOTAL = _unit_sum(_ID_ITEMS)


def _rp(value: Decimal) -> str:
    return _group(value, "de", 0)


def id_exporter_au() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "PT Jepara Jati Lestari", size=13, bold=True)
    _block(s, 15, 19, ["Jl. Raya Tahunan Km 4, Jepara 59427", "Central Java, Indonesia",
                       "NPWP: 01.234.567.8-516.000"], size=8)  # fmt: skip
    s.text(140, 12, "INVOICE", size=15, bold=True)
    s.pairs(125, 22, [("No.", "JJL/EXP/XII/2026/044"), ("Date", "22 December 2026"),
                      ("Shipment", "FOB Semarang")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "Messrs.", size=8, bold=True)
    _block(s, 15, 41, ["Outdoor Living Co. Pty Ltd", "45 Fitzroy Street",
                       "St Kilda VIC 3182", "Australia"], size=8.5)  # fmt: skip
    rows = [
        [t, q, u, f"Rp {_rp(_d(p))}", f"Rp {_rp(a)}"]
        for (t, q, u, p), a in zip(_ID_ITEMS, _unit_amounts(_ID_ITEMS), strict=True)
    ]
    y = _table(s, 66, _cols5(), rows, size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("TOTAL IDR", _rp(_ID_TOTAL))], width=36, size=9)
    s.text(15, y + 12, "Payment by T/T to Bank Mandiri, Jepara branch, 30 days after B/L date.",
           size=7)  # fmt: skip
    return s.output()


ID_EXPORTER_TRUTH = _truth(
    invoice_number="JJL/EXP/XII/2026/044", type_code="380", issue_date="2026-12-22",
    currency="IDR", seller_name="PT Jepara Jati Lestari", seller_country="ID",
    buyer_name="Outdoor Living Co. Pty Ltd", buyer_country="AU",
    grand_total=_plain(_ID_TOTAL), due_payable=_plain(_ID_TOTAL),
    line_items=_unit_lines(_ID_ITEMS, {"pcs": H87}),
)  # fmt: skip


# == Gulf and African =========================================================================

# -- UAE: TAX INVOICE, TRN, VAT 5 %, AED -> Oman ------------------------------------------------

_AE_ITEMS: list[UnitItem] = [("Split AC unit 2 ton, inverter", "12", "pcs", "2150.00"),
                             ("Copper pipe set 1/4 + 1/2 in, 5 m", "12", "set", "185.00"),
                             ("Installation labour", "24", "hrs", "95.00")]  # fmt: skip
_AE_NET = _unit_sum(_AE_ITEMS)
_AE_TAX = _tax(_AE_NET, "5")


def ae_tax_invoice_om() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Al Noor Cooling Systems L.L.C.", size=12, bold=True)
    _block(s, 15, 19, ["Office 1204, Al Qusais Industrial Area 2, Dubai",
                       "United Arab Emirates", "TRN: 100234567800003"], size=7.5)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 20, [("Invoice No.", "ANC-INV-5521"), ("Invoice Date", "13-Dec-2026"),
                      ("Supply Date", "11-Dec-2026")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 36, "Bill To", size=8, bold=True)
    _block(s, 15, 41, ["Muscat Facilities Management SAOC", "Way 3112, Al Khuwair",
                       "Muscat, Sultanate of Oman", "VATIN: OM1100234567"], size=8)  # fmt: skip
    y = _table(s, 64, _cols5("Description", "Qty", "Unit", "Rate (AED)", "Amount (AED)"),
               _rows(_AE_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Total excluding VAT", _group(_AE_NET)),
                                 ("VAT @ 5%", _group(_AE_TAX)),
                                 ("Total including VAT (AED)", _group(_AE_NET + _AE_TAX))],
            width=36, size=8.5)  # fmt: skip
    return s.output()


AE_TAX_INVOICE_TRUTH = _truth(
    invoice_number="ANC-INV-5521", type_code="380", issue_date="2026-12-13", currency="AED",
    seller_name="Al Noor Cooling Systems L.L.C.", seller_vat_id="100234567800003",
    seller_country="AE", buyer_name="Muscat Facilities Management SAOC", buyer_country="OM",
    tax_exclusive_total=_plain(_AE_NET), tax_total=_plain(_AE_TAX),
    grand_total=_plain(_AE_NET + _AE_TAX), due_payable=_plain(_AE_NET + _AE_TAX),
    line_items=_unit_lines(_AE_ITEMS, {"pcs": H87, "set": "SET", "hrs": "HUR"}),
)  # fmt: skip


# -- Saudi Arabia: tax invoice to Bahrain, VAT Registration Number, VAT 0 % export, SAR ---------

_SA_ITEMS: list[UnitItem] = [("Polypropylene homopolymer, raffia grade", "40", "MT",
                              "3850.00"),
                             ("Polyethylene LLDPE film grade", "20", "MT", "4120.00")]  # fmt: skip
_SA_NET = _unit_sum(_SA_ITEMS)


def sa_tax_invoice_bh() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 12, "Eastern Polymers Trading Company", size=12, bold=True)
    _block(s, 15, 19, ["King Saud Street, Dammam 32241", "Kingdom of Saudi Arabia",
                       "VAT Registration Number: 310234567800003", "CR: 2050123456"],
           size=7.5)  # fmt: skip
    s.text(145, 12, "Tax Invoice", size=14, bold=True)
    s.pairs(130, 22, [("Invoice Number:", "EPT-2026-00981"),
                      ("Issue Date:", "2026-12-14"), ("Currency:", "SAR")], gap=28,
            step=4.6)  # fmt: skip
    s.text(15, 40, "Buyer", size=8, bold=True)
    _block(s, 15, 45, ["Gulf Packaging W.L.L.", "Building 455, Road 4021, Sitra",
                       "Kingdom of Bahrain", "VAT Account Number: 200012345600002"],
           size=8)  # fmt: skip
    y = _table(s, 68, _cols5("Nature of goods", "Quantity", "Unit", "Unit price", "Taxable amount"),
               _rows(_SA_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 159, y + 3, [("Total (Excluding VAT)", _group(_SA_NET)),
                                 ("Total VAT (0% - export of goods)", "0.00"),
                                 ("Total Amount Due", _group(_SA_NET))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


SA_TAX_INVOICE_TRUTH = _truth(
    invoice_number="EPT-2026-00981", type_code="380", issue_date="2026-12-14", currency="SAR",
    seller_name="Eastern Polymers Trading Company", seller_vat_id="310234567800003",
    seller_country="SA", buyer_name="Gulf Packaging W.L.L.", buyer_country="BH",
    tax_exclusive_total=_plain(_SA_NET), tax_total="0.00", grand_total=_plain(_SA_NET),
    due_payable=_plain(_SA_NET), line_items=_unit_lines(_SA_ITEMS, {"MT": "TNE"}),
)  # fmt: skip


# -- Bahrain: BHD with three decimals, VAT 10 % ------------------------------------------------

_BH_ITEMS: list[UnitItem] = [("Office partition glass panel 1200x2400", "18", "pcs",
                              "64.500"),
                             ("Aluminium frame profile 6 m", "40", "pcs", "12.750")]  # fmt: skip
_BH_NET = sum((_d(q) * _d(p) for _, q, _, p in _BH_ITEMS), Decimal(0))
_BH_TAX = (_BH_NET / 10).quantize(Decimal("0.001"))


def _bhd(value: Decimal) -> str:
    return _group(value, "en", 3)


def bh_invoice_bhd() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Manama Glass & Aluminium Co. W.L.L.", size=12, bold=True)
    _block(s, 15, 19, ["Shop 12, Road 3803, Block 338, Adliya", "Kingdom of Bahrain",
                       "VAT Account No. 200045678900002"], size=7.5)  # fmt: skip
    s.text(150, 12, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 20, [("Invoice #", "MGA/1226/118"), ("Date", "15 December 2026")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Customer", size=8, bold=True)
    _block(s, 15, 39, ["Seef Business Centre B.S.C. (c)", "Seef District, Manama"], size=8.5)
    y = _table(s, 56, _cols5("Description", "Qty", "Unit", "Price BD", "Total BD"),
               [[t, q, u, _bhd(_d(p)), _bhd(_d(q) * _d(p))] for t, q, u, p in _BH_ITEMS],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Taxable Amount", _bhd(_BH_NET)),
                                 ("VAT 10%", _bhd(_BH_TAX)),
                                 ("Total BD", _bhd(_BH_NET + _BH_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


BH_INVOICE_TRUTH = _truth(
    invoice_number="MGA/1226/118", type_code="380", issue_date="2026-12-15", currency="BHD",
    seller_name="Manama Glass & Aluminium Co. W.L.L.", seller_vat_id="200045678900002",
    seller_country="BH", buyer_name="Seef Business Centre B.S.C. (c)",
    tax_exclusive_total=f"{_BH_NET:.3f}", tax_total=f"{_BH_TAX:.3f}",
    grand_total=f"{_BH_NET + _BH_TAX:.3f}", due_payable=f"{_BH_NET + _BH_TAX:.3f}",
    line_items=[_line(t, q, H87, _price(_d(p)), f"{_d(q) * _d(p):.3f}")
                for t, q, _, p in _BH_ITEMS],
)  # fmt: skip


# -- Qatar: QAR, C.R. No. (not a tax id), no tax at all -> Kuwait ------------------------------

_QA_ITEMS: list[UnitItem] = [("Steel scaffolding tube 48.3 mm x 6 m", "800", "pcs", "62.00"),
                             ("Swivel coupler, drop forged", "1600", "pcs", "9.50")]  # fmt: skip
_QA_TOTAL = _unit_sum(_QA_ITEMS)


def qa_invoice_kw() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Doha Scaffolding Trading & Contracting W.L.L.", size=11.5, bold=True)
    _block(s, 15, 19, ["Street 24, Industrial Area, P.O. Box 40512, Doha, State of Qatar",
                       "C.R. No. 54321   Tel +974 4460 1122"], size=7.5)  # fmt: skip
    s.text(150, 28, "INVOICE", size=14, bold=True)
    s.pairs(130, 36, [("Invoice No.", "DST/INV/2026/1733"), ("Date", "16/12/2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 32, "To:", size=8, bold=True)
    _block(s, 15, 37, ["Al Ahmadi Construction Co. K.S.C.C.", "Shuwaikh Industrial Area",
                       "State of Kuwait"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5("Description", "Qty", "Unit", "Unit Price", "Total (QAR)"),
               _rows(_QA_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Grand Total QAR", _group(_QA_TOTAL))], width=36, size=9)
    s.text(15, y + 12, "Qatari Riyals Sixty-Four Thousand Eight Hundred Only", size=7.5)
    return s.output()


QA_INVOICE_TRUTH = _truth(
    invoice_number="DST/INV/2026/1733", type_code="380", issue_date="2026-12-16",
    currency="QAR", seller_name="Doha Scaffolding Trading & Contracting W.L.L.",
    seller_country="QA", buyer_name="Al Ahmadi Construction Co. K.S.C.C.", buyer_country="KW",
    grand_total=_plain(_QA_TOTAL), due_payable=_plain(_QA_TOTAL),
    line_items=_unit_lines(_QA_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- South Africa: TAX INVOICE to Namibia, VAT No., R, zero-rated -------------------------------

_ZA_ITEMS: list[UnitItem] = [("Maize meal super 10 kg", "800", "bag", "96.50"),
                             ("Sunflower oil 5 L", "300", "ctn", "412.00")]  # fmt: skip
_ZA_NET = _unit_sum(_ZA_ITEMS)


def za_tax_invoice_na() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Karoo Wholesale Distributors (Pty) Ltd", size=12, bold=True)
    _block(s, 15, 19, ["18 Voortrekker Road, Upington, 8801", "Northern Cape, South Africa",
                       "Reg. No. 2009/012345/07   VAT No. 4123456789"], size=7.5)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=13, bold=True)
    s.pairs(130, 20, [("Invoice No:", "IN104872"), ("Date:", "2026/12/17"),
                      ("Account:", "NAM0042")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "Sold To", size=8, bold=True)
    _block(s, 15, 41, ["Keetmans Trading CC", "Mittel Street 12", "Keetmanshoop", "Namibia"],
           size=8.5)  # fmt: skip
    rows = [
        [t, q, u, f"R {_sp(_d(p))}", f"R {_sp(a)}"]
        for (t, q, u, p), a in zip(_ZA_ITEMS, _unit_amounts(_ZA_ITEMS), strict=True)
    ]
    y = _table(s, 64, _cols5("Description", "Qty", "Unit", "Excl. Price", "Excl. Total"), rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total Exclusive", f"R {_sp(_ZA_NET)}"),
                                 ("VAT @ 0% (export)", "R 0,00"),
                                 ("Total Inclusive", f"R {_sp(_ZA_NET)}")], width=36,
            size=8.5)  # fmt: skip
    return s.output()


ZA_TAX_INVOICE_TRUTH = _truth(
    invoice_number="IN104872", type_code="380", issue_date="2026-12-17", currency="ZAR",
    seller_name="Karoo Wholesale Distributors (Pty) Ltd", seller_vat_id="4123456789",
    seller_country="ZA", buyer_name="Keetmans Trading CC", buyer_country="NA",
    tax_exclusive_total=_plain(_ZA_NET), tax_total="0.00", grand_total=_plain(_ZA_NET),
    due_payable=_plain(_ZA_NET), line_items=_unit_lines(_ZA_ITEMS, {"bag": "XBG", "ctn": "XCT"}),
)  # fmt: skip


# -- Nigeria: TIN, VAT 7.5 %, NGN ----------------------------------------------------------------

_NG_ITEMS: list[UnitItem] = [("Diesel generator service, 100 kVA", "4", "pcs", "185000.00"),
                             ("Oil filter, genuine", "8", "pcs", "14500.00")]  # fmt: skip
_NG_NET = _unit_sum(_NG_ITEMS)
_NG_TAX = _tax(_NG_NET, "7.5")


def ng_invoice_vat() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Lekki Power Solutions Limited", size=12, bold=True)
    _block(s, 15, 19, ["Plot 7, Admiralty Way, Lekki Phase 1, Lagos, Nigeria",
                       "RC 1234567   TIN: 21456789-0001"], size=7.5)  # fmt: skip
    s.text(150, 12, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "LPS/26/0712"), ("Date", "18th December, 2026"),
                      ("Currency", "NGN")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 34, "Billed To", size=8, bold=True)
    _block(s, 15, 39, ["Ikoyi Towers Facility Management Ltd", "12 Bourdillon Road, Ikoyi",
                       "Lagos"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5(), _rows(_NG_ITEMS), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Sub Total", _group(_NG_NET)), ("VAT (7.5%)", _group(_NG_TAX)),
                                 ("Total Due", _group(_NG_NET + _NG_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


NG_INVOICE_TRUTH = _truth(
    invoice_number="LPS/26/0712", type_code="380", issue_date="2026-12-18", currency="NGN",
    seller_name="Lekki Power Solutions Limited", seller_vat_id="214567890001",
    seller_country="NG", buyer_name="Ikoyi Towers Facility Management Ltd",
    tax_exclusive_total=_plain(_NG_NET), tax_total=_plain(_NG_TAX),
    grand_total=_plain(_NG_NET + _NG_TAX), due_payable=_plain(_NG_NET + _NG_TAX),
    line_items=_unit_lines(_NG_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Senegal: Facture, NINEA, FCFA, TVA 18 % ----------------------------------------------------

_SN_ITEMS: list[UnitItem] = [("Ciment CEM II 42,5 R, sac de 50 kg", "400", "sac", "4250"),
                             ("Fer à béton HA 12, barre 12 m", "250", "barre", "6800")]  # fmt: skip
_SN_NET = _unit_sum(_SN_ITEMS)
_SN_TAX = _tax(_SN_NET, "18")


def _fcfa(value: Decimal) -> str:
    return f"{int(value):,}".replace(",", " ")


def sn_facture() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 12, "Quincaillerie Ndiaye & Fils SARL", size=12, bold=True)
    _block(s, 15, 19, ["Route de Rufisque, Km 12, Dakar, Sénégal",
                       "NINEA : 004567891 2V2   RCCM : SN-DKR-2011-B-4567"], size=7.5)  # fmt: skip
    s.text(150, 12, "FACTURE", size=14, bold=True)
    s.pairs(125, 20, [("Facture N° :", "QNF-2026-1204"), ("Date :", "19 décembre 2026")],
            gap=26, step=4.6)  # fmt: skip
    s.text(15, 34, "Doit :", size=8, bold=True)
    _block(s, 15, 39, ["Société Immobilière du Cap-Vert", "Avenue Cheikh Anta Diop, Dakar"],
           size=8.5)  # fmt: skip
    y = _table(s, 56, _cols5("Désignation", "Qté", "Unité", "P.U. HT", "Montant HT"),
               [[t, q, u, _fcfa(_d(p)), _fcfa(a)]
                for (t, q, u, p), a in zip(_SN_ITEMS, _unit_amounts(_SN_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total HT", f"{_fcfa(_SN_NET)} FCFA"),
                                 ("TVA 18 %", f"{_fcfa(_SN_TAX)} FCFA"),
                                 ("Net à payer TTC", f"{_fcfa(_SN_NET + _SN_TAX)} FCFA")],
            width=36, size=8.5)  # fmt: skip
    return s.output()


SN_FACTURE_TRUTH = _truth(
    invoice_number="QNF-2026-1204", type_code="380", issue_date="2026-12-19", currency="XOF",
    seller_name="Quincaillerie Ndiaye & Fils SARL", seller_vat_id="0045678912V2",
    seller_country="SN", buyer_name="Société Immobilière du Cap-Vert",
    tax_exclusive_total=_plain(_SN_NET), tax_total=_plain(_SN_TAX),
    grand_total=_plain(_SN_NET + _SN_TAX), due_payable=_plain(_SN_NET + _SN_TAX),
    line_items=_unit_lines(_SN_ITEMS, {"sac": "XBG", "barre": None}),
)  # fmt: skip


# -- Kenya: eTIMS invoice to Uganda, KRA PIN, VAT 0 % export, KES ------------------------------

_KE_ITEMS: list[UnitItem] = [("Black tea BP1, 60 kg sack", "120", "sack", "28800.00"),
                             ("Black tea PF1, 65 kg sack", "80", "sack", "30550.00")]  # fmt: skip
_KE_NET = _unit_sum(_KE_ITEMS)


def ke_etims_ug() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Kericho Highlands Tea Exporters Ltd", size=12, bold=True)
    _block(s, 15, 19, ["Moi Highway, P.O. Box 220-20200, Kericho, Kenya",
                       "KRA PIN: P052345678Q"], size=7.5)  # fmt: skip
    s.text(145, 12, "TAX INVOICE", size=13, bold=True)
    s.pairs(125, 20, [("Invoice No:", "KHT-INV-00391"), ("Date:", "20/12/2026"),
                      ("CU Invoice No:", "KRAMW017202612200391")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 34, "Customer", size=8, bold=True)
    _block(s, 15, 39, ["Kampala Beverages (U) Limited", "Plot 45, 6th Street Industrial Area",
                       "Kampala, Uganda", "TIN: 1000123456"], size=8.5)  # fmt: skip
    y = _table(s, 62, _cols5("Item Description", "Qty", "Unit", "Unit Price", "Total"),
               _rows(_KE_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Taxable Amount (Z - 0%)", _group(_KE_NET)),
                                 ("VAT", "0.00"),
                                 ("Total Amount KES", _group(_KE_NET))], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 22, "SCU ID: KRACU0100012345   Internal data: 4RTY-UI89-OP12", size=6.5)
    return s.output()


KE_ETIMS_TRUTH = _truth(
    invoice_number="KHT-INV-00391", type_code="380", issue_date="2026-12-20", currency="KES",
    seller_name="Kericho Highlands Tea Exporters Ltd", seller_vat_id="P052345678Q",
    seller_country="KE", buyer_name="Kampala Beverages (U) Limited", buyer_country="UG",
    tax_exclusive_total=_plain(_KE_NET), tax_total="0.00", grand_total=_plain(_KE_NET),
    due_payable=_plain(_KE_NET), line_items=_unit_lines(_KE_ITEMS, {"sack": "XSA"}),
)  # fmt: skip


# == E-commerce and credit notes ==============================================================

# -- Etsy-style order receipt: only Order # and Order date, Item total ... Order total (US) ------

_ET_ITEMS: list[UnitItem] = [("Personalized leather keychain, brown", "3", "pcs", "18.00"),
                             ("Engraved walnut cutting board, large", "1", "pcs",
                              "64.00")]  # fmt: skip
_ET_NET = _unit_sum(_ET_ITEMS)
_ET_SHIP = Decimal("8.95")
_ET_TAX = Decimal("9.41")
_ET_TOTAL = _ET_NET + _ET_SHIP + _ET_TAX


def us_etsy_receipt() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Order receipt", size=14, bold=True)
    s.text(15, 20, "Shop: OakAndAnvilGoods", size=8.5)
    _block(s, 15, 25, ["Oak & Anvil Goods LLC", "2280 Old Mill Road, Asheville, NC 28806",
                       "United States"], size=8)  # fmt: skip
    s.pairs(125, 12, [("Order #", "3087214456"), ("Order date", "Dec 9, 2026"),
                      ("Payment", "Visa ending 4417")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 42, "Ship to", size=8.5, bold=True)
    _block(s, 15, 47, ["Rachel Nguyen", "1402 Elm Street", "Denver, CO 80206"], size=8.5)
    y = _table(s, 66, _cols4("Item", "Quantity", "Price", "Total"),
               [[t, q, f"${_group(_d(p))}", f"${_group(a)}"]
                for (t, q, _, p), a in zip(_ET_ITEMS, _unit_amounts(_ET_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 160, y + 3, [("Item total", f"${_group(_ET_NET)}"),
                                 ("Shipping total", f"${_group(_ET_SHIP)}"),
                                 ("Sales tax", f"${_group(_ET_TAX)}"),
                                 ("Order total", f"${_group(_ET_TOTAL)}")], width=35,
            size=8.5)  # fmt: skip
    return s.output()


US_ETSY_TRUTH = _truth(
    invoice_number="3087214456", type_code="380", issue_date="2026-12-09", currency="USD",
    seller_name="Oak & Anvil Goods LLC", seller_country="US", buyer_name="Rachel Nguyen",
    tax_total=_plain(_ET_TAX), grand_total=_plain(_ET_TOTAL), due_payable=_plain(_ET_TOTAL),
    line_items=_nounit_lines(_ET_ITEMS),
)  # fmt: skip


# -- Amazon.de-style Rechnung: Verkauft von, Bestellnummer beside Rechnungsnummer, USt. 19 % ------

_AZ_ITEMS: list[UnitItem] = [("USB-C Ladegerät 65 W GaN, 3 Ports", "2", "", "29.40"),
                             ("Kabel USB-C auf USB-C, 2 m, geflochten", "3", "",
                              "7.55")]  # fmt: skip
_AZ_NET = _unit_sum(_AZ_ITEMS)
_AZ_TAX = _tax(_AZ_NET, "19")


def de_marketplace_rechnung() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Rechnung", size=15, bold=True)
    s.text(15, 20, "Verkauft von Voltwerk Elektronik GmbH, Hafenstraße 8, 20457 Hamburg, "
                   "Deutschland", size=7.5)  # fmt: skip
    s.text(15, 24, "USt-IdNr.: DE318765432", size=7.5)
    s.pairs(96, 32, [("Rechnungsdatum / Lieferdatum", "10 Dezember 2026"),
                      ("Rechnungsnummer", "DE6-VW-2026-004417"),
                      ("Bestellnummer", "302-8841265-7713920"),
                      ("Zahlungsreferenznummer", "4Xk9Q2mZ")], gap=62, step=4.6)  # fmt: skip
    s.text(15, 32, "Rechnungsadresse", size=8, bold=True)
    _block(s, 15, 37, ["Jonas Becker", "Lindenallee 14", "50968 Köln", "Deutschland"],
           size=8.5)  # fmt: skip
    y = _table(s, 62, [("Beschreibung", 15, 85, "L"), ("Menge", 102, 14, "R"),
                       ("Stückpreis\n(ohne USt.)", 118, 26, "R"), ("USt. %", 146, 12, "R"),
                       ("Zwischensumme\n(ohne USt.)", 160, 35, "R")],
               [[t, q, f"{_de(_d(p))} €", "19 %", f"{_de(a)} €"]
                for (t, q, _, p), a in zip(_AZ_ITEMS, _unit_amounts(_AZ_ITEMS), strict=True)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 160, y + 3, [("Gesamtpreis (ohne USt.)", f"{_de(_AZ_NET)} €"),
                                 ("USt. 19 %", f"{_de(_AZ_TAX)} €"),
                                 ("Rechnungsbetrag", f"{_de(_AZ_NET + _AZ_TAX)} €")],
            width=35, size=8.5)  # fmt: skip
    s.text(15, 272, "Amazon EU S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxemburg, "
                    "USt-IdNr. LU20260743 – Rechnung im Auftrag des Verkäufers.",
           size=6.5)  # fmt: skip
    return s.output()


DE_MARKETPLACE_TRUTH = _truth(
    invoice_number="DE6-VW-2026-004417", type_code="380", issue_date="2026-12-10",
    currency="EUR", seller_name="Voltwerk Elektronik GmbH", seller_vat_id="DE318765432",
    seller_country="DE", buyer_name="Jonas Becker", buyer_country="DE",
    tax_exclusive_total=_plain(_AZ_NET), tax_total=_plain(_AZ_TAX),
    grand_total=_plain(_AZ_NET + _AZ_TAX), due_payable=_plain(_AZ_NET + _AZ_TAX),
    line_items=_nounit_lines(_AZ_ITEMS),
)  # fmt: skip


# -- New Zealand: CREDIT NOTE, GST No., GST 15 %, NZD --------------------------------------------

_NZ_ITEMS: list[UnitItem] = [("Merino base layer, men's L - returned", "6", "ea", "59.00"),
                             ("Possum-merino beanie - faulty", "10", "ea", "32.00")]  # fmt: skip
_NZ_NET = _unit_sum(_NZ_ITEMS)
_NZ_TAX = _tax(_NZ_NET, "15")


def nz_credit_note() -> bytes:
    s = Sheet2()
    s.text(15, 12, "Southern Alps Knitwear Limited", size=12, bold=True)
    _block(s, 15, 19, ["44 Moorhouse Avenue, Christchurch 8011, New Zealand",
                       "GST No. 112-345-678"], size=7.5)  # fmt: skip
    s.text(140, 12, "CREDIT NOTE", size=14, bold=True)
    s.pairs(130, 20, [("Credit Note No.", "CN-00412"), ("Date", "22 Dec 2026"),
                      ("Reference", "INV-08817")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 34, "To", size=8, bold=True)
    _block(s, 15, 39, ["Queenstown Outdoor Co Ltd", "17 Shotover Street",
                       "Queenstown 9300"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5("Description", "Qty", "Unit", "Unit Price", "Amount NZD"),
               _rows(_NZ_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Subtotal", _group(_NZ_NET)),
                                 ("Total GST 15%", _group(_NZ_TAX)),
                                 ("Total Credit NZD", _group(_NZ_NET + _NZ_TAX))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


NZ_CREDIT_NOTE_TRUTH = _truth(
    invoice_number="CN-00412", type_code="381", issue_date="2026-12-22", currency="NZD",
    seller_name="Southern Alps Knitwear Limited", seller_vat_id="112345678",
    seller_country="NZ", buyer_name="Queenstown Outdoor Co Ltd",
    tax_exclusive_total=_plain(_NZ_NET), tax_total=_plain(_NZ_TAX),
    grand_total=_plain(_NZ_NET + _NZ_TAX), due_payable=_plain(_NZ_NET + _NZ_TAX),
    line_items=_unit_lines(_NZ_ITEMS, {"ea": H87}),
)  # fmt: skip


BATCH44: list[Layout] = [
    Layout("se-faktura-ocr-no", se_faktura_no, SE_FAKTURA_TRUTH),
    Layout("no-faktura-kid-mva", no_faktura_mva, NO_FAKTURA_TRUTH),
    Layout("fi-lasku-viitenumero", fi_lasku_alv, FI_LASKU_TRUTH),
    Layout("dk-faktura-omvendt-de", dk_faktura_de, DK_FAKTURA_TRUTH),
    Layout("se-kreditfaktura-aterfa", se_kreditfaktura, SE_KREDIT_TRUTH),
    Layout("es-factura-nif-iva-pt", es_factura_pt, ES_FACTURA_PT_TRUTH),
    Layout("es-factura-rectificativa", es_rectificativa, ES_RECTIFICATIVA_TRUTH),
    Layout("pt-fatura-recibo-atcud", pt_fatura_recibo, PT_FATURA_RECIBO_TRUTH),
    Layout("mx-cfdi-nota-credito", mx_nota_credito, MX_NOTA_CREDITO_TRUTH),
    Layout("ar-factura-e-cl", ar_factura_e, AR_FACTURA_E_TRUTH),
    Layout("cl-factura-exportacion-cn", cl_exportacion_cn, CL_EXPORTACION_TRUTH),
    Layout("co-factura-prefijo", co_factura_venta, CO_FACTURA_TRUTH),
    Layout("pe-factura-soles", pe_factura_soles, PE_FACTURA_TRUTH),
    Layout("my-invoice-sst", my_invoice_sst, MY_SST_TRUTH),
    Layout("sg-tax-invoice-zero-id", sg_tax_invoice_id, SG_TAX_INVOICE_TRUTH),
    Layout("id-exporter-rp-au", id_exporter_au, ID_EXPORTER_TRUTH),
    Layout("ae-tax-invoice-om", ae_tax_invoice_om, AE_TAX_INVOICE_TRUTH),
    Layout("sa-tax-invoice-bh", sa_tax_invoice_bh, SA_TAX_INVOICE_TRUTH),
    Layout("bh-invoice-bhd", bh_invoice_bhd, BH_INVOICE_TRUTH),
    Layout("qa-invoice-kw", qa_invoice_kw, QA_INVOICE_TRUTH),
    Layout("za-tax-invoice-na", za_tax_invoice_na, ZA_TAX_INVOICE_TRUTH),
    Layout("ng-invoice-vat", ng_invoice_vat, NG_INVOICE_TRUTH),
    Layout("sn-facture-ninea-dakar", sn_facture, SN_FACTURE_TRUTH),
    Layout("ke-etims-ug", ke_etims_ug, KE_ETIMS_TRUTH),
    Layout("us-etsy-order-receipt", us_etsy_receipt, US_ETSY_TRUTH),
    Layout("de-marketplace-rechnung", de_marketplace_rechnung, DE_MARKETPLACE_TRUTH),
    Layout("nz-credit-note", nz_credit_note, NZ_CREDIT_NOTE_TRUTH),
]


def write_batch44(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH44)
