"""ClearLane: customs risk management and targeting.

The library works without the web server::

    import clearlane
    report = clearlane.ingest_file("declarations.csv")
    frame = clearlane.load_items_frame()

Public names are re-exported here; everything else is internal and may change.
"""

from __future__ import annotations

from clearlane.core.schema import ControlResult, Declaration, GoodsItem, Party

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


def __getattr__(name: str) -> object:
    # Lazy so that `import clearlane` stays light and has no database side effects.
    if name == "ingest_file":
        from clearlane.ingest.pipeline import ingest_file

        return ingest_file
    if name == "load_items_frame":
        from clearlane.store.frames import load_items_frame

        return load_items_frame
    raise AttributeError(f"module 'clearlane' has no attribute {name!r}")
