"""Property-based tests of the whole API from its OpenAPI schema (schemathesis).

Every operation of the schema gets generated requests, valid (positive) and invalid
(negative), as every role, on SQLite and on PostgreSQL (whose refusals differ: NUL characters,
column lengths). Two checks: no server error, and every response matches the schema
documented for its status. Bounded (a few examples per operation and mode, derandomised) so it
runs in a few minutes.

A longer hunt: ``CLEARLANE_FUZZ_EXAMPLES=200`` (examples per operation, mode, role and store;
4 by default), ``CLEARLANE_FUZZ_SEED=<int>`` (a random but repeatable run; without it the
default count is derandomised and any other count is random), ``CLEARLANE_FUZZ_LOG=<file>``
(every failure in full, with the request that reproduces it, appended to the file).

Server-sent-event streams are left out (they never end). Operations are driven through their
Hypothesis strategies rather than the schemathesis pytest plugin, whose lazy-schema wrapper
does not run on pytest 9; all failures of all operations are reported together.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from clearlane.users import Role
from tests.api.conftest import World, _world
from tests.conftest import BACKENDS, postgres_database

DEFAULT_EXAMPLES = 4  # per operation, generation mode, role and store: the suite's run
EXAMPLES = int(os.environ.get("CLEARLANE_FUZZ_EXAMPLES") or DEFAULT_EXAMPLES)
SEED = os.environ.get("CLEARLANE_FUZZ_SEED")
LOG = os.environ.get("CLEARLANE_FUZZ_LOG")
CHECKS = [not_a_server_error, response_schema_conformance]
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES == DEFAULT_EXAMPLES and SEED is None,
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)


@pytest.fixture(
    scope="module", params=[pytest.param(b, marks=getattr(pytest.mark, b)) for b in BACKENDS]
)
def store_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """The seeded world of :mod:`tests.api.seed` on each backend."""
    if request.param == "sqlite":
        yield from _world(tmp_path_factory, with_data=True)
        return
    with postgres_database() as url:  # dropped however the module's tests end
        yield from _world(tmp_path_factory, with_data=True, url=url)


@pytest.fixture(scope="module")
def api_schema(store_world: World) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", store_world.client.app)


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


def _seeded(test):  # type: ignore[no-untyped-def]
    """``CLEARLANE_FUZZ_SEED``'s seed, or none (derandomised or random, as `BOUNDED` says)."""
    return seed(int(SEED))(test) if SEED is not None else test


def _full(error: BaseException) -> str:
    """The failure with its sub-failures and Hypothesis's falsifying examples (the request)."""
    return "".join(traceback.format_exception(error))


def _summary(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " | ".join(lines[:14])


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_no_server_error_and_responses_match_the_schema(
    role: str, store_world: World, api_schema: schemathesis.BaseSchema
) -> None:
    headers = store_world.headers[role]
    failures: list[str] = []
    operations = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()  # an invalid operation in the schema raises here
        if _streams(operation) or operation.path == "/api/auth/logout":
            continue  # endless; or would end the session the other operations use
        operations += 1
        for mode in schemathesis.GenerationMode:

            @_seeded
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
                if LOG:
                    with Path(LOG).open("a", encoding="utf-8") as log:
                        log.write(f"=== {role} [{mode.value}] {operation.label}\n{_full(exc)}\n\n")
    assert operations > 10
    assert not failures, f"as {role}:\n" + "\n".join(failures)
