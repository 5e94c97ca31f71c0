"""Inline SVG charts rendered on the server: no JavaScript, no CDN, readable offline.

The calibration plot reuses :func:`clearlane.learn.report.line_chart` (both axes on [0, 1]);
time series and bars, whose axes are days and counts, are drawn here. Every chart gets a
``viewBox`` so CSS scales it down to a phone's width.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Mapping, Sequence

from clearlane.learn.report import line_chart

COLOURS = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f")
LANE_COLOURS = {"green": "#2e7d32", "yellow": "#c9a100", "red": "#c62828", "blue": "#1565c0"}
W, H = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 28, 40


_SIZED_SVG = re.compile(r'<svg([^>]*?) width="(\d+)" height="(\d+)"')


def responsive(svg: str) -> str:
    """Give every SVG with a fixed width and height a viewBox, and let CSS size it."""
    return _SIZED_SVG.sub(
        lambda m: (
            f'<svg{m.group(1)} viewBox="0 0 {m.group(2)} {m.group(3)}" class="chart" '
            'preserveAspectRatio="xMinYMin meet"'
        ),
        svg,
    )


def _nice_max(value: float) -> float:
    if value <= 0 or not math.isfinite(value):
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 4, 8, 10):  # quarter ticks stay round (0.25, 0.5, 1, 2)
        if value <= step * power:
            return step * power
    return 10 * power


def _open(title: str, width: int = W, height: int = H) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-label="{html.escape(title)}">',
        f'<text x="4" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: int = 10) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">'
        f"{html.escape(text)}</text>"
    )


def time_series(
    title: str,
    days: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    fmt: Callable[[float], str] = lambda v: f"{v:.0%}",
    y_max: float | None = None,
) -> str:
    """Lines over days (gaps where a value is None), with dots so single days show."""
    parts = _open(title)
    values = [v for vs in series.values() for v in vs if v is not None and math.isfinite(v)]
    top = y_max if y_max is not None else _nice_max(max(values, default=0.0))
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM
    n = len(days)

    def px(i: int) -> float:
        return LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def py(v: float) -> float:
        return TOP + plot_h * (1 - min(v, top) / top)

    for k in range(5):
        tick = top * k / 4
        y = py(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        parts.append(_text(LEFT - 4, y + 3, fmt(tick), anchor="end"))
    if n:
        for i in sorted({0, n // 2, n - 1}):
            anchor = "start" if i == 0 and n > 1 else "end" if i == n - 1 and n > 1 else "middle"
            parts.append(_text(px(i), H - BOTTOM + 14, days[i], anchor=anchor))
    if not values:
        parts.append(_text(LEFT + plot_w / 2, TOP + plot_h / 2, "no data yet", size=12))
    for index, (name, vs) in enumerate(series.items()):
        colour = COLOURS[index % len(COLOURS)]
        run: list[str] = []
        runs: list[list[str]] = []
        for i, v in enumerate(vs):
            if v is None or not math.isfinite(v):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(f"{px(i):.1f},{py(v):.1f}")
            parts.append(
                f'<circle cx="{px(i):.1f}" cy="{py(v):.1f}" r="2.5" fill="{colour}">'
                f"<title>{html.escape(f'{name} {days[i]}: {fmt(v)}')}</title></circle>"
            )
        if run:
            runs.append(run)
        for points in runs:
            if len(points) > 1:
                parts.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="1.8" '
                    f'points="{" ".join(points)}"/>'
                )
        lx = LEFT + 150 * index
        parts.append(
            f'<rect x="{lx}" y="{H - 14}" width="12" height="4" fill="{colour}"/>'
            + _text(lx + 16, H - 9, name, anchor="start")
        )
    parts.append("</svg>")
    return "".join(parts)


def bars(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    colours: Sequence[str] | None = None,
    fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
) -> str:
    """Horizontal bars with their values written beside them."""
    height = 30 + 24 * max(len(labels), 1)
    parts = _open(title, height=height)
    top = max([v for v in values if math.isfinite(v)], default=0.0) or 1.0
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 26 + 24 * i
        width = (W - 260) * max(value, 0.0) / top
        colour = (colours[i] if colours else None) or COLOURS[0]
        parts.append(_text(150, y + 13, label, anchor="end", size=11))
        parts.append(
            f'<rect x="156" y="{y}" width="{width:.1f}" height="18" fill="{colour}"/>'
            + _text(162 + width, y + 13, fmt(value), anchor="start", size=11)
        )
    if not labels:
        parts.append(_text(W / 2, 40, "no data yet", size=12))
    parts.append("</svg>")
    return "".join(parts)


def calibration(points: tuple[Sequence[float], Sequence[float]], *, label: str) -> str:
    """Observed hit rate against the score, per score decile, beside the diagonal."""
    return responsive(
        line_chart(
            "Calibration (deciles of the score)",
            {label: points, "ideal": ([0.0, 1.0], [0.0, 1.0])},
            x="score",
            y="observed hit rate",
        )
    )
