"""One list of audit entry kinds (``clearlane.audit.AUDIT_KINDS``): every kind the code writes
is in it, and the filters (API and UI) offer and accept exactly those."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from clearlane.audit import AUDIT_KINDS, UnknownAuditKind
from clearlane.audit.chain import check_kind

SRC = Path(__file__).resolve().parents[2] / "src" / "clearlane"
# The calls that write an entry: append(session, kind=...), AuditEvent(kind, ...) /
# AuditEvent(kind=...); chain.append passes its own parameter on.
WRITERS = {"append", "AuditEvent"}


def written_kinds() -> dict[str, list[str]]:
    """Each kind written anywhere under src/clearlane, with where; a kind that is not a
    string literal is reported as its source text, so the test below names it."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in WRITERS:
                continue
            values = [k.value for k in node.keywords if k.arg == "kind"]
            if name == "AuditEvent" and node.args:
                values.append(node.args[0])
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.setdefault(value.value, []).append(where)
                elif where.startswith("audit/chain.py"):
                    continue  # append() hands its ``kind`` to AuditEvent
                else:
                    found.setdefault(ast.unparse(value), []).append(where)
    return found


def test_every_kind_written_is_listed_and_every_listed_kind_is_written() -> None:
    written = written_kinds()
    assert "export" in written and "decision" in written  # the scan finds the writers
    unlisted = {k: v for k, v in written.items() if k not in AUDIT_KINDS}
    assert not unlisted, f"add these kinds to clearlane.audit.AUDIT_KINDS: {unlisted}"
    assert sorted(set(AUDIT_KINDS)) == sorted(written), "a listed kind no code writes"
    assert len(set(AUDIT_KINDS)) == len(AUDIT_KINDS)


def test_an_unknown_kind_is_refused_naming_the_allowed_ones() -> None:
    assert check_kind("export") == "export"
    with pytest.raises(UnknownAuditKind) as caught:
        check_kind("exports")
    assert caught.value.errors[0]["field"] == "kind"
    assert all(kind in str(caught.value) for kind in AUDIT_KINDS)
