from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearlane.cli import app
from tests.factories import declaration, item, write_csv, write_jsonl

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "generate", "demo", "db", "quarantine"):
        assert command in result.output


def test_help_wraps_docstrings_as_paragraphs() -> None:
    """The command list and a command's help join a docstring's hard line breaks: with them,
    `score` read "... route them to lanes under" / "capacity." on two lines at any width."""
    wide = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert wide.exit_code == 0
    assert "route them to lanes under capacity." in wide.output
    own = CliRunner().invoke(
        app, ["score", "--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"}
    )
    assert "it stops with exit code 3 and says to run `clearlane train`, unless" in own.output


def test_score_reasons_is_a_choice_listed_in_help_and_checked() -> None:
    """--reasons is a typed choice (a Literal, checked by mypy where it is passed on, no
    ``type: ignore``): --help lists the three values and a bad one is a usage error (exit 2)
    naming them, before any champion or store is looked at."""
    wide = {"COLUMNS": "200", "TERMINAL_WIDTH": "200", "NO_COLOR": "1"}
    shown = CliRunner().invoke(app, ["score", "--help"], env=wide)
    assert shown.exit_code == 0
    [line] = [x for x in shown.output.splitlines() if "--reasons" in x]
    assert "flagged|all|none" in line and "[default: flagged]" in _flat(shown.output)
    bad = CliRunner().invoke(app, ["score", "--no-record", "--reasons", "some"], env=wide)
    assert bad.exit_code == 2
    message = _flat(bad.output)
    assert "--reasons" in message and all(v in message for v in ("flagged", "all", "none"))


def test_reflow_keeps_lists_and_marked_paragraphs() -> None:
    from clearlane.cli import reflow

    text = "First line\ngoes on.\n\nItems:\n- one\n- two\n\nCode:\n    x = 1\n\n\b\nkept\nas is"
    assert reflow(text) == (
        "First line goes on.\n\nItems:\n- one\n- two\n\nCode:\n    x = 1\n\n\b\nkept\nas is"
    )
    assert reflow(None) is None


def test_ingest_prints_reconciliation_and_writes_report(tmp_path: Path) -> None:
    records = [declaration("C1"), declaration("C2", items=[item(net_mass_kg=99.0)])]
    path = write_csv(tmp_path / "in.csv", records)
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["ingest", str(path), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "received 2, stored 1, quarantined 1" in result.output
    assert "net_above_gross 1" in result.output
    data = json.loads(report.read_text())
    assert (data["received"], data["stored"], data["quarantined"]) == (2, 1, 1)
    assert data["reconciles"] is True

    listed = runner.invoke(app, ["quarantine", "list", "--json"])
    assert listed.exit_code == 0
    assert "in.csv:line 3" in listed.output and "net_above_gross" in listed.output


def test_rejected_file_exits_non_zero_with_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = runner.invoke(app, ["ingest", str(empty)])
    assert result.exit_code == 1
    assert "received 1, stored 0, quarantined 1" in result.output
    assert "empty.jsonl: the file is empty" in result.output


def test_bad_options_are_explained(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [declaration()])
    result = runner.invoke(app, ["ingest", str(path), "--format", "yaml"])
    assert result.exit_code == 2 and "--format 'yaml' is not one of" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2 and "no such file" in result.output
    odd = tmp_path / "x.dat"
    odd.write_text("x")
    result = runner.invoke(app, ["ingest", str(odd)])
    assert result.exit_code == 2 and "pass --format" in result.output


def test_text_from_files_and_names_is_printed_as_given_never_read_as_markup(
    tmp_path: Path,
) -> None:
    """Error messages and file names went to Rich as markup: a profile id '[/x]' in a problem
    raised MarkupError (a traceback), and a file named 'data[x].csv' was reported as
    'data.csv', naming the wrong file."""
    marked = tmp_path / "marked.yaml"
    marked.write_text("- id: '[/x]'\n  name: '[bold]n'\n")
    result = runner.invoke(app, ["profiles", "check", str(marked)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "profile '[/x]'" in result.output
    named = write_jsonl(tmp_path / "data[x].jsonl", [declaration("MARK-1")])
    result = runner.invoke(app, ["ingest", str(named)])
    assert result.exit_code == 0, result.output
    assert "data[x].jsonl: received 1, stored 1" in result.output
    missing = tmp_path / "gone[/b].csv"
    result = runner.invoke(app, ["ingest", str(missing)])
    assert result.exit_code == 2 and f"{missing}: no such file" in result.output
    from clearlane.documents.cli import app as documents_app
    from clearlane.link.cli import app as link_app

    result = CliRunner().invoke(documents_app, ["extract", str(missing)])
    assert result.exit_code == 2 and "gone[/b].csv" in result.output, result.output
    result = CliRunner().invoke(link_app, ["manifests", str(missing)])
    assert result.exit_code == 2 and "gone[/b].csv" in result.output, result.output


@pytest.mark.parametrize(
    ("name", "text"),
    [("deep.json", "[" * 100_000), ("date.yaml", "- id: P-1\n  valid_from: 2024-13-01\n")],
)
def test_profiles_check_of_an_unreadable_file_is_one_error_and_exit_2(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    result = runner.invoke(app, ["profiles", "check", str(path)])
    assert result.exit_code == 2, result.output
    assert f"{name}: cannot be parsed" in result.output


def test_an_ingest_report_that_cannot_be_written_is_refused_before_the_ingest(
    tmp_path: Path,
) -> None:
    """--report in a folder that does not exist was a FileNotFoundError traceback after the
    file had been stored."""
    path = write_jsonl(tmp_path / "x.jsonl", [declaration("REPORT-1")])
    for report, problem in [
        (tmp_path / "gone" / "r.json", "does not exist"),
        (tmp_path, "is a directory"),
    ]:
        result = runner.invoke(app, ["ingest", str(path), "--report", str(report)])
        assert result.exit_code == 2, result.output
        assert f"--report {report}:" in result.output and problem in result.output
        assert "received" not in result.output  # refused before anything was read


def test_generate_into_a_folder_it_cannot_write_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--out /proc/x (or under a file) was a FileNotFoundError traceback from mkdir; a write
    failing later (disk full) one too."""
    afile = tmp_path / "afile"
    afile.write_text("x")
    for out, problem in [
        (Path("/proc/x"), "cannot create the directory"),
        (afile / "data", "cannot create the directory"),
        (afile, "is a file, not a directory"),
    ]:
        result = runner.invoke(app, ["generate", "--declarations", "5", "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"--out {out}: {problem}" in result.output
    import clearlane.generate

    target = tmp_path / "full" / "declarations.jsonl"

    def disk_full(**_: object) -> None:
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr(clearlane.generate, "generate_dataset", disk_full)
    result = runner.invoke(app, ["generate", "--declarations", "5", "--out", str(target.parent)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{target}: cannot write: No space left on device" in result.output


def test_db_upgrade_and_current() -> None:
    import re
    from pathlib import Path as _Path

    versions = _Path(__file__).parents[2] / "src/clearlane/store/migrations/versions"
    newest = max(versions.glob("0*.py"), key=lambda p: p.name.split("_")[0])
    found = re.search(r'^revision = "([^"]+)"', newest.read_text(), re.MULTILINE)
    assert found, newest
    head = found.group(1)  # the revision id, which need not be the file's number
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"empty -> {head}" in result.output
    result = runner.invoke(app, ["db", "current"])
    assert f"at {head}, head is {head}" in result.output


def test_profiles_commands(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "profiles:\n  - {id: P-9, name: x, version: 1, owner: a, rationale: r, "
        "valid_from: 2020-01-01, weight: 0.5, conditions: [{field: hs_code, op: betwen}]}\n"
    )
    result = runner.invoke(app, ["profiles", "check", str(bad)])
    assert result.exit_code == 2
    assert "P-9" in result.output and "betwen" in result.output
    import clearlane.risk

    defaults = Path(clearlane.risk.__file__).parent / "default_profiles.yaml"
    result = runner.invoke(app, ["profiles", "import", str(defaults), "--by", "ana"])
    assert result.exit_code == 0, result.output
    assert "added" in result.output
    listed = runner.invoke(app, ["profiles", "list"])
    assert "CL-UV-01" in listed.output
    retired = runner.invoke(app, ["profiles", "retire", "CL-UV-01", "--note", "no longer needed"])
    assert "retired" in retired.output
    assert "CL-UV-01" not in runner.invoke(app, ["profiles", "list"]).output


def test_a_scheduled_train_runs_once_at_a_time_and_audits_a_skip() -> None:
    import fcntl

    from clearlane.audit import verify
    from clearlane.audit.chain import trail
    from clearlane.config import get_settings
    from clearlane.store.session import open_store

    data_dir = get_settings().data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".train.lock", "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        busy = runner.invoke(app, ["train", "--schedule"])
    assert busy.exit_code == 0 and "in progress: nothing to do" in busy.output
    skipped = runner.invoke(app, ["train", "--schedule"])
    assert skipped.exit_code == 0, skipped.output
    assert "no control results since the last training run: nothing to do" in skipped.output
    with open_store()() as session:
        entries = trail(session, subject="model:risk-engine")
        assert verify(session).ok
    assert [(e["actor"], e["payload"]["action"]) for e in entries] == [
        ("schedule", "retrain_skipped")
    ]


def _green_reasons_on_opening(tmp_path: Path) -> None:
    import pandas as pd

    from clearlane.api.declarations import service
    from clearlane.cli import _profiles
    from clearlane.config import get_settings
    from clearlane.oversight.assessments import REASONS_DEFERRED
    from clearlane.store.session import open_store
    from clearlane.store.tables import AssessmentRow, DeclarationRow
    from clearlane.workflows import default_registry, load_champion

    day_all = tmp_path / "day_all.csv"
    result = runner.invoke(app, ["score", "--no-record", "--reasons", "all", "--out", str(day_all)])
    assert result.exit_code == 0, result.output
    every = pd.read_csv(day_all).set_index("reference")
    engine, _ = load_champion(default_registry(get_settings().data_dir))
    session_factory = open_store()
    with session_factory() as session:
        latest = session.query(AssessmentRow).order_by(AssessmentRow.id.desc()).limit(3000).all()
        greens = [a for a in latest if a.lane == "green" and a.reference in every.index]
        flagged = [a for a in latest if a.lane != "green" and a.reference in every.index]
        assert greens and flagged
        for a in flagged:
            assert a.reasons and REASONS_DEFERRED not in a.components
            assert json.loads(every.at[a.reference, "reasons"]) == json.loads(json.dumps(a.reasons))
        for a in greens[:5]:
            assert a.reasons == [] and a.components[REASONS_DEFERRED] is True
            row = (
                session.query(DeclarationRow)
                .filter_by(reference=a.reference, version=a.version)
                .one()
            )
            reasons, note = service.reasons_on_demand(
                session_factory, row=row, assessment=a, engine=engine, profiles=_profiles()
            )
            assert note == "computed when opened (not stored with the batch score)", note
            assert json.loads(json.dumps(reasons, default=str)) == json.loads(
                every.at[a.reference, "reasons"]
            )


def test_train_score_evaluate_from_the_store(tmp_path: Path) -> None:
    data = tmp_path / "gen"
    result = runner.invoke(
        app, ["generate", "--declarations", "3000", "--seed", "9", "--out", str(data)]
    )
    assert result.exit_code == 0, result.output

    # Scoring before any training says what to do.
    result = runner.invoke(
        app, ["score", "--data", str(data / "declarations.csv"), "--out", str(tmp_path / "s.csv")]
    )
    assert result.exit_code == 3 and "run `clearlane train`" in _flat(result.output)

    assert runner.invoke(app, ["ingest", str(data / "declarations.csv")]).exit_code == 0
    ingest_controls = ["ingest", str(data / "controls.jsonl"), "--kind", "controls"]
    assert runner.invoke(app, ingest_controls).exit_code == 0
    # With declarations stored, still no champion: score fits nothing unless asked to.
    result = runner.invoke(app, ["score", "--no-record"])
    assert result.exit_code == 3 and "--fit-fallback" in _flat(result.output)
    from clearlane.config import get_settings
    from clearlane.workflows import ENGINE_NAME, default_registry

    assert default_registry(get_settings().data_dir).list(ENGINE_NAME) == []

    # Submitted through the API before any engine existed: stored, waiting.
    from clearlane.intake import submit_declarations
    from clearlane.store.session import open_store
    from clearlane.store.tables import AssessmentRow

    waiting = submit_declarations(
        [declaration("W-1"), declaration("W-2")],
        source="api:trader1",
        engine=None,
        key=b"k",
        session_factory=open_store(),
    )
    assert all(w.pending for w in waiting)

    result = runner.invoke(app, ["train"])
    assert result.exit_code == 0, result.output
    assert "held-out period, all declarations" in result.output
    # No champion before: the rules + anomaly fallback first, then the trained engine beat it.
    assert "registered risk-engine@1: the rules + anomaly fallback champion" in result.output
    assert "registered risk-engine@2: promoted to champion" in result.output
    assert "compared with the champion: fallback fitted to the same cut" in result.output
    # A scheduled run right after: no control result since this training run, nothing to do.
    scheduled = runner.invoke(app, ["train", "--schedule"])
    assert scheduled.exit_code == 0, scheduled.output
    assert "no control results since the last training run" in scheduled.output
    # The new champion routes the waiting submissions, and only them (not the history).
    assert "assessed and routed 2 submission(s) that were waiting" in result.output
    with open_store()() as session:
        assessed = {a.reference for a in session.query(AssessmentRow)}
    assert assessed == {"W-1", "W-2"}

    scores = tmp_path / "scores.csv"
    result = runner.invoke(
        app, ["score", "--data", str(data / "declarations.csv"), "--out", str(scores)]
    )
    assert result.exit_code == 0, result.output
    import pandas as pd

    table = pd.read_csv(scores)
    assert len(table) == 3000 and table["reference"].is_unique
    for column in ("score", "lane", "selection_reason", "rules", "anomaly", "model"):
        assert column in table.columns
    # --reasons flagged (the default): the reasons of the rows routed yellow/red/blue, not of
    # the green ones (computed when opened, below)
    flagged = table["lane"] != "green"
    assert flagged.any() and (~flagged).any()
    reasons = table.loc[flagged, "reasons"].map(json.loads)
    assert reasons.map(len).gt(0).all()
    assert (table.loc[flagged, "top_reason"] == reasons.map(lambda r: r[0]["text"])).all()
    assert table.loc[~flagged, "reasons"].isna().all()
    assert table.loc[~flagged, "top_reason"].isna().all()
    every = tmp_path / "every.csv"
    result_all = runner.invoke(
        app,
        ["score", "--data", str(data / "declarations.csv"), "--out", str(every), "--no-record",
         "--reasons", "all"],
    )  # fmt: skip
    assert result_all.exit_code == 0, result_all.output
    table_all = pd.read_csv(every)
    # the same scores and lanes, and the flagged rows' reasons to the last digit
    assert table_all[["reference", "score", "lane"]].equals(table[["reference", "score", "lane"]])
    assert table_all.loc[flagged, "reasons"].equals(table.loc[flagged, "reasons"])
    assert table_all["reasons"].map(json.loads).map(len).gt(0).all()
    assert runner.invoke(app, ["score", "--no-record", "--reasons", "some"]).exit_code == 2
    assert "top reason" in result.output and str(table["reference"].iloc[0]) in result.output
    assert table["score"].between(0, 1).all()
    assert set(table["lane"]) <= {"green", "yellow", "red"}
    assert (table["lane"] == "red").sum() >= 0.04 * 3000  # red capacity 5 % per office-day
    assert "stored 3,000 assessments" in result.output
    # With the facts a submission gets: every distinct (description, code) checked and stored.
    assert "facts of 3,000 declarations; HS check of" in result.output
    from clearlane.store.tables import HsCheckRow

    with open_store()() as session:
        assert session.query(HsCheckRow).count() > 0

    # Without --data: the store's latest day, recorded and audited with the input hash.
    result = runner.invoke(app, ["score", "--no-record"])
    assert result.exit_code == 0, result.output
    assert "stored" not in result.output
    # the day's checks were stored by the run above
    assert "checked before, 0 now" in result.output
    skipped = runner.invoke(app, ["score", "--no-record", "--no-facts"])
    assert skipped.exit_code == 0 and "facts not gathered (--no-facts)" in skipped.output
    latest = runner.invoke(app, ["score"])
    assert latest.exit_code == 0, latest.output
    from clearlane.audit import verify
    from clearlane.store.session import open_store
    from clearlane.store.tables import AssessmentRow

    with open_store()() as session:
        stored = session.query(AssessmentRow).order_by(AssessmentRow.id.desc()).first()
        assert verify(session).ok
    assert stored is not None and stored.input_sha256 is not None
    # A green row's assessment is stored without its reasons; opening the declaration computes
    # them, the same as `score --reasons all` gives for it.
    _green_reasons_on_opening(tmp_path)
    # --reasons all on the day scored with its green rows' reasons deferred: their audited
    # assessments are not rewritten (nor stored twice), and the command says so
    every_day = runner.invoke(app, ["score", "--reasons", "all"])
    assert every_day.exit_code == 0, every_day.output
    said = _flat(every_day.output)
    told = re.search(r"([\d,]+) of them stored without their reasons", said)
    assert told and "computed when an officer opens them" in said, said
    # no --out given: the message does not send the reader to one (it said "are in --out")
    assert "are in --out" not in said and "--out FILE writes this run's" in said, said
    from sqlalchemy import func, select

    from clearlane.oversight.assessments import REASONS_DEFERRED
    from clearlane.store.tables import DeclarationRow

    with open_store()() as session:
        # the day `score` scores (the store's latest), not `stored`'s: the newest assessment
        # is the last row of the --data run, of another day (its 8 greens against the 7 of
        # this day told the count was wrong when it was not)
        day = session.scalar(select(func.max(DeclarationRow.declaration_date)))
        greens = list(
            session.query(AssessmentRow).filter(
                AssessmentRow.declaration_date == day,
                AssessmentRow.model_version == stored.model_version,
                AssessmentRow.lane == "green",
            )
        )
        assert greens and all(a.reasons == [] and a.components[REASONS_DEFERRED] for a in greens)
        assert int(told[1].replace(",", "")) == len(greens)
        assert verify(session).ok
    # The batch path records its keyed draw (no default seed) and the inclusion probabilities.
    routing = stored.components["routing"]
    assert routing["draw_id"].startswith(str(stored.declaration_date) + ":")
    assert 0 <= routing["draw"] < 1
    assert 0 < routing["random_probability"] <= routing["inspection_probability"] <= 1
    with open_store()() as session:
        waited = session.query(AssessmentRow).filter(AssessmentRow.reference == "W-1").one()
    assert waited.components["routing"]["draw_id"]  # the online path records it too
    assert waited.components["routing"]["inspection_probability"] is not None
    assert runner.invoke(app, ["score", "--day", "1999-01-01"]).exit_code == 2
    too_much = runner.invoke(
        app, ["score", "--no-record", "--random-share", "0.6", "--exploration", "0.5"]
    )
    assert too_much.exit_code == 2 and "exceed the random lane's capacity" in too_much.output

    report = tmp_path / "report"
    result = runner.invoke(app, ["evaluate", "--report", str(report), "--no-rolling"])
    assert result.exit_code == 0, result.output
    # Not a terminal: one line per stage, with the time since the start.
    stages = re.findall(r"^\[ *\d+\.\d s\] (.+)$", result.output, flags=re.MULTILINE)
    assert stages[0] == "loading the analysis frame" and stages[-1] == "done"
    assert any(s.startswith("held-out period: training the engine on ") for s in stages)
    assert "held-out period: scoring the held-out period" in " ".join(stages)
    assert "writing the report" in stages
    html = (report / "report.html").read_text()
    assert "<svg" in html
    # Self-contained: nothing is fetched (the SVG namespace URI is a name, not a download).
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html


def test_score_fits_the_fallback_only_when_asked(tmp_path: Path) -> None:
    """No champion: `clearlane score` stops (exit 3, naming `clearlane train`) and registers
    nothing; with --fit-fallback it registers, promotes and audits the rules + anomaly
    fallback champion and scores with it; the next run scores with that champion."""
    from clearlane.audit import trail
    from clearlane.config import get_settings
    from clearlane.store.session import open_store
    from clearlane.workflows import ENGINE_NAME, default_registry

    data = tmp_path / "gen"
    made = runner.invoke(
        app, ["generate", "--declarations", "400", "--seed", "4", "--out", str(data)]
    )
    assert made.exit_code == 0, made.output
    assert runner.invoke(app, ["ingest", str(data / "declarations.csv")]).exit_code == 0
    registry = default_registry(get_settings().data_dir)

    refused = runner.invoke(app, ["score", "--no-record"])
    assert refused.exit_code == 3
    assert "no champion engine is registered: run `clearlane train`" in _flat(refused.output)
    assert registry.list(ENGINE_NAME) == []

    fitted = runner.invoke(app, ["score", "--no-record", "--fit-fallback"])
    assert fitted.exit_code == 0, fitted.output
    champion = registry.champion(ENGINE_NAME)
    assert champion is not None and champion.params["kind"] == "fallback"
    assert f"with {champion.id}" in fitted.output
    with open_store()() as session:
        actions = [e["payload"]["action"] for e in trail(session, subject=f"model:{ENGINE_NAME}")]
    assert sorted(actions) == ["promoted", "registered"]

    again = runner.invoke(app, ["score", "--no-record"])
    assert again.exit_code == 0 and f"with {champion.id}" in again.output
    assert [v.id for v in registry.list(ENGINE_NAME)] == [champion.id]


def _flat(output: str) -> str:
    """Rich wraps errors in a panel: join its lines back into one sentence."""
    return " ".join(output.replace("│", " ").split())


def test_bad_role_and_bad_day_are_refused_before_any_prompt_or_work() -> None:
    result = runner.invoke(app, ["user", "add", "bob", "--role", "emperor"], input="s3cret\n" * 2)
    assert result.exit_code == 2
    assert "'emperor' is not a role: use one of trader, officer" in _flat(result.output)
    assert "password" not in result.output.lower()  # never asked
    result = runner.invoke(app, ["score", "--day", "notadate"])
    assert result.exit_code == 2
    assert "Invalid value for '--day': 'notadate' is not a date (YYYY-MM-DD)" in _flat(
        result.output
    )


def test_serve_registers_the_fallback_champion_before_the_workers_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Declarations stored, no champion: `serve` fits the rules + anomaly fallback once,
    before the workers start, so no submission's request has to; with a champion, or with
    nothing to fit it on, it starts without registering anything."""
    import clearlane.api.server
    from clearlane.config import get_settings
    from clearlane.workflows import ENGINE_NAME, default_registry

    registry = default_registry(get_settings().data_dir)
    champions: list[str | None] = []

    def run_server(**kwargs: object) -> None:
        current = registry.champion(ENGINE_NAME)
        champions.append(current.id if current is not None else None)

    monkeypatch.setattr(clearlane.api.server, "run_server", run_server)
    empty = runner.invoke(app, ["serve"])
    assert empty.exit_code == 0, empty.output
    assert "no stored declaration: the first submission fits" in empty.output
    records = [declaration(f"SV-{i}", items=[item(item_value=1000.0 + 50 * i)]) for i in range(12)]
    ingested = runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "d.jsonl", records))])
    assert ingested.exit_code == 0, ingested.output
    first = runner.invoke(app, ["serve"])
    assert first.exit_code == 0, first.output
    assert "no champion: risk-engine@1, the rules + anomaly fallback, now serves" in first.output
    again = runner.invoke(app, ["serve"])
    assert again.exit_code == 0 and "no champion" not in again.output
    assert champions == [None, "risk-engine@1", "risk-engine@1"]
    assert [v.params["kind"] for v in registry.list(ENGINE_NAME)] == ["fallback"]


def test_the_demo_history_fingerprint_reads_utc_times_as_before_they_carried_an_offset() -> None:
    """frames.label_of gives completed_at as UTC instants (with an offset) since mixed naive
    and offset times in one file raised TypeError there; the fingerprint of the same history
    is what it was, so a demo store trained before keeps its champion (a second `make demo`
    trained again and stored a second engine's assessments of the day beside the first)."""
    import pandas as pd

    from clearlane.demo import history_fingerprint

    naive = pd.DataFrame(
        {"reference": ["A", "B"], "completed_at": pd.to_datetime(["2025-03-01 10:00", None])}
    )
    aware = naive.assign(completed_at=naive["completed_at"].dt.tz_localize("UTC"))
    assert history_fingerprint(aware, "1") == history_fingerprint(naive, "1")
    later = aware.assign(completed_at=aware["completed_at"] + pd.Timedelta(hours=1))
    assert history_fingerprint(later, "1") != history_fingerprint(naive, "1")


@pytest.mark.parametrize("encoding", ["no-such-codec", "base64"])
def test_an_unknown_encoding_is_explained(tmp_path: Path, encoding: str) -> None:
    """``--encoding`` naming no text codec raised LookupError in the reader: a traceback."""
    path = write_csv(tmp_path / "in.csv", [declaration("E1")])
    result = runner.invoke(app, ["ingest", str(path), "--encoding", encoding])
    assert result.exit_code == 2, result.output
    assert encoding in result.output and "Traceback" not in result.output
