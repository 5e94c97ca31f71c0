"""The review of invoices12's rules (commit 97e1681): the fourteenth batch
(tests/documents/layouts_review13.py: REVIEW13, written before those rules were read) and the
defects the review found, each on a small input of its own. Figures in docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from clearlane.documents.models import Extraction
from tests.documents.batches import batch_tests
from tests.documents.layouts import read_page
from tests.documents.layouts_review13 import REVIEW13

# (layout, field) header fields the reader leaves null.
STILL_MISSED: set[tuple[str, str]] = {
    ("nl-bank-footer", "buyer_name"),  # 'Aan' is no buyer label
    ("nl-bank-footer", "buyer_country"),
    ("gb-letter-contract", "issue_date"),  # a letter's unlabelled date
    ("gb-letter-contract", "tax_exclusive_total"),  # 'Fees' is no net label
}
# (layout, field) -> what the reader reads instead of the truth.
# (us-eur-account's currency was EUR on 97e1681: the bank details' 'Currency: EUR')
READ_OTHERWISE: dict[tuple[str, str], str] = {}
LINES_OFF: set[str] = set()  # (nl-bank-footer's 'Eenh.' reads as the unit's header since batch15)

extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = batch_tests(
    "review13", REVIEW13, missed=STILL_MISSED, wrong=READ_OTHERWISE, lines_off=LINES_OFF,
    exact_lines=False,
)  # fmt: skip


def _invoice(tmp_path: Path, buyer: list[str], extra: list[tuple[float, float, str, float]] = ()
             ) -> Extraction:  # fmt: skip
    texts = [
        (15, 12, "Northgate Supplies Ltd", 14),
        (15, 20, "4 Mill Road, Leeds LS1 4AB, United Kingdom", 8.5),
        (150, 12, "INVOICE", 16), (120, 24, "Invoice No.: NS-100", 9),
        (120, 29, "Date: 03/03/2026", 9), (15, 44, "Bill To:", 9),
        *[(15, 49 + 4 * i, line, 8.5) for i, line in enumerate(buyer)],
        (15, 80, "Description", 8.5), (150, 80, "Amount", 8.5), (15, 87, "Widget", 8.5),
        (150, 87, "100.00", 8.5), (110, 100, "Total USD", 9), (150, 100, "100.00", 9),
        *extra,
    ]  # fmt: skip
    return read_page(tmp_path, texts)


def test_a_currency_among_the_bank_details_is_the_accounts(tmp_path: Path) -> None:
    # invoices12 read 'Currency: VND' as one piece: a 'Currency: EUR' under the bank's
    # name and IBAN became a USD invoice's currency
    bank = [
        (15, 110, "Remit to (EUR account):", 8),
        (15, 114, "Deutsche Bank AG", 8),
        (15, 118, "IBAN DE89 3704 0044 0532 0130 00", 8),
        (15, 122, "Currency: EUR", 8),
    ]
    assert _invoice(tmp_path, ["Acme Trading Ltd", "12 High Street"], bank).currency == "USD"
    # the invoice's own 'Currency: EUR' in its header still reads
    own = [(120, 34, "Currency: EUR", 9)]
    assert _invoice(tmp_path, ["Acme Trading Ltd", "12 High Street"], own).currency == "EUR"


def test_a_second_line_of_another_party_or_a_short_first_line_is_no_wrapped_name(
    tmp_path: Path,
) -> None:
    # invoices12 joined a name's second line when it brings a legal form the first lacks:
    # a care-of line, a bracketed legal name, a person over the company, a branch
    for lines, want in [
        (["Northwind Traders", "c/o Global Logistics Ltd"], "Northwind Traders"),
        (["Hughes Heating & Plumbing", "(Gareth Hughes Ltd)"], "Hughes Heating & Plumbing"),
        (["John Smith", "Acme Trading Ltd"], "John Smith"),
        (["Acme Trading", "Northern Branch Ltd"], "Acme Trading"),
    ]:
        got = _invoice(tmp_path, [*lines, "7 Station Road", "Keighley BD21 4AA, United Kingdom"])
        assert got.buyer_name == want, lines
    # a name wrapped over two lines, its legal form on the second, still joins
    got = _invoice(tmp_path, ["Kapadokya Hali ve Kilim Sanayi", "Ticaret Ltd. Sti.",
                              "Atatürk Bulvarı 12", "Nevşehir, Turkey"])  # fmt: skip
    assert got.buyer_name == "Kapadokya Hali ve Kilim Sanayi Ticaret Ltd. Sti."


def _footer_page(tmp_path: Path, footer: list[str]) -> Extraction:
    texts = [
        (15, 12, "SAKURA", 20), (150, 12, "INVOICE", 16), (120, 24, "Invoice No.: SB-1", 9),
        (120, 29, "Date: 03/03/2026", 9), (15, 44, "Bill To:", 9),
        (15, 49, "Midwest Motion Inc.", 8.5),
        (15, 53, "1200 Industrial Pkwy, Columbus, OH 43215, USA", 8.5),
        (15, 80, "Description", 8.5), (150, 80, "Amount", 8.5), (15, 87, "Widget", 8.5),
        (150, 87, "100.00", 8.5), (110, 100, "Total USD", 9), (150, 100, "100.00", 9),
        *[(15, 265 + 4 * i, line, 7) for i, line in enumerate(footer)],
    ]  # fmt: skip
    return read_page(tmp_path, texts)


def test_a_footer_naming_a_group_or_a_captioned_company_gives_no_seller(tmp_path: Path) -> None:
    # invoices12's footer rule took the parent group's details for the issuer's, and kept a
    # caption in the name ('Registered office: Hanami Holdings Co., Ltd.')
    group = "Hanami Holdings Co., Ltd. · 1-1-1 Marunouchi, Tokyo 100-0005 · Japan"
    for footer in ([group, "Sakura Bearing is a member of the Hanami Group"],
                   ["A subsidiary of the Hanami Group", group],
                   [f"Registered office: {group}"]):  # fmt: skip
        assert _footer_page(tmp_path, footer).seller_name is None, footer
    # the issuer's own details in the footer still name the seller
    got = _footer_page(tmp_path, ["Sakura Bearing Co., Ltd. · 3-5-2 Nishi-ku, Osaka · Japan"])
    assert (got.seller_name, got.seller_country) == ("Sakura Bearing Co., Ltd.", "JP")
