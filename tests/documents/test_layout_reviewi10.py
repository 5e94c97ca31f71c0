"""Session 25 (review i10 of invoices21): what invoices21's rules read wrong on pages written
to trap them (batch 24, tests/documents/layouts_batch24.py, and the pages here). 7 of the 14
cases fail on lead 3f3ba7d; the others hold what was and stays right.

- invoices21 took a Cyrillic 'ФАКТУРА' anywhere in a title for an invoice (380): a Bulgarian
  'ПРОФОРМА ФАКТУРА' is a pro forma (325), a 'КРЕДИТНО ИЗВЕСТИЕ към фактура № …' a credit note
  (381), a 'ДЕБИТНО ИЗВЕСТИЕ' a debit note (383), as their Latin-script titles are.
- invoices21 took a date under the title as the title's own: only a date alone is ('2026 yil
  12 may', 'ад 15 студзеня 2026 г.'); 'Due 30 June 2026' or 'Delivered 28 May 2026' under it
  is another date, not the issue date.
- invoices21 took any value beside a bare VAT label ('VAT No.:' | 'RC 1234567'): a value whose
  first word is letters is an id only after a country's code ('MT 1234 5678').
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clearlane.documents import extract
from tests.documents.layouts_batch15 import _block, _totals
from tests.documents.layouts_unseen2 import Sheet2


def _page(title: str, under: str | None = None) -> bytes:
    s = Sheet2()
    s.text(60, 10, title, size=13, bold=True)
    if under is not None:
        s.text(62, 18, under, size=9)
    _block(s, 15, 28, ["Агро Трейд ЕООД", "ул. Витоша 12, София, България"], size=8,
           bold_first=True)  # fmt: skip
    _totals(s, 100, 155, 60, [("Общо:", "1 200,00 лв.")], width=40, size=8.5)
    return s.output()


def _read(tmp_path: Path, title: str, under: str | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.pdf"
    path.write_bytes(_page(title, under))
    return extract(path)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("ПРОФОРМА ФАКТУРА № 0000123", "325"),
        ("ПРО ФОРМА ФАКТУРА № 0000123", "325"),
        ("КРЕДИТНО ИЗВЕСТИЕ № 45 към фактура № 0000123", "381"),
        ("ДЕБИТНО ИЗВЕСТИЕ № 46 към фактура № 0000123", "383"),
        ("ФАКТУРА № 0000123", "380"),  # (still an invoice)
    ],
)
def test_a_cyrillic_title_names_its_document_type(tmp_path: Path, title: str, code: str) -> None:
    assert _read(tmp_path, title).type_code == code


@pytest.mark.parametrize(
    ("under", "iso"),
    [
        ("Due 30 June 2026", None),
        ("Delivered 28 May 2026", None),
        ("Payable by 30 June 2026", None),
        ("30 June 2026", "2026-06-30"),  # (the title's own date, alone)
        ("dated 30 June 2026", "2026-06-30"),
    ],
)
def test_only_a_date_alone_under_the_title_is_its_date(
    tmp_path: Path, under: str, iso: str | None
) -> None:
    assert _read(tmp_path, "INVOICE No. 5521", under).issue_date == iso


def _seller(tmp_path: Path, label: str, beside: str):  # type: ignore[no-untyped-def]
    s = Sheet2()
    s.text(130, 10, "INVOICE No. 77", size=12, bold=True)
    s.text(15, 10, "Seller:", size=8)
    s.text(15, 15, "Sahel Haulage Nigeria Limited", size=8, bold=True)
    s.text(15, 19.6, "12 Main St, Lagos, Nigeria", size=8)
    s.text(15, 24.2, label, size=8)
    s.text(40, 24.2, beside, size=8)
    _totals(s, 100, 155, 70, [("Total:", "790.00")], width=40, size=8.5)
    path = tmp_path / "seller.pdf"
    path.write_bytes(s.output())
    return extract(path)


@pytest.mark.parametrize(
    ("label", "beside", "vat"),
    [
        # another register's number beside a bare VAT label ('RC', Nigeria's company register):
        # no VAT id, not that number (invoices21 read 'RC1234567')
        ("VAT No.:", "RC 1234567", None),
        ("VAT No.:", "Reg. No. 1234567", None),
        # the id itself beside its label, as invoices21 read it
        ("VAT No.:", "NG 12345678-0001", "NG123456780001"),
        ("VAT No.:", "12345678-0001", "123456780001"),
    ],
)
def test_a_bare_vat_label_takes_an_id_beside_it_not_another_number(
    tmp_path: Path, label: str, beside: str, vat: str | None
) -> None:
    assert _seller(tmp_path, label, beside).seller_vat_id == vat
