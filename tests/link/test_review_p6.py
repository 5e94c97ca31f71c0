"""Review of the merge of linkmem and parties10 (session reviewp6): each test failed before
its fix."""

from __future__ import annotations

from clearlane.link.resolve import prediction_columns
from clearlane.link.settings import PARTY_MODEL


def test_the_narrow_read_keeps_every_column_the_location_rule_names() -> None:
    # linkmem's narrow read of Splink's predictions and parties10's rule for persons with other
    # given names (location_evidence's "given_names", the romanised names) were merged apart:
    # the column was not read and the rule was silently off on lead (set 10's twins linked)
    rule = PARTY_MODEL["location_evidence"]
    available = [
        f"{rule[k]}_{side}"
        for k in ("legal_form", "kind", "tokens", "po_box", "given_names")
        for side in ("l", "r")
    ] + ["name_key_l", "name_key_r", "gamma_name"]
    kept = prediction_columns(available, PARTY_MODEL)
    assert {f"{rule['given_names']}_l", f"{rule['given_names']}_r"} <= set(kept)
    assert "name_key_l" not in kept and "gamma_name" in kept
