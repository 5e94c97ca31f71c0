"""Control-result files: JSON Lines / JSON (ControlResult objects) or CSV with the same columns
(``irregularities`` ';'-separated)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clearlane.core.schema import ControlResult
from clearlane.core.validation import Issue, Reason, field_path
from clearlane.ingest.readers import READERS, guess_format
from clearlane.ingest.readers.base import ProgressCallback, RawRecord, nul_issue, sniff
from clearlane.ingest.readers.csv_reader import _LineSource

CONTROL_COLUMNS = tuple(ControlResult.model_fields)


@dataclass
class ParsedControl:
    raw: RawRecord
    control: ControlResult | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.control is not None and not self.issues


def _read_controls_csv(
    path: Path, *, encoding: str = "utf-8", progress: ProgressCallback | None = None
) -> Iterator[RawRecord]:
    sniff(path, "csv")
    with path.open("rb") as handle:
        lines = _LineSource(handle, encoding, progress)
        reader = csv.reader(lines, strict=True)
        columns = [c.strip() for c in next(reader)]
        lines.take()
        while True:
            line_no = lines.line_no + 1
            where = f"{path.name}:line {line_no}"
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                text, issues = lines.take()
                yield RawRecord(
                    where, text, None, [*issues, Issue(Reason.MALFORMED, None, f"{where}: {exc}")]
                )
                continue
            text, issues = lines.take()
            if not any(v.strip() for v in values):
                continue
            if "\x00" in text:  # past the first bytes sniff() checks: no cell holds a NUL
                issue = nul_issue(path.name, text, line_no, columns, values)
                yield RawRecord(where, text, None, [*issues, issue])
                continue
            if len(values) != len(columns):
                issues.append(
                    Issue(
                        Reason.COLUMN_COUNT,
                        None,
                        f"{where}: {len(values)} fields, the header has {len(columns)}",
                    )
                )
            data: dict[str, Any] = {
                c: v for c, v in zip(columns, values, strict=False) if v.strip() != ""
            }
            if "irregularities" in data:
                data["irregularities"] = [
                    p.strip() for p in data["irregularities"].split(";") if p.strip()
                ]
            yield RawRecord(where, text, data, issues, reference=data.get("declaration_reference"))


def parse_controls_file(
    path: Path,
    fmt: str | None = None,
    *,
    encoding: str = "utf-8",
    progress: ProgressCallback | None = None,
) -> Iterator[ParsedControl]:
    fmt = fmt or guess_format(path)
    if fmt not in ("csv", "jsonl", "json"):
        raise ValueError(f"control results are read from csv, jsonl or json, not {fmt}")
    reader = _read_controls_csv if fmt == "csv" else READERS[fmt]
    for raw in reader(path, encoding=encoding, progress=progress):
        issues = list(raw.issues)
        control = None
        if raw.data is not None:
            try:
                control = ControlResult.model_validate(raw.data)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    path_ = field_path(tuple(err["loc"])) or "record"
                    reason = (
                        Reason.MISSING_FIELD
                        if err["type"] == "missing"
                        else (
                            Reason.UNKNOWN_FIELD
                            if err["type"] == "extra_forbidden"
                            else Reason.WRONG_TYPE
                        )
                    )
                    issues.append(Issue(reason, path_, f"{raw.location}: '{path_}': {err['msg']}"))
        yield ParsedControl(raw, control if not issues else None, issues)
