"""The demo's ingest lines (found running `make demo` twice: the second run said "stored
20000" of a file whose 20,000 declarations were all stored already, while the manifests'
lines said "0 new + 12213 unchanged")."""

from __future__ import annotations

from rich.console import Console

from clearlane.demo import _print_report
from clearlane.ingest.pipeline import IngestReport


def _line(report: IngestReport) -> str:
    console = Console(record=True, width=200)
    _print_report(console, "declarations.csv", report)
    return console.export_text()


def test_a_repeated_ingest_says_the_records_were_already_stored() -> None:
    again = IngestReport(source="s", format="csv", kind="declarations", received=20, unchanged=18,
                         amended=1, new=1)  # fmt: skip
    line = _line(again)
    assert "received 20, stored 20, quarantined 0" in line
    assert "(new 1, amended 1, already stored 18)" in line


def test_a_first_ingest_keeps_the_short_line() -> None:
    first = IngestReport(source="s", format="csv", kind="declarations", received=5, new=4,
                         quarantined=1)  # fmt: skip
    line = _line(first)
    assert "received 5, stored 4, quarantined 1" in line and "already stored" not in line
