"""Property-based tests of the whole API from its OpenAPI schema (schemathesis).

Every operation of the schema gets generated requests, valid (positive) and invalid
(negative), as a supervisor (who reaches most routes) and as a trader (who reaches few and must
get clean refusals). Two checks: no server error, and every response matches the schema
documented for its status. Bounded (a few examples per operation and mode, derandomised) so CI
runs it in well under two minutes.

Operations are driven through their Hypothesis strategies rather than the schemathesis pytest
plugin, whose lazy-schema wrapper does not run on pytest 9; all failures of all operations are
reported together.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.conftest import World

EXAMPLES = 8  # per operation and generation mode
CHECKS = [not_a_server_error, response_schema_conformance]
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


@pytest.fixture(scope="module")
def api_schema(seeded_world: World) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", seeded_world.client.app)


def _summary(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " | ".join(lines[:14])


@pytest.mark.parametrize("role", ["supervisor", "trader"])
def test_no_server_error_and_responses_match_the_schema(
    role: str, seeded_world: World, api_schema: schemathesis.BaseSchema
) -> None:
    headers = seeded_world.headers[role]
    failures: list[str] = []
    operations = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()  # an invalid operation in the schema raises here
        operations += 1
        for mode in schemathesis.GenerationMode:

            @BOUNDED
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case: schemathesis.Case) -> None:
                response = case.call(headers=headers)
                case.validate_response(response, checks=CHECKS)

            try:
                run()
            except Unsatisfiable:
                if mode is schemathesis.GenerationMode.POSITIVE:
                    raise
                # nothing to make invalid (no parameters, no body)
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - reported below
                failures.append(f"[{mode.value}] {operation.label}: {_summary(exc)}")
    assert operations > 10
    assert not failures, f"as {role}:\n" + "\n".join(failures)
