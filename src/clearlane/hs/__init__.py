"""HS-code suggestion and the declared-code check (issue 13, part 2).

>>> from clearlane.hs import suggest, check_frame
>>> suggest(["men's cotton t-shirt"])[0][0].code
'610910'

Public names resolve on first use (module ``__getattr__``), so ``clearlane hs --help`` and the
CLI's start-up import no NumPy, scikit-learn or LightGBM.
"""

from __future__ import annotations

from typing import Any

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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from clearlane.hs import api

        return getattr(api, name)
    raise AttributeError(f"module 'clearlane.hs' has no attribute {name!r}")
