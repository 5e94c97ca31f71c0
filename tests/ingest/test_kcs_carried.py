"""Shapes of a later KCS export that earlier sessions carried, not fixed: labels written as
booleans, the published data set's Korean header, "1,234" in a column whose decimal mark is
not known, Declaration IDs with leading zeros, placeholder dates (1900-01-01, 9999-12-31).

The shapes were written and read before the reader was changed; the first reading is in
docs/formats.md (KCS, "Carried shapes").
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import select, text

from clearlane.ingest.parse import read_frame
from clearlane.ingest.readers.base import FileRejected
from tests.ingest.test_kcs_exports import PLAIN
from tests.ingest.test_kcs_shapes import COLUMNS, label, read, write

# The header of the data set's Korean files (df_syn_train.csv, df_syn_valid.csv, ... in
# Seondong/Customs-Declaration-Datasets): the same rows as the *_eng.csv files, column for
# column, in the order of KCS_COLUMNS + LABEL_COLUMNS (HS10 and the mass with its unit).
KOREAN = (
    "신고번호,신고일자,신고세관부호,수입신고구분코드,수입거래구분코드,수입종류코드,징수형태코드,"
    "운송수단유형코드,신고인부호,수입자,해외거래처부호,특송업체부호,HS10단위부호,적출국가코드,"
    "원산지국가코드,관세율,관세율구분코드,원산지표시유무코드,신고중량(KG),과세가격원화금액,우범여부,"
    "핵심적발"
).split(",")


def errors_of(record) -> list:
    return [i for i in record.issues if i.is_error()]


# ---- labels written as booleans ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fraud", "critical", "expected"),
    [
        ("Y", "N", ("non_compliant", "revenue")),
        ("N", "N", ("compliant", "none")),
        ("TRUE", "FALSE", ("non_compliant", "revenue")),
        ("False", "false", ("compliant", "none")),
        ("yes", "no", ("non_compliant", "revenue")),
        ("No", "", ("compliant", "none")),
        ("y", "", ("non_compliant", "revenue")),
        ("1.0", "0.0", ("non_compliant", "revenue")),
        # a boolean Critical Fraud says fraud or not; it cannot say 2 (critical)
        ("N", "Y", ("non_compliant", "revenue")),
        ("", "TRUE", ("non_compliant", "revenue")),
        ("", "N", None),  # as a lone 0: says nothing of revenue fraud
    ],
)
def test_labels_written_as_booleans_are_read_as_1_and_0(
    tmp_path: Path, fraud: str, critical: str, expected: tuple[str, str] | None
) -> None:
    rows = [{"Declaration ID": "1", "Fraud": fraud, "Critical Fraud": critical}]
    (record,) = read(write(tmp_path / "k.csv", rows))
    assert label(record) == expected


@pytest.mark.parametrize("value", ["T", "F", "maybe", "si", "ja", "Y/N", "YES!", "0x1", "t"])
@pytest.mark.parametrize("column", ["Fraud", "Critical Fraud"])
def test_other_label_words_are_quarantined_naming_file_line_and_column(
    tmp_path: Path, column: str, value: str
) -> None:
    good, bad = read(write(tmp_path / "k.csv", [{}, {"Declaration ID": "2", column: value}]))
    assert good.accepted and not bad.accepted
    (issue,) = errors_of(bad)
    assert issue.reason.value == "wrong_type" and issue.field == column
    assert "k.csv:line 3" in issue.message and repr(value) in issue.message


# ---- the Korean header of the published data set --------------------------------------------


def test_the_published_korean_header_is_read_as_the_english_one(tmp_path: Path) -> None:
    english = write(tmp_path / "eng.csv", PLAIN)
    korean = write(tmp_path / "kor.csv", PLAIN, header=KOREAN)
    # write() maps cells by position in COLUMNS; the Korean header is the same order
    a, b = read(english), read(korean)
    assert all(r.accepted for r in b), [r.issues for r in b]
    assert [r.declaration for r in b] == [r.declaration for r in a]
    assert [r.controls for r in b] == [r.controls for r in a]
    pd.testing.assert_frame_equal(
        read_frame(korean, "kcs"), read_frame(english, "kcs"), check_exact=True
    )


def test_a_header_in_neither_language_names_the_english_columns_expected(tmp_path: Path) -> None:
    header = ["번호", *COLUMNS[1:]]  # a Korean name that is not the data set's
    with pytest.raises(FileRejected) as caught:
        read(write(tmp_path / "k.csv", [{}], header=header))
    message = str(caught.value)
    assert "k.csv" in message and "'Declaration ID'" in message and "'번호'" in message


# ---- "1,234": a thousands comma or a decimal comma -------------------------------------------


def test_1_234_is_read_as_1234_when_its_column_writes_decimal_points(tmp_path: Path) -> None:
    rows = [
        {"Declaration ID": "1", "Net Mass": "1,234"},
        {"Declaration ID": "2", "Net Mass": "108.5"},
    ]
    first, _ = read(write(tmp_path / "k.csv", rows))
    assert first.accepted and first.declaration.items[0].net_mass_kg == 1234


def test_1_234_is_read_as_1234_when_its_column_has_several_groups(tmp_path: Path) -> None:
    rows = [
        {"Declaration ID": "1", "Item Price": "372,254"},
        {"Declaration ID": "2", "Item Price": "1,372,254"},
    ]
    first, second = read(write(tmp_path / "k.csv", rows))
    assert first.declaration.items[0].customs_value == 372254
    assert second.declaration.items[0].customs_value == 1372254


@pytest.mark.parametrize(
    "other",
    [
        "108,5",  # a decimal comma in the same column: "1,234" may be 1.234
        "108",  # no cell says which: "1,234" is 1234 or 1.234
    ],
)
def test_1_234_is_quarantined_when_its_column_does_not_say_its_decimal_mark(
    tmp_path: Path, other: str, sqlite_store
) -> None:
    from clearlane.ingest.pipeline import ingest_file

    rows = [
        {"Declaration ID": "1", "Net Mass": other},
        {"Declaration ID": "2", "Net Mass": "1,234"},
        # a point in another column says nothing of this one
        {"Declaration ID": "3", "Net Mass": "108", "Item Price": "1,234.5"},
    ]
    path = write(tmp_path / "k.csv", rows)
    _, ambiguous, fine = read(path)
    assert fine.accepted
    assert not ambiguous.accepted
    (issue,) = errors_of(ambiguous)
    assert issue.reason.value == "wrong_type" and issue.field == "Net Mass"
    assert "k.csv:line 3" in issue.message and "'1,234'" in issue.message
    report = ingest_file(path, session_factory=sqlite_store)
    assert report.reconciles, report.as_dict()
    assert report.received == 3
    assert report.quarantined == (2 if other == "108,5" else 1)


# ---- Declaration IDs keep their text ----------------------------------------------------------


def test_a_declaration_id_keeps_its_leading_zeros(tmp_path: Path, sqlite_store) -> None:
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.tables import ControlResultRow, DeclarationRow

    rows = [
        {"Declaration ID": "000123", "Fraud": "1"},
        {"Declaration ID": "123", "Fraud": "0"},
        {"Declaration ID": "97061800.0"},  # pandas' float of an integer column: the integer
    ]
    path = write(tmp_path / "k.csv", rows)
    padded, plain, decimal = read(path)
    assert padded.declaration.reference == "000123"
    assert padded.controls[0].declaration_reference == "000123"
    assert plain.accepted and plain.declaration.reference == "123"
    assert decimal.declaration.reference == "97061800"
    report = ingest_file(path, session_factory=sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (3, 3, 0)
    with sqlite_store() as session:
        linked = session.execute(
            select(DeclarationRow.reference, ControlResultRow.outcome).join(
                ControlResultRow, ControlResultRow.declaration_reference == DeclarationRow.reference
            )
        ).all()
    assert sorted((ref, str(getattr(o, "value", o))) for ref, o in linked) == [
        ("000123", "non_compliant"),
        ("123", "compliant"),
        ("97061800", "compliant"),
    ]
    frame = read_frame(path, "kcs")
    assert sorted(frame["reference"]) == ["000123", "123", "97061800"]


# ---- placeholder dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["19000101", "1900-01-01", "9999-12-31", "0001-01-01", "1899-12-30", "1970-01-01"]
)
def test_a_placeholder_date_is_quarantined_naming_the_cell(
    tmp_path: Path, value: str, sqlite_store
) -> None:
    from clearlane.ingest.pipeline import ingest_file

    path = write(tmp_path / "k.csv", [{}, {"Declaration ID": "2", "Date": value}])
    good, bad = read(path)
    assert good.accepted and not bad.accepted
    (issue,) = errors_of(bad)
    assert issue.reason.value == "invalid_date" and issue.field == "Date"
    assert "k.csv:line 3" in issue.message and repr(value) in issue.message
    report = ingest_file(path, session_factory=sqlite_store)
    assert (report.received, report.stored, report.quarantined) == (2, 1, 1)


def test_the_first_day_of_the_hs_is_a_date(tmp_path: Path) -> None:
    (record,) = read(write(tmp_path / "k.csv", [{"Date": "1988-01-01"}]))
    assert record.accepted and str(record.declaration.declaration_date) == "1988-01-01"


def test_a_file_read_before_ids_kept_their_zeros_is_not_stored_twice(
    tmp_path: Path, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KCS reader before 2026-12-05 stored Declaration ID 00123 as 123. The same file
    ingested again now reads 00123: stored, it would be a second declaration (and its control
    result a second label) of one row. The ingest finds the row's line stored under 123 and
    quarantines the record as a duplicate naming 123; the rest of the file is unchanged."""
    from sqlalchemy import func

    from clearlane.ingest.pipeline import ingest_file
    from clearlane.ingest.readers import kcs_reader
    from clearlane.store.tables import ControlResultRow, DeclarationRow

    path = write(
        tmp_path / "k.csv",
        [{"Declaration ID": "00123", "Fraud": "1"}, {"Declaration ID": "4567", "Fraud": "0"}],
    )
    with monkeypatch.context() as old:  # the reader before: zeros dropped
        old.setattr(kcs_reader, "_TEXT_CODES", frozenset({"HS6 Code"}))
        old.setattr(kcs_reader, "_declaration_id", kcs_reader._integer_code)
        first = ingest_file(path, session_factory=store, workers=0)
    assert (first.new, first.quarantined) == (2, 0)

    again = ingest_file(path, session_factory=store, workers=0)
    assert (again.received, again.new, again.unchanged, again.quarantined) == (2, 0, 1, 1)
    with store() as session:
        references = sorted(session.scalars(select(DeclarationRow.reference)))
        labels = session.scalar(select(func.count()).select_from(ControlResultRow))
        (reasons,) = session.execute(
            text("SELECT reasons FROM quarantine WHERE batch_id = :b"), {"b": again.batch_id}
        ).one()
    assert references == ["123", "4567"] and labels == 2
    reasons = reasons if isinstance(reasons, list) else json.loads(reasons)
    assert [r["reason"] for r in reasons] == ["duplicate_reference"]
    assert "'00123'" in reasons[0]["message"] and "stored as '123'" in reasons[0]["message"]

    # a file that names 123 and 00123 as two declarations stores both (neither line is the
    # other's), as before
    both = write(
        tmp_path / "both.csv",
        [{"Declaration ID": "000777", "Fraud": "1"}, {"Declaration ID": "777", "Fraud": "0"}],
    )
    report = ingest_file(both, session_factory=store, workers=0)
    assert (report.new, report.quarantined) == (2, 0)
