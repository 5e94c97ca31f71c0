"""Gateway seaports of landlocked countries (``data/gateway_ports.csv``, sources in its header).

A landlocked country's sea freight is loaded in a neighbour's port: Ethiopian goods at
Djibouti (DJJIB), Ugandan goods at Mombasa (KEMBA) or Dar es Salaam (TZDAR). The manifest
dispatch check (:mod:`clearlane.link.discrepancies`, ``MANIFEST_DISPATCH``) accepts a loading
port in the dispatch country or, for a landlocked dispatch country, one of its gateways.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

__all__ = ["GatewayTableError", "gateways", "load_gateways", "loading_port_fits"]

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


class GatewayTableError(ValueError):
    """A row of the gateway table that is not ``country,gateway,corridor``."""


def load_gateways(text: str, *, source: str = "gateway_ports.csv") -> dict[str, frozenset[str]]:
    """Landlocked country -> its gateways (UN/LOCODEs or country codes) from the CSV ``text``
    (lines starting with ``#`` are comments). Raises :class:`GatewayTableError` naming the
    file, line and field of a bad row."""
    lines = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    rows = csv.DictReader((line for _, line in lines))
    table: dict[str, set[str]] = {}
    for (number, _), row in zip(lines[1:], rows, strict=False):
        country = (row.get("country") or "").strip()
        gateway = (row.get("gateway") or "").strip()
        if not _COUNTRY.match(country):
            raise GatewayTableError(
                f"{source}: line {number}: country {country!r}: not an ISO alpha-2 code"
            )
        if not (_COUNTRY.match(gateway) or _LOCODE.match(gateway)):
            raise GatewayTableError(
                f"{source}: line {number}: gateway {gateway!r}: not a UN/LOCODE or country code"
            )
        if gateway[:2] == country:
            raise GatewayTableError(
                f"{source}: line {number}: gateway {gateway!r} is in {country} itself"
            )
        table.setdefault(country, set()).add(gateway)
    return {country: frozenset(ports) for country, ports in table.items()}


@cache
def gateways() -> dict[str, frozenset[str]]:
    """The shipped table (read once)."""
    resource = resources.files("clearlane.link").joinpath("data", "gateway_ports.csv")
    return load_gateways(resource.read_text(encoding="utf-8"))


def loading_port_fits(dispatch: str, port: str) -> bool:
    """Whether goods dispatched from ``dispatch`` may be loaded at the UN/LOCODE ``port``: a
    port of that country, or one of its gateways (the port itself, or any port of a gateway
    country) when it is landlocked."""
    if port[:2] == dispatch:
        return True
    routes = gateways().get(dispatch, frozenset())
    return port in routes or port[:2] in routes
