"""Every check survives whatever the extractor finds in arbitrary text, and its findings are
well formed (statuses, severities, mentions inside the text, JSON-ready details)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.checks.runner import check, report_dict

FRAGMENTS = [
    "RMB 10 billion", "($1.54 billion)", "$10 billion", "HK$13.52", "up 8.51%", "down 3%",
    "more than 2,300 people", "about 2,300 people", "nearly 1,800 people", "expanded by",
    "half", "a quarter", "the remaining quarter", "150,000 vehicles per year", "in 2024",
    "900,000 units", "in those three years", "within 15-20 years", "¥500", "€3.2m", "0",
    "$0", "-5%", "from $9.52 to $10.00", "or about", "(191.1 trillion won, US$177 billion)",
    "capacity of", "sales of", "R&D team of", "investment of", "closed at", "shares",
    "Xiaomi", "Acme", ",", ".", "\n\n", "and", "the", "rose 5% to $10", "35.9 yuan/share",
    "Rs 5 crore", "10 lakh", "£1.2bn", "1,000,000,000,000 dollars", "3 to 4 years",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25), min_size=1, max_size=3),
       st.sampled_from([None, "2021-10-19", "2023-02-11"]))
def test_checks_never_crash_and_are_well_formed(parts, date):
    texts = [" ".join(p) for p in parts]
    report = check(texts, date=date)
    names = {d.doc: t for d, t in zip(report.documents, texts, strict=True)}
    for f in report.findings:
        assert f.status in ("consistent", "inconsistent", "unverifiable")
        assert f.severity in ("info", "warning", "error")
        if f.status == "consistent":
            assert f.severity == "info"
        if f.severity == "info":  # unverifiable-info: only an implied value with nothing to check
            assert f.status == "consistent" or f.check == "percent_change"
        assert f.mentions and f.message
        for m in f.mentions:
            assert names[m.doc][m.start:m.end] == m.text
    json.dumps(report_dict(report))
