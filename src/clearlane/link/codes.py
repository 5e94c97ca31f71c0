"""The reason codes of a declaration that disagrees with its transport document: the one list.

:mod:`clearlane.link.discrepancies` raises them (and refuses any other),
:mod:`clearlane.features.facts` turns each into a ``link_<code>`` column (which profiles name),
:mod:`clearlane.generate.manifest_files` plants each. This module imports nothing, so the fact
columns stay cheap to import.
"""

from __future__ import annotations

#: Every code, in a stable order (the order of the ``link_*`` fact columns).
MANIFEST_CODES: tuple[str, ...] = (
    "MANIFEST_GROSS_MASS",  # total gross mass
    "MANIFEST_PACKAGES",  # total packages
    "MANIFEST_CONTAINERS",  # container numbers
    "MANIFEST_CONSIGNEE",  # importer vs consignee
    "MANIFEST_CONSIGNOR",  # exporter vs shipper
    "MANIFEST_DISPATCH",  # country of dispatch vs port of loading
    "MANIFEST_ARRIVAL",  # declaration date vs arrival
)
