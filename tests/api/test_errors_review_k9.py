"""Review k9 (session 23): a 500 says "the server logged the details", but the handler logged
with ``log.exception`` where Starlette calls it, outside the ``except`` that caught the error
(a sync handler runs in a worker thread): the log held "NoneType: None" and no traceback (seen
while finding the cause of a 500 among 20 racers with one Idempotency-Key). The exception
itself is now logged."""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clearlane.api import errors


def test_an_unhandled_error_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    app = FastAPI()
    errors.install(app)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("the details the log promises")

    with caplog.at_level(logging.ERROR, logger="clearlane.api"):
        answer = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    [record] = [r for r in caplog.records if "unhandled error on GET /boom" in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError
    assert "the details the log promises" in caplog.text
    assert "NoneType: None" not in caplog.text
