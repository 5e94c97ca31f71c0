"""Review c10 of small10: uploads of the same bytes at once, half of them refused after their
file was written (an unknown declaration: 404 from the attach), half attached, each with its
own Idempotency-Key, on SQLite and PostgreSQL. Every document row's file must exist at the end
(a refused upload removes the file only when no row names it), and no file is left that no
row names."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from clearlane.config import get_settings
from clearlane.store.session import open_store
from clearlane.store.tables import DocumentRow
from tests.api.helpers import own, submit
from tests.api.test_idempotency_review import App
from tests.api.test_idempotency_takeover import app  # noqa: F401 - the fixture
from tests.concurrency import together

RACERS = 12


def test_refused_and_attached_uploads_of_the_same_bytes_at_once_keep_every_named_file(
    app: App,  # noqa: F811
) -> None:
    submit(app.client, app.headers["trader"], own("RC10-DOC"))
    for round_ in range(3):
        data = f"the same bytes, round {round_}".encode()

        def upload(i: int, data: bytes = data, round_: int = round_) -> int:
            reference = "RC10-DOC" if i % 2 else "RC10-NONE"
            answer = app.upload(reference, "trader", f"rc10-{round_}-{i}", data=data)
            return int(answer.status_code)

        statuses = together(RACERS, upload)
        assert sorted(set(statuses)) == [201, 404], statuses
        with open_store(app.url)() as session:
            named = set(session.scalars(select(DocumentRow.sha256)))
        root = Path(get_settings().files_dir)
        on_disk = {p.name for p in root.rglob("*") if p.is_file()}
        assert named <= on_disk, named - on_disk
        assert on_disk <= named, on_disk - named
