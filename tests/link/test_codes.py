"""One list of transport-document discrepancy codes: the link domain's, used by the fact
columns and the generator; cheap to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clearlane.features import facts
from clearlane.generate import manifest_files
from clearlane.link import discrepancies
from clearlane.link.codes import MANIFEST_CODES


def test_the_fact_columns_and_the_generator_use_the_link_domains_list() -> None:
    assert facts.LINK_CODES is MANIFEST_CODES
    assert manifest_files.PLANT_CODES is MANIFEST_CODES
    assert discrepancies.CODES is MANIFEST_CODES
    assert facts.LINK_COLUMNS[1:] == tuple(f"link_{c.lower()}" for c in MANIFEST_CODES)


def test_a_discrepancy_outside_the_list_is_refused() -> None:
    discrepancies.Discrepancy("MANIFEST_PACKAGES", "packages", 1, 2, "m")
    with pytest.raises(ValueError, match="MANIFEST_WEIGHT"):
        discrepancies.Discrepancy("MANIFEST_WEIGHT", "gross_mass_kg", 1, 2, "m")


def test_the_fact_columns_do_not_import_the_linking_code() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, clearlane.features.facts; "
         "print(sorted(m for m in sys.modules if m.startswith('clearlane.link')))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "['clearlane.link', 'clearlane.link.codes']"
