"""Inspections: who gets controlled (legacy risk + random), and what the control finds.

Selection runs day by day under a capacity of ``inspection_rate`` x the day's declarations.
A ``random_control_share`` of that capacity goes to declarations drawn uniformly (the unbiased
sample); the rest goes to the highest scores of a *legacy* risk signal, a noisy function of
red flags an older system could see. Only controlled declarations get a control result, so
labels are missing for the rest: that is the selection bias a learner has to live with.
"""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta
from typing import Any

from clearlane.core.schema import ControlResult, IrregularityType, Outcome, Severity
from clearlane.generate import reference as ref
from clearlane.generate.cases import Case, Item
from clearlane.generate.config import (
    CRITICAL_MECHANISMS,
    DRIFT_UNDERVALUATION,
    DRUGS,
    MISCLASSIFICATION,
    ORIGIN,
    PROHIBITED,
    QUANTITY,
    REVENUE_MECHANISMS,
    UNDERVALUATION,
    WEAPONS,
    GeneratorConfig,
)
from clearlane.generate.draws import Draws, Weighted

IRREGULARITY: dict[str, IrregularityType] = {
    UNDERVALUATION: IrregularityType.UNDERVALUATION,
    DRIFT_UNDERVALUATION: IrregularityType.UNDERVALUATION,
    MISCLASSIFICATION: IrregularityType.MISCLASSIFICATION,
    ORIGIN: IrregularityType.ORIGIN,
    QUANTITY: IrregularityType.QUANTITY,
    DRUGS: IrregularityType.DRUGS,
    WEAPONS: IrregularityType.WEAPONS,
    PROHIBITED: IrregularityType.PROHIBITED_RESTRICTED,
}
DETECTION_METHOD = {
    "documentary": "document check",
    "physical": "physical examination",
    "non_intrusive": "scanner image",
}
MINUTES = {"documentary": (20, 180), "non_intrusive": (15, 60), "physical": (60, 480)}


class Inspector:
    """Scores, selects and inspects one day of declarations at a time."""

    def __init__(self, config: GeneratorConfig, draws: Draws) -> None:
        self.config = config
        self.model = config.controls
        self.d = draws
        self.random_types = Weighted.of(self.model.random_types)
        self.parcel_types = Weighted(["physical", "non_intrusive"], [0.7, 0.3])
        self.route_types = Weighted(["physical", "non_intrusive"], [0.6, 0.4])
        self.price_types = Weighted(["documentary", "physical"], [0.75, 0.25])
        self.risk_types = Weighted(["documentary", "physical", "non_intrusive"], [0.45, 0.45, 0.1])
        # Deliberate over-targeting (off by default): a fixed boost of the legacy log-odds.
        self.over_target_origin = config.over_target_origin
        self.over_target_boost = (
            math.log(config.over_target_factor) if config.over_target_origin else 0.0
        )

    def score(self, case: Case) -> float:
        """The legacy risk score in (0, 1): logistic of weighted red flags plus noise."""
        weights = self.model.legacy_weights
        total = weights["intercept"] + weights["noise"] * self.d.normal()
        for flag, raised in case.signals.items():
            if raised:
                total += weights.get(flag, 0.0)
        if self.over_target_origin and main_origin(case) == self.over_target_origin:
            total += self.over_target_boost
        return 1.0 / (1.0 + math.exp(-total))

    def run_day(self, batch: list[Case]) -> None:
        """Select the day's controls, inspect them, and let findings feed the trader records."""
        d = self.d
        for case in batch:
            case.score = round(self.score(case), 4)
        expected = self.config.inspection_rate * len(batch)
        capacity = min(len(batch), int(expected) + (1 if d.uniform() < expected % 1 else 0))
        n_random = sum(1 for _ in range(capacity) if d.chance(self.config.random_control_share))
        positions = list(range(len(batch)))
        for i in range(n_random):  # partial Fisher-Yates: the first n_random are the draw
            j = i + min(int(d.uniform() * (len(positions) - i)), len(positions) - i - 1)
            positions[i], positions[j] = positions[j], positions[i]
        chosen_random = set(positions[:n_random])
        rest = sorted(
            (p for p in range(len(batch)) if p not in chosen_random),
            key=lambda p: (-batch[p].score, p),
        )
        for position in sorted(chosen_random):
            self._control(batch[position], "random")
        for position in sorted(rest[: capacity - n_random]):
            self._control(batch[position], "risk")
        for case in batch:
            if case.detected:
                case.importer.detected += 1
                if case.broker is not None:
                    case.broker.detected += 1

    def _control_type(self, case: Case, reason: str) -> str:
        d = self.d
        if case.mode in ref.SMALL_PARCEL_MODES:
            return d.choose(self.parcel_types)
        if reason == "random":
            return d.choose(self.random_types)
        flags = case.signals
        if flags["watch_route"]:
            return d.choose(self.route_types)
        if flags["low_price"] and sum(flags.values()) == 1:
            return d.choose(self.price_types)
        return d.choose(self.risk_types)

    def _control(self, case: Case, reason: str) -> None:
        d = self.d
        control_type = self._control_type(case, reason)
        found: list[str] = []
        for mechanism in case.mechanisms:
            chance = self.model.detection[mechanism][control_type]
            if mechanism == UNDERVALUATION and case.invoice_leak and control_type == "documentary":
                chance = max(chance, self.model.leaked_invoice_detection)
            if d.chance(chance):
                found.append(mechanism)
        critical = case.critical
        if critical is not None and d.chance(self.model.detection[critical.kind][control_type]):
            found.append(critical.kind)
        revenue = any(m in REVENUE_MECHANISMS for m in found)
        critical_found = critical is not None and critical.kind in found
        if critical_found:
            severity = Severity.CRITICAL
        elif found:
            severity = Severity.REVENUE
        else:
            severity = Severity.NONE
        start = datetime.combine(case.when, time(8)) + timedelta(minutes=d.integer(0, 540))
        if control_type == "physical" and case.mode == "sea" and d.chance(0.5):
            start += timedelta(days=1)
        low, high = MINUTES[control_type]
        method = DETECTION_METHOD[control_type]
        if critical_found and critical is not None and critical.kind == DRUGS and d.chance(0.3):
            method = "sniffer dog"
        result: dict[str, Any] = {
            "declaration_reference": case.reference,
            "control_type": control_type,
            "selection_reason": reason,
            "outcome": Outcome.NON_COMPLIANT if found else Outcome.COMPLIANT,
            "irregularities": list(dict.fromkeys(IRREGULARITY[m] for m in found)),
            "severity": severity,
            "extra_duty": case.duty_evaded if revenue else 0.0,
            "detection_method": method if found else None,
            "officer": f"OFF-{case.office[-3:]}-{d.integer(1, 40):03d}",
            "remarks": self._remarks(case, found) if found else None,
            "started_at": start,
            "completed_at": start + timedelta(minutes=d.integer(low, high)),
        }
        if critical_found and critical is not None:
            result.update(
                seized_quantity=critical.seized_quantity,
                seized_unit=critical.seized_unit,
                concealment_method=critical.concealment,
                drug_type=critical.label if critical.kind == DRUGS else None,
            )
        case.control = ControlResult.model_validate(result).model_dump(
            mode="json", exclude_none=True
        )
        case.control_type = control_type
        case.selection_reason = reason
        case.detected = found

    @staticmethod
    def _remarks(case: Case, found: list[str]) -> str:
        """What the officer corrected, declared against found (DMSRES-like)."""
        declared = case.declaration["items"]
        notes = []
        for mechanism in found:
            if mechanism in (UNDERVALUATION, DRIFT_UNDERVALUATION):
                notes.append(
                    f"customs value {case.declared_value:.2f} EUR adjusted to "
                    f"{case.true_value:.2f} EUR"
                )
            elif mechanism == MISCLASSIFICATION:
                changes = _changes(declared, case.true_items, "hs_code", lambda i: i.code)
                notes.append(f"reclassified {changes}")
            elif mechanism == ORIGIN:
                changes = _changes(declared, case.true_items, "origin_country", lambda i: i.origin)
                notes.append(f"origin not proven, corrected {changes}")
            elif mechanism == QUANTITY:
                gross = sum(i["gross_mass_kg"] for i in declared)
                true = sum(i.gross for i in case.true_items)
                notes.append(f"gross mass found {true:.1f} kg, declared {gross:.1f} kg")
            elif mechanism in CRITICAL_MECHANISMS and case.critical is not None:
                notes.append(f"{case.critical.label} found, {case.critical.concealment}")
        return "; ".join(notes)


def main_origin(case: Case) -> str:
    """The declared origin of the declaration's highest-value item (first one on a tie)."""
    items = case.declaration["items"]
    return str(max(items, key=lambda i: i["customs_value"])["origin_country"])


def _changes(declared: list[dict[str, Any]], truth: list[Item], key: str, value: Any) -> str:
    pairs = [
        f"item {d['seq']}: {d[key]} -> {value(t)}"
        for d, t in zip(declared, truth, strict=True)
        if d[key] != value(t)
    ]
    return ", ".join(pairs)
