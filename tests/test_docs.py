"""The README's configuration table lists every setting there is."""

from __future__ import annotations

import re
from pathlib import Path

from clearlane.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `CLEARLANE_([A-Z_]+)` \|", section, flags=re.M))
    settings = {name.upper() for name in Settings.model_fields}
    assert documented == settings, {
        "undocumented": sorted(settings - documented),
        "no such setting": sorted(documented - settings),
    }
