"""Bias audit of targeting: selection and hit rates per group, with intervals and flags.

>>> from clearlane.fairness import fairness_report, write_fairness_report
>>> report = fairness_report(frame, by="origin")
>>> report.flagged, report.table
>>> write_fairness_report(report, Path("reports"))

See ``docs/fairness.md`` for what is measured, the intervals, the flag rule and its limits.
"""

from clearlane.fairness.audit import (
    GROUPINGS,
    FairnessError,
    FairnessReport,
    check_grouping,
    declaration_frame,
    fairness_report,
    importer_size_buckets,
)
from clearlane.fairness.report import fairness_section, write_fairness_report

__all__ = [
    "GROUPINGS",
    "FairnessError",
    "FairnessReport",
    "check_grouping",
    "declaration_frame",
    "fairness_report",
    "fairness_section",
    "importer_size_buckets",
    "write_fairness_report",
]
