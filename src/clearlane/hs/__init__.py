"""HS-code suggestion and the declared-code check (issue 13, part 2).

>>> from clearlane.hs import suggest, check_frame
>>> suggest(["men's cotton t-shirt"])[0][0].code
'610910'

Heavy imports (scikit-learn, LightGBM) happen when a model is first used.
"""

from clearlane.hs.api import (
    LOW_PLAUSIBILITY,
    Check,
    CodeError,
    Suggestion,
    check,
    check_frame,
    clean_code,
    suggest,
)

__all__ = [
    "LOW_PLAUSIBILITY",
    "Check",
    "CodeError",
    "Suggestion",
    "check",
    "check_frame",
    "clean_code",
    "suggest",
]
