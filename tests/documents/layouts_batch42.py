"""A forty-second batch of hand-written invoices (session 34, invoices31), written and committed
before the reader's code was read: twenty-four layouts of kinds batches 1-41 have least (their
docstrings and docs/documents.md's batch list read first), in two groups.

First group, new kinds: a Mexican CFDI 4.0 printed representation in Spanish and English (serie
and folio apart, a UUID, ``Moneda: USD``, IVA at 0 %, an RFC, a receptor in the US); a Brazilian
export ``Fatura Comercial / Commercial Invoice`` (coffee in 60 kg ``sacas``, FOB Santos, a CNPJ,
an importer in the US); a Vietnamese-English VAT invoice (``Ký hiệu (Serial)`` apart from ``Số
(No.)``, MST, 0 % VAT, USD, a buyer in Japan); a Thai tax invoice in English (a 13-digit Tax ID,
``Baht``, VAT 0 % for export, a buyer in Malaysia); a Pakistani surgical exporter with an NTN and
an STRN, FOB value, freight and insurance before a CIF total in EUR; an Egyptian cotton exporter
with a trade discount before the total (Tax Registration No., FCA Alexandria, Incoterms 2020, a
buyer in Italy); a Moroccan exporter's French ``Facture`` (ICE and ``IF / N° TVA``, dirhams,
``TVA 0 % exonérée``, a buyer in France); two Japanese trading companies (one with ``Amount
(Yen)`` columns and ``Yen`` totals, one with ``JPY`` and ``¥``, both with a qualified-invoice
``Registration No. T…`` and consumption tax 0 % on exports); a Korean exporter in ``KRW`` with
no decimals and a dotted date ``2026. 12. 04.``; a Portuguese invoice over two pages with ``A
transportar`` at the foot of page 1 and ``Transporte`` at the head of page 2 (IVA 23 %, a buyer
in Spain); a Hong Kong freight forwarder's invoice (ocean freight, THC, fees, ``Incoterms 2020:
FOB Yantian``, a BR No., a buyer in Germany); a Chinese proforma (``CFR Lagos``, 30 % deposit
required, a buyer in Nigeria); a Danish credit note with negative line amounts (``Kreditnota``,
``kr.`` and DKK, a buyer in Sweden); a Serbian invoice in euros with the PDV also stated in
dinars (two currencies printed: totals in EUR); an Irish invoice with discount, freight and
insurance lines before a printed ``Total net``, VAT 0 % reverse charge; a Sri Lankan tea exporter
(VAT Reg No., FOB Colombo, a buyer in Dubai).

Second group, the kinds session 33 left failing (batch 40), on new pages: a marketplace seller's
invoice with the consumer only under ``Ship to:``; a Shopify invoice with an order number beside
the invoice number and a ``Taxes (5 items)`` line; a Shopify order whose only number is the
order's; an SAP Business One A/R invoice with ``Total Before Discount``, ``Discount 0 %`` and a
tax line; a QuickBooks invoice from a seller whose page names the United States (``12/04/2026``);
a FedEx-style commercial invoice form whose only date is ``DATE OF EXPORTATION``; a UPS-style
commercial invoice (``Units | U/M | Description of Goods/Part No. | Harm. Code | C/O | Unit Value
| Total Value``, freight and insurance after the line total).

Ground truth by docs/documents.md's "Ground-truth conventions", written before any reading:
invoice numbers as printed (a CFDI's serie and folio apart joined by a space, the folio fiscal
not it; a Vietnamese invoice's Số alone, as batch 21; an order number only where it is the page's
only number); the seller's VAT/GST registration only (an STRN over an NTN, Korea's Business
Registration No., Japan's ``T…`` registration kept whole, Egypt's Tax Registration No., Morocco's
``N° TVA``; not an RFC, CNPJ, ICE, BR No. or EIN); countries only where the page names them; a
printed zero tax line a tax total of 0.00 and its net the tax-exclusive total; freight or
insurance added after the goods: no tax-exclusive total unless a net is printed; a credit note's
amounts positive; units as UN/ECE codes (pcs H87, kg KGM, saca XSA, ctn XCT, set SET, pair PR,
m MTR, L LTR, box XBX); no unit column: null.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.documents.layouts import Layout, _line, _truth, write_batch
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch20 import UnitItem, _unit_amounts, _unit_lines, _unit_sum
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2
from tests.documents.layouts_unseen4 import _d, _group, _plain, _price, _round

H87, KGM = "H87", "KGM"


def _rows(items: list[UnitItem], money=_group, unit: bool = True) -> list[list[str]]:
    """Description, quantity, unit (optional), unit price, amount as printed."""
    out = []
    for (t, q, u, p), a in zip(items, _unit_amounts(items), strict=True):
        row = [t, q]
        if unit:
            row.append(u)
        out.append([*row, money(_d(p)), money(a)])
    return out


def _cols5(size_x: float = 15) -> list[tuple[str, float, float, str]]:
    return [("Description", size_x, 80, "L"), ("Qty", 97, 16, "R"), ("Unit", 115, 12, "L"),
            ("Unit price", 129, 28, "R"), ("Amount", 159, 36, "R")]  # fmt: skip


# -- Mexico: CFDI 4.0 printed representation, Spanish/English, serie + folio, Moneda USD --------

_MX_ITEMS: list[UnitItem] = [("Lámina de acero galvanizado cal. 24 / Galvanized steel sheet",
                              "12500", "KGM", "1.18"),
                             ("Perfil tubular 2x2 in / Square tube 2x2 in", "3400", "KGM",
                              "1.42")]  # fmt: skip
_MX_NET = _unit_sum(_MX_ITEMS)


def mx_cfdi_bilingual() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Representación impresa de un CFDI / Printed representation of a CFDI 4.0",
           size=9, bold=True)  # fmt: skip
    s.text(15, 17, "FACTURA / INVOICE", size=14, bold=True)
    s.pairs(110, 17, [("Serie / Series:", "A"), ("Folio:", "2287"),
                      ("Fecha de emisión / Issued:", "2026-12-02T10:15:22"),
                      ("Moneda / Currency:", "USD"), ("Tipo de cambio:", "17.2530")],
            gap=50, step=4.4)  # fmt: skip
    s.text(110, 40, "Folio fiscal (UUID): 5F3A9C21-8B7D-4E2A-9C11-0D4E6B7A8F90", size=7)
    s.text(15, 26, "Emisor / Issuer", size=8.5, bold=True)
    _block(s, 15, 31, ["Aceros del Bajío S.A. de C.V.", "RFC: ABA0102037X1",
                       "Régimen fiscal: 601 General de Ley Personas Morales",
                       "Lugar de expedición: 36500, Irapuato, Gto., México"], size=7.5)  # fmt: skip
    s.text(15, 52, "Receptor / Customer", size=8.5, bold=True)
    _block(s, 15, 57, ["Lone Star Fabrication LLC", "RFC: XEXX010101000",
                       "Residencia fiscal: USA   NumRegIdTrib: 74-1234567",
                       "Uso CFDI: S01 Sin efectos fiscales"], size=7.5)  # fmt: skip
    rows = [
        ["30102200", q, u, "Kilogramo", t, _group(_d(p)), _group(a)]
        for (t, q, u, p), a in zip(_MX_ITEMS, _unit_amounts(_MX_ITEMS), strict=True)
    ]
    y = _table(s, 78, [("Clave\nProdServ", 15, 14, "L"), ("Cantidad", 30, 14, "R"),
                       ("Clave\nunidad", 46, 10, "L"), ("Unidad", 57, 14, "L"),
                       ("Descripción / Description", 72, 68, "L"),
                       ("Valor unitario", 141, 20, "R"), ("Importe", 163, 32, "R")], rows,
               size=6.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 163, y + 3, [("Subtotal", _group(_MX_NET)),
                                 ("IVA Traslado 0.000000 (Tasa)", "0.00"),
                                 ("Total", _group(_MX_NET))], width=32, size=8)  # fmt: skip
    s.text(15, y + 22, "Exportación: 02 Definitiva con clave A1. INCOTERM: DAP Laredo, TX.",
           size=7)  # fmt: skip
    s.text(15, y + 27, "Sello digital del CFDI: aB3x...Zq==   Cadena original del complemento de "
                       "certificación: ||1.1|5F3A9C21...||", size=6)  # fmt: skip
    return s.output()


MX_CFDI_TRUTH = _truth(
    invoice_number="A 2287", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Aceros del Bajío S.A. de C.V.", seller_country="MX",
    buyer_name="Lone Star Fabrication LLC", buyer_country="US",
    tax_exclusive_total=_plain(_MX_NET), tax_total="0.00", grand_total=_plain(_MX_NET),
    due_payable=_plain(_MX_NET), line_items=_unit_lines(_MX_ITEMS, {"KGM": KGM}),
)  # fmt: skip


# -- Brazil: Fatura Comercial / Commercial Invoice, sacas of coffee, FOB Santos ----------------

_BR_ITEMS: list[UnitItem] = [("Café verde arábica tipo 2/3, peneira 17/18", "320", "sacas",
                              "268.50"),
                             ("Café verde arábica natural, peneira 16", "160", "sacas",
                              "241.00")]  # fmt: skip
_BR_TOTAL = _unit_sum(_BR_ITEMS)


def br_fatura() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "FATURA COMERCIAL / COMMERCIAL INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Nº / No.:", "FC-0915/2026"), ("Data / Date:", "04/12/2026"),
                      ("Pedido / Order:", "BRR-PO-7781")], gap=28, step=4.6)  # fmt: skip
    s.text(15, 20, "Exportador / Exporter", size=8, bold=True)
    _block(s, 15, 25, ["Cafés Finos do Sul Ltda.", "Rua XV de Novembro 1200",
                       "Varginha - MG, 37010-000", "Brasil", "CNPJ: 12.345.678/0001-90"],
           size=8)  # fmt: skip
    s.text(110, 40, "Importador / Importer", size=8, bold=True)
    _block(s, 110, 45, ["Blue Ridge Roasters Inc.", "410 Market Street", "Asheville, NC 28801",
                        "USA"], size=8)  # fmt: skip
    s.pairs(15, 52, [("Incoterm:", "FOB Santos (Incoterms 2020)"),
                     ("Moeda / Currency:", "USD"), ("Pagamento / Payment:", "CAD"),
                     ("Embarque / Shipment:", "Porto de Santos")], gap=42, step=4.4)  # fmt: skip
    y = _table(s, 78, [("Descrição / Description", 15, 82, "L"),
                       ("Quant.\nQty", 99, 14, "R"), ("Unid.\nUnit", 115, 12, "L"),
                       ("Preço unit.\nUnit price", 129, 28, "R"),
                       ("Total\nUSD", 159, 36, "R")], _rows(_BR_ITEMS), size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total FOB Santos USD", _group(_BR_TOTAL))], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 14, "Peso líquido / Net weight: 28.800 kg   Peso bruto / Gross: 29.280 kg",
           size=7.5)  # fmt: skip
    s.text(15, y + 19, "Origem / Origin: Brasil. NCM 0901.11.10", size=7.5)
    return s.output()


BR_FATURA_TRUTH = _truth(
    invoice_number="FC-0915/2026", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Cafés Finos do Sul Ltda.", seller_country="BR",
    buyer_name="Blue Ridge Roasters Inc.", buyer_country="US",
    grand_total=_plain(_BR_TOTAL), due_payable=_plain(_BR_TOTAL),
    line_items=_unit_lines(_BR_ITEMS, {"sacas": "XSA"}),
)  # fmt: skip


# -- Vietnam: bilingual VAT invoice, Ký hiệu (Serial) apart from Số (No.), 0 %, USD -> Japan ------

_VN_ITEMS: list[UnitItem] = [("Áo sơ mi nam cotton / Men's cotton shirt", "1800", "pcs",
                              "6.40"),
                             ("Quần kaki nữ / Women's chino trousers", "1200", "pcs",
                              "8.15")]  # fmt: skip
_VN_NET = _unit_sum(_VN_ITEMS)


def vn_bilingual() -> bytes:
    s = Sheet2()
    s.text(40, 10, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG / VAT INVOICE", size=13, bold=True)
    s.text(70, 17, "Ngày (Date) 05 tháng (month) 12 năm (year) 2026", size=8.5)
    s.pairs(134, 24, [("Ký hiệu (Serial):", "1C26TSG"), ("Số (No.):", "00000458")], gap=34,
            step=4.6)  # fmt: skip
    s.pairs(15, 36, [("Đơn vị bán hàng (Seller):", "CÔNG TY TNHH DỆT MAY SÀI GÒN XANH"),
                     ("Mã số thuế (Tax code):", "0312345678"),
                     ("Địa chỉ (Address):", "120 Nguyễn Văn Linh, Quận 7, TP. Hồ Chí Minh, "
                                            "Việt Nam"),
                     ("Tên đơn vị (Buyer):", "Osaka Apparel Trading Co., Ltd."),
                     ("Địa chỉ (Address):", "2-5-8 Minamisemba, Chuo-ku, Osaka, Japan"),
                     ("Hình thức thanh toán (Payment):", "TT"),
                     ("Đơn vị tiền tệ (Currency):", "USD")], gap=62, step=4.6)  # fmt: skip
    y = _table(s, 74, [("STT\nNo.", 15, 8, "L"),
                       ("Tên hàng hóa, dịch vụ\nDescription", 25, 74, "L"),
                       ("ĐVT\nUnit", 101, 12, "L"), ("Số lượng\nQty", 115, 18, "R"),
                       ("Đơn giá\nUnit price", 135, 24, "R"),
                       ("Thành tiền\nAmount", 161, 34, "R")],
               [[str(n), t, u, q, p, a] for n, (t, q, u, p, a) in enumerate(_rows(_VN_ITEMS), 1)],
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 80, 161, y + 3, [("Cộng tiền hàng (Total amount):", _group(_VN_NET)),
                                    ("Thuế suất GTGT (VAT rate): 0%  Tiền thuế GTGT (VAT):",
                                     "0.00"),
                                    ("Tổng cộng tiền thanh toán (Total payment):",
                                     _group(_VN_NET))], width=34, size=8)  # fmt: skip
    s.text(15, y + 4, "Mã tra cứu (Lookup code): 9QK2M7XT", size=7)
    return s.output()


VN_BILINGUAL_TRUTH = _truth(
    invoice_number="00000458", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="CÔNG TY TNHH DỆT MAY SÀI GÒN XANH", seller_vat_id="0312345678",
    seller_country="VN", buyer_name="Osaka Apparel Trading Co., Ltd.", buyer_country="JP",
    tax_exclusive_total=_plain(_VN_NET), tax_total="0.00", grand_total=_plain(_VN_NET),
    due_payable=_plain(_VN_NET), line_items=_unit_lines(_VN_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Thailand: tax invoice in English, 13-digit Tax ID (Head Office), Baht, VAT 0 % -> Malaysia ---

_TH_ITEMS: list[UnitItem] = [("Natural rubber gloves, powder free, size M", "400", "box",
                              "185.00"),
                             ("Rubber O-ring kit, NBR 70", "120", "set", "640.00")]  # fmt: skip
_TH_NET = _unit_sum(_TH_ITEMS)


def th_tax_invoice() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Siam Rubber Products Co., Ltd. (Head Office)", size=12, bold=True)
    _block(s, 15, 17, ["88/12 Moo 4, Bangna-Trad Road Km 23, Bang Sao Thong",
                       "Samut Prakan 10570, Thailand",
                       "Tax ID 0105561234567  Branch 00000"], size=8)  # fmt: skip
    s.text(140, 10, "TAX INVOICE", size=14, bold=True)
    s.text(140, 16, "(Original)", size=8)
    s.pairs(130, 24, [("No.", "IV6912-0087"), ("Date", "07/12/2026"), ("Credit", "30 days")],
            gap=18, step=4.6)  # fmt: skip
    s.text(15, 36, "Customer", size=9, bold=True)
    _block(s, 15, 41, ["Penang Medical Distributors Sdn. Bhd.", "12 Jalan Perusahaan 2",
                       "13600 Prai, Penang, Malaysia"], size=8)  # fmt: skip
    y = _table(s, 60, _cols5(), _rows(_TH_ITEMS), size=8)
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 110, 159, y + 3, [("Total", _group(_TH_NET)), ("VAT 0% (export)", "0.00"),
                                     ("Grand Total (Baht)", _group(_TH_NET))], width=36,
                size=8.5)  # fmt: skip
    s.text(15, y + 3, "(One hundred and fifty thousand eight hundred Baht only)", size=7.5)
    return s.output()


TH_TAX_INVOICE_TRUTH = _truth(
    invoice_number="IV6912-0087", type_code="380", issue_date="2026-12-07", currency="THB",
    seller_name="Siam Rubber Products Co., Ltd.", seller_vat_id="0105561234567",
    seller_country="TH", buyer_name="Penang Medical Distributors Sdn. Bhd.",
    buyer_country="MY", tax_exclusive_total=_plain(_TH_NET), tax_total="0.00",
    grand_total=_plain(_TH_NET), due_payable=_plain(_TH_NET),
    line_items=_unit_lines(_TH_ITEMS, {"box": "XBX", "set": "SET"}),
)  # fmt: skip


# -- Pakistan: surgical exporter, NTN + STRN, FOB value + freight + insurance = CIF, EUR -> Germany

_PK_ITEMS: list[UnitItem] = [("Mayo scissors, straight, 17 cm, stainless", "600", "pcs",
                              "3.20"),
                             ("Needle holder, Mayo-Hegar, 16 cm", "400", "pcs", "4.75"),
                             ("Dressing forceps, 14 cm", "1000", "pcs", "1.10")]  # fmt: skip
_PK_FOB = _unit_sum(_PK_ITEMS)
_PK_FREIGHT, _PK_INS = Decimal("185.00"), Decimal("22.40")
_PK_CIF = _PK_FOB + _PK_FREIGHT + _PK_INS


def pk_surgical() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Hilal Surgico International", size=13, bold=True)
    _block(s, 15, 17, ["Pasrur Road, Sialkot 51310, Pakistan", "NTN: 2345678-9",
                       "STRN: 03-01-9018-123-45"], size=8)  # fmt: skip
    s.text(135, 10, "EXPORT INVOICE", size=13, bold=True)
    s.pairs(135, 18, [("Invoice No:", "HSI/EU/2026/233"), ("Date:", "1 December 2026"),
                      ("Form E No:", "SCB-EXP-118922")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "Messrs.", size=9, bold=True)
    _block(s, 15, 41, ["Medizintechnik Roth GmbH", "Industriestraße 14",
                       "78532 Tuttlingen", "Germany"], size=8.5)  # fmt: skip
    s.text(110, 36, "Terms: CIF Hamburg, Incoterms 2020 / Currency: EUR", size=8)
    y = _table(s, 64, _cols5(), _rows(_PK_ITEMS), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("FOB Value", _group(_PK_FOB)), ("Freight", _group(_PK_FREIGHT)),
                                 ("Insurance", _group(_PK_INS)),
                                 ("Total CIF Hamburg EUR", _group(_PK_CIF))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


PK_SURGICAL_TRUTH = _truth(
    invoice_number="HSI/EU/2026/233", type_code="380", issue_date="2026-12-01", currency="EUR",
    seller_name="Hilal Surgico International", seller_vat_id="0301901812345",
    seller_country="PK", buyer_name="Medizintechnik Roth GmbH", buyer_country="DE",
    grand_total=_plain(_PK_CIF), due_payable=_plain(_PK_CIF),
    line_items=_unit_lines(_PK_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Egypt: cotton yarn exporter, trade discount before the total, FCA Alexandria -> Italy ------

_EG_ITEMS: list[UnitItem] = [("Combed cotton yarn Ne 40/1, Giza 86", "8000", "kg", "5.85"),
                             ("Carded cotton yarn Ne 20/1", "6500", "kg", "3.90")]  # fmt: skip
_EG_SUB = _unit_sum(_EG_ITEMS)
_EG_DISC = _round(_EG_SUB * Decimal("0.03"))
_EG_TOTAL = _EG_SUB - _EG_DISC


def eg_cotton() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Delta Nile Spinning Company S.A.E.", size=13, bold=True)
    _block(s, 15, 17, ["El Amreya Free Zone, Alexandria, Egypt",
                       "Tax Registration No.: 204-567-891   C.R. 112233"], size=8)  # fmt: skip
    s.text(15, 30, "COMMERCIAL INVOICE", size=12, bold=True)
    s.pairs(130, 30, [("Invoice No.", "DNS-EX-26-0412"), ("Date", "Dec 2, 2026")], gap=24,
            step=4.6)  # fmt: skip
    s.text(15, 40, "Sold to", size=9, bold=True)
    _block(s, 15, 45, ["Filatura Lombarda S.p.A.", "Via Garibaldi 41", "24121 Bergamo",
                       "Italy"], size=8.5)  # fmt: skip
    s.text(110, 45, "Delivery: FCA Alexandria Port, Incoterms 2020", size=8)
    s.text(110, 50, "Currency: USD", size=8)
    y = _table(s, 68, _cols5(), _rows(_EG_ITEMS), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Subtotal", _group(_EG_SUB)),
                                 ("Less trade discount 3%", f"-{_group(_EG_DISC)}"),
                                 ("Total amount USD", _group(_EG_TOTAL))], width=36,
            size=8.5)  # fmt: skip
    return s.output()


EG_COTTON_TRUTH = _truth(
    invoice_number="DNS-EX-26-0412", type_code="380", issue_date="2026-12-02", currency="USD",
    seller_name="Delta Nile Spinning Company S.A.E.", seller_vat_id="204567891",
    seller_country="EG", buyer_name="Filatura Lombarda S.p.A.", buyer_country="IT",
    grand_total=_plain(_EG_TOTAL), due_payable=_plain(_EG_TOTAL),
    line_items=_unit_lines(_EG_ITEMS, {"kg": KGM}),
)  # fmt: skip


# -- Morocco: French 'Facture', ICE and 'IF / N° TVA', dirhams, TVA 0 % exonérée -> France -------

_MA_ITEMS: list[UnitItem] = [("Huile d'argan cosmétique bio, flacon 100 ml", "1500", "pcs",
                              "42.00"),
                             ("Savon noir à l'eucalyptus, pot 250 g", "2400", "pcs",
                              "18.50")]  # fmt: skip
_MA_NET = _unit_sum(_MA_ITEMS)


def ma_facture() -> bytes:
    s = Sheet2()
    s.text(15, 10, "ARGANA COOP EXPORT SARL", size=13, bold=True)
    _block(s, 15, 17, ["Zone industrielle Tassila, lot 112, Agadir", "Maroc",
                       "ICE : 001523478000062   RC : 18845",
                       "IF / N° TVA : 40217789"], size=8)  # fmt: skip
    s.text(140, 10, "FACTURE", size=15, bold=True)
    s.pairs(130, 20, [("N° :", "FA-2026-0387"), ("Date :", "03/12/2026"),
                      ("Échéance :", "02/01/2027")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 40, "Client", size=9, bold=True)
    _block(s, 15, 45, ["Douceurs de Provence SAS", "14 avenue de la Libération",
                       "13100 Aix-en-Provence", "France"], size=8.5)  # fmt: skip
    y = _table(s, 66, [("Désignation", 15, 80, "L"), ("Qté", 97, 16, "R"),
                       ("Unité", 115, 12, "L"), ("P.U. HT", 129, 28, "R"),
                       ("Montant HT", 159, 36, "R")],
               [[t, q, "pièce", p.replace(",", " ").replace(".", ","),
                 a.replace(",", " ").replace(".", ",")] for t, q, _, p, a in _rows(_MA_ITEMS)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    fr = _group(_MA_NET).replace(",", " ").replace(".", ",")
    _totals(s, 105, 159, y + 3, [("Total HT (MAD)", fr),
                                 ("TVA 0 % (exonérée, export)", "0,00"),
                                 ("Total TTC (MAD)", fr)], width=36, size=8.5)  # fmt: skip
    s.text(15, y + 24, "Arrêtée la présente facture à la somme de : cent sept mille quatre "
                       "cents dirhams.", size=7.5)  # fmt: skip
    return s.output()


MA_FACTURE_TRUTH = _truth(
    invoice_number="FA-2026-0387", type_code="380", issue_date="2026-12-03", currency="MAD",
    seller_name="ARGANA COOP EXPORT SARL", seller_vat_id="40217789", seller_country="MA",
    buyer_name="Douceurs de Provence SAS", buyer_country="FR",
    tax_exclusive_total=_plain(_MA_NET), tax_total="0.00", grand_total=_plain(_MA_NET),
    due_payable=_plain(_MA_NET), line_items=_unit_lines(_MA_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Japan (1): trading company, 'Amount (Yen)', 'Yen' totals, Registration No. T..., -> Singapore

_JP1_ITEMS: list[UnitItem] = [("Stainless kitchen knife, 21 cm gyuto", "300", "pcs", "6800"),
                              ("Cast iron tea kettle, 0.8 L", "120", "pcs", "9500")]  # fmt: skip
_JP1_NET = _unit_sum(_JP1_ITEMS)


def _yen(value: Decimal) -> str:
    return f"{int(value):,}"


def jp_trading_yen() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Kansai Shoji Co., Ltd.", size=13, bold=True)
    _block(s, 15, 17, ["3-4-10 Kitahama, Chuo-ku, Osaka 541-0041, Japan",
                       "Registration No. T3120001098765"], size=8)  # fmt: skip
    s.text(140, 10, "INVOICE", size=15, bold=True)
    s.pairs(130, 20, [("Invoice No.", "KS-26-1204"), ("Date", "December 4, 2026")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 34, "Messrs.", size=9, bold=True)
    _block(s, 15, 39, ["Lion City Homeware Pte. Ltd.", "51 Ubi Avenue 1, #03-12",
                       "Singapore 408933", "Singapore"], size=8.5)  # fmt: skip
    y = _table(s, 62, [("Description", 15, 82, "L"), ("Quantity", 99, 16, "R"),
                       ("Unit", 117, 10, "L"), ("Unit Price (Yen)", 129, 28, "R"),
                       ("Amount (Yen)", 159, 36, "R")], _rows(_JP1_ITEMS, money=_yen),
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 100, 159, y + 3, [("Subtotal", f"{_yen(_JP1_NET)} Yen"),
                                 ("Consumption Tax 0% (export exempt)", "0 Yen"),
                                 ("Total Amount", f"{_yen(_JP1_NET)} Yen")], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 24, "Trade terms: FOB Kobe. Payment: T/T within 30 days.", size=7.5)
    return s.output()


JP_TRADING_YEN_TRUTH = _truth(
    invoice_number="KS-26-1204", type_code="380", issue_date="2026-12-04", currency="JPY",
    seller_name="Kansai Shoji Co., Ltd.", seller_vat_id="T3120001098765", seller_country="JP",
    buyer_name="Lion City Homeware Pte. Ltd.", buyer_country="SG",
    tax_exclusive_total=_plain(_JP1_NET), tax_total="0.00", grand_total=_plain(_JP1_NET),
    due_payable=_plain(_JP1_NET), line_items=_unit_lines(_JP1_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Japan (2): 'JPY' code and '¥' figures, consumption tax 0 %, -> Australia --------------------

_JP2_ITEMS: list[UnitItem] = [("Hinoki bath stool, natural finish", "80", "pcs", "12400"),
                              ("Noren curtain, linen, 85 x 150 cm", "150", "pcs", "5200"),
                              ("Tenugui hand towel, printed cotton", "600", "pcs",
                               "880")]  # fmt: skip
_JP2_NET = _unit_sum(_JP2_ITEMS)


def jp_trading_jpy() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=14, bold=True)
    s.pairs(130, 10, [("Invoice No.:", "YMT-2612-007"), ("Date:", "2026/12/06"),
                      ("Currency:", "JPY")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 22, "Seller", size=9, bold=True)
    _block(s, 15, 27, ["Yamato Trading Corporation", "2-7-1 Nihonbashi, Chuo-ku",
                       "Tokyo 103-0027, Japan", "Registration No.: T5010001234567"],
           size=8)  # fmt: skip
    s.text(110, 22, "Buyer", size=9, bold=True)
    _block(s, 110, 27, ["Harbourside Living Pty Ltd", "7 Pier Street", "Sydney NSW 2000",
                        "Australia"], size=8)  # fmt: skip
    y = _table(s, 52, _cols5(), _rows(_JP2_ITEMS, money=lambda v: f"¥{_yen(v)}"), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Sub Total", f"¥{_yen(_JP2_NET)}"),
                                 ("Consumption Tax (0%)", "¥0"),
                                 ("TOTAL JPY", f"¥{_yen(_JP2_NET)}")], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 24, "Terms of delivery: CIF Sydney (Incoterms 2020)", size=7.5)
    return s.output()


JP_TRADING_JPY_TRUTH = _truth(
    invoice_number="YMT-2612-007", type_code="380", issue_date="2026-12-06", currency="JPY",
    seller_name="Yamato Trading Corporation", seller_vat_id="T5010001234567",
    seller_country="JP", buyer_name="Harbourside Living Pty Ltd", buyer_country="AU",
    tax_exclusive_total=_plain(_JP2_NET), tax_total="0.00", grand_total=_plain(_JP2_NET),
    due_payable=_plain(_JP2_NET), line_items=_unit_lines(_JP2_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Korea: exporter in KRW without decimals, '2026. 12. 04.', zero-rated VAT -> US ---------------

_KR_ITEMS: list[UnitItem] = [("Cosmetic serum, hyaluronic, 50 ml", "2400", "pcs", "7800"),
                             ("Sheet mask pack, 10 sheets", "1500", "set", "12500")]  # fmt: skip
_KR_NET = _unit_sum(_KR_ITEMS)


def kr_krw() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Seorin Cosmetics Co., Ltd.", size=12, bold=True)
    _block(s, 15, 17, ["42 Teheran-ro 87-gil, Gangnam-gu, Seoul 06164, Republic of Korea",
                       "Business Registration No. 120-88-54321"], size=8)  # fmt: skip
    s.text(145, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "SC-EX-2612-031"), ("Date", "2026. 12. 04.")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 32, "Buyer", size=9, bold=True)
    _block(s, 15, 37, ["K-Beauty Direct Inc.", "1200 Wilshire Blvd", "Los Angeles, CA 90017",
                       "U.S.A."], size=8.5)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Q'ty", 99, 16, "R"), ("Unit", 117, 10, "L"),
                       ("Unit Price (KRW)", 129, 28, "R"), ("Amount (KRW)", 159, 36, "R")],
               _rows(_KR_ITEMS, money=_yen), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Supply Amount", _yen(_KR_NET)), ("VAT (zero-rated)", "0"),
                                 ("Total KRW", _yen(_KR_NET))], width=36, size=8.5)  # fmt: skip
    return s.output()


KR_KRW_TRUTH = _truth(
    invoice_number="SC-EX-2612-031", type_code="380", issue_date="2026-12-04", currency="KRW",
    seller_name="Seorin Cosmetics Co., Ltd.", seller_vat_id="1208854321", seller_country="KR",
    buyer_name="K-Beauty Direct Inc.", buyer_country="US",
    tax_exclusive_total=_plain(_KR_NET), tax_total="0.00", grand_total=_plain(_KR_NET),
    due_payable=_plain(_KR_NET), line_items=_unit_lines(_KR_ITEMS, {"pcs": H87, "set": "SET"}),
)  # fmt: skip


# -- Portugal: two pages, 'A transportar' / 'Transporte', IVA 23 %, -> Spain --------------------

_PT_ITEMS: list[UnitItem] = [
    ("Azulejo cerâmico 15x15, padrão Lisboa", "1200", "m2", "18.40"),
    ("Azulejo cerâmico 20x20, liso branco", "800", "m2", "14.90"),
    ("Cimento-cola C2TE, saco 25 kg", "300", "sacos", "9.80"),
    ("Junta epóxi, balde 5 kg", "120", "pcs", "36.50"),
    ("Rodapé cerâmico 8x30", "900", "pcs", "2.15"),
    ("Perfil de remate em alumínio, 2,5 m", "400", "pcs", "6.70"),
]  # fmt: skip
_PT_NET = _unit_sum(_PT_ITEMS)
_PT_TAX = _round(_PT_NET * Decimal("0.23"))
_PT_P1 = _unit_sum(_PT_ITEMS[:3])


def _pt(value: Decimal) -> str:
    return _group(value, "de").replace(".", " ")


def pt_transporte() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Cerâmica do Vouga, Lda.", size=13, bold=True)
    _block(s, 15, 17, ["Rua da Fábrica 55, 3750-101 Águeda, Portugal", "NIF PT 503 456 789"],
           size=8)  # fmt: skip
    s.text(140, 10, "FATURA", size=15, bold=True)
    s.pairs(130, 20, [("Fatura n.º", "FT 2026/1187"), ("Data", "02-12-2026")], gap=22,
            step=4.6)  # fmt: skip
    s.text(15, 30, "Cliente", size=9, bold=True)
    _block(s, 15, 35, ["Reformas Galaicas S.L.", "Rúa do Vilar 12", "15705 Santiago de Compostela",
                       "Espanha"], size=8.5)  # fmt: skip
    cols = [("Descrição", 15, 80, "L"), ("Qtd.", 97, 16, "R"), ("Un.", 115, 12, "L"),
            ("Preço unit.", 129, 28, "R"), ("Valor", 159, 36, "R")]  # fmt: skip
    y = _table(s, 58, cols, [[t, q, u, _pt(_d(p)), _pt(_d(a.replace(",", "")))]
                             for t, q, u, p, a in _rows(_PT_ITEMS[:3])], size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.text(110, y + 3, "A transportar", size=8.5, bold=True)
    s.text(159, y + 3, _pt(_PT_P1), size=8.5, width=36, align="R")
    s.text(170, 285, "Página 1 de 2", size=7)
    s.pdf.add_page()
    s.text(15, 10, "Cerâmica do Vouga, Lda.  Fatura FT 2026/1187 (continuação)", size=9)
    s.text(110, 20, "Transporte", size=8.5, bold=True)
    s.text(159, 20, _pt(_PT_P1), size=8.5, width=36, align="R")
    y = _table(s, 28, cols, [[t, q, u, _pt(_d(p)), _pt(_d(a.replace(",", "")))]
                             for t, q, u, p, a in _rows(_PT_ITEMS[3:])], size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total ilíquido", _pt(_PT_NET)), ("IVA 23%", _pt(_PT_TAX)),
                                 ("Total (EUR)", _pt(_PT_NET + _PT_TAX))], width=36,
            size=8.5)  # fmt: skip
    s.text(170, 285, "Página 2 de 2", size=7)
    return s.output()


PT_TRANSPORTE_TRUTH = _truth(
    invoice_number="FT 2026/1187", type_code="380", issue_date="2026-12-02", currency="EUR",
    seller_name="Cerâmica do Vouga, Lda.", seller_vat_id="PT503456789", seller_country="PT",
    buyer_name="Reformas Galaicas S.L.", buyer_country="ES",
    tax_exclusive_total=_plain(_PT_NET), tax_total=_plain(_PT_TAX),
    grand_total=_plain(_PT_NET + _PT_TAX), due_payable=_plain(_PT_NET + _PT_TAX),
    line_items=_unit_lines(_PT_ITEMS, {"m2": "MTK", "sacos": "XSA", "pcs": H87}),
)  # fmt: skip


# -- Hong Kong: freight forwarder's invoice, charges, Incoterms 2020 FOB Yantian, -> Germany -----

_HK_CHARGES = [("Ocean freight Yantian - Hamburg, 1 x 40'HC", "1", "2850.00"),
               ("Terminal handling charge (origin)", "1", "185.00"),
               ("Documentation fee (B/L)", "1", "65.00"),
               ("Customs clearance export", "1", "90.00")]  # fmt: skip
_HK_TOTAL = sum((_d(a) for *_, a in _HK_CHARGES), Decimal(0))


def hk_forwarder() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Pearl Delta Logistics Limited", size=13, bold=True)
    _block(s, 15, 17, ["Unit 1205, 12/F, Kowloon Commerce Centre, Kwai Chung, Hong Kong",
                       "BR No. 61234567"], size=8)  # fmt: skip
    s.text(140, 10, "DEBIT NOTE / INVOICE", size=11, bold=True)
    s.pairs(130, 20, [("Invoice No.", "PDL-HKG-26-08841"), ("Invoice Date", "5 Dec 2026"),
                      ("B/L No.", "PDLYTN2611234")], gap=24, step=4.6)  # fmt: skip
    s.text(15, 34, "Bill To", size=9, bold=True)
    _block(s, 15, 39, ["Nordhafen Handels GmbH", "Große Elbstraße 145", "22767 Hamburg",
                       "Germany"], size=8.5)  # fmt: skip
    s.text(110, 45, "Shipment terms: FOB Yantian (Incoterms 2020)", size=8)
    y = _table(s, 62, [("Charge description", 15, 100, "L"), ("Qty", 117, 12, "R"),
                       ("Rate (USD)", 131, 28, "R"), ("Amount (USD)", 161, 34, "R")],
               [[t, q, _group(_d(a)), _group(_d(a))] for t, q, a in _HK_CHARGES],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 3, [("Total Amount Due USD", _group(_HK_TOTAL))], width=34,
            size=8.5)  # fmt: skip
    return s.output()


HK_FORWARDER_TRUTH = _truth(
    invoice_number="PDL-HKG-26-08841", type_code="380", issue_date="2026-12-05", currency="USD",
    seller_name="Pearl Delta Logistics Limited", seller_country="HK",
    buyer_name="Nordhafen Handels GmbH", buyer_country="DE",
    grand_total=_plain(_HK_TOTAL), due_payable=_plain(_HK_TOTAL),
    line_items=[_line(t, q, None, _price(_d(a)), a) for t, q, a in _HK_CHARGES],
)  # fmt: skip


# -- China: proforma, CFR Lagos (Incoterms 2020), 30 % deposit required, -> Nigeria -------------

_CN_ITEMS: list[UnitItem] = [("Solar panel 550 W mono PERC", "240", "pcs", "96.00"),
                             ("Hybrid inverter 8 kW", "20", "set", "1180.00"),
                             ("PV cable 6 mm2, red/black", "2000", "m", "0.68")]  # fmt: skip
_CN_TOTAL = _unit_sum(_CN_ITEMS)


def cn_proforma() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Ningbo Sunrise New Energy Co., Ltd.", size=13, bold=True)
    _block(s, 15, 17, ["No. 88 Jiangnan Road, Beilun District, Ningbo, Zhejiang, China"],
           size=8)  # fmt: skip
    s.text(70, 27, "PROFORMA INVOICE", size=14, bold=True)
    s.pairs(130, 36, [("PI No.:", "NSE-PI-261203"), ("Date:", "Dec. 03, 2026"),
                      ("Valid until:", "Dec. 31, 2026")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 36, "To:", size=9, bold=True)
    _block(s, 15, 41, ["Lekki Power Solutions Ltd", "15 Admiralty Way, Lekki Phase 1",
                       "Lagos, Nigeria"], size=8.5)  # fmt: skip
    y = _table(s, 60, [("Description", 15, 80, "L"), ("Qty", 97, 16, "R"), ("Unit", 115, 12, "L"),
                       ("Unit price USD", 129, 28, "R"), ("Amount USD", 159, 36, "R")],
               _rows(_CN_ITEMS), size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total CFR Lagos", f"USD {_group(_CN_TOTAL)}")], width=36,
            size=8.5)  # fmt: skip
    _block(s, 15, y + 12, ["Price term: CFR Lagos, Incoterms 2020",
                           "Payment: 30% T/T deposit in advance, 70% against B/L copy",
                           "Delivery: 25 days after deposit"], size=7.5)  # fmt: skip
    return s.output()


CN_PROFORMA_TRUTH = _truth(
    invoice_number="NSE-PI-261203", type_code="325", issue_date="2026-12-03", currency="USD",
    seller_name="Ningbo Sunrise New Energy Co., Ltd.", seller_country="CN",
    buyer_name="Lekki Power Solutions Ltd", buyer_country="NG",
    grand_total=_plain(_CN_TOTAL), due_payable=_plain(_CN_TOTAL),
    line_items=_unit_lines(_CN_ITEMS, {"pcs": H87, "set": "SET", "m": "MTR"}),
)  # fmt: skip


# -- Denmark: credit note with negative line amounts, 'kr.' and DKK, moms 25 %, -> Sweden -------

_DK_ITEMS: list[UnitItem] = [("Returned: oak dining chair, oiled", "6", "pcs", "1450.00"),
                             ("Price adjustment: oak table top, 200 cm", "1", "pcs",
                              "2200.00")]  # fmt: skip
_DK_NET = _unit_sum(_DK_ITEMS)
_DK_TAX = _round(_DK_NET * Decimal("0.25"))


def _dk(value: Decimal) -> str:
    return _group(value, "de")


def dk_kreditnota() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Jyllands Møbelværksted A/S", size=13, bold=True)
    _block(s, 15, 17, ["Industrivej 22, 8600 Silkeborg, Danmark", "CVR/VAT no. DK 31245678"],
           size=8)  # fmt: skip
    s.text(130, 10, "KREDITNOTA / CREDIT NOTE", size=12, bold=True)
    s.pairs(130, 20, [("Kreditnota nr.", "KN-2026-0093"), ("Dato", "04.12.2026"),
                      ("Vedr. faktura nr.", "F-2026-1877")], gap=33, step=4.6)  # fmt: skip
    s.text(15, 32, "Kunde", size=9, bold=True)
    _block(s, 15, 37, ["Skånska Inredningar AB", "Storgatan 18", "211 41 Malmö", "Sverige"],
           size=8.5)  # fmt: skip
    rows = [
        [t, q, "stk", _dk(_d(p)), f"-{_dk(a)}"]
        for (t, q, _, p), a in zip(_DK_ITEMS, _unit_amounts(_DK_ITEMS), strict=True)
    ]
    y = _table(s, 60, [("Tekst", 15, 80, "L"), ("Antal", 97, 16, "R"), ("Enhed", 115, 12, "L"),
                       ("Stykpris", 129, 28, "R"), ("Beløb kr.", 159, 36, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Subtotal", f"-{_dk(_DK_NET)}"), ("Moms 25%", f"-{_dk(_DK_TAX)}"),
                                 ("Total DKK", f"-{_dk(_DK_NET + _DK_TAX)}")], width=36,
            size=8.5)  # fmt: skip
    return s.output()


DK_KREDITNOTA_TRUTH = _truth(
    invoice_number="KN-2026-0093", type_code="381", issue_date="2026-12-04", currency="DKK",
    seller_name="Jyllands Møbelværksted A/S", seller_vat_id="DK31245678", seller_country="DK",
    buyer_name="Skånska Inredningar AB", buyer_country="SE",
    tax_exclusive_total=_plain(_DK_NET), tax_total=_plain(_DK_TAX),
    grand_total=_plain(_DK_NET + _DK_TAX), due_payable=_plain(_DK_NET + _DK_TAX),
    line_items=_unit_lines(_DK_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Serbia: an invoice in EUR with the PDV also stated in dinars, -> Montenegro ----------------

_RS_ITEMS: list[UnitItem] = [("Malina smrznuta, klasa Extra, 10 kg karton", "4000", "kg", "4.35"),
                             ("Kupina smrznuta, 10 kg karton", "1500", "kg", "3.10")]  # fmt: skip
_RS_NET = _unit_sum(_RS_ITEMS)
_RS_TAX = _round(_RS_NET * Decimal("0.10"))
_RS_RATE = Decimal("117.1500")


def rs_eur_rsd() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Zlatiborska Voćarska Zadruga d.o.o.", size=12, bold=True)
    _block(s, 15, 17, ["Kraljevi Konaci bb, 31315 Zlatibor, Srbija", "PIB: 104567321   "
                       "MB: 20987654"], size=8)  # fmt: skip
    s.text(140, 10, "RAČUN / INVOICE", size=12, bold=True)
    s.pairs(130, 20, [("Broj / No.:", "R-2026-0744"), ("Datum / Date:", "01.12.2026."),
                      ("Valuta / Currency:", "EUR")], gap=34, step=4.6)  # fmt: skip
    s.text(15, 32, "Kupac / Buyer", size=9, bold=True)
    _block(s, 15, 37, ["Primorje Promet d.o.o.", "Bulevar Džordža Vašingtona 56",
                       "81000 Podgorica, Crna Gora"], size=8.5)  # fmt: skip
    y = _table(s, 58, _cols5(), [[t, q, u, _group(_d(p), "de"), _group(_d(a.replace(",", "")),
                                                                          "de")]
                                 for t, q, u, p, a in _rows(_RS_ITEMS)], size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    y = _totals(s, 105, 159, y + 3, [("Osnovica / Net (EUR)", _group(_RS_NET, "de")),
                                     ("PDV 10% (EUR)", _group(_RS_TAX, "de")),
                                     ("Ukupno / Total (EUR)", _group(_RS_NET + _RS_TAX, "de"))],
                width=36, size=8.5)  # fmt: skip
    s.text(15, y + 4, f"PDV u dinarima po srednjem kursu NBS {_group(_RS_RATE, 'de', 4)}: RSD "
                      f"{_group(_round(_RS_TAX * _RS_RATE), 'de')}", size=7.5)  # fmt: skip
    return s.output()


RS_EUR_RSD_TRUTH = _truth(
    invoice_number="R-2026-0744", type_code="380", issue_date="2026-12-01", currency="EUR",
    seller_name="Zlatiborska Voćarska Zadruga d.o.o.", seller_vat_id="104567321",
    seller_country="RS", buyer_name="Primorje Promet d.o.o.", buyer_country="ME",
    tax_exclusive_total=_plain(_RS_NET), tax_total=_plain(_RS_TAX),
    grand_total=_plain(_RS_NET + _RS_TAX), due_payable=_plain(_RS_NET + _RS_TAX),
    line_items=_unit_lines(_RS_ITEMS, {"kg": KGM}),
)  # fmt: skip


# -- Ireland: discount, freight and insurance before a printed 'Total net', VAT 0 % RC, -> NL ----

_IE_ITEMS: list[UnitItem] = [("Hydraulic hose assembly 1/2 in, 2 m", "250", "pcs", "24.60"),
                             ("Quick coupling, ISO A, 1/2 in", "400", "pcs", "8.90")]  # fmt: skip
_IE_GOODS = _unit_sum(_IE_ITEMS)
_IE_DISC = _round(_IE_GOODS * Decimal("0.05"))
_IE_FREIGHT, _IE_INS = Decimal("320.00"), Decimal("45.00")
_IE_NET = _IE_GOODS - _IE_DISC + _IE_FREIGHT + _IE_INS


def ie_discount_freight() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Shannon Fluid Power Ltd", size=13, bold=True)
    _block(s, 15, 17, ["Smithstown Industrial Estate, Shannon, Co. Clare, V14 X827, Ireland",
                       "VAT No. IE 6388047V"], size=8)  # fmt: skip
    s.text(150, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No.", "SFP-104233"), ("Date", "03/12/2026")], gap=22, step=4.6)
    s.text(15, 30, "Invoice to", size=9, bold=True)
    _block(s, 15, 35, ["Hydrauliek Rotterdam B.V.", "Waalhaven Z.z. 44", "3089 JH Rotterdam",
                       "Netherlands", "VAT NL812345678B01"], size=8.5)  # fmt: skip
    y = _table(s, 62, _cols5(), _rows(_IE_ITEMS, money=lambda v: f"€{_group(v)}"), size=8)
    s.pdf.line(15, y, 195, y)
    _totals(s, 105, 159, y + 3, [("Goods", f"€{_group(_IE_GOODS)}"),
                                 ("Discount 5%", f"-€{_group(_IE_DISC)}"),
                                 ("Freight", f"€{_group(_IE_FREIGHT)}"),
                                 ("Insurance", f"€{_group(_IE_INS)}"),
                                 ("Total net", f"€{_group(_IE_NET)}"),
                                 ("VAT 0% (reverse charge)", "€0.00"),
                                 ("Total due", f"€{_group(_IE_NET)}")], width=36,
            size=8.5)  # fmt: skip
    s.text(15, y + 45, "Intra-Community supply: reverse charge, Article 138 Directive 2006/112/EC. "
                       "Terms: DAP Rotterdam (Incoterms 2020).", size=7)  # fmt: skip
    return s.output()


IE_DISCOUNT_TRUTH = _truth(
    invoice_number="SFP-104233", type_code="380", issue_date="2026-12-03", currency="EUR",
    seller_name="Shannon Fluid Power Ltd", seller_vat_id="IE6388047V", seller_country="IE",
    buyer_name="Hydrauliek Rotterdam B.V.", buyer_country="NL",
    tax_exclusive_total=_plain(_IE_NET), tax_total="0.00", grand_total=_plain(_IE_NET),
    due_payable=_plain(_IE_NET), line_items=_unit_lines(_IE_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- Sri Lanka: tea exporter, VAT Reg No, FOB Colombo, -> UAE ----------------------------------

_LK_ITEMS: list[UnitItem] = [("Ceylon black tea BOP, Uva, paper sacks", "4800", "kg", "4.65"),
                             ("Ceylon green tea, gunpowder", "1200", "kg", "6.20")]  # fmt: skip
_LK_TOTAL = _unit_sum(_LK_ITEMS)


def lk_tea() -> bytes:
    s = Sheet2("Serif")
    s.text(15, 10, "Dimbula Valley Tea Exports (Pvt) Ltd", size=12, bold=True)
    _block(s, 15, 17, ["No. 45, Galle Road, Colombo 03, Sri Lanka",
                       "VAT Reg No: 114567890-7000   TIN: 114567890"], size=8)  # fmt: skip
    s.text(140, 10, "INVOICE", size=14, bold=True)
    s.pairs(130, 20, [("Invoice No:", "DVT/EXP/26/318"), ("Date:", "6th December 2026")],
            gap=22, step=4.6)  # fmt: skip
    s.text(15, 30, "Buyer:", size=9, bold=True)
    _block(s, 15, 35, ["Emirates Tea Blenders LLC", "Al Ras, Deira, Dubai",
                       "United Arab Emirates"], size=8.5)  # fmt: skip
    s.text(110, 40, "FOB Colombo. Amounts in US Dollars (USD).", size=8)
    y = _table(s, 56, [("Description", 15, 80, "L"), ("Net kg", 97, 16, "R"),
                       ("Unit", 115, 12, "L"),
                       ("Price/kg", 129, 28, "R"), ("Value", 159, 36, "R")], _rows(_LK_ITEMS),
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total FOB USD", _group(_LK_TOTAL))], width=36, size=8.5)
    return s.output()


LK_TEA_TRUTH = _truth(
    invoice_number="DVT/EXP/26/318", type_code="380", issue_date="2026-12-06", currency="USD",
    seller_name="Dimbula Valley Tea Exports (Pvt) Ltd", seller_vat_id="1145678907000",
    seller_country="LK", buyer_name="Emirates Tea Blenders LLC", buyer_country="AE",
    grand_total=_plain(_LK_TOTAL), due_payable=_plain(_LK_TOTAL),
    line_items=_unit_lines(_LK_ITEMS, {"kg": KGM}),
)  # fmt: skip


# == Second group: the kinds session 33 left failing ============================================

# -- Marketplace seller (UK) -> consumer in the US under 'Ship to:' only ------------------------

_ET_ITEMS: list[UnitItem] = [("Hand-knitted wool scarf, heather grey", "2", "pcs", "38.00"),
                             ("Harris tweed flat cap, size M", "1", "pcs", "54.00")]  # fmt: skip
_ET_NET = _unit_sum(_ET_ITEMS)
_ET_SHIP = Decimal("18.50")


def gb_marketplace() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Order receipt / Invoice", size=14, bold=True)
    s.text(15, 18, "Sold by: Hebridean Knitwear Ltd, 4 Pier Road, Stornoway HS1 2XE, "
                   "United Kingdom", size=8)  # fmt: skip
    s.text(15, 22, "VAT Reg. No. GB 284 5563 17", size=8)
    s.pairs(130, 30, [("Invoice no.", "HK-3318"), ("Invoice date", "30 Nov 2026"),
                      ("Order no.", "3011874522")], gap=26, step=4.6)  # fmt: skip
    s.text(15, 30, "Ship to:", size=9, bold=True)
    _block(s, 15, 35, ["Emily Carter", "77 Beacon Street, Apt 4", "Boston, MA 02108",
                       "United States"], size=8.5)  # fmt: skip
    y = _table(s, 58, [("Item", 15, 100, "L"), ("Qty", 117, 12, "R"), ("Price", 131, 28, "R"),
                       ("Total", 161, 34, "R")],
               [[t, q, f"£{_group(_d(p))}", f"£{_group(a)}"]
                for (t, q, _, p), a in zip(_ET_ITEMS, _unit_amounts(_ET_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 161, y + 3, [("Item total", f"£{_group(_ET_NET)}"),
                                 ("Shipping", f"£{_group(_ET_SHIP)}"),
                                 ("Order total", f"£{_group(_ET_NET + _ET_SHIP)}")], width=34,
            size=8.5)  # fmt: skip
    s.text(15, y + 24, "Export outside the UK: zero-rated. Import duties and taxes may be charged "
                       "on delivery.", size=7)  # fmt: skip
    return s.output()


GB_MARKETPLACE_TRUTH = _truth(
    invoice_number="HK-3318", type_code="380", issue_date="2026-11-30", currency="GBP",
    seller_name="Hebridean Knitwear Ltd", seller_vat_id="GB284556317", seller_country="GB",
    buyer_name="Emily Carter", buyer_country="US",
    grand_total=_plain(_ET_NET + _ET_SHIP), due_payable=_plain(_ET_NET + _ET_SHIP),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_ET_ITEMS, _unit_amounts(_ET_ITEMS), strict=True)],
)  # fmt: skip


# -- Shopify (CA): invoice number beside an order number, 'Taxes (5 items)', CAD ----------------

_SQ_ITEMS: list[UnitItem] = [("Maple syrup, amber, 500 ml", "3", "pcs", "16.00"),
                             ("Maple butter, 250 g", "2", "pcs", "11.50")]  # fmt: skip
_SQ_NET = _unit_sum(_SQ_ITEMS)
_SQ_TAX = _round(_SQ_NET * Decimal("0.05"))


def ca_shopify_both() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Sucrerie Laurentienne Inc.", size=13, bold=True)
    _block(s, 15, 17, ["980 Chemin du Lac, Saint-Sauveur QC J0R 1R0, Canada",
                       "GST/HST No. 812345678 RT0001"], size=8)  # fmt: skip
    s.text(150, 10, "Invoice", size=14, bold=True)
    s.pairs(130, 18, [("Invoice No.", "INV-2026-0311"), ("Order", "#1452"),
                      ("Date", "December 5, 2026")], gap=22, step=4.6)  # fmt: skip
    s.text(15, 32, "Bill to", size=9, bold=True)
    _block(s, 15, 37, ["Marc Tremblay", "45 Rue Principale", "Gatineau QC J8X 2K3", "Canada"],
           size=8.5)  # fmt: skip
    y = _table(s, 60, [("Qty", 15, 10, "L"), ("Item", 28, 100, "L"), ("Price", 130, 28, "R"),
                       ("Total", 160, 35, "R")],
               [[q, t, f"${_group(_d(p))}", f"${_group(a)}"]
                for (t, q, _, p), a in zip(_SQ_ITEMS, _unit_amounts(_SQ_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 115, 160, y + 3, [("Subtotal (5 items)", f"${_group(_SQ_NET)}"),
                                 ("Shipping", "$0.00"),
                                 ("Taxes (5 items)", f"${_group(_SQ_TAX)}"),
                                 ("Total", f"${_group(_SQ_NET + _SQ_TAX)} CAD")], width=35,
            size=8.5)  # fmt: skip
    s.text(15, y + 30, "Taxes: GST 5% on 5 items.", size=7.5)
    return s.output()


CA_SHOPIFY_BOTH_TRUTH = _truth(
    invoice_number="INV-2026-0311", type_code="380", issue_date="2026-12-05", currency="CAD",
    seller_name="Sucrerie Laurentienne Inc.", seller_vat_id="812345678RT0001",
    seller_country="CA", buyer_name="Marc Tremblay", buyer_country="CA",
    tax_exclusive_total=_plain(_SQ_NET), tax_total=_plain(_SQ_TAX),
    grand_total=_plain(_SQ_NET + _SQ_TAX), due_payable=_plain(_SQ_NET + _SQ_TAX),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_SQ_ITEMS, _unit_amounts(_SQ_ITEMS), strict=True)],
)  # fmt: skip


# -- Shopify (AU): the order number the page's only number, ABN, AUD -> New Zealand ---------------

_SA_ITEMS: list[UnitItem] = [("Merino baby blanket, oatmeal", "2", "pcs", "89.00"),
                             ("Organic cotton bib set of 3", "4", "pcs", "24.00")]  # fmt: skip
_SA_NET = _unit_sum(_SA_ITEMS)


def au_shopify_order() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "Little Wattle Co Pty Ltd", size=13, bold=True)
    _block(s, 15, 17, ["12 Smith Street, Fitzroy VIC 3065, Australia", "ABN 51 824 753 556"],
           size=8)  # fmt: skip
    s.text(150, 10, "Invoice", size=14, bold=True)
    s.pairs(140, 18, [("Order", "#LW10388"), ("Date", "Dec 2, 2026")], gap=14, step=4.6)
    s.text(15, 32, "Customer", size=9, bold=True)
    _block(s, 15, 37, ["Aroha Williams", "18 Ponsonby Road", "Auckland 1011", "New Zealand"],
           size=8.5)  # fmt: skip
    y = _table(s, 60, [("Qty", 15, 10, "L"), ("Item", 28, 100, "L"), ("Price", 130, 28, "R"),
                       ("Total", 160, 35, "R")],
               [[q, t, f"${_group(_d(p))}", f"${_group(a)}"]
                for (t, q, _, p), a in zip(_SA_ITEMS, _unit_amounts(_SA_ITEMS), strict=True)],
               size=8.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 115, 160, y + 3, [("Subtotal", f"${_group(_SA_NET)}"),
                                 ("GST (export, 0%)", "$0.00"),
                                 ("Total", f"${_group(_SA_NET)} AUD")], width=35,
            size=8.5)  # fmt: skip
    return s.output()


AU_SHOPIFY_ORDER_TRUTH = _truth(
    invoice_number="LW10388", type_code="380", issue_date="2026-12-02", currency="AUD",
    seller_name="Little Wattle Co Pty Ltd", seller_vat_id="51824753556", seller_country="AU",
    buyer_name="Aroha Williams", buyer_country="NZ",
    tax_exclusive_total=_plain(_SA_NET), tax_total="0.00",
    grand_total=_plain(_SA_NET), due_payable=_plain(_SA_NET),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(a))
                for (t, q, _, p), a in zip(_SA_ITEMS, _unit_amounts(_SA_ITEMS), strict=True)],
)  # fmt: skip


# -- SAP Business One (NL): 'Total Before Discount', Discount 0 %, Tax 21 %, -> Belgium ----------

_SB_ITEMS: list[UnitItem] = [("Pallet racking upright 3000 mm", "40", "pcs", "86.00"),
                             ("Pallet racking beam 2700 mm", "120", "pcs", "34.50")]  # fmt: skip
_SB_NET = _unit_sum(_SB_ITEMS)
_SB_TAX = _round(_SB_NET * Decimal("0.21"))


def nl_sap_b1() -> bytes:
    s = Sheet2()
    s.text(15, 10, "A/R Invoice", size=14, bold=True)
    s.text(15, 18, "Lagerwerk Opslagsystemen B.V.", size=11, bold=True)
    _block(s, 15, 24, ["Havenstraat 8, 5431 AB Cuijk, Netherlands", "VAT No. NL859612347B01"],
           size=8)  # fmt: skip
    s.pairs(130, 18, [("Document No.", "1004518"), ("Posting Date", "01.12.2026"),
                      ("Due Date", "31.12.2026"), ("Customer Code", "C20044")], gap=31,
            step=4.6)  # fmt: skip
    s.text(15, 40, "Bill To", size=9, bold=True)
    _block(s, 15, 45, ["Magazijn Service Antwerpen NV", "Noorderlaan 133", "2030 Antwerpen",
                       "Belgium"], size=8.5)  # fmt: skip
    y = _table(s, 66, [("Item Description", 15, 80, "L"), ("Quantity", 97, 16, "R"),
                       ("UoM", 115, 12, "L"), ("Unit Price", 129, 28, "R"),
                       ("Total (LC)", 159, 36, "R")],
               [[t, q, u, f"EUR {p}", f"EUR {a}"] for t, q, u, p, a in _rows(_SB_ITEMS)],
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 159, y + 3, [("Total Before Discount", f"EUR {_group(_SB_NET)}"),
                                 ("Discount 0%", "EUR 0.00"), ("Freight", "EUR 0.00"),
                                 ("Tax", f"EUR {_group(_SB_TAX)}"),
                                 ("Total Payment Due", f"EUR {_group(_SB_NET + _SB_TAX)}")],
            width=36, size=8.5)  # fmt: skip
    return s.output()


NL_SAP_B1_TRUTH = _truth(
    invoice_number="1004518", type_code="380", issue_date="2026-12-01", currency="EUR",
    seller_name="Lagerwerk Opslagsystemen B.V.", seller_vat_id="NL859612347B01",
    seller_country="NL", buyer_name="Magazijn Service Antwerpen NV", buyer_country="BE",
    tax_exclusive_total=_plain(_SB_NET), tax_total=_plain(_SB_TAX),
    grand_total=_plain(_SB_NET + _SB_TAX), due_payable=_plain(_SB_NET + _SB_TAX),
    line_items=_unit_lines(_SB_ITEMS, {"pcs": H87}),
)  # fmt: skip


# -- QuickBooks (US, named): DATE 12/04/2026 month first, ACTIVITY column, -> Canada ------------

_QB_ITEMS = [("Consulting", "Export compliance review, November", "12", "150.00"),
             ("Training", "ECCN classification workshop (half day)", "1", "900.00")]  # fmt: skip
_QB_TOTAL = sum((_round(_d(q) * _d(p)) for _, _, q, p in _QB_ITEMS), Decimal(0))


def us_quickbooks() -> bytes:
    s = Sheet2()
    s.text(15, 10, "Great Lakes Trade Advisors LLC", size=12, bold=True)
    _block(s, 15, 17, ["200 Woodward Ave, Suite 900", "Detroit, MI 48226", "United States"],
           size=8)  # fmt: skip
    s.text(150, 10, "INVOICE", size=15, bold=True)
    s.text(15, 34, "BILL TO", size=8, bold=True)
    _block(s, 15, 39, ["Windsor Auto Parts Ltd.", "3200 Dougall Ave", "Windsor ON N9E 1S6",
                       "Canada"], size=8.5)  # fmt: skip
    s.pairs(130, 34, [("INVOICE #", "1087"), ("DATE", "12/04/2026"), ("DUE DATE", "01/03/2027"),
                      ("TERMS", "Net 30")], gap=24, step=4.6)  # fmt: skip
    rows = [[a, t, q, _group(_d(p)), _group(_round(_d(q) * _d(p)))] for a, t, q, p in _QB_ITEMS]
    y = _table(s, 62, [("ACTIVITY", 15, 26, "L"), ("DESCRIPTION", 43, 80, "L"),
                       ("QTY", 125, 12, "R"),
                       ("RATE", 139, 24, "R"), ("AMOUNT", 165, 30, "R")], rows,
               size=8)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 120, 165, y + 3, [("BALANCE DUE", f"USD {_group(_QB_TOTAL)}")], width=30,
            size=9)  # fmt: skip
    return s.output()


US_QUICKBOOKS_TRUTH = _truth(
    invoice_number="1087", type_code="380", issue_date="2026-12-04", currency="USD",
    seller_name="Great Lakes Trade Advisors LLC", seller_country="US",
    buyer_name="Windsor Auto Parts Ltd.", buyer_country="CA",
    grand_total=_plain(_QB_TOTAL), due_payable=_plain(_QB_TOTAL),
    line_items=[_line(t, q, None, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, t, q, p in _QB_ITEMS],
)  # fmt: skip


# -- FedEx-style form (IT): the only date 'DATE OF EXPORTATION', -> US ---------------------------

_FE_ROWS = [("2", "CTN", "Leather handbag, calf, women's", "40", "PCS", "IT", "4202.21", "118.00"),
            ("1", "CTN", "Leather belt, men's, 35 mm", "60", "PCS", "IT", "4203.30",
             "32.50")]  # fmt: skip
_FE_TOTAL = sum((_round(_d(q) * _d(p)) for _, _, _, q, _, _, _, p in _FE_ROWS), Decimal(0))


def it_fedex_form() -> bytes:
    s = Sheet2("Cond")
    s.text(15, 10, "COMMERCIAL INVOICE", size=15, bold=True, width=180, align="C")
    s.boxes(15, 20, [("DATE OF EXPORTATION", "08-DEC-2026"),
                     ("EXPORT REFERENCES (i.e., order no., invoice no., etc.)",
                      "Inv. No. PF-26/1409")], width=90, height=11, size=8.5)  # fmt: skip
    for x, label, lines in (
        (15, "SHIPPER/EXPORTER (complete name and address)",
         ["Pelletteria Fiorentina S.r.l.", "Via dei Cerchi 21", "50122 Firenze FI", "Italy",
          "P.IVA IT05123450481"]),
        (105, "CONSIGNEE", ["Madison Avenue Leather Inc.", "540 Madison Avenue",
                            "New York, NY 10022", "USA"]),
    ):  # fmt: skip
        s.pdf.rect(x, 33, 90, 26)
        s.text(x + 1.5, 34.2, label, size=6.5, bold=True)
        _block(s, x + 2, 39, lines, size=8.5, step=4.0)
    rows = [[n, pk, t, q, u, c, hs, _group(_d(p)), _group(_round(_d(q) * _d(p)))]
            for n, pk, t, q, u, c, hs, p in _FE_ROWS]  # fmt: skip
    y = _table(s, 64, [("NO. OF\nPKGS", 15, 9, "L"), ("TYPE OF\nPACKAGING", 25, 14, "L"),
                       ("FULL DESCRIPTION OF GOODS", 40, 62, "L"), ("QTY", 103, 10, "R"),
                       ("UNIT OF\nMEASURE", 115, 12, "L"), ("COUNTRY OF\nMFR", 129, 15, "L"),
                       ("HARMONIZED\nTARIFF NO.", 145, 17, "L"), ("UNIT\nVALUE", 163, 14, "R"),
                       ("TOTAL\nVALUE", 179, 16, "R")], rows, size=6.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    s.boxes(15, y + 3, [("TOTAL NO. OF PKGS", "3"), ("TOTAL WEIGHT", "38.0 kg"),
                        ("TOTAL INVOICE VALUE", _group(_FE_TOTAL)), ("CURRENCY CODE", "EUR")],
            width=45, height=11, size=8.5)  # fmt: skip
    s.text(15, y + 18, "TERMS OF SALE: DAP New York", size=8)
    s.text(15, y + 26, "I declare all the information contained in this invoice to be true and "
                       "correct.", size=7.5)  # fmt: skip
    return s.output()


IT_FEDEX_FORM_TRUTH = _truth(
    invoice_number="PF-26/1409", type_code="380", issue_date="2026-12-08", currency="EUR",
    seller_name="Pelletteria Fiorentina S.r.l.", seller_vat_id="IT05123450481",
    seller_country="IT", buyer_name="Madison Avenue Leather Inc.", buyer_country="US",
    grand_total=_plain(_FE_TOTAL), due_payable=_plain(_FE_TOTAL),
    line_items=[_line(t, q, H87, _price(_d(p)), _plain(_round(_d(q) * _d(p))))
                for _, _, t, q, _, _, _, p in _FE_ROWS],
)  # fmt: skip


# -- UPS-style commercial invoice (US): Units | U/M | Description | Harm. Code | C/O | values ---

_UP_ROWS = [("25", "EA", "Brushless DC motor 24 V, P/N BLD-2440", "8501.31", "US", "64.00"),
            ("10", "EA", "Motor controller board, P/N MC-880", "8537.10", "CN", "41.50"),
            ("4", "KG", "Copper winding wire 0.5 mm", "8544.11", "US", "22.00")]  # fmt: skip
_UP_LINES = sum((_round(_d(q) * _d(p)) for q, *_, p in _UP_ROWS), Decimal(0))
_UP_FREIGHT, _UP_INS = Decimal("75.00"), Decimal("12.00")
_UP_TOTAL = _UP_LINES + _UP_FREIGHT + _UP_INS


def us_ups_form() -> bytes:
    s = Sheet2()
    s.text(15, 10, "INVOICE", size=15, bold=True)
    s.pairs(112, 10, [("Date:", "December 3, 2026"), ("Invoice No.:", "MTR-55821"),
                      ("Purchase No.:", "PO-3319"), ("Terms of Sale (Incoterm):", "DAP")],
            gap=50, step=4.4)  # fmt: skip
    s.text(15, 32, "SHIP FROM / EXPORTER", size=7.5, bold=True)
    _block(s, 15, 36, ["Midwest Motion Technologies Inc.", "1450 Commerce Drive",
                       "Columbus, OH 43219", "USA", "Tax ID/VAT No.: 31-1234567"],
           size=8)  # fmt: skip
    s.text(110, 32, "SOLD TO / IMPORTER", size=7.5, bold=True)
    _block(s, 110, 36, ["Northern Robotics Corp.", "2100 Derry Road West",
                        "Mississauga ON L5N 0B3", "Canada"], size=8)  # fmt: skip
    rows = [[q, u, t, hs, co, _group(_d(p)), _group(_round(_d(q) * _d(p)))]
            for q, u, t, hs, co, p in _UP_ROWS]  # fmt: skip
    y = _table(s, 64, [("Units", 15, 10, "R"), ("U/M", 27, 9, "L"),
                       ("Description of Goods/Part No.", 38, 70, "L"),
                       ("Harm. Code", 110, 18, "L"), ("C/O", 130, 8, "L"),
                       ("Unit Value", 140, 22, "R"), ("Total Value", 164, 31, "R")], rows,
               size=7.5)  # fmt: skip
    s.pdf.line(15, y, 195, y)
    _totals(s, 110, 164, y + 3, [("Invoice Line Total", _group(_UP_LINES)),
                                 ("Discount/Rebate", "0.00"),
                                 ("Invoice Sub-Total", _group(_UP_LINES)),
                                 ("Freight", _group(_UP_FREIGHT)),
                                 ("Insurance", _group(_UP_INS)), ("Other", "0.00"),
                                 ("Total Invoice Amount", _group(_UP_TOTAL)),
                                 ("Currency Code", "USD")], width=31, size=8)  # fmt: skip
    return s.output()


US_UPS_FORM_TRUTH = _truth(
    invoice_number="MTR-55821", type_code="380", issue_date="2026-12-03", currency="USD",
    seller_name="Midwest Motion Technologies Inc.", seller_country="US",
    buyer_name="Northern Robotics Corp.", buyer_country="CA",
    grand_total=_plain(_UP_TOTAL), due_payable=_plain(_UP_TOTAL),
    line_items=[_line(t, q, {"EA": H87, "KG": KGM}[u], _price(_d(p)),
                      _plain(_round(_d(q) * _d(p)))) for q, u, t, _, _, p in _UP_ROWS],
)  # fmt: skip


BATCH42: list[Layout] = [
    Layout("mx-cfdi-bilingual-us", mx_cfdi_bilingual, MX_CFDI_TRUTH),
    Layout("br-fatura-comercial-us", br_fatura, BR_FATURA_TRUTH),
    Layout("vn-bilingual-gtgt-jp", vn_bilingual, VN_BILINGUAL_TRUTH),
    Layout("th-tax-invoice-my", th_tax_invoice, TH_TAX_INVOICE_TRUTH),
    Layout("pk-surgical-cif-de", pk_surgical, PK_SURGICAL_TRUTH),
    Layout("eg-cotton-discount-it", eg_cotton, EG_COTTON_TRUTH),
    Layout("ma-facture-export-fr", ma_facture, MA_FACTURE_TRUTH),
    Layout("jp-trading-yen-sg", jp_trading_yen, JP_TRADING_YEN_TRUTH),
    Layout("jp-trading-jpy-au", jp_trading_jpy, JP_TRADING_JPY_TRUTH),
    Layout("kr-krw-us", kr_krw, KR_KRW_TRUTH),
    Layout("pt-transporte-es", pt_transporte, PT_TRANSPORTE_TRUTH),
    Layout("hk-forwarder-de", hk_forwarder, HK_FORWARDER_TRUTH),
    Layout("cn-proforma-cfr-ng", cn_proforma, CN_PROFORMA_TRUTH),
    Layout("dk-kreditnota-se", dk_kreditnota, DK_KREDITNOTA_TRUTH),
    Layout("rs-eur-pdv-rsd-me", rs_eur_rsd, RS_EUR_RSD_TRUTH),
    Layout("ie-discount-freight-nl", ie_discount_freight, IE_DISCOUNT_TRUTH),
    Layout("lk-tea-fob-ae", lk_tea, LK_TEA_TRUTH),
    Layout("gb-marketplace-ship-to-us", gb_marketplace, GB_MARKETPLACE_TRUTH),
    Layout("ca-shopify-both-numbers", ca_shopify_both, CA_SHOPIFY_BOTH_TRUTH),
    Layout("au-shopify-order-nz", au_shopify_order, AU_SHOPIFY_ORDER_TRUTH),
    Layout("nl-sap-b1-be", nl_sap_b1, NL_SAP_B1_TRUTH),
    Layout("us-quickbooks-named-ca", us_quickbooks, US_QUICKBOOKS_TRUTH),
    Layout("it-fedex-form-us", it_fedex_form, IT_FEDEX_FORM_TRUTH),
    Layout("us-ups-form-ca", us_ups_form, US_UPS_FORM_TRUTH),
]


def write_batch42(folder: Path) -> dict[str, Path]:
    """Every layout of the batch as ``<name>.pdf`` in ``folder``."""
    return write_batch(folder, BATCH42)
