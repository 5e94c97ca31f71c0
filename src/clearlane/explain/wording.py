"""Numbers in reason sentences, worded so their size survives rounding."""

from __future__ import annotations

import math


def of_the_median(ratio: float) -> str:
    """A declared value relative to a median: ``2.40 × the median`` at or above 1, a fraction
    below it (``1/230 of the median``, ``1/2.5 of the median``), so a 230-fold undervaluation
    does not print as ``0.00 ×``."""
    if not math.isfinite(ratio) or ratio <= 0:
        return f"{ratio} × the median"
    if ratio >= 1:
        return f"{ratio:,.2f} × the median"
    times = 1 / ratio
    shown = f"{times:,.0f}" if times >= 10 else f"{times:.1f}".removesuffix(".0")
    return f"1/{shown} of the median"
