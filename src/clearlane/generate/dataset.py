"""Write a synthetic dataset to disk, streaming: memory stays flat whatever the size."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

import numpy as np
import orjson

from clearlane.core.csvsafe import csv_writer, safe_row
from clearlane.generate import reference as ref
from clearlane.generate.cases import Case, CaseFactory
from clearlane.generate.config import MECHANISMS, GeneratorConfig
from clearlane.generate.controls import Inspector
from clearlane.generate.draws import Draws
from clearlane.generate.party_variants import vary_parties
from clearlane.generate.world import World
from clearlane.ingest.layout import CSV_COLUMNS, rows_from_declaration

FILES = (
    "declarations.csv",
    "declarations.jsonl",
    "manifests.jsonl",
    "invoices.jsonl",
    "controls.jsonl",
    "ground_truth.csv",
)
GROUND_TRUTH_COLUMNS = (
    "reference",
    "declaration_date",
    "is_fraud",
    "mechanisms",
    "fraud_items",
    "true_customs_value",
    "declared_customs_value",
    "true_duty_tax",
    "declared_duty_tax",
    "duty_evaded",
    "true_hs_code",
    "true_origin",
    "critical",
    "critical_type",
    "repeat_offender_importer",
    "repeat_offender_declarant",
    "legacy_score",
    "controlled",
    "selection_reason",
    "control_type",
    "detected",
)
EARLIEST_START = date(2022, 1, 1)  # HS 2022 is the edition the catalogue is drawn from
CONTROL_DAYS = 2  # a control may end up to this many days after the declaration date


@dataclass(frozen=True)
class GenerationSummary:
    """What :func:`generate_dataset` wrote, and what was planted in it."""

    seed: int
    start: date
    end: date
    drift_start: date
    declarations: int
    goods_items: int
    rows: dict[str, int]  # data rows per file (header lines not counted)
    paths: dict[str, Path]
    fraudulent: int
    fraud_by_mechanism: dict[str, int]
    repeat_offender_fraud: int  # fraudulent declarations by a repeat-offender importer or broker
    critical: int
    controlled: int
    random_controls: int
    risk_controls: int
    non_compliant: int
    duty_evaded: float
    duty_recovered: float

    @property
    def prevalence(self) -> float:
        return self.fraudulent / self.declarations if self.declarations else 0.0

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            start=self.start.isoformat(),
            end=self.end.isoformat(),
            drift_start=self.drift_start.isoformat(),
            paths={k: str(v) for k, v in self.paths.items()},
            prevalence=round(self.prevalence, 5),
        )
        return data


def daily_counts(config: GeneratorConfig, rng: np.random.Generator) -> list[int]:
    """Declarations per day: fewer at weekends and public holidays, a peak in autumn."""
    weekday = (1.0, 1.05, 1.05, 1.0, 0.95, 0.3, 0.15)
    weights = []
    for offset in range(config.days):
        day = config.start + timedelta(days=offset)
        season = 1.0 + 0.12 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 200) / 365)
        holiday = (day.month, day.day) in ((1, 1), (12, 25), (12, 26))
        weights.append(weekday[day.weekday()] * season * (0.1 if holiday else 1.0))
    probabilities = np.array(weights) / sum(weights)
    return [int(n) for n in rng.multinomial(config.declarations, probabilities)]


def drift_start(config: GeneratorConfig) -> date:
    return config.start + timedelta(days=int(config.days * config.fraud.drift_start_fraction))


def iter_cases(config: GeneratorConfig) -> Iterator[Case]:
    """Yield cases in date order, each with its control (if any) already decided.

    Only one day of cases is held at a time (the day's controls are chosen among them).
    Four independent random streams (world, calendar, cases, controls) are spawned from the
    seed, so changing the inspection model does not change the declarations.
    """
    streams = np.random.SeedSequence(config.seed).spawn(4)
    world_seed, calendar_seed, case_seed, control_seed = streams
    world = World.build(config, np.random.default_rng(world_seed))
    counts = daily_counts(config, np.random.default_rng(calendar_seed))
    factory = CaseFactory(world, Draws(np.random.default_rng(case_seed)))
    inspector = Inspector(config, Draws(np.random.default_rng(control_seed)))
    serial = 0
    for day, count in enumerate(counts):
        when = config.start + timedelta(days=day)
        batch = []
        for _ in range(count):
            serial += 1
            batch.append(factory.make(day, when, serial))
        inspector.run_day(batch)
        yield from batch


def _check(config: GeneratorConfig, today: date) -> None:
    if config.declarations < 0:
        raise ValueError("declarations must be zero or more")
    if config.days < 1:
        raise ValueError("days must be at least 1")
    if not 0.0 <= config.inspection_rate <= 1.0:
        raise ValueError("inspection_rate must be between 0 and 1")
    if not 0.0 <= config.random_control_share <= 1.0:
        raise ValueError("random_control_share must be between 0 and 1")
    if config.start < EARLIEST_START:
        raise ValueError(f"start must be on or after {EARLIEST_START} (HS 2022 goods codes)")
    if config.over_target_origin is not None:
        if config.over_target_origin not in ref.COUNTRIES:
            raise ValueError(
                f"over_target_origin {config.over_target_origin!r} is not an origin the "
                f"generator uses; choose one of {', '.join(sorted(ref.COUNTRIES))}"
            )
        if not (config.over_target_factor > 0 and math.isfinite(config.over_target_factor)):
            raise ValueError(
                f"over_target_factor must be a positive number, not {config.over_target_factor}"
            )
    last = config.start + timedelta(days=config.days - 1 + CONTROL_DAYS)
    if last >= today:
        raise ValueError(
            f"the period must end at least {CONTROL_DAYS + 1} days before today ({today}): "
            f"every generated date has to be in the past"
        )


def _json(obj: dict[str, Any]) -> bytes:
    """One JSON Lines record, UTF-8. orjson is three times faster than the json module here,
    and for these records (no float below 1e-4) it writes the same bytes as
    ``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))``."""
    return orjson.dumps(obj) + b"\n"


def _truth_row(case: Case) -> list[Any]:
    """One ground_truth.csv row, in the order of GROUND_TRUTH_COLUMNS."""
    critical = case.critical
    mechanisms = case.mechanisms + [critical.kind] if critical else case.mechanisms
    return [
        case.reference,
        case.when.isoformat(),
        int(case.is_fraud),
        ";".join(mechanisms),
        ";".join(str(s) for s in case.fraud_items),
        case.true_value,
        case.declared_value,
        case.true_duty_tax,
        case.declared_duty_tax,
        case.duty_evaded,
        ";".join(i.code for i in case.true_items),
        ";".join(i.origin for i in case.true_items),
        int(critical is not None),
        critical.kind if critical else "",
        int(case.importer.repeat_offender),
        int(case.broker is not None and case.broker.repeat_offender),
        case.score,
        int(case.control is not None),
        case.selection_reason,
        case.control_type,
        int(bool(case.detected)),
    ]


@dataclass
class _Tally:
    declarations: int = 0
    goods_items: int = 0
    fraudulent: int = 0
    by_mechanism: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MECHANISMS, 0))
    repeat: int = 0
    critical: int = 0
    controlled: int = 0
    random_controls: int = 0
    non_compliant: int = 0
    duty_evaded: float = 0.0
    duty_recovered: float = 0.0

    def add(self, case: Case) -> None:
        self.declarations += 1
        self.goods_items += len(case.true_items)
        if case.is_fraud:
            self.fraudulent += 1
            if case.importer.repeat_offender or (case.broker and case.broker.repeat_offender):
                self.repeat += 1
        for mechanism in case.mechanisms:
            self.by_mechanism[mechanism] += 1
        if case.critical is not None:
            self.critical += 1
            self.by_mechanism[case.critical.kind] += 1
        self.duty_evaded += case.duty_evaded
        if case.control is not None:
            self.controlled += 1
            self.random_controls += case.selection_reason == "random"
            self.non_compliant += bool(case.detected)
            self.duty_recovered += case.control["extra_duty"]


def generate_dataset(
    *,
    declarations: int,
    seed: int,
    out_dir: Path,
    start: date = date(2025, 1, 1),
    days: int = 365,
    random_control_share: float = 0.1,
    inspection_rate: float = 0.08,
    over_target_origin: str | None = None,
    over_target_factor: float = 3.0,
    progress: Callable[[int], None] | None = None,
    today: date | None = None,
) -> GenerationSummary:
    """Generate a synthetic customs dataset with planted, documented fraud.

    Writes ``declarations.csv`` (ClearLane CSV layout), ``declarations.jsonl`` (canonical
    Declaration JSON), ``manifests.jsonl``, ``invoices.jsonl``, ``controls.jsonl`` (one
    ControlResult per controlled declaration) and ``ground_truth.csv`` to ``out_dir``.

    The same arguments give byte-identical files. About ``inspection_rate`` of declarations
    are controlled; ``random_control_share`` of those controls are drawn at random, the rest
    by a legacy risk signal. ``progress`` is called with the number of declarations written
    so far, once per generated day. ``over_target_origin`` plants a deliberate bias for
    testing bias audits: the legacy risk signal multiplies the odds of declarations whose main
    origin is that country by ``over_target_factor``, whatever their fraud (off by default).
    ``today`` (the clock's date when None) is the day every generated date must precede.
    See ``docs/generator.md`` for the model.
    """
    config = GeneratorConfig(
        declarations=declarations,
        seed=seed,
        start=start,
        days=days,
        random_control_share=random_control_share,
        inspection_rate=inspection_rate,
        over_target_origin=over_target_origin,
        over_target_factor=over_target_factor,
    )
    return write_dataset(config, Path(out_dir), progress=progress, today=today)


def write_dataset(
    config: GeneratorConfig,
    out_dir: Path,
    *,
    progress: Callable[[int], None] | None = None,
    today: date | None = None,
) -> GenerationSummary:
    """:func:`generate_dataset` for a full :class:`GeneratorConfig` (all knobs)."""
    _check(config, today or date.today())
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / name for name in FILES}
    rows = dict.fromkeys(FILES, 0)
    tally = _Tally()
    current_day = -1
    with ExitStack() as stack:
        handles: dict[str, IO[Any]] = {
            name: stack.enter_context(
                path.open("w", encoding="utf-8", newline="")
                if name.endswith(".csv")
                else path.open("wb")
            )
            for name, path in paths.items()
        }
        declarations_csv = csv_writer(handles["declarations.csv"])
        truth_csv = csv_writer(handles["ground_truth.csv"])
        declarations_csv.writerow(CSV_COLUMNS)
        truth_csv.writerow(GROUND_TRUTH_COLUMNS)
        for case in iter_cases(config):
            if progress is not None and case.day != current_day and tally.declarations:
                progress(tally.declarations)
            current_day = case.day
            item_rows = rows_from_declaration(case.declaration)
            # Rows come out in CSV_COLUMNS order; only attr_ columns could add keys.
            if len(item_rows[0]) != len(CSV_COLUMNS):
                raise ValueError(f"{case.reference}: unexpected attribute columns")
            declarations_csv.writerows(safe_row(row.values()) for row in item_rows)
            rows["declarations.csv"] += len(item_rows)
            handles["declarations.jsonl"].write(_json(case.declaration))
            handles["manifests.jsonl"].write(_json(vary_parties(case.manifest, case.reference)))
            handles["invoices.jsonl"].write(_json(case.invoice))
            if case.control is not None:
                handles["controls.jsonl"].write(_json(case.control))
                rows["controls.jsonl"] += 1
            truth_csv.writerow(safe_row(_truth_row(case)))
            for name in ("declarations.jsonl", "manifests.jsonl", "invoices.jsonl"):
                rows[name] += 1
            rows["ground_truth.csv"] += 1
            tally.add(case)
    if progress is not None:
        progress(tally.declarations)
    return GenerationSummary(
        seed=config.seed,
        start=config.start,
        end=config.start + timedelta(days=config.days - 1),
        drift_start=drift_start(config),
        declarations=tally.declarations,
        goods_items=tally.goods_items,
        rows=rows,
        paths=paths,
        fraudulent=tally.fraudulent,
        fraud_by_mechanism=tally.by_mechanism,
        repeat_offender_fraud=tally.repeat,
        critical=tally.critical,
        controlled=tally.controlled,
        random_controls=tally.random_controls,
        risk_controls=tally.controlled - tally.random_controls,
        non_compliant=tally.non_compliant,
        duty_evaded=round(tally.duty_evaded, 2),
        duty_recovered=round(tally.duty_recovered, 2),
    )
