"""What of an audit entry a reader may see: risk information (scores, score components,
reasons, model and profile versions, routing cuts) only with ``risk:read``.

The trail itself is whole; only what is shown is filtered. A redacted entry says which keys
were withheld (``redacted``), so its hash can no longer be recomputed from what is shown:
verifying the chain is done server-side (``POST /api/audit/verify``).
"""

from __future__ import annotations

from typing import Any

from clearlane.api.deps import Principal
from clearlane.api.permissions import Permission

RISK_KEYS = frozenset(
    {
        "score",
        "components",
        "reasons",
        "reasons_note",  # a decision's note on reasons computed on opening: scores, models
        "model_version",
        "profile_version",
        "input_sha256",
        "routing",
        "cuts",
        "yellow_cut",
        "red_cut",
    }
)


def visible_entry(entry: dict[str, Any], user: Principal) -> dict[str, Any]:
    """``entry`` as ``user`` may see it (the same dict when nothing is withheld)."""
    payload = entry.get("payload")
    if user.can(Permission.RISK_READ) or not isinstance(payload, dict):
        return entry
    hidden = sorted(RISK_KEYS & payload.keys())
    if not hidden:
        return entry
    shown = {k: v for k, v in payload.items() if k not in RISK_KEYS}
    shown["redacted"] = hidden
    return {**entry, "payload": shown}


def visible_entries(rows: list[dict[str, Any]], user: Principal) -> list[dict[str, Any]]:
    return [visible_entry(row, user) for row in rows]
