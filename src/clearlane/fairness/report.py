"""The bias audit as JSON and as a self-contained HTML page (inline SVG, no external resource).

:func:`fairness_section` returns the HTML body fragment, so another report can embed it;
:func:`write_fairness_report` writes ``fairness_<by>.json`` and ``fairness_<by>.html``.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import pandas as pd

from clearlane.fairness.audit import FairnessReport
from clearlane.learn.report import _COLOURS, _text

_LOW, _HIGH = -3.0, 4.0  # log2 range of the ratio axis: 1/8 .. 16
_LABEL_W, _PANEL_W, _GAP, _ROW_H, _TOP = 190, 300, 40, 18, 58
_MAX_CHART_ROWS = 40
_FLAG_FILL = "#fde2e4"

LIMITS = (
    "Selection bias: the hit rate among controlled declarations is not the group's rate of "
    "non-compliance. Most controls were chosen by risk, so a group's controlled declarations "
    "are the ones that already looked suspicious; a group that is targeted harder is searched "
    "deeper into its honest declarations and its hit rate falls even when its members are no "
    "more honest than others. Random controls are the unbiased estimate, but they are few "
    "(about a tenth of all controls), so per group their intervals are wide and they enter "
    "the flag rule only once they hold enough hits. A flag is a finding to be explained by "
    "people (a watch list may be justified by severity rather than by hit rate), not proof of "
    "discrimination; an unflagged group is not proof of fairness."
)


def _x(value: float) -> float:
    """Position of a ratio on the log axis, in [0, 1]; 0 and negative values sit at 0."""
    if value <= 0:
        return 0.0
    if math.isinf(value):
        return 1.0
    return min(1.0, max(0.0, (math.log2(value) - _LOW) / (_HIGH - _LOW)))


def ratio_chart(report: FairnessReport) -> str:
    """Forest plot: per group the selection ratio to the rest and the hit-rate ratio to the
    rest, each a bar from 1 with its interval as whiskers, on a log scale; flagged groups are
    shaded and drawn in red. Shows groups big enough to be flagged (at most 40)."""
    table = report.table[~report.table["small"]]
    table = pd.concat([table[table["flagged"]], table[~table["flagged"]]]).head(_MAX_CHART_ROWS)
    width = _LABEL_W + 2 * _PANEL_W + _GAP + 20
    height = _TOP + _ROW_H * max(1, len(table)) + 30
    title = f"Selection and hit rates relative to the rest, by {report.by}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{html.escape(title)}">',
        f'<text x="4" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]
    panels = (
        ("selection rate / rest's", "selection_vs_rest", _LABEL_W),
        ("hit rate among controls / rest's", "hit_vs_rest", _LABEL_W + _PANEL_W + _GAP),
    )
    bottom = _TOP + _ROW_H * max(1, len(table))
    for i, (_, row) in enumerate(table.iterrows()):
        if row["flagged"]:
            y = _TOP + _ROW_H * i
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{_ROW_H}" fill="{_FLAG_FILL}"/>'
            )
    for label, column, left in panels:
        parts.append(_text(left + _PANEL_W / 2, 36, label, size=11, anchor="middle"))
        for tick in range(int(_LOW), int(_HIGH) + 1):
            px = left + _x(2.0**tick) * _PANEL_W
            parts.append(
                f'<line x1="{px:.1f}" y1="{_TOP - 4}" x2="{px:.1f}" y2="{bottom}" '
                f'stroke="{"#444" if tick == 0 else "#ddd"}"/>'
            )
            parts.append(_text(px, bottom + 14, f"{2.0**tick:g}", size=9, anchor="middle"))
        if column == "selection_vs_rest":
            px = left + _x(report.selection_threshold) * _PANEL_W
            parts.append(
                f'<line x1="{px:.1f}" y1="{_TOP - 8}" x2="{px:.1f}" y2="{bottom}" '
                f'stroke="{_COLOURS[1]}" stroke-dasharray="4 3"/>'
            )
            parts.append(
                _text(px + 3, _TOP - 10, f"threshold {report.selection_threshold:g}", size=9)
            )
    for i, (name, row) in enumerate(table.iterrows()):
        y = _TOP + _ROW_H * i
        flagged = bool(row["flagged"])
        colour = _COLOURS[1] if flagged else _COLOURS[0]
        weight = ' font-weight="bold"' if flagged else ""
        label = f"{'FLAG ' if flagged else ''}{name}"
        parts.append(
            f'<text x="{_LABEL_W - 6}" y="{y + 13}" font-size="10" text-anchor="end"{weight}>'
            f"{html.escape(label[:32])}</text>"
        )
        for _, column, left in panels:
            value, low, high = row[column], row[f"{column}_low"], row[f"{column}_high"]
            tip = f"{name}: {value:.2f} ({low:.2f}-{high:.2f})"
            if math.isnan(value):
                parts.append(_text(left + _x(1.0) * _PANEL_W + 4, y + 13, "n/a", size=9))
                continue
            one, at = left + _x(1.0) * _PANEL_W, left + _x(value) * _PANEL_W
            parts.append(
                f'<rect x="{min(one, at):.1f}" y="{y + 4}" width="{abs(at - one):.1f}" '
                f'height="{_ROW_H - 8}" fill="{colour}" opacity="0.75">'
                f"<title>{html.escape(tip)}</title></rect>"
            )
            if not (math.isnan(low) or math.isnan(high)):
                x1, x2 = left + _x(low) * _PANEL_W, left + _x(high) * _PANEL_W
                mid = y + _ROW_H / 2
                # an end cut off by the axis gets no cap: the interval goes on
                caps = "".join(
                    f"M{x:.1f},{mid - 4}v8"
                    for x, inside in ((x1, 0 < _x(low)), (x2, _x(high) < 1))
                    if inside
                )
                parts.append(
                    f'<path d="M{x1:.1f},{mid}H{x2:.1f}{caps}" stroke="#222" fill="none"/>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _pct(value: float) -> str:
    return "–" if math.isnan(value) else f"{100 * value:.1f}%"


def _ratio(value: float) -> str:
    if math.isnan(value):
        return "–"
    return "inf" if math.isinf(value) else f"{value:.2f}"


def _with_ci(row: pd.Series, column: str, fmt: str) -> str:
    show = _pct if fmt == "pct" else _ratio
    value, low, high = row[column], row[f"{column}_low"], row[f"{column}_high"]
    if math.isnan(value):
        return "–"
    return f"{show(value)} <small>({show(low)}–{show(high)})</small>"


def _groups_table(report: FairnessReport) -> str:
    head = (
        "<tr><th>group</th><th>declarations</th><th>controlled</th><th>selection rate</th>"
        "<th>selection / rest</th><th>selection / overall</th><th>hits</th>"
        "<th>hit rate</th><th>hit rate / rest</th><th>random controls (hits)</th>"
        "<th>random hit rate</th><th>random / rest</th><th>verdict</th></tr>"
    )
    rows = []
    for name, row in report.table.iterrows():
        cls = ' class="flagged"' if row["flagged"] else (' class="small"' if row["small"] else "")
        rows.append(
            f"<tr{cls}><th>{html.escape(str(name))}</th>"
            f"<td>{row['declarations']:,}</td><td>{row['controlled']:,}</td>"
            f"<td>{_with_ci(row, 'selection_rate', 'pct')}</td>"
            f"<td>{_with_ci(row, 'selection_vs_rest', 'ratio')}</td>"
            f"<td>{_with_ci(row, 'selection_ratio', 'ratio')}</td>"
            f"<td>{row['hits']:,}</td>"
            f"<td>{_with_ci(row, 'hit_rate', 'pct')}</td>"
            f"<td>{_with_ci(row, 'hit_vs_rest', 'ratio')}</td>"
            f"<td>{row['random_controls']:,} ({row['random_hits']:,})</td>"
            f"<td>{_with_ci(row, 'random_hit_rate', 'pct')}</td>"
            f"<td>{_with_ci(row, 'random_hit_vs_rest', 'ratio')}</td>"
            f'<td class="reason">{"<b>flagged</b>: " if row["flagged"] else ""}'
            f"{html.escape(str(row['reason']))}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def fairness_section(report: FairnessReport) -> str:
    """The audit as an HTML fragment (heading, summary, rule, chart, table, limits)."""
    o = report.overall
    pct = f"{100 * report.confidence:g}%"
    flagged = report.flagged
    verdict = (
        f'<p class="verdict flagged"><b>Flagged ({len(flagged)}):</b> '
        f"{html.escape(', '.join(flagged))}</p>"
        if flagged
        else '<p class="verdict"><b>No group is flagged.</b></p>'
    )
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in report.notes)
    return f"""<section class="fairness">
<h2>Bias audit by {html.escape(report.by)}</h2>
<p>{o["declarations"]:,.0f} declarations, {o["controlled"]:,.0f} controlled
({_pct(o["selection_rate"])}), {o["hits"]:,.0f} found non-compliant
({_pct(o["hit_rate"])} of controls); {o["random_controls"]:,.0f} random controls with
{o["random_hits"]:,.0f} hit(s) ({_pct(o["random_hit_rate"])}).
Groups are read from <code>{html.escape(report.column)}</code>, one value per declaration
(for item fields, the declaration's highest-value item).</p>
{verdict}
<h3>How a group is flagged</h3>
<p>The audit asks whether a group is controlled markedly more often than everyone else
without being found non-compliant correspondingly more often. For each group it compares the
group's selection rate with the rate of all other declarations (the ratio "selection / rest"),
and the same for the hit rate among its controlled declarations. Every figure has a {pct}
confidence interval (Wilson for rates, Katz log interval for ratios). {html.escape(report.rule)}
In the chart, a flagged group's red selection bar lies, with its whole interval, right of the
dashed threshold, while its hit-rate interval ends left of where the selection interval
begins.</p>
{ratio_chart(report)}
<ul>{notes}</ul>
<h3>All groups</h3>
{_groups_table(report)}
<h3>Limits</h3>
<p>{html.escape(LIMITS)}</p>
</section>"""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_") or "group"


def write_fairness_report(report: FairnessReport, out_dir: Path | str) -> tuple[Path, Path]:
    """Write ``fairness_<by>.json`` and a self-contained ``fairness_<by>.html``."""
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    stem = f"fairness_{_slug(report.by)}"
    json_path = directory / f"{stem}.json"
    json_path.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")
    title = "ClearLane bias audit"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1400px;color:#222}}
table{{border-collapse:collapse;font-size:12px;margin-bottom:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right}}
th:first-child,th:last-child,td.reason{{text-align:left}}
td.reason{{font-size:11px;max-width:380px}}
tr.flagged{{background:{_FLAG_FILL}}} tr.small{{color:#777}}
p.verdict.flagged{{color:{_COLOURS[1]}}} svg{{margin:6px 0;border:1px solid #eee}}
</style></head><body>
<h1>{html.escape(title)}</h1>
{fairness_section(report)}
</body></html>"""
    html_path = directory / f"{stem}.html"
    html_path.write_text(page, encoding="utf-8")
    return json_path, html_path
