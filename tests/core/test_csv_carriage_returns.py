"""A cell holding a carriage return stays in its row in every CSV ClearLane writes (mends7,
2026-12-05). Python 3.11's csv writer with lines ending in LF left ``a\\rb`` unquoted, and a
reader (csv, pandas) split the row there; :mod:`clearlane.core.csvsafe`'s writers quote it.
Each output path is written with the cells ``a\\rb`` and ``c\\r\\nd`` and read back with csv
and pandas: the same rows, the same values."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from clearlane.core.csvsafe import csv_dict_writer, csv_writer, write_frame

CR, CRLF = "a\rb", "c\r\nd"


def _read(path: Path) -> tuple[list[list[str]], pd.DataFrame]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows, pd.read_csv(path, dtype=str, keep_default_na=False)


def _same(path: Path, header: list[str], body: list[list[str]]) -> None:
    """``path`` reads back, with csv and with pandas, as ``header`` and ``body``."""
    rows, frame = _read(path)
    assert rows == [header, *body]
    assert list(frame.columns) == header
    assert frame.to_numpy().tolist() == body


def test_the_writers_quote_a_carriage_return_and_change_nothing_else(tmp_path: Path) -> None:
    body = [[CR, CRLF, "plain"], ["x,y", 'q"q', "l\nm"], ["", "-5.0", "e"]]
    out = io.StringIO(newline="")
    writer = csv_writer(out)
    writer.writerow(["h1", "h2", "h3"])
    writer.writerows(body)
    assert out.getvalue().startswith(f'h1,h2,h3\n"{CR}","{CRLF}",plain\n')
    (tmp_path / "w.csv").write_text(out.getvalue(), encoding="utf-8", newline="")
    _same(tmp_path / "w.csv", ["h1", "h2", "h3"], body)
    # without a \r: byte for byte what csv.writer(lineterminator="\n") writes
    plain = io.StringIO(newline="")
    csv.writer(plain, lineterminator="\n").writerows(body[1:])
    ours = io.StringIO(newline="")
    csv_writer(ours).writerows(body[1:])
    assert ours.getvalue() == plain.getvalue()

    with (tmp_path / "d.csv").open("w", encoding="utf-8", newline="") as handle:
        dict_writer = csv_dict_writer(handle, ["h1", "h2"])
        dict_writer.writeheader()
        dict_writer.writerow({"h1": CR, "h2": CRLF})
    _same(tmp_path / "d.csv", ["h1", "h2"], [[CR, CRLF]])


def test_a_frame_keeps_its_rows(tmp_path: Path) -> None:
    """`clearlane score --out`, `link parties --out`, `link discrepancies --out`."""
    frame = pd.DataFrame({"reference": [CR, CRLF, "=1"], "score": [0.5, None, -1.0]})
    write_frame(frame, tmp_path / "f.csv")
    rows, read = _read(tmp_path / "f.csv")
    assert rows == [["reference", "score"], [CR, "0.5"], [CRLF, ""], ["'=1", "-1.0"]]
    assert read["reference"].tolist() == [CR, CRLF, "'=1"]
    no_cr = frame.assign(reference=["a", "b", "=1"])
    write_frame(no_cr, tmp_path / "ours.csv")
    from clearlane.core.csvsafe import safe_frame

    safe_frame(no_cr).to_csv(tmp_path / "pandas.csv", index=False)
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()


def test_hs_rows(tmp_path: Path) -> None:
    from clearlane.hs.io import write_rows

    assert write_rows(tmp_path / "hs.csv", ["a", "b"], [[CR, CRLF], ["x", "y"]]) == 2
    _same(tmp_path / "hs.csv", ["a", "b"], [[CR, CRLF], ["x", "y"]])


def test_generated_declarations_and_ground_truth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearlane.generate import dataset
    from clearlane.generate.config import GeneratorConfig

    cases = dataset.iter_cases

    def renamed(config: Any) -> Iterator[Any]:
        for reference, case in zip((CR, CRLF), cases(config), strict=False):
            yield dataclasses.replace(
                case, reference=reference, declaration={**case.declaration, "reference": reference}
            )

    monkeypatch.setattr(dataset, "iter_cases", renamed)
    dataset.write_dataset(GeneratorConfig(declarations=100, days=30, seed=3), tmp_path)
    for name in ("declarations.csv", "ground_truth.csv"):
        rows, frame = _read(tmp_path / name)
        column = rows[0].index("reference" if "reference" in rows[0] else rows[0][0])
        assert all(len(row) == len(rows[0]) for row in rows), name
        assert {row[column] for row in rows[1:]} == {CR, CRLF}, name
        assert set(frame.iloc[:, column]) == {CR, CRLF}, name
        assert len(frame) == len(rows) - 1


def test_generated_manifests(tmp_path: Path) -> None:
    from clearlane.generate.manifest_files import write_manifest_files

    manifest = {
        "bl_number": "CMR1",
        "document_type": "CMR",
        "declaration_reference": "",
        "carrier": {"code": "CARRIER"},
        "vessel_name": CR,
        "goods_description": CRLF,
        "gross_mass_kg": 5.5,
        "shipper": {"name": CR, "country": "DE", "id": "ID"},
        "consignee": {"name": CRLF, "country": "NL", "id": "31"},
        "containers": [],
    }
    (tmp_path / "manifests.jsonl").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    (tmp_path / "declarations.jsonl").write_text("", encoding="utf-8")
    files = write_manifest_files(tmp_path, share=0.0)
    rows, frame = _read(files.csv)
    assert len(frame) == len(rows) - 1 and all(len(row) == len(rows[0]) for row in rows)
    assert rows[1][rows[0].index("vessel_name")] == CR
    assert rows[1][rows[0].index("goods_description")] == CRLF
    assert frame.to_numpy().tolist() == rows[1:]


def test_link_parties_out(tmp_path: Path) -> None:
    from clearlane.cli import app

    header = "id,name,street,city,postcode,country\n"
    left, right, out = tmp_path / "l.csv", tmp_path / "r.csv", tmp_path / "m.csv"
    row = "Jansen Import B.V.,Kade 4,Rotterdam,3011AA,NL\n"
    left.write_text(header + f'"{CR}",' + row, encoding="utf-8", newline="")
    right.write_text(header + f'"{CRLF}",' + row, encoding="utf-8", newline="")
    command = ["link", "parties", "--left", str(left), "--right", str(right), "--out", str(out)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    rows, frame = _read(out)
    assert len(rows) == 2 and (rows[1][0], rows[1][1]) == (CR, CRLF)
    assert frame[["left_id", "right_id"]].to_numpy().tolist() == [[CR, CRLF]]
