"""The trader page's network graph as inline SVG, drawn on the server.

No script, no CDN, no ``<style>`` element: only SVG presentation attributes, so the page's
Content-Security-Policy (``style-src 'self'``, see ``api/guards.py``) holds. The trader sits in
the middle; its neighbours around it on an ellipse, each edge labelled with why they are
linked (shared identifier fragment, address or container, or the role it plays on the same
declarations); neighbours found non-compliant are drawn red and say so.
"""

from __future__ import annotations

import html
import math
from typing import Any

W, H = 880, 460
CX, CY, RX, RY = W / 2, H / 2 - 6, 330, 168
SHARE, PARTNER, BAD, NODE = "#a86b00", "#8a97a5", "#c62828", "#1b6ca8"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _text(x: float, y: float, text: str, *, size: int = 11, anchor: str = "middle",
          fill: str = "#1d2733", weight: str = "normal") -> str:  # fmt: skip
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{html.escape(text)}</text>'
    )


def _node(x: float, y: float, node: dict[str, Any], *, centre: bool = False) -> list[str]:
    caught = int(node.get("non_compliant") or 0)
    colour = BAD if caught else NODE
    r = 16 if centre else 11
    label = _short(str(node["name"]), 30)
    parts = [
        f'<a href="/traders/{int(node["cluster_id"])}" class="net-node'
        f'{" net-bad" if caught else ""}" data-cluster="{int(node["cluster_id"])}">',
        f"<title>{html.escape(str(node['name']))} (trader {int(node['cluster_id'])})"
        f"{f', {caught} non-compliant control(s)' if caught else ''}</title>",
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" stroke="#fff" '
        f'stroke-width="2"/>',
        _text(
            x, y + r + 13, label, size=12 if centre else 11, weight="bold" if centre else "normal"
        ),  # fmt: skip
    ]
    if caught:
        parts.append(_text(x, y + r + 26, f"non-compliant ({caught})", size=10, fill=BAD))
    parts.append("</a>")
    return parts


def network_svg(network: dict[str, Any]) -> str:
    """The graph for :func:`clearlane.link.views.trader_network`'s result."""
    nodes = network["nodes"]
    edges = {e["target"]: e for e in network["edges"]}
    title = f"Network of trader {network['centre']['cluster_id']}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" class="chart network" '
        f'role="img" aria-label="{html.escape(title)}">'
    ]
    positions = []
    n = max(len(nodes), 1)
    for i, _node_data in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        positions.append((CX + RX * math.cos(angle), CY + RY * math.sin(angle)))
    for (x, y), node in zip(positions, nodes, strict=True):
        edge = edges.get(node["cluster_id"], {"kind": "partner", "reasons": []})
        shares = edge["kind"] == "shares"
        colour = SHARE if shares else PARTNER
        dash = "" if shares else ' stroke-dasharray="5 4"'
        reasons = edge["reasons"] or ["linked"]
        mx, my = CX + 0.6 * (x - CX), CY + 0.6 * (y - CY)  # nearer the neighbour: no pile-up
        label = _short(reasons[0], 34) + (f" +{len(reasons) - 1}" if len(reasons) > 1 else "")
        out += [
            f'<g class="net-edge net-{edge["kind"]}" data-target="{int(node["cluster_id"])}">',
            f"<title>{html.escape('; '.join(reasons))}</title>",
            f'<line x1="{CX:.1f}" y1="{CY:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="{2.5 if shares else 1.5}"{dash}/>',
            f'<rect x="{mx - 3.2 * len(label) - 4:.1f}" y="{my - 9:.1f}" '
            f'width="{6.4 * len(label) + 8:.1f}" height="15" rx="3" fill="#fff" '
            f'fill-opacity="0.9"/>',
            _text(mx, my + 2.5, label, size=10, fill=colour if shares else "#5c6b7a"),
            "</g>",
        ]
    for (x, y), node in zip(positions, nodes, strict=True):
        out += _node(x, y, node)
    out += _node(CX, CY, network["centre"], centre=True)
    if not nodes:
        out.append(_text(CX, CY + 56, "no linked traders yet", fill="#5c6b7a"))
    legend_y = H - 10
    out += [
        f'<line x1="8" y1="{legend_y - 4}" x2="36" y2="{legend_y - 4}" stroke="{SHARE}" '
        f'stroke-width="2.5"/>',
        _text(42, legend_y, "shares identifier, address or container", size=10, anchor="start"),
        f'<line x1="290" y1="{legend_y - 4}" x2="318" y2="{legend_y - 4}" stroke="{PARTNER}" '
        f'stroke-width="1.5" stroke-dasharray="5 4"/>',
        _text(324, legend_y, "trades with (same declarations)", size=10, anchor="start"),
        f'<circle cx="530" cy="{legend_y - 4}" r="6" fill="{BAD}"/>',
        _text(541, legend_y, "found non-compliant", size=10, anchor="start"),
        "</svg>",
    ]
    return "".join(out)
