"""KCS files in the shapes a later period may come in (see benchmarks/kcs_later.py).

A file re-exported by pandas writes an integer column that has an empty cell as decimals
("1.0", "30.0"); a file may carry only the ``Fraud`` label, or a row one label of two; a header
may name its units ("Net Mass (kg)") or spell the attributes in another case. None of these is
a reason to refuse the declaration or to read its codes as new values.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clearlane.ingest.parse import parse_file
from clearlane.ingest.readers.base import FileRejected
from clearlane.ingest.readers.kcs_reader import KCS_COLUMNS, LABEL_COLUMNS

COLUMNS = [*KCS_COLUMNS, *LABEL_COLUMNS]
ROW = (
    "97061800,2021-05-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,8.0,FEU1,G,"
    "108.0,372254.4,0,0"
).split(",")


def write(path: Path, rows: list[dict[str, str]], header: list[str] = COLUMNS) -> Path:
    with path.open("w", newline="") as handle:
        out = csv.writer(handle, lineterminator="\n")
        out.writerow(header)
        for changes in rows:
            row = dict(zip(COLUMNS, ROW, strict=True)) | changes
            out.writerow([row.get(h, row.get(COLUMNS[header.index(h)], "")) for h in header])
    return path


def read(path: Path) -> list:
    return list(parse_file(path, "kcs"))


def label(record) -> tuple[str, str] | None:
    assert record.accepted, record.issues
    if not record.controls:
        return None
    (control,) = record.controls
    return control.outcome.value, control.severity.value


def test_labels_written_as_decimals_are_read(tmp_path: Path) -> None:
    rows = [
        {"Declaration ID": "1", "Fraud": "1.0", "Critical Fraud": "0.0"},
        {"Declaration ID": "2", "Fraud": "0.0", "Critical Fraud": "0.0"},
        {"Declaration ID": "3", "Fraud": "1.0", "Critical Fraud": "2.0"},
        {"Declaration ID": "4", "Fraud": "", "Critical Fraud": ""},
    ]
    labels = [label(r) for r in read(write(tmp_path / "k.csv", rows))]
    assert labels == [
        ("non_compliant", "revenue"),
        ("compliant", "none"),
        ("non_compliant", "critical"),
        None,
    ]


def test_a_file_with_the_fraud_label_only(tmp_path: Path) -> None:
    header = [c for c in COLUMNS if c != "Critical Fraud"]
    rows = [{"Declaration ID": "1", "Fraud": "1"}, {"Declaration ID": "2", "Fraud": "0"}]
    labels = [label(r) for r in read(write(tmp_path / "k.csv", rows, header))]
    assert labels == [("non_compliant", "revenue"), ("compliant", "none")]


def test_one_label_of_two_empty(tmp_path: Path) -> None:
    rows = [
        {"Declaration ID": "1", "Fraud": "1", "Critical Fraud": ""},
        {"Declaration ID": "2", "Fraud": "0", "Critical Fraud": ""},
        {"Declaration ID": "3", "Fraud": "", "Critical Fraud": "2"},
        {"Declaration ID": "4", "Fraud": "", "Critical Fraud": "1"},
        {"Declaration ID": "5", "Fraud": "", "Critical Fraud": "0"},  # fraud unknown: no label
    ]
    labels = [label(r) for r in read(write(tmp_path / "k.csv", rows))]
    assert labels == [
        ("non_compliant", "revenue"),
        ("compliant", "none"),
        ("non_compliant", "critical"),
        ("non_compliant", "revenue"),
        None,
    ]


def test_labels_that_are_not_labels_are_still_refused(tmp_path: Path) -> None:
    rows = [
        {"Declaration ID": "1", "Fraud": "2", "Critical Fraud": "0"},
        {"Declaration ID": "2", "Fraud": "1.5", "Critical Fraud": "0"},
        {"Declaration ID": "3", "Fraud": "si", "Critical Fraud": "0"},  # yes/no: read
        {"Declaration ID": "4", "Fraud": "0", "Critical Fraud": "3"},
    ]
    for record in read(write(tmp_path / "k.csv", rows)):
        assert not record.accepted
        assert {i.reason.value for i in record.issues} == {"wrong_type"}


def test_integer_codes_written_as_decimals_are_the_same_codes(tmp_path: Path) -> None:
    plain, decimal = read(
        write(
            tmp_path / "k.csv",
            [
                {"Declaration ID": "97061800", "HS6 Code": "010121"},
                {
                    "Declaration ID": "97061801.0",
                    "Office ID": "30.0",
                    "Import Type": "11.0",
                    "Import Use": "21.0",
                    "Payment Type": "11.0",
                    "Mode of Transport": "10.0",
                    "HS6 Code": "10121.0",
                },
            ],
        )
    )
    a, b = plain.declaration, decimal.declaration
    assert decimal.accepted, decimal.issues
    assert b.reference == "97061801"
    assert (b.office, b.transport_mode) == (a.office, a.transport_mode)
    assert b.items[0].hs_code == a.items[0].hs_code == "010121"
    assert b.attributes == a.attributes
    assert b.attributes["kcs_transport_mode"] == "10"


def test_decimal_values_stay_decimals(tmp_path: Path) -> None:
    (record,) = read(write(tmp_path / "k.csv", [{"Net Mass": "12.0", "Tax Rate": "8.0"}]))
    item = record.declaration.items[0]
    assert item.net_mass_kg == 12.0 and item.duty_rate == 8.0


def test_a_header_with_units_and_another_case(tmp_path: Path) -> None:
    renamed = {
        "Tax Rate": "Tax Rate (%)",
        "Net Mass": "Net Mass (kg)",
        "Item Price": "Item Price (assessed value, KRW)",
        "Process Type": "Process type",
        "Country of Origin Indicator": "country of origin indicator",
    }
    header = [renamed.get(c, c) for c in COLUMNS]
    (record,) = read(write(tmp_path / "k.csv", [{"Fraud": "1"}], header))
    assert label(record) == ("non_compliant", "revenue")
    item = record.declaration.items[0]
    assert (item.net_mass_kg, item.customs_value, item.duty_rate) == (108.0, 372254.4, 8.0)
    assert record.declaration.attributes["process_type"] == "B"
    assert record.declaration.attributes["origin_indicator"] == "G"


def test_a_header_without_the_kcs_columns_is_still_refused(tmp_path: Path) -> None:
    header = [c if c != "Net Mass" else "Net Weight" for c in COLUMNS]
    path = tmp_path / "k.csv"
    path.write_text(",".join(header) + "\n" + ",".join(ROW) + "\n")
    with pytest.raises(FileRejected, match="Net Mass"):
        read(path)
