"""A new user's mistakes, command by command: each is one error line naming what was wrong
and where (file, option, setting), a non-zero exit and never a Python traceback.

Found by walking through every command with bad input (a directory for a file, a file for a
directory, a store URL with a typo, a server that does not answer, a date the wrong way round).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from clearlane.cli import app

WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200", "NO_COLOR": "1"}


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=WIDE)


def _flat(output: str) -> str:
    return " ".join(output.replace("│", " ").split())


def _refused(result: Result, code: int, *parts: str) -> str:
    """The command ended by itself (no exception escaped) with ``code`` and said ``parts``."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception),
        result.output,
    )
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    text = _flat(result.output)
    for part in parts:
        assert part in text, (part, text)
    return text


def test_a_directory_given_for_an_input_file_is_named_as_a_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # relative names: Typer's error panel wraps at 80 columns when another test of the same
    # process imported typer.rich_utils before COLUMNS was set, which a long temporary path
    # crosses (CI: "/tmp/pytest-of-root/pytest-N/popen-gw0/...")
    monkeypatch.chdir(tmp_path)
    Path("exports").mkdir()
    d = "exports"
    for args in (
        ["ingest", d],
        ["train", "--data", d],
        ["score", "--data", d, "--fit-fallback", "--no-record"],
        ["fairness", "--data", d],
        ["simulate", "--data", d],
        ["hs", "suggest", "--in", d, "--out", str(tmp_path / "s.csv")],
        ["link", "manifests", d],
    ):
        _refused(_run(*args), 2, f"{d}: is a directory, not a file")


def test_an_output_directory_that_is_a_file_is_refused_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # relative names, as above
    Path("taken.csv").write_text("x\n")
    f = "taken.csv"
    for args in (
        ["evaluate", "--report", f],
        ["fairness", "--out", f],
        ["documents", "generate", "--out", f],
        ["simulate", "--data", f, "--report", f],
    ):
        flag = "--out" if "--out" in args else "--report"
        _refused(_run(*args), 2, f"{flag} {f}: is a file, not a directory to write into")


def test_an_output_file_that_is_a_directory_is_refused_before_the_work(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    _refused(_run("score", "--out", str(folder)), 2, f"--out {folder}: is a directory")
    _refused(
        _run("link", "discrepancies", "--out", str(folder)), 2, f"--out {folder}: is a directory"
    )
    nowhere = tmp_path / "missing" / "d.csv"
    _refused(
        _run("link", "discrepancies", "--out", str(nowhere)),
        2,
        f"--out {nowhere}: the folder {nowhere.parent} does not exist",
    )
    parties = tmp_path / "p.csv"
    parties.write_text("id,name\n1,Acme Ltd\n2,Foo GmbH\n")
    _refused(
        _run(
            "link",
            "parties",
            "--left",
            str(parties),
            "--right",
            str(parties),
            "--out",
            str(nowhere),
        ),
        2,
        f"--out {nowhere}: the folder {nowhere.parent} does not exist",
    )


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("garbage", "not a usable SQLAlchemy URL"),
        ("nonsense://", "not a usable SQLAlchemy URL"),
        ("postgresql+psycopg://u:hidden-pw@127.0.0.1:1/none", "cannot connect to"),
    ],
)
@pytest.mark.parametrize(
    "command", [["kpis"], ["db", "current"], ["db", "upgrade"], ["audit", "head"], ["user", "list"]]
)
def test_a_store_url_that_does_not_work_is_one_error_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, url: str, said: str, command: list[str]
) -> None:
    from clearlane.config import get_settings

    monkeypatch.setenv("CLEARLANE_DATABASE_URL", url)
    get_settings.cache_clear()
    text = _refused(_run(*command), 2, said, "CLEARLANE_DATABASE_URL")
    assert "hidden-pw" not in text  # the password is never printed
    assert "Background on this error" not in text


def test_kpis_dates_are_checked_and_an_empty_filter_is_not_an_empty_store() -> None:
    _refused(_run("kpis", "--since", "01/02/2025"), 2, "--since '01/02/2025' is not a date")
    _refused(
        _run("kpis", "--since", "2025-03-01", "--until", "2025-01-01"),
        2,
        "--since 2025-03-01 is after --until 2025-01-01",
    )
    _refused(_run("kpis", "--office", "NOPE"), 0, "no stored assessment matches --office NOPE")


def test_profile_files_that_cannot_be_read_say_why_on_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    _refused(_run("profiles", "check", str(empty)), 2, "empty.yaml: the file holds no profiles")
    broken = tmp_path / "broken.yaml"
    broken.write_text("profiles:\n  - id: a\n    name: [x\n")
    text = _refused(_run("profiles", "check", str(broken)), 2, "broken.yaml: cannot be parsed")
    assert "(line 4, column 1)" in text and "<unicode string>" not in text
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01profiles")
    text = _refused(_run("profiles", "check", str(binary)), 2, "binary.yaml: cannot be parsed")
    assert "<unicode string>" not in text


def test_a_manifest_file_that_cannot_be_read_says_why_and_exits_1(tmp_path: Path) -> None:
    wrong = tmp_path / "manifest.csv"
    wrong.write_text("not,a,manifest\n1,2,3\n")
    _refused(
        _run("link", "manifests", str(wrong)),
        1,
        "quarantined; reasons: UNREADABLE 1",
        "unreadable: manifest.csv:line 1: header must have document_number",
    )
    broken = tmp_path / "eb.json"
    broken.write_text("hello")
    _refused(_run("link", "manifests", str(broken)), 1, "eb.json:file: not JSON")


def test_a_file_without_one_valid_declaration_is_named_not_counted_in_days(
    tmp_path: Path,
) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("not,a,declaration\n1,2,3\n")
    for command in (["train"], ["evaluate", "--report", str(tmp_path / "r")]):
        _refused(
            _run(*command, "--data", str(wrong)), 2, f"{wrong}: no valid declaration in the file"
        )


def test_simulate_says_how_to_label_generated_data(tmp_path: Path) -> None:
    from tests.factories import declaration, write_jsonl

    data = write_jsonl(tmp_path / "d.jsonl", [declaration()])
    _refused(
        _run("simulate", "--data", str(data)), 2, "no labelled row", "--truth ground_truth.csv"
    )
    _refused(
        _run("simulate", "--data", str(data), "--rank-by", "price"),
        2,
        "--rank-by 'price' is not one of score, expected_revenue",
    )


def _commands() -> list[tuple[str, object]]:
    from typer.main import get_command

    found = []

    def walk(command: object, path: list[str]) -> None:
        subs = getattr(command, "commands", None)
        if subs is None:
            found.append((" ".join(path), command))
            return
        for name, sub in subs.items():
            walk(sub, [*path, name])

    walk(get_command(app), [])
    return found


def test_every_command_help_shows_an_example_and_every_argument_is_explained() -> None:
    commands = _commands()
    assert len(commands) >= 35
    for path, command in commands:
        text = _refused(_run(*path.split(), "--help"), 0)
        assert "Example" in text and f"clearlane {path}" in text.split("Example", 1)[1], path
        for param in command.params:  # type: ignore[attr-defined]
            if not getattr(param, "hidden", False) and param.name != "help":
                assert getattr(param, "help", None), (path, param.name)


def test_the_top_help_says_where_the_store_is_and_how_to_start() -> None:
    text = _refused(_run("--help"), 0, "$CLEARLANE_DATABASE_URL", "$CLEARLANE_DATA_DIR")
    assert "clearlane generate --out data" in text and "clearlane train" in text
    # group summaries name every sub-command they hold
    assert "add, list, change a password, disable, enable" in text
    assert "transport documents (manifests)" in text


def test_simulate_is_one_command_not_a_group_waiting_for_a_sub_command() -> None:
    text = _refused(_run("simulate", "--help"), 0, "simulate [OPTIONS]")
    assert "COMMAND" not in text


def test_fairness_reads_its_file_with_data_and_the_old_name_still_works(tmp_path: Path) -> None:
    missing = tmp_path / "none.jsonl"
    _refused(_run("fairness", "--data", str(missing)), 2, f"{missing}: no such file")
    text = _refused(_run("fairness", "--declarations", str(missing)), 2, "no such file")
    assert "--declarations is deprecated; use --data" in text
    _refused(
        _run("fairness", "--declarations", str(missing), "--data", str(missing)),
        2,
        "--declarations is the old name of --data",
    )
    assert "--declarations" not in _flat(_run("fairness", "--help").output)


def test_every_out_option_has_the_short_o_and_a_format_option_the_short_f() -> None:
    for path, command in _commands():
        for param in command.params:  # type: ignore[attr-defined]
            opts = set(getattr(param, "opts", []))
            if "--out" in opts:
                assert "-o" in opts, path
            if "--format" in opts:
                assert "-f" in opts, path


def test_generate_prints_its_counts_as_lines_not_a_python_repr(tmp_path: Path) -> None:
    text = _refused(
        _run("generate", "--out", str(tmp_path), "--declarations", "20", "--days", "5"),
        0,
        "declarations.jsonl: 20 rows",
        "planted fraud:",
    )
    assert "GenerationSummary(" not in text and "PosixPath" not in text


def test_quarantine_json_is_json_lines_and_empty_lists_say_so(tmp_path: Path) -> None:
    import json

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("not,a,declaration\n1,2,3\n")
    _run("ingest", str(wrong))
    _run("ingest", str(tmp_path / "x.csv"))  # missing: nothing quarantined
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    _run("ingest", str(empty))
    lines = CliRunner().invoke(app, ["quarantine", "list", "--json"]).stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["reasons"] for line in lines)
    _refused(_run("quarantine", "list", "--reason", "nope"), 0, "the quarantine is empty for")
    assert "┃" not in _run("quarantine", "list", "--reason", "nope").output
    text = _refused(_run("audit", "show", "--subject", "declaration:NOPE"), 0)
    assert text == "no audit entry matches --subject declaration:NOPE"


def test_piped_commands_write_nothing_to_stderr_when_nothing_went_wrong(tmp_path: Path) -> None:
    """A progress bar is for a terminal: piped, Rich's stopped bar still wrote a blank line."""
    from tests.factories import declaration, write_jsonl

    data = write_jsonl(tmp_path / "d.jsonl", [declaration()])
    for args in (
        ["generate", "--out", str(tmp_path / "g"), "--declarations", "20", "--days", "5"],
        ["ingest", str(data)],
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0 and result.stdout and result.stderr == "", args


def test_every_help_example_parses_as_its_command_line() -> None:
    """The examples are command lines Click accepts (options exist, values have their types),
    so copying one never ends in "No such option"."""
    import shlex

    from clearlane.cli import EXAMPLES

    commands = dict(_commands())
    assert set(EXAMPLES) == set(commands)
    for path, lines in EXAMPLES.items():
        for line in lines:
            words = shlex.split(line, comments=True)
            prefix = ["clearlane", *path.split()]
            assert words[: len(prefix)] == prefix, line
            command = commands[path]
            command.make_context(path, words[len(prefix) :])  # type: ignore[attr-defined]


def test_ingest_of_the_other_kind_of_file_hints_at_kind(tmp_path: Path) -> None:
    from tests.factories import declaration, write_jsonl

    data = write_jsonl(tmp_path / "d.jsonl", [declaration(), declaration(reference="R2")])
    _refused(
        _run("ingest", "--kind", "controls", str(data)),
        0,
        "received 2, stored 0, quarantined 2",
        "hint: no record has the controls layout",
        "ingest it with --kind declarations",
    )
    result = _run("ingest", str(data))
    assert "hint" not in result.output and "stored 2" in result.output


def test_a_malformed_store_url_never_prints_its_password(monkeypatch: pytest.MonkeyPatch) -> None:
    from clearlane.config import get_settings

    monkeypatch.setenv("CLEARLANE_DATABASE_URL", "postgresql://clerk:s3cret@db:notaport/x")
    get_settings.cache_clear()
    text = _refused(_run("kpis"), 2, "not a usable SQLAlchemy URL", "clerk:***@db")
    assert "s3cret" not in text


def test_a_password_without_a_terminal_asks_for_password_stdin() -> None:
    """With no terminal (a script, cron), getpass warned 'input may be echoed' and Click
    ended with 'Aborted.' (exit 1)."""
    _refused(_run("user", "add", "bob", "--role", "officer"), 2, "no terminal", "--password-stdin")
    added = CliRunner().invoke(
        app, ["user", "add", "bob", "--role", "officer", "--password-stdin"], input="long-pass1\n"
    )
    assert added.exit_code == 0, added.output
    _refused(_run("user", "password", "bob"), 2, "no terminal", "--password-stdin")


def test_db_upgrade_to_an_unknown_revision_is_one_error() -> None:
    _refused(_run("db", "upgrade", "nosuchrev"), 2, "revision 'nosuchrev'", "'head'")


def test_an_empty_csv_manifest_is_called_empty(tmp_path: Path) -> None:
    empty = tmp_path / "m.csv"
    empty.write_text("")
    _refused(_run("link", "manifests", str(empty)), 1, "m.csv:file: the file is empty")
