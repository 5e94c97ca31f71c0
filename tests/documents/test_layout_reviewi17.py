"""Session 32 (reviewi17): defects in invoices28's rules found in review, each with a test that
failed on lead (main + invoices28) before its fix; those marked guard did not (they keep a fix
from reaching too far). Batch 38 (tests/documents/layouts_batch38.py) was written and committed
before invoices28's diff was read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.layout import label_matches, vat_id
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_batch22 import _table
from tests.documents.layouts_unseen2 import Sheet2


def _invoice(
    seller: list[str],
    pairs: list[tuple[str, str]],
    *,
    sign: str = "£",
    amount_caption: str = "Amount",
    buyer: tuple[str, ...] = ("Pesquera del Plata S.A.", "Rambla 25 de Agosto 188, Montevideo",
                              "Uruguay"),
    title: str = "INVOICE",
) -> bytes:  # fmt: skip
    s = Sheet2()
    s.text(15, 10, "Harbour Traders Ltd", size=12, bold=True)
    _block(s, 15, 16, seller, size=7.5)
    s.text(155, 10, title, size=14, bold=True)
    s.pairs(118, 20, pairs, gap=28)
    s.text(15, 36, "Sold To:", size=9, bold=True)
    _block(s, 15, 41, list(buyer), size=8)
    y = _table(s, 60, [("Description", 15, 82, "L"), ("Qty", 115, 12, "R"),
                       ("Unit Price", 129, 28, "R"), (amount_caption, 159, 36, "R")],
               [["Frozen squid", "1000", f"{sign}3.85", f"{sign}3,850.00"]])  # fmt: skip
    _totals(s, 100, 155, y + 3, [("Total Due", f"{sign}3,850.00")], width=40)
    return s.output()


def _read(tmp_path: Path, pdf: bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "invoice.pdf"
    path.write_bytes(pdf)
    return extract(path)


_DATE = ("Date:", "4 December 2026")


# -- 'Antigua' is a town's name too (Antigua Guatemala; Antigua in Fuerteventura) ----------------


@pytest.mark.parametrize(
    ("seller", "code"),
    [(["5a Avenida Norte 12, Antigua", "Sacatepéquez, Guatemala"], "GT"),
     (["Calle Real 12, 35630 Antigua", "Fuerteventura, España"], "ES")],
)  # fmt: skip
def test_a_town_called_antigua_gives_way_to_the_country_line(
    tmp_path: Path, seller: list[str], code: str
) -> None:
    # lead read AG (the alias 'Antigua' on the first address line won the block)
    got = _read(tmp_path, _invoice(seller, [("Invoice No:", "HT-1"), _DATE], sign="€"))
    assert got.seller_country == code


def test_a_buyer_in_antigua_guatemala(tmp_path: Path) -> None:
    # lead read AG
    buyer = ("Café Antigua S.A.", "4a Calle Oriente 10, Antigua", "Guatemala")
    pairs = [("Invoice No:", "HT-1"), _DATE]
    got = _read(tmp_path, _invoice(["1 Quai Voltaire, 75007 Paris", "France"], pairs, sign="€",
                                   buyer=buyer))  # fmt: skip
    assert got.buyer_country == "GT"


def test_antigua_alone_is_still_the_island(tmp_path: Path) -> None:  # guard
    got = _read(tmp_path, _invoice(["Redcliffe Quay, St. John's, Antigua"],
                                   [("Invoice No:", "HT-1"), _DATE], sign="EC$"))  # fmt: skip
    assert got.seller_country == "AG"


# -- '£' on a Gibraltar seller's invoice that prints GBP is sterling ---------------------------


@pytest.mark.parametrize(
    ("seller", "caption"),
    [(["Unit 7, Europort", "Gibraltar GX11 1AA"], "Amount GBP"),
     (["Unit 7, Europort", "Gibraltar GX11 1AA", "All prices in GBP (sterling)"], "Amount")],
)  # fmt: skip
def test_the_pound_with_gbp_printed_is_sterling(
    tmp_path: Path, seller: list[str], caption: str
) -> None:
    # lead read no currency ('GBP' and GIP disagreeing) or GIP; main read GBP
    got = _read(tmp_path, _invoice(seller, [("Invoice No:", "HT-1"), _DATE],
                                   amount_caption=caption))  # fmt: skip
    assert got.currency == "GBP"


def test_the_falklands_pound_named_stays(tmp_path: Path) -> None:  # guard
    seller = ["Ross Road East, Stanley FIQQ 1ZZ", "Falkland Islands", "Prices in FKP, not GBP"]
    got = _read(tmp_path, _invoice(seller, [("Invoice No:", "HT-1"), _DATE]))
    assert got.currency == "FKP"


# -- a pro forma's number on an invoice that follows it ---------------------------------------


@pytest.mark.parametrize(
    "pairs",
    [[("Proforma n° :", "PF-2026-99"), ("Facture n° :", "F-2026-100"), ("Date :", "4 déc. 2026")],
     [("P/I No.:", "PF-2026-99"), ("Invoice No.:", "F-2026-100"), _DATE]],
)  # fmt: skip
def test_the_invoices_own_number_over_its_pro_formas(
    tmp_path: Path, pairs: list[tuple[str, str]]
) -> None:
    # lead read PF-2026-99 (the French label is invoices28's; main read the English one so too)
    got = _read(tmp_path, _invoice(["12 rue de la Paix, 75002 Paris", "France"], pairs,
                                   sign="€", title="FACTURE"))  # fmt: skip
    assert got.invoice_number == "F-2026-100"


def test_a_pro_formas_own_number(tmp_path: Path) -> None:  # guard
    pairs = [("Proforma n° :", "PF-2026-99"), ("Commande n° :", "C-77"), ("Date :", "4 déc. 2026")]
    got = _read(tmp_path, _invoice(["12 rue de la Paix, 75002 Paris", "France"], pairs,
                                   sign="€", title="FACTURE PROFORMA"))  # fmt: skip
    assert (got.type_code, got.invoice_number) == ("325", "PF-2026-99")


# -- the numéro TAHITI before a register's label and number -----------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [("N° TAHITI : D45871 RC 12 458 B", "D45871"), ("N° TAHITI : D458712 RCS Papeete", "D458712"),
     ("N° TAHITI : D45871 RCS 12458 B", "D45871")],
)  # fmt: skip
def test_the_numero_tahiti_not_glued_to_the_register(text: str, want: str) -> None:
    # lead glued the register's label and number on: 'D45871RC12458B', 'D458712RCS'
    assert vat_id(label_matches(text)["vat"].rest) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [("VAT Reg. No. GB 287 6543 21 Company Reg No. 1234", "GB287654321"),
     ("ABST Reg. No.: 0458712", "0458712")],
)  # fmt: skip
def test_other_ids_as_before(text: str, want: str) -> None:  # guard
    assert vat_id(label_matches(text)["vat"].rest) == want


def test_a_tahiti_number_with_a_full_stop_is_not_glued_to_the_next_register() -> None:
    # (final read, session 32) the two N° TAHITI rules made one: a full stop after the id
    # ('D45871. RC 12 458 B') no longer lets the 8-15 rule glue the register's number to it
    from clearlane.documents.layout import vat_id

    assert vat_id("D45871. RC 12 458 B") == "D45871"
    assert vat_id("D45871 RC 12 458 B") == "D45871"
    assert vat_id("D458712") == "D458712"
