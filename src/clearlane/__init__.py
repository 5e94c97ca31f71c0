"""ClearLane: customs risk management and targeting.

The library works without the web server::

    import clearlane
    report = clearlane.ingest_file("declarations.csv")
    frame = clearlane.load_items_frame()

Public names are re-exported here; everything else is internal and may change.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clearlane.core.schema import ControlResult, Declaration, GoodsItem, Party
    from clearlane.ingest.pipeline import ingest_file
    from clearlane.store.frames import load_items_frame

__version__ = "0.1.0"

__all__ = [
    "ControlResult",
    "Declaration",
    "GoodsItem",
    "Party",
    "__version__",
    "ingest_file",
    "load_items_frame",
]

# Every public name is imported on first use (PEP 562): `import clearlane` - and with it the
# CLI's start-up - loads neither Pydantic nor SQLAlchemy nor pandas, and has no side effects.
_LAZY = {
    "ControlResult": "clearlane.core.schema",
    "Declaration": "clearlane.core.schema",
    "GoodsItem": "clearlane.core.schema",
    "Party": "clearlane.core.schema",
    "ingest_file": "clearlane.ingest.pipeline",
    "load_items_frame": "clearlane.store.frames",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'clearlane' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
