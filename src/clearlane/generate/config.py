"""Knobs of the generator: fraud rates, trader structure, inspection and detection model.

Defaults give an overall fraud prevalence of about 4 % of declarations. Rates are *targets*
for the share of all declarations that carry each mechanism; the generator spreads each rate
over the declarations where the mechanism is possible (see ``docs/generator.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Mechanism codes as written in ground_truth.csv, in the order they are planted.
UNDERVALUATION = "undervaluation"
MISCLASSIFICATION = "misclassification"
ORIGIN = "origin"
QUANTITY = "quantity"
DRIFT_UNDERVALUATION = "drift_undervaluation"
DRUGS = "drugs"
WEAPONS = "weapons"
PROHIBITED = "prohibited_restricted"

REVENUE_MECHANISMS = (ORIGIN, MISCLASSIFICATION, QUANTITY, UNDERVALUATION, DRIFT_UNDERVALUATION)
CRITICAL_MECHANISMS = (DRUGS, WEAPONS, PROHIBITED)
MECHANISMS = (*REVENUE_MECHANISMS, *CRITICAL_MECHANISMS)


@dataclass(frozen=True)
class FraudModel:
    """How much fraud, of which kind, by whom."""

    # Target share of all declarations carrying each mechanism (drift is set below).
    rates: dict[str, float] = field(
        default_factory=lambda: {
            UNDERVALUATION: 0.018,
            MISCLASSIFICATION: 0.008,
            ORIGIN: 0.004,
            QUANTITY: 0.007,
            DRUGS: 0.0005,
            WEAPONS: 0.0003,
            PROHIBITED: 0.0004,
        }
    )
    # Repeat offenders: a few traders and brokers with a much higher propensity.
    repeat_importer_share: float = 0.015
    repeat_importer_factor: float = 15.0
    repeat_broker_share: float = 0.04
    repeat_broker_factor: float = 4.0
    propensity_sigma: float = 0.6  # spread of ordinary traders' propensity (lognormal)
    max_probability: float = 0.9
    # The new scheme (concept drift): from this fraction of the period, a new group of
    # importers handles this share of declarations and undervalues most of them.
    drift_start_fraction: float = 0.6
    drift_share: float = 0.012
    drift_fraud_probability: float = 0.85
    # How much of the truth leaks into the other documents.
    invoice_true_value_share: float = 0.2  # undervaluation: invoice shows the real price
    invoice_true_hs_share: float = 0.3  # misclassification: invoice shows the real HS code
    manifest_true_receipt_share: float = 0.5  # origin: BL shows the real place of receipt
    undervaluation_range: tuple[float, float] = (0.3, 0.7)  # declared / true value
    drift_undervaluation_range: tuple[float, float] = (0.3, 0.55)
    quantity_range: tuple[float, float] = (0.45, 0.85)  # declared / true quantity


@dataclass(frozen=True)
class ControlModel:
    """Which controls find what. Probabilities per mechanism and control type."""

    detection: dict[str, dict[str, float]] = field(
        default_factory=lambda: {
            UNDERVALUATION: {"documentary": 0.55, "physical": 0.65, "non_intrusive": 0.2},
            DRIFT_UNDERVALUATION: {"documentary": 0.55, "physical": 0.65, "non_intrusive": 0.2},
            MISCLASSIFICATION: {"documentary": 0.35, "physical": 0.85, "non_intrusive": 0.3},
            ORIGIN: {"documentary": 0.3, "physical": 0.4, "non_intrusive": 0.1},
            QUANTITY: {"documentary": 0.25, "physical": 0.9, "non_intrusive": 0.6},
            DRUGS: {"documentary": 0.02, "physical": 0.75, "non_intrusive": 0.55},
            WEAPONS: {"documentary": 0.02, "physical": 0.8, "non_intrusive": 0.6},
            PROHIBITED: {"documentary": 0.05, "physical": 0.7, "non_intrusive": 0.3},
        }
    )
    # When the invoice shows the true price, a documentary check finds undervaluation easily.
    leaked_invoice_detection: float = 0.9
    random_types: dict[str, float] = field(
        default_factory=lambda: {"documentary": 0.5, "physical": 0.35, "non_intrusive": 0.15}
    )
    # Weights of the legacy risk signal (a noisy logistic function of known red flags).
    legacy_weights: dict[str, float] = field(
        default_factory=lambda: {
            "intercept": -2.5,
            "low_price": 1.3,
            "high_duty": 0.8,
            "watch_route": 1.3,
            "new_importer": 0.6,
            "importer_record": 1.6,
            "broker_record": 0.7,
            "vague_description": 0.9,
            "high_value": 0.4,
            "noise": 1.0,
        }
    )


@dataclass(frozen=True)
class GeneratorConfig:
    """Everything one run needs. ``generate_dataset`` builds this from its arguments."""

    declarations: int
    seed: int
    start: date = date(2025, 1, 1)
    days: int = 365
    random_control_share: float = 0.1
    inspection_rate: float = 0.08
    importers: int = 3000
    ecommerce_importer_share: float = 0.08
    brokers: int = 250
    fraud: FraudModel = field(default_factory=FraudModel)
    controls: ControlModel = field(default_factory=ControlModel)
    # Deliberate bias, for testing bias audits: the legacy risk signal multiplies the odds of
    # declarations whose main origin (origin of the highest-value item) is this country by
    # ``over_target_factor``, whatever their fraud. Off (None) by default.
    over_target_origin: str | None = None
    over_target_factor: float = 3.0
