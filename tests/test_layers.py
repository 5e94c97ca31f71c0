"""The import-layer contracts in pyproject.toml (checked by ``lint-imports`` in ``make lint``)
name every top-level module of the package, so a new package cannot slip past them."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import clearlane

ROOT = Path(__file__).resolve().parents[1]


def _contracts() -> dict[str, dict[str, list[str]]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return {c["name"]: c for c in config["contracts"]}


def _top_level() -> set[str]:
    return {f"clearlane.{m.name}" for m in pkgutil.iter_modules(clearlane.__path__)}


def test_core_contract_forbids_every_other_top_level_module() -> None:
    (core,) = [c for c in _contracts().values() if c["source_modules"] == ["clearlane.core"]]
    assert set(core["forbidden_modules"]) == _top_level() - {"clearlane.core"}


def test_every_top_level_module_is_either_library_or_edge() -> None:
    (library,) = [c for c in _contracts().values() if len(c["source_modules"]) > 1]
    edges = set(library["forbidden_modules"])
    assert edges == {"clearlane.__main__", "clearlane.api", "clearlane.cli", "clearlane.demo"}
    assert set(library["source_modules"]) | edges == _top_level()


def test_store_may_import_only_core_settings_and_the_frame_builder() -> None:
    (store,) = [c for c in _contracts().values() if c["source_modules"] == ["clearlane.store"]]
    allowed = _top_level() - set(store["forbidden_modules"])
    assert allowed == {"clearlane.store", "clearlane.core", "clearlane.config", "clearlane.frames"}
