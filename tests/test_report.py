"""The HTML report (figures.report): structure, links, escaping, offsets, CSP, chart and CLI.

Reports are built by hand here (no dependency on the checks engine), except the seeds tests at
the end, which run the real pipeline. The browser test is tests/test_report_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.model import DocResult, Figure, Finding, Kind, MentionRef, Report
from figures.report import CSP, JS, esc, json_for_script, layout, to_html, write_html

from .conftest import SEEDS

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
SVG_SELF_CLOSING = {"line", "rect", "circle", "path"}

TEXT_A = "Xiaomi will invest RMB 10 billion ($1.54 billion) initially; shares rose 8.51%."
TEXT_B = "Xiaomi pledged 10 billion dollars over ten years."


# --------------------------------------------------------------------------------- helpers
class Page(HTMLParser):
    """Collects elements (tag, attrs), checks nesting, and the text under chosen ids."""

    def __init__(self, capture: set[str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.capture = capture or set()
        self.captured: dict[str, list[str]] = {}
        self._cap: list[tuple[str, int]] = []  # (id, depth at which it opened)
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "script":
            self._in_script = a
            self._script_text = []
        if tag in VOID:
            return
        self.stack.append(tag)
        if a.get("id") in self.capture:
            self._cap.append((a["id"], len(self.stack)))
            self.captured[a["id"]] = []

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in VOID and tag not in SVG_SELF_CLOSING:
            self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None
        while self._cap and self._cap[-1][1] == len(self.stack):
            self._cap.pop()
        self.stack.pop()

    def handle_data(self, data):
        if self._in_script is not None:
            self._script_text.append(data)
        for cid, _ in self._cap:
            self.captured[cid].append(data)

    def by_tag(self, tag: str) -> list[dict]:
        return [a for t, a in self.elements if t == tag]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if a.get("id")}

    def with_class(self, cls: str, tag: str | None = None) -> list[dict]:
        return [a for t, a in self.elements
                if (tag is None or t == tag) and cls in (a.get("class") or "").split()]


def parse(page: str, capture: set[str] | None = None) -> Page:
    p = Page(capture)
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert p.stack == [], p.stack
    return p


def fig(doc, text, start, end, kind=Kind.MONEY, **kw) -> Figure:
    return Figure(doc=doc, start=start, end=end, text=text[start:end], kind=kind,
                  value=kw.pop("value", Decimal(1)), **kw)


def span_of(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def ref(doc, text, sub) -> MentionRef:
    s, e = span_of(text, sub)
    return MentionRef(doc, s, e, sub)


def sample_report() -> tuple[Report, dict[str, str]]:
    a, b = "a.txt", "b.txt"
    rmb = fig(a, TEXT_A, *span_of(TEXT_A, "RMB 10 billion"), value=Decimal("1E10"), currency="CNY",
              date=date(2021, 10, 19), to_currency="USD",
              normalized_value=Decimal("1565185861.6234"), rate=Decimal("0.1565185861623"),
              rate_date=date(2021, 10, 19), rate_source="ECB")
    usd = fig(a, TEXT_A, *span_of(TEXT_A, "$1.54 billion"), value=Decimal("1.54E9"), currency="USD")
    pct = fig(a, TEXT_A, *span_of(TEXT_A, "8.51%"), kind=Kind.PERCENT, value=Decimal("8.51"))
    usd_b = fig(b, TEXT_B, *span_of(TEXT_B, "10 billion dollars"), value=Decimal("1E10"),
                currency="USD")
    yrs = fig(b, TEXT_B, *span_of(TEXT_B, "ten years"), kind=Kind.DURATION, value=Decimal(10),
              unit="year")
    conv = Finding("conversion", "inconsistent", "warning",
                   (ref(a, TEXT_A, "RMB 10 billion"), ref(a, TEXT_A, "$1.54 billion")),
                   "'RMB 10 billion' = '$1.54 billion' implies 6.4935 CNY per USD; ECB 6.3890",
                   {"implied_rate": Decimal("6.4935"), "implied_low": Decimal("6.4725"),
                    "implied_high": Decimal("6.5147"), "reference_rate": Decimal("6.3890"),
                    "tolerance": Decimal("0.0132"), "rel_diff": Decimal("0.0164"),
                    "rate_unit": "CNY per USD", "rate_date": date(2021, 10, 19),
                    "rate_source": "ECB", "held_on": tuple(f"2021-0{i}-01" for i in range(1, 10))})
    same = Finding("same_fact", "consistent", "info",
                   (MentionRef(a, usd.start, usd.end, usd.text), ref(b, TEXT_B, "10 billion dollars")),
                   "same fact stated twice across documents", {"interval_a": (Decimal(1), None)})
    unver = Finding("percent_change", "unverifiable", "info", (ref(a, TEXT_A, "8.51%"),),
                    "needs the previous price", {})
    report = Report(
        (DocResult(a, date(2021, 10, 19), (rmb, usd, pct), (conv, unver)),
         DocResult(b, None, (usd_b, yrs), ())),
        (same,),
    )
    return report, {a: TEXT_A, b: TEXT_B}


def visible_text(page: str, doc_index: int = 0) -> str:
    cid = f"doc-{doc_index}-text"
    p = parse(page, {cid})
    return "".join(p.captured[cid])


# --------------------------------------------------------------------------------- structure
def test_structure_highlights_and_landmarks():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    assert page.startswith("<!DOCTYPE html>")
    p = parse(page)
    html_el = p.by_tag("html")[0]
    assert html_el["lang"] == "en"
    assert len(p.by_tag("h1")) == 1 and len(p.by_tag("main")) == 1 and p.by_tag("nav")
    marks = p.with_class("fig", "mark")
    assert len(marks) == len(report.figures) == 5
    for m in marks:
        assert m["tabindex"] == "0" and m["role"] == "button" and m["id"]
        assert m["data-kind"] in {k.value for k in Kind}
    ids = [a["id"] for _, a in p.elements if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    # summary counts
    assert "<strong>2</strong> documents" in page and "<strong>5</strong> figures" in page
    assert "<strong>3</strong> findings" in page


def test_tooltip_data_attributes_carry_rate_date_and_source():
    report, texts = sample_report()
    p = parse(to_html(report, texts=texts))
    rmb = next(m for m in p.with_class("fig", "mark") if m.get("data-source"))
    assert rmb["data-value"] == "CNY 10,000,000,000"
    assert rmb["data-normalized"] == "USD 1,565,185,861.62"
    assert rmb["data-rate"].startswith("1 CNY = 0.156519 USD (1 USD = 6.389")
    assert rmb["data-rate-date"] == "2021-10-19" and rmb["data-source"] == "ECB"
    assert rmb["data-status"] == "inconsistent" and "st-inconsistent" in rmb["class"]


def test_every_finding_present_and_linked_both_ways():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    p = parse(page)
    ids = p.ids()
    items = p.with_class("finding", "li")
    assert len(items) == len(report.findings) == 3
    marks = {m["id"]: m for m in p.with_class("fig", "mark")}
    for li in items:
        spans = li["data-spans"].split()
        assert spans and all(s in marks for s in spans)
        for s in spans:  # the span lists the finding back
            assert li["id"] in marks[s]["data-findings"].split()
    for m in marks.values():
        for fid in (m.get("data-findings") or "").split():
            assert fid in ids
    for a in p.by_tag("a"):
        assert a["href"].startswith("#") and a["href"][1:] in ids, a["href"]
    # the cross-document finding links spans in both documents
    cross = next(li for li in items if li["data-check"] == "same_fact")
    assert {s.split("-")[0] for s in cross["data-spans"].split()} == {"d0", "d1"}
    # status words and icons are present (never colour alone)
    for word in ("✘", "inconsistent", "✔", "consistent", "?", "unverifiable"):
        assert word in page
    # the JSON block mirrors the findings and their spans
    data = json.loads(dict((a.get("id"), t) for a, t in p.scripts)["figures-data"])
    assert set(data["findings"]) == {li["id"] for li in items}
    assert data["highlights"] == len(marks)


def test_details_arithmetic_rendered():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    assert "implied rate</dt><dd>6.4935</dd>" in page
    assert "reference rate</dt><dd>6.389</dd>" in page
    assert "rel diff</dt><dd>0.0164 (+1.64%)</dd>" in page
    assert "<summary>9 items</summary>" in page  # long lists fold away
    assert "[1, +∞]" in page  # open interval


def test_no_external_reference_anywhere():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    p = parse(page)
    for tag, attrs in p.elements:
        for k, v in attrs.items():
            if k in ("src", "href", "action", "formaction", "xlink:href", "srcset", "poster", "data"):
                assert v is not None and v.startswith("#"), (tag, k, v)
    assert not p.by_tag("link") and not p.by_tag("img") and not p.by_tag("iframe")
    assert all(not a.get("src") for a in p.by_tag("script"))
    assert not re.search(r"(https?|ftp|file|wss?):", page, re.I)
    assert "url(" not in page and "@import" not in page
    assert "//" not in re.sub(r"<script>.*?</script>", "", page, flags=re.S)


def test_csp_meta_allows_exactly_the_one_script():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    p = parse(page)
    metas = [m for m in p.by_tag("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1 and metas[0]["content"] == CSP
    assert "default-src 'none'" in CSP and "img-src data:" in CSP and "unsafe-inline" not in CSP.split(
        "script-src")[1]
    inline = [t for a, t in p.scripts if a.get("type") is None]
    assert len(inline) == 1 and inline[0] == JS
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in CSP
    # the CSP meta comes before any script or style
    assert page.index("Content-Security-Policy") < page.index("<style>") < page.index("<script")


# --------------------------------------------------------------------------------- security
EVIL = ("<script>alert(1)</script> and <img src=x onerror=alert(1)> and </script><script>x()</script>"
        " & \"quotes\" 'single' \u2028 <!-- --> RMB 5 billion")


def test_injected_markup_in_article_and_strings_is_escaped():
    s, e = span_of(EVIL, "RMB 5 billion")
    evil_name = '"><script>alert(2)</script>.txt'
    f1 = Figure(evil_name, s, e, EVIL[s:e], Kind.MONEY, Decimal("5E9"), currency="CNY",
                rate_note="<img src=x onerror=alert(3)>")
    q0, q1 = span_of(EVIL, "quotes")
    f2 = Figure(evil_name, q0, q1, "quotes", Kind.COUNT, Decimal(1), unit="</script><b>")
    finding = Finding("conversion<script>", "inconsistent\"><b>", "warning",
                      (MentionRef(evil_name, s, e, "</script><script>alert(4)</script>"),),
                      "msg <script>alert(5)</script>",
                      {"k<script>": "</script><img src=x onerror=alert(6)>",
                       "implied_rate": "</script>", "reference_rate": Decimal(1), "tolerance": 1})
    report = Report((DocResult(evil_name, None, (f1, f2), (finding,)),))
    page = to_html(report, texts=[EVIL], title="<script>alert(7)</script>")
    assert len(re.findall(r"<script", page, re.I)) == 2  # the JSON block and the app
    assert "<img" not in page.lower() and "<b>" not in page and "<!-- -->" not in page
    assert "\u2028" not in page.split('id="figures-data">')[1].split("</script>")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert visible_text(page) == EVIL
    p = parse(page)
    assert [a.get("id") for a, _ in p.scripts] == ["figures-data", None]
    data = json.loads(p.scripts[0][1])
    assert data["findings"]["f0"]["check"] == "conversion<script>"
    assert data["findings"]["f0"]["label"] == "</script><script>alert(4)</script>"


def test_json_for_script_escapes_breakouts():
    s = json_for_script({"a": "</script><!--<script>&\u2028\u2029"})
    assert not set(s) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(s) == {"a": "</script><!--<script>&\u2028\u2029"}
    assert esc("\"'<>&\r") == "&quot;&#x27;&lt;&gt;&amp;&#13;"


# --------------------------------------------------------------------------------- offsets
def _mk(text: str, spans: list[tuple[int, int]], doc="d") -> Report:
    figs = tuple(Figure(doc, s, e, text[s:e] if 0 <= s <= e <= len(text) else "", Kind.COUNT,
                        Decimal(1)) for s, e in spans)
    return Report((DocResult(doc, None, figs, ()),))


def test_nested_and_crossing_spans():
    text = "alpha beta gamma delta"
    # (0,10) contains (6,10); (8,16) crosses (0,10) -> skipped, listed below the text.
    page = to_html(_mk(text, [(0, 10), (6, 10), (8, 16), (17, 22), (30, 40), (3, 3)]), texts=[text])
    assert visible_text(page) == text
    p = parse(page)
    assert len(p.with_class("fig", "mark")) == 6  # every span has exactly one highlight element
    assert len(p.with_class("off-text", "mark")) == 3
    assert "overlaps &#x27;beta&#x27;" in page and "outside the text" in page
    assert "empty span" in page
    assert re.search(r'<mark [^>]*id="d0-s0"[^>]*>alpha <mark [^>]*>beta</mark></mark> gamma <mark ',
                     page)


def test_layout_is_deterministic_outer_first():
    class S:
        def __init__(self, s, e):
            self.start, self.end, self.text = s, e, f"{s}-{e}"

    spans = sorted([S(0, 5), S(0, 3), S(2, 7), S(5, 6)], key=lambda s: (s.start, -s.end))
    placed, skipped = layout(10, spans)
    assert [(s.start, s.end) for s in placed] == [(0, 5), (0, 3), (5, 6)]
    assert [(s.start, s.end) for s, _ in skipped] == [(2, 7)]


PIECES = st.sampled_from(["<", ">", "&", '"', "'", "<script>", "</script>", "&amp;", "&lt;", "\r\n",
                          "\r", "\n\n", "\u2028", "<!--", "]]>", "<img src=x onerror=alert(1)>",
                          "\t", " ", "😀", "é", "\x00", "\x0b", "RMB 10 billion"])
TEXTS = st.lists(st.one_of(PIECES, st.text(st.characters(exclude_categories=("Cs",)), max_size=12)),
                 max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), text=TEXTS)
def test_visible_text_equals_original(data, text):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2)),
                               max_size=12))
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    report = _mk(text, spans)
    page = to_html(report, texts=[text])
    assert visible_text(page) == text
    assert len(re.findall(r"<script", page, re.I)) == 2
    p = parse(page)
    assert len(p.with_class("fig", "mark")) == len(set(spans))


# --------------------------------------------------------------------------------- chart
def test_chart_svg_present_with_conversion_and_well_formed():
    report, texts = sample_report()
    page = to_html(report, texts=texts)
    svg = re.search(r"<svg .*?</svg>", page, re.S).group(0)
    root = ET.fromstring(svg)  # well-formed XML as well as HTML
    assert root.get("role") == "img" and root.get("aria-labelledby")
    assert "implied 6.4935 vs ECB 6.389 CNY per USD" in svg
    assert "tolerance ±1.3%" in svg and "✘ inconsistent: +1.6%" in svg
    assert "xmlns" not in svg


def test_no_chart_without_conversions_says_so():
    text = "up 5%"
    page = to_html(_mk(text, [(3, 5)]), texts=[text])
    assert "<svg" not in page
    assert "No currency conversions were checked" in page


def test_conversion_without_reference_is_not_charted():
    text = "RMB 10 billion ($1.54 billion)"
    f = Finding("conversion", "unverifiable", "warning", (MentionRef("d", 0, 14, "RMB 10 billion"),),
                "no date", {"implied_rate": Decimal("6.4935"), "tolerance": Decimal("0.01")})
    report = Report((DocResult("d", None, (), (f,)),))
    page = to_html(report, texts=[text])
    assert "<svg" not in page and "none could be compared with a reference rate" in page
    # a mention that is not an extracted figure is still highlighted and linked
    p = parse(page)
    assert [m["data-kind"] for m in p.with_class("fig", "mark")] == ["mention"]
    assert visible_text(page) == text


# --------------------------------------------------------------------------------- edge cases
def test_missing_text_lists_figures_and_unreadable_docs_are_named():
    report, _ = sample_report()
    bad = DocResult("broken.txt", None, (), (), error="broken.txt: not UTF-8")
    page = to_html(Report((*report.documents, bad), report.cross_findings))
    p = parse(page)
    assert len(p.with_class("fig", "mark")) == 5  # listed, not dropped
    assert "The document text is not available" in page
    assert "broken.txt: not UTF-8" in page and "(1 unreadable)" in page


def test_rejects_non_report():
    from figures.errors import FiguresError

    with pytest.raises(FiguresError, match="needs a figures Report"):
        to_html({"documents": []})


def test_write_html_atomic(tmp_path):
    report, texts = sample_report()
    out = write_html(report, tmp_path / "r.html", texts=texts)
    assert out.read_text(encoding="utf-8") == to_html(report, texts=texts)
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_output_is_deterministic():
    report, texts = sample_report()
    assert to_html(report, texts=texts) == to_html(report, texts=texts)


# --------------------------------------------------------------------------------- real pipeline
@pytest.fixture(scope="module")
def seeds_report():
    from figures.checking import check_documents
    from figures.inputs import read_documents

    docs = list(read_documents([SEEDS]))
    return check_documents(docs), docs


def test_seeds_report(seeds_report):
    report, docs = seeds_report
    page = to_html(report, texts=[d.text for d in docs])
    p = parse(page)
    assert len(p.with_class("fig", "mark")) == len({(f.doc, f.start, f.end) for f in report.figures})
    assert len(p.with_class("finding", "li")) == len(report.findings)
    for i, d in enumerate(docs):
        assert visible_text(page, i) == d.text
    conv = [f for f in report.findings if f.check == "conversion"]
    assert conv, "the seeds hold a bracketed conversion (RMB 10 billion ($1.54 billion))"
    assert "<svg" in page and "RMB 10 billion = $1.54 billion" in page


def test_cli_report(tmp_path, capsys):
    from figures.cli import main

    out = tmp_path / "report.html"
    assert main(["report", str(SEEDS), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<section class="doc"') == 5
    assert "wrote" in capsys.readouterr().err


def test_cli_report_usage_and_unreadable(tmp_path, capsys):
    from figures.cli import main

    assert main(["report", str(SEEDS)]) == 2  # -o is required
    assert "-o" in capsys.readouterr().err
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text("Xiaomi will invest RMB 10 billion ($1.54 billion).", encoding="utf-8")
    (d / "bad.txt").write_bytes(b"caf\xe9 latin-1")
    out = tmp_path / "r.html"
    assert main(["report", str(d), "-o", str(out), "--date", "2021-10-19", "-q"]) == 2
    page = out.read_text(encoding="utf-8")
    assert "good.txt" in page and "bad.txt" in page
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2


def test_lone_surrogates_become_replacement_characters(tmp_path):
    text = "caf\udce9 RMB 5 billion"
    f = Figure("caf\udce9.txt", 5, 18, text[5:18], Kind.MONEY, Decimal("5E9"), currency="CNY")
    report = Report((DocResult("caf\udce9.txt", None, (f,), ()),))
    page = to_html(report, texts=[text])
    page.encode("utf-8")  # strict: no surrogate left
    assert visible_text(page) == "caf\ufffd RMB 5 billion"
    write_html(report, tmp_path / "r.html", texts=[text])


def test_cli_report_with_extra_rates_and_stdout(tmp_path, capsys):
    from figures.cli import main

    rates = tmp_path / "mine.csv"
    rates.write_text("date,currency,rate\n2021-10-19,CNY,7.5\n", encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Xiaomi will invest RMB 10 billion ($1.54 billion).", encoding="utf-8")
    assert main(["report", str(doc), "--date", "2021-10-19", "--rates", str(rates), "-o", "-"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and 'class="finding ' in page
