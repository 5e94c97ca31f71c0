"""The header and country readers are linear in their input (an uploaded page is attacker
input): ``_head_text`` / ``_head_clean`` and ``country_code`` took 17.5 and 7.4 CPU s on a run
of 20,000 spaces (a regex that opens on a run of spaces tried again from each space of it).

Each check runs in a child process under a CPU budget (``RLIMIT_CPU``), not a clock: the inputs
are 200,000 characters, on which the quadratic readers needed an estimated 100x their 20,000
character time (over 700 CPU s) and the linear ones need well under a second; the budget of
60 CPU s sits between by a wide margin each way, so load on the machine does not decide it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from clearlane.documents.layout import country_code

N = 200_000
INPUTS = {
    "spaces": "' ' * N",
    "spaces-between": "'x' + ' ' * N + 'x'",
    "open-brackets": "'a(' * (N // 2)",
    "letters": "'a' * N",
    "dots": "'a · ' * (N // 4) + ' ' * N",
    "commas-georgia": "'a, ' + ' ' * N + 'b, Georgia'",
    "ampersands": "' ' * N + '&'",
}

_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
from clearlane.documents.layout import _head_clean, _head_text, country_code
N = {n}
text = {expr}
_head_text(text); _head_clean(text); country_code(text)
print("done")
"""


@pytest.mark.parametrize("name", INPUTS)
def test_header_and_country_readers_finish_within_a_cpu_budget(name: str) -> None:
    code = textwrap.dedent(_CHILD.format(n=N, expr=INPUTS[name]))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]  # SIGXCPU (-24): over the budget
    assert done.stdout.strip() == "done"


def test_a_line_of_many_slashes_is_no_recursion_error() -> None:
    # 'Reino Unido / United Kingdom' recursed on the part before each ' / ': past ~1,000
    # slashes a RecursionError out of the reader
    assert country_code("Germany" + " / a" * 3000) == "DE"
    assert country_code("Reino Unido / United Kingdom") == "GB"
    assert country_code("Deutschland / Germany / x") == "DE"


def test_country_names_still_read_after_the_rewrite() -> None:
    assert country_code("Taichung City 41280, Taiwan (R.O.C.)") == "TW"
    assert country_code("0179 Tbilisi, Georgia") == "GE"
    assert country_code("Kutaisi, Imereti, Georgia") == "GE"
    assert country_code("Atlanta, Georgia") is None
    assert country_code("Gewerbering 14 · 85354 Freising · Deutschland") == "DE"
    assert country_code("Trinidad & Tobago") == "TT"


# The review of the fifteenth batch (docs/documents.md): four more readers that were quadratic
# (at 16,000 characters: the date after a number 5.3 CPU s, a footer's first part 1.8, a VAT
# label after other details 1.6, a price per unit 0.6; 16 times as long for 4 times the input).
_CHILD_MORE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
from clearlane.documents.layout import _date_after, _footer_head, _per_unit, _vat_after
N = {n}
_date_after("INV-1", "INV-1" + " " * N + "x")
_footer_head("a" + " " * N + "to" + " " * N + "b")
_vat_after("ab " * (N // 3))
_per_unit("1." * (N // 2) + "/123")
print("done")
"""


def test_the_date_footer_vat_and_unit_readers_finish_within_a_cpu_budget() -> None:
    code = textwrap.dedent(_CHILD_MORE.format(n=N))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-500:]  # SIGXCPU (-24): over the budget
    assert done.stdout.strip() == "done"
