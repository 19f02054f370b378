"""The report's one chart: implied versus reference rate for every conversion checked.

Each conversion finding (check "conversion" with `implied_rate`, `reference_rate` and
`tolerance` in its details) becomes one row of a forest plot. The x axis is the relative
difference of the implied rate from the reference rate, so conversions between different
currency pairs share one axis; the shaded band is the finding's tolerance (rounding of the
printed figures + allowance), the bar is the range of rates the printed figures admit within
their rounding, and the marker is the implied rate itself. The marker's shape and the row's text
carry the verdict, so colour is never the only signal.

The SVG is written by hand: a few dozen elements, real text (selectable, readable by screen
readers), no fonts or images to embed, no external references and no dependency. Every string
that comes from a finding is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation

from figures.model import Finding

__all__ = ["ChartRow", "chart_rows", "conversion_svg", "fmt_decimal"]

STATUS_COLOUR = {"consistent": "#1a7f37", "inconsistent": "#cf222e", "unverifiable": "#57606a"}
STATUS_ICON = {"consistent": "✔", "inconsistent": "✘", "unverifiable": "?"}


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def _dec(v: object) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        d = v if isinstance(v, Decimal) else Decimal(str(v))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return d if d.is_finite() else None


# Beyond this many digits either side of the point a number is shown in exponent notation:
# plain digits would be unreadable (and a Decimal can hold billions of them).
PLAIN_DIGITS = 30


def round_cents(d: Decimal) -> Decimal:
    """`d` to two decimals, whatever its size (quantize in the default context fails beyond
    28 digits)."""
    if not d.is_finite() or abs(d.adjusted()) > PLAIN_DIGITS:
        return d
    return d.quantize(Decimal("0.01"), context=Context(prec=PLAIN_DIGITS + 4))


def fmt_decimal(d: Decimal, sig: int = 6) -> str:
    """A readable number: thousands separators, at most `sig` significant digits below 1,000,
    two decimals at or above it, never exponent notation (except beyond PLAIN_DIGITS digits,
    where plain digits are unreadable)."""
    if not d.is_finite():
        return str(d)
    if d and abs(d.adjusted()) > PLAIN_DIGITS:
        return f"{d:.{sig - 1}E}"
    ctx = Context(prec=PLAIN_DIGITS + 4)
    if d == d.to_integral_value(context=ctx):
        return f"{d:,f}".split(".")[0]
    if abs(d) >= 1000:
        s = f"{d.quantize(Decimal('0.01'), context=ctx):,f}"
    else:
        places = max(0, sig - d.adjusted() - 1)
        s = format(d.quantize(Decimal(1).scaleb(-places), context=ctx), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


@dataclass(frozen=True)
class ChartRow:
    """One conversion on the chart. Relative values are fractions (0.0164 = +1.64%)."""

    finding_id: str | None
    label: str
    doc: str | None
    status: str
    implied: Decimal
    implied_low: Decimal
    implied_high: Decimal
    reference: Decimal
    tolerance: Decimal
    rate_unit: str
    rate_date: str
    source: str

    @property
    def rel(self) -> Decimal:
        return self.implied / self.reference - 1

    @property
    def rel_low(self) -> Decimal:
        return self.implied_low / self.reference - 1

    @property
    def rel_high(self) -> Decimal:
        return self.implied_high / self.reference - 1


def chart_rows(findings: Iterable[tuple[str | None, Finding]]) -> tuple[list[ChartRow], int]:
    """(rows, skipped): a row per conversion finding that has the numbers to plot; `skipped`
    counts conversion findings without a reference rate (undated, no rate, ...)."""
    rows: list[ChartRow] = []
    skipped = 0
    for fid, f in findings:
        if f.check != "conversion":
            continue
        d = f.details or {}
        implied, ref, tol = (_dec(d.get(k)) for k in ("implied_rate", "reference_rate", "tolerance"))
        if implied is None or ref is None or tol is None or ref <= 0 or implied <= 0:
            skipped += 1
            continue
        lo = _dec(d.get("implied_low")) or implied
        hi = _dec(d.get("implied_high")) or implied
        label = " = ".join(m.text for m in f.mentions) or f.message[:60]
        docs = sorted({m.doc for m in f.mentions if m.doc})
        rows.append(ChartRow(
            finding_id=fid, label=label, doc=", ".join(docs) or None, status=f.status,
            implied=implied, implied_low=min(lo, hi), implied_high=max(lo, hi), reference=ref,
            tolerance=abs(tol), rate_unit=str(d.get("rate_unit") or ""),
            rate_date=str(d.get("rate_date") or ""), source=str(d.get("rate_source") or "reference"),
        ))
    return rows, skipped


def _nice_limit(x: float) -> float:
    """The smallest 'nice' axis limit (1, 2, 2.5, 5 x 10^k percent) at or above x."""
    if x <= 0:
        return 1.0
    k = 10 ** int(f"{x:e}".split("e")[1])
    for m in (1, 2, 2.5, 5, 10):
        if m * k >= x - 1e-12:
            return m * k
    return 10 * k  # pragma: no cover


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _pct(x: Decimal | float, places: int = 1) -> str:
    v = float(x) * 100
    return f"{'+' if v > 0 else ''}{v:.{places}f}%"


def _marker(status: str, x: float, y: float) -> str:
    c = STATUS_COLOUR.get(status, "#57606a")
    if status == "consistent":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{c}" stroke="#fff" stroke-width="1.5"/>'
    if status == "inconsistent":
        r = 6
        return (f'<path d="M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}'
                f'L{x + r:.1f},{y - r:.1f}" stroke="{c}" stroke-width="3" stroke-linecap="round"/>')
    return (f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="#fff" '
            f'stroke="{c}" stroke-width="2.5"/>')


def conversion_svg(rows: Sequence[ChartRow], *, svg_id: str = "chart") -> str:
    """An inline <svg> (HTML5 serialization, also well-formed XML) of the conversion rows."""
    width = 1000
    left, plot_w = 270, 320
    right = left + plot_w + 24
    top, row_h = 46, 58
    height = top + row_h * len(rows) + 70
    extent = max([abs(float(v)) for r in rows for v in (r.rel, r.rel_low, r.rel_high, r.tolerance)]
                 + [0.005]) * 1.15 * 100
    lim = _nice_limit(extent)  # percent

    def x(frac: Decimal | float) -> float:
        p = max(-lim, min(lim, float(frac) * 100))
        return left + (p + lim) / (2 * lim) * plot_w

    n = len(rows)
    title = f"Implied versus reference exchange rate for {n} conversion{'s' if n != 1 else ''}"
    desc = "; ".join(
        f"{r.label}: implied {fmt_decimal(r.implied)} versus {r.source} {fmt_decimal(r.reference)} "
        f"{r.rate_unit}, {_pct(r.rel)} against a tolerance of ±{_pct(r.tolerance)[1:]}, {r.status}"
        for r in rows)
    out = [
        f'<svg id="{_esc(svg_id)}" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{_esc(svg_id)}-title {_esc(svg_id)}-desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif" font-size="13">',
        f'<title id="{_esc(svg_id)}-title">{_esc(title)}</title>',
        f'<desc id="{_esc(svg_id)}-desc">{_esc(desc)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
        f'<text x="{left + plot_w / 2:.1f}" y="18" text-anchor="middle" fill="#24292f" '
        'font-weight="600">implied rate − reference rate (relative)</text>',
    ]
    # Row backgrounds under the grid, so the grid lines cross every row.
    for i in range(0, n, 2):
        out.append(f'<rect x="0" y="{top + i * row_h}" width="{width}" height="{row_h}" fill="#f6f8fa"/>')
    # Axis grid and ticks.
    axis_y = top + row_h * n + 6
    for t in (-lim, -lim / 2, 0.0, lim / 2, lim):
        tx = x(t / 100)
        style = ('stroke="#24292f" stroke-width="1.5"' if t == 0
                 else 'stroke="#d0d7de" stroke-width="1" stroke-dasharray="3 3"')
        out.append(f'<line x1="{tx:.1f}" y1="{top - 12}" x2="{tx:.1f}" y2="{axis_y}" {style}/>')
        label = "0" if t == 0 else f"{'+' if t > 0 else '−'}{abs(t):g}%"
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#24292f">'
                   f"{_esc(label)}</text>")
    out.append(f'<text x="{x(0):.1f}" y="{top - 16}" text-anchor="middle" fill="#24292f" '
               'font-size="11">reference rate</text>')
    for i, r in enumerate(rows):
        y0 = top + i * row_h
        cy = y0 + row_h / 2
        colour = STATUS_COLOUR.get(r.status, "#57606a")
        icon = STATUS_ICON.get(r.status, "•")
        out.append(f'<g class="chart-row" data-finding="{_esc(r.finding_id or "")}">')
        out.append(f"<title>{_esc(r.label)}: {_esc(r.status)}</title>")
        out.append(f'<text x="8" y="{cy - 4:.1f}" fill="#24292f" font-weight="600">'
                   f"{_esc(_short(r.label, 36))}</text>")
        out.append(f'<text x="8" y="{cy + 13:.1f}" fill="#57606a" font-size="11">'
                   f"{_esc(_short(r.doc or '', 42))}</text>")
        bx0, bx1 = x(-r.tolerance), x(r.tolerance)
        out.append(f'<rect x="{bx0:.1f}" y="{cy - 14:.1f}" width="{bx1 - bx0:.1f}" height="28" '
                   'fill="#dafbe1" stroke="#1a7f37" stroke-width="1" stroke-dasharray="4 2"/>')
        out.append(f'<line x1="{x(r.rel_low):.1f}" y1="{cy:.1f}" x2="{x(r.rel_high):.1f}" '
                   f'y2="{cy:.1f}" stroke="{colour}" stroke-width="3"/>')
        out.append(_marker(r.status, x(r.rel), cy))
        out.append(f'<text x="{right}" y="{cy - 4:.1f}" fill="#24292f">implied '
                   f"{_esc(fmt_decimal(r.implied))} vs {_esc(r.source)} {_esc(fmt_decimal(r.reference))} "
                   f"{_esc(r.rate_unit)}{_esc(f' ({r.rate_date})' if r.rate_date else '')}</text>")
        out.append(f'<text x="{right}" y="{cy + 13:.1f}" fill="{colour}" font-weight="600">'
                   f"{_esc(icon)} {_esc(r.status)}: {_esc(_pct(r.rel))} (tolerance ±"
                   f"{_esc(_pct(r.tolerance)[1:])})</text>")
        out.append("</g>")
    # Legend.
    ly = axis_y + 40
    out.append(f'<rect x="8" y="{ly - 10}" width="26" height="14" fill="#dafbe1" stroke="#1a7f37" '
               'stroke-dasharray="4 2"/>')
    out.append(f'<text x="40" y="{ly + 1}" fill="#24292f">tolerance (rounding + allowance)</text>')
    out.append(f'<line x1="270" y1="{ly - 3}" x2="300" y2="{ly - 3}" stroke="#57606a" stroke-width="3"/>')
    out.append(f'<text x="306" y="{ly + 1}" fill="#24292f">rates the printed figures admit</text>')
    lx = 540
    for st, word in (("consistent", "consistent"), ("inconsistent", "inconsistent"),
                     ("unverifiable", "unverifiable")):
        out.append(_marker(st, lx, ly - 3))
        out.append(f'<text x="{lx + 12}" y="{ly + 1}" fill="#24292f">{_esc(word)}</text>')
        lx += 120
    out.append("</svg>")
    return "".join(out)
