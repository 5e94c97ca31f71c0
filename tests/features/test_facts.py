"""Facts about declarations from their invoices, transport documents, HS check and trader
network: gathered from the store, missing (not 0) without evidence, usable by profiles and
models, and worded as reasons with both values."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.core.schema import Declaration
from clearlane.documents.service import attach_demo_invoices
from clearlane.features import facts as facts_module
from clearlane.features.builder import FeatureBuilder
from clearlane.features.facts import (
    DOC_COLUMNS,
    EVIDENCE_COLUMN,
    FACT_COLUMNS,
    LINK_COLUMNS,
    NET_COLUMNS,
    HsFact,
    attach_facts,
    gather_facts,
    hs_checks,
)
from clearlane.frames import items_frame
from clearlane.ingest.pipeline import ingest_file, ingest_records
from clearlane.link.manifests.match import link_documents
from clearlane.link.manifests.store import ingest_manifests
from clearlane.link.register import resolve_store
from clearlane.store.tables import DeclarationRow, HsCheckRow
from tests.factories import declaration


def _fake_hs(calls: list[int]):  # type: ignore[no-untyped-def]
    """A stand-in HS check: plausibility from the code's chapter (61 fits, others do not)."""

    def compute(pairs, top):  # type: ignore[no-untyped-def]
        calls.append(len(pairs))
        out = []
        for description, code in pairs:
            fits = code.startswith("61")
            out.append(
                HsFact(description, code, 0.9 if fits else 0.01, "610910",
                       None if fits else "HS_DESCRIPTION_MISMATCH_CHAPTER",
                       None if fits else f"description '{description}' fits 6109.10, "
                       f"declared {code[:4]}.{code[4:6]}",
                       [{"rank": 1, "code": "610910", "score": 0.9, "title": "T-shirts",
                         "heading": "heading 61.09", "citation": "GIR 1; GIR 6"}])
            )  # fmt: skip
        return out

    return compute


@pytest.fixture
def fake_hs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(facts_module, "_compute_hs", _fake_hs(calls))
    monkeypatch.setattr(facts_module, "hs_model_key", lambda: "test-model")
    return calls


@pytest.fixture
def linked_store(
    sqlite_store: sessionmaker[Session], tmp_path: Path
) -> tuple[sessionmaker[Session], Path]:
    """Generated declarations with their manifests linked, the trader register built and
    nothing else (tests attach invoices)."""
    from clearlane.generate.config import GeneratorConfig
    from clearlane.generate.dataset import write_dataset

    out = tmp_path / "gen"
    write_dataset(GeneratorConfig(declarations=120, days=30, seed=7), out)
    ingest_file(out / "declarations.jsonl", session_factory=sqlite_store)
    ingest_manifests(out / "manifests.jsonl", None, sqlite_store)
    link_documents(sqlite_store)
    resolve_store(sqlite_store)
    return sqlite_store, out


def _references(out: Path) -> list[str]:
    lines = (out / "declarations.jsonl").read_text().splitlines()
    return [json.loads(line)["reference"] for line in lines]


def test_facts_are_missing_without_evidence_and_carry_both_values(
    linked_store: tuple[sessionmaker[Session], Path], tmp_path: Path, fake_hs: list[int]
) -> None:
    store, out = linked_store
    refs = _references(out)
    invoiced = refs[:2]
    statuses = attach_demo_invoices(store, out, invoiced, tmp_path / "files", seed=1)
    assert statuses == ["done", "done"]
    found = gather_facts(store, refs)
    table = found.declarations
    assert list(table.index) == sorted(refs)
    # invoices: values where an invoice was read, NaN elsewhere (never 0 by default)
    assert table.loc[invoiced, list(DOC_COLUMNS)].notna().all().all()
    assert table.drop(index=invoiced)[list(DOC_COLUMNS)].isna().all().all()
    for ref in invoiced:
        truth = json.loads((out / "invoices" / f"{ref}.truth.json").read_text())
        for code in truth["planted"]:
            assert table.loc[ref, f"doc_{code.lower()}"] == 1.0
        invoice_evidence = [e for e in found.evidence[ref] if e.source == "invoice"]
        assert len(invoice_evidence) == table.loc[ref, "doc_discrepancies"]
        assert ref in found.documents_at
    # manifests: every generated declaration is linked, so 0/1 everywhere; quantity fraud
    # shows as a mass or package discrepancy with both values
    assert table[list(LINK_COLUMNS)].notna().all().all()
    truth = pd.read_csv(out / "ground_truth.csv", dtype=str).fillna("")
    quantity = set(truth[truth.mechanisms.str.contains("quantity")].reference)
    assert quantity
    flagged = table[(table.link_manifest_gross_mass == 1) | (table.link_manifest_packages == 1)]
    assert set(flagged.index) == quantity
    ref = sorted(quantity)[0]
    masses = [e for e in found.evidence[ref] if e.code == "MANIFEST_GROSS_MASS"]
    if masses:
        assert masses[0].document is not None and masses[0].declared is not None
        assert masses[0].document != masses[0].declared
    # network: the register was built, so importers have a cluster and an age
    assert table["net_cluster_age_days"].notna().all()
    assert set(table["net_new_trader"].dropna().unique()) <= {0.0, 1.0}
    # HS: one check per distinct (description, code), per item
    with store() as session:
        n_items = sum(
            len(Declaration.model_validate(r).items)
            for r in session.scalars(select(DeclarationRow.normalised))
        )
    assert len(found.hs) == n_items
    assert sum(fake_hs) <= n_items


def test_facts_on_the_frame_reach_profiles_and_the_models(
    linked_store: tuple[sessionmaker[Session], Path], fake_hs: list[int]
) -> None:
    from clearlane.risk.profiles import parse_profiles

    store, out = linked_store
    refs = _references(out)
    with store() as session:
        rows = session.scalars(
            select(DeclarationRow.normalised).where(DeclarationRow.reference.in_(refs))
        )
        decls = [Declaration.model_validate(r) for r in rows]
    frame = attach_facts(items_frame(decls), gather_facts(store, refs))
    assert set(FACT_COLUMNS) <= set(frame.columns)
    assert frame[EVIDENCE_COLUMN].map(lambda e: isinstance(e, list)).all()
    assert frame["hs_plausibility"].notna().all()
    profiles = parse_profiles(
        [{"id": "D-MASS", "name": "manifest mass", "version": 1, "owner": "t",
          "rationale": "the carrier saw another mass", "valid_from": "2020-01-01",
          "weight": 0.5, "conditions": [
              {"field": "link_manifest_gross_mass", "op": "equals", "value": 1}]}]
    )  # fmt: skip
    hits = profiles.evaluate(frame).hits["D-MASS"]
    assert hits.any()
    assert (frame.loc[hits, "link_manifest_gross_mass"] == 1).all()
    builder = FeatureBuilder().fit(frame)
    assert builder.fact_columns is not None
    assert "link_manifest_gross_mass" in builder.fact_columns
    assert "hs_plausibility" in builder.feature_names
    assert not set(DOC_COLUMNS) & set(builder.fact_columns)  # no invoices: nothing to learn
    features = builder.transform(frame)
    np.testing.assert_array_equal(
        features["link_manifest_gross_mass"].to_numpy(), frame["link_manifest_gross_mass"]
    )
    # a frame without the facts (a file scored from the CLI) gets NaN, not 0
    bare = builder.transform(items_frame(decls))
    assert bare["link_manifest_gross_mass"].isna().all()


def test_a_builder_fitted_without_facts_is_unchanged() -> None:
    from tests.factories import make_frame

    frame = make_frame(300, seed=3, days=30)
    builder = FeatureBuilder().fit(frame)
    assert builder.fact_columns == []
    assert not set(FACT_COLUMNS) & set(builder.feature_names)


def test_hs_checks_are_computed_once_per_description_and_code(
    sqlite_store: sessionmaker[Session], fake_hs: list[int]
) -> None:
    pairs = [("men's cotton t-shirt", "611780"), ("men's  cotton t-shirt ", "611780"),
             ("steel screws", "731815")]  # fmt: skip
    first = hs_checks(sqlite_store, pairs)
    assert fake_hs == [2]  # the repeated description (spacing aside) is checked once
    second = hs_checks(sqlite_store, pairs)
    assert fake_hs == [2]  # read back from hs_checks
    assert first == second
    assert second[("steel screws", "731815")].reason_code == "HS_DESCRIPTION_MISMATCH_CHAPTER"
    with sqlite_store() as session:
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == 2


def test_a_huge_description_is_stored_and_keyed_as_the_part_the_check_looks_at(
    store: sessionmaker[Session], fake_hs: list[int]
) -> None:
    """A 100 kB description (an un-ingested file's, a library caller's) is ranked on its first
    MAX_RANKED characters: its stored check holds those, two texts that rank the same share
    one row, and the check is still found for each of them (facts, engine feature)."""
    from clearlane.hs.model import MAX_RANKED

    head = "men's cotton t-shirt " * 60  # about 1,260 characters: the ranked part is all words
    one, two = head + "x" * 100_000, head + "y" * 100_000
    items = {("HUGE-1", 1): (one, "611780"), ("HUGE-2", 1): (two, "611780")}
    found = gather_facts(store, ["HUGE-1", "HUGE-2"], unstored_items=items, network=False)
    assert fake_hs == [1]  # the same first MAX_RANKED characters: checked once
    with store() as session:
        rows = session.scalars(select(HsCheckRow.description)).all()
    assert len(rows) == 1 and len(rows[0]) <= MAX_RANKED
    assert found.hs[("HUGE-1", 1)].plausibility == found.hs[("HUGE-2", 1)].plausibility == 0.9
    frame = pd.DataFrame({"reference": ["HUGE-1", "HUGE-2"], "seq": [1, 1]})
    assert attach_facts(frame, found)["hs_plausibility"].tolist() == [0.9, 0.9]
    facts_module.HS_CHECK_CACHE.clear()  # read back from the row, not this process's cache
    again = hs_checks(store, [(one, "611780")], compute=False)
    assert again[(one, "611780")].plausibility == 0.9


def test_checks_kept_in_the_process_are_per_store_and_only_once_stored(
    sqlite_store: sessionmaker[Session],
    fake_hs: list[int],
    tmp_path: Path,
    migrated_sqlite: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import event

    from clearlane.store.session import open_store

    pairs = [("cotton scarf", "611710")]
    hs_checks(sqlite_store, pairs)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = sqlite_store.kw["bind"]
    event.listen(engine, "before_cursor_execute", count)
    try:
        again = hs_checks(sqlite_store, pairs)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert statements == []  # served from the process's cache, no query
    assert again[pairs[0]].plausibility == 0.9
    # Another store has not stored the check: it is read there, computed and stored there.
    other = open_store(migrated_sqlite("other"))
    hs_checks(other, pairs)
    assert fake_hs == [1, 1]
    with other() as session:
        assert session.scalar(select(func.count()).select_from(HsCheckRow)) == 1
    # A check that could not be stored (a busy store) is returned but not kept as stored.
    third = open_store(migrated_sqlite("third"))

    def busy(session: Session, rows: list[dict[str, object]], *more: object) -> None:
        from sqlalchemy.exc import OperationalError

        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(facts_module, "_insert_checks", busy)
    assert hs_checks(third, pairs)[pairs[0]].plausibility == 0.9
    assert hs_checks(third, pairs, compute=False) == {}


def test_stored_checks_are_searched_by_the_unique_index_and_read_pair_by_pair(
    sqlite_store: sessionmaker[Session], fake_hs: list[int]
) -> None:
    """The read of stored checks searches ``hs_checks`` by its unique index, never scans it (a
    scan of every stored check cost a submission milliseconds on a store trained with facts),
    and returns the asked pairs only: a stored description under another code is not one."""
    from sqlalchemy import event

    stored = [(f"cotton scarf {i}", code) for i in range(40) for code in ("611710", "621420")]
    hs_checks(sqlite_store, stored)
    facts_module.HS_CHECK_CACHE.clear()
    asked = [("cotton scarf 3", "611710"), ("cotton scarf 5", "621420")]
    sent: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: object, *_: object) -> None:
        if "FROM hs_checks" in statement:
            sent.append((statement, parameters))

    engine = sqlite_store.kw["bind"]
    event.listen(engine, "before_cursor_execute", keep)
    try:
        found = hs_checks(sqlite_store, asked, compute=False)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert set(found) == set(asked)
    assert len(sent) == 1
    with sqlite_store() as session:
        connection = session.connection().connection.driver_connection
        plan = [str(row[-1]) for row in connection.execute(f"EXPLAIN QUERY PLAN {sent[0][0]}",
                                                           sent[0][1])]  # fmt: skip
    on_checks = [step for step in plan if "hs_checks" in step]
    assert on_checks and all(step.startswith("SEARCH") for step in on_checks), plan
    assert fake_hs == [80]  # nothing computed by the read


def test_a_released_read_session_is_out_of_its_transaction_while_checks_compute(
    sqlite_store: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A submission reads with one session and ranks new descriptions afterwards: with
    ``release`` the session's transaction (on PostgreSQL an idle-in-transaction connection)
    has ended before the HS model runs, and what was read stays usable."""
    ingest_records([declaration("REL-1")], source="t", session_factory=sqlite_store)
    seen: list[bool] = []
    compute = _fake_hs([])

    with sqlite_store() as session:
        row = session.scalars(select(DeclarationRow)).one()

        def watched(pairs, top):  # type: ignore[no-untyped-def]
            seen.append(session.in_transaction())
            return compute(pairs, top)

        monkeypatch.setattr(facts_module, "_compute_hs", watched)
        monkeypatch.setattr(facts_module, "hs_model_key", lambda: "test-model")
        facts = gather_facts(sqlite_store, ["REL-1"], network=False, session=session,
                             store_hs=False, release=True)  # fmt: skip
        assert seen == [False]
        assert row.reference == "REL-1"  # loaded before: still readable
        assert facts.hs_unstored and ("REL-1", 1) in facts.hs
        seen.clear()
        gather_facts(sqlite_store, ["REL-1"], network=False, session=session, store_hs=False)
        assert seen == [True]  # without release the caller's transaction stays open


def test_declaration_without_documents_has_only_missing_facts(
    sqlite_store: sessionmaker[Session], fake_hs: list[int]
) -> None:
    ingest_records([declaration("LONE-1")], source="t", session_factory=sqlite_store)
    found = gather_facts(sqlite_store, ["LONE-1"])
    row = found.declarations.loc["LONE-1"]
    assert row[[*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS]].isna().all()
    assert {e.source for e in found.evidence["LONE-1"]} == {"hs"}  # the fake: not chapter 61
    assert not math.isnan(found.hs[("LONE-1", 1)].plausibility or math.nan)


def test_real_hs_check_becomes_a_reason_in_customs_words(
    sqlite_store: sessionmaker[Session],
) -> None:
    decl = declaration("HS-1", declaration_date=date(2025, 3, 1).isoformat())
    decl["items"][0].update(description="men's cotton t-shirt", hs_code="611780")
    ingest_records([decl], source="t", session_factory=sqlite_store)
    found = gather_facts(sqlite_store, ["HS-1"], network=False)
    (evidence,) = found.evidence["HS-1"]
    assert evidence.code == "HS_DESCRIPTION_MISMATCH_HEADING"
    assert (evidence.document, evidence.declared) == ("610910", "611780")
    fact = found.hs[("HS-1", 1)]
    assert fact.plausibility is not None and fact.plausibility < 0.2
    assert fact.suggestions and fact.suggestions[0]["code"] == "610910"
    assert "GIR 1" in fact.suggestions[0]["citation"]
    from clearlane.explain.wording import discrepancy_sentence

    assert discrepancy_sentence(evidence.to_dict()) == (
        "item 1: description 'men's cotton t-shirt' fits 6109.10, declared 6117.80"
    )


def test_the_declaration_page_shows_transport_document_discrepancies_in_one_card(
    linked_store: tuple[sessionmaker[Session], Path], fake_hs: list[int]
) -> None:
    """The Documents and HS check card counts them and links to the Transport documents card,
    which lists them beside their document; it does not list them a second time."""
    from clearlane.api.ui.common import templates
    from clearlane.api.ui.facts import facts_view

    store, out = linked_store
    found = gather_facts(store, _references(out), network=False)
    ref = next(r for r, e in sorted(found.evidence.items()) if any(
        x.source == "manifest" for x in e))  # fmt: skip
    codes = {e.code for e in found.evidence[ref] if e.source == "manifest"}
    with store() as session:
        row = session.scalars(
            select(DeclarationRow)
            .where(DeclarationRow.reference == ref)
            .order_by(DeclarationRow.version.desc())
        ).first()
        assert row is not None
        view = facts_view(store, row, None)
    assert view["manifest_discrepancies"] == len(
        [e for e in found.evidence[ref] if e.source == "manifest"]
    )
    assert all(d["source"] != "Transport document" for d in view["discrepancies"])
    html = templates.get_template("partials/facts.html").render(facts=view)
    assert 'href="#transport-documents"' in html
    assert not any(code in html for code in codes)


def test_a_submissions_facts_are_looked_up_without_making_their_table(
    linked_store: tuple[sessionmaker[Session], Path], tmp_path: Path, fake_hs: list[int]
) -> None:
    """One declaration's facts (invoices, manifests, network, HS) reach its frame from the
    gathered columns, with the frame of the declaration table never made; the table, made
    when read, gives the same frame through attach_facts."""
    from clearlane.features.facts import facts_frame

    store, out = linked_store
    refs = _references(out)
    attach_demo_invoices(store, out, refs[:2], tmp_path / "files", seed=1)
    with store() as session:
        stored = {
            r.reference: Declaration.model_validate(r.normalised)
            for r in session.scalars(
                select(DeclarationRow).where(DeclarationRow.reference.in_(refs[:6]))
            )
        }
    for ref in refs[:6]:
        found = gather_facts(store, [ref])
        frame = facts_frame([stored[ref]], found)
        assert not found.table_made
        assert found.declarations.index.tolist() == [ref] and found.table_made
        expected = attach_facts(items_frame([stored[ref]]), found)
        pd.testing.assert_frame_equal(frame, expected, check_exact=True)
        if ref in refs[:2]:  # the invoice facts reached it
            assert frame[list(DOC_COLUMNS)].notna().to_numpy().all()
        assert frame[list(LINK_COLUMNS)].notna().to_numpy().all()  # every one is linked
        assert frame["net_cluster_age_days"].notna().all()
