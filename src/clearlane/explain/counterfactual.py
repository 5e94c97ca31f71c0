"""Counterfactuals: the smallest change of one declared field that would have sent a
declaration green.

Lanes are filled by rank under capacity (:mod:`clearlane.selection`), so "green" means a score
below the day's cut: :func:`risk_threshold` reads it off a routed batch (the lowest score that
was still selected for risk). :func:`counterfactual` then asks the real engine: it changes ONE
field **the trader declares** at a time, scores every candidate in a single ``engine.assess``
call, and returns the smallest change that brings the score below the cut, or says plainly
that none does.

What may change (:data:`TRADER_FIELDS`), on the declaration's riskiest item:

* the **declared value**, moved towards the unit value of comparable consignments (the
  engine's price reference, HS6 x origin with back-off to HS6, HS4, HS2): the lower edge of
  their normal band (3 robust sd), their 10th and 25th percentiles and their median for an
  item priced below the median, the mirror anchors above it; without a reference, ×/÷ a grid
  of factors. Duty and tax follow the value;
* the **net mass** (gross mass follows) and the **quantity**, ×/÷ a grid of factors;
* the **origin** (origins seen for the HS6), the **HS code** (other HS6 of the HS4) and the
  **Incoterm** (the Incoterms 2020 rules valid for the transport mode; a header field).

Never an identity key (:data:`IDENTITY_FIELDS`: trader, declarant, importer, exporter,
seller, courier, office, reference): a counterfactual that says "another trader would go green"
asks for something no amendment can do. Documents are not varied: the engine does not read
them, so attaching one cannot change the score.

Which change is "smallest":

* a change must lower the score by at least :data:`MIN_DROP` (a declaration sitting on the cut
  is "cleared" by numerical noise otherwise);
* numeric changes by their relative size ``|log factor|``; a change counts only when the next
  larger change in the same direction also clears (an effect that reverses when the change
  grows is an exact-match artefact, e.g. one gram off a remembered mass, not a property of
  the goods); a reference anchor counts only when every anchor beyond it also clears;
* categorical fields have no size: the one with the lowest resulting score wins;
* numeric before categorical when both work: the smaller edit, with a size an officer can
  weigh. The other changes that clear stay in ``alternatives``, each with its sentence.

A counterfactual is evidence for officers (what in this declaration drives its score), not a
guide for traders: like the profiles' conditions, it must not leave customs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from clearlane.core.codelists.trade import INCOTERMS_2020, SEA_ONLY_INCOTERMS
from clearlane.features.builder import prepare_arrays
from clearlane.risk.anomaly import REFERENCE_LEVELS
from clearlane.risk.base import RuleScorer
from clearlane.risk.engine import RiskEngine

__all__ = [
    "FACTORS",
    "IDENTITY_FIELDS",
    "TRADER_FIELDS",
    "Counterfactual",
    "counterfactual",
    "risk_threshold",
]

#: Scaling factors tried for numeric fields (each also as its inverse).
FACTORS: tuple[float, ...] = (1.1, 1.25, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0)
MAX_CATEGORIES = 40  # origins / HS codes tried at most, the most frequent first
#: A change must lower the score by at least this much: a declaration sitting on the cut is
#: "cleared" by any change at all (0.09120439 -> 0.09120438), which says nothing about it.
MIN_DROP = 1e-4

_VALUE_COLUMNS = ("customs_value", "item_value", "duty_amount", "tax_amount", "duty_at_stake")
_MASS_COLUMNS = ("net_mass_kg", "gross_mass_kg")
_LABELS = {
    "value": "declared value",
    "net_mass_kg": "net mass",
    "quantity": "quantity",
    "origin_country": "origin",
    "hs_code": "HS code",
    "incoterm": "Incoterm",
}
_NUMERIC = ("value", "net_mass_kg", "quantity")
#: The fields a counterfactual may change: declared by the trader, amendable.
TRADER_FIELDS: tuple[str, ...] = tuple(_LABELS)
#: Who declares, for whom, where: never changed (no amendment can change who the trader is).
IDENTITY_FIELDS: tuple[str, ...] = (
    "reference",
    "declarant_id",
    "importer_id",
    "exporter_id",
    "seller_id",
    "courier_id",
    "office",
)
_SEA_MODES = ("1", "8")  # sea, inland waterway: where the sea-only Incoterms apply
# Anchors of the unit value, in robust sd of the reference from its median (log scale): the
# lower edge of the normal band (the price flag's threshold), the 10th and 25th percentiles
# and the median; the mirror anchors above it. Percentiles from the robust median and MAD of
# the log unit value (normal approximation), the statistics the price reference keeps.
_ANCHORS: tuple[tuple[float, str], ...] = (
    (-3.0, "lower edge of the normal band (3 robust sd below the median)"),
    (-1.2816, "10th percentile"),
    (-0.6745, "25th percentile"),
    (0.0, "median"),
    (0.6745, "75th percentile"),
    (1.2816, "90th percentile"),
    (3.0, "upper edge of the normal band (3 robust sd above the median)"),
)
_MAD_TO_SIGMA = 1.4826
_LEVEL_NAMES = {
    i: " × ".join(c.upper() if c.startswith("hs") else c.split("_")[0] for c in cols if c != "unit")
    for i, cols in enumerate(REFERENCE_LEVELS)
}


def risk_threshold(
    routed: pd.DataFrame, *, office: str | None = None, day: date | str | None = None
) -> float | None:
    """The cut between green and the risk-selected lanes: the lowest score among declarations
    routed yellow or red for reason "risk" (optionally of one office and one day); None when
    none was.

    Capacity is per office and day, so the cut of a batch spanning several is the lowest of
    theirs: pass ``office`` and ``day`` to get the cut a declaration actually faced. A
    declaration is green for risk when its score is strictly below it.
    """
    needed = [c for c in ("lane", "selection_reason", "score") if c not in routed.columns]
    if office is not None and "office" not in routed.columns:
        needed.append("office")
    if day is not None and "declaration_date" not in routed.columns:
        needed.append("declaration_date")
    if needed:
        raise ValueError(f"routed declarations lack column(s): {', '.join(needed)}")
    mask = routed["lane"].isin(["yellow", "red"]) & (routed["selection_reason"] == "risk")
    if office is not None:
        mask &= routed["office"].astype(str) == office
    if day is not None:
        days = pd.to_datetime(routed["declaration_date"], errors="coerce").dt.normalize()
        mask &= days == pd.Timestamp(day).normalize()
    scores = pd.to_numeric(routed.loc[mask, "score"], errors="coerce").dropna()
    return float(scores.min()) if len(scores) else None


@dataclass
class Counterfactual:
    """The result of :func:`counterfactual` (``text`` says it in one sentence)."""

    found: bool
    field: str | None
    from_value: float | str | None
    to_value: float | str | None
    new_score: float | None
    old_score: float
    threshold: float
    text: str
    reference: str = ""
    item: int | None = None
    tried: int = 0
    alternatives: list[dict[str, Any]] = dc_field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def plain(v: Any) -> Any:
            if isinstance(v, np.generic):
                v = v.item()
            return None if isinstance(v, float) and not math.isfinite(v) else v

        return {
            "found": self.found,
            "field": self.field,
            "from_value": plain(self.from_value),
            "to_value": plain(self.to_value),
            "new_score": plain(self.new_score),
            "old_score": plain(self.old_score),
            "threshold": plain(self.threshold),
            "text": self.text,
            "reference": self.reference,
            "item": self.item,
            "tried": self.tried,
            "alternatives": [{k: plain(v) for k, v in a.items()} for a in self.alternatives],
        }


@dataclass
class _Candidate:
    field: str
    from_value: float | str
    to_value: float | str
    size: float  # |log factor| for numeric fields, 0 for categorical
    apply: Callable[[pd.DataFrame, Any], None]  # changes the row labelled by its 2nd argument
    # numeric: (field, direction) group and position in it, for the robustness rule
    group: tuple[str, int] | None = None
    step: int = 0
    anchor: bool = False
    wording: str = ""  # the change in customs words (empty: :func:`_describe` words it)
    probe: bool = False  # scored to test a change's mirror, never proposed


def _number(rows: pd.DataFrame, column: str, label: Any) -> float:
    if column not in rows.columns:
        return math.nan
    value = pd.to_numeric(pd.Series([rows.at[label, column]]), errors="coerce").iloc[0]
    return float(value)


def _text(rows: pd.DataFrame, column: str, label: Any) -> str | None:
    if column not in rows.columns:
        return None
    value = rows.at[label, column]
    return str(value).strip() if isinstance(value, str) and value.strip() else None


def _scale(columns: Sequence[str], factor: float) -> Callable[[pd.DataFrame, Any], None]:
    def apply(frame: pd.DataFrame, label: Any) -> None:
        for column in columns:
            if column in frame.columns:
                if frame[column].dtype != np.float64:  # e.g. whole quantities: int64
                    frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
                value = float(frame[column].to_numpy()[frame.index.get_loc(label)])
                if math.isfinite(value):
                    frame.at[label, column] = value * factor

    return apply


def _set(values: dict[str, str]) -> Callable[[pd.DataFrame, Any], None]:
    def apply(frame: pd.DataFrame, label: Any) -> None:
        for column, value in values.items():
            if column not in frame.columns:
                frame[column] = pd.Series(np.nan, index=frame.index, dtype=object)
            frame.at[label, column] = value

    return apply


def _reference_keys(engine: RiskEngine, level: str) -> list[tuple[str, ...]]:
    """Keys (split on "|") of one level of the engine's price reference, per kg."""
    stats = engine.price_reference.stats.get(level)
    if stats is None or stats.empty:
        return []
    out = []
    for key, n in zip(stats.index.astype(str), stats["n"].to_numpy(), strict=True):
        parts = tuple(key.split("|"))
        if parts[-1] == "kg":
            out.append((*parts[:-1], str(int(n))))
    return out


def _origins(engine: RiskEngine, hs6: str | None, current: str | None) -> list[str]:
    """Origins seen for the HS6 in the engine's history, most declarations first; the most
    common origins overall when the HS6 has none."""
    keys = _reference_keys(engine, "0")  # hs6 | origin | kg
    own = Counter({k[1]: int(k[2]) for k in keys if k[0] == hs6})
    if not own:
        own = Counter()
        for k in keys:
            own[k[1]] += int(k[2])
    return [o for o, _ in own.most_common() if o != current][:MAX_CATEGORIES]


def _hs_codes(engine: RiskEngine, hs6: str | None) -> list[str]:
    """Other HS6 of the same HS4 seen in the engine's history, most declarations first."""
    if not hs6 or len(hs6) < 4:
        return []
    keys = _reference_keys(engine, "1")  # hs6 | kg
    same = Counter({k[0]: int(k[1]) for k in keys if k[0][:4] == hs6[:4] and k[0] != hs6})
    return [h for h, _ in same.most_common()][:MAX_CATEGORIES]


def _reference(engine: RiskEngine, rows: pd.DataFrame, label: Any) -> dict[str, float] | None:
    """The price reference of the item (median and scale of log unit value per kg, peers,
    level) and its own unit value per kg; None when the item has no reference or no price."""
    try:
        prep = prepare_arrays(rows.loc[[label]])
        found = engine.price_reference.assess_arrays(prep)
    except Exception:  # no reference fitted, or no price: the grid stands in
        return None
    x = float(prep["log_uv_kg"][0])
    median, mad = float(found["median"][0]), float(found["mad"][0])
    if not (math.isfinite(x) and math.isfinite(median) and math.isfinite(mad)):
        return None
    scale = max(mad * _MAD_TO_SIGMA, engine.price_reference.min_scale)
    return {
        "log_uv": x,
        "median": median,
        "scale": scale,
        "n": float(found["n"][0]),
        "level": float(found["level"][0]),
    }


def _value_anchors(reference: dict[str, float]) -> list[tuple[float, str, float]]:
    """(factor on the declared value, anchor name, unit value per kg) for each anchor between
    the item's unit value and the median of comparable consignments, nearest first."""
    x, median, scale = reference["log_uv"], reference["median"], reference["scale"]
    out = []
    for z, name in _ANCHORS:
        target = median + z * scale
        if (x < target <= median) if x < median else (median <= target < x):
            out.append((math.exp(target - x), name, math.exp(target)))
    out.sort(key=lambda a: abs(math.log(a[0])))
    return out


def _grid(
    name: str, current: float, columns: Sequence[str], *, directions: Sequence[int] = (1, -1)
) -> list[_Candidate]:
    out = []
    for direction in directions:
        for step, factor in enumerate(FACTORS):
            f = factor if direction > 0 else 1.0 / factor
            out.append(
                _Candidate(
                    name,
                    current,
                    current * f,
                    abs(math.log(f)),
                    _scale(columns, f),
                    group=(name, direction),
                    step=step,
                )
            )
    return out


def _candidates(engine: RiskEngine, rows: pd.DataFrame, label: Any) -> list[_Candidate]:
    out: list[_Candidate] = []
    value = _number(rows, "customs_value", label)
    if not value >= 0:
        value = _number(rows, "item_value", label)
    if math.isfinite(value) and value > 0:
        reference = _reference(engine, rows, label)
        anchors = _value_anchors(reference) if reference is not None else []
        if reference is not None and anchors:
            direction = 1 if anchors[0][0] > 1 else -1
            level = _LEVEL_NAMES.get(int(reference["level"]), "comparable goods")
            peers = f"{level}, {int(reference['n']):,} declarations"
            now = math.exp(reference["log_uv"])
            for step, (factor, name, per_kg) in enumerate(anchors):
                side = "at or above" if direction > 0 else "at or below"
                wording = (
                    f"declared unit value {side} the {name} of comparable consignments "
                    f"({peers}): {now:,.2f} → {per_kg:,.2f} per kg, declared value "
                    f"{value:,.2f} → {value * factor:,.2f}"
                )
                out.append(
                    _Candidate(
                        "value",
                        value,
                        value * factor,
                        abs(math.log(factor)),
                        _scale(_VALUE_COLUMNS, factor),
                        group=("value", direction),
                        step=step,
                        anchor=True,
                        wording=wording,
                    )
                )
                out.append(  # the mirror change, to tell a direction from a broken key
                    _Candidate(
                        "value",
                        value,
                        value / factor,
                        abs(math.log(factor)),
                        _scale(_VALUE_COLUMNS, 1.0 / factor),
                        group=("value", -direction),
                        step=step,
                        probe=True,
                    )
                )
        elif reference is None:
            out.extend(_grid("value", value, _VALUE_COLUMNS))
    for name, columns in (("net_mass_kg", _MASS_COLUMNS), ("quantity", ("quantity",))):
        current = _number(rows, name, label)
        if math.isfinite(current) and current > 0:
            out.extend(_grid(name, current, columns))
    hs6 = _text(rows, "hs6", label) or (_text(rows, "hs_code", label) or "")[:6] or None
    origin = _text(rows, "origin_country", label)
    for other in _origins(engine, hs6, origin):
        out.append(
            _Candidate("origin_country", origin or "", other, 0.0, _set({"origin_country": other}))
        )
    code = _text(rows, "hs_code", label) or hs6 or ""
    for other in _hs_codes(engine, hs6):
        change = {"hs_code": other, "hs6": other, "hs4": other[:4], "hs2": other[:2]}
        out.append(_Candidate("hs_code", code, other, 0.0, _set(change)))
    incoterm = _text(rows, "incoterm", label)
    if incoterm is not None:  # a header field: every row of the declaration
        mode = _text(rows, "transport_mode", label)
        valid = INCOTERMS_2020 if mode in _SEA_MODES else INCOTERMS_2020 - SEA_ONLY_INCOTERMS
        for other in sorted(valid - {incoterm.upper()}):
            out.append(_Candidate("incoterm", incoterm, other, 0.0, _set_all({"incoterm": other})))
    assert not {c.field for c in out} & set(IDENTITY_FIELDS)
    return out


def _set_all(values: dict[str, str]) -> Callable[[pd.DataFrame, Any], None]:
    def apply(frame: pd.DataFrame, label: Any) -> None:
        del label  # a header field: the whole declaration
        for column, value in values.items():
            frame[column] = value

    return apply


def _robust(candidates: list[_Candidate], clear: np.ndarray) -> np.ndarray:
    """Which clearing candidates count. A numeric change counts only when

    * the next larger change in its direction clears too (for a reference anchor: every anchor
      beyond it): an effect that vanishes as the change grows is not a trend, and
    * the same change in the other direction does **not** clear: when both do, any edit of the
      field clears, i.e. the score rests on an exact match with earlier declarations (a
      remembered value or mass), not on where the field stands.

    Categorical changes count as they are; probes never."""
    ok = clear.copy()
    groups: dict[tuple[str, int], list[int]] = {}
    for k, c in enumerate(candidates):
        if c.group is not None:
            groups.setdefault(c.group, []).append(k)
    for (field, direction), members in groups.items():
        members.sort(key=lambda k: candidates[k].step)
        anchors = candidates[members[0]].anchor
        mirrors = {round(candidates[j].size, 9): j for j in groups.get((field, -direction), [])}
        for i, k in enumerate(members):
            later = members[i + 1 :] if anchors else members[i + 1 : i + 2]
            mirror = mirrors.get(round(candidates[k].size, 9))
            two_sided = mirror is not None and bool(clear[mirror])
            ok[k] = bool(clear[k]) and all(bool(clear[j]) for j in later) and not two_sided
    for k, c in enumerate(candidates):
        if c.probe:
            ok[k] = False
    return ok


def _decimals(*values: float) -> int:
    """Decimals (3 to 8) that tell the given scores apart, e.g. 0.99981 from a cut of 0.99986."""
    finite = [v for v in values if math.isfinite(v)]
    for d in range(3, 9):
        if len({round(v, d) for v in finite}) == len(set(finite)):
            return d
    return 8


def _describe(c: _Candidate) -> str:
    if c.wording:
        return c.wording
    label = _LABELS[c.field]
    if c.field in _NUMERIC:
        assert isinstance(c.from_value, float) and isinstance(c.to_value, float)
        factor = c.to_value / c.from_value
        shown = f"×{factor:.3g}" if factor >= 1 else f"÷{1 / factor:.3g}"
        unit = " kg" if c.field == "net_mass_kg" else ""
        return f"{label} {c.from_value:,.2f}{unit} → {c.to_value:,.2f}{unit} ({shown})"
    return f"{label} {c.from_value or '(not given)'} → {c.to_value}"


def counterfactual(
    engine: RiskEngine,
    frame_rows: pd.DataFrame,
    *,
    threshold: float,
    profiles: RuleScorer | None = None,
) -> Counterfactual:
    """The smallest change of one actionable field of the declaration in ``frame_rows`` (its
    analysis-frame rows, one declaration) that brings its score below ``threshold``.

    Every candidate is scored by the real engine, in one ``engine.assess`` call; the choice
    rule is in the module docstring. A declaration already below the threshold, or one that no
    single change clears, comes back with ``found=False`` and a sentence saying so.
    """
    if frame_rows.empty:
        raise ValueError("counterfactual needs the rows of one declaration; none were given")
    rows = frame_rows.reset_index(drop=True)
    details = engine.assess_items(rows, profiles=profiles)
    if len(details.assessments) != 1:
        refs = ", ".join(map(str, details.assessments["reference"].head(5)))
        raise ValueError(
            f"counterfactual takes one declaration; the rows hold {len(details.assessments)} "
            f"({refs})"
        )
    head = details.assessments.iloc[0]
    reference = str(head["reference"])
    old = float(head["score"])
    riskiest = int(details.riskiest[0])
    label = rows.index[riskiest]
    seq_value = _number(rows, "seq", label)
    seq = int(seq_value) if math.isfinite(seq_value) else riskiest + 1
    several = len(rows) > 1
    where = f" of item {seq}" if several else ""
    base = Counterfactual(
        found=False,
        field=None,
        from_value=None,
        to_value=None,
        new_score=None,
        old_score=old,
        threshold=float(threshold),
        text="",
        reference=reference,
        item=seq,
    )
    if old < threshold:
        d = _decimals(old, threshold)
        base.text = (
            f"{reference} already scores {old:.{d}f}, below the cut of {threshold:.{d}f}: "
            "nothing to change"
        )
        return base

    candidates = _candidates(engine, rows, label)
    if not candidates:
        base.text = (
            f"no field the trader declares{where} of {reference} can be varied (value, masses, "
            "quantity missing; no alternative origin, HS code or Incoterm)"
        )
        return base
    copies = []
    for k, c in enumerate(candidates):
        copy = rows.copy()
        c.apply(copy, label)
        copy["reference"] = f"{reference}~cf{k}"
        copies.append(copy)
    batch = pd.concat(copies, ignore_index=True)
    scored = engine.assess(batch, profiles=profiles)
    by_ref = dict(zip(scored["reference"].astype(str), scored["score"].astype(float), strict=True))
    new = np.array([by_ref[f"{reference}~cf{k}"] for k in range(len(candidates))])
    base.tried = len(candidates)
    raw = (new < threshold) & (new <= old - MIN_DROP)
    clear = _robust(candidates, raw)
    artefact = sorted(
        {_LABELS[candidates[k].field] for k in np.flatnonzero(raw & ~clear).tolist()}
        & {_LABELS[f] for f in _NUMERIC}
    )

    numeric = [k for k in np.flatnonzero(clear).tolist() if candidates[k].field in _NUMERIC]
    categorical = [k for k in np.flatnonzero(clear).tolist() if candidates[k].field not in _NUMERIC]
    order = _NUMERIC

    def rank(k: int) -> tuple[float, bool, float, int]:
        c = candidates[k]
        return (c.size, not c.anchor, float(new[k]), order.index(c.field))

    if numeric:
        best = min(numeric, key=rank)
    elif categorical:
        best = min(categorical, key=lambda k: new[k])
    else:
        kept = np.flatnonzero(~raw)  # what did not clear at all (not the artefacts)
        lowest = int(kept[np.argmin(new[kept])]) if len(kept) else int(np.argmin(new))
        d = _decimals(old, threshold, float(new[lowest]))
        others = [
            i
            for i in range(len(rows))
            if i != riskiest and details.components["score"][i] >= threshold
        ]
        blocked = ""
        if others:
            blocked = (
                "; other items score at or above the cut whatever this item declares ("
                + ", ".join(f"{details.components['score'][i]:.{d}f}" for i in others)
                + ")"
            )
        if artefact:
            blocked += (
                f"; changing the {' or the '.join(artefact)} in either direction, or only "
                "slightly, would clear it: the score rests on an exact match with earlier "
                "declarations, not on where these fields stand"
            )
        base.text = (
            f"no single change of the declared value (up to the median unit value of comparable "
            f"consignments, or ×/÷ up to {max(FACTORS):g}), net mass, quantity (×/÷ up to "
            f"{max(FACTORS):g}), origin, HS code or Incoterm{where} brings {reference} below the "
            "cut of "
            f"{threshold:.{d}f}: {len(candidates)} alternatives tried, the lowest score reached "
            f"was {new[lowest]:.{d}f} ({_describe(candidates[lowest])}){blocked}"
        )
        base.new_score = float(new[lowest])
        return base
    others = sorted(numeric, key=rank) + sorted(categorical, key=lambda k: float(new[k]))
    base.alternatives = [
        {
            "field": candidates[k].field,
            "from_value": candidates[k].from_value,
            "to_value": candidates[k].to_value,
            "new_score": float(new[k]),
            "text": _describe(candidates[k]),
        }
        for k in others
        if k != best
    ]
    c = candidates[best]
    base.found = True
    base.field = c.field
    base.from_value = c.from_value
    base.to_value = c.to_value
    base.new_score = float(new[best])
    d = _decimals(old, threshold, float(new[best]))
    base.text = (
        f"{_describe(c)}{where} would bring the score of {reference} from {old:.{d}f} to "
        f"{new[best]:.{d}f}, below the cut of {threshold:.{d}f} (green)"
    )
    return base
