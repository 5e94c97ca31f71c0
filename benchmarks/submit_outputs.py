"""Compare two runs' outputs of ``benchmarks/submit_cpu.py --outputs FILE`` (the same prepared
store and records, e.g. old code against new): every response and every stored row of the
assessments (scores, lanes, components, reasons), HS checks, audit entries, declarations and
goods items, field by field. What differs between two runs of the same code by nature is left
out: row ids, timestamps, the audit chain's hashes (they hash the timestamps), tokens; and,
unless ``--with-routing``, the routing (``components.routing`` and the lane it chose): its
random draw (a fresh ``draw_id`` each time) and its cuts from the recent scores of the
wall-clock hour differ between two runs of the same code; so does, with it, the explanation of
an assessment either run deferred (green lane: reasons computed only when opened, session 23),
left out too (session 29: until then such pairs showed as differences). Run:

    python benchmarks/submit_outputs.py A.json B.json [--with-routing]

Prints what was compared and every difference (at most 20); exits 1 if any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

#: Keys whose values differ between two runs of the same code (when, not what).
VOLATILE = {
    "id",
    "assessed_at",
    "checked_at",
    "recorded_at",
    "created_at",
    "updated_at",
    "ingested_at",
    "received_at",
    "submitted_at",
    "batch_id",
    "hash",
    "prev_hash",
    "audit_hash",
}


#: The routing's keys (with ``routing`` itself: its draw, cuts and history), left out unless
#: ``--with-routing``.
ROUTING = {"routing", "lane", "selection_reason", "lane_status"}


def _plain(value: Any, drop: set[str] = VOLATILE) -> Any:
    """``value`` with the ``drop`` keys dropped; JSON text (audit payloads) parsed first."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: _plain(v, drop) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_plain(v, drop) for v in value]
    return value


def _diff(a: Any, b: Any, where: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            _diff(a.get(key), b.get(key), f"{where}.{key}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _diff(x, y, f"{where}[{i}]", out)
    elif a != b or type(a) is not type(b):
        out.append(f"{where}: {a!r} != {b!r}"[:300])


#: An assessment's explanation, computed only off the green lane (session 23): it follows the
#: routing, so it is left out with it where either run deferred it.
EXPLANATION = ("top_reasons", "reasons", "reasons_deferred")


def _deferred(row: dict[str, Any]) -> bool:
    components = row.get("components")
    inner = components.get("reasons_deferred") if isinstance(components, dict) else None
    return bool(row.get("reasons_deferred") or inner)


def _drop_deferred(a: dict[str, Any], b: dict[str, Any]) -> int:
    """Drop the explanation of each assessment (response, stored row, audit entry) deferred in
    either; returns how many."""
    pairs = []
    for x, y in zip(a.get("responses", []), b.get("responses", []), strict=False):
        for rx, ry in zip(x.get("results", []), y.get("results", []), strict=False):
            pairs.append((rx.get("assessment") or {}, ry.get("assessment") or {}))
    rows = zip(a["tables"].get("assessments", []), b["tables"].get("assessments", []), strict=False)
    pairs.extend(rows)
    entries = zip(a["tables"].get("audit_log", []), b["tables"].get("audit_log", []), strict=False)
    for x, y in entries:
        if isinstance(x.get("payload"), dict) and isinstance(y.get("payload"), dict):
            pairs.append((x["payload"], y["payload"]))
    dropped = 0
    for x, y in pairs:
        if _deferred(x) or _deferred(y):
            dropped += 1
            for row in (x, y):
                for key in EXPLANATION:
                    row.pop(key, None)
                if isinstance(row.get("components"), dict):
                    row["components"].pop("reasons_deferred", None)
    return dropped


def compare(
    a: dict[str, Any], b: dict[str, Any], routing: bool = False
) -> tuple[dict[str, int], list[str]]:
    """Counts compared per part, and the differences."""
    counts = {"responses": len(a["responses"])}
    for table, rows in a["tables"].items():
        counts[table] = len(rows)
    differences: list[str] = []
    drop = VOLATILE if routing else VOLATILE | ROUTING
    a, b = _plain(a, drop), _plain(b, drop)
    if not routing:
        counts["explanations deferred in either (left out)"] = _drop_deferred(a, b)
    _diff(a, b, "", differences)
    return counts, differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--with-routing", action="store_true")
    args = parser.parse_args()
    counts, differences = compare(
        json.loads(args.a.read_text()), json.loads(args.b.read_text()), args.with_routing
    )
    print("compared:", ", ".join(f"{n:,} {part}" for part, n in counts.items()))
    for line in differences[:20]:
        print(line)
    print(f"{len(differences)} difference(s)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
