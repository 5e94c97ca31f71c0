"""The tests every batch of hand-written invoices gets (tests/documents/test_layouts*.py): each
layout's header fields and line items, read from its text PDF, against the batch's truth,
less what the batch's module says the reader misses or reads otherwise. A batch's module
takes them with one line::

    extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth = (
        batch_tests("unseen6", UNSEEN6, missed=STILL_MISSED)
    )

(module-level names: pytest collects the tests and the ``extracted`` fixture, which the
module's other tests may use, from them; the test ids are each module's own).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence, Set
from decimal import Decimal
from typing import Any

import pytest

from clearlane.documents import extract
from clearlane.documents.models import HEADER_FIELDS, Extraction
from tests.documents.layouts import Layout, write_batch

#: (layout name, line index or None for every line) -> the fields of those line items the
#: reader reads otherwise, with the values it reads.
LinesRead = Mapping[tuple[str, int | None], Mapping[str, Any]]


def batch_tests(
    folder: str,
    layouts: Sequence[Layout],
    *,
    missed: Set[tuple[str, str]] = frozenset(),
    wrong: Mapping[tuple[str, str], str] | None = None,
    lines_read: LinesRead | None = None,
    lines_off: Set[str] = frozenset(),
    exact_lines: bool = True,
    exclude: Set[str] = frozenset(),
) -> tuple[Any, Callable[..., None], Callable[..., None]]:
    """The ``extracted`` fixture (every layout written into a folder named ``folder`` and
    read, once a module) and the header and line-item tests of the batch ``layouts``.

    ``missed``: (layout, field) header fields the reader leaves null (asserted null: not
    found, and not guessed). ``wrong``: (layout, field) -> what the reader reads instead of
    the truth (asserted as read, so that a change shows). ``lines_read``: line-item fields
    read otherwise (:data:`LinesRead`). ``lines_off``: layouts whose line table the reader
    reads wrong or not at all (asserted not the truth, so that a fix shows). ``exact_lines``:
    the line items equal the truth as written, every field; else the description and unit as
    written and the quantity, unit price and amount as numbers (``5000`` is ``5000.00``).
    ``exclude``: layouts neither written nor read here (an image-only page: OCR's, the
    benchmark's)."""
    layouts = [layout for layout in layouts if layout.name not in exclude]
    truths = {layout.name: layout.truth for layout in layouts}
    names = list(truths)
    wrong = wrong or {}
    lines_read = lines_read or {}

    @pytest.fixture(scope="module", name="extracted")
    def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Extraction]:
        paths = write_batch(tmp_path_factory.mktemp(folder), layouts)
        return {name: extract(path) for name, path in paths.items()}

    @pytest.mark.parametrize("name", names)
    @pytest.mark.parametrize("field", HEADER_FIELDS)
    def test_header_field_matches_the_truth(
        extracted: dict[str, Extraction], name: str, field: str
    ) -> None:
        got = getattr(extracted[name], field)
        if (name, field) in missed:
            assert got is None  # not found, and not guessed
        elif (name, field) in wrong:
            assert got == wrong[name, field]
        else:
            assert got == truths[name][field]

    @pytest.mark.parametrize("name", names)
    def test_line_items_match_the_truth(extracted: dict[str, Extraction], name: str) -> None:
        got = [line.model_dump() for line in extracted[name].line_items]
        want = [
            {**line, **lines_read.get((name, None), {}), **lines_read.get((name, index), {})}
            for index, line in enumerate(truths[name]["line_items"])
        ]

        def compare() -> None:
            if exact_lines:
                assert got == want
            else:
                assert len(got) == len(want)
                for line, truth in zip(got, want, strict=True):
                    assert line["description"] == truth["description"]
                    assert line["unit_code"] == truth["unit_code"]
                    for key in ("quantity", "unit_price", "amount"):
                        assert _number(line[key]) == _number(truth[key])

        if name in lines_off:
            with pytest.raises(AssertionError):  # read wrong, as pinned
                compare()
        else:
            compare()
        assert extracted[name].method == "text"

    return extracted, test_header_field_matches_the_truth, test_line_items_match_the_truth


def _number(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)
