"""The invoice against its declaration: reason codes with both values, recall on planted
discrepancies, no false alarms on clean pairs."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from clearlane.documents import extract
from clearlane.documents.crosscheck import (
    TRADER_MESSAGE,
    crosscheck,
    discrepancy_facts,
    normalise_name,
    same_party,
)
from clearlane.documents.evaluate import evaluate_folder
from clearlane.documents.models import Extraction, LineItem
from clearlane.generate.documents import DocumentsSummary, generate_documents
from tests.documents.conftest import declarations, truths


def test_names_match_across_legal_forms_case_and_word_order() -> None:
    assert normalise_name("Ocean Horizon Manufacturing Co., Ltd.") == "ocean horizon manufacturing"
    for a, b in [
        ("Ocean Horizon Manufacturing Co., Ltd.", "OCEAN HORIZON MANUFACTURING COMPANY LIMITED"),
        ("Zeeland Supplies B.V.", "Supplies Zeeland BV"),
        ("Atlas GmbH", "ATLAS G.m.b.H."),
        ("UnityRainbowEnterprise CompanyLimited", "Unity Rainbow Enterprise Co., Ltd."),
    ]:
        assert same_party(a, b)[0], (a, b)
    for a, b in [
        ("Zeeland Supplies B.V.", "Northwind Trading Ltd."),
        ("Golden Lotus Export Co., Ltd.", "Ocean Horizon Manufacturing Co., Ltd."),
    ]:
        assert not same_party(a, b)[0], (a, b)


def _declaration() -> dict:
    return {
        "reference": "25NL101000000001I1",
        "declaration_date": "2025-01-10",
        "invoice_number": "INV-2500001",
        "invoice_currency": "USD",
        "invoice_total": 1000.0,
        "exchange_rate": 0.9,
        "customs_value": 950.0,
        "incoterm": "FOB",
        "importer": {"id": "NL1", "name": "Zeeland Supplies B.V.", "country": "NL"},
        "exporter": {"id": "CN1", "name": "Ocean Horizon Co., Ltd.", "country": "CN"},
        "items": [
            {"seq": 1, "quantity": 10, "item_value": 600.0},
            {"seq": 2, "quantity": 40, "item_value": 400.0},
        ],
    }


def _invoice() -> Extraction:
    return Extraction(
        invoice_number="INV-2500001",
        issue_date="2025-01-02",
        currency="USD",
        seller_name="OCEAN HORIZON COMPANY LIMITED",
        buyer_name="Zeeland Supplies BV",
        tax_exclusive_total="1000.00",
        grand_total="1000.00",
        line_items=[
            LineItem(quantity="10", unit_price="60", amount="600.00"),
            LineItem(quantity="40", unit_price="10", amount="400.00"),
        ],
    )


def test_a_matching_invoice_raises_nothing() -> None:
    assert crosscheck(_invoice(), _declaration()) == []


def test_each_discrepancy_is_a_code_with_both_values() -> None:
    invoice = _invoice()
    invoice.invoice_number = "INV-2500077"
    invoice.issue_date = "2025-01-20"
    invoice.buyer_name = "Northwind Trading Ltd."
    invoice.tax_exclusive_total = "1800.00"
    invoice.line_items[0].unit_price = "140"
    invoice.line_items[1].quantity = "55"
    found = {d.code: d for d in crosscheck(invoice, _declaration())}
    assert set(found) == {
        "INVOICE_NUMBER_MISMATCH",
        "INVOICE_DATE_AFTER_DECLARATION",
        "BUYER_MISMATCH",
        "INVOICE_TOTAL_MISMATCH",
        "CUSTOMS_VALUE_BELOW_INVOICE",
        "LINE_UNIT_PRICE_MISMATCH",
        "LINE_QUANTITY_MISMATCH",
    }
    assert found["INVOICE_TOTAL_MISMATCH"].invoice_value == "1800.00"
    assert found["INVOICE_TOTAL_MISMATCH"].declared_value == "1000.0"
    assert found["CUSTOMS_VALUE_BELOW_INVOICE"].invoice_value == "1620.00"  # 1800 x 0.9
    assert found["LINE_QUANTITY_MISMATCH"].field == "line_items[1].quantity"
    assert (found["LINE_UNIT_PRICE_MISMATCH"].invoice_value,
            found["LINE_UNIT_PRICE_MISMATCH"].declared_value) == ("140", "60.0000")  # fmt: skip
    assert TRADER_MESSAGE == "document query"


def test_d_terms_allow_a_customs_value_below_the_invoice() -> None:
    declaration = _declaration() | {"customs_value": 850.0}  # 1000 x 0.9 = 900
    assert [d.code for d in crosscheck(_invoice(), declaration)] == ["CUSTOMS_VALUE_BELOW_INVOICE"]
    assert crosscheck(_invoice(), declaration | {"incoterm": "DAP"}) == []


def test_currency_mismatch_is_not_also_a_total_mismatch() -> None:
    invoice = _invoice()
    invoice.currency = "EUR"
    invoice.tax_exclusive_total = "880.00"
    codes = [d.code for d in crosscheck(invoice, _declaration())]
    assert codes == ["CURRENCY_MISMATCH"]


def test_discrepancy_facts_has_one_row_per_declaration() -> None:
    invoice = _invoice()
    invoice.currency = "EUR"
    frame = discrepancy_facts(
        {"A": crosscheck(invoice, _declaration()), "B": crosscheck(_invoice(), _declaration())}
    )
    assert list(frame.index) == ["A", "B"]
    assert frame.loc["A", "doc_currency_mismatch"] == 1
    assert frame.loc["B", "doc_discrepancies"] == 0
    assert frame.loc["A", "doc_buyer_mismatch"] == 0


def test_recall_and_false_alarms_on_planted_discrepancies(tmp_path) -> None:
    """On XML and text documents (exact extraction): every planted discrepancy is found and
    no clean pair raises an unexplained code."""
    summary = generate_documents(count=40, seed=11, out_dir=tmp_path)
    for path in tmp_path.glob("*.truth.json"):  # keep the fast kinds: OCR is measured apart
        if '"kind": "scan' in path.read_text():
            path.unlink()
    evaluation = evaluate_folder(summary.out_dir)
    planted = sum(len(d.planted) for d in evaluation.documents)
    assert planted >= 8
    assert evaluation.recall() == 1.0
    alarms, clean = evaluation.false_alarms()
    assert clean >= 8 and alarms == 0


def test_generated_pairs_agree_except_where_planted(documents: DocumentsSummary) -> None:
    decls = declarations(documents.out_dir)
    for truth in truths(documents.out_dir):
        if truth["kind"].startswith("scan"):
            continue
        found = {d.code for d in crosscheck(extract(documents.out_dir / truth["file"]),
                                            decls[truth["declaration_reference"]])}  # fmt: skip
        assert set(truth["planted"]) <= found
        assert found <= set(truth["may_raise"]), truth["file"]


def test_crosscheck_does_not_change_the_declaration() -> None:
    declaration = _declaration()
    before = copy.deepcopy(declaration)
    crosscheck(_invoice(), declaration)
    assert declaration == before


def test_an_hs_check_plugs_in_per_line() -> None:
    from types import SimpleNamespace

    declaration = _declaration()
    declaration["items"][0] |= {"hs_code": "610910", "description": "T-shirts, of cotton"}
    declaration["items"][1] |= {"hs_code": "850440", "description": "Static converters"}
    invoice = _invoice()
    invoice.line_items[0].description = "men's cotton t-shirts"
    invoice.line_items[1].description = "frozen fish fillets"
    asked = []

    def verdict(description: str, code: str) -> SimpleNamespace:
        asked.append((description, code))
        if code.startswith("61"):
            return SimpleNamespace(plausibility=0.9, best_code="610910", reason_code=None)
        return SimpleNamespace(plausibility=0.01, best_code="030489",
                               reason_code="HS_DESCRIPTION_MISMATCH_CHAPTER")  # fmt: skip

    found = crosscheck(invoice, declaration, hs_check=verdict)
    assert asked == [("men's cotton t-shirts", "610910"), ("frozen fish fillets", "850440")]
    assert [(d.code, d.field, d.invoice_value, d.declared_value) for d in found] == [
        ("LINE_DESCRIPTION_HS_MISMATCH", "line_items[1].description", "frozen fish fillets",
         "850440")
    ]  # fmt: skip
    assert found[0].detail.endswith("(plausibility 0.01; fits 0304.89)")
    assert crosscheck(invoice, declaration) == []  # no check given, nothing claimed


def test_a_low_sibling_subheading_or_an_unknown_code_is_not_a_line_mismatch() -> None:
    from types import SimpleNamespace

    declaration = _declaration()
    declaration["items"][0]["hs_code"] = "610990"
    declaration["items"][1]["hs_code"] = "999999"
    invoice = _invoice()
    invoice.line_items[0].description = "men's cotton t-shirts"
    invoice.line_items[1].description = "frozen fish fillets"
    sibling = SimpleNamespace(plausibility=0.05, best_code="610910",
                              reason_code="HS_DESCRIPTION_MISMATCH_SUBHEADING")  # fmt: skip
    verdicts = {"610990": sibling, "999999": None}
    assert crosscheck(invoice, declaration, hs_check=lambda d, c: verdicts[c]) == []


def test_a_line_described_as_its_item_is_left_to_the_items_own_hs_check() -> None:
    declaration = _declaration()
    declaration["items"][0] |= {"hs_code": "850440", "description": "FROZEN fish-fillets"}
    invoice = _invoice()
    invoice.line_items[0].description = "Frozen fish fillets"
    asked: list[tuple[str, str]] = []
    crosscheck(invoice, declaration, hs_check=lambda d, c: asked.append((d, c)))  # type: ignore[func-returns-value]
    assert asked == []


def test_cli_crosscheck_lists_the_planted_discrepancy(documents: DocumentsSummary) -> None:
    import json

    from typer.testing import CliRunner

    from clearlane.cli import app

    truth = next(
        t for t in truths(documents.out_dir) if t["planted"] and t["kind"] in ("text", "cii")
    )
    done = CliRunner().invoke(
        app,
        [
            "documents", "crosscheck", str(documents.out_dir / truth["file"]),
            "--declarations", str(documents.out_dir / "declarations.jsonl"),
            "--reference", truth["declaration_reference"], "--json",
        ],
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    codes = {d["code"] for d in json.loads(done.stdout)}
    assert set(truth["planted"]) <= codes <= set(truth["may_raise"])
    missing = CliRunner().invoke(
        app,
        ["documents", "crosscheck", str(documents.out_dir / truth["file"]),
         "--declarations", str(documents.out_dir / "declarations.jsonl"), "--reference", "NOPE"],
    )  # fmt: skip
    assert missing.exit_code == 2 and "NOPE" in missing.output


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        (b"[1, 2]\n", "declarations.jsonl:line 1: expected an object, got list"),
        (b'{"reference": "A"}\n"text"\n', "declarations.jsonl:line 2: expected an object, got str"),
        (b"[" * 100_000 + b"\n", "declarations.jsonl:line 1: JSON nested more than 32 levels"),
        (b'{"reference": "\xe9"}\n', "declarations.jsonl: line 1: byte 0xe9 at column 16 is not"),
    ],
    ids=["list", "string", "deep", "latin-1"],
)
def test_cli_crosscheck_names_the_line_of_an_unreadable_declarations_file(
    documents: DocumentsSummary, tmp_path: Path, lines: bytes, problem: str
) -> None:
    """A line that is no JSON object, nested past the parser's recursion or not UTF-8 raised
    AttributeError, RecursionError or UnicodeDecodeError: a traceback instead of an error."""
    from typer.testing import CliRunner

    from clearlane.cli import app

    truth = next(t for t in truths(documents.out_dir) if t["kind"] in ("text", "cii"))
    bad = tmp_path / "declarations.jsonl"
    bad.write_bytes(lines)
    done = CliRunner().invoke(
        app,
        ["documents", "crosscheck", str(documents.out_dir / truth["file"]),
         "--declarations", str(bad), "--reference", "B"],
    )  # fmt: skip
    assert done.exit_code == 2, done.output
    assert problem.lower() in " ".join(done.output.split()).lower()


def test_cli_crosscheck_names_an_unknown_encoding(
    documents: DocumentsSummary, tmp_path: Path
) -> None:
    """``--encoding`` (new with the line-by-line reading) named no codec: LookupError, a
    traceback instead of an error."""
    from typer.testing import CliRunner

    from clearlane.cli import app

    truth = next(t for t in truths(documents.out_dir) if t["kind"] in ("text", "cii"))
    done = CliRunner().invoke(
        app,
        ["documents", "crosscheck", str(documents.out_dir / truth["file"]),
         "--declarations", str(documents.out_dir / "declarations.jsonl"),
         "--reference", truth["declaration_reference"], "--encoding", "no-such-codec"],
    )  # fmt: skip
    assert done.exit_code == 2, done.output
    assert "--encoding" in done.output and "no-such-codec" in done.output
