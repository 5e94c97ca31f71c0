"""Bias audit of targeting: who is selected for control, and does the hit rate justify it.

Works at declaration level on the analysis frame (:mod:`clearlane.frames`): a declaration is
*controlled* if any control result exists, a *hit* if a control found it non-compliant, and a
*random control* if it was selected at random. Per group (origin, office, importer size, ...)
the audit reports the selection rate, the hit rate among the controlled and among random
controls, each with a Wilson interval, and each rate's ratio to the rest and to the overall
rate with an interval (:mod:`clearlane.fairness.stats`). ``docs/fairness.md`` explains the
flag rule and its limits.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clearlane.errors import DomainError, Kind
from clearlane.fairness.stats import katz_ratio, ratio_to_overall, wilson_interval, z_value
from clearlane.frames import FRAME_COLUMNS

# Named groupings: the name users type -> the declaration-level column it reads.
GROUPINGS: dict[str, str] = {
    "origin": "origin_country",
    "importer_size": "importer_size",
    "office": "office",
    "hs_chapter": "hs2",
    "transport_mode": "transport_mode",
    "declarant": "declarant_id",
    "importer": "importer_id",
    "dispatch": "country_dispatch",
}
MISSING = "(missing)"
DEFAULT_MIN_GROUP = 200
DEFAULT_SELECTION_THRESHOLD = 2.0
DEFAULT_MIN_RANDOM_CONTROLS = 30
DEFAULT_MIN_RANDOM_HITS = 10
_LABEL_COLUMNS = ("reference", "controlled", "fraud", "selection_reason")

RULE_TEXT = (
    "A group is flagged when (1) it has at least {min_group} declarations; (2) it is selected "
    "markedly more often than all other declarations: the lower end of the {pct} interval of "
    "its selection-rate ratio to the rest is above {threshold:g}; and (3) its hit rate does "
    "not keep pace: the upper end of the interval of its hit-rate ratio to the rest (hits "
    "among controlled declarations) is below that lower end, and so is the upper end for hits "
    "among random controls once there are enough of them (at least {min_random} random "
    "controls in the group and in the rest, and {min_random_hits} random-control hits in "
    "all). Smaller groups are reported but never flagged."
)


class FairnessError(DomainError, ValueError):
    """The frame or the options cannot give a bias audit; the message says why.

    ``invalid`` (an unknown grouping, a bad option: ``field`` names it) unless raised as a
    ``conflict``: the data cannot give an audit (no declaration, no control result)."""

    kind: Kind = "invalid"


@dataclass(frozen=True)
class FairnessReport:
    """Per-group selection and hit rates with intervals, and the groups flagged."""

    by: str
    column: str
    confidence: float
    min_group: int
    selection_threshold: float
    min_random_controls: int
    min_random_hits: int
    overall: dict[str, float]
    table: pd.DataFrame  # one row per group, sorted by selection ratio to the rest
    notes: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> list[str]:
        return [str(g) for g in self.table.index[self.table["flagged"]]]

    @property
    def rule(self) -> str:
        return RULE_TEXT.format(
            min_group=self.min_group,
            pct=f"{100 * self.confidence:g}%",
            threshold=self.selection_threshold,
            min_random=self.min_random_controls,
            min_random_hits=self.min_random_hits,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-able: non-finite numbers become None."""
        groups = [
            {"group": str(name), **{str(k): _plain(v) for k, v in row.items()}}
            for name, row in zip(self.table.index, self.table.to_dict("records"), strict=True)
        ]
        return {
            "by": self.by,
            "column": self.column,
            "confidence": self.confidence,
            "rule": {
                "min_group": self.min_group,
                "selection_threshold": self.selection_threshold,
                "min_random_controls": self.min_random_controls,
                "min_random_hits": self.min_random_hits,
                "text": self.rule,
            },
            "overall": {k: _plain(v) for k, v in self.overall.items()},
            "flagged": self.flagged,
            "notes": list(self.notes),
            "groups": groups,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def declaration_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per declaration: the row of its highest-value item, with its labels.

    Adds ``controlled`` (any control result), ``hit`` (a control found it non-compliant),
    ``random`` (selected at random), ``importer_declarations`` and ``importer_size``.
    """
    missing = [c for c in _LABEL_COLUMNS if c not in frame.columns]
    if missing:
        raise FairnessError(
            f"the frame lacks the column(s) {', '.join(missing)}: pass the analysis frame "
            "(clearlane.frames), which carries the control-result labels"
        )
    if frame.empty:
        raise FairnessError("the frame holds no declarations", kind="conflict")
    value = pd.Series(np.nan, index=frame.index, dtype=float)
    for column in ("customs_value", "item_value"):
        if column in frame.columns:
            value = value.fillna(pd.to_numeric(frame[column], errors="coerce"))
    codes, _ = pd.factorize(frame["reference"])
    # Each declaration's highest-value item: sort by declaration, then value (descending,
    # stable, so the first in frame order wins a tie), and keep the first row of each.
    order = np.lexsort((-value.fillna(-np.inf).to_numpy(), codes))
    first = order[np.r_[True, codes[order][1:] != codes[order][:-1]]]
    decl = frame.iloc[first].reset_index(drop=True)
    main_code = codes[first]

    def any_of(flags: pd.Series) -> np.ndarray:
        return np.bincount(codes, weights=flags.to_numpy(dtype=float))[main_code] > 0

    controlled = any_of(pd.to_numeric(frame["controlled"], errors="coerce") > 0)
    decl["controlled"] = controlled
    decl["hit"] = any_of(pd.to_numeric(frame["fraud"], errors="coerce") == 1) & controlled
    decl["random"] = any_of(frame["selection_reason"] == "random") & controlled
    if "importer_id" in decl.columns:
        sizes = decl["importer_id"].map(decl["importer_id"].value_counts())
        decl["importer_declarations"] = sizes
        decl["importer_size"] = importer_size_buckets(sizes)
    return decl


def importer_size_buckets(sizes: pd.Series) -> pd.Series:
    """Small / medium / large importers by their number of declarations in the frame.

    Cut at the terciles of the declarations (not of the importers), so each bucket holds
    about a third of the declarations and has the data to be compared: *small* importers
    file at most the lower tercile q1, *large* ones at least the upper tercile q2 (and more
    than q1), *medium* the rest. An importer is never split between buckets, so with a few
    very large importers the thirds are uneven. ``sizes`` holds, for every declaration, how
    many declarations its importer filed.
    """
    known = sizes.dropna()
    labels = pd.Series(MISSING, index=sizes.index, dtype=object)
    if known.empty:
        return labels
    q1 = float(np.quantile(known, 1 / 3, method="lower"))
    q2 = float(np.quantile(known, 2 / 3, method="higher"))
    small, large = sizes <= q1, (sizes >= q2) & (sizes > q1)
    labels[small] = f"small (<= {q1:g} declarations)"
    labels[large] = f"large (>= {q2:g} declarations)"
    labels[sizes.notna() & ~small & ~large] = f"medium ({q1 + 1:g}-{q2 - 1:g} declarations)"
    return labels


def check_grouping(by: str, columns: Iterable[str] = FRAME_COLUMNS) -> str:
    """The column ``by`` reads; :class:`FairnessError` naming the choices if there is none.

    With the default ``columns`` (the analysis frame's contract) a CLI can refuse a typo
    before reading a large file; ``attr_`` columns exist only in some frames and pass.
    """
    column = GROUPINGS.get(by, by)
    if by in GROUPINGS or column in columns or column.startswith("attr_"):
        return column
    named = ", ".join(GROUPINGS)
    raise FairnessError(
        f"unknown grouping {by!r}: choose one of {named}, or a column of the analysis "
        "frame (e.g. incoterm, invoice_currency, exporter_country)",
        field="by",
    )


def _group_keys(decl: pd.DataFrame, by: str) -> tuple[pd.Series, str]:
    column = check_grouping(by, [c for c in decl.columns if c not in ("hit", "random")])
    if column not in decl.columns:  # attr_ column this frame lacks, or no importer_id
        raise FairnessError(
            f"grouping {by!r} needs the column {column!r}, which the frame lacks",
            kind="conflict",
        )
    keys = decl[column]
    keys = keys.astype(object).where(keys.notna(), MISSING).map(str)
    return keys.rename(by), column


def fairness_report(
    frame: pd.DataFrame,
    *,
    by: str,
    confidence: float = 0.95,
    min_group: int = DEFAULT_MIN_GROUP,
    selection_threshold: float = DEFAULT_SELECTION_THRESHOLD,
    min_random_controls: int = DEFAULT_MIN_RANDOM_CONTROLS,
    min_random_hits: int = DEFAULT_MIN_RANDOM_HITS,
) -> FairnessReport:
    """Audit who is selected for control, per group of ``by``, and flag over-targeted groups.

    ``by`` is one of :data:`GROUPINGS` (``origin`` is the origin of each declaration's
    highest-value item; ``importer_size`` buckets importers by their declarations in the
    frame) or any column of the analysis frame. Raises :class:`FairnessError` when the
    grouping is unknown or the frame holds no control result.
    """
    _check_options(confidence, min_group, selection_threshold)
    return declarations_report(
        declaration_frame(frame),
        by=by,
        confidence=confidence,
        min_group=min_group,
        selection_threshold=selection_threshold,
        min_random_controls=min_random_controls,
        min_random_hits=min_random_hits,
    )


def _check_options(confidence: float, min_group: int, selection_threshold: float) -> None:
    z_value(confidence)  # validates the level
    if min_group < 1:
        raise FairnessError(f"min_group must be at least 1, not {min_group}", field="min_group")
    if selection_threshold < 1:
        raise FairnessError(
            f"selection_threshold must be 1 or more (a ratio to the rest), not "
            f"{selection_threshold}",
            field="selection_threshold",
        )


def declarations_report(
    decl: pd.DataFrame,
    *,
    by: str,
    confidence: float = 0.95,
    min_group: int = DEFAULT_MIN_GROUP,
    selection_threshold: float = DEFAULT_SELECTION_THRESHOLD,
    min_random_controls: int = DEFAULT_MIN_RANDOM_CONTROLS,
    min_random_hits: int = DEFAULT_MIN_RANDOM_HITS,
) -> FairnessReport:
    """:func:`fairness_report` of a :func:`declaration_frame` already built (which does not
    change with ``by`` or the options: build it once to audit several groupings)."""
    _check_options(confidence, min_group, selection_threshold)
    keys, column = _group_keys(decl, by)
    controlled = decl["controlled"].to_numpy(dtype=int)
    if not controlled.any():
        raise FairnessError(
            "no declaration has a control result: selection and hit rates need controls "
            "(pass the control-result file, or ingest control results into the store)",
            kind="conflict",
        )
    hit = decl["hit"].to_numpy(dtype=int)
    random = decl["random"].to_numpy(dtype=int)
    # Counts per group in one grouped sum; each rate is a ratio of two of them (selection:
    # controlled / declarations, hit: hits / controlled, random hit: random hits / random
    # controls), as fairlearn's MetricFrame gave them - which called its metric functions
    # once per group through per-element conversions: minutes for a few thousand importers.
    counts = pd.DataFrame(
        {
            "declarations": np.ones(len(controlled), dtype=np.int64),
            "controlled": controlled,
            "hits": hit,
            "random_controls": random * controlled,
            "random_hits": hit * random,
        }
    ).groupby(keys.to_numpy())
    tallies = counts.sum()
    tallies.index = tallies.index.astype(str)
    overall = {str(k): float(v) for k, v in tallies.sum().items()}
    groups = tallies.copy()
    for rate, num, den in _RATES:
        name = "selection_rate" if rate == "selection" else f"{rate}_rate"
        groups[name] = _ratio(tallies[num].to_numpy(), tallies[den].to_numpy())
        overall[name] = _ratio(np.array([overall[num]]), np.array([overall[den]]))[0].item()
    table = _table(groups, overall, confidence=confidence)
    random_enough = (
        (table["random_controls"] >= min_random_controls)
        & (overall["random_controls"] - table["random_controls"] >= min_random_controls)
        & (overall["random_hits"] >= min_random_hits)
    )
    table["small"] = table["declarations"] < min_group
    table["random_used"] = random_enough
    verdicts = [
        _verdict(row, min_group=min_group, threshold=selection_threshold)
        for row in table[_VERDICT_COLUMNS].to_dict("records")
    ]
    table["flagged"] = pd.Series([f for f, _ in verdicts], index=table.index, dtype=bool)
    table["reason"] = pd.Series([r for _, r in verdicts], index=table.index, dtype=str)
    table = table.sort_values(
        ["selection_vs_rest", "declarations"], ascending=[False, False], kind="stable"
    )
    table.index.name = by
    notes = []
    if len(table) == 1:
        notes.append("only one group: there is no rest to compare it with")
    small = int(table["small"].sum())
    if small:
        notes.append(
            f"{small} group(s) with fewer than {min_group} declarations are reported but "
            "never flagged"
        )
    if overall["random_hits"] < min_random_hits:
        notes.append(
            f"only {overall['random_hits']:.0f} random-control hit(s) in all: too few for the "
            "random-control comparison to enter the flag rule"
        )
    return FairnessReport(
        by=by,
        column=column,
        confidence=confidence,
        min_group=min_group,
        selection_threshold=selection_threshold,
        min_random_controls=min_random_controls,
        min_random_hits=min_random_hits,
        overall=overall,
        table=table,
        notes=notes,
    )


# (rate name, numerator, denominator) for the three rates the audit compares.
_RATES = (
    ("selection", "controlled", "declarations"),
    ("hit", "hits", "controlled"),
    ("random_hit", "random_hits", "random_controls"),
)


def _table(groups: pd.DataFrame, overall: dict[str, float], *, confidence: float) -> pd.DataFrame:
    counts = ("declarations", "controlled", "hits", "random_controls", "random_hits")
    table = groups.copy()
    for column in counts:
        table[column] = table[column].astype(int)
    columns: dict[str, list[float]] = {}
    for rate, num, den in _RATES:
        rate_col = "selection_rate" if rate == "selection" else f"{rate}_rate"
        for name in (
            f"{rate_col}_low",
            f"{rate_col}_high",
            f"{rate}_ratio",
            f"{rate}_ratio_low",
            f"{rate}_ratio_high",
            f"{rate}_vs_rest",
            f"{rate}_vs_rest_low",
            f"{rate}_vs_rest_high",
        ):
            columns[name] = []
        total_num, total_den = int(overall[num]), int(overall[den])
        for k, n in zip(table[num], table[den], strict=True):
            low, high = wilson_interval(k, n, confidence=confidence)
            columns[f"{rate_col}_low"].append(low)
            columns[f"{rate_col}_high"].append(high)
            rr = katz_ratio(k, n, total_num - k, total_den - n, confidence=confidence)
            share = n / total_den if total_den else math.nan
            for suffix, value in zip(("", "_low", "_high"), rr, strict=True):
                columns[f"{rate}_vs_rest{suffix}"].append(value)
                columns[f"{rate}_ratio{suffix}"].append(ratio_to_overall(value, share))
    for name, values in columns.items():
        table[name] = values
    order = [
        "declarations",
        "controlled",
        "selection_rate",
        "selection_rate_low",
        "selection_rate_high",
        "hits",
        "hit_rate",
        "hit_rate_low",
        "hit_rate_high",
        "random_controls",
        "random_hits",
        "random_hit_rate",
        "random_hit_rate_low",
        "random_hit_rate_high",
    ]
    for rate, _, _ in _RATES:
        for kind in ("ratio", "vs_rest"):
            order += [f"{rate}_{kind}", f"{rate}_{kind}_low", f"{rate}_{kind}_high"]
    return table[order]


_VERDICT_COLUMNS = [
    "declarations",
    "selection_vs_rest",
    "selection_vs_rest_low",
    "hit_vs_rest_high",
    "random_hit_vs_rest_high",
    "random_used",
]


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is 0 (no rate to give)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = numerator / denominator
    return np.where(denominator > 0, ratio, np.nan)


def _verdict(row: Mapping[Hashable, Any], *, min_group: int, threshold: float) -> tuple[bool, str]:
    """Whether a group is flagged, and the reason in one line (flagged or not)."""
    sel, sel_low = row["selection_vs_rest"], row["selection_vs_rest_low"]
    if row["declarations"] < min_group:
        return False, f"fewer than {min_group} declarations: reported, never flagged"
    if math.isnan(sel_low):
        return False, "no other declarations (or no controls) to compare with"
    if not sel_low > threshold:
        return False, (
            f"not selected markedly more often: selection ratio to the rest {sel:.2f}, "
            f"lower bound {sel_low:.2f} <= {threshold:g}"
        )
    hit_high = row["hit_vs_rest_high"]
    if math.isnan(hit_high) or not hit_high < sel_low:
        return False, (
            f"selected {sel:.2f}x the rest (lower bound {sel_low:.2f}), but its hit rate among "
            f"controls may be up to {hit_high:.2f}x the rest's"
        )
    random_high = row["random_hit_vs_rest_high"]
    if row["random_used"] and (math.isnan(random_high) or not random_high < sel_low):
        return False, (
            f"selected {sel:.2f}x the rest (lower bound {sel_low:.2f}), but its hit rate among "
            f"random controls may be up to {random_high:.2f}x the rest's"
        )
    random_note = (
        f" (among random controls at most {random_high:.2f}x)" if row["random_used"] else ""
    )
    return True, (
        f"selected {sel:.2f}x as often as the rest (at least {sel_low:.2f}x) while its hit "
        f"rate among controls is at most {hit_high:.2f}x the rest's{random_note}"
    )
