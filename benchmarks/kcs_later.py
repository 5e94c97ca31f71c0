"""A plausible "later period" of the KCS data, derived from the two files we have.

The project is measured on a later period of the KCS synthetic declarations that we do not
have. This script writes a stand-in for it, so that the path an evaluator takes (ingest the
file in the KCS format, train on 2020 (+ 2021-Q1), score or evaluate the later file, the
+-0.1 % edit) can be run before they run it. It is a shape test, not a measurement: its rows
are resampled from 2020 and 2021-Q1, so its figures say whether the engine's output is
sensible on a file like this, not how well it generalises.

What the file has (each variation planted on a known share of rows, listed in the sidecar
``expected.csv`` with the outcome the docs promise for it):

* dates spread over 2021-04-01 .. 2022-06-30, so the file spans the HS 2017 -> HS 2022 change;
  rows dated 2022 whose code HS 2022 no longer has are moved to a code of the same heading
  (a code new in HS 2022 where the heading has one), and a share of 2022 rows carry codes
  that exist only in HS 2022; 2021 rows keep HS 2017-only codes;
* new Declaration IDs (none seen before), and for a share of rows new declarant, importer
  and seller IDs (a pool of new traders, so they repeat) and new office IDs;
* unseen categorical values (process type, import type, payment type, tax type, origin
  indicator, a valid country never seen in the KCS files, transport mode 70);
* values outside the training ranges (mass 3x the largest, prices of 1e12 KRW, zero
  price, a tax rate of 900 %; a mass of 600,250 t, over the 500,000 t per item ingest
  takes), and value drift: 40 % of rows have mass and price moved (so they are "novel":
  value and (HS6, mass) unseen), prices about 3 % up;
* rows without labels (Fraud and Critical Fraud empty);
* HS codes written with the leading zero dropped (as a spreadsheet writes 010121);
* malformed rows the docs say go to the quarantine: an HS 2017-only code dated 2022, an HS
  2022-only code dated 2021, an impossible date, an empty date, a non-numeric mass, a
  negative price, a malformed HS code, an unknown country, a duplicated Declaration ID, a
  row with one field too many;
* rows in shuffled order (``--order date`` keeps them by date); optionally a UTF-8 BOM and
  CRLF line ends (``--bom --crlf``), pandas' decimals for integer columns (``--pandas``),
  units in the header (``--units``), and a spreadsheet's export (``--excel``: dates
  2021/05/01, office codes 030, HS codes without their leading zero, amounts "1,234.5",
  trailing rows of empty cells). Each shape must read as the plain file's declarations and
  analysis frame (tests/ingest/test_kcs_later_shapes.py).

Run (writes into var/kcs_later/ by default, which git ignores):

    PYTHONPATH=src python benchmarks/kcs_later.py [--rows 50000] [--seed 7] [--bom] [--crlf]

The expected outcomes are those of docs/formats.md (KCS section and the quarantine table);
compare them with the store's quarantine (reference, reason_codes) by Declaration ID; the
``either`` rows (ZZ countries of the source rows) are quarantined as ``unknown_country``.
The first reading is in docs/risk-engine.md ("A later period, generated").
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from clearlane.ingest.readers.kcs_reader import KCS_COLUMNS, LABEL_COLUMNS

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
KCS = SHARED / "kcs"
HS = SHARED / "hs"
COLUMNS = [*KCS_COLUMNS, *LABEL_COLUMNS]
# pandas writes an integer column that has one empty cell as floats: the labels (empty on the
# unlabelled rows) and, in a file with an empty office or type code, those columns too.
PANDAS_FLOAT_COLUMNS = (
    "Office ID",
    "Import Type",
    "Import Use",
    "Payment Type",
    "Mode of Transport",
    "Fraud",
    "Critical Fraud",
)
# The units the data set's description gives (../shared/data/README.md lists the columns so).
UNITS = {
    "Tax Rate": "Tax Rate (%)",
    "Net Mass": "Net Mass (kg)",
    "Item Price": "Item Price (assessed value, KRW)",
}
START, END = pd.Timestamp("2021-04-01"), pd.Timestamp("2022-06-30")
HS2022_FROM = pd.Timestamp("2022-01-01")
ALNUM = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))


def subheadings(path: Path) -> set[str]:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return set(table.loc[table["level"] == "6", "hscode"])


def new_ids(rng: np.random.Generator, count: int, seen: set[str], length: int = 7) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        value = "".join(rng.choice(ALNUM, length))
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def to_hs2022(code: str, hs22: set[str], new22: list[str], rng: np.random.Generator) -> str:
    """A 2022 code for an HS 2017 code that HS 2022 dropped: same heading, a new code first."""
    for prefix in (code[:4], code[:2]):
        fresh = [c for c in new22 if c.startswith(prefix)]
        if fresh:
            return str(rng.choice(fresh))
        kept = sorted(c for c in hs22 if c.startswith(prefix))
        if kept:
            return str(rng.choice(kept))
    return str(rng.choice(new22))


def build(rows: int, seed: int, order: str) -> tuple[pd.DataFrame, list[list[str]]]:
    rng = np.random.default_rng(seed)
    source = pd.concat(
        [
            pd.read_csv(KCS / "kcs_train_2020.csv", dtype=str, keep_default_na=False),
            pd.read_csv(KCS / "kcs_valid_2021q1.csv", dtype=str, keep_default_na=False),
        ],
        ignore_index=True,
    )
    hs17, hs22 = (
        subheadings(HS / "harmonized-system-2017.csv"),
        subheadings(HS / "harmonized-system-2022.csv"),
    )
    only17, only22 = sorted(hs17 - hs22), sorted(hs22 - hs17)
    out = source.iloc[rng.integers(0, len(source), rows)].reset_index(drop=True).copy()
    days = (END - START).days + 1
    dates = START + pd.to_timedelta(rng.integers(0, days, rows), unit="D")
    out["Date"] = dates.strftime("%Y-%m-%d")
    in22 = np.asarray(dates >= HS2022_FROM)

    seen_ids = set(source["Declaration ID"])
    ids: list[str] = []
    while len(ids) < rows:
        value = f"{rng.integers(10_000_000, 100_000_000)}"
        if value not in seen_ids:
            seen_ids.add(value)
            ids.append(value)
    out["Declaration ID"] = ids

    # HS edition in force: 2022 rows must carry HS 2022 codes.
    codes = out["HS6 Code"].to_numpy(dtype=object)
    for i in np.flatnonzero(in22):
        if codes[i] not in hs22:
            codes[i] = to_hs2022(str(codes[i]), hs22, only22, rng)
    out["HS6 Code"] = codes

    # Value drift: 40 % of rows with mass and price moved; prices about 3 % up.
    moved = rng.random(rows) < 0.4
    mass = pd.to_numeric(out["Net Mass"])
    price = pd.to_numeric(out["Item Price"])
    factor = np.exp(rng.normal(0.0, 0.15, rows))
    drift = np.exp(rng.normal(0.03, 0.05, rows))
    mass = np.where(moved, np.round(mass * factor, 1), mass)
    price = np.where(moved, np.round(price * factor * drift, 2), price)
    out["Net Mass"] = [f"{v:.1f}" for v in mass]
    out["Item Price"] = [f"{v:.2f}" for v in price]

    # New traders (a pool, so they repeat) and new offices.
    seen_traders = (
        set(source["Declarant ID"]) | set(source["Importer ID"]) | set(source["Seller ID"])
    )
    pool = new_ids(rng, 600, seen_traders)
    for column, share in (("Declarant ID", 0.15), ("Importer ID", 0.25), ("Seller ID", 0.2)):
        pick = rng.random(rows) < share
        out.loc[pick, column] = rng.choice(pool, int(pick.sum()))
    offices = sorted(set(source["Office ID"]))
    fresh_offices = [o for o in ("95", "97", "98") if o not in offices]
    pick = rng.random(rows) < 0.03
    out.loc[pick, "Office ID"] = rng.choice(fresh_offices, int(pick.sum()))

    expected: list[dict[str, str]] = []
    free = list(rng.permutation(rows))

    def plant(count: int, expect: str, reason: str, note: str, where=None) -> list[int]:
        taken: list[int] = []
        for i in list(free):
            if len(taken) == count:
                break
            if where is not None and not where(i):
                continue
            free.remove(i)
            taken.append(int(i))
            expected.append(
                {
                    "Declaration ID": out.at[i, "Declaration ID"],
                    "expect": expect,
                    "reason": reason,
                    "note": note,
                }
            )
        return taken

    is22 = lambda i: bool(in22[i])  # noqa: E731
    is21 = lambda i: not in22[i]  # noqa: E731

    # Accepted variations.
    for i in plant(200, "stored", "", "HS 2022-only code dated 2022", is22):
        out.at[i, "HS6 Code"] = str(rng.choice(only22))
    for i in plant(100, "stored", "", "HS 2017-only code dated 2021", is21):
        out.at[i, "HS6 Code"] = str(rng.choice(only17))
    zero = lambda i: str(out.at[i, "HS6 Code"]).startswith("0")  # noqa: E731
    for i in plant(30, "stored", "", "HS code with its leading zero dropped", zero):
        out.at[i, "HS6 Code"] = str(out.at[i, "HS6 Code"])[1:]
    unseen = {
        "Process Type": "C",
        "Import Type": "77",
        "Payment Type": "55",
        "Tax Type": "FZZ9",
        "Country of Origin Indicator": "Z",
        "Country of Origin": "FJ",
        "Country of Departure": "IS",
        "Mode of Transport": "70",
    }
    for column, value in unseen.items():
        assert value not in set(source[column]), (column, value)
        for i in plant(40, "stored", "", f"unseen {column} {value}"):
            out.at[i, column] = value
    for i in plant(20, "stored", "", "net mass 3x the largest in training (180,075 t)"):
        out.at[i, "Net Mass"] = "180075000.0"
    for i in plant(20, "stored", "", "item price 1e12 KRW"):
        out.at[i, "Item Price"] = "1000000000000.00"
    for i in plant(20, "stored", "", "item price 0"):
        out.at[i, "Item Price"] = "0.00"
    for i in plant(20, "stored", "", "tax rate 900"):
        out.at[i, "Tax Rate"] = "900.0"
    for i in plant(int(rows * 0.03), "stored", "", "no label (Fraud and Critical Fraud empty)"):
        out.at[i, "Fraud"] = ""
        out.at[i, "Critical Fraud"] = ""

    # Malformed rows: the quarantine.
    for i in plant(20, "quarantined", "hs_code_unknown", "HS 2017-only code dated 2022", is22):
        out.at[i, "HS6 Code"] = str(rng.choice(only17))
    for i in plant(20, "quarantined", "hs_code_unknown", "HS 2022-only code dated 2021", is21):
        out.at[i, "HS6 Code"] = str(rng.choice(only22))
    # 10x the largest in training: 600,250 t, above the 500,000 t per item that ingest accepts
    # (MAX_MASS_KG; the first reading planted it as "stored" and learnt the limit from the
    # quarantine, which is right: no ship carries that much as one goods item).
    for i in plant(20, "quarantined", "absurd_value", "net mass 600,250 t (over 500,000 t)"):
        out.at[i, "Net Mass"] = "600250000.0"
    for i in plant(5, "quarantined", "invalid_date", "date 2022-02-30"):
        out.at[i, "Date"] = "2022-02-30"
    for i in plant(5, "quarantined", "missing_field|invalid_date", "empty date"):
        out.at[i, "Date"] = ""
    for i in plant(5, "quarantined", "wrong_type", "net mass 'n/a'"):
        out.at[i, "Net Mass"] = "n/a"
    for i in plant(5, "quarantined", "negative_value", "negative item price"):
        out.at[i, "Item Price"] = "-" + str(out.at[i, "Item Price"]).lstrip("-")
    for i in plant(5, "quarantined", "hs_code_format", "HS code 8517X0"):
        out.at[i, "HS6 Code"] = "8517X0"
    for i in plant(5, "quarantined", "unknown_country", "country of origin XX"):
        out.at[i, "Country of Origin"] = "XX"
    duplicates = plant(
        5, "quarantined", "duplicate_reference", "Declaration ID repeated (second row)"
    )

    frame = out
    if order == "date":
        frame = frame.iloc[np.argsort(frame["Date"].to_numpy(), kind="stable")]
    else:
        frame = frame.iloc[rng.permutation(rows)]
    lines = [list(map(str, row)) for row in frame[COLUMNS].itertuples(index=False)]
    # A duplicated reference: the planted row takes the ID of the nearest earlier line that
    # carries no planted variation, so the later occurrence (the planted row) is refused.
    planted = {e["Declaration ID"] for e in expected}
    position = {line[0]: n for n, line in enumerate(lines)}
    for i in duplicates:
        ref = str(out.at[i, "Declaration ID"])
        n = position[ref]
        m = next(
            k
            for k in [*range(n - 1, -1, -1), *range(n + 1, len(lines))]
            if lines[k][0] not in planted
        )
        first, second = min(n, m), max(n, m)
        shared = lines[first][0]
        lines[second][0] = shared
        row = next(e for e in expected if e["Declaration ID"] == ref)
        row["Declaration ID"] = shared
        row["note"] += f" (file line {second + 2})"
        planted.add(shared)
    # One field too many.
    extra_at = plant(3, "quarantined", "column_count|malformed", "one field too many")
    extra = {str(out.at[i, "Declaration ID"]) for i in extra_at}
    for line in lines:
        if line[0] in extra:
            line.append("X")
    # ZZ (unknown country) comes with the source rows; docs/formats.md says both "accepted"
    # (KCS section) and "refused" (quarantine table): listed, with no outcome promised.
    for line in lines:
        if "ZZ" in (line[13], line[14]) and line[0] not in planted:
            expected.append(
                {
                    "Declaration ID": line[0],
                    "expect": "either",
                    "reason": "unknown_country?",
                    "note": "ZZ country (source row)",
                }
            )
    return pd.DataFrame(expected), lines


def csv_quote(value: str) -> str:
    if not value:
        return ""  # an empty field stays bare, as in the KCS files
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([value])
    return buffer.getvalue()


SHAPES = ("bom", "crlf", "pandas", "units", "excel")


def excel_cells(value: str, column: str) -> str:
    """A cell as a spreadsheet (Korean locale) saves it: dates with slashes, three-digit office
    codes (030), HS codes as numbers (010121 -> 10121), amounts with thousands separators."""
    if column == "Date" and len(value) == 10 and value[4] == "-":
        return value.replace("-", "/")
    if column == "Office ID" and value.isdigit():
        return value.zfill(3)
    if column == "HS6 Code" and value.isdigit():
        return value.lstrip("0") or "0"
    if column in ("Net Mass", "Item Price"):
        sign, body = ("-", value[1:]) if value.startswith("-") else ("", value)
        whole, dot, fraction = body.partition(".")
        if whole.isdigit() and (not dot or fraction.isdigit()):
            return f"{sign}{int(whole):,}{dot}{fraction}"
    return value


def shape(
    lines: list[list[str]], *, pandas: bool = False, units: bool = False, excel: bool = False
) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a re-shaped export of ``lines`` (the plain file's rows)."""
    columns = list(COLUMNS)
    lines = [list(line) for line in lines]
    if pandas:
        decimal = [COLUMNS.index(c) for c in PANDAS_FLOAT_COLUMNS]
        for line in lines:
            for k in decimal:
                if line[k].isdigit():
                    line[k] = f"{line[k]}.0"
    if excel:
        lines = [
            [excel_cells(v, COLUMNS[k]) if k < len(COLUMNS) else v for k, v in enumerate(line)]
            for line in lines
        ]
    if units:
        columns = [UNITS.get(c, c) for c in columns]
    return columns, lines


def write_csv(
    path: Path,
    columns: list[str],
    lines: list[list[str]],
    *,
    bom: bool = False,
    crlf: bool = False,
    excel: bool = False,
) -> None:
    end = "\r\n" if crlf else "\n"
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        handle.write(",".join(csv_quote(c) for c in columns) + end)
        for line in lines:
            handle.write(",".join(csv_quote(v) for v in line) + end)
        if excel:  # rows a spreadsheet once used, saved as empty cells
            handle.write(("," * (len(columns) - 1) + end) * 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("var/kcs_later"))
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--order", choices=("shuffled", "date"), default="shuffled")
    parser.add_argument("--bom", action="store_true", help="start the file with a UTF-8 BOM")
    parser.add_argument("--crlf", action="store_true", help="CRLF line ends")
    parser.add_argument(
        "--pandas",
        action="store_true",
        help="as pandas re-exports it: integer columns with an empty cell (the labels; "
        "Office ID and the type codes) written as decimals, 30.0",
    )
    parser.add_argument(
        "--units", action="store_true", help="header names with units: 'Net Mass (kg)'"
    )
    parser.add_argument(
        "--excel",
        action="store_true",
        help="as a spreadsheet saves it: dates 2021/05/01, office codes 030, HS codes without "
        "their leading zero, amounts '1,234.5', trailing rows of empty cells",
    )
    args = parser.parse_args()
    expected, lines = build(args.rows, args.seed, args.order)
    columns, lines = shape(lines, pandas=args.pandas, units=args.units, excel=args.excel)
    args.out.mkdir(parents=True, exist_ok=True)
    name = "kcs_later_2021q2_2022q2" + "".join(f"_{flag}" for flag in SHAPES if getattr(args, flag))
    path = args.out / f"{name}.csv"
    write_csv(path, columns, lines, bom=args.bom, crlf=args.crlf, excel=args.excel)
    expected.to_csv(args.out / "expected.csv", index=False)
    counts = expected.groupby(["expect", "note"]).size()
    print(f"wrote {path} ({len(lines)} rows) and {args.out / 'expected.csv'}")
    print(counts.to_string())
    refused = int((expected["expect"] == "quarantined").sum())
    either = int((expected["expect"] == "either").sum())
    print(
        f"expected: received {len(lines)}, quarantined {refused} (+ up to {either} ZZ rows), "
        f"stored {len(lines) - refused} (- up to {either})"
    )


if __name__ == "__main__":
    main()
