"""Controlled vocabularies of the domain (DESIGN.md "Words")."""

from __future__ import annotations

from enum import StrEnum


class Lane(StrEnum):
    GREEN = "green"  # release
    YELLOW = "yellow"  # documentary check
    RED = "red"  # physical inspection
    BLUE = "blue"  # post-clearance audit (optional)


class ControlType(StrEnum):
    """What was done, kept apart from the lane colour so reports compare across administrations."""

    NONE = "none"
    UNSPECIFIED = "unspecified"  # the source says a control happened, not which kind
    DOCUMENTARY = "documentary"
    PHYSICAL = "physical"
    NON_INTRUSIVE = "non_intrusive"  # scanner / NII
    POST_CLEARANCE = "post_clearance"


class SelectionReason(StrEnum):
    RISK = "risk"
    RANDOM = "random"
    EXPLORATION = "exploration"  # drawn with a known probability among the least-known
    MANDATORY = "mandatory"
    OFFICER = "officer"
    UNKNOWN = "unknown"  # historical data that does not say why


class Outcome(StrEnum):
    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"


class IrregularityType(StrEnum):
    UNDERVALUATION = "undervaluation"
    MISCLASSIFICATION = "misclassification"
    ORIGIN = "origin"
    QUANTITY = "quantity"
    PROHIBITED_RESTRICTED = "prohibited_restricted"
    COUNTERFEIT = "counterfeit"
    DRUGS = "drugs"
    WEAPONS = "weapons"
    UNDECLARED_GOODS = "undeclared_goods"
    OTHER = "other"


class Severity(StrEnum):
    """How serious a control finding is; ``critical`` marks threats to public safety."""

    NONE = "none"
    REVENUE = "revenue"
    CRITICAL = "critical"


class DrugForm(StrEnum):
    """The form of seized drugs (a follow-up field of a ``drugs`` finding)."""

    POWDER = "powder"
    CRYSTALS = "crystals"
    TABLETS = "tablets"
    CAPSULES = "capsules"
    LIQUID = "liquid"
    PASTE = "paste"
    PLANT = "plant"  # leaves, flowers, resin
    OTHER = "other"
