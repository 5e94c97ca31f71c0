"""Unseen shapes of a KCS file, built from real rows of ../shared/data/kcs/kcs_valid_2021q1.csv.

The rows below are copied from the 2021-Q1 file as they are (line numbers of that file in the
comments), so the tests do not need ../shared. Each ``shape`` writes the same declarations the
way another tool would export them: a European Excel (``;`` and decimal commas), a tab
export, UTF-16 "Unicode text", Korean Windows tools (cp949), pandas (Parquet), gzip,
snake_case headers, concatenated exports with the header again in the middle, a totals row.
They were written, and ingested with the reader of the time, before the reader was read
(docs/formats.md, KCS, "Unseen shapes").
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

HEADER = (
    "Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,"
    "Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,"
    "Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,"
    "Net Mass,Item Price,Fraud,Critical Fraud"
).split(",")

# fmt: off
LINES = [
    "56839011,2021-01-01,40,B,11,11,11,40,76NV527,SHHZGSL,249LO7A,,760711,CN,CN,7.2,FCN1,E,901.2,415092.72,0,0",  # noqa: E501  line 2
    "64859691,2021-01-01,20,B,11,21,11,10,IP2CUKX,H6W16WM,K6GNOK5,,321590,HK,CN,0.0,FCN1,E,400.0,30520.0,0,0",  # noqa: E501  line 3
    "33240058,2021-01-02,16,B,11,21,11,40,BROGNIT,0PSV20Q,TMJHZV9,,903180,US,US,1.3,CIT,B,3.0,86125.20000000001,0,0",  # noqa: E501  line 6
    "83976482,2021-01-02,40,B,11,21,11,40,31R3APF,KRJ3DBE,IU5QO7Q,,030487,CN,TR,10.0,A,G,5540.9,3073537.23,1,1",  # noqa: E501  line 7
    "29815822,2021-01-02,40,B,87,21,18,40,SM89FYN,VSVO2FY,1VV0DY9,W6UCD9,960719,CN,CN,0.0,FCN1,E,3.0,83.1,1,1",  # noqa: E501  line 10
    "36624231,2021-01-02,80,B,11,21,14,50,W5HXFTU,AEO4J54,LQN1VLH,,391000,CN,CN,6.5,C,E,29800.0,12831880.0,0,0",  # noqa: E501  line 21
    "59703362,2021-01-03,20,B,11,21,0,50,ULUYLTX,X24LMZ8,PFKSHJ7,,621143,CN,CN,13.0,A,G,0.5,25.9,1,1",  # noqa: E501  line 24
    "55245935,2021-01-04,20,B,11,21,11,10,QX3C80O,0TO06U4,W5S5E2I,,854442,HK,CN,8.0,A,B,107.8,3223.22,1,2",  # noqa: E501  line 152
    "70335380,2021-01-05,20,B,11,21,11,10,89L3UKQ,JK1DE7Q,PUR3454,,840999,KR,ZZ,8.0,A,Y,5.0,97.5,0,0",  # noqa: E501  line 257 (ZZ: quarantined in the plain file too)
    "31017746,2021-02-17,40,B,11,21,11,40,L5GONLU,271DK9O,,MWIDNS,902720,CH,CH,0.0,CIT,E,92.3,1236053.91,0,0",  # noqa: E501  line 4117
    "68728958,2021-02-17,16,B,11,26,11,90,WS7HRMI,XAI29G0,LIE163P,,850440,DE,CN,3.0,CIT,Y,1.7,1065.73,0,0",  # noqa: E501  line 4118
    "51134371,2021-03-26,30,B,15,21,14,40,NTJMSTU,HN4BHUE,JO5S7EA,JZQYAK,611011,IT,IT,13.0,A,G,4.1,1105.7699999999998,1,1",  # noqa: E501  line 7439
    "22803800,2021-03-26,40,B,11,21,11,10,DB9B0VN,Z18HRHZ,2J52MRO,,620213,VN,VN,0.0,FAS1,S,4774.0,69700.4,1,1",  # noqa: E501  line 7444
]
# fmt: on
# The header of the data set's own Korean files (Seondong/Customs-Declaration-Datasets).
KOREAN = (
    "신고번호,신고일자,신고세관부호,수입신고구분코드,수입거래구분코드,수입종류코드,징수형태코드,"
    "운송수단유형코드,신고인부호,수입자,해외거래처부호,특송업체부호,HS10단위부호,적출국가코드,"
    "원산지국가코드,관세율,관세율구분코드,원산지표시유무코드,신고중량(KG),과세가격원화금액,우범여부,"
    "핵심적발"
).split(",")
ROWS = [dict(zip(HEADER, line.split(","), strict=True)) for line in LINES]
NUMBERS = ("Tax Rate", "Net Mass", "Item Price")  # the columns written with a decimal mark


def csv_text(
    rows: list[dict[str, str]], header: list[str] = HEADER, delimiter: str = ",", **kw
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=kw.pop("eol", "\n"), **kw)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row[h] for h in header])
    return out.getvalue()


def european(value: str) -> str:
    """A number as a European Excel writes it: a decimal comma, no thousands separator."""
    return repr(float(value)).replace(".", ",") if "." in value else value


def european_grouped(value: str) -> str:
    """A number formatted with thousands separators in a European locale: 3.073.537,23
    (every digit kept, so the value is the plain file's)."""
    whole, _, fraction = value.partition(".")
    return f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "")


def with_numbers(convert: Callable[[str], str]) -> list[dict[str, str]]:
    return [row | {c: convert(row[c]) for c in NUMBERS} for row in ROWS]


def with_dates(convert: Callable[[date], str]) -> list[dict[str, str]]:
    return [row | {"Date": convert(date.fromisoformat(row["Date"]))} for row in ROWS]


def excel_serial(day: date) -> str:
    return str((day - date(1899, 12, 30)).days)


SNAKE = [h.lower().replace(" ", "_") for h in HEADER]
RENAMED = {
    "declaration_id": "declaration_id",
    "net_mass": "net_mass_kg",
    "item_price": "item_price_krw",
    "tax_rate": "tax_rate_pct",
    "hs6_code": "hs6_code",
}


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def shapes() -> dict[str, Callable[[Path], Path]]:
    """name -> a function writing that shape into a directory and returning the file."""
    plain = csv_text(ROWS)
    totals = dict.fromkeys(HEADER, "") | {
        "Declaration ID": "Total",
        "Net Mass": f"{sum(float(r['Net Mass']) for r in ROWS):.1f}",
        "Item Price": f"{sum(float(r['Item Price']) for r in ROWS):.2f}",
        "Fraud": str(sum(int(r["Fraud"]) for r in ROWS)),
    }
    reordered = list(reversed(HEADER))
    extra = [*HEADER[:5], "Remarks", *HEADER[5:], "Exported At"]

    def extra_rows() -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(extra)
        for row in ROWS:
            full = row | {"Remarks": "checked, ok", "Exported At": "2026-12-05 10:00"}
            writer.writerow([full[h] for h in extra])
        return out.getvalue()

    def text(name: str, body: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
        return lambda d: _write_bytes(d / name, body.encode(encoding))

    def parquet(d: Path) -> Path:
        import pandas as pd

        frame = pd.read_csv(io.StringIO(plain), dtype={"HS6 Code": str})
        frame["Date"] = pd.to_datetime(frame["Date"])
        frame.to_parquet(d / "k.parquet", index=False)
        return d / "k.parquet"

    half = len(ROWS) // 2
    return {
        "plain": text("k.csv", plain),
        "semicolon_decimal_comma": text("k.csv", csv_text(with_numbers(european), delimiter=";")),
        "semicolon_grouped": text("k.csv", csv_text(with_numbers(european_grouped), delimiter=";")),
        "semicolon_point": text("k.csv", csv_text(ROWS, delimiter=";")),
        "tab": text("k.tsv", csv_text(ROWS, delimiter="\t")),
        "tab_as_csv": text("k.csv", csv_text(ROWS, delimiter="\t")),
        "utf16_tab": lambda d: _write_bytes(
            d / "k.txt", csv_text(ROWS, delimiter="\t", eol="\r\n").encode("utf-16")
        ),
        "utf16_comma": lambda d: _write_bytes(d / "k.csv", plain.encode("utf-16")),
        "cp949_extra_korean": text("k.csv", _korean_extra(), "cp949"),
        "cp949_korean_header": text("k.csv", _renamed(plain, KOREAN), "cp949"),
        "utf8_korean_header": text("k.csv", _renamed(plain, KOREAN)),
        "snake_case": text("k.csv", _renamed(plain, SNAKE)),
        "snake_case_units": text("k.csv", _renamed(plain, [RENAMED.get(s, s) for s in SNAKE])),
        "upper_spaced": text("k.csv", _renamed(plain, [f" {h.upper()} " for h in HEADER])),
        "camel": text("k.csv", _renamed(plain, [h.title().replace(" ", "") for h in HEADER])),
        "reordered": text("k.csv", csv_text(ROWS, reordered)),
        "extra_columns": text("k.csv", extra_rows()),
        "all_quoted": text("k.csv", csv_text(ROWS, quoting=csv.QUOTE_ALL)),
        "date_slash": text("k.csv", csv_text(with_dates(lambda d: d.strftime("%Y/%m/%d")))),
        "date_compact": text("k.csv", csv_text(with_dates(lambda d: d.strftime("%Y%m%d")))),
        "date_dotted_day_first": text(
            "k.csv", csv_text(with_dates(lambda d: d.strftime("%d.%m.%Y")))
        ),
        "date_slash_day_first": text(
            "k.csv", csv_text(with_dates(lambda d: d.strftime("%d/%m/%Y")))
        ),
        "date_slash_month_first": text(
            "k.csv", csv_text(with_dates(lambda d: d.strftime("%m/%d/%Y")))
        ),
        "date_excel_serial": text("k.csv", csv_text(with_dates(excel_serial))),
        "trailing_empty_rows": text("k.csv", plain + ",,,,,,,,,,,,,,,,,,,,,\n" * 3 + "\n\n"),
        "totals_row": text("k.csv", plain + csv_text([totals]).split("\n", 1)[1]),
        "header_again": text(
            "k.csv",
            csv_text(ROWS[:half]) + csv_text(ROWS[half:]),
        ),
        "header_again_bom": text(
            "k.csv",
            csv_text(ROWS[:half]) + "\ufeff" + csv_text(ROWS[half:]),
        ),
        "gzip": lambda d: _write_bytes(d / "k.csv.gz", gzip.compress(plain.encode())),
        "gzip_named_csv": lambda d: _write_bytes(d / "k.csv", gzip.compress(plain.encode())),
        "parquet": parquet,
    }


def _renamed(body: str, header: list[str]) -> str:
    first, rest = body.split("\n", 1)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(header)
    return out.getvalue() + rest


def _korean_extra() -> str:
    rows = [r | {"비고": "검사 완료"} for r in ROWS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*HEADER, "비고"])
    for row in rows:
        writer.writerow(list(row.values()))
    return out.getvalue()
