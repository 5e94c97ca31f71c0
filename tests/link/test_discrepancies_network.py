import json
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate.identifiers import container_number
from clearlane.ingest.pipeline import ingest_file, ingest_records
from clearlane.link.discrepancies import discrepancies
from clearlane.link.manifests.match import link_documents
from clearlane.link.manifests.store import ingest_manifests
from clearlane.link.network import network_features
from clearlane.link.register import resolve_store
from tests.factories import declaration
from tests.link.helpers import C1, C2, linked_network_store
from tests.link.test_manifests import dcsa


def test_discrepancies_carry_both_values(store: sessionmaker[Session], tmp_path: Path) -> None:
    path = tmp_path / "ebl.json"
    doc = dcsa("MAEU0001", [C1], consignee="Someone Else Trading GmbH")
    path.write_text(json.dumps([doc]), encoding="utf-8")
    ingest_manifests(path, None, store)
    decl = declaration("D1", transport_document="MAEU0001", containers=[C2],
                       country_dispatch="VN", declaration_date="2025-03-12")  # fmt: skip
    decl["items"][0].update(gross_mass_kg=60.0, packages=9)
    ingest_records([decl], source="t", session_factory=store)
    link_documents(store)
    found = discrepancies(store).set_index("code")
    assert set(found.index) == {
        "MANIFEST_GROSS_MASS", "MANIFEST_PACKAGES", "MANIFEST_CONTAINERS",
        "MANIFEST_CONSIGNEE", "MANIFEST_DISPATCH", "MANIFEST_CONSIGNOR",
    }  # fmt: skip
    assert (found.loc["MANIFEST_GROSS_MASS", "declared"],
            found.loc["MANIFEST_GROSS_MASS", "manifest"]) == (60.0, 30.0)  # fmt: skip
    assert found.loc["MANIFEST_PACKAGES", "manifest"] == 4
    assert found.loc["MANIFEST_CONTAINERS", "declared"] == [C2]
    assert found.loc["MANIFEST_DISPATCH", "manifest"] == "CNSHA"
    assert (found["reference"] == "D1").all()


def test_generated_quantity_fraud_shows_as_mass_or_package_discrepancy(
    sqlite_store: sessionmaker[Session], tmp_path: Path
) -> None:
    from clearlane.generate.config import GeneratorConfig
    from clearlane.generate.dataset import write_dataset

    out = tmp_path / "gen"
    write_dataset(GeneratorConfig(declarations=300, days=40, seed=7), out)
    ingest_file(out / "declarations.jsonl", session_factory=sqlite_store)
    report = ingest_manifests(out / "manifests.jsonl", None, sqlite_store)
    assert report.quarantined == 0 and report.stored_new == 300
    summary = link_documents(sqlite_store)
    assert summary.linked == 300
    found = discrepancies(sqlite_store)
    flagged = set(found[found.code.isin(["MANIFEST_GROSS_MASS", "MANIFEST_PACKAGES"])].reference)
    truth = pd.read_csv(out / "ground_truth.csv", dtype=str).fillna("")
    quantity = set(truth[truth.mechanisms.str.contains("quantity")].reference)
    assert quantity, "the seed should plant some quantity fraud"
    assert flagged == quantity
    # re-spelled consignees are the same party: never a consignee discrepancy
    assert "MANIFEST_CONSIGNEE" not in set(found.code)


def test_network_features(store: sessionmaker[Session], tmp_path: Path) -> None:
    linked_network_store(store, tmp_path)
    f = network_features(store)
    assert list(f.index) == ["A1", "A2", "B1"]
    assert f.loc["B1", "net_new_trader"]
    assert f.loc["B1", "net_shares_with_noncompliant"]
    assert not f.loc["A1", "net_shares_with_noncompliant"]  # caught after it was declared
    assert f.loc["A2", "importer_cluster_id"] == f.loc["A1", "importer_cluster_id"]
    assert f.loc["A2", "net_recent_name_change"]
    assert not f.loc["A1", "net_recent_name_change"]
    assert f.loc["A2", "net_cluster_age_days"] == 147


def test_cli_discrepancies(store_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from clearlane.cli import app
    from clearlane.config import get_settings
    from clearlane.store.session import open_store

    factory = open_store(store_url)
    path = tmp_path / "ebl.json"
    path.write_text(json.dumps([dcsa("MAEU0009", [C1])]), encoding="utf-8")
    decl = declaration("D9", transport_document="MAEU0009", containers=[C1])
    decl["items"][0].update(gross_mass_kg=90.0)
    ingest_records([decl], source="t", session_factory=factory)
    monkeypatch.setenv("CLEARLANE_DATABASE_URL", store_url)
    get_settings.cache_clear()
    runner = CliRunner()
    loaded = runner.invoke(app, ["link", "manifests", str(path)])
    assert loaded.exit_code == 0, loaded.output
    assert "1 received = 1 stored new + 0 unchanged + 0 quarantined" in loaded.output
    assert runner.invoke(app, ["link", "run"]).exit_code == 0
    out = tmp_path / "d.csv"
    result = runner.invoke(app, ["link", "discrepancies", "--out", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert "MANIFEST_GROSS_MASS" in set(frame.code)
    missing = runner.invoke(app, ["link", "manifests", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_two_link_runs_at_once_link_each_declaration_once(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Two `clearlane link run` at once (barrier, both backends): the register lock makes the
    second read the links the first wrote, so it links nothing again (the unique pair alone
    would let a declaration link to a second document, or fail the second run)."""
    from sqlalchemy import func, select

    from clearlane.store.tables import DocumentLinkRow
    from tests.concurrency import together

    path = tmp_path / "ebl.json"
    docs = [dcsa(f"MAEU000{i}", [container_number("MSK", 111110 + i)]) for i in range(3)]
    path.write_text(json.dumps(docs), encoding="utf-8")
    ingest_manifests(path, None, store)
    ingest_records(
        [declaration(f"D{i}", transport_document=f"MAEU000{i}") for i in range(3)],
        source="t",
        session_factory=store,
    )
    summaries = together(2, lambda i: link_documents(store))
    assert sorted(s.linked for s in summaries) == [0, 3], summaries
    with store() as session:
        assert session.scalar(select(func.count()).select_from(DocumentLinkRow)) == 3


def test_network_features_of_some_declarations_are_their_rows_of_all(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Asked for some references (both backends), each row is the one the whole store's
    features give it: every other declaration still counts as context (B1's shared container
    is A1's, A2's renaming is against A1's name), and a reference the store lacks gets none."""
    linked_network_store(store, tmp_path)
    full = network_features(store)
    assert full.loc["B1", "net_shares_with_noncompliant"]  # through A1's container
    assert full.loc["A2", "net_recent_name_change"]
    assert full["net_manifest_discrepancies"].gt(0).all()  # each linked, by number or container
    for picked in (["B1"], ["A2"], ["A1"], ["A2", "B1", "NOT-STORED"]):
        some = network_features(store, picked)
        expected = full.loc[sorted(r for r in picked if r in full.index)]
        pd.testing.assert_frame_equal(some, expected)


def test_one_declarations_facts_compare_only_its_own_transport_document(
    store: sessionmaker[Session], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The facts of one declaration (a page with its reasons, an API submission, a day's
    batch) compare that declaration with its transport document, not every linked one in the
    store (a query each: some 12 CPU s a page on the demo's store before)."""
    import clearlane.link.discrepancies as module
    from clearlane.features.facts import gather_facts

    linked_network_store(store, tmp_path)
    asked: list[list[str] | None] = []
    compare_all = module.discrepancies

    def spy(session_factory, references=None):  # type: ignore[no-untyped-def]
        asked.append(None if references is None else list(references))
        return compare_all(session_factory, references)

    monkeypatch.setattr(module, "discrepancies", spy)
    facts = gather_facts(store, ["A2"], hs=False)
    assert asked and all(refs == ["A2"] for refs in asked), asked
    row = facts.declarations.loc["A2"]
    assert row["net_recent_name_change"] == 1.0 and row["link_discrepancies"] >= 1.0


def test_network_rows_take_the_latest_versions_containers_as_the_database_extracts_them(
    store: sessionmaker[Session], tmp_path: Path
) -> None:
    """Review (reviewc12) of reading ``normalised["containers"]`` in the database (both
    backends): B1 amended from C2 to the caught A1's C1 shares with it, B2 amended from C1 to C2
    no longer does; a stored record whose containers key is absent, null or an empty list has
    none (and no error). Each row is its row of the whole store's, asked alone, with
    duplicates, in a list longer than the IN-list bound, or not at all (an empty list)."""
    from sqlalchemy import update

    from clearlane.link import network
    from clearlane.store.tables import DeclarationRow

    linked_network_store(store, tmp_path)
    names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    fresh = [{"id": f"DE9000000{i}0", "name": f"{n} Imports GmbH", "country": "DE"}
             for i, n in enumerate(names)]  # fmt: skip
    when = {"declaration_date": "2025-03-02"}
    ingest_records(
        [declaration("B2", containers=[C1], importer=fresh[0], **when),
         declaration("B3", containers=[C2], importer=fresh[1], **when)]
        + [declaration(f"D{i}", containers=[C1], importer=fresh[1 + i], **when)
           for i in (1, 2, 3)],
        source="t", session_factory=store,
    )  # fmt: skip
    ingest_records(  # amended: B2 to C2, B3 to the caught trader's C1
        [declaration("B2", containers=[C2], importer=fresh[0], **when),
         declaration("B3", containers=[C1], importer=fresh[1], **when)],
        source="t", session_factory=store,
    )  # fmt: skip
    with store() as s, s.begin():
        for ref, change in (("D1", "absent"), ("D2", None), ("D3", [])):
            row = s.scalars(select(DeclarationRow).where(DeclarationRow.reference == ref)).one()
            normalised = dict(row.normalised)
            if change == "absent":
                del normalised["containers"]
            else:
                normalised["containers"] = change
            s.execute(
                update(DeclarationRow).where(DeclarationRow.id == row.id).values(
                    normalised=normalised)
            )  # fmt: skip
    resolve_store(store)
    full = network_features(store)
    assert full.loc["B1", "net_shares_with_noncompliant"]  # the reference case: C1 at once
    assert full.loc["B3", "net_shares_with_noncompliant"]  # C1 in its latest version only
    assert not full.loc["B2", "net_shares_with_noncompliant"]  # C1 in its first version only
    for ref in ("D1", "D2", "D3"):  # new traders, C1 declared, the containers then removed
        assert full.loc[ref, "net_new_trader"] and not full.loc[ref, "net_shares_with_noncompliant"]
    for picked in (["B3", "B3", "B2"], ["D1", "D2", "D3"], ["A1", *full.index, "NOT-STORED"]):
        expected = full.loc[sorted(r for r in set(picked) if r in full.index)]
        pd.testing.assert_frame_equal(network_features(store, picked), expected)
    many = [*(f"X{i}" for i in range(network.DISCREPANCY_IN_LIMIT)), "B3", "A2"]
    pd.testing.assert_frame_equal(network_features(store, many), full.loc[["A2", "B3"]])
    assert network_features(store, []).empty
