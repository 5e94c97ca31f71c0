"""Measure extraction and cross-check on a folder written by
:func:`clearlane.generate.documents.generate_documents` (used by the tests and the benchmark).

Field accuracy: a field is right when it equals the truth; text fields (names, descriptions)
are compared on their letters and digits (case, spaces and punctuation ignored, as the
cross-check compares names), everything else exactly. Discrepancy recall:
of the planted discrepancies, the share whose code the cross-check raised. False alarms: codes
raised that no planted discrepancy explains (``may_raise`` in the truth), per document.
``hs_check`` (e.g. :func:`clearlane.documents.service.shipped_hs_check`) adds the check of each
line's description against its declared HS code, as the stored extractions run it.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearlane.documents.crosscheck import HsCheck, crosscheck
from clearlane.documents.extraction import extract
from clearlane.documents.models import HEADER_FIELDS, LINE_FIELDS, Extraction, LineItem

TEXT_FIELDS = {"seller_name", "buyer_name", "description"}


def same(name: str, got: str | None, want: str | None) -> bool:
    if got is None or want is None:
        return got == want
    if name in TEXT_FIELDS:
        return re.sub(r"[\W_]+", "", got).lower() == re.sub(r"[\W_]+", "", want).lower()
    return got == want


@dataclass
class DocumentScore:
    file: str
    kind: str
    pages: int
    seconds: float
    right: dict[str, bool]
    planted: list[str]
    raised: list[str]
    truth_raised: list[str]  # the cross-check run on the truth (no extraction error)
    may_raise: list[str]
    cpu_seconds: float = 0.0  # process CPU time, all threads: load-independent
    wrong: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field: (got, truth)


@dataclass
class Evaluation:
    documents: list[DocumentScore] = field(default_factory=list)

    def accuracy(self, kind: str | None = None) -> dict[str, float]:
        """Per field: the share of documents (of ``kind``) where it was right."""
        docs = [d for d in self.documents if kind is None or _family(d.kind) == kind]
        names = list(HEADER_FIELDS) + ["line_items"]
        return {
            n: sum(d.right.get(n, False) for d in docs) / len(docs) if docs else float("nan")
            for n in names
        }

    def recall(self, *, on_truth: bool = False) -> float:
        planted = found = 0
        for d in self.documents:
            raised = set(d.truth_raised if on_truth else d.raised)
            for code in d.planted:
                planted += 1
                found += code in raised
        return found / planted if planted else float("nan")

    def false_alarms(self, *, on_truth: bool = False) -> tuple[int, int]:
        """(documents with an unexplained code, documents with no planted discrepancy)."""
        clean = [d for d in self.documents if not d.planted]
        alarms = sum(
            bool(set(d.truth_raised if on_truth else d.raised) - set(d.may_raise)) for d in clean
        )
        return alarms, len(clean)


def _family(kind: str) -> str:
    return {"facturx": "xml", "cii": "xml", "ubl": "xml", "text": "text"}.get(kind, "scan")


def _truth_extraction(truth: dict[str, Any]) -> Extraction:
    return Extraction(
        **{n: truth[n] for n in HEADER_FIELDS},
        line_items=[LineItem(**line) for line in truth["line_items"]],
    )


def evaluate_folder(
    folder: Path, *, limit: int | None = None, hs_check: HsCheck | None = None
) -> Evaluation:
    folder = Path(folder)
    declarations = {}
    with (folder / "declarations.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            declarations[record["reference"]] = record
    result = Evaluation()
    for path in sorted(folder.glob("*.truth.json"))[:limit]:
        truth = json.loads(path.read_text(encoding="utf-8"))
        declaration = declarations[truth["declaration_reference"]]
        started, cpu = time.perf_counter(), time.process_time()
        got = extract(folder / truth["file"])
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        right = {n: same(n, getattr(got, n), truth[n]) for n in HEADER_FIELDS}
        right["line_items"] = len(got.line_items) == len(truth["line_items"]) and all(
            same(k, getattr(line, k), want[k])
            for line, want in zip(got.line_items, truth["line_items"], strict=False)
            for k in LINE_FIELDS
        )
        result.documents.append(
            DocumentScore(
                file=truth["file"],
                kind=truth["kind"],
                pages=max(got.pages, 1),
                seconds=seconds,
                right=right,
                planted=truth["planted"],
                raised=sorted({d.code for d in crosscheck(got, declaration, hs_check=hs_check)}),
                truth_raised=sorted(
                    {
                        d.code
                        for d in crosscheck(
                            _truth_extraction(truth), declaration, hs_check=hs_check
                        )
                    }
                ),
                may_raise=truth["may_raise"],
                cpu_seconds=cpu,
                wrong={
                    n: (getattr(got, n), truth[n])
                    if n != "line_items"
                    else ([line.model_dump() for line in got.line_items], truth[n])
                    for n, ok in right.items()
                    if not ok
                },  # fmt: skip
            )
        )
    return result
