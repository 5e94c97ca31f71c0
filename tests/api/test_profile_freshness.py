"""A risk profile imported or retired through the service (``clearlane.risk.profile_store``,
what the CLI, the API and the UI call) is used by the very next API submission: the running
app keeps the active profiles between submissions and must notice the change (SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from clearlane.learn.registry import ModelRegistry
from clearlane.risk.profile_store import retire_profile, save_profiles
from clearlane.risk.profiles import parse_profiles
from clearlane.store.session import open_store
from tests.api.conftest import Harness, harness
from tests.api.helpers import arms, own, submit
from tests.factories import item

KNITWEAR = {
    "id": "T-KNIT",
    "name": "knitted T-shirts",
    "version": 1,
    "owner": "tests",
    "rationale": "a new mandatory control, imported while the server runs",
    "valid_from": "2020-01-01",
    "weight": 0.9,
    "mandatory_control": True,
    "conditions": [{"op": "hs_prefix", "value": ["6109"]}],
}


@pytest.fixture(scope="module")
def fresh(
    tmp_path_factory: pytest.TempPathFactory, trained_registry: ModelRegistry
) -> Iterator[Harness]:
    with harness(tmp_path_factory.mktemp("fresh"), trained_registry) as made:
        yield made


def _reason(fresh: Harness, record: dict[str, Any]) -> str:
    [result] = submit(fresh.client, fresh.auth["officer"], record)["results"]
    assert result["assessment"] is not None, result
    return str(result["assessment"]["selection_reason"])


def test_an_imported_or_retired_profile_is_used_by_the_next_submission(fresh: Harness) -> None:
    store = open_store(fresh.url)
    knitwear = own("PF-KNIT-1", items=[item(hs_code="61091000")])
    assert _reason(fresh, arms("PF-ARMS-1")) == "mandatory"  # T-ARMS, loaded at start
    assert _reason(fresh, knitwear) != "mandatory"  # the profiles are in hand now

    save_profiles(parse_profiles([KNITWEAR]), changed_by="tests", session_factory=store)
    assert _reason(fresh, own("PF-KNIT-2", items=[item(hs_code="61091000")])) == "mandatory"

    retire_profile("T-ARMS", changed_by="tests", note="no longer inspected", session_factory=store)
    assert _reason(fresh, arms("PF-ARMS-2")) != "mandatory"
    retire_profile("T-KNIT", changed_by="tests", note="campaign over", session_factory=store)
    assert _reason(fresh, own("PF-KNIT-3", items=[item(hs_code="61091000")])) != "mandatory"

    # Retired, then imported again as a new version: back in force at once.
    again = parse_profiles([{**KNITWEAR, "version": 3}])
    save_profiles(again, changed_by="tests", session_factory=store)
    assert _reason(fresh, own("PF-KNIT-4", items=[item(hs_code="61091000")])) == "mandatory"
