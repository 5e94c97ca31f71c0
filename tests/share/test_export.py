"""Pseudonymised export: on a store filled by ingesting generated data plus records that carry
personal data on purpose, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import delete, select
from typer.testing import CliRunner

from clearlane.audit import entries, verify
from clearlane.audit.chain import AuditError
from clearlane.cli import app
from clearlane.core.schema import ControlResult, Declaration, GoodsItem, Party
from clearlane.core.validation import iso6346
from clearlane.generate import generate_dataset
from clearlane.ingest.parse import read_frame
from clearlane.ingest.pipeline import ingest_file, store_counts
from clearlane.share import (
    ExportError,
    ExportSummary,
    Pseudonymiser,
    export_declarations,
    key_fingerprint,
)
from clearlane.share.pseudonymise import (
    CONTROL_RULES,
    DECLARATION_RULES,
    ITEM_RULES,
    PARTY_RULES,
)
from clearlane.store.frames import load_items_frame
from clearlane.store.session import open_store
from clearlane.store.tables import AuditHeadRow, ControlResultRow, DeclarationRow
from tests.factories import declaration, item, write_jsonl

KEY = b"0123456789abcdef-test-key-one"
OTHER_KEY = b"fedcba9876543210-test-key-two"
FILES = ("declarations.jsonl", "controls.jsonl", "manifest.json")
runner = CliRunner()

# A declaration full of personal data: a natural person trading under their own name, an LRN
# that embeds their id, a seller known only by name, a vehicle plate, a street address as the
# Incoterm place, contact details in source attributes.
PERSON_ID = "NLJANSEN0001"
PERSONAL = declaration(
    "LRN-NLJANSEN0001-7",
    declaration_date="2025-01-15",
    declarant={"id": PERSON_ID, "name": "Jan Jansen", "country": "NL"},
    importer={"id": PERSON_ID, "name": "Jan Jansen", "country": "NL"},
    exporter={"name": "Wang Xiaoming Trading", "country": "CN"},
    seller={"id": "CNSELLERQQQ1", "name": "Li Wei"},
    transport_mode="3",
    transport_means_id="GX-123-Z",
    transport_document="CMR-JANSEN-77",
    invoice_number="WXT-2025-JANSEN",
    incoterm="DAP",
    incoterm_place="Keizersgracht 12, Amsterdam",
    attributes={
        "tax_type": "A",
        "contact_email": "jan.jansen@example.nl",
        "phone": "+31 6 1234 5678",
    },
)
AMENDED = {**PERSONAL, "items": [item(item_value=9100.0, customs_value=8372.0)]}
CONTROLS = [
    {
        "declaration_reference": "LRN-NLJANSEN0001-7",
        "control_type": "physical",
        "selection_reason": "officer",
        "outcome": "non_compliant",
        "irregularities": ["undervaluation"],
        "severity": "revenue",
        "extra_duty": 812.5,
        "officer": "OFF-PIETERSEN",
        "remarks": "Spoke to Mr Jansen, tel +31 6 1234 5678",
        "completed_at": "2025-01-16T10:00:00",
    },
    {  # its declaration is not in the store: counted as not exported
        "declaration_reference": "NOT-IN-STORE-1",
        "control_type": "documentary",
        "selection_reason": "random",
        "outcome": "compliant",
    },
]
PLANTED = ("Jansen", "jan.jansen@example.nl", "+31 6 1234 5678", "Keizersgracht", "PIETERSEN")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_dataset(
        declarations=400,
        seed=3,
        out_dir=out,
        start=date(2025, 1, 1),
        days=30,
        inspection_rate=0.3,
    )
    return out


@pytest.fixture
def filled(store_url: str, generated: Path, tmp_path: Path) -> str:
    """A store with the generated data, the personal declaration (amended once) and controls."""
    store = open_store(store_url)
    ingest_file(generated / "declarations.jsonl", session_factory=store)
    ingest_file(generated / "controls.jsonl", kind="controls", session_factory=store)
    ingest_file(write_jsonl(tmp_path / "personal.jsonl", [PERSONAL]), session_factory=store)
    ingest_file(write_jsonl(tmp_path / "amended.jsonl", [AMENDED]), session_factory=store)
    ingest_file(
        write_jsonl(tmp_path / "controls.jsonl", CONTROLS), kind="controls", session_factory=store
    )
    return store_url


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _export(url: str, **kwargs: Any) -> ExportSummary:
    with open_store(url)() as session:
        return export_declarations(session, actor="test", **kwargs)


def _stored(url: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with open_store(url)() as session:
        declarations = list(session.scalars(select(DeclarationRow.normalised)))
        controls = list(session.scalars(select(ControlResultRow.payload)))
    return declarations, controls


def _identifying_values(url: str) -> set[str]:
    """Every stored value that names or points to a trader, a person or a shipment."""
    declarations, controls = _stored(url)
    values: set[str] = set(PLANTED)
    for record in declarations:
        values.add(record["reference"])
        for role in ("declarant", "importer", "exporter", "seller", "courier"):
            party = record.get(role) or {}
            values.update(str(party[k]) for k in ("id", "name") if party.get(k))
        for name in ("transport_means_id", "transport_document", "invoice_number"):
            if record.get(name):
                values.add(record[name])
        values.update(record.get("containers") or ())
        values.update(v for k, v in (record.get("attributes") or {}).items() if k != "tax_type")
    for payload in controls:
        values.add(payload["declaration_reference"])
        values.update(payload[k] for k in ("officer", "remarks") if payload.get(k))
    return values


def test_no_identifier_or_name_survives(filled: str, tmp_path: Path) -> None:
    summary = _export(filled, out_dir=tmp_path / "out", key=KEY)
    assert summary.reconciles
    plain = _export(filled, out_dir=tmp_path / "plain", key=None, pseudonymise=False)
    assert plain.reconciles
    values = _identifying_values(filled)
    assert len(values) > 1000  # ids, names, references, documents of 400+ declarations
    exported = b"".join((tmp_path / "out" / name).read_bytes() for name in FILES)
    in_plain = b"".join((tmp_path / "plain" / name).read_bytes() for name in FILES)
    leaked = sorted(v for v in values if v.encode() in exported)
    assert leaked == []
    # The same search finds them in the plain export, so the check above can fail.
    assert PERSON_ID.encode() in in_plain and b"Jan Jansen" in in_plain
    assert sum(v.encode() in in_plain for v in values) > 0.9 * len(values)


def test_personal_fields_removed_and_counted(filled: str, tmp_path: Path) -> None:
    summary = _export(filled, out_dir=tmp_path / "out", key=KEY)
    p = Pseudonymiser(KEY)
    records = {r["reference"]: r for r in _lines(tmp_path / "out" / "declarations.jsonl")}
    for record in records.values():
        for role in ("declarant", "importer", "exporter", "seller", "courier"):
            party = record.get(role) or {}
            assert set(party) <= {"id", "name", "country"}
            if "name" in party:  # only a party without an id keeps a (tokenised) name
                assert "id" not in party and party["name"].startswith("N-")
            if "id" in party:
                assert party["id"].startswith("P-") and len(party["id"]) == 17
    person = records[p.token("declaration-reference", PERSONAL["reference"])]
    assert person["importer"] == {"id": p.token("party-id", PERSON_ID), "country": "NL"}
    assert person["declarant"] == person["importer"]
    assert person["exporter"] == {
        "name": p.token("party-name", "Wang Xiaoming Trading"),
        "country": "CN",
    }
    assert "incoterm_place" not in person  # a street address, not a UN/LOCODE
    assert person["attributes"] == {"tax_type": "A"}
    assert person["transport_means_id"] == p.token("transport-means-id", "GX-123-Z")
    generated = [r for r in records.values() if r is not person]
    assert all(len(r["incoterm_place"]) == 5 for r in generated if "incoterm_place" in r)
    assert sum("incoterm_place" in r for r in generated) > 300  # UN/LOCODEs are kept

    controls = list(_lines(tmp_path / "out" / "controls.jsonl"))
    assert all("officer" not in c and "remarks" not in c for c in controls)
    stored_officers = sum(1 for c in _stored(filled)[1] if c.get("officer"))
    stored_remarks = sum(1 for c in _stored(filled)[1] if c.get("remarks"))
    assert summary.removed["officer"] == stored_officers > 0
    assert summary.removed["remarks"] == stored_remarks > 0
    assert summary.removed["importer.name"] == summary.declarations_written
    assert summary.removed["incoterm_place"] == 1
    assert summary.attributes_removed == {"contact_email": 1, "phone": 1}
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["pseudonymisation"]["removed_values"]["officer"] == stored_officers
    assert manifest["pseudonymisation"]["attributes_removed"] == {"contact_email": 1, "phone": 1}


def test_tokens_are_stable_per_key_and_differ_across_keys(filled: str, tmp_path: Path) -> None:
    first = _export(filled, out_dir=tmp_path / "a", key=KEY)
    again = _export(filled, out_dir=tmp_path / "b", key=KEY)
    other = _export(filled, out_dir=tmp_path / "c", key=OTHER_KEY)
    a = (tmp_path / "a" / "declarations.jsonl").read_bytes()
    assert a == (tmp_path / "b" / "declarations.jsonl").read_bytes()
    assert first.key_fingerprint == again.key_fingerprint != other.key_fingerprint
    assert first.key_fingerprint == key_fingerprint(KEY)
    assert KEY.hex() not in (tmp_path / "a" / "manifest.json").read_text()

    # Same importer id -> same token on every declaration, under this key.
    p = Pseudonymiser(KEY)
    stored = {r["reference"]: r for r in _stored(filled)[0]}
    by_token = {r["reference"]: r for r in _lines(tmp_path / "a" / "declarations.jsonl")}
    tokens_of: dict[str, set[str]] = {}
    for reference, record in stored.items():
        exported = by_token[p.token("declaration-reference", reference)]
        for role in ("declarant", "importer", "exporter", "seller", "courier"):
            original = (record.get(role) or {}).get("id")
            if original:
                tokens_of.setdefault(original, set()).add(exported[role]["id"])
    assert all(len(tokens) == 1 for tokens in tokens_of.values())
    assert len({next(iter(t)) for t in tokens_of.values()}) == len(tokens_of)  # no collisions
    importers = Counter(r["importer"]["id"] for r in stored.values())
    assert importers.most_common(1)[0][1] > 1  # some importer has several declarations

    # Another key: none of the tokens come back.
    def tokens(records: Iterator[dict[str, Any]]) -> set[str]:
        return {t for r in records for t in (r["reference"], r["importer"].get("id")) if t}

    assert other.declarations_written == first.declarations_written
    with_other = tokens(_lines(tmp_path / "c" / "declarations.jsonl"))
    assert len(with_other) > 400
    assert not with_other & tokens(iter(by_token.values()))


def test_values_and_outcomes_match_the_store(filled: str, tmp_path: Path) -> None:
    _export(filled, out_dir=tmp_path / "out", key=KEY)
    p = Pseudonymiser(KEY)
    stored = load_items_frame(session_factory=open_store(filled))
    exported = read_frame(
        tmp_path / "out" / "declarations.jsonl", controls=tmp_path / "out" / "controls.jsonl"
    )
    assert len(exported) == len(stored)
    stored["reference"] = [p.token("declaration-reference", r) for r in stored["reference"]]
    for role in ("declarant_id", "importer_id", "exporter_id", "seller_id", "courier_id"):
        stored[role] = [p.token("party-id", v) if isinstance(v, str) else v for v in stored[role]]
    columns = [
        "reference", "version", "declaration_date", "office", "procedure", "declarant_id",
        "importer_id", "exporter_id", "seller_id", "courier_id", "country_dispatch",
        "transport_mode", "incoterm", "n_containers", "seq", "hs_code", "description",
        "origin_country", "quantity", "net_mass_kg", "gross_mass_kg", "item_value",
        "customs_value", "duty_rate", "duty_amount", "tax_amount", "controlled", "fraud",
        "critical", "selection_reason", "extra_duty",
    ]  # fmt: skip
    key = ["reference", "seq"]
    left = stored[columns].sort_values(key).reset_index(drop=True)
    right = exported[columns].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)
    assert left["fraud"].eq(1).sum() > 0 and left["controlled"].sum() > 50
    # Only the latest version of the amended declaration, with its amended values.
    person = right[right["reference"] == p.token("declaration-reference", PERSONAL["reference"])]
    assert person["version"].tolist() == [2] and person["item_value"].tolist() == [9100.0]


def test_export_ingests_again_and_trains(
    filled: str, tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    summary = _export(filled, out_dir=tmp_path / "out", key=KEY)
    fresh = open_store(migrated_sqlite("fresh"))
    declarations = ingest_file(tmp_path / "out" / "declarations.jsonl", session_factory=fresh)
    controls = ingest_file(
        tmp_path / "out" / "controls.jsonl", kind="controls", session_factory=fresh
    )
    for report in (declarations, controls):
        assert report.received == report.stored + report.quarantined
        assert report.quarantined == 0
    assert declarations.stored == summary.declarations_written
    assert controls.stored == summary.controls_written
    assert store_counts(fresh)["goods_items"] == summary.goods_items_written

    original = load_items_frame(session_factory=open_store(filled))
    again = load_items_frame(session_factory=fresh)
    read = read_frame(
        tmp_path / "out" / "declarations.jsonl", controls=tmp_path / "out" / "controls.jsonl"
    )
    labelled = int(original["fraud"].notna().sum())
    assert labelled > 50
    assert int(again["fraud"].notna().sum()) == labelled
    assert int(read["fraud"].notna().sum()) == labelled
    assert read["fraud"].sum() == original["fraud"].sum()
    # Tokens survive ingestion unchanged: the re-ingested store is the file.
    columns = ["reference", "seq", "importer_id", "declarant_id", "customs_value", "fraud"]
    pd.testing.assert_frame_equal(
        again[columns].sort_values(["reference", "seq"]).reset_index(drop=True),
        read[columns].sort_values(["reference", "seq"]).reset_index(drop=True),
    )


def test_counts_reconcile_and_period_bounds(filled: str, tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    summary = _export(
        filled,
        out_dir=tmp_path / "out",
        key=KEY,
        since=date(2025, 1, 10),
        until=date(2025, 1, 20),
        progress=lambda done, total: progress.append((done, total)),
    )
    stored, stored_controls = _stored(filled)
    latest: dict[str, dict[str, Any]] = {}
    for record in stored:
        if record["version"] > latest.get(record["reference"], {"version": 0})["version"]:
            latest[record["reference"]] = record
    inside = {
        ref for ref, r in latest.items() if "2025-01-10" <= r["declaration_date"] <= "2025-01-20"
    }
    assert 0 < len(inside) < len(latest)
    assert summary.declarations_selected == summary.declarations_written == len(inside)
    in_period_controls = sum(c["declaration_reference"] in inside for c in stored_controls)
    assert summary.controls_written == in_period_controls
    assert summary.controls_not_exported == len(stored_controls) - in_period_controls
    assert summary.first_date is not None and summary.first_date >= date(2025, 1, 10)
    assert summary.last_date is not None and summary.last_date <= date(2025, 1, 20)
    total = summary.declarations_written + summary.controls_written
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["period"]["since"] == "2025-01-10"
    assert manifest["counts"]["declarations_written"] == len(inside)
    assert manifest["files"]["controls.jsonl"]["records"] == in_period_controls
    lines = (tmp_path / "out" / "declarations.jsonl").read_bytes().count(b"\n")
    assert lines == len(inside)


def test_without_key_nothing_is_written(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="CLEARLANE_PSEUDONYMISATION_KEY"):
        _export(filled, out_dir=out, key=None)
    assert not out.exists()
    with pytest.raises(ExportError, match="15 bytes long; at least 16"):
        _export(filled, out_dir=out, key=b"x" * 15)
    assert not out.exists()


def test_cli_refuses_without_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLEARLANE_PSEUDONYMISATION_KEY", raising=False)
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--pseudonymise", "--out", str(out)])
    assert result.exit_code == 2
    assert "no pseudonymisation key configured" in result.output
    assert "CLEARLANE_PSEUDONYMISATION_KEY" in result.output and "--key-file" in result.output
    assert not out.exists()
    short = tmp_path / "short.key"
    short.write_text("too-short-key\n")
    result = runner.invoke(
        app, ["export", "--pseudonymise", "--key-file", str(short), "--out", str(out)]
    )
    assert result.exit_code == 2 and "13 bytes long" in result.output
    assert not out.exists()
    monkeypatch.setenv("CLEARLANE_PSEUDONYMISATION_KEY", "short")
    from clearlane.config import get_settings

    get_settings.cache_clear()
    result = runner.invoke(app, ["export", "--pseudonymise", "--out", str(out)])
    assert result.exit_code == 2 and "5 bytes long" in result.output
    assert not out.exists()


def test_cli_needs_an_explicit_choice(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--out", str(out)])
    assert result.exit_code == 2 and "personal data" in result.output
    both = runner.invoke(app, ["export", "--out", str(out), "--plain", "--pseudonymise"])
    assert both.exit_code == 2
    keyed = runner.invoke(app, ["export", "--out", str(out), "--plain", "--key-file", "k"])
    assert keyed.exit_code == 2 and "--key-file is for --pseudonymise" in keyed.output
    bad = runner.invoke(app, ["export", "--out", str(out), "--plain", "--since", "2025-13-01"])
    assert bad.exit_code == 2 and "--since '2025-13-01' is not a date" in bad.output
    assert not out.exists()


def test_cli_exports_with_the_configured_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from clearlane.config import get_settings

    ingest_file(write_jsonl(tmp_path / "p.jsonl", [PERSONAL]))
    ingest_file(write_jsonl(tmp_path / "c.jsonl", CONTROLS[:1]), kind="controls")
    monkeypatch.setenv("CLEARLANE_PSEUDONYMISATION_KEY", KEY.decode())
    get_settings.cache_clear()
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--pseudonymise", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "pseudonymised export" in result.output
    assert f"key fingerprint {key_fingerprint(KEY)}" in result.output
    assert "officer 1" in result.output and "attributes.contact_email 1" in result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["pseudonymisation"]["key_fingerprint"] == key_fingerprint(KEY)
    assert manifest["counts"]["declarations_written"] == 1
    assert b"Jansen" not in (out / "declarations.jsonl").read_bytes()

    # A key file overrides the environment; an existing export is never overwritten.
    key_file = tmp_path / "other.key"
    key_file.write_bytes(OTHER_KEY + b"\n")
    again = runner.invoke(
        app, ["export", "--pseudonymise", "--key-file", str(key_file), "--out", str(out)]
    )
    assert again.exit_code == 2 and "already exists" in again.output
    assert json.loads((out / "manifest.json").read_text()) == manifest
    other = tmp_path / "other"
    again = runner.invoke(
        app, ["export", "--pseudonymise", "--key-file", str(key_file), "--out", str(other)]
    )
    assert again.exit_code == 0, again.output
    fingerprint = json.loads((other / "manifest.json").read_text())["pseudonymisation"]
    assert fingerprint["key_fingerprint"] == key_fingerprint(OTHER_KEY)

    plain = runner.invoke(app, ["export", "--plain", "--out", str(tmp_path / "plain")])
    assert plain.exit_code == 0 and "plain (personal data)" in plain.output
    plain_manifest = json.loads((tmp_path / "plain" / "manifest.json").read_text())
    assert plain_manifest["pseudonymisation"] is None
    assert b"Jansen" in (tmp_path / "plain" / "declarations.jsonl").read_bytes()

    from clearlane.store.session import open_store

    with open_store()() as session:
        exports = entries(session, kind="export")
        assert verify(session).ok
    assert len(exports) == 3  # every export that wrote files is audited, refusals are not
    assert {e["payload"]["pseudonymised"] for e in exports} == {True, False}


def test_plain_export_is_the_stored_record_without_the_original(
    tmp_path: Path, migrated_sqlite: Callable[[str], str]
) -> None:
    url = migrated_sqlite("store")
    ingest_file(write_jsonl(tmp_path / "p.jsonl", [PERSONAL]), session_factory=open_store(url))
    _export(url, out_dir=tmp_path / "out", key=None, pseudonymise=False)
    (stored,), _ = _stored(url)
    (exported,) = list(_lines(tmp_path / "out" / "declarations.jsonl"))
    assert exported == stored
    with open_store(url)() as session:
        original = session.scalars(select(DeclarationRow.original)).one()
    assert original.encode() not in (tmp_path / "out" / "declarations.jsonl").read_bytes()


def test_empty_period_writes_nothing(tmp_path: Path, migrated_sqlite: Callable[[str], str]) -> None:
    url = migrated_sqlite("store")
    ingest_file(write_jsonl(tmp_path / "p.jsonl", [PERSONAL]), session_factory=open_store(url))
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="no declarations dated 2024-01-01 to 2024-12-31"):
        _export(url, out_dir=out, key=KEY, since=date(2024, 1, 1), until=date(2024, 12, 31))
    with pytest.raises(ExportError, match="since 2025-02-01 is after until 2025-01-01"):
        _export(url, out_dir=out, key=KEY, since=date(2025, 2, 1), until=date(2025, 1, 1))
    assert not out.exists()


def test_container_stand_ins_are_valid_iso6346() -> None:
    p, q = Pseudonymiser(KEY), Pseudonymiser(OTHER_KEY)
    for number in ("CSQU3054383", "ATCU6554324", "MSCJ1234565"):
        token = p.container(number)
        assert iso6346.is_valid(token) and token[3] == number[3]
        assert token == p.container(number) != q.container(number) != number


def test_rules_classify_every_schema_field() -> None:
    """A field added to the schema fails here until someone decides how it is exported."""
    assert set(DECLARATION_RULES) == set(Declaration.model_fields)
    assert set(PARTY_RULES) == set(Party.model_fields)
    assert set(ITEM_RULES) == set(GoodsItem.model_fields)
    assert set(CONTROL_RULES) == set(ControlResult.model_fields)
    assert "Pseudonymiser(fingerprint=" in repr(Pseudonymiser(KEY))
    assert KEY.decode() not in repr(Pseudonymiser(KEY))


def test_export_writes_its_own_audit_entry(filled: str, tmp_path: Path) -> None:
    summary = _export(filled, out_dir=tmp_path / "out", key=KEY)
    with open_store(filled)() as session:
        (entry,) = entries(session, kind="export")
        assert verify(session).ok
    assert entry["actor"] == "test"
    assert entry["subject"] == "export:out"
    assert entry["payload"]["declarations_written"] == summary.declarations_written


def test_export_that_cannot_be_audited_leaves_no_files(filled: str, tmp_path: Path) -> None:
    with open_store(filled)() as session, session.begin():
        session.execute(delete(AuditHeadRow))
    out = tmp_path / "out"
    with pytest.raises(AuditError, match="audit_head row is missing"):
        _export(filled, out_dir=out, key=KEY)
    assert not out.exists()
