"""Compare two runs' outputs of ``benchmarks/submit_cpu.py --outputs FILE`` (the same prepared
store and records, e.g. old code against new): every response and every stored row of the
assessments (scores, lanes, components, reasons), HS checks, audit entries, declarations and
goods items, field by field. What differs between two runs of the same code by nature is left
out: row ids, timestamps, the audit chain's hashes (they hash the timestamps), tokens; and,
unless ``--with-routing``, the routing (``components.routing`` and the lane it chose): its
random draw (a fresh ``draw_id`` each time) and its cuts from the recent scores of the
wall-clock hour differ between two runs of the same code. Run:

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


def compare(
    a: dict[str, Any], b: dict[str, Any], routing: bool = False
) -> tuple[dict[str, int], list[str]]:
    """Counts compared per part, and the differences."""
    counts = {"responses": len(a["responses"])}
    for table, rows in a["tables"].items():
        counts[table] = len(rows)
    differences: list[str] = []
    drop = VOLATILE if routing else VOLATILE | ROUTING
    _diff(_plain(a, drop), _plain(b, drop), "", differences)
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
