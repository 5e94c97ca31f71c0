"""JSON and self-contained HTML evaluation reports.

Charts are hand-written inline SVG: the report must open offline, on an air-gapped customs
network, with no CDN and no plotting dependency.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clearlane.learn.evaluate import Comparison, declaration_level

_COLOURS = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#999")
_W, _H, _PAD = 420, 300, 42


def _text(x: float, y: float, text: str, *, size: int = 10, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" text-anchor="{anchor}">'
        f"{html.escape(text)}</text>"
    )


def _points(xs: Sequence[float], ys: Sequence[float]) -> str:
    return " ".join(
        f"{_PAD + x * (_W - 2 * _PAD):.1f},{_H - _PAD - y * (_H - 2 * _PAD):.1f}"
        for x, y in zip(xs, ys, strict=True)
        if math.isfinite(x) and math.isfinite(y)
    )


def line_chart(
    title: str,
    series: Mapping[str, tuple[Sequence[float], Sequence[float]]],
    *,
    x: str,
    y: str,
) -> str:
    """An SVG line chart on [0, 1] x [0, 1]."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W + 190}" height="{_H}" '
        f'role="img" aria-label="{html.escape(title)}">',
        f'<text x="{_PAD}" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
        f'<rect x="{_PAD}" y="{_PAD}" width="{_W - 2 * _PAD}" height="{_H - 2 * _PAD}" '
        'fill="none" stroke="#444"/>',
    ]
    for t in (0.0, 0.25, 0.5, 0.75, 1.0):
        px = _PAD + t * (_W - 2 * _PAD)
        py = _H - _PAD - t * (_H - 2 * _PAD)
        parts.append(_text(px, _H - _PAD + 14, f"{t:g}", anchor="middle"))
        parts.append(
            f'<text x="{_PAD - 4}" y="{py + 3:.0f}" font-size="10" text-anchor="end">{t:g}</text>'
        )
    parts.append(_text(_W / 2, _H - 6, x, size=11, anchor="middle"))
    parts.append(
        f'<text x="12" y="{_H / 2:.0f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 12 {_H / 2:.0f})">{html.escape(y)}</text>'
    )
    for i, (name, (xs, ys)) in enumerate(series.items()):
        colour = _COLOURS[i % len(_COLOURS)]
        dash = ' stroke-dasharray="4 3"' if name.startswith("random") or name == "ideal" else ""
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="1.6"{dash} '
            f'points="{_points(xs, ys)}"/>'
        )
        ly = _PAD + 14 * i
        parts.append(
            f'<line x1="{_W}" y1="{ly}" x2="{_W + 16}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="3"/>'
        )
        parts.append(f'<text x="{_W + 20}" y="{ly + 4}" font-size="10">{html.escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _tick(value: float) -> str:
    return f"{value:.3g}"


def xy_chart(title: str, xs: Sequence[float], ys: Sequence[float], *, x: str, y: str) -> str:
    """An SVG line chart on the data's own ranges (e.g. a partial-dependence curve)."""
    pairs = [(a, b) for a, b in zip(xs, ys, strict=True) if math.isfinite(a) and math.isfinite(b)]
    if not pairs:
        return ""
    x0, x1 = min(p[0] for p in pairs), max(p[0] for p in pairs)
    y0, y1 = min(p[1] for p in pairs), max(p[1] for p in pairs)
    if y1 - y0 < 1e-9:  # a flat curve: give it some room
        y0, y1 = y0 - 0.01, y1 + 0.01
    x1 = x1 if x1 > x0 else x0 + 1.0
    scaled_x = [(a - x0) / (x1 - x0) for a, _ in pairs]
    scaled_y = [(b - y0) / (y1 - y0) for _, b in pairs]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{_H}" '
        f'role="img" aria-label="{html.escape(title)}">',
        f'<text x="{_PAD}" y="16" font-size="13" font-weight="bold">{html.escape(title)}</text>',
        f'<rect x="{_PAD}" y="{_PAD}" width="{_W - 2 * _PAD}" height="{_H - 2 * _PAD}" '
        'fill="none" stroke="#444"/>',
    ]
    for t in (0.0, 0.5, 1.0):
        px = _PAD + t * (_W - 2 * _PAD)
        py = _H - _PAD - t * (_H - 2 * _PAD)
        parts.append(_text(px, _H - _PAD + 14, _tick(x0 + t * (x1 - x0)), anchor="middle"))
        parts.append(_text(_PAD - 4, py + 3, _tick(y0 + t * (y1 - y0)), anchor="end"))
    parts.append(_text(_W / 2, _H - 6, x, size=11, anchor="middle"))
    parts.append(
        f'<text x="10" y="{_H / 2:.0f}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 10 {_H / 2:.0f})">{html.escape(y)}</text>'
    )
    parts.append(
        f'<polyline fill="none" stroke="{_COLOURS[0]}" stroke-width="1.8" '
        f'points="{_points(scaled_x, scaled_y)}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _explanations_html(explanations: Mapping[str, Any]) -> str:
    """The global-explanations section (importance two ways, partial dependence)."""
    if not explanations:
        return ""
    if not explanations.get("available"):
        note = html.escape(str(explanations.get("note", "")))
        return f"<h2>Global explanations of the engine model</h2><p>{note}</p>"
    importance = pd.DataFrame.from_dict(explanations["importance"], orient="index")
    shown = importance.head(20)
    rows = "".join(
        f"<tr><th>{html.escape(str(name))}</th><td>{row['mean_abs_shap']:.4f}</td>"
        f"<td>{row['gain_share']:.3f}</td><td>{row['gain']:.1f}</td></tr>"
        for name, row in shown.iterrows()
    )
    bars = bar_chart("Mean |SHAP| (log-odds), held-out rows", shown["mean_abs_shap"])
    curves = "".join(
        xy_chart(
            f"Partial dependence: {name}",
            curve["grid"],
            curve["average"],
            x=str(name),
            y=str(explanations.get("response", "model probability")),
        )
        for name, curve in explanations.get("partial_dependence", {}).items()
    )
    skipped = "".join(
        f"<li>{html.escape(str(k))}: {html.escape(str(v))}</li>"
        for k, v in explanations.get("partial_dependence_skipped", {}).items()
    )
    return f"""<h2>Global explanations of the engine model</h2>
<p>On {explanations["rows"]} held-out goods items. <em>Gain</em>: the total loss reduction of
the splits on a feature while training (share of all gain). <em>Mean |SHAP|</em>: the average
size of the feature's contribution to the model's log-odds on rows it has not seen (base value
{explanations["model_base"]:.3f}).</p>
<h3>Feature importance: mean |SHAP| and gain</h3>
<table><tr><th>feature</th><th>mean |SHAP|</th><th>gain share</th><th>gain</th></tr>{rows}
</table>
<div>{bars}</div>
<h3>Partial dependence of the top features</h3>
<p>The model's average {html.escape(str(explanations.get("response", "")))} as one feature
sweeps its 5th-95th percentile range on {explanations["pd_rows"]} held-out items, the others
as observed (sklearn.inspection.partial_dependence).</p>
<div>{curves}</div>
{f"<ul>{skipped}</ul>" if skipped else ""}"""


def bar_chart(title: str, values: pd.Series) -> str:
    """Horizontal bars (e.g. feature importance), largest first."""
    values = values.head(20)
    height = 30 + 16 * len(values)
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="620" height="{height}" role="img" '
        f'aria-label="{html.escape(title)}">',
        f'<text x="4" y="14" font-size="13" font-weight="bold">{html.escape(title)}</text>',
    ]
    for i, (name, value) in enumerate(values.items()):
        y = 24 + 16 * i
        width = 380 * float(value) / top
        parts.append(_text(196, y + 10, str(name), anchor="end"))
        parts.append(
            f'<rect x="200" y="{y}" width="{width:.1f}" height="12" fill="{_COLOURS[0]}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _curves(y: np.ndarray, s: np.ndarray, rev: np.ndarray) -> dict[str, tuple[list, list]]:
    order = np.argsort(-np.nan_to_num(s, nan=-np.inf), kind="stable")
    ys = y[order]
    n = len(ys)
    idx = np.unique(np.linspace(0, n - 1, min(n, 200)).astype(int))
    tp = np.cumsum(ys)
    share = (idx + 1) / n
    recall = tp[idx] / max(1.0, ys.sum())
    precision = tp[idx] / (idx + 1)
    return {"pr": (list(recall), list(precision)), "gain": (list(share), list(recall))}


def _calibration(y: np.ndarray, p: np.ndarray, bins: int = 10) -> tuple[list, list]:
    ok = np.isfinite(p)
    y, p = y[ok], p[ok]
    if not len(p):
        return [], []
    edges = np.quantile(p, np.linspace(0, 1, bins + 1))
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, bins - 1)
    xs, ys = [], []
    for b in range(bins):
        mask = which == b
        if mask.any():
            xs.append(float(p[mask].mean()))
            ys.append(float(y[mask].mean()))
    return xs, ys


def _cell(value: Any) -> str:
    """A table cell: numbers to 3 decimals, words (a verdict) as they are."""
    if isinstance(value, str):
        return f"<td>{html.escape(value)}</td>"
    return f"<td>{value:.3f}</td>" if pd.notna(value) else "<td>–</td>"


def _table_html(table: pd.DataFrame) -> str:
    shown = table.drop(columns=[c for c in ("n", "positives") if c in table.columns])
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for name, row in shown.iterrows():
        cells = "".join(_cell(v) for v in row)
        rows.append(f"<tr><th>{html.escape(str(name))}</th>{cells}</tr>")
    n = int(table["n"].iloc[0]) if "n" in table and len(table) else 0
    pos = int(table["positives"].iloc[0]) if "positives" in table and len(table) else 0
    return (
        f"<p>{n} controlled declarations, {pos} positive.</p>"
        f"<table><tr><th>method</th>{head}</tr>{''.join(rows)}</table>"
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return {str(k): _jsonable(v) for k, v in value.to_dict(orient="index").items()}
    if isinstance(value, pd.Series):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _unbiased_html(unbiased: Mapping[str, Any]) -> str:
    """The non-compliance rate of controlled rows (biased by selection) beside the estimate
    from random controls weighted by their inclusion probability."""
    if not unbiased:
        return ""
    biased = unbiased.get("controlled_biased", {})
    ipw = unbiased.get("random_controls_ipw", {})

    def pct(value: Any) -> str:
        return "n/a" if value is None else f"{100 * float(value):.1f} %"

    return (
        "<h2>Non-compliance: biased and unbiased</h2><p>"
        f"All controlled declarations: {pct(biased.get('rate'))} (n = {biased.get('n', 0)}; "
        "biased by risk selection). Random controls, inverse-probability weighted: "
        f"{pct(ipw.get('rate'))} [{pct(ipw.get('low'))}, {pct(ipw.get('high'))}] "
        f"(n = {ipw.get('n', 0)}; {html.escape(str(ipw.get('design', '')))}).</p>"
    )


def write_report(
    result: Comparison,
    directory: Path | str,
    *,
    title: str = "ClearLane targeting evaluation",
    backtest: pd.DataFrame | None = None,
) -> tuple[Path, Path]:
    """Write ``report.json`` and ``report.html`` (self-contained) into ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    extras = result.extras
    payload = {
        "title": title,
        "train_period": extras.get("train_period"),
        "test_period": extras.get("test_period"),
        "tables": {k: _jsonable(v) for k, v in result.tables.items()},
        "engine": {
            "model_version": result.engine.model_version,
            "summary": _jsonable(extras.get("engine_summary", {})),
            "notes": extras.get("engine_notes", []),
        },
        "feature_importance": _jsonable(extras.get("importance", pd.Series(dtype=float))),
        "explanations": {
            **_jsonable(extras.get("global_explanations") or {}),
            "tree_rules": extras.get("tree_rules", ""),
        },
        "backtest": _jsonable(backtest.to_dict(orient="records")) if backtest is not None else None,
        "unbiased": _jsonable(extras.get("unbiased") or {}),
    }
    json_path = directory / "report.json"
    json_path.write_text(json.dumps(payload, indent=2), encoding="utf-8")

    charts = []
    for scope, frame_mask in (("all rows", None), ("novel rows", result.novel)):
        test = result.test if frame_mask is None else result.test[frame_mask]
        pr, gain = {}, {}
        for name, score in result.scores.items():
            decl = declaration_level(test, score)
            if decl.empty:
                continue
            c = _curves(decl["y"].to_numpy(), decl["score"].to_numpy(), decl["rev"].to_numpy())
            pr[name], gain[name] = c["pr"], c["gain"]
        if pr:
            gain["random"] = ([0.0, 1.0], [0.0, 1.0])
            charts.append(line_chart(f"Precision-recall, {scope}", pr, x="recall", y="precision"))
            charts.append(
                line_chart(
                    f"Cumulative gain, {scope}",
                    gain,
                    x="share of declarations inspected",
                    y="share of frauds found",
                )
            )
    decl = declaration_level(result.test, result.scores["engine"])
    calib = {
        "engine score": _calibration(decl["y"].to_numpy(), decl["score"].to_numpy()),
        "ideal": ([0.0, 1.0], [0.0, 1.0]),
    }
    model_p = extras.get("model_probability")
    if model_p is not None and pd.Series(model_p).notna().any():
        d2 = declaration_level(result.test, model_p)
        calib["model probability"] = _calibration(d2["y"].to_numpy(), d2["score"].to_numpy())
    charts.append(line_chart("Calibration (deciles)", calib, x="predicted", y="observed"))
    importance = extras.get("importance")
    if importance is not None and len(importance):
        charts.append(bar_chart("Feature importance (gain), engine model", importance))

    tables = "".join(f"<h2>{html.escape(k)}</h2>{_table_html(v)}" for k, v in result.tables.items())
    bt = ""
    if backtest is not None and not backtest.empty:
        cols = ["precision@5%", "recall@5%", "revenue@5%", "pr_auc", "roc_auc"]
        pivot = backtest.pivot_table(index=["scope", "method"], columns="window", values="pr_auc")
        summary = backtest.groupby(["scope", "method"])[cols].mean()
        bt = (
            "<h2>Temporal backtest (mean over windows)</h2>"
            + summary.to_html(float_format=lambda v: f"{v:.3f}")
            + "<h3>PR-AUC by window</h3>"
            + pivot.to_html(float_format=lambda v: f"{v:.3f}")
        )
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in extras.get("engine_notes", []))
    summary_json = html.escape(json.dumps(_jsonable(extras.get("engine_summary", {})), indent=1))
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:1300px;color:#222}}
table{{border-collapse:collapse;font-size:12px;margin-bottom:1em}}
td,th{{border:1px solid #ccc;padding:3px 6px;text-align:right}}
th:first-child{{text-align:left}} svg{{margin:6px;border:1px solid #eee}}
pre{{background:#f6f6f6;padding:8px;font-size:11px;overflow:auto}}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>Train {html.escape(str(extras.get("train_period")))};
test {html.escape(str(extras.get("test_period")))}.
Engine model version {html.escape(str(result.engine.model_version))}.
"Novel rows": test rows whose declared value and (HS6, net mass) pair never occur in training,
where memory of earlier identical declarations cannot help.</p>
<ul>{notes}</ul>
{_unbiased_html(extras.get("unbiased") or {})}
{tables}
<div>{"".join(charts)}</div>
{_explanations_html(extras.get("global_explanations") or {})}
{bt}
<h2>Engine training summary</h2><pre>{summary_json}</pre>
<h2>Decision tree comparator as rules</h2><pre>{html.escape(extras.get("tree_rules", ""))}</pre>
</body></html>"""
    html_path = directory / "report.html"
    html_path.write_text(page, encoding="utf-8")
    return json_path, html_path
