"""Property-based tests of the whole API from its OpenAPI schema (schemathesis).

Every operation of the schema gets generated requests, valid (positive) and invalid
(negative), as a supervisor (who reaches most routes) and as a trader (who reaches few and must
get clean refusals). Two checks: no server error, and every response matches the schema
documented for its status. Bounded (a few examples per operation and mode, derandomised) so CI
runs it in well under two minutes.

Server-sent-event streams are left out (they never end). Operations are driven through their
Hypothesis strategies rather than the schemathesis pytest plugin, whose lazy-schema wrapper
does not run on pytest 9; all failures of all operations are reported together.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.conftest import World

EXAMPLES = 6  # per operation and generation mode
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


def _streams(operation: schemathesis.APIOperation) -> bool:
    """Server-sent events: the response never ends, so there is no body to validate (the
    permission-matrix test checks who may open the stream)."""
    responses = operation.definition.raw.get("responses", {})
    kinds = {
        media
        for status, response in responses.items()
        if str(status).startswith("2")
        for media in (response.get("content") or {})
    }
    return bool(kinds) and kinds <= {"text/event-stream"}


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
        if _streams(operation):
            continue
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
